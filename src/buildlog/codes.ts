/**
 * @module buildlog/codes
 * Error codes owned by the buildlog part. Every code starts with BUILDLOG_ and is registered here
 * with its CLI exit code and hint; errors.ts merges all parts' registries.
 */
import { defineCodes } from '../util/codes.ts';

export const BUILDLOG_CODES = defineCodes({
  BUILDLOG_INVALID_INPUT: { exit: 2, hint: 'check the input named in the message' },
});
