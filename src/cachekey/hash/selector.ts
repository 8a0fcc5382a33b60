/**
 * @module cachekey/hash/selector
 * Content digests of what one COPY/ADD source or bind mount selects from the context, in the
 * two modes BuildKit's contenthash has (reference 3.3):
 * - plain path: a file's digest (its name not included), or a directory's recursive digest
 *   (names, the directory's own header and every descendant count; the context root's header
 *   is faked as sha256(""));
 * - wildcard / filter mode (`*.go`, `--exclude`, `--parents`): the included paths in tree
 *   order, each as its name relative to the non-wildcard prefix plus its digest, with parent
 *   directory headers added; renames therefore count.
 * Each result also returns the per-path digests it used, which is the evidence `explain` diffs.
 */
import { createHash } from 'node:crypto';
import { mapLimit } from '../concurrency.ts';
import { type ContextSnapshot, indexChildren } from '../context/types.ts';
import { compileGlob } from '../ignore/glob.ts';
import { createIgnoreMatcher } from '../ignore/matcher.ts';
import { contextRelative, hasWildcard } from '../path.ts';

const HASH_CONCURRENCY = 16;
const EMPTY_SHA = `sha256:${createHash('sha256').digest('hex')}`;

export interface SelectorSpec {
  /** The source as written after expansion, e.g. `go.mod`, `./cmd/`, `*.go`, `.`. */
  readonly source: string;
  /** `COPY --exclude` patterns. */
  readonly exclude?: readonly string[];
  /** `COPY --parents`: keep the source's parent directories (filter mode). */
  readonly parents?: boolean;
}

export interface SelectorDigest {
  readonly digest: string;
  /** Context path → digest of every file and directory header that went into `digest`. */
  readonly inputs: ReadonlyMap<string, string>;
  /** true when the source matched nothing (BuildKit fails such a COPY unless it is a wildcard). */
  readonly missing: boolean;
}

interface Tree {
  readonly snap: ContextSnapshot;
  readonly children: Map<string, string[]>;
}

const trees = new WeakMap<ContextSnapshot, Tree>();
function treeOf(snap: ContextSnapshot): Tree {
  let t = trees.get(snap);
  if (t === undefined) {
    t = { snap, children: indexChildren(snap.entries) };
    trees.set(snap, t);
  }
  return t;
}

function sha(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return `sha256:${h.digest('hex')}`;
}

/** Follow symlinks on the final component, inside the context (Dockerfile copies follow them). */
function followFinal(snap: ContextSnapshot, path: string): string {
  let p = path;
  for (let hops = 0; hops < 40; hops++) {
    const e = snap.entries.get(p);
    if (e?.type !== 'symlink') return p;
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    p = contextRelative(e.linkTarget.startsWith('/') ? e.linkTarget : `${dir}/${e.linkTarget}`);
  }
  return p;
}

/** All paths under `root` (not including it), depth-first in byte order. */
function descendants(t: Tree, root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const c of t.children.get(dir) ?? []) {
      out.push(c);
      if (t.snap.entries.get(c)?.type === 'dir') visit(c);
    }
  };
  visit(root);
  return out;
}

async function digestsOf(t: Tree, paths: readonly string[]): Promise<Map<string, string>> {
  const ds = await mapLimit(paths, HASH_CONCURRENCY, (p) => t.snap.entryDigest(p));
  return new Map(paths.map((p, i) => [p, ds[i] ?? '']));
}

/** Recursive digest of a directory (plain mode). */
function dirDigest(t: Tree, dir: string, digests: ReadonlyMap<string, string>): string {
  const header = dir === '' ? EMPTY_SHA : (digests.get(dir) ?? '');
  const parts = ['\0', header];
  for (const c of t.children.get(dir) ?? []) {
    const name = c.slice(c.lastIndexOf('/') + 1);
    const e = t.snap.entries.get(c);
    parts.push(`\0${name}`, e?.type === 'dir' ? dirDigest(t, c, digests) : (digests.get(c) ?? ''));
  }
  return sha(parts);
}

/** Go filepath.Match on one path component (`**` is just `*` inside a component). */
function componentMatcher(part: string): (name: string) => boolean {
  const glob = compileGlob(part.replace(/\*{2,}/g, '*'));
  return (name) => glob.match(name);
}

