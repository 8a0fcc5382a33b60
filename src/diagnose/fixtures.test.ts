/**
 * @module diagnose/fixtures.test
 * Table test over the real fixtures (src/diagnose/__fixtures__/real/<case>/, reproduced by
 * scripts/make-log-fixtures.ts against a real engine): every log of every case must parse and
 * yield the expected top-1 category and failing step recorded in its meta.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../buildlog/index.ts';
import { diagnose } from './index.ts';

const DIR = join(import.meta.dirname, '__fixtures__/real');

interface Meta {
  readonly case: string;
  readonly source?: string;
  readonly url?: string;
  readonly expected: { readonly category: string | null; readonly failingStep: string | null };
  /** Where current BuildKit (buildctl logs) names a different failing vertex than 20.10. */
  readonly expectedBuildkitd?: { readonly failingStep: string | null };
  readonly produced: readonly { readonly file: string }[];
}

function load(dir: string): { name: string; file: string; expected: Meta['expected']; meta: Meta }[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const meta = JSON.parse(readFileSync(join(dir, name, 'meta.json'), 'utf8')) as Meta;
      return meta.produced.map((p) => ({ name, file: p.file, expected: meta.expected, meta }));
    });
}

const rows = load(DIR);

/** `[build 4/6] RUN x` and the classic builder's `[4/6] RUN x` name the same instruction. */
function instructionOf(step: string): string {
  const close = step.indexOf('] ');
  return close === -1 ? step : step.slice(close + 2);
}

/** Logs made by buildctl against the standalone buildkitd (scripts/make-log-fixtures.ts). */
const NEW_FRONTEND_FILES = new Set(['rawjson.log', 'plain-buildkit-0.29.log']);

/** `[build 4/6] RUN x` → `[4/6] RUN x`: the step position and instruction, not the stage label. */
function withoutStage(step: string): string {
  return step.replace(/^\[[^\]\s]+ (\d+\/\d+)\]/, '[$1]');
}

describe('real fixtures', () => {
  it('has fixtures to test', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
  });

  it.each(rows)('$name/$file → $expected.category', ({ name, file, expected, meta }) => {
    const record = parseLog(readFileSync(join(DIR, name, file), 'utf8'));
    const diagnoses = diagnose(record);
    expect(diagnoses[0]?.category).toBe(expected.category);
    expect(record.failure).not.toBeNull();
    if (expected.failingStep !== null) {
      const step = record.failure?.step ?? '';
      if (file === 'classic.log') expect(instructionOf(step)).toBe(instructionOf(expected.failingStep));
      // buildkitd's frontend names the stage (`[build 4/6] RUN x`); 20.10's wrote `[4/6] RUN x`.
      else if (NEW_FRONTEND_FILES.has(file)) expect(withoutStage(step)).toBe(withoutStage(meta.expectedBuildkitd?.failingStep ?? expected.failingStep));
      else expect(step).toBe(expected.failingStep);
    }
  });
});

// The public logs (source: url) are checked, with accuracy figures and a known-miss table, by
// public-corpus.test.ts.
