import { describe, expect, it } from 'vitest';
import { isCourtesyOnly } from '../../lib/suggest/text/courtesy';
import { normalizeText } from '../../lib/suggest/text/normalize';
import { homophoneKey, splitClauses, termsOf } from '../../lib/suggest/text/tokenize';
import { toSimplified, traditionalCharsOfConverter } from '../../lib/suggest/text/traditional';
import { TRADITIONAL_CHARS } from '../../lib/suggest/text/traditional.data';

const terms = (text: string) => termsOf(text).map((t) => t.term);

describe('normalizeText', () => {
  it('folds full-width forms, case and white space', () => {
    expect(normalizeText('ＡＢＣ　１２３\t Hello')).toBe('abc 123 hello');
  });
  it.each([
    [' 发货 ', '发货'],
    ['a  b', 'a b'],
    ['a\nb', 'a b'],
    ['a\u00a0b', 'a b'],
    ['a\u2028b', 'a b'],
    ['a\ufeffb', 'a b'],
    ['tidy text 已经整齐', 'tidy text 已经整齐'],
  ])('collapses any white space in %j', (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });
  it('converts traditional to simplified Chinese', () => {
    expect(normalizeText('甚麼時候發貨？退款怎麼辦')).toBe('甚么时候发货?退款怎么办');
  });
  it('is idempotent', () => {
    const once = normalizeText('發貨ＯＫ');
    expect(normalizeText(once)).toBe(once);
  });
  it('has the table of traditional characters the converter has (else run npm run gen:data)', () => {
    expect(TRADITIONAL_CHARS).toBe(traditionalCharsOfConverter());
  });
  it('gives what every step in turn gives, whichever steps it skips', () => {
    // The steps in full, as the fast path must match them.
    const reference = (text: string) => toSimplified(text.normalize('NFKC').toLowerCase()).replace(/\s+/g, ' ').trim();
    const alphabet = [
      ...'aZq09 ,.?!:;~\t\n发货退款這個們後東西：，！？（）［］～、。《》「」【】“”‘’—·…　\u00a0ＡｂＣ１é\u0301ﬁ①㍿😀',
    ];
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 3000; n += 1) {
      let text = '';
      const length = Math.floor(random() * 12);
      for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(normalizeText(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});

describe('termsOf', () => {
  it('makes Chinese bigrams and weak unigrams, and drops particles', () => {
    const t = termsOf('发货了吗');
    expect(t).toContainEqual({ term: '发货', weight: 1, word: true });
    expect(t).toContainEqual({ term: '发', weight: 0.5, word: false });
    expect(t.map((x) => x.term)).not.toContain('了吗');
    expect(t.map((x) => x.term)).not.toContain('吗');
  });

  it('joins a verb–object word split by 了/个/过 (退了款, 转个人工) and nothing else', () => {
    const terms = (text: string) => termsOf(text).map((x) => x.term);
    expect(terms('已经退了款')).toContain('退款');
    expect(terms('给我转个人工')).toContain('转人');
    expect(terms('付过款了')).toContain('付款');
    expect(terms('退的款')).not.toContain('退款');
    // A particle beside the infix is no word's half.
    expect(terms('好了吗')).not.toContain('好吗');
  });

  it('gives a homophone typo the same pinyin key as the right word (发活 ~ 发货)', () => {
    expect(homophoneKey('发活')).toBe(homophoneKey('发货'));
    expect(homophoneKey('退宽')).toBe(homophoneKey('退款'));
    expect(homophoneKey('发票')).not.toBe(homophoneKey('发货'));
    expect(homophoneKey('货发')).not.toBe(homophoneKey('发货'));
    expect(homophoneKey('发')).toBe(-1);
    expect(homophoneKey('a货')).toBe(-1);
  });

  it('splits Latin words from the Chinese they are glued to', () => {
    expect(terms('refund退款')).toEqual(expect.arrayContaining(['refund', '退款']));
    expect(terms('iphone17什么时候发货')).toEqual(expect.arrayContaining(['iphon', '#num', '发货']));
    expect(terms('address破损')).toEqual(expect.arrayContaining(['address', '破损']));
    expect(terms('address破损').some((t) => /[a-z~].*\p{Script=Han}/u.test(t))).toBe(false);
  });

  it('stems English and drops stop words', () => {
    expect(terms('I want my refunds')).toEqual(expect.arrayContaining(['refund']));
    expect(terms('I want my refunds')).not.toContain('my');
  });

  it('turns order numbers, ids, phone numbers and e-mails into class tokens', () => {
    expect(terms('订单3489271650123456789')).toContain('#order');
    expect(terms('order #10562')).toContain('#id');
    expect(terms('电话13812345678')).toContain('#contact');
    expect(terms('mail me at a.b@example.com')).toContain('#contact');
    expect(terms('电话13812345678')).not.toContain('#order');
  });

  it('adds #place for a country or large city, including names of several words, at word boundaries only', () => {
    expect(terms('Do you ship to Norway?')).toEqual(expect.arrayContaining(['norwai', '#place']));
    expect(terms('shipping to New York City')).toContain('#place');
    expect(terms('寄到hong kong要几天')).toContain('#place');
    expect(terms('shipping to São Paulo')).toContain('#place');
    expect(terms('shipping to Sao Paulo or Zürich')).toEqual(expect.arrayContaining(['#place', 'sao', 'zürich']));
    expect(terms('shipping to parisienne boutique')).not.toContain('#place');
    expect(terms('Georgian fonts')).not.toContain('#place');
    expect(terms('is this jersey washable, and does it fit?')).not.toContain('#place');
    expect(terms('ship it to us please')).not.toContain('#place');
    expect(terms('new shoes')).not.toContain('#place');
  });

  it('reads a name after Mr/Ms/Dr as #person, not as a word', () => {
    expect(terms('get invoices from Ms. Hawkings')).toContain('#person');
    expect(terms('get invoices from Ms. Hawkings')).not.toContain('hawk');
    expect(terms('Dr Smith ordered')).toEqual(expect.arrayContaining(['#person', 'order']));
    expect(terms('invoices from Hawkings')).not.toContain('#person');
    expect(terms('I will miss delivery tomorrow')).toEqual(expect.arrayContaining(['deliveri']));
  });

  it('ignores emoji and URLs', () => {
    expect(terms('😭🙏 https://example.com/x')).toEqual([]);
  });
});

describe('splitClauses', () => {
  it('splits sentences and Chinese commas, and English "and also" lists', () => {
    expect(splitClauses('你好，在吗？我想问下什么时候发货，还有能开发票吗')).toEqual([
      '你好',
      '在吗',
      '我想问下什么时候发货',
      '还有能开发票吗',
    ]);
    expect(splitClauses('Where is my order? Also, can I change the address.')).toEqual([
      'Where is my order',
      'Also, can I change the address',
    ]);
  });

  it('splits a comma between a number and Chinese text, not one inside a number', () => {
    expect(splitClauses('页面显示299,今天只要259,能补差价吗')).toEqual(['页面显示299', '今天只要259', '能补差价吗']);
    expect(splitClauses('一共1,299元')).toEqual(['一共1,299元']);
  });
});

describe('isCourtesyOnly', () => {
  it.each([
    '在吗',
    '在吗？',
    '亲在不在',
    '你好呀',
    'ok thanks',
    'Thank you so much!',
    '好的好的',
    '嗯嗯',
    '👍',
    'hi there',
    'OKKK',
    'no worries',
    'ok sounds good, have a nice day!',
    'np, take care',
    "how's your day going?",
    'how are you doing today?',
    'happy friday!',
    'you guys are the best honestly 💕',
    'are you still there?',
    'take your time',
    "it's ok, these things happen",
    'good luck with the holiday rush!',
    'danke 😊',
    'sorry wrong button 😅',
    'nvm found it',
    "Hey, hope you're having a good day",
    '不急不急',
    '祝你工作顺利',
    '辛苦了，祝你有美好的一天',
    '有人吗',
    '不好意思回复晚了',
    '原来是这样',
    '没有别的问题了',
  ])('says "%s" carries no request', (text) => expect(isCourtesyOnly(text)).toBe(true));
  it.each([
    '在吗 什么时候发货',
    'thanks, where is my order?',
    '好的，那帮我退款吧',
    '3489271650123456789',
    'no problem with the size, but the zipper broke',
    'have a nice day, and where is my refund?',
    "how's it going, where is my order",
    'how is my order going',
    'how are you shipping this',
    'happy with the mug but the lid is cracked',
    'its ok but the lid is cracked',
    '不好意思，能开发票吗',
    '有人在吗 我要退货',
    '祝福卡可以写字吗',
    'sorry, the lid came cracked',
  ])('says "%s" does carry one', (text) => expect(isCourtesyOnly(text)).toBe(false));
});

describe('stems Porter folds into an unrelated shop word', () => {
  it('keeps customer apart from customs, news from new, business from busy', () => {
    const words = (text: string) =>
      termsOf(text)
        .filter((t) => t.word)
        .map((t) => t.term);
    expect(words('customer service')).toContain('customer');
    expect(words('customers')).toContain('customer');
    expect(words('held at customs')).toContain('custom');
    expect(words('any news')).toEqual(['news']);
    expect(words('new arrivals')).toContain('new');
    expect(words('for my business')).toEqual(['business']);
  });
});
