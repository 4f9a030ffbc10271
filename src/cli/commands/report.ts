// `ml-image report`: render the report from the records and smoke results in a result directory,
// against a baseline directory; post it as the sticky comment when a PR and a token are given.
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config/load.js';
import { EnvironmentError, InputError } from '../../errors.js';
import { DEFAULT_API_URL, apiUrlMessage } from '../../github/api-url.js';
import { GitHubApiError } from '../../github/errors.js';
import { type GitHubEvent, readGitHubEventFile } from '../../github/event.js';
import { isOwnerRepo } from '../../github/run.js';
import type { Plan } from '../../plan/plan.js';
import { dirBaselineStore } from '../../report/baseline.js';
import { githubReportContext } from '../../report/github-env.js';
import { COMMENT_MODES, type CommentMode, configVariantNames, reportStage } from '../../report/stage.js';
import { isEnvRecordFile, openResultDir } from '../../results/results.js';
import { type OptionSpec, parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import {
  configOverrideFlags,
  gitContextFor,
  overridesFromFlags,
  planOfConfig,
  printedReport,
} from './shared.js';
import type { Command } from './types.js';
import { didYouMean, printable } from '../../util/text.js';

/**
 * --pr as a pull request number: digits only, no sign or leading zero. Number() would also take
 * "1e3", "0x10" or "1.0" and comment on a pull request nobody named.
 */
function prNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^[1-9]\d*$/.test(raw) || !Number.isSafeInteger(n))
    throw new InputError(
      `report: --pr: expected a pull request number (digits, like 42), got ${JSON.stringify(raw)}`,
    );
  return n;
}

/** The calls whose 404 says the pull request (or its repository) is not there; a comment's own may be gone. */
const NAMES_THE_PR = new Set(['list issue comments', 'create issue comment', 'get pull request']);

/**
 * A 404 from the API where --repo and --pr named the pull request: bad input (exit 2) naming both
 * and the API's URL (a GITHUB_API_URL without /api/v3 answers 404 too), not an environment problem
 * (a private repository the token cannot read answers 404 as well: the fix says so). Only for the
 * calls that name the pull request: a comment deleted between the list and its update is not the
 * user's input. Any other failure as it is.
 */
function notFoundNamed(failure: Error, repo: string | undefined, pr: number | undefined, api: string): Error {
  if (!(failure instanceof GitHubApiError) || failure.status !== 404 || pr === undefined) return failure;
  // Every GitHub API answers GET /user (a token that may not read it: 401 or 403): a 404 is a URL
  // that is not the API's root (GitHub Enterprise Server's web address, without /api/v3).
  if (failure.details.operation === 'get authenticated user')
    return new InputError(
      `report: the GitHub API URL ${api} answered 404 for GET /user: it is not the API's root`,
      "give --api-url (else GITHUB_API_URL) the API's root: https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server",
    );
  if (!NAMES_THE_PR.has(failure.details.operation ?? '')) return failure;
  return new InputError(
    `report: --repo ${repo ?? ''} --pr ${pr}: ${failure.message} (API ${api})`,
    "check --repo (OWNER/REPO), --pr (a pull request there) and the API URL (--api-url, else GITHUB_API_URL: GitHub Enterprise Server's ends in /api/v3), and that GITHUB_TOKEN can read the repository",
  );
}

/**
 * GitHub refusing the comment (403, not a rate limit: a token that may not write, or read, the pull
 * request) or the token (401): exit 3 with the CLI's fix, not GitHubApiError's, which speaks of a
 * workflow's permissions and the action's input.
 */
function refusedFix(failure: Error, repo: string | undefined, pr: number | undefined): Error {
  if (!(failure instanceof GitHubApiError) || pr === undefined) return failure;
  // 401: GitHub does not know the token (GitHubApiError's fix names the action's github-token input).
  if (failure.status === 401)
    return new EnvironmentError(
      `report: GitHub did not accept GITHUB_TOKEN for ${repo ?? ''}#${pr}: ${failure.message}; the reports are written, not posted`,
      'export GITHUB_TOKEN as a token GitHub knows: the one given is mistyped, expired or revoked (gh auth token prints a working one; a fine-grained token needs "Pull requests: Read and write" on the repository)',
      { cause: failure },
    );
  if (failure.status !== 403 || failure.secondaryRateLimit || failure.rateLimited) return failure;
  return new EnvironmentError(
    `report: GitHub refused the comment on ${repo ?? ''}#${pr}: ${failure.message}; the reports are written, not posted`,
    `export GITHUB_TOKEN as a token with write access to ${repo ?? 'the repository'}'s pull requests (fine-grained: "Pull requests: Read and write", or "Issues: Read and write"; classic: the repo scope, public_repo for a public repository)`,
    { cause: failure },
  );
}

