// Table tests for GOPROXY case encoding.
import { describe, expect, it } from 'vitest';
import { escapeCase, unescapeCase } from './escape.ts';

describe('case encoding', () => {
  it.each([
    ['github.com/Azure/azure-sdk', 'github.com/!azure/azure-sdk'],
    ['example.com/UPPER', 'example.com/!u!p!p!e!r'],
    ['v1.0.0-RC1', 'v1.0.0-!r!c1'],
    ['plain.com/x', 'plain.com/x'],
  ])('%s <-> %s', (plain, esc) => {
    expect(escapeCase(plain)).toBe(esc);
    expect(unescapeCase(esc)).toBe(plain);
  });

  it.each(['a!', 'a!A', 'a!1', 'Abc', 'é.com', 'x!!y'])('rejects escaped %s', (s) => expect(unescapeCase(s)).toBeUndefined());
  it.each(['a!b', 'é'])('refuses to escape %s', (s) => expect(escapeCase(s)).toBeUndefined());
});
