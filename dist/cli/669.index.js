export const id = 669;
export const ids = [669];
export const modules = {

/***/ 7589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dj: () => (/* binding */ createOciClient),
/* harmony export */   QA: () => (/* reexport safe */ _oci_types_js__WEBPACK_IMPORTED_MODULE_5__.QA),
/* harmony export */   ap: () => (/* reexport safe */ _oci_types_js__WEBPACK_IMPORTED_MODULE_5__.ap),
/* harmony export */   sI: () => (/* reexport safe */ _oci_types_js__WEBPACK_IMPORTED_MODULE_5__.sI)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _util_abort_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42334);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38201);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76873);
/* harmony import */ var _oci_types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2329);
/* harmony import */ var _registry_auth_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8516);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(98925);
// A small OCI distribution client: read and write manifests and blobs of one registry over HTTP,
// with the credentials docker would use (Docker's config: credHelpers, credsStore, auths) and the
// distribution token flow (Bearer realm/service/scope, or Basic). The native signer pushes cosign's
// `.sig`/`.att` images with it: one keep-alive connection instead of a cosign process per call.
// Plain HTTP only for loopback registries, as dockerd and buildx allow. Every failure is an
// EnvironmentError (exit 3) that names the registry and the request, never a credential.









/** A connection opened ahead of use (warm) that takes longer is left to the request that needs it. */
const WARM_TIMEOUT_MS = 5_000;
/** Answers a registry gives while it is briefly unwell (or busy): the request is tried again. */
const PASSING = new Set([429, 500, 502, 503, 504]);
/** Attempts of one request that may be repeated (GET, HEAD, a manifest PUT), the first included. */
const OCI_ATTEMPTS = 3;
const registryError = (status, body) => (0,_registry_auth_js__WEBPACK_IMPORTED_MODULE_6__/* .registryErrorText */ .vC)(status, body.toString('utf8'));
/** A client of one registry host; createOciClient makes one. */
class RegistryClient {
    host;
    deps;
    base;
    timeoutMs;
    sleep;
    credential;
    pair;
    /** Authorization per "repository:actions" scope, once the registry asked for it. */
    auth = new Map();
    constructor(host, deps) {
        this.host = host;
        this.deps = deps;
        this.base = (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .registryApiBase */ .vO)(host);
        this.timeoutMs = deps.timeoutMs ?? 30_000;
        this.sleep = deps.sleep ?? ((ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, { signal: (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .untilInterrupted */ .tv)(deps.signal) }));
    }
    login() {
        this.credential ??= this.deps.credential();
        // No pair (no login, or a helper without one for this host): anonymous, as docker goes on.
        // A credential helper that hangs is stopped at the caller's deadline, not 30 s later.
        this.pair ??= this.credential.get ? this.credential.get(this.deps.signal) : Promise.resolve(undefined);
        return this.pair;
    }
    /** A request, ended by its timeout, the deadline or SIGINT/SIGTERM (a CANCEL: not that, but short). */
    async send(url, method, headers, body, resendable = false, { cancel = false, maxBytes } = {}) {
        let r;
        const { signal: deadline } = this.deps;
        deadline?.throwIfAborted();
        const what = `${method} ${url.split('?')[0]}`;
        if (!cancel)
            (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .throwIfInterrupted */ .sK)(`registry ${this.host}: ${what}`);
        const own = AbortSignal.timeout(cancel && (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .isInterrupted */ .fT)() ? _util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .INTERRUPTED_CANCEL_MS */ .Hl : this.timeoutMs);
        const mine = deadline ? (0,_util_abort_js__WEBPACK_IMPORTED_MODULE_2__/* .anySignal */ .J)([own, deadline]) : own;
        try {
            r = await this.deps.fetch(url, {
                method,
                headers,
                ...(body !== undefined && { body }),
                ...(resendable && { resendable }),
                ...(maxBytes !== undefined && { maxBytes }),
                signal: cancel ? mine : (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .untilInterrupted */ .tv)(mine),
            });
        }
        catch (e) {
            // SIGINT/SIGTERM/SIGHUP stopped it: the interrupt's error, not an unreachable registry.
            const stopped = !cancel && (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .interruptedFailure */ .rn)(`registry ${this.host}: ${what}`, 'aborted', e);
            if (stopped)
                throw stopped;
            // The caller's deadline passed (a verify's: it names what it waited for).
            if (deadline?.aborted)
                throw (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .registryUnreachable */ .qC)(this.host, what, e, { why: "the caller's deadline passed" });
            const inner = e.cause;
            const most = maxBytes === undefined ? "cosign's images ever hold" : 'its descriptor declares';
            if (inner?.code === _oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .ANSWER_TOO_LARGE */ .QA)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host}: ${what} answered more than ${most} (${inner.message})`, 'check the registry and any proxy in between: this is not a signature or an attestation', { cause: e });
            if (e.name === 'TimeoutError')
                throw (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .registryUnreachable */ .qC)(this.host, what, e, {
                    why: `no answer within ${Math.round(this.timeoutMs / 1000)}s`,
                });
            // registryUnreachable names NODE_EXTRA_CA_CERTS for a certificate Node refused.
            throw (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .registryUnreachable */ .qC)(this.host, what, e);
        }
        return { status: r.status, headers: r.headers, body: Buffer.from(await r.arrayBuffer()), url: r.url };
    }
    /** A refused login or request; SCOPE says whether reading was enough (verify) or it writes. */
    denied(detail, scope) {
        const access = scope.endsWith(':pull') ? 'read' : 'write';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${detail}`, (0,_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .registryLoginFix */ .ow)(this.host, access));
    }
    /** Answer a 401 challenge: a Bearer token for the scope, or Basic with the stored login. */
    async authorize(challenge, scope) {
        const { scheme, params } = (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .parseChallenge */ .xy)(challenge);
        const creds = await this.login();
        const who = this.credential?.describe ?? 'no credential';
        if (creds?.username === '<token>')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host}: the login is an identity token (${who}), which needs docker's refresh-token grant`, 'sign and verify with the cosign binary: ML_IMAGE_SIGNER=cosign');
        if (scheme === 'basic') {
            if (!creds)
                throw this.denied(`${this.host} asks for a login and there is none (${who})`, scope);
            return (0,_registry_auth_js__WEBPACK_IMPORTED_MODULE_6__/* .basicAuth */ .tB)(creds);
        }
        if (scheme !== 'bearer' || !params.realm)
            throw this.denied(`${this.host} asks for an authentication scheme docker does not use (${scheme || 'none'})`, scope);
        const url = (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .tokenRequestUrl */ .WC)(params, scope);
        if (!(0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .tokenServiceAllowed */ .hr)(url, this.base))
            throw this.denied(`${this.host} names a token service over plain HTTP (${url.origin}): refused`, scope);
        const t = await this.again(true, () => this.send(url.toString(), 'GET', creds ? { Authorization: (0,_registry_auth_js__WEBPACK_IMPORTED_MODULE_6__/* .basicAuth */ .tB)(creds) } : {}, undefined, true));
        if (t.status !== 200)
            throw this.denied(`${this.host} refused a token for ${scope} (${registryError(t.status, t.body)}; ${who})`, scope);
        const parsed = (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .parseJson */ .qF)(t.body);
        if (parsed === undefined)
            throw this.denied(`${this.host}'s token service answered without JSON`, scope);
        const token = (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .tokenOf */ .B9)(parsed);
        if (!token)
            throw this.denied(`${this.host} answered the token request for ${scope} without a token`, scope);
        return `Bearer ${token}`;
    }
    /** One request in a repository's scope; a 401 is answered once with the scope's authorization. */
    async call(repository, write, method, path, headers = {}, body, how = {}) {
        const scope = `repository:${repository}:${write ? 'pull,push' : 'pull'}`;
        const url = path.startsWith('http') ? path : `${this.base}${path}`;
        // Credentials go to the registry's own origin only (an upload Location may name another host).
        const target = (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .requestTarget */ .t5)(new URL(url), this.base);
        const own = target === 'own';
        if (target === 'refused')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host} sent ${method} to plain HTTP (${new URL(url).origin}): refused`, 'check the registry and any proxy in between: an HTTPS registry must not move uploads to HTTP');
        // Repeatable: reads, and a manifest PUT (same bytes, same tag); an upload's POST or PUT is not.
        const repeatable = method === 'GET' ||
            method === 'HEAD' ||
            (method === 'PUT' && path.startsWith(`/v2/${repository}/manifests/`));
        // Sent again on a new connection when a kept-alive one was closed before any answer: what is
        // repeatable, and opening or cancelling an upload (a new upload session; one that is gone).
        const resendable = repeatable ||
            method === 'DELETE' ||
            (method === 'POST' && path.startsWith(`/v2/${repository}/blobs/uploads/`));
        if (!own)
            return this.again(repeatable, () => this.send(url, method, headers, body, resendable, how));
        const withAuth = (a) => this.again(repeatable, () => this.send(url, method, { ...headers, ...(a !== undefined && { Authorization: a }) }, body, resendable, how));
        const known = this.auth.get(scope);
        let r = await withAuth(known ? await known : undefined);
        // A challenge from another origin (where a redirect led) is not the registry's: no login there.
        if (r.status === 401 && r.url && (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .requestTarget */ .t5)(new URL(r.url), this.base) !== 'own')
            throw (0,_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .redirectLoginRefused */ .C1)(this.host, `${method} ${path.split('?')[0]}`, r.url);
        if (r.status === 401) {
            // Requests sent at once all meet the challenge: the first to answer it asks for the token,
            // the others wait for that one (one token request per scope, not one per request).
            const since = this.auth.get(scope);
            const next = since !== undefined && since !== known
                ? since
                : this.authorize(r.headers.get('www-authenticate') ?? '', scope);
            if (next !== since) {
                this.auth.set(scope, next);
                next.catch(() => {
                    if (this.auth.get(scope) === next)
                        this.auth.delete(scope);
                });
            }
            r = await withAuth(await next);
            if (r.status === 401)
                throw this.denied(`${this.host} refused ${this.credential?.kind === 'none' ? 'anonymous access' : 'the credentials'} for ${scope} (HTTP 401; ${this.credential?.describe ?? 'no credential'})`, scope);
        }
        if (r.status === 403)
            throw this.denied(`${this.host} refused ${method} ${path.split('?')[0]} (HTTP 403)`, scope);
        return r;
    }
    /**
     * A registry's passing 5xx or 429 on a REPEATABLE request is tried again (an upload's POST or
     * PUT is not: the upload is spent).
     */
    async again(repeatable, send) {
        for (let attempt = 1;; attempt++) {
            const r = await send();
            if (!repeatable || !PASSING.has(r.status) || attempt >= OCI_ATTEMPTS)
                return r;
            await this.sleep((0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .ociRetryWaitMs */ .xy)(attempt, r.headers.get('retry-after'))).catch((e) => {
                throw (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .interruptedFailure */ .rn)(`registry ${this.host}: a wait to try again`, undefined, e) ?? e;
            });
            this.deps.signal?.throwIfAborted();
        }
    }
    /**
     * A request the registry answered with STATUS: passing (5xx, 429), else refused; the fix for a
     * refusal is READ's (a GET of a manifest or a blob) or the push's.
     */
    fail(what, r, read) {
        return new _oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .RegistryAnswerError */ .ap(r.status, `registry ${this.host}: ${what} failed (${registryError(r.status, r.body)})`, PASSING.has(r.status)
            ? 'the registry is failing for now (reads and manifests were tried again): check its status, then run again'
            : read === 'blob'
                ? 'the registry lists a blob it cannot serve: check the registry (its storage) and any proxy in between'
                : read === 'manifest'
                    ? 'the registry refused to read a manifest: check the registry host name and any proxy in between'
                    : 'check that the registry accepts OCI image manifests, and that the repository exists or may be created');
    }
    async warm(sockets) {
        const ping = () => this.deps
            .fetch(`${this.base}/v2/`, {
            method: 'GET',
            headers: {},
            signal: (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .untilInterrupted */ .tv)(AbortSignal.timeout(WARM_TIMEOUT_MS)),
        })
            .then((r) => r.arrayBuffer())
            .catch(() => undefined);
        await Promise.all(Array.from({ length: sockets }, ping));
    }
    async manifest(repository, reference, accept) {
        const r = await this.call(repository, false, 'GET', `/v2/${repository}/manifests/${reference}`, {
            Accept: accept.join(', '),
        });
        if (r.status === 404)
            return undefined;
        if (r.status !== 200)
            throw this.fail(`reading the manifest ${repository}:${reference}`, r, 'manifest');
        const digest = (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Digest */ .sI)(r.body);
        // By digest, the bytes must be that digest: a registry or proxy cannot answer with another image.
        if (reference.startsWith('sha256:') && digest !== reference)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host}: the manifest ${repository}@${reference} came back with other content (${digest})`, 'check the registry or any proxy in between: it changed a manifest');
        const parsed = (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .parseJson */ .qF)(r.body);
        if (parsed === undefined || typeof parsed !== 'object' || parsed === null)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host}: the manifest ${repository}:${reference} is not JSON (${r.headers.get('content-type') ?? 'no content type'})`, 'check the registry host name and any proxy in between: something else answered');
        const mediaType = (typeof parsed.mediaType === 'string' ? parsed.mediaType : undefined) ??
            r.headers.get('content-type') ??
            '';
        return { mediaType, digest, bytes: r.body };
    }
    async hasRepository(repository) {
        const r = await this.call(repository, false, 'GET', `/v2/${repository}/tags/list?n=1`);
        if (r.status === 200)
            return true;
        return r.status === 404 && (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .registryErrorCode */ .VS)(r.body) === 'NAME_UNKNOWN' ? false : undefined;
    }
    async blob(repository, digest, maxBytes) {
        const path = `/v2/${repository}/blobs/${digest}`;
        const r = await this.call(repository, false, 'GET', path, {}, undefined, { maxBytes });
        if (r.status !== 200)
            throw this.fail(`reading the blob ${repository}@${digest}`, r, 'blob');
        if ((0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Digest */ .sI)(r.body) !== digest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host}: the blob ${repository}@${digest} came back with other content`, 'check the registry or any proxy in between: it changed a blob');
        return r.body;
    }
    async startUpload(repository, mount) {
        if (mount !== undefined) {
            const from = `?mount=${encodeURIComponent(mount)}&from=${encodeURIComponent(repository)}`;
            const r = await this.call(repository, true, 'POST', `/v2/${repository}/blobs/uploads/${from}`);
            // Linked: the registry says so for this very digest (a 201 naming another is not believed).
            if (r.status === 201 && (r.headers.get('docker-content-digest') ?? mount) === mount)
                return undefined;
            const location = r.headers.get('location');
            if (r.status === 202 && location)
                return new URL(location, `${this.base}/`).toString();
            // Anything else (a registry that refuses the query itself, or says odd things): a plain upload.
        }
        return this.openUpload(repository);
    }
    async openUpload(repository) {
        const start = await this.call(repository, true, 'POST', `/v2/${repository}/blobs/uploads/`);
        const location = start.headers.get('location');
        if (start.status !== 202 || !location)
            throw this.fail(`starting an upload to ${repository}`, start);
        return new URL(location, `${this.base}/`).toString();
    }
    async finishUpload(repository, upload, data) {
        const digest = (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Digest */ .sI)(data);
        const url = new URL(upload);
        url.searchParams.set('digest', digest);
        const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(data.length) };
        const put = await this.call(repository, true, 'PUT', url.toString(), headers, data);
        if (put.status !== 201)
            throw this.fail(`uploading ${digest} to ${repository}`, put);
        return digest;
    }
    async cancelUpload(repository, upload) {
        const r = await this.call(repository, true, 'DELETE', upload, {}, undefined, { cancel: true });
        // 404: the registry has dropped it already.
        if (r.status !== 204 && r.status !== 404)
            throw this.fail(`cancelling an upload to ${repository}`, r);
    }
    async putManifest(repository, tag, mediaType, bytes) {
        const path = `/v2/${repository}/manifests/${tag}`;
        const r = await this.call(repository, true, 'PUT', path, { 'Content-Type': mediaType }, bytes);
        if (r.status !== 201)
            throw this.fail(`pushing the manifest ${repository}:${tag}`, r);
        return (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Digest */ .sI)(bytes);
    }
}
function createOciClient(host, deps) {
    return new RegistryClient(host, deps);
}


