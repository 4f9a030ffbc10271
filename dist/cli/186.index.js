export const id = 186;
export const ids = [186];
export const modules = {

/***/ 33186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  baselineSave: () => (/* binding */ baselineSave),
  checkEarlierResults: () => (/* binding */ checkEarlierResults),
  outputLine: () => (/* binding */ outputLine),
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/util/images-dir.ts
var images_dir = __webpack_require__(29882);
// EXTERNAL MODULE: ./src/config/load.ts + 6 modules
var load = __webpack_require__(14385);
// EXTERNAL MODULE: ./src/docker/registry.ts
var docker_registry = __webpack_require__(98925);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/pipeline/pipeline.ts + 40 modules
var pipeline = __webpack_require__(83214);
// EXTERNAL MODULE: ./src/results/results.ts + 6 modules
var results_results = __webpack_require__(98510);
;// CONCATENATED MODULE: ./src/pipeline/earlier-build.ts
// What a run of some stages reads from an earlier run's result directory and does not produce
// itself, checked before its first stage (the plan stage writes plan.json there first).




/**
 * build.json, which STAGES read and do not produce (smoke or attest without build), checked in DIR
 * (nothing is created): missing or broken, bad input. WORDS are the caller's: how its user asked
 * for the stages ("run --stages smoke"), the directory's name ("--out results3", "result-dir"),
 * and the caller's way to give the file (FIX).
 */
function checkEarlierBuild(stages, dir, words) {
    const readers = ['smoke', 'attest'].filter((s) => stages.has(s));
    if (readers.length === 0 || stages.has('build'))
        return;
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(dir, results_results/* BUILD_FILE */.oS)))
        throw new errors/* InputError */.dz(`${words.asked}: the ${readers.join(' and ')} stage${readers.length > 1 ? 's read' : ' reads'} the build's ${results_results/* BUILD_FILE */.oS}, and ${words.label} (${dir}) has none`, words.fix);
    (0,results_results/* openResultDir */.lR)(dir, words.label, { create: false }).readBuild({ fix: words.fix });
}

// EXTERNAL MODULE: ./src/pipeline/attest.ts + 5 modules
var attest = __webpack_require__(56992);
// EXTERNAL MODULE: ./src/report/baseline.ts + 2 modules
var baseline = __webpack_require__(36379);
// EXTERNAL MODULE: ./src/util/cache-dir.ts
var cache_dir = __webpack_require__(9364);
// EXTERNAL MODULE: ./src/smoke/gpu-mode.ts
var gpu_mode = __webpack_require__(58947);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
// EXTERNAL MODULE: ./src/cli/commands/engine-platform.ts
var engine_platform = __webpack_require__(23635);
// EXTERNAL MODULE: ./src/cli/commands/shared.ts + 2 modules
var shared = __webpack_require__(17474);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(85015);
// EXTERNAL MODULE: ./src/util/pull-request-code.ts
var pull_request_code = __webpack_require__(23419);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/util/near-keyword.ts
// A value that is either one of a few keywords or a directory (run --baseline, the action's
// baseline input): a bare word near a keyword (None, CACHE, cahce) that is no directory yet is
// almost always the keyword mistyped. Read as a directory it would turn the feature off, or save
// into a folder of that name, without a word; each caller refuses it in its own words.



/**
 * The keyword VALUE is a near miss of, or undefined: VALUE is a keyword itself, a path (it holds a
 * slash), near none of KEYWORDS, or a directory that exists under CWD (taken as given).
 */
function keywordMissedBy(value, keywords, cwd) {
    if (value === '' || keywords.includes(value) || /[/\\]/.test(value))
        return undefined;
    const near = (0,util_text/* closestWord */.En)(value, keywords);
    if (near === undefined || (0,read_regular/* isDirectoryAt */.j1)(external_node_path_default().resolve(cwd, value)))
        return undefined;
    return near;
}

;// CONCATENATED MODULE: ./src/cli/commands/run.ts
// `ml-image run`: the whole pipeline against the local engine, as the root action runs it on a
// runner. Without a config it runs the bundled example, so a newcomer sees every stage work.





















/**
 * Where `ml-image run` saves its records as BRANCH's baseline: always, but in a run on GitHub that
 * may build a pull request's code (an /ok-to-test run's GITHUB_REF is the default branch's), whose
 * records must not become what the branch's next report is compared with.
 */
