/**
 * @module lint/rules/no-apt
 * hadolint DL3027: `apt` in a RUN. apt is the interactive front end; its output and options are
 * not a stable interface ("WARNING: apt does not have a stable CLI interface"). Scripts should
 * use apt-get or apt-cache. Replacing the program is a suggestion for the subcommands apt-get
 * has under the same name.
 */
import { runScripts } from '../knowledge/dockerfile-facts.ts';
import { rangeAt } from '../position.ts';
import { defineRule, type Suggestion } from '../rule.ts';

const APT_GET_SUBCOMMANDS = new Set(['update', 'upgrade', 'install', 'remove', 'purge', 'autoremove', 'dist-upgrade', 'full-upgrade', 'clean', 'autoclean', 'source', 'build-dep']);

export default defineRule({
  id: 'no-apt',
  meta: {
    category: 'correctness',
    severity: 'warning',
    hasSuggestions: true,
    aliases: ['DL3027'],
    docs: {
      description: 'Call apt-get or apt-cache in RUN; the apt command is meant for people at a terminal and its interface may change.',
      bad: 'FROM debian:12\nRUN apt update && apt install -y curl\n',
      good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    },
  },
  messages: { apt: '`apt` is an interactive front end whose output and options may change between releases; scripts should call apt-get or apt-cache' },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        for (const run of runScripts(ctx)) {
          for (const cmd of run.commands) {
            if (cmd.argv[0] !== 'apt') continue;
            const sub = cmd.argv.slice(1).find((a) => !a.startsWith('-'));
            const suggestions: Suggestion[] = [];
            if (sub !== undefined && APT_GET_SUBCOMMANDS.has(sub) && ctx.text.startsWith('apt', cmd.start) && /\s/.test(ctx.text[cmd.start + 3] ?? '')) {
              suggestions.push({ message: 'Use apt-get', fix: { edits: [{ start: cmd.start, end: cmd.start + 3, text: 'apt-get' }] } });
            }
            ctx.report({ messageId: 'apt', range: rangeAt(ctx.text, cmd.start, cmd.end), suggestions });
          }
        }
      },
    };
  },
});
