// `ml-image verify IMAGE@DIGEST`: the image's signature and its attestations, per platform, checked
// with cosign against a key or a keyless identity, then the policy on what they say (the smoke
// verdict, GPU smoke, throughput floors). The checks are pure over what cosign verified; cosign sits
// behind the Signer interface. The flags are parsed here once for every caller: `ml-image verify`,
// `ml-image export --verify` and the verify sub-action (whose inputs have the flags' names).
import { ATTESTATION_KINDS, type AttestationKind } from '../config/attest.js';
import { InputError } from '../errors.js';
import { isOwnerRepo } from '../github/run.js';
import type { Signer, Statement, Verification, VerifiedSignature, VerifyIdentity } from './cosign.js';
import { mapLimit } from '../util/map-limit.js';
import { acceptsSharedWorkflow, regexpProblem } from './verify-inputs.js';
import { type ImageReader, platformTargets } from './verify-targets.js';
import { KIND_TYPES } from './result.js';
import { GITHUB_ISSUER } from './signing.js';
import { type SmokePredicate, SmokePredicateSchema } from './smoke-predicate.js';

export interface VerifyPolicy {
  /** Attestations that must exist (verified) on every platform. */
  require: readonly AttestationKind[];
  /** The smoke attestation must say pass (no failed test). */
  requireSmokePass: boolean;
  /** The smoke tests ran on at least one GPU, and the GPU suite passed. */
  requireGpuSmoke: boolean;
  /** Throughput floors in TFLOP/s by dtype ("bf16" -> the compute suite's bf16_tflops). */
  minTflops: Readonly<Record<string, number>>;
}

export interface Check {
  platform: string;
  check: string;
  ok: boolean;
  detail: string;
}

/** The dtypes the compute suite measures on a GPU (its `<dtype>_tflops` metrics). */
export const TFLOPS_DTYPES = ['bf16', 'fp16', 'tf32', 'fp32'] as const;

/**
 * "bf16=600,fp32=40" -> { bf16: 600, fp32: 40 }; bad input names the flag and the item: a dtype
 * the compute suite does not measure, or one given twice.
 */
export function parseMinTflops(raw: string | undefined, flag = '--min-tflops'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([a-z0-9]+)=(\d+(?:\.\d+)?)$/i.exec(item);
    if (!m) throw new InputError(`${flag}: expected DTYPE=TFLOPS like bf16=600, got ${JSON.stringify(item)}`);
    const dtype = m[1]!.toLowerCase();
    if (!(TFLOPS_DTYPES as readonly string[]).includes(dtype))
      throw new InputError(
        `${flag}: ${JSON.stringify(item)}: the compute suite measures ${TFLOPS_DTYPES.join(', ')}, not ${dtype}`,
      );
    if (dtype in out) throw new InputError(`${flag}: ${dtype} is given twice`);
    out[dtype] = Number(m[2]);
  }
  return out;
}

/** The kinds whose attestation must exist under a policy: the required ones, and smoke when asked about. */
export function requiredKinds(policy: VerifyPolicy): AttestationKind[] {
  const asksSmoke =
    policy.requireSmokePass || policy.requireGpuSmoke || Object.keys(policy.minTflops).length > 0;
  return [...new Set<AttestationKind>([...policy.require, ...(asksSmoke ? (['smoke'] as const) : [])])];
}

/**
 * The best value of a GPU throughput metric over the tests that measured it on a GPU (they name
 * it: the `gpu` metric). The CPU compute test's fp32 figure is no GPU's, and never meets a floor.
 */
function bestMetric(p: SmokePredicate, name: string): number | undefined {
  const values = p.tests
    .filter((t) => t.metrics.gpu !== undefined)
    .map((t) => t.metrics[name])
    .filter((v): v is number => typeof v === 'number');
  return values.length > 0 ? Math.max(...values) : undefined;
}

