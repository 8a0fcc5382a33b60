// The warm fast path on a real listening node:http server: what it answers itself must be what
// the hono app answers (status, headers, body, metrics, log line), and everything else must reach
// the app untouched.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureTree } from '../testing/modules.ts';
import { createProxy, type Proxy } from '../proxy.ts';
import { parseFileConfig, resolveConfig, type FileConfig } from '../config.ts';
import { FsStore } from '../store/fs.ts';
import type { Store } from '../store/store.ts';
import { Gate } from './app.ts';
import { isPlainTarget, withFastPath, type Listener } from './fast.ts';
import type { Logger } from './log.ts';

let dir: string;
const servers: Server[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-fast-'));
  await writeFixtureTree(join(dir, 'tree'), [
    { path: 'example.com/m', version: 'v1.0.0', files: { 'go.mod': 'module example.com/m\n', 'm.go': 'package m\n'.repeat(5000) } },
    { path: 'example.com/Upper', version: 'v1.2.0', files: { 'go.mod': 'module example.com/Upper\n', 'u.go': 'package upper\n' } },
    { path: 'example.com/old', version: 'v2.0.0+incompatible', files: { 'o.go': 'package old\n' } },
  ]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await rm(dir, { recursive: true, force: true });
});

interface Setup {
  readonly proxy: Proxy;
  readonly gate: Gate;
  readonly fastUrl: string;
  readonly appUrl: string;
  readonly logs: Record<string, unknown>[];
  /** Requests the fast path handed to the app. */
  readonly fellThrough: string[];
}

