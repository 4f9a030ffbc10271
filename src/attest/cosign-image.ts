// The images cosign's classic scheme keeps next to a signed image (pure): the `sha256-<hex>.sig`
// tag of simple-signing layers and the `.att` tag of DSSE envelope layers, their OCI manifest and
// config as cosign writes them, what signing again adds (nothing, for the same payload and key)
// and what an attestation replaces (the one of its predicate type), and what a layer's payload
// says. Checked against cosign 2.5.3.
// Small blobs also ride in their descriptors' `data` (OCI image-spec 1.1 embedded content): a
// reader that knows the field (cosign, through go-containerregistry, and `ml-image verify`) has
// the envelopes with the manifest, one request per tag instead of one more per layer; the blobs
// are uploaded all the same, for readers that do not.
import type { KeyObject } from 'node:crypto';
import { type Manifest, sha256Digest } from '../docker/oci-client.js';
import { splitImageRef } from '../docker/registry.js';
import { DOCKER_HUB, parseDigestRef } from '../oci/ref.js';
import {
  SimpleSigningSchema,
  type Statement,
  StatementSchema,
  signatureOf,
  statementOf,
  type VerifiedSignature,
} from './cosign-args.js';
import { SIMPLE_SIGNING_TYPE, strictBase64, verifyBytes } from './cosign-key.js';
import { mapLimit } from '../util/map-limit.js';
import { parsedOrNone } from '../util/parse-input.js';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const DSSE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
export const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const CREATED = '0001-01-01T00:00:00Z';

/** cosign's --type names and the predicate type URIs they stand for (cosign 2.5). */
export const COSIGN_TYPE_URIS: Readonly<Record<string, string>> = {
  slsaprovenance: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance02: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance1: 'https://slsa.dev/provenance/v1',
  link: 'https://in-toto.io/Link/v1',
  spdx: 'https://spdx.dev/Document',
  spdxjson: 'https://spdx.dev/Document',
  cyclonedx: 'https://cyclonedx.org/bom',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
  openvex: 'https://openvex.dev/ns',
  custom: 'https://cosign.sigstore.dev/attestation/v1',
};

export const predicateTypeUri = (type: string): string => COSIGN_TYPE_URIS[type] ?? type;

export interface Layer {
  mediaType: string;
  size: number;
  digest: string;
  annotations?: Record<string, string>;
  /** The blob itself in base64 (a descriptor's embedded content), when it is small. */
  data?: string;
}

/**
 * The blob bytes a manifest embeds at most (its layers' and config's `data` together, before
 * base64): well under the 4 MiB that registries take in a manifest.
 */
export const EMBED_BUDGET = 256 * 1024;

/**
 * A blob bigger than this is not embedded at all, whatever the budget leaves: the signature, the
 * config and the provenance and smoke envelopes (1-3 KB each) are, an SBOM (60 KB for a slim
 * Python image, more for a CUDA one) is not. The registry parses the whole manifest on every
 * read and write of the `.att` tag, and the attest stage reads and writes it for each image it
 * attests: with a 63 KB SBOM envelope embedded the manifest was 90 KB, whose read cost the test
 * bed's registry 4.0 ms of CPU against 1.6 ms at 5 KB, and its write about as much more
 * (docs/performance.md). Verify reads the SBOM envelope as a blob instead: one more read per image.
 */
export const EMBED_BLOB_MAX = 16 * 1024;

/** A descriptor's embedded blob: its `data` when that is base64 of bytes of its size and digest. */
export function embeddedBlob(d: { size: number; digest: string; data?: unknown }): Buffer | undefined {
  if (typeof d.data !== 'string') return undefined;
  const bytes = strictBase64(d.data);
  return bytes && bytes.length === d.size && sha256Digest(bytes) === d.digest ? bytes : undefined;
}

/**
 * LAYERS with their blobs embedded, in order, while they fit in BUDGET: a layer of at most
 * MAX_BLOB bytes gets the bytes BLOBS holds for its digest, else keeps valid `data` it has; `data`
 * that does not match its layer is dropped (a reader that trusts the field would refuse the whole
 * image), and so is the `data` of a bigger blob (an image an earlier version wrote).
 */
export function embedBlobs(
  layers: readonly Layer[],
  blobs: ReadonlyMap<string, Buffer>,
  budget = EMBED_BUDGET,
  maxBlob = EMBED_BLOB_MAX,
): Layer[] {
  let left = budget;
  return layers.map((l) => {
    const { data: _dropped, ...bare } = l;
    if (l.size > maxBlob) return bare;
    // The caller's bytes of a digest are that digest's (checked where they were hashed); else a
    // layer's own data, checked against its size and digest.
    const bytes = blobs.get(l.digest) ?? embeddedBlob(l);
    if (!bytes || bytes.length > left) return bare;
    left -= bytes.length;
    return { ...bare, data: bytes.toString('base64') };
  });
}

