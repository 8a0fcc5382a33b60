/**
 * @module lint/rules/invalid-definition-description
 * BuildKit's experimental InvalidDefinitionDescription: a comment directly above a named stage
 * or an ARG is read as its description and should start with the name (`# build compiles the
 * binary`). Comment gathering follows BuildKit's parser: consecutive comment lines before the
 * instruction, blank lines do not break them, an empty `#` line resets them, parser directives
 * are not comments; the last one is checked. Experimental in BuildKit, which runs it only when
 * the file opts in with `# check=experimental=InvalidDefinitionDescription` (or `=all`); this
 * rule does the same by default (option `requireOptIn`, default true — set it to false to run
 * it everywhere), since the engine has no default-off flag. Severity info.
 */
import type { InstructionNode } from '../../dockerfile/index.ts';
import { defineRule } from '../rule.ts';

interface Options {
  /** Report only in files that opt in with BuildKit's `# check=experimental=...` directive. */
  readonly requireOptIn?: boolean;
}

const DEFAULT_OPTIONS: Options = { requireOptIn: true };
const NAME = 'InvalidDefinitionDescription';

/** true when a `# check=` directive lists this check (or all) under experimental=. */
function optedIn(directives: readonly { readonly name: string; readonly value: string }[]): boolean {
  for (const d of directives) {
    if (d.name !== 'check') continue;
    for (const part of d.value.split(';')) {
      const eq = part.indexOf('=');
      if (eq === -1 || part.slice(0, eq).trim() !== 'experimental') continue;
      if (part.slice(eq + 1).split(',').some((n) => n.trim() === 'all' || n.trim() === NAME)) return true;
    }
  }
  return false;
}

export default defineRule({
  id: 'invalid-definition-description',
  meta: {
    category: 'style',
    severity: 'info',
    aliases: ['InvalidDefinitionDescription'],
    docs: {
      description: 'A comment right above a stage or ARG should start with its name: `# <name> <description>` (experimental in BuildKit).',
      bad: '# check=experimental=InvalidDefinitionDescription\n# Compile the server\nFROM golang:1.23 AS build\nRUN go version\n',
      good: '# check=experimental=InvalidDefinitionDescription\n# build compiles the server\nFROM golang:1.23 AS build\nRUN go version\n',
    },
  },
  messages: { format: 'the comment right above this {{keyword}} is not taken as its description because it does not start with the name; write it as `# {{name}} <description>` or separate it with a lone `#` line' },
  defaultOptions: DEFAULT_OPTIONS,
  create(ctx) {
    if (ctx.options.requireOptIn !== false && !optedIn(ctx.ast.directives)) return {};
    const text = ctx.text;
    const nodes = ctx.ast.instructions;
    const directiveStarts = new Set(ctx.ast.directives.map((d) => d.range.start.offset - (d.range.start.column - 1)));
    /** BuildKit's PrevComment for the node at index i. */
    const commentsBefore = (i: number): string[] => {
      const node = nodes[i]!;
      let at = i === 0 ? 0 : nodes[i - 1]!.range.end.offset;
      const stop = node.range.start.offset - (node.range.start.column - 1);
      let comments: string[] = [];
      while (at < stop) {
        const nl = text.indexOf('\n', at);
        const lineEnd = nl === -1 || nl > stop ? stop : nl;
        const t = text.slice(at, lineEnd).trim();
        if (t.startsWith('#') && !directiveStarts.has(at)) {
          const c = t.slice(1).trim();
          if (c === '') comments = [];
          else comments.push(c);
        }
        at = lineEnd + 1;
      }
      return comments;
    };
    const check = (node: InstructionNode, i: number, keyword: string, keys: readonly string[]): void => {
      if (keys.length === 0) return;
      const comments = commentsBefore(i);
      const last = comments[comments.length - 1];
      if (last === undefined || keys.includes(last.split(' ')[0]!)) return;
      ctx.report({ messageId: 'format', data: { keyword, name: keys.length > 1 ? '<arg_key>' : keys[0]! }, range: node.range });
    };
    return {
      instruction(ins) {
        const i = nodes[ins.index] === ins.node ? ins.index : nodes.indexOf(ins.node);
        if (i === -1) return;
        if (ins.keyword === 'FROM' && ins.stageName !== undefined && ins.stageName.raw !== '') check(ins.node, i, 'FROM', [ins.stageName.raw.toLowerCase()]);
        if (ins.keyword === 'ARG') check(ins.node, i, 'ARG', ins.args.map((a) => a.name));
      },
    };
  },
});
