// The result-directory contract: every file the stages hand each other (and the jobs of a matrix
// hand each other as artifacts), its name (names.ts, where the table of them is), and the schema it
// is written and read through.
//
// Every write is atomic (a later run never trusts a half-written file) and free of URL credentials
// (a torch index URL with a token in the plan, for instance); every value is checked against its
// schema before it is written and parsed when it is read back (./read.ts), always through a ResultDir.
// This module is a leaf: stages import it, it imports only schemas.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { type AttestResult, AttestResultSchema } from '../attest/result.js';
import {
  type BuildResult,
  BuildResultSchema,
  MaterialsSchema,
  PlatformBuildSchema,
} from '../build/result.js';
import { redactUrls } from '../util/redact.js';
import { statPath } from '../util/read-regular.js';
import { type EnvRecord, EnvRecordSchema } from '../capture/record.js';
import { formatIssues } from '../config/issues.js';
import { InputError } from '../errors.js';
import { type DevcontainerJson, DevcontainerJsonSchema } from '../devcontainer/devcontainer-schema.js';
import { type Plan, PlanSchema } from '../plan/schema.js';
import type { CommentArtifact } from '../report/artifact.js';
import { type ReportModel, ReportModelSchema } from '../report/model-schema.js';
import { type Resolution, ResolutionSchema } from '../resolve/result.js';
import { type SmokeResult, SmokeResultSchema, toJUnit } from '../smoke/result.js';
import { checkReplaceable, ensureResultDir, readJsonFile, writeFileAtomic } from '../util/json-file.js';
import { boundedSafeParse } from '../util/parse-input.js';
import { ownFilePath, ownSubdir, refuseLinkedSubdirs } from '../util/own-dir.js';
import {
  readAttestFile,
  readBuildFile,
  readEnvFile,
  readPlanFile,
  readResolutionFile,
  readSmokeFile,
  readSmokeKeyFile,
  type ReadAs,
  SmokeKeySchema,
} from './read.js';
import {
  ATTEST_FILE,
  BUILD_FILE,
  COMMENT_DIR,
  devcontainerFile,
  digestFile,
  OWN_SUBDIRS,
  PLAN_FILE,
  RECORD_KINDS,
  recordFile,
  reportFile,
  resolutionFile,
  RUN_REPORT_FILE,
} from './names.js';
import { type AttestFiles, attestFiles } from './attest-files.js';
import { writeCommentArtifact } from './comment.js';
import {
  removeDevcontainers,
  removeFile,
  removeReports,
  runReportFiles,
  variantReportFiles,
} from './remove.js';
import { checked, json } from './write.js';
import { holdResultDir } from './owner-lock.js';

// ---- names: names.ts, re-exported with the readers and writers ------------------------------------

export * from './names.js';

// ---- schemas of the files without a stage of their own -------------------------------------------

const DIGEST_FILE_SCHEMA_VERSION = 1;

export const DigestFileSchema = z.object({
  schemaVersion: z.literal(DIGEST_FILE_SCHEMA_VERSION),
  variant: z.string(),
  repository: z.string(),
  tags: z.array(z.string()),
  baseImage: z.string(),
  baseDigest: z.string().optional(),
  build: PlatformBuildSchema,
  /** build.json's `materials` of the job (the merge job puts them in the merged build.json). */
  materials: MaterialsSchema.optional(),
});
export type DigestFile = z.infer<typeof DigestFileSchema>;

// ---- writing -----------------------------------------------------------------------------------

/**
 * One result directory: what each stage writes there and reads back. Every read goes through it
 * (this run's directory, or another one opened with `create: false`: a baseline, an earlier run's,
 * `--from DIR`). A file that is not there reads as nothing (undefined, or null for the records);
 * one that is there but broken is bad input naming it.
 */
