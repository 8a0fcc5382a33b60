/**
 * @module goproxy/upstream/chain
 * The GOPROXY list semantics on the proxy's side: try entries in order; after 404/410 go on;
 * after any other error go on only when the entry was followed by "|"; "off" fails hard;
 * "direct" runs the go command. Modules matching GONOPROXY (default GOPRIVATE) go only to
 * direct, so a private path never reaches a public upstream. The reported error is the most
 * informative one (failures before not-founds), as the go command ranks them.
 */
import { StevedoreError } from '../../errors.ts';
import { matchPrefixPatterns, type ProxyRequest, type UpstreamEntry } from '../protocol/index.ts';
import { isNotFound, type Source, type SourceResponse } from './source.ts';

export interface ChainEntry {
  readonly source: Source | 'off';
  readonly fallBackOnError: boolean;
}

export interface ChainOptions {
  readonly entries: readonly ChainEntry[];
  /** Used for GONOPROXY/GOPRIVATE modules; undefined when direct fetching is not configured. */
  readonly direct: Source | undefined;
  readonly noProxy: string;
}

export class UpstreamChain {
  constructor(private readonly opts: ChainOptions) {}

  /** Labels of the entries, for logs and docs. */
  get labels(): string[] {
    return this.opts.entries.map((e) => (e.source === 'off' ? 'off' : e.source.label));
  }

  isPrivate(module: string): boolean {
    return this.opts.noProxy !== '' && matchPrefixPatterns(this.opts.noProxy, module);
  }

  async fetch(req: ProxyRequest, signal?: AbortSignal): Promise<SourceResponse & { source: string }> {
    if (req.kind !== 'sumdb' && this.isPrivate(req.module)) {
      if (this.opts.direct === undefined) {
        throw new StevedoreError('GOPROXY_NOT_FOUND', `${req.module} matches GONOPROXY/GOPRIVATE but direct fetching is not configured`);
      }
      const r = await this.opts.direct.fetch(req, signal);
      return { ...r, source: this.opts.direct.label };
    }
    let notFound: unknown;
    let failure: unknown;
    for (const entry of this.opts.entries) {
      if (entry.source === 'off') {
        throw new StevedoreError('GOPROXY_OFF', 'module lookup disabled by upstream "off"');
      }
      try {
        const r = await entry.source.fetch(req, signal);
        return { ...r, source: entry.source.label };
      } catch (e) {
        if (isNotFound(e)) {
          notFound ??= e;
          continue;
        }
        failure ??= e;
        if (!entry.fallBackOnError) throw e;
      }
    }
    const last: unknown = failure ?? notFound;
    if (last instanceof Error) throw last;
    throw new StevedoreError('GOPROXY_NOT_FOUND', 'no upstream configured');
  }
}

export type { UpstreamEntry };