function baselineSave(env, event, branch, sha) {
    return (0,pull_request_code/* mayBuildPullRequestCode */.HE)(env, event) ? {} : { saveAs: { branch, sha } };
}
/** The config `ml-image run` runs: --config, else an ml-image.yml (.yaml) here, else the bundled example. */
function loadRunConfig(io, values) {
    const hasLocalConfig = load/* DEFAULT_CONFIG_FILES */.BY.some((f) => (0,external_node_fs_.existsSync)(external_node_path_default().join(io.cwd, f)));
    const file = values.config ?? (hasLocalConfig ? undefined : bundledExample());
    // The commands after it (report, smoke, attest) read no bundled example by themselves.
    if (file === bundledExample())
        io.stderr(`no ml-image.yml or ml-image.yaml here: running the bundled example ${file} (give the commands that read its results --config ${file})\n`);
    return (0,load/* loadConfig */.Z9)({
        cwd: io.cwd,
        env: io.env,
        ...(file !== undefined && { file }),
        overrides: (0,shared/* overridesFromFlags */.du)(values),
    });
}
/** A pipeline error or warning for the terminal: its title first, what the image said escaped. */
const titled = (m, p) => (0,util_text/* printableLines */.fk)(`${p?.title ? `${p.title}: ` : ''}${m}`);
/** examples/hello-ml next to images/ (in the repository and in the published package). */
function bundledExample() {
    return external_node_path_default().join(external_node_path_default().dirname((0,images_dir/* findImagesDir */.P0)(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url)))), 'examples', 'hello-ml', 'ml-image.yml');
}
/**
 * --baseline as a bare word near none (None, NONE, nnoe) that is no directory yet: refused, as the
 * action's baseline input is. Read as a directory it kept the baseline on (saved in ./None) without
 * a word. A path (./None) or a directory that exists is taken as given.
 */
function refuseNearNone(flag, cwd) {
    if (keywordMissedBy(flag, ['none'], cwd) === undefined)
        return;
    throw new errors/* InputError */.dz(`run: --baseline ${JSON.stringify(flag)} is not none (lower case) and no directory: did you mean none?`, `write --baseline none to skip the baseline, or name a directory as a path (./${flag})`);
}
/** Where the report's baselines are kept: --baseline DIR, none, or the cache's (checked now). */
function baselineStore(flag, io) {
    if (flag === 'none')
        return null;
    if (flag !== undefined) {
        refuseNearNone(flag, io.cwd);
        return (0,baseline/* dirBaselineStore */.IV)(external_node_path_default().resolve(io.cwd, flag), `--baseline ${flag}`);
    }
    return (0,baseline/* dirBaselineStore */.IV)(external_node_path_default().join((0,cache_dir/* defaultCacheDir */.$)(io.env, io.cwd), 'baselines'), 'the baseline directory (ML_IMAGE_CACHE_DIR, default ~/.cache/ml-image)', 'ML_IMAGE_CACHE_DIR=DIR or --baseline DIR');
}
/**
 * What STAGES read of an earlier run in DIR and do not produce, checked before the first stage
 * runs: build.json (smoke or attest without build: checkEarlierBuild), with the CLI's way to give
 * it (the action's message names its result-dir input instead); an environment record (report
 * without smoke).
 */
