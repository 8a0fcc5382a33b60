/**
 * @module goproxy/testing/harness
 * Starts a real proxy on 127.0.0.1 (random port) with a temp store, for tests and benchmarks.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFileConfig, resolveConfig, type FileConfig } from '../config.ts';
import { startProxy, type ProxyDeps, type RunningProxy } from '../proxy.ts';
import { silentLogger } from '../server/log.ts';

export interface TestProxy extends RunningProxy {
  readonly dir: string;
  stop(): Promise<void>;
}

export async function startTestProxy(file: FileConfig, deps: ProxyDeps = {}, dir?: string): Promise<TestProxy> {
  const d = dir ?? (await mkdtemp(join(tmpdir(), 'stevedore-proxy-')));
  const config = resolveConfig({
    file: parseFileConfig({ storage: join(d, 'store'), gosumdb: 'off', listen: '127.0.0.1:0', direct: { goBinary: '/usr/local/go/bin/go', cacheDir: join(d, 'direct') }, ...file }, 'test'),
    env: {},
    flags: {},
    cwd: d,
  });
  const running = await startProxy(config, { logger: silentLogger, ...deps });
  return {
    ...running,
    dir: d,
    async stop() {
      await running.close();
      if (dir === undefined) await rm(d, { recursive: true, force: true });
    },
  };
}
