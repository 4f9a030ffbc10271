// anySignal keeps an AbortSignal.timeout source alive through a GC: on Node 20 AbortSignal.any
// alone loses it (nodejs/node#57736), and a verify whose registry never answered then waited past
// its --timeout. The GC is forced (V8's gc exposed at run time); no processes.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { VerifyDeadline } from '../../src/attest/verify-deadline.js';
import { anySignal } from '../../src/util/abort.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Whether SIGNAL aborts within a second, a full GC forced meanwhile; its reason's name. */
async function abortsAfterGc(signal: AbortSignal): Promise<string> {
  const aborted = new Promise<string>((resolve) =>
    signal.addEventListener('abort', () => resolve((signal.reason as Error).name), { once: true }),
  );
  // A WeakRef's target made in this job stays alive to its end: collect in a later one.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const never = new Promise<string>((resolve) => setTimeout(() => resolve('never aborted'), 1000).unref());
  return Promise.race([aborted, never]);
}

describe('anySignal', () => {
  it('aborts at its AbortSignal.timeout source even when a GC ran before it (nothing else holds the source)', async () => {
    const other = new AbortController();
    const make = () => anySignal([AbortSignal.timeout(20), other.signal]);
    expect(await abortsAfterGc(make())).toBe('TimeoutError');
  });

  it('aborts with the first source that does, its reason', async () => {
    const a = new AbortController();
    const s = anySignal([AbortSignal.timeout(60_000), a.signal]);
    a.abort(new RangeError('first'));
    expect(s.aborted).toBe(true);
    expect((s.reason as Error).message).toBe('first');
  });

  it("a verify's deadline fires through a GC (its timer is held by the deadline)", async () => {
    const make = () => new VerifyDeadline(0.02);
    expect(await abortsAfterGc(make().signal)).toBe('TimeoutError');
  });
});
