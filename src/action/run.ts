// The root action and the sub-actions plan/, build/, smoke/, attest/, report/ (one bundle: each
// action.yml sets the `stages` input's default), and verify/ (its action.yml sets `command: verify`,
// see verify.ts). Inputs are parsed once, at the edge; stages get a typed Config and plain options.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findImagesDir } from '../util/images-dir.js';
import { urlSecrets } from '../util/url-secrets.js';
import { refusePullRequestTarget } from '../util/pull-request-code.js';
import { noWorkflowCommands } from '../util/text.js';
import { refuseLinkUnder } from '../util/own-dir.js';
import {
  type BuildInputOptions,
  buildOptionsFromInputs,
  registryHost,
  splitTagRef,
} from '../build/action-inputs.js';
import { isPushed, type VariantBuild } from '../build/result.js';
import { overridesFromInputs, parseInputValue } from '../config/inputs.js';
import { type LoadedConfig, loadConfig } from '../config/load.js';
import { removeResultDevcontainers, writeResultDevcontainers } from '../devcontainer/from-results.js';
import { checkRegistry } from '../docker/registry.js';
import { InputError } from '../errors.js';
import { readGitHubEventFile } from '../github/event.js';
import { checkedOutCommit, gitContextFromGitHubEnv } from '../plan/git-context.js';
import {
  checkStageInputs,
  parseStages,
  pipelineResultOf,
  type PipelineResult,
  runPipeline,
  type Stage,
} from '../pipeline/pipeline.js';
import { checkSigningSetup } from '../pipeline/attest.js';
import { actionsCacheBaselineStore, type BaselineStore, dirBaselineStore } from '../report/baseline.js';
import { githubReportContext } from '../report/github-env.js';
import { artifactNameOf, postFromArtifact } from '../report/poster.js';
import { COMMENT_MODES, type CommentMode, runVerdictLines } from '../report/stage.js';
import { givenPipIndexes } from '../python/indexes.js';
import { defaultCacheDir } from '../util/cache-dir.js';
import { openResultDir, readDigestFiles } from '../results/results.js';
import { GPU_MODES, type GpuMode } from '../smoke/gpu-mode.js';
import { baselineInput, checkDownloadedBuild, checkSecretEnvs, stageInputReader } from './inputs.js';
import { type ActionIo, capErrors, coreIo, fail, isVerifyStep } from './io.js';
import { MIN_MASKED_CHARS, maskBuildSecrets, maskSecretsInput } from './mask.js';
import { builtTargetRecorder, saveImageState } from './post.js';
import { verifyAction } from './verify.js';

export { type ActionIo };

/** Reads one input ('' when unset, or when no stage of this run reads it: src/action/inputs.ts). */
type GetInput = (name: string) => string;

const bool = (get: GetInput, name: string, dflt: boolean) => {
  const raw = get(name).trim();
  return raw === '' ? dflt : (parseInputValue({ input: name, path: [], kind: 'boolean' }, raw) as boolean);
};

function choice<T extends string>(get: GetInput, name: string, allowed: readonly T[], dflt: T): T {
  const raw = get(name).trim() || dflt;
  const found = allowed.find((a) => a === raw);
  if (found === undefined)
    throw new InputError(
      `input "${name}": expected one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`,
    );
  return found;
}

function baselineStore(io: ActionIo, raw: string): BaselineStore | null {
  const v = raw.trim() || 'cache';
  if (v === 'none') return null;
  if (v === 'cache') {
    // Off GitHub (a local act run, tests) there is no cache service: no baseline, said once.
    if (!io.env.ACTIONS_RESULTS_URL && !io.env.ACTIONS_CACHE_URL) {
      io.warning('baseline: cache: no Actions cache service here; reporting without a baseline', {
        title: 'ml-image report',
      });
      return null;
    }
    return actionsCacheBaselineStore(io.env.RUNNER_TEMP ?? path.join(io.cwd, '.ml-image-tmp'), {
      warning: (m) => io.warning(m, { title: 'ml-image report' }),
      run: { id: io.env.GITHUB_RUN_ID, attempt: io.env.GITHUB_RUN_ATTEMPT },
    });
  }
  return dirBaselineStore(
    path.resolve(io.cwd, v),
    `input "baseline" (${v})`,
    'the "baseline" input (cache, none, or a directory)',
  );
}

