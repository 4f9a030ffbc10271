// EnvRecord: what is inside an image (env.json). Versioned, so the next release reads this one's:
// src/diff/read.ts migrates older records (v1 had no image.variant / image.created).
import { z } from 'zod';
import { DEFAULT_SIZE_KIND, SIZE_KINDS, type SizeKind } from '../docker/size-kind.js';
import { LABEL_PREFIX } from '../plan/schema.js';
import { clip, printable } from '../util/text.js';

export const ENV_RECORD_SCHEMA_VERSION = 2;

/** Labels the build sets (src/plan/tags.ts computeLabels) that image.variant / image.created mirror. */
export const VARIANT_LABEL = `${LABEL_PREFIX}.variant`;
export const CREATED_LABEL = 'org.opencontainers.image.created';

const maybe = <T extends z.ZodType>(t: T) => t.nullable().optional();

/**
 * A size in bytes. Not negative, as the report's schema requires (src/diff/schema.ts); at most
 * 2^53 (8 PiB), so that the report's sums of them stay numbers: sizes near 1e308 would add up to
 * Infinity, which no JSON file can hold. The record is refused when read (exit 2 naming the
 * field), not when the report is written.
 */
const bytes = z.number().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** One step of the image's history (docker history): its instruction and the bytes its layer added. */
export const LayerSchema = z.object({
  createdBy: z.string(),
  sizeBytes: bytes,
  /** No filesystem layer (ENV, CMD, LABEL ...). */
  empty: z.boolean().optional(),
});
export type ImageLayer = z.infer<typeof LayerSchema>;

export const EnvRecordSchema = z.object({
  schemaVersion: z.literal(ENV_RECORD_SCHEMA_VERSION),
  image: z.object({
    ref: z.string(),
    id: z.string(),
    digest: maybe(z.string()),
    platform: z.string(),
    sizeBytes: bytes,
    /**
     * What sizeBytes measures, which depends on the engine's image store (src/docker/size-kind.ts):
     * `unpacked` (the classic store: the unpacked layers) or `content` (the containerd image store:
     * the compressed content of the platform's manifest, about a third of it). Absent in records
     * written before kinds were recorded, or when the engine could not tell its store: read as
     * `unpacked`, what the classic store gave (sizeKindOf).
     */
    sizeKind: z.enum(SIZE_KINDS).optional(),
    // A count, whole, as the report's summary of a record requires (src/diff/schema.ts).
    layers: z.number().int().nonnegative(),
    labels: z.record(z.string(), z.string()),
    user: z.string(),
    entrypoint: z.array(z.string()).nullable(),
    cmd: z.array(z.string()).nullable(),
    env: z.record(z.string(), z.string()),
    /** The config variant the image was built for (cpu, cuda12.8), when known. (v2) */
    variant: z.string().nullable(),
    /** When the image was created (ISO 8601), from the engine or the OCI label. (v2) */
    created: z.string().nullable(),
    /**
     * The image's history, oldest first: each build step with the instruction that made it and
     * the bytes its layer added (0 for ENV, CMD ... which add no layer). From the engine; absent in
     * records written before sizes were captured, or when the engine could not tell.
     */
    history: z.array(LayerSchema).optional(),
  }),
  os: z.object({
    osRelease: z.record(z.string(), z.string()),
    glibc: maybe(z.string()),
    kernel: z.string(),
    machine: z.string(),
  }),
  python: z.object({
    version: z.string(),
    implementation: z.string(),
    executable: z.string(),
    platform: z.string(),
    pipVersion: maybe(z.string()),
    packages: z.array(
      z.object({
        name: z.string(),
        version: z.string(),
        requires: z.array(z.string()),
        installer: z.string(),
        location: z.string(),
        /** Bytes installed: the sizes its RECORD lists (else its files); absent when unknown. */
        sizeBytes: bytes.optional(),
        /**
         * Where pip installed it from when not from an index (PEP 610 direct_url.json): the URL (a
         * login in it masked), a VCS install's commit, whether editable. Absent for an index's
         * install, and in records written before probe 7, where it is unknown (DIRECT_URL_PROBE).
         */
        directUrl: z
          .object({ url: z.string(), commit: z.string().optional(), editable: z.boolean().optional() })
          .optional(),
      }),
    ),
  }),
  apt: z.array(
    z.object({
      name: z.string(),
      version: z.string(),
      arch: z.string(),
      /** dpkg's Installed-Size (KiB) in bytes; absent when unknown. */
      sizeBytes: bytes.optional(),
      /**
       * The source package it was built from (dpkg's Source field: libssl3's "openssl"), when dpkg
       * names one; absent: the binary package itself, or a record written before probe 3.
       */
      source: z.string().optional(),
      /** The source package's version when it differs from this one's (a binNMU's "+b1"). */
      sourceVersion: z.string().optional(),
    }),
  ),
  /**
   * The conda packages, sorted by name: each `conda-meta/*.json` of the environment (sys.prefix's,
   * and CONDA_PREFIX's when another), as `conda list` reads them; the channel without its subdir, a
   * token in it masked. Absent without conda-meta, and in records written before probe 4.
   */
  conda: z
    .array(
      z.object({
        name: z.string(),
        version: z.string(),
        build: z.string().optional(),
        channel: z.string().optional(),
        subdir: z.string().optional(),
        /**
         * The environment it is installed in (`/opt/conda`, `/opt/conda/envs/ml`): a name in both
         * environments is an entry in each, sys.prefix's first. Absent before probe 6, whose
         * entries name no environment (one alike in both was listed once).
         */
        prefix: z.string().optional(),
      }),
    )
    .optional(),
  cuda: z.object({
    runtime: maybe(z.string()),
    driverMaxCuda: maybe(z.string()),
    cudnn: maybe(z.string()),
    nccl: maybe(z.string()),
    nvcc: maybe(z.string()),
    /** Where each library was read: "torch: nvidia/cudnn/lib/libcudnn.so.9" (the copy torch loads) or "system". */
    sources: z.record(z.string(), z.string()).optional(),
  }),
  torch: z
    .object({
      version: z.string(),
      cuda: maybe(z.string()),
      hip: maybe(z.string()),
      cudaAvailable: z.boolean(),
      deviceCount: z.number(),
      tf32: z.object({ matmul: z.boolean(), cudnn: z.boolean() }),
      allocatorConfig: z.string(),
    })
    .loose()
    .nullable(),
  gpus: z.array(
    z
      .object({
        name: z.string(),
        /** null where nvidia-smi has none: a unified-memory GPU (GB10) prints memory.total "[N/A]". */
        memoryMiB: z.number().nullable(),
        computeCapability: z.string(),
        driver: z.string().nullable(),
      })
      .loose(),
  ),
  tools: z.record(z.string(), z.string().nullable()),
  env: z.record(z.string(), z.string()),
  /** Every field of torch.utils.collect_env, by its name there. */
  collectEnv: z.record(z.string(), z.unknown()),
  errors: z.array(z.object({ field: z.string(), error: z.string() })),
  capture: z.object({
    probeVersion: z.number(),
    durationMs: z.number(),
    toolVersion: z.string(),
    time: z.string(),
    host: z.object({ kernel: z.string(), engine: z.string().optional() }),
  }),
});

