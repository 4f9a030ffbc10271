// An image whose python3 hangs as it starts (a .pth file that blocks, before the smoke script
// runs), in real containers: the shared process of compute, train and ddp is stopped once its first
// test has not begun within that test's timeout and the start allowance (3 s + 10 s), not at the
// container's own limit (3 x 3 s + 60 s); the first test says python3 did not start, the others
// are not run, and no container is left.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { type DockerAdapter, RUN_LABEL } from '../../src/docker/adapter.js';
import { createDefaultDockerAdapter } from '../../src/docker/engine.js';
import { PYTHON_START_ALLOWANCE_MS } from '../../src/smoke/batch-start.js';
import type { SmokeResult } from '../../src/smoke/result.js';
import { RUN_ID } from '../../src/util/run-id.js';
import { captureIo } from '../helpers/fakes.js';
import { buildTestImage } from '../helpers/images.js';

const env = inject('dockerEnv');

describe.skipIf(!env.available)('ml-image smoke on an image whose python3 hangs as it starts', () => {
  const images = env.images!;
  let docker: DockerAdapter;
  let dir: string;
  beforeAll(() => {
    docker = createDefaultDockerAdapter();
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-hung-start-it-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the shared process at its first test’s timeout and the start allowance', async () => {
    const tag = `${images.registry}/ml-image-it/smoke-hung-start:${Math.random().toString(36).slice(2, 10)}`;
    await buildTestImage(
      docker,
      dir,
      `FROM ${images.pythonAmd64}
RUN d=/usr/local/lib/python3.11/dist-packages; mkdir -p $d && echo 'import time; time.sleep(3600)' > $d/zz-hang.pth
`,
      tag,
      '--load',
    );
    const out = path.join(dir, 'out');
    const io = captureIo(dir, docker);
    const code = await runCli(
      ['smoke', '--image', tag, '--suites', 'compute,train,ddp', '--timeout', '3', '--out', out],
      io,
    );
    expect(code, io.err()).toBe(1);
    const r = JSON.parse(readFileSync(path.join(out, 'smoke.json'), 'utf8')) as SmokeResult;
    const limit = `${(3_000 + PYTHON_START_ALLOWANCE_MS) / 1000}s`;
    const notRun = `not run: python3 did not start within ${limit} (see compute-cpu)`;
    expect(r.tests.map((t) => [t.id, t.status, t.reason?.split(': no test')[0]])).toEqual([
      [
        'compute-cpu',
        'fail',
        `python3 did not start within ${limit} (the test's timeout of 3s and ${PYTHON_START_ALLOWANCE_MS / 1000}s for python3 to start)`,
      ],
      ['compute-gpu', 'skip', expect.stringContaining('no GPU')],
      ['train', 'fail', notRun],
      ['ddp', 'fail', notRun],
    ]);
    expect(
      await docker.listManagedContainers({ 'io.github.ml-image-action.stage': 'smoke', [RUN_LABEL]: RUN_ID }),
    ).toEqual([]);
    await docker.removeImage(tag).catch(() => undefined);
  });
});
