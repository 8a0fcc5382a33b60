/**
 * @module lint/knowledge/closest-name
 * BuildKit's `suggest.Search` for variable names: the option at the smallest Levenshtein
 * distance below 3, none when an option matches exactly. Unlike util/suggest (config keys,
 * case-insensitive, length-scaled), this keeps BuildKit's fixed threshold and case rule so
 * messages match `docker build --check`.
 */
import { editDistance } from '../../util/suggest.ts';

export function closestName(name: string, options: Iterable<string>, caseSensitive: boolean): string | undefined {
  if (name.length > 200) return undefined;
  const val = caseSensitive ? name : name.toLowerCase();
  let match: string | undefined;
  let min = 3;
  for (const option of options) {
    const opt = caseSensitive ? option : option.toLowerCase();
    if (opt === val) return undefined;
    const d = editDistance(val, opt, min);
    if (d < min) {
      match = option;
      min = d;
    }
  }
  return match;
}
