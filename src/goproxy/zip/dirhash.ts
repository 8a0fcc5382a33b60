/**
 * @module goproxy/zip/dirhash
 * The "h1:" hash of golang.org/x/mod/sumdb/dirhash Hash1: SHA-256 over the sorted lines
 * "<sha256 hex of file>  <file name>\n", base64-encoded. Used for module zips (names as stored
 * in the zip, prefix included) and for go.mod files (a single file named "go.mod").
 */
import { createHash } from 'node:crypto';
import { ZipFormatError, type ZipReader } from './reader.ts';

function hashLines(files: readonly { name: string; sha256: string }[]): string {
  const sorted = [...files].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  const h = createHash('sha256');
  for (const f of sorted) {
    if (f.name.includes('\n')) throw new ZipFormatError(`file name ${JSON.stringify(f.name)} contains a newline`);
    h.update(`${f.sha256}  ${f.name}\n`);
  }
  return `h1:${h.digest('base64')}`;
}

/** h1: of a go.mod file's bytes. */
export function hashGoMod(content: Uint8Array): string {
  return hashLines([{ name: 'go.mod', sha256: createHash('sha256').update(content).digest('hex') }]);
}

/** h1: of an opened module zip: every non-directory entry inflated and hashed (streaming). */
export async function hashZip(zip: ZipReader): Promise<string> {
  const files: { name: string; sha256: string }[] = [];
  for (const e of zip.entries) {
    if (e.name.endsWith('/')) continue;
    const h = createHash('sha256');
    const s = await zip.openEntry(e);
    for await (const chunk of s) h.update(chunk as Buffer);
    files.push({ name: e.name, sha256: h.digest('hex') });
  }
  return hashLines(files);
}
