/**
 * @module diagnose/format/text
 * Terminal output: the failing step, then each diagnosis with evidence lines and fixes. Log text
 * is stripped of ANSI/control sequences so a hostile log cannot drive the terminal.
 */
import { stripAnsi } from '../../buildlog/index.ts';
import { sanitizeForTerminal } from '../../util/code-frame.ts';
import type { DiagnoseReport } from './index.ts';

export function clean(s: string): string {
  const t = sanitizeForTerminal(stripAnsi(s));
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
}

export function renderText(r: DiagnoseReport): string {
  const out: string[] = [];
  const f = r.record.failure;
  out.push(`log format: ${r.record.format}${r.record.wrapper === 'none' ? '' : ` (${r.record.wrapper})`}, ${r.record.steps.length} steps`);
  if (f === null && r.diagnoses.length === 0) {
    out.push('no failure found: the build succeeded (or the log holds no error).');
    return out.join('\n') + '\n';
  }
  if (f !== null) {
    out.push(`failed step: ${clean(f.step ?? '(unknown)')}${f.exitCode === null ? '' : ` (exit code ${f.exitCode})`}`);
    out.push(`error: ${clean(f.message)}`);
  }
  if (r.source !== null) {
    out.push('', `${clean(r.source.file)}:${r.source.startLine}`);
    for (const l of r.source.lines) out.push(`  ${String(l.line).padStart(4)} | ${clean(l.text)}`);
  } else if (r.sourceNote !== null) {
    out.push(`note: ${r.sourceNote}`);
  }
  if (r.diagnoses.length === 0) {
    out.push('', 'no known failure signature matched; read the failing step\'s last lines above.');
  }
  r.diagnoses.forEach((d, i) => {
    out.push('', `${i === 0 ? 'cause' : 'also'}: ${d.category} (confidence ${d.confidence.toFixed(2)})${d.symptomOf === undefined ? '' : ` — symptom of ${d.symptomOf}`}`);
    out.push(`  ${clean(d.summary)}`);
    out.push('  evidence:');
    for (const e of d.evidence) for (const t of e.text.split('\n')) out.push(`    line ${e.line}: ${clean(t)}`);
    out.push('  fixes:');
    for (const x of d.fixes) {
      out.push(`    - [${x.kind}] ${x.description}`);
      for (const t of x.text.split('\n')) out.push(`        ${clean(t)}`);
    }
  });
  return out.join('\n') + '\n';
}
