/**
 * @module lint/rules/package-cache
 * Package-manager caches left in a layer or thrown away on every build: `apk add` without
 * `--no-cache` or a cache mount; `apt-get install` without a cache mount and without removing
 * /var/lib/apt/lists; `pip install` and `npm ci/install` without a cache mount. All remedies are
 * suggestions: they change what ends up in the image. For apt the cache mounts use
 * `sharing=locked` (apt takes a lock; concurrent builds would corrupt a shared cache) and remove
 * Debian's /etc/apt/apt.conf.d/docker-clean, which otherwise deletes the downloaded .debs.
 */
import { insertFlags } from '../edits.ts';
import { covers, envValue, goPaths } from '../knowledge/go.ts';
import { rangeAt } from '../position.ts';
import { defineRule, type ShellCommand, type Suggestion } from '../rule.ts';

export default defineRule({
  id: 'package-cache',
  meta: {
    category: 'cache',
    severity: 'info',
    hasSuggestions: true,
    aliases: ['DL3019'],
    docs: {
      description: 'Package managers should use a cache mount (or, for apk, --no-cache; for apt, remove the lists).',
      rationale: 'Without a cache mount every rebuild downloads all packages again; without cleaning, the package index stays in the layer. With apt cache mounts, use sharing=locked and delete /etc/apt/apt.conf.d/docker-clean, or the cache stays empty.',
      bad: 'FROM alpine:3.20\nRUN apk add curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
  },
  messages: {
    apk: '`apk add` without --no-cache or a cache mount keeps the package index in the layer',
    apt: '`apt-get install` without a cache mount and without removing /var/lib/apt/lists',
    pip: '`pip install` without a cache mount for {{path}} (or --no-cache-dir)',
    npm: '`npm {{sub}}` without a cache mount for {{path}}',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        for (const run of ctx.runs) {
          if (run.step.instruction.keyword !== 'RUN') continue;
          const node = run.step.instruction.node;
          const mounts = run.step.instruction.mounts.filter((m) => m.type === 'cache' || m.type === 'tmpfs').map((m) => m.target);
          const mounted = (path: string): boolean => mounts.some((t) => covers(t, path));
          const at = (c: ShellCommand) => rangeAt(ctx.text, c.start, c.end);
          let home: string | undefined;
          const homeDir = (): string => (home ??= goPaths(ctx.model, run.stage, run.step.state).home);
          for (const c of run.commands) {
            const [bin, sub] = c.argv;
            if (bin === 'apk' && sub === 'add' && !c.argv.includes('--no-cache') && !mounted('/var/cache/apk') && !mounted('/etc/apk/cache')) {
              const addAt = ctx.text.indexOf('add', c.start);
              const suggestions: Suggestion[] = addAt === -1 || addAt >= c.end ? [] : [{ message: 'add --no-cache', fix: { edits: [{ start: addAt + 3, end: addAt + 3, text: ' --no-cache' }] } }];
              ctx.report({ messageId: 'apk', range: at(c), suggestions });
            } else if ((bin === 'apt-get' || bin === 'apt') && sub === 'install' && !mounted('/var/cache/apt') && !mounted('/var/lib/apt')) {
              const cleans = run.commands.some((o) => o.argv[0] === 'rm' && o.argv.some((a) => a.startsWith('/var/lib/apt/lists')));
              if (cleans) continue;
              const first = run.commands[0]!;
              ctx.report({
                messageId: 'apt',
                range: at(c),
                suggestions: [
                  {
                    message: 'use cache mounts for /var/cache/apt and /var/lib/apt (sharing=locked) and remove docker-clean',
                    fix: {
                      edits: [
                        insertFlags(node, ['--mount=type=cache,target=/var/cache/apt,sharing=locked', '--mount=type=cache,target=/var/lib/apt,sharing=locked']),
                        { start: first.start, end: first.start, text: 'rm -f /etc/apt/apt.conf.d/docker-clean && ' },
                      ],
                    },
                  },
                  { message: 'remove the package lists after installing', fix: { edits: [{ start: c.end, end: c.end, text: ' && rm -rf /var/lib/apt/lists/*' }] } },
                ],
              });
            } else if (bin !== undefined && /^pip[0-9.]*$/.test(bin) && sub === 'install') {
              const dir = envValue(run.step.state, 'PIP_CACHE_DIR') ?? `${homeDir()}/.cache/pip`;
              if (c.argv.includes('--no-cache-dir') || envValue(run.step.state, 'PIP_NO_CACHE_DIR') !== undefined || mounted(dir)) continue;
              ctx.report({ messageId: 'pip', data: { path: dir }, range: at(c), suggestions: [{ message: `add a cache mount for ${dir}`, fix: { edits: [insertFlags(node, [`--mount=type=cache,target=${dir}`])] } }] });
            } else if (bin === 'npm' && (sub === 'ci' || sub === 'install' || sub === 'i')) {
              const dir = envValue(run.step.state, 'npm_config_cache') ?? `${homeDir()}/.npm`;
              if (mounted(dir)) continue;
              ctx.report({ messageId: 'npm', data: { sub, path: dir }, range: at(c), suggestions: [{ message: `add a cache mount for ${dir}`, fix: { edits: [insertFlags(node, [`--mount=type=cache,target=${dir}`])] } }] });
            }
          }
        }
      },
    };
  },
});
