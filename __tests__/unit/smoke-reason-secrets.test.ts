// A custom test whose program is missing names its command line in the reason: a secret on that
// line (`--password x`, `mysql -px`) is masked there as it is in the test's output, in smoke.json,
// junit.xml and the progress line alike. Fakes only (no engine).
import { describe, expect, it } from 'vitest';
import { runSmoke } from '../../src/smoke/run.js';
import { containerResult, fakeDocker, imageDetails } from '../helpers/fakes.js';
import { customSmokeInput, customTests } from '../helpers/smoke-input.js';

const SECRET = 'hunter2secretvalue';

const notFound = (program: string) =>
  containerResult({ exitCode: 127, stderr: `sh: 1: ${program}: not found\n` });

describe('a missing program of a custom test', () => {
  it('is named with the secrets of its command line masked', async () => {
    const tests = customTests([
      { name: 'login', command: `/opt/nosuch --password ${SECRET} --user bob` },
      { name: 'mysql', command: `mysql -u root -p${SECRET} db` },
    ]);
    const progress: string[] = [];
    const r = await runSmoke(customSmokeInput(tests), {
      docker: fakeDocker({
        inspectImage: () => Promise.resolve(imageDetails()),
        runContainer: (spec) => Promise.resolve(notFound(String(spec.cmd[1]).split(' ')[0]!)),
      }),
      progress: (l) => progress.push(l),
    });
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
