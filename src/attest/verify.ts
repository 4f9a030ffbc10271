// `ml-image verify IMAGE@DIGEST`: the image's signature and its attestations, per platform, checked
// with cosign against a key or a keyless identity, then the policy on what they say (the smoke
// verdict, GPU smoke, throughput floors). The checks are pure over what cosign verified; cosign sits
// behind the Signer interface. The flags are parsed once for every caller in verify-flags.ts. When
// cosign refuses a certificate for a pinned workflow claim (--certificate-github-workflow-ref, ...),
// the check says what the certificate holds (workflow-claims.ts), read from the registry.
import type { AttestationKind } from '../config/attest.js';
import type {
  CheckFailure,
  Signer,
  Statement,
  Verification,
  VerifiedSignature,
  VerifyIdentity,
} from './cosign.js';
import { mapLimit } from '../util/map-limit.js';
import { parsedOrNone } from '../util/parse-input.js';
import { DIGEST_RE } from '../oci/ref.js';
import { printable } from '../util/text.js';
import type { VerifyFlags, VerifyPolicy, VerifyRequest } from './verify-flags.js';
import { identityMatcher } from './verify-inputs.js';
import type { CertificateReader } from './verify-certificates.js';
import { type ImageReader, platformTargets, type VerifyTarget } from './verify-targets.js';
import { platformMismatch } from './verify-platform.js';
import { deadlineError, VerifyDeadline } from './verify-deadline.js';
import { splitImageRef } from '../docker/registry.js';
import { KIND_TYPES } from './result.js';
import { type SmokePredicate, SmokePredicateSchema, smokeContradictions } from './smoke-predicate.js';
import { explainRefusal, refusedClaim } from './workflow-claims.js';
import { confirmingChecks } from './verify-layers.js';

export { VerifyDeadline } from './verify-deadline.js';
export {
  cliFlagNaming,
  type FlagNaming,
  parseMinTflops,
  parseVerifyFlags,
  VERIFY_FLAGS,
  type VerifyFlags,
  type VerifyPolicy,
  type VerifyRequest,
} from './verify-flags.js';

export interface Check {
  platform: string;
  check: string;
  ok: boolean;
  detail: string;
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
  // One pass, not Math.max(...values): some 150,000 such tests in a predicate are past the stack.
  let best: number | undefined;
  for (const t of p.tests) {
    const v = t.metrics.gpu !== undefined ? t.metrics[name] : undefined;
    if (typeof v === 'number' && (best === undefined || v > best)) best = v;
  }
  return best;
}

