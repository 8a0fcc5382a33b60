/**
 * @module lint/rules/redundant-target-platform
 * BuildKit's RedundantTargetPlatform (hadolint DL3065): `FROM --platform=$TARGETPLATFORM` is what
 * FROM does anyway. As in BuildKit, only a value that is exactly that one variable is reported.
 * The fix removes the flag — unless a global ARG redefines TARGETPLATFORM with a default, when
 * the flag does change the platform and there is no fix.
 */
import { fromScope, scanFromWord } from '../knowledge/from-args.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'redundant-target-platform',
  meta: {
    category: 'style',
    severity: 'warning',
    fixable: 'code',
    aliases: ['RedundantTargetPlatform', 'DL3065'],
    docs: {
      description: 'Drop `--platform=$TARGETPLATFORM` from FROM: stages target that platform already.',
      bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN true\n',
      good: 'FROM alpine:3.20\nRUN true\n',
    },
  },
  messages: { redundant: '--platform={{value}} in FROM changes nothing: every stage is built for the target platform unless --platform says otherwise; remove it' },
  defaultOptions: {},
  create(ctx) {
    const scope = fromScope(ctx.model, ctx.ast.escapeChar);
    const redefined = ctx.model.globalArgs.some((a) => a.name === 'TARGETPLATFORM' && a.instruction.args.some((x) => x.name === 'TARGETPLATFORM' && x.value !== undefined));
    return {
      stage(stage) {
        const word = stage.from.platform;
        if (word === undefined) return;
        const scan = scanFromWord(word, scope, ctx.ast.escapeChar);
        if (scan.matched.size !== 1 || scan.unmatched.size !== 0 || !scan.matched.has('TARGETPLATFORM')) return;
        if (scan.result !== scope.values.get('TARGETPLATFORM')) return;
        const flag = stage.from.node.flags.find((f) => f.name.toLowerCase() === 'platform');
        let fix;
        if (!redefined && flag !== undefined) {
          let end = flag.range.end.offset;
          while (ctx.text[end] === ' ' || ctx.text[end] === '\t') end++;
          fix = { edits: [{ start: flag.range.start.offset, end, text: '' }] };
        }
        ctx.report({
          messageId: 'redundant', data: { value: word.raw }, range: flag?.range ?? word.range,
          ...(fix === undefined ? {} : { fix }),
        });
      },
    };
  },
});
