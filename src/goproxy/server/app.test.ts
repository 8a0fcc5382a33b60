// The HTTP edge in-process (app.request): status mapping, auth, methods, ranges and
// conditional requests, health/readiness/metrics, and hostile paths.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureTree } from '../testing/modules.ts';
import { createProxy, type Proxy } from '../proxy.ts';
import { parseFileConfig, resolveConfig, type FileConfig } from '../config.ts';
import { silentLogger } from './log.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-app-'));
  await writeFixtureTree(join(dir, 'tree'), [{ path: 'example.com/m', version: 'v1.0.0', files: { 'go.mod': 'module example.com/m\n', 'm.go': 'package m\n'.repeat(50) } }]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function proxy(extra: FileConfig = {}): Proxy {
  const config = resolveConfig({ file: parseFileConfig({ storage: join(dir, `store-${Math.random()}`), upstream: `file://${join(dir, 'tree')}`, gosumdb: 'off', ...extra }, 't'), env: {}, flags: {}, cwd: dir });
  return createProxy(config, { logger: silentLogger });
}

describe('HTTP edge', () => {
  it('serves artifacts with content types and a request id', async () => {
    const p = proxy();
    const r = await p.app.request('/example.com/m/@v/v1.0.0.info', { headers: { 'x-request-id': 'abc-123' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(r.headers.get('x-request-id')).toBe('abc-123');
    expect(JSON.parse(await r.text()).Version).toBe('v1.0.0');
    const mod = await p.app.request('/example.com/m/@v/v1.0.0.mod');
    expect(await mod.text()).toBe('module example.com/m\n');
  });

  it.each([
    ['/example.com/%2e%2e/%2e%2e/etc/passwd/@v/list', 400],
    ['/example.com/Upper/@v/list', 400],
    ['/example.com/m/@v/v1.0.zip', 404],
    ['/example.com/nothere/@v/v1.0.0.info', 404],
    ['/robots.txt', 404],
  ])('%s → %i', async (path, status) => {
    const r = await proxy().app.request(path);
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toContain('text/plain');
  });

  it('only serves GET and HEAD', async () => {
    const p = proxy();
    expect((await p.app.request('/example.com/m/@v/list', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await p.app.request('/example.com/m/@v/v1.0.0.info', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('honours Range, If-Range and If-None-Match on stored zips', async () => {
    const p = proxy();
    const full = Buffer.from(await (await p.app.request('/example.com/m/@v/v1.0.0.zip')).arrayBuffer());
    await p.service.idle();
    const whole = await p.app.request('/example.com/m/@v/v1.0.0.zip');
    const etag = whole.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const part = await p.app.request('/example.com/m/@v/v1.0.0.zip', { headers: { range: 'bytes=10-19', 'if-range': etag } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${full.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(full.subarray(10, 20))).toBe(true);
    const stale = await p.app.request('/example.com/m/@v/v1.0.0.zip', { headers: { range: 'bytes=10-19', 'if-range': '"other"' } });
    expect(stale.status).toBe(200);
    expect((await p.app.request('/example.com/m/@v/v1.0.0.zip', { headers: { range: `bytes=${full.length}-` } })).status).toBe(416);
    expect((await p.app.request('/example.com/m/@v/v1.0.0.zip', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('requires the configured credentials, except on health endpoints', async () => {
    const p = proxy({ auth: { basic: { username: 'ci', password: 's3cret' } } });
    expect((await p.app.request('/example.com/m/@v/list')).status).toBe(401);
    const bad = `Basic ${Buffer.from('ci:wrong').toString('base64')}`;
    expect((await p.app.request('/example.com/m/@v/list', { headers: { authorization: bad } })).status).toBe(401);
    const good = `Basic ${Buffer.from('ci:s3cret').toString('base64')}`;
    expect((await p.app.request('/example.com/m/@v/list', { headers: { authorization: good } })).status).toBe(200);
    expect((await p.app.request('/healthz')).status).toBe(200);
    expect((await p.app.request('/metrics')).status).toBe(401);
    const b = proxy({ auth: { bearer: { token: 'tok-0123456789abcdef' } } });
    expect((await b.app.request('/metrics', { headers: { authorization: 'Bearer tok-0123456789abcdef' } })).status).toBe(200);
  });

  it('answers from cache only with Disable-Module-Fetch', async () => {
    const p = proxy();
    expect((await p.app.request('/example.com/m/@v/v1.0.0.mod', { headers: { 'disable-module-fetch': 'true' } })).status).toBe(404);
    await p.app.request('/example.com/m/@v/v1.0.0.mod');
    expect((await p.app.request('/example.com/m/@v/v1.0.0.mod', { headers: { 'disable-module-fetch': 'true' } })).status).toBe(200);
  });

  it('exposes readiness and Prometheus metrics', async () => {
    const p = proxy();
    expect((await p.app.request('/readyz')).status).toBe(200);
    await p.app.request('/example.com/m/@v/v1.0.0.info');
    await p.app.request('/example.com/m/@v/v1.0.0.info');
    await p.service.idle();
    const m = await (await p.app.request('/metrics')).text();
    expect(m).toContain('stevedore_goproxy_requests_total{endpoint="info",status="200"} 2');
    expect(m).toContain('stevedore_goproxy_cache_total{endpoint="info",result="miss"} 1');
    expect(m).toContain('stevedore_goproxy_cache_total{endpoint="info",result="hit"} 1');
    expect(m).toMatch(/stevedore_goproxy_storage_bytes \d+/);
  });

  it('maps "off" to 403 so a client list does not fall through', async () => {
    const p = proxy({ upstream: 'off' });
    expect((await p.app.request('/example.com/m/@v/v1.0.0.info')).status).toBe(403);
  });
});
