// The image a build left in the engine runs (loaded: push false, or push and load). Its tag
// (src/build: localTag) is mutable and shared by every job on the runner: another job could re-tag
// it between the build and the smoke. So the tag is checked against what the build recorded, and
// the containers run the engine's immutable image ID. An image only pushed is run by
// repository@digest, which cannot move.
import type { DockerAdapter, ImageDetails } from '../docker/adapter.js';
import { EnvironmentError } from '../errors.js';
import { errorMessage, firstLine, isDaemonGone } from './interrupt.js';

/** What the build recorded of a target's image (build.json): its digest and buildx's metadata. */
export interface RecordedImage {
  digest: string;
  /** The index the build pushed around the image (BuildKit's attestations), when it did. */
  indexDigest?: string | undefined;
  metadata?: Readonly<Record<string, unknown>>;
}

/** The config digest buildx recorded (`containerimage.config.digest`), when it did. */
function recordedConfigDigest(r: RecordedImage): string | undefined {
  const c = r.metadata?.['containerimage.config.digest'];
  return typeof c === 'string' && /^sha256:[0-9a-f]{64}$/.test(c) ? c : undefined;
}

/**
 * Whether the engine's image is the one the build recorded. Its ID is the recorded digest (the
 * docker driver's --load records the config digest, which is the classic store's image ID; the
 * containerd image store's ID is the manifest digest it records), or the recorded config digest
 * (a docker-container builder's --load records the manifest digest and the config digest), or
 * the image has a repository digest of it (pushed and loaded). Each is content-addressed.
 */
export function isRecordedImage(d: Pick<ImageDetails, 'id' | 'repoDigests'>, r: RecordedImage): boolean {
  // On the containerd image store an image loaded with its attestations is the index the build
  // pushed (its ID and repository digest), whose image build.json records.
  const digests = [r.digest, ...(r.indexDigest !== undefined ? [r.indexDigest] : [])];
  return (
    digests.includes(d.id) ||
    d.id === recordedConfigDigest(r) ||
    d.repoDigests.some((x) => digests.some((g) => x.endsWith(`@${g}`)))
  );
}

/** The tag names another image: a concurrent job re-tagged it. */
const RETAGGED_FIX =
  'another job on this runner tagged the same name after this build: give concurrent jobs their own image.name (or runners), or push the image (push: true) so that the smoke stage runs it by digest; then run the build and smoke again';

/** The engine holds no image under the tag: it was removed or pruned after the build. */
const GONE_FIX =
  'build again and run the smoke stage right after the build, with no `docker image prune`/`docker system prune` (or image removal) on this runner in between; or push the image (push: true) so that the smoke stage runs it by digest';

/**
 * The image ID of TAG when it still names the image the build recorded; else exit 3 naming the
 * tag, the recorded digest and what happened: the engine holds no image under the tag (removed or
 * pruned since the build), or the tag now names another image. The tag is only inspected, never
 * pulled: with push and load on the docker driver it is a tag other jobs push to.
 */
export async function verifiedLocalImage(
  docker: Pick<DockerAdapter, 'inspectLocalImage'>,
  tag: string,
  platform: string,
  recorded: RecordedImage,
): Promise<string> {
  const config = recordedConfigDigest(recorded);
  const digest = `${recorded.digest}${config !== undefined && config !== recorded.digest ? ` (config ${config})` : ''}`;
  let details: ImageDetails | undefined;
  try {
    details = await docker.inspectLocalImage(tag);
  } catch (e) {
    if (e instanceof EnvironmentError || isDaemonGone(e)) throw e;
    throw new EnvironmentError(
      `the local image ${tag} (${platform}) that the build recorded as ${digest} cannot be inspected: ${firstLine(errorMessage(e))}`,
      `check the engine with "docker image inspect ${tag}"; then run the build and smoke again`,
      { cause: e },
    );
  }
  if (details === undefined)
    throw new EnvironmentError(
      `the local image ${tag} (${platform}) that the build recorded as ${digest} is gone from the engine: it was removed or pruned after the build; the smoke stage does not pull the tag in its place`,
      GONE_FIX,
    );
  if (isRecordedImage(details, recorded)) return details.id;
  throw new EnvironmentError(
    `the local tag ${tag} no longer names the image this build made: the build recorded ${digest}, the tag now names ${details.id}${details.repoDigests.length > 0 ? ` (${details.repoDigests.join(', ')})` : ''}; the smoke stage does not test another image in its place`,
    RETAGGED_FIX,
  );
}
