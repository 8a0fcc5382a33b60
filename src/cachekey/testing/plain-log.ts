/**
 * @module cachekey/testing/plain-log
 * Test helper: the per-step outcome of a BuildKit `--progress=plain` log, reduced to what the
 * prediction harness compares: `[stage i/n]` → CACHED or executed. Handles Docker 20.10's
 * format (`#N sha256:...` after the name) and current BuildKit's; `[internal]` vertices are
 * skipped. A single-stage build prints `[i/n]` without a stage label: `defaultStage` names it.
 */

export interface StepOutcome {
  readonly stage: string;
  readonly index: number;
  readonly total: number;
  readonly name: string;
  readonly outcome: 'cached' | 'executed' | 'error' | 'unknown';
}

// Current BuildKit pads the index to the width of the total (`[base  1/10]`).
const HEADER = /^#(\d+) \[(?:(\S+) +)? *(\d+)\/(\d+)\] (.*)$/;

export function parsePlainLog(log: string, defaultStage = 'stage-0'): StepOutcome[] {
  const byVertex = new Map<string, { stage: string; index: number; total: number; name: string; cached: boolean; done: boolean; error: boolean }>();
  for (const line of log.split(/\r?\n/)) {
    const h = HEADER.exec(line);
    if (h !== null) {
      const [, id = '', stage, index = '0', total = '0', name = ''] = h;
      if (!byVertex.has(id)) byVertex.set(id, { stage: stage ?? defaultStage, index: Number(index), total: Number(total), name, cached: false, done: false, error: false });
      continue;
    }
    const m = /^#(\d+) (CACHED|DONE|ERROR)\b/.exec(line);
    if (m === null) continue;
    const v = byVertex.get(m[1] ?? '');
    if (v === undefined) continue;
    if (m[2] === 'CACHED') v.cached = true;
    else if (m[2] === 'DONE') v.done = true;
    else v.error = true;
  }
  return [...byVertex.values()]
    .map((v) => ({ stage: v.stage, index: v.index, total: v.total, name: v.name, outcome: v.error ? ('error' as const) : v.cached ? ('cached' as const) : v.done ? ('executed' as const) : ('unknown' as const) }))
    .sort((a, b) => (a.stage === b.stage ? a.index - b.index : a.stage < b.stage ? -1 : 1));
}
