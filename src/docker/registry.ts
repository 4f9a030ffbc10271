// Registry reachability: GET /v2/ answers 200 or 401 on any distribution-compatible registry.
import { DOCKER_HUB, isDigest, parseImageRef } from '../oci/ref.js';
import { EnvironmentError } from '../errors.js';
import { anySignal } from '../util/abort.js';
import { interruptedFailure, untilInterrupted } from '../util/cleanup.js';
import { simpleFetch } from './http-fetch.js';
import { sha256Digest } from './oci-types.js';
import { isPlainHttpRegistry, PROXY_VARS } from './plain-http.js';

export type Fetch = (
  url: string,
  init?: { signal?: AbortSignal; method?: string },
) => Promise<{ status: number }>;

export { isPlainHttpRegistry } from './plain-http.js';

/**
 * Where a registry at BASE (its API origin) sends a request (an upload's Location, a token realm):
 * `own` (its origin: the credentials go along), `other` (another HTTPS origin, or any origin of a
 * loopback registry: no credentials), or `refused` (an HTTPS registry moving it to plain HTTP).
 */
export function requestTarget(url: URL, base: string): 'own' | 'other' | 'refused' {
  if (url.origin === new URL(base).origin) return 'own';
  return url.protocol === 'https:' || base.startsWith('http:') ? 'other' : 'refused';
}

/**
 * Whether a registry at BASE may have the login sent to the token service at URL: not when
 * requestTarget refuses it, nor over plain HTTP to a host that is not loopback (a loopback
 * registry, a tunnel say, naming one would have the login cross the network in clear).
 */
export function tokenServiceAllowed(url: URL, base: string): boolean {
  return (
    requestTarget(url, base) !== 'refused' && (url.protocol === 'https:' || isPlainHttpRegistry(url.host))
  );
}

/** Plain HTTP for loopback registries (as dockerd and buildx allow), HTTPS for everything else. */
export function registryBaseUrl(host: string): string {
  return `${isPlainHttpRegistry(host) ? 'http' : 'https'}://${host}`;
}

/** Why a fetch failed, as fetch and node:http report it: its cause's code or message, else its own. */
function fetchFailureCause(e: unknown): string {
  const inner = (e as { cause?: { code?: string; message?: string } }).cause;
  return inner?.code ?? inner?.message ?? (e as Error).message;
}

/** The code and message of a failed request's cause (fetch's and node:http's `cause`), else its own. */
function causeText(e: unknown): string {
  type Failure = { code?: string; message?: string; cause?: Failure } | undefined;
  const inner = (e as Failure)?.cause ?? (e as Failure);
  return `${inner?.code ?? ''} ${inner?.message ?? ''}`;
}

/** Node refused the registry's certificate: a private CA, a self-signed or mis-named certificate. */
function isCertificateError(e: unknown): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|HOSTNAME_MISMATCH/i.test(causeText(e));
}

/** The registry answered the TLS handshake with something else: plain HTTP, most likely. */
function isTlsProtocolError(e: unknown): boolean {
  return /EPROTO|WRONG_VERSION_NUMBER|wrong version number|packet length too long|http request/i.test(
    causeText(e),
  );
}

/** The fix for a registry whose certificate Node refused (Node reads its own CA list, not the system's). */
const CERTIFICATE_FIX =
  "Node does not trust the registry's certificate (a private CA?): point NODE_EXTRA_CA_CERTS at your " +
  'CA bundle (PEM), as docker trusts it through /etc/docker/certs.d; for signing, ML_IMAGE_SIGNER=cosign also works';

/**
 * The fix for a loopback registry nothing answers at: start it, or name the right one where the
 * host came from: the config's image.registry (which the action's registry or tags input
 * overrides) for a build or run, the image reference given for verify and export (no config).
 */
export function loopbackRegistryFix(host: string): string {
  return (
    `start the registry at ${host}, or, if that host or port is wrong, name the right one: ` +
    "image.registry in the config (ml-image.yml, or the file --config or the action's config input " +
    "names; the action's registry and tags inputs override it), or the image reference given to " +
    'verify or export'
  );
}

/**
 * "registry HOST is unreachable (WHAT: why)", exit 3, for request E that got no answer (why: its
 * cause, unless given): the fix for a loopback one is loopbackRegistryFix's, it names
 * NODE_EXTRA_CA_CERTS for a certificate Node refused, a plain-HTTP registry for a TLS protocol
 * error, else points at the name, network and proxy (unless given).
 */
