// A build that failed for what the build request asked of the builder, not for the Dockerfile or
// the requirements (which "fix the Dockerfile" would tell): an entitlement the builder does not
// grant or buildx does not know (`allow`), an ssh agent that is not there (`ssh`), a frontend
// capability the builder lacks (`build-contexts` on BuildKit 0.8), a `target` stage the Dockerfile
// does not have. Pure: the reason (buildx's last error line) in, the error out.
import { RUN_STEP_FAILED } from '../docker/failures.js';
import { EnvironmentError, InputError, type MlImageError } from '../errors.js';

/** The error of a build that failed as REASON says, for what it asked of the builder; else undefined. */
export function requestFailure(reason: string, text: (why: string) => string): MlImageError | undefined {
  // A RUN step's failure quotes its command, which may name any of these words: it is the build's.
  if (RUN_STEP_FAILED.test(reason)) return undefined;
  const entitlement = /granting entitlement (\S+) is not allowed by build daemon configuration/i.exec(
    reason,
  )?.[1];
  if (entitlement !== undefined)
    return new EnvironmentError(
      text(`the builder does not grant the entitlement ${entitlement} that the allow input asks for`),
      `let the builder grant it (a docker-container builder: docker buildx create --buildkitd-flags '--allow-insecure-entitlement ${entitlement}'; the docker driver: the daemon's builder.entitlements), or take it out of allow`,
    );
  // buildx's own check of --allow, before any build: a word the input misspelt.
  const unknown = /unknown entitlement (\S+)/i.exec(reason)?.[1];
  if (unknown !== undefined)
    return new InputError(
      text(`the allow input names ${unknown}, which is no entitlement buildx knows`),
      'write it as buildx names it, e.g. network.host or security.insecure, or take it out of allow',
    );
  if (/invalid empty ssh agent socket/i.test(reason))
    return new EnvironmentError(
      text('the ssh input asks for the default ssh agent, and SSH_AUTH_SOCK names none'),
      'start an ssh-agent holding the key before this step (e.g. webfactory/ssh-agent), or pass ssh: default=/path/to/key',
    );
  const capability = /unsupported frontend capability (\S+)/i.exec(reason)?.[1];
  if (capability !== undefined)
    return new EnvironmentError(
      text(
        `the builder's Dockerfile frontend lacks ${capability}${/contexts/.test(capability) ? ', which build-contexts needs' : ''}`,
      ),
      'use a newer builder (Docker 23 or later, or a docker-container builder with BuildKit 0.10 or later), or leave out the input that needs it',
    );
  const stage = /target stage "?([^"\s]+)"? could not be found/i.exec(reason)?.[1];
  if (stage !== undefined)
    return new InputError(
      text(`the Dockerfile has no stage ${stage}, which the target input names`),
      "name one of the Dockerfile's stages (FROM ... AS <stage>) in target, or leave target out to build the last one",
    );
  return undefined;
}
