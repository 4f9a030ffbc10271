// The registry floor of attach + sign + verify: the requests cosign's classic format needs for one
// variant x two platforms, sent bare (no predicates, no signing, no process start), each side on a
// fresh keep-alive agent as a new process has. What the stages take beyond it is this tool's own
// work; the floor itself is the registry's.
//   attach, per platform: GET .sig, GET .att and 4 upload POSTs (config + 3 envelopes); 4 PUTs;
//     the manifest PUT (3 rounds, 11 requests)
//   verify: GET the index; per platform GET .sig and .att; per platform 3 envelope blobs
//     (3 rounds, 11 requests)
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const sha256 = (b) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function client(registry) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const base = `http://${registry.replace(/^localhost/, '127.0.0.1')}`;
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

/** One platform's attach: the blob sizes are those of a config and three small envelopes. */
async function attach(c, repo, tag) {
  const blobs = [1200, 1650, 1830, 1650].map((n) => randomBytes(n));
  const [, , ...uploads] = await Promise.all([
    c.request('GET', `/v2/${repo}/manifests/${tag}.sig`),
    c.request('GET', `/v2/${repo}/manifests/${tag}.att`),
    ...blobs.map(() => c.request('POST', `/v2/${repo}/blobs/uploads/`)),
  ]);
  await Promise.all(
    blobs.map((b, i) => {
      const url = new URL(uploads[i].headers.location, 'http://x');
      url.searchParams.set('digest', sha256(b));
      return c.request('PUT', url.pathname + url.search, b, { 'Content-Type': 'application/octet-stream' });
    }),
  );
  const descriptor = (b, mediaType) => ({ mediaType, size: b.length, digest: sha256(b) });
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: descriptor(blobs[0], 'application/vnd.oci.image.config.v1+json'),
      layers: blobs.slice(1).map((b) => descriptor(b, 'application/vnd.dsse.envelope.v1+json')),
    }),
  );
  const put = await c.request('PUT', `/v2/${repo}/manifests/${tag}.att`, manifest, {
    'Content-Type': OCI_MANIFEST,
  });
  if (put.status !== 201) throw new Error(`registry floor: manifest PUT answered ${put.status}: ${put.body}`);
  return blobs.slice(1).map(sha256);
}

async function verify(c, repo, tags, layers) {
  const accept = { Accept: OCI_MANIFEST };
  await c.request('GET', `/v2/${repo}/manifests/${tags[0]}.att`, undefined, accept);
  await Promise.all(
    tags.flatMap((t) =>
      ['sig', 'att'].map((s) => c.request('GET', `/v2/${repo}/manifests/${t}.${s}`, undefined, accept)),
    ),
  );
  await Promise.all(layers.flat().map((d) => c.request('GET', `/v2/${repo}/blobs/${d}`)));
}

/** Seconds of the bare attach and verify requests, one measurement each. */
export async function registryFloor(registry) {
  const repo = 'ml-image-bench/floor';
  const tags = ['amd64', 'arm64'].map((a) => `sha256-${createHash('sha256').update(a).digest('hex')}`);
  const a = client(registry);
  const t0 = performance.now();
  const layers = await Promise.all(tags.map((t) => attach(a, repo, t)));
  const t1 = performance.now();
  a.close();
  const v = client(registry);
  const t2 = performance.now();
  await verify(v, repo, tags, layers);
  const t3 = performance.now();
  v.close();
  return { attach: (t1 - t0) / 1000, verify: (t3 - t2) / 1000 };
}
