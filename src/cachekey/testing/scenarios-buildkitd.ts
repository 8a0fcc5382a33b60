/**
 * @module cachekey/testing/scenarios-buildkitd
 * Scenarios only current BuildKit can build (Docker 20.10's embedded v0.8 frontend rejects
 * them): a heredoc body edit and a `COPY --link` whose source changes. Both run on the `multi`
 * fixture with its per-run isolation; state A gets the instruction in `prepare`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scenario } from './harness.ts';
import { MULTI_FIXTURE, editDockerfile, isolated } from './scenarios.ts';

/** `COPY --from=gen /gen.out` in final: gen's output is unchanged, so BuildKit matches it by content. */
const GEN_HITS = { 'final 2': 'cached', 'final 3': 'cached' } as const;

export function buildkitdOnlyScenarios(): Scenario[] {
  const table: Scenario[] = [
    {
      name: 'edit a heredoc body (RUN <<EOF)',
      ...MULTI_FIXTURE,
      prepare: (d) => editDockerfile(d, 'RUN echo "$MODE" > /mode\n', 'RUN echo "$MODE" > /mode\nRUN <<EOF\necho one > /heredoc.out\nEOF\n'),
      change: (d) => editDockerfile(d, 'echo one > /heredoc.out', 'echo two > /heredoc.out'),
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
    {
      name: 'edit the source of a COPY --link',
      ...MULTI_FIXTURE,
      prepare: async (d) => {
        await writeFile(join(d, 'linked.cfg'), 'v1\n');
        await editDockerfile(d, 'LABEL org.example.fixture=multi\n', 'COPY --link linked.cfg /etc/linked.cfg\nLABEL org.example.fixture=multi\n');
      },
      change: (d, n) => writeFile(join(d, 'linked.cfg'), `v2 ${n}\n`),
      // final 4 copies base's `ls -R` listing: a content edit leaves the names, so the bytes match.
      maybe: { ...GEN_HITS, 'final 4': 'cached', 'final 5': 'cached' },
    },
  ];
  return table.map(isolated);
}
