// Structured logs: one JSON object per line, level filtering, secrets masked.
import { describe, expect, it } from 'vitest';
import { jsonLogger, maskSecrets } from './log.ts';

describe('jsonLogger', () => {
  it('writes JSON lines at or above the level, with secrets masked', () => {
    const lines: string[] = [];
    const log = jsonLogger((l) => lines.push(l), 'info', () => new Date('2026-01-01T00:00:00Z'));
    log.log('debug', 'hidden');
    log.log('warn', 'upstream https://user:hunter2@proxy.example.com failed', { reqId: 'r1', auth: 'Bearer abc.def', n: 3 });
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]!);
    expect(rec).toEqual({ time: '2026-01-01T00:00:00.000Z', level: 'warn', msg: 'upstream https://***:***@proxy.example.com failed', reqId: 'r1', auth: 'Bearer ***', n: 3 });
  });
  it.each([
    ['Basic dXNlcjpwYXNz', 'Basic ***'],
    ['http://a:b@h/x', 'http://***:***@h/x'],
    ['no secrets here', 'no secrets here'],
  ])('maskSecrets(%s)', (s, want) => expect(maskSecrets(s)).toBe(want));
});
