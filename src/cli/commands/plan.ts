/**
 * @module cli/commands/plan
 * `stevedore plan`: list, per step, the files and build args that invalidate it
 */
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';

export const planCommand = defineCommand({
  name: 'plan',
  summary: 'list, per step, the files and build args that invalidate it',
  usage: '[--dockerfile F] [--context DIR]',
  options: {},
  run() {
    return Promise.reject(new StevedoreError('CLI_USAGE', 'stevedore plan is not built yet'));
  },
});
