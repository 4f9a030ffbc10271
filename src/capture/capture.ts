// capture: run the probe (images/probe/ml_image_probe.py) in the image and add what the engine
// knows of the image. The container is removed in every case (DockerAdapter.runContainer).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { probeFile, PROBE_SCRIPT } from '../util/images-dir.js';
import { formatIssues } from '../config/issues.js';
import type {
  ContainerRunResult,
  ContainerRunSpec,
  DockerAdapter,
  ImageDetails,
  ImageSize,
} from '../docker/adapter.js';
import { engineMessage, GPU_REQUEST_REFUSED, statusCodeOf } from '../docker/failures.js';
import { CheckFailedError, InputError, MlImageError } from '../errors.js';
import { interruptedFailure } from '../util/cleanup.js';
import { boundedSafeParse } from '../util/parse-input.js';
import { parseImageRef } from '../oci/ref.js';
import { isJsonObject, jsonNestedDeeperThan, MAX_JSON_DEPTH } from '../util/json-file.js';
import { VERSION } from '../version.js';
import { entryPythonError } from '../python/entry-python.js';
import {
  CREATED_LABEL,
  ENV_RECORD_SCHEMA_VERSION,
  type EnvRecord,
  EnvRecordSchema,
  type ImageLayer,
  VARIANT_LABEL,
} from './record.js';
import {
  REDACTION_RULES,
  redactDeep,
  redactEnvList,
  redactEnvValue,
  redactLabels,
  redactText,
  redactTextDeep,
} from '../util/redact.js';
import { redactInstruction } from '../util/redact-instruction.js';

/** python3 is not in the image: our deadline wrapper's, the OCI runtime's or a shell's wording. */
const NO_PYTHON =
  /"python3": (executable file not found|no such file or directory)|python3: (command )?not found/i;

interface CaptureInput {
  /** What the probe's container runs: a reference, or an image ID (a local build's, verified). */
  image: string;
  /** The image's name in the record (image.ref) and in messages, when not `image`: its tag. */
  name?: string;
  platform?: string;
  /** Extra environment for the probe's container (it is redacted like the image's own). */
  env?: Readonly<Record<string, string>>;
  /**
   * The GPUs the probe's container gets ('all', that many, or those devices): those of the smoke
   * run the record belongs to, so that it names them and their driver. None given, the container
   * sees no GPU.
   */
  gpus?: ContainerRunSpec['gpus'];
  /** Leave torch out of the record. */
  noTorch?: boolean;
  /** Import torch for its runtime view (default: read from its files, seconds faster). */
  torchRuntime?: boolean;
  timeoutMs?: number;
  /** images/ of this tool (the probe lives in images/probe). */
  imagesDir: string;
  /** The config variant the image was built for (default: the image's variant label, if any). */
  variant?: string;
}

/**
 * The image's creation time: the engine's own when the adapter reports one, else the OCI label
 * the build sets, else null. (ImageDetails has no `created` yet; an adapter that adds it wins.)
 */
function imageCreated(details: ImageDetails & { created?: string | null }): string | null {
  return details.created || details.labels[CREATED_LABEL] || null;
}

/** The image's name in the record and in messages: its tag when it runs by ID. */
const nameOf = (input: CaptureInput): string => input.name ?? input.image;

type ProbeRun = Pick<ContainerRunResult, 'exitCode' | 'timedOut' | 'stdout' | 'stderr'>;

/**
 * The probe's container, with the GPUs asked for. When the engine refuses to start it with them
 * (no GPU runtime, a driver older than the image's CUDA: nvidia-container-cli's requirement check),
 * it runs again without them and `gpuError` says why: the record is still made, and the gpu suite
 * reports the cause.
 */
