/**
 * @module lint/format/github
 * `--format github`: GitHub Actions workflow commands (`::error file=…,line=…::message`), one
 * per finding, so findings appear as pull-request annotations. Values are escaped as the
 * runner expects (`%`, CR, LF in data; also `:` and `,` in properties), which also keeps a
 * hostile message from injecting a second command.
 */
import type { Formatter } from './types.ts';

function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const formatGithub: Formatter = (results) => {
  let out = '';
  for (const r of results) {
    for (const f of r.findings) {
      const props = [
        `file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`stevedore ${f.rule}`)}`,
      ].join(',');
      out += `::${LEVEL[f.severity]} ${props}::${escapeData(f.message)}\n`;
    }
  }
  return out;
};
