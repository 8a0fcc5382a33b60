/**
 * @module goproxy/protocol/gosum
 * Reading a project's module set for `proxy warm` and `proxy export`: go.sum lines
 * ("mod ver h1:..." and "mod ver/go.mod h1:...") and go.mod require blocks. Pure, line based.
 */
import { checkModulePath, checkModuleVersion } from './module-path.ts';

export interface SumLine {
  readonly module: string;
  readonly version: string;
  /** true for "ver/go.mod" lines (only the .mod file is needed). */
  readonly goModOnly: boolean;
  readonly hash: string;
  readonly line: number;
}

export interface ParseIssue {
  readonly line: number;
  readonly message: string;
}

export function parseGoSum(text: string): { lines: SumLine[]; issues: ParseIssue[] } {
  const lines: SumLine[] = [];
  const issues: ParseIssue[] = [];
  text.split('\n').forEach((raw, idx) => {
    const l = raw.trim();
    if (l === '') return;
    const f = l.split(/\s+/);
    if (f.length !== 3) {
      issues.push({ line: idx + 1, message: `expected "module version hash", got ${f.length} fields` });
      return;
    }
    const [module, ver, hash] = f as [string, string, string];
    const goModOnly = ver.endsWith('/go.mod');
    const version = goModOnly ? ver.slice(0, -'/go.mod'.length) : ver;
    const why = checkModulePath(module) ?? checkModuleVersion(module, version);
    if (why !== undefined) {
      issues.push({ line: idx + 1, message: `${module} ${ver}: ${why}` });
      return;
    }
    if (!hash.startsWith('h1:')) {
      issues.push({ line: idx + 1, message: `unsupported hash ${JSON.stringify(hash.slice(0, 20))}` });
      return;
    }
    lines.push({ module, version, goModOnly, hash, line: idx + 1 });
  });
  return { lines, issues };
}

export interface Requirement {
  readonly module: string;
  readonly version: string;
  readonly line: number;
}

function stripComment(l: string): string {
  const i = l.indexOf('//');
  return (i >= 0 ? l.slice(0, i) : l).trim();
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') && s.length >= 2 ? s.slice(1, -1) : s;
}

/** The require (and replace-target) module versions of a go.mod. */
export function parseGoModRequires(text: string): { requires: Requirement[]; issues: ParseIssue[] } {
  const requires: Requirement[] = [];
  const issues: ParseIssue[] = [];
  let block: 'require' | 'replace' | undefined;
  const add = (fields: string[], line: number, kind: 'require' | 'replace'): void => {
    let mod: string | undefined;
    let ver: string | undefined;
    if (kind === 'require') [mod, ver] = fields;
    else {
      const arrow = fields.indexOf('=>');
      if (arrow < 0) {
        issues.push({ line, message: 'replace without =>' });
        return;
      }
      [mod, ver] = fields.slice(arrow + 1);
      if (ver === undefined) return; // a filesystem replacement: nothing to fetch
    }
    if (mod === undefined || ver === undefined) {
      issues.push({ line, message: `${kind} needs a module and a version` });
      return;
    }
    mod = unquote(mod);
    const why = checkModulePath(mod) ?? checkModuleVersion(mod, ver);
    if (why !== undefined) issues.push({ line, message: `${mod} ${ver}: ${why}` });
    else requires.push({ module: mod, version: ver, line });
  };
  text.split('\n').forEach((raw, idx) => {
    const l = stripComment(raw);
    const line = idx + 1;
    if (l === '') return;
    if (block !== undefined) {
      if (l === ')') block = undefined;
      else add(l.split(/\s+/), line, block);
      return;
    }
    const f = l.split(/\s+/);
    if ((f[0] === 'require' || f[0] === 'replace') && f[1] === '(') block = f[0];
    else if (f[0] === 'require' || f[0] === 'replace') add(f.slice(1), line, f[0]);
  });
  return { requires, issues };
}
