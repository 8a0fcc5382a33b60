// Table tests for module path, file path and version checks (go command rules).
import { describe, expect, it } from 'vitest';
import { checkFilePath, checkModulePath, checkModuleVersion, splitPathVersion } from './module-path.ts';

describe('checkModulePath', () => {
  it.each([
    'example.com/m', 'github.com/Azure/go', 'example.com/m/v2', 'gopkg.in/yaml.v3', 'golang.org/toolchain', 'example.com/a~b/c_d',
  ])('accepts %s', (p) => expect(checkModulePath(p)).toBeUndefined());
  it.each([
    ['', 'empty string'], ['example', 'missing dot'], ['Example.com/m', 'invalid char'], ['-x.com/m', 'leading dash'],
    ['example.com//m', 'double slash'], ['example.com/m/', 'trailing slash'], ['example.com/../etc', 'invalid path element'],
    ['example.com/.hidden', 'leading dot'], ['example.com/m/v1', 'invalid version'], ['example.com/m/v0', 'invalid version'],
    ['example.com/con', 'Windows'], ['example.com/abc~1', 'tilde'], ['example.com/a@b', 'invalid char'], ['example.com/a b', 'invalid char'],
  ])('rejects %s (%s)', (p, why) => expect(checkModulePath(p)).toContain(why));
});

describe('checkFilePath', () => {
  it.each(['go.mod', 'a/b c/d.go', 'dir/@x.txt', 'é/ü.go'])('accepts %s', (p) => expect(checkFilePath(p)).toBeUndefined());
  it.each(['../x', 'a/../b', 'a//b', 'a/', 'x*y', 'a/b:c', 'a\\b', 'aux.txt'])('rejects %s', (p) => expect(checkFilePath(p)).toBeDefined());
});

describe('checkModuleVersion', () => {
  it.each([
    ['example.com/m', 'v1.2.3'], ['example.com/m', 'v0.0.0-20240101000000-abcdefabcdef'], ['example.com/m', 'v2.0.0+incompatible'],
    ['example.com/m/v2', 'v2.1.0'], ['gopkg.in/yaml.v3', 'v3.0.1'],
  ])('accepts %s@%s', (m, v) => expect(checkModuleVersion(m, v)).toBeUndefined());
  it.each([
    ['example.com/m', 'v2.0.0', 'should be v0 or v1'], ['example.com/m/v2', 'v3.0.0', 'should be v2'],
    ['example.com/m', 'v1.2', 'not canonical'], ['example.com/m', 'master', 'not a semantic version'],
    ['example.com/m/v2', 'v2.0.0+incompatible', 'major version suffix'], ['example.com/m', 'v1.0.0+incompatible', 'compatible'],
  ])('rejects %s@%s (%s)', (m, v, why) => expect(checkModuleVersion(m, v)).toContain(why));
});

describe('splitPathVersion', () => {
  it.each([
    ['example.com/m/v2', 'example.com/m', '/v2', true], ['example.com/m', 'example.com/m', '', true],
    ['gopkg.in/yaml.v3', 'gopkg.in/yaml', '.v3', true], ['example.com/m/v1.2', 'example.com/m/v1.2', '', false],
  ])('%s', (p, prefix, major, ok) => expect(splitPathVersion(p)).toEqual({ prefix, pathMajor: major, ok }));
});
