// Asking the engine of one platform of a local image: its API version (whether it takes
// `platform` on an image's inspect and history), whether it keeps several platforms under one tag
// (the containerd image store), and the inspect or history for a platform. What the engine
// answers is parsed through a schema, never cast.
import type Dockerode from 'dockerode';
import { z } from 'zod';
import { type ImageStore, storeOfInfo } from './size-kind.js';

/** ASK's answer for each client, asked once (a failed ask answers FALLBACK). */
function oncePerClient<T>(ask: (docker: Dockerode) => Promise<T>, fallback: T) {
  const known = new WeakMap<Dockerode, Promise<T>>();
  return {
    get: (docker: Dockerode): Promise<T> => {
      let answer = known.get(docker);
      if (answer === undefined) {
        answer = Promise.resolve()
          .then(() => ask(docker))
          .catch(() => fallback);
        known.set(docker, answer);
      }
      return answer;
    },
    /** The answer when it was asked already, else undefined (nothing is asked). */
    asked: (docker: Dockerode): Promise<T> | undefined => known.get(docker),
  };
}

/** The engine's API version (GET /version ApiVersion), asked once per client; '' when it cannot tell. */
// dockerode sends unversioned paths: the engine answers them at its own (this) API version.
const apiVersions = oncePerClient(
  async (docker) =>
    z.object({ ApiVersion: z.string() }).safeParse(await docker.version()).data?.ApiVersion ?? '',
  '',
);
export const apiVersion = (docker: Dockerode): Promise<string> => apiVersions.get(docker);

/**
 * The API version when this client has asked it already (an inspect found another platform than
 * the one wanted: platformInspect), else undefined: a caller that needs it only in that case (an
 * image's history) sends no GET /version of its own.
 */
export function apiVersionIfAsked(docker: Dockerode): Promise<string> | undefined {
  return apiVersions.asked(docker);
}

/** Whether API VERSION ("1.49") is MIN or later; an unknown one ('') is not: pure. */
export function apiAtLeast(version: string, min: string): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = min.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

/**
 * The engine's image store as its info names it (storeOfInfo: the containerd image store's
 * DriverStatus has ["driver-type", "io.containerd.snapshotter.v1"], moby
 * daemon/containerd/service.go LayerStoreStatus); asked once per client, undefined when it cannot tell.
 */
const imageStores = oncePerClient<ImageStore | undefined>(
  async (docker) => storeOfInfo(await docker.info()),
  undefined,
);
export const imageStore = (docker: Dockerode): Promise<ImageStore | undefined> => imageStores.get(docker);

/** Whether the engine keeps its images in the containerd image store (several platforms under one tag): false when it cannot tell. */
const containerdStore = async (docker: Dockerode): Promise<boolean> =>
  (await imageStore(docker)) === 'containerd';

/** PLATFORM (os/arch[/variant]) as the engine's `platform` query takes it: an OCI platform in JSON. */
export function platformQuery(platform: string): string {
  const [os, architecture, variant] = platform.split('/');
  return JSON.stringify({ os, architecture, ...(variant && { variant }) });
}

/**
 * The engine's inspect (json) or history of the local REF for PLATFORM (GET /images/REF/json or
 * /history with `platform`: API 1.49 and 1.48+, moby api/server/router/image/image_routes.go): a
 * platform the image lacks is 404. dockerode's own calls pass no query there.
 */
export function askImage(
  docker: Dockerode,
  ref: string,
  what: 'json' | 'history',
  platform: string,
): Promise<unknown> {
  return new Promise((resolve, reject) =>
    docker.modem.dial(
      {
        path: `/images/${ref}/${what}?`,
        method: 'GET',
        options: { platform: platformQuery(platform) },
        statusCodes: { 200: true, 404: 'no such image', 500: 'server error' },
      },
      (err: unknown, data: unknown) => (err ? reject(err as Error) : resolve(data)),
    ),
  );
}

/** Whether the local image is the platform asked for (a multi-arch tag may be another's). */
export function isPlatform(
  info: { Os: string; Architecture: string; Variant?: string | undefined },
  platform: string | undefined,
): boolean {
  if (platform === undefined) return true;
  const [os, arch, variant] = platform.split('/');
  // A variant only where both name one (an arm64 image often records none for linux/arm64/v8).
  return (
    info.Os === os &&
    info.Architecture === arch &&
    (variant === undefined || !info.Variant || info.Variant === variant)
  );
}

/**
 * Whether the engine keeps several platforms under one tag: its inspect has a Descriptor, or (API
 * < 1.48 strips it: Docker 27) its info names the containerd image store.
 */
export async function multiPlatformStore(
  docker: Dockerode,
  local: { Descriptor?: unknown },
): Promise<boolean> {
  return local.Descriptor !== undefined || (await containerdStore(docker));
}
