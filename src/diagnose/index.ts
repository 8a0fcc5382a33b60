/**
 * @module diagnose
 * Public API of the diagnose part: run the failure signatures over a parsed build log and render
 * the result (text, JSON, Markdown, GitHub annotations) with secrets masked.
 */
export { diagnose, compareDiagnoses, type DiagnoseOptions } from './engine.ts';
export { SIGNATURES } from './signatures/index.ts';
export { ORDERING_RULES, applyOrdering, type OrderingRule } from './ordering.ts';
export { maskSecrets } from './redact.ts';
export { renderDiagnosis, type DiagnoseFormat, type DiagnoseReport } from './format/index.ts';
export { locateInstruction, type DockerfileSource } from './dockerfile-source.ts';
export type { Diagnosis, Evidence, Fix, FixKind, Signature } from './types.ts';
