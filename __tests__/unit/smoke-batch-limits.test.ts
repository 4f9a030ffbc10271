// The shared smoke process within Linux's limits on a command line: a single environment variable
// or argument over 128 KiB (MAX_ARG_STRLEN) makes the container's exec fail ("argument list too
// long"), and all of them together must stay under ARG_MAX. A fully pinned lock file of thousands
// of names still reaches the imports test, whole.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContainerRunResult, ContainerRunSpec } from '../../src/docker/adapter.js';
import { BATCH_ENV, MARK } from '../../src/smoke/batch.js';
import { runSmoke, type SmokeInput } from '../../src/smoke/run.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';
import { REPO_ROOT } from '../helpers/docker-env.js';

const MAX_ARG_STRLEN = 128 * 1024;
const ARG_MAX = 2 * 1024 * 1024;
const PASS = `${JSON.stringify({ status: 'pass', reason: '', metrics: {} })}\n`;

interface Plan {
  nonce: string;
  steps: { id: string; argv: string[] }[];
}

/** A fake engine that answers as the smoke script does: each plan's steps pass, a lone test passes. */
function engine() {
  const runs: ContainerRunSpec[] = [];
  const docker = fakeDocker({
    inspectImage: () => Promise.resolve(imageDetails()),
    runContainer: (spec: ContainerRunSpec): Promise<ContainerRunResult> => {
      runs.push(spec);
      const raw = spec.env?.[BATCH_ENV];
      let stdout = PASS;
      if (raw !== undefined) {
        const plan = JSON.parse(raw) as Plan;
        const mark = (e: object) => `\n${MARK}${JSON.stringify({ ...e, nonce: plan.nonce })}\n`;
        stdout = plan.steps
          .map(
            (x) =>
              `${mark({ event: 'start', id: x.id })}${PASS}${mark({ event: 'end', id: x.id, exit: 0, ms: 1 })}`,
          )
          .join('');
      }
      return Promise.resolve({
        containerId: 'c',
        exitCode: 0,
        timedOut: false,
        stdout,
        stderr: '',
        durationMs: 1,
      });
    },
  });
  return { docker, runs };
}

/** The words of the imports test a run delivered: on the command line, or in a plan. */
function importsWords(spec: ContainerRunSpec): string[] | undefined {
  const raw = spec.env?.[BATCH_ENV];
  if (raw !== undefined)
    return (JSON.parse(raw) as Plan).steps.find((x) => x.id === 'imports')?.argv.slice(1);
  const at = spec.cmd.indexOf('imports');
  return at >= 0 ? spec.cmd.slice(at + 1) : undefined;
}

const bytes = (text: string) => Buffer.byteLength(text);
const names = (n: number) => Array.from({ length: n }, (_, i) => `package-${String(i).padStart(5, '0')}`);

describe('the shared process within the limits of a command line', () => {
  it.each([
    { label: '10,000 requirement names (a fully pinned monorepo lock file)', n: 10_000, suites: ['imports'] },
    {
      label: '10,000 names, the others after it',
      n: 10_000,
      suites: ['imports', 'pip-check', 'compute', 'train'],
    },
    { label: 'imports after the others', n: 10_000, suites: ['compute', 'train', 'imports', 'pip-check'] },
    { label: 'a few names (one shared process)', n: 3, suites: ['imports', 'compute', 'train'] },
  ] as const)(
    '$label: no variable or argument over 128 KiB, and the whole list arrives',
    async ({ n, suites }) => {
      const { docker, runs } = engine();
      const distributions = names(n);
      const input: SmokeInput = {
        image: 'img',
        suites: [...suites],
        gpus: 'none',
        requireGpu: false,
        distributions,
        tests: [],
        timeoutMs: 30_000,
        imagesDir: path.join(REPO_ROOT, 'images'),
      };
      const r = await runSmoke(input, { docker });
      for (const spec of runs) {
        const strings = [...(spec.entrypoint ?? []), ...spec.cmd];
        const env = Object.entries(spec.env ?? {}).map(([k, v]) => `${k}=${v}`);
        for (const x of [...strings, ...env]) expect(bytes(x)).toBeLessThan(MAX_ARG_STRLEN);
        expect([...strings, ...env].reduce((a, x) => a + bytes(x) + 1, 0)).toBeLessThan(ARG_MAX);
      }
      const delivered = runs.map(importsWords).filter((w) => w !== undefined);
      expect(delivered).toEqual([distributions]);
      expect(r.tests.map((t) => [t.id, t.status])).toContainEqual(['imports', 'pass']);
      if (n < 10) expect(runs).toHaveLength(1);
    },
  );
});
