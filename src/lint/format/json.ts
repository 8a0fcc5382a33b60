/**
 * @module lint/format/json
 * `--format json`: one array of `{ file, rule, severity, line, column, endLine, endColumn,
 * message, fix?, suggestions? }` across all files (the contract; fixes are edits on
 * 0-based offsets of the file text).
 */
import type { Formatter } from './types.ts';

export const formatJson: Formatter = (results) => {
  const out = results.flatMap((r) => r.findings.map((f) => ({
    file: f.file,
    rule: f.rule,
    severity: f.severity,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    ...(f.fix === undefined ? {} : { fix: f.fix }),
    ...(f.suggestions === undefined ? {} : { suggestions: f.suggestions }),
  })));
  return `${JSON.stringify(out, null, 2)}\n`;
};
