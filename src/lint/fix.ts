/**
 * @module lint/fix
 * Applies fixes (data: edits on offsets of the text they were computed from) in passes, after
 * ESLint's source-code-fixer: sort by position, apply each fix whole or not at all, defer one
 * that overlaps an accepted fix to the next pass, re-lint, and stop when nothing applies, after
 * 10 passes, or on a cycle (a text seen before). Every pass's output must re-parse; if not, the
 * applier refuses with LINT_FIX_BROKE_SYNTAX and nothing is written.
 */
import { parse } from '../dockerfile/index.ts';
import { StevedoreError } from '../errors.ts';
import { lint, type Finding, type LintOptions } from './engine.ts';
import type { FileWrite, FixData, TextEdit } from './rule.ts';

export const MAX_PASSES = 10;

export interface PassResult {
  readonly output: string;
  /** Fixes applied in this pass. */
  readonly applied: readonly FixData[];
  /** Fixes skipped because they overlapped an applied one (they are retried on the next pass). */
  readonly deferred: number;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point conflict too: their order would be arbitrary.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}

/** One pass: applies the non-overlapping fixes, in order of their first edit. */
export function applyFixesOnce(text: string, fixes: readonly FixData[]): PassResult {
  const sorted = fixes
    .filter((f) => f.edits.length > 0 || (f.files?.length ?? 0) > 0)
    .map((f) => ({ f, edits: [...f.edits].sort((a, b) => a.start - b.start || a.end - b.end) }))
    .sort((a, b) => (a.edits[0]?.start ?? -1) - (b.edits[0]?.start ?? -1) || (a.edits[0]?.end ?? -1) - (b.edits[0]?.end ?? -1));
  const accepted: TextEdit[] = [];
  const applied: FixData[] = [];
  let deferred = 0;
  for (const { f, edits } of sorted) {
    const bad = edits.some((e, i) => e.start < 0 || e.end > text.length || e.end < e.start || (i > 0 && overlaps(edits[i - 1]!, e)));
    if (bad) {
      deferred++;
      continue;
    }
    if (edits.some((e) => accepted.some((a) => overlaps(a, e)))) {
      deferred++;
      continue;
    }
    accepted.push(...edits);
    applied.push(f);
  }
  accepted.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of accepted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += text.slice(at);
  return { output: out, applied, deferred };
}

export interface FixOptions extends LintOptions {
  /** Also apply each finding's first suggestion when it has no fix. */
  readonly unsafe?: boolean;
}

export interface FixResult {
  readonly output: string;
  /** Passes that changed the text. */
  readonly passes: number;
  /** Findings whose fix (or suggestion, with unsafe) was applied, across passes. */
  readonly applied: readonly Finding[];
  /** Context files the applied fixes create or extend (written by `fix --write`). */
  readonly files: readonly FileWrite[];
  /** Findings left after the last pass. */
  readonly remaining: readonly Finding[];
  /** The text after each pass that changed it. */
  readonly history: readonly string[];
}

function fixOf(f: Finding, unsafe: boolean): FixData | undefined {
  if (f.fix !== undefined) return f.fix;
  return unsafe ? f.suggestions?.[0]?.fix : undefined;
}

function assertParses(text: string, file: string, pass: number, rules: readonly string[]): void {
  try {
    parse(text, { file });
  } catch (e) {
    throw new StevedoreError('LINT_FIX_BROKE_SYNTAX', `the fixes of ${rules.join(', ')} (pass ${pass}) produced a Dockerfile that does not parse; nothing was written`, {
      cause: e, data: { rules: rules.join(',') }, location: { file, line: 0, column: 0 },
    });
  }
}

/** Lint, apply, repeat until stable (≤ 10 passes, stop on a cycle). */
export function fixText(text: string, options: FixOptions = {}): FixResult {
  const file = options.file ?? 'Dockerfile';
  const unsafe = options.unsafe === true;
  const seen = new Set<string>([text]);
  const applied: Finding[] = [];
  const files: FileWrite[] = [];
  const history: string[] = [];
  let current = text;
  let passes = 0;
  let remaining = lint(current, options);
  while (passes < MAX_PASSES) {
    const candidates = remaining.filter((f) => fixOf(f, unsafe) !== undefined);
    if (candidates.length === 0) break;
    const byFix = new Map<FixData, Finding>(candidates.map((f) => [fixOf(f, unsafe)!, f]));
    const pass = applyFixesOnce(current, [...byFix.keys()]);
    if (pass.applied.length === 0) break;
    const newFiles = pass.applied.flatMap((f) => f.files ?? []).filter((w) => !files.some((o) => o.path === w.path && o.content === w.content));
    if (pass.output === current && newFiles.length === 0) break;
    const names = pass.applied.map((f) => byFix.get(f)!.rule);
    assertParses(pass.output, file, passes + 1, [...new Set(names)]);
    if (seen.has(pass.output) && newFiles.length === 0) break; // a cycle: keep the last distinct text
    seen.add(pass.output);
    for (const f of pass.applied) applied.push(byFix.get(f)!);
    files.push(...newFiles);
    if (pass.output !== current) history.push(pass.output);
    current = pass.output;
    passes++;
    remaining = lint(current, options);
  }
  return { output: current, passes, applied, files, remaining, history };
}
