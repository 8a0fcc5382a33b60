/**
 * @module buildlog/types
 * The build record that every log format is parsed into: the steps of the build (with bounded
 * output), the failing step and the final error. Pure data; produced by `buildlog/record.ts`.
 */

/** Which log dialect the input was recognised as. */
export type LogFormat =
  | 'plain' // BuildKit --progress=plain, v0.9+
  | 'plain-legacy' // BuildKit <= v0.8 (Docker 20.10): `#N sha256:` lines, `executor failed running`
  | 'tty' // a captured tty frame (` => [stage i/n] ...`)
  | 'rawjson' // --progress=rawjson (one SolveStatus per line)
  | 'classic' // the legacy builder (`Step n/m : ...`)
  | 'fragment'; // no step header at all: a pasted error line or block

/** Outer wrapper seen around the build output, if any. */
export type LogWrapper = 'github-actions' | 'timestamped' | 'compose' | 'none';

/** One retained line of the input with its 1-based line number in that input. */
export interface LogLine {
  readonly line: number;
  readonly text: string;
}

/** Bounded output of one step: the first and last lines, and lines that look like errors. */
export interface StepOutput {
  readonly head: readonly LogLine[];
  readonly tail: readonly LogLine[];
  /** Lines between head and tail that look like errors or warnings (bounded). */
  readonly notable: readonly LogLine[];
  /** How many output lines were seen in total (including dropped ones). */
  readonly total: number;
}

export interface Step {
  /** Display number: `#N` (plain), `Step N` (classic) or the order of first appearance (rawjson, tty). */
  readonly number: number;
  /** The vertex name as printed, e.g. `[builder 3/7] RUN go mod download`. */
  readonly name: string;
  /** Stage name from `[stage i/n]` (null for the unnamed stage or internal vertices). */
  readonly stage: string | null;
  /** Platform prefix from `[linux/arm64 stage i/n]`. */
  readonly platform: string | null;
  readonly index: number | null;
  readonly total: number | null;
  /** The Dockerfile instruction, e.g. `RUN go mod download` (null for internal vertices). */
  readonly instruction: string | null;
  /** ISO timestamps when the log carries them (rawjson, CI timestamps). */
  readonly start: string | null;
  readonly end: string | null;
  /** Seconds; from `DONE xs`, tty durations, or end - start. */
  readonly duration: number | null;
  readonly cached: boolean;
  readonly canceled: boolean;
  readonly error: string | null;
  /** First input line that belongs to this step. */
  readonly firstLine: number;
  readonly output: StepOutput;
  /** rawjson only: the vertex digest and its input digests (DAG edges). */
  readonly digest?: string;
  readonly inputs?: readonly string[];
}

/** The Dockerfile excerpt BuildKit prints on failure (`Dockerfile:20` + `>>>` lines). */
export interface DockerfileExcerpt {
  readonly file: string;
  readonly line: number;
  /** Source lines as printed; `marked` is true for lines carrying `>>>`. */
  readonly lines: readonly { readonly line: number; readonly text: string; readonly marked: boolean }[];
}

export interface Failure {
  /** The failing step's name, or the instruction recovered from the error text in fragments. */
  readonly step: string | null;
  readonly stepNumber: number | null;
  readonly instruction: string | null;
  readonly exitCode: number | null;
  /** The most specific error message (the failing step's ERROR, else the final error line). */
  readonly message: string;
  /** The last top-level error line (`ERROR: failed to solve: ...`), if printed. */
  readonly finalError: string | null;
  readonly finalErrorLine: number | null;
  readonly dockerfile: DockerfileExcerpt | null;
}

export interface CriticalPath {
  /** Step numbers from the first to the last vertex on the longest path. */
  readonly steps: readonly number[];
  readonly duration: number;
}

export interface BuildRecord {
  readonly format: LogFormat;
  readonly wrapper: LogWrapper;
  readonly steps: readonly Step[];
  readonly failure: Failure | null;
  /** Retained lines not attached to a step: the failure tail, CI lines, fragments (bounded). */
  readonly loose: StepOutput;
  /** Count of input lines and bytes read. */
  readonly lines: number;
  readonly bytes: number;
  /** Oldest steps dropped to bound memory (only for logs with more than 2000 steps). */
  readonly droppedSteps: number;
  /** DAG edges `[from, to]` by step number (rawjson only) and the critical path. */
  readonly edges: readonly (readonly [number, number])[] | null;
  readonly criticalPath: CriticalPath | null;
  /** Wall-clock seconds when known (rawjson / CI timestamps / tty header). */
  readonly totalDuration: number | null;
}
