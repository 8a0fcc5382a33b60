/**
 * @module goproxy/protocol/escape
 * The GOPROXY case encoding of module paths and versions (golang.org/x/mod/module
 * EscapePath/UnescapePath): every upper-case ASCII letter is written as "!" + lower-case, so that
 * paths differing only in case stay distinct on case-insensitive file systems.
 */

/** Escape a (valid, decoded) path or version; returns undefined for input containing "!" or non-ASCII. */
export function escapeCase(s: string): string | undefined {
  let out = '';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c === '!' || code >= 0x80) return undefined;
    out += c >= 'A' && c <= 'Z' ? `!${c.toLowerCase()}` : c;
  }
  return out;
}

/**
 * Undo escapeCase; undefined when the text is not a valid escaped string: a raw upper-case letter,
 * "!" not followed by a-z, a trailing "!", or non-ASCII.
 */
export function unescapeCase(s: string): string | undefined {
  let out = '';
  let bang = false;
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (code >= 0x80) return undefined;
    if (bang) {
      if (c < 'a' || c > 'z') return undefined;
      out += c.toUpperCase();
      bang = false;
      continue;
    }
    if (c === '!') {
      bang = true;
      continue;
    }
    if (c >= 'A' && c <= 'Z') return undefined;
    out += c;
  }
  return bang ? undefined : out;
}