export async function run(given: ActionIo = coreIo()): Promise<void> {
  // The step's own failure stays among the 10 error annotations GitHub shows (capErrors).
  const io = capErrors(given);
  try {
    if (isVerifyStep(io)) return await verifyAction(io);
    const parsed = parseActionInputs(io);
    if (parsed.kind === 'poster') await postComment(io, parsed);
    else {
      refusePullRequestTarget(io.env, 'the action');
      await runStages(io, parsed);
    }
  } catch (err) {
    fail(io, err);
  } finally {
    io.flush();
  }
}

/** What the inputs ask for: the fork poster, or a run of some stages with its options. */
type ActionInputs =
  | ({ kind: 'poster'; fromArtifact: string; markerKey?: string } & CommentAuth)
  | ({ kind: 'stages' } & CommentAuth & StageInputs);

/** Who posts the comment: the github-token input, and the login it posts as (comment-author). */
interface CommentAuth {
  token: string | undefined;
  author: string | undefined;
}

interface StageInputs {
  stages: Set<Stage>;
  loaded: LoadedConfig;
  resultDir: string;
  push: boolean;
  merge: boolean;
  buildOptions: BuildInputOptions;
  mergeFrom: string;
  gpus: GpuMode;
  commentMode: CommentMode;
  baseline: string;
  /** Leave the run's images in a self-hosted runner's engine (the post step removes them otherwise). */
  keepImages: boolean;
}

/**
 * Every input of the action, parsed at this one edge. Only the inputs a stage of this run reads
 * are read at all (INPUT_STAGES, src/action/inputs.ts, which also decides what each sub-action's
 * action.yml declares); the rest count as unset.
 */
export function parseActionInputs(io: ActionIo): ActionInputs {
  let stages: Set<Stage> = parseStages(io.getInput('stages'), 'input "stages"');
  // Every requested stage's inputs are read (and checked), even where build: false leaves the plan.
  const get = stageInputReader(io.getInput, stages);
  // build: false (kept from 0.1) publishes the plan only.
  if (!bool(get, 'build', true)) stages = new Set(['plan']);
  const token = get('github-token').trim() || undefined;
  // github.token is masked by the runner; a token from a step output or an expression is not.
  if (token) io.setSecret?.(token);
  // Who posts with a GitHub App's token (GitHub does not tell an installation token its login).
  const author = get('comment-author').trim() || undefined;
  const fromArtifact = get('from-artifact').trim();
  if (fromArtifact !== '') {
    // The comment's key is the poster job's own (marker-key), never the artifact's.
    const markerKey = get('marker-key').trim();
    return { kind: 'poster', fromArtifact, token, author, ...(markerKey !== '' && { markerKey }) };
  }
  // Masked before any parsing: an error in it (or in the config) is then printed masked too.
  maskSecretsInput(io, get('secrets'));
  const loaded = configFromInputs(io, get);
  const buildOptions = buildOptionsFromInputs(get, io.cwd, (m) => io.warning(m));
  // A merge job mounts no secret; its digest files are read before any registry is (build stage only).
  const mergeFrom = get('merge-from').trim();
  if (stages.has('build') && mergeFrom !== '') readDigestFiles(path.resolve(io.cwd, mergeFrom));
  else if (stages.has('build')) checkSecretEnvs(buildOptions.secretEnvs, io.env);
  maskBuildSecrets(io, loaded.config.build.secrets, buildOptions);
  const resultDir = path.resolve(io.cwd, get('result-dir').trim() || 'ml-image-results');
  refuseLinkUnder(io.cwd, resultDir, 'input "result-dir"'); // the workspace's links are a checkout's
  return {
    kind: 'stages',
    token,
    author,
    stages,
    loaded,
    resultDir,
    push: bool(get, 'push', true),
    merge: bool(get, 'merge', true),
    buildOptions,
    mergeFrom,
    gpus: choice(get, 'gpus', GPU_MODES, 'auto'),
    commentMode: choice<CommentMode>(get, 'comment-mode', COMMENT_MODES, 'auto'),
    baseline: baselineInput(get('baseline'), io.cwd),
    keepImages: bool(get, 'keep-images', true),
  };
}

