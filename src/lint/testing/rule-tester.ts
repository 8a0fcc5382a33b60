/**
 * @module lint/testing/rule-tester
 * Table-driven rule tests (after ESLint's RuleTester): `runRuleTests(rule, { valid, invalid })`
 * registers vitest blocks that run the rule through the real pipeline (parse → model → views →
 * engine) with the AST and model deep-frozen, and check exact messageIds and positions, fix
 * output (final or per pass), suggestions, that fixed output re-parses and differs from the
 * input, that there are no duplicate cases, and — for every case — that the whole registry's
 * `fix` on the text re-parses and is idempotent and that no finding has line ≤ 0.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../dockerfile/index.ts';
import type { LintConfig, RuleSetting } from '../config.ts';
import { contextFromDirectory } from '../context.ts';
import { lintPrepared, prepare, type Finding, type Prepared } from '../engine.ts';
import { applyFixesOnce, fixText } from '../fix.ts';
import type { AnyRule, ContextView } from '../rule.ts';
import { RULES } from '../rules/index.ts';

export interface ValidCase {
  readonly name?: string;
  readonly code: string;
  readonly options?: unknown;
  readonly context?: Readonly<Record<string, string>>;
}

export interface ExpectedError {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
  /** text after safe fixes (string), or after each pass (array); omit when the rule has no fix for this case */
  readonly output?: string | readonly string[];
  /** texts after applying each suggestion of the first error, in order */
  readonly suggestions?: readonly string[];
}

export interface RuleTestCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

/**
 * Freezes plain data (object literals and arrays) reachable from `value`. Class instances (the
 * model's lazily computed step state, with internal memo caches) and Maps are walked but left
 * unfrozen: their caching is not a mutation a rule could observe.
 */
function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  const proto: unknown = Object.getPrototypeOf(value);
  if (value instanceof Map) return;
  if (proto === Object.prototype || proto === Array.prototype || proto === null) Object.freeze(value);
  else return;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
}

function configFor(rule: AnyRule, options: unknown): LintConfig {
  const defaults: unknown = rule.defaultOptions;
  const merged: unknown = options === undefined
    ? defaults
    : typeof defaults === 'object' && defaults !== null && typeof options === 'object' && options !== null
      ? { ...defaults, ...options }
      : options;
  const setting: RuleSetting = { enabled: true, severity: rule.meta.severity, options: merged };
  return { rules: new Map([[rule.id, setting]]), buildArgs: {}, target: undefined };
}

