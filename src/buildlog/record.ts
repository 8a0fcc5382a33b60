/**
 * @module buildlog/record
 * The mutable builder the format parsers write into, and `finish()` which freezes it into a
 * BuildRecord (failing step, exit code, final error, critical path). Steps are merged by key
 * (`#N`, classic step number, tty name, rawjson digest), so interleaved and re-printed headers
 * land on one step.
 */
import { BoundedOutput, detach } from './output.ts';
import { parseStepName, stepKey, type StepName } from './step-name.ts';
import { computeCriticalPath } from './timeline.ts';
import { TTY_FAILED } from './parse/tty.ts';
import type { BuildRecord, DockerfileExcerpt, Failure, LogFormat, LogWrapper, Step } from './types.ts';

export const STEP_HEAD = 20;
export const STEP_TAIL = 80;
export const STEP_NOTABLE = 100;
/**
 * Steps kept in the record. A real build has tens to hundreds; a concatenation of many builds
 * (CI logs, the benchmark) could have millions, so once 2 × MAX_STEPS are held the oldest are
 * dropped down to MAX_STEPS (plus the step of the open error block), counted in `droppedSteps`.
 */
export const MAX_STEPS = 2000;

// A step lives until ~MAX_STEPS newer steps exist, long enough to be promoted out of V8's young
// generation, so its footprint is kept small: no parsed-name object (recomputed on freeze), no
// key string for plain steps, intervals only for rawjson.
export class StepState {
  name: string;
  start: string | null = null;
  end: string | null = null;
  duration: number | null = null;
  cached = false;
  canceled = false;
  error: string | null = null;
  errorLine: number | null = null;
  digest: string | undefined;
  inputs: readonly string[] | undefined;
  /** rawjson: merged execution intervals in ms since epoch. */
  intervals: [number, number][] | null = null;
  readonly output = new BoundedOutput(STEP_HEAD, STEP_TAIL, STEP_NOTABLE);
  /** The key the builder files this step under ('' for plain `#N` steps, filed by number). */
  key = '';
  /** stepKey(name), cached. */
  nameKey = '';

  constructor(
    readonly number: number,
    name: string,
    readonly firstLine: number,
  ) {
    this.name = name;
    this.nameKey = stepKey(name);
  }

  /** The parts of the name (computed on demand: only frozen steps need them). */
  get parsed(): StepName {
    return parseStepName(this.name);
  }

  rename(name: string): void {
    // tty cuts names to the terminal width; keep the longest form seen.
    if (name.length > this.name.length || this.name.length === 0) {
      this.name = name;
      this.nameKey = stepKey(name);
    }
  }
}

export class RecordBuilder {
  private readonly steps = new Map<string, StepState>();
  /** `[platform|stage|i/n]` → latest step with that key, for error blocks and tty lines. */
  private readonly byName = new Map<string, StepState>();
  private plainSteps = new Map<number, StepState>();
  /** One-entry cache in front of plainSteps: consecutive plain lines mostly share their `#N`. */
  private lastPlain: StepState | null = null;
  readonly order: StepState[] = [];
  droppedSteps = 0;
  readonly loose = new BoundedOutput(50, 300, 200);
  readonly kinds = { plain: 0, legacy: 0, tty: 0, classic: 0, rawjson: 0 };
  wrapper: LogWrapper = 'none';
  firstTs: string | null = null;
  lastTs: string | null = null;
  ttyDuration: number | null = null;
  finalError: { text: string; line: number } | null = null;
  /** `exit code: N` / `returned a non-zero code: N` seen on a top-level line. */
  looseExit: { code: number; instruction: string | null; line: number } | null = null;
  excerpt: DockerfileExcerpt | null = null;
  /** The step named by the last ` > [stage i/n] INSTR:` error-block header. */
  blockStep: StepState | null = null;
  lines = 0;
  bytes = 0;

  get(key: string): StepState | undefined {
    return this.steps.get(key);
  }

  /** The step of plain-progress `#n` (numeric index: this is the per-line hot path). */
  getPlain(n: number): StepState | undefined {
    const last = this.lastPlain;
    if (last !== null && last.number === n) return last;
    const s = this.plainSteps.get(n);
    if (s !== undefined) this.lastPlain = s;
    return s;
  }

  /** The step under `key`, created with `name` at `line` if new. */
  upsert(key: string, name: string, line: number): StepState {
    let s = this.steps.get(key);
    if (s === undefined) {
      s = new StepState(this.order.length + this.droppedSteps + 1, name, line);
      this.add(key, s, false);
    } else if (name.length > 0) {
      s.rename(name);
      this.byName.set(s.nameKey, s);
    }
    return s;
  }

