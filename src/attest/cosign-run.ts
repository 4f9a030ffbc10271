// One cosign run of a signer (cosign.ts): the process behind CosignExec, started once more when
// it met a busy Sigstore cache, and what its failure means: a check result (`missing`, `invalid`)
// handed back, anything else thrown as an EnvironmentError (exit 3) or InputError (exit 2) with
// the fix for the operation.
import { setTimeout as delay } from 'node:timers/promises';
import { EnvironmentError, InputError } from '../errors.js';
import { isPlainHttpRegistry, loopbackRegistryFix } from '../docker/registry.js';
import { killedBySignal } from '../docker/failures.js';
import { interruptedFailure } from '../util/cleanup.js';
import { parseDigestRef } from '../oci/ref.js';
import { type CosignFailure, classifyFailure } from './cosign-failure.js';
import { sigstoreCacheError } from './cosign-env.js';

export interface CosignExecOptions {
  /** Added to the inherited environment (COSIGN_PASSWORD goes here, never into args). */
  env: Record<string, string>;
  input?: string;
  timeoutMs: number;
  /** A caller's deadline: cosign is killed when it aborts, and the call rejects with its reason. */
  signal?: AbortSignal;
  /** cosign reads Sigstore's TUF metadata (keyless, the log): in the run's own TUF_ROOT (cosign-env.ts). */
  tuf?: boolean;
}

export interface CosignExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The run was stopped because it took longer than timeoutMs. */
  timedOut?: boolean;
  /** The signal another sent that ended it (ExecResult.signal). */
  signal?: NodeJS.Signals;
}

/** Runs `cosign ARGS`; never throws for a non-zero exit (it rejects only when cosign cannot start). */
export type CosignExec = (args: string[], opts: CosignExecOptions) => Promise<CosignExecResult>;

export const DEFAULT_TIMEOUT_MS = 180_000;
export const CACHE_RETRY_MS = 2_000;
export const INSTALL_FIX =
  'install cosign 2.x: on GitHub Actions sigstore/cosign-installer (pinned by commit SHA), on Debian 13 `apt-get install cosign` (in a clone of ml-image-action itself, `sudo scripts/test-env.sh` installs it)';

/** What each cosign run of a signer shares: how it runs, and how its stderr is redacted. */
export interface RunContext {
  exec: CosignExec;
  env: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  redact: (text: string) => string;
  cacheRetryMs: number;
  /** The TUF_ROOT the user set (cosign's environment has it), if any: a busy cache's fix names it. */
  givenTufRoot: string | undefined;
  /** ~/.sigstore/root where cosign initialize set it up for a private mirror (kept shared), if so. */
  initializedTufRoot: string | undefined;
}

/** One cosign run; only its failing to start (or the caller's deadline, an interrupt) is thrown. */
async function attempt(c: RunContext, args: string[], tuf: boolean): Promise<CosignExecResult> {
  const { signal } = c;
  try {
    signal?.throwIfAborted();
    return await c.exec(args, {
      env: c.env,
      timeoutMs: c.timeoutMs,
      ...(signal && { signal }),
      ...(tuf && { tuf }),
    });
  } catch (e) {
    // Not started because the process is exiting (SIGINT/SIGTERM: an InterruptedError), or its
    // TUF_ROOT could not be made, or stopped at the caller's deadline (the caller says what it
    // waited for): said as it is.
    if (e instanceof EnvironmentError || signal?.aborted) throw e;
    const code = (e as { code?: string }).code;
    throw new EnvironmentError(
      `cannot run cosign (${code ?? c.redact((e as Error).message)})`,
      code === 'ENOENT' ? INSTALL_FIX : 'check that cosign is installed and executable',
      { cause: e },
    );
  }
}

const cacheBusy = (c: RunContext, res: CosignExecResult) =>
  res.exitCode !== 0 && res.timedOut !== true && classifyFailure(c.redact(res.stderr)).kind === 'cache';

