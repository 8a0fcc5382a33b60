/**
 * @module cli/commands/plan
 * `stevedore plan`: list, per step, the files and build args that invalidate it
 */
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';
import { loadState, parsePairs, parseStateSpec, planSteps, renderPlan, resolveContext } from '../../cachekey/index.ts';

export const planCommand = defineCommand({
  name: 'plan',
  summary: 'list, per step, the files and build args that invalidate it',
  usage: '[--dockerfile F] [--context DIR]',
  options: {
    dockerfile: { type: 'string', short: 'f', description: 'Dockerfile path (default: <context>/Dockerfile)', placeholder: 'FILE' },
    context: { type: 'string', description: 'build context directory (default: .)', placeholder: 'DIR' },
    rev: { type: 'string', description: 'plan a git revision instead of the working tree', placeholder: 'REV' },
    'build-arg': { type: 'string', multiple: true, description: 'build argument', placeholder: 'K=V' },
    target: { type: 'string', description: 'target stage', placeholder: 'STAGE' },
    format: { type: 'string', description: 'text (default) or json', placeholder: 'FMT' },
  },
  examples: ['stevedore plan', 'stevedore plan --context services/api --target app --format json'],
  maxPositionals: 0,
  async run({ options, io }) {
    const { contextDir, dockerfile } = resolveContext(io.cwd, options.context, options.dockerfile);
    const format = options.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new StevedoreError('CLI_USAGE', `stevedore plan: --format ${format}: expected text or json`);
    const state = await loadState(options.rev === undefined ? { kind: 'worktree' } : parseStateSpec(options.rev), {
      contextDir,
      dockerfile,
      buildArgs: parsePairs(options['build-arg'], '--build-arg'),
      ...(options.target === undefined ? {} : { target: options.target }),
    });
    try {
      const fromArgs = state.model.globalArgs.map((g) => g.name).filter((n) => state.model.stages.some((s) => s.reachable && new RegExp(`\\$\\{?${n}\\b`).test(s.from.image.raw)));
      const steps = planSteps(state.graph, state.content, state.snap, fromArgs);
      io.stdout.write(format === 'json' ? `${JSON.stringify({ steps }, null, 2)}\n` : renderPlan(steps));
      return 0;
    } finally {
      await state.snap.close();
    }
  },
});
