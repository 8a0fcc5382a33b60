/**
 * @module goproxy/warm/warm
 * `stevedore proxy warm`: fetch a whole project's modules into the proxy's store in parallel,
 * ahead of the build. The go command fetches .info one at a time and .zip two at a time; warming
 * removes that serialisation from the cold path. Fetched zips and go.mods are checked against
 * the go.sum hashes when the set came from a go.sum.
 */
import { StevedoreError } from '../../errors.ts';
import type { ProxyService } from '../caching/service.ts';
import type { Store } from '../store/store.ts';
import { FsStore } from '../store/fs.ts';
import { join } from 'node:path';
import { requestPath, type ArtifactRequest } from '../protocol/index.ts';
import { hashGoMod } from '../zip/dirhash.ts';
import { validateModuleZip } from '../zip/validate.ts';
import type { ModuleWant } from './modset.ts';

export interface WarmOptions {
  readonly service: ProxyService;
  readonly store: Store;
  readonly modules: readonly ModuleWant[];
  readonly concurrency: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface WarmReport {
  readonly requested: number;
  readonly alreadyCached: number;
  readonly fetched: number;
  readonly failed: readonly { module: string; version: string; file: string; error: string }[];
}

async function drain(reply: Awaited<ReturnType<ProxyService['handle']>>): Promise<void> {
  // Warming only needs the bytes stored; drain a streamed reply so its download completes.
  if (reply.kind === 'stream') reply.body.resume();
  if (reply.kind === 'stream') await new Promise<void>((resolve, reject) => reply.body.on('end', resolve).on('error', reject).on('close', resolve));
}

export async function warm(o: WarmOptions): Promise<WarmReport> {
  const jobs: { want: ModuleWant; kind: 'info' | 'mod' | 'zip' }[] = [];
  for (const m of o.modules) {
    jobs.push({ want: m, kind: 'mod' });
    if (m.zip) jobs.push({ want: m, kind: 'info' }, { want: m, kind: 'zip' });
  }
  let next = 0;
  let done = 0;
  let cached = 0;
  let fetched = 0;
  const failed: { module: string; version: string; file: string; error: string }[] = [];
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const { want, kind } = jobs[next++]!;
      const req: ArtifactRequest = { kind, module: want.module, version: want.version, canonical: true };
      const key = requestPath(req);
      try {
        if ((await o.store.stat(key)) !== undefined) cached++;
        else {
          await drain(await o.service.handle(req));
          fetched++;
        }
        await checkAgainstGoSum(o.store, want, kind, key);
      } catch (e) {
        failed.push({ module: want.module, version: want.version, file: kind, error: (e as Error).message });
      }
      o.onProgress?.(++done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, jobs.length)) }, worker));
  await o.service.idle();
  return { requested: jobs.length, alreadyCached: cached, fetched, failed };
}

/** The project's go.sum is an independent witness: a stored artifact must match it. */
async function checkAgainstGoSum(store: Store, want: ModuleWant, kind: 'info' | 'mod' | 'zip', key: string): Promise<void> {
  if (kind === 'mod' && want.modHash !== undefined) {
    const b = await store.getBytes(key);
    if (b !== undefined && hashGoMod(b) !== want.modHash) {
      throw new StevedoreError('GOPROXY_CHECKSUM_MISMATCH', `${want.module}@${want.version}/go.mod: cached content hashes to ${hashGoMod(b)}, go.sum says ${want.modHash}`);
    }
  }
  if (kind === 'zip' && want.zipHash !== undefined) {
    // Only the fs store exposes a path; other stores were verified on the way in by the service.
    if (!(store instanceof FsStore) || (await store.stat(key)) === undefined) return;
    const h = await validateModuleZip(join(store.root, ...key.split('/')), want.module, want.version);
    if (h !== want.zipHash) throw new StevedoreError('GOPROXY_CHECKSUM_MISMATCH', `${want.module}@${want.version}: cached zip hashes to ${h}, go.sum says ${want.zipHash}`);
  }
}
