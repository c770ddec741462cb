/**
 * Text normalisation shared by indexing and querying: NFKC (full-width → half-width, compatibility
 * forms), lower case, traditional → simplified Chinese, one space for any run of white space.
 */
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 't', to: 'cn' });
const HAS_HAN = /\p{Script=Han}/u;
const FIRST = 0x3400;
const LAST = 0x9fff;
let traditionalChars: Uint8Array | null = null;

/**
 * Whether the text has a character that conversion would change. Running the converter costs ~30 µs
 * a string, which dominated index builds; most text is already simplified and skips it. The table of
 * such characters is read off the converter itself once (~40 ms), one character per line.
 */
function hasTraditional(text: string): boolean {
  if (!traditionalChars) {
    if (!HAS_HAN.test(text)) return false;
    const chars: string[] = [];
    for (let code = FIRST; code <= LAST; code += 1) chars.push(String.fromCharCode(code));
    const converted = toSimplified(chars.join('\n')).split('\n');
    traditionalChars = new Uint8Array(LAST - FIRST + 1);
    chars.forEach((char, i) => {
      if (converted[i] !== char) traditionalChars![i] = 1;
    });
  }
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= FIRST && code <= LAST && traditionalChars[code - FIRST] === 1) return true;
  }
  return false;
}

/** Whether white space needs collapsing: a run, an edge space, or a space other than U+0020. */
function hasLooseSpace(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 32) return true;
    } else if (code < 32 || code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)) {
      return true;
    } else if (
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x3000 ||
      code === 0xfeff
    ) {
      return true;
    }
  }
  return false;
}

/** Normalises text for matching; idempotent. */
export function normalizeText(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  if (hasTraditional(out)) out = toSimplified(out);
  // Most texts are already tidy: skip the regular expressions (a tenth of index build time) for them.
  return hasLooseSpace(out) ? out.replace(/\s+/g, ' ').trim() : out;
}

/** Whether a message is mostly Chinese (Han) rather than Latin script: picks reply locale. */
export function detectScript(text: string): 'han' | 'latin' | 'none' {
  let han = 0;
  let latin = 0;
  for (const char of text) {
    if (HAS_HAN.test(char)) han += 1;
    else if (/\p{Script=Latin}/u.test(char)) latin += 1;
  }
  if (han === 0 && latin === 0) return 'none';
  // One Han character carries about as much as a short Latin word.
  return han * 3 >= latin ? 'han' : 'latin';
}
