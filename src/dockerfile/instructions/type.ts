/**
 * @module dockerfile/instructions/type
 * Typing: InstructionNode → Instruction, with BuildKit's argument-count rules, flag validation
 * per instruction, stage-name validation, mount parsing and ONBUILD trigger checks. Unknown
 * keywords are rejected here (the BuildKit-dump parser keeps them). Words carry source ranges.
 */
import { StevedoreError, type ErrorCode } from '../../errors.ts';
import { locationOf } from '../parse/node.ts';
import type {
  ArgInstruction, DockerfileAst, FromInstruction, Instruction, InstructionNode, KeyValue, Mount, Range, Word,
} from '../types.ts';
import { FLAG_SPECS, parseFlags, suggest } from './flags.ts';
import { MountError, parseMount } from './mount.ts';

/** The i-th argument as a Word with its source range. */
const wordAt = (node: InstructionNode, i: number): Word => ({ raw: node.args[i] ?? '', range: node.argRanges[i] ?? node.restRange });
const allWords = (node: InstructionNode, from = 0): Word[] => node.args.slice(from).map((_, i) => wordAt(node, i + from));

export const KEYWORDS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD',
  'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/;
const NO_SPEC = {};
const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

class Typer {
  constructor(
    private readonly escape: number,
    private readonly file: string | undefined,
  ) {}

  fail(code: ErrorCode, message: string, range: Range, node: InstructionNode): never {
    throw new StevedoreError(code, message, { location: locationOf(range, this.file), data: { instruction: node.keyword } });
  }

  type(node: InstructionNode, index: number): Instruction {
    const kw = node.keyword;
    const spec = FLAG_SPECS[kw] ?? NO_SPEC;
    if (!KEYWORD_SET.has(kw)) {
      const hint = suggest(kw, KEYWORDS);
      this.fail('DOCKERFILE_UNKNOWN_INSTRUCTION', `unknown instruction: ${node.keywordText}${hint === undefined ? '' : ` (did you mean ${hint.toLowerCase()}?)`}`, node.keywordRange, node);
    }
    // BuildKit does not read HEALTHCHECK NONE's flags at all (so it accepts any).
    const healthNone = kw === 'HEALTHCHECK' && node.args[0]?.toUpperCase() === 'NONE';
    const flags = parseFlags(healthNone ? { ...node, flags: [] } : node, spec, this.file);
    const base = { node, index };
    switch (kw) {
      case 'FROM':
        return this.from(node, index, flags.nodes.get('platform'));
      case 'RUN': {
        const mounts: Mount[] = (flags.occurrences.get('mount') ?? []).map((f) => {
          try {
            return parseMount(f.value ?? '', f.range);
          } catch (e) {
            if (e instanceof MountError) this.fail('DOCKERFILE_INVALID_MOUNT', e.message, f.range, node);
            throw e;
          }
        });
        const network = flags.values.get('network');
        if (network !== undefined && network !== 'default' && network !== 'none' && network !== 'host') {
          this.fail('DOCKERFILE_INVALID_FLAG', `unsupported network mode ${JSON.stringify(network)}`, flags.nodes.get('network')!.range, node);
        }
        const security = flags.values.get('security');
        if (security !== undefined && security !== 'sandbox' && security !== 'insecure') {
          this.fail('DOCKERFILE_INVALID_FLAG', `unsupported security mode ${JSON.stringify(security)}`, flags.nodes.get('security')!.range, node);
        }
        return {
          keyword: 'RUN', ...base, form: node.json ? 'exec' : 'shell', command: node.json ? node.args : (node.args[0] ?? ''), mounts,
          network, security,
        };
      }
      case 'CMD':
      case 'ENTRYPOINT':
      case 'SHELL':
        if (kw === 'SHELL') {
          this.atLeastOne(node, 'SHELL');
          if (!node.json) this.fail('DOCKERFILE_INVALID_INSTRUCTION', 'SHELL requires the arguments to be in JSON form', node.restRange, node);
        }
        return { keyword: kw, ...base, form: node.json ? 'exec' : 'shell', command: node.json ? node.args : (node.args[0] ?? '') };
      case 'COPY':
      case 'ADD': {
        if (node.args.length < 2) {
          this.fail('DOCKERFILE_MISSING_ARGUMENT', `${kw} requires at least two arguments, but only one was provided. Destination could not be determined`, node.range, node);
        }
        const words = allWords(node);
        const fromFlag = flags.nodes.get('from');
        return {
          keyword: kw, ...base, sources: words.slice(0, -1), dest: words[words.length - 1]!,
          from: fromFlag === undefined ? undefined : { raw: fromFlag.value ?? '', range: fromFlag.range },
          chown: flags.values.get('chown'), chmod: flags.values.get('chmod'), link: flags.values.get('link') === 'true',
          parents: flags.values.get('parents') === 'true', exclude: flags.lists.get('exclude') ?? [],
          checksum: flags.values.get('checksum'), keepGitDir: flags.values.get('keep-git-dir') === 'true',
        };
      }
      case 'ENV':
      case 'LABEL':
        return this.pairs(node, index, kw);
      case 'ARG':
        return this.arg(node, index);
      case 'MAINTAINER':
      case 'USER':
      case 'WORKDIR':
      case 'STOPSIGNAL':
        this.one(node, kw);
        return { keyword: kw, ...base, value: wordAt(node, 0) };
      case 'EXPOSE':
        this.atLeastOne(node, 'EXPOSE');
        return { keyword: 'EXPOSE', ...base, ports: allWords(node) };
      case 'VOLUME': {
        this.atLeastOne(node, 'VOLUME');
        const paths = allWords(node);
        for (const p of paths) if (p.raw === '') this.fail('DOCKERFILE_INVALID_INSTRUCTION', 'VOLUME needs a path here, not an empty string', p.range, node);
        return { keyword: 'VOLUME', ...base, paths };
      }
      case 'HEALTHCHECK':
        return this.healthcheck(node, index);
      default:
        return this.onbuild(node, index);
    }
  }

