/**
 * @module lint/format/sarif
 * `--format sarif`: SARIF 2.1.0 (one run, the registry as `tool.driver.rules`), with fixes as
 * `artifactChanges` whose replacements use character offsets (`charOffset`/`charLength`), the
 * same 0-based offsets our edits use. Suggestions become extra fixes with their own description.
 */
import { docsUrl } from '../docs-url.ts';
import type { FixData } from '../rule.ts';
import type { Formatter } from './types.ts';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function sarifFix(file: string, description: string, fix: FixData): unknown {
  return {
    description: { text: description },
    artifactChanges: [
      {
        artifactLocation: { uri: file },
        replacements: fix.edits.map((e) => ({
          deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
          insertedContent: { text: e.text },
        })),
      },
      ...(fix.files ?? []).map((w) => ({
        artifactLocation: { uri: w.path, description: { text: `context file (${w.mode})` } },
        replacements: [{ deletedRegion: { charOffset: 0, charLength: 0 }, insertedContent: { text: w.content } }],
      })),
    ],
  };
}

export const formatSarif: Formatter = (results, rules) => {
  const ruleIds = [...new Set([...rules.map((r) => r.id), ...results.flatMap((r) => r.findings.map((f) => f.rule))])];
  const byId = new Map(rules.map((r) => [r.id, r]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stevedore',
            informationUri: 'docs/lint.md',
            rules: ruleIds.map((id) => {
              const r = byId.get(id);
              return {
                id,
                ...(r === undefined ? {} : {
                  shortDescription: { text: r.meta.docs.description },
                  helpUri: docsUrl(id),
                  defaultConfiguration: { level: LEVEL[r.meta.severity] },
                  properties: { category: r.meta.category, ...(r.meta.aliases === undefined ? {} : { aliases: r.meta.aliases }) },
                }),
              };
            }),
          },
        },
        results: results.flatMap((r) => r.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [{
            physicalLocation: {
              artifactLocation: { uri: f.file },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          }],
          ...(f.fix === undefined && f.suggestions === undefined ? {} : {
            fixes: [
              ...(f.fix === undefined ? [] : [sarifFix(f.file, `fix: ${f.message}`, f.fix)]),
              ...(f.suggestions ?? []).map((s) => sarifFix(f.file, s.message, s.fix)),
            ],
          }),
        }))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
