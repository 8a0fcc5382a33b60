/**
 * @module goproxy/testing/modules
 * Test fixture modules written as a GOPROXY tree (the cache/download layout the go command
 * accepts as GOPROXY=file://...): .info, .mod, .zip and list per module, plus the go.sum lines
 * (h1: hashes) a checksum database would hold for them. Used by tests and benchmarks in place
 * of the internet, which is not reachable here.
 */
import { mkdir, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeCase } from '../protocol/index.ts';
import { ZipWriter } from '../zip/writer.ts';
import { ZipReader } from '../zip/reader.ts';
import { hashGoMod, hashZip } from '../zip/dirhash.ts';

export interface FixtureModule {
  readonly path: string;
  readonly version: string;
  /** File name (relative to the module root) → content. A go.mod here is also served as .mod. */
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  readonly time?: string;
  /** Store entries without compression (for big incompressible benchmark zips). */
  readonly store?: boolean;
}

export interface WrittenModule {
  readonly path: string;
  readonly version: string;
  readonly zipHash: string;
  readonly modHash: string;
  readonly zipFile: string;
}

/** Write one module into the tree at `root`; returns its hashes. */
export async function writeFixtureModule(root: string, m: FixtureModule): Promise<WrittenModule> {
  const dir = join(root, ...escapeCase(m.path)!.split('/'), '@v');
  await mkdir(dir, { recursive: true });
  const ev = escapeCase(m.version)!;
  const goMod = m.files['go.mod'] ?? `module ${m.path}\n`;
  await writeFile(join(dir, `${ev}.info`), JSON.stringify({ Version: m.version, Time: m.time ?? '2024-01-01T00:00:00Z' }));
  await writeFile(join(dir, `${ev}.mod`), goMod);
  const zipFile = join(dir, `${ev}.zip`);
  const w = new ZipWriter(zipFile);
  for (const [name, content] of Object.entries(m.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    await w.add(`${m.path}@${m.version}/${name}`, typeof content === 'string' ? Buffer.from(content) : content, m.store === true ? { store: true } : {});
  }
  await w.close();
  await appendFile(join(dir, 'list'), `${m.version}\n`);
  const z = await ZipReader.open(zipFile);
  try {
    return { path: m.path, version: m.version, zipHash: await hashZip(z), modHash: hashGoMod(typeof goMod === 'string' ? Buffer.from(goMod) : goMod), zipFile };
  } finally {
    await z.close();
  }
}

export async function writeFixtureTree(root: string, modules: readonly FixtureModule[]): Promise<WrittenModule[]> {
  const out: WrittenModule[] = [];
  for (const m of modules) out.push(await writeFixtureModule(root, m));
  return out;
}

/** go.sum lines for written modules. */
export function goSumLines(mods: readonly WrittenModule[]): string {
  return mods.map((m) => `${m.path} ${m.version} ${m.zipHash}\n${m.path} ${m.version}/go.mod ${m.modHash}\n`).join('');
}
