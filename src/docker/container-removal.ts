// Removing a container of the run, bounded: a daemon that stopped answering (hung, restarting, a
// remote engine gone without a reset) must not hold a run's timeout, its failure or its end for
// ever. A removal that fails or does not answer in time leaves the container's cleanup registered:
// the process's last cleanups (and a signal's) try it again, and the action's post step removes
// what is left by the run's label. The calls that lead up to a run (create, attach, start) are
// not bounded here.
import type Dockerode from 'dockerode';
import { statusCodeOf } from './failures.js';
import { markRequestAbandoned } from '../util/cleanup.js';
import { within } from '../util/within.js';

/** How long the engine has to answer a kill or a removal of a run's container. */
export const CONTAINER_CALL_LIMIT_MS = 30_000;

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
