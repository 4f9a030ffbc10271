// How a failed pull reads to the user (ensureImage, images.ts): the engine's message, in its HTTP
// answer or as an error line of its progress stream, sorted into bad input (exit 2) and an
// environment problem (exit 3), each with its fix. Pure.
import { z } from 'zod';
import { EnvironmentError, InputError, type MlImageError } from '../errors.js';
import {
  REGISTRY_FAILING,
  REGISTRY_FAILING_FIX,
  REGISTRY_FIX,
  REGISTRY_INTERRUPTED,
  REGISTRY_UNREACHABLE,
} from './failures.js';

/** What this tool reads of a line of the engine's pull progress: an error, when it reports one. */
const PullProgressSchema = z.object({
  error: z.string().optional(),
  errorDetail: z.object({ message: z.string().optional() }).nullable().optional(),
});

/** The first error the pull's progress lines report (the engine's answer is 200 all the same). */
export function progressError(lines: readonly unknown[]): string | undefined {
  for (const line of lines) {
    const parsed = PullProgressSchema.safeParse(line);
    if (!parsed.success) continue;
    const message = parsed.data.errorDetail?.message ?? parsed.data.error;
    if (message !== undefined && message.trim() !== '') return message.trim();
  }
  return undefined;
}

/**
 * What the engine says when the image has no variant for the platform: a manifest list without it
 * (20.10: "no matching manifest for linux/arm64 in the manifest list entries"), a single-platform
 * image of another ("was found but does not match the specified platform"), the containerd image
 * store's "no match for platform in manifest" and "does not provide the specified platform".
 */
const PLATFORM_MISSING =
  /no matching manifest for|no match for platform|does not match the specified platform|does not provide the specified platform|cannot be used on this platform/i;
/** What a registry or the engine says of an image, tag or repository it does not hold. */
const IMAGE_MISSING = /manifest unknown|name unknown|not found|repository does not exist/i;
const INVALID_REFERENCE = /invalid reference format/i;
/**
 * dockerd's classic image store keeps one image per REPOSITORY@DIGEST: an index digest pulled for
 * one platform names that platform's image, and a pull of it for another is refused (20.10:
 * "Cannot overwrite digest sha256:...", plain `docker pull --platform` too).
 */
const DIGEST_HELD = /cannot overwrite digest/i;

/**
 * The engine holds another platform's image under the index digest IMAGE names: the fix is the
 * platform's own manifest by digest (what `imagetools inspect` lists), or that image removed first.
 */
function digestHeld(quoted: string, image: string, cause: unknown): EnvironmentError {
  const at = image.lastIndexOf('@');
  const repository = at < 0 ? image : image.slice(0, at);
  return new EnvironmentError(
    `${quoted}: the engine holds another platform's image under this digest, and keeps one image per digest reference`,
    `run the platform's own image: "docker buildx imagetools inspect ${image}" lists each platform's digest, pass ${repository}@<that digest>; or remove the local one first: "docker rmi ${image}"`,
    { cause },
  );
}

/**
 * The image has no variant for PLATFORM: HAS is the one it has when known (else how to see them),
 * DETAIL the engine's words.
 */
export function platformMissing(
  image: string,
  platform: string | undefined,
  known: { has?: string; detail?: string; cause?: unknown },
): InputError {
  const wanted = platform ?? "the engine's platform";
  const what = known.has ? `: it is ${known.has} only` : known.detail ? ` (${known.detail})` : '';
  const see = known.has ? '' : `; see which platforms it has: "docker buildx imagetools inspect ${image}"`;
  return new InputError(
    `image ${image} has no variant for ${wanted}${what}`,
    `use an image that has one, or another platform (--platform, or platforms in the config)${see}`,
    { cause: known.cause },
  );
}

/**
 * A failed pull of IMAGE by the engine's message (its HTTP answer's, or its progress stream's
 * error line): a platform or image the registry lacks and a malformed reference are bad input
 * (exit 2), as is a refusal otherwise unknown ("cannot pull image REF: ...": resolve/base.ts reads a
 * registry's refusal of a private base there); a registry out of reach, failing or cut off partway,
 * and an engine that holds another platform's image under the digest, are exit 3.
 */
export function pullFailure(
  image: string,
  platform: string | undefined,
  message: string,
  cause?: unknown,
): MlImageError {
  const quoted = `cannot pull image ${image}: ${message}${platform ? ` (for ${platform})` : ''}`;
  if (PLATFORM_MISSING.test(message)) return platformMissing(image, platform, { detail: message, cause });
  if (DIGEST_HELD.test(message)) return digestHeld(quoted, image, cause);
  if (INVALID_REFERENCE.test(message))
    return new InputError(
      `invalid image reference "${image}": ${message}`,
      'write it as [HOST[:PORT]/]NAME[:TAG][@DIGEST], the name in lowercase',
      { cause },
    );
  if (REGISTRY_UNREACHABLE.test(message))
    return new EnvironmentError(`${quoted}: the registry is unreachable`, REGISTRY_FIX, { cause });
  if (REGISTRY_INTERRUPTED.test(message) || REGISTRY_FAILING.test(message))
    return new EnvironmentError(`${quoted}: the registry failed during the pull`, REGISTRY_FAILING_FIX, {
      cause,
    });
  if (IMAGE_MISSING.test(message))
    return new InputError(
      quoted,
      `check the image's name and tag, and that it was pushed; see what the registry holds under it with "docker buildx imagetools inspect ${image}"`,
      { cause },
    );
  return new InputError(quoted, 'check the image reference and that it exists', { cause });
}
