/**
 * @module cachekey/testing/scenarios
 * The change scenarios of the prediction harness: one scripted change each over the `multi`
 * fixture (`../__fixtures__/multi`, busybox-only steps, seconds per build) and the repository's
 * `examples/greeter` (a real Go build). New content carries a per-run nonce so no earlier build
 * in the engine's long-lived cache can satisfy state B by accident.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, chmod, mkdir, readFile, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scenario } from './harness.ts';

const MULTI = new URL('../__fixtures__/multi', import.meta.url).pathname;
const GREETER = new URL('../../../examples/greeter', import.meta.url).pathname;
const MULTI_BASES = ['alpine:3.20'];
const GREETER_BASES = ['golang:1.26', 'gcr.io/distroless/static-debian12:nonroot'];

async function editDockerfile(dir: string, from: string, to: string): Promise<void> {
  const p = join(dir, 'Dockerfile');
  const text = await readFile(p, 'utf8');
  if (!text.includes(from)) throw new Error(`scenario bug: ${JSON.stringify(from)} not in Dockerfile`);
  await writeFile(p, text.replace(from, to));
}

/**
 * The engine is shared with other suites that build `examples/greeter` with `--no-cache`;
 * BuildKit merges identical vertices of concurrent builds, and a merged vertex with IgnoreCache
 * re-executes for everyone (observed: `WORKDIR /src` executed in back-to-back identical builds).
 * A per-run first step makes this suite's greeter chain its own. It is part of both A and B.
 */
const isolateGreeter = (d: string, n: string): Promise<void> =>
  editDockerfile(d, 'FROM golang:1.26 AS builder\n', `FROM golang:1.26 AS builder\nRUN echo ${n} > /.stevedore-harness-run\n`);

/**
 * The same for `multi`, for another reason: the engine's cache outlives test runs, so a state B
 * built by an earlier run (e.g. `WORKDIR /app2`) would be CACHED now. A per-run first step in the
 * `base` chain (shifting its step numbers by one) and a per-run file name under src/ make every
 * run's states new.
 */
const isolateMulti = async (d: string, n: string): Promise<void> => {
  await editDockerfile(d, 'FROM ${BASE} AS base\n', `FROM \${BASE} AS base\nRUN echo ${n} > /.stevedore-harness-run\n`);
  // Content keys match any older record with the same bytes: `/listing` (ls -R /src) must be
  // new per run too, so `COPY --from=base /listing` resolves against this run's A only.
  await writeFile(join(d, 'src', `run-${n}`), n);
};

/** Where `COPY --from=gen /gen.out` lands: gen's output never changes, so it is a content hit. */
const GEN_HITS = { 'final 2': 'cached', 'final 3': 'cached' } as const;

export function scenarios(baseTag: () => { tag: string; fromId: string; toId: string }): Scenario[] {
  return table(baseTag).map(isolated);
}

/** The `multi` fixture and its base images, for scenario tables kept in other files. */
export const MULTI_FIXTURE = { example: MULTI, baseImages: MULTI_BASES } as const;
export { editDockerfile };

/** Gives a `multi` scenario its per-run isolation (see isolateMulti). */
export function isolated(s: Scenario): Scenario {
  if (s.example !== MULTI) return s;
  const own = s.prepare;
  return { ...s, prepare: async (d: string, n: string) => { await isolateMulti(d, n); await own?.(d, n); } };
}

