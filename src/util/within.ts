// A promise raced against a timer that is cleared however the race ends: what the cleanups and
// their waits use to give up on a hung daemon or registry without keeping the process alive.

/** P's outcome, or OTHERWISE once MS passed (P is left to run); the timer is cleared either way. */
export function within<T, U>(p: Promise<T>, ms: number, otherwise: U): Promise<T | U> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<U>((resolve) => {
      timer = setTimeout(() => resolve(otherwise), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
