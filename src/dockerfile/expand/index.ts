/**
 * @module dockerfile/expand
 * Convenience entry points over the lexer: expand one word to a string, or to a word list,
 * with variables from a record or Map.
 */
import { envFrom, processWord, processWords, type EnvGetter, type LexOptions } from './lex.ts';

type Vars = ReadonlyMap<string, string> | Readonly<Record<string, string>> | EnvGetter;

function getter(vars: Vars): EnvGetter {
  if (vars instanceof Map) return envFrom(vars);
  if (typeof (vars as EnvGetter).get === 'function') return vars as EnvGetter;
  return envFrom(vars as Readonly<Record<string, string>>);
}

/** BuildKit ProcessWord: quote removal and variable expansion of one word. Throws DOCKERFILE_EXPANSION_FAILED. */
export function expandWord(word: string, vars: Vars, options: LexOptions = {}): string {
  return processWord(word, getter(vars), options).result;
}

/** BuildKit ProcessWords: expansion, then splitting into words (quotes protect spaces). */
export function expandWords(word: string, vars: Vars, options: LexOptions = {}): string[] {
  return processWords(word, getter(vars), options);
}
