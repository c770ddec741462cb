import { describe, expect, it } from 'vitest';
import type { PackInput } from '../../lib/packs/schema';
import { SuggestEngine } from '../../lib/suggest/engine';
import { isCourtesyOnly, withoutOpeners } from '../../lib/suggest/text/courtesy';
import { normalizeText } from '../../lib/suggest/text/normalize';
import { pack, shippedPack } from '../helpers/packs';

/** The shipped Shopify pack: its replies carry the agent's small talk ("Sorry about that!", "Tell me …"). */
function shopifyEngine(): SuggestEngine {
  const engine = new SuggestEngine();
  engine.setPacks([shippedPack('shopify-store')]);
  return engine;
}

const engine = shopifyEngine();
const now = new Date(2026, 11, 20);
const ids = (text: string) => engine.suggest({ text, now }).suggestions.map((s) => s.entryId);

/** The entry ids a one-pack engine suggests for a message (a small pack written inline by a test). */
function idsWithPack(id: string, locale: string, entries: PackInput['entries']): (text: string) => string[] {
  const engine = new SuggestEngine();
  engine.setPacks([pack({ format: 'huashu-pack/1', id, name: id, version: '1.0.0', locale, entries })]);
  return (text) => engine.suggest({ text, now }).suggestions.map((s) => s.entryId);
}

