/**
 * Writes minimal .xlsx workbooks for tests, the way spreadsheet exporters (Apache POI, which 千牛's
 * export uses, and Excel itself) lay them out: shared strings for text, numeric cells for numbers and
 * dates (as Excel serial days with a date style). Written by hand with fflate so the reader under test
 * (read-excel-file) is checked against an independent writer.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export type SheetCell = string | number | Date | null;
export interface SheetSpec {
  name: string;
  rows: SheetCell[][];
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Excel's serial day number (1900 system) of a date. */
const serialDay = (date: Date) => (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

export function workbook(sheets: SheetSpec[]): Uint8Array<ArrayBuffer> {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (text: string) => {
    let index = stringIndex.get(text);
    if (index === undefined) {
      index = strings.length;
      strings.push(text);
      stringIndex.set(text, index);
    }
    return index;
  };
  const sheetXml = (rows: SheetCell[][]) =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    rows
      .map(
        (row, r) =>
          `<row r="${r + 1}">` +
          row
            .map((cell, c) => {
              const ref = `${columnName(c)}${r + 1}`;
              if (cell === null) return '';
              if (cell instanceof Date) return `<c r="${ref}" s="1"><v>${serialDay(cell)}</v></c>`;
              if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
              return `<c r="${ref}" t="s"><v>${shared(cell)}</v></c>`;
            })
            .join('') +
          '</row>',
      )
      .join('') +
    '</sheetData></worksheet>';
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet.rows))));
  files['xl/sharedStrings.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('') +
      '</sst>',
  );
  files['xl/styles.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
      '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
  );
  files['xl/workbook.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      '</Relationships>',
  );
  files['_rels/.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '</Relationships>',
  );
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  return new Uint8Array(zipSync(files));
}

interface ZipPart {
  name: string;
  /** Deflated bytes. */
  data: Uint8Array;
  crc: number;
  size: number;
}

/** A zip archive of deflated parts, written by hand so a part may be far larger than memory allows. */
function zipOf(parts: ZipPart[]): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(part.crc >>> 0, 14);
    head.writeUInt32LE(part.data.length, 18);
    head.writeUInt32LE(part.size, 22);
    head.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(head, name, Buffer.from(part.data));
    central.push(entry, name);
    offset += head.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

/**
 * A zip bomb shaped as a workbook: a valid .xlsx whose first sheet is padded with spaces to `unpackedBytes`
 * (up to 4 GB - 1). Deflate reaches ~1,000:1 on it, as the hostile file of the security review did
 * (1.2 MB inflating to ~1 GB). Streams the padding through zlib, so writing it needs little memory.
 */
export async function bombWorkbook(unpackedBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const parts = unzipSync(workbook([{ name: '快捷短语', rows: [['快捷短语', '短语内容']] }]));
  const sheetName = 'xl/worksheets/sheet1.xml';
  const head = parts[sheetName]!.subarray(0, parts[sheetName]!.length - '</sheetData></worksheet>'.length);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const padding = Buffer.alloc(1 << 20, 0x20);
  let crc = crc32(head);
  deflate.write(head);
  let written = head.length;
  while (written < unpackedBytes) {
    const piece = padding.subarray(0, Math.min(padding.length, unpackedBytes - written));
    crc = crc32(piece, crc);
    written += piece.length;
    // Waits when zlib's buffer is full, so the padding is never held in memory at once.
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return zipOf(
    Object.entries(parts).map(([name, data]) =>
      name === sheetName
        ? { name, data: Buffer.concat(out), crc, size: written }
        : { name, data: deflateRawSync(data), crc: crc32(data), size: data.length },
    ),
  );
}
