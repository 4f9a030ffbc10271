// The whole pipeline, stage by stage: plan -> resolve -> build -> smoke (capture + suites) -> report.
// The root action, the sub-actions (a subset of stages each) and `ml-image run` all call this one
// function; what differs between them (progress lines, annotations, job summary, GitHub) is passed in.
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { mergeVariant, runBuildStage } from '../build/run.js';
import {
  BUILD_RESULT_SCHEMA_VERSION,
  type BuildResult,
  BuildResultSchema,
  PlatformBuildSchema,
  type VariantBuild,
} from '../build/result.js';
import type { LoadedConfig } from '../config/load.js';
import type { DockerAdapter } from '../docker/adapter.js';
import { InputError } from '../errors.js';
import { ensureResultDir, readJsonFile, writeFileAtomic } from '../util/json-file.js';
import { redactUrls } from '../capture/redact.js';
import { bundledCatalog } from '../plan/catalog.js';
import { type Plan, planBuild } from '../plan/plan.js';
import type { GitContext } from '../plan/tags.js';
import { fileSnapshotCache, type SnapshotCache } from '../resolve/snapshot-cache.js';
import { runResolveStage } from '../resolve/stage.js';
import { type ReportOptions, type ReportOutcome, reportKey, runReportStage } from '../report/stage.js';
import { runSmokeStage, type SmokeEntry, type SmokeStatus } from './smoke-stage.js';
import { z } from 'zod';

export const STAGES = ['plan', 'resolve', 'build', 'smoke', 'report'] as const;
export type Stage = (typeof STAGES)[number];

/** "resolve,build" -> the set; unknown names are bad input naming the source (exit 2). */
export function parseStages(raw: string, source: string): Set<Stage> {
  const names = raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0 || names.includes('all')) return new Set(STAGES);
  const bad = names.filter((n) => !(STAGES as readonly string[]).includes(n));
  if (bad.length)
    throw new InputError(
      `${source}: unknown stage(s) ${bad.join(', ')}`,
      `expected some of ${STAGES.join(', ')}`,
    );
  return new Set(names as Stage[]);
}

export interface PipelineOptions {
  loaded: LoadedConfig;
  stages: ReadonlySet<Stage>;
  /** Absolute directory for plan.json, build.json, env-*.json, smoke-*.json, report-*.md. */
  resultDir: string;
  /** false: build into the engine only (a fork pull request cannot push). */
  push: boolean;
  /** false: push by digest, write digests/<variant>__<arch>.json and leave merging to a later job. */
  merge: boolean;
  /** Merge the digest files in this directory (from matrix jobs) instead of building. */
  mergeFrom?: string;
  gpus: 'auto' | 'all' | 'none';
  imagesDir: string;
  git: GitContext;
  report: ReportOptions;
  now?: Date;
  snapshotCache?: SnapshotCache;
  cacheDir: string;
  /** Reuse what an identical earlier run found (resolution by its inputs, smoke results by image
   * digest and smoke inputs): local runs. */
  reuse?: boolean;
}

export interface PipelineIo {
  docker: () => DockerAdapter;
  env: Readonly<Record<string, string | undefined>>;
  /** One line of progress: "[stage] what happened". */
  progress: (stage: Stage, line: string) => void;
  /** Raw tool output (buildx, test output), for a log that folds it away. */
  output?: (line: string) => void;
  group?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  error: (message: string, props?: { title?: string; file?: string }) => void;
  warning: (message: string, props?: { title?: string }) => void;
  /** The job summary (Markdown), when there is one. */
  summary?: (markdown: string) => Promise<void>;
}

export interface PipelineResult {
  plan: Plan;
  build?: BuildResult;
  smoke: SmokeEntry[];
  /** Targets whose capture or suites could not run at all (each also annotated). */
  smokeErrors: string[];
  smokeStatus: SmokeStatus;
  reports: ReportOutcome[];
}

const DigestFileSchema = z.object({
  schemaVersion: z.literal(1),
  variant: z.string(),
  repository: z.string(),
  tags: z.array(z.string()),
  baseImage: z.string(),
  baseDigest: z.string().optional(),
  build: PlatformBuildSchema,
});

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/**
 * Result files are written whole or not at all (a later run never trusts a partial JSON), and URL
 * credentials never reach them (a torch index URL with a token in the plan, for instance).
 */
