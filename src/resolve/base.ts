// The base image a resolution runs in, chosen as the build will choose it, and pinned before its
// container starts: what is cached under a key (the snapshot, a resolution, pip's cache volume)
// must come from the image that key names.
//
// What the build uses. The plan does not pin the base by digest: its BASE_IMAGE build argument is
// the reference as planned (mirrors applied), and the templates say `FROM ${BASE_IMAGE}`. So:
// - dockerd's own builder (the docker driver, buildx's default) without build.pull takes the image
//   this engine holds under the tag, when it holds one for the platform (a stale pull, a local
//   build under the same name), and pulls the registry's only when it holds none;
// - with build.pull (`--pull`), and on a builder with no access to this engine's images
//   (docker-container, kubernetes, remote drivers), the tag is resolved in the registry.
// The resolver does the same: by default the engine's own image under the tag when it holds one
// for the platform (looked at without a pull; on the containerd image store the one image under the
// tag serves every platform, as the build takes it: docker/held-platform.ts), run by its image id
// (there the index's digest, run for the platform), else the registry's; when the
// build pulls (input.pull) the registry's. The registry's image runs as REPOSITORY@DIGEST (pulled
// by digest: no local tag is moved). Its answer then holds for the base the build actually starts
// from, and a local image that is not the registry's is never cached under the registry's digest:
// it is keyed by its own image id, as content-addressed as a digest.
import type { DockerAdapter, ImageDetails } from '../docker/adapter.js';
import { servesPlatform } from '../docker/held-platform.js';
import { pinnedRef, platformManifest } from '../docker/platform-image.js';
import { engineMessage } from '../docker/failures.js';
import { EnvironmentError, InputError } from '../errors.js';
import { isDigest, parseImageRef, repositoryOf } from '../oci/ref.js';
import { InterruptedError, isInterrupted } from '../util/cleanup.js';

export interface PinnedBase {
  /** What the container runs: REPOSITORY@DIGEST, the local image id, or the reference as given. */
  ref: string;
  /**
   * What the caches are keyed by (the snapshot, a resolution, pip's cache volume): the registry
   * digest when the image that runs is the registry's, else the local image id.
   */
  key?: string;
  /** A line for the progress: the local image that runs is not the registry's. */
  note?: string;
  /**
   * A registry pin: the platform's own manifest (REPOSITORY@DIGEST), asked of the registry only
   * when a container starts (runRef). A reused resolution needs the key alone: on Docker Hub a
   * manifest GET counts as a pull against the runner's quota, a HEAD (the digest) does not.
   */
  platformRef?: () => Promise<string>;
}

/** What the resolver's container runs: the platform's own manifest of a registry pin, else ref. */
export const runRef = (pinned: PinnedBase): Promise<string> =>
  pinned.platformRef ? pinned.platformRef() : Promise.resolve(pinned.ref);

/**
 * The registry's digest of IMAGE, undefined when it does not say (the local image is then used).
 * An interrupt is not "no answer": the stage would go on to start the resolver's pull and session.
 */
const registryDigest = (docker: DockerAdapter, image: string): Promise<string | undefined> =>
  docker.imageDigest(image).then(
    (d) => (isDigest(d) ? d : undefined),
    (e: unknown) => {
      if (e instanceof InterruptedError || isInterrupted()) throw e;
      return undefined;
    },
  );

/**
 * The registry's image for the platform, pinned: the container runs the platform's own manifest
 * (REPOSITORY@sha256:<platform manifest>). Run by the index digest, the engine would take an image
 * of another platform that it holds under that digest (a pull of the index for amd64 names the
 * amd64 image by it) and refuse the run ("does not match the specified platform"). The caches stay
 * keyed by the digest of the reference (their keys name the platform too).
 */
function registryPin(docker: DockerAdapter, image: string, platform: string, digest: string): PinnedBase {
  const ref = pinnedRef(image, digest);
  const platformRef = async () => {
    const index = await docker.imagetoolsInspect(ref).catch((e: unknown) => {
      if (e instanceof InterruptedError || isInterrupted()) throw e;
      return undefined;
    });
    const own =
      index !== undefined && index.platforms.length > 0 ? platformManifest(index, platform) : undefined;
    return pinnedRef(image, own ?? digest);
  };
  return { ref, key: digest, platformRef };
}

/** Whether the engine's RepoDigests say LOCAL was pulled as the registry's DIGEST. Pure. */
const fromRegistry = (local: ImageDetails, digest: string): boolean =>
  local.repoDigests.some((r) => r.endsWith(`@${digest}`));

/**
 * The digest LOCAL was pulled as from IMAGE's own repository, where that is its ID (the containerd
 * store's list: its ID is the index digest): its RepoDigests name the repository at it. Pure.
 */
const pulledAs = (image: string, local: ImageDetails): string | undefined => {
  if (!isDigest(local.id)) return undefined;
  const repository = repositoryOf(image);
  return local.repoDigests.some((r) => r.endsWith(`@${local.id}`) && repositoryOf(r) === repository)
    ? local.id
    : undefined;
};

/**
 * The local image as pinned: run by its id, keyed by the registry digest when it is that digest's
 * image (its RepoDigests name it: pulled from there), else by its id. Pure.
 */
export function localPin(image: string, local: ImageDetails, digest: string | undefined): PinnedBase {
  if (!isDigest(local.id)) return { ref: image };
  if (digest !== undefined && fromRegistry(local, digest)) return { ref: local.id, key: digest };
  return {
    ref: local.id,
    key: local.id,
    ...(digest !== undefined && {
      note: `the image this machine holds under ${image} (${local.id.slice(0, 19)}) is not the registry's (${digest.slice(0, 19)}): resolving against the local one, which the build uses too (build.pull: true resolves and builds against the registry's)`,
    }),
  };
}

