// What cosign reports missing, confirmed from the registry (src/attest/verify-layers.ts): cosign
// leaves out an attestation layer whose blob the registry does not serve and then says none
// matched the type. The SBOM envelope is the one blob a check reads (it is not embedded), so a
// registry failing on it read as "no SBOM attestation" (exit 1); the verify now reads the `.att`
// tag itself on that failure path and exits 3 naming the registry. The real cosign adapter over a
// scripted exec (no process) and the real registry client over a scripted fetch (no socket), wired
// as `ml-image verify` wires them (certificateReaderFor); the real cosign against a failing
// registry: reproduced by hand with a fault-injecting proxy (cosign 2.5: "none of the attestations
// matched the predicate type: cyclonedx, found: ...").
import { describe, expect, it } from 'vitest';
import { createCosignSigner, type CosignExec } from '../../src/attest/cosign.js';
import { DSSE_MEDIA_TYPE, OCI_MANIFEST, SIGNATURE_ANNOTATION } from '../../src/attest/cosign-image.js';
import { cliFlagNaming, parseVerifyFlags, VerifyDeadline, verifyImage } from '../../src/attest/verify.js';
import { certificateReaderFor } from '../../src/attest/verify-certificates.js';
import { type OciFetch, type OciResponse, sha256Digest } from '../../src/docker/oci-client.js';
import { EnvironmentError, ExitCode } from '../../src/errors.js';
import { fakeDocker } from '../helpers/fakes.js';

const HEX = '7'.repeat(64);
const REF = `localhost:5000/ml/app@sha256:${HEX}`;
const ATT = `/v2/ml/app/manifests/sha256-${HEX}.att`;
const SBOM_URI = 'https://cyclonedx.org/bom';
const SLSA_URI = 'https://slsa.dev/provenance/v1';

const envelope = (predicateType: string) =>
  Buffer.from(
    JSON.stringify({
      payloadType: 'application/vnd.in-toto+json',
      payload: Buffer.from(
        JSON.stringify({
          _type: 'https://in-toto.io/Statement/v1',
          predicateType,
          subject: [{ name: 'localhost:5000/ml/app', digest: { sha256: HEX } }],
          predicate: {},
        }),
      ).toString('base64'),
      signatures: [{ keyid: '', sig: 'MEUCIG' }],
    }),
  );
const provenance = envelope(SLSA_URI);
// Over EMBED_BLOB_MAX in the attest stage: a blob of its own, read by whoever checks it.
const sbom = envelope(SBOM_URI);
const SIG_JSON = JSON.stringify([
  {
    critical: {
      identity: { 'docker-reference': 'localhost:5000/ml/app' },
      image: { 'docker-manifest-digest': `sha256:${HEX}` },
      type: 'cosign container image signature',
    },
    optional: null,
  },
]);

const layer = (blob: Buffer, type: string, embed: boolean, size = blob.length) => ({
  mediaType: DSSE_MEDIA_TYPE,
  size,
  digest: sha256Digest(blob),
  annotations: { [SIGNATURE_ANNOTATION]: '', predicateType: type },
  ...(embed && { data: blob.toString('base64') }),
});
/** The `.att` manifest the attest stage writes: the provenance embedded, the SBOM a blob. */
const attManifest = (sbomLayer: object | null = layer(sbom, SBOM_URI, false)) =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: 2, digest: sha256Digest('{}') },
    layers: [layer(provenance, SLSA_URI, true), ...(sbomLayer ? [sbomLayer] : [])],
  });

function answer(status: number, body: string | Buffer): OciResponse {
  const bytes = Buffer.from(body);
  return {
    status,
    headers: { get: () => null },
    arrayBuffer: async () =>
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
  };
}

/** The registry: the `.att` manifest and the SBOM blob as SCRIPT answers them; every GET kept. */
function registry(att: () => OciResponse, sbomBlob: () => OciResponse) {
  const requests: string[] = [];
  const fetch: OciFetch = async (url) => {
    const p = new URL(url).pathname;
    requests.push(p);
    if (p === ATT) return att();
    if (p === `/v2/ml/app/blobs/${sha256Digest(sbom)}`) return sbomBlob();
    return answer(404, '{"errors":[{"code":"NOT_FOUND"}]}');
  };
  return { fetch, requests };
}

