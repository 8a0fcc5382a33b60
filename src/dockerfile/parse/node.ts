/**
 * @module dockerfile/parse/node
 * Builds one InstructionNode from a logical line (BuildKit's newNodeFromLine): keyword, flags,
 * rest and arguments, each with a source range; ONBUILD nests the triggered instruction.
 */
import { StevedoreError } from '../../errors.ts';
import type { Comment, Flag, Heredoc, InstructionNode, Position, Range } from '../types.ts';
import { LineParseError, parseArgs } from './line-parsers.ts';
import type { SegmentMap } from './source.ts';
import { splitCommand } from './split.ts';

/** A node under construction: heredocs are attached and the range extended after the body lines are read. */
export type MutableNode = Omit<InstructionNode, 'range' | 'heredocs'> & { range: Range; heredocs: Heredoc[] };

const EMPTY: readonly never[] = Object.freeze([]);
/** Keyword spellings seen in practice, so the common case allocates no new string. */
const UPPER = new Map<string, string>();
for (const k of ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']) {
  UPPER.set(k, k);
  UPPER.set(k.toLowerCase(), k);
}

/**
 * `start`/`end` are where the whole instruction starts and ends (its first and last physical
 * lines, as BuildKit counts them: a line holding only the escape character starts it); nested
 * ONBUILD triggers span their own text.
 */
export function buildNode(line: string, map: SegmentMap, base: number, escape: number, comments: readonly Comment[], file: string | undefined, end?: Position, start?: Position): MutableNode {
  const sp = splitCommand(line, escape);
  const flags: readonly Flag[] = sp.flags.length === 0 ? EMPTY : sp.flags.map((f) => {
    const eq = f.text.indexOf('=');
    const body = f.text.startsWith('--') ? f.text.slice(2) : f.text;
    return {
      name: eq < 0 ? body : f.text.slice(2, eq),
      value: eq < 0 ? undefined : f.text.slice(eq + 1),
      text: f.text,
      range: map.range(base + f.start, base + f.end),
    };
  });
  const restR = map.range(base + sp.restStart, base + sp.restEnd);
  const upper = UPPER.get(sp.keyword) ?? sp.keyword.toUpperCase();
  const kw = upper.toLowerCase();
  let args: string[] = [];
  let json = false;
  let spans: number[] = [];
  let inner: MutableNode | undefined;
  if (kw === 'onbuild') {
    if (sp.rest !== '') inner = buildNode(sp.rest, map, base + sp.restStart, escape, EMPTY, file);
  } else {
    try {
      ({ args, json, spans } = parseArgs(kw, sp.rest, escape));
    } catch (e) {
      if (e instanceof LineParseError) {
        throw new StevedoreError(e.code, e.message, { location: locationOf(restR, file), data: { instruction: sp.keyword.toUpperCase() } });
      }
      throw e;
    }
  }
  const keywordRange = map.range(base + sp.keywordStart, base + sp.keywordEnd);
  const at = base + sp.restStart;
  const argRanges: Range[] = [];
  const restLen = sp.restEnd - sp.restStart;
  for (let i = 0; i < spans.length; i += 2) {
    // Share Position objects with restRange where they coincide: files have 100k+ nodes.
    const a = spans[i]!;
    const b = spans[i + 1]!;
    if (a === b) {
      argRanges.push(map.range(at + a, at + b));
      continue;
    }
    argRanges.push({ start: a === 0 ? restR.start : map.pos(at + a), end: b === restLen ? restR.end : map.end(at + b) });
  }
  const node: MutableNode = {
    kind: 'instruction',
    keyword: upper,
    keywordText: sp.keyword,
    keywordRange,
    flags,
    rest: sp.rest,
    restRange: restR,
    args,
    argRanges,
    json,
    heredocs: EMPTY as unknown as Heredoc[],
    inner,
    range: { start: start === undefined || start.offset === keywordRange.start.offset ? keywordRange.start : start, end: pickEnd(end, sp.rest === '' ? keywordRange.end : restR.end) },
    comments,
  };
  return node;
}

/** The instruction's end; the text's own end Position object when they are the same place. */
function pickEnd(end: Position | undefined, textEnd: Position): Position {
  return end === undefined || end.offset === textEnd.offset ? textEnd : end;
}

/** ADD, COPY and RUN (also under ONBUILD) may carry heredocs, unless in exec form. */
export function canContainHeredoc(node: InstructionNode): boolean {
  const n = node.keyword === 'ONBUILD' && node.inner !== undefined ? node.inner : node;
  return (n.keyword === 'ADD' || n.keyword === 'COPY' || n.keyword === 'RUN') && !n.json;
}

/** A SourceLocation (end inclusive) from a half-open range. */
export function locationOf(r: Range, file: string | undefined): { file?: string; line: number; column: number; endLine: number; endColumn: number } {
  const sameLine = r.end.line === r.start.line;
  const endColumn = sameLine ? Math.max(r.start.column, r.end.column - 1) : Math.max(1, r.end.column - 1);
  const loc = { line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn };
  return file === undefined ? loc : { file, ...loc };
}
