// Smoke and capture survive bad images and bad tests, and nothing already measured is lost:
// a missing command, an image without python3, a catastrophic-backtracking expectedOutput, 10 MB
// of output on one line, the daemon going away mid-suite, one progress line per custom test, and
// the smoke stage writing each target's files as soon as they are known. Fakes only (no engine).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureImage } from '../../src/capture/capture.js';
import type { BuildResult } from '../../src/build/result.js';
import { loadConfig } from '../../src/config/load.js';
import type {
  ContainerRunResult,
  ContainerRunSpec,
  DockerAdapter,
  ImageDetails,
} from '../../src/docker/adapter.js';
import { EnvironmentError, ExitCode, exitCodeOf } from '../../src/errors.js';
import type { PipelineIo } from '../../src/pipeline/pipeline.js';
import { recordFile as resultFile, openResultDir } from '../../src/results/results.js';
import { runSmokeStage, type SmokeStageInput } from '../../src/smoke/stage.js';
import type { Plan } from '../../src/plan/plan.js';
import { patternProblem } from '../../src/config/pattern.js';
import { matchOutput } from '../../src/smoke/match.js';
import { type SmokeResult, SmokeResultSchema } from '../../src/smoke/result.js';
import {
  isDaemonGone,
  OUTPUT_KEEP_CHARS,
  runSmoke,
  type SmokeInput,
  SmokeInterruptedError,
} from '../../src/smoke/run.js';
import { runCli } from '../../src/cli/main.js';
import { clearInterruptedForTests, markInterrupted } from '../../src/util/cleanup.js';
import { captureIo, containerResult, fakeDocker, imageDetails } from '../helpers/fakes.js';
import { makeRecord } from '../helpers/records.js';
import { customSmokeInput, customTests as custom, imagesDir } from '../helpers/smoke-input.js';

const IMAGE = 'localhost:5000/o/m:1-cpu';
const NOT_FOUND = (p: string) => `exec: "${p}": executable file not found in $PATH\n`;
const TOKEN = `ghp_${'a1B2'.repeat(9)}`;

const details: ImageDetails = imageDetails();

const ok = (stdout = '', stderr = '', exitCode: number | null = 0) =>
  containerResult({ stdout, stderr, exitCode });

/** Which suite (or custom test program) a container of the runner runs. */
function whatRuns(spec: ContainerRunSpec): string {
  if (spec.entrypoint?.[0] === 'python3' && spec.cmd[0] === '-c' && spec.cmd.length > 3)
    return `suite:${spec.cmd[3]}`;
  if (spec.entrypoint?.[0] === 'python3' && spec.cmd[0] === '-m') return 'pip-check';
  return [...(spec.entrypoint ?? []), ...spec.cmd].join(' ');
}

const smokeInput = (over: Partial<SmokeInput> = {}) =>
  customSmokeInput([], { distributions: ['numpy'], ...over });

describe('expectedOutput matching cannot hang', () => {
  it('a catastrophic-backtracking pattern fails within its time limit instead of hanging', async () => {
    const m = await matchOutput(`${'a'.repeat(40)}!`, ['(a+)+$'], [], { timeLimitMs: 500 });
    expect(m).toMatchObject({ ok: false, kind: 'timeout' });
    expect(m.ok === false && 'message' in m && m.message).toContain('simplify the pattern');
  });

  it.each([
    [['^hi'], [], 'hi there', { ok: true }],
    [['^bye'], [], 'hi there', { ok: false, kind: 'missing', pattern: '^bye' }],
    [[], ['there$'], 'hi there', { ok: false, kind: 'unwanted', pattern: 'there$' }],
    [['^second'], [], 'first\nsecond', { ok: true }], // multiline, as before
  ])('expected %j excluded %j on %j', async (expected, excluded, text, outcome) => {
    expect(await matchOutput(text, expected, excluded)).toEqual(outcome);
  });

  it('only the end of a huge output is matched (bounded size)', async () => {
    const text = `START\n${'x'.repeat(3 * 1024 * 1024)}\nEND`;
    expect(await matchOutput(text, ['^END$'], ['^START$'])).toEqual({ ok: true });
  });

  it('config validation compiles patterns the way the matcher does, and bounds their length', () => {
    expect(patternProblem('^ok$')).toBeUndefined();
    expect(patternProblem('(oops')).toMatch(/Invalid regular expression/);
    expect(patternProblem('a'.repeat(1001))).toMatch(/at most 1000/);
    expect(() => custom([{ name: 'long', command: 'true', expectedOutput: ['a'.repeat(1001)] }])).toThrow(
      /smoke\.tests\[0\]\.expectedOutput\[0\]: the pattern is 1001 characters long/,
    );
  });
});

