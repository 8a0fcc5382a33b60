/**
 * @module diagnose/signatures/registry_auth
 * Registry credentials are missing or rejected: `unauthorized: authentication required`, `failed
 * to authorize: failed to fetch oauth token … 401`, `no basic auth credentials`, `error getting
 * credentials` (a broken credential helper), `authorization status: 401`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const registryAuth = definePatternSignature({
  id: 'registry_auth',
  title: 'Registry credentials are missing, expired or rejected (401, credential helper errors)',
  patterns: [
    /unauthorized: (?:authentication required|incorrect username or password|HTTP Basic: Access denied|access to the requested resource is not authorized)/,
    /failed to authorize: /,
    /failed to fetch (?:oauth|anonymous) token/,
    /no basic auth credentials/,
    /error getting credentials/,
    /docker-credential-[a-z-]{1,40}[^\n]{0,60}(?:not found|executable file not found|resolves to executable)/,
    /authorization status: 401/,
    /denied: requested access to the resource is denied/,
    /401 Unauthorized[^\n]{0,200}(?:registry|\/v2\/|token)/,
  ],
  // A network failure while fetching a token is not a credentials problem (registry_unreachable, dns_failure).
  exclude: [/proxy\.golang|\/@v\//, /dial tcp|i\/o timeout|connection refused|no such host|TLS handshake timeout|connection reset/, /pull access denied|repository does not exist/],
  confidence: 0.88,
  summary: () =>
    'The registry rejected the request for lack of valid credentials: not logged in, an expired token, a credential helper that fails inside CI, or pushing to a repository you may not write.',
  fixes: () => [
    fix.command('docker login <registry>', 'log in to the registry the error names'),
    fix.command('cat ~/.docker/config.json', 'check "credsStore"/"credHelpers": a helper missing on this machine breaks every pull'),
  ],
});
