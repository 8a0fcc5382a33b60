/**
 * @module cachekey/context/fs
 * The working tree as a build context: walked with lstat (symlinks are not followed, as fsutil
 * does), filtered by .dockerignore while walking (excluded directories are skipped unless a `!`
 * exception can re-include something below them), hashed lazily. Files are streamed through
 * node:crypto so large files never sit in memory.
 */
import { closeSync, createReadStream, lstatSync, openSync, readdirSync, readlinkSync, readSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StevedoreError } from '../../errors.ts';
import { entryDigestOf, finishDigest, startDigest } from '../hash/file-digest.ts';
import { createIgnoreMatcher, type IgnoreMatcher } from '../ignore/matcher.ts';
import { chooseIgnoreFile } from '../ignore/ignorefile.ts';
import type { ContextEntry, ContextSnapshot, EntryType } from './types.ts';

/**
 * Files up to this size are read synchronously into one reused buffer: with a warm page cache
 * a libuv threadpool round-trip per file (open, fstat, read, close) costs more than the read
 * and the hash together (measured in bench/cachekey.bench.ts: 3x slower for 10 KB files).
 * Larger files are streamed asynchronously, so memory stays bounded and the loop stays live.
 */
const SMALL_FILE = 1024 * 1024;
const syncBuffer = Buffer.allocUnsafe(SMALL_FILE);

export interface FsContextOptions {
  /** The Dockerfile path relative to the context (selects `<Dockerfile>.dockerignore`). */
  readonly dockerfile: string;
  /** Override the ignore patterns (tests); by default they are read from the context. */
  readonly ignorePatterns?: readonly string[];
}

function entryType(mode: number): EntryType | undefined {
  switch (mode & 0o170000) {
    case 0o100000:
      return 'file';
    case 0o040000:
      return 'dir';
    case 0o120000:
      return 'symlink';
    case 0o020000:
      return 'char';
    case 0o060000:
      return 'block';
    case 0o010000:
      return 'fifo';
    default:
      return undefined; // sockets are skipped, as fsutil does
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    // A missing file is an answer ("no such ignore file"), not an error.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw e;
  }
}

/** Walk `root` and return the context snapshot after .dockerignore. */
export async function readFsContext(root: string, options: FsContextOptions): Promise<ContextSnapshot> {
  try {
    const st = await lstat(root);
    if (!st.isDirectory()) throw new Error('not a directory');
  } catch (e) {
    throw new StevedoreError('CACHEKEY_CONTEXT_UNREADABLE', `context ${root} is not a readable directory`, { cause: e });
  }
  const choice =
    options.ignorePatterns === undefined
      ? await chooseIgnoreFile(options.dockerfile, (p) => readOptional(join(root, p)))
      : { path: undefined, patterns: options.ignorePatterns };
  const matcher = createIgnoreMatcher(choice.patterns, choice.path ?? '.dockerignore');
  const entries = new Map<string, ContextEntry>();
  walk(root, '', matcher, entries);
  const cache = new Map<string, Promise<string>>();
  const entryDigest = (path: string): Promise<string> => {
    let d = cache.get(path);
    if (d === undefined) {
      const e = entries.get(path);
      if (e === undefined) return Promise.reject(new Error(`no context entry ${path}`));
      d = e.type === 'file' ? hashFile(join(root, path), e) : Promise.resolve(entryDigestOf(e));
      cache.set(path, d);
    }
    return d;
  };
  return {
    label: 'worktree',
    entries,
    ignoreFile: choice.path,
    ignorePatterns: choice.patterns,
    entryDigest,
    readText: (p) => readOptional(join(root, p)),
    close: () => Promise.resolve(),
  };
}

/**
 * Synchronous on purpose: lstat/readdir of a warm tree are microsecond syscalls, and a libuv
 * round-trip per entry doubled the walk time in the benchmark.
 */
function walk(root: string, rel: string, matcher: IgnoreMatcher, out: Map<string, ContextEntry>): boolean {
  let anyIncluded = false;
  for (const name of readdirSync(join(root, rel))) {
    const path = rel === '' ? name : `${rel}/${name}`;
    const excluded = matcher.excludes(path);
    const abs = join(root, path);
    const st = lstatSync(abs);
    const type = entryType(st.mode);
    if (type === undefined) continue;
    if (excluded && !(type === 'dir' && matcher.mayReinclude(path))) continue;
    const entry: ContextEntry = {
      path,
      type,
      mode: st.mode & 0o7777,
      size: type === 'file' ? st.size : 0,
      mtimeMs: st.mtimeMs,
      linkTarget: type === 'symlink' ? readlinkSync(abs) : '',
      devMajor: type === 'char' || type === 'block' ? Math.floor(st.rdev / 256) : 0,
      devMinor: type === 'char' || type === 'block' ? st.rdev % 256 : 0,
      xattrs: [],
    };
    if (type === 'dir') {
      // An excluded directory is still sent (as a parent) when something below is re-included.
      const inner = walk(root, path, matcher, out);
      if (excluded && !inner) continue;
    } else if (excluded) continue;
    out.set(path, entry);
    anyIncluded = true;
  }
  return anyIncluded;
}

async function hashFile(abs: string, e: ContextEntry): Promise<string> {
  const h = startDigest(e);
  if (e.size <= SMALL_FILE) {
    const fd = openSync(abs, 'r');
    try {
      for (;;) {
        const n = readSync(fd, syncBuffer, 0, syncBuffer.length, null);
        if (n <= 0) break;
        h.update(syncBuffer.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
    return finishDigest(h);
  }
  await new Promise<void>((resolve, reject) => {
    const s = createReadStream(abs, { highWaterMark: 1024 * 1024 });
    s.on('data', (chunk) => h.update(chunk));
    s.on('error', reject);
    s.on('end', resolve);
  });
  return finishDigest(h);
}
