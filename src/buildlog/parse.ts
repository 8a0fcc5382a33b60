/**
 * @module buildlog/parse
 * The log parser: fed bytes (or text) chunk by chunk, it splits lines, strips CI/terminal
 * wrappers and routes each line to the dialect that recognises it (plain, rawjson, tty, classic,
 * failure tail). Formats can mix (a CI log with plain output and a classic fallback), so
 * detection is per line and the record's format is the dominant dialect. Memory stays bounded:
 * nothing but per-step bounded output is retained.
 */
import { LineSplitter } from './lines.ts';
import { RecordBuilder } from './record.ts';
import { unwrap } from './wrapper.ts';
import { handlePlain, type PlainContext } from './parse/plain.ts';
import { handleTty, type TtyContext } from './parse/tty.ts';
import { closeClassic, handleClassic, type ClassicContext } from './parse/classic.ts';
import { flushRawJson, handleRawJson, newRawJsonContext, type RawJsonContext } from './parse/rawjson.ts';
import { handleTail, newTailContext, noteFinalError, type TailContext } from './parse/tail.ts';
import type { BuildRecord } from './types.ts';

const DETACH_EVERY = 8 * 1024 * 1024;

export class LogParser {
  private readonly b = new RecordBuilder();
  private readonly splitter = new LineSplitter((text, line, clean) => {
    this.line(text, line, clean);
  });
  private readonly plain: PlainContext = { builder: this.b, prevBlank: true };
  private readonly tty: TtyContext = { builder: this.b, current: null };
  private readonly classic: ClassicContext = { builder: this.b, current: null };
  private readonly raw: RawJsonContext = newRawJsonContext(this.b);
  private readonly tail: TailContext = newTailContext(this.b);

  /** Input bytes at the last detachRetained pass, and the last line it covered. */
  private detachedAtBytes = 0;
  private detachedToLine = 0;

  push(chunk: Uint8Array | string): void {
    this.splitter.push(chunk);
    // Retained text is cut from whole read chunks; copy it out every DETACH_EVERY bytes so at
    // most that much input stays pinned (record.ts detachRetained).
    if (this.splitter.bytes - this.detachedAtBytes >= DETACH_EVERY) {
      this.b.detachRetained(this.detachedToLine);
      this.detachedAtBytes = this.splitter.bytes;
      this.detachedToLine = this.splitter.lines;
    }
  }

  end(): BuildRecord {
    this.splitter.end();
    flushRawJson(this.raw);
    closeClassic(this.b, this.classic);
    if (this.tail.excerpt !== null) this.b.excerpt ??= this.tail.excerpt;
    this.b.lines = this.splitter.lines;
    this.b.bytes = this.splitter.bytes;
    return this.b.finish();
  }

  private line(raw: string, line: number, clean: boolean): void {
    // The common BuildKit line (`#N …`, not `##[`) with no control characters carries no
    // wrapper: skip unwrap and the blank check.
    if (clean && raw.charCodeAt(0) === 35 && raw.charCodeAt(1) !== 35) {
      this.dispatch(raw, line, null);
      return;
    }
    const b = this.b;
    const u = unwrap(raw, clean);
    if (u.wrapper !== 'none' && (b.wrapper === 'none' || u.wrapper === 'github-actions')) b.wrapper = u.wrapper;
    b.noteTimestamp(u.timestamp);
    const text = u.text;
    if (u.marker !== null) {
      if (u.marker === 'error') {
        noteFinalError(b, text.startsWith('buildx failed with:') ? text : `ERROR: ${text}`, line, true);
        b.loose.add(line, text);
      }
      return;
    }
    if (isBlank(text)) {
      this.plain.prevBlank = true;
      if (this.classic.current !== null) this.classic.current.output.add(line, text);
      return;
    }
    this.dispatch(text, line, u.timestamp);
  }

  /** Routes a non-blank, unwrapped line to the first dialect that recognises it. */
  private dispatch(text: string, line: number, timestamp: string | null): void {
    const b = this.b;
    const handled =
      handleTail(this.tail, text, line) ||
      handlePlain(this.plain, text, line, timestamp) ||
      handleRawJson(this.raw, text, line) ||
      handleTty(this.tty, text, line) ||
      handleClassic(this.classic, text, line);
    this.plain.prevBlank = false;
    if (handled) return;
    noteFinalError(b, text, line);
    b.loose.add(line, text);
  }
}

function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const c = text.charCodeAt(0);
  if (c !== 32 && c !== 9) return false;
  return text.trim().length === 0;
}

/** Parses a whole log held in memory (tests, small inputs). */
export function parseLog(text: string): BuildRecord {
  const p = new LogParser();
  p.push(text);
  return p.end();
}

/** Parses a stream chunk by chunk (files, stdin); memory stays bounded whatever the size. */
export async function parseLogStream(stream: AsyncIterable<Uint8Array | string>): Promise<BuildRecord> {
  const p = new LogParser();
  for await (const chunk of stream) p.push(chunk);
  return p.end();
}
