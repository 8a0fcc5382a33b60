/**
 * @module buildlog/detach.test
 * Copying retained text out of the read chunks (RecordBuilder.detachRetained, run every 8 MB of
 * input) must not change the record: same names, errors, timestamps and retained lines in the
 * same order, for lines in the head, the tail ring and the notable list alike.
 */
import { describe, expect, it } from 'vitest';
import { LogParser } from './index.ts';
import { RecordBuilder } from './record.ts';

/** A builder with a step whose output fills head, ring and notable, plus loose lines. */
function build(detachAt: readonly number[]): ReturnType<RecordBuilder['finish']> {
  const b = new RecordBuilder();
  const s = b.upsert('tty:x', '[builder 2/3] RUN go test ./... with a long enough name', 1);
  s.start = '2024-05-01T10:00:00.1234567Z';
  for (let line = 2; line <= 400; line++) {
    s.output.add(line, line % 7 === 0 ? `--- FAIL: TestThing${line} (0.00s) error here` : `ok  example.com/pkg${line} 0.0${line % 10}s`);
    b.loose.add(line, `loose line number ${line} that is long enough to be sliced`);
    if (detachAt.includes(line)) b.detachRetained(line - 50);
  }
  s.error = 'process "/bin/sh -c go test ./..." did not complete successfully: exit code: 1';
  b.finalError = { text: 'ERROR: failed to solve: exit code: 1', line: 401 };
  return b.finish();
}

describe('detachRetained', () => {
  it('leaves the record unchanged wherever the passes fall', () => {
    const plain = build([]);
    expect(plain.steps[0]!.output.notable.length).toBeGreaterThan(0);
    for (const at of [[10], [100, 200, 300], [21, 101, 399]]) expect(build(at)).toEqual(plain);
  });

  it('runs during a parse of more than 8 MB without changing what is kept', () => {
    const step = (n: number): string => `#${n} [stage ${n}/9] RUN step ${n}\n#${n} 0.1 first output line of ${n}\n` + `#${n} 0.2 filler output line that is long enough\n`.repeat(500);
    let text = '';
    for (let n = 1; n <= 400; n++) text += step(n);
    const bytes = Buffer.from(text);
    expect(bytes.length).toBeGreaterThan(8 * 1024 * 1024);
    const chunked = new LogParser();
    for (let i = 0; i < bytes.length; i += 1 << 20) chunked.push(bytes.subarray(i, i + (1 << 20)));
    const rec = chunked.end();
    const whole = new LogParser();
    whole.push(text.slice(0, 1000));
    whole.push(text.slice(1000));
    expect(rec).toEqual(whole.end());
    expect(rec.steps[399]!.output.head[0]!.text).toBe('first output line of 400');
  });
});
