/**
 * @module lint/rules/undefined-var
 * BuildKit's UndefinedVar: a variable used in a word BuildKit expands (ENV, LABEL, ARG defaults,
 * COPY/ADD paths and --chown/--chmod/--checksum, WORKDIR, USER, VOLUME, STOPSIGNAL, RUN
 * --mount) is neither an ARG nor an ENV of the stage. Shell-form RUN/CMD/ENTRYPOINT text is
 * not checked (the shell expands it), nor are RUN heredocs or EXPOSE (BuildKit does not report
 * those either); COPY/ADD heredoc bodies with an unquoted delimiter are. `${X:-default}` counts
 * as a use, as in BuildKit. A stage whose chain
 * starts from an external image inherits that image's ENV, unknown offline: there only a
 * variable with a close defined name (a likely typo) is reported.
 */
import type { Instruction, Range, Stage } from '../../dockerfile/index.ts';
import { NameIndex } from '../knowledge/closest-name.ts';
import { rootBaseKind } from '../knowledge/dockerfile-facts.ts';
import { scanWord } from '../knowledge/word-vars.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

/** BuildKit's nonEnvArgs: consumed by the frontend, never in the environment. */
const NON_ENV = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
/**
 * Variables that official base images commonly define in their config. On an external base
 * they are never reported, even when close to a defined name (GOPATH is one edit from PATH).
 */
const COMMON_IMAGE_ENV = new Set([
  'HOME', 'USER', 'HOSTNAME', 'LANG', 'LANGUAGE', 'LC_ALL', 'TZ', 'TERM', 'SHELL', 'DEBIAN_FRONTEND', 'SSL_CERT_FILE',
  'GOPATH', 'GOROOT', 'GOLANG_VERSION', 'GOTOOLCHAIN', 'GOCACHE', 'GOMODCACHE', 'GOBIN', 'GOFLAGS', 'CGO_ENABLED',
  'JAVA_HOME', 'JAVA_VERSION', 'JDK_VERSION', 'MAVEN_HOME', 'MAVEN_CONFIG', 'GRADLE_HOME', 'GRADLE_VERSION',
  'NODE_VERSION', 'YARN_VERSION', 'NODE_ENV', 'NPM_CONFIG_PREFIX',
  'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHONPATH', 'PYTHONUNBUFFERED', 'PIP_NO_CACHE_DIR', 'GPG_KEY',
  'RUBY_VERSION', 'RUBY_MAJOR', 'GEM_HOME', 'BUNDLE_PATH', 'BUNDLE_APP_CONFIG', 'BUNDLE_SILENCE_ROOT_WARNING',
  'PHP_VERSION', 'PHP_INI_DIR', 'PHPIZE_DEPS', 'NGINX_VERSION', 'NJS_VERSION', 'PKG_RELEASE', 'HTTPD_PREFIX',
  'CARGO_HOME', 'RUSTUP_HOME', 'RUST_VERSION', 'DOTNET_VERSION', 'ASPNET_VERSION', 'ASPNETCORE_URLS', 'DOTNET_RUNNING_IN_CONTAINER',
  'POSTGRES_VERSION', 'PG_MAJOR', 'PG_VERSION', 'PGDATA', 'MYSQL_VERSION', 'REDIS_VERSION', 'LD_LIBRARY_PATH', 'PKG_CONFIG_PATH',
]);
const EXPANDED_FLAGS: Readonly<Record<string, readonly string[]>> = {
  COPY: ['chown', 'chmod'],
  ADD: ['chown', 'chmod', 'checksum'],
  RUN: ['mount'],
};

/** The variables a stage has defined so far: all names, and those with a value (BuildKit's env keys, the suggestion candidates). */
interface Names {
  /** The parent stage's final names (frozen), shared instead of copied. */
  readonly parent: Names | undefined;
  readonly own: Set<string>;
  readonly keys: NameIndex;
}

function newNames(parent: Names | undefined, defined: readonly string[], keys: readonly string[]): Names {
  const n: Names = { parent, own: new Set(defined), keys: new NameIndex(parent?.keys) };
  for (const k of keys) n.keys.add(k);
  return n;
}

function isDefined(n: Names | undefined, name: string): boolean {
  for (let x = n; x !== undefined; x = x.parent) if (x.own.has(name)) return true;
  return false;
}

/**
 * Adds what an instruction defines. Tracking names incrementally keeps the rule linear in the
 * file (a per-step copy of the state would be quadratic on a file of many ENV lines). An ARG
 * without a value is defined (BuildKit removes build args from the unmatched set) but has a
 * value only when a global ARG of that name gives one; a child stage keeps its parent's names,
 * as BuildKit starts it from the parent's state.
 */
function declare(names: Names, ins: Instruction, globalsWithValue: ReadonlySet<string>): void {
  if (ins.keyword === 'ENV') {
    for (const p of ins.pairs) {
      names.own.add(p.key);
      names.keys.add(p.key);
    }
  } else if (ins.keyword === 'ARG') {
    for (const a of ins.args) {
      names.own.add(a.name);
      if (a.value !== undefined || globalsWithValue.has(a.name)) names.keys.add(a.name);
    }
  }
}

interface Piece {
  /** Offset of `text` in the file. */
  readonly at: number;
  readonly text: string;
  /** false for heredoc bodies: BuildKit expands them with quotes taken literally. */
  readonly quotes: boolean;
  /** Where to report when `text` is not verbatim in the file (a `<<-` body with tabs removed). */
  readonly whole?: Range;
}

