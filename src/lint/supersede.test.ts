/**
 * @module lint/supersede.test
 * Through the real pipeline: one finding per credential-like ARG/ENV name, the BuildKit-parity
 * rule back when ours is off, and its findings kept where ours does not flag the name.
 */
import { describe, expect, it } from 'vitest';
import { lint } from './engine.ts';
import { parseConfigText } from './config.ts';
import { RULES } from './rules/index.ts';

const SECRET_RULES = new Set(['secret-in-arg-env', 'secrets-used-in-arg-or-env']);
const secretFindings = (text: string, config?: string): [string, number, number][] =>
  lint(text, config === undefined ? {} : { config: parseConfigText(config, RULES) })
    .filter((f) => SECRET_RULES.has(f.rule))
    .map((f) => [f.rule, f.line, f.column]);

describe('superseded findings', () => {
  it.each([
    ['a stage ARG both rules flag gives one finding, ours', 'FROM alpine:3.20\nARG GITHUB_TOKEN\nRUN true\n', undefined, [['secret-in-arg-env', 2, 5]]],
    ['an ENV both rules flag gives one finding, ours', 'FROM alpine:3.20\nENV DB_PASSWORD=x\n', undefined, [['secret-in-arg-env', 2, 5]]],
    ['with ours off, the BuildKit-parity finding is back', 'FROM alpine:3.20\nARG GITHUB_TOKEN\nRUN true\n', '{"rules":{"secret-in-arg-env":"off"}}', [['secrets-used-in-arg-or-env', 2, 5]]],
    ['a name only BuildKit flags keeps its finding', 'FROM alpine:3.20\nARG TOKEN_ID\n', undefined, [['secrets-used-in-arg-or-env', 2, 5]]],
    ['two names on one line are decided one by one', 'FROM alpine:3.20\nARG TOKEN_ID API_SECRET\n', undefined, [['secrets-used-in-arg-or-env', 2, 5], ['secret-in-arg-env', 2, 14]]],
    ['a global ARG only ours flags (BuildKit skips globals)', 'ARG NPM_TOKEN\nFROM alpine:3.20\n', undefined, [['secret-in-arg-env', 1, 5]]],
  ] as const)('%s', (_name, text, config, expected) => {
    expect(secretFindings(text, config)).toEqual(expected);
  });

  it('the pragma for the superseding rule does not resurrect the other one', () => {
    expect(secretFindings('FROM alpine:3.20\n# stevedore-ignore secret-in-arg-env\nARG GITHUB_TOKEN\n')).toEqual([]);
  });
});
