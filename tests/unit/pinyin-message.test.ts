import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { pinyinSyllables } from '../../lib/suggest/text/pinyin-syllables';
import { pack } from '../helpers/packs';

const entry = (id: string, title: string, questions: string[]) => ({
  id,
  title,
  questions,
  replies: [{ text: `${title}…` }],
});

function engineWith(locale: string, entries: PackInput['entries']): SuggestEngine {
  const engine = new SuggestEngine();
  engine.setPacks([pack({ format: 'huashu-pack/1', id: `p-${locale}`, name: 'p', version: '1.0.0', locale, entries })]);
  return engine;
}

const chinese = engineWith('zh-CN', [
  entry('human-agent', '转人工', ['能转人工客服吗', '我要找真人']),
  entry('courier', '快递选择', ['能发顺丰吗', '默认发什么快递']),
  entry('ship-time', '发货时间', ['什么时候发货', '多久能发']),
]);
const first = (engine: SuggestEngine, text: string) => engine.suggest({ text }).suggestions[0]?.entryId;

describe('a message typed all in pinyin', () => {
  it('is read as the Chinese words of the pack it spells', () => {
    expect(first(chinese, 'wo xiang zhuan ren gong')).toBe('human-agent');
    expect(first(chinese, 'kuaidi neng fa shunfeng ma')).toBe('courier');
    expect(first(chinese, 'shen me shi hou fa huo')).toBe('ship-time');
  });

  it('is not read so when it is short, has a word that is not pinyin, or no pack is Chinese', () => {
    // Two syllables are as likely English as pinyin.
    expect(chinese.suggest({ text: 'fa huo' }).suggestions).toEqual([]);
    expect(chinese.suggest({ text: 'can i get ren gong' }).suggestions).toEqual([]);
    const english = engineWith('en-US', [entry('human-agent', 'Talk to a person', ['can I talk to a human'])]);
    expect(english.suggest({ text: 'wo xiang zhuan ren gong' }).suggestions).toEqual([]);
  });
});

describe('pinyinSyllables', () => {
  it('splits a word into the fewest pinyin syllables, or says it is not pinyin', () => {
    expect(pinyinSyllables('kuaidi')).toEqual(['kuai', 'di']);
    expect(pinyinSyllables('xian')).toEqual(['xian']);
    expect(pinyinSyllables('shunfeng')).toEqual(['shun', 'feng']);
    expect(pinyinSyllables('hello')).toBeNull();
    expect(pinyinSyllables('the')).toBeNull();
  });
});