/**
 * Run cosign (TUF: it reads Sigstore's TUF metadata); a failure comes back classified (check
 * results) or is thrown (everything else). A Sigstore cache another cosign holds (a TUF_ROOT the
 * user set, shared by two jobs) is free again within seconds: that run is tried once more.
 */
export async function runCosign(
  c: RunContext,
  args: string[],
  target: string | undefined,
  tuf: boolean,
): Promise<CosignExecResult | CosignFailure> {
  let res = await attempt(c, args, tuf);
  if (cacheBusy(c, res)) {
    // Aborted meanwhile: the attempt throws the deadline's reason.
    await delay(c.cacheRetryMs, undefined, c.signal && { signal: c.signal }).catch(() => undefined);
    res = await attempt(c, args, tuf);
  }
  if (res.exitCode === 0) return res;
  const what = target === undefined ? `cosign ${args[0]}` : `cosign ${args[0]} ${target}`;
  // Killed by the SIGINT/SIGTERM/SIGHUP cleanup (exit 137, no output): the signal's failure, with
  // its exit code (130/143/129, also in --json and attest.json), not a cosign or registry problem.
  const interrupted = interruptedFailure(what, `exit ${res.exitCode}`);
  if (interrupted) throw interrupted;
  if (res.timedOut === true)
    throw new EnvironmentError(
      `${what} did not finish within ${Math.round(c.timeoutMs / 1000)}s`,
      `check that the registry ${target === undefined ? '' : `${parseDigestRef(target).registry} `}answers quickly, or raise the timeout`,
    );
  const killed = killedBySignal(what, 'cosign', res);
  if (killed) throw killed;
  const failure = classifyFailure(c.redact(res.stderr));
  if (failure.kind === 'missing' || failure.kind === 'invalid') return failure;
  if (failure.kind === 'cache')
    throw sigstoreCacheError(what, failure.detail, c.givenTufRoot, tuf, c.initializedTufRoot);
  throw failureError(what, target, failure, res.exitCode, args[0]!.startsWith('verify'));
}

function failureError(
  what: string,
  target: string | undefined,
  failure: Exclude<CosignFailure, { kind: 'missing' | 'invalid' | 'cache' }>,
  exitCode: number,
  verifying: boolean,
): Error {
  const host = target === undefined ? undefined : parseDigestRef(target).registry;
  const registry = host === undefined ? 'the registry' : `registry ${host}`;
  switch (failure.kind) {
    case 'unreachable':
      return failure.service === 'registry'
        ? new EnvironmentError(
            `${what}: ${registry} is unreachable (${failure.detail})`,
            host !== undefined && isPlainHttpRegistry(host)
              ? loopbackRegistryFix(host)
              : 'check the registry host name, your network, and any proxy settings',
          )
        : new EnvironmentError(
            `${what}: the Sigstore services (Fulcio, Rekor, TUF) are unreachable (${failure.detail})`,
            verifying
              ? 'verify needs sigstore.dev (TUF, Rekor) for keyless images and --tlog: run where sigstore.dev is reachable, or drop --tlog for a key-signed image'
              : 'keyless signing needs network access to sigstore.dev; sign with a key (tlog off) on an offline runner',
          );
    case 'denied':
      return new EnvironmentError(
        `${what}: ${registry} refused the credentials (${failure.detail})`,
        `log in with ${verifying ? 'a credential that may read the image' : 'push rights'} first (docker/login-action, or \`docker login\`); cosign uses the Docker credentials`,
      );
    case 'input':
      return new InputError(`${what}: ${inputProblem(failure.detail)}`);
    case 'unknown':
      return new EnvironmentError(
        `${what} failed (exit ${exitCode}): ${failure.detail}`,
        'run the same cosign command with --verbose to see why',
      );
  }
}

function inputProblem(detail: string): string {
  if (/inappropriate ioctl|reading password/i.test(detail))
    return `the signing key is encrypted and no password was given: set COSIGN_PASSWORD (${detail})`;
  if (/decrypt/i.test(detail)) return `wrong password for the signing key (COSIGN_PASSWORD) (${detail})`;
  return detail;
}
