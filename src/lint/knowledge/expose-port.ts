/**
 * @module lint/knowledge/expose-port
 * An EXPOSE port spec split as BuildKit splits it (`[ip:][hostPort:]containerPort[/proto]`),
 * with offsets of each part inside the spec, for the EXPOSE rules.
 */
import type { DockerfileModel, ExposeInstruction, Stage, Step, Word } from '../../dockerfile/index.ts';
import { stepEnv } from './step-env.ts';
import { scanWord } from './word-vars.ts';

export interface PortSpec {
  readonly ip: string;
  readonly hostPort: string;
  readonly containerPort: string;
  /** As written; '' when absent. */
  readonly proto: string;
  /** Offset of containerPort inside the spec. */
  readonly containerAt: number;
  /** Offset of the proto (after '/') inside the spec, or -1. */
  readonly protoAt: number;
}

export function splitPortSpec(spec: string): PortSpec {
  const parts = spec.split(':');
  const n = parts.length;
  const containerWithProto = parts[n - 1]!;
  const hostPort = n >= 2 ? parts[n - 2]! : '';
  const ip = n >= 3 ? parts.slice(0, n - 2).join(':') : '';
  const containerAt = spec.length - containerWithProto.length;
  const slash = containerWithProto.indexOf('/');
  return {
    ip, hostPort,
    containerPort: slash === -1 ? containerWithProto : containerWithProto.slice(0, slash),
    proto: slash === -1 ? '' : containerWithProto.slice(slash + 1),
    containerAt,
    protoAt: slash === -1 ? -1 : containerAt + slash + 1,
  };
}

/** Port numbers of `a` or `a-b`, or undefined when not decimal numbers. */
export function portRange(s: string): readonly [number, number] | undefined {
  const m = /^([0-9]{1,10})(?:-([0-9]{1,10}))?$/.exec(s);
  if (m === null) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return [a, b];
}

export interface ExposedWord {
  /** The port spec after variable expansion. */
  readonly spec: string;
  readonly word: Word;
  /** true when the spec is the word as written (no variables), so fixes may edit it. */
  readonly literal: boolean;
}

/**
 * The port specs of an EXPOSE as BuildKit sees them: words with variables are expanded with
 * the step's ARG/ENV (and split on blanks, as ProcessWords does); a word whose variables are
 * unknown offline (from an external base image) is skipped.
 */
export function exposedSpecs(model: DockerfileModel, ins: ExposeInstruction, step: Step | undefined, stage: Stage | undefined, escape: '\\' | '`'): ExposedWord[] {
  const out: ExposedWord[] = [];
  for (const word of ins.ports) {
    if (!word.raw.includes('$') && !word.raw.includes('"') && !word.raw.includes("'")) {
      out.push({ spec: word.raw, word, literal: true });
      continue;
    }
    if (step === undefined || stage === undefined) continue;
    const env = stepEnv(model, stage, step);
    const scan = scanWord(word.raw, env.lookup, escape);
    if (scan.result === undefined || (!env.baseKnown && scan.uses.some((u) => !u.defined))) continue;
    for (const spec of scan.result.split(/[ \t\r\n]+/)) if (spec !== '') out.push({ spec, word, literal: false });
  }
  return out;
}
