/**
 * @module diagnose/signatures/copy_from_unknown_stage
 * `COPY --from=<name>` names a stage that does not exist (often a typo). BuildKit then treats the
 * name as an image and fails to pull `docker.io/library/<name>:latest`; the classic builder says
 * `invalid from flag value <name>`. Matched by connecting the --from name to the pull error.
 */
import type { DiagnoseContext, Signature } from '../types.ts';
import { findHits, fix, placementFactor, scoreOf, toEvidence } from '../signature.ts';

const DIRECT = [/invalid from flag value [^\s:]{1,200}/, /failed to parse stage name "[^"]{1,200}"/, /stage name "?[^\s"]{1,200}"? not found/];

/** The names used in `--from=` anywhere the log or the Dockerfile shows them. */
function fromNames(ctx: DiagnoseContext): Set<string> {
  const names = new Set<string>();
  const texts = [...ctx.record.steps.map((s) => s.name), ...(ctx.record.failure?.dockerfile?.lines.map((l) => l.text) ?? []), ctx.dockerfile ?? ''];
  for (const t of texts) for (const m of t.matchAll(/--from=([A-Za-z0-9_./:-]{1,200})/g)) names.add(m[1]!.toLowerCase());
  return names;
}

export const copyFromUnknownStage: Signature = {
  id: 'copy_from_unknown_stage',
  title: 'COPY --from names a stage that does not exist (looked up as an image instead)',
  match(ctx) {
    const direct = findHits(ctx, DIRECT).map((h) => h.line);
    let hits = direct;
    let name = /(?:value|name) "?([^\s":]{1,200})/.exec(direct[0]?.text ?? '')?.[1] ?? null;
    if (hits.length === 0) {
      // A bare `FROM docker.io/library/<word>:latest` vertex (no `[stage i/n]`) is an image that
      // BuildKit resolves for `COPY --from=<word>`; a single word with an implicit :latest that
      // then fails to resolve is almost always a mistyped stage name.
      const bare = ctx.record.steps.find((s) => s.error !== null && !s.canceled && /^FROM docker\.io\/library\/[a-z0-9_.-]{1,200}:latest$/.test(s.name));
      if (bare !== undefined) {
        name = /library\/([a-z0-9_.-]{1,200}):latest/.exec(bare.name)![1]!;
        hits = ctx.lines.filter((l) => l.step === bare.number || (l.step === null && l.text.includes(`library/${name!}`)));
      }
    }
    if (hits.length === 0) {
      const names = fromNames(ctx);
      if (names.size === 0) return null;
      const stages = new Set([...(ctx.dockerfile ?? '').matchAll(/^\s*FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]!.toLowerCase()));
      const pulls = findHits(ctx, [/(?:docker\.io\/library\/)?([a-z0-9_.-]{1,200}):latest[^\n]{0,300}(?:not found|pull access denied|insufficient_scope|authorization failed|repository does not exist|no such host|dial tcp|failed to resolve source metadata)/, /pull access denied for ([a-z0-9_.-]{1,200})/]);
      const hit = pulls.find((p) => {
        const n = /library\/([a-z0-9_.-]{1,200}):latest/.exec(p.line.text)?.[1] ?? /access denied for ([a-z0-9_.-]{1,200})/.exec(p.line.text)?.[1] ?? p.match[1];
        return n !== undefined && names.has(n) && !stages.has(n) && (name = n) !== null;
      });
      if (hit === undefined) return null;
      hits = pulls.map((p) => p.line);
    }
    return {
      confidence: scoreOf(0.93, placementFactor(ctx, hits), hits.length),
      evidence: toEvidence(hits),
      summary: `COPY --from=${name ?? '<name>'} names no stage of this Dockerfile, so BuildKit tried to pull an image called "${name ?? '<name>'}" and failed. Stage names are case-sensitive and must be defined (FROM … AS ${name ?? '<name>'}) before they are used.`,
      fixes: [
        fix.dockerfile(`FROM golang:1.24 AS ${name ?? 'builder'}`, 'define the stage, or correct the --from name to an existing stage'),
        fix.command('grep -n "^FROM" Dockerfile', 'list the stage names the Dockerfile defines'),
      ],
    };
  },
};
