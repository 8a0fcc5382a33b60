/**
 * @module cachekey/warnings
 * Warnings that do not change a verdict (reference 5.4 item 9), from the per-file stats of both
 * sides: STALE_RISK when a selected file's content changed while size, mtime and mode stayed
 * the same (BuildKit's transfer compares metadata only, so it will likely reuse the old bytes:
 * a stale CACHED hit), and TRANSFER_ONLY when only mtimes changed (re-sent, re-hashed, still
 * cached). Both need mtimes on both sides, i.e. A from a saved snapshot.
 */
import type { ContentMap } from './compute.ts';
import type { ContextSnapshot } from './context/types.ts';

export type Warning =
  | { readonly kind: 'STALE_RISK'; readonly files: readonly string[]; readonly message: string }
  | { readonly kind: 'TRANSFER_ONLY'; readonly files: readonly string[]; readonly message: string }
  | { readonly kind: 'NO_MTIMES'; readonly message: string };

export function computeWarnings(a: ContextSnapshot, b: ContextSnapshot, contentA: ContentMap, contentB: ContentMap): Warning[] {
  const digestsA = new Map<string, string>();
  const digestsB = new Map<string, string>();
  for (const m of contentA.values()) for (const c of m.values()) for (const [p, d] of c.files) digestsA.set(p, d);
  for (const m of contentB.values()) for (const c of m.values()) for (const [p, d] of c.files) digestsB.set(p, d);
  const stale: string[] = [];
  const touched: string[] = [];
  let withTimes = 0;
  for (const [p, db] of digestsB) {
    const da = digestsA.get(p);
    const ea = a.entries.get(p);
    const eb = b.entries.get(p);
    if (da === undefined || ea === undefined || eb === undefined || ea.type !== 'file') continue;
    if (ea.mtimeMs === undefined || eb.mtimeMs === undefined) continue;
    withTimes++;
    const sameMeta = ea.size === eb.size && ea.mtimeMs === eb.mtimeMs && ea.mode === eb.mode;
    if (sameMeta && da !== db) stale.push(p);
    else if (!sameMeta && ea.mtimeMs !== eb.mtimeMs && da === db) touched.push(p);
  }
  const out: Warning[] = [];
  if (stale.length > 0) {
    out.push({
      kind: 'STALE_RISK',
      files: stale.sort(),
      message: `${stale.length} file(s) changed content but kept size, mtime and mode; BuildKit's context transfer compares metadata only and will likely reuse the old content (stale CACHED). Touch them or prune source.local cache.`,
    });
  }
  if (touched.length > 0) {
    out.push({
      kind: 'TRANSFER_ONLY',
      files: touched.sort(),
      message: `${touched.length} file(s) changed only their mtime: they are sent again but hash the same, so no step rebuilds for them.`,
    });
  }
  if (withTimes === 0 && digestsB.size > 0 && (a.label.startsWith('git:') || b.label.startsWith('git:'))) {
    out.push({ kind: 'NO_MTIMES', message: 'a git revision has no mtimes: STALE_RISK/TRANSFER_ONLY need --from snapshot:FILE (see --save-snapshot).' });
  }
  return out;
}
