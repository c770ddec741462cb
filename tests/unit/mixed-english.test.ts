import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { chineseForMixedEnglish } from '../../lib/suggest/rank/mixed-english';
import { normalizeText } from '../../lib/suggest/text/normalize';
import { pack } from '../helpers/packs';

const read = (text: string) => chineseForMixedEnglish(normalizeText(text));

describe('chineseForMixedEnglish', () => {
  it('reads the English words of a Chinese message as Chinese', () => {
    expect(read('这个headphone支持ANC吗')).toBe('这个耳机支持降噪吗');
    expect(read('Earbuds有noise cancelling吗')).toBe('耳机有降噪吗');
    expect(read('presale的deposit能退吗')).toBe('预售的定金能退吗');
    expect(read('怕see-through')).toBe('怕透');
    expect(read('手表的 manual 找不到了')).toBe('手表的 说明书 找不到了');
    expect(read('耳机 waterproof 吗，能 pair 两台吗')).toBe('耳机 防水 吗,能 配对 两台吗');
  });

  it('leaves words it does not know, parts of words and all-English messages alone', () => {
    expect(read('这个updated了吗')).toBe('这个updated了吗');
    expect(read('iphone有货吗')).toBe('iphone有货吗');
    expect(read('can I get a refund')).toBe('can i get a refund');
  });
});

describe('mixed English in ranking', () => {
  const shop: PackInput = {
    format: 'huashu-pack/1',
    id: 'mixed-shop',
    name: 'Mixed shop',
    version: '1.0.0',
    locale: 'zh-CN',
    entries: [
      { id: 'anc', title: '降噪', questions: ['耳机有降噪吗', '降噪效果怎么样'], replies: [{ text: '支持主动降噪' }] },
      { id: 'size', title: '尺码', questions: ['尺码怎么选', '偏大还是偏小'], replies: [{ text: '按尺码表选' }] },
      { id: 'ship', title: '发货', questions: ['什么时候发货'], replies: [{ text: '48小时内发货' }] },
    ],
  };
  const engine = new SuggestEngine();
  engine.setPacks([pack(shop)]);
  const top = (text: string) => engine.suggest({ text }).suggestions[0]?.entryId;

  it('answers a Chinese message whose key word is written in English', () => {
    expect(top('这个headphone有ANC吗')).toBe('anc');
    expect(top('size怎么选')).toBe('size');
  });
});
