/**
 * @module cli/commands/timeline
 * `stevedore timeline`: rebuild the step timeline of a build from its log
 */
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';

export const timelineCommand = defineCommand({
  name: 'timeline',
  summary: 'rebuild the step timeline of a build from its log',
  usage: '[FILE|-] [--format text|json]',
  options: {},
  run() {
    return Promise.reject(new StevedoreError('CLI_USAGE', 'stevedore timeline is not built yet'));
  },
});
