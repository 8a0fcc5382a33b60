// .info prefetch after a cold .mod, against a real HTTP upstream (tree server) that counts hits:
// the client's later .info is then served without an upstream round trip; the config can turn it
// off; a failing prefetch never fails anything the client asked for.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureTree } from '../testing/modules.ts';
import { startTreeServer, type TreeServer } from '../testing/tree-server.ts';
import { createProxy, type Proxy } from '../proxy.ts';
import { parseFileConfig, resolveConfig, type FileConfig } from '../config.ts';
import { silentLogger } from '../server/log.ts';

let dir: string;
let up: TreeServer;
let failInfo = false;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-prefetch-'));
  await writeFixtureTree(join(dir, 'tree'), [
    { path: 'example.com/a', version: 'v1.0.0', files: { 'go.mod': 'module example.com/a\n', 'a.go': 'package a\n' } },
    { path: 'example.com/b', version: 'v1.2.0', files: { 'go.mod': 'module example.com/b\n', 'b.go': 'package b\n' } },
  ]);
  up = await startTreeServer(join(dir, 'tree'), {
    before: (_req, res, path) => {
      if (!failInfo || !path.endsWith('.info')) return false;
      res.statusCode = 500;
      res.end('boom\n');
      return true;
    },
  });
});
afterAll(async () => {
  await up.close();
  await rm(dir, { recursive: true, force: true });
});

function proxy(extra: FileConfig = {}): Proxy {
  const config = resolveConfig({ file: parseFileConfig({ storage: join(dir, `store-${Math.random()}`), upstream: up.url, gosumdb: 'off', retry: { attempts: 1 }, ...extra }, 't'), env: {}, flags: {}, cwd: dir });
  return createProxy(config, { logger: silentLogger });
}

const hits = (path: string): number => up.hits.get(path) ?? 0;

describe('.info prefetch', () => {
  it('fetches the .info once, in the background, after a cold .mod; the client then hits the cache', async () => {
    const p = proxy();
    const before = hits('/example.com/a/@v/v1.0.0.info');
    expect((await p.app.request('/example.com/a/@v/v1.0.0.mod')).status).toBe(200);
    await p.service.idle();
    expect(hits('/example.com/a/@v/v1.0.0.info')).toBe(before + 1);
    const info = await p.app.request('/example.com/a/@v/v1.0.0.info');
    expect(JSON.parse(await info.text()).Version).toBe('v1.0.0');
    expect(hits('/example.com/a/@v/v1.0.0.info')).toBe(before + 1);
    const metrics = await (await p.app.request('/metrics')).text();
    expect(metrics).toMatch(/stevedore_goproxy_prefetches_total\{endpoint="info"\} 1\b/);
    // A warm .mod starts nothing.
    await p.app.request('/example.com/a/@v/v1.0.0.mod');
    await p.service.idle();
    expect(hits('/example.com/a/@v/v1.0.0.info')).toBe(before + 1);
  });

  it('is off with prefetch.info: false', async () => {
    const p = proxy({ prefetch: { info: false } });
    const before = hits('/example.com/b/@v/v1.2.0.info');
    expect((await p.app.request('/example.com/b/@v/v1.2.0.mod')).status).toBe(200);
    await p.service.idle();
    expect(hits('/example.com/b/@v/v1.2.0.info')).toBe(before);
  });

  it('a failing prefetch leaves the .mod answer intact and the client .info request still reaches the upstream', async () => {
    const p = proxy();
    failInfo = true;
    try {
      const mod = await p.app.request('/example.com/b/@v/v1.2.0.mod');
      expect(mod.status).toBe(200);
      expect(await mod.text()).toBe('module example.com/b\n');
      await p.service.idle();
    } finally {
      failInfo = false;
    }
    const before = hits('/example.com/b/@v/v1.2.0.info');
    const info = await p.app.request('/example.com/b/@v/v1.2.0.info');
    // A 500 is not a "not found": nothing negative was cached, so this goes upstream and succeeds.
    expect(info.status).toBe(200);
    expect(hits('/example.com/b/@v/v1.2.0.info')).toBe(before + 1);
  });
});
