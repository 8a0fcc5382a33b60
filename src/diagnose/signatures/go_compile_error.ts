/**
 * @module diagnose/signatures/go_compile_error
 * The Go compiler or vet rejected the source: `file.go:L:C: <message>` lines, usually under a
 * `# package` header (undefined names, type errors, syntax errors, unused imports). Lines that
 * belong to more specific Go signatures are excluded.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const goCompileError = definePatternSignature({
  id: 'go_compile_error',
  title: 'The Go compiler rejected the source (file.go:line:col errors)',
  patterns: [
    /(?:^|\s)\.{0,2}\/?[A-Za-z0-9_./-]{0,200}\.go:\d{1,6}:\d{1,5}: (?!no required module|package [^\s]{1,200} is not in|cannot find package|missing go\.sum)/,
    /(?:^|\s)[A-Za-z0-9_./-]{1,200}\.go:\d{1,6}: (?:syntax error|undefined|cannot use|declared and not used|imported and not used|too many)/,
    /\bsyntax error: unexpected /,
    /\bundefined: [A-Za-z_]/,
    /declared and not used|imported and not used/,
  ],
  exclude: [/missing go\.sum entry|no required module|is not in (?:GOROOT|std)|cannot find package|requires go >=|build constraints exclude|no Go files/],
  confidence: 0.8,
  summary: (h) => {
    const loc = /([A-Za-z0-9_./-]{1,200}\.go:\d{1,6}(?::\d{1,5})?)/.exec(h.line.text)?.[1];
    return `The Go compiler rejected the source${loc === undefined ? '' : ` at ${loc}`}. This is a code error, not a Docker problem: the same go build fails outside Docker with the files that were copied into the image.`;
  },
  fixes: () => [
    fix.command('go build ./... && go vet ./...', 'reproduce and fix the error locally'),
    fix.command('git status --short', 'check for files that exist locally but were not committed or were excluded by .dockerignore'),
  ],
});
