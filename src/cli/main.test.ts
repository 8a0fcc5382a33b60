/**
 * @module cli/main.test
 * The command table and error boundary: help and version on every command, exit codes for
 * usage errors, internal errors rendered as bug reports with scrubbed paths.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main, reportError } from './main.ts';
import { COMMANDS } from './commands/index.ts';
import { StevedoreError } from '../errors.ts';
import { VERSION } from '../util/version.ts';
import type { Io } from '../util/args.ts';

function capture(): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: new PassThrough(),
    cwd: process.cwd(),
    env: {},
  };
  return { io, out: () => out, err: () => err };
}

describe('stevedore CLI', () => {
  it('lists every command in the top-level help', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    for (const cmd of COMMANDS) expect(c.out()).toContain(`  ${cmd.name}`);
    expect(c.out()).toContain('Exit codes: 0 ok, 1 findings or failure, 2 usage or input error, 3 internal error.');
  });

  it.each(COMMANDS.map((c) => c.name))('%s answers --help and --version with exit 0', async (name) => {
    const h = capture();
    expect(await main([name, '--help'], h.io)).toBe(0);
    expect(h.out()).toMatch(new RegExp(`^Usage: stevedore ${name} `));
    const v = capture();
    expect(await main([name, '--version'], v.io)).toBe(0);
    expect(v.out()).toBe(`${VERSION}\n`);
  });

  it('rejects an unknown command with exit 2 and a hint', async () => {
    const c = capture();
    expect(await main(['bulid'], c.io)).toBe(2);
    expect(c.err()).toContain('error[CLI_UNKNOWN_COMMAND]');
    expect(c.err()).toContain('hint:');
  });

  it.each(COMMANDS.map((c) => c.name))('%s rejects an unknown flag with exit 2', async (name) => {
    const c = capture();
    expect(await main([name, '--no-such-flag-xyz'], c.io)).toBe(2);
    expect(c.err()).toContain('error[CLI_USAGE]');
  });

  it('renders a non-Stevedore error as an internal error with exit 3 and scrubbed paths', () => {
    const c = capture();
    const e = new Error(`boom at ${process.cwd()}/src/x.ts`);
    expect(reportError(e, c.io)).toBe(3);
    expect(c.err()).toContain('this is a bug, please report');
    expect(c.err()).not.toContain(process.cwd());
  });

  it('maps error codes to their registered exit codes', () => {
    const c = capture();
    expect(reportError(new StevedoreError('INTERNAL', 'x'), c.io)).toBe(3);
    expect(reportError(new StevedoreError('CLI_USAGE', 'x'), c.io)).toBe(2);
  });
});
