// The exported smoke jobs (ml-image export) run by real shells: job.sbatch under bash with fake
// srun/scontrol, run.sh (the Kubernetes pod driver) under dash and bash with a fake python3, shell
// quoting round-tripped, and the scripts' syntax (bash -n, sh -n). The text of the scripts and the
// manifests is checked without a process in __tests__/unit/export.test.ts.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exportCommand } from '../../src/cli/commands/export.js';
import { runCli } from '../../src/cli/main.js';
import { openResultDir } from '../../src/results/results.js';
import { type SmokeResult, SmokeResultSchema } from '../../src/smoke/result.js';
import { bundledBaseline } from '../../src/smoke/baselines.js';
import { MULTI_NODE_DDP_NOTE, shellQuote } from '../../src/export/common.js';
import { type K8sOptions, podScript } from '../../src/export/k8s.js';
import { JOB_PREFIX, type JobMeta, JobMetaSchema } from '../../src/smoke/job-schema.js';
import { hideSecretsShell } from '../../src/export/secret-env.js';
import { slurmScript, type SlurmOptions } from '../../src/export/slurm.js';
import { REDACTED, redactEnvValue, redactText } from '../../src/util/redact.js';
import { ENV_CASES } from '../helpers/redaction-cases.js';
import { captureIo } from '../helpers/fakes.js';
import { ImageRegistry } from '../helpers/image-registry.js';
import { missingTools } from '../helpers/tools.js';
import { type Loose, D, IMAGE, SMOKE_PY, HOSTILE, slurm, k8s, testsOf } from '../helpers/export-fixtures.js';

const SKIP = missingTools('the exported job scripts (export-scripts.test.ts)', ['bash']);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** This machine's `uname -m`: what a job run here says its machine is. */
const MACHINE = spawnSync('uname', ['-m'], { encoding: 'utf8' }).stdout.trim();
/** A value no shell should run or break JSON with: quotes, backslashes, substitutions, controls. */
const HOSTILE_ID = '4"2\\$(touch PWNED)\n\t`touch PWNED`\\n';
/** HOSTILE_ID as the job writes it: its control characters (newline, tab) dropped. */
const HOSTILE_ID_JSON = '4"2\\$(touch PWNED)`touch PWNED`\\n';
/** A date as the jobs write them (date -u +%Y-%m-%dT%H:%M:%SZ). */
const UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Options for a run here: the export directory is the test's directory. */
const local = (over: Partial<SlurmOptions> = {}): SlurmOptions => slurm({ exportDir: dir, ...over });

// dash is the strictest POSIX sh at hand (Debian's /bin/sh); elsewhere sh stands in.
const POSIX_SH = spawnSync('dash', ['-c', 'true']).status === 0 ? 'dash' : 'sh';
// busybox's sh, where there is one (Alpine and distroless images' /bin/sh).
const BUSYBOX_SH = spawnSync('busybox', ['sh', '-c', 'true']).status === 0 ? ['busybox sh'] : [];

const syntax = (shell: string, text: string) => {
  const file = path.join(dir, `syntax-${shell}.sh`);
  writeFileSync(file, text);
  return spawnSync(shell, ['-n', file], { encoding: 'utf8' });
};

/** argv of each recorded call (NUL-separated files written by the fakes), in call order. */
const calls = (log: string) =>
  readdirSync(log)
    .sort()
    .map((f) => readFileSync(path.join(log, f), 'utf8').split('\0').slice(0, -1));

/** A directory of fake commands that record their argv into $FAKE_LOG. */
function fakeBin(scripts: Record<string, string>): string {
  const bin = path.join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(
      path.join(bin, name),
      `#!/bin/bash\nn=$(ls "$FAKE_LOG" | wc -l)\nprintf '%s\\0' "$@" > "$FAKE_LOG/$(printf %03d "$n")"\n${body}\n`,
    );
    chmodSync(path.join(bin, name), 0o755);
  }
  return bin;
}

// srun: drop srun/Pyxis options, then play the container command. FAKE_REAL=DIR runs it for real with
// /ml-image/ mapped to DIR (the bind mount); FAKE_CRASH / FAKE_HANG name suites that crash or hang
// (FAKE_HANG_PID: where the hanging one writes its process id).
// FAKE_SRUN_HELP: more lines of `srun --help` (Pyxis's options; FAKE_NO_PYXIS: not even
// --container-image, a cluster without the plugin); FAKE_ENV=FILE: the environment of
// the container steps (srun passes its own on). FAKE_IMPORT_SECONDS: as Pyxis, the first srun that
// names a container imports the image, taking that long. The import step (`true` in the container):
// FAKE_IMPORT_FAIL fails it as Pyxis does, FAKE_IMPORT_HANG hangs it.
const FAKE_SRUN = [
  'if [ "$*" = --help ]; then printf "%s\\n" "Usage: srun [OPTIONS(0)...] executable(0)" "${FAKE_NO_PYXIS:-      --container-image=[USER@][REGISTRY#]IMAGE[:TAG]|PATH}" "${FAKE_SRUN_HELP:-}"; exit 0; fi',
  'if [ -n "${FAKE_ENV:-}" ]; then env > "$FAKE_ENV"; fi',
  'for a in "$@"; do case $a in --container-name=*) m="$FAKE_LOG/../imported-${a#*=}"',
  '  if [ -n "${FAKE_IMPORT_SECONDS:-}" ] && [ ! -e "$m" ]; then sleep "$FAKE_IMPORT_SECONDS"; touch "$m"; fi ;; esac; done',
  'while [ $# -gt 0 ] && [[ $1 == --* ]]; do shift; done',
  'if [ "$*" = true ] && [ -n "${FAKE_IMPORT_FAIL:-}" ]; then echo "pyxis: failed to import docker image" >&2; exit 1; fi',
  'if [ "$*" = true ] && [ -n "${FAKE_IMPORT_HANG:-}" ]; then exec sleep 30; fi',
  'if [ "$*" = true ]; then exit 0; fi',
  // The container's removal (sh -c ... pyxis_NAME): FAKE_REMOVE_SECONDS long, DIR/removing at its start,
  // "done" in FAKE_REMOVED at its end.
  'if [ "$1" = sh ] && [ -n "${FAKE_REMOVE_SECONDS:-}" ]; then echo start > "$FAKE_LOG/../removing"; sleep "$FAKE_REMOVE_SECONDS"; echo done > "$FAKE_REMOVED"; exit 0; fi',
  'if [ -n "${FAKE_REAL:-}" ]; then',
  '  args=(); for a in "$@"; do args+=("${a//\\/ml-image\\//$FAKE_REAL/}"); done; exec "${args[@]}"',
  'fi',
  'case "$*" in',
  '  *"-m pip check"*) if [ -n "${FAKE_NO_PIP:-}" ]; then echo "/usr/bin/python3: No module named pip${FAKE_NO_PIP#1}" >&2; exit 1; fi',
  '    if [ -n "${FAKE_PIP_FAIL:-}" ]; then echo "torch 2.5.0 has requirement numpy<2"; exit 1; fi; exit 0 ;;',
  '  *torch.distributed.run*) echo \'ML_IMAGE_DDP {"ok": true, "world": 16, "backend": "nccl", "algbw_gbps": 10.0, "busbw_gbps": 18.75}\'; exit 0 ;;',
  'esac',
  'suite=$3',
  'case " ${FAKE_CRASH:-} " in *" $suite "*) echo "Traceback: boom" >&2; exit 3 ;; esac',
  // FAKE_HANG_PID=FILE: the hanging suite's process id (the sleep's) is written there.
  'case " ${FAKE_HANG:-} " in *" $suite "*) if [ -n "${FAKE_HANG_PID:-}" ]; then echo $$ > "$FAKE_HANG_PID"; fi; exec sleep 30 ;; esac',
  'echo "noise before the result"',
  // FAKE_GLUED: a module printed without a newline before the result; FAKE_AFTER: output after it, at exit.
  'if [ -n "${FAKE_GLUED:-}" ]; then printf "banner: loading... "; fi',
  'echo "{\\"status\\": \\"pass\\", \\"reason\\": \\"\\", \\"metrics\\": {\\"suite\\": \\"$suite\\"}}"',
  'if [ -n "${FAKE_AFTER:-}" ]; then echo "atexit: goodbye"; fi',
].join('\n');

