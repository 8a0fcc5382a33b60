// Robustness of the whole registry on hostile variants of real Dockerfiles: seeded mutations
// (inserted quotes, `$`, heredoc markers, continuations, ONBUILD, Windows paths; deleted spans)
// of the BuildKit parser testfiles and the examples. Whatever parses must lint without a
// rule-crash or a line ≤ 0, and its safe fix must re-parse and be idempotent; whatever does not
// parse must fail with a typed input error, never an untyped exception.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { parse } from '../dockerfile/index.ts';
import { isStevedoreError } from '../errors.ts';
import { lint, RULE_CRASH } from './engine.ts';
import { fixText } from './fix.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const conformance = join(root, '..', 'shared', 'conformance', 'buildkit-parser', 'testfiles');
const seeds: string[] = [];
for (const d of existsSync(conformance) ? readdirSync(conformance).sort() : []) {
  const p = join(conformance, d, 'Dockerfile');
  if (existsSync(p)) seeds.push(readFileSync(p, 'utf8'));
}
for (const e of existsSync(join(root, 'examples')) ? readdirSync(join(root, 'examples')).sort() : []) {
  for (const f of ['Dockerfile', 'Dockerfile.naive']) if (existsSync(join(root, 'examples', e, f))) seeds.push(readFileSync(join(root, 'examples', e, f), 'utf8'));
}

const PIECES = ['$', '${', '"', "'", '\\', '\n', '<<EOF\n', 'EOF\n', '--mount=type=cache,target=', 'ONBUILD ', 'C:\\\\x', ' && ', '|', '(', ')', '#', 'FROM ', 'ARG ', '=', ':', '@', ' AS ', 'USER ', 'go build ', 'COPY --from=', '`'];

it('lints 600 seeded mutations without crashes; fixes re-parse and are idempotent', () => {
  expect(seeds.length).toBeGreaterThan(10);
  let state = 7;
  const rand = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  let linted = 0;
  for (let i = 0; i < 600; i++) {
    let text = seeds[Math.floor(rand() * seeds.length)]!;
    for (let k = 1 + Math.floor(rand() * 4); k > 0; k--) {
      const at = Math.floor(rand() * text.length);
      text = rand() < 0.5 ? text.slice(0, at) + PIECES[Math.floor(rand() * PIECES.length)]! + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 5));
    }
    let findings;
    try {
      findings = lint(text, { file: 'Dockerfile' });
    } catch (e) {
      expect(isStevedoreError(e) && e.code !== 'INTERNAL', String(e)).toBe(true);
      continue;
    }
    linted++;
    for (const f of findings) {
      expect(f.rule, f.message).not.toBe(RULE_CRASH);
      expect(f.line).toBeGreaterThan(0);
    }
    const once = fixText(text, { file: 'Dockerfile' }).output;
    expect(() => parse(once, { file: 'Dockerfile' })).not.toThrow();
    expect(fixText(once, { file: 'Dockerfile' }).output).toBe(once);
  }
  expect(linted).toBeGreaterThan(100);
});
