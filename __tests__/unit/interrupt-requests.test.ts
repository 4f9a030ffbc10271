// SIGINT/SIGTERM/SIGHUP stop the registry requests under way (a registry that accepts connections
// and never answers held the exit until the signal's grace ran out, its error unwritten): the
// process-wide interrupt signal aborts with the InterruptedError, each request's own signal is
// combined with it, and the request rejects at once with that error (exit 130/143/129). An upload's
// cancel (a DELETE) runs after the interrupt and is not stopped by it. Scripted fetches, no sockets.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOciClient, type OciFetch, type OciResponse } from '../../src/docker/oci-client.js';
import { platformImage } from '../../src/docker/platform-image.js';
import type { Credential } from '../../src/docker/registry-auth.js';
import { checkPush } from '../../src/docker/registry-auth.js';
import { SignalExitCode } from '../../src/errors.js';
import {
  clearInterruptedForTests,
  INTERRUPTED_CANCEL_MS,
  InterruptedError,
  interruptSignal,
  markInterrupted,
  runPendingCleanups,
  untilInterrupted,
} from '../../src/util/cleanup.js';

afterEach(() => clearInterruptedForTests());

const none: Credential = { kind: 'none', describe: 'none for reg.example.com' };
const DIGEST = `sha256:${'a'.repeat(64)}`;

/** A registry that never answers: each request settles only when its signal aborts. */
function blackHole() {
  const asked: { method: string; url: string; signal: AbortSignal }[] = [];
  const fetch: OciFetch = (url, init) => {
    asked.push({ method: init.method, url, signal: init.signal });
    return new Promise<OciResponse>((_, reject) => {
      init.signal.addEventListener('abort', () => reject(init.signal.reason), { once: true });
    });
  };
  return { fetch, asked };
}

/** What P rejects with (it must reject). */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.unreachable('it should have been stopped'),
    (e: unknown) => e,
  );
}

describe('the interrupt signal', () => {
  it('aborts when the process is marked interrupted, its reason the InterruptedError; a fresh one after the tests clear it', () => {
    const own = new AbortController();
    const combined = untilInterrupted(own.signal);
    expect(interruptSignal().aborted).toBe(false);
    expect(combined.aborted).toBe(false);
    markInterrupted('SIGTERM');
    expect(interruptSignal().aborted).toBe(true);
    expect(combined.aborted).toBe(true);
    expect(combined.reason).toBeInstanceOf(InterruptedError);
    expect((combined.reason as InterruptedError).exitCode).toBe(SignalExitCode.SIGTERM);
    // A second signal does not replace the first one's reason.
    markInterrupted('SIGINT');
    expect((interruptSignal().reason as InterruptedError).signal).toBe('SIGTERM');
    clearInterruptedForTests();
    expect(interruptSignal().aborted).toBe(false);
  });

  it("a request's own signal still ends it before any interrupt", () => {
    const own = new AbortController();
    const combined = untilInterrupted(own.signal);
    own.abort(new Error('own timeout'));
    expect(combined.aborted).toBe(true);
    expect((combined.reason as Error).message).toBe('own timeout');
    expect(interruptSignal().aborted).toBe(false);
  });
});

describe('the registry client on SIGTERM', () => {
  it('a read under way is stopped at once: the InterruptedError (exit 143) naming the registry and the request', async () => {
    const { fetch, asked } = blackHole();
    const client = createOciClient('reg.example.com', { fetch, credential: () => none });
    const read = client.manifest('team/model', DIGEST, ['application/vnd.oci.image.manifest.v1+json']);
    read.catch(() => undefined);
    await Promise.resolve();
    expect(asked).toHaveLength(1);
    markInterrupted('SIGTERM');
    expect(asked[0]!.signal.aborted).toBe(true);
    const e = await rejection(read);
    expect(e).toBeInstanceOf(InterruptedError);
    expect((e as InterruptedError).exitCode).toBe(143);
    expect((e as Error).message).toBe(
      `interrupted by SIGTERM: registry reg.example.com: GET https://reg.example.com/v2/team/model/manifests/${DIGEST} was stopped (aborted)`,
    );
  });

  it('a request asked for after the signal is not sent', async () => {
    const { fetch, asked } = blackHole();
    const client = createOciClient('reg.example.com', { fetch, credential: () => none });
    markInterrupted('SIGINT');
    const e = await rejection(client.startUpload('team/model'));
    expect(e).toBeInstanceOf(InterruptedError);
    expect((e as Error).message).toMatch(
      /^interrupted by SIGINT: not starting registry reg\.example\.com: POST /,
    );
    expect(asked).toEqual([]);
  });

  it("an upload's cancel (DELETE) after the signal is still sent, and the signal does not stop it", async () => {
    const { fetch, asked } = blackHole();
    const client = createOciClient('reg.example.com', { fetch, credential: () => none });
    const read = client.manifest('team/model', DIGEST, ['application/vnd.oci.image.manifest.v1+json']);
    read.catch(() => undefined);
    markInterrupted('SIGTERM');
    const cancel = client.cancelUpload(
      'team/model',
      'https://reg.example.com/v2/team/model/blobs/uploads/u1',
    );
    cancel.catch(() => undefined);
    await Promise.resolve();
    const del = asked.find((a) => a.method === 'DELETE');
    expect(del?.url).toBe('https://reg.example.com/v2/team/model/blobs/uploads/u1');
    expect(del!.signal.aborted).toBe(false);
    // The read sent before the signal was stopped by it.
    expect(await rejection(read)).toBeInstanceOf(InterruptedError);
  });
});

