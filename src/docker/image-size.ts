// The size of a local image and its kind (size-kind.ts), from the engine: its inspect for the
// platform, and on the containerd store its manifests' summary (`manifests=1`, API 1.48+), whose
// content size of the platform's manifest is the same on every engine (the inspect's Size is the
// content plus the unpacked snapshots from moby#53426 on).
import type Dockerode from 'dockerode';
import type { ImageDetails, ImageSize } from './adapter.js';
import type { EngineClient } from './client.js';
import { parseAnswer } from './failures.js';
import { apiAtLeast, apiVersion, imageStore } from './image-platform.js';
import { ImageInspectSchema, platformInspect } from './images.js';
import { contentSizeOf, sizeKindOfStore, storeOfInspect } from './size-kind.js';

/** GET /images/REF/json?manifests=1 (API 1.48+; the engine refuses it together with `platform`). */
function askManifests(docker: Dockerode, ref: string): Promise<unknown> {
  return new Promise((resolve, reject) =>
    docker.modem.dial(
      {
        path: `/images/${ref}/json?`,
        method: 'GET',
        options: { manifests: '1' },
        statusCodes: { 200: true, 404: 'no such image', 500: 'server error' },
      },
      (err: unknown, data: unknown) => (err ? reject(err as Error) : resolve(data)),
    ),
  );
}

/**
 * The size of the local image REF for PLATFORM and its kind: the inspect's Size, unpacked, on the
 * classic store; on the containerd store the content of the platform's manifest where the engine
 * lists its manifests (the inspect's Size, which is that content on the engines that cannot
 * list them, Docker 26 to 28.0; an engine that can but lists no such platform is refused: the
 * capture keeps the inspect's Size without a kind and says why under errors). The store is told by
 * the inspect where it shows it, else by the engine's info (asked once per client); neither
 * telling, the size has no kind. INSPECTED (inspectImage's answer for REF and PLATFORM) stands for
 * the inspect, which is then not asked again: on the classic store nothing is asked at all.
 */
export async function imageSize(
  client: EngineClient,
  ref: string,
  platform?: string,
  inspected?: ImageDetails,
): Promise<ImageSize> {
  const inspect = inspected ?? (await inspectOnce(client, ref, platform));
  const docker = await client.docker();
  const store = inspect.store ?? (await imageStore(docker));
  if (store === undefined) return { sizeBytes: inspect.sizeBytes };
  const kind = sizeKindOfStore(store);
  if (store === 'classic') return { sizeBytes: inspect.sizeBytes, kind };
  const api = await apiVersion(docker);
  // Below API 1.48 (Docker 26 to 28.0) the inspect's Size is the content; the API version of
  // moby#53426 (Size = content + unpacked) is not known here, so a later one is not read as such.
  if (!apiAtLeast(api, '1.48')) return { sizeBytes: inspect.sizeBytes, kind };
  const listed = await client.call((d) => askManifests(d, ref)).catch(() => undefined);
  // With manifests=1 every platform is listed: the one asked for, else the inspect's.
  const [os, architecture, variant] = platform?.split('/') ?? [];
  const content =
    listed === undefined
      ? undefined
      : contentSizeOf(
          listed,
          os && architecture
            ? { os, architecture, variant }
            : { os: inspect.os, architecture: inspect.architecture, variant: inspect.variant },
        );
  if (content !== undefined) return { sizeBytes: content, kind };
  throw new Error(
    `the engine (API ${api}) listed no content size of ${platform ?? `${inspect.os}/${inspect.architecture}`} ` +
      `for ${ref}; its inspect's Size may include the unpacked snapshots (moby#53426), so the size has no kind`,
  );
}

/** The inspect of REF for PLATFORM, as much of it as the size needs (with the store it shows). */
async function inspectOnce(
  client: EngineClient,
  ref: string,
  platform: string | undefined,
): Promise<Pick<ImageDetails, 'sizeBytes' | 'os' | 'architecture' | 'variant' | 'store'>> {
  const raw = await platformInspect(client, ref, platform);
  const i = parseAnswer(ImageInspectSchema, raw, `the engine's inspect of image ${ref}`);
  const store = storeOfInspect(raw);
  return {
    sizeBytes: i.Size,
    os: i.Os,
    architecture: i.Architecture,
    ...(i.Variant !== undefined && { variant: i.Variant }),
    ...(store !== undefined && { store }),
  };
}
