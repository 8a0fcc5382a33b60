/**
 * @module diagnose/dockerfile-source
 * Finds the failing instruction in a Dockerfile given with --dockerfile. Instructions and their
 * source ranges come from the Dockerfile engine (src/dockerfile `parse`); each instruction's
 * source text (continuations joined, whitespace normalised) is compared with the instruction
 * BuildKit printed. When the log carried its own excerpt (`Dockerfile:20`), that line number
 * wins among equal matches.
 */
import { parse } from '../dockerfile/index.ts';
import { StevedoreError } from '../errors.ts';

export interface DockerfileSource {
  readonly startLine: number;
  readonly endLine: number;
  /** The physical source lines of the instruction (with their 1-based numbers). */
  readonly lines: readonly { readonly line: number; readonly text: string }[];
}

interface Logical {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function logicalLines(text: string): Logical[] {
  const phys = text.split(/\r?\n/);
  const out: Logical[] = [];
  let buf = '';
  let start = -1;
  for (let i = 0; i < phys.length; i++) {
    const raw = phys[i]!;
    const t = raw.trim();
    if (start === -1 && (t === '' || t.startsWith('#'))) continue;
    if (start !== -1 && t.startsWith('#')) continue;
    if (start === -1) start = i + 1;
    if (t.endsWith('\\')) {
      buf += t.slice(0, -1) + ' ';
      continue;
    }
    buf += t;
    out.push({ start, end: i + 1, text: buf });
    buf = '';
    start = -1;
  }
  if (start !== -1) out.push({ start, end: phys.length, text: buf });
  return out;
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Instructions with their line spans and joined text, from the Dockerfile engine. */
function instructionsOf(dockerfile: string, file: string | undefined): Logical[] {
  try {
    const ast = parse(dockerfile, file === undefined ? {} : { file });
    return ast.instructions.map((i) => ({
      start: i.range.start.line,
      end: i.range.end.line,
      text: dockerfile.slice(i.range.start.offset, i.range.end.offset).replace(/[\\`]\r?\n/g, ' '),
    }));
  } catch (e) {
    if (!(e instanceof StevedoreError)) throw e;
    // Named fallback: the build may have failed on exactly the Dockerfile the engine rejects
    // (an unknown instruction, a bad heredoc); its instructions are still found line by line.
    return logicalLines(dockerfile);
  }
}

/** Locates `instruction` (e.g. `RUN go mod download`) in the Dockerfile text. */
export function locateInstruction(dockerfile: string, instruction: string, hintLine: number | null = null, file?: string): DockerfileSource | null {
  const want = norm(instruction);
  const all = instructionsOf(dockerfile, file);
  // tty and truncated names end in "..."; match them as a prefix.
  const prefix = want.endsWith('...') ? want.slice(0, -3) : null;
  const matches = all.filter((l) => {
    const have = norm(l.text);
    return prefix === null ? have === want : have.startsWith(prefix);
  });
  if (matches.length === 0) return null;
  const best = (hintLine === null ? undefined : matches.find((m) => m.start <= hintLine && hintLine <= m.end)) ?? matches[0]!;
  const phys = dockerfile.split(/\r?\n/);
  const lines = [];
  for (let n = best.start; n <= best.end; n++) lines.push({ line: n, text: phys[n - 1] ?? '' });
  return { startLine: best.start, endLine: best.end, lines };
}
