/**
 * @module goproxy/zip/reader
 * A small zip central-directory reader over a random-access file (no dependency). It reads the
 * end-of-central-directory record and the central directory only, then streams single entries
 * through node:zlib inflateRaw on demand. Limits guard against hostile archives: entry count,
 * total declared size, per-entry compression ratio, and inflated output capped at the
 * declared size (a zip bomb that lies about its size fails instead of filling memory or disk).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { Readable, Transform, type TransformCallback } from 'node:stream';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly crc32: number;
  readonly localHeaderOffset: number;
  /** Unix mode from the external attributes when the archive was made on Unix, else undefined. */
  readonly unixMode: number | undefined;
  readonly flags: number;
}

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxTotalUncompressed: number;
  /**
   * Largest allowed declared uncompressed/compressed ratio for one deflated entry. Deflate cannot
   * expand more than about 1032:1, so a larger declared ratio is a lie (a bomb or corruption).
   */
  readonly maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 200_000, maxTotalUncompressed: 500 << 20, maxRatio: 1100 };

/** Thrown for malformed or hostile archives; `reason` is safe to show to users. */
export class ZipFormatError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ZipFormatError';
  }
}

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  let off = 0;
  while (off < len) {
    const { bytesRead } = await fh.read(buf, off, len - off, pos + off);
    if (bytesRead === 0) throw new ZipFormatError(`unexpected end of file at byte ${pos + off}`);
    off += bytesRead;
  }
  return buf;
}

export class ZipReader {
  private constructor(
    private readonly fh: FileHandle,
    readonly size: number,
    readonly entries: readonly ZipEntry[],
    private readonly limits: ZipLimits,
  ) {}

  static async open(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipReader> {
    const fh = await open(path, 'r');
    try {
      const { size } = await fh.stat();
      const entries = await readCentralDirectory(fh, size, limits);
      return new ZipReader(fh, size, entries, limits);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.fh.close();
  }

  /** Stream an entry's uncompressed bytes; errors if the output exceeds the declared size or the CRC differs. */
  async openEntry(entry: ZipEntry): Promise<Readable> {
    const local = await readAt(this.fh, entry.localHeaderOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL_SIG) throw new ZipFormatError(`bad local header for ${JSON.stringify(entry.name)}`);
    const dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (dataStart + entry.compressedSize > this.size) throw new ZipFormatError(`entry ${JSON.stringify(entry.name)} extends past end of file`);
    const raw = this.fh.createReadStream({ start: dataStart, end: dataStart + entry.compressedSize - 1, autoClose: false });
    if (entry.compressedSize === 0) raw.destroy();
    const source: Readable = entry.compressedSize === 0 ? emptyStream() : raw;
    const guard = new SizeGuard(entry);
    if (entry.method === 0) return source.pipe(guard);
    const inflate = createInflateRaw();
    source.on('error', (e) => inflate.destroy(e));
    inflate.on('error', (e) => guard.destroy(new ZipFormatError(`inflating ${JSON.stringify(entry.name)}: ${e.message}`)));
    return source.pipe(inflate).pipe(guard);
  }

  get limitsInUse(): ZipLimits {
    return this.limits;
  }
}

function emptyStream(): Readable {
  return Readable.from([]);
}


/** Passes bytes through, failing when more than the declared size arrives or the CRC-32 does not match. */
class SizeGuard extends Transform {
  #seen = 0;
  #crc = 0;
  constructor(private readonly entry: ZipEntry) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.#seen += chunk.byteLength;
    if (this.#seen > this.entry.uncompressedSize) {
      cb(new ZipFormatError(`entry ${JSON.stringify(this.entry.name)} inflates past its declared size ${this.entry.uncompressedSize}`));
      return;
    }
    this.#crc = crc32(chunk, this.#crc);
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    if (this.#seen !== this.entry.uncompressedSize) {
      cb(new ZipFormatError(`entry ${JSON.stringify(this.entry.name)} is ${this.#seen} bytes, declared ${this.entry.uncompressedSize}`));
      return;
    }
    if (this.#crc >>> 0 !== this.entry.crc32 >>> 0) {
      cb(new ZipFormatError(`entry ${JSON.stringify(this.entry.name)} fails its CRC-32 check`));
      return;
    }
    cb();
  }
}

async function readCentralDirectory(fh: FileHandle, size: number, limits: ZipLimits): Promise<ZipEntry[]> {
  if (size < 22) throw new ZipFormatError('file too small to be a zip archive');
  const tailLen = Math.min(size, 22 + 0xffff);
  const tail = await readAt(fh, size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end-of-central-directory record (truncated or not a zip)');
  if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIG) {
    throw new ZipFormatError('zip64 archives are not supported (module zips are limited to 500 MiB)');
  }
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count > limits.maxEntries) throw new ZipFormatError(`too many entries (${count})`);
  if (cdOffset + cdSize > size - (tailLen - eocd)) throw new ZipFormatError('central directory lies outside the file');
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CD_SIG) throw new ZipFormatError(`bad central directory entry #${k + 1}`);
    const madeBy = cd.readUInt16LE(p + 4) >> 8;
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc = cd.readUInt32LE(p + 16);
    const compressedSize = cd.readUInt32LE(p + 20);
    const uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const external = cd.readUInt32LE(p + 38);
    const localHeaderOffset = cd.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > cd.length) throw new ZipFormatError(`central directory entry #${k + 1} overruns`);
    const nameBuf = cd.subarray(p + 46, p + 46 + nameLen);
    const name = nameBuf.toString('utf8');
    if (Buffer.compare(Buffer.from(name, 'utf8'), nameBuf) !== 0) throw new ZipFormatError(`entry #${k + 1} name is not valid UTF-8`);
    if (flags & 1) throw new ZipFormatError(`entry ${JSON.stringify(name)} is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`entry ${JSON.stringify(name)} uses unsupported compression method ${method}`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      throw new ZipFormatError(`entry ${JSON.stringify(name)} needs zip64`);
    }
    if (method === 0 && compressedSize !== uncompressedSize) throw new ZipFormatError(`stored entry ${JSON.stringify(name)} has mismatched sizes`);
    if (method === 8 && uncompressedSize > 1024 && uncompressedSize / Math.max(1, compressedSize) > limits.maxRatio) {
      throw new ZipFormatError(`entry ${JSON.stringify(name)} has a suspicious compression ratio (zip bomb?)`);
    }
    total += uncompressedSize;
    if (total > limits.maxTotalUncompressed) throw new ZipFormatError(`total uncompressed size exceeds ${limits.maxTotalUncompressed} bytes`);
    if (localHeaderOffset + 30 + compressedSize > cdOffset) throw new ZipFormatError(`entry ${JSON.stringify(name)} overlaps the central directory`);
    const unixMode = madeBy === 3 ? external >>> 16 : undefined;
    entries.push({ name, method, compressedSize, uncompressedSize, crc32: crc, localHeaderOffset, unixMode, flags });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
