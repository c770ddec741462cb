import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { Corpus } from '../../lib/suggest/rank/corpus';
import { queryTerms } from '../../lib/suggest/rank/query-terms';
import { separateSiblings } from '../../lib/suggest/rank/siblings';
import { normalizeText } from '../../lib/suggest/text/normalize';
import { termsOfNormalized } from '../../lib/suggest/text/tokenize';
import { pack } from '../helpers/packs';

const shop: PackInput = {
  format: 'huashu-pack/1',
  id: 'sibling-shop',
  name: 'Sibling shop',
  version: '1.0.0',
  locale: 'zh-CN',
  entries: [
    { id: 'subsidy', title: '国补', questions: ['有国补吗', '国补能便宜多少'], replies: [{ text: '支持国补' }] },
    {
      id: 'subsidy-steps',
      title: '国补领取步骤',
      questions: ['国补资格在哪里领', '国补要拍照核验吗'],
      replies: [{ text: '在活动页领取资格' }],
    },
    { id: 'ship', title: '发货时间', questions: ['什么时候发货'], replies: [{ text: '48小时内发货' }] },
  ],
};

describe('separateSiblings', () => {
  const corpus = new Corpus();
  corpus.setPacks([pack(shop)]);
  const loaded = corpus.loaded()[0]!;
  const candidate = (id: string, score: number) => ({
    id,
    loaded,
    docNo: loaded.pack.entries.findIndex((e) => e.id === id),
    score,
    coverage: 1,
  });
  const query = (text: string) => queryTerms(corpus, termsOfNormalized(normalizeText(text)));
  const order = (text: string, scores: [number, number]) =>
    separateSiblings(corpus, [candidate('subsidy', scores[0]), candidate('subsidy-steps', scores[1])], query(text));

  it('puts first the near-tied candidate that holds a term the other lacks, keeping the scores', () => {
    const ranked = order('国补资格咋领', [0.6, 0.58]);
    expect(ranked.map((r) => r.id)).toEqual(['subsidy-steps', 'subsidy']);
    expect(ranked.map((r) => r.score)).toEqual([0.6, 0.58]);
  });

  it('leaves the order when only shared terms match, or the second is far behind', () => {
    expect(order('国补', [0.6, 0.58]).map((r) => r.id)).toEqual(['subsidy', 'subsidy-steps']);
    expect(order('国补资格咋领', [0.6, 0.2]).map((r) => r.id)).toEqual(['subsidy', 'subsidy-steps']);
  });
});
