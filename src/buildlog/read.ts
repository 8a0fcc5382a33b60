/**
 * @module buildlog/read
 * Edge adapter: parse a log from a file path or stdin ('-'), streaming, with I/O errors turned
 * into typed errors that name the input.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { StevedoreError } from '../errors.ts';
import { parseLogStream } from './parse.ts';
import type { BuildRecord } from './types.ts';

export async function readLog(file: string | undefined, cwd: string, stdin: NodeJS.ReadableStream): Promise<BuildRecord> {
  if (file === undefined || file === '-') return parseLogStream(stdin as AsyncIterable<Uint8Array | string>);
  const path = resolve(cwd, file);
  try {
    // 1 MiB reads: fewer, larger chunks measured fastest for the parser (bench/buildlog.bench.ts).
    return await parseLogStream(createReadStream(path, { highWaterMark: 1 << 20 }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StevedoreError('IO_NOT_FOUND', `log file not found: ${file}`, { cause: e });
    if (code === 'EISDIR') throw new StevedoreError('BUILDLOG_INVALID_INPUT', `${file} is a directory, not a log file`, { cause: e });
    throw new StevedoreError('IO_READ_FAILED', `cannot read log ${file}: ${(e as Error).message}`, { cause: e });
  }
}
