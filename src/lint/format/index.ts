/**
 * @module lint/format
 * The output formats of `stevedore lint` and the exit-code policy: 1 when any finding is an
 * error or a warning, 0 when there are none or only info.
 */
import { StevedoreError } from '../../errors.ts';
import type { Finding } from '../engine.ts';
import type { AnyRule } from '../rule.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';
import type { FileResult, Formatter } from './types.ts';

export type { FileResult } from './types.ts';

export const FORMATS = { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub } as const satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATS;

export function isFormat(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}

export function formatFindings(name: string, results: readonly FileResult[], rules: readonly AnyRule[]): string {
  if (!isFormat(name)) throw new StevedoreError('LINT_UNKNOWN_FORMAT', `unknown format ${JSON.stringify(name)}`);
  return FORMATS[name](results, rules);
}

export function exitCodeFor(findings: readonly Finding[]): 0 | 1 {
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
}
