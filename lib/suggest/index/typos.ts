/**
 * Typo tolerance for Latin words: a deletion index (as in SymSpell) finds the known words one edit
 * (insertion, deletion, substitution, most transpositions) from an unknown word in O(word length).
 */
export class TypoIndex {
  private deletes = new Map<string, string[]>();
  ready = false;

  /** Indexes the Latin words (4+ letters) of a vocabulary. */
  build(vocabulary: Iterable<string>): void {
    this.deletes.clear();
    for (const term of vocabulary) {
      if (!/^[a-z]{4,}$/.test(term)) continue;
      for (const variant of deletionsOf(term, true)) {
        const list = this.deletes.get(variant);
        if (!list) this.deletes.set(variant, [term]);
        else if (!list.includes(term)) list.push(term);
      }
    }
    this.ready = true;
  }

  /** Known words one edit away from `word`, best first (same first letter, then same length). */
  neighbours(word: string): string[] {
    const found = new Set<string>();
    for (const variant of deletionsOf(word, true)) {
      for (const term of this.deletes.get(variant) ?? []) if (term !== word) found.add(term);
    }
    return [...found]
      .sort(
        (a, b) =>
          Number(b[0] === word[0]) - Number(a[0] === word[0]) ||
          Math.abs(a.length - word.length) - Math.abs(b.length - word.length),
      )
      .slice(0, 3);
  }
}

/** The word and every string one deletion from it (a SymSpell key set): two words share one iff about one edit apart. */
export function deletionsOf(word: string, includeSelf: boolean): string[] {
  const out = includeSelf ? [word] : [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
