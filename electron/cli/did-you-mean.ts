// "Did you mean": the nearest known word to a typo, by edit distance (a swap of two
// neighbours counts as one edit, as typists make them).

/** Optimal string alignment distance between `a` and `b`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known word closest to `typed`, when it is close enough to be a typo (at most 2 edits,
 * and fewer than half its letters), or one that `typed` begins (a cut-off word); else null.
 */
export function didYouMean(typed: string, known: readonly string[]): string | null {
  let best: { word: string; distance: number } | null = null;
  for (const word of known) {
    const distance = editDistance(typed.toLowerCase(), word.toLowerCase());
    if (best === null || distance < best.distance) best = { word, distance };
  }
  if (best && best.distance <= Math.min(2, Math.floor(Math.max(typed.length, 2) / 2))) return best.word;
  const prefixed = known.filter((word) => typed.length >= 2 && word.startsWith(typed));
  return prefixed.length === 1 ? (prefixed[0] ?? null) : null;
}
