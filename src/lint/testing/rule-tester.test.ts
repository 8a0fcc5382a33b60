// The RuleTester must fail on wrong expectations: a test helper that always passes proves nothing.
import { describe, expect, it } from 'vitest';
import { defineRule } from '../rule.ts';
import { checkCaseTables, checkInvalidCase, checkValidCase } from './rule-tester.ts';

const docs = { description: 'test rule', bad: 'FROM a\n', good: 'FROM a\n' };

/** Reports `FROM latest`-style images and fixes the keyword case of `from`. */
const rule = defineRule({
  id: 'tester-probe',
  meta: { category: 'style', severity: 'warning', fixable: 'code', hasSuggestions: true, docs },
  messages: { lower: 'lower-case FROM', tagless: 'no tag' },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(i) {
        if (i.keyword !== 'FROM') return;
        const k = i.node.keywordRange;
        if (i.node.keywordText === 'from') ctx.report({ messageId: 'lower', range: k, fix: { edits: [{ start: k.start.offset, end: k.end.offset, text: 'FROM' }] } });
        if (!i.image.raw.includes(':')) {
          const r = i.image.range;
          ctx.report({ messageId: 'tagless', range: r, suggestions: [{ message: 'use :1', fix: { edits: [{ start: r.end.offset, end: r.end.offset, text: ':1' }] } }] });
        }
      },
    };
  },
});

/** Mutates the AST it is given. */
const mutator = defineRule({
  id: 'tester-mutator',
  meta: { category: 'style', severity: 'warning', docs },
  messages: { m: 'm' },
  defaultOptions: {},
  create(ctx) {
    return { end() { (ctx.ast.instructions as unknown as unknown[]).push(undefined); } };
  },
});

describe('RuleTester', () => {
  it('passes correct cases', () => {
    checkValidCase(rule, { code: 'FROM a:1\n' });
    checkInvalidCase(rule, { code: 'from a:1\n', errors: [{ messageId: 'lower', line: 1, column: 1, endColumn: 5 }], output: 'FROM a:1\n' });
    checkInvalidCase(rule, { code: 'FROM a\n', errors: [{ messageId: 'tagless', line: 1, column: 6 }], suggestions: ['FROM a:1\n'] });
  });

  it.each([
    ['a finding in a valid case', () => checkValidCase(rule, { code: 'FROM a\n' })],
    ['a wrong column', () => checkInvalidCase(rule, { code: 'FROM a\n', errors: [{ messageId: 'tagless', line: 1, column: 5 }] })],
    ['a wrong end column', () => checkInvalidCase(rule, { code: 'from a:1\n', errors: [{ messageId: 'lower', line: 1, column: 1, endColumn: 9 }], output: 'FROM a:1\n' })],
    ['a missing error', () => checkInvalidCase(rule, { code: 'from a\n', errors: [{ messageId: 'lower', line: 1, column: 1 }], output: 'FROM a\n' })],
    ['an unknown messageId in the test', () => checkInvalidCase(rule, { code: 'FROM a\n', errors: [{ messageId: 'nope', line: 1, column: 6 }] })],
    ['a fix without `output`', () => checkInvalidCase(rule, { code: 'from a:1\n', errors: [{ messageId: 'lower', line: 1, column: 1 }] })],
    ['a wrong output', () => checkInvalidCase(rule, { code: 'from a:1\n', errors: [{ messageId: 'lower', line: 1, column: 1 }], output: 'FROM a:2\n' })],
    ['output equal to code', () => checkInvalidCase(rule, { code: 'FROM a\n', errors: [{ messageId: 'tagless', line: 1, column: 6 }], output: 'FROM a\n' })],
    ['a wrong suggestion', () => checkInvalidCase(rule, { code: 'FROM a\n', errors: [{ messageId: 'tagless', line: 1, column: 6 }], suggestions: ['FROM a:2\n'] })],
    ['a rule that mutates the AST', () => checkValidCase(mutator, { code: 'FROM a:1\n' })],
  ])('fails on %s', (_name, run) => {
    expect(run).toThrow();
  });

  it('fails on empty tables and duplicate cases', () => {
    expect(() => checkCaseTables({ valid: [], invalid: [{ code: 'FROM a\n', errors: [] }] })).toThrow();
    expect(() => checkCaseTables({ valid: [{ code: 'FROM a\n' }], invalid: [] })).toThrow();
    expect(() => checkCaseTables({ valid: [{ code: 'FROM a\n' }, { code: 'FROM a\n', name: 'again' }], invalid: [{ code: 'FROM b\n', errors: [] }] })).toThrow(/duplicate/);
  });
});
