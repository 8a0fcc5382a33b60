/**
 * @module lint/rules/invalid-base-image-platform
 * BuildKit's InvalidBaseImagePlatform: the base image was pulled for another platform than the
 * stage needs. BuildKit learns the pulled platform from the registry; offline we know it only
 * for Docker Hub's single-architecture namespaces (`arm64v8/alpine`, `amd64/golang`, ...).
 * The expected platform is the stage's constant `--platform`, or the `targetPlatform` option
 * when set (the builder's native platform is unknown offline, so without either nothing is
 * reported). Limitation: multi-arch images lacking a platform are not detected offline.
 */
import { fromScope, scanFromWord } from '../knowledge/from-args.ts';
import { dockerHubPath } from '../knowledge/image-ref.ts';
import { ARCH_NAMESPACES, formatPlatform, parsePlatform } from '../knowledge/platform.ts';
import { defineRule } from '../rule.ts';

interface Options {
  /** The platform the build targets, e.g. "linux/arm64"; checks FROM lines without --platform too. */
  readonly targetPlatform?: string;
}

const DEFAULT_OPTIONS: Options = {};

export default defineRule({
  id: 'invalid-base-image-platform',
  meta: {
    category: 'correctness',
    severity: 'warning',
    aliases: ['InvalidBaseImagePlatform'],
    docs: {
      description: 'The base image platform should match the platform the stage is built for (checked offline for single-architecture images).',
      bad: 'FROM --platform=linux/amd64 arm64v8/alpine:3.20\nRUN true\n',
      good: 'FROM --platform=linux/arm64 arm64v8/alpine:3.20\nRUN true\n',
    },
  },
  messages: { mismatch: 'the base image {{image}} is built for "{{actual}}" but this stage needs "{{expected}}", so its programs run under emulation or fail with "exec format error"' },
  defaultOptions: DEFAULT_OPTIONS,
  create(ctx) {
    const scope = fromScope(ctx.model, ctx.ast.escapeChar);
    const option = typeof ctx.options.targetPlatform === 'string' ? parsePlatform(ctx.options.targetPlatform) : undefined;
    return {
      stage(stage) {
        if (stage.base.kind !== 'image') return;
        const path = dockerHubPath(stage.base.ref);
        const slash = path?.indexOf('/') ?? -1;
        if (path === undefined || slash === -1) return;
        const actual = ARCH_NAMESPACES[path.slice(0, slash)];
        if (actual === undefined) return;
        let expected = option;
        const word = stage.from.platform;
        if (word !== undefined) {
          const scan = scanFromWord(word, scope, ctx.ast.escapeChar);
          // A variable platform (BUILDPLATFORM, TARGETPLATFORM) has no offline value.
          expected = scan.uses.length > 0 || scan.result === undefined ? undefined : parsePlatform(scan.result);
        }
        if (expected === undefined) return;
        if (expected.os === actual.os && expected.architecture === actual.architecture) return;
        ctx.report({
          messageId: 'mismatch', data: { image: stage.base.ref, actual: formatPlatform(actual), expected: formatPlatform(expected) },
          range: stage.from.image.range,
        });
      },
    };
  },
});
