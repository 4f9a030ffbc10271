// The built-in signer's pushes on SIGINT/SIGTERM: every upload a push opened and did not finish is
// cancelled by the signal's cleanup (the process exits without reaching the push's own catch), and
// nothing new is opened once the signal is being handled; a registry that never answers the
// DELETEs holds the exit no longer than INTERRUPTED_CANCEL_MS. A recording client, no registry.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Ahead, INTERRUPTED_CANCEL_MS, pushCosignImage } from '../../src/attest/cosign-push.js';
import type { OciClient } from '../../src/docker/oci-client.js';
import {
  clearInterruptedForTests,
  InterruptedError,
  markInterrupted,
  runPendingCleanups,
} from '../../src/util/cleanup.js';

/** A client whose upload PUTs never finish (the push is cut off mid-way); what it was asked. */
function stalledClient() {
  const log: string[] = [];
  let n = 0;
  const client = {
    host: 'registry.example',
    manifest: async () => undefined,
    blob: async () => Buffer.alloc(0),
    startUpload: async () => {
      const url = `u${++n}`;
      log.push(`open ${url}`);
      return url;
    },
    finishUpload: (_repository: string, url: string) => {
      log.push(`put ${url}`);
      return new Promise<string>(() => undefined);
    },
    cancelUpload: async (_repository: string, url: string) => {
      log.push(`cancel ${url}`);
    },
    putManifest: async () => 'sha256:m',
  };
  return { client: client as unknown as OciClient, log };
}

const blobs = () => [
  { data: Buffer.from('envelope 1'), maybeThere: false },
  { data: Buffer.from('envelope 2'), maybeThere: false },
];

afterEach(async () => {
  clearInterruptedForTests();
  await runPendingCleanups();
});

describe('a push cut off by a signal', () => {
  it("the signal's cleanup cancels every upload the push opened, those taken from the ones opened ahead too", async () => {
    const { client, log } = stalledClient();
    const ahead = new Ahead();
    ahead.start(client, 'repo', [], 2);
    const push = pushCosignImage(client, 'repo', 'sha256-abc.att', blobs(), async (there) => there, {
      read: [],
      open: () => ahead.upload(client, 'repo'),
      plainHosts: new Set(),
    });
    push.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(log.filter((l) => l.startsWith('put'))).toHaveLength(3); // config + 2 envelopes, stalled
    markInterrupted('SIGINT');
    await ahead.release();
    await runPendingCleanups();
    expect(log.filter((l) => l.startsWith('cancel')).sort()).toEqual(['cancel u1', 'cancel u2', 'cancel u3']);
  });

  it("a second release (the signal's cleanup) waits for the DELETEs the first one still has under way", async () => {
    const { client, log } = stalledClient();
    const answers: (() => void)[] = [];
    const slow = {
      ...client,
      host: client.host,
      startUpload: client.startUpload,
      cancelUpload: (_repository: string, url: string) => {
        log.push(`cancel ${url}`);
        return new Promise<void>((r) => answers.push(() => (log.push(`cancelled ${url}`), r())));
      },
    } as unknown as OciClient;
    const ahead = new Ahead();
    ahead.start(slow, 'repo', [], 3);
    const first = ahead.release(); // the stage's, at its end
    await new Promise((r) => setTimeout(r, 10));
    expect(log.filter((l) => l.startsWith('cancel '))).toHaveLength(3); // asked, not answered
    let secondDone = false;
    const second = ahead.release().then(() => (secondDone = true)); // SIGINT meanwhile
    await new Promise((r) => setTimeout(r, 10));
    expect(secondDone).toBe(false);
    answers.forEach((a) => a());
    await second;
    await first;
    expect(log.filter((l) => l.startsWith('cancelled')).sort()).toEqual([
      'cancelled u1',
      'cancelled u2',
      'cancelled u3',
    ]);
    // Nothing left: a third release has nothing to wait for.
    await expect(ahead.release()).resolves.toBeUndefined();
  });

  it('after the signal no upload is opened: neither by a push nor from the pool', async () => {
    const { client, log } = stalledClient();
    const ahead = new Ahead();
    markInterrupted('SIGTERM');
    expect(() => ahead.upload(client, 'repo')).toThrow(InterruptedError);
    const push = pushCosignImage(client, 'repo', 'sha256-abc.att', blobs(), async (there) => there, {
      read: [],
      plainHosts: new Set(),
    });
    await expect(push).rejects.toBeInstanceOf(InterruptedError);
    expect(log.filter((l) => l.startsWith('open'))).toEqual([]);
  });

  it('a push that finishes leaves no cleanup registered', async () => {
    const { client } = stalledClient();
    const finishing = {
      ...client,
      host: client.host,
      startUpload: async () => 'u',
      finishUpload: async () => 'sha256:x',
      cancelUpload: async () => {
        throw new Error('nothing is cancelled after a finished push');
      },
      putManifest: async () => 'sha256:m',
    } as unknown as OciClient;
    await pushCosignImage(finishing, 'repo', 'sha256-abc.att', blobs(), async (there) => there, {
      read: [],
      plainHosts: new Set(),
    });
    markInterrupted('SIGINT');
    await expect(runPendingCleanups()).resolves.toBeUndefined();
  });
});

describe('a registry that takes the connections and never answers, then a signal', () => {
  /** stalledClient whose DELETEs never answer either. */
  const mute = () => {
    const { client, log } = stalledClient();
    const muted = {
      ...client,
      host: client.host,
      startUpload: client.startUpload,
      finishUpload: client.finishUpload,
      cancelUpload: (_repository: string, url: string) => {
        log.push(`cancel ${url}`);
        return new Promise<void>(() => undefined);
      },
    } as unknown as OciClient;
    return { client: muted, log };
  };
  /** Whether P settles within MS of the fake clock (and not a tick before). */
  async function settlesAfter(p: Promise<unknown>, ms: number): Promise<[boolean, boolean]> {
    let done = false;
    void p.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(ms - 1);
    const before = done;
    await vi.advanceTimersByTimeAsync(1);
    return [before, done];
  }
  afterEach(() => vi.useRealTimers());

  it("the push's cleanup asks for its DELETEs and gives up on them after INTERRUPTED_CANCEL_MS", async () => {
    const { client, log } = mute();
    const push = pushCosignImage(client, 'repo', 'sha256-abc.att', blobs(), async (there) => there, {
      read: [],
      plainHosts: new Set(),
    });
    push.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    vi.useFakeTimers();
    markInterrupted('SIGTERM');
    expect(await settlesAfter(runPendingCleanups(), INTERRUPTED_CANCEL_MS)).toEqual([false, true]);
    expect(log.filter((l) => l.startsWith('cancel')).sort()).toEqual(['cancel u1', 'cancel u2', 'cancel u3']);
  });

  it('the uploads opened ahead: released after the signal, the same bound', async () => {
    const { client, log } = mute();
    const ahead = new Ahead();
    ahead.start(client, 'repo', [], 2);
    await new Promise((r) => setTimeout(r, 10));
    vi.useFakeTimers();
    markInterrupted('SIGINT');
    expect(await settlesAfter(ahead.release(), INTERRUPTED_CANCEL_MS)).toEqual([false, true]);
    expect(log.filter((l) => l.startsWith('cancel')).sort()).toEqual(['cancel u1', 'cancel u2']);
  });
});
