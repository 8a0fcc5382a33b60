/**
 * @module util/args
 * Command definitions for the CLI: option specs with descriptions, parsed by node:util
 * parseArgs (strict, so an unknown flag is a usage error), with `--help` and `--version`
 * handled the same way for every command.
 */
import { parseArgs } from 'node:util';
import { StevedoreError } from '../errors.ts';
import { VERSION } from './version.ts';

export interface Io {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  readonly stdin: NodeJS.ReadableStream;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  readonly short?: string;
  readonly multiple?: boolean;
  /** Shown in help only; defaults are applied by the command so they stay typed. */
  readonly placeholder?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? S['multiple'] extends true ? boolean[] : boolean
  : S['multiple'] extends true ? string[] : string;

export type ParsedOptions<O extends OptionSpecs> = { [K in keyof O]?: ValueOf<O[K]> };

export interface CommandSpec<O extends OptionSpecs> {
  readonly name: string;
  readonly summary: string;
  /** e.g. "[options] FILE..." */
  readonly usage: string;
  readonly description?: string;
  readonly options: O;
  readonly examples?: readonly string[];
  readonly minPositionals?: number;
  readonly maxPositionals?: number;
  run(args: { options: ParsedOptions<O>; positionals: string[]; io: Io }): Promise<number>;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  help(): string;
  run(argv: readonly string[], io: Io): Promise<number>;
}

export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  const help = (): string => renderHelp(spec);
  return {
    name: spec.name,
    summary: spec.summary,
    help,
    async run(argv, io) {
      if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout.write(help());
        return 0;
      }
      if (argv.includes('--version')) {
        io.stdout.write(`${VERSION}\n`);
        return 0;
      }
      const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
      for (const [name, o] of Object.entries(spec.options)) {
        options[name] = {
          type: o.type,
          ...(o.short === undefined ? {} : { short: o.short }),
          ...(o.multiple === undefined ? {} : { multiple: o.multiple }),
        };
      }
      let parsed;
      try {
        parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
      } catch (e) {
        throw new StevedoreError('CLI_USAGE', `stevedore ${spec.name}: ${(e as Error).message}`, { cause: e });
      }
      const positionals = parsed.positionals;
      if (spec.minPositionals !== undefined && positionals.length < spec.minPositionals) {
        throw new StevedoreError('CLI_USAGE', `stevedore ${spec.name}: expected ${spec.usage}`);
      }
      if (spec.maxPositionals !== undefined && positionals.length > spec.maxPositionals) {
        throw new StevedoreError(
          'CLI_USAGE',
          `stevedore ${spec.name}: unexpected argument ${JSON.stringify(positionals[spec.maxPositionals])}`,
        );
      }
      return spec.run({ options: parsed.values as ParsedOptions<O>, positionals, io });
    },
  };
}

function renderHelp<O extends OptionSpecs>(spec: CommandSpec<O>): string {
  const lines = [`Usage: stevedore ${spec.name} ${spec.usage}`, '', spec.summary];
  if (spec.description !== undefined) lines.push('', spec.description);
  const entries = Object.entries(spec.options);
  lines.push('', 'Options:');
  const rows = entries.map(([name, o]) => {
    const flag = `${o.short === undefined ? '    ' : `-${o.short}, `}--${name}${o.type === 'string' ? ` ${o.placeholder ?? 'VALUE'}` : ''}`;
    return [flag, o.description + (o.multiple === true ? ' (repeatable)' : '')] as const;
  });
  rows.push(['-h, --help', 'show this help'], ['    --version', 'print the version']);
  const width = Math.max(...rows.map(([f]) => f.length));
  for (const [f, d] of rows) lines.push(`  ${f.padEnd(width)}  ${d}`);
  if (spec.examples !== undefined && spec.examples.length > 0) {
    lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  }
  return lines.join('\n') + '\n';
}
