/**
 * @module lint/knowledge/from-args
 * The variables FROM lines can see, as BuildKit computes them: the predefined platform ARGs
 * plus the ARGs declared before the first FROM, each default expanded in order against what
 * came before (`buildMetaArgs`). Values here are the defaults, as if no --build-arg was given;
 * a default that cannot be evaluated offline is `unknown`.
 */
import type { DockerfileModel, Range, Word } from '../../dockerfile/index.ts';
import { rangeAt } from '../position.ts';
import { PREDEFINED_FROM_ARGS, verbatimRange } from './dockerfile-facts.ts';
import { scanWord, type VarUse, type WordScan } from './word-vars.ts';

export interface FromScope {
  /** Defaults after expansion; undefined value: declared without a default. */
  readonly values: ReadonlyMap<string, string | undefined>;
  /** Names whose default could not be evaluated (pattern operators, syntax errors). */
  readonly unknown: ReadonlySet<string>;
  /** Every name a FROM may use: predefined and declared. */
  readonly names: readonly string[];
}

// Several rules ask for the same model's FROM scope; it depends only on the model and escape.
const memo = new WeakMap<DockerfileModel, { escape: string; scope: FromScope }>();

export function fromScope(model: DockerfileModel, escape: '\\' | '`'): FromScope {
  const hit = memo.get(model);
  if (hit !== undefined && hit.escape === escape) return hit.scope;
  const scope = computeFromScope(model, escape);
  memo.set(model, { escape, scope });
  return scope;
}

function computeFromScope(model: DockerfileModel, escape: '\\' | '`'): FromScope {
  const values = new Map<string, string | undefined>(PREDEFINED_FROM_ARGS);
  const unknown = new Set<string>();
  const seen = new Set<object>();
  for (const g of model.globalArgs) {
    if (seen.has(g.instruction)) continue;
    seen.add(g.instruction);
    for (const a of g.instruction.args) {
      if (a.value === undefined) {
        if (!values.has(a.name)) values.set(a.name, undefined);
        continue;
      }
      const scan = scanWord(a.value, (n) => values.get(n), escape);
      if (scan.result === undefined || [...scan.matched].some((n) => unknown.has(n))) unknown.add(a.name);
      else unknown.delete(a.name);
      values.set(a.name, scan.result ?? '');
    }
  }
  return { values, unknown, names: [...values.keys()] };
}

/** Scans a FROM word (image or platform) against the FROM scope. */
export function scanFromWord(word: Word, scope: FromScope, escape: '\\' | '`'): WordScan {
  return scanWord(word.raw, (n) => (scope.values.has(n) ? scope.values.get(n) ?? '' : undefined), escape);
}

/** The source range of a variable use inside `word`; the whole word when its raw text is not verbatim in the file. */
export function useRange(text: string, word: Word, use: VarUse): Range {
  const exact = verbatimRange(text, word);
  if (exact === undefined) return word.range;
  return rangeAt(text, exact.start.offset + use.start, exact.start.offset + use.end);
}
