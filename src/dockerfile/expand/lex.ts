/**
 * @module dockerfile/expand/lex
 * The shell-word lexer of BuildKit (frontend/dockerfile/shell), rewritten: quote removal,
 * escapes, `$v` / `${v...}` expansion and word splitting after expansion. ProcessWord gives one
 * string, ProcessWords a word list. Behaviour follows BuildKit's, including its quirks (a nested
 * `${v:-...}` shares the outer word buffer, so ProcessWords("a${x:-b}") gives ["b"]), because
 * users' builds see BuildKit's behaviour, not POSIX sh's. Linear: one pass, recursion only for
 * nested `${...}`, whose depth is bounded by the input.
 */
import { StevedoreError } from '../../errors.ts';
import { isGoDigit, isGoLetter, isGoSpace } from './chars.ts';
import { isPlain, splitPlain } from './plain.ts';
import { compileGlob, GlobError, replaceGlob, trimPrefixGlob, trimSuffixGlob } from './glob.ts';

export interface EnvGetter {
  get(name: string): string | undefined;
}

export interface LexOptions {
  /** The escape character: `\` or the one set by `# escape=`. */
  readonly escapeToken?: '\\' | '`';
  /** Keep quote characters in the output (BuildKit RawQuotes). */
  readonly rawQuotes?: boolean;
  /** Keep escape characters in the output (BuildKit RawEscapes). */
  readonly rawEscapes?: boolean;
  /** Treat quotes as ordinary characters (BuildKit SkipProcessQuotes). */
  readonly skipProcessQuotes?: boolean;
  /** Leave references to unset variables as written (BuildKit SkipUnsetEnv). */
  readonly skipUnsetEnv?: boolean;
  /** Accept `[...]` bracket expressions in patterns. BuildKit does not (it matches `[` literally). */
  readonly globBrackets?: boolean;
}

export interface WordResult {
  readonly result: string;
  readonly words: readonly string[];
  /** Variables referenced and set. */
  readonly matched: readonly string[];
  /** Variables referenced but unset. */
  readonly unmatched: readonly string[];
}

const EOF = -1;
const MAX_DEPTH = 500;

class ExpandError extends Error {}

/** The shared word buffer (BuildKit keeps one per lexer, and nested calls reset it). */
interface WordsBuf {
  s: string;
}

