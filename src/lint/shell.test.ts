// Table-driven tests of the RUN word splitter: commands, argv, assignments and offsets.
import { describe, expect, it } from 'vitest';
import { splitShell } from './shell.ts';

const cases: { name: string; text: string; want: { argv: string[]; assignments?: Record<string, string>; src: string }[] }[] = [
  { name: 'and-list with assignment prefix', text: 'CGO_ENABLED=0 go build -o /app . && echo ok', want: [
    { argv: ['go', 'build', '-o', '/app', '.'], assignments: { CGO_ENABLED: '0' }, src: 'CGO_ENABLED=0 go build -o /app .' },
    { argv: ['echo', 'ok'], src: 'echo ok' },
  ] },
  { name: 'quotes, escapes and a substitution stay in one word', text: `echo "a b" 'c d' e\\ f $(dirname "/x y") \`pwd\``, want: [
    { argv: ['echo', 'a b', 'c d', 'e f', '$(dirname "/x y")', '`pwd`'], src: `echo "a b" 'c d' e\\ f $(dirname "/x y") \`pwd\`` },
  ] },
  { name: 'separators ; | || & and newlines', text: 'a;b | c || d & e\nf', want: [
    { argv: ['a'], src: 'a' }, { argv: ['b'], src: 'b' }, { argv: ['c'], src: 'c' }, { argv: ['d'], src: 'd' }, { argv: ['e'], src: 'e' }, { argv: ['f'], src: 'f' },
  ] },
  { name: 'control words are dropped', text: 'if true; then go test ./...; fi', want: [
    { argv: ['true'], src: 'true' }, { argv: ['go', 'test', './...'], src: 'go test ./...' },
  ] },
  { name: 'redirections and heredoc markers are not argv', text: 'cat <<EOF >/tmp/x 2>&1', want: [
    { argv: ['cat'], src: 'cat <<EOF >/tmp/x 2>&1' },
  ] },
  { name: 'env prefix behaves like assignments', text: 'env GOFLAGS=-mod=mod go build', want: [
    { argv: ['go', 'build'], assignments: { GOFLAGS: '-mod=mod' }, src: 'env GOFLAGS=-mod=mod go build' },
  ] },
  { name: 'comment ends the line', text: 'go build # not an arg\necho x', want: [
    { argv: ['go', 'build'], src: 'go build' }, { argv: ['echo', 'x'], src: 'echo x' },
  ] },
  { name: 'unterminated quote does not hang or throw', text: 'echo "abc', want: [{ argv: ['echo', 'abc'], src: 'echo "abc' }] },
];

describe('splitShell', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = splitShell(c.text).map((cmd) => ({ argv: cmd.argv, assignments: cmd.assignments, src: c.text.slice(cmd.start, cmd.end) }));
      expect(got).toEqual(c.want.map((w) => ({ argv: w.argv, assignments: w.assignments ?? {}, src: w.src })));
    });
  }

  it('joins Dockerfile line continuations and skips comment lines inside them, keeping file offsets', () => {
    const text = 'RUN go mod download && \\\n  # a comment\n  go build -o /app .\n';
    const from = 'RUN '.length;
    const cmds = splitShell(text, from, text.length - 1, { continuation: '\\' });
    expect(cmds.map((c) => c.argv)).toEqual([['go', 'mod', 'download'], ['go', 'build', '-o', '/app', '.']]);
    expect(text.slice(cmds[1]!.start, cmds[1]!.end)).toBe('go build -o /app .');
  });

  it('honours the backtick escape directive for continuations', () => {
    const text = 'go build `\n  -o /x';
    expect(splitShell(text, 0, text.length, { continuation: '`' }).map((c) => c.argv)).toEqual([['go', 'build', '-o', '/x']]);
  });

  it('terminates on unbalanced hostile input (the scanner is single-pass; the test timeout guards blowups)', () => {
    const text = '$('.repeat(50_000) + '"'.repeat(50_001) + "'".repeat(50_001);
    expect(splitShell(text).length).toBe(1);
  });
});
