/**
 * @module diagnose/signatures/oom_killed
 * A process in the build was killed for memory: `signal: killed` (the Go compiler or linker),
 * exit code 137, `fatal error: runtime: out of memory`, `cannot allocate memory`, `Killed signal
 * terminated program cc1`, Node's `JavaScript heap out of memory`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const oomKilled = definePatternSignature({
  id: 'oom_killed',
  title: 'A build process was killed for lack of memory (signal: killed, exit code 137)',
  patterns: [
    /signal: killed/,
    /exit code: 137\b|returned a non-zero code: 137\b|exit status 137\b/,
    /fatal error: (?:runtime: )?(?:out of memory|cannot allocate memory|failed to reserve page summary memory)/,
    /[Cc]annot allocate memory/,
    /Killed signal terminated program/,
    /JavaScript heap out of memory/,
    /OOMKilled|Out of memory: Kill(?:ed)? process|oom-kill/,
    /std::bad_alloc|MemoryError\b/,
    /^(?:\/bin\/sh: (?:\d{1,5}: )?line \d{1,6}: {0,2}\d{1,9} )?Killed(?: {1,20}.{0,200})?$/,
    /ResourceExhausted/,
  ],
  // gRPC's ResourceExhausted also reports oversized messages, which are not memory kills.
  exclude: [/received message larger than max|message too large/],
  confidence: 0.88,
  adjust: (h) => (/exit code: 137|non-zero code: 137|ResourceExhausted/.test(h.line.text) && h.hits.length === 1 ? 0.7 : 0.88),
  summary: () =>
    'A process in the build was killed by the kernel because the builder ran out of memory (the Go compiler and linker need several GB for large programs, and parallel jobs multiply it).',
  fixes: () => [
    fix.env('GOFLAGS=-p=2', 'compile fewer packages in parallel to lower peak memory'),
    fix.command('docker info --format "{{.MemTotal}}"', 'check the memory available to the daemon (Docker Desktop: Settings → Resources)'),
    fix.dockerfile('RUN go build -ldflags="-s -w" -o /out/app .', 'strip debug info to reduce linker memory'),
  ],
});
