/**
 * @module lint/rules/go-cgo-needs-compiler
 * cgo is switched on (CGO_ENABLED=1, or `-race`, which needs cgo) in an alpine-based builder
 * that never installs gcc and musl-dev (or build-base): the build fails with
 * `cgo: C compiler "gcc" not found`. Suggest installing them before the build.
 */
import { isAlpine, rootImage } from '../knowledge/image.ts';
import { cgoEnabled, goSubcommand } from '../knowledge/go.ts';
import { insertLinesBefore } from '../edits.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'go-cgo-needs-compiler',
  meta: {
    category: 'go',
    severity: 'error',
    hasSuggestions: true,
    docs: {
      description: 'An alpine builder that builds with cgo must install gcc and musl-dev.',
      rationale: 'golang:*-alpine images ship no C toolchain. With CGO_ENABLED=1 (or -race) the go command needs gcc and the musl headers.',
      bad: 'FROM golang:1.23-alpine\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 go build -o /app .\n',
      good: 'FROM golang:1.23-alpine\nRUN apk add --no-cache gcc musl-dev\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=1 go build -o /app .\n',
    },
  },
  messages: {
    noCompiler: '`go {{sub}}` needs cgo here, but this alpine stage never installs gcc and musl-dev',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        const hasTools = new Set<number>();
        for (const run of ctx.runs) {
          const root = rootImage(ctx.model, run.stage);
          if (root === undefined || !isAlpine(root)) continue;
          for (const cmd of run.commands) {
            if (cmd.argv[0] === 'apk' && cmd.argv[1] === 'add' && (cmd.argv.includes('build-base') || (cmd.argv.includes('gcc') && cmd.argv.includes('musl-dev')))) {
              hasTools.add(run.stage.index);
              if (run.stage.base.kind === 'stage') hasTools.add(run.stage.base.stage);
            }
            const sub = goSubcommand(cmd);
            if (sub !== 'build' && sub !== 'test' && sub !== 'install' && sub !== 'run') continue;
            const cgo = cgoEnabled(run.step.state, cmd);
            const needs = (cgo.explicit && cgo.enabled) || (!cgo.explicit && cmd.argv.includes('-race'));
            const inherited = run.stage.base.kind === 'stage' && hasTools.has(run.stage.base.stage);
            if (!needs || hasTools.has(run.stage.index) || inherited) continue;
            ctx.report({
              messageId: 'noCompiler',
              data: { sub },
              range: rangeAt(ctx.text, cmd.start, cmd.end),
              suggestions: [{ message: 'install gcc and musl-dev first', fix: { edits: [insertLinesBefore(ctx.ast, run.step.instruction.node, ['RUN apk add --no-cache gcc musl-dev'])] } }],
            });
          }
        }
      },
    };
  },
});