describe('small talk stays silent', () => {
  it.each([
    // One reply word shared with small talk ("Sorry about that!", "Tell me your height…") is chance.
    'sorry to bother, hello there',
    'tell me a joke',
    'can you recommend a good restaurant',
    'i love summer',
    // A question word is how the buyer asks, not what about.
    'how old are you',
    // Opening formulas are not the question.
    'quick question: lol ok',
    'quick question: yep!',
    // A message that only tells something needs an entry that explains much of it (STATEMENT_COVERAGE).
    "we just moved to a new apartment, everything's in boxes lol",
    'I wore your sweater to my interview and got the job!!',
  ])('%s', (text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe('what small-talk rules must not take away', () => {
  it('a problem or detail told without a question still gets its answer', () => {
    expect(ids('you sent me a medium, i ordered a large')[0]).toBe('wrong-item');
    expect(ids('the jacket came ripped and the box was smashed')[0]).toBe('damaged-item');
    // Either return entry answers it; what matters is that it is answered.
    expect(['return-policy', 'start-return']).toContain(ids('hwo do i return somthing i bought')[0]);
  });

  it('two words of a reply still reach its entry ("ZIP/postal code" is only in the reply)', () => {
    expect(ids('the site wont take my zip code')).toContain('address-validation');
  });

  it('an opening formula does not pull an entry that uses its words', () => {
    const ranked = ids('quick question: do you ship to canada');
    expect(ranked.slice(0, 3)).toContain('international-shipping');
    expect(ranked).not.toContain('size-exchange-fast');
  });

  it('"customer service" is not about customs (Porter stems both to "custom")', () => {
    expect(ids('customer service phone number')[0]).not.toBe('customs-delay');
  });

  it('"where is it" after the story does not pull the entry worded "where is my …"', () => {
    // The engine's own order: the word re-ranker (rank/word-rerank.ts) reads "where is it" as plain words and,
    // learned on other packs, now puts lost-package first here — measured, a loss it pays for its gains.
    const own = new SuggestEngine({ wordRerank: false });
    own.setPacks([shippedPack('shopify-store')]);
    const text = "I've been waiting 3 weeks for my money. Where is it?";
    expect(own.suggest({ text, now }).suggestions[0]?.entryId).toBe('refund-timing');
    expect(ids(text).slice(0, 3)).toContain('refund-timing');
  });
});

describe('opening formulas', () => {
  it('opening formulas are cut from the start and the middle, not inside words', () => {
    expect(withoutOpeners(normalizeText('Quick question: do you ship to Canada?'))).toBe('do you ship to canada?');
    expect(withoutOpeners(normalizeText('hi, sorry to bother you again, where is my order'))).toContain(
      'where is my order',
    );
    expect(withoutOpeners(normalizeText('hi, sorry to bother you again, where is my order'))).not.toContain('bother');
    expect(withoutOpeners('quickquestion')).toBe('quickquestion');
    expect(isCourtesyOnly('quick question: thanks!')).toBe(true);
    expect(isCourtesyOnly('quick question: is it waterproof?')).toBe(false);
  });

  it('a message in both scripts is courtesy only when both its parts are', () => {
    // The English formulas run where the message has letters a–z, the Chinese ones where it has Han characters.
    expect(isCourtesyOnly('take your time 不着急')).toBe(true);
    expect(isCourtesyOnly('take your time 什么时候发货')).toBe(false);
    expect(isCourtesyOnly('where is my order 不着急')).toBe(false);
  });

  it('a slip in a courtesy word is still courtesy, a real word one letter away is not', () => {
    expect(isCourtesyOnly('good mroning')).toBe(true);
    expect(isCourtesyOnly('great, tahnks for your help!')).toBe(true);
    expect(isCourtesyOnly('mourning')).toBe(false);
    expect(isCourtesyOnly('grate')).toBe(false);
    expect(isCourtesyOnly('refnud')).toBe(false);
  });

  it('Latin glued to Chinese is read as two words, and "figured it out" closes a chat', () => {
    expect(isCourtesyOnly('ok没问题了，谢啦')).toBe(true);
    expect(isCourtesyOnly('ok能退吗')).toBe(false);
    expect(isCourtesyOnly('never mind, figured it out')).toBe(true);
    expect(isCourtesyOnly('nvm i sorted it')).toBe(true);
    expect(isCourtesyOnly('figured it out, how do i return it?')).toBe(false);
  });

  it('wishes, presence checks and see-you-agains are courtesy, questions beside them are not', () => {
    for (const text of [
      '客服在线吗',
      '辛苦啦，注意身体',
      '新年快乐！',
      '祝店铺生意兴隆',
      '下次再来',
      'Merry Xmas to the whole team',
      'good day to you',
      'sure thing',
      'helo',
    ])
      expect(isCourtesyOnly(text), text).toBe(true);
    // Opening without the question yet, closing, apologising for the chat itself.
    for (const text of [
      '我想问个问题哈',
      '有个事想咨询下',
      '好滴 没别的了',
      '不好意思打字慢',
      'hi team',
      'hi there, I wanted to ask something',
      "alright that's everything",
      'nothing else, thank you',
      'sorry, typing on my phone',
      'right, ok',
      'ignore that last msg lol',
    ])
      expect(isCourtesyOnly(text), text).toBe(true);
    for (const text of [
      '我想咨询一下退货',
      'i wanted to ask something about returns',
      "that's everything i ordered?",
      'is this the right size',
    ])
      expect(isCourtesyOnly(text), text).toBe(false);
    for (const text of ['在线客服几点下班', 'merry christmas, will it arrive before the 24th?', '下次来还有优惠吗'])
      expect(isCourtesyOnly(text), text).toBe(false);
  });
});

describe('English courtesy words as the tokenizer stems them', () => {
  // A pack whose questions use words of greetings: "morning" (stemmed "morn"), "cheers", "guys".
  const said = idsWithPack('routine-shop', 'en', [
    {
      id: 'how-to-use',
      title: 'How to use',
      questions: ['Do I use the serum in the morning or evening?', 'What order do I apply the products?'],
      replies: [{ text: 'Cleanse, serum, moisturizer, then sunscreen.' }],
    },
    {
      id: 'bulk',
      title: 'Bulk orders',
      questions: ['Do you do discounts for a group of guys ordering together?'],
      replies: [{ text: 'Ten or more units get 15% off.' }],
    },
  ]);

  it.each(['Good morning ☀️', 'good evening!', 'cheers guys'])('%s gets no suggestion', (text) => {
    expect(said(text)).toEqual([]);
  });

  it('the words still score where the message asks something', () => {
    expect(said('should the serum go on in the morning')[0]).toBe('how-to-use');
  });
});

describe('the most frequent English words alone', () => {
  const said = idsWithPack('pay-shop', 'en', [
    {
      id: 'pay-later',
      title: 'Pay later',
      questions: ['Can I buy now and pay later?', 'Do you offer Afterpay?'],
      replies: [{ text: 'Yes, Afterpay and Klarna at checkout.' }],
    },
    {
      id: 'processing',
      title: 'Processing time',
      questions: ['How long does it take to go out?', 'When will my order ship?'],
      replies: [{ text: 'Orders ship in 1–2 business days.' }],
    },
  ]);

  it.each(['bye now', 'going to take a nap'])('%s gets no suggestion', (text) => {
    expect(said(text)).toEqual([]);
  });

  it('still score beside a word of the question', () => {
    expect(said('can i pay later')[0]).toBe('pay-later');
    expect(said('how long does it take to go out')[0]).toBe('processing');
  });
});

describe('words that place a message in time, alone', () => {
  const said = idsWithPack('time-shop', 'zh-CN', [
    {
      id: 'ship-time',
      title: '发货时间',
      questions: ['今天下单今天能发吗', '什么时候发货'],
      replies: [{ text: '亲，16点前付款当天发出哦～' }],
    },
    {
      id: 'delivery',
      title: 'Delivery',
      questions: ['Will it arrive tomorrow?'],
      replies: [{ text: 'Most orders arrive in 2–3 days.' }],
    },
  ]);

  it.each(['今天好热啊', '明天见啦', 'see you tomorrow!'])('%s gets no suggestion', (text) => {
    expect(said(text)).toEqual([]);
  });

  it('still count beside a word of the question', () => {
    expect(said('今天能发货吗')[0]).toBe('ship-time');
    expect(said('will my parcel arrive tomorrow')[0]).toBe('delivery');
  });
});

describe('a message that only tells of the buyer’s day', () => {
  const zh = new SuggestEngine();
  zh.setPacks([shippedPack('jd-electronics'), shippedPack('tmall-apparel')]);
  const said = (text: string) => zh.suggest({ text, now }).suggestions.map((s) => s.entryId);

  it('needs an entry that scores clearly when it holds no word of the shop (STATEMENT_SCORE)', () => {
    // "到十" is all it shares with an entry: chance.
    expect(said('今天加班到十点')).toEqual([]);
  });

  it('keeps its answer when it holds a word of the shop, asks, or names trouble', () => {
    expect(said('今天加班到十点，快递能放驿站吗').length).toBeGreaterThan(0);
    expect(said('衣服洗了一次就缩水了').length).toBeGreaterThan(0);
  });
});

describe('presence checks, chats opened without the question, closings (thirteenth session)', () => {
  it('reads them as courtesy', () => {
    for (const text of [
      '店家在不在',
      '还有人吗 我还没走哦',
      '还有人值班吗',
      '喂在吗在吗 我说话你能看到吗',
      '在线不 宝',
      '你好呀 我有个问题想问问',
      '在吗 想问个小问题',
      'hello 想咨询下',
      '亲 我想了解一下你们家的东西',
      '好的亲 先这样 有事再找你',
      '好 下次有需要再联系',
      '那我没什么问题了 拜拜~',
      'are you still with me',
      'hey hey still here?',
      'did you disconnect?',
      'hello?? chat went quiet',
      'Hello, is anybody attending this chat?',
      'is this thing on lol',
      'got a question about my order',
      'hi, I wanted to ask about an item I bought last week',
    ])
      expect(isCourtesyOnly(text), text).toBe(true);
  });

  it('keeps whatever names the topic or asks', () => {
    for (const text of [
      // Asking for a living person is asking for the human agent, not checking presence.
      '哈喽 有活人吗',
      '在线不 能改地址吗',
      '我想咨询一下退货',
      '有事再找你 先帮我催下发货',
      '你们能看到物流吗',
      'still waiting for my refund',
      'is the jacket still here',
      'i have a question about returns',
      'question about my order being late',
      'did you ship it',
      'is this thing waterproof',
    ])
      expect(isCourtesyOnly(text), text).toBe(false);
  });
});
