/**
 * @module buildlog/wrapper
 * Removes what CI systems and terminals put around build output before the build parsers see a
 * line: ANSI/control sequences, GitHub Actions timestamps and `##[group]` markers, second-precision
 * timestamps (Docker Hub autobuild), compose service prefixes and `STDOUT:`/`STDERR:` harness
 * prefixes. Every check is anchored and gated on the first character so a line costs O(length).
 */
import type { LogWrapper } from './types.ts';

export interface Unwrapped {
  /** The line as the build tool printed it. */
  readonly text: string;
  /** ISO timestamp put in front by the CI system, if any. */
  readonly timestamp: string | null;
  readonly wrapper: LogWrapper;
  /** A CI marker line (`##[group]…`, `##[error]…`): its kind and payload. */
  readonly marker: 'group' | 'endgroup' | 'error' | 'warning' | null;
}

// ESC [ ... final byte, ESC ] ... BEL/ST (OSC), other ESC x pairs, then remaining C0 controls.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|[\u0000-\u0008\u000b-\u001f\u007f]/g;
const GH_TS = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z) /;
const MARKER = /^##\[(group|endgroup|error|warning)\]/;
// `web_1  | `, `api-1  | `: a service name, padding, a bar. Bounded name length keeps it cheap.
const COMPOSE = /^([A-Za-z0-9][\w.-]{0,62})\s{1,40}\| ?/;
const HARNESS = /^(?:STDOUT|STDERR): /;

/** Strips ANSI escapes and C0 controls (keeps tabs). */
export function stripAnsi(s: string): string {
  // CONTROL covers ESC too, so one native scan decides the common case.
  if (!hasControl(s)) return s;
  return s.replace(ANSI, '');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function hasControl(s: string): boolean {
  return CONTROL.test(s);
}

const PLAIN_LINE: { -readonly [K in keyof Unwrapped]: Unwrapped[K] } = { text: '', timestamp: null, wrapper: 'none', marker: null };

/**
 * The line without its wrappers. `clean` says the caller already knows the line has no control
 * characters (the splitter scans whole chunks), so the per-line ANSI scan is skipped. The result
 * may be a shared object, valid only until the next call.
 */
export function unwrap(raw: string, clean = false): Unwrapped {
  let text = clean ? raw : stripAnsi(raw);
  const first = text.charCodeAt(0);
  // Fast path for the common BuildKit line (`#N …`, not `##[`): nothing to strip. The returned
  // object is shared and only valid until the next call.
  if (first === 35 && text.charCodeAt(1) !== 35) {
    PLAIN_LINE.text = text;
    return PLAIN_LINE;
  }
  let timestamp: string | null = null;
  let wrapper: LogWrapper = 'none';
  let marker: Unwrapped['marker'] = null;
  const c0 = text.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    const m = GH_TS.exec(text);
    if (m !== null) {
      timestamp = m[1]!;
      text = text.slice(m[0].length);
      wrapper = m[1]!.length > 20 ? 'github-actions' : 'timestamped';
    }
  }
  // A Markdown quote (`> ` at column 0) from an issue comment; BuildKit's own ` > [stage]`
  // error-block header starts with a space and is left alone.
  if (first === 62 && text.charCodeAt(1) === 32) text = text.slice(2);
  if (text.startsWith('##[')) {
    const m = MARKER.exec(text);
    if (m !== null) {
      marker = m[1] as NonNullable<Unwrapped['marker']>;
      text = text.slice(m[0].length);
      wrapper = 'github-actions';
    }
  } else if (text.startsWith('STD')) {
    const m = HARNESS.exec(text);
    if (m !== null) text = text.slice(m[0].length);
  } else if (text.indexOf('|') !== -1 && c0 !== 32 && c0 !== 35) {
    const m = COMPOSE.exec(text);
    if (m !== null && !/^\d+$/.test(m[1]!)) {
      text = text.slice(m[0].length);
      wrapper = 'compose';
    }
  }
  if (timestamp === null && wrapper === 'none' && marker === null) {
    // Nothing but text changed (blank lines, failure tail, fragments): reuse the shared object.
    PLAIN_LINE.text = text;
    return PLAIN_LINE;
  }
  return { text, timestamp, wrapper, marker };
}
