/**
 * @module lint/knowledge/copy
 * What a COPY/ADD brings in from the build context: whole-context copies (`COPY . .`), source
 * trees, and dependency manifests (go.mod, package.json, ...). Used by the deps-before-source
 * rules and the context rules.
 */
import type { CopyInstruction, Instruction } from '../../dockerfile/index.ts';

export function isContextCopy(i: Instruction): i is CopyInstruction {
  return (i.keyword === 'COPY' || i.keyword === 'ADD') && i.from === undefined && i.node.heredocs.length === 0;
}

function base(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1);
}

/** `.`, `./`, `*`, `./*`: the whole context. */
export function isWholeContext(source: string): boolean {
  return ['.', './', '*', './*', './.', '/'].includes(source.trim());
}

/** A COPY/ADD from the build context that takes all of it (`COPY . .`): what the context rules watch for. */
export function copiesWholeContext(i: Instruction): i is CopyInstruction {
  return isContextCopy(i) && i.sources.some((s) => isWholeContext(s.raw));
}

/**
 * true when a source is (or may contain) source code rather than only manifests: the whole
 * context, a directory (trailing slash or no extension), or a code file.
 */
export function isSourceTree(source: string, manifests: readonly string[]): boolean {
  if (isWholeContext(source)) return true;
  const b = base(source);
  if (manifests.some((m) => matchesManifest(b, m))) return false;
  if (source.endsWith('/')) return true;
  return !b.includes('.') || /\.(go|js|ts|py|rs|java|kt|c|h)$/.test(b);
}

/** A source names a manifest, directly or with a glob such as `go.*` or `package*.json`. */
export function matchesManifest(sourceBase: string, manifest: string): boolean {
  if (sourceBase === manifest) return true;
  if (!sourceBase.includes('*') && !sourceBase.includes('?')) return false;
  // Only the simple globs people write for manifests: translate * and ? without backtracking risk.
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < manifest.length) {
    if (i < sourceBase.length && (sourceBase[i] === '?' || sourceBase[i] === manifest[j])) {
      i++;
      j++;
    } else if (i < sourceBase.length && sourceBase[i] === '*') {
      star = i++;
      mark = j;
    } else if (star !== -1) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (sourceBase[i] === '*') i++;
  return i === sourceBase.length;
}

export function copiesManifest(i: CopyInstruction, manifest: string): boolean {
  return i.sources.some((s) => matchesManifest(base(s.raw), manifest));
}
