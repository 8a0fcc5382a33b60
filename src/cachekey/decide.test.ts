/**
 * @module cachekey/decide.test
 * The decision table: hand-built op graphs for A and B (no parser involved) and the verdict and
 * reason each step must get, one case per reason kind plus the content-key cases
 * (`COPY --from` hit after its stage re-ran, same bytes under another path, `COPY --link`).
 */
import { describe, expect, it } from 'vitest';
import type { ContentMap, InputContent } from './compute.ts';
import { decide, type Reason, type Verdict } from './decide.ts';
import { sealOp, type Op, type OpGraph, type OpInput } from './model.ts';

type Spec = {
  kind: Op['kind'];
  stage?: string;
  fields: Record<string, unknown>;
  inputs?: OpInput[];
  argKeys?: string[];
  visible?: boolean;
  text?: string;
  content?: Record<number, { digest: string; files?: Record<string, string> }>;
};

function side(specs: Spec[]): { graph: OpGraph; content: ContentMap } {
  const perStage = new Map<string, number>();
  const ops = specs.map((s, id) => {
    const stage = s.stage ?? 'build';
    const index = s.visible === false ? 0 : (perStage.get(stage) ?? 0) + 1;
    if (s.visible !== false) perStage.set(stage, index);
    return sealOp({
      id, kind: s.kind, stage: 0, stageName: stage, index, line: id + 1, instruction: s.text ?? `${s.kind} ${id}`,
      keyword: s.kind === 'exec' ? 'RUN' : s.kind === 'image' ? 'FROM' : 'COPY', visible: s.visible !== false,
      fields: s.fields, inputs: s.inputs ?? [], argKeys: s.argKeys ?? [],
    });
  });
  const content = new Map<number, Map<number, InputContent>>();
  specs.forEach((s, id) => {
    if (s.content === undefined) return;
    content.set(id, new Map(Object.entries(s.content).map(([i, c]) => [Number(i), { digest: c.digest, files: new Map(Object.entries(c.files ?? {})), missing: [] }])));
  });
  return { graph: { ops, stageTail: new Map() }, content };
}

const base = (op: number): OpInput => ({ role: 'base', source: { kind: 'op', op }, selectors: [], contentBased: false });
const ctx = (...sources: string[]): OpInput => ({ role: 'copySource', source: { kind: 'context' }, selectors: sources.map((source) => ({ source })), contentBased: true });
const fromOp = (op: number, source: string): OpInput => ({ role: 'copySource', source: { kind: 'op', op }, selectors: [{ source }], contentBased: true });
const img = (ref: string, stage = 'build'): Spec => ({ kind: 'image', stage, fields: { ref, platform: 'linux/amd64' }, text: `FROM ${ref}` });
const run = (cmd: string, parent: number, env: string[] = [], extra: Partial<Spec> = {}): Spec => ({
  kind: 'exec', fields: { args: ['/bin/sh', '-c', cmd], env, cwd: '/', user: '' }, inputs: [base(parent)], text: `RUN ${cmd}`, ...extra,
});
const copy = (src: string[], dest: string, parent: number, digest: string, files: Record<string, string> = {}): Spec => ({
  kind: 'copy', fields: { src: src.map((s) => s.split('/').pop()), dest }, inputs: [base(parent), ctx(...src)], text: `COPY ${src.join(' ')} ${dest}`,
  content: { 1: { digest, files } },
});

const verdicts = (a: Spec[], b: Spec[]): [Verdict, Reason['kind'], string | undefined][] =>
  decide(side(a), side(b)).map((d) => [d.verdict, d.reason.kind, d.rebuiltBecause?.instruction]);