/** What the smoke attestation must say, per the policy (pure). */
export function smokeChecks(platform: string, p: SmokePredicate, policy: VerifyPolicy): Check[] {
  const checks: Check[] = [];
  const s = p.summary;
  if (policy.requireSmokePass)
    checks.push({
      platform,
      check: 'smoke pass',
      ok: p.verdict === 'pass',
      detail: `${s.pass} passed, ${s.fail} failed, ${s.skip} skipped${
        p.verdict === 'fail'
          ? `: failed ${p.tests
              .filter((t) => t.status === 'fail')
              .map((t) => t.id)
              .join(', ')}`
          : ''
      }`,
    });
  if (policy.requireGpuSmoke) {
    const gpu = p.tests.filter((t) => t.suite === 'gpu');
    const ok = p.gpus.devices.length > 0 && gpu.length > 0 && gpu.every((t) => t.status === 'pass');
    const names = [...new Set(p.gpus.devices.map((d) => d.name))].join(', ');
    checks.push({
      platform,
      check: 'GPU smoke',
      ok,
      detail: ok
        ? `on ${names}`
        : p.gpus.devices.length === 0
          ? 'the smoke tests ran without a GPU'
          : `the gpu suite did not pass on ${names}`,
    });
  }
  for (const [dtype, floor] of Object.entries(policy.minTflops)) {
    const v = bestMetric(p, `${dtype}_tflops`);
    checks.push({
      platform,
      check: `${dtype} TFLOP/s >= ${floor}`,
      ok: v !== undefined && v >= floor,
      detail: v === undefined ? `no ${dtype}_tflops was measured on a GPU` : `measured ${v}`,
    });
  }
  return checks;
}

// Checks at once: cosign with the log (keyless, or --tlog) one at a time (concurrent runs trip over
// their shared Sigstore cache); others side by side.
const atOnce = (identity: VerifyIdentity, tlog: boolean) => (identity.kind === 'keyless' || tlog ? 1 : 16);

/**
 * The statement of KIND about this digest (cosign checks the signature, this the subject). For
 * smoke, the newest run's by its signed finishedAt: whoever pushes the .att image orders its
 * layers, and could put an older passing run's envelope before a later failing one.
 */
function aboutDigest(kind: AttestationKind, statements: readonly Statement[], digest: string) {
  const hex = digest.replace(/^sha256:/, '');
  const about = statements.filter((s) => s.subject.some((x) => x.digest.sha256 === hex));
  if (kind !== 'smoke' || about.length < 2) return about[0];
  const time = (s: Statement) => {
    const p = SmokePredicateSchema.safeParse(s.predicate);
    return p.success ? Date.parse(p.data.finishedAt) : Number.NEGATIVE_INFINITY;
  };
  return about.reduce((newest, s) => (time(s) > time(newest) ? s : newest));
}

/** Verify one platform image: signature, each required attestation, then the smoke policy. */
export async function verifyPlatform(
  signer: Signer,
  target: { platform: string; ref: string; digest: string },
  identity: VerifyIdentity,
  policy: VerifyPolicy,
  tlog = false,
): Promise<Check[]> {
  const { platform, ref } = target;
  // Every check reads something of its own: they run side by side (cosign with the log one at a
  // time, see atOnce), reported in this order.
  const kinds = requiredKinds(policy);
  type Answer = Verification<VerifiedSignature> | Verification<Statement>;
  const asks: (() => Promise<Answer>)[] = [
    () => signer.verify(ref, identity),
    ...kinds.map((kind) => () => signer.verifyAttestations(ref, KIND_TYPES[kind].cosignType, identity)),
  ];
  const [sig, ...verified] = (await mapLimit(asks, atOnce(identity, tlog), (ask) => ask())) as [
    Verification<VerifiedSignature>,
    ...Verification<Statement>[],
  ];

  const checks: Check[] = [
    {
      platform,
      check: 'signature',
      ok: sig.ok,
      detail: sig.ok ? `${sig.items.length} verified` : sig.failure.message,
    },
  ];
  for (const [i, kind] of kinds.entries()) {
    const v = verified[i]!;
    const st = v.ok ? aboutDigest(kind, v.items, target.digest) : undefined;
    checks.push({
      platform,
      check: `${kind} attestation`,
      ok: st !== undefined,
      detail: !v.ok
        ? v.failure.message
        : st
          ? 'verified'
          : `signed, but about another digest than ${target.digest}`,
    });
    if (kind !== 'smoke' || !st) continue;
    const parsed = SmokePredicateSchema.safeParse(st.predicate);
    if (!parsed.success) {
      checks.push({
        platform,
        check: 'smoke attestation',
        ok: false,
        detail: 'its predicate is not a smoke v1 predicate',
      });
      continue;
    }
    checks.push(...smokeChecks(platform, parsed.data, policy));
  }
  return checks;
}

