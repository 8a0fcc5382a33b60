// Module zip reading, rule checks, integrity limits and h1: hashing, on zips built in each test.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZipWriter } from './writer.ts';
import { validateModuleZip } from './validate.ts';
import { hashGoMod } from './dirhash.ts';
import { isStevedoreError } from '../../errors.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-zip-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Entry = [string, string, { store?: boolean; mode?: number }?];
async function makeZip(entries: Entry[]): Promise<string> {
  const p = join(dir, `z${Math.random().toString(36).slice(2)}.zip`);
  const w = new ZipWriter(p);
  for (const [name, text, opts] of entries) await w.add(name, Buffer.from(text), opts ?? {});
  await w.close();
  return p;
}

const M = 'example.com/m';
const V = 'v1.0.0';
const P = `${M}@${V}/`;

describe('validateModuleZip', () => {
  it('accepts a valid zip and hashes it like dirhash Hash1', async () => {
    const z = await makeZip([[`${P}go.mod`, 'module example.com/m\n'], [`${P}a/b.go`, 'package a\n'.repeat(100)], [`${P}README`, 'x', { store: true }]]);
    const h = await validateModuleZip(z, M, V);
    // Expected value computed independently: sha256 lines sorted by name.
    const { createHash } = await import('node:crypto');
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
    const lines = [
      `${sha('x')}  ${P}README\n`,
      `${sha('package a\n'.repeat(100))}  ${P}a/b.go\n`,
      `${sha('module example.com/m\n')}  ${P}go.mod\n`,
    ].join(''); // listed in byte order of the names
    expect(h).toBe(`h1:${createHash('sha256').update(lines).digest('base64')}`);
  });

  it.each<[string, Entry[], string]>([
    ['wrong prefix', [['other.com/m@v1.0.0/x.go', 'x']], 'does not have prefix'],
    ['path traversal', [[`${P}../evil.go`, 'x']], 'not clean'],
    ['case collision', [[`${P}File.go`, 'x'], [`${P}file.go`, 'y']], 'collision'],
    ['duplicate', [[`${P}a.go`, 'x'], [`${P}a.go`, 'y']], 'multiple entries'],
    ['file vs dir', [[`${P}a`, 'x'], [`${P}A/b.go`, 'y']], 'collision'],
    ['nested go.mod', [[`${P}sub/go.mod`, 'module x']], 'not in module root'],
    ['GO.MOD', [[`${P}GO.MOD`, 'module x']], 'lowercase'],
    ['bad char', [[`${P}a*b.go`, 'x']], 'malformed file path'],
    ['symlink', [[`${P}link`, 'target', { mode: 0o120777 }]], 'symbolic links'],
  ])('refuses %s', async (_n, entries, why) => {
    const z = await makeZip(entries);
    const err = await validateModuleZip(z, M, V).then(() => undefined, (e: unknown) => e);
    expect(isStevedoreError(err) && err.code).toBe('GOPROXY_ZIP_INVALID');
    expect((err as Error).message).toContain(why);
  });

  it('refuses a truncated zip', async () => {
    const z = await makeZip([[`${P}a.go`, 'x'.repeat(1000)]]);
    const buf = await readFile(z);
    await writeFile(z, buf.subarray(0, buf.length - 10));
    await expect(validateModuleZip(z, M, V)).rejects.toThrow(/end-of-central-directory|invalid/);
  });

  it('refuses an entry whose data was altered (CRC)', async () => {
    const z = await makeZip([[`${P}a.go`, 'hello world', { store: true }]]);
    const buf = await readFile(z);
    const at = buf.indexOf('hello world');
    buf[at] = 'j'.charCodeAt(0);
    await writeFile(z, buf);
    await expect(validateModuleZip(z, M, V)).rejects.toThrow(/CRC-32/);
  });

  it('refuses a zip bomb that lies about its size', async () => {
    const z = await makeZip([[`${P}a.go`, 'a'.repeat(200_000)]]);
    const buf = await readFile(z);
    // Patch the central directory's uncompressed size down to 10 bytes.
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(10, cd + 24);
    await writeFile(z, buf);
    await expect(validateModuleZip(z, M, V)).rejects.toThrow(/past its declared size|ratio/);
  });

  it('refuses an entry declaring more than deflate can expand to (ratio > 1032) before inflating it', async () => {
    const z = await makeZip([[`${P}a.go`, 'a'.repeat(100_000)]]);
    const buf = await readFile(z);
    const cd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(400 << 20, cd + 24);
    await writeFile(z, buf);
    await expect(validateModuleZip(z, M, V)).rejects.toThrow(/compression ratio/);
  });

  it('refuses garbage', async () => {
    const p = join(dir, 'g.zip');
    await writeFile(p, 'not a zip at all, just text that is longer than twenty-two bytes');
    await expect(validateModuleZip(p, M, V)).rejects.toThrow(/not a zip/);
  });
});

describe('hashGoMod', () => {
  it('hashes a go.mod as a one-file dirhash', async () => {
    const { createHash } = await import('node:crypto');
    const content = 'module example.com/m\n';
    const line = `${createHash('sha256').update(content).digest('hex')}  go.mod\n`;
    expect(hashGoMod(Buffer.from(content))).toBe(`h1:${createHash('sha256').update(line).digest('base64')}`);
  });
});
