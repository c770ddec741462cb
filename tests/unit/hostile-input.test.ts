/**
 * Hostile text: what a page, a buyer or a pack file can hand the engine, the importers and the linter.
 * Each case is bounded in time and never throws. Timings are generous (CI machines are slow and shared);
 * before the fixes each of these took seconds to minutes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capConversation, capText, MAX_BUYER_TEXT, MAX_REPORT_MESSAGES } from '../../lib/chats/limits';
import { detectFormat, IMPORT_FORMATS, importPack } from '../../lib/packs/importers';
import { htmlToText } from '../../lib/packs/importers/text';
import { lintPack } from '../../lib/packs/lint';
import { parsePack } from '../../lib/packs/validate';
import type { Pack } from '../../lib/packs/schema';
import { questionOf, SuggestEngine } from '../../lib/suggest/engine';
import { splitClauses, termsOf } from '../../lib/suggest/text/tokenize';
import { findPlaceholders, renderTemplate } from '../../lib/templates/render';

const shipped = (name: string): Pack => {
  const result = parsePack(readFileSync(`knowledge-packs/${name}.json`, 'utf8'));
  if (!result.ok) throw new Error(`${name} does not parse`);
  return result.pack;
};

/** Runs `work` and returns how long it took (ms). */
function timed(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** A small deterministic generator, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Pieces that trip parsers and patterns: quantifier bait, placeholders, surrogates, controls. */
const PIECES = [
  ' ',
  '\t',
  '\n',
  'a',
  '1',
  '.',
  '@',
  '-',
  '{',
  '}',
  '{{',
  '}}',
  '|',
  ':',
  '/',
  'http://',
  'www.',
  '我',
  '，',
  '。',
  '?',
  '订单',
  '138',
  '😀',
  '\ud800',
  '\u0000',
  '\u200b',
  '&#99999999;',
  '&amp;',
  '<br',
  '>',
  '"',
  "'",
  '\\',
  '[[',
  ']]',
  '$|$',
  '{cursor}',
  '{formtext: name=',
  ';',
  '#',
  '元',
  '天',
  'not ',
  '不',
];

function hostileString(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) {
    const piece = PIECES[Math.floor(next() * PIECES.length)]!;
    text += next() < 0.3 ? piece.repeat(1 + Math.floor(next() * 400)) : piece;
  }
  return text;
}

