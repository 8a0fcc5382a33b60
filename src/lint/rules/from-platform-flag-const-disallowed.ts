/**
 * @module lint/rules/from-platform-flag-const-disallowed
 * BuildKit's FromPlatformFlagConstDisallowed (hadolint DL3029, narrower): `FROM --platform=` with
 * a constant pins the stage to one platform, so multi-platform builds silently build it for the
 * wrong one. As in BuildKit, values with variables are fine, values that do not parse as a
 * platform are left to the build, and a stage whose name contains the platform's OS or
 * architecture (`AS build-arm64`) is deliberate and not reported. hadolint's DL3029 also flags
 * variables other than BUILDPLATFORM/TARGETPLATFORM; this rule follows BuildKit.
 */
import { fromScope, scanFromWord } from '../knowledge/from-args.ts';
import { parsePlatform } from '../knowledge/platform.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'from-platform-flag-const-disallowed',
  meta: {
    category: 'correctness',
    severity: 'warning',
    aliases: ['FromPlatformFlagConstDisallowed', 'DL3029'],
    docs: {
      description: 'A hard-coded FROM --platform ignores the platform the build asks for; derive it from $BUILDPLATFORM or $TARGETPLATFORM.',
      bad: 'FROM --platform=linux/amd64 golang:1.23 AS build\nRUN go version\n',
      good: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nRUN go version\n',
    },
  },
  messages: { constant: 'FROM --platform is fixed to "{{platform}}", so this stage ignores the platform the build asks for and multi-platform builds get "{{platform}}" every time; derive it from $BUILDPLATFORM or $TARGETPLATFORM' },
  defaultOptions: {},
  create(ctx) {
    const scope = fromScope(ctx.model, ctx.ast.escapeChar);
    return {
      stage(stage) {
        const word = stage.from.platform;
        if (word === undefined) return;
        const scan = scanFromWord(word, scope, ctx.ast.escapeChar);
        if (scan.uses.length > 0 || scan.result === undefined) return;
        const p = parsePlatform(scan.result);
        if (p === undefined) return;
        const name = stage.from.stageName?.raw.toLowerCase() ?? '';
        if (name.includes(p.os) || name.includes(p.architecture)) return;
        ctx.report({ messageId: 'constant', data: { platform: scan.result }, range: word.range });
      },
    };
  },
});
