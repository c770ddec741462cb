/**
 * The import pipeline, the same for a chosen file, a subscribed URL and `kpack import`: a file's bytes → its text (an
 * Excel workbook becomes the CSV of its sheet, a CSV not in UTF-8 is read as GB18030) → a Huashu pack,
 * converted on the way when it is another tool's export (espanso, Zendesk, 千牛 CSV, …), validated and
 * linted. Pure: it stores nothing (the background stores what it returns) and never throws.
 */
import { detectFormat, importPack, packNameFromFile, type ImportFormat } from './importers';
import { readImportFile, type ImportFileText } from './importers/file';
import { lintPack, type LintWarning } from './lint';
import type { Pack } from './schema';
import { parsePack, type PackProblem } from './validate';

/** A file's text as the readers take it; `workbook` when it is the CSV of an Excel sheet. */
export type PackText = Pick<ImportFileText, 'text' | 'headerRow'> & { workbook?: boolean };

/** A pack ready to store, with what the team lead should know about it. */
interface ImportedPack {
  pack: Pack;
  /** The pack as written to a file (only what is set): what `kpack import` prints. */
  raw: unknown;
  /** The format read: `huashu`, or the other tool's whose export was converted. */
  format: ImportFormat;
  warnings: LintWarning[];
  /** Set when the file was another tool's export: what was skipped or changed (skipped first), as shown. */
  converted?: { format: string; notes: string[]; skipped: number };
}

type PackImportOutcome = ({ ok: true } & ImportedPack) | { ok: false; errors: PackProblem[] };

export interface PackImportOptions {
  /** The pack must have this id (a subscribed URL must keep serving the pack it was subscribed for). */
  expectId?: string;
  /** Read the file as this format instead of telling it from the name and content (`kpack import --from`). */
  format?: ImportFormat;
  /** A converted pack's id, name and locale instead of those from the file name and text (`kpack import`). */
  id?: string;
  name?: string;
  locale?: string;
}

/**
 * A file's bytes → its text, or why they cannot be read (a broken or an old .xls workbook, a JSON file
 * that is not UTF-8). `fileName` (or the URL's last part) tells whether GB18030 may be tried.
 */
export async function readPackBytes(
  bytes: Uint8Array,
  fileName = '',
): Promise<{ ok: true; file: ImportFileText } | { ok: false; errors: PackProblem[] }> {
  try {
    return { ok: true, file: await readImportFile(bytes, fileName) };
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: (error as Error).message }] };
  }
}

/**
 * A file's text → a validated, linted pack. `fileName` names a converted pack and hints at the format
 * (`快捷短语.csv`, `macros.json`); a workbook's CSV is read with the spreadsheet readers whatever its name.
 */
export function packFromText(file: PackText, fileName: string, options: PackImportOptions = {}): PackImportOutcome {
  const format = options.format ?? (file.workbook ? 'xlsx' : detectFormat(fileName, file.text));
  let pack: Pack;
  let raw: unknown;
  let converted: ImportedPack['converted'];
  if (format && format !== 'huashu') {
    const fromFile = packNameFromFile(fileName);
    const imported = importPack(format, file.text, {
      id: options.id ?? fromFile.id,
      name: options.name ?? options.id ?? fromFile.name,
      ...(options.locale ? { locale: options.locale } : {}),
      ...(file.headerRow ? { headerRow: file.headerRow } : {}),
    });
    if (!imported.ok) return { ok: false, errors: imported.errors.map((message) => ({ path: '', message })) };
    ({ pack, source: raw } = imported);
    converted = {
      format,
      notes: [
        ...imported.skipped.map((n) => `skipped ${n.where}: ${n.message}`),
        ...imported.warnings.map((n) => `check ${n.where}: ${n.message}`),
      ],
      skipped: imported.skipped.length,
    };
  } else {
    const parsed = parsePack(file.text);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    ({ pack, raw } = parsed);
  }
  if (options.expectId !== undefined && pack.id !== options.expectId) {
    return {
      ok: false,
      errors: [
        { path: 'id', message: `is “${pack.id}”, but this address was subscribed for pack “${options.expectId}”` },
      ],
    };
  }
  return {
    ok: true,
    pack,
    raw,
    format: format ?? 'huashu',
    warnings: lintPack(pack, raw),
    ...(converted ? { converted } : {}),
  };
}
