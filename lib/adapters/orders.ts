/** Order numbers as each platform writes them, found in message text and order cards. */
import { fnv1a } from '../hash';
import type { Platform } from '../packs/schema';

const PATTERNS: Record<Platform, RegExp> = {
  // Taobao/Tmall: 16–19 digits.
  taobao: /(?<!\d)\d{16,19}(?!\d)/g,
  // JD: 10–13 digits.
  jd: /(?<!\d)\d{10,13}(?!\d)/g,
  // Pinduoduo: 6 digits, a dash, 15 digits (251124-123456789012345).
  pdd: /(?<!\d)\d{6}-\d{12,16}(?!\d)/g,
  // Shopify: #1043 or #NW1043 (a store prefix).
  shopify: /#[A-Z]{0,4}\d{3,8}\b/gi,
  generic: /(?<!\d)\d{10,19}(?!\d)|#[A-Z]{0,4}\d{3,8}\b/gi,
};

/** Order numbers in `text`, in order of appearance, without duplicates. Phone numbers are not orders. */
export function findOrderIds(text: string, platform: Platform): string[] {
  const found: string[] = [];
  for (const match of text.normalize('NFKC').matchAll(PATTERNS[platform])) {
    const id = match[0].toUpperCase();
    if (/^1[3-9]\d{9}$/.test(id)) continue;
    if (!found.includes(id)) found.push(id);
  }
  return found;
}

/** A short stable hash (FNV-1a, base 36) for message ids when the site gives none. */
export function shortHash(text: string): string {
  return (fnv1a(text) >>> 0).toString(36);
}
