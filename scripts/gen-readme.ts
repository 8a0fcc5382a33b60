/**
 * Writes the README's command reference from each command's --help text, so the two cannot
 * drift. `--check` exits 1 (and writes nothing) when the README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReadme } from './readme-reference.ts';

const path = new URL('../README.md', import.meta.url);
const current = readFileSync(path, 'utf8');
const next = renderReadme(current);
if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md command reference is out of date: run `npx tsx scripts/gen-readme.ts`');
    process.exit(1);
  }
} else if (next !== current) {
  writeFileSync(path, next);
}
