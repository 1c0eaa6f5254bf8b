/**
 * "Did you mean …?" for a mistyped command or option: the one candidate within
 * a couple of typing slips (a letter missed, added, changed or two swapped).
 */

/** Edits between `a` and `b`: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The single closest candidate to `word` (one slip for short words, two from four letters), else the
 * only candidate that `word` begins, else null.
 */
export function closestWord(word: string, candidates: readonly string[]): string | null {
  const typed = word.toLowerCase();
  const allowed = typed.length >= 4 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance, tie] = [candidate, distance, false];
    else if (distance === bestDistance) tie = true;
  }
  if (best !== null && bestDistance <= allowed && !tie) return best;
  // `--client-secret` for `--client-secret-stdin`: the start of exactly one candidate.
  const extended = [...candidates].filter((candidate) => candidate.toLowerCase().startsWith(typed));
  return typed.length >= 3 && extended.length === 1 ? extended[0]! : null;
}
