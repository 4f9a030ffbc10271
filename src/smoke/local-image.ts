// The image a local (not pushed) build's target runs. Its tag (src/build: localTag) is mutable and
// shared by every job on the runner: another job could re-tag it between the build and the smoke.
// So the tag is checked against what the build recorded, and the containers run the engine's
// immutable image ID. A pushed image is run by repository@digest, which cannot move.
import type { DockerAdapter, ImageDetails } from '../docker/adapter.js';
import { EnvironmentError } from '../errors.js';
import { errorMessage, firstLine, isDaemonGone } from './interrupt.js';

/** What the build recorded of a target's image (build.json): its digest and buildx's metadata. */
export interface RecordedImage {
  digest: string;
  metadata?: Readonly<Record<string, unknown>>;
}

/** The config digest buildx recorded (`containerimage.config.digest`), when it did. */
export function recordedConfigDigest(r: RecordedImage): string | undefined {
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
  return (
    d.id === r.digest ||
    d.id === recordedConfigDigest(r) ||
    d.repoDigests.some((x) => x.endsWith(`@${r.digest}`))
  );
}

const FIX =
  'another job on this runner tagged the same name after this build: give concurrent jobs their own image.name (or runners), or push the image (push: true) so that the smoke stage runs it by digest; then run the build and smoke again';

/**
 * The image ID of TAG when it still names the image the build recorded; else exit 3 naming the
 * tag, the recorded digest and what the tag names now.
 */
export async function verifiedLocalImage(
  docker: Pick<DockerAdapter, 'inspectImage'>,
  tag: string,
  platform: string,
  recorded: RecordedImage,
): Promise<string> {
  const config = recordedConfigDigest(recorded);
  const digest = `${recorded.digest}${config !== undefined && config !== recorded.digest ? ` (config ${config})` : ''}`;
  let details: ImageDetails;
  try {
    details = await docker.inspectImage(tag, platform);
  } catch (e) {
    if (isDaemonGone(e)) throw e;
    throw new EnvironmentError(
      `the local image ${tag} (${platform}) that the build recorded as ${digest} cannot be inspected: ${firstLine(errorMessage(e))}`,
      FIX,
      { cause: e },
    );
  }
  if (isRecordedImage(details, recorded)) return details.id;
  throw new EnvironmentError(
    `the local tag ${tag} no longer names the image this build made: the build recorded ${digest}, the tag now names ${details.id}${details.repoDigests.length > 0 ? ` (${details.repoDigests.join(', ')})` : ''}; the smoke stage does not test another image in its place`,
    FIX,
  );
}
