/**
 * @module diagnose/signatures.test
 * Table test of every signature against HAND-WRITTEN fragments (__fixtures__/fragments.ts, built
 * from verbatim error strings): top-1 category, symptoms ranked below the cause, evidence that
 * points at real lines of the input, and concrete fixes.
 */
import { describe, expect, it } from 'vitest';
import { parseLog } from '../buildlog/index.ts';
import { diagnose } from './index.ts';
import { FRAGMENT_CASES } from './__fixtures__/fragments.ts';

describe('signatures on hand-written fragments', () => {
  it.each(FRAGMENT_CASES)('$id: $note', ({ log, top, symptom }) => {
    const lines = log.split('\n');
    const ds = diagnose(parseLog(log));
    expect(ds[0]?.category).toBe(top);
    const best = ds[0]!;
    expect(best.evidence.length).toBeGreaterThan(0);
    for (const e of best.evidence) {
      expect(e.line).toBeGreaterThan(0);
      // Evidence text is the line (or a suffix of it once the `#N secs` prefix is removed).
      expect(lines[e.line - 1]).toContain(e.text.split('\n')[0]!);
    }
    expect(best.fixes.length).toBeGreaterThan(0);
    expect(best.summary.length).toBeGreaterThan(20);
    for (const s of symptom ?? []) {
      // A symptom either does not match at all or ranks below the cause, marked as its symptom.
      const d = ds.find((x) => x.category === s);
      if (d === undefined) continue;
      expect(d.confidence).toBeLessThan(best.confidence);
      expect(d.symptomOf).toBeDefined();
    }
  });

  it('ranks DNS above the apt error it causes (both match)', () => {
    const ds = diagnose(parseLog(FRAGMENT_CASES.find((c) => c.note.startsWith('apt: DNS first'))!.log));
    expect(ds[0]!.category).toBe('dns_failure');
    const apt = ds.find((x) => x.category === 'os_package_not_found');
    expect(apt?.symptomOf).toBe('dns_failure');
    expect(apt!.confidence).toBeLessThan(ds[0]!.confidence);
  });

  it('returns no diagnosis for a successful build', () => {
    const ok = '#5 [2/2] RUN echo 1\n#5 0.084 1\n#5 DONE 0.2s\n\n#6 exporting to image\n#6 DONE 0.1s\n';
    const record = parseLog(ok);
    expect(record.failure).toBeNull();
    expect(diagnose(record)).toEqual([]);
  });

  it('does not blame an error word printed by a step that succeeded', () => {
    const log = [
      '#5 [2/3] RUN go test ./...',
      '#5 0.5 --- PASS: TestRetry (0.01s): dial tcp 10.0.0.1:443: i/o timeout (expected)',
      '#5 DONE 1.0s',
      '#6 [3/3] RUN go build ./...',
      '#6 0.3 ./main.go:3:2: undefined: foo',
      '#6 ERROR: process "/bin/sh -c go build ./..." did not complete successfully: exit code: 1',
    ].join('\n');
    expect(diagnose(parseLog(log))[0]?.category).toBe('go_compile_error');
  });

  it('diagnoses a single pasted line with no step header', () => {
    const ds = diagnose(parseLog('E: Unable to locate package golang-1.22'));
    expect(ds[0]?.category).toBe('os_package_not_found');
    expect(ds[0]?.evidence[0]?.line).toBe(1);
  });

  it('sorts diagnoses best first', () => {
    const ds = diagnose(parseLog(FRAGMENT_CASES.find((c) => c.id === 'dns_failure')!.log));
    const conf = ds.map((d) => d.confidence);
    expect(conf).toEqual([...conf].sort((a, b) => b - a));
  });
});
