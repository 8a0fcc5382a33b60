/**
 * @module dockerfile/parse/source
 * Source positions. The text is indexed once into line starts; a logical line (an instruction
 * joined from several physical lines) carries a SegmentMap from its own offsets back to offsets
 * in the text, so every token found in the joined string gets an exact line and column.
 */
import type { Position, Range } from '../types.ts';

export class SourceText {
  /** Offset of the first character of each line (index 0 = line 1); the BOM is not part of line 1. */
  readonly lineStarts: Int32Array;
  /** Offset just past the line's content: before its "\n" and any "\r" run preceding it. */
  readonly contentEnds: Int32Array;
  /** Offset just past the line's "\n" (or the text end). */
  readonly lineEnds: Int32Array;
  readonly bom: boolean;
  private readonly count: number;

  constructor(readonly text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff;
    const n = text.length;
    // Count lines first so the tables are typed arrays: one allocation each, never traced by the GC.
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    const max = lines + 1;
    this.lineStarts = new Int32Array(max);
    this.contentEnds = new Int32Array(max);
    this.lineEnds = new Int32Array(max);
    let start = this.bom ? 1 : 0;
    let k = 0;
    while (start < n) {
      let nl = text.indexOf('\n', start);
      const hasNl = nl >= 0;
      if (!hasNl) nl = n;
      let ce = nl;
      // Go's bytes.TrimRight(line, "\r\n") strips every trailing \r, not just one.
      while (ce > start && text.charCodeAt(ce - 1) === 0x0d) ce--;
      this.lineStarts[k] = start;
      this.contentEnds[k] = ce;
      this.lineEnds[k] = hasNl ? nl + 1 : n;
      k++;
      start = hasNl ? nl + 1 : n;
    }
    this.count = k;
  }

  get lineCount(): number {
    return this.count;
  }

  /** Position of an offset on a known 0-based line index. */
  at(lineIndex: number, offset: number): Position {
    return { line: lineIndex + 1, column: offset - this.lineStarts[lineIndex]! + 1, offset };
  }

  /** Position of any offset (binary search over lines). */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.count - 1;
    if (hi < 0) return { line: 1, column: offset + 1, offset };
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.at(lo, Math.max(offset, this.lineStarts[lo]!));
  }

  range(lineIndex: number, from: number, to: number): Range {
    return { start: this.at(lineIndex, from), end: this.at(lineIndex, to) };
  }
}

/** Maps offsets of a joined logical line to source positions. */
export class SegmentMap {
  /** `segs` is flat, 3 numbers per segment: logical start offset (ascending), source offset, 0-based line index. */
  constructor(
    private readonly src: SourceText,
    private readonly segs: readonly number[],
  ) {}

  /** Index (into segs) of the segment holding logical offset l. */
  private seg(l: number): number {
    const a = this.segs;
    let lo = 0;
    let hi = a.length / 3 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (a[mid * 3]! <= l) lo = mid;
      else hi = mid - 1;
    }
    return lo * 3;
  }

  private at(i: number, l: number): Position {
    const a = this.segs;
    const line = a[i + 2]!;
    const offset = a[i + 1]! + l - a[i]!;
    return { line: line + 1, column: offset - this.src.lineStarts[line]! + 1, offset };
  }

  /** Start position of the character at logical offset l. */
  pos(l: number): Position {
    return this.at(this.segs.length === 3 ? 0 : this.seg(l), l);
  }

  /** Exclusive end position after the character at logical offset l-1 (stays on that character's line). */
  end(l: number): Position {
    if (l <= 0) return this.pos(l);
    return this.at(this.segs.length === 3 ? 0 : this.seg(l - 1), l);
  }

  range(from: number, to: number): Range {
    return { start: this.pos(from), end: to > from ? this.end(to) : this.pos(from) };
  }
}
