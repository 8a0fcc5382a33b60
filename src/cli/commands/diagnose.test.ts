/**
 * @module cli/commands/diagnose.test
 * `stevedore diagnose` and `stevedore timeline` end to end through the CLI boundary: exit codes,
 * stdin, --dockerfile source lines, usage errors, unreadable files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../main.ts';

const FAILED = [
  '#8 [build 4/6] RUN go mod download',
  '#8 0.05 go: example.com/fake@v1.0.0: Get "http://127.0.0.1:9/example.com/fake/@v/v1.0.0.mod": dial tcp 127.0.0.1:9: connect: connection refused',
  '#8 ERROR: executor failed running [/bin/sh -c go mod download]: exit code: 1',
].join('\n');
const OK = '#1 [1/2] FROM docker.io/library/alpine\n#1 DONE 0.1s\n\n#2 [2/2] RUN true\n#2 DONE 0.3s\n';
const DOCKERFILE = 'FROM golang:1.26 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod \\\n    download\nCOPY . .\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stevedore-diagnose-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: Readable.from([Buffer.from(stdin)]),
    cwd: dir,
    env: {},
  });
  return { code, out, err };
}

describe('stevedore diagnose', () => {
  it('exits 1 with the diagnosis for a failed build (file argument)', async () => {
    writeFileSync(join(dir, 'build.log'), FAILED);
    const r = await run(['diagnose', 'build.log', '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.diagnoses[0].category).toBe('go_proxy_unreachable');
    expect(j.failure).toMatchObject({ step: '[build 4/6] RUN go mod download', exitCode: 1 });
  });

  it('exits 0 with failure null for a successful build read from stdin', async () => {
    const r = await run(['diagnose', '-', '--format', 'json'], OK);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ failure: null, diagnoses: [] });
  });

  it('shows the failing instruction from --dockerfile, across continuation lines', async () => {
    writeFileSync(join(dir, 'build.log'), FAILED);
    writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
    const r = await run(['diagnose', 'build.log', '--dockerfile', 'Dockerfile']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Dockerfile:4');
    expect(r.out).toContain('   5 |     download');
  });

  it('rejects an unknown format with a usage error (exit 2)', async () => {
    writeFileSync(join(dir, 'build.log'), FAILED);
    const r = await run(['diagnose', 'build.log', '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown --format');
  });

  it('names a missing log file (exit 2)', async () => {
    const r = await run(['diagnose', 'nope.log']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope.log');
  });
});

describe('stevedore timeline', () => {
  it('prints steps, cache ratio and slowest steps', async () => {
    const r = await run(['timeline', '-'], OK);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[2/2] RUN true');
    expect(r.out).toContain('critical path: unknown');
  });

  it('json lists statuses', async () => {
    writeFileSync(join(dir, 'build.log'), FAILED);
    const r = await run(['timeline', 'build.log', '--format', 'json']);
    const j = JSON.parse(r.out);
    expect(j.steps[0]).toMatchObject({ number: 8, status: 'error' });
    expect(j.failedStep).toBe(8);
  });
});
