/**
 * @module dockerfile/types
 * The contract of the Dockerfile engine: the syntax tree (every node with a source range),
 * the typed instructions, and the semantic model (stages, scopes, graph). lint and cachekey
 * code against these types; the parser may add fields but must not change these.
 */

/** A point in the source. line and column are 1-based; column counts UTF-16 code units; offset is 0-based into the text given to parse() (after BOM removal the offset still counts the BOM, so offsets index the original text). */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A half-open range [start, end). */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface Directive {
  readonly kind: 'directive';
  /** lower-cased: syntax, escape, check */
  readonly name: string;
  readonly value: string;
  readonly range: Range;
}

export interface Comment {
  readonly kind: 'comment';
  /** The text after '#', untrimmed. */
  readonly text: string;
  readonly range: Range;
}

export interface Flag {
  /** Name without the leading dashes, e.g. "mount". */
  readonly name: string;
  /** undefined for a bare boolean flag such as --link. */
  readonly value: string | undefined;
  /** The flag as BuildKit keeps it, after quote removal: "--mount=type=cache,target=/x". */
  readonly text: string;
  readonly range: Range;
}

export interface Heredoc {
  /** The delimiter word, unquoted. */
  readonly name: string;
  /** true when the delimiter was quoted: the body is not expanded. */
  readonly quoted: boolean;
  /** true for <<-: leading tabs are stripped from body lines. */
  readonly chomp: boolean;
  /** file descriptor prefix, e.g. 3 for 3<<X. */
  readonly fd: number | undefined;
  /** The body (lines between the marker line and the delimiter), with trailing newline, as BuildKit stores it. */
  readonly content: string;
  /** The range of the body and terminating delimiter line. */
  readonly range: Range;
}

export type InstructionKeyword =
  | 'FROM' | 'RUN' | 'CMD' | 'LABEL' | 'MAINTAINER' | 'EXPOSE' | 'ENV' | 'ADD' | 'COPY'
  | 'ENTRYPOINT' | 'VOLUME' | 'USER' | 'WORKDIR' | 'ARG' | 'ONBUILD' | 'STOPSIGNAL'
  | 'HEALTHCHECK' | 'SHELL';

/** One instruction of the syntax tree, as the line parser sees it (before typing). */
export interface InstructionNode {
  readonly kind: 'instruction';
  /** Upper-cased keyword; an unknown keyword is kept upper-cased too (typing rejects it). */
  readonly keyword: string;
  /** The keyword as written. */
  readonly keywordText: string;
  readonly keywordRange: Range;
  readonly flags: readonly Flag[];
  /** The logical line after the keyword and flags: continuations joined as BuildKit joins them, comments inside continuations dropped. */
  readonly rest: string;
  readonly restRange: Range;
  /** Arguments as BuildKit's AST holds them (the strings its Dump() prints, unquoted). */
  readonly args: readonly string[];
  /** The source range of each argument (parallel to args). ENV/LABEL groups: name, value, and the `=` (an empty range after the value in the legacy form). ONBUILD: none (see inner). */
  readonly argRanges: readonly Range[];
  /** true when the arguments were a JSON array (exec form) for RUN/CMD/ENTRYPOINT/SHELL/ADD/COPY/VOLUME/HEALTHCHECK. */
  readonly json: boolean;
  readonly heredocs: readonly Heredoc[];
  /** For ONBUILD: the triggered instruction. */
  readonly inner: InstructionNode | undefined;
  /** Whole instruction: first line through its last continuation line and heredoc bodies. */
  readonly range: Range;
  /** Comments that appear immediately above (and inside continuations of) this instruction. */
  readonly comments: readonly Comment[];
}

export interface ParseWarning {
  readonly code: string;
  readonly message: string;
  readonly range: Range;
}

