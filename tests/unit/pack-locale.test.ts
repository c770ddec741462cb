import { describe, expect, it } from 'vitest';
import { localeOfPack, localeOfTexts } from '../../lib/packs/locale';
import { parsePack } from '../../lib/packs/validate';
import { lintPack } from '../../lib/packs/lint';

const pack = (entries: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'huashu-pack/1', id: 'p', name: 'P', version: '1.0.0', ...extra, entries });
const entry = (title: string, questions: string[], reply: string) => ({
  id: `e${title.length}`,
  title,
  questions,
  replies: [{ text: reply }],
});
const english = [entry('Shipping cost', ['How much is shipping?', 'Is delivery free?'], 'Shipping is free over $50.')];
const chinese = [entry('运费', ['运费多少', '包邮吗'], '{{customer.name|亲}}，满99包邮哦')];

describe('localeOfTexts', () => {
  it('reads Chinese with a brand or model name as Chinese, English with a Chinese shop name as English', () => {
    expect(localeOfTexts(['这款耳机支持iPhone 15吗'])).toBe('zh-CN');
    expect(localeOfTexts(['Do you ship to Canada?', 'Thanks for shopping at 小鱼家居'])).toBe('en');
  });

  it('does not count template placeholders as the writer’s words', () => {
    expect(localeOfTexts(['{{customer.name|there}} {{facts.shipWithinHours}} {cursor}好的'])).toBe('zh-CN');
  });

  it('keeps the format’s old default, zh-CN, for text with neither script', () => {
    expect(localeOfTexts([])).toBe('zh-CN');
    expect(localeOfTexts(['123', '😀'])).toBe('zh-CN');
  });
});

describe('a pack without a locale', () => {
  it('is read in the language its entries are written in', () => {
    const en = parsePack(pack(english));
    const zh = parsePack(pack(chinese));
    expect(en.ok && en.pack.locale).toBe('en');
    expect(zh.ok && zh.pack.locale).toBe('zh-CN');
  });

  it('keeps a locale the file names', () => {
    const tw = parsePack(pack(chinese, { locale: 'zh-TW' }));
    expect(tw.ok && tw.pack.locale).toBe('zh-TW');
  });

  it('ignores replies that name their own locale when reading the pack’s', () => {
    const entries = [
      {
        title: '运费',
        questions: ['运费多少', '包邮吗'],
        replies: [
          { text: '满99包邮', locale: 'zh-CN' },
          { text: 'Free shipping on orders over 99 yuan, with tracking to your door', locale: 'en' },
        ],
      },
    ];
    expect(localeOfPack(entries)).toBe('zh-CN');
  });
});

describe('lint: locale-mismatch', () => {
  const lint = (source: string) => {
    const result = parsePack(source);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return lintPack(result.pack, result.raw).filter((w) => w.rule === 'locale-mismatch');
  };

  it('warns when the locale names another language than the entries are written in', () => {
    expect(lint(pack(english, { locale: 'zh-CN' }))).toEqual([
      expect.objectContaining({ path: 'locale', message: expect.stringContaining('written in English') }),
    ]);
    expect(lint(pack(chinese, { locale: 'en-US' }))).toEqual([
      expect.objectContaining({ path: 'locale', message: expect.stringContaining('"locale": "zh-CN"') }),
    ]);
  });

  it('is quiet for a matching locale, another Chinese variant, or a pack left to infer', () => {
    expect(lint(pack(english, { locale: 'en-GB' }))).toEqual([]);
    expect(lint(pack(chinese, { locale: 'zh-HK' }))).toEqual([]);
    expect(lint(pack(english))).toEqual([]);
  });
});

describe('platform names and locales as tools write them', () => {
  it('reads Tmall, 千牛, 京东 and zh_CN as the format’s values, and still refuses a platform it does not know', () => {
    const result = parsePack(
      pack(
        [
          {
            ...chinese[0],
            platforms: ['天猫', 'JD'],
            replies: [{ text: '满99包邮', locale: 'zh_TW', platforms: ['千牛'] }],
          },
        ],
        { locale: 'zh_CN', platforms: ['Tmall', 'jingdong', 'Shopify Inbox'] },
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.locale).toBe('zh-CN');
    expect(result.pack.platforms).toEqual(['taobao', 'jd', 'shopify']);
    expect(result.pack.entries[0]!.platforms).toEqual(['taobao', 'jd']);
    expect(result.pack.entries[0]!.replies[0]).toMatchObject({ locale: 'zh-TW', platforms: ['taobao'] });
    const unknown = parsePack(pack(chinese, { platforms: ['douyin'] }));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]!.path).toBe('platforms[0]');
  });

  it('does not report the other names as unknown fields or values in lint', () => {
    const result = parsePack(pack(chinese, { platforms: ['tmall'] }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(lintPack(result.pack, result.raw)).toEqual([]);
  });
});
