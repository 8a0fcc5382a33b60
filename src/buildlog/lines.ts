/**
 * @module buildlog/lines
 * Splits a byte stream into lines without ever holding more than one (capped) line: the reader
 * behind "a 1 GB log parses in bounded memory". A line longer than the cap is cut and the rest is
 * skipped up to the next newline (hostile input such as a 10 MB line of base64). CRLF is a line
 * end; a lone CR is a terminal overwrite, so only the text after the last CR is kept.
 *
 * Throughput (bench/buildlog.bench.ts): each chunk is decoded once — an all-ASCII chunk as a
 * latin1 copy, anything else by a StringDecoder — and its bytes are scanned once for CR and
 * control characters, so the per-line work for a clean chunk is one indexOf and one slice. The
 * sink is told whether a line can contain control characters at all, which lets the wrapper
 * stripper skip its per-line scan.
 */
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';

/** Longest line kept, in UTF-16 code units; longer lines are cut (the byte count still counts). */
export const MAX_LINE = 16 * 1024;

/** `clean` is true when the line certainly holds no C0 control character or DEL (tab excepted). */
export type LineSink = (text: string, lineNo: number, clean: boolean) => void;

// C0 controls and DEL other than tab, LF and CR, for text pushed as strings (CR is checked
// separately with indexOf).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  /** A byte-order mark is dropped once at the start of the byte stream (as TextDecoder does). */
  private bomPending = true;
  /** The last byte pushed was ASCII, so the decoder holds no unfinished UTF-8 sequence. */
  private atBoundary = true;
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
    if (typeof chunk === 'string') {
      this.bytes += Buffer.byteLength(chunk);
      this.feed(chunk, chunk.indexOf('\r') !== -1 || CONTROL.test(chunk));
    } else {
      this.bytes += chunk.byteLength;
      if (chunk.byteLength === 0) return;
      // An all-ASCII chunk after a complete sequence decodes byte for byte (latin1 is the cheap
      // copy, ~4x faster than UTF-8 decoding); anything else goes through the stateful decoder.
      const asciiBytes = isAscii(chunk);
      const ascii = this.atBoundary && asciiBytes;
      const text = this.decoded(ascii ? latin1(chunk) : this.decoder.write(chunk));
      this.atBoundary = chunk[chunk.byteLength - 1]! < 0x80;
      // Control characters are single bytes in UTF-8 (never inside a multi-byte sequence), so
      // the bytes tell whether the decoded text has any.
      this.feed(text, asciiBytes ? hasControlAscii(chunk) : hasControlByte(chunk));
    }
  }

  end(): void {
    const rest = this.decoded(this.decoder.end());
    this.feed(rest, rest.indexOf('\r') !== -1 || CONTROL.test(rest));
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

  /** `dirty`: the chunk may hold CR or control characters (one scan per chunk, not per line). */
  private feed(s: string, dirty: boolean): void {
    if (s.length === 0) return;
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

// Bytes that make a chunk dirty: C0 controls except tab and LF (CR included), and DEL.
const DIRTY_BYTE = new Uint8Array(256);
for (let c = 0; c < 32; c++) DIRTY_BYTE[c] = c === 9 || c === 10 ? 0 : 1;
DIRTY_BYTE[127] = 1;
const EMPTY_WORDS = new Uint32Array(0);

/**
 * True if the bytes hold CR, DEL or a C0 control other than tab/LF. Four bytes at a time: the
 * word test flags any byte below 0x20 or equal to 0x7f (it may flag a word falsely, never miss
 * one), and only flagged words are checked byte by byte — about twice as fast as a regex scan.
 */
export function hasControlByte(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n && ((b.byteOffset + i) & 3) !== 0) if (DIRTY_BYTE[b[i++]!] === 1) return true;
  const words = (n - i) >>> 2;
  const u = words === 0 ? EMPTY_WORDS : new Uint32Array(b.buffer, b.byteOffset + i, words);
  for (let w = 0; w < words; w++) {
    const x = u[w]!;
    const y = x ^ 0x7f7f7f7f;
    if (((x - 0x20202020) & ~x & 0x80808080) !== 0 || ((y - 0x01010101) & ~y & 0x80808080) !== 0) {
      const at = i + 4 * w;
      if (DIRTY_BYTE[b[at]!] === 1 || DIRTY_BYTE[b[at + 1]!] === 1 || DIRTY_BYTE[b[at + 2]!] === 1 || DIRTY_BYTE[b[at + 3]!] === 1) return true;
    }
  }
  for (i += 4 * words; i < n; i++) if (DIRTY_BYTE[b[i]!] === 1) return true;
  return false;
}

function latin1(b: Uint8Array): string {
  return (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString('latin1');
}

/**
 * hasControlByte for bytes known to be ASCII (< 0x80): then adding 0x60 / 0x01 to a word cannot
 * carry between bytes, so one expression tells whether every byte is in 0x20..0x7e; only words
 * failing it (mostly those holding the LF) are checked byte by byte.
 */
export function hasControlAscii(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n && ((b.byteOffset + i) & 3) !== 0) if (DIRTY_BYTE[b[i++]!] === 1) return true;
  const words = (n - i) >>> 2;
  const u = words === 0 ? EMPTY_WORDS : new Uint32Array(b.buffer, b.byteOffset + i, words);
  for (let w = 0; w < words; w++) {
    const x = u[w]!;
    // High bit of each byte: set in x + 0x60 iff the byte is >= 0x20, in x + 0x01 iff it is 0x7f.
    if (((x + 0x60606060) & ~(x + 0x01010101) & 0x80808080) !== PRINTABLE_WORD) {
      const at = i + 4 * w;
      if (DIRTY_BYTE[b[at]!] === 1 || DIRTY_BYTE[b[at + 1]!] === 1 || DIRTY_BYTE[b[at + 2]!] === 1 || DIRTY_BYTE[b[at + 3]!] === 1) return true;
    }
  }
  for (i += 4 * words; i < n; i++) if (DIRTY_BYTE[b[i]!] === 1) return true;
  return false;
}
const PRINTABLE_WORD = 0x80808080 | 0;

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
