/**
 * @module goproxy/codes
 * Error codes owned by the goproxy part. Every code starts with GOPROXY_ and is registered here
 * with its CLI exit code and hint; errors.ts merges all parts' registries. The HTTP server maps
 * codes to statuses in one place (server/errors.ts); domain code never picks a status.
 */
import { defineCodes } from '../util/codes.ts';

export const GOPROXY_CODES = defineCodes({
  GOPROXY_INVALID_INPUT: { exit: 2, hint: 'check the input named in the message' },
  GOPROXY_BAD_REQUEST: { exit: 2, hint: 'the request path is not a valid GOPROXY path' },
  GOPROXY_NOT_FOUND: { exit: 1, hint: 'the module or version does not exist upstream' },
  GOPROXY_GONE: { exit: 1, hint: 'the upstream says the module or version is gone' },
  GOPROXY_UPSTREAM_FAILED: { exit: 1, hint: 'the upstream answered with an error; see the message' },
  GOPROXY_UPSTREAM_TIMEOUT: { exit: 1, hint: 'the upstream did not answer in time; raise timeouts.connect/read or check the network' },
  GOPROXY_UPSTREAM_UNAVAILABLE: { exit: 1, hint: 'the circuit breaker for this upstream is open after repeated failures; it retries after the cooldown' },
  GOPROXY_OFF: { exit: 1, hint: 'module lookup is disabled by upstream "off"' },
  GOPROXY_ZIP_INVALID: { exit: 1, hint: 'the upstream served a zip that breaks the module zip rules; nothing was stored' },
  GOPROXY_CHECKSUM_MISMATCH: { exit: 1, hint: 'the upstream content does not match the checksum database or go.sum: SECURITY, nothing was stored' },
  GOPROXY_SUMDB_INVALID: { exit: 1, hint: 'the checksum database answer failed verification' },
  GOPROXY_SUMDB_PROOF_FAILED: { exit: 1, hint: 'the checksum database record is not provably in its signed tree (bad tiles or a forged record): SECURITY, nothing was stored' },
  GOPROXY_SUMDB_FORK: { exit: 1, hint: 'the checksum database served a signed tree inconsistent with one verified before: SECURITY, nothing was stored; report it' },
  GOPROXY_PRIVATE_SUMDB: { exit: 1, hint: 'private modules (GOPRIVATE/GONOSUMDB) are never sent to the checksum database; set GONOSUMDB on the client' },
  GOPROXY_DIRECT_FAILED: { exit: 1, hint: 'the go command could not fetch the module directly; check credentials (netrc) and the repository' },
  GOPROXY_UNAUTHORIZED: { exit: 2, hint: 'send the configured basic or bearer credentials' },
  GOPROXY_OVERLOADED: { exit: 1, hint: 'too many concurrent requests; retry or raise limits.concurrency' },
  GOPROXY_NOT_CACHED: { exit: 1, hint: 'Disable-Module-Fetch was set and the artifact is not in the cache' },
  GOPROXY_STORE_FAILED: { exit: 1, hint: 'the storage backend failed; check disk space and permissions' },
  GOPROXY_BUNDLE_INVALID: { exit: 2, hint: 'the bundle is not a stevedore proxy export or is damaged' },
});
