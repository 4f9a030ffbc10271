// removeContainers (the post step's and the interrupt sweep's removal): every id is tried; one
// gone already (404) is no failure; refusals do not keep the rest and are thrown together.
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { EngineClient } from '../../src/docker/client.js';
import { createContainerOps } from '../../src/docker/containers.js';

/** An engine whose container removals answer per id: ok, or an error with that status code. */
function engine(answers: Record<string, number | 'ok'>) {
  const tried: string[] = [];
  const docker = {
    getContainer: (id: string) => ({
      remove: async () => {
        tried.push(id);
        const a = answers[id] ?? 'ok';
        if (a === 'ok') return;
        throw Object.assign(
          new Error(`(HTTP code ${a}) conflict - removal of container ${id} is already in progress\nmore`),
          {
            statusCode: a,
          },
        );
      },
    }),
  } as unknown as Dockerode;
  const client: EngineClient = { docker: async () => docker, call: (fn) => fn(docker) };
  return { ops: createContainerOps(client), tried };
}

const ID = (c: string) => c.repeat(64);

describe('removeContainers', () => {
  it.each<[string, Record<string, number | 'ok'>, string[]]>([
    ['all removed', {}, [ID('a'), ID('b'), ID('c')]],
    ['one gone already (404): not a failure, not listed', { [ID('b')]: 404 }, [ID('a'), ID('c')]],
  ])('%s', async (_what, answers, removed) => {
    const { ops, tried } = engine(answers);
    expect(await ops.removeContainers([ID('a'), ID('b'), ID('c')])).toEqual(removed);
    expect(tried).toEqual([ID('a'), ID('b'), ID('c')]);
  });

  it('a refusal (409, 500) does not keep the others: all are tried, then the refusals are named', async () => {
    const { ops, tried } = engine({ [ID('a')]: 409, [ID('c')]: 500 });
    const e = await ops.removeContainers([ID('a'), ID('b'), ID('c'), ID('d')]).then(
      () => undefined,
      (x: unknown) => x as Error,
    );
    expect(tried).toEqual([ID('a'), ID('b'), ID('c'), ID('d')]);
    expect(e?.message).toBe(
      `removed 2 of 4 containers; ${ID('a').slice(0, 12)}: (HTTP code 409) conflict - removal of container ${ID('a')} is already in progress; ${ID('c').slice(0, 12)}: (HTTP code 500) conflict - removal of container ${ID('c')} is already in progress`,
    );
    expect((e?.cause as { statusCode?: number }).statusCode).toBe(409);
  });
});
