import {
  createCosignSigner,
  defaultCosignExec,
  type Signer,
  type VerifyIdentity,
} from '../../attest/cosign.js';
import { parseDigestRef } from '../../attest/cosign-args.js';
import {
  type Check,
  parseMinTflops,
  renderChecks,
  verifyPlatform,
  type VerifyPolicy,
} from '../../attest/verify.js';
import { GITHUB_ISSUER } from '../../attest/signing.js';
import { ATTESTATION_KINDS, type AttestationKind } from '../../config/attest.js';
import { CheckFailedError, InputError } from '../../errors.js';
import { parseCommandArgs } from '../args.js';
import type { CliIo } from '../io.js';
import type { Command } from './types.js';

function identityFrom(values: {
  key?: string | undefined;
  'certificate-identity'?: string | undefined;
  'certificate-identity-regexp'?: string | undefined;
  'certificate-oidc-issuer'?: string | undefined;
}): VerifyIdentity {
  const keyless = values['certificate-identity'] ?? values['certificate-identity-regexp'];
  if (values.key !== undefined && keyless !== undefined)
    throw new InputError('verify: give --key or --certificate-identity(-regexp), not both');
  if (values.key !== undefined) return { kind: 'key', publicKey: values.key };
  if (values['certificate-identity'] !== undefined)
    return {
      kind: 'keyless',
      certificateIdentity: values['certificate-identity'],
      certificateOidcIssuer: values['certificate-oidc-issuer'] ?? GITHUB_ISSUER,
    };
  if (values['certificate-identity-regexp'] !== undefined)
    return {
      kind: 'keyless',
      certificateIdentityRegexp: values['certificate-identity-regexp'],
      certificateOidcIssuer: values['certificate-oidc-issuer'] ?? GITHUB_ISSUER,
    };
  throw new InputError(
    'verify: no identity to verify against',
    'pass --key cosign.pub (key-signed) or --certificate-identity-regexp "^https://github.com/OWNER/REPO/" (keyless, GitHub Actions)',
  );
}

function requireFlag(raw: string | undefined): AttestationKind[] {
  if (raw === undefined) return ['sbom', 'provenance'];
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 1 && items[0] === 'none') return [];
  const bad = items.filter((i) => !(ATTESTATION_KINDS as readonly string[]).includes(i));
  if (bad.length)
    throw new InputError(
      `verify: --require: unknown attestation ${bad.join(', ')}`,
      `expected some of ${ATTESTATION_KINDS.join(', ')}, or none`,
    );
  return items as AttestationKind[];
}

function smokeFlag(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  if (raw !== 'pass')
    throw new InputError(`verify: --require-smoke: expected "pass", got ${JSON.stringify(raw)}`);
  return true;
}

/** The platform images behind a reference: every manifest of an index, or the image itself. */
async function platformsOf(io: CliIo, ref: string, only: string | undefined) {
  const { digest } = parseDigestRef(ref, 'verify: IMAGE@DIGEST');
  const repository = ref.slice(0, ref.lastIndexOf('@'));
  const index = await io.docker().imagetoolsInspect(ref);
  const listed = index.platforms
    .filter((p) => p.os !== 'unknown')
    .map((p) => ({
      platform: `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`,
      ref: `${repository}@${p.digest}`,
      digest: p.digest,
    }));
  const all = listed.length > 0 ? listed : [{ platform: 'image', ref, digest }];
  const chosen = only === undefined ? all : all.filter((p) => p.platform === only);
  if (chosen.length === 0)
    throw new InputError(
      `verify: ${ref} has no ${only} image`,
      `it has: ${all.map((p) => p.platform).join(', ')}`,
    );
  return chosen;
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check an image digest: signature, SBOM, provenance and smoke attestations, and a policy on them.',
  usage:
    'ml-image verify IMAGE@DIGEST (--key cosign.pub | --certificate-identity-regexp RE [--certificate-oidc-issuer URL]) [--require sbom,provenance,smoke] [--require-smoke pass] [--require-gpu-smoke] [--min-tflops bf16=600] [--platform P] [--tlog]',
  help: `For each platform image of the digest (every manifest of a multi-arch index), with cosign:
  signature        cosign verify
  <kind> attestation  cosign verify-attestation --type <kind>, about this very digest
then what the smoke attestation says, when asked:
  --require-smoke pass   no smoke test failed
  --require-gpu-smoke    the smoke tests ran on a GPU and the gpu suite passed
  --min-tflops bf16=600  the compute suite measured at least this (bf16, tf32, fp32)

Options:
  --key FILE                    public key of a key-signed image (cosign.pub)
  --certificate-identity ID     keyless: the signing workflow's identity (exact)
  --certificate-identity-regexp RE  keyless: the identity as a regular expression
  --certificate-oidc-issuer URL keyless: the issuer (default ${GITHUB_ISSUER})
  --require LIST                attestations that must exist (default sbom,provenance; none)
  --platform P                  only this platform (e.g. linux/arm64)
  --tlog                        key-signed entries were uploaded to Rekor: check them there too

Exit codes: 0 every check holds; 1 a check failed (each is named); 2 bad input; 3 the registry or
cosign cannot be reached (the fix is printed).`,
  async run(argv: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs(
      'verify',
      argv,
      {
        key: { type: 'string' },
        'certificate-identity': { type: 'string' },
        'certificate-identity-regexp': { type: 'string' },
        'certificate-oidc-issuer': { type: 'string' },
        require: { type: 'string' },
        'require-smoke': { type: 'string' },
        'require-gpu-smoke': { type: 'boolean', default: false },
        'min-tflops': { type: 'string' },
        platform: { type: 'string' },
        tlog: { type: 'boolean', default: false },
      },
      true,
    );
    if (positionals.length !== 1)
      throw new InputError('verify: expected one IMAGE@DIGEST', 'run "ml-image verify --help" for usage');
    const ref = positionals[0]!;
    const identity = identityFrom(values);
    const policy: VerifyPolicy = {
      require: requireFlag(values.require),
      requireSmokePass: smokeFlag(values['require-smoke']),
      requireGpuSmoke: values['require-gpu-smoke'],
      minTflops: parseMinTflops(values['min-tflops']),
    };
    const targets = await platformsOf(io, ref, values.platform);
    const signer: Signer = io.signer?.() ?? createCosignSigner(defaultCosignExec(), { tlog: values.tlog });
    const checks: Check[] = [];
    for (const t of targets) checks.push(...(await verifyPlatform(signer, t, identity, policy)));
    const failed = checks.filter((c) => !c.ok);
    io.stdout(values.json ? `${JSON.stringify({ ref, checks }, null, 2)}\n` : `${renderChecks(checks)}\n`);
    if (failed.length > 0)
      throw new CheckFailedError(
        `verify: ${failed.length} of ${checks.length} checks failed for ${ref}: ${failed.map((c) => `${c.platform} ${c.check}`).join('; ')}`,
      );
    return 0;
  },
};
