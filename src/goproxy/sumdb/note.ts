/**
 * @module goproxy/sumdb/note
 * Signed notes (golang.org/x/mod/sumdb/note), Ed25519 only, with node:crypto. A verifier key is
 * "<name>+<hash8hex>+<base64(0x01 || pubkey32)>"; the key hash is the first 4 bytes of
 * SHA-256(name + "\n" + 0x01 || pubkey). A signed note is "<text>\n" followed by lines
 * "— <name> <base64(keyhash4 || signature64)>\n" (U+2014), each an Ed25519 signature of the text.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

const ALG_ED25519 = 1;

export interface Verifier {
  readonly name: string;
  readonly keyHash: number;
  readonly key: KeyObject;
}

export class NoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteError';
  }
}

function keyHash(name: string, algAndKey: Buffer): number {
  return createHash('sha256').update(Buffer.concat([Buffer.from(`${name}\n`), algAndKey])).digest().readUInt32BE(0);
}

function isValidName(name: string): boolean {
  // Printable, no spaces or plus signs.
  if (name === '' || /[\s+]/.test(name)) return false;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) <= 0x20) return false;
  return true;
}

/** Parse "name+hash+key". Throws NoteError. */
export function parseVerifierKey(vkey: string): Verifier {
  // name+hash+key, where the base64 key may itself contain "+".
  const p1 = vkey.indexOf('+');
  const name = p1 < 0 ? '' : vkey.slice(0, p1);
  const hashHex = vkey.slice(p1 + 1, p1 + 9);
  const b64 = vkey.slice(p1 + 10);
  if (p1 < 0 || vkey[p1 + 9] !== '+') throw new NoteError(`malformed verifier key ${JSON.stringify(vkey.slice(0, 100))}`);
  if (!isValidName(name) || !/^[0-9a-f]{8}$/.test(hashHex)) throw new NoteError(`malformed verifier key ${JSON.stringify(vkey.slice(0, 100))}`);
  const raw = Buffer.from(b64, 'base64');
  if (raw.length !== 33 || raw[0] !== ALG_ED25519) throw new NoteError(`verifier key for ${name}: unsupported algorithm or length`);
  if (keyHash(name, raw) !== parseInt(hashHex, 16)) throw new NoteError(`verifier key for ${name}: hash does not match key`);
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.subarray(1).toString('base64url') }, format: 'jwk' });
  return { name, keyHash: parseInt(hashHex, 16), key };
}

/** Verify a signed note with one known verifier; returns the note text. Throws NoteError. */
export function openNote(msg: Buffer, verifier: Verifier): string {
  const s = msg.toString('utf8');
  const split = s.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('malformed note: no signature block');
  const text = s.slice(0, split + 1);
  const sigs = s.slice(split + 2);
  if (!sigs.endsWith('\n')) throw new NoteError('malformed note: unterminated signature block');
  let verified = false;
  for (const line of sigs.slice(0, -1).split('\n')) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (m === null) throw new NoteError('malformed note signature line');
    const [, name, b64] = m as unknown as [string, string, string];
    if (name !== verifier.name) continue;
    const raw = Buffer.from(b64, 'base64');
    if (raw.length < 5 || raw.readUInt32BE(0) !== verifier.keyHash) continue;
    if (!verify(null, Buffer.from(text), verifier.key, raw.subarray(4))) throw new NoteError(`invalid signature by ${name}`);
    verified = true;
  }
  if (!verified) throw new NoteError(`note has no verifiable signature by ${verifier.name}`);
  return text;
}

export interface TestSigner {
  readonly name: string;
  readonly verifierKey: string;
  sign(text: string): string;
}

/** A fresh signing key (for test checksum databases only). */
export function generateSigner(name: string): TestSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const algKey = Buffer.concat([Buffer.from([ALG_ED25519]), raw]);
  const h = keyHash(name, algKey);
  const priv: KeyObject = createPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));
  return {
    name,
    verifierKey: `${name}+${h.toString(16).padStart(8, '0')}+${algKey.toString('base64')}`,
    sign(text: string): string {
      const sig = sign(null, Buffer.from(text), priv);
      const hb = Buffer.alloc(4);
      hb.writeUInt32BE(h);
      return `${text}\n\u2014 ${name} ${Buffer.concat([hb, sig]).toString('base64')}\n`;
    },
  };
}
