// BuildResult: what the build stage hands to capture/smoke/report (and writes as build.json).
import { z } from 'zod';
import { PLATFORMS } from '../config/schema.js';
import { DIGEST_RE, imageRefProblem, repositoryProblem } from '../oci/ref.js';
import { shortName } from '../config/short-name.js';
import { eachOnce } from '../config/unique.js';
import { InputError } from '../errors.js';

/** An image reference (a tag the build pushed, a local tag, the base image), as docker reads it. */
const imageRef = z.string().refine((r) => imageRefProblem(r) === undefined, {
  error: (iss) => `not an image reference: ${imageRefProblem(String(iss.input))}`,
});

export const BUILD_RESULT_SCHEMA_VERSION = 1;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A file the build read, by the sha256 of its bytes: its path from the config's directory. */
export const FileDigestSchema = z.object({ path: z.string().min(1), sha256: z.string().regex(SHA256_HEX) });

/**
 * The files the build stage read, by digest, when it read them (what provenance names: the attest
 * stage may run later, in another job, after the files changed). The same for every target of a
 * run. Older build.json files have none: the attest stage then reads the files as they are.
 */
export const MaterialsSchema = z.object({
  /** ml-image.yml (none when the config came from inputs or flags only). */
  config: FileDigestSchema.optional(),
  /** python.requirements with their -r includes and -c files, in the order read. */
  requirements: z.array(FileDigestSchema),
});

export const PlatformBuildSchema = z.object({
  /**
   * What the build built for: one of the platforms a config and plan.json may name (the build
   * stage builds only those), so that a reader (export's node selector) never sees another. Read
   * as a string: the stage's targets carry plan.json's platforms as strings.
   */
  platform: z.string().refine((p) => (PLATFORMS as readonly string[]).includes(p), {
    error: `expected one of ${PLATFORMS.map((p) => JSON.stringify(p)).join(', ')} (a platform a build builds)`,
  }),
  /** The platform's image (where the build pushed an index with BuildKit's attestations, the image in it). */
  digest: z.string().regex(DIGEST_RE),
  /** The index the build pushed around that image and BuildKit's attestation: what the merge lists. */
  indexDigest: z.string().regex(DIGEST_RE).optional(),
  durationMs: z.number().nonnegative(),
  /** When the build finished (the provenance's finishedOn; older build.json files have none). */
  finishedAt: z.iso.datetime({ offset: true }).optional(),
  attempts: z.number().int().positive(),
  metadata: z.record(z.string(), z.unknown()),
  /**
   * Where the image is in the engine: the local tag of a load (push: false, or push and load), or
   * the docker driver's push tag (push and load). Only loaded unless `pushed` says otherwise.
   */
  localRef: imageRef.optional(),
  /**
   * The tags the loaded image carries besides localRef (a variant built for one platform is loaded
   * under its tags, as build-push-action's); absent when none (older build.json files have none).
   */
  loadedTags: z.array(imageRef).optional(),
  /**
   * Whether the build pushed the image (repository@digest is in the registry), loaded or not.
   * Older build.json files have none: pushed exactly when there is no localRef (isPushed).
   */
  pushed: z.boolean().optional(),
  /**
   * The sha256 (hex) of the resolver's constraints this target's build got; absent when it got
   * none (no resolution) or, with no `materials` in build.json, when an older version built it.
   */
  constraintsSha256: z.string().regex(SHA256_HEX).optional(),
});

export const VariantBuildSchema = z.object({
  /**
   * The config's variant name (a short name, as the config checks it): a build.json of another run
   * (a pull request's artifact) is read by export, devcontainer and the report, which put it into
   * job names, file names (env-<variant>-<arch>.json) and devcontainer.json's "name" (where the
   * devcontainer CLI expands ${localEnv:...}). Anything else is a tampered file: exit 2.
   */
  variant: shortName('a variant name'),
  repository: z.string().refine((r) => repositoryProblem(r) === undefined, {
    error: (iss) => `not a repository: ${repositoryProblem(String(iss.input))}`,
  }),
  /** Digest of the merged multi-arch manifest list; absent when not merged (merge: false, push: false). */
  digest: z.string().regex(DIGEST_RE).optional(),
  tags: z.array(imageRef),
  /**
   * Each platform once: a reader takes the first of two, another digest than the other names. At
   * least one: the build records a variant once it built all of its platforms (a job exported
   * from a variant of none could never be collected).
   */
  platforms: z
    .array(PlatformBuildSchema)
    .min(1, {
      error: 'no platform: the build records a variant with each platform it built, and this names none',
    })
    .superRefine((ps, ctx) =>
      eachOnce('platform')(
        ps.map((p) => p.platform),
        ctx,
      ),
    ),
  baseImage: imageRef,
  baseDigest: z.string().optional(),
});

export const BuildResultSchema = z.object({
  schemaVersion: z.literal(BUILD_RESULT_SCHEMA_VERSION),
  /**
   * Each variant once: export and devcontainer took the first of two without a word (the job could
   * run another digest than the other entry names), and asked to pick one of "cpu, cpu".
   */
  variants: z.array(VariantBuildSchema).superRefine((vs, ctx) =>
    eachOnce('variant')(
      vs.map((v) => v.variant),
      ctx,
    ),
  ),
  materials: MaterialsSchema.optional(),
});

export type PlatformBuild = z.infer<typeof PlatformBuildSchema>;
export type VariantBuild = z.infer<typeof VariantBuildSchema>;
export type BuildResult = z.infer<typeof BuildResultSchema>;
export type FileDigest = z.infer<typeof FileDigestSchema>;
export type Materials = z.infer<typeof MaterialsSchema>;

/**
 * Whether the build pushed P (its repository@digest is in the registry): what it recorded, else (a
 * build.json of an older version) when it left no local tag, as those versions meant it.
 */
export const isPushed = (p: Pick<PlatformBuild, 'localRef' | 'pushed'>): boolean =>
  p.pushed ?? p.localRef === undefined;

/**
 * The variant of BUILD (read from FILE, which errors name) that VARIANT (--variant) names, else
 * its only one; bad input (exit 2) otherwise. SEVERAL words a build of several variants when none
 * is named, before ": pick one with --variant" (export's and devcontainer's wordings differ).
 */
export function pickVariant(
  build: BuildResult,
  file: string,
  variant: string | undefined,
  several: (count: number, names: string) => string,
): VariantBuild {
  const names = build.variants.map((v) => v.variant).join(', ') || '(none)';
  if (variant !== undefined) {
    const v = build.variants.find((x) => x.variant === variant);
    // The name is quoted as collect quotes it: a name holding a quote or a space stays one name.
    if (!v)
      throw new InputError(`--variant: no variant ${JSON.stringify(variant)} in ${file}; it has ${names}`);
    return v;
  }
  if (build.variants.length !== 1)
    throw new InputError(`${several(build.variants.length, names)}: pick one with --variant`);
  return build.variants[0]!;
}

/**
 * V's image pinned by digest (REPOSITORY@sha256:...) and the platforms it holds: the merged
 * manifest list's, else the pushed digest of a variant of one platform; undefined otherwise
 * (several platforms not merged have no digest that serves them all, even where one was pushed).
 */
export function pinnedImage(v: VariantBuild): { image: string; platforms: string[] } | undefined {
  if (v.digest !== undefined)
    return { image: `${v.repository}@${v.digest}`, platforms: v.platforms.map((p) => p.platform) };
  const only = v.platforms.length === 1 ? v.platforms[0]! : undefined;
  return only !== undefined && isPushed(only)
    ? { image: `${v.repository}@${only.digest}`, platforms: [only.platform] }
    : undefined;
}
