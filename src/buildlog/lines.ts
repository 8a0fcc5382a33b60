/**
 * @module buildlog/lines
 * Splits a byte stream into lines without ever holding more than one (capped) line: the reader
 * behind "a 1 GB log parses in bounded memory". A line longer than the cap is cut and the rest is
 * skipped up to the next newline (hostile input such as a 10 MB line of base64). CRLF is a line
 * end; a lone CR is a terminal overwrite, so only the text after the last CR is kept.
 */

/** Longest line kept, in UTF-16 code units; longer lines are cut (the byte count still counts). */
export const MAX_LINE = 16 * 1024;

export type LineSink = (text: string, lineNo: number) => void;

export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });
  private partial = '';
  private skipping = false;
  private lineNo = 0;
  bytes = 0;

  constructor(private readonly sink: LineSink) {}

  get lines(): number {
    return this.lineNo;
  }

  push(chunk: Uint8Array | string): void {
    let s: string;
    if (typeof chunk === 'string') {
      s = chunk;
      this.bytes += Buffer.byteLength(chunk);
    } else {
      s = this.decoder.decode(chunk, { stream: true });
      this.bytes += chunk.byteLength;
    }
    this.feed(s);
  }

  end(): void {
    this.feed(this.decoder.decode());
    if (this.partial.length > 0 || this.skipping) this.emit(this.partial);
    this.partial = '';
    this.skipping = false;
  }

  private feed(s: string): void {
    let start = 0;
    for (;;) {
      const nl = s.indexOf('\n', start);
      if (nl === -1) break;
      const piece = s.slice(start, nl);
      if (this.skipping) {
        this.emit(this.partial);
        this.skipping = false;
      } else if (this.partial.length > 0) {
        this.emit(clip(this.partial + piece));
      } else {
        this.emit(piece.length > MAX_LINE ? piece.slice(0, MAX_LINE) : piece);
      }
      this.partial = '';
      start = nl + 1;
    }
    if (start < s.length && !this.skipping) {
      const rest = s.slice(start);
      this.partial = this.partial.length > 0 ? this.partial + rest : rest;
      if (this.partial.length > MAX_LINE) {
        this.partial = this.partial.slice(0, MAX_LINE);
        this.skipping = true;
      }
    }
  }

  private emit(raw: string): void {
    this.lineNo++;
    let line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    const cr = line.lastIndexOf('\r');
    if (cr !== -1) line = lastNonEmptySegment(line);
    this.sink(line, this.lineNo);
  }
}

function clip(s: string): string {
  return s.length > MAX_LINE ? s.slice(0, MAX_LINE) : s;
}

/** A terminal shows what was written after the last carriage return that is followed by text. */
function lastNonEmptySegment(line: string): string {
  const parts = line.split('\r');
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (p.trim().length > 0) return p;
  }
  return '';
}
