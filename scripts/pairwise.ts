/**
 * Pairwise logistic regression, shared by the generators that fit a re-ranker's blend (`train-word-rerank.ts`,
 * `train-translation.ts`): each pair is the right candidate's features minus a wrong one's; full-batch gradient
 * descent with L2.
 */
export function fitPairwise(
  pairs: readonly number[][],
  features: number,
  { l2 = 0.01, steps = 300, rate = 1 }: { l2?: number; steps?: number; rate?: number } = {},
): number[] {
  const w = new Array<number>(features).fill(0);
  for (let step = 0; step < steps; step++) {
    const gradient = w.map((wj) => l2 * wj);
    for (const d of pairs) {
      const z = d.reduce((sum, v, j) => sum + v * w[j]!, 0);
      const g = 1 / (1 + Math.exp(z)) / pairs.length;
      d.forEach((v, j) => (gradient[j]! -= g * v));
    }
    w.forEach((_, j) => (w[j]! -= rate * gradient[j]!));
  }
  return w;
}
