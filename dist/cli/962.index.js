export const id = 962;
export const ids = [962];
export const modules = {

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

/***/ 83259:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   captureCommand: () => (/* binding */ captureCommand),
/* harmony export */   renderRecord: () => (/* binding */ renderRecord)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29882);
/* harmony import */ var _capture_capture_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(96912);
/* harmony import */ var _python_entry_python_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57953);
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(66917);
/* harmony import */ var _docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(74234);
/* harmony import */ var _docker_platform_image_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(53041);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(83916);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(49997);
/* harmony import */ var _results_out_dir_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(43140);
/* harmony import */ var _smoke_gpu_mode_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(58947);
/* harmony import */ var _smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(52013);
/* harmony import */ var _smoke_run_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(91018);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(77593);















/** A variable's name as a shell takes it: letters, digits and _, not starting with a digit. */
const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * `--env NAME` names a variable of your environment; `--env NAME=VALUE` (docker run's form) is
 * refused naming NAME alone: its value may be a secret, never echoed back.
 */
function envNameCheck(arg) {
    const eq = arg.indexOf('=');
    if (eq >= 0) {
        const name = arg.slice(0, eq);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .InputError */ .dz(
        // Not "NAME=...": the error's redaction would read the rest of the line as NAME's value.
        `capture: --env ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(JSON.stringify((0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .clip */ .$Q)(name, 64)))} is given a value: --env takes a variable's name alone, not NAME=VALUE`, `export the variable and pass --env ${ENV_VAR_NAME.test(name) ? name : 'NAME'}: its value is read from your environment`);
    }
}
/**
 * `--env NAME` not set: any name but an empty one or NAME=VALUE may be set (Linux allows all but
 * '=' and NUL: `my-var`, `a.b`), so only a hint when NAME is no shell identifier.
 */
function envNotSet(name) {
    if (ENV_VAR_NAME.test(name))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .InputError */ .dz(`capture: --env ${name}: not set in your environment`);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .InputError */ .dz(`capture: --env ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(JSON.stringify((0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .clip */ .$Q)(name, 64)))}: not set in your environment (and not a variable name a shell sets: letters, digits and _, not starting with a digit)`);
}
/**
 * The record's summary for a terminal. Every value comes from the image (a version, a GPU name, the
 * reason a field was not collected): printable() escapes what could draw on the terminal (ESC, CR,
 * bidi overrides), so an image cannot colour, move or forge a line of its own.
 */
function renderRecord(r) {
    const t = r.torch;
    const p = (v) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(String(v));
    return [
        `${p(r.image.ref)} (${p(r.image.platform)}, ${(r.image.sizeBytes / 1e6).toFixed(0)} MB${r.image.sizeKind === 'content' ? ' compressed' : ''}, ${p(r.image.layers)} layers, user ${p(r.image.user || 'root')})`,
        `  os:      ${p(r.os.osRelease.PRETTY_NAME ?? '?')}, ${p(r.os.glibc ?? 'glibc ?')}, ${p(r.os.machine)}`,
        `  python:  ${p(r.python.version)}, ${r.python.packages.length} packages, ${r.apt.length} apt packages`,
        `  torch:   ${t ? `${p(t.version)} (CUDA build ${p(t.cuda ?? 'none')}, CUDA available: ${p(t.cudaAvailable)})` : 'not installed'}`,
        `  cuda:    runtime ${p(r.cuda.runtime ?? '-')}, cuDNN ${p(r.cuda.cudnn ?? '-')}, NCCL ${p(r.cuda.nccl ?? '-')}, driver max ${p(r.cuda.driverMaxCuda ?? '-')}`,
        `  gpus:    ${r.gpus.map((g) => `${p(g.name)} (${g.memoryMiB === null ? 'memory unknown' : `${p(g.memoryMiB)} MiB`}, sm ${p(g.computeCapability)})`).join(', ') || 'none visible'}`,
        `  not collected: ${[...new Set(r.errors.map((e) => p(e.field)))].join(', ') || 'nothing'}`,
        '',
    ].join('\n');
}
const CAPTURE_OPTIONS = {
    image: { type: 'string', required: true },
    platform: { type: 'string' },
    gpus: { type: 'string', default: 'none' },
    env: { type: 'string', multiple: true },
    'no-torch': { type: 'boolean', default: false },
    'torch-runtime': { type: 'boolean', default: false },
};
const captureCommand = {
    name: 'capture',
    options: CAPTURE_OPTIONS,
    summary: 'Record what is inside an image: OS, Python packages, apt, CUDA/cuDNN/NCCL, torch, GPUs, env.',
    usage: 'ml-image capture --image REF [--platform P] [--gpus none|all|auto] [--env NAME]... [--torch-runtime|--no-torch] [--json] [--out DIR]',
    help: `Runs the probe (images/probe/ml_image_probe.py: python3, standard library only) inside the
image and adds what the engine knows of it (digest, platform, size, layers, labels, user,
entrypoint). The record holds every field of PyTorch's collect_env, as JSON. Environment variables
are redacted by name (TOKEN, SECRET, PASSWORD, KEY, ...) and by value (hf_, ghp_, AKIA, JWTs, long
base64-like values, credentials in URLs). What cannot be collected is listed with the reason.

Options:
  --image REF      the image (pulled if missing). A multi-platform index by digest
                   (REPOSITORY@sha256:...) runs as its platform's own manifest, which the record
                   names
  --platform P     linux/amd64 or linux/arm64 (default: the one the engine runs, its own when the
                   image has it); a platform other than the engine's runs under QEMU
  --gpus MODE      none (default: the record names no GPU, whatever machine captures it), all
                   (the "--gpus all" equivalent: the record names this machine's GPUs and driver,
                   as a GPU smoke run's does), or auto (all when the engine has the NVIDIA runtime
                   or an NVIDIA CDI device). An engine that will not start the probe with GPUs: it
                   runs without them, and the record's errors say why. A runner pinned with
                   NVIDIA_VISIBLE_DEVICES (else CUDA_VISIBLE_DEVICES) gives it only those GPUs
  --env NAME       pass this variable from your environment into the probe's container (repeatable)
  --torch-runtime  import torch for its runtime view (default: torch is described from its files,
                   which is what collect_env reports, seconds faster)
  --no-torch       leave torch out
  --json           print the record instead of a summary
  --out DIR        write DIR/env.json (another run writing to DIR now: refused, exit 2)

Exit codes: 0 recorded; 1 the probe failed; 2 bad input (no python3 in the image); 3 no daemon.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_14__/* .parseCommandArgs */ .Qx)('capture', argv, CAPTURE_OPTIONS);
        const image = (0,_args_js__WEBPACK_IMPORTED_MODULE_14__/* .imageFlag */ .m4)('capture', values.image);
        if (values['no-torch'] && values['torch-runtime'])
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .InputError */ .dz('capture: --torch-runtime and --no-torch: give one', '--torch-runtime imports torch for its runtime view; --no-torch leaves torch out');
        const platform = (0,_args_js__WEBPACK_IMPORTED_MODULE_14__/* .platformFlag */ ._G)('capture', values.platform);
        const gpuMode = (0,_smoke_gpu_mode_js__WEBPACK_IMPORTED_MODULE_11__/* .parseGpuMode */ .L)(values.gpus, 'capture: --gpus');
        const env = {};
        for (const name of values.env ?? []) {
            envNameCheck(name);
            const v = io.env[name];
            if (v === undefined)
                throw envNotSet(name);
            env[name] = v;
        }
        // --out is held before any work: another run writing there now is refused at once.
        if (values.out !== undefined)
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_10__/* .holdOutDir */ .$g)(io.cwd, values.out);
        const { gpus, pin } = await (0,_smoke_run_js__WEBPACK_IMPORTED_MODULE_13__/* .resolveGpuChoice */ .KI)(gpuMode, io.docker(), io.env);
        if (pin !== undefined)
            io.stderr(`capture: ${(0,_smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_12__/* .gpusLine */ .i8)(gpus, pin)}\n`);
        // An index digest runs as the platform's own manifest (the one asked for, else the engine's).
        const own = await (0,_docker_platform_image_js__WEBPACK_IMPORTED_MODULE_7__/* .platformImage */ .bg)(io.docker(), image, platform, async () => (0,_docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_6__/* .enginePlatform */ .q)(await io.docker().ping()));
        if (own.platform !== undefined)
            io.stderr(`capture: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(image)} is a multi-platform index: capturing its ${own.platform} image ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(own.image)}\n`);
        const record = await (0,_capture_capture_js__WEBPACK_IMPORTED_MODULE_3__/* .captureImage */ .O$)({
            image: own.image,
            ...(gpus === 'all' && { gpus: (0,_smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_12__/* .containerGpus */ .j_)(pin) }),
            ...(platform !== undefined && { platform }),
            env,
            noTorch: values['no-torch'],
            torchRuntime: values['torch-runtime'],
            imagesDir: (0,_util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .findImagesDir */ .P0)(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url))),
        }, { docker: io.docker() });
        if (values.out !== undefined)
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_10__/* .openOutDir */ .cE)(io.cwd, values.out).writeEnv(record);
        const incomplete = (0,_capture_record_js__WEBPACK_IMPORTED_MODULE_5__/* .packageListProblem */ .o8)(record);
        // The reason is the probe's (the image's) text: escaped as the summary is.
        if (incomplete !== undefined)
            io.stderr(`warning: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(image)}: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(incomplete)}\n`);
        const otherPython = (0,_python_entry_python_js__WEBPACK_IMPORTED_MODULE_4__/* .entryPythonProblem */ .Q3)(record);
        if (otherPython !== undefined)
            io.stderr(`warning: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(image)}: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(otherPython)}\n`);
        io.stdout(values.json ? `${JSON.stringify(record, null, 2)}\n` : renderRecord(record));
        return 0;
    },
};


/***/ }),

/***/ 43140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ holdOutDir),
/* harmony export */   cE: () => (/* binding */ openOutDir),
/* harmony export */   g3: () => (/* binding */ RESOLVE_OUT_FILES)
/* harmony export */ });
/* unused harmony export redactBuildInput */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82513);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(66917);
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(47684);
/* harmony import */ var _resolve_result_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83447);
/* harmony import */ var _smoke_result_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3228);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(20317);
/* harmony import */ var _results_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(98510);
/* harmony import */ var _write_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(35677);
/* harmony import */ var _owner_lock_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(79333);
// The --out files of the commands about ONE image (capture, smoke, resolve) and of plan: no variant
// or platform in their names. Written atomically, checked against their schemas, free of URL
// credentials, as the result directory's files are (src/results/results.ts). resolve's
// requirements.txt and constraints.txt are the build's inputs: a `${NAME}` pip fills in stays.











/** No variant or platform in these names: the command was given one image. */
const OUT_FILES = {
    env: 'env.json',
    smoke: 'smoke.json',
    junit: 'junit.xml',
    constraints: 'constraints.txt',
    requirements: 'requirements.txt',
    resolution: 'resolution.json',
    explanation: 'explanation.md',
    plan: _results_js__WEBPACK_IMPORTED_MODULE_8__/* .PLAN_FILE */ .VI,
    matrix: 'matrix.json',
};
/** The files resolve --out DIR writes there. */
const RESOLVE_OUT_FILES = [
    OUT_FILES.constraints,
    OUT_FILES.requirements,
    OUT_FILES.resolution,
    OUT_FILES.explanation,
];
/** A reference in a credential's place: `${NAME}` (pip fills it in), or a shell's `$NAME`. */
const REFERENCE = /\$\{[A-Za-z0-9_]+\}|\$[A-Za-z_][A-Za-z0-9_]*/g;
/**
 * A reference (as a mask already) before a fixed public password (`${TOKEN}:x-oauth-basic@`: the
 * token is the user name, the password no secret). Before a literal user name it stays a password.
 */
const MASKED_PUBLIC_LOGIN = new RegExp(`//${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeRegExp */ .Nt)(_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .MASK */ .v5)}:(?:${_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .REDACTION_RULES */ .iz.urlPublicPasswords.map(_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeRegExp */ .Nt).join('|')})@`, 'gi');
/**
 * TEXT (requirements.txt, constraints.txt: the build's inputs) with its URLs' credentials masked
 * (redactUrls), but for a URL whose credentials are all references (`https://u:${TOKEN}@host`,
 * `?sig=${SAS}`, `https://${TOKEN}:x-oauth-basic@github.com/...`): kept as written, a name and no
 * secret, so that the file works as the build's input. A word (to white space) with anything
 * literal in a credential's place is masked as redactUrls masks it, references and all (the read
 * refuses a literal secret; a short one, say, may still come this far). Pure.
 */
