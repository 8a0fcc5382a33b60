/**
 * @module buildlog/lines
 * Splits a byte stream into lines without ever holding more than one (capped) line: the reader
 * behind "a 1 GB log parses in bounded memory". A line longer than the cap is cut and the rest is
 * skipped up to the next newline (hostile input such as a 10 MB line of base64). CRLF is a line
 * end; a lone CR is a terminal overwrite, so only the text after the last CR is kept.
 *
 * Throughput: each chunk is decoded once (StringDecoder: V8's UTF-8 decoder, which yields compact
 * one-byte strings for ASCII) and scanned once for CR and control characters, so the per-line work
 * for the common clean chunk is one indexOf and one slice. The sink is told whether the line can
 * contain control characters at all, which lets the wrapper stripper skip its scan.
 */
import { StringDecoder } from 'node:string_decoder';

/** Longest line kept, in UTF-16 code units; longer lines are cut (the byte count still counts). */
export const MAX_LINE = 16 * 1024;

/** `clean` is true when the line certainly holds no C0 control character or DEL (tab excepted). */
export type LineSink = (text: string, lineNo: number, clean: boolean) => void;

// C0 controls and DEL other than tab, LF and CR (CR is handled by the splitter itself).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  /** A byte-order mark is dropped once at the start of the byte stream (as TextDecoder does). */
  private bomPending = true;
  private partial = '';
  /** The partial line came from a chunk with CR or control characters. */
  private partialDirty = false;
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
      s = this.decoded(this.decoder.write(chunk));
      this.bytes += chunk.byteLength;
    }
    this.feed(s);
  }

  end(): void {
    this.feed(this.decoded(this.decoder.end()));
    if (this.partial.length > 0 || this.skipping) this.emit(this.partial, this.partialDirty);
    this.partial = '';
    this.partialDirty = false;
    this.skipping = false;
  }

  private decoded(s: string): string {
    if (!this.bomPending || s.length === 0) return s;
    this.bomPending = false;
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  private feed(s: string): void {
    if (s.length === 0) return;
    // One native scan per chunk decides whether any line of it needs the CR/control handling.
    const dirty = s.indexOf('\r') !== -1 || CONTROL.test(s);
    let start = 0;
    for (;;) {
      const nl = s.indexOf('\n', start);
      if (nl === -1) break;
      if (this.skipping) {
        this.emit(this.partial, this.partialDirty);
        this.skipping = false;
      } else if (this.partial.length > 0) {
        this.emit(clip(this.partial + s.slice(start, nl)), dirty || this.partialDirty);
      } else {
        this.emit(s.slice(start, nl - start > MAX_LINE ? start + MAX_LINE : nl), dirty);
      }
      this.partial = '';
      this.partialDirty = false;
      start = nl + 1;
    }
    if (start < s.length && !this.skipping) {
      const rest = s.slice(start);
      this.partial = this.partial.length > 0 ? this.partial + rest : rest;
      this.partialDirty ||= dirty;
      if (this.partial.length > MAX_LINE) {
        this.partial = this.partial.slice(0, MAX_LINE);
        this.skipping = true;
      }
    }
  }

  private emit(raw: string, dirty: boolean): void {
    this.lineNo++;
    if (!dirty) {
      this.sink(raw, this.lineNo, true);
      return;
    }
    let line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    const cr = line.lastIndexOf('\r');
    if (cr !== -1) line = lastNonEmptySegment(line);
    this.sink(line, this.lineNo, false);
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
