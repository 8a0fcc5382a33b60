/**
 * @module cachekey/model
 * The fingerprint model: a Dockerfile model (from the dockerfile part) becomes the ops BuildKit's
 * dockerfile2llb would create for the reachable stages, each with the key-relevant fields
 * (reference 5.3) and its inputs: definition-only (the stage chain) or content-based (context
 * sources, `COPY --from`, bind / cache-from mounts). Pure: no I/O, no clock.
 *
 * Config-only instructions (ENV, ARG, USER, SHELL, LABEL, CMD, ...) create no op; their effect
 * reaches later ops through the state (env, user, cwd, shell).
 */
import { createHash } from 'node:crypto';
import type { CopyInstruction, DockerfileModel, Instruction, Mount, RunInstruction, Stage, Step } from '../dockerfile/index.ts';
import { cleanPath, contextRelative, resolveDest } from './path.ts';
import type { SelectorSpec } from './hash/selector.ts';

export type OpKind = 'image' | 'exec' | 'copy' | 'mkdir' | 'merge';

export type InputSource =
  | { readonly kind: 'op'; readonly op: number }
  | { readonly kind: 'context' }
  | { readonly kind: 'scratch' };

export interface OpInput {
  readonly role: 'base' | 'copySource' | 'mount' | 'mergePart';
  readonly source: InputSource;
  /** Paths selected from the source (context sources, `--from` paths, mount sources). */
  readonly selectors: readonly SelectorSpec[];
  readonly contentBased: boolean;
}

export interface Op {
  readonly id: number;
  readonly kind: OpKind;
  readonly stage: number;
  readonly stageName: string;
  /** BuildKit's `[stage i/n]` number (FROM image is 1); 0 for internal ops (merge). */
  readonly index: number;
  readonly line: number;
  readonly instruction: string;
  readonly keyword: string;
  /** true for ops BuildKit shows as a step of their own. */
  readonly visible: boolean;
  /** Canonical key-relevant fields; JSON-serialisable. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly fieldsDigest: string;
  readonly inputs: readonly OpInput[];
  /** Env keys that came from ARG declarations, for reason phrasing. */
  readonly argKeys: readonly string[];
}

export interface OpGraph {
  readonly ops: readonly Op[];
  /** Final op of each reachable stage (undefined for an empty scratch stage). */
  readonly stageTail: ReadonlyMap<number, number | undefined>;
}

export interface ModelOptions {
  /** BuildKit < 0.13 keeps cache-mount `id`/`sharing` in the RUN key (reference section 8). */
  readonly legacyCacheMountKeys?: boolean;
  /** Image identity overrides: ref → digest (what the ref resolved to). */
  readonly imageDigests?: Readonly<Record<string, string>>;
  readonly platform?: string;
}

export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function digestFields(kind: OpKind, fields: Readonly<Record<string, unknown>>): string {
  return createHash('sha256').update(kind).update('\0').update(canonicalJson(fields)).digest('hex');
}

/** Complete an op with its fields digest (the op-level part of its cache key). */
export function sealOp(op: Omit<Op, 'fieldsDigest'>): Op {
  return { ...op, fieldsDigest: digestFields(op.kind, op.fields) };
}

/** Display name of a stage as BuildKit labels it in progress output. */
export function stageLabel(stage: Stage): string {
  return stage.name ?? `stage-${stage.index}`;
}

/**
 * The instruction as one line: continuation lines joined, comment lines inside the continuation
 * dropped, whitespace collapsed, heredoc bodies left out (they are in the fields).
 */
