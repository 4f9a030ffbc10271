// A small OCI distribution client: read and write manifests and blobs of one registry over HTTP,
// with the credentials docker would use (Docker's config: credHelpers, credsStore, auths) and the
// distribution token flow (Bearer realm/service/scope, or Basic). The native signer pushes cosign's
// `.sig`/`.att` images with it: one keep-alive connection instead of a cosign process per call.
// Plain HTTP only for loopback registries, as dockerd and buildx allow. Every failure is an
// EnvironmentError (exit 3) that names the registry and the request, never a credential.
import { setTimeout as delay } from 'node:timers/promises';
import { EnvironmentError } from '../errors.js';
import { anySignal } from '../util/abort.js';
import {
  INTERRUPTED_CANCEL_MS,
  interruptedFailure,
  isInterrupted,
  throwIfInterrupted,
  untilInterrupted,
} from '../util/cleanup.js';
import { redirectLoginRefused, registryLoginFix } from './failures.js';
import {
  ANSWER_TOO_LARGE,
  ociRetryWaitMs,
  registryErrorCode,
  type OciClient,
  type OciClientDeps,
  type OciResponse,
  parseJson,
  RegistryAnswerError,
  sha256Digest,
} from './oci-types.js';
import { basicAuth, type Credential, registryErrorText } from './registry-auth.js';
import {
  parseChallenge,
  registryApiBase,
  registryUnreachable,
  requestTarget,
  tokenOf,
  tokenServiceAllowed,
  tokenRequestUrl,
} from './registry.js';

export {
  ANSWER_TOO_LARGE,
  type Manifest,
  ociRetryWaitMs,
  type OciClient,
  type OciFetch,
  type OciResponse,
  RegistryAnswerError,
  sha256Digest,
} from './oci-types.js';

/** A connection opened ahead of use (warm) that takes longer is left to the request that needs it. */
const WARM_TIMEOUT_MS = 5_000;

/** Answers a registry gives while it is briefly unwell (or busy): the request is tried again. */
const PASSING = new Set([429, 500, 502, 503, 504]);
/** Attempts of one request that may be repeated (GET, HEAD, a manifest PUT), the first included. */
const OCI_ATTEMPTS = 3;

const registryError = (status: number, body: Buffer): string =>
  registryErrorText(status, body.toString('utf8'));

/** A response read whole. */
type Answer = { status: number; headers: OciResponse['headers']; body: Buffer; url?: string | undefined };
/** A CANCEL (an upload's DELETE) runs after SIGINT too, briefly; MAX_BYTES is OciFetch's. */
type How = { cancel?: boolean; maxBytes?: number };

/** A client of one registry host; createOciClient makes one. */
class RegistryClient implements OciClient {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private credential: Credential | undefined;
  private pair: Promise<{ username: string; secret: string } | undefined> | undefined;
  /** Authorization per "repository:actions" scope, once the registry asked for it. */
  private readonly auth = new Map<string, Promise<string>>();

  constructor(
    readonly host: string,
    private readonly deps: OciClientDeps,
  ) {
    this.base = registryApiBase(host);
    this.timeoutMs = deps.timeoutMs ?? 30_000;
    this.sleep = deps.sleep ?? ((ms) => delay(ms, undefined, { signal: untilInterrupted(deps.signal) }));
  }

  private login() {
    this.credential ??= this.deps.credential();
    // No pair (no login, or a helper without one for this host): anonymous, as docker goes on.
    // A credential helper that hangs is stopped at the caller's deadline, not 30 s later.
    this.pair ??= this.credential.get ? this.credential.get(this.deps.signal) : Promise.resolve(undefined);
    return this.pair;
  }

