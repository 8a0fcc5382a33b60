/**
 * @module diagnose/format
 * Renders a diagnose report in one of four formats. Every string that came from the log goes
 * through maskSecrets first (here, once), then through the format's own escaping.
 */
import type { BuildRecord } from '../../buildlog/index.ts';
import type { DockerfileSource } from '../dockerfile-source.ts';
import type { Diagnosis } from '../types.ts';
import { maskSecrets } from '../redact.ts';
import { renderText } from './text.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { renderGithub } from './github.ts';

export type DiagnoseFormat = 'text' | 'json' | 'markdown' | 'github';

export interface DiagnoseReport {
  readonly record: BuildRecord;
  readonly diagnoses: readonly Diagnosis[];
  /** The failing instruction's source lines when --dockerfile was given and it was found. */
  readonly source: (DockerfileSource & { readonly file: string }) | null;
  /** Why the source could not be shown, when --dockerfile was given. */
  readonly sourceNote: string | null;
}

export function renderDiagnosis(report: DiagnoseReport, format: DiagnoseFormat): string {
  const masked = maskReport(report);
  switch (format) {
    case 'text':
      return renderText(masked);
    case 'json':
      return renderJson(masked);
    case 'markdown':
      return renderMarkdown(masked);
    case 'github':
      return renderGithub(masked);
  }
}

function maskReport(r: DiagnoseReport): DiagnoseReport {
  const f = r.record.failure;
  return {
    ...r,
    record: {
      ...r.record,
      steps: r.record.steps.map((s) => ({ ...s, name: maskSecrets(s.name), error: s.error === null ? null : maskSecrets(s.error), instruction: s.instruction === null ? null : maskSecrets(s.instruction) })),
      failure:
        f === null
          ? null
          : {
              ...f,
              step: f.step === null ? null : maskSecrets(f.step),
              instruction: f.instruction === null ? null : maskSecrets(f.instruction),
              message: maskSecrets(f.message),
              finalError: f.finalError === null ? null : maskSecrets(f.finalError),
            },
    },
    diagnoses: r.diagnoses.map((d) => ({
      ...d,
      step: d.step === null ? null : maskSecrets(d.step),
      evidence: d.evidence.map((e) => ({ line: e.line, text: maskSecrets(e.text) })),
      summary: maskSecrets(d.summary),
    })),
    source: r.source === null ? null : { ...r.source, lines: r.source.lines.map((l) => ({ line: l.line, text: maskSecrets(l.text) })) },
  };
}
