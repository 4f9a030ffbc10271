// `ml-image verify IMAGE@DIGEST`: the image's signature and its attestations, per platform, checked
// with cosign against a key or a keyless identity, then the policy on what they say (the smoke
// verdict, GPU smoke, throughput floors). The checks are pure over what cosign verified; cosign sits
// behind the Signer interface.
import type { AttestationKind } from '../config/attest.js';
import { InputError } from '../errors.js';
import type { Signer, Statement, VerifyIdentity } from './cosign.js';
import { KIND_TYPES } from './predicates.js';
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

/** "bf16=600,fp32=40" -> { bf16: 600, fp32: 40 }; bad input names the flag and the item. */
export function parseMinTflops(raw: string | undefined, flag = '--min-tflops'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([a-z0-9]+)=(\d+(?:\.\d+)?)$/i.exec(item);
    if (!m) throw new InputError(`${flag}: expected DTYPE=TFLOPS like bf16=600, got ${JSON.stringify(item)}`);
    out[m[1]!.toLowerCase()] = Number(m[2]);
  }
  return out;
}

/** The kinds whose attestation must exist under a policy: the required ones, and smoke when asked about. */
export function requiredKinds(policy: VerifyPolicy): AttestationKind[] {
  const asksSmoke =
    policy.requireSmokePass || policy.requireGpuSmoke || Object.keys(policy.minTflops).length > 0;
  return [...new Set<AttestationKind>([...policy.require, ...(asksSmoke ? (['smoke'] as const) : [])])];
}

/** The best value of a metric over every test (several tests may measure it). */
function bestMetric(p: SmokePredicate, name: string): number | undefined {
  const values = p.tests.map((t) => t.metrics[name]).filter((v): v is number => typeof v === 'number');
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
      detail: v === undefined ? `no ${dtype}_tflops was measured` : `measured ${v}`,
    });
  }
  return checks;
}

/** The statement of a kind that is about this digest (cosign checks the signature, this the subject). */
function aboutDigest(statements: readonly Statement[], digest: string): Statement | undefined {
  const hex = digest.replace(/^sha256:/, '');
  return statements.find((s) => s.subject.some((x) => x.digest.sha256 === hex));
}

/** Verify one platform image: signature, each required attestation, then the smoke policy. */
export async function verifyPlatform(
  signer: Signer,
  target: { platform: string; ref: string; digest: string },
  identity: VerifyIdentity,
  policy: VerifyPolicy,
): Promise<Check[]> {
  const { platform, ref } = target;
  const sig = await signer.verify(ref, identity);
  const checks: Check[] = [
    {
      platform,
      check: 'signature',
      ok: sig.ok,
      detail: sig.ok ? `${sig.items.length} verified` : sig.failure.message,
    },
  ];
  for (const kind of requiredKinds(policy)) {
    const v = await signer.verifyAttestations(ref, KIND_TYPES[kind].cosignType, identity);
    const st = v.ok ? aboutDigest(v.items, target.digest) : undefined;
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
