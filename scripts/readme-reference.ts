/**
 * The README command reference: one section per command with its --help text, between the
 * `<!-- commands:start -->` and `<!-- commands:end -->` markers.
 */
import { COMMANDS } from '../src/cli/commands/index.ts';

const START = '<!-- commands:start -->';
const END = '<!-- commands:end -->';

export function renderReference(): string {
  return COMMANDS.map((c) => `### \`stevedore ${c.name}\`\n\n\`\`\`text\n${c.help().trimEnd()}\n\`\`\`\n`).join('\n');
}

export function renderReadme(readme: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a === -1 || b === -1 || b < a) throw new Error('README.md lacks the command reference markers');
  return `${readme.slice(0, a + START.length)}\n${renderReference()}${readme.slice(b)}`;
}
