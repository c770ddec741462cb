import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { PACK_PHRASE_REPEAT_WEIGHT as W, packPhraseShares, withPackPhrases } from '../../lib/suggest/rank/pack-phrases';
import { termsOfNormalized } from '../../lib/suggest/text/tokenize';
import { pack } from '../helpers/packs';

const spelledBy = (...phrases: string[]) => {
  const trigrams = new Set<string>();
  for (const phrase of phrases) {
    const chars = Array.from(phrase);
    for (let i = 0; i + 2 < chars.length; i += 1) trigrams.add(chars.slice(i, i + 3).join(''));
  }
  return (trigram: string) => trigrams.has(trigram);
};

describe('packPhraseShares', () => {
  it('keeps the first pair of a pack phrase and damps the pairs and characters that only repeat it', () => {
    const shares = packPhraseShares('空气炸锅能保修吗', spelledBy('空气炸锅'));
    expect(shares).toEqual(
      new Map([
        ['气炸', W],
        ['炸锅', W],
        ['气', W],
        ['炸', W],
      ]),
    );
  });

  it('leaves a phrase the packs never spell as it is', () => {
    expect(packPhraseShares('空气炸锅能保修吗', spelledBy('电饭煲'))).toBeNull();
    expect(packPhraseShares('保修', spelledBy('保修期'))).toBeNull();
  });

  it('counts in full a phrase that holds an entry title: it is what that entry is about', () => {
    const spells = spelledBy('增值税专用发票怎么开', '空气炸锅');
    const isTitle = (phrase: string) => phrase === '增值税专用发票';
    expect(packPhraseShares('你好 能开增值税专用发票吗', spells, isTitle)).toBeNull();
    expect(packPhraseShares('你好 能开增值税专用发票吗', spells)?.get('专用')).toBe(W);
    // Only the run that holds the title is spared.
    expect(packPhraseShares('空气炸锅能开增值税专用发票吗', spells, isTitle)?.get('炸锅')).toBe(W);
  });

  it('keeps a pair at full weight where it also stands on its own', () => {
    // 炸锅 repeats 空气炸锅 in the first run but begins the second one.
    const shares = packPhraseShares('空气炸锅，炸锅坏了', spelledBy('空气炸锅'));
    expect(shares?.has('炸锅')).toBe(false);
    expect(shares?.get('气炸')).toBe(W);
  });

  it('weighs the terms of a message down by those shares and leaves the rest untouched', () => {
    const terms = termsOfNormalized('空气炸锅能保修吗');
    const damped = withPackPhrases('空气炸锅能保修吗', terms, spelledBy('空气炸锅'));
    const weight = (list: typeof terms, term: string) => list.find((t) => t.term === term)?.weight;
    expect(weight(damped, '空气')).toBe(weight(terms, '空气'));
    expect(weight(damped, '保修')).toBe(weight(terms, '保修'));
    expect(weight(damped, '炸锅')).toBeCloseTo(weight(terms, '炸锅')! * W);
    expect(withPackPhrases('能保修吗', terms, spelledBy('空气炸锅'))).toBe(terms);
  });
});

const fryerShop: PackInput = {
  format: 'huashu-pack/1',
  id: 'fryer-shop',
  name: 'Fryer shop',
  version: '1.0.0',
  locale: 'zh-CN',
  entries: [
    {
      id: 'fryer-cleaning',
      title: '空气炸锅怎么清洗',
      questions: ['空气炸锅内胆怎么洗', '空气炸锅用完怎么清理', '炸篮油污洗不掉'],
      replies: [{ text: '内胆可拆洗' }],
    },
    {
      id: 'fryer-size',
      title: '空气炸锅选多大',
      questions: ['空气炸锅几升够用', '三口之家买几升的'],
      replies: [{ text: '三口之家选5升' }],
    },
    {
      id: 'cancel-order',
      title: '取消订单',
      questions: ['怎么取消订单', '拍错了能撤单吗', '不想要了帮我取消'],
      replies: [{ text: '未发货可直接取消' }],
    },
  ],
};

describe('a pack phrase in the ranking', () => {
  it('lets what the buyer asks outrank a second entry that only shares the item she names', () => {
    // Without the damping 空气炸锅 (three pairs, four characters) put both fryer entries before cancelling.
    const engine = new SuggestEngine({ phrasebook: false });
    engine.setPacks([pack(fryerShop)]);
    const ids = engine.suggest({ text: '空气炸锅不想要了' }).suggestions.map((s) => s.entryId);
    expect(ids.indexOf('cancel-order')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('cancel-order')).toBeLessThan(ids.indexOf('fryer-size'));
  });
});