/***/ }),

/***/ 8516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L4: () => (/* binding */ findCredential),
/* harmony export */   LE: () => (/* binding */ checkPush),
/* harmony export */   Q1: () => (/* binding */ dockerConfigPath),
/* harmony export */   Wx: () => (/* binding */ parseRegistryTarget),
/* harmony export */   tB: () => (/* binding */ basicAuth),
/* harmony export */   vC: () => (/* binding */ registryErrorText)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76873);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38201);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20317);
/* harmony import */ var _util_within_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(89281);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17700);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(98925);
// Which credential a push to a registry would use (Docker's config: credHelpers, credsStore, auths),
// and whether it may push: the distribution API's token flow (Bearer realm/service/scope, or Basic),
// then an upload is started and cancelled (POST /v2/<name>/blobs/uploads/, DELETE its Location),
// which writes nothing. No secret is ever part of a message; side effects come in as functions.








/** HOST or HOST/REPOSITORY (e.g. ghcr.io, localhost:5000/team/model). */
function parseRegistryTarget(raw) {
    const value = raw.trim().replace(/^https?:\/\//, '');
    const [host, ...rest] = value.split('/');
    const repository = rest.join('/');
    const port = host === undefined ? undefined : /:(\d+)$/.exec(host)?.[1];
    if (!host ||
        !/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:]+\](:\d+)?$/.test(host) ||
        (port !== undefined && (Number(port) < 1 || Number(port) > 65535)))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`doctor: --registry: expected HOST[:PORT] or HOST/REPOSITORY (e.g. ghcr.io/acme/model, localhost:5000), got ${JSON.stringify(raw.slice(0, 200))}`);
    if (rest.length > 0 &&
        !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repository))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`doctor: --registry: ${JSON.stringify(repository.slice(0, 200))} is not a repository name (lower case, e.g. acme/model)`);
    return { host, ...(repository !== '' && { repository }) };
}
/** The keys Docker's config may use for a host ("ghcr.io", "https://ghcr.io", Hub's v1 URL). */
function configKeys(host) {
    if (_oci_ref_js__WEBPACK_IMPORTED_MODULE_5__/* .DOCKER_HUB */ .Xb.has(host))
        return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
    return [host, `https://${host}`, `http://${host}`];
}
/**
 * What in a parsed config.json is not of the shape Docker writes (the field, not its value); else
 * undefined. A null field is an absent one, as Go's decoder reads it: Docker Desktop writes
 * `"auths": null` beside its credsStore.
 */
