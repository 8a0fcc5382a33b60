/**
 * @module goproxy/testing/proxy-child
 * Child process for benchmarks and crash tests: runs one proxy (so a benchmark client does not
 * share its event loop, and a test can SIGKILL it) with the config given as JSON in argv[2];
 * prints its URL, stops gracefully on SIGTERM.
 */
import { parseFileConfig, resolveConfig } from '../config.ts';
import { startProxy } from '../proxy.ts';

const file = parseFileConfig(JSON.parse(process.argv[2] ?? '{}'), 'proxy-child argv');
const config = resolveConfig({ file, env: {}, flags: {}, cwd: process.cwd() });
const running = await startProxy(config, { logger: { log() {} } });
process.stdout.write(`${running.url}\n`);
process.once('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
