import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BLIND_KINDS,
  freshSetIds,
  loadBlindSet,
  loadFreshPacks,
  loadFreshSet,
  loadWrittenReasks,
  packsOfBlindSet,
  type WrittenReask,
} from '../../bench/blind-sets';
import { PLATFORMS, type Pack } from '../../lib/packs/schema';
import { parsePack } from '../../lib/packs/validate';

// The relevance bench scores against these files: a label naming an entry no pack has would count as a
// miss that no engine could fix, and would go unnoticed in a recall figure.
const root = new URL('../../', import.meta.url).pathname;
const shipped = new Map<string, Pack>();
for (const file of readdirSync(join(root, 'knowledge-packs')).filter((f) => f.endsWith('.json'))) {
  const result = parsePack(readFileSync(join(root, 'knowledge-packs', file), 'utf8'));
  if (result.ok) shipped.set(result.pack.id, result.pack);
}

const unknownIds = (cases: Array<{ expected: string[] }>, packs: Pack[]) => {
  const ids = new Set(packs.flatMap((pack) => pack.entries.map((entry) => entry.id)));
  return cases.flatMap((c) => c.expected.filter((id) => !ids.has(id)));
};

describe('evaluation sets', () => {
  const checkSet = (
    cases: Array<{ text: string; expected: string[]; style?: string; platform?: string }>,
    packs: Pack[],
  ) => {
    expect(cases.length).toBeGreaterThan(150);
    expect(unknownIds(cases, packs)).toEqual([]);
    expect(cases.every((c) => typeof c.text === 'string' && c.text.trim() && c.style)).toBe(true);
    // A platform the engine does not know filters every entry out: the line would count as a miss.
    expect(
      cases.filter((c) => c.platform !== undefined && !(PLATFORMS as readonly string[]).includes(c.platform)),
    ).toEqual([]);
    const noAnswer = cases.filter((c) => c.expected.length === 0).length / cases.length;
    expect(noAnswer).toBeGreaterThan(0.05);
    expect(noAnswer).toBeLessThan(0.12);
  };

  for (const kind of BLIND_KINDS) {
    for (const language of ['zh', 'en'] as const) {
      it(`${kind}/${language} names only entries of its packs, with a style and ~8% no-answer lines`, () => {
        checkSet(loadBlindSet(root, kind, language), packsOfBlindSet(language, shipped));
      });
    }
  }

  const fresh = loadFreshPacks(root);
  for (const kind of ['fresh-dev', 'fresh-heldout'] as const) {
    for (const id of freshSetIds(root, kind)) {
      it(`${kind}/${id} names only entries of its own pack, with a style and ~8% no-answer lines`, () => {
        const own = fresh.find((p) => p.pack.id === id);
        expect(own, `tests/eval/packs/${id}.json`).toBeDefined();
        checkSet(loadFreshSet(root, kind, id), [own!.pack]);
      });
    }
  }

  for (const language of ['zh', 'en'] as const) {
    it(`smalltalk/${language} holds only lines that need no answer, each once`, () => {
      const lines = readFileSync(join(root, 'tests/eval/smalltalk', `${language}.jsonl`), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as { text: string; expected: string[]; style: string });
      expect(lines.length).toBeGreaterThanOrEqual(150);
      expect(lines.every((c) => c.expected.length === 0 && c.style === 'smalltalk' && c.text.trim())).toBe(true);
      expect(new Set(lines.map((c) => c.text)).size).toBe(lines.length);
    });
  }

  // The replay puts each written re-ask in place of its line's made variation: a number that points at another line,
  // or at a no-answer line, would replay a re-ask of the wrong message.
  const checkReasks = (cases: Array<{ text: string; expected: string[] }>, reasks: WrittenReask[]) => {
    expect(reasks.map((r) => r.n)).toEqual(cases.flatMap((c, n) => (c.expected.length > 0 ? [n] : [])));
    expect(reasks.filter((r) => !r.text.trim() || r.text === cases[r.n]!.text)).toEqual([]);
  };
  for (const kind of BLIND_KINDS) {
    for (const language of ['zh', 'en'] as const) {
      it(`reask/${kind}/${language} holds one re-ask for every answerable line of ${kind}/${language}, each new`, () => {
        checkReasks(loadBlindSet(root, kind, language), loadWrittenReasks(root, kind, language));
      });
    }
  }
  for (const file of readdirSync(join(root, 'tests/eval/reask/fresh-dev'))) {
    const id = basename(file, '.jsonl');
    it(`reask/fresh-dev/${id} holds one re-ask for every answerable line of fresh-dev/${id}, each new`, () => {
      checkReasks(loadFreshSet(root, 'fresh-dev', id), loadWrittenReasks(root, 'fresh-dev', id));
    });
  }

  it('has a dev set for every fresh pack, and keeps the fresh packs out of the shipped ones', () => {
    for (const { pack } of fresh) {
      expect(freshSetIds(root, 'fresh-dev')).toContain(pack.id);
      expect(shipped.has(pack.id)).toBe(false);
    }
  });

  for (const language of ['zh', 'en']) {
    for (const file of readdirSync(join(root, 'tests/eval', language)).filter((f) => f.endsWith('.jsonl'))) {
      it(`tuning set ${language}/${file} names only entries of its pack`, () => {
        const pack = shipped.get(basename(file, '.jsonl'));
        expect(pack).toBeDefined();
        const cases = readFileSync(join(root, 'tests/eval', language, file), 'utf8')
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => JSON.parse(line) as { expected: string[] });
        expect(unknownIds(cases, [pack!])).toEqual([]);
      });
    }
  }
});