/** Long runs of one piece: the inputs that make backtracking patterns quadratic or worse. */
const BAIT = [
  'a'.repeat(50_000) + '@' + 'a'.repeat(50_000),
  '1'.repeat(100_000),
  Array.from({ length: 96_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join(''),
  '订单号 '.repeat(25_000),
  'a.'.repeat(50_000) + '@',
  '{{' + ' '.repeat(100_000),
  ' '.repeat(100_000) + 'x',
  '{'.repeat(100_000),
  'ok' + 'k'.repeat(100_000) + '!',
  'http://' + 'a.'.repeat(50_000),
];

describe('buyer text limits', () => {
  it('keeps the end of a long message, where the question is, without splitting a surrogate pair', () => {
    const text = 'x'.repeat(5000) + '什么时候发货';
    expect(capText(text)).toHaveLength(MAX_BUYER_TEXT);
    expect(capText(text).endsWith('什么时候发货')).toBe(true);
    const emoji = '😀'.repeat(3000);
    expect(capText(emoji).charCodeAt(0)).toBe(0xd83d);
    expect(questionOf({ text })).toHaveLength(MAX_BUYER_TEXT);
    expect(questionOf({ messages: [{ role: 'buyer', text }] })).toHaveLength(MAX_BUYER_TEXT);
  });

  it('caps a conversation read from a page: message count, text and fields', () => {
    const capped = capConversation({
      platform: 'taobao',
      conversationId: 'c'.repeat(10_000),
      buyerName: 'n'.repeat(10_000),
      messages: Array.from({ length: 200 }, (_, i) => ({
        id: String(i),
        role: 'buyer' as const,
        text: '问'.repeat(100_000),
        kind: 'text' as const,
      })),
      orderIds: Array.from({ length: 500 }, (_, i) => String(i)),
      productTitles: [],
    });
    expect(capped.messages).toHaveLength(MAX_REPORT_MESSAGES);
    expect(capped.messages.at(-1)!.id).toBe('199');
    expect(JSON.stringify(capped).length).toBeLessThan(200_000);
  });
});

describe('hostile buyer text', () => {
  const engine = new SuggestEngine();
  engine.setPacks([shipped('tmall-apparel'), shipped('jd-electronics'), shipped('shopify-store')]);
  engine.suggest({ text: '你好，什么时候发货' });

  it.each(BAIT.map((text) => [JSON.stringify(text.slice(0, 12)), text]))(
    'answers %s… (100 kB) in bounded time',
    (_label, text) => {
      expect(timed(() => engine.suggest({ text }))).toBeLessThan(4000);
      expect(timed(() => engine.suggest({ messages: [{ role: 'buyer', text }] }))).toBeLessThan(4000);
    },
  );

  it('tokenizes random hostile strings without throwing, in bounded time', () => {
    const next = random(13);
    for (let round = 0; round < 40; round += 1) {
      const text = hostileString(next, 2000);
      const ms = timed(() => {
        termsOf(text);
        splitClauses(text);
        engine.suggest({ text });
      });
      expect(ms, `seed 13 round ${round}`).toBeLessThan(4000);
    }
  });
});

describe('hostile pack text', () => {
  it('finds, renders and lints placeholders padded with thousands of spaces in linear time', () => {
    const spaces = ' '.repeat(6000);
    const templates = [`{{${spaces}`, `{{${spaces}x${spaces}|${spaces}}}`, `{{${spaces}}}`, `{${spaces}{{${spaces}`];
    for (const template of templates) {
      expect(timed(() => findPlaceholders(template))).toBeLessThan(800);
      expect(timed(() => renderTemplate({ template, facts: {}, locale: 'zh-CN' }))).toBeLessThan(800);
    }
    expect(findPlaceholders(`{{${spaces}customer.name${spaces}|亲}}`)[0]).toMatchObject({
      name: 'customer.name',
      fallback: '亲',
    });

    const pack = shipped('tmall-apparel');
    const entry = pack.entries[0]!;
    pack.entries.push(
      ...templates.map((text, i) => ({
        ...entry,
        id: `bait-${i}`,
        replies: entry.replies.map((reply) => ({ ...reply, text: `${text} 7天 ${text}` })),
      })),
    );
    expect(timed(() => lintPack(pack))).toBeLessThan(2000);
  });

  it('keeps a character reference that is no character instead of throwing', () => {
    expect(htmlToText('<p>a&#99999999;b</p>')).toBe('a&#99999999;b');
    expect(htmlToText('x' + ' '.repeat(50_000) + 'y')).toContain('y');
    expect(timed(() => htmlToText('<'.repeat(50_000) + '\t'.repeat(50_000)))).toBeLessThan(2000);
  });
});

describe('importer fuzz', () => {
  const formats = IMPORT_FORMATS.filter((format) => format !== 'huashu');

  it('never throws on random or bait input, and answers in bounded time', () => {
    const next = random(7);
    const inputs = [
      ...BAIT.map((text) => text.slice(0, 30_000)),
      ...Array.from({ length: 25 }, () => hostileString(next, 3000)),
    ];
    inputs.push('{"matches": [' + '{"trigger":":a","replace":"{{'.repeat(2000) + ']}');
    inputs.push('matches:\n' + '\n'.repeat(30_000) + '  - trigger: ":a"\n    replace: "x"');
    for (const [i, source] of inputs.entries()) {
      for (const format of formats) {
        const ms = timed(() => {
          const result = importPack(format, source);
          expect(typeof result.ok).toBe('boolean');
        });
        expect(ms, `input ${i} as ${format}`).toBeLessThan(6000);
      }
      expect(() => detectFormat('fuzz.json', source)).not.toThrow();
      expect(() => detectFormat('fuzz.yml', source)).not.toThrow();
    }
  });
});

describe('importer edge cases from the security review', () => {
  it('refuses a CSV cut off inside a quoted reply instead of importing half of it', () => {
    const cut = 'title,reply\n发货,"亲，我们48小时内发货，\n如有问题';
    expect(importPack('csv', cut)).toEqual({
      ok: false,
      errors: [expect.stringContaining('a quoted cell is never closed')],
    });
  });

  it('takes a Zendesk macro title from `title`, not the `{{dc.…}}` of `raw_title`', () => {
    const macros = {
      macros: [
        {
          title: 'Shipping::When will it ship',
          raw_title: '{{dc.shipping_title}}',
          actions: [{ field: 'comment_value', value: 'We ship within 48 hours.' }],
        },
      ],
    };
    const result = importPack('zendesk', JSON.stringify(macros));
    expect(result.ok && result.pack.entries[0]!.title).toBe('When will it ship');
  });
});
