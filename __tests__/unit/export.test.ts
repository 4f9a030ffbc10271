// ml-image export: the Slurm and Kubernetes jobs as text and objects (headers, manifests, schema,
// arguments, bad input). Running the scripts (bash, dash, fake srun/python3) is
// __tests__/integration/export-scripts.test.ts: unit tests start no processes.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exportCommand } from '../../src/cli/commands/export.js';
import { CheckFailedError, InputError, MlImageError } from '../../src/errors.js';
import type { Signer, Verification } from '../../src/attest/cosign.js';
import { bundledBaseline } from '../../src/smoke/baselines.js';
import { SMOKE_TIMEOUT_ENV } from '../../src/smoke/batch.js';
import { ddpArgs, gpuArgs, trainArgs } from '../../src/smoke/suites.js';
import {
  EXPORT_MARKER,
  exportSteps,
  FLOORS_ARG,
  jobDeadlineSeconds,
  pinnedImage,
  pyxisImage,
  shellQuote,
  SMOKE_SCRIPT_MARKER,
} from '../../src/export/common.js';
import { checkJobName, jobNameFor } from '../../src/export/job-name.js';
import { k8sManifests, k8sYaml, type K8sOptions, plainYamlString, podScript } from '../../src/export/k8s.js';
import {
  EXCLUSIVE_GPUS_SHELL,
  NO_GPUS_SHELL,
  REMOVE_CONTAINER_SHELL,
  slurmDeadlineSeconds,
  slurmScript,
  slurmTime,
} from '../../src/export/slurm.js';
import { hideSecretsShell, secretNameEre } from '../../src/export/secret-env.js';
import { REDACTED, redactEnvValue } from '../../src/util/redact.js';
import { imageFromBuild } from '../../src/export/source.js';
import { variantFromPlan } from '../../src/plan/schema.js';
import type { BuildResult } from '../../src/build/result.js';
import { BUILD_FILE, openResultDir, PLAN_FILE } from '../../src/results/results.js';
import { captureIo, fakeDocker } from '../helpers/fakes.js';
import { k8sIssues } from '../helpers/k8s-schema.js';
import { type Loose, D, IMAGE, SMOKE_PY, HOSTILE, spec, slurm, k8s } from '../helpers/export-fixtures.js';
import { inputErrorOf } from '../helpers/errors.js';
import { CUDA_128, makePlan, planVariant } from '../helpers/plans.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const inputError = inputErrorOf;

