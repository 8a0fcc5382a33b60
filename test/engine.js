// Helpers for the slow test suites that drive the real engine started by scripts/engine.sh:
// Docker 20.10's embedded BuildKit through Debian's /usr/bin/docker client, and (when
// `engine.sh buildkit` ran) a standalone buildkitd through buildctl. Every call has a timeout
// that kills the whole process group, so a wedged build cannot hang a test run.
// See docs/engine.md for the API and how to start the engine by hand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
const DEFAULT_DOCKER = '/usr/bin/docker';
function nonEmpty(v) {
    return v === undefined || v === '' ? undefined : v;
}
/** Engine coordinates from the environment written by `scripts/engine.sh up` (.engine/env). */
export function engineInfo(env = process.env) {
    const dockerHost = nonEmpty(env.DOCKER_HOST);
    if (dockerHost === undefined)
        return undefined;
    return {
        dockerHost,
        docker: nonEmpty(env.STEVEDORE_DOCKER) ?? DEFAULT_DOCKER,
        buildkitHost: nonEmpty(env.BUILDKIT_HOST),
        buildctl: nonEmpty(env.STEVEDORE_BUILDCTL),
        bridgeGateway: nonEmpty(env.STEVEDORE_BRIDGE_GATEWAY),
    };
}
/** True when DOCKER_HOST is set and the daemon answers within 10 s. */
export function engineAvailable() {
    const info = engineInfo();
    if (info === undefined)
        return false;
    const r = spawnSync(info.docker, ['version', '--format', '{{.Server.Version}}'], {
        env: { ...process.env, DOCKER_HOST: info.dockerHost },
        timeout: 10_000,
        encoding: 'utf8',
    });
    return r.status === 0 && r.stdout.trim() !== '';
}
/**
 * Returns the engine or throws: slow suites must fail, not silently skip, when the engine they
 * need is missing. Call it in beforeAll.
 */
export function requireEngine() {
    const info = engineInfo();
    if (info === undefined) {
        throw new Error('slow test needs the real engine but DOCKER_HOST is not set: run `bash scripts/engine.sh up && source .engine/env` (or npm run test:all)');
    }
    if (!existsSync(info.docker))
        throw new Error(`docker client ${info.docker} not found: run scripts/install-deps.sh`);
    if (!engineAvailable()) {
        throw new Error(`engine at ${info.dockerHost} does not answer: run \`bash scripts/engine.sh up\` (log: .engine/dockerd.log)`);
    }
    return info;
}
/** True when a standalone buildkitd was started (`engine.sh buildkit`) and answers. */
export function buildctlAvailable() {
    const info = engineInfo();
    if (info?.buildkitHost === undefined || info.buildctl === undefined)
        return false;
    const r = spawnSync(info.buildctl, ['--addr', info.buildkitHost, 'debug', 'workers'], { timeout: 10_000 });
    return r.status === 0;
}
export function requireBuildctl() {
    const info = requireEngine();
    if (info.buildkitHost === undefined || info.buildctl === undefined || !buildctlAvailable()) {
        throw new Error('slow test needs standalone buildkitd: run `bash scripts/engine.sh buildkit && source .engine/env`');
    }
    return { ...info, buildkitHost: info.buildkitHost, buildctl: info.buildctl };
}
/**
 * Runs a command in its own process group; on timeout the whole group gets SIGKILL (the docker
 * client going away also cancels the build session in the daemon).
 */
