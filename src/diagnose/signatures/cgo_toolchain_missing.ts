/**
 * @module diagnose/signatures/cgo_toolchain_missing
 * cgo is enabled but the image has no C toolchain or libc headers: `cgo: C compiler "gcc" not
 * found`, `exec: "gcc": executable file not found`, `fatal error: stdlib.h: No such file` (alpine
 * without musl-dev), `cannot find -lX`, or a cgo-only library built with CGO_ENABLED=0.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const cgoToolchainMissing = definePatternSignature({
  id: 'cgo_toolchain_missing',
  title: 'cgo is enabled but gcc or libc headers are missing (or cgo is needed but disabled)',
  patterns: [
    /C compiler "[^"]{1,100}" not found/,
    /exec: "(?:gcc|cc|g\+\+|clang|[a-z0-9_]{1,40}-linux-[a-z]{1,10}-gcc)": executable file not found/,
    /fatal error: (?:stdlib|stdio|string|pthread|errno|signal|stddef|unistd|sys\/types|features)\.h: No such file or directory/,
    /gcc: error trying to exec 'cc1'/,
    /(?:\/usr\/bin\/ld|collect2)[^\n]{0,100}cannot find -l[A-Za-z0-9_+-]{1,60}/,
    /requires cgo to work|Binary was compiled with 'CGO_ENABLED=0'/,
    /# runtime\/cgo/,
  ],
  confidence: 0.9,
  summary: (h) =>
    /CGO_ENABLED=0|requires cgo/.test(h.line.text)
      ? 'A package that needs cgo (such as go-sqlite3) was built with CGO_ENABLED=0.'
      : 'The build compiles cgo code but the image has no C compiler or C library headers (golang:alpine has neither gcc nor musl-dev). Either install a C toolchain or build with CGO_ENABLED=0 for a static binary.',
  fixes: () => [
    fix.env('CGO_ENABLED=0', 'build a static binary without cgo if no package needs it'),
    fix.dockerfile('RUN apk add --no-cache gcc musl-dev', 'alpine: install the C toolchain'),
    fix.dockerfile('RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev', 'debian: install the C toolchain'),
  ],
});
