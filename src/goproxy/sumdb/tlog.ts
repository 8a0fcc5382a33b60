/**
 * @module goproxy/sumdb/tlog
 * Transparent-log hashing of the checksum database (RFC 6962 as used by
 * golang.org/x/mod/sumdb/tlog): record hash SHA-256(0x00 || data), node hash
 * SHA-256(0x01 || left || right), the tree hash of n records, and the contents of level-0 tiles.
 * Used by the test checksum database and available for proof checks.
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