function firstLine(model: DockerfileModel, ins: Instruction): string {
  const r = ins.node.range;
  const end = ins.node.heredocs[0]?.range.start.offset ?? r.end.offset;
  const esc = model.ast.escapeChar;
  const parts: string[] = [];
  for (const raw of model.ast.text.slice(r.start.offset, end).split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || (parts.length > 0 && line.startsWith('#'))) continue;
    parts.push(line.endsWith(esc) ? line.slice(0, -1).trimEnd() : line);
    if (!line.endsWith(esc)) break;
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function unquote(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

/** Expanded words from the model, with a fallback to the raw words when a key is absent. */
function expandedList(step: Step, key: string, raw: readonly string[]): string[] {
  const v = step.expanded[key];
  if (Array.isArray(v)) return [...(v as readonly string[])];
  if (typeof v === 'string') return [v];
  return [...raw];
}
function expandedOne(step: Step, key: string, raw: string): string {
  const v = step.expanded[key];
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return raw;
}

/** `$X` / `${X}` substitution for mount options (BuildKit expands them; RUN text it does not). */
function expandSimple(s: string | undefined, vars: ReadonlyMap<string, string>): string | undefined {
  if (s === undefined) return undefined;
  return s.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, a: string | undefined, b: string | undefined) => vars.get(a ?? b ?? '') ?? '');
}

interface EnvState {
  /** Ordered by last assignment, as llb.EnvList orders it. */
  env: [string, string][];
  argKeys: Set<string>;
}

function setEnv(st: EnvState, k: string, v: string, fromArg: boolean): void {
  st.env = st.env.filter(([x]) => x !== k);
  st.env.push([k, v]);
  if (fromArg) st.argKeys.add(k);
  else st.argKeys.delete(k);
}

