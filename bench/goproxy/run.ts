// Benchmarks of the caching Go module proxy. Prints figures and ratios against reference runs made
// in the same script:
//   1. warm cache: .zip throughput and .info latency of the proxy vs nginx serving the same files;
//   2. cold: `go mod download` of a generated 64-module graph through a fake upstream with 100 ms
//      latency, via the proxy vs straight at the upstream; then after `warm`, vs cold;
//   3. memory: 20 concurrent downloads of a big zip (cold, then warm), proxy peak RSS.
// Sizes: GOPROXY_BENCH_ZIP_MB (throughput zip, default 50), GOPROXY_BENCH_BIG_MB (memory zip,
// default 50; the issue's figure is 200), GOPROXY_BENCH_MODULES (default 64), GOPROXY_BENCH_ONLY
// (warm|cold|memory),
// GOPROXY_BENCH_LATENCY_MS (default 100), BENCH_DIST=1 (proxy from dist/; `npm run build` first),
// ATHENS_BIN (an Athens binary you built yourself: adds Athens, disk storage, to sections 1 and 2;
// the script never builds it and CI never sets it).
// Run: npx tsx bench/goproxy/run.ts
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { goSumLines, writeFixtureModule, writeFixtureTree, type FixtureModule } from '../../src/goproxy/testing/modules.ts';
import { startTreeServer } from '../../src/goproxy/testing/tree-server.ts';
import { goEnv, runGo } from '../../src/goproxy/testing/go-client.ts';

const env = (k: string, d: number): number => Number(process.env[k] ?? d);
const ZIP_MB = env('GOPROXY_BENCH_ZIP_MB', 50);
const BIG_MB = env('GOPROXY_BENCH_BIG_MB', 50);
const MODULES = env('GOPROXY_BENCH_MODULES', 64);
const LATENCY = env('GOPROXY_BENCH_LATENCY_MS', 100);
const here = dirname(fileURLToPath(import.meta.url));
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function get(url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.byteLength));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

// BENCH_DIST=1 runs the proxy from the compiled dist/ (what `stevedore proxy` runs after
// `npm run build`); the default runs src/ through tsx.
const FROM_DIST = process.env['BENCH_DIST'] === '1';

async function startChild(config: object): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const root = join(here, '..', '..');
  // dist/ leaves out the testing helpers, so the compiled child is the same few lines as
  // src/goproxy/testing/proxy-child.ts, importing the compiled modules.
  const distChild = `
    const { parseFileConfig, resolveConfig } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'goproxy', 'config.js')).href)});
    const { startProxy } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'goproxy', 'proxy.js')).href)});
    const file = parseFileConfig(JSON.parse(process.argv[1]), 'bench');
    const running = await startProxy(resolveConfig({ file, env: {}, flags: {}, cwd: process.cwd() }), { logger: { log() {} } });
    process.stdout.write(running.url + '\\n');
    process.once('SIGTERM', () => void running.close().then(() => process.exit(0)));`;
  const args = FROM_DIST ? ['--input-type=module', '-e', distChild] : ['--import', 'tsx', join(root, 'src', 'goproxy', 'testing', 'proxy-child.ts')];
  const child = spawn(process.execPath, [...args, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`proxy child exited ${code}`)));
  });
  return { url, child, stop: () => new Promise<void>((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); }) };
}

function peakRssMb(pid: number): number {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0) / 1024;
}

