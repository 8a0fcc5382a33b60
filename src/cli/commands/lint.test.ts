/**
 * @module cli/commands/lint.test
 * `stevedore lint` and `stevedore fix` end to end through main(): exit codes (0/1/2 and the max
 * over files), formats, config lookup and errors, parse errors with code frames, --write with
 * context files, --diff, refusal without touching disk.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../util/args.ts';
import { main } from '../main.ts';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'stevedore-cli-lint-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

function capture(stdin = ''): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const input = new PassThrough();
  input.end(stdin);
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, stdin: input, cwd: dir, env: {} },
    out: () => out,
    err: () => err,
  };
}

const NAIVE = 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
const CLEAN = 'FROM alpine:3.20@sha256:0000000000000000000000000000000000000000000000000000000000000000\nUSER 65532\nCMD ["sh"]\n';

describe('stevedore lint', () => {
  it('exits 1 on warnings and prints text findings with a code frame', async () => {
    writeFileSync(join(dir, 'Dockerfile'), NAIVE);
    writeFileSync(join(dir, 'go.mod'), 'module x\n\ngo 1.23\n');
    const c = capture();
    expect(await main(['lint', 'Dockerfile'], c.io)).toBe(1);
    expect(c.out()).toContain('Dockerfile:3:1: warning [go-deps-before-source]');
    expect(c.out()).toContain('3 | COPY . .');
    // needsContext rules ran on the Dockerfile's folder: no .dockerignore there.
    expect(c.out()).toContain('[dockerignore-missing]');
  });

  it('exits 0 when clean; info-only findings do not fail', async () => {
    writeFileSync(join(dir, 'Dockerfile'), CLEAN);
    const c = capture();
    expect(await main(['lint', 'Dockerfile'], c.io)).toBe(0);
    expect(c.out()).toBe('');
    writeFileSync(join(dir, 'Info'), 'FROM alpine:3.20\nUSER 65532\nCMD ["sh"]\n');
    const i = capture();
    expect(await main(['lint', '--format', 'json', 'Info'], i.io)).toBe(0);
    expect((JSON.parse(i.out()) as { severity: string }[]).map((f) => f.severity)).toEqual(['info']);
  });

  it('reports an unparsable file as an input error (exit 2) with a code frame and still lints the others', async () => {
    writeFileSync(join(dir, 'Bad'), 'FROM a\nRUN <<EOF\nno end\n');
    writeFileSync(join(dir, 'Dockerfile'), NAIVE);
    const c = capture();
    expect(await main(['lint', '--format', 'json', 'Bad', 'Dockerfile', 'Missing'], c.io)).toBe(2);
    expect(c.err()).toMatch(/Bad:\d+:\d+: error\[DOCKERFILE_/);
    expect(c.err()).toContain('Missing: error[IO_NOT_FOUND]');
    const findings = JSON.parse(c.out()) as { file: string }[];
    expect(new Set(findings.map((f) => f.file))).toEqual(new Set(['Dockerfile']));
  });

  it('reads stevedore.json next to the Dockerfile; a bad config is exit 2 with did-you-mean', async () => {
    writeFileSync(join(dir, 'Dockerfile'), CLEAN.replace('USER 65532\n', ''));
    const before = capture();
    expect(await main(['lint', 'Dockerfile'], before.io)).toBe(1);
    writeFileSync(join(dir, 'stevedore.json'), JSON.stringify({ rules: { 'runs-as-root': 'off' } }));
    const after = capture();
    expect(await main(['lint', 'Dockerfile'], after.io)).toBe(0);
    writeFileSync(join(dir, 'other.json'), '{\n  "rulse": {}\n}\n');
    const bad = capture();
    expect(await main(['lint', '--config', 'other.json', 'Dockerfile'], bad.io)).toBe(2);
    expect(bad.err()).toContain('unknown key "rulse" (did you mean "rules"?)');
  });

  it('reads stdin for -, and rejects an unknown format with exit 2', async () => {
    const c = capture(NAIVE);
    expect(await main(['lint', '--format', 'github', '-'], c.io)).toBe(1);
    expect(c.out()).toMatch(/^::warning file=<stdin>,line=3,col=1,/m);
    const f = capture();
    expect(await main(['lint', '--format', 'xml', '-'], f.io)).toBe(2);
  });
});

describe('stevedore fix', () => {
  it('prints the fixed file by default and a diff with --diff, leaving the file alone', async () => {
    writeFileSync(join(dir, 'Dockerfile'), NAIVE);
    writeFileSync(join(dir, 'go.mod'), 'module x\n\ngo 1.23\n');
    const c = capture();
    expect(await main(['fix', 'Dockerfile'], c.io)).toBe(0);
    expect(c.out()).toContain('COPY go.mod go.sum* ./\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\nCOPY . .\n');
    expect(c.err()).toContain('--write would also create .dockerignore');
    const d = capture();
    expect(await main(['fix', '--diff', 'Dockerfile'], d.io)).toBe(0);
    expect(d.out()).toMatch(/^--- a\/Dockerfile\n\+\+\+ b\/Dockerfile\n@@ -1,/);
    expect(d.out()).toContain('+COPY go.mod go.sum* ./');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(NAIVE);
  });

  it('--write rewrites the file and creates .dockerignore; a second run changes nothing', async () => {
    writeFileSync(join(dir, 'Dockerfile'), NAIVE);
    writeFileSync(join(dir, 'go.mod'), 'module x\n\ngo 1.23\n');
    expect(await main(['fix', '--write', 'Dockerfile'], capture().io)).toBe(0);
    const fixed = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(fixed).not.toBe(NAIVE);
    expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toBe('.git\n');
    expect(await main(['fix', '--write', 'Dockerfile'], capture().io)).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(fixed);
  });

  it('--unsafe also applies suggestions', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nRUN apk add curl\nUSER 1\n');
    const safe = capture();
    await main(['fix', 'Dockerfile'], safe.io);
    expect(safe.out()).toContain('RUN apk add curl');
    const unsafe = capture();
    await main(['fix', '--unsafe', 'Dockerfile'], unsafe.io);
    expect(unsafe.out()).toContain('RUN apk add --no-cache curl');
  });

  it('rejects --write with --diff, and a parse error leaves the file untouched (exit 2)', async () => {
    writeFileSync(join(dir, 'Bad'), 'FROM a\nRUN <<EOF\nno end\n');
    expect(await main(['fix', '--write', '--diff', 'Bad'], capture().io)).toBe(2);
    const c = capture();
    expect(await main(['fix', '--write', 'Bad'], c.io)).toBe(2);
    expect(readFileSync(join(dir, 'Bad'), 'utf8')).toBe('FROM a\nRUN <<EOF\nno end\n');
    expect(existsSync(join(dir, '.dockerignore'))).toBe(false);
  });
});
