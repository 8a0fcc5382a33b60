/**
 * @module lint/rules/pin-apk-versions
 * hadolint DL3018: `apk add` of packages without a version constraint (`pkg=1.2.3-r0`, `~`,
 * `<`, `>`), so the same Dockerfile installs different software over time. `.apk` files and
 * variables are not reported; the names after `--virtual`/`-t` are virtual package names.
 * Info: pinning is a reproducibility choice, and Alpine drops old package versions.
 */
import { programName, runScripts } from '../knowledge/dockerfile-facts.ts';
import { unpinnedPackages } from '../knowledge/package-args.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

const VALUE_FLAGS = new Set(['-t', '--virtual', '--repository', '-X', '--root', '-p', '--arch', '--cache-dir', '--keys-dir', '--repositories-file']);

export default defineRule({
  id: 'pin-apk-versions',
  meta: {
    category: 'correctness',
    severity: 'info',
    aliases: ['DL3018'],
    docs: {
      description: 'Give packages in apk add an explicit version (`pkg=version`) so rebuilds install the same thing.',
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.12.1-r0\n',
    },
  },
  messages: { pin: '`apk add` installs {{pkg}} at whatever version the index offers on the day of the build, so rebuilds can differ; pin it as `{{pkg}}=<version>`' },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        for (const run of runScripts(ctx)) {
          for (const cmd of run.commands) {
            if (programName(cmd.argv[0]) !== 'apk') continue;
            const pinned = (p: string): boolean => /[=~<>]/.test(p) || p.endsWith('.apk');
            for (const pkg of unpinnedPackages(cmd.argv, 'add', VALUE_FLAGS, pinned)) {
              ctx.report({ messageId: 'pin', data: { pkg }, range: rangeAt(ctx.text, cmd.start, cmd.end) });
            }
          }
        }
      },
    };
  },
});
