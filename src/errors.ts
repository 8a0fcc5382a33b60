/**
 * @module errors
 * The one error type of Stevedore and the merged registry of error codes. Codes are string
 * literals prefixed by part (DOCKERFILE_, LINT_, ...); they never double as HTTP statuses —
 * HTTP and CLI presentation map codes at the edges.
 */
import { defineCodes, type CodeInfo } from './util/codes.ts';
import { DOCKERFILE_CODES } from './dockerfile/codes.ts';
import { LINT_CODES } from './lint/codes.ts';
import { BUILDLOG_CODES } from './buildlog/codes.ts';
import { DIAGNOSE_CODES } from './diagnose/codes.ts';
import { CACHEKEY_CODES } from './cachekey/codes.ts';
import { GOPROXY_CODES } from './goproxy/codes.ts';

const CORE_CODES = defineCodes({
  CLI_USAGE: { exit: 2, hint: "run the command with --help to see its usage" },
  CLI_UNKNOWN_COMMAND: { exit: 2, hint: 'run `stevedore --help` for the list of commands' },
  IO_NOT_FOUND: { exit: 2, hint: 'check the path' },
  IO_READ_FAILED: { exit: 2 },
  IO_WRITE_FAILED: { exit: 1 },
  CONFIG_INVALID: { exit: 2, hint: 'fix the config file; unknown keys are errors' },
  INTERNAL: { exit: 3, hint: 'this is a bug, please report it with the command you ran' },
});

export const ERROR_CODES = {
  ...CORE_CODES,
  ...DOCKERFILE_CODES,
  ...LINT_CODES,
  ...BUILDLOG_CODES,
  ...DIAGNOSE_CODES,
  ...CACHEKEY_CODES,
  ...GOPROXY_CODES,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** A position in an input file. Lines and columns are 1-based; end is inclusive of the last column. */
export interface SourceLocation {
  readonly file?: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface ErrorOptions {
  readonly data?: Readonly<Record<string, unknown>>;
  readonly location?: SourceLocation;
  readonly cause?: unknown;
}

export class StevedoreError extends Error {
  readonly code: ErrorCode;
  readonly data: Readonly<Record<string, unknown>>;
  readonly location: SourceLocation | undefined;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StevedoreError';
    this.code = code;
    this.data = options.data ?? {};
    this.location = options.location;
  }

  get info(): CodeInfo {
    return ERROR_CODES[this.code];
  }

  /** The same error with a file name added to its location (wrapping adds context, never replaces). */
  withFile(file: string): StevedoreError {
    if (this.location?.file !== undefined) return this;
    const location: SourceLocation = { ...(this.location ?? { line: 0, column: 0 }), file };
    return new StevedoreError(this.code, this.message, { data: this.data, location, cause: this.cause });
  }
}

/** A broken invariant: rendered by the CLI as a bug report request, exit 3. */
export class InternalError extends StevedoreError {
  constructor(message: string, cause?: unknown) {
    super('INTERNAL', message, cause === undefined ? {} : { cause });
    this.name = 'InternalError';
  }
}

export function isStevedoreError(e: unknown): e is StevedoreError {
  return e instanceof StevedoreError;
}
