/**
 * @module dockerfile/parse/parse
 * The line parser: physical lines → logical lines → instruction nodes, as BuildKit's
 * parser.Parse does (directives at the top, BOM removal, CRLF, continuation with the escape
 * character, comments and empty lines dropped inside continuations, heredoc bodies read after
 * the instruction line). One pass by index over the text; no regular expressions on user text.
 */
import { StevedoreError } from '../../errors.ts';
import type { Comment, Directive, DockerfileAst, Heredoc, InstructionNode, ParseWarning, Range } from '../types.ts';
import { isGoSpace } from '../expand/chars.ts';
import { DirectiveScanner } from './directives.ts';
import { heredocsFromLine, type HeredocMarker } from './heredoc.ts';
import { buildNode, canContainHeredoc, locationOf, type MutableNode } from './node.ts';
import { SegmentMap, SourceText } from './source.ts';

export interface ParseOptions {
  /** The file name, used in error locations. */
  readonly file?: string;
}

/** bufio.Scanner's default limit: BuildKit cannot read a physical line of 64 KiB or more. */
const MAX_LINE_BYTES = 64 * 1024;
const NO_COMMENTS: readonly Comment[] = Object.freeze([] as Comment[]);

class Parser {
  private readonly src: SourceText;
  private readonly text: string;
  private escape = 0x5c;
  private readonly directives: Directive[] = [];
  private readonly comments: Comment[] = [];
  private readonly instructions: InstructionNode[] = [];
  private readonly warnings: ParseWarning[] = [];
  private pending: Comment[] = [];
  private li = 0;

  constructor(
    text: string,
    private readonly file: string | undefined,
  ) {
    this.text = text;
    this.src = new SourceText(text);
  }

  private fail(code: 'DOCKERFILE_EMPTY' | 'DOCKERFILE_UNTERMINATED_HEREDOC' | 'DOCKERFILE_INVALID_ESCAPE' | 'DOCKERFILE_DUPLICATE_DIRECTIVE' | 'DOCKERFILE_LINE_TOO_LONG' | 'DOCKERFILE_INVALID_HEREDOC', message: string, range: Range): never {
    throw new StevedoreError(code, message, { location: locationOf(range, this.file) });
  }

  private checkLength(li: number): void {
    const s = this.src.lineStarts[li]!;
    const e = this.src.lineEnds[li]!;
    const len = e - s - (this.text.charCodeAt(e - 1) === 0x0a ? 1 : 0);
    if (len * 3 < MAX_LINE_BYTES) return;
    if (Buffer.byteLength(this.text.slice(s, s + len), 'utf8') >= MAX_LINE_BYTES) {
      this.fail('DOCKERFILE_LINE_TOO_LONG', `line is longer than the ${MAX_LINE_BYTES - 1}-byte limit for one Dockerfile line`, this.src.range(li, s, s + 1));
    }
  }

  private comment(li: number, hash: number, end: number): Comment {
    const c: Comment = { kind: 'comment', text: this.text.slice(hash + 1, end), range: this.src.range(li, hash, end) };
    this.comments.push(c);
    return c;
  }

  run(): DockerfileAst {
    const { src, text } = this;
    const dirs = new DirectiveScanner();
    let directivesOpen = true;
    const n = src.lineCount;
    while (this.li < n) {
      const li = this.li;
      this.checkLength(li);
      const ce = src.contentEnds[li]!;
      let ts = src.lineStarts[li]!;
      while (ts < ce && isGoSpace(text.charCodeAt(ts))) ts++;
      if (directivesOpen) {
        const r = dirs.scan(text.slice(ts, ce));
        if (r.kind === 'duplicate') {
          this.fail('DOCKERFILE_DUPLICATE_DIRECTIVE', `the ${r.name} parser directive is given more than once; keep one`, src.range(li, ts, ce));
        }
        if (r.kind === 'directive') {
          const m = r.match;
          if (m.name === 'escape') {
            if (m.value !== '`' && m.value !== '\\') {
              this.fail('DOCKERFILE_INVALID_ESCAPE', `the escape directive must be a backslash or a backtick, not '${m.value}'`, src.range(li, ts + m.valueStart, ts + m.valueEnd));
            }
            this.escape = m.value.charCodeAt(0);
          }
          this.directives.push({ kind: 'directive', name: m.name, value: m.value, range: src.range(li, ts, ce) });
          this.li++;
          continue;
        }
        directivesOpen = false;
      }
      if (ts < ce && text.charCodeAt(ts) === 0x23) {
        const c = this.comment(li, ts, ce);
        // BuildKit: a bare "#" line clears the comments collected for the next instruction.
        if (c.text.trim() === '') this.pending = [];
        else this.pending.push(c);
        this.li++;
        continue;
      }
      if (ts === ce) {
        this.li++;
        continue;
      }
      this.instruction(ts);
    }
    if (this.instructions.length === 0) {
      const last = Math.max(0, n - 1);
      const at = n === 0 ? { start: src.position(0), end: src.position(0) } : src.range(last, src.lineStarts[last]!, src.contentEnds[last]!);
      this.fail('DOCKERFILE_EMPTY', 'the Dockerfile has no instructions', at);
    }
    return {
      file: this.file,
      text,
      escapeChar: this.escape === 0x60 ? '`' : '\\',
      directives: this.directives,
      comments: this.comments,
      instructions: this.instructions,
      warnings: this.warnings,
      bom: src.bom,
      eol: eolOf(text),
    };
  }

