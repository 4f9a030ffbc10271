export const id = 866;
export const ids = [866];
export const modules = {

/***/ 89866:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   binfmtFix: () => (/* binding */ binfmtFix),
/* harmony export */   doctorCommand: () => (/* binding */ doctorCommand),
/* harmony export */   doctorReport: () => (/* binding */ doctorReport)
/* harmony export */ });
/* harmony import */ var _docker_registry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98925);
/* harmony import */ var _docker_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25835);
/* harmony import */ var _docker_registry_auth_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8516);
/* harmony import */ var _docker_registry_io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62378);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(90131);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(38201);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(82513);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(77593);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(96657);










const BINFMT = '"docker run --privileged --rm tonistiigi/binfmt --install all"';
/**
 * The fix for a platform the builder cannot build. On macOS and Windows the engine runs in a VM
 * (Docker Desktop, colima, ...), where apt-get on this machine does nothing: the binfmt image
 * registers QEMU in that VM; Docker Desktop on Apple silicon can also run amd64 under Rosetta.
 */
function binfmtFix(os = process.platform) {
    if (os === 'darwin')
        return `register QEMU binfmt handlers in the engine's VM: ${BINFMT} (Docker Desktop: or turn on "Use Rosetta for x86_64/amd64 emulation on Apple Silicon" in Settings > General)`;
    if (os === 'win32')
        return `register QEMU binfmt handlers in the engine's VM: ${BINFMT}`;
    return `register QEMU binfmt handlers: "apt-get install qemu-user-static binfmt-support" or ${BINFMT}`;
}
/**
 * The checks as --json prints them: `ok` and `checks`, and, when a check failed (exit 3), the
 * `error` object every other command prints on failure (jsonError's shape, logins masked as there),
 * so that a script reads `.error.exitCode` and `.error.fix` of any command alike.
 */
