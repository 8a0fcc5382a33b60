/**
 * @module lint/codes
 * Error codes owned by the lint part. Every code starts with LINT_ and is registered here
 * with its CLI exit code and hint; errors.ts merges all parts' registries.
 */
import { defineCodes } from '../util/codes.ts';

export const LINT_CODES = defineCodes({
  LINT_INVALID_INPUT: { exit: 2, hint: 'check the input named in the message' },
  LINT_FIX_BROKE_SYNTAX: { exit: 3, hint: 'a rule produced a broken fix; this is a bug, please report it with the Dockerfile' },
  LINT_UNKNOWN_FORMAT: { exit: 2, hint: 'use one of: text, json, sarif, github' },
  LINT_CONTEXT_FILE_EXISTS: { exit: 1, hint: 'the fix would create a context file that already exists; edit it by hand' },
});
