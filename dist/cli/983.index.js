export const id = 983;
export const ids = [983];
export const modules = {

/***/ 96912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O$: () => (/* binding */ captureImage)
/* harmony export */ });
/* unused harmony exports imageCreated, layerHistory, redactInstruction */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11012);
/* harmony import */ var _docker_failures_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76873);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(311);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(66917);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(69695);
// capture: run the probe (images/probe/ml_image_probe.py) in the image and add what the engine
// knows of the image. The container is removed in every case (DockerAdapter.runContainer).









/** python3 is not in the image: our deadline wrapper's, the OCI runtime's or a shell's wording. */
const NO_PYTHON = /"python3": (executable file not found|no such file or directory)|python3: (command )?not found/i;
/**
 * The image's creation time: the engine's own when the adapter reports one, else the OCI label
 * the build sets, else null. (ImageDetails has no `created` yet; an adapter that adds it wins.)
 */
function imageCreated(details) {
    return details.created || details.labels[_record_js__WEBPACK_IMPORTED_MODULE_6__/* .CREATED_LABEL */ .Kh] || null;
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
    const probe = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(input.imagesDir, 'probe', 'ml_image_probe.py'), 'utf8');
    const attempt = (gpus) => docker
        .runContainer({
        image: input.image,
        ...(input.platform !== undefined && { platform: input.platform }),
        // The probe needs no shell and no entrypoint of the image.
        entrypoint: ['python3'],
        cmd: [
            '-c',
            probe,
            `--redaction-rules=${JSON.stringify(_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .REDACTION_RULES */ .iz)}`, // one copy of the rules: redaction-rules.json
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
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .MlImageError */ .zn || ((0,_docker_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .statusCodeOf */ .PU)(e) ?? 0) < 400)
            throw e;
        const gpuError = `the probe's container did not start with GPUs, so it ran without them: ${(0,_docker_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .engineMessage */ .g4)(e)}`;
        return { run: await attempt(undefined), gpuError };
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
        const msg = (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(`${run.stderr || run.stdout}`.trim().split('\n').slice(-5).join('\n'));
        // Exit 2: the image given cannot be captured at all (bad input, named), not a failed check.
        if ((run.exitCode === 127 || run.exitCode === 126) && NO_PYTHON.test(msg)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${name} has no python3, which the probe needs: ${msg}`, 'capture an image with python3 on PATH (every template installs it); the smoke suites need it too');
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CheckFailedError */ .CO(`the probe failed in ${name} (exit ${run.exitCode}):\n${msg}`);
    }
    let probed;
    try {
        probed = JSON.parse(run.stdout);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CheckFailedError */ .CO(`the probe in ${name} printed no record (exit 0):\n${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(run.stdout.trim().slice(-2000))}`);
    }
    const history = await layerHistory(input.image, deps.docker);
    const record = redactRecord({
        ...probed,
        schemaVersion: _record_js__WEBPACK_IMPORTED_MODULE_6__/* .ENV_RECORD_SCHEMA_VERSION */ .B6,
        image: imageFacts(input, details, platform, history),
        errors: [
            ...(probed.errors ?? []),
            ...(typeof history === 'string' ? [{ field: 'image.history', error: history }] : []),
            ...(gpuError !== undefined ? [{ field: 'gpus', error: gpuError }] : []),
        ],
        capture: {
            ...probed.capture,
            toolVersion: _version_js__WEBPACK_IMPORTED_MODULE_8__/* .VERSION */ .x,
            time: new Date().toISOString(),
            host: { kernel: node_os__WEBPACK_IMPORTED_MODULE_1___default().release() },
        },
    });
    const parsed = _record_js__WEBPACK_IMPORTED_MODULE_6__/* .EnvRecordSchema */ .iv.safeParse(record);
    if (!parsed.success) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CheckFailedError */ .CO(`the probe's record of ${name} does not match the schema: ${(0,_config_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatIssues */ .og)(parsed.error, record, _record_js__WEBPACK_IMPORTED_MODULE_6__/* .EnvRecordSchema */ .iv)[0]}`);
    }
    return parsed.data;
}
/** Longest instruction kept per layer (a RUN with a long script): the record stays small. */
const MAX_INSTRUCTION = 500;
/**
 * The image's layers with the instruction that made each (oldest first), from the engine; a
 * string when the engine could not tell (the record says why under errors). Build arguments whose
 * name looks secret (`RUN |1 HF_TOKEN=... /bin/sh -c`) are masked, then the text patterns apply.
 */
async function layerHistory(image, docker) {
    if (!docker.imageHistory)
        return undefined;
    try {
        const entries = await docker.imageHistory(image);
        return entries.map((h) => ({
            createdBy: redactInstruction(h.createdBy),
            sizeBytes: h.sizeBytes,
            ...(h.empty && { empty: true }),
        }));
    }
    catch (e) {
        return `${e.name}: ${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(String(e.message ?? e)).slice(0, 300)}`;
    }
}
function redactInstruction(text) {
    const masked = text.replace(/(^|\s)([A-Za-z_][A-Za-z0-9_]*)=(\S+)/g, (_m, sp, name, value) => `${sp}${name}=${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactEnvValue */ .OI)(name, value)}`);
    const out = (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(masked);
    return out.length > MAX_INSTRUCTION ? `${out.slice(0, MAX_INSTRUCTION - 1)}…` : out;
}
/** What the engine knows of the image (record.image). */
function imageFacts(input, details, platform, history) {
    const repoDigest = details.repoDigests.find((d) => d.includes('@'))?.split('@')[1];
    return {
        ref: nameOf(input),
        id: details.id,
        digest: repoDigest ?? null,
        platform,
        sizeBytes: details.sizeBytes,
        layers: details.layers,
        labels: details.labels,
        user: details.user,
        entrypoint: details.entrypoint,
        cmd: details.cmd,
        env: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactEnvList */ .V1)(details.env),
        variant: input.variant ?? details.labels[_record_js__WEBPACK_IMPORTED_MODULE_6__/* .VARIANT_LABEL */ .z] ?? null,
        created: imageCreated(details),
        ...(Array.isArray(history) && { history }),
    };
}
/**
 * The record with secrets masked: every string that looks like one as a whole (redactDeep), but in
 * the package lists only tokens of known forms and URL logins. A package's name, version or
 * requirement is no secret by its shape: PyPI names of 40 letters and digits exist
 * (mypy-boto3-serverlessapplicationrepository), and masking them merged two packages into one
 * SBOM component and dropped their dependencies.
 */
function redactRecord(r) {
    const python = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'packages' ? (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactTextDeep */ .Fo)(x) : (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactDeep */ .KL)(x)]))
        : (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactDeep */ .KL)(v);
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [
        k,
        k === 'python' ? python(v) : k === 'apt' ? (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactTextDeep */ .Fo)(v) : (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactDeep */ .KL)(v),
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _results_out_dir_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(43140);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(77593);







function renderRecord(r) {
    const t = r.torch;
    return [
        `${r.image.ref} (${r.image.platform}, ${(r.image.sizeBytes / 1e6).toFixed(0)} MB, ${r.image.layers} layers, user ${r.image.user || 'root'})`,
        `  os:      ${r.os.osRelease.PRETTY_NAME ?? '?'}, ${r.os.glibc ?? 'glibc ?'}, ${r.os.machine}`,
        `  python:  ${r.python.version}, ${r.python.packages.length} packages, ${r.apt.length} apt packages`,
        `  torch:   ${t ? `${t.version} (CUDA build ${t.cuda ?? 'none'}, CUDA available: ${t.cudaAvailable})` : 'not installed'}`,
        `  cuda:    runtime ${r.cuda.runtime ?? '-'}, cuDNN ${r.cuda.cudnn ?? '-'}, NCCL ${r.cuda.nccl ?? '-'}, driver max ${r.cuda.driverMaxCuda ?? '-'}`,
        `  gpus:    ${r.gpus.map((g) => `${g.name} (${g.memoryMiB} MiB, sm ${g.computeCapability})`).join(', ') || 'none visible'}`,
        `  not collected: ${r.errors.map((e) => e.field).join(', ') || 'nothing'}`,
        '',
    ].join('\n');
}
const captureCommand = {
    name: 'capture',
    summary: 'Record what is inside an image: OS, Python packages, apt, CUDA/cuDNN/NCCL, torch, GPUs, env.',
    usage: 'ml-image capture --image REF [--platform P] [--env NAME]... [--torch-runtime|--no-torch] [--json] --out DIR',
    help: `Runs the probe (images/probe/ml_image_probe.py: python3, standard library only) inside the
image and adds what the engine knows of it (digest, platform, size, layers, labels, user,
entrypoint). The record holds every field of PyTorch's collect_env, as JSON. Environment variables
are redacted by name (TOKEN, SECRET, PASSWORD, KEY, ...) and by value (hf_, ghp_, AKIA, JWTs, long
base64-like values, credentials in URLs). What cannot be collected is listed with the reason.

Options:
  --image REF      the image (pulled if missing)
  --platform P     linux/amd64 or linux/arm64 (arm64 runs under QEMU on amd64)
  --env NAME       pass this variable from your environment into the probe's container (repeatable)
  --torch-runtime  import torch for its runtime view (default: torch is described from its files,
                   which is what collect_env reports, seconds faster)
  --no-torch       leave torch out
  --json           print the record instead of a summary
  --out DIR        write DIR/env.json

Exit codes: 0 recorded; 1 the probe failed; 2 bad input (no python3 in the image); 3 no daemon.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .parseCommandArgs */ .Qx)('capture', argv, {
            image: { type: 'string' },
            platform: { type: 'string' },
            env: { type: 'string', multiple: true },
            'no-torch': { type: 'boolean', default: false },
            'torch-runtime': { type: 'boolean', default: false },
        });
        const image = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .imageFlag */ .m4)('capture', values.image);
        const platform = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .platformFlag */ ._G)('capture', values.platform);
        const env = {};
        for (const name of values.env ?? []) {
            const v = io.env[name];
            if (v === undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`capture: --env ${name}: not set in your environment`);
            env[name] = v;
        }
        const record = await (0,_capture_capture_js__WEBPACK_IMPORTED_MODULE_3__/* .captureImage */ .O$)({
            image,
            ...(platform !== undefined && { platform }),
            env,
            noTorch: values['no-torch'],
            torchRuntime: values['torch-runtime'],
            imagesDir: (0,_util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .findImagesDir */ .P)(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url))),
        }, { docker: io.docker() });
        if (values.out !== undefined)
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_5__/* .openOutDir */ .c)(io.cwd, values.out).writeEnv(record);
        io.stdout(values.json ? `${JSON.stringify(record, null, 2)}\n` : renderRecord(record));
        return 0;
    },
};


/***/ }),

/***/ 43140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ openOutDir)
/* harmony export */ });
/* unused harmony export OUT_FILES */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(69695);
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66917);
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47684);
/* harmony import */ var _resolve_result_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83447);
/* harmony import */ var _smoke_result_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3228);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(20317);
/* harmony import */ var _results_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(37351);
/* harmony import */ var _write_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(35677);
// The --out files of the commands about ONE image (capture, smoke, resolve) and of plan: no variant
// or platform in their names. Written atomically, checked against their schemas, free of URL
// credentials, as the result directory's files are (src/results/results.ts).









/** No variant or platform in these names: the command was given one image. */
const OUT_FILES = {
    env: 'env.json',
    smoke: 'smoke.json',
    junit: 'junit.xml',
    constraints: 'constraints.txt',
    requirements: 'requirements.txt',
    resolution: 'resolution.json',
    explanation: 'explanation.md',
    plan: _results_js__WEBPACK_IMPORTED_MODULE_7__/* .PLAN_FILE */ .VI,
    matrix: 'matrix.json',
};
/** `--out DIR` of a command, checked (and created when missing) at each write, as "--out DIR". */
function openOutDir(cwd, out) {
    const label = `--out ${out}`;
    const put = (name, content) => {
        const root = (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_6__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, out), label);
        (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_6__/* .writeFileAtomic */ .Zf)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(root, name), (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(content), label);
    };
    const putJson = (name, schema, value) => put(name, (0,_write_js__WEBPACK_IMPORTED_MODULE_8__/* .json */ .P)((0,_write_js__WEBPACK_IMPORTED_MODULE_8__/* .checked */ .K)(schema, value, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(out, name))));
    return {
        writeEnv: (record) => putJson(OUT_FILES.env, _capture_record_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvRecordSchema */ .iv, record),
        writeSmoke: (result) => {
            putJson(OUT_FILES.smoke, _smoke_result_js__WEBPACK_IMPORTED_MODULE_5__/* .SmokeResultSchema */ .wp, result);
            put(OUT_FILES.junit, (0,_smoke_result_js__WEBPACK_IMPORTED_MODULE_5__/* .toJUnit */ .U5)(result));
        },
        writeResolve: (r) => {
            put(OUT_FILES.constraints, r.constraints);
            put(OUT_FILES.requirements, `${r.requirements}\n`);
            putJson(OUT_FILES.resolution, _resolve_result_js__WEBPACK_IMPORTED_MODULE_4__/* .ResolutionSchema */ .Cg, r.resolution);
            put(OUT_FILES.explanation, r.explanation);
        },
        writePlan: (plan) => {
            putJson(OUT_FILES.plan, _plan_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .PlanSchema */ .fB, plan);
            put(OUT_FILES.matrix, `${JSON.stringify(plan.matrix)}\n`);
        },
    };
}


/***/ }),

/***/ 29882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ findImagesDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
// Where this tool's images/ folder is (Dockerfile templates and the in-container probe): next to
// dist/ when bundled, at the repository root in development. Every entry point looks it up once.



/** images/ of this tool: next to dist/ when bundled, at the repository root in development. */
function findImagesDir(start) {
    let dir = start;
    for (;;) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'images', 'cpu', 'Dockerfile')))
            return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'images');
        const up = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir);
        if (up === dir)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`cannot find the images/ templates above ${start}`, 'the action or CLI is incomplete: images/ must sit next to dist/ (reinstall or check out the whole repository)');
        dir = up;
    }
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
