// Proof with real BuildKit (slow suite): for each examples/*/Dockerfile.naive, `stevedore fix
// --write` on a copy gives a Dockerfile that builds, whose image runs the same programs with the
// same output as the naive image; after a source-only change the fixed build's `go mod download`
// step is CACHED while the naive build's is not. Rebuild times: bench/lint-rebuild.bench.ts.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerBuild, dockerRun, removeImages, requireEngine, uniqueTag } from '../../test/engine.ts';
import { fix } from './index.ts';
import { naiveExamples, prepareExample, programsOf, touchSource, type PreparedExample } from '../../bench/lint-examples.ts';

const BUILD_TIMEOUT = 600_000;
const created: string[] = [];
const dirs: string[] = [];

beforeAll(() => {
  requireEngine();
});

afterAll(async () => {
  await removeImages(created);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const examples = naiveExamples();

it('has examples to prove on', () => {
  expect(examples.length).toBeGreaterThan(0);
});

/** The plain-progress step number of the first `go mod download` RUN, and whether it was CACHED. */
function modDownloadStep(log: string): { line: string; cached: boolean } | undefined {
  const m = /^#(\d+) \[[^\]]*\] RUN [^\n]*go mod download$/m.exec(log);
  if (m === null) return undefined;
  const cached = new RegExp(`^#${m[1]!} CACHED$`, 'm').test(log);
  return { line: m[0], cached };
}

describe.each(examples)('example %s', (name) => {
  let ex: PreparedExample;
  const naiveTag = uniqueTag(`${name}-naive`);
  const fixedTag = uniqueTag(`${name}-fixed`);
  created.push(naiveTag, fixedTag);

  beforeAll(async () => {
    ex = await prepareExample(name);
    dirs.push(ex.dir);
  });

  it('fix --write changes the file, the result is stable under a second fix', () => {
    const naive = readFileSync(ex.naive, 'utf8');
    const fixed = readFileSync(ex.fixed, 'utf8');
    expect(fixed).not.toBe(naive);
    expect(fixed).toMatch(/^COPY go\.mod go\.sum\* \.\/$/m);
    expect(fixed).toContain('--mount=type=cache,target=/go/pkg/mod');
    expect(fix(fixed, { file: 'Dockerfile.fixed' }).output).toBe(fixed);
  });

  it('fixed and naive images build and run the same programs with the same output', async () => {
    const nb = await dockerBuild({ context: ex.dir, dockerfile: ex.naive, tag: naiveTag, progress: 'plain', timeoutMs: BUILD_TIMEOUT });
    expect(nb.exitCode, nb.log).toBe(0);
    const fb = await dockerBuild({ context: ex.dir, dockerfile: ex.fixed, tag: fixedTag, progress: 'plain', timeoutMs: BUILD_TIMEOUT });
    expect(fb.exitCode, fb.log).toBe(0);
    const programs = programsOf(ex.naive);
    expect(programs.length).toBeGreaterThan(0);
    for (const program of programs) {
      const a = await dockerRun(naiveTag, [program, '--selftest'], { timeoutMs: 60_000 });
      const b = await dockerRun(fixedTag, [program, '--selftest'], { timeoutMs: 60_000 });
      expect(a.exitCode, a.combined).toBe(0);
      expect(b.exitCode, b.combined).toBe(0);
      expect(a.stdout.trim().length).toBeGreaterThan(0);
      expect(b.stdout).toBe(a.stdout);
    }
  });

  it('after a source-only change the fixed build reuses its go mod download layer; the naive one re-runs it', async () => {
    touchSource(ex.dir);
    const nb = await dockerBuild({ context: ex.dir, dockerfile: ex.naive, tag: naiveTag, progress: 'plain', timeoutMs: BUILD_TIMEOUT });
    expect(nb.exitCode, nb.log).toBe(0);
    const fb = await dockerBuild({ context: ex.dir, dockerfile: ex.fixed, tag: fixedTag, progress: 'plain', timeoutMs: BUILD_TIMEOUT });
    expect(fb.exitCode, fb.log).toBe(0);
    const fixedStep = modDownloadStep(fb.log);
    const naiveStep = modDownloadStep(nb.log);
    expect(fixedStep, fb.log).toBeDefined();
    expect(naiveStep, nb.log).toBeDefined();
    expect(fixedStep!.cached, fb.log).toBe(true);
    expect(naiveStep!.cached, nb.log).toBe(false);
  });
});
