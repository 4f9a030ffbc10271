// mapLimit: the results in order, at most LIMIT calls at once; after a rejection no further item
// starts, the calls under way are waited for, and the first rejection is what it throws.
// mapLimitSerialByKey: the same, with the items of one key one after the other, and how each call
// settled (undefined: never started) instead of a rejection. queueByKey: one key's works in turn.
import { describe, expect, it } from 'vitest';
import { mapLimit, mapLimitSerialByKey, queueByKey } from '../../src/util/map-limit.js';

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

/** Calls keyed by name ("a1": key "a"), each ending when told; the log says what started and ended. */
function gatedByName() {
  const log: string[] = [];
  const gates = new Map<string, { ok: (value?: unknown) => void; fail: (e: Error) => void }>();
  let running = 0;
  let most = 0;
  const fn = (name: string) =>
    new Promise<unknown>((resolve, reject) => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      gates.set(name, {
        ok: (value = name.toUpperCase()) => {
          running--;
          log.push(`end ${name}`);
          resolve(value);
        },
        fail: (e) => {
          running--;
          log.push(`fail ${name}`);
          reject(e);
        },
      });
    });
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const gate = (name: string) => {
    const g = gates.get(name);
    if (!g) throw new Error(`${name} has not started`);
    return g;
  };
  return { log, gate, fn, most: () => most, tick };
}

const keyOf = (name: string) => name[0]!;

describe('mapLimitSerialByKey', () => {
  it.each([
    ['one key, in order', 4, ['a1', 'a2', 'a3'], 1],
    ['all keys apart, up to the limit', 2, ['a1', 'b1', 'c1', 'd1'], 2],
    ['keys mixed', 3, ['a1', 'b1', 'a2', 'c1', 'b2', 'a3'], 3],
    ['limit 1', 1, ['a1', 'b1', 'a2'], 1],
  ])('%s: all fulfilled, in the items order', async (_name, limit, items, most) => {
    const g = gatedByName();
    const all = mapLimitSerialByKey(items, limit, keyOf, g.fn);
    // End whatever is running (newest first) until all have ended.
    for (let done = 0; done < items.length;) {
      await g.tick();
      const open = items.filter((n) => g.log.includes(`start ${n}`) && !g.log.includes(`end ${n}`));
      expect(new Set(open.map(keyOf)).size).toBe(open.length); // never two of one key at once
      for (const n of open.reverse()) {
        g.gate(n).ok();
        done++;
      }
    }
    expect(await all).toEqual(items.map((n) => ({ status: 'fulfilled', value: n.toUpperCase() })));
    expect(g.most()).toBe(most);
    // One key's items started in the items' order.
    for (const key of new Set(items.map(keyOf))) {
      const started = g.log.filter((l) => l.startsWith(`start ${key}`)).map((l) => l.slice(6));
      expect(started).toEqual(items.filter((n) => keyOf(n) === key));
    }
  });

  it('an item waiting for its key holds its place among the limit', async () => {
    const g = gatedByName();
    const all = mapLimitSerialByKey(['a1', 'a2', 'b1'], 2, keyOf, g.fn);
    await g.tick();
    // a2 waits for a1 in the second place: b1 has none.
    expect(g.log).toEqual(['start a1']);
    g.gate('a1').ok();
    await g.tick();
    expect(g.log).toEqual(['start a1', 'end a1', 'start a2', 'start b1']);
    g.gate('a2').ok();
    g.gate('b1').ok();
    expect((await all).map((s) => s?.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('a fulfilled value that is falsy is still a fulfilled call', async () => {
    const values: unknown[] = [undefined, 0, '', false, null];
    const all = await mapLimitSerialByKey(
      values,
      2,
      () => 'k',
      (v) => Promise.resolve(v),
    );
    expect(all).toEqual(values.map((value) => ({ status: 'fulfilled', value })));
  });

  it('no items: no call', async () => {
    expect(await mapLimitSerialByKey([], 3, keyOf, () => Promise.reject(new Error('called')))).toEqual([]);
  });

  it('a rejection: nothing further starts, not even one waiting for its key; the rest settle; never rejects', async () => {
    const g = gatedByName();
    let settled = false;
    const all = mapLimitSerialByKey(['a1', 'b1', 'a2', 'c1'], 3, keyOf, g.fn).finally(() => (settled = true));
    await g.tick();
    // a2 waits for a1 (holding the third place), so c1 waits for a place.
    expect(g.log).toEqual(['start a1', 'start b1']);
    const boom = new Error('boom');
    g.gate('a1').fail(boom);
    await g.tick();
    // b1 is still running: not settled yet; a2 and c1 were not started.
    expect(settled).toBe(false);
    expect(g.log).toEqual(['start a1', 'start b1', 'fail a1']);
    const late = new Error('late');
    g.gate('b1').fail(late);
    expect(await all).toEqual([
      { status: 'rejected', reason: boom },
      { status: 'rejected', reason: late },
      undefined,
      undefined,
    ]);
    expect(g.log).toEqual(['start a1', 'start b1', 'fail a1', 'fail b1']);
  });

  it('a call that ends after a rejection elsewhere is fulfilled; the items after it are not started', async () => {
    const g = gatedByName();
    const all = mapLimitSerialByKey(['a1', 'b1', 'b2', 'c1'], 2, keyOf, g.fn);
    await g.tick();
    expect(g.log).toEqual(['start a1', 'start b1']);
    g.gate('b1').fail(new Error('b1'));
    await g.tick();
    g.gate('a1').ok();
    const results = await all;
    expect(results.map((s) => s?.status)).toEqual(['fulfilled', 'rejected', undefined, undefined]);
    expect(g.log).toEqual(['start a1', 'start b1', 'fail b1', 'end a1']);
  });
});

describe('queueByKey', () => {
  it('one key: each work after the one before has settled, fulfilled or rejected; keys apart: at once', async () => {
    const g = gatedByName();
    const queues = new Map<string, Promise<unknown>>();
    const a1 = queueByKey(queues, 'a', () => g.fn('a1'));
    a1.catch(() => undefined);
    const a2 = queueByKey(queues, 'a', () => g.fn('a2'));
    const b1 = queueByKey(queues, 'b', () => g.fn('b1'));
    await g.tick();
    expect(g.log).toEqual(['start a1', 'start b1']);
    g.gate('a1').fail(new Error('a1'));
    await g.tick();
    expect(g.log).toEqual(['start a1', 'start b1', 'fail a1', 'start a2']);
    g.gate('a2').ok();
    g.gate('b1').ok();
    await expect(a1).rejects.toThrow('a1');
    expect([await a2, await b1]).toEqual(['A2', 'B1']);
  });

  it('a work that throws rejects its own promise only', async () => {
    const queues = new Map<string, Promise<unknown>>();
    const first = queueByKey(queues, 'k', () => {
      throw new Error('sync');
    });
    const second = queueByKey(queues, 'k', () => 'next');
    await expect(first).rejects.toThrow('sync');
    expect(await second).toBe('next');
  });
});
