// The engine through the real pipeline: rule crashes become findings, metadata is enforced,
// pragmas and config severities apply, findings are sorted, parse errors are typed input errors.
import { describe, expect, it } from 'vitest';
import { isStevedoreError } from '../errors.ts';
import { normalizeConfig } from './config.ts';
import { lint, RULE_CRASH } from './engine.ts';
import { defineRule, type AnyRule } from './rule.ts';
import { RULES } from './rules/index.ts';

const docs = { description: 'test rule', bad: 'FROM a\n', good: 'FROM a\n' };

const everyFrom = defineRule({
  id: 'every-from',
  meta: { category: 'style', severity: 'warning', docs, aliases: ['EveryFrom', 'DL9999'] },
  messages: { hit: 'FROM {{image}}' },
  defaultOptions: {},
  create(ctx) {
    return { instruction(i) { if (i.keyword === 'FROM') ctx.report({ messageId: 'hit', data: { image: i.image.raw }, range: i.node.range }); } };
  },
});

const throwsOnRun = defineRule({
  id: 'throws-on-run',
  meta: { category: 'style', severity: 'info', docs },
  messages: { never: 'never' },
  defaultOptions: {},
  create() {
    return { instruction(i) { if (i.keyword === 'RUN') throw new TypeError('boom'); } };
  },
});

const undeclaredFix = defineRule({
  id: 'undeclared-fix',
  meta: { category: 'style', severity: 'info', docs },
  messages: { m: 'm' },
  defaultOptions: {},
  create(ctx) {
    return { instruction(i) { ctx.report({ messageId: 'm', range: i.node.range, fix: { edits: [{ start: 0, end: 0, text: '#' }] } }); } };
  },
});

const unknownMessage = defineRule({
  id: 'unknown-message',
  meta: { category: 'style', severity: 'info', docs },
  messages: { m: 'm' },
  defaultOptions: {},
  create(ctx) {
    return { end() { ctx.report({ messageId: 'nope' as 'm', range: ctx.ast.instructions[0]!.range }); } };
  },
});

const rules: readonly AnyRule[] = [everyFrom, throwsOnRun];

describe('lint engine', () => {
  it('turns a rule exception into a rule-crash finding naming the rule and file, and goes on', () => {
    const findings = lint('FROM a\nRUN x\nFROM b\n', { file: 'svc/Dockerfile', rules });
    expect(findings.map((f) => [f.rule, f.line])).toEqual([['every-from', 1], [RULE_CRASH, 2], ['every-from', 3]]);
    const crash = findings.find((f) => f.rule === RULE_CRASH)!;
    expect(crash.message).toContain('"throws-on-run"');
    expect(crash.message).toContain('svc/Dockerfile');
    expect(crash.message).toContain('boom');
    expect(crash.severity).toBe('error');
  });

  it('rethrows rule exceptions in strict mode (RuleTester)', () => {
    expect(() => lint('FROM a\nRUN x\n', { rules, onRuleError: 'throw' })).toThrow('boom');
  });

  it('enforces metadata: a fix without meta.fixable and an unknown messageId crash the rule', () => {
    const findings = lint('FROM a\n', { rules: [undeclaredFix, unknownMessage] });
    expect(findings.map((f) => f.rule)).toEqual([RULE_CRASH, RULE_CRASH]);
    const messages = findings.map((f) => f.message).join('\n');
    expect(messages).toContain('meta.fixable');
    expect(messages).toContain('unknown messageId "nope"');
  });

  it('formats messages with data and sorts by position', () => {
    const findings = lint('FROM b\nFROM a\n', { rules: [everyFrom] });
    expect(findings.map((f) => f.message)).toEqual(['FROM b', 'FROM a']);
  });

  it('applies pragmas: next-instruction, file-wide, aliases, hadolint and BuildKit check=skip', () => {
    const text = [
      '# check=skip=Other',
      '# stevedore-ignore every-from',
      'FROM a',
      '# hadolint ignore=DL9999',
      'FROM b',
      '# check=skip=EveryFrom',
      'FROM c',
      'FROM d',
      '',
    ].join('\n');
    expect(lint(text, { rules: [everyFrom] }).map((f) => f.message)).toEqual(['FROM d']);
    expect(lint('# stevedore-ignore-file every-from\nFROM a\nFROM b\n', { rules: [everyFrom] })).toEqual([]);
    expect(lint('# check=skip=all\nFROM a\n', { rules: [everyFrom] })).toEqual([]);
    expect(lint('# hadolint global ignore=DL9999\nFROM a\n', { rules: [everyFrom] })).toEqual([]);
    expect(lint('# stevedore-ignore\nFROM a\nFROM b\n', { rules: [everyFrom] }).map((f) => f.message)).toEqual(['FROM b']);
    expect(lint('# stevedore-ignore-file\nFROM a\n', { rules: [everyFrom] })).toEqual([]);
    // A pragma naming another rule does not suppress this one, nor does a look-alike word.
    expect(lint('# stevedore-ignored\nFROM a\n', { rules: [everyFrom] })).toHaveLength(1);
    expect(lint('# stevedore-ignore other-rule\nFROM a\n', { rules: [everyFrom] })).toHaveLength(1);
  });

  it('applies config: off, severity override, aliases as keys', () => {
    const off = normalizeConfig({ rules: { EveryFrom: 'off' } }, [everyFrom]);
    expect(lint('FROM a\n', { rules: [everyFrom], config: off })).toEqual([]);
    const info = normalizeConfig({ rules: { 'every-from': { severity: 'info' } } }, [everyFrom]);
    expect(lint('FROM a\n', { rules: [everyFrom], config: info })[0]!.severity).toBe('info');
  });

  it('reports a parse error as a typed StevedoreError with a location', () => {
    let caught: unknown;
    try {
      lint('FROM a\nRUN <<EOF\nunterminated\n', { file: 'bad/Dockerfile' });
    } catch (e) {
      caught = e;
    }
    expect(isStevedoreError(caught)).toBe(true);
  });

  it('lints `ARG BASE` + `FROM ${BASE}` (builds only with --build-arg) with the ARG standing for itself', () => {
    const findings = lint('ARG BASE\nFROM ${BASE}\nUSER 1\nCOPY app /app\n', { rules: RULES });
    expect(findings.map((f) => f.rule)).toContain('invalid-default-arg-in-from');
    expect(findings.map((f) => f.rule)).not.toContain('base-image-unpinned');
    // With the build arg in the config the real value is judged.
    const config = normalizeConfig({ buildArgs: { BASE: 'alpine:latest' } }, RULES);
    expect(lint('ARG BASE\nFROM ${BASE}\nUSER 1\n', { rules: RULES, config }).map((f) => f.messageId)).toContain('latest');
  });

  it('skips needsContext rules without a context and never reports line ≤ 0 over the registry', () => {
    const text = 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
    const findings = lint(text, { rules: RULES });
    expect(findings.some((f) => f.rule === 'dockerignore-missing')).toBe(false);
    expect(findings.some((f) => f.rule === 'go-deps-before-source')).toBe(true);
    for (const f of findings) {
      expect(f.line).toBeGreaterThan(0);
      expect(f.rule).not.toBe(RULE_CRASH);
    }
  });

  it('survives odd inputs with the whole registry: empty, ONBUILD, unknown-ish, Windows paths, heredocs, variables', () => {
    // A file without instructions is an input error (as for BuildKit), not a finding.
    expect(() => lint('# only a comment\n', { rules: RULES })).toThrow();
    const odd = [
      'FROM scratch\nONBUILD RUN go build ./...\n',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\nCOPY . C:\\\\app\\\\\nRUN go build -o C:\\\\app\\\\x.exe .\n',
      'FROM golang:1.23\nRUN <<EOF\ngo mod download\ngo build ./...\nEOF\n',
      'ARG IMG=golang:1.23\nFROM $IMG AS b\nARG X\nENV A=$X\nRUN $X build\nRUN ""\nFROM b\n',
      'FROM golang:1.23\nRUN ["go", "build", "-o", "/x", "."]\nCOPY --from=golang:1.23 /usr/local/go /go\n',
      'FROM golang:1.23\nRUN go\nRUN go mod\nRUN env\nRUN if\nRUN (\nRUN )\nRUN $(\nRUN "\nRUN \'\n',
    ];
    for (const text of odd) {
      for (const f of lint(text, { rules: RULES })) {
        expect(f.rule, f.message).not.toBe(RULE_CRASH);
        expect(f.line).toBeGreaterThan(0);
      }
    }
  });
});

