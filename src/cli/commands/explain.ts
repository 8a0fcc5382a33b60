/**
 * @module cli/commands/explain
 * `stevedore explain`: explain which steps rebuild between two states of the context, and why
 */
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';
import { explain, openContext, parseStateSpec, renderText, saveContextSnapshot, parsePairs, resolveContext, type StateSpec } from '../../cachekey/index.ts';

export const explainCommand = defineCommand({
  name: 'explain',
  summary: 'explain which steps rebuild between two states of the context, and why',
  usage: '--from REV [--to REV|--worktree] [options]',
  description:
    'A (--from) is what the build cache holds, B (--to, default the working tree) is what you build next. ' +
    'REV is a git revision of the context (read with git, no checkout), `worktree`, or `snapshot:FILE` ' +
    '(written by --save-snapshot; it keeps mtimes, which enables STALE_RISK / TRANSFER_ONLY warnings).',
  options: {
    dockerfile: { type: 'string', short: 'f', description: 'Dockerfile path (default: <context>/Dockerfile)', placeholder: 'FILE' },
    context: { type: 'string', description: 'build context directory (default: .)', placeholder: 'DIR' },
    from: { type: 'string', description: 'state A: git revision, worktree or snapshot:FILE', placeholder: 'REV' },
    to: { type: 'string', description: 'state B: git revision, worktree or snapshot:FILE', placeholder: 'REV' },
    worktree: { type: 'boolean', description: 'state B is the working tree (the default)' },
    'build-arg': { type: 'string', multiple: true, description: 'build argument for both states', placeholder: 'K=V' },
    'from-build-arg': { type: 'string', multiple: true, description: 'build argument for state A only (what the previous build used)', placeholder: 'K=V' },
    'to-build-arg': { type: 'string', multiple: true, description: 'build argument for state B only', placeholder: 'K=V' },
    target: { type: 'string', description: 'target stage', placeholder: 'STAGE' },
    'from-target': { type: 'string', description: 'target stage of state A, when it differs', placeholder: 'STAGE' },
    format: { type: 'string', description: 'text (default) or json', placeholder: 'FMT' },
    'image-from': { type: 'string', multiple: true, description: 'what an image ref resolved to in A', placeholder: 'REF=DIGEST' },
    'image-to': { type: 'string', multiple: true, description: 'what an image ref resolves to in B', placeholder: 'REF=DIGEST' },
    'legacy-buildkit': { type: 'boolean', description: 'predict BuildKit < 0.13 (Docker 20.10): cache-mount id/sharing are in the RUN key' },
    'save-snapshot': { type: 'string', description: 'write a snapshot of the working-tree context (with mtimes) and exit', placeholder: 'FILE' },
  },
  examples: [
    'stevedore explain --from HEAD~1',
    'stevedore explain --from main --to feature --target app --format json',
    'stevedore explain --save-snapshot /tmp/before.json   # then: stevedore explain --from snapshot:/tmp/before.json',
  ],
  maxPositionals: 0,
  async run({ options, io }) {
    const { contextDir, dockerfile } = resolveContext(io.cwd, options.context, options.dockerfile);
    if (options['save-snapshot'] !== undefined) {
      const snap = await openContext({ kind: 'worktree' }, { contextDir, dockerfile });
      await saveContextSnapshot(snap, dockerfile, options['save-snapshot']);
      io.stdout.write(`snapshot of ${snap.entries.size} entries written to ${options['save-snapshot']}\n`);
      return 0;
    }
    if (options.from === undefined) throw new StevedoreError('CLI_USAGE', 'stevedore explain: --from REV is required');
    if (options.to !== undefined && options.worktree === true) throw new StevedoreError('CLI_USAGE', 'stevedore explain: give --to REV or --worktree, not both');
    const format = options.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new StevedoreError('CLI_USAGE', `stevedore explain: --format ${format}: expected text or json`);
    const to: StateSpec = options.to === undefined ? { kind: 'worktree' } : parseStateSpec(options.to);
    const report = await explain({
      contextDir,
      dockerfile,
      from: parseStateSpec(options.from),
      to,
      buildArgs: parsePairs(options['build-arg'], '--build-arg'),
      buildArgsFrom: parsePairs(options['from-build-arg'], '--from-build-arg'),
      buildArgsTo: parsePairs(options['to-build-arg'], '--to-build-arg'),
      ...(options.target === undefined ? {} : { target: options.target }),
      ...(options['from-target'] === undefined ? {} : { targetFrom: options['from-target'] }),
      imageDigestsFrom: parsePairs(options['image-from'], '--image-from'),
      imageDigestsTo: parsePairs(options['image-to'], '--image-to'),
      legacyCacheMountKeys: options['legacy-buildkit'] === true,
    });
    io.stdout.write(format === 'json' ? `${JSON.stringify({ steps: report.steps, warnings: report.warnings, from: report.from, to: report.to }, null, 2)}\n` : renderText(report));
    return 0;
  },
});
