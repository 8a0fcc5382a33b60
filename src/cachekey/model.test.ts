/**
 * @module cachekey/model.test
 * Fingerprint rules on Dockerfiles through the real parser and model: which instructions make
 * ops, what enters a RUN key (env order by last assignment, valued ARGs only, unexpanded text),
 * COPY fields, `COPY --link`, heredocs, cache-mount ids per BuildKit version, reachability.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, parse } from '../dockerfile/index.ts';
import { buildOpGraph, type ModelOptions, type Op } from './model.ts';

const ops = (text: string, options: ModelOptions & { target?: string; buildArgs?: Record<string, string> } = {}): Op[] => {
  const model = buildModel(parse(text, { file: 'Dockerfile' }), {
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.buildArgs === undefined ? {} : { buildArgs: options.buildArgs }),
  });
  return [...buildOpGraph(model, options).ops];
};
const runOf = (list: Op[], n = 0): Op | undefined => list.filter((o) => o.kind === 'exec')[n];

describe('buildOpGraph', () => {
  it('config-only instructions make no op; WORKDIR / does not either', () => {
    const list = ops('FROM alpine\nLABEL a=b\nEXPOSE 80\nENV A=1\nUSER nobody\nWORKDIR /\nCMD ["x"]\nWORKDIR /app\nRUN true\n');
    expect(list.map((o) => `${o.kind} ${o.index}`)).toEqual(['image 1', 'mkdir 2', 'exec 3']);
  });

  it('orders env by last assignment and keeps RUN text unexpanded', () => {
    const run = runOf(ops('FROM alpine\nENV A=1 B=2\nENV A=1\nRUN echo $A\n'));
    expect(run?.fields.env).toEqual(['B=2', 'A=1']);
    expect(run?.fields.args).toEqual(['/bin/sh', '-c', 'echo $A']);
  });

  it('only ARGs with a value become env; a build arg fills a declared ARG', () => {
    const text = 'FROM alpine\nARG NOVALUE\nARG V=1\nRUN true\n';
    expect(runOf(ops(text))?.fields.env).toEqual(['V=1']);
    expect(runOf(ops(text, { buildArgs: { NOVALUE: 'x', UNDECLARED: 'y' } }))?.fields.env).toEqual(['NOVALUE=x', 'V=1']);
    expect(runOf(ops(text))?.argKeys).toEqual(['V']);
  });

  it('stages FROM another stage inherit env and continue the chain, numbered from 1', () => {
    const list = ops('FROM alpine AS a\nENV X=1\nRUN one\nFROM a AS b\nRUN two\n');
    const two = list.find((o) => o.stageName === 'b');
    expect(two?.index).toBe(1);
    expect(two?.fields.env).toEqual(['X=1']);
    expect(two?.inputs[0]?.source).toEqual({ kind: 'op', op: list.findIndex((o) => o.instruction === 'RUN one') });
  });

  it('COPY keys basenames and the resolved dest; sources are content-based selectors', () => {
    const copy = ops('FROM alpine\nWORKDIR /src\nCOPY --chown=1:1 cmd/app/main.go ./\n').find((o) => o.kind === 'copy');
    expect(copy?.fields).toMatchObject({ src: ['main.go'], dest: '/src/', chown: '1:1' });
    expect(copy?.inputs[1]).toEqual({ role: 'copySource', source: { kind: 'context' }, selectors: [{ source: 'cmd/app/main.go' }], contentBased: true });
  });

  it('COPY --link copies onto scratch and merges', () => {
    const list = ops('FROM alpine\nCOPY --link a /a\n');
    expect(list.map((o) => o.kind)).toEqual(['image', 'copy', 'merge']);
    expect(list[1]?.inputs.map((i) => i.role)).toEqual(['copySource']);
    expect(list[2]?.visible).toBe(false);
  });

  it('heredoc bodies are in the key', () => {
    const a = runOf(ops('FROM alpine\nRUN <<EOF\necho 1\nEOF\n'));
    const b = runOf(ops('FROM alpine\nRUN <<EOF\necho 2\nEOF\n'));
    expect(a?.fieldsDigest).not.toBe(b?.fieldsDigest);
  });

  it('a non-default cache-mount id is in the key only for BuildKit < 0.13', () => {
    const t = (id: string): string => `FROM alpine\nRUN --mount=type=cache,id=${id},target=/c true\n`;
    expect(runOf(ops(t('one')))?.fieldsDigest).toBe(runOf(ops(t('two')))?.fieldsDigest);
    expect(runOf(ops(t('one'), { legacyCacheMountKeys: true }))?.fieldsDigest).not.toBe(runOf(ops(t('two'), { legacyCacheMountKeys: true }))?.fieldsDigest);
  });

  it('bind mounts from the context are content-based inputs', () => {
    const run = runOf(ops('FROM golang\nRUN --mount=type=bind,source=go.sum,target=/go.sum go mod download\n'));
    expect(run?.inputs[1]).toMatchObject({ role: 'mount', source: { kind: 'context' }, selectors: [{ source: 'go.sum' }], contentBased: true });
    expect(run?.fields.mounts).toEqual([{ type: 'bind', target: '/go.sum', readonly: true }]);
  });

  it('unreachable stages make no ops; --target changes reachability', () => {
    const text = 'FROM alpine AS a\nRUN a\nFROM alpine AS unused\nRUN u\nFROM alpine AS final\nCOPY --from=a /x /x\n';
    expect(ops(text).map((o) => o.stageName)).not.toContain('unused');
    expect(new Set(ops(text, { target: 'unused' }).map((o) => o.stageName))).toEqual(new Set(['unused']));
  });

  it('COPY --from a stage reads that stage content-based', () => {
    const list = ops('FROM alpine AS a\nRUN build\nFROM alpine\nCOPY --from=a /out /out\n');
    const copy = list.find((o) => o.kind === 'copy');
    expect(copy?.inputs[1]).toMatchObject({ role: 'copySource', source: { kind: 'op', op: 1 }, selectors: [{ source: '/out' }], contentBased: true });
  });
});