describe('smoke survives bad tests and bad images', () => {
  it('a missing command is a failed, classified test; the suite goes on and every result is kept', async () => {
    const progress: string[] = [];
    const seen: string[] = [];
    const docker = fakeDocker({
      inspectImage: async () => details,
      runContainer: async (spec) => {
        const what = whatRuns(spec);
        seen.push(what);
        if (what === 'no-such-tool --version') return ok('', NOT_FOUND('no-such-tool'), 127);
        if (what.startsWith('sh -c')) return ok('', 'sh: 1: nope: not found\n', 127);
        // An image without /bin/sh: the OCI runtime itself refuses to start the program.
        if (what === '/opt/missing')
          throw new Error(
            '(HTTP code 400) unexpected - failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/opt/missing": stat /opt/missing: no such file or directory: unknown',
          );
        if (what === 'echo hi') return ok('hi\n');
        if (what.startsWith('python3 -c')) return ok('{"mode": "755"}\n');
        throw new Error(`unexpected ${what}`);
      },
    });
    const tests = custom([
      { name: 'missing-argv', command: ['no-such-tool', '--version'] },
      { name: 'missing-shell', command: 'nope' },
      { name: 'missing-abs', command: ['/opt/missing'] },
      { name: 'greets', command: ['echo', 'hi'], expectedOutput: ['^hi$'] },
      { name: 'backtracks', command: ['echo', 'hi'], expectedOutput: ['(h+i)+$'] },
      { name: 'has-bin', file: { path: '/bin', mode: '0755' } },
    ]);
    const r = await runSmoke(smokeInput({ suites: ['pip-check', 'custom'], tests }), {
      docker: fakeDocker({
        ...docker,
        runContainer: (spec) =>
          whatRuns(spec) === 'pip-check'
            ? Promise.resolve(ok('No broken requirements found.\n'))
            : docker.runContainer(spec),
      }),
      progress: (l) => progress.push(l),
    });
    const byId = Object.fromEntries(r.tests.map((t) => [t.id, t]));
    expect(r.tests.map((t) => [t.id, t.status])).toEqual([
      ['pip-check', 'pass'],
      ['custom:missing-argv', 'fail'],
      ['custom:missing-shell', 'fail'],
      ['custom:missing-abs', 'fail'],
      ['custom:greets', 'pass'],
      ['custom:backtracks', 'pass'],
      ['custom:has-bin', 'pass'],
    ]);
    expect(byId['custom:missing-argv']!.reason).toBe(
      'command not found in the image: "no-such-tool" (exit 127, expected 0)',
    );
    expect(byId['custom:missing-shell']!.reason).toBe(
      'command not found in the image: a program of "nope" (exit 127, expected 0)',
    );
    expect(byId['custom:missing-abs']!.reason).toBe(
      'command not found in the image: "/opt/missing" (exit 127, expected 0)',
    );
    for (const id of ['custom:missing-argv', 'custom:missing-shell', 'custom:missing-abs'])
      expect(byId[id]!.cause?.id, id).toBe('command-not-found');
    expect(SmokeResultSchema.parse(r).summary).toMatchObject({ pass: 4, fail: 3, skip: 0 });
    // One progress line per custom test, under its own id; never the previous suite's line again.
    expect(progress.filter((l) => l.startsWith('smoke pip-check: pass'))).toHaveLength(1);
    for (const t of tests) {
      expect(progress.filter((l) => l.startsWith(`smoke custom:${t.name}: running`))).toHaveLength(1);
      expect(progress.filter((l) => new RegExp(`^smoke custom:${t.name}: (pass|fail)`).test(l))).toHaveLength(
        1,
      );
    }
  });

  it("file modes compare as numbers; metadata.workdir is checked against the image's WORKDIR", async () => {
    const r = await runSmoke(
      smokeInput({
        suites: ['custom'],
        tests: custom([
          { name: 'setuid-5', file: { path: '/bin/su', mode: '04755' } },
          { name: 'setuid-4', file: { path: '/bin/su', mode: '4755' } },
          { name: 'wrong-mode', file: { path: '/bin/su', mode: '0755' } },
          { name: 'workdir', metadata: { workdir: '/app' } },
          { name: 'other-workdir', metadata: { workdir: '/definitely/not' } },
        ]),
      }),
      {
        docker: fakeDocker({
          inspectImage: async () => ({ ...details, workdir: '/app' }),
          runContainer: async (spec) =>
            whatRuns(spec).startsWith('python3 -c') ? ok('{"mode": "4755"}\n') : ok(''),
        }),
        progress: () => undefined,
      },
    );
    const byId = Object.fromEntries(r.tests.map((t) => [t.id, t]));
    expect(r.tests.map((t) => [t.id, t.status])).toEqual([
      ['custom:setuid-5', 'pass'],
      ['custom:setuid-4', 'pass'],
      ['custom:wrong-mode', 'fail'],
      ['custom:workdir', 'pass'],
      ['custom:other-workdir', 'fail'],
    ]);
    expect(byId['custom:other-workdir']!.reason).toBe('workdir is "/app", expected "/definitely/not"');
  });

  it('excludedOutput over output longer than it checks fails: what it did not see cannot pass', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const r = await runSmoke(
      smokeInput({
        suites: ['custom'],
        tests: custom([
          { name: 'secret-early', command: ['run'], excludedOutput: ['SECRET'] },
          { name: 'no-exclusion', command: ['run'], expectedOutput: ['x$'] },
          { name: 'short', command: ['short'], excludedOutput: ['SECRET'] },
        ]),
      }),
      {
        docker: fakeDocker({
          inspectImage: async () => details,
          runContainer: async (spec) =>
            whatRuns(spec) === 'run' ? ok('SECRET printed first\n', big) : ok('all fine\n'),
        }),
        progress: () => undefined,
      },
    );
    const byId = Object.fromEntries(r.tests.map((t) => [t.id, t]));
    expect(byId['custom:secret-early']).toMatchObject({ status: 'fail' });
    expect(byId['custom:secret-early']!.reason).toMatch(
      /the output is 2(\.0)? MiB, over the 1 MiB that excludedOutput is checked against/,
    );
    expect(byId['custom:no-exclusion']!.status).toBe('pass');
    expect(byId['custom:short']!.status).toBe('pass');
  });

  it.each<[string, ContainerRunResult, string, string]>([
    [
      'no pip',
      ok('', '/usr/bin/python3: No module named pip\n', 1),
      'skip',
      'pip is not installed in the image',
    ],
    [
      'no pip (no newline)',
      ok('', '/opt/py/bin/python3: No module named pip', 1),
      'skip',
      'pip is not installed in the image',
    ],
    [
      'broken requirements',
      ok('torch 2.3.0 has requirement numpy<2, but you have numpy 2.0.0.\n', '', 1),
      'fail',
      'pip check found broken requirements',
    ],
    [
      'a pip that cannot run',
      ok(
        '',
        "/usr/bin/python3: No module named pip.__main__; 'pip' is a package and cannot be directly executed\n",
        1,
      ),
      'fail',
      'pip check found broken requirements',
    ],
    ['clean', ok('No broken requirements found.\n'), 'pass', ''],
  ])('pip-check, %s', async (_what, outcome, status, reason) => {
    const r = await runSmoke(smokeInput({ suites: ['pip-check'] }), {
      docker: fakeDocker({ inspectImage: async () => details, runContainer: async () => outcome }),
    });
    expect(r.tests.map((t) => [t.id, t.status, t.reason ?? ''])).toEqual([['pip-check', status, reason]]);
    expect(r.summary.fail).toBe(status === 'fail' ? 1 : 0);
  });

  it('a custom suite with no tests prints no result line of another suite', async () => {
    const progress: string[] = [];
    await runSmoke(smokeInput({ suites: ['pip-check', 'custom'] }), {
      docker: fakeDocker({ inspectImage: async () => details, runContainer: async () => ok('') }),
      progress: (l) => progress.push(l),
    });
    expect(progress.filter((l) => l.startsWith('smoke pip-check: pass'))).toHaveLength(1);
    expect(progress.at(-1)).toBe('smoke custom: no tests declared (smoke.tests)');
  });

  it('a catastrophic-backtracking expectedOutput fails its test with a clear reason (no hang)', async () => {
    const r = await runSmoke(
      smokeInput({
        tests: custom([
          { name: 'redos', command: ['printf', 'x'], expectedOutput: ['(a+)+$'] },
          { name: 'after', command: ['true'] },
        ]),
      }),
      {
        docker: fakeDocker({
          inspectImage: async () => details,
          runContainer: async (spec) => ok(whatRuns(spec) === 'true' ? '' : `${'a'.repeat(40)}!`),
        }),
      },
    );
    expect(r.tests.map((t) => [t.id, t.status])).toEqual([
      ['custom:redos', 'fail'],
      ['custom:after', 'pass'],
    ]);
    expect(r.tests[0]!.reason).toMatch(/took longer than 2s to match; simplify the pattern/);
  });

  it('an image without python3: one clear failure naming the image, the other python suites skip', async () => {
    const r = await runSmoke(
      smokeInput({
        suites: ['imports', 'pip-check', 'train', 'custom'],
        tests: custom([
          { name: 'shell', command: ['sh', '-c', 'echo ok'], expectedOutput: ['^ok'] },
          { name: 'file', file: { path: '/etc/passwd' } },
        ]),
      }),
      {
        docker: fakeDocker({
          inspectImage: async () => details,
          runContainer: async (spec) =>
            spec.entrypoint?.[0] === 'python3' ? ok('', NOT_FOUND('python3'), 127) : ok('ok\n'),
        }),
      },
    );
    expect(r.tests.map((t) => [t.id, t.status])).toEqual([
      ['imports', 'fail'],
      ['pip-check', 'skip'],
      ['train', 'skip'],
      ['custom:shell', 'pass'],
      ['custom:file', 'skip'],
    ]);
    expect(r.tests[0]!.reason).toBe(`${IMAGE} has no python3: the smoke suites need python3 in the image`);
    expect(r.tests[0]!.cause?.id).toBe('no-python');
    expect(r.tests[1]!.reason).toBe('no python3 in the image (see imports)');
  });

  it('10 MB of output on one line: kept bounded (its end), secrets masked in place', async () => {
    const huge = `${'x'.repeat(10 * 1024 * 1024)} token=${TOKEN} https://glpat-abc@git.example/r end`;
    const r = await runSmoke(
      smokeInput({ tests: custom([{ name: 'loud', command: ['yes'], expectedOutput: ['^never$'] }]) }),
      { docker: fakeDocker({ inspectImage: async () => details, runContainer: async () => ok(huge) }) },
    );
    const t = r.tests[0]!;
    expect(t.status).toBe('fail');
    expect(t.output!.length).toBeLessThanOrEqual(OUTPUT_KEEP_CHARS);
    expect(t.output!.endsWith('token=[redacted] https://[redacted]@git.example/r end')).toBe(true);
    expect(JSON.stringify(r)).not.toContain(TOKEN);
    expect(JSON.stringify(r)).not.toContain('glpat-abc');
  });

  it('a test that throws for another reason is a failed test; the run goes on', async () => {
    let n = 0;
    const r = await runSmoke(
      smokeInput({
        tests: custom([
          { name: 'a', command: ['true'] },
          { name: 'b', command: ['true'] },
        ]),
      }),
      {
        docker: fakeDocker({
          inspectImage: async () => details,
          runContainer: async () => {
            if (n++ === 0) throw new Error('(HTTP code 500) server error - something odd');
            return ok('');
          },
        }),
      },
    );
    expect(r.tests.map((t) => [t.id, t.status, t.reason])).toEqual([
      ['custom:a', 'fail', 'the test could not run: (HTTP code 500) server error - something odd'],
      ['custom:b', 'pass', undefined],
    ]);
  });
});

