/**
 * @module goproxy/upstream/file
 * A `file://` GOPROXY upstream: a directory in the cache/download layout (what GOMODCACHE holds
 * under cache/download, or a `proxy export` bundle unpacked). Missing files are "not found".
 * Sumdb requests are not served from file trees (the go command does not either).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StevedoreError } from '../../errors.ts';
import { requestPath, type ProxyRequest } from '../protocol/index.ts';
import type { Source, SourceResponse } from './source.ts';

export class FileSource implements Source {
  readonly label: string;
  readonly #root: string;

  constructor(url: string) {
    this.label = url;
    this.#root = fileURLToPath(url);
  }

  async fetch(req: ProxyRequest): Promise<SourceResponse> {
    if (req.kind === 'sumdb') throw new StevedoreError('GOPROXY_NOT_FOUND', `${this.label} does not serve checksum databases`);
    // requestPath yields validated, escaped elements only, so the join cannot leave the root.
    const p = join(this.#root, ...requestPath(req).split('/'));
    try {
      const s = await stat(p);
      if (!s.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      return { body: createReadStream(p), size: s.size };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') {
        throw new StevedoreError('GOPROXY_NOT_FOUND', `not found in ${this.label}: ${requestPath(req)}`);
      }
      throw new StevedoreError('GOPROXY_UPSTREAM_FAILED', `${this.label}: ${(e as Error).message}`, { cause: e });
    }
  }
}
