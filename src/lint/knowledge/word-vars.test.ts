/**
 * @module lint/knowledge/word-vars.test
 * The lint word expander against BuildKit's own lexer data (`shell/envVarTest`, read in place
 * from ../shared), plus the uses/matches bookkeeping the rules rely on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanWord } from './word-vars.ts';

const data = readFileSync(join(import.meta.dirname, '../../../../shared/conformance/buildkit-parser/shell/envVarTest'), 'utf8');
const env = new Map([['PWD', '/home'], ['SHELL', 'bash'], ['KOREAN', '한국어'], ['NULL', '']]);
const lookup = (n: string): string | undefined => env.get(n);

describe('scanWord against BuildKit shell/envVarTest', () => {
  for (const line of data.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.split('|');
    if (fields.length !== 3) continue;
    const [platform, input, expected] = fields.map((f) => f.trim()) as [string, string, string];
    if (platform === 'W') continue;
    it(`${input} → ${expected}`, () => {
      const r = scanWord(input, lookup).result;
      if (expected === 'error') expect(r).toBeUndefined();
      else expect(r).toBe(expected);
    });
  }
});

describe('scanWord bookkeeping', () => {
  it('records uses with offsets, matched and unmatched names', () => {
    const r = scanWord('a$PWD-${NOPE:-x}', lookup);
    expect(r.uses.map((u) => [u.name, u.start, u.end, u.defined])).toEqual([['PWD', 1, 5, true], ['NOPE', 6, 16, false]]);
    expect([...r.matched]).toEqual(['PWD']);
    expect([...r.unmatched]).toEqual(['NOPE']);
    expect(r.result).toBe('a/home-x');
  });
  it('takes quotes literally when asked (heredoc bodies)', () => {
    expect(scanWord("'$PWD'", lookup, '\\', false).result).toBe("'/home'");
  });
  it('uses the file escape character', () => {
    expect(scanWord('`$PWD', lookup, '`').result).toBe('$PWD');
  });
  it('leaves pattern operators on set values unknown, but records the use', () => {
    const r = scanWord('${PWD#/}', lookup);
    expect(r.result).toBeUndefined();
    expect([...r.matched]).toEqual(['PWD']);
  });
  it('is linear on deeply nested input', () => {
    const r = scanWord('${A:-'.repeat(20_000), lookup);
    expect(r.result).toBeUndefined();
  });
});
