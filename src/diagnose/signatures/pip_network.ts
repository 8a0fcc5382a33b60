/**
 * @module diagnose/signatures/pip_network
 * pip could not reach PyPI: `Retrying (Retry(total=…)) after connection broken by
 * 'NewConnectionError'`, `ReadTimeoutError: HTTPSConnectionPool`, `Max retries exceeded`,
 * `Could not fetch URL`. (`No matching distribution found` alone is weaker evidence.)
 */
import { definePatternSignature, fix } from '../signature.ts';

export const pipNetwork = definePatternSignature({
  id: 'pip_network',
  title: 'pip could not reach the Python package index (NewConnectionError, ReadTimeout)',
  patterns: [
    /Retrying \(Retry\(total=\d{1,3}/,
    /(?:ReadTimeoutError|ConnectTimeoutError|NewConnectionError|ConnectionResetError)[^\n]{0,300}HTTPS?ConnectionPool|HTTPS?ConnectionPool\(host='[^']{1,200}'[^\n]{0,300}(?:Read timed out|Max retries exceeded)/,
    /Could not fetch URL https?:\/\/[^\s]{1,300}: There was a problem confirming the ssl certificate|Could not fetch URL https?:\/\/[^\s]{1,300}: connection error/,
    /pip\._vendor\.urllib3\.exceptions\.(?:ReadTimeoutError|ProtocolError)/,
    /No matching distribution found for /,
  ],
  confidence: 0.85,
  adjust: (h) => (/No matching distribution/.test(h.line.text) && !h.hits.some((x) => /Retrying|ConnectionPool|urllib3/.test(x.text)) ? 0.45 : 0.85),
  summary: () =>
    'pip could not download from the package index (timeouts or refused connections). "No matching distribution found" after retries means the network failed, not that the package is missing.',
  fixes: () => [
    fix.dockerfile('RUN --mount=type=cache,target=/root/.cache/pip pip install --retries 10 --timeout 60 -r requirements.txt', 'cache wheels and be patient with slow networks'),
    fix.env('PIP_INDEX_URL=https://<your-mirror>/simple', 'use a reachable index mirror'),
  ],
});