  /** A request, ended by its timeout, the deadline or SIGINT/SIGTERM (a CANCEL: not that, but short). */
  private async send(
    url: string,
    method: string,
    headers: Record<string, string>,
    body?: Buffer,
    resendable = false,
    { cancel = false, maxBytes }: How = {},
  ): Promise<Answer> {
    let r: OciResponse;
    const { signal: deadline } = this.deps;
    deadline?.throwIfAborted();
    const what = `${method} ${url.split('?')[0]}`;
    if (!cancel) throwIfInterrupted(`registry ${this.host}: ${what}`);
    const own = AbortSignal.timeout(cancel && isInterrupted() ? INTERRUPTED_CANCEL_MS : this.timeoutMs);
    const mine = deadline ? anySignal([own, deadline]) : own;
    try {
      r = await this.deps.fetch(url, {
        method,
        headers,
        ...(body !== undefined && { body }),
        ...(resendable && { resendable }),
        ...(maxBytes !== undefined && { maxBytes }),
        signal: cancel ? mine : untilInterrupted(mine),
      });
    } catch (e) {
      // SIGINT/SIGTERM/SIGHUP stopped it: the interrupt's error, not an unreachable registry.
      const stopped = !cancel && interruptedFailure(`registry ${this.host}: ${what}`, 'aborted', e);
      if (stopped) throw stopped;
      // The caller's deadline passed (a verify's: it names what it waited for).
      if (deadline?.aborted)
        throw registryUnreachable(this.host, what, e, { why: "the caller's deadline passed" });
      const inner = (e as { cause?: { code?: string; message?: string } }).cause;
      const most = maxBytes === undefined ? "cosign's images ever hold" : 'its descriptor declares';
      if (inner?.code === ANSWER_TOO_LARGE)
        throw new EnvironmentError(
          `registry ${this.host}: ${what} answered more than ${most} (${inner.message})`,
          'check the registry and any proxy in between: this is not a signature or an attestation',
          { cause: e },
        );
      if ((e as Error).name === 'TimeoutError')
        throw registryUnreachable(this.host, what, e, {
          why: `no answer within ${Math.round(this.timeoutMs / 1000)}s`,
        });
      // registryUnreachable names NODE_EXTRA_CA_CERTS for a certificate Node refused.
      throw registryUnreachable(this.host, what, e);
    }
    return { status: r.status, headers: r.headers, body: Buffer.from(await r.arrayBuffer()), url: r.url };
  }

  /** A refused login or request; SCOPE says whether reading was enough (verify) or it writes. */
  private denied(detail: string, scope: string) {
    const access = scope.endsWith(':pull') ? 'read' : 'write';
    return new EnvironmentError(`registry ${detail}`, registryLoginFix(this.host, access));
  }

  /** Answer a 401 challenge: a Bearer token for the scope, or Basic with the stored login. */
  private async authorize(challenge: string, scope: string): Promise<string> {
    const { scheme, params } = parseChallenge(challenge);
    const creds = await this.login();
    const who = this.credential?.describe ?? 'no credential';
    if (creds?.username === '<token>')
      throw new EnvironmentError(
        `registry ${this.host}: the login is an identity token (${who}), which needs docker's refresh-token grant`,
        'sign and verify with the cosign binary: ML_IMAGE_SIGNER=cosign',
      );
    if (scheme === 'basic') {
      if (!creds) throw this.denied(`${this.host} asks for a login and there is none (${who})`, scope);
      return basicAuth(creds);
    }
    if (scheme !== 'bearer' || !params.realm)
      throw this.denied(
        `${this.host} asks for an authentication scheme docker does not use (${scheme || 'none'})`,
        scope,
      );
    const url = tokenRequestUrl(params, scope);
    if (!tokenServiceAllowed(url, this.base))
      throw this.denied(`${this.host} names a token service over plain HTTP (${url.origin}): refused`, scope);
    const t = await this.again(true, () =>
      this.send(url.toString(), 'GET', creds ? { Authorization: basicAuth(creds) } : {}, undefined, true),
    );
    if (t.status !== 200)
      throw this.denied(
        `${this.host} refused a token for ${scope} (${registryError(t.status, t.body)}; ${who})`,
        scope,
      );
    const parsed = parseJson(t.body);
    if (parsed === undefined) throw this.denied(`${this.host}'s token service answered without JSON`, scope);
    const token = tokenOf(parsed);
    if (!token)
      throw this.denied(`${this.host} answered the token request for ${scope} without a token`, scope);
    return `Bearer ${token}`;
  }

