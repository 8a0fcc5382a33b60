/**
 * @module diagnose/signatures/index
 * The registry of failure signatures, sorted by id (a completeness test checks the order, that
 * every file is registered, and that each has a test case and a docs entry).
 */
import type { Signature } from '../types.ts';
import { aptNetwork } from './apt_network.ts';
import { builderConnectionLost } from './builder_connection_lost.ts';
import { buildkitNotEnabled } from './buildkit_not_enabled.ts';
import { cacheExportFailed } from './cache_export_failed.ts';
import { cgoToolchainMissing } from './cgo_toolchain_missing.ts';
import { commandNotFound } from './command_not_found.ts';
import { copyFromUnknownStage } from './copy_from_unknown_stage.ts';
import { copySourceMissing } from './copy_source_missing.ts';
import { diskFull } from './disk_full.ts';
import { dnsFailure } from './dns_failure.ts';
import { dockerSocketPermission } from './docker_socket_permission.ts';
import { dockerfileFrontendOutdated } from './dockerfile_frontend_outdated.ts';
import { dockerfileNotFound } from './dockerfile_not_found.ts';
import { dockerfileSyntax } from './dockerfile_syntax.ts';
import { gitSshAuth } from './git_ssh_auth.ts';
import { goChecksumMismatch } from './go_checksum_mismatch.ts';
import { goCompileError } from './go_compile_error.ts';
import { goInconsistentVendoring } from './go_inconsistent_vendoring.ts';
import { goMissingPackage } from './go_missing_package.ts';
import { goModuleModeMismatch } from './go_module_mode_mismatch.ts';
import { goNoGoFiles } from './go_no_go_files.ts';
import { goPrivateRepoAuth } from './go_private_repo_auth.ts';
import { goProxyUnreachable } from './go_proxy_unreachable.ts';
import { goSumMissingEntry } from './go_sum_missing_entry.ts';
import { goSumdbUnreachable } from './go_sumdb_unreachable.ts';
import { goUnknownModule } from './go_unknown_module.ts';
import { goUnknownRevision } from './go_unknown_revision.ts';
import { goVcsToolMissing } from './go_vcs_tool_missing.ts';
import { goVersionTooOld } from './go_version_too_old.ts';
import { httpProxyError } from './http_proxy_error.ts';
import { imagePullDenied } from './image_pull_denied.ts';
import { libcMismatchRuntime } from './libc_mismatch_runtime.ts';
import { npmNetwork } from './npm_network.ts';
import { oomKilled } from './oom_killed.ts';
import { osPackageNotFound } from './os_package_not_found.ts';
import { pipNetwork } from './pip_network.ts';
import { platformMismatch } from './platform_mismatch.ts';
import { platformNotInManifest } from './platform_not_in_manifest.ts';
import { registryAuth } from './registry_auth.ts';
import { registryRateLimit } from './registry_rate_limit.ts';
import { registryUnreachable } from './registry_unreachable.ts';
import { secretMissing } from './secret_missing.ts';
import { tlsUntrustedCert } from './tls_untrusted_cert.ts';

export const SIGNATURES: readonly Signature[] = [
  aptNetwork,
  builderConnectionLost,
  buildkitNotEnabled,
  cacheExportFailed,
  cgoToolchainMissing,
  commandNotFound,
  copyFromUnknownStage,
  copySourceMissing,
  diskFull,
  dnsFailure,
  dockerSocketPermission,
  dockerfileFrontendOutdated,
  dockerfileNotFound,
  dockerfileSyntax,
  gitSshAuth,
  goChecksumMismatch,
  goCompileError,
  goInconsistentVendoring,
  goMissingPackage,
  goModuleModeMismatch,
  goNoGoFiles,
  goPrivateRepoAuth,
  goProxyUnreachable,
  goSumMissingEntry,
  goSumdbUnreachable,
  goUnknownModule,
  goUnknownRevision,
  goVcsToolMissing,
  goVersionTooOld,
  httpProxyError,
  imagePullDenied,
  libcMismatchRuntime,
  npmNetwork,
  oomKilled,
  osPackageNotFound,
  pipNetwork,
  platformMismatch,
  platformNotInManifest,
  registryAuth,
  registryRateLimit,
  registryUnreachable,
  secretMissing,
  tlsUntrustedCert,
];
