/**
 * @module lint/rules/expose-proto-casing
 * BuildKit's ExposeProtoCasing: the protocol of an EXPOSE port (`80/TCP`) should be lower case.
 * BuildKit lower-cases it when it records the port, so the fix cannot change the image. Words
 * with variables are checked after expansion (reported without a fix).
 */
import { exposedSpecs, splitPortSpec } from '../knowledge/expose-port.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'expose-proto-casing',
  meta: {
    category: 'style',
    severity: 'warning',
    fixable: 'code',
    aliases: ['ExposeProtoCasing'],
    docs: {
      description: 'Write the EXPOSE protocol (tcp, udp, sctp) in lower case.',
      bad: 'FROM alpine:3.20\nEXPOSE 8080/TCP\n',
      good: 'FROM alpine:3.20\nEXPOSE 8080/tcp\n',
    },
  },
  messages: { casing: "the protocol in EXPOSE '{{port}}' is not lower case; BuildKit lower-cases it when it records the port, so write tcp, udp or sctp in lower case to match what the image says" },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(ins, step, stage) {
        if (ins.keyword !== 'EXPOSE') return;
        for (const { spec: raw, word, literal } of exposedSpecs(ctx.model, ins, step, stage, ctx.ast.escapeChar)) {
          const spec = splitPortSpec(raw);
          if (spec.proto === spec.proto.toLowerCase()) continue;
          const verbatim = literal && ctx.text.slice(word.range.start.offset, word.range.end.offset) === word.raw;
          const at = word.range.start.offset + spec.protoAt;
          ctx.report({
            messageId: 'casing', data: { port: raw }, range: verbatim ? rangeAt(ctx.text, at, at + spec.proto.length) : word.range,
            ...(verbatim ? { fix: { edits: [{ start: at, end: at + spec.proto.length, text: spec.proto.toLowerCase() }] } } : {}),
          });
        }
      },
    };
  },
});
