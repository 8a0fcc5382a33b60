/**
 * @module diagnose/signatures/builder_connection_lost
 * The client lost (or never had) its connection to the daemon or BuildKit: `Cannot connect to the
 * Docker daemon`, `error reading from server: EOF`, gRPC `Unavailable`, `transport is closing`,
 * `frontend grpc server closed unexpectedly`, `no active session`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const builderConnectionLost = definePatternSignature({
  id: 'builder_connection_lost',
  title: 'The connection to the Docker daemon / BuildKit was lost or never made',
  patterns: [
    /Cannot connect to the Docker daemon at /,
    /Is the docker daemon running\?/,
    /error reading from server: EOF/,
    /code = Unavailable desc = /,
    /transport is closing|the connection is shutting down|closing transport due to/,
    /frontend grpc server closed unexpectedly/,
    /failed to receive status: /,
    /no active session for [A-Za-z0-9]{1,100}/,
    /failed to dial gRPC|error during connect: /,
    /listing workers for Build: /,
    /buildkitd has no workers|failed to find driver/,
  ],
  confidence: 0.85,
  summary: () =>
    'The build client lost its connection to BuildKit (or could not reach the daemon at all). The daemon or the buildkitd container crashed or restarted (often killed for memory), or the remote builder is unreachable.',
  fixes: () => [
    fix.command('docker info && docker buildx ls', 'check that the daemon and the builder are up'),
    fix.command('journalctl -u docker --since "10 min ago"', 'look for a daemon crash or OOM kill at the time of the build'),
    fix.command('docker buildx rm <builder> && docker buildx create --use', 'recreate a broken docker-container builder'),
  ],
});
