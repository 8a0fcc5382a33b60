/**
 * @module lint/rules/prefer-workdir
 * hadolint DL3003: `cd` in a RUN to change directory for later commands. A WORKDIR states the
 * directory once, for every later instruction, and shows up in the image config. Info only:
 * `cd` inside one RUN is often deliberate (building in a temporary directory).
 */
import { programName, runScripts } from '../knowledge/dockerfile-facts.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'prefer-workdir',
  meta: {
    category: 'style',
    severity: 'info',
    aliases: ['DL3003'],
    docs: {
      description: 'Change the directory for later steps with WORKDIR; a `cd` in RUN ends with that RUN.',
      bad: 'FROM golang:1.23\nRUN cd /src && go build ./...\n',
      good: 'FROM golang:1.23\nWORKDIR /src\nRUN go build ./...\n',
    },
  },
  messages: { cd: '`cd` lasts only for this RUN; set the directory for later steps with WORKDIR' },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        for (const run of runScripts(ctx)) {
          if (run.onbuild) continue;
          for (const cmd of run.commands) {
            if (programName(cmd.argv[0]) === 'cd') ctx.report({ messageId: 'cd', range: rangeAt(ctx.text, cmd.start, cmd.end) });
          }
        }
      },
    };
  },
});
