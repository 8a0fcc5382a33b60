/**
 * @module diagnose/signatures/apt_network
 * (Added category.) apt or apk could not reach the package mirror for a reason other than DNS:
 * `Could not connect to deb.debian.org:80 … Connection refused`, `Connection timed out`, (apk's
 * `temporary error (try again later)` is a DNS failure in practice: see dns_failure), `Failed to fetch … Hash Sum mismatch` from a broken mirror.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const aptNetwork = definePatternSignature({
  id: 'apt_network',
  title: 'apt/apk could not reach the OS package mirror (connection refused, timed out)',
  patterns: [
    /Could not connect to [^\s]{1,200} \([^)]{0,100}\)[^\n]{0,200}(?:refused|timed out|unreachable)/,
    /Failed to fetch https?:\/\/[^\s]{1,300} {1,3}(?:Could not connect|Connection (?:failed|timed out)|Unable to connect|Hash Sum mismatch|\d{3} )/,
    /Unable to connect to [^\s]{1,200}:http/,
    /Some index files failed to download/,
  ],
  exclude: [/Temporary failure resolving|Could not resolve|DNS lookup error/],
  confidence: 0.8,
  summary: () =>
    'The OS package manager could not reach its mirror (connection refused or timed out). The build network, a firewall or a proxy blocks the mirror.',
  fixes: () => [
    fix.flag('--network=host', 'try the host network to rule out the build network'),
    fix.flag('--build-arg http_proxy=http://proxy:3128', 'pass your proxy to apt (apt reads the lower-case http_proxy)'),
    fix.dockerfile('RUN apt-get update -o Acquire::Retries=5', 'retry transient mirror failures'),
  ],
});