async function listen(listener: Listener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function setup(extra: FileConfig = {}, store?: (inner: Store) => Store): Promise<Setup> {
  const storage = join(dir, `store-${Math.random()}`);
  const config = resolveConfig({ file: parseFileConfig({ storage, upstream: `file://${join(dir, 'tree')}`, gosumdb: 'off', ...extra }, 't'), env: {}, flags: {}, cwd: dir });
  const logs: Record<string, unknown>[] = [];
  const logger: Logger = { log: (level, msg, fields) => logs.push({ level, msg, ...fields }) };
  const inner = new FsStore(storage);
  const proxy = createProxy(config, { logger, store: store === undefined ? inner : store(inner) });
  const appListener = getRequestListener(proxy.app.fetch);
  const fellThrough: string[] = [];
  const gate = new Gate(8);
  const fast = withFastPath({ service: proxy.service, store: proxy.store, metrics: proxy.metrics, logger, auth: config.auth, gate }, (req, res) => {
    fellThrough.push(`${req.method} ${req.url}`);
    void appListener(req, res);
  });
  return { proxy, gate, fastUrl: await listen(fast), appUrl: await listen((req, res) => void appListener(req, res)), logs, fellThrough };
}

interface Got {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** The target goes out byte for byte (a URL string would have its dot segments resolved by the client). */
function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Got> {
  const u = /^(http:\/\/[^/]+)(\/.*)$/.exec(url)!;
  const base = new URL(u[1]!);
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, path: u[2], method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const INFO = '/example.com/m/@v/v1.0.0.info';
const MOD = '/example.com/m/@v/v1.0.0.mod';
const ZIP = '/example.com/m/@v/v1.0.0.zip';
const UPPER_INFO = '/example.com/%21upper/@v/v1.2.0.info';
const UPPER_ZIP = '/example.com/!upper/@v/v1.2.0.zip';
const INCOMPATIBLE_MOD = '/example.com/old/@v/v2.0.0+incompatible.mod';

/** Fetch once through the app (a miss: fetched, verified, stored) and wait until it is kept. */
async function warm(s: Setup, paths: readonly string[]): Promise<void> {
  for (const p of paths) expect((await send(`${s.appUrl}${p}`)).status).toBe(200);
  await s.proxy.service.idle();
}

const withoutDate = (h: IncomingHttpHeaders): IncomingHttpHeaders => {
  const { date: _date, ...rest } = h;
  return rest;
};

describe('warm fast path', () => {
  it.each([
    ['GET', INFO],
    ['GET', MOD],
    ['GET', ZIP],
    ['HEAD', INFO],
    ['HEAD', ZIP],
    ['GET', UPPER_INFO],
    ['GET', UPPER_ZIP],
    ['GET', INCOMPATIBLE_MOD],
  ])('answers a warm %s %s itself, exactly as the app does', async (method, path) => {
    const s = await setup();
    await warm(s, [INFO, MOD, ZIP, UPPER_INFO, UPPER_ZIP, INCOMPATIBLE_MOD]);
    const headers = { 'x-request-id': 'req-1' };
    const fast = await send(`${s.fastUrl}${path}`, { method, headers });
    const app = await send(`${s.appUrl}${path}`, { method, headers });
    expect(s.fellThrough).toEqual([]);
    expect(fast.status).toBe(200);
    expect(withoutDate(fast.headers)).toEqual(withoutDate(app.headers));
    expect(fast.body.equals(app.body)).toBe(true);
    if (method === 'HEAD') expect(fast.body.length).toBe(0);
    else expect(fast.body.length).toBe(Number(fast.headers['content-length']));
  });

  it.each<[string, string, { method?: string; headers?: Record<string, string>; body?: string }]>([
    ['another method', INFO, { method: 'POST', body: 'x' }],
    ['a request body', INFO, { method: 'GET', headers: { 'content-length': '1' }, body: 'x' }],
    ['a query string', `${INFO}?x=1`, {}],
    ['a dot segment', '/example.com/x/../m/@v/v1.0.0.info', {}],
    ['an encoded dot segment', '/example.com/m/%2e%2e/m/@v/v1.0.0.info', {}],
    ['an escape other than %21', '/example.com/%6d/@v/v1.0.0.info', {}],
    ['a list', '/example.com/m/@v/list', {}],
    ['@latest', '/example.com/m/@latest', {}],
    ['a version query', '/example.com/m/@v/v1.info', {}],
    ['a range', ZIP, { headers: { range: 'bytes=0-9' } }],
    ['If-None-Match', ZIP, { headers: { 'if-none-match': '"x"' } }],
    ['If-Range', ZIP, { headers: { 'if-range': '"x"', range: 'bytes=0-9' } }],
    ['an artifact not yet fetched', '/example.com/!upper/@v/v1.2.0.mod', {}],
    ['a zip not yet fetched', '/example.com/!upper/@v/v1.2.0.zip', {}],
    ['an invalid path', '/example.com/Upper/@v/v1.2.0.info', {}],
    ['healthz', '/healthz', {}],
    ['metrics', '/metrics', {}],
  ])('hands %s to the app', async (_what, path, opts) => {
    const s = await setup();
    await warm(s, [INFO, ZIP]);
    const got = await send(`${s.fastUrl}${path}`, opts);
    expect(s.fellThrough).toEqual([`${opts.method ?? 'GET'} ${path}`]);
    // The same answer as asking the app directly (a second proxy: the first request may have
    // fetched and stored what the second would then find).
    const fresh = await setup();
    await warm(fresh, [INFO, ZIP]);
    const direct = await send(`${fresh.appUrl}${path}`, opts);
    expect(got.status).toBe(direct.status);
    if (path !== '/metrics') expect(got.body.equals(direct.body)).toBe(true);
  });

  it('hands requests without valid credentials to the app (401), serves those with them', async () => {
    const s = await setup({ auth: { bearer: { token: 'tok-0123456789abcdef' } } });
    const auth = { authorization: 'Bearer tok-0123456789abcdef' };
    for (const p of [INFO, ZIP]) expect((await send(`${s.appUrl}${p}`, { headers: auth })).status).toBe(200);
    await s.proxy.service.idle();
    expect((await send(`${s.fastUrl}${INFO}`)).status).toBe(401);
    expect((await send(`${s.fastUrl}${ZIP}`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect(s.fellThrough).toEqual([`GET ${INFO}`, `GET ${ZIP}`]);
    expect((await send(`${s.fastUrl}${INFO}`, { headers: auth })).status).toBe(200);
    expect((await send(`${s.fastUrl}${ZIP}`, { headers: auth })).status).toBe(200);
    expect(s.fellThrough).toHaveLength(2);
  });

  it('leaves the concurrency limit to the app once it is reached, and holds a slot per streaming zip', async () => {
    const s = await setup();
    await warm(s, [INFO, ZIP]);
    while (s.gate.tryEnter());
    expect((await send(`${s.fastUrl}${INFO}`)).status).toBe(200); // the app's own gate is separate here
    expect(s.fellThrough).toEqual([`GET ${INFO}`]);
    s.gate.leave();
    const inflightBefore = s.gate.inflight;
    expect((await send(`${s.fastUrl}${ZIP}`)).status).toBe(200);
    for (let i = 0; i < 200 && s.gate.inflight !== inflightBefore; i++) await new Promise((r) => setTimeout(r, 5));
    expect(s.gate.inflight).toBe(inflightBefore); // entered while streaming, left on close
    expect(s.fellThrough).toHaveLength(1);
  });

  it('counts requests, bytes and cache hits, and logs each request with its id', async () => {
    const s = await setup();
    await warm(s, [INFO, ZIP]);
    const m0 = s.proxy.metrics;
    const req0 = m0.requests.get({ endpoint: 'info', status: '200' });
    const hit0 = m0.cache.get({ endpoint: 'info', result: 'hit' });
    const bytes0 = m0.bytesServed.get({ endpoint: 'info' });
    const info = await send(`${s.fastUrl}${INFO}`, { headers: { 'x-request-id': 'abc 123!' } });
    await send(`${s.fastUrl}${INFO}`, { method: 'HEAD' });
    const zip = await send(`${s.fastUrl}${ZIP}`);
    for (let i = 0; i < 200 && s.logs.filter((l) => l['endpoint'] === 'zip').length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(s.fellThrough).toEqual([]);
    expect(m0.requests.get({ endpoint: 'info', status: '200' })).toBe(req0 + 2);
    expect(m0.cache.get({ endpoint: 'info', result: 'hit' })).toBe(hit0 + 2);
    expect(m0.bytesServed.get({ endpoint: 'info' })).toBe(bytes0 + info.body.length);
    expect(m0.bytesServed.get({ endpoint: 'zip' })).toBeGreaterThanOrEqual(zip.body.length);
    expect(info.headers['x-request-id']).toBe('abc123');
    const lines = s.logs.filter((l) => l['msg'] === 'request').slice(-3);
    expect(lines.map((l) => [l['method'], l['path'], l['status'], l['endpoint']])).toEqual([
      ['GET', INFO, 200, 'info'],
      ['HEAD', INFO, 200, 'info'],
      ['GET', ZIP, 200, 'zip'],
    ]);
    expect(lines[0]!['reqId']).toBe('abc123');
    expect(lines[1]!['reqId']).toMatch(/^[0-9a-f]{16}$/);
    expect(lines[1]!['reqId']).not.toBe(lines[2]!['reqId']);
  });

  /** A store that behaves like `inner` except for the members given. */
  const overriding = (inner: Store, members: Partial<Record<keyof Store, unknown>>): Store =>
    new Proxy(inner, {
      get: (target, prop) => {
        if (Object.hasOwn(members, prop)) return members[prop as keyof Store];
        const v: unknown = Reflect.get(target, prop, target);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });

  const outcomeOf = (url: string): Promise<string> =>
    send(url).then(
      (g) => `complete ${g.body.length} of ${g.headers['content-length']}`,
      (e: unknown) => `failed: ${(e as Error).message}`,
    );

  it('cuts the connection when a stored zip stream fails half way (stores without files)', async () => {
    let broken = false;
    const s = await setup({}, (inner) =>
      overriding(inner, {
        openFile: undefined,
        get: async (key: string, range?: { start: number; end: number }) => {
          const got = await inner.get(key, range);
          if (!broken || got === undefined) return got;
          got.body.destroy();
          let pushed = false;
          // Half the body, then a read error, as a failing disk would.
          const failing = new Readable({
            read() {
              if (pushed) this.destroy(new Error('EIO: i/o error, read'));
              else this.push(Buffer.alloc(Math.floor(got.stat.size / 2)));
              pushed = true;
            },
          });
          return { stat: got.stat, body: failing };
        },
      }),
    );
    await warm(s, [ZIP]);
    expect(await outcomeOf(`${s.fastUrl}${ZIP}`)).toMatch(/^complete (\d+) of \1$/);
    broken = true;
    expect(await outcomeOf(`${s.fastUrl}${ZIP}`)).toMatch(/^failed: (aborted|socket hang up)/);
    expect(s.fellThrough).toEqual([]);
  });

  it('cuts the connection when a stored zip file is shorter than its stat said', async () => {
    let broken = false;
    const s = await setup({}, (inner) =>
      overriding(inner, {
        openFile: async (key: string) => {
          const got = await inner.openFile!(key);
          return !broken || got === undefined ? got : { fd: got.fd, stat: { ...got.stat, size: got.stat.size + 5000 } };
        },
      }),
    );
    await warm(s, [ZIP]);
    expect(await outcomeOf(`${s.fastUrl}${ZIP}`)).toMatch(/^complete (\d+) of \1$/);
    broken = true;
    expect(await outcomeOf(`${s.fastUrl}${ZIP}`)).toMatch(/^failed: (aborted|socket hang up)/);
    expect(s.fellThrough).toEqual([]);
  });

  it('takes only targets whose URL-parsed path is the target itself', () => {
    const plain = [INFO, UPPER_INFO, UPPER_ZIP, INCOMPATIBLE_MOD, '/golang.org/toolchain/@v/v0.0.1-go1.22.0.linux-amd64.zip', '/a~b/c_d/@v/v1.0.0-20200101000000-abcdefabcdef.info'];
    for (const t of plain) expect(isPlainTarget(t)).toBe(true);
    const other = ['/', '//x/@v/v1.info', '/x/./@v/v1.info', '/x/../@v/v1.info', '/.x/@v/v1.info', '/x?y', '/x#y', '/x/%2e/y', '/x%2F', '/x\\y', '/x y', 'x/@v/v1.info', `/${'a'.repeat(8192)}`];
    for (const t of other) expect(isPlainTarget(t)).toBe(false);
    // Seeded fuzz over the characters that matter to URL parsing.
    const alphabet = ['/', '.', '%', '2', 'e', 'E', '1', '!', '?', '#', '\\', ' ', 'a', 'Z', '@', '+', '~', '-', '_', ':', ';', '"', '\u00e9'];
    let seed = 12345;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let accepted = 0;
    for (let i = 0; i < 20000; i++) {
      let t = '/';
      for (let k = rnd(12); k >= 0; k--) t += alphabet[rnd(alphabet.length)]!;
      if (!isPlainTarget(t)) continue;
      accepted++;
      expect(new URL(t, 'http://h').pathname).toBe(t);
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
