/**
 * @module cachekey/codes
 * Error codes owned by the cachekey part. Every code starts with CACHEKEY_ and is registered here
 * with its CLI exit code and hint; errors.ts merges all parts' registries.
 */
import { defineCodes } from '../util/codes.ts';

export const CACHEKEY_CODES = defineCodes({
  CACHEKEY_INVALID_INPUT: { exit: 2, hint: 'check the input named in the message' },
  CACHEKEY_IGNORE_BAD_PATTERN: { exit: 2, hint: 'fix the .dockerignore pattern named in the message (see docs/cachekey.md)' },
  CACHEKEY_GIT_FAILED: { exit: 2, hint: 'check that --context is inside a git repository and the revision exists (git rev-parse REV)' },
  CACHEKEY_CONTEXT_UNREADABLE: { exit: 2, hint: 'check that the context directory exists and is readable' },
  CACHEKEY_DOCKERFILE_MISSING: { exit: 2, hint: 'pass --dockerfile with a path relative to the context, or add a Dockerfile' },
  CACHEKEY_SNAPSHOT_INVALID: { exit: 2, hint: 'the snapshot file was not written by `stevedore explain --save-snapshot`; re-create it' },
});
