/**
 * @module goproxy/cache/service
 * The caching logic between the HTTP edge and the upstreams. .info (canonical), .mod and .zip
 * are immutable: served from the store forever once verified. list, @latest and .info queries
 * have a TTL: fresh copies are served, stale ones are served while a background revalidation
 * runs, and also when the upstream fails. "Not found" answers are cached briefly (negative
 * cache). Every upstream fetch is single-flight per artifact. Checksum-database requests pass
 * through with caching (lookups and tiles never change). Returns replies, never HTTP statuses.
 */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { StevedoreError } from '../../errors.ts';
import { Flight } from '../../util/flight.ts';
import { escapeCase, isValidSemver, requestPath, unescapeCase, type ArtifactRequest, type LatestRequest, type ListRequest, type ProxyRequest, type SumdbRequest } from '../protocol/index.ts';

type MutableRequest = ListRequest | LatestRequest | ArtifactRequest;
import type { Store, StoreStat } from '../store/store.ts';
import type { UpstreamChain } from '../upstream/chain.ts';
import { isNotFound, readAll, type Source } from '../upstream/source.ts';
import type { SumdbClient } from '../sumdb/client.ts';
import { hashGoMod } from '../zip/dirhash.ts';
import { validateModuleZip } from '../zip/validate.ts';
import type { ProxyMetrics } from '../server/metrics.ts';
import type { Logger } from '../server/log.ts';
import { ZipDownload } from './zip-download.ts';
import { HotBytes } from './hot-bytes.ts';

export type Reply =
  | { readonly kind: 'bytes'; readonly body: Buffer; readonly contentType: string; readonly cacheControl: string }
  | { readonly kind: 'stored'; readonly key: string; readonly stat: StoreStat; readonly contentType: string; readonly cacheControl: string }
  | { readonly kind: 'stream'; readonly body: Readable; readonly size: number | undefined; readonly contentType: string; readonly cacheControl: string };

export interface CacheTtls {
  readonly listMs: number;
  readonly latestMs: number;
  readonly negativeMs: number;
}

export interface ServiceOptions {
  readonly store: Store;
  readonly chain: UpstreamChain;
  /** Where checksum-database requests for `name` go; undefined → not proxied (404 on /supported). */
  readonly sumdbSource: (name: string) => Source | undefined;
  readonly sumdb: SumdbClient;
  readonly ttl: CacheTtls;
  readonly now: () => number;
  readonly metrics: ProxyMetrics;
  readonly logger: Logger;
  readonly holdbackBytes?: number;
  /** Fetch a version's .info in the background after its cold .mod (default true). */
  readonly prefetchInfo?: boolean;
}

const MAX_SMALL = 16 << 20;
const HOT_MAX_ENTRY = 64 << 10;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const CT = { info: 'application/json', mod: 'text/plain; charset=utf-8', zip: 'application/zip', list: 'text/plain; charset=utf-8', sumdb: 'text/plain; charset=utf-8', tile: 'application/octet-stream' } as const;

export class ProxyService {
  readonly #flight = new Flight<Buffer>();
  readonly #zips = new Map<string, Promise<ZipDownload>>();
  readonly #fetchedAt = new Map<string, number>();
  readonly #negative = new Map<string, { until: number; error: StevedoreError }>();
  readonly #background = new Set<Promise<unknown>>();
  /** Small immutable artifacts (.info, .mod) kept in memory: they never change once stored. */
  readonly #hot = new HotBytes(32 << 20);

  constructor(private readonly o: ServiceOptions) {
    this.#hotHit = { info: o.metrics.cache.bound({ endpoint: 'info', result: 'hit' }), mod: o.metrics.cache.bound({ endpoint: 'mod', result: 'hit' }) };
  }

