/**
 * @module diagnose/signatures/dns_failure
 * Name resolution failed inside the build container: Go's `lookup X on Y:53: no such host`,
 * apt's `Temporary failure resolving`, `getaddrinfo EAI_AGAIN`/`ENOTFOUND` (npm), pip's
 * `Temporary failure in name resolution`, curl/git `Could not resolve host`, apk DNS errors.
 * Ranked as the cause of the fetch errors it triggers (see ordering.ts).
 */
import { definePatternSignature, fix, hostIn } from '../signature.ts';

export const dnsFailure = definePatternSignature({
  id: 'dns_failure',
  title: 'DNS resolution failed inside the build (no such host, Temporary failure resolving, EAI_AGAIN)',
  patterns: [
    /\blookup [A-Za-z0-9._-]{1,253}(?: on [0-9a-fA-F.:[\]]{1,60})?: (?:no such host|server misbehaving|Temporary failure in name resolution|read udp|dial udp|i\/o timeout|Try again|no answer)/,
    /Temporary failure resolving '/,
    /Could not resolve '[^']{1,253}'/,
    /Temporary failure in name resolution/,
    /\b(?:getaddrinfo )?EAI_AGAIN\b/,
    /getaddrinfo ENOTFOUND|code ENOTFOUND|errno ENOTFOUND/,
    /Could not resolve host: /,
    /\[Errno -[235]\] (?:Name or service not known|Temporary failure|No address associated)/,
    /unable to resolve host address/,
    /DNS lookup error|bad address '[^']{1,253}'/,
    /Name does not resolve/,
    /ssh: Could not resolve hostname/,
    // apk (libfetch) reports a failed name lookup as a "temporary error"; inside Docker builds
    // this is almost always DNS. Weaker than the explicit wordings (see adjust).
    /ERROR: https?:\/\/[^\s:]{1,200}[^\n]{0,100}: temporary error \(try again later\)/,
  ],
  adjust: (h) => (h.hits.every((x) => /temporary error \(try again later\)/.test(x.text)) ? 0.75 : 0.9),
  exclude: [/Could not resolve proxy/, /proxyconnect/],
  confidence: 0.9,
  summary: (h) => {
    const host = hostIn(h.line.text) ?? /resolving '([^']{1,253})'/.exec(h.line.text)?.[1] ?? 'a host';
    return `The build container could not resolve ${host}: DNS does not work inside the build, so every download after it fails. Later errors such as "Unable to locate package" or a failed module fetch are symptoms of this.`;
  },
  fixes: () => [
    fix.flag('--network=host', 'build with the host network (docker build --network=host) so the host resolver is used'),
    fix.file('{ "dns": ["1.1.1.1", "8.8.8.8"] }', 'set DNS servers for the daemon in /etc/docker/daemon.json, then restart dockerd'),
    fix.command('docker run --rm busybox nslookup deb.debian.org', 'check that containers can resolve names at all'),
  ],
});
