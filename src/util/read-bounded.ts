// Read an open file descriptor up to a fixed number of bytes: a file that grows while it is read
// (or a device that never ends) can never make a read unbounded.
import { readSync } from 'node:fs';

/** Up to `capacity` bytes from `fd`, stopping early at end of file. */
export function readBounded(fd: number, capacity: number): Buffer {
  const buf = Buffer.alloc(capacity);
  let n = 0;
  while (n < buf.length) {
    const r = readSync(fd, buf, n, buf.length - n, null);
    if (r === 0) break;
    n += r;
  }
  return buf.subarray(0, n);
}
