// The base image's digest a build records (the labels org.opencontainers.image.base.digest and
// io.github.ml-image-action.base-digest, build.json's baseDigest, and from there the signed
// provenance's resolvedDependencies and the SBOM): the digest of the image the build starts from,
// which is not always the registry's.
//
// The plan does not pin the base (BASE_IMAGE is the reference as planned; the templates say
// `FROM ${BASE_IMAGE}`), so which image a build starts from depends on the builder, as the resolver
// reads it too (src/resolve/base.ts): dockerd's own builder (the docker driver) without build.pull
// takes the image this engine holds under the tag for the platform (a stale pull, a local build
// under the same name) and pulls only when it holds none; with build.pull, and on any other driver
// (its own image store), the tag is resolved in the registry. Recorded here: the registry's digest
// where the registry's image is what the build starts from; else the local image's own registry
// digest (its RepoDigests entry for the repository: the index it was pulled as), with a warning
// that it is not the registry's; none (the labels set empty) where no registry digest names it.
//
// Pinning BASE_IMAGE to REPOSITORY@DIGEST instead would make `build.pull: false` build from the
// registry's image too, unlike the resolver (which resolved against the local one) and unlike a
// local base that was never pushed (which would no longer build at all): the record follows the
// build, not the other way round. The engine's tag can move while the stage runs (another job's
// `docker pull` or build on this engine): after each target that took the local image, the tag is
// read again (checkBaseHeld), and an image other than the one recorded is exit 3.
//
// The classic store keeps one platform's image under a tag, the containerd image store one image for
// every platform (a multi-platform index whose ID is its own digest): docker/held-platform.ts
// servesPlatform, the rule the resolver follows too. There the recorded digest is the index's, as a
// registry list records the list's digest.
import type { DockerAdapter, ImageDetails } from '../docker/adapter.js';
import { servesPlatform } from '../docker/held-platform.js';
import { EnvironmentError } from '../errors.js';
import { DOCKER_HUB, isDigest, parseImageRef } from '../oci/ref.js';

/** One variant's base: its reference and the platforms this run builds of it. */
export interface BaseOf {
  ref: string;
  platforms: readonly string[];
}

/** What the build records of a base, and the warning the progress shows once per base. */
interface BaseRecord {
  digest?: string;
  warning?: string;
  /**
   * The ID of the engine's image under the tag, where the build takes it (the docker driver without
   * build.pull, an image of a platform built): checked again after each build (checkBaseHeld).
   */
  localId?: string;
}

/** REGISTRY/PATH of a reference, Docker Hub however spelled: pure. */
function repositoryKey(ref: string): string {
  const r = parseImageRef(ref);
  return `${DOCKER_HUB.has(r.registry) ? 'docker.io' : r.registry}/${r.path}`;
}

/**
 * The registry digests the engine knows the local image by, in REF's repository; on the containerd
 * image store (MULTI), with none, its ID: there the digest of its index or manifest. Pure.
 */
function ownDigests(ref: string, local: ImageDetails, multi: boolean): string[] {
  const repository = repositoryKey(ref);
  const own = local.repoDigests.flatMap((r) => {
    const at = r.lastIndexOf('@');
    const digest = r.slice(at + 1);
    return at > 0 && isDigest(digest) && repositoryKey(r.slice(0, at)) === repository ? [digest] : [];
  });
  return own.length === 0 && multi && isDigest(local.id) ? [local.id] : own;
}

/**
 * The digest a docker-driver build without build.pull starts from (see the top of this file):
 * REGISTRY (the registry's answer, undefined when it gave none) unless LOCAL, the engine's image
 * under the tag, is what it takes for one of PLATFORMS. A local image that is not the registry's
 * is recorded by its own registry digest when every platform built takes it; else (a local build
 * no registry digest names, or other platforms that are pulled) nothing is recorded. MULTI: the
 * engine keeps several platforms under one tag (the containerd image store), so the local image is
 * taken for every platform and its index's digest is its own. Pure.
 */
export function builtBase(
  base: BaseOf,
  registry: string | undefined,
  local: ImageDetails | undefined,
  multi = false,
): BaseRecord {
  const registryOnly = registry !== undefined ? { digest: registry } : {};
  if (parseImageRef(base.ref).digest !== undefined) return registryOnly;
  if (local === undefined || !base.platforms.some((p) => servesPlatform(local, p, multi)))
    return registryOnly;
  const own = ownDigests(base.ref, local, multi);
  if (registry !== undefined && own.includes(registry)) return registryOnly;
  const every = base.platforms.every((p) => servesPlatform(local, p, multi));
  const digest = every ? own[0] : undefined;
  // The registry gave no answer (already warned): what the engine holds is all there is to go by.
  if (registry === undefined) return digest !== undefined ? { digest } : {};
  const why =
    digest !== undefined
      ? `so the build records its digest ${digest}`
      : own.length === 0
        ? 'which no registry digest names (built or tagged on this machine), so the build records no base digest'
        : "while its other platforms are pulled, so the build records no base digest (none names every platform's base)";
  return {
    ...(digest !== undefined && { digest }),
    warning: `the image this machine holds under ${base.ref} (${local.id.slice(0, 19)}) is not the registry's (${registry.slice(0, 19)}): dockerd's own builder (the docker driver, build.pull false) builds from the local one, ${why}; build.pull: true builds from the registry's, and "docker pull ${base.ref}" refreshes the local one`,
  };
}

