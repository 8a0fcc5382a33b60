/**
 * @module goproxy/store/store
 * The storage interface of the module proxy. Keys are "/"-separated, already-escaped paths in
 * the GOMODCACHE cache/download layout ("github.com/!azure/x/@v/v1.0.0.zip"), so a file-system
 * store doubles as a `GOPROXY=file://` tree. Shaped for object stores as well (S3 is next):
 * streams in and out, conditional put (create-only or if-match), list by prefix, stat/size.
 * Implementations must make writes atomic: a reader sees no object or a complete one.
 */
import type { Readable } from 'node:stream';

export interface StoreStat {
  readonly size: number;
  readonly mtimeMs: number;
  /** Strong validator for the object's current content. */
  readonly etag: string;
}

export interface ByteRange {
  /** Inclusive first byte. */
  readonly start: number;
  /** Inclusive last byte. */
  readonly end: number;
}

export interface PutOptions {
  /** Create only: do nothing (written: false) if the key exists. Immutable artifacts use this. */
  readonly ifNoneMatch?: '*';
  /** Replace only if the current etag equals this (optimistic concurrency for lists). */
  readonly ifMatch?: string;
}

export interface PutResult {
  readonly written: boolean;
  readonly stat: StoreStat;
}

export interface StoreEntry {
  readonly key: string;
  readonly size: number;
}

export interface Store {
  /** Human-readable location for logs ("fs:/var/cache/stevedore/goproxy"). */
  readonly description: string;
  stat(key: string): Promise<StoreStat | undefined>;
  /** Open an object (optionally a byte range of it); undefined when absent. */
  get(key: string, range?: ByteRange): Promise<{ stat: StoreStat; body: Readable } | undefined>;
  /**
   * Optional, for stores backed by local files: the object opened as a file descriptor the caller
   * owns (and closes), with its stat taken from that descriptor. The HTTP fast path sends zips
   * from it with reused buffers instead of a stream allocating a new one per chunk.
   */
  openFile?(key: string): Promise<{ stat: StoreStat; fd: number } | undefined>;
  /** Whole small objects (.info, .mod, lists) as bytes. */
  getBytes(key: string): Promise<Buffer | undefined>;
  put(key: string, body: Uint8Array | Readable, options?: PutOptions): Promise<PutResult>;
  /** Move a complete local temp file in (a rename for fs; an upload for object stores). The temp file is consumed. */
  putFile(key: string, tempFile: string, options?: PutOptions): Promise<PutResult>;
  delete(key: string): Promise<boolean>;
  list(prefix: string): AsyncIterable<StoreEntry>;
  /** Total bytes stored (for the storage_bytes metric). */
  usage(): Promise<number>;
  /** A directory for temp files that putFile can consume cheaply. */
  tempDir(): Promise<string>;
}

const KEY_CHARS = /^[A-Za-z0-9!._~+@/-]+$/;

/** Why a key is unusable, or undefined. Keys come from validated protocol requests, this is defence in depth. */
export function checkKey(key: string): string | undefined {
  if (key.length === 0 || key.length > 2048) return 'empty or too long';
  if (!KEY_CHARS.test(key)) return 'invalid characters';
  if (key.startsWith('/') || key.endsWith('/')) return 'leading or trailing slash';
  for (const e of key.split('/')) {
    if (e === '' || e === '.' || e === '..') return `bad element ${JSON.stringify(e)}`;
    if (e.startsWith('.tmp-')) return 'reserved temp-file name';
  }
  return undefined;
}
