// The report model: everything the Markdown report says, as data. It is also the fork-safe
// artifact: a privileged workflow re-validates it with ReportModelSchema and re-renders it, so it
// carries data only (never pre-rendered Markdown) and every string in it is treated as untrusted.
import { z } from 'zod';
import type { EnvRecord } from '../capture/record.js';
import { diffRecords, diffSmoke, summarize } from '../diff/diff.js';
import { EnvDiffSchema, EnvSummarySchema, SmokeDiffSchema } from '../diff/schema.js';
import { InputError } from '../errors.js';
import type { SmokeResult } from '../smoke/result.js';
import { VERSION } from '../version.js';
import { safeUrl } from './escape.js';

export const REPORT_MODEL_SCHEMA_VERSION = 1;

export interface ReportInput {
  /** Repository, e.g. ghcr.io/acme/model */
  image: string;
  /** cpu, cuda12.8 */
  variant: string;
  /** config report.markerKey overrides the default key */
  markerKey?: string;
  entries: {
    platform: string;
    head: EnvRecord;
    base?: EnvRecord | null;
    headSmoke?: SmokeResult | null;
    baseSmoke?: SmokeResult | null;
  }[];
  /** Where the base records came from. */
  baseline?: { ref: string; sha?: string } | null;
  /** e.g. "first run: no record of main yet" */
  noBaselineReason?: string;
  /** Resolver explanations, plain text lines. */
  resolution?: string[];
  links?: { run?: string; artifact?: string };
  head?: { ref?: string; sha?: string };
  /** Relative change of a smoke metric in the bad direction that counts as a regression (0.10). */
  smokeThreshold?: number;
}

const httpUrl = z
  .string()
  .max(4096)
  .refine((u) => safeUrl(u) !== null, 'expected an http(s) URL');

export const PlatformReportSchema = z.object({
  platform: z.string(),
  head: EnvSummarySchema,
  base: EnvSummarySchema.nullable(),
  /** null: no base record for this platform. */
  diff: EnvDiffSchema.nullable(),
  /** null: no smoke result for this PR. */
  smoke: SmokeDiffSchema.nullable(),
});

export const ReportModelSchema = z.object({
  schemaVersion: z.literal(REPORT_MODEL_SCHEMA_VERSION),
  kind: z.literal('ml-image-report'),
  tool: z.object({ version: z.string() }),
  image: z.string(),
  variant: z.string(),
  markerKey: z.string(),
  head: z.object({ ref: z.string().optional(), sha: z.string().optional() }),
  baseline: z.object({ ref: z.string(), sha: z.string().optional() }).nullable(),
  noBaselineReason: z.string().nullable(),
  resolution: z.array(z.string()),
  links: z.object({ run: httpUrl.optional(), artifact: httpUrl.optional() }),
  platforms: z.array(PlatformReportSchema).min(1),
});

export type PlatformReport = z.infer<typeof PlatformReportSchema>;
export type ReportModel = z.infer<typeof ReportModelSchema>;

/** The marker key when the config sets none: one comment per image, variant and platform set. */
export function defaultMarkerKey(image: string, variant: string, platforms: readonly string[]): string {
  return `${image}:${variant}@${[...platforms].sort().join(',')}`;
}

export function buildReportModel(input: ReportInput): ReportModel {
  if (input.entries.length === 0) throw new InputError(`report ${input.image}:${input.variant}: no records`);
  const entries = [...input.entries].sort((a, b) =>
    a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : 0,
  );
  const threshold = input.smokeThreshold !== undefined ? { threshold: input.smokeThreshold } : {};
  const platforms = entries.map((e): PlatformReport => ({
    platform: e.platform,
    head: summarize(e.head),
    base: e.base ? summarize(e.base) : null,
    diff: e.base ? diffRecords(e.base, e.head) : null,
    smoke: e.headSmoke ? diffSmoke(e.baseSmoke ?? undefined, e.headSmoke, threshold) : null,
  }));
  const links: ReportModel['links'] = {};
  // A link that is not http(s) is dropped here rather than failing the poster later.
  if (input.links?.run && safeUrl(input.links.run)) links.run = input.links.run;
  if (input.links?.artifact && safeUrl(input.links.artifact)) links.artifact = input.links.artifact;
  return {
    schemaVersion: REPORT_MODEL_SCHEMA_VERSION,
    kind: 'ml-image-report',
    tool: { version: VERSION },
    image: input.image,
    variant: input.variant,
    markerKey:
      input.markerKey ??
      defaultMarkerKey(
        input.image,
        input.variant,
        entries.map((e) => e.platform),
      ),
    head: {
      ...(input.head?.ref !== undefined && { ref: input.head.ref }),
      ...(input.head?.sha !== undefined && { sha: input.head.sha }),
    },
    baseline: input.baseline
      ? { ref: input.baseline.ref, ...(input.baseline.sha !== undefined && { sha: input.baseline.sha }) }
      : null,
    noBaselineReason: input.noBaselineReason ?? null,
    resolution: input.resolution ?? [],
    links,
    platforms,
  };
}

/** A model from JSON (the artifact a privileged workflow downloads); InputError naming the source. */
export function parseReportModel(json: unknown, source: string): ReportModel {
  const r = ReportModelSchema.safeParse(json);
  if (r.success) return r.data;
  throw new InputError(
    `${source}: not a valid report model: ${r.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ')}`,
  );
}
