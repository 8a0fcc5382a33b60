// sendFile on a real server and socket: buffers are reused across downloads, so concurrent and
// aborted downloads must never mix bytes, and every descriptor must be closed.
import { createHash, randomBytes } from 'node:crypto';
import { openSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFile } from './send-file.ts';

let dir: string;
let server: Server;
let base: string;
const files = new Map<string, { path: string; sha: string; size: number }>();
const closedWith: number[] = [];

const openFds = (): number => readdirSync('/proc/self/fd').length;
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-sendfile-'));
  // Sizes around the 1 MiB chunk: empty, tiny, exactly one chunk, one byte over, several chunks.
  for (const size of [0, 1, 1 << 20, (1 << 20) + 1, 3.5 * (1 << 20)]) {
    const body = randomBytes(size);
    const path = join(dir, `f${size}`);
    await writeFile(path, body);
    files.set(String(size), { path, sha: sha(body), size });
  }
  server = createServer((req, res) => {
    const f = files.get(req.url!.slice(1))!;
    res.writeHead(200, { 'content-length': String(f.size) });
    sendFile(openSync(f.path, 'r'), f.size, res, (sent) => closedWith.push(sent));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

function download(name: string, abortAfter?: number): Promise<{ sha: string; bytes: number; aborted: boolean }> {
  return new Promise((resolve, reject) => {
    const req = get(`${base}/${name}`, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        bytes += c.length;
        if (abortAfter !== undefined && bytes >= abortAfter) req.destroy();
      });
      res.on('end', () => resolve({ sha: sha(Buffer.concat(chunks)), bytes, aborted: false }));
      res.on('error', () => resolve({ sha: '', bytes, aborted: true }));
    });
    req.on('error', (e) => (abortAfter === undefined ? reject(e) : resolve({ sha: '', bytes: 0, aborted: true })));
  });
}

async function settled(fdsBefore: number): Promise<number> {
  for (let i = 0; i < 200 && openFds() > fdsBefore; i++) await new Promise((r) => setTimeout(r, 10));
  return openFds();
}

describe('sendFile', () => {
  it.each([...[0, 1, 1 << 20, (1 << 20) + 1, 3.5 * (1 << 20)].map(String)])('sends a %s-byte file whole', async (size) => {
    const got = await download(size);
    expect(got.bytes).toBe(files.get(size)!.size);
    expect(got.sha).toBe(files.get(size)!.sha);
  });

  it('keeps 24 concurrent downloads of different files apart, with aborts in between, and closes every descriptor', async () => {
    const fdsBefore = openFds();
    const names = [...files.keys()];
    const jobs = Array.from({ length: 24 }, (_, i) => {
      const name = names[i % names.length]!;
      const abort = i % 4 === 3 && files.get(name)!.size > 1 << 20 ? 300_000 : undefined;
      return download(name, abort).then((r) => ({ name, abort, ...r }));
    });
    const results = await Promise.all(jobs);
    for (const r of results) {
      if (r.abort !== undefined) continue;
      expect(r.aborted).toBe(false);
      expect(r.sha).toBe(files.get(r.name)!.sha);
    }
    expect(results.some((r) => r.abort !== undefined)).toBe(true);
    // The pool was exercised by aborted and finished downloads alike: later downloads still intact.
    for (const name of names) expect((await download(name)).sha).toBe(files.get(name)!.sha);
    expect(await settled(fdsBefore)).toBeLessThanOrEqual(fdsBefore);
  });

  it('reports the bytes the socket took when the response closes', async () => {
    closedWith.length = 0;
    await download(String(3.5 * (1 << 20)));
    for (let i = 0; i < 100 && closedWith.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(closedWith).toEqual([3.5 * (1 << 20)]);
  });
});
