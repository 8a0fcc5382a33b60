/**
 * @module diagnose/dockerfile-source
 * Finds the failing instruction in a Dockerfile given with --dockerfile. The Dockerfile engine
 * (src/dockerfile) is being written in parallel and has no index.ts yet, so this matches the
 * instruction text itself: logical lines (backslash continuations joined, comments dropped),
 * whitespace-normalised, compared with the instruction BuildKit printed. When the log carried its
 * own excerpt (`Dockerfile:20`), that line number wins among equal matches.
 */

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

/** Locates `instruction` (e.g. `RUN go mod download`) in the Dockerfile text. */
export function locateInstruction(dockerfile: string, instruction: string, hintLine: number | null = null): DockerfileSource | null {
  const want = norm(instruction);
  const all = logicalLines(dockerfile);
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
