/**
 * @module diagnose/signatures/libc_mismatch_runtime
 * A binary linked against one libc runs on an image with another: `GLIBC_2.34' not found`,
 * `Error relocating … symbol not found` (musl), a glibc binary on alpine/scratch reporting
 * `exec /app: no such file or directory` or `/bin/sh: ./app: not found` for a file that exists.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const libcMismatchRuntime = definePatternSignature({
  id: 'libc_mismatch_runtime',
  title: 'A binary built for one libc runs on another (GLIBC not found, musl relocation errors)',
  patterns: [
    /version `GLIBC_[0-9.]{1,12}' not found/,
    /GLIBC_[0-9.]{1,12}' not found|GLIBCXX_[0-9.]{1,12}' not found/,
    /Error relocating [^\n]{1,300}: symbol not found/,
    /error while loading shared libraries: (?:libc\.musl|ld-linux|libc\.so|libpthread|libresolv)/,
    /exec (?:user process caused: )?no such file or directory/,
    /exec \/[^\s:]{1,200}: no such file or directory/,
    /^\/bin\/sh: (?:1: )?\.?\/[^\s:]{1,200}: not found$/,
    /__(?:fprintf|memcpy|sprintf|strcpy)_chk: symbol not found/,
  ],
  confidence: 0.8,
  adjust: (h) => (/GLIBC|relocating|loading shared/.test(h.line.text) ? 0.9 : 0.75),
  summary: () =>
    'A dynamically linked binary was built against glibc (e.g. in golang:bookworm) and run on musl/alpine or scratch (or the other way round), so the loader or the libc symbols it needs are missing.',
  fixes: () => [
    fix.env('CGO_ENABLED=0', 'build a static Go binary that runs on any base image'),
    fix.dockerfile('FROM golang:1.24-alpine AS build', 'or build on the same libc family as the runtime image'),
    fix.dockerfile('FROM gcr.io/distroless/base-debian12', 'or run on a glibc-based runtime image'),
  ],
});
