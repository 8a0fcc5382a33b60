/**
 * @module goproxy/warm/bundle
 * `stevedore proxy export` / `import`: move a project's module set to an offline machine. A
 * bundle is a zip (stored entries) holding `stevedore-bundle.json` (format, modules, hashes) and
 * the artifacts under `cache/download/<escaped module>/@v/…`, the GOMODCACHE layout, so an
 * unpacked bundle also works as GOPROXY=file://…/cache/download. Import validates every entry
 * (paths, zip rules, hashes from the manifest) before it is stored; a damaged bundle stores
 * nothing it could not verify.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { StevedoreError } from '../../errors.ts';
import { parseProxyPath, requestPath, type ArtifactRequest } from '../protocol/index.ts';
import type { Store } from '../store/store.ts';
import { FsStore } from '../store/fs.ts';
import { ZipWriter } from '../zip/writer.ts';
import { ZipFormatError, ZipReader } from '../zip/reader.ts';
import { hashGoMod } from '../zip/dirhash.ts';
import { validateModuleZip } from '../zip/validate.ts';
import type { ModuleWant } from './modset.ts';

const MANIFEST = 'stevedore-bundle.json';
const PREFIX = 'cache/download/';

const ManifestSchema = z.object({
  format: z.literal(1),
  modules: z.array(z.object({ module: z.string(), version: z.string(), zip: z.boolean(), zipHash: z.string().optional(), modHash: z.string().optional() })),
});
type Manifest = z.infer<typeof ManifestSchema>;

export interface BundleReport {
  readonly modules: number;
  readonly files: number;
  readonly bytes: number;
  readonly skipped: readonly string[];
}

async function fileCrc(path: string): Promise<number> {
  let c = 0;
  for await (const chunk of createReadStream(path)) c = crc32(chunk as Buffer, c);
  return c;
}

/** Write the artifacts of `modules` (already in `store`) into a new bundle at `out`. */
export async function exportBundle(store: Store, modules: readonly ModuleWant[], out: string): Promise<BundleReport> {
  const w = new ZipWriter(out);
  let files = 0;
  let bytes = 0;
  const skipped: string[] = [];
  try {
    await w.add(MANIFEST, Buffer.from(JSON.stringify({ format: 1, modules: modules.map((m) => ({ ...m })) } satisfies Manifest, null, 2)));
    for (const m of modules) {
      for (const kind of m.zip ? (['info', 'mod', 'zip'] as const) : (['mod'] as const)) {
        const key = requestPath({ kind, module: m.module, version: m.version, canonical: true });
        const st = await store.stat(key);
        if (st === undefined) {
          skipped.push(key);
          continue;
        }
        if (!(store instanceof FsStore)) throw new StevedoreError('GOPROXY_INVALID_INPUT', 'export needs a file-system store');
        const path = join(store.root, ...key.split('/'));
        await w.addStoredStream(`${PREFIX}${key}`, st.size, await fileCrc(path), createReadStream(path));
        files++;
        bytes += st.size;
      }
    }
    await w.close();
  } catch (e) {
    w.destroy();
    await rm(out, { force: true });
    throw e;
  }
  return { modules: modules.length, files, bytes, skipped };
}

function bad(bundle: string, why: string, cause?: unknown): StevedoreError {
  return new StevedoreError('GOPROXY_BUNDLE_INVALID', `${bundle}: ${why}`, cause === undefined ? {} : { cause });
}

/** Verify and store every artifact of a bundle. */
export async function importBundle(store: Store, bundle: string): Promise<BundleReport> {
  let zip: ZipReader;
  try {
    zip = await ZipReader.open(bundle, { maxEntries: 1_000_000, maxTotalUncompressed: Number.MAX_SAFE_INTEGER, maxRatio: 1100 });
  } catch (e) {
    throw bad(bundle, e instanceof ZipFormatError ? e.reason : (e as Error).message, e);
  }
  let files = 0;
  let bytes = 0;
  try {
    const me = zip.entries.find((e) => e.name === MANIFEST);
    if (me === undefined) throw bad(bundle, `no ${MANIFEST}: not a stevedore proxy export`);
    let text = '';
    for await (const c of await zip.openEntry(me)) text += (c as Buffer).toString();
    const parsedManifest = ManifestSchema.safeParse(JSON.parse(text));
    if (!parsedManifest.success) throw bad(bundle, `unsupported manifest: ${parsedManifest.error.issues[0]?.message ?? 'invalid'}`);
    const manifest = parsedManifest.data;
    const hashes = new Map(manifest.modules.map((m) => [`${m.module}@${m.version}`, m]));
    const tmpDir = await store.tempDir();
    for (const e of zip.entries) {
      if (e.name === MANIFEST || e.name.endsWith('/')) continue;
      if (!e.name.startsWith(PREFIX)) throw bad(bundle, `unexpected entry ${JSON.stringify(e.name)}`);
      const key = e.name.slice(PREFIX.length);
      const parsed = parseProxyPath(key);
      if (!parsed.ok || parsed.request.kind === 'sumdb' || parsed.request.kind === 'list' || parsed.request.kind === 'latest' || !parsed.request.canonical || requestPath(parsed.request) !== key) {
        throw bad(bundle, `entry ${JSON.stringify(e.name)} is not a module artifact path`);
      }
      const req: ArtifactRequest = parsed.request;
      const want = hashes.get(`${req.module}@${req.version}`);
      if (want === undefined) throw bad(bundle, `entry ${JSON.stringify(e.name)} is not listed in the manifest`);
      const tmp = join(tmpDir, `import-${randomBytes(8).toString('hex')}`);
      await pipeline(await zip.openEntry(e), createWriteStream(tmp, { flags: 'wx' }));
      try {
        if (req.kind === 'zip') {
          const h = await validateModuleZip(tmp, req.module, req.version);
          if (want.zipHash !== undefined && h !== want.zipHash) throw new StevedoreError('GOPROXY_CHECKSUM_MISMATCH', `${req.module}@${req.version}: zip hashes to ${h}, manifest says ${want.zipHash}`);
        } else if (req.kind === 'mod' && want.modHash !== undefined) {
          const h = hashGoMod(await readFile(tmp));
          if (h !== want.modHash) throw new StevedoreError('GOPROXY_CHECKSUM_MISMATCH', `${req.module}@${req.version}/go.mod: hashes to ${h}, manifest says ${want.modHash}`);
        }
        await store.putFile(key, tmp, { ifNoneMatch: '*' });
      } finally {
        await rm(tmp, { force: true });
      }
      files++;
      bytes += e.uncompressedSize;
    }
    return { modules: manifest.modules.length, files, bytes, skipped: [] };
  } catch (e) {
    if (e instanceof SyntaxError) throw bad(bundle, `manifest is not JSON: ${e.message}`, e);
    if (e instanceof ZipFormatError) throw bad(bundle, e.reason, e);
    throw e;
  } finally {
    await zip.close();
  }
}
