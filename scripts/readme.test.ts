/** The README's command reference is the commands' current --help text, and Quick start names real scripts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReadme } from './readme-reference.ts';
import { COMMANDS } from '../src/cli/commands/index.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

describe('README', () => {
  it('has an up-to-date command reference (run `npx tsx scripts/gen-readme.ts`)', () => {
    expect(renderReadme(readme)).toBe(readme);
  });
  it('documents every command', () => {
    for (const c of COMMANDS) expect(readme).toContain(`### \`stevedore ${c.name}\``);
  });
  it('Quick start uses npm scripts that exist', () => {
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Exit codes'));
    const used = [...quick.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(used).toEqual(expect.arrayContaining(['setup', 'demo', 'test:all']));
    for (const s of used) expect(pkg.scripts[s]).toBeDefined();
  });
});
