// End-to-end: the real go command (1.26) downloads and builds through the proxy, which fetches
// from fixture upstreams built in the test (a loopback HTTP tree server and a file:// tree) and
// verifies every zip against a local checksum database the go client also verifies against.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureTree, type FixtureModule, type WrittenModule } from './testing/modules.ts';
import { startTreeServer, type TreeServer } from './testing/tree-server.ts';
import { startTestSumdb, type TestSumdb } from './testing/sumdb-server.ts';
import { startTestProxy, type TestProxy } from './testing/harness.ts';
import { goEnv, runGo } from './testing/go-client.ts';

const PSEUDO = 'v0.0.0-20240102030405-abcdefabcdef';
const FIXTURES: FixtureModule[] = [
  { path: 'example.com/Upper', version: 'v1.0.0', files: { 'go.mod': 'module example.com/Upper\n\ngo 1.21\n', 'upper.go': 'package upper\n\nfunc Name() string { return "Upper" }\n' } },
  { path: 'example.com/lib', version: 'v1.0.0', files: { 'go.mod': 'module example.com/lib\n\ngo 1.21\n', 'lib.go': 'package lib\n\nfunc Name() string { return "lib-1.0.0" }\n' } },
  { path: 'example.com/lib', version: 'v1.1.0', files: { 'go.mod': 'module example.com/lib\n\ngo 1.21\n', 'lib.go': 'package lib\n\nfunc Name() string { return "lib-1.1.0" }\n' } },
  { path: 'example.com/libfork', version: 'v1.0.0', files: { 'go.mod': 'module example.com/libfork\n\ngo 1.21\n', 'lib.go': 'package lib\n\nfunc Name() string { return "libfork" }\n' } },
  { path: 'example.com/pseudo', version: PSEUDO, files: { 'go.mod': 'module example.com/pseudo\n\ngo 1.21\n', 'p.go': 'package pseudo\n\nfunc Name() string { return "pseudo" }\n' } },
  // No go.mod: the proxy serves a synthesized .mod, as for pre-modules repositories.
  { path: 'example.com/old', version: 'v2.0.0+incompatible', files: { 'old.go': 'package old\n\nfunc Name() string { return "old" }\n' } },
  { path: 'example.com/mono', version: 'v1.0.0', files: { 'go.mod': 'module example.com/mono\n\ngo 1.21\n', 'mono.go': 'package mono\n\nfunc Name() string { return "mono" }\n' } },
  { path: 'example.com/mono/sub', version: 'v1.2.0', files: { 'go.mod': 'module example.com/mono/sub\n\ngo 1.21\n', 'sub.go': 'package sub\n\nfunc Name() string { return "sub" }\n' } },
  { path: 'example.com/m/v2', version: 'v2.3.0', files: { 'go.mod': 'module example.com/m/v2\n\ngo 1.21\n', 'm.go': 'package m\n\nfunc Name() string { return "m/v2" }\n' } },
];

const APP_GO_MOD = `module example.com/app

go 1.21

require (
\texample.com/Upper v1.0.0
\texample.com/lib v1.0.0
\texample.com/pseudo ${PSEUDO}
\texample.com/old v2.0.0+incompatible
\texample.com/mono v1.0.0
\texample.com/mono/sub v1.2.0
\texample.com/m/v2 v2.3.0
)

replace example.com/lib => example.com/libfork v1.0.0
`;

const APP_MAIN = `package main

import (
\t"fmt"

\tupper "example.com/Upper"
\tlib "example.com/lib"
\tm "example.com/m/v2"
\t"example.com/mono"
\t"example.com/mono/sub"
\t"example.com/old"
\t"example.com/pseudo"
)

func main() {
\tfmt.Println(upper.Name(), lib.Name(), pseudo.Name(), old.Name(), mono.Name(), sub.Name(), m.Name())
}
`;

let dir: string;
let written: WrittenModule[];
let upstream: TreeServer;
let sumdb: TestSumdb;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-e2e-'));
  written = await writeFixtureTree(join(dir, 'tree'), FIXTURES);
  upstream = await startTreeServer(join(dir, 'tree'));
  sumdb = await startTestSumdb(written);
});

afterAll(async () => {
  await upstream.close();
  await sumdb.close();
  await rm(dir, { recursive: true, force: true });
});

async function newApp(name: string): Promise<{ app: string; home: string }> {
  const app = join(dir, name, 'app');
  const home = join(dir, name, 'home');
  await mkdir(app, { recursive: true });
  await mkdir(home, { recursive: true });
  await writeFile(join(app, 'go.mod'), APP_GO_MOD);
  await writeFile(join(app, 'main.go'), APP_MAIN);
  return { app, home };
}

