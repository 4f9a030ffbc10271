export const id = 202;
export const ids = [202];
export const modules = {

/***/ 87596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ recordImage),
/* harmony export */   K$: () => (/* binding */ otherImage),
/* harmony export */   tL: () => (/* binding */ smokeImage)
/* harmony export */ });
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17700);

/** The image a smoke result is of: the smoke stage names it repository@digest (imageUnderTest). */
const smokeImage = (s) => {
    const digest = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .refDigest */ .I2)(s.image);
    return { ref: s.image, ...(digest !== undefined && { digest }) };
};
/**
 * The image a record is of: the reference it was captured by (repository@digest, as the smoke
 * stage captures a pushed image), else the registry digest the engine knew it by.
 */
const recordImage = (r) => {
    const digest = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .refDigest */ .I2)(r.image.ref) ?? ((0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .isDigest */ .Bc)(r.image.digest) ? r.image.digest : undefined);
    return { ref: r.image.ref, ...(digest !== undefined && { digest }) };
};
const short = (digest) => digest.slice(0, 19);
/**
 * Undefined when FOUND (WHAT, read from FILE) is of DIGEST; otherwise the note that says it is not
 * attested: "the smoke result in FILE is of another image (sha256:...), not attested".
 */
function otherImage(what, file, found, digest) {
    if (found.digest === digest)
        return undefined;
    const which = found.digest !== undefined ? short(found.digest) : `${found.ref}, no digest`;
    return `the ${what} in ${file} is of another image (${which}), not attested`;
}


/***/ }),

/***/ 96912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O$: () => (/* binding */ captureImage)
/* harmony export */ });
/* unused harmony exports layerHistory, imageSize */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29882);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11012);
/* harmony import */ var _docker_failures_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76873);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(38201);
/* harmony import */ var _util_parse_input_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(91814);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(17700);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(20317);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(311);
/* harmony import */ var _python_entry_python_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(57953);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(66917);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(82513);
/* harmony import */ var _util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(97499);
// capture: run the probe (images/probe/ml_image_probe.py) in the image and add what the engine
// knows of the image. The container is removed in every case (DockerAdapter.runContainer).















/** python3 is not in the image: our deadline wrapper's, the OCI runtime's or a shell's wording. */
const NO_PYTHON = /"python3": (executable file not found|no such file or directory)|python3: (command )?not found/i;
/**
 * The image's creation time: the engine's own when the adapter reports one, else the OCI label
 * the build sets, else null. (ImageDetails has no `created` yet; an adapter that adds it wins.)
 */
function imageCreated(details) {
    return details.created || details.labels[_record_js__WEBPACK_IMPORTED_MODULE_11__/* .CREATED_LABEL */ .Kh] || null;
}
/** The image's name in the record and in messages: its tag when it runs by ID. */
const nameOf = (input) => input.name ?? input.image;
/**
 * The probe's container, with the GPUs asked for. When the engine refuses to start it with them
 * (no GPU runtime, a driver older than the image's CUDA: nvidia-container-cli's requirement check),
 * it runs again without them and `gpuError` says why: the record is still made, and the gpu suite
 * reports the cause.
 */