export interface ResultDir extends AttestFiles {
  /** The directory; undefined when results are not kept (`ml-image build` without --out). */
  readonly dir: string | undefined;
  writePlan(plan: Plan): void;
  /**
   * plan.json, through PlanSchema: undefined when there is none, or when it is of another
   * schemaVersion (left out, as a resolution is); a broken one is bad input naming it. `as`: how a
   * directory given on the command line names the file in messages (readBuild's).
   */
  readPlan(as?: ReadAs): Plan | undefined;
  writeResolution(variant: string, platform: string, resolution: Resolution): void;
  /**
   * The resolution of a target, when one was written and is readable (one of schemaVersion 1 read
   * as one of this version, without constraints.sha256).
   */
  readResolution(variant: string, platform: string): Resolution | undefined;
  /**
   * Remove a target's resolution file (the pipeline, for a target it resolves or builds without
   * one): an earlier run's must not be taken for this build's (attest's provenance, the report).
   */
  removeResolution(variant: string, platform: string): void;
  writeBuild(build: BuildResult): void;
  /**
   * Remove build.json (the pipeline, when a run that builds starts, before it resolves): the build
   * writes its own once it has ended, and an earlier run's must not stay beside this run's plan and
   * resolutions meanwhile. After a build that failed or was cancelled, a later `--stages
   * smoke,attest` would otherwise test and sign that earlier image, its provenance naming this
   * run's config, requirements and constraints.
   */
  removeBuild(): void;
  /**
   * build.json of this directory (a smoke job downloads the build job's); missing is bad input.
   * `as`: its role in messages (default "build result") and the advice for a missing or broken
   * one (default: run the build stage, or download its build.json), for a `--from DIR`.
   */
  readBuild(as?: ReadAs): BuildResult;
  /** Whether build.json is there (what readBuild reads; it may still be broken). */
  hasBuild(): boolean;
  /** One digest file per variant and platform (a matrix build job without merge). */
  writeDigests(build: BuildResult): void;
  writeEnv(variant: string, platform: string, record: EnvRecord, label?: string): void;
  /** A target's record, read through the migrations of older versions; null when not there. */
  readEnv(variant: string, platform: string): EnvRecord | null;
  /** smoke-<..>.json and its JUnit form junit-<..>.xml. */
  writeSmoke(variant: string, platform: string, result: SmokeResult, label?: string): void;
  /** A target's smoke result, as readEnv reads its record. */
  readSmoke(variant: string, platform: string): SmokeResult | null;
  writeSmokeKey(variant: string, platform: string, key: string, label?: string): void;
  /** A target's smoke reuse key; undefined when there is none or it is not of the shape written. */
  readSmokeKey(variant: string, platform: string): string | undefined;
  /** Remove a target's smoke reuse key (results from elsewhere, `ml-image collect`: no run of ours to reuse). */
  removeSmokeKey(variant: string, platform: string): void;
  /** Whether the smoke stage recorded this target. */
  hasEnv(variant: string, platform: string): boolean;
  /** The env, smoke and smoke-key files of a target that exist (what a baseline saves). */
  recordFiles(variant: string, platform: string): string[];
  /**
   * Remove a target's env, smoke, JUnit and smoke-key files (the smoke stage, before it tests the
   * target): a target that cannot be tested leaves no earlier image's results behind.
   */
  removeRecords(variant: string, platform: string): void;
  /** report-<variant>.md and .json; returns the Markdown file. */
  writeReport(variant: string, markdown: string, model: ReportModel): string;
  /** report.md (every variant of the run); returns the file. */
  writeRunReport(markdown: string): string;
  /**
   * Before the report stage writes: each report file of VARIANTS, report.md and the comment
   * artifact, checked (checkReplaceable), so that none is written when one cannot be.
   */
  checkReportTargets(variants: readonly string[]): void;
  /** comment/ml-image-comment.json; returns the directory. */
  writeComment(payload: CommentArtifact): string;
  /**
   * Remove an earlier run's report-<variant>.md and .json (the report stage, for a variant it has
   * no report of); returns the names (relative to the directory) that were there.
   */
  removeVariantReport(variant: string): string[];
  /** Remove an earlier run's report.md and comment artifact (a run with no report), as removeVariantReport. */
  removeRunReport(): string[];
  /** devcontainer/<variant>/devcontainer.json, through its schema; returns the file. */
  writeDevcontainer(variant: string, json: DevcontainerJson): string;
  /**
   * Remove every devcontainer/<name>/devcontainer.json whose text OURS says this tool wrote (an
   * earlier run's, of a variant this build did not push); returns the files removed.
   */
  removeDevcontainers(ours: (text: string) => boolean): string[];
  writeAttest(result: AttestResult): void;
  /** attest.json, when the attest stage wrote one (the report reads it). */
  readAttest(): AttestResult | undefined;
}

