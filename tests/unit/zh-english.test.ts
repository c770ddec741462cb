import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { chineseWordsOf } from '../../lib/suggest/text/zh-english';
import { pack } from '../helpers/packs';

describe('the CC-CEDICT English → Chinese table', () => {
  it('gives the two-character words whose dictionary sense is the (stemmed) English word', () => {
    expect(chineseWordsOf('password')).toEqual(expect.arrayContaining(['密码']));
    expect(chineseWordsOf('box')).toEqual(expect.arrayContaining(['盒子', '箱子']));
    expect(chineseWordsOf('weight')).toContain('重量');
    // "to refund" reads as refund.
    expect(chineseWordsOf('refund')).toContain('退款');
  });

  it('knows no word that is only a prefix of one in the table, and no word with too many senses', () => {
    expect(chineseWordsOf('passwor')).toEqual([]);
    expect(chineseWordsOf('zzzq')).toEqual([]);
    // 50 two-character translations of "to die": says too little.
    expect(chineseWordsOf('die')).toEqual([]);
  });
});

describe('English words of a Chinese message, read through the dictionary', () => {
  const shop: PackInput = {
    format: 'huashu-pack/1',
    id: 'zh-english-shop',
    name: 'Shop',
    version: '1.0.0',
    locale: 'zh-CN',
    entries: [
      {
        id: 'login',
        title: '登录问题',
        questions: ['密码忘了怎么办', '账号登不上'],
        replies: [{ text: '点忘记密码重置' }],
      },
      {
        id: 'damaged',
        title: '外包装破损',
        questions: ['盒子压坏了', '收到箱子破了'],
        replies: [{ text: '拍照给我们' }],
      },
      { id: 'ship', title: '发货时间', questions: ['什么时候发货'], replies: [{ text: '48小时内发货' }] },
    ],
  };
  const engine = new SuggestEngine({ phrasebook: false });
  engine.setPacks([pack(shop)]);
  const top = (text: string) => engine.suggest({ text }).suggestions[0]?.entryId;

  it('answers through a pack word the dictionary translates an unknown English word with', () => {
    // Nothing else of these messages is in the pack: without the dictionary, no suggestion.
    expect(top('password不对')).toBe('login');
    expect(top('box烂掉')).toBe('damaged');
  });

  it('leaves an all-English message and a word no pack translation holds alone', () => {
    expect(engine.suggest({ text: 'my box arrived' }).suggestions).toEqual([]);
    expect(top('什么时候发货 thanks')).toBe('ship');
  });
});