export function runProcess(cmd, args, opts) {
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, {
            cwd: opts.cwd,
            env: { ...process.env, ...opts.env },
            detached: true,
            stdio: 'pipe',
        });
        let stdout = '';
        let stderr = '';
        let combined = '';
        let timedOut = false;
        child.stdout.setEncoding('utf8').on('data', (d) => {
            stdout += d;
            combined += d;
        });
        child.stderr.setEncoding('utf8').on('data', (d) => {
            stderr += d;
            combined += d;
        });
        // stdin is always a pipe (typed streams); closing it at once gives commands an empty stdin.
        child.stdin.end(opts.input ?? '');
        const timer = setTimeout(() => {
            timedOut = true;
            try {
                if (child.pid !== undefined)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                child.kill('SIGKILL');
            }
        }, opts.timeoutMs);
        child.on('error', (err) => {
            clearTimeout(timer);
            reject(new Error(`cannot start ${cmd}: ${err.message}`, { cause: err }));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({
                exitCode: code ?? 128,
                signal,
                timedOut,
                stdout,
                stderr,
                combined,
                durationMs: Math.round(performance.now() - started),
            });
        });
    });
}
function engineEnv(info, extra) {
    // DOCKER_CLI_HINTS/NO_COLOR keep the output free of tips and colour codes.
    return { DOCKER_HOST: info.dockerHost, NO_COLOR: '1', ...extra };
}
/** Any docker CLI call against the engine (e.g. `image inspect`, `rmi`). */
export function docker(args, opts) {
    const info = requireEngine();
    return runProcess(info.docker, args, { ...opts, env: engineEnv(info, opts.env) });
}
/** `docker build` with the engine's embedded BuildKit (or the classic builder). */
export async function dockerBuild(opts) {
    const info = requireEngine();
    if (opts.progress === 'rawjson') {
        throw new Error('docker 20.10 has no --progress=rawjson; use buildctlBuild() with a standalone buildkitd');
    }
    const argv = ['build', `--network=${opts.network ?? 'host'}`];
    if (opts.classic !== true)
        argv.push(`--progress=${opts.progress}`);
    if (opts.dockerfile !== undefined)
        argv.push('-f', opts.dockerfile);
    if (opts.tag !== undefined)
        argv.push('-t', opts.tag);
    if (opts.target !== undefined)
        argv.push('--target', opts.target);
    if (opts.noCache === true)
        argv.push('--no-cache');
    for (const [k, v] of Object.entries(opts.buildArgs ?? {}))
        argv.push('--build-arg', `${k}=${v}`);
    argv.push(...(opts.extraArgs ?? []), opts.context);
    const r = await runProcess(info.docker, argv, {
        timeoutMs: opts.timeoutMs,
        env: engineEnv(info, { DOCKER_BUILDKIT: opts.classic === true ? '0' : '1', ...opts.env }),
    });
    return { exitCode: r.exitCode, log: r.combined, durationMs: r.durationMs, timedOut: r.timedOut, argv };
}
/** `docker run --rm` of an image with arguments; the container is removed afterwards. */
export function dockerRun(image, args, opts) {
    const argv = ['run', '--rm', `--network=${opts.network === 'default' ? 'bridge' : (opts.network ?? 'host')}`];
    if (opts.entrypoint !== undefined)
        argv.push('--entrypoint', opts.entrypoint);
    if (opts.user !== undefined)
        argv.push('--user', opts.user);
    for (const [k, v] of Object.entries(opts.env ?? {}))
        argv.push('-e', `${k}=${v}`);
    argv.push(image, ...args);
    return docker(argv, { timeoutMs: opts.timeoutMs });
}
/** Removes images (ignores missing ones); use in afterAll for tags a test created. */
export async function removeImages(tags, timeoutMs = 60_000) {
    if (tags.length === 0)
        return;
    await docker(['rmi', '--force', ...tags], { timeoutMs });
}
let tagCounter = 0;
/** A tag unique to this process, so parallel suites never clobber each other's images. */
export function uniqueTag(name) {
    tagCounter += 1;
    return `stevedore-test/${name}:${process.pid}-${tagCounter}`;
}
/** `buildctl build --frontend dockerfile.v0` against the standalone buildkitd. */
export async function buildctlBuild(opts) {
    const info = requireBuildctl();
    const argv = [
        '--addr', info.buildkitHost, 'build', '--frontend', 'dockerfile.v0',
        '--local', `context=${opts.context}`, '--local', `dockerfile=${opts.dockerfileDir ?? opts.context}`,
        `--progress=${opts.progress}`,
    ];
    if (opts.filename !== undefined)
        argv.push('--opt', `filename=${opts.filename}`);
    if (opts.target !== undefined)
        argv.push('--opt', `target=${opts.target}`);
    if (opts.noCache === true)
        argv.push('--no-cache');
    for (const [k, v] of Object.entries(opts.buildArgs ?? {}))
        argv.push('--opt', `build-arg:${k}=${v}`);
    if (opts.output !== undefined)
        argv.push('--output', `type=oci,dest=${opts.output}`);
    argv.push(...(opts.extraArgs ?? []));
    const r = await runProcess(info.buildctl, argv, { timeoutMs: opts.timeoutMs, env: { NO_COLOR: '1', ...opts.env } });
    return { exitCode: r.exitCode, log: r.combined, durationMs: r.durationMs, timedOut: r.timedOut, argv };
}
