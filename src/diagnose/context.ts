/**
 * @module diagnose/context
 * Builds the DiagnoseContext from a BuildRecord: all retained lines (step outputs, the error
 * block, loose lines, the failure message) in line order, each tagged with its step.
 */
import { outputLines, type BuildRecord } from '../buildlog/index.ts';
import type { ContextLine, DiagnoseContext } from './types.ts';

export function buildContext(record: BuildRecord, dockerfile: string | null = null): DiagnoseContext {
  const byLine = new Map<number, ContextLine>();
  const add = (line: number, text: string, step: number | null): void => {
    const prev = byLine.get(line);
    // One input line can carry several texts (a rawjson line holds many log chunks): keep both.
    if (prev === undefined) byLine.set(line, { line, text, step });
    else if (prev.text !== text && !prev.text.includes(text)) byLine.set(line, { line, text: `${prev.text}\n${text}`, step: prev.step ?? step });
  };
  for (const s of record.steps) {
    for (const l of outputLines(s.output)) add(l.line, l.text, s.number);
  }
  for (const l of outputLines(record.loose)) add(l.line, l.text, null);
  const f = record.failure;
  if (f?.finalError != null && f.finalErrorLine !== null) add(f.finalErrorLine, f.finalError, null);
  const lines = [...byLine.values()].sort((a, b) => a.line - b.line);
  return {
    record,
    lines,
    failingStep: f?.stepNumber ?? null,
    instruction: f?.instruction ?? null,
    dockerfile,
  };
}