function writeResult(file: string, value: unknown): void {
  writeFileAtomic(file, redactUrls(json(value)), file);
}

export async function runPipeline(opts: PipelineOptions, io: PipelineIo): Promise<PipelineResult> {
  const { config, baseDir } = opts.loaded;
  const group = io.group ?? (<T>(_n: string, fn: () => Promise<T>) => fn());
  ensureResultDir(opts.resultDir, 'result-dir');

  const plan = planBuild(config, { catalog: bundledCatalog(), git: opts.git, now: opts.now ?? new Date() });
  for (const w of plan.warnings) io.warning(w, { title: 'ml-image plan' });
  for (const v of plan.variants)
    io.progress('plan', `${v.name}: ${v.base.ref} (${v.base.reason}) -> ${v.platforms.join(', ')}`);
  writeResult(path.join(opts.resultDir, 'plan.json'), plan);

  let build: BuildResult | undefined;
  if (opts.mergeFrom !== undefined && opts.stages.has('build')) {
    build = await mergeFromDigestFiles(opts.mergeFrom, io, plan);
  } else if (opts.stages.has('build') || opts.stages.has('resolve')) {
    const docker = io.docker();
    const resolved = opts.stages.has('resolve')
      ? await group('resolve', () =>
          runResolveStage(plan, config, baseDir, {
            docker,
            env: io.env,
            progress: (l) => io.progress('resolve', l),
            cache: opts.snapshotCache ?? fileSnapshotCache(opts.cacheDir),
            ...(opts.reuse && { reuse: true }),
          }),
        )
      : {};
    for (const [key, r] of Object.entries(resolved)) {
      writeResult(path.join(opts.resultDir, `resolution-${key.replace(/\//g, '-')}.json`), r.resolution);
      for (const h of r.resolution.hazards)
        io.warning(`${h.message}. Fix: ${h.fix}`, { title: `ml-image resolve (${key})` });
    }
    if (opts.stages.has('build')) {
      build = await runBuildStage(
        { plan, config, baseDir, imagesDir: opts.imagesDir, push: opts.push, merge: opts.merge, resolved },
        {
          docker,
          env: io.env,
          progress: (l) => io.progress('build', l),
          ...(io.output && { output: (line: string) => io.output!(line) }),
          group,
        },
      );
      if (!opts.merge && opts.push) writeDigestFiles(opts.resultDir, build);
    }
  }
  if (build) writeResult(path.join(opts.resultDir, 'build.json'), build);

  let smoke: SmokeEntry[] = [];
  let smokeErrors: string[] = [];
  if (opts.stages.has('smoke')) {
    build ??= readBuildResult(opts.resultDir);
    ({ entries: smoke, errors: smokeErrors } = await runSmokeStage(
      {
        plan,
        loaded: opts.loaded,
        build,
        resultDir: opts.resultDir,
        gpus: opts.gpus,
        imagesDir: opts.imagesDir,
        ...(opts.reuse &&
          opts.report.baseline &&
          opts.report.saveAs && {
            reuse: (variant: string) =>
              opts.report.baseline!.restore(reportKey(plan, config, variant), opts.report.saveAs!.branch),
          }),
      },
      io,
    ));
  }
  const smokeStatus = smokeErrors.length > 0 ? 'fail' : overallStatus(smoke);

  let reports: ReportOutcome[] = [];
  if (opts.stages.has('report')) {
    reports = await runReportStage(
      { plan, config, resultDir: opts.resultDir, git: opts.git, options: opts.report },
      {
        env: io.env,
        progress: (l) => io.progress('report', l),
        warning: io.warning,
        ...(io.summary && { summary: io.summary }),
      },
    );
  }
  return { plan, ...(build && { build }), smoke, smokeErrors, smokeStatus, reports };
}

export function overallStatus(entries: readonly SmokeEntry[]): SmokeStatus {
  const s = entries.map((e) => e.result.summary);
  if (s.length === 0) return 'none';
  if (s.some((x) => x.fail > 0)) return 'fail';
  return s.some((x) => x.pass > 0) ? 'pass' : 'skip';
}

