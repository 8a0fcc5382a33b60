/**
 * @module lint/pragma
 * Inline suppression, owned by the engine (hadolint `Pragma.hs`, BuildKit `# check=skip=`):
 *  - `# stevedore-ignore id[,id]` above an instruction: that instruction only (no ids: all rules);
 *  - `# stevedore-ignore-file id[,id]` anywhere: the whole file (no ids: all rules);
 *  - `# hadolint ignore=DL3007,...` above an instruction; `# hadolint global ignore=...` file-wide;
 *  - BuildKit's `# check=skip=A,B` (or `all`) parser directive: whole file; the same comment
 *    directly above an instruction skips it for that instruction only (dockerfile 1.21+).
 * Names are matched against rule ids and their aliases by the caller-supplied resolver.
 */
import type { DockerfileAst, InstructionNode } from '../dockerfile/index.ts';

export const ALL = '*';

export interface Suppressions {
  /** Rule names suppressed for the whole file (`*` = all). */
  readonly file: ReadonlySet<string>;
  /** Per instruction (index into ast.instructions): suppressed names. */
  readonly byInstruction: ReadonlyMap<number, ReadonlySet<string>>;
}

function names(list: string): string[] {
  return list.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Names from `check=skip=...;error=true` (semicolon-separated options). */
function checkSkip(value: string): string[] {
  const out: string[] = [];
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim().toLowerCase() !== 'skip') continue;
    for (const n of names(part.slice(eq + 1))) out.push(n.toLowerCase() === 'all' ? ALL : n);
  }
  return out;
}

interface Parsed {
  readonly scope: 'file' | 'next';
  readonly names: readonly string[];
}

/** Reads one comment's text (after `#`). Linear: no regex on untrusted text beyond anchored prefixes. */
export function parsePragma(commentText: string): Parsed | undefined {
  const t = commentText.trim();
  // Without ids, a stevedore pragma covers every rule (like eslint-disable-next-line).
  const orAll = (list: string[]): string[] => (list.length === 0 ? [ALL] : list);
  if (t.startsWith('stevedore-ignore-file')) {
    return { scope: 'file', names: orAll(names(t.slice('stevedore-ignore-file'.length))) };
  }
  if (t === 'stevedore-ignore' || t.startsWith('stevedore-ignore ')) {
    return { scope: 'next', names: orAll(names(t.slice('stevedore-ignore'.length))) };
  }
  if (t.startsWith('hadolint ')) {
    const rest = t.slice('hadolint '.length).trim();
    if (rest.startsWith('global ')) {
      const g = rest.slice('global '.length).trim();
      if (g.startsWith('ignore=')) return { scope: 'file', names: names(g.slice('ignore='.length)) };
      return undefined;
    }
    if (rest.startsWith('ignore=')) return { scope: 'next', names: names(rest.slice('ignore='.length)) };
    return undefined;
  }
  if (t.toLowerCase().startsWith('check=')) {
    return { scope: 'next', names: checkSkip(t.slice('check='.length)) };
  }
  return undefined;
}

export function collectSuppressions(ast: DockerfileAst): Suppressions {
  const file = new Set<string>();
  for (const d of ast.directives) {
    if (d.name === 'check') for (const n of checkSkip(d.value)) file.add(n);
  }
  for (const c of ast.comments) {
    const p = parsePragma(c.text);
    if (p?.scope === 'file') for (const n of p.names) file.add(n);
  }
  const byInstruction = new Map<number, Set<string>>();
  ast.instructions.forEach((node: InstructionNode, index) => {
    for (const c of node.comments) {
      // Comments inside continuation lines are not "above" the instruction; pragmas must precede it.
      if (c.range.start.offset >= node.range.start.offset) continue;
      const p = parsePragma(c.text);
      if (p?.scope !== 'next') continue;
      let set = byInstruction.get(index);
      if (set === undefined) byInstruction.set(index, (set = new Set()));
      for (const n of p.names) set.add(n);
    }
  });
  return { file, byInstruction };
}