/** A temp context directory holding `files` (always created for needsContext rules); removed by `dispose`. */
function makeContext(rule: AnyRule, files: Readonly<Record<string, string>> | undefined): { view: ContextView | undefined; dispose(): void } {
  if (files === undefined && rule.meta.needsContext !== true) return { view: undefined, dispose: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), `stevedore-rule-${rule.id}-`));
  for (const [path, content] of Object.entries(files ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { view: contextFromDirectory(dir), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function title(c: ValidCase): string {
  if (c.name !== undefined) return c.name;
  const t = c.code.replaceAll('\n', '⏎');
  return t.length > 70 ? `${t.slice(0, 70)}…` : t;
}

/** Lints `code` with only `rule`, AST and model frozen, rule errors rethrown. */
export function runRule(rule: AnyRule, c: ValidCase, context: ContextView | undefined): { findings: Finding[]; prepared: Prepared } {
  const config = configFor(rule, c.options);
  const prepared = prepare(c.code, 'Dockerfile', config);
  deepFreeze(prepared);
  const findings = lintPrepared(prepared, { file: 'Dockerfile', rules: [rule], config, context, onRuleError: 'throw' });
  return { findings, prepared };
}

/** Whole-registry invariants every test text must satisfy. */
function checkPipelineInvariants(c: ValidCase, context: ContextView | undefined): void {
  const first = fixText(c.code, { file: 'Dockerfile', context, rules: RULES });
  for (const f of first.remaining) {
    expect(f.line, `finding ${f.rule} has line ≤ 0`).toBeGreaterThan(0);
    expect(f.rule, `a rule crashed: ${f.message}`).not.toBe('rule-crash');
  }
  expect(() => parse(first.output, { file: 'Dockerfile' })).not.toThrow();
  const second = fixText(first.output, { file: 'Dockerfile', context, rules: RULES });
  expect(second.output, 'fix is not idempotent over the registry').toBe(first.output);
}

/** Checks one valid case (throws an assertion error on failure). */
export function checkValidCase(rule: AnyRule, c: ValidCase): void {
  const ctx = makeContext(rule, c.context);
  try {
    const { findings } = runRule(rule, c, ctx.view);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.messageId}: ${f.message}`)).toEqual([]);
    checkPipelineInvariants(c, ctx.view);
  } finally {
    ctx.dispose();
  }
}

/** Checks one invalid case (throws an assertion error on failure). */
export function checkInvalidCase(rule: AnyRule, c: InvalidCase): void {
  for (const e of c.errors) {
    expect(Object.keys(rule.messages), `unknown messageId "${e.messageId}" in the test`).toContain(e.messageId);
  }
  const ctx = makeContext(rule, c.context);
  try {
    const { findings } = runRule(rule, c, ctx.view);
    const actual = findings.map((f, i) => {
      const want = c.errors[i];
      return {
        messageId: f.messageId, line: f.line, column: f.column,
        ...(want?.endLine === undefined ? {} : { endLine: f.endLine }),
        ...(want?.endColumn === undefined ? {} : { endColumn: f.endColumn }),
      };
    });
    expect(actual).toEqual(c.errors.map((e) => ({ ...e })));
    for (const f of findings) expect(f.message).not.toMatch(/\{\{\s*\w+\s*\}\}/);

    const config = configFor(rule, c.options);
    const fixed = fixText(c.code, { file: 'Dockerfile', rules: [rule], config, context: ctx.view, onRuleError: 'throw' });
    if (c.output === undefined) {
      expect(findings.filter((f) => (f.fix?.edits.length ?? 0) > 0).map((f) => f.messageId), 'the rule fixed this case: give `output`').toEqual([]);
    } else if (typeof c.output === 'string') {
      expect(c.output, 'output equals code: omit `output` when there is no fix').not.toBe(c.code);
      expect(fixed.output).toBe(c.output);
    } else {
      expect(fixed.history).toEqual(c.output);
    }
    let prev = c.code;
    for (const text of fixed.history) {
      expect(text, 'a fix pass did not change the text').not.toBe(prev);
      expect(() => parse(text, { file: 'Dockerfile' }), 'fixed output must re-parse').not.toThrow();
      prev = text;
    }

    if (c.suggestions !== undefined) {
      const first = findings[0]?.suggestions ?? [];
      const texts = first.map((s) => applyFixesOnce(c.code, [s.fix]).output);
      expect(texts).toEqual(c.suggestions);
      for (const t of texts) expect(() => parse(t, { file: 'Dockerfile' }), 'suggestion output must re-parse').not.toThrow();
    }
    checkPipelineInvariants(c, ctx.view);
  } finally {
    ctx.dispose();
  }
}

/** Checks the tables themselves: both kinds present, no duplicates. */
export function checkCaseTables(cases: RuleTestCases): void {
  expect(cases.valid.length, 'no valid cases').toBeGreaterThan(0);
  expect(cases.invalid.length, 'no invalid cases').toBeGreaterThan(0);
  const keys = new Set<string>();
  for (const c of [...cases.valid, ...cases.invalid]) {
    const key = JSON.stringify([c.code, c.options, c.context]);
    expect(keys.has(key), `duplicate case: ${title(c)}`).toBe(false);
    keys.add(key);
  }
}

export function runRuleTests(rule: AnyRule, cases: RuleTestCases): void {
  describe(rule.id, () => {
    it('has valid and invalid cases, none duplicated', () => checkCaseTables(cases));
    describe('valid', () => {
      for (const c of cases.valid) it(title(c), () => checkValidCase(rule, c));
    });
    describe('invalid', () => {
      for (const c of cases.invalid) it(title(c), () => checkInvalidCase(rule, c));
    });
  });
}
