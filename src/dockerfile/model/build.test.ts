/**
 * @module dockerfile/model/build.test
 * The semantic model: ARG scoping (global, re-declared, defaults, --build-arg, automatic
 * platform ARGs), ENV/USER/WORKDIR/SHELL through stages and inheritance, the stage graph,
 * target and reachability, and the typed errors.
 */
import { describe, expect, it } from 'vitest';
import { StevedoreError } from '../../errors.ts';
import { parse } from '../parse/parse.ts';
import type { BuildOptions, DockerfileModel } from '../types.ts';
import { buildModel } from './build.ts';

const model = (text: string, o: BuildOptions = {}): DockerfileModel => buildModel(parse(text, { file: 'Dockerfile' }), o);

function errorOf(text: string, o: BuildOptions = {}): StevedoreError {
  try {
    model(text, o);
  } catch (e) {
    if (e instanceof StevedoreError) return e;
    throw e;
  }
  throw new Error('expected a model error');
}

describe('ARG scope', () => {
  const text = [
    'ARG GO=1.22',
    'ARG BASE=golang:${GO}',
    'FROM ${BASE} AS build',
    'RUN echo $GO',
    'ARG GO',
    'ARG LOCAL=x-$GO',
    'ENV LOCAL=env-wins',
    'RUN echo',
    'FROM --platform=$BUILDPLATFORM alpine',
    'ARG TARGETARCH',
    'ARG GO=other',
    'RUN echo',
    '',
  ].join('\n');

  it('global ARGs are visible in FROM, including values computed from other ARGs', () => {
    const m = model(text);
    expect(m.globalArgs.map((a) => [a.name, a.value])).toEqual([['GO', '1.22'], ['BASE', 'golang:1.22']]);
    expect(m.stages[0]!.base).toEqual({ kind: 'image', ref: 'golang:1.22' });
  });

  it('inside a stage a global ARG is visible only after `ARG NAME`, which takes the global value', () => {
    const s = model(text).stages[0]!;
    expect(s.steps[0]!.state.args.has('GO')).toBe(false);
    expect(s.steps[2]!.state.args.get('GO')).toBe('1.22');
    expect(s.steps[2]!.expanded).toEqual({ args: ['LOCAL=x-1.22'] });
    // ENV overrides an ARG of the same name in expansion; both are kept in the state
    expect(s.steps[4]!.state.env).toEqual([['LOCAL', 'env-wins']]);
  });

  it('--build-arg overrides defaults, globally and in stages', () => {
    const m = model(text, { buildArgs: { GO: '1.23' } });
    expect(m.stages[0]!.base).toEqual({ kind: 'image', ref: 'golang:1.23' });
    expect(m.stages[1]!.steps[2]!.state.args.get('GO')).toBe('1.23');
  });

  it('automatic platform ARGs: global for FROM, declared to be used in a stage', () => {
    const m = model(text, { buildPlatform: 'linux/arm64', targetPlatform: 'linux/arm/v7' });
    expect(m.stages[1]!.platform).toBe('linux/arm64');
    expect(m.stages[1]!.steps[1]!.state.args.get('TARGETARCH')).toBe('arm');
    expect(m.stages[1]!.steps[2]!.state.args.get('GO')).toBe('other');
  });

  it('predefined proxy ARGs come from --build-arg without a declaration', () => {
    const m = model('FROM a\nRUN x\n', { buildArgs: { HTTPS_PROXY: 'http://p:3128' } });
    expect(m.stages[0]!.steps[0]!.state.args.get('HTTPS_PROXY')).toBe('http://p:3128');
  });
});

