/**
 * @module cachekey/context/snapshot
 * A saved context snapshot: every entry after .dockerignore with its stat fields (mtime
 * included) and digest, plus the Dockerfile and ignore-file texts. Saved before a build
 * (`stevedore explain --save-snapshot FILE`) and used as `--from snapshot:FILE`, it gives A the
 * mtimes git cannot, so `explain` can warn about STALE_RISK and TRANSFER_ONLY.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { StevedoreError } from '../../errors.ts';
import { mapLimit } from '../concurrency.ts';
import type { ContextEntry, ContextSnapshot } from './types.ts';

const entrySchema = z.object({
  path: z.string(),
  type: z.enum(['file', 'dir', 'symlink', 'char', 'block', 'fifo']),
  mode: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number().optional(),
  linkTarget: z.string(),
  devMajor: z.number().int(),
  devMinor: z.number().int(),
  digest: z.string(),
});
const snapshotSchema = z.object({
  kind: z.literal('stevedore-context-snapshot'),
  version: z.literal(1),
  label: z.string(),
  ignoreFile: z.string().optional(),
  ignorePatterns: z.array(z.string()),
  texts: z.record(z.string(), z.string()),
  entries: z.array(entrySchema),
});

/** Hash everything and write the snapshot atomically (temp file + rename). */
export async function saveSnapshot(snap: ContextSnapshot, texts: Readonly<Record<string, string>>, file: string): Promise<void> {
  const entries = [...snap.entries.values()];
  const digests = await mapLimit(entries, 16, (e) => snap.entryDigest(e.path));
  const body = {
    kind: 'stevedore-context-snapshot',
    version: 1,
    label: snap.label,
    ...(snap.ignoreFile === undefined ? {} : { ignoreFile: snap.ignoreFile }),
    ignorePatterns: snap.ignorePatterns,
    texts,
    entries: entries.map((e, i) => ({
      path: e.path, type: e.type, mode: e.mode, size: e.size,
      ...(e.mtimeMs === undefined ? {} : { mtimeMs: e.mtimeMs }),
      linkTarget: e.linkTarget, devMajor: e.devMajor, devMinor: e.devMinor, digest: digests[i] ?? '',
    })),
  };
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify(body));
  await rename(tmp, file);
}

/**
 * Snapshot a context together with the texts `explain` reads outside the context filter: the
 * Dockerfile and both ignore files (the Dockerfile is often .dockerignore'd itself).
 */
export async function saveContextSnapshot(snap: ContextSnapshot, dockerfile: string, file: string): Promise<void> {
  const texts: Record<string, string> = {};
  for (const p of [dockerfile, `${dockerfile}.dockerignore`, '.dockerignore']) {
    const t = await snap.readText(p);
    if (t !== undefined) texts[p] = t;
  }
  await saveSnapshot(snap, texts, file);
}

export async function loadSnapshot(file: string): Promise<ContextSnapshot> {
  let parsed;
  try {
    parsed = snapshotSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (e) {
    throw new StevedoreError('CACHEKEY_SNAPSHOT_INVALID', `snapshot ${file} is not readable: ${(e as Error).message.split('\n')[0] ?? ''}`, { cause: e });
  }
  const entries = new Map<string, ContextEntry>();
  const digests = new Map<string, string>();
  for (const e of parsed.entries) {
    entries.set(e.path, { path: e.path, type: e.type, mode: e.mode, size: e.size, mtimeMs: e.mtimeMs, linkTarget: e.linkTarget, devMajor: e.devMajor, devMinor: e.devMinor, xattrs: [] });
    digests.set(e.path, e.digest);
  }
  return {
    label: `snapshot:${file}`,
    entries,
    ignoreFile: parsed.ignoreFile,
    ignorePatterns: parsed.ignorePatterns,
    entryDigest: (p) => {
      const d = digests.get(p);
      return d === undefined ? Promise.reject(new Error(`no snapshot entry ${p}`)) : Promise.resolve(d);
    },
    readText: (p) => Promise.resolve(parsed.texts[p]),
    close: () => Promise.resolve(),
  };
}
