/**
 * @module diagnose/engine
 * Runs every signature over a build record, applies the cause-over-symptom rules and returns the
 * diagnoses best first. A successful build (steps seen, no failure) yields none; a fragment with
 * no step header is diagnosed from its lines alone.
 */
import type { BuildRecord } from '../buildlog/index.ts';
import { InternalError } from '../errors.ts';
import { buildContext } from './context.ts';
import { applyOrdering } from './ordering.ts';
import { SIGNATURES } from './signatures/index.ts';
import type { Diagnosis, DiagnoseContext, Signature } from './types.ts';

export interface DiagnoseOptions {
  /** Dockerfile text (from --dockerfile), used by signatures that check stage names. */
  readonly dockerfile?: string | null;
  readonly signatures?: readonly Signature[];
}

export function diagnose(record: BuildRecord, options: DiagnoseOptions = {}): Diagnosis[] {
  // A build that shows steps, no failure and every step finished succeeded. When a step never
  // finished, the paste was cut off before the error block (users often post only the step
  // output), so the signatures still get to look at what is there.
  if (record.failure === null && record.steps.length > 0 && record.steps.every((s) => s.cached || s.end !== null || s.error !== null)) return [];
  const ctx = buildContext(record, options.dockerfile ?? null);
  const found: Diagnosis[] = [];
  for (const sig of options.signatures ?? SIGNATURES) {
    let m;
    try {
      m = sig.match(ctx);
    } catch (e) {
      throw new InternalError(`signature ${sig.id} failed`, e);
    }
    if (m === null) continue;
    found.push({ category: sig.id, confidence: m.confidence, step: stepFor(ctx, m.evidence[0]?.line), evidence: m.evidence, summary: m.summary, fixes: m.fixes });
  }
  return applyOrdering(found).sort(compareDiagnoses);
}

function stepFor(ctx: DiagnoseContext, line: number | undefined): string | null {
  const f = ctx.record.failure;
  if (f?.step != null) return f.step;
  const hit = ctx.lines.find((l) => l.line === line);
  if (hit?.step != null) return ctx.record.steps.find((s) => s.number === hit.step)?.name ?? null;
  return null;
}

/** Best first: confidence, then earlier evidence (causes print before symptoms), then id. */
export function compareDiagnoses(a: Diagnosis, b: Diagnosis): number {
  return (
    b.confidence - a.confidence ||
    (a.evidence[0]?.line ?? Infinity) - (b.evidence[0]?.line ?? Infinity) ||
    (a.category < b.category ? -1 : a.category > b.category ? 1 : 0)
  );
}
