/**
 * @module lint/knowledge/runs
 * Step → RunView lookup, built once per file (the engine's `runs` array is the cache key), so
 * stage-walking rules do not search the RUN list for every step.
 */
import type { Step } from '../../dockerfile/index.ts';
import type { RunView } from '../rule.ts';

const cache = new WeakMap<readonly RunView[], Map<Step, RunView>>();

export function runOf(runs: readonly RunView[], step: Step): RunView | undefined {
  let map = cache.get(runs);
  if (map === undefined) {
    map = new Map(runs.map((r) => [r.step, r]));
    cache.set(runs, map);
  }
  return map.get(step);
}
