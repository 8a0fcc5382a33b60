/**
 * @module lint/format/types
 * What every output format receives: per file, its text (for code frames and fix offsets) and
 * its findings, in the order the CLI linted them.
 */
import type { Finding } from '../engine.ts';
import type { AnyRule } from '../rule.ts';

export interface FileResult {
  readonly file: string;
  readonly text: string;
  readonly findings: readonly Finding[];
}

export type Formatter = (results: readonly FileResult[], rules: readonly AnyRule[]) => string;
