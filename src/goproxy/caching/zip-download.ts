/**
 * @module goproxy/cache/zip-download
 * One cold .zip fetch, shared by every client asking for it meanwhile. Upstream bytes go to a
 * temp file; clients "follow" that file while it grows, so a cold zip streams to them while it is
 * being stored. The last HOLDBACK bytes are released only after the zip has been validated (module
 * zip rules, h1: hash, checksum database): a zip smaller than that is verified before the first
 * byte goes out (so a bad one gets a clean 502), and a bigger one that fails verification is cut
 * off before its end-of-central-directory, so no client ever receives a complete bad zip.
 */
import { EventEmitter } from 'node:events';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { SourceResponse } from '../upstream/source.ts';

export const HOLDBACK_BYTES = 4 << 20;

type State = { kind: 'running' } | { kind: 'done' } | { kind: 'failed'; error: unknown };

export class ZipDownload extends EventEmitter {
  written = 0;
  size: number | undefined;
  state: State = { kind: 'running' };
  /** Resolves when the download is finished (verified and stored) or failed; never rejects. */
  readonly finished: Promise<void>;
  #resolve!: () => void;

  constructor(
    readonly tempFile: string,
    private readonly holdback = HOLDBACK_BYTES,
  ) {
    super();
    this.setMaxListeners(0);
    this.finished = new Promise((r) => (this.#resolve = r));
  }

  /** Copy the upstream body into the temp file, announcing progress after each chunk is written. */
  async receive(res: SourceResponse): Promise<void> {
    this.size = res.size;
    const fh = await open(this.tempFile, 'wx');
    try {
      for await (const chunk of res.body) {
        const c = chunk as Buffer;
        let off = 0;
        while (off < c.byteLength) off += (await fh.write(c, off, c.byteLength - off)).bytesWritten;
        this.written += c.byteLength;
        this.emit('progress');
      }
    } finally {
      await fh.close();
    }
  }

  complete(): void {
    this.state = { kind: 'done' };
    this.emit('progress');
    this.#resolve();
  }

  fail(error: unknown): void {
    this.state = { kind: 'failed', error };
    this.emit('progress');
    this.#resolve();
  }

  /** Bytes a follower may read now. */
  releasable(): number {
    if (this.state.kind === 'done') return this.written;
    return Math.max(0, this.written - this.holdback);
  }

  /** Resolves once some bytes are releasable or the download has ended. */
  async ready(): Promise<void> {
    while (this.state.kind === 'running' && this.releasable() === 0) {
      await new Promise<void>((r) => this.once('progress', r));
    }
  }

  /** A stream of the zip as it arrives (all bytes once verified); errors if verification fails. */
  follow(): Readable {
    let fh: FileHandle | undefined;
    let pos = 0;
    let reading = false;
    const stream = new Readable({
      highWaterMark: 1 << 20,
      read: () => {
        if (reading) return;
        reading = true;
        void pump().finally(() => (reading = false));
      },
      destroy: (err, cb) => {
        this.off('progress', wake);
        void (fh?.close() ?? Promise.resolve()).then(() => cb(err), () => cb(err));
      },
    });
    let waiter: (() => void) | undefined;
    const wake = (): void => {
      const w = waiter;
      waiter = undefined;
      w?.();
    };
    this.on('progress', wake);
    const pump = async (): Promise<void> => {
      try {
        fh ??= await open(this.tempFile, 'r');
        for (;;) {
          if (this.state.kind === 'failed') {
            stream.destroy(this.state.error instanceof Error ? this.state.error : new Error(String(this.state.error)));
            return;
          }
          const limit = this.releasable();
          if (pos < limit) {
            const buf = Buffer.allocUnsafe(Math.min(1 << 20, limit - pos));
            const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
            pos += bytesRead;
            if (!stream.push(buf.subarray(0, bytesRead))) return;
            continue;
          }
          if (this.state.kind === 'done') {
            stream.push(null);
            return;
          }
          await new Promise<void>((r) => (waiter = r));
        }
      } catch (e) {
        stream.destroy(e as Error);
      }
    };
    return stream;
  }

  async cleanup(): Promise<void> {
    await rm(this.tempFile, { force: true });
  }
}
