// The fix applier: ordering, overlap deferral to the next pass, the 10-pass bound, cycle stop,
// refusal when a fix breaks the syntax, idempotence over the registry.
import { describe, expect, it } from 'vitest';
import { isStevedoreError } from '../errors.ts';
import { applyFixesOnce, fixText, MAX_PASSES } from './fix.ts';
import { defineRule } from './rule.ts';

const docs = { description: 'test rule', bad: 'FROM a\n', good: 'FROM a\n' };

describe('applyFixesOnce', () => {
  it('applies non-overlapping fixes in offset order and defers overlapping ones', () => {
    const r = applyFixesOnce('abcdef', [
      { edits: [{ start: 4, end: 5, text: 'E' }] },
      { edits: [{ start: 0, end: 2, text: 'AB' }] },
      { edits: [{ start: 1, end: 3, text: 'xx' }] },
    ]);
    expect(r.output).toBe('ABcdEf');
    expect(r.applied).toHaveLength(2);
    expect(r.deferred).toBe(1);
  });

  it('applies a multi-edit fix whole or not at all', () => {
    const r = applyFixesOnce('0123456789', [
      { edits: [{ start: 1, end: 2, text: 'a' }] },
      { edits: [{ start: 8, end: 9, text: 'b' }, { start: 1, end: 1, text: 'c' }] },
    ]);
    // The second fix's insertion at 1 does not overlap [1,2) as an insertion before it, so both apply.
    expect(r.output).toBe('0ca234567b9');
    const r2 = applyFixesOnce('0123456789', [
      { edits: [{ start: 1, end: 3, text: 'a' }] },
      { edits: [{ start: 8, end: 9, text: 'b' }, { start: 2, end: 2, text: 'c' }] },
    ]);
    expect(r2.output).toBe('0a3456789');
    expect(r2.deferred).toBe(1);
  });

  it('treats two insertions at the same point as a conflict (order would be arbitrary)', () => {
    const r = applyFixesOnce('ab', [{ edits: [{ start: 1, end: 1, text: 'x' }] }, { edits: [{ start: 1, end: 1, text: 'y' }] }]);
    expect(r.output).toBe('axb');
    expect(r.deferred).toBe(1);
  });

  it('rejects edits outside the text', () => {
    expect(applyFixesOnce('ab', [{ edits: [{ start: 1, end: 9, text: 'x' }] }]).output).toBe('ab');
  });
});

/** Appends one character to the first line each pass: never stable. */
const grows = defineRule({
  id: 'grows', meta: { category: 'style', severity: 'info', fixable: 'code', docs }, messages: { m: 'm' }, defaultOptions: {},
  create(ctx) {
    return { end() { const i = ctx.ast.instructions[0]!; ctx.report({ messageId: 'm', range: i.range, fix: { edits: [{ start: i.range.end.offset, end: i.range.end.offset, text: 'x' }] } }); } };
  },
});

/** Flips `FROM a` ↔ `FROM b`: a cycle. */
const flips = defineRule({
  id: 'flips', meta: { category: 'style', severity: 'info', fixable: 'code', docs }, messages: { m: 'm' }, defaultOptions: {},
  create(ctx) {
    return {
      instruction(i) {
        if (i.keyword !== 'FROM') return;
        const r = i.image.range;
        ctx.report({ messageId: 'm', range: r, fix: { edits: [{ start: r.start.offset, end: r.end.offset, text: i.image.raw === 'a' ? 'b' : 'a' }] } });
      },
    };
  },
});

/** Breaks the syntax: opens a heredoc that never ends. */
const breaks = defineRule({
  id: 'breaks', meta: { category: 'style', severity: 'info', fixable: 'code', docs }, messages: { m: 'm' }, defaultOptions: {},
  create(ctx) {
    return { end() { ctx.report({ messageId: 'm', range: ctx.ast.instructions[0]!.range, fix: { edits: [{ start: ctx.text.length, end: ctx.text.length, text: 'RUN <<EOF\nnever closed\n' }] } }); } };
  },
});

describe('fixText', () => {
  it(`stops after ${MAX_PASSES} passes`, () => {
    const r = fixText('FROM a\n', { rules: [grows] });
    expect(r.passes).toBe(MAX_PASSES);
    expect(r.output).toBe(`FROM a${'x'.repeat(MAX_PASSES)}\n`);
  });

  it('stops on a cycle instead of flipping forever', () => {
    const r = fixText('FROM a\n', { rules: [flips] });
    expect(r.passes).toBe(1);
    expect(r.output).toBe('FROM b\n');
  });

  it('refuses with a typed error when a fix breaks the syntax', () => {
    let caught: unknown;
    try {
      fixText('FROM a\n', { rules: [breaks] });
    } catch (e) {
      caught = e;
    }
    expect(isStevedoreError(caught) && caught.code).toBe('LINT_FIX_BROKE_SYNTAX');
  });

  it('is idempotent over the registry and keeps CRLF line endings', () => {
    const text = 'FROM golang:1.23 AS b\r\nWORKDIR /src\r\nCOPY . .\r\nRUN go build -o /app .\r\nFROM scratch\r\nCOPY --from=b /app /app\r\n';
    const once = fixText(text);
    expect(once.passes).toBeGreaterThan(0);
    expect(once.output).toContain('COPY go.mod go.sum* ./\r\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\r\n');
    expect(once.output).toContain('CGO_ENABLED=0 go build');
    expect(fixText(once.output).output).toBe(once.output);
  });
});
