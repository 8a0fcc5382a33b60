/**
 * @module cli/commands/parse
 * `stevedore parse`: parse a Dockerfile and print its AST or semantic model
 */
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';

export const parseCommand = defineCommand({
  name: 'parse',
  summary: 'parse a Dockerfile and print its AST or semantic model',
  usage: '[--format json|buildkit-dump] FILE',
  options: {},
  run() {
    return Promise.reject(new StevedoreError('CLI_USAGE', 'stevedore parse is not built yet'));
  },
});