function ensureNginx(): string | undefined {
  if (existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  const r = spawnSync('apt-get', ['install', '-y', '-q', 'nginx-light'], { stdio: 'ignore', timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0 && existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : undefined;
}

async function startNginx(bin: string, root: string, dir: string): Promise<{ url: string; stop: () => void }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  await mkdir(join(dir, 'nginx'), { recursive: true });
  const conf = join(dir, 'nginx', 'nginx.conf');
  await writeFile(conf, `daemon off;\nuser root;\nworker_processes 1;\npid ${dir}/nginx/pid;\nerror_log ${dir}/nginx/error.log;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n  sendfile on;\n  tcp_nopush on;\n  keepalive_requests 100000;\n  client_body_temp_path ${dir}/nginx/body; proxy_temp_path ${dir}/nginx/proxy; fastcgi_temp_path ${dir}/nginx/fcgi; uwsgi_temp_path ${dir}/nginx/uwsgi; scgi_temp_path ${dir}/nginx/scgi;\n  server { listen 127.0.0.1:${port}; root ${root}; }\n}\n`);
  const child = spawn(bin, ['-c', conf], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      await get(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

// Athens as its docs deploy it: disk storage, sync download mode, fetching through `go mod download`
// with the upstream given as GOPROXY to that go command.
async function startAthens(bin: string, upstream: string, dir: string, name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const root = join(dir, `athens-${name}`);
  await mkdir(join(root, 'storage'), { recursive: true });
  await mkdir(join(root, 'goget'), { recursive: true });
  const child = spawn(bin, [], {
    stdio: ['ignore', 'ignore', 'pipe'],
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: root,
      ATHENS_PORT: `:${port}`,
      ATHENS_STORAGE_TYPE: 'disk',
      ATHENS_DISK_STORAGE_ROOT: join(root, 'storage'),
      ATHENS_GOGET_DIR: join(root, 'goget'),
      ATHENS_LOG_LEVEL: 'error',
      ATHENS_GO_BINARY_ENV_VARS: `GOPROXY=${upstream}; GOSUMDB=off; GOFLAGS=-modcacherw`,
    },
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await get(`${url}/healthz`)).status === 200) break;
    } catch {
      if (i > 200 || child.exitCode !== null) throw new Error(`Athens did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { url, stop: () => new Promise<void>((r) => { if (child.exitCode !== null) return r(); child.once('exit', () => r()); child.kill('SIGTERM'); }) };
}
const ATHENS_BIN = process.env['ATHENS_BIN'];

async function throughput(url: string, rounds: number): Promise<number> {
  const t = performance.now();
  let bytes = 0;
  for (let i = 0; i < rounds; i++) {
    const r = await get(url);
    if (r.status !== 200) throw new Error(`${url}: status ${r.status}`);
    bytes += r.bytes;
  }
  return bytes / 1e6 / ((performance.now() - t) / 1000);
}

async function latency(url: string, n: number): Promise<{ meanMs: number; p99Ms: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await get(url);
    times.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`${url}: status ${r.status}`);
  }
  times.sort((a, b) => a - b);
  return { meanMs: times.reduce((a, b) => a + b, 0) / n, p99Ms: times[Math.floor(n * 0.99)]! };
}

const fmt = (n: number, d = 2): string => n.toFixed(d);

async function benchWarm(dir: string): Promise<void> {
  console.log(`\n== 1. warm cache: proxy vs nginx (same files, ${ZIP_MB} MB zip) ==`);
  const tree = join(dir, 'tree-warm');
  await writeFixtureModule(tree, { path: 'example.com/thru', version: 'v1.0.0', store: true, files: { 'go.mod': 'module example.com/thru\n', 'blob.bin': randomBytes(ZIP_MB << 20) } });
  const storage = join(dir, 'store-warm');
  const p = await startChild({ storage, upstream: `file://${tree}`, gosumdb: 'off', listen: '127.0.0.1:0' });
  const zipPath = '/example.com/thru/@v/v1.0.0.zip';
  const infoPath = '/example.com/thru/@v/v1.0.0.info';
  await get(`${p.url}${zipPath}`);
  await get(`${p.url}${infoPath}`);
  const nginxBin = ensureNginx();
  const n = nginxBin === undefined ? undefined : await startNginx(nginxBin, storage, dir);
  if (n === undefined) console.log('nginx: not available (apt-get install nginx-light failed); no ratio');
  const a = ATHENS_BIN === undefined ? undefined : await startAthens(ATHENS_BIN, `file://${tree}`, dir, 'warm');
  if (a !== undefined) {
    // Athens's first request fetches into its own storage; after it, it serves from disk.
    for (const path of [zipPath, infoPath]) if ((await get(`${a.url}${path}`)).status !== 200) throw new Error(`Athens could not fetch ${path}`);
  }
  const servers = [{ name: 'proxy', url: p.url }, ...(n === undefined ? [] : [{ name: 'nginx', url: n.url }]), ...(a === undefined ? [] : [{ name: 'athens', url: a.url }])];
  // Both servers get the same warm-up (page cache, connection, and for node the JIT: the first
  // few hundred requests run unoptimised code), then the rounds alternate between them so a
  // burst of load from elsewhere on the machine hits both; the best round of each is compared.
  const zipRounds = Math.max(3, Math.floor(1000 / ZIP_MB));
  for (const s of servers) {
    await throughput(`${s.url}${zipPath}`, 2);
    await latency(`${s.url}${infoPath}`, 3000);
  }
  const best = new Map<string, { zip: number; info: { meanMs: number; p99Ms: number } }>();
  for (let round = 1; round <= 3; round++) {
    for (const s of servers) {
      const zip = await throughput(`${s.url}${zipPath}`, zipRounds);
      const info = await latency(`${s.url}${infoPath}`, 3000);
      console.log(`round ${round} ${s.name}: zip ${fmt(zip, 0)} MB/s; .info mean ${fmt(info.meanMs, 3)} ms, p99 ${fmt(info.p99Ms, 3)} ms`);
      const b = best.get(s.name);
      best.set(s.name, { zip: Math.max(b?.zip ?? 0, zip), info: b === undefined || info.meanMs < b.info.meanMs ? info : b.info });
    }
  }
  n?.stop();
  await a?.stop();
  for (const [name, b] of best) console.log(`best ${name}: zip ${fmt(b.zip, 0)} MB/s; .info mean ${fmt(b.info.meanMs, 3)} ms, p99 ${fmt(b.info.p99Ms, 3)} ms`);
  const bp = best.get('proxy')!;
  const bn = best.get('nginx');
  if (bn !== undefined) {
    console.log(`RATIO zip throughput proxy/nginx = ${fmt(bp.zip / bn.zip)} (goal >= 0.8)`);
    console.log(`RATIO .info requests/s proxy/nginx = ${fmt(bn.info.meanMs / bp.info.meanMs)} (goal >= 0.8)`);
  }
  const ba = best.get('athens');
  if (ba !== undefined) {
    console.log(`RATIO zip throughput proxy/athens = ${fmt(bp.zip / ba.zip)} (goal > 1)`);
    console.log(`RATIO .info requests/s proxy/athens = ${fmt(ba.info.meanMs / bp.info.meanMs)} (goal > 1)`);
  }
  await p.stop();
}

async function benchCold(dir: string): Promise<void> {
  console.log(`\n== 2. cold: go mod download of a ${MODULES}-module graph, upstream latency ${LATENCY} ms ==`);
  // A binary tree of requirements: m0 needs m1 and m2, m1 needs m3 and m4, ...
  const mods: FixtureModule[] = Array.from({ length: MODULES }, (_, i) => {
    const reqs = [2 * i + 1, 2 * i + 2].filter((j) => j < MODULES).map((j) => `\texample.com/g/m${j} v1.0.0\n`).join('');
    const goMod = `module example.com/g/m${i}\n\ngo 1.21\n${reqs === '' ? '' : `\nrequire (\n${reqs})\n`}`;
    return { path: `example.com/g/m${i}`, version: 'v1.0.0', files: { 'go.mod': goMod, [`m${i}.go`]: `package m${i}\n\nconst N = ${i}\n// ${'x'.repeat(2000)}\n` } };
  });
  const written = await writeFixtureTree(join(dir, 'tree-cold'), mods);
  const up = await startTreeServer(join(dir, 'tree-cold'), { latencyMs: LATENCY });
  const app = join(dir, 'app');
  await mkdir(app, { recursive: true });
  await writeFile(join(app, 'go.mod'), `module example.com/app\n\ngo 1.21\n\nrequire (\n${written.map((w) => `\t${w.path} ${w.version}\n`).join('')})\n`);
  await writeFile(join(app, 'go.sum'), goSumLines(written));
  const download = async (goproxy: string, name: string): Promise<number> => {
    const home = join(dir, `home-${name}`);
    await mkdir(home, { recursive: true });
    const t = performance.now();
    const r = await runGo(['mod', 'download'], { cwd: app, env: goEnv(home, { GOPROXY: goproxy, GONOSUMDB: 'example.com', GOSUMDB: 'off' }), timeoutMs: 600_000 });
    if (r.code !== 0) throw new Error(`go mod download (${name}) failed: ${r.stderr}`);
    return (performance.now() - t) / 1000;
  };
  const direct = await download(up.url, 'direct');
  console.log(`go straight at the upstream:      ${fmt(direct)} s`);
  const p = await startChild({ storage: join(dir, 'store-cold'), upstream: up.url, gosumdb: 'off', listen: '127.0.0.1:0' });
  const cold = await download(p.url, 'cold');
  console.log(`go through the proxy (cold):      ${fmt(cold)} s`);
  await p.stop();
  console.log(`RATIO cold proxy/direct = ${fmt(cold / direct)} (goal <= 1.1)`);
  if (ATHENS_BIN !== undefined) {
    const a = await startAthens(ATHENS_BIN, up.url, dir, 'cold');
    const athensCold = await download(a.url, 'athens-cold');
    const athensAgain = await download(a.url, 'athens-again');
    await a.stop();
    console.log(`go through Athens (cold):         ${fmt(athensCold)} s; again, from its storage: ${fmt(athensAgain)} s`);
    console.log(`RATIO cold athens/proxy = ${fmt(athensCold / cold)} (> 1: the proxy is ahead)`);
  }
  const storage = join(dir, 'store-warmed');
  const cli = join(here, '..', '..', 'bin', 'stevedore');
  const t = performance.now();
  // Async spawn: the fake upstream lives in this process and must keep answering meanwhile.
  const w = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const c = spawn(process.execPath, [cli, 'proxy', 'warm', '--from', join(app, 'go.sum'), '--storage', storage, '--upstream', up.url, '--concurrency', '32'], {
      env: { ...process.env, STEVEDORE_FROM_SOURCE: '1', GOSUMDB: 'off' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('close', (code) => resolve({ code, stderr }));
  });
  const warmS = (performance.now() - t) / 1000;
  if (w.code !== 0) throw new Error(`proxy warm failed: ${w.stderr}`);
  console.log(`stevedore proxy warm (32 parallel, incl. CLI start): ${fmt(warmS)} s`);
  const p2 = await startChild({ storage, upstream: up.url, gosumdb: 'off', listen: '127.0.0.1:0' });
  const warmed = await download(p2.url, 'warmed');
  await p2.stop();
  console.log(`go through the proxy after warm:  ${fmt(warmed)} s`);
  console.log(`RATIO cold/warmed = ${fmt(cold / warmed, 1)}x faster (goal >= 5)`);
  await up.close();
}

async function benchMemory(dir: string): Promise<void> {
  console.log(`\n== 3. memory: 20 concurrent downloads of a ${BIG_MB} MB zip ==`);
  const tree = join(dir, 'tree-big');
  await writeFixtureModule(tree, { path: 'example.com/big', version: 'v1.0.0', store: true, files: { 'go.mod': 'module example.com/big\n', 'blob.bin': randomBytes(BIG_MB << 20) } });
  const up = await startTreeServer(tree);
  const p = await startChild({ storage: join(dir, 'store-big'), upstream: up.url, gosumdb: 'off', listen: '127.0.0.1:0' });
  const url = `${p.url}/example.com/big/@v/v1.0.0.zip`;
  const all = async (): Promise<number> => {
    const t = performance.now();
    const rs = await Promise.all(Array.from({ length: 20 }, () => get(url)));
    if (rs.some((r) => r.status !== 200)) throw new Error('download failed');
    return (performance.now() - t) / 1000;
  };
  console.log(`proxy RSS before downloads: ${fmt(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.child.pid!}/status`, 'utf8'))?.[1] ?? 0) / 1024, 0)} MB (node + ${FROM_DIST ? '' : 'tsx + '}proxy)`);
  const coldS = await all();
  const coldRss = peakRssMb(p.child.pid!);
  const warmS = await all();
  const rss = peakRssMb(p.child.pid!);
  console.log(`cold (one upstream fetch, streamed to 20): ${fmt(coldS)} s, peak RSS ${fmt(coldRss, 0)} MB`);
  console.log(`warm (20 from store): ${fmt(warmS)} s, peak RSS ${fmt(rss, 0)} MB`);
  console.log(`upstream zip fetches: ${up.hits.get('/example.com/big/@v/v1.0.0.zip') ?? 0}`);
  console.log(`RESULT peak RSS ${fmt(rss, 0)} MB (goal < 200 MB)`);
  await p.stop();
  await up.close();
}

const dir = await mkdtemp(join(tmpdir(), 'stevedore-bench-goproxy-'));
try {
  console.log(`code: ${FROM_DIST ? 'dist/ (compiled)' : 'src/ via tsx'}`);
  console.log(`stevedore goproxy bench — node ${process.version}, zip ${ZIP_MB} MB, big ${BIG_MB} MB, ${MODULES} modules, latency ${LATENCY} ms`);
  console.log(ATHENS_BIN === undefined ? 'Athens: not run (set ATHENS_BIN to an Athens binary; see docs/goproxy.md)' : `Athens: ${ATHENS_BIN}`);
  const only = process.env['GOPROXY_BENCH_ONLY']; // warm | cold | memory
  if (only === undefined || only === 'warm') await benchWarm(dir);
  if (only === undefined || only === 'cold') await benchCold(dir);
  if (only === undefined || only === 'memory') await benchMemory(dir);
} finally {
  agent.destroy();
  await rm(dir, { recursive: true, force: true });
}
