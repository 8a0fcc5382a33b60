/**
 * @module lint/rules/final-stage-copies-context
 * `COPY . <dest>` in the final stage of a multi-stage build: the runtime image receives the
 * whole build context (sources, tests, .git if not ignored), although the build stage already
 * produced the artefact. Copy only what the program needs, from the build stage.
 */
import { defineRule } from '../rule.ts';

const WHOLE_CONTEXT = new Set(['.', './', '/', './.']);

export default defineRule({
  id: 'final-stage-copies-context',
  meta: {
    category: 'correctness',
    severity: 'warning',
    docs: {
      description: 'The final stage of a multi-stage build should not copy the whole build context.',
      bad: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY . /srv\nCOPY --from=build /app /app\n',
      good: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
    },
  },
  messages: { context: 'The final stage copies the whole build context; copy only the artefacts it needs from a build stage' },
  defaultOptions: {},
  create(ctx) {
    return {
      stage(stage) {
        if (ctx.model.stages.length < 2 || stage.index !== ctx.model.target) return;
        for (const step of stage.steps) {
          const ins = step.instruction;
          if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.from !== undefined) continue;
          const whole = ins.sources.find((s) => WHOLE_CONTEXT.has(s.raw));
          if (whole !== undefined) ctx.report({ messageId: 'context', range: whole.range });
        }
      },
    };
  },
});