/** cosign 2.5 as it answers when it could not read the SBOM layer (or the image has none). */
const cosign =
  (sbomVerdict: 'none matched' | 'verified'): CosignExec =>
  async (args) => {
    if (args[0] === 'verify') return { exitCode: 0, stdout: SIG_JSON, stderr: '' };
    const type = args[args.indexOf('--type') + 1];
    if (type === 'cyclonedx' && sbomVerdict === 'none matched')
      return {
        exitCode: 1,
        stdout: '',
        stderr: `Error: none of the attestations matched the predicate type: cyclonedx, found: ${SLSA_URI}\n`,
      };
    const env = type === 'cyclonedx' ? sbom : provenance;
    return { exitCode: 0, stdout: `${env.toString()}\n`, stderr: '' };
  };

/** `ml-image verify REF --key k.pub` as verifyWithCli wires it, over the scripted cosign and registry. */
async function verify(exec: CosignExec, fetch: OciFetch) {
  const request = parseVerifyFlags({ key: 'k.pub', require: 'sbom,provenance' }, cliFlagNaming('verify'));
  const deadline = new VerifyDeadline(request.timeoutSeconds);
  const transport = { fetch, signal: deadline.signal };
  const certificates = certificateReaderFor({}, REF, request.identity, transport);
  const docker = fakeDocker({
    imagetoolsInspect: async () => ({ mediaType: OCI_MANIFEST, platforms: [] }),
  });
  const signer = createCosignSigner(exec, { signal: deadline.signal });
  return verifyImage({ docker, signer, certificates, deadline }, REF, request);
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as Error & { exitCode: number; fix?: string },
  );

