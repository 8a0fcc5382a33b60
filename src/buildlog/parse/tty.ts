/**
 * @module buildlog/parse/tty
 * A captured tty frame: `[+] Building 17.3s (15/16)` then ` => [CACHED |ERROR |CANCELED ]name  1.2s`,
 * sub-statuses ` => => …` and live logs ` => => # line`. Several frames may be captured; steps are
 * merged by their `[stage i/n]` key so the last frame wins.
 */
import type { RecordBuilder, StepState } from '../record.ts';
import { stepKey } from '../step-name.ts';

export interface TtyContext {
  readonly builder: RecordBuilder;
  current: StepState | null;
}

/** A tty frame only says ERROR; the message comes from the failure tail (record.ts). */
export const TTY_FAILED = 'failed';

const HEADER = /^\[\+\] Building (\d+(?:\.\d+)?)s \((\d+)\/(\d+)\)/;
const DURATION = /\s(\d+(?:\.\d+)?)s$/;

export function handleTty(ctx: TtyContext, text: string, line: number): boolean {
  const b = ctx.builder;
  if (text.startsWith('[+] ')) {
    const m = HEADER.exec(text);
    if (m !== null) {
      b.ttyDuration = Number(m[1]);
      b.kinds.tty++;
      return true;
    }
    return false;
  }
  // ` => …`; pasted copies sometimes lose the leading space.
  const at = text.startsWith(' => ') ? 4 : text.startsWith('=> ') ? 3 : -1;
  if (at === -1) return false;
  b.kinds.tty++;
  const body = text.slice(at).trimEnd();
  if (body.startsWith('=> ')) {
    const sub = body.slice(3);
    if (ctx.current !== null) ctx.current.output.add(line, sub.startsWith('# ') ? sub.slice(2) : sub);
    return true;
  }
  let name = body;
  let state: 'cached' | 'error' | 'canceled' | null = null;
  for (const [prefix, s] of [['CACHED ', 'cached'], ['ERROR ', 'error'], ['CANCELED ', 'canceled']] as const) {
    if (name.startsWith(prefix)) {
      state = s;
      name = name.slice(prefix.length);
    }
  }
  let duration: number | null = null;
  const d = DURATION.exec(name);
  if (d !== null) {
    duration = Number(d[1]);
    name = name.slice(0, d.index).trimEnd();
  }
  const step = b.upsert(`tty:${stepKey(name)}`, name, line);
  if (duration !== null) step.duration = duration;
  if (state === 'cached') step.cached = true;
  if (state === 'canceled') step.canceled = true;
  if (state === 'error' && step.error === null) {
    step.error = TTY_FAILED;
    step.errorLine = line;
  }
  ctx.current = step;
  return true;
}
