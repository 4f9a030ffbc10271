// Images through dockerode: pulled for the platform asked for when not local, and inspected (or
// inspected only: inspectLocalImage never pulls).
// What this tool reads of the engine's answer is parsed through a schema, never cast.
import type Dockerode from 'dockerode';
import { z } from 'zod';
import { EnvironmentError, InputError } from '../errors.js';
import type { ImageDetails, ImageHistoryEntry, ImageRemoval } from './adapter.js';
import type { EngineClient } from './client.js';
import {
  REGISTRY_FIX,
  REGISTRY_UNREACHABLE,
  connectionError,
  engineMessage,
  parseAnswer,
  statusCodeOf,
} from './failures.js';

const StringList = z.array(z.string()).nullable().optional();

/** What this tool reads of the engine's image inspect. */
export const ImageInspectSchema = z.object({
  Id: z.string(),
  RepoTags: StringList,
  RepoDigests: StringList,
  Os: z.string(),
  Architecture: z.string(),
  Variant: z.string().optional(),
  Size: z.number(),
  RootFS: z.object({ Layers: StringList }).nullable().optional(),
  Config: z
    .object({
      Labels: z.record(z.string(), z.string()).nullable().optional(),
      User: z.string().nullable().optional(),
      WorkingDir: z.string().nullable().optional(),
      Entrypoint: StringList,
      Cmd: StringList,
      Env: StringList,
    })
    .nullable()
    .optional(),
  Created: z.string().nullable().optional(),
});
export type ImageInspect = z.infer<typeof ImageInspectSchema>;

/** The part of the image config a run needs to know what the container would run. */
export const ImageCommandSchema = ImageInspectSchema.pick({ Config: true });

/** The engine's image inspect as the adapter reports it. */
export function imageDetails(i: ImageInspect): ImageDetails {
  return {
    id: i.Id,
    repoDigests: i.RepoDigests ?? [],
    ...(i.RepoTags && i.RepoTags.length > 0 && { repoTags: i.RepoTags }),
    os: i.Os,
    architecture: i.Architecture,
    ...(i.Variant !== undefined && { variant: i.Variant }),
    sizeBytes: i.Size,
    layers: i.RootFS?.Layers?.length ?? 0,
    labels: i.Config?.Labels ?? {},
    user: i.Config?.User ?? '',
    workdir: i.Config?.WorkingDir ?? '',
    entrypoint: i.Config?.Entrypoint ?? null,
    cmd: i.Config?.Cmd ?? null,
    env: i.Config?.Env ?? [],
    ...(i.Created && { created: i.Created }),
  };
}

/** What this tool reads of the engine's image history (newest first). */
const ImageHistorySchema = z.array(
  z.object({ CreatedBy: z.string().nullable().optional(), Size: z.number(), Id: z.string().optional() }),
);

/** The image's history, oldest first, as the engine reports it (the image is local: inspected). */
export async function imageHistory(client: EngineClient, ref: string): Promise<ImageHistoryEntry[]> {
  const raw = await client.call((docker) => docker.getImage(ref).history() as Promise<unknown>);
  return parseAnswer(ImageHistorySchema, raw, `the engine's history of image ${ref}`)
    .map((h) => ({
      createdBy: (h.CreatedBy ?? '').trim(),
      sizeBytes: Math.max(0, h.Size),
      empty: h.Size === 0,
    }))
    .reverse();
}

/** Whether the image is local, for the platform asked for (a multi-arch tag may be another's). */
async function hasLocalImage(
  docker: Dockerode,
  image: string,
  platform: string | undefined,
): Promise<boolean> {
  try {
    const info = await docker.getImage(image).inspect();
    return platform === undefined || `${info.Os}/${info.Architecture}` === platform;
  } catch (e) {
    const conn = connectionError(e, docker);
    if (conn) throw conn;
    if (statusCodeOf(e) !== 404) throw e;
    return false;
  }
}

async function pullImage(docker: Dockerode, image: string, platform: string | undefined): Promise<void> {
  try {
    const stream = await docker.pull(image, platform ? { platform } : {});
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())),
    );
  } catch (e) {
    const conn = connectionError(e, docker);
    if (conn) throw conn;
    const msg = (e as Error).message;
    if (REGISTRY_UNREACHABLE.test(msg)) {
      throw new EnvironmentError(`cannot pull ${image}: registry unreachable (${msg})`, REGISTRY_FIX, {
        cause: e,
      });
    }
    throw new InputError(
      `cannot pull image ${image}: ${msg}`,
      'check the image reference and that it exists',
    );
  }
}

/** Pull the image for the platform unless it is already local. */
export async function ensureImage(
  client: EngineClient,
  image: string,
  platform: string | undefined,
): Promise<void> {
  const docker = await client.docker();
  if (await hasLocalImage(docker, image, platform)) return;
  await pullImage(docker, image, platform);
}

export async function inspectImage(
  client: EngineClient,
  ref: string,
  platform: string | undefined,
): Promise<ImageDetails> {
  await ensureImage(client, ref, platform);
  const raw = await client.call((docker) => docker.getImage(ref).inspect());
  return imageDetails(parseAnswer(ImageInspectSchema, raw, `the engine's inspect of image ${ref}`));
}

/**
 * The inspect of REF read without dockerode (engine-info.ts localImageInspect): its JSON, null when
 * the engine holds no such image, undefined when it cannot tell (dockerode is asked).
 */
export type LocalImageInspect = (ref: string) => Promise<unknown>;

/**
 * The engine's own image under REF, never pulled: undefined when it holds none (404). Asked over
 * the local socket first (LOCAL), then through dockerode when that cannot tell.
 */
export async function inspectLocalImage(
  client: EngineClient,
  ref: string,
  local?: LocalImageInspect,
): Promise<ImageDetails | undefined> {
  let raw = await local?.(ref);
  if (raw === null) return undefined;
  try {
    raw ??= await client.call((docker) => docker.getImage(ref).inspect());
  } catch (e) {
    if (statusCodeOf(e) === 404) return undefined;
    throw e;
  }
  return imageDetails(parseAnswer(ImageInspectSchema, raw, `the engine's inspect of image ${ref}`));
}

/** What the engine answers to an image removal: one entry per reference untagged or image/layer deleted. */
const ImageDeleteSchema = z.array(
  z.object({ Untagged: z.string().optional(), Deleted: z.string().optional() }),
);

/**
 * Remove the reference REF without force (DELETE /images/REF, as `docker image rm` without -f):
 * missing (404) and refused (409: a container uses the image, or images depend on it) are answers,
 * not errors; anything else is thrown.
 */
export async function removeImage(client: EngineClient, ref: string): Promise<ImageRemoval> {
  let raw: unknown;
  try {
    raw = await client.call((docker) => docker.getImage(ref).remove() as Promise<unknown>);
  } catch (e) {
    const status = statusCodeOf(e);
    if (status === 404) return { outcome: 'missing' };
    if (status === 409) return { outcome: 'conflict', message: engineMessage(e).split('\n')[0]! };
    throw e;
  }
  const answer = parseAnswer(ImageDeleteSchema, raw, `the engine's removal of image ${ref}`);
  return {
    outcome: 'removed',
    untagged: answer.flatMap((a) => (a.Untagged !== undefined ? [a.Untagged] : [])),
    deleted: answer.flatMap((a) => (a.Deleted !== undefined ? [a.Deleted] : [])),
  };
}
