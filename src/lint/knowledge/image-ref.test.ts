/**
 * @module lint/knowledge/image-ref.test
 * Image reference validity as distribution/reference's ParseNormalizedNamed decides it.
 */
import { describe, expect, it } from 'vitest';
import { dockerHubPath, isValidImageReference } from './image-ref.ts';

describe('isValidImageReference', () => {
  const valid = ['alpine', 'alpine:3.20', 'library/alpine', 'docker.io/library/alpine:3.20', 'ghcr.io/org/app:v1.2.3', 'localhost:5000/x',
    'golang:1.23-alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'a__b/c-d---e', 'registry.example.com:8443/a/b.c', 'scratch', 'Registry.Example.com/app'];
  const invalid = ['', 'alpine:', ':tag', 'Alpine', 'library/Alpine', 'a/b/', 'a//b', '-a', 'a-', 'a_-b', 'alpine:-x', `a:${'x'.repeat(129)}`,
    '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'alpine@sha256:xyz', 'gcr.io/app:{tag}'];
  for (const r of valid) it(`accepts ${r}`, () => { expect(isValidImageReference(r)).toBe(true); });
  for (const r of invalid) it(`rejects ${JSON.stringify(r)}`, () => { expect(isValidImageReference(r)).toBe(false); });
});

describe('dockerHubPath', () => {
  it('strips tag, digest and the Docker Hub domain', () => {
    expect(dockerHubPath('arm64v8/alpine:3.20')).toBe('arm64v8/alpine');
    expect(dockerHubPath('docker.io/amd64/golang@sha256:00')).toBe('amd64/golang');
    expect(dockerHubPath('ghcr.io/arm64v8/alpine')).toBeUndefined();
  });
});
