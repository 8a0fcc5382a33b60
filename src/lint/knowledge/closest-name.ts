/**
 * @module lint/knowledge/closest-name
 * BuildKit's `suggest.Search` for variable and stage names: the name at the smallest
 * Levenshtein distance below 3, none when a name matches exactly. Unlike util/suggest (config
 * keys, case-insensitive, length-scaled), this keeps BuildKit's fixed threshold and case rule so
 * messages match `docker build --check`.
 */
import { editDistance } from '../../util/suggest.ts';

/** Names longer than this are kept in a plain list instead of the deletion index (bounded memory on hostile input). */
const MAX_INDEXED = 40;

/** Every string obtained from `s` by deleting at most two characters (including `s`). */
function deletions(s: string): Set<string> {
  const out = new Set<string>([s]);
  for (let i = 0; i < s.length; i++) {
    const d1 = s.slice(0, i) + s.slice(i + 1);
    out.add(d1);
    for (let j = i; j < d1.length; j++) out.add(d1.slice(0, j) + d1.slice(j + 1));
  }
  return out;
}

/**
 * `closestName` over a growing set of names (case-sensitive), answering in time independent of
 * the set's size: two names within Levenshtein distance 2 share a string reachable by at most
 * two deletions from each (symmetric-delete index), so only those candidates are measured.
 * Ties go to the name added first, as BuildKit's search takes the first best in key order.
 */
export class NameIndex {
  private readonly order = new Map<string, number>();
  private readonly byDeletion = new Map<string, string[]>();
  private readonly long: string[] = [];
  /** Names added but not yet in byDeletion: most files never ask for a suggestion, so indexing waits for the first `closest`. */
  private pending: string[] = [];
  /** Names of the parent come before this index's own (a child stage starts from its parent's names). */
  private readonly base: number;

  /** A layer over `parent`, which must not change afterwards; sharing it keeps child stages from copying. */
  constructor(private readonly parent?: NameIndex) {
    this.base = parent === undefined ? 0 : parent.base + parent.order.size;
  }

  add(name: string): void {
    if (this.has(name)) return;
    this.order.set(name, this.base + this.order.size);
    if (name.length > MAX_INDEXED) this.long.push(name);
    else this.pending.push(name);
  }

  /** Indexes pending names in the order they were added, so each deletion's list stays in order. */
  private index(): void {
    if (this.pending.length === 0) return;
    for (const name of this.pending) {
      for (const d of deletions(name)) {
        const list = this.byDeletion.get(d);
        if (list === undefined) this.byDeletion.set(d, [name]);
        else list.push(name);
      }
    }
    this.pending = [];
  }

  has(name: string): boolean {
    return this.order.has(name) || (this.parent?.has(name) ?? false);
  }

  private orderOf(name: string): number {
    return this.order.get(name) ?? this.parent?.orderOf(name) ?? Number.POSITIVE_INFINITY;
  }

  private collect(name: string, variants: ReadonlySet<string> | undefined, into: Set<string>): void {
    this.index();
    for (const c of this.long) into.add(c);
    if (variants !== undefined) for (const d of variants) for (const c of this.byDeletion.get(d) ?? []) into.add(c);
    this.parent?.collect(name, variants, into);
  }

  /**
   * The closest name at distance below 3 (first added wins ties); none on an exact match.
   * `budget.left` bounds the distance computations (shared across calls): when many names are
   * near-identical (A1 … A9999) the candidate sets grow with the file, and the search then stops
   * early with the best found so far instead of turning quadratic.
   */
  closest(name: string, budget: { left: number } = { left: Number.POSITIVE_INFINITY }): string | undefined {
    if (this.has(name) || name.length > 200 || budget.left <= 0) return undefined;
    const candidates = new Set<string>();
    this.collect(name, name.length <= MAX_INDEXED + 2 ? deletions(name) : undefined, candidates);
    let best: string | undefined;
    let bestDistance = 3;
    let bestOrder = Number.POSITIVE_INFINITY;
    for (const c of candidates) {
      if (budget.left <= 0) break;
      budget.left--;
      const d = editDistance(name, c, 2);
      const o = this.orderOf(c);
      if (d < bestDistance || (d === bestDistance && best !== undefined && o < bestOrder)) {
        best = c;
        bestDistance = d;
        bestOrder = o;
      }
    }
    return best;
  }
}
