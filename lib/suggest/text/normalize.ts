/**
 * Text normalisation shared by indexing and querying: NFKC (full-width → half-width, compatibility
 * forms), lower case, traditional → simplified Chinese, one space for any run of white space.
 */
import { LAST_TABLE_CHAR, toSimplified } from './traditional';
import { TRADITIONAL_CHARS } from './traditional.data';

/**
 * What one pass over a text finds, by code unit. Most pack and chat text is plain ASCII, Han and common
 * CJK punctuation, which NFKC leaves as it is: for such text the pass decides which (if any) of the
 * costly steps to run (each copied every Chinese string, and NFKC, lower-casing and the converter's checks
 * were a quarter of index build time). Anything else takes every step.
 */
const OTHER = 1;
const UPPER = 2;
const TRADITIONAL = 4;
const SPACE = 8;
/** Tab, line feed, carriage return: white space to collapse, which NFKC leaves alone. */
const BREAK = 16;
const CHAR_CLASS = new Uint8Array(0x10000).fill(OTHER);
CHAR_CLASS.fill(0, 0x21, 0x7f);
CHAR_CLASS.fill(UPPER, 0x41, 0x5b);
CHAR_CLASS[0x20] = SPACE;
for (const code of [0x09, 0x0a, 0x0d]) CHAR_CLASS[code] = BREAK;
CHAR_CLASS.fill(0, 0x3400, 0x4dc0);
CHAR_CLASS.fill(0, 0x4e00, LAST_TABLE_CHAR + 1);
// 、。《》「」『』【】‘’“”—·: NFKC keeps them (full-width ，！？（） are OTHER: NFKC folds them to ASCII).
for (const code of [0x3001, 0x3002, 0x2018, 0x2019, 0x201c, 0x201d, 0x2014, 0xb7]) CHAR_CLASS[code] = 0;
CHAR_CLASS.fill(0, 0x300a, 0x3012);
for (let i = 0; i < TRADITIONAL_CHARS.length; i += 1) CHAR_CLASS[TRADITIONAL_CHARS.charCodeAt(i)] = TRADITIONAL;

/** Whether the text has a character that conversion would change (only characters of the table are marked). */
function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (CHAR_CLASS[code] === TRADITIONAL) return true;
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

const collapseSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Normalises text for matching; idempotent. */
export function normalizeText(text: string): string {
  const last = text.length - 1;
  let found = 0;
  let loose = false;
  for (let i = 0; i <= last; i += 1) {
    const kind = CHAR_CLASS[text.charCodeAt(i)]!;
    found |= kind;
    if (kind === SPACE && (i === 0 || i === last || text.charCodeAt(i + 1) === 32)) loose = true;
  }
  if (found & OTHER) {
    let out = text.normalize('NFKC').toLowerCase();
    if (hasTraditional(out)) out = toSimplified(out);
    return hasLooseSpace(out) ? collapseSpace(out) : out;
  }
  let out = found & UPPER ? text.toLowerCase() : text;
  if (found & TRADITIONAL) out = toSimplified(out);
  return loose || found & BREAK ? collapseSpace(out) : out;
}
