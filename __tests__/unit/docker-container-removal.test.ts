// A run's container is killed and removed within a limit: an engine that stopped answering (hung,
// restarting, a remote engine gone without a reset) held a run's timeout, its end and a failed
// start for ever (finding). A removal that did not happen stays registered: the process's last
// cleanups try it again.
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONTAINER_CALL_LIMIT_MS,
  CONTAINER_SETUP_LIMIT_MS,
  killWithin,
  removeWithin,
} from '../../src/docker/container-removal.js';
import { EnvironmentError } from '../../src/errors.js';
import { runContainer } from '../../src/docker/containers.js';
import { startSession } from '../../src/docker/sessions.js';
import {
  clearInterruptedForTests,
  InterruptedError,
  markInterrupted,
  requestsAbandoned,
  runPendingCleanups,
} from '../../src/util/cleanup.js';
import { fakeDockerode } from '../helpers/fakes.js';

const never = <T>() => new Promise<T>(() => undefined);
const refusal = (statusCode: number) => Object.assign(new Error(`HTTP ${statusCode}`), { statusCode });

// The unit project shares modules between the files of a worker (isolate: false): a cleanup another
// file left registered is run (with real timers) before and after each test here, so the removals
// counted below are this test's own.
const drain = async () => {
  vi.useRealTimers();
  await runPendingCleanups();
};
beforeEach(drain);
afterEach(drain);

describe('removeWithin and killWithin', () => {
  it.each<[string, () => Promise<void>, boolean]>([
    ['removed', () => Promise.resolve(), true],
    ['gone already (404)', () => Promise.reject(refusal(404)), true],
    ['being removed (409: AutoRemove)', () => Promise.reject(refusal(409)), true],
    ['refused (500)', () => Promise.reject(refusal(500)), false],
    ['no answer', never, false],
  ])('%s: %s', async (_what, remove, removed) => {
    const calls: unknown[] = [];
    const container = { remove: (opts: unknown) => (calls.push(opts), remove()) };
    expect(await removeWithin(container as never, 20)).toBe(removed);
    expect(calls).toEqual([{ force: true, v: true }]);
  });

  it('a kill without an answer ends at the limit, and says a call was given up on', async () => {
    let asked = 0;
    await killWithin({ kill: () => (asked++, never()) } as never, 20);
    expect(asked).toBe(1);
    expect(requestsAbandoned()).toBe(true);
  });
});

/** A container whose kill and remove never answer after its start (START: how start answers). */
function hungContainer(calls: string[], start: () => Promise<void> = async () => undefined) {
  return {
    id: 'c0ffee',
    attach: async () => new PassThrough(),
    start: async () => (calls.push('start'), start()),
    kill: () => (calls.push('kill'), never<void>()),
    remove: () => (calls.push('remove'), never<void>()),
  };
}

function engine(container: object, create: () => Promise<object> = async () => container) {
  return fakeDockerode(
    {
      getImage: (() => ({ inspect: async () => ({ Os: 'linux', Architecture: 'amd64' }) })) as never,
      createContainer: create as never,
    },
    // wait?condition=removed: the headers come, the body never ends.
    (_opts, cb) => cb(null, new PassThrough()),
  ).client;
}

