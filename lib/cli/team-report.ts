/**
 * `kpack report`: a whole team's usage logs (NDJSON exports, docs/USAGE-LOG.md) aggregated with DuckDB —
 * unanswered questions grouped by similarity, reply use per entry and per agent, complaint risks, wait
 * times — written as report.html (SVG charts, one offline file) and one CSV file per table.
 * DuckDB reads the files itself (in parallel, typed by the documented schema); lines that do not parse
 * are skipped.
 */
import { barChartSvg, FUNNEL_SERIES } from '../charts/bars';
import { toCsv } from '../usage/csv';

/**
 * Columns of the export, as DuckDB reads them (the schema in docs/USAGE-LOG.md), and those of the options
 * page's earlier export (`at`, `packId`, `entryId`, `waitMs`; no version, no agent), read the same way as
 * `parseNdjsonLine` reads them (lib/usage/ndjson.ts): the agent is the file's name.
 */
const COLUMNS = `{v: 'INTEGER', ts: 'VARCHAR', agent: 'VARCHAR', type: 'VARCHAR', platform: 'VARCHAR',
  pack_id: 'VARCHAR', entry_id: 'VARCHAR', chat: 'VARCHAR', wait_ms: 'BIGINT', question: 'VARCHAR',
  level: 'VARCHAR', reasons: 'VARCHAR[]', "at": 'VARCHAR', packId: 'VARCHAR', entryId: 'VARCHAR', waitMs: 'DOUBLE'}`;
const EVENT_TYPES = `('suggested', 'inserted', 'copied', 'sent', 'edited', 'chat_opened', 'first_reply', 'unanswered', 'complaint')`;

export interface EntryUse {
  pack_id: string;
  entry_id: string;
  title: string;
  suggested: number;
  inserted: number;
  edited: number;
  sent: number;
  agents: number;
}
export interface AgentUse {
  agent: string;
  events: number;
  suggested: number;
  inserted: number;
  edited: number;
  sent: number;
  unanswered: number;
  complaints: number;
  chats: number;
  median_wait_s: number | null;
  p90_wait_s: number | null;
}
export interface QuestionGroup {
  question: string;
  count: number;
  variants: number;
  agents: number;
  examples: string[];
}
export interface ComplaintRow {
  question: string;
  level: string;
  count: number;
  agents: number;
  reasons: string;
}
export interface WaitBucket {
  wait: string;
  chats: number;
}

export interface TeamReport {
  files: number;
  events: number;
  agents: number;
  from: string | null;
  to: string | null;
  entries: EntryUse[];
  perAgent: AgentUse[];
  unanswered: QuestionGroup[];
  complaints: ComplaintRow[];
  waits: WaitBucket[];
  wait: { chats: number; median_s: number | null; p90_s: number | null };
}

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Character pairs of a folded question, for grouping questions that say the same in other words. */
function bigrams(text: string): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  if (chars.length === 1) out.add(chars[0]!);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both || 1);
}

/** Similarity from which two questions fall in one group. */
const SAME_QUESTION = 0.5;

/**
 * Greedy grouping, most asked first: a question joins the first group whose leading question is similar
 * enough (character-pair Jaccard); candidates are found through an index of pairs, so it stays fast.
 */
export function groupQuestions(
  rows: Array<{ key: string; question: string; count: number; agents: string[] }>,
  limit = 50,
): QuestionGroup[] {
  const groups: Array<{ grams: Set<string>; out: QuestionGroup; agents: Set<string> }> = [];
  const byGram = new Map<string, number[]>();
  for (const row of [...rows].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))) {
    const grams = bigrams(row.key);
    const seen = new Set<number>();
    let best = -1;
    let bestScore = 0;
    for (const g of grams) {
      for (const index of byGram.get(g) ?? []) {
        if (seen.has(index)) continue;
        seen.add(index);
        const score = jaccard(grams, groups[index]!.grams);
        if (score >= SAME_QUESTION && score > bestScore) [best, bestScore] = [index, score];
      }
    }
    if (best >= 0) {
      const group = groups[best]!;
      group.out.count += row.count;
      group.out.variants += 1;
      if (group.out.examples.length < 3) group.out.examples.push(row.question);
      for (const a of row.agents) group.agents.add(a);
      continue;
    }
    const index = groups.length;
    groups.push({
      grams,
      agents: new Set(row.agents),
      out: { question: row.question, count: row.count, variants: 1, agents: 0, examples: [] },
    });
    for (const g of grams) byGram.set(g, [...(byGram.get(g) ?? []), index]);
  }
  return groups
    .map((g) => ({ ...g.out, agents: g.agents.size }))
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

