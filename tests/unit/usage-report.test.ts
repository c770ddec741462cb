import { describe, expect, it } from 'vitest';
import { buildUsageReport, type UsageLogEvent } from '../../lib/usage/report';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 30, 12);
const TITLES: Record<string, string> = { 'p/ship-time': '发货时间', 'p/refund': '退款进度' };
const titles = (packId: string, entryId: string): string | undefined => TITLES[`${packId}/${entryId}`];

describe('buildUsageReport', () => {
  const events: UsageLogEvent[] = [
    { at: now - DAY, type: 'inserted', packId: 'p', entryId: 'ship-time', platform: 'jd' },
    { at: now - 2 * DAY, type: 'inserted', packId: 'p', entryId: 'ship-time' },
    { at: now - 2 * DAY, type: 'copied', packId: 'p', entryId: 'refund' },
    { at: now - 3 * DAY, type: 'inserted', packId: 'gone', entryId: 'old-entry' },
    { at: now - 30 * DAY, type: 'inserted', packId: 'p', entryId: 'refund' },
    { at: now - DAY, type: 'unanswered', question: '能 开 专票吗？', platform: 'jd' },
    { at: now - 2 * DAY, type: 'unanswered', question: '能开专票吗', platform: 'taobao' },
    { at: now - 3 * DAY, type: 'unanswered', question: 'Do you ship to Mars?' },
    { at: now - DAY, type: 'unanswered', question: '   ' },
  ];

  it('counts inserted and copied replies per entry, most used first, titles from the packs', () => {
    const report = buildUsageReport(events, titles, now, 7);
    expect(report.replies).toEqual([
      { packId: 'p', entryId: 'ship-time', title: '发货时间', inserted: 2, copied: 0 },
      { packId: 'gone', entryId: 'old-entry', title: 'old-entry', inserted: 1, copied: 0 },
      { packId: 'p', entryId: 'refund', title: '退款进度', inserted: 0, copied: 1 },
    ]);
    expect(report.totals).toEqual({ inserted: 3, copied: 1, unanswered: 3, complaints: 0 });
  });

  it('groups unanswered questions that differ only in spaces and punctuation, most asked first', () => {
    const report = buildUsageReport(events, titles, now, 7);
    expect(report.unanswered).toEqual([
      { question: '能 开 专票吗？', count: 2, lastAt: now - DAY, platforms: ['jd', 'taobao'] },
      { question: 'Do you ship to Mars?', count: 1, lastAt: now - 3 * DAY, platforms: [] },
    ]);
  });

  it('keeps only the chosen window and the top entries', () => {
    const month = buildUsageReport(events, titles, now, 31, 1);
    expect(month.replies).toHaveLength(1);
    expect(month.totals.inserted).toBe(4);
    expect(buildUsageReport(events, titles, now, 1).totals).toEqual({
      inserted: 1,
      copied: 0,
      unanswered: 1,
      complaints: 0,
    });
  });

  it('lists the complaint risks flagged, newest first, within the window', () => {
    const flagged: UsageLogEvent[] = [
      { at: now - 2 * DAY, type: 'complaint', question: '太坑了  ？？？', level: 'high', reasons: ['太坑', '???'] },
      {
        at: now - DAY,
        type: 'complaint',
        question: '再不发货我就投诉',
        level: 'high',
        reasons: ['投诉'],
        platform: 'jd',
      },
      { at: now - 10 * DAY, type: 'complaint', question: 'old', level: 'watch', reasons: ['无语'] },
    ];
    const report = buildUsageReport([...events, ...flagged], titles, now, 7);
    expect(report.complaints).toEqual([
      { question: '再不发货我就投诉', level: 'high', reasons: ['投诉'], at: now - DAY, platform: 'jd' },
      { question: '太坑了 ？？？', level: 'high', reasons: ['太坑', '???'], at: now - 2 * DAY },
    ]);
    expect(report.totals.complaints).toBe(2);
  });
});