  /** One request in a repository's scope; a 401 is answered once with the scope's authorization. */
  private async call(
    repository: string,
    write: boolean,
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: Buffer,
    how: How = {},
  ) {
    const scope = `repository:${repository}:${write ? 'pull,push' : 'pull'}`;
    const url = path.startsWith('http') ? path : `${this.base}${path}`;
    // Credentials go to the registry's own origin only (an upload Location may name another host).
    const target = requestTarget(new URL(url), this.base);
    const own = target === 'own';
    if (target === 'refused')
      throw new EnvironmentError(
        `registry ${this.host} sent ${method} to plain HTTP (${new URL(url).origin}): refused`,
        'check the registry and any proxy in between: an HTTPS registry must not move uploads to HTTP',
      );
    // Repeatable: reads, and a manifest PUT (same bytes, same tag); an upload's POST or PUT is not.
    const repeatable =
      method === 'GET' ||
      method === 'HEAD' ||
      (method === 'PUT' && path.startsWith(`/v2/${repository}/manifests/`));
    // Sent again on a new connection when a kept-alive one was closed before any answer: what is
    // repeatable, and opening or cancelling an upload (a new upload session; one that is gone).
    const resendable =
      repeatable ||
      method === 'DELETE' ||
      (method === 'POST' && path.startsWith(`/v2/${repository}/blobs/uploads/`));
    if (!own) return this.again(repeatable, () => this.send(url, method, headers, body, resendable, how));
    const withAuth = (a: string | undefined) =>
      this.again(repeatable, () =>
        this.send(
          url,
          method,
          { ...headers, ...(a !== undefined && { Authorization: a }) },
          body,
          resendable,
          how,
        ),
      );
    const known = this.auth.get(scope);
    let r = await withAuth(known ? await known : undefined);
    // A challenge from another origin (where a redirect led) is not the registry's: no login there.
    if (r.status === 401 && r.url && requestTarget(new URL(r.url), this.base) !== 'own')
      throw redirectLoginRefused(this.host, `${method} ${path.split('?')[0]}`, r.url);
    if (r.status === 401) {
      // Requests sent at once all meet the challenge: the first to answer it asks for the token,
      // the others wait for that one (one token request per scope, not one per request).
      const since = this.auth.get(scope);
      const next =
        since !== undefined && since !== known
          ? since
          : this.authorize(r.headers.get('www-authenticate') ?? '', scope);
      if (next !== since) {
        this.auth.set(scope, next);
        next.catch(() => {
          if (this.auth.get(scope) === next) this.auth.delete(scope);
        });
      }
      r = await withAuth(await next);
      if (r.status === 401)
        throw this.denied(
          `${this.host} refused ${this.credential?.kind === 'none' ? 'anonymous access' : 'the credentials'} for ${scope} (HTTP 401; ${this.credential?.describe ?? 'no credential'})`,
          scope,
        );
    }
    if (r.status === 403)
      throw this.denied(`${this.host} refused ${method} ${path.split('?')[0]} (HTTP 403)`, scope);
    return r;
  }

  /**
   * A registry's passing 5xx or 429 on a REPEATABLE request is tried again (an upload's POST or
   * PUT is not: the upload is spent).
   */
  private async again(repeatable: boolean, send: () => Promise<Answer>): Promise<Answer> {
    for (let attempt = 1; ; attempt++) {
      const r = await send();
      if (!repeatable || !PASSING.has(r.status) || attempt >= OCI_ATTEMPTS) return r;
      await this.sleep(ociRetryWaitMs(attempt, r.headers.get('retry-after'))).catch((e: unknown) => {
        throw interruptedFailure(`registry ${this.host}: a wait to try again`, undefined, e) ?? e;
      });
      this.deps.signal?.throwIfAborted();
    }
  }

  /**
   * A request the registry answered with STATUS: passing (5xx, 429), else refused; the fix for a
   * refusal is READ's (a GET of a manifest or a blob) or the push's.
   */
  private fail(what: string, r: { status: number; body: Buffer }, read?: 'manifest' | 'blob') {
    return new RegistryAnswerError(
      r.status,
      `registry ${this.host}: ${what} failed (${registryError(r.status, r.body)})`,
      PASSING.has(r.status)
        ? 'the registry is failing for now (reads and manifests were tried again): check its status, then run again'
        : read === 'blob'
          ? 'the registry lists a blob it cannot serve: check the registry (its storage) and any proxy in between'
          : read === 'manifest'
            ? 'the registry refused to read a manifest: check the registry host name and any proxy in between'
            : 'check that the registry accepts OCI image manifests, and that the repository exists or may be created',
    );
  }

  async warm(sockets: number): Promise<void> {
    const ping = () =>
      this.deps
        .fetch(`${this.base}/v2/`, {
          method: 'GET',
          headers: {},
          signal: untilInterrupted(AbortSignal.timeout(WARM_TIMEOUT_MS)),
        })
        .then((r) => r.arrayBuffer())
        .catch(() => undefined);
    await Promise.all(Array.from({ length: sockets }, ping));
  }