/** What the smoke attestation must say, per the policy (pure). */
export function smokeChecks(platform: string, p: SmokePredicate, policy: VerifyPolicy): Check[] {
  const checks: Check[] = [];
  const s = p.summary;
  if (policy.requireSmokePass) {
    // A signed "pass" that its own counts or tests contradict is no pass (smokeContradictions).
    const contradictions = smokeContradictions(p);
    // A run whose every test skipped (torch not importable skips the suites that need it) or that
    // ran none passed nothing: no pass.
    const ranNone = s.pass === 0 && s.fail === 0;
    checks.push({
      platform,
      check: 'smoke pass',
      ok: p.verdict === 'pass' && contradictions.length === 0 && !ranNone,
      detail: `${s.pass} passed, ${s.fail} failed, ${s.skip} skipped${
        p.verdict === 'fail'
          ? `: failed ${p.tests
              .filter((t) => t.status === 'fail')
              .map((t) => t.id)
              .join(', ')}`
          : ''
      }${ranNone ? ': no test passed (every one skipped, or none ran)' : ''}${contradictions.length > 0 ? `; the predicate contradicts itself: ${contradictions.join('; ')}` : ''}`,
    });
  }
  if (policy.requireGpuSmoke) {
    const gpu = p.tests.filter((t) => t.suite === 'gpu');
    const ok = p.gpus.devices.length > 0 && gpu.length > 0 && gpu.every((t) => t.status === 'pass');
    // A GPU named "" is one CUDA counted that nothing named (an image without nvidia-smi).
    const unnamed = p.gpus.devices.filter((d) => d.name === '').length;
    const names = [
      ...new Set(p.gpus.devices.filter((d) => d.name !== '').map((d) => d.name)),
      ...(unnamed > 0
        ? [`${unnamed} GPU${unnamed === 1 ? '' : 's'} not named (no nvidia-smi in the image)`]
        : []),
    ].join(', ');
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
// the Sigstore cache they share, the run's own TUF_ROOT: cosign-env.ts); others side by side.
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
  // Read loosely: a newer run whose predicate the schema refuses (a newer writer's, an extra field)
  // still is the newest, and then fails its check, rather than leave an older pass to decide. One
  // whose time cannot be read at all is taken as the newest so (fail closed).
  const time = (s: Statement) => {
    const p: unknown = s.predicate;
    const at: unknown = typeof p === 'object' && p !== null ? Reflect.get(p, 'finishedAt') : undefined;
    const t = typeof at === 'string' ? Date.parse(at) : Number.NaN;
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  return about.reduce((newest, s) => (time(s) > time(newest) ? s : newest));
}

/** A failed check's detail: cosign's message, or more (see claimExplainer). */
type Explain = (failure: CheckFailure) => Promise<string>;

/**
 * The detail of a failure: where cosign refused the certificate for a pinned workflow claim, the
 * flag (named by FLAG), its value and what the certificates of the .sig/.att tag that name the
 * identity hold (read by CERTIFICATES; when they cannot be read, only that it is another value or
 * none), then cosign's message. cosign decides; this only says why.
 */
function claimExplainer(
  identity: VerifyIdentity,
  certificates: CertificateReader | undefined,
  flag: (name: keyof VerifyFlags) => string,
): Explain {
  return async (failure) => {
    if (identity.kind !== 'keyless' || failure.reason !== 'invalid' || !refusedClaim(failure.message))
      return failure.message;
    const tag = failure.what === 'signature' ? 'sig' : 'att';
    const pems = await certificates?.(failure.ref, tag).catch(() => undefined);
    const why = explainRefusal(failure.message, identity, identityMatcher(identity), pems, flag);
    return why === undefined ? failure.message : `${why} (${failure.message})`;
  };
}

/**
 * Verify one platform image: signature, each required attestation (about its digest and, where
 * the registry lists its platform, signed for that platform), then the smoke policy.
 */
async function verifyPlatform(
  signer: Pick<Signer, 'verify' | 'verifyAttestations'>,
  target: VerifyTarget,
  identity: VerifyIdentity,
  policy: VerifyPolicy,
  tlog = false,
  explain: Explain = async (f) => f.message,
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
      detail: sig.ok ? `${sig.items.length} verified` : await explain(sig.failure),
    },
  ];
  for (const [i, kind] of kinds.entries()) {
    const v = verified[i]!;
    const st = v.ok ? aboutDigest(kind, v.items, target.digest) : undefined;
    // Signed for another platform than the (unsigned) index lists: verify-platform.ts.
    const elsewhere = st && platformMismatch(target, kind, st.predicate);
    checks.push({
      platform,
      check: `${kind} attestation`,
      ok: st !== undefined && elsewhere === undefined,
      detail: !v.ok
        ? await explain(v.failure)
        : st
          ? (elsewhere ?? 'verified')
          : `signed, but about another digest than ${target.digest}`,
    });
    if (kind !== 'smoke' || !st) continue;
    const parsed = parsedOrNone(SmokePredicateSchema, st.predicate);
    if (!parsed) {
      checks.push({
        platform,
        check: 'smoke attestation',
        ok: false,
        detail: 'its predicate is not a smoke v1 predicate',
      });
      continue;
    }
    checks.push(...smokeChecks(platform, parsed, policy));
  }
  return checks;
}

/**
 * One line per check, for the terminal. A detail may quote what a signed predicate holds (a GPU's
 * name as the image's nvidia-smi gave it) or a registry's answer: escaped (printable), it draws
 * nothing over the lines and clipboard of whoever runs the gate.
 */
