import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findImagesDir } from '../../util/images-dir.js';
import { type LoadedConfig, loadConfig } from '../../config/load.js';
import { platformImage } from '../../docker/platform-image.js';
import { InputError } from '../../errors.js';
import { readGitHubEventFile } from '../../github/event.js';
import { gitContextFromGitHubEnv } from '../../plan/git-context.js';
import { didYouMean, printable, printableLines } from '../../util/text.js';
import { holdOutDir, openOutDir } from '../../results/out-dir.js';
import { parseGpuMode } from '../../smoke/gpu-mode.js';
import type { SmokeResult } from '../../smoke/result.js';
import { failureTail, failureTailHeading } from '../../smoke/output.js';
import { gpusLine } from '../../smoke/gpu-pin.js';
import { resolveGpuChoice, runSmoke, SmokeInterruptedError } from '../../smoke/run.js';
import { gpuKindOf, gpusOfTarget, hostPlatformOnce } from '../../smoke/target-gpus.js';
import type { VariantKind } from '../../config/schema.js';
import { configSmokeInputs } from '../../smoke/config-inputs.js';
import {
  type OptionSpec,
  imageFlag,
  parseCommandArgs,
  platformFlag,
  suitesFlag,
  timeoutFlag,
} from '../args.js';
import type { CliIo } from '../io.js';
import { planOfConfig } from './shared.js';
import type { Command } from './types.js';

/** The smoke results for the terminal: what the image said (ids, reasons, output) escaped (printable). */
export function renderSmoke(r: SmokeResult): string {
  const lines = r.tests.map((t) => {
    const metrics = Object.entries(t.metrics)
      .map(([k, v]) => printable(`${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`))
      .join(' ');
    const head = `${t.status.toUpperCase().padEnd(4)} ${printable(t.id).padEnd(18)} ${(t.durationMs / 1000).toFixed(1).padStart(5)}s  ${printable(t.reason ?? '')}${metrics ? ` ${metrics}` : ''}`;
    const cause = t.cause
      ? [`     cause: ${printableLines(t.cause.cause)}`, `     fix:   ${printableLines(t.cause.fix)}`]
      : [];
    // A failure's output where people look (smoke.json and junit.xml keep more of it).
    const out = t.status === 'fail' ? failureTail(t.output).map(printable) : [];
    const shown =
      out.length > 0 ? [`     output (${failureTailHeading(out)}):`, ...out.map((l) => `     | ${l}`)] : [];
    return [head, ...cause, ...shown].join('\n');
  });
  return `${lines.join('\n')}\n${r.summary.pass} passed, ${r.summary.fail} failed, ${r.summary.skip} skipped in ${(r.summary.durationMs / 1000).toFixed(1)}s\n`;
}

/**
 * What the plan of the config says about the image's variant, as the pipeline's smoke stage takes
 * it: its Python (the imports suite imports what pip installed there: environment markers on
 * python_version), its NVIDIA driver floor (the gpu suite) and the kind that decides whether it
 * gets GPUs (gpuKindOf: a cpu variant of the cpu template never does). The variant: --variant, else
 * the config's only one. A config of several variants without --variant: python.version (export's
 * fallback), no floor and no kind, said on stderr. No config: none of them.
 */
