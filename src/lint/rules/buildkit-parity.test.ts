/**
 * @module lint/rules/buildkit-parity.test
 * Parity with BuildKit's own checks: every Dockerfile in __fixtures__/buildkit-parity/cases was
 * linted by BuildKit's `dockerfile2llb.DockerfileLint` (v0.34.2, the code behind `docker build
 * --check`; generator in __fixtures__/buildkit-parity/generator) into expected.tsv. Our whole
 * registry must report the same checks (by alias), on the same lines, as often — except the
 * differences listed below, each with its reason. Only the check name and line are compared,
 * never the message: our messages are written in our own words, and expected.tsv keeps
 * BuildKit's text only as test data. NoEmptyContinuation is compared without its line:
 * BuildKit points at the instruction's last line, we at the empty line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../engine.ts';
import { RULES } from './index.ts';

const dir = join(import.meta.dirname, '__fixtures__', 'buildkit-parity');

/** Findings one side has and the other has not, as "file<TAB>check<TAB>line". */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  'stage-name-casing-4.Dockerfile\tInvalidDefaultArgInFrom\t3': 'a literal FROM name without variables (`FROM Build`) is not an ARG-default problem; we only check FROM words with variables',
  'invalid-base-image-platform-3.Dockerfile\tInvalidBaseImagePlatform\t1': 'a variable --platform ($BUILDPLATFORM) has no value offline; we skip it',
  'invalid-base-image-platform-4.Dockerfile\tInvalidBaseImagePlatform\t1': 'without --platform the builder\'s native platform is unknown offline (the targetPlatform option turns this on)',
  'from-platform-flag-const-disallowed-3.Dockerfile\tInvalidBaseImagePlatform\t1': 'generator artefact: its stand-in resolver serves linux images only, this one is a Windows image',
  'workdir-relative-path-6.Dockerfile\tWorkdirRelativePath\t2': 'a Windows drive path counts as absolute for us; the generator builds for linux',
  'heredoc-and-special-vars.Dockerfile\tUndefinedVar\t2': 'BuildKit reports a variable of a COPY heredoc body at the COPY line; we report where the variable is (line 3)',
  'heredoc-and-special-vars.Dockerfile\tUndefinedVar\t3': 'the same finding, at the variable itself',
  'undefined-var-13.Dockerfile\tUndefinedVar\t3': 'BuildKit stops at the invalid mount target on line 2 before it reaches line 3',
};

/**
 * Keys "check<TAB>line<TAB>n" (n counts repeats of the same check on the same line, so two
 * findings on one line stay two). The message is not part of the key.
 */
function keysOf(findings: readonly { check: string; line: number | string }[]): string[] {
  const seen = new Map<string, number>();
  return findings.map(({ check, line }) => {
    const at = `${check}\t${check === 'NoEmptyContinuation' ? '-' : String(line)}`;
    const n = (seen.get(at) ?? 0) + 1;
    seen.set(at, n);
    return `${at}\t${String(n)}`;
  });
}

function parseTsv(text: string): Map<string, string[]> {
  const byFile = new Map<string, { check: string; line: string }[]>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [file, check, ln] = line.split('\t');
    byFile.set(file!, [...(byFile.get(file!) ?? []), { check: check!, line: ln! }]);
  }
  return new Map([...byFile].map(([file, findings]) => [file, keysOf(findings)]));
}

const PARITY_RULES = RULES.filter((r) => r.meta.supersedes === undefined);
const buildkitName = new Map<string, string>();
for (const rule of RULES) {
  const name = rule.meta.aliases?.find((a) => /^[A-Z][A-Za-z]+$/.test(a) && !/^DL[0-9]/.test(a));
  if (name !== undefined) buildkitName.set(rule.id, name);
}

const expected = parseTsv(readFileSync(join(dir, 'expected.tsv'), 'utf8'));
const cases = readdirSync(join(dir, 'cases')).filter((f) => f.endsWith('.Dockerfile')).sort();

function ours(file: string): string[] {
  const text = readFileSync(join(dir, 'cases', file), 'utf8');
  let findings;
  try {
    // Parity is about the BuildKit-derived rules' own detection: rules that supersede one of
    // them (lint/supersede.ts) would hide its findings, so they sit out here.
    findings = lint(text, { file: 'Dockerfile', rules: PARITY_RULES });
  } catch {
    // A file the Dockerfile model rejects has no findings; KNOWN_DIFFERENCES must then explain what BuildKit found.
    return [];
  }
  const out: { check: string; line: number }[] = [];
  for (const f of findings) {
    const check = buildkitName.get(f.rule);
    if (check !== undefined) out.push({ check, line: f.line });
  }
  return keysOf(out);
}

/** Our findings against BuildKit's for one file: differences not in KNOWN_DIFFERENCES, and the known ones that occurred. */
function compare(file: string): { unexplained: { missing: string[]; extra: string[] }; explained: string[] } {
  const want = new Set(expected.get(file) ?? []);
  const got = new Set(ours(file));
  const explained: string[] = [];
  const unexplained = (keys: Iterable<string>, other: Set<string>): string[] => [...keys].filter((k) => !other.has(k)).filter((k) => {
    const known = `${file}\t${k.split('\t').slice(0, 2).join('\t')}`;
    if (KNOWN_DIFFERENCES[known] === undefined) return true;
    explained.push(known);
    return false;
  });
  return { unexplained: { missing: unexplained(want, got), extra: unexplained(got, want) }, explained };
}

describe('BuildKit check parity', () => {
  it('covers every BuildKit check that needs no build context', () => {
    const seen = new Set([...expected.values()].flat().map((k) => k.split('\t')[0]));
    expect([...buildkitName.values()].filter((n) => n !== 'CopyIgnoredFile' && !seen.has(n))).toEqual([]);
  });
  for (const file of cases) {
    it(file, () => {
      expect(compare(file).unexplained).toEqual({ missing: [], extra: [] });
    });
  }
  it('lists no difference that does not occur', () => {
    const used = new Set(cases.flatMap((f) => compare(f).explained));
    expect(Object.keys(KNOWN_DIFFERENCES).filter((k) => !used.has(k))).toEqual([]);
  });
});