describe('a run against an engine that stops answering', () => {
  it("runContainer's timeout ends the run: kill and removal each give up at the limit", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls: string[] = [];
    const run = runContainer(engine(hungContainer(calls)), {
      image: 'img',
      cmd: ['sleep', '999'],
      entrypoint: [],
      timeoutMs: 50,
    });
    let settled: unknown;
    run.then(
      (r) => (settled = r),
      (e: unknown) => (settled = e),
    );
    await vi.advanceTimersByTimeAsync(3 * CONTAINER_CALL_LIMIT_MS);
    expect(settled).toMatchObject({ timedOut: true, exitCode: null });
    expect(calls).toEqual(['start', 'kill', 'remove']);
    // Not removed: still registered, tried again by the process's last cleanups.
    const last = runPendingCleanups();
    await vi.advanceTimersByTimeAsync(CONTAINER_CALL_LIMIT_MS);
    await last;
    expect(calls).toEqual(['start', 'kill', 'remove', 'remove']);
  });

  it("a run's signal stops it as its timeout does (killed, removed, timedOut), once it has started", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls: string[] = [];
    const stop = new AbortController();
    const run = runContainer(engine(hungContainer(calls)), {
      image: 'img',
      cmd: ['sleep', '999'],
      entrypoint: [],
      signal: stop.signal,
      onStarted: () => (calls.push('started'), stop.abort()),
    });
    let settled: unknown;
    run.then(
      (r) => (settled = r),
      (e: unknown) => (settled = e),
    );
    await vi.advanceTimersByTimeAsync(3 * CONTAINER_CALL_LIMIT_MS);
    expect(settled).toMatchObject({ timedOut: true, exitCode: null });
    expect(calls).toEqual(['start', 'started', 'kill', 'remove']);
    const last = runPendingCleanups();
    await vi.advanceTimersByTimeAsync(CONTAINER_CALL_LIMIT_MS);
    await last;
  });

  it('a start the engine refuses: the error, after a removal that gives up at the limit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls: string[] = [];
    const container = hungContainer(calls, () => Promise.reject(refusal(500)));
    let settled: unknown;
    runContainer(engine(container), { image: 'img', cmd: ['true'], entrypoint: [], timeoutMs: 50 }).then(
      (r) => (settled = r),
      (e: unknown) => (settled = e),
    );
    await vi.advanceTimersByTimeAsync(2 * CONTAINER_CALL_LIMIT_MS);
    expect(settled).toBeInstanceOf(Error);
    expect(calls).toEqual(['start', 'remove']);
    const last = runPendingCleanups();
    await vi.advanceTimersByTimeAsync(CONTAINER_CALL_LIMIT_MS);
    await last;
    expect(calls).toEqual(['start', 'remove', 'remove']);
  });

  it("a session's close gives up at the limit, and is tried again at the end", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls: string[] = [];
    const session = await startSession(engine(hungContainer(calls)), { image: 'img' } as never);
    let closed = false;
    void session.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(CONTAINER_CALL_LIMIT_MS + 1);
    expect(closed).toBe(true);
    const last = runPendingCleanups();
    await vi.advanceTimersByTimeAsync(CONTAINER_CALL_LIMIT_MS);
    await last;
    expect(calls).toEqual(['start', 'remove', 'remove']);
  });
});

