/**
 * @module diagnose/signatures/go_missing_package
 * An imported package is provided by no required module: `no required module provides package
 * X; to add it`, `package X is not in std`, `cannot find package "X" in any of` (GOPATH mode),
 * `does not contain package`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const goMissingPackage = definePatternSignature({
  id: 'go_missing_package',
  title: 'An imported Go package is not provided by any required module',
  patterns: [
    /no required module provides package /,
    /package [^\s]{1,300} is not in (?:std|GOROOT)/,
    /cannot find package "[^"]{1,300}" in any of/,
    /module [^\s]{1,300}@[^\s]{1,100} found[^\n]{0,300}, but does not contain package/,
    /does not contain package /,
    /package [^\s]{1,300} provided by [^\s]{1,300} at latest version [^\s]{1,100} but not at required version/,
  ],
  confidence: 0.85,
  summary: (h) => {
    const pkg = /package "?([^\s";]{1,300})/.exec(h.line.text)?.[1];
    return `The code imports ${pkg === undefined ? 'a package' : `"${pkg}"`} but no module in go.mod provides it: go.mod/go.sum are out of date (run go mod tidy and commit), the import path is wrong, or the source files were not all copied into the image.`;
  },
  fixes: () => [
    fix.command('go mod tidy', 'add the missing requirement and commit go.mod and go.sum'),
    fix.dockerfile('COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .', 'make sure go.mod, go.sum and all packages are copied before go build'),
  ],
});
