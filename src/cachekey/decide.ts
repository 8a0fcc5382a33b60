/**
 * @module cachekey/decide
 * The decision between build A (what the cache holds) and build B: walk B's ops in order and,
 * like BuildKit's solver (reference 2.1, 5.2), call an op cached when some op of A has the same
 * fields and, for every input, a matching key: the same producer (definition key) or, for
 * content-based inputs, the same content digest. A content-based input whose producer re-runs
 * cannot be decided statically: `maybe`. Each rebuilt step gets the first reason of the
 * taxonomy (reference 5.4); a step whose chain parent rebuilt is marked once as
 * "rebuilt because step K rebuilt", K being the root cause. Pure.
 */
import type { ContentMap } from './compute.ts';
import type { Op, OpGraph, OpInput } from './model.ts';

export type Verdict = 'cached' | 'rebuilt' | 'maybe';

export interface StepRef {
  readonly stage: string;
  readonly index: number;
  readonly line: number;
  readonly instruction: string;
}

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
  /** For env entries: whether the variable comes from an ARG or an ENV in B. */
  readonly via?: 'ARG' | 'ENV';
}

export interface FileChange {
  readonly path: string;
  readonly change: 'added' | 'removed' | 'modified';
}

export type Reason =
  | { readonly kind: 'CACHED'; readonly via: 'definition' | 'content' }
  | { readonly kind: 'BASE_IMAGE_CHANGED'; readonly before: string | null; readonly after: string }
  | { readonly kind: 'OP_CHANGED'; readonly changes: readonly FieldChange[]; readonly counterpart: StepRef | null }
  | { readonly kind: 'SELECTOR_CHANGED'; readonly before: readonly string[]; readonly after: readonly string[] }
  | { readonly kind: 'CONTENT_CHANGED'; readonly files: readonly FileChange[]; readonly missing: readonly string[] }
  | { readonly kind: 'PARENT_REBUILT'; readonly parent: StepRef; readonly ownChanges: readonly FieldChange[] }
  | { readonly kind: 'MAYBE_CONTENT_HIT'; readonly producer: StepRef; readonly via: 'content' | 'parent' };

export interface StepDecision {
  readonly op: number;
  readonly ref: StepRef;
  readonly keyword: string;
  readonly verdict: Verdict;
  readonly reason: Reason;
  /** The root-cause step when this one rebuilds (or may) only because of an ancestor. */
  readonly rebuiltBecause?: StepRef;
  /** Whether this op is shown as a step by BuildKit (merge ops are not). */
  readonly visible: boolean;
}

export interface Side {
  readonly graph: OpGraph;
  readonly content: ContentMap;
}

type Match = 'yes' | 'no' | 'maybe';

interface State {
  verdict: Verdict;
  match: number | undefined;
  rootCause: number;
}

export function refOf(op: Op): StepRef {
  return { stage: op.stageName, index: op.index, line: op.line, instruction: op.instruction };
}

function sameSelectors(a: OpInput, b: OpInput): boolean {
  return JSON.stringify(a.selectors) === JSON.stringify(b.selectors);
}

