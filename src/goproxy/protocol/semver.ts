/**
 * @module goproxy/protocol/semver
 * Semantic versions as the go command defines them (golang.org/x/mod/semver): a leading "v",
 * shorthands "v1" and "v1.2", no leading zeros, prerelease and build parts; plus the module
 * rules for pseudo-versions and "+incompatible". Hand-written scanners, linear time.
 */

export interface ParsedSemver {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  /** Including the leading "-", or "". */
  readonly prerelease: string;
  /** Including the leading "+", or "". */
  readonly build: string;
  /** True for the "v1" / "v1.2" shorthands. */
  readonly short: boolean;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isIdentChar = (c: string): boolean =>
  (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '-';

function parseNumber(v: string, i: number): number {
  if (!isDigit(v[i])) return -1;
  if (v[i] === '0') return isDigit(v[i + 1]) ? -1 : i + 1;
  let j = i;
  while (isDigit(v[j])) j++;
  return j;
}

/** Dot-separated identifiers; numeric ones without leading zeros when `numericStrict`. */
function validIdents(s: string, numericStrict: boolean): boolean {
  if (s === '') return false;
  for (const id of s.split('.')) {
    if (id === '') return false;
    let allDigits = true;
    for (const c of id) {
      if (!isIdentChar(c)) return false;
      if (!isDigit(c)) allDigits = false;
    }
    if (numericStrict && allDigits && id.length > 1 && id[0] === '0') return false;
  }
  return true;
}

export function parseSemver(v: string): ParsedSemver | undefined {
  if (v.length === 0 || v[0] !== 'v' || v.length > 1024) return undefined;
  let i = 1;
  let j = parseNumber(v, i);
  if (j < 0) return undefined;
  const major = v.slice(i, j);
  if (j === v.length) return { major, minor: '0', patch: '0', prerelease: '', build: '', short: true };
  if (v[j] !== '.') return undefined;
  i = j + 1;
  j = parseNumber(v, i);
  if (j < 0) return undefined;
  const minor = v.slice(i, j);
  if (j === v.length) return { major, minor, patch: '0', prerelease: '', build: '', short: true };
  if (v[j] !== '.') return undefined;
  i = j + 1;
  j = parseNumber(v, i);
  if (j < 0) return undefined;
  const patch = v.slice(i, j);
  let rest = v.slice(j);
  let prerelease = '';
  let build = '';
  if (rest.startsWith('-')) {
    const plus = rest.indexOf('+');
    prerelease = plus < 0 ? rest : rest.slice(0, plus);
    rest = plus < 0 ? '' : rest.slice(plus);
    if (!validIdents(prerelease.slice(1), true)) return undefined;
  }
  if (rest.startsWith('+')) {
    build = rest;
    rest = '';
    if (!validIdents(build.slice(1), false)) return undefined;
  }
  if (rest !== '') return undefined;
  return { major, minor, patch, prerelease, build, short: false };
}

export function isValidSemver(v: string): boolean {
  return parseSemver(v) !== undefined;
}

/** semver.Canonical: shorthands filled in, build metadata dropped. "" when invalid. */
export function canonicalSemver(v: string): string {
  const p = parseSemver(v);
  if (p === undefined) return '';
  return `v${p.major}.${p.minor}.${p.patch}${p.prerelease}`;
}

/** module.CanonicalVersion: like canonicalSemver but keeps "+incompatible". */
export function canonicalModuleVersion(v: string): string {
  const c = canonicalSemver(v);
  if (c === '') return '';
  return parseSemver(v)!.build === '+incompatible' ? `${c}+incompatible` : c;
}

export function semverMajor(v: string): string {
  const p = parseSemver(v);
  return p === undefined ? '' : `v${p.major}`;
}

export function semverBuild(v: string): string {
  return parseSemver(v)?.build ?? '';
}

function compareNum(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const as = a.slice(1).split('.');
  const bs = b.slice(1).split('.');
  for (let k = 0; k < Math.min(as.length, bs.length); k++) {
    const x = as[k]!;
    const y = bs[k]!;
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) return compareNum(x, y);
    if (xn) return -1;
    if (yn) return 1;
    return x < y ? -1 : 1;
  }
  return as.length < bs.length ? -1 : as.length > bs.length ? 1 : 0;
}

/** semver.Compare; invalid versions sort before all valid ones and equal each other. */
export function compareSemver(a: string, b: string): number {
  const pa = parseSemver(a);
  const pb = parseSemver(b);
  if (pa === undefined || pb === undefined) return pa === pb ? 0 : pa === undefined ? -1 : 1;
  return (
    compareNum(pa.major, pb.major) ||
    compareNum(pa.minor, pb.minor) ||
    compareNum(pa.patch, pb.patch) ||
    comparePrerelease(pa.prerelease, pb.prerelease)
  );
}


/**
 * module.IsPseudoVersion: vX.0.0-yyyymmddhhmmss-abcdef, vX.Y.Z-pre.0.yyyymmddhhmmss-abcdef or
 * vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdef (optionally with +incompatible).
 */
export function isPseudoVersion(v: string): boolean {
  const p = parseSemver(v);
  if (p === undefined || p.short || p.prerelease === '') return false;
  const pre = p.prerelease.slice(1);
  const dash = pre.lastIndexOf('-');
  if (dash < 0) return false;
  const rev = pre.slice(dash + 1);
  if (!/^[0-9A-Za-z]+$/.test(rev)) return false;
  const left = pre.slice(0, dash);
  if (left.length < 14) return false;
  const ts = left.slice(left.length - 14);
  if (!/^[0-9]{14}$/.test(ts)) return false;
  const before = left.slice(0, left.length - 14);
  if (before === '') return p.minor === '0' && p.patch === '0';
  if (!before.endsWith('0.')) return false;
  const lead = before.slice(0, -2);
  return lead === '' || lead.endsWith('.');
}
