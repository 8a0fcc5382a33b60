/**
 * @module dockerfile/parse/parse.test
 * The line parser: heredocs (the semantics of BuildKit's parser_heredoc_test, cases written
 * here), directives, escape character, continuations, CRLF/BOM, flags and `--`, exec-form
 * detection, source ranges, and typed errors with positions.
 */
import { describe, expect, it } from 'vitest';
import { StevedoreError } from '../../errors.ts';
import { dump } from '../dump.ts';
import { parse } from './parse.ts';

const heredocsOf = (text: string): [string, string, boolean, boolean, number | undefined][][] =>
  parse(text).instructions.map((i) => i.heredocs.map((h) => [h.name, h.content, h.quoted, h.chomp, h.fd]));

function errorOf(text: string): StevedoreError {
  try {
    parse(text, { file: 'Dockerfile' });
  } catch (e) {
    if (e instanceof StevedoreError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('heredocs', () => {
  it.each([
    ['plain marker', 'RUN <<EOT\necho hi\nEOT\n', [['EOT', 'echo hi\n', false, false, undefined]]],
    ['empty body', 'RUN <<E\nE\n', [['E', '', false, false, undefined]]],
    ['fd prefix', 'RUN 3<<IN cat /dev/fd/3\ndata\nIN\n', [['IN', 'data\n', false, false, 3]]],
    ['chomp keeps tabs in content, strips them to find the end', 'RUN <<-X\n\tone\n\tX\n', [['X', '\tone\n', false, true, undefined]]],
    ['single-quoted delimiter is not expanded', "RUN <<'Q'\n$HOME\nQ\n", [['Q', '$HOME\n', true, false, undefined]]],
    ['double-quoted delimiter', 'RUN <<"Q"\nx\nQ\n', [['Q', 'x\n', true, false, undefined]]],
    ['partly quoted delimiter counts as quoted', "RUN <<a'b'\nx\nab\n", [['ab', 'x\n', true, false, undefined]]],
    ['escaped quote in delimiter is not quoting', "RUN <<a\\'b\nx\na'b\n", [["a'b", 'x\n', false, false, undefined]]],
    ['space after <<', 'RUN <<  END > out\nz\nEND\n', [['END', 'z\n', false, false, undefined]]],
    ['two heredocs, bodies in order', 'COPY <<A <<B /d/\n1\nA\n2\nB\n', [['A', '1\n', false, false, undefined], ['B', '2\n', false, false, undefined]]],
    ['body may contain the other delimiter', 'COPY <<A <<B /d/\nB\nA\nA\nB\n', [['A', 'B\n', false, false, undefined], ['B', 'A\n', false, false, undefined]]],
    ['comment lines are body, not comments', 'RUN <<S\n# not a comment\nS\n', [['S', '# not a comment\n', false, false, undefined]]],
    ['CRLF body keeps CRLF, delimiter matched without it', 'RUN <<S\r\na\r\nS\r\n', [['S', 'a\r\n', false, false, undefined]]],
    ['with flags before', 'RUN --mount=type=cache,target=/c <<S\nx\nS\n', [['S', 'x\n', false, false, undefined]]],
    ['after a continuation', 'RUN \\\n <<S\nx\nS\n', [['S', 'x\n', false, false, undefined]]],
    ['under ONBUILD', 'ONBUILD RUN <<S\nx\nS\n', [['S', 'x\n', false, false, undefined]]],
  ])('%s', (_name, text, expected) => {
    expect(heredocsOf('FROM a\n' + text).slice(1)).toEqual([expected]);
  });

  it.each([
    ['exec form', 'RUN ["<<EOF"]\n'],
    ['quoted marker', 'RUN "<<EOF"\n'],
    ['single-quoted marker', "RUN '<<EOF'\n"],
    ['instruction that takes none', 'USER <<X\n'],
    ['triple <', 'RUN <<<EOF\n'],
  ])('no heredoc: %s', (_name, text) => {
    const ast = parse('FROM a\n' + text);
    expect(ast.instructions.length).toBe(2);
    expect(ast.instructions[1]!.heredocs).toEqual([]);
  });

  it('the ONBUILD node and its trigger share the heredoc', () => {
    const ast = parse('FROM a\nONBUILD COPY <<F /f\nhi\nF\n');
    expect(ast.instructions[1]!.inner!.heredocs[0]!.content).toBe('hi\n');
    expect(dump(ast)).toBe('(from "a")\n(onbuild (copy "<<F" "/f"))\n');
  });

  it('ranges: the body and the instruction span through the delimiter line', () => {
    const ast = parse('FROM a\nRUN <<S\none\ntwo\nS\nUSER x\n');
    const run = ast.instructions[1]!;
    expect(run.heredocs[0]!.range.start).toEqual({ line: 3, column: 1, offset: 15 });
    expect(run.heredocs[0]!.range.end).toEqual({ line: 5, column: 2, offset: 24 });
    expect(run.range.end.line).toBe(5);
    expect(ast.instructions[2]!.range.start.line).toBe(6);
  });

  it('an unterminated heredoc is DOCKERFILE_UNTERMINATED_HEREDOC at its marker', () => {
    const e = errorOf('FROM a\nRUN echo && cat <<END\nbody\n');
    expect(e.code).toBe('DOCKERFILE_UNTERMINATED_HEREDOC');
    expect(e.location).toMatchObject({ file: 'Dockerfile', line: 2, column: 17 });
  });
});

describe('directives', () => {
  it('reads syntax, escape and check at the top, case-insensitively', () => {
    const ast = parse('# syntax=docker/dockerfile:1\n# ESCAPE = `\n#check=skip=all\nFROM a\n');
    expect(ast.directives.map((d) => [d.name, d.value, d.range.start.line])).toEqual([
      ['syntax', 'docker/dockerfile:1', 1],
      ['escape', '`', 2],
      ['check', 'skip=all', 3],
    ]);
    expect(ast.escapeChar).toBe('`');
    expect(ast.comments).toEqual([]);
  });

  it('a directive after a comment or an instruction is a comment', () => {
    const ast = parse('# hello\n# escape=`\nFROM a\n');
    expect(ast.directives).toEqual([]);
    expect(ast.escapeChar).toBe('\\');
    expect(ast.comments.map((c) => c.text)).toEqual([' hello', ' escape=`']);
  });

  it('an unknown directive ends the block', () => {
    expect(parse('# foo=bar\n# escape=`\nFROM a\n').directives).toEqual([]);
  });

  it('rejects a second directive with the same key', () => {
    const e = errorOf('# escape=`\n# escape=\\\nFROM a\n');
    expect([e.code, e.location?.line]).toEqual(['DOCKERFILE_DUPLICATE_DIRECTIVE', 2]);
  });

  it('rejects an invalid escape value at the value', () => {
    const e = errorOf('# escape=x\nFROM a\n');
    expect(e.code).toBe('DOCKERFILE_INVALID_ESCAPE');
    expect(e.location).toMatchObject({ line: 1, column: 10, endColumn: 10 });
  });

  it('backtick escape: continuation and literal backslashes', () => {
    const ast = parse('# escape=`\nFROM a\nRUN dir c:\\ `\n  && echo done\nCOPY a\\b c:\\\n');
    expect(dump(ast)).toBe('(from "a")\n(run "dir c:\\\\   && echo done")\n(copy "a\\\\b" "c:\\\\")\n');
  });
});

describe('logical lines', () => {
  it('strips a BOM and handles CRLF', () => {
    const ast = parse('\ufeffFROM a\r\nRUN x \\\r\n  y\r\n');
    expect(ast.bom).toBe(true);
    expect(ast.eol).toBe('\r\n');
    expect(dump(ast)).toBe('(from "a")\n(run "x   y")\n');
    expect(ast.instructions[0]!.keywordRange.start).toEqual({ line: 1, column: 1, offset: 1 });
  });

  it('drops comments and empty lines inside a continuation, warning about empty ones', () => {
    const ast = parse('FROM a\nRUN a \\\n# c\n\n  b\n');
    expect(ast.instructions[1]!.args).toEqual(['a   b']);
    expect(ast.instructions[1]!.comments.map((c) => c.text)).toEqual([' c']);
    expect(ast.warnings.map((w) => w.code)).toEqual(['NoEmptyContinuation']);
    // Our own sentence, saying both halves: skipped now, rejected later.
    expect(ast.warnings[0]!.message).toMatch(/blank line .* skipped today.* reject it in a later release/);
  });

  it('an escaped escape at end of line does not continue', () => {
    expect(parse('FROM a\nENV A=b\\\\\nENV C=d\n').instructions).toHaveLength(3);
  });

  it('collects comments above an instruction; a bare # resets them', () => {
    const ast = parse('# one\n#\n# two\nFROM a\n');
    expect(ast.instructions[0]!.comments.map((c) => c.text)).toEqual([' two']);
  });
});

describe('flags, forms and ranges', () => {
  it('gives flags ranges, names and values; -- ends them', () => {
    const ast = parse('FROM a\nCOPY --from=b --link -- --x /y\n');
    const copy = ast.instructions[1]!;
    expect(copy.flags.map((f) => [f.name, f.value, f.range.start.column, f.range.end.column])).toEqual([
      ['from', 'b', 6, 14],
      ['link', undefined, 15, 21],
    ]);
    expect(copy.args).toEqual(['--x', '/y']);
    expect(copy.rest).toBe('--x /y');
    expect(copy.restRange.start.column).toBe(25);
  });

  it('removes quotes in flags', () => {
    expect(parse('FROM a\nRUN --mount="type=cache,target=/x y" ls\n').instructions[1]!.flags[0]!.text).toBe('--mount=type=cache,target=/x y');
  });

  it('exec form only for a JSON array of strings', () => {
    const ast = parse('FROM a\nCMD ["a", "b"]\nCMD [\'a\']\nCMD ["a"] x\n');
    expect(ast.instructions.slice(1).map((i) => [i.json, i.args])).toEqual([
      [true, ['a', 'b']],
      [false, ["['a']"]],
      [false, ['["a"] x']],
    ]);
  });

  it('falls back to shell form where Go cannot decode the JSON (float64 overflow, depth > 10000)', () => {
    const deep = '['.repeat(10001) + ']'.repeat(10001);
    const ast = parse(`FROM a\nRUN ["a", 1e999]\nRUN ${deep}\n`);
    expect(ast.instructions.slice(1).map((i) => [i.json, i.args.length])).toEqual([[false, 1], [false, 1]]);
    expect(() => parse(`FROM a\nRUN ${'['.repeat(100)}${']'.repeat(100)}\n`)).toThrow(StevedoreError);
  });

  it('rejects a JSON array with a non-string element', () => {
    const e = errorOf('FROM a\nRUN ["a", 1]\n');
    expect(e.code).toBe('DOCKERFILE_INVALID_JSON');
    expect(e.location).toMatchObject({ line: 2, column: 5 });
  });

  it('keeps legacy ENV and multi-name ARG', () => {
    expect(dump(parse('FROM a\nENV K some value\nARG A B=2\n'))).toBe('(from "a")\n(env "K" "some value" "")\n(arg "A" "B=2")\n');
  });

  it('ranges of a multi-line instruction map columns on each line', () => {
    const ast = parse('FROM a\nRUN --network=none \\\n    --mount=type=secret,id=x \\\n    make\n');
    const run = ast.instructions[1]!;
    expect(run.flags[1]!.range.start).toMatchObject({ line: 3, column: 5 });
    expect(run.restRange.start).toMatchObject({ line: 4, column: 5 });
    expect(run.range.end).toMatchObject({ line: 4, column: 9 });
  });

  it('gives every argument a range', () => {
    const ast = parse('FROM golang:1.23 AS build\nENV A=1 B="x y"\nENV LEGACY some value\nCMD ["a", "b\\"c"]\nHEALTHCHECK CMD [ "x" ]\n');
    const cols = (i: number): [number, number][] => ast.instructions[i]!.argRanges.map((r) => [r.start.column, r.end.column]);
    expect(cols(0)).toEqual([[6, 17], [18, 20], [21, 26]]);
    expect(cols(1)).toEqual([[5, 6], [7, 8], [6, 7], [9, 10], [11, 16], [10, 11]]);
    expect(cols(2)).toEqual([[5, 11], [12, 22], [22, 22]]);
    expect(cols(3)).toEqual([[6, 9], [11, 17]]);
    expect(cols(4)).toEqual([[13, 16], [19, 22]]);
  });

  it('keeps unknown instructions (typing rejects them)', () => {
    const ast = parse('FROM a\nFOO bar\n');
    expect(ast.instructions[1]!.keyword).toBe('FOO');
    expect(dump(ast)).toBe('(from "a")\n(foo "")\n');
  });
});

describe('errors', () => {
  it.each([
    ['empty file', '', 'DOCKERFILE_EMPTY', 1],
    ['only comments', '# a\n# b\n', 'DOCKERFILE_EMPTY', 2],
    ['ENV without value', 'FROM a\nENV PATH\n', 'DOCKERFILE_ENV_NO_VALUE', 2],
    ['LABEL word without =', 'FROM a\nLABEL a=b c\n', 'DOCKERFILE_ENV_SYNTAX', 2],
    ['line of 64 KiB', 'FROM a\nRUN ' + 'x'.repeat(65536) + '\n', 'DOCKERFILE_LINE_TOO_LONG', 2],
  ])('%s', (_name, text, code, line) => {
    const e = errorOf(text);
    expect([e.code, e.location?.line, e.location?.file]).toEqual([code, line, 'Dockerfile']);
  });
});
