export const id = 477;
export const ids = [477];
export const modules = {

/***/ 96269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveCommand: () => (/* binding */ resolveCommand)
/* harmony export */ });
/* harmony import */ var _requirements_read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82674);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _python_indexes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(53910);
/* harmony import */ var _resolve_resolve_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49);
/* harmony import */ var _resolve_stage_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(50810);
/* harmony import */ var _results_out_dir_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(43140);
/* harmony import */ var _resolve_snapshot_cache_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(42405);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(77593);








const resolveCommand = {
    name: 'resolve',
    summary: 'Find and fix Python dependency conflicts between your requirements and a base image.',
    usage: 'ml-image resolve --image REF --requirements FILE [--index-url URL] [--platform P] [--mode auto|check] [--network host|bridge] --out DIR [--json]',
    help: `Runs pip inside the base image (one container, for the target platform): records what the image
ships, shows what a plain "pip install -r" would replace there and which base packages that breaks,
then resolves again with every base package held at its version. Where pip blames your own pins, it
relaxes them to their lower bound and tries once more. Hazards pip cannot see (NumPy 1.x builds,
torch CUDA builds, opencv variants, ...) become warnings with the fix.

Options:
  --image REF           the base image (pulled if missing)
  --requirements FILE   requirements file (repeatable; -r includes are followed)
  --index-url URL       pip index (default: PIP_INDEX_URL, else PyPI); --extra-index-url URL
                        (repeatable; default PIP_EXTRA_INDEX_URL). Given to pip through its
                        environment, never its command line; shown with the password masked
  --platform P          linux/amd64 (default) or linux/arm64 (runs under QEMU on amd64)
  --mode auto|check     auto (default): find a plan that holds the base; check: any change to the
                        base is a failure
  --network host|bridge network of the resolver container (default host)
  --out DIR             writes constraints.txt, requirements.txt, resolution.json, explanation.md
  --json                print resolution.json instead of the explanation

Base-image snapshots are cached by digest in $ML_IMAGE_CACHE_DIR (default ~/.cache/ml-image);
pip's HTTP cache is kept in a Docker volume, ml-image-resolve-pip-cache-<hash> (one per set of
https or --trusted-host index URLs; none when one carries credentials). --verbose ends with a
per-step timing line.

Exit codes: 0 no conflict, or fixed (auto); 1 a conflict that cannot be resolved (check: any
conflict); 2 bad input (a malformed requirement, a wrong --hash, a local path or direct URL that
is not there, a package the index does not have: named with its file and line; a base image without
python3); 3 no Docker daemon, or the index or a direct URL is unreachable (after retries).`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .parseCommandArgs */ .Qx)('resolve', argv, {
            image: { type: 'string' },
            requirements: { type: 'string', multiple: true },
            'index-url': { type: 'string' },
            'extra-index-url': { type: 'string', multiple: true },
            platform: { type: 'string', default: 'linux/amd64' },
            mode: { type: 'string', default: 'auto' },
            network: { type: 'string', default: 'host' },
        });
        if (!values.image)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('resolve: --image is required', 'e.g. --image python:3.12-slim');
        if (!values.requirements?.length)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('resolve: --requirements is required', 'e.g. --requirements requirements.txt');
        const platform = (0,_args_js__WEBPACK_IMPORTED_MODULE_7__/* .platformFlag */ ._G)('resolve', values.platform) ?? 'linux/amd64';
        if (values.mode !== 'auto' && values.mode !== 'check') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`resolve: --mode: expected auto or check, got "${values.mode}"`);
        }
        if (values.network !== 'host' && values.network !== 'bridge') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`resolve: --network: expected host or bridge, got "${values.network}"`);
        }
        const requirements = (0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_0__/* .readRequirements */ .F2)(values.requirements, io.cwd, io.env);
        // Flags, else PIP_INDEX_URL / PIP_EXTRA_INDEX_URL: they reach pip through its environment.
        const indexes = (0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_2__/* .pipIndexes */ .iP)({ indexUrl: values['index-url'], extraIndexUrls: values['extra-index-url'] }, io.env);
        const out = await (0,_resolve_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveAgainstBase */ .f)({
            image: values.image,
            platform,
            requirements,
            indexes,
            pipEnv: (0,_resolve_stage_js__WEBPACK_IMPORTED_MODULE_4__/* .referencedEnv */ .Dx)(requirements.envReferences, io.env),
            mode: values.mode,
            network: values.network,
        }, {
            docker: io.docker(),
            progress: (l) => io.stderr(`${l}\n`),
            cache: (0,_resolve_snapshot_cache_js__WEBPACK_IMPORTED_MODULE_6__/* .fileSnapshotCache */ .JZ)((0,_resolve_snapshot_cache_js__WEBPACK_IMPORTED_MODULE_6__/* .defaultCacheDir */ .$g)(io.env)),
            // --verbose: a per-step timing line at the end of the progress.
            verbose: values.verbose === true,
        });
        if (values.out !== undefined) {
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_5__/* .openOutDir */ .c)(io.cwd, values.out).writeResolve(out);
        }
        for (const h of out.resolution.hazards)
            io.stderr(`warning: ${h.message}\n  fix: ${h.fix}\n`);
        io.stdout(values.json ? `${JSON.stringify(out.resolution, null, 2)}\n` : out.explanation);
        const failed = out.resolution.status === 'conflict' || (values.mode === 'check' && out.resolution.status !== 'clean');
        return failed ? 1 : 0;
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
/* harmony import */ var _capture_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44977);
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
        (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_6__/* .writeFileAtomic */ .Zf)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(root, name), (0,_capture_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(content), label);
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