class Words {
  words: string[] = [];
  inWord = false;
  constructor(readonly buf: WordsBuf) {}
  addChar(cp: number): void {
    if (isGoSpace(cp)) {
      if (this.inWord && this.buf.s.length !== 0) {
        this.words.push(this.buf.s);
        this.buf.s = '';
        this.inWord = false;
      }
    } else this.addRawChar(cp);
  }
  addRawChar(cp: number): void {
    this.buf.s += String.fromCodePoint(cp);
    this.inWord = true;
  }
  addString(s: string): void {
    for (const c of s) this.addChar(c.codePointAt(0)!);
  }
  addRawString(s: string): void {
    this.buf.s += s;
    this.inWord = true;
  }
  get(): string[] {
    if (this.buf.s.length > 0) {
      this.words.push(this.buf.s);
      this.buf.s = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class ShellWord {
  private pos = 0;
  private depth = 0;
  private readonly esc: number;
  private rawEscapes: boolean;
  private readonly buf: WordsBuf = { s: '' };
  matched: Set<string> | undefined;
  unmatched: Set<string> | undefined;

  constructor(
    private readonly src: string,
    private readonly env: EnvGetter,
    private readonly o: LexOptions,
  ) {
    this.esc = (o.escapeToken ?? '\\').charCodeAt(0);
    this.rawEscapes = o.rawEscapes ?? false;
  }

  private peek(): number {
    return this.pos < this.src.length ? this.src.codePointAt(this.pos)! : EOF;
  }
  private next(): number {
    if (this.pos >= this.src.length) return EOF;
    const cp = this.src.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  run(): { result: string; words: string[] } {
    return this.processStopOn(EOF, this.rawEscapes);
  }

  private processStopOn(stop: number, rawEscapes: boolean): { result: string; words: string[] } {
    // BuildKit (Go) recurses without limit; JavaScript's stack is small, so hostile nesting gets a typed error.
    if (++this.depth > MAX_DEPTH) throw new ExpandError(`\${...} nested more than ${MAX_DEPTH} levels deep`);
    const parts: string[] = [];
    this.buf.s = '';
    const words = new Words(this.buf);
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.peek() !== EOF) {
        const ch = this.peek();
        if (stop !== EOF && ch === stop) {
          this.next();
          return { result: parts.join(''), words: words.get() };
        }
        const quotes = !(this.o.skipProcessQuotes ?? false);
        if (ch === 0x24 || ch === 0x3c || (quotes && (ch === 0x27 || ch === 0x22))) {
          const tmp =
            ch === 0x24 ? this.processDollar() : ch === 0x3c ? this.processPossibleHeredoc() : ch === 0x27 ? this.processSingleQuote() : this.processDoubleQuote();
          parts.push(tmp);
          if (ch === 0x24) words.addString(tmp);
          else words.addRawString(tmp);
          continue;
        }
        let c = this.next();
        if (c === this.esc) {
          if (this.rawEscapes) {
            words.addRawChar(c);
            parts.push(String.fromCodePoint(c));
          }
          c = this.next();
          if (c === EOF) break;
          words.addRawChar(c);
        } else words.addChar(c);
        parts.push(String.fromCodePoint(c));
      }
      if (stop !== EOF) throw new ExpandError(`the word ends before the closing ${String.fromCodePoint(stop)}`);
      return { result: parts.join(''), words: words.get() };
    } finally {
      this.rawEscapes = saved;
      this.depth--;
    }
  }

  private processSingleQuote(): string {
    const raw = this.o.rawQuotes ?? false;
    let out = '';
    const open = this.next();
    if (raw) out += String.fromCodePoint(open);
    for (;;) {
      const c = this.next();
      if (c === EOF) throw new ExpandError('the word ends before the closing single quote');
      if (c === 0x27) return raw ? out + "'" : out;
      out += String.fromCodePoint(c);
    }
  }

  private processDoubleQuote(): string {
    const raw = this.o.rawQuotes ?? false;
    const parts: string[] = [];
    const open = this.next();
    if (raw) parts.push(String.fromCodePoint(open));
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new ExpandError('the word ends before the closing double quote');
      if (p === 0x22) {
        this.next();
        if (raw) parts.push('"');
        return parts.join('');
      }
      if (p === 0x24) {
        parts.push(this.processDollar());
        continue;
      }
      let c = this.next();
      if (c === this.esc) {
        if (this.rawEscapes) parts.push(String.fromCodePoint(c));
        const n = this.peek();
        if (n === EOF) continue; // an escape at the end of the word is dropped
        if (n === 0x22 || n === 0x24 || n === this.esc) c = this.next();
      }
      parts.push(String.fromCodePoint(c));
    }
  }

  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== 0x3c) return '<';
    this.next();
    let out = '<<';
    for (let c = this.peek(); c === 0x09 || c === 0x0d || c === 0x20; c = this.peek()) {
      out += String.fromCodePoint(c);
      this.next();
    }
    return out;
  }

  private getEnv(name: string): string | undefined {
    const v = this.env.get(name);
    if (v === undefined) (this.unmatched ??= new Set()).add(name);
    else (this.matched ??= new Set()).add(name);
    return v;
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const c = this.peek();
      if (name.length === 0 && isGoDigit(c)) {
        while (this.peek() !== EOF && isGoDigit(this.peek())) name += String.fromCodePoint(this.next());
        return name;
      }
      if (name.length === 0 && isSpecialParam(c)) return String.fromCodePoint(this.next());
      if (!isGoLetter(c) && !isGoDigit(c) && c !== 0x5f) break;
      name += String.fromCodePoint(this.next());
    }
    return name;
  }

  private processDollar(): string {
    const skipUnset = this.o.skipUnsetEnv ?? false;
    this.next();
    if (this.peek() !== 0x7b) {
      const name = this.processName();
      if (name === '') return '$';
      const v = this.getEnv(name);
      if (v === undefined && skipUnset) return '$' + name;
      return v ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new ExpandError("syntax error: missing '}'");
    if (first === 0x7b || first === 0x7d || first === 0x3a) throw new ExpandError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    let chs = ch === EOF ? '\ufffd' : String.fromCodePoint(ch);
    if (ch === 0x7d) {
      const v = this.getEnv(name);
      if (v === undefined && skipUnset) return '${' + name + '}';
      return v ?? '';
    }
    if (ch === 0x2f) return this.processReplace(name);
    let nullIsUnset = false;
    if (ch === 0x3a) {
      nullIsUnset = true;
      ch = this.next();
      chs += ch === EOF ? '\ufffd' : String.fromCodePoint(ch);
    } else if (ch !== 0x2b && ch !== 0x2d && ch !== 0x3f && ch !== 0x23 && ch !== 0x25) {
      throw new ExpandError(`unsupported modifier (${chs}) in substitution`);
    }
    const patternOp = ch === 0x23 || ch === 0x25;
    if (nullIsUnset && patternOp) throw new ExpandError(`unsupported modifier (${chs}) in substitution`);
    let word: string;
    try {
      word = this.processStopOn(0x7d, patternOp).result;
    } catch (e) {
      if (e instanceof ExpandError && this.peek() === EOF) throw new ExpandError("syntax error: missing '}'");
      throw e;
    }
    const value = this.getEnv(name);
    if (skipUnset && value === undefined) return '${' + name + chs + word + '}';
    const unset = value === undefined || (nullIsUnset && value === '');
    switch (ch) {
      case 0x2d:
        return unset ? word : value;
      case 0x2b:
        return unset ? '' : word;
      case 0x3f:
        if (value === undefined) throw new ExpandError(`${name}: ${word === '' ? 'is not allowed to be unset' : word}`);
        if (nullIsUnset && value === '') throw new ExpandError(`${name}: ${word === '' ? 'is not allowed to be empty' : word}`);
        return value;
      case 0x23:
      case 0x25: {
        const greedy = word.length > 0 && word.codePointAt(0) === ch;
        const pattern = greedy ? word.slice(1) : word;
        const tokens = this.glob(pattern);
        return ch === 0x25 ? trimSuffixGlob(tokens, value ?? '', greedy) : trimPrefixGlob(tokens, value ?? '', greedy);
      }
      default:
        throw new ExpandError(`unsupported modifier (${chs}) in substitution`);
    }
  }

  private processReplace(name: string): string {
    const all = this.peek() === 0x2f;
    if (all) this.next();
    let pattern: string;
    let replacement: string;
    try {
      pattern = this.processStopOn(0x2f, true).result;
    } catch (e) {
      if (e instanceof ExpandError && this.peek() === EOF) throw new ExpandError("syntax error: missing '/' in ${}");
      throw e;
    }
    try {
      replacement = this.processStopOn(0x7d, true).result;
    } catch (e) {
      if (e instanceof ExpandError && this.peek() === EOF) throw new ExpandError("syntax error: missing '}'");
      throw e;
    }
    const value = this.getEnv(name);
    if ((this.o.skipUnsetEnv ?? false) && value === undefined) return '${' + name + '/' + pattern + '/' + replacement + '}';
    return replaceGlob(this.glob(pattern), value ?? '', replacement, all);
  }

  private glob(pattern: string): ReturnType<typeof compileGlob> {
    try {
      return compileGlob(pattern, this.o.globBrackets ?? false);
    } catch (e) {
      if (e instanceof GlobError) throw new ExpandError(`invalid pattern (${pattern}) in substitution: ${e.message}`);
      throw e;
    }
  }
}

