// The action's side of GitHub: inputs, outputs, annotations, the summary, state shared by the main
// and the post step (@actions/core), and the Docker adapter, made when first asked for. Its own
// module, so that the post step (src/main.ts) loads this and post.ts, not the stages.
import path from 'node:path';
import * as core from '@actions/core';
import type { Signer } from '../attest/cosign.js';
import { redactMessage, redactText, redactUrlLogins } from '../util/redact.js';
import { noWorkflowCommands } from '../util/text.js';
import type { DockerAdapter } from '../docker/adapter.js';
import { createDefaultDockerAdapter } from '../docker/engine.js';
import { ActionsExecRunner } from '../docker/exec-runner.js';
import { checkoutHead } from '../docker/git-head.js';
import { ConfigError, describeError, exitCodeOf, MlImageError } from '../errors.js';
import { ofMachine } from '../util/json-file.js';

/**
 * The input that selects the entry: unset for the pipeline (run.ts), `verify` for the verify
 * sub-action (verify.ts; its action.yml sets it). src/main.ts loads only the entry it names.
 */
export const COMMAND_INPUT = 'command';

/**
 * Whether this step is the verify sub-action's: its `command` input is given, or declared at all
 * (the runner sets INPUT_COMMAND for every input an action.yml declares, and only the verify
 * sub-action's declares it). A `command: ''` given to the verify step then stops it as bad input
 * (verify.ts) instead of running the pipeline, which would build and push with its defaults; so
 * does any value but verify.
 */
export const isVerifyStep = (io: Pick<ActionIo, 'getInput' | 'env'>): boolean =>
  io.getInput(COMMAND_INPUT).trim() !== '' || io.env[`INPUT_${COMMAND_INPUT.toUpperCase()}`] !== undefined;

export interface ActionIo {
  getInput: (name: string) => string;
  setOutput: (name: string, value: string) => void;
  setFailed: (message: string) => void;
  /** The step's exit code after setFailed (1): the error's own, 2 bad input or 3 environment. */
  setExitCode?: (code: number) => void;
  error: (
    message: string,
    props?: { title?: string; file?: string; startLine?: number; startColumn?: number },
  ) => void;
  warning: (message: string, props?: { title?: string }) => void;
  info: (message: string) => void;
  /** Mask a value in every later log line. */
  setSecret?: (value: string) => void;
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** Append Markdown to the job summary. */
  summary?: (markdown: string) => Promise<void>;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  docker: () => DockerAdapter;
  /** State shared by the main and the post step (core.saveState / core.getState). */
  saveState?: (name: string, value: string) => void;
  getState?: (name: string) => string;
  /** cosign for the verify sub-action; default: the real binary. */
  signer?: () => Signer;
  /** The commit the checkout at DIR holds (git rev-parse HEAD); none given: not read. */
  checkoutHead?: (dir: string) => Promise<string | undefined>;
}

export function coreIo(): ActionIo {
  let docker: DockerAdapter | undefined;
  return {
    // secrets untrimmed, as build-push-action reads it (getInputList trimWhitespace: false): a
    // value's own spaces at the end of the input are the secret's.
    getInput: (n) => core.getInput(n, { trimWhitespace: n !== 'secrets' }),
    // Userinfo in any URL is masked in every line the action writes (logs, annotations, outputs);
    // what people read is also cleared of tokens of a known form (ghp_..., hf_..., a JWT), which a
    // message may quote from an input (a token put where a name belongs).
    // An output's login hides its user name too: a runner drops a job output holding a value masked
    // in the job (redactUrlLogins).
    setOutput: (n, v) => core.setOutput(n, redactUrlLogins(v)),
    setFailed: (m) => core.setFailed(redactMessage(m)),
    setExitCode: (code) => {
      process.exitCode = code;
    },
    error: (m, p) => core.error(redactMessage(m), p),
    warning: (m, p) => core.warning(redactText(m), p),
    // Container output and what an image said reach the log through info: a line that a runner
    // would take as a workflow command (::add-mask::, ::stop-commands::, ::error::) is shown as text.
    info: (m) => core.info(asText(redactText(m))),
    setSecret: (v) => core.setSecret(v),
    group: (n, fn) => core.group(n, fn),
    // As rendered: every value in it was masked and escaped on its own (md, html), as in the PR
    // comment. A pass over the whole document ran the connection-string rule (Password= up to the
    // next ";") across cells and tags, so a value named "Password=" hid the failure after it.
    // A runner without job summaries (GHES before 3.6, some act versions) sets no
    // GITHUB_STEP_SUMMARY: core throws, which failed the step after its report was written.
    summary: async (md) => {
      if (!process.env.GITHUB_STEP_SUMMARY) {
        core.info(
          'job summary: not written (GITHUB_STEP_SUMMARY is not set: this runner has no job summaries)',
        );
        return;
      }
      await core.summary.addRaw(md, true).write();
    },
    cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    env: process.env,
    docker: () => (docker ??= createDefaultDockerAdapter()),
    saveState: (n, v) => core.saveState(n, v),
    getState: (n) => core.getState(n),
    checkoutHead: (dir) => checkoutHead(new ActionsExecRunner(), dir),
  };
}

