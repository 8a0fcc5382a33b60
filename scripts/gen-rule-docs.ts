/**
 * Writes docs/rules/<id>.md for every registered rule and docs/rules/README.md (the index),
 * from rule metadata. Run: `npx tsx scripts/gen-rule-docs.ts` (use `--check` to only report
 * stale pages, exit 1). The registry test fails when a page is out of date.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES, renderRuleDoc, renderRulesIndex } from '../src/lint/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'docs', 'rules');
const check = process.argv.includes('--check');
const wanted = new Map<string, string>(RULES.map((r) => [`${r.id}.md`, renderRuleDoc(r)]));
wanted.set('README.md', renderRulesIndex(RULES));

let stale = 0;
mkdirSync(dir, { recursive: true });
for (const [name, text] of wanted) {
  const path = join(dir, name);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === text) continue;
  stale++;
  if (check) console.log(`stale: docs/rules/${name}`);
  else writeFileSync(path, text);
}
for (const name of readdirSync(dir)) {
  if (name.endsWith('.md') && !wanted.has(name)) {
    stale++;
    if (check) console.log(`orphan: docs/rules/${name}`);
    else rmSync(join(dir, name));
  }
}
console.log(`${check ? 'checked' : 'wrote'} ${wanted.size} pages, ${stale} ${check ? 'stale' : 'changed'}`);
if (check && stale > 0) process.exitCode = 1;
