/**
 * @module diagnose/signatures/go_unknown_module
 * A module or import path does not exist: the proxy answers 404/410 `not found`, `no matching
 * versions`, `cannot find module providing package`, `malformed module path`, or `module
 * declares its path as … but was required as …`. A typo here often also makes git ask for
 * credentials; ordering.ts ranks this above the auth prompt.
 */
import { definePatternSignature, fix } from '../signature.ts';

const STRONG = /cannot find module providing package|malformed module path|module declares its path|no matching versions for query/;

export const goUnknownModule = definePatternSignature({
  id: 'go_unknown_module',
  title: 'A Go module path does not exist (404/410 not found, no matching versions, typo)',
  patterns: [
    /cannot find module providing package/,
    /no matching versions for query/,
    /malformed module path/,
    /module declares its path as: /,
    /but was required as: /,
    /unrecognized import path "[^"]{1,300}"[^\n]{0,300}(?:404|not found|no go-import meta)/,
    /reading https?:\/\/[^\s]{1,300}\/@v\/(?:list|[^\s]{1,100}\.(?:info|mod)): (?:404 Not Found|410 Gone)/,
    /server response: not found: /,
    /repository does not exist/,
  ],
  exclude: [/terminal prompts disabled|could not read Username|Authentication failed/, /sum\.golang\.org\/lookup/],
  // With a credential prompt in the log, a bare "not found" from the proxy or checksum database
  // usually means a private module (go_private_repo_auth); only the go command's own "no module
  // provides this import" wordings then point at a mistyped path.
  when: (ctx, hits) =>
    !ctx.lines.some((l) => /terminal prompts disabled|could not read Username|Authentication failed for/.test(l.text)) ||
    hits.some((h) => STRONG.test(h.text)),
  confidence: 0.82,
  adjust: (h) => (/cannot find module providing package|malformed module path|module declares its path/.test(h.line.text) ? 0.88 : 0.82),
  summary: (h) => {
    const mod = /(?:package|module|path|query "?[^"]{0,50}"? for) ([A-Za-z0-9._~/-]{3,300})/.exec(h.line.text)?.[1];
    return `The go command cannot find ${mod === undefined ? 'a module' : `"${mod}"`}: no proxy or repository serves that path. It is usually a typo in an import path or go.mod, a renamed repository, or a module path that differs from the one in its go.mod.`;
  },
  fixes: () => [
    fix.command('go mod tidy && go build ./...', 'reproduce locally; the first error names the bad import path'),
    fix.command('grep -rn "<module path>" --include=*.go --include=go.mod .', 'find where the wrong path is imported and correct it'),
    fix.env('GOPRIVATE=<host>/<org>/*', 'if the module is private, fetch it directly instead of through the public proxy'),
  ],
});