async function runProbe(input, timeoutMs, docker) {
    const probe = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,_util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .probeFile */ .pr)(input.imagesDir, _util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .PROBE_SCRIPT */ .JW), 'utf8');
    const attempt = (gpus) => docker
        .runContainer({
        image: input.image,
        ...(input.platform !== undefined && { platform: input.platform }),
        // The probe needs no shell and no entrypoint of the image.
        entrypoint: ['python3'],
        cmd: [
            '-c',
            probe,
            `--redaction-rules=${JSON.stringify(_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .REDACTION_RULES */ .iz)}`, // one copy of the rules: redaction-rules.json
            ...(input.noTorch ? ['--no-torch'] : []),
            ...(input.torchRuntime ? ['--torch-runtime'] : []),
        ],
        ...(input.env !== undefined && { env: input.env }),
        ...(gpus !== undefined && { gpus }),
        labels: { 'io.github.ml-image-action.stage': 'capture' },
        timeoutMs,
    })
        .catch((e) => {
        // An image without /bin/sh runs the probe unwrapped: the engine itself reports python3 missing.
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .MlImageError */ .zn || !NO_PYTHON.test(String(e?.message ?? e)))
            throw e;
        return { exitCode: 127, timedOut: false, stdout: '', stderr: String(e.message) };
    });
    if (input.gpus === undefined)
        return { run: await attempt(undefined) };
    try {
        return { run: await attempt(input.gpus) };
    }
    catch (e) {
        // Only a refusal of the GPU request is retried without it: a missing image or a full disk is
        // the error to report, not a second try that would hide it.
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .MlImageError */ .zn ||
            ((0,_docker_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .statusCodeOf */ .PU)(e) ?? 0) < 400 ||
            !_docker_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .GPU_REQUEST_REFUSED */ .s7.test((0,_docker_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .engineMessage */ .g4)(e)))
            throw e;
        const first = (0,_docker_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .engineMessage */ .g4)(e);
        const gpuError = `the probe's container did not start with GPUs, so it ran without them: ${first}`;
        try {
            return { run: await attempt(undefined), gpuError };
        }
        catch (again) {
            // The second failure names the first (the GPUs' refusal), which it would otherwise hide.
            const both = `${(0,_docker_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .engineMessage */ .g4)(again)} (without GPUs; with them the engine said: ${first})`;
            if (again instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .MlImageError */ .zn) {
                again.message = both;
                throw again;
            }
            throw Object.assign(new Error(both, { cause: again }), { statusCode: (0,_docker_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .statusCodeOf */ .PU)(again) });
        }
    }
}
async function captureImage(input, deps) {
    const details = await deps.docker.inspectImage(input.image, input.platform);
    const platform = input.platform ?? `${details.os}/${details.architecture}`;
    const timeoutMs = input.timeoutMs ?? 300_000;
    const name = nameOf(input);
    const { run, gpuError } = await runProbe(input, timeoutMs, deps.docker);
    if (run.timedOut)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CheckFailedError */ .CO(`capture of ${name} timed out after ${timeoutMs / 1000}s`);
    if (run.exitCode !== 0) {
        const msg = (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactText */ .Rd)(`${run.stderr || run.stdout}`.trim().split('\n').slice(-5).join('\n'));
        // Exit 2: the image given cannot be captured at all (bad input, named), not a failed check.
        if ((run.exitCode === 127 || run.exitCode === 126) && NO_PYTHON.test(msg)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${name} has no python3, which the probe needs: ${msg}`, 'capture an image with python3 on PATH (every template installs it); the smoke suites need it too');
        }
        // Its container removed by the cleanup of SIGINT/SIGTERM/SIGHUP (exit 137): the interrupt's.
        throw ((0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_6__/* .interruptedFailure */ .rn)(`the probe in ${name}`, `exit ${run.exitCode}`) ??
            new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CheckFailedError */ .CO(`the probe failed in ${name} (exit ${run.exitCode}):\n${msg}`));
    }
    const probed = probeOutput(run.stdout, name);
    const history = await layerHistory(input.image, deps.docker, input.platform);
    const size = await imageSize(input.image, deps.docker, input.platform, details);
    // The image's ENTRYPOINT (else CMD) runs another Python than the python3 on PATH described.
    const executable = probed.python?.executable;
    const otherPython = typeof executable === 'string' ? (0,_python_entry_python_js__WEBPACK_IMPORTED_MODULE_10__/* .entryPythonError */ .RS)(details, executable) : undefined;
    const record = redactRecord({
        ...probed,
        schemaVersion: _record_js__WEBPACK_IMPORTED_MODULE_11__/* .ENV_RECORD_SCHEMA_VERSION */ .B6,
        image: imageFacts(input, details, platform, history, size),
        // Errors that are no list are left as they are, for the schema to refuse by name.
        errors: probed.errors !== undefined && !Array.isArray(probed.errors)
            ? probed.errors
            : [
                ...(probed.errors ?? []),
                ...(typeof history === 'string' ? [{ field: 'image.history', error: history }] : []),
                ...(typeof size === 'string' ? [{ field: 'image.sizeKind', error: size }] : []),
                ...(gpuError !== undefined ? [{ field: 'gpus', error: gpuError }] : []),
                ...(otherPython !== undefined ? [otherPython] : []),
            ],
        // Nor is capture when it is no object: spread, a string of 2 MB made 2 million keys (7 s).
        capture: (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_9__/* .isJsonObject */ .OW)(probed.capture)
            ? {
                ...probed.capture,
                toolVersion: _version_js__WEBPACK_IMPORTED_MODULE_14__/* .VERSION */ .x,
                time: new Date().toISOString(),
                host: { kernel: node_os__WEBPACK_IMPORTED_MODULE_1___default().release() },
            }
            : probed.capture,
    });
    const parsed = recordOf(record, name);
    if (!parsed.success) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CheckFailedError */ .CO(`the probe's record of ${name} does not match the schema: ${(0,_config_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatIssues */ .og)(parsed.error, record, _record_js__WEBPACK_IMPORTED_MODULE_11__/* .EnvRecordSchema */ .iv)[0]}`);
    }
    return parsed.data;
}
/** The record through its schema; a list of a million bad entries (zod ran out of stack) is a failed check. */
function recordOf(record, name) {
    const parsed = (0,_util_parse_input_js__WEBPACK_IMPORTED_MODULE_7__/* .boundedSafeParse */ .Aw)(_record_js__WEBPACK_IMPORTED_MODULE_11__/* .EnvRecordSchema */ .iv, record);
    if ('overflow' in parsed)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CheckFailedError */ .CO(`the probe's record of ${name} does not match the schema, with too many problems to list (zod ran out of stack)`);
    return parsed;
}
/**
 * The probe's stdout as a record's fields: the image chose what it printed (its own python3 runs the
 * probe), so anything but a JSON object nested at most MAX_JSON_DEPTH levels is a failed check
 * (JSON null or a list made a TypeError of the capture's own, a deeper one overflowed the stack
 * of the redaction's walk: an internal error instead of the image's).
 */
function probeOutput(stdout, name) {
    const shown = () => (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactText */ .Rd)(stdout.trim()).slice(-2000);
    if ((0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_9__/* .jsonNestedDeeperThan */ .ON)(stdout, _util_json_file_js__WEBPACK_IMPORTED_MODULE_9__/* .MAX_JSON_DEPTH */ .KX))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CheckFailedError */ .CO(`the probe in ${name} printed JSON nested deeper than ${_util_json_file_js__WEBPACK_IMPORTED_MODULE_9__/* .MAX_JSON_DEPTH */ .KX} levels, which no record is (exit 0)`);
    let probed;
    try {
        probed = JSON.parse(stdout);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CheckFailedError */ .CO(`the probe in ${name} printed no record (exit 0):\n${shown()}`);
    }
    if (!(0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_9__/* .isJsonObject */ .OW)(probed))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CheckFailedError */ .CO(`the probe in ${name} printed JSON that is no record (a ${probed === null ? 'null' : Array.isArray(probed) ? 'list' : typeof probed}, not an object) (exit 0):\n${shown()}`);
    return probed;
}
/**
 * The image's layers with the instruction that made each (oldest first), from the engine; a
 * string when the engine could not tell (the record says why under errors). Values of secret names
 * (`RUN |1 HF_TOKEN=... /bin/sh -c`, `ENV DB_PASSWORD=two words`) are masked, then the text
 * patterns apply (redactInstruction).
 */
async function layerHistory(image, docker, platform) {
    if (!docker.imageHistory)
        return undefined;
    try {
        const entries = await docker.imageHistory(image, platform);
        return entries.map((h) => ({
            createdBy: (0,_util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_13__/* .redactInstruction */ .QT)(h.createdBy),
            sizeBytes: h.sizeBytes,
            ...(h.empty && { empty: true }),
        }));
    }
    catch (e) {
        return `${e.name}: ${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactText */ .Rd)(String(e.message ?? e)).slice(0, 300)}`;
    }
}
/**
 * The image's size and its kind, which depends on the engine's image store (the adapter's
 * imageSize, given the capture's own inspect INSPECTED so that the image is not inspected again);
 * a string when the engine could not tell (the record says why under errors, and keeps the
 * inspect's size without a kind, read as unpacked); undefined when the adapter cannot be asked.
 */
async function imageSize(image, docker, platform, inspected) {
    if (!docker.imageSize)
        return undefined;
    try {
        return await docker.imageSize(image, platform, inspected);
    }
    catch (e) {
        return `${e.name}: ${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactText */ .Rd)(String(e.message ?? e)).slice(0, 300)}`;
    }
}
/** What the engine knows of the image (record.image). */
function imageFacts(input, details, platform, history, size) {
    const sized = typeof size === 'object' ? size : undefined;
    // The digest it ran by (REPOSITORY@sha256:<platform manifest>) where the engine knows the image
    // by it: the first repository digest may be another repository's or the index's.
    const ran = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_8__/* .parseImageRef */ .Q)(input.image).digest;
    const digests = details.repoDigests.flatMap((d) => (d.includes('@') ? [d.split('@')[1]] : []));
    const repoDigest = digests.find((d) => d === ran) ?? digests[0];
    return {
        ref: nameOf(input),
        id: details.id,
        digest: repoDigest ?? null,
        platform,
        sizeBytes: sized?.sizeBytes ?? details.sizeBytes,
        ...(sized?.kind !== undefined && { sizeKind: sized.kind }),
        layers: details.layers,
        labels: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactLabels */ .PU)(details.labels),
        user: details.user,
        entrypoint: details.entrypoint,
        cmd: details.cmd,
        env: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactEnvList */ .V1)(details.env),
        variant: input.variant ?? details.labels[_record_js__WEBPACK_IMPORTED_MODULE_11__/* .VARIANT_LABEL */ .z] ?? null,
        created: imageCreated(details),
        ...(Array.isArray(history) && { history }),
    };
}
/** The record's package lists other than python.packages (redactRecord). */
const PACKAGE_LISTS = new Set(['apt', 'conda']);
/**
 * The record with secrets masked: every string that looks like one as a whole (redactDeep), but in
 * the package lists (pip, apt, conda) only tokens of known forms and URL logins. A package's name,
 * version, build, channel or requirement is no secret by its shape: PyPI names of 40 letters and
 * digits exist (mypy-boto3-serverlessapplicationrepository, also conda-forge's), and masking them
 * merged two packages into one SBOM component and dropped their dependencies.
 */
