/**
 * @module dockerfile/testing/conformance
 * Runs BuildKit's own parser and shell-lexer test data (shared/conformance/buildkit-parser,
 * read in place) against our engine and counts the results. Used by the conformance test and
 * by scripts/conformance.ts, which prints the counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StevedoreError } from '../../errors.ts';
import { dump } from '../dump.ts';
import { envFrom, processWord, processWords } from '../expand/lex.ts';
import { parse } from '../parse/parse.ts';

/** shared/ sits beside the repository clone (here and in CI). */
export const CONFORMANCE_DIR = fileURLToPath(new URL('../../../../shared/conformance/buildkit-parser/', import.meta.url));

export interface CaseResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export function runTestfiles(dir = CONFORMANCE_DIR): CaseResult[] {
  return readdirSync(`${dir}testfiles`).sort().map((name) => {
    const text = readFileSync(`${dir}testfiles/${name}/Dockerfile`, 'utf8');
    const expected = readFileSync(`${dir}testfiles/${name}/result`, 'utf8');
    let got: string;
    try {
      got = dump(parse(text, { file: name }));
    } catch (e) {
      got = `error: ${(e as Error).message}`;
    }
    return { name, ok: got === expected, detail: got };
  });
}

export function runNegatives(dir = CONFORMANCE_DIR): (CaseResult & { code: string | undefined; line: number | undefined })[] {
  return readdirSync(`${dir}testfiles-negative`).sort().map((name) => {
    try {
      parse(readFileSync(`${dir}testfiles-negative/${name}/Dockerfile`, 'utf8'), { file: name });
      return { name, ok: false, detail: 'accepted', code: undefined, line: undefined };
    } catch (e) {
      if (!(e instanceof StevedoreError)) throw e;
      return { name, ok: e.code.startsWith('DOCKERFILE_') && (e.location?.line ?? 0) > 0, detail: e.message, code: e.code, line: e.location?.line };
    }
  });
}

/** envVarTest: `platform | input | expected`, Unix semantics (W lines are skipped and counted). */
export function runEnvVarTest(dir = CONFORMANCE_DIR): { results: CaseResult[]; skippedWindows: number } {
  const env = envFrom({ PWD: '/home', SHELL: 'bash', KOREAN: '한국어', NULL: '' });
  const results: CaseResult[] = [];
  let skippedWindows = 0;
  for (const line of readFileSync(`${dir}shell/envVarTest`, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const fields = line.split('|').map((f) => f.trim());
    if (fields.length !== 3) throw new Error(`malformed envVarTest line: ${line}`);
    const [platform, input, expected] = fields as [string, string, string];
    if (platform === 'W') {
      skippedWindows++;
      continue;
    }
    let got: string;
    try {
      got = processWord(input, env).result;
    } catch (e) {
      if (!(e instanceof StevedoreError)) throw e;
      got = 'error';
    }
    results.push({ name: input, ok: got === expected, detail: got });
  }
  return { results, skippedWindows };
}

/** wordsTest: `ENV k=v` lines accumulate variables; `input | w1,w2` lines expect a word list. */
export function runWordsTest(dir = CONFORMANCE_DIR): CaseResult[] {
  const vars: Record<string, string> = {};
  const results: CaseResult[] = [];
  for (const line of readFileSync(`${dir}shell/wordsTest`, 'utf8').split('\n')) {
    if (line.startsWith('#') || line === '') continue;
    if (line.startsWith('ENV ')) {
      const kv = line.slice(4).trimStart();
      const eq = kv.indexOf('=');
      vars[kv.slice(0, eq)] = kv.slice(eq + 1);
      continue;
    }
    const bar = line.indexOf('|');
    const input = line.slice(0, bar).trim();
    const expected = line.slice(bar + 1).trimStart();
    let got: string;
    try {
      got = processWords(input, envFrom(vars)).join(',');
    } catch (e) {
      if (!(e instanceof StevedoreError)) throw e;
      got = 'error';
    }
    results.push({ name: input, ok: got === expected, detail: got });
  }
  return results;
}

/** The one-line summary, e.g. "buildkit testfiles 33/33, negatives 4/4 rejected, envVarTest 228/228, wordsTest 24/24". */
export function summary(dir = CONFORMANCE_DIR): string {
  const t = runTestfiles(dir);
  const n = runNegatives(dir);
  const e = runEnvVarTest(dir);
  const w = runWordsTest(dir);
  const c = (rs: readonly CaseResult[]): string => `${rs.filter((r) => r.ok).length}/${rs.length}`;
  return `buildkit testfiles ${c(t)}, negatives ${c(n)} rejected, envVarTest ${c(e.results)} (${e.skippedWindows} Windows-only lines skipped), wordsTest ${c(w)}`;
}
