/**
 * @module lint/rules/go-toolchain-in-final-image
 * The final stage is a golang image: the whole toolchain (hundreds of MB), the module cache and
 * the source ship with the service. Build in a golang stage and copy the binary into a small
 * runtime image instead. No fix: the runtime base is a project decision. A final stage that
 * declares no ENTRYPOINT or CMD (in itself or the stages it builds on) runs no service: it is a
 * builder, CI or dev-container image whose point is the toolchain, and is not reported.
 */
import type { Stage } from '../../dockerfile/index.ts';
import { finalStage, isGolang, rootImage } from '../knowledge/image.ts';
import { defineRule } from '../rule.ts';

/** True when the stage or a stage it builds on (FROM <stage>) sets ENTRYPOINT or CMD. */
function runsSomething(stages: readonly Stage[], stage: Stage): boolean {
  let s: Stage | undefined = stage;
  for (let hops = 0; s !== undefined && hops <= stages.length; hops++) {
    if (s.steps.some((st) => st.instruction.keyword === 'ENTRYPOINT' || st.instruction.keyword === 'CMD')) return true;
    s = s.base.kind === 'stage' ? stages[s.base.stage] : undefined;
  }
  return false;
}

export default defineRule({
  id: 'go-toolchain-in-final-image',
  meta: {
    category: 'go',
    severity: 'warning',
    docs: {
      description: 'Do not ship the Go toolchain: the final stage should not be a golang image.',
      rationale: 'golang images are 800 MB+ and carry compilers and sources; a multi-stage build copies only the binary into scratch, distroless or alpine.',
      bad: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      good: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /app /app\nCMD ["/app"]\n',
    },
  },
  messages: {
    golangFinal: 'the final stage is based on {{image}}: the Go toolchain ships in the image',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        const final = finalStage(ctx.model);
        if (final === undefined) return;
        const root = rootImage(ctx.model, final);
        if (root === undefined || !isGolang(root) || !runsSomething(ctx.model.stages, final)) return;
        ctx.report({ messageId: 'golangFinal', data: { image: `${root.repository}${root.tag === undefined ? '' : `:${root.tag}`}` }, range: final.from.node.range });
      },
    };
  },
});
