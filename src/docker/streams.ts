// Docker's multiplexed output (non-TTY attach, exec and logs) split into stdout and stderr.
import { PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';

/** Split Docker's multiplexed stream into stdout/stderr chunks; resolves when the stream ends. */
export function collectOutput(
  docker: Dockerode,
  stream: NodeJS.ReadableStream,
  onChunk: (text: string, which: 'stdout' | 'stderr') => void,
): Promise<void> {
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (b: Buffer) => onChunk(b.toString('utf8'), 'stdout'));
  err.on('data', (b: Buffer) => onChunk(b.toString('utf8'), 'stderr'));
  docker.modem.demuxStream(stream, out, err);
  return new Promise<void>((resolve) => {
    stream.on('end', () => resolve());
    stream.on('close', () => resolve());
    stream.on('error', () => resolve());
  });
}

/**
 * Docker's multiplexed stream format (non-TTY attach and logs): frames of an 8-byte header
 * (stream 1 = stdout, 2 = stderr; size big-endian in bytes 4..7) and the payload.
 */
export function demuxFrames(buf: Buffer): { stdout: string; stderr: string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let i = 0;
  while (i + 8 <= buf.length) {
    const size = buf.readUInt32BE(i + 4);
    const payload = buf.subarray(i + 8, i + 8 + size);
    (buf[i] === 2 ? err : out).push(payload);
    i += 8 + size;
  }
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/** Stop reading a stream that may never end by itself (attach, exec). */
export function destroyStream(stream: NodeJS.ReadableStream | undefined): void {
  const destroy: unknown = stream ? Reflect.get(stream, 'destroy') : undefined;
  if (typeof destroy === 'function') destroy.call(stream);
}
