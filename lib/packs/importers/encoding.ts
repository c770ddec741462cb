/**
 * Decoding an import file's bytes. JSON and YAML are UTF-8 by their specifications: a stray byte is an
 * error naming where it is, never a reason to read the whole file as GB18030 (which turns every Chinese
 * string into valid-looking mojibake, and a sync would replace the good version with it). Only CSV and
 * TSV — what Excel and WPS save on a Chinese system — fall back to GB18030.
 */
import { ImportFormatError } from './types';

/** Offset of the first byte that is not well-formed UTF-8 (RFC 3629), or -1 when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** Line and column (1-based, in bytes) of a byte offset. */
function lineOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i += 1) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The UTF-8 text of `bytes`, or an `ImportFormatError` naming the first stray byte and where it is. */
export function decodeUtf8Strict(bytes: Uint8Array, what = 'the file'): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = lineOf(bytes, bad);
    const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    throw new ImportFormatError(
      `${what} is not UTF-8: byte 0x${hex} at offset ${bad} (line ${line}, column ${column}); save it as UTF-8`,
    );
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Whether bytes that are not UTF-8 may be read as GB18030: a CSV or TSV by its name, or, when the name
 * says nothing (a URL without an extension), a first line that reads as a spreadsheet header rather than
 * JSON or YAML.
 */
export function mayBeLegacyCsv(bytes: Uint8Array, fileName = ''): boolean {
  const name = fileName.toLowerCase();
  if (/\.(csv|tsv)$/.test(name)) return true;
  if (/\.(json|ya?ml)$/.test(name)) return false;
  if (/\.[a-z0-9]{1,5}$/.test(name)) return false;
  let end = bytes.indexOf(0x0a);
  if (end < 0) end = bytes.length;
  let start = 0;
  while (start < end && (bytes[start] === 0x20 || bytes[start] === 0x09 || bytes[start] === 0x0d)) start += 1;
  const first = bytes[start];
  if (first === 0x7b || first === 0x5b || first === 0x2d || first === 0x23) return false; // { [ - #
  const line = bytes.subarray(start, end);
  return line.includes(0x2c) || line.includes(0x09); // , or tab
}
