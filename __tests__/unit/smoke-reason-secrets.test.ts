// A custom test whose program is missing names its command line in the reason: a secret on that
// line (`--password x`, `mysql -px`) is masked there as it is in the test's output, in smoke.json,
// junit.xml and the progress line alike. Fakes only (no engine).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateConfigData } from '../../src/config/load.js';
import type { ContainerRunResult } from '../../src/docker/adapter.js';
import { runSmoke } from '../../src/smoke/run.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';

const imagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../images');
const SECRET = 'hunter2secretvalue';

const notFound = (program: string): ContainerRunResult => ({
  containerId: 'c',
  exitCode: 127,
  timedOut: false,
  stdout: '',
  stderr: `sh: 1: ${program}: not found\n`,
  durationMs: 1,
});

describe('a missing program of a custom test', () => {
  it('is named with the secrets of its command line masked', async () => {
    const tests = validateConfigData(
      {
        image: { name: 'o/m' },
        smoke: {
          tests: [
            { name: 'login', command: `/opt/nosuch --password ${SECRET} --user bob` },
            { name: 'mysql', command: `mysql -u root -p${SECRET} db` },
          ],
        },
      },
      'ml-image.yml',
    ).smoke.tests;
    const progress: string[] = [];
    const r = await runSmoke(
      {
        image: 'localhost:5000/o/m:1-cpu',
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
          runContainer: (spec) => Promise.resolve(notFound(String(spec.cmd[1]).split(' ')[0]!)),
        }),
        progress: (l) => progress.push(l),
      },
    );
    expect(r.tests.map((t) => [t.id, t.status])).toEqual([
      ['custom:login', 'fail'],
      ['custom:mysql', 'fail'],
    ]);
    expect(r.tests[0]!.reason).toBe(
      'command not found in the image: a program of "/opt/nosuch --password [redacted] --user bob" (exit 127, expected 0)',
    );
    expect(r.tests[1]!.reason).toContain('a program of "mysql -u root -p[redacted] db"');
    expect(JSON.stringify(r)).not.toContain(SECRET);
    expect(progress.join('\n')).not.toContain(SECRET);
  });
});