/** The fork poster (workflow_run): no checkout, no config; the artifact is untrusted input. */
async function postComment(
  io: ActionIo,
  { fromArtifact, token, author, markerKey }: Extract<ActionInputs, { kind: 'poster' }>,
): Promise<void> {
  // Where the reusable workflow downloaded it, the folder is named after the artifact (its artifact-name):
  // two poster jobs of one workflow then keep two comments. Any other folder names nothing.
  const artifactName = artifactNameOf(path.resolve(io.cwd, fromArtifact));
  const r = await postFromArtifact(path.resolve(io.cwd, fromArtifact), {
    env: io.env,
    event: readGitHubEventFile(io.env.GITHUB_EVENT_PATH),
    token,
    ...(author !== undefined && { author }),
    ...(markerKey !== undefined && { markerKey }),
    ...(artifactName !== undefined && { artifactName }),
    info: io.info,
    warning: (m) => io.warning(m, { title: 'ml-image report' }),
    ...(io.summary && { summary: io.summary }),
  });
  io.setOutput('verdict', noWorkflowCommands(r.verdicts.join('\n')));
}

/** The config from the file and the inputs; credentials in index URLs masked. */
function configFromInputs(io: ActionIo, get: GetInput): LoadedConfig {
  const configInput = get('config').trim();
  const loaded = loadConfig({
    cwd: io.cwd,
    env: io.env,
    // The default "ml-image.yml" may be absent when inputs carry the whole config.
    ...(configInput !== '' && configInput !== 'ml-image.yml' && { file: configInput }),
    overrides: overridesFromInputs(get, io.env),
  });
  const { config } = loaded;
  // Index URLs' credentials (a login, ?token=, Anaconda's /t/<token>/) masked too: pip and buildx
  // print a URL as it is. Unchecked: a stage running pip refuses a bad one; masking fails no stage.
  const ix = givenPipIndexes(config.python, io.env);
  for (const u of [ix.indexUrl, ...ix.extraIndexUrls, config.python.torchIndexUrl])
    for (const c of u ? urlSecrets(u, MIN_MASKED_CHARS) : []) io.setSecret?.(c);
  return loaded;
}