/** Aggregates the NDJSON files with DuckDB. `titles` names entries (from `--pack` files) when given. */
export async function aggregateLogs(
  files: string[],
  titles: (packId: string, entryId: string) => string | undefined = () => undefined,
): Promise<TeamReport> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  try {
    await db.run(
      `CREATE TABLE events AS
       SELECT 1 AS v, coalesce(ts, "at") AS ts,
         coalesce(agent, regexp_extract(filename, '([^/\\\\]+?)(\\.[^./\\\\]*)?$', 1)) AS agent, type, platform,
         coalesce(pack_id, packId) AS pack_id, coalesce(entry_id, entryId) AS entry_id, chat,
         coalesce(wait_ms, round(waitMs)::BIGINT) AS wait_ms, question, level, reasons
       FROM read_json([${files.map(sqlString).join(', ')}],
         format = 'newline_delimited', columns = ${COLUMNS}, filename = true, ignore_errors = true)
       WHERE ((v = 1 AND agent IS NOT NULL AND ts IS NOT NULL) OR (v IS NULL AND "at" IS NOT NULL))
         AND type IN ${EVENT_TYPES}`,
    );
    const [totals] = await rows(
      `SELECT count(*) AS events, count(DISTINCT agent) AS agents, min(ts) AS "from", max(ts) AS "to" FROM events`,
    );
    const entries = await rows(`
      SELECT pack_id, entry_id,
        count(*) FILTER (type = 'suggested') AS suggested,
        count(*) FILTER (type IN ('inserted', 'copied')) AS inserted,
        count(*) FILTER (type = 'edited') AS edited,
        count(*) FILTER (type = 'sent') AS sent,
        count(DISTINCT agent) AS agents
      FROM events WHERE pack_id IS NOT NULL AND entry_id IS NOT NULL
        AND type IN ('suggested', 'inserted', 'copied', 'edited', 'sent')
      GROUP BY ALL ORDER BY inserted DESC, suggested DESC, entry_id LIMIT 200`);
    const perAgent = await rows(`
      SELECT agent, count(*) AS events,
        count(*) FILTER (type = 'suggested') AS suggested,
        count(*) FILTER (type IN ('inserted', 'copied')) AS inserted,
        count(*) FILTER (type = 'edited') AS edited,
        count(*) FILTER (type = 'sent') AS sent,
        count(*) FILTER (type = 'unanswered') AS unanswered,
        count(*) FILTER (type = 'complaint') AS complaints,
        count(DISTINCT chat) AS chats,
        round(quantile_cont(wait_ms, 0.5) FILTER (type = 'first_reply') / 1000, 1) AS median_wait_s,
        round(quantile_cont(wait_ms, 0.9) FILTER (type = 'first_reply') / 1000, 1) AS p90_wait_s
      FROM events GROUP BY agent ORDER BY inserted DESC, agent`);
    const questions = await rows(`
      SELECT regexp_replace(lower(question), '[\\s\\p{P}\\p{S}]+', '', 'g') AS key,
        any_value(question) AS question, count(*) AS count, list(DISTINCT agent) AS agents
      FROM events WHERE type = 'unanswered' AND question IS NOT NULL
      GROUP BY key HAVING key <> '' ORDER BY count DESC LIMIT 5000`);
    const complaints = await rows(`
      SELECT any_value(question) AS question, level, count(*) AS count, count(DISTINCT agent) AS agents,
        array_to_string(list_sort(list_distinct(flatten(list(coalesce(reasons, []::VARCHAR[]))))), ' · ') AS reasons
      FROM events WHERE type = 'complaint' AND question IS NOT NULL
      GROUP BY regexp_replace(lower(question), '[\\s\\p{P}\\p{S}]+', '', 'g'), level
      ORDER BY level = 'high' DESC, count DESC LIMIT 100`);
    const [wait] = await rows(`
      SELECT count(*) AS chats, round(quantile_cont(wait_ms, 0.5) / 1000, 1) AS median_s,
        round(quantile_cont(wait_ms, 0.9) / 1000, 1) AS p90_s
      FROM events WHERE type = 'first_reply' AND wait_ms IS NOT NULL`);
    const waits = await rows(`
      SELECT CASE WHEN wait_ms <= 30000 THEN '≤30 s' WHEN wait_ms <= 60000 THEN '≤60 s'
        WHEN wait_ms <= 100000 THEN '≤100 s' WHEN wait_ms <= 180000 THEN '≤3 min'
        WHEN wait_ms <= 600000 THEN '≤10 min' ELSE '>10 min' END AS wait,
        min(wait_ms) AS low, count(*) AS chats
      FROM events WHERE type = 'first_reply' AND wait_ms IS NOT NULL GROUP BY wait ORDER BY low`);
    return {
      files: files.length,
      events: num(totals?.events),
      agents: num(totals?.agents),
      from: (totals?.from as string | null) ?? null,
      to: (totals?.to as string | null) ?? null,
      entries: entries.map((r) => ({
        pack_id: String(r.pack_id),
        entry_id: String(r.entry_id),
        title: titles(String(r.pack_id), String(r.entry_id)) ?? String(r.entry_id),
        suggested: num(r.suggested),
        inserted: num(r.inserted),
        edited: num(r.edited),
        sent: num(r.sent),
        agents: num(r.agents),
      })),
      perAgent: perAgent.map((r) => ({
        agent: String(r.agent),
        events: num(r.events),
        suggested: num(r.suggested),
        inserted: num(r.inserted),
        edited: num(r.edited),
        sent: num(r.sent),
        unanswered: num(r.unanswered),
        complaints: num(r.complaints),
        chats: num(r.chats),
        median_wait_s: numOrNull(r.median_wait_s),
        p90_wait_s: numOrNull(r.p90_wait_s),
      })),
      unanswered: groupQuestions(
        questions.map((r) => ({
          key: String(r.key),
          question: String(r.question),
          count: num(r.count),
          agents: (r.agents as string[]) ?? [],
        })),
      ),
      complaints: complaints.map((r) => ({
        question: String(r.question),
        level: String(r.level),
        count: num(r.count),
        agents: num(r.agents),
        reasons: String(r.reasons ?? ''),
      })),
      waits: waits.map((r) => ({ wait: String(r.wait), chats: num(r.chats) })),
      wait: { chats: num(wait?.chats), median_s: numOrNull(wait?.median_s), p90_s: numOrNull(wait?.p90_s) },
    };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** The report's tables as CSV files, by file name. */
export function reportCsvFiles(report: TeamReport): Record<string, string> {
  const table = <T extends object>(rows: T[], header: Array<keyof T & string>) =>
    toCsv(
      header,
      rows.map((r) => header.map((h) => r[h])),
    );
  return {
    'entries.csv': table(report.entries, [
      'pack_id',
      'entry_id',
      'title',
      'suggested',
      'inserted',
      'edited',
      'sent',
      'agents',
    ]),
    'agents.csv': table(report.perAgent, [
      'agent',
      'events',
      'suggested',
      'inserted',
      'edited',
      'sent',
      'unanswered',
      'complaints',
      'chats',
      'median_wait_s',
      'p90_wait_s',
    ]),
    'unanswered.csv': toCsv(
      ['question', 'count', 'variants', 'agents', 'examples'],
      report.unanswered.map((q) => [q.question, q.count, q.variants, q.agents, q.examples.join(' | ')]),
    ),
    'complaints.csv': table(report.complaints, ['question', 'level', 'count', 'agents', 'reasons']),
    'waits.csv': table(report.waits, ['wait', 'chats']),
  };
}

const esc = (text: unknown) =>
  String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function htmlTable(header: string[], rows: unknown[][]): string {
  if (rows.length === 0) return '<p>None.</p>';
  return `<table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** One offline HTML file: totals, charts and tables. */
export function reportHtml(report: TeamReport): string {
  const top = report.entries.slice(0, 15);
  const charts = [
    top.length
      ? barChartSvg(
          {
            title: 'Reply funnel per entry',
            categories: top.map((e) => e.title),
            series: FUNNEL_SERIES,
            values: top.map((e) => [e.suggested, e.inserted, e.edited, e.sent]),
          },
          720,
        )
      : '',
    report.perAgent.length
      ? barChartSvg(
          {
            title: 'Replies per agent',
            categories: report.perAgent.slice(0, 30).map((a) => a.agent),
            series: FUNNEL_SERIES.slice(1),
            values: report.perAgent.slice(0, 30).map((a) => [a.inserted, a.edited, a.sent]),
          },
          720,
        )
      : '',
    report.waits.length
      ? barChartSvg(
          {
            title: 'Chats by time to first reply',
            categories: report.waits.map((w) => w.wait),
            series: [{ name: 'chats', color: '#3b73b9' }],
            values: report.waits.map((w) => [w.chats]),
          },
          720,
        )
      : '',
    report.unanswered.length
      ? barChartSvg(
          {
            title: 'Unanswered questions (grouped)',
            categories: report.unanswered.slice(0, 15).map((q) => q.question),
            series: [{ name: 'times asked', color: '#c0504d' }],
            values: report.unanswered.slice(0, 15).map((q) => [q.count]),
          },
          720,
        )
      : '',
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Huashu team report</title>
<style>body{font-family:sans-serif;margin:1.5rem;max-width:60rem}table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.2rem .4rem;font-size:.85em;text-align:left}h2{margin-top:1.5rem}</style></head>
<body><h1>Huashu team report</h1>
<p id="totals">${report.events} events from ${report.agents} agents in ${report.files} file(s), ${esc(report.from ?? '—')} to ${esc(report.to ?? '—')}.
First reply: ${report.wait.chats} chats, median ${report.wait.median_s ?? '—'} s, 90th percentile ${report.wait.p90_s ?? '—'} s.</p>
<h2>Reply use per entry</h2>${charts[0]}
${htmlTable(
  ['entry', 'pack', 'suggested', 'inserted', 'edited', 'sent as is', 'agents'],
  report.entries.map((e) => [e.title, e.pack_id, e.suggested, e.inserted, e.edited, e.sent, e.agents]),
)}
<h2>Per agent</h2>${charts[1]}
${htmlTable(
  [
    'agent',
    'suggested',
    'inserted',
    'edited',
    'sent',
    'unanswered',
    'complaints',
    'chats',
    'median wait s',
    'p90 wait s',
  ],
  report.perAgent.map((a) => [
    a.agent,
    a.suggested,
    a.inserted,
    a.edited,
    a.sent,
    a.unanswered,
    a.complaints,
    a.chats,
    a.median_wait_s ?? '',
    a.p90_wait_s ?? '',
  ]),
)}
<h2>Wait times</h2>${charts[2]}
<h2>Unanswered questions, grouped by similarity</h2>${charts[3]}
${htmlTable(
  ['question', 'times asked', 'variants', 'agents', 'examples'],
  report.unanswered.map((q) => [q.question, q.count, q.variants, q.agents, q.examples.join(' | ')]),
)}
<h2>Complaint risks</h2>
${htmlTable(
  ['question', 'level', 'times', 'agents', 'reasons'],
  report.complaints.map((c) => [c.question, c.level, c.count, c.agents, c.reasons]),
)}
</body></html>
`;
}
