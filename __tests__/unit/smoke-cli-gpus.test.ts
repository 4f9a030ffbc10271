// `ml-image smoke` gives the image GPUs as the pipeline's smoke stage gives a target them
// (src/smoke/target-gpus.ts): a cpu variant of the config (the cpu template's) and a --platform the
// engine runs emulated get none, whatever --gpus says, and their GPU tests skip with the reason
// (docs/smoke.md), instead of failing in a container given GPUs it cannot use.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { ContainerRunSpec } from '../../src/docker/adapter.js';
import type { SmokeResult } from '../../src/smoke/result.js';
import { captureIo, fakeDocker, imageDetails } from '../helpers/fakes.js';

const CPU = 'cpu variant: no GPU tests';
const EMULATED = 'linux/arm64 runs emulated on this linux/amd64 host: no GPU';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ml-image-smoke-cli-gpus-'));
  writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `ml-image smoke --suites gpu ARGS --json` on an amd64 engine with the NVIDIA runtime; VARIANTS
 * make an ml-image.yml passed with --config. The gpu test, whether any container got GPUs, and
 * how often the engine's platform was asked.
 */
async function smoke(variants: string[] | undefined, args: string[]) {
  if (variants !== undefined)
    writeFileSync(
      path.join(dir, 'ml-image.yml'),
      JSON.stringify({ image: { name: 'o/m' }, variants, python: { requirements: ['requirements.txt'] } }),
    );
  let withGpus = 0;
  let pings = 0;
  const docker = fakeDocker({
    daemonFeatures: async () => ({ runtimes: ['runc', 'nvidia'], cdiSpecDirs: [], cdiDevices: [] }),
    ping: async () => {
      pings += 1;
      return { version: '28.0.0', apiVersion: '1.48', os: 'linux', arch: 'amd64' };
    },
    inspectImage: async () => imageDetails(),
    runContainer: async (spec: ContainerRunSpec) => {
      if (spec.gpus !== undefined) withGpus += 1;
      const stdout = '{"status": "pass", "reason": "", "metrics": {}}\n';
      return { containerId: 'c', exitCode: 0, timedOut: false, stdout, stderr: '', durationMs: 1 };
    },
  });
  const io = captureIo(dir, docker);
  const config = variants === undefined ? [] : ['--config', 'ml-image.yml'];
  await runCli(['smoke', '--image', 'o/m:1', '--suites', 'gpu', ...config, ...args, '--json'], io);
  const result = JSON.parse(io.out()) as SmokeResult;
  return { gpu: result.tests.find((t) => t.id === 'gpu'), withGpus, pings, err: io.err() };
}

interface Case {
  what: string;
  variants?: string[];
  args: string[];
  /** The reason the gpu test skipped without a container; undefined: it ran with GPUs. */
  withheld?: string;
  /** Whether the engine's platform was asked (only a --platform on a run that may get GPUs). */
  pinged: boolean;
}

describe('ml-image smoke: the GPUs the smoke stage would give the image', () => {
  it.each<Case>([
    { what: 'a cpu variant, --gpus auto', variants: ['cpu'], args: [], withheld: CPU, pinged: false },
    {
      what: 'a cpu variant of several, --gpus all',
      variants: ['cpu', 'cuda12.8'],
      args: ['--variant', 'cpu', '--gpus', 'all'],
      withheld: CPU,
      pinged: false,
    },
    {
      what: 'a cpu variant, --require-gpu',
      variants: ['cpu'],
      args: ['--require-gpu'],
      withheld: CPU,
      pinged: false,
    },
    {
      what: 'no config, --platform linux/arm64',
      args: ['--platform', 'linux/arm64'],
      withheld: EMULATED,
      pinged: true,
    },
    {
      what: 'a CUDA variant, --platform linux/arm64, --gpus all',
      variants: ['cuda12.8'],
      args: ['--platform', 'linux/arm64', '--gpus', 'all'],
      withheld: EMULATED,
      pinged: true,
    },
    { what: 'no config, --platform linux/amd64', args: ['--platform', 'linux/amd64'], pinged: true },
    { what: 'no config, no --platform', args: [], pinged: false },
    { what: 'a CUDA variant', variants: ['cuda12.8'], args: [], pinged: false },
    {
      what: 'several variants, none chosen (custom: may hold CUDA)',
      variants: ['cpu', 'cuda12.8'],
      args: [],
      pinged: false,
    },
  ])('$what', async (c) => {
    const r = await smoke(c.variants, c.args);
    if (c.withheld !== undefined) {
      expect(r.gpu, r.err).toMatchObject({ status: 'skip', reason: c.withheld });
      expect(r.withGpus).toBe(0);
      expect(r.err).toContain(`smoke: no GPU: ${c.withheld}\n`);
    } else {
      expect(r.gpu, r.err).toMatchObject({ status: 'pass' });
      expect(r.withGpus).toBeGreaterThan(0);
    }
    expect(r.pings > 0).toBe(c.pinged);
  });
});
