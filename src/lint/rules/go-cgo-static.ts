/**
 * @module lint/rules/go-cgo-static
 * The final stage is scratch, distroless static or alpine (no glibc) and copies a binary from a
 * builder whose `go build` runs with cgo on — the default when the builder has a C compiler,
 * as the Debian-based golang images do. Such a binary links glibc dynamically (net, os/user)
 * and fails to start. Fix: `CGO_ENABLED=0` on the build. golang:*-alpine builders have no gcc,
 * so the go command turns cgo off by itself (Go ≥ 1.20) and are not reported. A `go install
 * module@version` builds a released tool (a linter, a licence scanner) into GOBIN; it is
 * reported only when the final stage copies a file of that name or a whole bin folder.
 */
import type { Stage } from '../../dockerfile/index.ts';
import type { ShellCommand } from '../rule.ts';
import { finalStage, isAlpine, isGolang, isStaticOnlyBase, rootImage } from '../knowledge/image.ts';
import { cgoEnabled, goSubcommand } from '../knowledge/go.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

/** The binary name `go install pkg@version` writes to GOBIN, or undefined for any other command. */
function installedTool(cmd: ShellCommand): string | undefined {
  const i = cmd.argv.indexOf('install');
  const pkg = cmd.argv.slice(i + 1).find((a) => !a.startsWith('-'));
  const at = pkg?.indexOf('@') ?? -1;
  if (pkg === undefined || at <= 0) return undefined;
  const parts = pkg.slice(0, at).split('/');
  // A major-version suffix (`.../cmd/tool/v2`) is not part of the binary name.
  if (parts.length > 1 && /^v\d+$/.test(parts.at(-1)!)) parts.pop();
  return parts.at(-1);
}

/** Sources the final stage copies out of other stages (COPY --from), as written. */
function copiedFromStages(final: Stage): string[] {
  const out: string[] = [];
  for (const step of final.steps) {
    const ins = step.instruction;
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.from !== undefined) out.push(...ins.sources.map((w) => w.raw));
  }
  return out;
}

function copiesTool(sources: readonly string[], tool: string): boolean {
  return sources.some((src) => {
    const p = src.replace(/\/+$/, '');
    const base = p.slice(p.lastIndexOf('/') + 1);
    return base === tool || base === 'bin' || base.includes('*') || base.includes('$');
  });
}

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
        const copied = copiedFromStages(final);
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
            const sub = goSubcommand(cmd);
            if (sub !== 'build' && sub !== 'install') continue;
            const tool = sub === 'install' ? installedTool(cmd) : undefined;
            if (tool !== undefined && !copiesTool(copied, tool)) continue;
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
