/**
 * @module goproxy/zip/check
 * The module zip rules (golang.org/x/mod/zip CheckZip, re-implemented): every name starts with
 * "module@version/", names are clean valid file paths, no two names collide after case folding
 * (file/file or file/directory), go.mod only at the root and spelled exactly "go.mod", size
 * limits (500 MiB total, 16 MiB go.mod and LICENSE), and — stricter than CheckZip, because
 * Unzip would write them — no symlinks or other non-regular files.
 */
import { checkFilePath } from '../protocol/index.ts';
import type { ZipEntry } from './reader.ts';

export const MAX_ZIP_FILE = 500 << 20;
export const MAX_GO_MOD = 16 << 20;
export const MAX_LICENSE = 16 << 20;

export interface ZipProblem {
  readonly name: string;
  readonly reason: string;
}

function cleanPath(p: string): boolean {
  if (p === '' || p.startsWith('/') || p.endsWith('/')) return false;
  return p.split('/').every((e) => e !== '' && e !== '.' && e !== '..');
}

/** Case folding close to Go's strings.EqualFold (simple folding); toLowerCase + toUpperCase round trip catches ſ/K-like cases. */
function fold(s: string): string {
  return s.toUpperCase().toLowerCase();
}

/** All rule violations of a module zip's directory; an empty list means the zip is acceptable. */
export function checkModuleZipEntries(module: string, version: string, entries: readonly ZipEntry[], zipSize: number): ZipProblem[] {
  const problems: ZipProblem[] = [];
  if (zipSize > MAX_ZIP_FILE) problems.push({ name: '', reason: `module zip file is too large (${zipSize} bytes; limit is ${MAX_ZIP_FILE} bytes)` });
  const prefix = `${module}@${version}/`;
  const seen = new Map<string, { path: string; isDir: boolean }>();
  const register = (p: string, isDir: boolean): string | undefined => {
    const key = fold(p);
    const prev = seen.get(key);
    if (prev === undefined) {
      seen.set(key, { path: p, isDir });
      return undefined;
    }
    if (prev.path !== p) return `case-insensitive file name collision: ${JSON.stringify(prev.path)} and ${JSON.stringify(p)}`;
    if (prev.isDir !== isDir) return `entry ${JSON.stringify(p)} is both a file and a directory`;
    if (!isDir) return `multiple entries for file ${JSON.stringify(p)}`;
    return undefined;
  };
  let total = 0;
  for (const e of entries) {
    if (!e.name.startsWith(prefix)) {
      problems.push({ name: e.name, reason: `path does not have prefix ${JSON.stringify(prefix)}` });
      continue;
    }
    let name = e.name.slice(prefix.length);
    if (name === '') continue;
    const isDir = name.endsWith('/');
    if (isDir) name = name.slice(0, -1);
    if (!cleanPath(name)) {
      problems.push({ name: e.name, reason: 'file path is not clean' });
      continue;
    }
    const why = checkFilePath(name);
    if (why !== undefined) {
      problems.push({ name: e.name, reason: `malformed file path ${JSON.stringify(name)}: ${why}` });
      continue;
    }
    if (e.unixMode !== undefined && !isDir) {
      const type = e.unixMode & 0o170000;
      if (type === 0o120000) {
        problems.push({ name: e.name, reason: 'symbolic links are not allowed in module zips' });
        continue;
      }
      if (type !== 0 && type !== 0o100000) {
        problems.push({ name: e.name, reason: 'not a regular file' });
        continue;
      }
    }
    // Parent directories collide with files of the same folded name too.
    const parts = name.split('/');
    let collision: string | undefined;
    for (let i = 1; i < parts.length && collision === undefined; i++) collision = register(parts.slice(0, i).join('/'), true);
    collision ??= register(name, isDir);
    if (collision !== undefined) {
      problems.push({ name: e.name, reason: collision });
      continue;
    }
    if (isDir) continue;
    const base = parts[parts.length - 1]!;
    if (base.toLowerCase() === 'go.mod') {
      if (base !== name) {
        problems.push({ name: e.name, reason: 'go.mod file not in module root directory' });
        continue;
      }
      if (name !== 'go.mod') {
        problems.push({ name: e.name, reason: 'go.mod files must have lowercase names' });
        continue;
      }
    }
    total += e.uncompressedSize;
    if (total > MAX_ZIP_FILE) {
      problems.push({ name: e.name, reason: `total uncompressed size of module contents too large (max size is ${MAX_ZIP_FILE} bytes)` });
      break;
    }
    if (name === 'go.mod' && e.uncompressedSize > MAX_GO_MOD) problems.push({ name: e.name, reason: `go.mod file too large (max size is ${MAX_GO_MOD} bytes)` });
    if (name === 'LICENSE' && e.uncompressedSize > MAX_LICENSE) problems.push({ name: e.name, reason: `LICENSE file too large (max size is ${MAX_LICENSE} bytes)` });
  }
  return problems;
}
