// The environment an image sets (its config's Env), read from its registry by digest over the
// built-in client: two small reads (the manifest, the config blob), no pull. `ml-image collect`
// masks the image's own secret values with it in a cluster job's output, as the smoke stage masks
// the ones it reads from the engine's inspect of the image it runs.
import { z } from 'zod';
import { EnvironmentError } from '../errors.js';
import { type OciClient, parseJson } from './oci-types.js';
import { MANIFEST_MEDIA_TYPES, splitImageRef } from './registry.js';

const ImageManifestSchema = z.object({ config: z.object({ digest: z.string() }) });
const ImageConfigSchema = z.object({
  config: z.object({ Env: z.array(z.string()).nullish() }).nullish(),
});

/**
 * The `NAME=value` pairs of the config of REF (REPOSITORY@sha256:..., one platform's image), read
 * over CLIENT (whose reads are checked against their digests). A registry without the image, or
 * with something else there than an image's manifest and config, is an EnvironmentError naming
 * REF; so is any failed read (the client's own errors, which name the registry and the request).
 */
export async function registryImageEnv(client: (host: string) => OciClient, ref: string): Promise<string[]> {
  const { host, repository, reference } = splitImageRef(ref);
  const registry = client(host);
  const manifest = await registry.manifest(repository, reference, MANIFEST_MEDIA_TYPES);
  if (!manifest)
    throw new EnvironmentError(
      `registry ${host} has no image ${ref}`,
      'the image may have been deleted since the build pushed it; collect the results of an image the registry still holds',
    );
  const image = ImageManifestSchema.safeParse(parseJson(manifest.bytes));
  if (!image.success)
    throw new EnvironmentError(
      `registry ${host}: ${ref} is not one platform's image (${manifest.mediaType || 'no media type'}), so its config cannot be read`,
      "check build.json: each platform's digest there is its image's own",
    );
  const config = ImageConfigSchema.safeParse(
    parseJson(await registry.blob(repository, image.data.config.digest)),
  );
  if (!config.success)
    throw new EnvironmentError(
      `registry ${host}: the config ${image.data.config.digest} of ${ref} is not an image config`,
      'check the registry or any proxy in between: something else answered',
    );
  return config.data.config?.Env ?? [];
}
