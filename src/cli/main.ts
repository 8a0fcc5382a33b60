/**
 * @module cli/main
 * The command table and the error boundary. Every command is a module in commands/; this file
 * maps errors to messages, hints and exit codes (0 ok, 1 findings or failure, 2 usage or input
 * error, 3 internal error) and prints the offending source line for located errors.
 */
import { readFileSync } from 'node:fs';
import { StevedoreError } from '../errors.ts';
import type { Command, Io } from '../util/args.ts';
import { VERSION } from '../util/version.ts';
import { COMMANDS } from './commands/index.ts';
import { renderCodeFrame } from '../util/code-frame.ts';

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: stevedore <command> [options]',
    '',
    'Fast, reliable and explainable Docker BuildKit builds of Go services.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `stevedore <command> --help` for the options of a command.',
    'Exit codes: 0 ok, 1 findings or failure, 2 usage or input error, 3 internal error.',
    '',
  ].join('\n');
}

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(topHelp());
      return 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const command = findCommand(name);
    if (command === undefined) {
      throw new StevedoreError('CLI_UNKNOWN_COMMAND', `unknown command ${JSON.stringify(name)}`);
    }
    return await command.run(rest, io);
  } catch (e) {
    return reportError(e, io);
  }
}

/** Renders any thrown value; never throws itself. */
export function reportError(e: unknown, io: Io): number {
  if (e instanceof StevedoreError) {
    const loc = e.location;
    const where = loc?.file === undefined ? '' : `${loc.file}:${loc.line}:${loc.column}: `;
    io.stderr.write(`stevedore: ${where}error[${e.code}]: ${e.message}\n`);
    if (loc?.file !== undefined && loc.line > 0) {
      const frame = tryFrame(loc.file, loc.line, loc.column);
      if (frame !== undefined) io.stderr.write(frame);
    }
    const hint = e.info.hint;
    if (hint !== undefined) io.stderr.write(`hint: ${hint}\n`);
    return e.info.exit;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const home = process.env.HOME;
  // Local paths are scrubbed so a pasted bug report does not leak the user's layout.
  const scrub = (s: string): string => {
    const t = s.replaceAll(process.cwd(), '.');
    return home === undefined || home === '' || home === '/' ? t : t.replaceAll(home, '~');
  };
  io.stderr.write(
    `stevedore: internal error: ${scrub(err.message)}\nthis is a bug, please report it with the command you ran\n${scrub(err.stack ?? '')}\n`,
  );
  return 3;
}

function tryFrame(file: string, line: number, column: number): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Named fallback: the file may be stdin or gone; the message already names the position.
    return undefined;
  }
  return renderCodeFrame(text, line, column);
}
