/**
 * @module goproxy/sumdb/lookup
 * Reading a checksum-database /lookup answer: "<record id>\n<go.sum lines>\n\n<signed tree note>".
 * The tree note's signature is verified with the database's key and the record must contain the
 * go.sum lines of the module version asked for. That the record is really in the signed tree is
 * proved separately from tiles (client.ts), with the record text and root returned here.
 */
import { openNote, type Verifier } from './note.ts';

export interface LookupResult {
  readonly id: number;
  readonly treeSize: number;
  /** Root hash of the signed tree. */
  readonly rootHash: Buffer;
  /** The record's text exactly as hashed into the tree (go.sum lines, trailing newline). */
  readonly record: Buffer;
  /** h1: of the zip, when the record has it. */
  readonly zipHash: string | undefined;
  /** h1: of the go.mod. */
  readonly modHash: string | undefined;
}

export class LookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LookupError';
  }
}

export function parseLookup(body: Buffer, module: string, version: string, verifier: Verifier): LookupResult {
  const s = body.toString('utf8');
  const nl = s.indexOf('\n');
  if (nl < 0 || !/^\d{1,18}$/.test(s.slice(0, nl))) throw new LookupError('malformed lookup: no record id');
  const id = Number(s.slice(0, nl));
  const rest = s.slice(nl + 1);
  const end = rest.indexOf('\n\n');
  if (end < 0) throw new LookupError('malformed lookup: no record text');
  const text = rest.slice(0, end + 1);
  const noteText = openNote(Buffer.from(rest.slice(end + 2)), verifier);
  const tree = /^go\.sum database tree\n(\d+)\n([A-Za-z0-9+/=]{44})\n/.exec(noteText);
  if (tree === null) throw new LookupError('signed note is not a go.sum database tree');
  const treeSize = Number(tree[1]);
  if (id >= treeSize) throw new LookupError(`record ${id} is not in the signed tree of size ${treeSize}`);
  let zipHash: string | undefined;
  let modHash: string | undefined;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const f = line.split(' ');
    if (f.length !== 3 || f[0] !== module) throw new LookupError(`record line for another module: ${JSON.stringify(line.slice(0, 200))}`);
    if (f[1] === version) zipHash = f[2];
    else if (f[1] === `${version}/go.mod`) modHash = f[2];
    else throw new LookupError(`record line for another version: ${JSON.stringify(line.slice(0, 200))}`);
  }
  if (zipHash === undefined && modHash === undefined) throw new LookupError(`record has no lines for ${module}@${version}`);
  return { id, treeSize, rootHash: Buffer.from(tree[2]!, 'base64'), record: Buffer.from(text), zipHash, modHash };
}