/**
 * Whether the engine takes LOCAL, its image under the tag, for PLATFORM (held-platform.ts, the
 * build's rule too): where its own platform is PLATFORM, else where the engine keeps one image for
 * every platform under a tag (its info names the containerd image store), whose inspect names the
 * host's platform whatever it holds. The info is asked only then; an engine that does not answer
 * it counts as the classic store.
 */
async function takesLocal(docker: DockerAdapter, local: ImageDetails, platform: string): Promise<boolean> {
  if (servesPlatform(local, platform, false)) return true;
  const multi = await docker.daemonFeatures().then(
    (f) => f.imageStore === 'containerd',
    () => false,
  );
  return servesPlatform(local, platform, multi);
}

/**
 * The base the build will use (see the top of this file), pinned as far as it is needed: `pull`,
 * the registry's image by digest; else, when a cache needs a key (`keyed`), the engine's own image
 * under the tag for the platform (takesLocal) by its id, or, with none here, the registry's by
 * digest; else the reference as given, which the engine runs the same way (its own image for the
 * platform, else a pull). A lookup that fails leaves the reference as given (nothing is cached under it then):
 * starting the container reports a missing image itself.
 */
export async function pinBase(
  docker: DockerAdapter,
  base: { image: string; platform: string; pull?: boolean },
  keyed: boolean,
): Promise<PinnedBase> {
  if (base.pull) {
    const digest = await registryDigest(docker, base.image);
    if (digest !== undefined) return registryPin(docker, base.image, base.platform, digest);
    // No answer from the registry: the build's pull will fail and say why; resolve what is here.
  }
  if (!keyed) return { ref: base.image };
  const [local, digest] = await Promise.all([
    docker.inspectLocalImage(base.image).catch(() => undefined),
    registryDigest(docker, base.image),
  ]);
  if (local !== undefined && (await takesLocal(docker, local, base.platform))) {
    // Taken for another platform than its own (the containerd store's index): where it is the
    // registry's list, the registry's platform manifest runs. The same index, so the same base the
    // build records; but a pull keeps only the host's platform's content, which the build fetches
    // from the registry and a run by the ID does not ("No such image").
    if (!servesPlatform(local, base.platform, false)) {
      if (digest !== undefined && fromRegistry(local, digest))
        return registryPin(docker, base.image, base.platform, digest);
      // The registry's tag has moved since the pull (it answered another digest): the local index
      // is still that repository's list by its own digest (its ID, in its RepoDigests), which the
      // build takes and records; its platform manifest is fetched from there as the build fetches
      // it. A registry that knows no such tag is not asked for it: the containerd store names a
      // tag made here in RepoDigests too (the ID under the new name), so they prove no pull.
      const pulled = digest !== undefined ? pulledAs(base.image, local) : undefined;
      if (pulled !== undefined) return registryPin(docker, base.image, base.platform, pulled);
    }
    return localPin(base.image, local, digest);
  }
  // None here for the platform: the build pulls the registry's, and so does the resolver.
  if (digest !== undefined) return registryPin(docker, base.image, base.platform, digest);
  return { ref: base.image };
}

/** What an engine's pull says when the registry refuses it: 401, 403, denied, no credentials. */
const PULL_REFUSED =
  /\b40[13]\b|unauthori[sz]ed|forbidden|\bdenied\b|authentication required|no basic auth credentials/i;

/**
 * A pull of the base that the registry refused, as an environment problem (exit 3) with the fix;
 * any other error as it is. The engine's pull (images.ts) sends no credentials: a private base
 * fails there even where the docker CLI and buildx (which send the user's) succeed, and the
 * engine reports it as a bad reference (exit 2). Pulled with the docker CLI first, the image is
 * local and the resolver pulls nothing. Likewise exit 3: the container's create by the local
 * image's ID (REF; BASE, the reference as the user wrote it) that the engine answers "No such
 * image: sha256:...": on the containerd image store the list is held, but a pull kept only the
 * host's platform's content, not PLATFORM's. Pure.
 */
export function basePullError(e: unknown, ref: string, platform: string, base = ref): unknown {
  const engine = engineMessage(e);
  if (isDigest(ref) && /^no such image: sha256:/i.test(engine))
    return new EnvironmentError(
      `cannot start the resolver's container of ${base} (the image this machine holds under it, ${ref.slice(0, 19)}) for ${platform}: ${engine}\nthe engine has no ${platform} content under that ID: on the containerd image store a pull keeps only the host's platform's (else the image was removed meanwhile)`,
      `pull that platform's content too: "docker pull --platform ${platform} ${base}" (a config's build.pull: true resolves and builds against the registry's image instead)`,
      { cause: e },
    );
  if (!(e instanceof InputError)) return e;
  const said = /^cannot pull image \S+: ([\s\S]*)$/.exec(e.message)?.[1];
  if (said === undefined || !PULL_REFUSED.test(said)) return e;
  const host = ref.startsWith('sha256:') ? 'REGISTRY' : parseImageRef(ref).registry;
  return new EnvironmentError(
    `${e.message}\nthe registry refused the pull of the base image: it needs a credential, and the resolver pulls through the Docker engine's API, which sends none`,
    `log in with a credential that may read it ("docker login ${host}"; in GitHub Actions docker/login-action) and pull it with the docker CLI, which sends that credential: "docker pull --platform ${platform} ${ref}"; the resolver then runs the local image. Some registries refuse a misspelled reference the same way: check it too`,
    { cause: e },
  );
}
