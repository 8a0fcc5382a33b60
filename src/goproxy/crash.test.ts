// Crash safety and TLS: a proxy process SIGKILLed in the middle of a cold zip download leaves no
// artifact that could be served; the next proxy on the same storage sweeps the temp file and
// fetches the zip afresh. And the proxy serves over TLS with a configured cert and key.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureTree } from './testing/modules.ts';
import { startFaultyUpstream, type FaultyUpstream } from './testing/faulty-upstream.ts';
import { startTestProxy } from './testing/harness.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let dir: string;
let upstream: FaultyUpstream;
let release!: () => void;
const released = new Promise<void>((r) => (release = r));
let firstRequestSeen!: () => void;
const seen = new Promise<void>((r) => (firstRequestSeen = r));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-crash-'));
  await writeFixtureTree(join(dir, 'tree'), [{ path: 'example.com/big', version: 'v1.0.0', store: true, files: { 'go.mod': 'module example.com/big\n', 'blob.bin': randomBytes(2_000_000) } }]);
  upstream = await startFaultyUpstream(join(dir, 'tree'), (path, n) => {
    if (path !== '/example.com/big/@v/v1.0.0.zip' || n !== 1) return undefined;
    firstRequestSeen();
    return { kind: 'hold', bytes: 1_000_000, release: released };
  });
});
afterAll(async () => {
  release();
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('a SIGKILL mid-download leaves nothing servable; the next start sweeps and refetches', async () => {
    const storage = join(dir, 'store');
    const config = JSON.stringify({ storage, upstream: upstream.url, gosumdb: 'off', listen: '127.0.0.1:0' });
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'goproxy', 'testing', 'proxy-child.ts'), config], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    const url = await new Promise<string>((resolve) => child.stdout.once('data', (c: Buffer) => resolve(c.toString().trim())));
    const req = fetch(`${url}/example.com/big/@v/v1.0.0.zip`).catch(() => undefined);
    await seen;
    // Wait until the temp file has the first half on disk, then kill -9.
    for (let i = 0; i < 200; i++) {
      const tmp = await readdir(join(storage, '.tmp-downloads')).catch(() => []);
      if (tmp.length > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await req;
    expect(await readdir(join(storage, '.tmp-downloads'))).not.toEqual([]);
    await expect(readdir(join(storage, 'example.com', 'big', '@v'))).rejects.toThrow(/ENOENT/);
    release();
    const p = await startTestProxy({ storage, upstream: upstream.url }, {}, dir);
    try {
      expect(await readdir(storage)).not.toContain('.tmp-downloads');
      const r = await fetch(`${p.url}/example.com/big/@v/v1.0.0.zip`);
      expect(r.status).toBe(200);
      const got = Buffer.from(await r.arrayBuffer());
      expect(got.equals(await readFile(join(dir, 'tree', 'example.com', 'big', '@v', 'v1.0.0.zip')))).toBe(true);
    } finally {
      await p.stop();
    }
  });
});

describe('TLS', () => {
  it('serves https with the configured certificate and key', async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    const p = await startTestProxy({ upstream: 'off', tls: { cert, key } });
    try {
      expect(p.url.startsWith('https://')).toBe(true);
      const ca = await readFile(cert);
      const body = await new Promise<string>((resolve, reject) => {
        https.get(`${p.url}/healthz`, { ca }, (res) => {
          let s = '';
          res.on('data', (c: Buffer) => (s += c.toString()));
          res.on('end', () => resolve(s));
        }).on('error', reject);
      });
      expect(body).toBe('ok\n');
    } finally {
      await p.stop();
    }
  });
});
