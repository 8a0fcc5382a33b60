/**
 * @module diagnose/format/json
 * The JSON report: `{ format, steps, failure: {step, exitCode, message} | null, diagnoses }`,
 * diagnoses best first. Steps are listed without their retained output (that is what
 * `stevedore timeline --format json` is for); evidence carries the relevant lines.
 */
import { stepJson } from '../../buildlog/index.ts';
import type { DiagnoseReport } from './index.ts';

export function renderJson(r: DiagnoseReport): string {
  const f = r.record.failure;
  const out = {
    format: r.record.format,
    wrapper: r.record.wrapper,
    steps: r.record.steps.map(stepJson),
    failure:
      f === null
        ? null
        : {
            step: f.step,
            stepNumber: f.stepNumber,
            instruction: f.instruction,
            exitCode: f.exitCode,
            message: f.message,
            finalError: f.finalError,
            dockerfile: r.source === null ? (f.dockerfile === null ? null : { file: f.dockerfile.file, line: f.dockerfile.line }) : { file: r.source.file, line: r.source.startLine, endLine: r.source.endLine, lines: r.source.lines },
          },
    diagnoses: r.diagnoses,
    ...(r.sourceNote === null ? {} : { notes: [r.sourceNote] }),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
