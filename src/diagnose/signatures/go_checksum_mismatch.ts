/**
 * @module diagnose/signatures/go_checksum_mismatch
 * A downloaded module does not match go.sum or the checksum database: `verifying …: checksum
 * mismatch`, `SECURITY ERROR`. Either the proxy served altered content, the tag was moved, or
 * go.sum was edited by hand.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const goChecksumMismatch = definePatternSignature({
  id: 'go_checksum_mismatch',
  title: 'A Go module download does not match go.sum or the checksum database (SECURITY ERROR)',
  patterns: [/checksum mismatch/, /^SECURITY ERROR$|\bSECURITY ERROR\b/, /This download does NOT match/],
  confidence: 0.95,
  summary: (h) => {
    const mod = /verifying ([^\s:]{1,300}): checksum mismatch/.exec(h.line.text)?.[1];
    return `The content downloaded for ${mod ?? 'a module'} does not match the hash recorded in go.sum (or the checksum database). The proxy served different bytes than before (an altered or re-tagged release, or a broken caching proxy), or go.sum was edited.`;
  },
  fixes: () => [
    fix.command('go clean -modcache && go mod download -x', 'retry from a clean cache on your machine and compare the hash the public proxy serves'),
    fix.flag('--build-arg GOPROXY=https://proxy.golang.org,direct', 'fetch from a trustworthy proxy instead of the one serving altered content'),
    fix.command('go mod verify', 'check the local module cache against go.sum; never just delete the go.sum line'),
  ],
});
