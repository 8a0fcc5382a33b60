/**
 * @module buildlog/parse/plain
 * BuildKit `--progress=plain` lines (`#N …`), old (≤ v0.8: `#N sha256:` digest lines, `executor
 * failed running`) and new. A line-at-a-time state machine: `#N name` after a blank line (or for
 * an unseen N) is a header, `#N <secs> text` is process output, `DONE`/`CACHED`/`ERROR:`/
 * `CANCELED` end the vertex, anything else is a status line kept as output.
 */
import type { RecordBuilder } from '../record.ts';

export interface PlainContext {
  readonly builder: RecordBuilder;
  prevBlank: boolean;
}

/** Reads `#N` and returns N and the text after `#N `; null when the line is not a plain line. */
export function splitPlain(text: string): { n: number; rest: string } | null {
  if (text.charCodeAt(0) !== 35) return null;
  let i = 1;
  while (i < text.length && i < 9) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  if (i === 1) return null;
  if (i < text.length && text.charCodeAt(i) !== 32) return null;
  return { n: Number(text.slice(1, i)), rest: text.slice(i + 1) };
}

/** `0.084 text` / `12.34 text` / `105.2` → the text; null if the line does not start with seconds. */
export function splitSeconds(rest: string): string | null {
  let i = 0;
  let dot = false;
  while (i < rest.length && i < 12) {
    const c = rest.charCodeAt(i);
    if (c === 46 && !dot && i > 0) dot = true;
    else if (c < 48 || c > 57) break;
    i++;
  }
  if (!dot || rest.charCodeAt(i - 1) === 46) return null;
  if (i === rest.length) return '';
  if (rest.charCodeAt(i) !== 32) return null;
  return rest.slice(i + 1);
}

/** True when text[from..] is lower-case hex (the digest of a `#N sha256:<64 hex>` line). */
function isHex(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

export function handlePlain(ctx: PlainContext, text: string, line: number, ts: string | null): boolean {
  const p = splitPlain(text);
  if (p === null) return false;
  const b = ctx.builder;
  const { n, rest } = p;
  b.kinds.plain++;
  // `#0 building with "default" instance using docker driver` describes the builder; not a step.
  if (n === 0 && b.getPlain(0) === undefined) {
    const out = splitSeconds(rest);
    b.loose.add(line, out ?? rest);
    return true;
  }
  const existing = b.getPlain(n);
  if (existing === undefined) {
    const out = splitSeconds(rest);
    const step = b.upsertNumbered(`#${n}`, n, out === null ? rest : '', line);
    if (out !== null) step.output.add(line, out);
    stamp(step, ts);
    return true;
  }
  stamp(existing, ts);
  if (rest === existing.name || rest === '...') return true;
  if (rest.length === 71 && rest.startsWith('sha256:') && isHex(rest, 7)) {
    b.kinds.legacy++;
    return true;
  }
  if (rest === 'CACHED') {
    existing.cached = true;
    return true;
  }
  if (rest.startsWith('DONE ')) {
    const secs = Number.parseFloat(rest.slice(5));
    if (!Number.isNaN(secs)) existing.duration = secs;
    return true;
  }
  if (rest === 'CANCELED') {
    existing.canceled = true;
    return true;
  }
  if (rest.startsWith('ERROR: ') || rest.startsWith('ERROR ')) {
    const msg = rest.slice(rest.charCodeAt(5) === 58 ? 7 : 6);
    existing.error = msg;
    existing.errorLine = line;
    if (msg.endsWith('context canceled')) existing.canceled = true;
    if (msg.startsWith('executor failed running')) b.kinds.legacy++;
    existing.output.add(line, `ERROR: ${msg}`);
    return true;
  }
  const out = splitSeconds(rest);
  if (out !== null) {
    existing.output.add(line, out);
    return true;
  }
  if (existing.name.length === 0 && !rest.startsWith('WARN: ')) {
    existing.rename(rest);
    b.renamed(existing);
    return true;
  }
  existing.output.add(line, rest);
  return true;
}

function stamp(step: { start: string | null; end: string | null }, ts: string | null): void {
  if (ts === null) return;
  step.start ??= ts;
  step.end = ts;
}