function redactRecord(r) {
    const python = (v) => (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_9__/* .isJsonObject */ .OW)(v)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'packages' ? (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactTextDeep */ .Fo)(x) : (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactDeep */ .KL)(x)]))
        : (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactDeep */ .KL)(v);
    // The probe's environment, NAME: value, masked by name too (as the probe does: a secret's name, a
    // proxy variable's login without a scheme), whatever probe wrote it.
    const env = (v) => (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_9__/* .isJsonObject */ .OW)(v)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [
            k,
            typeof x === 'string' ? (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactEnvValue */ .OI)(k, x) : (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactDeep */ .KL)(x),
        ]))
        : (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactDeep */ .KL)(v);
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [
        k,
        k === 'python'
            ? python(v)
            : PACKAGE_LISTS.has(k)
                ? (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactTextDeep */ .Fo)(v)
                : k === 'env'
                    ? env(v)
                    : (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_12__/* .redactDeep */ .KL)(v),
    ]));
}


/***/ }),

/***/ 67642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $8: () => (/* binding */ devicesKey),
/* harmony export */   $O: () => (/* binding */ devicesText),
/* harmony export */   Ad: () => (/* binding */ CPU_ONLY),
/* harmony export */   _x: () => (/* binding */ hostGpuDevices),
/* harmony export */   lu: () => (/* binding */ UNKNOWN_GPUS),
/* harmony export */   nk: () => (/* binding */ NOT_LOOKED_UP)
/* harmony export */ });
/* unused harmony exports NVIDIA_SMI_QUERY, gpuDevicesOf, remoteEngine, nvidiaSmiArgs */
/* harmony import */ var _docker_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25835);
/* harmony import */ var _interrupt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16102);


