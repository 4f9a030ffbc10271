// Which platforms the engine's own image under a tag serves: the one rule the build's base record
// (build/base-digest.ts) and the resolver's base (resolve/base.ts) both follow, so that the two
// read the same base.
//
// The classic store keeps one platform's image under a tag (the one pulled last): it serves only
// its own platform, and the engine pulls the others. The containerd image store keeps one image
// under the tag for every platform: a multi-platform index (or a single manifest) whose ID is its
// own digest, and which the engine takes for every platform (seen on Docker 26: a linux/arm64
// build, and `docker run --platform linux/arm64` of its ID, start from a locally tagged list that
// no registry knows). Its inspect names the host's platform all the same, so there the platform is
// not asked. Pure.
import type { ImageDetails } from './adapter.js';

/**
 * Whether the local image is the one the engine takes for PLATFORM (`os/arch[/variant]`): on a
 * store that keeps several platforms under one tag (MULTI: the containerd image store) always, as
 * the top of this file says; else where its own platform is PLATFORM.
 */
export const servesPlatform = (
  local: Pick<ImageDetails, 'os' | 'architecture' | 'variant'>,
  platform: string,
  multi: boolean,
): boolean =>
  multi ||
  platform === `${local.os}/${local.architecture}` ||
  (local.variant !== undefined && platform === `${local.os}/${local.architecture}/${local.variant}`);