/**
 * The comment's commit as the action names it (a workflow_run poster checks the artifact against
 * it): a pull request's head, else GITHUB_SHA, even where the tags name another checkout, else the
 * checkout's. The artifact names it: asked for by name (MODE artifact), none is bad input, not a
 * warning and exit 0.
 */
function headShaOf(
  env: Readonly<Record<string, string | undefined>>,
  event: GitHubEvent,
  checkedOut: string | undefined,
  mode: CommentMode,
): string | undefined {
  // A blank GITHUB_SHA is unset: the checkout's commit, not "no head commit known".
  const headSha =
    githubReportContext(env, undefined, event).target?.headSha || env.GITHUB_SHA?.trim() || checkedOut;
  if (mode === 'artifact' && !headSha)
    throw new InputError(
      'report: --comment-mode artifact: no head commit known (not a git checkout here, no GITHUB_SHA): the artifact names the commit it reports on',
      'run it in the checkout of the pull request, or set GITHUB_SHA to its head commit',
    );
  return headSha;
}

/**
 * --repo, --comment-mode, the API's URL and the token checked together: the mode, the token and the
 * URL. The URL is --api-url, else GITHUB_API_URL (a blank one unset), else github.com's: whichever it
 * is, the token goes with every request, so each is checked alike, named by where it came from.
 */
function postingFlags(
  values: { repo?: string | undefined; 'comment-mode'?: string | undefined; 'api-url'?: string | undefined },
  pr: number | undefined,
  env: Readonly<Record<string, string | undefined>>,
): { mode: CommentMode; token: string | undefined; apiUrl: string } {
  // Left out, it is not a repository of "" ("got \"\""), but a flag to add.
  if (pr !== undefined && values.repo === undefined)
    throw new InputError(
      'report: --pr needs --repo OWNER/REPO, the repository of the pull request',
      `add --repo OWNER/REPO (e.g. --pr ${pr} --repo my-org/my-model)`,
    );
  if (pr !== undefined && !isOwnerRepo(values.repo ?? ''))
    throw new InputError(
      `report: --repo: expected OWNER/REPO with --pr, got ${printable(JSON.stringify(values.repo ?? ''))}`,
    );
  const mode = (values['comment-mode'] ?? (pr !== undefined ? 'post' : 'off')) as CommentMode;
  if (!COMMENT_MODES.includes(mode))
    throw new InputError(
      `report: --comment-mode: expected ${COMMENT_MODES.join(', ')}, got ${JSON.stringify(mode)}${didYouMean(mode, COMMENT_MODES)}`,
      `give one of ${COMMENT_MODES.join(', ')}`,
    );
  // What only a pull request uses, given without one, would be ignored: said instead.
  const forPr = [
    ...(values.repo !== undefined ? [`--repo ${values.repo}`] : []),
    ...(mode !== 'off' ? [`--comment-mode ${mode}`] : []),
  ];
  if (pr === undefined && forPr.length > 0)
    throw new InputError(
      `report: ${forPr.join(' and ')} without --pr: ${forPr.length > 1 ? 'they name' : 'it names'} where to comment, and no pull request is given`,
      'add --pr N --repo OWNER/REPO to comment on a pull request, or drop them to render the report only',
    );
  const fromEnv = env.GITHUB_API_URL?.trim() ? env.GITHUB_API_URL : undefined;
  const [apiUrl, where] =
    values['api-url'] !== undefined
      ? [values['api-url'], 'report: --api-url']
      : fromEnv !== undefined
        ? [fromEnv, 'report: GITHUB_API_URL (environment)']
        : [DEFAULT_API_URL, 'report: the API URL'];
  // Only where a pull request is named does the URL get the token; a report without --pr asks nothing.
  const apiProblem =
    values['api-url'] !== undefined || pr !== undefined ? apiUrlMessage(apiUrl, where) : undefined;
  if (apiProblem !== undefined)
    throw new InputError(
      apiProblem,
      values['api-url'] !== undefined
        ? 'e.g. --api-url https://github.example.com/api/v3 (GitHub Enterprise Server)'
        : 'unset GITHUB_API_URL, or give --api-url https://github.example.com/api/v3 (GitHub Enterprise Server)',
    );
  const token = env.GITHUB_TOKEN;
  if (mode === 'post' && !token)
    throw new InputError(
      'report: posting needs a token in GITHUB_TOKEN',
      'export GITHUB_TOKEN=... (pull-requests: write)',
    );
  return { mode, token, apiUrl };
}