describe('decide', () => {
  it('identical states: everything cached', () => {
    const a = [img('golang:1.22'), copy(['go.mod'], '/src/', 0, 'd1'), run('go mod download', 1)];
    expect(verdicts(a, a)).toEqual([
      ['cached', 'CACHED', undefined],
      ['cached', 'CACHED', undefined],
      ['cached', 'CACHED', undefined],
    ]);
  });

  it('BASE_IMAGE_CHANGED, and descendants are marked once with the root cause', () => {
    const a = [img('golang:1.22@sha256:aa'), run('a', 0), run('b', 1)];
    const b = [img('golang:1.22@sha256:bb'), run('a', 0), run('b', 1)];
    expect(verdicts(a, b)).toEqual([
      ['rebuilt', 'BASE_IMAGE_CHANGED', undefined],
      ['rebuilt', 'PARENT_REBUILT', 'FROM golang:1.22@sha256:bb'],
      ['rebuilt', 'PARENT_REBUILT', 'FROM golang:1.22@sha256:bb'],
    ]);
  });

  it('OP_CHANGED names the build arg that changed', () => {
    const a = [img('alpine'), run('make', 0, ['V=1'], { argKeys: ['V'] })];
    const b = [img('alpine'), run('make', 0, ['V=2'], { argKeys: ['V'] })];
    const d = decide(side(a), side(b))[1];
    expect(d?.verdict).toBe('rebuilt');
    expect(d?.reason).toEqual({ kind: 'OP_CHANGED', changes: [{ field: 'env.V', before: '1', after: '2', via: 'ARG' }], counterpart: expect.objectContaining({ index: 2 }) as unknown });
  });

  it('env order alone is a change (llb orders env by last assignment)', () => {
    const a = [img('alpine'), run('x', 0, ['A=1', 'B=2'])];
    const b = [img('alpine'), run('x', 0, ['B=2', 'A=1'])];
    const r = decide(side(a), side(b))[1]?.reason;
    expect(r?.kind === 'OP_CHANGED' && r.changes[0]?.field).toBe('env (order)');
  });

  it('CONTENT_CHANGED lists the files', () => {
    const a = [img('alpine'), copy(['.'], '/src/', 0, 'd1', { 'main.go': 'x1', 'old.go': 'o' })];
    const b = [img('alpine'), copy(['.'], '/src/', 0, 'd2', { 'main.go': 'x2', 'new.go': 'n' })];
    expect(decide(side(a), side(b))[1]?.reason).toEqual({
      kind: 'CONTENT_CHANGED',
      files: [
        { path: 'main.go', change: 'modified' },
        { path: 'new.go', change: 'added' },
        { path: 'old.go', change: 'removed' },
      ],
      missing: [],
    });
  });

  it('SELECTOR_CHANGED when the source list changes', () => {
    const a = [img('alpine'), copy(['go.mod'], '/src/', 0, 'd1')];
    const b = [img('alpine'), copy(['go.mod', 'go.sum'], '/src/', 0, 'd2')];
    expect(verdicts(a, b)[1]).toEqual(['rebuilt', 'SELECTOR_CHANGED', undefined]);
  });

  it('same bytes under another path is a content hit (basename in the op, content key)', () => {
    const a = [img('alpine'), copy(['a/x.txt'], '/d/', 0, 'same')];
    const b = [img('alpine'), copy(['b/x.txt'], '/d/', 0, 'same')];
    expect(verdicts(a, b)[1]).toEqual(['cached', 'CACHED', undefined]);
  });

  it('COPY --from a re-run stage is MAYBE; its descendants too; a cached stage is a hit', () => {
    const a = [img('golang'), run('go build', 0), img('alpine', 'final'), { ...copy([], '/app', 2, ''), stage: 'final', inputs: [base(2), fromOp(1, '/out/app')], content: {} }, { ...run('chmod', 3), stage: 'final' }];
    const b = structuredClone(a);
    (b[1] as Spec).fields = { ...(b[1] as Spec).fields, args: ['/bin/sh', '-c', 'go build -v'] };
    expect(verdicts(a, b).map((v) => v.slice(0, 2))).toEqual([
      ['cached', 'CACHED'],
      ['rebuilt', 'OP_CHANGED'],
      ['cached', 'CACHED'],
      ['maybe', 'MAYBE_CONTENT_HIT'],
      ['maybe', 'MAYBE_CONTENT_HIT'],
    ]);
    expect(verdicts(a, a)[3]).toEqual(['cached', 'CACHED', undefined]);
  });

  it('COPY --link keeps the copy cached when the base rebuilt; the merge and later RUNs rebuild', () => {
    const link = (parent: number, digest: string): Spec[] => [
      { kind: 'copy', fields: { src: ['app'], dest: '/app', link: true }, inputs: [ctx('app')], content: { 0: { digest } }, text: 'COPY --link app /app' },
      { kind: 'merge', fields: { merge: true }, visible: false, inputs: [{ ...base(parent), role: 'mergePart' }, { ...base(parent + 1), role: 'mergePart' }] },
    ];
    const a = [img('alpine'), run('apk add x', 0), ...link(1, 'c'), run('true', 3)];
    const b = [img('alpine'), run('apk add x y', 0), ...link(1, 'c'), run('true', 3)];
    expect(verdicts(a, b)).toEqual([
      ['cached', 'CACHED', undefined],
      ['rebuilt', 'OP_CHANGED', undefined],
      ['cached', 'CACHED', undefined],
      ['rebuilt', 'PARENT_REBUILT', 'RUN apk add x y'],
      ['rebuilt', 'PARENT_REBUILT', 'RUN apk add x y'],
    ]);
  });

  it('a bind mount from the context is content-based', () => {
    const mount: OpInput = { role: 'mount', source: { kind: 'context' }, selectors: [{ source: 'go.sum' }], contentBased: true };
    const a = [img('golang'), { ...run('go mod download', 0), inputs: [base(0), mount], content: { 1: { digest: 's1', files: { 'go.sum': 's1' } } } }];
    const same = [img('golang'), { ...run('go mod download', 0), inputs: [base(0), mount], content: { 1: { digest: 's1', files: { 'go.sum': 's1' } } } }];
    const changed = [img('golang'), { ...run('go mod download', 0), inputs: [base(0), mount], content: { 1: { digest: 's2', files: { 'go.sum': 's2' } } } }];
    expect(verdicts(a, same)[1]?.[0]).toBe('cached');
    expect(verdicts(a, changed)[1]?.slice(0, 2)).toEqual(['rebuilt', 'CONTENT_CHANGED']);
  });

  it('a new step has OP_CHANGED with no counterpart', () => {
    const a = [img('alpine')];
    const b = [img('alpine'), run('new', 0)];
    expect(decide(side(a), side(b))[1]?.reason).toEqual({ kind: 'OP_CHANGED', changes: [{ field: 'instruction', before: null, after: 'RUN new' }], counterpart: null });
  });

  it('reordered steps hit nothing after the first difference (keys chain)', () => {
    const a = [img('alpine'), run('one', 0), run('two', 1)];
    const b = [img('alpine'), run('two', 0), run('one', 1)];
    expect(verdicts(a, b).map((v) => v[1])).toEqual(['CACHED', 'OP_CHANGED', 'PARENT_REBUILT']);
  });
});