function dockerConfigProblem(config) {
    if (!(0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(config))
        return 'holds no JSON object';
    const { auths, credHelpers, credsStore } = config;
    if (auths != null) {
        if (!(0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(auths))
            return '"auths" is no object';
        for (const [host, entry] of Object.entries(auths)) {
            if (entry === null)
                continue;
            if (!(0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(entry))
                return `auths[${JSON.stringify(host)}] is no object`;
            for (const key of ['auth', 'identitytoken'])
                if (entry[key] != null && typeof entry[key] !== 'string')
                    return `auths[${JSON.stringify(host)}].${key} is no string`;
        }
    }
    if (credHelpers != null) {
        if (!(0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(credHelpers))
            return '"credHelpers" is no object';
        for (const [host, name] of Object.entries(credHelpers))
            if (name !== null && typeof name !== 'string')
                return `credHelpers[${JSON.stringify(host)}] is no string`;
    }
    if (credsStore != null && typeof credsStore !== 'string')
        return '"credsStore" is no string';
    return undefined;
}
/** The credential Docker (and buildx) would use for HOST, and where it comes from. */
function findCredential(host, deps) {
    const found = deps.dockerConfig();
    if (!found)
        return { kind: 'none', describe: 'none (no Docker config.json): pulls and pushes are anonymous' };
    let config;
    try {
        config = JSON.parse(found.text);
    }
    catch (e) {
        // Not the parser's message: V8 quotes the text around the fault, which may be a credential.
        const at = /position (\d+)/.exec(e.message)?.[1];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`${found.file} is not JSON${at === undefined ? '' : ` (at byte ${at})`}: docker and buildx cannot read their credentials`, `fix or remove ${found.file}, then log in again (docker login)`);
    }
    // Its shape, named by field, never by value (a value may be a credential).
    const odd = dockerConfigProblem(config);
    if (odd !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`${found.file}: ${odd}: docker and buildx cannot read their credentials from it`, `fix or remove ${found.file}, then log in again (docker login)`);
    const keys = configKeys(host);
    const server = keys[0];
    const helperName = keys.map((k) => config.credHelpers?.[k]).find((h) => h != null);
    if (helperName)
        return {
            kind: 'helper',
            describe: `credential helper docker-credential-${helperName} (credHelpers in ${found.file})`,
            get: (signal) => deps.helper(helperName, server, signal),
        };
    const entry = keys.map((k) => config.auths?.[k]).find((a) => a != null);
    if (entry?.identitytoken)
        return {
            kind: 'token',
            describe: `an identity token (auths in ${found.file}): used by docker, not checked here`,
        };
    if (entry?.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const i = decoded.indexOf(':');
        return {
            kind: 'login',
            describe: `a stored login (docker login; auths in ${found.file})`,
            get: async () => ({ username: decoded.slice(0, i), secret: decoded.slice(i + 1) }),
        };
    }
    if (config.credsStore)
        return {
            kind: 'store',
            describe: `credential store docker-credential-${config.credsStore} (credsStore in ${found.file})`,
            get: (signal) => deps.helper(config.credsStore, server, signal),
        };
    return { kind: 'none', describe: `none for ${host} in ${found.file}: pulls and pushes are anonymous` };
}
/** The registry's own words from an error body ({"errors":[{"code","message"}]}), else the status. */
function registryErrorText(status, body) {
    try {
        const e = JSON.parse(body).errors?.[0];
        if (e)
            return `HTTP ${status} ${e.code ?? ''}${e.message ? `: ${e.message}` : ''}`.trim();
    }
    catch {
        // not JSON: the status says enough
    }
    return `HTTP ${status}`;
}
const registryError = async (r) => registryErrorText(r.status, await r.text().catch(() => ''));
/** The Authorization value of a basic-auth pair. */
const basicAuth = (c) => `Basic ${Buffer.from(`${c.username}:${c.secret}`).toString('base64')}`;
/**
 * The DELETE that cancels an upload at LOCATION: the credentials go to the registry's own origin
 * only, and an HTTPS registry's upload moved to plain HTTP is left to expire (undefined).
 */
function cancelRequest(base, location, headers) {
    if (!location)
        return undefined;
    const url = new URL(location, `${base}/`);
    const target = (0,_registry_js__WEBPACK_IMPORTED_MODULE_6__/* .requestTarget */ .t5)(url, base);
    if (target === 'refused')
        return undefined;
    return { url: url.toString(), init: { method: 'DELETE', ...(target === 'own' && headers && { headers }) } };
}
/**
 * May CREDENTIAL push to HOST/REPOSITORY? Authenticates as docker does (token for pull,push
 * scope), starts a blob upload and cancels it, on SIGINT/SIGTERM too. Unreachable registry:
 * EnvironmentError.
 */
async function checkPush(host, repository, credential, deps) {
    const base = (0,_registry_js__WEBPACK_IMPORTED_MODULE_6__/* .registryApiBase */ .vO)(host);
    const call = async (url, init = {}) => {
        // Stopped by SIGINT/SIGTERM, but for the upload's cancel (a DELETE), which runs after it (short).
        const cancel = init.method === 'DELETE';
        const own = AbortSignal.timeout(cancel && (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .isInterrupted */ .fT)() ? _util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .INTERRUPTED_CANCEL_MS */ .Hl : (deps.timeoutMs ?? 10_000));
        try {
            return await deps.fetch(url, { ...init, signal: cancel ? own : (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .untilInterrupted */ .tv)(own) });
        }
        catch (e) {
            const what = url.split('?')[0];
            throw ((!cancel && (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .interruptedFailure */ .rn)(`registry ${host}: ${what}`, 'aborted', e)) ||
                (0,_registry_js__WEBPACK_IMPORTED_MODULE_6__/* .registryUnreachable */ .qC)(host, what, e));
        }
    };
    const fix = (0,_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .registryLoginFix */ .ow)(host, 'write', repository);
    const pair = credential.get ? await credential.get() : undefined;
    // A helper without a login for this host: anonymous, as docker goes on, and the failures say why.
    const none = credential.get && !pair ? `; ${credential.describe} has no login for ${host}` : '';
    let authorization;
    const probe = await call(`${base}/v2/`);
    if (probe.status === 401) {
        const { scheme, params } = (0,_registry_js__WEBPACK_IMPORTED_MODULE_6__/* .parseChallenge */ .xy)(probe.headers.get('www-authenticate') ?? '');
        if (scheme === 'basic') {
            if (!pair)
                return { ok: false, detail: `${host} asks for a login and there is none${none}`, fix };
            authorization = basicAuth(pair);
        }
        else if (scheme === 'bearer' && params.realm) {
            const url = (0,_registry_js__WEBPACK_IMPORTED_MODULE_6__/* .tokenRequestUrl */ .WC)(params, `repository:${repository}:pull,push`);
            // The login goes to the token service: never over plain HTTP (as the OCI client refuses).
            if (!(0,_registry_js__WEBPACK_IMPORTED_MODULE_6__/* .tokenServiceAllowed */ .hr)(url, base))
                return {
                    ok: false,
                    detail: `${host} names a token service over plain HTTP (${url.origin}): refused`,
                    fix,
                };
            const token = await call(url.toString(), pair ? { headers: { Authorization: basicAuth(pair) } } : {});
            if (token.status !== 200)
                return {
                    ok: false,
                    detail: `${host} refused a push token for ${repository} (${await registryError(token)}${none})`,
                    fix,
                };
            // Not JSON (a proxy's login page, say) is no token either, not a crash.
            const text = await token.text();
            let value;
            try {
                value = (0,_registry_js__WEBPACK_IMPORTED_MODULE_6__/* .tokenOf */ .B9)(JSON.parse(text));
            }
            catch {
                value = undefined;
            }
            if (!value)
                return { ok: false, detail: `${host} answered the token request without a token`, fix };
            authorization = `Bearer ${value}`;
        }
        else {
            return {
                ok: false,
                detail: `${host} asks for an authentication scheme docker does not use (${scheme || 'none'})`,
            };
        }
    }
    else if (probe.status !== 200) {
        return {
            ok: false,
            detail: `${host} answered ${await registryError(probe)} at ${base}/v2/: not a registry API`,
        };
    }
    const headers = authorization ? { Authorization: authorization } : undefined;
    return tryUpload(call, `${host}/${repository}`, `${base}/v2/${repository}/blobs/uploads/`, headers, fix);
}
/**
 * Start an upload at UPLOADS (of TARGET) as a push does, and cancel it: nothing is written. Best
 * effort (registries also expire unfinished uploads after days), and once: on SIGINT/SIGTERM the
 * POST under way is stopped (an answer already come is cancelled, briefly); after the signal none
 * starts.
 */
async function tryUpload(call, target, uploads, headers, fix) {
    (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .throwIfInterrupted */ .sK)('a registry push check');
    const base = new URL(uploads).origin;
    const starting = call(uploads, { method: 'POST', ...(headers && { headers }) });
    let cancelled;
    const cancelUpload = () => (cancelled ??= starting
        .then((r) => {
        const cancel = r.status === 202 ? cancelRequest(base, r.headers.get('location'), headers) : undefined;
        return cancel && call(cancel.url, cancel.init);
    })
        .catch(() => undefined));
    // A cancel already under way before the signal keeps its own timeout: the cleanup waits for it
    // no longer than a cancel started after the signal may take.
    const unregister = (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .registerCleanup */ .qE)(async () => {
        await (0,_util_within_js__WEBPACK_IMPORTED_MODULE_7__/* .within */ .u)(cancelUpload(), _util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .INTERRUPTED_CANCEL_MS */ .Hl, undefined);
    });
    try {
        const upload = await starting;
        if (upload.status !== 202)
            return { ok: false, detail: `cannot push to ${target}: ${await registryError(upload)}`, fix };
        await cancelUpload();
        return {
            ok: true,
            detail: `can push to ${target} (an upload was started and cancelled; nothing written)`,
        };
    }
    finally {
        unregister();
    }
}
/** Docker's config.json as docker finds it: DOCKER_CONFIG, else HOME/.docker. */
function dockerConfigPath(env) {
    if (env.DOCKER_CONFIG)
        return node_path__WEBPACK_IMPORTED_MODULE_0___default().join(env.DOCKER_CONFIG, 'config.json');
    return env.HOME ? node_path__WEBPACK_IMPORTED_MODULE_0___default().join(env.HOME, '.docker', 'config.json') : undefined;
}


/***/ }),

/***/ 15669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ defaultClient)
/* harmony export */ });
/* harmony import */ var _http_fetch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14911);
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7589);
/* harmony import */ var _registry_auth_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8516);
/* harmony import */ var _registry_io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62378);
// The real registry client per host: the OCI client (oci-client.ts) over node:http(s) with
// keep-alive (http-fetch.ts) and Docker's logins (registry-auth.ts, registry-io.ts). The built-in
// signer, verify's reads and `ml-image collect` use it.




