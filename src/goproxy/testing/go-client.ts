/**
 * @module goproxy/testing/go-client
 * Runs the real go command (GOTOOLCHAIN=local, GOENV=off, own GOMODCACHE/GOPATH/HOME in a temp
 * dir, GOFLAGS=-mod=mod) against a proxy, for end-to-end tests and benchmarks. The build cache
 * (GOCACHE) is shared across runs in os.tmpdir(): it is content-addressed and safe to share, and
 * rebuilding the standard library per test would only cost time.
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GO = process.env['GO'] ?? '/usr/local/go/bin/go';

export interface GoResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function goEnv(home: string, extra: Readonly<Record<string, string>>): Record<string, string> {
  return {
    PATH: `/usr/local/go/bin:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
    HOME: home,
    GOPATH: join(home, 'gopath'),
    GOMODCACHE: join(home, 'modcache'),
    GOCACHE: process.env['STEVEDORE_TEST_GOCACHE'] ?? join(tmpdir(), 'stevedore-test-gocache'),
    GOTOOLCHAIN: 'local',
    GOENV: 'off',
    GOWORK: 'off',
    GOFLAGS: '-mod=mod -modcacherw',
    GO111MODULE: 'on',
    CGO_ENABLED: '0',
    GIT_TERMINAL_PROMPT: '0',
    ...extra,
  };
}

export function runGo(args: readonly string[], opts: { cwd: string; env: Record<string, string>; timeoutMs?: number }): Promise<GoResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(GO, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}
