/**
 * @module goproxy/sumdb/tlog
 * Transparent-log hashing of the checksum database (RFC 6962 as used by
 * golang.org/x/mod/sumdb/tlog): record hash SHA-256(0x00 || data), node hash
 * SHA-256(0x01 || left || right), the tree hash of n records, and the contents of tiles.
 *
 * Proofs are computed over a synchronous NodeReader so that one algorithm serves two passes: a
 * dry run with a recording reader tells which tiles are needed, then the real run reads hashes
 * from the fetched tiles. The algorithms' shape depends only on sizes and ids, never on hash
 * values, so both passes visit the same nodes.
 */
import { createHash } from 'node:crypto';

export function recordHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.from([0])).update(data).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(Buffer.from([1])).update(left).update(right).digest();
}

/** Merkle tree hash over leaf hashes (RFC 6962 MTH). */
export function treeHash(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)));
}

/** Hash of the complete subtree of height `level` starting at leaf index `index << level`. */
export function subtreeHash(leaves: readonly Buffer[], level: number, index: number): Buffer {
  const size = 2 ** level;
  return treeHash(leaves.slice(index * size, (index + 1) * size));
}

/**
 * Tile bytes for tile height `h`, tile level `l`, index `n`, width `w`: the concatenated hashes of
 * the stored nodes at tree level l×h, indices n×2^h … n×2^h+w−1.
 */
export function tileBytes(leaves: readonly Buffer[], h: number, l: number, n: number, w: number): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < w; i++) out.push(subtreeHash(leaves, l * h, n * 2 ** h + i));
  return Buffer.concat(out);
}

/** Tile height used by the Go checksum database (and the go command). */
export const TILE_HEIGHT = 8;
const TILE_WIDTH = 2 ** TILE_HEIGHT;
const HASH = 32;

/** Returns the stored hash of the complete subtree of 2^level leaves starting at leaf index << level. */
export type NodeReader = (level: number, index: number) => Buffer;

export interface TileRef {
  readonly level: number;
  readonly index: number;
  /** 1…256: number of hashes in the tile (256 = full tile). */
  readonly width: number;
}

/** Largest power of two strictly below n (n ≥ 2): where RFC 6962 splits a range of n leaves. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Hash of the leaves [lo, hi) where lo is aligned to the largest power of two below hi - lo. */
function rangeHash(read: NodeReader, lo: number, hi: number): Buffer {
  const n = hi - lo;
  if ((n & (n - 1)) === 0) {
    const level = Math.log2(n);
    return read(level, lo / n);
  }
  const k = split(n);
  return nodeHash(rangeHash(read, lo, lo + k), rangeHash(read, lo + k, hi));
}

/** Root hash of the tree of the first `size` records. */
export function rootFrom(read: NodeReader, size: number): Buffer {
  if (size <= 0) return createHash('sha256').digest();
  return rangeHash(read, 0, size);
}

/**
 * Root of the tree of `size` records computed from the leaf hash at `id` and its siblings: it
 * equals the signed root only if the leaf is really record `id` of that tree.
 */
export function rootWithLeaf(read: NodeReader, size: number, id: number, leaf: Buffer): Buffer {
  const walk = (lo: number, hi: number): Buffer => {
    if (hi - lo === 1) return leaf;
    const k = split(hi - lo);
    return id < lo + k ? nodeHash(walk(lo, lo + k), rangeHash(read, lo + k, hi)) : nodeHash(rangeHash(read, lo, lo + k), walk(lo + k, hi));
  };
  if (id < 0 || id >= size) throw new RangeError(`record ${id} outside tree of size ${size}`);
  return walk(0, size);
}

/**
 * Roots of the trees of `oldSize` and `newSize` records (oldSize ≤ newSize) from one set of node
 * hashes. Every hash read feeds the new root and the old root is built from a subset of them, so
 * matching both signed roots proves the new tree extends the old one (RFC 6962 consistency).
 */
export function consistentRoots(read: NodeReader, oldSize: number, newSize: number): { old: Buffer; new: Buffer } {
  if (oldSize < 1 || oldSize > newSize) throw new RangeError(`no consistency between sizes ${oldSize} and ${newSize}`);
  const walk = (lo: number, hi: number): { old: Buffer; new: Buffer } => {
    if (oldSize === hi) {
      const v = rangeHash(read, lo, hi);
      return { old: v, new: v };
    }
    const k = split(hi - lo);
    if (oldSize <= lo + k) {
      const left = walk(lo, lo + k);
      return { old: left.old, new: nodeHash(left.new, rangeHash(read, lo + k, hi)) };
    }
    const left = rangeHash(read, lo, lo + k);
    const right = walk(lo + k, hi);
    return { old: nodeHash(left, right.old), new: nodeHash(left, right.new) };
  };
  return walk(0, newSize);
}

/** The tile holding the hashes a node is computed from, at the width it has in a tree of `size` records. */
export function tileFor(level: number, index: number, size: number): TileRef {
  const tileLevel = Math.floor(level / TILE_HEIGHT);
  const first = index * 2 ** (level - tileLevel * TILE_HEIGHT);
  const tileIndex = Math.floor(first / TILE_WIDTH);
  const stored = Math.floor(size / 2 ** (tileLevel * TILE_HEIGHT));
  const width = Math.min(TILE_WIDTH, stored - tileIndex * TILE_WIDTH);
  if (width <= 0) throw new RangeError(`node ${level}/${index} is not in a tree of size ${size}`);
  return { level: tileLevel, index: tileIndex, width };
}

/** Tiles a computation over a tree of `size` records reads, found by a dry run (hash values do not steer it). */
export function tilesNeeded(size: number, run: (read: NodeReader) => unknown): TileRef[] {
  const seen = new Map<string, TileRef>();
  const zero = Buffer.alloc(HASH);
  run((level, index) => {
    const t = tileFor(level, index, size);
    seen.set(tilePath(t), t);
    return zero;
  });
  return [...seen.values()];
}

/** "tile/8/L/x001/x234/067[.p/W]": the index in three-digit groups, all but the last marked x. */
export function tilePath(t: TileRef): string {
  const digits = String(t.index);
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end).padStart(3, '0'));
  const name = groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
  return `tile/${TILE_HEIGHT}/${t.level}/${name}${t.width < TILE_WIDTH ? `.p/${t.width}` : ''}`;
}

/**
 * A NodeReader over fetched tiles (keyed by tilePath) for a tree of `size` records. A node above
 * a tile's level is hashed up from the tile's entries; a tile of the wrong length is an error.
 */
export function tileReader(size: number, tiles: ReadonlyMap<string, Buffer>): NodeReader {
  return (level, index) => {
    const t = tileFor(level, index, size);
    const data = tiles.get(tilePath(t));
    if (data === undefined) throw new TileError(`tile ${tilePath(t)} was not fetched`);
    if (data.length !== t.width * HASH) throw new TileError(`tile ${tilePath(t)} has ${data.length} bytes, want ${t.width * HASH}`);
    const span = 2 ** (level - t.level * TILE_HEIGHT);
    const offset = index * span - t.index * TILE_WIDTH;
    const hashes: Buffer[] = [];
    for (let i = offset; i < offset + span; i++) hashes.push(data.subarray(i * HASH, (i + 1) * HASH));
    return treeHash(hashes);
  };
}

export class TileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TileError';
  }
}
