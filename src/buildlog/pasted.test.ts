/**
 * @module buildlog/pasted.test
 * Error blocks as users paste them into issue forms: the whole excerpt indented, the header
 * padded with terminal-width blanks after its colon. The header must still name the failing step
 * and the block's lines must still land in that step's output.
 */
import { describe, expect, it } from 'vitest';
import { outputLines, parseLog } from './index.ts';

const BLOCK = [' > [7/8] RUN go mod download:', '0.12 go: errors parsing go.mod:', '0.12 /server/go.mod:3: invalid go version'];

describe('pasted error blocks', () => {
  it.each([
    ['as printed', BLOCK],
    ['indented by an issue form', BLOCK.map((l) => `  ${l}`)],
    ['indented with a tab', BLOCK.map((l) => `\t${l}`)],
    ['header padded with blanks', [`${BLOCK[0] ?? ''}${' '.repeat(40)}`, ...BLOCK.slice(1)]],
  ])('%s', (_name, lines) => {
    const record = parseLog(`${lines.join('\n')}\n`);
    expect(record.failure?.step).toBe('[7/8] RUN go mod download');
    const step = record.steps.find((s) => s.name === '[7/8] RUN go mod download');
    expect(step).toBeDefined();
    expect(outputLines(step!.output).map((l) => l.text.trim())).toContain('go: errors parsing go.mod:');
  });

  it('does not read a deeply indented quote as a header', () => {
    const record = parseLog(`${' '.repeat(12)}> [7/8] RUN go mod download:\n`);
    expect(record.steps.some((s) => s.name === '[7/8] RUN go mod download')).toBe(false);
  });
});
