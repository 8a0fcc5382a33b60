// Child process for bench/goproxy/run.ts: runs one proxy (so the benchmark client does not share
// its event loop) with the config given as JSON in argv[2]; prints its URL, stops on SIGTERM.
import { parseFileConfig, resolveConfig, startProxy } from '../../src/goproxy/index.ts';

const file = parseFileConfig(JSON.parse(process.argv[2] ?? '{}'), 'bench');
const config = resolveConfig({ file, env: {}, flags: {}, cwd: process.cwd() });
const running = await startProxy(config, { logger: { log() {} } });
process.stdout.write(`${running.url}\n`);
process.once('SIGTERM', () => {
  void running.close().then(() => process.exit(0));
});
