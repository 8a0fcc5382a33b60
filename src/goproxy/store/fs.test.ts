// Runs the store contract against the file-system store, plus fs-only crash-recovery checks.
import { mkdtemp, rm, writeFile, mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStoreContract } from './contract.ts';
import { FsStore } from './fs.ts';

async function newStore(): Promise<{ store: FsStore; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'stevedore-fsstore-'));
  return { store: new FsStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

runStoreContract({ newStore });

describe('FsStore crash leftovers', () => {
  it('ignores and sweeps temp files a killed writer left behind', async () => {
    const { store, cleanup } = await newStore();
    try {
      await mkdir(join(store.root, 'a.com/x/@v'), { recursive: true });
      await writeFile(join(store.root, 'a.com/x/@v/.tmp-v1.0.0.zip.abc'), 'partial');
      expect(await store.stat('a.com/x/@v/v1.0.0.zip')).toBeUndefined();
      const keys: string[] = [];
      for await (const e of store.list('')) keys.push(e.key);
      expect(keys).toEqual([]);
      expect(await store.sweepTemps()).toBe(1);
      expect(await readdir(join(store.root, 'a.com/x/@v'))).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
