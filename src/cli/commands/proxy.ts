/**
 * @module cli/commands/proxy
 * `stevedore proxy`: run a caching Go module proxy; `proxy warm` fills its store from a project's
 * go.sum/go.mod ahead of a build; `proxy export` / `proxy import` move a module set to an
 * offline machine. Thin shell over the goproxy part.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { defineCommand, type Io } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';
import {
  createProxy,
  exportBundle,
  importBundle,
  readConfigFile,
  readModuleSet,
  resolveConfig,
  startProxy,
  warm,
  type ProxyConfig,
} from '../../goproxy/index.ts';

/** `go env GOPROXY` of this machine (the default upstream); undefined when go is absent. */
function machineGoproxy(env: Io['env']): string | undefined {
  const r = spawnSync('go', ['env', 'GOPROXY'], { encoding: 'utf8', timeout: 5000, env: { ...env } });
  // Named fallback: no go command here → the public proxy default applies.
  if (r.status !== 0 || typeof r.stdout !== 'string') return undefined;
  const v = r.stdout.trim();
  return v === '' ? undefined : v;
}

async function loadConfig(options: { config?: string; listen?: string; storage?: string; upstream?: string }, io: Io): Promise<ProxyConfig> {
  const file = options.config === undefined ? undefined : await readConfigFile(resolve(io.cwd, options.config));
  const flags = {
    ...(options.listen === undefined ? {} : { listen: options.listen }),
    ...(options.storage === undefined ? {} : { storage: options.storage }),
    ...(options.upstream === undefined ? {} : { upstream: options.upstream }),
  };
  const needMachine = options.upstream === undefined && file?.upstream === undefined;
  const mg = needMachine ? machineGoproxy(io.env) : undefined;
  return resolveConfig({ ...(file === undefined ? {} : { file }), env: io.env, flags, cwd: io.cwd, ...(mg === undefined ? {} : { machineGoproxy: mg }) });
}

export const proxyCommand = defineCommand({
  name: 'proxy',
  summary: 'run a caching Go module proxy (subcommands: warm, export, import)',
  usage: '[warm|export|import BUNDLE] [options]',
  description: [
    'Without a subcommand, serve the GOPROXY protocol (and checksum-database passthrough) on --listen.',
    '  warm    fetch every module of a project (--from go.sum|go.mod|DIR) into the store, in parallel',
    '  export  write the modules of --from into a bundle file (--out) for an offline machine',
    '  import  verify and store the modules of a bundle',
    'Point the go command at it with GOPROXY=http://HOST:PORT. See docs/goproxy.md.',
  ].join('\n'),
  options: {
    listen: { type: 'string', description: 'address to listen on (default 127.0.0.1:3000)', placeholder: 'HOST:PORT' },
    storage: { type: 'string', description: 'store directory (default: per-user cache dir)', placeholder: 'DIR' },
    upstream: { type: 'string', description: 'upstream list in GOPROXY syntax (default: go env GOPROXY)', placeholder: 'LIST' },
    config: { type: 'string', description: 'JSON config file', placeholder: 'FILE' },
    from: { type: 'string', description: 'warm/export: go.sum, go.mod or a directory (default: .)', placeholder: 'PATH' },
    concurrency: { type: 'string', description: 'warm: parallel fetches (default 16)', placeholder: 'N' },
    out: { type: 'string', description: 'export: bundle file to write', placeholder: 'BUNDLE' },
  },
  examples: [
    'stevedore proxy --listen 127.0.0.1:3000 --upstream https://proxy.golang.org,direct',
    'stevedore proxy warm --from go.sum --concurrency 32',
    'stevedore proxy export --from go.sum --out deps.bundle && stevedore proxy import deps.bundle',
  ],
  maxPositionals: 2,
  async run({ options, positionals, io }) {
    const [sub, arg] = positionals;
    if (sub === undefined) {
      if (options.from !== undefined || options.out !== undefined) throw new StevedoreError('CLI_USAGE', 'stevedore proxy: --from/--out belong to warm/export');
      const config = await loadConfig(options, io);
      const running = await startProxy(config);
      io.stderr.write(`stevedore proxy listening on ${running.url} (store ${config.storage}, upstream ${running.proxy.chain.labels.join(' ')})\n`);
      await new Promise<void>((r) => {
        process.once('SIGINT', r);
        process.once('SIGTERM', r);
      });
      io.stderr.write('stevedore proxy: shutting down\n');
      await running.close();
      return 0;
    }
    const config = await loadConfig(options, io);
    if (sub === 'import') {
      if (arg === undefined) throw new StevedoreError('CLI_USAGE', 'stevedore proxy import: expected BUNDLE');
      const proxy = createProxy(config);
      const r = await importBundle(proxy.store, resolve(io.cwd, arg));
      io.stdout.write(`imported ${r.files} files (${r.bytes} bytes) of ${r.modules} modules into ${config.storage}\n`);
      return 0;
    }
    if (sub !== 'warm' && sub !== 'export') throw new StevedoreError('CLI_USAGE', `stevedore proxy: unknown subcommand ${JSON.stringify(sub)} (warm, export, import)`);
    if (arg !== undefined) throw new StevedoreError('CLI_USAGE', `stevedore proxy ${sub}: unexpected argument ${JSON.stringify(arg)}`);
    const modules = await readModuleSet(resolve(io.cwd, options.from ?? '.'));
    const concurrency = options.concurrency === undefined ? 16 : Number(options.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) throw new StevedoreError('CLI_USAGE', `--concurrency must be an integer 1..1024, got ${JSON.stringify(options.concurrency)}`);
    const proxy = createProxy(config);
    const report = await warm({ service: proxy.service, store: proxy.store, modules, concurrency });
    io.stderr.write(`warm: ${report.requested} files: ${report.fetched} fetched, ${report.alreadyCached} already cached, ${report.failed.length} failed\n`);
    for (const f of report.failed) io.stderr.write(`  ${f.module}@${f.version} ${f.file}: ${f.error}\n`);
    if (sub === 'export') {
      if (options.out === undefined) throw new StevedoreError('CLI_USAGE', 'stevedore proxy export: --out BUNDLE is required');
      const r = await exportBundle(proxy.store, modules, resolve(io.cwd, options.out));
      io.stdout.write(`exported ${r.files} files (${r.bytes} bytes) of ${r.modules} modules to ${options.out}\n`);
      if (r.skipped.length > 0) io.stderr.write(`export: ${r.skipped.length} files were not available: ${r.skipped.slice(0, 5).join(', ')}\n`);
    }
    return report.failed.length > 0 ? 1 : 0;
  },
});