function redactBuildInput(text) {
    return text.replace(/[^\t\n\r\f\v ]+/g, (word) => {
        const shown = (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(word);
        if (shown === word)
            return word;
        // Each reference as a mask: what redactUrls keeps in any credential's place.
        const named = word.replace(REFERENCE, _util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .MASK */ .v5).replace(MASKED_PUBLIC_LOGIN, `//${_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .MASK */ .v5}:${_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .MASK */ .v5}@`);
        return (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(named) === named ? word : shown;
    });
}
/**
 * `--out DIR` of a command, created when missing and held by this process to its end (owner-lock.ts:
 * another run writing there now is refused, exit 2); returns the directory. smoke and capture hold
 * it before their work, each write again (a directory held already is held on).
 */
function holdOutDir(cwd, out) {
    const label = `--out ${out}`;
    const root = (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_7__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, out), label);
    (0,_owner_lock_js__WEBPACK_IMPORTED_MODULE_10__/* .holdResultDir */ .ek)(root, { label });
    return root;
}
/** `--out DIR` of a command, checked (and created when missing) at each write, as "--out DIR". */
function openOutDir(cwd, out) {
    const label = `--out ${out}`;
    const write = (name, content) => {
        const root = holdOutDir(cwd, out);
        (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_7__/* .writeFileAtomic */ .Zf)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(root, name), content, label);
    };
    const put = (name, content) => write(name, (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(content));
    // The files one call writes: none is written when one of them cannot be (checkReplaceable).
    const group = (...names) => (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_7__/* .checkReplaceable */ .X7)(names.map((n) => node_path__WEBPACK_IMPORTED_MODULE_0___default().join(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, out), n)), label);
    const putJson = (name, schema, value) => put(name, (0,_write_js__WEBPACK_IMPORTED_MODULE_9__/* .json */ .P)((0,_write_js__WEBPACK_IMPORTED_MODULE_9__/* .checked */ .K)(schema, value, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(out, name))));
    return {
        writeEnv: (record) => putJson(OUT_FILES.env, _capture_record_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvRecordSchema */ .iv, record),
        writeSmoke: (result) => {
            group(OUT_FILES.smoke, OUT_FILES.junit);
            putJson(OUT_FILES.smoke, _smoke_result_js__WEBPACK_IMPORTED_MODULE_6__/* .SmokeResultSchema */ .wp, result);
            put(OUT_FILES.junit, (0,_smoke_result_js__WEBPACK_IMPORTED_MODULE_6__/* .toJUnit */ .U5)(result));
        },
        writeResolve: (r) => {
            group(...RESOLVE_OUT_FILES);
            write(OUT_FILES.constraints, redactBuildInput(r.constraints));
            write(OUT_FILES.requirements, redactBuildInput(`${r.requirements}\n`));
            putJson(OUT_FILES.resolution, _resolve_result_js__WEBPACK_IMPORTED_MODULE_5__/* .ResolutionSchema */ .Cg, r.resolution);
            put(OUT_FILES.explanation, r.explanation);
        },
        writePlan: (plan) => {
            group(OUT_FILES.plan, OUT_FILES.matrix);
            putJson(OUT_FILES.plan, _plan_schema_js__WEBPACK_IMPORTED_MODULE_4__/* .PlanSchema */ .fB, plan);
            put(OUT_FILES.matrix, `${JSON.stringify(plan.matrix)}\n`);
        },
    };
}