  private one(node: InstructionNode, name: string): void {
    if (node.args.length !== 1) this.fail('DOCKERFILE_MISSING_ARGUMENT', `${name} requires exactly one argument`, node.restRange, node);
  }

  private atLeastOne(node: InstructionNode, name: string): void {
    if (node.args.length === 0) this.fail('DOCKERFILE_MISSING_ARGUMENT', `${name} needs at least one argument`, node.keywordRange, node);
  }

  private from(node: InstructionNode, index: number, platform: { value: string | undefined; range: Range } | undefined): FromInstruction {
    const args = node.args;
    let stageName: Word | undefined;
    if (args.length === 3 && args[1]!.toLowerCase() === 'as') {
      stageName = wordAt(node, 2);
      if (!STAGE_NAME.test(args[2]!.toLowerCase())) {
        this.fail('DOCKERFILE_INVALID_STAGE_NAME', `stage name ${JSON.stringify(args[2])} is not allowed: start it with a letter and use only letters, digits, -, _ and .`, stageName.range, node);
      }
    } else if (args.length !== 1) {
      this.fail('DOCKERFILE_INVALID_INSTRUCTION', 'FROM takes an image, optionally followed by AS and a stage name (one or three words)', args.length === 0 ? node.keywordRange : node.restRange, node);
    }
    return {
      keyword: 'FROM', node, index, image: wordAt(node, 0), stageName,
      platform: platform === undefined ? undefined : { raw: platform.value ?? '', range: platform.range },
    };
  }

  private pairs(node: InstructionNode, index: number, kw: 'ENV' | 'LABEL'): Instruction {
    if (node.args.length === 0) this.fail('DOCKERFILE_MISSING_ARGUMENT', `${kw} needs at least one argument`, node.keywordRange, node);
    const legacy = node.args[2] === '';
    const pairs: KeyValue[] = [];
    for (let j = 0; j < node.args.length; j += 3) {
      const key = node.args[j]!;
      const value = node.args[j + 1]!;
      const k = node.argRanges[j];
      const v = node.argRanges[j + 1];
      const range = k === undefined || v === undefined ? node.restRange : { start: k.start, end: v.end };
      if (key === '') this.fail('DOCKERFILE_INVALID_INSTRUCTION', `${kw} has a pair with an empty name (blank before the =)`, range, node);
      pairs.push({ key, value, range });
    }
    return { keyword: kw, node, index, pairs, legacy: kw === 'ENV' && legacy };
  }

  private arg(node: InstructionNode, index: number): ArgInstruction {
    if (node.args.length === 0) this.fail('DOCKERFILE_MISSING_ARGUMENT', 'ARG needs at least one argument', node.keywordRange, node);
    const args = node.args.map((a, i) => {
      const range = node.argRanges[i] ?? node.restRange;
      const eq = a.indexOf('=');
      if (eq === 0) this.fail('DOCKERFILE_INVALID_INSTRUCTION', 'ARG has an empty name (blank before the =)', range, node);
      return { name: eq < 0 ? a : a.slice(0, eq), value: eq < 0 ? undefined : a.slice(eq + 1), range };
    });
    return { keyword: 'ARG', node, index, args };
  }

