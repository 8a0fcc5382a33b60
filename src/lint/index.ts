/**
 * @module lint
 * The public API of the lint part: `lint()` a Dockerfile text into findings, `fix()` it in
 * passes, the rule registry, configuration, the build-context view, and the output formats.
 * Other parts (cli, bench, scripts) import lint only from here.
 */
export { lint, lintPrepared, prepare, RULE_CRASH } from './engine.ts';
export type { Finding, LintOptions, Prepared } from './engine.ts';
export { fixText as fix, applyFixesOnce, MAX_PASSES } from './fix.ts';
export type { FixOptions, FixResult, PassResult } from './fix.ts';
export {
  CONFIG_FILE_NAME, ConfigSchema, configJsonSchema, defaultConfig, findConfigFile, loadConfigFile, normalizeConfig,
  parseConfigText, ruleIndex,
} from './config.ts';
export type { LintConfig, RuleSetting, WrittenConfig } from './config.ts';
export { contextFromDirectory } from './context.ts';
export { splitShell } from './shell.ts';
export { collectSuppressions, parsePragma } from './pragma.ts';
export { RULES } from './rules/index.ts';
export { defineRule } from './rule.ts';
export type {
  AnyRule, Category, ContextView, FileWrite, FixData, Report, RuleContext, RuleDefinition, RuleDocs, RuleMeta,
  RuleVisitor, RunView, Severity, ShellCommand, Suggestion, TextEdit,
} from './rule.ts';
export { FORMATS, formatFindings, isFormat, exitCodeFor } from './format/index.ts';
export type { FormatName, FileResult } from './format/index.ts';
export { docsUrl } from './docs-url.ts';
export { renderRuleDoc, renderRulesIndex } from './docs.ts';
