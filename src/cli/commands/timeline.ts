/**
 * @module cli/commands/timeline
 * `stevedore timeline`: rebuild the step timeline of a build from its log
 */
import { defineCommand } from '../../util/args.ts';
import { StevedoreError } from '../../errors.ts';
import { readLog, stripAnsi, summarizeTimeline, type TimelineSummary } from '../../buildlog/index.ts';
import { maskSecrets } from '../../diagnose/index.ts';
import { sanitizeForTerminal } from '../../util/code-frame.ts';

export const timelineCommand = defineCommand({
  name: 'timeline',
  summary: 'rebuild the step timeline of a build from its log',
  usage: '[FILE|-] [--format text|json]',
  description:
    'Lists the steps of a build with durations and cache hits, the slowest steps, and the critical path when the log has the build graph (rawjson).',
  options: {
    format: { type: 'string', description: 'output format: text (default) or json', placeholder: 'FORMAT' },
  },
  examples: ['stevedore timeline build.log', 'docker buildx build --progress=rawjson . 2>&1 | stevedore timeline - --format json'],
  maxPositionals: 1,
  async run({ options, positionals, io }) {
    const format = options.format ?? 'text';
    if (format !== 'text' && format !== 'json') {
      throw new StevedoreError('CLI_USAGE', `stevedore timeline: unknown --format ${JSON.stringify(format)} (expected text or json)`);
    }
    const record = await readLog(positionals[0], io.cwd, io.stdin);
    const t = maskTimeline(summarizeTimeline(record));
    io.stdout.write(format === 'json' ? JSON.stringify(t, null, 2) + '\n' : renderTimeline(t));
    return 0;
  },
});

function maskTimeline(t: TimelineSummary): TimelineSummary {
  return {
    ...t,
    steps: t.steps.map((s) => ({ ...s, name: maskSecrets(s.name) })),
    slowest: t.slowest.map((s) => ({ ...s, name: maskSecrets(s.name) })),
  };
}

const clean = (s: string): string => sanitizeForTerminal(stripAnsi(s));
const secs = (d: number | null): string => (d === null ? '    -' : `${d.toFixed(1)}s`.padStart(7));

export function renderTimeline(t: TimelineSummary): string {
  const out = [`format: ${t.format}, ${t.steps.length} steps${t.totalDuration === null ? '' : `, total ${t.totalDuration.toFixed(1)}s`}`];
  for (const s of t.steps) out.push(`  #${String(s.number).padEnd(4)} ${s.status.padEnd(8)} ${secs(s.duration)}  ${clean(s.name)}`);
  out.push(
    '',
    t.cache.ratio === null ? 'cache: no Dockerfile steps' : `cache: ${t.cache.cached}/${t.cache.total} instruction steps cached (${Math.round(t.cache.ratio * 100)}%)`,
  );
  if (t.slowest.length > 0) {
    out.push('slowest:');
    for (const s of t.slowest) out.push(`  ${secs(s.duration)}  #${s.number} ${clean(s.name)}`);
  }
  if (t.criticalPath !== null) {
    out.push(`critical path (${t.criticalPath.duration.toFixed(1)}s): ${t.criticalPath.steps.map((n) => `#${n}`).join(' → ')}`);
  } else {
    out.push('critical path: unknown (needs a --progress=rawjson log)');
  }
  if (t.failedStep !== null) out.push(`failed at step #${t.failedStep}`);
  return out.join('\n') + '\n';
}
