/**
 * @module buildlog/parse/classic
 * The legacy builder (`DOCKER_BUILDKIT=0`): `Step n/m : INSTR`, ` ---> Running in …`,
 * ` ---> Using cache`, process output as bare lines, and `The command '/bin/sh -c …' returned a
 * non-zero code: N`. Docker ≤ 1.9 printed `Step 0 : …` without a total.
 */
import type { RecordBuilder, StepState } from '../record.ts';

export interface ClassicContext {
  readonly builder: RecordBuilder;
  current: StepState | null;
}

const STEP = /^(?:\[INFO\] )?Step (\d{1,5})(?:\/(\d{1,5}))? : (.*)$/;
const NON_ZERO = /^(?:INFO\[[^\]]{0,40}\] )?The command (?:'(.*)'|\[(.*)\]) returned a non-zero code: (\d+)/;

export function handleClassic(ctx: ClassicContext, text: string, line: number): boolean {
  const b = ctx.builder;
  if (text.startsWith('Step ') || text.startsWith('[INFO] Step ')) {
    const m = STEP.exec(text);
    if (m === null) return false;
    b.kinds.classic++;
    const index = Number(m[1]);
    const instruction = m[3]!.trim();
    const name = `[${index}/${m[2] ?? '?'}] ${instruction}`;
    ctx.current = b.upsertNumbered(`classic:${index}`, index, name, line);
    return true;
  }
  const cur = ctx.current;
  if (cur === null) return false;
  if (text.startsWith(' ---> ')) {
    if (text === ' ---> Using cache') cur.cached = true;
    return true;
  }
  if (text.startsWith('Removing intermediate container') || text.startsWith('Successfully built') || text.startsWith('Successfully tagged')) {
    if (text.startsWith('Successfully')) ctx.current = null;
    return true;
  }
  const nz = NON_ZERO.exec(text);
  if (nz !== null) {
    cur.error = text;
    cur.errorLine = line;
    cur.output.add(line, text);
    b.finalError = { text, line };
    ctx.current = null;
    return true;
  }
  if (text.startsWith('Error response from daemon:') || text.startsWith('ERROR: Service')) {
    // Daemon-side failures end the step (e.g. a COPY source missing from the context).
    cur.error ??= text;
    cur.errorLine ??= line;
    ctx.current = null;
    return false;
  }
  cur.output.add(line, text);
  return true;
}

/**
 * The classic builder prints a daemon-side error (`COPY failed: …`, `the --mount option requires
 * BuildKit…`) as a bare last line. A step still open at the end of the log (no `Successfully
 * built`) therefore failed with its last non-blank output line.
 */
export function closeClassic(b: RecordBuilder, ctx: ClassicContext): void {
  const cur = ctx.current;
  if (cur === null || cur.error !== null) return;
  const out = cur.output.snapshot();
  const last = [...out.head, ...out.tail].filter((l) => l.text.trim().length > 0 && !l.text.startsWith(' ---> ')).pop();
  if (last === undefined) return;
  cur.error = last.text;
  cur.errorLine = last.line;
  b.finalError ??= { text: last.text, line: last.line };
  ctx.current = null;
}
