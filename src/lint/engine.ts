/**
 * @module lint/engine
 * The lint pipeline for one file: parse (src/dockerfile) → model → views computed once (RUN
 * shell commands) → every enabled rule's visitors in one pass over the instructions → metadata
 * enforcement (unknown messageId, undeclared fix/suggestions) → pragmas and config severity →
 * findings sorted by position. A rule that throws never stops the file: its exception becomes
 * an internal `rule-crash` finding naming the rule and file, and the other rules go on.
 */
import { buildModel, parse } from '../dockerfile/index.ts';
import type { DockerfileAst, DockerfileModel, Instruction, Range, Stage, Step } from '../dockerfile/index.ts';
import { InternalError } from '../errors.ts';
import { defaultConfig, type LintConfig } from './config.ts';
import { collectSuppressions, ALL, type Suppressions } from './pragma.ts';
import { POSIX_SHELLS, splitShell } from './shell.ts';
import { dropSuperseded, supersedingIds, type Claim } from './supersede.ts';
import type {
  AnyRule, ContextView, FixData, Report, RuleContext, RuleVisitor, RunView, Severity, ShellCommand, Suggestion,
} from './rule.ts';
import { RULES } from './rules/index.ts';

export const RULE_CRASH = 'rule-crash';

export interface Finding {
  readonly file: string;
  readonly rule: string;
  readonly messageId: string;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly range: Range;
  readonly fix?: FixData;
  readonly suggestions?: readonly Suggestion[];
}

export interface LintOptions {
  /** Name used in findings and errors; defaults to "Dockerfile". */
  readonly file?: string;
  /** The build context; rules with needsContext are skipped without one. */
  readonly context?: ContextView | undefined;
  readonly config?: LintConfig;
  /** The rules to run (default: the registry). */
  readonly rules?: readonly AnyRule[];
  /** 'report' (default): a throwing rule becomes a rule-crash finding. 'throw': rethrow (RuleTester). */
  readonly onRuleError?: 'report' | 'throw';
}

/** The per-file views every rule shares. */
export interface Prepared {
  readonly ast: DockerfileAst;
  readonly model: DockerfileModel;
  readonly runs: readonly RunView[];
}

/** Parses and models the text; parse errors are thrown as StevedoreErrors (input errors, exit 2). */
export function prepare(text: string, file: string, config?: LintConfig): Prepared {
  const ast = parse(text, { file });
  const options = {
    ...(config === undefined ? {} : { buildArgs: config.buildArgs }),
    ...(config?.target === undefined ? {} : { target: config.target }),
  };
  // Lenient, like `docker build --check`: build-time problems become build-error findings and
  // the rest of the file is still checked.
  const model = buildModel(ast, { ...options, lenient: true });
  return { ast, model, runs: computeRuns(ast, model) };
}

function computeRuns(ast: DockerfileAst, model: DockerfileModel): RunView[] {
  const runs: RunView[] = [];
  for (const stage of model.stages) {
    for (const step of stage.steps) {
      if (step.instruction.keyword === 'RUN') runs.push({ step, stage, commands: commandsOf(ast, step.instruction) });
    }
  }
  return runs;
}

/** Simple commands of a RUN: the main line, then heredoc bodies fed to a POSIX shell. */
export function commandsOf(ast: DockerfileAst, run: Extract<Instruction, { keyword: 'RUN' }>): ShellCommand[] {
  const node = run.node;
  const text = ast.text;
  if (run.form === 'exec' && Array.isArray(run.command)) {
    return [{ argv: [...(run.command as readonly string[])], assignments: {}, start: node.restRange.start.offset, end: node.restRange.end.offset }];
  }
  const main = splitShell(text, node.restRange.start.offset, node.restRange.end.offset, { continuation: ast.escapeChar });
  if (node.heredocs.length === 0) return main;
  const feedsShell = main.length === 0 || main.some((c) => POSIX_SHELLS.has(c.argv[0] ?? ''));
  if (!feedsShell) return main;
  const out = [...main];
  for (const h of node.heredocs) {
    const start = h.range.start.offset;
    let e = h.range.end.offset;
    if (text[e - 1] === '\n') e--;
    if (text[e - 1] === '\r') e--;
    const bodyEnd = Math.max(start, text.lastIndexOf('\n', e - 1) + 1);
    out.push(...splitShell(text, start, bodyEnd));
  }
  return out;
}