function isSpecialParam(c: number): boolean {
  // @ * # ? - $ ! 0 (POSIX special parameters)
  return c === 0x40 || c === 0x2a || c === 0x23 || c === 0x3f || c === 0x2d || c === 0x24 || c === 0x21 || c === 0x30;
}

const NONE: readonly string[] = Object.freeze([]);

function run(word: string, env: EnvGetter, options: LexOptions): WordResult {
  if (isPlain(word, (options.escapeToken ?? '\\').charCodeAt(0))) {
    return { result: word, words: splitPlain(word), matched: NONE, unmatched: NONE };
  }
  const sw = new ShellWord(word, env, options);
  try {
    const { result, words } = sw.run();
    return { result, words, matched: sw.matched === undefined ? NONE : [...sw.matched], unmatched: sw.unmatched === undefined ? NONE : [...sw.unmatched] };
  } catch (e) {
    if (e instanceof ExpandError) {
      const shown = word.length > 120 ? `${word.slice(0, 120)}…` : word;
      throw new StevedoreError('DOCKERFILE_EXPANSION_FAILED', `failed to process ${JSON.stringify(shown)}: ${e.message}`, { data: { word: shown } });
    }
    throw e;
  }
}

/** BuildKit ProcessWord: expands one word to one string (spaces kept). Throws DOCKERFILE_EXPANSION_FAILED. */
export function processWord(word: string, env: EnvGetter, options: LexOptions = {}): WordResult {
  return run(word, env, options);
}

/** BuildKit ProcessWords: expands, then splits into words (quotes protect spaces). */
export function processWords(word: string, env: EnvGetter, options: LexOptions = {}): string[] {
  return [...run(word, env, options).words];
}

/** An EnvGetter over a Map or record (case-sensitive, as on Unix). */
export function envFrom(vars: ReadonlyMap<string, string> | Readonly<Record<string, string>>): EnvGetter {
  if (vars instanceof Map) {
    const map = vars as ReadonlyMap<string, string>;
    return { get: (k) => map.get(k) };
  }
  const rec = vars as Readonly<Record<string, string>>;
  return { get: (k) => (Object.hasOwn(rec, k) ? rec[k] : undefined) };
}