export interface DockerfileAst {
  readonly file: string | undefined;
  readonly text: string;
  readonly escapeChar: '\\' | '`';
  readonly directives: readonly Directive[];
  readonly comments: readonly Comment[];
  readonly instructions: readonly InstructionNode[];
  readonly warnings: readonly ParseWarning[];
  /** true when the text started with a UTF-8 BOM */
  readonly bom: boolean;
  /** "\r\n" when the first line break of the file is CRLF */
  readonly eol: '\n' | '\r\n';
}

/* ---------------------------------------------------------------- typed instructions */

/** A word that may contain variables: the raw text and its range; expansion happens in the model. */
export interface Word {
  readonly raw: string;
  readonly range: Range;
}

export interface KeyValue {
  readonly key: string;
  /** The value as written (quotes kept); expand() gives the effective value. */
  readonly value: string;
  readonly range: Range;
}

export type Mount =
  | { readonly type: 'cache'; readonly target: string; readonly id: string | undefined; readonly sharing: 'shared' | 'private' | 'locked'; readonly from: string | undefined; readonly source: string | undefined; readonly readonly: boolean; readonly mode: string | undefined; readonly uid: string | undefined; readonly gid: string | undefined; readonly raw: string; readonly range: Range }
  | { readonly type: 'bind'; readonly target: string; readonly source: string | undefined; readonly from: string | undefined; readonly readwrite: boolean; readonly raw: string; readonly range: Range }
  | { readonly type: 'secret'; readonly id: string | undefined; readonly target: string | undefined; readonly env: string | undefined; readonly required: boolean; readonly raw: string; readonly range: Range }
  | { readonly type: 'ssh'; readonly id: string | undefined; readonly target: string | undefined; readonly required: boolean; readonly raw: string; readonly range: Range }
  | { readonly type: 'tmpfs'; readonly target: string; readonly raw: string; readonly range: Range };

interface Base<K extends InstructionKeyword> {
  readonly keyword: K;
  readonly node: InstructionNode;
  /** Index among all instructions of the file (0-based). */
  readonly index: number;
}

export interface FromInstruction extends Base<'FROM'> {
  readonly image: Word;
  readonly stageName: Word | undefined;
  readonly platform: Word | undefined;
}
export interface RunInstruction extends Base<'RUN'> {
  readonly form: 'shell' | 'exec';
  /** Shell form: the command text (not expanded: BuildKit hands RUN text to the shell). Exec form: the argv. */
  readonly command: string | readonly string[];
  readonly mounts: readonly Mount[];
  readonly network: 'default' | 'none' | 'host' | undefined;
  readonly security: 'sandbox' | 'insecure' | undefined;
}
export interface CmdLikeInstruction extends Base<'CMD' | 'ENTRYPOINT' | 'SHELL'> {
  readonly form: 'shell' | 'exec';
  readonly command: string | readonly string[];
}
export interface CopyInstruction extends Base<'COPY' | 'ADD'> {
  readonly sources: readonly Word[];
  readonly dest: Word;
  readonly from: Word | undefined;
  readonly chown: string | undefined;
  readonly chmod: string | undefined;
  readonly link: boolean;
  readonly parents: boolean;
  readonly exclude: readonly string[];
  /** ADD only */
  readonly checksum: string | undefined;
  readonly keepGitDir: boolean;
}
export interface EnvInstruction extends Base<'ENV' | 'LABEL'> {
  readonly pairs: readonly KeyValue[];
  /** ENV only: the legacy `ENV k v` form */
  readonly legacy: boolean;
}
export interface ArgInstruction extends Base<'ARG'> {
  /** value undefined when declared without default */
  readonly args: readonly { readonly name: string; readonly value: string | undefined; readonly range: Range }[];
}
export interface SimpleInstruction extends Base<'MAINTAINER' | 'USER' | 'WORKDIR' | 'STOPSIGNAL'> {
  readonly value: Word;
}
export interface ExposeInstruction extends Base<'EXPOSE'> {
  readonly ports: readonly Word[];
}
export interface VolumeInstruction extends Base<'VOLUME'> {
  readonly paths: readonly Word[];
}
export interface HealthcheckInstruction extends Base<'HEALTHCHECK'> {
  readonly none: boolean;
  readonly command: string | readonly string[] | undefined;
  readonly form: 'shell' | 'exec' | undefined;
}
export interface OnbuildInstruction extends Base<'ONBUILD'> {
  readonly trigger: Instruction;
}

