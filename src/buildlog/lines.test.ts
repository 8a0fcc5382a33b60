/**
 * @module buildlog/lines.test
 * The line splitter's fast paths must not change what lines come out: the word-at-a-time
 * control-byte scans agree with a byte-by-byte reference at every alignment, an ASCII chunk and a
 * UTF-8 chunk decode the same however the stream is cut, and a byte-order mark is dropped only
 * at the very start of the stream.
 */
import { describe, expect, it } from 'vitest';
import { LineSplitter, hasControlAscii, hasControlByte } from './lines.ts';

/** The definition: CR, DEL or a C0 control other than tab and LF. */
function reference(b: Uint8Array): boolean {
  return b.some((c) => (c < 32 && c !== 9 && c !== 10) || c === 127);
}

function lines(chunks: readonly (Uint8Array | string)[]): string[] {
  const out: string[] = [];
  const s = new LineSplitter((text) => out.push(text));
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe('control-byte scans', () => {
  // Every byte value at every position of a 4-byte word, at every buffer alignment.
  const cases: { byte: number; at: number; offset: number }[] = [];
  for (let byte = 0; byte < 256; byte++) for (let at = 0; at < 9; at++) for (const offset of [0, 1, 2, 3]) cases.push({ byte, at, offset });

  it('hasControlByte agrees with the byte-by-byte definition', () => {
    for (const { byte, at, offset } of cases) {
      const b = Buffer.alloc(16, 0x41).subarray(offset, offset + 10);
      b[at] = byte;
      expect([byte, at, offset, hasControlByte(b)]).toEqual([byte, at, offset, reference(b)]);
    }
  });

  it('hasControlAscii agrees with the definition on ASCII input', () => {
    for (const { byte, at, offset } of cases.filter((c) => c.byte < 0x80)) {
      const b = Buffer.alloc(16, 0x7e).subarray(offset, offset + 10);
      b[at] = byte;
      expect([byte, at, offset, hasControlAscii(b)]).toEqual([byte, at, offset, reference(b)]);
    }
  });
});

describe('LineSplitter', () => {
  const text = '#1 [1/2] RUN echo héllo\r\n#1 0.1 héllo → ok\n#1 0.2 a\rb\n\u001b[31m#1 DONE 0.3s\u001b[0m\nplain ascii tail';
  const bytes = Buffer.from(text, 'utf8');
  const whole = lines([text]);

  it('splits the same lines whatever the chunk boundaries (ASCII and UTF-8 chunks mixed)', () => {
    expect(whole).toEqual(['#1 [1/2] RUN echo héllo', '#1 0.1 héllo → ok', 'b', '\u001b[31m#1 DONE 0.3s\u001b[0m', 'plain ascii tail']);
    for (let size = 1; size <= 12; size++) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(lines(chunks)).toEqual(whole);
    }
  });

  it('drops a byte-order mark only at the start of the byte stream', () => {
    expect(lines([Buffer.from('\ufeffa\nb\n')])).toEqual(['a', 'b']);
    expect(lines([Buffer.from([0xef]), Buffer.from([0xbb, 0xbf, 0x61, 0x0a])])).toEqual(['a']);
    expect(lines([Buffer.from('a\n'), Buffer.from('\ufeffb\n')])).toEqual(['a', '\ufeffb']);
  });
});