  private healthcheck(node: InstructionNode, index: number): Instruction {
    if (node.args.length === 0) this.fail('DOCKERFILE_MISSING_ARGUMENT', 'HEALTHCHECK needs at least one argument', node.keywordRange, node);
    const typ = node.args[0]!.toUpperCase();
    if (typ === 'NONE') {
      if (node.args.length !== 1) this.fail('DOCKERFILE_TOO_MANY_ARGUMENTS', 'HEALTHCHECK NONE takes no arguments', node.restRange, node);
      return { keyword: 'HEALTHCHECK', node, index, none: true, command: undefined, form: undefined };
    }
    if (typ !== 'CMD') this.fail('DOCKERFILE_INVALID_INSTRUCTION', `HEALTHCHECK type ${JSON.stringify(node.args[0])} is unknown: use CMD or NONE`, node.restRange, node);
    const cmd = node.args.slice(1);
    if (cmd.length === 0) this.fail('DOCKERFILE_MISSING_ARGUMENT', 'Missing command after HEALTHCHECK CMD', node.restRange, node);
    for (const f of node.flags) {
      const problem = f.name === 'retries' ? checkRetries(f.value ?? '') : checkInterval(f.name, f.value ?? '');
      if (problem !== undefined) this.fail('DOCKERFILE_INVALID_FLAG', problem, f.range, node);
    }
    return { keyword: 'HEALTHCHECK', node, index, none: false, command: node.json ? cmd : cmd[0], form: node.json ? 'exec' : 'shell' };
  }

  private onbuild(node: InstructionNode, index: number): Instruction {
    const inner = node.inner;
    if (inner === undefined) this.fail('DOCKERFILE_MISSING_ARGUMENT', 'ONBUILD needs at least one argument', node.keywordRange, node);
    const trig = inner.keyword;
    if (trig === 'ONBUILD') this.fail('DOCKERFILE_INVALID_INSTRUCTION', 'ONBUILD cannot wrap another ONBUILD', inner.keywordRange, node);
    if (trig === 'MAINTAINER' || trig === 'FROM') this.fail('DOCKERFILE_INVALID_INSTRUCTION', `${trig} isn't allowed as an ONBUILD trigger`, inner.keywordRange, node);
    return { keyword: 'ONBUILD', node, index, trigger: this.type(inner, index) };
  }
}

/** Go time.ParseDuration's grammar; BuildKit also rejects a non-zero interval under 1ms. */
function checkInterval(name: string, value: string): string | undefined {
  if (value === '' || value === '0') return undefined;
  const m = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(value);
  if (m === null) return `time: invalid duration ${JSON.stringify(value)}`;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1e3, m: 6e4, h: 3.6e6 };
  let ms = 0;
  for (const part of value.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) ms += Number(part[1]) * unit[part[2]!]!;
  if (value.startsWith('-')) ms = -ms;
  if (ms !== 0 && ms < 1) return `Interval "${name}" cannot be less than 1ms`;
  return undefined;
}

function checkRetries(value: string): string | undefined {
  if (value === '') return undefined;
  if (!/^[-+]?\d{1,10}$/.test(value) || Math.abs(Number(value)) > 2 ** 31 - 1) return `strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`;
  return Number(value) < 0 ? `--retries cannot be negative (${Number(value)})` : undefined;
}

/** Types one node. Throws StevedoreError (DOCKERFILE_UNKNOWN_INSTRUCTION, _UNKNOWN_FLAG, ...) with its location. */
export function typeInstruction(node: InstructionNode, index: number, options: { escapeChar?: '\\' | '`'; file?: string } = {}): Instruction {
  return new Typer((options.escapeChar ?? '\\').charCodeAt(0), options.file).type(node, index);
}

/** Types every instruction of a parsed file. */
export function typeInstructions(ast: DockerfileAst): Instruction[] {
  const t = new Typer(ast.escapeChar.charCodeAt(0), ast.file);
  return ast.instructions.map((n, i) => t.type(n, i));
}

/**
 * Lenient typing: an instruction that fails to type (unknown instruction, unknown flag, bad
 * arguments) is left out and handed to `onError` with its node, so the rest can be linted.
 * `index` keeps the instruction's position in the AST, so indices may skip.
 */
export function typeInstructionsLenient(ast: DockerfileAst, onError: (e: StevedoreError, node: InstructionNode) => void): Instruction[] {
  const t = new Typer(ast.escapeChar.charCodeAt(0), ast.file);
  const out: Instruction[] = [];
  for (const [i, n] of ast.instructions.entries()) {
    try {
      out.push(t.type(n, i));
    } catch (e) {
      if (!(e instanceof StevedoreError)) throw e;
      onError(e, n);
    }
  }
  return out;
}
