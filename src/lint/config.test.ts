// Config: strict schema with "did you mean", rule names and aliases, severity/enable settings,
// default lookup, and the JSON Schema snapshot editors use.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StevedoreError } from '../errors.ts';
import { configJsonSchema, findConfigFile, parseConfigText } from './config.ts';
import { RULES } from './rules/index.ts';

function configError(text: string): StevedoreError {
  try {
    parseConfigText(text, RULES, 'stevedore.json');
  } catch (e) {
    if (e instanceof StevedoreError) return e;
    throw e;
  }
  throw new Error('expected a config error');
}

describe('parseConfigText', () => {
  it('normalises every rule: defaults, off, severity, options, aliases', () => {
    const c = parseConfigText(JSON.stringify({ rules: { 'runs-as-root': 'off', 'package-cache': 'error', DL3007: { severity: 'warning' } } }), RULES);
    expect(c.rules.size).toBe(RULES.length);
    expect(c.rules.get('runs-as-root')?.enabled).toBe(false);
    expect(c.rules.get('package-cache')?.severity).toBe('error');
    expect(c.rules.get('base-image-unpinned')?.severity).toBe('warning');
    expect(c.rules.get('go-cache-mounts')).toEqual({ enabled: true, severity: 'warning', options: {} });
  });

  const bad: [string, string, RegExp][] = [
    ['unknown top-level key', '{\n  "rulez": {}\n}', /unknown key "rulez" \(did you mean "rules"\?\)/],
    ['unknown setting key', '{"rules": {"runs-as-root": {"severty": "info"}}}', /unknown key "severty" in "rules.runs-as-root" \(did you mean "severity"\?\)/],
    ['unknown rule', '{\n  "rules": {\n    "run-as-root": "off"\n  }\n}', /unknown rule "run-as-root" in "rules" \(did you mean "runs-as-root"\?\)/],
    ['bad severity value', '{"rules": {"runs-as-root": "fatal"}}', /rules\.runs-as-root/],
    ['not JSON', '{rules:', /not valid JSON/],
  ];
  it.each(bad)('rejects %s with a located CONFIG_INVALID error', (_name, text, message) => {
    const e = configError(text);
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(message);
    expect(e.location?.file).toBe('stevedore.json');
  });

  it('locates the offending key line', () => {
    expect(configError('{\n  "rules": {\n    "run-as-root": "off"\n  }\n}').location?.line).toBe(3);
  });
});

describe('findConfigFile', () => {
  let dir: string | undefined;
  afterEach(() => { if (dir !== undefined) rmSync(dir, { recursive: true, force: true }); });
  it('prefers stevedore.json next to the Dockerfile, then the cwd', () => {
    dir = mkdtempSync(join(tmpdir(), 'stevedore-config-'));
    const sub = join(dir, 'svc');
    writeFileSync(join(dir, 'stevedore.json'), '{}');
    expect(findConfigFile('svc/Dockerfile', dir)).toBe(join(dir, 'stevedore.json'));
    rmSync(join(dir, 'stevedore.json'));
    expect(findConfigFile(join(sub, 'Dockerfile'), dir)).toBeUndefined();
  });
});

describe('JSON Schema', () => {
  it('matches the committed snapshot', async () => {
    await expect(`${JSON.stringify(configJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/stevedore.schema.json');
  });
});
