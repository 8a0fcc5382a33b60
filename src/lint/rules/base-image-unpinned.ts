/**
 * @module lint/rules/base-image-unpinned
 * A base image without a tag, or with `:latest`, changes under the build without notice (an
 * error); a tag without a digest can still be re-pushed (info). Only suggestions are possible
 * offline: lint cannot look up digests. Stage references, `scratch` and references still holding
 * variables or malformed after ARG expansion (the image comes from --build-arg) are not judged.
 */
import { isUnknownImage, parseImageRef } from '../knowledge/image.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'base-image-unpinned',
  meta: {
    category: 'security',
    severity: 'error',
    aliases: ['DL3006', 'DL3007'],
    docs: {
      description: 'Pin base images: always a tag other than latest, ideally a digest.',
      rationale: 'An untagged or latest image moves when upstream publishes, making builds irreproducible and cache keys unstable; a digest pins the exact bytes.',
      bad: 'FROM golang\n',
      good: 'FROM golang:1.23@sha256:0000000000000000000000000000000000000000000000000000000000000000\n',
    },
  },
  messages: {
    noTag: 'the base image {{image}} has no tag: it resolves to :latest, which moves',
    latest: 'the base image {{image}} uses the :latest tag, which moves',
    noDigest: 'the base image {{image}} is not pinned by digest (@sha256:...)',
  },
  defaultOptions: {},
  create(ctx) {
    return {
      stage(stage) {
        if (stage.base.kind !== 'image' || isUnknownImage(stage.base.ref)) return;
        const ref = parseImageRef(stage.base.ref);
        const range = stage.from.image.range;
        const data = { image: stage.base.ref };
        if (ref.digest !== undefined) return;
        if (ref.tag === undefined) ctx.report({ messageId: 'noTag', data, range });
        else if (ref.tag === 'latest') ctx.report({ messageId: 'latest', data, range });
        else ctx.report({ messageId: 'noDigest', data, range, severity: 'info' });
      },
    };
  },
});
