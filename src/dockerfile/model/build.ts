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
 */
import { StevedoreError } from '../../errors.ts';
import { processWord, processWords, type EnvGetter } from '../expand/lex.ts';
import { MountError, parseMount } from '../instructions/mount.ts';
import { typeInstructions } from '../instructions/type.ts';
import { locationOf } from '../parse/node.ts';
import type {
  ArgInstruction, BuildOptions, DockerfileAst, DockerfileModel, FromInstruction, Instruction, Mount, Range, Stage, StageBase, Step, StepState,
} from '../types.ts';
import { platformArgs, PROXY_ARGS, resolveWorkdir, Scope } from './scope.ts';
import { checkAcyclic, reachableFrom, resolveTarget, StageIndex, type Edge } from './stages.ts';

type Expanded = Record<string, string | readonly string[]>;

class ModelBuilder {
  private readonly esc: '\\' | '`';
  private readonly file: string | undefined;
  private readonly buildArgs: Readonly<Record<string, string>>;
  private readonly platform: Map<string, string>;
  private readonly globals = new Map<string, string | undefined>();

  constructor(
    private readonly ast: DockerfileAst,
    private readonly options: BuildOptions,
  ) {
    this.esc = ast.escapeChar;
    this.file = ast.file;
    this.buildArgs = options.buildArgs ?? {};
    const bp = options.buildPlatform ?? 'linux/amd64';
    this.platform = platformArgs(bp, options.targetPlatform ?? 'linux/amd64');
  }

  private buildArg(name: string): string | undefined {
    return Object.hasOwn(this.buildArgs, name) ? this.buildArgs[name] : undefined;
  }

  private expand(raw: string, env: EnvGetter, range: Range): string {
    try {
      return processWord(raw, env, { escapeToken: this.esc }).result;
    } catch (e) {
      throw this.located(e, range);
    }
  }

  private expandList(raw: string, env: EnvGetter, range: Range): string[] {
    try {
      return processWords(raw, env, { escapeToken: this.esc });
    } catch (e) {
      throw this.located(e, range);
    }
  }

  private located(e: unknown, range: Range): unknown {
    if (e instanceof StevedoreError && e.location === undefined) {
      return new StevedoreError(e.code, e.message, { location: locationOf(range, this.file), data: e.data, cause: e });
    }
    return e;
  }

  build(): DockerfileModel {
    const instructions = typeInstructions(this.ast);
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
        throw new StevedoreError('DOCKERFILE_NO_FROM', `${ins.keyword} before the first FROM: only ARG may precede FROM`, { location: locationOf(ins.node.keywordRange, this.file) });
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
    checkAcyclic(deps, this.file);
    const target = resolveTarget(this.options.target, index, groups.length);
    const reachable = reachableFrom(target, deps);
    return { ast: this.ast, instructions, globalArgs, stages: stages.map((s, i) => ({ ...s, reachable: reachable[i]! })), target };
  }

  private stage(
    i: number, g: { from: FromInstruction; body: Instruction[] }, meta: EnvGetter, index: StageIndex, earlier: ReadonlyMap<string, number>,
    count: number, finals: readonly StepState[],
  ): { stage: Stage; final: StepState; edges: Edge[] } {
    const from = g.from;
    const image = this.expand(from.image.raw, meta, from.image.range);
    if (image === '') {
      throw new StevedoreError('DOCKERFILE_INVALID_INSTRUCTION', `base name (${from.image.raw}) should not be blank`, { location: locationOf(from.image.range, this.file) });
    }
    const platform = from.platform === undefined ? undefined : this.expand(from.platform.raw, meta, from.platform.range);
    const edges: Edge[] = [];
    const externalRefs: string[] = [];
    // FROM refers to a stage defined earlier in the file; BuildKit compares the expanded name
    // with the lower-cased stage names as is, so `FROM Build` does not find stage `build`.
    const baseIdx = earlier.get(image);
    let base: StageBase;
    if (baseIdx !== undefined) {
      base = { kind: 'stage', stage: baseIdx };
      edges.push({ stage: baseIdx, via: 'from', instructionIndex: from.index, range: from.image.range });
    } else if (image.toLowerCase() === 'scratch') base = { kind: 'scratch' };
    else base = { kind: 'image', ref: image };
    const scope = new Scope(base.kind === 'stage' ? finals[base.stage] : undefined);
    for (const p of PROXY_ARGS) {
      const v = this.buildArg(p);
      if (v !== undefined) scope.setArg(p, v);
    }
    const ref = (raw: string, via: 'copy' | 'mount', ins: Instruction, range: Range): void => {
      const s = index.resolve(raw, count, i, range);
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
        const mounts: Mount[] = ins.mounts.map((m) => {
          try {
            return parseMount(m.raw, m.range, (v) => x(v, m.range));
          } catch (e) {
            if (e instanceof MountError) throw new StevedoreError('DOCKERFILE_INVALID_MOUNT', e.message, { location: locationOf(m.range, this.file) });
            throw e;
          }
        });
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
export function buildModel(ast: DockerfileAst, options: BuildOptions = {}): DockerfileModel {
  return new ModelBuilder(ast, options).build();
}
