/**
 * @module goproxy/sumdb/client.test
 * The proxy's checksum-database client against the local test database: an honest database is
 * accepted (also as it grows), and a forged record, corrupted tiles or a forked log are refused
 * with typed errors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StevedoreError } from '../../errors.ts';
import { startTestSumdb, type TestSumdb, type TestSumdbOptions } from '../testing/sumdb-server.ts';
import type { WrittenModule } from '../testing/modules.ts';
import { SumdbClient, parseGosumdb } from './client.ts';

/** Enough modules that the tree has a full level-0 tile and a partial one. */
const MODS: WrittenModule[] = Array.from({ length: 300 }, (_, i) => ({
  path: `example.com/m${i}`,
  version: 'v1.0.0',
  zipHash: `h1:${Buffer.alloc(32, i % 251).toString('base64')}`,
  modHash: `h1:${Buffer.alloc(32, (i + 7) % 251).toString('base64')}`,
  zipFile: '',
}));

let db: TestSumdb | undefined;
/** Answers the fetch hook gives instead of asking the server (as the proxy's store would). */
const replay = new Map<string, Buffer>();
/** Set to flip a byte in tiles on the way (a damaged path), and what the client asked to store. */
let corruptOnTheWay = false;
const kept: string[] = [];
afterEach(async () => {
  replay.clear();
  corruptOnTheWay = false;
  kept.length = 0;
  await db?.close();
  db = undefined;
});

async function setup(opts: TestSumdbOptions = {}): Promise<{ db: TestSumdb; client: SumdbClient; fetched: string[] }> {
  db = await startTestSumdb(MODS, opts);
  const url = db.url;
  const fetched: string[] = [];
  const client = new SumdbClient({
    gosumdb: parseGosumdb(`${db.verifierKey} ${url}`),
    noSumPatterns: '',
    fetch: async (_name, path) => {
      fetched.push(path);
      const kept = replay.get(path);
      if (kept !== undefined) return kept;
      const res = await fetch(`${url}/${path}`);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status === 404) throw new StevedoreError('GOPROXY_NOT_FOUND', `${path}: ${body.toString()}`);
      if (corruptOnTheWay && path.startsWith('tile/')) body[5]! ^= 1;
      return body;
    },
    keep: (_name, path) => {
      kept.push(path);
      return Promise.resolve();
    },
  });
  return { db, client, fetched };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StevedoreError) return e.code;
    throw e;
  }
  return 'accepted';
}

describe('SumdbClient proofs', () => {
  it('accepts honest records in both tiles, fetching the tiles the proof needs', async () => {
    const { db, client, fetched } = await setup();
    for (const i of [0, 5, 255, 256, 299]) {
      const r = await client.lookup(MODS[i]!.path, 'v1.0.0');
      expect(r?.zipHash).toBe(MODS[i]!.zipHash);
    }
    expect(fetched).toContain('tile/8/0/000');
    expect(fetched).toContain('tile/8/0/001.p/44');
    expect(client.verifiedTree(db.name)?.size).toBe(300);
    // The full tile is kept in memory: asked for once however many proofs use it.
    expect(fetched.filter((p) => p === 'tile/8/0/000')).toHaveLength(1);
  });

  it('refuses a validly signed answer whose record is not in the signed tree', async () => {
    const { client } = await setup({ forgeLookup: (m) => (m.path === 'example.com/m9' ? `h1:${Buffer.alloc(32, 99).toString('base64')}` : undefined) });
    expect(await code(client.lookup('example.com/m9', 'v1.0.0'))).toBe('GOPROXY_SUMDB_PROOF_FAILED');
    expect(await code(client.lookup('example.com/m10', 'v1.0.0'))).toBe('accepted');
  });

  it('refuses records when the tiles are corrupted', async () => {
    const { client } = await setup({ corruptTiles: true });
    for (const i of [0, 1, 150, 299]) expect(await code(client.lookup(MODS[i]!.path, 'v1.0.0')), `m${i}`).toBe('GOPROXY_SUMDB_PROOF_FAILED');
  });

  it('accepts a grown tree that extends the verified one, in either order of arrival', async () => {
    const { db, client } = await setup();
    await client.lookup('example.com/m1', 'v1.0.0');
    db.grow(Array.from({ length: 230 }, (_, i) => `example.com/new${i} v1.0.0 h1:x\n`));
    await client.lookup('example.com/m2', 'v1.0.0');
    expect(client.verifiedTree(db.name)?.size).toBe(530);
  });

  it('refuses a forked tree: larger, but an earlier record rewritten', async () => {
    const { db, client } = await setup();
    await client.lookup('example.com/m1', 'v1.0.0');
    // Record 290 is in the partial tile, which is fetched again for the new tree (full tiles are cached).
    db.fork(290, ['example.com/extra v1.0.0 h1:x\n']);
    expect(await code(client.lookup('example.com/m2', 'v1.0.0'))).toBe('GOPROXY_SUMDB_FORK');
    expect(client.verifiedTree(db.name)?.size).toBe(300);
  });

  it('refuses a forked tree of the same size', async () => {
    const { db, client } = await setup();
    await client.lookup('example.com/m1', 'v1.0.0');
    db.fork(290, []);
    expect(await code(client.lookup('example.com/m2', 'v1.0.0'))).toBe('GOPROXY_SUMDB_FORK');
  });

  it('refuses a fork that rewrites a record in a full tile it already holds', async () => {
    const { db, client } = await setup();
    await client.lookup('example.com/m1', 'v1.0.0');
    db.fork(3, ['example.com/extra v1.0.0 h1:x\n']);
    // The cached full tile contradicts the forked tree, so the proof fails before the fork check.
    expect(['GOPROXY_SUMDB_FORK', 'GOPROXY_SUMDB_PROOF_FAILED']).toContain(await code(client.lookup('example.com/m2', 'v1.0.0')));
    expect(client.verifiedTree(db.name)?.size).toBe(300);
  });

  it('accepts an older signed tree (a cached answer) that is a prefix of the verified one', async () => {
    const { db, client } = await setup();
    const old = Buffer.from(await (await fetch(`${db.url}/lookup/example.com/m1@v1.0.0`)).arrayBuffer());
    db.grow(['example.com/extra v1.0.0 h1:x\n']);
    await client.lookup('example.com/m2', 'v1.0.0');
    expect(client.verifiedTree(db.name)?.size).toBe(301);
    replay.set('lookup/example.com/m1@v1.0.0', old);
    const r = await client.lookup('example.com/m1', 'v1.0.0');
    expect(r?.treeSize).toBe(300);
    expect(client.verifiedTree(db.name)?.size).toBe(301);
  });

  it('stores and caches only what a passed proof used, so a damaged tile does not stick', async () => {
    const { client, fetched } = await setup();
    corruptOnTheWay = true;
    expect(await code(client.lookup('example.com/m1', 'v1.0.0'))).toBe('GOPROXY_SUMDB_PROOF_FAILED');
    expect(kept).toEqual([]);
    corruptOnTheWay = false;
    fetched.length = 0;
    expect(await code(client.lookup('example.com/m1', 'v1.0.0'))).toBe('accepted');
    // The full tile is fetched again: the damaged copy was not kept in memory.
    expect(fetched).toContain('tile/8/0/000');
    expect(kept.sort()).toEqual(['lookup/example.com/m1@v1.0.0', 'tile/8/0/000', 'tile/8/0/001.p/44']);
  });
});