describe('a container the engine does not set up in time (create, attach, start)', () => {
  /** What runContainer settled with once the engine was given LIMIT of fake time. */
  async function settle(run: Promise<unknown>, ms: number) {
    let settled: unknown = 'pending';
    run.then(
      (r) => (settled = r),
      (e: unknown) => (settled = e),
    );
    await vi.advanceTimersByTimeAsync(ms);
    return settled;
  }

  it('a creation without an answer: exit 3 naming the image; a container created later is removed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls: string[] = [];
    let answer: (c: object) => void = () => undefined;
    const created = new Promise<object>((r) => (answer = r));
    const run = runContainer(
      engine(hungContainer(calls), () => created),
      {
        image: 'img:1',
        cmd: ['true'],
        entrypoint: [],
      },
    );
    const settled = await settle(run, CONTAINER_SETUP_LIMIT_MS + 1);
    expect(settled).toBeInstanceOf(EnvironmentError);
    expect((settled as EnvironmentError).exitCode).toBe(3);
    expect((settled as Error).message).toBe(
      'the Docker engine did not answer the creation of a container of img:1 within 120 s',
    );
    expect(requestsAbandoned()).toBe(true);
    expect(calls).toEqual([]);
    // The process's last cleanups wait for the late creation, and remove what it made.
    let ended = false;
    const last = runPendingCleanups().then(() => (ended = true));
    await vi.advanceTimersByTimeAsync(1000);
    expect(ended).toBe(false);
    answer({ ...hungContainer(calls), remove: async () => void calls.push('remove') });
    await vi.advanceTimersByTimeAsync(0);
    await last;
    expect(calls).toEqual(['remove']);
  });

  it('the last cleanups wait for a creation that never answers at most the call limit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const run = runContainer(engine({}, never), { image: 'img:1', cmd: ['true'], entrypoint: [] });
    run.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(CONTAINER_SETUP_LIMIT_MS + 1);
    let ended = false;
    const last = runPendingCleanups().then(() => (ended = true));
    await vi.advanceTimersByTimeAsync(CONTAINER_CALL_LIMIT_MS - 1000);
    expect(ended).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    await last;
    expect(ended).toBe(true);
  });

  it.each<[string, Partial<ReturnType<typeof hungContainer>>, string, string[]]>([
    ['the attach', { attach: never }, 'the attach to container c0ffee', ['remove']],
    ['the start', { start: never }, 'the start of container c0ffee', ['remove']],
  ])('%s without an answer: exit 3 naming it, the container removed', async (_, over, what, after) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls: string[] = [];
    const container = { ...hungContainer(calls), remove: async () => void calls.push('remove'), ...over };
    const run = runContainer(engine(container), { image: 'img', cmd: ['true'], entrypoint: [] });
    const settled = await settle(run, CONTAINER_SETUP_LIMIT_MS + 1);
    expect(settled).toBeInstanceOf(EnvironmentError);
    expect((settled as Error).message).toBe(`the Docker engine did not answer ${what} within 120 s`);
    expect(calls).toEqual(after);
  });

  it("a session's start without an answer: exit 3, the container removed", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls: string[] = [];
    const container = {
      ...hungContainer(calls),
      start: never,
      remove: async () => void calls.push('remove'),
    };
    const settled = await settle(
      startSession(engine(container), { image: 'img' } as never),
      CONTAINER_SETUP_LIMIT_MS + 1,
    );
    expect(settled).toBeInstanceOf(EnvironmentError);
    expect((settled as Error).message).toMatch(/did not answer the start of container c0ffee within 120 s/);
    expect(calls).toEqual(['remove']);
  });
});

// Audit: SIGINT while a container was being started: the signal's cleanup removed it, its start
// failed (409 "marked for removal"), and the run said "internal error ... please report it".
describe('a start that fails because a signal removed the container', () => {
  const marked = () =>
    Promise.reject(
      Object.assign(
        new Error('(HTTP code 409) unexpected - container is marked for removal and cannot be started'),
        {
          statusCode: 409,
        },
      ),
    );

  it.each([
    ['a run', (c: object) => runContainer(engine(c), { image: 'img:2', cmd: ['true'], entrypoint: [] })],
    ['a session', (c: object) => startSession(engine(c), { image: 'img:2' } as never)],
  ])('%s: interrupted by the signal, naming the start', async (_, start) => {
    vi.useRealTimers();
    const calls: string[] = [];
    // The signal comes while the start is under way (after the creation, which checks for one).
    const container = {
      ...hungContainer(calls),
      start: () => (markInterrupted('SIGINT'), marked()),
      remove: async () => void calls.push('remove'),
    };
    try {
      const e = await start(container).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(InterruptedError);
      expect((e as Error).message).toMatch(/SIGINT/);
      expect((e as Error).message).toMatch(/starting a container of img:2/);
    } finally {
      clearInterruptedForTests();
    }
  });

  it('without a signal the engine refusal itself is thrown', async () => {
    vi.useRealTimers();
    const calls: string[] = [];
    const container = {
      ...hungContainer(calls),
      start: marked,
      remove: async () => void calls.push('remove'),
    };
    const e = await runContainer(engine(container), { image: 'i', cmd: ['true'], entrypoint: [] }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).not.toBeInstanceOf(InterruptedError);
    expect((e as Error).message).toMatch(/marked for removal/);
  });
});
