/**
 * @module util/version
 * The package version, read once from package.json so `--version` never drifts from it.
 */
import { readFileSync } from 'node:fs';

function readVersion(): string {
  // src/util/version.ts and dist/util/version.js both sit two levels below the package root.
  const url = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

export const VERSION: string = readVersion();
