// The verify sub-action (actions/verify/action.yml): `ml-image verify` as a step a deploy job gates
// on. It shares dist/index.js with the other actions; its action.yml sets the `command` input to
// `verify`, on which src/main.ts loads this module instead of the pipeline's (verify is no pipeline
// stage: it reads no config and no result directory, only the registry). Its action.yml is
// generated from the tables below (npm run docs), so the inputs the code reads and the inputs
// declared cannot drift.
import path from 'node:path';
import type { Signer } from '../attest/cosign.js';
import { verifyDeps } from '../attest/signers.js';
import { type CertificateReader, certificateReaderFor } from '../attest/verify-certificates.js';
import { isKeyReference } from '../attest/verify-inputs.js';
import { parseDigestRef } from '../oci/ref.js';
import { closestWord } from '../util/text.js';
import {
  type Check,
  failedSummary,
  parseVerifyFlags,
  renderChecks,
  VERIFY_FLAGS,
  VerifyDeadline,
  type VerifyFlags,
  verifyImage,
} from '../attest/verify.js';
import { VERIFY_TIMEOUT_DEFAULT_S, VERIFY_TIMEOUT_MAX_S } from '../attest/verify-flags.js';
import type { OciFetch } from '../docker/oci-types.js';
import { GITHUB_ISSUER } from '../attest/signing.js';
import type { ImageReader } from '../attest/verify-targets.js';
import { WORKFLOW_CLAIMS, type WorkflowPins } from '../attest/workflow-claims.js';
import { parseInputValue } from '../config/inputs.js';
import { CheckFailedError, InputError } from '../errors.js';
import { md, mdCode } from '../report/escape.js';
import { type ActionIo, COMMAND_INPUT, fail } from './io.js';
import { redactMessage } from '../util/redact.js';

export { COMMAND_INPUT };

/** Every input of the verify sub-action (the verify flags by the same names, and the image). */
export const VERIFY_INPUTS: Record<
  'image' | (typeof VERIFY_FLAGS)[number],
  { description: string; default?: string }
> = {
  image: {
    description:
      'The image to check, by digest - REGISTRY/REPOSITORY@sha256:DIGEST (a multi-arch index: every platform image is checked).',
  },
  key: {
    description:
      'Public key of a key-signed image (cosign.pub): a path relative to the workspace, or a KMS URI. Exclusive with certificate-identity(-regexp).',
  },
  'certificate-identity': {
    description:
      "Keyless: the signing workflow's identity, exactly (the certificate's SAN). Exclusive with certificate-identity-regexp.",
  },
  'certificate-identity-regexp': {
    description:
      'Keyless: the identity as a regular expression, e.g. ^https://github\\.com/OWNER/REPO/\\.github/workflows/',
  },
  'certificate-oidc-issuer': {
    description: `Keyless: the OIDC issuer (default ${GITHUB_ISSUER}).`,
  },
  'certificate-github-workflow-repository': {
    description:
      "Keyless: OWNER/REPO whose workflow run signed (the certificate's workflow-repository claim). With ml-image-action's reusable workflow the identity is that workflow's own file, so this is what names your repository.",
  },
  'certificate-github-workflow-ref': {
    description:
      "Keyless: the git ref the signing run was on, exactly, e.g. refs/heads/main or refs/tags/v1.2.3 (the certificate's GitHub Workflow Ref, 1.3.6.1.4.1.57264.1.6; cosign's flag of the same name). A run of a pull request or another branch then fails the check.",
  },
  'certificate-github-workflow-trigger': {
    description:
      "Keyless: the event that triggered the signing run, exactly, e.g. push, release or workflow_dispatch (the certificate's GitHub Workflow Trigger, 1.3.6.1.4.1.57264.1.2).",
  },
  'certificate-github-workflow-sha': {
    description:
      "Keyless: the commit the signing run was on, its full SHA: 40 hex digits, or 64 in a SHA-256 repository (the certificate's GitHub Workflow SHA, 1.3.6.1.4.1.57264.1.3).",
  },
  'certificate-github-workflow-name': {
    description:
      "Keyless: the name of the calling workflow (its name: line) that signed, exactly (the certificate's GitHub Workflow Name, 1.3.6.1.4.1.57264.1.4).",
  },
  require: {
    description:
      'Attestations that must exist on every platform image, comma-separated: sbom, provenance, smoke (or none). Default: sbom,provenance.',
  },
  'require-smoke': { description: 'pass - the smoke attestation says no smoke test failed.' },
  'require-gpu-smoke': {
    description: 'true - the smoke tests ran on a GPU and the gpu suite passed.',
    default: 'false',
  },
  'min-tflops': {
    description:
      'Throughput floors the compute suite must have measured on a GPU, e.g. bf16=600 or bf16=600,tf32=300 (bf16, fp16, tf32, fp32).',
  },
  platform: {
    description:
      'Check only this platform image of the index (e.g. linux/arm64); a single-platform image must be for that platform (its config says).',
  },
  tlog: {
    description: 'true - key-signed entries were uploaded to Rekor: check them there too.',
    default: 'false',
  },
  timeout: {
    description: `Seconds the whole verify may take (default ${VERIFY_TIMEOUT_DEFAULT_S}, at most ${VERIFY_TIMEOUT_MAX_S}): every registry read and cosign run ends by then, and a registry that accepts connections but does not answer fails the step naming it and what it waited for.`,
  },
};

