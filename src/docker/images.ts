// Images through dockerode: pulled for the platform asked for when not local, and inspected (or
// inspected only: inspectLocalImage never pulls).
// What this tool reads of the engine's answer is parsed through a schema, never cast.
import type Dockerode from 'dockerode';
import { z } from 'zod';
import { EnvironmentError, InputError } from '../errors.js';
import type { ImageDetails, ImageHistoryEntry, ImageRemoval } from './adapter.js';
import type { EngineClient } from './client.js';
import {
  apiAtLeast,
  apiVersion,
  apiVersionIfAsked,
  askImage,
  isPlatform,
  multiPlatformStore,
} from './image-platform.js';
import { BARE_DIGEST_FIX, DIGEST_RE } from '../oci/ref.js';
import { connectionError, engineMessage, parseAnswer, statusCodeOf } from './failures.js';
import { platformMissing, progressError, pullFailure } from './pull-failure.js';
import { storeOfInspect } from './size-kind.js';
import { interruptedFailure, interruptSignal, throwIfInterrupted } from '../util/cleanup.js';

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
type ImageInspect = z.infer<typeof ImageInspectSchema>;

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

/**
 * The image's history, oldest first, as the engine reports it (the image is local: inspected); for
 * PLATFORM where the engine takes one (API 1.48+: the containerd image store's history without it is
 * of any platform it holds, the host's first: moby daemon/containerd/image_history.go). Only when
 * an inspect of this client found another platform than the one wanted (it asked the API version
 * then): where the tag's own platform is the one wanted, as on the classic store, the plain history
 * is that platform's, and no GET /version is sent for it.
 */
export async function imageHistory(
  client: EngineClient,
  ref: string,
  platform?: string,
): Promise<ImageHistoryEntry[]> {
  const raw = await client.call(async (docker) => {
    const asked = platform !== undefined ? apiVersionIfAsked(docker) : undefined;
    return asked !== undefined && apiAtLeast(await asked, '1.48')
      ? askImage(docker, ref, 'history', platform!)
      : (docker.getImage(ref).history() as Promise<unknown>);
  });
  return parseAnswer(ImageHistorySchema, raw, `the engine's history of image ${ref}`)
    .map((h) => ({
      createdBy: (h.CreatedBy ?? '').trim(),
      sizeBytes: Math.max(0, h.Size),
      empty: h.Size === 0,
    }))
    .reverse();
}

/**
 * What ensureImage reads of the local image: its platform, and whether the engine keeps several
 * platforms under one tag (the containerd image store: its inspect has a Descriptor from API 1.48,
 * and without `platform` names any platform present, the host's first: moby
 * daemon/containerd/platform_matchers.go matchRequestedOrDefault, image_inspect.go).
 */
const LocalPlatformSchema = ImageInspectSchema.pick({ Os: true, Architecture: true, Variant: true }).extend({
  Descriptor: z.unknown().optional(),
});
type LocalPlatform = z.infer<typeof LocalPlatformSchema>;

/**
 * The engine's own image under IMAGE (for PLATFORM, asked so: the engine takes it): undefined when
 * it holds none (for that platform). A malformed reference is exit 2, any other refusal exit 3.
 */
async function localImage(
  docker: Dockerode,
  image: string,
  platform?: string,
): Promise<LocalPlatform | undefined> {
  try {
    return parseAnswer(
      LocalPlatformSchema,
      platform === undefined
        ? await docker.getImage(image).inspect()
        : await askImage(docker, image, 'json', platform),
      `the engine's inspect of image ${image}`,
    );
  } catch (e) {
    const conn = connectionError(e, docker);
    if (conn) throw conn;
    const status = statusCodeOf(e);
    if (status === 404) return undefined;
    if (status === 400)
      throw pullFailure(image, undefined, engineMessage(e).replace(`no such image: ${image}: `, ''), e);
    if (status === undefined) throw e;
    throw new EnvironmentError(
      `the Docker engine failed to inspect image ${image} (HTTP ${status}): ${engineMessage(e)}`,
      'check the engine ("docker info", its log), then run again',
      { cause: e },
    );
  }
}

/**
 * Pull IMAGE (for PLATFORM): the engine's refusal, at once or in its progress stream, is thrown.
 * Not started after SIGINT/SIGTERM, and one under way is aborted then (the engine stops a pull whose
 * client went away): a registry that does not answer held the exit, and the engine kept trying.
 */
async function pullImage(docker: Dockerode, image: string, platform: string | undefined): Promise<void> {
  throwIfInterrupted(`a pull of ${image}`);
  let reported: string | undefined;
  try {
    const stream = await docker.pull(image, {
      ...(platform && { platform }),
      abortSignal: interruptSignal(),
    });
    reported = await new Promise<string | undefined>((resolve, reject) =>
      docker.modem.followProgress(stream, (err: Error | null, lines: unknown[]) =>
        err ? reject(err) : resolve(progressError(lines ?? [])),
      ),
    );
  } catch (e) {
    throw (
      interruptedFailure(`a pull of ${image}`, 'aborted', e) ??
      connectionError(e, docker) ??
      pullFailure(image, platform, engineMessage(e), e)
    );
  }
  if (reported !== undefined) throw pullFailure(image, platform, reported);
}

