/**
 * @module scripts/make-log-fixtures
 * Reproduces real build failures against the real engine (Docker 20.10's embedded BuildKit via
 * scripts/engine.sh, the classic builder, and buildctl/rawjson when a standalone buildkitd runs)
 * and stores their logs as fixtures under src/diagnose/__fixtures__/real/<case>/:
 * plain.log (and classic.log / rawjson.log where the client allows), meta.json (how it was made,
 * engine version, expected category and failing step).
 *
 * Run by hand:  source .engine/env && npx tsx scripts/make-log-fixtures.ts [case ...]
 * The slow suite (src/diagnose/fixtures.slow.test.ts) imports CASES and reproduce() from here.
 *
 * Servers in this script are real HTTP servers on 127.0.0.1: a GOPROXY tree for a fake module
 * (optionally serving an altered zip, 404s worded like proxy.golang.org, or 401s). They stand in
 * for the internet, which does not exist here.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { buildctlAvailable, buildctlBuild, dockerBuild, engineInfo, runProcess } from '../test/engine.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_DIR = join(ROOT, 'src/diagnose/__fixtures__/real');

// ---------------------------------------------------------------- a fake module and its proxy

const FAKE_MOD = 'example.com/fake';
const FAKE_VER = 'v1.0.0';
const FAKE_GOMOD = `module ${FAKE_MOD}\n\ngo 1.21\n`;
const FAKE_GO = 'package fake\n\n// Hello says hello.\nfunc Hello() string { return "hello" }\n';

/** A stored (uncompressed) zip archive; enough for module zips, which the go command accepts. */
function makeZip(files: readonly [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text);
    const nameBuf = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The go.sum "h1:" hash (dirhash Hash1): sha256 over "sha256(file)  name\n" lines, sorted. */
function h1(files: readonly [string, string][]): string {
  const summary = [...files]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, text]) => `${createHash('sha256').update(text).digest('hex')}  ${name}\n`)
    .join('');
  return `h1:${createHash('sha256').update(summary).digest('base64')}`;
}

const ZIP_FILES: [string, string][] = [
  [`${FAKE_MOD}@${FAKE_VER}/go.mod`, FAKE_GOMOD],
  [`${FAKE_MOD}@${FAKE_VER}/fake.go`, FAKE_GO],
];
export const FAKE_GOSUM = `${FAKE_MOD} ${FAKE_VER} ${h1(ZIP_FILES)}\n${FAKE_MOD} ${FAKE_VER}/go.mod ${h1([['go.mod', FAKE_GOMOD]])}\n`;

export type ProxyMode = 'good' | 'altered-zip' | 'unauthorized';

/**
 * A GOPROXY on 127.0.0.1 serving FAKE_MOD. Unknown paths get 404 with the body wording
 * proxy.golang.org uses ("not found: …"), so the go command prints a real `server response`.
 */
