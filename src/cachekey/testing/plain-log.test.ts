/**
 * @module cachekey/testing/plain-log.test
 * The harness's log reader on a real Docker 20.10 plain log (`__fixtures__/docker-20.10.log`) and a
 * real buildkitd v0.29 one (`__fixtures__/buildkitd-0.29.log`, buildctl --progress=plain, state B
 * of the heredoc scenario), whose 10-step stage pads the index (`[base  1/10]`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlainLog } from './plain-log.ts';

describe('parsePlainLog', () => {
  it('reads CACHED and executed steps of a Docker 20.10 log', () => {
    const log = readFileSync(new URL('./__fixtures__/docker-20.10.log', import.meta.url), 'utf8');
    expect(parsePlainLog(log).map((s) => `${s.stage} ${s.index}/${s.total} ${s.outcome}`)).toEqual([
      'builder 1/6 executed',
      'builder 2/6 cached',
      'builder 3/6 cached',
      'builder 4/6 cached',
      'builder 5/6 executed',
      'builder 6/6 executed',
      'stage-1 1/2 cached',
      'stage-1 2/2 executed',
    ]);
  });
  it('reads a buildkitd v0.29 log with padded step indexes', () => {
    const log = readFileSync(new URL('./__fixtures__/buildkitd-0.29.log', import.meta.url), 'utf8');
    const got = parsePlainLog(log).map((s) => `${s.stage} ${s.index}/${s.total} ${s.outcome}`);
    expect(got).toEqual([
      'base 1/10 executed',
      'base 2/10 cached',
      'base 3/10 cached',
      'base 4/10 cached',
      'base 5/10 cached',
      'base 6/10 cached',
      'base 7/10 cached',
      'base 8/10 executed',
      'base 9/10 executed',
      'base 10/10 executed',
      'final 2/5 cached',
      'final 3/5 cached',
      'final 4/5 cached',
      'final 5/5 cached',
      'gen 1/1 executed',
    ]);
  });
  it('names the stage of a single-stage build', () => {
    expect(parsePlainLog('#4 [2/3] RUN true\n#4 CACHED\n', 'stage-0')).toEqual([{ stage: 'stage-0', index: 2, total: 3, name: 'RUN true', outcome: 'cached' }]);
  });
});
