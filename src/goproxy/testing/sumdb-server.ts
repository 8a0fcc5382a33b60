/**
 * @module goproxy/testing/sumdb-server
 * A local checksum database for tests, because sum.golang.org is not reachable here. It speaks
 * the real protocol closely enough for the real go client to verify against it: /lookup answers
 * with the record and a signed tree note (Ed25519, a test key), /tile serves level-0 (and higher)
 * hash tiles so the client can authenticate records, /latest serves the signed tree. Records
 * are fixed at construction (no growth while running).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeCase, unescapeCase } from '../protocol/index.ts';
import { generateSigner, type TestSigner } from '../sumdb/note.ts';
import { recordHash, tileBytes, treeHash } from '../sumdb/tlog.ts';
import type { WrittenModule } from './modules.ts';

export interface TestSumdb {
  readonly name: string;
  readonly verifierKey: string;
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startTestSumdb(mods: readonly WrittenModule[], opts: { name?: string; lie?: (m: WrittenModule) => string | undefined } = {}): Promise<TestSumdb> {
  const signer: TestSigner = generateSigner(opts.name ?? 'sum.test.example');
  const records = mods.map((m) => `${m.path} ${m.version} ${opts.lie?.(m) ?? m.zipHash}\n${m.path} ${m.version}/go.mod ${m.modHash}\n`);
  const leaves = records.map((r) => recordHash(Buffer.from(r)));
  const n = records.length;
  const note = signer.sign(`go.sum database tree\n${n}\n${treeHash(leaves).toString('base64')}\n`);
  const index = new Map(mods.map((m, i) => [`${escapeCase(m.path)!}@${escapeCase(m.version)!}`, i]));
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (path === '/latest') return void res.end(note);
    if (path.startsWith('/lookup/')) {
      const mv = path.slice('/lookup/'.length);
      const id = index.get(mv) ?? index.get(`${escapeCase(unescapeCase(mv.slice(0, mv.lastIndexOf('@'))) ?? '')!}@${mv.slice(mv.lastIndexOf('@') + 1)}`);
      if (id === undefined) {
        res.statusCode = 404;
        return void res.end(`not found: ${mv}\n`);
      }
      return void res.end(`${id}\n${records[id]!}\n${note}`);
    }
    const t = /^\/tile\/8\/(\d+)\/((?:x\d{3}\/)*\d{3})(?:\.p\/(\d+))?$/.exec(path);
    if (t !== null) {
      const level = Number(t[1]);
      const idx = Number(t[2]!.replace(/x|\//g, ''));
      const width = t[3] === undefined ? 256 : Number(t[3]);
      const nodes = Math.floor(n / 2 ** (8 * level));
      if (idx * 256 + width > nodes) {
        res.statusCode = 404;
        return void res.end('tile not available\n');
      }
      return void res.end(tileBytes(leaves, 8, level, idx, width));
    }
    res.statusCode = 404;
    res.end('not found\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    name: signer.name,
    verifierKey: signer.verifierKey,
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
