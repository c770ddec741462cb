/**
 * `kpack`: the command line for team leads and CI. All I/O goes through `KpackIo` so tests can run it
 * in-process; `bin/kpack.mjs` wires it to the real process.
 */
import { packFromText, readPackBytes } from '../packs/import';
import { detectFormat, IMPORT_FORMATS, type ImportFormat } from '../packs/importers';
import { decodeUtf8Strict } from '../packs/importers/encoding';
import { lintPack } from '../packs/lint';
import { platformOf } from '../packs/aliases';
import { packJsonSchema, type Pack } from '../packs/schema';
import { parsePack } from '../packs/validate';
import { SuggestEngine } from '../suggest/engine';
import { loadShippedPhrasebook } from '../suggest/rank/shipped-phrasebook';
import { loadWordTables } from '../suggest/text/word-tables';
import { SHOWN_SUGGESTIONS } from '../suggest/learn/learner';
import { printLearned, SuggestLearning } from './learned';
import { aggregateLogs, reportCsvFiles, reportHtml, type TeamReport } from './team-report';

export interface KpackIo {
  readFile(path: string): Promise<string>;
  /** A file's bytes (imports: Excel workbooks, CSV in GB18030). */
  readBytes(path: string): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  /** Creates a folder and its parents (`kpack report --out`). */
  makeDir?(path: string): Promise<void>;
  readStdin(): AsyncIterable<string>;
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `kpack — Huashu knowledge-pack tool (format huashu-pack/1)

Usage:
  kpack validate FILE…                 check packs; errors as "FILE: path: message", exit 1 if any
  kpack lint [--strict] FILE…          warnings (duplicates, undefined variables, hard-coded facts…);
                                       --strict exits 1 when there are warnings
  kpack suggest --pack FILE [--pack FILE…] [--top N] [--date YYYY-MM-DD]
                                       reads JSON lines {"text", "platform"?, "locale"?, "scenarios"?,
                                       "picked"?, "product"?} on stdin ("product": the title or item
                                       code the buyer asks about), writes {"ids": [...], "scores": [...]}
                                       per line; "picked": ENTRY_ID teaches the engine, after that line
                                       is answered, that the agent answered this message with that entry
  kpack learned FILE.ndjson [--pack FILE…]
                                       the options page's export of learned picks: per entry, the
                                       distinct picked phrasings with counts (titles with --pack)
  kpack import [--from FORMAT] FILE [--id ID] [--name NAME] [--locale L] [--out PACK.json]
                                       turns another tool's export into a pack (stdout, or --out);
                                       FORMAT: ${IMPORT_FORMATS.join(', ')} or auto (default);
                                       an Excel .xlsx is read from its sheet with 千牛 or Huashu
                                       columns; a CSV that is not UTF-8 is read as GB18030;
                                       what was skipped or needs a look goes to stderr
  kpack report LOG.ndjson… --out DIR [--pack FILE…]
                                       aggregates agents' usage-log exports (docs/USAGE-LOG.md) with
                                       DuckDB: DIR/report.html (charts) and entries, agents,
                                       unanswered, complaints and waits .csv; --pack names entries
  kpack schema                         prints the pack JSON Schema
  kpack sign --key KEY.pem FILE…       writes FILE.sig (Ed25519) and prints the public key to pin;
                                       --new-key KEY.pem makes the key first
  kpack help                           this text`;

type Loaded = { ok: true; pack: Pack; raw: unknown } | { ok: false; lines: string[] };

async function load(file: string, io: KpackIo): Promise<Loaded> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String((error as Error).message);
    return { ok: false, lines: [`${file}: ${reason}`] };
  }
  // Strict UTF-8: a stray byte is reported where it is, never read as U+FFFD or as another encoding.
  let source: string;
  try {
    source = decodeUtf8Strict(bytes, 'the pack');
  } catch (error) {
    return { ok: false, lines: [`${file}: ${(error as Error).message}`] };
  }
  const result = parsePack(source);
  if (result.ok) return result;
  return {
    ok: false,
    lines: result.errors.map((e) => (e.path ? `${file}: ${e.path}: ${e.message}` : `${file}: ${e.message}`)),
  };
}

