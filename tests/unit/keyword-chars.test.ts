import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { pack } from '../helpers/packs';

const shop = (keywords: string[]): PackInput => ({
  format: 'huashu-pack/1',
  id: 'apparel',
  name: 'Apparel',
  version: '1.0.0',
  locale: 'zh-CN',
  entries: [
    {
      id: 'see-through',
      title: '透不透/弹力',
      questions: ['会透吗', '白色透不透', '有弹力吗'],
      keywords,
      replies: [{ text: '有内衬，不透' }],
    },
    { id: 'ship', title: '发货时间', questions: ['什么时候发货', '几天能发'], replies: [{ text: '48小时内发货' }] },
    { id: 'size', title: '尺码推荐', questions: ['穿多大码', '尺码怎么选'], replies: [{ text: '看尺码表' }] },
  ],
});

const suggested = (keywords: string[], text: string) => {
  const engine = new SuggestEngine();
  engine.setPacks([pack(shop(keywords))]);
  return engine.suggest({ text }).suggestions.map((s) => s.entryId);
};

describe('one-character keywords', () => {
  it('count as a word of the entry: a message that shares only that character with it is answered', () => {
    // 怕透 shares no bigram with the entry; 透 alone is a helper term unless the team lead made it a keyword.
    expect(suggested(['弹力'], '这条裙子怕透')).not.toContain('see-through');
    expect(suggested(['透', '弹力'], '这条裙子怕透')[0]).toBe('see-through');
  });

  it('do not make other entries match: a message without the character is ranked as before', () => {
    expect(suggested(['透', '弹力'], '什么时候发货')).toEqual(suggested(['弹力'], '什么时候发货'));
    expect(suggested(['透', '弹力'], '今天天气不错')).toEqual([]);
  });
});