/** The env, smoke and smoke-key files of a target in ROOT that exist (what a baseline saves). */
const existingRecords = (root: string, variant: string, platform: string): string[] =>
  (['env', 'smoke', 'smoke-key'] as const)
    .map((k) => path.join(root, recordFile(k, variant, platform)))
    .filter((f) => existsSync(f));

/**
 * The result directory `dir`, created when missing (`create: false`: only checked, for a directory
 * that is read from); `label` names it in messages, e.g. "--out x". One that is written is held by
 * this process to its end (owner-lock.ts): another run writing there now is refused (exit 2).
 */
export function openResultDir(
  dir: string,
  label = 'result-dir',
  /**
   * flag: how the fix names the option that gives the directory (default "--out DIR"). lock: false
   * for a private temp dir of the run's own (the lock goes with `create`).
   */
  opts: { create?: boolean; flag?: string; lock?: boolean } = {},
): ResultDir {
  const root = ensureResultDir(dir, label, opts);
  // A run that writes results refuses a linked subdirectory before its work, not at its end.
  if (opts.create !== false) refuseLinkedSubdirs(root, OWN_SUBDIRS, label);
  if (opts.create !== false && opts.lock !== false)
    holdResultDir(root, { label, ...(opts.flag !== undefined && { flag: opts.flag }) });
  const at = (name: string) => path.join(root, name);
  const write = (name: string, content: string, l = label, durable = true) =>
    writeFileAtomic(ownFilePath(root, name, label), redactUrls(content), l, durable);
  const writeJson = (name: string, schema: z.ZodType, value: unknown, l?: string, durable = true) =>
    write(name, json(checked(schema, value, at(name))), l, durable);
  const records = (variant: string, platform: string) => existingRecords(root, variant, platform);
  return {
    dir: root,
    writePlan: (plan) => writeJson(PLAN_FILE, PlanSchema, plan),
    readPlan: (as) => readPlanFile(at(PLAN_FILE), as),
    writeResolution: (v, p, r) => writeJson(resolutionFile(v, p), ResolutionSchema, r),
    readResolution: (v, p) => readResolutionFile(at(resolutionFile(v, p))),
    removeResolution: (v, p) => removeFile(at(resolutionFile(v, p)), label),
    writeBuild: (build) => writeJson(BUILD_FILE, BuildResultSchema, build),
    removeBuild: () => removeFile(at(BUILD_FILE), label),
    readBuild: (as) => readBuildFile(at(BUILD_FILE), as),
    hasBuild: () => existsSync(at(BUILD_FILE)),
    writeDigests: (build) => {
      const files = digestFiles(build).map((d) => [digestFile(d.variant, d.build.platform), d] as const);
      checkReplaceable(
        files.map(([name]) => at(name)),
        label,
      ); // none written if one cannot be
      for (const [name, d] of files) writeJson(name, DigestFileSchema, d);
    },
    writeEnv: (v, p, record, l) => writeJson(recordFile('env', v, p), EnvRecordSchema, record, l),
    readEnv: (v, p) => readEnvFile(at(recordFile('env', v, p))),
    writeSmoke: (v, p, result, l) => {
      checkReplaceable([at(recordFile('smoke', v, p)), at(recordFile('junit', v, p))], l ?? label);
      writeJson(recordFile('smoke', v, p), SmokeResultSchema, result, l);
      write(recordFile('junit', v, p), toJUnit(result), l);
    },
    readSmoke: (v, p) => readSmokeFile(at(recordFile('smoke', v, p))),
    writeSmokeKey: (v, p, key, l) =>
      write(
        recordFile('smoke-key', v, p),
        `${checked(SmokeKeySchema, key, recordFile('smoke-key', v, p))}\n`,
        l,
      ),
    readSmokeKey: (v, p) => readSmokeKeyFile(at(recordFile('smoke-key', v, p))),
    removeSmokeKey: (v, p) => removeFile(at(recordFile('smoke-key', v, p)), label),
    hasEnv: (v, p) => existsSync(at(recordFile('env', v, p))),
    recordFiles: records,
    removeRecords: (v, p) => {
      for (const kind of RECORD_KINDS) removeFile(at(recordFile(kind, v, p)), label);
    },
    writeReport: (variant, markdown, model) => {
      write(reportFile(variant, 'md'), markdown);
      writeJson(reportFile(variant, 'json'), ReportModelSchema, model);
      return at(reportFile(variant, 'md'));
    },
    writeRunReport: (markdown) => (write(RUN_REPORT_FILE, markdown), at(RUN_REPORT_FILE)),
    checkReportTargets: (variants) =>
      checkReplaceable([...variants.flatMap(variantReportFiles), ...runReportFiles()].map(at), label),
    writeComment: (payload) => {
      const dir = ownSubdir(root, COMMENT_DIR, label);
      writeCommentArtifact(dir, payload);
      return dir;
    },
    removeVariantReport: (variant) => removeReports(root, variantReportFiles(variant)),
    removeRunReport: () => removeReports(root, runReportFiles()),
    ...attestFiles(root, label),
    writeDevcontainer: (variant, definition) => {
      writeJson(devcontainerFile(variant), DevcontainerJsonSchema, definition);
      return at(devcontainerFile(variant));
    },
    removeDevcontainers: (ours) => removeDevcontainers(root, ours),
    writeAttest: (result) => writeJson(ATTEST_FILE, AttestResultSchema, result),
    readAttest: () => readAttestFile(at(ATTEST_FILE)),
  };
}