/** One line per check, for the terminal. */
export function renderChecks(checks: readonly Check[]): string {
  return checks
    .map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.platform.padEnd(12)} ${c.check}: ${c.detail}`)
    .join('\n');
}

// --- the flags, shared by verify, export --verify and the verify sub-action ------------------------

/** The verify flags as given (CLI values, or the sub-action's inputs of the same names). */
export interface VerifyFlags {
  key?: string | undefined;
  'certificate-identity'?: string | undefined;
  'certificate-identity-regexp'?: string | undefined;
  'certificate-oidc-issuer'?: string | undefined;
  'certificate-github-workflow-repository'?: string | undefined;
  require?: string | undefined;
  'require-smoke'?: string | undefined;
  'require-gpu-smoke'?: boolean | undefined;
  'min-tflops'?: string | undefined;
  platform?: string | undefined;
  tlog?: boolean | undefined;
}

/** Every verify flag by name (a CLI option, and an input of the verify sub-action). */
export const VERIFY_FLAGS = [
  'key',
  'certificate-identity',
  'certificate-identity-regexp',
  'certificate-oidc-issuer',
  'certificate-github-workflow-repository',
  'require',
  'require-smoke',
  'require-gpu-smoke',
  'min-tflops',
  'platform',
  'tlog',
] as const satisfies readonly (keyof VerifyFlags)[];

/** What to verify against and what must hold, parsed from the flags. */
export interface VerifyRequest {
  identity: VerifyIdentity;
  policy: VerifyPolicy;
  /** Only this platform image of an index. */
  platform?: string;
  /** Key-signed entries are in Rekor too: check them there. */
  tlog: boolean;
}

/** How the caller names things in messages: `verify: ` + `--key`, or `` + `input "key"`. */
export interface FlagNaming {
  prefix: string;
  flag: (name: keyof VerifyFlags) => string;
}

export const cliFlagNaming = (command: string): FlagNaming => ({
  prefix: `${command}: `,
  flag: (name) => `--${name}`,
});

const given = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);

function identityFrom(values: VerifyFlags, { prefix, flag }: FlagNaming): VerifyIdentity {
  const key = given(values.key);
  const exact = given(values['certificate-identity']);
  const regexp = given(values['certificate-identity-regexp']);
  const issuer = given(values['certificate-oidc-issuer']) ?? GITHUB_ISSUER;
  const repository = given(values['certificate-github-workflow-repository']);
  if (key !== undefined && (exact ?? regexp) !== undefined)
    throw new InputError(
      `${prefix}give ${flag('key')} or ${flag('certificate-identity')} / ${flag('certificate-identity-regexp')}, not both`,
    );
  if (key !== undefined && repository !== undefined)
    throw new InputError(
      `${prefix}${flag('certificate-github-workflow-repository')} is for keyless signatures; a key has no certificate`,
    );
  if (repository !== undefined && !isOwnerRepo(repository))
    throw new InputError(
      `${prefix}${flag('certificate-github-workflow-repository')}: expected OWNER/REPO, got ${JSON.stringify(repository)}`,
    );
  if (key !== undefined) return { kind: 'key', publicKey: key };
  if (
    repository === undefined &&
    regexpProblem(regexp ?? '') === undefined &&
    acceptsSharedWorkflow(exact, regexp)
  )
    throw new InputError(
      `${prefix}${flag(exact !== undefined ? 'certificate-identity' : 'certificate-identity-regexp')} accepts the reusable workflow's signatures, which any repository that calls it can make: say whose run signed`,
      `add ${flag('certificate-github-workflow-repository')} OWNER/REPO (your repository)`,
    );
  const run = repository !== undefined ? { certificateGithubWorkflowRepository: repository } : {};
  if (exact !== undefined)
    return { kind: 'keyless', certificateIdentity: exact, certificateOidcIssuer: issuer, ...run };
  if (regexp !== undefined) {
    // Compiled now: a pattern that is none is bad input before any registry or cosign is asked.
    const problem = regexpProblem(regexp);
    if (problem !== undefined)
      throw new InputError(
        `${prefix}${flag('certificate-identity-regexp')}: ${JSON.stringify(regexp)} is not a valid regular expression (${problem})`,
        `escape ( ) [ ] { } . * + ? with a backslash to match them literally, or give the exact identity with ${flag('certificate-identity')}`,
      );
    return { kind: 'keyless', certificateIdentityRegexp: regexp, certificateOidcIssuer: issuer, ...run };
  }
  throw new InputError(
    `${prefix}no identity to verify against`,
    `give ${flag('key')} cosign.pub (key-signed), or keyless from GitHub Actions ${flag('certificate-identity-regexp')} with the signing workflow's repository ("^https://github\\.com/ml-image-action/ml-image-action/" for the reusable workflow, else "^https://github\\.com/OWNER/REPO/") and ${flag('certificate-github-workflow-repository')} OWNER/REPO`,
  );
}

