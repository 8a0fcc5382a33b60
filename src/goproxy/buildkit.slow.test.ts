// Slow suite: a real BuildKit build (Docker 20.10's embedded BuildKit via test/engine.ts) of a
// tiny Go service whose go.mod requires a fixture module that only our proxy serves; the build
// reaches the proxy on 127.0.0.1 with --network=host and --build-arg GOPROXY=....
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerBuild, dockerRun, removeImages, requireEngine, uniqueTag } from '../../test/engine.ts';
import { goSumLines, writeFixtureTree } from './testing/modules.ts';
import { startTreeServer, type TreeServer } from './testing/tree-server.ts';
import { startTestProxy, type TestProxy } from './testing/harness.ts';

let dir: string | undefined;
let upstream: TreeServer | undefined;
let proxy: TestProxy | undefined;
const tags: string[] = [];

beforeAll(async () => {
  requireEngine();
  dir = await mkdtemp(join(tmpdir(), 'stevedore-bk-'));
  const written = await writeFixtureTree(join(dir, 'tree'), [
    { path: 'example.com/Greeting', version: 'v1.4.0', files: { 'go.mod': 'module example.com/Greeting\n\ngo 1.21\n', 'greeting.go': 'package greeting\n\nfunc Hello() string { return "hello from a proxied module" }\n' } },
  ]);
  upstream = await startTreeServer(join(dir, 'tree'));
  proxy = await startTestProxy({ upstream: upstream.url, listen: '127.0.0.1:0' });
  const ctx = join(dir, 'ctx');
  await mkdir(ctx, { recursive: true });
  await writeFile(join(ctx, 'go.mod'), 'module example.com/svc\n\ngo 1.21\n\nrequire example.com/Greeting v1.4.0\n');
  await writeFile(join(ctx, 'go.sum'), goSumLines(written));
  await writeFile(join(ctx, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\n\tgreeting "example.com/Greeting"\n)\n\nfunc main() { fmt.Println(greeting.Hello()) }\n');
  await writeFile(
    join(ctx, 'Dockerfile'),
    [
      'FROM golang:1.26 AS build',
      'ARG GOPROXY',
      'ENV GOPROXY=$GOPROXY GONOSUMDB=example.com GOFLAGS=-mod=mod CGO_ENABLED=0',
      'WORKDIR /src',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'COPY main.go ./',
      'RUN go build -o /out/svc .',
      'FROM golang:1.26',
      'COPY --from=build /out/svc /svc',
      'ENTRYPOINT ["/svc"]',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await removeImages(tags);
  await proxy?.stop();
  await upstream?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

describe('real BuildKit build through the proxy', () => {
  it('builds and runs a service whose dependency only the proxy serves', async () => {
    const tag = uniqueTag('stevedore-goproxy');
    tags.push(tag);
    const r = await dockerBuild({ context: join(dir!, 'ctx'), tag, progress: 'plain', network: 'host', buildArgs: { GOPROXY: proxy!.url }, noCache: true, timeoutMs: 600_000 });
    expect(r.exitCode, r.log).toBe(0);
    expect([...upstream!.hits.keys()]).toContain('/example.com/!greeting/@v/v1.4.0.zip');
    const run = await dockerRun(tag, [], { timeoutMs: 60_000 });
    expect(run.stdout.trim()).toBe('hello from a proxied module');
    const metrics = await (await fetch(`${proxy!.url}/metrics`)).text();
    expect(metrics).toMatch(/stevedore_goproxy_requests_total\{endpoint="zip",status="200"\} 1/);
  });
});
