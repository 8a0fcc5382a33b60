/**
 * @module lint/rules/json-args-recommended
 * BuildKit's JSONArgsRecommended (hadolint DL3025): CMD and ENTRYPOINT in shell form run under
 * `/bin/sh -c`, which does not forward signals, so the program never sees SIGTERM. As in
 * BuildKit, a stage (or a parent stage) that set SHELL explicitly is not reported. The exec
 * form changes how the command runs (no variable expansion), so it is only a suggestion, offered
 * when the command is plain words without shell syntax.
 */
import type { DockerfileModel, Stage } from '../../dockerfile/index.ts';
import { defineRule } from '../rule.ts';

/** Characters that need a shell; a command with none of them splits into the same argv. */
const SHELL_SYNTAX = /[$`"'\\|&;<>()*?[\]{}~#!=\n]/;

function shellSetBefore(model: DockerfileModel, stage: Stage, index: number): boolean {
  if (stage.steps.some((s) => s.instruction.keyword === 'SHELL' && s.instruction.index < index)) return true;
  let parent: Stage | undefined = stage.base.kind === 'stage' ? model.stages[stage.base.stage] : undefined;
  for (let hops = 0; parent !== undefined && hops <= model.stages.length; hops++) {
    if (parent.steps.some((s) => s.instruction.keyword === 'SHELL')) return true;
    parent = parent.base.kind === 'stage' ? model.stages[parent.base.stage] : undefined;
  }
  return false;
}

export default defineRule({
  id: 'json-args-recommended',
  meta: {
    category: 'correctness',
    severity: 'warning',
    hasSuggestions: true,
    aliases: ['JSONArgsRecommended', 'DL3025'],
    docs: {
      description: 'CMD and ENTRYPOINT should use the JSON (exec) form so the program receives OS signals.',
      bad: 'FROM alpine:3.20\nCMD /app/server --port 8080\n',
      good: 'FROM alpine:3.20\nCMD ["/app/server", "--port", "8080"]\n',
    },
  },
  messages: {
    json: '{{keyword}} in shell form runs through `/bin/sh -c`, which does not pass SIGTERM on to the program, so `docker stop` waits out its timeout and kills it; use the JSON (exec) form',
    toExec: 'Use the exec form {{exec}}',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(ins, _step, stage) {
        if (ins.keyword !== 'CMD' && ins.keyword !== 'ENTRYPOINT') return;
        if (ins.form !== 'shell' || stage === undefined || typeof ins.command !== 'string') return;
        if (shellSetBefore(ctx.model, stage, ins.index)) return;
        const cmd = ins.command.trim();
        const words = cmd.split(/[ \t]+/).filter((w) => w !== '');
        const rest = ins.node.restRange;
        const plain = words.length > 0 && !SHELL_SYNTAX.test(cmd) && rest.start.line === rest.end.line;
        const exec = `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
        ctx.report({
          messageId: 'json', data: { keyword: ins.node.keywordText }, range: ins.node.range,
          ...(plain ? { suggestions: [{ message: `Use the exec form ${exec}`, fix: { edits: [{ start: rest.start.offset, end: rest.end.offset, text: exec }] } }] } : {}),
        });
      },
    };
  },
});
