/**
 * @module cachekey/load
 * I/O edge of cachekey: open one state of the build context (a git revision, the working tree or
 * a saved snapshot), read its Dockerfile, build the Dockerfile model and the op graph, and hash
 * the context inputs the ops select.
 */
import { buildModel, parse, type DockerfileModel } from '../dockerfile/index.ts';
import { StevedoreError } from '../errors.ts';
import type { ContentMap } from './compute.ts';
import { computeContent } from './compute.ts';
import { readFsContext } from './context/fs.ts';
import { readGitContext } from './context/git.ts';
import { loadSnapshot } from './context/snapshot.ts';
import type { ContextSnapshot } from './context/types.ts';
import { buildOpGraph, type ModelOptions, type OpGraph } from './model.ts';
import { cleanPath } from './path.ts';

export type StateSpec =
  | { readonly kind: 'git'; readonly rev: string }
  | { readonly kind: 'worktree' }
  | { readonly kind: 'snapshot'; readonly file: string };

export interface LoadOptions extends ModelOptions {
  readonly contextDir: string;
  /** Dockerfile path relative to the context. */
  readonly dockerfile: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
}

export interface LoadedState {
  readonly snap: ContextSnapshot;
  readonly model: DockerfileModel;
  readonly graph: OpGraph;
  readonly content: ContentMap;
  readonly dockerfileText: string;
}

/** Parse `--from`/`--to` values: `snapshot:FILE`, `worktree`, otherwise a git revision. */
export function parseStateSpec(value: string): StateSpec {
  if (value === 'worktree') return { kind: 'worktree' };
  if (value.startsWith('snapshot:')) return { kind: 'snapshot', file: value.slice('snapshot:'.length) };
  return { kind: 'git', rev: value };
}

export async function openContext(spec: StateSpec, options: Pick<LoadOptions, 'contextDir' | 'dockerfile'>): Promise<ContextSnapshot> {
  const dockerfile = cleanPath(options.dockerfile);
  switch (spec.kind) {
    case 'git':
      return readGitContext(options.contextDir, spec.rev, { dockerfile });
    case 'worktree':
      return readFsContext(options.contextDir, { dockerfile });
    case 'snapshot':
      return loadSnapshot(spec.file);
  }
}

export async function loadState(spec: StateSpec, options: LoadOptions): Promise<LoadedState> {
  const snap = await openContext(spec, options);
  try {
    const dockerfile = cleanPath(options.dockerfile);
    const text = await snap.readText(dockerfile);
    if (text === undefined) {
      throw new StevedoreError('CACHEKEY_DOCKERFILE_MISSING', `${dockerfile} not found in ${snap.label} of ${options.contextDir}`);
    }
    const ast = parse(text, { file: dockerfile });
    const model = buildModel(ast, {
      ...(options.buildArgs === undefined ? {} : { buildArgs: options.buildArgs }),
      ...(options.target === undefined ? {} : { target: options.target }),
    });
    const graph = buildOpGraph(model, options);
    const content = await computeContent(graph, snap);
    return { snap, model, graph, content, dockerfileText: text };
  } catch (e) {
    await snap.close();
    throw e;
  }
}
