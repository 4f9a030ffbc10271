// Signer: sign, attest and verify images by digest with the real cosign binary. The argv comes
// from the pure builders in cosign-args.ts; the process is behind CosignExec (cosign-run.ts: one
// run, and what its failure means) so that unit tests pass a plain function and integration tests
// the real one. Secrets reach cosign only through the environment (COSIGN_PASSWORD; `env://VAR`
// keys), and cosign's stderr is redacted before it appears in any error. A missing or non-matching
// signature is a check result (`ok: false`), an unreachable registry an EnvironmentError (exit 3),
// a bad key, password or file an InputError. A run that reads Sigstore's TUF metadata (keyless,
// the log) gets a TUF_ROOT of the run's own (cosign-env.ts).
import { spawn } from 'node:child_process';
import { EnvironmentError } from '../errors.js';
import { REDACTED, redactText, valueMasks } from '../util/redact.js';
import { registerCleanup, throwIfInterrupted } from '../util/cleanup.js';
import { signalExitCode, stopChild } from '../util/process-tree.js';
import { parseDigestRef } from '../oci/ref.js';
import { clip, printable } from '../util/text.js';
import {
  type CosignArgOptions,
  type CosignFailure,
  type NotJson,
  type PredicateSpec,
  type SignIdentity,
  type Statement,
  type VerifiedSignature,
  type VerifyIdentity,
  attestArgs,
  describeIdentity,
  parseAttestations,
  parseVerifiedSignatures,
  signArgs,
  verifyArgs,
  verifyAttestationArgs,
  versionArgs,
} from './cosign-args.js';
import { cosignEnv, givenTufRoot, initializedTufRoot, runTufRoot } from './cosign-env.js';
import {
  type CosignExec,
  type CosignExecOptions,
  type CosignExecResult,
  CACHE_RETRY_MS,
  DEFAULT_TIMEOUT_MS,
  INSTALL_FIX,
  type RunContext,
  runCosign,
} from './cosign-run.js';

export { cosignEnv };
export type { CosignExec, CosignExecOptions, CosignExecResult };
export type { CosignArgOptions, PredicateSpec, SignIdentity, Statement, VerifiedSignature, VerifyIdentity };

interface SignerOptions extends CosignArgOptions {
  /** Password of an encrypted key: passed as COSIGN_PASSWORD, masked in every message. */
  password?: string;
  /** Extra environment for cosign (e.g. COSIGN_KEY for an `env://COSIGN_KEY` key). */
  env?: Record<string, string>;
  /** Per cosign call (default 180 s, cosign's own default timeout). */
  timeoutMs?: number;
  /** A verify's deadline: a cosign run under way then is killed (each run's timeout cut short). */
  signal?: AbortSignal;
  /** The pause before a run that met a busy Sigstore cache is tried once more (default 2 s). */
  cacheRetryMs?: number;
}

/** Why a verification did not hold: nothing there, or there but not by the expected signer. */
export interface CheckFailure {
  ref: string;
  what: 'signature' | 'attestation';
  /** The predicate type asked for (attestations only). */
  type?: string;
  reason: 'missing' | 'invalid';
  /** One line, for a report: what failed and cosign's reason (redacted). */
  message: string;
}

export type Verification<T> = { ok: true; items: T[] } | { ok: false; failure: CheckFailure };

export interface CosignVersion {
  /** cosign's version ("v2.5.0"); distribution builds may say "devel". */
  gitVersion: string;
  goVersion?: string;
  platform?: string;
}

export interface Signer {
  version(): Promise<CosignVersion>;
  /** `opts` overrides the signer's options for this call (e.g. `{ tlog: true }`). */
  sign(ref: string, identity: SignIdentity, opts?: CosignArgOptions): Promise<void>;
  attest(
    ref: string,
    predicate: PredicateSpec,
    identity: SignIdentity,
    opts?: CosignArgOptions,
  ): Promise<void>;
  verify(
    ref: string,
    identity: VerifyIdentity,
    opts?: CosignArgOptions,
  ): Promise<Verification<VerifiedSignature>>;
  verifyAttestations(
    ref: string,
    type: string,
    identity: VerifyIdentity,
    opts?: CosignArgOptions,
  ): Promise<Verification<Statement>>;
}