/** What the key says of a run whose GPUs could not be identified (never reused: reuse.ts). */
const UNKNOWN_GPUS = 'unknown';
const CPU_ONLY = { devices: 'none' };
/** A run that never reuses results (the action) does not look its GPUs up. */
const NOT_LOOKED_UP = {
    unknown: 'not looked up: results of this run are never reused',
};
/**
 * The argv after nvidia-smi: one "name, driver, MIG mode" line per GPU. The MIG mode is part of what
 * a result was measured on: the same GPUs split into MIG instances give a fraction of the throughput.
 */
const NVIDIA_SMI_QUERY = [
    '--query-gpu=name,driver_version,mig.mode.current',
    '--format=csv,noheader',
];
/** A MIG mode as nvidia-smi prints it (a GPU without MIG: [N/A] or [Not Supported]). */
const MIG_MODE = /^(?:enabled|disabled|pending|\[?n\/a\]?|\[not supported\])$/i;
/** How long the host's nvidia-smi may take (a driver in a bad state can hang it). */
const NVIDIA_SMI_TIMEOUT_MS = 60_000;
const MAX_NAME = 100;
// eslint-disable-next-line no-control-regex -- a line of a result file: no control characters
const CONTROL = /[\u0000-\u001f\u007f]/g;
const clean = (s) => s.replace(CONTROL, ' ').trim().slice(0, MAX_NAME);
/**
 * nvidia-smi's "name, driver[, MIG mode]" lines -> "Nx MODEL[ + Mx MODEL]; driver VERSION", models
 * sorted, so the order the GPUs are listed in never matters; a GPU in MIG mode is "MODEL (MIG)";
 * undefined when no line names a GPU.
 */