function smokeVariant(
  loaded: LoadedConfig | undefined,
  variant: string | undefined,
  io: Pick<CliIo, 'env' | 'stderr'>,
): { python?: string; driverFloor?: string; kind?: VariantKind } {
  if (loaded === undefined) {
    if (variant !== undefined)
      throw new InputError('smoke: --variant names a variant of the config: pass --config FILE');
    return {};
  }
  const names = loaded.config.variants.map((v) => v.name);
  const name = variant ?? (names.length === 1 ? names[0] : undefined);
  const { version } = loaded.config.python;
  if (name === undefined) {
    io.stderr(
      `smoke: ${loaded.label ?? 'the config'} has ${names.length} variants (${names.join(', ')}) and no --variant was given: the imports suite judges environment markers on ${version === undefined ? 'no Python version' : `python.version ${version}`}, and the gpu suite checks no driver floor\n`,
    );
    return { ...(version !== undefined && { python: version }) };
  }
  if (!names.includes(name)) {
    throw new InputError(
      `smoke: --variant ${JSON.stringify(name)}: ${loaded.label ?? 'the config'} has no such variant${didYouMean(name, names)}`,
      `give one of: ${names.join(', ')}`,
    );
  }
  const event = readGitHubEventFile(io.env.GITHUB_EVENT_PATH);
  const plan = planOfConfig(loaded, gitContextFromGitHubEnv(io.env, event) ?? {});
  const planned = plan.variants.find((v) => v.name === name)!;
  return {
    python: planned.python,
    ...(planned.cuda && { driverFloor: planned.cuda.minorCompatDriverMin }),
    kind: gpuKindOf(planned),
  };
}

const SMOKE_OPTIONS = {
  image: { type: 'string', required: true },
  suites: { type: 'string' },
  gpus: { type: 'string', default: 'auto' },
  'require-gpu': { type: 'boolean', default: false },
  platform: { type: 'string' },
  config: { type: 'string' },
  variant: { type: 'string' },
  timeout: { type: 'string' },
} as const satisfies OptionSpec;

