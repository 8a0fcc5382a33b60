/**
 * @module lint/knowledge/dockerfile-facts
 * Small facts about a Dockerfile that several correctness rules share: BuildKit's predefined
 * platform ARGs, stage names as BuildKit compares them (lower-cased), where a stage's chain of
 * bases ends, and the RUN scripts of a file including those inside ONBUILD triggers.
 */
import type { DockerfileModel, Instruction, InstructionNode, Range, Stage } from '../../dockerfile/index.ts';
import { rangeAt } from '../position.ts';
import type { RuleContext, ShellCommand } from '../rule.ts';
import { splitShell } from '../shell.ts';

/** BuildKit's `defaultArgs`: in scope for FROM without declaration (values for a linux/amd64 build). */
export const PREDEFINED_FROM_ARGS: ReadonlyMap<string, string> = new Map([
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDOSVERSION', ''],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETOSVERSION', ''],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['TARGETSTAGE', 'default'],
]);

/** The stage name as written, or undefined for an unnamed stage. */
export function stageNameOf(stage: Stage): string | undefined {
  const raw = stage.from.stageName?.raw;
  return raw === undefined || raw === '' ? undefined : raw;
}

/** Index of the stage a `--from`/`from=` value names (case-insensitive, or a numeric index). */
export function findStage(model: DockerfileModel, ref: string): Stage | undefined {
  if (/^[0-9]+$/.test(ref)) return model.stages[Number(ref)];
  const lower = ref.toLowerCase();
  return model.stages.find((s) => stageNameOf(s)?.toLowerCase() === lower);
}

/** How a stage's chain of `FROM <stage>` bases ends. */
export function rootBaseKind(model: DockerfileModel, stage: Stage): 'image' | 'scratch' {
  let s: Stage | undefined = stage;
  for (let hops = 0; s !== undefined && hops <= model.stages.length; hops++) {
    if (s.base.kind === 'scratch') return 'scratch';
    if (s.base.kind === 'image') return 'image';
    s = model.stages[s.base.stage];
  }
  return 'image';
}

/** ARG names declared before the first FROM. */
export function globalArgNames(model: DockerfileModel): Set<string> {
  return new Set(model.globalArgs.map((a) => a.name));
}

export interface RunScript {
  readonly node: InstructionNode;
  readonly stage: Stage | undefined;
  readonly form: 'shell' | 'exec';
  readonly commands: readonly ShellCommand[];
  readonly onbuild: boolean;
}

/** Every RUN of the file with its simple commands, including `ONBUILD RUN` triggers (hadolint checks those too). */
export function runScripts(ctx: RuleContext<unknown, string>): RunScript[] {
  const out: RunScript[] = ctx.runs.map((r) => ({
    node: r.step.instruction.node, stage: r.stage, form: r.step.instruction.keyword === 'RUN' ? r.step.instruction.form : 'shell',
    commands: r.commands, onbuild: false,
  }));
  for (const ins of ctx.model.instructions) {
    const trigger = onbuildTrigger(ins);
    if (trigger?.keyword !== 'RUN') continue;
    const node = trigger.node;
    const commands = trigger.form === 'exec' && Array.isArray(trigger.command)
      ? [{ argv: [...(trigger.command as readonly string[])], assignments: {}, start: node.restRange.start.offset, end: node.restRange.end.offset }]
      : splitShell(ctx.text, node.restRange.start.offset, node.restRange.end.offset, { continuation: ctx.ast.escapeChar });
    out.push({ node, stage: undefined, form: trigger.form, commands, onbuild: true });
  }
  return out;
}

function onbuildTrigger(ins: Instruction): Instruction | undefined {
  return ins.keyword === 'ONBUILD' ? ins.trigger : undefined;
}

/** The program name of a command: `/usr/bin/apt-get` → `apt-get`. */
export function programName(argv0: string | undefined): string {
  if (argv0 === undefined) return '';
  const slash = argv0.lastIndexOf('/');
  return slash === -1 ? argv0 : argv0.slice(slash + 1);
}

/** The text of a range of the original file. */
export function sliceOf(text: string, range: { readonly start: { readonly offset: number }; readonly end: { readonly offset: number } }): string {
  return text.slice(range.start.offset, range.end.offset);
}

/**
 * The range of exactly `word.raw` in the file: the word's own range, or its tail when the range
 * covers more (a flag's range such as `--from=build` for the value `build`); undefined when the
 * raw text is not verbatim in the file (quoted, continued).
 */
export function verbatimRange(text: string, word: { readonly raw: string; readonly range: Range }): Range | undefined {
  const s = text.slice(word.range.start.offset, word.range.end.offset);
  if (s === word.raw) return word.range;
  if (word.raw !== '' && s.endsWith(word.raw) && !s.includes('\n')) {
    const start = word.range.end.offset - word.raw.length;
    return rangeAt(text, start, word.range.end.offset);
  }
  return undefined;
}
