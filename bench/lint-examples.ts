/**
 * @module bench/lint-examples
 * Shared by the slow proof suite (src/lint/examples.slow.test.ts) and bench/lint-rebuild.bench.ts:
 * copy an example service to a temp dir, run the real `stevedore fix --write` CLI on a copy of its
 * naive Dockerfile, find the programs the naive image runs, and make a source-only change.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from '../test/engine.ts';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLES = join(REPO, 'examples');

/** Examples that have a naive Dockerfile. */
export function naiveExamples(): string[] {
  if (!existsSync(EXAMPLES)) return [];
  return readdirSync(EXAMPLES).filter((d) => existsSync(join(EXAMPLES, d, 'Dockerfile.naive'))).sort();
}

export interface PreparedExample {
  readonly dir: string;
  readonly naive: string;
  readonly fixed: string;
  readonly fixLog: string;
}

/** Copies the example, writes `Dockerfile.fixed` (a copy of the naive file) and runs `stevedore fix --write` on it. */
export async function prepareExample(name: string, parent = tmpdir()): Promise<PreparedExample> {
  const dir = mkdtempSync(join(parent, `stevedore-example-${name}-`));
  cpSync(join(EXAMPLES, name), dir, { recursive: true });
  const naive = join(dir, 'Dockerfile.naive');
  const fixed = join(dir, 'Dockerfile.fixed');
  writeFileSync(fixed, readFileSync(naive, 'utf8'));
  const r = await runProcess(join(REPO, 'bin', 'stevedore'), ['fix', '--write', 'Dockerfile.fixed'], {
    cwd: dir, timeoutMs: 120_000, env: { STEVEDORE_FROM_SOURCE: '1' },
  });
  if (r.exitCode !== 0) throw new Error(`stevedore fix --write failed (${r.exitCode}):\n${r.combined}`);
  return { dir, naive, fixed, fixLog: r.combined };
}

/** The commands the naive image runs: its CMD binary plus every `go build -o <path>` output. */
export function programsOf(dockerfile: string): string[] {
  const text = readFileSync(dockerfile, 'utf8');
  const out = new Set<string>();
  for (const m of text.matchAll(/go build[^\n]*?-o (\/\S+)/g)) out.add(m[1]!);
  return [...out];
}

/** A source-only change: a comment appended to the first non-test .go file of the main package. */
export function touchSource(dir: string): string {
  const candidates = ['main.go', ...(existsSync(join(dir, 'cmd')) ? readdirSync(join(dir, 'cmd')).sort().map((c) => `cmd/${c}/main.go`) : [])];
  const file = candidates.find((f) => existsSync(join(dir, f)));
  if (file === undefined) throw new Error(`no main.go in ${dir}`);
  appendFileSync(join(dir, file), `\n// touched by the stevedore proof at ${process.hrtime.bigint()}\n`);
  return file;
}