describe('other reads on SIGTERM', () => {
  it("the index read of a capture or smoke run (imagetools) is stopped with the interrupt's error", async () => {
    let seen: AbortSignal | undefined;
    const docker = {
      imagetoolsInspect: (_ref: string, options?: { signal?: AbortSignal }) => {
        seen = options?.signal;
        return new Promise<never>((_, reject) =>
          seen?.addEventListener('abort', () => reject(seen?.reason), { once: true }),
        );
      },
    };
    const read = platformImage(docker as never, `localhost:5000/team/model@${DIGEST}`, undefined, async () =>
      Promise.resolve('linux/amd64'),
    );
    read.catch(() => undefined);
    await Promise.resolve();
    markInterrupted('SIGTERM');
    expect(seen?.aborted).toBe(true);
    expect(await rejection(read)).toBeInstanceOf(InterruptedError);
  });

  it("doctor's push check: the request under way is stopped with the interrupt's error, not 'unreachable'", async () => {
    const { fetch, asked } = blackHole();
    const check = checkPush('reg.example.com', 'team/model', none, { fetch: fetch as never });
    check.catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    expect(asked.length).toBeGreaterThan(0);
    markInterrupted('SIGTERM');
    expect(asked[0]!.signal.aborted).toBe(true);
    const e = await rejection(check);
    expect(e).toBeInstanceOf(InterruptedError);
    expect((e as Error).message).toBe(
      'interrupted by SIGTERM: registry reg.example.com: https://reg.example.com/v2/ was stopped (aborted)',
    );
  });
});

describe("a push check's upload cancel under way when the signal comes", () => {
  it('holds the cleanup no longer than INTERRUPTED_CANCEL_MS (its own 10 s timeout is not waited for)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const asked: string[] = [];
      // /v2/ answers 200, the upload opens (202), its cancel (DELETE) never answers.
      const fetch = (url: string, init: { method?: string; signal?: AbortSignal }) => {
        const method = init.method ?? 'GET';
        asked.push(method);
        if (method === 'DELETE') return new Promise<never>(() => undefined);
        const headers = new Headers(method === 'POST' ? { location: '/v2/team/model/blobs/uploads/u1' } : {});
        return Promise.resolve({
          status: method === 'POST' ? 202 : 200,
          headers,
          text: async () => '',
          arrayBuffer: async () => new ArrayBuffer(0),
        });
      };
      const check = checkPush('reg.example.com', 'team/model', none, { fetch: fetch as never });
      check.catch(() => undefined);
      for (let i = 0; i < 50 && !asked.includes('DELETE'); i++) await new Promise((r) => setImmediate(r));
      expect(asked).toContain('DELETE');
      markInterrupted('SIGTERM');
      let done = false;
      void runPendingCleanups().then(() => (done = true));
      await vi.advanceTimersByTimeAsync(INTERRUPTED_CANCEL_MS - 1);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      for (let i = 0; i < 10 && !done; i++) await new Promise((r) => setImmediate(r));
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('connections opened ahead (warm)', () => {
  it('are stopped by the interrupt too, and warm() settles', async () => {
    const { fetch, asked } = blackHole();
    const client = createOciClient('reg.example.com', { fetch, credential: () => none });
    const warming = client.warm!(2);
    await Promise.resolve();
    expect(asked).toHaveLength(2);
    markInterrupted('SIGTERM');
    expect(asked.every((a) => a.signal.aborted)).toBe(true);
    await expect(warming).resolves.toBeUndefined();
  });
});
