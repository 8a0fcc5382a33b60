// Output formats over real findings: json contract fields, SARIF 2.1.0 shape with fixes,
// GitHub workflow-command escaping, text with code frames and summary, exit-code policy.
import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { RULES } from '../rules/index.ts';
import { exitCodeFor, formatFindings } from './index.ts';
import type { FileResult } from './types.ts';

const text = 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n';
const results: FileResult[] = [{ file: 'svc/Dockerfile', text, findings: lint(text, { file: 'svc/Dockerfile' }) }];

describe('formats', () => {
  it('json: an array of the contract fields, with fixes as offset edits', () => {
    const out = JSON.parse(formatFindings('json', results, RULES)) as Record<string, unknown>[];
    expect(out.length).toBe(results[0]!.findings.length);
    const deps = out.find((f) => f.rule === 'go-deps-before-source')!;
    expect(Object.keys(deps).sort()).toEqual(['column', 'endColumn', 'endLine', 'file', 'fix', 'line', 'message', 'rule', 'severity']);
    expect(deps).toMatchObject({ file: 'svc/Dockerfile', severity: 'warning', line: 3, column: 1 });
    expect(deps.fix).toEqual({ edits: [{ start: 30, end: 30, text: 'COPY go.mod go.sum* ./\nRUN go mod download\n' }] });
  });

  it('sarif: 2.1.0 with rules, levels, regions and fixes', () => {
    const log = JSON.parse(formatFindings('sarif', results, RULES)) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: unknown[]; fixes?: { artifactChanges: { replacements: unknown[] }[] }[] }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(expect.arrayContaining(RULES.map((r) => r.id)));
    const r = run.results.find((x) => x.ruleId === 'go-cache-mounts')!;
    expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe('go-cache-mounts');
    expect(r.level).toBe('warning');
    expect(r.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'svc/Dockerfile' }, region: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 23 } } }]);
    expect(r.fixes?.[0]?.artifactChanges[0]?.replacements).toEqual([{ deletedRegion: { charOffset: 42, charLength: 0 }, insertedContent: { text: ' --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build' } }]);
    expect(run.results.find((x) => x.ruleId === 'base-image-unpinned')?.level).toBe('note');
  });

  it('github: one escaped workflow command per finding; a hostile message cannot inject a command', () => {
    const hostile: FileResult = {
      file: 'a,b:c.Dockerfile', text: 'FROM a\n',
      findings: [{ ...results[0]!.findings[0]!, file: 'a,b:c.Dockerfile', message: 'x\n::error::injected 100%' }],
    };
    const out = formatFindings('github', [hostile], RULES);
    expect(out.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(out).toContain('file=a%2Cb%3Ac.Dockerfile');
    expect(out).toContain('::x%0A::error::injected 100%25');
  });

  it('text: location, severity, rule, code frame, summary', () => {
    const out = formatFindings('text', results, RULES);
    expect(out).toContain('svc/Dockerfile:4:5: warning [go-cache-mounts]');
    expect(out).toContain('4 | RUN go build -o /app .\n        ^^^^^^^^^^^^^^^^^^');
    expect(out).toMatch(/\d+ problems \(0 errors, \d+ warnings, \d+ info\); \d+ fixable/);
    expect(formatFindings('text', [{ file: 'x', text: 'FROM a\n', findings: [] }], RULES)).toBe('');
  });

  it('exit code: 1 for errors or warnings, 0 for info only or nothing', () => {
    const f = results[0]!.findings;
    expect(exitCodeFor(f)).toBe(1);
    expect(exitCodeFor(f.filter((x) => x.severity === 'info'))).toBe(0);
    expect(exitCodeFor([])).toBe(0);
  });

  it('rejects an unknown format with a typed error', () => {
    expect(() => formatFindings('xml', results, RULES)).toThrow(/unknown format "xml"/);
  });
});
