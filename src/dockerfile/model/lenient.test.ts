/**
 * @module dockerfile/model/lenient.test
 * Lenient mode: each build-time problem that strict mode throws is recorded with its code and
 * position, the model recovers as documented, and strict mode still throws the same code.
 */
import { describe, expect, it } from 'vitest';
import { StevedoreError } from '../../errors.ts';
import { parse } from '../parse/parse.ts';
import type { BuildOptions, DockerfileModel } from '../types.ts';
import { buildModel } from './build.ts';

const build = (text: string, o: BuildOptions = {}): DockerfileModel => buildModel(parse(text, { file: 'Dockerfile' }), o);

interface Case {
  readonly name: string;
  readonly text: string;
  readonly options?: BuildOptions;
  readonly code: string;
  /** 1-based line and column of the problem, or null for the unknown target (no place in the file). */
  readonly at: readonly [number, number] | null;
  readonly recovered: (m: DockerfileModel) => unknown;
  readonly expected: unknown;
}

const CASES: readonly Case[] = [
  {
    name: 'blank base from an ARG without default keeps the raw reference',
    text: 'ARG BASE\nFROM $BASE\nRUN echo hi\n',
    code: 'DOCKERFILE_BASE_NAME_EMPTY', at: [2, 6],
    recovered: (m) => [m.stages[0]!.base, m.stages[0]!.steps.length],
    expected: [{ kind: 'image', ref: '$BASE' }, 1],
  },
  {
    name: 'a failed expansion keeps the raw word',
    text: 'FROM golang:1.26\nENV X=${Y:?boom}\nWORKDIR /src\n',
    code: 'DOCKERFILE_EXPANSION_FAILED', at: [2, 5],
    recovered: (m) => [m.stages[0]!.steps[0]!.expanded.env, m.stages[0]!.steps[1]!.state.env],
    expected: [['X=${Y:?boom}'], [['X', '${Y:?boom}']]],
  },
  {
    name: 'an unknown instruction is left out, the rest is typed',
    text: 'FROM alpine:3.20\nFOO bar\nRUN echo ok\n',
    code: 'DOCKERFILE_UNKNOWN_INSTRUCTION', at: [2, 1],
    recovered: (m) => m.stages[0]!.steps.map((s) => [s.instruction.keyword, s.instruction.index]),
    expected: [['RUN', 2]],
  },
  {
    name: 'an unknown flag leaves its instruction out',
    text: 'FROM alpine:3.20\nCOPY --frmo=build a b\nRUN echo ok\n',
    code: 'DOCKERFILE_UNKNOWN_FLAG', at: [2, 1],
    recovered: (m) => m.stages[0]!.steps.map((s) => s.instruction.keyword),
    expected: ['RUN'],
  },
  {
    name: 'an instruction before the first FROM is dropped',
    text: 'RUN echo early\nFROM alpine:3.20\nRUN echo ok\n',
    code: 'DOCKERFILE_NO_FROM', at: [1, 1],
    recovered: (m) => [m.stages.length, m.stages[0]!.steps.length],
    expected: [1, 1],
  },
  {
    name: 'an invalid mount type fails typing: the RUN is left out',
    text: 'FROM alpine:3.20\nRUN --mount=type=bogus,target=/x echo hi\nRUN echo ok\n',
    code: 'DOCKERFILE_INVALID_MOUNT', at: [2, 1],
    recovered: (m) => m.stages[0]!.steps.map((s) => s.instruction.index),
    expected: [2],
  },
  {
    name: 'a stage index past the end is not followed',
    text: 'FROM alpine:3.20\nCOPY --from=7 /a /b\n',
    code: 'DOCKERFILE_UNKNOWN_STAGE', at: [2, 6],
    recovered: (m) => [m.stages[0]!.dependsOn, m.stages[0]!.externalRefs],
    expected: [[], []],
  },
  {
    name: 'a cycle between stages is recorded and reachability still ends',
    text: 'FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\nCOPY --from=a /y /y\n',
    code: 'DOCKERFILE_STAGE_CYCLE', at: [4, 6],
    recovered: (m) => m.stages.map((s) => s.reachable),
    expected: [true, true],
  },
  {
    name: 'an unknown target falls back to the last stage',
    text: 'FROM alpine:3.20 AS a\nFROM alpine:3.20 AS b\n',
    options: { target: 'nope' },
    code: 'DOCKERFILE_UNKNOWN_STAGE', at: null,
    recovered: (m) => m.target,
    expected: 1,
  },
];

describe('lenient model', () => {
  it.each(CASES)('$name', (c) => {
    const m = build(c.text, { ...c.options, lenient: true });
    expect(m.problems.map((p) => p.code)).toEqual([c.code]);
    const p = m.problems[0]!;
    if (c.at === null) expect(p.range).toBeUndefined();
    else expect([p.range?.start.line, p.range?.start.column]).toEqual(c.at);
    expect(p.message.length).toBeGreaterThan(0);
    expect(c.recovered(m)).toEqual(c.expected);
  });

  it.each(CASES)('strict mode still throws: $name', (c) => {
    let thrown: unknown;
    try {
      build(c.text, c.options ?? {});
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(StevedoreError);
    expect((thrown as StevedoreError).code).toBe(c.code);
  });

  it('records nothing for a valid file, and strict mode has an empty problem list', () => {
    const text = 'ARG GO=1.26\nFROM golang:${GO} AS b\nRUN go version\nFROM scratch\nCOPY --from=b /x /x\n';
    expect(build(text, { lenient: true }).problems).toEqual([]);
    expect(build(text).problems).toEqual([]);
  });

  it('an unknown COPY --from name is an external image in both modes, not a problem (as in BuildKit)', () => {
    const text = 'FROM alpine:3.20\nCOPY --from=nosuch /a /b\n';
    for (const m of [build(text, { lenient: true }), build(text)]) {
      expect(m.problems).toEqual([]);
      expect([m.stages[0]!.externalRefs, m.stages[0]!.dependsOn]).toEqual([['nosuch'], []]);
    }
  });

  it('several problems in one file are all recorded: typing problems first, then model problems in file order', () => {
    const m = build('ARG BASE\nFROM $BASE\nFOO x\nENV A=${B:?no}\nRUN ok\n', { lenient: true });
    expect(m.problems.map((p) => [p.code, p.range?.start.line])).toEqual([
      ['DOCKERFILE_UNKNOWN_INSTRUCTION', 3],
      ['DOCKERFILE_BASE_NAME_EMPTY', 2],
      ['DOCKERFILE_EXPANSION_FAILED', 4],
    ]);
    expect(m.stages[0]!.steps.map((s) => s.instruction.keyword)).toEqual(['ENV', 'RUN']);
  });

  it('a file with no FROM still throws in lenient mode (there is no stage to recover into)', () => {
    expect(() => build('ARG A=1\n', { lenient: true })).toThrow(StevedoreError);
  });
});
