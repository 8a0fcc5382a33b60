/**
 * @module dockerfile/codes
 * Error codes owned by the dockerfile part. Every code starts with DOCKERFILE_ and is registered here
 * with its CLI exit code and hint; errors.ts merges all parts' registries.
 */
import { defineCodes } from '../util/codes.ts';

export const DOCKERFILE_CODES = defineCodes({
  DOCKERFILE_INVALID_INPUT: { exit: 2, hint: 'check the input named in the message' },
  DOCKERFILE_EMPTY: { exit: 2, hint: 'a Dockerfile needs at least one instruction, starting with FROM' },
  DOCKERFILE_UNTERMINATED_HEREDOC: { exit: 2, hint: 'end the heredoc with a line holding only its delimiter' },
  DOCKERFILE_INVALID_HEREDOC: { exit: 2, hint: 'check the quoting of the heredoc delimiter' },
  DOCKERFILE_INVALID_JSON: { exit: 2, hint: 'in exec (JSON) form every element must be a string: ["cmd", "arg"]' },
  DOCKERFILE_ENV_NO_VALUE: { exit: 2, hint: 'write ENV name=value (or the legacy ENV name value)' },
  DOCKERFILE_ENV_SYNTAX: { exit: 2, hint: 'every word must be of the form name=value' },
  DOCKERFILE_INVALID_ESCAPE: { exit: 2, hint: 'the escape directive accepts only \\ or `' },
  DOCKERFILE_DUPLICATE_DIRECTIVE: { exit: 2, hint: 'each parser directive may appear only once' },
  DOCKERFILE_LINE_TOO_LONG: { exit: 2, hint: 'BuildKit rejects physical lines of 64 KiB or more; split the line with continuations' },
  DOCKERFILE_UNKNOWN_INSTRUCTION: { exit: 2, hint: 'check the spelling of the instruction keyword' },
  DOCKERFILE_UNKNOWN_FLAG: { exit: 2, hint: 'run the instruction with one of the flags it accepts' },
  DOCKERFILE_INVALID_FLAG: { exit: 2, hint: 'check the value of the flag' },
  DOCKERFILE_INVALID_MOUNT: { exit: 2, hint: 'see https://docs.docker.com/reference/dockerfile/#run---mount' },
  DOCKERFILE_MISSING_ARGUMENT: { exit: 2, hint: 'the instruction needs more arguments' },
  DOCKERFILE_TOO_MANY_ARGUMENTS: { exit: 2, hint: 'remove the extra arguments' },
  DOCKERFILE_INVALID_INSTRUCTION: { exit: 2, hint: 'check the instruction syntax in the Dockerfile reference' },
  DOCKERFILE_BASE_NAME_EMPTY: { exit: 2, hint: 'pass the image with --build-arg NAME=VALUE, or give the ARG a default (ARG NAME=golang:1.26)' },
  DOCKERFILE_NO_FROM: { exit: 2, hint: 'the first instruction (after global ARGs) must be FROM' },
  DOCKERFILE_UNKNOWN_STAGE: { exit: 2, hint: 'use the name or index of a stage defined earlier in the file' },
  DOCKERFILE_INVALID_STAGE_NAME: { exit: 2, hint: 'stage names start with a letter and contain letters, digits, -, _ and .' },
  DOCKERFILE_STAGE_CYCLE: { exit: 2, hint: 'stages may not depend on themselves, directly or through other stages' },
  DOCKERFILE_EXPANSION_FAILED: { exit: 2, hint: 'check the ${...} syntax; see the variable substitution reference' },
});
