/**
 * @module goproxy/server/errors
 * The one place where error codes become HTTP statuses. "Definitely not here" is 404/410 (so the
 * go client's "," fallback may move on); upstream trouble is 502/503/504 (so a "," list stops
 * instead of silently falling through to direct and leaking private names); bad paths are 400.
 */
import { isStevedoreError, type ErrorCode } from '../../errors.ts';

const STATUS: Partial<Record<ErrorCode, number>> = {
  GOPROXY_BAD_REQUEST: 400,
  GOPROXY_INVALID_INPUT: 400,
  GOPROXY_UNAUTHORIZED: 401,
  GOPROXY_OFF: 403,
  GOPROXY_PRIVATE_SUMDB: 403,
  GOPROXY_NOT_FOUND: 404,
  GOPROXY_NOT_CACHED: 404,
  GOPROXY_GONE: 410,
  GOPROXY_STORE_FAILED: 500,
  GOPROXY_UPSTREAM_FAILED: 502,
  GOPROXY_ZIP_INVALID: 502,
  GOPROXY_CHECKSUM_MISMATCH: 502,
  GOPROXY_SUMDB_INVALID: 502,
  GOPROXY_SUMDB_PROOF_FAILED: 502,
  GOPROXY_SUMDB_FORK: 502,
  GOPROXY_DIRECT_FAILED: 502,
  GOPROXY_UPSTREAM_UNAVAILABLE: 503,
  GOPROXY_OVERLOADED: 503,
  GOPROXY_UPSTREAM_TIMEOUT: 504,
};

export function statusFor(e: unknown): number {
  return isStevedoreError(e) ? (STATUS[e.code] ?? 500) : 500;
}

/** The text body the go client prints as "server response: ...": the message, without internals for 500s. */
export function bodyFor(e: unknown, status: number): string {
  if (isStevedoreError(e) && status !== 500) return `${e.message}\n`;
  if (isStevedoreError(e)) return `${e.code}: ${e.message}\n`;
  return 'internal error\n';
}
