// A push the target registry refused for a reason no login changes: its repository does not exist
// (404 "name unknown": ECR, Harbor, Quay and Artifactory create none on a push) or a layer is larger
// than it, or a proxy in front of it, accepts (413). Both are the environment's (exit 3) with the
// registry named, never "fix the Dockerfile" (exit 1): the build itself succeeded.
import { RUN_STEP_FAILED } from '../docker/failures.js';
import { EnvironmentError } from '../errors.js';
import { DOCKER_HUB, parseImageRef } from '../oci/ref.js';

/** A log's end at a push: the docker-container driver's, the docker driver's, imagetools create's. */
const PUSH_STEP =
  /failed to push|exporting to image|pushing layers?\b|pushing manifest|pushing \S+ with docker|(?:PUT|POST|PATCH) request to/i;

/** The image pushed: "failed to push REF: ..." (buildx), "pushing REF with docker" (docker driver). */
const PUSHED_REF = /failed to push ([^\s,]+?)(?=:\s|,|\s|$)|pushing (\S+) with docker/;

const NAME_UNKNOWN = /name unknown|NAME_UNKNOWN|repository name not known|: 404 Not Found\b/i;

/** A registry's API URL in a refusal ("... PUT request to https://HOST/v2/..."). */
const REFUSED_URL = /https?:\/\/([^/\s"]+)\/v2\//;
/** A 413 as a status ("HTTP 413", ": 413 ..."), never a 413 in an image's name or tag (model-413). */
const TOO_LARGE = /(?:HTTP |: )413\b|Request Entity Too Large|Payload Too Large/i;

/**
 * The error for a build or a merge (WHAT) whose push (REASON, buildx's last error line; TAIL, the
 * log's end) the registry refused with 404 or 413; WRITE: the pushed image's registry, where the
 * log names none. Undefined: not such a refusal.
 */
export function pushRefusal(
  what: string,
  reason: string,
  tail: string,
  write: string,
): EnvironmentError | undefined {
  if (RUN_STEP_FAILED.test(reason) || !(PUSH_STEP.test(reason) || PUSH_STEP.test(tail))) return undefined;
  const kind = NAME_UNKNOWN.test(reason) ? 'missing' : TOO_LARGE.test(reason) ? 'large' : undefined;
  if (kind === undefined) return undefined;
  const match = PUSHED_REF.exec(reason) ?? PUSHED_REF.exec(tail);
  const ref = match?.[1] ?? match?.[2];
  const host = ref ? parseImageRef(ref).registry : (REFUSED_URL.exec(reason)?.[1] ?? write);
  const shown = DOCKER_HUB.has(host) ? 'docker.io' : host;
  const message = `${what}: the registry ${shown} refused the push: ${reason}\n--- last lines ---\n${tail}`;
  return kind === 'missing'
    ? new EnvironmentError(
        message,
        `the repository does not exist on ${shown}, and this registry creates none on a push: create it there (ECR: "aws ecr create-repository"; Harbor, Quay, Artifactory: the project and repository), or fix image.registry and image.name`,
      )
    : new EnvironmentError(
        message,
        `a layer is larger than ${shown}, or a proxy in front of it, accepts: raise that limit (nginx: "client_max_body_size 0"; a load balancer's request body limit), or push to a registry without one`,
      );
}