  async manifest(repository: string, reference: string, accept: readonly string[]) {
    const r = await this.call(repository, false, 'GET', `/v2/${repository}/manifests/${reference}`, {
      Accept: accept.join(', '),
    });
    if (r.status === 404) return undefined;
    if (r.status !== 200) throw this.fail(`reading the manifest ${repository}:${reference}`, r, 'manifest');
    const digest = sha256Digest(r.body);
    // By digest, the bytes must be that digest: a registry or proxy cannot answer with another image.
    if (reference.startsWith('sha256:') && digest !== reference)
      throw new EnvironmentError(
        `registry ${this.host}: the manifest ${repository}@${reference} came back with other content (${digest})`,
        'check the registry or any proxy in between: it changed a manifest',
      );
    const parsed = parseJson(r.body) as { mediaType?: unknown } | undefined;
    if (parsed === undefined || typeof parsed !== 'object' || parsed === null)
      throw new EnvironmentError(
        `registry ${this.host}: the manifest ${repository}:${reference} is not JSON (${r.headers.get('content-type') ?? 'no content type'})`,
        'check the registry host name and any proxy in between: something else answered',
      );
    const mediaType =
      (typeof parsed.mediaType === 'string' ? parsed.mediaType : undefined) ??
      r.headers.get('content-type') ??
      '';
    return { mediaType, digest, bytes: r.body };
  }

  async hasRepository(repository: string) {
    const r = await this.call(repository, false, 'GET', `/v2/${repository}/tags/list?n=1`);
    if (r.status === 200) return true;
    return r.status === 404 && registryErrorCode(r.body) === 'NAME_UNKNOWN' ? false : undefined;
  }

  async blob(repository: string, digest: string, maxBytes?: number) {
    const path = `/v2/${repository}/blobs/${digest}`;
    const r = await this.call(repository, false, 'GET', path, {}, undefined, { maxBytes });
    if (r.status !== 200) throw this.fail(`reading the blob ${repository}@${digest}`, r, 'blob');
    if (sha256Digest(r.body) !== digest)
      throw new EnvironmentError(
        `registry ${this.host}: the blob ${repository}@${digest} came back with other content`,
        'check the registry or any proxy in between: it changed a blob',
      );
    return r.body;
  }

  async startUpload(repository: string, mount?: string) {
    if (mount !== undefined) {
      const from = `?mount=${encodeURIComponent(mount)}&from=${encodeURIComponent(repository)}`;
      const r = await this.call(repository, true, 'POST', `/v2/${repository}/blobs/uploads/${from}`);
      // Linked: the registry says so for this very digest (a 201 naming another is not believed).
      if (r.status === 201 && (r.headers.get('docker-content-digest') ?? mount) === mount) return undefined;
      const location = r.headers.get('location');
      if (r.status === 202 && location) return new URL(location, `${this.base}/`).toString();
      // Anything else (a registry that refuses the query itself, or says odd things): a plain upload.
    }
    return this.openUpload(repository);
  }

  private async openUpload(repository: string) {
    const start = await this.call(repository, true, 'POST', `/v2/${repository}/blobs/uploads/`);
    const location = start.headers.get('location');
    if (start.status !== 202 || !location) throw this.fail(`starting an upload to ${repository}`, start);
    return new URL(location, `${this.base}/`).toString();
  }

  async finishUpload(repository: string, upload: string, data: Buffer) {
    const digest = sha256Digest(data);
    const url = new URL(upload);
    url.searchParams.set('digest', digest);
    const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(data.length) };
    const put = await this.call(repository, true, 'PUT', url.toString(), headers, data);
    if (put.status !== 201) throw this.fail(`uploading ${digest} to ${repository}`, put);
    return digest;
  }

  async cancelUpload(repository: string, upload: string) {
    const r = await this.call(repository, true, 'DELETE', upload, {}, undefined, { cancel: true });
    // 404: the registry has dropped it already.
    if (r.status !== 204 && r.status !== 404) throw this.fail(`cancelling an upload to ${repository}`, r);
  }

  async putManifest(repository: string, tag: string, mediaType: string, bytes: Buffer) {
    const path = `/v2/${repository}/manifests/${tag}`;
    const r = await this.call(repository, true, 'PUT', path, { 'Content-Type': mediaType }, bytes);
    if (r.status !== 201) throw this.fail(`pushing the manifest ${repository}:${tag}`, r);
    return sha256Digest(bytes);
  }
}

export function createOciClient(host: string, deps: OciClientDeps): OciClient {
  return new RegistryClient(host, deps);
}
