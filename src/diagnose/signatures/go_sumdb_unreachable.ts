/**
 * @module diagnose/signatures/go_sumdb_unreachable
 * The checksum database (sum.golang.org or GOSUMDB) could not be reached or read while verifying
 * a module: `verifying module: … Get "https://sum.golang.org/lookup/…": dial tcp …`, tile reads
 * failing, or a malformed GOSUMDB.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const goSumdbUnreachable = definePatternSignature({
  id: 'go_sumdb_unreachable',
  title: 'The Go checksum database (GOSUMDB) could not be reached or read',
  patterns: [
    /(?:sum\.golang\.(?:org|google\.cn)|\/lookup\/[^\s]{1,300}@|\/tile\/)[^\n]{0,300}(?:dial tcp|i\/o timeout|connection refused|TLS handshake timeout|context deadline exceeded|connection reset|EOF|50[0-4] )/,
    /verifying (?:module|go\.mod)?[^\n]{0,300}: (?:Get|reading) "?https?:\/\/[^\s"]{1,300}"?: (?:dial tcp|net\/http|50[0-4] |EOF|context deadline)/,
    /invalid GOSUMDB|malformed verifier id|GOSUMDB[^\n]{0,100}(?:unknown|invalid)/,
  ],
  exclude: [/lookup [A-Za-z0-9._-]{1,253}(?: on [^:]{1,60}:\d{1,5})?: /, /x509: /, /proxyconnect/, /410 Gone|404 Not Found/],
  confidence: 0.85,
  summary: () =>
    'The go command downloaded the module but could not reach the checksum database (GOSUMDB) to verify it. The build network blocks sum.golang.org or GOSUMDB is misconfigured.',
  fixes: () => [
    fix.flag('--build-arg GOSUMDB=sum.golang.google.cn', 'use a reachable mirror of the checksum database'),
    fix.env('GONOSUMDB=example.com/private/*', 'skip the checksum database for private module paths (or set GOPRIVATE)'),
    fix.dockerfile('ENV GOFLAGS=-mod=mod GOSUMDB=sum.golang.org', 'make sure GOSUMDB is a valid database name (never disable it for public modules)'),
  ],
});