/** `registry/repository` as cosign names it in payloads (docker.io -> index.docker.io). */
export function splitRef(ref: string): { host: string; repository: string; name: string; digest: string } {
  const { digest } = parseDigestRef(ref);
  // The repository as the index reader (splitImageRef) finds it: one rule for both.
  const { host, repository } = splitImageRef(ref);
  // Docker Hub, however spelled, is index.docker.io in cosign's payloads.
  const hub = DOCKER_HUB.has(host);
  return { host, repository, name: `${hub ? 'index.docker.io' : host}/${repository}`, digest };
}

/** `repo@sha256:<hex>` -> the tag of its signatures or attestations. */
export const cosignTag = (digest: string, suffix: 'sig' | 'att') => `${digest.replace(':', '-')}.${suffix}`;

/**
 * The config and manifest of a cosign image of LAYERS (as cosign's mutate.Append writes them).
 * The config depends on the layers' digests only; with EMBED, the manifest carries the config
 * and the layers' blobs of at most EMBED_BLOB_MAX bytes in `data` as far as EMBED_BUDGET goes
 * (BLOBS: the bytes of new layers).
 */
export function cosignImage(layers: readonly Layer[]): {
  config: Buffer;
  manifest: (configDigest: string, embed?: { blobs: ReadonlyMap<string, Buffer> }) => Buffer;
} {
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: CREATED,
      history: layers.map(() => ({ created: CREATED })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {},
    }),
  );
  return {
    config,
    manifest: (configDigest, embed) => {
      const configDescriptor = { mediaType: OCI_CONFIG, size: config.length, digest: configDigest };
      const [c, ...ls] = embed
        ? embedBlobs([configDescriptor, ...layers], new Map([...embed.blobs, [configDigest, config]]))
        : [configDescriptor, ...layers.map(({ data: _dropped, ...bare }) => bare)];
      return Buffer.from(
        JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: c, layers: ls }),
      );
    },
  };
}

/** The layers of a cosign image's manifest (an empty list for anything else). */
export function readLayers(m: Manifest | undefined): Layer[] {
  if (!m) return [];
  const parsed = JSON.parse(m.bytes.toString('utf8')) as { layers?: unknown };
  if (!Array.isArray(parsed.layers)) return [];
  return parsed.layers.filter(
    (l): l is Layer =>
      typeof l === 'object' &&
      l !== null &&
      typeof (l as Layer).digest === 'string' &&
      typeof (l as Layer).mediaType === 'string' &&
      typeof (l as Layer).size === 'number',
  );
}

/**
 * Is the signature layer already there: the same payload (by digest) with a signature that KEY
 * verifies? Then signing again adds nothing.
 */
export function hasSignature(
  layers: readonly Layer[],
  payloadDigest: string,
  key: KeyObject,
  payload: Buffer,
): boolean {
  return layers.some(
    (l) =>
      l.digest === payloadDigest &&
      // Text cosign would not read as base64 is no signature (a valid one is then added).
      verifyBytes(key, payload, strictBase64(l.annotations?.[SIGNATURE_ANNOTATION] ?? '') ?? Buffer.alloc(0)),
  );
}

/** The predicate type an envelope's statement names (not verified: only to replace it), if any. */
export function envelopePredicateType(bytes: Buffer): string | undefined {
  try {
    const env = JSON.parse(bytes.toString('utf8')) as { payload?: unknown };
    if (typeof env.payload !== 'string') return undefined;
    const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as { predicateType?: unknown };
    return typeof st.predicateType === 'string' ? st.predicateType : undefined;
  } catch {
    return undefined;
  }
}

/** Blobs of one cosign image downloaded at once (each may be large): a few, not every one. */
export const READ_AT_ONCE = 4;

/**
 * The layers kept when attestations of TYPES replace the ones there (`cosign attest --replace`):
 * each layer's predicate type is its annotation, else what its statement says (TYPE_OF reads it).
 */
export async function keptAttestations(
  layers: readonly Layer[],
  types: ReadonlySet<string>,
  typeOf: (layer: Layer) => Promise<string | undefined>,
): Promise<Layer[]> {
  const unnamed = new Set(unnamedAttestations(layers));
  const named = await mapLimit(layers, READ_AT_ONCE, async (l) => ({
    l,
    type: unnamed.has(l) ? await typeOf(l) : l.annotations?.predicateType,
  }));
  return named.filter((x) => x.type === undefined || !types.has(x.type)).map((x) => x.l);
}

/** The DSSE layers without a predicateType annotation: keptAttestations reads their envelopes. */
export const unnamedAttestations = (layers: readonly Layer[]): Layer[] =>
  layers.filter((l) => l.annotations?.predicateType === undefined && l.mediaType === DSSE_MEDIA_TYPE);

/** JSON bytes, parsed; undefined when they are not JSON. */
function json(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** A simple-signing payload's claims (of cosign's type), or undefined when it is not one. */
export function parseSimpleSigning(payload: Buffer): VerifiedSignature | undefined {
  const p = SimpleSigningSchema.safeParse(json(payload));
  return p.success && p.data.critical.type === SIMPLE_SIGNING_TYPE ? signatureOf(p.data) : undefined;
}

/** An in-toto statement, or undefined when the bytes are not one (cosign's reading: same schema). */
export function parseStatement(bytes: Buffer): Statement | undefined {
  const s = parsedOrNone(StatementSchema, json(bytes));
  return s && statementOf(s);
}
