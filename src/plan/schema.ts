// Plan: what the plan stage hands to resolve/build/smoke/report (and writes as plan.json). The types
// are inferred from the schema, so the file written and the value passed on cannot drift apart.
import { z } from 'zod';
import { PLATFORMS, TEMPLATES } from '../config/schema.js';

export const PLAN_SCHEMA_VERSION = 1;

/** Where tags and labels get the commit, ref and PR number (GitHub's environment, or git). */
export interface GitContext {
  /** Full commit SHA. */
  sha?: string;
  /** e.g. refs/heads/main, refs/tags/v1.4.0, refs/pull/12/merge */
  ref?: string;
  /** true when building the repository's default branch. */
  isDefaultBranch?: boolean;
  prNumber?: number;
  /** e.g. https://github.com/my-org/my-model */
  repositoryUrl?: string;
  /** Commit time (ISO 8601): the image's "created" label, so a rebuild of a commit is reproducible. */
  commitTime?: string;
}

export const LABEL_PREFIX = 'io.github.ml-image-action';

const PlatformSchema = z.enum(PLATFORMS);

export const TemplateSchema = z.enum(TEMPLATES);

export const BaseChoiceSchema = z.object({
  /** The reference the build uses (after mirrors). */
  ref: z.string(),
  /** The reference before mirrors (what the catalog knows). */
  canonical: z.string(),
  family: z.string().optional(),
  /** Platforms the base image is known to have; undefined when not in the catalog. */
  platforms: z.array(z.string()).optional(),
  reason: z.string(),
});

export const VariantPlanSchema = z.object({
  name: z.string(),
  kind: z.enum(['cpu', 'cuda', 'custom']),
  primary: z.boolean(),
  python: z.string(),
  /** Template from images/ or undefined when the user's own Dockerfile is used. */
  template: TemplateSchema.optional(),
  base: BaseChoiceSchema,
  /** indexUrl undefined: torch comes with the base image (NGC) and is not installed again. */
  torch: z.object({ version: z.string(), indexUrl: z.string().optional() }).optional(),
  cuda: z
    .object({ version: z.string(), toolkitDriverMin: z.string(), minorCompatDriverMin: z.string() })
    .optional(),
  tags: z.array(z.string()),
  labels: z.record(z.string(), z.string()),
  platforms: z.array(PlatformSchema),
  /** Build args every Dockerfile may read (images/README.md "Build arguments"). */
  buildArgs: z.record(z.string(), z.string()),
});

export const BuildTargetSchema = z.object({
  id: z.string(),
  variant: z.string(),
  platform: PlatformSchema,
  arch: z.string(),
  runner: z.string(),
});

export const PlanSchema = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  repository: z.string(),
  version: z.string().optional(),
  variants: z.array(VariantPlanSchema),
  targets: z.array(BuildTargetSchema),
  warnings: z.array(z.string()),
  /** GitHub Actions matrix: strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }} */
  matrix: z.object({
    include: z.array(
      z.object({ variant: z.string(), platform: PlatformSchema, arch: z.string(), runner: z.string() }),
    ),
  }),
});

export type Template = z.infer<typeof TemplateSchema>;
export type BaseChoice = z.infer<typeof BaseChoiceSchema>;
export type VariantPlan = z.infer<typeof VariantPlanSchema>;
export type BuildTarget = z.infer<typeof BuildTargetSchema>;
export type Plan = z.infer<typeof PlanSchema>;

/**
 * What plan.json says about a variant: its NVIDIA driver floor, and whether it is a CUDA variant;
 * undefined when the plan has no such variant. `driverFloorField` is the floor's place in the file
 * (variants[1].cuda.minorCompatDriverMin), for a message about its value. (A plan.json of another
 * schemaVersion never gets here: the results contract leaves it out, and the caller goes on with
 * its defaults.)
 */
export function variantFromPlan(
  plan: Plan,
  variant: string,
): { driverFloor?: string; driverFloorField?: string; cuda: boolean } | undefined {
  const i = plan.variants.findIndex((x) => x.name === variant);
  const v = plan.variants[i];
  if (!v) return undefined;
  return {
    cuda: v.cuda !== undefined,
    ...(v.cuda && {
      driverFloor: v.cuda.minorCompatDriverMin,
      driverFloorField: `variants[${i}].cuda.minorCompatDriverMin`,
    }),
  };
}