/** Build the op graph of the reachable stages. */
export function buildOpGraph(model: DockerfileModel, options: ModelOptions = {}): OpGraph {
  const ops: Op[] = [];
  const stageTail = new Map<number, number | undefined>();
  const stageEnv = new Map<number, EnvState>();
  const imageOps = new Map<string, number>();
  const platform = options.platform ?? 'linux/amd64';

  const push = (op: Omit<Op, 'id' | 'fieldsDigest'>): number => {
    const id = ops.length;
    ops.push(sealOp({ ...op, id }));
    return id;
  };
  const imageOp = (ref: string, stage: Stage, line: number, instruction: string, visible: boolean, index: number): number => {
    const known = visible ? undefined : imageOps.get(ref);
    if (known !== undefined) return known;
    const id = push({
      kind: 'image', stage: stage.index, stageName: stageLabel(stage), index, line, instruction, keyword: 'FROM', visible,
      fields: { ref: options.imageDigests?.[ref] ?? ref, platform: stage.platform ?? platform }, inputs: [], argKeys: [],
    });
    if (!visible) imageOps.set(ref, id);
    return id;
  };

  for (const stage of model.stages) {
    if (!stage.reachable) continue;
    const label = stageLabel(stage);
    const fromLine = stage.from.node.range.start.line;
    let index: number;
    let tail: number | undefined;
    let st: EnvState;
    if (stage.base.kind === 'stage') {
      tail = stageTail.get(stage.base.stage);
      const parent = stageEnv.get(stage.base.stage);
      st = { env: parent === undefined ? [] : parent.env.map(([k, v]) => [k, v]), argKeys: new Set(parent?.argKeys ?? []) };
      // BuildKit numbers a stage built FROM another stage from 1: it has no FROM vertex.
      index = 1;
    } else if (stage.base.kind === 'image') {
      tail = imageOp(stage.base.ref, stage, fromLine, firstLine(model, stage.from), true, 1);
      st = { env: [], argKeys: new Set() };
      index = 2;
    } else {
      st = { env: [], argKeys: new Set() };
      index = 2;
    }
    const dependsOn = (instructionIndex: number, via: 'copy' | 'mount'): number | undefined =>
      stage.dependsOn.find((d) => d.instructionIndex === instructionIndex && d.via === via)?.stage;

    for (const [si, step] of stage.steps.entries()) {
      const ins = step.instruction;
      const line = ins.node.range.start.line;
      const text = firstLine(model, ins);
      const vars = new Map<string, string>([...st.env]);
      switch (ins.keyword) {
        case 'ENV': {
          // expanded.env holds "k=v" after expansion; each assignment moves k to the end.
          const pairs = expandedList(step, 'env', ins.pairs.map((p) => `${p.key}=${unquote(p.value)}`));
          for (const kv of pairs) {
            const eq = kv.indexOf('=');
            setEnv(st, kv.slice(0, eq), kv.slice(eq + 1), false);
          }
          break;
        }
        case 'ARG': {
          // expanded.args holds "name=value" for ARGs with a value, "name" otherwise.
          const decl = expandedList(step, 'args', ins.args.map((a) => (a.value === undefined ? a.name : `${a.name}=${unquote(a.value)}`)));
          for (const kv of decl) {
            const eq = kv.indexOf('=');
            // Only an ARG with a value becomes env; BUILDKIT_SBOM_SCAN_* never do (nonEnvArgs).
            if (eq > 0 && !kv.startsWith('BUILDKIT_SBOM_SCAN_')) setEnv(st, kv.slice(0, eq), kv.slice(eq + 1), true);
          }
          break;
        }
        case 'RUN': {
          const run: RunInstruction = ins;
          const argv = run.form === 'exec' ? [...(run.command as readonly string[])] : [...step.state.shell, run.command as string];
          const mounts: Record<string, unknown>[] = [];
          const inputs: OpInput[] = [{ role: 'base', source: tail === undefined ? { kind: 'scratch' } : { kind: 'op', op: tail }, selectors: [], contentBased: false }];
          for (const m of [...run.mounts].sort((a, b) => mountTarget(a).localeCompare(mountTarget(b)))) {
            const { field, input } = mountField(m, step.state.workdir, vars, options, () => {
              const from = expandSimple('from' in m ? m.from : undefined, vars);
              if (from === undefined) return { kind: 'context' };
              const dep = dependsOn(ins.index, 'mount');
              if (dep !== undefined) {
                const t = stageTail.get(dep);
                return t === undefined ? { kind: 'scratch' } : { kind: 'op', op: t };
              }
              return { kind: 'op', op: imageOp(from, stage, line, text, false, 0) };
            });
            mounts.push(field);
            if (input !== undefined) inputs.push(input);
          }
          const fields = {
            args: argv,
            env: st.env.map(([k, v]) => `${k}=${v}`),
            cwd: step.state.workdir,
            user: step.state.user ?? '',
            network: run.network ?? 'default',
            security: run.security ?? 'sandbox',
            mounts,
            heredocs: run.node.heredocs.map((h) => h.content),
            platform: stage.platform ?? platform,
          };
          tail = push({ kind: 'exec', stage: stage.index, stageName: label, index: index++, line, instruction: text, keyword: 'RUN', visible: true, fields, inputs, argKeys: [...st.argKeys] });
          break;
        }
        case 'COPY':
        case 'ADD': {
          const copy: CopyInstruction = ins;
          const heredocs = copy.node.heredocs;
          const rawSources = copy.sources.map((w) => w.raw);
          const sources = expandedList(step, 'sources', rawSources).filter((s) => !s.startsWith('<<'));
          const dest = resolveDest(expandedOne(step, 'dest', copy.dest.raw), step.state.workdir);
          const fromWord = copy.from === undefined ? undefined : expandedOne(step, 'from', copy.from.raw);
          let source: InputSource = { kind: 'context' };
          if (fromWord !== undefined) {
            const dep = dependsOn(ins.index, 'copy');
            if (dep !== undefined) {
              const t = stageTail.get(dep);
              source = t === undefined ? { kind: 'scratch' } : { kind: 'op', op: t };
            } else source = { kind: 'op', op: imageOp(fromWord, stage, line, text, false, 0) };
          }
          const remote = sources.filter((s) => /^(https?:\/\/|git@|git:\/\/)/.test(s) || /\.git(#.*)?$/.test(s));
          const local = sources.filter((s) => !remote.includes(s));
          const selectors: SelectorSpec[] = local.map((s) => ({
            source: source.kind === 'context' ? s : cleanPath(`/${s}`),
            ...(copy.exclude.length > 0 ? { exclude: [...copy.exclude] } : {}),
            ...(copy.parents ? { parents: true } : {}),
          }));
          const fields = {
            op: ins.keyword,
            src: local.map((s) => (contextRelative(s).split('/').pop() ?? '')),
            remote,
            heredocs: heredocs.map((h) => ({ name: h.name, content: h.content })),
            dest,
            chown: copy.chown === undefined ? undefined : expandedOne(step, 'chown', copy.chown),
            chmod: copy.chmod === undefined ? undefined : expandedOne(step, 'chmod', copy.chmod),
            link: copy.link,
            parents: copy.parents,
            exclude: copy.exclude,
            checksum: copy.checksum,
            keepGitDir: copy.keepGitDir,
          };
          const link = copy.link && copy.chmod === undefined;
          const inputs: OpInput[] = [];
          if (!link) inputs.push({ role: 'base', source: tail === undefined ? { kind: 'scratch' } : { kind: 'op', op: tail }, selectors: [], contentBased: false });
          if (selectors.length > 0) inputs.push({ role: 'copySource', source, selectors, contentBased: true });
          const copyOp = push({ kind: 'copy', stage: stage.index, stageName: label, index: index++, line, instruction: text, keyword: ins.keyword, visible: true, fields, inputs, argKeys: [] });
          if (link) {
            tail = push({
              kind: 'merge', stage: stage.index, stageName: label, index: 0, line, instruction: text, keyword: ins.keyword, visible: false, fields: { merge: true },
              inputs: [
                { role: 'mergePart', source: tail === undefined ? { kind: 'scratch' } : { kind: 'op', op: tail }, selectors: [], contentBased: false },
                { role: 'mergePart', source: { kind: 'op', op: copyOp }, selectors: [], contentBased: false },
              ],
              argKeys: [],
            });
          } else tail = copyOp;
          break;
        }
        case 'WORKDIR': {
          const dir = expandedOne(step, 'workdir', stage.steps[si + 1]?.state.workdir ?? step.state.workdir);
          if (dir === '/') break;
          tail = push({
            kind: 'mkdir', stage: stage.index, stageName: label, index: index++, line, instruction: text, keyword: 'WORKDIR', visible: true,
            fields: { path: dir, owner: step.state.user ?? '', epoch: vars.get('SOURCE_DATE_EPOCH') },
            inputs: [{ role: 'base', source: tail === undefined ? { kind: 'scratch' } : { kind: 'op', op: tail }, selectors: [], contentBased: false }],
            argKeys: [],
          });
          break;
        }
        default:
          break;
      }
    }
    stageTail.set(stage.index, tail);
    stageEnv.set(stage.index, st);
  }
  return { ops, stageTail };
}

function mountTarget(m: Mount): string {
  return 'target' in m && m.target !== undefined ? m.target : '';
}

function mountField(
  m: Mount,
  workdir: string,
  vars: ReadonlyMap<string, string>,
  options: ModelOptions,
  source: () => InputSource,
): { field: Record<string, unknown>; input: OpInput | undefined } {
  const target = (t: string | undefined): string | undefined => {
    const e = expandSimple(t, vars);
    return e === undefined ? undefined : e.startsWith('/') ? cleanPath(e) : cleanPath(`${workdir}/${e}`);
  };
  switch (m.type) {
    case 'bind': {
      const src = source();
      return {
        field: { type: 'bind', target: target(m.target), readonly: !m.readwrite },
        input: { role: 'mount', source: src, selectors: [{ source: expandSimple(m.source, vars) ?? '.' }], contentBased: true },
      };
    }
    case 'cache': {
      const t = target(m.target) ?? '';
      const id = expandSimple(m.id, vars);
      const defaultId = id === undefined || cleanPath(id) === t;
      const keep = options.legacyCacheMountKeys === true || (defaultId && m.sharing === 'shared');
      const field = {
        type: 'cache', target: t, readonly: m.readonly,
        id: keep ? (id ?? t) : undefined, sharing: keep ? m.sharing : undefined,
        mode: m.mode, uid: m.uid, gid: m.gid,
      };
      const hasFrom = m.from !== undefined || m.source !== undefined;
      return {
        field,
        input: hasFrom ? { role: 'mount', source: source(), selectors: [{ source: expandSimple(m.source, vars) ?? '.' }], contentBased: true } : undefined,
      };
    }
    case 'secret':
      return { field: { type: 'secret', id: expandSimple(m.id, vars), target: expandSimple(m.target, vars), env: m.env, required: m.required }, input: undefined };
    case 'ssh':
      return { field: { type: 'ssh', id: expandSimple(m.id, vars) ?? 'default', target: expandSimple(m.target, vars), required: m.required }, input: undefined };
    case 'tmpfs':
      return { field: { type: 'tmpfs', target: target(m.target) }, input: undefined };
  }
}
