/**
 * @module diagnose/signatures/tls_untrusted_cert
 * TLS verification failed, typically behind a TLS-intercepting corporate proxy whose CA is not in
 * the image: Go's `x509: certificate signed by unknown authority`, curl/git `SSL certificate
 * problem`, npm `SELF_SIGNED_CERT_IN_CHAIN`, pip `CERTIFICATE_VERIFY_FAILED`.
 */
import { definePatternSignature, fix, hostIn } from '../signature.ts';

export const tlsUntrustedCert = definePatternSignature({
  id: 'tls_untrusted_cert',
  title: 'TLS certificate not trusted inside the build (x509 unknown authority, self-signed CA)',
  patterns: [
    /x509: (?:certificate signed by unknown authority|certificate is not trusted|certificate has expired|certificate is valid for|cannot validate certificate|failed to load system roots)/,
    /tls: failed to verify certificate/,
    // A terminal or issue form that wraps after `x509:` leaves the reason at the start of a line.
    /^\s{0,40}certificate signed by unknown authority\b/,
    /SSL certificate problem: /,
    // GNU wget's wording (`wget https://…` in a RUN step).
    /The certificate of '[^']{1,300}' (?:is not trusted|doesn't have a known issuer|has expired)/,
    /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_HAS_EXPIRED/,
    /CERTIFICATE_VERIFY_FAILED|certificate verify failed/,
    /server certificate verification failed/,
    /unable to get local issuer certificate/,
  ],
  confidence: 0.9,
  summary: (h) =>
    `A TLS connection to ${hostIn(h.line.text) ?? 'a server'} failed certificate verification. This usually means a TLS-intercepting proxy whose CA certificate is not installed in the build image (or an expired certificate).`,
  fixes: () => [
    fix.dockerfile('COPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt\nRUN update-ca-certificates', 'install your proxy\'s CA certificate in the image before any download'),
    fix.dockerfile('RUN --mount=type=secret,id=ca,target=/etc/ssl/certs/ca-certificates.crt go mod download', 'mount the host CA bundle for the download step only'),
    fix.command('openssl s_client -connect proxy.golang.org:443 -showcerts </dev/null', 'see which CA signs the certificate your network presents'),
  ],
});
