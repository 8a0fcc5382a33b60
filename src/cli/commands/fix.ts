/**
 * @module cli/commands/fix
 * `stevedore fix`: apply safe fixes (and suggestions with --unsafe) to a Dockerfile
 */
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';

export const fixCommand = defineCommand({
  name: 'fix',
  summary: 'apply safe fixes (and suggestions with --unsafe) to a Dockerfile',
  usage: '[--write|--diff] [--unsafe] FILE',
  options: {},
  run() {
    return Promise.reject(new StevedoreError('CLI_USAGE', 'stevedore fix is not built yet'));
  },
});
