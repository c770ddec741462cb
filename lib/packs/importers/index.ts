/**
 * `kpack import`: other tools' exports → a Huashu pack. Each format has its own reader (`espanso.ts`,
 * `json.ts`, `csv.ts`); this module picks one, gives every reply an id, and validates the result, so an
 * import either yields a valid pack or says exactly what is wrong.
 */
import Papa from 'papaparse';
import { pinyin } from 'pinyin-pro';
import { localeOfTexts } from '../locale';
import type { Pack, PackInput } from '../schema';
import { parsePack, validatePack } from '../validate';
import { importCsv, importQianniu, spreadsheetKind } from './csv';
import { importEspanso } from './espanso';
import { importChatwoot, importFreshdesk, importGorgias, importTextBlaze, importZendesk, parseJson } from './json';
import { ImportFormatError, type Importer, type ImporterOutput, type ImportNote } from './types';

/** The reader of each format other than Huashu's own. */
export const IMPORTERS = {
  espanso: importEspanso,
  zendesk: importZendesk,
  gorgias: importGorgias,
  chatwoot: importChatwoot,
  freshdesk: importFreshdesk,
  textblaze: importTextBlaze,
  qianniu: importQianniu,
  csv: importCsv,
  // A workbook arrives as the CSV of its sheet (see `readImportFile`), with 千牛's or Huashu's columns.
  xlsx: (source) => (spreadsheetKind(headerOf(source)) === 'qianniu' ? importQianniu(source) : importCsv(source)),
} satisfies Record<string, Importer>;

function headerOf(source: string): string[] {
  return (Papa.parse<string[]>(source.replace(/^\uFEFF/, ''), { preview: 1 }).data[0] ?? []).map((h) => h.trim());
}

export type ImportFormat = keyof typeof IMPORTERS | 'huashu';
export const IMPORT_FORMATS: ImportFormat[] = [...(Object.keys(IMPORTERS) as ImportFormat[]), 'huashu'];

/** Guesses the format from the file name and content; null when nothing fits. */
export function detectFormat(fileName: string, source: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (/\.ya?ml$/.test(name)) return 'espanso';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.csv') || name.endsWith('.tsv')) {
    const header = source.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    return /快捷短语|短语/.test(header) ? 'qianniu' : 'csv';
  }
  let doc: unknown;
  try {
    doc = parseJson(source);
  } catch {
    return /^[ \t]*matches[ \t]*:/m.test(source) ? 'espanso' : null;
  }
  const first = (value: unknown): Record<string, unknown> | null => {
    const list = Array.isArray(value) ? value : null;
    const item = list ? list[0] : value;
    return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : null;
  };
  const root = first(doc);
  if (!root) return null;
  if (root.format === 'huashu-pack/1') return 'huashu';
  if (Array.isArray(root.folders)) return 'textblaze';
  const item = first(root.macros ?? root.data ?? root.payload ?? root.canned_responses) ?? root;
  const actions = Array.isArray(item.actions) ? (item.actions as Array<Record<string, unknown>>) : [];
  if (actions.some((a) => a && 'field' in a)) return 'zendesk';
  if (actions.some((a) => a && a.name === 'setResponseText')) return 'gorgias';
  if ('short_code' in item) return 'chatwoot';
  if ('content_html' in item || ('content' in item && 'title' in item)) return 'freshdesk';
  return null;
}

export interface ImportOptions {
  /** Pack id, name and locale; defaults come from the file name and the text. */
  id?: string;
  name?: string;
  locale?: string;
  version?: string;
  /** The file row of a spreadsheet's header when rows above it were left out: notes name file rows. */
  headerRow?: number;
}

export type ImportResult =
  | {
      ok: true;
      pack: Pack;
      /** The pack as written to a file: only what is set (defaults left out). */
      source: PackInput;
      imported: number;
      skipped: ImportNote[];
      warnings: ImportNote[];
    }
  | { ok: false; errors: string[] };

