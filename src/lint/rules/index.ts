/**
 * @module lint/rules
 * The rule registry, sorted by id (a completeness test checks the order, that every rule file
 * is registered, and that each has a test and docs).
 */
import type { AnyRule } from '../rule.ts';
import addInsteadOfCopy from './add-instead-of-copy.ts';
import argInvalidatesCache from './arg-invalidates-cache.ts';
import baseImageUnpinned from './base-image-unpinned.ts';
import buildError from './build-error.ts';
import cacheMountPathMismatch from './cache-mount-path-mismatch.ts';
import consistentInstructionCasing from './consistent-instruction-casing.ts';
import contextIncludesVcs from './context-includes-vcs.ts';
import copyFromUnknownStage from './copy-from-unknown-stage.ts';
import copyIgnoredFile from './copy-ignored-file.ts';
import copyMultiArgDir from './copy-multi-arg-dir.ts';
import depsBeforeSource from './deps-before-source.ts';
import dockerignoreMissing from './dockerignore-missing.ts';
import duplicateStageName from './duplicate-stage-name.ts';
import exposeInvalidFormat from './expose-invalid-format.ts';
import exposeProtoCasing from './expose-proto-casing.ts';
import exposeValidPort from './expose-valid-port.ts';
import finalStageCopiesContext from './final-stage-copies-context.ts';
import fromAsCasing from './from-as-casing.ts';
import fromPlatformFlagConstDisallowed from './from-platform-flag-const-disallowed.ts';
import goCacheMounts from './go-cache-mounts.ts';
import goCgoNeedsCompiler from './go-cgo-needs-compiler.ts';
import goCgoStatic from './go-cgo-static.ts';
import goCrossCompilePlatform from './go-cross-compile-platform.ts';
import goDepsBeforeSource from './go-deps-before-source.ts';
import goProxyConfig from './go-proxy-config.ts';
import goToolchainInFinalImage from './go-toolchain-in-final-image.ts';
import goVersionMismatch from './go-version-mismatch.ts';
import invalidBaseImagePlatform from './invalid-base-image-platform.ts';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from.ts';
import invalidDefinitionDescription from './invalid-definition-description.ts';
import jsonArgsRecommended from './json-args-recommended.ts';
import legacyKeyValueFormat from './legacy-key-value-format.ts';
import maintainerDeprecated from './maintainer-deprecated.ts';
import multipleInstructionsDisallowed from './multiple-instructions-disallowed.ts';
import noApt from './no-apt.ts';
import noEmptyContinuation from './no-empty-continuation.ts';
import noSudo from './no-sudo.ts';
import packageCache from './package-cache.ts';
import pinApkVersions from './pin-apk-versions.ts';
import pinAptVersions from './pin-apt-versions.ts';
import pipefail from './pipefail.ts';
import preferWorkdir from './prefer-workdir.ts';
import redundantTargetPlatform from './redundant-target-platform.ts';
import remoteAddWithoutChecksum from './remote-add-without-checksum.ts';
import reservedStageName from './reserved-stage-name.ts';
import runsAsRoot from './runs-as-root.ts';
import secretInArgEnv from './secret-in-arg-env.ts';
import secretInLayer from './secret-in-layer.ts';
import secretsUsedInArgOrEnv from './secrets-used-in-arg-or-env.ts';
import stageNameCasing from './stage-name-casing.ts';
import undefinedArgInFrom from './undefined-arg-in-from.ts';
import undefinedVar from './undefined-var.ts';
import workdirRelativePath from './workdir-relative-path.ts';

export const RULES: readonly AnyRule[] = [
  addInsteadOfCopy,
  argInvalidatesCache,
  baseImageUnpinned,
  buildError,
  cacheMountPathMismatch,
  consistentInstructionCasing,
  contextIncludesVcs,
  copyFromUnknownStage,
  copyIgnoredFile,
  copyMultiArgDir,
  depsBeforeSource,
  dockerignoreMissing,
  duplicateStageName,
  exposeInvalidFormat,
  exposeProtoCasing,
  exposeValidPort,
  finalStageCopiesContext,
  fromAsCasing,
  fromPlatformFlagConstDisallowed,
  goCacheMounts,
  goCgoNeedsCompiler,
  goCgoStatic,
  goCrossCompilePlatform,
  goDepsBeforeSource,
  goProxyConfig,
  goToolchainInFinalImage,
  goVersionMismatch,
  invalidBaseImagePlatform,
  invalidDefaultArgInFrom,
  invalidDefinitionDescription,
  jsonArgsRecommended,
  legacyKeyValueFormat,
  maintainerDeprecated,
  multipleInstructionsDisallowed,
  noApt,
  noEmptyContinuation,
  noSudo,
  packageCache,
  pinApkVersions,
  pinAptVersions,
  pipefail,
  preferWorkdir,
  redundantTargetPlatform,
  remoteAddWithoutChecksum,
  reservedStageName,
  runsAsRoot,
  secretInArgEnv,
  secretInLayer,
  secretsUsedInArgOrEnv,
  stageNameCasing,
  undefinedArgInFrom,
  undefinedVar,
  workdirRelativePath,
];
