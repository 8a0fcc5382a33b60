// Benchmark: our Dockerfile parser against dockerfile-ast (DockerfileParser.parse) in one run.
//   npx tsx bench/dockerfile.bench.ts            (BENCH_MB=20 by default for our parser)
//   BENCH_MB=5 BENCH_REF_MB=1 npx tsx bench/dockerfile.bench.ts
// Workloads: (a) the 33 BuildKit fixtures concatenated and repeated to N MB; (b) one generated
// file with many stages and comments (~28,000 stages at 20 MB). dockerfile-ast is superlinear
// on (b), so it runs on a smaller slice (BENCH_REF_MB, default 2) of each workload; the output
// says so and extrapolates nothing. Also prints buildModel throughput on (b).
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import { buildModel, parse } from '../src/dockerfile/index.ts';

const MB = Number(process.env.BENCH_MB ?? '20');
const REF_MB = Number(process.env.BENCH_REF_MB ?? '2');
const RUNS = Number(process.env.BENCH_RUNS ?? '3');
const dir = fileURLToPath(new URL('../../shared/conformance/buildkit-parser/testfiles/', import.meta.url));

/** The fixtures that still end cleanly when concatenated (a file ending in a continuation would swallow the next). */
function fixtures(bytes: number): string {
  const usable = readdirSync(dir).sort().map((d) => readFileSync(`${dir}${d}/Dockerfile`, 'utf8') + '\n').filter((f) => {
    try {
      const last = parse('FROM a\n' + f + 'FROM z\n').instructions.at(-1)!;
      return last.keyword === 'FROM' && last.args[0] === 'z';
    } catch {
      return false; // Named fallback: a fixture that does not survive concatenation is left out.
    }
  });
  const one = usable.join('');
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    parts.push(one);
    size += one.length;
  }
  return parts.join('');
}

function stages(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = [
      `# ---- stage ${i}: build step ${i} of the generated pipeline`,
      '# comments between stages are common in real files; they must not slow the parser',
      `FROM ${i === 0 ? 'golang:1.23' : `s${i - 1}`} AS s${i}`,
      `ARG VERSION_${i % 7}=1.${i}`,
      `ENV GOFLAGS="-trimpath" CGO_ENABLED=0 STEP=${i}`,
      'WORKDIR /src/app',
      '# copy module files first for layer caching',
      'COPY go.mod go.sum ./',
      'RUN --mount=type=cache,target=/go/pkg/mod \\',
      '    --mount=type=cache,target=/root/.cache/go-build \\',
      `    go build -ldflags="-s -w -X main.step=${i}" -o /out/app${i} ./cmd/app`,
      `LABEL org.opencontainers.image.revision="r${i}" step="${i}"`,
      '# run the unit tests of this step before the next stage picks up its output',
      `RUN ["go", "test", "-run", "TestStep${i}", "./..."]`,
      'EXPOSE 8080/tcp',
      '',
    ].join('\n') + '\n';
    parts.push(s);
    size += s.length;
  }
  return parts.join('');
}

function slice(text: string, bytes: number): string {
  if (text.length <= bytes) return text;
  // Cut at a stage boundary so both parsers see a well-formed file.
  const cut = text.lastIndexOf('\n# ---- stage', bytes);
  return text.slice(0, cut > 0 ? cut + 1 : text.lastIndexOf('\n', bytes) + 1);
}

interface Timing {
  readonly wall: number;
  /** Process CPU time (user+system, all threads incl. GC): steadier than wall time on a shared machine. */
  readonly cpu: number;
}

function time(fn: () => unknown): Timing {
  const runs: Timing[] = [];
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const c = process.cpuUsage(c0);
    runs.push({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 });
  }
  runs.sort((a, b) => a.wall - b.wall);
  return runs[Math.floor(runs.length / 2)]!;
}

const mbps = (chars: number, ms: number): number => chars / 1e6 / (ms / 1000);
const fmt = (n: number): string => n.toFixed(1);
const show = (chars: number, t: Timing): string =>
  `wall ${fmt(t.wall)} ms = ${fmt(mbps(chars, t.wall))} MB/s, cpu ${fmt(t.cpu)} ms = ${fmt(mbps(chars, t.cpu))} MB/s`;

function run(label: string, text: string): void {
  const ref = slice(text, REF_MB * 1e6);
  const nodes = parse(text).instructions.length;
  const oursFull = time(() => parse(text));
  const oursSlice = time(() => parse(ref));
  const theirs = time(() => DockerfileParser.parse(ref));
  console.log(label);
  console.log(`  ours           ${fmt(text.length / 1e6)} MB, ${nodes} instructions: ${show(text.length, oursFull)}`);
  console.log(`  ours           ${fmt(ref.length / 1e6)} MB slice: ${show(ref.length, oursSlice)}`);
  console.log(`  dockerfile-ast ${fmt(ref.length / 1e6)} MB slice only (not run on the full size): ${show(ref.length, theirs)}`);
  console.log(`  ratio on the same slice: ours is ${fmt(theirs.wall / oursSlice.wall)}x (wall), ${fmt(theirs.cpu / oursSlice.cpu)}x (cpu) dockerfile-ast`);
}

console.log(`Node ${process.version}, median of ${RUNS} runs, MB = 10^6 UTF-16 code units (ASCII input, so bytes); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
run(`(a) 33 BuildKit fixtures repeated to ${MB} MB`, fixtures(MB * 1e6));
const b = stages(MB * 1e6);
run(`(b) generated file, ${MB} MB with many stages and comments`, b);
const ast = parse(b);
const modelMs = time(() => buildModel(ast));
console.log(`  buildModel on (b): ${buildModel(ast).stages.length} stages: ${show(b.length, modelMs)}`);
