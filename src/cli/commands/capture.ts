import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findImagesDir } from '../../util/images-dir.js';
import { captureImage } from '../../capture/capture.js';
import { entryPythonProblem } from '../../python/entry-python.js';
import { type EnvRecord, packageListProblem } from '../../capture/record.js';
import { enginePlatform } from '../../docker/engine-platform.js';
import { platformImage } from '../../docker/platform-image.js';
import { InputError } from '../../errors.js';
import { clip, printable } from '../../util/text.js';
import { holdOutDir, openOutDir } from '../../results/out-dir.js';
import { parseGpuMode } from '../../smoke/gpu-mode.js';
import { containerGpus, gpusLine } from '../../smoke/gpu-pin.js';
import { resolveGpuChoice } from '../../smoke/run.js';
import { type OptionSpec, imageFlag, parseCommandArgs, platformFlag } from '../args.js';
import type { CliIo } from '../io.js';
import type { Command } from './types.js';

/** A variable's name as a shell takes it: letters, digits and _, not starting with a digit. */
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `--env NAME` names a variable of your environment; `--env NAME=VALUE` (docker run's form) is
 * refused naming NAME alone: its value may be a secret, never echoed back.
 */
function envNameCheck(arg: string): void {
  const eq = arg.indexOf('=');
  if (eq >= 0) {
    const name = arg.slice(0, eq);
    throw new InputError(
      // Not "NAME=...": the error's redaction would read the rest of the line as NAME's value.
      `capture: --env ${printable(JSON.stringify(clip(name, 64)))} is given a value: --env takes a variable's name alone, not NAME=VALUE`,
      `export the variable and pass --env ${ENV_VAR_NAME.test(name) ? name : 'NAME'}: its value is read from your environment`,
    );
  }
}

/**
 * `--env NAME` not set: any name but an empty one or NAME=VALUE may be set (Linux allows all but
 * '=' and NUL: `my-var`, `a.b`), so only a hint when NAME is no shell identifier.
 */
function envNotSet(name: string): InputError {
  if (ENV_VAR_NAME.test(name)) return new InputError(`capture: --env ${name}: not set in your environment`);
  return new InputError(
    `capture: --env ${printable(JSON.stringify(clip(name, 64)))}: not set in your environment (and not a variable name a shell sets: letters, digits and _, not starting with a digit)`,
  );
}

/**
 * The record's summary for a terminal. Every value comes from the image (a version, a GPU name, the
 * reason a field was not collected): printable() escapes what could draw on the terminal (ESC, CR,
 * bidi overrides), so an image cannot colour, move or forge a line of its own.
 */
export function renderRecord(r: EnvRecord): string {
  const t = r.torch;
  const p = (v: unknown) => printable(String(v));
  return [
    `${p(r.image.ref)} (${p(r.image.platform)}, ${(r.image.sizeBytes / 1e6).toFixed(0)} MB${r.image.sizeKind === 'content' ? ' compressed' : ''}, ${p(r.image.layers)} layers, user ${p(r.image.user || 'root')})`,
    `  os:      ${p(r.os.osRelease.PRETTY_NAME ?? '?')}, ${p(r.os.glibc ?? 'glibc ?')}, ${p(r.os.machine)}`,
    `  python:  ${p(r.python.version)}, ${r.python.packages.length} packages, ${r.apt.length} apt packages`,
    `  torch:   ${t ? `${p(t.version)} (CUDA build ${p(t.cuda ?? 'none')}, CUDA available: ${p(t.cudaAvailable)})` : 'not installed'}`,
    `  cuda:    runtime ${p(r.cuda.runtime ?? '-')}, cuDNN ${p(r.cuda.cudnn ?? '-')}, NCCL ${p(r.cuda.nccl ?? '-')}, driver max ${p(r.cuda.driverMaxCuda ?? '-')}`,
    `  gpus:    ${r.gpus.map((g) => `${p(g.name)} (${g.memoryMiB === null ? 'memory unknown' : `${p(g.memoryMiB)} MiB`}, sm ${p(g.computeCapability)})`).join(', ') || 'none visible'}`,
    `  not collected: ${[...new Set(r.errors.map((e) => p(e.field)))].join(', ') || 'nothing'}`,
    '',
  ].join('\n');
}

const CAPTURE_OPTIONS = {
  image: { type: 'string', required: true },
  platform: { type: 'string' },
  gpus: { type: 'string', default: 'none' },
  env: { type: 'string', multiple: true },
  'no-torch': { type: 'boolean', default: false },
  'torch-runtime': { type: 'boolean', default: false },
} as const satisfies OptionSpec;

export const captureCommand: Command = {
  name: 'capture',
  options: CAPTURE_OPTIONS,
  summary: 'Record what is inside an image: OS, Python packages, apt, CUDA/cuDNN/NCCL, torch, GPUs, env.',
  usage:
    'ml-image capture --image REF [--platform P] [--gpus none|all|auto] [--env NAME]... [--torch-runtime|--no-torch] [--json] [--out DIR]',
  help: `Runs the probe (images/probe/ml_image_probe.py: python3, standard library only) inside the
image and adds what the engine knows of it (digest, platform, size, layers, labels, user,
entrypoint). The record holds every field of PyTorch's collect_env, as JSON. Environment variables
are redacted by name (TOKEN, SECRET, PASSWORD, KEY, ...) and by value (hf_, ghp_, AKIA, JWTs, long
base64-like values, credentials in URLs). What cannot be collected is listed with the reason.

Options:
  --image REF      the image (pulled if missing). A multi-platform index by digest
                   (REPOSITORY@sha256:...) runs as its platform's own manifest, which the record
                   names
  --platform P     linux/amd64 or linux/arm64 (default: the one the engine runs, its own when the
                   image has it); a platform other than the engine's runs under QEMU
  --gpus MODE      none (default: the record names no GPU, whatever machine captures it), all
                   (the "--gpus all" equivalent: the record names this machine's GPUs and driver,
                   as a GPU smoke run's does), or auto (all when the engine has the NVIDIA runtime
                   or an NVIDIA CDI device). An engine that will not start the probe with GPUs: it
                   runs without them, and the record's errors say why. A runner pinned with
                   NVIDIA_VISIBLE_DEVICES (else CUDA_VISIBLE_DEVICES) gives it only those GPUs
  --env NAME       pass this variable from your environment into the probe's container (repeatable)
  --torch-runtime  import torch for its runtime view (default: torch is described from its files,
                   which is what collect_env reports, seconds faster)
  --no-torch       leave torch out
  --json           print the record instead of a summary
  --out DIR        write DIR/env.json (another run writing to DIR now: refused, exit 2)

Exit codes: 0 recorded; 1 the probe failed; 2 bad input (no python3 in the image); 3 no daemon.`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('capture', argv, CAPTURE_OPTIONS);
    const image = imageFlag('capture', values.image);
    if (values['no-torch'] && values['torch-runtime'])
      throw new InputError(
        'capture: --torch-runtime and --no-torch: give one',
        '--torch-runtime imports torch for its runtime view; --no-torch leaves torch out',
      );
    const platform = platformFlag('capture', values.platform);
    const gpuMode = parseGpuMode(values.gpus, 'capture: --gpus');
    const env: Record<string, string> = {};
    for (const name of values.env ?? []) {
      envNameCheck(name);
      const v = io.env[name];
      if (v === undefined) throw envNotSet(name);
      env[name] = v;
    }
    // --out is held before any work: another run writing there now is refused at once.
    if (values.out !== undefined) holdOutDir(io.cwd, values.out);
    const { gpus, pin } = await resolveGpuChoice(gpuMode, io.docker(), io.env);
    if (pin !== undefined) io.stderr(`capture: ${gpusLine(gpus, pin)}\n`);
    // An index digest runs as the platform's own manifest (the one asked for, else the engine's).
    const own = await platformImage(io.docker(), image, platform, async () =>
      enginePlatform(await io.docker().ping()),
    );
    if (own.platform !== undefined)
      io.stderr(
        `capture: ${printable(image)} is a multi-platform index: capturing its ${own.platform} image ${printable(own.image)}\n`,
      );
    const record = await captureImage(
      {
        image: own.image,
        ...(gpus === 'all' && { gpus: containerGpus(pin) }),
        ...(platform !== undefined && { platform }),
        env,
        noTorch: values['no-torch'],
        torchRuntime: values['torch-runtime'],
        imagesDir: findImagesDir(path.dirname(fileURLToPath(import.meta.url))),
      },
      { docker: io.docker() },
    );
    if (values.out !== undefined) openOutDir(io.cwd, values.out).writeEnv(record);
    const incomplete = packageListProblem(record);
    // The reason is the probe's (the image's) text: escaped as the summary is.
    if (incomplete !== undefined) io.stderr(`warning: ${printable(image)}: ${printable(incomplete)}\n`);
    const otherPython = entryPythonProblem(record);
    if (otherPython !== undefined) io.stderr(`warning: ${printable(image)}: ${printable(otherPython)}\n`);
    io.stdout(values.json ? `${JSON.stringify(record, null, 2)}\n` : renderRecord(record));
    return 0;
  },
};
