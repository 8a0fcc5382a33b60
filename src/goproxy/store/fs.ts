/**
 * @module goproxy/store/fs
 * File-system store: one file per key under a root directory (the cache/download layout), atomic
 * writes by temp file + rename (create-only puts use link(), which fails if the key exists, so two
 * racing writers never overwrite each other). Stray temp files from a crash are ignored by reads
 * and listing and removed by `sweepTemps()` at startup.
 */
import { createReadStream } from 'node:fs';
import { close as closeFd, fstat, open, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { link, mkdir, readFile, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { StevedoreError } from '../../errors.ts';
import { atomicWrite, commitTemp, TEMP_MARKER, tempPathFor } from '../../util/atomic-write.ts';
import { checkKey, type ByteRange, type PutOptions, type PutResult, type Store, type StoreEntry, type StoreStat } from './store.ts';

const TMP_DIR = '.tmp-downloads';
const openFd = promisify(open);
const fstatFd = promisify(fstat);

function statOf(s: Stats): StoreStat {
  return { size: s.size, mtimeMs: s.mtimeMs, etag: `"${s.size.toString(16)}-${Math.floor(s.mtimeMs * 1000).toString(16)}-${s.ino.toString(16)}"` };
}

function isErrno(e: unknown, code: string): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === code;
}

export class FsStore implements Store {
  readonly description: string;
  #bytes: number | undefined;

  constructor(readonly root: string) {
    this.description = `fs:${root}`;
  }

  #path(key: string): string {
    const why = checkKey(key);
    if (why !== undefined) throw new StevedoreError('GOPROXY_INVALID_INPUT', `invalid store key ${JSON.stringify(key.slice(0, 200))}: ${why}`);
    return join(this.root, ...key.split('/'));
  }

  async stat(key: string): Promise<StoreStat | undefined> {
    try {
      const s = await stat(this.#path(key));
      if (!s.isFile()) return undefined;
      return statOf(s);
    } catch (e) {
      if (isErrno(e, 'ENOENT') || isErrno(e, 'ENOTDIR')) return undefined;
      throw this.#wrap(e, key);
    }
  }

  async get(key: string, range?: ByteRange): Promise<{ stat: StoreStat; body: Readable } | undefined> {
    const st = await this.stat(key);
    if (st === undefined) return undefined;
    const body = createReadStream(this.#path(key), { highWaterMark: 256 << 10, ...(range === undefined ? {} : { start: range.start, end: range.end }) });
    return { stat: st, body };
  }

  async openFile(key: string): Promise<{ stat: StoreStat; fd: number } | undefined> {
    let fd: number;
    try {
      // A plain descriptor, not a FileHandle: the caller owns it and a FileHandle would close it when collected.
      fd = await openFd(this.#path(key), 'r');
    } catch (e) {
      if (isErrno(e, 'ENOENT') || isErrno(e, 'ENOTDIR')) return undefined;
      throw this.#wrap(e, key);
    }
    try {
      const s = await fstatFd(fd);
      if (s.isFile()) return { stat: statOf(s), fd };
      closeFd(fd, () => {});
      return undefined;
    } catch (e) {
      closeFd(fd, () => {});
      throw this.#wrap(e, key);
    }
  }

  async getBytes(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.#path(key));
    } catch (e) {
      if (isErrno(e, 'ENOENT') || isErrno(e, 'ENOTDIR') || isErrno(e, 'EISDIR')) return undefined;
      throw this.#wrap(e, key);
    }
  }

  async #precondition(key: string, options: PutOptions): Promise<PutResult | undefined> {
    if (options.ifMatch !== undefined) {
      const cur = await this.stat(key);
      if (cur?.etag !== options.ifMatch) return { written: false, stat: cur ?? { size: 0, mtimeMs: 0, etag: '' } };
    }
    return undefined;
  }

  async put(key: string, body: Uint8Array | Readable, options: PutOptions = {}): Promise<PutResult> {
    const dest = this.#path(key);
    const early = await this.#precondition(key, options);
    if (early !== undefined) return early;
    if (options.ifNoneMatch === '*') {
      const tmpDir = await this.tempDir();
      const temp = tempPathFor(join(tmpDir, 'put'));
      await atomicWrite(temp, body);
      return this.putFile(key, temp, options);
    }
    const before = (await this.stat(key))?.size ?? 0;
    try {
      await atomicWrite(dest, body);
    } catch (e) {
      throw this.#wrap(e, key);
    }
    const st = (await this.stat(key))!;
    this.#account(st.size - before);
    return { written: true, stat: st };
  }

  async putFile(key: string, tempFile: string, options: PutOptions = {}): Promise<PutResult> {
    const dest = this.#path(key);
    try {
      const early = await this.#precondition(key, options);
      if (early !== undefined) return early;
      await mkdir(dirname(dest), { recursive: true });
      if (options.ifNoneMatch === '*') {
        // link() is an atomic create-only: it fails with EEXIST when another writer won.
        await commitTemp(tempFile, `${tempFile}.ready`);
        try {
          await link(`${tempFile}.ready`, dest);
        } catch (e) {
          if (isErrno(e, 'EEXIST')) return { written: false, stat: (await this.stat(key))! };
          throw e;
        } finally {
          await rm(`${tempFile}.ready`, { force: true });
        }
      } else {
        const before = (await this.stat(key))?.size ?? 0;
        await commitTemp(tempFile, dest);
        this.#account(-before);
      }
      const st = (await this.stat(key))!;
      this.#account(st.size);
      return { written: true, stat: st };
    } catch (e) {
      throw this.#wrap(e, key);
    } finally {
      await rm(tempFile, { force: true });
    }
  }

  async delete(key: string): Promise<boolean> {
    const st = await this.stat(key);
    try {
      await unlink(this.#path(key));
      this.#account(-(st?.size ?? 0));
      return true;
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return false;
      throw this.#wrap(e, key);
    }
  }

  async *list(prefix: string): AsyncIterable<StoreEntry> {
    const walk = async function* (this: FsStore, dir: string): AsyncGenerator<StoreEntry> {
      let names;
      try {
        names = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        if (isErrno(e, 'ENOENT') || isErrno(e, 'ENOTDIR')) return;
        throw e;
      }
      names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const d of names) {
        if (d.name.startsWith(TEMP_MARKER) || d.name === TMP_DIR) continue;
        const full = join(dir, d.name);
        if (d.isDirectory()) yield* walk.call(this, full);
        else if (d.isFile()) {
          const key = relative(this.root, full).split(sep).join('/');
          if (key.startsWith(prefix)) yield { key, size: (await stat(full)).size };
        }
      }
    };
    // Start at the deepest directory the prefix names, then filter by the full prefix.
    const dirPart = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    if (dirPart !== '' && checkKey(dirPart) !== undefined) return;
    yield* walk.call(this, dirPart === '' ? this.root : join(this.root, ...dirPart.split('/')));
  }

  async usage(): Promise<number> {
    if (this.#bytes === undefined) {
      let total = 0;
      for await (const e of this.list('')) total += e.size;
      this.#bytes ??= total;
    }
    return this.#bytes;
  }

  #account(delta: number): void {
    if (this.#bytes !== undefined) this.#bytes += delta;
  }

  async tempDir(): Promise<string> {
    const d = join(this.root, TMP_DIR);
    await mkdir(d, { recursive: true });
    return d;
  }

  /** Remove temp files left by a crash (startup only: a running writer's temp file would be removed too). */
  async sweepTemps(): Promise<number> {
    let n = 0;
    const walk = async (dir: string): Promise<void> => {
      let names;
      try {
        names = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        if (isErrno(e, 'ENOENT')) return;
        throw e;
      }
      for (const d of names) {
        const full = join(dir, d.name);
        if (d.name === TMP_DIR || d.name.startsWith(TEMP_MARKER)) {
          await rm(full, { recursive: true, force: true });
          n++;
        } else if (d.isDirectory()) await walk(full);
      }
    };
    await walk(this.root);
    return n;
  }

  #wrap(e: unknown, key: string): StevedoreError {
    if (e instanceof StevedoreError) return e;
    return new StevedoreError('GOPROXY_STORE_FAILED', `store ${this.description}: ${key}: ${(e as Error).message}`, { cause: e, data: { key } });
  }
}

/** Rename helper for callers that stage whole trees (import). */
export async function renameInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await rename(from, to);
}