export function renderChecks(checks: readonly Check[]): string {
  return checks
    .map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.platform.padEnd(12)} ${c.check}: ${printable(c.detail)}`)
    .join('\n');
}

// --- verifying an image: every platform of the digest ----------------------------------------------

export interface VerifyOutcome {
  ref: string;
  checks: Check[];
  failed: Check[];
}

/** The registry host of REF (REF itself when it is none: a bad reference is reported elsewhere). */
function hostOf(ref: string): string {
  try {
    return splitImageRef(ref).host;
  } catch {
    return ref;
  }
}

/** What verifyImage reads with: the index, the signer's checks, a refused certificate's claims. */
interface VerifyDeps {
  docker: ImageReader;
  signer: Pick<Signer, 'verify' | 'verifyAttestations'>;
  certificates?: CertificateReader | undefined;
  /** The deadline whose signal DOCKER and SIGNER were made with (default: the request's, new). */
  deadline?: VerifyDeadline | undefined;
}

/**
 * DEPS whose every call is noted as a wait on the deadline (what the deadline's error names) and
 * gets its signal where the call takes one (the image reader's). A call that fails stops the
 * others at once (the deadline's signal), and the verify ends with its error. An attestation a
 * check found missing is looked for with the certificate reader's probe, within the check's wait
 * (verify-layers.ts).
 */
function tracked(deps: VerifyDeps, deadline: VerifyDeadline): Omit<VerifyDeps, 'deadline'> {
  const { signal } = deadline;
  const wait = <T>(ref: string, what: string, work: () => Promise<T>, optional = false) =>
    deadline.wait(hostOf(ref), what, work, optional);
  const { docker, certificates } = deps;
  const signer = confirmingChecks(deps.signer, certificates?.attestations);
  return {
    docker: {
      imagetoolsInspect: (ref) =>
        wait(ref, `the image index ${ref}`, () => docker.imagetoolsInspect(ref, { signal })),
      imagePlatform: (ref) =>
        wait(ref, `the image config of ${ref}`, () => docker.imagePlatform(ref, { signal })),
    },
    signer: {
      verify: (ref, identity, o) =>
        wait(ref, `the signature of ${ref}`, () => signer.verify(ref, identity, o)),
      verifyAttestations: (ref, type, identity, o) =>
        wait(ref, `the ${type} attestation of ${ref}`, () =>
          signer.verifyAttestations(ref, type, identity, o),
        ),
    },
    certificates:
      certificates &&
      // Optional: a failed read leaves the check's detail cosign's message (claimExplainer).
      ((ref, tag) =>
        wait(ref, `the certificates on the .${tag} tag of ${ref}`, () => certificates(ref, tag), true)),
  };
}

/**
 * An index entry named by a digest no signature can name (sha512, upper-case hex): what the
 * registry holds, not the user's input, so a failed check rather than bad input.
 */
const unpinnable = (t: VerifyTarget): Check => ({
  platform: t.platform,
  check: 'image',
  ok: false,
  detail: `the index lists it as ${printable(t.digest)}, not a sha256 digest of 64 lowercase hex digits: nothing signed names it (signatures and attestations name sha256 digests)`,
});

/**
 * An index entry that is an index itself: containerd walks into it and pulls an image it lists, so
 * a signature on the entry's own digest vouches for none of them. What the registry holds (a failed
 * check, as the unpinnable entry above), never followed: this tool's merge lists images only.
 */
const nestedIndex = (t: VerifyTarget): Check => ({
  platform: t.platform,
  check: 'image',
  ok: false,
  detail: `the index lists ${printable(t.digest)} as an image index, not an image: a runtime such as containerd pulls an image listed inside it, which no signature on that index vouches for (push an index that lists the platform images themselves: docker buildx imagetools create lists the images of the indexes it is given)`,
});

/**
 * Every check of a digest under a request: per platform image, the signature, each required
 * attestation and the smoke policy; with a platform the image does not have, a failed "image"
 * check naming the platforms it has. A failed check is in `failed`; an unreachable registry or
 * cosign throws (EnvironmentError, exit 3: the first such error, the calls still under way then
 * stopped by the deadline's signal), and so does the request's deadline passing (naming what it
 * waited for and the registry; the calls under way get its signal). CERTIFICATES reads
 * what a refused certificate holds; FLAG names a flag in a check's detail (the sub-action names
 * its inputs).
 */
export async function verifyImage(
  deps: VerifyDeps,
  ref: string,
  request: VerifyRequest,
  prefix = 'verify: ',
  flag: (name: keyof VerifyFlags) => string = (name) => `--${name}`,
): Promise<VerifyOutcome> {
  const deadline = deps.deadline ?? new VerifyDeadline(request.timeoutSeconds);
  const { docker, signer, certificates } = tracked(deps, deadline);
  const work = async () => {
    const { targets, missing } = await platformTargets(docker, ref, request.platform, prefix);
    const explain = claimExplainer(request.identity, certificates, flag);
    const perTarget = await mapLimit(targets, atOnce(request.identity, request.tlog), (t) =>
      t.index
        ? Promise.resolve([nestedIndex(t)])
        : DIGEST_RE.test(t.digest)
          ? verifyPlatform(signer, t, request.identity, request.policy, request.tlog, explain)
          : Promise.resolve([unpinnable(t)]),
    );
    // The platform asked for, not in the image: a failed check (the registry told), not bad input.
    const absent: Check[] =
      missing === undefined
        ? []
        : [{ platform: request.platform!, check: 'image', ok: false, detail: missing }];
    const checks = [...absent, ...perTarget.flat()];
    return { ref, checks, failed: checks.filter((c) => !c.ok) };
  };
  const cosign = request.identity.kind === 'keyless' || request.tlog;
  return deadline.within(work(), (oldest) =>
    deadlineError(deadline, oldest, hostOf(ref), { prefix, flag: flag('timeout'), cosign }),
  );
}

/** One line naming each failed check (the CheckFailedError message; --json lists why per check). */
export function failedSummary(outcome: VerifyOutcome): string {
  const { failed, checks, ref } = outcome;
  const named = failed.map((c) => `${c.platform} ${c.check}`);
  return `${failed.length} of ${checks.length} checks failed for ${ref}: ${named.join('; ')}`;
}
