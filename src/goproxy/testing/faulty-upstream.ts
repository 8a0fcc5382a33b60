/**
 * @module goproxy/testing/faulty-upstream
 * A fault-injecting GOPROXY upstream on loopback, standing in for a misbehaving
 * proxy.golang.org (not reachable here). It serves a fixture tree and, per request, applies a
 * fault chosen by the test: latency, a status code (500, 404, 410...), a connection reset before
 * any response, a truncated body (full Content-Length, half the bytes, then a reset), a slow drip,
 * a stall (never answers), a body held until the test releases it, or an altered zip.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly body?: string }
  | { readonly kind: 'reset' }
  | { readonly kind: 'truncate' }
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'drip'; readonly chunkBytes: number; readonly intervalMs: number }
  | { readonly kind: 'stall' }
  /** Send the first `bytes` bytes, then wait for `release` before sending the rest. */
  | { readonly kind: 'hold'; readonly bytes: number; readonly release: Promise<void> }
  /** Replace the body (e.g. an altered zip). */
  | { readonly kind: 'replace'; readonly body: Buffer };

export interface FaultyUpstream {
  readonly url: string;
  /** Requests seen, by decoded path. */
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

/** `plan(path, n)` picks the fault for the n-th (1-based) request of a path; undefined serves normally. */
export async function startFaultyUpstream(root: string, plan: (path: string, n: number) => Fault | undefined): Promise<FaultyUpstream> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const n = (hits.get(path) ?? 0) + 1;
      hits.set(path, n);
      const fault = plan(path, n);
      if (fault?.kind === 'stall') return;
      if (fault?.kind === 'reset') return void req.socket.destroy();
      if (fault?.kind === 'status') {
        res.statusCode = fault.status;
        return void res.end(fault.body ?? `injected ${fault.status}\n`);
      }
      if (fault?.kind === 'latency') await new Promise((r) => setTimeout(r, fault.ms));
      let body: Buffer;
      try {
        body = fault?.kind === 'replace' ? fault.body : await readFile(join(root, ...path.split('/').filter((e) => e !== '' && e !== '..')));
      } catch {
        res.statusCode = 404;
        return void res.end(`not found: ${path}\n`);
      }
      res.writeHead(200, { 'content-length': String(body.byteLength) });
      await send(res, body, fault);
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function send(res: ServerResponse, body: Buffer, fault: Fault | undefined): Promise<void> {
  if (fault?.kind === 'truncate') {
    res.write(body.subarray(0, Math.floor(body.byteLength / 2)));
    await new Promise((r) => setTimeout(r, 10));
    res.socket?.destroy();
    return;
  }
  if (fault?.kind === 'drip') {
    for (let i = 0; i < body.byteLength; i += fault.chunkBytes) {
      if (res.destroyed) return;
      res.write(body.subarray(i, i + fault.chunkBytes));
      await new Promise((r) => setTimeout(r, fault.intervalMs));
    }
    res.end();
    return;
  }
  if (fault?.kind === 'hold') {
    res.write(body.subarray(0, fault.bytes));
    await fault.release;
    res.end(body.subarray(fault.bytes));
    return;
  }
  res.end(body);
}
