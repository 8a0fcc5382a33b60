/**
 * @module dockerfile/parse/heredoc
 * Heredoc markers on an instruction line (`<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<X`, several per
 * line). As in BuildKit, the line is split into shell words (quotes and escapes kept, unset
 * variables left as written) and each word of the shape `[digits]<<[-][spaces]word` is a
 * marker; the delimiter is quoted (body not expanded) when removing quotes changes it.
 */
import { processWords } from '../expand/lex.ts';
import { StevedoreError } from '../../errors.ts';

export interface HeredocMarker {
  readonly name: string;
  readonly expand: boolean;
  readonly chomp: boolean;
  readonly fd: number | undefined;
}

const EMPTY_ENV = { get: (): undefined => undefined };
const countQuotes = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x27 || c === 0x22) n++;
  }
  return n;
};

/** One word → marker, or undefined when the word is not a heredoc marker. Throws DOCKERFILE_EXPANSION_FAILED on bad quoting. */
export function parseHeredocWord(word: string): HeredocMarker | undefined {
  let i = 0;
  while (i < word.length && word.charCodeAt(i) >= 0x30 && word.charCodeAt(i) <= 0x39) i++;
  const digits = word.slice(0, i);
  if (!word.startsWith('<<', i)) return undefined;
  i += 2;
  const chomp = word.charCodeAt(i) === 0x2d;
  if (chomp) i++;
  for (let c = word.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d; c = word.charCodeAt(i)) i++;
  const rest = word.slice(i);
  if (rest.includes('<') || rest === '') return undefined;
  const words = processWords(rest, EMPTY_ENV, { skipUnsetEnv: true });
  if (words.length !== 1) return undefined;
  const raw = processWords(rest, EMPTY_ENV, { skipUnsetEnv: true, rawQuotes: true });
  const name = words[0]!;
  const fd = digits === '' ? undefined : Number.parseInt(digits, 10);
  return { name, expand: countQuotes(name) === countQuotes(raw[0] ?? ''), chomp, fd: fd !== undefined && Number.isSafeInteger(fd) ? fd : undefined };
}

/** All markers on a logical line. A line the lexer cannot split has none (BuildKit ignores that error). */
export function heredocsFromLine(line: string): HeredocMarker[] {
  let words: string[];
  try {
    words = processWords(line, EMPTY_ENV, { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true });
  } catch (e) {
    if (e instanceof StevedoreError) return [];
    throw e;
  }
  const out: HeredocMarker[] = [];
  for (const w of words) {
    if (!w.includes('<<')) continue;
    const m = parseHeredocWord(w);
    if (m !== undefined) out.push(m);
  }
  return out;
}
