import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPack } from '../../lib/packs/lint';
import { parsePack } from '../../lib/packs/validate';

const dir = new URL('../../knowledge-packs/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

/** Minimum reply entries per shipped pack (the bar for real, usable packs). */
const MINIMUM_REPLIES: Record<string, number> = {
  'tmall-apparel': 80,
  'jd-electronics': 60,
  'shopify-store': 60,
  'pdd-store': 60,
};

describe('shipped knowledge packs', () => {
  it('are the four documented packs', () => {
    expect(files.sort()).toEqual(['jd-electronics.json', 'pdd-store.json', 'shopify-store.json', 'tmall-apparel.json']);
  });

  it.each(files)('%s validates, lints clean and is big enough', (file) => {
    const result = parsePack(readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(lintPack(result.pack, result.raw)).toEqual([]);
    const replies = result.pack.entries.filter((e) => e.kind === 'reply');
    expect(replies.length).toBeGreaterThanOrEqual(MINIMUM_REPLIES[result.pack.id]!);
    expect(result.pack.entries.some((e) => e.kind === 'card')).toBe(true);
    expect(result.pack.scenarios.length).toBeGreaterThan(0);
    expect(Object.keys(result.pack.facts).length).toBeGreaterThan(5);
    expect(replies.filter((e) => e.shortcut).length).toBeGreaterThan(20);
    expect(`${result.pack.id}.json`).toBe(file);
  });
});
