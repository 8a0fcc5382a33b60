/**
 * @module diagnose/signatures/go_no_go_files
 * go build found no Go files to build: `no Go files in /src`, `build constraints exclude all Go
 * files in …` — the sources were not copied, WORKDIR points elsewhere, or build tags exclude all.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const goNoGoFiles = definePatternSignature({
  id: 'go_no_go_files',
  title: 'go build found no Go files (sources not copied, wrong WORKDIR, build tags)',
  patterns: [/no Go files in /, /build constraints exclude all Go files in /, /no non-test Go files in /, /matched no packages/],
  confidence: 0.92,
  summary: (h) => {
    const dir = /Go files in ([^\s]{1,300})/.exec(h.line.text)?.[1];
    return /build constraints/.test(h.line.text)
      ? `Every Go file in ${dir ?? 'the package'} is excluded by build constraints (GOOS/GOARCH, CGO_ENABLED or -tags) for this build.`
      : `go build found no Go files in ${dir ?? 'the package directory'}: the sources were not copied into the image (COPY order, .dockerignore), WORKDIR is not the package directory, or the build path is wrong.`;
  },
  fixes: () => [
    fix.dockerfile('COPY . .\nRUN go build -o /out/app ./cmd/app', 'copy the sources and build the main package path explicitly'),
    fix.command('cat .dockerignore', 'check that *.go files are not excluded from the build context'),
  ],
});
