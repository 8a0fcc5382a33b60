/**
 * @module lint/rules/invalid-default-arg-in-from
 * BuildKit's InvalidDefaultArgInFrom: with only the defaults of the global ARGs (no
 * --build-arg), the FROM image expands to an empty or invalid reference, so the file cannot be
 * built without passing that argument. Only FROM lines that use variables are checked (a
 * literal invalid name is a parse error, not an ARG default problem), and a default that cannot
 * be evaluated offline is skipped.
 */
import { fromScope, scanFromWord } from '../knowledge/from-args.ts';
import { isValidImageReference } from '../knowledge/image-ref.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'invalid-default-arg-in-from',
  meta: {
    category: 'correctness',
    severity: 'warning',
    aliases: ['InvalidDefaultArgInFrom'],
    docs: {
      description: 'Global ARG defaults used in FROM must expand to a usable image reference, or a build without --build-arg fails.',
      bad: 'ARG GO_VERSION\nFROM golang:${GO_VERSION}\nRUN go version\n',
      good: 'ARG GO_VERSION=1.23\nFROM golang:${GO_VERSION}\nRUN go version\n',
    },
  },
  messages: { invalid: 'with the default ARG values, FROM {{image}} expands to an empty or malformed image reference; the build fails unless every run passes --build-arg' },
  defaultOptions: {},
  create(ctx) {
    const scope = fromScope(ctx.model, ctx.ast.escapeChar);
    return {
      stage(stage) {
        const word = stage.from.image;
        if (!word.raw.includes('$')) return;
        const scan = scanFromWord(word, scope, ctx.ast.escapeChar);
        if (scan.result === undefined || [...scan.matched].some((n) => scope.unknown.has(n))) return;
        if (isValidImageReference(scan.result)) return;
        ctx.report({ messageId: 'invalid', data: { image: word.raw }, range: word.range });
      },
    };
  },
});