// Message templates split once into literal and placeholder parts: formatting runs per finding
// and the regex replace was a visible share of linting.
type Compiled = readonly (string | { readonly key: string; readonly raw: string })[];
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let parts = compiled.get(template);
  if (parts !== undefined) return parts;
  const out: (string | { key: string; raw: string })[] = [];
  const re = /\{\{\s*(\w+)\s*\}\}/g;
  let last = 0;
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    if (m.index > last) out.push(template.slice(last, m.index));
    out.push({ key: m[1]!, raw: m[0] });
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  parts = out;
  if (compiled.size > 4096) compiled.clear();
  compiled.set(template, parts);
  return parts;
}

function format(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (data === undefined) return template;
  const parts = compile(template);
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : p.key in data ? String(data[p.key]) : p.raw;
  return out;
}

function validRange(r: Range, textLength: number): boolean {
  return r.start.line >= 1 && r.start.column >= 1 && r.end.line >= r.start.line && r.start.offset >= 0 && r.end.offset <= textLength && r.end.offset >= r.start.offset;
}

/** Index of the instruction whose range holds `offset` (the last one starting at or before it). */
function instructionAt(ast: DockerfileAst, offset: number): number {
  const list = ast.instructions;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.range.start.offset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function suppressed(s: Suppressions, names: readonly string[], instruction: number): boolean {
  const hit = (set: ReadonlySet<string> | undefined): boolean => set !== undefined && (set.has(ALL) || names.some((n) => set.has(n)));
  return hit(s.file) || hit(s.byInstruction.get(instruction));
}

/** The rule's id and aliases: the names a pragma or config may use for it. */
const namesOf = new WeakMap<AnyRule, readonly string[]>();
function ruleNames(rule: AnyRule): readonly string[] {
  let names = namesOf.get(rule);
  if (names === undefined) {
    names = [rule.id, ...(rule.meta.aliases ?? [])];
    namesOf.set(rule, names);
  }
  return names;
}

// Per rules array: the default registry is linted with on every file.
const supersedingOf = new WeakMap<readonly AnyRule[], ReadonlySet<string>>();
function superseders(rules: readonly AnyRule[]): ReadonlySet<string> {
  let ids = supersedingOf.get(rules);
  if (ids === undefined) {
    ids = supersedingIds(rules);
    supersedingOf.set(rules, ids);
  }
  return ids;
}

function whereMap(model: DockerfileModel): Map<Instruction, { step: Step | undefined; stage: Stage }> {
  const where = new Map<Instruction, { step: Step | undefined; stage: Stage }>();
  for (const stage of model.stages) {
    where.set(stage.from, { step: undefined, stage });
    for (const step of stage.steps) where.set(step.instruction, { step, stage });
  }
  return where;
}

export function lint(text: string, options: LintOptions = {}): Finding[] {
  const file = options.file ?? 'Dockerfile';
  return lintPrepared(prepare(text, file, options.config), options);
}

/** Runs the rules over already prepared views (the RuleTester freezes them first). */
export function lintPrepared(prepared: Prepared, options: LintOptions = {}): Finding[] {
  const file = options.file ?? prepared.ast.file ?? 'Dockerfile';
  const rules = options.rules ?? RULES;
  const config = options.config ?? defaultConfig(rules);
  const strict = options.onRuleError === 'throw';
  const { ast, model, runs } = prepared;
  const text = ast.text;
  const findings: Finding[] = [];
  const suppressions = collectSuppressions(ast);
  const pragmas = suppressions.file.size > 0 || suppressions.byInstruction.size > 0;
  const superseding = superseders(rules);
  const claims: Claim[] = [];

  interface Active { readonly rule: AnyRule; readonly visitor: RuleVisitor; crashed: boolean }
  const active: Active[] = [];
  let current: Range | undefined;

  const crash = (rule: AnyRule, e: unknown): void => {
    if (strict) throw e;
    const at = current ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    const why = e instanceof Error ? e.message : String(e);
    findings.push({
      file, rule: RULE_CRASH, messageId: 'crash', severity: 'error',
      line: at.start.line, column: at.start.column, endLine: at.end.line, endColumn: at.end.column, range: at,
      message: `internal error: rule "${rule.id}" crashed while linting ${file}: ${why} (this is a bug, please report it)`,
    });
  };

  for (const rule of rules) {
    const setting = config.rules.get(rule.id);
    if (setting?.enabled === false) continue;
    if (rule.meta.needsContext === true && options.context === undefined) continue;
    // A severity differing from the default was set by the user: it overrides per-report variants.
    const configured = setting !== undefined && setting.severity !== rule.meta.severity ? setting.severity : undefined;
    const names = ruleNames(rule);
    const report = (r: Report<string>): void => {
      const template = (rule.messages as Record<string, string | undefined>)[r.messageId];
      if (template === undefined) throw new InternalError(`rule "${rule.id}" reported unknown messageId "${r.messageId}"`);
      if (r.fix !== undefined && rule.meta.fixable !== 'code') throw new InternalError(`rule "${rule.id}" emitted a fix but meta.fixable is not set`);
      if (r.suggestions !== undefined && r.suggestions.length > 0 && rule.meta.hasSuggestions !== true) {
        throw new InternalError(`rule "${rule.id}" emitted suggestions but meta.hasSuggestions is not set`);
      }
      if (!validRange(r.range, text.length)) throw new InternalError(`rule "${rule.id}" reported an invalid range ${JSON.stringify(r.range)}`);
      // Recorded before suppression: an ignored finding still replaces the one it supersedes.
      if (superseding.has(rule.id)) claims.push({ rule: rule.id, range: r.range });
      if (pragmas && suppressed(suppressions, names, instructionAt(ast, r.range.start.offset))) return;
      findings.push({
        file, rule: rule.id, messageId: r.messageId, severity: configured ?? r.severity ?? rule.meta.severity,
        line: r.range.start.line, column: r.range.start.column, endLine: r.range.end.line, endColumn: r.range.end.column,
        message: format(template, r.data), range: r.range,
        ...(r.fix === undefined ? {} : { fix: r.fix }),
        ...(r.suggestions === undefined || r.suggestions.length === 0 ? {} : { suggestions: r.suggestions }),
      });
    };
    const ctx: RuleContext<unknown, string> = {
      file, text, ast, model, runs, report,
      options: setting?.options ?? rule.defaultOptions,
      context: options.context,
    };
    try {
      active.push({ rule, visitor: rule.create(ctx), crashed: false });
    } catch (e) {
      crash(rule, e);
    }
  }

  // Visitors bucketed per hook, so an instruction only reaches the rules that asked for it.
  const withInstruction = active.filter((a) => a.visitor.instruction !== undefined);
  const withStage = active.filter((a) => a.visitor.stage !== undefined);
  const withEnd = active.filter((a) => a.visitor.end !== undefined);
  const guard = (a: Active, e: unknown): void => {
    a.crashed = true;
    crash(a.rule, e);
  };

  let flushed = 0;
  const flushStages = (upTo: number): void => {
    for (; flushed < upTo; flushed++) {
      const stage = model.stages[flushed]!;
      for (const a of withStage) {
        if (a.crashed) continue;
        try {
          a.visitor.stage!(stage);
        } catch (e) {
          guard(a, e);
        }
      }
    }
  };
  // Instructions come in file order, and so do stages and their steps: walk them together
  // instead of building an instruction → (step, stage) map per file.
  let si = -1;
  let stepIdx = 0;
  let where: Map<Instruction, { step: Step | undefined; stage: Stage }> | undefined;
  for (const instruction of model.instructions) {
    let step: Step | undefined;
    let stage: Stage | undefined;
    const next = model.stages[si + 1];
    const cur = si >= 0 ? model.stages[si] : undefined;
    if (next !== undefined && next.from === instruction) {
      si++;
      stepIdx = 0;
      stage = next;
    } else if (cur !== undefined && cur.steps[stepIdx]?.instruction === instruction) {
      step = cur.steps[stepIdx++];
      stage = cur;
    } else {
      // Not in lockstep (no model builds one today): look it up.
      where ??= whereMap(model);
      const at = where.get(instruction);
      step = at?.step;
      stage = at?.stage;
    }
    if (instruction.keyword === 'FROM' && stage !== undefined) flushStages(stage.index);
    current = instruction.node.range;
    for (const a of withInstruction) {
      if (a.crashed) continue;
      try {
        a.visitor.instruction!(instruction, step, stage);
      } catch (e) {
        guard(a, e);
      }
    }
  }
  current = undefined;
  flushStages(model.stages.length);
  for (const a of withEnd) {
    if (a.crashed) continue;
    try {
      a.visitor.end!();
    } catch (e) {
      guard(a, e);
    }
  }

  return dropSuperseded(findings, claims, rules).sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
