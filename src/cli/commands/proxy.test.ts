// `stevedore proxy` subcommands through the command's own run(): usage errors and a warm +
// export + import round trip against a file:// upstream built in the test.
import { mkdtemp, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyCommand } from './proxy.ts';
import { goSumLines, writeFixtureTree } from '../../goproxy/testing/modules.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-proxy-cli-'));
  const w = await writeFixtureTree(join(dir, 'tree'), [{ path: 'example.com/c', version: 'v1.0.0', files: { 'go.mod': 'module example.com/c\n', 'c.go': 'package c\n' } }]);
  await writeFile(join(dir, 'go.sum'), goSumLines(w));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function io(): { io: Parameters<typeof proxyCommand.run>[1]; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, stdin: Readable.from([]), cwd: dir, env: { HOME: dir, GOSUMDB: 'off' } },
  };
}

describe('stevedore proxy CLI', () => {
  it.each([
    [['frobnicate', '--upstream', 'off', '--storage', 's'], /unknown subcommand "frobnicate"/],
    [['warm', '--concurrency', 'lots', '--upstream', 'off', '--storage', 's'], /--concurrency must be an integer/],
    [['--upstream', 'ftp://nope'], /upstream: .*scheme/],
    [['export', '--from', 'go.sum', '--upstream', 'off', '--storage', 's'], /--out BUNDLE is required/],
  ])('rejects %j', async (argv, msg) => {
    await expect(proxyCommand.run(argv, io().io)).rejects.toThrow(msg);
  });

  it('warms, exports and imports', async () => {
    const up = `file://${join(dir, 'tree')}`;
    const a = io();
    expect(await proxyCommand.run(['export', '--from', 'go.sum', '--out', 'b.bundle', '--upstream', up, '--storage', 'online'], a.io)).toBe(0);
    expect(a.err.join('')).toContain('3 fetched');
    expect(a.out.join('')).toContain('exported 3 files');
    const b = io();
    expect(await proxyCommand.run(['import', 'b.bundle', '--upstream', 'off', '--storage', 'offline'], b.io)).toBe(0);
    expect((await stat(join(dir, 'offline', 'example.com', 'c', '@v', 'v1.0.0.zip'))).size).toBeGreaterThan(0);
  });
});
