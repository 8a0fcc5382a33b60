/**
 * @module diagnose/signatures/go_unknown_revision
 * The module exists but the requested version or revision does not: `unknown revision v1.2.3`,
 * `invalid version: unknown revision`, `reading …/go.mod at revision …: unknown revision`,
 * `invalid pseudo-version`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const goUnknownRevision = definePatternSignature({
  id: 'go_unknown_revision',
  title: 'A Go module version or revision does not exist (unknown revision, invalid pseudo-version)',
  patterns: [/unknown revision /, /invalid pseudo-version/, /invalid version: [^\n]{0,200}(?:does not exist|not found|unknown)/, /reading [^\s]{1,300}go\.mod at revision [^\s]{1,100}: unknown revision/, /version "[^"]{1,100}" invalid/],
  exclude: [/terminal prompts disabled|could not read Username/],
  confidence: 0.85,
  summary: (h) => {
    const rev = /unknown revision ([^\s]{1,100})/.exec(h.line.text)?.[1];
    return `A required module version${rev === undefined ? '' : ` (${rev})`} does not exist in its repository: the tag or commit was deleted, never pushed, or mistyped in go.mod.`;
  },
  fixes: () => [
    fix.command('go list -m -versions <module>', 'list the versions that exist'),
    fix.command('go get <module>@latest && go mod tidy', 'move to an existing version and commit go.mod and go.sum'),
    fix.command('git push origin <tag>', 'if the tag is yours, push it'),
  ],
});
