/**
 * @module cli/commands/lint
 * `stevedore lint`: lint Dockerfiles for cache efficiency, Go pitfalls, security and
 * correctness. Each file is linted on its own: a file that cannot be read or parsed is an input
 * error (printed with its code frame, exit 2) but the other files are still linted; the exit
 * code is the maximum over files (1 when any finding is an error or warning).
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { defineCommand, type Io } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';
import { renderCodeFrame } from '../../util/code-frame.ts';
import {
  contextFromDirectory, defaultConfig, exitCodeFor, findConfigFile, formatFindings, isFormat, lint, loadConfigFile, RULES,
  type ContextView, type FileResult, type LintConfig,
} from '../../lint/index.ts';

/** Reads a Dockerfile given on the command line (`-` is stdin). */
export async function readInput(file: string, io: Io): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new StevedoreError(code === 'ENOENT' ? 'IO_NOT_FOUND' : 'IO_READ_FAILED', `cannot read ${file}: ${(e as Error).message}`, { cause: e, data: { file } });
  }
}

/** The config for one file: --config, else stevedore.json next to the file or in the cwd, else defaults. */
export function resolveConfig(file: string, explicit: string | undefined, io: Io, cache: Map<string, LintConfig>): LintConfig {
  const path = explicit !== undefined ? resolve(io.cwd, explicit) : file === '-' ? findConfigFile('Dockerfile', io.cwd) : findConfigFile(file, io.cwd);
  if (path === undefined) return defaultConfig(RULES);
  let config = cache.get(path);
  if (config === undefined) {
    config = loadConfigFile(path, RULES);
    cache.set(path, config);
  }
  return config;
}

/** --context, else the Dockerfile's folder (the cwd for stdin). */
export function resolveContext(file: string, explicit: string | undefined, io: Io): ContextView {
  const dir = explicit !== undefined ? resolve(io.cwd, explicit) : file === '-' ? io.cwd : dirname(resolve(io.cwd, file));
  return contextFromDirectory(dir, file === '-' ? {} : { dockerfile: resolve(io.cwd, file) });
}

/** Prints an input error for one file (with the offending line when located) and returns its exit code. */
export function printFileError(e: unknown, file: string, text: string | undefined, io: Io): number {
  if (!(e instanceof StevedoreError)) throw e;
  const loc = e.location;
  const where = loc !== undefined && loc.line > 0 ? `${loc.file ?? file}:${loc.line}:${loc.column}: ` : `${file}: `;
  io.stderr.write(`stevedore: ${where}error[${e.code}]: ${e.message}\n`);
  if (text !== undefined && loc !== undefined && loc.line > 0) {
    const frame = renderCodeFrame(text, loc.line, loc.column, loc.endLine === loc.line ? loc.endColumn : undefined);
    if (frame !== undefined) io.stderr.write(frame);
  }
  if (e.info.hint !== undefined) io.stderr.write(`hint: ${e.info.hint}\n`);
  return e.info.exit;
}

export function displayName(file: string, io: Io): string {
  if (file === '-') return '<stdin>';
  const rel = relative(io.cwd, resolve(io.cwd, file));
  return rel.startsWith('..') ? file : rel;
}

export const lintCommand = defineCommand({
  name: 'lint',
  summary: 'lint Dockerfiles for cache efficiency, Go pitfalls, security and correctness',
  usage: '[--format text|json|sarif|github] [--context DIR] [--config FILE] FILE...',
  description: 'Exit 1 when a finding is an error or a warning (info alone gives 0), 2 on bad input or config. Rules: docs/lint.md.',
  options: {
    format: { type: 'string', description: 'output format: text (default), json, sarif or github', placeholder: 'NAME' },
    context: { type: 'string', description: 'build context for rules that read files (default: the Dockerfile\'s folder)', placeholder: 'DIR' },
    config: { type: 'string', description: 'config file (default: stevedore.json next to the Dockerfile or in the cwd)', placeholder: 'FILE' },
  },
  examples: ['stevedore lint Dockerfile', 'stevedore lint --format sarif --context . build/Dockerfile > lint.sarif'],
  minPositionals: 1,
  async run({ options, positionals, io }) {
    const format = options.format ?? 'text';
    if (!isFormat(format)) throw new StevedoreError('LINT_UNKNOWN_FORMAT', `unknown format ${JSON.stringify(format)}`);
    const configs = new Map<string, LintConfig>();
    // A bad --config is a usage error for the whole run: fail before linting anything.
    if (options.config !== undefined) resolveConfig('-', options.config, io, configs);
    const results: FileResult[] = [];
    let exit = 0;
    for (const file of positionals) {
      const name = displayName(file, io);
      let text: string | undefined;
      try {
        text = await readInput(file, io);
        const config = resolveConfig(file, options.config, io, configs);
        const context = resolveContext(file, options.context, io);
        const findings = lint(text, { file: name, config, context });
        results.push({ file: name, text, findings });
        exit = Math.max(exit, exitCodeFor(findings));
      } catch (e) {
        exit = Math.max(exit, printFileError(e, name, text, io));
      }
    }
    io.stdout.write(formatFindings(format, results, RULES));
    return exit;
  },
});
