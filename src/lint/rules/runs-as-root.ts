/**
 * @module lint/rules/runs-as-root
 * The final stage sets no non-root USER, so the service runs as root (UID 0) unless the base
 * image says otherwise (distroless `:nonroot` tags and Chainguard's static image do). A container
 * escape then starts as root. A base that comes from --build-arg (`FROM $BASE` with no usable
 * default) is not judged: which image it is, and so its USER, is unknowable offline.
 * Suggest `USER 65532:65532` (numeric, so it works on scratch and distroless without /etc/passwd).
 */
import type { Stage } from '../../dockerfile/index.ts';
import { insertLinesBefore } from '../edits.ts';
import { finalStage, isUnknownImage, rootImage, type ImageRef } from '../knowledge/image.ts';
import { defineRule } from '../rule.ts';

/** Bases whose image config already sets a non-root USER. */
function isNonRootBase(ref: ImageRef | undefined): boolean {
  if (ref === undefined) return false;
  if (ref.tag?.includes('nonroot') === true) return true;
  return ref.registry === 'cgr.dev' && ref.repository === 'chainguard/static';
}

function isRootUser(user: string): boolean {
  const name = user.split(':')[0]!.trim();
  return name === 'root' || name === '0';
}

export default defineRule({
  id: 'runs-as-root',
  meta: {
    category: 'security',
    severity: 'warning',
    hasSuggestions: true,
    docs: {
      description: 'The final stage should switch to a non-root USER.',
      rationale: 'Processes in a container run as root by default; with a non-root user a compromised service has fewer privileges inside and outside the container.',
      bad: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      good: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    },
  },
  messages: {
    noUser: 'the final stage never sets a non-root USER, so the container runs as root',
    rootUser: 'the final stage ends with USER {{user}}: the container runs as root',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      end() {
        const final = finalStage(ctx.model);
        if (final === undefined) return;
        // Follow FROM <stage> chains: a USER in a parent stage is inherited.
        let lastUser: { user: string; node: Stage['from']['node'] } | undefined;
        const chain: Stage[] = [];
        for (let s: Stage | undefined = final; s !== undefined && chain.length <= ctx.model.stages.length; s = s.base.kind === 'stage' ? ctx.model.stages[s.base.stage] : undefined) chain.unshift(s);
        for (const s of chain) {
          for (const step of s.steps) {
            if (step.instruction.keyword === 'USER') lastUser = { user: step.instruction.value.raw, node: step.instruction.node };
          }
        }
        const root = rootImage(ctx.model, final);
        if (lastUser === undefined) {
          const first = chain[0]!;
          if (first.base.kind === 'image' && isUnknownImage(first.base.ref)) return;
          if (isNonRootBase(root)) return;
          // The suggestion goes right before the first ENTRYPOINT/CMD, after every build step that may need root.
          const entry = final.steps.find((st) => st.instruction.keyword === 'ENTRYPOINT' || st.instruction.keyword === 'CMD');
          ctx.report({
            messageId: 'noUser',
            range: final.from.node.range,
            ...(entry === undefined ? {} : { suggestions: [{ message: 'run as UID 65532 (nonroot)', fix: { edits: [insertLinesBefore(ctx.ast, entry.instruction.node, ['USER 65532:65532'])] } }] }),
          });
          return;
        }
        if (lastUser.user.includes('$') || !isRootUser(lastUser.user)) return;
        ctx.report({ messageId: 'rootUser', data: { user: lastUser.user }, range: lastUser.node.range });
      },
    };
  },
});
