export const id = 436;
export const ids = [436];
export const modules = {

/***/ 31754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planCommand: () => (/* binding */ planCommand),
/* harmony export */   renderPlan: () => (/* binding */ renderPlan)
/* harmony export */ });
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14997);
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47684);
/* harmony import */ var _pipeline_door_checks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56032);
/* harmony import */ var _results_out_dir_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(43140);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77593);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17474);






/** The label prefixes a plan's labels are grouped under, one line each. */
const LABEL_GROUPS = ['org.opencontainers.image.', `${_plan_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL_PREFIX */ .Ag}.`];
/** A variant's labels, compactly: `prefix{key=value, ...}` per group, any other label on its own. */
function labelLines(labels) {
    const entries = Object.entries(labels);
    const grouped = LABEL_GROUPS.map((prefix) => {
        const own = entries.filter(([k]) => k.startsWith(prefix));
        return own.length === 0
            ? undefined
            : `${prefix}{${own.map(([k, v]) => `${k.slice(prefix.length)}=${v}`).join(', ')}}`;
    });
    const others = entries
        .filter(([k]) => !LABEL_GROUPS.some((p) => k.startsWith(p)))
        .map(([k, v]) => `${k}=${v}`);
    return [...grouped.filter((l) => l !== undefined), ...others];
}
function renderPlan(plan) {
    const lines = [`${plan.repository}${plan.version ? ` (version ${plan.version})` : ''}`];
    for (const v of plan.variants) {
        lines.push('', `variant ${v.name} (${v.kind}) for ${v.platforms.join(', ')}`);
        lines.push(`  base:     ${v.base.ref}`, `            ${v.base.reason}`);
        lines.push(`  build:    ${v.template ? `template images/${v.template}` : 'your Dockerfile'}, Python ${v.python}`);
        if (v.torch)
            lines.push(`  torch:    ${v.torch.version}${v.torch.indexUrl !== undefined ? ` from ${v.torch.indexUrl}` : ' (from the base image)'}`);
        if (v.cuda)
            lines.push(`  driver:   CUDA ${v.cuda.version} needs NVIDIA driver >= ${v.cuda.toolkitDriverMin} (>= ${v.cuda.minorCompatDriverMin} with minor-version compatibility)`);
        lines.push(`  tags:     ${v.tags.join('\n            ')}`);
        lines.push(`  labels:   ${labelLines(v.labels).join('\n            ')}`);
    }
    lines.push('', `targets:  ${plan.targets.map((t) => `${t.id} -> ${t.runner}`).join(', ')}`);
    return `${lines.join('\n')}\n`;
}
const planCommand = {
    name: 'plan',
    summary: 'Expand variants x platforms into build targets; choose base images, torch index, driver floor.',
    usage: 'ml-image plan [--config FILE] [--platforms LIST] [--variants LIST] [--skip-file-checks] [--json] [--out DIR]',
    help: `Reads the config and the bundled base-image catalog and prints, per variant, the base image
and why it was chosen, the torch wheel index, the NVIDIA driver floor, tags and labels. Refuses
combinations that cannot work (e.g. an amd64-only base image for linux/arm64) and warns about
ones the catalog does not know, naming the nearest valid ones. The requirements files are read as
the build reads them (each line, every -r/-c include; pip is not run): a bad line is refused here.
--skip-file-checks plans without them, for a workflow whose build job makes a file (or an include)
that the plan job's checkout lacks: the build refuses what is wrong in it then.

Options:
  --config FILE      config file (default ml-image.yml)
${_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .configOverrideFlags */ .i7}
  --skip-file-checks do not look for (or read) the files the config names
  --json             print the plan as JSON; its "matrix" is a GitHub Actions matrix
  --out DIR          write DIR/plan.json and DIR/matrix.json

Exit codes: 0 planned (warnings allowed); 2 bad config, a bad requirements line or an impossible
combination.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommandArgs */ .Qx)('plan', argv, {
            config: { type: 'string' },
            platforms: { type: 'string' },
            variants: { type: 'string' },
            'skip-file-checks': { type: 'boolean', default: false },
        });
        const checkFiles = !values['skip-file-checks'];
        const loaded = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z9)({
            cwd: io.cwd,
            env: io.env,
            ...(values.config !== undefined && { file: values.config }),
            overrides: (0,_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .overridesFromFlags */ .du)(values),
            checkFiles,
        });
        // The requirements lines, as the jobs after a plan job read them: bad input is stopped here.
        if (checkFiles)
            (0,_pipeline_door_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .checkRequirementLines */ .JC)(loaded, io.env);
        const git = await (0,_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .gitContextFor */ .Tr)(io);
        const plan = (0,_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .planOfConfig */ .DH)(loaded, git);
        if (values.out !== undefined) {
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_3__/* .openOutDir */ .cE)(io.cwd, values.out).writePlan(plan);
        }
        if (values.json)
            io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
        else {
            io.stdout(renderPlan(plan));
            for (const w of plan.warnings)
                io.stderr(`warning: ${w}\n`);
        }
        return 0;
    },
};


/***/ }),

/***/ 43140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cE: () => (/* binding */ openOutDir)
/* harmony export */ });
/* unused harmony exports OUT_FILES, redactBuildInput */
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
/** `--out DIR` of a command, checked (and created when missing) at each write, as "--out DIR". */
function openOutDir(cwd, out) {
    const label = `--out ${out}`;
    const write = (name, content) => {
        const root = (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_7__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, out), label);
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
            group(OUT_FILES.constraints, OUT_FILES.requirements, OUT_FILES.resolution, OUT_FILES.explanation);
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

/***/ 52013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vy: () => (/* binding */ gpuPinOf),
/* harmony export */   Y7: () => (/* binding */ noGpuReason),
/* harmony export */   i8: () => (/* binding */ gpusLine),
/* harmony export */   j_: () => (/* binding */ containerGpus)
/* harmony export */ });
/* unused harmony export PIN_VARIABLES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// The GPUs a runner is pinned to. A host with several self-hosted runners often gives each its own
// GPU(s) through NVIDIA_VISIBLE_DEVICES (or CUDA_VISIBLE_DEVICES) in the runner's environment: the
// smoke containers of that runner then get those GPUs only (a DeviceRequest with their IDs, the
// `--gpus "device=0,1"` equivalent), never every GPU of the host (other jobs' GPUs). Pure: the
// environment is passed in.

/** The variables a runner is pinned with, in the order they are read (the first that pins wins). */
const PIN_VARIABLES = ['NVIDIA_VISIBLE_DEVICES', 'CUDA_VISIBLE_DEVICES'];
/** Values that give no GPU: CUDA's -1 and empty list, the NVIDIA toolkit's none and void. */
const NO_GPU = new Set(['', '-1', 'none', 'void']);
/**
 * One device: an index, GPU:MIG-instance indices, a GPU-/MIG- UUID (CUDA takes a prefix), or the
 * legacy MIG form older drivers print, MIG-GPU-<uuid>/<gi>/<ci>.
 */
const DEVICE = /^(\d+|\d+:\d+|GPU-[A-Za-z0-9-]+|MIG-[A-Za-z0-9-]+|MIG-GPU-[A-Za-z0-9-]+\/\d+\/\d+)$/;
/**
 * A value of another mechanism, not a list of devices: a path (the Kubernetes device plugin's
 * volume-mounts strategy sets /var/run/nvidia-container-devices) or a CDI name (nvidia.com/gpu=0).
 * Not read: every GPU, as without a pin.
 */
const OTHER_MECHANISM = /^\/|=/;
const FIX = 'set it to GPU indices or UUIDs as nvidia-smi -L lists them, comma-separated (e.g. 0,1 or GPU-8932f937-...), to -1 (or none) for no GPU, or unset it for every GPU';
/**
 * The pin the environment sets: NVIDIA_VISIBLE_DEVICES when it is set and not `all` (nor a path or
 * CDI name: OTHER_MECHANISM), else CUDA_VISIBLE_DEVICES likewise; undefined when neither pins.
 * Blanks around the commas are dropped. A value that is no device list (an entry that is no
 * device) is bad input naming the variable (exit 2).
 */
function gpuPinOf(env) {
    for (const variable of PIN_VARIABLES) {
        const raw = env[variable];
        if (raw === undefined)
            continue;
        const value = raw.trim();
        if (value.toLowerCase() === 'all')
            continue;
        if (NO_GPU.has(value.toLowerCase()))
            return { variable, value, devices: [] };
        const entries = value.split(',').map((e) => e.trim());
        const bad = entries.find((e) => !DEVICE.test(e));
        if (bad !== undefined && OTHER_MECHANISM.test(value))
            continue;
        if (bad !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${variable}=${JSON.stringify(raw)}: ${bad === '' ? 'an empty entry' : `"${bad}"`} is not a GPU (an index, GPU:MIG indices, or a GPU-/MIG- UUID), nor a path or CDI name (not read)`, FIX);
        return { variable, value, devices: [...new Set(entries)] };
    }
    return undefined;
}
/** The GPUs of a GPU run's containers: the pinned devices, else every GPU. */
function containerGpus(pin) {
    return pin !== undefined && pin.devices.length > 0 ? pin.devices : 'all';
}
/** Why a pinned run has no GPU: "CUDA_VISIBLE_DEVICES=-1 gives this runner no GPU". */
function noGpuReason(pin) {
    return `${pin.variable}=${pin.value === '' ? '""' : pin.value} gives this runner no GPU`;
}
/** The GPUs of a run, for its log: "GPUs 1,2 (NVIDIA_VISIBLE_DEVICES)", "no GPU (...)", "gpus: all". */
function gpusLine(gpus, pin) {
    if (pin === undefined)
        return `gpus: ${gpus}`;
    if (pin.devices.length === 0)
        return `no GPU (${noGpuReason(pin)})`;
    return `${pin.devices.length === 1 ? 'GPU' : 'GPUs'} ${pin.devices.join(',')} (${pin.variable})`;
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
