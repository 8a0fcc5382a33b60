/**
 * @module cli/commands/diagnose
 * `stevedore diagnose`: name the root cause of a failed build from its log, with a fix
 */
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';

export const diagnoseCommand = defineCommand({
  name: 'diagnose',
  summary: 'name the root cause of a failed build from its log, with a fix',
  usage: '[FILE|-] [options]',
  options: {},
  run() {
    return Promise.reject(new StevedoreError('CLI_USAGE', 'stevedore diagnose is not built yet'));
  },
});
