// The environment an image sets (its config's Env), read from its registry by digest over the
// built-in client: two small reads (the manifest, the config blob; three through an index), no
// pull. `ml-image collect` masks the image's own secret values with it in a cluster job's output,
// as the smoke stage masks the ones it reads from the engine's inspect of the image it runs.
import { z } from 'zod';
import { EnvironmentError } from '../errors.js';
import { parsedOrNone } from '../util/parse-input.js';
import { type OciClient, parseJson } from './oci-types.js';
import { parseImageIndex } from './buildx.js';
import { platformManifest } from './platform-image.js';
import { MANIFEST_MEDIA_TYPES, splitImageRef } from './registry.js';

const ImageManifestSchema = z.object({ config: z.object({ digest: z.string() }) });
const ImageConfigSchema = z.object({
  config: z.object({ Env: z.array(z.string()).nullish() }).nullish(),
});

/**
 * The `NAME=value` pairs of the config of REF (REPOSITORY@sha256:...), read over CLIENT (whose reads
 * are checked against their digests): of REF's image, or, where REF is an index (a build that
 * recorded each platform's attested index), of its PLATFORM entry's. A registry without the image,
 * an index without that platform, or something else there than an image's manifest and config, is
 * an EnvironmentError naming REF; so is any failed read (the client's own errors, which name the
 * registry and the request).
 */
export async function registryImageEnv(
  client: (host: string) => OciClient,
  ref: string,
  platform: string,
): Promise<string[]> {
  const { host, repository, reference } = splitImageRef(ref);
  const registry = client(host);
  let manifest = await registry.manifest(repository, reference, MANIFEST_MEDIA_TYPES);
  if (manifest && isIndex(manifest.bytes)) {
    const entry = platformManifest(parseImageIndex(manifest.bytes.toString('utf8')), platform);
    if (entry === undefined)
      throw new EnvironmentError(
        `registry ${host}: the index ${ref} lists no ${platform} image`,
        `check build.json: its ${platform} digest is of that platform's image`,
      );
    manifest = await registry.manifest(repository, entry, MANIFEST_MEDIA_TYPES);
  }
  if (!manifest)
    throw new EnvironmentError(
      `registry ${host} has no image ${ref}`,
      'the image may have been deleted since the build pushed it; collect the results of an image the registry still holds',
    );
  const image = parsedOrNone(ImageManifestSchema, parseJson(manifest.bytes));
  if (!image)
    throw new EnvironmentError(
      `registry ${host}: ${ref} is not an image (${manifest.mediaType || 'no media type'}), so its config cannot be read`,
      "check build.json: each platform's digest there is its image's own",
    );
  const config = parsedOrNone(
    ImageConfigSchema,
    parseJson(await registry.blob(repository, image.config.digest)),
  );
  if (!config)
    throw new EnvironmentError(
      `registry ${host}: the config ${image.config.digest} of ${ref} is not an image config`,
      'check the registry or any proxy in between: something else answered',
    );
  return config.config?.Env ?? [];
}

/** An image index (or Docker manifest list): its entries, and no config of its own. */
function isIndex(bytes: Buffer): boolean {
  const m = parseJson(bytes) as { manifests?: unknown; config?: unknown } | undefined;
  return Array.isArray(m?.manifests) && m.config === undefined;
}
