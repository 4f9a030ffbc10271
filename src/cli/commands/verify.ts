import { verifyDeps } from '../../attest/signers.js';
import { certificateReaderFor } from '../../attest/verify-certificates.js';
import {
  cliFlagNaming,
  type FlagNaming,
  failedSummary,
  parseVerifyFlags,
  renderChecks,
  VERIFY_FLAGS,
  type VerifyFlags,
  type VerifyOutcome,
  type VerifyRequest,
  VerifyDeadline,
  verifyImage,
} from '../../attest/verify.js';
import { VERIFY_TIMEOUT_DEFAULT_S, VERIFY_TIMEOUT_MAX_S } from '../../attest/verify-flags.js';
import { GITHUB_ISSUER } from '../../attest/signing.js';
import { CheckFailedError, InputError } from '../../errors.js';
import { type OptionSpec, outFlag, parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import type { Command } from './types.js';
import { writeOutFile } from '../output.js';
import { redactMessage } from '../../util/redact.js';

/** The verify flags, as `ml-image verify` and `ml-image export --verify` take them. */
export const VERIFY_OPTIONS = {
  key: { type: 'string' },
  'certificate-identity': { type: 'string' },
  'certificate-identity-regexp': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  'certificate-github-workflow-repository': { type: 'string' },
  'certificate-github-workflow-ref': { type: 'string' },
  'certificate-github-workflow-trigger': { type: 'string' },
  'certificate-github-workflow-sha': { type: 'string' },
  'certificate-github-workflow-name': { type: 'string' },
  require: { type: 'string' },
  'require-smoke': { type: 'string' },
  'require-gpu-smoke': { type: 'boolean' },
  'min-tflops': { type: 'string' },
  platform: { type: 'string' },
  tlog: { type: 'boolean' },
} as const satisfies OptionSpec;

/** The verify deadline's flag, by the name each command gives it (export's --timeout is the smoke tests'). */
const VERIFY_TIMEOUT_FLAG = { verify: 'timeout', export: 'verify-timeout' } as const;

type VerifyCommand = keyof typeof VERIFY_TIMEOUT_FLAG;

/** How COMMAND names the verify flags in messages: `--NAME`, the deadline by its own name. */
const verifyNaming = (command: VerifyCommand): FlagNaming =>
  cliFlagNaming(command, { timeout: VERIFY_TIMEOUT_FLAG[command] });

/** The help line of the deadline flag, as COMMAND names it. */
export const verifyTimeoutHelp = (command: VerifyCommand) =>
  `  ${`--${VERIFY_TIMEOUT_FLAG[command]} SECONDS`.padEnd(30)}the whole verify ends by then: a registry (or cosign) that does not
                                answer is exit 3, naming it (default ${VERIFY_TIMEOUT_DEFAULT_S}, at most ${VERIFY_TIMEOUT_MAX_S})`;

/** The help lines of the verify flags (verify and export --verify). */
export const VERIFY_OPTIONS_HELP = `  --key FILE                    public key of a key-signed image (cosign.pub)
  --certificate-identity ID     keyless: the signing workflow's identity (exact)
  --certificate-identity-regexp RE  keyless: the identity as a regular expression
  --certificate-oidc-issuer URL keyless: the issuer (default ${GITHUB_ISSUER})
  --certificate-github-workflow-repository OWNER/REPO
                                keyless: the repository whose workflow run signed (for a reusable
                                workflow, whose own file is the identity)
  --certificate-github-workflow-ref REF
                                keyless: the signing run's git ref, exactly (refs/heads/main)
  --certificate-github-workflow-trigger EVENT
                                keyless: the event that triggered the signing run (push)
  --certificate-github-workflow-sha SHA
                                keyless: the commit of the signing run (its full SHA: 40 hex
                                digits, or 64 in a SHA-256 repository)
  --certificate-github-workflow-name NAME
                                keyless: the name of the workflow that signed
                                (these are cosign's flags: each compares the certificate's
                                GitHub extension exactly; one it lacks fails the check)
  --require LIST                attestations that must exist (default sbom,provenance; none)
  --require-smoke pass          no smoke test failed
  --require-gpu-smoke           the smoke tests ran on a GPU and the gpu suite passed
  --min-tflops bf16=600         the compute suite measured at least this on a GPU (bf16, fp16, tf32, fp32)
  --tlog                        key-signed entries were uploaded to Rekor: check them there too`;

/** verify's own: export --verify checks every platform a node may pull. */
const PLATFORM_HELP = `  --platform P                  only this platform (e.g. linux/arm64); a single-platform image
                                must be that platform (its config says)`;

/**
 * Verify IMAGE@DIGEST with the real cosign (or the io's signer); the outcome, failures included.
 * Its registry reads and cosign runs end at the request's deadline (then exit 3, naming FLAG).
 */
async function verifyWithCli(
  io: CliIo,
  ref: string,
  request: VerifyRequest,
  command: VerifyCommand = 'verify',
): Promise<VerifyOutcome> {
  const { prefix, flag } = verifyNaming(command);
  const deadline = new VerifyDeadline(request.timeoutSeconds);
  const transport = { fetch: io.registryFetch, signal: deadline.signal };
  const given = { signer: io.signer, docker: io.docker };
  // The key file's errors name the flag and the file: `verify: --key FILE: ...`.
  const keyLabel = `${prefix}${flag('key')}`;
  const deps = verifyDeps(io.env, ref, request.identity, request.tlog, given, transport, keyLabel);
  // What a refused certificate holds is read from the registry with the default signer only.
  const certificates = io.signer ? undefined : certificateReaderFor(io.env, ref, request.identity, transport);
  return verifyImage({ ...deps, certificates, deadline }, ref, request, prefix, flag);
}

/**
 * `export --verify`: the request when --verify is given (the same flags and checks as verify);
 * a verify flag without --verify is bad input, not silently ignored.
 */
export function verifyRequestFor(
  command: VerifyCommand,
  values: VerifyFlags & { verify?: boolean | undefined },
): VerifyRequest | undefined {
  const naming = verifyNaming(command);
  if (values.verify === true) return parseVerifyFlags(values, naming);
  const stray = VERIFY_FLAGS.filter((f) => values[f] !== undefined);
  // --platform is refused with --verify too (export.ts): adding --verify is no fix for it.
  if (stray.includes('platform'))
    throw new InputError(
      `${command}: ${naming.flag('platform')} is a verify option that ${command} does not take (the job runs the image on every node, each pulling its own platform)`,
      `drop ${naming.flag('platform')}; with --verify every platform of the image is checked`,
    );
  if (stray.length > 0)
    throw new InputError(
      `${command}: ${stray.map((f) => naming.flag(f)).join(', ')} ${stray.length === 1 ? 'is a' : 'are'} --verify option${stray.length === 1 ? '' : 's'}`,
      `add --verify to check the image before the job is written`,
    );
  return undefined;
}

/**
 * Verify the image before anything is written: the checks are printed (under --json the command's
 * summary carries them as `verified`), and a failed check is a CheckFailedError (exit 1) naming
 * each; under --json the one JSON output is then `verified` and the error, each failed check a problem.
 */
export async function verifyBeforeWrite(
  io: CliIo,
  command: VerifyCommand,
  ref: string,
  request: VerifyRequest,
  json: boolean,
): Promise<VerifyOutcome> {
  const outcome = await verifyWithCli(io, ref, request, command);
  if (!json) io.stdout(`${renderChecks(outcome.checks)}\n`);
  if (outcome.failed.length > 0)
    throw checksFailed(`${command} --verify`, outcome, { verified: outcome.checks }, '; no job was written');
  return outcome;
}

/**
 * The exit 1 of OUTCOME's failed checks: a short message naming each, and for --json each failed
 * check as a problem (`linux/arm64 signature: no signature for ...`) beside RESULT, the document a
 * pass prints (its checks, each ok or not with its detail).
 */
function checksFailed(
  what: string,
  outcome: VerifyOutcome,
  result: Readonly<Record<string, unknown>>,
  tail = '',
): CheckFailedError {
  const problems = outcome.failed.map((c) => `${c.platform} ${c.check}: ${c.detail}`);
  return new CheckFailedError(`${what}: ${failedSummary(outcome)}${tail}`, undefined, { problems, result });
}

/**
 * DIR/verify.json of a verify that stopped before its checks ended: not ok, with why (and the
 * digest, REF, once the arguments named one).
 */
function writeStopped(io: CliIo, dir: string, ref: string | undefined, e: unknown): void {
  // Masked as the error printed beside it (redactMessage): the reference and the error quote
  // what was typed, a login without a scheme (user:pw@host/...) too.
  const error = redactMessage(e instanceof Error ? e.message : String(e));
  const record = { ...(ref !== undefined && { ref: redactMessage(ref) }), ok: false, error };
  try {
    writeOutFile(io.cwd, dir, 'verify.json', `${JSON.stringify(record, null, 2)}\n`);
  } catch {
    // The error that stopped the verify is the one to report.
  }
}

/** verify's own: its deadline is --timeout (export's is --verify-timeout). */
const VERIFY_COMMAND_OPTIONS = {
  ...VERIFY_OPTIONS,
  timeout: { type: 'string' },
} as const satisfies OptionSpec;

export const verifyCommand: Command = {
  name: 'verify',
  options: VERIFY_COMMAND_OPTIONS,
  summary: 'Check an image digest: signature, SBOM, provenance and smoke attestations, and a policy on them.',
  usage:
    'ml-image verify IMAGE@DIGEST (--key cosign.pub | --certificate-identity-regexp RE [--certificate-oidc-issuer URL] [--certificate-github-workflow-repository OWNER/REPO] [--certificate-github-workflow-ref REF] [--certificate-github-workflow-trigger EVENT] [--certificate-github-workflow-sha SHA] [--certificate-github-workflow-name NAME]) [--require sbom,provenance,smoke] [--require-smoke pass] [--require-gpu-smoke] [--min-tflops bf16=600] [--platform P] [--tlog] [--timeout SECONDS] [--out DIR]',
  help: `For each platform image of the digest (every manifest of a multi-arch index; one that names no
platform is checked whatever --platform says: a runtime may pull it anywhere), the checks of
  signature           cosign verify
  <kind> attestation  cosign verify-attestation --type <kind>, about this very digest
then what the smoke attestation says, when asked (--require-smoke, --require-gpu-smoke,
--min-tflops). "ml-image export --verify" runs the same checks before it writes a job.
A P-256 public key file (what cosign generate-key-pair makes) is checked in process, over one
registry connection; keyless identities, KMS keys and --tlog run the cosign binary, as does
ML_IMAGE_SIGNER=cosign. --verbose prints the checks' time.

Options:
${VERIFY_OPTIONS_HELP}
${PLATFORM_HELP}
${verifyTimeoutHelp('verify')}
  --out DIR                     also write DIR/verify.json: the digest, ok and every check (also
                                when one fails; when the verify stops, ok false and the error)

Exit codes: 0 every check holds; 1 a check failed (each is named); 2 bad input; 3 the registry or
cosign cannot be reached, the registry refuses the read or is failing, or it did not answer
within --timeout (the fix is printed).`,
  async run(argv: string[], io: CliIo) {
    let ref: string | undefined;
    let verified: {
      values: ReturnType<typeof parseCommandArgs<typeof VERIFY_COMMAND_OPTIONS>>['values'];
      outcome: Awaited<ReturnType<typeof verifyWithCli>>;
      t0: number;
    };
    try {
      const { values, positionals } = parseCommandArgs('verify', argv, VERIFY_COMMAND_OPTIONS, true);
      if (positionals.length !== 1)
        throw new InputError('verify: expected one IMAGE@DIGEST', 'run "ml-image verify --help" for usage');
      ref = positionals[0]!;
      const t0 = performance.now();
      const flags = parseVerifyFlags(values, verifyNaming('verify'));
      verified = { values, outcome: await verifyWithCli(io, ref, flags), t0 };
    } catch (e) {
      // Refused (a bad, misspelt or repeated flag, no digest: exit 2) or stopped (the registry
      // unreachable: exit 3): no earlier run's "ok": true stays in --out.
      const out = outFlag(argv);
      if (out !== undefined && out.trim() !== '') writeStopped(io, out, ref, e);
      throw e;
    }
    const { values, outcome, t0 } = verified;
    // --verbose: the checks' own time, without the process start (bench/attest.mjs reads it).
    if (values.verbose)
      io.stderr(
        `timing  verify ${((performance.now() - t0) / 1000).toFixed(3)}s (${outcome.checks.length} checks)\n`,
      );
    const failed = outcome.failed.length > 0;
    if (values.out !== undefined)
      writeOutFile(
        io.cwd,
        values.out,
        'verify.json',
        `${JSON.stringify({ ref, ok: !failed, checks: outcome.checks }, null, 2)}\n`,
      );
    // --json prints one JSON object: the checks, and on a failure (printed by main, as every
    // command's error is) the same with the error naming each failed check.
    const result = { ref, checks: outcome.checks };
    if (!values.json) io.stdout(`${renderChecks(outcome.checks)}\n`);
    else if (!failed) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    if (failed) throw checksFailed('verify', outcome, result);
    return 0;
  },
};
