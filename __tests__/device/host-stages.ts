// The capture and smoke stages on a GPU machine that has no Docker (this project's device machine):
// an engine whose "containers" run their command on the host itself, with the container's
// environment added, so the stages' own code (captureImage, runSmoke: the shared smoke process,
// its plan and markers, the suites' reading) drives the probe and the smoke script on a real GPU.
// Not part of the suites: bundled with ncc and run there by __tests__/device/run.sh, which writes
// env.json and smoke.json for __tests__/fixtures/h200.
//
//   node host-stages.js OUTDIR IMAGES_DIR
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { captureImage } from '../../src/capture/capture.js';
import { validateConfigData } from '../../src/config/load.js';
import type { ContainerRunResult, ContainerRunSpec } from '../../src/docker/adapter.js';
import { bundledBaseline } from '../../src/smoke/baselines.js';
import { runSmoke } from '../../src/smoke/run.js';
import { fakeDocker, imageDetails } from '../helpers/fakes.js';

const [outDir, imagesDir] = process.argv.slice(2);
if (!outDir || !imagesDir) {
  console.error('usage: node host-stages.js OUTDIR IMAGES_DIR');
  process.exit(2);
}

/** What the container would run (entrypoint, then cmd), run here, stopped at its timeout. */
function runOnHost(spec: ContainerRunSpec): Promise<ContainerRunResult> {
  const argv = [...(spec.entrypoint ?? []), ...spec.cmd];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      spec.onOutput?.(d.toString(), 'stdout');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      spec.onOutput?.(d.toString(), 'stderr');
    });
    const timer =
      spec.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, spec.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      console.error(
        `[host] ${argv[0]} ${spec.cmd.slice(-3).join(' ').slice(0, 80)}: exit ${code} in ${Date.now() - started} ms`,
      );
      resolve({
        containerId: 'host',
        exitCode: timedOut ? null : code,
        timedOut,
        stdout,
        stderr,
        durationMs: Date.now() - started,
      });
    });
  });
}

const docker = fakeDocker({
  inspectImage: () =>
    Promise.resolve(imageDetails({ id: 'sha256:host', env: ['PATH=' + (process.env.PATH ?? '')] })),
  runContainer: runOnHost,
});

const t0 = Date.now();
const record = await captureImage(
  { image: 'device-host', imagesDir, gpus: 'all', torchRuntime: true },
  { docker },
);
writeFileSync(path.join(outDir, 'env.json'), JSON.stringify(record, null, 2));
console.error(`[host] capture: ${Date.now() - t0} ms`);

const tests = validateConfigData(
  {
    image: { name: 'device/host' },
    smoke: {
      tests: [{ name: 'nvidia-smi', command: ['nvidia-smi', '-L'], gpu: true, expectedOutput: ['H200'] }],
    },
  },
  'ml-image.yml',
).smoke.tests;
const t1 = Date.now();
const result = await runSmoke(
  {
    image: 'device-host',
    suites: ['imports', 'gpu', 'compute', 'train', 'ddp', 'pip-check', 'custom'],
    gpus: 'all',
    requireGpu: true,
    distributions: ['torch', 'numpy'],
    tests,
    driverFloor: '580.65.06', // cuda 13.0's minorCompatDriverMin in src/plan/catalog.json
    timeoutMs: 300_000,
    imagesDir,
    baseline: bundledBaseline(),
  },
  { docker, progress: (l) => console.error(`[smoke] ${l}`) },
);
writeFileSync(path.join(outDir, 'smoke.json'), JSON.stringify(result, null, 2));
console.error(`[host] smoke: ${Date.now() - t1} ms`);
for (const t of result.tests) console.error(`[result] ${t.id}: ${t.status} ${t.reason ?? ''}`);
