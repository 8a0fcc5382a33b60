/**
 * @module goproxy/testing/tree-server
 * A loopback HTTP GOPROXY upstream serving a fixture tree from disk, with optional per-request
 * latency (to stand in for a distant proxy.golang.org, which is not reachable here). Counts
 * requests per path so tests can assert coalescing and caching.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface TreeServer {
  readonly url: string;
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean> | boolean;

export async function startTreeServer(root: string, opts: { latencyMs?: number; before?: Handler } = {}): Promise<TreeServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (opts.latencyMs !== undefined && opts.latencyMs > 0) await new Promise((r) => setTimeout(r, opts.latencyMs));
      if (opts.before !== undefined && (await opts.before(req, res, path))) return;
      const decoded = decodeURIComponent(path);
      if (decoded.includes('..')) {
        res.statusCode = 400;
        return void res.end('bad path\n');
      }
      const file = join(root, ...decoded.split('/').filter((e) => e !== ''));
      try {
        const s = await stat(file);
        if (!s.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'content-length': String(s.size) });
        createReadStream(file).pipe(res);
      } catch {
        res.statusCode = 404;
        res.end(`not found: ${decoded}\n`);
      }
    })();
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
