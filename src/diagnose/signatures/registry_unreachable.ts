/**
 * @module diagnose/signatures/registry_unreachable
 * (Added category.) The image registry could not be reached (not DNS, not auth): `failed to do
 * request: Head "https://registry-1.docker.io/v2/…": dial tcp …: i/o timeout`, `net/http: TLS
 * handshake timeout`, `connection reset by peer` while pulling or pushing.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const registryUnreachable = definePatternSignature({
  id: 'registry_unreachable',
  title: 'The image registry could not be reached (timeout, refused, reset)',
  patterns: [
    /(?:failed to do request|failed to copy|failed to resolve source metadata|failed to fetch|failed commit on ref)[^\n]{0,300}(?:i\/o timeout|connection refused|connection reset by peer|TLS handshake timeout|context deadline exceeded|unexpected EOF|no route to host)/,
    /(?:Head|Get|Put|Post) "https?:\/\/[^\s"]{1,300}\/v2\/[^\s"]{0,300}": (?:dial tcp [^\s]{1,80}: (?:i\/o timeout|connect: connection refused)|net\/http: TLS handshake timeout|EOF)/,
    /error pulling image configuration: [^\n]{0,300}(?:timeout|reset|EOF)/,
  ],
  exclude: [/lookup [A-Za-z0-9._-]{1,253}(?: on [^:]{1,60}:\d{1,5})?: /, /proxyconnect/, /x509: /],
  confidence: 0.82,
  summary: () => 'The build could not reach the image registry (timeout, refused or reset connection) while pulling or pushing an image.',
  fixes: () => [
    fix.command('docker pull <image>', 'retry the pull; check firewall or proxy settings for the registry host'),
    fix.file('{ "registry-mirrors": ["https://mirror.gcr.io"] }', 'configure a registry mirror in /etc/docker/daemon.json'),
  ],
});
