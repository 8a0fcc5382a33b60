/**
 * @module goproxy/upstream/http
 * An HTTP(S) GOPROXY upstream. Every call has a connect timeout (socket connected, including
 * TLS) and a read timeout (no byte for that long, for headers and for every body chunk), so a
 * stalled upstream never hangs a client (the go command itself has no overall timeout).
 * Transient failures are retried with backoff and jitter before any byte is handed on; a
 * circuit breaker fails fast while the upstream is down. 404 → GOPROXY_NOT_FOUND, 410 →
 * GOPROXY_GONE, other non-200 → GOPROXY_UPSTREAM_FAILED carrying the status.
 */
import http from 'node:http';
import https from 'node:https';
import { PassThrough, Readable } from 'node:stream';
import { StevedoreError } from '../../errors.ts';
import { requestPath, type ProxyRequest } from '../protocol/index.ts';
import { readAll, type Source, type SourceResponse } from './source.ts';

const SMALL_LIMIT = 16 << 20;
import { withRetry, type RetryOptions } from './retry.ts';
import { CircuitBreaker, type BreakerOptions } from './breaker.ts';

export interface HttpSourceOptions {
  readonly connectTimeoutMs: number;
  readonly readTimeoutMs: number;
  readonly retry: RetryOptions;
  readonly breaker: BreakerOptions;
  /** Observes each attempt's time to response headers (seconds), for the latency histogram. */
  readonly observeLatency?: (label: string, seconds: number, outcome: string) => void;
  readonly headers?: Readonly<Record<string, string>>;
  readonly maxRedirects?: number;
  /**
   * For a checksum database base URL (https://sum.golang.org): send sumdb requests as
   * "<base>/<lookup|tile|...>" instead of the proxy form "<base>/sumdb/<name>/...".
   */
  readonly sumdbServer?: boolean;
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** Strip user:password from a URL for logs and labels. */
export function redactUrl(u: string): string {
  try {
    const url = new URL(u);
    if (url.username !== '' || url.password !== '') {
      url.username = url.username === '' ? '' : '***';
      url.password = url.password === '' ? '' : '***';
    }
    return url.toString().replace(/\/$/, '');
  } catch {
    return '<invalid url>';
  }
}

export class HttpSource implements Source {
  readonly label: string;
  readonly breaker: CircuitBreaker;

  constructor(
    private readonly base: string,
    private readonly opts: HttpSourceOptions,
  ) {
    this.label = redactUrl(base);
    this.breaker = new CircuitBreaker(opts.breaker);
  }

  async fetch(req: ProxyRequest, signal?: AbortSignal): Promise<SourceResponse> {
    const path = this.opts.sumdbServer === true && req.kind === 'sumdb' ? req.path : requestPath(req);
    const url = `${this.base}/${path}`;
    return withRetry(this.opts.retry, async () => {
      if (!this.breaker.allow()) {
        throw new StevedoreError('GOPROXY_UPSTREAM_UNAVAILABLE', `upstream ${this.label} is failing; circuit open`, { data: { upstream: this.label } });
      }
      try {
        let res = await this.#get(url, signal, this.opts.maxRedirects ?? 10);
        // Small answers are read whole inside the retry loop, so a reset or truncated .info/.mod/list
        // is retried like a 5xx. Zips stream on (the caller validates them).
        if (req.kind !== 'zip') {
          const b = await readAll(res, SMALL_LIMIT, url);
          res = { body: Readable.from([b]), size: b.byteLength };
        }
        this.breaker.success();
        return res;
      } catch (e) {
        if (e instanceof StevedoreError && (e.code === 'GOPROXY_NOT_FOUND' || e.code === 'GOPROXY_GONE')) this.breaker.success();
        else this.breaker.failure();
        throw e;
      }
    });
  }