/** A matrix job's share of the build: one file per variant and platform, for the merge job. */
function writeDigestFiles(resultDir: string, build: BuildResult): void {
  const dir = path.join(resultDir, 'digests');
  mkdirSync(dir, { recursive: true });
  for (const v of build.variants) {
    for (const p of v.platforms) {
      const file = path.join(dir, `${v.variant}__${p.platform.split('/')[1]}.json`);
      writeResult(file, {
        schemaVersion: 1,
        variant: v.variant,
        repository: v.repository,
        tags: v.tags,
        baseImage: v.baseImage,
        ...(v.baseDigest !== undefined && { baseDigest: v.baseDigest }),
        build: p,
      });
    }
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The merge job: the digest files of every matrix job -> one multi-arch manifest list per variant. */
export async function mergeFromDigestFiles(
  dir: string,
  io: Pick<PipelineIo, 'docker' | 'progress'>,
  plan?: Plan,
): Promise<BuildResult> {
  let files: string[];
  try {
    files = filesUnder(dir);
  } catch (e) {
    throw new InputError(`merge-from ${dir}: cannot read: ${(e as Error).message}`);
  }
  if (files.length === 0)
    throw new InputError(
      `merge-from ${dir}: no digest files`,
      "download the build jobs' digests artifacts into it",
    );
  const byVariant = new Map<string, z.infer<typeof DigestFileSchema>[]>();
  for (const f of files) {
    const parsed = DigestFileSchema.safeParse(readJsonFile(f));
    if (!parsed.success)
      throw new InputError(
        `${f}: not a digest file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    const list = byVariant.get(parsed.data.variant) ?? [];
    if (list.some((x) => x.build.platform === parsed.data.build.platform))
      throw new InputError(`${f}: a second digest for ${parsed.data.variant} ${parsed.data.build.platform}`);
    byVariant.set(parsed.data.variant, [...list, parsed.data]);
  }
  // A missing platform would publish a single-arch image under the release tags: refuse.
  if (plan) {
    const problems: string[] = [];
    for (const v of plan.variants) {
      const have = new Set((byVariant.get(v.name) ?? []).map((x) => x.build.platform));
      const missing = v.platforms.filter((p) => !have.has(p));
      if (missing.length) problems.push(`${v.name}: no digest for ${missing.join(', ')}`);
    }
    const extra = [...byVariant.keys()].filter((n) => !plan.variants.some((v) => v.name === n));
    if (extra.length) problems.push(`digests for variants the plan does not have: ${extra.join(', ')}`);
    if (problems.length)
      throw new InputError(
        `merge-from ${dir}: ${problems.join('; ')}`,
        'every build job of the matrix must succeed and upload its digests before the merge',
      );
  }
  const docker = io.docker();
  const variants: VariantBuild[] = [];
  for (const [variant, parts] of byVariant) {
    const first = parts[0]!;
    const platforms = parts.map((p) => p.build).sort((a, b) => a.platform.localeCompare(b.platform));
    const digest = await mergeVariant(
      { docker, progress: (l) => io.progress('build', l) },
      variant,
      first.tags,
      platforms.map((p) => `${first.repository}@${p.digest}`),
    );
    variants.push({
      variant,
      repository: first.repository,
      digest,
      tags: first.tags,
      platforms,
      baseImage: first.baseImage,
      ...(first.baseDigest !== undefined && { baseDigest: first.baseDigest }),
    });
  }
  return { schemaVersion: BUILD_RESULT_SCHEMA_VERSION, variants };
}

/** A smoke job that did not build: the merge job's build.json, downloaded into result-dir. */
export function readBuildResult(resultDir: string): BuildResult {
  const file = path.join(resultDir, 'build.json');
  const data = readJsonFile(file, {
    what: 'build result',
    fix: "run the build stage in this job, or download the build job's build.json into result-dir",
  });
  const parsed = BuildResultSchema.safeParse(data);
  if (!parsed.success)
    throw new InputError(
      `${file}: not a build result: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}
