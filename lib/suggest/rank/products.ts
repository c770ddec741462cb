/**
 * Product-aware ranking: entries may name the items they answer for (`products`: title fragments or
 * item codes). For the product the buyer asks about, an entry naming it comes before the generic entry
 * for the same question; for any other item, or when no product is known, the generic entry comes first.
 */
import type { Entry } from '../../packs/schema';
import { normalizeText } from '../text/normalize';

/** How an entry fits the product in question. */
export type ProductFit = 'match' | 'generic' | 'other';

/** A product title or fragment as it is compared: width, case, script and white space folded away. */
export function productKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, '');
}

/** Whether a fragment (title part or item code) names this product. */
export function productMatches(fragment: string, product: string): boolean {
  const key = productKey(fragment);
  return key.length > 0 && productKey(product).includes(key);
}

/** `match`: the entry names this product; `generic`: it names none; `other`: it is for other items. */
export function productFit(entry: Pick<Entry, 'products'>, product: string | undefined): ProductFit {
  if (!entry.products?.length) return 'generic';
  if (product && entry.products.some((fragment) => productMatches(fragment, product))) return 'match';
  return 'other';
}

/**
 * Score factors by fit. The same question asked of two entries scores about the same, so a quarter more
 * puts the item's own entry first; a quarter less keeps another item's weak match below the threshold.
 */
const PRODUCT_FACTOR: Record<ProductFit, number> = { match: 1.25, generic: 1, other: 0.75 };
const FIT_ORDER: Record<ProductFit, number> = { match: 2, generic: 1, other: 0 };

/**
 * Re-orders ranked entries for the product in question (best first). Other items' entries come after
 * every generic or own entry that passed (a parka's sizing answer is no answer for a shirt, whatever
 * words it shares with the message), and after each other by score. Scores are capped at 1 elsewhere,
 * so ties at the cap are broken by fit: the item's own entry before the generic one.
 */
export function rankForProduct<T extends { entry: Pick<Entry, 'products'>; score: number; coverage: number }>(
  ranked: T[],
  product: string | undefined,
): T[] {
  if (!ranked.some((r) => r.entry.products?.length)) return ranked;
  const keyed = ranked.map((r) => {
    const fit = productFit(r.entry, product);
    return { r: { ...r, score: Math.min(1, r.score * PRODUCT_FACTOR[fit]) }, raw: r.score * PRODUCT_FACTOR[fit], fit };
  });
  const other = (k: (typeof keyed)[number]) => (k.fit === 'other' ? 1 : 0);
  keyed.sort(
    (a, b) =>
      other(a) - other(b) || b.raw - a.raw || FIT_ORDER[b.fit] - FIT_ORDER[a.fit] || b.r.coverage - a.r.coverage,
  );
  return keyed.map((k) => k.r);
}