  #get(url: string, signal: AbortSignal | undefined, redirectsLeft: number): Promise<SourceResponse> {
    const started = performance.now();
    const observe = (outcome: string): void => this.opts.observeLatency?.(this.label, (performance.now() - started) / 1000, outcome);
    return new Promise<SourceResponse>((resolve, reject) => {
      const u = new URL(url);
      const mod = u.protocol === 'https:' ? https : http;
      const auth = u.username !== '' ? `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}` : undefined;
      const req = mod.request(
        {
          protocol: u.protocol,
          hostname: u.hostname,
          port: u.port,
          path: `${u.pathname}${u.search}`,
          method: 'GET',
          agent: u.protocol === 'https:' ? agents.https : agents.http,
          headers: { 'user-agent': 'stevedore-goproxy', ...(auth === undefined ? {} : { authorization: auth }), ...this.opts.headers },
          ...(signal === undefined ? {} : { signal }),
        },
        (res) => {
          clearTimeout(connectTimer);
          const status = res.statusCode ?? 0;
          if (status >= 300 && status < 400 && res.headers.location !== undefined) {
            res.resume();
            observe('redirect');
            if (redirectsLeft <= 0) return reject(this.#fail(`too many redirects`, undefined));
            const next = new URL(res.headers.location, url);
            if (u.protocol === 'https:' && next.protocol !== 'https:') return reject(this.#fail(`refusing redirect from https to ${next.protocol}`, undefined));
            this.#get(next.toString(), signal, redirectsLeft - 1).then(resolve, reject);
            return;
          }
          if (status !== 200) {
            // Keep a short error body: the go client shows it to the user ("server response: ...").
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => {
              if (text.length < 500) text += c;
            });
            const done = (): void => {
              observe(String(status));
              const msg = text.trim().slice(0, 300);
              const where = `${this.label}: ${status}${msg === '' ? '' : ` ${msg}`}`;
              if (status === 404) reject(new StevedoreError('GOPROXY_NOT_FOUND', `not found at ${where}`, { data: { status, upstream: this.label } }));
              else if (status === 410) reject(new StevedoreError('GOPROXY_GONE', `gone at ${where}`, { data: { status, upstream: this.label } }));
              else reject(this.#fail(`upstream ${where}`, status));
            };
            res.on('end', done);
            res.on('error', done);
            return;
          }
          observe('200');
          const len = res.headers['content-length'];
          const size = len === undefined ? undefined : Number(len);
          const body = new PassThrough();
          let received = 0;
          res.on('data', (c: Buffer) => (received += c.byteLength));
          res.on('error', (e) => body.destroy(this.#fail(`reading body from ${this.label}: ${e.message}`, undefined, e)));
          res.on('aborted', () => body.destroy(this.#fail(`connection to ${this.label} closed mid-body`, undefined)));
          res.on('end', () => {
            if (size !== undefined && received !== size) body.destroy(this.#fail(`truncated body from ${this.label} (${received} of ${size} bytes)`, undefined));
          });
          res.pipe(body);
          // Read timeout for the body: no byte for readTimeoutMs → fail (socket timeout resets on activity).
          req.setTimeout(this.opts.readTimeoutMs, () => {
            req.destroy();
            body.destroy(new StevedoreError('GOPROXY_UPSTREAM_TIMEOUT', `upstream ${this.label} stalled for ${this.opts.readTimeoutMs} ms while sending the body`, { data: { upstream: this.label } }));
          });
          body.on('close', () => {
            if (!res.complete) req.destroy();
          });
          resolve({ body, size: size !== undefined && Number.isFinite(size) ? size : undefined });
        },
      );
      const connectTimer = setTimeout(() => {
        req.destroy(new StevedoreError('GOPROXY_UPSTREAM_TIMEOUT', `upstream ${this.label}: no connection within ${this.opts.connectTimeoutMs} ms`, { data: { upstream: this.label } }));
      }, this.opts.connectTimeoutMs);
      req.on('socket', (sock) => {
        // A reused keep-alive socket is already connected; a new one starts the connect clock.
        const connected = (): void => {
          clearTimeout(connectTimer);
          req.setTimeout(this.opts.readTimeoutMs, () => {
            req.destroy(new StevedoreError('GOPROXY_UPSTREAM_TIMEOUT', `upstream ${this.label}: no response within ${this.opts.readTimeoutMs} ms`, { data: { upstream: this.label } }));
          });
        };
        if (!sock.connecting) connected();
        else sock.once(u.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
      });
      req.on('error', (e) => {
        clearTimeout(connectTimer);
        observe('error');
        if (e instanceof StevedoreError) reject(e);
        else reject(this.#fail(`upstream ${this.label}: ${e.message}`, undefined, e));
      });
      req.end();
    });
  }

  #fail(message: string, status: number | undefined, cause?: unknown): StevedoreError {
    return new StevedoreError('GOPROXY_UPSTREAM_FAILED', message, {
      data: { upstream: this.label, ...(status === undefined ? {} : { status }) },
      ...(cause === undefined ? {} : { cause }),
    });
  }
}
