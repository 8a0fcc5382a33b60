/**
 * @module dockerfile/instructions/mount
 * `RUN --mount=...` values: CSV fields (quoted fields allowed), key=value options with
 * BuildKit's aliases (src, dst/destination, ro/rw) and its validation rules per mount type.
 * `expand` (optional) expands each value, as BuildKit does at dispatch time; `from` is never
 * expanded (BuildKit rejects a variable there).
 */
import type { Mount, Range } from '../types.ts';

export class MountError extends Error {}

/** encoding/csv-style split of one record. */
export function csvFields(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (s.charCodeAt(i) === 0x22) {
      let field = '';
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) throw new MountError('failed to parse csv mounts: extraneous or missing " in quoted-field');
        field += s.slice(i, q);
        if (s.charCodeAt(q + 1) === 0x22) {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(field);
      if (i >= s.length) return out;
      if (s.charCodeAt(i) !== 0x2c) throw new MountError('failed to parse csv mounts: extraneous or missing " in quoted-field');
      i++;
      continue;
    }
    const comma = s.indexOf(',', i);
    const field = comma < 0 ? s.slice(i) : s.slice(i, comma);
    if (field.includes('"')) throw new MountError('failed to parse csv mounts: bare " in non-quoted-field');
    out.push(field);
    if (comma < 0) return out;
    i = comma + 1;
  }
}

const TYPES = new Set(['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
const SHARING = new Set(['shared', 'private', 'locked']);

function parseBool(v: string, key: string): boolean {
  switch (v) {
    case '1': case 't': case 'T': case 'TRUE': case 'true': case 'True':
      return true;
    case '0': case 'f': case 'F': case 'FALSE': case 'false': case 'False':
      return false;
  }
  throw new MountError(`invalid value for ${key}: ${v}`);
}

export function parseMount(raw: string, range: Range, expand: (v: string) => string = (v) => v): Mount {
  let type = 'bind';
  let from: string | undefined;
  let source: string | undefined;
  let target: string | undefined;
  let id: string | undefined;
  let sharing: string | undefined;
  let mode: string | undefined;
  let uid: string | undefined;
  let gid: string | undefined;
  let env: string | undefined;
  let readonly: boolean | undefined;
  let required = false;
  for (const field of csvFields(raw)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') readonly = true;
      else if (key === 'readwrite' || key === 'rw') readonly = false;
      else if (key === 'required' && (type === 'secret' || type === 'ssh')) required = true;
      else if (key === 'required') throw new MountError(`unexpected key '${key}' for mount type '${type}'`);
      else throw new MountError(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    let value = field.slice(eq + 1);
    if (key === 'from') {
      const d = value.indexOf('$');
      if (d !== -1 && d !== value.length - 1) throw new MountError(`'from' doesn't support variable expansion, define alias stage instead`);
    } else value = expand(value);
    switch (key) {
      case 'type':
        if (!TYPES.has(value.toLowerCase())) throw new MountError(`unsupported mount type ${JSON.stringify(value)}`);
        type = value.toLowerCase();
        break;
      case 'from':
        from = value;
        break;
      case 'source':
      case 'src':
        source = value;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        target = value;
        break;
      case 'readonly':
      case 'ro':
        readonly = parseBool(value, key);
        break;
      case 'readwrite':
      case 'rw':
        readonly = !parseBool(value, key);
        break;
      case 'required':
        if (type !== 'secret' && type !== 'ssh') throw new MountError(`unexpected key '${key}' for mount type '${type}'`);
        required = parseBool(value, key);
        break;
      case 'size':
        if (type !== 'tmpfs') throw new MountError(`unexpected key '${key}' for mount type '${type}'`);
        break;
      case 'id':
        id = value;
        break;
      case 'sharing':
        if (!SHARING.has(value.toLowerCase())) throw new MountError(`unsupported sharing value ${JSON.stringify(value)}`);
        sharing = value.toLowerCase();
        break;
      case 'mode':
        if (!/^[0-7]{1,11}$/.test(value)) throw new MountError(`invalid value ${value} for mode`);
        mode = value;
        break;
      case 'uid':
      case 'gid':
        if (!/^[0-9]{1,10}$/.test(value) || Number(value) > 0xffffffff) throw new MountError(`invalid value ${value} for ${key}`);
        if (key === 'uid') uid = value;
        else gid = value;
        break;
      case 'env':
        env = value;
        break;
      default:
        throw new MountError(`unexpected key '${key}' in '${field}'`);
    }
  }
  const fileInfo = type === 'secret' || type === 'ssh' || type === 'cache';
  if (!fileInfo && mode !== undefined) throw new MountError(`mode not allowed for "${type}" type mounts`);
  if (!fileInfo && uid !== undefined) throw new MountError(`uid not allowed for "${type}" type mounts`);
  if (!fileInfo && gid !== undefined) throw new MountError(`gid not allowed for "${type}" type mounts`);
  if (sharing !== undefined && type !== 'cache') throw new MountError(`sharing= applies to cache mounts only, not to a ${type} mount`);
  switch (type) {
    case 'cache':
      return { type, target: target ?? '', id, sharing: (sharing ?? 'shared') as 'shared', from, source, readonly: readonly ?? false, mode, uid, gid, raw, range };
    case 'secret':
      if (from !== undefined) throw new MountError('a secret mount takes no from=');
      if (source === undefined && target === undefined && id === undefined) throw new MountError('invalid secret mount. one of source, target required');
      if (source !== undefined && id !== undefined) throw new MountError('give a secret mount either source= or id=, not both');
      return { type, id: id ?? source, target, env, required, raw, range };
    case 'ssh':
      return { type, id, target, required, raw, range };
    case 'tmpfs':
      return { type, target: target ?? '', raw, range };
    default:
      return { type: 'bind', target: target ?? '', source, from, readwrite: readonly === false, raw, range };
  }
}
