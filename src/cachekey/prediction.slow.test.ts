/**
 * @module cachekey/prediction.slow.test
 * Proof against real BuildKit (Docker 20.10's embedded v0.8): every scenario of
 * `testing/scenarios.ts` builds state A, applies its change, predicts with `explain`, rebuilds
 * and compares per step. A disagreement fails unless the scenario's deviation table lists it
 * with the BuildKit quirk behind it. `maybe` steps must resolve as the scenario says.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../../test/engine.ts';
import { runScenario, type Scenario } from './testing/harness.ts';
import { scenarios } from './testing/scenarios.ts';

// A fresh nonce per run: the engine's cache outlives test runs, and a state B seen in an
// earlier run would otherwise be CACHED. Outcomes do not depend on its value.
const nonce = randomUUID().slice(0, 12);
const baseTagName = `stevedore-cachekey-base:${nonce}`;
const ids: { fromId: string; toId: string } = { fromId: '', toId: '' };
const imageId = (ref: string): string => execFileSync('/usr/bin/docker', ['image', 'inspect', '--format', '{{.Id}}', ref]).toString().trim();

const table: Scenario[] = scenarios(() => ({ tag: baseTagName, ...ids })).map((s) =>
  s.buildArgsA?.BASE === 'PLACEHOLDER' ? { ...s, buildArgsA: { BASE: baseTagName }, buildArgsB: { BASE: baseTagName } } : s,
);

beforeAll(() => {
  requireEngine();
  ids.fromId = imageId('alpine:3.20');
  ids.toId = imageId('busybox:latest');
  execFileSync('/usr/bin/docker', ['tag', ids.fromId, baseTagName]);
});
const tally = { scenarios: 0, steps: 0, deviations: 0, maybe: 0 };
afterAll(() => {
  execFileSync('/usr/bin/docker', ['rmi', baseTagName], { stdio: 'ignore' });
  // A figure for the report, not an assertion.
  console.log(`cachekey harness: ${tally.scenarios} scenarios, ${tally.steps} steps compared, ${tally.maybe} maybe resolved, ${tally.deviations} listed deviations`);
});

describe('explain predicts real BuildKit (Docker 20.10)', () => {
  it('has at least 30 scenarios', () => {
    expect(table.length).toBeGreaterThanOrEqual(30);
  });
  it.each(table.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const r = await runScenario(s, nonce, 300_000);
    tally.scenarios++;
    tally.steps += r.rows.length;
    tally.maybe += r.rows.filter((row) => row.predicted === 'maybe').length;
    tally.deviations += r.mismatches.length;
    const detail = JSON.stringify(r.rows, null, 1);
    expect(r.unresolvedMaybe, `maybe steps need an expected outcome\n${detail}`).toEqual([]);
    expect(r.mismatches.map((m) => ({ ...m, why: '' })), detail).toEqual((s.deviations ?? []).map((d) => ({ ...d, why: '' })));
    expect(r.report.warnings.map((w) => w.kind).filter((k) => k !== 'NO_MTIMES')).toEqual(s.warnings ?? []);
  });
});