describe('pinnedImage', () => {
  it.each([
    [`ghcr.io/acme/train@${D}`, 'ghcr.io', 'acme/train', `ghcr.io/acme/train@${D}`],
    [IMAGE, 'ghcr.io', 'acme/train', `ghcr.io/acme/train@${D}`],
    [`python@${D}`, 'docker.io', 'library/python', `python@${D}`],
    [`pytorch/pytorch:2.5-cuda12@${D}`, 'docker.io', 'pytorch/pytorch', `pytorch/pytorch@${D}`],
    [`localhost:5000/ml/img@${D}`, 'localhost:5000', 'ml/img', `localhost:5000/ml/img@${D}`],
    [`nvcr.io/nvidia/pytorch:25.03-py3@${D}`, 'nvcr.io', 'nvidia/pytorch', `nvcr.io/nvidia/pytorch@${D}`],
  ])('%s', (image, registry, repoPath, ref) => {
    expect(pinnedImage(image)).toEqual({ ref, registry, path: repoPath, digest: D });
  });

  it.each([
    [
      'ghcr.io/acme/train:v1',
      /--image "ghcr.io\/acme\/train:v1" has no @sha256:<64 hex> digest \(pin by digest\)/,
    ],
    ['ghcr.io/acme/train', /pin by digest/],
    // A cut-off digest, or another algorithm's: what the digest lacks (not "a tag can move").
    [
      `ghcr.io/acme/train@sha256:abc`,
      /^--image ".*" is not pinned by a whole digest: the digest has 3 hex digits/,
    ],
    [
      `ghcr.io/acme/train@sha512:${'a'.repeat(128)}`,
      /is not pinned by a whole digest: its digest is sha512:/,
    ],
    [`ghcr.io/ACME/train@${D}`, /not a valid image reference: the repository name must be lowercase/],
    [`ghcr.io/acme/tr ain@${D}`, /not a valid image reference: character " " is not allowed/],
    [`ghcr.io/acme/x';touch PWNED;'@${D}`, /not a valid image reference: character "'" is not allowed/],
    [`ghcr.io/acme/x:$(id)@${D}`, /not a valid image reference: character "\$" is not allowed/],
    [`ghcr.io/acme/x:-v1@${D}`, /not a valid image reference: expected NAME\[:TAG\]\[@DIGEST\]/],
  ])('rejects %j', (image, message) => {
    const e = inputError(() => pinnedImage(image));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(message);
  });

  it('says where a digest comes from', () => {
    const e = inputError(() => pinnedImage('a/b:c'));
    expect(e.message).toMatch(/or --from DIR \(from build\.json\)$/);
    expect(e.fix).toMatch(/ml-image build --out DIR" writes the digest to DIR\/build\.json/);
  });
});

describe('pyxisImage', () => {
  // Enroot's URI grammar (src/docker.sh, docker::_parse_uri), as POSIX classes in JS:
  const IMG = '[a-z0-9/._-]+';
  const REGISTRY_DIGEST = new RegExp(`^docker://([^#/@]+)#(${IMG})@(sha256:[A-Za-z0-9]+)$`);
  const HUB_DIGEST = new RegExp(`^docker://([^/#]+)/(${IMG})@(sha256:[A-Za-z0-9]+)$`);
  // Older 3.x releases: docker://[USER@][REGISTRY#]IMAGE[:TAG], TAG = [[:alnum:]._:-]+
  const LEGACY = new RegExp(`^docker://(([^#]+)#)?(${IMG})(:([A-Za-z0-9._:-]+))?$`);

  it.each([
    [`ghcr.io/acme/train@${D}`, `ghcr.io#acme/train@${D}`, REGISTRY_DIGEST],
    [`localhost:5000/ml/img@${D}`, `localhost:5000#ml/img@${D}`, REGISTRY_DIGEST],
    [`nvcr.io/nvidia/pytorch@${D}`, `nvcr.io#nvidia/pytorch@${D}`, REGISTRY_DIGEST],
    [`python@${D}`, `library/python@${D}`, HUB_DIGEST],
  ])('%s -> %s', (image, want, grammar) => {
    const got = pyxisImage(pinnedImage(image));
    expect(got).toBe(want);
    expect(`docker://${got}`).toMatch(grammar);
  });

  it.each([
    [`ghcr.io/acme/train@${D}`, `ghcr.io#acme/train:${D}`],
    [`python@${D}`, `library/python:${D}`],
  ])('legacy Enroot: %s -> digest in the tag slot', (image, want) => {
    const got = pyxisImage(pinnedImage(image), true);
    expect(got).toBe(want);
    const m = LEGACY.exec(`docker://${got}`);
    expect(m?.[5]).toBe(D);
  });
});

describe('exportSteps', () => {
  it.each([
    [
      'all suites, CPU only',
      spec(),
      [
        'imports:script',
        'pip-check:pip-check',
        'gpu:skip',
        'compute-cpu:script',
        'train:script',
        'ddp:script',
        'custom:skip',
      ],
    ],
    [
      'all suites, 8 GPUs',
      spec({ gpusPerNode: 8 }),
      [
        'imports:script',
        'pip-check:pip-check',
        'gpu:script',
        'compute-cpu:script',
        'compute-gpu:script',
        'train:script',
        'ddp:script',
        'custom:skip',
      ],
    ],
    [
      "two nodes: ddp through the job's own torchrun",
      spec({ nodes: 2, gpusPerNode: 8, suites: ['ddp', 'train'] }),
      ['ddp:ddp', 'train:script'],
    ],
    ['no requirements', spec({ suites: ['imports'], distributions: [] }), ['imports:skip']],
    [
      'order kept, repeats dropped',
      spec({ suites: ['ddp', 'train', 'ddp'] }),
      ['ddp:script', 'train:script'],
    ],
  ])('%s', (_name, s, want) => {
    expect(exportSteps(s).map((st) => `${st.id}:${st.kind}`)).toEqual(want);
  });

  it('passes the same arguments as the smoke stage (src/smoke/suites.ts): CUDA required, floors', () => {
    const steps = exportSteps(
      spec({ gpusPerNode: 1, driverFloor: '535.104', minLossDrop: 0.25, distributions: ['numpy', 'torch'] }),
    );
    const args = Object.fromEntries(steps.map((s) => [s.id, s.kind === 'script' ? s.args : s.kind]));
    expect(args).toMatchObject({
      imports: ['imports', 'numpy', 'torch'],
      gpu: ['gpu', '535.104', '--require'],
      'compute-cpu': ['compute', 'cpu'],
      'compute-gpu': ['compute', 'cuda', '--floors', FLOORS_ARG],
      train: ['train', '0.25', '--cuda'],
      ddp: ['ddp', '1', '--cuda', '--floors', FLOORS_ARG],
    });
    // The stage's own arguments for a run with GPUs: the same words (the floors as JSON there).
    const staged = { gpus: 'all' as const, requireGpu: false, driverFloor: '535.104', minLossDrop: 0.25 };
    expect(['gpu', ...gpuArgs(staged)]).toEqual(args.gpu);
    expect(['train', ...trainArgs(staged)]).toEqual(args.train);
    const ddp = ddpArgs({ ...staged, baseline: bundledBaseline() });
    expect(ddp.slice(1, 3)).toEqual(['--cuda', '--floors']);
    expect(JSON.parse(ddp[3]!)).toEqual(bundledBaseline());
  });

  it('on CPU only: nothing requires CUDA, no floors', () => {
    const args = exportSteps(spec()).flatMap((s) => (s.kind === 'script' ? s.args : []));
    expect(args).not.toContain('--cuda');
    expect(args).not.toContain('--require');
    expect(args).not.toContain(FLOORS_ARG);
    expect(exportSteps(spec()).find((s) => s.id === 'ddp')).toMatchObject({ args: ['ddp', '2'] });
  });

  it("whole nodes ('all'): ddp over every GPU the node shows, counted at run time", () => {
    expect(exportSteps(spec({ gpusPerNode: 'all' })).find((s) => s.id === 'ddp')).toMatchObject({
      args: ['ddp', 'auto', '--cuda', '--floors', FLOORS_ARG],
    });
    expect(exportSteps(spec({ gpusPerNode: 'all' })).map((s) => s.id)).toContain('compute-gpu');
  });
});

describe('limits and names', () => {
  it.each([
    [60, '00:01:00'],
    [61, '00:02:00'],
    [5100, '01:25:00'],
    [86400, '1-00:00:00'],
    [90061, '1-01:02:00'],
  ])('slurmTime(%i) = %s', (s, want) => expect(slurmTime(s)).toBe(want));

  it.each([
    ['every running step at its timeout plus one image pull', spec({ timeoutSeconds: 100 }), 5 * 100 + 900],
    ['skipped suites cost nothing', spec({ suites: ['gpu', 'custom'], timeoutSeconds: 100 }), 100 + 900],
    ['GPUs add compute-gpu and gpu', spec({ gpusPerNode: 2, timeoutSeconds: 10 }), 7 * 10 + 900],
  ])('jobDeadlineSeconds: %s', (_n, s, want) => expect(jobDeadlineSeconds(s)).toBe(want));

  // Each step may run its timeout, then `timeout --kill-after=60` waits that long before SIGKILL;
  // the import the same; the stop signal's lead (300s, which holds the container's removal: 180s +
  // 10s) and the 60s Slurm may send it early; 300s for srun and the rest.
  it.each([
    [
      'one running step',
      slurm({ suites: ['compute'], timeoutSeconds: 600 }),
      600 + 900 + 2 * 60 + 360 + 300,
      '00:38:00',
    ],
    [
      'CPU only: five running steps',
      slurm({ timeoutSeconds: 600 }),
      5 * 600 + 900 + 6 * 60 + 360 + 300,
      '01:22:00',
    ],
    [
      'GPUs on two nodes: seven',
      slurm({ nodes: 2, gpusPerNode: 8, timeoutSeconds: 600 }),
      7 * 600 + 900 + 8 * 60 + 360 + 300,
      '01:44:00',
    ],
    [
      'a day of suites',
      slurm({ suites: ['train'], timeoutSeconds: 86400 }),
      86400 + 900 + 2 * 60 + 360 + 300,
      '1-00:28:00',
    ],
  ])("slurmDeadlineSeconds, the job's --time: %s", (_n, o, seconds, time) => {
    expect(slurmDeadlineSeconds(o)).toBe(seconds);
    expect(seconds - jobDeadlineSeconds(o)).toBeGreaterThanOrEqual(60 * 2 + 360 + 300);
    expect(slurmScript(o)).toContain(`\n#SBATCH --time=${time}\n`);
  });

  const train = 'ghcr.io/acme/train@sha256:' + 'a'.repeat(64);
  it.each([
    [undefined, /^ml-image-smoke-[0-9a-f]{6}$/],
    ['cpu', /^ml-image-smoke-cpu-[0-9a-f]{6}$/],
    ['cuda12.8', /^ml-image-smoke-cuda12-8-[0-9a-f]{6}$/],
    ['--', /^ml-image-smoke-[0-9a-f]{6}$/],
    ['x'.repeat(80), new RegExp(`^ml-image-smoke-${'x'.repeat(30)}-[0-9a-f]{6}$`)],
    [`${'a'.repeat(29)}-b`, new RegExp(`^ml-image-smoke-${'a'.repeat(29)}-[0-9a-f]{6}$`)],
  ])('jobNameFor(%j) is a job name: %s', (v, want) => {
    const name = jobNameFor(train, v);
    expect(name).toMatch(want);
    expect(checkJobName(name)).toBe(name);
  });

  it('jobNameFor keeps a repository and variant on one name and others apart', () => {
    // A re-export of the same repository and variant (another digest or tag) replaces its earlier Job.
    expect(jobNameFor('ghcr.io/acme/train:v2@sha256:' + 'b'.repeat(64), 'cpu')).toBe(
      jobNameFor(train, 'cpu'),
    );
    // The registry's host in another case is the same repository.
    expect(jobNameFor('Ghcr.IO/acme/train@sha256:' + 'b'.repeat(64), 'cpu')).toBe(jobNameFor(train, 'cpu'));
    // Variants the slug folds together, and another repository's same variant, do not delete each other's Job.
    const names = [
      jobNameFor(train, 'cuda12.8'),
      jobNameFor(train, 'cuda12-8'),
      jobNameFor(train, 'cuda12_8'),
      jobNameFor(train, `${'x'.repeat(40)}-amd`),
      jobNameFor(train, `${'x'.repeat(40)}-nvidia`),
      jobNameFor('ghcr.io/other/train@sha256:' + 'a'.repeat(64), 'cuda12.8'),
      jobNameFor(train, undefined),
      jobNameFor('ghcr.io/other/train@sha256:' + 'a'.repeat(64), undefined),
    ];
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('shellQuote', () => {
  it.each([
    ['numpy', 'numpy'],
    ['535.104', '535.104'],
    ['', `''`],
    [`it's`, `'it'\\''s'`],
    ['a b', `'a b'`],
  ])('%j -> %s', (word, want) => expect(shellQuote(word)).toBe(want));
});

describe('slurmScript', () => {
  it('writes the #SBATCH header from the options', () => {
    const text = slurmScript(
      slurm({
        nodes: 4,
        gpusPerNode: 8,
        cpus: 32,
        name: 'smoke-cu128',
        partition: 'gpu',
        timeoutSeconds: 300,
      }),
    );
    const header = text.split('\n').filter((l) => l.startsWith('#SBATCH '));
    expect(header).toEqual([
      '#SBATCH --job-name=smoke-cu128',
      '#SBATCH --nodes=4',
      '#SBATCH --ntasks-per-node=1',
      '#SBATCH --gpus-per-node=8',
      '#SBATCH --cpus-per-task=32',
      // 7 steps at 300s and 60s each to be killed in, the import's 900s and 60s, the stop signal's
      // lead (300s, the container's removal in it) and 60s, and 300s for the rest: 4140s.
      '#SBATCH --time=01:09:00',
      // The stop signal, 300 s before the time limit: time for the container's removal.
      '#SBATCH --signal=B:USR1@300',
      '#SBATCH --output=ml-image-smoke-%j.out',
      '#SBATCH --partition=gpu',
    ]);
    // #SBATCH lines are read only before the first command.
    const firstCommand = text.split('\n').findIndex((l) => l !== '' && !l.startsWith('#'));
    expect(text.split('\n').lastIndexOf(header.at(-1)!)).toBeLessThan(firstCommand);
  });

  it('asks for no GPUs on a CPU cluster, and carries no floors', () => {
    const text = slurmScript(slurm());
    expect(text).not.toMatch(/^#SBATCH --gpus/m);
    expect(text).not.toContain('ML_IMAGE_FLOORS');
    expect(text).not.toContain('--cuda');
  });

  it("asks for whole nodes with 'all': --exclusive, torchrun counts each node's GPUs", () => {
    const text = slurmScript(slurm({ nodes: 2, gpusPerNode: 'all' }));
    expect(text).toMatch(/^#SBATCH --exclusive$/m);
    expect(text).not.toMatch(/^#SBATCH --gpus/m);
    expect(text).toContain('NPROC_PER_NODE=gpu');
    expect(text).toContain('export ML_IMAGE_DDP_CUDA=1');
  });

  // A job step gets the job's GRES "except those implicitly requested when a job is exclusive"
  // (srun(1), --gres): with ConstrainDevices=yes the steps of an --exclusive job see no GPU unless
  // each srun asks for them.
  it("with 'all', every srun asks for the node's GPUs, counted at run time (--gres=gpu:N)", () => {
    const text = slurmScript(slurm({ nodes: 2, gpusPerNode: 'all' }));
    expect(text).toContain(EXCLUSIVE_GPUS_SHELL);
    // Counted from Slurm's Gres of every node of the job, else this node's devices.
    expect(text).toContain('scontrol show node "$1"');
    expect(text).toContain(
      'for g_node in $(scontrol show hostnames "${SLURM_JOB_NODELIST:-}" 2> /dev/null); do',
    );
    expect(text).toContain('set -- /dev/nvidia[0-9]*');
    // Added to CONTAINER, which every srun (run_step and the ddp launch) passes.
    expect(text).toContain('CONTAINER+=(--gres="gpu:$GPUS")');
    const container = text.indexOf('CONTAINER=(');
    const gres = text.indexOf('CONTAINER+=(--gres=');
    expect(container).toBeGreaterThan(-1);
    expect(gres).toBeGreaterThan(container);
    expect(gres).toBeLessThan(text.indexOf('run_step() {'));
    // The import step, a suite step (run_step) and the multi-node ddp step; the container's removal
    // at the end runs on the nodes themselves, in no container, asking for no GPU.
    const sruns = text.split('\n').filter((l) => /\bsrun --/.test(l) && !l.includes('srun --help'));
    expect(sruns).toHaveLength(4);
    expect(sruns.filter((l) => l.includes('"${CONTAINER[@]}"'))).toHaveLength(3);
    expect(
      sruns.filter((l) => /srun --nodes="\$\{SLURM_NNODES:-1\}" --ntasks-per-node=1 sh -c/.test(l)),
    ).toHaveLength(1);
    // No GPU found: a clear message and exit 3, before any suite runs.
    expect(text).toMatch(/echo "ml-image: no GPU found on node \$GPU_NODE [^\n]*" >&2\n +exit 3 ;;/);
  });

  it.each([
    ['a number of GPUs', 8],
    ['no GPUs', 0],
  ])('with %s, the steps ask for nothing more (the job asked for its GPUs by name)', (_what, gpus) => {
    const text = slurmScript(slurm({ nodes: 2, gpusPerNode: gpus }));
    expect(text).not.toContain('--gres');
    expect(text).not.toContain('node_gpus');
  });

  it('runs the multi-node ddp suite through torchrun with a c10d rendezvous at the first node, by digest', () => {
    const text = slurmScript(slurm({ nodes: 2, gpusPerNode: 8 }));
    expect(text).toContain(`IMAGE='ghcr.io#acme/train@${D}'`);
    expect(text).toContain('--container-image="$IMAGE"');
    expect(text).toContain('MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)');
    expect(text).toMatch(/srun --nodes="\$SLURM_NNODES" --ntasks-per-node=1/);
    for (const flag of [
      '--nnodes="$SLURM_NNODES"',
      '--nproc_per_node="$NPROC_PER_NODE"',
      '--rdzv_backend=c10d',
      '--rdzv_endpoint="$MASTER_ADDR:$MASTER_PORT"',
      '--rdzv_id="$SLURM_JOB_ID"',
    ])
      expect(text).toContain(flag);
    expect(text).toContain('NPROC_PER_NODE=8');
    expect(text).toContain('/ml-image/ml_image_smoke.py ddp-worker');
    expect(text).not.toContain(':v1'); // the tag is dropped: only the digest decides
  });

  // Pyxis imports the image in the first srun that names the container: in a suite's step, the
  // import counted against that suite's --timeout (and against the ddp rendezvous of the nodes that
  // had imported it), and a step killed mid-import left the next one to import again.
  it.each([
    ['one node', slurm({ suites: ['imports', 'train'] }), '--nodes=1 --ntasks=1', 'the first node'],
    [
      'a multi-node ddp: every node',
      slurm({ nodes: 2, gpusPerNode: 8, suites: ['ddp', 'train'] }),
      '--nodes="$SLURM_NNODES" --ntasks-per-node=1',
      '$SLURM_NNODES node(s)',
    ],
  ])('imports the image in a step of its own before the first suite: %s', (_n, o, nodes, where) => {
    const text = slurmScript(o);
    const lines = text.split('\n');
    const importAt = lines.findIndex((l) => l.includes('srun ') && l.includes('"${CONTAINER[@]}" true'));
    expect(lines[importAt]).toBe(
      `  timeout --kill-after=60 "$IMPORT_TIMEOUT" "\${STEP_ENV[@]}" srun ${nodes} "\${CONTAINER[@]}" true`,
    );
    // Its own limit, the 15 minutes the job's --time allows for the import, unless the cluster says.
    expect(text).toContain('IMPORT_TIMEOUT=${ML_IMAGE_IMPORT_TIMEOUT:-900}');
    expect(text).toContain(`ml-image: importing the image on ${where} (at most \${IMPORT_TIMEOUT}s)`);
    // After CONTAINER is complete, before the first step that runs a suite.
    const firstSuite = lines.findIndex((l) => /^(run_step |in_step "\$RESULTS\/ddp\.out")/.test(l));
    expect(importAt).toBeGreaterThan(lines.findIndex((l) => l.startsWith('CONTAINER=(')));
    expect(importAt).toBeGreaterThan(lines.findIndex((l) => l.startsWith('run_step() {')));
    expect(firstSuite).toBeGreaterThan(importAt);
    expect(lines.filter((l) => l.includes('"${CONTAINER[@]}" true'))).toHaveLength(1);
    // A failed import ends the job before any suite, saying so (exit 3).
    const failed = text.slice(
      text.indexOf('if [ "$I_RC" != 0 ]; then'),
      text.indexOf('ml-image: image imported in'),
    );
    expect(failed).toContain(
      'ml-image: the image import did not finish within ${IMPORT_TIMEOUT}s: no suite ran',
    );
    expect(failed).toContain('ml-image: the image import failed (srun exited $I_RC): no suite ran');
    expect(failed).toMatch(/\n {2}exit 3\nfi\nprintf '%s\\n' "$/);
  });

  // Pyxis cannot mount it; the job checks the directory it finds at run time too (ML_IMAGE_EXPORT_DIR
  // or the submit directory), with the same characters: its bash pattern, read as a regex here.
  it.each([
    ['/a b', true],
    ['/a\tb', true],
    ['/a\nb', true],
    ['/a,b', true],
    ['/a:b', true],
    ['/shared/ml-smoke_1.0', false],
  ])('the job refuses an export directory %j at run time: %s (exit 2)', (found, refused) => {
    const text = slurmScript(slurm());
    const m =
      /^case \$EXPORT_DIR in\n {2}(\S+)\) printf '%s\\n' "ml-image: \$EXPORT_DIR: Pyxis cannot mount [^\n]*; exit 2 ;;\nesac$/m.exec(
        text,
      );
    expect(m?.[1]).toBe('*[,:[:space:]]*');
    const glob = new RegExp(`^${m![1]!.replace('[:space:]', '\\s').replace(/\*/g, '[^]*')}$`);
    expect(glob.test(found)).toBe(refused);
  });

  it.each([
    [
      'custom tests only',
      { suites: ['custom'], gpusPerNode: 1 },
      /custom: custom tests are not exported/,
      'imports,pip-check,gpu',
    ],
    [
      'gpu with no GPUs asked for',
      { suites: ['gpu'], gpusPerNode: 0 },
      /gpu: no GPUs requested/,
      'imports,pip-check',
    ],
    [
      'custom, and gpu with no GPUs',
      { suites: ['gpu', 'custom'], gpusPerNode: 0 },
      /\(gpu: no GPUs requested .*; custom: custom tests are not exported.*\): the job would run nothing/,
      'imports,pip-check',
    ],
  ] as const)('refuses a job whose every suite skips (exit 2): %s', (_n, over, reason, runs) => {
    for (const build of [() => slurmScript(slurm(over)), () => k8sManifests(k8s(over))]) {
      const e = inputError(build);
      expect(e.exitCode).toBe(2);
      expect(e.message).toMatch(/^no smoke suite to export: every suite .* would skip/);
      expect(e.message).toMatch(reason);
      // The fix names only suites these flags run (gpu was named with --gpus-per-node 0).
      expect(e.fix).toBe(
        `give --suites a suite that runs on the cluster (e.g. ${runs}); run custom tests with ml-image smoke`,
      );
    }
    // One suite that runs is a job.
    expect(slurmScript(slurm({ ...over, suites: [...over.suites, 'compute'] }))).toContain('compute');
  });

  // Pyxis' default container_scope=global keeps a named container (an unpacked image) on every node.
  it.each([
    ['one node', slurm({ suites: ['imports', 'compute'] })],
    ['two nodes, ddp across them', slurm({ nodes: 2, gpusPerNode: 'all', suites: ['gpu', 'ddp'] })],
  ])('removes the named container on every node when the job ends: %s', (_n, o) => {
    const text = slurmScript(o);
    expect(text).toContain('CONTAINER_NAME=ml-image-smoke-${SLURM_JOB_ID:-0}\n');
    expect(text).toContain('--container-name="$CONTAINER_NAME"');
    expect(text).toContain(REMOVE_CONTAINER_SHELL);
    // On each node of the job (the steps may have run on any), by both of Pyxis' names, each only
    // where enroot lists it; the trap is set before the first step that names the container.
    expect(REMOVE_CONTAINER_SHELL).toMatch(
      /timeout --kill-after=10 180 "\$\{STEP_ENV\[@\]\}" srun --nodes="\$\{SLURM_NNODES:-1\}" --ntasks-per-node=1 sh -c/,
    );
    expect(REMOVE_CONTAINER_SHELL).toContain(
      'sh "pyxis_$CONTAINER_NAME" "pyxis_${SLURM_JOB_ID:-0}_$CONTAINER_NAME"',
    );
    expect(REMOVE_CONTAINER_SHELL).toContain(
      'if enroot list 2> /dev/null | grep -qxF "$c"; then enroot remove -f "$c" > /dev/null',
    );
    expect(REMOVE_CONTAINER_SHELL).not.toContain('CONTAINER[@]');
    const trap = text.indexOf('\ntrap remove_container EXIT\n');
    expect(trap).toBeGreaterThan(text.indexOf('\nCONTAINER=('));
    expect(trap).toBeLessThan(text.indexOf('"${CONTAINER[@]}" true'));
    expect(text.match(/"\$\{CONTAINER\[@\]\}"/g)!.length).toBeGreaterThan(1);
  });

  it.each([
    ['a relative export directory', slurm({ exportDir: 'out' }), /--out: expected an absolute path/],
    ['a comma in the export directory', slurm({ exportDir: '/a,b' }), /--out: .*cannot be mounted by Pyxis/],
    ['a colon in the export directory', slurm({ exportDir: '/a:b' }), /--out: .*cannot be mounted/],
    ['a space in the export directory', slurm({ exportDir: '/a b' }), /--out: "\/a b" cannot be mounted/],
    ['a tab in the export directory', slurm({ exportDir: '/a\tb' }), /--out: "\/a\\tb" cannot be mounted/],
    ['a newline in the export directory', slurm({ exportDir: '/a\nb' }), /--out: .*or a blank/],
    ['a carriage return in the export directory', slurm({ exportDir: '/a\rb' }), /--out: .*or a blank/],
    ['a partition with a space', slurm({ partition: 'gpu; rm' }), /--partition/],
    ['an account with a quote', slurm({ account: `a'b` }), /--account/],
    ['a job name with a space', slurm({ name: 'my job' }), /--name: "my job"/],
    ['an image without a digest', slurm({ image: 'ghcr.io/acme/train:v1' }), /pin by digest/],
    ['zero nodes', slurm({ nodes: 0 }), /--nodes: expected a whole number from 1/],
    ['fractional GPUs', slurm({ gpusPerNode: 0.5 }), /--gpus-per-node/],
    [
      'no suites',
      slurm({ suites: [] }),
      /no smoke suite to run: --suites, else the config's smoke.suites, names none/,
    ],
    ['a driver floor with shell syntax', slurm({ driverFloor: '535;id' }), /driver floor/],
  ])('rejects %s (exit 2)', (_n, o, message) => {
    const e = inputError(() => slurmScript(o));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(message);
  });
});

// dash's echo (the /bin/sh of Debian and Ubuntu images, which runs the pod driver) turns the "\n" and
// "\\" of JSON strings into a line break and a backslash, and "\c" ends its output: a failing suite's
// result split over lines in the pod log. Data (JSON, paths, output) goes through printf '%s'.
describe('the job scripts print data with printf, never echo', () => {
  // What an echo may still print: a host name, a count.
  const PLAIN = ['1', '#', 'GPU_NODE', 'DEV_GPUS', 'GPUS'];
  const expansions = (line: string) =>
    [...line.matchAll(/\$(?:\{#?([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*|[0-9#])|(\())/g)].map(
      (m) => m[1] ?? m[2] ?? '$(',
    );
  it.each([
    ['run.sh, one pod with GPUs', podScript(k8s({ gpusPerNode: 2 }), 'x')],
    ['run.sh, two pods', podScript(k8s({ nodes: 2, gpusPerNode: 2 }), 'x')],
    ['job.sbatch, CPU only', slurmScript(slurm())],
    ['job.sbatch, two whole nodes', slurmScript(slurm({ nodes: 2, gpusPerNode: 'all' }))],
  ])('%s', (_n, text) => {
    const echoes = text.split('\n').filter((l) => /\becho\b/.test(l) && !/^\s*#/.test(l));
    expect(echoes.length).toBeGreaterThan(0);
    for (const line of echoes)
      for (const [, arg] of line.matchAll(/\becho\s+("(?:[^"\\]|\\.)*"|'[^']*'|[^\s;>|]+)/g))
        if (!arg!.startsWith("'")) for (const e of expansions(arg!)) expect(PLAIN, line).toContain(e);
  });

  it('the pod prints each result line with printf', () => {
    const text = podScript(k8s(), 'x');
    expect(text).toContain(`printf '%s%s\\n' 'ML_IMAGE_RESULT ' "$(cat "$RESULTS/$1.json")"`);
    expect(text).toContain(`printf 'ml-image: %s %s\\n' "$r_id" "$r_status"`);
    expect(text).toMatch(/printf '\{"status": "fail", [^\n]*"metrics": %s\}\\n' \\\n +"\$S_RC" "\$d_line"/);
  });
});

// sbatch exports the submitting shell's environment, srun hands it to the task and Pyxis sets it in
// the container: the job unsets the variables whose names look secret before any srun.
describe('Slurm: variables whose names look secret stay out of the image under test', () => {
  const ruleSays = (name: string) => redactEnvValue(name, 'plain') === REDACTED;
  // The ERE read by JavaScript: [^[:alpha:]] is [^A-Za-z] (the only POSIX class it uses).
  const ereSays = (name: string) => {
    const { ere, upper } = secretNameEre();
    return new RegExp(ere.replaceAll('[^[:alpha:]]', '[^A-Za-z]')).test(upper ? name.toUpperCase() : name);
  };
  it.each([
    ['HF_TOKEN', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['AWS_SESSION_TOKEN', true],
    ['GITHUB_TOKEN', true],
    ['WANDB_API_KEY', true],
    ['hf_token', true],
    ['Api_Key', true],
    ['GH_PAT', true],
    ['PAT', true],
    ['PAT2', true],
    ['DB_PASS', true],
    ['PASS', true],
    ['MYSQL_PASSWORD', true],
    ['PGPASSWD', true],
    ['GPG_PASSPHRASE', true],
    ['MYPASSPHRASE', true],
    ['GOOGLE_APPLICATION_CREDENTIALS', true],
    ['NPM_CONFIG__AUTH', true],
    ['SSH_AUTH_SOCK', true],
    ['MY_CREDS', true],
    ['SIGNING_PRIVATE_PEM', true],
    ['BROWSER_COOKIE', true],
    ['REQUEST_SIGNATURE', true],
    ['MYSQL_PWD', true],
    ['db_pwd', true],
    ['DB_PW', true],
    ['HF_TOKENIZER_TOKEN', true],
    ['HTTP_AUTHORIZATION', true],
    ['KEYRING_PASSWORD', true],
    ['PWD', false],
    ['OLDPWD', false],
    ['PGPWD', false],
    ['PATH', false],
    ['PATTERN', false],
    ['SPAT', false],
    ['COMPASS', false],
    ['PASSTHROUGH', false],
    ['HTTPS_PROXY', false],
    ['https_proxy', false],
    ['HOME', false],
    ['LANG', false],
    ['CUDA_VISIBLE_DEVICES', false],
    ['ML_IMAGE_SMOKE_TIMEOUT', false],
  ])('%s: secret %s, by the shared rule and by the job script', (name, secret) => {
    expect(ruleSays(name)).toBe(secret);
    expect(ereSays(name)).toBe(secret);
  });

  it('writes the rule as a POSIX ERE: PASS and PAT between non-letters, no lookaround', () => {
    const { ere, upper } = secretNameEre();
    expect(upper).toBe(true);
    expect(ere).toContain('(^|[^[:alpha:]])PAT([^[:alpha:]]|$)');
    expect(ere).toContain('(^|[^[:alpha:]])PASS(PHRASE)?([^[:alpha:]]|$)');
    expect(ere).toContain('[^[:alpha:]]PWD([^[:alpha:]]|$)');
    expect(ere).not.toContain('(?');
    expect(secretNameEre({ pattern: 'token|(?<![A-Za-z])pat', ignoreCase: false })).toEqual({
      ere: 'token|(^|[^[:alpha:]])pat',
      upper: false,
    });
    expect(hideSecretsShell({ pattern: 'token', ignoreCase: false })).toContain(
      '[[ ( -z $kept && ( $n =~ $SECRET_NAME_RE || ',
    );
  });

  it.each([
    ['\\bKEY'],
    ['[A-Z]KEY'],
    ['(?:KEY)'],
    ['KEY{2}'],
    ['(?<=X)KEY'],
    ['K.Y'],
    ['KEY~0'],
    ['KEY(?!A)*'],
  ])('refuses a rule it cannot write in ERE: %s', (pattern) => {
    expect(() => secretNameEre({ pattern, ignoreCase: true })).toThrow(/cannot express/);
  });

  // The rule's exceptions (TOKEN(?!IZERS?...), KEY(?!RING), (?<!UN)AUTH) only narrow it: the job
  // unsets a little more without them, never less.
  it('drops the negative lookarounds that are exceptions: the ERE matches at least what the rule does', () => {
    expect(
      secretNameEre({ pattern: '(?<!UN)AUTH(?!ORS?(?:_|$))|KEY(?!RING)|(?<![A-Za-z])PAT', ignoreCase: true }),
    ).toEqual({
      ere: 'AUTH|KEY|(^|[^[:alpha:]])PAT',
      upper: true,
    });
    for (const name of [
      'TOKENIZERS_PARALLELISM',
      'PIP_KEYRING_PROVIDER',
      'NODE_TLS_REJECT_UNAUTHORIZED',
      'GIT_AUTHOR_NAME',
    ]) {
      expect(ruleSays(name)).toBe(false);
      expect(ereSays(name)).toBe(true);
    }
  });

  it('unsets them after the #SBATCH lines, before any srun, never Slurm, Enroot, Pyxis or its own', () => {
    const text = slurmScript(slurm({ nodes: 2, gpusPerNode: 8 }));
    const lines = text.split('\n');
    const call = lines.indexOf('hide_secrets');
    expect(call).toBeGreaterThan(lines.findLastIndex((l) => l.startsWith('#SBATCH ')));
    expect(call).toBeLessThan(lines.findIndex((l) => /\bsrun\b/.test(l) && !l.startsWith('#')));
    expect(call).toBeLessThan(lines.findIndex((l) => l.startsWith('CONTAINER=(')));
    expect(text).toContain(`SECRET_NAME_RE='${secretNameEre().ere}'`);
    expect(text).toContain('for n in $names; do');
    expect(text).toContain('names=$(compgen -e)');
    expect(text).toContain(
      'case $n in SLURM_*|ML_IMAGE_*|ENROOT_*|PYXIS_*|NCCL_*|UCX_*|OMPI_*|PMIX_*|FI_*) kept=1 ;; *) kept= ;; esac',
    );
    // A kept name skips the name test, never the value test (SLURM_JWT holds a token).
    expect(text).toContain(
      '[[ ( -z $kept && ( ${n^^} =~ $SECRET_NAME_RE || $v =~ $SECRET_VALUE_RE || ${v^^} =~ $SECRET_VALUE_ICASE_RE ) ) || ( -n $kept && $v =~ $SECRET_KEPT_VALUE_RE ) ]] && unset -v "$n"',
    );
    // One line on stderr, the names only: a value is read into v once (${!n-}), tested, never printed.
    expect(text).toMatch(
      /printf '%s\\n' "ml-image: not passing \$count variable\(s\) whose names or values look secret into the image under test:\$hidden [^\n]*" >&2/,
    );
    expect(text.match(/\$\{!/g)).toEqual(['${!']);
    expect(text).toContain('    v=${!n-}\n');
    const uses = text.split('\n').filter((l) => /\$\{?v\b/.test(l));
    expect(uses).toEqual([
      expect.stringMatching(/^ {4}if \[\[ [^\n]* \]\] && unset -v "\$n"; then$/),
      expect.stringMatching(/^ {6}if \[\[ [^\n]* \]\]; then$/),
    ]);
    // What bash cannot unset (a name that is no identifier) is read from env -0 and kept out of every
    // srun by env -u: each srun that starts a task runs under STEP_ENV.
    expect(text).toContain('STEP_ENV+=(-u "$n")');
    const launches = lines.filter(
      (l) => /(^|\s)srun\s/.test(l) && !/^\s*#/.test(l) && !l.includes('srun --help'),
    );
    expect(launches.length).toBeGreaterThan(3);
    for (const l of launches) expect(l).toContain('"${STEP_ENV[@]}" srun ');
    // xtrace, where the job runs under it, is off while values are read, and back on after.
    expect(text).toContain('case $- in *x*) xtrace=1; set +x ;; esac');
    expect(text).toContain('if [ -n "$xtrace" ]; then set -x; fi');
  });
});

// No GPU asked for: a CUDA image's own NVIDIA_VISIBLE_DEVICES=all would give the steps the node's
// GPUs through Enroot's nvidia hook, unless --container-env (Pyxis >= 0.12) has the host's void win.
describe('Slurm, CPU only: the steps see no GPU', () => {
  it('sets NVIDIA_VISIBLE_DEVICES=void and has it win where srun knows --container-env, else says so', () => {
    const text = slurmScript(slurm({ gpusPerNode: 0 }));
    expect(text).toContain(NO_GPUS_SHELL);
    expect(NO_GPUS_SHELL).toContain('export NVIDIA_VISIBLE_DEVICES=void');
    // No "srun --help | grep -q": under pipefail srun's SIGPIPE would fail the test.
    expect(NO_GPUS_SHELL).toMatch(
      /case \$\(srun --help 2>&1\) in\n {2}\*--container-env\*\) CONTAINER\+=\(--container-env=NVIDIA_VISIBLE_DEVICES\) ;;\n {2}\*\) echo "ml-image: the GPUs of a node may be visible to this CPU-only run: [^\n]*Pyxis 0\.12 and later hide them\)" >&2 ;;\nesac/,
    );
    const at = text.indexOf('CONTAINER+=(--container-env=');
    expect(at).toBeGreaterThan(text.indexOf('CONTAINER=('));
    expect(at).toBeLessThan(text.indexOf('run_step() {'));
  });

  it.each([
    ['a number of GPUs', 8],
    ['whole nodes', 'all' as const],
  ])('with %s, leaves NVIDIA_VISIBLE_DEVICES alone', (_n, gpus) => {
    const text = slurmScript(slurm({ nodes: 2, gpusPerNode: gpus }));
    expect(text).not.toContain('NVIDIA_VISIBLE_DEVICES');
    expect(text).not.toContain('--container-env');
  });
});

describe('k8sManifests', () => {
  const docs = (o: K8sOptions) => k8sManifests(o);
  const job = (o: K8sOptions) => docs(o).find((d) => d.kind === 'Job') as Record<string, Loose>;
  const pod = (o: K8sOptions) => job(o).spec.template.spec;

  it.each([
    ['one CPU pod', k8s()],
    ['one pod with 8 GPUs', k8s({ gpusPerNode: 8 })],
    ['4 pods x 8 GPUs', k8s({ nodes: 4, gpusPerNode: 8, namespace: 'ml-smoke' })],
    [
      'node selector and tolerations',
      k8s({
        gpusPerNode: 1,
        nodeSelector: { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3' },
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'ml', effect: 'NoSchedule' }],
      }),
    ],
    ['hostile requirement names', k8s({ distributions: HOSTILE })],
    [
      "values that YAML 1.1 (kubectl's reader) takes for booleans and numbers",
      k8s({
        nodes: 2,
        name: 'y',
        namespace: 'n',
        nodeSelector: { gpu: 'yes', pool: 'off', size: '1_000', 'a/b': '0x1F' },
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'on', effect: 'NoSchedule' }],
      }),
    ],
  ])('validates as v1/batch-v1 objects: %s', (_n, o) => {
    const objects = docs(o);
    for (const obj of objects) expect(k8sIssues(obj)).toEqual([]);
    // The YAML file says the same as the objects, read by YAML 1.2 and by YAML 1.1 (kubectl).
    for (const version of ['1.2', '1.1'] as const) {
      const parsed = parseAllDocuments(k8sYaml(objects), { version }).map((d) => d.toJS() as unknown);
      expect(parsed).toEqual(objects);
    }
  });

  // On a node whose default runtime is nvidia, a CUDA image's own NVIDIA_VISIBLE_DEVICES=all gives
  // a pod that asked for no GPU every GPU; void keeps it off them (the export asked for none).
  it.each([
    [
      'no GPU: NVIDIA_VISIBLE_DEVICES=void, no GPU limit',
      0,
      [{ name: 'NVIDIA_VISIBLE_DEVICES', value: 'void' }],
    ],
    ['2 GPUs: the device plugin names them, nothing set', 2, []],
  ])('%s', (_what, gpus, extra) => {
    const c = pod(k8s({ gpusPerNode: gpus })).containers[0];
    expect(c.env).toEqual([
      { name: 'PYTHONUNBUFFERED', value: '1' },
      { name: 'PYTHONNOUSERSITE', value: '1' },
      { name: 'ML_IMAGE_NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      ...extra,
    ]);
    expect(c.resources.limits !== undefined).toBe(gpus > 0);
    // The YAML says it, as kubectl reads it (YAML 1.1: "void" stays a string).
    expect(k8sYaml(docs(k8s({ gpusPerNode: gpus }))).includes('value: void')).toBe(gpus === 0);
  });

  it('runs the image by digest with the Job settings a smoke run needs', () => {
    const o = k8s({ gpusPerNode: 2, timeoutSeconds: 100, name: 'smoke-cu128', namespace: 'ml' });
    const j = job(o);
    expect(j.metadata).toMatchObject({ name: 'smoke-cu128', namespace: 'ml' });
    expect(j.spec).toMatchObject({
      backoffLimit: 0,
      ttlSecondsAfterFinished: 86400,
      activeDeadlineSeconds: jobDeadlineSeconds(o),
    });
    expect(j.spec.completionMode).toBeUndefined();
    const p = pod(o);
    expect(p.restartPolicy).toBe('Never');
    expect(p.automountServiceAccountToken).toBe(false);
    const c = p.containers[0];
    expect(c.image).toBe(`ghcr.io/acme/train@${D}`);
    expect(c.resources.limits).toEqual({ 'nvidia.com/gpu': '2' });
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(p.volumes).toContainEqual({ name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } });
    expect(c.volumeMounts).toContainEqual({ name: 'dshm', mountPath: '/dev/shm' });
    expect(p.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    const cm = docs(o)[0] as { metadata: { name: string; namespace: string }; data: Record<string, string> };
    expect(cm.metadata).toMatchObject({ name: 'smoke-cu128-scripts', namespace: 'ml' });
    expect(cm.data['ml_image_smoke.py']).toBe(SMOKE_PY);
    expect(p.volumes).toContainEqual({
      name: 'scripts',
      configMap: { name: 'smoke-cu128-scripts', defaultMode: 0o444 },
    });
  });

  it('asks a CPU-only run for no GPUs and no GPU toleration', () => {
    const p = pod(k8s());
    expect(p.containers[0].resources).toEqual({ requests: { cpu: '8' } });
    expect(p.tolerations).toBeUndefined();
  });

  it('spans several pods with an Indexed Job behind a headless Service', () => {
    const o = k8s({ nodes: 3, gpusPerNode: 8, name: 'smoke' });
    const objects = docs(o);
    expect(objects.map((d) => d.kind)).toEqual(['ConfigMap', 'Service', 'Job']);
    const svc = objects[1] as Record<string, Loose>;
    expect(svc.spec).toMatchObject({
      clusterIP: 'None',
      selector: { 'ml-image-action/job': 'smoke' },
      publishNotReadyAddresses: true,
    });
    expect(job(o).spec).toMatchObject({ completionMode: 'Indexed', completions: 3, parallelism: 3 });
    expect(pod(o).subdomain).toBe('smoke');
    expect(job(o).spec.template.metadata.labels['ml-image-action/job']).toBe('smoke');
    const sh = podScript(o, 'smoke');
    expect(sh).toContain('RDZV_HOST=smoke-0.smoke');
    expect(sh).toContain('--rdzv_backend=c10d');
    expect(sh).toContain('--rdzv_endpoint="$RDZV_HOST:29500"');
  });

  // Each pod starts once its node has pulled the image: the first pods wait in the rendezvous while
  // another node still pulls, a wait that joined the suite's timeout (join_timeout=$TIMEOUT).
  it('lets the pods of a multi-pod ddp wait for each other beyond the suite timeout, by the pull allowance', () => {
    const sh = podScript(k8s({ nodes: 2, gpusPerNode: 8, name: 'smoke', timeoutSeconds: 300 }), 'smoke');
    expect(sh).toContain('\nRDZV_TIMEOUT=$((TIMEOUT + 900))\n');
    expect(sh).toContain('--rdzv_conf="join_timeout=$RDZV_TIMEOUT,is_host=$IS_HOST"');
    expect(sh).not.toContain('join_timeout=$TIMEOUT');
    expect(sh).toContain('wait_for_host "$RDZV_HOST" "$RDZV_TIMEOUT"');
    // The ddp step's own limit is the same; the other suites keep TIMEOUT.
    const ddp = sh.slice(sh.indexOf('S_LIMIT=$RDZV_TIMEOUT\n'));
    expect(ddp.indexOf('run_step ddp ')).toBeGreaterThan(0);
    expect(ddp.indexOf('S_LIMIT=\n')).toBeGreaterThan(ddp.indexOf('record ddp '));
    expect(sh).toContain('timeout "${S_LIMIT:-$TIMEOUT}" "$@"');
    expect(podScript(k8s({ gpusPerNode: 8 }), 'x')).not.toContain('RDZV_TIMEOUT');
  });

  it("runs the script's own ddp suite on a single pod (torchrun --standalone there), CUDA required", () => {
    const sh = podScript(k8s({ gpusPerNode: 8 }), 'x');
    expect(sh).toContain('run_step ddp python3 "$SCRIPT" ddp 8 --cuda --floors "$ML_IMAGE_FLOORS"');
    expect(sh).not.toContain('NPROC_PER_NODE');
    expect(sh).not.toContain('c10d');
  });

  // The smoke script's ddp launcher stops within the test's timeout, which the job exports
  // (srun and the pod hand the environment into the container), as `ml-image smoke` sets it.
  it.each([
    ['Slurm', () => slurmScript(slurm({ timeoutSeconds: 1200 }))],
    ['Kubernetes', () => podScript(k8s({ timeoutSeconds: 1200 }), 'x')],
  ])('%s: the suites are told their timeout', (_what, script) => {
    const text = script();
    expect(text).toContain(`TIMEOUT=1200\nexport ${SMOKE_TIMEOUT_ENV}="$TIMEOUT"\n`);
    expect(text.indexOf(`export ${SMOKE_TIMEOUT_ENV}=`)).toBeLessThan(text.indexOf('run_step() {'));
  });

  it('refuses whole nodes: a pod asks for a number of GPUs (exit 2)', () => {
    const e = inputError(() => k8sManifests(k8s({ gpusPerNode: 'all' })));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/--gpus-per-node: a Kubernetes pod asks for a number of GPUs/);
  });

  it.each([
    ['a namespace with a space', k8s({ namespace: 'my ns' }), /--namespace: "my ns"/],
    ['a namespace with quotes', k8s({ namespace: `ml'; kubectl delete ns x; '` }), /--namespace/],
    ['an uppercase namespace', k8s({ namespace: 'ML' }), /--namespace/],
    ['a job name too long for pod hostnames', k8s({ name: 'x'.repeat(53) }), /--name/],
    ['a bad node selector key', k8s({ nodeSelector: { 'a b': 'c' } }), /--node-selector: "a b"/],
    [
      'a multi-pod job named with a digit first',
      k8s({ nodes: 2, name: '9smoke' }),
      /--name: "9smoke" must start with a letter/,
    ],
    ['a bad node selector value', k8s({ nodeSelector: { a: 'c d' } }), /--node-selector: "c d"/],
    [
      'an Exists toleration with a value',
      k8s({ tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] }),
      /--toleration/,
    ],
    ['a shm size that is no quantity', k8s({ shmSize: '1 GiB' }), /shm size/],
    ['an image by tag', k8s({ image: 'ghcr.io/acme/train:latest' }), /pin by digest/],
  ])('rejects %s (exit 2)', (_n, o, message) => {
    const e = inputError(() => k8sManifests(o));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(message);
  });
});

describe('job.yaml holds no character a YAML reader takes for a line break', () => {
  it('a floors table with U+2028 and U+2029 in its text: escaped in the JSON, the same table back', () => {
    const base = bundledBaseline();
    const gpu = { ...base.gpus[0]!, name: 'My GPU\u2028x: y', method: 'a\u2029- b' };
    const baseline = { ...base, gpus: [gpu, ...base.gpus] };
    const text = k8sYaml(k8sManifests(k8s({ baseline, gpusPerNode: 1 })));
    expect(text).not.toMatch(/[\u2028\u2029\u0085]/);
    const runSh = (parseAllDocuments(text)[0]!.toJS() as Record<string, Loose>).data['run.sh'] as string;
    const line = runSh.split('\n').find((l) => l.startsWith('ML_IMAGE_FLOORS='))!;
    const json = line.slice("ML_IMAGE_FLOORS='".length, -1);
    expect(JSON.parse(json).gpus[0]).toMatchObject({ name: 'My GPU\u2028x: y', method: 'a\u2029- b' });
  });

  // The floors JSON escapes U+2028 and U+2029, not NEL: run.sh held it raw, a block scalar's line to
  // kubectl's reader (YAML 1.1), so two of them made ML_IMAGE_FLOORS no JSON on the cluster.
  it('a floors table with NEL in its text: written as an escape, the same table back', () => {
    const base = bundledBaseline();
    const gpu = { ...base.gpus[0]!, name: 'H100 lab\u0085\u0085row' };
    const text = k8sYaml(
      k8sManifests(k8s({ baseline: { ...base, gpus: [gpu, ...base.gpus] }, gpusPerNode: 1 })),
    );
    expect(text).not.toMatch(/[\u2028\u2029\u0085]/);
    expect(text).toContain('H100 lab\\u0085\\u0085row');
    const runSh = (parseAllDocuments(text)[0]!.toJS() as Record<string, Loose>).data['run.sh'] as string;
    const line = runSh.split('\n').find((l) => l.startsWith('ML_IMAGE_FLOORS='))!;
    expect(JSON.parse(line.slice("ML_IMAGE_FLOORS='".length, -1)).gpus[0].name).toBe(
      'H100 lab\u0085\u0085row',
    );
  });

  it.each([
    ['a one-line value', { a: 'x\u0085y' }],
    ['a key', { 'k\u2028ey': 'v' }],
    ['a block of lines', { script: 'echo a\nb \u2028kind: Secret\nc\u2029d\n' }],
    ['a value after a backslash', { a: 'x\\\u0085' }],
  ])('%s holding one: double-quoted, escaped, read back the same', (_n, o) => {
    const text = k8sYaml([o]);
    expect(text).not.toMatch(/[\u2028\u2029\u0085]/);
    expect(parseAllDocuments(text, { version: '1.1' })[0]!.toJS()).toEqual(o);
    expect(parseAllDocuments(text)[0]!.toJS()).toEqual(o);
  });
});

// YAML 1.1 and 1.2 let no stream hold DEL, the C1 controls, U+FFFE or U+FFFF: the yaml package
// wrote them raw (inside double quotes), and PyYAML and kubectl's reader refused the whole file.
describe('job.yaml holds no character a YAML stream may not hold', () => {
  it.each([
    ['DEL in a one-line value', { a: 'x\u007fy' }],
    ['C1 controls in a one-line value', { a: '\u0080x\u009f\u0086' }],
    ['U+FFFE and U+FFFF', { a: 'x\ufffe\uffffy' }],
    ['DEL in a key', { 'k\u007fey': 'v' }],
    ['DEL in a block of lines', { script: 'echo a\nb\u007f\u009b[31m\nc\n' }],
    ['a GPU name in a floors table', { env: [{ name: 'ML_IMAGE_FLOORS', value: '{"name":"A\u0099"}' }] }],
  ])('%s: double-quoted, escaped, read back the same', (_n, o) => {
    const text = k8sYaml([o]);
    expect(text).not.toMatch(/[\u007f-\u009f\ufffe\uffff]/);
    expect(parseAllDocuments(text, { version: '1.1' })[0]!.toJS()).toEqual(o);
    expect(parseAllDocuments(text)[0]!.toJS()).toEqual(o);
  });
});

// kubectl reads job.yaml by YAML 1.1 with Go's strconv for numbers: 0o17, 0X10, 0B11 and 1e1_0,
// which the yaml package left plain, became numbers there (--name 0o17, --node-selector a=0X10).
describe('job.yaml quotes every string a YAML 1.1, 1.2 or Go reader could take for something else', () => {
  const NOT_PLAIN = [
    // numbers in any base and case, signs, underscores, exponents, floats
    ...['0o17', '0O17', '0X10', '0x1F', '0B11', '0b1_0', '-0x1F', '+12', '0777', '017', '1_000', '1__0'],
    ...['1e1_0', '1e10', '1E10', '1e+3', '12e03', '0e0', '.5', '1.', '+.5', '1_0.5', '0x1p-2', '8'],
    // infinities and NaN, YAML's and Go's
    ...['.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'inf', 'Inf', '+Inf', '-inf', 'Infinity', 'nan', 'NaN'],
    // booleans (YAML 1.1, 1.2, Go's ParseBool) and null
    ...['y', 'Y', 'n', 'N', 'yes', 'Yes', 'YES', 'no', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF'],
    ...['true', 'True', 'TRUE', 'false', 'FALSE', 't', 'T', 'f', 'F', 'null', 'Null', 'NULL', '~', ''],
    // timestamps and sexagesimals (YAML 1.1), YAML 1.1's value key, and what plain YAML cannot hold
    ...['2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '1:20', '190:20:30.15'],
    ...['=', '_1', '-x', '#x', 'a b', 'a: b', ' x', 'x ', "it's", '"q"'],
  ];
  const PLAIN = [
    'void',
    'ml-image-smoke',
    'ghcr.io/acme/train@sha256:00',
    '/ml-image',
    'amd64',
    'nvidia.com/gpu',
  ];

  it.each(NOT_PLAIN.map((v) => [v]))('%j is double-quoted, as a value and as a key', (v) => {
    expect(plainYamlString(v)).toBe(false);
    const text = k8sYaml([{ kind: 'X', data: { key: v, [v]: 'value', list: [v] } }]);
    expect(text).toContain(`key: ${JSON.stringify(v)}\n`);
    for (const version of ['1.1', '1.2'] as const) {
      const [back] = parseAllDocuments(text, { version }).map((d) => d.toJS() as Record<string, Loose>);
      expect(back!.data).toEqual({ key: v, [v]: 'value', list: [v] });
    }
  });

  it.each(PLAIN.map((v) => [v]))('%j stays plain, and reads back the same', (v) => {
    expect(plainYamlString(v)).toBe(true);
    const text = k8sYaml([{ data: { key: v } }]);
    expect(text).toContain(`key: ${v}\n`);
    for (const version of ['1.1', '1.2'] as const)
      expect((parseAllDocuments(text, { version })[0]!.toJS() as Record<string, Loose>).data.key).toBe(v);
  });

  it('the node selector values and keys of the report (0X10, 0B11, 1e1_0, 0O17) read back the same', () => {
    const o = k8s({
      nodes: 2,
      name: 'x0o17',
      namespace: 'n',
      nodeSelector: { a: '0X10', b: '0B11', c: '1e1_0', d: '0O17', '0o17': 'e' },
    });
    const objects = k8sManifests(o);
    const text = k8sYaml(objects);
    for (const v of ['0X10', '0B11', '1e1_0', '0O17']) expect(text).toContain(`: "${v}"\n`);
    expect(text).toContain('"0o17": e\n');
    for (const version of ['1.1', '1.2'] as const)
      expect(parseAllDocuments(text, { version }).map((d) => d.toJS() as unknown)).toEqual(objects);
  });
});

describe('the Kubernetes schema of the tests is strict', () => {
  const base = () => structuredClone(k8sManifests(k8s({ gpusPerNode: 1 })).at(-1)!) as Record<string, Loose>;
  it.each([
    ['a misspelled JobSpec field', (j: Loose) => (j.spec.ttlSecondAfterFinished = 60), /Unrecognized key/],
    [
      'a misspelled container field',
      (j: Loose) => (j.spec.template.spec.containers[0].volumeMount = []),
      /Unrecognized key/,
    ],
    [
      'restartPolicy Always in a Job',
      (j: Loose) => (j.spec.template.spec.restartPolicy = 'Always'),
      /Never or OnFailure/,
    ],
    [
      'restartPolicy outside the enum',
      (j: Loose) => (j.spec.template.spec.restartPolicy = 'never'),
      /restartPolicy/,
    ],
    [
      'a quantity with a space',
      (j: Loose) => (j.spec.template.spec.volumes[1].emptyDir.sizeLimit = '1 Gi'),
      /quantity/,
    ],
    [
      'half a GPU',
      (j: Loose) => (j.spec.template.spec.containers[0].resources.limits['nvidia.com/gpu'] = '0.5'),
      /whole numbers/,
    ],
    [
      'emptyDir medium in lowercase',
      (j: Loose) => (j.spec.template.spec.volumes[1].emptyDir.medium = 'memory'),
      /medium/,
    ],
    [
      'a mount of no volume',
      (j: Loose) => (j.spec.template.spec.containers[0].volumeMounts[0].name = 'nope'),
      /names no volume/,
    ],
    ['Indexed without completions', (j: Loose) => (j.spec.completionMode = 'Indexed'), /needs completions/],
    ['backoffLimit as a string', (j: Loose) => (j.spec.backoffLimit = '0'), /backoffLimit/],
    ['the wrong apiVersion', (j: Loose) => (j.apiVersion = 'batch/v1beta1'), /apiVersion/],
  ])('rejects %s', (_n, mutate, message) => {
    const j = base();
    expect(k8sIssues(j)).toEqual([]);
    mutate(j);
    expect(k8sIssues(j).join('\n')).toMatch(message);
  });
});

describe('source: build.json and plan.json', () => {
  const variant = (name: string, extra: Record<string, unknown> = {}) => ({
    variant: name,
    repository: 'ghcr.io/acme/train',
    digest: D,
    tags: [`ghcr.io/acme/train:${name}`],
    platforms: [
      {
        platform: 'linux/amd64',
        digest: `sha256:${'1'.repeat(64)}`,
        durationMs: 1,
        attempts: 1,
        metadata: {},
      },
    ],
    baseImage: 'python:3.12-slim',
    ...extra,
  });
  const build = (...variants: unknown[]) => ({ schemaVersion: 1, variants }) as BuildResult;

  it.each([
    [
      'the only variant',
      build(variant('cpu')),
      undefined,
      { image: `ghcr.io/acme/train@${D}`, variant: 'cpu', platforms: ['linux/amd64'] },
    ],
    [
      'the variant asked for',
      build(variant('cpu'), variant('cu128')),
      'cu128',
      { image: `ghcr.io/acme/train@${D}`, variant: 'cu128', platforms: ['linux/amd64'] },
    ],
    [
      'one unmerged pushed platform',
      build(variant('cpu', { digest: undefined })),
      undefined,
      { image: `ghcr.io/acme/train@sha256:${'1'.repeat(64)}`, variant: 'cpu', platforms: ['linux/amd64'] },
    ],
  ])('takes %s', (_n, data, v, want) => {
    expect(imageFromBuild(data, 'out/build.json', v)).toEqual(want);
  });

  it.each([
    [
      'several variants and no --variant',
      build(variant('cpu'), variant('cu128')),
      undefined,
      /2 variants \(cpu, cu128\): pick one with --variant/,
    ],
    [
      'an unknown variant',
      build(variant('cpu')),
      'rocm',
      /--variant: no variant "rocm" in out\/build.json; it has cpu/,
    ],
    [
      'an unknown variant holding a quote, escaped',
      build(variant('cpu')),
      'a" in x',
      /^--variant: no variant "a\\" in x" in out\/build.json; it has cpu$/,
    ],
    [
      'a variant that was not pushed',
      build(
        variant('cpu', {
          digest: undefined,
          platforms: [
            { platform: 'linux/amd64', digest: D, durationMs: 1, attempts: 1, metadata: {}, localRef: 'x:y' },
          ],
        }),
      ),
      undefined,
      /pin by digest: variant cpu .* \(from build\.json/,
    ],
  ])('rejects %s', (_n, data, v, message) => {
    expect(inputError(() => imageFromBuild(data, 'out/build.json', v)).message).toMatch(message);
  });

  it('takes the one platform pushed and loaded (the load input) by its digest', () => {
    const data = build(
      variant('cpu', {
        digest: undefined,
        platforms: [
          {
            platform: 'linux/amd64',
            digest: D,
            durationMs: 1,
            attempts: 1,
            metadata: {},
            localRef: 'x:y',
            pushed: true,
          },
        ],
      }),
    );
    expect(imageFromBuild(data, 'out/build.json', undefined).image).toBe(`ghcr.io/acme/train@${D}`);
  });

  it('reads the driver floor and CUDA-ness of a variant from plan.json', () => {
    const plan = makePlan(planVariant('cpu'), planVariant('cu128', CUDA_128));
    expect(variantFromPlan(plan, 'cu128')).toEqual({
      cuda: true,
      driverFloor: '525.60.13',
      driverFloorField: 'variants[1].cuda.minorCompatDriverMin',
    });
    expect(variantFromPlan(plan, 'cpu')).toEqual({ cuda: false });
    expect(variantFromPlan(plan, 'nope')).toBeUndefined();
  });
});

describe('ml-image export', () => {
  const run = async (...argv: string[]) => {
    const io = captureIo(dir);
    const code = await exportCommand.run(argv, io);
    return { code, out: io.out(), err: io.err() };
  };
  const rejection = async (...argv: string[]) => {
    try {
      await exportCommand.run(argv, captureIo(dir));
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('expected an InputError');
  };

  it('quotes the --out directory in the submit command a person pastes', async () => {
    const r = await run('--k8s', '--image', IMAGE, '--suites', 'compute', '--out', 'x;touch pwned');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "submit:  kubectl delete -f 'x;touch pwned/job.yaml' --ignore-not-found --cascade=foreground && kubectl apply -f 'x;touch pwned/job.yaml'",
    );
    const s = await run('--slurm', '--image', IMAGE, '--suites', 'compute', '--out', "it's$(id)");
    expect(s.out).toContain(`submit:  sbatch 'it'\\''s$(id)/job.sbatch'`);
    // A directory whose name begins with "-" is no option to sbatch or kubectl.
    const dash = await run('--slurm', '--image', IMAGE, '--suites', 'compute', '--out=-o');
    expect(dash.code).toBe(0);
    expect(dash.out).toContain('submit:  sbatch ./-o/job.sbatch\n');
    const k = await run('--k8s', '--image', IMAGE, '--suites', 'compute', '--out=-f');
    expect(k.out).toContain('kubectl apply -f ./-f/job.yaml\n');
  });

  it('keeps files in DIR that no export wrote (exit 2, nothing written) unless --force; replaces its own', async () => {
    // What marks a file as an export's is in every file an export writes.
    expect(SMOKE_PY.startsWith(`#!/usr/bin/env python3\n${SMOKE_SCRIPT_MARKER}`)).toBe(true);
    const first = await run('--k8s', '--image', IMAGE, '--suites', 'compute', '--out', 'o');
    expect(first.code).toBe(0);
    expect(readFileSync(path.join(dir, 'o', 'job.yaml'), 'utf8').split('\n')[0]).toContain(EXPORT_MARKER);
    await run('--slurm', '--image', IMAGE, '--suites', 'compute', '--out', 'o');
    expect(readFileSync(path.join(dir, 'o', 'job.sbatch'), 'utf8')).toContain(EXPORT_MARKER);
    // The export's own files are replaced without asking.
    expect((await run('--k8s', '--image', IMAGE, '--suites', 'train', '--out', 'o')).code).toBe(0);
    expect(readFileSync(path.join(dir, 'o', 'job.yaml'), 'utf8')).toContain('run_step train');
    for (const [name, target] of [
      ['job.yaml', '--k8s'],
      ['job.sbatch', '--slurm'],
      ['ml_image_smoke.py', '--slurm'],
    ] as const) {
      const mine = `# my own ${name}\n`;
      writeFileSync(path.join(dir, 'o', name), mine);
      const kept = await rejection(target, '--image', IMAGE, '--suites', 'compute', '--out', 'o');
      expect(kept.message).toContain(
        `export: ${path.join(dir, 'o', name)} exists and was not written by ml-image`,
      );
      expect(kept.fix).toMatch(/--force/);
      expect(readFileSync(path.join(dir, 'o', name), 'utf8')).toBe(mine);
      const forced = await run(target, '--image', IMAGE, '--suites', 'compute', '--out', 'o', '--force');
      expect(forced.code).toBe(0);
      expect(readFileSync(path.join(dir, 'o', name), 'utf8')).not.toBe(mine);
    }
    // A job.yaml of an earlier version (no header line) is known by the marker line in its run.sh.
    const yaml = readFileSync(path.join(dir, 'o', 'job.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'o', 'job.yaml'), yaml.slice(yaml.indexOf('\n') + 1));
    expect((await run('--k8s', '--image', IMAGE, '--suites', 'compute', '--out', 'o')).code).toBe(0);
  });

  // A Job's pod template cannot change in place, and a finished Job stays a day under its name: a
  // second `kubectl apply` of another image's job.yaml fails ("field is immutable"), and of the same
  // image runs nothing. The names stay (kubectl logs -l ml-image-action/job=NAME, NAME-0.NAME); the
  // submit line deletes what an earlier run left, waiting for its pods, then applies. (Another
  // repository's export gets another default name: jobNameFor.)
  it.each([
    ['one pod', [] as string[], jobNameFor(IMAGE, undefined)],
    ['two pods, named', ['--nodes', '2', '--name', 'smoke-a', '--namespace', 'ml'], 'smoke-a'],
  ])('a second --k8s export of another image replaces the first run: %s', async (_n, flags, name) => {
    const OTHER = `ghcr.io/acme/train:v2@sha256:${'ef'.repeat(32)}`;
    const objectsOf = () =>
      parseAllDocuments(readFileSync(path.join(dir, 'k', 'job.yaml'), 'utf8')).map(
        (d) => d.toJS() as Record<string, Loose>,
      );
    const submit =
      'kubectl delete -f k/job.yaml --ignore-not-found --cascade=foreground && kubectl apply -f k/job.yaml';
    const first = await run(
      '--k8s',
      '--image',
      IMAGE,
      '--suites',
      'compute,ddp',
      ...flags,
      '--out',
      'k',
      '--json',
    );
    const names = objectsOf().map((o) => `${o.kind}/${o.metadata.name}`);
    const second = await run(
      '--k8s',
      '--image',
      OTHER,
      '--suites',
      'compute,ddp',
      ...flags,
      '--out',
      'k',
      '--json',
    );
    for (const r of [first, second]) expect(JSON.parse(r.out)).toMatchObject({ submit });
    expect(objectsOf().map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(names);
    expect(names).toContain(`Job/${name}`);
    const job = objectsOf().find((o) => o.kind === 'Job')!;
    expect(job.spec.template.spec.containers[0].image).toBe(`ghcr.io/acme/train@sha256:${'ef'.repeat(32)}`);
    expect(job.spec.template.metadata.labels['ml-image-action/job']).toBe(name);
    // job.yaml says so to whoever applies it by hand.
    const text = readFileSync(path.join(dir, 'k', 'job.yaml'), 'utf8').split('\n');
    expect(text[0]).toContain(EXPORT_MARKER);
    expect(text[1]).toBe(
      '# Run it, and again (an earlier run of this name goes first: a Job cannot change in place): kubectl delete -f job.yaml --ignore-not-found --cascade=foreground && kubectl apply -f job.yaml',
    );
  });

  it('says when a run asks for no GPUs', async () => {
    const r = await run('--k8s', '--image', IMAGE, '--suites', 'compute', '--out', 'cpu');
    expect(r.out).toMatch(/note: +no GPUs requested: .*--gpus-per-node N/);
    expect(r.out).toContain(
      'submit:  kubectl delete -f cpu/job.yaml --ignore-not-found --cascade=foreground && kubectl apply -f cpu/job.yaml',
    );
    expect(r.out).toContain(
      `results: kubectl logs -l ml-image-action/job=${jobNameFor(IMAGE, undefined)} --tail=-1 | grep '^ML_IMAGE_RESULT '`,
    );
    // --image: the build's result directory is not known to the export.
    expect(r.out).toContain(
      `collect: kubectl logs -l ml-image-action/job=${jobNameFor(IMAGE, undefined)} --tail=-1 > smoke.log && ml-image collect --k8s smoke.log --out '<the build result directory>'`,
    );
  });

  it('says how to collect the results into the --from DIR: with --capture where DIR holds no environment record', async () => {
    const from = writeCudaBuild();
    const r = await run('--slurm', '--from', path.relative(dir, from), '--out', 'job');
    expect(r.code).toBe(0);
    // A directory of "ml-image build --out": no smoke stage ran, so no record for the report.
    expect(r.out).toContain(
      "collect: ml-image collect --slurm job/results/'<job id>' --out build-out --capture\n",
    );
    const k = await run('--k8s', '--from', path.relative(dir, from), '--namespace', 'ml', '--out', 'k');
    expect(k.out).toContain(
      `collect: kubectl logs -n ml -l ml-image-action/job=${CU128_JOB} --tail=-1 > smoke.log && ml-image collect --k8s smoke.log --out build-out --capture\n`,
    );
    // Once the smoke stage captured a record of the variant, collect needs no --capture.
    writeFileSync(path.join(from, 'env-cu128-amd64.json'), '{}');
    const again = await run('--slurm', '--from', path.relative(dir, from), '--out', 'job2');
    expect(again.out).toContain(
      "collect: ml-image collect --slurm job2/results/'<job id>' --out build-out\n",
    );
    // A variant of two platforms with one platform's record: the other's job needs --capture.
    const build = JSON.parse(readFileSync(path.join(from, BUILD_FILE), 'utf8')) as {
      variants: { platforms: { platform: string }[] }[];
    };
    build.variants[0]!.platforms.push({ ...build.variants[0]!.platforms[0]!, platform: 'linux/arm64' });
    writeFileSync(path.join(from, BUILD_FILE), JSON.stringify(build));
    const half = await run('--slurm', '--from', path.relative(dir, from), '--out', 'job3');
    expect(half.out).toContain(
      "collect: ml-image collect --slurm job3/results/'<job id>' --out build-out --capture\n",
    );
    // A --from DIR whose name begins with "-" is no option to collect ("--out -b" was refused there).
    renameSync(from, path.join(dir, '-b'));
    const dash = await run('--slurm', '--from=-b', '--out', 'job4');
    expect(dash.code).toBe(0);
    expect(dash.out).toContain(
      "collect: ml-image collect --slurm job4/results/'<job id>' --out ./-b --capture\n",
    );
  });

  /** The default job name of writeCudaBuild's variant. */
  const CU128_JOB = jobNameFor(`ghcr.io/acme/train@${D}`, 'cu128');

  /** DIR/build-out: build.json and plan.json of one CUDA variant, cu128. */
  const writeCudaBuild = () => {
    const from = path.join(dir, 'build-out');
    mkdirSync(from);
    writeFileSync(
      path.join(from, 'build.json'),
      JSON.stringify({
        schemaVersion: 1,
        variants: [
          {
            variant: 'cu128',
            repository: 'ghcr.io/acme/train',
            digest: D,
            tags: [],
            platforms: [{ platform: 'linux/amd64', digest: D, durationMs: 1, attempts: 1, metadata: {} }],
            baseImage: 'nvidia/cuda:12.8.1-runtime-ubuntu24.04',
          },
        ],
      }),
    );
    openResultDir(from).writePlan(makePlan(planVariant('cu128', CUDA_128)));
    return from;
  };

  it('--from DIR reads build.json and plan.json through the results contract, each named when broken', async () => {
    const from = writeCudaBuild();
    // A build.json that is not one: bad input naming the file (parsed with BuildResultSchema).
    const build = readFileSync(path.join(from, BUILD_FILE), 'utf8');
    writeFileSync(
      path.join(from, BUILD_FILE),
      JSON.stringify({ schemaVersion: 1, variants: [{ variant: 'x' }] }),
    );
    const bad = await rejection('--k8s', '--from', 'build-out', '--out', 'k');
    expect(bad.message).toContain(
      `${path.join(from, BUILD_FILE)}: not a build result: variants[0].repository`,
    );
    expect(bad.fix).toMatch(/--out directory of "ml-image build"/);
    writeFileSync(path.join(from, BUILD_FILE), build);
    // A plan.json of this version that does not parse: named, not silently ignored.
    writeFileSync(
      path.join(from, PLAN_FILE),
      JSON.stringify({ schemaVersion: 1, variants: [{ name: 'cu128' }] }),
    );
    const plan = await rejection('--k8s', '--from', 'build-out', '--out', 'k');
    expect(plan.message).toContain(`${path.join(from, PLAN_FILE)}: not a plan: `);
    // Another version's plan is left out: the CPU defaults, no driver floor.
    writeFileSync(path.join(from, PLAN_FILE), JSON.stringify({ schemaVersion: 2 }));
    const r = await run('--k8s', '--from', 'build-out', '--suites', 'gpu,compute', '--out', 'k', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ variant: 'cu128', gpusPerNode: 0 });
    // No plan.json at all: the same.
    rmSync(path.join(from, PLAN_FILE));
    const none = await run('--k8s', '--from', 'build-out', '--suites', 'gpu,compute', '--out', 'k', '--json');
    expect(JSON.parse(none.out)).toMatchObject({ variant: 'cu128', gpusPerNode: 0 });
  });

  // The first of two entries was taken without a word (the Job could run another digest than the
  // other names); without --variant, "pick one of cu128, cu128" could not be followed.
  it.each([
    ['a variant', (b: Loose) => b.variants.push(b.variants[0]), 'variants[1]: duplicate variant "cu128"'],
    [
      'a platform',
      (b: Loose) => b.variants[0].platforms.push(b.variants[0].platforms[0]),
      'variants[0].platforms[1]: duplicate platform "linux/amd64"',
    ],
  ])('%s twice in build.json: exit 2 naming the entry', async (_n, twice, where) => {
    const from = writeCudaBuild();
    const build = JSON.parse(readFileSync(path.join(from, BUILD_FILE), 'utf8')) as Loose;
    twice(build);
    writeFileSync(path.join(from, BUILD_FILE), JSON.stringify(build));
    for (const variant of [[], ['--variant', 'cu128']]) {
      const e = await rejection('--k8s', '--from', 'build-out', ...variant, '--out', 'k');
      expect(e.exitCode).toBe(2);
      expect(e.message).toContain(`${path.join(from, BUILD_FILE)}: not a build result: ${where}`);
    }
  });

  it.each([['x'], ['535.x'], ['535 104'], ['-1']])(
    'a driver floor %j in plan.json: exit 2 naming DIR/plan.json and the field, for both targets',
    async (floor) => {
      const from = writeCudaBuild();
      const plan = JSON.parse(readFileSync(path.join(from, PLAN_FILE), 'utf8'));
      plan.variants[0].cuda.minorCompatDriverMin = floor;
      writeFileSync(path.join(from, PLAN_FILE), JSON.stringify(plan));
      for (const target of ['--k8s', '--slurm']) {
        const e = await rejection(target, '--from', 'build-out', '--suites', 'gpu', '--out', 'o');
        expect(e.exitCode).toBe(2);
        expect(e.message).toBe(
          `build-out/plan.json: variants[0].cuda.minorCompatDriverMin: expected a version like 535.104, got "${floor}"`,
        );
        expect(e.fix).toMatch(/NVIDIA driver version/);
      }
    },
  );

  it('--k8s --from DIR takes the image, GPU default and driver floor from build.json and plan.json', async () => {
    writeCudaBuild();
    const r = await run(
      '--k8s',
      '--from',
      'build-out',
      '--namespace',
      'ml',
      '--suites',
      'gpu,ddp',
      '--out',
      'k8s',
      '--json',
    );
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as Record<string, unknown>;
    expect(summary).toMatchObject({
      target: 'k8s',
      image: `ghcr.io/acme/train@${D}`,
      variant: 'cu128',
      gpusPerNode: 1,
      suites: ['gpu', 'ddp'],
      submit:
        'kubectl delete -f k8s/job.yaml --ignore-not-found --cascade=foreground && kubectl apply -f k8s/job.yaml',
    });
    const objects = parseAllDocuments(readFileSync(path.join(dir, 'k8s', 'job.yaml'), 'utf8')).map(
      (d) => d.toJS() as Record<string, Loose>,
    );
    for (const o of objects) expect(k8sIssues(o)).toEqual([]);
    const job = objects.find((o) => o.kind === 'Job')!;
    expect(job.metadata).toMatchObject({ name: CU128_JOB, namespace: 'ml' });
    expect(CU128_JOB).toMatch(/^ml-image-smoke-cu128-[0-9a-f]{6}$/);
    expect(job.spec.template.spec.containers[0].resources.limits).toEqual({ 'nvidia.com/gpu': '1' });
    expect(objects[0]!.data['run.sh']).toContain('run_step gpu python3 "$SCRIPT" gpu 525.60.13');
  });

  it('--slurm --from DIR of a CUDA variant asks for whole nodes and says so', async () => {
    writeCudaBuild();
    const r = await run('--slurm', '--from', 'build-out', '--suites', 'gpu,compute,ddp', '--out', 'o');
    expect(r.code).toBe(0);
    expect(r.out).toContain('x every GPU');
    expect(r.out).toMatch(/note: +whole nodes \(--exclusive\), ddp over every GPU a node shows/);
    const job = readFileSync(path.join(dir, 'o', 'job.sbatch'), 'utf8');
    expect(job).toMatch(/^#SBATCH --exclusive$/m);
    expect(job).toContain('ddp auto --cuda --floors "$ML_IMAGE_FLOORS"');
    expect(job).toContain('gpu 525.60.13 --require');
  });

  it('an image built for one architecture runs on nodes of it: a kubernetes.io/arch selector, a note', async () => {
    const from = writeCudaBuild();
    const build = JSON.parse(readFileSync(path.join(from, BUILD_FILE), 'utf8'));
    build.variants[0].platforms[0].platform = 'linux/arm64';
    writeFileSync(path.join(from, BUILD_FILE), JSON.stringify(build));
    const jobOf = (out: string) =>
      parseAllDocuments(readFileSync(path.join(dir, out, 'job.yaml'), 'utf8'))
        .map((d) => d.toJS() as Record<string, Loose>)
        .find((o) => o.kind === 'Job')!;
    const r = await run('--k8s', '--from', 'build-out', '--suites', 'gpu', '--out', 'k');
    expect(r.code, r.err).toBe(0);
    expect(jobOf('k').spec.template.spec.nodeSelector).toEqual({ 'kubernetes.io/arch': 'arm64' });
    expect(r.out).toMatch(
      /note: +the image is built for linux\/arm64 only: the Job asks for kubernetes\.io\/arch=arm64 nodes/,
    );
    // --node-selector adds to it, and may say otherwise (an emulating node pool).
    const sel = await run(
      '--k8s',
      '--from',
      'build-out',
      '--node-selector',
      'pool=gh200',
      '--out',
      'k2',
      '--json',
    );
    expect(JSON.parse(sel.out)).toMatchObject({ platforms: ['linux/arm64'] });
    expect(jobOf('k2').spec.template.spec.nodeSelector).toEqual({
      'kubernetes.io/arch': 'arm64',
      pool: 'gh200',
    });
    await run('--k8s', '--from', 'build-out', '--node-selector', 'kubernetes.io/arch=amd64', '--out', 'k3');
    expect(jobOf('k3').spec.template.spec.nodeSelector).toEqual({ 'kubernetes.io/arch': 'amd64' });
    const slurm = await run('--slurm', '--from', 'build-out', '--suites', 'gpu', '--out', 'o');
    expect(slurm.out).toMatch(
      /note: +the image is built for linux\/arm64 only: submit it to nodes of that architecture/,
    );
    // Both architectures (the merged index): each node pulls its own; no selector, no note.
    build.variants[0].platforms.push({ ...build.variants[0].platforms[0], platform: 'linux/amd64' });
    writeFileSync(path.join(from, BUILD_FILE), JSON.stringify(build));
    const both = await run('--k8s', '--from', 'build-out', '--suites', 'gpu', '--out', 'k4');
    expect(jobOf('k4').spec.template.spec.nodeSelector).toBeUndefined();
    expect(both.out).not.toMatch(/is built for/);
  });

  it('--k8s with one GPU per pod says ddp runs over one GPU; "all" is refused there', async () => {
    writeCudaBuild();
    const r = await run('--k8s', '--from', 'build-out', '--suites', 'ddp', '--out', 'k');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/note: +ddp runs over 1 GPU per node: pass --gpus-per-node N/);
    const all = await rejection('--k8s', '--from', 'build-out', '--gpus-per-node', 'all', '--out', 'k2');
    expect(all.exitCode).toBe(2);
    expect(all.message).toMatch(/a Kubernetes pod asks for a number of GPUs/);
  });

  it('--config with a smoke.baseline that is no floors table: exit 2 naming the file and field', async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: acme/train}\nsmoke:\n  baseline: floors.json\n',
    );
    writeFileSync(
      path.join(dir, 'floors.json'),
      JSON.stringify({
        schemaVersion: 1,
        floorFraction: 0.8,
        gpus: [{ name: 'x', match: '(', measured: {}, source: 's' }],
      }),
    );
    const e = await rejection('--slurm', '--image', IMAGE, '--config', 'ml-image.yml', '--out', 'o');
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('floors.json');
    expect(e.message).toMatch(/gpus\[0\]\.match: expected a regular expression/);
    expect(e.message).toMatch(/gpus\[0\]\.measured: no figure measured/);
  });

  it('--config supplies the suites, the timeout and the requirements the imports suite imports', async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: acme/train}\npython:\n  requirements: [requirements.txt]\nsmoke:\n  suites: [imports, train]\n  timeoutSeconds: 120\n',
    );
    writeFileSync(path.join(dir, 'requirements.txt'), 'numpy<2\nscikit-learn==1.5.0\n');
    const r = await run('--slurm', '--image', `python@${D}`, '--config', 'ml-image.yml', '--out', 'o');
    expect(r.code).toBe(0);
    const job = readFileSync(path.join(dir, 'o', 'job.sbatch'), 'utf8');
    expect(job).toContain('python3 /ml-image/ml_image_smoke.py imports numpy scikit-learn');
    expect(job).toContain('TIMEOUT=120');
    expect(job).not.toContain('# pip-check');
    expect(job).toContain(`IMAGE=library/python@${D}\n`);
  });

  it.each([
    [['--image', IMAGE, '--out', 'o'], /exactly one of --slurm or --k8s/],
    [['--slurm', '--k8s', '--image', IMAGE, '--out', 'o'], /exactly one of --slurm or --k8s/],
    [['--slurm', '--image', IMAGE], /--out DIR is required/],
    [['--slurm', '--out', 'o'], /exactly one of --image .* or --from DIR/],
    [
      ['--slurm', '--image', 'ghcr.io/acme/train:v1', '--out', 'o'],
      /--image "ghcr.io\/acme\/train:v1" has no @sha256:<64 hex> digest \(pin by digest\)/,
    ],
    [['--slurm', '--from', 'nowhere', '--out', 'o'], /--from nowhere: no build.json/],
    [
      ['--slurm', '--image', IMAGE, '--variant', 'cpu', '--out', 'o'],
      /--variant selects a variant of --from/,
    ],
    [
      ['--slurm', '--image', IMAGE, '--suites', 'imports,"x y"', '--out', 'o'],
      /--suites: unknown suite\(s\) "\\"x y\\""/,
    ],
    [
      ['--slurm', '--image', IMAGE, '--suites', 'imports;touch PWNED', '--out', 'o'],
      /--suites: unknown suite/,
    ],
    [
      ['--slurm', '--image', IMAGE, '--nodes', 'two', '--out', 'o'],
      /--nodes: expected a whole number, got "two"/,
    ],
    [['--slurm', '--image', IMAGE, '--gpus-per-node', '-1', '--out', 'o'], /--gpus-per-node/],
    [
      ['--slurm', '--image', IMAGE, '--gpus-per-node', 'most', '--out', 'o'],
      /--gpus-per-node: expected a whole number or "all", got "most"/,
    ],
    [
      ['--slurm', '--image', IMAGE, '--timeout', '0', '--out', 'o'],
      /--timeout: expected a whole number from 1/,
    ],
    [['--slurm', '--image', IMAGE, '--namespace', 'ml', '--out', 'o'], /Kubernetes options/],
    [['--k8s', '--image', IMAGE, '--partition', 'gpu', '--out', 'o'], /Slurm options/],
    [['--k8s', '--image', IMAGE, '--namespace', 'my ns', '--out', 'o'], /--namespace: "my ns"/],
    [['--k8s', '--image', IMAGE, '--namespace', `x'$(touch PWNED)`, '--out', 'o'], /--namespace/],
    [
      ['--k8s', '--image', IMAGE, '--toleration', 'gpu:Sometimes', '--out', 'o'],
      /--toleration: effect must be/,
    ],
    [
      ['--k8s', '--image', IMAGE, '--node-selector', 'novalue', '--out', 'o'],
      /--node-selector: expected KEY=VALUE/,
    ],
    [['--slurm', '--image', IMAGE, '--bogus', '--out', 'o'], /export: Unknown option '--bogus'/],
    [['--slurm', '--image', IMAGE, '--out', 'o p'], /--out: ".*o p" cannot be mounted by Pyxis/],
  ])('exits 2 on %j', async (argv, message) => {
    const e = await rejection(...argv);
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(message);
    expect(existsSync(path.join(dir, 'o'))).toBe(false);
    expect(existsSync(path.join(dir, 'PWNED'))).toBe(false);
  });

  it('passes tolerations and node selectors through to the Job', async () => {
    const r = await run(
      '--k8s',
      '--image',
      IMAGE,
      '--gpus-per-node',
      '8',
      '--node-selector',
      'nvidia.com/gpu.product=NVIDIA-H100-80GB-HBM3,pool=train',
      '--toleration',
      'dedicated=ml:NoSchedule',
      '--toleration',
      'spot',
      '--out',
      'k',
    );
    expect(r.code).toBe(0);
    const job = parseAllDocuments(readFileSync(path.join(dir, 'k', 'job.yaml'), 'utf8'))
      .map((d) => d.toJS() as Record<string, Loose>)
      .find((o) => o.kind === 'Job')!;
    expect(k8sIssues(job)).toEqual([]);
    const p = job.spec.template.spec;
    expect(p.nodeSelector).toEqual({ 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3', pool: 'train' });
    expect(p.tolerations).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'dedicated', operator: 'Equal', value: 'ml', effect: 'NoSchedule' },
      { key: 'spot', operator: 'Exists' },
    ]);
  });

  // A pipeline that applies DIR/job.yaml after a failed export (exit 1, "no job was written") ran the
  // job an earlier export of another image left there.
  describe('an export that writes no job leaves no earlier job in DIR', () => {
    /** A verify whose every check fails: the signature is missing. */
    const failingVerifyIo = () => {
      const missing = async (): Promise<Verification<never>> => ({
        ok: false,
        failure: { ref: 'r', what: 'signature', reason: 'missing', message: 'no signature' },
      });
      const docker = fakeDocker({
        imagetoolsInspect: async () => ({
          mediaType: 'application/vnd.oci.image.index.v1+json',
          platforms: [{ os: 'linux', architecture: 'amd64', digest: `sha256:${'cd'.repeat(32)}` }],
        }),
      });
      const signer = { verify: missing, verifyAttestations: missing } as unknown as Signer;
      return { ...captureIo(dir, docker), signer: () => signer };
    };
    const failure = async (io: ReturnType<typeof captureIo>, ...argv: string[]) => {
      try {
        await exportCommand.run(argv, io);
      } catch (e) {
        if (e instanceof MlImageError) return e;
        throw e;
      }
      throw new Error('expected the export to fail');
    };
    const OTHER = `ghcr.io/acme/train:v2@sha256:${'ef'.repeat(32)}`;

    it.each([
      ['--k8s', ['job.yaml'], 'the earlier job.yaml'],
      ['--slurm', ['job.sbatch', 'ml_image_smoke.py'], 'the earlier job.sbatch and ml_image_smoke.py'],
    ])(
      '%s: a failed --verify removes the earlier export of another image, and says so',
      async (target, names, said) => {
        expect((await run(target, '--image', IMAGE, '--suites', 'compute', '--out', 'o')).code).toBe(0);
        writeFileSync(path.join(dir, 'o', 'notes.txt'), 'mine\n');
        const io = failingVerifyIo();
        const e = await failure(
          io,
          target,
          '--image',
          OTHER,
          '--verify',
          '--key',
          'cosign.pub',
          '--out',
          'o',
        );
        expect(e).toBeInstanceOf(CheckFailedError);
        expect(e.exitCode).toBe(1);
        expect(e.message).toMatch(/^export --verify: .*; no job was written; removed (.*) from o$/);
        expect(e.message.endsWith(`; removed ${said} from o`)).toBe(true);
        for (const name of names) expect(existsSync(path.join(dir, 'o', name))).toBe(false);
        // Nothing else: the directory and the other files in it stay.
        expect(readdirSync(path.join(dir, 'o'))).toEqual(['notes.txt']);
      },
    );

    it('bad input after the flags are read (a --nodes that is no number) removes it too', async () => {
      expect((await run('--k8s', '--image', IMAGE, '--suites', 'compute', '--out', 'o')).code).toBe(0);
      const e = await rejection('--k8s', '--image', OTHER, '--nodes', 'two', '--out', 'o');
      expect(e.message).toBe(
        'export: --nodes: expected a whole number, got "two"; removed the earlier job.yaml from o',
      );
      expect(existsSync(path.join(dir, 'o', 'job.yaml'))).toBe(false);
    });

    // docs/cluster-export.md: bad input removes the earlier job, but for flags that make no export.
    it.each([
      ['--min-tflops bogus', ['--verify', '--key', 'k.pub', '--min-tflops', 'bogus'], /--min-tflops/],
      ['--require-smoke fail', ['--verify', '--key', 'k.pub', '--require-smoke', 'fail'], /--require-smoke/],
      ['--verify-timeout abc', ['--verify', '--key', 'k.pub', '--verify-timeout', 'abc'], /--verify-timeout/],
      [
        '--certificate-identity-regexp (',
        ['--verify', '--certificate-identity-regexp', '('],
        /not a valid regular expression/,
      ],
      ['--verify --platform', ['--verify', '--key', 'k.pub', '--platform', 'linux/arm64'], /--platform/],
      ['--image and --from', ['--from', 'build-out'], /exactly one of --image/],
      ['an option of the other target', ['--partition', 'gpu'], /(Slurm|Kubernetes) options/],
    ])('a bad value (%s) removes it too, and says so (exit 2)', async (_n, flags, message) => {
      for (const [target, names] of [
        ['--k8s', ['job.yaml']],
        ['--slurm', ['job.sbatch', 'ml_image_smoke.py']],
      ] as const) {
        expect((await run(target, '--image', IMAGE, '--suites', 'compute', '--out', 'o')).code).toBe(0);
        // --partition is a Slurm option: on --slurm the Kubernetes one stands in for it.
        const bad = flags[0] === '--partition' && target === '--slurm' ? ['--namespace', 'ml'] : flags;
        const e = await rejection(target, '--image', OTHER, ...bad, '--out', 'o');
        expect(e.exitCode).toBe(2);
        expect(e.message).toMatch(message);
        expect(e.message).toMatch(/; removed the earlier .* from o$/);
        for (const name of names) expect(existsSync(path.join(dir, 'o', name))).toBe(false);
      }
    });

    it.each([
      [
        'a verify flag without --verify',
        ['--k8s', '--min-tflops', 'bogus'],
        /--min-tflops is a --verify option/,
      ],
      ['--verify without a key or identity', ['--k8s', '--verify'], /no identity to verify against/],
      [
        '--verify without a key, with a bad value',
        ['--k8s', '--verify', '--require-smoke', 'fail'],
        /no identity to verify against/,
      ],
      ['both targets', ['--k8s', '--slurm', '--verify', '--key', 'k.pub'], /exactly one of --slurm or --k8s/],
      ['no target', ['--min-tflops', 'bogus'], /exactly one of --slurm or --k8s/],
    ])('flags that make no export (%s) leave it (exit 2)', async (_n, flags, message) => {
      expect((await run('--k8s', '--image', IMAGE, '--suites', 'compute', '--out', 'o')).code).toBe(0);
      const job = readFileSync(path.join(dir, 'o', 'job.yaml'), 'utf8');
      const e = await rejection(...flags, '--image', OTHER, '--out', 'o');
      expect(e.exitCode).toBe(2);
      expect(e.message).toMatch(message);
      expect(e.message).not.toMatch(/removed/);
      expect(readFileSync(path.join(dir, 'o', 'job.yaml'), 'utf8')).toBe(job);
    });

    it("never a person's file, a link or anything else of that name; nothing there: the message as it was", async () => {
      mkdirSync(path.join(dir, 'o'));
      mkdirSync(path.join(dir, 'elsewhere'));
      // A job.sbatch that is a person's, a smoke script that is a link to an export's.
      expect((await run('--slurm', '--image', IMAGE, '--suites', 'compute', '--out', 'elsewhere')).code).toBe(
        0,
      );
      writeFileSync(path.join(dir, 'o', 'job.sbatch'), '#!/bin/bash\n# my own job\n');
      symlinkSync(path.join(dir, 'elsewhere', 'ml_image_smoke.py'), path.join(dir, 'o', 'ml_image_smoke.py'));
      const e = await failure(
        failingVerifyIo(),
        '--slurm',
        '--image',
        OTHER,
        '--verify',
        '--key',
        'k.pub',
        '--out',
        'o',
        '--force',
      );
      expect(e.message).toMatch(/; no job was written$/);
      expect(readFileSync(path.join(dir, 'o', 'job.sbatch'), 'utf8')).toContain('my own job');
      expect(readFileSync(path.join(dir, 'o', 'ml_image_smoke.py'), 'utf8')).toBe(SMOKE_PY);
      expect(existsSync(path.join(dir, 'elsewhere', 'job.sbatch'))).toBe(true);
      // A directory of that name is no file to remove.
      mkdirSync(path.join(dir, 'k', 'job.yaml'), { recursive: true });
      const d = await failure(
        failingVerifyIo(),
        '--k8s',
        '--image',
        OTHER,
        '--verify',
        '--key',
        'k.pub',
        '--out',
        'k',
      );
      expect(d.message).not.toMatch(/removed/);
      expect(existsSync(path.join(dir, 'k', 'job.yaml'))).toBe(true);
    });
  });
});
