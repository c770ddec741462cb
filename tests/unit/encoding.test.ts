/**
 * Encodings: JSON and YAML are UTF-8 (a stray byte is an error naming its offset), only CSV and TSV may
 * be GB18030, and a stray byte never yields garbled text — through file import, URL sync and kpack.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runKpack, type KpackIo } from '../../lib/cli/kpack';
import { decodeUtf8Strict, firstInvalidUtf8, mayBeLegacyCsv } from '../../lib/packs/importers/encoding';
import { readImportFile } from '../../lib/packs/importers/file';
import { readPackBytes } from '../../lib/packs/import';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** The text's bytes with one stray byte inserted at `at` (an offset between two ASCII characters). */
const withStrayByte = (text: string, at: number, byte = 0xa1) => {
  const bytes = utf8(text);
  if (bytes[at - 1]! >= 0x80 || bytes[at]! >= 0x80) throw new Error(`offset ${at} is inside a character`);
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes.subarray(0, at));
  out[at] = byte;
  out.set(bytes.subarray(at), at + 1);
  return out;
};
const PACK = readFileSync('knowledge-packs/tmall-apparel.json', 'utf8');

describe('UTF-8 validation', () => {
  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(utf8('亲，发货啦 😀 ok'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe4, 0xb8]))).toBe(1); // cut short
    expect(firstInvalidUtf8(withStrayByte('{"a": "亲"}', 4))).toBe(4);
  });

  it('names the offset, line and column of a stray byte', () => {
    expect(() => decodeUtf8Strict(withStrayByte('{\n  "名": 1}', 4), 'the pack')).toThrow(
      'the pack is not UTF-8: byte 0xA1 at offset 4 (line 2, column 3); save it as UTF-8',
    );
  });

  it('lets only CSV and TSV fall back to GB18030', () => {
    const csv = utf8('a,b\n');
    expect(mayBeLegacyCsv(csv, 'export.csv')).toBe(true);
    expect(mayBeLegacyCsv(csv, 'export.TSV')).toBe(true);
    expect(mayBeLegacyCsv(csv, 'pack.json')).toBe(false);
    expect(mayBeLegacyCsv(csv, 'espanso.yml')).toBe(false);
    expect(mayBeLegacyCsv(csv, '')).toBe(true);
    expect(mayBeLegacyCsv(utf8('{"format": 1}'), '')).toBe(false);
    expect(mayBeLegacyCsv(utf8('matches:\n'), '')).toBe(false);
  });
});

describe('a stray byte never yields garbled text', () => {
  it('refuses a JSON pack with one stray byte instead of reading it as GB18030', async () => {
    const bytes = withStrayByte(PACK, 20);
    await expect(readImportFile(bytes, 'tmall-apparel.json')).rejects.toThrow(/not UTF-8: byte 0xA1 at offset 20/);
    await expect(readImportFile(bytes, '')).rejects.toThrow(/not UTF-8/);
    await expect(readImportFile(withStrayByte('matches:\n  - trigger: ":a"\n', 5), 'a.yml')).rejects.toThrow(
      /not UTF-8/,
    );
  });

  it('still reads a GB18030 CSV', async () => {
    // "标题,回复\n发货,亲" in GB18030.
    const gb = new Uint8Array([
      0xb1, 0xea, 0xcc, 0xe2, 0x2c, 0xbb, 0xd8, 0xb8, 0xb4, 0x0a, 0xb7, 0xa2, 0xbb, 0xf5, 0x2c, 0xc7, 0xd7,
    ]);
    expect((await readImportFile(gb, 'export.csv')).text).toBe('标题,回复\n发货,亲');
    expect((await readImportFile(gb)).readAs).toBe('GB18030');
  });

  it('the import pipeline (file import and URL sync) refuses the file, naming the byte', async () => {
    const outcome = await readPackBytes(withStrayByte(PACK, 40), 'tmall.json');
    expect(outcome).toMatchObject({
      ok: false,
      errors: [{ path: '', message: expect.stringMatching(/“tmall.json” is not UTF-8: byte 0xA1 at offset 40/) }],
    });
  });

  it('kpack validate names the byte instead of reading U+FFFD', async () => {
    const lines: string[] = [];
    const io: KpackIo = {
      readFile: () => Promise.reject(new Error('unused')),
      readBytes: () => Promise.resolve(withStrayByte(PACK, 60)),
      writeFile: () => Promise.resolve(),
      readStdin: () => (async function* () {})(),
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
    };
    expect(await runKpack(['validate', 'pack.json'], io)).toBe(1);
    expect(lines).toEqual([
      'pack.json: the pack is not UTF-8: byte 0xA1 at offset 60 (line 4, column 5); save it as UTF-8',
    ]);
  });
});
