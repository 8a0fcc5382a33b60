/**
 * @module util/atomic-write
 * Atomic file writes: data goes to a temp file in the destination directory, is fsynced, and is
 * renamed over the destination. A reader sees the old file or the complete new one, never a
 * partial one, and a crash at any moment leaves at worst a stray `.tmp-*` file (which readers
 * never open because its name never matches a real key).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

export const TEMP_MARKER = '.tmp-';

/** A temp path next to `dest` (same directory, so rename stays on one file system). */
export function tempPathFor(dest: string): string {
  return join(dirname(dest), `${TEMP_MARKER}${basename(dest)}.${randomBytes(6).toString('hex')}`);
}

async function fsyncFile(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Sync the directory entry so the rename survives a power loss (best effort on platforms without dir fsync). */
async function fsyncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
  } catch (e) {
    // Named fallback: some platforms cannot open directories; the rename is still atomic there.
    if ((e as NodeJS.ErrnoException).code === 'EISDIR' || (e as NodeJS.ErrnoException).code === 'EPERM') return;
    throw e;
  }
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Move an already complete temp file into place atomically. */
export async function commitTemp(temp: string, dest: string): Promise<void> {
  await fsyncFile(temp);
  await rename(temp, dest);
  await fsyncDir(dirname(dest));
}

/** Write `data` (bytes or a stream) to `dest` atomically. Returns the number of bytes written. */
export async function atomicWrite(dest: string, data: Uint8Array | string | Readable): Promise<number> {
  await mkdir(dirname(dest), { recursive: true });
  const temp = tempPathFor(dest);
  let bytes = 0;
  try {
    const out = createWriteStream(temp, { flags: 'wx' });
    if (typeof data === 'string' || data instanceof Uint8Array) {
      const buf = typeof data === 'string' ? Buffer.from(data) : data;
      bytes = buf.byteLength;
      await new Promise<void>((resolve, reject) => {
        out.on('error', reject);
        out.end(buf, resolve);
      });
    } else {
      data.on('data', (c: Buffer) => {
        bytes += c.byteLength;
      });
      await pipeline(data, out);
    }
    await commitTemp(temp, dest);
    return bytes;
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
