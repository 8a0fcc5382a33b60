/**
 * @module goproxy/protocol/request
 * URL path → typed GOPROXY request. Pure: percent-decodes first (the go client sends "!" as
 * "%21"), then splits off the endpoint, case-decodes and validates module path and version
 * with the go command's rules. Anything invalid is rejected here, before storage is touched.
 */
import { escapeCase, unescapeCase } from './escape.ts';
import { checkModulePath, checkModuleVersion, checkVersionElem as checkElemForQuery } from './module-path.ts';
import { canonicalModuleVersion } from './semver.ts';

export type ArtifactKind = 'info' | 'mod' | 'zip';

export interface ListRequest {
  readonly kind: 'list';
  readonly module: string;
}
export interface LatestRequest {
  readonly kind: 'latest';
  readonly module: string;
}
/** `canonical` false: a query (branch, commit prefix, non-canonical version) on .info. */
export interface ArtifactRequest {
  readonly kind: ArtifactKind;
  readonly module: string;
  readonly version: string;
  readonly canonical: boolean;
}
export interface SumdbRequest {
  readonly kind: 'sumdb';
  readonly name: string;
  readonly path: string;
  readonly sub: 'supported' | 'lookup' | 'tile' | 'latest';
}
export type ProxyRequest = ListRequest | LatestRequest | ArtifactRequest | SumdbRequest;

/** Why a path was refused: `bad-request` (400, malformed) or `not-found` (404, well-formed but never served). */
export interface RequestRejection {
  readonly reject: 'bad-request' | 'not-found';
  readonly reason: string;
}

export type ParseResult = { readonly ok: true; readonly request: ProxyRequest } | ({ readonly ok: false } & RequestRejection);

const MAX_PATH = 4096;
const bad = (reason: string): ParseResult => ({ ok: false, reject: 'bad-request', reason });
const notFound = (reason: string): ParseResult => ({ ok: false, reject: 'not-found', reason });

/** Queries the go command resolves itself and never sends as `$version.info` to a proxy. */
const RESERVED_QUERIES = new Set(['latest', 'upgrade', 'patch']);

function decodeModule(escaped: string): { module: string } | { error: ParseResult } {
  const module = unescapeCase(escaped);
  if (module === undefined) return { error: bad(`invalid escaped module path ${JSON.stringify(escaped)}`) };
  const why = checkModulePath(module);
  if (why !== undefined) return { error: bad(`invalid module path ${JSON.stringify(module)}: ${why}`) };
  return { module };
}

/**
 * Parse the path of a request (everything after the proxy's base path, without the leading "/",
 * still percent-encoded as received).
 */
export function parseProxyPath(rawPath: string): ParseResult {
  if (rawPath.length > MAX_PATH) return bad(`path longer than ${MAX_PATH} bytes`);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return bad('malformed percent-encoding in path');
  }
  if (path.includes('\\') || path.includes('\0')) return bad('backslash or NUL in path');
  if (path.startsWith('sumdb/')) return parseSumdb(path.slice('sumdb/'.length));
  if (path.endsWith('/@latest')) {
    const m = decodeModule(path.slice(0, -'/@latest'.length));
    return 'error' in m ? m.error : { ok: true, request: { kind: 'latest', module: m.module } };
  }
  const at = path.indexOf('/@v/');
  if (at < 0) return notFound('not a GOPROXY endpoint');
  const m = decodeModule(path.slice(0, at));
  if ('error' in m) return m.error;
  const file = path.slice(at + '/@v/'.length);
  if (file === 'list') return { ok: true, request: { kind: 'list', module: m.module } };
  const dot = file.lastIndexOf('.');
  const ext = dot < 0 ? '' : file.slice(dot + 1);
  if (ext !== 'info' && ext !== 'mod' && ext !== 'zip') return notFound(`unknown endpoint ${JSON.stringify(file)}`);
  const escVersion = file.slice(0, dot);
  const version = unescapeCase(escVersion);
  if (version === undefined || version === '') return bad(`invalid escaped version ${JSON.stringify(escVersion)}`);
  if (version.includes('/')) return bad('version contains "/"');
  const elemWhy = checkElemForQuery(version);
  if (elemWhy !== undefined) return bad(`invalid version ${JSON.stringify(version)}: ${elemWhy}`);
  const canonical = canonicalModuleVersion(version) === version && checkModuleVersion(m.module, version) === undefined;
  if (!canonical) {
    // The go client asks .mod and .zip only for canonical versions; queries only make sense on .info.
    if (ext !== 'info') return notFound(`version ${JSON.stringify(version)} is not a canonical version of ${m.module}`);
    if (RESERVED_QUERIES.has(version)) return notFound(`query ${JSON.stringify(version)} is resolved by the go command, not the proxy`);
  }
  return { ok: true, request: { kind: ext, module: m.module, version, canonical } };
}

