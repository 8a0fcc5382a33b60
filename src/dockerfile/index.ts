/**
 * @module dockerfile
 * Public API of the Dockerfile engine: parse (text → AST with ranges), dump (BuildKit's Dump
 * format), the shell-word lexer (expandWord / expandWords), typing (typeInstructions) and the
 * semantic model (buildModel). Other parts import only from here.
 */
export type * from './types.ts';
export { parse, type ParseOptions } from './parse/parse.ts';
export { dump, dumpNode, goQuote } from './dump.ts';
export { processWord as expandWordDetailed, envFrom, type EnvGetter, type LexOptions, type WordResult } from './expand/lex.ts';
export { expandWord, expandWords } from './expand/index.ts';
export { typeInstructions, typeInstruction, KEYWORDS } from './instructions/type.ts';
export { buildModel } from './model/build.ts';
export { resolveWorkdir } from './model/scope.ts';
