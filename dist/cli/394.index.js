export const id = 394;
export const ids = [394];
export const modules = {

/***/ 15216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderSmoke: () => (/* binding */ renderSmoke),
/* harmony export */   smokeCommand: () => (/* binding */ smokeCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29882);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14385);
/* harmony import */ var _docker_platform_image_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53041);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _github_event_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(85015);
/* harmony import */ var _plan_git_context_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(74725);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(49997);
/* harmony import */ var _results_out_dir_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(43140);
/* harmony import */ var _smoke_gpu_mode_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(58947);
/* harmony import */ var _smoke_output_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(71800);
/* harmony import */ var _smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(52013);
/* harmony import */ var _smoke_run_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(91018);
/* harmony import */ var _smoke_target_gpus_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(29094);
/* harmony import */ var _smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(46985);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(77593);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(17474);


















/** The smoke results for the terminal: what the image said (ids, reasons, output) escaped (printable). */
function renderSmoke(r) {
    const lines = r.tests.map((t) => {
        const metrics = Object.entries(t.metrics)
            .map(([k, v]) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g$)(`${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`))
            .join(' ');
        const head = `${t.status.toUpperCase().padEnd(4)} ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g$)(t.id).padEnd(18)} ${(t.durationMs / 1000).toFixed(1).padStart(5)}s  ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g$)(t.reason ?? '')}${metrics ? ` ${metrics}` : ''}`;
        const cause = t.cause
            ? [`     cause: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .printableLines */ .fk)(t.cause.cause)}`, `     fix:   ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .printableLines */ .fk)(t.cause.fix)}`]
            : [];
        // A failure's output where people look (smoke.json and junit.xml keep more of it).
        const out = t.status === 'fail' ? (0,_smoke_output_js__WEBPACK_IMPORTED_MODULE_11__/* .failureTail */ .PE)(t.output).map(_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g$) : [];
        const shown = out.length > 0 ? [`     output (${(0,_smoke_output_js__WEBPACK_IMPORTED_MODULE_11__/* .failureTailHeading */ .vQ)(out)}):`, ...out.map((l) => `     | ${l}`)] : [];
        return [head, ...cause, ...shown].join('\n');
    });
    return `${lines.join('\n')}\n${r.summary.pass} passed, ${r.summary.fail} failed, ${r.summary.skip} skipped in ${(r.summary.durationMs / 1000).toFixed(1)}s\n`;
}
/**
 * What the plan of the config says about the image's variant, as the pipeline's smoke stage takes
 * it: its Python (the imports suite imports what pip installed there: environment markers on
 * python_version), its NVIDIA driver floor (the gpu suite) and the kind that decides whether it
 * gets GPUs (gpuKindOf: a cpu variant of the cpu template never does). The variant: --variant, else
 * the config's only one. A config of several variants without --variant: python.version (export's
 * fallback), no floor and no kind, said on stderr. No config: none of them.
 */
