/**
 * @module cachekey/context/git
 * A git revision as a build context, read without a checkout: `git ls-tree -r -t -l -z
 * --full-tree` lists entries, one long-lived `git cat-file --batch` serves file bytes. Modes are
 * what a checkout with umask 022 produces (0644/0755 files, 0755 directories) since that is
 * what the client would send; git keeps no mtimes, so mtime-based warnings need a snapshot.
 */
import { spawn, execFile, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promisify } from 'node:util';
import { StevedoreError } from '../../errors.ts';
import { entryDigestOf } from '../hash/file-digest.ts';
import { createIgnoreMatcher } from '../ignore/matcher.ts';
import { chooseIgnoreFile } from '../ignore/ignorefile.ts';
import type { ContextEntry, ContextSnapshot } from './types.ts';

const run = promisify(execFile);
/** git must answer; a hung git (lock, prompt) must not hang stevedore. */
const GIT_TIMEOUT_MS = 60_000;

async function git(cwd: string, args: readonly string[]): Promise<Buffer> {
  try {
    const { stdout } = await run('git', [...args], { cwd, encoding: 'buffer', maxBuffer: 1 << 30, timeout: GIT_TIMEOUT_MS });
    return stdout;
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim() ?? '';
    throw new StevedoreError('CACHEKEY_GIT_FAILED', `git ${args.join(' ')} failed in ${cwd}: ${stderr || (e as Error).message}`, { cause: e });
  }
}

/** One `git cat-file --batch` process; requests are answered strictly in order. */
class CatFile {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buf: Buffer = Buffer.alloc(0);
  private readonly waiting: { resolve: (b: Buffer | undefined) => void; reject: (e: Error) => void }[] = [];
  private failed: Error | undefined;

  constructor(cwd: string) {
    this.proc = spawn('git', ['cat-file', '--batch'], { cwd });
    this.proc.stdout.on('data', (chunk: Buffer) => {
      this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
      this.drain();
    });
    const fail = (e: Error): void => {
      this.failed = e;
      for (const w of this.waiting.splice(0)) w.reject(e);
    };
    this.proc.on('error', (e) => fail(new StevedoreError('CACHEKEY_GIT_FAILED', `git cat-file: ${e.message}`, { cause: e })));
    this.proc.on('exit', (code) => {
      if (this.waiting.length > 0) fail(new StevedoreError('CACHEKEY_GIT_FAILED', `git cat-file exited (${String(code)})`));
    });
    this.proc.stderr.resume();
  }

  private drain(): void {
    for (;;) {
      const w = this.waiting[0];
      if (w === undefined) return;
      const nl = this.buf.indexOf(10);
      if (nl < 0) return;
      const header = this.buf.subarray(0, nl).toString();
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buf = this.buf.subarray(nl + 1);
        this.waiting.shift();
        w.resolve(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.buf.length < nl + 1 + size + 1) return;
      const body = this.buf.subarray(nl + 1, nl + 1 + size);
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.waiting.shift();
      w.resolve(Buffer.from(body));
    }
  }

  read(object: string): Promise<Buffer | undefined> {
    if (this.failed !== undefined) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.proc.stdin.write(`${object}\n`);
    });
  }

  async close(): Promise<void> {
    this.proc.stdin.end();
    if (this.proc.exitCode === null) await new Promise((r) => this.proc.once('exit', r));
  }
}

export interface GitContextOptions {
  readonly dockerfile: string;
}

/** Read `rev` of the repository that contains `contextDir`, restricted to that directory. */
export async function readGitContext(contextDir: string, rev: string, options: GitContextOptions): Promise<ContextSnapshot> {
  const prefix = (await git(contextDir, ['rev-parse', '--show-prefix'])).toString().trim();
  const commit = (await git(contextDir, ['rev-parse', '--verify', `${rev}^{commit}`])).toString().trim();
  const top = (await git(contextDir, ['rev-parse', '--show-toplevel'])).toString().trim();
  const listing = await git(top, ['ls-tree', '-r', '-t', '-l', '-z', '--full-tree', commit]);
  const cat = new CatFile(top);
  const readBlob = (p: string): Promise<Buffer | undefined> => cat.read(`${commit}:${prefix}${p}`);
  const choice = await chooseIgnoreFile(options.dockerfile, async (p) => (await readBlob(p))?.toString('utf8'));
  const matcher = createIgnoreMatcher(choice.patterns, choice.path ?? '.dockerignore');

  const raw: { path: string; mode: string; type: string; oid: string; size: number }[] = [];
  for (const rec of listing.toString('utf8').split('\0')) {
    if (rec === '') continue;
    const tab = rec.indexOf('\t');
    const [mode = '', type = '', oid = '', size = '-'] = rec.slice(0, tab).split(/ +/);
    const full = rec.slice(tab + 1);
    if (prefix !== '' && !full.startsWith(prefix)) continue;
    const path = full.slice(prefix.length);
    if (path === '') continue;
    raw.push({ path, mode, type, oid, size: size === '-' ? 0 : Number(size) });
  }
  const included = new Set<string>();
  const excludedDirs = new Set<string>();
  for (const r of raw) {
    if (matcher.excludes(r.path)) {
      if (r.type === 'tree') excludedDirs.add(r.path);
      continue;
    }
    included.add(r.path);
  }
  // Parents of re-included paths are sent even when the directory itself is excluded.
  for (const p of [...included]) {
    let slash = p.lastIndexOf('/');
    while (slash > 0) {
      const parent = p.slice(0, slash);
      if (included.has(parent)) break;
      if (excludedDirs.has(parent)) included.add(parent);
      slash = parent.lastIndexOf('/');
    }
  }
  const entries = new Map<string, ContextEntry>();
  const symlinks: { path: string; oid: string }[] = [];
  for (const r of raw) {
    if (!included.has(r.path)) continue;
    const base = { path: r.path, mtimeMs: undefined, devMajor: 0, devMinor: 0, xattrs: [] as const, linkTarget: '' };
    if (r.type === 'tree' || r.type === 'commit') entries.set(r.path, { ...base, type: 'dir', mode: 0o755, size: 0 });
    else if (r.mode === '120000') symlinks.push({ path: r.path, oid: r.oid });
    else {
      const mode = r.mode === '100755' ? 0o755 : 0o644;
      entries.set(r.path, { ...base, type: 'file', mode, size: r.size, knownDigest: `git:${r.oid}:${mode.toString(8)}` });
    }
  }
  for (const s of symlinks) {
    const target = (await cat.read(s.oid))?.toString('utf8') ?? '';
    entries.set(s.path, { path: s.path, type: 'symlink', mode: 0o777, size: 0, mtimeMs: undefined, linkTarget: target, devMajor: 0, devMinor: 0, xattrs: [] });
  }
  const cache = new Map<string, Promise<string>>();
  const entryDigest = (path: string): Promise<string> => {
    let d = cache.get(path);
    if (d === undefined) {
      const e = entries.get(path);
      if (e === undefined) return Promise.reject(new Error(`no context entry ${path}`));
      if (e.type !== 'file') d = Promise.resolve(entryDigestOf(e));
      else {
        const oid = e.knownDigest?.split(':')[1] ?? '';
        d = cat.read(oid).then((bytes) => entryDigestOf(e, bytes ?? Buffer.alloc(0)));
      }
      cache.set(path, d);
    }
    return d;
  };
  return {
    label: `git:${commit.slice(0, 12)}`,
    entries,
    ignoreFile: choice.path,
    ignorePatterns: choice.patterns,
    entryDigest,
    readText: async (p) => (await readBlob(p))?.toString('utf8'),
    close: () => cat.close(),
  };
}
