// A custom test whose output passes the engine adapter's cap (32 MiB a stream) is stopped by it
// (SIGKILL: exit 137): its reason says so, and a test that expects exit 137 does not pass on the
// adapter's own kill. Fakes only (no engine).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateConfigData } from '../../src/config/load.js';
import { overflowNote } from '../../src/docker/streams.js';
import { runSmoke } from '../../src/smoke/run.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';

const imagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../images');

describe('a custom test stopped for its output', () => {
  it('fails with that reason, whatever exit code it expects', async () => {
    const tests = validateConfigData(
      {
        image: { name: 'o/m' },
        smoke: {
          tests: [
            { name: 'flood', command: ['yes'] },
            { name: 'flood-137', command: ['yes'], exitCode: 137 },
          ],
        },
      },
      'ml-image.yml',
    ).smoke.tests;
    const r = await runSmoke(
      {
        image: 'img',
        suites: ['custom'],
        gpus: 'none',
        requireGpu: false,
        distributions: [],
        tests,
        timeoutMs: 60_000,
        imagesDir,
      },
      {
        docker: fakeDocker({
          inspectImage: () => Promise.resolve(imageDetails()),
          ping: () => Promise.resolve({ version: '28.0.0', apiVersion: '1.48', os: 'linux', arch: 'amd64' }),
          runContainer: () =>
            Promise.resolve({
              containerId: 'c',
              exitCode: 137,
              timedOut: false,
              stdout: 'y\n'.repeat(1000),
              stderr: overflowNote('stdout'),
              durationMs: 1,
            }),
        }),
      },
    );
    expect(r.tests.map((t) => [t.id, t.status])).toEqual([
      ['custom:flood', 'fail'],
      ['custom:flood-137', 'fail'],
    ]);
    for (const t of r.tests)
      expect(t.reason).toBe('the stdout passed 32 MiB: the container was stopped (print less)');
  });
});
