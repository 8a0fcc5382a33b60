/**
 * @module goproxy/upstream/direct
 * `direct` fetching by running the real go command, as Athens and goproxy/goproxy do (see
 * docs/goproxy.md for why not a TypeScript VCS client): `go mod download -json m@v` for
 * .info/.mod/.zip and `go list -m -json [-versions] m@q` for list/latest/queries. The child
 * gets a clean environment (GOTOOLCHAIN=local, GOENV=off, GOFLAGS=-modcacherw, GOWORK=off,
 * GOPROXY=direct, our GONOSUMDB/GOPRIVATE/GOSUMDB), a persistent private module cache (VCS
 * clones are reused across fetches), credentials only from the configured netrc, an empty
 * working directory, and a deadline that kills its whole process group (git children too).
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { StevedoreError } from '../../errors.ts';
import { Flight } from '../../util/flight.ts';
import type { ProxyRequest } from '../protocol/index.ts';
import type { Source, SourceResponse } from './source.ts';

export interface DirectOptions {
  readonly goBinary: string;
  /** Persistent private state: GOMODCACHE, GOCACHE and the empty working directory live here. */
  readonly cacheDir: string;
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly goprivate: string;
  readonly gonosumdb: string;
  readonly gosumdb: string;
  readonly netrcFile: string | undefined;
  /** A git config file for the child (url.<base>.insteadOf rewrites, credential helpers). */
  readonly gitConfig?: string | undefined;
  /** Extra environment for the child (GOINSECURE, GIT_SSH_COMMAND, ...); never GOPROXY. */
  readonly extraEnv?: Readonly<Record<string, string>>;
}

interface DownloadJson {
  Path?: string;
  Version?: string;
  Error?: string;
  Info?: string;
  GoMod?: string;
  Zip?: string;
  Sum?: string;
}

interface ListJson {
  Path?: string;
  Version?: string;
  Versions?: string[];
  Time?: string;
  Error?: { Err?: string } | string;
}

/** Messages that mean "this module or version does not exist" (→ 404), not "fetching failed" (→ 502). */
const NOT_FOUND_HINTS = ['not found', 'unknown revision', 'invalid version', 'no matching versions', 'does not contain package', 'repository not found', 'no such host', 'unrecognized import path'];

export class DirectSource implements Source {
  readonly label = 'direct';
  readonly #downloads = new Flight<DownloadJson>();
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(private readonly opts: DirectOptions) {}

  /** The environment for the child: nothing inherited except PATH and a HOME we control. */
  environment(): Record<string, string> {
    const c = this.opts.cacheDir;
    return {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: join(c, 'home'),
      GOPATH: join(c, 'gopath'),
      GOMODCACHE: join(c, 'modcache'),
      GOCACHE: join(c, 'gocache'),
      GOTOOLCHAIN: 'local',
      GOENV: 'off',
      GOFLAGS: '-modcacherw',
      GOWORK: 'off',
      GO111MODULE: 'on',
      GOPROXY: 'direct',
      GONOPROXY: '',
      GOPRIVATE: this.opts.goprivate,
      GONOSUMDB: this.opts.gonosumdb,
      GOSUMDB: this.opts.gosumdb,
      GIT_TERMINAL_PROMPT: '0',
      GCM_INTERACTIVE: 'never',
      GIT_SSH_COMMAND: 'ssh -o ControlMaster=no -o BatchMode=yes',
      ...(this.opts.netrcFile === undefined ? {} : { NETRC: this.opts.netrcFile }),
      ...(this.opts.gitConfig === undefined ? {} : { GIT_CONFIG_GLOBAL: this.opts.gitConfig }),
      GIT_CONFIG_NOSYSTEM: '1',
      ...this.opts.extraEnv,
    };
  }

  async fetch(req: ProxyRequest, signal?: AbortSignal): Promise<SourceResponse> {
    if (req.kind === 'sumdb') throw new StevedoreError('GOPROXY_NOT_FOUND', 'direct does not serve checksum databases');
    if (req.kind === 'list') {
      const j = await this.#list(['-versions', req.module], signal);
      const versions = (j.Versions ?? []).join('\n');
      return bytes(versions === '' ? '' : `${versions}\n`);
    }
    if (req.kind === 'latest' || (req.kind === 'info' && !req.canonical)) {
      const q = req.kind === 'latest' ? 'latest' : req.version;
      const j = await this.#list([`${req.module}@${q}`], signal);
      return bytes(JSON.stringify({ Version: j.Version, ...(j.Time === undefined ? {} : { Time: j.Time }) }));
    }
    const key = `${req.module}@${req.version}`;
    const { value: d } = await this.#downloads.do(key, () => this.#download(key, signal));
    const file = req.kind === 'info' ? d.Info : req.kind === 'mod' ? d.GoMod : d.Zip;
    if (file === undefined) throw new StevedoreError('GOPROXY_DIRECT_FAILED', `go mod download ${key} reported no ${req.kind} file`);
    const s = await stat(file);
    return { body: createReadStream(file), size: s.size };
  }

