// Table tests for the go command's semver and pseudo-version grammar.
import { describe, expect, it } from 'vitest';
import { canonicalModuleVersion, canonicalSemver, compareSemver, isPseudoVersion, isValidSemver } from './semver.ts';

describe('semver', () => {
  it.each([
    ['v1', true], ['v1.2', true], ['v1.2.3', true], ['v1.2.3-pre', true], ['v1.2.3-pre.1+build', true],
    ['v2.0.0+incompatible', true], ['1.2.3', false], ['v01.2.3', false], ['v1.2.3-01', false], ['v1.2.3-', false],
    ['v1.2.3+', false], ['v1.2.3.4', false], ['v', false], ['', false], ['v1.2.3-a..b', false], ['v1.2.3-a_b', false],
  ])('isValidSemver(%s) = %s', (v, ok) => expect(isValidSemver(v)).toBe(ok));

  it.each([
    ['v1', 'v1.0.0'], ['v1.2', 'v1.2.0'], ['v1.2.3+meta', 'v1.2.3'], ['bad', ''],
  ])('canonicalSemver(%s) = %s', (v, c) => expect(canonicalSemver(v)).toBe(c));

  it('keeps +incompatible in module canonical form', () => {
    expect(canonicalModuleVersion('v2.0.0+incompatible')).toBe('v2.0.0+incompatible');
    expect(canonicalModuleVersion('v2.0.0+other')).toBe('v2.0.0');
  });

  it.each([
    ['v1.0.0', 'v1.0.1', -1], ['v1.10.0', 'v1.9.0', 1], ['v1.0.0-alpha', 'v1.0.0', -1],
    ['v1.0.0-alpha.1', 'v1.0.0-alpha.beta', -1], ['v1.0.0-2', 'v1.0.0-10', -1], ['v1.0.0', 'v1', 0], ['bad', 'v0.0.1', -1],
  ])('compare(%s, %s) = %s', (a, b, r) => expect(compareSemver(a, b)).toBe(r));

  it.each([
    ['v0.0.0-20191109021931-daa7c04131f5', true],
    ['v1.2.4-0.20191109021931-daa7c04131f5', true],
    ['v1.2.3-pre.0.20191109021931-daa7c04131f5', true],
    ['v2.0.0-20191109021931-daa7c04131f5+incompatible', true],
    ['v1.2.0-20191109021931-daa7c04131f5', false],
    ['v0.0.0-2019110902193-daa7c04131f5', false],
    ['v1.2.3', false],
    ['v1.2.3-pre.1.20191109021931-daa7c04131f5', false],
  ])('isPseudoVersion(%s) = %s', (v, ok) => expect(isPseudoVersion(v)).toBe(ok));
});
