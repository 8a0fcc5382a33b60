/**
 * @module dockerfile/model/scope
 * The build state an instruction sees: ENV (ordered, re-declaration replaces in place), ARGs
 * in scope, USER, WORKDIR, SHELL. Step states are lazy views over one operation log per stage,
 * so building the model never copies maps per step. Also the automatic platform ARGs and the
 * predefined proxy ARGs.
 */
import type { StepState } from '../types.ts';
import type { EnvGetter } from '../expand/lex.ts';

export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

export const PROXY_ARGS: readonly string[] = [
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
];

/** BUILDPLATFORM, TARGETPLATFORM and their OS/ARCH/VARIANT parts. */
export function platformArgs(buildPlatform: string, targetPlatform: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const [prefix, p] of [['BUILD', buildPlatform], ['TARGET', targetPlatform]] as const) {
    const [os = '', arch = '', variant = ''] = p.split('/');
    m.set(`${prefix}PLATFORM`, p);
    m.set(`${prefix}OS`, os);
    m.set(`${prefix}ARCH`, arch);
    m.set(`${prefix}VARIANT`, variant);
  }
  return m;
}

type Op = readonly [kind: 'env' | 'arg', key: string, value: string | undefined];

/** The ENV/ARG operations of one stage, shared by the lazy states of its steps. */
class History {
  readonly ops: Op[] = [];
  private cache: { upto: number; env: Map<string, string>; args: Map<string, string | undefined> } | undefined;

  constructor(private readonly baseEnv: readonly (readonly [string, string])[]) {}

  /** ENV and ARGs after the first `upto` operations; sequential access costs the size of the state plus the new operations. */
  materialize(upto: number): { env: Map<string, string>; args: Map<string, string | undefined> } {
    const c = this.cache;
    const from = c !== undefined && c.upto <= upto ? c : undefined;
    const env = new Map(from === undefined ? this.baseEnv : from.env);
    const args = new Map(from?.args ?? []);
    for (let i = from?.upto ?? 0; i < upto; i++) {
      const [kind, k, v] = this.ops[i]!;
      if (kind === 'env') env.set(k, v!);
      else args.set(k, v);
    }
    this.cache = { upto, env, args };
    return { env, args };
  }
}

/**
 * A step's state, materialised on first read. Building the model stays linear even when a stage
 * has 100k ENV lines: nothing is copied until a consumer asks for a step's ENV or ARGs. `env` and
 * `args` are own enumerable accessors, so the object spreads, compares and serialises like a
 * plain StepState.
 */
class LazyState implements StepState {
  declare readonly env: readonly (readonly [string, string])[];
  declare readonly args: ReadonlyMap<string, string | undefined>;
  readonly user: string | undefined;
  readonly workdir: string;
  readonly shell: readonly string[];
  readonly #history: History;
  readonly #upto: number;
  #mat: { env: readonly (readonly [string, string])[]; args: ReadonlyMap<string, string | undefined> } | undefined;

  // One pair of accessor descriptors for every instance: a model has a state per step, and
  // closures made per instance were a measurable share of linting a file.
  static readonly #accessors: PropertyDescriptorMap = {
    env: { enumerable: true, get(this: LazyState) { return this.#load().env; } },
    args: { enumerable: true, get(this: LazyState) { return this.#load().args; } },
  };

  constructor(history: History, upto: number, user: string | undefined, workdir: string, shell: readonly string[]) {
    this.#history = history;
    this.#upto = upto;
    Object.defineProperties(this, LazyState.#accessors);
    this.user = user;
    this.workdir = workdir;
    this.shell = shell;
  }

  #load(): { env: readonly (readonly [string, string])[]; args: ReadonlyMap<string, string | undefined> } {
    if (this.#mat === undefined) {
      const { env, args } = this.#history.materialize(this.#upto);
      this.#mat = { env: [...env], args };
    }
    return this.#mat;
  }
}

export class Scope {
  private readonly env: Map<string, string>;
  private readonly args = new Map<string, string | undefined>();
  private readonly history: History;
  private user: string | undefined;
  private workdir: string;
  private shell: readonly string[];
  private snapshot: StepState | undefined;

  constructor(from?: StepState) {
    const base = from?.env ?? [];
    this.env = new Map(base);
    this.history = new History(base);
    this.user = from?.user;
    this.workdir = from?.workdir ?? '/';
    this.shell = from?.shell ?? DEFAULT_SHELL;
  }

  /** The state now; shared by consecutive steps until something changes. */
  state(): StepState {
    this.snapshot ??= new LazyState(this.history, this.history.ops.length, this.user, this.workdir, this.shell);
    return this.snapshot;
  }

  /** Variables for expansion: ENV overrides ARG of the same name; ARGs without a value are unset. */
  getter(): EnvGetter {
    return { get: (k) => this.env.get(k) ?? this.args.get(k) };
  }

  get currentWorkdir(): string {
    return this.workdir;
  }

  setEnv(k: string, v: string): void {
    this.env.set(k, v);
    this.history.ops.push(['env', k, v]);
    this.snapshot = undefined;
  }
  setArg(k: string, v: string | undefined): void {
    this.args.set(k, v);
    this.history.ops.push(['arg', k, v]);
    this.snapshot = undefined;
  }
  setUser(u: string): void {
    this.user = u;
    this.snapshot = undefined;
  }
  setWorkdir(w: string): void {
    this.workdir = resolveWorkdir(this.workdir, w);
    this.snapshot = undefined;
  }
  setShell(s: readonly string[]): void {
    this.shell = s;
    this.snapshot = undefined;
  }
}

/** Relative WORKDIR resolves against the previous one; the result is a clean absolute path. */
export function resolveWorkdir(prev: string, next: string): string {
  const joined = next.startsWith('/') ? next : `${prev}/${next}`;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}
