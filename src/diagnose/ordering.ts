/**
 * @module diagnose/ordering
 * Cause-over-symptom rules, written out as data so they can be read, tested and argued with.
 * When a cause and one of its symptoms both match, the symptom is demoted below the cause and
 * marked `symptomOf`. Example: a DNS failure makes apt print `Unable to locate package`; the
 * DNS failure is what to fix.
 */
import type { Diagnosis } from './types.ts';

export interface OrderingRule {
  readonly cause: string;
  readonly symptoms: readonly string[];
  readonly why: string;
}

const NETWORK_SYMPTOMS = [
  'go_proxy_unreachable',
  'go_sumdb_unreachable',
  'npm_network',
  'pip_network',
  'apt_network',
  'registry_unreachable',
  'os_package_not_found',
] as const;

export const ORDERING_RULES: readonly OrderingRule[] = [
  { cause: 'disk_full', symptoms: ['oom_killed', 'cache_export_failed', 'builder_connection_lost', 'go_checksum_mismatch', 'go_compile_error', 'apt_network', 'os_package_not_found'], why: 'a full disk corrupts downloads and kills writers; every later error follows from it' },
  { cause: 'http_proxy_error', symptoms: ['dns_failure', 'tls_untrusted_cert', ...NETWORK_SYMPTOMS, 'go_private_repo_auth', 'go_unknown_module'], why: 'every request goes through the proxy, so a broken proxy fails all of them' },
  { cause: 'dns_failure', symptoms: [...NETWORK_SYMPTOMS, 'go_private_repo_auth', 'go_unknown_module', 'go_unknown_revision', 'image_pull_denied', 'registry_auth', 'git_ssh_auth', 'go_missing_package', 'command_not_found'], why: 'nothing can be fetched when names do not resolve; apt then reports packages as missing' },
  { cause: 'tls_untrusted_cert', symptoms: [...NETWORK_SYMPTOMS, 'go_private_repo_auth', 'go_unknown_module', 'registry_auth', 'image_pull_denied'], why: 'a TLS-intercepting proxy breaks every HTTPS fetch until its CA is trusted' },
  { cause: 'registry_rate_limit', symptoms: ['registry_auth', 'image_pull_denied', 'registry_unreachable'], why: 'rate-limited pulls surface as auth or pull errors' },
  { cause: 'copy_from_unknown_stage', symptoms: ['image_pull_denied', 'registry_auth', 'dns_failure', 'registry_unreachable', 'copy_source_missing'], why: 'an unknown --from name is looked up as an image, which then fails to pull' },
  { cause: 'buildkit_not_enabled', symptoms: ['dockerfile_syntax', 'dockerfile_frontend_outdated', 'secret_missing', 'git_ssh_auth'], why: 'the classic builder rejects BuildKit-only syntax and flags' },
  { cause: 'dockerfile_frontend_outdated', symptoms: ['dockerfile_syntax'], why: 'an old frontend rejects newer syntax as a parse error' },
  { cause: 'platform_mismatch', symptoms: ['oom_killed', 'go_proxy_unreachable', 'npm_network', 'pip_network', 'builder_connection_lost', 'command_not_found', 'go_compile_error', 'libc_mismatch_runtime'], why: 'emulated or foreign-architecture binaries crash or time out; the emulation is the cause' },
  { cause: 'go_vcs_tool_missing', symptoms: ['go_private_repo_auth', 'go_unknown_module', 'go_unknown_revision', 'command_not_found'], why: 'without git the go command cannot fetch direct modules at all' },
  { cause: 'git_ssh_auth', symptoms: ['go_private_repo_auth', 'go_unknown_revision'], why: 'the SSH key is what is missing; the go command only reports the failed fetch' },
  { cause: 'secret_missing', symptoms: ['go_private_repo_auth', 'git_ssh_auth', 'npm_network', 'registry_auth'], why: 'the credentials were meant to come from the missing secret' },
  { cause: 'go_unknown_module', symptoms: ['go_private_repo_auth', 'go_missing_package'], why: 'a mistyped import path makes git ask for credentials for a repository that does not exist' },
  { cause: 'go_version_too_old', symptoms: ['go_compile_error', 'go_missing_package', 'go_module_mode_mismatch', 'go_sum_missing_entry', 'go_unknown_revision', 'dockerfile_syntax'], why: 'an older toolchain cannot read newer go.mod directives or standard-library packages' },
  { cause: 'go_inconsistent_vendoring', symptoms: ['go_missing_package', 'go_compile_error'], why: 'packages look missing because vendor/ is out of sync' },
  { cause: 'go_module_mode_mismatch', symptoms: ['go_missing_package', 'go_compile_error', 'go_no_go_files'], why: 'GOPATH/module mode decides where packages are looked up' },
  { cause: 'go_sum_missing_entry', symptoms: ['go_compile_error'], why: 'the build stops on the go.sum check before compiling' },
  { cause: 'go_checksum_mismatch', symptoms: ['go_proxy_unreachable', 'go_sumdb_unreachable'], why: 'the download succeeded but does not match go.sum' },
  { cause: 'go_missing_package', symptoms: ['go_compile_error'], why: 'the compile fails because a package cannot be found' },
  { cause: 'go_no_go_files', symptoms: ['go_compile_error', 'go_missing_package'], why: 'nothing to compile: the sources were not copied or are excluded by build tags' },
  { cause: 'cgo_toolchain_missing', symptoms: ['go_compile_error', 'command_not_found'], why: 'cgo needs a C compiler and libc headers' },
  { cause: 'libc_mismatch_runtime', symptoms: ['command_not_found'], why: 'a glibc binary on musl reports "not found" for a file that exists' },
  { cause: 'oom_killed', symptoms: ['go_compile_error', 'builder_connection_lost', 'npm_network'], why: 'the kernel killed the process; later errors follow from it' },
  { cause: 'copy_source_missing', symptoms: ['go_no_go_files', 'go_module_mode_mismatch'], why: 'the sources were never copied into the image' },
  { cause: 'registry_auth', symptoms: ['image_pull_denied', 'cache_export_failed'], why: 'the registry refused the credentials' },
  { cause: 'go_private_repo_auth', symptoms: ['go_unknown_revision', 'go_sumdb_unreachable'], why: 'the checksum database and revision lookups fail because the repository is private' },
];

/**
 * Applies the rules: each present symptom drops just below its present cause. Demotions only
 * lower confidences, so repeating the pass settles chains (proxy → DNS → apt); the rule graph is
 * acyclic (tested), and the pass count is bounded anyway.
 */
export function applyOrdering(diagnoses: readonly Diagnosis[], rules: readonly OrderingRule[] = ORDERING_RULES): Diagnosis[] {
  const result = new Map(diagnoses.map((d) => [d.category, d]));
  for (let pass = 0; pass < 10; pass++) {
    let changed = false;
    for (const rule of rules) {
      const cause = result.get(rule.cause);
      if (cause === undefined) continue;
      for (const sym of rule.symptoms) {
        const d = result.get(sym);
        if (d === undefined) continue;
        const confidence = Math.max(0.01, Math.round(Math.min(d.confidence, cause.confidence - 0.05) * 100) / 100);
        if (confidence >= d.confidence && d.symptomOf !== undefined) continue;
        if (confidence === d.confidence && d.confidence < cause.confidence - 0.0499) {
          result.set(sym, { ...d, symptomOf: d.symptomOf ?? rule.cause });
          continue;
        }
        result.set(sym, { ...d, confidence, symptomOf: d.symptomOf ?? rule.cause });
        changed = true;
      }
    }
    if (!changed) break;
  }
  return [...result.values()];
}
