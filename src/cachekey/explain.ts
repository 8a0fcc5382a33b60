/**
 * @module cachekey/explain
 * `explain`: load states A and B, decide every step, attach warnings, and produce the report
 * (JSON shape of the CLI) plus the plain-words rendering with advice.
 */
import { decide, type Reason, type StepDecision, type StepRef, type Verdict } from './decide.ts';
import { loadState, type LoadOptions, type StateSpec } from './load.ts';
import { computeWarnings, type Warning } from './warnings.ts';

export interface ExplainStep {
  readonly stage: string;
  readonly index: number;
  readonly line: number;
  readonly instruction: string;
  readonly verdict: Verdict;
  readonly reason: Reason;
  readonly rebuiltBecause?: StepRef;
}

export interface ExplainReport {
  readonly from: string;
  readonly to: string;
  readonly steps: readonly ExplainStep[];
  readonly warnings: readonly Warning[];
}

export interface ExplainOptions extends LoadOptions {
  readonly from: StateSpec;
  readonly to: StateSpec;
  /** Image digests per side, when known (`--image REF=DIGEST` per side). */
  readonly imageDigestsFrom?: Readonly<Record<string, string>>;
  readonly imageDigestsTo?: Readonly<Record<string, string>>;
  /** Build args of one side only, on top of `buildArgs` (which apply to both). */
  readonly buildArgsFrom?: Readonly<Record<string, string>>;
  readonly buildArgsTo?: Readonly<Record<string, string>>;
  /** Target stage of one side only (default: `target` for both). */
  readonly targetFrom?: string;
  readonly targetTo?: string;
}

/** Turn decisions into report steps (visible ops only). */
export function toSteps(decisions: readonly StepDecision[]): ExplainStep[] {
  return decisions
    .filter((d) => d.visible)
    .map((d) => ({
      stage: d.ref.stage,
      index: d.ref.index,
      line: d.ref.line,
      instruction: d.ref.instruction,
      verdict: d.verdict,
      reason: d.reason,
      ...(d.rebuiltBecause === undefined ? {} : { rebuiltBecause: d.rebuiltBecause }),
    }));
}

export async function explain(options: ExplainOptions): Promise<ExplainReport> {
  const a = await loadState(options.from, {
    ...options,
    buildArgs: { ...options.buildArgs, ...options.buildArgsFrom },
    ...(options.targetFrom === undefined ? {} : { target: options.targetFrom }),
    ...(options.imageDigestsFrom === undefined ? {} : { imageDigests: options.imageDigestsFrom }),
  });
  try {
    const b = await loadState(options.to, {
      ...options,
      buildArgs: { ...options.buildArgs, ...options.buildArgsTo },
      ...(options.targetTo === undefined ? {} : { target: options.targetTo }),
      ...(options.imageDigestsTo === undefined ? {} : { imageDigests: options.imageDigestsTo }),
    });
    try {
      const decisions = decide(a, b);
      return {
        from: a.snap.label,
        to: b.snap.label,
        steps: toSteps(decisions),
        warnings: computeWarnings(a.snap, b.snap, a.content, b.content),
      };
    } finally {
      await b.snap.close();
    }
  } finally {
    await a.snap.close();
  }
}
