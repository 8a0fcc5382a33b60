/**
 * @module buildlog/step-name
 * Reads a BuildKit vertex name: `[builder 3/7] RUN go mod download`,
 * `[linux/arm64 builder 5/6] RUN …`, `[2/2] COPY …`, `[internal] load build context`. Written
 * as an allocation-light scan rather than one regex: hostile names cannot backtrack, and this
 * runs once per step.
 */

export interface StepName {
  readonly stage: string | null;
  readonly platform: string | null;
  readonly index: number | null;
  readonly total: number | null;
  /** `RUN go mod download`; null for internal vertices such as `[internal] load …`. */
  readonly instruction: string | null;
}

const NONE: StepName = { stage: null, platform: null, index: null, total: null, instruction: null };

const INSTRUCTIONS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** Scratch result of scanBrackets (module-level: the scan runs once per step and allocates nothing). */
const scan = { close: 0, index: 0, total: 0, stageAt: -1, stageEnd: -1, platformAt: -1, platformEnd: -1 };

/** Reads the `[platform stage i/n] ` prefix into `scan`; false when the name has none. */
function scanBrackets(name: string): boolean {
  if (name.charCodeAt(0) !== 91) return false;
  const close = name.indexOf('] ');
  if (close === -1 || close > 200) return false;
  // Words inside the brackets are space-separated; the last one is the `i/n` counter.
  const lastSpace = name.lastIndexOf(' ', close - 1);
  const counterStart = lastSpace === -1 ? 1 : lastSpace + 1;
  const slash = name.indexOf('/', counterStart);
  if (slash <= counterStart || slash >= close) return false;
  let index = digitsAt(name, counterStart, slash);
  let total = digitsAt(name, slash + 1, close);
  // Anything but plain digits goes through Number(), as the name printed it (`0x1`, ` 2`, …).
  if (index === -1) index = Number(name.slice(counterStart, slash));
  if (total === -1) total = Number(name.slice(slash + 1, close));
  if (!Number.isInteger(index) || !Number.isInteger(total)) return false;
  // The words before the counter: one with a `/` is the platform, another the stage (last wins).
  scan.stageAt = scan.stageEnd = scan.platformAt = scan.platformEnd = -1;
  for (let at = 1; at <= lastSpace; ) {
    const sp = name.indexOf(' ', at);
    const slashInWord = name.indexOf('/', at);
    if (slashInWord !== -1 && slashInWord < sp) {
      scan.platformAt = at;
      scan.platformEnd = sp;
    } else {
      scan.stageAt = at;
      scan.stageEnd = sp;
    }
    at = sp + 1;
  }
  scan.close = close;
  scan.index = index;
  scan.total = total;
  return true;
}

export function parseStepName(name: string): StepName {
  if (!scanBrackets(name)) return NONE;
  const rest = name.slice(scan.close + 2).trim();
  const sp = rest.indexOf(' ');
  const keyword = sp === -1 ? rest : rest.slice(0, sp);
  const isInstruction = INSTRUCTIONS.has(keyword) || INSTRUCTIONS.has(keyword.toUpperCase());
  return {
    stage: scan.stageAt === -1 ? null : name.slice(scan.stageAt, scan.stageEnd),
    platform: scan.platformAt === -1 ? null : name.slice(scan.platformAt, scan.platformEnd),
    index: scan.index,
    total: scan.total,
    instruction: isInstruction ? rest : null,
  };
}

/** The non-negative integer spelled by text[from, to) in 1–9 ASCII digits, else -1. */
function digitsAt(text: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * `[builder 3/7] RUN x` → `|builder|3/7`, for matching error blocks to steps across formats.
 * Equal to keyOf(name, parseStepName(name)) without building the StepName (once per step).
 */
export function stepKey(name: string): string {
  if (!scanBrackets(name)) return name.trim();
  const platform = scan.platformAt === -1 ? '' : name.slice(scan.platformAt, scan.platformEnd);
  const stage = scan.stageAt === -1 ? '' : name.slice(scan.stageAt, scan.stageEnd);
  return `${platform}|${stage}|${scan.index}/${scan.total}`;
}

export function keyOf(name: string, p: StepName): string {
  if (p.index === null) return name.trim();
  return `${p.platform ?? ''}|${p.stage ?? ''}|${p.index}/${p.total}`;
}