async function runProbe(
  input: CaptureInput,
  timeoutMs: number,
  docker: DockerAdapter,
): Promise<{ run: ProbeRun; gpuError?: string }> {
  const probe = readFileSync(probeFile(input.imagesDir, PROBE_SCRIPT), 'utf8');
  const attempt = (gpus: CaptureInput['gpus']) =>
    docker
      .runContainer({
        image: input.image,
        ...(input.platform !== undefined && { platform: input.platform }),
        // The probe needs no shell and no entrypoint of the image.
        entrypoint: ['python3'],
        cmd: [
          '-c',
          probe,
          `--redaction-rules=${JSON.stringify(REDACTION_RULES)}`, // one copy of the rules: redaction-rules.json
          ...(input.noTorch ? ['--no-torch'] : []),
          ...(input.torchRuntime ? ['--torch-runtime'] : []),
        ],
        ...(input.env !== undefined && { env: input.env }),
        ...(gpus !== undefined && { gpus }),
        labels: { 'io.github.ml-image-action.stage': 'capture' },
        timeoutMs,
      })
      .catch((e: unknown): ProbeRun => {
        // An image without /bin/sh runs the probe unwrapped: the engine itself reports python3 missing.
        if (e instanceof MlImageError || !NO_PYTHON.test(String((e as Error)?.message ?? e))) throw e;
        return { exitCode: 127, timedOut: false, stdout: '', stderr: String((e as Error).message) };
      });
  if (input.gpus === undefined) return { run: await attempt(undefined) };
  try {
    return { run: await attempt(input.gpus) };
  } catch (e) {
    // Only a refusal of the GPU request is retried without it: a missing image or a full disk is
    // the error to report, not a second try that would hide it.
    if (
      e instanceof MlImageError ||
      (statusCodeOf(e) ?? 0) < 400 ||
      !GPU_REQUEST_REFUSED.test(engineMessage(e))
    )
      throw e;
    const first = engineMessage(e);
    const gpuError = `the probe's container did not start with GPUs, so it ran without them: ${first}`;
    try {
      return { run: await attempt(undefined), gpuError };
    } catch (again) {
      // The second failure names the first (the GPUs' refusal), which it would otherwise hide.
      const both = `${engineMessage(again)} (without GPUs; with them the engine said: ${first})`;
      if (again instanceof MlImageError) {
        again.message = both;
        throw again;
      }
      throw Object.assign(new Error(both, { cause: again }), { statusCode: statusCodeOf(again) });
    }
  }
}

export async function captureImage(input: CaptureInput, deps: { docker: DockerAdapter }): Promise<EnvRecord> {
  const details = await deps.docker.inspectImage(input.image, input.platform);
  const platform = input.platform ?? `${details.os}/${details.architecture}`;
  const timeoutMs = input.timeoutMs ?? 300_000;
  const name = nameOf(input);
  const { run, gpuError } = await runProbe(input, timeoutMs, deps.docker);
  if (run.timedOut) throw new CheckFailedError(`capture of ${name} timed out after ${timeoutMs / 1000}s`);
  if (run.exitCode !== 0) {
    const msg = redactText(`${run.stderr || run.stdout}`.trim().split('\n').slice(-5).join('\n'));
    // Exit 2: the image given cannot be captured at all (bad input, named), not a failed check.
    if ((run.exitCode === 127 || run.exitCode === 126) && NO_PYTHON.test(msg)) {
      throw new InputError(
        `${name} has no python3, which the probe needs: ${msg}`,
        'capture an image with python3 on PATH (every template installs it); the smoke suites need it too',
      );
    }
    // Its container removed by the cleanup of SIGINT/SIGTERM/SIGHUP (exit 137): the interrupt's.
    throw (
      interruptedFailure(`the probe in ${name}`, `exit ${run.exitCode}`) ??
      new CheckFailedError(`the probe failed in ${name} (exit ${run.exitCode}):\n${msg}`)
    );
  }
  const probed = probeOutput(run.stdout, name);
  const history = await layerHistory(input.image, deps.docker, input.platform);
  const size = await imageSize(input.image, deps.docker, input.platform, details);
  // The image's ENTRYPOINT (else CMD) runs another Python than the python3 on PATH described.
  const executable = (probed.python as { executable?: unknown } | undefined)?.executable;
  const otherPython = typeof executable === 'string' ? entryPythonError(details, executable) : undefined;
  const record = redactRecord({
    ...probed,
    schemaVersion: ENV_RECORD_SCHEMA_VERSION,
    image: imageFacts(input, details, platform, history, size),
    // Errors that are no list are left as they are, for the schema to refuse by name.
    errors:
      probed.errors !== undefined && !Array.isArray(probed.errors)
        ? probed.errors
        : [
            ...((probed.errors as unknown[] | undefined) ?? []),
            ...(typeof history === 'string' ? [{ field: 'image.history', error: history }] : []),
            ...(typeof size === 'string' ? [{ field: 'image.sizeKind', error: size }] : []),
            ...(gpuError !== undefined ? [{ field: 'gpus', error: gpuError }] : []),
            ...(otherPython !== undefined ? [otherPython] : []),
          ],
    // Nor is capture when it is no object: spread, a string of 2 MB made 2 million keys (7 s).
    capture: isJsonObject(probed.capture)
      ? {
          ...probed.capture,
          toolVersion: VERSION,
          time: new Date().toISOString(),
          host: { kernel: os.release() },
        }
      : probed.capture,
  });
  const parsed = recordOf(record, name);
  if (!parsed.success) {
    throw new CheckFailedError(
      `the probe's record of ${name} does not match the schema: ${formatIssues(parsed.error, record, EnvRecordSchema)[0]}`,
    );
  }
  return parsed.data;
}