export type EnvRecord = z.infer<typeof EnvRecordSchema>;

/** The kind of the record's image size: a record without one holds what the classic store gave. */
export function sizeKindOf(record: Pick<EnvRecord, 'image'>): SizeKind {
  return record.image.sizeKind ?? DEFAULT_SIZE_KIND;
}

/** The errors field of a record whose pip package list lacks what the probe could not read. */
const PACKAGE_LIST_FIELD = 'python.packages';

/**
 * Why the record's pip package list is incomplete, or undefined when it is not: the probe's errors
 * under `python.packages` (a distribution it could not read, left out; earlier probes lost the
 * whole list to one). An SBOM, a report or a diff made from such a record lacks those packages, so
 * the stages that write or use it say so.
 */
export function packageListProblem(record: Pick<EnvRecord, 'errors'>): string | undefined {
  const errors = record.errors.filter((e) => e.field === PACKAGE_LIST_FIELD);
  if (errors.length === 0) return undefined;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  // One line, escaped: the error names a folder of the image's, which may hold any character.
  return `the pip package list is incomplete: ${printable(clip(errors[0]!.error, 300))}${more}`;
}

/** The fields torch.utils.collect_env reports (SystemEnv); the probe fills every one. */
export const COLLECT_ENV_FIELDS = [
  'torch_version',
  'is_debug_build',
  'cuda_compiled_version',
  'gcc_version',
  'clang_version',
  'cmake_version',
  'os',
  'libc_version',
  'python_version',
  'python_platform',
  'is_cuda_available',
  'cuda_runtime_version',
  'cuda_module_loading',
  'nvidia_driver_version',
  'nvidia_gpu_models',
  'cudnn_version',
  'pip_version',
  'pip_packages',
  'conda_packages',
  'hip_compiled_version',
  'hip_runtime_version',
  'miopen_runtime_version',
  'caching_allocator_config',
  'is_xnnpack_available',
  'cpu_info',
] as const;
