import { describe, expect, it } from 'vitest';
import { HanKeyTable } from '../../lib/suggest/index/han-key-table';
import { buildSegment, buildSegmentSteps, termStrings } from '../../lib/suggest/index/segment';
import { HomophoneIndex, TermIndex } from '../../lib/suggest/index/term-index';
import { hanTermKey } from '../../lib/suggest/text/tokenize';
import { miniEnglish, miniStore, pack } from '../helpers/packs';

/** A vocabulary as segments hold it (Han terms by key), from term strings. */
function vocabulary(list: string[]) {
  const terms: string[] = [];
  const termKeys = Int32Array.from(list, (term) => {
    const key = hanTermKey(term);
    return key >= 0 ? key : -1 - (terms.push(term) - 1);
  });
  return { termKeys, terms };
}

describe('buildSegmentSteps', () => {
  it('builds the same index as buildSegment, a slice of entries a step, with other builds in between', () => {
    for (const source of [miniStore, miniEnglish]) {
      const whole = buildSegment(pack(source));
      const steps = buildSegmentSteps(pack(source), 2);
      let yielded = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) {
        yielded += 1;
        // Another build between two steps (a pack reloaded meanwhile) takes its own work space.
        buildSegment(pack(miniEnglish));
        buildSegment(pack(miniStore));
      }
      expect(yielded).toBe(Math.ceil(pack(source).entries.length / 2));
      expect(step.value).toEqual(whole);
    }
  });
});

describe('HanKeyTable', () => {
  it('keeps every key through growing, and set() changes or adds', () => {
    const table = new HanKeyTable(new Int32Array(8));
    for (let key = 0; key < 1000; key += 1) table.add(key * 7919, key);
    for (let key = 0; key < 1000; key += 1) expect(table.get(key * 7919)).toBe(key);
    expect(table.get(5)).toBe(-1);
    table.set(7919, 42);
    table.set(5, 43);
    expect([table.get(7919), table.get(5), table.get(2 * 7919)]).toEqual([42, 43, 2]);
  });
});

describe('TermIndex', () => {
  it('finds every term of a segment by its number, Han terms by key and others by string', () => {
    const terms = [...termStrings(buildSegment(pack(miniStore))), ...termStrings(buildSegment(pack(miniEnglish)))];
    const unique = [...new Set([...terms, '𠀀', '𠀀𠀁', '发货了', '#place', '~refu', 'ok'])];
    const index = new TermIndex(vocabulary(unique));
    expect(termStrings(vocabulary(unique))).toEqual(unique);
    unique.forEach((term, i) => expect(index.get(term), term).toBe(i));
    for (const unknown of ['退货退款', '汇', '汇款', '𠀂', 'zzz', ''])
      expect(index.get(unknown), unknown).toBeUndefined();
  });
});

describe('HomophoneIndex', () => {
  it('lists the known bigrams that sound alike, in vocabulary order across packs', () => {
    const index = new HomophoneIndex([
      vocabulary(['发货', '退款', 'refund', '发']),
      vocabulary(['发活', '罚款', '退款']),
    ]);
    expect(index.soundsLike('发获')).toEqual(['发货', '发活']);
    expect(index.soundsLike('退宽')).toEqual(['退款', '退款']);
    expect(index.soundsLike('发票')).toEqual([]);
    expect(index.soundsLike('发')).toEqual([]);
    expect(index.soundsLike('refund')).toEqual([]);
  });

  it('lists the known bigrams a Latin word spells in toneless pinyin', () => {
    const index = new HomophoneIndex([vocabulary(['发票', '退款', '西安', '先', 'refund'])]);
    expect(index.spelledAs('fapiao')).toEqual(['发票']);
    expect(index.spelledAs('tuikuan')).toEqual(['退款']);
    // Every split into two syllables the pack's characters have: xi an, not xian (one syllable).
    expect(index.spelledAs('xian')).toEqual(['西安']);
    expect(index.spelledAs('refund')).toEqual([]);
    expect(index.spelledAs('fa')).toEqual([]);
  });
});
