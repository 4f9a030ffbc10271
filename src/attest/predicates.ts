// One predicate per attestation kind for one target, from what the run knows about it; or what is
// missing to make it (a build job has no environment record yet: its SBOM comes from the smoke job).
import type { EnvRecord } from '../capture/record.js';
import type { AttestationKind } from '../config/attest.js';
import type { SmokeResult } from '../smoke/result.js';
import type { Statement } from './cosign-args.js';
import { buildProvenance, type SourceRevision } from './provenance.js';
import { KIND_TYPES } from './result.js';
import { buildSbom, SBOM_INPUTS_PROPERTY, type SbomInput, sbomInputsDigest } from './sbom.js';
import { buildSmokePredicate } from './smoke-predicate.js';
import { CYCLONEDX_PREDICATE_TYPE } from './types.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface FileDigest {
  path: string;
  sha256: string;
}

export interface PredicateContext {
  variant: string;
  platform: string;
  repository: string;
  digest: string;
  tags: readonly string[];
  baseImage: { ref: string; digest?: string };
  /** The NVIDIA driver floor of a CUDA variant (the plan's minor-compatibility minimum). */
  driverFloor?: string;
  record?: EnvRecord;
  smoke?: SmokeResult;
  /**
   * Why the record or smoke result is missing when the result directory held one of another image
   * (src/attest/of-image.ts): the note in place of "no ... in this job".
   */
  notOfThisImage?: { record?: string; smoke?: string };
  /** The target's notes in attest.json (provenance naming the files as they are now, say). */
  notes?: readonly string[];
  /** ml-image.yml, the requirements files and the resolver's constraints, by digest. */
  config?: FileDigest;
  inputs: readonly FileDigest[];
  constraints?: FileDigest;
  buildDurationMs: number;
  /** The repository and commit built, from the run's git context (provenance; Actions: its variables). */
  source?: SourceRevision;
  /** When the build finished (build.json); without it (older files), the provenance takes `now`. */
  buildFinishedAt?: string;
  env: Env;
  now: Date;
  toolVersion: string;
}

export type Made = { predicate: object; predicateType: string; cosignType: string } | { missing: string };

/** The predicate of a kind, with its types. */
function made(kind: AttestationKind, predicate: object): Made {
  return { predicate, ...KIND_TYPES[kind] };
}

/** What a target's SBOM is made of. */
function sbomInput(ctx: PredicateContext, record: EnvRecord): SbomInput {
  return {
    record,
    variant: ctx.variant,
    imageRef: `${ctx.repository}@${ctx.digest}`,
    imageDigest: ctx.digest,
    platform: ctx.platform,
    baseImage: ctx.baseImage,
    driverFloor: ctx.driverFloor ?? null,
    toolVersion: ctx.toolVersion,
  };
}

/** The kinds earlierPredicate may find: only an SBOM is worth not making again. */
export const REUSABLE_KINDS: ReadonlySet<AttestationKind> = new Set(['sbom']);

/**
 * The predicate of KIND that an earlier run made for this target, from STATEMENT (which the
 * signing key signed: the caller checked), when it is the one predicateFor would make now: an SBOM
 * of this digest whose recorded inputs (sbomInputsDigest) are this target's. Undefined otherwise:
 * the provenance names this run's build, and the smoke predicate is quick to make.
 */
export function earlierPredicate(
  kind: AttestationKind,
  ctx: PredicateContext,
  statement: Statement,
): Made | undefined {
  if (kind !== 'sbom' || !ctx.record || statement.predicateType !== CYCLONEDX_PREDICATE_TYPE)
    return undefined;
  if (!statement.subject.some((s) => `sha256:${s.digest.sha256}` === ctx.digest)) return undefined;
  const predicate = statement.predicate as { metadata?: { properties?: unknown } } | null | undefined;
  const props = predicate?.metadata?.properties;
  const inputs = Array.isArray(props)
    ? (props as { name?: unknown; value?: unknown }[]).find((p) => p?.name === SBOM_INPUTS_PROPERTY)?.value
    : undefined;
  if (inputs !== sbomInputsDigest(sbomInput(ctx, ctx.record))) return undefined;
  return made('sbom', predicate as object);
}

const built = (ctx: PredicateContext) => (ctx.buildFinishedAt ? new Date(ctx.buildFinishedAt) : ctx.now);

export function predicateFor(kind: AttestationKind, ctx: PredicateContext): Made {
  const imageRef = `${ctx.repository}@${ctx.digest}`;
  switch (kind) {
    case 'sbom':
      if (!ctx.record)
        return {
          missing:
            ctx.notOfThisImage?.record ?? 'no environment record in this job (the smoke stage captures it)',
        };
      return made('sbom', buildSbom(sbomInput(ctx, ctx.record)));
    case 'provenance':
      return made(
        'provenance',
        buildProvenance({
          repository: ctx.repository,
          digest: ctx.digest,
          platform: ctx.platform,
          variant: ctx.variant,
          tags: [...ctx.tags],
          baseImage: ctx.baseImage,
          ...(ctx.config && { config: ctx.config }),
          inputs: [...ctx.inputs],
          ...(ctx.constraints && { constraints: ctx.constraints }),
          ...(ctx.source && { source: ctx.source }),
          env: ctx.env,
          // The build's own times: the attestation may come much later (after the smoke tests,
          // in another job).
          startedOn: new Date(built(ctx).getTime() - ctx.buildDurationMs),
          finishedOn: built(ctx),
          toolVersion: ctx.toolVersion,
        }),
      );
    case 'smoke':
      if (!ctx.smoke) return { missing: ctx.notOfThisImage?.smoke ?? 'no smoke result in this job' };
      return made(
        'smoke',
        buildSmokePredicate({
          smoke: ctx.smoke,
          ...(ctx.record && { record: ctx.record }),
          variant: ctx.variant,
          imageRef,
          digest: ctx.digest,
          platform: ctx.platform,
          env: ctx.env,
          toolVersion: ctx.toolVersion,
          finishedAt: ctx.now,
        }),
      );
  }
}
