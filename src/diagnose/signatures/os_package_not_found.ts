/**
 * @module diagnose/signatures/os_package_not_found
 * (Added category.) The OS package manager does not know a package: apt `Unable to locate
 * package`, `has no installation candidate`, apk `unable to select packages … (no such package)`,
 * dnf/yum `No match for argument`. After a DNS or network failure this is only a symptom
 * (ordering.ts).
 */
import { definePatternSignature, fix } from '../signature.ts';

export const osPackageNotFound = definePatternSignature({
  id: 'os_package_not_found',
  title: 'An OS package name is unknown to apt/apk/dnf (Unable to locate package)',
  patterns: [/E: Unable to locate package /, /has no installation candidate/, /unable to select packages/, /\(no such package\)/, /No match for argument: /, /No package [^\s]{1,200} available/],
  confidence: 0.7,
  summary: (h) => {
    const pkg = /(?:package|argument:) ([^\s]{1,200})/.exec(h.line.text)?.[1];
    return `The package manager does not know ${pkg ?? 'a package'}: the name is wrong for this distribution release, the package index was not updated in the same RUN, or the index download failed earlier.`;
  },
  fixes: () => [
    fix.dockerfile('RUN apt-get update && apt-get install -y --no-install-recommends <package>', 'update the index in the same RUN as the install'),
    fix.command('docker run --rm <base-image> sh -c "apt-get update && apt-cache search <name>"', 'find the package name for this release'),
  ],
});
