/**
 * @module dockerfile/model/stages
 * The stage graph: resolving a stage reference (`FROM name`, `COPY --from=name|index`,
 * `RUN --mount=from=...`) to a stage or an external image, cycle detection, the target stage,
 * and reachability from the target. Iterative (no recursion), so thousands of stages are fine.
 */
import { StevedoreError } from '../../errors.ts';
import type { Range } from '../types.ts';
import { locationOf } from '../parse/node.ts';

export interface StageRef {
  readonly name: string | undefined;
}

/**
 * Stage names, lower-cased. As in BuildKit, a later stage with the same name wins (duplicates are
 * a lint warning there, not an error).
 */
export class StageIndex {
  private readonly byName = new Map<string, number>();

  constructor(private readonly file: string | undefined) {}

  add(name: string | undefined, index: number): void {
    if (name !== undefined) this.byName.set(name.toLowerCase(), index);
  }

  byNameOnly(name: string): number | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** A `--from` value: a stage name, a stage index, or else an image (undefined). */
  resolve(ref: string, stageCount: number, current: number, range: Range): number | undefined {
    const named = this.byName.get(ref.toLowerCase());
    const idx = named ?? (/^[0-9]+$/.test(ref) ? Number(ref) : undefined);
    if (idx === undefined) return undefined;
    if (idx >= stageCount) {
      throw new StevedoreError('DOCKERFILE_UNKNOWN_STAGE', `invalid stage index ${ref}: the file has ${stageCount} stage(s)`, { location: locationOf(range, this.file), data: { ref } });
    }
    if (idx === current) {
      throw new StevedoreError('DOCKERFILE_STAGE_CYCLE', `circular dependency detected on stage: ${ref} refers to its own stage`, { location: locationOf(range, this.file), data: { ref } });
    }
    return idx;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

export interface Edge {
  readonly stage: number;
  readonly via: 'from' | 'copy' | 'mount';
  readonly instructionIndex: number;
  readonly range: Range;
}

/** Throws DOCKERFILE_STAGE_CYCLE when the dependency graph has a cycle. */
export function checkAcyclic(deps: readonly (readonly Edge[])[], file: string | undefined): void {
  const color = new Uint8Array(deps.length); // 0 new, 1 on stack, 2 done
  for (let root = 0; root < deps.length; root++) {
    if (color[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    color[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = deps[top[0]]!;
      if (top[1] >= edges.length) {
        color[top[0]] = 2;
        stack.pop();
        continue;
      }
      const e = edges[top[1]++]!;
      if (color[e.stage] === 1) {
        throw new StevedoreError('DOCKERFILE_STAGE_CYCLE', `circular dependency detected on stage ${e.stage}`, { location: locationOf(e.range, file), data: { stage: e.stage } });
      }
      if (color[e.stage] === 0) {
        color[e.stage] = 1;
        stack.push([e.stage, 0]);
      }
    }
  }
}

/** Stages reachable from the target (the target included). */
export function reachableFrom(target: number, deps: readonly (readonly Edge[])[]): boolean[] {
  const seen = Array.from({ length: deps.length }, () => false);
  const queue = [target];
  seen[target] = true;
  while (queue.length > 0) {
    const s = queue.pop()!;
    for (const e of deps[s]!) {
      if (!seen[e.stage]) {
        seen[e.stage] = true;
        queue.push(e.stage);
      }
    }
  }
  return seen;
}

export function resolveTarget(target: string | undefined, index: StageIndex, stageCount: number): number {
  if (target === undefined || target === '') return stageCount - 1;
  const i = index.byNameOnly(target);
  if (i === undefined) {
    const names = index.names();
    throw new StevedoreError('DOCKERFILE_UNKNOWN_STAGE', `target stage ${JSON.stringify(target)} could not be found${names.length > 0 ? ` (stages: ${names.join(', ')})` : ''}`, { data: { target } });
  }
  return i;
}
