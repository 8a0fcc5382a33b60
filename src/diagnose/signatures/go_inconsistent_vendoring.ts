/**
 * @module diagnose/signatures/go_inconsistent_vendoring
 * vendor/ does not match go.mod: `inconsistent vendoring`, `is explicitly required in go.mod,
 * but not marked as explicit in vendor/modules.txt`, imports with `-mod=vendor` that vendor/
 * lacks.
 */
import { definePatternSignature, fix } from '../signature.ts';

export const goInconsistentVendoring = definePatternSignature({
  id: 'go_inconsistent_vendoring',
  title: 'vendor/ is out of sync with go.mod (inconsistent vendoring)',
  patterns: [/inconsistent vendoring/, /not marked as explicit in vendor\/modules\.txt/, /vendor\/modules\.txt[^\n]{0,200}(?:but|does not|not)/, /import lookup disabled by -mod=vendor/, /is replaced in go\.mod, but not marked as replaced in vendor/],
  confidence: 0.93,
  summary: () =>
    'vendor/modules.txt does not match go.mod, so the go command refuses to build from vendor/. Either vendor/ is stale or only part of it was copied into the image (check .dockerignore).',
  fixes: () => [
    fix.command('go mod vendor && git add vendor', 'regenerate vendor/ and commit it'),
    fix.flag('--build-arg GOFLAGS=-mod=mod', 'or build from the module cache instead of vendor/'),
  ],
});
