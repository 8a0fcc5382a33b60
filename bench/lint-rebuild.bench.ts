// Benchmark (needs the engine, docs/engine.md): rebuild time after a source-only change, naive
// Dockerfile vs the one `stevedore fix --write` produced, on each examples/*/Dockerfile.naive,
// with the real BuildKit. Prints per example: the first build (warm when the engine's build cache
// already holds these layers, e.g. after the slow suite; `docker builder prune` makes it cold),
// the rebuild after touching one .go file, and the naive/fixed rebuild ratio (> 1: fixed is faster).
//   source .engine/env && npx tsx bench/lint-rebuild.bench.ts
//   BENCH_REBUILDS=3 (default 2): source changes timed per file; the median is printed.
import { rmSync } from 'node:fs';
import { dockerBuild, removeImages, requireEngine, uniqueTag } from '../test/engine.ts';
import { naiveExamples, prepareExample, touchSource } from './lint-examples.ts';

const REBUILDS = Number(process.env.BENCH_REBUILDS ?? '2');
const TIMEOUT = 900_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function build(dir: string, dockerfile: string, tag: string): Promise<number> {
  const r = await dockerBuild({ context: dir, dockerfile, tag, progress: 'plain', timeoutMs: TIMEOUT });
  if (r.exitCode !== 0) throw new Error(`build of ${dockerfile} failed:\n${r.log}`);
  return r.durationMs;
}

requireEngine();
const tags: string[] = [];
try {
  console.log('example    1st naive  1st fixed  rebuild naive  rebuild fixed  ratio naive/fixed');
  for (const name of naiveExamples()) {
    const ex = await prepareExample(name);
    try {
      const naiveTag = uniqueTag(`${name}-bench-naive`);
      const fixedTag = uniqueTag(`${name}-bench-fixed`);
      tags.push(naiveTag, fixedTag);
      const coldNaive = await build(ex.dir, ex.naive, naiveTag);
      const coldFixed = await build(ex.dir, ex.fixed, fixedTag);
      const naive: number[] = [];
      const fixed: number[] = [];
      for (let i = 0; i < REBUILDS; i++) {
        // One change, then both rebuilds: the same edit is measured for each file.
        touchSource(ex.dir);
        naive.push(await build(ex.dir, ex.naive, naiveTag));
        fixed.push(await build(ex.dir, ex.fixed, fixedTag));
      }
      const n = median(naive);
      const f = median(fixed);
      console.log(`${name.padEnd(10)} ${(coldNaive / 1000).toFixed(1).padStart(8)}s ${(coldFixed / 1000).toFixed(1).padStart(9)}s ${(n / 1000).toFixed(1).padStart(13)}s ${(f / 1000).toFixed(1).padStart(13)}s ${(n / f).toFixed(2).padStart(17)}x`);
    } finally {
      rmSync(ex.dir, { recursive: true, force: true });
    }
  }
  console.log(`(median of ${REBUILDS} source-only rebuilds each; the naive file re-runs go mod download and compiles without a build cache)`);
} finally {
  await removeImages(tags);
}
