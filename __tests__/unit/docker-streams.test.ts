// Docker's multiplexed output split into stdout and stderr: decoded across chunk boundaries, and
// bounded (a program that prints without end must not grow a string until the process dies).
import { PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { collectOutput, overflowNote } from '../../src/docker/streams.js';

/** A modem whose demux hands the test the two sides to write to. */
function fakeModem() {
  const sides: { out?: PassThrough; err?: PassThrough } = {};
  const docker = {
    modem: {
      demuxStream: (_s: unknown, out: PassThrough, err: PassThrough) => Object.assign(sides, { out, err }),
    },
  } as unknown as Dockerode;
  return { docker, sides };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('collectOutput', () => {
  it('passes at most maxChars of each stream, then calls onOverflow once and drops the rest', async () => {
    const { docker, sides } = fakeModem();
    const stream = new PassThrough();
    const got: string[] = [];
    const overflowed: string[] = [];
    const ended = collectOutput(docker, stream, (t, which) => got.push(`${which}:${t}`), {
      maxChars: 10,
      onOverflow: (which) => overflowed.push(which),
    });
    sides.out!.write('abcdef');
    sides.out!.write('ghijkl');
    sides.out!.write('more');
    sides.err!.write('err');
    await tick();
    stream.resume();
    stream.end();
    await ended;
    expect(got).toEqual(['stdout:abcdef', 'stdout:ghij', 'stderr:err']);
    expect(overflowed).toEqual(['stdout']);
  });

  it('decodes a character split across two chunks whole', async () => {
    const { docker, sides } = fakeModem();
    const stream = new PassThrough();
    const got: string[] = [];
    const ended = collectOutput(docker, stream, (t) => got.push(t));
    const bytes = Buffer.from('é€', 'utf8');
    sides.out!.write(bytes.subarray(0, 1));
    sides.out!.write(bytes.subarray(1));
    await tick();
    stream.resume();
    stream.end();
    await ended;
    expect(got.join('')).toBe('é€');
  });

  it('the note names the stream and the size', () => {
    expect(overflowNote('stdout')).toBe('\nml-image: the stdout passed 32 MiB: stopped\n');
  });
});
