/**
 * @module lint/knowledge/go
 * What the go command does inside a stage: which subcommand a shell command runs, where it
 * writes its module and build caches, and whether cgo is on. Paths follow `go help environment`:
 * GOMODCACHE defaults to $GOPATH/pkg/mod (first GOPATH entry), GOPATH to $HOME/go (the golang
 * image sets GOPATH=/go), GOCACHE to $XDG_CACHE_HOME/go-build or $HOME/.cache/go-build. HOME is
 * /root for root; for any other user it comes from /etc/passwd, which lint cannot see, so we
 * guess /home/<user> and mark the answer uncertain (rules then suggest instead of fixing).
 */
import type { DockerfileModel, Stage, StepState } from '../../dockerfile/index.ts';
import type { ShellCommand } from '../rule.ts';
import { isGolang, isUnknownImage, rootImage } from './image.ts';

export type GoSubcommand = 'mod download' | 'build' | 'test' | 'install' | 'run' | 'generate' | 'vet' | 'mod tidy' | 'other';

export function isGoBinary(word: string | undefined): boolean {
  return word === 'go' || (word?.endsWith('/go') ?? false);
}

/** The subcommand of a `go` invocation (skipping global flags such as `-C dir`), or undefined. */
export function goSubcommand(cmd: ShellCommand): GoSubcommand | undefined {
  if (!isGoBinary(cmd.argv[0])) return undefined;
  let i = 1;
  while (i < cmd.argv.length && cmd.argv[i]!.startsWith('-')) i += cmd.argv[i] === '-C' ? 2 : 1;
  const sub = cmd.argv[i];
  if (sub === 'mod') {
    const next = cmd.argv[i + 1];
    return next === 'download' ? 'mod download' : next === 'tidy' ? 'mod tidy' : 'other';
  }
  if (sub === 'build' || sub === 'test' || sub === 'install' || sub === 'run' || sub === 'generate' || sub === 'vet') return sub;
  return sub === undefined ? undefined : 'other';
}

/** Subcommands that fill the module cache / the build cache. */
export const FILLS_MODCACHE: ReadonlySet<GoSubcommand> = new Set(['mod download', 'build', 'test', 'install', 'run', 'generate', 'vet', 'mod tidy']);
export const FILLS_BUILDCACHE: ReadonlySet<GoSubcommand> = new Set(['build', 'test', 'install', 'run', 'vet']);

export function envValue(state: StepState, name: string): string | undefined {
  for (let i = state.env.length - 1; i >= 0; i--) {
    const [k, v] = state.env[i]!;
    if (k === name) return v;
  }
  return undefined;
}

export interface GoPaths {
  readonly gomodcache: string;
  readonly gocache: string;
  /** false when a path depends on a guessed HOME (non-root USER without HOME). */
  readonly certain: boolean;
  readonly home: string;
  /**
   * true when neither GOPATH nor GOMODCACHE is set and the base image is one whose GOPATH lint
   * cannot know: a base from --build-arg, or a Go builder image other than the official golang
   * one (`golang-builder`, `go-toolset`), which may set its own GOPATH.
   */
  readonly modcacheUnknown: boolean;
}

function isRoot(user: string | undefined): boolean {
  if (user === undefined || user === '') return true;
  const name = user.split(':')[0]!;
  return name === 'root' || name === '0';
}

/** The base reference as written after expansion, of the stage a stage ultimately builds on. */
function rootRef(model: DockerfileModel, stage: Stage): string | undefined {
  let s: Stage | undefined = stage;
  for (let hops = 0; s !== undefined && hops <= model.stages.length; hops++) {
    if (s.base.kind === 'image') return s.base.ref;
    if (s.base.kind === 'scratch') return undefined;
    s = model.stages[s.base.stage];
  }
  return undefined;
}

/** The effective cache paths for `cmd` run in a step with `state` in `stage`. */
export function goPaths(model: DockerfileModel, stage: Stage, state: StepState, cmd?: ShellCommand): GoPaths {
  const get = (name: string): string | undefined => cmd?.assignments[name] ?? envValue(state, name);
  let homeCertain = true;
  let home = get('HOME');
  if (home === undefined) {
    if (isRoot(state.user)) home = '/root';
    else {
      // Unknown user: /etc/passwd decides HOME; /home/<user> is the adduser/useradd default.
      home = `/home/${state.user!.split(':')[0]!}`;
      homeCertain = false;
    }
  }
  const root = rootImage(model, stage);
  let gopath = get('GOPATH');
  let gopathCertain = true;
  let gopathUnknown = false;
  if (gopath === undefined) {
    if (root !== undefined && isGolang(root)) gopath = '/go';
    else if (root === undefined || isUnknownImage(rootRef(model, stage) ?? '') || root.name.includes('go')) {
      gopath = `${home}/go`;
      gopathUnknown = true;
      gopathCertain = false;
    } else {
      gopath = `${home}/go`;
      gopathCertain = homeCertain;
    }
  }
  const firstGopath = gopath.split(':')[0]!;
  const modcache = get('GOMODCACHE');
  const gomodcache = modcache ?? `${firstGopath.replace(/\/+$/, '')}/pkg/mod`;
  const modCertain = modcache !== undefined || gopathCertain;
  const cacheEnv = get('GOCACHE');
  const xdg = get('XDG_CACHE_HOME');
  const gocache = cacheEnv ?? (xdg !== undefined ? `${xdg.replace(/\/+$/, '')}/go-build` : `${home}/.cache/go-build`);
  const cacheCertain = cacheEnv !== undefined || xdg !== undefined || homeCertain;
  return { gomodcache, gocache, certain: modCertain && cacheCertain, home, modcacheUnknown: modcache === undefined && gopathUnknown };
}

/** cgo setting for a command: explicit CGO_ENABLED (prefix, then ENV/ARG), else the default (on). */
export function cgoEnabled(state: StepState, cmd: ShellCommand): { enabled: boolean; explicit: boolean } {
  const v = cmd.assignments.CGO_ENABLED ?? envValue(state, 'CGO_ENABLED') ?? state.args.get('CGO_ENABLED');
  if (v === undefined) return { enabled: true, explicit: false };
  return { enabled: v !== '0', explicit: true };
}

/** Normalises a mount target or path for comparison: no trailing slash, collapsed `//`. */
export function normalizePath(p: string): string {
  const s = p.replace(/\/{2,}/g, '/');
  return s.length > 1 ? s.replace(/\/+$/, '') : s;
}

/** true when `mount` is `path` or one of its parent directories. */
export function covers(mount: string, path: string): boolean {
  const m = normalizePath(mount);
  const p = normalizePath(path);
  return p === m || p.startsWith(m === '/' ? '/' : `${m}/`);
}
