/**
 * @module lint/rules/arg-invalidates-cache
 * An ARG with a value declared early in a stage: BuildKit adds every ARG in scope to the
 * environment of each later RUN, so changing its value (a version, a build date) invalidates
 * every later RUN of the stage even where it is unused. Suggest moving the ARG down to the
 * instruction that first uses it. A suggestion, not a fix: moving it changes which RUNs see it.
 */
import type { Step } from '../../dockerfile/index.ts';
import { insertLinesBefore, lineSpan } from '../edits.ts';
import { defineRule } from '../rule.ts';

/** Does the instruction's text mention $NAME or ${NAME...}? (Linear scans, no regex on user text.) */
function mentions(text: string, name: string): boolean {
  for (let i = text.indexOf('$'); i !== -1; i = text.indexOf('$', i + 1)) {
    const rest = text.startsWith('{', i + 1) ? i + 2 : i + 1;
    if (text.startsWith(name, rest)) {
      const after = text[rest + name.length];
      if (after === undefined || !/[A-Za-z0-9_]/.test(after)) return true;
    }
  }
  return false;
}

export default defineRule({
  id: 'arg-invalidates-cache',
  meta: {
    category: 'cache',
    severity: 'info',
    hasSuggestions: true,
    docs: {
      description: 'Declare an ARG with a value right before its first use, not at the top of the stage.',
      rationale: 'Every RUN after an ARG gets it in its environment, so a new value invalidates the cache of all those RUNs, even the ones that never read it.',
      bad: 'FROM golang:1.23\nARG VERSION=dev\nRUN go env\nRUN echo building\nRUN echo $VERSION\n',
      good: 'FROM golang:1.23\nRUN go env\nRUN echo building\nARG VERSION=dev\nRUN echo $VERSION\n',
    },
  },
  messages: {
    early: 'ARG {{name}} is declared {{count}} RUN(s) before its first use; a new value invalidates them all',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      stage(stage) {
        const steps = stage.steps;
        steps.forEach((step: Step, index) => {
          const arg = step.instruction;
          if (arg.keyword !== 'ARG' || arg.args.length !== 1) return;
          const decl = arg.args[0]!;
          if (decl.value === undefined) return;
          let runsBefore = 0;
          let use: Step | undefined;
          for (const later of steps.slice(index + 1)) {
            const n = later.instruction.node;
            const text = ctx.text.slice(n.range.start.offset, n.range.end.offset);
            if (mentions(text, decl.name)) {
              use = later;
              break;
            }
            if (later.instruction.keyword === 'RUN') runsBefore++;
          }
          if (use === undefined || runsBefore === 0) return;
          const span = lineSpan(ctx.ast, arg.node);
          const line = ctx.text.slice(span.start, span.end).replace(/\r?\n$/, '').trimStart();
          ctx.report({
            messageId: 'early',
            data: { name: decl.name, count: runsBefore },
            range: arg.node.range,
            suggestions: [{
              message: `move ARG ${decl.name} down to its first use`,
              fix: { edits: [{ start: span.start, end: span.end, text: '' }, insertLinesBefore(ctx.ast, use.instruction.node, [line])] },
            }],
          });
        });
      },
    };
  },
});
