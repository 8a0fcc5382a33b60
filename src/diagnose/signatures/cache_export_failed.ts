/**
 * @module diagnose/signatures/cache_export_failed
 * Exporting the build cache failed after the build itself succeeded: `Cache export is not
 * supported for the docker driver`, errors under the `exporting cache` step, `error writing
 * layer blob` / `failed to export cache`, gha cache API errors.
 */
import type { Signature } from '../types.ts';
import { findHits, fix, scoreOf, toEvidence } from '../signature.ts';

const PATTERNS = [
  /[Cc]ache export (?:feature )?is (?:currently )?not supported for (?:the )?docker driver/,
  /failed to export cache|error exporting cache|exporting cache[^\n]{0,100}(?:failed|error)/,
  /error writing (?:layer|manifest) blob/,
  /failed to (?:upload|reserve) cache|Unable to reserve cache|Cache service responded with (?:4|5)\d\d/,
];

export const cacheExportFailed: Signature = {
  id: 'cache_export_failed',
  title: 'Exporting the build cache failed (docker driver, registry write, gha cache errors)',
  match(ctx) {
    const lines = findHits(ctx, PATTERNS).map((h) => h.line);
    const exportStep = ctx.record.steps.find((s) => /^exporting (?:cache|to)/.test(s.name) && s.error !== null && !s.canceled);
    if (exportStep !== undefined && /cache/.test(exportStep.name)) {
      lines.push(...ctx.lines.filter((l) => l.step === exportStep.number && /ERROR|error/.test(l.text)));
    }
    if (lines.length === 0) return null;
    lines.sort((a, b) => a.line - b.line);
    const dockerDriver = lines.some((l) => /docker driver/.test(l.text));
    return {
      confidence: scoreOf(0.9, 1, lines.length),
      evidence: toEvidence(lines),
      summary: dockerDriver
        ? 'The default "docker" build driver cannot export cache (--cache-to). Use a docker-container builder or the containerd image store.'
        : 'The image built, but exporting the build cache failed: the cache target rejected the write (permissions, size limits, an unreachable registry or the GitHub cache service).',
      fixes: [
        fix.command('docker buildx create --use --driver docker-container', 'use a builder that supports cache export'),
        fix.flag('--cache-to type=registry,ref=<registry>/<repo>:buildcache,mode=max,ignore-error=true', 'write cache to a registry you can push to, without failing the build on cache errors'),
      ],
    };
  },
};
