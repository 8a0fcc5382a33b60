/**
 * @module goproxy/server/fast
 * The warm path on raw node:http, in front of the hono app. A build's `go mod download` against a
 * warm proxy is nothing but canonical .info/.mod/.zip GETs of artifacts already stored; through
 * hono each one paid for a Request, a URL, a Headers object and a middleware chain (0.43 ms per
 * .info against nginx's 0.09 ms in bench/goproxy/run.ts). Here those requests are answered
 * straight from the service's in-memory cache or the store's file stream, with the same status,
 * headers, metrics, request log and concurrency limit as the app.
 *
 * The fast path only ever answers 200 for something it has. Everything else falls through to the
 * app untouched: other methods and endpoints, paths the app's URL parsing could normalise (query,
 * dot segments, percent-escapes other than the go client's %21), request bodies, failed auth,
 * ranges and conditional requests, the concurrency limit reached, and any artifact not yet in
 * memory or in the store (misses, negative cache, upstream fetches stay in one place).
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { parseProxyPath, requestPath, type ArtifactRequest } from '../protocol/index.ts';
import { CT, IMMUTABLE, type ProxyService } from '../caching/service.ts';
import type { Readable } from 'node:stream';
import type { Store, StoreStat } from '../store/store.ts';
import { sendFile } from './send-file.ts';
import type { ProxyMetrics } from './metrics.ts';
import type { Logger } from './log.ts';
import { authorized, newRequestId, requestIdFrom, type ClientAuth, type Gate } from './app.ts';

export type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface FastPathOptions {
  readonly service: ProxyService;
  readonly store: Store;
  readonly metrics: ProxyMetrics;
  readonly logger: Logger;
  readonly auth: ClientAuth;
  readonly gate: Gate;
  readonly newRequestId?: () => string;
}

/** The app answers longer request targets with 414; leave those to it. */
const MAX_TARGET = 8192;

/**
 * Origin-form targets made only of the characters module paths and versions use, every segment
 * non-empty and not starting with "." (so no "." or ".." for URL parsing to resolve), and %21 as
 * the only escape: for these, the app's `new URL(...).pathname` is the target itself, so both
 * paths see the same string. One pass, no backtracking: each segment starts at a "/".
 */
const PLAIN_TARGET = /^(?:\/(?:[A-Za-z0-9_~!+@-]|%21)(?:[A-Za-z0-9._~!+@-]|%21)*)+$/;

export function isPlainTarget(target: string): boolean {
  return target.length <= MAX_TARGET && PLAIN_TARGET.test(target);
}

/** Parsed targets remembered (parsing is pure); cleared when full so hostile variety stays bounded. */
const MEMO_MAX = 4096;

type Served = 'info' | 'mod' | 'zip';

export function withFastPath(o: FastPathOptions, app: Listener): Listener {
  const newId = o.newRequestId ?? newRequestId;
  const memo = new Map<string, ArtifactRequest | null>();
  const count = (endpoint: Served) => ({ ok: o.metrics.requests.bound({ endpoint, status: '200' }), bytes: o.metrics.bytesServed.bound({ endpoint }) });
  const counters = { info: count('info'), mod: count('mod'), zip: count('zip') };
  const zipHit = o.metrics.cache.bound({ endpoint: 'zip', result: 'hit' });

  /** The artifact a plain target names, or null when the app must answer it. */
  const artifactOf = (target: string): ArtifactRequest | null => {
    let r = memo.get(target);
    if (r !== undefined) return r;
    const parsed = parseProxyPath(target.slice(1));
    r = parsed.ok && (parsed.request.kind === 'info' || parsed.request.kind === 'mod' || parsed.request.kind === 'zip') && parsed.request.canonical ? parsed.request : null;
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(target, r);
    return r;
  };

  const logRequest = (reqId: string, method: string, path: string, endpoint: Served, started: number): void => {
    counters[endpoint].ok();
    o.logger.log('info', 'request', { reqId, method, path: path.slice(0, 300), status: 200, endpoint, ms: Math.round((performance.now() - started) * 10) / 10 });
  };

  const serveZip = async (req: IncomingMessage, res: ServerResponse, r: ArtifactRequest, started: number): Promise<void> => {
    const head = req.method === 'HEAD';
    const key = requestPath(r);
    let got: { stat: StoreStat; fd?: number; body?: Readable } | undefined;
    try {
      if (head) got = await o.store.stat(key).then((stat) => (stat === undefined ? undefined : { stat }));
      else if (o.store.openFile !== undefined) got = await o.store.openFile(key);
      else got = await o.store.get(key);
    } catch {
      got = undefined; // a store failure is the app's to report (typed error, 5xx, log line)
    }
    if (got === undefined) {
      o.gate.leave();
      app(req, res);
      return;
    }
    zipHit();
    const st = got.stat;
    const reqId = requestIdFrom(req.headers['x-request-id'] as string | undefined, newId);
    const headers: OutgoingHttpHeaders = {
      'content-type': CT.zip,
      'cache-control': IMMUTABLE,
      'x-request-id': reqId,
      etag: st.etag,
      'last-modified': new Date(st.mtimeMs).toUTCString(),
      'accept-ranges': 'bytes',
      'content-length': String(st.size),
    };
    res.writeHead(200, headers);
    const closed = (sent: number): void => {
      counters.zip.bytes(sent);
      o.gate.leave();
      logRequest(reqId, 'GET', req.url!, 'zip', started);
    };
    if (got.fd !== undefined) return sendFile(got.fd, st.size, res, closed);
    const body = got.body;
    if (body === undefined) {
      res.end();
      o.gate.leave();
      logRequest(reqId, 'HEAD', req.url!, 'zip', started);
      return;
    }
    let sent = 0;
    body.on('data', (chunk: Buffer) => (sent += chunk.byteLength));
    // A read error mid-body cuts the connection: the client sees a short body against
    // Content-Length, never a complete-looking bad one.
    body.on('error', () => res.destroy());
    res.on('close', () => {
      body.destroy();
      closed(sent);
    });
    body.pipe(res);
  };

  return (req, res) => {
    const method = req.method;
    const target = req.url;
    if ((method !== 'GET' && method !== 'HEAD') || target === undefined || !isPlainTarget(target)) return app(req, res);
    const h = req.headers;
    if (h['content-length'] !== undefined || h['transfer-encoding'] !== undefined || !authorized(o.auth, h.authorization)) return app(req, res);
    const r = artifactOf(target);
    if (r === null) return app(req, res);
    const started = performance.now();
    if (r.kind === 'zip') {
      if (h.range !== undefined || h['if-range'] !== undefined || h['if-none-match'] !== undefined) return app(req, res);
      if (!o.gate.tryEnter()) return app(req, res);
      void serveZip(req, res, r, started);
      return;
    }
    // Answered synchronously, so it never holds a slot; but once the limit is reached the app's
    // 503 applies to every request alike.
    if (o.gate.inflight >= o.gate.max) return app(req, res);
    const body = o.service.hotArtifact(r);
    if (body === undefined) return app(req, res);
    const reqId = requestIdFrom(h['x-request-id'] as string | undefined, newId);
    res.writeHead(200, { 'content-type': CT[r.kind], 'cache-control': IMMUTABLE, 'x-request-id': reqId, 'content-length': String(body.byteLength) });
    if (method === 'HEAD') res.end();
    else {
      res.end(body);
      counters[r.kind].bytes(body.byteLength);
    }
    logRequest(reqId, method, target, r.kind, started);
  };
}
