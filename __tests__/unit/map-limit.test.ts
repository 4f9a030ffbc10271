// mapLimit: the results in order, at most LIMIT calls at once; after a rejection no further item
// starts, the calls under way are waited for, and the first rejection is what it throws.
import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../src/util/map-limit.js';

/** A call per item that ends when told; the log says what started and ended when. */
function gated() {
  const log: string[] = [];
  const gates = new Map<number, { ok: () => void; fail: (e: Error) => void }>();
  let running = 0;
  let most = 0;
  const fn = (n: number) =>
    new Promise<number>((resolve, reject) => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${n}`);
      gates.set(n, {
        ok: () => {
          running--;
          log.push(`end ${n}`);
          resolve(n * 10);
        },
        fail: (e) => {
          running--;
          log.push(`fail ${n}`);
          reject(e);
        },
      });
    });
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { log, gates, fn, most: () => most, tick };
}

describe('mapLimit', () => {
  it.each([
    [1, [1, 2, 3]],
    [2, [1, 2, 3, 4, 5]],
    [8, [1, 2]],
    [3, []],
  ])(
    'limit %i over %j: results in the items order, never more than the limit at once',
    async (limit, items) => {
      const g = gated();
      const all = mapLimit(items, limit, g.fn);
      // End them last first, whichever are running, until all have ended.
      for (let done = 0; done < items.length;) {
        await g.tick();
        const open = [...g.gates.keys()].filter((n) => !g.log.includes(`end ${n}`)).reverse();
        for (const n of open) {
          g.gates.get(n)!.ok();
          done++;
        }
      }
      expect(await all).toEqual(items.map((n) => n * 10));
      expect(g.most()).toBeLessThanOrEqual(Math.max(1, Math.min(limit, items.length)));
    },
  );

  it('a rejection: nothing further starts, the call under way is waited for, then the first error', async () => {
    const g = gated();
    let settled = false;
    const all = mapLimit([1, 2, 3, 4], 2, g.fn).finally(() => (settled = true));
    all.catch(() => undefined);
    await g.tick();
    expect(g.log).toEqual(['start 1', 'start 2']);
    g.gates.get(1)!.fail(new Error('first'));
    await g.tick();
    // 2 is still running: not settled yet, and 3 was not started.
    expect(settled).toBe(false);
    expect(g.log).toEqual(['start 1', 'start 2', 'fail 1']);
    g.gates.get(2)!.fail(new Error('second'));
    await expect(all).rejects.toThrow('first');
    expect(g.log).toEqual(['start 1', 'start 2', 'fail 1', 'fail 2']);
  });
});
