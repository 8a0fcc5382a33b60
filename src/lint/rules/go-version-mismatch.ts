/**
 * @module lint/rules/go-version-mismatch
 * A golang base image whose tag is older than the `go` (minimum) or `toolchain` line of the
 * context's go.mod. Since Go 1.21 the go command then tries to download the newer toolchain
 * (GOTOOLCHAIN=auto) — over the network, on every uncached build — or fails with
 * `go.mod requires go >= X`. A tag like `1.22` floats over all 1.22.x, so it is compared only
 * to the precision it names. Suggest the required version in the tag.
 */
import { golangTagVersion, isGolang, parseImageRef } from '../knowledge/image.ts';
import { defineRule } from '../rule.ts';

/** `go 1.22.3` / `toolchain go1.23.1` lines of a go.mod (line-anchored, linear). */
export function goModVersions(text: string): { go: string | undefined; toolchain: string | undefined } {
  let go: string | undefined;
  let toolchain: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const m = /^go\s+(\d+(?:\.\d+){0,2})\b/.exec(line);
    if (m !== null) go = m[1];
    const t = /^toolchain\s+go(\d+(?:\.\d+){0,2})\b/.exec(line);
    if (t !== null) toolchain = t[1];
  }
  return { go, toolchain };
}

/** true when the tag version is older than `want`, compared at the tag's precision. */
export function olderThan(tag: string, want: string): boolean {
  const a = tag.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}

export default defineRule({
  id: 'go-version-mismatch',
  meta: {
    category: 'go',
    severity: 'warning',
    hasSuggestions: true,
    needsContext: true,
    docs: {
      description: 'The golang image tag should not be older than the go/toolchain version in go.mod.',
      rationale: 'An older image makes the go command download the required toolchain during the build (GOTOOLCHAIN=auto), or fail when downloads are off.',
      bad: 'FROM golang:1.21\nWORKDIR /src\nCOPY . .\n',
      good: 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\n',
      contextFiles: { 'go.mod': 'module example.com/app\n\ngo 1.23.0\n' },
    },
  },
  messages: {
    older: 'the image {{image}} provides Go {{have}}, older than the {{line}} {{want}} in go.mod',
  },
  defaultOptions: {},
  create(ctx) {
    const gomod = ctx.context?.readFile('go.mod');
    const versions = gomod === undefined ? undefined : goModVersions(gomod);
    return {
      stage(stage) {
        if (versions === undefined || stage.base.kind !== 'image') return;
        const ref = parseImageRef(stage.base.ref);
        if (!isGolang(ref)) return;
        const have = golangTagVersion(ref.tag);
        if (have === undefined) return;
        const [line, want] = versions.toolchain !== undefined && olderThan(have, versions.toolchain) && !(versions.go !== undefined && olderThan(have, versions.go))
          ? ['toolchain', versions.toolchain] as const
          : ['go', versions.go] as const;
        if (want === undefined || !olderThan(have, want)) return;
        const image = stage.from.image;
        const rawTagAt = image.raw.indexOf(`:${have}`);
        const suggestions = rawTagAt === -1 ? [] : [{
          message: `use golang:${want}`,
          fix: { edits: [{ start: image.range.start.offset + rawTagAt + 1, end: image.range.start.offset + rawTagAt + 1 + have.length, text: want }] },
        }];
        ctx.report({ messageId: 'older', data: { image: stage.base.ref, have, line, want }, range: image.range, suggestions });
      },
    };
  },
});
