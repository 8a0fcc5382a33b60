/**
 * @module goproxy/warm/modset
 * The module set of a project for warming and export: from a go.sum (exact hashes, the best
 * source), a go.mod (require and replace targets, no hashes) or a directory holding either.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { StevedoreError } from '../../errors.ts';
import { parseGoModRequires, parseGoSum } from '../protocol/index.ts';

export interface ModuleWant {
  readonly module: string;
  readonly version: string;
  /** false: only the .mod file is needed (a "/go.mod" go.sum line). */
  readonly zip: boolean;
  readonly zipHash?: string;
  readonly modHash?: string;
}

export async function readModuleSet(from: string): Promise<ModuleWant[]> {
  let file = from;
  const s = await stat(from).catch((e: unknown) => {
    throw new StevedoreError('IO_NOT_FOUND', `cannot read ${from}: ${(e as Error).message}`, { cause: e });
  });
  if (s.isDirectory()) {
    const sum = join(from, 'go.sum');
    file = (await stat(sum).then(() => true, () => false)) ? sum : join(from, 'go.mod');
  }
  const text = await readFile(file, 'utf8').catch((e: unknown) => {
    throw new StevedoreError('IO_NOT_FOUND', `cannot read ${file}: ${(e as Error).message}`, { cause: e });
  });
  const isSum = basename(file).endsWith('.sum') || (!basename(file).endsWith('.mod') && /^\S+ \S+ h1:/m.test(text));
  if (isSum) {
    const { lines, issues } = parseGoSum(text);
    if (issues.length > 0) {
      const i = issues[0]!;
      throw new StevedoreError('GOPROXY_INVALID_INPUT', `${file}:${i.line}: ${i.message}`, { location: { file, line: i.line, column: 1 } });
    }
    const byKey = new Map<string, { module: string; version: string; zip: boolean; zipHash?: string; modHash?: string }>();
    for (const l of lines) {
      const k = `${l.module}@${l.version}`;
      const cur = byKey.get(k) ?? { module: l.module, version: l.version, zip: false };
      if (l.goModOnly) cur.modHash = l.hash;
      else {
        cur.zip = true;
        cur.zipHash = l.hash;
      }
      byKey.set(k, cur);
    }
    return [...byKey.values()];
  }
  const { requires, issues } = parseGoModRequires(text);
  if (issues.length > 0) {
    const i = issues[0]!;
    throw new StevedoreError('GOPROXY_INVALID_INPUT', `${file}:${i.line}: ${i.message}`, { location: { file, line: i.line, column: 1 } });
  }
  return requires.map((r) => ({ module: r.module, version: r.version, zip: true }));
}
