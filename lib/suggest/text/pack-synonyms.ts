/**
 * A pack's own synonym groups (`synonyms: [["快递费", "邮费", "运费"]]`) as concepts of that pack: a message
 * holding any word of a group carries the group's concept term, and so does an entry whose index holds all
 * the terms of any word of it (see index/concept-postings.ts) — the same mechanism as the shared lexicon
 * (concepts.ts), with terms named per pack so that two packs' groups never meet.
 */
import type { Pack } from '../../packs/schema';
import { CONCEPT_TERM_PREFIX, formsOfWord, type ConceptIndexForm } from './concepts';
import { normalizeText } from './normalize';

interface PackGroup {
  term: string;
  /** Han words as they are; Latin words as space-separated lower-case words, matched on word boundaries. */
  han: string[];
  latin: RegExp[];
  forms: ConceptIndexForm[];
}

const groupsByPack = new WeakMap<Pack, PackGroup[]>();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function groupsOf(pack: Pack): PackGroup[] {
  let groups = groupsByPack.get(pack);
  if (groups) return groups;
  groups = pack.synonyms.map((words, i) => {
    const normalized = [...new Set(words.map((w) => normalizeText(w).trim()).filter(Boolean))];
    const han = normalized.filter((w) => /\p{Script=Han}/u.test(w));
    const latin = normalized
      .filter((w) => !/\p{Script=Han}/u.test(w))
      .map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(w)}(?![\\p{L}\\p{N}])`, 'u'));
    const forms = normalized
      .map((w) => formsOfWord(w).index)
      .filter((index): index is string => index !== null)
      .map((index) => ({ parts: index.split(' ') }));
    return { term: `${CONCEPT_TERM_PREFIX}${pack.id}#${i}`, han, latin, forms };
  });
  groupsByPack.set(pack, groups);
  return groups;
}

/** The pack's synonym concepts as an index builder needs them: term → the index forms of its words. */
export function packSynonymForms(pack: Pack): ReadonlyMap<string, ConceptIndexForm[]> {
  return new Map(groupsOf(pack).map((group) => [group.term, group.forms]));
}

/** The pack's synonym concept terms a normalised message carries. */
export function packSynonymTermsIn(pack: Pack, normalized: string): string[] {
  if (pack.synonyms.length === 0) return [];
  return groupsOf(pack)
    .filter((g) => g.han.some((w) => normalized.includes(w)) || g.latin.some((w) => w.test(normalized)))
    .map((g) => g.term);
}
