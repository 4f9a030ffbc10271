// Removing a container of the run, bounded: a daemon that stopped answering (hung, restarting, a
// remote engine gone without a reset) must not hold a run's timeout, its failure or its end for
// ever. A removal that fails or does not answer in time leaves the container's cleanup registered:
// the process's last cleanups (and a signal's) try it again, and the action's post step removes
// what is left by the run's label. The calls that lead up to a run (create, attach, the wait for
// its removal, start) have a longer limit (setupWithin): past it the run fails with exit 3.
import type Dockerode from 'dockerode';
import { EnvironmentError } from '../errors.js';
import { statusCodeOf } from './failures.js';
import { markRequestAbandoned, registerCleanup } from '../util/cleanup.js';
import { within } from '../util/within.js';

/** How long the engine has to answer a kill or a removal of a run's container. */
export const CONTAINER_CALL_LIMIT_MS = 30_000;

/**
 * How long the engine has to answer each call that sets a container up (create, attach, the wait
 * for its removal, start): generous, as a loaded engine is slow to create from a large image.
 */
export const CONTAINER_SETUP_LIMIT_MS = 120_000;

const ENGINE_HUNG_FIX =
  'check that the Docker engine answers ("docker info", "docker ps"); restart it if it hangs (e.g. "sudo systemctl restart docker"), then run again';

/** Stands for a call given up on at its limit (its request still open). */
const LATE = Symbol('late');

/** CALL's answer, else LATE once LIMIT_MS passed (said to the entry: markRequestAbandoned). */
async function bounded<T>(call: Promise<T>, limitMs: number, late: T): Promise<T> {
  const r = await within(call, limitMs, LATE);
  if (r !== LATE) return r;
  markRequestAbandoned();
  return late;
}

/**
 * CONTAINER removed (with its anonymous volumes): true once the engine says so, or that it is gone
 * already (404) or being removed (409: AutoRemove after its exit); false when it refused, or did
 * not answer within LIMIT_MS.
 */
export function removeWithin(
  container: Pick<Dockerode.Container, 'remove'>,
  limitMs = CONTAINER_CALL_LIMIT_MS,
): Promise<boolean> {
  const removal = container.remove({ force: true, v: true }).then(
    () => true,
    (e: unknown) => statusCodeOf(e) === 404 || statusCodeOf(e) === 409,
  );
  return bounded(removal, limitMs, false);
}

/** CONTAINER killed, or not (gone, refused, no answer within LIMIT_MS): the caller removes it next. */
export async function killWithin(
  container: Pick<Dockerode.Container, 'kill'>,
  limitMs = CONTAINER_CALL_LIMIT_MS,
): Promise<void> {
  await bounded(
    container.kill().catch(() => undefined),
    limitMs,
    undefined,
  );
}

/**
 * CALL's answer, else exit 3 once LIMIT_MS passed: the engine did not answer WHAT (e.g. "the
 * creation of a container of IMAGE"). An answer that comes after that goes to LATE (an attach's
 * stream is closed by it, a container created late is removed); with waitAtExit the process's last
 * cleanups wait for that at most CONTAINER_CALL_LIMIT_MS more (after them, a container made later
 * is the post step's, by its label).
 */
export async function setupWithin<T>(
  call: Promise<T>,
  what: string,
  options: { late?: (answer: T) => unknown; waitAtExit?: boolean; limitMs?: number } = {},
): Promise<T> {
  const { late, waitAtExit = false, limitMs = CONTAINER_SETUP_LIMIT_MS } = options;
  const r = await within(call, limitMs, LATE);
  if (r !== LATE) return r as T;
  markRequestAbandoned();
  if (late) {
    const handled = call.then(late).then(
      () => undefined,
      () => undefined,
    );
    if (waitAtExit) {
      const unregister = registerCleanup(
        async () => void (await within(handled, CONTAINER_CALL_LIMIT_MS, LATE)),
      );
      void handled.finally(unregister);
    }
  }
  throw new EnvironmentError(
    `the Docker engine did not answer ${what} within ${Math.round(limitMs / 1000)} s`,
    ENGINE_HUNG_FIX,
  );
}