/**
 * Asked once, before the first signature: cosign 3 writes Sigstore bundles by default, not the
 * classic .sig/.att tags that `ml-image verify` and cosign 2 read. A version it cannot tell (a
 * distribution's "devel" build) goes on, and so does one not answered (not installed, failing):
 * the signature's own call says what is wrong.
 */
function classicTagsGate(version: () => Promise<CosignVersion>): () => Promise<void> {
  let checked: Promise<void> | undefined;
  return () =>
    (checked ??= version().then(
      (v) => {
        const major = /^v?(\d+)\./.exec(v.gitVersion)?.[1];
        if (major !== undefined && Number(major) >= 3)
          throw new EnvironmentError(
            `cosign ${v.gitVersion} writes Sigstore bundles, not the .sig/.att tags this tool attaches and verifies (cosign 2.x)`,
            'install cosign 2.x (sigstore/cosign-installer with cosign-release: v2.5.0, pinned by SHA)',
          );
      },
      () => undefined,
    ));
}

export function createCosignSigner(exec: CosignExec, options: SignerOptions = {}): Signer {
  // A PEM key (COSIGN_KEY) is several lines: each of them is masked too (cosign may quote one).
  const secrets = valueMasks(
    [options.password, ...Object.values(options.env ?? {})].filter((s): s is string => s !== undefined),
  );
  // The values first: a pattern that masked part of one (a password holding ghp_...) would leave
  // the rest of it unmatched.
  const redact = (text: string) => redactText(secrets.reduce((t, s) => t.split(s).join(REDACTED), text));
  const env: Record<string, string> = { ...options.env };
  if (options.password !== undefined) env.COSIGN_PASSWORD = options.password;
  const ctx: RunContext = {
    exec,
    env,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: options.signal,
    redact,
    cacheRetryMs: options.cacheRetryMs ?? CACHE_RETRY_MS,
    givenTufRoot: givenTufRoot(env, process.env),
    initializedTufRoot: initializedTufRoot(process.env),
  };
  const run = (args: string[], target: string | undefined, tuf = false) => runCosign(ctx, args, target, tuf);

  const tlogOf = (o?: CosignArgOptions): CosignArgOptions => ({ tlog: (o?.tlog ?? options.tlog) === true });
  // Keyless (Fulcio's roots, the CT log's and Rekor's keys) and the log (Rekor's keys) read them.
  const readsTuf = (identity: { kind: string }, o?: CosignArgOptions) =>
    identity.kind === 'keyless' || tlogOf(o).tlog === true;
  async function version(): Promise<CosignVersion> {
    const res = await run(versionArgs(), undefined);
    if (!('exitCode' in res)) throw new EnvironmentError(`cosign version failed: ${res.detail}`, INSTALL_FIX);
    return parseVersion(res.stdout);
  }
  const writesClassicTags = classicTagsGate(version);
  return {
    version,
    async sign(ref, identity, opts) {
      const args = signArgs(ref, identity, tlogOf(opts));
      await writesClassicTags();
      expectDone(await run(args, ref, readsTuf(identity, opts)), `cosign sign ${ref}`);
    },
    async attest(ref, predicate, identity, opts) {
      const args = attestArgs(ref, predicate, identity, tlogOf(opts));
      await writesClassicTags();
      // cosign reads the predicate's file, which the caller may still be writing.
      await predicate.written;
      expectDone(
        await run(args, ref, readsTuf(identity, opts)),
        `cosign attest --type ${predicate.type} ${ref}`,
      );
    },
    async verify(ref, identity, opts) {
      const res = await run(verifyArgs(ref, identity, tlogOf(opts)), ref, readsTuf(identity, opts));
      if (!('exitCode' in res)) return checkFailed(ref, 'signature', undefined, identity, res);
      return verifiedSignatures(ref, res.stdout, redact);
    },
    async verifyAttestations(ref, type, identity, opts) {
      const res = await run(
        verifyAttestationArgs(ref, type, identity, tlogOf(opts)),
        ref,
        readsTuf(identity, opts),
      );
      if (!('exitCode' in res)) return checkFailed(ref, 'attestation', type, identity, res);
      return verifiedAttestations(ref, type, res.stdout, redact);
    },
  };
}

