/**
 * @module util/codes
 * The shape of one entry in an error-code registry. Each part keeps its own registry in
 * `<part>/codes.ts` (so parts can add codes without touching a shared file); `errors.ts`
 * merges them. `exit` is the CLI exit code the code maps to: 1 failure, 2 usage or input
 * error, 3 internal error (documented once, in README "Exit codes").
 */
export interface CodeInfo {
  readonly exit: 1 | 2 | 3;
  /** One line telling the user what to do next; printed by the CLI under the message. */
  readonly hint?: string;
}

export type CodeRegistry = Readonly<Record<string, CodeInfo>>;

/** Identity helper that keeps literal keys while checking the entry shape. */
export function defineCodes<const T extends Record<string, CodeInfo>>(codes: T): T {
  return codes;
}
