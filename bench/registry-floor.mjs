// The registry floor of attach + sign + verify: the requests cosign's classic format needs for one
// variant x two platforms, sent bare (no predicates, no signing, no process start), each side on a
// fresh keep-alive agent of node:http (the product's client is node:http too) to the registry's
// host as given, as a new process has. What the stages take beyond it is this tool's own work; the
// floor itself is the registry's. As on a warm run, each image already has its signature, and the
// merged index exists (both made once, before the first measurement). The blobs are random, of
// the sizes the caller gives (bench/attest.mjs: those of the `.att` image the product wrote).
//   attach, per platform: GET .sig (there: the image is signed already), GET .att and 4 upload
//     POSTs (config + 3 envelopes); 4 PUTs; the manifest PUT, with the config and the small
//     envelopes embedded in their descriptors as the product writes them (3 rounds, 11 requests). With
//     `rerun`, as a warm rerun whose SBOM and smoke envelopes are those of the last run: the tag
//     lists them, so only the config and the provenance go up (2 POSTs, 2 PUTs: 7 requests).
//   verify: GET the index by digest; per platform GET .sig and .att, whose manifests carry the
//     small envelopes (the signature payload is known); the envelopes the product does not embed
//     (over 16 KiB each, or past 256 KiB a manifest: the SBOM) are read as blobs (3 rounds, 7
//     requests).
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const ACCEPT = { Accept: `${OCI_MANIFEST}, application/vnd.docker.distribution.manifest.v2+json` };
const REPO = 'ml-image-bench/floor';
const TAGS = ['amd64', 'arm64'].map((a) => `sha256-${createHash('sha256').update(a).digest('hex')}`);
const sha256 = (b) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function client(registry) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const base = `http://${registry}`;
  const request = (method, path, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const r = http.request(
        new URL(path, base),
        { method, agent, headers: { ...headers, ...(body && { 'Content-Length': body.length }) } },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      r.on('error', reject);
      r.end(body);
    });
  return { request, close: () => agent.destroy() };
}

const startUpload = (c) => c.request('POST', `/v2/${REPO}/blobs/uploads/`);

function putBlob(c, upload, b) {
  const url = new URL(upload.headers.location, 'http://x');
  url.searchParams.set('digest', sha256(b));
  return c.request('PUT', url.pathname + url.search, b, { 'Content-Type': 'application/octet-stream' });
}

/**
 * The bytes a manifest embeds at most, and the biggest blob it embeds, as the product's
 * (src/attest/cosign-image.ts EMBED_BUDGET and EMBED_BLOB_MAX).
 */
const EMBED_BUDGET = 256 * 1024;
const EMBED_BLOB_MAX = 16 * 1024;

/** PUT a manifest of BLOBS (a config, then layers) under TAG, embedding what fits; its descriptor. */
async function putManifest(c, tag, blobs) {
  let left = EMBED_BUDGET;
  const descriptor = (b, mediaType) => {
    const fits = b.length <= EMBED_BLOB_MAX && b.length <= left;
    if (fits) left -= b.length;
    return { mediaType, size: b.length, digest: sha256(b), ...(fits && { data: b.toString('base64') }) };
  };
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: descriptor(blobs[0], 'application/vnd.oci.image.config.v1+json'),
      layers: blobs.slice(1).map((b) => descriptor(b, 'application/vnd.dsse.envelope.v1+json')),
    }),
  );
  const put = await c.request('PUT', `/v2/${REPO}/manifests/${tag}`, manifest, {
    'Content-Type': OCI_MANIFEST,
  });
  if (put.status !== 201) throw new Error(`registry floor: manifest PUT answered ${put.status}: ${put.body}`);
  return { mediaType: OCI_MANIFEST, digest: sha256(manifest), size: manifest.length };
}

/** The sizes of an `.att` image's config and envelopes when the caller gives none. */
const SIZES = { config: 1200, envelopes: [1650, 1830, 1650] };

/** Random blobs the sizes of a config and LAYERS envelopes (of SIZES). */
const blobsOf = (layers, sizes = SIZES) =>
  [sizes.config, ...sizes.envelopes.slice(0, layers)].map((n) => randomBytes(n));

/** The envelopes a rerun keeps, per tag: the SBOM's and the smoke one's (the first and third). */
const kept = new Map();

