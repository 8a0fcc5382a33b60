/**
 * @module lint/knowledge/platform.test
 * Platform specifiers parsed and normalised as containerd's platforms.Parse does.
 */
import { expect, it } from 'vitest';
import { formatPlatform, parsePlatform } from './platform.ts';

it.each([
  ['linux/amd64', 'linux/amd64'], ['linux/x86_64', 'linux/amd64'], ['linux/aarch64', 'linux/arm64'], ['linux/arm64/v8', 'linux/arm64'],
  ['linux/arm', 'linux/arm/v7'], ['linux/arm/6', 'linux/arm/v6'], ['arm64', 'linux/arm64'], ['windows', 'windows/amd64'], ['Linux/AMD64', 'linux/amd64'],
])('%s → %s', (spec, want) => {
  const p = parsePlatform(spec);
  expect(p === undefined ? undefined : formatPlatform(p)).toBe(want);
});

it.each(['', 'linux/', 'a/b/c/d', 'linux/am d64', 'macos/arm64'])('rejects %j', (spec) => {
  expect(parsePlatform(spec)).toBeUndefined();
});