/***/ }),

/***/ 48238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _K: () => (/* binding */ bundledBaseline),
  wC: () => (/* binding */ floorsArg),
  oU: () => (/* binding */ loadBaseline)
});

// UNUSED EXPORTS: BaselineSchema, FLOOR_METRICS

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/json-file.ts + 1 modules
var json_file = __webpack_require__(20317);
// EXTERNAL MODULE: ./src/util/parse-input.ts
var parse_input = __webpack_require__(91814);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/smoke/baselines.json
const baselines_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"floorFraction":0.75,"gpus":[{"name":"NVIDIA H100 SXM","match":"\\\\bH100\\\\b.*\\\\bHBM3\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":794.5},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.0+cu126; best shape 2048x2048x13312","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H200","match":"\\\\bH200\\\\b(?!.*\\\\bNVL\\\\b)","computeCapability":"9.0","memoryGiB":{"min":135,"max":145},"measured":{"bf16_tflops":727.7,"fp16_tflops":762.7,"tf32_tflops":395.6,"fp32_tflops":51},"method":"ml-image smoke compute: CUDA events after a 10 s warm-up, best of 9 shapes (bf16 best at 6144^3; 680.9 at 8192^3), 700 W, torch 2.11 + CUDA 13.0, driver 580.159.04","source":"docs/gpu-floors.md#nvidia-h200"},{"name":"NVIDIA GH200 144G HBM3e","match":"\\\\bGH200\\\\b.*\\\\bHBM3e\\\\b","computeCapability":"9.0","memoryGiB":{"min":135,"max":150},"measured":{"bf16_tflops":828.6},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126, 900 W 141 GiB HBM3e version; best shape 1024x15360x4096","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 SXM","match":"\\\\bA100-SXM\\\\d?\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":271.2},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126; best shape 1024x10240x5120","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 PCIe","match":"\\\\bA100\\\\b.*\\\\bPCIE\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":252.9},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.5.1+cu124; best shape 2048x5120x6144 (the memory size is not stated)","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H100 PCIe","match":"\\\\bH100\\\\b.*\\\\bPCIe\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":495.9,"fp16_tflops":458},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (bf16 at 4096^2, fp16 at 2048^2), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/95"},{"name":"NVIDIA L40S","match":"\\\\bL40S\\\\b","computeCapability":"8.9","memoryGiB":{"min":42,"max":48},"measured":{"bf16_tflops":269.2,"fp16_tflops":264},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken, torch 2.8.0+cu128, in a Docker container; one community submission (its summary row: FP32 46.88, FP16 264.02, BF16 269.15)","source":"https://github.com/zzc0721/torch-performance-test-data/issues/43"},{"name":"NVIDIA L4","match":"\\\\bL4\\\\b","computeCapability":"8.9","memoryGiB":{"min":20,"max":24},"measured":{"bf16_tflops":70.9,"fp16_tflops":68.8},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (both at 2048^2; 55-59 at 4096^2 and up: a 72 W card), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/120"},{"name":"NVIDIA B200","match":"\\\\bB200\\\\b","computeCapability":"10.0","memoryGiB":{"min":170,"max":185},"measured":{"bf16_tflops":1745},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.1+cu128; best shape 1792x16128x3072","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA GB200","match":"\\\\bGB200\\\\b","computeCapability":"10.0","measured":{"bf16_tflops":1822},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.10.0.dev20250916+cu130; best shape 4096x9728x2048","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA B300 SXM","match":"\\\\bB300\\\\b","computeCapability":"10.3","measured":{"bf16_tflops":1769},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.9.1+cu130; best shape 12288x18432x1024","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"}],"ddp":[]}');
;// CONCATENATED MODULE: ./src/smoke/portable-pattern.ts
// A floors row's `match` is checked here (JavaScript, new RegExp(s, 'i')) and used by the smoke
// script (Python, re.search(s, name, re.I)). The two engines read much alike but not all of it:
// JavaScript takes `(?<!NVL.*)H200` (Python only fixed-width lookbehind), `[^]` (any character;
// Python: a class that starts with "]") or `\cA` (Python: an error), and the script would then
// fail compute-gpu after its benchmark. So a pattern must keep to a subset both read the same way,
// and a construct outside it is named (exit 2 at validation, before anything runs). Pure.
/** Escapes both engines read alike, outside and inside a class (\b in a class: a backspace in both). */
const SHARED_ESCAPES = new Set('dDwWsSbtnrfv');
/** The escapes that stand for a class of characters (no end of a range in Python). */
const CLASS_ESCAPES = new Set('dDwWsS');
/** Python's quantifier limit is larger; a count past this is no GPU name's. */
const MAX_REPEAT = 65535;
/** Escapes of a letter or digit that JavaScript (without the u flag) and Python read differently. */
const ESCAPE_PROBLEMS = {
    c: 'the control escape "\\c" (JavaScript only: an error in Python)',
    p: 'the property escape "\\p{...}" (a letter p in JavaScript without the u flag, an error in Python)',
    P: 'the property escape "\\P{...}" (a letter P in JavaScript without the u flag, an error in Python)',
    B: 'the non-boundary "\\B" (Python never matches it in an empty text; in a class an error)',
    A: 'the escape "\\A" (a letter A in JavaScript, an anchor in Python)',
    Z: 'the escape "\\Z" (a letter Z in JavaScript, an anchor in Python)',
};
/** N hex digits at S[FROM]. */
const hexDigits = (s, from, n) => new RegExp(`^[0-9A-Fa-f]{${n}}`).test(s.slice(from));
/** Why the escape at S[I] is not read alike, or undefined; `len`: the characters it takes. */
function escapeProblem(s, i) {
    const n = s[i + 1] ?? '';
    if (SHARED_ESCAPES.has(n))
        return { len: 2 };
    if (n === 'x')
        return hexDigits(s, i + 2, 2)
            ? { len: 4 }
            : { problem: '"\\x" without two hex digits (a letter x in JavaScript, an error in Python)', len: 2 };
    if (n === 'u')
        return hexDigits(s, i + 2, 4)
            ? { len: 6 }
            : {
                problem: '"\\u" without four hex digits (JavaScript and Python read "\\u{...}" differently)',
                len: 2,
            };
    if (/[0-9]/.test(n))
        return {
            problem: `the backreference or octal escape "\\${n}" (read differently by JavaScript and Python)`,
            len: 2,
        };
    if (/[A-Za-z]/.test(n))
        return {
            problem: ESCAPE_PROBLEMS[n] ?? `the escape "\\${n}" (a letter ${n} in JavaScript, an error in Python)`,
            len: 2,
        };
    return { len: 2 }; // an escaped punctuation character or space: itself in both
}
/** The group opening at S[I] ("("): a problem for any "(?" but (?:, (?= and (?!. */
function groupProblem(s, i) {
    if (s[i + 1] !== '?')
        return undefined;
    const head = s.slice(i, i + 4);
    if (/^\(\?[:=!]/.test(head))
        return undefined;
    if (head === '(?<=' || head === '(?<!')
        return `the lookbehind "${head}" (refused, fixed-width or not: Python takes only a fixed-width one, JavaScript any; use a lookahead, e.g. "H200(?!.*NVL)")`;
    if (/^\(\?(P|<)/.test(head))
        return `the named group "${head}..." (its syntax differs between JavaScript and Python)`;
    return `"${head.slice(0, 3)}" (inline flags and other extensions: only (?:, (?= and (?! are read alike)`;
}
/** The class opening at S[I] ("["): where it ends (after its "]"), or a problem and where it is. */
function classProblem(s, i) {
    let j = i + 1;
    if (s[j] === '^')
        j++;
    if (s[j] === ']')
        return {
            problem: `"${s.slice(i, j + 1)}" (JavaScript: ${j === i + 1 ? 'a class of nothing' : 'any character'}; Python: a class that starts with "]")`,
            pos: i,
        };
    const first = j;
    const classEscapeAt = (k) => s[k] === '\\' && CLASS_ESCAPES.has(s[k + 1] ?? '');
    for (; j < s.length && s[j] !== ']'; j++) {
        const c = s[j];
        if (c === '\\') {
            const e = escapeProblem(s, j);
            if (e.problem)
                return { problem: e.problem, pos: j };
            // JavaScript reads "[\d-z]" as \d, "-" and z; Python refuses the range.
            if (classEscapeAt(j) && s[j + 2] === '-' && s[j + 3] !== ']')
                return { problem: `a range from "\\${s[j + 1]}" (escape the "-" as "\\-")`, pos: j };
            j += e.len - 1;
        }
        else if (c === '-' && j > first && classEscapeAt(j + 1))
            return { problem: `a range to "\\${s[j + 2]}" (escape the "-" as "\\-")`, pos: j };
        else if (c === '[')
            return { problem: 'a "[" inside a class (Python may read a nested set: escape it as "\\[")', pos: j };
        else if (['&&', '--', '||', '~~'].includes(s.slice(j, j + 2)))
            return {
                problem: `"${s.slice(j, j + 2)}" inside a class (Python may read a set operation: escape one of them)`,
                pos: j,
            };
    }
    return { end: j + 1 };
}
/** The "{" at S[I]: a quantifier {n}, {n,} or {n,m} (its length), else a problem. */
function braceProblem(s, i) {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(s.slice(i));
    if (!m)
        return {
            problem: 'a "{" that is no quantifier {n}, {n,} or {n,m} ("{,3}" is a quantifier in Python, text in JavaScript: escape a literal one as "\\{")',
            len: 1,
        };
    if (Number(m[1]) > MAX_REPEAT || (m[2] !== undefined && m[2] !== '' && Number(m[2]) > MAX_REPEAT))
        return { problem: `the quantifier "${m[0]}" (at most ${MAX_REPEAT})`, len: m[0].length };
    return { len: m[0].length };
}
/**
 * Why S is not a regular expression JavaScript and Python read the same way (case-insensitively),
 * naming the construct and where it starts; undefined when it is one. The subset: characters,
 * escaped punctuation, \d \D \w \W \s \S \b \t \n \r \f \v \xHH \uHHHH, classes (no "[]", "[^]",
 * nested "[" or "&&"-style pairs, no range to or from a class escape), groups ( ), (?: ), lookaheads
 * (?= ) and (?! ), alternation, anchors ^ $, and the quantifiers * + ? {n} {n,} {n,m} (lazy too).
 * Those match alike on one line of ASCII text, as device names are (on other text \w, \d and \b
 * are Unicode-aware in Python only, "." takes "\r" in Python only, and "$" in Python also matches
 * before a last "\n").
 */
function portablePatternProblem(s) {
    try {
        new RegExp(s, 'i');
    }
    catch (e) {
        return `not a regular expression (${e.message})`;
    }
    const at = (problem, i) => `${problem} at character ${i + 1}`;
    for (let i = 0; i < s.length;) {
        const c = s[i];
        if (c === '\\') {
            const e = escapeProblem(s, i);
            if (e.problem)
                return at(e.problem, i);
            i += e.len;
        }
        else if (c === '[') {
            const k = classProblem(s, i);
            if ('problem' in k)
                return at(k.problem, k.pos);
            i = k.end;
        }
        else if (c === '(') {
            const g = groupProblem(s, i);
            if (g)
                return at(g, i);
            i += 1;
        }
        else if (c === '{') {
            const b = braceProblem(s, i);
            if (b.problem)
                return at(b.problem, i);
            i += b.len;
        }
        else
            i += 1;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/smoke/baselines.ts
// Per-GPU throughput floors as data (baselines.json, or the config's smoke.baseline file): one row
// per GPU model with the figures measured on it, how and where, and a floor at floorFraction of
// each, as DCGM diag and nccl-tests do. The smoke script judges (images/probe/ml_image_smoke.py
// matches the row on the GPU it runs on); this side checks the table and hands it over, the same
// way to `ml-image smoke` and to the exported Slurm/Kubernetes jobs.








/**
 * A regular expression both JavaScript and Python read alike (portable-pattern.ts): checked here,
 * used there. A construct outside that subset is named with where it is.
 */
const pattern = schemas/* string */.YjP()
    .min(1)
    .superRefine((s, ctx) => {
    const problem = portablePatternProblem(s);
    if (problem !== undefined)
        ctx.addIssue({
            code: 'custom',
            message: `expected a regular expression JavaScript and Python read alike (matched case-insensitively): ${problem}`,
        });
});
const fraction = schemas/* number */.aig().gt(0).lte(1);
/**
 * The metrics the compute suite measures on a GPU and the script judges against a row's figures
 * (images/probe/ml_image_smoke.py compute: `<dtype>_tflops`). A key it does not measure would never
 * be judged: a row matched first would switch the floor off without a word.
 */
const FLOOR_METRICS = ['bf16_tflops', 'fp16_tflops', 'tf32_tflops', 'fp32_tflops'];
/** The metric KEY was likely meant: a close spelling, else the one it starts ("bf16" -> bf16_tflops). */
function metricHint(key) {
    const lower = key.toLowerCase();
    return ((0,util_text/* closestWord */.En)(key, FLOOR_METRICS) ??
        (lower.length >= 4 ? FLOOR_METRICS.find((m) => m.startsWith(lower)) : undefined));
}
/** A row's figures: only metrics of FLOOR_METRICS, each problem named by its key. */
const measured = schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* number */.aig().positive())
    .superRefine((m, ctx) => {
    for (const key of Object.keys(m)) {
        if (FLOOR_METRICS.includes(key))
            continue;
        const hint = metricHint(key);
        ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `not a metric the compute suite measures${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${FLOOR_METRICS.join(', ')}`,
        });
    }
})
    .refine((m) => Object.keys(m).length > 0, { error: 'no figure measured' });
const GpuRow = schemas/* strictObject */.rej({
    /** The row's name, reported as floor_gpu. */
    name: schemas/* string */.YjP().min(1),
    /** Matched case-insensitively on the torch device name, any " MIG ..." suffix stripped. */
    match: pattern,
    /** major.minor; the row applies only to a GPU of this compute capability. */
    computeCapability: schemas/* string */.YjP()
        .regex(/^\d+\.\d+$/, { error: 'expected major.minor, e.g. "9.0"' })
        .optional(),
    /** The GPU's memory in GiB as torch reports it (not checked for a MIG slice). */
    memoryGiB: schemas/* strictObject */.rej({ min: schemas/* number */.aig().nonnegative(), max: schemas/* number */.aig().positive() })
        .refine((m) => m.min <= m.max, { error: 'min is above max' })
        .optional(),
    /** This row's floor fraction, instead of the table's. */
    floorFraction: fraction.optional(),
    /** metric -> the figure measured, e.g. bf16_tflops -> 794.5 (the floor is floorFraction of it). */
    measured,
    /** How the figures were measured (shapes, warm-up, timing, power). */
    method: schemas/* string */.YjP().min(1).optional(),
    /** Where the figures come from: a URL, or a file of this repository. */
    source: schemas/* string */.YjP().min(1),
});
const DdpRow = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1),
    /** Matched like a GPU row's, on the name of the GPUs the all-reduce ran on. */
    match: pattern,
    /** The row applies from this many processes on. */
    minWorld: schemas/* number */.aig().int().min(2).optional(),
    /** busbw (nccl-tests' definition) measured; the floor is floorFraction of it. */
    busbw_gbps: schemas/* number */.aig().positive(),
    floorFraction: fraction.optional(),
    /** e.g. "NVLink 4 (NVSwitch)" */
    interconnect: schemas/* string */.YjP().min(1),
    method: schemas/* string */.YjP().min(1).optional(),
    source: schemas/* string */.YjP().min(1),
});
const BaselineSchema = schemas/* strictObject */.rej({
    schemaVersion: schemas/* literal */.euz(1),
    floorFraction: fraction,
    gpus: schemas/* array */.YOg(GpuRow),
    ddp: schemas/* array */.YOg(DdpRow).optional(),
});
function bundledBaseline() {
    return BaselineSchema.parse(baselines_namespaceObject);
}
/**
 * The config's baseline file merged with the bundled one: its rows come first, so they win (the
 * script takes the first row that matches), and its floorFraction is the table's. A bundled row
 * keeps the fraction it states.
 */
