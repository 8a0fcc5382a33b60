/**
 * @module lint/rules
 * The rule registry, sorted by id (a completeness test checks the order, that every rule file
 * is registered, and that each has a test and docs).
 */
import type { AnyRule } from '../rule.ts';

export const RULES: readonly AnyRule[] = [
];
