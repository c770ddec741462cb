/**
 * Lint warnings for a valid pack: things that are allowed but will hurt agents or buyers.
 * Each warning names its place (`entries[3].replies[0].text`) and a rule id.
 */
import { findPlaceholders, isKnownVariable } from '../templates/render';
import { productKey } from '../suggest/rank/products';
import { normalizeText } from '../suggest/text/normalize';
import { factValue, KNOWN_FIELDS, type Pack } from './schema';
import { formatPath, type PackProblem } from './validate';
import { COMPLIANCE_RULES, complianceHits, type ComplianceRule } from './compliance';
import { isChineseLocale, localeOfPack } from './locale';

export interface LintWarning extends PackProblem {
  rule:
    | 'unknown-field'
    | 'duplicate-id'
    | 'duplicate-shortcut'
    | 'duplicate-question'
    | 'duplicate-product'
    | 'undefined-variable'
    | 'undefined-scenario'
    | 'hard-coded-fact'
    | 'contradicts-fact'
    | 'unreachable-entry'
    | 'synonym-group'
    | 'locale-mismatch'
    | ComplianceRule;
}

/** Units a fact's name or `unit` can imply, and how replies write them. */
const UNIT_WORDS: Array<{ name: RegExp; written: RegExp }> = [
  { name: /days?$/i, written: /^\s*(?:个)?(?:天|日|工作日|days?|business days?)/i },
  { name: /hours?$/i, written: /^\s*(?:个)?(?:小时|钟头|h\b|hrs?|hours?)/i },
  { name: /(?:months?)$/i, written: /^\s*(?:个)?(?:月|months?)/i },
  { name: /(?:years?)$/i, written: /^\s*(?:年|years?)/i },
  { name: /(?:yuan|rmb|price|fee|amount|threshold)$/i, written: /^\s*(?:元|块|rmb)/i },
];

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function didYouMean(key: string, known: readonly string[]): string {
  const close = known.find((k) => levenshtein(k.toLowerCase(), key.toLowerCase()) <= 2);
  return close ? ` — did you mean "${close}"?` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Fields the format does not know: usually typos (`qustions`) whose content would be silently ignored. */
function unknownFields(raw: unknown): LintWarning[] {
  const warnings: LintWarning[] = [];
  const check = (value: unknown, known: readonly string[], path: Array<string | number>) => {
    if (!isRecord(value)) return;
    for (const key of Object.keys(value)) {
      if (key === '$schema' || known.includes(key)) continue;
      warnings.push({
        path: formatPath([...path, key]),
        message: `unknown field, ignored${didYouMean(key, known)}`,
        rule: 'unknown-field',
      });
    }
  };
  if (!isRecord(raw)) return warnings;
  check(raw, KNOWN_FIELDS.pack, []);
  if (isRecord(raw.facts)) {
    for (const [name, fact] of Object.entries(raw.facts)) check(fact, KNOWN_FIELDS.fact, ['facts', name]);
  }
  if (Array.isArray(raw.scenarios)) raw.scenarios.forEach((s, i) => check(s, KNOWN_FIELDS.scenario, ['scenarios', i]));
  if (Array.isArray(raw.entries)) {
    raw.entries.forEach((entry, i) => {
      check(entry, KNOWN_FIELDS.entry, ['entries', i]);
      if (isRecord(entry) && Array.isArray(entry.replies)) {
        entry.replies.forEach((reply, j) => check(reply, KNOWN_FIELDS.reply, ['entries', i, 'replies', j]));
      }
    });
  }
  return warnings;
}

interface NumberFact {
  name: string;
  value: number;
  unit: RegExp | null;
  keywords: string[];
}

function numberFacts(pack: Pack): NumberFact[] {
  const facts: NumberFact[] = [];
  for (const [name, fact] of Object.entries(pack.facts)) {
    const value = factValue(fact);
    if (typeof value !== 'number') continue;
    const declared = typeof fact === 'object' ? fact.unit : undefined;
    const unit = declared
      ? new RegExp(`^\\s*${declared.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i')
      : (UNIT_WORDS.find((u) => u.name.test(name))?.written ?? null);
    const keywords = typeof fact === 'object' ? (fact.keywords ?? []) : [];
    facts.push({ name, value, unit, keywords });
  }
  return facts;
}

/** Hard-coded numbers in a reply that a fact holds, or that contradict a fact near its keywords. */
function factWarnings(text: string, path: string, facts: NumberFact[]): LintWarning[] {
  const warnings: LintWarning[] = [];
  // Variables are not hard-coded numbers.
  const plain = text.replace(/\{\{[^{}]*\}\}/g, (m) => ' '.repeat(m.length));
  // A number inside a range ("1-3天", "7~15天") is not a single policy value.
  for (const match of plain.matchAll(/(?<![\d.\-~～至到])\d+(?:\.\d+)?(?![\d.]|\s*[-~～至到]\s*\d)/g)) {
    const number = Number(match[0]);
    const after = plain.slice(match.index + match[0].length, match.index + match[0].length + 16);
    const windowText = plain.slice(Math.max(0, match.index - 12), match.index + match[0].length + 12);
    const holders: NumberFact[] = [];
    let written = match[0];
    for (const fact of facts) {
      const unit = fact.unit?.exec(after);
      if (fact.unit && !unit) continue;
      if (number === fact.value && (fact.unit || number >= 10)) {
        holders.push(fact);
        if (unit) written = `${match[0]}${/^\s*[a-z]/i.test(unit[0]) ? ' ' : ''}${unit[0].trim()}`;
      } else if (number !== fact.value && fact.keywords.some((k) => windowText.includes(k))) {
        warnings.push({
          path,
          message: `says ${match[0]} next to "${fact.keywords.find((k) => windowText.includes(k))}", but facts.${fact.name} is ${fact.value}`,
          rule: 'contradicts-fact',
        });
      }
    }
    if (holders.length > 0) {
      warnings.push({
        path,
        message: `"${written}" is hard-coded; use ${holders.map((f) => `{{facts.${f.name}}}`).join(' or ')} so it follows the fact`,
        rule: 'hard-coded-fact',
      });
    }
  }
  return warnings;
}

/**
 * A `locale` whose language is not the one the entries are written in: the engine splits questions into words by
 * the pack's locale (Chinese into character pairs, others at spaces), so an English pack marked zh-CN, or a Chinese
 * one marked en, is matched against buyers' words it cannot see (fresh English packs read as Chinese: recall@1
 * 0.818 → 0.735).
 */
function localeWarnings(pack: Pack): LintWarning[] {
  if (pack.entries.length === 0) return [];
  const written = localeOfPack(pack.entries);
  if (isChineseLocale(pack.locale) === isChineseLocale(written)) return [];
  return [
    {
      path: 'locale',
      message: `"${pack.locale}" but the entries are written in ${isChineseLocale(written) ? 'Chinese' : 'English'}: questions are read by the pack's locale, so buyers' words will not match them — set "locale": "${written}" or leave it out`,
      rule: 'locale-mismatch',
    },
  ];
}

/**
 * Synonym groups that cannot work as written: a word twice in a group, a word in two groups (the groups
 * then act as one), a group none of whose words any entry uses (it bridges to nothing).
 */
function synonymWarnings(pack: Pack): LintWarning[] {
  const warnings: LintWarning[] = [];
  const groupOf = new Map<string, number>();
  const entryText = pack.entries
    .map((e) => normalizeText([e.title, ...e.questions, ...e.keywords, ...e.replies.map((r) => r.text)].join('\n')))
    .join('\n');
  pack.synonyms.forEach((group, i) => {
    const seen = new Set<string>();
    group.forEach((word, j) => {
      const key = normalizeText(word).trim();
      if (seen.has(key)) {
        warnings.push({
          path: `synonyms[${i}][${j}]`,
          message: `"${word}" is twice in this group`,
          rule: 'synonym-group',
        });
        return;
      }
      seen.add(key);
      const other = groupOf.get(key);
      if (other !== undefined && other !== i) {
        warnings.push({
          path: `synonyms[${i}][${j}]`,
          message: `"${word}" is also in synonyms[${other}]: the two groups act as one; merge them`,
          rule: 'synonym-group',
        });
      } else groupOf.set(key, i);
    });
    if (![...seen].some((word) => entryText.includes(word))) {
      warnings.push({
        path: `synonyms[${i}]`,
        message:
          'no entry uses any of these words: the group bridges to nothing; add one of them to an entry’s questions',
        rule: 'synonym-group',
      });
    }
  });
  return warnings;
}

/** Lints a validated pack; `raw` (the parsed JSON) adds the unknown-field check. */
export function lintPack(pack: Pack, raw?: unknown): LintWarning[] {
  const warnings: LintWarning[] = raw === undefined ? [] : unknownFields(raw);
  warnings.push(...synonymWarnings(pack), ...localeWarnings(pack));
  const factNames = new Set(Object.keys(pack.facts));
  const scenarioIds = new Set<string>();
  pack.scenarios.forEach((scenario, i) => {
    if (scenarioIds.has(scenario.id)) {
      warnings.push({
        path: `scenarios[${i}].id`,
        message: `duplicate scenario id "${scenario.id}"`,
        rule: 'duplicate-id',
      });
    }
    scenarioIds.add(scenario.id);
  });
  const facts = numberFacts(pack);
  const entryIds = new Map<string, number>();
  const shortcuts = new Map<string, number>();
  // The same question may be asked of the generic entry and of each item's own entry: a duplicate is
  // the same question in two entries for the same items (both generic, or naming the same item).
  const questions = new Map<string, Array<{ entry: number; question: number; products: Set<string> }>>();

  pack.entries.forEach((entry, i) => {
    const at = `entries[${i}]`;
    const firstWithId = entryIds.get(entry.id);
    if (firstWithId !== undefined) {
      warnings.push({
        path: `${at}.id`,
        message: `duplicate entry id "${entry.id}" (also entries[${firstWithId}])`,
        rule: 'duplicate-id',
      });
    } else entryIds.set(entry.id, i);

    if (entry.shortcut) {
      const key = entry.shortcut.toLowerCase();
      const first = shortcuts.get(key);
      if (first !== undefined) {
        warnings.push({
          path: `${at}.shortcut`,
          message: `shortcut "${entry.shortcut}" is also used by entries[${first}]`,
          rule: 'duplicate-shortcut',
        });
      } else shortcuts.set(key, i);
    }

    const products = new Map<string, number>();
    (entry.products ?? []).forEach((fragment, j) => {
      const key = productKey(fragment);
      const first = products.get(key);
      if (!key) {
        warnings.push({ path: `${at}.products[${j}]`, message: 'matches no product title', rule: 'duplicate-product' });
      } else if (first !== undefined) {
        warnings.push({
          path: `${at}.products[${j}]`,
          message: `"${fragment}" is products[${first}] again (width and case do not count)`,
          rule: 'duplicate-product',
        });
      } else products.set(key, j);
    });
    const items = new Set(products.keys());
    const sameItems = (other: Set<string>) =>
      (items.size === 0 && other.size === 0) || [...items].some((key) => other.has(key));

    entry.questions.forEach((question, j) => {
      const key = normalizeText(question).replace(/[\p{P}\p{S}\s]+/gu, '');
      if (!key) return;
      const seen = questions.get(key) ?? [];
      const first = seen.find((s) => sameItems(s.products));
      if (first && first.entry !== i) {
        warnings.push({
          path: `${at}.questions[${j}]`,
          message: `the same question is in entries[${first.entry}].questions[${first.question}]${items.size ? ' for the same item' : ''}; buyers asking it get either`,
          rule: 'duplicate-question',
        });
      } else if (!first) questions.set(key, [...seen, { entry: i, question: j, products: items }]);
    });

    for (const id of entry.scenarios) {
      if (!scenarioIds.has(id)) {
        warnings.push({
          path: `${at}.scenarios`,
          message: `scenario "${id}" is not defined in "scenarios"`,
          rule: 'undefined-scenario',
        });
      }
    }
    if (entry.kind === 'reply' && entry.questions.length === 0 && entry.keywords.length === 0) {
      warnings.push({
        path: at,
        message: 'no questions or keywords: it is never suggested, only found by searching its title',
        rule: 'unreachable-entry',
      });
    }

    entry.replies.forEach((reply, j) => {
      const path = `${at}.replies[${j}].text`;
      for (const placeholder of findPlaceholders(reply.text)) {
        if (placeholder.fallback !== undefined && !placeholder.name.startsWith('facts.')) continue;
        if (!isKnownVariable(placeholder.name, factNames)) {
          warnings.push({
            path,
            message: `${placeholder.raw} is not a fact or a page variable${placeholder.name.startsWith('facts.') ? '' : ` (page variables: customer.name, order.id, product.title, …)`}`,
            rule: 'undefined-variable',
          });
        }
      }
      for (const id of reply.scenarios ?? []) {
        if (!scenarioIds.has(id)) {
          warnings.push({
            path: `${at}.replies[${j}].scenarios`,
            message: `scenario "${id}" is not defined in "scenarios"`,
            rule: 'undefined-scenario',
          });
        }
      }
      warnings.push(...factWarnings(reply.text, path, facts));
      for (const hit of complianceHits(reply.text, pack.compliance?.allow)) {
        warnings.push({
          path,
          message: `“${hit.match}”: ${COMPLIANCE_RULES[hit.rule].why} (allow a word the pack must use in "compliance.allow")`,
          rule: hit.rule,
        });
      }
    });
  });
  return warnings;
}
