// Config file validation (strict keys with suggestions, durations) and layer precedence.
import { describe, expect, it } from 'vitest';
import { parseFileConfig, parseListen, resolveConfig } from './config.ts';

describe('parseFileConfig', () => {
  it('parses durations through the one parser', () => {
    const c = parseFileConfig({ timeouts: { connect: '2s', read: '1m30s' }, ttl: { negative: '500ms' } }, 'p.json');
    expect(c.timeouts).toEqual({ connect: 2000, read: 90_000 });
    expect(c.ttl?.negative).toBe(500);
  });
  it.each([
    [{ upstrem: 'x' }, 'unknown key "upstrem" (did you mean "upstream"?)'],
    [{ timeouts: { conect: '1s' } }, 'unknown key "timeouts.conect" (did you mean "connect"?)'],
    [{ timeouts: { connect: '10 parsecs' } }, 'timeouts.connect: invalid duration'],
    [{ retry: { attempts: 0 } }, 'retry.attempts'],
    [{ auth: { bearer: { token: 'short' } } }, 'auth'],
  ])('rejects %j', (json, msg) => expect(() => parseFileConfig(json, 'p.json')).toThrow(msg));
});

describe('resolveConfig', () => {
  const base = { env: {}, flags: {}, cwd: '/w' };
  it('applies defaults < file < env < flags', () => {
    const file = parseFileConfig({ upstream: 'http://file:1', goprivate: 'file.example.com', listen: '127.0.0.1:1' }, 'p.json');
    const c = resolveConfig({ ...base, file, env: { GOPRIVATE: 'env.example.com', HOME: '/home/u' }, flags: { listen: '0.0.0.0:9' } });
    expect(c.upstream).toBe('http://file:1');
    expect(c.goprivate).toBe('env.example.com');
    expect(c.gonoproxy).toBe('env.example.com');
    expect(c.gonosumdb).toBe('env.example.com');
    expect(c.listen).toEqual({ host: '0.0.0.0', port: 9 });
    expect(c.storage).toBe('/home/u/.cache/stevedore/goproxy');
  });
  it('falls back to the machine GOPROXY, then the public proxy', () => {
    expect(resolveConfig({ ...base, machineGoproxy: 'http://m:1,direct' }).upstream).toBe('http://m:1,direct');
    expect(resolveConfig(base).upstream).toBe('https://proxy.golang.org,direct');
  });
  it('rejects a bad upstream list', () => {
    expect(() => resolveConfig({ ...base, flags: { upstream: 'ftp://x' } })).toThrow(/upstream: .*scheme/);
  });
  it.each([['127.0.0.1:3000', { host: '127.0.0.1', port: 3000 }], [':80', { host: '127.0.0.1', port: 80 }], ['[::1]:8080', { host: '::1', port: 8080 }]])('parseListen(%s)', (s, want) =>
    expect(parseListen(s)).toEqual(want),
  );
  it('rejects a bad listen address', () => expect(() => parseListen('nope')).toThrow(/listen/));
});
