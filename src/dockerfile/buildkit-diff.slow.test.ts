/**
 * @module dockerfile/buildkit-diff.slow.test
 * Differential test against the real thing: builds BuildKit's own parser (moby/buildkit
 * v0.32.0, fetched through the Go module proxy, driven by __fixtures__/bkdump/main.go) and
 * compares it with ours on the fixtures and on 1500 seeded mutations: the dump byte for byte,
 * accept/reject, and each instruction's line span. Slow: needs `go` and the module proxy.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StevedoreError } from '../errors.ts';
import { dump, parse } from './index.ts';
import { corpus, mutate, prng } from './testing/mutate.ts';

const GO = process.env.GO ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go');
const SOURCE = fileURLToPath(new URL('./__fixtures__/bkdump/main.go', import.meta.url));

interface Outcome {
  readonly dump: string;
  readonly error: string;
  readonly lines: readonly (readonly [number, number])[] | null;
}

function ours(text: string): Outcome {
  try {
    const ast = parse(text);
    return { dump: dump(ast), error: '', lines: ast.instructions.map((n) => [n.range.start.line, n.range.end.line] as const) };
  } catch (e) {
    if (!(e instanceof StevedoreError)) throw e;
    return { dump: '', error: e.code, lines: null };
  }
}

/** A mismatch we document (docs/dockerfile.md): BuildKit reads HEALTHCHECK's type word byte by byte, so U+0085/U+00A0 split a character into invalid UTF-8. */
const explained = (text: string): boolean => /[\u0085\u00a0]/.test(text);

let dir: string;
let bkdump: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stevedore-bkdump-'));
  copyFileSync(SOURCE, join(dir, 'main.go'));
  writeFileSync(join(dir, 'go.mod'), 'module bkdump\n\ngo 1.22\n\nrequire github.com/moby/buildkit v0.32.0\n');
  const env = { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' };
  execFileSync(GO, ['mod', 'tidy'], { cwd: dir, env, timeout: 300_000, stdio: 'pipe' });
  execFileSync(GO, ['build', '-o', 'bkdump', '.'], { cwd: dir, env, timeout: 300_000, stdio: 'pipe' });
  bkdump = join(dir, 'bkdump');
}, 600_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function buildkit(texts: readonly string[]): Outcome[] {
  const out = execFileSync(bkdump, { input: texts.map((t) => JSON.stringify(t)).join('\n') + '\n', timeout: 120_000, maxBuffer: 1 << 30 });
  return out.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Outcome);
}

function compare(text: string, theirs: Outcome): string | undefined {
  const mine = ours(text);
  if ((theirs.error === '') !== (mine.error === '')) return `accept/reject: buildkit ${JSON.stringify(theirs.error)}, ours ${mine.error}`;
  if (theirs.error !== '') return undefined;
  if (theirs.dump !== mine.dump) return `dump:\n${theirs.dump}---\n${mine.dump}`;
  if (JSON.stringify(theirs.lines ?? []) !== JSON.stringify(mine.lines)) return `lines: ${JSON.stringify(theirs.lines)} vs ${JSON.stringify(mine.lines)}`;
  return undefined;
}

describe('differential: BuildKit v0.32.0 parser vs ours', () => {
  it('agrees on the fixtures', () => {
    const texts = corpus();
    const results = buildkit(texts);
    expect(texts.map((t, i) => compare(t, results[i]!)).filter((d) => d !== undefined)).toEqual([]);
  });

  it('agrees on 1500 seeded mutations (dump, accept/reject, line spans)', () => {
    const rnd = prng(20261122);
    const seeds = corpus();
    const texts = Array.from({ length: 1500 }, () => mutate(seeds[Math.floor(rnd() * seeds.length)]!, rnd));
    const results = buildkit(texts);
    const mismatches = texts.flatMap((t, i) => {
      const d = compare(t, results[i]!);
      return d === undefined || explained(t) ? [] : [{ input: t, d }];
    });
    expect(mismatches).toEqual([]);
    // The explained cases must stay rare, or the filter is hiding something.
    expect(texts.filter((t, i) => explained(t) && compare(t, results[i]!) !== undefined).length).toBeLessThan(30);
  });
});