function loadBaseline(file) {
    const bundled = bundledBaseline();
    if (file === undefined)
        return bundled;
    let json;
    try {
        json = (0,json_file/* readJsonFile */.JE)(file, { what: 'smoke.baseline file' });
    }
    catch (e) {
        // Named by its field first, as the schema's problems below are ("smoke.baseline: ...").
        if (!(e instanceof errors/* InputError */.dz))
            throw e;
        throw new errors/* InputError */.dz(`smoke.baseline: ${e.message}`, e.fix);
    }
    const r = (0,parse_input/* boundedSafeParse */.Aw)(BaselineSchema, json);
    if ('overflow' in r)
        throw new errors/* InputError */.dz(`smoke.baseline: ${file}: too many problems to list (zod ran out of stack)`);
    if (!r.success) {
        throw new errors/* InputError */.dz(`smoke.baseline: ${file}: ${(0,issues/* formatIssues */.og)(r.error, json, BaselineSchema).join('; ')}`);
    }
    return {
        ...r.data,
        gpus: [...r.data.gpus, ...bundled.gpus],
        ddp: [...(r.data.ddp ?? []), ...(bundled.ddp ?? [])],
    };
}
/**
 * The table as the smoke script's `--floors` argument: compact JSON, with U+2028 and U+2029 escaped
 * (still the same JSON). An export carries it in a Kubernetes YAML file, whose readers (go-yaml in
 * kubectl, PyYAML) take those characters for line breaks and would misread the file.
 */
function floorsArg(baseline) {
    return JSON.stringify(baseline)
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}


/***/ }),

/***/ 58947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ parseGpuMode)
/* harmony export */ });
/* unused harmony export GPU_MODES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
// The GPU mode of the smoke containers, as the action input, the CLI flags and the stages spell it.


/**
 * auto: GPUs when the engine has the NVIDIA runtime or an nvidia.com/gpu CDI device (a CDI spec
 * directory alone is not enough); all: every GPU; none: CPU only.
 */
const GPU_MODES = ['auto', 'all', 'none'];
/** A flag's value -> the mode; anything else is bad input naming the flag (exit 2). */
function parseGpuMode(raw, source) {
    const mode = GPU_MODES.find((m) => m === raw);
    if (mode === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${source}: expected auto, all or none, got ${JSON.stringify(raw)}${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(raw ?? '', GPU_MODES)}`, 'auto: GPUs when the engine has them; all: every GPU; none: CPU only');
    return mode;
}


/***/ }),

/***/ 64377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w$: () => (/* binding */ datetime)
/* harmony export */ });
/* unused harmony exports date, time, duration */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODateTime */ .You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}


/***/ })

};
