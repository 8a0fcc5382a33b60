/**
 * @module lint/rules/go-cache-mounts
 * `go mod download`, `go build`, `go test` or `go install` in a RUN without cache mounts for
 * the module cache (GOMODCACHE) and the build cache (GOCACHE): every rebuild re-downloads
 * modules and recompiles every package. The paths come from the stage's effective GOPATH, HOME,
 * USER, GOCACHE and XDG_CACHE_HOME (knowledge/go.ts), never hard-coded. A mount that exists but
 * points elsewhere is cache-mount-path-mismatch's finding, not this one's.
 */
import { insertFlags } from '../edits.ts';
import { covers, FILLS_BUILDCACHE, FILLS_MODCACHE, goPaths, goSubcommand } from '../knowledge/go.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

/** Targets that are meant as a Go cache even if the path is wrong (left to cache-mount-path-mismatch). */
const LOOKS_LIKE = { GOMODCACHE: /\/pkg\/mod\/?$/, GOCACHE: /go-build\/?$/ } as const;

export default defineRule({
  id: 'go-cache-mounts',
  meta: {
    category: 'cache',
    severity: 'warning',
    fixable: 'code',
    hasSuggestions: true,
    docs: {
      description: 'Go commands that download or compile should run with cache mounts for GOMODCACHE and GOCACHE.',
      rationale: 'A RUN layer is rebuilt whenever anything before it changes; without cache mounts the go command starts from empty caches and re-downloads and recompiles everything. Cache mounts persist across builds without entering the image. The paths are computed from the stage (GOPATH, HOME, USER, GOCACHE); when HOME depends on a non-root USER the rule only suggests.',
      bad: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n',
      good: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n',
    },
  },
  messages: {
    missing: '`{{command}}` runs without a cache mount for {{missing}}',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        for (const run of ctx.runs) {
          const cacheTargets = run.step.instruction.keyword === 'RUN'
            ? run.step.instruction.mounts.filter((m) => m.type === 'cache' || m.type === 'tmpfs' || m.type === 'bind').map((m) => m.target)
            : [];
          const needed = new Map<'GOMODCACHE' | 'GOCACHE', string>();
          let first: (typeof run.commands)[number] | undefined;
          let certain = true;
          for (const cmd of run.commands) {
            const sub = goSubcommand(cmd);
            if (sub === undefined) continue;
            const paths = goPaths(ctx.model, run.stage, run.step.state, cmd);
            const wants: ['GOMODCACHE' | 'GOCACHE', string][] = [];
            if (FILLS_MODCACHE.has(sub)) wants.push(['GOMODCACHE', paths.gomodcache]);
            if (FILLS_BUILDCACHE.has(sub)) wants.push(['GOCACHE', paths.gocache]);
            for (const [kind, path] of wants) {
              if (needed.has(kind)) continue;
              if (cacheTargets.some((t) => covers(t, path) || LOOKS_LIKE[kind].test(t))) continue;
              needed.set(kind, path);
              first ??= cmd;
              if (!paths.certain) certain = false;
            }
          }
          if (first === undefined || needed.size === 0) continue;
          const missing = [...needed].map(([k, p]) => `${k} (${p})`).join(' and ');
          const flags = [...needed.values()].map((p) => `--mount=type=cache,target=${p}`);
          const fix = { edits: [insertFlags(run.step.instruction.node, flags)] };
          const sub = goSubcommand(first)!;
          ctx.report({
            messageId: 'missing',
            data: { command: `go ${sub === 'other' ? first.argv[1] ?? '' : sub}`, missing },
            range: rangeAt(ctx.text, first.start, first.end),
            ...(certain ? { fix } : { suggestions: [{ message: `add --mount=type=cache for ${missing} (HOME is guessed from USER: check it)`, fix }] }),
          });
        }
      },
    };
  },
});
