/**
 * @module lint/rule
 * The rule contract. A rule is one module `rules/<id>.ts` exporting `defineRule({...})`; the
 * engine owns suppression, severity overrides and enabling. Fixes are data: edits on offsets
 * of the original text, applied by fix.ts in passes.
 */
import type {
  DockerfileAst, DockerfileModel, Instruction, Range, Stage, Step,
} from '../dockerfile/index.ts';

export type Severity = 'error' | 'warning' | 'info';
export type Category = 'cache' | 'go' | 'security' | 'correctness' | 'style';

/** Replace text[start, end) (0-based UTF-16 offsets into the original file text) by `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * A file of the build context that a fix creates or extends (e.g. `.dockerignore`). The
 * Dockerfile's own edits cannot express it, so it travels beside them; only `fix --write`
 * writes it (never overwriting: `create` refuses an existing file), other modes print a note.
 */
export interface FileWrite {
  /** POSIX path relative to the context root. */
  readonly path: string;
  readonly content: string;
  readonly mode: 'create' | 'append';
}

export interface FixData {
  /** Several edits applied together or not at all; they must not overlap. */
  readonly edits: readonly TextEdit[];
  /** Context files written with the edits (added by L1; optional, so existing fixes are unaffected). */
  readonly files?: readonly FileWrite[];
}

export interface Suggestion {
  readonly message: string;
  readonly fix: FixData;
}

export interface RuleDocs {
  readonly description: string;
  /** A Dockerfile that triggers the rule (run by the docs test). */
  readonly bad: string;
  /** A Dockerfile that does not (run by the docs test). */
  readonly good: string;
  /** Extra files in the build context for bad/good, path -> content (rules with needsContext). */
  readonly contextFiles?: Readonly<Record<string, string>>;
  /** Context files for `good` when they differ from `contextFiles` (e.g. with a .dockerignore). Added by L1. */
  readonly goodContextFiles?: Readonly<Record<string, string>>;
  readonly rationale?: string;
}

export interface RuleMeta {
  readonly category: Category;
  readonly severity: Severity;
  readonly docs: RuleDocs;
  /** 'code' when the rule may emit `fix` (only when the build's meaning provably does not change). */
  readonly fixable?: 'code';
  readonly hasSuggestions?: boolean;
  /** Other tools' names accepted in config and pragmas: BuildKit check names (e.g. 'StageNameCasing'), hadolint codes ('DL3007'). */
  readonly aliases?: readonly string[];
  /** true when the rule reads the build context (.dockerignore, go.mod ...). */
  readonly needsContext?: boolean;
  /** Rule ids whose finding on the same range this rule's finding replaces (lint/supersede.ts). */
  readonly supersedes?: readonly string[];
}

/** Read-only view of the build context directory (paths are POSIX, relative to the context root). */
export interface ContextView {
  readonly root: string;
  exists(path: string): boolean;
  /** undefined when missing or not a regular file. */
  readFile(path: string): string | undefined;
  /** Regular files of the context (bounded walk; `.git` and `node_modules` are not descended). */
  listFiles(): readonly string[];
  /** true when the effective ignore file excludes the path (false when there is none). */
  isIgnored(path: string): boolean;
  /**
   * The effective ignore file: `<Dockerfile>.dockerignore` when it exists (BuildKit prefers it),
   * else `.dockerignore`; `path` is relative to the root when inside it. undefined when none.
   */
  dockerignore(): { readonly path: string; readonly text: string } | undefined;
}

/** One simple command inside a RUN, e.g. `go build -o /app ./cmd/x` from `a && go build ... | b`. */
export interface ShellCommand {
  /** argv after env-assignment prefixes (`CGO_ENABLED=0 go build` gives ['go', 'build']). */
  readonly argv: readonly string[];
  /** Leading assignments of this command, e.g. { CGO_ENABLED: '0' }. */
  readonly assignments: Readonly<Record<string, string>>;
  /** Offsets in the original file text of this command's first and last characters. */
  readonly start: number;
  readonly end: number;
}

export interface RunView {
  readonly step: Step;
  readonly stage: Stage;
  /** Simple commands of the RUN (shell form and heredoc bodies; exec form gives one command). */
  readonly commands: readonly ShellCommand[];
}

export interface Report<M extends string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly range: Range;
  readonly fix?: FixData;
  readonly suggestions?: readonly Suggestion[];
  /**
   * A weaker or stronger variant of the rule's finding (e.g. base-image-unpinned: no tag is an
   * error, no digest only info). A severity set in the config still wins. Added by L1.
   */
  readonly severity?: Severity;
}

export interface RuleContext<O, M extends string> {
  readonly file: string;
  readonly text: string;
  readonly ast: DockerfileAst;
  readonly model: DockerfileModel;
  readonly options: O;
  /** undefined when no context was given and none could be inferred. */
  readonly context: ContextView | undefined;
  /** RUN views, computed once per file by the engine. */
  readonly runs: readonly RunView[];
  report(report: Report<M>): void;
}

/** Visitor callbacks; a rule implements what it needs (hadolint's simple/custom/veryCustom shapes). */
export interface RuleVisitor {
  /** Every instruction in source order, with its step and stage when it belongs to one. */
  instruction?(instruction: Instruction, step: Step | undefined, stage: Stage | undefined): void;
  /** Every stage after its instructions were visited. */
  stage?(stage: Stage): void;
  /** Once at the end. */
  end?(): void;
}

export interface RuleDefinition<O, M extends string> {
  readonly id: string;
  readonly meta: RuleMeta;
  readonly messages: Readonly<Record<M, string>>;
  readonly defaultOptions: O;
  create(context: RuleContext<O, M>): RuleVisitor;
}

export function defineRule<O, const M extends string>(rule: RuleDefinition<O, M>): RuleDefinition<O, M> {
  return rule;
}

/** A rule with its option and message types erased, as the registry holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = RuleDefinition<any, string>;
