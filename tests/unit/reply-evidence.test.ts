import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import {
  FIELD_WEIGHTS,
  WEIGHT_SCALE,
  buildSegment,
  isAskedPosting,
  reviveSegment,
  serializeSegment,
  termStrings,
} from '../../lib/suggest/index/segment';
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

describe('which postings an entry is asked with', () => {
  const input: PackInput = {
    format: 'huashu-pack/1',
    id: 'asked',
    name: 'Asked',
    version: '1.0.0',
    locale: 'en',
    entries: [
      {
        id: 'a',
        title: 'Invalid address',
        questions: ['checkout says invalid address'],
        replies: [{ text: 'Check the zip code.' }],
      },
      { id: 'b', title: 'Zip code format', questions: ['what zip code format'], replies: [{ text: 'Five digits.' }] },
    ],
  };
  const askedOf = (segment: ReturnType<typeof buildSegment>, term: string, docNo: number): boolean | null => {
    const t = termStrings(segment).indexOf(term);
    for (let i = segment.offsets[t]!; i < segment.offsets[t + 1]!; i += 1) {
      if (segment.postingDocs[i] === docNo) return isAskedPosting(segment, i);
    }
    return null;
  };

  it('marks title, question and keyword terms, not reply-only ones, per entry', () => {
    const segment = buildSegment(pack(input));
    expect(askedOf(segment, 'address', 0)).toBe(true);
    expect(askedOf(segment, 'zip', 0)).toBe(false);
    expect(askedOf(segment, 'zip', 1)).toBe(true);
    expect(askedOf(segment, 'digit', 1)).toBe(false);
    // A concept term stands for the entry's own words.
    expect(askedOf(segment, '@address', 0)).toBe(true);
  });

  it('survives storage, and a stored index without the marks is rebuilt', () => {
    const segment = buildSegment(pack(input));
    const revived = reviveSegment(JSON.parse(JSON.stringify(serializeSegment(segment))));
    expect(revived && askedOf(revived, 'zip', 1)).toBe(true);
    expect(revived && askedOf(revived, 'zip', 0)).toBe(false);
    const { postingAsked: _dropped, ...older } = serializeSegment(segment);
    expect(reviveSegment(older)).toBeNull();
  });
});
