/** Nearest-name suggestions for typos: `clientID` → `clientId`, `expiry_time` → `expiryTime`, `PASPORT` → `PASSPORT`. */

/** Case, `_` and `-` don't distinguish names people mean to be the same. */
function fold(name: string): string {
  return name.replace(/[_\-\s]/g, '').toLowerCase();
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), bounded for speed. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const row = new Array<number>(cols);
    row[0] = i;
    let best = row[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[cols - 1];
}

/**
 * The one candidate the input most likely meant, or undefined when none is close enough or two are equally close
 * (an ambiguous suggestion is worse than none).
 */
export function nearest(input: string, candidates: Iterable<string>): string | undefined {
  const folded = fold(input);
  if (!folded) return undefined;
  // Allow about one edit per four characters, at least one, at most three.
  const limit = Math.min(3, Math.max(1, Math.floor(folded.length / 4)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    const d = editDistance(folded, fold(candidate), limit);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && candidate !== best) {
      tie = true;
    }
  }
  return best !== undefined && !tie ? best : undefined;
}