/** Loads every pack file, or prints the first invalid one's errors and gives null. */
async function loadAll(files: string[], io: KpackIo): Promise<Pack[] | null> {
  const packs: Pack[] = [];
  for (const file of files) {
    const loaded = await load(file, io);
    if (!loaded.ok) {
      loaded.lines.forEach((line) => io.err(line));
      return null;
    }
    packs.push(loaded.pack);
  }
  return packs;
}

async function validate(files: string[], io: KpackIo): Promise<number> {
  if (files.length === 0) return usageError('validate needs at least one FILE', io);
  let failed = false;
  for (const file of files) {
    const loaded = await load(file, io);
    if (loaded.ok) io.out(`${file}: ok (${loaded.pack.entries.length} entries)`);
    else {
      failed = true;
      loaded.lines.forEach((line) => io.err(line));
    }
  }
  return failed ? 1 : 0;
}

async function lint(args: string[], io: KpackIo): Promise<number> {
  const strict = args.includes('--strict');
  const files = args.filter((a) => a !== '--strict');
  if (files.length === 0) return usageError('lint needs at least one FILE', io);
  let invalid = false;
  let warned = false;
  for (const file of files) {
    const loaded = await load(file, io);
    if (!loaded.ok) {
      invalid = true;
      loaded.lines.forEach((line) => io.err(line));
      continue;
    }
    const warnings = lintPack(loaded.pack, loaded.raw);
    for (const w of warnings) io.out(`${file}: ${w.path ? `${w.path}: ` : ''}${w.message} [${w.rule}]`);
    if (warnings.length === 0) io.out(`${file}: no warnings`);
    else warned = true;
  }
  return invalid || (strict && warned) ? 1 : 0;
}

interface SuggestRequest {
  text?: unknown;
  platform?: unknown;
  locale?: unknown;
  scenarios?: unknown;
  picked?: unknown;
  product?: unknown;
}

async function suggest(args: string[], io: KpackIo): Promise<number> {
  const packFiles: string[] = [];
  let top = 5;
  let now = new Date();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = args[i + 1];
    if (arg === '--pack' && value) packFiles.push(value);
    else if (arg === '--top' && value && /^\d+$/.test(value) && Number(value) > 0) top = Number(value);
    else if (arg === '--date' && value && /^\d{4}-\d{2}-\d{2}$/.test(value)) now = new Date(`${value}T12:00:00`);
    else return usageError(`suggest: unexpected "${arg}"${value === undefined ? '' : ` ${value}`}`, io);
    i += 1;
  }
  if (packFiles.length === 0) return usageError('suggest needs --pack FILE', io);
  const packs = await loadAll(packFiles, io);
  if (!packs) return 1;
  const engine = new SuggestEngine();
  engine.setPacks(packs);
  const learning = new SuggestLearning(engine, packs);
  for await (const line of io.readStdin()) {
    if (!line.trim()) continue;
    let request: SuggestRequest;
    try {
      const parsed: unknown = JSON.parse(line);
      request = typeof parsed === 'object' && parsed !== null ? (parsed as SuggestRequest) : { text: String(parsed) };
    } catch {
      // A plain line of text is a buyer message too.
      request = { text: line };
    }
    const platform = platformOf(request.platform);
    const text = typeof request.text === 'string' ? request.text : '';
    const chat = {
      platform,
      locale: typeof request.locale === 'string' ? request.locale : undefined,
      scenarios: Array.isArray(request.scenarios)
        ? request.scenarios.filter((s): s is string => typeof s === 'string')
        : [],
      product: typeof request.product === 'string' && request.product.trim() ? request.product : undefined,
      now,
    };
    // At least the list the panel shows, whatever --top: a pick beyond it was searched out (`isSearchedPick`).
    const listed = Math.max(top, SHOWN_SUGGESTIONS);
    const result = engine.suggest({ ...chat, text }, learning.limit(listed));
    // The ranking as it stood before this line; then what its pick teaches.
    const shown = learning.rank(result.suggestions, result.query, chat, listed);
    const suggestions = shown.slice(0, top);
    io.out(JSON.stringify({ ids: suggestions.map((s) => s.entryId), scores: suggestions.map((s) => s.score) }));
    if (
      typeof request.picked === 'string' &&
      !learning.learn(text, request.picked, result.suggestions, platform, shown)
    ) {
      io.err(`kpack suggest: "picked": no loaded pack has an entry "${request.picked}"`);
    }
  }
  return 0;
}

