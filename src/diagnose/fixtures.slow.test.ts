/**
 * @module diagnose/fixtures.slow.test
 * Re-runs a few fixture reproductions (scripts/make-log-fixtures.ts) against the real engine
 * started by scripts/engine.sh and checks that today's logs still diagnose to the recorded top-1
 * category and failing step — so the committed fixtures cannot drift from what BuildKit prints.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../../test/engine.ts';
import { CASES, reproduce } from '../../scripts/make-log-fixtures.ts';
import { parseLog } from '../buildlog/index.ts';
import { diagnose } from './index.ts';

const RERUN = ['goproxy-closed-port', 'go-checksum-mismatch', 'copy-source-missing', 'exec-format-error', 'go-version-too-old'];

describe('fixture reproductions against the real engine', () => {
  beforeAll(() => {
    requireEngine();
  });

  it.each(RERUN)('%s', async (name) => {
    const c = CASES.find((x) => x.name === name)!;
    const runs = await reproduce(c, (c.modes ?? ['plain']).filter((m) => m !== 'rawjson'));
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run.exitCode, run.log).not.toBe(0);
      const record = parseLog(run.log);
      expect(diagnose(record)[0]?.category, run.log).toBe(c.expected.category);
      if (c.expected.failingStep !== null && run.mode === 'plain') expect(record.failure?.step).toBe(c.expected.failingStep);
    }
  });
});
