/**
 * @module goproxy/protocol/module-path
 * Module path, file path and version checks with the go command's rules
 * (golang.org/x/mod/module CheckPath, CheckFilePath, Check, SplitPathVersion). Every check
 * returns a reason string or undefined, so callers decide the status; nothing throws here.
 */
import { canonicalModuleVersion, isValidSemver, semverBuild, semverMajor } from './semver.ts';

type PathKind = 'module' | 'import' | 'file';

const BAD_WINDOWS_NAMES = ['CON', 'PRN', 'AUX', 'NUL', 'COM0', 'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9', 'LPT0', 'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9'];

const isAsciiAlnum = (c: string): boolean => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

function modPathOK(c: string): boolean {
  return isAsciiAlnum(c) || c === '-' || c === '.' || c === '_' || c === '~';
}

const FILE_PUNCT = '!#$%&()+,-.=@[]^_{}~ ';
function fileNameOK(c: string): boolean {
  if (c.codePointAt(0)! < 0x80) return isAsciiAlnum(c) || FILE_PUNCT.includes(c);
  return /\p{L}/u.test(c);
}

function charOK(c: string, kind: PathKind): boolean {
  if (kind === 'module') return modPathOK(c);
  if (kind === 'import') return modPathOK(c) || c === '+';
  return fileNameOK(c);
}

function checkElem(elem: string, kind: PathKind): string | undefined {
  if (elem === '') return 'empty path element';
  if (/^\.+$/.test(elem)) return `invalid path element ${JSON.stringify(elem)}`;
  if (elem.startsWith('.') && kind === 'module') return 'leading dot in path element';
  if (elem.endsWith('.')) return 'trailing dot in path element';
  for (const c of elem) if (!charOK(c, kind)) return `invalid char ${JSON.stringify(c)}`;
  const dot = elem.indexOf('.');
  const short = dot >= 0 ? elem.slice(0, dot) : elem;
  if (BAD_WINDOWS_NAMES.some((b) => b.toLowerCase() === short.toLowerCase())) {
    return `${JSON.stringify(short)} disallowed as path element component on Windows`;
  }
  if (kind === 'file') return undefined;
  const tilde = short.lastIndexOf('~');
  if (tilde >= 0 && tilde < short.length - 1 && /^\d+$/.test(short.slice(tilde + 1))) {
    return 'trailing tilde and digits in path element';
  }
  return undefined;
}

function checkPathElems(path: string, kind: PathKind): string | undefined {
  if (path === '') return 'empty string';
  if (path.startsWith('-') && kind !== 'file') return 'leading dash';
  if (path.includes('//')) return 'double slash';
  if (path.endsWith('/')) return 'trailing slash';
  for (const elem of path.split('/')) {
    const why = checkElem(elem, kind);
    if (why !== undefined) return why;
  }
  return undefined;
}

/** module.SplitPathVersion: "example.com/m/v2" → prefix "example.com/m", pathMajor "/v2". */
export function splitPathVersion(path: string): { prefix: string; pathMajor: string; ok: boolean } {
  if (path.startsWith('gopkg.in/')) return splitGopkgIn(path);
  let i = path.length;
  let dot = false;
  while (i > 0 && ((path[i - 1]! >= '0' && path[i - 1]! <= '9') || path[i - 1] === '.')) {
    if (path[i - 1] === '.') dot = true;
    i--;
  }
  if (i <= 1 || i === path.length || path[i - 1] !== 'v' || path[i - 2] !== '/') {
    return { prefix: path, pathMajor: '', ok: true };
  }
  const prefix = path.slice(0, i - 2);
  const pathMajor = path.slice(i - 2);
  if (dot || pathMajor.length <= 2 || pathMajor[2] === '0' || pathMajor === '/v1') {
    return { prefix: path, pathMajor: '', ok: false };
  }
  return { prefix, pathMajor, ok: true };
}

function splitGopkgIn(path: string): { prefix: string; pathMajor: string; ok: boolean } {
  let i = path.length;
  if (path.endsWith('-unstable')) i -= '-unstable'.length;
  while (i > 0 && path[i - 1]! >= '0' && path[i - 1]! <= '9') i--;
  if (i <= 1 || path[i - 1] !== 'v' || path[i - 2] !== '.') return { prefix: path, pathMajor: '', ok: false };
  const prefix = path.slice(0, i - 2);
  const pathMajor = path.slice(i - 2);
  if (pathMajor.length <= 2 || (pathMajor[2] === '0' && pathMajor !== '.v0')) return { prefix: path, pathMajor: '', ok: false };
  return { prefix, pathMajor, ok: true };
}

/** module.CheckPath. */
export function checkModulePath(path: string): string | undefined {
  const why = checkPathElems(path, 'module');
  if (why !== undefined) return why;
  const slash = path.indexOf('/');
  const first = slash < 0 ? path : path.slice(0, slash);
  if (first === '') return 'leading slash';
  if (!first.includes('.')) return 'missing dot in first path element';
  for (const c of first) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '-' || c === '.')) {
      return `invalid char ${JSON.stringify(c)} in first path element`;
    }
  }
  if (!splitPathVersion(path).ok) return 'invalid version';
  return undefined;
}

/** module.CheckFilePath (one file name inside a module zip). */
export function checkFilePath(path: string): string | undefined {
  return checkPathElems(path, 'file');
}

/** module.CheckPathMajor. */
export function checkPathMajor(version: string, pathMajor: string): string | undefined {
  let pm = pathMajor;
  if (pm.startsWith('.v') && pm.endsWith('-unstable')) pm = pm.slice(0, -'-unstable'.length);
  if (version.startsWith('v0.0.0-') && pm === '.v1') return undefined;
  const m = semverMajor(version);
  if (pm === '') {
    if (m === 'v0' || m === 'v1' || semverBuild(version) === '+incompatible') return undefined;
    return `should be v0 or v1, not ${m}`;
  }
  if (m === pm.slice(1)) return undefined;
  return `should be ${pm.slice(1)}, not ${m}`;
}

/**
 * module.Check plus canonical form: a version usable for .mod/.zip of `path`. Returns the reason
 * it is not, or undefined.
 */
export function checkModuleVersion(path: string, version: string): string | undefined {
  if (!isValidSemver(version)) return 'not a semantic version';
  if (canonicalModuleVersion(version) !== version) return `version is not canonical (should be ${JSON.stringify(canonicalModuleVersion(version))})`;
  const build = semverBuild(version);
  if (build !== '' && build !== '+incompatible') return 'build metadata other than +incompatible';
  if (build === '+incompatible') {
    const { pathMajor } = splitPathVersion(path);
    if (pathMajor !== '') return '+incompatible suffix not allowed: module path includes a major version suffix';
    const m = semverMajor(version);
    if (m === 'v0' || m === 'v1') return `+incompatible suffix not allowed: major version ${m} is compatible`;
  }
  return checkPathMajor(version, splitPathVersion(path).pathMajor);
}

/** A version or query as one path element (what may appear before ".info"): file-name rules. */
export function checkVersionElem(version: string): string | undefined {
  if (version.length > 512) return 'longer than 512 bytes';
  return checkElem(version, 'file');
}
