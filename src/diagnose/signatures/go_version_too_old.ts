/**
 * @module diagnose/signatures/go_version_too_old
 * The Go toolchain in the image is older than go.mod needs: `go.mod requires go >= X (running go
 * Y; GOTOOLCHAIN=local)`, `unknown directive: toolchain`, `invalid go version '1.22.0'`, a
 * standard-library package newer than the toolchain (`package slices is not in GOROOT`), or an
 * automatic toolchain download that does not exist (`toolchain not available`).
 */
import { definePatternSignature, fix } from '../signature.ts';

// Standard-library packages added after Go 1.20; "not in GOROOT/std" for these means an old toolchain.
const NEW_STD = '(?:slices|maps|cmp|log\\/slog|iter|unique|structs|weak|math\\/rand\\/v2|crypto\\/ecdh|crypto\\/mlkem|crypto\\/hkdf|crypto\\/pbkdf2|crypto\\/sha3|crypto\\/hpke|go\\/version|testing\\/slogtest|testing\\/synctest|encoding\\/json\\/v2|runtime\\/secret)';

export const goVersionTooOld = definePatternSignature({
  id: 'go_version_too_old',
  title: 'The Go toolchain in the image is older than go.mod requires',
  patterns: [
    /requires go >= ?[0-9.]{1,20}/,
    /unknown directive: toolchain/,
    /invalid go version '[^']{1,30}': must match format/,
    /go\.mod file indicates go [0-9.]{1,20}, but maximum (?:supported )?version is/,
    /note: module requires Go [0-9.]{1,20}/,
    /toolchain not available/,
    /download go[0-9.]{1,20}[^\n]{0,100}: (?:toolchain not available|unrecognized)/,
    new RegExp(`package ${NEW_STD} is not in (?:GOROOT|std)`),
    /go: cannot find "go[0-9.]{1,20}" in PATH/,
  ],
  confidence: 0.92,
  summary: (h) => {
    const m = /requires go >= ?([0-9.]{1,20}) \(running go ([0-9.]{1,20})/.exec(h.line.text);
    if (m !== null) return `go.mod requires Go ${m[1]} but the image runs Go ${m[2]}, and GOTOOLCHAIN does not allow switching. Use a newer golang base image.`;
    if (/toolchain not available/.test(h.line.text)) return 'go.mod asks for a Go version that does not exist (or cannot be downloaded), so the go command cannot switch toolchains. Fix the go line in go.mod.';
    return 'The Go toolchain in the build image is older than the code needs (a newer go directive, toolchain line or standard-library package). Use a golang image at least as new as the go line in go.mod.';
  },
  fixes: () => [
    fix.dockerfile('FROM golang:1.24 AS build', 'use a golang base image at least as new as the go directive in go.mod'),
    fix.command('go mod edit -go=1.22 && go mod tidy', 'or lower the go directive if the code does not need the newer version'),
    fix.env('GOTOOLCHAIN=auto', 'let the go command download the required toolchain (needs network to the proxy)'),
  ],
});
