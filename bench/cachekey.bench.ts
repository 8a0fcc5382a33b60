/**
 * @module bench/cachekey
 * Benchmark of cachekey's context hashing, `plan` and `explain` on a generated context, against
 * `sha256sum` over the same files in the same run (printed as a ratio; goal ≥ 0.7).
 *
 *   npx tsx bench/cachekey.bench.ts                       # 5,000 files, ~50 MB (default)
 *   STEVEDORE_BENCH_FILES=50000 STEVEDORE_BENCH_MB=500 npx tsx bench/cachekey.bench.ts
 *
 * Both sides run with a warm page cache (one read pass first), so the figure compares hashing
 * and I/O scheduling, not the disk.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { explain, loadState, planSteps, readFsContext, saveSnapshot, selectorDigest } from '../src/cachekey/index.ts';

const FILES = Number(process.env.STEVEDORE_BENCH_FILES ?? 5000);
const MB = Number(process.env.STEVEDORE_BENCH_MB ?? 50);
const root = mkdtempSync(join(tmpdir(), 'stevedore-bench-'));

function generate(): number {
  // Deterministic sizes: most files small, every 100th large, total ≈ MB.
  const total = MB * 1024 * 1024;
  const large = Math.max(1, Math.floor(FILES / 100));
  const smallSize = Math.floor((total * 0.5) / (FILES - large));
  const largeSize = Math.floor((total * 0.5) / large);
  let bytes = 0;
  let seed = 42;
  const chunk = Buffer.alloc(Math.max(smallSize, largeSize));
  for (let i = 0; i < chunk.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    chunk[i] = seed & 0xff;
  }
  for (let i = 0; i < FILES; i++) {
    const dir = join(root, 'src', `pkg${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(dir, { recursive: true });
    const size = i % 100 === 99 ? largeSize : smallSize;
    const body = Buffer.from(chunk.subarray(0, size));
    body.writeUInt32LE(i, 0);
    writeFileSync(join(dir, `f${i}.go`), body);
    bytes += size;
  }
  writeFileSync(join(root, 'go.mod'), 'module bench\n');
  writeFileSync(join(root, 'go.sum'), '');
  writeFileSync(
    join(root, 'Dockerfile'),
    'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build ./...\nFROM alpine\nCOPY --from=build /src/app /app\n',
  );
  return bytes;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

async function main(): Promise<void> {
  const bytes = generate();
  console.log(`context: ${fmt(FILES)} files, ${(bytes / 1048576).toFixed(0)} MB in ${root}`);
  execFileSync('sh', ['-c', `find "${root}" -type f -print0 | xargs -0 cat > /dev/null`]);

  let t = performance.now();
  const r = spawnSync('sh', ['-c', `cd "${root}" && find . -type f -print0 | xargs -0 sha256sum > /dev/null`]);
  if (r.status !== 0) throw new Error(`sha256sum failed: ${r.stderr.toString()}`);
  const refSec = (performance.now() - t) / 1000;
  const refRate = FILES / refSec;
  console.log(`sha256sum (xargs):        ${refSec.toFixed(2)} s  ${fmt(refRate)} files/s  ${(bytes / 1048576 / refSec).toFixed(0)} MB/s`);

  t = performance.now();
  const snap = await readFsContext(root, { dockerfile: 'Dockerfile' });
  const walkSec = (performance.now() - t) / 1000;
  t = performance.now();
  await selectorDigest(snap, { source: '.' });
  const hashSec = (performance.now() - t) / 1000;
  const rate = FILES / (walkSec + hashSec);
  console.log(`stevedore walk+hash (.):  ${(walkSec + hashSec).toFixed(2)} s  ${fmt(rate)} files/s  (walk ${walkSec.toFixed(2)} s, hash ${hashSec.toFixed(2)} s)`);
  console.log(`ratio stevedore/sha256sum (files/s): ${(rate / refRate).toFixed(2)}  (goal >= 0.7)`);

  try {
    t = performance.now();
    const state = await loadState({ kind: 'worktree' }, { contextDir: root, dockerfile: 'Dockerfile' });
    const steps = planSteps(state.graph, state.content, state.snap);
    const planSec = (performance.now() - t) / 1000;
    console.log(`plan (walk, model, hash all inputs): ${planSec.toFixed(2)} s  ${fmt(FILES / planSec)} files/s  (${steps.length} steps)`);
    const snapFile = join(root, '..', `${root.split('/').pop() ?? 'x'}.snapshot.json`);
    await saveSnapshot(state.snap, { Dockerfile: state.dockerfileText }, snapFile);
    writeFileSync(join(root, 'src', 'pkg0', 'f0.go'), 'changed');
    t = performance.now();
    const report = await explain({ contextDir: root, dockerfile: 'Dockerfile', from: { kind: 'snapshot', file: snapFile }, to: { kind: 'worktree' } });
    const explainSec = (performance.now() - t) / 1000;
    console.log(`explain (snapshot A vs worktree B): ${explainSec.toFixed(2)} s  ${fmt(FILES / explainSec)} files/s  (${report.steps.filter((s) => s.verdict === 'rebuilt').length} rebuilt)`);
    rmSync(snapFile, { force: true });
  } catch (e) {
    console.log(`plan/explain skipped: ${(e as Error).message}`);
  }
  rmSync(root, { recursive: true, force: true });
}

await main();
