/**
 * @module buildlog/parse.test
 * Parser behaviour that goldens do not pin: hostile input (binary garbage, a 10 MB line, ANSI
 * escapes), chunking independence (split UTF-8 sequences), bounded retention, interleaved
 * vertices, rawjson chunks that are not line-aligned, and the critical path.
 */
import { describe, expect, it } from 'vitest';
import { LogParser, computeCriticalPath, outputLines, parseLog, type Step } from './index.ts';
import { STEP_HEAD, STEP_NOTABLE, STEP_TAIL } from './record.ts';
import { MAX_KEPT } from './output.ts';

/** Deterministic PRNG (mulberry32) so the garbage is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function retained(steps: readonly Step[]): number {
  return steps.reduce((n, s) => n + outputLines(s.output).length, 0);
}

describe('hostile input', () => {
  it('survives 2 MB of binary garbage with bounded retention', () => {
    const r = rng(42);
    const buf = Buffer.alloc(2 * 1024 * 1024);
    for (let i = 0; i < buf.length; i++) buf[i] = Math.floor(r() * 256);
    const p = new LogParser();
    for (let i = 0; i < buf.length; i += 4099) p.push(buf.subarray(i, i + 4099));
    const rec = p.end();
    expect(rec.bytes).toBe(buf.length);
    expect(retained(rec.steps) + outputLines(rec.loose).length).toBeLessThan(5000);
  });

  it('cuts a 10 MB line and keeps parsing the lines after it', () => {
    const big = 'A'.repeat(10 * 1024 * 1024);
    const log = `#1 [1/2] RUN x\n#1 0.1 ${big}\n#1 ERROR: process "/bin/sh -c x" did not complete successfully: exit code: 3\n`;
    const rec = parseLog(log);
    expect(rec.failure?.exitCode).toBe(3);
    const kept = outputLines(rec.steps[0]!.output);
    expect(kept[0]!.text.length).toBeLessThanOrEqual(MAX_KEPT);
    expect(rec.lines).toBe(3);
  });

  it('strips ANSI escapes and control characters from names and output', () => {
    const rec = parseLog('\u001b[1m#1 [1/1] RUN \u001b[31mmake\u001b[0m\n#1 0.1 \u001b]0;title\u0007done\u0008\n#1 DONE 0.2s\n');
    expect(rec.steps[0]!.name).toBe('[1/1] RUN make');
    expect(outputLines(rec.steps[0]!.output)[0]!.text).toBe('done');
  });

  it('is linear on a line of repeated near-matches', () => {
    const evil = '#1 ' + '0.'.repeat(5000) + ' ' + '"'.repeat(5000) + 'lookup '.repeat(2000);
    const rec = parseLog(`${evil}\n`.repeat(50));
    expect(rec.lines).toBe(50);
  });
});

describe('streaming', () => {
  it('gives the same record whatever the chunk size, even inside UTF-8 sequences', () => {
    const log = '#1 [1/1] RUN echo héllo ✓\n#1 0.1 héllo ✓ 日本\n#1 DONE 0.1s\n';
    const whole = parseLog(log);
    const bytes = Buffer.from(log);
    const p = new LogParser();
    for (let i = 0; i < bytes.length; i++) p.push(bytes.subarray(i, i + 1));
    expect(p.end()).toEqual(whole);
  });

  it('retains at most head + tail + notable lines of a huge step', () => {
    const lines = ['#1 [1/1] RUN spam'];
    for (let i = 0; i < 100_000; i++) lines.push(`#1 1.0 line ${i}${i % 7 === 0 ? ' error' : ''}`);
    const rec = parseLog(lines.join('\n'));
    const s = rec.steps[0]!;
    expect(s.output.total).toBe(100_000);
    expect(outputLines(s.output).length).toBeLessThanOrEqual(STEP_HEAD + STEP_TAIL + STEP_NOTABLE);
    expect(s.output.tail.at(-1)!.text).toBe('line 99999');
  });
});

describe('plain', () => {
  it('merges re-printed headers and `#N ...` switches into one step', () => {
    const rec = parseLog('#3 [a 1/1] RUN x\n#3 0.1 one\n#3 ...\n\n#4 [b 1/1] RUN y\n#4 DONE 0.1s\n\n#3 [a 1/1] RUN x\n#3 0.2 two\n#3 DONE 0.3s\n');
    expect(rec.steps.map((s) => s.number)).toEqual([3, 4]);
    expect(outputLines(rec.steps[0]!.output).map((l) => l.text)).toEqual(['one', 'two']);
    expect(rec.steps[0]!.duration).toBe(0.3);
  });

  it('picks the failed step, not its cancelled siblings', () => {
    const rec = parseLog('#5 [a 2/2] RUN sleep 9\n#5 CANCELED\n#6 [b 2/2] RUN false\n#6 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1\n#5 ERROR: context canceled\n');
    expect(rec.failure?.stepNumber).toBe(6);
  });

  it('recovers the instruction from a fragment with only the final error', () => {
    const rec = parseLog('error: failed to solve: executor failed running [/bin/sh -c go build ./...]: exit code: 2\n');
    expect(rec.failure?.instruction).toBe('RUN go build ./...');
    expect(rec.failure?.exitCode).toBe(2);
  });
});

describe('rawjson', () => {
  it('joins log chunks that are not line-aligned and keeps JSON line numbers', () => {
    const b = (s: string): string => Buffer.from(s).toString('base64');
    const lines = [
      JSON.stringify({ vertexes: [{ digest: 'sha256:1', name: '[1/1] RUN x', started: '2024-01-01T00:00:00Z' }] }),
      JSON.stringify({ logs: [{ vertex: 'sha256:1', stream: 1, data: b('hel'), timestamp: '2024-01-01T00:00:01Z' }] }),
      JSON.stringify({ logs: [{ vertex: 'sha256:1', stream: 1, data: b('lo\nwor'), timestamp: '2024-01-01T00:00:02Z' }] }),
      JSON.stringify({ vertexes: [{ digest: 'sha256:1', name: '[1/1] RUN x', started: '2024-01-01T00:00:00Z', completed: '2024-01-01T00:00:04Z' }] }),
    ];
    const rec = parseLog(lines.join('\n'));
    expect(rec.format).toBe('rawjson');
    expect(outputLines(rec.steps[0]!.output)).toEqual([
      { line: 2, text: 'hello' },
      { line: 3, text: 'wor' },
    ]);
    expect(rec.steps[0]!.duration).toBe(4);
  });
});

describe('critical path', () => {
  it('follows the longest chain of a diamond', () => {
    const step = (number: number, duration: number): Step => ({
      number, name: `s${number}`, stage: null, platform: null, index: null, total: null, instruction: null,
      start: null, end: null, duration, cached: false, canceled: false, error: null, firstLine: 1,
      output: { head: [], tail: [], notable: [], total: 0 },
    });
    const steps = [step(1, 1), step(2, 5), step(3, 2), step(4, 1)];
    const cp = computeCriticalPath(steps, [[1, 2], [1, 3], [2, 4], [3, 4]]);
    expect(cp).toEqual({ steps: [1, 2, 4], duration: 7 });
  });
});
