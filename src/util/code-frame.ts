/**
 * @module util/code-frame
 * Renders the offending source line with a caret under the column, for CLI error output and
 * the lint text formatter. Control characters are made visible so hostile input cannot drive
 * the terminal.
 */
export function renderCodeFrame(text: string, line: number, column: number, endColumn?: number): string | undefined {
  // Find the line without splitting the whole file (files may be 20 MB).
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return undefined;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end === -1) end = text.length;
  let src = text.slice(start, end).replace(/\r$/, '');
  if (src.length > 200) src = src.slice(0, 200) + '…';
  const shown = sanitizeForTerminal(src);
  const gutter = `${line} | `;
  const col = Math.max(1, Math.min(column, shown.length + 1));
  const width = Math.max(1, (endColumn !== undefined && endColumn >= col ? Math.min(endColumn, shown.length) - col + 1 : 1));
  return `${gutter}${shown}\n${' '.repeat(gutter.length + col - 1)}${'^'.repeat(width)}\n`;
}

/** Replaces C0/C1 control characters (ESC included) by a visible placeholder. */
export function sanitizeForTerminal(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}
