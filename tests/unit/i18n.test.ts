import { describe, expect, it } from 'vitest';
import { findRepliesTitle } from '../../lib/background/context-menu';
import { resolveLocale, uiLanguageOf } from '../../lib/i18n/locale';
import { manifestLocaleFiles, manifestMessage } from '../../lib/i18n/manifest-locales';
import { CATALOGS, fill, message, translator, type MessageKey } from '../../lib/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  const [en, zh] = [CATALOGS.en, CATALOGS['zh-CN']];

  it('have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('have the same {placeholders} in every message, and Chrome’s %s where English has it', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect({ key, names: placeholders(zh[key]) }).toEqual({ key, names: placeholders(en[key]) });
      expect({ key, selection: zh[key].includes('%s') }).toEqual({ key, selection: en[key].includes('%s') });
    }
  });

  it('leave no message empty, and translate the words (not only copy the English)', () => {
    for (const [key, text] of Object.entries(zh))
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    const same = (Object.keys(en) as MessageKey[]).filter((key) => en[key] === zh[key]);
    // Only those that are not English in the first place: the native language names, Chinese labels the English UI keeps.
    expect(same.sort()).toEqual(['cards.title', 'language.en', 'language.zh-CN', 'search.placeholder']);
  });

  it('write plural pairs as .one and .other in both', () => {
    for (const key of Object.keys(en).filter((k) => k.endsWith('.one')))
      expect(Object.keys(en)).toContain(key.replace(/\.one$/, '.other'));
  });
});

describe('resolveLocale', () => {
  it('follows the browser for auto: any Chinese is Chinese, the rest English', () => {
    expect(resolveLocale('auto', 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh_CN')).toBe('zh-CN');
    expect(resolveLocale(undefined, 'en-US')).toBe('en');
    expect(resolveLocale('auto', 'de')).toBe('en');
    expect(resolveLocale('auto', 'zu')).toBe('en');
    expect(resolveLocale('auto', undefined)).toBe('en');
  });

  it('takes the setting over the browser, and treats unknown stored values as auto', () => {
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(uiLanguageOf('fr')).toBe('auto');
    expect(uiLanguageOf(undefined)).toBe('auto');
    expect(resolveLocale(uiLanguageOf('fr'), 'zh-CN')).toBe('zh-CN');
  });
});

describe('translator', () => {
  it('fills placeholders, and leaves one without a value visible', () => {
    expect(translator('en')('chat.item', { product: 'T-shirt' })).toBe('Item: T-shirt');
    expect(translator('zh-CN')('chat.item', { product: 'T恤' })).toBe('商品：T恤');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('picks the plural form by the locale’s rules', () => {
    expect(translator('en').plural('panel.footer', { count: 1 })).toMatch(/^1 pack ·/);
    expect(translator('en').plural('panel.footer', { count: 2 })).toMatch(/^2 packs ·/);
    expect(translator('zh-CN').plural('panel.footer', { count: 1 })).toMatch(/^1 个话术包/);
  });

  it('says a stored Text in the locale it is drawn in: strings as they are, messages and rows of them', () => {
    const notice = [message('insert.done', { title: '发货' }), message('insert.fillIn', { fields: '订单号' })];
    expect(translator('en').text(notice)).toBe(
      'Inserted “发货” into the chat — check it and press send. Fill in: 订单号.',
    );
    expect(translator('zh-CN').text(notice)).toBe('已将“发货”插入聊天 —— 请检查后再发送。请填写：订单号。');
    expect(translator('zh-CN').text('HTTP 404')).toBe('HTTP 404');
  });
});

describe('manifest and context menu', () => {
  it('writes _locales for en and zh_CN with the manifest’s keys', () => {
    const files = Object.fromEntries(manifestLocaleFiles().map((f) => [f.relativeDest, JSON.parse(f.contents)]));
    expect(Object.keys(files).sort()).toEqual(['_locales/en/messages.json', '_locales/zh_CN/messages.json']);
    expect(files['_locales/en/messages.json'].manifest_name.message).toBe('Huashu 话术');
    expect(files['_locales/zh_CN/messages.json'].manifest_description.message).toMatch(/客服/);
    expect(manifestMessage('manifest.name')).toBe('__MSG_manifest_name__');
  });

  it('titles the context menu in the settings’ language, or the browser’s', () => {
    expect(findRepliesTitle({}, 'zh-CN')).toBe('话术：为“%s”查找回复');
    expect(findRepliesTitle({ uiLanguage: 'en' }, 'zh-CN')).toBe('Huashu: find replies for “%s”');
    expect(findRepliesTitle({ uiLanguage: 'auto' }, 'en-GB')).toBe('Huashu: find replies for “%s”');
  });
});