describe('state through a stage and inheritance', () => {
  const text = [
    'FROM alpine AS base',
    'ENV A=1 B=$A',
    'ENV A=2',
    'WORKDIR /src',
    'WORKDIR app/../cmd',
    'USER nobody',
    'SHELL ["/bin/bash", "-c"]',
    'FROM base AS child',
    'RUN true',
    '',
  ].join('\n');

  it('ENV values expand with the state before the instruction; re-declaration replaces in place', () => {
    const s = model(text).stages[0]!;
    expect(s.steps[0]!.expanded).toEqual({ env: ['A=1', 'B='] });
    expect(s.steps[2]!.state.env).toEqual([['A', '2'], ['B', '']]);
  });

  it('relative WORKDIR resolves against the previous one', () => {
    expect(model(text).stages[0]!.steps[3]!.expanded).toEqual({ workdir: '/src/cmd' });
  });

  it('a stage FROM another stage inherits env, user, workdir and shell', () => {
    const child = model(text).stages[1]!;
    expect(child.base).toEqual({ kind: 'stage', stage: 0 });
    expect(child.steps[0]!.state).toMatchObject({ env: [['A', '2'], ['B', '']], user: 'nobody', workdir: '/src/cmd', shell: ['/bin/bash', '-c'] });
  });
});

describe('stage graph', () => {
  const text = [
    'FROM golang AS deps',
    'FROM deps AS build',
    'COPY --from=0 /go /go',
    'RUN --mount=type=bind,from=tools,target=/t make',
    'FROM alpine AS tools',
    'FROM scratch AS unused',
    'COPY --from=nginx:1 /etc/nginx /x',
    'FROM scratch',
    'COPY --from=build /app /app',
    '',
  ].join('\n');

  it('records FROM, COPY --from (name and index) and mount edges; images are external refs', () => {
    const m = model(text);
    expect(m.stages[1]!.dependsOn).toEqual([
      { stage: 0, via: 'from', instructionIndex: 1 },
      { stage: 0, via: 'copy', instructionIndex: 2 },
      { stage: 2, via: 'mount', instructionIndex: 3 },
    ]);
    expect(m.stages[3]!.externalRefs).toEqual(['nginx:1']);
    expect(m.stages.map((s) => s.base.kind)).toEqual(['image', 'stage', 'image', 'scratch', 'scratch']);
  });

  it('target defaults to the last stage; reachability follows the edges', () => {
    const m = model(text);
    expect(m.target).toBe(4);
    expect(m.stages.map((s) => s.reachable)).toEqual([true, true, true, false, true]);
  });

  it('a duplicate stage name is not an error: the later stage wins, FROM sees the latest earlier one', () => {
    const m = model('FROM a AS x\nFROM b AS X\nFROM x\nCOPY --from=x / /\nFROM c AS x\n');
    expect(m.stages[2]!.base).toEqual({ kind: 'stage', stage: 1 });
    expect(m.stages[2]!.dependsOn.map((d) => d.stage)).toEqual([1, 3]);
    expect(model('FROM a AS x\nFROM x\nFROM a AS y\n', { target: 'X' }).target).toBe(0);
  });

  it('FROM compares the name case-sensitively with the lower-cased stage names, as BuildKit does', () => {
    expect(model('FROM a AS build\nFROM Build\n').stages[1]!.base).toEqual({ kind: 'image', ref: 'Build' });
  });

  it('COPY --from may name a later stage', () => {
    expect(model('FROM a\nCOPY --from=later / /\nFROM b AS later\n', { target: '' }).stages[0]!.dependsOn).toEqual([{ stage: 1, via: 'copy', instructionIndex: 1 }]);
  });

  it('--target selects a stage by name (case-insensitive)', () => {
    const m = model(text, { target: 'DEPS' });
    expect(m.target).toBe(0);
    expect(m.stages.map((s) => s.reachable)).toEqual([true, false, false, false, false]);
  });

  it.each([
    ['unknown target', text, { target: 'nope' }, 'DOCKERFILE_UNKNOWN_STAGE', undefined],
    ['stage index out of range', 'FROM a\nCOPY --from=3 x y\n', {}, 'DOCKERFILE_UNKNOWN_STAGE', 2],
    ['a stage copying from itself', 'FROM a AS x\nCOPY --from=x a b\n', {}, 'DOCKERFILE_STAGE_CYCLE', 2],
    ['a cycle through two stages', 'FROM a AS x\nCOPY --from=y a b\nFROM b AS y\nCOPY --from=x a b\n', {}, 'DOCKERFILE_STAGE_CYCLE', 4],
    ['instruction before FROM', 'RUN x\nFROM a\n', {}, 'DOCKERFILE_NO_FROM', 1],
    ['blank base after expansion', 'ARG IMG\nFROM $IMG\n', {}, 'DOCKERFILE_BASE_NAME_EMPTY', 2],
    ['blank base from an undeclared name', 'FROM ${NOPE}\n', {}, 'DOCKERFILE_BASE_NAME_EMPTY', 1],
    ['bad expansion in COPY', 'FROM a\nCOPY ${X:?need X} /y\n', {}, 'DOCKERFILE_EXPANSION_FAILED', 2],
  ])('%s', (_name, t, o, code, line) => {
    const e = errorOf(t, o);
    expect([e.code, e.location?.line]).toEqual([code, line]);
  });
});

