// A custom test whose output passes the engine adapter's cap (32 MiB a stream) is stopped by it
// (SIGKILL: exit 137): its reason says so, and a test that expects exit 137 does not pass on the
// adapter's own kill. Fakes only (no engine).
import { describe, expect, it } from 'vitest';
import { overflowNote } from '../../src/docker/streams.js';
import { runSmoke } from '../../src/smoke/run.js';
import { containerResult, fakeDocker, imageDetails } from '../helpers/fakes.js';
import { customSmokeInput, customTests } from '../helpers/smoke-input.js';

describe('a custom test stopped for its output', () => {
  it('fails with that reason, whatever exit code it expects', async () => {
    const tests = customTests([
      { name: 'flood', command: ['yes'] },
      { name: 'flood-137', command: ['yes'], exitCode: 137 },
    ]);
    const r = await runSmoke(customSmokeInput(tests, { image: 'img' }), {
      docker: fakeDocker({
        inspectImage: () => Promise.resolve(imageDetails()),
        ping: () => Promise.resolve({ version: '28.0.0', apiVersion: '1.48', os: 'linux', arch: 'amd64' }),
        runContainer: () =>
          Promise.resolve(
            containerResult({ exitCode: 137, stdout: 'y\n'.repeat(1000), stderr: overflowNote('stdout') }),
          ),
      }),
    });
    expect(r.tests.map((t) => [t.id, t.status])).toEqual([
      ['custom:flood', 'fail'],
      ['custom:flood-137', 'fail'],
    ]);
    for (const t of r.tests)
      expect(t.reason).toBe('the stdout passed 32 MiB: the container was stopped (print less)');
  });
});
