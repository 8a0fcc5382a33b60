/**
 * @module dockerfile/testing/mutate
 * Deterministic mutation of Dockerfile texts for the fuzz and differential tests: a seeded
 * PRNG (mulberry32) and edits that favour the parser's sharp edges (escapes, quotes, heredoc
 * markers, directives, flags, odd whitespace).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { CONFORMANCE_DIR } from './conformance.ts';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '\\', '\n', '\r\n', '"', "'", '[', ']', '<<', '<<-', 'EOF', '\nEOF\n', '$', '${', '}', '${X:-', '${X#', '${X//a/', '--', '--mount=', '#', ' ', '\t',
  '`', '=', ',', 'ONBUILD ', 'FROM ', 'COPY --from=', 'ARG ', ' AS ', '3<<', '# escape=`\n', '# syntax=x\n', '\ufeff', '\u00a0', 'é', '😀', '\u0085', '\0',
  '[1]', '["a",', '\\\n', 'ENV ', 'LABEL ', 'HEALTHCHECK ', 'RUN ', '\\\\', '\v', '\f', '\r', '-- ', '"--x"', 'a=b', ' \\\n\n', '\n#c\n',
];

const SEEDS = [
  'FROM a AS b\nARG X=1\nRUN <<EOF\necho $X\nEOF\nCOPY --from=b <<F /f\nhi\nF\n',
  '# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN echo `\n  done\n',
  'ARG BASE=alpine\nFROM ${BASE:-x} AS s\nENV A=${BASE#al} B="x y"\nWORKDIR ${A}/w\nRUN --mount=type=cache,target=/c,from=s ls\nFROM s\n',
  'FROM a\nRUN 3<<X cat <<-"Y" <<Z\nx\nX\n\ty\n\tY\nz\nZ\nONBUILD RUN <<E\nx\nE\nHEALTHCHECK --interval=1s CMD ["a"]\n',
];

/** The 33 BuildKit fixtures plus our heredoc/directive/expansion snippets. */
export function corpus(): string[] {
  const dir = `${CONFORMANCE_DIR}testfiles/`;
  return [...readdirSync(dir).sort().map((d) => readFileSync(`${dir}${d}/Dockerfile`, 'utf8')), ...SEEDS];
}

export function mutate(text: string, rnd: () => number): string {
  let t = text;
  const ops = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(rnd() * (t.length + 1));
    switch (Math.floor(rnd() * 4)) {
      case 0:
        t = t.slice(0, at) + TOKENS[Math.floor(rnd() * TOKENS.length)]! + t.slice(at);
        break;
      case 1:
        t = t.slice(0, at) + t.slice(Math.min(t.length, at + 1 + Math.floor(rnd() * 20)));
        break;
      case 2: {
        const lines = t.split('\n');
        const i = Math.floor(rnd() * lines.length);
        lines.splice(Math.floor(rnd() * lines.length), 0, lines[i]!);
        t = lines.join('\n');
        break;
      }
      default:
        t = t.slice(0, at) + t.slice(at, at + 40).repeat(1 + Math.floor(rnd() * 3)) + t.slice(at + 40);
    }
  }
  return t;
}