/** The words of an instruction that BuildKit expands, as slices of the file. */
function expandedPieces(fileText: string, ins: Instruction): Piece[] {
  const out: Piece[] = [];
  const slice = (r: Range): void => {
    out.push({ at: r.start.offset, text: fileText.slice(r.start.offset, r.end.offset), quotes: true });
  };
  switch (ins.keyword) {
    case 'ENV':
    case 'LABEL':
      for (const p of ins.pairs) slice(p.range);
      break;
    case 'ARG':
      for (const a of ins.args) {
        if (a.value === undefined) continue;
        const t = fileText.slice(a.range.start.offset, a.range.end.offset);
        const eq = t.indexOf('=');
        if (eq !== -1) out.push({ at: a.range.start.offset + eq + 1, text: t.slice(eq + 1), quotes: true });
      }
      break;
    case 'COPY':
    case 'ADD':
      for (const s of ins.sources) if (!s.raw.startsWith('<<')) slice(s.range);
      slice(ins.dest.range);
      // Inline files (`COPY <<EOF /x`) with an unquoted delimiter are expanded, quotes literal.
      for (const h of ins.node.heredocs) {
        if (h.quoted) continue;
        const at = h.range.start.offset;
        if (fileText.startsWith(h.content, at)) out.push({ at, text: h.content, quotes: false });
        else out.push({ at, text: h.content, quotes: false, whole: ins.node.range });
      }
      break;
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
      slice(ins.value.range);
      break;
    case 'VOLUME':
      for (const p of ins.paths) slice(p.range);
      break;
    default:
      break;
  }
  const flags = EXPANDED_FLAGS[ins.keyword];
  if (flags !== undefined) {
    for (const f of ins.node.flags) {
      if (!flags.includes(f.name.toLowerCase()) || f.value === undefined) continue;
      const t = fileText.slice(f.range.start.offset, f.range.end.offset);
      const eq = t.indexOf('=');
      if (eq !== -1) out.push({ at: f.range.start.offset + eq + 1, text: t.slice(eq + 1), quotes: true });
    }
  }
  return out;
}

export default defineRule({
  id: 'undefined-var',
  meta: {
    category: 'correctness',
    severity: 'warning',
    aliases: ['UndefinedVar'],
    docs: {
      description: 'Declare a variable with ARG or ENV before an instruction that BuildKit expands refers to it.',
      bad: 'FROM scratch\nARG VERSION=1.0\nLABEL version=$VERSON\n',
      good: 'FROM scratch\nARG VERSION=1.0\nLABEL version=$VERSION\n',
    },
  },
  messages: {
    undefined: "'${{name}}' is not declared by ARG or ENV in this stage, so BuildKit expands it to an empty string",
    undefinedSuggest: "'${{name}}' is not declared by ARG or ENV in this stage (did you mean ${{suggest}}?); unless the base image sets it, it expands to an empty string",
  },
  defaultOptions: {},
  create(ctx) {
    const escape = ctx.ast.escapeChar;
    const model = ctx.model;
    const globalsWithValue = new Set(model.globalArgs.filter((g) => g.value !== undefined).map((g) => g.name));
    /** Final names of each stage, for the stages built FROM it (memoised). */
    const finals = new Map<number, Names>();

    const initialOf = (stage: Stage, depth: number): Names => {
      if (stage.base.kind === 'stage' && depth <= model.stages.length) {
        const parent = model.stages[stage.base.stage];
        if (parent !== undefined) return newNames(finalOf(parent, depth + 1), [], []);
      }
      // BuildKit always sets PATH. On an external image it is not offered as a suggestion: the
      // image may define anything near it (GOPATH is one edit from PATH).
      const scratch = rootBaseKind(model, stage) === 'scratch';
      return newNames(undefined, ['PATH'], scratch ? ['PATH'] : []);
    };
    const finalOf = (stage: Stage, depth: number): Names => {
      let names = finals.get(stage.index);
      if (names === undefined) {
        names = initialOf(stage, depth);
        for (const step of stage.steps) declare(names, step.instruction, globalsWithValue);
        finals.set(stage.index, names);
      }
      return names;
    };

    let current: { readonly stage: number; readonly names: Names; readonly baseKnown: boolean } | undefined;
    // Name comparisons for suggestions, per file: only files of thousands of near-identical names reach it.
    const budget = { left: 200_000 };
    return {
      instruction(ins, step, stage) {
        if (step === undefined || stage === undefined) return;
        if (current?.stage !== stage.index) {
          current = { stage: stage.index, names: initialOf(stage, 0), baseKnown: rootBaseKind(model, stage) === 'scratch' };
        }
        const { names, baseKnown } = current;
        const pieces = expandedPieces(ctx.text, ins).filter((p) => p.text.includes('$'));
        const reported = new Set<string>();
        for (const piece of pieces) {
          const scan = scanWord(piece.text, (n) => (isDefined(names, n) ? '' : undefined), escape, piece.quotes);
          for (const use of scan.uses) {
            if (use.defined || NON_ENV.has(use.name) || reported.has(use.name)) continue;
            reported.add(use.name);
            if (!baseKnown && COMMON_IMAGE_ENV.has(use.name)) continue;
            // On an external base (ENV unknown offline) only a likely typo of a name the file defines is reported.
            const suggest = names.keys.closest(use.name, budget);
            if (suggest === undefined && !baseKnown) continue;
            const range = piece.whole ?? rangeAt(ctx.text, piece.at + use.start, piece.at + use.end);
            if (suggest === undefined) ctx.report({ messageId: 'undefined', data: { name: use.name }, range });
            else ctx.report({ messageId: 'undefinedSuggest', data: { name: use.name, suggest }, range });
          }
        }
        declare(names, ins, globalsWithValue);
      },
    };
  },
});
