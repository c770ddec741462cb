import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { questionClauses } from '../../lib/suggest/rank/focus';
import { normalizeText } from '../../lib/suggest/text/normalize';
import { pack } from '../helpers/packs';

const shop: PackInput = {
  format: 'huashu-pack/1',
  id: 'multi-shop',
  name: 'Multi shop',
  version: '1.0.0',
  locale: 'zh-CN',
  entries: [
    { id: 'invoice', title: '发票', questions: ['能开发票吗', '发票怎么开'], replies: [{ text: '可以开' }] },
    {
      id: 'invoice-time',
      title: '发票什么时候开',
      questions: ['发票什么时候开', '什么时候开发票'],
      replies: [{ text: '发货后' }],
    },
    {
      id: 'invoice-special',
      title: '专票',
      questions: ['能开专票吗', '增值税发票能开吗'],
      replies: [{ text: '可以' }],
    },
    {
      id: 'invoice-mail',
      title: '纸质发票什么时候寄',
      questions: ['纸质发票什么时候发', '发票什么时候发给我', '能开发票吗什么时候寄'],
      replies: [{ text: '随货' }],
    },
    {
      id: 'ship-time',
      title: '发货时间',
      questions: ['下单以后一般多久能发出来', '现货的话几天之内可以安排发货', '预售商品的发货时间', '什么时候发货'],
      replies: [{ text: '48小时内' }],
    },
  ],
};

describe('a message with several questions', () => {
  it('finds the clauses that ask', () => {
    expect(questionClauses(normalizeText('什么时候发货？能开发票吗？'))).toEqual(['什么时候发货', '能开发票吗']);
    expect(questionClauses(normalizeText('我昨天买的，什么时候发货'))).toEqual([]);
  });

  it('shows the best entry of each question among the first three', () => {
    const engine = new SuggestEngine();
    engine.setPacks([pack(shop)]);
    const ids = engine.suggest({ text: '什么时候发货？能开发票吗？' }).suggestions.map((s) => s.entryId);
    expect(ids.slice(0, 3)).toContain('ship-time');
    expect(ids.slice(0, 3)).toContain('invoice');
  });
});
