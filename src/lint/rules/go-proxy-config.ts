/**
 * @module lint/rules/go-proxy-config
 * Go module settings that make builds slow or unsafe: GOPROXY=direct or off (every build
 * clones from VCS, or cannot fetch at all), GOSUMDB=off (no checksum verification), GOINSECURE
 * (plain HTTP fetches), GOFLAGS=-insecure. Checked in ENV, ARG defaults, RUN prefixes and
 * `go env -w`. No fix: a private module setup may need GONOSUMDB/GOPRIVATE instead.
 */
import type { Range } from '../../dockerfile/index.ts';
import { isGoBinary } from '../knowledge/go.ts';
import { rangeAt } from '../position.ts';
import { defineRule } from '../rule.ts';

type Problem = 'proxyDirect' | 'proxyOff' | 'sumdbOff' | 'insecure' | 'flagsInsecure';

/** Judges one NAME=value setting (quotes already removed). */
export function judge(name: string, value: string): Problem | undefined {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (name === 'GOPROXY') {
    const parts = v.split(/[,|]/).map((p) => p.trim()).filter((p) => p !== '');
    if (parts.length > 0 && parts.every((p) => p === 'off')) return 'proxyOff';
    if (parts.length > 0 && parts.every((p) => p === 'direct')) return 'proxyDirect';
  }
  if (name === 'GOSUMDB' && v === 'off') return 'sumdbOff';
  if (name === 'GOINSECURE' && v !== '') return 'insecure';
  if (name === 'GOFLAGS' && v.split(/\s+/).includes('-insecure')) return 'flagsInsecure';
  return undefined;
}

export default defineRule({
  id: 'go-proxy-config',
  meta: {
    category: 'go',
    severity: 'warning',
    docs: {
      description: 'Do not turn off the Go module proxy or checksum database, or allow insecure fetches.',
      rationale: 'GOPROXY=direct makes each uncached build clone every dependency from its VCS host; GOSUMDB=off and GOINSECURE drop the integrity checks that make module downloads tamper-evident.',
      bad: 'FROM golang:1.23\nENV GOPROXY=direct GOSUMDB=off\n',
      good: 'FROM golang:1.23\nENV GOPROXY=https://proxy.golang.org,direct\n',
    },
  },
  messages: {
    proxyDirect: 'GOPROXY=direct bypasses the module proxy: every uncached build fetches modules from their VCS hosts',
    proxyOff: 'GOPROXY=off forbids module downloads: the build fails on any missing module',
    sumdbOff: 'GOSUMDB=off disables checksum verification of downloaded modules',
    insecure: 'GOINSECURE={{value}} allows fetching modules over plain HTTP without checksum verification',
    flagsInsecure: 'GOFLAGS=-insecure allows insecure module fetches',
  },
  defaultOptions: {},
  create(ctx) {
    const check = (name: string, value: string, range: Range): void => {
      const problem = judge(name, value);
      if (problem !== undefined) ctx.report({ messageId: problem, data: { value }, range });
    };
    return {
      instruction(i) {
        if (i.keyword === 'ENV') for (const p of i.pairs) check(p.key, p.value, p.range);
        if (i.keyword === 'ARG') for (const a of i.args) if (a.value !== undefined) check(a.name, a.value, a.range);
      },
      end() {
        for (const run of ctx.runs) {
          for (const cmd of run.commands) {
            const settings: [string, string][] = Object.entries(cmd.assignments);
            if (isGoBinary(cmd.argv[0]) && cmd.argv[1] === 'env' && cmd.argv[2] === '-w') {
              for (const kv of cmd.argv.slice(3)) {
                const eq = kv.indexOf('=');
                if (eq > 0) settings.push([kv.slice(0, eq), kv.slice(eq + 1)]);
              }
            }
            // Positions are computed only for a command that has settings to judge.
            if (settings.length === 0) continue;
            const at = rangeAt(ctx.text, cmd.start, cmd.end);
            for (const [k, v] of settings) check(k, v, at);
          }
        }
      },
    };
  },
});
