/**
 * @module cachekey/plan
 * `plan`: for every step, which context files and which build args would invalidate it. A step
 * depends on what its own inputs select plus everything its ancestors depend on (a change there
 * rebuilds the ancestor and so this step); content-based inputs from other stages are listed as
 * stage dependencies, since they invalidate only when that stage's output bytes change.
 */
import type { ContentMap } from './compute.ts';
import type { ContextSnapshot } from './context/types.ts';
import type { OpGraph } from './model.ts';

export interface PlanStep {
  readonly stage: string;
  readonly index: number;
  readonly line: number;
  readonly instruction: string;
  /** Context files (regular files and symlinks) this step depends on, sorted. */
  readonly files: readonly string[];
  /** Of those, the ones selected by this step itself. */
  readonly ownFiles: readonly string[];
  /** Build args whose value enters this step's key or an ancestor's. */
  readonly buildArgs: readonly string[];
  /** Stages whose output this step reads content-based (COPY --from, mount from=). */
  readonly stages: readonly string[];
}

export function planSteps(graph: OpGraph, content: ContentMap, snap: ContextSnapshot, globalArgsInFrom: readonly string[] = []): PlanStep[] {
  const files = new Map<number, Set<string>>();
  const own = new Map<number, Set<string>>();
  const args = new Map<number, Set<string>>();
  const stages = new Map<number, Set<string>>();
  const isLeaf = (p: string): boolean => {
    const t = snap.entries.get(p)?.type;
    return t !== undefined && t !== 'dir';
  };
  for (const op of graph.ops) {
    const f = new Set<string>();
    const o = new Set<string>();
    const a = new Set<string>(op.kind === 'exec' ? op.argKeys : []);
    if (op.kind === 'image') for (const g of globalArgsInFrom) a.add(g);
    const s = new Set<string>();
    for (const [i, input] of op.inputs.entries()) {
      if (input.source.kind === 'context') {
        for (const p of content.get(op.id)?.get(i)?.files.keys() ?? []) {
          if (!isLeaf(p)) continue;
          f.add(p);
          o.add(p);
        }
      } else if (input.source.kind === 'op') {
        const parent = input.source.op;
        const producer = graph.ops[parent];
        if (input.contentBased && producer !== undefined && producer.stage !== op.stage) {
          s.add(producer.stageName);
          for (const x of stages.get(parent) ?? []) s.add(x);
        } else {
          for (const x of files.get(parent) ?? []) f.add(x);
          for (const x of stages.get(parent) ?? []) s.add(x);
        }
        for (const x of args.get(parent) ?? []) a.add(x);
      }
    }
    files.set(op.id, f);
    own.set(op.id, o);
    args.set(op.id, a);
    stages.set(op.id, s);
  }
  return graph.ops
    .filter((op) => op.visible)
    .map((op) => ({
      stage: op.stageName,
      index: op.index,
      line: op.line,
      instruction: op.instruction,
      files: [...(files.get(op.id) ?? [])].sort(),
      ownFiles: [...(own.get(op.id) ?? [])].sort(),
      buildArgs: [...(args.get(op.id) ?? [])].sort(),
      stages: [...(stages.get(op.id) ?? [])].sort(),
    }));
}

/** "go.mod, go.sum" or "213 files under ./" or "40 files under cmd/". */
export function summarizeFiles(files: readonly string[]): string {
  if (files.length === 0) return 'no context files';
  if (files.length <= 4) return files.join(', ');
  const first = files[0] ?? '';
  let prefix = first.includes('/') ? first.slice(0, first.indexOf('/') + 1) : '';
  if (prefix !== '' && !files.every((f) => f.startsWith(prefix))) prefix = '';
  return `${files.length} files under ./${prefix}`;
}

export function renderPlan(steps: readonly PlanStep[]): string {
  const lines: string[] = [];
  for (const s of steps) {
    const parts = [`depends on ${summarizeFiles(s.files)}`];
    if (s.buildArgs.length > 0) parts.push(`build args ${s.buildArgs.join(', ')}`);
    if (s.stages.length > 0) parts.push(`output of stage ${s.stages.join(', ')}`);
    lines.push(`step ${s.stage} ${s.index} (line ${s.line}: \`${s.instruction}\`) ${parts.join('; ')}`);
  }
  return lines.join('\n') + '\n';
}
