/**
 * @module lint/rules/legacy-key-value-format
 * BuildKit's LegacyKeyValueFormat: `ENV key value` / `LABEL key value` instead of `key=value`.
 * In the legacy form the value is the rest of the line, so `ENV A b C=d` sets A to "b C=d".
 * The fix writes `key=value` (quoted when the value has blanks) only when that is provably the
 * same: one line, a plain key, and a value without quotes or escapes (variables expand the same
 * bare or inside double quotes). Otherwise it is reported without a fix.
 */
import { defineRule } from '../rule.ts';

/** Values whose meaning is identical bare (one word) or inside double quotes (several words). */
const SAFE_VALUE = /^[^"'`\\\s]+(?:[ \t]+[^"'`\\\s]+)*$/;
const SAFE_KEY = /^[A-Za-z0-9_.\-/]+$/;

export default defineRule({
  id: 'legacy-key-value-format',
  meta: {
    category: 'style',
    severity: 'warning',
    fixable: 'code',
    aliases: ['LegacyKeyValueFormat'],
    docs: {
      description: 'ENV and LABEL should use key=value; the whitespace form takes the rest of the line as the value.',
      bad: 'FROM alpine:3.20\nENV GOPATH /go\n',
      good: 'FROM alpine:3.20\nENV GOPATH=/go\n',
    },
  },
  messages: { legacy: '{{keyword}} uses the old whitespace form "{{keyword}} key value", where everything after the key becomes one value (`{{keyword}} A b C=d` sets A to "b C=d"); write "{{keyword}} key=value"' },
  defaultOptions: {},
  create(ctx) {
    return {
      instruction(ins, _step, stage) {
        if ((ins.keyword !== 'ENV' && ins.keyword !== 'LABEL') || stage === undefined) return;
        const node = ins.node;
        const rest = node.rest.trim();
        const firstWord = /^\S*/.exec(rest)?.[0] ?? '';
        // BuildKit's legacy test: the first word has no '='.
        if (rest === '' || firstWord.includes('=')) return;
        const value = rest.slice(firstWord.length).trim();
        const oneLine = node.restRange.start.line === node.restRange.end.line;
        const safe = oneLine && value !== '' && SAFE_KEY.test(firstWord) && SAFE_VALUE.test(value);
        const written = /\s/.test(value) ? `"${value}"` : value;
        ctx.report({
          messageId: 'legacy', data: { keyword: node.keywordText }, range: node.range,
          ...(safe ? { fix: { edits: [{ start: node.restRange.start.offset, end: node.restRange.end.offset, text: `${firstWord}=${written}` }] } } : {}),
        });
      },
    };
  },
});
