/**
 * @module goproxy/zip/validate
 * Validation of a downloaded module zip before it is kept: the module zip rules, the archive's
 * integrity (sizes, CRCs), and its h1: hash. Returns the hash so the caller can compare it with
 * the checksum database or a go.sum line.
 */
import { StevedoreError } from '../../errors.ts';
import { checkModuleZipEntries } from './check.ts';
import { hashZip } from './dirhash.ts';
import { ZipFormatError, ZipReader } from './reader.ts';

/** Validate the zip at `path` for module@version and return its h1: hash. Throws GOPROXY_ZIP_INVALID. */
export async function validateModuleZip(path: string, module: string, version: string): Promise<string> {
  let zip: ZipReader;
  try {
    zip = await ZipReader.open(path);
  } catch (e) {
    if (e instanceof ZipFormatError) throw invalid(module, version, e.reason, e);
    throw e;
  }
  try {
    const problems = checkModuleZipEntries(module, version, zip.entries, zip.size);
    if (problems.length > 0) {
      const first = problems[0]!;
      throw invalid(module, version, `${first.name === '' ? '' : `${JSON.stringify(first.name)}: `}${first.reason}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
    }
    return await hashZip(zip);
  } catch (e) {
    if (e instanceof ZipFormatError) throw invalid(module, version, e.reason, e);
    throw e;
  } finally {
    await zip.close();
  }
}

function invalid(module: string, version: string, reason: string, cause?: unknown): StevedoreError {
  return new StevedoreError('GOPROXY_ZIP_INVALID', `module zip ${module}@${version} is invalid: ${reason}`, {
    data: { module, version, reason },
    ...(cause === undefined ? {} : { cause }),
  });
}