describe('cosign finds no SBOM attestation: the verify reads the .att tag', () => {
  it.each<[string, () => OciResponse, RegExp, RegExp]>([
    [
      'the registry answers 503 for the SBOM blob (three attempts)',
      () => answer(503, '{"errors":[{"code":"UNAVAILABLE","message":"storage down"}]}'),
      /reading the blob ml\/app@sha256:[0-9a-f]{64} failed \(HTTP 503/,
      /the registry is failing for now/,
    ],
    [
      'the registry answers 404 for the SBOM blob its manifest lists',
      () => answer(404, '{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry"}]}'),
      /reading the blob ml\/app@sha256:[0-9a-f]{64} failed \(HTTP 404 BLOB_UNKNOWN/,
      /^the registry lists a blob it cannot serve: check the registry/,
    ],
  ])('%s: exit 3 naming the registry, not a missing attestation', async (_n, blob, message, fix) => {
    const { fetch, requests } = registry(() => answer(200, attManifest()), blob);
    const e = await rejection(verify(cosign('none matched'), fetch));
    expect(e).toBeInstanceOf(EnvironmentError);
    expect(e.exitCode).toBe(ExitCode.Environment);
    expect(e.message).toMatch(
      new RegExp(
        `^the cyclonedx attestation of ${REF.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ml/app:sha256-7{64}\\.att lists its layer, whose blob the registry does not serve .*: registry localhost:5000: `,
      ),
    );
    expect(e.message).toMatch(message);
    expect(e.fix).toMatch(fix);
    expect(requests.filter((p) => p === ATT)).toHaveLength(1);
  });

  it.each<[string, () => OciResponse, () => OciResponse, number]>([
    ['the tag has no SBOM layer', () => answer(200, attManifest(null)), () => answer(500, ''), 0],
    [
      'there is no .att tag',
      () => answer(404, '{"errors":[{"code":"MANIFEST_UNKNOWN"}]}'),
      () => answer(500, ''),
      0,
    ],
    // cosign left the layer out for another reason (its envelope does not verify): its verdict stands.
    ['the SBOM blob is served whole', () => answer(200, attManifest()), () => answer(200, sbom), 1],
    [
      'an image index at the .att tag (no layers)',
      () => answer(200, JSON.stringify({ schemaVersion: 2, manifests: [] })),
      () => answer(500, ''),
      0,
    ],
  ])('%s: the check fails as cosign said (exit 1), no registry error', async (_n, att, blob, blobReads) => {
    const { fetch, requests } = registry(att, blob);
    const outcome = await verify(cosign('none matched'), fetch);
    expect(outcome.failed.map((c) => [c.check, c.detail])).toEqual([
      [
        'sbom attestation',
        expect.stringMatching(/^no cyclonedx attestation on .* \(cosign: none of the attestations matched/),
      ],
    ]);
    expect(requests.filter((p) => p === ATT)).toHaveLength(1);
    expect(requests.filter((p) => p.includes('/blobs/'))).toHaveLength(blobReads);
  });

  it('an SBOM layer that misstates its blob size: its check fails (missing, naming that layer), the other checks still say theirs', async () => {
    const { fetch } = registry(
      () => answer(200, attManifest(layer(sbom, SBOM_URI, false, sbom.length - 1))),
      () => answer(200, sbom),
    );
    // A junk layer pushed by someone without the key must not hide the other checks' lines (cosign
    // leaves such a layer out, and says none matched).
    const outcome = await verify(cosign('none matched'), fetch);
    expect(outcome.failed.map((c) => [c.check, c.detail])).toEqual([
      [
        'sbom attestation',
        expect.stringMatching(
          /^no cyclonedx attestation on .* \(cosign: none of the attestations matched.*\); left out, as cosign does, a layer it cannot read: /,
        ),
      ],
    ]);
    expect(outcome.failed[0]?.detail).toContain(
      `registry localhost:5000: the blob ${sha256Digest(sbom)} is ${sbom.length} bytes where ml/app:sha256-${HEX}.att declares ${sbom.length - 1}`,
    );
    expect(outcome.checks.length).toBeGreaterThan(1);
  });

  it('an SBOM layer over what one registry answer may hold: its check fails (missing, naming that layer), not exit 3', async () => {
    const big = Buffer.from('junk layer');
    const requests: string[] = [];
    const fetch: OciFetch = async (url) => {
      const p = new URL(url).pathname;
      requests.push(p);
      if (p === ATT)
        return answer(200, attManifest({ ...layer(big, SBOM_URI, false), size: 100 * 1024 * 1024 }));
      // As http-fetch.ts refuses an answer over its limit.
      if (p === `/v2/ml/app/blobs/${sha256Digest(big)}`)
        throw Object.assign(new TypeError('fetch failed'), {
          cause: Object.assign(new Error('the answer is over 64 MiB'), { code: 'ML_IMAGE_ANSWER_TOO_LARGE' }),
        });
      return answer(404, '{"errors":[{"code":"NOT_FOUND"}]}');
    };
    const outcome = await verify(cosign('none matched'), fetch);
    expect(outcome.failed.map((c) => c.check)).toEqual(['sbom attestation']);
    expect(outcome.failed[0]?.detail).toMatch(/; left out, as cosign does, a layer it cannot read: .*64 MiB/);
    expect(outcome.checks.length).toBeGreaterThan(1);
    expect(requests).toContain(`/v2/ml/app/blobs/${sha256Digest(big)}`);
  });

  it('every check holds: the registry is not asked (the fast path reads nothing more)', async () => {
    const { fetch, requests } = registry(
      () => answer(200, attManifest()),
      () => answer(200, sbom),
    );
    const outcome = await verify(cosign('verified'), fetch);
    expect(outcome.failed).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('a registry the built-in client does not reach as docker would (a proxy): cosign\'s "missing" stands unconfirmed', async () => {
    const request = parseVerifyFlags({ key: 'k.pub', require: 'sbom' }, cliFlagNaming('verify'));
    const { fetch, requests } = registry(
      () => answer(200, attManifest()),
      () => answer(503, ''),
    );
    const remote = `ghcr.io/ml/app@sha256:${HEX}`;
    const reader = certificateReaderFor({ HTTPS_PROXY: 'http://proxy:3128' }, remote, request.identity, {
      fetch,
    });
    await expect(reader.attestations?.(remote, 'cyclonedx')).resolves.toBe('');
    expect(requests).toEqual([]);
  });
});
