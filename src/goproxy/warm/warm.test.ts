// Warming from a go.sum, export to a bundle, import on an "offline" store, and the real go
// client building from that store through a proxy whose upstream is "off".
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goSumLines, writeFixtureTree, type WrittenModule } from '../testing/modules.ts';
import { startTreeServer, type TreeServer } from '../testing/tree-server.ts';
import { startTestProxy } from '../testing/harness.ts';
import { goEnv, runGo } from '../testing/go-client.ts';
import { createProxy } from '../proxy.ts';
import { parseFileConfig, resolveConfig } from '../config.ts';
import { silentLogger } from '../server/log.ts';
import { FsStore } from '../store/fs.ts';
import { readModuleSet } from './modset.ts';
import { warm } from './warm.ts';
import { exportBundle, importBundle } from './bundle.ts';

let dir: string;
let written: WrittenModule[];
let upstream: TreeServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-warm-'));
  const mods = Array.from({ length: 12 }, (_, i) => ({
    path: `example.com/w${i}`,
    version: 'v1.0.0',
    files: { 'go.mod': `module example.com/w${i}\n\ngo 1.21\n`, [`w${i}.go`]: `package w${i}\n\nconst N = ${i}\n` },
  }));
  written = await writeFixtureTree(join(dir, 'tree'), mods);
  upstream = await startTreeServer(join(dir, 'tree'), { latencyMs: 20 });
  await mkdir(join(dir, 'app'), { recursive: true });
  await writeFile(join(dir, 'app', 'go.sum'), goSumLines(written));
  await writeFile(join(dir, 'app', 'go.mod'), `module example.com/app\n\ngo 1.21\n\nrequire (\n${written.map((w) => `\t${w.path} ${w.version}\n`).join('')})\n`);
  await writeFile(join(dir, 'app', 'main.go'), `package main\n\nimport (\n${written.map((w, i) => `\tw${i} "${w.path}"\n`).join('')})\n\nfunc main() { println(${written.map((_, i) => `w${i}.N`).join(' + ')}) }\n`);
});
afterAll(async () => {
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
});

function proxyFor(storage: string, upstreamList: string) {
  const config = resolveConfig({ file: parseFileConfig({ storage, upstream: upstreamList, gosumdb: 'off' }, 'test'), env: {}, flags: {}, cwd: dir });
  return createProxy(config, { logger: silentLogger });
}

describe('warm, export, import', () => {
  it('warms every module of a go.sum in parallel, then export/import moves them to an offline store the go client can build from', async () => {
    const modules = await readModuleSet(join(dir, 'app'));
    expect(modules).toHaveLength(12);
    const p = proxyFor(join(dir, 'store-online'), upstream.url);
    const report = await warm({ service: p.service, store: p.store, modules, concurrency: 8 });
    expect(report.failed).toEqual([]);
    expect(report.fetched).toBe(36);
    const again = await warm({ service: p.service, store: p.store, modules, concurrency: 8 });
    expect(again.alreadyCached).toBe(36);

    const bundle = join(dir, 'deps.bundle');
    const exp = await exportBundle(p.store, modules, bundle);
    expect(exp.files).toBe(36);

    const offline = new FsStore(join(dir, 'store-offline'));
    const imp = await importBundle(offline, bundle);
    expect(imp.files).toBe(36);

    const off = await startTestProxy({ storage: join(dir, 'store-offline'), upstream: 'off' });
    try {
      const home = join(dir, 'home-offline');
      await mkdir(home, { recursive: true });
      const env = goEnv(home, { GOPROXY: off.url, GONOSUMDB: 'example.com' });
      const r = await runGo(['build', '-o', join(dir, 'app.bin'), '.'], { cwd: join(dir, 'app'), env });
      expect(r.code, r.stderr).toBe(0);
    } finally {
      await off.stop();
    }
  });

  it('reports go.sum mismatches of cached artifacts', async () => {
    const sum = goSumLines(written).replace(written[0]!.zipHash, 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    await writeFile(join(dir, 'bad.sum'), sum);
    const p = proxyFor(join(dir, 'store-mismatch'), upstream.url);
    const report = await warm({ service: p.service, store: p.store, modules: await readModuleSet(join(dir, 'bad.sum')), concurrency: 4 });
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.error).toContain('go.sum says');
  });

  it('refuses a tampered bundle and stores nothing unverified', async () => {
    const modules = (await readModuleSet(join(dir, 'app'))).slice(0, 1);
    const p = proxyFor(join(dir, 'store-t'), upstream.url);
    await warm({ service: p.service, store: p.store, modules, concurrency: 2 });
    const bundle = join(dir, 'tampered.bundle');
    await exportBundle(p.store, modules.map((m) => ({ ...m, zipHash: 'h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' })), bundle);
    const target = new FsStore(join(dir, 'store-t2'));
    await expect(importBundle(target, bundle)).rejects.toThrow(/manifest says/);
    expect(await target.stat(`example.com/w0/@v/v1.0.0.zip`)).toBeUndefined();
    await writeFile(join(dir, 'garbage.bundle'), 'not a zip, definitely longer than twenty-two bytes');
    await expect(importBundle(target, join(dir, 'garbage.bundle'))).rejects.toThrow(/not a zip/);
    expect((await readFile(join(dir, 'garbage.bundle'))).length).toBeGreaterThan(0);
  });
});
