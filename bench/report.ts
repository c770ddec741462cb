/**
 * `kpack report` at team scale: a synthetic log of 1,000,000 events from 200 agents (one NDJSON file per
 * agent, as each agent exports it), aggregated with DuckDB. Prints the time to aggregate (the number the
 * issue asks for: ≤ 10 s) apart from the time to write the files and to render the report.
 * Run: npm run bench:report  (EVENTS=… AGENTS=… to change the size).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregateLogs, reportCsvFiles, reportHtml } from '../lib/cli/team-report';

const EVENTS = Number(process.env.EVENTS ?? 1_000_000);
const AGENTS = Number(process.env.AGENTS ?? 200);

/** A small deterministic generator (mulberry32), so every run aggregates the same log. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUESTIONS = [
  '什么时候发货',
  '什么时候发货呀',
  '能便宜点吗',
  '可以便宜一点吗',
  '有没有赠品',
  '尺码偏大还是偏小',
  '我的单号[order]怎么还没到',
  'do you ship to canada',
  'do you ship to Canada?',
  '可以开发票吗',
  '支持七天无理由吗',
  '颜色有色差吗',
];
const TYPES: Array<[string, number]> = [
  ['suggested', 0.4],
  ['inserted', 0.2],
  ['sent', 0.12],
  ['edited', 0.05],
  ['chat_opened', 0.08],
  ['first_reply', 0.08],
  ['unanswered', 0.05],
  ['copied', 0.01],
  ['complaint', 0.01],
];

function line(rand: () => number, agent: string, at: number): string {
  let pick = rand();
  let type = 'suggested';
  for (const [name, share] of TYPES) {
    if (pick < share) {
      type = name;
      break;
    }
    pick -= share;
  }
  const event: Record<string, unknown> = { v: 1, ts: new Date(at).toISOString(), agent, type, platform: 'taobao' };
  if (['suggested', 'inserted', 'sent', 'edited', 'copied'].includes(type)) {
    event.pack_id = 'tmall-apparel';
    event.entry_id = `entry-${Math.floor(rand() ** 2 * 120)}`;
  }
  if (type !== 'unanswered' && type !== 'complaint') event.chat = `c${Math.floor(rand() * 1e6).toString(36)}`;
  if (type === 'first_reply') event.wait_ms = Math.floor(rand() * rand() * 400_000);
  if (type === 'unanswered')
    event.question = `${QUESTIONS[Math.floor(rand() * QUESTIONS.length)]}${rand() < 0.3 ? '？' : ''}`;
  if (type === 'complaint') {
    event.question = rand() < 0.5 ? '再不发货我就投诉了' : '质量太差了要退款';
    event.level = rand() < 0.3 ? 'high' : 'watch';
    event.reasons = ['投诉'];
  }
  return JSON.stringify(event);
}

const dir = await mkdtemp(join(tmpdir(), 'huashu-report-bench-'));
try {
  const rand = random(42);
  const started = performance.now();
  const files: string[] = [];
  const perAgent = Math.ceil(EVENTS / AGENTS);
  for (let a = 0; a < AGENTS; a++) {
    const agent = `agent-${String(a).padStart(3, '0')}`;
    const lines: string[] = [];
    for (let i = 0; i < perAgent && a * perAgent + i < EVENTS; i++)
      lines.push(line(rand, agent, Date.UTC(2026, 10, 1) + i * 30_000));
    const file = join(dir, `${agent}.ndjson`);
    await writeFile(file, `${lines.join('\n')}\n`);
    files.push(file);
  }
  const written = performance.now();
  const report = await aggregateLogs(files);
  const aggregated = performance.now();
  reportHtml(report);
  reportCsvFiles(report);
  const rendered = performance.now();
  console.log(
    `kpack report bench: ${report.events.toLocaleString('en')} events from ${report.agents} agents in ${files.length} files`,
  );
  console.log(`  write synthetic logs: ${((written - started) / 1000).toFixed(2)} s (not counted)`);
  console.log(`  aggregate (DuckDB):   ${((aggregated - written) / 1000).toFixed(2)} s  (target ≤ 10 s)`);
  console.log(`  render html + csv:    ${((rendered - aggregated) / 1000).toFixed(2)} s`);
  console.log(
    `  ${report.entries.length} entries, ${report.unanswered.length} unanswered groups (top: “${report.unanswered[0]?.question}” ×${report.unanswered[0]?.count}), median first reply ${report.wait.median_s} s`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
