/**
 * @module lint/rules/build-error
 * A problem that would fail the real build (an unknown instruction or flag, a failed variable
 * expansion, an invalid mount, an impossible stage reference, a cycle, an unknown --target).
 * The model is built in lenient mode for lint, as `docker build --check` keeps checking after
 * such a problem, and this rule reports each one where it is. A blank base name from an ARG
 * without default is left to invalid-default-arg-in-from, which says why.
 */
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'build-error',
  meta: {
    category: 'correctness',
    severity: 'error',
    docs: {
      description: 'The build would fail here: the instruction, flag, expansion or stage reference is invalid.',
      rationale: 'BuildKit stops at these problems when it converts the Dockerfile, before any step runs; the linter reports them and keeps checking the rest of the file.',
      bad: 'FROM alpine:3.20\nCOPY --frmo=build /out /out\n',
      good: 'FROM alpine:3.20 AS build\nRUN mkdir /out\nFROM alpine:3.20\nCOPY --from=build /out /out\n',
    },
  },
  messages: { problem: '{{message}} ({{code}}): the build fails here' },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        const blankBases = new Set(ctx.model.stages.map((s) => s.from.image.range.start.offset));
        for (const p of ctx.model.problems) {
          if ((p.code === 'DOCKERFILE_BASE_NAME_EMPTY' || p.code === 'DOCKERFILE_INVALID_INSTRUCTION') && p.range !== undefined && blankBases.has(p.range.start.offset)) continue;
          // An unknown --target has no place in the file: it is reported on the first line.
          const range = p.range ?? rangeAt(ctx.text, 0, Math.max(0, ctx.text.indexOf('\n')));
          ctx.report({ messageId: 'problem', data: { message: p.message, code: p.code }, range });
        }
      },
    };
  },
});
