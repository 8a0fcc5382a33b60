/**
 * @module diagnose/signatures/go_vcs_tool_missing
 * The go command needs git (or hg, svn, bzr, fossil) for a direct fetch and the image lacks it:
 * `exec: "git": executable file not found in $PATH`, `missing Git command`.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const goVcsToolMissing = definePatternSignature({
  id: 'go_vcs_tool_missing',
  title: 'git (or another VCS tool) is missing from the image for a direct module fetch',
  patterns: [
    /exec: "(?:git|hg|svn|bzr|fossil)": executable file not found/,
    /missing (?:Git|Mercurial|Subversion|Bazaar|Fossil) command/,
    /go: [^\n]{0,300}(?:git|hg): (?:not found|command not found)/,
  ],
  confidence: 0.92,
  summary: (h) => {
    const tool = /"(git|hg|svn|bzr|fossil)"/.exec(h.line.text)?.[1] ?? 'git';
    return `The go command needs ${tool} to fetch a module directly from its repository (GOPROXY=direct, GOPRIVATE or a VCS-only path), and ${tool} is not installed in the build image (slim and alpine golang images lack it).`;
  },
  fixes: () => [
    fix.dockerfile('RUN apk add --no-cache git', 'alpine: install git before go mod download'),
    fix.dockerfile('RUN apt-get update && apt-get install -y --no-install-recommends git', 'debian: install git before go mod download'),
    fix.flag('--build-arg GOPROXY=https://proxy.golang.org,direct', 'or fetch public modules through a proxy, which needs no VCS tools'),
  ],
});
