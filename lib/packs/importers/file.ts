/**
 * An import file's bytes → the text the readers take: an Excel workbook becomes the CSV of its sheet
 * with a recognised header; other files are decoded as UTF-8. A CSV or TSV that is not UTF-8 is read as
 * GB18030 (saved by Excel or WPS on a Chinese system, as 千牛 exports usually are); JSON and YAML must be
 * UTF-8, and a stray byte is an error naming its offset (see `encoding.ts`).
 */
import { decodeUtf8Strict, firstInvalidUtf8, mayBeLegacyCsv } from './encoding';
import { ImportFormatError } from './types';
import { isLegacyWorkbook, isWorkbook, workbookToCsv } from './xlsx';

export interface ImportFileText {
  text: string;
  /** How the bytes were read, for the import report: `sheet "快捷短语"`, `GB18030`. */
  readAs?: string;
  /** Whether the text came from a workbook (then it is CSV). */
  workbook: boolean;
  /** The sheet row of the CSV's header, when rows above it were left out (for `ImportOptions.headerRow`). */
  headerRow?: number;
}

/** Largest import file: a pack or an export of thousands of replies is a few megabytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** `fileName` (or the URL's last part) decides whether a file that is not UTF-8 may be GB18030. */
export async function readImportFile(bytes: Uint8Array, fileName = ''): Promise<ImportFileText> {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportFormatError(
      `the file is ${Math.ceil(bytes.length / 1024 / 1024)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    );
  if (isWorkbook(bytes) || isLegacyWorkbook(bytes)) {
    const { csv, sheet, headerRow } = await workbookToCsv(bytes);
    return { text: csv, readAs: `sheet "${sheet}"`, workbook: true, ...(headerRow > 1 ? { headerRow } : {}) };
  }
  if (firstInvalidUtf8(bytes) < 0 || !mayBeLegacyCsv(bytes, fileName))
    return { text: decodeUtf8Strict(bytes, fileName ? `“${fileName}”` : 'the file'), workbook: false };
  return { text: new TextDecoder('gb18030').decode(bytes), readAs: 'GB18030', workbook: false };
}
