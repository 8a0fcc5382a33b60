/**
 * @module diagnose/signatures/http_proxy_error
 * An HTTP(S) proxy set for the build fails: Go's `proxyconnect tcp: dial tcp …`, `407 Proxy
 * Authentication Required`, curl `Could not resolve proxy`/`Received HTTP code 407 from proxy`,
 * pip `ProxyError('Cannot connect to proxy.')`, npm `tunneling socket could not be established`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const httpProxyError = definePatternSignature({
  id: 'http_proxy_error',
  title: 'The HTTP(S) proxy configured for the build is unreachable or refuses (proxyconnect, 407)',
  patterns: [
    /proxyconnect tcp: /,
    /407 Proxy Authentication Required/,
    /Could not resolve proxy: /,
    /Received HTTP code \d{3} from proxy after CONNECT/,
    /ProxyError\(|Cannot connect to proxy/,
    /tunneling socket could not be established/,
    /(?:Unable|Failed) to connect to (?:the )?proxy/,
  ],
  confidence: 0.92,
  summary: () =>
    'Requests from the build go through an HTTP proxy (HTTP_PROXY/HTTPS_PROXY, inherited from the Docker client config or build args) and that proxy cannot be reached or rejects them. Inside a container, "localhost" or 127.0.0.1 is the container, not the host.',
  fixes: () => [
    fix.flag('--build-arg HTTPS_PROXY=http://host.docker.internal:3128', 'pass a proxy address reachable from inside the build container'),
    fix.command('cat ~/.docker/config.json', 'check the "proxies" section, which Docker injects into every build'),
    fix.env('NO_PROXY=localhost,127.0.0.1,.internal', 'exclude internal hosts from the proxy'),
  ],
});