/** The record through its schema; a list of a million bad entries (zod ran out of stack) is a failed check. */
function recordOf(record: unknown, name: string) {
  const parsed = boundedSafeParse(EnvRecordSchema, record);
  if ('overflow' in parsed)
    throw new CheckFailedError(
      `the probe's record of ${name} does not match the schema, with too many problems to list (zod ran out of stack)`,
    );
  return parsed;
}

/**
 * The probe's stdout as a record's fields: the image chose what it printed (its own python3 runs the
 * probe), so anything but a JSON object nested at most MAX_JSON_DEPTH levels is a failed check
 * (JSON null or a list made a TypeError of the capture's own, a deeper one overflowed the stack
 * of the redaction's walk: an internal error instead of the image's).
 */
function probeOutput(stdout: string, name: string): Record<string, unknown> {
  const shown = () => redactText(stdout.trim()).slice(-2000);
  if (jsonNestedDeeperThan(stdout, MAX_JSON_DEPTH))
    throw new CheckFailedError(
      `the probe in ${name} printed JSON nested deeper than ${MAX_JSON_DEPTH} levels, which no record is (exit 0)`,
    );
  let probed: unknown;
  try {
    probed = JSON.parse(stdout);
  } catch {
    throw new CheckFailedError(`the probe in ${name} printed no record (exit 0):\n${shown()}`);
  }
  if (!isJsonObject(probed))
    throw new CheckFailedError(
      `the probe in ${name} printed JSON that is no record (a ${probed === null ? 'null' : Array.isArray(probed) ? 'list' : typeof probed}, not an object) (exit 0):\n${shown()}`,
    );
  return probed;
}

/**
 * The image's layers with the instruction that made each (oldest first), from the engine; a
 * string when the engine could not tell (the record says why under errors). Values of secret names
 * (`RUN |1 HF_TOKEN=... /bin/sh -c`, `ENV DB_PASSWORD=two words`) are masked, then the text
 * patterns apply (redactInstruction).
 */
export async function layerHistory(
  image: string,
  docker: DockerAdapter,
  platform?: string,
): Promise<ImageLayer[] | string | undefined> {
  if (!docker.imageHistory) return undefined;
  try {
    const entries = await docker.imageHistory(image, platform);
    return entries.map((h) => ({
      createdBy: redactInstruction(h.createdBy),
      sizeBytes: h.sizeBytes,
      ...(h.empty && { empty: true }),
    }));
  } catch (e) {
    return `${(e as Error).name}: ${redactText(String((e as Error).message ?? e)).slice(0, 300)}`;
  }
}

