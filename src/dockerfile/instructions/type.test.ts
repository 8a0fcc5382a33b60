/**
 * @module dockerfile/instructions/type.test
 * Typing: each instruction's fields, flag validation per instruction, mounts, and the typed
 * errors BuildKit's instructions package raises, with positions.
 */
import { describe, expect, it } from 'vitest';
import { StevedoreError } from '../../errors.ts';
import { parse } from '../parse/parse.ts';
import type { Instruction } from '../types.ts';
import { typeInstructions } from './type.ts';

const typed = (text: string): Instruction[] => typeInstructions(parse(text, { file: 'Dockerfile' }));
const last = (text: string): Instruction => typed(text).at(-1)!;

function errorOf(text: string): StevedoreError {
  try {
    typed(text);
  } catch (e) {
    if (e instanceof StevedoreError) return e;
    throw e;
  }
  throw new Error('expected a typing error');
}

describe('typed instructions', () => {
  it('FROM with platform and stage name (words with ranges)', () => {
    const from = last('FROM --platform=$BUILDPLATFORM golang:1.23 AS Build\n');
    expect(from).toMatchObject({ keyword: 'FROM', image: { raw: 'golang:1.23' }, stageName: { raw: 'Build' }, platform: { raw: '$BUILDPLATFORM' } });
    if (from.keyword !== 'FROM') throw new Error('not FROM');
    expect(from.image.range.start).toMatchObject({ line: 1, column: 32 });
    expect(from.stageName!.range.start.column).toBe(47);
  });

  it('RUN shell and exec forms, mounts, network', () => {
    const run = last('FROM a\nRUN --mount=type=cache,target=/root/.cache/go-build,sharing=locked --mount=type=secret,id=npm,required --network=none go build ./...\n');
    expect(run).toMatchObject({
      keyword: 'RUN', form: 'shell', command: 'go build ./...', network: 'none',
      mounts: [
        { type: 'cache', target: '/root/.cache/go-build', sharing: 'locked', readonly: false },
        { type: 'secret', id: 'npm', required: true },
      ],
    });
    expect(last('FROM a\nRUN ["go", "build"]\n')).toMatchObject({ form: 'exec', command: ['go', 'build'] });
  });

  it('COPY/ADD sources, dest, flags', () => {
    const c = last('FROM a\nCOPY --from=build --chown=1000:1000 --link --exclude=*.md --exclude=x a b /dst/\n');
    expect(c).toMatchObject({ keyword: 'COPY', from: { raw: 'build' }, chown: '1000:1000', link: true, exclude: ['*.md', 'x'], dest: { raw: '/dst/' } });
    if (c.keyword !== 'COPY') throw new Error('not COPY');
    expect(c.sources.map((s) => [s.raw, s.range.start.column])).toEqual([['a', 71], ['b', 73]]);
    expect(last('FROM a\nADD --checksum=sha256:abc --keep-git-dir=true https://x/y /z\n')).toMatchObject({ checksum: 'sha256:abc', keepGitDir: true });
    expect(last('FROM a\nCOPY ["a b", "/c"]\n')).toMatchObject({ sources: [{ raw: 'a b' }], dest: { raw: '/c' } });
  });

  it('ENV pairs (new and legacy), multi-name ARG', () => {
    expect(last('FROM a\nENV A=1 B="two words"\n')).toMatchObject({ legacy: false, pairs: [{ key: 'A', value: '1' }, { key: 'B', value: '"two words"' }] });
    expect(last('FROM a\nENV A one two\n')).toMatchObject({ legacy: true, pairs: [{ key: 'A', value: 'one two' }] });
    expect(last('ARG A B=2 C=\nFROM a\n')).toMatchObject({ keyword: 'FROM' });
    expect(typed('ARG A B=2 C=\nFROM a\n')[0]).toMatchObject({ args: [{ name: 'A', value: undefined }, { name: 'B', value: '2' }, { name: 'C', value: '' }] });
  });

  it('HEALTHCHECK CMD / NONE, ONBUILD trigger', () => {
    expect(last('FROM a\nHEALTHCHECK --interval=5s CMD curl -f http://x/\n')).toMatchObject({ none: false, form: 'shell', command: 'curl -f http://x/' });
    expect(last('FROM a\nHEALTHCHECK NONE\n')).toMatchObject({ none: true });
    // BuildKit never reads NONE's flags
    expect(last('FROM a\nHEALTHCHECK --interval=bogus NONE\n')).toMatchObject({ none: true });
    expect(last('FROM a\nHEALTHCHECK --interval=1m30s --start-period=0 --retries=3 CMD ["true"]\n')).toMatchObject({ form: 'exec', command: ['true'] });
    expect(last('FROM a\nONBUILD COPY . /app\n')).toMatchObject({ keyword: 'ONBUILD', trigger: { keyword: 'COPY', dest: { raw: '/app' } } });
  });
});