/** The real registry client: node:http(s) with keep-alive, Docker's logins; ends at SIGNAL's abort. */
function defaultClient(env, httpFetch = _http_fetch_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeHttpFetch */ .Xq, signal) {
    const clients = new Map();
    const deps = (0,_registry_io_js__WEBPACK_IMPORTED_MODULE_3__/* .registryDeps */ .G)(env);
    return (host) => {
        let c = clients.get(host);
        if (!c) {
            c = (0,_oci_client_js__WEBPACK_IMPORTED_MODULE_1__/* .createOciClient */ .Dj)(host, {
                fetch: httpFetch,
                credential: () => (0,_registry_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .findCredential */ .L4)(host, deps),
                ...(signal && { signal }),
            });
            clients.set(host, c);
        }
        return c;
    };
}


/***/ }),

/***/ 62378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ registryDeps)
/* harmony export */ });
/* unused harmony export HELPER_TIMEOUT_MS */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38201);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(23387);
/* harmony import */ var _util_process_tree_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(26706);
/* harmony import */ var _util_run_id_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(72679);
/* harmony import */ var _exec_runner_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(45206);
/* harmony import */ var _http_fetch_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(14911);
/* harmony import */ var _registry_auth_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8516);
// The real side effects of talking to a registry as docker does: fetch, Docker's config file, and
// its credential helpers (`docker-credential-NAME get`). Doctor's push check and the native signer
// both use them; the pure parts (which credential, the token flow) are in registry-auth.ts.










