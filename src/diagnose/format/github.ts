/**
 * @module diagnose/format/github
 * GitHub Actions workflow commands: one `::error` annotation for the top diagnosis and
 * `::warning` for the others, pointing at the Dockerfile line when known. Data and properties
 * are escaped as the runner expects (%, CR, LF; plus : and , in properties) so log text cannot
 * inject commands.
 */
import { stripAnsi } from '../../buildlog/index.ts';
import type { DiagnoseReport } from './index.ts';

export function escapeData(s: string): string {
  return stripAnsi(s).replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

export function renderGithub(r: DiagnoseReport): string {
  const f = r.record.failure;
  if (f === null && r.diagnoses.length === 0) return '';
  const file = r.source?.file ?? f?.dockerfile?.file ?? null;
  const line = r.source?.startLine ?? f?.dockerfile?.line ?? null;
  const where = file === null || line === null ? '' : `file=${escapeProperty(file)},line=${line},`;
  if (r.diagnoses.length === 0) {
    return `::error ${where}title=${escapeProperty('build failed')}::${escapeData(f?.message ?? '')}\n`;
  }
  return r.diagnoses
    .map((d, i) => {
      const kind = i === 0 ? 'error' : 'warning';
      const fixes = d.fixes.map((x) => `- ${x.description}: ${x.text}`).join('\n');
      const evidence = d.evidence.map((e) => `line ${e.line}: ${e.text}`).join('\n');
      const title = escapeProperty(`${d.category}${f?.step == null ? '' : ` in ${f.step}`}`);
      return `::${kind} ${where}title=${title}::${escapeData(`${d.summary}\n\nEvidence:\n${evidence}\n\nFixes:\n${fixes}`)}\n`;
    })
    .join('');
}
