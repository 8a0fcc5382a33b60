/**
 * @module goproxy/proxy
 * Wiring: a resolved ProxyConfig → store, upstream chain (HTTP/file/direct/off entries with
 * timeouts, retries and breakers), checksum-database client, caching service, HTTP app; and
 * the listening server with optional TLS and graceful shutdown. Clock, randomness and sleep are
 * injectable for tests.
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { StevedoreError } from '../errors.ts';
import type { ProxyConfig } from './config.ts';
import { parseGoproxyList } from './protocol/index.ts';
import { FsStore } from './store/fs.ts';
import type { Store } from './store/store.ts';
import { HttpSource } from './upstream/http.ts';
import { FileSource } from './upstream/file.ts';
import { DirectSource } from './upstream/direct.ts';
import { UpstreamChain, type ChainEntry } from './upstream/chain.ts';
import type { Source } from './upstream/source.ts';
import { parseGosumdb, SumdbClient } from './sumdb/client.ts';
import { NoteError } from './sumdb/note.ts';
import { ProxyService } from './caching/service.ts';
import { ProxyMetrics } from './server/metrics.ts';
import { jsonLogger, type Logger } from './server/log.ts';
import { createApp, Gate } from './server/app.ts';
import { withFastPath, type Listener } from './server/fast.ts';

export interface ProxyDeps {
  readonly now?: () => number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly logger?: Logger;
  readonly store?: Store;
  /** Bytes of a cold zip withheld until it is verified (default 4 MiB). */
  readonly holdbackBytes?: number;
}

export interface Proxy {
  readonly config: ProxyConfig;
  readonly service: ProxyService;
  readonly store: Store;
  readonly metrics: ProxyMetrics;
  readonly chain: UpstreamChain;
  readonly app: ReturnType<typeof createApp>;
  /** The node:http listener: the warm fast path (server/fast.ts) in front of the app. */
  readonly listener: Listener;
}

