/**
 * `npm run bench:hostile`: the hostile inputs of issue 13's "Done when", through the built `kpack` as a
 * user runs it (`npm run build:cli` first), each with its limit:
 * - buyer lines of 100 kB backtracking bait, 96k Han characters, 100k digits: `kpack suggest` over the four
 *   shipped packs answers each in ≤ 4 s beyond start-up (timed per line on one running process, after a
 *   warm-up line has answered);
 * - a pack whose replies hold placeholders padded with 6,000 spaces: `kpack lint` in ≤ 2 s beyond the
 *   start-up of linting the same pack without them;
 * - an .xlsx that inflates to 1.2 GB: `kpack import` refuses it in ≤ 20 s with a peak RSS under 600 MB;
 * - a JSON pack with one stray byte: refused, naming the byte, never read as GB18030;
 * - and no stack trace on stderr anywhere. Exits 1 when a limit is missed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { bombWorkbook } from '../tests/helpers/xlsx';

const root = new URL('../', import.meta.url).pathname;
const KPACK = join(root, 'bin/kpack.mjs');
const PACKS = ['tmall-apparel', 'jd-electronics', 'pdd-store', 'shopify-store'].map((name) =>
  join(root, `knowledge-packs/${name}.json`),
);
const STACK_TRACE = /\n\s+at |node:internal|\.(?:ts|mjs|js):\d+:\d+/;

interface Row {
  case: string;
  measured: string;
  limit: string;
  ok: boolean;
}
const rows: Row[] = [];

/** Runs kpack under /usr/bin/time: wall seconds, peak RSS (MB), exit code and output. */
function runTimed(args: string[]): { seconds: number; rssMb: number; code: number; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-hostile-time-'));
  const timeFile = join(dir, 'time.txt');
  const run = spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%e %M', process.execPath, KPACK, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const [seconds, kilobytes] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(dir, { recursive: true, force: true });
  return {
    seconds: seconds!,
    rssMb: kilobytes! / 1024,
    code: run.status ?? -1,
    stdout: run.stdout,
    stderr: run.stderr,
  };
}