/**
 * No record of the config's variants and platforms in DIR: what was expected, and the records DIR
 * has instead (another config's, another platform's), so that "none" is not read as "empty".
 */
function noRecords(dir: string, plan: Plan): InputError {
  const found = readdirSync(dir).filter(isEnvRecordFile).sort();
  const expected = plan.variants.map((v) => `${v.name} (${v.platforms.join(', ')})`).join('; ');
  const has =
    found.length === 0
      ? ''
      : `; it has ${found.slice(0, 5).join(', ')}${found.length > 5 ? ` and ${found.length - 5} more` : ''}`;
  return new InputError(
    `report: no env-<variant>-<arch>.json of the config's variants in ${dir} (expected ${expected})${has}`,
    found.length > 0
      ? 'pass --config, --variants or --platforms naming what those records are of, or run "ml-image run" for this config'
      : 'run "ml-image run" or the smoke stage first',
  );
}

/**
 * The results are read, never created; the fix names this command's flag. Without --out the
 * reports are written there too: opened as a directory that is written (a linked comment/ refused
 * before the report, as for --out), though it is never created (it exists by then).
 */
const resultsFlag = (writtenTo: boolean) => ({ create: writtenTo, flag: '--results DIR' });

const REPORT_OPTIONS = {
  config: { type: 'string' },
  platforms: { type: 'string' },
  variants: { type: 'string' },
  results: { type: 'string', default: 'ml-image-results' },
  baseline: { type: 'string' },
  'base-branch': { type: 'string', default: 'main' },
  pr: { type: 'string' },
  repo: { type: 'string' },
  'api-url': { type: 'string' },
  'comment-mode': { type: 'string' },
} as const satisfies OptionSpec;

