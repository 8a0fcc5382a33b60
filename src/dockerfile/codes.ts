/**
 * @module dockerfile/codes
 * Error codes owned by the dockerfile part. Every code starts with DOCKERFILE_ and is registered here
 * with its CLI exit code and hint; errors.ts merges all parts' registries.
 */
import { defineCodes } from '../util/codes.ts';

export const DOCKERFILE_CODES = defineCodes({
  DOCKERFILE_INVALID_INPUT: { exit: 2, hint: 'check the input named in the message' },
});
