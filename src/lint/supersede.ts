/**
 * @module lint/supersede
 * One problem, one finding. Where two enabled rules detect the same thing (our
 * `secret-in-arg-env` and the BuildKit-parity `secrets-used-in-arg-or-env` both flag
 * `ARG GITHUB_TOKEN`), the rule that declares `meta.supersedes` keeps its finding and the other
 * rule's finding on the very same range is dropped. Matching on the exact range, not the line,
 * keeps the superseded rule's findings on names the superseding rule does not flag. Claims are
 * taken before pragmas apply, so ignoring the superseding finding does not bring the other one
 * back; disabling the superseding rule does (a disabled rule claims nothing).
 */
import type { AnyRule } from './rule.ts';

/** Where a superseding rule reported, suppressed or not. */
export interface Claim {
  readonly rule: string;
  readonly range: { readonly start: { readonly offset: number }; readonly end: { readonly offset: number } };
}

/** Ids of the rules that supersede another one. */
export function supersedingIds(rules: readonly AnyRule[]): ReadonlySet<string> {
  return new Set(rules.filter((r) => (r.meta.supersedes?.length ?? 0) > 0).map((r) => r.id));
}

export function dropSuperseded<F extends Claim>(findings: F[], claims: readonly Claim[], rules: readonly AnyRule[]): F[] {
  if (claims.length === 0) return findings;
  // Superseded rule id → the rule ids that supersede it.
  const by = new Map<string, string[]>();
  for (const r of rules) for (const s of r.meta.supersedes ?? []) by.set(s, [...(by.get(s) ?? []), r.id]);
  const key = (c: Claim): string => `${c.range.start.offset}:${c.range.end.offset}`;
  const claimed = new Map<string, Set<string>>();
  for (const c of claims) claimed.set(key(c), (claimed.get(key(c)) ?? new Set()).add(c.rule));
  return findings.filter((f) => {
    const winners = by.get(f.rule);
    if (winners === undefined) return true;
    const at = claimed.get(key(f));
    return at === undefined || !winners.some((w) => at.has(w));
  });
}