export function registryUnreachable(
  host: string,
  what: string,
  e: unknown,
  { why, fix }: { why?: string; fix?: string | undefined } = {},
): EnvironmentError {
  const loopback = isPlainHttpRegistry(host);
  // A timeout: something took the connection and did not answer, so it is not "start it".
  const timedOut =
    (e as Error | undefined)?.name === 'TimeoutError' ||
    /UND_ERR_(?:HEADERS|BODY)_TIMEOUT/.test(causeText(e));
  return new EnvironmentError(
    `registry ${host} is unreachable (${what}: ${why ?? fetchFailureCause(e)})`,
    fix ??
      (loopback
        ? timedOut
          ? `the registry at ${host} took the connection but did not answer in time: check that it is healthy (its log), and that it, not another program, listens on that port`
          : loopbackRegistryFix(host)
        : isCertificateError(e)
          ? CERTIFICATE_FIX
          : isTlsProtocolError(e)
            ? `the registry does not speak HTTPS (plain HTTP?): serve ${host} over HTTPS, or check the port`
            : 'check the registry host name, your network, and any proxy settings (HTTPS_PROXY, NO_PROXY)'),
    { cause: e },
  );
}

/** The token service's URL of a Bearer challenge's parameters, for SCOPE. */
export function tokenRequestUrl(params: Readonly<Record<string, string>>, scope: string): URL {
  const url = new URL(params.realm ?? '');
  if (params.service) url.searchParams.set('service', params.service);
  url.searchParams.set('scope', scope);
  return url;
}

/** The token in a token service's JSON answer (`token`, or OAuth's `access_token`); undefined if none. */
export function tokenOf(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const { token, access_token: access } = body as { token?: unknown; access_token?: unknown };
  const found = typeof token === 'string' && token ? token : access;
  return typeof found === 'string' && found ? found : undefined;
}

/** Where checkRegistry's notes go: stderr, as the CLI's progress (the action's log). */
const stderrNote = (line: string) => void process.stderr.write(`${line}\n`);

/**
 * Is HOST's registry there? GET /v2/ (no credentials: this check sends none) answers 200 or 401.
 * A registry that answers the TLS handshake with plain HTTP (one docker's daemon.json lists under
 * insecure-registries, registry.lan:5000) is asked again at http://HOST/v2/, still anonymously: if
 * that answers, the run goes on with a NOTE (buildx and dockerd decide whether they push there).
 */
export async function checkRegistry(
  host: string,
  fetchFn: Fetch = simpleFetch,
  timeoutMs = 5000,
  note: (line: string) => void = stderrNote,
): Promise<number> {
  // Docker Hub's API by any of its names: https://docker.io/v2/ redirects to www.docker.com's pages.
  const url = `${registryApiBase(host)}/v2/`;
  let status: number;
  try {
    status = (await fetchFn(url, { signal: untilInterrupted(AbortSignal.timeout(timeoutMs)) })).status;
  } catch (e) {
    const stopped = interruptedFailure(`registry ${host}: GET ${url}`, 'aborted', e);
    if (stopped) throw stopped;
    const plain = isTlsProtocolError(e) ? await plainHttpStatus(host, fetchFn, timeoutMs) : undefined;
    if (plain === undefined) throw registryUnreachable(host, url, e);
    note(
      `registry ${host} speaks plain HTTP (http://${host}/v2/ answered HTTP ${plain}): the push goes ` +
        "as the Docker daemon's insecure-registries allow; signing and attesting reach only loopback " +
        'registries over plain HTTP (docs/signing.md)',
    );
    return plain;
  }
  if (status !== 200 && status !== 401) {
    throw new EnvironmentError(
      `registry ${host} answered HTTP ${status} at ${url}: not a container registry API`,
      'check the registry host name (e.g. ghcr.io, docker.io, localhost:5000)',
    );
  }
  return status;
}

/** http://HOST/v2/'s status when it is a registry's (200, 401), asked without credentials; else undefined. */
async function plainHttpStatus(host: string, fetchFn: Fetch, timeoutMs: number): Promise<number | undefined> {
  try {
    const signal = untilInterrupted(AbortSignal.timeout(timeoutMs));
    const { status } = await fetchFn(`http://${host}/v2/`, { signal });
    return status === 200 || status === 401 ? status : undefined;
  } catch {
    return undefined;
  }
}

/**
 * registry host, repository path and tag (or digest) of an image reference, as docker reads it
 * (parseImageRef: Docker Hub's official images, by any of its names, under library/).
 */
export function splitImageRef(ref: string): { host: string; repository: string; reference: string } {
  const { registry, path, tag, digest } = parseImageRef(ref);
  return { host: registry, repository: path, reference: digest ?? tag ?? 'latest' };
}

/** What a tag may point to: a multi-arch list/index or a single manifest, Docker's or OCI's. */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];
const MANIFEST_TYPES = MANIFEST_MEDIA_TYPES.join(', ');

type Answer = { status: number; headers: { get(name: string): string | null }; json(): Promise<unknown> };
type HeadFetch<A extends Answer = Answer> = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<A>;

/** The base URL of HOST's registry API (Docker Hub's by any of its names). */
export const registryApiBase = (host: string): string =>
  registryBaseUrl(DOCKER_HUB.has(host) ? 'registry-1.docker.io' : host);