function annotationTitle(err: ConfigError): string {
  return err.problemsNameFiles ? 'ml-image requirements' : 'ml-image config';
}

/**
 * Where a problem's annotation goes: a requirements problem's own FILE:LINE, a config problem's
 * file and the line it names first ("line 5: ..." or "line 5, column 3: ..."); nowhere for the
 * action's inputs.
 */
function annotationPlace(
  io: ActionIo,
  err: ConfigError,
  problem: string,
): { file?: string; startLine?: number; startColumn?: number } {
  if (err.problemsNameFiles) {
    const at = /^(.+?):(\d+): /.exec(problem);
    return at ? { file: path.relative(io.cwd, at[1]!), startLine: Number(at[2]) } : {};
  }
  // "no config: neither ml-image.yml nor ...; the flags or inputs given ..." (loadConfig): no file.
  if (err.source === 'inputs' || err.source === 'plan' || err.source.startsWith('no config: ')) return {};
  // A value an input set (config/issues.ts problemAt: "build.context: ... (from input "context")"):
  // the workflow's, not the file's.
  if (/ \(from input "[^"]+"\)$/.test(problem)) return {};
  const at = /^line (\d+)(?:, column (\d+))?: /.exec(problem);
  return {
    file: err.file ?? err.source,
    ...(at && { startLine: Number(at[1]) }),
    ...(at?.[2] !== undefined && { startColumn: Number(at[2]) }),
  };
}

/** TEXT kept from being a workflow command (noWorkflowCommands): what the action logs. */
export const asText = noWorkflowCommands;

/**
 * One annotation per config problem (on the config file's line when there is one; a requirements
 * problem on its own file and line), or one on the line an error is about (its location), then the
 * failure.
 */
export function fail(io: ActionIo, raw: unknown): void {
  const err = ofMachine(raw);
  const message =
    err instanceof MlImageError
      ? describeError(err, false).replace(/^error: /, '')
      : describeError(err, true);
  if (err instanceof ConfigError) {
    for (const p of err.problems)
      io.error(p, { title: annotationTitle(err), ...annotationPlace(io, err, p) });
  } else if (err instanceof MlImageError && err.location !== undefined) {
    // An error about a line (a requirement pip found no release of): annotated there too, so that
    // it shows in the pull request's files view; the failure itself follows, as for any error.
    const { file, line } = err.location;
    io.error(message, { title: 'ml-image', file: path.relative(io.cwd, file), startLine: line });
  }
  io.setFailed(message);
  // As the CLI: 2 bad input, 3 the environment, 1 a check that failed (what setFailed sets).
  io.setExitCode?.(exitCodeOf(err));
}

/**
 * The error annotations a step gets one by one: GitHub shows at most 10 a step, and setFailed's
 * own is the last, so that past these the rest are counted into one annotation before it.
 */
const ERROR_ANNOTATION_BUDGET = 8;

/**
 * IO whose error annotations stop at BUDGET: each one past it goes to the log as a line, and one
 * annotation says how many (written before setFailed, or by FLUSH at the end of a run that did not
 * fail), so that the step's own failure is always among the 10 GitHub shows.
 */
export function capErrors(io: ActionIo, budget = ERROR_ANNOTATION_BUDGET): ActionIo & { flush: () => void } {
  let shown = 0;
  let held = 0;
  let tests = 0;
  const flush = () => {
    if (held === 0) return;
    const s = held === 1 ? '' : 's';
    const what = tests === held ? `failing test${s}` : `error${s}`;
    const some = tests > 0 && tests < held ? ` (${tests} of them failing tests)` : '';
    const where = tests > 0 ? ": every test's result is in the job summary and smoke.json" : '';
    io.error(
      `${held} more ${what}${some} in the log above, not annotated (GitHub shows at most 10 error annotations a step)${where}`,
      { title: `ml-image: ${held} more ${what}` },
    );
    held = 0;
    tests = 0;
  };
  return {
    ...io,
    error: (message, props) => {
      if (shown < budget) {
        shown += 1;
        io.error(message, props);
        return;
      }
      held += 1;
      // A failing smoke test's title is "ml-image smoke TARGET: TEST" (smoke/output.ts, failureAnnotations).
      if (/^ml-image smoke [^:]+: /.test(props?.title ?? '')) tests += 1;
      // As error would have written it: bare logins and query tokens masked too (info masks URLs and tokens).
      io.info(redactMessage(`error: ${props?.title ? `${props.title}: ` : ''}${message}`));
    },
    setFailed: (message) => {
      flush();
      io.setFailed(message);
    },
    flush,
  };
}
