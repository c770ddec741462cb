/** The shipped packs' reply variants reach buyers in their own language (lib/suggest/text/language.ts). */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePack } from '../../lib/packs/validate';
import { SuggestEngine, type ChatMessage } from '../../lib/suggest/engine';
import { loadLanguageDetector } from '../../lib/suggest/text/language';

const shipped = (id: string) => {
  const result = parsePack(readFileSync(new URL(`../../knowledge-packs/${id}.json`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(id);
  return result.pack;
};
const now = new Date(2026, 11, 20);
const engine = new SuggestEngine();
engine.setPacks([shipped('shopify-store'), shipped('tmall-apparel')]);
beforeAll(() => loadLanguageDetector());

const first = (text: string, platform: 'shopify' | 'taobao', messages?: ChatMessage[]) =>
  engine.suggest(messages ? { messages, platform, now } : { text, platform, now }).suggestions[0];

describe('reply variant for the buyer language', () => {
  it.each([
    ['where is my refund, I returned the jacket two weeks ago', 'refund-timing', 'en'],
    ['bonjour, quand vais-je recevoir mon remboursement ?', 'refund-timing', 'fr'],
    ['hola, cuándo recibiré mi reembolso? ya devolví la chaqueta', 'refund-timing', 'es'],
    ['livrez-vous en Belgique ? merci', 'international-shipping', 'fr'],
  ])('Shopify: "%s" gets %s in %s', (text, entryId, locale) => {
    const suggestion = first(text, 'shopify');
    expect(suggestion?.entryId).toBe(entryId);
    expect(suggestion?.replyLocale).toBe(locale);
  });

  it('Tmall: a traditional-Chinese buyer gets the zh-TW variant, a simplified one the pack default', () => {
    expect(first('請問什麼時候發貨', 'taobao')).toMatchObject({ entryId: 'ship-time', replyLocale: 'zh-TW' });
    expect(first('亲 什么时候发货', 'taobao')).toMatchObject({ entryId: 'ship-time', replyLocale: 'zh-CN' });
  });

  it('a short follow-up keeps the language the buyer wrote in before', () => {
    const chat: ChatMessage[] = [
      { role: 'buyer', text: 'bonjour, je voudrais annuler ma commande' },
      { role: 'agent', text: 'Bien sûr, laquelle ?' },
      { role: 'buyer', text: 'cancel pls' },
    ];
    expect(first('', 'shopify', chat)).toMatchObject({ entryId: 'cancel-order', replyLocale: 'fr' });
  });
});
