// Table tests for go.sum / go.mod reading used by warm and export.
import { describe, expect, it } from 'vitest';
import { parseGoModRequires, parseGoSum } from './gosum.ts';

describe('parseGoSum', () => {
  it('reads zip and go.mod lines and reports bad lines with their number', () => {
    const { lines, issues } = parseGoSum('example.com/a v1.0.0 h1:AAA=\nexample.com/a v1.0.0/go.mod h1:BBB=\n\nbad line\nexample.com/b v2.0.0 h1:x=\n');
    expect(lines.map((l) => [l.module, l.version, l.goModOnly])).toEqual([['example.com/a', 'v1.0.0', false], ['example.com/a', 'v1.0.0', true]]);
    expect(issues.map((i) => i.line)).toEqual([4, 5]);
  });
});

describe('parseGoModRequires', () => {
  it('reads single-line and block requires and replace targets', () => {
    const text = 'module x\n\nrequire example.com/a v1.0.0\nrequire (\n\texample.com/b v1.2.3 // indirect\n\t"example.com/c" v0.1.0\n)\nreplace example.com/a => example.com/fork v1.0.1\nreplace example.com/d => ../d\n';
    const { requires, issues } = parseGoModRequires(text);
    expect(issues).toEqual([]);
    expect(requires.map((r) => `${r.module}@${r.version}`)).toEqual(['example.com/a@v1.0.0', 'example.com/b@v1.2.3', 'example.com/c@v0.1.0', 'example.com/fork@v1.0.1']);
  });
});
