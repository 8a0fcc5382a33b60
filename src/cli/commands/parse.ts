/**
 * @module cli/commands/parse
 * `stevedore parse`: parse a Dockerfile and print BuildKit's dump format, the AST, or the
 * semantic model (stages, ARG scopes, expanded words) as JSON.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { defineCommand, type Io } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';
import { buildModel, dump, parse, type BuildOptions, type DockerfileAst } from '../../dockerfile/index.ts';

const FORMATS = ['json', 'ast', 'buildkit-dump'] as const;
type Format = (typeof FORMATS)[number];

async function readInput(file: string, io: Io): Promise<{ text: string; name: string }> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
    return { text: Buffer.concat(chunks).toString('utf8'), name: '<stdin>' };
  }
  // The error boundary re-reads the file to print the offending line, so name it as it can be opened.
  const path = isAbsolute(file) || resolve(io.cwd) === process.cwd() ? file : resolve(io.cwd, file);
  try {
    return { text: readFileSync(path, 'utf8'), name: path };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'IO_NOT_FOUND' : 'IO_READ_FAILED';
    throw new StevedoreError(code, `cannot read ${file}: ${(e as Error).message}`, { cause: e, data: { file } });
  }
}

function parseBuildArgs(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new StevedoreError('CLI_USAGE', `--build-arg expects NAME=VALUE, got ${JSON.stringify(kv)}`);
    out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

/** JSON with Maps as plain objects. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? Object.fromEntries(v as Map<string, unknown>) : v), 2) + '\n';
}

/** The AST without its source text (that is the input file; repeating it would double the output). */
function withoutText(ast: DockerfileAst): Omit<DockerfileAst, 'text'> {
  const { text: _text, ...rest } = ast;
  return rest;
}

export const parseCommand = defineCommand({
  name: 'parse',
  summary: 'parse a Dockerfile and print its AST or semantic model',
  usage: '[--format json|ast|buildkit-dump] [--build-arg K=V]... [--target STAGE] [--platform OS/ARCH] FILE',
  description:
    'json (default): the semantic model — AST, typed instructions, stages, ARG scopes, expanded words, target and reachability.\n' +
    'ast: the syntax tree with source ranges. buildkit-dump: the output of BuildKit\'s parser Dump(), byte for byte.\n' +
    'FILE may be - for standard input. A malformed file exits 2 with the offending line.',
  options: {
    format: { type: 'string', description: 'output format: json, ast or buildkit-dump', placeholder: 'FORMAT' },
    'build-arg': { type: 'string', multiple: true, description: 'set a build argument, as docker build --build-arg', placeholder: 'K=V' },
    target: { type: 'string', description: 'target stage (default: the last stage)', placeholder: 'STAGE' },
    platform: { type: 'string', description: 'target platform for TARGETPLATFORM and friends (default linux/amd64)', placeholder: 'OS/ARCH' },
  },
  examples: ['stevedore parse Dockerfile', 'stevedore parse --format buildkit-dump Dockerfile', 'stevedore parse --build-arg GO_VERSION=1.23 --target build Dockerfile'],
  minPositionals: 1,
  maxPositionals: 1,
  async run({ options, positionals, io }) {
    const format = (options.format ?? 'json') as Format;
    if (!FORMATS.includes(format)) {
      throw new StevedoreError('CLI_USAGE', `unknown --format ${JSON.stringify(options.format)}; expected one of ${FORMATS.join(', ')}`);
    }
    const { text, name } = await readInput(positionals[0]!, io);
    const ast = parse(text, { file: name });
    if (format === 'buildkit-dump') {
      io.stdout.write(dump(ast));
      return 0;
    }
    if (format === 'ast') {
      io.stdout.write(toJson(withoutText(ast)));
      return 0;
    }
    const build: BuildOptions = {
      buildArgs: parseBuildArgs(options['build-arg'] ?? []),
      ...(options.target === undefined ? {} : { target: options.target }),
      ...(options.platform === undefined ? {} : { targetPlatform: options.platform }),
    };
    const model = buildModel(ast, build);
    io.stdout.write(toJson({ ...model, ast: withoutText(model.ast) }));
    return 0;
  },
});
