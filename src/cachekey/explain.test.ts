/**
 * @module cachekey/explain.test
 * explain and plan end to end on a temp git repository built from `__fixtures__/goapp`: the
 * real parser and model, git revisions read with ls-tree/cat-file, the working tree via fs, the
 * CLI commands' JSON and text output.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainCommand } from '../cli/commands/explain.ts';
import { planCommand } from '../cli/commands/plan.ts';
import type { Io } from '../util/args.ts';
import { explain, type ExplainReport } from './explain.ts';

let repo: string;
const git = (...args: string[]): string =>
  execFileSync('git', args, {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
  }).toString();
const commit = (msg: string): string => {
  git('add', '-A');
  git('commit', '-qm', msg);
  return git('rev-parse', 'HEAD').trim();
};

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'stevedore-explain-'));
  await cp(new URL('./__fixtures__/goapp', import.meta.url).pathname, repo, { recursive: true });
  git('init', '-q');
  commit('a');
});
afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

const summary = (r: ExplainReport): string[] => r.steps.map((s) => `${s.stage} ${s.index} ${s.verdict} ${s.reason.kind}${s.rebuiltBecause ? ` <- ${s.rebuiltBecause.index}` : ''}`);
const run = (from: string, extra: Partial<Parameters<typeof explain>[0]> = {}): Promise<ExplainReport> =>
  explain({ contextDir: repo, dockerfile: 'Dockerfile', from: { kind: 'git', rev: from }, to: { kind: 'worktree' }, ...extra });

function captureIo(): { io: Io; out: () => string } {
  let out = '';
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, stdin: process.stdin, cwd: repo, env: {} },
    out: () => out,
  };
}

describe('explain', () => {
  it('an unchanged tree is fully cached', async () => {
    expect(summary(await run('HEAD'))).toEqual([
      'build 1 cached CACHED',
      'build 2 cached CACHED',
      'build 3 cached CACHED',
      'build 4 cached CACHED',
      'build 5 cached CACHED',
      'build 6 cached CACHED',
      'final 1 cached CACHED',
      'final 2 cached CACHED',
    ]);
  });

  it('a source edit rebuilds COPY . . and go build; COPY --from becomes maybe', async () => {
    await writeFile(join(repo, 'main.go'), 'package main\n\nfunc main() {}\n');
    const r = await run('HEAD');
    expect(summary(r)).toEqual([
      'build 1 cached CACHED',
      'build 2 cached CACHED',
      'build 3 cached CACHED',
      'build 4 cached CACHED',
      'build 5 rebuilt CONTENT_CHANGED',
      'build 6 rebuilt PARENT_REBUILT <- 5',
      'final 1 cached CACHED',
      'final 2 maybe MAYBE_CONTENT_HIT <- 5',
    ]);
    const { renderText } = await import('./render.ts');
    expect(renderText(r)).toContain('a Go binary changes with its sources: expect a rebuild');
    const copyAll = r.steps[4];
    expect(copyAll?.reason).toEqual({ kind: 'CONTENT_CHANGED', files: [{ path: 'main.go', change: 'modified' }], missing: [] });
  });

  it('ignored files change nothing; git revisions compare like the worktree', async () => {
    await writeFile(join(repo, 'NOTES.md'), 'hello');
    expect((await run('HEAD')).steps.every((s) => s.verdict === 'cached')).toBe(true);
    await writeFile(join(repo, 'go.sum'), 'example.com/x v1.0.0 h1:abc=\n');
    const b = commit('b');
    const r = await explain({ contextDir: repo, dockerfile: 'Dockerfile', from: { kind: 'git', rev: 'HEAD~1' }, to: { kind: 'git', rev: b } });
    expect(summary(r).slice(2, 6)).toEqual(['build 3 rebuilt CONTENT_CHANGED', 'build 4 rebuilt PARENT_REBUILT <- 3', 'build 5 rebuilt PARENT_REBUILT <- 3', 'build 6 rebuilt PARENT_REBUILT <- 3']);
  });

  it('a used build arg changes the RUN after its ARG; an undeclared one changes nothing', async () => {
    const r = await run('HEAD', { buildArgsTo: { VERSION: '1.2.3' } });
    expect(summary(r).slice(4)).toEqual(['build 5 cached CACHED', 'build 6 rebuilt OP_CHANGED', 'final 1 cached CACHED', 'final 2 maybe MAYBE_CONTENT_HIT <- 6']);
    expect(r.steps[5]?.reason).toMatchObject({ kind: 'OP_CHANGED', changes: [{ field: 'env.VERSION', before: 'dev', after: '1.2.3', via: 'ARG' }] });
    const unused = await run('HEAD', { buildArgsTo: { UNUSED: 'x' } });
    expect(unused.steps.every((s) => s.verdict === 'cached')).toBe(true);
  });

  it('--target changes reachability: the final stage disappears', async () => {
    const r = await run('HEAD', { target: 'build' });
    expect(r.steps.map((s) => s.stage)).not.toContain('final');
  });

  it('advises when COPY . . precedes go mod download', async () => {
    const df = (await readFile(join(repo, 'Dockerfile'), 'utf8')).replace('COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\n', 'COPY . .\nRUN go mod download\n');
    await writeFile(join(repo, 'Dockerfile'), df);
    commit('bad order');
    await writeFile(join(repo, 'main.go'), 'package main\n\nfunc main() { println(1) }\n');
    const c = captureIo();
    expect(await explainCommand.run(['--from', 'HEAD'], c.io)).toBe(0);
    expect(c.out()).toContain('2 of 3 rebuilt steps re-run only because `COPY . .` (line 4) precedes `go mod download` (line 5)');
    expect(c.out()).toContain('stevedore fix');
  });

  it('advises moving an ARG that changed but is not used by the RUN it invalidates', async () => {
    const df = (await readFile(join(repo, 'Dockerfile'), 'utf8')).replace('ARG VERSION=dev\n', 'ARG VERSION=dev\nARG FLAVOR=plain\n');
    await writeFile(join(repo, 'Dockerfile'), df);
    commit('flavor');
    const c = captureIo();
    expect(await explainCommand.run(['--from', 'HEAD', '--to-build-arg', 'FLAVOR=hot'], c.io)).toBe(0);
    expect(c.out()).toContain('build arg FLAVOR changed and `RUN go build');
    expect(c.out()).toContain('declare `ARG FLAVOR` right before the RUN that needs it');
  });

  it('advises about a new ENV that the RUN after it does not use', async () => {
    const df = (await readFile(join(repo, 'Dockerfile'), 'utf8')).replace('RUN go mod download\n', 'ENV TZ=UTC\nRUN go mod download\n');
    await writeFile(join(repo, 'Dockerfile'), df);
    const r = await run('HEAD');
    expect(r.steps[3]?.reason).toMatchObject({ kind: 'OP_CHANGED', changes: [{ field: 'env.TZ', before: null, after: 'UTC', via: 'ENV' }] });
    const c = captureIo();
    await explainCommand.run(['--from', 'HEAD'], c.io);
    expect(c.out()).toContain('ENV TZ is new');
  });

  it('prints the JSON shape', async () => {
    await writeFile(join(repo, 'main.go'), 'package main\n');
    const c = captureIo();
    expect(await explainCommand.run(['--from', 'HEAD', '--worktree', '--format', 'json'], c.io)).toBe(0);
    const json = JSON.parse(c.out()) as { steps: Record<string, unknown>[]; warnings: unknown[] };
    expect(json.steps[4]).toEqual({
      stage: 'build', index: 5, line: 6, instruction: 'COPY . .', verdict: 'rebuilt',
      reason: { kind: 'CONTENT_CHANGED', files: [{ path: 'main.go', change: 'modified' }], missing: [] },
    });
    expect(json.steps[5]).toMatchObject({ verdict: 'rebuilt', reason: { kind: 'PARENT_REBUILT' }, rebuiltBecause: { index: 5, line: 6 } });
    expect(json.warnings).toEqual([{ kind: 'NO_MTIMES', message: expect.any(String) as unknown }]);
  });

  it('warns about mtime-only changes and same-size same-mtime edits with a snapshot', async () => {
    const snapFile = join(repo, '..', `${repo.split('/').pop() ?? ''}.snap.json`);
    try {
      const { utimes } = await import('node:fs/promises');
      // Whole seconds, so the restored mtime is bit-identical (as `touch -d @N` or a tar extract).
      await utimes(join(repo, 'main.go'), 2_000_000, 2_000_000);
      const c = captureIo();
      expect(await explainCommand.run(['--save-snapshot', snapFile], c.io)).toBe(0);
      await utimes(join(repo, 'go.mod'), 1_000_000, 1_000_000);
      await writeFile(join(repo, 'main.go'), (await readFile(join(repo, 'main.go'), 'utf8')).replace('dev', 'DEV'));
      await utimes(join(repo, 'main.go'), 2_000_000, 2_000_000);
      const r = await explain({ contextDir: repo, dockerfile: 'Dockerfile', from: { kind: 'snapshot', file: snapFile }, to: { kind: 'worktree' } });
      expect(r.warnings.map((w) => [w.kind, 'files' in w ? w.files : []])).toEqual([
        ['STALE_RISK', ['main.go']],
        ['TRANSFER_ONLY', ['go.mod']],
      ]);
      expect(r.steps[2]?.verdict).toBe('cached');
    } finally {
      await rm(snapFile, { force: true });
    }
  });

  it('rejects a missing --from and a bad revision', async () => {
    const c = captureIo();
    await expect(explainCommand.run([], c.io)).rejects.toMatchObject({ code: 'CLI_USAGE' });
    await expect(explainCommand.run(['--from', 'no-such-rev'], c.io)).rejects.toMatchObject({ code: 'CACHEKEY_GIT_FAILED' });
    await expect(explainCommand.run(['--from', 'HEAD', '--dockerfile', '/etc/hostname'], c.io)).rejects.toMatchObject({ code: 'CLI_USAGE' });
    await expect(explainCommand.run(['--from', 'HEAD', '--dockerfile', 'Nope.Dockerfile'], c.io)).rejects.toMatchObject({ code: 'CACHEKEY_DOCKERFILE_MISSING' });
    await expect(explainCommand.run(['--from', 'snapshot:/nonexistent.json'], c.io)).rejects.toMatchObject({ code: 'CACHEKEY_SNAPSHOT_INVALID' });
    await writeFile(join(repo, '.dockerignore'), '[unterminated\n');
    await expect(explainCommand.run(['--from', 'HEAD'], c.io)).rejects.toMatchObject({ code: 'CACHEKEY_IGNORE_BAD_PATTERN' });
  });
});

describe('plan', () => {
  it('lists the files and build args each step depends on', async () => {
    const c = captureIo();
    expect(await planCommand.run(['--format', 'json'], c.io)).toBe(0);
    const steps = (JSON.parse(c.out()) as { steps: { index: number; stage: string; files: string[]; ownFiles: string[]; buildArgs: string[]; stages: string[] }[] }).steps;
    const download = steps.find((s) => s.stage === 'build' && s.index === 4);
    expect(download?.files).toEqual(['go.mod', 'go.sum']);
    const build = steps.find((s) => s.stage === 'build' && s.index === 6);
    expect(build?.files).toEqual(['.dockerignore', 'Dockerfile', 'go.mod', 'go.sum', 'main.go']);
    expect(build?.buildArgs).toEqual(['VERSION']);
    expect(steps.find((s) => s.stage === 'final' && s.index === 2)?.stages).toEqual(['build']);
    const t = captureIo();
    await planCommand.run([], t.io);
    expect(t.out()).toContain('step build 4 (line 5: `RUN go mod download`) depends on go.mod, go.sum');
    expect(t.out()).toContain('step build 6 (line 8: `RUN go build -ldflags "-X main.version=$VERSION" -o /out/app .`) depends on 5 files under ./; build args VERSION');
  });
});