/** The outputs (each is set before the step fails on a failed check). */
export const VERIFY_OUTPUTS: Record<string, { description: string }> = {
  verdict: {
    description:
      'pass (every check held) or fail: a check failed, or none could run (bad input, an input the action does not have, the registry unreachable); the step fails too, naming why. Never empty.',
  },
  checks: {
    description:
      'JSON list of the checks - {platform, check, ok, detail} per platform image: signature, each attestation, the smoke policy.',
  },
};

/** What the verify entry needs of the action's io (ActionIo is one; no import of run.ts). */
export interface VerifyActionIo {
  getInput: (name: string) => string;
  setOutput: (name: string, value: string) => void;
  info: (message: string) => void;
  summary?: (markdown: string) => Promise<void>;
  cwd: string;
  docker: () => ImageReader;
  /** The signer; default: the built-in key verifier where it can, else the cosign binary. */
  signer?: () => Signer;
  /** The environment (ML_IMAGE_SIGNER, DOCKER_CONFIG, proxies); default: the process's. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Reads the certificates a refused keyless check reports from; default: the registry's, with
   * the default signer only (a given signer's checks get this or none).
   */
  certificates?: CertificateReader;
  /** The built-in registry client's HTTP (default node:http(s)): tests script it. */
  registryFetch?: OciFetch;
}

const inputNaming = { prefix: '', flag: (name: string) => `input "${name}"` };

function boolInput(io: VerifyActionIo, name: string): boolean {
  const raw = io.getInput(name).trim();
  return raw === '' ? false : (parseInputValue({ input: name, path: [], kind: 'boolean' }, raw) as boolean);
}

/** The verify flags from the inputs; a key path is relative to the workspace (a URI is kept). */
function flagsFromInputs(io: VerifyActionIo): VerifyFlags {
  const text = (name: string) => io.getInput(name).trim() || undefined;
  const key = text('key');
  if (key?.includes('-----BEGIN'))
    throw new InputError(
      'input "key": holds PEM text; it takes the public key\'s file path (or a KMS URI)',
      'write the key to a file first (echo "$KEY" > cosign.pub) and give its path, or pass env://VAR naming a variable that holds it',
    );
  return {
    // A key reference (kms://, pkcs11:, ...) is cosign's, as the CLI reads it (isKeyReference).
    ...(key !== undefined && { key: isKeyReference(key) ? key : path.resolve(io.cwd, key) }),
    'certificate-identity': text('certificate-identity'),
    'certificate-identity-regexp': text('certificate-identity-regexp'),
    'certificate-oidc-issuer': text('certificate-oidc-issuer'),
    'certificate-github-workflow-repository': text('certificate-github-workflow-repository'),
    'certificate-github-workflow-ref': text('certificate-github-workflow-ref'),
    'certificate-github-workflow-trigger': text('certificate-github-workflow-trigger'),
    'certificate-github-workflow-sha': text('certificate-github-workflow-sha'),
    'certificate-github-workflow-name': text('certificate-github-workflow-name'),
    require: text('require'),
    'require-smoke': text('require-smoke'),
    'require-gpu-smoke': boolInput(io, 'require-gpu-smoke'),
    'min-tflops': text('min-tflops'),
    platform: text('platform'),
    tlog: boolInput(io, 'tlog'),
    timeout: text('timeout'),
  };
}

/**
 * Which claims of the signing run a keyless gate pins, each value or "not pinned": an input left
 * empty pins nothing (Actions cannot tell an unset variable from an empty one), and this says so.
 */
export function pinsLine(identity: { kind: string } & WorkflowPins): string | undefined {
  if (identity.kind !== 'keyless') return undefined;
  const parts = WORKFLOW_CLAIMS.map((c) => {
    const v = identity[c.field];
    return `${c.flag.replace('certificate-github-workflow-', '')} ${v !== undefined ? JSON.stringify(v) : 'not pinned'}`;
  });
  return `the signing run: ${parts.join(', ')}`;
}

