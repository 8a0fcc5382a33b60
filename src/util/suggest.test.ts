// "Did you mean": bounded edit distance and the closeness threshold.
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from './suggest.ts';

describe('suggest', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('editDistance(%s, %s) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('caps the distance early', () => {
    expect(editDistance('a'.repeat(50), 'b'.repeat(50), 2)).toBe(3);
  });

  it('suggests close names case-insensitively and nothing for far ones', () => {
    expect(suggest('rulez', ['rules', 'target'])).toBe('rules');
    expect(suggest('StageNamecasing', ['StageNameCasing', 'stage-name-casing'])).toBe('StageNameCasing');
    expect(suggest('completely-different', ['rules'])).toBeUndefined();
    expect(didYouMean('targte', ['target'])).toBe(' (did you mean "target"?)');
    expect(didYouMean('zzz', ['target'])).toBe('');
  });
});
