/**
 * @module diagnose/redact.test
 * Secret masking: each secret shape is hidden, ordinary text is left alone.
 */
import { describe, expect, it } from 'vitest';
import { maskSecrets } from './redact.ts';

describe('maskSecrets', () => {
  it.each([
    ['https://bob:hunter2@git.example.com/x.git', 'hunter2'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig', 'eyJhbGciOiJIUzI1NiJ9'],
    ['curl -H "Authorization: Basic Ym9iOmh1bnRlcjI="', 'Ym9iOmh1bnRlcjI='],
    ['aws key AKIAIOSFODNN7EXAMPLE used', 'AKIAIOSFODNN7EXAMPLE'],
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['github_pat_11ABCDEFG0abcdefghijklmnopqrstuvwxyz', 'abcdefghijklmnopqrstuvwxyz'],
    ['glpat-abcdefghij0123456789', 'abcdefghij0123456789'],
    ['//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789', 'abcdefghijklmnopqrstuvwxyz0123456789'],
    ['ENV GITHUB_TOKEN=s3cr3tv4lue', 's3cr3tv4lue'],
    ['--password hunter2', 'hunter2'],
  ])('masks %s', (text, secret) => {
    const out = maskSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('***');
  });

  it('leaves ordinary log text alone', () => {
    const line = 'go: github.com/google/uuid@v1.6.0: Get "https://proxy.golang.org/x": dial tcp 1.2.3.4:443: i/o timeout';
    expect(maskSecrets(line)).toBe(line);
    expect(maskSecrets('RUN --mount=type=secret,id=netrc go mod download')).toBe('RUN --mount=type=secret,id=netrc go mod download');
  });

  it('is linear on long hostile input', () => {
    const s = 'Authorization: '.repeat(2000) + 'a'.repeat(100_000);
    expect(maskSecrets(s).length).toBeLessThan(s.length + 10);
  });
});
