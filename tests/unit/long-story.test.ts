import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { wholeAndClause } from '../../lib/suggest/rank/clauses';
import { pack } from '../helpers/packs';

const shop: PackInput = {
  format: 'huashu-pack/1',
  id: 'story-shop',
  name: 'Story shop',
  version: '1.0.0',
  locale: 'zh-CN',
  entries: [
    { id: 'return', title: '退货', questions: ['能退吗'], replies: [{ text: '七天无理由' }] },
    {
      id: 'shrink',
      title: '洗后缩水',
      questions: ['裤子洗了以后短了能退吗', '洗衣机洗完裤子变短了'],
      replies: [{ text: '质量问题可退' }],
    },
    { id: 'ship', title: '发货', questions: ['什么时候发货'], replies: [{ text: '48小时内' }] },
  ],
};

describe('a long story around a question', () => {
  it('counts an entry the whole message and a clause both rank above either alone', () => {
    expect(wholeAndClause(0.4, 0.3)).toBeGreaterThan(0.4);
    expect(wholeAndClause(0.3, 0.4)).toBeGreaterThan(0.4);
    expect(wholeAndClause(0.4, 0)).toBe(0.4);
  });

  it('ranks first the entry that fits both the asking clause and the story', () => {
    const engine = new SuggestEngine();
    engine.setPacks([pack(shop)]);
    const text = '上周给我老公买的那条裤子，他穿了两天，昨天用洗衣机洗了一次，结果短了一截，能退吗';
    expect(engine.suggest({ text }).suggestions.map((s) => s.entryId)).toEqual(['shrink', 'return']);
  });
});

const englishShop: PackInput = {
  format: 'huashu-pack/1',
  id: 'negation-shop',
  name: 'Negation shop',
  version: '1.0.0',
  locale: 'en-US',
  entries: [
    {
      id: 'international',
      title: 'International shipping',
      questions: ['Do you ship international orders?', 'International delivery'],
      replies: [{ text: 'We ship to 40 countries.' }],
    },
    {
      id: 'return-cost',
      title: 'Return shipping cost',
      questions: ['Do I pay for sending a return back?'],
      replies: [{ text: 'Returns are free.' }],
    },
    {
      id: 'refund-method',
      title: 'Refund to card or store credit',
      questions: ['Can I get store credit or a refund to my card?'],
      replies: [{ text: 'Either.' }],
    },
  ],
};

describe('an English message that says what it is not about', () => {
  it('ranks what the buyer asks above what they turn away from, inside a clause too', () => {
    const engine = new SuggestEngine();
    engine.setPacks([pack(englishShop)]);
    for (const text of [
      "I'm not international, I'm in Ohio. Do I pay for sending it back?",
      "I'm not asking about international delivery, I need to know who pays for the return",
    ])
      expect(engine.suggest({ text }).suggestions[0]?.entryId, text).toBe('return-cost');
  });
});
