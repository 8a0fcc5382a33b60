/**
 * @module cachekey/testing/harness
 * The prediction harness (slow suites): copy an example into a temp git repo, build it with real
 * BuildKit (state A), apply one scripted change, predict with `explain`, rebuild (state B), read
 * CACHED/executed per step from the plain log, and compare step by step. Disagreements must be
 * listed in the scenario's expected-deviation table, each with the BuildKit quirk behind it; the
 * comparison itself is never loosened.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildctlBuild, docker, dockerBuild, type BuildResult } from '../../../test/engine.ts';
import { saveContextSnapshot } from '../context/snapshot.ts';
import { readFsContext } from '../context/fs.ts';
import { explain, type ExplainReport } from '../explain.ts';
import { parsePlainLog } from './plain-log.ts';

export interface Deviation {
  /** `stage index`, e.g. `base 5`. */
  readonly step: string;
  readonly predicted: string;
  readonly actual: string;
  /** The known BuildKit behaviour that explains it. */
  readonly why: string;
}

export interface Scenario {
  readonly name: string;
  /** Fixture directory (absolute). */
  readonly example: string;
  /** Runs before state A is committed and built (e.g. to pin an mtime); gets the run nonce. */
  readonly prepare?: (dir: string, nonce: string) => Promise<void> | void;
  /** Runs in the repo after state A was committed and built; `nonce` makes new content unique per run. */
  readonly change: (dir: string, nonce: string) => Promise<void> | void;
  readonly buildArgsA?: Readonly<Record<string, string>>;
  readonly buildArgsB?: Readonly<Record<string, string>>;
  readonly targetA?: string;
  readonly targetB?: string;
  /** Compare A as a saved snapshot (mtimes kept) instead of the git commit. */
  readonly viaSnapshot?: boolean;
  /** Image refs the example's FROM lines name; their ids are resolved per side (see runScenario). */
  readonly baseImages?: readonly string[];
  /** Image digests per side, for base-image scenarios. */
  readonly images?: () => Promise<{ from: Record<string, string>; to: Record<string, string> }> | { from: Record<string, string>; to: Record<string, string> };
  /** How each `maybe` step resolves in this scenario: `stage index` → outcome. */
  readonly maybe?: Readonly<Record<string, 'cached' | 'executed'>>;
  readonly deviations?: readonly Deviation[];
  /** Expected warnings kinds. */
  readonly warnings?: readonly string[];
}

export interface ScenarioResult {
  readonly report: ExplainReport;
  readonly rows: readonly { step: string; instruction: string; predicted: string; expected: string; actual: string }[];
  readonly mismatches: readonly Deviation[];
  readonly unresolvedMaybe: readonly string[];
  /** State B's build log, for failure messages. */
  readonly logB: string;
}

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };

async function resolveImages(refs: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const ref of refs) {
    const r = await docker(['image', 'inspect', '--format', '{{.Id}}', ref], { timeoutMs: 30_000 });
    if (r.exitCode !== 0) throw new Error(`image ${ref} is missing: ${r.stderr}`);
    out[ref] = r.stdout.trim();
  }
  return out;
}

/** `{nonce}` in a build-arg value becomes the run nonce (values seen in earlier runs could hit old records). */
function withNonce(args: Readonly<Record<string, string>> | undefined, nonce: string): Record<string, string> | undefined {
  return args === undefined ? undefined : Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v.replaceAll('{nonce}', nonce)]));
}

/**
 * Which BuildKit builds the states: Docker 20.10's embedded v0.8 through `/usr/bin/docker build`,
 * or the standalone buildkitd (v0.29) through `buildctl build --frontend dockerfile.v0`.
 */
export type HarnessEngine = 'docker-20.10' | 'buildkitd';

interface BuildSide {
  readonly buildArgs?: Readonly<Record<string, string>> | undefined;
  readonly target?: string | undefined;
}

function build(engine: HarnessEngine, dir: string, side: BuildSide, timeoutMs: number): Promise<BuildResult> {
  const extra = { ...(side.buildArgs ? { buildArgs: side.buildArgs } : {}), ...(side.target === undefined ? {} : { target: side.target }) };
  return engine === 'buildkitd' ? buildctlBuild({ context: dir, progress: 'plain', timeoutMs, ...extra }) : dockerBuild({ context: dir, progress: 'plain', timeoutMs, ...extra });
}

