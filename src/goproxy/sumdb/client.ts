/**
 * @module goproxy/sumdb/client
 * The proxy's own use of checksum databases: look up module@version (through the cache, like
 * any sumdb passthrough request), verify the answer's signed note with the configured key, and
 * return the h1: hashes to check fetched zips and go.mod files against. The signature alone only
 * says the database signed some tree: the record is also proved to be in that tree from hash
 * tiles, and every signed tree must be consistent with the largest one verified before (held in
 * memory per database), so a forged record or a forked log is refused. Modules matching
 * GONOSUMDB/GOPRIVATE, and everything when GOSUMDB=off, are never looked up: their names must
 * not leave the network.
 */
import { StevedoreError } from '../../errors.ts';
import { escapeCase, matchPrefixPatterns } from '../protocol/index.ts';
import { parseLookup, LookupError, type LookupResult } from './lookup.ts';
import { NoteError, parseVerifierKey, type Verifier } from './note.ts';
import { consistentRoots, recordHash, rootWithLeaf, TileError, tilePath, tileReader, tilesNeeded, type NodeReader } from './tlog.ts';

/** Full tiles never change; this many stay decoded in memory (8 KiB each). */
const MAX_CACHED_TILES = 512;

interface SignedTree {
  readonly size: number;
  readonly root: Buffer;
}

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
  /** Store answers and tiles whose proofs passed (the fetch hook does not store them). */
  readonly keep?: (name: string, path: string, body: Buffer) => Promise<void>;
}

export class SumdbClient {
  /** Largest tree verified so far, per database name. */
  readonly #trees = new Map<string, SignedTree>();
  /** Full tiles by "name/path", oldest first (re-inserted on use). */
  readonly #tiles = new Map<string, Buffer>();

  constructor(private readonly opts: SumdbClientOptions) {}

  /** The largest verified tree of database `name`, for diagnostics and tests. */
  verifiedTree(name: string): { size: number; root: string } | undefined {
    const t = this.#trees.get(name);
    return t === undefined ? undefined : { size: t.size, root: t.root.toString('base64') };
  }

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
    let r: LookupResult;
    try {
      r = parseLookup(body, module, version, db.verifier!);
    } catch (e) {
      if (e instanceof LookupError || e instanceof NoteError) {
        throw new StevedoreError('GOPROXY_SUMDB_INVALID', `checksum database ${db.name} answer for ${module}@${version} failed verification: ${e.message}`, { cause: e, data: { module, version } });
      }
      throw e;
    }
    const what = `checksum database ${db.name} record ${r.id} for ${module}@${version}`;
    const leaf = recordHash(r.record);
    const include = (read: NodeReader): Buffer => rootWithLeaf(read, r.treeSize, r.id, leaf);
    const used = new Map<string, Buffer>([[path, body]]);
    const root = await this.#compute(db.name, r.treeSize, include, what, used);
    if (!root.equals(r.rootHash)) {
      throw new StevedoreError('GOPROXY_SUMDB_PROOF_FAILED', `${what} is not in the signed tree of size ${r.treeSize}: the inclusion proof from tiles gives another root`, { data: { module, version, id: r.id, treeSize: r.treeSize } });
    }
    await this.#extend(db.name, { size: r.treeSize, root: r.rootHash }, what, used);
    this.#remember(db.name, used);
    if (this.opts.keep !== undefined) {
      const keep = this.opts.keep;
      await Promise.all([...used].map(([p, b]) => keep(db.name, p, b)));
    }
    return r;
  }

  /**
   * Checks `tree` against the remembered tree of database `name` and keeps the larger. Loops when
   * another lookup replaced the remembered tree while tiles were being fetched, so every tree
   * kept was checked against its predecessor.
   */
  async #extend(name: string, tree: SignedTree, what: string, used: Map<string, Buffer>): Promise<void> {
    for (;;) {
      const known = this.#trees.get(name);
      if (known === undefined) {
        this.#trees.set(name, tree);
        return;
      }
      if (known.size === tree.size) {
        if (!known.root.equals(tree.root)) throw fork(name, known, tree, what);
        return;
      }
      const [older, newer] = known.size < tree.size ? [known, tree] : [tree, known];
      const both = (read: NodeReader): { old: Buffer; new: Buffer } => consistentRoots(read, older.size, newer.size);
      const got = await this.#compute(name, newer.size, both, what, used);
      // Tiles that do not give the newer signed root are bad tiles, not proof of a fork.
      if (!got.new.equals(newer.root)) {
        throw new StevedoreError('GOPROXY_SUMDB_PROOF_FAILED', `${what}: tiles of checksum database ${name} do not match its signed tree of size ${newer.size}`, { data: { treeSize: newer.size } });
      }
      if (!got.old.equals(older.root)) throw fork(name, known, tree, what);
      if (this.#trees.get(name) === known) {
        if (newer === tree) this.#trees.set(name, tree);
        return;
      }
    }
  }

  /** Runs a proof computation over the tiles it needs for a tree of `size` records. */
  async #compute<T>(name: string, size: number, run: (read: NodeReader) => T, what: string, used: Map<string, Buffer>): Promise<T> {
    const refs = tilesNeeded(size, run);
    const tiles = new Map<string, Buffer>();
    await Promise.all(
      refs.map(async (t) => {
        const path = tilePath(t);
        const b = await this.#tile(name, path, what);
        tiles.set(path, b);
        used.set(path, b);
      }),
    );
    try {
      return run(tileReader(size, tiles));
    } catch (e) {
      if (e instanceof TileError) throw new StevedoreError('GOPROXY_SUMDB_PROOF_FAILED', `${what}: ${e.message}`, { cause: e });
      throw e;
    }
  }

  async #tile(name: string, path: string, what: string): Promise<Buffer> {
    const key = `${name}/${path}`;
    const hit = this.#tiles.get(key);
    if (hit !== undefined) {
      this.#tiles.delete(key);
      this.#tiles.set(key, hit);
      return hit;
    }
    let b: Buffer;
    try {
      b = await this.opts.fetch(name, path);
    } catch (e) {
      // A database that cannot produce a tile of its own signed tree cannot prove the record.
      if (e instanceof StevedoreError && (e.code === 'GOPROXY_NOT_FOUND' || e.code === 'GOPROXY_GONE')) {
        throw new StevedoreError('GOPROXY_SUMDB_PROOF_FAILED', `${what}: checksum database ${name} has no ${path}: ${e.message}`, { cause: e });
      }
      throw e;
    }
    return b;
  }

  /** Keeps the full tiles a passed proof used; a tile is never cached before it proved something. */
  #remember(name: string, used: ReadonlyMap<string, Buffer>): void {
    for (const [path, b] of used) {
      if (!path.startsWith('tile/') || path.includes('.p/')) continue;
      const key = `${name}/${path}`;
      this.#tiles.delete(key);
      this.#tiles.set(key, b);
      if (this.#tiles.size > MAX_CACHED_TILES) this.#tiles.delete(this.#tiles.keys().next().value!);
    }
  }
}

function fork(name: string, known: SignedTree, tree: SignedTree, what: string): StevedoreError {
  return new StevedoreError(
    'GOPROXY_SUMDB_FORK',
    `${what}: checksum database ${name} signed a tree of size ${tree.size} (${tree.root.toString('base64')}) inconsistent with the verified tree of size ${known.size} (${known.root.toString('base64')})`,
    { data: { knownSize: known.size, treeSize: tree.size } },
  );
}
