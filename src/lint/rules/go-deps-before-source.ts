/**
 * @module lint/rules/go-deps-before-source
 * The source tree is copied before `go mod download`/`go build` with no earlier copy of
 * go.mod/go.sum: any source change invalidates the module download. The fix copies the module
 * files and downloads modules in their own layer, before the source copy, so that layer stays
 * cached until go.mod or go.sum change. `go.sum*` is a glob so a module without go.sum builds.
 * A stage whose context copies are all .go files (`COPY main.go .`) never receives a go.mod: it
 * builds without modules, so there is nothing to download and nothing is reported.
 */
import type { CopyInstruction, DockerfileAst, InstructionNode, Step } from '../../dockerfile/index.ts';
import { insertLinesBefore, lineSpan } from '../edits.ts';
import { copiesManifest, isContextCopy, isSourceTree } from '../knowledge/copy.ts';
import { FILLS_MODCACHE, goSubcommand, normalizePath } from '../knowledge/go.ts';
import { runOf } from '../knowledge/runs.ts';
import { defineRule, type ShellCommand, type TextEdit } from '../rule.ts';

const MANIFESTS = ['go.mod', 'go.sum', 'go.work', 'go.work.sum'];

/**
 * Local directories of `replace ... => ./dir` lines: `go mod download` needs their go.mod too.
 * undefined when a replacement points outside the context (`../x`, absolute): no safe fix then.
 */
export function localReplaceDirs(gomod: string): string[] | undefined {
  const dirs: string[] = [];
  for (const raw of gomod.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const arrow = line.indexOf('=>');
    if (arrow === -1 || !(line.startsWith('replace ') || /^[\w.\-/]+(\s+v\S+)?\s+=>/.test(line))) continue;
    const target = line.slice(arrow + 2).trim().split(/\s+/)[0] ?? '';
    if (target.startsWith('./')) dirs.push(target.slice(2).replace(/\/+$/, ''));
    else if (target.startsWith('../') || target.startsWith('/')) return undefined;
  }
  return dirs;
}

/** The RUN is only `go mod download` and directly follows the source copy (same state). */
function isLoneDownload(commands: readonly ShellCommand[], steps: readonly Step[], copy: CopyInstruction, run: Step): boolean {
  if (commands.length !== 1 || goSubcommand(commands[0]!) !== 'mod download') return false;
  if (run.instruction.node.heredocs.length > 0) return false;
  const at = steps.findIndex((s) => s.instruction === copy);
  return at !== -1 && steps[at + 1] === run;
}

/** The source text of an instruction's lines without indentation and final line break. */
function instructionText(ast: DockerfileAst, node: InstructionNode): { text: string; span: { start: number; end: number } } {
  const span = lineSpan(ast, node);
  return { text: ast.text.slice(span.start, span.end).replace(/\r?\n$/, '').trimStart(), span };
}

export default defineRule({
  id: 'go-deps-before-source',
  meta: {
    category: 'cache',
    severity: 'warning',
    fixable: 'code',
    hasSuggestions: true,
    docs: {
      description: 'Copy go.mod and go.sum and run `go mod download` before copying the source.',
      rationale: 'Docker caches a layer until one of its inputs changes. When the whole source is copied first, editing one .go file re-runs the module download; copying only go.mod/go.sum first keeps that layer cached.',
      bad: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n',
      good: 'FROM golang:1.23\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n',
    },
  },
  messages: {
    sourceFirst: 'the source is copied before `go {{command}}` without copying go.mod/go.sum first: every source change re-downloads modules',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      stage(stage) {
        const mayBringGoMod = stage.steps.some((st) => isContextCopy(st.instruction) && st.instruction.sources.some((w) => !w.raw.endsWith('.go')));
        if (!mayBringGoMod) return;
        let manifestCopied = false;
        let sourceCopy: CopyInstruction | undefined;
        let sourceWorkdir = '/';
        for (const step of stage.steps) {
          const i = step.instruction;
          if (isContextCopy(i)) {
            if (!sourceCopy && MANIFESTS.slice(0, 1).some((m) => copiesManifest(i, m)) && !i.sources.some((s) => isSourceTree(s.raw, MANIFESTS))) manifestCopied = true;
            if (!manifestCopied && sourceCopy === undefined && i.sources.some((s) => isSourceTree(s.raw, MANIFESTS))) {
              sourceCopy = i;
              sourceWorkdir = step.state.workdir;
            }
            continue;
          }
          if (i.keyword !== 'RUN' || sourceCopy === undefined) continue;
          const run = runOf(ctx.runs, step);
          const cmd = run?.commands.find((c) => { const s = goSubcommand(c); return s !== undefined && FILLS_MODCACHE.has(s); });
          if (cmd === undefined) continue;
          const dest = sourceCopy.dest.raw;
          const relative = dest === '.' || dest === './' || normalizePath(dest) === normalizePath(sourceWorkdir);
          const gomod = ctx.context?.readFile('go.mod');
          const hasGoMod = ctx.context === undefined || gomod !== undefined;
          // With a go.work, or replacements outside the context, the module set is not go.mod alone.
          const replaced = gomod === undefined ? [] : localReplaceDirs(gomod);
          const fixable = hasGoMod && replaced !== undefined && !(ctx.context?.exists('go.work') ?? false);
          const base = relative ? './' : dest.endsWith('/') ? dest : `${dest}/`;
          const lines = [
            `COPY go.mod go.sum* ${base}`,
            ...(replaced ?? []).map((d) => `COPY ${d}/go.mod ${d}/go.sum* ${base}${d}/`),
            relative ? 'RUN go mod download' : `RUN cd ${dest} && go mod download`,
          ];
          // A `RUN go mod download` right after the source copy is moved rather than repeated:
          // left in place it would still re-run on every source change, for nothing.
          const moved = relative && isLoneDownload(run?.commands ?? [], stage.steps, sourceCopy, step);
          let edits: TextEdit[] = [insertLinesBefore(ctx.ast, sourceCopy.node, lines)];
          if (moved) {
            const original = instructionText(ctx.ast, i.node);
            edits = [
              insertLinesBefore(ctx.ast, sourceCopy.node, [...lines.slice(0, -1), original.text]),
              { start: original.span.start, end: original.span.end, text: '' },
            ];
          }
          const fix = { edits };
          ctx.report({
            messageId: 'sourceFirst',
            data: { command: goSubcommand(cmd) ?? 'build' },
            range: sourceCopy.node.range,
            ...(!fixable ? {} : relative ? { fix } : { suggestions: [{ message: `copy go.mod/go.sum to ${dest} and download modules first`, fix }] }),
          });
          return;
        }
      },
    };
  },
});
