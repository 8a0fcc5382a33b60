/**
 * @module lint/rules/stage-name-casing
 * BuildKit's StageNameCasing: a stage name (`FROM x AS Name`) should be lower case. BuildKit
 * lower-cases stage names and resolves `COPY --from` and `--mount from=` case-insensitively, so
 * lower-casing them changes nothing; a `FROM Name` reference is looked up as written, misses the
 * stage and fails as an invalid (upper-case) image name, so lower-casing it repairs the build.
 * The fix rewrites the name and every reference together. When a reference cannot be located
 * exactly, only the report is made.
 */
import type { Range } from '../../dockerfile/index.ts';
import { stageNameOf, verbatimRange } from '../knowledge/dockerfile-facts.ts';
import { defineRule, type TextEdit } from '../rule.ts';

export default defineRule({
  id: 'stage-name-casing',
  meta: {
    category: 'style',
    severity: 'warning',
    fixable: 'code',
    aliases: ['StageNameCasing'],
    docs: {
      description: 'Write stage names in lower case: BuildKit lower-cases them anyway, so mixed case only hides what references resolve to.',
      bad: 'FROM golang:1.23 AS Builder\nRUN go version\nFROM alpine:3.20\nCOPY --from=Builder /usr/local/go/VERSION /v\n',
      good: 'FROM golang:1.23 AS builder\nRUN go version\nFROM alpine:3.20\nCOPY --from=builder /usr/local/go/VERSION /v\n',
    },
  },
  messages: { lowercase: "stage name '{{name}}' has upper-case letters; BuildKit lower-cases stage names when it resolves FROM, --from and --target, so this spelling is not the name the build uses" },
  defaultOptions: {},
  create(ctx) {
    const text = ctx.text;
    /** The edit that lower-cases `value` at `range` when the range holds exactly that text. */
    const editAt = (word: { readonly raw: string; readonly range: Range }): TextEdit | undefined => {
      const r = verbatimRange(text, word);
      return r === undefined ? undefined : { start: r.start.offset, end: r.end.offset, text: word.raw.toLowerCase() };
    };

    return {
      stage(stage) {
        const name = stageNameOf(stage);
        const word = stage.from.stageName;
        if (name === undefined || word === undefined || name === name.toLowerCase()) return;
        const lower = name.toLowerCase();
        const edits: TextEdit[] = [];
        let exact = true;
        const add = (e: TextEdit | undefined): void => {
          if (e === undefined) exact = false;
          else edits.push(e);
        };
        add(editAt(word));
        for (const other of ctx.model.stages) {
          if (other.from.image.raw.toLowerCase() === lower && other.from.image.raw !== lower && other.index > stage.index) {
            add(editAt(other.from.image));
          }
          for (const step of other.steps) {
            const ins = step.instruction;
            if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from !== undefined
              && ins.from.raw.toLowerCase() === lower && ins.from.raw !== lower) {
              add(editAt(ins.from));
            }
            if (ins.keyword === 'RUN') {
              for (const m of ins.mounts) {
                if (!('from' in m) || m.from?.toLowerCase() !== lower || m.from === lower) continue;
                const raw = text.slice(m.range.start.offset, m.range.end.offset);
                const at = raw.search(new RegExp(`(?:^|,|=)from=${escapeRegExp(m.from)}(?:,|$)`));
                if (at === -1) {
                  exact = false;
                  continue;
                }
                const valueStart = m.range.start.offset + raw.indexOf('from=', at) + 5;
                edits.push({ start: valueStart, end: valueStart + m.from.length, text: lower });
              }
            }
          }
        }
        ctx.report({
          messageId: 'lowercase', data: { name }, range: word.range,
          ...(exact ? { fix: { edits } } : {}),
        });
      },
    };
  },
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