export async function runScenario(scenario: Scenario, nonce: string, timeoutMs: number, engine: HarnessEngine = 'docker-20.10'): Promise<ScenarioResult> {
  const argsA = withNonce(scenario.buildArgsA, nonce);
  const argsB = withNonce(scenario.buildArgsB, nonce);
  const s: Scenario = { ...scenario, ...(argsA ? { buildArgsA: argsA } : {}), ...(argsB ? { buildArgsB: argsB } : {}) };
  const dir = await mkdtemp(join(tmpdir(), 'stevedore-harness-'));
  try {
    await cp(s.example, dir, { recursive: true });
    const git = (...args: string[]): void => {
      execFileSync('git', args, { cwd: dir, env: GIT_ENV, stdio: 'ignore' });
    };
    await s.prepare?.(dir, nonce);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'A');
    // Resolve the base images' ids around each build: another process may re-import a base image
    // between A and B (the engine is shared), and explain must then see BASE_IMAGE_CHANGED.
    // buildkitd resolves FROM through the loopback registry, not the Docker image store: the
    // registry copy is pushed once by engine.sh, so one stable name per ref stands for it.
    const idsOf = (refs: readonly string[]): Promise<Record<string, string>> =>
      engine === 'buildkitd' ? Promise.resolve(Object.fromEntries(refs.map((r) => [r, `registry:${r}`]))) : resolveImages(refs);
    const idsA = await idsOf(s.baseImages ?? []);
    const a = await build(engine, dir, { buildArgs: s.buildArgsA, target: s.targetA }, timeoutMs);
    if (a.exitCode !== 0) throw new Error(`build A failed (${s.name}):\n${a.log.slice(-3000)}`);
    const snapFile = `${dir}.snapshot.json`;
    if (s.viaSnapshot === true) await saveContextSnapshot(await readFsContext(dir, { dockerfile: 'Dockerfile' }), 'Dockerfile', snapFile);
    const given = s.images === undefined ? undefined : await s.images();
    await s.change(dir, nonce);
    const idsB = await idsOf(s.baseImages ?? []);
    const images = { from: { ...idsA, ...given?.from }, to: { ...idsB, ...given?.to } };
    const report = await explain({
      contextDir: dir,
      dockerfile: 'Dockerfile',
      from: s.viaSnapshot === true ? { kind: 'snapshot', file: snapFile } : { kind: 'git', rev: 'HEAD' },
      to: { kind: 'worktree' },
      // Docker 20.10 embeds BuildKit v0.8: cache-mount ids of that era (reference section 8).
      legacyCacheMountKeys: engine === 'docker-20.10',
      ...(s.buildArgsA ? { buildArgsFrom: s.buildArgsA } : {}),
      ...(s.buildArgsB ? { buildArgsTo: s.buildArgsB } : {}),
      ...(s.targetA ? { targetFrom: s.targetA } : {}),
      ...(s.targetB ? { targetTo: s.targetB } : {}),
      imageDigestsFrom: images.from,
      imageDigestsTo: images.to,
    });
    const b = await build(engine, dir, { buildArgs: s.buildArgsB, target: s.targetB }, timeoutMs);
    if (b.exitCode !== 0) throw new Error(`build B failed (${s.name}):\n${b.log.slice(-3000)}`);
    const outcomes = parsePlainLog(b.log, 'stage-0');
    const rows = [];
    const mismatches: Deviation[] = [];
    const unresolvedMaybe: string[] = [];
    for (const step of report.steps) {
      // FROM lines report image resolution (DONE / CACHED by pull state), not a cache key.
      if (step.instruction.startsWith('FROM ')) continue;
      const key = `${step.stage} ${step.index}`;
      const got = outcomes.find((o) => o.stage === step.stage && o.index === step.index);
      const actual = got?.outcome ?? 'absent';
      let expected: string = step.verdict === 'cached' ? 'cached' : 'executed';
      if (step.verdict === 'maybe') {
        const m = s.maybe?.[key];
        if (m === undefined) unresolvedMaybe.push(key);
        expected = m ?? 'either';
      }
      rows.push({ step: key, instruction: step.instruction, predicted: step.verdict, expected, actual });
      if (expected !== 'either' && expected !== actual) mismatches.push({ step: key, predicted: step.verdict, actual, why: '' });
    }
    for (const o of outcomes) {
      if (o.index === 1 && o.name.startsWith('FROM ')) continue;
      if (!report.steps.some((st) => st.stage === o.stage && st.index === o.index)) mismatches.push({ step: `${o.stage} ${o.index}`, predicted: 'absent', actual: o.outcome, why: '' });
    }
    await rm(snapFile, { force: true });
    return { report, rows, mismatches, unresolvedMaybe, logB: b.log };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
