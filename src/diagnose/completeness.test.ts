/**
 * @module diagnose/completeness.test
 * Every signature is registered in sorted order under the id of its file, has a hand-written
 * fragment case, a docs entry in docs/diagnose.md, and the fixed category ids all exist.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGNATURES } from './index.ts';
import { FRAGMENT_CASES } from './__fixtures__/fragments.ts';

const SIG_DIR = join(import.meta.dirname, 'signatures');
const DOC = readFileSync(join(import.meta.dirname, '../../docs/diagnose.md'), 'utf8');

// The category ids the issue fixes; they may never be renamed.
const REQUIRED = [
  'go_proxy_unreachable', 'go_sumdb_unreachable', 'dns_failure', 'tls_untrusted_cert', 'go_checksum_mismatch',
  'go_private_repo_auth', 'go_unknown_module', 'go_unknown_revision', 'go_version_too_old', 'go_missing_package',
  'go_sum_missing_entry', 'go_inconsistent_vendoring', 'go_module_mode_mismatch', 'go_vcs_tool_missing',
  'cgo_toolchain_missing', 'libc_mismatch_runtime', 'go_compile_error', 'go_no_go_files',
  'copy_source_missing', 'copy_from_unknown_stage', 'dockerfile_not_found', 'dockerfile_syntax',
  'dockerfile_frontend_outdated', 'buildkit_not_enabled', 'secret_missing', 'docker_socket_permission',
  'builder_connection_lost', 'registry_rate_limit', 'registry_auth', 'image_pull_denied', 'platform_mismatch',
  'platform_not_in_manifest', 'cache_export_failed', 'disk_full', 'oom_killed', 'npm_network', 'pip_network',
  'http_proxy_error', 'git_ssh_auth',
];

describe('signature completeness', () => {
  const ids = SIGNATURES.map((s) => s.id);
  const files = readdirSync(SIG_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts')).map((f) => f.slice(0, -3)).sort();

  it('registers every signature file exactly once, sorted by id', () => {
    expect(ids).toEqual(files);
    expect(ids).toEqual([...ids].sort());
  });

  it('covers every category id the issue names', () => {
    for (const id of REQUIRED) expect(ids, id).toContain(id);
  });

  it.each(ids)('%s has a fragment test case and a docs entry', (id) => {
    expect(FRAGMENT_CASES.some((c) => c.id === id && c.top === id)).toBe(true);
    expect(DOC).toContain(`### \`${id}\``);
    const sig = SIGNATURES.find((s) => s.id === id)!;
    expect(sig.title.length).toBeGreaterThan(10);
  });
});