describe('go command through the proxy', () => {
  let proxy: TestProxy;
  beforeAll(async () => {
    proxy = await startTestProxy({ upstream: upstream.url, gosumdb: `${sumdb.verifierKey} ${sumdb.url}` });
  });
  afterAll(async () => {
    await proxy.stop();
  });

  it('downloads and builds an app (upper-case path, pseudo-version, +incompatible, nested module, /v2, replace) with sumdb verification', async () => {
    const { app, home } = await newApp('build');
    const env = goEnv(home, { GOPROXY: proxy.url, GOSUMDB: sumdb.verifierKey, GONOSUMDB: '', GOPRIVATE: '' });
    const dl = await runGo(['mod', 'download', '-json', 'all'], { cwd: app, env });
    expect(dl.stderr).not.toContain('SECURITY');
    expect(dl.code, dl.stderr).toBe(0);
    const build = await runGo(['build', '-o', join(app, 'app.bin'), '.'], { cwd: app, env });
    expect(build.code, build.stderr).toBe(0);
    const run = await runGo(['run', '.'], { cwd: app, env });
    expect(run.stdout.trim()).toBe('Upper libfork pseudo old mono sub m/v2');
    // go.sum written by the go client holds exactly the hashes our TypeScript dirhash computed.
    const sum = await readFile(join(app, 'go.sum'), 'utf8');
    for (const m of written.filter((w) => w.path !== 'example.com/lib')) {
      expect(sum).toContain(`${m.path} ${m.version} ${m.zipHash}`);
    }
    // The go client talked to the checksum database through the proxy's passthrough.
    expect(sumdb.requests.some((r) => r.startsWith('/lookup/example.com/!upper@v1.0.0'))).toBe(true);
    expect(sumdb.requests.some((r) => r.startsWith('/tile/8/0/'))).toBe(true);
  });

  it('serves a second, cold client entirely from cache (no new upstream requests)', async () => {
    const before = [...upstream.hits.values()].reduce((a, b) => a + b, 0);
    const { app, home } = await newApp('second');
    const env = goEnv(home, { GOPROXY: proxy.url, GOSUMDB: sumdb.verifierKey });
    const dl = await runGo(['mod', 'download', 'all'], { cwd: app, env });
    expect(dl.code, dl.stderr).toBe(0);
    const after = [...upstream.hits.values()].reduce((a, b) => a + b, 0);
    expect(after).toBe(before);
    const metrics = await (await fetch(`${proxy.url}/metrics`)).text();
    expect(metrics).toMatch(/stevedore_goproxy_cache_total\{endpoint="zip",result="hit"\} [1-9]/);
  });

  it('answers list and @latest, and the go client resolves @latest through them', async () => {
    const list = await (await fetch(`${proxy.url}/example.com/lib/@v/list`)).text();
    expect(list.split('\n').filter(Boolean).sort()).toEqual(['v1.0.0', 'v1.1.0']);
    const { app, home } = await newApp('latest');
    const env = goEnv(home, { GOPROXY: proxy.url, GOSUMDB: sumdb.verifierKey });
    const r = await runGo(['list', '-m', '-json', 'example.com/lib@latest'], { cwd: app, env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).Version).toBe('v1.1.0');
  });

  it('reports a missing module as not found (404) to the go client', async () => {
    const { app, home } = await newApp('missing');
    const env = goEnv(home, { GOPROXY: proxy.url, GOSUMDB: sumdb.verifierKey });
    const r = await runGo(['mod', 'download', 'example.com/nothere@v1.0.0'], { cwd: app, env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/404 Not Found/);
  });
});

describe('GOPROXY list fallback behaviour with the real go client', () => {
  it('"," falls through a proxy answering 404, "|" falls through one answering 500, "," stops at 500', async () => {
    const empty = await startTreeServer(join(dir, 'no-such-tree'));
    const broken = await startTreeServer(join(dir, 'tree'), {
      before: (_q, res) => {
        res.statusCode = 500;
        res.end('upstream exploded\n');
        return true;
      },
    });
    // Proxies with no retries so the 500 surfaces at once.
    const viaEmpty = await startTestProxy({ upstream: `${empty.url},${upstream.url}` });
    const viaBrokenPipe = await startTestProxy({ upstream: `${broken.url}|${upstream.url}`, retry: { attempts: 1 } });
    const viaBrokenComma = await startTestProxy({ upstream: `${broken.url},${upstream.url}`, retry: { attempts: 1 } });
    try {
      for (const [p, ok] of [[viaEmpty, true], [viaBrokenPipe, true], [viaBrokenComma, false]] as const) {
        const { app, home } = await newApp(`fallback-${p.port}`);
        const env = goEnv(home, { GOPROXY: p.url, GONOSUMDB: 'example.com' });
        const r = await runGo(['mod', 'download', 'example.com/lib@v1.0.0'], { cwd: app, env });
        if (ok) expect(r.code, r.stderr).toBe(0);
        else {
          expect(r.code).not.toBe(0);
          expect(r.stderr).toMatch(/502 Bad Gateway/);
          expect(r.stderr).toContain('upstream exploded');
        }
      }
      // And the go client's own list semantics in front of the proxy: a dead first entry with "|".
      const { app, home } = await newApp('client-list');
      const env = goEnv(home, { GOPROXY: `${broken.url}|${viaEmpty.url}`, GONOSUMDB: 'example.com' });
      const r = await runGo(['mod', 'download', 'example.com/Upper@v1.0.0'], { cwd: app, env });
      expect(r.code, r.stderr).toBe(0);
    } finally {
      await Promise.all([viaEmpty.stop(), viaBrokenPipe.stop(), viaBrokenComma.stop(), empty.close(), broken.close()]);
    }
  });

  it('serves from a file:// upstream tree', async () => {
    const p = await startTestProxy({ upstream: `file://${join(dir, 'tree')}` });
    try {
      const { app, home } = await newApp('file-upstream');
      const env = goEnv(home, { GOPROXY: p.url, GONOSUMDB: 'example.com' });
      const r = await runGo(['mod', 'download', 'all'], { cwd: app, env });
      expect(r.code, r.stderr).toBe(0);
    } finally {
      await p.stop();
    }
  });
});
