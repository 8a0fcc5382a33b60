/**
 * @module diagnose/signatures/registry_rate_limit
 * The registry refused because of pull limits: Docker Hub's `toomanyrequests: You have reached
 * your pull rate limit`, `429 Too Many Requests` on registry requests.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const registryRateLimit = definePatternSignature({
  id: 'registry_rate_limit',
  title: 'The registry rate-limited image pulls (toomanyrequests, 429)',
  patterns: [/toomanyrequests/i, /pull rate limit/, /429 Too Many Requests/, /rate limit exceeded/i],
  confidence: 0.95,
  when: (_ctx, hits) => hits.some((h) => !/proxy\.golang|goproxy|npm|pypi|\/@v\//.test(h.text)),
  summary: () =>
    'The registry (usually Docker Hub) rate-limited the pulls of this build. Anonymous pulls share a small per-IP quota, which CI runners exhaust quickly.',
  fixes: () => [
    fix.command('echo "$DOCKERHUB_TOKEN" | docker login -u <user> --password-stdin', 'authenticate pulls to get a higher limit'),
    fix.dockerfile('FROM mirror.gcr.io/library/golang:1.24', 'pull base images through a mirror or your own registry'),
    fix.flag('--cache-from type=registry,ref=<your-registry>/cache', 'reuse cached layers instead of pulling every run'),
  ],
});