async function importCommand(args: string[], io: KpackIo): Promise<number> {
  const options: Record<string, string> = {};
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (['--from', '--id', '--name', '--locale', '--out'].includes(arg)) {
      const value = args[i + 1];
      if (value === undefined) return usageError(`import: ${arg} needs a value`, io);
      options[arg.slice(2)] = value;
      i += 1;
    } else if (arg.startsWith('--')) return usageError(`import: unexpected "${arg}"`, io);
    else files.push(arg);
  }
  if (files.length !== 1) return usageError('import needs exactly one FILE', io);
  const file = files[0]!;
  const from = options.from ?? 'auto';
  if (from !== 'auto' && !IMPORT_FORMATS.includes(from as ImportFormat)) {
    return usageError(`import: unknown format "${from}" (formats: ${IMPORT_FORMATS.join(', ')}, auto)`, io);
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message}`,
    );
    return 1;
  }
  // The extension's import pipeline (lib/packs/import.ts), step by step: bytes → text → pack.
  const read = await readPackBytes(bytes, file);
  if (!read.ok) {
    read.errors.forEach((error) => io.err(`${file}: ${error.message}`));
    return 1;
  }
  if (from === 'xlsx' && !read.file.workbook) {
    io.err(`${file}: not an Excel .xlsx workbook: give --from csv for a CSV file`);
    return 1;
  }
  if (read.file.readAs) io.err(`${file}: read ${read.file.readAs}`);
  // `--from` names what the extension would guess; a file nothing recognises gets the guidance to give it.
  if (from === 'auto' && !read.file.workbook && !detectFormat(file, read.file.text)) {
    io.err(`${file}: cannot tell which tool wrote this file: give --from (${IMPORT_FORMATS.join(', ')})`);
    return 1;
  }
  const result = packFromText(read.file, file, {
    ...(from !== 'auto' ? { format: from as ImportFormat } : {}),
    ...(options.id ? { id: options.id } : {}),
    ...(options.name ? { name: options.name } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  if (!result.ok) {
    result.errors.forEach((error) =>
      io.err(`${file}: ${error.path ? `${error.path}: ${error.message}` : error.message}`),
    );
    return 1;
  }
  const json = `${JSON.stringify(result.raw, null, 2)}\n`;
  if (options.out) {
    try {
      await io.writeFile(options.out, json);
    } catch (error) {
      io.err(`${options.out}: cannot write: ${(error as Error).message}`);
      return 1;
    }
  } else io.out(json.trimEnd());
  const imported = result.pack.entries.length;
  const skipped = result.converted?.skipped ?? 0;
  io.err(
    `${file}: imported ${imported} repl${imported === 1 ? 'y' : 'ies'} as pack "${result.pack.id}" (${result.format})` +
      (skipped ? `, skipped ${skipped}` : '') +
      (options.out ? ` → ${options.out}` : ''),
  );
  result.converted?.notes.forEach((note) => io.err(`${file}: ${note}`));
  const unasked = result.pack.entries.filter((e) => e.questions.length === 0 && e.keywords.length === 0).length;
  if (unasked > 0) {
    io.err(
      `${file}: ${unasked} of ${imported} replies have no buyer questions yet: the panel finds them by search and shortcut; add "questions" so Huashu suggests them`,
    );
  }
  return 0;
}

async function learned(args: string[], io: KpackIo): Promise<number> {
  const files: string[] = [];
  const packFiles: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--pack' && args[i + 1]) packFiles.push(args[(i += 1)]!);
    else if (arg.startsWith('--')) return usageError(`learned: unexpected "${arg}"`, io);
    else files.push(arg);
  }
  if (files.length !== 1) return usageError('learned needs exactly one FILE.ndjson', io);
  const packs = await loadAll(packFiles, io);
  if (!packs) return 1;
  return printLearned(files[0]!, packs, (path) => io.readFile(path), io.out, io.err);
}

async function reportCommand(args: string[], io: KpackIo): Promise<number> {
  const logs: string[] = [];
  const packs: string[] = [];
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--out') out = args[++i] ?? '';
    else if (arg === '--pack') packs.push(args[++i] ?? '');
    else logs.push(arg);
  }
  if (!out) return usageError('report needs --out DIR', io);
  if (logs.length === 0) return usageError('report needs at least one .ndjson log', io);
  const titles = new Map<string, string>();
  for (const file of packs) {
    const loaded = await load(file, io);
    if (!loaded.ok) {
      loaded.lines.forEach((line) => io.err(line));
      return 1;
    }
    for (const entry of loaded.pack.entries) titles.set(`${loaded.pack.id}\u0000${entry.id}`, entry.title);
  }
  let report: TeamReport;
  try {
    report = await aggregateLogs(logs, (packId, entryId) => titles.get(`${packId}\u0000${entryId}`));
  } catch (error) {
    io.err(`kpack report: ${(error as Error).message}`);
    return 1;
  }
  await io.makeDir?.(out);
  const dir = out.replace(/\/+$/, '');
  await io.writeFile(`${dir}/report.html`, reportHtml(report));
  for (const [name, text] of Object.entries(reportCsvFiles(report))) await io.writeFile(`${dir}/${name}`, text);
  io.out(
    `${report.events} events from ${report.agents} agents in ${report.files} file(s): ` +
      `${report.entries.length} entries used, ${report.unanswered.length} unanswered question groups, ` +
      `${report.complaints.length} complaint risks → ${dir}/report.html`,
  );
  return 0;
}

function usageError(message: string, io: KpackIo): number {
  io.err(`kpack: ${message}`);
  io.err(USAGE);
  return 2;
}

/** Runs kpack with `args` (without the program name); resolves to the exit code. */
/**
 * `kpack sign --key KEY.pem FILE…`: writes FILE.sig (base64 Ed25519 signature of the file's bytes) and
 * prints the public key to pin in subscriptions. `--new-key KEY.pem` first writes a new private key.
 */
async function sign(args: string[], io: KpackIo): Promise<number> {
  const { createPrivateKey, createPublicKey, generateKeyPairSync, sign: signBytes } = await import('node:crypto');
  const keyAt = args.findIndex((a) => a === '--key' || a === '--new-key');
  const keyFile = keyAt >= 0 ? args[keyAt + 1] : undefined;
  const files = args.filter((_, i) => keyAt < 0 || (i !== keyAt && i !== keyAt + 1));
  if (!keyFile || files.length === 0)
    return usageError('sign needs --key KEY.pem (or --new-key KEY.pem) and a FILE', io);
  let pem: string;
  if (args[keyAt] === '--new-key') {
    pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await io.writeFile(keyFile, pem);
    io.err(`${keyFile}: new private key written; keep it secret`);
  } else {
    pem = await io.readFile(keyFile);
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') return usageError(`${keyFile} is not an Ed25519 private key`, io);
  const raw = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).subarray(-32);
  for (const file of files) {
    const bytes = await io.readBytes(file);
    await io.writeFile(`${file}.sig`, `${signBytes(null, bytes, privateKey).toString('base64')}\n`);
    io.out(`${file}.sig: signed`);
  }
  io.out(`public key: ${Buffer.from(raw).toString('base64')}`);
  return 0;
}

export async function runKpack(args: string[], io: KpackIo): Promise<number> {
  const [command, ...rest] = args;
  // What the engine reads messages with, loaded apart for the extension's panel (see each module).
  await Promise.all([loadShippedPhrasebook(), loadWordTables()]);
  switch (command) {
    case 'validate':
      return validate(rest, io);
    case 'lint':
      return lint(rest, io);
    case 'suggest':
      return suggest(rest, io);
    case 'import':
      return importCommand(rest, io);
    case 'learned':
      return learned(rest, io);
    case 'report':
      return reportCommand(rest, io);
    case 'schema':
      io.out(JSON.stringify(packJsonSchema(), null, 2));
      return 0;
    case 'sign':
      return sign(rest, io);
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return 0;
    default:
      return usageError(command ? `unknown command "${command}"` : 'no command given', io);
  }
}