/** One platform's attach; the digests of its envelopes. */
async function attach(c, tag, sizes, rerun) {
  const blobs = blobsOf(sizes.envelopes.length, sizes);
  // The last run (untimed) writes the envelopes a rerun attaches again.
  const last = rerun && !kept.has(tag);
  if (rerun) {
    if (last) kept.set(tag, [blobs[1], blobs[3]]);
    [blobs[1], blobs[3]] = kept.get(tag);
  }
  // A rerun's SBOM and smoke envelopes are listed by the tag: no upload.
  const open = (b, i) => (rerun && !last && i !== 1 ? undefined : startUpload(c));
  const [, , configUpload, ...uploads] = await Promise.all([
    expectStatus(
      c.request('GET', `/v2/${REPO}/manifests/${tag}.sig`, undefined, ACCEPT),
      200,
      'the signature',
    ),
    c.request('GET', `/v2/${REPO}/manifests/${tag}.att`, undefined, ACCEPT),
    startUpload(c),
    ...blobs.slice(1).map(open),
  ]);
  await Promise.all([
    putBlob(c, configUpload, blobs[0]),
    ...blobs.slice(1).map((b, i) => (uploads[i] === undefined ? undefined : putBlob(c, uploads[i], b))),
  ]);
  await putManifest(c, `${tag}.att`, blobs);
  return blobs.slice(1);
}

/** The answer, or an error when it is not STATUS: the floor must read what the product reads. */
async function expectStatus(answer, status, what) {
  const r = await answer;
  if (r.status !== status) throw new Error(`registry floor: ${what} answered ${r.status}, not ${status}`);
  return r;
}

async function verify(c, index) {
  const accept = { Accept: `${OCI_INDEX}, ${ACCEPT.Accept}` };
  await expectStatus(c.request('GET', `/v2/${REPO}/manifests/${index}`, undefined, accept), 200, 'the index');
  const manifests = await Promise.all(
    TAGS.flatMap((t) =>
      ['sig', 'att'].map((s) =>
        expectStatus(c.request('GET', `/v2/${REPO}/manifests/${t}.${s}`, undefined, ACCEPT), 200, `.${s}`),
      ),
    ),
  );
  // The envelopes the .att manifests do not carry (the SBOM): read as blobs.
  const unembedded = manifests
    .filter((_, i) => i % 2 === 1)
    .flatMap((m) => JSON.parse(m.body.toString('utf8')).layers.filter((l) => l.data === undefined));
  await Promise.all(
    unembedded.map((l) => expectStatus(c.request('GET', `/v2/${REPO}/blobs/${l.digest}`), 200, l.digest)),
  );
}

let prepared;

/** Once, untimed: each image's signature, and the index over them (what a warm run finds). */
function prepare(registry) {
  prepared ??= (async () => {
    const c = client(registry);
    const sigs = await Promise.all(
      TAGS.map(async (t) => {
        const blobs = blobsOf(1);
        const uploads = await Promise.all(blobs.map(() => startUpload(c)));
        await Promise.all(blobs.map((b, i) => putBlob(c, uploads[i], b)));
        return putManifest(c, `${t}.sig`, blobs);
      }),
    );
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: sigs.map((m, i) => ({
          ...m,
          platform: { os: 'linux', architecture: i ? 'arm64' : 'amd64' },
        })),
      }),
    );
    const put = await c.request('PUT', `/v2/${REPO}/manifests/index`, index, { 'Content-Type': OCI_INDEX });
    if (put.status !== 201) throw new Error(`registry floor: index PUT answered ${put.status}: ${put.body}`);
    c.close();
    return sha256(index);
  })();
  return prepared;
}

/**
 * Seconds of the bare attach and verify requests, one measurement each. SIZES: the byte sizes of
 * the `.att` image's config and envelopes the product wrote (the bench reads them off the
 * registry), so that the floor moves the same bytes; small ones when not given. RERUN: attach as
 * a warm rerun does (the SBOM and smoke envelopes of the last run attached again).
 */
export async function registryFloor(registry, sizes = SIZES, { rerun = false } = {}) {
  const index = await prepare(registry);
  if (rerun && kept.size === 0) {
    // Untimed: the last run, whose SBOM and smoke envelopes the rerun attaches again.
    const last = client(registry);
    await Promise.all(TAGS.map((t) => attach(last, t, sizes, true)));
    last.close();
  }
  const a = client(registry);
  const t0 = performance.now();
  await Promise.all(TAGS.map((t) => attach(a, t, sizes, rerun)));
  const t1 = performance.now();
  a.close();
  const v = client(registry);
  const t2 = performance.now();
  await verify(v, index);
  const t3 = performance.now();
  v.close();
  return { attach: (t1 - t0) / 1000, verify: (t3 - t2) / 1000 };
}
