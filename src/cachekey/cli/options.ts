/**
 * @module cachekey/cli/options
 * Option parsing shared by `stevedore explain` and `stevedore plan`: the context directory, the
 * Dockerfile path (given relative to the working directory, stored relative to the context,
 * because it is read from each revision of the context), `--build-arg K=V` and `--image REF=DIGEST`.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { StevedoreError } from '../../errors.ts';

export function resolveContext(cwd: string, context: string | undefined, dockerfile: string | undefined): { contextDir: string; dockerfile: string } {
  const contextDir = resolve(cwd, context ?? '.');
  const dfAbs = dockerfile === undefined ? resolve(contextDir, 'Dockerfile') : resolve(cwd, dockerfile);
  const rel = relative(contextDir, dfAbs);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new StevedoreError('CLI_USAGE', `--dockerfile ${dockerfile ?? ''} must be inside the context ${contextDir} (it is read from each revision of the context)`);
  }
  return { contextDir, dockerfile: rel.split('\\').join('/') };
}

/** Parse repeated `K=V` options; `flag` names the option in errors. */
export function parsePairs(values: readonly string[] | undefined, flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new StevedoreError('CLI_USAGE', `${flag} ${JSON.stringify(v)}: expected KEY=VALUE`);
    out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}
