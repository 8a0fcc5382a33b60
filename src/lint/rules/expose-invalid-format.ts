/**
 * @module lint/rules/expose-invalid-format
 * BuildKit's ExposeInvalidFormat: EXPOSE takes container ports only; an IP address or a
 * `host:container` mapping is ignored by BuildKit (only the container port is recorded) and
 * will become an error. The fix keeps the container port and protocol — exactly what BuildKit
 * records — when the container port is a plain number or range. Words with variables are
 * checked after expansion (reported without a fix).
 */
import { exposedSpecs, portRange, splitPortSpec } from '../knowledge/expose-port.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'expose-invalid-format',
  meta: {
    category: 'correctness',
    severity: 'warning',
    fixable: 'code',
    aliases: ['ExposeInvalidFormat'],
    docs: {
      description: 'EXPOSE takes only a container port and protocol; host addresses and host ports belong to `docker run -p`.',
      bad: 'FROM alpine:3.20\nEXPOSE 8080:80\n',
      good: 'FROM alpine:3.20\nEXPOSE 80\n',
    },
  },
  messages: { format: "EXPOSE '{{port}}' includes an IP address or a host port; BuildKit records only the container port (and will reject this form in a future release), because publishing to the host is decided by `docker run -p`" },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(ins, step, stage) {
        if (ins.keyword !== 'EXPOSE') return;
        for (const { spec: raw, word, literal } of exposedSpecs(ctx.model, ins, step, stage, ctx.ast.escapeChar)) {
          const spec = splitPortSpec(raw);
          if (spec.ip === '' && spec.hostPort === '') continue;
          const verbatim = literal && ctx.text.slice(word.range.start.offset, word.range.end.offset) === word.raw;
          const fixable = verbatim && portRange(spec.containerPort) !== undefined;
          ctx.report({
            messageId: 'format', data: { port: raw }, range: word.range,
            ...(fixable ? { fix: { edits: [{ start: word.range.start.offset, end: word.range.start.offset + spec.containerAt, text: '' }] } } : {}),
          });
        }
      },
    };
  },
});
