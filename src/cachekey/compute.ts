/**
 * @module cachekey/compute
 * Content digests for every context-fed input of an op graph (COPY sources, bind mounts from
 * the context), computed against one context snapshot. Sources shared by several ops are hashed
 * once; files are hashed with bounded concurrency by the snapshot.
 */
import { canonicalJson, type OpGraph } from './model.ts';
import type { ContextSnapshot } from './context/types.ts';
import { combineDigests, selectorDigest, type SelectorDigest } from './hash/selector.ts';

export interface InputContent {
  readonly digest: string;
  /** Context path → digest of every file/dir header in the selection. */
  readonly files: ReadonlyMap<string, string>;
  readonly missing: readonly string[];
}

/** op id → input index → content of that input (only context inputs). */
export type ContentMap = ReadonlyMap<number, ReadonlyMap<number, InputContent>>;

export async function computeContent(graph: OpGraph, snap: ContextSnapshot): Promise<ContentMap> {
  const memo = new Map<string, Promise<SelectorDigest>>();
  const out = new Map<number, Map<number, InputContent>>();
  for (const op of graph.ops) {
    for (const [i, input] of op.inputs.entries()) {
      if (input.source.kind !== 'context') continue;
      const parts = await Promise.all(
        input.selectors.map((s) => {
          const key = canonicalJson(s);
          let p = memo.get(key);
          if (p === undefined) {
            p = selectorDigest(snap, s);
            memo.set(key, p);
          }
          return p;
        }),
      );
      const files = new Map<string, string>();
      for (const p of parts) for (const [k, v] of p.inputs) files.set(k, v);
      const missing = input.selectors.filter((_s, j) => parts[j]?.missing === true).map((s) => s.source);
      const digest = parts.length === 1 ? (parts[0]?.digest ?? '') : combineDigests(parts.map((p) => p.digest));
      let m = out.get(op.id);
      if (m === undefined) {
        m = new Map();
        out.set(op.id, m);
      }
      m.set(i, { digest, files, missing });
    }
  }
  return out;
}
