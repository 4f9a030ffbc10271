// The size of a local image and its kind (size-kind.ts), from the engine: its inspect for the
// platform, and on the containerd store its manifests' summary (`manifests=1`, API 1.48+), whose
// content size of the platform's manifest is the same on every engine (the inspect's Size is the
// content plus the unpacked snapshots from moby#53426 on).
import type Dockerode from 'dockerode';
import type { ImageSize } from './adapter.js';
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
 * lists its manifests (else the inspect's Size, which is that content on the engines that cannot
 * list them, Docker 26 to 28.0). The store is told by the inspect where it shows it, else by the
 * engine's info (asked once per client); neither telling, the size has no kind.
 */
export async function imageSize(client: EngineClient, ref: string, platform?: string): Promise<ImageSize> {
  const raw = await platformInspect(client, ref, platform);
  const inspect = parseAnswer(ImageInspectSchema, raw, `the engine's inspect of image ${ref}`);
  const docker = await client.docker();
  const store = storeOfInspect(raw) ?? (await imageStore(docker));
  if (store === undefined) return { sizeBytes: inspect.Size };
  const kind = sizeKindOfStore(store);
  if (store === 'classic' || !apiAtLeast(await apiVersion(docker), '1.48'))
    return { sizeBytes: inspect.Size, kind };
  const listed = await client.call((d) => askManifests(d, ref)).catch(() => undefined);
  const content =
    listed === undefined
      ? undefined
      : contentSizeOf(listed, {
          os: inspect.Os,
          architecture: inspect.Architecture,
          variant: inspect.Variant,
        });
  return { sizeBytes: content ?? inspect.Size, kind };
}
