/**
 * @module lint/knowledge/image
 * Image references as FROM and `COPY --from` write them: split into registry, repository,
 * tag and digest (after the reference grammar of distribution/reference, simplified: no
 * validation, just the parts lint needs), and classification of the bases lint cares about.
 */
import type { DockerfileModel, Stage } from '../../dockerfile/index.ts';
import { isValidImageReference } from './image-ref.ts';

export interface ImageRef {
  /** e.g. "docker.io", "gcr.io"; undefined when implicit (Docker Hub). */
  readonly registry: string | undefined;
  /** Path without registry, e.g. "library/golang" is written "golang". */
  readonly repository: string;
  /** Last path segment, e.g. "golang", "static-debian12". */
  readonly name: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

export function parseImageRef(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon !== -1 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const name = rest.slice(rest.lastIndexOf('/') + 1);
  return { registry, repository: rest, name, tag, digest };
}

/** True when the reference still holds an unexpanded variable (we cannot judge it). */
export function hasVariable(ref: string): boolean {
  return ref.includes('$');
}

/**
 * True when lint cannot know which image a base reference names: it still holds a variable, or
 * the ARG defaults expand it to a malformed reference (`golang:`, `/app-base:`), so the real
 * image comes from --build-arg. Facts about such a base (its tag, its USER) are unknowable offline.
 */
export function isUnknownImage(ref: string): boolean {
  return hasVariable(ref) || !isValidImageReference(ref);
}

export function isGolang(ref: ImageRef): boolean {
  return ref.name === 'golang' || ref.repository.endsWith('/golang');
}

/** The Go version in a golang tag: "1.22-alpine" → "1.22", "1.22.3-bookworm" → "1.22.3". */
export function golangTagVersion(tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  const m = /^(\d+(?:\.\d+){0,2})(?:rc\d+)?(?:-|$)/.exec(tag);
  return m?.[1];
}

export function isAlpine(ref: ImageRef): boolean {
  return ref.name === 'alpine' || (ref.tag?.includes('alpine') ?? false);
}

/** scratch, distroless static, or alpine: images without glibc, where a cgo binary fails to start. */
export function isStaticOnlyBase(stage: Stage): 'scratch' | 'distroless-static' | 'alpine' | undefined {
  if (stage.base.kind === 'scratch') return 'scratch';
  if (stage.base.kind !== 'image') return undefined;
  const ref = parseImageRef(stage.base.ref);
  if (ref.repository.includes('distroless/static')) return 'distroless-static';
  if (isAlpine(ref)) return 'alpine';
  return undefined;
}

/** The external image a stage ultimately builds on (following `FROM <stage>`), or undefined for scratch/unknown. */
export function rootImage(model: DockerfileModel, stage: Stage): ImageRef | undefined {
  let s: Stage | undefined = stage;
  for (let hops = 0; s !== undefined && hops <= model.stages.length; hops++) {
    if (s.base.kind === 'image') return parseImageRef(s.base.ref);
    if (s.base.kind === 'scratch') return undefined;
    s = model.stages[s.base.stage];
  }
  return undefined;
}

/** The stage the build produces (the target). */
export function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages[model.target] ?? model.stages.at(-1);
}
