/**
 * @module diagnose/signature
 * `definePatternSignature`: the common shape of most signatures — a few anchored, linear regexes
 * that mark evidence lines, a base confidence, and functions that word the summary and fixes from
 * the first hit. Confidence is adjusted here, once, for every signature: evidence inside the
 * failing step or the top-level error counts fully; evidence only inside steps that succeeded
 * (retries, warnings) counts half.
 */
import type { ContextLine, DiagnoseContext, Evidence, Fix, Signature, SignatureMatch } from './types.ts';

export interface PatternHit {
  readonly ctx: DiagnoseContext;
  /** The first matching line and its regex match. */
  readonly line: ContextLine;
  readonly match: RegExpExecArray;
  readonly hits: readonly ContextLine[];
}

export interface PatternSignatureSpec {
  readonly id: string;
  readonly title: string;
  /** Evidence patterns. Keep them linear: bounded repeats, no nested quantifiers. */
  readonly patterns: readonly RegExp[];
  /** A line matching one of these is not evidence (a more specific signature owns it). */
  readonly exclude?: readonly RegExp[];
  /** Base confidence for a hit in the failing step. */
  readonly confidence: number;
  /** Extra whole-context condition (e.g. "the failing step is a COPY"). */
  readonly when?: (ctx: DiagnoseContext, hits: readonly ContextLine[]) => boolean;
  /** Optional confidence override from the hit (e.g. weaker for an ambiguous wording). */
  readonly adjust?: (hit: PatternHit) => number;
  readonly summary: (hit: PatternHit) => string;
  readonly fixes: (hit: PatternHit) => readonly Fix[];
}

export const MAX_EVIDENCE = 6;

/** Lines of the context that match any pattern and no exclusion, with their first match. */
export function findHits(
  ctx: DiagnoseContext,
  patterns: readonly RegExp[],
  exclude: readonly RegExp[] = [],
): { line: ContextLine; match: RegExpExecArray }[] {
  const out: { line: ContextLine; match: RegExpExecArray }[] = [];
  for (const line of ctx.lines) {
    if (exclude.some((r) => r.test(line.text))) continue;
    for (const r of patterns) {
      const m = r.exec(line.text);
      if (m !== null) {
        out.push({ line, match: m });
        break;
      }
    }
  }
  return out;
}

/** Evidence weight: 1 in the failing step or at top level, 0.5 only in steps that succeeded. */
export function placementFactor(ctx: DiagnoseContext, hits: readonly ContextLine[]): number {
  const failed = new Set(ctx.record.steps.filter((s) => s.error !== null).map((s) => s.number));
  if (hits.some((h) => h.step === null || h.step === ctx.failingStep || failed.has(h.step))) return 1;
  return 0.5;
}

export function toEvidence(lines: readonly ContextLine[]): Evidence[] {
  return lines.slice(0, MAX_EVIDENCE).map((l) => ({ line: l.line, text: l.text }));
}

export function scoreOf(base: number, factor: number, hitCount: number): number {
  const bonus = Math.min(0.04, 0.02 * (hitCount - 1));
  return Math.round(Math.min(0.99, (base + bonus) * factor) * 100) / 100;
}

export function definePatternSignature(spec: PatternSignatureSpec): Signature {
  return {
    id: spec.id,
    title: spec.title,
    match(ctx): SignatureMatch | null {
      const found = findHits(ctx, spec.patterns, spec.exclude);
      if (found.length === 0) return null;
      const hits = found.map((f) => f.line);
      if (spec.when !== undefined && !spec.when(ctx, hits)) return null;
      const first = found[0]!;
      const hit: PatternHit = { ctx, line: first.line, match: first.match, hits };
      const base = spec.adjust?.(hit) ?? spec.confidence;
      return {
        confidence: scoreOf(base, placementFactor(ctx, hits), hits.length),
        evidence: toEvidence(hits),
        summary: spec.summary(hit),
        fixes: spec.fixes(hit),
      };
    },
  };
}

/** Shorthands so signature files read as data. */
export const fix = {
  dockerfile: (text: string, description: string): Fix => ({ kind: 'dockerfile', text, description }),
  flag: (text: string, description: string): Fix => ({ kind: 'flag', text, description }),
  env: (text: string, description: string): Fix => ({ kind: 'env', text, description }),
  command: (text: string, description: string): Fix => ({ kind: 'command', text, description }),
  file: (text: string, description: string): Fix => ({ kind: 'file', text, description }),
};

/** The host in the first URL or `host:port` of a text, for wording summaries. */
export function hostIn(text: string): string | null {
  const m = /https?:\/\/([A-Za-z0-9.-]{1,253})(?::\d{1,5})?/.exec(text) ?? /lookup ([A-Za-z0-9.-]{1,253})/.exec(text);
  return m?.[1] ?? null;
}

/** True when any step (or the recovered instruction) is a Go command. */
export function isGoContext(ctx: DiagnoseContext, hits: readonly ContextLine[]): boolean {
  if (hits.some((h) => /\bgo(?: [a-z]+)?: |\bgo mod |\bgo build|\bgo get|\bgo install/.test(h.text))) return true;
  return /\bgo (?:mod|build|get|install|generate|test|vet|run|list)\b/.test(ctx.instruction ?? '');
}
