/**
 * @module cli/commands/lint
 * `stevedore lint`: lint Dockerfiles for cache efficiency, Go pitfalls, security and correctness
 */
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';

export const lintCommand = defineCommand({
  name: 'lint',
  summary: 'lint Dockerfiles for cache efficiency, Go pitfalls, security and correctness',
  usage: '[options] FILE...',
  options: {},
  run() {
    return Promise.reject(new StevedoreError('CLI_USAGE', 'stevedore lint is not built yet'));
  },
});
