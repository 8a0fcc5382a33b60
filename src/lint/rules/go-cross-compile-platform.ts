/**
 * @module lint/rules/go-cross-compile-platform
 * In a file that declares TARGETOS/TARGETARCH (i.e. meant for multi-platform builds): a Go
 * builder stage without `FROM --platform=$BUILDPLATFORM` runs the compiler under emulation
 * (QEMU: many times slower), and a `go build` that does not set GOOS/GOARCH from
 * TARGETOS/TARGETARCH builds for the build machine instead of the target. Both remedies are
 * suggestions: together they change what runs where.
 */
import type { Stage } from '../../dockerfile/index.ts';
import { envValue, goSubcommand } from '../knowledge/go.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'go-cross-compile-platform',
  meta: {
    category: 'go',
    severity: 'warning',
    hasSuggestions: true,
    docs: {
      description: 'Cross-compile Go on the build platform: FROM --platform=$BUILDPLATFORM and GOOS/GOARCH from TARGETOS/TARGETARCH.',
      rationale: 'Go cross-compiles natively. Running the builder stage for the target platform uses emulation and is 5–20× slower.',
      bad: 'FROM golang:1.23 AS build\nARG TARGETOS TARGETARCH\nWORKDIR /src\nCOPY . .\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\n',
      good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nARG TARGETOS TARGETARCH\nWORKDIR /src\nCOPY . .\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /app .\n',
    },
  },
  messages: {
    emulated: 'this Go builder stage has no --platform=$BUILDPLATFORM: the compiler runs emulated for each target',
    ignoresTarget: '`go build` does not set GOOS/GOARCH from TARGETOS/TARGETARCH, so it builds for the build platform',
  },
  defaultOptions: {},
  create(ctx) {
    const declares = ctx.model.instructions.some((i) => i.keyword === 'ARG' && i.args.some((a) => a.name === 'TARGETOS' || a.name === 'TARGETARCH'));
    const usesTarget = (v: string | undefined): boolean => v !== undefined && /TARGET(OS|ARCH|PLATFORM)/.test(v);
    return {
      end() {
        if (!declares) return;
        const reported = new Set<Stage>();
        for (const run of ctx.runs) {
          for (const cmd of run.commands) {
            const sub = goSubcommand(cmd);
            if (sub !== 'build' && sub !== 'install') continue;
            const from = run.stage.from;
            const platform = from.platform?.raw;
            if (!reported.has(run.stage) && (platform === undefined || !platform.includes('BUILDPLATFORM'))) {
              reported.add(run.stage);
              const at = from.node.keywordRange.end.offset;
              ctx.report({
                messageId: 'emulated',
                range: from.node.range,
                ...(platform === undefined ? { suggestions: [{ message: 'add --platform=$BUILDPLATFORM', fix: { edits: [{ start: at, end: at, text: ' --platform=$BUILDPLATFORM' }] } }] } : {}),
              });
            }
            const state = run.step.state;
            const goos = cmd.assignments.GOOS ?? envValue(state, 'GOOS');
            const goarch = cmd.assignments.GOARCH ?? envValue(state, 'GOARCH');
            // The model expands ENV, so an ENV GOOS=$TARGETOS shows the value; treat any GOOS set from a TARGET* ARG or non-empty ENV as deliberate.
            if (usesTarget(goos) || usesTarget(goarch) || (goos !== undefined && goarch !== undefined)) continue;
            const argsDeclared = state.args.has('TARGETOS') && state.args.has('TARGETARCH');
            ctx.report({
              messageId: 'ignoresTarget',
              range: rangeAt(ctx.text, cmd.start, cmd.end),
              ...(argsDeclared ? { suggestions: [{ message: 'set GOOS=$TARGETOS GOARCH=$TARGETARCH', fix: { edits: [{ start: cmd.start, end: cmd.start, text: 'GOOS=$TARGETOS GOARCH=$TARGETARCH ' }] } }] } : {}),
            });
          }
        }
      },
    };
  },
});