/** What `cosign verify` printed (it exited 0), as the check's result. */
function verifiedSignatures(
  ref: string,
  stdout: string,
  redact: (text: string) => string,
): Verification<VerifiedSignature> {
  const items = parseVerifiedSignatures(stdout);
  if (items !== undefined && 'problem' in items)
    return unreadable(ref, 'signature', undefined, notJsonDetail(items, redact));
  if (items === undefined)
    return unreadable(
      ref,
      'signature',
      undefined,
      "it printed one that is not a simple-signing payload of cosign's type",
    );
  const digest = parseDigestRef(ref).digest;
  const foreign = items.find((s) => s.digest !== digest);
  if (foreign !== undefined || items.length === 0)
    return wrongSubject(ref, 'signature', undefined, foreign?.digest ?? 'no signature');
  return { ok: true, items };
}

/** What `cosign verify-attestation --type TYPE` printed (it exited 0), as the check's result. */
function verifiedAttestations(
  ref: string,
  type: string,
  stdout: string,
  redact: (text: string) => string,
): Verification<Statement> {
  const items = parseAttestations(stdout);
  if (items !== undefined && 'problem' in items)
    return unreadable(ref, 'attestation', type, notJsonDetail(items, redact));
  if (items === undefined)
    return unreadable(ref, 'attestation', type, 'an envelope that is not exactly as cosign writes one');
  if (items.length === 0) return unreadable(ref, 'attestation', type);
  const hex = parseDigestRef(ref).digest.slice('sha256:'.length);
  const foreign = items.find((s) => !s.subject.some((x) => x.digest.sha256 === hex));
  if (foreign !== undefined)
    return wrongSubject(ref, 'attestation', type, foreign.subject.map((x) => x.digest.sha256).join(','));
  return { ok: true, items };
}

function expectDone(res: CosignExecResult | CosignFailure, what: string): void {
  if ('exitCode' in res) return;
  // cosign said "no signatures"/"invalid" while signing: nothing a check can report.
  throw new EnvironmentError(`${what} failed: ${res.detail}`, 'run the same cosign command with --verbose');
}

function checkFailed(
  ref: string,
  what: 'signature' | 'attestation',
  type: string | undefined,
  identity: VerifyIdentity,
  failure: CosignFailure,
): Verification<never> {
  const kind = type === undefined ? what : `${type} ${what}`;
  const reason = failure.kind === 'invalid' ? 'invalid' : 'missing';
  const message =
    reason === 'missing'
      ? `no ${kind} on ${ref} (cosign: ${failure.detail})`
      : /no matching subject digest found/i.test(failure.detail)
        ? `the ${kind} on ${ref} is about another image (cosign: ${failure.detail})`
        : /error verifying (size|sha256 checksum)/i.test(failure.detail)
          ? `the ${kind} on ${ref} is a layer whose blob does not match its descriptor (size or digest) (cosign: ${failure.detail})`
          : `the ${kind} on ${ref} is not signed by ${describeIdentity(identity)} (cosign: ${failure.detail})`;
  return { ok: false, failure: { ref, what, ...(type !== undefined && { type }), reason, message } };
}