/** Expand a wildcard source to the matching context paths. */
function expandWildcard(t: Tree, rel: string): string[] {
  let current = [''];
  for (const part of rel.split('/')) {
    const next: string[] = [];
    for (const dir of current) {
      if (!hasWildcard(part)) {
        const p = dir === '' ? part : `${dir}/${part}`;
        if (t.snap.entries.has(p)) next.push(followFinal(t.snap, p));
        continue;
      }
      const m = componentMatcher(part);
      for (const c of t.children.get(dir) ?? []) {
        if (m(c.slice(c.lastIndexOf('/') + 1))) next.push(c);
      }
    }
    current = next;
  }
  return current.filter((p) => p !== '' && t.snap.entries.has(p));
}

/** Compute the digest of one source selection. */
export async function selectorDigest(snap: ContextSnapshot, spec: SelectorSpec): Promise<SelectorDigest> {
  const t = treeOf(snap);
  const rel = contextRelative(spec.source);
  const filtered = hasWildcard(rel) || (spec.exclude?.length ?? 0) > 0 || spec.parents === true;
  if (!filtered) {
    const target = rel === '' ? '' : followFinal(snap, rel);
    const e = target === '' ? undefined : snap.entries.get(target);
    if (target !== '' && e === undefined) return { digest: EMPTY_SHA, inputs: new Map(), missing: true };
    if (e !== undefined && e.type !== 'dir') {
      const d = await snap.entryDigest(target);
      return { digest: d, inputs: new Map([[target, d]]), missing: false };
    }
    const paths = [...(target === '' ? [] : [target]), ...descendants(t, target)];
    const digests = await digestsOf(t, paths);
    return { digest: dirDigest(t, target, digests), inputs: digests, missing: false };
  }
  // Filter mode.
  const prefixParts: string[] = [];
  for (const part of rel.split('/')) {
    if (hasWildcard(part)) break;
    prefixParts.push(part);
  }
  const prefix = hasWildcard(rel) ? prefixParts.join('/') : '';
  const roots = hasWildcard(rel) ? expandWildcard(t, rel) : rel === '' ? [''] : snap.entries.has(rel) ? [rel] : [];
  const exclude = spec.exclude !== undefined && spec.exclude.length > 0 ? createIgnoreMatcher(spec.exclude, 'COPY --exclude') : undefined;
  const included = new Set<string>();
  for (const r of roots) {
    const all = [...(r === '' ? [] : [r]), ...(snap.entries.get(r)?.type === 'dir' || r === '' ? descendants(t, r) : [])];
    for (const p of all) {
      // --exclude patterns are relative to the source (its basename for a single file).
      const within = r === '' ? p : p === r ? p.slice(p.lastIndexOf('/') + 1) : p.slice(r.length + 1);
      if (exclude?.excludes(within) === true) continue;
      included.add(p);
      // Parent directory headers of included files count too.
      for (let s = p.lastIndexOf('/'); s > 0; s = p.lastIndexOf('/', s - 1)) {
        const parent = p.slice(0, s);
        if (prefix !== '' && !parent.startsWith(prefix)) break;
        if (parent === prefix) break;
        included.add(parent);
      }
    }
  }
  if (included.size === 0) return { digest: EMPTY_SHA, inputs: new Map(), missing: !hasWildcard(rel) };
  const ordered = [...included].sort((a, b) => Buffer.compare(Buffer.from(a.replaceAll('/', '\0')), Buffer.from(b.replaceAll('/', '\0'))));
  const digests = await digestsOf(t, ordered);
  if (ordered.length === 1 && roots.length === 1) {
    const only = ordered[0] ?? '';
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    if (only.slice(only.lastIndexOf('/') + 1) === base) return { digest: digests.get(only) ?? EMPTY_SHA, inputs: digests, missing: false };
  }
  const parts: string[] = [];
  for (const p of ordered) {
    const relName = prefix === '' ? p : p.slice(prefix.length + 1);
    parts.push(relName.replaceAll('/', '\0'), digests.get(p) ?? '');
  }
  return { digest: sha(parts), inputs: digests, missing: false };
}

/** Combine the digests of several sources of one COPY the way opsutils does: joined by NUL. */
export function combineDigests(digests: readonly string[]): string {
  return sha([digests.join('\0')]);
}
