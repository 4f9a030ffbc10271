// Reading a result directory's files back, each through the schema it is written with. Internal to
// src/results/: the stages read through a ResultDir (openResultDir, discardResults), which names the
// files (results.ts); these take the file's path. A file that is not there is "nothing" (undefined
// or null, as each reader says); a file that is there but cannot be read or parsed is bad input
// naming it (exit 2), except where a reader says another version's file is left out.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { type AttestResult, AttestResultSchema } from '../attest/result.js';
import { BUILD_RESULT_SCHEMA_VERSION, type BuildResult, BuildResultSchema } from '../build/result.js';
import type { EnvRecord } from '../capture/record.js';
import { formatIssues } from '../config/issues.js';
import { readEnvRecord, readSmokeResult } from '../diff/read.js';
import { InputError } from '../errors.js';
import { safeParseInput } from '../util/parse-input.js';
import { PLAN_SCHEMA_VERSION, type Plan, PlanSchema } from '../plan/schema.js';
import {
  RESOLUTION_SCHEMA_VERSION,
  RESOLUTION_V1_SCHEMA_VERSION,
  type Resolution,
  ResolutionSchema,
  ResolutionV1Schema,
} from '../resolve/result.js';
import type { SmokeResult } from '../smoke/result.js';
import { readJsonFile } from '../util/json-file.js';
import { readRegularFile } from '../util/read-regular.js';

/** The smoke reuse key: "<manifest digest> <inputs sha256>", then (not in older files) a line
 * "content:sha256:<hex> <inputs sha256>" of the image's content (src/smoke/reuse.ts). */
export const SmokeKeySchema = z.string().regex(/^\S+ [0-9a-f]{64}(\ncontent:\S+ [0-9a-f]{64})?$/);
/** A smoke key is two short lines; a bigger file is no key. */
const SMOKE_KEY_MAX_BYTES = 4096;

/** The schemaVersion a file says it has, when it says one. */
const versionOf = (data: unknown): unknown => (data as { schemaVersion?: unknown } | null)?.schemaVersion;

/** DATA parsed with SCHEMA; a mismatch is bad input: "FILE: not a WHAT: <the first problem>". */
function parseAs<T>(schema: z.ZodType<T>, data: unknown, file: string, what: string, fix?: string): T {
  const parsed = safeParseInput(schema, data, file);
  if (!parsed.success)
    throw new InputError(`${file}: not ${what}: ${formatIssues(parsed.error, data, schema)[0]}`, fix);
  return parsed.data;
}

/**
 * A resolution. One of schemaVersion 1 is read as one of this version (it lacks only
 * constraints.sha256); another version's (a reused directory) is left out; a broken one is bad input.
 */
export function readResolutionFile(file: string): Resolution | undefined {
  if (!existsSync(file)) return undefined;
  const data = readJsonFile(file);
  const version = versionOf(data);
  if (version === RESOLUTION_V1_SCHEMA_VERSION) {
    const v1 = parseAs(ResolutionV1Schema, data, file, 'a resolution');
    return { ...v1, schemaVersion: RESOLUTION_SCHEMA_VERSION };
  }
  if (typeof version === 'number' && version !== RESOLUTION_SCHEMA_VERSION) return undefined;
  return parseAs(ResolutionSchema, data, file, 'a resolution');
}

/**
 * How a caller that reads a directory it was given (`--from DIR`) has a file named in messages:
 * `what`, its role ("build result (--from)"); `fix`, what to do about a missing or broken one.
 */
export interface ReadAs {
  what?: string;
  fix?: string;
}

/**
 * The fix of a build.json that is missing or unreadable, unless the caller says another: the
 * action's (its result-dir input; a smoke job downloads the build job's). A command of the CLI
 * passes its own, in its flags' words (`run --stages smoke`: --stages and --out, checked before the
 * first stage; `--from DIR`).
 */
const BUILD_FIX = "run the build stage in this job, or download the build job's build.json into result-dir";

/** Whether VARIANTS, a build.json's, is an empty list or an empty mapping. */
const isEmpty = (variants: unknown): boolean =>
  Array.isArray(variants)
    ? variants.length === 0
    : typeof variants === 'object' && variants !== null && Object.keys(variants).length === 0;

/**
 * build.json: a missing or broken one is bad input naming it. The caller's fix replaces the build
 * stage's for a missing or unreadable file, and is given for one that does not parse. One of this
 * version holding no variants (`[]`, or an empty mapping) is bad input said as such: the build
 * built nothing.
 */
export function readBuildFile(file: string, as: ReadAs = {}): BuildResult {
  const data = readJsonFile(file, { what: as.what ?? 'build result', fix: as.fix ?? BUILD_FIX });
  const variants = (data as { variants?: unknown } | null)?.variants;
  // No build writes one: a plan has a variant at least, and the build records each it built.
  if (versionOf(data) === BUILD_RESULT_SCHEMA_VERSION && isEmpty(variants))
    throw new InputError(
      `${file}: the build result holds no variants (variants: ${JSON.stringify(variants)}): the build that wrote it built nothing`,
      `rerun the build, which records each variant it builds: ${as.fix ?? BUILD_FIX}`,
    );
  return parseAs(BuildResultSchema, data, file, 'a build result', as.fix);
}

/**
 * plan.json, parsed with PlanSchema: undefined when there is none, and when it is of another
 * schemaVersion (a directory another version of the tool wrote: its plan is left out, as a
 * resolution of another version is, and the reader goes on without it). A plan of this version
 * that does not parse (truncated, edited, a field missing) is bad input naming the file.
 */
export function readPlanFile(file: string, as: ReadAs = {}): Plan | undefined {
  if (!existsSync(file)) return undefined;
  const data = readJsonFile(file, { what: as.what ?? 'plan', ...(as.fix !== undefined && { fix: as.fix }) });
  const version = versionOf(data);
  if (typeof version === 'number' && version !== PLAN_SCHEMA_VERSION) return undefined;
  return parseAs(PlanSchema, data, file, 'a plan', as.fix);
}

/**
 * A target's record (through the migrations of older versions): null when the file is not there;
 * an unreadable one throws, naming it.
 */
export function readEnvFile(file: string): EnvRecord | null {
  return existsSync(file) ? readEnvRecord(readJsonFile(file), file) : null;
}

/** A target's smoke result, as readEnvFile reads a record. */
export function readSmokeFile(file: string): SmokeResult | null {
  return existsSync(file) ? readSmokeResult(readJsonFile(file), file) : null;
}

/** A target's smoke reuse key, when there is one. */
export function readSmokeKeyFile(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  // Not a file (a FIFO would block the read) or unreadable: thrown, for the caller to say why.
  const text = readRegularFile(file, SMOKE_KEY_MAX_BYTES).toString('utf8');
  // A key that is not of the shape written is no key: the smoke suites simply run again.
  const key = SmokeKeySchema.safeParse(text.trim());
  return key.success ? key.data : undefined;
}

/** attest.json, when the attest stage wrote one (the report reads it). */
export function readAttestFile(file: string): AttestResult | undefined {
  if (!existsSync(file)) return undefined;
  return parseAs(AttestResultSchema, readJsonFile(file), file, 'an attest result');
}
