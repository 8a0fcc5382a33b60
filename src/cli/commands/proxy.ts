/**
 * @module cli/commands/proxy
 * `stevedore proxy`: run a caching Go module proxy (subcommands: warm, export, import)
 */
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';

export const proxyCommand = defineCommand({
  name: 'proxy',
  summary: 'run a caching Go module proxy (subcommands: warm, export, import)',
  usage: '[warm|export|import] [options]',
  options: {},
  run() {
    return Promise.reject(new StevedoreError('CLI_USAGE', 'stevedore proxy is not built yet'));
  },
});
