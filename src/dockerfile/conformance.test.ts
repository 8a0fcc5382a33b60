/**
 * @module dockerfile/conformance.test
 * BuildKit's own test data, read in place from shared/conformance/buildkit-parser: the 33 dump
 * cases byte for byte, the 4 negative cases (typed code + line), testfile-line spans, and the
 * shell lexer's envVarTest / wordsTest.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from './index.ts';
import { CONFORMANCE_DIR, runEnvVarTest, runNegatives, runTestfiles, runWordsTest, summary } from './testing/conformance.ts';

describe('BuildKit parser conformance', () => {
  afterAll(() => {
    // The counts the issue asks to see printed.
    console.log(summary());
  });

  it.each(runTestfiles().map((r) => [r.name, r] as const))('testfiles/%s dumps exactly as BuildKit', (_name, r) => {
    expect(r.detail).toBe(readFileSync(`${CONFORMANCE_DIR}testfiles/${r.name}/result`, 'utf8'));
  });

  it('has all 33 positive cases', () => {
    expect(runTestfiles()).toHaveLength(33);
  });

  it('rejects every negative case with a typed code and line', () => {
    const got = runNegatives().map(({ name, code, line }) => ({ name, code, line }));
    expect(got).toEqual([
      { name: 'empty_dockerfile', code: 'DOCKERFILE_EMPTY', line: 1 },
      { name: 'env_no_value', code: 'DOCKERFILE_ENV_NO_VALUE', line: 3 },
      { name: 'only_comments', code: 'DOCKERFILE_EMPTY', line: 3 },
      { name: 'shykes-nested-json', code: 'DOCKERFILE_INVALID_JSON', line: 1 },
    ]);
  });

  it('gives testfile-line the line spans BuildKit reports', () => {
    const ast = parse(readFileSync(`${CONFORMANCE_DIR}testfile-line/Dockerfile`, 'utf8'));
    expect(ast.instructions.map((i) => [i.range.start.line, i.range.end.line])).toEqual([[5, 5], [11, 12], [17, 31]]);
    expect(ast.instructions[0]!.range.start.line).toBe(5);
    expect(ast.instructions.at(-1)!.range.end.line).toBe(31);
  });

  it('passes every envVarTest line (Unix semantics)', () => {
    const { results } = runEnvVarTest();
    expect(results.length).toBeGreaterThan(200);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it('passes every wordsTest line', () => {
    const results = runWordsTest();
    expect(results.length).toBe(24);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });
});
