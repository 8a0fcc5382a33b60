/**
 * @module dockerfile/model/build
 * buildModel: typed instructions → stages with the state each step sees. Implements BuildKit's
 * scoping: global ARGs (before the first FROM) and the automatic platform ARGs are visible in
 * FROM; inside a stage an ARG is visible only after it is declared there, and `ARG NAME`
 * without a value takes the global value; --build-arg overrides defaults; ENV overrides ARG;
 * ENV/USER/WORKDIR/SHELL carry over to stages built FROM another stage. Words BuildKit expands
 * (FROM, COPY/ADD, ENV, ARG, LABEL, WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL, --from, --chown,
 * --chmod, --platform, mount options) are expanded into Step.expanded; RUN/CMD/ENTRYPOINT text,
 * HEALTHCHECK and ONBUILD are not.
 *
 * Lenient mode (`options.lenient`, for lint like `docker build --check`) records each
 * recoverable build-time problem in `model.problems` and recovers: an instruction that fails to
 * type (unknown instruction/flag, bad arguments) is skipped, so instruction indices may skip; a
 * non-ARG instruction before the first FROM is dropped; a blank base keeps the raw unexpanded
 * text as `{ kind: 'image', ref }`; a failed expansion keeps the raw word; an invalid mount is
 * left out of its step; a stage index past the end is not followed; a cycle edge is recorded and
 * reachability still terminates; an unknown --target falls back to the last stage. An unknown
 * `COPY --from` name is an external image in both modes (BuildKit does the same). Only "no FROM
 * survives typing" still throws DOCKERFILE_NO_FROM: there is no stage to recover into.
 */
import { StevedoreError } from '../../errors.ts';
import { processWord, processWords, type EnvGetter } from '../expand/lex.ts';
import { MountError, parseMount } from '../instructions/mount.ts';
import { typeInstructions, typeInstructionsLenient } from '../instructions/type.ts';
import { locationOf } from '../parse/node.ts';
import type {
  ArgInstruction, BuildOptions, DockerfileAst, DockerfileModel, FromInstruction, Instruction, ModelProblem, Mount, Range, Stage, StageBase, Step, StepState,
} from '../types.ts';
import { platformArgs, PROXY_ARGS, resolveWorkdir, Scope } from './scope.ts';
import { checkAcyclic, reachableFrom, resolveTarget, StageIndex, type Edge } from './stages.ts';

type Expanded = Record<string, string | readonly string[]>;

class ModelBuilder {
  private readonly esc: '\\' | '`';
  private readonly file: string | undefined;
  private readonly buildArgs: Readonly<Record<string, string>>;
  private readonly platform: ReadonlyMap<string, string>;
  private readonly globals = new Map<string, string | undefined>();
  private readonly lenient: boolean;
  private readonly problems: ModelProblem[] = [];

  constructor(
    private readonly ast: DockerfileAst,
    private readonly options: BuildOptions,
  ) {
    this.esc = ast.escapeChar;
    this.lenient = options.lenient === true;
    this.file = ast.file;
    this.buildArgs = options.buildArgs ?? {};
    const bp = options.buildPlatform ?? 'linux/amd64';
    this.platform = sharedPlatformArgs(bp, options.targetPlatform ?? 'linux/amd64');
  }

  private buildArg(name: string): string | undefined {
    return Object.hasOwn(this.buildArgs, name) ? this.buildArgs[name] : undefined;
  }

  /**
   * Runs `fn`; a StevedoreError is thrown (strict) or recorded as a problem at `range` and
   * replaced by `fallback` (lenient). Other errors always propagate: they are bugs.
   */
  private recover<T>(fn: () => T, fallback: () => T, range: Range | undefined): T {
    try {
      return fn();
    } catch (e) {
      const located = range === undefined ? e : this.located(e, range);
      if (!this.lenient || !(located instanceof StevedoreError)) throw located;
      this.problems.push({ code: located.code, message: located.message, range });
      return fallback();
    }
  }

  /** In lenient mode a word that fails to expand keeps its raw text. */
  private expand(raw: string, env: EnvGetter, range: Range): string {
    return this.recover(() => processWord(raw, env, { escapeToken: this.esc }).result, () => raw, range);
  }