/** The job summary: the run's pins (keyless), then one row per check, every value escaped. */
export function checksMarkdown(ref: string, checks: readonly Check[], pins?: string): string {
  const rows = checks.map(
    (c) => `| ${c.ok ? '✅' : '❌'} | ${md(c.platform)} | ${md(c.check)} | ${md(c.detail, 500)} |`,
  );
  return [
    `### ml-image verify: ${mdCode(ref)}`,
    '',
    ...(pins !== undefined ? [md(pins), ''] : []),
    '| | platform | check | detail |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/**
 * Refuses an input this action does not have (the runner only warns): a policy input misspelt
 * (`require_smoke`) would drop its check without a word, and the gate pass.
 */
function refuseUnknownInputs(env: Readonly<Record<string, string | undefined>>): void {
  const known = [...Object.keys(VERIFY_INPUTS), COMMAND_INPUT];
  for (const name of Object.keys(env)) {
    if (!name.startsWith('INPUT_')) continue;
    const input = name.slice('INPUT_'.length).toLowerCase();
    if (known.includes(input)) continue;
    const dashed = input.replace(/_/g, '-');
    const near = closestWord(dashed, known) ?? known.find((k) => k.startsWith(dashed));
    throw new InputError(
      `input ${JSON.stringify(input)} is no input of the verify action${near !== undefined ? ` (did you mean ${near}?)` : ''}: a policy input misspelt would drop its check`,
      `use the inputs actions/verify/action.yml declares: ${known.filter((k) => k !== COMMAND_INPUT).join(', ')}`,
    );
  }
}

/** The verify sub-action: outputs and the job summary first, then a failed check fails the step. */
export async function runVerify(io: VerifyActionIo): Promise<void> {
  const env = io.env ?? process.env;
  refuseUnknownInputs(env);
  const ref = io.getInput('image').trim();
  if (ref === '')
    throw new InputError('input "image": required', 'give the image by digest: REGISTRY/REPO@sha256:DIGEST');
  parseDigestRef(ref, { field: 'input "image"' });
  const request = parseVerifyFlags(flagsFromInputs(io), inputNaming);
  // The input "timeout": every registry read and cosign run of the checks ends by then.
  const deadline = new VerifyDeadline(request.timeoutSeconds);
  const transport = { fetch: io.registryFetch, signal: deadline.signal };
  const given = { signer: io.signer, docker: io.docker };
  // The key file's errors name the input as the action's other inputs do: `input "key": FILE: ...`.
  const keyLabel = `${inputNaming.flag('key')}:`;
  const deps = verifyDeps(env, ref, request.identity, request.tlog, given, transport, keyLabel);
  const certificates =
    io.certificates ?? (io.signer ? undefined : certificateReaderFor(env, ref, request.identity, transport));
  const pins = pinsLine(request.identity);
  if (pins !== undefined) io.info(pins);
  const outcome = await verifyImage({ ...deps, certificates, deadline }, ref, request, '', inputNaming.flag);
  io.info(renderChecks(outcome.checks));
  const verdict = outcome.failed.length === 0 ? 'pass' : 'fail';
  io.setOutput('verdict', verdict);
  io.setOutput('checks', JSON.stringify(outcome.checks));
  await io.summary?.(checksMarkdown(ref, outcome.checks, pins));
  if (verdict === 'fail') throw new CheckFailedError(`verify: ${failedSummary(outcome)}`);
}

/** The verify sub-action's main step (src/main.ts): a failure fails the step, as run.ts does. */
export async function verifyAction(io: ActionIo): Promise<void> {
  let checked = false;
  try {
    const command = io.getInput(COMMAND_INPUT).trim();
    if (command !== 'verify')
      throw new InputError(
        `input "${COMMAND_INPUT}": selects the verify sub-action's entry and must stay verify, got ${JSON.stringify(command)}`,
        `remove ${COMMAND_INPUT} from the step's with:`,
      );
    await runVerify({ ...io, setOutput: (name, value) => ((checked = true), io.setOutput(name, value)) });
  } catch (err) {
    // Bad input or the environment stopped the checks: the verdict is still fail, never empty (a
    // gate step with continue-on-error reads it), and the summary says why.
    if (!checked) {
      io.setOutput('verdict', 'fail');
      io.setOutput('checks', '[]');
      // Masked as the step's failure message is (redactMessage): the error quotes the input.
      const why = redactMessage(err instanceof Error ? err.message.split('\n')[0]! : String(err));
      await io.summary?.(`### ml-image verify: not checked\n\n${md(why, 500)}\n`);
    }
    fail(io, err);
  }
}