describe('which words are expanded', () => {
  const text = [
    'ARG REG=docker.io',
    'ARG PLAT=linux/arm64',
    'FROM --platform=$PLAT $REG/library/golang AS build',
    'ARG U=app P=8080 D=/data SIG=SIGTERM SRC=src DEST=/app OWNER=1000 MODE=0755 CACHE=/root/.cache',
    'COPY --chown=$OWNER --chmod=$MODE ${SRC}/ $DEST/',
    'USER $U',
    'EXPOSE $P ${P}/udp',
    'VOLUME $D',
    'LABEL owner=$U',
    'STOPSIGNAL $SIG',
    'RUN --mount=type=cache,target=$CACHE echo $U',
    'CMD echo $U',
    'ENTRYPOINT ["echo", "$U"]',
    'HEALTHCHECK CMD echo $U',
    'ONBUILD RUN echo $U',
    'COPY --from=${U}img $SRC $DEST',
    '',
  ].join('\n');

  it('expands FROM, --platform, COPY and its flags, USER, EXPOSE, VOLUME, LABEL, STOPSIGNAL and mount options', () => {
    const s = model(text).stages[0]!;
    expect(s.base).toEqual({ kind: 'image', ref: 'docker.io/library/golang' });
    expect(s.platform).toBe('linux/arm64');
    expect(s.externalRefs).toEqual(['appimg']);
    expect(s.steps.map((st) => st.expanded)).toEqual([
      { args: ['U=app', 'P=8080', 'D=/data', 'SIG=SIGTERM', 'SRC=src', 'DEST=/app', 'OWNER=1000', 'MODE=0755', 'CACHE=/root/.cache'] },
      { sources: ['src/'], dest: '/app/', chown: '1000', chmod: '0755' },
      { user: 'app' },
      { ports: ['8080', '8080/udp'] },
      { paths: ['/data'] },
      { labels: ['owner=app'] },
      { signal: 'SIGTERM' },
      { mountTargets: ['/root/.cache'], mountFrom: [] },
      {},
      {},
      {},
      {},
      { sources: ['src'], dest: '/app', from: 'appimg' },
    ]);
  });

  it('resolves mount targets as BuildKit mounts them', () => {
    const m = model('FROM a\nWORKDIR /src\nRUN --mount=type=cache,target=.cache --mount=type=secret,id=npmrc --mount=type=bind,target=/b,from=a x\n');
    expect(m.stages[0]!.steps[1]!.expanded).toEqual({ mountTargets: ['/src/.cache', '/run/secrets/npmrc', '/b'], mountFrom: ['a'] });
  });

  it('does not expand RUN, CMD, ENTRYPOINT, HEALTHCHECK or ONBUILD text', () => {
    const steps = model(text).stages[0]!.steps;
    expect(steps[7]!.instruction).toMatchObject({ keyword: 'RUN', command: 'echo $U' });
    expect(steps[8]!.instruction).toMatchObject({ keyword: 'CMD', command: 'echo $U' });
    expect(steps[9]!.instruction).toMatchObject({ keyword: 'ENTRYPOINT', command: ['echo', '$U'] });
    expect(steps[11]!.instruction).toMatchObject({ keyword: 'ONBUILD', trigger: { command: 'echo $U' } });
  });
});
