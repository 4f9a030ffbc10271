// What kind of size the engine gives for an image, which depends on its image store (pure):
// - the classic store (graphdrivers: overlay2 ...) keeps only the unpacked layers; its inspect's
//   Size is their size ("unpacked");
// - the containerd image store (Docker 29's default for new installs) keeps the compressed blobs
//   (the distributable content) besides the unpacked snapshots. Its inspect's Size was the content
//   of the platform's manifest up to Docker 29.7 (moby daemon/containerd/image.go size(): "the
//   total size of the image's packed resources"), and from moby#53426 on it is the content plus
//   the unpacked snapshots. The manifests' summary (`manifests=1`, API 1.48+) names the content
//   alone on every such engine (ManifestSummary.Size.Content): the size is read there ("content").
// The same image is about three times bigger unpacked than compressed, so two sizes of different
// kinds are never compared (the report says so instead).
import { z } from 'zod';
import { parsedOrNone } from '../util/parse-input.js';

/** The kinds of image size a record holds (EnvRecord image.sizeKind). */
export const SIZE_KINDS = ['unpacked', 'content'] as const;
export type SizeKind = (typeof SIZE_KINDS)[number];

/** A record without a kind was written before kinds were recorded: what the classic store gives. */
export const DEFAULT_SIZE_KIND: SizeKind = 'unpacked';

export type ImageStore = 'classic' | 'containerd';

/** The kind of size each image store's inspect gives (the containerd store's read as content). */
export function sizeKindOfStore(store: ImageStore): SizeKind {
  return store === 'containerd' ? 'content' : 'unpacked';
}

const InfoSchema = z.object({ DriverStatus: z.array(z.array(z.string())).nullable().optional() });

/**
 * The image store an engine's info names: `["driver-type", "io.containerd.snapshotter.v1"]` in its
 * DriverStatus on the containerd store (moby daemon/containerd/service.go LayerStoreStatus), a
 * graphdriver's own status otherwise; undefined when the answer has no DriverStatus to tell by.
 */
export function storeOfInfo(info: unknown): ImageStore | undefined {
  const status = parsedOrNone(InfoSchema, info)?.DriverStatus;
  if (!status) return undefined;
  return status.some((p) => p[0] === 'driver-type' && p[1] === 'io.containerd.snapshotter.v1')
    ? 'containerd'
    : 'classic';
}

const InspectStoreSchema = z.object({
  Descriptor: z.unknown().optional(),
  GraphDriver: z
    .object({ Name: z.string().optional(), Data: z.record(z.string(), z.unknown()).nullable().optional() })
    .nullable()
    .optional(),
});

/**
 * The image store an image's inspect shows, where it shows one: a Descriptor is the containerd
 * store's (API 1.48+: moby image_routes.go strips it below); the overlay2 graphdriver with its
 * directories is the classic store's (the containerd store names its snapshotter, "overlayfs",
 * with no directories). Undefined otherwise: the engine's info tells (storeOfInfo).
 */
export function storeOfInspect(inspect: unknown): ImageStore | undefined {
  const i = InspectStoreSchema.safeParse(inspect).data;
  if (!i) return undefined;
  if (i.Descriptor !== undefined && i.Descriptor !== null) return 'containerd';
  const driver = i.GraphDriver;
  if (driver?.Name === 'overlay2' && driver.Data && 'UpperDir' in driver.Data) return 'classic';
  return undefined;
}

const ManifestsSchema = z.object({
  Manifests: z
    .array(
      z.object({
        Kind: z.string().optional(),
        Size: z.object({ Content: z.number().nonnegative() }),
        ImageData: z
          .object({
            Platform: z.object({
              os: z.string(),
              architecture: z.string(),
              variant: z.string().optional(),
            }),
          })
          .nullable()
          .optional(),
      }),
    )
    .nullable()
    .optional(),
});

/**
 * The content size of the platform's image manifest in an inspect with `manifests=1` (the
 * containerd store, API 1.48+); undefined when it lists none of that platform. A variant counts
 * only where both name one (linux/arm64 often records none for v8), as isPlatform does.
 */
export function contentSizeOf(
  inspect: unknown,
  platform: { os: string; architecture: string; variant?: string | undefined },
): number | undefined {
  const manifests = parsedOrNone(ManifestsSchema, inspect)?.Manifests ?? [];
  const found = manifests.find((m) => {
    const p = m.ImageData?.Platform;
    return (
      (m.Kind === undefined || m.Kind === 'image') &&
      p !== undefined &&
      p.os === platform.os &&
      p.architecture === platform.architecture &&
      (!p.variant || !platform.variant || p.variant === platform.variant)
    );
  });
  return found?.Size.Content;
}
