/**
 * @module goproxy/server/send-file
 * Sends an open file to an HTTP response through two reused 1 MiB buffers. Node has no
 * sendfile(2); a read stream allocates a fresh buffer for every chunk, and for a warm 50 MB zip
 * those allocations (page faults, then garbage) cost as much as the copying itself. Here one
 * buffer is filled while the other is being written, and a buffer is refilled only after the
 * socket has taken its bytes (the write callback), so at most 2 MiB is held per download.
 */
import { close, read } from 'node:fs';
import type { ServerResponse } from 'node:http';

const CHUNK = 1 << 20;
/** Buffers kept for reuse across downloads; more are allocated under load and dropped after. */
const POOL_MAX = 8;
const pool: Buffer[] = [];

const take = (): Buffer => pool.pop() ?? Buffer.allocUnsafeSlow(CHUNK);
const give = (b: Buffer): void => {
  if (pool.length < POOL_MAX) pool.push(b);
};

/**
 * Write `size` bytes of `fd` (headers already set) and end the response; the descriptor is closed
 * when done. A read error or a file shorter than `size` destroys the connection, so the client
 * sees a truncated body against Content-Length, never a complete-looking wrong one. `onClose`
 * gets the bytes the socket accepted, once the response is closed for whatever reason.
 */
export function sendFile(fd: number, size: number, res: ServerResponse, onClose: (sent: number) => void): void {
  const bufs = [take(), take()] as const;
  const writing = [false, false];
  const returned = [false, false];
  let next: 0 | 1 = 0;
  let pos = 0;
  let sent = 0;
  let reading = false;
  let finished = false; // ended, failed or the client went away: read no more
  let fdOpen = true;

  // The descriptor is only read from: it can close as soon as no read is in flight. A buffer goes
  // back to the pool only once no write holds it (if the socket dies with a write pending, its
  // callback may never run, and that buffer is simply left to the garbage collector).
  const settle = (): void => {
    if (!finished) return;
    if (!reading && fdOpen) {
      fdOpen = false;
      close(fd, () => {});
    }
    for (const k of [0, 1] as const) {
      if (!writing[k] && !reading && !returned[k]) {
        returned[k] = true;
        give(bufs[k]);
      }
    }
  };

  const pump = (): void => {
    if (finished || reading) return;
    if (pos >= size) {
      finished = true;
      res.end();
      settle();
      return;
    }
    const k = next;
    if (writing[k]) return; // resumed by that buffer's write callback
    const buf = bufs[k];
    reading = true;
    read(fd, buf, 0, Math.min(CHUNK, size - pos), pos, (err, n) => {
      reading = false;
      if (finished || err !== null || n === 0) {
        if (!finished) {
          finished = true;
          res.destroy();
        }
        settle();
        return;
      }
      pos += n;
      next = k === 0 ? 1 : 0;
      writing[k] = true;
      res.write(n === buf.length ? buf : buf.subarray(0, n), (werr) => {
        writing[k] = false;
        if (werr == null) sent += n;
        if (finished) settle();
        else pump();
      });
      pump();
    });
  };

  res.on('close', () => {
    finished = true;
    settle();
    onClose(sent);
  });
  pump();
}
