/**
 * @module cachekey/prediction-buildkitd.slow.test
 * The prediction harness against a current standalone BuildKit (buildkitd v0.29 via `buildctl
 * build --frontend dockerfile.v0 --progress=plain`), next to prediction.slow.test.ts (Docker
 * 20.10's embedded v0.8). Same scenarios, predictions made with the matching flavour (current
 * cache-mount-id semantics, no --legacy-buildkit). Every disagreement must be listed in
 * BUILDKITD_DEVIATIONS below with the BuildKit behaviour behind it; the comparison is not loosened.
 *
 * Needs `engine.sh buildkit` (BUILDKIT_HOST). Without it: skipped locally, FAILS when CI is set.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildctlAvailable, requireBuildctl } from '../../test/engine.ts';
import { runScenario, type Deviation, type Scenario } from './testing/harness.ts';
import { scenarios } from './testing/scenarios.ts';
import { buildkitdOnlyScenarios } from './testing/scenarios-buildkitd.ts';

const nonce = randomUUID().slice(0, 12);

/**
 * Scenarios that cannot run against buildkitd here, with the reason (they are not counted as
 * agreement): buildkitd resolves FROM through the loopback registry, not Docker's image store, so
 * re-tagging a local image (`docker tag`) does not reach it.
 */
const NOT_RUN: Readonly<Record<string, string>> = {
  'change the base image (re-tag a local image)': 'docker tag does not reach buildkitd (FROM resolves via the loopback registry)',
};

/**
 * Expected deviations on buildkitd v0.29, per scenario. Each entry is a known BuildKit quirk;
 * scenarios whose 20.10 deviations (scenario.deviations) do not occur on v0.29 are overridden here.
 */
const BUILDKITD_DEVIATIONS: Readonly<Record<string, readonly Deviation[]>> = {};

const table: Scenario[] = [...scenarios(() => ({ tag: 'unused', fromId: '', toId: '' })), ...buildkitdOnlyScenarios()]
  .filter((s) => NOT_RUN[s.name] === undefined)
  .map((s) => (s.name in BUILDKITD_DEVIATIONS ? { ...s, deviations: BUILDKITD_DEVIATIONS[s.name] ?? [] } : s));

const available = buildctlAvailable();
if (!available && process.env.CI !== undefined && process.env.CI !== '') {
  // In CI a missing buildkitd is a setup error, not a reason to pass: fail loudly.
  describe('explain predicts buildkitd v0.29', () => {
    it('needs a standalone buildkitd', () => {
      expect.fail('BUILDKIT_HOST is unset: run `bash scripts/engine.sh buildkit && source .engine/env` before the slow suite (CI is set, so this is not skipped)');
    });
  });
}

const tally = { scenarios: 0, steps: 0, deviations: 0, maybe: 0 };

describe.skipIf(!available)('explain predicts real BuildKit (standalone buildkitd v0.29)', () => {
  it('has at least 30 scenarios', () => {
    requireBuildctl();
    expect(table.length).toBeGreaterThanOrEqual(30);
  });
  it.each(table.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const r = await runScenario(s, nonce, 300_000, 'buildkitd');
    tally.scenarios++;
    tally.steps += r.rows.length;
    tally.maybe += r.rows.filter((row) => row.predicted === 'maybe').length;
    tally.deviations += r.mismatches.length;
    const detail = JSON.stringify(r.rows, null, 1);
    expect(r.unresolvedMaybe, `maybe steps need an expected outcome\n${detail}`).toEqual([]);
    expect(r.mismatches.map((m) => ({ ...m, why: '' })), detail).toEqual((s.deviations ?? []).map((d) => ({ ...d, why: '' })));
    expect(r.report.warnings.map((w) => w.kind).filter((k) => k !== 'NO_MTIMES')).toEqual(s.warnings ?? []);
  });
  it('reports the tally', () => {
    // A figure for the report, not an assertion on its value.
    console.log(`cachekey harness (buildkitd): ${tally.scenarios} scenarios, ${tally.steps} steps compared, ${tally.maybe} maybe resolved, ${tally.deviations} listed deviations`);
    expect(tally.scenarios).toBe(table.length);
  });
});
