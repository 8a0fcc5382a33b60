/**
 * @module lint/knowledge/package-args
 * The package operands of a package-manager command line (`apt-get install a b`, `apk add a`):
 * the words after the subcommand that are not options (or an option's value) and not variables.
 */

export function unpinnedPackages(argv: readonly string[], subcommand: string, valueFlags: ReadonlySet<string>, pinned: (p: string) => boolean): string[] {
  const i = argv.indexOf(subcommand);
  if (i === -1) return [];
  const out: string[] = [];
  for (let j = i + 1; j < argv.length; j++) {
    const a = argv[j]!;
    if (valueFlags.has(a)) {
      j++;
      continue;
    }
    if (a.startsWith('-') || a.includes('$') || pinned(a)) continue;
    out.push(a);
  }
  return out;
}
