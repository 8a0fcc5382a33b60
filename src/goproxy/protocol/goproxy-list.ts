/**
 * @module goproxy/protocol/goproxy-list
 * The GOPROXY list syntax (go.dev/ref/mod "Communicating with proxies"): entries separated by
 * "," (fall back only after 404/410) or "|" (fall back after any error); keywords "direct" and
 * "off" end the list; entries without a scheme get https://.
 */

export type UpstreamEntry =
  | { readonly kind: 'url'; readonly url: string; readonly fallBackOnError: boolean }
  | { readonly kind: 'direct'; readonly fallBackOnError: boolean }
  | { readonly kind: 'off'; readonly fallBackOnError: boolean };

export const PUBLIC_PROXY = 'https://proxy.golang.org,direct';

/** Parse a GOPROXY value. Throws a descriptive Error naming the bad entry (callers add context). */
export function parseGoproxyList(value: string): UpstreamEntry[] {
  const out: UpstreamEntry[] = [];
  let rest = value.trim();
  while (rest !== '') {
    let i = 0;
    while (i < rest.length && rest[i] !== ',' && rest[i] !== '|') i++;
    const raw = rest.slice(0, i).trim();
    const sep = rest[i];
    rest = i < rest.length ? rest.slice(i + 1) : '';
    if (raw === '') continue;
    const fallBackOnError = sep === '|';
    if (raw === 'direct' || raw === 'off') {
      out.push({ kind: raw, fallBackOnError });
      break; // the go command ignores entries after direct/off
    }
    let url = raw;
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
      if (!/[.:/]/.test(url)) throw new Error(`invalid GOPROXY entry ${JSON.stringify(raw)}: not a URL, "direct" or "off"`);
      url = `https://${url}`;
    }
    const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
    if (scheme !== 'http' && scheme !== 'https' && scheme !== 'file') {
      throw new Error(`invalid GOPROXY entry ${JSON.stringify(raw)}: scheme ${JSON.stringify(scheme)} is not http, https or file`);
    }
    try {
      new URL(url);
    } catch (e) {
      throw new Error(`invalid GOPROXY entry ${JSON.stringify(raw)}: ${(e as Error).message}`, { cause: e });
    }
    out.push({ kind: 'url', url: url.replace(/\/+$/, ''), fallBackOnError });
  }
  if (out.length === 0) throw new Error('GOPROXY list is empty');
  return out;
}
