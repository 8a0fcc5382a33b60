/**
 * @module dockerfile/expand/lex.test
 * Every expansion form BuildKit's lexer supports, quoting and escapes, word splitting, the
 * errors it raises, and linear time on hostile patterns.
 */
import { describe, expect, it } from 'vitest';
import { StevedoreError } from '../../errors.ts';
import { envFrom, processWord, processWords } from './lex.ts';

const ENV = envFrom({ V: 'archive.tar.gz', EMPTY: '', P: '/usr/local/go/bin', SP: 'a  b', GLOB: '*.tar', Q: "it's" });
const word = (w: string, o = {}): string => processWord(w, ENV, o).result;

describe('expansion forms', () => {
  it.each([
    ['$V', 'archive.tar.gz'],
    ['${V}', 'archive.tar.gz'],
    ['x$V.y', 'xarchive.tar.gz.y'],
    ['$UNSET', ''],
    ['${UNSET:-dflt}', 'dflt'],
    ['${EMPTY:-dflt}', 'dflt'],
    ['${EMPTY-dflt}', ''],
    ['${UNSET-dflt}', 'dflt'],
    ['${V:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${V:?must}', 'archive.tar.gz'],
    ['${V#*.}', 'tar.gz'],
    ['${V##*.}', 'gz'],
    ['${V%.*}', 'archive.tar'],
    ['${V%%.*}', 'archive'],
    ['${V#archive}', '.tar.gz'],
    ['${V#?rch}', 'ive.tar.gz'],
    ['${P/go/GO}', '/usr/local/GO/bin'],
    ['${P//\\//:}', ':usr:local:go:bin'],
    ['${P/*local/X}', 'X/go/bin'],
    ['${P//o/0}', '/usr/l0cal/g0/bin'],
    ['${V/nomatch/x}', 'archive.tar.gz'],
    ['${V#[a]rchive}', 'archive.tar.gz'],
    ['${UNSET:-${V%%.*}}', 'archive'],
    ['${V%$GLOB.gz}', 'archive'], // a variable in a pattern is a glob too
    ['"$V"', 'archive.tar.gz'],
    ["'$V'", '$V'],
    ['\\$V', '$V'],
    ['"a\\"b"', 'a"b'],
    ['"a\\b"', 'a\\b'],
    ["'a\\b'", 'a\\b'],
    ['$1$@$#', ''],
    ['$', '$'],
    ['${Q}', "it's"],
  ])('%s → %s', (input, expected) => {
    expect(word(input)).toBe(expected);
  });

  it('supports [...] bracket expressions when asked (BuildKit matches [ literally)', () => {
    expect(word('${V#[a-c]r}', { globBrackets: true })).toBe('chive.tar.gz');
    expect(word('${V%%[!a-z]*}', { globBrackets: true })).toBe('archive');
  });

  it.each([
    ['${UNSET:?is required}', 'UNSET: is required'],
    ['${UNSET?}', 'UNSET: is not allowed to be unset'],
    ['${EMPTY:?}', 'EMPTY: is not allowed to be empty'],
    ['${V:=x}', 'unsupported modifier (:=)'],
    ['${V:#x}', 'unsupported modifier (:#)'],
    ['${}', 'bad substitution'],
    ['${V:-x', "missing '}'"],
    ['${V', 'unsupported modifier'],
    ['${V/a', "missing '/'"],
    ['"open', 'closing double quote'],
    ["'open", 'closing single quote'],
    ['${V#\\x}', 'invalid escape'],
  ])('%s fails: %s', (input, message) => {
    expect(() => word(input)).toThrow(StevedoreError);
    expect(() => word(input)).toThrow(message);
  });

  it('reports matched and unmatched variables', () => {
    const r = processWord('$V ${NOPE:-x} $EMPTY', ENV);
    expect([...r.matched].sort()).toEqual(['EMPTY', 'V']);
    expect(r.unmatched).toEqual(['NOPE']);
  });

  it('uses the escape character from the directive', () => {
    expect(word('`$V', { escapeToken: '`' })).toBe('$V');
    expect(word('\\$V', { escapeToken: '`' })).toBe('\\archive.tar.gz');
  });

  it('leaves unset references as written with skipUnsetEnv', () => {
    expect(word('$NOPE ${NOPE} ${NOPE:-d} $V', { skipUnsetEnv: true })).toBe('$NOPE ${NOPE} ${NOPE:-d} archive.tar.gz');
  });
});

describe('word splitting', () => {
  it.each([
    ['a $SP c', ['a', 'a', 'b', 'c']],
    ['a "$SP" c', ['a', 'a  b', 'c']],
    ["x'$SP'y", ['x$SPy']],
    ['a\\ b c', ['a b', 'c']],
  ])('%s', (input, expected) => {
    expect(processWords(input, ENV)).toEqual(expected);
  });
});

describe('hostile patterns', () => {
  it('matches in linear-ish time where a backtracking regexp would not', () => {
    const v = 'a'.repeat(20000);
    const env = envFrom({ V: v });
    const start = performance.now();
    const out = processWord('${V##*a*a*a*a*a*a*a*b}${V//a*a*a*b/x}', env).result;
    expect(out).toBe(v + v);
    // A hang guard, not a benchmark: exponential backtracking would take minutes.
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