// scontrol: the job's two nodes; each node's Gres is $FAKE_GRES (none when unset).
const FAKE_SCONTROL = [
  'case "$1 $2" in',
  '  "show node") echo "NodeName=$3 Arch=x86_64"; echo "   Gres=${FAKE_GRES:-(null)}"; echo "   GresUsed=gpu:0" ;;',
  '  *) echo node-a; echo node-b ;;',
  'esac',
].join('\n');

// hostname: $FAKE_HOSTNAME, else this machine's.
const FAKE_HOSTNAME =
  'if [ -n "${FAKE_HOSTNAME:-}" ]; then printf "%s\\n" "$FAKE_HOSTNAME"; else uname -n; fi';

/** RESULTS/job.json, read as ml-image collect reads it (one line of JSON, JobMetaSchema). */
function jobJson(results: string): JobMeta {
  const text = readFileSync(path.join(results, 'job.json'), 'utf8');
  expect(text.split('\n')).toEqual([expect.stringMatching(/^\{.*\}$/), '']);
  return JobMetaSchema.parse(JSON.parse(text));
}

/** job.sbatch of O written to DIR with the smoke script and the fakes; how bash runs it as Slurm would. */
function slurmJob(o: SlurmOptions, env: Record<string, string>) {
  writeFileSync(path.join(o.exportDir, 'ml_image_smoke.py'), SMOKE_PY);
  const job = path.join(dir, 'job.sbatch');
  writeFileSync(job, slurmScript(o));
  const log = path.join(dir, 'log');
  mkdirSync(log, { recursive: true });
  const bin = fakeBin({ srun: FAKE_SRUN, scontrol: FAKE_SCONTROL, hostname: FAKE_HOSTNAME });
  const options = {
    cwd: dir,
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: dir,
      FAKE_LOG: log,
      SLURM_JOB_ID: '42',
      SLURM_NNODES: String(o.nodes),
      SLURM_JOB_NODELIST: 'node-[a-b]',
      SLURM_SUBMIT_DIR: dir,
      ...env,
    },
  };
  return { job, log, options, results: path.join(o.exportDir, 'results', '42') };
}

function runSlurm(o: SlurmOptions, env: Record<string, string> = {}) {
  const { job, log, options, results } = slurmJob(o, env);
  const r = spawnSync('bash', [job], { ...options, encoding: 'utf8' });
  const result = (id: string) =>
    JSON.parse(readFileSync(path.join(results, `${id}.json`), 'utf8')) as Record<string, unknown>;
  return {
    ...r,
    srun: calls(log).filter((c) => c.some((a) => a.startsWith('--container-image='))),
    result,
    results,
  };
}

/**
 * The build whose image the jobs run (IMAGE's digest D as its index, the platforms' own digests
 * beside it) in DIR/build, and `ml-image collect ARGS --out build` run there.
 */
async function collect(args: string[]) {
  // The platforms' images, in the registry collect reads their configs from.
  const registry = new ImageRegistry();
  const platform = (p: string, architecture: string) => ({
    platform: p,
    digest: registry.image('acme/train', ['PATH=/usr/bin'], { os: 'linux', architecture }),
    durationMs: 1,
    attempts: 1,
    metadata: {},
  });
  openResultDir(path.join(dir, 'build')).writeBuild({
    schemaVersion: 1,
    variants: [
      {
        variant: 'cpu',
        repository: 'ghcr.io/acme/train',
        digest: D,
        tags: [],
        platforms: [platform('linux/amd64', 'amd64'), platform('linux/arm64', 'arm64')],
        baseImage: 'python:3.12-slim',
      },
    ],
  });
  const io = { ...captureIo(dir), registryFetch: registry.fetch };
  const code = await runCli(['collect', ...args, '--out', 'build'], io);
  expect(io.err()).not.toMatch(/^error/m);
  expect(code).toBe(0);
  return io;
}

/** The smoke result collect wrote: of the platform this machine's jobs pull. */
function collected(): SmokeResult {
  const arch = process.arch === 'arm64' ? 'arm64' : 'amd64';
  return SmokeResultSchema.parse(
    JSON.parse(readFileSync(path.join(dir, 'build', `smoke-cpu-${arch}.json`), 'utf8')),
  );
}