  private expandList(raw: string, env: EnvGetter, range: Range): string[] {
    return this.recover(() => processWords(raw, env, { escapeToken: this.esc }), () => raw.split(/\s+/).filter((w) => w !== ''), range);
  }

  private located(e: unknown, range: Range): unknown {
    if (e instanceof StevedoreError && e.location === undefined) {
      return new StevedoreError(e.code, e.message, { location: locationOf(range, this.file), data: e.data, cause: e });
    }
    return e;
  }

  build(): DockerfileModel {
    const instructions = this.lenient
      ? typeInstructionsLenient(this.ast, (e, node) => this.problems.push({ code: e.code, message: e.message, range: node.range }))
      : typeInstructions(this.ast);
    const globalArgs: { name: string; value: string | undefined; instruction: ArgInstruction }[] = [];
    const groups: { from: FromInstruction; body: Instruction[] }[] = [];
    const meta: EnvGetter = { get: (k) => this.globals.get(k) ?? this.platform.get(k) };
    for (const ins of instructions) {
      if (ins.keyword === 'FROM') groups.push({ from: ins, body: [] });
      else if (groups.length > 0) groups[groups.length - 1]!.body.push(ins);
      else if (ins.keyword === 'ARG') {
        for (const a of ins.args) {
          const value = this.buildArg(a.name) ?? (a.value === undefined ? undefined : this.expand(a.value, meta, a.range));
          this.globals.set(a.name, value);
          globalArgs.push({ name: a.name, value, instruction: ins });
        }
      } else {
        const range = ins.node.keywordRange;
        // Lenient: the instruction is dropped (it belongs to no stage).
        this.recover(() => {
          throw new StevedoreError('DOCKERFILE_NO_FROM', `${ins.keyword} before the first FROM: only ARG may precede FROM`, { location: locationOf(range, this.file) });
        }, () => undefined, range);
      }
    }
    if (groups.length === 0) {
      const first = this.ast.instructions[0]!;
      throw new StevedoreError('DOCKERFILE_NO_FROM', 'the Dockerfile has no FROM instruction', { location: locationOf(first.keywordRange, this.file) });
    }
    const index = new StageIndex(this.file);
    for (const [i, g] of groups.entries()) index.add(g.from.stageName?.raw, i);
    // FROM sees only the stages added before it (BuildKit resolves it as each stage is added).
    const earlier = new Map<string, number>();
    const stages: Stage[] = [];
    const finals: StepState[] = [];
    const deps: Edge[][] = [];
    for (let i = 0; i < groups.length; i++) {
      const { stage, final, edges } = this.stage(i, groups[i]!, meta, index, earlier, groups.length, finals);
      const name = groups[i]!.from.stageName?.raw;
      if (name !== undefined) earlier.set(name.toLowerCase(), i);
      stages.push(stage);
      finals.push(final);
      deps.push(edges);
    }
    try {
      checkAcyclic(deps, this.file);
    } catch (e) {
      // Lenient: a cycle is recorded at the edge that closes it; reachability below still
      // terminates (it marks visited stages).
      if (!this.lenient || !(e instanceof StevedoreError)) throw e;
      const at = e.location;
      const edge = deps.flat().find((d) => at !== undefined && d.range.start.line === at.line && d.range.start.column === at.column);
      this.problems.push({ code: e.code, message: e.message, range: edge?.range });
    }
    const target = this.recover(() => resolveTarget(this.options.target, index, groups.length), () => groups.length - 1, undefined);
    const reachable = reachableFrom(target, deps);
    return { ast: this.ast, instructions, globalArgs, stages: stages.map((s, i) => ({ ...s, reachable: reachable[i]! })), target, problems: this.problems };
  }

