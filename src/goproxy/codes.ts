/**
 * @module goproxy/codes
 * Error codes owned by the goproxy part. Every code starts with GOPROXY_ and is registered here
 * with its CLI exit code and hint; errors.ts merges all parts' registries.
 */
import { defineCodes } from '../util/codes.ts';

export const GOPROXY_CODES = defineCodes({
  GOPROXY_INVALID_INPUT: { exit: 2, hint: 'check the input named in the message' },
});
