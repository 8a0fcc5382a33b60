/**
 * @module diagnose/format/markdown
 * Markdown (for PR comments and job summaries). Untrusted log text is escaped: inline text has
 * HTML and Markdown metacharacters backslash-escaped or entity-encoded, and log lines go into
 * fenced blocks whose fence is longer than any backtick run inside.
 */
import { stripAnsi } from '../../buildlog/index.ts';
import type { DiagnoseReport } from './index.ts';

/** Escapes text for inline Markdown: HTML entities plus Markdown metacharacters. */
export function escapeMarkdown(s: string): string {
  return stripAnsi(s)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
    .replace(/\r?\n/g, ' ');
}

function fence(lines: readonly string[]): string {
  const body = lines.map((l) => stripAnsi(l)).join('\n');
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const f = '`'.repeat(Math.max(3, longest + 1));
  return `${f}text\n${body}\n${f}`;
}

export function renderMarkdown(r: DiagnoseReport): string {
  const out: string[] = ['## Build failure diagnosis', ''];
  const f = r.record.failure;
  if (f === null && r.diagnoses.length === 0) {
    out.push('No failure found: the build succeeded.');
    return out.join('\n') + '\n';
  }
  if (f !== null) {
    out.push(`**Failed step:** ${escapeMarkdown(f.step ?? 'unknown')}${f.exitCode === null ? '' : ` (exit code ${f.exitCode})`}`, '');
    out.push(fence([f.message]), '');
  }
  if (r.source !== null) out.push(`**${escapeMarkdown(r.source.file)}:${r.source.startLine}**`, '', fence(r.source.lines.map((l) => `${l.line} | ${l.text}`)), '');
  r.diagnoses.forEach((d, i) => {
    out.push(`### ${i === 0 ? 'Cause' : 'Also'}: \`${d.category}\` (confidence ${d.confidence.toFixed(2)})${d.symptomOf === undefined ? '' : ` — symptom of \`${d.symptomOf}\``}`, '');
    out.push(escapeMarkdown(d.summary), '', '**Evidence**', '');
    out.push(fence(d.evidence.flatMap((e) => e.text.split('\n').map((t) => `${e.line}: ${t}`))), '', '**Fixes**', '');
    for (const x of d.fixes) out.push(`- ${escapeMarkdown(x.description)} (${x.kind})`, '', fence(x.text.split('\n')).replace(/^/gm, '  '), '');
  });
  return out.join('\n') + '\n';
}
