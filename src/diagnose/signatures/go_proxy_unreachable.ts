/**
 * @module diagnose/signatures/go_proxy_unreachable
 * The go command could not reach its module proxy (or the origin VCS for direct fetches):
 * connection refused, i/o timeout, TLS handshake timeout, reset, 5xx from the proxy, or module
 * lookups disabled by GOPROXY=off. DNS and sumdb failures have their own signatures.
 */
import { definePatternSignature, fix, hostIn } from '../signature.ts';

export const goProxyUnreachable = definePatternSignature({
  id: 'go_proxy_unreachable',
  title: 'The Go module proxy could not be reached (refused, timeout, 5xx, GOPROXY=off)',
  patterns: [
    /Get "?https?:\/\/[^\s"]{1,300}"?: (?:dial tcp(?: [^\s]{1,80})?: (?:connect: (?:connection refused|network is unreachable|no route to host|cannot assign requested address)|i\/o timeout)|net\/http: (?:TLS handshake timeout|request canceled)|context deadline exceeded|read tcp [^\s]{1,120}: read: connection reset by peer|EOF|unexpected EOF|http2: )/,
    /reading https?:\/\/[^\s]{1,300}: (?:50[0-4] |429 Too Many)/,
    /\bgo: .{0,300}(?:dial tcp(?: [^\s]{1,80})?: (?:connect: connection refused|i\/o timeout)|TLS handshake timeout)/,
    /module lookup disabled by GOPROXY=off/,
    /stream error: stream ID \d{1,10}; (?:INTERNAL_ERROR|PROTOCOL_ERROR|CANCEL|REFUSED_STREAM)/,
    /fatal: unable to access '[^']{1,300}': (?:Failed to connect to|Could not connect|Operation timed out|Connection timed out|Recv failure)/,
  ],
  exclude: [/sum\.golang\.(?:org|google\.cn)/, /\/lookup\/[^\s]{1,300}@/, /\/tile\//, /lookup [A-Za-z0-9._-]{1,253}(?: on [^:]{1,60}:\d{1,5})?: /, /proxyconnect/, /x509: /],
  confidence: 0.85,
  when: (ctx, hits) => hits.some((h) => /go: |@v\d|go mod|proxy\.golang|goproxy|GOPROXY|@v\/|\.mod"|\.zip"|\.info"|git ls-remote|golang\.org/.test(h.text)) || /\bgo\b/.test(ctx.instruction ?? ''),
  summary: (h) => {
    if (/GOPROXY=off/.test(h.line.text)) return 'Module downloads are disabled (GOPROXY=off) but a module is not in the module cache or vendor/.';
    const host = hostIn(h.line.text) ?? 'the module proxy';
    return `The go command could not reach ${host} while downloading modules (connection refused, timed out or the proxy failed). The build has no working route to GOPROXY.`;
  },
  fixes: () => [
    fix.dockerfile('ARG GOPROXY=https://proxy.golang.org,direct\nENV GOPROXY=$GOPROXY', 'make the proxy configurable and pass a reachable one with --build-arg GOPROXY=…'),
    fix.flag('--build-arg GOPROXY=https://goproxy.io,direct', 'use a proxy that is reachable from your network (or your company proxy, e.g. Athens)'),
    fix.dockerfile('RUN --mount=type=cache,target=/go/pkg/mod go mod download', 'keep the module cache between builds so a flaky proxy is hit less'),
  ],
});
