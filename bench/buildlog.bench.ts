/**
 * @module bench/buildlog.bench
 * Build-log parser throughput and peak memory. Generates a synthetic log of BENCH_LOG_MB
 * (default 200) by repeating the real fixture logs (src/diagnose/__fixtures__/real/*) with step
 * numbers renumbered, streams it through the parser, and in the same run times `grep -c .` over
 * the same file as the reference. Prints MB/s for both (wall and CPU time), the ratio, and peak
 * RSS twice: for the whole process (includes tsx start-up and the generator) and as the growth
 * during the parse over the RSS just before it (sampled at every chunk the parser is fed).
 *
 *
 * A second log (BENCH_SPARSE_MB, default 128; 0 skips it) has a new step only every ~100 KB, so
 * the lines the record keeps come from every read chunk: its RSS growth shows that retained text
 * does not pin the decoded chunks it was cut from (it grew with the log before `detach`).
 *
 *   npx tsx bench/buildlog.bench.ts                 # 200 MB
 *   BENCH_LOG_MB=1024 npx tsx bench/buildlog.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseLogStream } from '../src/buildlog/index.ts';

const MB = 1024 * 1024;
const target = Number(process.env.BENCH_LOG_MB ?? '200') * MB;
const root = join(import.meta.dirname, '..', 'src/diagnose/__fixtures__/real');

/** The real logs, with `#N` turned into a placeholder so each copy can be renumbered. */
const templates = readdirSync(root)
  .sort()
  .flatMap((c) => readdirSync(join(root, c)).filter((f) => f === 'plain.log').map((f) => readFileSync(join(root, c, f), 'utf8')))
  .filter((t) => t.includes('\n#'));

async function generate(file: string): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  let offset = 0;
  let i = 0;
  while (written < target) {
    const t = templates[i++ % templates.length]!;
    const chunk = t.replace(/^#(\d+) /gm, (_m, n: string) => `#${Number(n) + offset} `);
    offset += 100;
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return written;
}

const sparseTarget = Number(process.env.BENCH_SPARSE_MB ?? '128') * MB;

/** Steps ~100 KB apart: each keeps its name and one output line; the digest lines are dropped. */
async function generateSparse(file: string): Promise<void> {
  const out = createWriteStream(file);
  const digest = `sha256:${'ab'.repeat(32)}`;
  let written = 0;
  for (let k = 1; written < sparseTarget; k++) {
    const chunk = `#${k} [1/1] RUN step ${k}\n#${k} 0.1 output line of step ${k}\n` + `#${k} ${digest}\n`.repeat(1400);
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Passes the chunks through, reporting the process RSS at each one (memoryUsage.rss() is cheap). */
async function* sampled(stream: AsyncIterable<Buffer>, onRss: (rss: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    onRss(process.memoryUsage.rss());
    yield chunk;
  }
  onRss(process.memoryUsage.rss());
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-bench-'));
  const file = join(dir, 'synthetic.log');
  try {
    await generate(file);
    const size = statSync(file).size;
    const rssBefore = process.memoryUsage().rss;

    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    let peakDuring = rssBefore;
    const record = await parseLogStream(sampled(createReadStream(file, { highWaterMark: 1 << 20 }), (rss) => (peakDuring = Math.max(peakDuring, rss))));
    const parseS = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const parseCpuS = (cpu.user + cpu.system) / 1e6;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;

    const g0 = process.hrtime.bigint();
    const grep = spawnSync('grep', ['-c', '.', file], { encoding: 'utf8' });
    const grepS = Number(process.hrtime.bigint() - g0) / 1e9;
    // CPU time of the same grep (bash's TIMEFORMAT), less sensitive than wall time to a busy machine.
    const timed = spawnSync('bash', ['-c', 'TIMEFORMAT="%U %S"; time grep -c . "$0" >/dev/null', file], { encoding: 'utf8' });
    const grepCpuS = timed.stderr.trim().split(/\s+/).reduce((a, x) => a + Number(x), 0);

    const parseMBs = size / MB / parseS;
    const grepMBs = size / MB / grepS;
    console.log(`log: ${(size / MB).toFixed(0)} MB, ${record.lines} lines, ${record.steps.length} steps (grep -c . counted ${grep.stdout.trim()} non-empty lines)`);
    console.log(`parse:   ${parseS.toFixed(2)} s  ${parseMBs.toFixed(1)} MB/s`);
    console.log(`grep -c: ${grepS.toFixed(2)} s  ${grepMBs.toFixed(1)} MB/s`);
    console.log(`ratio parse/grep throughput: ${(parseMBs / grepMBs).toFixed(3)}`);
    const cpuMBs = size / MB / parseCpuS;
    // grep -c . on a page-cached file often needs only milliseconds of CPU; no ratio below 10 ms.
    const grepCpu = grepCpuS < 0.01 ? `${grepCpuS.toFixed(3)} s (too small to compare)` : `${grepCpuS.toFixed(2)} s (${(size / MB / grepCpuS).toFixed(1)} MB/s), ratio ${(cpuMBs / (size / MB / grepCpuS)).toFixed(3)}`;
    console.log(`cpu time: parse ${parseCpuS.toFixed(2)} s (${cpuMBs.toFixed(1)} MB/s), grep ${grepCpu}`);
    console.log(`load average: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    console.log(`rss before parse: ${(rssBefore / MB).toFixed(0)} MB, peak rss (process): ${peakRssMb.toFixed(0)} MB`);
    console.log(`peak rss growth during parse (peak sampled per chunk - rss before parse): ${((peakDuring - rssBefore) / MB).toFixed(0)} MB`);
    console.log(`goal: >= 100 MB/s and < 200 MB peak RSS`);

    if (sparseTarget > 0) {
      const sparse = join(dir, 'sparse.log');
      await generateSparse(sparse);
      const base = process.memoryUsage.rss();
      let peak = base;
      const r = await parseLogStream(sampled(createReadStream(sparse, { highWaterMark: 1 << 20 }), (rss) => (peak = Math.max(peak, rss))));
      const mb = statSync(sparse).size / MB;
      console.log(`sparse log: ${mb.toFixed(0)} MB, ${r.steps.length} steps kept; peak rss growth during parse: ${((peak - base) / MB).toFixed(0)} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