/** An error answer of the engine as dockerode (docker-modem) throws it: status, JSON body, prefixed text. */
function engineError(statusCode: number, message: string): Error {
  const reason = statusCode === 500 ? 'server error' : 'unexpected';
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - ${message} `), {
    reason,
    statusCode,
    json: { message },
  });
}

describe('a container the engine does not start is that test failure, classified', () => {
  // The engine's own words (moby's daemon, the NVIDIA Container Toolkit's prestart hook).
  const NO_RUNTIME = 'could not select device driver "" with capabilities: [[gpu]]';
  const REQUIRE_CUDA =
    "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error running prestart hook #0: exit status 1, stdout: , stderr: Auto-detected mode as 'legacy'\nnvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.8, please update your driver to a newer version, or use an earlier cuda container: unknown";

  it.each([
    [NO_RUNTIME, 'no-gpu-runtime', `the container did not start: ${NO_RUNTIME}`],
    [
      REQUIRE_CUDA,
      'cuda-requirement-unsatisfied',
      `the container did not start: ${REQUIRE_CUDA.split('\n')[0]}`,
    ],
  ])('%s', async (message, causeId, reason) => {
    const progress: string[] = [];
    const seen: string[] = [];
    const r = await runSmoke(
      smokeInput({
        suites: ['gpu', 'compute', 'custom'],
        gpus: 'all',
        tests: custom([
          { name: 'hello', command: ['echo', 'hi'], gpu: true },
          { name: 'cpu-hello', command: ['echo', 'hi'] },
        ]),
      }),
      {
        docker: fakeDocker({
          inspectImage: async () => details,
          runContainer: async (spec) => {
            seen.push(whatRuns(spec));
            if (spec.gpus === 'all') throw engineError(500, message);
            return ok(spec.entrypoint?.[0] === 'python3' ? '{"status": "pass"}\n' : 'hi\n');
          },
        }),
        progress: (l) => progress.push(l),
      },
    );
    // Every test ran (the run goes on); each that asked for the GPUs failed with the engine's
    // message and its cause; the CPU tests of the same GPU run got no GPU, and passed.
    expect(seen).toEqual(['suite:gpu', 'suite:compute', 'suite:compute', 'echo hi', 'echo hi']);
    expect(r.tests.map((t) => [t.id, t.status])).toEqual([
      ['gpu', 'fail'],
      ['compute-cpu', 'pass'],
      ['compute-gpu', 'fail'],
      ['custom:hello', 'fail'],
      ['custom:cpu-hello', 'pass'],
    ]);
    for (const t of r.tests.filter((x) => x.status === 'fail')) {
      expect(t.reason, t.id).toBe(reason);
      expect(t.output, t.id).toBe(message);
      expect(t.output, t.id).not.toContain('HTTP code');
      expect(t.cause?.id, t.id).toBe(causeId);
    }
    expect(SmokeResultSchema.parse(r).summary).toMatchObject({ pass: 2, fail: 3, skip: 0 });
    expect(progress).toContain(`smoke gpu: fail (${reason}) in 0.0s`);
  });

  it('only the containers the engine refuses fail; a CPU container of the same run passes', async () => {
    const r = await runSmoke(smokeInput({ suites: ['compute'], gpus: 'all' }), {
      docker: fakeDocker({
        inspectImage: async () => details,
        runContainer: async (spec) => {
          if (spec.gpus === 'all' && spec.cmd.includes('cuda')) throw engineError(500, NO_RUNTIME);
          return ok('{"status": "pass", "metrics": {"fp32_tflops": 0.1}}\n');
        },
      }),
    });
    expect(r.tests.map((t) => [t.id, t.status, t.cause?.id])).toEqual([
      ['compute-cpu', 'pass', undefined],
      ['compute-gpu', 'fail', 'no-gpu-runtime'],
    ]);
  });

  it('secrets in the engine message are masked in the reason and the output', async () => {
    const r = await runSmoke(smokeInput({ tests: custom([{ name: 'x', command: ['true'] }]) }), {
      docker: fakeDocker({
        inspectImage: async () => details,
        runContainer: async () => {
          throw engineError(400, `invalid env HF_TOKEN=${TOKEN}: rejected`);
        },
      }),
    });
    expect(r.tests[0]!.reason).toMatch(/^the container did not start: invalid env/);
    expect(JSON.stringify(r)).not.toContain(TOKEN);
  });

  it('the daemon going away while starting a container still ends the run (exit 3)', async () => {
    const err = await runSmoke(smokeInput({ tests: custom([{ name: 'x', command: ['true'] }]) }), {
      docker: fakeDocker({
        inspectImage: async () => details,
        runContainer: async () => {
          throw Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), {
            code: 'ECONNREFUSED',
            statusCode: 500,
          });
        },
      }),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmokeInterruptedError);
    expect(exitCodeOf(err)).toBe(ExitCode.Environment);
  });
});

describe('the daemon goes away during a smoke run', () => {
  const hangUp = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

  it.each([
    [hangUp(), true],
    [Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), { code: 'ECONNREFUSED' }), true],
    [
      new EnvironmentError(
        'cannot reach the Docker daemon at unix:///var/run/docker.sock (ECONNREFUSED)',
        'x',
      ),
      true,
    ],
    [
      Object.assign(new Error("ENOENT: no such file or directory, open '/x'"), {
        code: 'ENOENT',
        path: '/x',
      }),
      false,
    ],
    [new Error('(HTTP code 500) server error'), false],
  ])('%s -> daemon gone: %s', (e, gone) => {
    expect(isDaemonGone(e)).toBe(gone);
  });

  it('the interrupted test is classified, the run ends with exit 3, finished results are kept', async () => {
    let calls = 0;
    const err = await runSmoke(
      smokeInput({
        suites: ['pip-check', 'custom'],
        tests: custom([
          { name: 'first', command: ['true'] },
          { name: 'second', command: ['sleep', '100'] },
          { name: 'third', command: ['true'] },
        ]),
      }),
      {
        docker: fakeDocker({
          inspectImage: async () => details,
          runContainer: async (spec) => {
            calls++;
            if (whatRuns(spec) === 'sleep 100') throw hangUp();
            return ok('');
          },
        }),
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmokeInterruptedError);
    expect(exitCodeOf(err)).toBe(ExitCode.Environment);
    const e = err as SmokeInterruptedError;
    expect(e.message).toBe('the Docker daemon went away during custom:second: socket hang up');
    expect(e.partial.tests.map((t) => [t.id, t.status])).toEqual([
      ['pip-check', 'pass'],
      ['custom:first', 'pass'],
      ['custom:second', 'fail'],
    ]);
    expect(e.partial.summary).toMatchObject({ pass: 2, fail: 1 });
    expect(calls).toBe(3); // nothing ran after the daemon went away
  });

  it("the interrupted reason is masked as the other reasons are (an engine's message quoting a token)", async () => {
    const err = await runSmoke(
      smokeInput({ suites: ['custom'], tests: custom([{ name: 'second', command: ['true'] }]) }),
      {
        docker: fakeDocker({
          inspectImage: async () => details,
          runContainer: async () => {
            throw new EnvironmentError(`the registry refused the token ${TOKEN}\nmore`, 'x');
          },
        }),
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmokeInterruptedError);
    const e = err as SmokeInterruptedError;
    expect(e.message).toMatch(/^the registry refused the token \S+ \(during custom:second\)$/);
    expect(e.message).not.toContain(TOKEN);
    expect(e.partial.interrupted).toBe(e.message);
    expect(JSON.stringify(e.partial)).not.toContain(TOKEN);
  });

  // A daemon that shuts down (SIGTERM) kills its containers (137) and closes its listener: the run
  // asks the engine (a fresh connection) whether it is still there before blaming the test.
  it.each([
    ['the engine is gone: interrupted, exit 3', false, 'interrupted'],
    ['the engine answers (an OOM kill, say): a failed test, the run goes on', true, 'fail'],
  ] as const)('a test killed by 137 without a timeout: %s', async (_n, engineUp, outcome) => {
    let pings = 0;
    const err = await runSmoke(
      smokeInput({
        suites: ['custom'],
        tests: custom([
          { name: 'killed', command: ['sleep', '100'] },
          { name: 'after', command: ['true'] },
        ]),
      }),
      {
        docker: fakeDocker({
          inspectImage: async () => details,
          ping: async () => {
            pings++;
            if (!engineUp)
              throw new EnvironmentError(
                'cannot reach the Docker daemon at unix:///var/run/docker.sock (ECONNREFUSED)',
                'start the Docker engine',
              );
            return { version: '20.10', apiVersion: '1.41', os: 'linux', arch: 'amd64' };
          },
          runContainer: async (spec) => (whatRuns(spec) === 'sleep 100' ? ok('', '', 137) : ok('')),
        }),
      },
    ).catch((e: unknown) => e);
    expect(pings).toBe(1);
    if (outcome === 'interrupted') {
      expect(err).toBeInstanceOf(SmokeInterruptedError);
      expect(exitCodeOf(err)).toBe(ExitCode.Environment);
      expect((err as SmokeInterruptedError).partial.tests.map((t) => [t.id, t.status])).toEqual([
        ['custom:killed', 'fail'],
      ]);
    } else {
      const r = err as SmokeResult;
      expect(r.tests.map((t) => [t.id, t.status])).toEqual([
        ['custom:killed', 'fail'],
        ['custom:after', 'pass'],
      ]);
    }
  });
});

describe('ml-image smoke when the daemon goes away', () => {
  it('exit 3, and smoke.json / junit.xml hold the tests that finished', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-cli-'));
    try {
      writeFileSync(
        path.join(dir, 'ml-image.yml'),
        'image: { name: o/m }\nsmoke:\n  tests:\n    - { name: one, command: ["true"] }\n    - { name: two, command: [sleep, "9"] }\n',
      );
      const docker = fakeDocker({
        inspectImage: async () => details,
        runContainer: async (spec) => {
          if (spec.entrypoint?.[0] === 'sleep')
            throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
          return ok('');
        },
      });
      const io = captureIo(dir, docker);
      const code = await runCli(
        [
          'smoke',
          '--image',
          IMAGE,
          '--suites',
          'custom',
          '--gpus',
          'none',
          '--config',
          'ml-image.yml',
          '--out',
          'out',
        ],
        io,
      );
      expect(code, io.err()).toBe(ExitCode.Environment);
      expect(io.err()).toContain('the Docker daemon went away during custom:two');
      const written = SmokeResultSchema.parse(
        JSON.parse(readFileSync(path.join(dir, 'out', 'smoke.json'), 'utf8')),
      );
      expect(written.tests.map((t) => [t.id, t.status])).toEqual([
        ['custom:one', 'pass'],
        ['custom:two', 'fail'],
      ]);
      expect(readFileSync(path.join(dir, 'out', 'junit.xml'), 'utf8')).toContain('name="custom:one"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('capture of an image without python3', () => {
  it('is exit 2 naming the image and what the probe needs (not an internal error)', async () => {
    const docker = fakeDocker({
      inspectImage: async () => details,
      runContainer: async () => ok('', NOT_FOUND('python3'), 127),
    });
    const e = await captureImage({ image: IMAGE, imagesDir }, { docker }).catch((x: unknown) => x);
    expect(exitCodeOf(e)).toBe(ExitCode.BadInput);
    expect((e as Error).message).toContain(`${IMAGE} has no python3, which the probe needs`);
  });

  it('the engine refusing to start python3 (no /bin/sh either) is the same clear error', async () => {
    const docker = fakeDocker({
      inspectImage: async () => details,
      runContainer: async () => {
        throw new Error(
          '(HTTP code 400) unexpected - OCI runtime create failed: exec: "python3": executable file not found in $PATH: unknown',
        );
      },
    });
    const e = await captureImage({ image: IMAGE, imagesDir }, { docker }).catch((x: unknown) => x);
    expect(exitCodeOf(e)).toBe(ExitCode.BadInput);
    expect((e as Error).message).toContain('has no python3');
  });
});

describe('smoke stage: results are written as soon as they are known', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-faults-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const digest = (c: string) => `sha256:${c.repeat(64)}`;

  function stage(docker: DockerAdapter, extra: Partial<SmokeStageInput> = {}) {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: { name: o/m }\nsmoke:\n  suites: [custom]\n  tests:\n    - { name: one, command: ["true"] }\n    - { name: two, command: [sleep, "9"] }\n',
    );
    const loaded = loadConfig({ cwd: dir, file: 'ml-image.yml' });
    const plan = {
      variants: [{ name: 'cpu', kind: 'cpu', platforms: ['linux/amd64', 'linux/arm64'] }],
    } as unknown as Plan;
    const build: BuildResult = {
      schemaVersion: 1,
      variants: [
        {
          variant: 'cpu',
          repository: 'localhost:5000/o/m',
          platforms: [
            { platform: 'linux/amd64', digest: digest('a'), durationMs: 1, attempts: 1, metadata: {} },
            { platform: 'linux/arm64', digest: digest('b'), durationMs: 1, attempts: 1, metadata: {} },
          ],
        },
      ],
    } as unknown as BuildResult;
    const lines: string[] = [];
    const io: PipelineIo = {
      docker: () => docker,
      env: {},
      progress: (_s, l) => lines.push(l),
      error: (m) => lines.push(`error: ${m}`),
      warning: (m) => lines.push(`warning: ${m}`),
    };
    return {
      lines,
      run: () =>
        runSmokeStage(
          { plan, loaded, build, results: openResultDir(dir), gpus: 'none', imagesDir, ...extra },
          io,
        ),
    };
  }

  const file = (kind: 'env' | 'smoke' | 'junit' | 'smoke-key', arch: string) =>
    path.join(dir, resultFile(kind, 'cpu', `linux/${arch}`));

  it('the daemon going away in the second target: the first target is complete, the second keeps what finished', async () => {
    const docker = fakeDocker({
      inspectImage: async (ref) => ({
        ...details,
        architecture: ref.includes(digest('b')) ? 'arm64' : 'amd64',
      }),
      runContainer: async (spec) => {
        if (spec.labels?.['io.github.ml-image-action.stage'] === 'capture')
          return ok(JSON.stringify(makeRecord({ platform: spec.platform ?? 'linux/amd64' })));
        if (spec.platform === 'linux/arm64' && spec.entrypoint?.[0] === 'sleep')
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        return ok('');
      },
    });
    const { run, lines } = stage(docker, {
      runner: { name: 'gpu-h100-3' },
      now: () => new Date('2026-03-01T12:00:00Z'),
    });
    const e = await run().catch((x: unknown) => x);
    expect(exitCodeOf(e)).toBe(ExitCode.Environment);
    expect((e as Error).message).toBe('the Docker daemon went away during custom:two: socket hang up');
    // The first target: every file, with the reuse key.
    for (const k of ['env', 'smoke', 'junit', 'smoke-key'] as const)
      expect(existsSync(file(k, 'amd64')), k).toBe(true);
    // The second: its record and the tests that ran (the interrupted one failed), never a reuse key.
    const partial = SmokeResultSchema.parse(JSON.parse(readFileSync(file('smoke', 'arm64'), 'utf8')));
    // Stamped as a whole result is: an attest job after this one names where and when they ran.
    expect([partial.runner?.name, partial.finishedAt]).toEqual(['gpu-h100-3', '2026-03-01T12:00:00.000Z']);
    expect(partial.tests.map((t) => [t.id, t.status])).toEqual([
      ['custom:one', 'pass'],
      ['custom:two', 'fail'],
    ]);
    expect(existsSync(file('env', 'arm64'))).toBe(true);
    expect(readFileSync(file('junit', 'arm64'), 'utf8')).toContain(
      'the Docker daemon went away during custom:two',
    );
    expect(existsSync(file('smoke-key', 'arm64'))).toBe(false);
    expect(lines.some((l) => /linux\/arm64: stopped after 2 test\(s\)/.test(l))).toBe(true);
  });

  it('SIGINT while a test runs (its container removed: 137): interrupted, exit 130, the results so far without a reuse key', async () => {
    const docker = fakeDocker({
      inspectImage: async () => details,
      runContainer: async (spec) => {
        if (spec.labels?.['io.github.ml-image-action.stage'] === 'capture')
          return ok(JSON.stringify(makeRecord({ platform: spec.platform ?? 'linux/amd64' })));
        if (spec.entrypoint?.[0] !== 'sleep') return ok('');
        markInterrupted('SIGINT'); // the signal came while it ran; the cleanup removed it
        return ok('', '', 137);
      },
    });
    const { run } = stage(docker);
    try {
      const e = await run().catch((x: unknown) => x);
      expect(exitCodeOf(e)).toBe(130);
      expect((e as Error).message).toMatch(/^interrupted by SIGINT: .* \(during custom:two\)$/);
    } finally {
      clearInterruptedForTests();
    }
    const partial = SmokeResultSchema.parse(JSON.parse(readFileSync(file('smoke', 'amd64'), 'utf8')));
    expect(partial.tests.map((t) => [t.id, t.status])).toEqual([
      ['custom:one', 'pass'],
      ['custom:two', 'fail'],
    ]);
    // Never reused: a later run tests the image again.
    expect(existsSync(file('smoke-key', 'amd64'))).toBe(false);
  });

  it('each new result says when and on which runner its suites ran (the smoke attestation repeats it)', async () => {
    const docker = fakeDocker({
      inspectImage: async (ref) => ({
        ...details,
        architecture: ref.includes(digest('b')) ? 'arm64' : 'amd64',
      }),
      runContainer: async (spec) =>
        spec.labels?.['io.github.ml-image-action.stage'] === 'capture'
          ? ok(JSON.stringify(makeRecord({ platform: spec.platform ?? 'linux/amd64' })))
          : ok(''),
    });
    const runner = { name: 'gpu-h100-3', os: 'Linux', arch: 'X64' };
    const { run } = stage(docker, { runner, now: () => new Date('2026-03-01T12:00:00Z') });
    const { entries } = await run();
    for (const arch of ['amd64', 'arm64']) {
      const written = SmokeResultSchema.parse(JSON.parse(readFileSync(file('smoke', arch), 'utf8')));
      expect(written.finishedAt, arch).toBe('2026-03-01T12:00:00.000Z');
      expect(written.runner, arch).toEqual(runner);
    }
    expect(entries.map((e) => e.result.runner?.name)).toEqual(['gpu-h100-3', 'gpu-h100-3']);
    // Off a runner (no RUNNER_* variables): a time, and no empty runner object.
    rmSync(file('smoke', 'amd64'));
    await stage(docker, { runner: {} }).run();
    const local = SmokeResultSchema.parse(JSON.parse(readFileSync(file('smoke', 'amd64'), 'utf8')));
    expect(local.runner).toBeUndefined();
    expect(Date.parse(local.finishedAt ?? '')).not.toBeNaN();
  });

  it("a record whose pip package list is incomplete (the probe left a distribution out): that target's capture warns, the other's does not", async () => {
    const leftOut = '/usr/lib/python3/dist-packages/x-1.0.dist-info left out: OSError: boom';
    const docker = fakeDocker({
      inspectImage: async (ref) => ({
        ...details,
        architecture: ref.includes(digest('b')) ? 'arm64' : 'amd64',
      }),
      runContainer: async (spec) => {
        if (spec.labels?.['io.github.ml-image-action.stage'] !== 'capture') return ok('');
        const record = makeRecord({ platform: spec.platform ?? 'linux/amd64' });
        if (spec.platform === 'linux/arm64') record.errors = [{ field: 'python.packages', error: leftOut }];
        return ok(JSON.stringify(record));
      },
    });
    const { run, lines } = stage(docker);
    await run();
    expect(lines.filter((l) => l.startsWith('warning:'))).toEqual([
      expect.stringMatching(
        new RegExp(`^warning: .*linux/arm64.*: the pip package list is incomplete: ${leftOut}$`),
      ),
    ]);
  });

  it('a target whose capture fails costs the others nothing (the stage reports it at the end)', async () => {
    const docker = fakeDocker({
      inspectImage: async () => details,
      runContainer: async (spec) => {
        if (spec.labels?.['io.github.ml-image-action.stage'] === 'capture')
          return spec.platform === 'linux/amd64'
            ? ok('', NOT_FOUND('python3'), 127)
            : ok(JSON.stringify(makeRecord({ platform: 'linux/arm64' })));
        return ok('');
      },
    });
    const { run } = stage(docker);
    const { entries, errors } = await run();
    expect(errors).toEqual([expect.stringMatching(/^cpu linux\/amd64: .*has no python3/)]);
    expect(entries.map((x) => x.platform)).toEqual(['linux/arm64']);
    expect(existsSync(file('smoke-key', 'arm64'))).toBe(true);
    expect(existsSync(file('env', 'amd64'))).toBe(false);
  });

  it("a target that cannot be tested leaves no earlier image's results behind (the attest stage and the report read them)", async () => {
    // An earlier run into the same directory tested another image of this target: all passed.
    const earlier = openResultDir(dir);
    const old = `localhost:5000/o/m@${digest('f')}`;
    earlier.writeEnv('cpu', 'linux/amd64', makeRecord({ ref: old }));
    earlier.writeSmoke('cpu', 'linux/amd64', {
      schemaVersion: 1,
      image: old,
      platform: 'linux/amd64',
      gpus: 'none',
      tests: [],
      summary: { pass: 1, fail: 0, skip: 0, durationMs: 1 },
    });
    earlier.writeSmokeKey('cpu', 'linux/amd64', `${digest('f')} ${'0'.repeat(64)}`);
    for (const k of ['env', 'smoke', 'junit', 'smoke-key'] as const)
      expect(existsSync(file(k, 'amd64'))).toBe(true);
    const docker = fakeDocker({
      inspectImage: async () => details,
      runContainer: async (spec) => {
        if (spec.labels?.['io.github.ml-image-action.stage'] === 'capture')
          return spec.platform === 'linux/amd64'
            ? ok('', NOT_FOUND('python3'), 127)
            : ok(JSON.stringify(makeRecord({ platform: 'linux/arm64' })));
        return ok('');
      },
    });
    const { errors } = await stage(docker).run();
    expect(errors).toEqual([expect.stringMatching(/^cpu linux\/amd64: /)]);
    for (const k of ['env', 'smoke', 'junit', 'smoke-key'] as const)
      expect(existsSync(file(k, 'amd64')), k).toBe(false);
    expect(existsSync(file('smoke', 'arm64'))).toBe(true);
  });
});
