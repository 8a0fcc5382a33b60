/**
 * @module diagnose/signatures/command_not_found
 * (Added category.) A RUN command is not installed in the image: `/bin/sh: 1: make: not found`,
 * `sh: go: command not found`, exit code 127. Paths to files that exist but cannot load point at
 * libc_mismatch_runtime instead (ordering.ts).
 */
import { definePatternSignature, fix } from '../signature.ts';

export const commandNotFound = definePatternSignature({
  id: 'command_not_found',
  title: 'A command used in RUN is not installed in the image (not found, exit code 127)',
  patterns: [
    /^(?:\/bin\/(?:ba)?sh|sh|bash): (?:\d{1,5}: |line \d{1,6}: )?[A-Za-z0-9_.+-]{1,100}: (?:command )?not found$/,
    /exit code: 127\b|returned a non-zero code: 127\b/,
    /exec: "[A-Za-z0-9_.+-]{1,100}": executable file not found in \$PATH/,
  ],
  exclude: [/exec: "(?:git|hg|svn|bzr|fossil|gcc|cc|g\+\+|clang)"/],
  confidence: 0.7,
  adjust: (h) => (/127/.test(h.line.text) && h.hits.length === 1 ? 0.5 : 0.75),
  summary: (h) => {
    const cmd = /([A-Za-z0-9_.+-]{1,100}): (?:command )?not found/.exec(h.line.text)?.[1] ?? /exec: "([^"]{1,100})"/.exec(h.line.text)?.[1];
    return `The command ${cmd ?? 'run by the step'} is not installed in this stage's image (slim/alpine/distroless images lack most tools, and each stage starts from its own base).`;
  },
  fixes: () => [
    fix.dockerfile('RUN apt-get update && apt-get install -y --no-install-recommends <package>', 'install the tool in the stage that uses it'),
    fix.dockerfile('FROM golang:1.24 AS build', 'or run the command in a stage whose base image has it'),
  ],
});
