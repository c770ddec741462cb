import { describe, expect, it } from 'vitest';
import { lintPack } from '../../lib/packs/lint';
import type { PackInput } from '../../lib/packs/schema';
import { parsePack, validatePack } from '../../lib/packs/validate';
import { miniStore } from '../helpers/packs';

function lint(input: unknown) {
  const result = parsePack(JSON.stringify(input));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return lintPack(result.pack, result.raw).map((w) => `${w.rule} ${w.path}: ${w.message}`);
}

const base: PackInput = { format: 'huashu-pack/1', id: 'p', name: 'P', version: '1.0.0', entries: [] };
const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: id,
  questions: [`question about ${id}`],
  replies: [{ text: 'ok' }],
  ...extra,
});

describe('lintPack', () => {
  it('finds nothing wrong in a clean pack', () => {
    expect(lint(miniStore)).toEqual([]);
  });

  it('reports unknown fields with a did-you-mean', () => {
    expect(
      lint({ ...base, nmae: 'x', entries: [{ ...entry('a'), qustions: ['x'], replies: [{ text: 'x', lang: 'en' }] }] }),
    ).toEqual([
      'unknown-field nmae: unknown field, ignored — did you mean "name"?',
      'unknown-field entries[0].qustions: unknown field, ignored — did you mean "questions"?',
      'unknown-field entries[0].replies[0].lang: unknown field, ignored',
    ]);
  });

  it('reports duplicate entry ids, shortcuts (any case) and questions', () => {
    const warnings = lint({
      ...base,
      entries: [
        entry('a', { shortcut: '/fh', questions: ['什么时候发货？'] }),
        entry('a', { shortcut: '/FH', questions: ['什么时候 发货'] }),
      ],
    });
    expect(warnings).toEqual([
      'duplicate-id entries[1].id: duplicate entry id "a" (also entries[0])',
      'duplicate-shortcut entries[1].shortcut: shortcut "/FH" is also used by entries[0]',
      'duplicate-question entries[1].questions[0]: the same question is in entries[0].questions[0]; buyers asking it get either',
    ]);
  });

  it('reports variables that no fact or page variable defines, but accepts known ones and fallbacks', () => {
    const warnings = lint({
      ...base,
      facts: { shipWithinHours: 48 },
      entries: [
        entry('a', {
          replies: [
            { text: '{{facts.shipWithinHours}} {{facts.nope}} {{customer.name}} {{buyer.nick}} {{x|亲}} {{today+3}}' },
          ],
        }),
      ],
    });
    expect(warnings).toEqual([
      'undefined-variable entries[0].replies[0].text: {{facts.nope}} is not a fact or a page variable',
      'undefined-variable entries[0].replies[0].text: {{buyer.nick}} is not a fact or a page variable (page variables: customer.name, order.id, product.title, …)',
    ]);
  });

  it('reports a number hard-coded where a fact holds it, naming every fact it could be', () => {
    const warnings = lint({
      ...base,
      facts: { shipWithinHours: 48, priceProtectDays: 7, returnDays: 7 },
      entries: [entry('a', { replies: [{ text: '48小时内发货，支持7天无理由，共3件' }] })],
    });
    expect(warnings).toEqual([
      'hard-coded-fact entries[0].replies[0].text: "48小时" is hard-coded; use {{facts.shipWithinHours}} so it follows the fact',
      'hard-coded-fact entries[0].replies[0].text: "7天" is hard-coded; use {{facts.priceProtectDays}} or {{facts.returnDays}} so it follows the fact',
    ]);
  });

  it('does not read a number inside a range as a hard-coded fact', () => {
    const warnings = lint({
      ...base,
      facts: { invoiceIssueDays: 3, returnDays: 7 },
      entries: [entry('a', { replies: [{ text: '偏远地区慢1-3天，补货要7~15天' }] })],
    });
    expect(warnings).toEqual([]);
  });

  it('reports a reply that contradicts a fact next to its keywords (保价 30 days vs 7)', () => {
    const warnings = lint({
      ...base,
      facts: { priceProtectDays: { value: 7, keywords: ['价保', '保价'] } },
      entries: [entry('a', { replies: [{ text: '本店支持保价30天哦' }] })],
    });
    expect(warnings).toEqual([
      'contradicts-fact entries[0].replies[0].text: says 30 next to "保价", but facts.priceProtectDays is 7',
    ]);
  });

  it('reports undefined scenarios and entries nobody can reach', () => {
    const warnings = lint({
      ...base,
      scenarios: [{ id: 'd11', name: '双11' }],
      entries: [
        entry('a', { scenarios: ['d12'], replies: [{ text: 'x', scenarios: ['d13'] }] }),
        { id: 'b', title: 'B', replies: [{ text: 'y' }] },
      ],
    });
    expect(warnings).toEqual([
      'undefined-scenario entries[0].scenarios: scenario "d12" is not defined in "scenarios"',
      'undefined-scenario entries[0].replies[0].scenarios: scenario "d13" is not defined in "scenarios"',
      'unreachable-entry entries[1]: no questions or keywords: it is never suggested, only found by searching its title',
    ]);
  });
});

describe('synonym groups', () => {
  it('warns about a word twice, a word in two groups, and a group no entry uses', () => {
    const result = validatePack({
      format: 'huashu-pack/1',
      id: 'syn',
      name: 'Syn',
      version: '1.0.0',
      synonyms: [
        ['运费', '邮费', '快递费', '邮费'],
        ['邮费', '寄费'],
        ['麒麟', '独角兽'],
      ],
      entries: [{ id: 'fee', title: '运费', questions: ['运费多少'], replies: [{ text: '满99包邮，不满收邮费8元' }] }],
    });
    if (!result.ok) throw new Error('invalid');
    const warnings = lintPack(result.pack).filter((w) => w.rule === 'synonym-group');
    expect(warnings.map((w) => w.path)).toEqual(['synonyms[0][3]', 'synonyms[1][0]', 'synonyms[2]']);
  });

  it('refuses a group of one word', () => {
    const result = validatePack({
      format: 'huashu-pack/1',
      id: 'syn',
      name: 'Syn',
      version: '1.0.0',
      synonyms: [['运费']],
      entries: [{ id: 'fee', title: '运费', questions: ['运费多少'], replies: [{ text: '满99包邮' }] }],
    });
    expect(result.ok).toBe(false);
  });
});