export function createProxy(config: ProxyConfig, deps: ProxyDeps = {}): Proxy {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const logger = deps.logger ?? jsonLogger((l) => process.stderr.write(l), config.logLevel);
  const store = deps.store ?? new FsStore(config.storage);
  const metrics = new ProxyMetrics();
  const httpOptions = {
    connectTimeoutMs: config.timeouts.connectMs,
    readTimeoutMs: config.timeouts.readMs,
    retry: { attempts: config.retry.attempts, baseDelayMs: config.retry.baseDelayMs, maxDelayMs: config.retry.maxDelayMs, random, sleep },
    breaker: { threshold: config.breaker.failures, cooldownMs: config.breaker.cooldownMs, now },
    observeLatency: (upstream: string, seconds: number, outcome: string) => metrics.upstreamLatency.observe({ upstream, outcome }, seconds),
  };
  const direct = new DirectSource({
    goBinary: config.direct.goBinary,
    cacheDir: config.direct.cacheDir,
    timeoutMs: config.timeouts.directMs,
    concurrency: config.limits.directConcurrency,
    goprivate: config.goprivate,
    gonosumdb: config.gonosumdb,
    gosumdb: config.gosumdb,
    netrcFile: config.direct.netrc,
    gitConfig: config.direct.gitConfig,
  });
  const entries: ChainEntry[] = parseGoproxyList(config.upstream).map((e) => {
    if (e.kind === 'off') return { source: 'off', fallBackOnError: e.fallBackOnError };
    if (e.kind === 'direct') return { source: direct, fallBackOnError: e.fallBackOnError };
    const source: Source = e.url.startsWith('file:') ? new FileSource(e.url) : new HttpSource(e.url, httpOptions);
    return { source, fallBackOnError: e.fallBackOnError };
  });
  const chain = new UpstreamChain({ entries, direct, noProxy: config.gonoproxy });

  let gosumdb;
  try {
    gosumdb = parseGosumdb(config.gosumdb);
  } catch (e) {
    throw new StevedoreError('CONFIG_INVALID', `gosumdb: ${(e as NoteError).message}`, { cause: e });
  }
  // Checksum databases we proxy: the configured GOSUMDB plus any listed in `sumdbs`.
  const sumdbUrls = new Map<string, string>(Object.entries(config.sumdbs));
  if (gosumdb !== 'off' && !sumdbUrls.has(gosumdb.name)) sumdbUrls.set(gosumdb.name, gosumdb.url);
  const sumdbSources = new Map<string, Source>();
  const sumdbSource = (name: string): Source | undefined => {
    const url = sumdbUrls.get(name);
    if (url === undefined) return undefined;
    let s = sumdbSources.get(name);
    if (s === undefined) {
      s = new HttpSource(url, { ...httpOptions, sumdbServer: true });
      sumdbSources.set(name, s);
    }
    return s;
  };
  // The sumdb client fetches through the service's cache; the service needs the client: tie the knot lazily.
  const ref: { service?: ProxyService } = {};
  const sumdb = new SumdbClient({ gosumdb, noSumPatterns: config.gonosumdb, fetch: (name, path) => ref.service!.sumdbBytes(name, path), keep: (name, path, body) => ref.service!.keepSumdb(name, path, body) });
  const service = new ProxyService({
    store,
    chain,
    sumdbSource,
    sumdb,
    ttl: config.ttl,
    now,
    metrics,
    logger,
    prefetchInfo: config.prefetch.info,
    ...(deps.holdbackBytes === undefined ? {} : { holdbackBytes: deps.holdbackBytes }),
  });
  ref.service = service;
  metrics.gauge('stevedore_goproxy_storage_bytes', 'Bytes held in the module store.', () => store.usage());
  let draining = false;
  const gate = new Gate(config.limits.concurrency);
  const app = createApp({
    gate,
    service,
    store,
    metrics,
    logger,
    auth: config.auth,
    maxConcurrent: config.limits.concurrency,
    maxRequestBytes: config.limits.maxRequestBytes,
    draining: () => draining,
  });
  // overrideGlobalObjects (the default) lets @hono/node-server write small bodies synchronously;
  // with real undici Responses a .info took 0.7 ms instead of 0.2 ms (bench/goproxy/run.ts).
  const appListener = getRequestListener(app.fetch);
  const listener = withFastPath({ service, store, metrics, logger, auth: config.auth, gate }, (req, res) => void appListener(req, res));
  const proxy: Proxy & { setDraining(): void } = { config, service, store, metrics, chain, app, listener, setDraining: () => (draining = true) };
  return proxy;
}

export interface RunningProxy {
  readonly proxy: Proxy;
  readonly url: string;
  readonly port: number;
  /** Graceful shutdown: stop accepting, finish in-flight requests and background fetches (bounded). */
  close(): Promise<void>;
}

export async function startProxy(config: ProxyConfig, deps: ProxyDeps = {}): Promise<RunningProxy> {
  const proxy = createProxy(config, deps);
  if (proxy.store instanceof FsStore) await proxy.store.sweepTemps();
  const listener = proxy.listener;
  let server: Server;
  if (config.tls !== undefined) {
    const [cert, key] = await Promise.all([readFile(config.tls.cert), readFile(config.tls.key)]);
    server = createHttpsServer({ cert, key }, listener);
  } else server = createHttpServer({ keepAliveTimeout: 65_000 }, listener);
  server.headersTimeout = 30_000;
  server.requestTimeout = 0; // big zips may legitimately take long; idle sockets are bounded by keepAliveTimeout
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => reject(new StevedoreError('CONFIG_INVALID', `cannot listen on ${config.listen.host}:${config.listen.port}: ${e.message}`, { cause: e })));
    server.listen(config.listen.port, config.listen.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host;
  return {
    proxy,
    port,
    url: `${config.tls === undefined ? 'http' : 'https'}://${host}:${port}`,
    async close() {
      (proxy as Proxy & { setDraining(): void }).setDraining();
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const deadline = new Promise<void>((r) => setTimeout(r, config.timeouts.shutdownMs).unref());
      await Promise.race([Promise.all([closed, proxy.service.idle()]), deadline]);
      server.closeAllConnections();
    },
  };
}