/** key="value" parameters of a WWW-Authenticate challenge. */
export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  const params: Record<string, string> = {};
  for (const m of rest.join(' ').matchAll(/(\w+)="([^"]*)"/g)) params[m[1]!.toLowerCase()] = m[2]!;
  return { scheme: scheme.toLowerCase(), params };
}

/**
 * One anonymous request for REF's manifest (an anonymous pull token first where the registry asks
 * for one): the registry's answer, or undefined whenever this cannot ask (a login needed, a proxy
 * configured, any error).
 */
async function anonymousManifestRequest<A extends Answer>(
  ref: string,
  method: 'HEAD' | 'GET',
  fetchFn: HeadFetch<A>,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs: number,
  deadline?: AbortSignal,
): Promise<A | undefined> {
  const { host, repository, reference } = splitImageRef(ref);
  if (!isPlainHttpRegistry(host) && PROXY_VARS.some((v) => env[v])) return undefined;
  const url = `${registryApiBase(host)}/v2/${repository}/manifests/${reference}`;
  // Each request's own timeout, and the caller's deadline or SIGINT/SIGTERM when it comes first.
  const signal = () =>
    untilInterrupted(
      deadline ? anySignal([AbortSignal.timeout(timeoutMs), deadline]) : AbortSignal.timeout(timeoutMs),
    );
  const ask = (authorization?: string) =>
    fetchFn(url, {
      method,
      headers: { Accept: MANIFEST_TYPES, ...(authorization && { Authorization: authorization }) },
      signal: signal(),
    });
  try {
    const r = await ask();
    if (r.status !== 401) return r;
    const { scheme, params } = parseChallenge(r.headers.get('www-authenticate') ?? '');
    if (scheme !== 'bearer' || !params.realm) return undefined;
    const tokenUrl = tokenRequestUrl(params, `repository:${repository}:pull`);
    // A realm the registry may not send a login to is not asked either (an HTTPS registry naming a
    // plain-HTTP one, say on the cloud's metadata address): buildx is asked instead.
    if (!tokenServiceAllowed(tokenUrl, registryApiBase(host))) return undefined;
    const t = await fetchFn(tokenUrl.toString(), { signal: signal() });
    if (t.status !== 200) return undefined;
    const token = tokenOf(await t.json());
    return token ? await ask(`Bearer ${token}`) : undefined;
  } catch (e) {
    // After SIGINT/SIGTERM the interrupt's error: nothing else (buildx) is asked instead.
    const stopped = interruptedFailure(`registry ${host}: reading ${ref}`, 'aborted', e);
    if (stopped) throw stopped;
    return undefined;
  }
}

/**
 * The digest a tag points to, by one HEAD request to the registry (an anonymous pull token first
 * where the registry asks for one): what `docker buildx imagetools inspect` reports, without
 * starting the docker CLI and buildx. Undefined whenever it cannot tell (a login needed, a proxy
 * configured, no Docker-Content-Digest, any error): the caller then asks buildx, which knows the
 * credentials, proxies and registry settings.
 */
export async function manifestDigestOverHttp(
  ref: string,
  fetchFn: HeadFetch = simpleFetch,
  env: Readonly<Record<string, string | undefined>> = process.env,
  timeoutMs = 3000,
): Promise<string | undefined> {
  const { reference } = splitImageRef(ref);
  if (reference.startsWith('sha256:')) return isDigest(reference) ? reference : undefined;
  const r = await anonymousManifestRequest(ref, 'HEAD', fetchFn, env, timeoutMs);
  const digest = r?.status === 200 ? r.headers.get('docker-content-digest') : null;
  return isDigest(digest) ? digest : undefined;
}

type GetAnswer = Answer & { arrayBuffer(): Promise<ArrayBuffer> };

/**
 * The manifest (or index) that REF names by digest, by one GET request asked as
 * manifestDigestOverHttp asks: its bytes as text (what `docker buildx imagetools inspect --raw`
 * prints) when they hash to that digest. Undefined for a tag, for Docker Hub, and whenever it
 * cannot tell: the caller then asks buildx. DEADLINE (a caller's) cuts each request's timeout short.
 */
export async function manifestOverHttp(
  ref: string,
  fetchFn: HeadFetch<GetAnswer> = simpleFetch,
  env: Readonly<Record<string, string | undefined>> = process.env,
  timeoutMs = 3000,
  deadline?: AbortSignal,
): Promise<string | undefined> {
  const { host, reference } = splitImageRef(ref);
  // Docker Hub counts a manifest GET as a pull (a HEAD it does not): asked anonymously, it would
  // spend the runner's shared quota where buildx spends the login's.
  if (!isDigest(reference) || DOCKER_HUB.has(host)) return undefined;
  const r = await anonymousManifestRequest(ref, 'GET', fetchFn, env, timeoutMs, deadline);
  if (r?.status !== 200) return undefined;
  try {
    const bytes = Buffer.from(await r.arrayBuffer());
    return sha256Digest(bytes) === reference ? bytes.toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}
