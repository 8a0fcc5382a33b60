/**
 * @module cachekey/context/types
 * A build context as BuildKit's content hasher sees it: the entries that survive
 * .dockerignore, each with the stat fields that enter the per-file digest, plus lazy access to
 * file bytes. Two implementations: the working tree (`fs.ts`) and a git revision (`git.ts`).
 */

export type EntryType = 'file' | 'dir' | 'symlink' | 'char' | 'block' | 'fifo';

export interface ContextEntry {
  /** Context-relative slash path, no leading `./` or `/`. */
  readonly path: string;
  readonly type: EntryType;
  /** Permission bits plus setuid (04000), setgid (02000) and sticky (01000). */
  readonly mode: number;
  /** Bytes for regular files, 0 otherwise (as in the tar header). */
  readonly size: number;
  /** Modification time in ms; undefined when the source has none (git). Never hashed. */
  readonly mtimeMs: number | undefined;
  readonly linkTarget: string;
  readonly devMajor: number;
  readonly devMinor: number;
  /** Extended attributes as sorted [name, value] pairs (see docs: not read from disk yet). */
  readonly xattrs: readonly (readonly [string, string])[];
  /** A digest already known for this entry (git blob id + mode, or a snapshot); lets equal files skip hashing. */
  readonly knownDigest?: string;
}

export interface ContextSnapshot {
  /** e.g. `git:1a2b3c4` or `worktree`. */
  readonly label: string;
  /** Entries after .dockerignore, keyed by path; directories included (the root is not). */
  readonly entries: ReadonlyMap<string, ContextEntry>;
  /** The ignore file that applied, if any, and how many paths it removed. */
  readonly ignoreFile: string | undefined;
  readonly ignorePatterns: readonly string[];
  /** Per-file digest (`sha256:<hex>`) of a regular file, symlink, device or directory header. */
  entryDigest(path: string): Promise<string>;
  /** Read a file of the context regardless of .dockerignore (Dockerfile, ignore files). */
  readText(path: string): Promise<string | undefined>;
  /** Release processes or handles. */
  close(): Promise<void>;
}

/** Children of each directory, sorted by byte order of the name (as BuildKit's radix tree walks). */
export function indexChildren(entries: ReadonlyMap<string, ContextEntry>): Map<string, string[]> {
  const children = new Map<string, string[]>([['', []]]);
  for (const p of entries.keys()) {
    const slash = p.lastIndexOf('/');
    const parent = slash < 0 ? '' : p.slice(0, slash);
    let list = children.get(parent);
    if (list === undefined) {
      list = [];
      children.set(parent, list);
    }
    list.push(p);
  }
  for (const list of children.values()) list.sort(compareBytes);
  return children;
}

/** Byte-order comparison of UTF-8 strings (Go string order), not UTF-16 code-unit order. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
