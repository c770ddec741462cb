/**
 * Text normalisation shared by indexing and querying: NFKC (full-width → half-width, compatibility
 * forms), lower case, traditional → simplified Chinese, one space for any run of white space.
 */
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 't', to: 'cn' });
const HAS_HAN = /\p{Script=Han}/u;

/** Normalises text for matching; idempotent. */
export function normalizeText(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  if (HAS_HAN.test(out)) out = toSimplified(out);
  return out.replace(/\s+/g, ' ').trim();
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
