/**
 * @module buildlog/parse/tail
 * The failure tail BuildKit prints after the last vertex: the `------` error block headed by
 * ` > [stage i/n] INSTR:` (the failed step's last lines), the Dockerfile excerpt (`Dockerfile:20`,
 * a rule, ` 20 | >>> RUN …`) and the final `ERROR: failed to solve: …` line in its version-
 * dependent spellings. Also recognises top-level error lines in fragments and CI wrappers.
 */
import { exitCodeOf, instructionOf, type RecordBuilder } from '../record.ts';
import { splitPlain, splitSeconds } from './plain.ts';

export interface TailContext {
  readonly builder: RecordBuilder;
  inBlock: boolean;
  /** The block's step had no output before the block (tty, fragment): the block is its output. */
  blockOwnsOutput: boolean;
  excerptHeader: { file: string; line: number } | null;
  excerpt: { file: string; line: number; lines: { line: number; text: string; marked: boolean }[] } | null;
}

export function newTailContext(builder: RecordBuilder): TailContext {
  return { builder, inBlock: false, blockOwnsOutput: false, excerptHeader: null, excerpt: null };
}

const RULE_BLOCK = '------';
const RULE_EXCERPT = '--------------------';
const EXCERPT_HEADER = /^([^\s:]{1,200}):(\d{1,6})$/;
const EXCERPT_LINE = /^\s{0,8}(\d{1,6}) \|( >>>| {3,4})?(?: (.*))?$/;

/** Consumes the line if it belongs to the error block or the excerpt. */
export function handleTail(ctx: TailContext, text: string, line: number): boolean {
  const b = ctx.builder;
  if (ctx.excerpt !== null) {
    if (text === RULE_EXCERPT) {
      b.excerpt ??= ctx.excerpt;
      ctx.excerpt = null;
      return true;
    }
    const m = EXCERPT_LINE.exec(text);
    if (m !== null) {
      if (ctx.excerpt.lines.length < 40) ctx.excerpt.lines.push({ line: Number(m[1]), text: m[3] ?? '', marked: m[2] === ' >>>' });
      return true;
    }
    // A terminal hard wrap continues the previous source line.
    const last = ctx.excerpt.lines[ctx.excerpt.lines.length - 1];
    if (last !== undefined && text.length > 0) return true;
    b.excerpt ??= ctx.excerpt;
    ctx.excerpt = null;
  }
  if (ctx.excerptHeader !== null) {
    const h = ctx.excerptHeader;
    ctx.excerptHeader = null;
    if (text === RULE_EXCERPT) {
      ctx.excerpt = { file: h.file, line: h.line, lines: [] };
      return true;
    }
  }
  if (text === RULE_BLOCK) {
    ctx.inBlock = !ctx.inBlock;
    if (!ctx.inBlock) b.blockStep = b.blockStep ?? null;
    return true;
  }
  if (ctx.inBlock) {
    // A pasted block may lack its closing rule: a top-level error or an excerpt header ends it.
    if (!endsBlock(text)) {
      blockLine(ctx, text, line);
      return true;
    }
    ctx.inBlock = false;
  } else if (blockHeaderName(text) !== null) {
    // A block header without its opening rule (users often paste from the header on).
    ctx.inBlock = true;
    blockLine(ctx, text, line);
    return true;
  }
  // Cheap gate first: excerpt headers are short and never start with `#` or a space.
  const c0 = text.charCodeAt(0);
  if (c0 === 35 || c0 === 32 || text.length > 220) return false;
  const h = EXCERPT_HEADER.exec(text);
  if (h !== null && /dockerfile|containerfile/i.test(h[1]!)) {
    ctx.excerptHeader = { file: h[1]!, line: Number(h[2]) };
    return true;
  }
  return false;
}

function endsBlock(text: string): boolean {
  return (
    text.startsWith('ERROR: failed to') ||
    text.startsWith('error: failed to') ||
    text.startsWith('failed to solve') ||
    (text.length < 220 && text.charCodeAt(0) !== 35 && text.charCodeAt(0) !== 32 && EXCERPT_HEADER.test(text) && /dockerfile|containerfile/i.test(text))
  );
}

/**
 * The step name of an error-block header ` > [stage 3/7] RUN …:`. Pasted into an issue form or a
 * list item the whole log is often indented, so up to eight leading blanks (and trailing blanks)
 * are accepted.
 */
function blockHeaderName(raw: string): string | null {
  // Terminal-width padding after the colon survives copy and paste from a TTY.
  const text = raw.charCodeAt(raw.length - 1) === 32 ? raw.trimEnd() : raw;
  if (!text.endsWith(':')) return null;
  let i = 0;
  while (i < 8 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === 0 || !text.startsWith('> [', i)) return null;
  return text.slice(i + 2, -1);
}

function blockLine(ctx: TailContext, text: string, line: number): void {
  const b = ctx.builder;
  const name = blockHeaderName(text) ?? (text.startsWith(' > ') && text.endsWith(':') ? text.slice(3, -1) : null);
  if (name !== null) {
    let step = b.findByName(name);
    ctx.blockOwnsOutput = step === undefined || step.output.total === 0;
    step ??= b.upsert(`block:${name}`, name, line);
    step.rename(name);
    b.renamed(step);
    b.blockStep = step;
    return;
  }
  // Block lines are `<secs> text` (v0.12+) or `#N <secs> text` (≤ v0.11, often `#0`); BuildKit
  // never indents them, so leading blanks come from a pasted, indented excerpt.
  let body = text;
  let lead = 0;
  while (lead < 8 && (body.charCodeAt(lead) === 32 || body.charCodeAt(lead) === 9)) lead++;
  if (lead > 0) body = body.slice(lead);
  const p = splitPlain(body);
  if (p !== null) body = p.rest;
  const out = splitSeconds(body);
  if (out !== null) body = out;
  if (ctx.blockOwnsOutput && b.blockStep !== null) b.blockStep.output.add(line, body);
  else b.loose.add(line, body);
}

const FINAL_PREFIXES = [
  'ERROR: ',
  'error: ',
  'Error: ',
  'failed to solve',
  'failed to build',
  'Error response from daemon:',
  'buildx failed with:',
  'executor failed running',
  'failed to compute cache key',
  'failed to read dockerfile',
  'unable to prepare context',
  'error building image',
  'error during connect',
  "The command '",
  'The command [',
  'ERROR: Service',
  'Service ',
];

/** Records a top-level error line as the final error; returns true if it was one. */
export function noteFinalError(b: RecordBuilder, text: string, line: number, weak = false): boolean {
  if (!FINAL_PREFIXES.some((p) => text.startsWith(p))) return false;
  // Wrapper noise such as `Error: Process completed with exit code 1.` never replaces a real error.
  const isWeak = weak || /Process completed with exit code|^Error: buildx failed with: *$/.test(text);
  if (isWeak && b.finalError !== null) return true;
  if (text.startsWith('buildx failed with: ') && b.finalError !== null) return true;
  b.finalError = { text, line };
  const code = exitCodeOf(text);
  if (code !== null && !/Process completed/.test(text)) b.looseExit = { code, instruction: instructionOf(text), line };
  return true;
}