  private add(key: string, s: StepState, plain: boolean): void {
    // Plain `#N` steps live only in the numeric index (the per-line hot path looks them up there).
    if (plain) {
      this.plainSteps.set(s.number, s);
      this.lastPlain = s;
    }
    else {
      s.key = key;
      this.steps.set(key, s);
    }
    this.order.push(s);
    if (s.name.length > 0) this.byName.set(s.nameKey, s);
    // Trim in batches (amortised O(1) per step) once twice the cap is reached.
    if (this.order.length >= 2 * MAX_STEPS) {
      // Each step is in `order` once, so "kept" is: among the last MAX_STEPS, or the block's step.
      const cut = this.order.length - MAX_STEPS;
      const keep = this.order.slice(cut);
      const block = this.blockStep;
      const blockDropped = block !== null && this.order.indexOf(block) < cut;
      if (blockDropped) keep.unshift(block);
      for (let i = 0; i < cut; i++) {
        const old = this.order[i]!;
        if (old === block) continue;
        this.droppedSteps++;
        if (old.key.length > 0 && this.steps.get(old.key) === old) this.steps.delete(old.key);
        if (this.byName.get(old.nameKey) === old) this.byName.delete(old.nameKey);
      }
      this.order.length = 0;
      this.order.push(...keep);
      // A plain step is in the numeric index exactly while it is in `order` (one step per
      // number), so the index is rebuilt from the kept steps: cheaper than deleting the rest.
      const plainSteps = new Map<number, StepState>();
      for (const k of keep) if (k.key.length === 0) plainSteps.set(k.number, k);
      this.plainSteps = plainSteps;
      this.lastPlain = null;
    }
  }

  /** Like upsert, but with an explicit display number (`#N`, `Step N`). */
  upsertNumbered(key: string, number: number, name: string, line: number): StepState {
    const plain = key.charCodeAt(0) === 35;
    let s = plain ? this.plainSteps.get(number) : this.steps.get(key);
    if (s === undefined) {
      s = new StepState(number, name, line);
      this.add(key, s, plain);
    } else if (name.length > 0 && s.name.length === 0) {
      s.rename(name);
      this.byName.set(s.nameKey, s);
    }
    return s;
  }

  /** A new plain-progress step `#number` (the caller checked getPlain first; no key string). */
  addPlain(number: number, name: string, line: number): StepState {
    const s = new StepState(number, name, line);
    this.add('', s, true);
    return s;
  }

  /**
   * Copies every retained string that may still be a slice of a read chunk (see detach): lines
   * after input line `after` (older ones were copied by the previous call), and step names,
   * errors and timestamps. Called every few MB of input, so at most that much input is pinned.
   */
  detachRetained(after: number): void {
    for (const s of this.order) {
      s.name = detach(s.name);
      if (s.error !== null) s.error = detach(s.error);
      if (s.start !== null) s.start = detach(s.start);
      if (s.end !== null) s.end = detach(s.end);
      s.output.detachSince(after);
    }
    this.loose.detachSince(after);
    if (this.firstTs !== null) this.firstTs = detach(this.firstTs);
    if (this.lastTs !== null) this.lastTs = detach(this.lastTs);
    if (this.finalError !== null) this.finalError = { text: detach(this.finalError.text), line: this.finalError.line };
  }

  /** Keeps the name index current after a step is renamed by a parser. */
  renamed(s: StepState): void {
    if (s.name.length > 0) this.byName.set(s.nameKey, s);
  }

  /** Finds a step by the `[stage i/n]` part of a name printed elsewhere (error block, tty). */
  findByName(name: string): StepState | undefined {
    return this.byName.get(stepKey(name));
  }

  noteTimestamp(ts: string | null): void {
    if (ts === null) return;
    this.firstTs ??= ts;
    this.lastTs = ts;
  }

  format(): LogFormat {
    const k = this.kinds;
    if (k.rawjson > 0 && k.rawjson >= k.plain) return 'rawjson';
    if (k.plain > 0 && k.plain >= k.classic && k.plain >= k.tty) return k.legacy > 0 ? 'plain-legacy' : 'plain';
    if (k.classic > 0 && k.classic >= k.tty) return 'classic';
    if (k.tty > 0) return 'tty';
    return 'fragment';
  }

  finish(): BuildRecord {
    const steps = this.order.map(freeze);
    const edges = edgesOf(this.order);
    const failure = this.failure(steps);
    let totalDuration: number | null = this.ttyDuration;
    if (this.firstTs !== null && this.lastTs !== null) totalDuration = secondsBetween(this.firstTs, this.lastTs);
    const spans = this.order.flatMap((s) => s.intervals ?? []);
    if (spans.length > 0) {
      const lo = Math.min(...spans.map((x) => x[0]));
      const hi = Math.max(...spans.map((x) => x[1]));
      totalDuration = round((hi - lo) / 1000);
    }
    return {
      format: this.format(),
      wrapper: this.wrapper,
      steps,
      failure,
      loose: this.loose.snapshot(),
      lines: this.lines,
      bytes: this.bytes,
      droppedSteps: this.droppedSteps,
      edges,
      criticalPath: edges === null ? null : computeCriticalPath(steps, edges),
      totalDuration,
    };
  }

