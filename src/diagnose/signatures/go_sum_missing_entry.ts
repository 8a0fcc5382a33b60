/**
 * @module diagnose/signatures/go_sum_missing_entry
 * go.sum (or go.mod) is out of date for a build that may not change it: `missing go.sum entry
 * for module providing package`, `missing go.sum entry for go.mod file`, `updates to go.mod
 * needed`, `-mod=readonly`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const goSumMissingEntry = definePatternSignature({
  id: 'go_sum_missing_entry',
  title: 'go.sum or go.mod is out of date (missing go.sum entry, updates to go.mod needed)',
  patterns: [/missing go\.sum entry/, /updates to go\.mod needed/, /go\.mod file [^\n]{0,100}needs? (?:to be )?updat/, /disabled by -mod=readonly/, /go: inconsistent go\.sum/],
  confidence: 0.93,
  summary: (h) => {
    const mod = /missing go\.sum entry for (?:module providing package |go\.mod file[^\n]{0,40}?)?([^\s;]{1,300})/.exec(h.line.text)?.[1];
    return `go.sum lacks the hash for ${mod ?? 'a required module'} (or go.mod needs updating). The go command will not change module files during a build, so go.mod/go.sum in the repository must be complete (or go.sum was not copied into the image).`;
  },
  fixes: () => [
    fix.command('go mod tidy && git add go.mod go.sum', 'regenerate go.sum locally and commit it'),
    fix.dockerfile('COPY go.mod go.sum ./', 'copy go.sum together with go.mod before go mod download'),
  ],
});
