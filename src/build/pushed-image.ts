// The docker driver cannot push by digest: dockerd pushes the image by its push tag, then buildx
// asks the registry what that tag names now and reports it as the image's digest
// (containerimage.digest). A run of the same repository, variant and arch on this engine pushes by
// the same tag: had it pushed in between, the digest would be its image, which this run would
// merge, smoke-test and sign as its own. The build's own image is the config dockerd's exporter
// reports (containerimage.config.digest, the image ID): the manifest at the reported digest is read
// back from the registry, its bytes checked against that digest, and must name that config. On the
// containerd image store BuildKit pushes the tag itself (buildx: DirectPush, PreferImageDigest) and
// reports what it pushed (containerimage.descriptor): that digest is the exporter's own, no read-back.
import { z } from 'zod';
import type { DockerAdapter } from '../docker/adapter.js';
import { parseImageIndex } from '../docker/buildx.js';
import { parseJsonAnswer } from '../docker/failures.js';
import { splitImageRef } from '../docker/registry.js';
import { EnvironmentError } from '../errors.js';
import { InterruptedError } from '../util/cleanup.js';
import { isDigest } from '../oci/ref.js';
import { isPlatform } from './platform-image.js';

/** A target the docker driver pushed by tag, and what buildx reported of it. */
export interface PushedByTag {
  /** The target, `variant/arch`. */
  id: string;
  /** REPOSITORY:PUSH_TAG, the tag it was pushed by. */
  pushRef: string;
  repository: string;
  /** The target's platform (`os/arch[/variant]`): the entry read where the digest is an index. */
  platform: string;
  /** containerimage.digest of buildx's metadata. */
  digest: string;
  metadata: Readonly<Record<string, unknown>>;
  /** The run's builder (--builder NAME), for buildx's reads. */
  builder?: string | undefined;
}

/** What reads the registry: over HTTP by digest, else `buildx imagetools inspect --raw` on the run's builder. */
type Reader = Pick<DockerAdapter, 'imagetoolsRaw'>;

const ManifestSchema = z.object({ config: z.object({ digest: z.string() }).optional() });

/**
 * The config digest of the image REF (`REPOSITORY@DIGEST`) names: its manifest's, or where it is an
 * index (an engine with the containerd image store may push one), the PLATFORM entry's. Undefined:
 * it names no image of PLATFORM. A registry that does not answer is exit 3: the push just worked.
 */
async function configOf(
  docker: Reader,
  p: PushedByTag,
  ref: string,
  nested = false,
): Promise<string | undefined> {
  const raw = await docker
    .imagetoolsRaw(ref, p.builder !== undefined ? { builder: p.builder } : undefined)
    .catch((e: unknown) => {
      // Stopped by SIGINT/SIGTERM: said as it is, not as a registry that could not be read.
      if (e instanceof InterruptedError) throw e;
      const what = `build ${p.id}: reading ${ref} back to check the push by tag ${p.pushRef}`;
      const fix = `check that the registry ${splitImageRef(ref).host} answers reads with this engine's login (docker buildx imagetools inspect --raw ${ref}), then run the build again`;
      const given = e instanceof EnvironmentError ? e.fix : undefined;
      throw new EnvironmentError(`${what}: ${(e as Error).message}`, given ?? fix, { cause: e });
    });
  const config = parseJsonAnswer(ManifestSchema, raw, `the manifest of ${ref}`).config?.digest;
  if (config !== undefined || nested) return config;
  const entry = parseImageIndex(raw).platforms.find((e) => isPlatform(e, p.platform));
  return entry && configOf(docker, p, `${p.repository}@${entry.digest}`, true);
}

/**
 * The docker driver on the containerd image store: the exporter pushed the image itself and its
 * descriptor is the digest reported (buildx's containerimage.descriptor), not the registry's answer
 * for the tag afterwards, so no other build's push can stand in its place.
 */
function pushedByExporter(p: PushedByTag): boolean {
  const descriptor = p.metadata['containerimage.descriptor'];
  if (typeof descriptor !== 'object' || descriptor === null) return false;
  const digest = (descriptor as { digest?: unknown }).digest;
  return typeof digest === 'string' && isDigest(digest) && digest === p.digest;
}

/**
 * Checks that the image the docker driver reported after its push by tag is this build's (see the
 * top of this file); throws exit 3 when another build's push came in between, or the registry
 * cannot be read for the check. Returns a warning when the check cannot be made (the engine
 * reported no config digest, nor pushed the image itself: buildx's report is taken as it is).
 */
export async function checkPushedByTag(docker: Reader, p: PushedByTag): Promise<string | undefined> {
  // First: the containerd store reports a config digest too, and where it pushed an index (its
  // attestations) that "config digest" is the index's own (dockerd 26 seen), no image's config.
  if (pushedByExporter(p)) return undefined;
  const expected = p.metadata['containerimage.config.digest'];
  if (typeof expected !== 'string' || !isDigest(expected))
    return `build ${p.id}: the engine reported no image config digest, so the digest ${p.digest} the registry gave for ${p.pushRef} cannot be checked to be this build's image (another build that pushed the same tag at the same time would go unnoticed)`;
  const found = await configOf(docker, p, `${p.repository}@${p.digest}`);
  if (found === expected) return undefined;
  throw new EnvironmentError(
    `build ${p.id}: another build pushed ${p.pushRef} at the same time: buildx reported ${p.digest} as this build's push, but its image is ${found ?? `no ${p.platform} image`}, not this build's ${expected}`,
    'run the build again. Runs of the same repository, variant and arch on one engine with the docker driver push by the same tag: keep them from overlapping (a concurrency group), or use a docker-container builder (docker/setup-buildx-action), which pushes by digest',
  );
}
