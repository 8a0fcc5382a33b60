// Table tests: raw URL paths (as the go client sends them) → typed requests or rejections.
import { describe, expect, it } from 'vitest';
import { parseProxyPath, requestPath } from './request.ts';

describe('parseProxyPath', () => {
  it.each([
    ['example.com/m/@v/list', { kind: 'list', module: 'example.com/m' }],
    ['example.com/m/@latest', { kind: 'latest', module: 'example.com/m' }],
    ['example.com/%21upper/@v/v1.0.0.mod', { kind: 'mod', module: 'example.com/Upper', version: 'v1.0.0', canonical: true }],
    ['example.com/!upper/@v/v1.0.0.zip', { kind: 'zip', module: 'example.com/Upper', version: 'v1.0.0', canonical: true }],
    ['example.com/m/@v/v0.0.0-20240101000000-abcdefabcdef.info', { kind: 'info', module: 'example.com/m', version: 'v0.0.0-20240101000000-abcdefabcdef', canonical: true }],
    ['example.com/m/@v/v2.0.0+incompatible.zip', { kind: 'zip', module: 'example.com/m', version: 'v2.0.0+incompatible', canonical: true }],
    ['example.com/m/@v/main.info', { kind: 'info', module: 'example.com/m', version: 'main', canonical: false }],
    ['golang.org/toolchain/@v/v0.0.1-go1.25.0.linux-amd64.zip', { kind: 'zip', module: 'golang.org/toolchain', version: 'v0.0.1-go1.25.0.linux-amd64', canonical: true }],
    ['sumdb/sum.golang.org/supported', { kind: 'sumdb', name: 'sum.golang.org', path: 'supported', sub: 'supported' }],
    ['sumdb/sum.golang.org/lookup/example.com/m@v1.0.0', { kind: 'sumdb', name: 'sum.golang.org', path: 'lookup/example.com/m@v1.0.0', sub: 'lookup' }],
    ['sumdb/sum.golang.org/tile/8/0/x001/234.p/5', { kind: 'sumdb', name: 'sum.golang.org', path: 'tile/8/0/x001/234.p/5', sub: 'tile' }],
    ['sumdb/sum.golang.org/tile/8/data/000', { kind: 'sumdb', name: 'sum.golang.org', path: 'tile/8/data/000', sub: 'tile' }],
  ])('%s', (path, request) => expect(parseProxyPath(path)).toEqual({ ok: true, request }));

  it.each([
    ['example.com/Upper/@v/list', 'bad-request'],
    ['example.com/%zz/@v/list', 'bad-request'],
    ['example.com/../../etc/passwd/@v/list', 'bad-request'],
    ['example.com/m/..%2F..%2Fx/@v/list', 'bad-request'],
    ['example.com/m/@v/..%2Fx.info', 'bad-request'],
    ['example.com/m/@v/v1.0.0%00.zip', 'bad-request'],
    ['example.com/m/@v/v1.0.zip', 'not-found'],
    ['example.com/m/@v/v2.0.0.mod', 'not-found'],
    ['example.com/m/@v/latest.info', 'not-found'],
    ['example.com/m/@v/v1.0.0.ziphash', 'not-found'],
    ['favicon.ico', 'not-found'],
    ['nodot/@v/list', 'bad-request'],
    ['sumdb/sum.golang.org/tile/8/0/1', 'bad-request'],
    ['sumdb/sum.golang.org/lookup/example.com/m', 'bad-request'],
    ['sumdb/SUM/supported', 'bad-request'],
    ['x'.repeat(5000), 'bad-request'],
  ])('rejects %s as %s', (path, reject) => {
    const r = parseProxyPath(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reject).toBe(reject);
  });

  it('round-trips requestPath for escaped modules', () => {
    const r = parseProxyPath('github.com/%21azure/go/@v/v1.0.0-%21r%21c1.info');
    expect(r.ok).toBe(true);
    if (r.ok) expect(requestPath(r.request)).toBe('github.com/!azure/go/@v/v1.0.0-!r!c1.info');
  });
});
