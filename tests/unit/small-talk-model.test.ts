import { describe, expect, it } from 'vitest';
import { SuggestEngine } from '../../lib/suggest/engine';
import { isSmallTalk, SMALL_TALK } from '../../lib/suggest/rank/small-talk';
import { smallTalkFeatures, smallTalkProbability } from '../../lib/suggest/rank/small-talk-model';
import { SMALL_TALK_WEIGHTS } from '../../lib/suggest/rank/small-talk.data';
import { normalizeText } from '../../lib/suggest/text/normalize';
import { shippedPack } from '../helpers/packs';

const now = new Date('2026-12-20T10:00:00Z');

describe('small-talk model (rank/small-talk.ts)', () => {
  it('reads characters, character pairs, words, word pairs, length, a question mark and long numbers', () => {
    expect(smallTalkFeatures(normalizeText('好期待 ok?'))).toEqual(
      expect.arrayContaining(['bias', 'c:好', 'b:好期', 'b:期待', 'w:ok', 'len:1', 'q']),
    );
    expect(smallTalkFeatures('order 12345 pls')).toEqual(
      expect.arrayContaining(['w:order', 'w:#', 'wb:order_12345', 'num', 'len:2']),
    );
    // The shipped weights are of these features only.
    for (const feature of Object.keys(SMALL_TALK_WEIGHTS))
      expect(feature).toMatch(/^(?:bias|q|num|len:\d|[cbw]:.+|wb:.+_.+)$/u);
  });

  it('takes chit-chat for small talk, and never a question, a request or a word of the shop', () => {
    for (const text of [
      '今年双十一我已经剁手剁麻了',
      '周末要去爬山 好期待',
      'ugh what a day',
      'my toddler just learned to say package lol',
    ])
      expect(isSmallTalk(text), text).toBe(true);
    // Chatty to the model, kept by the guards: a request, a question, a word of the concept lexicon.
    expect(smallTalkProbability(normalizeText('help me contact somebody'))).toBeGreaterThan(SMALL_TALK.probability);
    for (const text of ['help me contact somebody', '这个多少钱', '帮我改下地址', '瓶子碎了', 'the zipper broke'])
      expect(isSmallTalk(text), text).toBe(false);
  });

  it('leaves messages in languages it was not fitted on to the engine', () => {
    for (const text of ['ich möchte meine bestellung stornieren', 'apa kabar pesanan saya belum sampai'])
      expect(isSmallTalk(text, { ...SMALL_TALK_WEIGHTS, bias: 20 }), text).toBe(false);
    // The same weights judge English and Chinese.
    expect(isSmallTalk('ugh what a day', { ...SMALL_TALK_WEIGHTS, bias: 20 })).toBe(true);
  });

  it('silences the engine only where it has no confident answer', () => {
    const packs = [shippedPack('jd-electronics'), shippedPack('tmall-apparel')];
    const engine = new SuggestEngine();
    engine.setPacks(packs);
    const rulesOnly = new SuggestEngine({ smallTalkModel: false });
    rulesOnly.setPacks(packs);
    const chat = '周末要去爬山 好期待';
    expect(rulesOnly.suggest({ text: chat, now }).suggestions.length).toBeGreaterThan(0);
    // As "no match": a request the model mistook for chat still reaches the report of unanswered questions.
    expect(engine.suggest({ text: chat, now })).toMatchObject({ suggestions: [], cards: [], abstained: 'no-match' });
    // A message the engine answers with confidence keeps its answer.
    const asked = engine.suggest({ text: '什么时候发货', now }).suggestions[0];
    expect(asked?.score).toBeGreaterThanOrEqual(SMALL_TALK.maxScore);
  });
});
