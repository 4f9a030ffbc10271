// Per-GPU throughput floors as data (baselines.json, or the config's smoke.baseline file): one row
// per GPU model with the figures measured on it, how and where, and a floor at floorFraction of
// each, as DCGM diag and nccl-tests do. The smoke script judges (images/probe/ml_image_smoke.py
// matches the row on the GPU it runs on); this side checks the table and hands it over, the same
// way to `ml-image smoke` and to the exported Slurm/Kubernetes jobs.
import { z } from 'zod';
import { formatIssues } from '../config/issues.js';
import { InputError } from '../errors.js';
import { readJsonFile } from '../util/json-file.js';
import { boundedSafeParse } from '../util/parse-input.js';
import { closestWord } from '../util/text.js';
import data from './baselines.json' with { type: 'json' };
import { portablePatternProblem } from './portable-pattern.js';

/**
 * A regular expression both JavaScript and Python read alike (portable-pattern.ts): checked here,
 * used there. A construct outside that subset is named with where it is.
 */
const pattern = z
  .string()
  .min(1)
  .superRefine((s, ctx) => {
    const problem = portablePatternProblem(s);
    if (problem !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: `expected a regular expression JavaScript and Python read alike (matched case-insensitively): ${problem}`,
      });
  });

const fraction = z.number().gt(0).lte(1);

/**
 * The metrics the compute suite measures on a GPU and the script judges against a row's figures
 * (images/probe/ml_image_smoke.py compute: `<dtype>_tflops`). A key it does not measure would never
 * be judged: a row matched first would switch the floor off without a word.
 */
export const FLOOR_METRICS = ['bf16_tflops', 'fp16_tflops', 'tf32_tflops', 'fp32_tflops'] as const;

/** The metric KEY was likely meant: a close spelling, else the one it starts ("bf16" -> bf16_tflops). */
function metricHint(key: string): string | undefined {
  const lower = key.toLowerCase();
  return (
    closestWord(key, FLOOR_METRICS) ??
    (lower.length >= 4 ? FLOOR_METRICS.find((m) => m.startsWith(lower)) : undefined)
  );
}

/** A row's figures: only metrics of FLOOR_METRICS, each problem named by its key. */
const measured = z
  .record(z.string().min(1), z.number().positive())
  .superRefine((m, ctx) => {
    for (const key of Object.keys(m)) {
      if ((FLOOR_METRICS as readonly string[]).includes(key)) continue;
      const hint = metricHint(key);
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `not a metric the compute suite measures${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${FLOOR_METRICS.join(', ')}`,
      });
    }
  })
  .refine((m) => Object.keys(m).length > 0, { error: 'no figure measured' });

const GpuRow = z.strictObject({
  /** The row's name, reported as floor_gpu. */
  name: z.string().min(1),
  /** Matched case-insensitively on the torch device name, any " MIG ..." suffix stripped. */
  match: pattern,
  /** major.minor; the row applies only to a GPU of this compute capability. */
  computeCapability: z
    .string()
    .regex(/^\d+\.\d+$/, { error: 'expected major.minor, e.g. "9.0"' })
    .optional(),
  /** The GPU's memory in GiB as torch reports it (not checked for a MIG slice). */
  memoryGiB: z
    .strictObject({ min: z.number().nonnegative(), max: z.number().positive() })
    .refine((m) => m.min <= m.max, { error: 'min is above max' })
    .optional(),
  /** This row's floor fraction, instead of the table's. */
  floorFraction: fraction.optional(),
  /** metric -> the figure measured, e.g. bf16_tflops -> 794.5 (the floor is floorFraction of it). */
  measured,
  /** How the figures were measured (shapes, warm-up, timing, power). */
  method: z.string().min(1).optional(),
  /** Where the figures come from: a URL, or a file of this repository. */
  source: z.string().min(1),
});

const DdpRow = z.strictObject({
  name: z.string().min(1),
  /** Matched like a GPU row's, on the name of the GPUs the all-reduce ran on. */
  match: pattern,
  /** The row applies from this many processes on. */
  minWorld: z.number().int().min(2).optional(),
  /** busbw (nccl-tests' definition) measured; the floor is floorFraction of it. */
  busbw_gbps: z.number().positive(),
  floorFraction: fraction.optional(),
  /** e.g. "NVLink 4 (NVSwitch)" */
  interconnect: z.string().min(1),
  method: z.string().min(1).optional(),
  source: z.string().min(1),
});

export const BaselineSchema = z.strictObject({
  schemaVersion: z.literal(1),
  floorFraction: fraction,
  gpus: z.array(GpuRow),
  ddp: z.array(DdpRow).optional(),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export function bundledBaseline(): Baseline {
  return BaselineSchema.parse(data);
}

/**
 * The config's baseline file merged with the bundled one: its rows come first, so they win (the
 * script takes the first row that matches), and its floorFraction is the table's. A bundled row
 * keeps the fraction it states.
 */
export function loadBaseline(file?: string): Baseline {
  const bundled = bundledBaseline();
  if (file === undefined) return bundled;
  let json: unknown;
  try {
    json = readJsonFile(file, { what: 'smoke.baseline file' });
  } catch (e) {
    // Named by its field first, as the schema's problems below are ("smoke.baseline: ...").
    if (!(e instanceof InputError)) throw e;
    throw new InputError(`smoke.baseline: ${e.message}`, e.fix);
  }
  const r = boundedSafeParse(BaselineSchema, json);
  if ('overflow' in r)
    throw new InputError(`smoke.baseline: ${file}: too many problems to list (zod ran out of stack)`);
  if (!r.success) {
    throw new InputError(
      `smoke.baseline: ${file}: ${formatIssues(r.error, json, BaselineSchema).join('; ')}`,
    );
  }
  return {
    ...r.data,
    gpus: [...r.data.gpus, ...bundled.gpus],
    ddp: [...(r.data.ddp ?? []), ...(bundled.ddp ?? [])],
  };
}

/**
 * The table as the smoke script's `--floors` argument: compact JSON, with U+2028 and U+2029 escaped
 * (still the same JSON). An export carries it in a Kubernetes YAML file, whose readers (go-yaml in
 * kubectl, PyYAML) take those characters for line breaks and would misread the file.
 */
export function floorsArg(baseline: Baseline): string {
  return JSON.stringify(baseline)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
