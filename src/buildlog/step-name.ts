/**
 * @module buildlog/step-name
 * Reads a BuildKit vertex name: `[builder 3/7] RUN go mod download`,
 * `[linux/arm64 builder 5/6] RUN …`, `[2/2] COPY …`, `[internal] load build context`. Written
 * as a scan rather than one regex so hostile names cannot backtrack.
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

export function parseStepName(name: string): StepName {
  if (!name.startsWith('[')) return NONE;
  const close = name.indexOf('] ');
  if (close === -1 || close > 200) return NONE;
  const words = name.slice(1, close).split(' ');
  const counter = words[words.length - 1]!;
  const slash = counter.indexOf('/');
  const index = slash > 0 ? Number(counter.slice(0, slash)) : NaN;
  const total = slash > 0 ? Number(counter.slice(slash + 1)) : NaN;
  if (!Number.isInteger(index) || !Number.isInteger(total)) return NONE;
  let stage: string | null = null;
  let platform: string | null = null;
  for (const w of words.slice(0, -1)) {
    if (w.includes('/')) platform = w;
    else stage = w;
  }
  const rest = name.slice(close + 2).trim();
  const sp = rest.indexOf(' ');
  const keyword = (sp === -1 ? rest : rest.slice(0, sp)).toUpperCase();
  return { stage, platform, index, total, instruction: INSTRUCTIONS.has(keyword) ? rest : null };
}

/** `[builder 3/7] RUN x` → `builder 3/7`, for matching error blocks to steps across formats. */
export function stepKey(name: string): string {
  return keyOf(name, parseStepName(name));
}

export function keyOf(name: string, p: StepName): string {
  if (p.index === null) return name.trim();
  return `${p.platform ?? ''}|${p.stage ?? ''}|${p.index}/${p.total}`;
}
