/**
 * @module lint/rules/cache-mount-path-mismatch
 * A cache mount meant for a tool's cache (Go module/build cache, pip, npm) whose target is not
 * where that tool writes in this stage: the mount stays empty and the cache never helps. The
 * expected path is computed like go-cache-mounts does; the fix rewrites the target when the
 * path is certain, and only suggests it when it depends on a guessed HOME.
 */
import type { Mount } from '../../dockerfile/index.ts';
import { covers, envValue, goPaths, goSubcommand, FILLS_BUILDCACHE, FILLS_MODCACHE } from '../knowledge/go.ts';
import { defineRule, type FixData, type RunView } from '../rule.ts';

type CacheMount = Extract<Mount, { type: 'cache' }>;

interface Expectation {
  readonly tool: string;
  readonly looksLike: RegExp;
  readonly path: string;
  readonly certain: boolean;
}

function expectations(ctx: { model: Parameters<typeof goPaths>[0] }, run: RunView): Expectation[] {
  const out: Expectation[] = [];
  for (const cmd of run.commands) {
    const sub = goSubcommand(cmd);
    if (sub !== undefined) {
      const p = goPaths(ctx.model, run.stage, run.step.state, cmd);
      // Where the base image decides GOPATH and lint cannot know it, there is nothing to compare.
      if (FILLS_MODCACHE.has(sub) && !p.modcacheUnknown) out.push({ tool: 'GOMODCACHE', looksLike: /\/pkg\/mod\/?$/, path: p.gomodcache, certain: p.certain });
      if (FILLS_BUILDCACHE.has(sub)) out.push({ tool: 'GOCACHE', looksLike: /go-build\/?$/, path: p.gocache, certain: p.certain });
      continue;
    }
    const bin = cmd.argv[0] ?? '';
    if (/^pip[0-9.]*$/.test(bin) && cmd.argv[1] === 'install') {
      const home = goPaths(ctx.model, run.stage, run.step.state, cmd);
      const dir = envValue(run.step.state, 'PIP_CACHE_DIR') ?? `${home.home}/.cache/pip`;
      out.push({ tool: 'pip', looksLike: /\.cache\/pip\/?$/, path: dir, certain: home.certain });
    }
    if (bin === 'npm' && (cmd.argv[1] === 'ci' || cmd.argv[1] === 'install' || cmd.argv[1] === 'i')) {
      const home = goPaths(ctx.model, run.stage, run.step.state, cmd);
      const dir = envValue(run.step.state, 'npm_config_cache') ?? `${home.home}/.npm`;
      out.push({ tool: 'npm', looksLike: /\/\.npm\/?$/, path: dir, certain: home.certain });
    }
  }
  return out;
}

/** Replaces the target value inside the mount flag's source text, when it is written plainly. */
function retarget(text: string, mount: CacheMount, path: string): FixData | undefined {
  const src = text.slice(mount.range.start.offset, mount.range.end.offset);
  const m = /(?:^|,)(?:target|dst|destination)=([^,"'\s]+)/.exec(src);
  if (m?.[1] !== mount.target) return undefined;
  const start = mount.range.start.offset + m.index + m[0].length - m[1].length;
  return { edits: [{ start, end: start + m[1].length, text: path }] };
}

export default defineRule({
  id: 'cache-mount-path-mismatch',
  meta: {
    category: 'cache',
    severity: 'warning',
    fixable: 'code',
    hasSuggestions: true,
    docs: {
      description: 'A cache mount must target the directory the tool actually writes its cache to.',
      rationale: 'GOMODCACHE is $GOPATH/pkg/mod (GOPATH is /go in the golang image, else $HOME/go); GOCACHE is $HOME/.cache/go-build unless GOCACHE or XDG_CACHE_HOME say otherwise. A mount at /root/go/pkg/mod in the golang image, or at /root/.cache/go-build after USER app, is never written to.',
      bad: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/root/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n',
      good: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n',
    },
  },
  messages: {
    mismatch: 'cache mount target {{target}} is not where {{tool}} writes in this stage ({{expected}})',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        for (const run of ctx.runs) {
          if (run.step.instruction.keyword !== 'RUN') continue;
          const mounts = run.step.instruction.mounts.filter((m): m is CacheMount => m.type === 'cache');
          if (mounts.length === 0) continue;
          const wants = expectations(ctx, run);
          for (const mount of mounts) {
            const want = wants.find((w) => w.looksLike.test(mount.target) && !covers(mount.target, w.path));
            if (want === undefined || mounts.some((m) => covers(m.target, want.path))) continue;
            const fix = retarget(ctx.text, mount, want.path);
            ctx.report({
              messageId: 'mismatch',
              data: { target: mount.target, tool: want.tool, expected: want.path },
              range: mount.range,
              ...(fix === undefined ? {} : want.certain ? { fix } : { suggestions: [{ message: `target ${want.path} (HOME is guessed from USER: check it)`, fix }] }),
            });
          }
        }
      },
    };
  },
});
