/**
 * Property-based fuzzing (fast-check) of the text pipeline every buyer message and pack string goes
 * through: normalisation, tokenising, clause splitting and redaction never throw, finish in bounded time on
 * hostile runs (100 kB of one character is the shape that makes regexes backtrack), and keep their
 * promises: normalising and redacting are idempotent, and every term comes from the text it was cut from.
 * Fixed seed: CI runs the same cases; a failure prints its seed and path to replay it.
 */
import fc from 'fast-check';
import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../lib/suggest/text/normalize';
import { splitClauses, termsOf } from '../../lib/suggest/text/tokenize';
import { redact } from '../../lib/usage/redact';
import { fuzz, timed } from '../helpers/fuzz';

/** Buyer-message material: both scripts, full-width and traditional forms, numbers, contacts, odd spaces. */
const PIECES = [
  ...'发货退款這個們後東西：，！？（）［］～、。《》「」【】“”‘’—·…　\u00a0\u2028\ufeffＡｂＣ１é\u0301ﬁ①㍿😀',
  ..."aZq09 ,.?!:;~\t\n@{}#-'’+",
  'Refunds',
  "don't",
  'Mr Smith',
  'Seattle',
  '13812345678',
  '+86 138 1234 5678',
  'a.b@example.com',
  'https://shop.example.com/x?y=1',
  '{{customer.name}}',
  '浙江省杭州市西湖区文三路138号',
  '221 Baker Street',
  '订单号298765432101',
  '\uD800',
  '𠀀',
];
const message = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...PIECES), weight: 3 },
      { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 },
    ),
    { maxLength: 40 },
  )
  .map((p) => p.join(''));
const hostile = fc
  .tuple(message, fc.constantFrom(...'@ 1发.a-{}+\t'), fc.integer({ min: 5_000, max: 60_000 }), message)
  .map(([before, char, n, after]) => before + char.repeat(n) + after);
const ordinary = fc.oneof(
  { arbitrary: message, weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
);
const anyText = fc.oneof(
  { arbitrary: message, weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 2 },
  { arbitrary: hostile, weight: 1 },
);

const CLASS_TERMS = new Set(['#contact', '#num', '#id', '#order', '#place', '#person']);
const HAN = /^\p{Script=Han}+$/u;
/** A word as the tokenizer scans it: letters (ASCII, or any letter or mark past U+00BF), apostrophes inside. */
const LETTER = '(?:[a-zA-Z]|(?![\\u0000-\\u00bf])[\\p{L}\\p{M}])';
const WORD = new RegExp(`${LETTER}(?:${LETTER}|['’])*`, 'gu');

describe('normalizeText', () => {
  it('is idempotent, trimmed, lower-cased, with single spaces', () => {
    fuzz(
      fc.property(anyText, (text) => {
        const once = timed(() => normalizeText(text));
        expect(normalizeText(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s|[\t\n\r]|[A-Z]/);
      }),
    );
  });
});

describe('termsOf', () => {
  it('cuts every term from the text: Han runs and letters as written (or stemmed), classes from a fixed set', () => {
    fuzz(
      fc.property(ordinary, (text) => {
        const normal = normalizeText(text);
        const latin = normal.replace(/\p{Script=Han}/gu, ' ');
        const words = new Set(latin.match(WORD) ?? []);
        const stems = new Set(
          [...words].flatMap((w) => [w, stemmer(w), w.replace(/['’]/g, ''), stemmer(w.replace(/['’]/g, ''))]),
        );
        const terms = termsOf(text);
        for (const { weight } of terms) {
          expect(weight).toBeGreaterThan(0);
          expect(Number.isFinite(weight)).toBe(true);
        }
        for (const term of new Set(terms.map((t) => t.term))) {
          if (term.startsWith('#')) expect(CLASS_TERMS.has(term), term).toBe(true);
          else if (term.startsWith('~'))
            expect(
              [...words].some((w) => `^${w}$`.includes(term.slice(1))),
              term,
            ).toBe(true);
          else if (HAN.test(term)) expect(normal, term).toContain(term);
          else expect(stems.has(term), term).toBe(true);
        }
      }),
    );
  });

  it('gives the same terms for a text and its normalised form', () => {
    fuzz(
      fc.property(message, (text) => {
        expect(termsOf(normalizeText(text))).toEqual(termsOf(text));
      }),
    );
  });
});

describe('hostile runs', () => {
  it('are normalised, tokenised, split and redacted in bounded time', () => {
    fuzz(
      fc.property(hostile, (text) => {
        timed(() => termsOf(text));
        timed(() => splitClauses(text));
        timed(() => redact(text));
      }),
      20,
    );
  });
});

describe('splitClauses', () => {
  it('returns trimmed, non-empty pieces of the text, in order', () => {
    fuzz(
      fc.property(anyText, (text) => {
        let from = 0;
        for (const clause of timed(() => splitClauses(text))) {
          expect(clause).toBe(clause.trim());
          expect(clause.length).toBeGreaterThan(0);
          const at = text.indexOf(clause, from);
          expect(at).toBeGreaterThanOrEqual(0);
          from = at + clause.length;
        }
      }),
    );
  });
});

describe('redact', () => {
  it('is idempotent and never grows a text by more than its placeholders', () => {
    fuzz(
      fc.property(
        anyText,
        fc.array(fc.constantFrom('Jane Cooper', '小王', 'tb_阿杰0521'), { maxLength: 2 }),
        (text, names) => {
          const once = timed(() => redact(text, { names }));
          expect(redact(once, { names })).toBe(once);
          // Placeholders are at most 9 characters; nothing else is added.
          expect(once.replace(/\[(?:phone|email|address|order|name)\]/g, '').length).toBeLessThanOrEqual(text.length);
        },
      ),
    );
  });
});
