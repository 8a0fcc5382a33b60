/**
 * @module diagnose/codes
 * Error codes owned by the diagnose part. Every code starts with DIAGNOSE_ and is registered here
 * with its CLI exit code and hint; errors.ts merges all parts' registries.
 */
import { defineCodes } from '../util/codes.ts';

export const DIAGNOSE_CODES = defineCodes({
  DIAGNOSE_INVALID_INPUT: { exit: 2, hint: 'check the input named in the message' },
});