/** Decide every op of B against A. */
export function decide(a: Side, b: Side): StepDecision[] {
  const byDigest = new Map<string, Op[]>();
  for (const op of a.graph.ops) {
    const list = byDigest.get(op.fieldsDigest) ?? [];
    list.push(op);
    byDigest.set(op.fieldsDigest, list);
  }
  // Ops of A with the same fields and the same inputs are one cache record in BuildKit (e.g. two
  // stages FROM the same image): map each to a representative so producers compare by key.
  const repA = new Map<number, number>();
  const classes = new Map<string, number>();
  for (const op of a.graph.ops) {
    const parts = [op.kind, op.fieldsDigest];
    for (const [i, inp] of op.inputs.entries()) {
      if (inp.source.kind === 'op') parts.push(`${inp.role}:op:${String(repA.get(inp.source.op))}:${JSON.stringify(inp.selectors)}`);
      else if (inp.source.kind === 'context') parts.push(`${inp.role}:ctx:${a.content.get(op.id)?.get(i)?.digest ?? ''}`);
      else parts.push(`${inp.role}:scratch`);
    }
    const key = parts.join('|');
    const rep = classes.get(key);
    if (rep === undefined) classes.set(key, op.id);
    repA.set(op.id, rep ?? op.id);
  }
  const states = new Map<number, State>();
  const out: StepDecision[] = [];

  const inputMatch = (bOp: Op, i: number, aOp: Op): Match => {
    const bi = bOp.inputs[i];
    const ai = aOp.inputs[i];
    if (bi === undefined || ai === undefined || bi.role !== ai.role || bi.source.kind !== ai.source.kind) return 'no';
    if (bi.source.kind === 'scratch') return 'yes';
    if (bi.source.kind === 'context') {
      const db = b.content.get(bOp.id)?.get(i)?.digest;
      const da = a.content.get(aOp.id)?.get(i)?.digest;
      return db !== undefined && db === da ? 'yes' : 'no';
    }
    if (ai.source.kind !== 'op') return 'no';
    const producer = states.get(bi.source.op);
    if (producer === undefined) return 'no';
    if (producer.match === repA.get(ai.source.op) && (producer.verdict === 'cached' || producer.verdict === 'maybe')) {
      if (!bi.contentBased || sameSelectors(ai, bi)) return producer.verdict === 'cached' ? 'yes' : 'maybe';
    }
    if (bi.contentBased && producer.verdict !== 'cached') return 'maybe';
    return 'no';
  };

  for (const op of b.graph.ops) {
    let best: { a: Op; m: Match } | undefined;
    for (const cand of byDigest.get(op.fieldsDigest) ?? []) {
      if (cand.kind !== op.kind || cand.inputs.length !== op.inputs.length) continue;
      let m: Match = 'yes';
      for (let i = 0; i < op.inputs.length && m !== 'no'; i++) {
        const im = inputMatch(op, i, cand);
        if (im === 'no') m = 'no';
        else if (im === 'maybe') m = 'maybe';
      }
      if (m === 'yes') {
        best = { a: cand, m };
        break;
      }
      if (m === 'maybe' && best === undefined) best = { a: cand, m };
    }
    if (best?.m === 'yes') {
      const viaContent = op.inputs.some((inp) => inp.contentBased && inp.source.kind === 'op' && states.get(inp.source.op)?.verdict !== 'cached');
      states.set(op.id, { verdict: 'cached', match: repA.get(best.a.id), rootCause: op.id });
      out.push(decision(op, 'cached', { kind: 'CACHED', via: viaContent ? 'content' : 'definition' }));
      continue;
    }
    if (best?.m === 'maybe') {
      const cause = uncertainProducer(op, states);
      const causeOp = b.graph.ops[cause] ?? op;
      states.set(op.id, { verdict: 'maybe', match: repA.get(best.a.id), rootCause: states.get(cause)?.rootCause ?? cause });
      const root = b.graph.ops[states.get(op.id)?.rootCause ?? cause] ?? causeOp;
      const via = op.inputs.some((inp) => inp.contentBased && inp.source.kind === 'op' && inp.source.op === cause) ? 'content' : 'parent';
      out.push({ ...decision(op, 'maybe', { kind: 'MAYBE_CONTENT_HIT', producer: refOf(visibleOf(b.graph, causeOp)), via }), rebuiltBecause: refOf(visibleOf(b.graph, root)) });
      continue;
    }
    const { reason, rootCause } = explainMiss(op, a, b, states);
    states.set(op.id, { verdict: 'rebuilt', match: undefined, rootCause });
    const d = decision(op, 'rebuilt', reason);
    const rootOp = b.graph.ops[rootCause];
    out.push(rootCause !== op.id && rootOp !== undefined ? { ...d, rebuiltBecause: refOf(visibleOf(b.graph, rootOp)) } : d);
  }
  return out;
}

/** A merge op stands for its COPY --link step when reported. */
function visibleOf(graph: OpGraph, op: Op): Op {
  if (op.visible) return op;
  for (const inp of op.inputs) {
    if (inp.role === 'mergePart' && inp.source.kind === 'op') {
      const p = graph.ops[inp.source.op];
      if (p?.visible === true && p.line === op.line) return p;
    }
  }
  return op;
}

function decision(op: Op, verdict: Verdict, reason: Reason): StepDecision {
  return { op: op.id, ref: refOf(op), keyword: op.keyword, verdict, reason, visible: op.visible };
}

function uncertainProducer(op: Op, states: ReadonlyMap<number, State>): number {
  // Prefer the content-based input: that is where the uncertainty starts.
  for (const inp of [...op.inputs].sort((x, y) => Number(y.contentBased) - Number(x.contentBased))) {
    if (inp.source.kind !== 'op') continue;
    const s = states.get(inp.source.op);
    if (s !== undefined && s.verdict !== 'cached') return inp.source.op;
  }
  return op.id;
}

/** The op of A that plays the same part as `op` in B, for reasons. */
function counterpart(op: Op, a: OpGraph): Op | undefined {
  return (
    a.ops.find((x) => x.stageName === op.stageName && x.index === op.index && x.kind === op.kind && x.visible === op.visible) ??
    a.ops.find((x) => x.stageName === op.stageName && x.instruction === op.instruction && x.kind === op.kind)
  );
}

