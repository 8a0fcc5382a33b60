/**
 * @module diagnose/signatures/go_module_mode_mismatch
 * The go command runs in the wrong mode or directory: no go.mod found (`go.mod file not found in
 * current directory`, `cannot find main module`), GOPATH mode (`GO111MODULE=off`), or a package
 * outside the main module (`directory … outside main module`).
 */
import { definePatternSignature, fix } from '../signature.ts';

export const goModuleModeMismatch = definePatternSignature({
  id: 'go_module_mode_mismatch',
  title: 'go runs outside its module (go.mod not found, GOPATH mode, outside main module)',
  patterns: [
    /go\.mod file not found in current directory or any parent directory/,
    /cannot find main module/,
    /\$GOPATH\/go\.mod exists but should not/,
    /modules disabled by GO111MODULE=off/,
    /cannot use path@version syntax in GOPATH mode/,
    /outside (?:main module|available modules|module root)/,
    /main module \([^)]{1,300}\) does not contain package/,
    /go: cannot determine module path for source directory/,
    /go\.work file[^\n]{0,200}(?:not found|does not)/,
    /directory [^\s]{1,300} is contained in a module that is not one of the workspace modules/,
  ],
  confidence: 0.88,
  summary: () =>
    'The go command is not running inside the module: go.mod was not copied, WORKDIR is not the module root, or GO111MODULE/GOPATH settings put it in GOPATH mode.',
  fixes: () => [
    fix.dockerfile('WORKDIR /src\nCOPY go.mod go.sum ./\nCOPY . .\nRUN go build ./...', 'run go in the directory that holds go.mod'),
    fix.env('GO111MODULE=on', 'remove GO111MODULE=off and GOPATH-based layouts from the image'),
  ],
});
