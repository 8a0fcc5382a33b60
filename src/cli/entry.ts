/**
 * @module cli/entry
 * Process entry point: wires process streams into main() and sets the exit code. Kept apart
 * from main.ts so tests can call main() with captured streams.
 */
import { main } from './main.ts';

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