async function runStages(io: ActionIo, inputs: StageInputs & CommentAuth): Promise<void> {
  const { loaded, stages, resultDir, push, buildOptions, mergeFrom, token } = inputs;
  const { config } = loaded;
  const event = readGitHubEventFile(io.env.GITHUB_EVENT_PATH); // read once: the stages take it parsed
  checkStageInputs(loaded, stages, { mode: inputs.gpus, env: io.env });
  checkDownloadedBuild(stages, resultDir);
  const results = openResultDir(resultDir, 'result-dir', { flag: 'the "result-dir" input' });
  io.info(
    `config ${loaded.file ?? '(from inputs)'}: ${config.variants.map((v) => v.name).join(', ')} x ${config.platforms.join(', ')}; stages: ${[...stages].join(', ')}`,
  );
  io.setOutput('config', JSON.stringify(config));
  io.setOutput('variants', JSON.stringify(config.variants.map((v) => v.name)));
  io.setOutput('platforms', JSON.stringify(config.platforms));
  io.setOutput('result-dir', resultDir);
  // The post step removes the images these stages leave (self-hosted runners): build.json says which.
  if (stages.has('build') || stages.has('smoke'))
    saveImageState(io, resultDir, inputs.keepImages, stages.has('build') ? Date.now() : undefined);
  // With the `tags` input the images go to the first tag's registry, not image.registry.
  const tagHost = buildOptions.tags?.[0] && registryHost(splitTagRef(buildOptions.tags[0]).repository);
  const registry = tagHost
    ? tagHost === 'docker.io'
      ? 'registry-1.docker.io'
      : tagHost
    : config.image.registry;
  // A signing setup that cannot work is bad input now, not after the registry check and the build.
  if (push && stages.has('attest')) checkSigningSetup(loaded, io.env, io.signer !== undefined);
  if (push && (stages.has('build') || mergeFrom !== '')) await checkRegistry(registry);
  // The checkout of a run whose GITHUB_SHA may not be what it builds (a schedule's, an /ok-to-test run's).
  const checkedOut = await checkedOutCommit(io.env, event, async () =>
    io.checkoutHead?.(loaded.file !== undefined ? path.dirname(path.resolve(io.cwd, loaded.file)) : io.cwd),
  );
  const gh = githubReportContext(io.env, token, event, checkedOut);
  if (gh.saveSkipped && stages.has('report')) io.info(gh.saveSkipped);
  if (gh.target && inputs.author !== undefined) gh.target.author = inputs.author;
  const t0 = Date.now();
  const result = await runPipeline(
    {
      loaded,
      stages,
      results,
      push,
      merge: inputs.merge,
      buildOptions,
      ...(mergeFrom !== '' && { mergeFrom: path.resolve(io.cwd, mergeFrom) }),
      gpus: inputs.gpus,
      imagesDir: findImagesDir(path.dirname(fileURLToPath(import.meta.url))),
      git: gitContextFromGitHubEnv(io.env, event, checkedOut) ?? {},
      cacheDir: defaultCacheDir(io.env, io.cwd),
      report: {
        mode: inputs.commentMode,
        baseline: stages.has('report') ? baselineStore(io, inputs.baseline) : null,
        ...(gh.baseBranch && { baseBranch: gh.baseBranch }),
        ...(gh.saveAs && { saveAs: gh.saveAs }),
        ...(gh.target && { github: gh.target }),
      },
    },
    {
      docker: io.docker,
      env: io.env,
      event,
      progress: (stage, line) => io.info(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${stage}: ${line}`),
      output: (line) => io.info(line),
      group: io.group,
      error: io.error,
      warning: io.warning,
      ...(io.summary && { summary: io.summary }),
      // keep-images: false: the post step removes what was built even when the build fails later.
      ...(!inputs.keepImages && stages.has('build') && { builtTarget: builtTargetRecorder(io) }),
    },
  ).catch((err: unknown) => {
    // A size-budget breach or an attest error comes after the push and the reports: the outputs
    // say what the run produced (as after a smoke failure), then the step fails with that error.
    const failed = pipelineResultOf(err);
    if (failed) setResultOutputs(io, failed, inputs);
    throw err;
  });
  setResultOutputs(io, result, inputs);
  if (result.smokeStatus === 'fail') {
    const failed = result.smoke.flatMap((e) =>
      e.result.tests.filter((t) => t.status === 'fail').map((t) => `${e.variant} ${e.platform} ${t.id}`),
    );
    io.setFailed(
      `smoke failed: ${[...result.smokeErrors, ...failed].join(', ')} (see the annotations and ${resultDir})`,
    );
  }
}

/** The action's outputs from what the pipeline did (action.yml documents each). */
function setResultOutputs(io: ActionIo, result: PipelineResult, inputs: StageInputs): void {
  const { stages } = inputs;
  io.setOutput('plan', JSON.stringify(result.plan));
  io.setOutput('matrix', JSON.stringify(result.plan.matrix));
  if (result.build) {
    const b = result.build.variants;
    io.setOutput(
      'digests',
      JSON.stringify(Object.fromEntries(b.flatMap((v) => (v.digest ? [[v.variant, v.digest]] : [])))),
    );
    io.setOutput('tags', JSON.stringify(Object.fromEntries(b.map((v) => [v.variant, pushedTags(v)]))));
    if (b.length === 1) setSingleImageOutputs(io, b[0]!);
    io.setOutput(
      'platform-digests',
      JSON.stringify(
        Object.fromEntries(
          b.map((v) => [v.variant, Object.fromEntries(v.platforms.map((p) => [p.platform, p.digest]))]),
        ),
      ),
    );
  }
  if (stages.has('smoke')) io.setOutput('smoke-status', result.smokeStatus);
  // report.md first, then each report-<variant>.md (none when a pull request's run reported none).
  const runFile = result.runFile || result.reports.find((r) => r.runFile)?.runFile;
  if (result.reports.length > 0 || runFile) {
    io.setOutput(
      'report-path',
      [...(runFile ? [runFile] : []), ...result.reports.map((r) => r.file)].join('\n'),
    );
  }
  // Also a run with no report (each variant not reported). Text from the image (a version, a name):
  // a step that echoes it must not run a `##[` command.
  const verdict = runVerdictLines(result.reports, result.unreported);
  if (verdict.length > 0) io.setOutput('verdict', noWorkflowCommands(verdict.join('\n')));
  // A devcontainer of each pushed variant's image, by digest (src/devcontainer); an earlier run's
  // definitions in the result directory go, whether or not this build pushed.
  if (result.build && stages.has('build') && !inputs.push) removeResultDevcontainers(inputs.resultDir);
  else if (result.build && stages.has('build')) {
    const variants = result.build.variants.map((v) => v.variant);
    io.setOutput('devcontainer', writeResultDevcontainers(inputs.resultDir, variants, io.info).join('\n'));
  }
}

/** V pushed by digest without a merge (a matrix build job, merge: false): its tags are the merge job's. */
const byDigestOnly = (v: VariantBuild): boolean =>
  v.digest === undefined && v.platforms.length > 0 && v.platforms.every(isPushed);
/** The tags V's build pushed (or loaded): none when it pushed by digest alone. */
const pushedTags = (v: VariantBuild): string[] => (byDigestOnly(v) ? [] : v.tags);

/**
 * docker/build-push-action's outputs for a build of one variant: `digest` (of the merged list, or
 * of the image when one platform was built and not merged), `imageid` (the image config digest of a
 * single-platform build, else the list digest, as BPA's iidfile) and `metadata` (buildx's metadata
 * with containerimage.digest and image.name set to what was pushed, and a descriptor only of that).
 */
export function singleImageOutputs(v: VariantBuild): { digest?: string; imageid?: string; metadata: string } {
  const only = v.platforms.length === 1 ? v.platforms[0] : undefined;
  // Unmerged, what the build pushed: the index around the image with BuildKit's attestations, as BPA's digest.
  const digest = v.digest ?? only?.indexDigest ?? only?.digest;
  const { 'containerimage.descriptor': descriptor, ...built } = only?.metadata ?? {};
  const configDigest = built['containerimage.config.digest'];
  const imageid = typeof configDigest === 'string' ? configDigest : digest;
  const metadata: Record<string, unknown> = {
    ...built,
    ...(Reflect.get(Object(descriptor), 'digest') === digest && { 'containerimage.descriptor': descriptor }),
    ...(digest !== undefined && { 'containerimage.digest': digest }),
    // Pushed by digest alone: the repository, as build-push-action's push-by-digest names it.
    'image.name': byDigestOnly(v) ? v.repository : v.tags.join(','),
  };
  if (v.platforms.length > 1) {
    metadata['ml-image.platforms'] = Object.fromEntries(v.platforms.map((p) => [p.platform, p.digest]));
  }
  return {
    ...(digest !== undefined && { digest }),
    ...(imageid !== undefined && { imageid }),
    metadata: JSON.stringify(metadata),
  };
}

function setSingleImageOutputs(io: ActionIo, v: VariantBuild): void {
  const out = singleImageOutputs(v);
  if (out.digest !== undefined) io.setOutput('digest', out.digest);
  if (out.imageid !== undefined) io.setOutput('imageid', out.imageid);
  io.setOutput('metadata', out.metadata);
}
