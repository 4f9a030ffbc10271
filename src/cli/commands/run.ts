// `ml-image run`: the whole pipeline against the local engine, as the root action runs it on a
// runner. Without a config it runs the bundled example, so a newcomer sees every stage work.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findImagesDir } from '../../util/images-dir.js';
import { DEFAULT_CONFIG_FILES, loadConfig } from '../../config/load.js';
import { checkRegistry } from '../../docker/registry.js';
import { InputError } from '../../errors.js';
import {
  checkStageInputs,
  parseStages,
  pipelineResultOf,
  type PipelineResult,
  runPipeline,
  type Stage,
  STAGES,
} from '../../pipeline/pipeline.js';
import { checkEarlierBuild } from '../../pipeline/earlier-build.js';
import { checkSigningSetup } from '../../pipeline/attest.js';
import { dirBaselineStore } from '../../report/baseline.js';
import { defaultCacheDir } from '../../util/cache-dir.js';
import { BUILD_FILE, isEnvRecordFile, openResultDir } from '../../results/results.js';
import { parseGpuMode } from '../../smoke/gpu-mode.js';
import { type OptionSpec, parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { loadOnePlatformFix } from './engine-platform.js';
import {
  configOverrideFlags,
  gitPlannedBeforeRegistry,
  overridesFromFlags,
  printedReport,
} from './shared.js';
import type { Command } from './types.js';
import { type GitHubEvent, readGitHubEventFile } from '../../github/event.js';
import { mayBuildPullRequestCode, refusePullRequestTarget } from '../../util/pull-request-code.js';
import { keywordMissedBy } from '../../util/near-keyword.js';
import { printableLines } from '../../util/text.js';

/**
 * Where `ml-image run` saves its records as BRANCH's baseline: always, but in a run on GitHub that
 * may build a pull request's code (an /ok-to-test run's GITHUB_REF is the default branch's), whose
 * records must not become what the branch's next report is compared with.
 */
export function baselineSave(
  env: Readonly<Record<string, string | undefined>>,
  event: GitHubEvent,
  branch: string,
  sha: string,
): { saveAs?: { branch: string; sha: string } } {
  return mayBuildPullRequestCode(env, event) ? {} : { saveAs: { branch, sha } };
}

/** The config `ml-image run` runs: --config, else an ml-image.yml (.yaml) here, else the bundled example. */
function loadRunConfig(io: CliIo, values: Parameters<typeof overridesFromFlags>[0] & { config?: string }) {
  const hasLocalConfig = DEFAULT_CONFIG_FILES.some((f) => existsSync(path.join(io.cwd, f)));
  const file = values.config ?? (hasLocalConfig ? undefined : bundledExample());
  // The commands after it (report, smoke, attest) read no bundled example by themselves.
  if (file === bundledExample())
    io.stderr(
      `no ml-image.yml or ml-image.yaml here: running the bundled example ${file} (give the commands that read its results --config ${file})\n`,
    );
  return loadConfig({
    cwd: io.cwd,
    env: io.env,
    ...(file !== undefined && { file }),
    overrides: overridesFromFlags(values),
  });
}

/** A pipeline error or warning for the terminal: its title first, what the image said escaped. */
const titled = (m: string, p?: { title?: string }) => printableLines(`${p?.title ? `${p.title}: ` : ''}${m}`);

/** examples/hello-ml next to images/ (in the repository and in the published package). */
function bundledExample(): string {
  return path.join(
    path.dirname(findImagesDir(path.dirname(fileURLToPath(import.meta.url)))),
    'examples',
    'hello-ml',
    'ml-image.yml',
  );
}

/**
 * --baseline as a bare word near none (None, NONE, nnoe) that is no directory yet: refused, as the
 * action's baseline input is. Read as a directory it kept the baseline on (saved in ./None) without
 * a word. A path (./None) or a directory that exists is taken as given.
 */
function refuseNearNone(flag: string, cwd: string): void {
  if (keywordMissedBy(flag, ['none'], cwd) === undefined) return;
  throw new InputError(
    `run: --baseline ${JSON.stringify(flag)} is not none (lower case) and no directory: did you mean none?`,
    `write --baseline none to skip the baseline, or name a directory as a path (./${flag})`,
  );
}

/** Where the report's baselines are kept: --baseline DIR, none, or the cache's (checked now). */
function baselineStore(flag: string | undefined, io: CliIo) {
  if (flag === 'none') return null;
  if (flag !== undefined) {
    refuseNearNone(flag, io.cwd);
    return dirBaselineStore(path.resolve(io.cwd, flag), `--baseline ${flag}`);
  }
  return dirBaselineStore(
    path.join(defaultCacheDir(io.env, io.cwd), 'baselines'),
    'the baseline directory (ML_IMAGE_CACHE_DIR, default ~/.cache/ml-image)',
    'ML_IMAGE_CACHE_DIR=DIR or --baseline DIR',
  );
}

/**
 * What STAGES read of an earlier run in DIR and do not produce, checked before the first stage
 * runs: build.json (smoke or attest without build: checkEarlierBuild), with the CLI's way to give
 * it (the action's message names its result-dir input instead); an environment record (report
 * without smoke).
 */
export function checkEarlierResults(stages: ReadonlySet<Stage>, dir: string, label: string): void {
  const given = STAGES.filter((s) => stages.has(s));
  checkEarlierBuild(stages, dir, {
    asked: `run --stages ${given.join(',')}`,
    label,
    fix: `add build to --stages (--stages ${STAGES.filter((s) => s === 'build' || stages.has(s)).join(',')}), or pass --out a directory holding the build's ${BUILD_FILE} (what "ml-image run" or "ml-image build --out DIR" wrote)`,
  });
  // The report without smoke reads an earlier run's records: none there is a wrong --out, which
  // would otherwise report nothing and pass (as "ml-image report --results" refuses it).
  if (stages.has('report') && !stages.has('smoke') && !hasEnvRecord(dir))
    throw new InputError(
      `run --stages ${given.join(',')}: the report stage reads the smoke stage's env-<variant>-<arch>.json, and ${label} (${dir}) has none: nothing would be reported`,
      `add smoke to --stages (--stages ${STAGES.filter((s) => s === 'smoke' || stages.has(s)).join(',')}), or pass --out the directory of the run that smoke-tested the image`,
    );
}

/** Whether DIR holds an environment record of any target (none: no DIR, or not a directory). */
function hasEnvRecord(dir: string): boolean {
  try {
    return readdirSync(dir).some(isEnvRecordFile);
  } catch {
    return false;
  }
}

const RUN_OPTIONS = {
  config: { type: 'string' },
  platforms: { type: 'string' },
  variants: { type: 'string' },
  stages: { type: 'string', default: 'all' },
  gpus: { type: 'string', default: 'auto' },
  baseline: { type: 'string' },
  load: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  rerun: { type: 'boolean', default: false },
} as const satisfies OptionSpec;

export const runCommand: Command = {
  name: 'run',
  options: RUN_OPTIONS,
  summary:
    'The whole pipeline locally: plan, resolve, build, smoke, attest, report (the bundled example without a config).',
  usage:
    'ml-image run [--config FILE] [--platforms LIST] [--variants LIST] [--stages LIST] [--gpus auto|all|none] [--baseline DIR|none] [--load] [--rerun] [--quiet] [--out DIR]',
  help: `Runs what the root action runs in one job, against the local Docker engine: plan -> resolve ->
build (both platforms; the one that is not the engine's under QEMU) -> capture + smoke suites ->
report. Progress is a line per stage and platform with the elapsed time. The run's report (the
pull-request comment's Markdown: every variant) is written to DIR/report.md and printed;
DIR/report-<variant>.md hold each variant's own.

Without --config (and no ml-image.yml or ml-image.yaml here) it runs the bundled example,
examples/hello-ml, which pushes to the local registry that scripts/test-env.sh starts.

The report compares with the previous run's records: each run saves its records as the baseline
of the current branch (under ML_IMAGE_CACHE_DIR, default ~/.cache/ml-image/baselines), so a second
run shows what changed (nothing, when nothing did). Like BuildKit's layer cache, a run reuses what
an identical earlier run found, and says so: the resolution when the base image digest,
requirements, indexes and tool version are the same; capture and smoke results when the image
(its manifest digest, or its content: the layers and the runtime config, whatever the build time)
and every smoke input (suites, custom tests, timeouts, floors, GPU mode) are the same.
--rerun resolves and smoke-tests anyway.

Options:
  --config FILE      config file (default: ml-image.yml or ml-image.yaml here, else the bundled
                     example)
${configOverrideFlags}
  --stages LIST      some of plan,resolve,build,smoke,attest,report (default all); smoke or
                     attest without build read DIR/build.json (--out), checked before any stage
  --gpus MODE        GPUs for the smoke containers: auto (default), all, none
  --baseline DIR     where baselines are kept (default the cache directory); "none" to skip
  --load             build into the local engine without pushing (one platform; under its tags too)
  --quiet            progress lines only (no buildx or test output)
  --verbose          also a line of how long each stage took (and stack traces on errors)
  --rerun            resolve and smoke-test again even when an identical earlier run can be reused
  --out DIR          result directory (default ml-image-results); held while the run writes it:
                     another run writing there now is refused (exit 2)
  --json             print the pipeline result (plan, build, smoke, reports) as JSON

Exit codes: 0 all stages passed; 1 a build, conflict or smoke test failed; 2 bad config;
3 no daemon / no buildx / registry unreachable.`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('run', argv, RUN_OPTIONS);
    refusePullRequestTarget(io.env, 'ml-image run');
    const timer = stageTimer(values.verbose);
    const gpus = parseGpuMode(values.gpus, 'run: --gpus');
    // A value naming no stage (", ,": an unset variable) would run every stage: parseStages refuses it.
    const stages: Set<Stage> = parseStages(values.stages, 'run: --stages');
    const loaded = loadRunConfig(io, values);
    const push = !values.load;
    if (!push && loaded.config.platforms.length !== 1)
      throw new InputError(
        `--load builds one platform into the local engine, but the config has ${loaded.config.platforms.length} (${loaded.config.platforms.join(', ')})`,
        await loadOnePlatformFix(io),
      );
    checkStageInputs(loaded, stages, { mode: gpus, env: io.env });
    const outDir = path.resolve(io.cwd, values.out ?? 'ml-image-results');
    const outLabel = values.out !== undefined ? `--out ${values.out}` : 'result directory';
    // A key that cannot sign is bad input now, not after the registry check and the build.
    if (push && stages.has('attest')) checkSigningSetup(loaded, io.env, io.signer !== undefined);
    const baseline = baselineStore(values.baseline, io);
    checkEarlierResults(stages, outDir, outLabel);
    // The registry check and the git facts (a few git processes) at once; the plan's bad input first.
    const registry = push && stages.has('build') ? checkRegistry(loaded.config.image.registry) : undefined;
    const event = readGitHubEventFile(io.env.GITHUB_EVENT_PATH); // once: the plan's and the stages'
    const git = await gitPlannedBeforeRegistry(io, loaded, registry, event);
    const branch = git.ref?.startsWith('refs/heads/') ? git.ref.slice('refs/heads/'.length) : 'local';
    const cacheDir = defaultCacheDir(io.env, io.cwd);
    // Held before any stage: another run writing there now is refused (exit 2), after the plan's
    // bad input (which leaves nothing made) and before the work (owner-lock.ts).
    const results = openResultDir(outDir, outLabel);
    const t0 = Date.now();
    const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s`;
    const result = await runPipeline(
      {
        loaded,
        stages,
        results,
        push,
        merge: true,
        gpus,
        imagesDir: findImagesDir(path.dirname(fileURLToPath(import.meta.url))),
        git,
        cacheDir,
        reuse: !values.rerun,
        report: {
          // Locally there is no pull request: the report goes to the file and the terminal.
          mode: 'off',
          baseline,
          baseBranch: branch,
          ...baselineSave(io.env, event, branch, git.sha ?? 'local'),
        },
      },
      {
        docker: io.docker,
        ...(io.git && { git: io.git }),
        env: io.env,
        event,
        ...(io.lookupHost && { lookupHost: io.lookupHost }),
        // What the image said (a test's reason, a probe's error) is escaped; the raw output is docker's.
        progress: (stage, line) => io.stderr(`[${elapsed()}] ${stage.padEnd(7)} ${printableLines(line)}\n`),
        ...(!values.quiet && { output: (l: string, at?: string) => io.stderr(outputLine(l, at)) }),
        error: (m, p) => io.stderr(`error: ${titled(m, p)}\n`),
        warning: (m, p) => io.stderr(`warning: ${titled(m, p)}\n`),
        ...timer.io,
      },
    ).catch(reportThenFail(io, values.json));
    if (values.verbose) io.stderr(`[${elapsed()}] timing  ${timer.line()}\n`);
    io.stderr(`[${elapsed()}] done: results in ${results.dir}\n`);
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else printReport(io, result);
    return result.smokeStatus === 'fail' ? 1 : 0;
  },
};

/**
 * A line of a build's (or a test's) own output under the progress lines: indented past their
 * elapsed time, with the build's `[variant/arch]` as `ml-image build` shows it (two platforms'
 * builds run side by side).
 */
export const outputLine = (line: string, target?: string): string =>
  `           ${target !== undefined ? `[${target}] ` : ''}${line}\n`;

/** The run's report.md, when the report stage wrote one. */
function printReport(io: CliIo, result: PipelineResult): void {
  const runFile = result.reports[0]?.runFile;
  if (runFile) io.stdout(printedReport(io, readFileSync(runFile, 'utf8')));
}

/**
 * A size-budget breach or an attest error after the reports: the report is printed, then the
 * error fails the command, as it did (--json prints the error alone, as one object).
 */
function reportThenFail(io: CliIo, json: boolean) {
  return (err: unknown): never => {
    const failed = pipelineResultOf(err);
    if (failed && !json) printReport(io, failed);
    throw err;
  };
}

/**
 * --verbose: where a run's time went, as one line: the setup before the first stage (config,
 * registry check, git), then each stage that ran.
 */
function stageTimer(verbose: boolean) {
  const created = performance.now();
  const parts: string[] = [];
  const secs = (ms: number) => `${(ms / 1000).toFixed(3)}s`;
  const timing = (stage: Stage, ms: number) => {
    if (parts.length === 0) parts.push(`setup ${secs(performance.now() - ms - created)}`);
    parts.push(`${stage} ${secs(ms)}`);
  };
  return { io: verbose ? { timing } : {}, line: () => parts.join(', ') };
}