/** What cosign verified but printed in a form this code does not read: a failed check. */
function unreadable(
  ref: string,
  what: 'signature' | 'attestation',
  type: string | undefined,
  detail = 'its payload is no in-toto statement (a predicate type and subject digests)',
): Verification<never> {
  const kind = type === undefined ? what : `${type} ${what}`;
  const message = `cosign verified the ${kind} on ${ref}, but ${detail}`;
  return {
    ok: false,
    failure: { ref, what, ...(type !== undefined && { type }), reason: 'invalid', message },
  };
}

/**
 * What cosign printed that is not JSON, as a failed check's detail: the problem, and the start of
 * what it printed, redacted before it is cut (a token cut in two would match no pattern) and
 * escaped (it may hold what the registry serves).
 */
function notJsonDetail(n: NotJson, redact: (text: string) => string): string {
  return `${n.problem}: ${printable(JSON.stringify(clip(redact(n.printed), 80)))}`;
}

function wrongSubject(
  ref: string,
  what: 'signature' | 'attestation',
  type: string | undefined,
  found: string,
): Verification<never> {
  const kind = type === undefined ? what : `${type} ${what}`;
  const message = `the verified ${kind} on ${ref} names another image (${found})`;
  return {
    ok: false,
    failure: { ref, what, ...(type !== undefined && { type }), reason: 'invalid', message },
  };
}

function parseVersion(stdout: string): CosignVersion {
  try {
    const v = JSON.parse(stdout) as Partial<CosignVersion>;
    if (typeof v.gitVersion === 'string')
      return {
        gitVersion: v.gitVersion,
        ...(typeof v.goVersion === 'string' && { goVersion: v.goVersion }),
        ...(typeof v.platform === 'string' && { platform: v.platform }),
      };
  } catch {
    // fall through: an old cosign without --json prints text
  }
  const m = /GitVersion:\s*(\S+)/.exec(stdout);
  return { gitVersion: m?.[1] ?? 'unknown' };
}

/**
 * The real cosign: spawned without a shell (one process, no group of its own), killed with the
 * processes it started at the timeout, at the caller's deadline (opts.signal: the call then rejects
 * with its reason, once the process has ended) and on SIGINT/SIGTERM.
 */
export function defaultCosignExec(binary = 'cosign'): CosignExec {
  return (args, opts) =>
    new Promise<CosignExecResult>((resolve, reject) => {
      throwIfInterrupted('cosign');
      if (opts.signal?.aborted) return reject(opts.signal.reason as Error);
      const child = spawn(binary, args, {
        env: cosignEnv(opts.env, process.env, opts.tuf === true ? runTufRoot : undefined),
        stdio: [opts.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let timedOut = false;
      // Stopped here (the timeout, the deadline, the cleanup): no signal of another's to report.
      let stopping = false;
      const stop = () => {
        stopping = true;
        // With the credential helpers it runs (docker-credential-*): killed alone, cosign left them
        // to run on under init, out of the run's cleanup and the runner's process tree.
        stopChild(child);
      };
      const timer = setTimeout(() => {
        timedOut = true;
        stop();
      }, opts.timeoutMs);
      const unregister = registerCleanup(stop);
      opts.signal?.addEventListener('abort', stop, { once: true });
      const settled = () => {
        clearTimeout(timer);
        unregister();
        opts.signal?.removeEventListener('abort', stop);
      };
      child.stdout!.on('data', (b: Buffer) => out.push(b));
      child.stderr!.on('data', (b: Buffer) => err.push(b));
      if (opts.input !== undefined && child.stdin) {
        child.stdin.on('error', () => undefined);
        child.stdin.end(opts.input);
      }
      child.once('error', (e) => {
        settled();
        reject(e);
      });
      child.once('close', (code, signal) => {
        settled();
        if (opts.signal?.aborted) return reject(opts.signal.reason as Error);
        resolve({
          exitCode: code ?? signalExitCode(signal, 'SIGKILL'),
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
          ...(timedOut && { timedOut }),
          ...(code === null && signal && !stopping && { signal }),
        });
      });
    });
}