export type Instruction =
  | FromInstruction | RunInstruction | CmdLikeInstruction | CopyInstruction | EnvInstruction
  | ArgInstruction | SimpleInstruction | ExposeInstruction | VolumeInstruction
  | HealthcheckInstruction | OnbuildInstruction;

/* ---------------------------------------------------------------- semantic model */

export type StageBase =
  | { readonly kind: 'image'; readonly ref: string }
  | { readonly kind: 'stage'; readonly stage: number }
  | { readonly kind: 'scratch' };

/** The state in effect when an instruction runs (after expansion). */
export interface StepState {
  /** ENV in declaration order (later re-declarations replace in place, as BuildKit's image config does). */
  readonly env: readonly (readonly [string, string])[];
  /** ARGs in scope: name -> effective value (undefined when declared without value and not passed). */
  readonly args: ReadonlyMap<string, string | undefined>;
  readonly user: string | undefined;
  readonly workdir: string;
  readonly shell: readonly string[];
}

export interface Step {
  readonly instruction: Instruction;
  /** State before this instruction executes. */
  readonly state: StepState;
  /** Expanded words for instructions whose words BuildKit expands (FROM, COPY, ADD, ENV, ARG, WORKDIR, USER, LABEL, EXPOSE, VOLUME, STOPSIGNAL, ONBUILD no). Keyed by purpose, e.g. sources, dest, from. */
  readonly expanded: Readonly<Record<string, string | readonly string[]>>;
}

export interface Stage {
  readonly index: number;
  readonly name: string | undefined;
  readonly from: FromInstruction;
  /** The base after ARG expansion. */
  readonly base: StageBase;
  readonly platform: string | undefined;
  readonly steps: readonly Step[];
  /** Stages this stage depends on: FROM, COPY --from, RUN --mount from=. */
  readonly dependsOn: readonly { readonly stage: number; readonly via: 'from' | 'copy' | 'mount'; readonly instructionIndex: number }[];
  /** External images pulled by COPY --from=image or mounts from=image. */
  readonly externalRefs: readonly string[];
  readonly reachable: boolean;
}

export interface BuildOptions {
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly target?: string;
  /** Defaults to linux/amd64 for both. */
  readonly buildPlatform?: string;
  readonly targetPlatform?: string;
  /**
   * Lenient mode (for lint, like `docker build --check`): build-time problems that would fail a
   * real build (blank base name, failed expansion, unknown instruction or flag, bad mount, unknown
   * stage index, cycles, unknown target) are recorded in `DockerfileModel.problems` with a
   * recovery instead of thrown. Only a file with no FROM at all still throws.
   */
  readonly lenient?: boolean;
}

/** A build-time problem recorded in lenient mode; `code` is a DOCKERFILE_* error code. */
export interface ModelProblem {
  readonly code: string;
  readonly message: string;
  /** undefined only for an unknown --target, which has no place in the file. */
  readonly range: Range | undefined;
}

export interface DockerfileModel {
  readonly ast: DockerfileAst;
  readonly instructions: readonly Instruction[];
  /** ARGs declared before the first FROM, with their effective values. */
  readonly globalArgs: readonly { readonly name: string; readonly value: string | undefined; readonly instruction: ArgInstruction }[];
  readonly stages: readonly Stage[];
  /** Index of the target stage (the last one, or --target). */
  readonly target: number;
  /** Problems recovered from in lenient mode (always empty in strict mode, which throws instead). */
  readonly problems: readonly ModelProblem[];
}
