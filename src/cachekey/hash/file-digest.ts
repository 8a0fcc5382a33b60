/**
 * @module cachekey/hash/file-digest
 * The per-file digest BuildKit's contenthash computes for a context entry (verified formula,
 * reference section 3.2): tarsum-v1 style `key+value` header pairs with no separators, in a fixed
 * order, then sorted xattrs, then the file bytes. uid/gid are always 0 for a client context,
 * uname/gname empty, and mtime is NOT part of it.
 */
import { createHash, type Hash } from 'node:crypto';
import type { ContextEntry } from '../context/types.ts';

const TYPEFLAG: Record<ContextEntry['type'], string> = {
  file: '0',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
};

/** xattrs BuildKit keeps: everything except security.* (but security.capability) and system.*. */
export function keptXattrs(xattrs: readonly (readonly [string, string])[]): (readonly [string, string])[] {
  return xattrs
    .filter(([k]) => k === 'security.capability' || !(k.startsWith('security.') || k.startsWith('system.')))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The header string hashed before the bytes. */
export function headerText(e: Pick<ContextEntry, 'type' | 'mode' | 'size' | 'linkTarget' | 'devMajor' | 'devMinor' | 'xattrs'>): string {
  const mode = e.type === 'symlink' ? 0o777 : e.mode & 0o7777;
  const size = e.type === 'file' ? e.size : 0;
  const link = e.type === 'symlink' ? e.linkTarget : '';
  let s = `namemode${mode}uid0gid0size${size}typeflag${TYPEFLAG[e.type]}linkname${link}unamegnamedevmajor${e.devMajor}devminor${e.devMinor}`;
  for (const [k, v] of keptXattrs(e.xattrs)) s += k + v;
  return s;
}

/** Start a digest for an entry; the caller feeds file bytes (regular files only) and calls finishDigest. */
export function startDigest(e: Parameters<typeof headerText>[0]): Hash {
  return createHash('sha256').update(headerText(e));
}

export function finishDigest(h: Hash): string {
  return `sha256:${h.digest('hex')}`;
}

/** Digest of an entry whose bytes are in memory (empty for non-files). */
export function entryDigestOf(e: Parameters<typeof headerText>[0], bytes?: Uint8Array): string {
  const h = startDigest(e);
  if (e.type === 'file' && bytes !== undefined) h.update(bytes);
  return finishDigest(h);
}
