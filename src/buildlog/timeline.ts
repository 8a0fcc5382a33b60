/**
 * @module buildlog/timeline
 * Derived views of a build record: the critical path through the rawjson DAG (the longest chain
 * of dependent steps by duration), the slowest steps and the cache-hit ratio. Pure functions.
 */
import type { BuildRecord, CriticalPath, Step } from './types.ts';

/**
 * Longest path by step duration through the DAG given as `[from, to]` edges between step numbers.
 * Kahn's topological order, then one relaxation pass: O(V + E). Cycles (which a real build graph
 * cannot have) are ignored rather than looped on.
 */
export function computeCriticalPath(steps: readonly Step[], edges: readonly (readonly [number, number])[]): CriticalPath | null {
  if (steps.length === 0) return null;
  const weight = new Map<number, number>();
  for (const s of steps) weight.set(s.number, s.cached ? 0 : (s.duration ?? 0));
  const outs = new Map<number, number[]>();
  const indeg = new Map<number, number>();
  for (const s of steps) indeg.set(s.number, 0);
  for (const [a, b] of edges) {
    if (!weight.has(a) || !weight.has(b)) continue;
    let list = outs.get(a);
    if (list === undefined) outs.set(a, (list = []));
    list.push(b);
    indeg.set(b, (indeg.get(b) ?? 0) + 1);
  }
  const best = new Map<number, number>();
  const prev = new Map<number, number>();
  const queue: number[] = [];
  for (const [n, d] of indeg) {
    if (d === 0) {
      queue.push(n);
      best.set(n, weight.get(n)!);
    }
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const n = queue[qi]!;
    for (const m of outs.get(n) ?? []) {
      const cand = best.get(n)! + weight.get(m)!;
      if (cand > (best.get(m) ?? -1)) {
        best.set(m, cand);
        prev.set(m, n);
      }
      const d = indeg.get(m)! - 1;
      indeg.set(m, d);
      if (d === 0) queue.push(m);
    }
  }
  let end: number | undefined;
  for (const [n, v] of best) if (end === undefined || v > best.get(end)!) end = n;
  if (end === undefined) return null;
  const path: number[] = [end];
  for (let p = prev.get(end); p !== undefined; p = prev.get(p)) path.unshift(p);
  return { steps: path, duration: Math.round(best.get(end)! * 1000) / 1000 };
}

export interface TimelineSummary {
  readonly format: BuildRecord['format'];
  readonly totalDuration: number | null;
  readonly steps: readonly {
    readonly number: number;
    readonly name: string;
    readonly duration: number | null;
    readonly cached: boolean;
    readonly status: 'cached' | 'done' | 'error' | 'canceled' | 'unknown';
  }[];
  readonly cache: { readonly cached: number; readonly total: number; readonly ratio: number | null };
  readonly slowest: readonly { readonly number: number; readonly name: string; readonly duration: number }[];
  readonly criticalPath: CriticalPath | null;
  readonly failedStep: number | null;
}

/** The timeline view of a record: per-step status, cache ratio, top-5 slowest, critical path. */
export function summarizeTimeline(record: BuildRecord, slowestCount = 5): TimelineSummary {
  const steps = record.steps.map((s) => ({
    number: s.number,
    name: s.name,
    duration: s.duration,
    cached: s.cached,
    status: statusOf(s),
  }));
  // Cache ratio counts Dockerfile instructions only; internal vertices are always "done".
  const instr = record.steps.filter((s) => s.instruction !== null && !s.instruction.startsWith('FROM'));
  const cached = instr.filter((s) => s.cached).length;
  const slowest = record.steps
    .filter((s): s is Step & { duration: number } => s.duration !== null && !s.cached)
    .sort((a, b) => b.duration - a.duration || a.number - b.number)
    .slice(0, slowestCount)
    .map((s) => ({ number: s.number, name: s.name, duration: s.duration }));
  return {
    format: record.format,
    totalDuration: record.totalDuration,
    steps,
    cache: { cached, total: instr.length, ratio: instr.length === 0 ? null : Math.round((cached / instr.length) * 1000) / 1000 },
    slowest,
    criticalPath: record.criticalPath,
    failedStep: record.failure?.stepNumber ?? null,
  };
}

function statusOf(s: Step): TimelineSummary['steps'][number]['status'] {
  if (s.canceled) return 'canceled';
  if (s.error !== null) return 'error';
  if (s.cached) return 'cached';
  if (s.duration !== null) return 'done';
  return 'unknown';
}

/** A step as JSON output shows it: the record's fields with the retained output reduced to its line count. */
export function stepJson(s: Step) {
  return {
    number: s.number, name: s.name, stage: s.stage, platform: s.platform, index: s.index, total: s.total,
    instruction: s.instruction, start: s.start, end: s.end, duration: s.duration, cached: s.cached,
    canceled: s.canceled, error: s.error, outputLines: s.output.total,
  };
}