describe('typing errors', () => {
  it.each([
    ['unknown instruction with suggestion', 'FROM a\nCOPPY a b\n', 'DOCKERFILE_UNKNOWN_INSTRUCTION', 2, 1, 'did you mean copy'],
    ['unknown flag', 'FROM a\nCOPY --chwon=1 a b\n', 'DOCKERFILE_UNKNOWN_FLAG', 2, 6, 'did you mean --chown'],
    ['flag on an instruction without flags', 'FROM a\nENV --x=1 A=b\n', 'DOCKERFILE_UNKNOWN_FLAG', 2, 5, '--x'],
    ['duplicate flag', 'FROM a\nCOPY --from=a --from=b x y\n', 'DOCKERFILE_INVALID_FLAG', 2, 15, 'duplicate'],
    ['bad boolean', 'FROM a\nCOPY --link=maybe x y\n', 'DOCKERFILE_INVALID_FLAG', 2, 6, 'true or false'],
    ['string flag without value', 'FROM a\nCOPY --chown x y\n', 'DOCKERFILE_INVALID_FLAG', 2, 6, 'needs a value'],
    ['bad mount type', 'FROM a\nRUN --mount=type=nfs,target=/x ls\n', 'DOCKERFILE_INVALID_MOUNT', 2, 5, 'unsupported mount type'],
    ['mount key without value', 'FROM a\nRUN --mount=target ls\n', 'DOCKERFILE_INVALID_MOUNT', 2, 5, 'key=value'],
    ['mount from with a variable', 'FROM a\nRUN --mount=from=$X,target=/x ls\n', 'DOCKERFILE_INVALID_MOUNT', 2, 5, 'variable expansion'],
    ['COPY with one argument', 'FROM a\nCOPY x\n', 'DOCKERFILE_MISSING_ARGUMENT', 2, 1, 'at least two arguments'],
    ['FROM with two arguments', 'FROM a b\n', 'DOCKERFILE_INVALID_INSTRUCTION', 1, 6, 'one or three'],
    ['bad stage name', 'FROM a AS 1st\n', 'DOCKERFILE_INVALID_STAGE_NAME', 1, 11, 'is not allowed'],
    ['SHELL in shell form', 'FROM a\nSHELL /bin/bash -c\n', 'DOCKERFILE_INVALID_INSTRUCTION', 2, 7, 'JSON form'],
    ['ONBUILD ONBUILD', 'FROM a\nONBUILD ONBUILD RUN x\n', 'DOCKERFILE_INVALID_INSTRUCTION', 2, 9, 'cannot wrap another ONBUILD'],
    ['ONBUILD FROM', 'FROM a\nONBUILD FROM b\n', 'DOCKERFILE_INVALID_INSTRUCTION', 2, 9, "isn't allowed"],
    ['WORKDIR without path', 'FROM a\nWORKDIR\n', 'DOCKERFILE_MISSING_ARGUMENT', 2, 8, 'exactly one'],
    ['HEALTHCHECK unknown type', 'FROM a\nHEALTHCHECK CONNECT x\n', 'DOCKERFILE_INVALID_INSTRUCTION', 2, 13, 'is unknown: use CMD or NONE'],
    ['HEALTHCHECK bad interval', 'FROM a\nHEALTHCHECK --interval=5 CMD x\n', 'DOCKERFILE_INVALID_FLAG', 2, 13, 'invalid duration'],
    ['HEALTHCHECK interval under 1ms', 'FROM a\nHEALTHCHECK --timeout=10us CMD x\n', 'DOCKERFILE_INVALID_FLAG', 2, 13, 'less than 1ms'],
    ['HEALTHCHECK negative retries', 'FROM a\nHEALTHCHECK --retries=-1 CMD x\n', 'DOCKERFILE_INVALID_FLAG', 2, 13, 'negative'],
    ['ARG without name', 'FROM a\nARG =x\n', 'DOCKERFILE_INVALID_INSTRUCTION', 2, 5, 'blank'],
  ])('%s', (_name, text, code, line, column, message) => {
    const e = errorOf(text);
    expect([e.code, e.location?.line, e.location?.column, e.location?.file]).toEqual([code, line, column, 'Dockerfile']);
    expect(e.message).toContain(message);
  });
});
