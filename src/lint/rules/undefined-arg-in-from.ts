/**
 * @module lint/rules/undefined-arg-in-from
 * BuildKit's UndefinedArgInFrom: a FROM image or --platform uses a variable that is neither a
 * predefined platform ARG (BUILDPLATFORM, TARGETARCH, ...) nor an ARG declared before the first
 * FROM. It expands to an empty string. A close declared name is suggested, as BuildKit does.
 */
import type { Word } from '../../dockerfile/index.ts';
import { NameIndex } from '../knowledge/closest-name.ts';
import { fromScope, scanFromWord, useRange } from '../knowledge/from-args.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'undefined-arg-in-from',
  meta: {
    category: 'correctness',
    severity: 'warning',
    aliases: ['UndefinedArgInFrom'],
    docs: {
      description: 'Variables in FROM can only come from ARGs declared before the first FROM (or the predefined platform ARGs).',
      bad: 'ARG GO_VERSION=1.23\nFROM golang:${GOVERSION}\nRUN go version\n',
      good: 'ARG GO_VERSION=1.23\nFROM golang:${GO_VERSION}\nRUN go version\n',
    },
  },
  messages: {
    undeclared: "'{{name}}' is used in FROM but no ARG before the first FROM declares it, so it expands to an empty string",
    undeclaredSuggest: "'{{name}}' is used in FROM but no ARG before the first FROM declares it (did you mean {{suggest}}?), so it expands to an empty string",
  },
  defaultOptions: {},
  create(ctx) {
    const scope = fromScope(ctx.model, ctx.ast.escapeChar);
    // The suggestion index is built only when an undefined name is found: most files have none.
    let index: NameIndex | undefined;
    const closest = (name: string): string | undefined => {
      if (index === undefined) {
        index = new NameIndex();
        for (const n of scope.names) index.add(n);
      }
      return index.closest(name, budget);
    };
    const budget = { left: 200_000 };
    const check = (word: Word | undefined): void => {
      if (word === undefined || !word.raw.includes('$')) return;
      const scan = scanFromWord(word, scope, ctx.ast.escapeChar);
      const reported = new Set<string>();
      for (const use of scan.uses) {
        if (use.defined || reported.has(use.name)) continue;
        reported.add(use.name);
        const suggest = closest(use.name);
        const range = useRange(ctx.text, word, use);
        if (suggest === undefined) ctx.report({ messageId: 'undeclared', data: { name: use.name }, range });
        else ctx.report({ messageId: 'undeclaredSuggest', data: { name: use.name, suggest }, range });
      }
    };
    return {
      stage(stage) {
        check(stage.from.image);
        check(stage.from.platform);
      },
    };
  },
});