  /**
   * Why a FROM expanded to nothing. The usual cause is a global ARG without a default that the
   * build was not given; naming it (and the flag that sets it) is the fix, where a generic
   * syntax hint sends the user looking for a typo that is not there.
   */
  private blankBase(from: FromInstruction): StevedoreError {
    const raw = from.image.raw;
    const location = locationOf(from.image.range, this.file);
    const names = [...new Set([...raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
    const unset = names.filter((n) => (this.globals.get(n) ?? this.platform.get(n) ?? '') === '');
    if (unset.length === 0) {
      return new StevedoreError('DOCKERFILE_INVALID_INSTRUCTION', `base name (${raw}) should not be blank`, { location });
    }
    const declared = (n: string): boolean => this.globals.has(n);
    const why = unset
      .map((n) => (declared(n) ? `ARG ${n} has no default and no --build-arg ${n}=... was given` : `${n} is not declared by an ARG before the first FROM`))
      .join('; ');
    return new StevedoreError('DOCKERFILE_BASE_NAME_EMPTY', `FROM ${raw} expands to an empty image name: ${why}`, {
      location,
      data: { unset },
    });
  }

  private stage(
    i: number, g: { from: FromInstruction; body: Instruction[] }, meta: EnvGetter, index: StageIndex, earlier: ReadonlyMap<string, number>,
    count: number, finals: readonly StepState[],
  ): { stage: Stage; final: StepState; edges: Edge[] } {
    const from = g.from;
    const image = this.expand(from.image.raw, meta, from.image.range);
    if (image === '') {
      // Lenient: the stage keeps the unexpanded text as its image reference.
      this.recover(() => {
        throw this.blankBase(from);
      }, () => undefined, from.image.range);
    }
    const platform = from.platform === undefined ? undefined : this.expand(from.platform.raw, meta, from.platform.range);
    const edges: Edge[] = [];
    const externalRefs: string[] = [];
    // FROM refers to a stage defined earlier in the file; BuildKit compares the expanded name
    // with the lower-cased stage names as is, so `FROM Build` does not find stage `build`.
    const baseIdx = image === '' ? undefined : earlier.get(image);
    let base: StageBase;
    if (baseIdx !== undefined) {
      base = { kind: 'stage', stage: baseIdx };
      edges.push({ stage: baseIdx, via: 'from', instructionIndex: from.index, range: from.image.range });
    } else if (image.toLowerCase() === 'scratch') base = { kind: 'scratch' };
    else base = { kind: 'image', ref: image === '' ? from.image.raw : image };
    const scope = new Scope(base.kind === 'stage' ? finals[base.stage] : undefined);
    for (const p of PROXY_ARGS) {
      const v = this.buildArg(p);
      if (v !== undefined) scope.setArg(p, v);
    }
    const ref = (raw: string, via: 'copy' | 'mount', ins: Instruction, range: Range): void => {
      // Lenient: an impossible stage index or a self-reference is recorded and not followed.
      const s = this.recover(() => index.resolve(raw, count, i, range), () => null, range);
      if (s === null) return;
      if (s === undefined) {
        if (!externalRefs.includes(raw)) externalRefs.push(raw);
      } else edges.push({ stage: s, via, instructionIndex: ins.index, range });
    };
    const steps: Step[] = g.body.map((ins) => {
      const state = scope.state();
      const expanded = this.step(ins, scope, ref);
      return { instruction: ins, state, expanded };
    });
    const stage: Stage = {
      index: i, name: from.stageName?.raw.toLowerCase(), from, base, platform, steps,
      dependsOn: edges.map(({ stage: s, via, instructionIndex }) => ({ stage: s, via, instructionIndex })), externalRefs, reachable: false,
    };
    return { stage, final: scope.state(), edges };
  }

  private step(ins: Instruction, scope: Scope, ref: (raw: string, via: 'copy' | 'mount', ins: Instruction, range: Range) => void): Expanded {
    const env = scope.getter();
    const x = (raw: string, range: Range): string => this.expand(raw, env, range);
    switch (ins.keyword) {
      case 'ARG': {
        const out: string[] = [];
        for (const a of ins.args) {
          const value = a.value === undefined
            ? this.buildArg(a.name) ?? (this.globals.has(a.name) ? this.globals.get(a.name) : this.platform.get(a.name))
            : this.buildArg(a.name) ?? this.expand(a.value, scope.getter(), a.range);
          scope.setArg(a.name, value);
          out.push(value === undefined ? a.name : `${a.name}=${value}`);
        }
        return { args: out };
      }
      case 'ENV':
      case 'LABEL': {
        const pairs = ins.pairs.map((p) => [x(p.key, p.range), x(p.value, p.range)] as const);
        if (ins.keyword === 'ENV') for (const [k, v] of pairs) scope.setEnv(k, v);
        return { [ins.keyword === 'ENV' ? 'env' : 'labels']: pairs.map(([k, v]) => `${k}=${v}`) };
      }
      case 'WORKDIR':
        scope.setWorkdir(x(ins.value.raw, ins.value.range));
        return { workdir: scope.currentWorkdir };
      case 'USER': {
        const u = x(ins.value.raw, ins.value.range);
        scope.setUser(u);
        return { user: u };
      }
      case 'STOPSIGNAL':
        return { signal: x(ins.value.raw, ins.value.range) };
      case 'MAINTAINER':
        return {};
      case 'SHELL':
        scope.setShell(ins.command as readonly string[]);
        return {};
      case 'EXPOSE':
        return { ports: ins.ports.flatMap((p) => this.expandList(p.raw, env, p.range)) };
      case 'VOLUME':
        return { paths: ins.paths.map((p) => x(p.raw, p.range)) };
      case 'COPY':
      case 'ADD': {
        const out: Expanded = { sources: ins.sources.map((s) => x(s.raw, s.range)), dest: x(ins.dest.raw, ins.dest.range) };
        if (ins.from !== undefined) {
          const f = x(ins.from.raw, ins.from.range);
          out.from = f;
          ref(f, 'copy', ins, ins.from.range);
        }
        const flag = (name: string): Range => ins.node.flags.find((f) => f.name === name)?.range ?? ins.node.range;
        if (ins.chown !== undefined) out.chown = x(ins.chown, flag('chown'));
        if (ins.chmod !== undefined) out.chmod = x(ins.chmod, flag('chmod'));
        return out;
      }
      case 'RUN': {
        const mounts: Mount[] = [];
        for (const m of ins.mounts) {
          // Lenient: an invalid mount is recorded and left out of the step.
          const parsed = this.recover(() => {
            try {
              return parseMount(m.raw, m.range, (v) => x(v, m.range));
            } catch (e) {
              if (e instanceof MountError) throw new StevedoreError('DOCKERFILE_INVALID_MOUNT', e.message, { location: locationOf(m.range, this.file) });
              throw e;
            }
          }, () => undefined, m.range);
          if (parsed !== undefined) mounts.push(parsed);
        }
        const froms: string[] = [];
        for (const m of mounts) {
          if ((m.type === 'bind' || m.type === 'cache') && m.from !== undefined) {
            froms.push(m.from);
            ref(m.from, 'mount', ins, m.range);
          }
        }
        return { mountTargets: mounts.map((m) => mountTarget(m, scope.currentWorkdir)), mountFrom: froms };
      }
      default:
        // CMD, ENTRYPOINT, HEALTHCHECK, ONBUILD: BuildKit does not expand their text.
        return {};
    }
  }
}

/** Where BuildKit mounts it: relative targets resolve against WORKDIR; a secret defaults to /run/secrets/<id>. */
function mountTarget(m: Mount, workdir: string): string {
  if (m.type === 'secret' && (m.target === undefined || m.target === '')) {
    // With env= and no target BuildKit mounts no file; otherwise the file is /run/secrets/<base of id>.
    return m.env !== undefined ? '' : `/run/secrets/${(m.id ?? '').split('/').pop() ?? ''}`;
  }
  if (m.type === 'ssh') return m.target ?? '/run/buildkit/ssh_agent.0';
  return resolveWorkdir(workdir, m.target ?? '');
}

/** The semantic model of a parsed Dockerfile. Throws StevedoreError (typing, unknown stage, expansion) with locations. */
// The builder only reads its platform ARGs, and almost every build uses the same pair: share one
// map per pair instead of filling a new one per file.
const platformMemo = new Map<string, ReadonlyMap<string, string>>();
function sharedPlatformArgs(build: string, target: string): ReadonlyMap<string, string> {
  const key = `${build}\n${target}`;
  let m = platformMemo.get(key);
  if (m === undefined) {
    if (platformMemo.size > 64) platformMemo.clear();
    m = platformArgs(build, target);
    platformMemo.set(key, m);
  }
  return m;
}

export function buildModel(ast: DockerfileAst, options: BuildOptions = {}): DockerfileModel {
  return new ModelBuilder(ast, options).build();
}
