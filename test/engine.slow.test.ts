// Slow suite: the engine harness itself (test/engine.ts against the dockerd started by
// scripts/engine.sh) and the example Go services under examples/, built with real BuildKit
// from both their naive and their good Dockerfiles, run, and compared with `go run` on the host.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildctlBuild,
  docker,
  dockerBuild,
  dockerRun,
  engineAvailable,
  removeImages,
  requireBuildctl,
  requireEngine,
  runProcess,
  uniqueTag,
} from './engine.ts';

const created: string[] = [];
let tmp = '';

beforeAll(() => {
  requireEngine();
  tmp = mkdtempSync(join(tmpdir(), 'stevedore-engine-'));
});

afterAll(async () => {
  await removeImages(created);
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

/** A killed process may linger a moment as a zombie until reaped; that counts as dead. */
function processLives(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
}

function context(name: string, dockerfile: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmp, `${name}-`));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

describe('engine harness', () => {
  it('reports the engine available and answers docker version', async () => {
    expect(engineAvailable()).toBe(true);
    const r = await docker(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 20_000 });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim()).toMatch(/^20\.10\./);
  });

  it('provides the base images with their real config', async () => {
    const r = await docker(
      ['image', 'inspect', '--format', '{{json .Config.Env}} {{.Config.WorkingDir}} {{.Config.User}}', 'golang:1.26', 'gcr.io/distroless/static-debian12:nonroot'],
      { timeoutMs: 20_000 },
    );
    expect(r.exitCode).toBe(0);
    const [golang, distroless] = r.stdout.trim().split('\n');
    expect(golang).toContain('GOPATH=/go');
    expect(golang).toContain('GOTOOLCHAIN=local');
    expect(golang).toContain('/go/bin:/usr/local/go/bin:');
    expect(golang).toMatch(/ \/go $/);
    expect(distroless).toMatch(/ \/home\/nonroot 65532$/);
  });

  it('builds with BuildKit and prints plain progress step lines, including RUN output', async () => {
    const tag = uniqueTag('harness');
    created.push(tag);
    const ctx = context('plain', 'FROM busybox:latest\nRUN echo stevedore-$((6*7))\nCOPY hello.txt /hello.txt\n', { 'hello.txt': 'hi\n' });
    const r = await dockerBuild({ context: ctx, tag, progress: 'plain', noCache: true, timeoutMs: 120_000 });
    expect(r.exitCode, r.log).toBe(0);
    expect(r.log).toMatch(/^#\d+ \[2\/3\] RUN echo stevedore-\$\(\(6\*7\)\)$/m);
    expect(r.log).toMatch(/^#\d+ [\d.]+ stevedore-42$/m);
    expect(r.log).toMatch(/^#\d+ \[3\/3\] COPY hello.txt \/hello.txt$/m);
    const run = await dockerRun(tag, ['cat', '/hello.txt'], { timeoutMs: 60_000 });
    expect(run).toMatchObject({ exitCode: 0, stdout: 'hi\n' });
  });

  it('reports a failing RUN with its exit code in the log and a non-zero exit', async () => {
    const ctx = context('fail', 'FROM busybox:latest\nRUN echo about-to-fail && exit 3\n');
    const r = await dockerBuild({ context: ctx, progress: 'plain', timeoutMs: 120_000 });
    expect(r.exitCode).not.toBe(0);
    expect(r.log).toContain('about-to-fail');
    expect(r.log).toMatch(/did not complete successfully: exit code: 3|executor failed running .*: exit code: 3/);
  });

  it('fails like the real thing when a base image is not local (no registry reachable)', async () => {
    const ctx = context('noimage', 'FROM stevedore.invalid/nothing/here:1\nRUN true\n');
    const r = await dockerBuild({ context: ctx, progress: 'plain', timeoutMs: 120_000 });
    expect(r.exitCode).not.toBe(0);
    expect(r.log).toMatch(/stevedore\.invalid\/nothing\/here:1/);
  });

  it('runs the classic builder when asked (Step N/M lines)', async () => {
    const ctx = context('classic', 'FROM busybox:latest\nRUN echo classic-ok\n');
    const tag = uniqueTag('classic');
    created.push(tag);
    const r = await dockerBuild({ context: ctx, tag, progress: 'plain', classic: true, noCache: true, timeoutMs: 120_000 });
    expect(r.exitCode, r.log).toBe(0);
    expect(r.log).toMatch(/^Step 2\/2 : RUN echo classic-ok$/m);
  });

  it('rejects rawjson progress, which the 20.10 client lacks', async () => {
    const ctx = context('rawjson', 'FROM busybox:latest\n');
    await expect(dockerBuild({ context: ctx, progress: 'rawjson' as 'plain', timeoutMs: 10_000 })).rejects.toThrow(/rawjson/);
  });

  it('kills a build that outlives its timeout (process group killed, timedOut set)', async () => {
    const ctx = context('slow', 'FROM busybox:latest\nRUN sleep 120\n');
    const r = await dockerBuild({ context: ctx, progress: 'plain', noCache: true, timeoutMs: 4_000 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).not.toBe(0);
    expect(r.durationMs).toBeLessThan(60_000);
  });

  it('runProcess kills the whole process group on timeout', async () => {
    const pidFile = join(tmp, 'grandchild.pid');
    // The shell starts a long-lived grandchild, records its pid, and waits: only a group kill stops both.
    const r = await runProcess('sh', ['-c', `sleep 300 & echo $! > ${pidFile}; wait`], { timeoutMs: 1_000 });
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(pid).toBeGreaterThan(0);
    expect(processLives(pid)).toBe(false);
  });

  it('builds on the default bridge network too (no --network=host)', async () => {
    const ctx = context('bridge', 'FROM busybox:latest\nRUN ip -4 addr show eth0 | grep -q inet && echo on-bridge\n');
    const tag = uniqueTag('bridge');
    created.push(tag);
    const r = await dockerBuild({ context: ctx, tag, progress: 'plain', network: 'default', noCache: true, timeoutMs: 120_000 });
    expect(r.exitCode, r.log).toBe(0);
    expect(r.log).toContain('on-bridge');
  });
});


// ---------------------------------------------------------------------------------------------
// The example services: each Dockerfile (naive and good) is built with real BuildKit, the image
// is run, and its --selftest line must equal what `go run` prints on the host.

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const BUILD_TIMEOUT = 600_000;

interface Program {
  /** Package to `go run` on the host, relative to the example. */
  readonly pkg: string;
  /** Command in the naive image (it has a shell and no ENTRYPOINT). */
  readonly naiveCmd: string;
  /** --target of the good Dockerfile whose ENTRYPOINT runs this program (undefined: last stage). */
  readonly goodTarget: string | undefined;
}

interface ExampleCase {
  readonly name: string;
  readonly programs: readonly Program[];
  /** Step lines the naive build's plain log must contain. */
  readonly naiveSteps: readonly RegExp[];
  /** Step lines the good build's plain log must contain. */
  readonly goodSteps: readonly RegExp[];
}

const CASES: readonly ExampleCase[] = [
  {
    name: 'greeter',
    programs: [{ pkg: '.', naiveCmd: '/app/greeter', goodTarget: undefined }],
    naiveSteps: [/^#\d+ \[3\/5\] COPY \. \.$/m, /^#\d+ \[4\/5\] RUN go mod download$/m, /^#\d+ \[5\/5\] RUN go build -o \/app\/greeter \.$/m],
    goodSteps: [
      /^#\d+ \[builder 3\/6\] COPY go\.mod go\.sum \.\/$/m,
      /^#\d+ \[builder 4\/6\] RUN --mount=type=cache,target=\/go\/pkg\/mod\s+go mod download$/m,
      /^#\d+ \[builder 6\/6\] RUN --mount=type=cache.*CGO_ENABLED=0 go build .*-o \/out\/greeter \.$/m,
      /^#\d+ \[stage-1 2\/2\] COPY --from=builder \/out\/greeter \/usr\/local\/bin\/greeter$/m,
    ],
  },
  {
    name: 'multicmd',
    programs: ['server', 'worker', 'migrate'].map((c) => ({
      pkg: `./cmd/${c}`,
      naiveCmd: `/app/bin/${c}`,
      goodTarget: c === 'server' ? undefined : c,
    })),
    naiveSteps: [
      /^#\d+ \[5\/7\] RUN go build -o \/app\/bin\/server \.\/cmd\/server$/m,
      /^#\d+ \[6\/7\] RUN go build -o \/app\/bin\/worker \.\/cmd\/worker$/m,
      /^#\d+ \[7\/7\] RUN go build -o \/app\/bin\/migrate \.\/cmd\/migrate$/m,
    ],
    goodSteps: [/^#\d+ \[builder 6\/6\] RUN .*-o \/out\/ \.\/cmd\/\.\.\.$/m, /^#\d+ \[server 2\/2\] COPY --from=builder \/out\/server /m],
  },
  {
    name: 'privmod',
    programs: [{ pkg: '.', naiveCmd: '/app/privmod', goodTarget: undefined }],
    naiveSteps: [/^#\d+ \[4\/5\] RUN go mod download$/m],
    goodSteps: [
      /^#\d+ \[builder 4\/7\] COPY third_party\/auth\/go\.mod third_party\/auth\/go\.sum \.\/third_party\/auth\/$/m,
      /^#\d+ \[builder 5\/7\] RUN --mount=type=cache,target=\/go\/pkg\/mod\s+go mod download$/m,
    ],
  },
];

async function goRun(dir: string, pkg: string, args: readonly string[]): Promise<string> {
  const r = await runProcess('go', ['run', pkg, ...args], { cwd: dir, timeoutMs: 300_000, env: { GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' } });
  expect(r.exitCode, r.combined).toBe(0);
  return r.stdout;
}

async function imageConfig(tag: string): Promise<{ user: string; size: number }> {
  const r = await docker(['image', 'inspect', '--format', '{{.Config.User}}|{{.Size}}', tag], { timeoutMs: 30_000 });
  expect(r.exitCode, r.combined).toBe(0);
  const [user = '', size = '0'] = r.stdout.trim().split('|');
  return { user, size: Number(size) };
}

describe.each(CASES)('example $name', (ex) => {
  const dir = join(EXAMPLES, ex.name);
  const expected = new Map<string, string>();

  beforeAll(async () => {
    for (const p of ex.programs) expected.set(p.pkg, await goRun(dir, p.pkg, ['--selftest']));
  });

  it('passes its own go tests and prints a selftest line on the host', async () => {
    const r = await runProcess('go', ['test', './...'], { cwd: dir, timeoutMs: 300_000, env: { GOTOOLCHAIN: 'local' } });
    expect(r.exitCode, r.combined).toBe(0);
    for (const p of ex.programs) expect(expected.get(p.pkg)).toMatch(/^\w+ selftest: .+\n$/);
  });

  it('naive Dockerfile: builds with BuildKit, runs as root, prints the same selftest line', async () => {
    const tag = uniqueTag(`${ex.name}-naive`);
    created.push(tag);
    const b = await dockerBuild({ context: dir, dockerfile: join(dir, 'Dockerfile.naive'), tag, progress: 'plain', timeoutMs: BUILD_TIMEOUT });
    expect(b.exitCode, b.log).toBe(0);
    expect(b.log).toContain('load build definition from Dockerfile.naive');
    for (const step of ex.naiveSteps) expect(b.log).toMatch(step);
    for (const p of ex.programs) {
      const r = await dockerRun(tag, [p.naiveCmd, '--selftest'], { timeoutMs: 60_000 });
      expect(r.exitCode, r.combined).toBe(0);
      expect(r.stdout).toBe(expected.get(p.pkg));
    }
    expect((await imageConfig(tag)).user).toBe('');
  });

  it('good Dockerfile: cache mounts, distroless non-root image, same selftest line, cached rebuild', async () => {
    const tags = new Map<string | undefined, string>();
    for (const p of ex.programs) {
      const tag = uniqueTag(`${ex.name}-${p.goodTarget ?? 'good'}`);
      created.push(tag);
      const b = await dockerBuild({
        context: dir, tag, progress: 'plain', timeoutMs: BUILD_TIMEOUT,
        ...(p.goodTarget === undefined ? {} : { target: p.goodTarget }),
      });
      expect(b.exitCode, b.log).toBe(0);
      if (p.goodTarget === undefined) for (const step of ex.goodSteps) expect(b.log).toMatch(step);
      tags.set(p.goodTarget, tag);
      const r = await dockerRun(tag, ['--selftest'], { timeoutMs: 60_000 });
      expect(r.exitCode, r.combined).toBe(0);
      expect(r.stdout).toBe(expected.get(p.pkg));
      const cfg = await imageConfig(tag);
      expect(cfg.user).toBe('nonroot:nonroot');
      expect(cfg.size).toBeLessThan(30_000_000);
    }
    // Nothing changed: every step of the rebuild comes from the cache.
    const again = await dockerBuild({ context: dir, tag: tags.get(undefined)!, progress: 'plain', timeoutMs: BUILD_TIMEOUT });
    expect(again.exitCode, again.log).toBe(0);
    expect(again.log).toMatch(/^#\d+ \[builder \d\/\d\] RUN --mount=type=cache,target=\/go\/pkg\/mod\s+go mod download\n#\d+ (?:sha256:\w+\n#\d+ )?CACHED$/m);
    expect(again.log).not.toMatch(/^#\d+ \d+\.\d+ /m); // no RUN printed output: nothing executed
  });
});

describe('greeter image serves HTTP', () => {
  it('answers on a host port from the distroless image, admin group guarded by ADMIN_TOKEN', async () => {
    const dir = join(EXAMPLES, 'greeter');
    const tag = uniqueTag('greeter-serve');
    created.push(tag);
    const b = await dockerBuild({ context: dir, tag, progress: 'plain', timeoutMs: BUILD_TIMEOUT });
    expect(b.exitCode, b.log).toBe(0);
    const port = await freePort();
    const name = `stevedore-greeter-${process.pid}-${port}`;
    const started = await docker(
      ['run', '-d', '--rm', '--name', name, '--network=host', '-e', 'ADMIN_TOKEN=tok', tag, '-addr', `127.0.0.1:${port}`],
      { timeoutMs: 60_000 },
    );
    expect(started.exitCode, started.combined).toBe(0);
    try {
      const base = `http://127.0.0.1:${port}`;
      // Readiness: poll (bounded) until the server accepts connections.
      const hello = await fetchWhenUp(`${base}/hello/grace%20hopper`, 30_000);
      expect(hello).toEqual({ status: 200, body: 'Hello, Grace Hopper!\n' });
      const denied = await fetch(`${base}/admin/routes`, { signal: AbortSignal.timeout(5_000) });
      expect(denied.status).toBe(403);
      const admin = await fetch(`${base}/admin/routes`, { headers: { 'X-Admin-Token': 'tok' }, signal: AbortSignal.timeout(5_000) });
      expect(await admin.json()).toContain('GET /hello/:name');
    } finally {
      await docker(['rm', '-f', name], { timeoutMs: 30_000 });
    }
  });
});

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
  const addr = srv.address();
  await new Promise<void>((ok) => srv.close(() => ok()));
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  return addr.port;
}

async function fetchWhenUp(url: string, deadlineMs: number): Promise<{ status: number; body: string }> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return { status: r.status, body: await r.text() };
    } catch (err) {
      if (Date.now() > until) throw new Error(`${url} did not answer within ${deadlineMs} ms`, { cause: err });
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Standalone BuildKit (optional: `engine.sh buildkit`). Runs when BUILDKIT_HOST is set; then a
// missing or dead buildkitd fails the suite instead of skipping it.
describe.skipIf(process.env.BUILDKIT_HOST === undefined || process.env.BUILDKIT_HOST === '')('standalone buildkitd', () => {
  beforeAll(() => {
    requireBuildctl();
  });

  it('builds the good greeter Dockerfile with rawjson progress (base images via the local mirror)', async () => {
    const r = await buildctlBuild({ context: join(EXAMPLES, 'greeter'), progress: 'rawjson', timeoutMs: BUILD_TIMEOUT });
    expect(r.exitCode, r.log).toBe(0);
    const names = r.log
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .flatMap((l) => ((JSON.parse(l) as { vertexes?: { name: string }[] }).vertexes ?? []).map((v) => v.name));
    expect(names).toContain('[builder 3/6] COPY go.mod go.sum ./');
    expect(names.some((n) => /^\[builder 4\/6\] RUN --mount=type=cache,target=\/go\/pkg\/mod\s+go mod download$/.test(n))).toBe(true);
  });

  it('supports heredocs, which the 20.10 built-in frontend rejects', async () => {
    const ctx = context('heredoc', 'FROM busybox:latest\nRUN <<EOF\necho from-heredoc-$((2+3))\nEOF\n');
    const bk = await buildctlBuild({ context: ctx, progress: 'plain', noCache: true, timeoutMs: 120_000 });
    expect(bk.exitCode, bk.log).toBe(0);
    expect(bk.log).toContain('from-heredoc-5');
    const old = await dockerBuild({ context: ctx, progress: 'plain', timeoutMs: 120_000 });
    expect(old.exitCode).not.toBe(0);
    expect(old.log).toMatch(/unknown instruction: ECHO/i);
  });
});