function requireFrom(raw: string | undefined, { prefix, flag }: FlagNaming): AttestationKind[] {
  if (given(raw) === undefined) return ['sbom', 'provenance'];
  const items = raw!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 1 && items[0] === 'none') return [];
  const bad = items.filter((i) => !(ATTESTATION_KINDS as readonly string[]).includes(i));
  if (bad.length)
    throw new InputError(
      `${prefix}${flag('require')}: unknown attestation ${bad.join(', ')}`,
      `expected some of ${ATTESTATION_KINDS.join(', ')}, or none`,
    );
  return items as AttestationKind[];
}

function smokeFrom(raw: string | undefined, { prefix, flag }: FlagNaming): boolean {
  const v = given(raw);
  if (v === undefined) return false;
  if (v !== 'pass')
    throw new InputError(`${prefix}${flag('require-smoke')}: expected "pass", got ${JSON.stringify(raw)}`);
  return true;
}

/** The identity, policy and options of the verify flags; bad input names the flag (exit 2). */
export function parseVerifyFlags(values: VerifyFlags, naming: FlagNaming): VerifyRequest {
  const platform = given(values.platform);
  return {
    identity: identityFrom(values, naming),
    policy: {
      require: requireFrom(values.require, naming),
      requireSmokePass: smokeFrom(values['require-smoke'], naming),
      requireGpuSmoke: values['require-gpu-smoke'] === true,
      minTflops: parseMinTflops(values['min-tflops'], `${naming.prefix}${naming.flag('min-tflops')}`),
    },
    ...(platform !== undefined && { platform }),
    tlog: values.tlog === true,
  };
}

// --- verifying an image: every platform of the digest ----------------------------------------------

export interface VerifyOutcome {
  ref: string;
  checks: Check[];
  failed: Check[];
}

/**
 * Every check of a digest under a request: per platform image, the signature, each required
 * attestation and the smoke policy. A failed check is in `failed`; an unreachable registry or
 * cosign throws (EnvironmentError, exit 3).
 */
export async function verifyImage(
  deps: { docker: ImageReader; signer: Signer },
  ref: string,
  request: VerifyRequest,
  prefix = 'verify: ',
): Promise<VerifyOutcome> {
  const targets = await platformTargets(deps.docker, ref, request.platform, prefix);
  const perTarget = await mapLimit(targets, atOnce(request.identity, request.tlog), (t) =>
    verifyPlatform(deps.signer, t, request.identity, request.policy, request.tlog),
  );
  const checks = perTarget.flat();
  return { ref, checks, failed: checks.filter((c) => !c.ok) };
}

/**
 * One line naming each failed check (the CheckFailedError message); with `detail`, also why (for
 * --json, where the error object is the only output).
 */
export function failedSummary(outcome: VerifyOutcome, detail = false): string {
  const { failed, checks, ref } = outcome;
  const named = failed.map((c) => `${c.platform} ${c.check}${detail ? ` (${c.detail})` : ''}`);
  return `${failed.length} of ${checks.length} checks failed for ${ref}: ${named.join('; ')}`;
}
