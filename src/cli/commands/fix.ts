/**
 * @module cli/commands/fix
 * `stevedore fix`: apply safe fixes (and suggestions with --unsafe) to a Dockerfile, in passes
 * until stable (at most 10). Without --write/--diff the fixed file goes to stdout. --write
 * replaces the file atomically (temp file + rename) and writes the context files some fixes
 * create (e.g. .dockerignore); it checks every target first, so a refusal leaves disk untouched.
 */
import { appendFileSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';
import { fix } from '../../lint/index.ts';
import { displayName, printFileError, readInput, resolveConfig, resolveContext } from './lint.ts';

/** A unified diff with one hunk spanning the changed lines (common prefix/suffix trimmed: linear). */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const ctx = 3;
  const start = Math.max(0, pre - ctx);
  const endA = Math.min(a.length, a.length - suf + ctx);
  const endB = Math.min(b.length, b.length - suf + ctx);
  const lines = [`--- a/${name}`, `+++ b/${name}`, `@@ -${start + 1},${endA - start} +${start + 1},${endB - start} @@`];
  for (let i = start; i < pre; i++) lines.push(` ${a[i]!}`);
  for (let i = pre; i < a.length - suf; i++) lines.push(`-${a[i]!}`);
  for (let i = pre; i < b.length - suf; i++) lines.push(`+${b[i]!}`);
  for (let i = a.length - suf; i < endA; i++) lines.push(` ${a[i]!}`);
  return `${lines.join('\n')}\n`;
}

export const fixCommand = defineCommand({
  name: 'fix',
  summary: 'apply safe fixes (and suggestions with --unsafe) to a Dockerfile',
  usage: '[--write|--diff] [--unsafe] [--context DIR] [--config FILE] FILE',
  description: 'Fixes are applied in passes until stable (at most 10); the result always re-parses and a second run changes nothing. Without --write or --diff the fixed file is printed.',
  options: {
    write: { type: 'boolean', description: 'write the fixed file back (and context files such as .dockerignore)' },
    diff: { type: 'boolean', description: 'print a unified diff instead of the file' },
    unsafe: { type: 'boolean', description: 'also apply suggestions (changes that may alter the build)' },
    context: { type: 'string', description: 'build context (default: the Dockerfile\'s folder)', placeholder: 'DIR' },
    config: { type: 'string', description: 'config file (default: stevedore.json next to the Dockerfile or in the cwd)', placeholder: 'FILE' },
  },
  examples: ['stevedore fix --diff Dockerfile', 'stevedore fix --write Dockerfile'],
  minPositionals: 1,
  maxPositionals: 1,
  async run({ options, positionals, io }) {
    const file = positionals[0]!;
    if (options.write === true && options.diff === true) throw new StevedoreError('CLI_USAGE', 'stevedore fix: --write and --diff exclude each other');
    if (options.write === true && file === '-') throw new StevedoreError('CLI_USAGE', 'stevedore fix: --write needs a file, not stdin');
    const name = displayName(file, io);
    let text: string | undefined;
    try {
      text = await readInput(file, io);
      const config = resolveConfig(file, options.config, io, new Map());
      const context = resolveContext(file, options.context, io);
      const result = fix(text, { file: name, config, context, unsafe: options.unsafe === true });
      const summary = `stevedore fix: ${name}: applied ${result.applied.length} fix${result.applied.length === 1 ? '' : 'es'} in ${result.passes} pass${result.passes === 1 ? '' : 'es'}; ${result.remaining.length} finding${result.remaining.length === 1 ? '' : 's'} left\n`;
      if (options.write === true) {
        const targets = result.files.map((w) => ({ ...w, abs: resolve(context.root, w.path) }));
        for (const t of targets) {
          if (t.mode === 'create' && existsSync(t.abs)) {
            throw new StevedoreError('LINT_CONTEXT_FILE_EXISTS', `a fix would create ${t.abs}, which already exists; nothing was written`, { data: { file: t.abs } });
          }
        }
        const path = resolve(io.cwd, file);
        if (result.output !== text) {
          const tmp = join(dirname(path), `.${Date.now().toString(36)}.stevedore-fix.tmp`);
          writeFileSync(tmp, result.output);
          renameSync(tmp, path);
        }
        for (const t of targets) {
          if (t.mode === 'create') writeFileSync(t.abs, t.content, { flag: 'wx' });
          else appendFileSync(t.abs, t.content);
          io.stderr.write(`stevedore fix: ${t.mode === 'create' ? 'created' : 'updated'} ${t.abs}\n`);
        }
        io.stderr.write(summary);
      } else if (options.diff === true) {
        io.stdout.write(unifiedDiff(name, text, result.output));
        for (const t of result.files) io.stderr.write(`stevedore fix: --write would also ${t.mode === 'create' ? 'create' : 'append to'} ${t.path} in the context\n`);
      } else {
        io.stdout.write(result.output);
        for (const t of result.files) io.stderr.write(`stevedore fix: --write would also ${t.mode === 'create' ? 'create' : 'append to'} ${t.path} in the context\n`);
        io.stderr.write(summary);
      }
      return 0;
    } catch (e) {
      return printFileError(e, name, text, io);
    }
  },
});