function checkEarlierResults(stages, dir, label) {
    const given = pipeline/* STAGES */.an.filter((s) => stages.has(s));
    checkEarlierBuild(stages, dir, {
        asked: `run --stages ${given.join(',')}`,
        label,
        fix: `add build to --stages (--stages ${pipeline/* STAGES */.an.filter((s) => s === 'build' || stages.has(s)).join(',')}), or pass --out a directory holding the build's ${results_results/* BUILD_FILE */.oS} (what "ml-image run" or "ml-image build --out DIR" wrote)`,
    });
    // The report without smoke reads an earlier run's records: none there is a wrong --out, which
    // would otherwise report nothing and pass (as "ml-image report --results" refuses it).
    if (stages.has('report') && !stages.has('smoke') && !hasEnvRecord(dir))
        throw new errors/* InputError */.dz(`run --stages ${given.join(',')}: the report stage reads the smoke stage's env-<variant>-<arch>.json, and ${label} (${dir}) has none: nothing would be reported`, `add smoke to --stages (--stages ${pipeline/* STAGES */.an.filter((s) => s === 'smoke' || stages.has(s)).join(',')}), or pass --out the directory of the run that smoke-tested the image`);
}
/** Whether DIR holds an environment record of any target (none: no DIR, or not a directory). */
function hasEnvRecord(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir).some(results_results/* isEnvRecordFile */.Z7);
    }
    catch {
        return false;
    }
}
const RUN_OPTIONS = {
    config: { type: 'string' },
    platforms: { type: 'string' },
    variants: { type: 'string' },
    stages: { type: 'string', default: 'all' },
    gpus: { type: 'string', default: 'auto' },
    baseline: { type: 'string' },
    load: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    rerun: { type: 'boolean', default: false },
};
const runCommand = {
    name: 'run',
    options: RUN_OPTIONS,
    summary: 'The whole pipeline locally: plan, resolve, build, smoke, attest, report (the bundled example without a config).',
    usage: 'ml-image run [--config FILE] [--platforms LIST] [--variants LIST] [--stages LIST] [--gpus auto|all|none] [--baseline DIR|none] [--load] [--rerun] [--quiet] [--out DIR]',
    help: `Runs what the root action runs in one job, against the local Docker engine: plan -> resolve ->
build (both platforms; the one that is not the engine's under QEMU) -> capture + smoke suites ->
report. Progress is a line per stage and platform with the elapsed time. The run's report (the
pull-request comment's Markdown: every variant) is written to DIR/report.md and printed;
DIR/report-<variant>.md hold each variant's own.

Without --config (and no ml-image.yml or ml-image.yaml here) it runs the bundled example,
examples/hello-ml, which pushes to the local registry that scripts/test-env.sh starts.

The report compares with the previous run's records: each run saves its records as the baseline
of the current branch (under ML_IMAGE_CACHE_DIR, default ~/.cache/ml-image/baselines), so a second
run shows what changed (nothing, when nothing did). Like BuildKit's layer cache, a run reuses what
an identical earlier run found, and says so: the resolution when the base image digest,
requirements, indexes and tool version are the same; capture and smoke results when the image
(its manifest digest, or its content: the layers and the runtime config, whatever the build time)
and every smoke input (suites, custom tests, timeouts, floors, GPU mode) are the same.
--rerun resolves and smoke-tests anyway.

Options:
  --config FILE      config file (default: ml-image.yml or ml-image.yaml here, else the bundled
                     example)
${shared/* configOverrideFlags */.i7}
  --stages LIST      some of plan,resolve,build,smoke,attest,report (default all); smoke or
                     attest without build read DIR/build.json (--out), checked before any stage
  --gpus MODE        GPUs for the smoke containers: auto (default), all, none
  --baseline DIR     where baselines are kept (default the cache directory); "none" to skip
  --load             build into the local engine without pushing (one platform; under its tags too)
  --quiet            progress lines only (no buildx or test output)
  --verbose          also a line of how long each stage took (and stack traces on errors)
  --rerun            resolve and smoke-test again even when an identical earlier run can be reused
  --out DIR          result directory (default ml-image-results); held while the run writes it:
                     another run writing there now is refused (exit 2)
  --json             print the pipeline result (plan, build, smoke, reports) as JSON

Exit codes: 0 all stages passed; 1 a build, conflict or smoke test failed; 2 bad config;
3 no daemon / no buildx / registry unreachable.`,
    async run(argv, io) {
        const { values } = (0,args/* parseCommandArgs */.Qx)('run', argv, RUN_OPTIONS);
        (0,pull_request_code/* refusePullRequestTarget */.cq)(io.env, 'ml-image run');
        const timer = stageTimer(values.verbose);
        const gpus = (0,gpu_mode/* parseGpuMode */.L)(values.gpus, 'run: --gpus');
        // A value naming no stage (", ,": an unset variable) would run every stage: parseStages refuses it.
        const stages = (0,pipeline/* parseStages */.lj)(values.stages, 'run: --stages');
        const loaded = loadRunConfig(io, values);
        const push = !values.load;
        if (!push && loaded.config.platforms.length !== 1)
            throw new errors/* InputError */.dz(`--load builds one platform into the local engine, but the config has ${loaded.config.platforms.length} (${loaded.config.platforms.join(', ')})`, await (0,engine_platform/* loadOnePlatformFix */.b)(io));
        (0,pipeline/* checkStageInputs */.w6)(loaded, stages, { mode: gpus, env: io.env });
        const outDir = external_node_path_default().resolve(io.cwd, values.out ?? 'ml-image-results');
        const outLabel = values.out !== undefined ? `--out ${values.out}` : 'result directory';
        // A key that cannot sign is bad input now, not after the registry check and the build.
        if (push && stages.has('attest'))
            (0,attest/* checkSigningSetup */.Zn)(loaded, io.env, io.signer !== undefined);
        const baseline = baselineStore(values.baseline, io);
        checkEarlierResults(stages, outDir, outLabel);
        // The registry check and the git facts (a few git processes) at once; the plan's bad input first.
        const registry = push && stages.has('build') ? (0,docker_registry/* checkRegistry */.qW)(loaded.config.image.registry) : undefined;
        const event = (0,github_event/* readGitHubEventFile */.MZ)(io.env.GITHUB_EVENT_PATH); // once: the plan's and the stages'
        const git = await (0,shared/* gitPlannedBeforeRegistry */.Hs)(io, loaded, registry, event);
        const branch = git.ref?.startsWith('refs/heads/') ? git.ref.slice('refs/heads/'.length) : 'local';
        const cacheDir = (0,cache_dir/* defaultCacheDir */.$)(io.env, io.cwd);
        // Held before any stage: another run writing there now is refused (exit 2), after the plan's
        // bad input (which leaves nothing made) and before the work (owner-lock.ts).
        const results = (0,results_results/* openResultDir */.lR)(outDir, outLabel);
        const t0 = Date.now();
        const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s`;
        const result = await (0,pipeline/* runPipeline */.aI)({
            loaded,
            stages,
            results,
            push,
            merge: true,
            gpus,
            imagesDir: (0,images_dir/* findImagesDir */.P0)(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url))),
            git,
            cacheDir,
            reuse: !values.rerun,
            report: {
                // Locally there is no pull request: the report goes to the file and the terminal.
                mode: 'off',
                baseline,
                baseBranch: branch,
                ...baselineSave(io.env, event, branch, git.sha ?? 'local'),
            },
        }, {
            docker: io.docker,
            ...(io.git && { git: io.git }),
            env: io.env,
            event,
            ...(io.lookupHost && { lookupHost: io.lookupHost }),
            // What the image said (a test's reason, a probe's error) is escaped; the raw output is docker's.
            progress: (stage, line) => io.stderr(`[${elapsed()}] ${stage.padEnd(7)} ${(0,util_text/* printableLines */.fk)(line)}\n`),
            ...(!values.quiet && { output: (l, at) => io.stderr(outputLine(l, at)) }),
            error: (m, p) => io.stderr(`error: ${titled(m, p)}\n`),
            warning: (m, p) => io.stderr(`warning: ${titled(m, p)}\n`),
            ...timer.io,
        }).catch(reportThenFail(io, values.json));
        if (values.verbose)
            io.stderr(`[${elapsed()}] timing  ${timer.line()}\n`);
        io.stderr(`[${elapsed()}] done: results in ${results.dir}\n`);
        if (values.json)
            io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else
            printReport(io, result);
        return result.smokeStatus === 'fail' ? 1 : 0;
    },
};
/**
 * A line of a build's (or a test's) own output under the progress lines: indented past their
 * elapsed time, with the build's `[variant/arch]` as `ml-image build` shows it (two platforms'
 * builds run side by side).
 */
const outputLine = (line, target) => `           ${target !== undefined ? `[${target}] ` : ''}${line}\n`;
/** The run's report.md, when the report stage wrote one. */
function printReport(io, result) {
    const runFile = result.reports[0]?.runFile;
    if (runFile)
        io.stdout((0,shared/* printedReport */.pP)(io, (0,external_node_fs_.readFileSync)(runFile, 'utf8')));
}
/**
 * A size-budget breach or an attest error after the reports: the report is printed, then the
 * error fails the command, as it did (--json prints the error alone, as one object).
 */
function reportThenFail(io, json) {
    return (err) => {
        const failed = (0,pipeline/* pipelineResultOf */.VJ)(err);
        if (failed && !json)
            printReport(io, failed);
        throw err;
    };
}
/**
 * --verbose: where a run's time went, as one line: the setup before the first stage (config,
 * registry check, git), then each stage that ran.
 */
function stageTimer(verbose) {
    const created = performance.now();
    const parts = [];
    const secs = (ms) => `${(ms / 1000).toFixed(3)}s`;
    const timing = (stage, ms) => {
        if (parts.length === 0)
            parts.push(`setup ${secs(performance.now() - ms - created)}`);
        parts.push(`${stage} ${secs(ms)}`);
    };
    return { io: verbose ? { timing } : {}, line: () => parts.join(', ') };
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


/***/ })

};