  /**
   * Current BuildKit (e.g. v0.29) fails a cache-key computation (COPY of a missing file) in the
   * final error only and prints the vertex as CANCELED; the `>>>` line of the Dockerfile excerpt
   * names it. Only such a cancelled step whose instruction is that line is taken.
   */
  private canceledAtExcerpt(steps: readonly Step[]): Step | undefined {
    const marked = this.excerpt?.lines.filter((l) => l.marked).map((l) => l.text.trim().replace(/\s+/g, ' ')) ?? [];
    if (marked.length !== 1) return undefined;
    return steps.find((s) => s.canceled && s.instruction !== null && s.instruction.replace(/\s+/g, ' ') === marked[0]);
  }

  private failure(steps: readonly Step[]): Failure | null {
    // The root failure is an errored step that was not merely cancelled because a sibling failed.
    const failed = steps.filter((s) => s.error !== null && !s.canceled);
    const exec = failed.find((s) => exitCodeOf(s.error!) !== null);
    const blockIndex = this.blockStep === null ? -1 : this.order.indexOf(this.blockStep);
    const step = exec ?? failed[0] ?? (blockIndex === -1 ? undefined : steps[blockIndex]) ?? this.canceledAtExcerpt(steps);
    const final = this.finalError;
    if (step === undefined && final === null && this.looseExit === null) return null;
    // A tty frame only marks the step ERROR; the real message is the final error line.
    const stepError = step?.error === TTY_FAILED && final !== null ? null : (step?.error ?? null);
    const message = stepError ?? final?.text ?? '';
    const exitCode =
      (stepError === null ? null : exitCodeOf(stepError)) ?? this.looseExit?.code ?? (final === null ? null : exitCodeOf(final.text));
    const instruction = step?.instruction ?? this.looseExit?.instruction ?? (final === null ? null : instructionOf(final.text));
    return {
      step: step?.name ?? (instruction === null ? null : instruction),
      stepNumber: step?.number ?? null,
      instruction,
      exitCode,
      message,
      finalError: final?.text ?? null,
      finalErrorLine: final?.line ?? null,
      dockerfile: this.excerpt,
    };
  }
}

function freeze(s: StepState): Step {
  let duration = s.duration;
  if (duration === null && s.intervals !== null && s.intervals.length > 0) {
    duration = round(s.intervals.reduce((acc, [a, b]) => acc + Math.max(0, b - a), 0) / 1000);
  }
  if (duration === null && s.start !== null && s.end !== null) duration = secondsBetween(s.start, s.end);
  const parsed = s.parsed;
  return {
    number: s.number,
    name: s.name,
    stage: parsed.stage,
    platform: parsed.platform,
    index: parsed.index,
    total: parsed.total,
    instruction: parsed.instruction,
    start: s.start,
    end: s.end,
    duration,
    cached: s.cached,
    canceled: s.canceled,
    error: s.error,
    firstLine: s.firstLine,
    output: s.output.snapshot(),
    ...(s.digest === undefined ? {} : { digest: s.digest }),
    ...(s.inputs === undefined ? {} : { inputs: s.inputs }),
  };
}

function edgesOf(order: readonly StepState[]): [number, number][] | null {
  if (!order.some((s) => s.digest !== undefined)) return null;
  const byDigest = new Map<string, number>();
  for (const s of order) if (s.digest !== undefined) byDigest.set(s.digest, s.number);
  const edges: [number, number][] = [];
  for (const s of order) {
    for (const d of s.inputs ?? []) {
      const from = byDigest.get(d);
      if (from !== undefined) edges.push([from, s.number]);
    }
  }
  return edges;
}

const EXIT = /exit code: (\d+)|returned a non-zero code: (\d+)|exit status (\d+)/;

export function exitCodeOf(text: string): number | null {
  const m = EXIT.exec(text);
  if (m === null) return null;
  return Number(m[1] ?? m[2] ?? m[3]);
}

/** `process "/bin/sh -c go build" did not complete` / `executor failed running [/bin/sh -c go build]` → `RUN go build`. */
const RUN_MARKERS: readonly (readonly [string, string])[] = [
  ['process "/bin/sh -c ', '" did not complete'],
  ['executor failed running [/bin/sh -c ', ']: '],
  ['executor failed running [/dev/.buildkit_qemu_emulator /bin/sh -c ', ']: '],
  ["The command '/bin/sh -c ", "' returned a non-zero"],
  ['The command [/bin/sh -c ', '] returned a non-zero'],
];

export function instructionOf(text: string): string | null {
  for (const [open, close] of RUN_MARKERS) {
    const a = text.indexOf(open);
    if (a === -1) continue;
    const b = text.lastIndexOf(close);
    if (b <= a) continue;
    return `RUN ${text.slice(a + open.length, b).replaceAll('\\"', '"')}`;
  }
  return null;
}

export function secondsBetween(a: string, b: string): number | null {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
  return round((tb - ta) / 1000);
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