function smokeVariant(loaded, variant, io) {
    if (loaded === undefined) {
        if (variant !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('smoke: --variant names a variant of the config: pass --config FILE');
        return {};
    }
    const names = loaded.config.variants.map((v) => v.name);
    const name = variant ?? (names.length === 1 ? names[0] : undefined);
    const { version } = loaded.config.python;
    if (name === undefined) {
        io.stderr(`smoke: ${loaded.label ?? 'the config'} has ${names.length} variants (${names.join(', ')}) and no --variant was given: the imports suite judges environment markers on ${version === undefined ? 'no Python version' : `python.version ${version}`}, and the gpu suite checks no driver floor\n`);
        return { ...(version !== undefined && { python: version }) };
    }
    if (!names.includes(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`smoke: --variant ${JSON.stringify(name)}: ${loaded.label ?? 'the config'} has no such variant${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .didYouMean */ .au)(name, names)}`, `give one of: ${names.join(', ')}`);
    }
    const event = (0,_github_event_js__WEBPACK_IMPORTED_MODULE_6__/* .readGitHubEventFile */ .MZ)(io.env.GITHUB_EVENT_PATH);
    const plan = (0,_shared_js__WEBPACK_IMPORTED_MODULE_17__/* .planOfConfig */ .DH)(loaded, (0,_plan_git_context_js__WEBPACK_IMPORTED_MODULE_7__/* .gitContextFromGitHubEnv */ .sp)(io.env, event) ?? {});
    const planned = plan.variants.find((v) => v.name === name);
    return {
        python: planned.python,
        ...(planned.cuda && { driverFloor: planned.cuda.minorCompatDriverMin }),
        kind: (0,_smoke_target_gpus_js__WEBPACK_IMPORTED_MODULE_14__/* .gpuKindOf */ .c4)(planned),
    };
}
const SMOKE_OPTIONS = {
    image: { type: 'string', required: true },
    suites: { type: 'string' },
    gpus: { type: 'string', default: 'auto' },
    'require-gpu': { type: 'boolean', default: false },
    platform: { type: 'string' },
    config: { type: 'string' },
    variant: { type: 'string' },
    timeout: { type: 'string' },
};
const smokeCommand = {
    name: 'smoke',
    options: SMOKE_OPTIONS,
    summary: 'Run smoke suites inside an image: imports, pip check, GPU, compute, train, DDP, custom tests.',
    usage: 'ml-image smoke --image REF [--suites a,b] [--gpus auto|all|none] [--require-gpu] [--platform P] [--config FILE [--variant NAME]] [--timeout S] [--out DIR]',
    help: `The suites run in containers of the image (removed in every case, also on timeout); the python3
tests share one container and one python3, and a test that fails or times out ends it (the rest
run in a fresh one):
  imports    import every module of each requirement (NumPy 1.x/2.x ABI errors are recognised)
  pip-check  python -m pip check
  gpu        GPUs visible, driver at or above the variant's floor (with --config, from its plan;
             below it only through NVIDIA's forward compatibility; skipped without GPUs)
  compute    matmul throughput (fp32 on CPU; fp32, tf32 and bf16 on GPU)
  train      a tiny model; the loss must fall by half
  ddp        torchrun --standalone: all-reduce across 2 CPU processes (gloo) or every GPU (nccl); busbw
  custom     the config's smoke.tests: commands, files, metadata
Failing tests are matched against known failures (cause and fix). With --out DIR, writes
DIR/smoke.json and DIR/junit.xml.

Options:
  --image REF         the image to test. A multi-platform index by digest (REPOSITORY@sha256:...)
                      runs as its platform's own manifest, which the results name
  --suites LIST       comma-separated (default: the config's smoke.suites, else all)
  --gpus auto|all|none  GPUs for the containers: auto (default) when the engine has the NVIDIA
                      runtime or an nvidia.com/gpu CDI device; all = the "--gpus all" equivalent.
                      A runner pinned with NVIDIA_VISIBLE_DEVICES (else CUDA_VISIBLE_DEVICES) in
                      its environment gets only those GPUs (-1 or none: no GPU). As in the
                      pipeline, a cpu variant (--variant) and a --platform the engine runs
                      emulated get none: their GPU tests are skipped with the reason
  --require-gpu       GPU suites fail instead of skipping without a GPU
  --platform P        linux/amd64 or linux/arm64: the platform to run the image as (default: the
                      engine's own); another than the engine's runs under QEMU
  --config FILE       read requirements (for imports), custom tests and defaults from ml-image.yml
  --variant NAME      the config's variant the image was built as (default: its only one): its
                      Python decides which requirements imports checks (environment markers), its
                      CUDA the driver floor the gpu suite checks. Without it, a config of several
                      variants gives python.version and no floor; without --config, no floor
  --timeout S         per-test timeout in seconds (default: the config's, else 600)
  --out DIR           write DIR/smoke.json and DIR/junit.xml (another run writing to DIR now:
                      refused, exit 2)
  --verbose           stream each test's output as it runs

Exit codes: 0 all passed or skipped; 1 a test failed; 2 bad input; 3 no daemon.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_16__/* .parseCommandArgs */ .Qx)('smoke', argv, SMOKE_OPTIONS);
        const image = (0,_args_js__WEBPACK_IMPORTED_MODULE_16__/* .imageFlag */ .m4)('smoke', values.image);
        const gpus = (0,_smoke_gpu_mode_js__WEBPACK_IMPORTED_MODULE_10__/* .parseGpuMode */ .L)(values.gpus, 'smoke: --gpus');
        const platform = (0,_args_js__WEBPACK_IMPORTED_MODULE_16__/* .platformFlag */ ._G)('smoke', values.platform);
        const loaded = values.config !== undefined ? (0,_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)({ cwd: io.cwd, env: io.env, file: values.config }) : undefined;
        const suites = (0,_args_js__WEBPACK_IMPORTED_MODULE_16__/* .suitesFlag */ .YK)('smoke', values.suites, loaded?.config.smoke.suites);
        const timeout = (0,_args_js__WEBPACK_IMPORTED_MODULE_16__/* .timeoutFlag */ .kw)('smoke', values.timeout) ?? loaded?.config.smoke.timeoutSeconds ?? 600;
        // The same inputs the pipeline's smoke stage gives the suites: the names pip installed on the
        // variant's Python and the platform, the floors, the variant's driver floor.
        const { python, driverFloor, kind } = smokeVariant(loaded, values.variant, io);
        const { distributions, baseline, secretValues } = (0,_smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_15__/* .configSmokeInputs */ .P)(loaded, io.env, {
            ...(platform !== undefined && { platform }),
            ...(python !== undefined && { python }),
        });
        // --out is held before any work: another run writing there now is refused at once.
        if (values.out !== undefined)
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_9__/* .holdOutDir */ .$g)(io.cwd, values.out);
        const choice = await (0,_smoke_run_js__WEBPACK_IMPORTED_MODULE_13__/* .resolveGpuChoice */ .KI)(gpus, io.docker(), io.env);
        const requireGpu = values['require-gpu'] || (loaded?.config.smoke.requireGpu ?? false);
        // As the smoke stage decides a target's GPUs: none for a cpu variant or an emulated --platform,
        // whose GPU tests skip with the reason. Without a variant the image may hold CUDA (custom).
        const host = (0,_smoke_target_gpus_js__WEBPACK_IMPORTED_MODULE_14__/* .hostPlatformOnce */ .H7)(io.docker());
        const target = await (0,_smoke_target_gpus_js__WEBPACK_IMPORTED_MODULE_14__/* .gpusOfTarget */ .oM)(kind ?? 'custom', platform, { gpus: choice.gpus, requireGpu, host });
        if (target.withheld !== undefined)
            io.stderr(`smoke: no GPU: ${target.withheld}\n`);
        else if (choice.pin !== undefined)
            io.stderr(`smoke: ${(0,_smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_12__/* .gpusLine */ .i8)(choice.gpus, choice.pin)}\n`);
        // An index digest runs as the platform's own manifest (the one asked for, else the engine's).
        const own = await (0,_docker_platform_image_js__WEBPACK_IMPORTED_MODULE_4__/* .platformImage */ .bg)(io.docker(), image, platform, host);
        if (own.platform !== undefined)
            io.stderr(`smoke: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g$)(image)} is a multi-platform index: testing its ${own.platform} image ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g$)(own.image)}\n`);
        const result = await (0,_smoke_run_js__WEBPACK_IMPORTED_MODULE_13__/* .runSmoke */ .Lw)({
            image: own.image,
            ...(platform !== undefined && { platform }),
            suites,
            ...choice,
            gpus: target.gpus,
            ...(target.withheld !== undefined && { gpuWithheld: target.withheld }),
            requireGpu,
            distributions,
            ...(driverFloor !== undefined && { driverFloor }),
            tests: loaded?.config.smoke.tests ?? [],
            ...(loaded !== undefined && { network: loaded.config.smoke.network }),
            timeoutMs: timeout * 1000,
            baseline,
            secretValues,
            imagesDir: (0,_util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .findImagesDir */ .P0)(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url))),
        }, {
            docker: io.docker(),
            progress: (l) => io.stderr(`${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .printableLines */ .fk)(l)}\n`),
            // --verbose streams each test's output as it runs.
            ...(values.verbose && {
                output: (chunk, test) => io.stderr(chunk.replace(/^(?=.)/gm, `  [${test}] `).replace(/([^\n])$/, '$1\n')),
            }),
        }).catch((e) => {
            // The daemon went away mid-run: the tests that finished are written before exit 3.
            if (e instanceof _smoke_run_js__WEBPACK_IMPORTED_MODULE_13__/* .SmokeInterruptedError */ .Yi && values.out !== undefined)
                (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_9__/* .openOutDir */ .cE)(io.cwd, values.out).writeSmoke(e.partial);
            throw e;
        });
        if (values.out !== undefined)
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_9__/* .openOutDir */ .cE)(io.cwd, values.out).writeSmoke(result);
        io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderSmoke(result));
        return result.summary.fail > 0 ? 1 : 0;
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

/***/ 29094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G8: () => (/* binding */ lookUpGpus),
/* harmony export */   H7: () => (/* binding */ hostPlatformOnce),
/* harmony export */   c4: () => (/* binding */ gpuKindOf),
/* harmony export */   oM: () => (/* binding */ gpusOfTarget)
/* harmony export */ });
/* unused harmony export targetGpus */
/* harmony import */ var _config_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15063);
/* harmony import */ var _docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74234);
/* harmony import */ var _gpu_pin_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52013);
// Which targets of a smoke run get the run's GPUs: only a variant that can use them (not a cpu
// one), on the engine's own platform (CUDA cannot start in a process QEMU emulates); and the
// host's GPUs a target with GPUs is keyed by for reuse.




/**
 * The kind that decides a variant's GPUs: `cpu` only for a cpu variant the `cpu` template builds
 * (CPU torch); a cpu variant built from the config's own Dockerfile or another template may install
 * anything (a CUDA torch on nvidia/cuda), so it counts as `custom`.
 */
function gpuKindOf(v) {
    return v.kind === 'cpu' && v.template !== 'cpu' ? 'custom' : v.kind;
}
/**
 * A cpu variant never gets GPUs (CPU torch cannot use one); a target of another platform than the
 * engine's runs emulated and gets none either. Every other target gets the run's GPUs. A `custom`
 * variant (the config's own base image) may hold CUDA, so it is treated as a CUDA one.
 */
function targetGpus(t) {
    if (t.kind === 'cpu')
        return { gpus: 'none', withheld: 'cpu variant: no GPU tests' };
    if (t.host !== undefined && t.platform !== undefined && !(0,_config_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .sameMachine */ .sb)(t.platform, t.host))
        return { gpus: 'none', withheld: `${t.platform} runs emulated on this ${t.host} host: no GPU` };
    return { gpus: t.gpus };
}
/**
 * Whether the engine's platform matters to KIND's targets: for a variant that may get GPUs, on a
 * run with GPUs or one that requires them (the emulated targets' GPU tests skip, not fail).
 */
const needsHost = (kind, gpus, requireGpu) => kind !== 'cpu' && (gpus === 'all' || requireGpu);
/**
 * The GPUs a target of KIND and PLATFORM (undefined: the engine's own) gets on RUN; the engine's
 * platform is asked only when it matters. The smoke stage and `ml-image smoke` both decide so.
 */
async function gpusOfTarget(kind, platform, run) {
    const host = platform !== undefined && needsHost(kind, run.gpus, run.requireGpu) ? await run.host() : undefined;
    return targetGpus({ kind, platform, gpus: run.gpus, host });
}
/** The engine's platform, asked once (its version: os and architecture). */
function hostPlatformOnce(docker) {
    let asked;
    return () => (asked ??= docker.ping().then(_docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .enginePlatform */ .q));
}
/**
 * The GPUs of the engine's host for the reuse key (io.hostGpus: nvidia-smi on the host), the pinned
 * ones only when the runner is pinned; unknown (never reused) when they cannot be looked up.
 */
async function lookUpGpus(io, pin) {
    const pinned = (0,_gpu_pin_js__WEBPACK_IMPORTED_MODULE_1__/* .containerGpus */ .j_)(pin);
    const found = io.hostGpus
        ? await io.hostGpus(...(pinned === 'all' ? [] : [pinned])).catch((e) => ({
            unknown: `the lookup failed: ${String(e?.message ?? e).split('\n')[0]}`,
        }))
        : { unknown: 'no way to look up the GPUs was given' };
    if ('unknown' in found)
        io.progress('smoke', `the GPUs could not be identified (earlier results are not reused): ${found.unknown}`);
    return found;
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
