import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { buildSegment, termStrings } from '../../lib/suggest/index/segment';
import { pack } from '../helpers/packs';

const shop: PackInput = {
  format: 'huashu-pack/1',
  id: 'concept-shop',
  name: 'Concept shop',
  version: '1.0.0',
  locale: 'zh-CN',
  entries: [
    { id: 'fee', title: '运费', questions: ['运费怎么算', '包邮吗'], replies: [{ text: '满99包邮' }] },
    { id: 'refund', title: '退款进度', questions: ['退款什么时候到账'], replies: [{ text: '1-3天原路退回' }] },
    { id: 'quality', title: '质量问题', questions: ['东西坏了怎么办'], replies: [{ text: '请拍照联系售后' }] },
    {
      id: 'pay',
      title: 'Payment methods',
      questions: ['What payment methods do you accept?'],
      replies: [{ text: 'Cards and PayPal.' }],
    },
    {
      id: 'damaged',
      title: 'Damaged item',
      questions: ['My order arrived damaged'],
      replies: [{ text: 'Send a photo.' }],
    },
    { id: 'late', title: 'Late order', questions: ['My order arrived late'], replies: [{ text: 'Sorry!' }] },
  ],
};

describe('concept terms in ranking', () => {
  const engine = new SuggestEngine();
  engine.setPacks([pack(shop)]);
  const top = (text: string) => engine.suggest({ text }).suggestions[0]?.entryId;

  it('indexes the concepts of an entry from its terms', () => {
    const terms = termStrings(buildSegment(pack(shop)));
    expect(terms).toEqual(expect.arrayContaining(['@shipping-fee', '@refund', '@defect', '@payment', '@damaged']));
  });

  it('bridges what the entries do not say', () => {
    expect(top('单买一件还得自己掏邮费吗')).toBe('fee');
    expect(top('左耳机不出声')).toBe('quality');
    expect(top('do you take Venmo')).toBe('pay');
    expect(top('the teapot arrived in three pieces')).toBe('damaged');
  });
});

describe('a pack’s own synonym groups', () => {
  const input = (synonyms: string[][]): PackInput => ({
    format: 'huashu-pack/1',
    id: 'syn',
    name: 'Syn',
    version: '1.0.0',
    synonyms,
    entries: [
      { id: 'fee', title: '寄件费用', questions: ['寄件费用怎么算'], replies: [{ text: '满99免寄件费用' }] },
      { id: 'gift', title: '赠品', questions: ['送什么赠品'], replies: [{ text: '送收纳袋' }] },
      { id: 'wrap', title: 'Gift wrap', questions: ['can you gift wrap it'], replies: [{ text: 'Yes, $3.' }] },
    ],
  });

  it('bridges a word the entries never use to the group’s other words, in Chinese and English', () => {
    const engine = new SuggestEngine();
    engine.setPacks([
      pack(
        input([
          ['寄件费用', '小票钱'],
          ['gift wrap', 'present packaging'],
        ]),
      ),
    ]);
    expect(engine.suggest({ text: '小票钱多少' }).suggestions[0]?.entryId).toBe('fee');
    expect(engine.suggest({ text: 'do you offer present packaging?' }).suggestions[0]?.entryId).toBe('wrap');
    const without = new SuggestEngine();
    without.setPacks([pack(input([]))]);
    expect(without.suggest({ text: '小票钱多少' }).suggestions[0]?.entryId).not.toBe('fee');
  });

  it('keeps two packs’ groups apart', () => {
    const a = pack({ ...input([['寄件费用', '小票钱']]), id: 'a' });
    const b = pack({ ...input([]), id: 'b' });
    const engine = new SuggestEngine();
    engine.setPacks([a, b]);
    const top = engine.suggest({ text: '小票钱多少' }).suggestions[0];
    expect(top && `${top.packId}/${top.entryId}`).toBe('a/fee');
  });
});