  async #download(key: string, signal?: AbortSignal): Promise<DownloadJson> {
    const out = await this.#run(['mod', 'download', '-json', key], signal);
    const j = parseJson(out.stdout, key) as DownloadJson;
    if (j.Error !== undefined && j.Error !== '') throw classify(key, j.Error);
    if (out.code !== 0) throw classify(key, out.stderr);
    return j;
  }

  async #list(args: string[], signal?: AbortSignal): Promise<ListJson> {
    const what = args[args.length - 1]!;
    const out = await this.#run(['list', '-m', '-json', ...args], signal);
    if (out.code !== 0 && out.stdout.trim() === '') throw classify(what, out.stderr);
    const j = parseJson(out.stdout, what) as ListJson;
    if (j.Error !== undefined) throw classify(what, typeof j.Error === 'string' ? j.Error : (j.Error.Err ?? 'error'));
    return j;
  }

  async #acquire(): Promise<void> {
    if (this.#running < this.opts.concurrency) {
      this.#running++;
      return;
    }
    await new Promise<void>((r) => this.#waiting.push(r));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next !== undefined) next();
    else this.#running--;
  }

  async #run(args: string[], signal?: AbortSignal): Promise<{ code: number; stdout: string; stderr: string }> {
    await this.#acquire();
    try {
      const work = join(this.opts.cacheDir, 'work');
      await mkdir(work, { recursive: true });
      await mkdir(join(this.opts.cacheDir, 'home'), { recursive: true });
      return await new Promise((resolve, reject) => {
        const child = spawn(this.opts.goBinary, args, { cwd: work, env: this.environment(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        let killed: string | undefined;
        const killGroup = (why: string): void => {
          killed = why;
          try {
            if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          } catch (e) {
            // Named fallback: the group is already gone (ESRCH) — nothing left to kill.
            if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
          }
        };
        const timer = setTimeout(() => killGroup(`deadline of ${this.opts.timeoutMs} ms`), this.opts.timeoutMs);
        const onAbort = (): void => killGroup('request aborted');
        signal?.addEventListener('abort', onAbort, { once: true });
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          if (stdout.length < 1 << 20) stdout += c;
        });
        child.stderr.setEncoding('utf8').on('data', (c: string) => {
          if (stderr.length < 64 << 10) stderr += c;
        });
        child.on('error', (e) => {
          clearTimeout(timer);
          reject(new StevedoreError('GOPROXY_DIRECT_FAILED', `cannot run ${this.opts.goBinary}: ${e.message}`, { cause: e }));
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          if (killed !== undefined) {
            reject(new StevedoreError('GOPROXY_UPSTREAM_TIMEOUT', `go ${args.join(' ')} killed: ${killed}`, { data: { upstream: 'direct' } }));
          } else resolve({ code: code ?? 1, stdout, stderr });
        });
      });
    } finally {
      this.#release();
    }
  }
}

function bytes(s: string): SourceResponse {
  const b = Buffer.from(s);
  return { body: Readable.from([b]), size: b.byteLength };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new StevedoreError('GOPROXY_DIRECT_FAILED', `go command output for ${what} is not JSON: ${text.slice(0, 200)}`, { cause: e });
  }
}

function classify(what: string, message: string): StevedoreError {
  const m = message.trim().split('\n').slice(-3).join(' ').slice(0, 400);
  const lower = m.toLowerCase();
  if (NOT_FOUND_HINTS.some((h) => lower.includes(h)) && !lower.includes('terminal prompts disabled') && !lower.includes('authentication')) {
    return new StevedoreError('GOPROXY_NOT_FOUND', `direct: ${what}: ${m}`, { data: { upstream: 'direct' } });
  }
  return new StevedoreError('GOPROXY_DIRECT_FAILED', `direct: ${what}: ${m}`, { data: { upstream: 'direct' } });
}
