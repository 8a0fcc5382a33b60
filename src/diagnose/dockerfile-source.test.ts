/**
 * @module diagnose/dockerfile-source.test
 * Locating the failing instruction in a Dockerfile: continuation lines, the log's own excerpt
 * line as a tie-breaker, tty-truncated names, and a Dockerfile the engine rejects.
 */
import { describe, expect, it } from 'vitest';
import { locateInstruction } from './dockerfile-source.ts';

const DF = 'FROM golang:1.26 AS build\nWORKDIR /src\nRUN go mod \\\n    download\nCOPY . .\nRUN go mod download\n';

describe('locateInstruction', () => {
  it('finds an instruction spread over continuation lines', () => {
    expect(locateInstruction(DF, 'RUN go mod download')).toMatchObject({ startLine: 3, endLine: 4 });
  });

  it('prefers the line the log excerpt names when the text repeats', () => {
    expect(locateInstruction(DF, 'RUN go mod download', 6)).toMatchObject({ startLine: 6, endLine: 6 });
  });

  it('matches a tty name cut with "..."', () => {
    expect(locateInstruction(DF, 'COPY . ...')?.startLine).toBe(5);
  });

  it('returns null when the instruction is not in the file', () => {
    expect(locateInstruction(DF, 'RUN make')).toBeNull();
  });

  it('still searches a Dockerfile the engine rejects', () => {
    const bad = 'FROM alpine\nRUNN echo hi\nRUN echo ok\n';
    expect(locateInstruction(bad, 'RUN echo ok')?.startLine).toBe(3);
  });
});