const nodeExec = (file, args, options, callback) => (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(file, args, options, callback);
/** How long a helper may take (a keychain may wait on a prompt). */
const HELPER_TIMEOUT_MS = 30_000;
/**
 * Docker's config.json (dockerConfigPath), undefined when there is none. A regular file only, read
 * without blocking: a directory, a FIFO or an unreadable file there is the environment's problem
 * named with its fix, as a config.json that is not JSON is (a directory was an internal error, a
 * FIFO a hang).
 */
function readDockerConfig(env) {
    const file = (0,_registry_auth_js__WEBPACK_IMPORTED_MODULE_9__/* .dockerConfigPath */ .Q1)(env);
    if (!file || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
        return undefined;
    const fix = `fix or remove ${file}, then log in again (docker login)`;
    const text = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_4__/* .readRegularText */ .Aj)(file, _util_read_regular_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_JSON_INPUT_BYTES */ .lj, (e) => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`${file} ${e.code !== undefined ? `cannot be read: ${(0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_4__/* .openErrorText */ .OV)(e.code)}` : e.reason}: docker and buildx cannot read their credentials`, (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_4__/* .openErrorFix */ .SU)(e.code ?? '', fix) ?? fix));
    return { file, text };
}
/**
 * The real side effects of the registry checks: fetch (simpleFetch, through the proxy ENV names for
 * the host, as docker's push goes), Docker's config file, credential helpers.
 */
