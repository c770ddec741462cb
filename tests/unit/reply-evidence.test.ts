import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { FIELD_WEIGHTS, WEIGHT_SCALE, buildSegment, termStrings } from '../../lib/suggest/index/segment';
import { pack } from '../helpers/packs';

/** The stored weight of a term in entry `docNo`, in units of 1 / WEIGHT_SCALE (0 when absent). */
function unitsOf(input: PackInput, term: string, docNo: number): number {
  const segment = buildSegment(pack(input));
  const t = termStrings(segment).indexOf(term);
  for (let i = segment.offsets[t]!; i < segment.offsets[t + 1]!; i += 1) {
    if (segment.postingDocs[i] === docNo) return segment.postingWeights[i]!;
  }
  return 0;
}

const withReply = (text: string, locale?: string, packLocale = 'en'): PackInput => ({
  format: 'huashu-pack/1',
  id: 'replies',
  name: 'Replies',
  version: '1.0.0',
  locale: packLocale,
  entries: [{ id: 'intl', title: 'International', questions: ['do you ship abroad'], replies: [{ text, locale }] }],
});

describe('words of an English reply', () => {
  it('weigh as question words in a short reply', () => {
    expect(unitsOf(withReply('Yes, we deliver to New Zealand in 7 days.'), 'zealand', 0)).toBe(WEIGHT_SCALE);
  });

  it('share a budget in a long reply, never below the reply field weight', () => {
    const long = `We deliver to New Zealand. ${'Our team will gladly help with anything else you need today. '.repeat(4)}`;
    const units = unitsOf(withReply(long), 'zealand', 0);
    expect(units).toBeLessThan(WEIGHT_SCALE);
    expect(units).toBeGreaterThan(FIELD_WEIGHTS.replies * WEIGHT_SCALE);
    const endless = `We deliver to New Zealand. ${'Our team will gladly help with anything else you need today. '.repeat(40)}`;
    expect(unitsOf(withReply(endless), 'zealand', 0)).toBe(FIELD_WEIGHTS.replies * WEIGHT_SCALE);
  });

  it('keep the reply field weight in a reply written in Chinese', () => {
    expect(unitsOf(withReply('亲，顺丰SF发货哦'), 'sf', 0)).toBe(FIELD_WEIGHTS.replies * WEIGHT_SCALE);
  });

  it('keep the reply field weight in a reply in another language than the pack’s', () => {
    const overseas = 'Yes, we deliver to New Zealand in 7 days.';
    expect(unitsOf(withReply(overseas, 'en', 'zh-CN'), 'zealand', 0)).toBe(FIELD_WEIGHTS.replies * WEIGHT_SCALE);
    expect(unitsOf(withReply(overseas, 'en-US', 'en'), 'zealand', 0)).toBe(WEIGHT_SCALE);
  });
});
