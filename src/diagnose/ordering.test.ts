/**
 * @module diagnose/ordering.test
 * The cause-over-symptom rules: demotion, marking, chains, and sanity of the rule table.
 */
import { describe, expect, it } from 'vitest';
import { applyOrdering, ORDERING_RULES } from './ordering.ts';
import { SIGNATURES } from './signatures/index.ts';
import type { Diagnosis } from './types.ts';

const d = (category: string, confidence: number): Diagnosis => ({ category, confidence, step: null, evidence: [{ line: 1, text: 'x' }], summary: 's', fixes: [] });

describe('applyOrdering', () => {
  it('drops a symptom below its cause even when the symptom scored higher', () => {
    const out = applyOrdering([d('os_package_not_found', 0.95), d('dns_failure', 0.9)]);
    const apt = out.find((x) => x.category === 'os_package_not_found')!;
    expect(apt.confidence).toBeLessThan(0.9);
    expect(apt.symptomOf).toBe('dns_failure');
    expect(out.find((x) => x.category === 'dns_failure')!.symptomOf).toBeUndefined();
  });

  it('leaves unrelated diagnoses alone', () => {
    const out = applyOrdering([d('disk_full', 0.9), d('go_compile_error', 0.8), d('secret_missing', 0.7)]);
    expect(out.find((x) => x.category === 'secret_missing')).toEqual(d('secret_missing', 0.7));
  });

  it('settles a chain (proxy → DNS → apt) with the root cause on top', () => {
    const out = applyOrdering([d('os_package_not_found', 0.9), d('dns_failure', 0.9), d('http_proxy_error', 0.92)]).sort((a, b) => b.confidence - a.confidence);
    expect(out.map((x) => x.category)).toEqual(['http_proxy_error', 'dns_failure', 'os_package_not_found']);
  });

  it('has rules only between known signatures, and no rule names itself', () => {
    const ids = new Set(SIGNATURES.map((s) => s.id));
    for (const r of ORDERING_RULES) {
      expect(ids.has(r.cause), r.cause).toBe(true);
      for (const s of r.symptoms) expect(ids.has(s), `${r.cause} → ${s}`).toBe(true);
      expect(r.symptoms).not.toContain(r.cause);
    }
  });

  it('is acyclic, so demotions settle', () => {
    const edges = new Map<string, string[]>();
    for (const r of ORDERING_RULES) edges.set(r.cause, [...(edges.get(r.cause) ?? []), ...r.symptoms]);
    const state = new Map<string, 'open' | 'done'>();
    const visit = (n: string, path: string[]): void => {
      if (state.get(n) === 'done') return;
      expect(state.get(n), `cycle: ${[...path, n].join(' → ')}`).not.toBe('open');
      state.set(n, 'open');
      for (const m of edges.get(n) ?? []) visit(m, [...path, n]);
      state.set(n, 'done');
    };
    for (const n of edges.keys()) visit(n, []);
  });
});