  /** Reads one instruction starting at offset `ts` of line this.li, with its continuations and heredocs. */
  private instruction(ts: number): void {
    const { src, text } = this;
    const n = src.lineCount;
    let comments: Comment[] = this.pending.length === 0 ? (NO_COMMENTS as Comment[]) : [...this.pending];
    let ownComments = this.pending.length > 0;
    let li = this.li;
    let end = this.trimContinuation(ts, src.contentEnds[li]!);
    const segs: number[] = [0, ts, li];
    let line = text.slice(ts, end);
    let parts: string[] | undefined;
    let len = end - ts;
    li++;
    let emptyLines = false;
    while (this.more && li < n) {
      this.checkLength(li);
      const ls = src.lineStarts[li]!;
      const ce = src.contentEnds[li]!;
      let t = ls;
      while (t < ce && isGoSpace(text.charCodeAt(t))) t++;
      if (t < ce && text.charCodeAt(t) === 0x23) {
        if (!ownComments) {
          comments = [];
          ownComments = true;
        }
        comments.push(this.comment(li, t, ce));
        li++;
        continue;
      }
      if (t === ce) {
        emptyLines = true;
        li++;
        continue;
      }
      end = this.trimContinuation(ls, ce);
      segs.push(len, ls, li);
      (parts ??= [line]).push(text.slice(ls, end));
      len += end - ls;
      li++;
    }
    if (parts !== undefined) line = parts.join('');
    const map = new SegmentMap(src, segs);
    let endOffset = src.contentEnds[li - 1]!;
    let endLi = li - 1;
    const node = buildNode(line, map, 0, this.escape, comments, this.file, src.at(endLi, endOffset), src.at(this.li, ts));
    if (canContainHeredoc(node) && line.includes('<<')) {
      let markers: HeredocMarker[];
      try {
        markers = heredocsFromLine(line);
      } catch (e) {
        if (e instanceof StevedoreError) this.fail('DOCKERFILE_INVALID_HEREDOC', e.message, node.range);
        throw e;
      }
      let searchFrom = 0;
      for (const m of markers) {
        const at = line.indexOf('<<', searchFrom);
        searchFrom = at < 0 ? searchFrom : at + 2;
        const markerRange = at < 0 ? node.range : map.range(at, at + 2 + m.name.length);
        const bodyStartLi = li;
        const body: string[] = [];
        let terminated = false;
        while (li < n) {
          this.checkLength(li);
          const ls = src.lineStarts[li]!;
          const ce = src.contentEnds[li]!;
          let cs = ls;
          if (m.chomp) while (cs < ce && text.charCodeAt(cs) === 0x09) cs++;
          li++;
          if (ce - cs === m.name.length && text.startsWith(m.name, cs)) {
            terminated = true;
            endOffset = ce;
            endLi = li - 1;
            break;
          }
          body.push(text.slice(ls, src.lineEnds[li - 1]));
        }
        if (!terminated) this.fail('DOCKERFILE_UNTERMINATED_HEREDOC', `unterminated heredoc ${JSON.stringify(m.name)}`, markerRange);
        const heredoc: Heredoc = {
          name: m.name,
          quoted: !m.expand,
          chomp: m.chomp,
          fd: m.fd,
          content: body.join(''),
          range: { start: src.at(bodyStartLi, src.lineStarts[bodyStartLi]!), end: src.at(endLi, endOffset) },
        };
        if (node.heredocs.length === 0) node.heredocs = [];
        node.heredocs.push(heredoc);
        if (node.inner !== undefined) (node.inner as MutableNode).heredocs = node.heredocs;
      }
    }
    if (emptyLines) {
      this.warnings.push({ code: 'NoEmptyContinuation', message: 'a blank line inside a continued instruction is skipped today, but BuildKit plans to reject it in a later release', range: node.range });
    }
    // With heredocs the instruction spans through the last delimiter line.
    if (node.heredocs.length > 0) node.range = { start: node.range.start, end: src.at(endLi, endOffset) };
    this.instructions.push(node);
    this.pending = [];
    this.li = li;
  }

  /** Whether the last line given to trimContinuation continues. */
  private more = false;

  /** BuildKit's continuation regexp `([^\\])\\[ \t]*$|^\\[ \t]*$`, by index: the end of the kept text; sets `more`. */
  private trimContinuation(s: number, e: number): number {
    const text = this.text;
    let j = e;
    while (j > s && (text.charCodeAt(j - 1) === 0x20 || text.charCodeAt(j - 1) === 0x09)) j--;
    this.more = true;
    if (j > s && text.charCodeAt(j - 1) === this.escape) {
      if (j - 1 === s) return s;
      if (text.charCodeAt(j - 2) !== this.escape) return j - 1;
    }
    this.more = false;
    return e;
  }
}

function eolOf(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 0x0d ? '\r\n' : '\n';
}

/** Parses Dockerfile text into an AST with source ranges. Throws StevedoreError (DOCKERFILE_*) on malformed input. */
export function parse(text: string, options: ParseOptions = {}): DockerfileAst {
  return new Parser(text, options.file).run();
}