describe('message templates', () => {
  const templated = (template: string, data: Record<string, string | number> | undefined): AnyRule => defineRule({
    id: 'templated',
    meta: { category: 'style', severity: 'info', docs },
    messages: { m: template },
    defaultOptions: {},
    create(ctx) {
      return { end() { ctx.report({ messageId: 'm', range: ctx.ast.instructions[0]!.range, ...(data === undefined ? {} : { data }) }); } };
    },
  });
  it.each([
    ['plain text', undefined, 'plain text'],
    ['{{a}} and {{ b }}', { a: 'x', b: 2 }, 'x and 2'],
    ['{{a}}{{a}}', { a: 'y' }, 'yy'],
    ['keeps {{ unknown }} as written', { a: 'x' }, 'keeps {{ unknown }} as written'],
    ['no data: {{a}} stays', undefined, 'no data: {{a}} stays'],
    ['{{a}}', { a: '{{a}}' }, '{{a}}'],
    ['{ {a} } {{a-b}}', { a: 'x' }, '{ {a} } {{a-b}}'],
  ])('%j with %j → %j', (template, data, message) => {
    const [f] = lint('FROM a\n', { rules: [templated(template, data)] });
    expect(f?.message).toBe(message);
  });
});

describe('instruction visitors', () => {
  it('receive each instruction with its step and stage; FROM gets its stage and no step, global ARGs neither', () => {
    const seen: string[] = [];
    const walker = defineRule({
      id: 'walker',
      meta: { category: 'style', severity: 'info', docs },
      messages: { m: 'm' },
      defaultOptions: {},
      create() {
        return {
          instruction(i, step, stage) {
            seen.push(`${i.keyword}:${stage?.index ?? '-'}:${step === undefined ? '-' : step.instruction === i ? 'own' : 'other'}`);
          },
          stage(s) {
            seen.push(`stage ${s.index}`);
          },
        };
      },
    });
    lint('ARG V=1\nFROM a AS one\nRUN x\nENV A=1\nFROM one\nCOPY . .\nONBUILD RUN y\n', { rules: [walker] });
    expect(seen).toEqual(['ARG:-:-', 'FROM:0:-', 'RUN:0:own', 'ENV:0:own', 'stage 0', 'FROM:1:-', 'COPY:1:own', 'ONBUILD:1:own', 'stage 1']);
  });
});
