/** Nearest-name suggestions for typos: `clientID` → `clientId`, `expiry_time` → `expiryTime`, `PASPORT` → `PASSPORT`. */

/** Case, `_` and `-` don't distinguish names people mean to be the same. */
function fold(name: string): string {
  return name.replace(/[_\-\s]/g, '').toLowerCase();
}

/** Folded forms of candidate lists, computed once per list (the lists are module constants or settings). */
const foldedLists = new WeakMap<readonly string[], readonly string[]>();
function foldedOf(candidates: readonly string[]): readonly string[] {
  let folded = foldedLists.get(candidates);
  if (!folded) foldedLists.set(candidates, (folded = candidates.map(fold)));
  return folded;
}

// Two reusable rows: suggestions run on every unknown key while the user types, so avoid allocating per call.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions); stops early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  if (rowA.length < cols) {
    rowA = new Int32Array(cols * 2);
    rowB = new Int32Array(cols * 2);
    rowC = new Int32Array(cols * 2);
  }
  let prevPrev = rowA;
  let prev = rowB;
  let row = rowC;
  for (let j = 0; j < cols; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = prev[j - 1] + (ca === cb ? 0 : 1);
      if (prev[j] + 1 < d) d = prev[j] + 1;
      if (row[j - 1] + 1 < d) d = row[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prevPrev[j - 2] + 1 < d) d = prevPrev[j - 2] + 1;
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    const recycled = prevPrev;
    prevPrev = prev;
    prev = row;
    row = recycled;
  }
  return prev[cols - 1];
}

/**
 * The one candidate the input most likely meant, or undefined when none is close enough or two are equally close
 * (an ambiguous suggestion is worse than none).
 */
export function nearest(input: string, candidates: readonly string[] | ReadonlySet<string>): string | undefined {
  // The same unknown key comes back on every keystroke: answer it from memory. Candidate lists are module constants
  // or settings, long-lived objects (a list built per call would make every analysis allocate a memo entry).
  let answers = remembered.get(candidates);
  if (!answers) remembered.set(candidates, (answers = new Map()));
  if (answers.has(input)) return answers.get(input);
  const answer = nearestAmong(input, Array.isArray(candidates) ? (candidates as readonly string[]) : listOf(candidates as ReadonlySet<string>));
  if (answers.size >= MAX_REMEMBERED_ANSWERS) answers.clear();
  answers.set(input, answer);
  return answer;
}

const remembered = new WeakMap<object, Map<string, string | undefined>>();
const MAX_REMEMBERED_ANSWERS = 256;
const setLists = new WeakMap<ReadonlySet<string>, readonly string[]>();
function listOf(set: ReadonlySet<string>): readonly string[] {
  let list = setLists.get(set);
  if (!list) setLists.set(set, (list = [...set]));
  return list;
}

function nearestAmong(input: string, list: readonly string[]): string | undefined {
  const folded = foldedOf(list);
  const target = fold(input);
  if (!target) return undefined;
  // Allow about one edit per four characters, at least one, at most three.
  const limit = Math.min(3, Math.max(1, Math.floor(target.length / 4)));
  let best = -1;
  let bestDistance = limit + 1;
  let tie = false;
  for (let i = 0; i < list.length; i++) {
    const d = editDistance(target, folded[i], bestDistance);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && d <= limit && list[i] !== list[best]) {
      tie = true;
    }
  }
  return best >= 0 && !tie ? list[best] : undefined;
}
