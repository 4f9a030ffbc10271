export const id = 262;
export const ids = [262];
export const modules = {

/***/ 96912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O$: () => (/* binding */ captureImage)
/* harmony export */ });
/* unused harmony exports imageCreated, layerHistory */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11012);
/* harmony import */ var _docker_failures_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76873);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(311);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(66917);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(69695);
/* harmony import */ var _util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(55242);
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
            toolVersion: _version_js__WEBPACK_IMPORTED_MODULE_9__/* .VERSION */ .x,
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
/**
 * The image's layers with the instruction that made each (oldest first), from the engine; a
 * string when the engine could not tell (the record says why under errors). Values of secret names
 * (`RUN |1 HF_TOKEN=... /bin/sh -c`, `ENV DB_PASSWORD=two words`) are masked, then the text
 * patterns apply (redactInstruction).
 */
async function layerHistory(image, docker) {
    if (!docker.imageHistory)
        return undefined;
    try {
        const entries = await docker.imageHistory(image);
        return entries.map((h) => ({
            createdBy: (0,_util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_8__/* .redactInstruction */ .Q)(h.createdBy),
            sizeBytes: h.sizeBytes,
            ...(h.empty && { empty: true }),
        }));
    }
    catch (e) {
        return `${e.name}: ${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(String(e.message ?? e)).slice(0, 300)}`;
    }
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
        labels: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactLabels */ .PU)(details.labels),
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
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(66917);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _results_out_dir_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(43140);
/* harmony import */ var _smoke_gpu_mode_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(58947);
/* harmony import */ var _smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(52013);
/* harmony import */ var _smoke_run_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(31246);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(77593);











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
    usage: 'ml-image capture --image REF [--platform P] [--gpus none|all|auto] [--env NAME]... [--torch-runtime|--no-torch] [--json] --out DIR',
    help: `Runs the probe (images/probe/ml_image_probe.py: python3, standard library only) inside the
image and adds what the engine knows of it (digest, platform, size, layers, labels, user,
entrypoint). The record holds every field of PyTorch's collect_env, as JSON. Environment variables
are redacted by name (TOKEN, SECRET, PASSWORD, KEY, ...) and by value (hf_, ghp_, AKIA, JWTs, long
base64-like values, credentials in URLs). What cannot be collected is listed with the reason.

Options:
  --image REF      the image (pulled if missing)
  --platform P     linux/amd64 or linux/arm64 (arm64 runs under QEMU on amd64)
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
  --out DIR        write DIR/env.json

Exit codes: 0 recorded; 1 the probe failed; 2 bad input (no python3 in the image); 3 no daemon.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_10__/* .parseCommandArgs */ .Qx)('capture', argv, {
            image: { type: 'string' },
            platform: { type: 'string' },
            gpus: { type: 'string', default: 'none' },
            env: { type: 'string', multiple: true },
            'no-torch': { type: 'boolean', default: false },
            'torch-runtime': { type: 'boolean', default: false },
        });
        const image = (0,_args_js__WEBPACK_IMPORTED_MODULE_10__/* .imageFlag */ .m4)('capture', values.image);
        if (values['no-torch'] && values['torch-runtime'])
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('capture: --torch-runtime and --no-torch: give one', '--torch-runtime imports torch for its runtime view; --no-torch leaves torch out');
        const platform = (0,_args_js__WEBPACK_IMPORTED_MODULE_10__/* .platformFlag */ ._G)('capture', values.platform);
        const gpuMode = (0,_smoke_gpu_mode_js__WEBPACK_IMPORTED_MODULE_7__/* .parseGpuMode */ .L)(values.gpus, 'capture: --gpus');
        const env = {};
        for (const name of values.env ?? []) {
            const v = io.env[name];
            if (v === undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`capture: --env ${name}: not set in your environment`);
            env[name] = v;
        }
        const { gpus, pin } = await (0,_smoke_run_js__WEBPACK_IMPORTED_MODULE_9__/* .resolveGpuChoice */ .KI)(gpuMode, io.docker(), io.env);
        if (pin !== undefined)
            io.stderr(`capture: ${(0,_smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_8__/* .gpusLine */ .i8)(gpus, pin)}\n`);
        const record = await (0,_capture_capture_js__WEBPACK_IMPORTED_MODULE_3__/* .captureImage */ .O$)({
            image,
            ...(gpus === 'all' && { gpus: (0,_smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_8__/* .containerGpus */ .j_)(pin) }),
            ...(platform !== undefined && { platform }),
            env,
            noTorch: values['no-torch'],
            torchRuntime: values['torch-runtime'],
            imagesDir: (0,_util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .findImagesDir */ .P)(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url))),
        }, { docker: io.docker() });
        if (values.out !== undefined)
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_6__/* .openOutDir */ .c)(io.cwd, values.out).writeEnv(record);
        const incomplete = (0,_capture_record_js__WEBPACK_IMPORTED_MODULE_4__/* .packageListProblem */ .o8)(record);
        if (incomplete !== undefined)
            io.stderr(`warning: ${image}: ${incomplete}\n`);
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

/***/ 59606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _K: () => (/* binding */ bundledBaseline),
  wC: () => (/* binding */ floorsArg),
  oU: () => (/* binding */ loadBaseline)
});

// UNUSED EXPORTS: BaselineSchema

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/json-file.ts + 1 modules
var json_file = __webpack_require__(20317);
;// CONCATENATED MODULE: ./src/smoke/baselines.json
const baselines_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"floorFraction":0.75,"gpus":[{"name":"NVIDIA H100 SXM","match":"\\\\bH100\\\\b.*\\\\bHBM3\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":794.5},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.0+cu126; best shape 2048x2048x13312","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H200","match":"\\\\bH200\\\\b(?!.*\\\\bNVL\\\\b)","computeCapability":"9.0","memoryGiB":{"min":135,"max":145},"measured":{"bf16_tflops":727.7,"fp16_tflops":762.7,"tf32_tflops":395.6,"fp32_tflops":51},"method":"ml-image smoke compute: CUDA events after a 10 s warm-up, best of 9 shapes (bf16 best at 6144^3; 680.9 at 8192^3), 700 W, torch 2.11 + CUDA 13.0, driver 580.159.04","source":"docs/gpu-floors.md#nvidia-h200"},{"name":"NVIDIA GH200 144G HBM3e","match":"\\\\bGH200\\\\b.*\\\\bHBM3e\\\\b","computeCapability":"9.0","memoryGiB":{"min":135,"max":150},"measured":{"bf16_tflops":828.6},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126, 900 W 141 GiB HBM3e version; best shape 1024x15360x4096","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 SXM","match":"\\\\bA100-SXM\\\\d?\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":271.2},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126; best shape 1024x10240x5120","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 PCIe","match":"\\\\bA100\\\\b.*\\\\bPCIE\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":252.9},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.5.1+cu124; best shape 2048x5120x6144 (the memory size is not stated)","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H100 PCIe","match":"\\\\bH100\\\\b.*\\\\bPCIe\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":495.9,"fp16_tflops":458},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (bf16 at 4096^2, fp16 at 2048^2), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/95"},{"name":"NVIDIA L40S","match":"\\\\bL40S\\\\b","computeCapability":"8.9","memoryGiB":{"min":42,"max":48},"measured":{"bf16_tflops":269.2,"fp16_tflops":264},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken, torch 2.8.0+cu128, in a Docker container; one community submission (its summary row: FP32 46.88, FP16 264.02, BF16 269.15)","source":"https://github.com/zzc0721/torch-performance-test-data/issues/43"},{"name":"NVIDIA L4","match":"\\\\bL4\\\\b","computeCapability":"8.9","memoryGiB":{"min":20,"max":24},"measured":{"bf16_tflops":70.9,"fp16_tflops":68.8},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (both at 2048^2; 55-59 at 4096^2 and up: a 72 W card), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/120"},{"name":"NVIDIA B200","match":"\\\\bB200\\\\b","computeCapability":"10.0","memoryGiB":{"min":170,"max":185},"measured":{"bf16_tflops":1745},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.1+cu128; best shape 1792x16128x3072","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA GB200","match":"\\\\bGB200\\\\b","computeCapability":"10.0","measured":{"bf16_tflops":1822},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.10.0.dev20250916+cu130; best shape 4096x9728x2048","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA B300 SXM","match":"\\\\bB300\\\\b","computeCapability":"10.3","measured":{"bf16_tflops":1769},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.9.1+cu130; best shape 12288x18432x1024","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"}],"ddp":[]}');
;// CONCATENATED MODULE: ./src/smoke/baselines.ts
// Per-GPU throughput floors as data (baselines.json, or the config's smoke.baseline file): one row
// per GPU model with the figures measured on it, how and where, and a floor at floorFraction of
// each, as DCGM diag and nccl-tests do. The smoke script judges (images/probe/ml_image_smoke.py
// matches the row on the GPU it runs on); this side checks the table and hands it over, the same
// way to `ml-image smoke` and to the exported Slurm/Kubernetes jobs.





/** A regular expression both JavaScript and Python read alike: checked here, used there. */
const pattern = schemas/* string */.YjP()
    .min(1)
    .refine((s) => {
    try {
        new RegExp(s, 'i');
        return !/\(\?P?<[A-Za-z_]/.test(s);
    }
    catch {
        return false;
    }
}, { error: 'expected a regular expression (no named groups or inline flags: matched case-insensitively)' });
const fraction = schemas/* number */.aig().gt(0).lte(1);
const GpuRow = schemas/* object */.Ikc({
    /** The row's name, reported as floor_gpu. */
    name: schemas/* string */.YjP().min(1),
    /** Matched case-insensitively on the torch device name, any " MIG ..." suffix stripped. */
    match: pattern,
    /** major.minor; the row applies only to a GPU of this compute capability. */
    computeCapability: schemas/* string */.YjP()
        .regex(/^\d+\.\d+$/, { error: 'expected major.minor, e.g. "9.0"' })
        .optional(),
    /** The GPU's memory in GiB as torch reports it (not checked for a MIG slice). */
    memoryGiB: schemas/* object */.Ikc({ min: schemas/* number */.aig().nonnegative(), max: schemas/* number */.aig().positive() })
        .refine((m) => m.min <= m.max, { error: 'min is above max' })
        .optional(),
    /** This row's floor fraction, instead of the table's. */
    floorFraction: fraction.optional(),
    /** metric -> the figure measured, e.g. bf16_tflops -> 794.5 (the floor is floorFraction of it). */
    measured: schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* number */.aig().positive())
        .refine((m) => Object.keys(m).length > 0, { error: 'no figure measured' }),
    /** How the figures were measured (shapes, warm-up, timing, power). */
    method: schemas/* string */.YjP().min(1).optional(),
    /** Where the figures come from: a URL, or a file of this repository. */
    source: schemas/* string */.YjP().min(1),
});
const DdpRow = schemas/* object */.Ikc({
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
const BaselineSchema = schemas/* object */.Ikc({
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
    const json = (0,json_file/* readJsonFile */.JE)(file, { what: 'smoke.baseline file' });
    const r = BaselineSchema.safeParse(json);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${source}: expected auto, all or none, got "${raw}"`);
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