/** The digest files of a build: one per variant and platform. */
export function digestFiles(build: BuildResult): DigestFile[] {
  return build.variants.flatMap((v) =>
    v.platforms.map((p) => ({
      schemaVersion: DIGEST_FILE_SCHEMA_VERSION,
      variant: v.variant,
      repository: v.repository,
      tags: v.tags,
      baseImage: v.baseImage,
      ...(v.baseDigest !== undefined && { baseDigest: v.baseDigest }),
      build: p,
      ...(build.materials && { materials: build.materials }),
    })),
  );
}

// ---- reading by directory path -----------------------------------------------------------------

/**
 * The refusal of DIR (LABEL names it, FIX says where a build.json comes from) when it holds no
 * build.json. DIR that is a file (build.json itself, given for the directory that holds it) is said
 * to be one, with that directory: "no build.json in .../build.json" and a fix to write one was no help.
 */
export function noBuildFile(dir: string, label: string, fix: string): InputError {
  const st = statPath(dir);
  if (typeof st === 'object' && st.isFile())
    return new InputError(
      `${label}: ${dir} is a file, not a result directory`,
      `name the directory that holds ${BUILD_FILE} (${path.dirname(dir)}), not the file`,
    );
  return new InputError(`${label}: no ${BUILD_FILE} in ${dir}`, fix);
}

/** build.json of `dir` (a result directory, only read). */
export const readBuildResult = (dir: string): BuildResult =>
  openResultDir(dir, dir, { create: false }).readBuild();

/**
 * Every digest file under `dir` (download-artifact puts each artifact in a folder of its own), in
 * file order. A file that is not one is bad input naming it.
 */
export function readDigestFiles(dir: string): { file: string; digest: DigestFile }[] {
  let files: string[];
  try {
    files = readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.json'))
      .map((e) => path.join(e.parentPath, e.name));
  } catch (e) {
    throw new InputError(`merge-from ${dir}: cannot read: ${(e as Error).message}`);
  }
  return files.map((file) => {
    const data = readJsonFile(file);
    const parsed = boundedSafeParse(DigestFileSchema, data);
    if ('overflow' in parsed)
      throw new InputError(`${file}: not a digest file: too many problems to list (zod ran out of stack)`);
    if (!parsed.success)
      throw new InputError(
        `${file}: not a digest file: ${formatIssues(parsed.error, data, DigestFileSchema).join('; ')}`,
      );
    return { file, digest: parsed.data };
  });
}
