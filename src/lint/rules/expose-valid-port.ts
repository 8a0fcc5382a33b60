/**
 * @module lint/rules/expose-valid-port
 * hadolint DL3011: an EXPOSE port outside 0–65535 (or a range running backwards); BuildKit
 * rejects it when it builds the stage. Words with variables are checked after expansion when
 * their values are known.
 */
import { exposedSpecs, portRange, splitPortSpec } from '../knowledge/expose-port.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'expose-valid-port',
  meta: {
    category: 'correctness',
    severity: 'error',
    aliases: ['DL3011'],
    docs: {
      description: 'EXPOSE ports must be within 0–65535.',
      bad: 'FROM alpine:3.20\nEXPOSE 80800\n',
      good: 'FROM alpine:3.20\nEXPOSE 8080\n',
    },
  },
  messages: { range: 'port "{{port}}" is outside 0–65535 (or its range runs backwards); ports are 16-bit numbers, so nothing can listen on it' },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(ins, step, stage) {
        if (ins.keyword !== 'EXPOSE') return;
        for (const { spec, word } of exposedSpecs(ctx.model, ins, step, stage, ctx.ast.escapeChar)) {
          const r = portRange(splitPortSpec(spec).containerPort);
          if (r === undefined) continue;
          if (r[0] <= 65535 && r[1] <= 65535 && r[0] <= r[1]) continue;
          ctx.report({ messageId: 'range', data: { port: spec }, range: word.range });
        }
      },
    };
  },
});
