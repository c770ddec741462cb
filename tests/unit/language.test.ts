import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../lib/suggest/question';
import { buyerLocale, detectLanguage, loadLanguageDetector, replyLocale } from '../../lib/suggest/text/language';

beforeAll(() => loadLanguageDetector());

/** Buyer lines as they come in chat: short, lower case, no accents sometimes, a question mark or none. */
const LINES: Record<string, string[]> = {
  'zh-CN': [
    '亲 什么时候发货啊',
    '这个裤子偏大还是偏小',
    '退款怎么还没到账',
    '能不能便宜点 拍两件',
    '坏了包赔是怎么赔的',
  ],
  'zh-TW': ['請問什麼時候出貨', '這件衣服會縮水嗎', '可以寄到台灣嗎', '謝謝', '退貨運費誰出呢'],
  en: [
    'where is my order',
    'hi, do you ship to canada?',
    'my package never arrived',
    'the zipper broke after one wash',
    'can I return this jacket',
  ],
  fr: [
    'où est ma commande ?',
    'livrez-vous en Belgique ?',
    "le colis n'est jamais arrivé",
    'je voudrais un remboursement',
    'bonjour, quand sera-t-il en stock',
  ],
  es: [
    'dónde está mi pedido',
    'hacen envíos a México?',
    'el paquete nunca llegó',
    'la cremallera se rompió',
    'hola, cuándo vuelve a estar disponible',
  ],
  de: [
    'wo ist meine Bestellung',
    'liefert ihr nach Österreich?',
    'das Paket ist nie angekommen',
    'der Reißverschluss ist kaputt',
    'kann ich die Jacke zurückschicken',
  ],
  ja: ['注文した商品はいつ届きますか', 'サイズ交換できますか', 'ありがとうございます'],
  ko: ['배송은 언제 되나요?', '환불하고 싶어요', '사이즈 교환 가능한가요'],
};

describe('detectLanguage', () => {
  it.each(Object.entries(LINES))('reads %s buyer lines', (locale, lines) => {
    for (const line of lines) expect(detectLanguage(line), line).toMatchObject({ locale, reliable: true });
  });

  it('marks lines too short to tell as unreliable', () => {
    for (const line of ['ok', 'merci', 'danke', 'thanks!', 'size?'])
      expect(detectLanguage(line)?.reliable, line).toBe(false);
    // Chinese for sure, but simplified or traditional cannot be told from 好的.
    expect(detectLanguage('好的')).toEqual({ locale: 'zh', reliable: false, script: 'cjk' });
    expect(detectLanguage('👍 123')).toBeNull();
  });

  it('reads chat-speak that scores alike in several languages as English', () => {
    for (const line of ['r u a bot', 'no worries', 'do u ship to mexcio', "🔐 can't sign in"])
      expect(detectLanguage(line)?.locale, line).toBe('en');
  });

  it('takes mixed Chinese and Latin as Chinese, and one stray traditional character as simplified', () => {
    expect(detectLanguage('iPhone 17 什么时候发货')?.locale).toBe('zh-CN');
    expect(detectLanguage('这款乾燥剂是送的吗 还要另外买吗')?.locale).toBe('zh-CN');
  });
});

const buyer = (text: string): ChatMessage => ({ role: 'buyer', text });
const agent = (text: string): ChatMessage => ({ role: 'agent', text });

describe('buyerLocale', () => {
  it('answers a clear line in its own language', () => {
    expect(buyerLocale('où est ma commande ?')).toBe('fr');
    expect(buyerLocale('請問什麼時候出貨')).toBe('zh-TW');
  });

  it('does not let a short line flip the chat: earlier buyer messages decide', () => {
    const fr = [buyer('bonjour, je voudrais changer la taille de ma commande'), agent('Bien sûr !'), buyer('ok')];
    expect(buyerLocale('ok', fr)).toBe('fr');
    const tw = [buyer('請問這件有現貨嗎'), agent('有的'), buyer('好的')];
    expect(buyerLocale('好的', tw)).toBe('zh-TW');
    const cn = [buyer('亲 这个什么时候发货'), agent('48小时内'), buyer('ok')];
    expect(buyerLocale('ok', cn)).toBe('zh-CN');
  });

  it('keeps a Chinese line Chinese whatever came before', () => {
    expect(buyerLocale('好的', [buyer('where is my order please'), buyer('好的')])).toBe('zh');
  });

  it('leaves the pack locale when nothing in the chat is clear', () => {
    expect(buyerLocale('ok', [buyer('ok')])).toBeUndefined();
    expect(replyLocale(undefined, 'en')).toBe('en');
    expect(replyLocale('zh', 'zh-TW')).toBe('zh-TW');
    expect(replyLocale('zh', 'en')).toBe('zh-CN');
    expect(replyLocale('fr', 'en')).toBe('fr');
  });
});
