/**
 * @module lint/config
 * The lint configuration (`stevedore.json`): a strict zod
 * schema (unknown keys are errors with "did you mean"), normalised into a fully populated
 * `LintConfig` against the rule registry so rule names and aliases are checked once, here.
 * Loading (fs) lives in `loadConfigFile`; `parseConfigText` is pure.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { StevedoreError } from '../errors.ts';
import { didYouMean } from '../util/suggest.ts';
import type { AnyRule, Severity } from './rule.ts';

const SeveritySchema = z.enum(['error', 'warning', 'info']);
const RuleSettingSchema = z.union([
  z.enum(['off', 'on', 'error', 'warning', 'info']),
  z.strictObject({
    enabled: z.boolean().optional().describe('false turns the rule off'),
    severity: SeveritySchema.optional().describe('overrides the rule\'s default severity'),
    options: z.record(z.string(), z.unknown()).optional().describe('rule options, merged over the defaults'),
  }),
]);

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z.record(z.string(), RuleSettingSchema).optional()
    .describe('per-rule setting, keyed by rule id or alias (BuildKit check name, hadolint code)'),
  buildArgs: z.record(z.string(), z.string()).optional()
    .describe('--build-arg values assumed when evaluating ARGs'),
  target: z.string().optional().describe('the stage treated as final (--target)'),
});

export type WrittenConfig = z.infer<typeof ConfigSchema>;

export interface RuleSetting {
  readonly enabled: boolean;
  readonly severity: Severity;
  readonly options: unknown;
}

/** Fully populated: one entry per registered rule. */
export interface LintConfig {
  readonly rules: ReadonlyMap<string, RuleSetting>;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly target: string | undefined;
}

export const CONFIG_FILE_NAME = 'stevedore.json';

/** Rule lookup by id or alias (aliases are case-sensitive, as BuildKit's are; ids are kebab-case). */
export function ruleIndex(rules: readonly AnyRule[]): Map<string, AnyRule> {
  const map = new Map<string, AnyRule>();
  for (const r of rules) {
    map.set(r.id, r);
    for (const a of r.meta.aliases ?? []) map.set(a, r);
  }
  return map;
}

function mergeOptions(defaults: unknown, given: Readonly<Record<string, unknown>> | undefined): unknown {
  if (given === undefined) return defaults;
  if (typeof defaults === 'object' && defaults !== null && !Array.isArray(defaults)) return { ...defaults, ...given };
  return given;
}

const defaults = new WeakMap<readonly AnyRule[], LintConfig>();

/** The configuration with every rule at its defaults (cached per registry: lint() calls it per file). */
export function defaultConfig(rules: readonly AnyRule[]): LintConfig {
  let c = defaults.get(rules);
  if (c === undefined) {
    c = normalizeConfig({}, rules);
    defaults.set(rules, c);
  }
  return c;
}

export function normalizeConfig(written: WrittenConfig, rules: readonly AnyRule[], file?: string): LintConfig {
  const index = ruleIndex(rules);
  const settings = new Map<string, RuleSetting>();
  for (const r of rules) settings.set(r.id, { enabled: true, severity: r.meta.severity, options: r.defaultOptions });
  for (const [name, setting] of Object.entries(written.rules ?? {})) {
    const rule = index.get(name);
    if (rule === undefined) {
      throw new StevedoreError('CONFIG_INVALID', `unknown rule ${JSON.stringify(name)} in "rules"${didYouMean(name, index.keys())}`, {
        ...(file === undefined ? {} : { location: { file, line: 0, column: 0 } }),
        data: { rule: name },
      });
    }
    const base = settings.get(rule.id)!;
    if (typeof setting === 'string') {
      settings.set(rule.id, setting === 'off' ? { ...base, enabled: false } : setting === 'on' ? { ...base, enabled: true } : { ...base, enabled: true, severity: setting });
    } else {
      settings.set(rule.id, {
        enabled: setting.enabled ?? true,
        severity: setting.severity ?? base.severity,
        options: mergeOptions(rule.defaultOptions, setting.options),
      });
    }
  }
  return { rules: settings, buildArgs: written.buildArgs ?? {}, target: written.target };
}

/** 1-based line of the first occurrence of `"key"` in the text, for error locations (0 when absent). */
function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(JSON.stringify(key));
  if (at === -1) return 0;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const TOP_KEYS = Object.keys(ConfigSchema.shape);
const SETTING_KEYS = ['enabled', 'severity', 'options'];

/** Parses and validates a config file's text; errors name the file, the key path and a suggestion. */
export function parseConfigText(text: string, rules: readonly AnyRule[], file = CONFIG_FILE_NAME): LintConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new StevedoreError('CONFIG_INVALID', `${file} is not valid JSON: ${(e as Error).message}`, { cause: e, location: { file, line: 0, column: 0 } });
  }
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join('.');
    let message = `${file}: ${path === '' ? '' : `"${path}": `}${issue.message}`;
    let key = issue.path.at(-1);
    if (issue.code === 'unrecognized_keys') {
      key = issue.keys[0];
      const candidates = issue.path.length === 0 ? TOP_KEYS : SETTING_KEYS;
      message = `${file}: unknown key ${JSON.stringify(key)}${path === '' ? '' : ` in "${path}"`}${didYouMean(String(key), candidates)}`;
    }
    const line = typeof key === 'string' ? lineOfKey(text, key) : 0;
    throw new StevedoreError('CONFIG_INVALID', message, { location: { file, line, column: line > 0 ? 1 : 0 }, data: { path } });
  }
  try {
    return normalizeConfig(parsed.data, rules, file);
  } catch (e) {
    if (e instanceof StevedoreError && typeof e.data.rule === 'string') {
      const line = lineOfKey(text, e.data.rule);
      throw new StevedoreError(e.code, `${file}: ${e.message}`, { data: e.data, location: { file, line, column: line > 0 ? 1 : 0 }, cause: e });
    }
    throw e;
  }
}

/** Reads an explicit config file (missing → input error). */
export function loadConfigFile(path: string, rules: readonly AnyRule[]): LintConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new StevedoreError('IO_NOT_FOUND', `cannot read config file ${path}: ${(e as Error).message}`, { cause: e });
  }
  return parseConfigText(text, rules, path);
}

/** The default lookup: `stevedore.json` next to the Dockerfile, else in the cwd; undefined when neither exists. */
export function findConfigFile(dockerfile: string, cwd: string): string | undefined {
  for (const dir of [dirname(resolve(cwd, dockerfile)), resolve(cwd)]) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The JSON Schema editors use to validate `stevedore.json` (snapshot-tested). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(ConfigSchema);
}
