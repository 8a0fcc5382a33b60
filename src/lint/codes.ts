/**
 * @module lint/codes
 * Error codes owned by the lint part. Every code starts with LINT_ and is registered here
 * with its CLI exit code and hint; errors.ts merges all parts' registries.
 */
import { defineCodes } from '../util/codes.ts';

export const LINT_CODES = defineCodes({
  LINT_INVALID_INPUT: { exit: 2, hint: 'check the input named in the message' },
});
