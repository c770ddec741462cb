import { describe, expect, it } from 'vitest';
import { isCourtesyOnly } from '../../lib/suggest/courtesy';
import { detectScript, normalizeText } from '../../lib/suggest/normalize';
import { splitClauses, termsOf } from '../../lib/suggest/tokenize';

const terms = (text: string) => termsOf(text).map((t) => t.term);

describe('normalizeText', () => {
  it('folds full-width forms, case and white space', () => {
    expect(normalizeText('ＡＢＣ　１２３\t Hello')).toBe('abc 123 hello');
  });
  it('converts traditional to simplified Chinese', () => {
    expect(normalizeText('甚麼時候發貨？退款怎麼辦')).toBe('甚么时候发货?退款怎么办');
  });
  it('is idempotent', () => {
    const once = normalizeText('發貨ＯＫ');
    expect(normalizeText(once)).toBe(once);
  });
});

describe('termsOf', () => {
  it('makes Chinese bigrams, pinyin bigrams and drops particles', () => {
    const t = terms('发货了吗');
    expect(t).toContain('发货');
    expect(t).toContain('fa_huo');
    expect(t).not.toContain('了吗');
  });

  it('gives a homophone typo the same pinyin as the right word (发活 ~ 发货)', () => {
    expect(terms('发活')).toContain('fa_huo');
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
  ])('says "%s" carries no request', (text) => expect(isCourtesyOnly(text)).toBe(true));
  it.each(['在吗 什么时候发货', 'thanks, where is my order?', '好的，那帮我退款吧', '3489271650123456789'])(
    'says "%s" does carry one',
    (text) => expect(isCourtesyOnly(text)).toBe(false),
  );
});

describe('detectScript', () => {
  it('tells Chinese from Latin text', () => {
    expect(detectScript('什么时候发货')).toBe('han');
    expect(detectScript('when will you ship my order')).toBe('latin');
    expect(detectScript('iPhone 17 什么时候发货')).toBe('han');
    expect(detectScript('👍 123')).toBe('none');
  });
});
