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
