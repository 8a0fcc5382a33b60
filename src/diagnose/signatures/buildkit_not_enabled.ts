/**
 * @module diagnose/signatures/buildkit_not_enabled
 * The classic builder ran a Dockerfile or flags that need BuildKit: `the --mount option requires
 * BuildKit`, `Dockerfile parse error … Unknown flag: mount` from the daemon, `--secret`/`--ssh`
 * needing BuildKit, or buildx missing when BuildKit is requested.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const buildkitNotEnabled = definePatternSignature({
  id: 'buildkit_not_enabled',
  title: 'BuildKit-only syntax or flags were used with the classic builder (DOCKER_BUILDKIT=0)',
  patterns: [
    /requires BuildKit/,
    /Refer to https:\/\/docs\.docker\.com\/go\/buildkit\//,
    /Error response from daemon: [Dd]ockerfile parse error (?:on )?line \d{1,6}: [Uu]nknown flag: /,
    /BuildKit is (?:required|enabled but the buildx component is missing)/,
    /is not a docker command[^\n]{0,100}buildx|'buildx' is not a docker command/,
    /only supported with BuildKit|not supported (?:by|without) (?:the )?(?:legacy builder|BuildKit)/,
  ],
  confidence: 0.93,
  adjust: (h) => (/buildx/.test(h.line.text) ? 0.85 : 0.93),
  summary: () =>
    'The build ran on the classic (legacy) builder, which does not support BuildKit features such as RUN --mount, --secret, --ssh or COPY --link. Enable BuildKit (the default since Docker 23) or install buildx.',
  fixes: () => [
    fix.env('DOCKER_BUILDKIT=1', 'enable BuildKit for docker build'),
    fix.command('docker buildx build .', 'or build with buildx, which always uses BuildKit'),
    fix.file('{ "features": { "buildkit": true } }', 'enable BuildKit by default in /etc/docker/daemon.json'),
  ],
});
