/**
 * @module util/suggest
 * "Did you mean" for unknown names (config keys, rule ids, commands), after BuildKit's
 * `util/suggest`: the closest candidate by Levenshtein distance, case-insensitively, when it is
 * close enough to be a plausible typo. Distances are computed with a bounded two-row table, so
 * hostile input cannot make this quadratic beyond the (short) names compared.
 */

/** Levenshtein distance, capped: returns `cap + 1` as soon as the distance must exceed `cap`. */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > cap) return cap + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * The candidate closest to `name`, or undefined when none is within a typo's distance
 * (a third of the name's length, at least 2 — a swapped pair of letters — at most 4 edits).
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > 200) return undefined;
  const lower = name.toLowerCase();
  const cap = Math.min(4, Math.max(2, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = cap + 1;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase(), cap);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** " (did you mean "x"?)" or "" — appended to error messages. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const s = suggest(name, candidates);
  return s === undefined ? '' : ` (did you mean ${JSON.stringify(s)}?)`;
}
