// The report model's schema: what report-<variant>.json holds and what the fork-safe artifact's
// reports are re-validated with (src/report/poster.ts). Schemas only: zod, the diff's schemas and
// the URL check, so that the results contract (src/results/) can write a ReportModel without
// loading the diff or the report's policy (src/report/model.ts builds and assesses the model).
import { z } from 'zod';
import { EnvDiffSchema, EnvSummarySchema, SmokeDiffSchema } from '../diff/schema.js';
import { safeUrl } from './escape.js';

export const REPORT_MODEL_SCHEMA_VERSION = 1;

/**
 * The most platforms one report holds. A config builds linux/amd64 and linux/arm64 only; the cap
 * keeps an untrusted artifact (the fork poster's) from making rendering's work grow with thousands
 * of platforms (fitting the comment is quadratic in the number of parts).
 */
export const MAX_REPORT_PLATFORMS = 64;

export const SupplyChainSchema = z.object({
  /** How it signed, or why it did not (one line). */
  signing: z.string(),
  targets: z.array(
    z.object({
      platform: z.string(),
      ref: z.string(),
      signed: z.boolean(),
      attestations: z.array(
        z.object({ kind: z.string(), attached: z.boolean(), verify: z.string().optional() }),
      ),
      notes: z.array(z.string()),
    }),
  ),
});
export type SupplyChain = z.infer<typeof SupplyChainSchema>;

const httpUrl = z
  .string()
  .max(4096)
  .refine((u) => safeUrl(u) !== null, 'expected an http(s) URL');

/** os/arch[/variant] (the config's platforms): a fork's artifact can name no other text here. */
const platformName = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9.]+)?$/, 'expected a platform such as linux/arm64');

export const PlatformReportSchema = z
  .object({
    platform: platformName,
    head: EnvSummarySchema,
    base: EnvSummarySchema.nullable(),
    /** null: no base record for this platform. */
    diff: EnvDiffSchema.nullable(),
    /** null: no smoke result for this PR. */
    smoke: SmokeDiffSchema.nullable(),
  })
  .refine((p) => (p.base === null) === (p.diff === null), {
    // buildReportModel diffs exactly the platforms with a base record. A forged model with one and
    // not the other made the overview's header of one shape and its rows of the other (a broken table).
    error: 'expected base and diff both null (no base record) or both set',
    path: ['diff'],
  });

export const ReportModelSchema = z.object({
  schemaVersion: z.literal(REPORT_MODEL_SCHEMA_VERSION),
  kind: z.literal('ml-image-report'),
  tool: z.object({ version: z.string() }),
  image: z.string(),
  variant: z.string(),
  markerKey: z.string(),
  head: z.object({ ref: z.string().optional(), sha: z.string().optional() }),
  /** noRecordOf: the base branch had no records, these are ref's (the default branch's). */
  baseline: z
    .object({ ref: z.string(), sha: z.string().optional(), noRecordOf: z.string().optional() })
    .nullable(),
  noBaselineReason: z.string().nullable(),
  resolution: z.array(z.string()),
  links: z.object({ run: httpUrl.optional(), artifact: httpUrl.optional() }),
  platforms: z
    .array(PlatformReportSchema)
    .min(1)
    .max(MAX_REPORT_PLATFORMS, { error: `expected at most ${MAX_REPORT_PLATFORMS} platforms` }),
  /** Absent in reports written before the attest stage existed. */
  supplyChain: SupplyChainSchema.optional(),
  /** config size.budget, as configured; absent: no budget. */
  sizeBudget: z.string().max(40).optional(),
  /**
   * Platforms the baseline has records of and this config no longer builds (a pull request that
   * drops linux/arm64); absent: none, or no baseline.
   */
  droppedPlatforms: z.array(platformName).max(MAX_REPORT_PLATFORMS).optional(),
  /** Platforms this run built and has no record of (their capture failed); absent: none. */
  unreportedPlatforms: z.array(platformName).max(MAX_REPORT_PLATFORMS).optional(),
});

export type PlatformReport = z.infer<typeof PlatformReportSchema>;
export type ReportModel = z.infer<typeof ReportModelSchema>;