describe.skipIf(SKIP)('shellQuote', () => {
  it('round-trips hostile words through bash and POSIX sh unchanged', () => {
    for (const shell of ['bash', POSIX_SH]) {
      const r = spawnSync(shell, ['-c', `printf '%s\\0' ${HOSTILE.map(shellQuote).join(' ')}`], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(r.stdout.split('\0').slice(0, -1)).toEqual(HOSTILE);
      expect(existsSync(path.join(dir, 'PWNED'))).toBe(false);
    }
  });
});

describe.skipIf(SKIP)('slurmScript', () => {
  it.each([
    ['one CPU node', slurm()],
    [
      'two nodes x 8 GPUs',
      slurm({ nodes: 2, gpusPerNode: 8, partition: 'gpu,gpu-long', account: 'ml-team' }),
    ],
    ['hostile requirement names', slurm({ distributions: HOSTILE })],
    ['an export directory with a quote', slurm({ exportDir: `/shared/it's-here` })],
    ['one suite', slurm({ suites: ['pip-check'] })],
  ])('passes bash -n: %s', (_name, o) => {
    const r = syntax('bash', slurmScript(o));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('carries the floors table once, as the smoke stage passes it (the config rows first)', () => {
    const mine = {
      schemaVersion: 1 as const,
      floorFraction: 0.8,
      gpus: [{ name: 'Lab L4', match: 'L4', measured: { bf16_tflops: 100 }, source: "it's ours" }],
    };
    const baseline = { ...mine, gpus: [...mine.gpus, ...bundledBaseline().gpus] };
    const text = slurmScript(slurm({ gpusPerNode: 8, baseline }));
    const line = text.split('\n').find((l) => l.startsWith('ML_IMAGE_FLOORS='))!;
    const r = spawnSync('bash', ['-c', `${line}\nprintf %s "$ML_IMAGE_FLOORS"`], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual(baseline);
    expect(text).toContain('compute cuda --floors "$ML_IMAGE_FLOORS"');
    expect(text).toContain('ddp 8 --cuda --floors "$ML_IMAGE_FLOORS"');
    expect(text).toContain('train 0.5 --cuda');
    expect(text).toContain("gpu '' --require");
  });

  describe('run with fake srun/scontrol', () => {
    it('runs each suite in the pinned container and writes one JSON result per suite', () => {
      const r = runSlurm(local({ nodes: 2, gpusPerNode: 4, distributions: ['numpy', 'torch'] }));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const ids = ['imports', 'pip-check', 'gpu', 'compute-cpu', 'compute-gpu', 'train', 'ddp', 'custom'];
      expect(
        readdirSync(r.results)
          .filter((f) => f.endsWith('.json'))
          .sort(),
      ).toEqual([...ids.map((i) => `${i}.json`), 'job.json'].sort());
      for (const id of ids) expect(r.stdout).toContain(`ml-image: ${id} `);
      expect(r.result('imports')).toMatchObject({
        id: 'imports',
        suite: 'imports',
        status: 'pass',
        exitCode: 0,
      });
      expect(r.result('compute-gpu')).toMatchObject({ suite: 'compute', metrics: { suite: 'compute' } });
      expect(r.result('pip-check')).toMatchObject({ status: 'pass', reason: '' });
      expect(r.result('ddp')).toMatchObject({
        status: 'pass',
        metrics: { ok: true, world: 16, backend: 'nccl', busbw_gbps: 18.75, floor_note: MULTI_NODE_DDP_NOTE },
      });
      expect(r.result('custom')).toMatchObject({
        status: 'skip',
        reason: expect.stringMatching(/ml-image smoke/),
      });
      expect(typeof r.result('train').durationMs).toBe('number');

      // Every container step: the image by digest, the export dir read-only at /ml-image, no home.
      // The first imports the image on every node (the ddp spans them), in a step of its own.
      expect(r.srun).toHaveLength(8);
      const [imported] = r.srun;
      expect(imported!.slice(0, 2)).toEqual(['--nodes=2', '--ntasks-per-node=1']);
      expect(imported!.at(-1)).toBe('true');
      expect(r.stdout).toContain('ml-image: importing the image on 2 node(s) (at most 900s)');
      expect(r.stdout).toMatch(/^ml-image: image imported in \d+s$/m);
      expect(r.stdout.indexOf('ml-image: image imported')).toBeLessThan(
        r.stdout.indexOf('ml-image: imports '),
      );
      for (const argv of r.srun) {
        expect(argv).toContain(`--container-image=ghcr.io#acme/train@${D}`);
        // Only the script: the image reads no other file of the export (or submit) directory.
        expect(argv).toContain(`--container-mounts=${dir}/ml_image_smoke.py:/ml-image/ml_image_smoke.py:ro`);
        expect(argv).toContain('--no-container-mount-home');
        expect(argv).toContain('--container-name=ml-image-smoke-42');
      }
      const imports = r.srun[1]!;
      expect(imports.slice(imports.indexOf('python3'))).toEqual([
        'python3',
        '/ml-image/ml_image_smoke.py',
        'imports',
        'numpy',
        'torch',
      ]);
      const ddp = r.srun.at(-1)!;
      expect(ddp.slice(0, 2)).toEqual(['--nodes=2', '--ntasks-per-node=1']);
      expect(ddp).toContain('--rdzv_endpoint=node-a:29500');
      expect(ddp).toContain('--nnodes=2');
      expect(ddp).toContain('--nproc_per_node=4');
    });

    // --exclusive: a step gets no GRES the job did not name (srun(1), --gres), so each srun names them.
    it("with 'all', every srun asks for the GPUs Slurm lists on the job's nodes", () => {
      const r = runSlurm(local({ nodes: 2, gpusPerNode: 'all', suites: ['gpu', 'ddp'] }), {
        FAKE_GRES: 'gpu:h100:8(S:0-1),mps:100',
      });
      expect(r.stdout).toContain('ml-image: every step asks for 8 GPU(s) per node (--gres=gpu:8)');
      expect(r.srun).toHaveLength(3); // the import, gpu, ddp
      for (const argv of r.srun) expect(argv).toContain('--gres=gpu:8');
    });

    it.skipIf(existsSync('/dev/nvidia0'))(
      "with 'all' and no GPU, exits 3 naming the node, before any suite",
      () => {
        const r = runSlurm(local({ nodes: 2, gpusPerNode: 'all', suites: ['gpu', 'ddp'] }), {
          SLURMD_NODENAME: 'node-a',
        });
        expect(r.status).toBe(3);
        expect(r.stderr).toContain('ml-image: no GPU found on node node-a');
        expect(r.srun).toEqual([]);
      },
    );

    it('passes hostile requirement names as plain arguments: nothing is executed', () => {
      const r = runSlurm(local({ suites: ['imports'], distributions: HOSTILE }));
      expect(r.status).toBe(0);
      const argv = r.srun[1]!;
      expect(argv.slice(argv.indexOf('imports') + 1)).toEqual(HOSTILE);
      expect(existsSync(path.join(dir, 'PWNED'))).toBe(false);
    });

    it('records crashes, broken requirements and timeouts as failures, and exits 1', () => {
      const r = runSlurm(local({ suites: ['imports', 'pip-check', 'train', 'compute'], timeoutSeconds: 1 }), {
        FAKE_CRASH: 'imports',
        FAKE_PIP_FAIL: '1',
        FAKE_HANG: 'train',
      });
      expect(r.status).toBe(1);
      expect(r.result('imports')).toMatchObject({
        status: 'fail',
        exitCode: 3,
        reason: 'the suite exited 3 without a result',
      });
      expect(readFileSync(path.join(r.results, 'imports.err'), 'utf8')).toContain('Traceback: boom');
      expect(r.result('pip-check')).toMatchObject({
        status: 'fail',
        reason: 'pip check found broken requirements',
      });
      expect(readFileSync(path.join(r.results, 'pip-check.out'), 'utf8')).toContain('numpy<2');
      expect(r.result('train')).toMatchObject({
        status: 'fail',
        exitCode: 124,
        reason: 'timed out after 1s',
      });
      expect(r.result('compute-cpu')).toMatchObject({ status: 'pass' });
    });

    /** job.sbatch of O started as Slurm would start it; until() polls for a file the fakes write. */
    function startSlurm(o: SlurmOptions, env: Record<string, string>) {
      const run = slurmJob(o, env);
      const child = spawn('bash', [run.job], run.options);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      return { ...run, child, exited, stderr: () => stderr };
    }
    /** Waits (at most 10 s: no timing is asserted) until FILE holds something. */
    async function until(file: string): Promise<string> {
      for (let i = 0; i < 200 && !(existsSync(file) && readFileSync(file, 'utf8').trim()); i++)
        await new Promise((r) => setTimeout(r, 50));
      return readFileSync(file, 'utf8');
    }
    const removal = (argv: string[]) => argv.includes('pyxis_ml-image-smoke-42');

    it.each([
      ['USR1', 138, 'Slurm before the time limit, or scancel --batch --signal=USR1'],
      ['TERM', 143, 'a plain scancel'],
    ])(
      'stopped by SIG%s mid-suite: exits %i, the running step ended at once, the container removed (%s)',
      async (sig, code) => {
        const hungPid = path.join(dir, 'hung.pid');
        const run = startSlurm(local({ suites: ['imports', 'train', 'compute'] }), {
          FAKE_HANG: 'train',
          FAKE_HANG_PID: hungPid,
        });
        // Signalled once the hung suite runs (its own timeout is 600 s, the sleep's 30 s).
        const hung = Number(await until(hungPid));
        run.child.kill(`SIG${sig}` as NodeJS.Signals);
        expect(await run.exited).toBe(code);
        expect(run.stderr()).toContain(`ml-image: stopped by SIG${sig} (the time limit is near, or scancel)`);
        // The step's process is gone (not left running on the node), and the container's removal ran after it.
        expect(() => process.kill(hung, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
        const argvs = calls(run.log);
        expect(removal(argvs.at(-1)!)).toBe(true);
        expect(argvs.at(-1)).toContain('pyxis_42_ml-image-smoke-42');
        expect(argvs.findIndex((a) => a.includes('train'))).toBeLessThan(argvs.length - 1);
        // What ran is kept; job.json has no finishedAt: collect shows the job as stopped.
        expect(existsSync(path.join(run.results, 'imports.json'))).toBe(true);
        expect(existsSync(path.join(run.results, 'train.json'))).toBe(false);
        expect(jobJson(run.results).finishedAt).toBeUndefined();
      },
    );

    it('a second stop signal, during the removal, is ignored: the removal ends, the first stop stands', async () => {
      const hungPid = path.join(dir, 'hung.pid');
      const removed = path.join(dir, 'removed');
      const run = startSlurm(local({ suites: ['train'] }), {
        FAKE_HANG: 'train',
        FAKE_HANG_PID: hungPid,
        FAKE_REMOVE_SECONDS: '1',
        FAKE_REMOVED: removed,
      });
      await until(hungPid);
      run.child.kill('SIGUSR1');
      await until(path.join(dir, 'removing'));
      run.child.kill('SIGUSR1');
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(138);
      expect(readFileSync(removed, 'utf8')).toBe('done\n');
      expect(run.stderr().match(/ml-image: stopped by/g)).toHaveLength(1);
    });

    it('a stop signal once every suite ran changes nothing: the job ends as it would, finishedAt kept', async () => {
      const removed = path.join(dir, 'removed');
      const run = startSlurm(local({ suites: ['imports'] }), {
        FAKE_REMOVE_SECONDS: '1',
        FAKE_REMOVED: removed,
      });
      await until(path.join(dir, 'removing'));
      run.child.kill('SIGUSR1');
      expect(await run.exited).toBe(0);
      expect(run.stderr()).not.toContain('ml-image: stopped by');
      expect(readFileSync(removed, 'utf8')).toBe('done\n');
      expect(jobJson(run.results).finishedAt).toMatch(UTC);
    });

    // An image without pip: pip-check is skipped with the reason, as the pipeline's is; the job passes.
    it('an image without pip: pip-check skipped, the job passes', () => {
      const r = runSlurm(local({ suites: ['pip-check'] }), { FAKE_NO_PIP: '1' });
      expect(r.status).toBe(0);
      expect(r.result('pip-check')).toMatchObject({
        status: 'skip',
        reason: 'pip is not installed in the image',
      });
    });

    // A broken pip ("No module named pip.__main__; 'pip' is a package ...") is no missing pip: a failure.
    it('a broken pip: pip-check fails, as the pipeline says', () => {
      const r = runSlurm(local({ suites: ['pip-check'] }), {
        FAKE_NO_PIP: "1.__main__; 'pip' is a package and cannot be directly executed",
      });
      expect(r.status).toBe(1);
      expect(r.result('pip-check')).toMatchObject({
        status: 'fail',
        reason: 'pip check found broken requirements',
      });
    });

    // The result is read as the host reads it: the last line holding its start, from there.
    it.each([
      ['printed after it at exit', { FAKE_AFTER: '1' }],
      ['printed before it on its line', { FAKE_GLUED: '1' }],
    ])('a suite whose module output is %s: its result is read', (_what, env) => {
      const r = runSlurm(local({ suites: ['imports'], distributions: ['x'] }), env);
      expect(r.status).toBe(0);
      expect(r.result('imports')).toMatchObject({ status: 'pass', metrics: { suite: 'imports' } });
    });

    // Pyxis imports the image in the first srun that names the container: a failed or slow import
    // is the job's, said as such, before any suite (not the first suite failing or timing out).
    it.each([
      [
        'fails',
        { FAKE_IMPORT_FAIL: '1' },
        'ml-image: the image import failed (srun exited 1): no suite ran; check the image reference',
      ],
      [
        'outlasts ML_IMAGE_IMPORT_TIMEOUT',
        { FAKE_IMPORT_HANG: '1', ML_IMAGE_IMPORT_TIMEOUT: '1' },
        'ml-image: the image import did not finish within 1s: no suite ran (raise ML_IMAGE_IMPORT_TIMEOUT',
      ],
    ])('an import that %s ends the job with exit 3, before any suite', (_n, env, message) => {
      const r = runSlurm(
        local({ nodes: 2, gpusPerNode: 4, suites: ['imports', 'ddp'], distributions: ['x'] }),
        env,
      );
      expect(r.status).toBe(3);
      expect(r.stderr).toContain(message);
      expect(r.srun).toHaveLength(1);
      expect(r.srun[0]!.at(-1)).toBe('true');
      expect(existsSync(path.join(r.results, 'imports.json'))).toBe(false);
      // job.json says the job started, and (no finishedAt) that it ended before its suites ran.
      const meta = jobJson(r.results);
      expect(meta).toMatchObject({ target: 'slurm', job: '42', tests: testsOf('imports', 'ddp') });
      expect(meta.finishedAt).toBeUndefined();
      if ('FAKE_IMPORT_FAIL' in env) expect(r.stderr).toContain('  | pyxis: failed to import docker image');
    });

    it("a slow import is no part of the first suite's timeout", () => {
      // The import takes 3 s, longer than the suites' 2 s timeout: the import step takes it.
      const r = runSlurm(local({ suites: ['train', 'imports'], distributions: ['x'], timeoutSeconds: 2 }), {
        FAKE_IMPORT_SECONDS: '3',
      });

      expect(r.status).toBe(0);
      expect(r.result('train')).toMatchObject({ status: 'pass', exitCode: 0 });
      expect(r.result('imports')).toMatchObject({ status: 'pass' });
      expect(r.srun).toHaveLength(3);
    });

    it('writes job.json: the image by digest, where it ran, the tests in order, finishedAt once all ran', () => {
      const o = local({
        nodes: 2,
        gpusPerNode: 4,
        name: 'smoke-a',
        suites: ['train', 'imports', 'compute', 'ddp'],
        distributions: ['x'],
      });
      // A failing suite is a result: the job still ran every suite, so finishedAt is there.
      const r = runSlurm(o, { FAKE_CRASH: 'train' });
      expect(r.status).toBe(1);
      const meta = jobJson(r.results);
      expect(meta).toEqual({
        schemaVersion: 2,
        target: 'slurm',
        image: `ghcr.io/acme/train@${D}`,
        name: 'smoke-a',
        job: '42',
        node: hostname(),
        machine: MACHINE,
        nodes: 2,
        gpusPerNode: 4,
        tests: testsOf('train', 'imports', 'compute-cpu', 'compute-gpu', 'ddp'),
        startedAt: expect.stringMatching(UTC),
        finishedAt: expect.stringMatching(UTC),
      });
      expect(meta.finishedAt! >= meta.startedAt).toBe(true);
      expect(existsSync(path.join(r.results, 'job.json.tmp'))).toBe(false);
    });

    it('outside Slurm, with \'all\': job local, one node, gpusPerNode "all"', () => {
      const results = path.join(dir, 'elsewhere');
      const r = runSlurm(local({ gpusPerNode: 'all', suites: ['gpu'] }), {
        SLURM_JOB_ID: '',
        SLURM_NNODES: '',
        FAKE_GRES: 'gpu:8',
        ML_IMAGE_RESULTS_DIR: results,
      });
      expect(r.status).toBe(0);
      expect(jobJson(results)).toMatchObject({
        job: 'local',
        nodes: 1,
        gpusPerNode: 'all',
        tests: testsOf('gpu'),
        finishedAt: expect.stringMatching(UTC),
      });
    });

    it('keeps a hostile job id, host name and node count JSON: nothing in them is run', () => {
      const results = path.join(dir, 'hostile');
      const r = runSlurm(local({ suites: ['train'] }), {
        SLURM_JOB_ID: HOSTILE_ID,
        FAKE_HOSTNAME: HOSTILE_ID,
        SLURM_NNODES: '1; touch PWNED',
        ML_IMAGE_RESULTS_DIR: results,
      });
      expect(r.status).toBe(0);
      expect(jobJson(results)).toMatchObject({
        job: HOSTILE_ID_JSON,
        node: HOSTILE_ID_JSON,
        nodes: 1,
        finishedAt: expect.stringMatching(UTC),
      });
      expect(existsSync(path.join(dir, 'PWNED'))).toBe(false);
    });

    // Without Pyxis, srun refuses --container-image: the job says so rather than blame the image.
    it('a cluster without Pyxis: exit 3 naming it, before any srun runs a step', () => {
      const r = runSlurm(local({ suites: ['imports', 'gpu'], gpusPerNode: 4 }), { FAKE_NO_PYXIS: ' ' });
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(
        /ml-image: no Pyxis on \S+ \(srun --help lists no --container-image\): .*no suite ran/,
      );
      expect(r.srun).toEqual([]);
      expect(jobJson(r.results).finishedAt).toBeUndefined();
    });

    it('ML_IMAGE_IMPORT_TIMEOUT that is no number of seconds: exit 2 naming it, before any srun', () => {
      const r = runSlurm(local({ suites: ['train'] }), { ML_IMAGE_IMPORT_TIMEOUT: 'soon' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("ml-image: ML_IMAGE_IMPORT_TIMEOUT: expected whole seconds, got 'soon'");
      expect(r.srun).toEqual([]);
    });

    it('finds the smoke script through ML_IMAGE_EXPORT_DIR, and stops when it is nowhere', () => {
      const moved = path.join(dir, 'moved');
      mkdirSync(moved);
      writeFileSync(path.join(moved, 'ml_image_smoke.py'), SMOKE_PY);
      const o = local({ suites: ['train'], exportDir: path.join(dir, 'exported') });
      mkdirSync(o.exportDir);
      const ok = runSlurm(o, { ML_IMAGE_EXPORT_DIR: moved, SLURM_SUBMIT_DIR: '/nonexistent' });
      expect(ok.status).toBe(0);
      expect(ok.srun[0]).toContain(
        `--container-mounts=${moved}/ml_image_smoke.py:/ml-image/ml_image_smoke.py:ro`,
      );

      rmSync(o.exportDir, { recursive: true });
      const lost = spawnSync('bash', [path.join(dir, 'job.sbatch')], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, SLURM_SUBMIT_DIR: '/nonexistent', SLURM_JOB_ID: '43' },
      });
      expect(lost.status).toBe(2);
      expect(lost.stderr).toMatch(/ml_image_smoke.py not found: set ML_IMAGE_EXPORT_DIR/);
    });

    it('keeps variables whose names or values look secret out of the container steps, and names them once', () => {
      const env = path.join(dir, 'step.env');
      const planted: Record<string, string> = {
        HF_TOKEN: 'hf_planted0value0one',
        AWS_SECRET_ACCESS_KEY: 'planted-aws-value',
        GITHUB_TOKEN: 'planted-gh-value',
        WANDB_API_KEY: 'planted-wandb-value',
        db_password: 'planted-db-value',
        GH_PAT: 'planted-pat-value',
        MYSQL_PWD: 'planted-mysql-value',
        // Innocent names, values that hold a login, a token or a connection string's password.
        PIP_INDEX_URL: 'https://alice:plantedpw1@pypi.example.com/simple',
        PIP_EXTRA_INDEX_URL: `https://ghp_${'P1'.repeat(14)}@x.example/simple`,
        DATABASE_URL: 'postgres://u:plantedpw2@db/x',
        AZ_CONN: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=plantedKey3==;EndpointSuffix=x',
        EXTRA_INDEX: 'https://h.example/simple?token=plantedtok4',
      };
      const kept: Record<string, string> = {
        HTTPS_PROXY: 'http://proxy.example:3128',
        COMPASS_DIR: '/opt/compass',
        SLURM_TEST_TOKEN: 'slurm-own',
        ENROOT_TEST_SECRET: 'enroot-own',
        PYXIS_TEST_KEY: 'pyxis-own',
        ML_IMAGE_TEST_TOKEN: 'ml-image-own',
        // Fabric settings a multi-node step needs (InfiniBand partition keys), not secrets.
        NCCL_IB_PKEY: '0x8001',
        UCX_IB_PKEY: '0x8001',
        // A token Enroot's .credentials reads as $NGC_API_KEY, passed on by name.
        NGC_API_KEY: 'kept-by-name',
        ML_IMAGE_KEEP_ENV: 'NGC_API_KEY OTHER',
        // The shell's directories, an index and a proxy without a login.
        OLDPWD: dir,
        PLAIN_INDEX_URL: 'https://pypi.org/simple',
        HTTP_PROXY: 'http://proxy.example:3128',
      };
      const r = runSlurm(local({ suites: ['imports', 'train'] }), { ...planted, ...kept, FAKE_ENV: env });
      expect(r.status).toBe(0);
      const seen = Object.fromEntries(
        readFileSync(env, 'utf8')
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      for (const name of Object.keys(planted)) expect(seen).not.toHaveProperty(name);
      expect(seen).toMatchObject(kept);
      expect(seen).toMatchObject({ ML_IMAGE_SMOKE_TIMEOUT: '600', SLURM_JOB_ID: '42' });
      expect(seen.PATH).toContain(path.join(dir, 'bin'));
      const said = r.stderr.split('\n').filter((l) => l.startsWith('ml-image: not passing'));
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(
        /^ml-image: not passing 12 variable\(s\) whose names or values look secret into the image under test: /,
      );
      for (const name of Object.keys(planted)) expect(said[0]).toContain(` ${name}`);
      for (const value of Object.values(planted)) {
        expect(r.stderr).not.toContain(value);
        expect(r.stdout).not.toContain(value);
      }
    });

    it("bash's verdict on values takes in all that the shared rules mask in them", () => {
      // Under innocent names: V0, V1 ... hold the values of ENV_CASES that redaction masks as text
      // (the job leaves long base64-like values alone), P0, P1 ... values it keeps.
      const masked = ENV_CASES.map(([, v]) => v).filter((v) => redactText(v) !== v);
      const plain = [
        '/usr/local/bin:/usr/bin',
        'https://pypi.org/simple',
        'http://proxy.example:3128',
        '12.8.1',
      ];
      const env = Object.fromEntries([
        ...masked.map((v, i) => [`V${i}`, v]),
        ...plain.map((v, i) => [`P${i}`, v]),
      ]);
      const r = spawnSync(
        'bash',
        [
          '-c',
          `set -uo pipefail\n${hideSecretsShell()}\nfor n in ${Object.keys(env).join(' ')}; do [ -n "\${!n+x}" ] && echo "$n"; done; true`,
        ],
        { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } },
      );
      expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual(plain.map((_v, i) => `P${i}`));
      expect(masked.length).toBeGreaterThan(20);
      for (const v of masked) expect(r.stderr).not.toContain(v);
    });

    // Slurm's, the fabric's and its own names are no secrets by name, but a credential's value is one
    // (SLURM_JWT from `scontrol token` reached the image under test).
    it('a kept prefix skips the name test; its value is tested for a JWT and a private key only', () => {
      const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from('{"sun":"alice","exp":1}').toString('base64url')}.${'s1G'.repeat(12)}`;
      const env = {
        SLURM_JWT: jwt,
        ENROOT_KEY_PEM:
          '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n',
        NCCL_SOCKET_TOKEN: `ghp_${'P1'.repeat(18)}`,
        ML_IMAGE_TORCH_INDEX_URL: 'https://user:s3cr3tpw@pypi.corp/simple',
        SLURM_JOB_NAME: 'mask-rcnn-finetune-coco2017',
        ML_IMAGE_EXPORT_DIR: '/lustre/team.a/mask-rcnn-detectron2-baseline/export',
        NCCL_IB_PKEY: '0x8001',
        ML_IMAGE_SMOKE_TIMEOUT: '600',
        PMIX_SERVER_URI2: 'pmix-server.4242;tcp4://10.0.0.1:45678',
      };
      const r = spawnSync(
        'bash',
        [
          '-c',
          `set -uo pipefail\n${hideSecretsShell()}\nfor n in ${Object.keys(env).join(' ')}; do [ -n "\${!n+x}" ] && echo "$n"; done; true`,
        ],
        { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } },
      );
      // The wider value test (lookarounds dropped: sk- inside mask-rcnn-...) would have unset the paths.
      expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual([
        'ML_IMAGE_EXPORT_DIR',
        'ML_IMAGE_SMOKE_TIMEOUT',
        'NCCL_IB_PKEY',
        'PMIX_SERVER_URI2',
        'SLURM_JOB_NAME',
      ]);
      expect(r.stderr).toContain('not passing 4 variable(s)');
      expect(r.stderr).not.toContain(jwt);
    });

    it("bash's verdict on names is the shared secretName rule's", () => {
      const names = [
        'HF_TOKEN',
        'hf_token',
        'Api_Key',
        'GH_PAT',
        'PAT',
        'PAT2',
        'X_PAT_Y',
        'DB_PASS',
        'pass',
        'PASS_2',
        'MYSQL_PASSWORD',
        'PGPASSWD',
        'GPG_PASSPHRASE',
        'MYPASSPHRASE',
        'NPM_CONFIG__AUTH',
        'MY_CREDS',
        'GOOGLE_APPLICATION_CREDENTIALS',
        'SIGNING_PRIVATE_PEM',
        'BROWSER_COOKIE',
        'X_SESSION',
        'REQ_SIGNATURE',
        'PATTERN',
        'SPAT',
        'PATH_EXTRA',
        'COMPASS',
        'PASSTHROUGH',
        'BYPASS',
        'https_proxy',
        'LANG_X',
        'Keyless',
      ];
      const r = spawnSync(
        'bash',
        [
          '-c',
          `set -uo pipefail\n${hideSecretsShell()}\nfor n in ${names.join(' ')}; do [ -n "\${!n+x}" ] && echo "$n"; done; true`,
        ],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, ...Object.fromEntries(names.map((n) => [n, 'v'])) },
        },
      );
      const left = r.stdout.split('\n').filter(Boolean);
      const secret = (n: string) => redactEnvValue(n, 'plain') === REDACTED;
      expect(left.sort()).toEqual(names.filter((n) => !secret(n)).sort());
      expect(names.filter(secret).length).toBeGreaterThan(10);
      expect(left.length).toBeGreaterThan(5);
    });

    // --gpus-per-node 0: a CUDA image's NVIDIA_VISIBLE_DEVICES=all wins over the host's unless
    // Pyxis's --container-env (0.12 and later) names it.
    it.each([
      ['knows --container-env (Pyxis >= 0.12)', '      --container-env=NAME[,NAME...]', true],
      ['does not know --container-env', '      --container-image=[USER@][REGISTRY#]IMAGE[:TAG]|PATH', false],
    ])('CPU only, a srun that %s', (_n, help, knows) => {
      const env = path.join(dir, 'step.env');
      const r = runSlurm(local({ suites: ['imports', 'train'] }), { FAKE_SRUN_HELP: help, FAKE_ENV: env });
      expect(r.status).toBe(0);
      expect(readFileSync(env, 'utf8')).toMatch(/^NVIDIA_VISIBLE_DEVICES=void$/m);
      expect(r.srun).toHaveLength(3); // the import, imports, train
      for (const argv of r.srun) expect(argv.includes('--container-env=NVIDIA_VISIBLE_DEVICES')).toBe(knows);
      const warned = r.stderr.split('\n').filter((l) => l.includes('GPUs of a node may be visible'));
      expect(warned).toHaveLength(knows ? 0 : 1);
      if (!knows) expect(warned[0]).toMatch(/Pyxis 0\.12 and later hide them/);
    });

    it('with GPUs, leaves NVIDIA_VISIBLE_DEVICES to Slurm', () => {
      const env = path.join(dir, 'step.env');
      const r = runSlurm(local({ suites: ['gpu'], gpusPerNode: 4 }), {
        FAKE_SRUN_HELP: '      --container-env=NAME[,NAME...]',
        FAKE_ENV: env,
      });
      expect(r.status).toBe(0);
      expect(readFileSync(env, 'utf8')).not.toContain('NVIDIA_VISIBLE_DEVICES');
      expect(r.srun[0]).not.toContain('--container-env=NVIDIA_VISIBLE_DEVICES');
    });

    // The real script needs python3 with an installed distribution to import (pip, here).
    const noPython = missingTools('the real-script test of export-scripts.test.ts', ['python3-pip']);
    it.skipIf(noPython)('captures the real ml_image_smoke.py result lines (json.dumps layout)', () => {
      const r = runSlurm(local({ suites: ['imports', 'custom'], distributions: ['pip'] }), {
        FAKE_REAL: dir,
      });
      expect(r.result('imports')).toMatchObject({ id: 'imports', status: 'pass', metrics: { modules: 1 } });
      expect(r.result('custom').status).toBe('skip');
    });

    it("what it writes is read back by ml-image collect, as the smoke result of the node's platform", async () => {
      const r = runSlurm(local({ suites: ['imports', 'pip-check', 'train'] }), {
        FAKE_CRASH: 'imports',
        FAKE_HOSTNAME: 'node-a',
      });
      expect(r.status).toBe(1);
      const io = await collect(['--slurm', path.relative(dir, r.results)]);
      expect(io.err()).toMatch(/^warning: build has no environment record [^\n]*\n$/);
      expect(io.out()).toContain(
        'collected 3 test(s) of Slurm job 42 on node-a: 2 passed, 1 failed, 0 skipped',
      );
      const result = collected();
      expect(result.tests.map((t) => [t.id, t.status])).toEqual([
        ['imports', 'fail'],
        ['pip-check', 'pass'],
        ['train', 'pass'],
      ]);
      expect(result.tests[0]!.output).toContain('Traceback: boom');
      expect(result.interrupted).toBeUndefined();
      expect(result.finishedAt).toBeDefined();
    });

    it('a job stopped by a failed import is collected as stopped', async () => {
      const r = runSlurm(local({ suites: ['imports'] }), { FAKE_IMPORT_FAIL: '1' });
      expect(r.status).toBe(3);
      await collect(['--slurm', path.relative(dir, r.results)]);
      const result = collected();
      // No suite ran: the first is failed by the stop, as the smoke stage fails a test cut short.
      expect(result.tests.map((t) => [t.id, t.status])).toEqual([['imports', 'fail']]);
      expect(result.interrupted).toMatch(
        /the job ended before every suite ran \(its job\.json has no finishedAt/,
      );
    });

    it("removes an earlier run's files of the job's names from a directory used again, and keeps any other", async () => {
      const first = runSlurm(local({ suites: ['compute', 'train'], gpusPerNode: 2 }));
      expect(first.status).toBe(0);
      expect(existsSync(path.join(first.results, 'compute-gpu.json'))).toBe(true);
      writeFileSync(path.join(first.results, 'notes.json'), '{}');
      const again = runSlurm(local({ suites: ['compute'] }));
      expect(again.results).toBe(first.results);
      expect(
        readdirSync(again.results)
          .filter((f) => f.endsWith('.json'))
          .sort(),
      ).toEqual(['compute-cpu.json', 'job.json', 'notes.json']);
      for (const f of ['compute-gpu.out', 'compute-gpu.err', 'train.json', 'train.out', 'train.err'])
        expect(existsSync(path.join(again.results, f)), f).toBe(false);
    });
  });
});

describe.skipIf(SKIP)('the pod driver (run.sh)', () => {
  // python3: DNS checks pass, pip check passes, torchrun prints the rank-0 line on pod 0 only
  // ($FAKE_DDP_LINE, else a pass) after FAKE_TORCHRUN_SLEEP seconds; FAKE_RESULT is the result line of
  // the suite FAKE_RESULT_SUITE; FAKE_HANG names suites that hang.
  const FAKE_PYTHON = [
    `DDP_OK='{"ok": true, "world": 4, "backend": "nccl", "algbw_gbps": 1.0, "busbw_gbps": 1.5}'`,
    'case "$*" in',
    '  "-c "*) exit 0 ;;',
    '  *"-m pip check"*) if [ -n "${FAKE_NO_PIP:-}" ]; then echo "/usr/bin/python3: No module named pip" >&2; exit 1; fi; exit 0 ;;',
    '  *torch.distributed.run*) sleep "${FAKE_TORCHRUN_SLEEP:-0}"; if [ "${JOB_COMPLETION_INDEX:-0}" = 0 ]; then printf "ML_IMAGE_DDP %s\\n" "${FAKE_DDP_LINE:-$DDP_OK}"; fi; exit "${FAKE_TORCHRUN_RC:-0}" ;;',
    'esac',
    'suite=$2',
    'if [ "$suite" = "${FAKE_RESULT_SUITE:-}" ]; then printf "%s\\n" "$FAKE_RESULT"; exit 1; fi',
    'case " ${FAKE_CRASH:-} " in *" $suite "*) echo "Traceback: boom" >&2; exit 3 ;; esac',
    'case " ${FAKE_HANG:-} " in *" $suite "*) exec sleep 30 ;; esac',
    'echo "{\\"status\\": \\"pass\\", \\"reason\\": \\"\\", \\"metrics\\": {\\"suite\\": \\"$suite\\"}}"',
  ].join('\n');

  function runPod(o: K8sOptions, env: Record<string, string> = {}, shell = POSIX_SH) {
    const file = path.join(dir, 'run.sh');
    writeFileSync(file, podScript(o, o.name ?? 'ml-image-smoke'));
    const log = path.join(dir, `log${env.JOB_COMPLETION_INDEX ?? ''}`);
    mkdirSync(log, { recursive: true });
    const results = path.join(dir, `results${env.JOB_COMPLETION_INDEX ?? ''}`);
    const [cmd, ...pre] = shell.split(' ');
    const r = spawnSync(cmd!, [...pre, file], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: `${fakeBin({ python3: FAKE_PYTHON })}:${process.env.PATH}`,
        FAKE_LOG: log,
        ML_IMAGE_RESULTS_DIR: results,
        ...env,
      },
    });
    const lines = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('ML_IMAGE_RESULT '))
      .map((l) => JSON.parse(l.slice('ML_IMAGE_RESULT '.length)) as Record<string, unknown>);
    // The job's lines, read as ml-image collect reads them.
    const jobs = r.stdout
      .split('\n')
      .filter((l) => l.startsWith(JOB_PREFIX))
      .map((l) => JobMetaSchema.parse(JSON.parse(l.slice(JOB_PREFIX.length))));
    return { ...r, lines, jobs, calls: calls(log) };
  }

  it.each([
    ['one CPU pod', k8s()],
    ['4 pods', k8s({ nodes: 4, gpusPerNode: 8 })],
    ['hostile requirement names', k8s({ distributions: HOSTILE })],
  ])('passes sh -n (dash) and bash -n: %s', (_n, o) => {
    const sh = podScript(o, 'x');
    for (const shell of [POSIX_SH, 'bash']) {
      const r = syntax(shell, sh);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('prints one ML_IMAGE_RESULT line per suite and exits 0 when all pass', () => {
    const r = runPod(k8s({ gpusPerNode: 2, distributions: HOSTILE }));
    expect(r.status).toBe(0);
    expect(r.lines.map((l) => `${l.id}:${l.status}`)).toEqual([
      'imports:pass',
      'pip-check:pass',
      'gpu:pass',
      'compute-cpu:pass',
      'compute-gpu:pass',
      'train:pass',
      'ddp:pass',
      'custom:skip',
    ]);
    expect(r.lines.find((l) => l.id === 'ddp')).toMatchObject({ status: 'pass', metrics: { suite: 'ddp' } });
    const imports = r.calls.find((c) => c.includes('imports'))!;
    expect(imports.slice(imports.indexOf('imports') + 1)).toEqual(HOSTILE);
    expect(existsSync(path.join(dir, 'PWNED'))).toBe(false);
    const ddp = r.calls.find((c) => c.includes('ddp'))!;
    expect(ddp.slice(0, 5)).toEqual(['/ml-image/ml_image_smoke.py', 'ddp', '2', '--cuda', '--floors']);
    expect(JSON.parse(ddp[5]!)).toEqual(bundledBaseline());
    const compute = r.calls.find((c) => c.includes('cuda') && c.includes('compute'))!;
    expect(compute.slice(1, 4)).toEqual(['compute', 'cuda', '--floors']);
    expect(JSON.parse(compute[4]!)).toEqual(bundledBaseline());
    expect(r.calls.find((c) => c.includes('train'))).toEqual([
      '/ml-image/ml_image_smoke.py',
      'train',
      '0.5',
      '--cuda',
    ]);
  });

  it.each([POSIX_SH, 'bash', ...BUSYBOX_SH])(
    'prints an ML_IMAGE_JOB line first, and one with finishedAt last once every suite ran (%s)',
    (shell) => {
      const o = k8s({ gpusPerNode: 2, name: 'smoke-a', suites: ['train', 'compute', 'pip-check'] });
      const r = runPod(o, { ML_IMAGE_NODE: 'gpu-node-7', FAKE_CRASH: 'train' }, shell);
      expect(r.status).toBe(1);
      const out = r.stdout.split('\n').filter(Boolean);
      expect(out[0]).toMatch(/^ML_IMAGE_JOB \{/);
      expect(out.at(-1)).toMatch(/^ML_IMAGE_JOB \{.*"finishedAt"/);
      expect(r.jobs).toHaveLength(2);
      const [start, end] = r.jobs;
      expect(start).toEqual({
        schemaVersion: 2,
        target: 'k8s',
        image: `ghcr.io/acme/train@${D}`,
        name: 'smoke-a',
        job: 'smoke-a',
        pod: 0,
        node: 'gpu-node-7',
        machine: MACHINE,
        nodes: 1,
        gpusPerNode: 2,
        tests: testsOf('train', 'compute-cpu', 'compute-gpu', 'pip-check'),
        startedAt: expect.stringMatching(UTC),
      });
      expect(end).toEqual({ ...start, finishedAt: expect.stringMatching(UTC) });
    },
  );

  it('a worker pod (index 1) prints the start line, as pod 1, and no end line', () => {
    const o = k8s({ nodes: 2, gpusPerNode: 4, name: 'smoke', suites: ['imports', 'ddp'] });
    const pod1 = runPod(o, { JOB_COMPLETION_INDEX: '1', ML_IMAGE_NODE: 'gpu-node-2' });
    expect(pod1.status).toBe(0);
    expect(pod1.jobs).toEqual([
      expect.objectContaining({
        job: 'smoke',
        pod: 1,
        node: 'gpu-node-2',
        nodes: 2,
        tests: testsOf('ddp', 'imports'),
      }),
    ]);
    expect(pod1.jobs[0]!.finishedAt).toBeUndefined();
    const pod0 = runPod(o, { JOB_COMPLETION_INDEX: '0', ML_IMAGE_NODE: 'gpu-node-1' });
    expect(pod0.jobs.map((j) => `${j.pod}:${j.finishedAt === undefined ? 'start' : 'end'}`)).toEqual([
      '0:start',
      '0:end',
    ]);
  });

  it("keeps a hostile node name JSON, and without ML_IMAGE_NODE names the pod's host", () => {
    const hostile = runPod(k8s({ suites: ['train'] }), { ML_IMAGE_NODE: HOSTILE_ID });
    expect(hostile.jobs.map((j) => j.node)).toEqual([HOSTILE_ID_JSON, HOSTILE_ID_JSON]);
    expect(existsSync(path.join(dir, 'PWNED'))).toBe(false);
    const plain = runPod(k8s({ suites: ['train'] }));
    expect(plain.jobs.map((j) => j.node)).toEqual([hostname(), hostname()]);
  });

  it('exits 1 and shows the stderr of a failing suite', () => {
    const r = runPod(k8s({ suites: ['train', 'pip-check'] }), { FAKE_CRASH: 'train' });
    expect(r.status).toBe(1);
    expect(r.lines[0]).toMatchObject({
      id: 'train',
      status: 'fail',
      reason: 'the suite exited 3 without a result',
    });
    expect(r.stdout).toContain('  | Traceback: boom');
    expect(r.lines[1]).toMatchObject({ id: 'pip-check', status: 'pass' });
  });

  it('an image without pip: pip-check skipped with the reason, the pod passes', () => {
    const r = runPod(k8s({ suites: ['pip-check'] }), { FAKE_NO_PIP: '1' });
    expect(r.status).toBe(0);
    expect(r.lines[0]).toMatchObject({
      id: 'pip-check',
      status: 'skip',
      reason: 'pip is not installed in the image',
    });
  });

  // dash's echo turned "\n" and "\\" into a line break and a backslash, and "\c" ended the line.
  it('prints a failing result with \\n, \\\\ and \\c in its JSON strings as one ML_IMAGE_RESULT line (dash)', () => {
    const output =
      'Traceback (most recent call last):\n  File "x.py", line 1\nOSError: C:\\cache\\x \\c tail';
    const line = `{"status": "fail", "reason": "RuntimeError: CUDA error", "output": ${JSON.stringify(output)}}`;
    const r = runPod(k8s({ suites: ['train', 'pip-check'] }), {
      FAKE_RESULT: line,
      FAKE_RESULT_SUITE: 'train',
    });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('ML_IMAGE_RESULT '))).toHaveLength(2);
    expect(r.lines[0]).toMatchObject({ id: 'train', status: 'fail', output });
    expect(r.lines[1]).toMatchObject({ id: 'pip-check', status: 'pass' });
  });

  it("keeps the backslashes of torchrun's metrics line in a multi-pod ddp result (dash)", () => {
    const error = 'NCCL WARN \\n in C:\\nccl\\x \\c';
    const o = k8s({ nodes: 2, gpusPerNode: 4, name: 'smoke', suites: ['ddp'] });
    const r = runPod(o, {
      JOB_COMPLETION_INDEX: '0',
      FAKE_TORCHRUN_RC: '1',
      FAKE_DDP_LINE: `{"ok": false, "world": 4, "error": ${JSON.stringify(error)}}`,
    });
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([
      expect.objectContaining({
        id: 'ddp',
        status: 'fail',
        reason: 'all-reduce failed or returned a wrong sum (exit 1)',
        metrics: { ok: false, world: 4, error, floor_note: MULTI_NODE_DDP_NOTE },
      }),
    ]);
  });

  it('runs ddp first on every pod of a multi-pod Job, and the other suites on pod 0 only', () => {
    const o = k8s({ nodes: 2, gpusPerNode: 4, name: 'smoke', suites: ['imports', 'ddp', 'train'] });
    const pod0 = runPod(o, { JOB_COMPLETION_INDEX: '0' });
    expect(pod0.status).toBe(0);
    expect(pod0.lines.map((l) => `${l.id}:${l.status}`)).toEqual(['ddp:pass', 'imports:pass', 'train:pass']);
    expect(pod0.lines[0]).toMatchObject({ metrics: { world: 4, floor_note: MULTI_NODE_DDP_NOTE } });
    const torchrun0 = pod0.calls.find((c) => c.includes('torch.distributed.run'))!;
    expect(torchrun0).toEqual(
      expect.arrayContaining([
        '--nnodes=2',
        '--nproc_per_node=4',
        '--rdzv_backend=c10d',
        '--rdzv_endpoint=smoke-0.smoke:29500',
        // The suite's 600 s plus 900 s for another pod's image pull.
        '--rdzv_conf=join_timeout=1500,is_host=1',
      ]),
    );
    // Before torchrun, the pod waited for the rendezvous host's DNS name.
    expect(pod0.calls[0]).toEqual(expect.arrayContaining(['-c', 'smoke-0.smoke']));

    const pod1 = runPod(o, { JOB_COMPLETION_INDEX: '1' });
    expect(pod1.status).toBe(0);
    expect(pod1.lines).toEqual([
      expect.objectContaining({
        id: 'ddp',
        status: 'pass',
        reason: expect.stringMatching(/rank 0 on pod 0/),
      }),
    ]);
    expect(pod1.calls.find((c) => c.includes('torch.distributed.run'))).toContain(
      '--rdzv_conf=join_timeout=1500,is_host=0',
    );
  });

  // Pods start as their nodes finish pulling the image: the rendezvous waits for the last one beyond
  // the suite's timeout; the suites after ddp keep it.
  it('a multi-pod ddp may wait in the rendezvous beyond the suite timeout; the next suite may not', () => {
    const o = k8s({ nodes: 2, gpusPerNode: 4, name: 'smoke', suites: ['ddp', 'train'], timeoutSeconds: 1 });
    const pod0 = runPod(o, { JOB_COMPLETION_INDEX: '0', FAKE_TORCHRUN_SLEEP: '2', FAKE_HANG: 'train' });
    expect(pod0.status).toBe(1);
    expect(pod0.lines.map((l) => `${l.id}:${l.status}`)).toEqual(['ddp:pass', 'train:fail']);
    expect(pod0.lines[1]).toMatchObject({ exitCode: 124, reason: 'timed out after 1s' });
    expect(pod0.calls.find((c) => c.includes('torch.distributed.run'))).toContain(
      '--rdzv_conf=join_timeout=901,is_host=1',
    );
  });

  it("a worker pod whose ddp failed reports it and exits 0: with backoffLimit 0 its failure would stop pod 0's suites", () => {
    const o = k8s({ nodes: 2, gpusPerNode: 4, name: 'smoke', suites: ['imports', 'ddp', 'train'] });
    const pod1 = runPod(o, { JOB_COMPLETION_INDEX: '1', FAKE_TORCHRUN_RC: '1' });
    expect(pod1.status).toBe(0);
    expect(pod1.lines).toEqual([expect.objectContaining({ id: 'ddp', status: 'fail' })]);
    // Pod 0 sees the same torchrun failure, goes on with its other suites, and carries the verdict.
    const pod0 = runPod(o, { JOB_COMPLETION_INDEX: '0', FAKE_TORCHRUN_RC: '1' });
    expect(pod0.status).toBe(1);
    expect(pod0.lines.map((l) => `${l.id}:${l.status}`)).toEqual(['ddp:fail', 'imports:pass', 'train:pass']);
  });

  it('what it prints, saved as kubectl logs would, is read back by ml-image collect', async () => {
    const o = k8s({ suites: ['imports', 'compute'], distributions: ['numpy'] });
    const r = runPod(o, { FAKE_CRASH: 'imports', ML_IMAGE_NODE: 'gpu-7' });
    expect(r.status).toBe(1);
    writeFileSync(path.join(dir, 'smoke.log'), r.stdout);
    const io = await collect(['--k8s', 'smoke.log']);
    // No environment record in build/ (the smoke stage did not run there): only the warning.
    expect(io.err()).toMatch(
      /^warning: build has no environment record of cpu on linux\/(amd|arm)64 [^\n]*\n$/,
    );
    const result = collected();
    expect(result.tests.map((t) => [t.id, t.status])).toEqual([
      ['imports', 'fail'],
      ['compute-cpu', 'pass'],
    ]);
    expect(result.tests[0]!.output).toContain('Traceback: boom');
    expect(result.runner?.name).toBe(`Kubernetes Job ${o.name ?? 'ml-image-smoke'}, pod 0 on gpu-7`);
    expect(result.interrupted).toBeUndefined();
  });
});

describe.skipIf(SKIP)('ml-image export', () => {
  const run = async (...argv: string[]) => {
    const io = captureIo(dir);
    const code = await exportCommand.run(argv, io);
    return { code, out: io.out(), err: io.err() };
  };

  it('--slurm writes job.sbatch and the smoke script, and says how to submit', async () => {
    const r = await run(
      '--slurm',
      '--image',
      IMAGE,
      '--nodes',
      '2',
      '--gpus-per-node',
      '8',
      '--out',
      'slurm',
    );
    expect(r.code).toBe(0);
    const out = path.join(dir, 'slurm');
    expect(readFileSync(path.join(out, 'ml_image_smoke.py'), 'utf8')).toBe(SMOKE_PY);
    const job = readFileSync(path.join(out, 'job.sbatch'), 'utf8');
    expect(job).toContain('#SBATCH --nodes=2');
    expect(job).toContain(`for d in ${out} `);
    expect(syntax('bash', job).status).toBe(0);
    expect(r.out).toContain(`wrote ${path.join(out, 'job.sbatch')}`);
    expect(r.out).toContain(`image:   ghcr.io#acme/train@${D}`);
    expect(r.out).toContain('submit:  sbatch slurm/job.sbatch');
    expect(r.out).toMatch(/note: +custom tests are not exported/);
    // What runs does not name them (finding: `runs: ..., custom` then "not exported").
    expect(r.out).toMatch(/^runs: {4}(?!.*custom).* on 2 node\(s\)/m);
    expect(r.out).not.toMatch(/no GPUs requested/);
  });

  it("--config's smoke.baseline rows reach the job's floors first, then the bundled ones", async () => {
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      'image: {name: acme/train}\nsmoke:\n  suites: [compute]\n  baseline: floors.json\n',
    );
    const mine = { name: 'Lab L4', match: '^NVIDIA L4$', measured: { bf16_tflops: 100 }, source: 'lab' };
    writeFileSync(
      path.join(dir, 'floors.json'),
      JSON.stringify({ schemaVersion: 1, floorFraction: 0.8, gpus: [mine] }),
    );
    const r = await run(
      '--k8s',
      '--image',
      IMAGE,
      '--config',
      'ml-image.yml',
      '--gpus-per-node',
      '2',
      '--out',
      'o',
    );
    expect(r.code).toBe(0);
    const objects = parseAllDocuments(readFileSync(path.join(dir, 'o', 'job.yaml'), 'utf8')).map(
      (d) => d.toJS() as Record<string, Loose>,
    );
    const sh = objects[0]!.data['run.sh'] as string;
    const line = sh.split('\n').find((l) => l.startsWith('ML_IMAGE_FLOORS='))!;
    const out = spawnSync(POSIX_SH, ['-c', `${line}\nprintf %s "$ML_IMAGE_FLOORS"`], { encoding: 'utf8' });
    const floors = JSON.parse(out.stdout) as { floorFraction: number; gpus: { name: string }[] };
    expect(floors.floorFraction).toBe(0.8);
    expect(floors.gpus.map((g) => g.name)).toEqual(['Lab L4', ...bundledBaseline().gpus.map((g) => g.name)]);
  });
});
