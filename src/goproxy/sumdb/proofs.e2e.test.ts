/**
 * @module goproxy/sumdb/proofs.e2e.test
 * The proofs through a running proxy: an upstream serving a backdoored zip whose hash a hostile
 * path to the checksum database backs with a validly signed but unprovable record, corrupted
 * tiles, and a forked log are each answered 502 and nothing is stored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureTree, type FixtureModule, type WrittenModule } from '../testing/modules.ts';
import { startTreeServer, type TreeServer } from '../testing/tree-server.ts';
import { startTestSumdb, type TestSumdb, type TestSumdbOptions } from '../testing/sumdb-server.ts';
import { startTestProxy, type TestProxy } from '../testing/harness.ts';

const mod = (x: string, body: string): FixtureModule => ({ path: `example.com/${x}`, version: 'v1.0.0', files: { 'go.mod': `module example.com/${x}\n`, [`${x}.go`]: `package ${x}\n${body}\n` } });
const NAMES = ['a', 'b', 'c', 'd', 'e'];

let dir: string;
let honest: WrittenModule[];
let evil: WrittenModule[];
let goodUpstream: TreeServer;
let evilUpstream: TreeServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-proofs-'));
  honest = await writeFixtureTree(join(dir, 'good'), NAMES.map((x) => mod(x, '')));
  evil = await writeFixtureTree(join(dir, 'evil'), NAMES.map((x) => mod(x, 'func init() { panic("backdoor") }')));
  goodUpstream = await startTreeServer(join(dir, 'good'));
  evilUpstream = await startTreeServer(join(dir, 'evil'));
});
afterAll(async () => {
  await goodUpstream.close();
  await evilUpstream.close();
  await rm(dir, { recursive: true, force: true });
});

async function withProxy(upstream: TreeServer, opts: TestSumdbOptions, fn: (p: TestProxy, db: TestSumdb) => Promise<void>): Promise<void> {
  const db = await startTestSumdb(honest, opts);
  const p = await startTestProxy({ upstream: upstream.url, gosumdb: `${db.verifierKey} ${db.url}` });
  try {
    await fn(p, db);
  } finally {
    await p.stop();
    await db.close();
  }
}

describe('checksum database proofs through the proxy', () => {
  it('stores zips whose records are proved', async () => {
    await withProxy(goodUpstream, {}, async (p) => {
      expect((await fetch(`${p.url}/example.com/a/@v/v1.0.0.zip`)).status).toBe(200);
      expect(await p.proxy.store.stat('example.com/a/@v/v1.0.0.zip')).toBeDefined();
    });
  });

  it('refuses a backdoored zip backed by a signed record that is not in the signed tree', async () => {
    const forgeLookup = (m: WrittenModule): string | undefined => evil.find((e) => e.path === m.path)?.zipHash;
    await withProxy(evilUpstream, { forgeLookup }, async (p) => {
      const r = await fetch(`${p.url}/example.com/b/@v/v1.0.0.zip`);
      expect(r.status).toBe(502);
      expect(await r.text()).toContain('not in the signed tree');
      expect(await p.proxy.store.stat('example.com/b/@v/v1.0.0.zip')).toBeUndefined();
    });
  });

  it('refuses when the tiles are corrupted', async () => {
    await withProxy(goodUpstream, { corruptTiles: true }, async (p, db) => {
      const r = await fetch(`${p.url}/example.com/c/@v/v1.0.0.zip`);
      expect(r.status).toBe(502);
      expect(await p.proxy.store.stat('example.com/c/@v/v1.0.0.zip')).toBeUndefined();
      // Neither the damaged tile nor the unproved answer is kept for later proofs.
      expect(await p.proxy.store.stat(`sumdb/${db.name}/tile/8/0/000.p/5`)).toBeUndefined();
      expect(await p.proxy.store.stat(`sumdb/${db.name}/lookup/example.com/c@v1.0.0`)).toBeUndefined();
    });
  });

  it('refuses records from a forked log after a verified tree', async () => {
    await withProxy(goodUpstream, {}, async (p, db) => {
      expect((await fetch(`${p.url}/example.com/a/@v/v1.0.0.zip`)).status).toBe(200);
      db.fork(1, ['example.com/z v1.0.0 h1:x\n']);
      const r = await fetch(`${p.url}/example.com/d/@v/v1.0.0.zip`);
      expect(r.status).toBe(502);
      expect(await r.text()).toContain('inconsistent with the verified tree');
      expect(await p.proxy.store.stat('example.com/d/@v/v1.0.0.zip')).toBeUndefined();
    });
  });
});
