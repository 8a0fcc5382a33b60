/**
 * @module lint/rules/workdir-relative-path
 * BuildKit's WorkdirRelativePath (and hadolint DL3000, narrowed to BuildKit's semantics): the
 * first WORKDIR of a stage is relative, so the directory depends on the base image's working
 * directory. Later WORKDIRs are fine once one was set in the stage or in a parent stage it is
 * built FROM (BuildKit checks only the first, and a stage inherits "set" from its parent). The path is checked after variable expansion; a path whose variables cannot be known
 * offline (from an external base image) is skipped. Windows drive paths count as absolute.
 */
import type { DockerfileModel, Stage } from '../../dockerfile/index.ts';
import { stepEnv } from '../knowledge/step-env.ts';
import { scanWord } from '../knowledge/word-vars.ts';
import { defineRule } from '../rule.ts';

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
}

/** true when a stage this one is built FROM (transitively) has a WORKDIR. */
function parentSetWorkdir(model: DockerfileModel, stage: Stage): boolean {
  let s: Stage | undefined = stage.base.kind === 'stage' ? model.stages[stage.base.stage] : undefined;
  for (let hops = 0; s !== undefined && hops <= model.stages.length; hops++) {
    if (s.steps.some((st) => st.instruction.keyword === 'WORKDIR')) return true;
    s = s.base.kind === 'stage' ? model.stages[s.base.stage] : undefined;
  }
  return false;
}

export default defineRule({
  id: 'workdir-relative-path',
  meta: {
    category: 'correctness',
    severity: 'warning',
    aliases: ['WorkdirRelativePath', 'DL3000'],
    docs: {
      description: 'A relative WORKDIR with no absolute WORKDIR before it in the stage depends on the base image.',
      bad: 'FROM golang:1.23\nWORKDIR src/app\nRUN go version\n',
      good: 'FROM golang:1.23\nWORKDIR /src/app\nRUN go version\n',
    },
  },
  messages: { relative: 'WORKDIR "{{path}}" is relative and no absolute WORKDIR comes before it in this stage, so where it lands depends on the base image\'s working directory' },
  defaultOptions: {},
  create(ctx) {
    const done = new Set<number>();
    return {
      instruction(ins, step, stage) {
        if (ins.keyword !== 'WORKDIR' || step === undefined || stage === undefined || done.has(stage.index)) return;
        done.add(stage.index);
        if (parentSetWorkdir(ctx.model, stage)) return;
        const env = stepEnv(ctx.model, stage, step);
        const scan = scanWord(ins.value.raw, env.lookup, ctx.ast.escapeChar);
        if (scan.result === undefined) return;
        if (!env.baseKnown && scan.uses.some((u) => !u.defined)) return;
        if (isAbsolute(scan.result)) return;
        ctx.report({ messageId: 'relative', data: { path: scan.result }, range: ins.value.range });
      },
    };
  },
});
