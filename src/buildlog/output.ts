/**
 * @module buildlog/output
 * Bounded per-step output: the first lines, a ring of the last lines, and a capped list of
 * error-looking lines from the middle. Memory per step is O(HEAD + TAIL + NOTABLE) lines whatever
 * the step prints, which is what keeps a 1 GB log parse bounded.
 */
import type { LogLine, StepOutput } from './types.ts';

/** Longest text kept per retained line (the line splitter already cut at 16 KiB). */
export const MAX_KEPT = 4096;

// One pass, no nested quantifiers: safe on hostile text. Case-sensitive with explicit capitals
// (about twice as fast as /i on V8, and this runs on every line leaving a step's tail ring).
const NOTABLE =
  /[Ee](?:rror|RROR|RR!|xceed|xec format|AI_AGAIN|NOTFOUND|TIMEDOUT|CONN|: )|[Ff](?:ail|AIL|atal|ATAL|orbidden)|[Dd]enied|[Rr]efused|[Tt]ime(?:out|d out)|[Uu]n(?:able|known|authori|defined)|[Cc](?:annot|an't|ould not|ouldn't)|[Nn]o(?:t found| such| space|t complete)|[Ii]nvalid|[Mm]iss(?:ing|match)|[Kk]illed|[Pp](?:anic|ermission)|[Ww]arn|WARN|[Rr]es(?:olv|et by peer)|x509|[Ll]ookup |dial tcp|i\/o|[Tt](?:erminal prompts|oo many)|SECURITY|requires go/;

export function isNotable(text: string): boolean {
  return NOTABLE.test(text);
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. Lines arrive as V8 slices of
 * a whole decoded read chunk (up to 1 MiB), so one retained 80-byte line would otherwise pin its
 * chunk, and steps ~100 KB apart would pin the whole log (a 311 MB log reached 737 MB RSS).
 * Slicing a concatenation makes V8 flatten it into a fresh string of the line's length (short
 * strings are always copied: V8 slices only from 13 characters). The parser applies this to
 * everything retained every few MB of input (RecordBuilder.detachRetained), not per line.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export class BoundedOutput {
  // Every array is created on first use: most steps of a build print nothing or a few lines.
  // The head is flat (line, text, line, text, …): no object per retained line until snapshot.
  private head: (number | string)[] | null = null;
  // The tail ring as parallel arrays (no object per line).
  private ringLine: number[] | null = null;
  private ringText: string[] | null = null;
  private ringStart = 0;
  private ringLen = 0;
  private notable: LogLine[] | null = null;
  total = 0;

  constructor(
    private readonly headMax: number,
    private readonly tailMax: number,
    private readonly notableMax: number,
  ) {}

  add(line: number, raw: string): void {
    this.total++;
    const text = raw.length > MAX_KEPT ? raw.slice(0, MAX_KEPT) : raw;
    const head = this.head;
    if (head === null) {
      // Exact-size literal: most steps print one line or none, and a step outlives many young-
      // generation collections, so its few bytes are copied more than once.
      if (this.headMax > 0) {
        this.head = [line, text];
        return;
      }
      this.head = [];
    } else if (head.length < 2 * this.headMax) {
      head.push(line, text);
      return;
    }
    if (this.tailMax === 0) return;
    const ringLine = (this.ringLine ??= []);
    const ringText = (this.ringText ??= []);
    if (this.ringLen === this.tailMax) {
      // The oldest tail line leaves the ring; keep it if it looks like an error.
      const i = this.ringStart;
      const notable = (this.notable ??= []);
      if (notable.length < this.notableMax && isNotable(ringText[i]!)) notable.push({ line: ringLine[i]!, text: ringText[i]! });
      ringLine[i] = line;
      ringText[i] = text;
      this.ringStart = (i + 1) % this.tailMax;
    } else {
      const i = (this.ringStart + this.ringLen) % this.tailMax;
      ringLine[i] = line;
      ringText[i] = text;
      this.ringLen++;
    }
  }

  /** Replaces every retained text from an input line after `after` by a detached copy. */
  detachSince(after: number): void {
    const head = this.head;
    if (head !== null) for (let k = 0; k < head.length; k += 2) if ((head[k] as number) > after) head[k + 1] = detach(head[k + 1] as string);
    const ringLine = this.ringLine;
    const ringText = this.ringText;
    if (ringLine !== null && ringText !== null) for (let i = 0; i < ringText.length; i++) if (ringLine[i]! > after) ringText[i] = detach(ringText[i]!);
    const notable = this.notable;
    if (notable !== null) for (let i = 0; i < notable.length; i++) if (notable[i]!.line > after) notable[i] = { line: notable[i]!.line, text: detach(notable[i]!.text) };
  }

  snapshot(): StepOutput {
    const tail: LogLine[] = [];
    const ringLine = this.ringLine ?? [];
    const ringText = this.ringText ?? [];
    for (let k = 0; k < this.ringLen; k++) {
      const i = (this.ringStart + k) % this.tailMax;
      tail.push({ line: ringLine[i]!, text: ringText[i]! });
    }
    const head: LogLine[] = [];
    const flat = this.head ?? [];
    for (let k = 0; k < flat.length; k += 2) head.push({ line: flat[k] as number, text: flat[k + 1] as string });
    return { head, tail, notable: [...(this.notable ?? [])], total: this.total };
  }
}

/** All retained lines of an output, in line order, without duplicates. */
export function outputLines(o: StepOutput): LogLine[] {
  return [...o.head, ...o.notable, ...o.tail].sort((a, b) => a.line - b.line);
}
