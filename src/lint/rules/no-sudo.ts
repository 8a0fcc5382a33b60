/**
 * @module lint/rules/no-sudo
 * hadolint DL3004: `sudo` in a RUN (also inside ONBUILD). Builds run as the stage's USER; sudo
 * needs a TTY or sudoers setup and behaves unpredictably. Switch with USER, or use gosu/su-exec
 * at runtime.
 */
import { programName, runScripts } from '../knowledge/dockerfile-facts.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'no-sudo',
  meta: {
    category: 'correctness',
    severity: 'warning',
    aliases: ['DL3004'],
    docs: {
      description: 'Change users in a build with USER, not with sudo inside RUN.',
      bad: 'FROM debian:12\nRUN sudo apt-get update\n',
      good: 'FROM debian:12\nUSER root\nRUN apt-get update\n',
    },
  },
  messages: { sudo: '`sudo` in a build step depends on the image\'s sudoers setup and TTY handling; switch users with USER (or gosu/su-exec at run time) instead' },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        for (const run of runScripts(ctx)) {
          for (const cmd of run.commands) {
            if (programName(cmd.argv[0]) === 'sudo') ctx.report({ messageId: 'sudo', range: rangeAt(ctx.text, cmd.start, cmd.end) });
          }
        }
      },
    };
  },
});
