// Completeness test for the rule registry (after ESLint's checkRuleFiles): every rule file is
// registered, sorted, named after its id, tested with valid and invalid cases, documented with
// bad/good examples that behave as documented through the real pipeline, and has an up-to-date
// generated page. Also global invariants over the example Dockerfiles.
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from '../../dockerfile/index.ts';
import { contextFromDirectory } from '../context.ts';
import { renderRuleDoc, renderRulesIndex } from '../docs.ts';
import { lint } from '../engine.ts';
import { fixText } from '../fix.ts';
import type { AnyRule, ContextView } from '../rule.ts';
import { RULES } from './index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const ruleFiles = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();

function withContext<T>(files: Readonly<Record<string, string>> | undefined, fn: (view: ContextView | undefined) => T): T {
  if (files === undefined) return fn(undefined);
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-docs-'));
  try {
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), c);
    }
    return fn(contextFromDirectory(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('rule registry', () => {
  it('registers every rule file, sorted by id, once', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(ruleFiles);
  });

  it('has unique aliases that do not collide with ids', () => {
    const seen = new Map<string, string>();
    for (const r of RULES) {
      for (const a of r.meta.aliases ?? []) {
        expect(seen.get(a), `alias ${a} of ${r.id} is also used by ${seen.get(a) ?? ''}`).toBeUndefined();
        expect(ruleFiles).not.toContain(a);
        seen.set(a, r.id);
      }
    }
  });

  it('regenerated docs/rules/README.md is up to date (npx tsx scripts/gen-rule-docs.ts)', () => {
    expect(readFileSync(join(root, 'docs', 'rules', 'README.md'), 'utf8')).toBe(renderRulesIndex(RULES));
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule: AnyRule) => {
  it('lives in a file named after its id, with a module default export', async () => {
    const mod = (await import(`./${id}.ts`)) as { default?: unknown };
    expect(mod.default).toBe(rule);
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('has a table-driven test with valid and invalid cases', () => {
    const path = join(here, `${id}.test.ts`);
    expect(existsSync(path), `missing ${basename(path)}`).toBe(true);
    const text = readFileSync(path, 'utf8');
    // runRuleTests itself fails a test file whose tables are empty; here we check it is used.
    expect(text).toContain('runRuleTests(');
    expect(text).toMatch(/valid:\s*\[\s*(\/\/[^\n]*\n\s*)*[{\w]/);
    expect(text).toMatch(/invalid:\s*\[\s*(\/\/[^\n]*\n\s*)*[{\w]/);
  });

  it('has docs whose bad example triggers it and whose good example does not', () => {
    const { bad, good, contextFiles, goodContextFiles } = rule.meta.docs;
    expect(rule.meta.docs.description.length).toBeGreaterThan(10);
    const findingsOf = (text: string, files: Readonly<Record<string, string>> | undefined) =>
      withContext(files ?? (rule.meta.needsContext === true ? {} : undefined), (context) => lint(text, { file: 'Dockerfile', context, rules: [rule], onRuleError: 'throw' }));
    expect(findingsOf(bad, contextFiles).length, 'bad example does not trigger the rule').toBeGreaterThan(0);
    expect(findingsOf(good, goodContextFiles ?? contextFiles).map((f) => f.message), 'good example triggers the rule').toEqual([]);
  });

  it('has an up-to-date generated page docs/rules/<id>.md', () => {
    const path = join(root, 'docs', 'rules', `${id}.md`);
    expect(existsSync(path), 'run: npx tsx scripts/gen-rule-docs.ts').toBe(true);
    expect(readFileSync(path, 'utf8'), 'stale: run npx tsx scripts/gen-rule-docs.ts').toBe(renderRuleDoc(rule));
  });
});

describe('whole registry over the examples', () => {
  const examples = existsSync(join(root, 'examples'))
    ? readdirSync(join(root, 'examples')).flatMap((d) => {
      const dir = join(root, 'examples', d);
      return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('Dockerfile') && !f.endsWith('.dockerignore')).map((f) => join(dir, f)) : [];
    })
    : [];
  it.each(examples.map((p) => [p.slice(root.length + 1), p] as const))('%s: no crash, no line ≤ 0, fix re-parses and is idempotent', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const context = contextFromDirectory(dirname(path), { dockerfile: path });
    const findings = lint(text, { file: 'Dockerfile', context });
    for (const f of findings) {
      expect(f.rule).not.toBe('rule-crash');
      expect(f.line).toBeGreaterThan(0);
    }
    for (const unsafe of [false, true]) {
      const once = fixText(text, { file: 'Dockerfile', context, unsafe });
      expect(() => parse(once.output, { file: 'Dockerfile' })).not.toThrow();
      expect(fixText(once.output, { file: 'Dockerfile', context, unsafe: false }).output).toBe(unsafe ? fixText(once.output, { file: 'Dockerfile', context }).output : once.output);
    }
  });
});
