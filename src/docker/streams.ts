// Docker's multiplexed output (non-TTY attach, exec and logs) split into stdout and stderr.
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type Dockerode from 'dockerode';

/**
 * The most of a container's stdout (or stderr) kept in memory: a program that prints without end
 * (`yes`) would otherwise grow it past what a string can hold and crash the process. Past it the
 * caller stops the run (onOverflow).
 */
export const MAX_STREAM_CHARS = 32 * 1024 * 1024;

/** What a run stopped for its output says, on its stderr. */
export const overflowNote = (which: 'stdout' | 'stderr', max = MAX_STREAM_CHARS): string =>
  `\nml-image: the ${which} passed ${max >= 1024 * 1024 ? `${Math.round(max / 1024 / 1024)} MiB` : `${max} characters`}: stopped\n`;

/**
 * Split Docker's multiplexed stream into stdout/stderr chunks (UTF-8 decoded across chunk
 * boundaries); resolves when the stream ends. At most MAX_CHARS of each stream is passed on: then
 * onOverflow is called once, and that stream's later chunks are dropped.
 */
export function collectOutput(
  docker: Dockerode,
  stream: NodeJS.ReadableStream,
  onChunk: (text: string, which: 'stdout' | 'stderr') => void,
  opts: { maxChars?: number; onOverflow?: (which: 'stdout' | 'stderr') => void } = {},
): Promise<void> {
  const max = opts.maxChars ?? MAX_STREAM_CHARS;
  const out = new PassThrough();
  const err = new PassThrough();
  const pass = (which: 'stdout' | 'stderr') => {
    const decoder = new StringDecoder('utf8');
    let left = max;
    return (b: Buffer) => {
      if (left < 0) return;
      const text = decoder.write(b);
      if (text.length <= left) {
        left -= text.length;
        if (text !== '') onChunk(text, which);
        return;
      }
      if (left > 0) onChunk(text.slice(0, left), which);
      left = -1;
      opts.onOverflow?.(which);
    };
  };
  out.on('data', pass('stdout'));
  err.on('data', pass('stderr'));
  docker.modem.demuxStream(stream, out, err);
  return new Promise<void>((resolve) => {
    stream.on('end', () => resolve());
    stream.on('close', () => resolve());
    stream.on('error', () => resolve());
  });
}

/** Stop reading a stream that may never end by itself (attach, exec). */
export function destroyStream(stream: NodeJS.ReadableStream | undefined): void {
  const destroy: unknown = stream ? Reflect.get(stream, 'destroy') : undefined;
  if (typeof destroy === 'function') destroy.call(stream);
}