function table(baseTag: () => { tag: string; fromId: string; toId: string }): Scenario[] {
  return [
    {
      name: 'edit a source file under COPY . /src',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d, n) => appendFile(join(d, 'src/main.go'), `// ${n}\n`),
      // ls -R lists names only: an edit keeps /listing byte-identical, so COPY --from=base hits.
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    {
      name: 'edit go.sum',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d, n) => appendFile(join(d, 'go.sum'), `example.com/dep v1.0.0/go.mod h1:${n}=\n`),
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    { name: 'touch only (mtime)', example: MULTI, baseImages: MULTI_BASES, viaSnapshot: true, change: (d) => utimes(join(d, 'src/main.go'), 1_500_000_000, 1_500_000_000), warnings: ['TRANSFER_ONLY'] },
    {
      name: 'chmod +x a source file',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d) => chmod(join(d, 'src/helper.go'), 0o755),
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    { name: 'add a file matched by .dockerignore', example: MULTI, baseImages: MULTI_BASES, change: (d, n) => writeFile(join(d, `debug-${n}.log`), n) },
    {
      name: 'add a file matched by the *.txt wildcard',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d, n) => writeFile(join(d, `c-${n}.txt`), n),
      maybe: { ...GEN_HITS, 'final 4': 'executed', 'final 5': 'executed' },
    },
    {
      name: 'rename a file matched by the wildcard',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d, n) => rename(join(d, 'b.txt'), join(d, `b-${n}.txt`)),
      maybe: { ...GEN_HITS, 'final 4': 'executed', 'final 5': 'executed' },
    },
    {
      name: 'change a used build arg',
      example: MULTI, baseImages: MULTI_BASES,
      buildArgsB: { MODE: 'debug-{nonce}' },
      change: () => undefined,
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    {
      name: 'change a declared but unreferenced build arg (still env of later RUNs)',
      example: MULTI, baseImages: MULTI_BASES,
      buildArgsB: { FLAVOR: 'spicy-{nonce}' },
      change: () => undefined,
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    { name: 'pass an undeclared build arg', example: MULTI, baseImages: MULTI_BASES, buildArgsB: { NOT_DECLARED: 'x' }, change: () => undefined },
    {
      name: 'add an unused ENV before RUN',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d, n) => editDockerfile(d, 'ARG FLAVOR=plain\n', `ARG FLAVOR=plain\nENV UNUSED_${n.slice(0, 8)}=1\n`),
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    {
      name: 'reorder two instructions',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d) => editDockerfile(d, 'COPY go.mod go.sum ./\nRUN cat go.mod go.sum > /deps.txt\nCOPY *.txt ./notes/\n', 'COPY *.txt ./notes/\nCOPY go.mod go.sum ./\nRUN cat go.mod go.sum > /deps.txt\n'),
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    {
      name: 'change the base image (re-tag a local image)',
      example: MULTI, baseImages: MULTI_BASES,
      buildArgsA: { BASE: 'PLACEHOLDER' },
      change: () => {
        const b = baseTag();
        execFileSync('/usr/bin/docker', ['tag', b.toId, b.tag], { stdio: 'ignore' });
      },
      images: () => {
        const b = baseTag();
        return { from: { [b.tag]: b.fromId }, to: { [b.tag]: b.toId } };
      },
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    {
      name: 'change the cache mount id (in the key on BuildKit v0.8)',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d) => editDockerfile(d, 'id=listcache', 'id=othercache'),
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    { name: 'change --target to an earlier stage', example: MULTI, baseImages: MULTI_BASES, targetB: 'gen', change: () => undefined },
    { name: 'edit an instruction of an unreachable stage', example: MULTI, baseImages: MULTI_BASES, change: (d) => editDockerfile(d, 'COPY unused/ /u/', 'COPY unused/ /u2/') },
    {
      name: 'edit a file that only an unreachable stage names (still in COPY . /src)',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d, n) => appendFile(join(d, 'unused/u.txt'), n),
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    { name: 'edit the bind-mounted config.json', example: MULTI, baseImages: MULTI_BASES, change: (d, n) => writeFile(join(d, 'config.json'), `{"level": 2, "n": "${n}"}\n`), maybe: { ...GEN_HITS, 'final 4': 'cached' } },
    { name: 'comment-only Dockerfile edit', example: MULTI, baseImages: MULTI_BASES, change: (d) => editDockerfile(d, '# Harness fixture', '# Edited harness fixture') },
    { name: 'add a LABEL before RUN', example: MULTI, baseImages: MULTI_BASES, change: (d) => editDockerfile(d, 'RUN echo "$MODE"', 'LABEL x=y\nRUN echo "$MODE"') },
    {
      name: 'SHELL set to the default shell',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d) => editDockerfile(d, 'ARG MODE=release\n', 'ARG MODE=release\nSHELL ["/bin/sh", "-c"]\n'),
    },
    { name: 'shell form to the equivalent exec form', example: MULTI, baseImages: MULTI_BASES, change: (d) => editDockerfile(d, 'RUN cat /gen.out > /gen.copy', 'RUN ["/bin/sh", "-c", "cat /gen.out > /gen.copy"]') },
    {
      name: 'change WORKDIR',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d) => editDockerfile(d, 'WORKDIR /app', 'WORKDIR /app2'),
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    {
      name: 'USER root made explicit',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d) => editDockerfile(d, 'ARG FLAVOR=plain\n', 'ARG FLAVOR=plain\nUSER root\n'),
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    {
      name: 'delete a source file',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d) => rm(join(d, 'src/helper.go')),
      maybe: { ...GEN_HITS, 'final 4': 'executed', 'final 5': 'executed' },
    },
    {
      name: 'add an empty directory',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d, n) => mkdir(join(d, 'src', `empty-${n}`)),
      maybe: { ...GEN_HITS, 'final 4': 'executed', 'final 5': 'executed' },
    },
    {
      name: 'add a symlink',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d, n) => symlink('main.go', join(d, 'src', `link-${n}`)),
      maybe: { ...GEN_HITS, 'final 4': 'executed', 'final 5': 'executed' },
    },
    {
      name: 'change an ENV-like ARG default in the Dockerfile',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d) => editDockerfile(d, 'ARG MODE=release', 'ARG MODE=staging'),
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    {
      name: 'add --chown to a COPY',
      example: MULTI, baseImages: MULTI_BASES,
      change: (d) => editDockerfile(d, 'COPY *.txt ./notes/', 'COPY --chown=1000:1000 *.txt ./notes/'),
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    {
      name: 'same size and mtime, different content (stale transfer risk)',
      example: MULTI, baseImages: MULTI_BASES,
      viaSnapshot: true,
      prepare: (d) => utimes(join(d, 'a.txt'), 1_600_000_000, 1_600_000_000),
      change: async (d) => {
        const p = join(d, 'a.txt');
        await writeFile(p, 'note A\n');
        await utimes(p, 1_600_000_000, 1_600_000_000);
      },
      warnings: ['STALE_RISK'],
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
      // Known BuildKit quirk (moby/buildkit#2592, #4817, #4950, moby/moby#51518): the context
      // transfer re-sends a file only when size/mtime/mode/uid/gid change, so the old bytes are
      // reused and the content-changed COPY is a stale CACHED hit. We predict what the content
      // says (rebuilt) and raise STALE_RISK, which is what the user needs to know.
      deviations: ['base 6', 'base 7', 'base 8', 'base 9', 'gen 1'].map((step) => ({
        step,
        predicted: 'rebuilt',
        actual: 'cached',
        why: 'stale context transfer: same size+mtime+mode, BuildKit keeps the old bytes (#2592)',
      })),
    },
    {
      name: 'greeter: edit app.go (a real Go build; the binary changes)',
      example: GREETER, baseImages: GREETER_BASES,
      prepare: isolateGreeter,
      change: (d, n) => appendFile(join(d, 'app.go'), `\n// ${n}\n`),
      maybe: { 'stage-1 2': 'executed' },
    },
    { name: 'greeter: touch every Go file', example: GREETER, baseImages: GREETER_BASES, prepare: isolateGreeter, viaSnapshot: true, change: async (d) => { for (const f of ['app.go', 'main.go']) await utimes(join(d, f), 1_400_000_000, 1_400_000_000); }, warnings: ['TRANSFER_ONLY'] },
    {
      name: 'greeter: change the VERSION build arg',
      example: GREETER, baseImages: GREETER_BASES,
      prepare: isolateGreeter,
      // The binary is reproducible (-trimpath): a value built in an earlier run would be a content hit.
      buildArgsB: { VERSION: 'v9-{nonce}' },
      change: () => undefined,
      maybe: { 'stage-1 2': 'executed' },
    },
  ];
}