/** 100 kB bait lines (patterns that backtracked before the fixes), 96k Han characters, 100k digits. */
const BUYER_LINES: Array<[string, string]> = [
  ['100 kB: a…a@a…a', 'a'.repeat(50_000) + '@' + 'a'.repeat(50_000)],
  ['100 kB: a.a.…@', 'a.'.repeat(50_000) + '@'],
  ['100 kB: @@@…', '@'.repeat(100_000)],
  ['100 kB: http://a.a.…', 'http://' + 'a.'.repeat(50_000)],
  ['100 kB: {{ + spaces', '{{' + ' '.repeat(100_000)],
  ['100 kB: 订单号 ×25k', '订单号 '.repeat(25_000)],
  ['100 kB: +1 1 1 …', '+' + '1 '.repeat(50_000)],
  ['100 kB: 1-1-1-…', '1-'.repeat(50_000)],
  [
    '96k Han characters',
    Array.from({ length: 96_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join(''),
  ],
  ['100k digits', '1'.repeat(100_000)],
];

async function suggestCases(): Promise<void> {
  const started = performance.now();
  const child = spawn(process.execPath, [KPACK, 'suggest', ...PACKS.flatMap((p) => ['--pack', p])], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async (text: string) => {
    child.stdin.write(`${JSON.stringify({ text })}\n`);
    const answer = await answers.next();
    if (answer.done) throw new Error(`kpack suggest stopped: ${stderr}`);
    return JSON.parse(answer.value) as { ids: string[] };
  };
  await ask('你好，什么时候发货');
  const startup = (performance.now() - started) / 1000;
  rows.push({
    case: 'kpack suggest start-up (4 shipped packs, first answer)',
    measured: `${startup.toFixed(2)} s`,
    limit: '—',
    ok: true,
  });
  for (const [name, text] of BUYER_LINES) {
    const start = performance.now();
    const answer = await ask(text);
    const seconds = (performance.now() - start) / 1000;
    rows.push({
      case: `suggest ${name}`,
      measured: `${seconds.toFixed(2)} s (${answer.ids.length} ids)`,
      limit: '≤ 4 s',
      ok: seconds <= 4,
    });
  }
  child.stdin.end();
  await new Promise((resolve) => child.on('close', resolve));
  rows.push({
    case: 'suggest: no stack trace on stderr',
    measured: stderr.trim() ? stderr.trim().slice(0, 60) : 'empty',
    limit: 'none',
    ok: !STACK_TRACE.test(stderr),
  });
}

function lintCase(dir: string): void {
  const pack = JSON.parse(readFileSync(PACKS[0]!, 'utf8')) as { entries: Array<Record<string, unknown>> };
  const plain = join(dir, 'plain.json');
  writeFileSync(plain, JSON.stringify(pack));
  const spaces = ' '.repeat(6000);
  const templates = [`{{${spaces}`, `{{${spaces}x${spaces}|${spaces}}}`, `{{${spaces}}}`, `{${spaces}{{${spaces}`];
  const entry = pack.entries[0]!;
  pack.entries.push(
    ...templates.map((text, i) => ({
      ...entry,
      id: `bait-${i}`,
      shortcut: undefined,
      replies: [{ text: `${text} 7天 ${text}` }],
    })),
  );
  const bait = join(dir, 'bait.json');
  writeFileSync(bait, JSON.stringify(pack));
  const base = runTimed(['lint', plain]);
  const run = runTimed(['lint', bait]);
  const beyond = run.seconds - base.seconds;
  rows.push({
    case: 'kpack lint, same pack without the bait (start-up)',
    measured: `${base.seconds.toFixed(2)} s`,
    limit: '—',
    ok: true,
  });
  rows.push({
    case: 'lint 4 replies with 6,000-space placeholders',
    measured: `${run.seconds.toFixed(2)} s total, ${beyond.toFixed(2)} s beyond`,
    limit: '≤ 2 s beyond',
    ok: beyond <= 2 && !STACK_TRACE.test(run.stderr + run.stdout),
  });
}

async function workbookCase(dir: string): Promise<void> {
  const file = join(dir, 'bomb.xlsx');
  const bomb = await bombWorkbook(1_200_000_000);
  writeFileSync(file, bomb);
  const run = runTimed(['import', file]);
  const message = run.stderr.trim().split('\n')[0] ?? '';
  rows.push({
    case: `.xlsx of ${(bomb.length / 1024 / 1024).toFixed(1)} MB inflating to 1.2 GB: refused`,
    measured: `${run.seconds.toFixed(2)} s, peak RSS ${Math.round(run.rssMb)} MB, exit ${run.code}`,
    limit: '≤ 20 s, < 600 MB',
    ok: run.code === 1 && run.seconds <= 20 && run.rssMb < 600 && !STACK_TRACE.test(run.stderr),
  });
  rows.push({ case: '  its message', measured: message.split(dir).join('…').slice(0, 110), limit: '', ok: true });
}

function strayByteCase(dir: string): void {
  const text = readFileSync(PACKS[0]!);
  const at = text.indexOf(Buffer.from('"name"')) + 3;
  const file = join(dir, 'stray.json');
  writeFileSync(file, Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]));
  const run = runTimed(['import', file]);
  rows.push({
    case: 'JSON pack with one stray byte: refused, byte named',
    measured: `exit ${run.code}: ${run.stderr.trim().split('\n')[0]!.split(dir).join('…').slice(0, 90)}`,
    limit: 'exit 1, no garbling',
    ok: run.code === 1 && /byte|offset|UTF-8/i.test(run.stderr) && !STACK_TRACE.test(run.stderr),
  });
}

const dir = mkdtempSync(join(tmpdir(), 'huashu-hostile-'));
try {
  await suggestCases();
  lintCase(dir);
  await workbookCase(dir);
  strayByteCase(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const width = Math.max(...rows.map((r) => r.case.length));
console.log('Hostile inputs (issue 13), through the built kpack:');
for (const row of rows) {
  console.log(
    `${row.ok ? '  ok ' : 'FAIL '} ${row.case.padEnd(width)}  ${row.measured}${row.limit ? `  [${row.limit}]` : ''}`,
  );
}
if (rows.some((r) => !r.ok)) process.exitCode = 1;
