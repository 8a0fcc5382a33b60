/**
 * @module buildlog/golden.test
 * Golden corpus: every __fixtures__/golden/<case>/input.log parses to its expected.json (the
 * timeline view plus failure). Regenerate after an intended change with
 * `UPDATE_GOLDENS=1 npx vitest run src/buildlog/golden.test.ts` and review the diff.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLog, stepJson, summarizeTimeline, type BuildRecord } from './index.ts';

const DIR = join(import.meta.dirname, '__fixtures__/golden');
const UPDATE = process.env.UPDATE_GOLDENS === '1';
const cases = readdirSync(DIR).filter((n) => existsSync(join(DIR, n, 'input.log'))).sort();

/** The golden view: no volatile parts, bounded output reduced to line counts and last lines. */
export function goldenView(r: BuildRecord): unknown {
  return {
    format: r.format,
    wrapper: r.wrapper,
    lines: r.lines,
    totalDuration: r.totalDuration,
    steps: r.steps.map((s) => ({
      ...stepJson(s),
      lastLines: s.output.tail.slice(-2).map((l) => l.text),
      ...(s.inputs === undefined ? {} : { inputs: s.inputs.length }),
    })),
    failure: r.failure,
    edges: r.edges,
    timeline: summarizeTimeline(r),
  };
}

describe('golden build logs', () => {
  it('has a corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('%s', (name) => {
    const record = parseLog(readFileSync(join(DIR, name, 'input.log'), 'utf8'));
    const actual = goldenView(record);
    const file = join(DIR, name, 'expected.json');
    if (UPDATE || !existsSync(file)) writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