/**
 * The pull for PLATFORM failed while the engine holds IMAGE as a multi-platform image of another
 * (LOCAL) and cannot be asked for one (API < 1.49): the error says what is known.
 */
function heldOtherwise(e: unknown, image: string, local: LocalPlatform): unknown {
  if (!(e instanceof Error)) return e;
  e.message += ` (the engine holds ${image} for ${local.Os}/${local.Architecture}, perhaps for other platforms too: below API 1.49 it cannot be asked which)`;
  return e;
}

/**
 * Pull the image for the platform unless it is already local. A pull the engine completes with
 * an image of another platform (20.10 takes a single-platform image whatever the platform asked
 * for) is the image's lack; pulled once more first, as another pull of the tag for another
 * platform may have moved it meanwhile. An engine that takes `platform` on an inspect (API 1.49+)
 * is asked for the platform where its plain answer names another (the containerd image store's: a
 * multi-platform image local for several): 404 there is the platform's absence. On a containerd
 * image store that cannot be asked, a pull without an error is enough: its inspect names the
 * host's platform. An image ID is never pulled: the engine's own image, taken on such a store for
 * whatever platform (the create says if it lacks one), else "no variant" for a platform not its own.
 */
export async function ensureImage(
  client: EngineClient,
  image: string,
  platform: string | undefined,
): Promise<void> {
  const docker = await client.docker();
  let local = await localImage(docker, image);
  // An image ID the engine does not hold: a pull would ask Docker Hub for "sha256" at that tag.
  if (!local && DIGEST_RE.test(image))
    throw new InputError(
      `image ${JSON.stringify(image)}: the engine holds no image with this ID`,
      `${BARE_DIGEST_FIX}; an image ID names a local image only`,
    );
  const ask =
    local && !isPlatform(local, platform) && apiAtLeast(await apiVersion(docker), '1.49')
      ? platform
      : undefined;
  if (ask !== undefined) local = (await localImage(docker, image, ask)) ?? local;
  for (let pulls = 0; !local || !isPlatform(local, platform); pulls++) {
    // An image ID is never pulled (a pull would ask Docker Hub for "sha256"): on a multi-platform
    // store that cannot be asked, the one image under it may hold the platform (the resolver runs a
    // local list by its ID: resolve/base.ts), and the container's create says if it does not.
    if (local && DIGEST_RE.test(image)) {
      if (!(await multiPlatformStore(docker, local)))
        throw platformMissing(image, platform, { has: `${local.Os}/${local.Architecture}` });
      if (ask === undefined) return;
      throw platformMissing(image, platform, { detail: 'the engine holds none of it under this ID' });
    }
    if (local && pulls === 2)
      throw platformMissing(image, platform, { has: `${local.Os}/${local.Architecture}` });
    const before = local;
    await pullImage(docker, image, platform).catch(async (e: unknown) => {
      throw before && ask === undefined && (await multiPlatformStore(docker, before))
        ? heldOtherwise(e, image, before)
        : e;
    });
    local =
      (ask !== undefined ? await localImage(docker, image, ask) : undefined) ??
      (await localImage(docker, image));
    if (!local) throw pullFailure(image, platform, 'the engine holds no such image after the pull');
    // A multi-platform store's inspect cannot say: the pull's own answer (no error) is the word.
    if (ask === undefined && !isPlatform(local, platform) && (await multiPlatformStore(docker, local)))
      return;
  }
}

/**
 * The engine's inspect of the local REF for PLATFORM: asked with `platform` where its plain answer
 * names another platform and the engine takes one (API 1.49+: the containerd image store's answer
 * is then any platform it holds, the host's first); else the plain answer, the one there is.
 */
export async function platformInspect(
  client: EngineClient,
  ref: string,
  platform: string | undefined,
): Promise<unknown> {
  const raw = await client.call((docker) => docker.getImage(ref).inspect());
  const named = LocalPlatformSchema.safeParse(raw);
  if (platform === undefined || !named.success || isPlatform(named.data, platform)) return raw;
  return client.call(async (docker) =>
    apiAtLeast(await apiVersion(docker), '1.49') ? askImage(docker, ref, 'json', platform) : raw,
  );
}

export async function inspectImage(
  client: EngineClient,
  ref: string,
  platform: string | undefined,
): Promise<ImageDetails> {
  await ensureImage(client, ref, platform);
  const raw = await platformInspect(client, ref, platform);
  const store = storeOfInspect(raw);
  return {
    ...imageDetails(parseAnswer(ImageInspectSchema, raw, `the engine's inspect of image ${ref}`)),
    ...(store !== undefined && { store }),
  };
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
