/**
 * @module lint/knowledge/image-ref
 * Validity of an image reference as BuildKit checks it (`reference.ParseNormalizedNamed` from
 * distribution/reference): optional registry domain, lowercase path components, optional tag,
 * optional digest, no bare 64-hex identifier, at most 255 characters of name. Written as
 * character scans instead of the upstream regular expressions so hostile input stays linear.
 */

const HEX64 = /^[a-f0-9]{64}$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

function isAlnumLower(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/** `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*` */
function isPathComponent(s: string): boolean {
  if (s === '' || !isAlnumLower(s[0]!) || !isAlnumLower(s[s.length - 1]!)) return false;
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (isAlnumLower(c)) {
      i++;
      continue;
    }
    // A separator run: '.', '_', '__' or one or more '-'.
    let j = i;
    while (j < s.length && !isAlnumLower(s[j]!)) j++;
    const sep = s.slice(i, j);
    if (!(sep === '.' || sep === '_' || sep === '__' || /^-+$/.test(sep))) return false;
    i = j;
  }
  return true;
}

/** A host label `[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]`, dot-separated, optional `:port`, or `[ipv6]`. */
function isDomain(d: string): boolean {
  let host = d;
  let port: string | undefined;
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close === -1) return false;
    if (!/^[0-9A-Fa-f:.]+$/.test(host.slice(1, close))) return false;
    const rest = host.slice(close + 1);
    if (rest === '') return true;
    return /^:[0-9]+$/.test(rest);
  }
  const colon = host.lastIndexOf(':');
  if (colon !== -1) {
    port = host.slice(colon + 1);
    host = host.slice(0, colon);
    if (!/^[0-9]+$/.test(port)) return false;
  }
  if (host === '') return false;
  return host.split('.').every((l) => /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/.test(l));
}

/** true when BuildKit would accept `ref` as a base image name. */
export function isValidImageReference(ref: string): boolean {
  if (ref === '' || ref.length > 512 || HEX64.test(ref)) return false;
  let rest = ref;
  const at = rest.indexOf('@');
  if (at !== -1) {
    if (!DIGEST.test(rest.slice(at + 1))) return false;
    rest = rest.slice(0, at);
  }
  // The tag is after the last ':' that follows the last '/'.
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    if (!TAG.test(rest.slice(colon + 1))) return false;
    rest = rest.slice(0, colon);
  }
  if (rest === '' || rest.length > 255) return false;
  const parts = rest.split('/');
  const first = parts[0]!;
  const hasDomain = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first);
  if (hasDomain) {
    if (!isDomain(first)) return false;
    parts.shift();
  }
  return parts.length > 0 && parts.every(isPathComponent);
}

/** The repository path of a reference without domain, tag and digest, e.g. `arm64v8/alpine`; undefined when not on Docker Hub. */
export function dockerHubPath(ref: string): string | undefined {
  let rest = ref;
  const at = rest.indexOf('@');
  if (at !== -1) rest = rest.slice(0, at);
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) rest = rest.slice(0, colon);
  const parts = rest.split('/');
  const first = parts[0]!;
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    if (first !== 'docker.io' && first !== 'index.docker.io' && first !== 'registry-1.docker.io') return undefined;
    parts.shift();
  }
  return parts.join('/');
}