function registryDeps(env, exec = nodeExec) {
    return {
        fetch: (url, init) => (0,_http_fetch_js__WEBPACK_IMPORTED_MODULE_8__/* .simpleFetch */ .Ze)(url, init, env),
        dockerConfig: () => readDockerConfig(env),
        helper: (name, server, signal) => new Promise((resolve, reject) => {
            (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .throwIfInterrupted */ .sK)(`docker-credential-${name}`);
            signal?.throwIfAborted();
            // Stopped with the run on a signal (it may wait up to 30 s on a keychain), at its 30 s, and
            // at the caller's deadline (SIGNAL: a verify's; the process would otherwise outlive its
            // error): with what it started, which a kill of the helper alone (execFile's own timeout
            // and signal) leaves to run on under init when the helper is a script.
            let timedOut = false;
            let ended = false;
            let timer;
            let unregister = () => undefined;
            const stop = () => (0,_util_process_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .stopChild */ .Dh)(child);
            const done = () => {
                ended = true;
                clearTimeout(timer);
                unregister();
                signal?.removeEventListener('abort', stop);
            };
            const options = { env: { ...process.env, [_exec_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .RUN_ID_ENV */ .I]: _util_run_id_js__WEBPACK_IMPORTED_MODULE_6__/* .RUN_ID */ .UC } };
            const child = exec(`docker-credential-${name}`, ['get'], options, (err, stdout) => {
                done();
                if (signal?.aborted)
                    return reject(signal.reason);
                if (timedOut)
                    return reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`credential helper docker-credential-${name} gave no answer for ${server} in ${HELPER_TIMEOUT_MS / 1000} s`, `check that docker-credential-${name} get answers without a prompt, or log in again (docker login ${server})`));
                if (err) {
                    // Helpers say "credentials not found ..." on stdout when there is no login for the host:
                    // no login (the caller goes on anonymously, as docker does). Anything else a helper
                    // prints stays out of messages.
                    if (/credentials not found/i.test(stdout))
                        return resolve(undefined);
                    reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`credential helper docker-credential-${name} failed for ${server}: ${err.message.split('\n')[0]}`, `install docker-credential-${name}, or log in again (docker login ${server})`));
                    return;
                }
                try {
                    const j = JSON.parse(stdout);
                    resolve({ username: j.Username ?? '', secret: j.Secret ?? '' });
                }
                catch {
                    reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`credential helper docker-credential-${name} printed no JSON for ${server}`, `log in again (docker login ${server})`));
                }
            });
            if (!ended) {
                timer = setTimeout(() => {
                    timedOut = true;
                    stop();
                }, HELPER_TIMEOUT_MS);
                unregister = (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .registerCleanup */ .qE)(async () => stop());
                signal?.addEventListener('abort', stop, { once: true });
            }
            // A helper that exits without reading stdin must not crash the process (EPIPE).
            child.stdin?.on('error', () => undefined);
            child.stdin?.end(server);
        }),
    };
}


/***/ })

};
