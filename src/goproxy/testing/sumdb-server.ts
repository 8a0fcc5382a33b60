/**
 * @module goproxy/testing/sumdb-server
 * A local checksum database for tests, because sum.golang.org is not reachable here. It speaks
 * the real protocol closely enough for the real go client to verify against it: /lookup answers
 * with the record and a signed tree note (Ed25519, a test key), /tile serves level-0 (and higher)
 * hash tiles so the client can authenticate records, /latest serves the signed tree. Tests of
 * the proxy's proofs can make it lie: a record served that is not in the signed tree, tiles with
 * a flipped byte, an honest growth of the log, or a fork (an earlier record rewritten).
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
  /** Signed tree size now served. */
  readonly size: number;
  /** Append records (an honest growth: the new tree extends the old). */
  grow(records: readonly string[]): void;
  /** Rewrite record `id` and append `records`: a signed tree that does not extend the earlier one. */
  fork(id: number, records: readonly string[]): void;
  close(): Promise<void>;
}

export interface TestSumdbOptions {
  readonly name?: string;
  /** A different h1: for the zip, put into the tree itself (the signed truth is wrong). */
  readonly lie?: (m: WrittenModule) => string | undefined;
  /** A different h1: served in /lookup only: the record is signed-over by no tree (a forged answer). */
  readonly forgeLookup?: (m: WrittenModule) => string | undefined;
  /** Flip a byte in the first and last hash of every tile served. */
  readonly corruptTiles?: boolean;
}

function recordOf(m: WrittenModule, zipHash: string): string {
  return `${m.path} ${m.version} ${zipHash}\n${m.path} ${m.version}/go.mod ${m.modHash}\n`;
}

export async function startTestSumdb(mods: readonly WrittenModule[], opts: TestSumdbOptions = {}): Promise<TestSumdb> {
  const signer: TestSigner = generateSigner(opts.name ?? 'sum.test.example');
  const records = mods.map((m) => recordOf(m, opts.lie?.(m) ?? m.zipHash));
  const served = mods.map((m, i) => {
    const forged = opts.forgeLookup?.(m);
    return forged === undefined ? records[i]! : recordOf(m, forged);
  });
  let leaves = records.map((r) => recordHash(Buffer.from(r)));
  let n = records.length;
  const sign = (): string => signer.sign(`go.sum database tree\n${n}\n${treeHash(leaves).toString('base64')}\n`);
  let note = sign();
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
      return void res.end(`${id}\n${served[id]!}\n${note}`);
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
      const tile = tileBytes(leaves, 8, level, idx, width);
      // Both ends, so a proof uses a corrupted hash whichever record it is for.
      if (opts.corruptTiles === true) {
        tile[0]! ^= 0x40;
        tile[tile.length - 1]! ^= 0x40;
      }
      return void res.end(tile);
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
    get size() {
      return n;
    },
    grow(more) {
      leaves = [...leaves, ...more.map((r) => recordHash(Buffer.from(r)))];
      n = leaves.length;
      note = sign();
    },
    fork(id, more) {
      leaves = [...leaves.slice(0, id), recordHash(Buffer.from(`rewritten record ${id}\n`)), ...leaves.slice(id + 1), ...more.map((r) => recordHash(Buffer.from(r)))];
      n = leaves.length;
      note = sign();
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