const SUMDB_NAME = /^[a-z0-9.-]{1,253}(:[0-9]{1,5})?$/;

function parseSumdb(rest: string): ParseResult {
  const slash = rest.indexOf('/');
  if (slash <= 0) return notFound('sumdb path without a database name');
  const name = rest.slice(0, slash);
  if (!SUMDB_NAME.test(name) || !name.includes('.')) return bad(`invalid checksum database name ${JSON.stringify(name)}`);
  const sub = rest.slice(slash + 1);
  if (sub === 'supported') return { ok: true, request: { kind: 'sumdb', name, path: 'supported', sub: 'supported' } };
  if (sub === 'latest') return { ok: true, request: { kind: 'sumdb', name, path: 'latest', sub: 'latest' } };
  if (sub.startsWith('lookup/')) {
    const mv = sub.slice('lookup/'.length);
    const at = mv.lastIndexOf('@');
    if (at <= 0) return bad('lookup path without @version');
    const mod = decodeModule(mv.slice(0, at));
    if ('error' in mod) return mod.error;
    const version = unescapeCase(mv.slice(at + 1));
    if (version === undefined || checkModuleVersion(mod.module, version.replace(/\/go\.mod$/, '')) !== undefined) {
      return bad(`invalid version in lookup ${JSON.stringify(mv)}`);
    }
    return { ok: true, request: { kind: 'sumdb', name, path: `lookup/${mv}`, sub: 'lookup' } };
  }
  if (sub.startsWith('tile/')) {
    if (!isTilePath(sub.slice('tile/'.length))) return bad(`invalid tile path ${JSON.stringify(sub)}`);
    return { ok: true, request: { kind: 'sumdb', name, path: sub, sub: 'tile' } };
  }
  return notFound(`unknown checksum database endpoint ${JSON.stringify(sub)}`);
}

/** tile/H/L/x001/x234/567[.p/W] with L a number or "data" (golang.org/x/mod/sumdb/tlog tile paths). */
export function isTilePath(p: string): boolean {
  const parts = p.split('/');
  if (parts.length < 3 || parts.length > 12) return false;
  const [h, l, ...ns] = parts;
  if (!/^[1-9][0-9]?$/.test(h!) || !(l === 'data' || /^[0-9]{1,2}$/.test(l!))) return false;
  if (ns.length >= 2 && ns[ns.length - 2]!.endsWith('.p')) {
    const w = ns[ns.length - 1]!;
    if (!/^[1-9][0-9]{0,2}$/.test(w)) return false;
    ns.pop();
    ns[ns.length - 1] = ns[ns.length - 1]!.slice(0, -2);
  }
  if (ns.length === 0) return false;
  for (let i = 0; i < ns.length; i++) {
    const seg = ns[i]!;
    const num = i < ns.length - 1 ? (seg.startsWith('x') ? seg.slice(1) : '') : seg;
    if (!/^[0-9]{3}$/.test(num)) return false;
  }
  return true;
}

/** The store key prefix for a module: its escaped path (like GOMODCACHE/cache/download). */
export function escapedModule(module: string): string {
  const e = escapeCase(module);
  if (e === undefined) throw new TypeError(`module path ${JSON.stringify(module)} cannot be escaped`);
  return e;
}

/** The GOPROXY URL path for a request (escaped; no leading slash). */
export function requestPath(req: ProxyRequest): string {
  if (req.kind === 'sumdb') return `sumdb/${req.name}/${req.path}`;
  const mod = escapedModule(req.module);
  if (req.kind === 'list') return `${mod}/@v/list`;
  if (req.kind === 'latest') return `${mod}/@latest`;
  const v = escapeCase(req.version);
  if (v === undefined) throw new TypeError(`version ${JSON.stringify(req.version)} cannot be escaped`);
  return `${mod}/@v/${v}.${req.kind}`;
}
