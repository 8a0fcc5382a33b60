/**
 * @module lint/rules/go-cgo-static
 * The final stage is scratch, distroless static or alpine (no glibc) and copies a binary from a
 * builder whose `go build` runs with cgo on — the default when the builder has a C compiler,
 * as the Debian-based golang images do. Such a binary links glibc dynamically (net, os/user)
 * and fails to start. Fix: `CGO_ENABLED=0` on the build. golang:*-alpine builders have no gcc,
 * so the go command turns cgo off by itself (Go ≥ 1.20) and are not reported.
 */
import type { Stage } from '../../dockerfile/index.ts';
import { finalStage, isAlpine, isGolang, isStaticOnlyBase, rootImage } from '../knowledge/image.ts';
import { cgoEnabled, goSubcommand } from '../knowledge/go.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'go-cgo-static',
  meta: {
    category: 'go',
    severity: 'error',
    fixable: 'code',
    docs: {
      description: 'Build with CGO_ENABLED=0 when the final image has no C library (scratch, distroless static, alpine).',
      rationale: 'With cgo on (the default where gcc exists) the binary needs glibc at run time; scratch and distroless/static have none and alpine has musl, so the container fails with "no such file or directory".',
      bad: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      good: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
    },
  },
  messages: {
    cgoOn: '`go build` runs with cgo enabled (the default here) but the final image is {{base}}, which has no glibc',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        const final = finalStage(ctx.model);
        if (final === undefined) return;
        const base = isStaticOnlyBase(final);
        if (base === undefined) return;
        const builders = new Set<Stage>();
        for (const dep of final.dependsOn) {
          if (dep.via === 'copy') builders.add(ctx.model.stages[dep.stage]!);
        }
        for (const run of ctx.runs) {
          if (!builders.has(run.stage)) continue;
          const root = rootImage(ctx.model, run.stage);
          // Only golang images with a C toolchain (the Debian ones) default to cgo on.
          if (root === undefined || !isGolang(root) || isAlpine(root)) continue;
          for (const cmd of run.commands) {
            if (goSubcommand(cmd) !== 'build' && goSubcommand(cmd) !== 'install') continue;
            if (cgoEnabled(run.step.state, cmd).explicit) continue;
            ctx.report({
              messageId: 'cgoOn',
              data: { base },
              range: rangeAt(ctx.text, cmd.start, cmd.end),
              fix: { edits: [{ start: cmd.start, end: cmd.start, text: 'CGO_ENABLED=0 ' }] },
            });
          }
        }
      },
    };
  },
});
