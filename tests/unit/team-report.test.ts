/** `kpack report` over three agents' exports (tests/fixtures/usage-logs), and the NDJSON export format. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateLogs, groupQuestions, type TeamReport } from '../../lib/cli/team-report';
import { runKpack, type KpackIo } from '../../lib/cli/kpack';
import { parseNdjsonLine, toNdjsonEvent, usageNdjson } from '../../lib/usage/ndjson';
import { usageReportCsv, toCsv } from '../../lib/usage/csv';
import type { UsageLogEvent } from '../../lib/usage/report';
import { buildUsageReport } from '../../lib/usage/report';

const FIXTURES = join(__dirname, '../fixtures/usage-logs');
const LOGS = ['agent-li', 'agent-wang', 'agent-zhao'].map((name) => join(FIXTURES, `${name}.ndjson`));

describe('usage log NDJSON export', () => {
  const events: UsageLogEvent[] = [
    {
      at: Date.UTC(2026, 10, 30, 1),
      type: 'inserted',
      platform: 'taobao',
      packId: 'p',
      entryId: 'e',
      chat: 'c1',
      textHash: 'h',
      sketch: [1, 2],
    },
    {
      at: Date.UTC(2026, 10, 30, 0),
      type: 'unanswered',
      question: '我的电话13812345678，单号 4456789012345678 到哪了',
    },
    { at: Date.UTC(2026, 10, 30, 2), type: 'first_reply', chat: 'c1', waitMs: 1234.6 },
  ];

  it('writes one documented event per line, oldest first, redacting buyer words and dropping text traces', () => {
    const lines = usageNdjson(events, 'li').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.map((e) => e.type)).toEqual(['unanswered', 'inserted', 'first_reply']);
    expect(parsed[0]).toEqual({
      v: 1,
      ts: '2026-11-30T00:00:00.000Z',
      agent: 'li',
      type: 'unanswered',
      question: expect.not.stringMatching(/13812345678|4456789012345678/),
    });
    expect(parsed[1]).toEqual({
      v: 1,
      ts: '2026-11-30T01:00:00.000Z',
      agent: 'li',
      type: 'inserted',
      platform: 'taobao',
      pack_id: 'p',
      entry_id: 'e',
      chat: 'c1',
    });
    expect(parsed[2]).toMatchObject({ wait_ms: 1235 });
    expect(usageNdjson([], 'li')).toBe('');
  });

  it('reads its own lines back and refuses foreign ones', () => {
    expect(parseNdjsonLine(JSON.stringify(toNdjsonEvent(events[0]!, 'li')))).toMatchObject({ type: 'inserted' });
    expect(parseNdjsonLine('{"v":2,"ts":"x","agent":"a","type":"sent"}')).toBeNull();
    expect(parseNdjsonLine('{"v":1,"ts":"x","agent":"a","type":"hack"}')).toBeNull();
    expect(parseNdjsonLine('{"at":"2026-11-29T08:00:00.000Z","type":"hack"}')).toBeNull();
    expect(parseNdjsonLine('nope')).toBeNull();
    expect(parseNdjsonLine('')).toBeNull();
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', '=cmd()'],
          ['say "hi"', 3],
        ],
      ),
    ).toBe('a,b\r\n"x,y",\'=cmd()\r\n"say ""hi""",3\r\n');
  });

  it('writes every table of the options report under its name', () => {
    const report = buildUsageReport(
      [
        { at: 10, type: 'suggested', packId: 'p', entryId: 'e' },
        { at: 11, type: 'inserted', packId: 'p', entryId: 'e' },
        { at: 12, type: 'sent', packId: 'p', entryId: 'e' },
        { at: 13, type: 'first_reply', waitMs: 50_000 },
      ],
      () => 'Ship time',
      100,
    );
    const csv = usageReportCsv(report);
    expect(csv).toContain('# funnel\r\npack,entry,title,suggested,inserted,edited,sent\r\np,e,Ship time,1,1,0,1\r\n');
    expect(csv).toContain('# first_reply\r\nwait,chats\r\n≤30 s,0\r\n≤60 s,1\r\n');
    expect(csv).toContain('# replies');
  });
});

describe('files of the earlier options-page export (no version, no agent)', () => {
  const LEGACY = join(FIXTURES, 'huashu-usage.ndjson');

  it('reads each line as the documented event, the agent named by the caller', async () => {
    const lines = (await readFile(LEGACY, 'utf8')).split('\n');
    const events = lines.map((line) => parseNdjsonLine(line, 'huashu-usage')).filter((e) => e !== null);
    expect(events).toHaveLength(5);
    expect(events[1]).toEqual({
      v: 1,
      ts: '2026-11-29T08:00:04.000Z',
      agent: 'huashu-usage',
      type: 'inserted',
      platform: 'taobao',
      pack_id: 'mini-store',
      entry_id: 'ship-time',
      chat: 'c9',
    });
    expect(events[2]).toMatchObject({ wait_ms: 61000 });
    expect(events[4]).toMatchObject({ level: 'high', reasons: ['threat'] });
  });

  it('kpack report aggregates them beside new files, the agent named after the file', async () => {
    const report = await aggregateLogs([...LOGS, LEGACY]);
    expect(report).toMatchObject({ files: 4, events: 23, agents: 4, from: '2026-11-29T08:00:00.000Z' });
    const legacy = report.perAgent.find((a) => a.agent === 'huashu-usage');
    expect(legacy).toMatchObject({ events: 5, suggested: 1, inserted: 1, unanswered: 1, complaints: 1, chats: 1 });
    expect(legacy?.median_wait_s).toBe(61);
  });
});

describe('kpack report (DuckDB) over three agents', () => {
  let report: TeamReport;
  let dir = '';
  beforeAll(async () => {
    report = await aggregateLogs(LOGS, (pack, entry) => (entry === 'ship-time' ? '发货时间' : undefined));
    dir = await mkdtemp(join(tmpdir(), 'kpack-report-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('counts events and agents, skipping a line that is not an event', () => {
    expect(report).toMatchObject({ files: 3, events: 18, agents: 3, from: '2026-11-30T01:00:00.000Z' });
  });

  it('reply use per entry and per agent', () => {
    expect(report.entries).toEqual([
      {
        pack_id: 'mini-store',
        entry_id: 'ship-time',
        title: '发货时间',
        suggested: 2,
        inserted: 2,
        edited: 1,
        sent: 1,
        agents: 2,
      },
      {
        pack_id: 'mini-store',
        entry_id: 'size',
        title: 'size',
        suggested: 1,
        inserted: 1,
        edited: 0,
        sent: 0,
        agents: 1,
      },
    ]);
    const li = report.perAgent.find((a) => a.agent === 'li')!;
    expect(li).toMatchObject({ inserted: 1, sent: 1, unanswered: 1, complaints: 1, median_wait_s: 20 });
    expect(report.perAgent.find((a) => a.agent === 'wang')).toMatchObject({ edited: 1, unanswered: 2 });
  });

  it('groups unanswered questions by similarity, and complaints by question and level', () => {
    expect(report.unanswered[0]).toMatchObject({ count: 3, variants: 2, agents: 2 });
    expect(report.unanswered[0]!.question).toMatch(/开发票/);
    expect(report.unanswered[1]).toMatchObject({ question: 'do you ship to canada', count: 1 });
    expect(report.complaints).toEqual([
      expect.objectContaining({ level: 'high', count: 2, agents: 2, reasons: expect.stringContaining('催发货') }),
    ]);
  });

  it('wait times: quantiles and buckets of the first reply', () => {
    expect(report.wait).toEqual({ chats: 3, median_s: 45, p90_s: expect.any(Number) });
    expect(report.waits).toEqual([
      { wait: '≤30 s', chats: 1 },
      { wait: '≤60 s', chats: 1 },
      { wait: '≤3 min', chats: 1 },
    ]);
  });

  it('the command writes report.html with charts and one CSV per table', async () => {
    const out: string[] = [];
    const written = new Map<string, string>();
    const io: KpackIo = {
      readFile: (path) => readFile(path, 'utf8'),
      readBytes: async (path) => new Uint8Array(await readFile(path)),
      writeFile: async (path, text) => void written.set(path, text),
      readStdin: async function* () {},
      out: (line) => out.push(line),
      err: (line) => out.push(`ERR ${line}`),
    };
    expect(await runKpack(['report', ...LOGS, '--out', dir], io)).toBe(0);
    expect(out[0]).toMatch(/^18 events from 3 agents in 3 file\(s\)/);
    expect([...written.keys()].map((p) => p.slice(dir.length + 1)).sort()).toEqual([
      'agents.csv',
      'complaints.csv',
      'entries.csv',
      'report.html',
      'unanswered.csv',
      'waits.csv',
    ]);
    const html = written.get(`${dir}/report.html`)!;
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(3);
    expect(written.get(`${dir}/entries.csv`)).toMatch(
      /^pack_id,entry_id,title,suggested,inserted,edited,sent,agents\r\n/,
    );
    expect(await runKpack(['report', ...LOGS], io)).toBe(2);
  });
});

describe('groupQuestions', () => {
  it('puts questions that differ in a word or two in one group, most asked first', () => {
    const groups = groupQuestions([
      { key: '什么时候发货', question: '什么时候发货', count: 5, agents: ['a'] },
      { key: '什么时候发货呀', question: '什么时候发货呀', count: 2, agents: ['b'] },
      { key: '能便宜点吗', question: '能便宜点吗', count: 3, agents: ['a'] },
    ]);
    expect(groups).toEqual([
      { question: '什么时候发货', count: 7, variants: 2, agents: 2, examples: ['什么时候发货呀'] },
      { question: '能便宜点吗', count: 3, variants: 1, agents: 1, examples: [] },
    ]);
  });
});
