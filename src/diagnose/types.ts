/**
 * @module diagnose/types
 * The contract between the diagnosis engine and its signatures: what a signature sees (a
 * DiagnoseContext over a BuildRecord) and what it returns (a match with evidence and fixes).
 */
import type { BuildRecord, LogLine } from '../buildlog/index.ts';

export type FixKind = 'dockerfile' | 'flag' | 'env' | 'command' | 'file';

/** A concrete change the user can make; `text` is what to type or write. */
export interface Fix {
  readonly kind: FixKind;
  readonly text: string;
  readonly description: string;
}

export interface Evidence {
  readonly line: number;
  readonly text: string;
}

export interface Diagnosis {
  readonly category: string;
  /** 0..1; diagnoses are sorted by it, after cause-over-symptom rules are applied. */
  readonly confidence: number;
  readonly step: string | null;
  readonly evidence: readonly Evidence[];
  readonly summary: string;
  readonly fixes: readonly Fix[];
  /** Set when a cause-over-symptom rule demoted this diagnosis: the category that explains it. */
  readonly symptomOf?: string;
}

/** A retained line with the step it belongs to (null for top-level lines). */
export interface ContextLine extends LogLine {
  readonly step: number | null;
}

export interface DiagnoseContext {
  readonly record: BuildRecord;
  /** Every retained line, in input order, deduplicated by line number. */
  readonly lines: readonly ContextLine[];
  /** Number of the failing step, when known. */
  readonly failingStep: number | null;
  /** The failing step's instruction (`RUN go build …`), or one recovered from the error text. */
  readonly instruction: string | null;
  /** Dockerfile text given with --dockerfile, if any. */
  readonly dockerfile: string | null;
}

export interface SignatureMatch {
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
  readonly summary: string;
  readonly fixes: readonly Fix[];
}

export interface Signature {
  /** Category id; equals the file name under signatures/. */
  readonly id: string;
  /** One line for docs and `--help`. */
  readonly title: string;
  match(ctx: DiagnoseContext): SignatureMatch | null;
}
