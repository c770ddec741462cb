/**
 * Excel workbooks (.xlsx): 千牛 快捷短语 exports and Huashu's columns kept in Excel. The sheet whose
 * header the spreadsheet readers recognise becomes CSV text, so one reader serves CSV and Excel alike.
 * Reading uses read-excel-file (its `universal` build: no Node or DOM APIs, an ArrayBuffer in), handed
 * the workbook as `unzip.ts` unpacked it under a size budget.
 */
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/universal';
import { spreadsheetKind } from './csv';
import { ImportFormatError } from './types';
import { storedWorkbook } from './unzip';

/** How many rows above the header a sheet may have (a title line, an export date). */
const HEADER_SEARCH_ROWS = 5;

/** Whether bytes are a zip archive (an .xlsx), whatever the file is called. */
export function isWorkbook(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Whether bytes are an old binary Excel file (.xls), which is not read: the team lead saves it as .xlsx. */
export function isLegacyWorkbook(bytes: Uint8Array): boolean {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length > 8 && ole.every((byte, i) => bytes[i] === byte);
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/**
 * The CSV text of the workbook's first sheet with a recognised header (rows above the header dropped),
 * that sheet's name and the sheet row the header is on. Throws `ImportFormatError` with what was found when no sheet fits.
 */
export async function workbookToCsv(bytes: Uint8Array): Promise<{ csv: string; sheet: string; headerRow: number }> {
  if (isLegacyWorkbook(bytes)) {
    throw new ImportFormatError('an old .xls workbook: open it in Excel or WPS and save it as .xlsx or CSV');
  }
  // Throws, naming the limit, before a hostile archive is inflated.
  const stored = storedWorkbook(bytes);
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    const buffer = stored.buffer.slice(stored.byteOffset, stored.byteOffset + stored.byteLength) as ArrayBuffer;
    sheets = await readXlsxFile(buffer);
  } catch (error) {
    throw new ImportFormatError(`not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const seen: string[] = [];
  for (const { sheet, data } of sheets) {
    const rows = data.map((row) => row.map(cellText));
    const headerAt = rows
      .slice(0, HEADER_SEARCH_ROWS)
      .findIndex((row) => spreadsheetKind(row.map((cell) => cell.trim())) !== null);
    if (headerAt >= 0) return { csv: Papa.unparse(rows.slice(headerAt)), sheet, headerRow: headerAt + 1 };
    const first = rows.find((row) => row.some((cell) => cell.trim()));
    seen.push(`"${sheet}": ${first ? first.filter(Boolean).join(', ') : 'empty'}`);
  }
  throw new ImportFormatError(
    `no sheet has a 快捷短语 or "reply" column in its first ${HEADER_SEARCH_ROWS} rows (${seen.join('; ') || 'no sheets'})`,
  );
}