/** An id from a title: Latin words and pinyin of Han characters, joined by "-" (发货时间 → fa-huo-shi-jian). */
export function idFromTitle(title: string): string {
  const words = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join(' ')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return words.slice(0, 48).replace(/-+$/, '') || 'reply';
}

/** A pack's name and id from its export's file name (`千牛快捷短语.csv` → 千牛快捷短语, qian-niu-kuai-jie-duan-yu). */
export function packNameFromFile(fileName: string): { id: string; name: string } {
  const name = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
  return { id: idFromTitle(name || 'imported'), name: name || 'Imported replies' };
}

function uniqueIds(titles: string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((title) => {
    const base = idFromTitle(title);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}

/** Notes that name a spreadsheet row (`row 4 ("kb")`) name it `by` rows further down. */
function shiftRows(output: ImporterOutput, by: number): ImporterOutput {
  const shift = (notes: ImportNote[]) =>
    notes.map((note) => ({
      ...note,
      where: note.where.replace(/^row (\d+)/, (_, row: string) => `row ${Number(row) + by}`),
    }));
  return { ...output, skipped: shift(output.skipped), warnings: shift(output.warnings) };
}

/** Reads an export of `format` and returns a validated Huashu pack, or the reasons it cannot. */
export function importPack(format: ImportFormat, source: string, options: ImportOptions = {}): ImportResult {
  if (format === 'huashu') {
    const parsed = parsePack(source);
    if (!parsed.ok)
      return { ok: false, errors: parsed.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)) };
    return {
      ok: true,
      pack: parsed.pack,
      source: parsed.raw as PackInput,
      imported: parsed.pack.entries.length,
      skipped: [],
      warnings: [],
    };
  }
  let output: ImporterOutput;
  try {
    output = IMPORTERS[format](source);
  } catch (error) {
    if (error instanceof ImportFormatError) return { ok: false, errors: [`not a ${format} export: ${error.message}`] };
    throw error;
  }
  if (options.headerRow && options.headerRow > 1) output = shiftRows(output, options.headerRow - 1);
  if (output.replies.length === 0) {
    return {
      ok: false,
      errors: [
        `no reply could be imported${output.skipped.length ? ` (${output.skipped.length} skipped)` : ''}`,
        ...output.skipped.map((s) => `${s.where}: ${s.message}`),
      ],
    };
  }
  // Shortcuts must be unique in a pack: the first keeps it.
  const taken = new Set<string>();
  const warnings = [...output.warnings];
  const ids = uniqueIds(output.replies.map((r) => r.title));
  const locale = options.locale ?? localeOfTexts(output.replies.flatMap((r) => [r.title, r.text]));
  const input: PackInput = {
    format: 'huashu-pack/1',
    id: options.id ?? 'imported',
    name: options.name ?? options.id ?? 'Imported replies',
    version: options.version ?? '1.0.0',
    locale,
    entries: output.replies.map((reply, i) => {
      let shortcut = reply.shortcut;
      if (shortcut && taken.has(shortcut)) {
        warnings.push({
          where: reply.title,
          message: `shortcut ${shortcut} is used by an earlier reply: dropped here`,
        });
        shortcut = undefined;
      }
      if (shortcut) taken.add(shortcut);
      const listed = (name: string, values: string[] | undefined) => (values?.length ? { [name]: values } : {});
      return {
        id: ids[i]!,
        title: reply.title,
        ...listed('questions', reply.questions),
        ...listed('keywords', reply.keywords),
        replies: [{ text: reply.text, ...(reply.locale && reply.locale !== locale ? { locale: reply.locale } : {}) }],
        ...listed('tags', reply.tags),
        ...(shortcut ? { shortcut } : {}),
      };
    }),
  };
  const validated = validatePack(input);
  if (!validated.ok) return { ok: false, errors: validated.errors.map((e) => `${e.path}: ${e.message}`) };
  return {
    ok: true,
    pack: validated.pack,
    source: input,
    imported: input.entries.length,
    skipped: output.skipped,
    warnings,
  };
}
