/**
 * @module lint/knowledge/word-vars
 * BuildKit's single-word expansion (`shell.Lex.ProcessWordWithMatches`) re-created for lint
 * rules that need to know which variables a word uses, which of them are defined, and what the
 * word becomes: quotes removed, escapes applied, `$x`, `${x}`, `${x:-w}`, `${x-w}`, `${x:+w}`,
 * `${x+w}`, `${x?w}`, `${x#p}`, `${x%p}`, `${x/p/r}`. Every lookup is recorded with its offsets
 * in the word, as BuildKit records matches and non-matches (a `${x:-d}` with x unset is a
 * non-match too). Pattern trimming is not evaluated: the result is then `undefined` (unknown),
 * and so it is on syntax errors. One left-to-right pass with a depth-bounded recursion: linear.
 */

export interface VarUse {
  readonly name: string;
  /** Offsets into the scanned word: the `$` and just past the reference. */
  readonly start: number;
  readonly end: number;
  readonly defined: boolean;
}

export interface WordScan {
  /** The expanded word; undefined when it cannot be known (pattern operators, syntax error). */
  readonly result: string | undefined;
  readonly uses: readonly VarUse[];
  readonly matched: ReadonlySet<string>;
  readonly unmatched: ReadonlySet<string>;
}

export type EnvLookup = (name: string) => string | undefined;

const SPECIAL = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);
const NAME_CHAR = /[\p{L}\p{Nd}_]/u;
const DIGIT = /\p{Nd}/u;
/** Nested `${a:-${b:-...}}` deeper than this is treated as unknown rather than recursed into. */
const MAX_DEPTH = 32;

class Scanner {
  pos = 0;
  unknown = false;
  readonly uses: VarUse[] = [];
  constructor(readonly s: string, readonly escape: string, readonly env: EnvLookup, readonly quotes: boolean) {}

  lookup(name: string, start: number): string | undefined {
    const v = this.env(name);
    this.uses.push({ name, start, end: this.pos, defined: v !== undefined });
    return v;
  }

  /** Reads up to (and consuming) `stop`, or to the end when stop is ''. */
  word(stop: string, depth: number, raw: boolean): string {
    let out = '';
    const s = this.s;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (stop !== '' && c === stop) {
        this.pos++;
        return out;
      }
      if (c === this.escape) {
        if (raw) {
          out += c;
          this.pos++;
          if (this.pos < s.length) out += s[this.pos++]!;
          continue;
        }
        this.pos++;
        if (this.pos < s.length) out += s[this.pos++]!;
        continue;
      }
      if (c === "'" && !raw && this.quotes) {
        const close = s.indexOf("'", this.pos + 1);
        if (close === -1) {
          this.unknown = true;
          this.pos = s.length;
          return out;
        }
        out += s.slice(this.pos + 1, close);
        this.pos = close + 1;
        continue;
      }
      if (c === '"' && !raw && this.quotes) {
        this.pos++;
        out += this.doubleQuoted(depth);
        continue;
      }
      if (c === '$') {
        out += this.dollar(depth);
        continue;
      }
      out += c;
      this.pos++;
    }
    if (stop !== '') this.unknown = true; // missing terminator: BuildKit reports a syntax error
    return out;
  }

  doubleQuoted(depth: number): string {
    let out = '';
    const s = this.s;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '$') {
        out += this.dollar(depth);
        continue;
      }
      if (c === this.escape) {
        const n = s[this.pos + 1];
        if (n === '"' || n === '$' || n === this.escape) {
          out += n;
          this.pos += 2;
          continue;
        }
      }
      out += c;
      this.pos++;
    }
    this.unknown = true;
    return out;
  }

  name(): string {
    const s = this.s;
    let n = '';
    while (this.pos < s.length) {
      const ch = String.fromCodePoint(s.codePointAt(this.pos)!);
      if (n === '' && DIGIT.test(ch)) {
        while (this.pos < s.length && DIGIT.test(s[this.pos]!)) n += s[this.pos++]!;
        return n;
      }
      if (n === '' && SPECIAL.has(ch)) {
        this.pos++;
        return ch;
      }
      if (!NAME_CHAR.test(ch)) break;
      n += ch;
      this.pos += ch.length;
    }
    return n;
  }

  dollar(depth: number): string {
    const start = this.pos;
    this.pos++; // '$'
    const s = this.s;
    if (s[this.pos] !== '{') {
      const name = this.name();
      if (name === '') return '$';
      return this.lookup(name, start) ?? '';
    }
    this.pos++;
    const first = s[this.pos];
    if (first === undefined || first === '{' || first === '}' || first === ':' || depth > MAX_DEPTH) {
      this.unknown = true;
      this.pos = s.length;
      return '';
    }
    const name = this.name();
    const op = s[this.pos];
    this.pos++;
    if (op === '}') return this.lookup(name, start) ?? '';
    let nullIsUnset = false;
    let mod = op;
    if (op === ':') {
      nullIsUnset = true;
      mod = s[this.pos];
      this.pos++;
      if (mod === '#' || mod === '%') {
        this.unknown = true;
        this.pos = s.length;
        return '';
      }
    }
    if (mod === '+' || mod === '-' || mod === '?' || mod === '#' || mod === '%') {
      const w = this.word('}', depth + 1, mod === '#' || mod === '%');
      const v = this.lookup(name, start);
      const unset = v === undefined || (nullIsUnset && v === '');
      switch (mod) {
        case '-':
          return unset ? w : v;
        case '+':
          return unset ? '' : w;
        case '?':
          if (unset) this.unknown = true;
          return v ?? '';
        default:
          // Pattern trimming on a set value is not evaluated here.
          if (v !== undefined && v !== '' && w !== '') this.unknown = true;
          return v ?? '';
      }
    }
    if (op === '/' && !nullIsUnset) {
      if (s[this.pos] === '/') this.pos++;
      const pattern = this.word('/', depth + 1, true);
      this.word('}', depth + 1, true);
      const v = this.lookup(name, start);
      if (v !== undefined && v !== '' && pattern !== '') this.unknown = true;
      return v ?? '';
    }
    this.unknown = true;
    this.pos = s.length;
    return '';
  }
}

/**
 * Expands `word` the way BuildKit expands a Dockerfile word (escape is the file's escape
 * character). `quotes: false` is BuildKit's SkipProcessQuotes, used for heredoc bodies.
 */
export function scanWord(word: string, env: EnvLookup, escape: '\\' | '`' = '\\', quotes = true): WordScan {
  const sc = new Scanner(word, escape, env, quotes);
  const result = sc.word('', 0, false);
  const matched = new Set<string>();
  const unmatched = new Set<string>();
  for (const u of sc.uses) (u.defined ? matched : unmatched).add(u.name);
  return { result: sc.unknown ? undefined : result, uses: sc.uses, matched, unmatched };
}

/** An env lookup over a map, the shape the model's step state has. */
export function lookupIn(...maps: readonly (ReadonlyMap<string, string | undefined> | undefined)[]): EnvLookup {
  return (name) => {
    for (const m of maps) {
      const v = m?.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  };
}
