/**
 * @module diagnose/signatures/disk_full
 * The builder ran out of disk (or inodes, or quota): `no space left on device`, `ENOSPC`,
 * `Disk quota exceeded`, apt's `You don't have enough free space`. apt's `At least one invalid
 * signature was encountered` on a Docker host is a known symptom of a full disk, counted weakly.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const diskFull = definePatternSignature({
  id: 'disk_full',
  title: 'The builder ran out of disk space, inodes or quota (no space left on device)',
  patterns: [
    /no space left on device/i,
    /\bENOSPC\b/,
    /Disk quota exceeded/,
    /You don't have enough free space in /,
    /not enough (?:free )?(?:disk )?space/i,
    /At least one invalid signature was encountered/,
  ],
  confidence: 0.95,
  adjust: (h) => (/invalid signature/.test(h.line.text) ? 0.55 : 0.95),
  summary: () =>
    'The build ran out of disk space (or inodes) where BuildKit keeps layers and cache, or on a mounted target. Free space by pruning the build cache and unused images, or give the builder a larger disk.',
  fixes: () => [
    fix.command('docker builder prune --filter until=72h && docker image prune', 'free build cache and dangling images'),
    fix.command('docker system df && df -h /var/lib/docker && df -i /var/lib/docker', 'see what uses the space (and inodes)'),
    fix.dockerfile('RUN --mount=type=cache,target=/root/.cache/go-build go build ./...', 'keep caches in cache mounts instead of image layers'),
  ],
});