function doctorReport(checks) {
    const failed = checks.filter((c) => !c.ok);
    if (failed.length === 0)
        return { ok: true, checks };
    // Each fix once, after the names of the checks it fixes, in the order the checks ran; the fix
    // of a lone failed check as written.
    const fixes = new Map();
    for (const c of failed)
        if (c.fix !== undefined)
            fixes.set(c.fix, [...(fixes.get(c.fix) ?? []), c.name]);
    const fix = failed.length === 1
        ? failed[0].fix
        : [...fixes].map(([f, names]) => `${names.join(', ')}: ${f}`).join('; ') || undefined;
    const names = failed.map((c) => c.name).join(', ');
    return {
        ok: false,
        checks,
        error: {
            exitCode: 3,
            message: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactMessage */ .b6)(`${failed.length} of ${checks.length} checks failed: ${names}`),
            problems: failed.map((c) => (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactMessage */ .b6)(`${c.name}: ${c.detail}`)),
            ...(fix !== undefined && { fix: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactMessage */ .b6)(fix) }),
        },
    };
}
const DOCTOR_OPTIONS = {
    registry: { type: 'string' },
    platforms: { type: 'string', default: 'linux/amd64,linux/arm64' },
};
const doctorCommand = {
    name: 'doctor',
    options: DOCTOR_OPTIONS,
    summary: 'Check the build environment: Docker daemon, buildx, arm64 emulation, registry.',
    usage: 'ml-image doctor [--registry HOST[/REPOSITORY]] [--platforms LIST] [--json] [--out DIR]',
    help: `Checks what the build needs and prints one line per check with the fix for each failure.

Options:
  --registry HOST[/REPOSITORY]
                     also check that this registry answers (e.g. localhost:5000, ghcr.io), say
                     which credential docker and buildx would use for it (a credential helper,
                     the credential store, a stored login, or none: never the secret), and with a
                     REPOSITORY (ghcr.io/acme/model) whether that credential may push there: an
                     upload is started and cancelled, nothing is written
  --platforms LIST   platforms the builder must support (default: linux/amd64,linux/arm64)
  --json             print the checks as JSON: {"ok", "checks"}, and when a check failed also
                     "error" as every command prints on failure ({"exitCode": 3, "message",
                     "problems": one per failed check, "fix"})
  --out DIR          also write DIR/doctor.json

Exit codes: 0 everything works; 2 bad input (an unknown flag); 3 something is missing (the message
says how to fix it).`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .parseCommandArgs */ .Qx)('doctor', argv, DOCTOR_OPTIONS);
        // Bad input first, before any check runs (exit 2 naming the flag).
        const target = values.registry === undefined ? undefined : (0,_docker_registry_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRegistryTarget */ .Wx)(values.registry);
        const want = values.platforms
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean);
        if (want.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`doctor: --platforms: expected a list like ${_config_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .PLATFORMS */ .P4.join(',')}, got none`);
        for (const p of want)
            (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .platformFlag */ ._G)('doctor', p, '--platforms');
        // As build's --platforms and smoke's --suites: a platform named twice is refused, not checked twice.
        const twice = [...new Set(want.filter((p, i) => want.indexOf(p) !== i))];
        if (twice.length)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`doctor: --platforms: duplicate platform(s) ${twice.map((p) => JSON.stringify(p)).join(', ')}: give each once`);
        const checks = [];
        const attempt = async (name, fn) => {
            try {
                checks.push({ name, ok: true, detail: await fn() });
            }
            catch (e) {
                if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .EnvironmentError */ .eG) || e instanceof _util_cleanup_js__WEBPACK_IMPORTED_MODULE_6__/* .InterruptedError */ .p4)
                    throw e;
                // After SIGINT/SIGTERM/SIGHUP the cleanup killed the check's docker CLI: the interrupt's
                // error (exit 130/143/129), not a failed check with a fix that does not apply.
                const stopped = (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_6__/* .interruptedFailure */ .rn)(`the ${name} check`, undefined, e);
                if (stopped !== undefined)
                    throw stopped;
                // As main masks any other command's error: a login quoted without a scheme (user:pw@host).
                const fix = e.fix !== undefined ? { fix: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactMessage */ .b6)(e.fix) } : {};
                checks.push({ name, ok: false, detail: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactMessage */ .b6)(e.message), ...fix });
            }
        };
        const docker = io.docker();
        await attempt('daemon', async () => {
            // A Docker context in use is named: it is the engine every later check and stage uses.
            const context = (0,_docker_context_js__WEBPACK_IMPORTED_MODULE_1__/* .currentContext */ .Fi)(io.env);
            const info = await docker.ping();
            const via = context ? `; ${(0,_docker_context_js__WEBPACK_IMPORTED_MODULE_1__/* .contextLabel */ .g8)(context)}: ${context.host}` : '';
            return `Docker Engine ${info.version} (API ${info.apiVersion}, ${info.os}/${info.arch})${via}`;
        });
        await attempt('buildx', async () => `buildx ${await docker.buildxVersion()}`);
        if (checks.every((c) => c.ok)) {
            await attempt('platforms', async () => {
                const have = (await docker.buildxInspect()).platforms;
                const missing = want.filter((p) => !have.includes(p));
                if (missing.length > 0) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .EnvironmentError */ .eG(`the builder cannot build for ${missing.join(', ')} (it supports: ${have.join(', ') || 'nothing'})`, binfmtFix());
                }
                return want.join(', ');
            });
        }
        if (target !== undefined) {
            const { host, repository } = target;
            const deps = (0,_docker_registry_io_js__WEBPACK_IMPORTED_MODULE_3__/* .registryDeps */ .G)(io.env);
            await attempt('registry', async () => `${host} answered HTTP ${await (0,_docker_registry_js__WEBPACK_IMPORTED_MODULE_0__/* .checkRegistry */ .qW)(host)}`);
            let credential;
            await attempt('credential', async () => {
                credential = (0,_docker_registry_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .findCredential */ .L4)(host, deps);
                return credential.describe;
            });
            if (repository !== undefined && credential && checks.every((c) => c.ok))
                await attempt('push', async () => {
                    const r = await (0,_docker_registry_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .checkPush */ .LE)(host, repository, credential, deps);
                    if (!r.ok)
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .EnvironmentError */ .eG(r.detail, r.fix ?? 'check the registry host name (e.g. ghcr.io)');
                    return r.detail;
                });
        }
        const report = doctorReport(checks);
        if (values.out !== undefined)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_9__/* .writeOutFile */ .Wd)(io.cwd, values.out, 'doctor.json', `${JSON.stringify(report, null, 2)}\n`);
        if (values.json)
            io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        else {
            for (const c of checks) {
                io.stdout(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
                if (c.fix)
                    io.stdout(`     fix: ${c.fix}\n`);
            }
        }
        // As every command's failure: its error line (and fix) on stderr, --json or not.
        if (report.error)
            io.stderr(`error: ${report.error.message}\n${report.error.fix ? `fix: ${report.error.fix}\n` : ''}`);
        return report.ok ? 0 : 3;
    },
};


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
