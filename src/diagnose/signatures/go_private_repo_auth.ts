/**
 * @module diagnose/signatures/go_private_repo_auth
 * The go command fetched a private module over HTTPS without credentials: git asks for a
 * username (`terminal prompts disabled`), the server answers 401/403, or the public proxy and
 * checksum database cannot see the module (`410 Gone` … `could not read Username`).
 */
import { definePatternSignature, fix } from '../signature.ts';

export const goPrivateRepoAuth = definePatternSignature({
  id: 'go_private_repo_auth',
  title: 'A private Go module was fetched without credentials (terminal prompts disabled, 401/403)',
  patterns: [
    /terminal prompts disabled/,
    /could not read (?:Username|Password) for '/,
    /fatal: Authentication failed for '/,
    /If this is a private repository, see https:\/\/golang\.org\/doc\/faq#git_https/,
    /The requested URL returned error: 40[13]/,
    /\bgo: [^\n]{0,300}(?:401 Unauthorized|403 Forbidden)/,
    /reading https?:\/\/[^\s]{1,300}: 40[13] /,
    /remote: (?:HTTP Basic: Access denied|Invalid username or (?:password|token)|Repository not found)/,
    /Support for password authentication was removed/,
  ],
  confidence: 0.85,
  summary: (h) => {
    const host = /for '(https?:\/\/[^']{1,200})'/.exec(h.line.text)?.[1] ?? 'the git server';
    return `The go command tried to fetch a private module from ${host} over HTTPS and the server asked for credentials, which the build does not have. Private modules also must bypass the public proxy and checksum database (GOPRIVATE).`;
  },
  fixes: () => [
    fix.env('GOPRIVATE=github.com/your-org/*', 'fetch your private modules directly and skip the public checksum database'),
    fix.dockerfile('RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download', 'pass git credentials as a BuildKit secret (never COPY them into a layer)'),
    fix.flag('--secret id=netrc,src=$HOME/.netrc', 'provide the .netrc secret at build time'),
  ],
});