/** How the builder takes a base: the engine's image under the tag first, and from which store. */
interface BaseTaking {
  /** The docker driver without build.pull: the engine's image under the tag when it holds one. */
  localFirst: boolean;
  /** The engine keeps several platforms under one tag (the containerd image store). */
  multiPlatform?: boolean;
}

/**
 * How the build takes its bases (FACTS: the builder's; PULL: build.pull). dockerd's own builder
 * (the docker driver) without build.pull starts from the engine's image under the tag. Its store:
 * as buildx tells it where it does (the worker's snapshotter label, containerdStore), else as the
 * engine's info names it (an older buildx or BuildKit prints no such label; the docker driver's
 * engine is the one this adapter talks to, DOCKER_HOST's), as the resolver asks it
 * (src/resolve/base.ts); an engine that does not answer counts as the classic store.
 */
export async function baseTaking(
  docker: Pick<DockerAdapter, 'daemonFeatures'>,
  facts: { driver: string; containerdStore?: boolean },
  pull: boolean,
): Promise<BaseTaking> {
  const localFirst = facts.driver === 'docker' && !pull;
  if (!localFirst) return { localFirst };
  const multiPlatform =
    facts.containerdStore ??
    (await docker.daemonFeatures().then(
      (f) => f.imageStore === 'containerd',
      () => false,
    ));
  return { localFirst, multiPlatform };
}

/**
 * Each variant's recorded base digest (BASES in order), with the local image's ID where the build
 * takes it: one registry lookup per distinct reference, started at once; the engine's own image is
 * looked at only where TAKING says the build takes it (the docker driver without build.pull),
 * once known. A lookup that fails is a warning, and the digest unknown (the labels set empty); a
 * local image that cannot be inspected counts as none.
 */
export async function recordedBases(
  docker: Pick<DockerAdapter, 'imageDigest' | 'inspectLocalImage'>,
  bases: readonly BaseOf[],
  taking: Promise<BaseTaking>,
  warn: (line: string) => void,
): Promise<Pick<BaseRecord, 'digest' | 'localId'>[]> {
  const registry = new Map<string, Promise<string | undefined>>();
  for (const { ref } of bases)
    if (!registry.has(ref))
      registry.set(
        ref,
        docker.imageDigest(ref).catch((e: Error) => {
          warn(`could not resolve the digest of ${ref}: ${e.message.split('\n')[0]}`);
          return undefined;
        }),
      );
  const local = new Map<string, Promise<ImageDetails | undefined>>();
  const localOf = (ref: string) => {
    if (!local.has(ref))
      local.set(
        ref,
        docker.inspectLocalImage(ref).catch(() => undefined),
      );
    return local.get(ref)!;
  };
  const { localFirst, multiPlatform: multi = false } = await taking.catch((): BaseTaking => ({
    localFirst: false,
  }));
  const records = await Promise.all(
    bases.map(async (b) => {
      const held = localFirst ? await localOf(b.ref) : undefined;
      const r = builtBase(b, await registry.get(b.ref)!, held, multi);
      const taken =
        held && !parseImageRef(b.ref).digest && b.platforms.some((p) => servesPlatform(held, p, multi));
      return taken ? { ...r, localId: held.id } : r;
    }),
  );
  for (const w of new Set(records.flatMap((r) => r.warning ?? []))) warn(w);
  return records.map((r) => ({
    ...(r.digest !== undefined && { digest: r.digest }),
    ...(r.localId !== undefined && { localId: r.localId }),
  }));
}

/**
 * After a target's build that took the engine's image under REF (recordedBases' localId): the
 * record names that image, so REF must name it still. Another job's `docker pull` or build of REF
 * in between may have given the build another one (exit 3: the record may be wrong); an engine that
 * does not answer leaves it unchecked (a warning).
 */
export async function checkBaseHeld(
  docker: Pick<DockerAdapter, 'inspectLocalImage'>,
  ref: string,
  localId: string,
  target: string,
): Promise<string | undefined> {
  let now: ImageDetails | undefined;
  try {
    now = await docker.inspectLocalImage(ref);
  } catch (e) {
    return `build ${target}: could not check that this machine still holds ${localId} under ${ref}, the base image whose digest the build records (${(e as Error).message.split('\n')[0]})`;
  }
  if (now?.id === localId) return undefined;
  throw new EnvironmentError(
    `build ${target}: the image this machine holds under ${ref} changed while the build ran (${localId} when its digest was recorded, ${now?.id ?? 'none'} after the build): another job pulled, built, tagged or removed it, so the base digest recorded (the labels, build.json, the provenance) may not name the image the build started from`,
    "run the build again, and keep jobs that pull or build this base image on this machine from overlapping with it; build.pull: true builds from the registry's image whatever this machine holds",
  );
}
