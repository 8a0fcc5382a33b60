/**
 * @module dockerfile/instructions/flags
 * Flag validation per instruction, with BuildKit's BFlags rules: only declared flags are
 * accepted; bool flags take no value or true/false; string flags need `=value`; repeatable
 * (strings) flags collect every value; other flags may appear once.
 */
import { StevedoreError } from '../../errors.ts';
import { locationOf } from '../parse/node.ts';
import type { Flag, InstructionNode } from '../types.ts';

type FlagType = 'bool' | 'string' | 'strings';
export type FlagSpec = Readonly<Record<string, FlagType>>;

export const FLAG_SPECS: Readonly<Record<string, FlagSpec>> = {
  FROM: { platform: 'string' },
  RUN: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  COPY: { chown: 'string', from: 'string', chmod: 'string', link: 'bool', exclude: 'strings', parents: 'bool' },
  ADD: { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool', exclude: 'strings' },
  HEALTHCHECK: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

export interface ParsedFlags {
  /** string flag values and bool flags ("true"/"false") */
  readonly values: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  /** The Flag node of each used flag (last occurrence). */
  readonly nodes: ReadonlyMap<string, Flag>;
  /** Each occurrence of repeatable flags, with its node. */
  readonly occurrences: ReadonlyMap<string, readonly Flag[]>;
}

const NO_FLAGS: ParsedFlags = { values: new Map(), lists: new Map(), nodes: new Map(), occurrences: new Map() };

export function parseFlags(node: InstructionNode, spec: FlagSpec, file: string | undefined): ParsedFlags {
  if (node.flags.length === 0) return NO_FLAGS;
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const nodes = new Map<string, Flag>();
  const occurrences = new Map<string, Flag[]>();
  for (const f of node.flags) {
    const fail = (code: 'DOCKERFILE_UNKNOWN_FLAG' | 'DOCKERFILE_INVALID_FLAG', message: string): never => {
      throw new StevedoreError(code, message, { location: locationOf(f.range, file), data: { instruction: node.keyword, flag: f.name } });
    };
    if (!f.text.startsWith('--')) fail('DOCKERFILE_INVALID_FLAG', `arg should start with -- : ${f.text}`);
    const eq = f.text.indexOf('=');
    const name = eq < 0 ? f.text.slice(2) : f.text.slice(2, eq);
    const value = eq < 0 ? undefined : f.text.slice(eq + 1);
    const type = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (type === undefined) {
      const known = Object.keys(spec);
      const hint = suggest(name, known);
      fail('DOCKERFILE_UNKNOWN_FLAG', `unknown flag: --${name} for ${node.keyword}${hint === undefined ? '' : ` (did you mean --${hint}?)`}`);
    }
    if (nodes.has(name) && type !== 'strings') fail('DOCKERFILE_INVALID_FLAG', `duplicate flag specified: --${name}`);
    nodes.set(name, f);
    if (type === 'bool') {
      if (value === '') fail('DOCKERFILE_INVALID_FLAG', `flag --${name} needs a value`);
      const v = (value ?? 'true').toLowerCase();
      if (v !== 'true' && v !== 'false') fail('DOCKERFILE_INVALID_FLAG', `flag --${name} takes true or false, got ${JSON.stringify(value ?? '')}`);
      values.set(name, v);
    } else {
      if (value === undefined) fail('DOCKERFILE_INVALID_FLAG', `flag --${name} needs a value`);
      if (type === 'string') values.set(name, value!);
      else {
        lists.set(name, [...(lists.get(name) ?? []), value!]);
        occurrences.set(name, [...(occurrences.get(name) ?? []), f]);
      }
    }
  }
  return { values, lists, nodes, occurrences };
}

/** Closest candidate by edit distance (for "did you mean"), or undefined when nothing is close. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase().slice(0, 64);
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
