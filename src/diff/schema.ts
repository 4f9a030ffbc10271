// The shapes the diff produces, as zod schemas: the report model (src/report/model.ts) embeds them
// and a privileged workflow re-validates that model from an untrusted artifact, so they are data
// only (no Markdown, no labels the renderer could take at face value).
import { z } from 'zod';
import { SIZE_KINDS } from '../docker/size-kind.js';

export const ChangeLevelSchema = z.enum(['major', 'minor', 'patch', 'local', 'other']);

/**
 * A change that loses a CUDA build: the base's build label names CUDA (pip `+cu121`, conda
 * `py3.11_cuda12.1_cudnn8.9.2_0`) and this PR's names none (`+cpu`, `py3.11_cpu_0`, `no label`,
 * `no build`). The diff decides it, so that the report and its artifact read it from here.
 */
const CudaLossSchema = z.object({ from: z.string(), to: z.string() });

export const PackageChangeSchema = z.object({
  name: z.string(),
  /**
   * conda: the environment of a name the diff compares environment by environment (one a record has
   * in several: `numpy` in /opt/conda and in /opt/conda/envs/ml); absent otherwise, and in a diff
   * written by an older version (which compared such a name once).
   */
  prefix: z.string().optional(),
  /**
   * changed: no direction (only the PEP 440 local label differs: `+cu121` -> `+cpu`; conda: only the
   * build or channel, which from and to then show: `2.1.0 py3.11_cuda12.1_cudnn8.9.2_0`).
   */
  kind: z.enum(['added', 'removed', 'upgraded', 'downgraded', 'changed']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  level: ChangeLevelSchema.nullable(),
  /**
   * Set when the change loses a CUDA build (CudaLossSchema); absent when it keeps or gains one, or
   * loses only its label where that is none (EnvDiff lossesJudged; cudaLossOf).
   */
  cudaLoss: CudaLossSchema.optional(),
});

export type PackageChange = z.infer<typeof PackageChangeSchema>;

/**
 * A package change's identity across a report's platforms (the verdict counts equal ones once, the
 * comment artifact shares their rows): the same change of one name in two conda environments is two.
 */
export const packageChangeKey = (c: PackageChange): string =>
  [c.kind, c.name, c.prefix ?? '', c.from, c.to].join('\u0000');

export const PackageDiffSchema = z.object({
  baseCount: z.number().int().nonnegative(),
  headCount: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  /** Upgraded/downgraded/changed by level (major first), then added, then removed; by name within each. */
  changes: z.array(PackageChangeSchema),
});

/** The components the overview shows, in its order; `host` ones describe the runner, not the image. */
export const COMPONENT_IDS = [
  'os',
  'glibc',
  'python',
  'torch',
  'torchCuda',
  'numpy',
  'cuda',
  'cudnn',
  'nccl',
  'driverMaxCuda',
  'driver',
  'gpus',
] as const;
export const ComponentIdSchema = z.enum(COMPONENT_IDS);
export type ComponentId = z.infer<typeof ComponentIdSchema>;
/** The driver (and so the newest CUDA it supports) and the GPUs belong to the capturing machine. */
export const HOST_COMPONENTS: ReadonlySet<ComponentId> = new Set(['driver', 'driverMaxCuda', 'gpus']);

export const ComponentChangeSchema = z.object({
  id: ComponentIdSchema,
  from: z.string().nullable(),
  to: z.string().nullable(),
  changed: z.boolean(),
  /** up/down for versions that compare; "changed" for the rest (OS name, GPU list). */
  direction: z.enum(['up', 'down', 'changed']).nullable(),
  level: ChangeLevelSchema.nullable(),
  /** Driver, driver max CUDA and GPUs come from the machine that captured the record, not the image. */
  host: z.boolean(),
  /** torch: set when its version's local label loses a CUDA build (`2.1.0+cu121` -> `2.1.0+cpu`). */
  cudaLoss: CudaLossSchema.optional(),
});

export const EnvVarChangeSchema = z.object({
  name: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const LabelChangeSchema = EnvVarChangeSchema.extend({
  /** Changes on every build (creation time, commit): listed, but not an environment change. */
  volatile: z.boolean(),
});

const count = z.number().int().nonnegative();

/**
 * What an image size measures, by the engine's image store (src/docker/size-kind.ts): `unpacked`
 * (the classic store) or `content` (the containerd store: compressed). Absent: unpacked.
 */
const SizeKindSchema = z.enum(SIZE_KINDS);

/** A package among an image's biggest (pip: RECORD sizes; apt: dpkg's Installed-Size). */
export const SizeItemSchema = z.object({
  name: z.string(),
  version: z.string(),
  sizeBytes: z.number().nonnegative(),
});

/** A layer among an image's biggest, with the instruction that made it. */
export const LayerItemSchema = z.object({ createdBy: z.string(), sizeBytes: z.number().nonnegative() });

/** The biggest contributors to an image's size; a list is empty when the record has no sizes. */
export const SizeTopSchema = z.object({
  pip: z.array(SizeItemSchema),
  apt: z.array(SizeItemSchema),
  layers: z.array(LayerItemSchema),
});

/** What one package or layer added to (or took from) the image, base -> this PR. */
export const SizeChangeSchema = z.object({
  kind: z.enum(['pip', 'apt', 'layer']),
  /** Package name, or the layer's instruction. */
  name: z.string(),
  /** Versions (packages; null: not installed on that side); null for layers. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  baseBytes: z.number().nonnegative().nullable(),
  headBytes: z.number().nonnegative().nullable(),
  delta: z.number(),
});

/** Where the bytes went: the image's size change and the packages and layers that made it. */
export const SizeExplanationSchema = z.object({
  /**
   * The image's size change; where the two sizes are of different kinds (EnvDiff.sizeKindChange),
   * the packages' (packagesDelta): the only change measured alike on both sides.
   */
  delta: z.number(),
  /** Both records had package sizes (older records have none). */
  packagesKnown: z.boolean(),
  /**
   * Both records had the layers' history, measured by the same image store (the layers' sizes
   * are the engine's too: not compared when the sizes' kinds differ).
   */
  layersKnown: z.boolean(),
  /** The biggest package changes by size (pip and apt together), largest |delta| first. */
  packages: z.array(SizeChangeSchema),
  /** Sum of every package's change (shown or not). */
  packagesDelta: z.number(),
  /** Packages whose size changed, shown or not. */
  packagesChanged: count,
  /** The biggest layer changes, largest |delta| first (matched by instruction). */
  layers: z.array(SizeChangeSchema),
});

export const EnvSummarySchema = z.object({
  ref: z.string(),
  digest: z.string().nullable(),
  platform: z.string(),
  variant: z.string().nullable(),
  created: z.string().nullable(),
  sizeBytes: z.number().nonnegative(),
  /** What sizeBytes measures; absent where the record names no kind (unpacked). */
  sizeKind: SizeKindSchema.optional(),
  layers: count,
  pipCount: count,
  aptCount: count,
  /** The biggest packages and layers; absent in reports of records without sizes. */
  top: SizeTopSchema.optional(),
  /**
   * Why the pip package list is incomplete: the probe could not read every distribution (its
   * record's errors under python.packages). Absent when it is complete.
   */
  pipIncomplete: z.string().max(400).optional(),
  components: z.object(
    Object.fromEntries(COMPONENT_IDS.map((id) => [id, z.string().nullable()])) as Record<
      ComponentId,
      z.ZodNullable<z.ZodString>
    >,
  ),
});

const delta = z.object({ base: z.number(), head: z.number(), delta: z.number() });

export const EnvDiffSchema = z.object({
  pip: PackageDiffSchema,
  apt: PackageDiffSchema,
  /**
   * conda packages by name (record.conda); absent when neither record has any, or one was written
   * before the probe read them (probe 4).
   */
  conda: PackageDiffSchema.optional(),
  components: z.array(ComponentChangeSchema),
  env: z.object({
    changes: z.array(EnvVarChangeSchema),
    unchanged: count,
    /** Redacted on both sides: whether they differ cannot be told (and is never guessed). */
    redactedBoth: count,
  }),
  labels: z.object({ changes: z.array(LabelChangeSchema), unchanged: count }),
  size: delta,
  /**
   * Set when the two sizes are of different kinds (the engine's image store changed between the
   * captures, an absent kind read as unpacked): then `size` holds the two figures but its delta
   * compares nothing, and the report shows no change, percentage or growth budget for it.
   */
  sizeKindChange: z.object({ from: SizeKindSchema, to: SizeKindSchema }).optional(),
  layers: delta,
  /** Which packages and layers made the size change; absent when neither record has sizes. */
  sizeExplanation: SizeExplanationSchema.optional(),
  /** Anything changed other than volatile labels and host facts. */
  changed: z.boolean(),
  /**
   * Set by a diff whose packages' cudaLoss is all there is to it (packageLoss: torchvision +cu121 ->
   * PyPI's unlabelled wheel beside a CUDA torch is none); absent in one an older version wrote,
   * whose losses are decided again from the labels (cudaLossOf). A flag, not a null cudaLoss, so
   * that an older release's reader (a pinned fork poster) still takes the model.
   */
  lossesJudged: z.literal(true).optional(),
});

const SmokeStatusSchema = z.enum(['pass', 'fail', 'skip']);

export const SmokeTestChangeSchema = z.object({
  id: z.string(),
  suite: z.string(),
  from: SmokeStatusSchema.nullable(),
  to: SmokeStatusSchema.nullable(),
  /** This PR's reason (fail/skip) and classified cause. */
  reason: z.string().nullable(),
  cause: z.string().nullable(),
  /** pass -> fail */
  regression: z.boolean(),
  /** fail -> pass */
  fixed: z.boolean(),
  /** What the floors said of this PR's test: the row judged against, or "no floor for ..." (GPU suites). */
  note: z.string().optional(),
});

export const MetricDeltaSchema = z.object({
  test: z.string(),
  metric: z.string(),
  base: z.number().nullable(),
  head: z.number().nullable(),
  /** (head - base) / |base|; null without both values or with base 0. */
  relative: z.number().nullable(),
  better: z.enum(['higher', 'lower']).nullable(),
  regression: z.boolean(),
  improved: z.boolean(),
  /** The floor this PR's value was judged against (the smoke script's <metric>_floor). */
  floor: z.number().optional(),
});

const smokeSummary = z.object({ pass: count, fail: count, skip: count });

export const SmokeDiffSchema = z.object({
  threshold: z.number().nonnegative(),
  base: smokeSummary.nullable(),
  head: smokeSummary,
  tests: z.array(SmokeTestChangeSchema),
  metrics: z.array(MetricDeltaSchema),
  regressions: count,
  metricRegressions: count,
  fixed: count,
  failing: count,
  /** Where the head's suites ran when not on the runner: a cluster job (`ml-image collect`). */
  ranOn: z.string().optional(),
  /** Why the head's run stopped before every test ran (its result's `interrupted`). */
  stopped: z.string().optional(),
});

export type PackageDiff = z.infer<typeof PackageDiffSchema>;
export type ComponentChange = z.infer<typeof ComponentChangeSchema>;
export type EnvVarChange = z.infer<typeof EnvVarChangeSchema>;
export type LabelChange = z.infer<typeof LabelChangeSchema>;
export type EnvSummary = z.infer<typeof EnvSummarySchema>;
export type EnvDiff = z.infer<typeof EnvDiffSchema>;
export type SmokeTestChange = z.infer<typeof SmokeTestChangeSchema>;
export type MetricDelta = z.infer<typeof MetricDeltaSchema>;
export type SmokeDiff = z.infer<typeof SmokeDiffSchema>;
export type SizeItem = z.infer<typeof SizeItemSchema>;
export type LayerItem = z.infer<typeof LayerItemSchema>;
export type SizeTop = z.infer<typeof SizeTopSchema>;
export type SizeChange = z.infer<typeof SizeChangeSchema>;
export type SizeExplanation = z.infer<typeof SizeExplanationSchema>;

/**
 * The changes that explain the size change, in its direction (growth: what grew, biggest first),
 * packages before layers (a package names the cause; a layer holds many packages).
 */
export function sizeDrivers(e: SizeExplanation): SizeChange[] {
  const sign = e.delta < 0 ? -1 : 1;
  const pick = (list: SizeChange[]) => list.filter((c) => c.delta * sign > 0);
  const packages = pick(e.packages);
  return packages.length > 0 ? packages : pick(e.layers);
}
