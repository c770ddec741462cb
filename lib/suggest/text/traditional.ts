/**
 * Traditional → simplified Chinese, through opencc-js. The converter is built on first use (~25 ms):
 * most text never needs it, and `normalizeText` finds the text that does with a table
 * (`traditional.data.ts`), generated from the converter itself so the two cannot disagree.
 */
import { Converter } from 'opencc-js/t2cn';

/** The range of characters the table covers (CJK Extension A and the URO). */
const FIRST_TABLE_CHAR = 0x3400;
export const LAST_TABLE_CHAR = 0x9fff;

let converter: ((text: string) => string) | null = null;

export function toSimplified(text: string): string {
  converter ??= Converter({ from: 't', to: 'cn' });
  return converter(text);
}

/** The characters of the table's range that the converter changes, in code order (for the generator and its test). */
export function traditionalCharsOfConverter(): string {
  const chars: string[] = [];
  for (let code = FIRST_TABLE_CHAR; code <= LAST_TABLE_CHAR; code += 1) chars.push(String.fromCharCode(code));
  const converted = toSimplified(chars.join('\n')).split('\n');
  return chars.filter((char, i) => converted[i] !== char).join('');
}