/**
 * The image's size and its kind, which depends on the engine's image store (the adapter's
 * imageSize, given the capture's own inspect INSPECTED so that the image is not inspected again);
 * a string when the engine could not tell (the record says why under errors, and keeps the
 * inspect's size without a kind, read as unpacked); undefined when the adapter cannot be asked.
 */
export async function imageSize(
  image: string,
  docker: DockerAdapter,
  platform?: string,
  inspected?: ImageDetails,
): Promise<ImageSize | string | undefined> {
  if (!docker.imageSize) return undefined;
  try {
    return await docker.imageSize(image, platform, inspected);
  } catch (e) {
    return `${(e as Error).name}: ${redactText(String((e as Error).message ?? e)).slice(0, 300)}`;
  }
}

/** What the engine knows of the image (record.image). */
function imageFacts(
  input: CaptureInput,
  details: ImageDetails,
  platform: string,
  history: ImageLayer[] | string | undefined,
  size: ImageSize | string | undefined,
) {
  const sized = typeof size === 'object' ? size : undefined;
  // The digest it ran by (REPOSITORY@sha256:<platform manifest>) where the engine knows the image
  // by it: the first repository digest may be another repository's or the index's.
  const ran = parseImageRef(input.image).digest;
  const digests = details.repoDigests.flatMap((d) => (d.includes('@') ? [d.split('@')[1]!] : []));
  const repoDigest = digests.find((d) => d === ran) ?? digests[0];
  return {
    ref: nameOf(input),
    id: details.id,
    digest: repoDigest ?? null,
    platform,
    sizeBytes: sized?.sizeBytes ?? details.sizeBytes,
    ...(sized?.kind !== undefined && { sizeKind: sized.kind }),
    layers: details.layers,
    labels: redactLabels(details.labels),
    user: details.user,
    entrypoint: details.entrypoint,
    cmd: details.cmd,
    env: redactEnvList(details.env),
    variant: input.variant ?? details.labels[VARIANT_LABEL] ?? null,
    created: imageCreated(details),
    ...(Array.isArray(history) && { history }),
  };
}

/** The record's package lists other than python.packages (redactRecord). */
const PACKAGE_LISTS: ReadonlySet<string> = new Set(['apt', 'conda']);

/**
 * The record with secrets masked: every string that looks like one as a whole (redactDeep), but in
 * the package lists (pip, apt, conda) only tokens of known forms and URL logins. A package's name,
 * version, build, channel or requirement is no secret by its shape: PyPI names of 40 letters and
 * digits exist (mypy-boto3-serverlessapplicationrepository, also conda-forge's), and masking them
 * merged two packages into one SBOM component and dropped their dependencies.
 */
function redactRecord(r: Record<string, unknown>): Record<string, unknown> {
  const python = (v: unknown) =>
    isJsonObject(v)
      ? Object.fromEntries(
          Object.entries(v).map(([k, x]) => [k, k === 'packages' ? redactTextDeep(x) : redactDeep(x)]),
        )
      : redactDeep(v);
  // The probe's environment, NAME: value, masked by name too (as the probe does: a secret's name, a
  // proxy variable's login without a scheme), whatever probe wrote it.
  const env = (v: unknown) =>
    isJsonObject(v)
      ? Object.fromEntries(
          Object.entries(v).map(([k, x]) => [
            k,
            typeof x === 'string' ? redactEnvValue(k, x) : redactDeep(x),
          ]),
        )
      : redactDeep(v);
  return Object.fromEntries(
    Object.entries(r).map(([k, v]) => [
      k,
      k === 'python'
        ? python(v)
        : PACKAGE_LISTS.has(k)
          ? redactTextDeep(v)
          : k === 'env'
            ? env(v)
            : redactDeep(v),
    ]),
  );
}