export async function startProxy(mode: ProxyMode): Promise<{ url: string; close: () => Promise<void> }> {
  const prefix = `/${FAKE_MOD}/@v/`;
  const altered = makeZip([ZIP_FILES[0]!, [ZIP_FILES[1]![0], FAKE_GO.replace('hello', 'pwned')]]);
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (mode === 'unauthorized') {
      res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Basic realm="private modules"' });
      res.end('unauthorized\n');
      return;
    }
    const send = (status: number, body: string | Buffer, type = 'text/plain'): void => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (url === `${prefix}list`) return send(200, `${FAKE_VER}\n`);
    if (url === `${prefix}${FAKE_VER}.info`) return send(200, JSON.stringify({ Version: FAKE_VER, Time: '2024-01-01T00:00:00Z' }), 'application/json');
    if (url === `${prefix}${FAKE_VER}.mod`) return send(200, FAKE_GOMOD);
    if (url === `${prefix}${FAKE_VER}.zip`) return send(200, mode === 'altered-zip' ? altered : makeZip(ZIP_FILES), 'application/zip');
    const m = /^\/(.+)\/@v\/(.+)\.(?:info|mod|zip)$/.exec(url);
    if (m !== null) return send(404, `not found: ${m[1]}@${m[2]}: invalid version: unknown revision ${m[2]}`);
    const l = /^\/(.+)\/@v\/list$/.exec(url);
    if (l !== null) return send(404, `not found: module ${l[1]}: no matching versions`);
    return send(404, 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

// ---------------------------------------------------------------- the cases

/** How a log is made; `buildctl-plain` is buildctl --progress=plain against the standalone buildkitd. */
export type Mode = 'plain' | 'classic' | 'rawjson' | 'newclient' | 'tty' | 'buildctl-plain';

/** The buildkitd release `engine.sh buildkit` builds; names the new-style plain fixture file. */
export const BUILDKITD_VERSION = '0.29';

/** The file a mode's log is stored in. */
export function fileForMode(mode: Mode): string {
  if (mode === 'newclient') return 'plain.log';
  if (mode === 'buildctl-plain') return `plain-buildkit-${BUILDKITD_VERSION}.log`;
  return `${mode}.log`;
}

export interface FixtureCase {
  readonly name: string;
  readonly description: string;
  readonly expected: { readonly category: string; readonly failingStep: string | null };
  /** Files of the build context (and Dockerfile). `{{PROXY}}` is replaced by the proxy URL. */
  readonly files: Readonly<Record<string, string>>;
  readonly proxy?: ProxyMode;
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** Which clients to run: plain BuildKit (default), classic builder, buildctl rawjson. */
  readonly modes?: readonly Mode[];
  readonly dockerfileFlag?: string;
  /**
   * The buildctl runs (rawjson.log, plain-buildkit-0.29.log): `skip` says why this case is not run
   * against buildkitd; `failingStep` is the step current BuildKit names when it differs from 20.10.
   */
  readonly buildctl?: { readonly skip?: string; readonly failingStep?: string | null };
  /** Host-side preparation in the context dir (e.g. cross-compiling a foreign binary). */
  readonly prepare?: (dir: string) => void;
}

const GO_APP_MOD = `module example.com/app\n\ngo 1.21\n\nrequire ${FAKE_MOD} ${FAKE_VER}\n`;
const GO_APP_MAIN = `package main\n\nimport (\n\t"fmt"\n\n\t"${FAKE_MOD}"\n)\n\nfunc main() { fmt.Println(fake.Hello()) }\n`;
const DL_DOCKERFILE = 'FROM golang:1.26 AS build\nARG GOPROXY\nENV GOPROXY=$GOPROXY GONOSUMDB=example.com GOFLAGS=-mod=mod\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /out/app .\n';

export const CASES: readonly FixtureCase[] = [
  {
    name: 'goproxy-closed-port',
    description: 'GOPROXY points at a closed port on loopback',
    expected: { category: 'go_proxy_unreachable', failingStep: '[4/6] RUN go mod download' },
    files: { 'go.mod': GO_APP_MOD, 'go.sum': FAKE_GOSUM, 'main.go': GO_APP_MAIN, Dockerfile: DL_DOCKERFILE },
    buildArgs: { GOPROXY: 'http://127.0.0.1:9' },
    modes: ['plain', 'rawjson', 'tty'],
  },
  {
    name: 'goproxy-unresolvable',
    description: 'GOPROXY names a host that does not resolve',
    expected: { category: 'dns_failure', failingStep: '[4/6] RUN go mod download' },
    files: { 'go.mod': GO_APP_MOD, 'go.sum': FAKE_GOSUM, 'main.go': GO_APP_MAIN, Dockerfile: DL_DOCKERFILE },
    buildArgs: { GOPROXY: 'http://goproxy.stevedore-nonexistent.invalid' },
  },
  {
    name: 'go-checksum-mismatch',
    description: 'a loopback GOPROXY serves an altered zip; go.sum holds the right hash',
    expected: { category: 'go_checksum_mismatch', failingStep: '[4/6] RUN go mod download' },
    files: { 'go.mod': GO_APP_MOD, 'go.sum': FAKE_GOSUM, 'main.go': GO_APP_MAIN, Dockerfile: DL_DOCKERFILE },
    proxy: 'altered-zip',
    buildArgs: { GOPROXY: '{{PROXY}}' },
    modes: ['plain', 'rawjson'],
  },
  {
    name: 'go-sum-missing-entry',
    description: 'go.sum lacks the entry of a required module',
    expected: { category: 'go_sum_missing_entry', failingStep: '[5/5] RUN go build -o /out/app .' },
    files: {
      'go.mod': GO_APP_MOD,
      'go.sum': '',
      'main.go': GO_APP_MAIN,
      Dockerfile: 'FROM golang:1.26 AS build\nENV GOPROXY=off\nWORKDIR /src\nCOPY go.mod go.sum ./\nCOPY . .\nRUN go build -o /out/app .\n',
    },
  },
  {
    name: 'go-version-too-old',
    description: 'go.mod says go 1.99 (the image has Go 1.26 and GOTOOLCHAIN=local)',
    expected: { category: 'go_version_too_old', failingStep: '[4/4] RUN go build -o /out/app .' },
    files: {
      'go.mod': 'module example.com/app\n\ngo 1.99\n',
      'main.go': 'package main\n\nfunc main() {}\n',
      Dockerfile: 'FROM golang:1.26 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n',
    },
  },
  {
    name: 'copy-source-missing',
    description: 'COPY of a file that is not in the context',
    expected: { category: 'copy_source_missing', failingStep: '[2/2] COPY config.yaml /etc/app/' },
    files: { 'main.go': 'package main\n', Dockerfile: 'FROM alpine:3.20\nCOPY config.yaml /etc/app/\n' },
    modes: ['plain', 'classic', 'tty'],
  },
  {
    name: 'copy-source-dockerignored',
    description: 'COPY of a file that exists but is excluded by .dockerignore',
    expected: { category: 'copy_source_missing', failingStep: '[2/2] COPY secrets.env /etc/app/' },
    files: { 'secrets.env': 'A=1\n', '.dockerignore': '*.env\n', Dockerfile: 'FROM alpine:3.20\nCOPY secrets.env /etc/app/\n' },
    modes: ['plain', 'classic'],
  },
  {
    name: 'unknown-instruction',
    description: 'a misspelt instruction (RUNN)',
    expected: { category: 'dockerfile_syntax', failingStep: null },
    files: { Dockerfile: 'FROM alpine:3.20\nRUNN echo hello\n' },
    modes: ['plain', 'classic'],
  },
  {
    name: 'mount-with-classic-builder',
    description: 'RUN --mount built with DOCKER_BUILDKIT=0',
    expected: { category: 'buildkit_not_enabled', failingStep: null },
    files: { Dockerfile: 'FROM golang:1.26\nRUN --mount=type=cache,target=/root/.cache/go-build go version\n' },
    modes: ['classic'],
  },
  {
    name: 'buildx-missing',
    description: 'a Docker 28 client with BuildKit requested but no buildx plugin installed',
    expected: { category: 'buildkit_not_enabled', failingStep: null },
    files: { Dockerfile: 'FROM alpine:3.20\nRUN true\n' },
    modes: ['newclient'],
  },
  {
    name: 'cgo-no-gcc',
    description: 'cgo code built in an image without gcc',
    expected: { category: 'cgo_toolchain_missing', failingStep: '[4/4] RUN CGO_ENABLED=1 go build -o /out/app .' },
    files: {
      'go.mod': 'module example.com/app\n\ngo 1.21\n',
      'main.go': 'package main\n\n// #include <stdlib.h>\nimport "C"\n\nfunc main() { C.free(nil) }\n',
      Dockerfile: 'FROM golang:1.26\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 go build -o /out/app .\n',
    },
  },
  {
    name: 'go-compile-error',
    description: 'an undefined identifier',
    expected: { category: 'go_compile_error', failingStep: '[4/4] RUN go build -o /out/app .' },
    files: {
      'go.mod': 'module example.com/app\n\ngo 1.21\n',
      'main.go': 'package main\n\nfunc main() { undefinedThing() }\n',
      Dockerfile: 'FROM golang:1.26 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n',
    },
    modes: ['plain', 'rawjson', 'tty'],
  },
  {
    name: 'go-no-go-files',
    description: 'go build in a directory without Go files (sources copied elsewhere)',
    expected: { category: 'go_no_go_files', failingStep: '[4/4] RUN go build -o /out/app .' },
    files: {
      'go.mod': 'module example.com/app\n\ngo 1.21\n',
      'cmd/app/main.go': 'package main\n\nfunc main() {}\n',
      Dockerfile: 'FROM golang:1.26 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app .\n',
    },
  },
  {
    name: 'copy-from-unknown-stage',
    // Current BuildKit fails the stage's image lookup itself, so the errored vertex is the metadata load.
    buildctl: { failingStep: '[internal] load metadata for docker.io/library/biulder:latest' },
    description: 'COPY --from names a stage that does not exist (typo)',
    expected: { category: 'copy_from_unknown_stage', failingStep: 'FROM docker.io/library/biulder:latest' },
    files: {
      'main.go': 'package main\n',
      Dockerfile: 'FROM golang:1.26 AS builder\nRUN echo built > /app\n\nFROM alpine:3.20\nCOPY --from=biulder /app /app\n',
    },
  },
  {
    name: 'go-private-module-401',
    description: 'a private module proxy on loopback answers 401 (no credentials in the build)',
    expected: { category: 'go_private_repo_auth', failingStep: '[4/6] RUN go mod download' },
    files: { 'go.mod': GO_APP_MOD, 'go.sum': FAKE_GOSUM, 'main.go': GO_APP_MAIN, Dockerfile: DL_DOCKERFILE },
    proxy: 'unauthorized',
    buildArgs: { GOPROXY: '{{PROXY}}' },
  },
  {
    name: 'go-unknown-revision',
    description: 'go.mod requires a version the proxy does not have',
    expected: { category: 'go_unknown_revision', failingStep: '[4/6] RUN go mod download' },
    files: {
      'go.mod': GO_APP_MOD.replace(FAKE_VER, 'v1.9.9'),
      'go.sum': '',
      'main.go': GO_APP_MAIN,
      Dockerfile: DL_DOCKERFILE,
    },
    proxy: 'good',
    buildArgs: { GOPROXY: '{{PROXY}}' },
  },
  {
    name: 'go-vcs-missing',
    description: 'a direct (GOPROXY=direct) fetch in an image without git',
    expected: { category: 'go_vcs_tool_missing', failingStep: '[4/6] RUN go mod download' },
    files: {
      'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire github.com/stevedore-test/nothing v1.0.0\n',
      'go.sum': '',
      'main.go': 'package main\n\nfunc main() {}\n',
      Dockerfile: DL_DOCKERFILE,
    },
    buildArgs: { GOPROXY: 'direct' },
  },
  {
    name: 'oom-ulimit',
    description: 'a Go program allocating past a virtual-memory limit (ulimit -v) in RUN',
    expected: { category: 'oom_killed', failingStep: '[4/4] RUN ulimit -v 1000000 && /hog' },
    files: {
      'go.mod': 'module example.com/hog\n\ngo 1.21\n',
      'main.go': 'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar keep [][]byte\n\tfor i := 0; i < 64; i++ {\n\t\tb := make([]byte, 64<<20)\n\t\tfor j := range b {\n\t\t\tb[j] = 1\n\t\t}\n\t\tkeep = append(keep, b)\n\t}\n\tfmt.Println(len(keep))\n}\n',
      Dockerfile: 'FROM golang:1.26\nCOPY . /src\nRUN cd /src && CGO_ENABLED=0 go build -o /hog .\nRUN ulimit -v 1000000 && /hog\n',
    },
  },
  {
    name: 'disk-full-shm',
    buildctl: { skip: 'debian:12 is not mirrored in the loopback registry buildkitd pulls from (only debian:bookworm-slim is)' },
    description: 'writing past the 64 MB /dev/shm tmpfs of the build container',
    expected: { category: 'disk_full', failingStep: '[2/2] RUN dd if=/dev/zero of=/dev/shm/fill bs=1M count=200' },
    files: { Dockerfile: 'FROM debian:12\nRUN dd if=/dev/zero of=/dev/shm/fill bs=1M count=200\n' },
  },
  {
    name: 'exec-format-error',
    buildctl: { skip: 'debian:12 is not mirrored in the loopback registry buildkitd pulls from (only debian:bookworm-slim is)' },
    description: 'running an arm64 binary (built with GOARCH=arm64) on an amd64 builder without binfmt',
    expected: { category: 'platform_mismatch', failingStep: '[3/3] RUN ["/usr/local/bin/hello-arm64"]' },
    // Exec form: busybox sh would run an unknown ELF as a shell script instead of failing.
    files: { Dockerfile: 'FROM debian:12\nCOPY hello-arm64 /usr/local/bin/\nRUN ["/usr/local/bin/hello-arm64"]\n' },
    prepare: (dir) => {
      writeFileSync(join(dir, 'main.go'), 'package main\n\nfunc main() { println("hello") }\n');
      writeFileSync(join(dir, 'go.mod'), 'module example.com/hello\n\ngo 1.21\n');
      const r = spawnSync('go', ['build', '-o', 'hello-arm64', '.'], { cwd: dir, env: { ...process.env, GOOS: 'linux', GOARCH: 'arm64', CGO_ENABLED: '0', GOFLAGS: '', GOTOOLCHAIN: 'local' }, timeout: 120_000 });
      if (r.status !== 0) throw new Error(`cross-compiling the arm64 binary failed: ${r.stderr.toString()}`);
    },
    modes: ['plain', 'rawjson'],
  },
  {
    name: 'dockerfile-not-found',
    description: '-f names a Dockerfile that does not exist',
    expected: { category: 'dockerfile_not_found', failingStep: null },
    files: { 'main.go': 'package main\n' },
    dockerfileFlag: 'Dockerfile.prod',
  },
];

// ---------------------------------------------------------------- reproduction

export interface Reproduction {
  readonly mode: Mode;
  readonly log: string;
  readonly exitCode: number;
  readonly argv: readonly string[];
}

function writeContext(c: FixtureCase, proxyUrl: string): string {
  const dir = mkdtempSync(join(tmpdir(), `stevedore-fx-${c.name}-`));
  for (const [name, text] of Object.entries(c.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text.replaceAll('{{PROXY}}', proxyUrl));
  }
  c.prepare?.(dir);
  return dir;
}

/** Runs one case in the given modes against the engine and returns the captured logs. */
export async function reproduce(c: FixtureCase, modes: readonly Mode[] = c.modes ?? ['plain']): Promise<Reproduction[]> {
  const proxy = c.proxy === undefined ? null : await startProxy(c.proxy);
  const dir = writeContext(c, proxy?.url ?? '');
  const buildArgs = Object.fromEntries(Object.entries(c.buildArgs ?? {}).map(([k, v]) => [k, v.replaceAll('{{PROXY}}', proxy?.url ?? '')]));
  const out: Reproduction[] = [];
  try {
    for (const mode of modes) {
      const dockerfile = c.dockerfileFlag === undefined ? undefined : join(dir, c.dockerfileFlag);
      if (mode === 'rawjson' || mode === 'buildctl-plain') {
        if (!buildctlAvailable()) continue;
        const r = await buildctlBuild({
          context: dir,
          ...(c.dockerfileFlag === undefined ? {} : { filename: c.dockerfileFlag }),
          progress: mode === 'rawjson' ? 'rawjson' : 'plain',
          noCache: true,
          buildArgs,
          // engine.sh starts buildkitd with --oci-worker-net=host, so RUN reaches 127.0.0.1 servers.
          timeoutMs: 300_000,
        });
        out.push({ mode, log: r.log, exitCode: r.exitCode, argv: ['buildctl', ...r.argv] });
      } else if (mode === 'tty') {
        // The 20.10 client draws tty progress only on a terminal: run it under script(1), which
        // gives it a pty and records what a user would copy from their screen (ANSI and all).
        const info = engineInfo();
        const q = (a: string): string => `'${a.replaceAll("'", "'\\''")}'`;
        const args = ['/usr/bin/docker', 'build', '--network=host', '--progress=tty', '--no-cache', ...Object.entries(buildArgs).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]), dir];
        const r = await runProcess('script', ['-qec', args.map(q).join(' '), '/dev/null'], {
          timeoutMs: 300_000,
          env: { ...process.env, DOCKER_HOST: info?.dockerHost ?? '', DOCKER_BUILDKIT: '1', COLUMNS: '120', LINES: '40', TERM: 'xterm' },
        });
        out.push({ mode, log: r.combined, exitCode: r.exitCode, argv: ['script', '-qec', args.join(' ')] });
      } else if (mode === 'newclient') {
        const info = engineInfo();
        const argv = ['build', '--progress=plain', dir];
        const r = await runProcess('/usr/local/bin/docker', argv, { timeoutMs: 60_000, env: { ...process.env, DOCKER_HOST: info?.dockerHost ?? '', DOCKER_BUILDKIT: '1' } });
        out.push({ mode, log: r.combined, exitCode: r.exitCode, argv: ['/usr/local/bin/docker', ...argv] });
      } else {
        const r = await dockerBuild({
          context: dir,
          ...(dockerfile === undefined ? {} : { dockerfile }),
          progress: 'plain',
          noCache: true,
          classic: mode === 'classic',
          buildArgs,
          timeoutMs: 300_000,
        });
        out.push({ mode, log: r.log, exitCode: r.exitCode, argv: ['docker', ...r.argv] });
      }
    }
  } finally {
    await proxy?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** Replaces the random temp dir and proxy port so committed fixtures do not churn needlessly. */
export function normalizeLog(log: string): string {
  return log
    .replace(/\/tmp\/stevedore-fx-[A-Za-z0-9-]+/g, '/tmp/stevedore-fx-CASE')
    .replace(/127\.0\.0\.1:(?!9\b)\d{2,5}/g, '127.0.0.1:PORT');
}

function engineVersion(): string {
  const info = engineInfo();
  const r = spawnSync(info?.docker ?? '/usr/bin/docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

interface ProducedEntry { readonly file: string; readonly exitCode: number; readonly command: string }

/** meta.json of an earlier run, so a partial run (STEVEDORE_FIXTURE_MODES) keeps the other files. */
function previousProduced(dir: string): ProducedEntry[] {
  try {
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { produced?: ProducedEntry[] };
    return meta.produced ?? [];
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  if (engineInfo() === undefined) throw new Error('no engine: run `bash scripts/engine.sh up && source .engine/env` first');
  const only = new Set(process.argv.slice(2));
  // STEVEDORE_FIXTURE_MODES=rawjson,buildctl-plain re-makes only those logs and keeps the others.
  const modeFilter = process.env.STEVEDORE_FIXTURE_MODES?.split(',').filter((m) => m !== '') as Mode[] | undefined;
  const version = engineVersion();
  for (const c of CASES) {
    if (only.size > 0 && !only.has(c.name)) continue;
    process.stdout.write(`${c.name}: `);
    // Every case also goes through the standalone buildkitd when one runs: rawjson (for the DAG)
    // and buildctl's plain output (the current wording of failures).
    const buildctlModes: readonly Mode[] = ['rawjson', 'buildctl-plain'];
    const modes: Mode[] = (c.modes ?? ['plain']).filter((m) => c.buildctl?.skip === undefined || !buildctlModes.includes(m));
    if (buildctlAvailable() && c.buildctl?.skip === undefined) for (const m of ['rawjson', 'buildctl-plain'] as const) if (!modes.includes(m)) modes.push(m);
    const reps = await reproduce(c, modeFilter === undefined ? modes : modes.filter((m) => modeFilter.includes(m)));
    const dir = join(FIXTURE_DIR, c.name);
    mkdirSync(dir, { recursive: true });
    const produced = new Map(previousProduced(dir).map((p) => [p.file, p]));
    if (c.buildctl?.skip !== undefined) {
      for (const m of buildctlModes) {
        produced.delete(fileForMode(m));
        rmSync(join(dir, fileForMode(m)), { force: true });
      }
    }
    const notes: string[] = [];
    for (const r of reps) {
      const file = fileForMode(r.mode);
      // A failure of the Docker client or classic builder (e.g. no buildx, --mount without
      // BuildKit) does not happen on buildctl: a passing buildctl log is no fixture of it.
      if ((r.mode === 'rawjson' || r.mode === 'buildctl-plain') && r.exitCode === 0) {
        notes.push(`${file} not stored: the build succeeds on buildkitd (the failure is specific to the Docker client or builder)`);
        rmSync(join(dir, file), { force: true });
        produced.delete(file);
        continue;
      }
      writeFileSync(join(dir, file), normalizeLog(r.log));
      produced.set(file, { file, exitCode: r.exitCode, command: r.argv.map((a) => normalizeLog(a)).join(' ') });
    }
    const hasRawjson = produced.has('rawjson.log');
    const meta = {
      case: c.name,
      description: c.description,
      source: 'reproduced',
      producedBy: 'scripts/make-log-fixtures.ts',
      engine: {
        docker: version,
        buildkit: 'embedded in dockerd',
        client: '/usr/bin/docker (20.10)',
        ...(hasRawjson ? { buildkitd: `v${BUILDKITD_VERSION}.0 (standalone, buildctl client) for rawjson.log and ${fileForMode('buildctl-plain')}` } : {}),
      },
      rawjson: hasRawjson ? 'buildctl --progress=rawjson' : 'not produced: the Docker 20.10 client has no --progress=rawjson and no standalone buildkitd was running',
      produced: [...produced.values()],
      ...(notes.length > 0 ? { notes } : {}),
      expected: c.expected,
      ...(c.buildctl?.failingStep === undefined ? {} : { expectedBuildkitd: { failingStep: c.buildctl.failingStep } }),
      ...(c.buildctl?.skip === undefined ? {} : { buildkitdSkipped: c.buildctl.skip }),
      dockerfile: c.files.Dockerfile ?? null,
    };
    writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
    process.stdout.write(`${reps.map((r) => `${r.mode}=exit ${r.exitCode}`).join(', ')}\n`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    process.stderr.write(`make-log-fixtures: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
