/**
 * @module lint/rules/copy-from-unknown-stage
 * `COPY --from=X` or `RUN --mount=from=X` where X is not a stage of this file and does not look
 * like an image reference (hadolint DL3022): BuildKit then pulls `docker.io/library/X:latest`,
 * so a typo in a stage name becomes a surprise image pull (or an "access denied" error). Values
 * with a tag, digest, registry or path (`golang:1.23`, `ghcr.io/x/y`), variables, and stage
 * indexes that exist are fine. A close stage name is suggested.
 */
import type { Range, Stage } from '../../dockerfile/index.ts';
import { NameIndex } from '../knowledge/closest-name.ts';
import { findStage, stageNameOf, verbatimRange } from '../knowledge/dockerfile-facts.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'copy-from-unknown-stage',
  meta: {
    category: 'correctness',
    severity: 'warning',
    hasSuggestions: true,
    aliases: ['DL3022'],
    docs: {
      description: '`--from` should name a stage of this file (or a fully written image reference).',
      bad: 'FROM golang:1.23 AS build\nRUN go version\nFROM alpine:3.20\nCOPY --from=biuld /usr/local/go/VERSION /v\n',
      good: 'FROM golang:1.23 AS build\nRUN go version\nFROM alpine:3.20\nCOPY --from=build /usr/local/go/VERSION /v\n',
    },
  },
  messages: {
    unknown: '"{{name}}" is not a stage of this Dockerfile; BuildKit will pull it as the image docker.io/library/{{name}}:latest',
    unknownSuggest: '"{{name}}" is not a stage of this Dockerfile (did you mean "{{suggest}}"?); BuildKit will pull it as an image',
    badIndex: 'Stage index {{name}} does not exist (the file has {{count}} stages)',
    useStage: 'Use stage "{{suggest}}"',
  },
  defaultOptions: {},
  create(ctx) {
    const names = ctx.model.stages.map(stageNameOf).filter((n): n is string => n !== undefined);
    const index = new NameIndex();
    for (const n of names) index.add(n.toLowerCase());
    const budget = { left: 200_000 };
    const check = (value: string, range: Range, verbatim: boolean, stage: Stage): void => {
      if (value === '' || findStage(ctx.model, value) !== undefined || /[:/@.$]/.test(value)) return;
      if (/^[0-9]+$/.test(value)) {
        if (Number(value) >= ctx.model.stages.length) ctx.report({ messageId: 'badIndex', data: { name: value, count: ctx.model.stages.length }, range });
        return;
      }
      // An upper-case value is not a valid image name either; BuildKit resolves stages case-insensitively.
      const closest = index.closest(value.toLowerCase(), budget);
      // Never suggest the stage itself: that would be a circular reference.
      const suggest = closest === stageNameOf(stage)?.toLowerCase() ? undefined : closest;
      if (suggest === undefined) {
        ctx.report({ messageId: 'unknown', data: { name: value }, range });
        return;
      }
      ctx.report({
        messageId: 'unknownSuggest', data: { name: value, suggest }, range,
        ...(verbatim ? { suggestions: [{ message: `Use stage "${suggest}"`, fix: { edits: [{ start: range.start.offset, end: range.end.offset, text: suggest }] } }] } : {}),
      });
    };
    return {
      instruction(ins, _step, stage) {
        if (stage === undefined) return;
        if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from !== undefined) {
          const exact = verbatimRange(ctx.text, ins.from);
          check(ins.from.raw, exact ?? ins.from.range, exact !== undefined, stage);
        }
        if (ins.keyword === 'RUN') {
          for (const m of ins.mounts) {
            if (!('from' in m) || m.from === undefined) continue;
            const raw = ctx.text.slice(m.range.start.offset, m.range.end.offset);
            const at = raw.indexOf(`from=${m.from}`);
            const verbatim = at !== -1;
            const range = verbatim ? rangeAt(ctx.text, m.range.start.offset + at + 5, m.range.start.offset + at + 5 + m.from.length) : m.range;
            check(m.from, range, verbatim, stage);
          }
        }
      },
    };
  },
});
