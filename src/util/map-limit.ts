// FN over ITEMS with at most LIMIT calls in flight; the results in the items' order. After a
// rejection no further item is started, the calls already under way are waited for (nothing a
// call started is left running, or has its files removed under it, once this settles: a caller
// that wants them stopped sooner aborts them itself), and then the first rejection is thrown.
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (t: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}

/**
 * WORK once the work queued under KEY in QUEUES before it has settled (fulfilled or rejected):
 * the works of one key one after the other, in the order they were queued.
 */
export function queueByKey<K, T>(
  queues: Map<K, Promise<unknown>>,
  key: K,
  work: () => T | PromiseLike<T>,
): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).then(work, work);
  queues.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * FN over ITEMS with at most LIMIT items in flight, and the items of one key (KEYOF) one after the
 * other, in the items' order; an item that waits for an earlier one of its key holds its place
 * among the LIMIT. After a rejection no further item is started (one waiting for its key is not
 * started either); the calls already under way are waited for. Never rejects (unless KEYOF
 * throws): per item in the items' order, how its call settled, or undefined for one never started.
 */
export function mapLimitSerialByKey<T, K, R>(
  items: readonly T[],
  limit: number,
  keyOf: (t: T) => K,
  fn: (t: T) => Promise<R>,
): Promise<(PromiseSettledResult<R> | undefined)[]> {
  const queues = new Map<K, Promise<unknown>>();
  let stopped = false;
  return mapLimit(items, limit, async (item): Promise<PromiseSettledResult<R> | undefined> => {
    const run = queueByKey(queues, keyOf(item), () =>
      stopped ? undefined : fn(item).then((value) => ({ value })),
    );
    return run.then(
      (ran) => (ran ? { status: 'fulfilled', value: ran.value } : undefined),
      (reason: unknown) => {
        stopped = true;
        return { status: 'rejected', reason };
      },
    );
  });
}
