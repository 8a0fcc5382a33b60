/**
 * @module diagnose/dag.test
 * A real rawjson log of a multi-stage build (examples/greeter built by buildctl against the
 * standalone buildkitd v0.29, `--progress=rawjson --no-cache`; fixture in __fixtures__/dag/)
 * carries vertex digests and inputs: the parsed record must hold the DAG edges (the two stages
 * joining at `COPY --from=builder`) and the critical path, checked here against a longest-path
 * computation of its own over those edges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../buildlog/index.ts';
import type { BuildRecord } from '../buildlog/index.ts';

const LOG = join(import.meta.dirname, '__fixtures__/dag/greeter.rawjson.log');
const record: BuildRecord = parseLog(readFileSync(LOG, 'utf8'));

function stepNamed(prefix: string): number {
  const s = record.steps.find((st) => st.name.startsWith(prefix));
  if (s === undefined) throw new Error(`fixture has no step ${prefix}`);
  return s.number;
}

/** Longest (by duration) path ending anywhere, by dynamic programming in topological order. */
function longestPath(edges: readonly (readonly [number, number])[]): number {
  const dur = new Map(record.steps.map((s) => [s.number, s.duration ?? 0]));
  const best = new Map<number, number>();
  const preds = new Map<number, number[]>();
  for (const [a, b] of edges) preds.set(b, [...(preds.get(b) ?? []), a]);
  const visit = (n: number, depth: number): number => {
    if (depth > record.steps.length) throw new Error('cycle in edges');
    const known = best.get(n);
    if (known !== undefined) return known;
    const v = (dur.get(n) ?? 0) + Math.max(0, ...(preds.get(n) ?? []).map((p) => visit(p, depth + 1)));
    best.set(n, v);
    return v;
  };
  return Math.max(...record.steps.map((s) => visit(s.number, 0)));
}

describe('rawjson DAG of a real multi-stage build (buildkitd v0.29)', () => {
  it('parses as a successful rawjson build', () => {
    expect(record.format).toBe('rawjson');
    expect(record.failure).toBeNull();
    expect(record.steps.length).toBeGreaterThanOrEqual(10);
  });

  it('holds edges between existing steps, without cycles', () => {
    const edges = record.edges ?? [];
    expect(edges.length).toBeGreaterThanOrEqual(record.steps.length - 5);
    const numbers = new Set(record.steps.map((s) => s.number));
    for (const [a, b] of edges) {
      expect(numbers.has(a) && numbers.has(b) && a !== b).toBe(true);
    }
    expect(() => longestPath(edges)).not.toThrow();
  });

  it('joins the builder stage and the final image at COPY --from=builder', () => {
    const copy = stepNamed('[stage-1 2/2] COPY --from=builder');
    const into = (record.edges ?? []).filter(([, b]) => b === copy).map(([a]) => a).sort((x, y) => x - y);
    expect(into).toEqual([stepNamed('[stage-1 1/2] FROM gcr.io/distroless'), stepNamed('[builder 6/6] RUN')].sort((x, y) => x - y));
    // The builder chain is linked in order: go build ← COPY . . ← go mod download.
    expect(record.edges).toContainEqual([stepNamed('[builder 5/6] COPY . .'), stepNamed('[builder 6/6] RUN')]);
    expect(record.edges).toContainEqual([stepNamed('[builder 4/6] RUN'), stepNamed('[builder 5/6] COPY . .')]);
  });

  it('has a critical path along the edges, through go build, as long as the longest path', () => {
    const cp = record.criticalPath;
    expect(cp).not.toBeNull();
    const steps = cp?.steps ?? [];
    for (let i = 1; i < steps.length; i++) expect(record.edges).toContainEqual([steps[i - 1], steps[i]]);
    expect(steps).toContain(stepNamed('[builder 6/6] RUN'));
    expect(steps.at(-1)).toBe(stepNamed('[stage-1 2/2] COPY --from=builder'));
    const sum = steps.reduce((acc, n) => acc + (record.steps.find((s) => s.number === n)?.duration ?? 0), 0);
    expect(cp?.duration).toBeCloseTo(sum, 2);
    expect(cp?.duration).toBeCloseTo(longestPath(record.edges ?? []), 2);
  });
});