  /** Wait for background revalidations (graceful shutdown, tests). */
  async idle(): Promise<void> {
    // Wait on the tracked promises themselves (they are removed as they settle), so this loop
    // always yields to I/O instead of spinning on already-resolved promises.
    while (this.#background.size > 0) await Promise.allSettled([...this.#background]);
  }

  async handle(req: ProxyRequest, opts: { noFetch?: boolean } = {}): Promise<Reply> {
    const noFetch = opts.noFetch === true;
    if (req.kind === 'sumdb') return this.#sumdb(req, noFetch);
    if (req.kind === 'list' || req.kind === 'latest' || (req.kind === 'info' && !req.canonical)) return this.#mutable(req, noFetch);
    return this.#immutable(req, noFetch);
  }

  /**
   * A warm canonical .info or .mod, answered from memory without a promise: the HTTP fast path
   * (server/fast.ts) calls this per request. Counts the hit; undefined means take handle().
   */
  hotArtifact(req: ArtifactRequest): Buffer | undefined {
    if (req.kind === 'zip' || !req.canonical) return undefined;
    const hot = this.#hot.get(requestPath(req));
    if (hot !== undefined) this.#hotHit[req.kind]();
    return hot;
  }

  readonly #hotHit: Readonly<Record<'info' | 'mod', () => void>>;

  #endpoint(req: ProxyRequest): string {
    return req.kind === 'info' && !req.canonical ? 'query' : req.kind;
  }

