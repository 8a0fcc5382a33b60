/**
 * @module goproxy/sumdb/client
 * The proxy's own use of checksum databases: look up module@version (through the cache, like
 * any sumdb passthrough request), verify the answer's signed note with the configured key, and
 * return the h1: hashes to check fetched zips and go.mod files against. Modules matching
 * GONOSUMDB/GOPRIVATE, and everything when GOSUMDB=off, are never looked up: their names must
 * not leave the network.
 */
import { StevedoreError } from '../../errors.ts';
import { escapeCase, matchPrefixPatterns } from '../protocol/index.ts';
import { parseLookup, LookupError, type LookupResult } from './lookup.ts';
import { NoteError, parseVerifierKey, type Verifier } from './note.ts';

/** GOSUMDB value → name, verifier and URL (go.dev/ref/mod "Checksum database"). */
export interface SumdbSpec {
  readonly name: string;
  readonly verifier: Verifier | undefined;
  readonly url: string;
}

/** The public key the go command has built in for sum.golang.org. */
export const SUM_GOLANG_ORG_KEY = 'sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8';

export function parseGosumdb(value: string): SumdbSpec | 'off' {
  const v = value.trim();
  if (v === 'off') return 'off';
  const [first = '', url] = v.split(/\s+/, 2);
  let key = first;
  if (first === 'sum.golang.org' || first === 'sum.golang.google.cn') key = SUM_GOLANG_ORG_KEY;
  if (!key.includes('+')) throw new NoteError(`GOSUMDB ${JSON.stringify(v)}: unknown database without a key (use "name+key [url]")`);
  const verifier = parseVerifierKey(key);
  const base = url ?? (first === 'sum.golang.google.cn' ? 'https://sum.golang.google.cn' : `https://${verifier.name}`);
  return { name: verifier.name, verifier, url: base.replace(/\/+$/, '') };
}

export interface SumdbClientOptions {
  readonly gosumdb: SumdbSpec | 'off';
  readonly noSumPatterns: string;
  /** Fetch a sumdb path ("lookup/m@v") of database `name` through the proxy's cache. */
  readonly fetch: (name: string, path: string) => Promise<Buffer>;
}

export class SumdbClient {
  constructor(private readonly opts: SumdbClientOptions) {}

  /** True when the module must not be checked against (or revealed to) the checksum database. */
  skips(module: string): boolean {
    return this.opts.gosumdb === 'off' || (this.opts.noSumPatterns !== '' && matchPrefixPatterns(this.opts.noSumPatterns, module));
  }

  get name(): string | undefined {
    return this.opts.gosumdb === 'off' ? undefined : this.opts.gosumdb.name;
  }

  /** Verified hashes for module@version, or undefined when the module is exempt. */
  async lookup(module: string, version: string): Promise<LookupResult | undefined> {
    if (this.skips(module) || this.opts.gosumdb === 'off') return undefined;
    const db = this.opts.gosumdb;
    const path = `lookup/${escapeCase(module)!}@${escapeCase(version)!}`;
    const body = await this.opts.fetch(db.name, path);
    try {
      return parseLookup(body, module, version, db.verifier!);
    } catch (e) {
      if (e instanceof LookupError || e instanceof NoteError) {
        throw new StevedoreError('GOPROXY_SUMDB_INVALID', `checksum database ${db.name} answer for ${module}@${version} failed verification: ${e.message}`, { cause: e, data: { module, version } });
      }
      throw e;
    }
  }
}
