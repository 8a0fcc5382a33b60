/**
 * @module buildlog/parse/rawjson
 * `--progress=rawjson`: one JSON-encoded SolveStatus per line (client/graph.go). Vertices are
 * re-sent whole on each change (last write wins, intervals merged); log chunks are base64 and not
 * line-aligned, so each vertex keeps a partial-line buffer (capped). `inputs` give the DAG edges.
 */
import { MAX_LINE } from '../lines.ts';
import type { RecordBuilder, StepState } from '../record.ts';

export interface RawJsonContext {
  readonly builder: RecordBuilder;
  /** Unterminated tail of each vertex's log stream. */
  readonly partial: Map<string, { text: string; line: number }>;
}

export function newRawJsonContext(builder: RecordBuilder): RawJsonContext {
  return { builder, partial: new Map() };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function handleRawJson(ctx: RawJsonContext, text: string, line: number): boolean {
  if (text.charCodeAt(0) !== 123) return false;
  let status: unknown;
  try {
    status = JSON.parse(text);
  } catch {
    // Named fallback: a line starting with `{` that is not JSON (cut by the line cap, or plain
    // text) is simply not a rawjson line; the caller keeps it as text.
    return false;
  }
  if (!isRecord(status)) return false;
  const { vertexes, logs, warnings, statuses } = status;
  if (![vertexes, logs, warnings, statuses].some(Array.isArray)) return false;
  const b = ctx.builder;
  b.kinds.rawjson++;
  if (Array.isArray(vertexes)) for (const v of vertexes) if (isRecord(v)) vertex(b, v, line);
  if (Array.isArray(logs)) for (const l of logs) if (isRecord(l)) log(ctx, l, line);
  if (Array.isArray(warnings)) {
    for (const w of warnings) {
      if (!isRecord(w)) continue;
      const step = stepOf(b, str(w.vertex), line);
      const short = str(w.short);
      if (step !== undefined && short !== undefined) step.output.add(line, `WARN: ${decode(short).trim()}`);
    }
  }
  return true;
}

function stepOf(b: RecordBuilder, digest: string | undefined, line: number): StepState | undefined {
  if (digest === undefined) return undefined;
  const s = b.upsert(`rj:${digest}`, '', line);
  s.digest = digest;
  return s;
}

function vertex(b: RecordBuilder, v: Record<string, unknown>, line: number): void {
  const step = stepOf(b, str(v.digest), line);
  if (step === undefined) return;
  const name = str(v.name);
  if (name !== undefined) {
    step.rename(name);
    b.renamed(step);
  }
  if (Array.isArray(v.inputs)) step.inputs = v.inputs.filter((x): x is string => typeof x === 'string');
  if (v.cached === true) step.cached = true;
  const started = str(v.started);
  const completed = str(v.completed);
  if (started !== undefined) step.start ??= started;
  if (completed !== undefined) step.end = completed;
  if (started !== undefined && completed !== undefined) addInterval(step, Date.parse(started), Date.parse(completed));
  const error = str(v.error);
  // buildkitd v0.29 re-sends a failed vertex with "context canceled" after its real error;
  // keep the first (root) error rather than turning the step into a mere cancellation.
  const keepRoot = error?.endsWith('context canceled') === true && step.error !== null && !step.canceled;
  if (error !== undefined && error.length > 0 && !keepRoot) {
    step.error = error;
    step.errorLine = line;
    step.canceled = error.endsWith('context canceled');
    step.output.add(line, `ERROR: ${error}`);
  }
}

/** Merge [a, b] into the step's intervals (a vertex can run more than once; resends repeat). */
function addInterval(step: StepState, a: number, b: number): void {
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return;
  const intervals = (step.intervals ??= []);
  for (const iv of intervals) {
    if (a <= iv[1] && b >= iv[0]) {
      iv[0] = Math.min(iv[0], a);
      iv[1] = Math.max(iv[1], b);
      return;
    }
  }
  if (intervals.length < 64) intervals.push([a, b]);
}

function log(ctx: RawJsonContext, l: Record<string, unknown>, line: number): void {
  const digest = str(l.vertex);
  const data = str(l.data);
  const step = stepOf(ctx.builder, digest, line);
  if (step === undefined || data === undefined) return;
  const prev = ctx.partial.get(digest!);
  let text = (prev?.text ?? '') + decode(data);
  const firstLine = prev?.line ?? line;
  let start = 0;
  let lineNo = firstLine;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) break;
    step.output.add(lineNo, text.slice(start, nl).replace(/\r$/, ''));
    lineNo = line;
    start = nl + 1;
  }
  text = text.slice(start);
  if (text.length > MAX_LINE) text = text.slice(0, MAX_LINE);
  if (text.length === 0) ctx.partial.delete(digest!);
  else ctx.partial.set(digest!, { text, line: start === 0 ? firstLine : line });
}

export function flushRawJson(ctx: RawJsonContext): void {
  for (const [digest, p] of ctx.partial) ctx.builder.get(`rj:${digest}`)?.output.add(p.line, p.text);
  ctx.partial.clear();
}

function decode(b64: string): string {
  return Buffer.from(b64, 'base64').toString('utf8');
}
