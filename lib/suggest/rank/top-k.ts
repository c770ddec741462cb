/**
 * Keeps the `k` best-scoring items offered, best first; among equal scores the one offered first ranks
 * first (as a stable sort would). A query touches up to every entry of a pack, but only a few dozen
 * need a closer look: sorting them all cost half of a 10k-entry query's time.
 */
export class TopK<T> {
  private readonly scores: number[] = [];
  private readonly kept: T[] = [];

  constructor(private readonly k: number) {}

  /** Whether an item with this score would be kept (cheap test before building the item). */
  accepts(score: number): boolean {
    return this.k > 0 && (this.scores.length < this.k || score > this.scores[this.scores.length - 1]!);
  }

  offer(score: number, item: T): void {
    if (!this.accepts(score)) return;
    const { scores, kept } = this;
    // Moved up one by one to after every item with an equal or higher score (`splice` would make an array per
    // call, thousands per query at 10k entries).
    let at = scores.length;
    scores.push(score);
    kept.push(item);
    while (at > 0 && scores[at - 1]! < score) {
      scores[at] = scores[at - 1]!;
      kept[at] = kept[at - 1]!;
      at -= 1;
    }
    scores[at] = score;
    kept[at] = item;
    if (scores.length > this.k) {
      scores.pop();
      kept.pop();
    }
  }

  /** The kept items with their scores, best first. */
  entries(): Array<{ score: number; item: T }> {
    return this.kept.map((item, i) => ({ score: this.scores[i]!, item }));
  }
}
