// GOPRIVATE routing: a private module is fetched by the proxy through `direct` (the real go
// command, git over HTTP from a loopback git http-backend), never sent to the public upstream
// or the checksum database; public modules still come from the upstream.
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureTree } from './testing/modules.ts';
import { startTreeServer, type TreeServer } from './testing/tree-server.ts';
import { startGitHttp, type GitHttpServer } from './testing/git-http.ts';
import { startTestProxy, type TestProxy } from './testing/harness.ts';
import { goEnv, runGo } from './testing/go-client.ts';

let dir: string;
let upstream: TreeServer;
let git: GitHttpServer;
let proxy: TestProxy;

function sh(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z' } });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stevedore-private-'));
  await writeFixtureTree(join(dir, 'tree'), [{ path: 'example.com/pub', version: 'v1.0.0', files: { 'go.mod': 'module example.com/pub\n\ngo 1.21\n', 'pub.go': 'package pub\n\nconst Name = "pub"\n' } }]);
  upstream = await startTreeServer(join(dir, 'tree'));
  // A private repository: module private.example.com/secret.git, tagged v1.2.0.
  const work = join(dir, 'work');
  await mkdir(work, { recursive: true });
  await writeFile(join(work, 'go.mod'), 'module private.example.com/secret.git\n\ngo 1.21\n');
  await writeFile(join(work, 'secret.go'), 'package secret\n\nconst Name = "secret"\n');
  sh(work, 'init', '-q', '-b', 'main');
  sh(work, 'add', '.');
  sh(work, 'commit', '-q', '-m', 'init');
  sh(work, 'tag', 'v1.2.0');
  await mkdir(join(dir, 'repos'), { recursive: true });
  sh(dir, 'clone', '-q', '--bare', work, join(dir, 'repos', 'secret.git'));
  git = await startGitHttp(join(dir, 'repos'));
  // The private host does not exist; git's insteadOf maps it to the loopback server, as a user
  // would map a private host to an internal mirror.
  await writeFile(join(dir, 'gitconfig'), `[url "${git.url}/"]\n\tinsteadOf = https://private.example.com/\n`);
  proxy = await startTestProxy({
    upstream: `${upstream.url},direct`,
    goprivate: 'private.example.com',
    // Public fixtures are not in any checksum database here; sum.golang.org stays configured (unreachable) to test the 403.
    gonosumdb: 'private.example.com,example.com',
    gosumdb: 'sum.golang.org',
    direct: { goBinary: '/usr/local/go/bin/go', cacheDir: join(dir, 'direct'), gitConfig: join(dir, 'gitconfig') },
    timeouts: { direct: '60s' },
  });
});

afterAll(async () => {
  await proxy.stop();
  await git.close();
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GOPRIVATE through direct', () => {
  it('builds an app needing a private (git over http) and a public module', async () => {
    const app = join(dir, 'app');
    await mkdir(app, { recursive: true });
    await writeFile(join(app, 'go.mod'), 'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/pub v1.0.0\n\tprivate.example.com/secret.git v1.2.0\n)\n');
    await writeFile(join(app, 'main.go'), 'package main\n\nimport (\n\t"example.com/pub"\n\tsecret "private.example.com/secret.git"\n)\n\nfunc main() { println(pub.Name, secret.Name) }\n');
    const home = join(dir, 'home');
    await mkdir(home, { recursive: true });
    // The client only needs to keep private names from the checksum database; it goes through the proxy.
    const env = goEnv(home, { GOPROXY: proxy.url, GONOSUMDB: 'private.example.com,example.com', GOSUMDB: 'off' });
    const r = await runGo(['build', '-o', join(app, 'app.bin'), '.'], { cwd: app, env });
    expect(r.code, r.stderr).toBe(0);
    // go strips the .git qualifier; git http-backend finds secret.git for /secret.
    expect(git.requests.some((q) => q.startsWith('POST /secret/git-upload-pack'))).toBe(true);
    expect([...upstream.hits.keys()].some((p) => p.includes('private'))).toBe(false);
    expect([...upstream.hits.keys()]).toContain('/example.com/pub/@v/v1.0.0.zip');
    expect(await proxy.proxy.store.stat('private.example.com/secret.git/@v/v1.2.0.zip')).toBeDefined();
  });

  it('refuses to send a private module name to the checksum database (403)', async () => {
    const r = await fetch(`${proxy.url}/sumdb/sum.golang.org/lookup/private.example.com/secret.git@v1.2.0`);
    expect(r.status).toBe(403);
  });

  it('answers 404 for a private module that does not exist', async () => {
    const r = await fetch(`${proxy.url}/private.example.com/nothere.git/@v/v1.0.0.info`);
    expect([404, 502]).toContain(r.status);
    expect([...upstream.hits.keys()].some((p) => p.includes('nothere'))).toBe(false);
  });
});