export const reportCommand: Command = {
  name: 'report',
  options: REPORT_OPTIONS,
  summary: 'Render the environment diff report from result files; post it as the sticky PR comment.',
  usage:
    'ml-image report [--config FILE] [--results DIR] [--baseline DIR --base-branch B] [--pr N --repo OWNER/REPO] [--comment-mode M] [--out DIR]',
  help: `Reads env-<variant>-<arch>.json and smoke-<variant>-<arch>.json from the result directory (what
"ml-image run" or the smoke stage wrote), compares them with the same files of the base branch in
the baseline directory, and renders one Markdown report per variant (report-<variant>.md): a
hidden marker first, a one-line verdict, an overview, package tables by change level, smoke deltas.
The run's report (report.md, printed) holds every variant: a verdict line each, one overview
table, each variant's report in a collapsible section.

Posting: with --pr and --repo, and a token in the GITHUB_TOKEN environment variable (never a flag),
the run's report becomes ONE comment on the pull request, updated in place on later runs (the
per-variant comments of older versions are replaced).

Options:
  --config FILE       config file (default: ml-image.yml or ml-image.yaml here): variants,
                      platforms, marker key
${configOverrideFlags}
  --results DIR       where the records are (default ml-image-results); the reports go there too
  --out DIR           write the reports here instead (created when missing); --results is only read
  --baseline DIR      directory of baselines (as "ml-image run" keeps them)
  --base-branch B     the branch whose records are the baseline (default main)
  --pr N              pull request number to comment on
  --repo OWNER/REPO   the repository of the pull request (with --pr only, as --comment-mode
                      post|artifact|auto)
  --api-url URL       GitHub API (default GITHUB_API_URL, else https://api.github.com); https only
  --comment-mode M    post (default with --pr), artifact (write the fork-safe payload), auto
                      (post; the artifact for a fork's pull request, without a token, or
                      when the token may not write: 403), off

Exit codes: 0 rendered (and posted); 1 over the size budget (size.budget; the report is printed
first); 2 bad input (a pull request, or an API URL, the API does not find: 404, too); 3 GitHub
unreachable, or it refused the request (403: a token that may not write to the pull request;
401: a token it does not know; the reports are written all the same).`,
  async run(argv: string[], io: CliIo) {
    const { values } = parseCommandArgs('report', argv, REPORT_OPTIONS);
    const pr = prNumber(values.pr);
    const loaded = loadConfig({
      cwd: io.cwd,
      env: io.env,
      ...(values.config !== undefined && { file: values.config }),
      overrides: overridesFromFlags(values),
      checkFiles: false,
    });
    const { mode, token, apiUrl } = postingFlags(values, pr, io.env);
    const event = readGitHubEventFile(io.env.GITHUB_EVENT_PATH);
    const git = await gitContextFor(io, event);
    const headSha = headShaOf(io.env, event, git.sha, mode);
    const plan = planOfConfig(loaded, git);
    const resultDir = path.resolve(io.cwd, values.results);
    if (!existsSync(resultDir))
      throw new InputError(
        // existsSync is false for a link that leads nowhere or to itself too: said as what it is.
        `report: --results ${values.results} (${resultDir}) ${missingWhy(resultDir)}`,
        'pass --results naming the directory "ml-image run --out DIR" (or the smoke stage) wrote',
      );
    const results = openResultDir(
      resultDir,
      `--results ${values.results}`,
      resultsFlag(values.out === undefined),
    );
    const { outcomes, failure } = await reportStage(
      {
        plan,
        config: loaded.config,
        results,
        // --out DIR: the reports there, created as every command's --out; the records stay read-only.
        ...(values.out !== undefined && {
          out: openResultDir(path.resolve(io.cwd, values.out), `--out ${values.out}`),
        }),
        configVariants: configVariantNames(loaded),
        // The file's platforms before --platforms: one it left out is not dropped (report stage).
        ...(loaded.filePlatforms && { configPlatforms: loaded.filePlatforms }),
        git,
        // No record of the config's variants: exit 2 (noRecords), nothing posted to the pull request.
        noneReported: 'skip',
        options: {
          mode,
          baseline:
            values.baseline !== undefined
              ? dirBaselineStore(path.resolve(io.cwd, values.baseline), `--baseline ${values.baseline}`)
              : null,
          baseBranch: values['base-branch'],
          ...(pr !== undefined && {
            github: {
              ...(token && { token }),
              apiUrl,
              repository: values.repo!,
              prNumber: pr,
              ...(headSha && { headSha }),
              // Exit 0 says it posted: a refused comment fails the command (the report is written);
              // auto asked for the fork-safe artifact when the token cannot write.
              forbidden: mode === 'auto' ? 'skip' : 'fail',
            },
          }),
        },
      },
      {
        env: io.env,
        progress: (l) => io.stderr(`report: ${l}\n`),
        warning: (m) => io.stderr(`warning: ${m}\n`),
      },
    );
    if (outcomes.length === 0) throw noRecords(resultDir, plan);
    // Over the size budget: the report says why, then the command fails (--json: the error alone).
    if (values.json && !failure) io.stdout(`${JSON.stringify(outcomes, null, 2)}\n`);
    else if (!values.json) io.stdout(printedReport(io, readFileSync(outcomes[0]!.runFile, 'utf8')));
    if (failure) throw refusedFix(notFoundNamed(failure, values.repo, pr, apiUrl), values.repo, pr);
    return 0;
  },
};

/** Why PATH, which existsSync says is not there, is not: a link loop, a dangling link, or absent. */
function missingWhy(p: string): string {
  try {
    lstatSync(p);
  } catch {
    return 'does not exist';
  }
  try {
    statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'is a symbolic link that leads back to itself (ELOOP)';
    if (code === 'ENOENT') return 'is a symbolic link to a path that does not exist';
    return `cannot be read (${code ?? 'error'})`;
  }
  return 'does not exist';
}
