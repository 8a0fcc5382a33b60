/**
 * @module cachekey/ignore/ignorefile
 * Reading .dockerignore files as BuildKit's frontend does (moby/patternmatcher `ignorefile`):
 * a UTF-8 BOM is dropped, lines starting with `#` are comments (only at column 1), each line
 * is trimmed, `!` is split off and trimmed again, the rest is cleaned with Go's path.Clean and
 * a leading `/` is removed. And choosing the file: `<Dockerfile>.dockerignore` next to the
 * Dockerfile wins over the context's `.dockerignore` (they are never merged).
 */
import { cleanPath } from '../path.ts';

/** Parse the text of an ignore file into the pattern list BuildKit passes as ExcludePatterns. */
export function readIgnoreFile(text: string): string[] {
  const out: string[] = [];
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let line of src.split('\n')) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.startsWith('#')) continue;
    let p = line.trim();
    if (p === '') continue;
    const invert = p.startsWith('!');
    if (invert) p = p.slice(1).trim();
    if (p.length > 0) {
      p = cleanPath(p);
      if (p.length > 1 && p.startsWith('/')) p = p.slice(1);
    }
    out.push(invert ? `!${p}` : p);
  }
  return out;
}

export interface IgnoreFileChoice {
  /** Context-relative path of the file that applies, or undefined when neither exists. */
  readonly path: string | undefined;
  readonly patterns: readonly string[];
}

/**
 * Pick the ignore file. `dockerfile` is the Dockerfile path relative to the context (when the
 * Dockerfile lives inside it); `read` returns the file text or undefined when absent.
 */
export async function chooseIgnoreFile(
  dockerfile: string,
  read: (contextPath: string) => Promise<string | undefined>,
): Promise<IgnoreFileChoice> {
  const specific = `${cleanPath(dockerfile)}.dockerignore`;
  const specificText = await read(specific);
  if (specificText !== undefined) return { path: specific, patterns: readIgnoreFile(specificText) };
  const generic = await read('.dockerignore');
  if (generic !== undefined) return { path: '.dockerignore', patterns: readIgnoreFile(generic) };
  return { path: undefined, patterns: [] };
}
