/**
 * An import file's bytes → the text the readers take: an Excel workbook becomes the CSV of its sheet
 * with a recognised header; other files are decoded as UTF-8, or as GB18030 when they are not UTF-8 (a
 * CSV saved by Excel or WPS on a Chinese system, as 千牛 exports usually are).
 */
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

export async function readImportFile(bytes: Uint8Array): Promise<ImportFileText> {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportFormatError(
      `the file is ${Math.ceil(bytes.length / 1024 / 1024)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    );
  if (isWorkbook(bytes) || isLegacyWorkbook(bytes)) {
    const { csv, sheet, headerRow } = await workbookToCsv(bytes);
    return { text: csv, readAs: `sheet "${sheet}"`, workbook: true, ...(headerRow > 1 ? { headerRow } : {}) };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), workbook: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), readAs: 'GB18030', workbook: false };
  }
}
