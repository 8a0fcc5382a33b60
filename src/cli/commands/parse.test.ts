/**
 * @module cli/commands/parse.test
 * `stevedore parse` through main(): BuildKit's dump for all 33 fixtures byte for byte, the
 * JSON model with --build-arg and --target, the AST, and exit 2 with the offending line for a
 * malformed file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import type { Io } from '../../util/args.ts';
import { CONFORMANCE_DIR } from '../../dockerfile/testing/conformance.ts';

function capture(cwd: string): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: new PassThrough(),
    cwd,
    env: {},
  };
  return { io, out: () => out, err: () => err };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stevedore-parse-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const fixtures = readdirSync(`${CONFORMANCE_DIR}testfiles`).sort();

describe('stevedore parse', () => {
  it.each(fixtures)('--format buildkit-dump %s matches BuildKit byte for byte', async (name) => {
    const c = capture(dir);
    const code = await main(['parse', '--format', 'buildkit-dump', `${CONFORMANCE_DIR}testfiles/${name}/Dockerfile`], c.io);
    expect(c.err()).toBe('');
    expect(code).toBe(0);
    expect(c.out()).toBe(readFileSync(`${CONFORMANCE_DIR}testfiles/${name}/result`, 'utf8'));
  });

  it('names the unset ARG behind a blank FROM and the flag that sets it, and parses once it is given', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'ARG BASE\nFROM $BASE\nRUN echo hi\n');
    const bad = capture(dir);
    expect(await main(['parse', '--format', 'json', 'Dockerfile'], bad.io)).toBe(2);
    expect(bad.out()).toBe('');
    expect(bad.err()).toContain('Dockerfile:2:6');
    expect(bad.err()).toContain('DOCKERFILE_BASE_NAME_EMPTY');
    expect(bad.err()).toContain('ARG BASE has no default and no --build-arg BASE=... was given');
    expect(bad.err()).toContain('FROM $BASE');
    expect(bad.err()).not.toContain('check the instruction syntax');
    const good = capture(dir);
    expect(await main(['parse', '--format', 'json', '--build-arg', 'BASE=alpine:3.20', 'Dockerfile'], good.io)).toBe(0);
    expect(JSON.parse(good.out()).stages[0].base).toEqual({ kind: 'image', ref: 'alpine:3.20' });
  });

  it('prints the model as JSON with Maps as objects, honouring --build-arg and --target', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'ARG GO=1.22\nFROM golang:${GO} AS build\nARG GO\nRUN go build\nFROM scratch AS final\nCOPY --from=build /app /app\n');
    const c = capture(dir);
    expect(await main(['parse', '--build-arg', 'GO=1.23', '--target', 'build', 'Dockerfile'], c.io)).toBe(0);
    const model = JSON.parse(c.out());
    expect(model.target).toBe(0);
    expect(model.stages[0].base).toEqual({ kind: 'image', ref: 'golang:1.23' });
    expect(model.stages[0].steps[1].state.args).toEqual({ GO: '1.23' });
    expect(model.stages.map((s: { reachable: boolean }) => s.reachable)).toEqual([true, false]);
    expect(model.ast.text).toBeUndefined();
    expect(model.ast.instructions[0].range.start).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('prints the AST with ranges', async () => {
    writeFileSync(join(dir, 'Dockerfile'), '# syntax=docker/dockerfile:1\nFROM alpine\n');
    const c = capture(dir);
    expect(await main(['parse', '--format', 'ast', 'Dockerfile'], c.io)).toBe(0);
    const ast = JSON.parse(c.out());
    expect(ast.directives[0]).toMatchObject({ name: 'syntax', value: 'docker/dockerfile:1' });
    expect(ast.instructions[0]).toMatchObject({ keyword: 'FROM', args: ['alpine'], range: { start: { line: 2, column: 1 } } });
  });

  it('exits 2 with the code, position and offending line for a malformed file', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine\nRUN ["sh", 1]\n');
    const c = capture(dir);
    expect(await main(['parse', 'Dockerfile'], c.io)).toBe(2);
    expect(c.out()).toBe('');
    expect(c.err()).toContain(`${join(dir, 'Dockerfile')}:2:5: error[DOCKERFILE_INVALID_JSON]`);
    expect(c.err()).toContain('2 | RUN ["sh", 1]');
    expect(c.err()).toContain('hint:');
  });

  it('exits 2 for an unknown target and for a missing file', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine AS a\n');
    const c = capture(dir);
    expect(await main(['parse', '--target', 'nope', 'Dockerfile'], c.io)).toBe(2);
    expect(c.err()).toContain('DOCKERFILE_UNKNOWN_STAGE');
    const m = capture(dir);
    expect(await main(['parse', 'missing.Dockerfile'], m.io)).toBe(2);
    expect(m.err()).toContain('IO_NOT_FOUND');
  });

  it('reads standard input for -', async () => {
    const c = capture(dir);
    const stdin = new PassThrough();
    stdin.end('FROM alpine\nRUN echo hi\n');
    expect(await main(['parse', '--format', 'buildkit-dump', '-'], { ...c.io, stdin })).toBe(0);
    expect(c.out()).toBe('(from "alpine")\n(run "echo hi")\n');
  });

  it('rejects an unknown --format', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine\n');
    const c = capture(dir);
    expect(await main(['parse', '--format', 'yaml', 'Dockerfile'], c.io)).toBe(2);
    expect(c.err()).toContain('CLI_USAGE');
  });
});