function gpuDevicesOf(stdout) {
    const counts = new Map();
    const drivers = new Set();
    for (const raw of stdout.split('\n')) {
        let line = raw;
        let mig = false;
        const last = line.lastIndexOf(',');
        if (last >= 0 && MIG_MODE.test(clean(line.slice(last + 1)))) {
            mig = /^enabled$/i.test(clean(line.slice(last + 1)));
            line = line.slice(0, last);
        }
        const comma = line.lastIndexOf(',');
        if (comma < 0)
            continue;
        const name = `${clean(line.slice(0, comma))}${mig ? ' (MIG)' : ''}`;
        const driver = clean(line.slice(comma + 1));
        if (name === '' || driver === '' || !/^\d+(\.\d+)*$/.test(driver))
            continue;
        counts.set(name, (counts.get(name) ?? 0) + 1);
        drivers.add(driver);
    }
    if (counts.size === 0)
        return undefined;
    return devicesText(counts, drivers);
}
/** "8x MODEL[ + Mx MODEL]; driver VERSION": models and drivers sorted, as the reuse key has them. */
function devicesText(counts, drivers) {
    const models = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `${models.map(([n, c]) => `${c}x ${n}`).join(' + ')}; driver ${[...drivers].sort().join(' + ')}`;
}
/** What the key covers of a run's GPUs: the devices, or UNKNOWN_GPUS. */
const devicesKey = (g) => ('devices' in g ? g.devices : UNKNOWN_GPUS);
/**
 * Why the engine is not on this host (so this host's GPUs are not its containers'), or undefined
 * when it is: DOCKER_HOST (engineEnv: the current context's engine) unset or a unix socket, as
 * dockerode connects. Only the scheme is named.
 */
