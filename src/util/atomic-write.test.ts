// Atomic writes: complete content or the old file, never a partial one; temp files cleaned up on failure.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite } from './atomic-write.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('atomicWrite', () => {
  it('writes bytes and streams, creating directories, replacing atomically', async () => {
    const p = join(dir, 'a', 'b', 'f.txt');
    expect(await atomicWrite(p, 'first')).toBe(5);
    expect(await atomicWrite(p, Readable.from([Buffer.from('sec'), Buffer.from('ond')]))).toBe(6);
    expect(await readFile(p, 'utf8')).toBe('second');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['f.txt']);
  });

  it('leaves the old file and no temp file when the source stream fails', async () => {
    const p = join(dir, 'f.txt');
    await atomicWrite(p, 'old');
    const failing = new Readable({
      read() {
        this.push('partial');
        this.destroy(new Error('upstream reset'));
      },
    });
    await expect(atomicWrite(p, failing)).rejects.toThrow('upstream reset');
    expect(await readFile(p, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['f.txt']);
  });
});
