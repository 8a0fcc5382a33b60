/**
 * @module cli/commands/explain
 * `stevedore explain`: explain which steps rebuild between two states of the context, and why
 */
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';

export const explainCommand = defineCommand({
  name: 'explain',
  summary: 'explain which steps rebuild between two states of the context, and why',
  usage: '--from REV [--to REV|--worktree] [options]',
  options: {},
  run() {
    return Promise.reject(new StevedoreError('CLI_USAGE', 'stevedore explain is not built yet'));
  },
});
