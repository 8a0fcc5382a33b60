/**
 * @module cachekey/render
 * Plain-words rendering of an explain report, and the advice that follows from its reasons:
 * steps that re-run only because a broad `COPY` precedes them, build args declared too early,
 * ENV added before RUNs that don't need it, `.git/` in the context.
 */
import type { FieldChange, Reason, StepRef } from './decide.ts';
import type { ExplainReport, ExplainStep } from './explain.ts';

function label(s: Pick<StepRef, 'stage' | 'index' | 'instruction'>, max = Infinity): string {
  const text = s.instruction.length > max ? `${s.instruction.slice(0, max - 3)}...` : s.instruction;
  return `[${s.stage} ${s.index}] ${text}`;
}

/** A step named inside a reason: short enough to keep the line readable. */
function refLabel(s: Pick<StepRef, 'stage' | 'index' | 'instruction'>): string {
  return label(s, 48);
}

function short(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function describeChange(c: FieldChange): string {
  if (c.field.startsWith('env.')) {
    const name = c.field.slice(4);
    const what = c.via === 'ARG' ? `build arg ${name}` : `ENV ${name}`;
    if (c.before === null) return `${what} now set (${short(c.after)})`;
    if (c.after === null) return `${what} no longer set`;
    return `${what} changed ${short(c.before)} → ${short(c.after)}`;
  }
  if (c.field === 'instruction') return 'no matching step in the previous build';
  return `${c.field} changed ${short(c.before)} → ${short(c.after)}`;
}

export function describeReason(r: Reason, rebuiltBecause?: StepRef): string {
  switch (r.kind) {
    case 'CACHED':
      return r.via === 'content' ? 'cached (its input re-ran but produced the same content)' : 'cached';
    case 'BASE_IMAGE_CHANGED':
      return `base image changed (${r.before ?? 'none'} → ${r.after})`;
    case 'OP_CHANGED':
      return r.changes.map(describeChange).join('; ');
    case 'SELECTOR_CHANGED':
      return `source paths changed (${r.before.join(' ')} → ${r.after.join(' ')})`;
    case 'CONTENT_CHANGED': {
      if (r.missing.length > 0) return `source missing: ${r.missing.join(', ')}`;
      const shown = r.files.slice(0, 5).map((f) => `${f.path} ${f.change}`);
      const more = r.files.length > 5 ? ` and ${r.files.length - 5} more` : '';
      return `content changed: ${shown.join(', ')}${more}`;
    }
    case 'PARENT_REBUILT': {
      const also = r.ownChanges.length > 0 ? ` (its own key changed too: ${r.ownChanges.map(describeChange).join('; ')})` : '';
      return `rebuilt because step ${refLabel(rebuiltBecause ?? r.parent)} rebuilt${also}`;
    }
    case 'MAYBE_CONTENT_HIT': {
      if (r.via !== 'content') return `follows ${refLabel(r.producer)}, which may hit`;
      // A Go binary embeds a build ID derived from its inputs: a source change changes it.
      const go = /\bgo build\b/.test(r.producer.instruction) ? ' (a Go binary changes with its sources: expect a rebuild)' : '';
      return `hits only if ${refLabel(r.producer)} re-creates byte-identical output${go}`;
    }
  }
}

const DOWNLOAD_STEP = /\b(go mod download|go mod vendor|npm (ci|install)|yarn install|pnpm install|pip install|bundle install|cargo fetch|apt-get install)\b/;

export function advise(report: ExplainReport): string[] {
  const out: string[] = [];
  const rebuilt = report.steps.filter((s) => s.verdict === 'rebuilt');
  const key = (s: Pick<StepRef, 'stage' | 'index'>): string => `${s.stage}#${s.index}`;
  for (const root of rebuilt) {
    if (root.reason.kind !== 'CONTENT_CHANGED' || !/^(COPY|ADD)\b/.test(root.instruction)) continue;
    const consequences = rebuilt.filter(
      (s) => s.rebuiltBecause !== undefined && key(s.rebuiltBecause) === key(root) && s.reason.kind === 'PARENT_REBUILT' && s.reason.ownChanges.length === 0,
    );
    const download = consequences.find((s) => DOWNLOAD_STEP.test(s.instruction));
    if (download !== undefined) {
      const dl = DOWNLOAD_STEP.exec(download.instruction)?.[0] ?? 'the download';
      out.push(
        `${consequences.length} of ${rebuilt.length} rebuilt steps re-run only because \`${root.instruction}\` (line ${root.line}) precedes \`${dl}\` (line ${download.line}); copy only the dependency manifests (e.g. go.mod, go.sum) before it and the rest after, so a source edit keeps it cached. \`stevedore fix\` moves it.`,
      );
    }
    if (root.reason.files.some((f) => f.path === '.git' || f.path.startsWith('.git/'))) {
      out.push(`\`${root.instruction}\` (line ${root.line}) copies .git/, which changes on every commit; add \`.git\` to .dockerignore.`);
    }
  }
  for (const s of rebuilt) {
    if (s.reason.kind !== 'OP_CHANGED') continue;
    for (const c of s.reason.changes) {
      if (!c.field.startsWith('env.')) continue;
      const name = c.field.slice(4);
      const used = new RegExp(`\\$\\{?${name}\\b`).test(s.instruction);
      if (c.via === 'ARG' && !used) {
        out.push(`build arg ${name} changed and \`${s.instruction}\` (line ${s.line}) does not use it, but every RUN after \`ARG ${name}\` gets it as env; declare \`ARG ${name}\` right before the RUN that needs it.`);
      } else if (c.via === 'ENV' && c.before === null && !used) {
        out.push(`ENV ${name} is new and \`${s.instruction}\` (line ${s.line}) does not use it, yet every later RUN in the stage rebuilds; set it after the expensive steps or only where it is needed.`);
      }
    }
  }
  return [...new Set(out)];
}

export function renderText(report: ExplainReport): string {
  const lines = [`explain: ${report.from} → ${report.to}`, ''];
  const width = Math.min(60, Math.max(...report.steps.map((s) => label(s).length), 10));
  for (const s of report.steps) {
    const name = label(s);
    const shown = name.length > width ? `${name.slice(0, width - 3)}...` : name.padEnd(width);
    lines.push(`  ${shown}  ${s.verdict.toUpperCase().padEnd(7)}  ${s.verdict === 'cached' ? '' : describeReason(s.reason, s.rebuiltBecause)}`.trimEnd());
  }
  const rebuilt = report.steps.filter((s: ExplainStep) => s.verdict === 'rebuilt');
  const maybe = report.steps.filter((s) => s.verdict === 'maybe');
  const roots = rebuilt.filter((s) => s.reason.kind !== 'PARENT_REBUILT');
  lines.push('', `${rebuilt.length} of ${report.steps.length} steps rebuild${maybe.length > 0 ? `, ${maybe.length} may hit` : ''}.`);
  if (roots.length > 0) lines.push(`Root causes: ${roots.map((r) => `line ${r.line} (${r.reason.kind})`).join(', ')}.`);
  const advice = advise(report);
  if (advice.length > 0) lines.push('', 'Advice:', ...advice.map((a) => `  - ${a}`));
  if (report.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of report.warnings) {
      lines.push(`  - ${w.kind}: ${w.message}`);
      if ('files' in w) lines.push(...w.files.slice(0, 10).map((f) => `      ${f}`));
    }
  }
  return lines.join('\n') + '\n';
}
