/**
 * @module dockerfile/fuzz.test
 * Mutation fuzzing of the whole engine (parse → dump → typing → model → expansion) over the
 * BuildKit fixtures and our own heredoc/directive snippets. Deterministic: a seeded PRNG. Every
 * outcome must be a result or a StevedoreError (never another exception), and each case must
 * finish quickly — a hang guard against super-linear paths, not a benchmark.
 */
import { describe, expect, it } from 'vitest';
import { StevedoreError } from '../errors.ts';
import { buildModel, dump, expandWord, parse } from './index.ts';
import { corpus, mutate, prng } from './testing/mutate.ts';

type Outcome = 'ok' | 'error';

function exercise(text: string): Outcome {
  try {
    const ast = parse(text, { file: 'fuzz' });
    dump(ast);
    const model = buildModel(ast, { buildArgs: { X: 'a*b' } });
    for (const s of model.stages) for (const step of s.steps) JSON.stringify(step.expanded);
    for (const i of ast.instructions) expandWord(i.rest, { X: 'abc', EMPTY: '' });
    return 'ok';
  } catch (e) {
    if (e instanceof StevedoreError) {
      // Located errors must point into the file.
      if (e.location !== undefined && e.code !== 'DOCKERFILE_EXPANSION_FAILED') expect(e.location.line).toBeGreaterThan(0);
      return 'error';
    }
    throw new Error(`non-typed exception for input ${JSON.stringify(text.slice(0, 300))}: ${String(e)}`, { cause: e });
  }
}

describe('fuzzing the Dockerfile engine', () => {
  it('turns 3000 mutated files into results or typed errors, each within the hang guard', () => {
    const rnd = prng(0x5eed);
    const seeds = corpus();
    const counts: Record<Outcome, number> = { ok: 0, error: 0 };
    let slowest = 0;
    for (let n = 0; n < 3000; n++) {
      const input = mutate(seeds[Math.floor(rnd() * seeds.length)]!, rnd);
      const t0 = performance.now();
      counts[exercise(input)]++;
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      expect(ms).toBeLessThan(1000);
    }
    // Both outcomes must occur, or the mutator is not reaching the interesting paths.
    expect(counts.ok).toBeGreaterThan(300);
    expect(counts.error).toBeGreaterThan(300);
    expect(slowest).toBeLessThan(1000);
  });

  it('lenient mode never throws on a mutated file that parse() accepted, except when there is no FROM', () => {
    // The one unrecoverable class in lenient mode is DOCKERFILE_NO_FROM when no FROM survives
    // typing (none written, or every FROM malformed, e.g. `FROM a b`): there is no stage to
    // recover into. Everything else must come back as model.problems.
    const rnd = prng(0x1e41);
    const seeds = corpus();
    let withProblems = 0;
    let parsed = 0;
    for (let n = 0; n < 3000; n++) {
      const input = mutate(seeds[Math.floor(rnd() * seeds.length)]!, rnd);
      let ast: ReturnType<typeof parse>;
      try {
        ast = parse(input, { file: 'fuzz' });
      } catch {
        continue;
      }
      parsed++;
      try {
        const model = buildModel(ast, { buildArgs: { X: 'a*b' }, ...(n % 7 === 0 ? { target: 'nope' } : {}), lenient: true });
        for (const p of model.problems) if (p.range !== undefined) expect(p.range.start.line).toBeGreaterThan(0);
        if (model.problems.length > 0) withProblems++;
      } catch (e) {
        const typed = e instanceof StevedoreError && e.code === 'DOCKERFILE_NO_FROM' && e.message === 'the Dockerfile has no FROM instruction';
        if (!typed) throw new Error(`lenient threw for input ${JSON.stringify(input.slice(0, 300))}: ${String(e)}`, { cause: e });
      }
    }
    expect(parsed).toBeGreaterThan(1000);
    expect(withProblems).toBeGreaterThan(100);
  });

  it('is deterministic for a seed', () => {
    const a = prng(7);
    const b = prng(7);
    const s = corpus()[0]!;
    expect(mutate(s, a)).toBe(mutate(s, b));
  });
});

describe('hostile inputs', () => {
  const guard = (fn: () => unknown): unknown => {
    const t0 = performance.now();
    const out = fn();
    // Hang guards: linear work on these sizes takes milliseconds; a quadratic path takes minutes.
    expect(performance.now() - t0).toBeLessThan(10_000);
    return out;
  };

  it('deeply nested ${...} is a typed error, not a stack overflow', () => {
    const w = '${a:-'.repeat(9000) + 'x' + '}'.repeat(9000);
    expect(() => expandWord(w, {})).toThrow(StevedoreError);
    expect(() => buildModel(parse(`FROM a\nENV A=${w}\n`))).toThrow(/nested more than/);
  });

  it('many comment lines inside one continuation', () => {
    const ast = guard(() => parse('FROM a\nRUN a \\\n' + '# c\n'.repeat(200_000) + 'b\n')) as ReturnType<typeof parse>;
    expect(ast.instructions[1]!.args).toEqual(['a b']);
    expect(ast.instructions[1]!.range.end.line).toBe(200_003);
  });

  it('a stage with 30k ENV lines: the model does not copy the state per step', () => {
    const text = 'FROM a\n' + Array.from({ length: 30_000 }, (_, i) => `ENV K${i}=v${i}`).join('\n') + '\nRUN x\n';
    const model = guard(() => buildModel(parse(text))) as ReturnType<typeof buildModel>;
    const steps = model.stages[0]!.steps;
    expect(steps.at(-1)!.state.env).toHaveLength(30_000);
    expect(steps[10]!.state.env).toHaveLength(10);
  });

  it('lines of escapes, quotes and heredoc markers', () => {
    guard(() => parse('FROM a\nRUN ' + '\\'.repeat(60_000) + '\n'));
    expect(() => guard(() => parse('FROM a\nCOPY --chown="' + 'a'.repeat(60_000) + ' x y\n'))).not.toThrow();
    const many = guard(() => parse('FROM a\nRUN ' + '<<A '.repeat(5000) + '\n' + 'A\n'.repeat(5000))) as ReturnType<typeof parse>;
    expect(many.instructions[1]!.heredocs).toHaveLength(5000);
  });
});
