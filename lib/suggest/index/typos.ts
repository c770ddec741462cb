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
      .filter((term) => oneEditApart(word, term))
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

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit from `word`: deletions, swaps of neighbours, substitutions, insertions (Norvig's edits1). */
export function editsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i += 1) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.push(head + tail.slice(1));
    if (tail.length > 1) out.push(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail && letter !== tail[0]) out.push(head + letter + tail.slice(1));
      out.push(head + letter + tail);
    }
  }
  return out;
}

/**
 * Whether two different words are one edit apart (insertion, deletion, substitution, or two adjacent letters
 * swapped). Sharing a deletion key also pairs words two edits apart ("blak" and "bulk" both lose a letter to
 * "blk"), which would crowd the true neighbour ("black") out of the three kept.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA <= 1 && restB <= 1) return true;
  // Two adjacent letters swapped: "form" / "from".
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}
