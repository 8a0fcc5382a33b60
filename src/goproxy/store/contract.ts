/**
 * @module goproxy/store/contract
 * The behaviour every Store must have, as a reusable vitest suite:
 * `runStoreContract({ newStore, skip: [{ reason, tests }] })`. Run against store/fs.ts now and
 * against the S3 store (on a real S3-compatible server on loopback) when it lands.
 */
import { Readable } from 'node:stream';
import { closeSync, readSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from './store.ts';

export interface StoreContractOptions {
  /** A fresh, empty store per test, and a cleanup. */
  readonly newStore: () => Promise<{ store: Store; cleanup: () => Promise<void> }>;
  readonly skip?: readonly { readonly reason: string; readonly tests: readonly string[] }[];
}

async function drain(r: Readable): Promise<string> {
  let s = '';
  for await (const c of r) s += (c as Buffer).toString();
  return s;
}

export function runStoreContract(opts: StoreContractOptions): void {
  const skipped = new Set((opts.skip ?? []).flatMap((s) => s.tests));
  const test = (name: string, fn: (store: Store) => Promise<void>): void => {
    (skipped.has(name) ? it.skip : it)(name, async () => {
      const { store, cleanup } = await opts.newStore();
      try {
        await fn(store);
      } finally {
        await cleanup();
      }
    });
  };

  describe('store contract', () => {
    test('get/stat/getBytes of a missing key are undefined', async (s) => {
      expect(await s.stat('example.com/m/@v/v1.0.0.info')).toBeUndefined();
      expect(await s.get('example.com/m/@v/v1.0.0.info')).toBeUndefined();
      expect(await s.getBytes('example.com/m/@v/v1.0.0.info')).toBeUndefined();
    });

    test('put bytes then read them back with size and etag', async (s) => {
      const r = await s.put('example.com/m/@v/v1.0.0.mod', Buffer.from('module example.com/m\n'));
      expect(r.written).toBe(true);
      expect(r.stat.size).toBe(21);
      expect(r.stat.etag).not.toBe('');
      expect((await s.getBytes('example.com/m/@v/v1.0.0.mod'))?.toString()).toBe('module example.com/m\n');
      const got = await s.get('example.com/m/@v/v1.0.0.mod');
      expect(got?.stat.size).toBe(21);
      expect(await drain(got!.body)).toBe('module example.com/m\n');
    });

    test('put from a stream', async (s) => {
      await s.put('a.com/x/@v/v1.0.0.zip', Readable.from([Buffer.from('ab'), Buffer.from('cd')]));
      expect((await s.getBytes('a.com/x/@v/v1.0.0.zip'))?.toString()).toBe('abcd');
    });

    test('byte ranges', async (s) => {
      await s.put('a.com/x/@v/list', Buffer.from('0123456789'));
      const got = await s.get('a.com/x/@v/list', { start: 2, end: 5 });
      expect(await drain(got!.body)).toBe('2345');
    });

    test('openFile, where offered, reads the same bytes and stat as get, and is absent for a missing key', async (s) => {
      if (s.openFile === undefined) return; // optional: stores without local files (S3) only stream
      await s.put('a.com/x/@v/v1.0.0.zip', Buffer.from('0123456789'));
      expect(await s.openFile('a.com/x/@v/v2.0.0.zip')).toBeUndefined();
      const f = await s.openFile('a.com/x/@v/v1.0.0.zip');
      try {
        expect(f?.stat).toEqual(await s.stat('a.com/x/@v/v1.0.0.zip'));
        const b = Buffer.alloc(20);
        expect(readSync(f!.fd, b, 0, 20, 0)).toBe(10);
        expect(b.subarray(0, 10).toString()).toBe('0123456789');
      } finally {
        if (f !== undefined) closeSync(f.fd);
      }
    });

    test('create-only put does not overwrite', async (s) => {
      expect((await s.put('a.com/x/@v/v1.0.0.info', Buffer.from('first'), { ifNoneMatch: '*' })).written).toBe(true);
      expect((await s.put('a.com/x/@v/v1.0.0.info', Buffer.from('second'), { ifNoneMatch: '*' })).written).toBe(false);
      expect((await s.getBytes('a.com/x/@v/v1.0.0.info'))?.toString()).toBe('first');
    });

    test('racing create-only puts: exactly one wins, content is whole', async (s) => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => s.put('a.com/x/@v/v1.0.0.zip', Buffer.from(`writer-${i}-`.repeat(1000)), { ifNoneMatch: '*' })),
      );
      expect(results.filter((r) => r.written)).toHaveLength(1);
      const content = (await s.getBytes('a.com/x/@v/v1.0.0.zip'))!.toString();
      expect(content).toMatch(/^(writer-\d-){1000}$/);
    });

    test('if-match put replaces only the expected version', async (s) => {
      const first = await s.put('a.com/x/@v/list', Buffer.from('v1.0.0\n'));
      expect((await s.put('a.com/x/@v/list', Buffer.from('v1.1.0\n'), { ifMatch: '"stale"' })).written).toBe(false);
      expect((await s.put('a.com/x/@v/list', Buffer.from('v1.1.0\n'), { ifMatch: first.stat.etag })).written).toBe(true);
      expect((await s.getBytes('a.com/x/@v/list'))?.toString()).toBe('v1.1.0\n');
    });

    test('putFile consumes a temp file', async (s) => {
      const t = join(await s.tempDir(), 'upload-1');
      await writeFile(t, 'zipbytes');
      expect((await s.putFile('a.com/x/@v/v1.0.0.zip', t)).written).toBe(true);
      expect((await s.getBytes('a.com/x/@v/v1.0.0.zip'))?.toString()).toBe('zipbytes');
    });

    test('list by prefix, sorted, without temp files', async (s) => {
      await s.put('a.com/x/@v/v1.0.0.mod', Buffer.from('1'));
      await s.put('a.com/x/@v/v1.1.0.mod', Buffer.from('22'));
      await s.put('a.com/y/@v/v1.0.0.mod', Buffer.from('333'));
      await writeFile(join(await s.tempDir(), 'junk'), 'x');
      const keys: string[] = [];
      for await (const e of s.list('a.com/x/')) keys.push(`${e.key}:${e.size}`);
      expect(keys).toEqual(['a.com/x/@v/v1.0.0.mod:1', 'a.com/x/@v/v1.1.0.mod:2']);
      const all: string[] = [];
      for await (const e of s.list('')) all.push(e.key);
      expect(all).toHaveLength(3);
    });

    test('delete and usage accounting', async (s) => {
      await s.put('a.com/x/@v/v1.0.0.mod', Buffer.from('12345'));
      expect(await s.usage()).toBe(5);
      await s.put('a.com/x/@v/v1.0.1.mod', Buffer.from('123'));
      expect(await s.usage()).toBe(8);
      expect(await s.delete('a.com/x/@v/v1.0.0.mod')).toBe(true);
      expect(await s.delete('a.com/x/@v/v1.0.0.mod')).toBe(false);
      expect(await s.usage()).toBe(3);
    });

    test('rejects traversal keys', async (s) => {
      await expect(s.put('../escape', Buffer.from('x'))).rejects.toThrow(/invalid store key/);
      await expect(s.stat('a/../../b')).rejects.toThrow(/invalid store key/);
      await expect(s.put('a/.tmp-x', Buffer.from('x'))).rejects.toThrow(/invalid store key/);
    });
  });
}
