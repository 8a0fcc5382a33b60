/**
 * @module diagnose/signatures/npm_network
 * npm, yarn or pnpm could not reach the package registry: `npm ERR! network`, `ETIMEDOUT`,
 * `ECONNRESET`, `ECONNREFUSED`, `request to https://registry.npmjs.org/… failed`, yarn's
 * `trouble with your network connection`, pnpm `ERR_PNPM_META_FETCH_FAIL`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const npmNetwork = definePatternSignature({
  id: 'npm_network',
  title: 'npm/yarn/pnpm could not reach the package registry (ETIMEDOUT, ECONNRESET)',
  patterns: [
    /npm (?:ERR!|error) (?:network|code (?:ETIMEDOUT|ECONNRESET|ECONNREFUSED|ERR_SOCKET_TIMEOUT|EHOSTUNREACH|ENETUNREACH|EPROTO))/,
    /npm (?:ERR!|error) errno (?:ETIMEDOUT|ECONNRESET|ECONNREFUSED)/,
    /request to https?:\/\/[^\s]{1,300} failed, reason: /,
    /There appears to be trouble with your network connection/,
    /ERR_PNPM_(?:META_FETCH_FAIL|FETCH_\d{3}|TARBALL_FETCH)/,
    /ERR_SOCKET_TIMEOUT|ESOCKETTIMEDOUT/,
    /yarn[^\n]{0,100}(?:ETIMEDOUT|ECONNRESET|ESOCKETTIMEDOUT)/,
  ],
  confidence: 0.85,
  summary: () =>
    'The JavaScript package manager could not download from its registry (connection timed out, refused or reset). The build network or a proxy/registry setting is at fault, not package.json.',
  fixes: () => [
    fix.dockerfile('RUN --mount=type=cache,target=/root/.npm npm ci --prefer-offline --fetch-retries=5', 'cache downloads and retry transient failures'),
    fix.dockerfile('RUN npm config set registry https://registry.npmjs.org/', 'point npm at a reachable registry (or your mirror)'),
    fix.flag('--build-arg HTTPS_PROXY=http://proxy:3128', 'pass your network proxy to the build if one is required'),
  ],
});
