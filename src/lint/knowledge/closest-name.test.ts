/**
 * @module lint/knowledge/closest-name.test
 * NameIndex answers BuildKit's suggest.Search: closest name below distance 3, first added wins
 * ties, none on an exact match; layered indexes see their parent's names.
 */
import { expect, it } from 'vitest';
import { NameIndex } from './closest-name.ts';

function index(names: readonly string[], parent?: NameIndex): NameIndex {
  const i = new NameIndex(parent);
  for (const n of names) i.add(n);
  return i;
}

it('finds a close name and prefers the smaller distance', () => {
  const i = index(['VERSION', 'VERSIONS', 'GO_VERSION']);
  expect(i.closest('VERSON')).toBe('VERSION');
  expect(i.closest('GOVERSION')).toBe('GO_VERSION');
});
it('returns nothing on an exact match or when every name is 3 or more edits away', () => {
  const i = index(['VERSION']);
  expect(i.closest('VERSION')).toBeUndefined();
  expect(i.closest('VERSIONXYZ')).toBeUndefined();
  expect(i.closest('version')).toBeUndefined();
});
it('breaks ties by insertion order, parent names first', () => {
  const parent = index(['AB1']);
  const child = index(['AB2'], parent);
  expect(child.closest('AB3')).toBe('AB1');
  expect(index(['AB2', 'AB1']).closest('AB3')).toBe('AB2');
});
it('handles long names outside the deletion index', () => {
  const long = `${'X'.repeat(45)}_NAME`;
  expect(index([long]).closest(`${'X'.repeat(45)}_NAM`)).toBe(long);
});
it('stops at the budget instead of growing quadratic', () => {
  const i = index(Array.from({ length: 2000 }, (_, k) => `A${k}`));
  const budget = { left: 10 };
  i.closest('B1', budget);
  expect(budget.left).toBe(0);
  expect(i.closest('B1', budget)).toBeUndefined();
});
it('answers for names added after an earlier question (indexing is deferred to the first question)', () => {
  const i = index(['ALPHA']);
  expect(i.closest('BETAA')).toBeUndefined();
  i.add('BETA');
  i.add('BETB');
  expect(i.closest('BETAA')).toBe('BETA');
  expect(i.closest('BETC')).toBe('BETA'); // tie at distance 1: the first added
  expect(i.closest('ALPH')).toBe('ALPHA');
});
