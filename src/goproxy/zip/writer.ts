/**
 * @module goproxy/zip/writer
 * A minimal streaming zip writer (stored or deflated entries, no zip64), enough to build module
 * zips for test fixtures and benchmarks and to write `proxy export` bundles. Entries are written
 * with sizes and CRC known up front (no data descriptors), so the reader's checks apply fully.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { once } from 'node:events';
import type { Readable } from 'node:stream';

interface CdRecord {
  name: Buffer;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
  mode: number;
}

export class ZipWriter {
  readonly #out: WriteStream;
  #offset = 0;
  readonly #records: CdRecord[] = [];

  constructor(path: string) {
    this.#out = createWriteStream(path, { flags: 'wx' });
  }

  async #write(b: Uint8Array): Promise<void> {
    this.#offset += b.byteLength;
    if (!this.#out.write(b)) await once(this.#out, 'drain');
  }

  #localHeader(name: Buffer, method: number, crc: number, csize: number, usize: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x800, 6); // UTF-8 names
    h.writeUInt16LE(method, 8);
    h.writeUInt32LE(0, 10);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(csize, 18);
    h.writeUInt32LE(usize, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28);
    return h;
  }

  /** Add an entry from bytes; deflated unless `store` or it does not shrink. `mode` is the Unix mode (default 0644 file). */
  async add(name: string, data: Uint8Array, opts: { store?: boolean; mode?: number } = {}): Promise<void> {
    const nameBuf = Buffer.from(name);
    const crc = crc32(data);
    let body: Uint8Array = data;
    let method = 0;
    if (opts.store !== true && data.byteLength > 0) {
      const d = deflateRawSync(data);
      if (d.byteLength < data.byteLength) {
        body = d;
        method = 8;
      }
    }
    const offset = this.#offset;
    await this.#write(this.#localHeader(nameBuf, method, crc, body.byteLength, data.byteLength));
    await this.#write(nameBuf);
    await this.#write(body);
    this.#records.push({ name: nameBuf, method, crc, csize: body.byteLength, usize: data.byteLength, offset, mode: opts.mode ?? 0o100644 });
  }

  /** Add a stored entry whose bytes come from a stream; size and CRC must be known (e.g. from a store stat + hash pass). */
  async addStoredStream(name: string, size: number, crc: number, data: Readable): Promise<void> {
    const nameBuf = Buffer.from(name);
    const offset = this.#offset;
    await this.#write(this.#localHeader(nameBuf, 0, crc, size, size));
    await this.#write(nameBuf);
    let n = 0;
    for await (const chunk of data) {
      n += (chunk as Buffer).byteLength;
      await this.#write(chunk as Buffer);
    }
    if (n !== size) throw new Error(`entry ${name}: expected ${size} bytes, got ${n}`);
    this.#records.push({ name: nameBuf, method: 0, crc, csize: size, usize: size, offset, mode: 0o100644 });
  }

  async close(): Promise<void> {
    const cdStart = this.#offset;
    for (const r of this.#records) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode in external attributes counts
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x800, 8);
      h.writeUInt16LE(r.method, 10);
      h.writeUInt32LE(r.crc >>> 0, 16);
      h.writeUInt32LE(r.csize, 20);
      h.writeUInt32LE(r.usize, 24);
      h.writeUInt16LE(r.name.length, 28);
      h.writeUInt32LE((r.mode << 16) >>> 0, 38);
      h.writeUInt32LE(r.offset, 42);
      await this.#write(h);
      await this.#write(r.name);
    }
    const cdSize = this.#offset - cdStart;
    const e = Buffer.alloc(22);
    e.writeUInt32LE(0x06054b50, 0);
    e.writeUInt16LE(this.#records.length, 8);
    e.writeUInt16LE(this.#records.length, 10);
    e.writeUInt32LE(cdSize, 12);
    e.writeUInt32LE(cdStart, 16);
    await this.#write(e);
    this.#out.end();
    await once(this.#out, 'close');
  }

  /** Abandon a partial archive (the caller removes the file). */
  destroy(): void {
    this.#out.destroy();
  }
}