function diffFields(before: Op, after: Op): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  for (const k of [...keys].sort()) {
    const x = before.fields[k];
    const y = after.fields[k];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    if (k === 'env' && Array.isArray(x) && Array.isArray(y)) {
      changes.push(...diffEnv(x as string[], y as string[], after.argKeys));
      continue;
    }
    changes.push({ field: k, before: x ?? null, after: y ?? null });
  }
  return changes;
}

function diffEnv(before: readonly string[], after: readonly string[], argKeys: readonly string[]): FieldChange[] {
  const split = (list: readonly string[]): Map<string, string> => new Map(list.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const x = split(before);
  const y = split(after);
  const out: FieldChange[] = [];
  for (const k of new Set([...x.keys(), ...y.keys()])) {
    if (x.get(k) === y.get(k)) continue;
    out.push({ field: `env.${k}`, before: x.get(k) ?? null, after: y.get(k) ?? null, via: argKeys.includes(k) ? 'ARG' : 'ENV' });
  }
  if (out.length === 0) out.push({ field: 'env (order)', before: [...x.keys()], after: [...y.keys()] });
  return out;
}

function diffFiles(before: ReadonlyMap<string, string> | undefined, after: ReadonlyMap<string, string> | undefined): FileChange[] {
  const out: FileChange[] = [];
  const x = before ?? new Map<string, string>();
  const y = after ?? new Map<string, string>();
  for (const [p, d] of y) {
    const old = x.get(p);
    if (old === undefined) out.push({ path: p, change: 'added' });
    else if (old !== d) out.push({ path: p, change: 'modified' });
  }
  for (const p of x.keys()) if (!y.has(p)) out.push({ path: p, change: 'removed' });
  return out.sort((m, n) => (m.path < n.path ? -1 : m.path > n.path ? 1 : 0));
}

function explainMiss(op: Op, a: Side, b: Side, states: ReadonlyMap<number, State>): { reason: Reason; rootCause: number } {
  const cp = counterpart(op, a.graph);
  if (op.kind === 'image') {
    return { reason: { kind: 'BASE_IMAGE_CHANGED', before: cp === undefined ? null : String(cp.fields.ref), after: String(op.fields.ref) }, rootCause: op.id };
  }
  const own = cp === undefined ? [] : diffFields(cp, op);
  // A rebuilt chain parent (definition-only input) makes this a consequence, reported once.
  for (const inp of op.inputs) {
    if (inp.contentBased || inp.source.kind !== 'op') continue;
    const s = states.get(inp.source.op);
    if (s !== undefined && s.verdict === 'rebuilt') {
      const parentOp = b.graph.ops[s.rootCause];
      if (parentOp !== undefined) return { reason: { kind: 'PARENT_REBUILT', parent: refOf(visibleOf(b.graph, parentOp)), ownChanges: own }, rootCause: s.rootCause };
    }
  }
  if (cp === undefined) return { reason: { kind: 'OP_CHANGED', changes: [{ field: 'instruction', before: null, after: op.instruction }], counterpart: null }, rootCause: op.id };
  const selectorChanges = own.filter((c) => c.field === 'src');
  const fieldChanges = own.filter((c) => c.field !== 'src');
  if (fieldChanges.length > 0) return { reason: { kind: 'OP_CHANGED', changes: fieldChanges, counterpart: refOf(cp) }, rootCause: op.id };
  const srcA = cp.inputs.flatMap((i) => i.selectors.map((s) => s.source));
  const srcB = op.inputs.flatMap((i) => i.selectors.map((s) => s.source));
  if (selectorChanges.length > 0 || JSON.stringify(srcA) !== JSON.stringify(srcB)) {
    // A different path with identical bytes still hits (content key); only report when content differs too.
    return { reason: { kind: 'SELECTOR_CHANGED', before: srcA, after: srcB }, rootCause: op.id };
  }
  for (const [i, inp] of op.inputs.entries()) {
    if (inp.source.kind !== 'context') continue;
    const cb = b.content.get(op.id)?.get(i);
    const ca = a.content.get(cp.id)?.get(i);
    if (cb?.digest !== ca?.digest) {
      return { reason: { kind: 'CONTENT_CHANGED', files: diffFiles(ca?.files, cb?.files), missing: cb?.missing ?? [] }, rootCause: op.id };
    }
  }
  // Remaining: a definition input from another stage (or image) changed.
  for (const inp of op.inputs) {
    if (inp.source.kind !== 'op') continue;
    const s = states.get(inp.source.op);
    const parentOp = s === undefined ? undefined : b.graph.ops[s.rootCause];
    if (s !== undefined && s.verdict !== 'cached' && parentOp !== undefined) {
      return { reason: { kind: 'PARENT_REBUILT', parent: refOf(visibleOf(b.graph, parentOp)), ownChanges: [] }, rootCause: s.rootCause };
    }
  }
  return { reason: { kind: 'OP_CHANGED', changes: own, counterpart: refOf(cp) }, rootCause: op.id };
}