export const smokeCommand: Command = {
  name: 'smoke',
  options: SMOKE_OPTIONS,
  summary: 'Run smoke suites inside an image: imports, pip check, GPU, compute, train, DDP, custom tests.',
  usage:
    'ml-image smoke --image REF [--suites a,b] [--gpus auto|all|none] [--require-gpu] [--platform P] [--config FILE [--variant NAME]] [--timeout S] [--out DIR]',
  help: `The suites run in containers of the image (removed in every case, also on timeout); the python3
tests share one container and one python3, and a test that fails or times out ends it (the rest
run in a fresh one):
  imports    import every module of each requirement (NumPy 1.x/2.x ABI errors are recognised)
  pip-check  python -m pip check
  gpu        GPUs visible, driver at or above the variant's floor (with --config, from its plan;
             below it only through NVIDIA's forward compatibility; skipped without GPUs)
  compute    matmul throughput (fp32 on CPU; fp32, tf32 and bf16 on GPU)
  train      a tiny model; the loss must fall by half
  ddp        torchrun --standalone: all-reduce across 2 CPU processes (gloo) or every GPU (nccl); busbw
  custom     the config's smoke.tests: commands, files, metadata
Failing tests are matched against known failures (cause and fix). With --out DIR, writes
DIR/smoke.json and DIR/junit.xml.

Options:
  --image REF         the image to test. A multi-platform index by digest (REPOSITORY@sha256:...)
                      runs as its platform's own manifest, which the results name
  --suites LIST       comma-separated (default: the config's smoke.suites, else all)
  --gpus auto|all|none  GPUs for the containers: auto (default) when the engine has the NVIDIA
                      runtime or an nvidia.com/gpu CDI device; all = the "--gpus all" equivalent.
                      A runner pinned with NVIDIA_VISIBLE_DEVICES (else CUDA_VISIBLE_DEVICES) in
                      its environment gets only those GPUs (-1 or none: no GPU). As in the
                      pipeline, a cpu variant (--variant) and a --platform the engine runs
                      emulated get none: their GPU tests are skipped with the reason
  --require-gpu       GPU suites fail instead of skipping without a GPU
  --platform P        linux/amd64 or linux/arm64: the platform to run the image as (default: the
                      engine's own); another than the engine's runs under QEMU
  --config FILE       read requirements (for imports), custom tests and defaults from ml-image.yml
  --variant NAME      the config's variant the image was built as (default: its only one): its
                      Python decides which requirements imports checks (environment markers), its
                      CUDA the driver floor the gpu suite checks. Without it, a config of several
                      variants gives python.version and no floor; without --config, no floor
  --timeout S         per-test timeout in seconds (default: the config's, else 600)
  --out DIR           write DIR/smoke.json and DIR/junit.xml (another run writing to DIR now:
                      refused, exit 2)
  --verbose           stream each test's output as it runs

Exit codes: 0 all passed or skipped; 1 a test failed; 2 bad input; 3 no daemon.`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('smoke', argv, SMOKE_OPTIONS);
    const image = imageFlag('smoke', values.image);
    const gpus = parseGpuMode(values.gpus, 'smoke: --gpus');
    const platform = platformFlag('smoke', values.platform);
    const loaded =
      values.config !== undefined ? loadConfig({ cwd: io.cwd, env: io.env, file: values.config }) : undefined;
    const suites = suitesFlag('smoke', values.suites, loaded?.config.smoke.suites);
    const timeout = timeoutFlag('smoke', values.timeout) ?? loaded?.config.smoke.timeoutSeconds ?? 600;
    // The same inputs the pipeline's smoke stage gives the suites: the names pip installed on the
    // variant's Python and the platform, the floors, the variant's driver floor.
    const { python, driverFloor, kind } = smokeVariant(loaded, values.variant, io);
    const { distributions, baseline, secretValues } = configSmokeInputs(loaded, io.env, {
      ...(platform !== undefined && { platform }),
      ...(python !== undefined && { python }),
    });
    // --out is held before any work: another run writing there now is refused at once.
    if (values.out !== undefined) holdOutDir(io.cwd, values.out);
    const choice = await resolveGpuChoice(gpus, io.docker(), io.env);
    const requireGpu = values['require-gpu'] || (loaded?.config.smoke.requireGpu ?? false);
    // As the smoke stage decides a target's GPUs: none for a cpu variant or an emulated --platform,
    // whose GPU tests skip with the reason. Without a variant the image may hold CUDA (custom).
    const host = hostPlatformOnce(io.docker());
    const target = await gpusOfTarget(kind ?? 'custom', platform, { gpus: choice.gpus, requireGpu, host });
    if (target.withheld !== undefined) io.stderr(`smoke: no GPU: ${target.withheld}\n`);
    else if (choice.pin !== undefined) io.stderr(`smoke: ${gpusLine(choice.gpus, choice.pin)}\n`);
    // An index digest runs as the platform's own manifest (the one asked for, else the engine's).
    const own = await platformImage(io.docker(), image, platform, host);
    if (own.platform !== undefined)
      io.stderr(
        `smoke: ${printable(image)} is a multi-platform index: testing its ${own.platform} image ${printable(own.image)}\n`,
      );
    const result = await runSmoke(
      {
        image: own.image,
        ...(platform !== undefined && { platform }),
        suites,
        ...choice,
        gpus: target.gpus,
        ...(target.withheld !== undefined && { gpuWithheld: target.withheld }),
        requireGpu,
        distributions,
        ...(driverFloor !== undefined && { driverFloor }),
        tests: loaded?.config.smoke.tests ?? [],
        ...(loaded !== undefined && { network: loaded.config.smoke.network }),
        timeoutMs: timeout * 1000,
        baseline,
        secretValues,
        imagesDir: findImagesDir(path.dirname(fileURLToPath(import.meta.url))),
      },
      {
        docker: io.docker(),
        progress: (l) => io.stderr(`${printableLines(l)}\n`),
        // --verbose streams each test's output as it runs.
        ...(values.verbose && {
          output: (chunk: string, test: string) =>
            io.stderr(chunk.replace(/^(?=.)/gm, `  [${test}] `).replace(/([^\n])$/, '$1\n')),
        }),
      },
    ).catch((e: unknown) => {
      // The daemon went away mid-run: the tests that finished are written before exit 3.
      if (e instanceof SmokeInterruptedError && values.out !== undefined)
        openOutDir(io.cwd, values.out).writeSmoke(e.partial);
      throw e;
    });
    if (values.out !== undefined) openOutDir(io.cwd, values.out).writeSmoke(result);
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderSmoke(result));
    return result.summary.fail > 0 ? 1 : 0;
  },
};
