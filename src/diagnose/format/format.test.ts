/**
 * @module diagnose/format/format.test
 * Rendering: JSON shape, secrets masked in every format, Markdown escaping of untrusted text,
 * GitHub workflow-command escaping, and terminal output free of escape sequences.
 */
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../buildlog/index.ts';
import { diagnose, renderDiagnosis, type DiagnoseFormat } from '../index.ts';

const LOG = [
  '#6 [build 4/6] RUN go mod download',
  '#6 0.3 go: example.com/x@v1.0.0: reading https://bob:hunter2@goproxy.example.com/example.com/x/@v/v1.0.0.mod: 401 Unauthorized ``` <img src=x onerror=alert(1)>',
  '#6 0.3 <img src=x onerror=alert(1)> ``` \u001b[31m`injected` ::error::pwned',
  '#6 ERROR: process "/bin/sh -c go mod download" did not complete successfully: exit code: 1',
].join('\n');

function render(format: DiagnoseFormat): string {
  const record = parseLog(LOG);
  return renderDiagnosis({ record, diagnoses: diagnose(record), source: null, sourceNote: null }, format);
}

describe('renderDiagnosis', () => {
  it('json has the documented shape, best diagnosis first', () => {
    const j = JSON.parse(render('json'));
    expect(j.format).toBe('plain');
    expect(j.failure).toMatchObject({ step: '[build 4/6] RUN go mod download', exitCode: 1 });
    expect(j.diagnoses[0].category).toBe('go_private_repo_auth');
    expect(j.diagnoses[0].evidence[0]).toEqual({ line: 2, text: expect.stringContaining('401 Unauthorized') });
  });

  it.each(['text', 'json', 'markdown', 'github'] as const)('%s masks the password in the URL', (f) => {
    const out = render(f);
    expect(out).not.toContain('hunter2');
  });

  it('markdown escapes HTML and cannot break out of its fences', () => {
    const md = render('markdown');
    // Outside code fences (where Markdown would render HTML) the tag must not survive.
    const prose = md.split(/^ *`{3,}[^\n]*$[\s\S]*?^ *`{3,}$/m).join('');
    expect(prose).not.toContain('<img');
    expect(md).toContain('<img src=x'); // kept verbatim, but only inside a fence
    const fenceLines = md.split('\n').filter((l) => /^\s*`{3,}/.test(l));
    expect(fenceLines.length % 2).toBe(0);
    expect(md).toMatch(/^ *````+text$/m);
  });

  it('github output escapes newlines so log text cannot start a new command', () => {
    const gh = render('github');
    for (const line of gh.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning) /);
    expect(gh).not.toMatch(/\n::error::pwned/);
  });

  it('text output carries no escape sequences', () => {
    expect(render('text')).not.toContain('\u001b');
  });

  it('says a successful build has no failure', () => {
    const record = parseLog('#1 [1/1] RUN true\n#1 DONE 0.1s\n');
    const out = renderDiagnosis({ record, diagnoses: [], source: null, sourceNote: null }, 'json');
    expect(JSON.parse(out)).toMatchObject({ failure: null, diagnoses: [] });
  });
});
