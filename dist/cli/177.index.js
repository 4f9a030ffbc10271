export const id = 177;
export const ids = [177];
export const modules = {

/***/ 80177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildCommand: () => (/* binding */ buildCommand),
/* harmony export */   renderBuild: () => (/* binding */ renderBuild)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29882);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(61036);
/* harmony import */ var _docker_registry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(98925);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _pipeline_pipeline_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(42144);
/* harmony import */ var _resolve_snapshot_cache_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(42405);
/* harmony import */ var _results_results_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(12135);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(77593);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(23419);











function renderBuild(result) {
    return `${result.variants
        .map((v) => {
        // Pushed and merged: the manifest list digest. Loaded (--load): no digest, the local tag(s).
        const locals = v.platforms.flatMap((p) => (p.localRef !== undefined ? [p.localRef] : []));
        const head = v.digest ?? (locals.length > 0 ? `loaded as ${locals.join(', ')}` : 'not merged');
        const platforms = v.platforms.map((p) => `  ${p.platform.padEnd(12)} ${p.localRef ?? p.digest}${p.localRef !== undefined ? ` (${p.digest})` : ''}  ${(p.durationMs / 1000).toFixed(1)}s${p.attempts > 1 ? ` (${p.attempts} attempts)` : ''}`);
        const tags = v.tags.filter((t) => !locals.includes(t)).map((t) => `  tag ${t}`);
        return [`${v.variant}: ${head}`, ...platforms, ...tags].join('\n');
    })
        .join('\n')}\n`;
}
const buildCommand = {
    name: 'build',
    summary: 'Build every variant for every platform with buildx, push by digest, merge into multi-arch tags.',
    usage: 'ml-image build [--config FILE] [--platforms LIST] [--variants LIST] [--load] [--quiet] [--verbose] [--json] [--out DIR]',
    help: `Plans (see "ml-image plan"), then runs one buildx build per variant and platform (arm64 under
QEMU on an amd64 machine), pushes each by digest, and merges each variant's digests into one
manifest list under its tags. Transient registry/network failures are retried (3 attempts with
backoff); a Dockerfile or pip failure stops at once with the end of the build log.

Options:
  --config FILE      config file (default ml-image.yml)
${_shared_js__WEBPACK_IMPORTED_MODULE_10__/* .configOverrideFlags */ .i7}
  --load             build one platform into the local engine instead of pushing
  --quiet            do not stream buildx output (progress lines only)
  --verbose          also a "timing:" line per step (builder facts, base digest, each build and
                     merge) and stack traces on errors
  --json             print the build result as JSON
  --out DIR          write DIR/plan.json, DIR/resolution-*.json and DIR/build.json

Exit codes: 0 built; 1 a build failed; 2 bad config; 3 no daemon / no buildx / registry unreachable.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .parseCommandArgs */ .Qx)('build', argv, {
            config: { type: 'string' },
            platforms: { type: 'string' },
            variants: { type: 'string' },
            load: { type: 'boolean', default: false },
            quiet: { type: 'boolean', default: false },
        });
        const loaded = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)({
            cwd: io.cwd,
            ...(values.config !== undefined && { file: values.config }),
            overrides: (0,_shared_js__WEBPACK_IMPORTED_MODULE_10__/* .overridesFromFlags */ .du)(values),
        });
        const { config } = loaded;
        const push = !values.load;
        if (!push && config.platforms.length !== 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`--load builds one platform into the local engine, but the config has ${config.platforms.length} (${config.platforms.join(', ')})`, 'add --platforms linux/amd64 (or the platform you want), or push to a registry');
        }
        // Independent: the git context and the registry check, side by side.
        const [git] = await Promise.all([
            (0,_shared_js__WEBPACK_IMPORTED_MODULE_10__/* .gitContextFor */ .Tr)(io),
            push ? (0,_docker_registry_js__WEBPACK_IMPORTED_MODULE_4__/* .checkRegistry */ .qW)(config.image.registry) : undefined,
        ]);
        const t0 = Date.now();
        const progress = (line) => io.stderr(`[build ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
        // The pipeline with its first three stages; --out keeps their result files (src/results).
        const { build: result } = await (0,_pipeline_pipeline_js__WEBPACK_IMPORTED_MODULE_6__/* .runPipeline */ .aI)({
            loaded,
            stages: new Set(['plan', 'resolve', 'build']),
            results: values.out !== undefined
                ? (0,_results_results_js__WEBPACK_IMPORTED_MODULE_8__/* .openResultDir */ .lR)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(io.cwd, values.out), `--out ${values.out}`)
                : (0,_results_results_js__WEBPACK_IMPORTED_MODULE_8__/* .discardResults */ .T9)(),
            push,
            merge: true,
            gpus: 'auto',
            imagesDir: (0,_util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .findImagesDir */ .P)(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url))),
            git,
            cacheDir: (0,_resolve_snapshot_cache_js__WEBPACK_IMPORTED_MODULE_7__/* .defaultCacheDir */ .$g)(io.env),
            report: { mode: 'off', baseline: null },
        }, {
            docker: io.docker,
            env: io.env,
            // The plan is in plan.json (and `ml-image plan`): here a line per resolve and build step.
            progress: (stage, line) => {
                if (stage !== 'plan')
                    progress(line);
            },
            // --verbose: where the build stage's time goes, step by step.
            ...(values.verbose && { stepTiming: (_stage, line) => progress(line) }),
            ...(!values.quiet && {
                output: (line, target) => io.stderr(`  [${target}] ${line}\n`),
            }),
            error: (m) => io.stderr(`error: ${m}\n`),
            // The resolve stage's progress lines already name each hazard with its fix.
            warning: (m, p) => {
                if (!p?.title?.startsWith('ml-image resolve'))
                    io.stderr(`warning: ${m}\n`);
            },
        });
        if (!result)
            throw new Error('the build stage returned no result');
        io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderBuild(result));
        return 0;
    },
};


/***/ })

};
