/**
 * The usage log keeps buyer words only redacted, forgets events past the retention by alarm as well as
 * on write, can be switched off, cleared and exported (NDJSON and CSV with the documented fields).
 */
import { describe, expect, it } from 'vitest';
import { onAlarm, startAlarms } from '../../lib/background/alarms';
import { BackgroundService, type Sender } from '../../lib/background/service';
import { USAGE_PRUNE_ALARM, redactQuestion } from '../../lib/usage/log';
import { USAGE_EVENT_FIELDS, usageCsv, usageNdjson } from '../../lib/usage/ndjson';
import { DAY } from '../../lib/usage/report';
import { memoryPorts } from '../helpers/background';

const ORIGIN = 'chrome-extension://ext/';
const options: Sender = { id: 'ext', url: `${ORIGIN}options.html` };
const content: Sender = { id: 'ext', url: 'https://dongdong.jd.com/', tab: { id: 3, active: true }, frameId: 0 };

function setup() {
  let now = Date.UTC(2026, 10, 30, 10);
  const ports = memoryPorts('usage', { now: () => now });
  return { service: new BackgroundService(ports), ports, later: (ms: number) => (now += ms) };
}

const QUESTION =
  '我叫王小明，电话13812345678，邮箱wang.xm@example.com，地址北京市朝阳区建国路88号，订单号2987654321098，怎么还没发货';

describe('the usage log', () => {
  it('stores an unanswered question with phone, e-mail, address and order masked; the report still reads', async () => {
    const { service, ports } = setup();
    await service.logUnanswered(options, { question: QUESTION, platform: 'jd' });
    const [event] = await ports.db.usage.toArray();
    expect(event!.question).not.toMatch(/13812345678|wang\.xm|建国路88号|2987654321098/);
    expect(event!.question).toContain('[phone]');
    expect(event!.question).toContain('[email]');
    expect(event!.question).toContain('[address]');
    expect(event!.question).toContain('[order]');
    expect(event!.question).toContain('怎么还没发货');
    const report = await service.usageReport(options, { days: 7 });
    expect(report.unanswered[0]!.question).toContain('怎么还没发货');
  });

  it('a content script may not log, clear or export', async () => {
    const { service } = setup();
    await expect(service.clearUsage(content)).rejects.toThrow();
    await expect(service.exportUsage(content, { format: 'csv' })).rejects.toThrow();
  });

  it('prunes by alarm, not only when an event is written, and redacts events stored before redaction', async () => {
    const { service, ports, later } = setup();
    await ports.db.usage.add({ at: Date.UTC(2026, 7, 1), type: 'unanswered', question: 'old 13812345678' });
    await ports.db.usage.add({ at: Date.UTC(2026, 10, 29), type: 'unanswered', question: 'call 13812345678' });
    const alarms = new Map<string, unknown>();
    const fake = {
      get: async (name: string) => alarms.get(name),
      create: (name: string, info: unknown) => void alarms.set(name, info),
    };
    await startAlarms(fake, service);
    expect(alarms.has(USAGE_PRUNE_ALARM)).toBe(true);
    let events = await ports.db.usage.toArray();
    expect(events.map((e) => e.question)).toEqual(['call [phone]']);
    await ports.db.usage.add({ at: Date.UTC(2026, 10, 30), type: 'copied', packId: 'p', entryId: 'e' });
    later(91 * DAY);
    await onAlarm(USAGE_PRUNE_ALARM, service);
    events = await ports.db.usage.toArray();
    expect(events).toEqual([]);
  });

  it('logs nothing when the team lead turned it off, and clears on request', async () => {
    const { service, ports } = setup();
    await service.logUnanswered(options, { question: 'where is my parcel' });
    await service.saveSettings(options, { usageLog: false });
    await service.logUnanswered(options, { question: 'and now?' });
    await service.logComplaint(options, { question: 'terrible', level: 'high', reasons: ['x'] });
    expect(await ports.db.usage.count()).toBe(1);
    await service.clearUsage(options);
    expect(await ports.db.usage.count()).toBe(0);
  });

  it('exports NDJSON (one documented event per line) and CSV with the same columns, formulas defused', async () => {
    const { service } = setup();
    await service.logUnanswered(options, { question: '=HYPERLINK("x"), "quoted", 13812345678', platform: 'jd' });
    await service.logComplaint(options, { question: '差评!', level: 'high', reasons: ['threat', 'anger'] });
    const ndjson = await service.exportUsage(options, { format: 'ndjson', agent: ' li ' });
    const lines = ndjson
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      v: 1,
      ts: '2026-11-30T10:00:00.000Z',
      agent: 'li',
      type: 'unanswered',
      platform: 'jd',
      question: '=HYPERLINK("x"), "quoted", [phone]',
    });
    for (const line of lines)
      expect(Object.keys(line).every((k) => (USAGE_EVENT_FIELDS as readonly string[]).includes(k))).toBe(true);
    const csv = await service.exportUsage(options, { format: 'csv' });
    expect(csv.split('\r\n')[0]).toBe('v,ts,agent,type,platform,pack_id,entry_id,chat,wait_ms,question,level,reasons');
    expect(csv).toContain(`"'=HYPERLINK(""x""), ""quoted"", [phone]"`);
    expect(csv).toContain('high,threat; anger');
    expect(usageNdjson([], 'li')).toBe('');
    expect(usageCsv([], 'li')).toBe(`${USAGE_EVENT_FIELDS.join(',')}\r\n`);
  });

  it('keeps the end of a long message, redacted, in bounded time', () => {
    const long = '13812345678 '.repeat(20_000) + '什么时候发货';
    const start = performance.now();
    const kept = redactQuestion(long);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(kept.endsWith('什么时候发货')).toBe(true);
    expect(kept).not.toMatch(/\d{11}/);
    expect(kept.length).toBeLessThanOrEqual(500);
  });
});
