/**
 * @module lint/rules/pin-apt-versions
 * hadolint DL3008: `apt-get install` of packages without a version (`pkg=1.2-3`), so the same
 * Dockerfile installs different software over time. Packages given as a path, a `.deb`, or a
 * variable are not reported. Info: pinning is a reproducibility choice, and a pinned Debian
 * version disappears from the archive when superseded.
 */
import { programName, runScripts } from '../knowledge/dockerfile-facts.ts';
import { unpinnedPackages } from '../knowledge/package-args.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

/** Options of apt-get that take a separate value word. */
const VALUE_FLAGS = new Set(['-t', '--target-release', '--default-release', '-o', '--option', '-c', '--config-file']);

export default defineRule({
  id: 'pin-apt-versions',
  meta: {
    category: 'correctness',
    severity: 'info',
    aliases: ['DL3008'],
    docs: {
      description: 'Give packages in apt-get install an explicit version (`pkg=version`) so rebuilds install the same thing.',
      bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n',
    },
  },
  messages: { pin: '`apt-get install` installs {{pkg}} at whatever version the package lists offer on the day of the build, so rebuilds can differ; pin it as `{{pkg}}=<version>`' },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        for (const run of runScripts(ctx)) {
          for (const cmd of run.commands) {
            if (programName(cmd.argv[0]) !== 'apt-get') continue;
            const pkgs = unpinnedPackages(cmd.argv, 'install', VALUE_FLAGS, (p) => p.includes('=') || p.includes('/') || p.endsWith('.deb'));
            for (const pkg of pkgs) ctx.report({ messageId: 'pin', data: { pkg }, range: rangeAt(ctx.text, cmd.start, cmd.end) });
          }
        }
      },
    };
  },
});
