/**
 * @module lint/format/text
 * `--format text` (default): `file:line:col: severity [rule] message`, the offending line with
 * a caret under the range, and a summary. Messages and source are sanitised for the terminal.
 */
import { renderCodeFrame, sanitizeForTerminal } from '../../util/code-frame.ts';
import type { Formatter } from './types.ts';

export const formatText: Formatter = (results) => {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  let suggestable = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      const marks: string[] = [];
      if (f.fix !== undefined) {
        fixable++;
        marks.push('fixable');
      } else if (f.suggestions !== undefined) {
        suggestable++;
        marks.push('suggestion: fix --unsafe');
      }
      out += `${sanitizeForTerminal(f.file)}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${sanitizeForTerminal(f.message)}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}\n`;
      const frame = renderCodeFrame(r.text, f.line, f.column, f.endLine === f.line ? Math.max(f.column, f.endColumn - 1) : undefined);
      if (frame !== undefined) out += frame;
    }
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  out += `\n${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`;
  if (fixable > 0) out += `; ${fixable} fixable with \`stevedore fix --write\``;
  if (suggestable > 0) out += `; ${suggestable} more with \`--unsafe\``;
  return `${out}\n`;
};