function remoteEngine(env, contextName) {
    const host = env.DOCKER_HOST?.trim();
    if (!host || host.startsWith('unix://'))
        return undefined;
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(host)?.[1];
    const named = contextName !== undefined ? `the Docker context "${contextName}"'s engine` : 'DOCKER_HOST';
    return `the Docker engine is not on this host (${named} is ${scheme ? `a ${scheme}:// address` : 'not a unix socket'}): its GPUs cannot be looked up here`;
}
/** The host's nvidia-smi did not name a GPU: why, in one line. */
function smiFailure(r, timedOut) {
    if (timedOut)
        return `nvidia-smi on this host did not answer within ${NVIDIA_SMI_TIMEOUT_MS / 1000}s`;
    const said = (0,_interrupt_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)(`${r.stderr}\n${r.stdout}`.trim()) || 'no output';
    return `nvidia-smi on this host exited ${r.exitCode} without naming a GPU: ${clean(said)}`;
}
/**
 * The nvidia-smi argv that names DEVICES (the GPUs a runner is pinned to: gpu-pin.ts), or every
 * GPU; undefined when a device is a MIG instance, which `--query-gpu` cannot name (its GPU's
 * model and driver would not tell a slice from the whole GPU).
 */
function nvidiaSmiArgs(devices) {
    if (devices === undefined)
        return [...NVIDIA_SMI_QUERY];
    if (devices.some((d) => d.includes(':') || d.startsWith('MIG-')))
        return undefined;
    return [...NVIDIA_SMI_QUERY, `--id=${devices.join(',')}`];
}
/**
 * The GPUs a GPU run's containers get, from nvidia-smi on this host (the engine's host: the NVIDIA
 * runtime or CDI gives the containers the host's GPUs), run through RUNNER, never in the image:
 * DEVICES only when the runner is pinned to them (gpu-pin.ts), else every GPU. Unknown, with the
 * reason, when the engine is elsewhere, a device is a MIG instance, or nvidia-smi is missing,
 * fails or hangs.
 */
async function hostGpuDevices(runner, env, devices) {
    // The engine DOCKER_HOST names, else the current Docker context's (context.ts).
    const context = (0,_docker_context_js__WEBPACK_IMPORTED_MODULE_0__/* .currentContext */ .Fi)(env);
    const remote = remoteEngine((0,_docker_context_js__WEBPACK_IMPORTED_MODULE_0__/* .engineEnv */ .aV)(env, context), context?.name);
    if (remote !== undefined)
        return { unknown: remote };
    const args = nvidiaSmiArgs(devices);
    if (args === undefined)
        return { unknown: `a MIG instance is among the pinned GPUs (${devices.join(',')}): not looked up` };
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error('nvidia-smi timed out')), NVIDIA_SMI_TIMEOUT_MS);
    timer.unref?.();
    try {
        const r = await runner.run('nvidia-smi', args, { signal: abort.signal });
        const devices = r.exitCode === 0 ? gpuDevicesOf(r.stdout) : undefined;
        return devices !== undefined ? { devices } : { unknown: smiFailure(r, abort.signal.aborted) };
    }
    catch (e) {
        const missing = e?.code === 'ENOENT';
        return {
            unknown: missing
                ? 'nvidia-smi is not on this host (PATH)'
                : `nvidia-smi on this host did not run: ${clean((0,_interrupt_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)((0,_interrupt_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)))}`,
        };
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ })

};