  #checkNegative(key: string, endpoint: string): void {
    const n = this.#negative.get(key);
    if (n === undefined) return;
    if (n.until > this.o.now()) {
      this.o.metrics.cache.inc({ endpoint, result: 'negative' });
      throw n.error;
    }
    this.#negative.delete(key);
  }

  #remember(key: string, e: unknown): void {
    if (isNotFound(e) && this.o.ttl.negativeMs > 0) this.#negative.set(key, { until: this.o.now() + this.o.ttl.negativeMs, error: e as StevedoreError });
  }

  async #shared(key: string, endpoint: string, fn: () => Promise<Buffer>): Promise<Buffer> {
    const r = await this.#flight.do(key, async () => {
      try {
        const b = await fn();
        this.o.metrics.upstreamFetches.inc({ endpoint, outcome: 'ok' });
        return b;
      } catch (e) {
        this.o.metrics.upstreamFetches.inc({ endpoint, outcome: e instanceof StevedoreError ? e.code : 'error' });
        this.#remember(key, e);
        throw e;
      }
    });
    if (r.shared) this.o.metrics.deduplicated.inc({ endpoint });
    return r.value;
  }

  async #immutable(req: ArtifactRequest, noFetch: boolean): Promise<Reply> {
    const key = requestPath(req);
    const endpoint = req.kind;
    const contentType = CT[req.kind];
    const hot = this.#hot.get(key);
    if (hot !== undefined) {
      this.o.metrics.cache.inc({ endpoint, result: 'hit' });
      return { kind: 'bytes', body: hot, contentType, cacheControl: IMMUTABLE };
    }
    const stat = await this.o.store.stat(key);
    if (stat !== undefined) {
      this.o.metrics.cache.inc({ endpoint, result: 'hit' });
      if (req.kind !== 'zip' && stat.size <= HOT_MAX_ENTRY) {
        const b = await this.o.store.getBytes(key);
        if (b !== undefined) {
          this.#hot.set(key, b);
          return { kind: 'bytes', body: b, contentType, cacheControl: IMMUTABLE };
        }
      }
      return { kind: 'stored', key, stat, contentType, cacheControl: IMMUTABLE };
    }
    this.#checkNegative(key, endpoint);
    if (noFetch) throw new StevedoreError('GOPROXY_NOT_CACHED', `${key} is not cached and Disable-Module-Fetch is set`);
    this.o.metrics.cache.inc({ endpoint, result: 'miss' });
    if (req.kind === 'zip') return this.#zip(req, key);
    const body = await this.#shared(key, endpoint, () => this.#fetchSmall(req, key));
    if (req.kind === 'mod' && req.canonical && this.o.prefetchInfo !== false) this.#prefetchInfo(req.module, req.version);
    return { kind: 'bytes', body, contentType, cacheControl: IMMUTABLE };
  }

  async #fetchSmall(req: ArtifactRequest, key: string): Promise<Buffer> {
    const res = await this.o.chain.fetch(req);
    const b = await readAll(res, MAX_SMALL, key);
    if (req.kind === 'info') checkInfo(b, req.version, key);
    else await this.#verifyMod(req.module, req.version, b);
    this.#persist(key, b);
    return b;
  }

  /**
   * After a cold .mod, fetch the same version's .info in the background. `go mod download` loads
   * the graph (.mod files, in parallel) and then asks .info one module at a time before each
   * zip, so without this every module's upstream latency is paid once more in series. The .info
   * is tiny and immutable; a failure here is only logged (the client's own request retries it).
   */
  #prefetchInfo(module: string, version: string): void {
    const req: ArtifactRequest = { kind: 'info', module, version, canonical: true };
    const key = requestPath(req);
    if (this.#hot.get(key) !== undefined || this.#flight.has(key)) return;
    const n = this.#negative.get(key);
    if (n !== undefined && n.until > this.o.now()) return;
    const p = (async () => {
      if ((await this.o.store.stat(key)) !== undefined || this.#flight.has(key)) return;
      this.o.metrics.prefetches.inc({ endpoint: 'info' });
      await this.#shared(key, 'info', () => this.#fetchSmall(req, key));
    })().catch((e: unknown) => {
      // Named fallback: a prefetch is an optimisation; the client's own .info request fetches again.
      this.o.logger.log('debug', 'prefetch failed', { key, error: (e as Error).message });
    });
    const tracked: Promise<unknown> = p.finally(() => this.#background.delete(tracked));
    this.#background.add(tracked);
  }

  async #verifyMod(module: string, version: string, body: Buffer): Promise<void> {
    if (!body.toString('utf8').split('\n').some((l) => /^\s*module\s/.test(l) || l.startsWith('module'))) {
      throw new StevedoreError('GOPROXY_UPSTREAM_FAILED', `${module}@${version}: upstream .mod has no module directive`);
    }
    const sums = await this.o.sumdb.lookup(module, version);
    if (sums?.modHash !== undefined && sums.modHash !== hashGoMod(body)) {
      this.o.metrics.refused.inc({ reason: 'checksum-mismatch' });
      throw new StevedoreError('GOPROXY_CHECKSUM_MISMATCH', `${module}@${version}/go.mod: upstream content hashes to ${hashGoMod(body)} but the checksum database has ${sums.modHash}; refused, nothing stored`, { data: { module, version } });
    }
  }

  async #zip(req: ArtifactRequest, key: string): Promise<Reply> {
    // The map entry is set synchronously, before any await, so concurrent requests cannot race
    // past it and start a second upstream fetch.
    let pending = this.#zips.get(key);
    if (pending === undefined) {
      pending = this.o.store.tempDir().then((d) => new ZipDownload(join(d, `${randomBytes(8).toString('hex')}.zip`), this.o.holdbackBytes));
      this.#zips.set(key, pending);
      const run: Promise<void> = pending
        .then((dl) => this.#runZip(req, key, dl))
        .finally(() => {
          this.#zips.delete(key);
          this.#background.delete(run);
        });
      this.#background.add(run);
    } else this.o.metrics.deduplicated.inc({ endpoint: 'zip' });
    const dl = await pending;
    await dl.ready();
    if (dl.state.kind === 'failed') throw dl.state.error;
    if (dl.state.kind === 'done') {
      const stat = await this.o.store.stat(key);
      if (stat !== undefined) return { kind: 'stored', key, stat, contentType: CT.zip, cacheControl: IMMUTABLE };
    }
    return { kind: 'stream', body: dl.follow(), size: dl.size, contentType: CT.zip, cacheControl: IMMUTABLE };
  }

  async #runZip(req: ArtifactRequest, key: string, dl: ZipDownload): Promise<void> {
    try {
      const res = await this.o.chain.fetch(req);
      await dl.receive(res);
      const h1 = await validateModuleZip(dl.tempFile, req.module, req.version);
      const sums = await this.o.sumdb.lookup(req.module, req.version);
      if (sums?.zipHash !== undefined && sums.zipHash !== h1) {
        throw new StevedoreError('GOPROXY_CHECKSUM_MISMATCH', `${req.module}@${req.version}: upstream zip hashes to ${h1} but the checksum database has ${sums.zipHash}; refused, nothing stored`, { data: { module: req.module, version: req.version } });
      }
      await this.o.store.putFile(key, dl.tempFile, { ifNoneMatch: '*' });
      this.o.metrics.upstreamFetches.inc({ endpoint: 'zip', outcome: 'ok' });
      dl.complete();
    } catch (e) {
      const err = e instanceof StevedoreError ? e : new StevedoreError('GOPROXY_UPSTREAM_FAILED', `${key}: ${(e as Error).message}`, { cause: e });
      if (err.code === 'GOPROXY_ZIP_INVALID' || err.code === 'GOPROXY_CHECKSUM_MISMATCH') {
        this.o.metrics.refused.inc({ reason: err.code === 'GOPROXY_ZIP_INVALID' ? 'invalid-zip' : 'checksum-mismatch' });
        this.o.logger.log('error', 'refused upstream zip', { key, code: err.code, error: err.message });
      }
      this.o.metrics.upstreamFetches.inc({ endpoint: 'zip', outcome: err.code });
      this.#remember(key, err);
      dl.fail(err);
      await dl.cleanup();
    }
  }

  /**
   * Keep a verified small immutable artifact: in memory at once (so the response does not wait for
   * the write and fsyncs, ~7 ms here, on the client's sequential path), on disk in the background.
   */
  #persist(key: string, b: Buffer): void {
    this.#hot.set(key, b);
    const p = this.o.store.put(key, b, { ifNoneMatch: '*' }).then(
      () => undefined,
      (e: unknown) => {
        // Named fallback: the bytes are still served from memory; the next miss refetches them.
        this.o.logger.log('error', 'storing artifact failed', { key, error: (e as Error).message });
      },
    );
    const tracked: Promise<unknown> = p.finally(() => this.#background.delete(tracked));
    this.#background.add(tracked);
  }

  #mutableKey(req: MutableRequest): string {
    const mod = escapeCase(req.module)!;
    if (req.kind === 'list') return `${mod}/@v/list`;
    if (req.kind === 'latest') return `${mod}/@latest`;
    return `_query/${mod}/@v/${escapeCase(req.version)!}.info`;
  }

  async #mutable(req: MutableRequest, noFetch: boolean): Promise<Reply> {
    const key = this.#mutableKey(req);
    const endpoint = this.#endpoint(req);
    const contentType = req.kind === 'list' ? CT.list : CT.info;
    const ttl = req.kind === 'list' ? this.o.ttl.listMs : this.o.ttl.latestMs;
    const cacheControl = `public, max-age=${Math.floor(ttl / 1000)}`;
    const stored = await this.o.store.getBytes(key);
    const fetchedAt = this.#fetchedAt.get(key);
    if (stored !== undefined) {
      const fresh = fetchedAt !== undefined && this.o.now() - fetchedAt < ttl;
      this.o.metrics.cache.inc({ endpoint, result: fresh ? 'hit' : 'stale' });
      if (!fresh && !noFetch) this.#revalidate(req, key, endpoint);
      return { kind: 'bytes', body: stored, contentType, cacheControl };
    }
    this.#checkNegative(key, endpoint);
    if (noFetch) throw new StevedoreError('GOPROXY_NOT_CACHED', `${key} is not cached and Disable-Module-Fetch is set`);
    this.o.metrics.cache.inc({ endpoint, result: 'miss' });
    const body = await this.#shared(key, endpoint, () => this.#fetchMutable(req, key));
    return { kind: 'bytes', body, contentType, cacheControl };
  }

  async #fetchMutable(req: MutableRequest, key: string): Promise<Buffer> {
    const res = await this.o.chain.fetch(req);
    const b = await readAll(res, MAX_SMALL, key);
    if (req.kind === 'list') {
      // Keep only lines whose first field is a valid version: never cache garbage as a list.
      const lines = b.toString('utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '' && isValidSemver(l.split(/\s+/)[0]!));
      const clean = Buffer.from(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
      await this.o.store.put(key, clean);
      this.#fetchedAt.set(key, this.o.now());
      return clean;
    }
    checkInfo(b, undefined, key);
    await this.o.store.put(key, b);
    this.#fetchedAt.set(key, this.o.now());
    return b;
  }

  #revalidate(req: MutableRequest, key: string, endpoint: string): void {
    if (this.#flight.has(key)) return;
    const p = this.#shared(key, endpoint, () => this.#fetchMutable(req, key)).catch((e: unknown) => {
      // Named fallback (stale-if-error): the stale copy was already served; log and keep it.
      this.o.logger.log('warn', 'background revalidation failed; serving stale', { key, error: (e as Error).message });
    });
    const tracked: Promise<unknown> = p.finally(() => this.#background.delete(tracked));
    this.#background.add(tracked);
  }

  async #sumdb(req: SumdbRequest, noFetch: boolean): Promise<Reply> {
    const source = this.o.sumdbSource(req.name);
    if (source === undefined) throw new StevedoreError('GOPROXY_NOT_FOUND', `checksum database ${req.name} is not proxied here`);
    if (req.sub === 'supported') return { kind: 'bytes', body: Buffer.alloc(0), contentType: CT.sumdb, cacheControl: 'public, max-age=86400' };
    if (req.sub === 'lookup') {
      const mv = req.path.slice('lookup/'.length);
      const module = unescapeCase(mv.slice(0, mv.lastIndexOf('@')))!;
      if (this.o.sumdb.skips(module)) {
        throw new StevedoreError('GOPROXY_PRIVATE_SUMDB', `${module} is private (GONOSUMDB/GOPRIVATE): its name is not sent to checksum database ${req.name}`);
      }
    }
    const key = `sumdb/${req.name}/${req.path}`;
    const contentType = req.sub === 'tile' ? CT.tile : CT.sumdb;
    if (req.sub === 'latest') {
      const res = await source.fetch(req);
      return { kind: 'bytes', body: await readAll(res, MAX_SMALL, key), contentType, cacheControl: 'public, max-age=60' };
    }
    const hot = this.#hot.get(key);
    if (hot !== undefined) {
      this.o.metrics.cache.inc({ endpoint: 'sumdb', result: 'hit' });
      return { kind: 'bytes', body: hot, contentType, cacheControl: IMMUTABLE };
    }
    const stat = await this.o.store.stat(key);
    if (stat !== undefined) {
      this.o.metrics.cache.inc({ endpoint: 'sumdb', result: 'hit' });
      return { kind: 'stored', key, stat, contentType, cacheControl: IMMUTABLE };
    }
    this.#checkNegative(key, 'sumdb');
    if (noFetch) throw new StevedoreError('GOPROXY_NOT_CACHED', `${key} is not cached and Disable-Module-Fetch is set`);
    this.o.metrics.cache.inc({ endpoint: 'sumdb', result: 'miss' });
    const body = await this.#shared(key, 'sumdb', async () => {
      const b = await readAll(await source.fetch(req), MAX_SMALL, key);
      this.#persist(key, b);
      return b;
    });
    return { kind: 'bytes', body, contentType, cacheControl: IMMUTABLE };
  }

  /** For SumdbClient: fetch a sumdb path through the cache. */
  async sumdbBytes(name: string, path: string): Promise<Buffer> {
    const key = `sumdb/${name}/${path}`;
    const stored = this.#hot.get(key) ?? (await this.o.store.getBytes(key));
    if (stored !== undefined) return stored;
    const source = this.o.sumdbSource(name);
    if (source === undefined) throw new StevedoreError('GOPROXY_SUMDB_INVALID', `no URL configured for checksum database ${name}`);
    // Not stored yet: a forged record or corrupted tile kept forever would fail every later proof.
    // SumdbClient hands back what it verified (keepSumdb); it re-verifies stored answers on every use.
    const sub = path.startsWith('tile/') ? 'tile' : 'lookup';
    return this.#shared(key, 'sumdb', async () => readAll(await source.fetch({ kind: 'sumdb', name, path, sub }), MAX_SMALL, key));
  }

  /** For SumdbClient: store a lookup answer or tile once its proof passed (no-op when already stored). */
  async keepSumdb(name: string, path: string, body: Buffer): Promise<void> {
    const key = `sumdb/${name}/${path}`;
    if (this.#hot.get(key) !== undefined || (await this.o.store.stat(key)) !== undefined) return;
    this.#persist(key, body);
  }
}

function checkInfo(b: Buffer, version: string | undefined, key: string): void {
  let j: unknown;
  try {
    j = JSON.parse(b.toString('utf8'));
  } catch (e) {
    throw new StevedoreError('GOPROXY_UPSTREAM_FAILED', `${key}: upstream .info is not JSON`, { cause: e });
  }
  const v = (j as { Version?: unknown } | null)?.Version;
  if (typeof v !== 'string' || !isValidSemver(v)) throw new StevedoreError('GOPROXY_UPSTREAM_FAILED', `${key}: upstream .info has no valid Version`);
  // The go client rejects "proxy returned info for version X instead of requested version".
  if (version !== undefined && v !== version) throw new StevedoreError('GOPROXY_UPSTREAM_FAILED', `${key}: upstream returned info for ${v} instead of ${version}`);
}
