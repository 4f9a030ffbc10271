import { describe, expect, it } from 'vitest';
import { classifyFailure, failureRules } from '../../src/smoke/classify.js';
import { lacksProgram, lacksPython, timedOutReason } from '../../src/smoke/output.js';
import { type SmokeResult, type SmokeTest, toJUnit } from '../../src/smoke/result.js';
import path from 'node:path';
import type { ContainerRunSpec } from '../../src/docker/adapter.js';
import { bundledBaseline } from '../../src/smoke/baselines.js';
import { SMOKE_TIMEOUT_ENV } from '../../src/smoke/batch.js';
import { runSmoke, type SmokeInput } from '../../src/smoke/run.js';
import { diffSmoke } from '../../src/diff/smoke.js';
import { readSuiteLine } from '../../src/smoke/suites.js';
import { REPO_ROOT } from '../helpers/docker-env.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';

describe('failure classifier', () => {
  it.each([
    [
      'docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]].',
      'no-gpu-runtime',
    ],
    [
      'nvidia-container-cli: requirement error: unsatisfied condition: cuda>=12.8, please update your driver',
      'cuda-requirement-unsatisfied',
    ],
    [
      'RuntimeError: CUDA error: CUDA driver version is insufficient for CUDA runtime version',
      'driver-insufficient',
    ],
    ['The NVIDIA driver on your system is too old (found version 11040).', 'driver-too-old'],
    ['RuntimeError: CUDA error: no kernel image is available for execution on the device', 'no-kernel-image'],
    ['NCCL WARN Error while creating shared memory segment /dev/shm/nccl-abc (size 9637888)', 'nccl-shm'],
    ['Failed to initialize NVML: Unknown Error', 'nvml'],
    [
      'A module that was compiled using NumPy 1.x cannot be run in\nNumPy 2.0.0 as it may crash.',
      'numpy2-abi',
    ],
    [
      'ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header',
      'numpy-dtype-size',
    ],
    [
      'OSError: libcublas.so.12: cannot open shared object file: No such file or directory',
      'cuda-library-missing',
    ],
    ['RuntimeError: DataLoader worker (pid 42) is killed by signal: Bus error.', 'dataloader-shm'],
    ["PermissionError: [Errno 13] Permission denied: '/cache/huggingface/hub'", 'cache-permission'],
    ["ModuleNotFoundError: No module named 'cv2'", 'module-missing'],
    ['exec: "python3": executable file not found in $PATH', 'no-python'],
    ['img has no python3: the smoke suites need python3 in the image', 'no-python'],
    ['exec: "nvidia-smi": executable file not found in $PATH', 'command-not-found'],
    ['sh: 1: hello_ml: not found', 'command-not-found'],
    ['bash: hello_ml: command not found', 'command-not-found'],
  ])('%s', (output, id) => {
    expect(classifyFailure(output)?.id).toBe(id);
  });

  it('stays linear on 1 MB of hostile output (bounded patterns, no backtracking blow-up)', () => {
    expect(classifyFailure('NCCL WARN '.repeat(100_000))).toBeUndefined();
    expect(classifyFailure('libcudart'.repeat(100_000))).toBeUndefined();
    expect(classifyFailure(`${'NCCL WARN x\n'.repeat(50_000)}NCCL WARN no shm left`)?.id).toBe('nccl-shm');
  });

  it('leaves unknown failures unclassified, and every rule has a source', () => {
    expect(classifyFailure('AssertionError: 1 != 2')).toBeUndefined();
    for (const { rule } of failureRules()) expect(rule.source).toMatch(/^https:\/\//);
  });
});

describe('JUnit XML', () => {
  const result: SmokeResult = {
    schemaVersion: 1,
    image: 'img:<1>',
    platform: 'linux/amd64',
    gpus: 'none',
    tests: [
      { id: 'train', suite: 'train', status: 'pass', durationMs: 1500, metrics: { loss_end: 0.1 } },
      { id: 'gpu', suite: 'gpu', status: 'skip', reason: 'no GPU', durationMs: 0, metrics: {} },
      {
        id: 'imports',
        suite: 'imports',
        status: 'fail',
        reason: 'cannot import "cv2" & <x>',
        output: 'line\u0001with control',
        durationMs: 10,
        metrics: {},
        cause: { id: 'm', cause: 'c', fix: 'f', source: 'https://x', match: 'm' },
      },
    ],
    summary: { pass: 1, fail: 1, skip: 1, durationMs: 1510 },
  };

  it('has one testcase per test, with skipped and failure elements, everything escaped', () => {
    const x = toJUnit(result);
    expect(x).toContain('<testsuites name="ml-image smoke" tests="3" failures="1" skipped="1" time="1.510">');
    expect(x).toContain('<testsuite name="img:&lt;1&gt; linux/amd64"');
    expect(x).toContain('<skipped message="no GPU"/>');
    expect(x).toContain(
      '<failure message="cannot import &quot;cv2&quot; &amp; &lt;x&gt; | cause: c | fix: f">linewith control</failure>',
    );
    expect(x).toContain('<property name="loss_end" value="0.1"/>');
    // eslint-disable-next-line no-control-regex -- checking that none is left
    expect(x).not.toMatch(/[\u0000-\u0008]/);
  });

  it('is XML 1.0 text even when the output holds U+FFFE, U+FFFF or a lone surrogate; object metrics are JSON', () => {
    const failing: SmokeTest = {
      id: 'custom:x',
      suite: 'custom',
      status: 'fail',
      reason: 'bad \uFFFF reason',
      output: 'a\uFFFEb\uFFFFc\uD800d\uDC00e \u{1F600} \uD83D\uDE00 f',
      durationMs: 1,
      metrics: { gpu: { name: 'H200', count: 8 }, names: ['A', 'B,C'], lone: '\uDFFF', n: 3 },
    };
    const x = toJUnit({ ...result, tests: [failing], summary: { pass: 0, fail: 1, skip: 0, durationMs: 1 } });
    // XML 1.0's Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    expect(x).toMatch(/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u);
    // what is allowed is kept: a pair of surrogates is one character
    expect(x).toContain('<failure message="bad  reason">abcde \u{1F600} \u{1F600} f</failure>');
    expect(x).toContain(
      '<property name="gpu" value="{&quot;name&quot;:&quot;H200&quot;,&quot;count&quot;:8}"/>',
    );
    expect(x).toContain('<property name="names" value="[&quot;A&quot;,&quot;B,C&quot;]"/>');
    expect(x).toContain('<property name="lone" value=""/>');
    expect(x).toContain('<property name="n" value="3"/>');
    expect(x).not.toContain('[object Object]');
  });

  // Finding: an attribute's raw line breaks and tabs come back from a parser as spaces (attribute
  // value normalisation), and a raw CR in content as LF: a reason's lines ran together.
  it('keeps line breaks and tabs in attributes, and a CR in the output, as character references', () => {
    const t = (over: Partial<SmokeTest>): SmokeTest => ({
      id: 'x',
      suite: 's',
      status: 'fail',
      durationMs: 1,
      metrics: {},
      ...over,
    });
    const x = toJUnit({
      ...result,
      tests: [
        t({ reason: 'line1\nline2\tcol\r\nline3', output: 'o1\r\no2\rprogress' }),
        t({ id: 'y', status: 'skip', reason: 'no GPU\nsecond line', metrics: { m: 'x\ny' } }),
      ],
      summary: { pass: 0, fail: 1, skip: 1, durationMs: 2 },
    });
    expect(x).toContain(
      '<failure message="line1&#10;line2&#9;col&#13;&#10;line3">o1&#13;\no2&#13;progress</failure>',
    );
    expect(x).toContain('<skipped message="no GPU&#10;second line"/>');
    expect(x).toContain('<property name="m" value="x&#10;y"/>');
    // Each element still on its own line: the document's own line breaks are raw.
    expect(x.split('\n').filter((l) => l.includes('<testcase '))).toHaveLength(2);
  });
});

describe('--gpus auto', () => {
  it.each([
    [{ runtimes: ['runc', 'nvidia'], cdiSpecDirs: [], cdiDevices: [] }, 'all'],
    [{ runtimes: ['runc'], cdiSpecDirs: ['/etc/cdi'], cdiDevices: ['nvidia.com/gpu=all'] }, 'all'],
    [{ runtimes: ['runc'], cdiSpecDirs: ['/etc/cdi', '/var/run/cdi'], cdiDevices: [] }, 'none'],
    [{ runtimes: ['runc', 'io.containerd.runc.v2'], cdiSpecDirs: [], cdiDevices: [] }, 'none'],
  ])('%j -> %s', async (features, expected) => {
    const { resolveGpus } = await import('../../src/smoke/run.js');
    const { fakeDocker } = await import('../helpers/fakes.js');
    expect(await resolveGpus('auto', fakeDocker({ daemonFeatures: async () => features }))).toBe(expected);
    expect(await resolveGpus('none', fakeDocker())).toBe('none');
  });
});

describe('container outcomes', () => {
  it.each([
    [127, 'exec: "nope": executable file not found in $PATH', true, false],
    [127, 'sh: 1: nope: not found', true, false],
    [126, 'exec: "python3": executable file not found in $PATH', true, true],
    [127, '/bin/sh: python3: not found', true, true],
    [1, 'exec: "nope": executable file not found in $PATH', false, false],
    [127, 'something else went wrong', false, false],
  ])('exit %i with %j: program missing %s, python missing %s', (exitCode, stderr, program, py) => {
    expect(lacksProgram({ exitCode, stderr })).toBe(program);
    expect(lacksPython({ exitCode, stderr })).toBe(py);
  });
  it('says how long a test may run', () => {
    expect(timedOutReason(90_000)).toBe(
      'timed out after 90s (the container was removed); a test that needs longer: raise smoke.timeoutSeconds in ml-image.yml (ml-image smoke: --timeout)',
    );
  });
});

describe("a suite's result line", () => {
  const base = (): SmokeTest => ({ id: 'x', suite: 'imports', status: 'fail', durationMs: 1, metrics: {} });
  const outcome = (stdout: string, stderr = '') => ({ exitCode: 0, stdout, stderr, timedOut: false });
  it.each([
    [
      'pass',
      '{"status": "pass", "reason": "", "metrics": {"modules": 3}}',
      { status: 'pass', metrics: { modules: 3 } },
    ],
    [
      'skip',
      'noise\n{"status": "skip", "reason": "no CUDA device visible"}',
      { status: 'skip', reason: 'no CUDA device visible', metrics: {} },
    ],
    [
      'no result',
      'Traceback ...',
      { status: 'fail', reason: 'the suite exited 0 without a result', output: 'Traceback ...' },
    ],
    [
      'unknown status',
      '{"status": "maybe"}',
      { status: 'fail', reason: 'the suite exited 0 without a result' },
    ],
    [
      'metrics not an object',
      '{"status": "pass", "metrics": [1]}',
      { status: 'fail', reason: 'the suite exited 0 without a result' },
    ],
    [
      'after output printed without a newline',
      'Loading weights...{"status": "pass", "reason": "", "metrics": {"modules": 3}}\n',
      { status: 'pass', metrics: { modules: 3 } },
    ],
    [
      'glued, compact JSON, a "status" in its details',
      'x{"status":"fail","reason":"r","details":[{"dist":"d","error":"{\\"status\\": 1}"}]}',
      { status: 'fail', reason: 'r' },
    ],
    [
      'followed by what a module prints at exit (and C stdio)',
      '\n{"status": "pass", "reason": "", "metrics": {"modules": 1}}\nbye from atexit\nlibfoo: done',
      { status: 'pass', metrics: { modules: 1 } },
    ],
    [
      'a non-finite metric as null (the script writes no NaN)',
      '\n{"status": "fail", "reason": "the loss is not finite: nan at step 7 of 50", "metrics": {"loss_end": null}}\n',
      { status: 'fail', reason: 'the loss is not finite: nan at step 7 of 50', metrics: { loss_end: null } },
    ],
    [
      'NaN (not JSON)',
      '{"status": "pass", "reason": "", "metrics": {"loss_end": NaN}}',
      { status: 'fail', reason: 'the suite exited 0 without a result' },
    ],
    [
      "a module's look-alike before the result",
      '{"status": "fail", "reason": "from a module"}\n{"status": "pass", "reason": ""}\n',
      { status: 'pass' },
    ],
    [
      'the last look-alike is no result: an earlier line is not taken for it',
      '{"status": "pass", "reason": ""}\n{"status": "done"}\n',
      { status: 'fail', reason: 'the suite exited 0 without a result' },
    ],
  ] as const)('%s', (_name, stdout, expected) => {
    const t = base();
    readSuiteLine(t, outcome(stdout));
    expect(t).toMatchObject(expected);
  });
  it('keeps the failing imports as lines for the classifier', () => {
    const t = base();
    const line = JSON.stringify({
      status: 'fail',
      reason: 'cannot import cv2 (opencv-python)',
      details: [
        { dist: 'numpy', module: 'numpy', ms: 3 },
        { dist: 'opencv-python', module: 'cv2', error: 'ImportError: libGL.so.1' },
      ],
    });
    readSuiteLine(t, outcome(line, 'warn'));
    expect(t.status).toBe('fail');
    expect(t.output).toBe('cv2 (opencv-python): ImportError: libGL.so.1\nwarn');
  });
  // Each result start tried parses the rest of its line: all of them made reading quadratic, and
  // an image printing `{"status":` 20,000 times on one line (200 kB) held the smoke stage 8 s (a
  // 32 MiB stdout, days). Only the last few starts of the line are tried.
  it.each([
    ['20,000 nested starts', '{"status":'.repeat(20_000), { status: 'fail' }],
    ['20,000 starts of lists', '{"status":['.repeat(20_000), { status: 'fail' }],
    [
      '20,000 starts, then the result',
      `${'{"status":'.repeat(20_000)}\n{"status": "pass", "reason": ""}`,
      { status: 'pass' },
    ],
    [
      'a result after 20,000 starts on its line',
      `${'{"status":'.repeat(20_000)}{"status": "pass"}`,
      { status: 'pass' },
    ],
    // Found by smoke-output-fuzz.test.ts: metrics nested 100,000 deep overflowed the stack of the
    // result's redaction (an internal error); deeper than a record may be (64), it is no result.
    [
      'metrics nested 100,000 lists deep',
      `{"status": "pass", "metrics": {"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
      { status: 'fail', reason: 'the suite exited 0 without a result' },
    ],
  ] as const)("a line of the image's with %s is read", (_name, stdout, expected) => {
    const t = base();
    readSuiteLine(t, outcome(stdout));
    expect(t).toMatchObject(expected);
  });
});

describe('what each suite container is handed: floors and the CUDA requirement', () => {
  /** The smoke script's arguments per suite (after python3 -c BOOT SCRIPT_B64), for one run. */
  async function argsOf(gpus: 'all' | 'none', requireGpu = false, over: Partial<SmokeInput> = {}) {
    const seen: Record<string, string[]> = {};
    const docker = fakeDocker({
      inspectImage: () => Promise.resolve(imageDetails()),
      runContainer: (spec: ContainerRunSpec) => {
        // python3 -c BOOT SCRIPT SUITE ARGS...: the compute suite runs twice (cpu, then cuda).
        const [suite, ...args] = spec.cmd.slice(3);
        const key = suite === 'compute' ? `compute-${args[0]}` : suite!;
        seen[key] = key.startsWith('compute-') ? args.slice(1) : args;
        return Promise.resolve({
          containerId: 'c',
          exitCode: 0,
          timedOut: false,
          stdout: '{"status": "pass", "reason": "", "metrics": {}}\n',
          stderr: '',
          durationMs: 1,
        });
      },
    });
    const result = await runSmoke(
      {
        image: 'img',
        suites: ['gpu', 'compute', 'train', 'ddp'],
        gpus,
        requireGpu,
        distributions: [],
        tests: [],
        driverFloor: '525.60.13',
        timeoutMs: 10_000,
        imagesDir: path.join(REPO_ROOT, 'images'),
        baseline: bundledBaseline(),
        ...over,
      },
      { docker },
    );
    return { seen, result };
  }

  it('--gpus all: gpu --require, compute cuda and ddp with the floors table, train and ddp --cuda', async () => {
    const { seen } = await argsOf('all');
    expect(seen.gpu).toEqual(['525.60.13', '--require']);
    expect(seen.train).toEqual(['0.5', '--cuda']);
    expect(seen['compute-cpu']).toEqual([]);
    const computeGpu = seen['compute-cuda']!;
    expect(computeGpu[0]).toBe('--floors');
    expect(JSON.parse(computeGpu[1]!)).toEqual(bundledBaseline());
    expect(seen.ddp!.slice(0, 3)).toEqual(['auto', '--cuda', '--floors']);
    expect(JSON.parse(seen.ddp![3]!)).toEqual(bundledBaseline());
  });

  it('--gpus none: no GPU container, train and ddp on the CPU, no floors handed over', async () => {
    const { seen, result } = await argsOf('none');
    expect(seen.gpu).toBeUndefined();
    expect(seen['compute-cuda']).toBeUndefined();
    expect(seen['compute-cpu']).toEqual([]);
    expect(seen.train).toEqual(['0.5']);
    expect(seen.ddp).toEqual(['auto']);
    expect(result.tests.find((t) => t.id === 'gpu')).toMatchObject({ status: 'skip' });
    // compute-gpu is recorded as skipped (a GPU baseline then shows pass -> skip, not a test gone).
    expect(result.tests.find((t) => t.id === 'compute-gpu')).toEqual({
      id: 'compute-gpu',
      suite: 'compute',
      status: 'skip',
      reason: 'no GPU on this runner (run on a GPU runner, or --gpus all)',
      durationMs: 0,
      metrics: {},
    });
  });

  it('--gpus none with require-gpu: every GPU part fails (gpu, compute-gpu, train, ddp), none runs on the CPU in its place', async () => {
    const { result, seen } = await argsOf('none', true);
    const status = Object.fromEntries(result.tests.map((t) => [t.id, t.status]));
    expect(status).toEqual({
      gpu: 'fail',
      'compute-cpu': 'pass',
      'compute-gpu': 'fail',
      train: 'fail',
      ddp: 'fail',
    });
    for (const id of ['compute-gpu', 'train', 'ddp'])
      expect(result.tests.find((t) => t.id === id)!.reason).toBe(
        'no GPU on this runner, and require-gpu is set',
      );
    expect(Object.keys(seen)).toEqual(['compute-cpu']);
  });

  // The same without the gpu suite: require-gpu must not depend on it being listed.
  it('require-gpu without the gpu suite: compute-gpu, train and ddp fail', async () => {
    const { result } = await argsOf('none', true, { suites: ['compute', 'train', 'ddp'] });
    expect(result.summary.fail).toBe(3);
    expect(result.tests.filter((t) => t.status === 'fail').map((t) => t.id)).toEqual([
      'compute-gpu',
      'train',
      'ddp',
    ]);
  });

  // An image the stage gives no GPU whatever the run has (a cpu variant, an emulated platform).
  it.each([true, false])(
    'gpuWithheld (require-gpu %s): the GPU parts are skipped with the reason, train and ddp run on the CPU',
    async (requireGpu) => {
      const why = 'linux/arm64 runs emulated on this linux/amd64 host: no GPU';
      const { result, seen } = await argsOf('none', requireGpu, { gpuWithheld: why });
      const status = Object.fromEntries(result.tests.map((t) => [t.id, t.status]));
      expect(status).toEqual({
        gpu: 'skip',
        'compute-cpu': 'pass',
        'compute-gpu': 'skip',
        train: 'pass',
        ddp: 'pass',
      });
      for (const id of ['gpu', 'compute-gpu'])
        expect(result.tests.find((t) => t.id === id)!.reason).toBe(why);
      expect(seen.train).toEqual(['0.5']);
      expect(seen.ddp).toEqual(['auto']);
    },
  );
});

describe('the test timeout goes to the smoke script (its ddp launcher stops within it)', () => {
  /** The environment of each smoke-script container (python3 -c BOOT SCRIPT SUITE ...), by suite. */
  async function envOf(suites: SmokeInput['suites']) {
    const seen: [string, Readonly<Record<string, string>> | undefined][] = [];
    const docker = fakeDocker({
      inspectImage: () => Promise.resolve(imageDetails()),
      runContainer: (spec: ContainerRunSpec) => {
        seen.push([spec.cmd[3]!, spec.env]);
        return Promise.resolve({
          containerId: 'c',
          exitCode: 0,
          timedOut: false,
          stdout: '{"status": "pass", "reason": "", "metrics": {}}\n',
          stderr: '',
          durationMs: 1,
        });
      },
    });
    await runSmoke(
      {
        image: 'img',
        suites,
        gpus: 'none',
        requireGpu: false,
        distributions: [],
        tests: [],
        timeoutMs: 90_000,
        imagesDir: path.join(REPO_ROOT, 'images'),
      },
      { docker },
    );
    return seen;
  }

  it('in the shared process: every container of the script', async () => {
    const seen = await envOf(['compute', 'train', 'ddp']);
    expect(seen.map(([suite]) => suite)).toEqual(['compute', 'train', 'ddp']);
    for (const [, env] of seen) expect(env?.[SMOKE_TIMEOUT_ENV]).toBe('90');
  });

  it('in a container of its own (a test outside the shared process)', async () => {
    // A suite named twice runs outside the shared process, each time in its own container.
    const seen = await envOf(['ddp', 'ddp']);
    expect(seen).toHaveLength(2);
    for (const [suite, env] of seen) {
      expect(suite).toBe('ddp');
      expect(env).toEqual({ [SMOKE_TIMEOUT_ENV]: '90' });
    }
  });
});

describe('a ddp run on one GPU (the script skips it: no all-reduce across GPUs)', () => {
  const SKIP_LINE =
    '{"status": "skip", "reason": "one GPU: no all-reduce across GPUs", "metrics": {"world": 1, "backend": "nccl"}}';

  it('is a skip with its reason and no busbw; against a passing base it is no regression and no metric change', async () => {
    const docker = fakeDocker({
      inspectImage: () => Promise.resolve(imageDetails()),
      runContainer: () =>
        Promise.resolve({
          containerId: 'c',
          exitCode: 0,
          timedOut: false,
          stdout: `${SKIP_LINE}\n`,
          stderr: '',
          durationMs: 1,
        }),
    });
    const head = await runSmoke(
      {
        image: 'img',
        suites: ['ddp'],
        gpus: 'all',
        requireGpu: true,
        distributions: [],
        tests: [],
        timeoutMs: 10_000,
        imagesDir: path.join(REPO_ROOT, 'images'),
      },
      { docker },
    );
    const ddp = head.tests.find((t) => t.id === 'ddp');
    expect(ddp).toMatchObject({ status: 'skip', reason: 'one GPU: no all-reduce across GPUs' });
    expect(ddp?.metrics).not.toHaveProperty('busbw_gbps');
    expect(head.summary).toMatchObject({ pass: 0, fail: 0, skip: 1 });

    const base: SmokeResult = {
      ...head,
      tests: [
        { id: 'ddp', suite: 'ddp', status: 'pass', durationMs: 1, metrics: { world: 1, busbw_gbps: 0 } },
      ],
      summary: { pass: 1, fail: 0, skip: 0, durationMs: 1 },
    };
    const d = diffSmoke(base, head);
    expect(d.tests).toEqual([
      expect.objectContaining({ id: 'ddp', from: 'pass', to: 'skip', regression: false }),
    ]);
    expect(d.regressions).toBe(0);
    expect(d.metrics).toEqual([]);
  });
});
