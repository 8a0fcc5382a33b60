/**
 * @module cachekey/hash/digest.test
 * Per-file and per-selector digests on real temp directories and a real git repository:
 * the verified header string, mode bits, symlinks, empty directories, names, and that mtime
 * and uid/gid never count.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFsContext } from '../context/fs.ts';
import { readGitContext } from '../context/git.ts';
import { headerText, keptXattrs } from './file-digest.ts';
import { selectorDigest } from './selector.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-digest-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fileEntry = { type: 'file', mode: 0o644, size: 13, linkTarget: '', devMajor: 0, devMinor: 0, xattrs: [] } as const;
const digestOf = async (source: string, extra: { exclude?: string[] } = {}): Promise<string> => {
  const snap = await readFsContext(dir, { dockerfile: 'Dockerfile' });
  return (await selectorDigest(snap, { source, ...extra })).digest;
};

describe('per-file header (reference 3.2)', () => {
  it('is the verified tarsum-v1 string', () => {
    expect(headerText(fileEntry)).toBe('namemode420uid0gid0size13typeflag0linknameunamegnamedevmajor0devminor0');
  });
  it.each([
    [0o755, 'mode493'],
    [0o4755, 'mode2541'],
    [0o1777, 'mode1023'],
  ])('mode %o is written in decimal with special bits', (mode, text) => {
    expect(headerText({ ...fileEntry, mode })).toContain(text);
  });
  it('symlinks are 0777, size 0, typeflag 2, with the target', () => {
    expect(headerText({ ...fileEntry, type: 'symlink', mode: 0o755, linkTarget: 'a/b' })).toBe(
      'namemode511uid0gid0size0typeflag2linknamea/bunamegnamedevmajor0devminor0',
    );
  });
  it('directories are typeflag 5 with size 0', () => {
    expect(headerText({ ...fileEntry, type: 'dir', mode: 0o755 })).toContain('mode493uid0gid0size0typeflag5');
  });
  it('keeps user.* and com.apple.*, drops security.* except capability and system.*', () => {
    expect(
      keptXattrs([
        ['user.a', '1'],
        ['security.selinux', 'x'],
        ['com.apple.provenance', 'p'],
        ['security.capability', 'c'],
        ['system.posix_acl_access', 'z'],
      ]),
    ).toEqual([
      ['com.apple.provenance', 'p'],
      ['security.capability', 'c'],
      ['user.a', '1'],
    ]);
  });
});

describe('selector digests on a real directory', () => {
  it('mtime does not count, content and mode do', async () => {
    await writeFile(join(dir, 'a.txt'), 'hello');
    const d0 = await digestOf('a.txt');
    await utimes(join(dir, 'a.txt'), 1000, 1000);
    expect(await digestOf('a.txt')).toBe(d0);
    await chmod(join(dir, 'a.txt'), 0o600);
    const d1 = await digestOf('a.txt');
    expect(d1).not.toBe(d0);
    await chmod(join(dir, 'a.txt'), 0o644);
    await writeFile(join(dir, 'a.txt'), 'hellO');
    expect(await digestOf('a.txt')).not.toBe(d0);
  });

  it('a single file digest ignores its name; a directory digest does not', async () => {
    await mkdir(join(dir, 'd'));
    await writeFile(join(dir, 'x.txt'), 'same');
    await writeFile(join(dir, 'd/x.txt'), 'same');
    expect(await digestOf('x.txt')).toBe(await digestOf('d/x.txt'));
    const before = await digestOf('d');
    await rm(join(dir, 'd/x.txt'));
    await writeFile(join(dir, 'd/y.txt'), 'same');
    expect(await digestOf('d')).not.toBe(before);
  });

  it('an empty directory counts inside a directory copy', async () => {
    await writeFile(join(dir, 'f'), '1');
    const before = await digestOf('.');
    await mkdir(join(dir, 'empty'));
    expect(await digestOf('.')).not.toBe(before);
  });

  it('symlinks are hashed as links inside a tree and followed when selected directly', async () => {
    await writeFile(join(dir, 'target.txt'), 'T');
    await symlink('target.txt', join(dir, 'link'));
    expect(await digestOf('link')).toBe(await digestOf('target.txt'));
    const tree = await digestOf('.');
    await rm(join(dir, 'link'));
    await symlink('other.txt', join(dir, 'link'));
    expect(await digestOf('.')).not.toBe(tree);
  });

  it('wildcards include names, so a rename misses', async () => {
    await writeFile(join(dir, 'a.go'), 'package a');
    await writeFile(join(dir, 'b.txt'), 'x');
    const d0 = await digestOf('*.go');
    await writeFile(join(dir, 'b.txt'), 'changed');
    expect(await digestOf('*.go')).toBe(d0);
    await rm(join(dir, 'a.go'));
    await writeFile(join(dir, 'c.go'), 'package a');
    expect(await digestOf('*.go')).not.toBe(d0);
  });

  it('--exclude removes files from the selection', async () => {
    await writeFile(join(dir, 'a.go'), '1');
    await writeFile(join(dir, 'notes.md'), '1');
    const d0 = await digestOf('.', { exclude: ['*.md'] });
    await writeFile(join(dir, 'notes.md'), '2');
    expect(await digestOf('.', { exclude: ['*.md'] })).toBe(d0);
    await writeFile(join(dir, 'a.go'), '2');
    expect(await digestOf('.', { exclude: ['*.md'] })).not.toBe(d0);
  });

  it('.dockerignore removes files from the context and keeps parents of re-included files', async () => {
    await mkdir(join(dir, 'build'));
    await writeFile(join(dir, 'build/keep'), 'k');
    await writeFile(join(dir, 'build/drop'), 'd');
    await writeFile(join(dir, '.dockerignore'), 'build\n!build/keep\n');
    const snap = await readFsContext(dir, { dockerfile: 'Dockerfile' });
    expect([...snap.entries.keys()].sort()).toEqual(['.dockerignore', 'build', 'build/keep']);
  });

  it('a missing source is reported', async () => {
    const snap = await readFsContext(dir, { dockerfile: 'Dockerfile' });
    expect((await selectorDigest(snap, { source: 'nope' })).missing).toBe(true);
  });
});

describe('git revision contexts', () => {
  it('hash like a checkout of the same files', async () => {
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).toString();
    git('init', '-q');
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src/main.go'), 'package main\n');
    await writeFile(join(dir, 'run.sh'), '#!/bin/sh\n');
    await chmod(join(dir, 'run.sh'), 0o755);
    await chmod(join(dir, 'src'), 0o755);
    await writeFile(join(dir, '.dockerignore'), '.git\n');
    await chmod(join(dir, 'src/main.go'), 0o644);
    await chmod(join(dir, '.dockerignore'), 0o644);
    await symlink('src/main.go', join(dir, 'link'));
    git('add', '-A');
    git('commit', '-qm', 'a');
    const fsSnap = await readFsContext(dir, { dockerfile: 'Dockerfile' });
    const gitSnap = await readGitContext(dir, 'HEAD', { dockerfile: 'Dockerfile' });
    try {
      for (const source of ['.', 'src', 'run.sh', 'link', '*.sh']) {
        expect((await selectorDigest(gitSnap, { source })).digest, source).toBe((await selectorDigest(fsSnap, { source })).digest);
      }
      expect(await gitSnap.readText('src/main.go')).toBe('package main\n');
      expect(await gitSnap.readText('absent')).toBeUndefined();
    } finally {
      await gitSnap.close();
    }
  });
});
