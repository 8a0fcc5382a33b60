/**
 * @module cachekey/codes
 * Error codes owned by the cachekey part. Every code starts with CACHEKEY_ and is registered here
 * with its CLI exit code and hint; errors.ts merges all parts' registries.
 */
import { defineCodes } from '../util/codes.ts';

export const CACHEKEY_CODES = defineCodes({
  CACHEKEY_INVALID_INPUT: { exit: 2, hint: 'check the input named in the message' },
});
