/**
 * @module goproxy/upstream/source
 * What an upstream is to the proxy: something that answers a GOPROXY request with a body stream
 * or a typed error (GOPROXY_NOT_FOUND / GOPROXY_GONE mean "not here, try the next entry";
 * anything else is a failure). HTTP(S) proxies, file:// trees and `direct` (the go command)
 * implement it.
 */
import type { Readable } from 'node:stream';
import type { ProxyRequest } from '../protocol/index.ts';
import { StevedoreError } from '../../errors.ts';

export interface SourceResponse {
  readonly body: Readable;
  /** Content-Length when the upstream sent one. */
  readonly size: number | undefined;
}

export interface Source {
  /** Label for logs and metrics ("http://127.0.0.1:3001", "direct"). Never contains credentials. */
  readonly label: string;
  fetch(req: ProxyRequest, signal?: AbortSignal): Promise<SourceResponse>;
}

/** True for "not here" answers (404/410) after which both "," and "|" fall through. */
export function isNotFound(e: unknown): boolean {
  return e instanceof StevedoreError && (e.code === 'GOPROXY_NOT_FOUND' || e.code === 'GOPROXY_GONE');
}

/** Read a whole (small) body, refusing more than `max` bytes or fewer than the announced size. */
export async function readAll(res: SourceResponse, max: number, what: string): Promise<Buffer> {
  if (res.size !== undefined && res.size > max) {
    res.body.destroy();
    throw new StevedoreError('GOPROXY_UPSTREAM_FAILED', `${what}: response of ${res.size} bytes exceeds the limit of ${max}`);
  }
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of res.body) {
    n += (c as Buffer).byteLength;
    if (n > max) {
      res.body.destroy();
      throw new StevedoreError('GOPROXY_UPSTREAM_FAILED', `${what}: response exceeds the limit of ${max} bytes`);
    }
    chunks.push(c as Buffer);
  }
  if (res.size !== undefined && n !== res.size) {
    throw new StevedoreError('GOPROXY_UPSTREAM_FAILED', `${what}: truncated response (${n} of ${res.size} bytes)`);
  }
  return Buffer.concat(chunks);
}
