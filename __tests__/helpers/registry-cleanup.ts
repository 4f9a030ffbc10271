// What an integration test pushed to the test bed's registry under a fresh name (one per run: a
// timestamp or a UUID), deleted again in its afterAll, else every run leaves its repositories
// behind for good. The registry has deletes enabled (scripts/test-env.sh). Deleting a manifest is
// what a client can do: the repository's name stays in the catalog and its blobs stay on disk until
// the registry's garbage collector runs (`docker-registry garbage-collect`), which no test starts.
// A manifest no tag names any more (what a re-pointed tag named before) cannot be listed through
// the API: the caller passes the digests it knows, the collector's --delete-untagged takes the rest.
// Best effort: a failure is one warning line, never a failed test.

/** The manifest kinds the registry may hold: an index or list, or an image manifest. */
const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const TIMEOUT_MS = 10_000;

/** HOST[:PORT]/NAME (a tag or digest after it is ignored) -> the registry's base URL and the name. */
function split(repository: string): { base: string; name: string } {
  const slash = repository.indexOf('/');
  const host = repository.slice(0, slash).replace(/^localhost(?=:|$)/, '127.0.0.1');
  const name = repository
    .slice(slash + 1)
    .replace(/@.*$/, '')
    .replace(/:[^/]*$/, '');
  return { base: `http://${host}/v2/${name}`, name };
}

async function request(url: string, method = 'GET'): Promise<Response> {
  return fetch(url, { method, headers: { Accept: ACCEPT }, signal: AbortSignal.timeout(TIMEOUT_MS) });
}

/** Every tag of the repository, following the registry's Link pagination; none when it is unknown. */
async function tagsOf(base: string): Promise<string[]> {
  const tags: string[] = [];
  let next: string | undefined = `${base}/tags/list?n=1000`;
  while (next) {
    const r = await request(next);
    if (r.status === 404) return tags;
    if (!r.ok) throw new Error(`GET ${next}: HTTP ${r.status}`);
    tags.push(...(((await r.json()) as { tags?: string[] | null }).tags ?? []));
    const link = /<([^>]+)>;\s*rel="next"/.exec(r.headers.get('link') ?? '');
    next = link ? new URL(link[1]!, base).href : undefined;
  }
  return tags;
}

/**
 * The digests to delete, parents before what they list: each tag's manifest, the manifests an
 * index lists, and the image a cosign tag (sha256-<hex>.sig/.att/.sbom) is about, tagged or not.
 */
async function digestsOf(base: string, tags: string[]): Promise<string[]> {
  const found: string[] = [];
  const add = (d: string | null | undefined) => {
    if (d && !found.includes(d)) found.push(d);
  };
  for (const tag of tags) {
    const r = await request(`${base}/manifests/${encodeURIComponent(tag)}`);
    if (!r.ok) continue;
    add(r.headers.get('docker-content-digest'));
    const body = (await r.json()) as { manifests?: { digest?: string }[] };
    for (const m of body.manifests ?? []) add(m.digest);
  }
  for (const tag of tags) {
    const signed = /^(sha256)-([0-9a-f]{64})\.\w+$/.exec(tag);
    if (signed) add(`${signed[1]}:${signed[2]}`);
  }
  return found;
}

/** Deletes every manifest of REPOSITORY (HOST[:PORT]/NAME) it can find, and those of DIGESTS. */
export async function deleteRepository(repository: string, digests: readonly string[] = []): Promise<void> {
  const { base, name } = split(repository);
  try {
    const all = [...new Set([...(await digestsOf(base, await tagsOf(base))), ...digests])];
    const failed: string[] = [];
    for (const digest of all) {
      const r = await request(`${base}/manifests/${digest}`, 'DELETE');
      // 404: gone already (a tag's manifest listed twice, or deleted with its index).
      if (r.status !== 202 && r.status !== 404) failed.push(`${digest}: HTTP ${r.status}`);
    }
    if (failed.length > 0) throw new Error(`DELETE refused for ${failed.join(', ')}`);
  } catch (e) {
    console.warn(`[integration] could not delete ${name} from the test registry: ${(e as Error).message}`);
  }
}

/** deleteRepository for each of REPOSITORIES, one after another. */
export async function deleteRepositories(repositories: readonly string[]): Promise<void> {
  for (const r of repositories) await deleteRepository(r);
}
