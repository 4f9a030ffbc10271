export const id = 25;
export const ids = [25];
export const modules = {

/***/ 44025:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildCommand: () => (/* binding */ buildCommand)
});

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
var registry = __webpack_require__(98925);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(85015);
// EXTERNAL MODULE: ./src/pipeline/pipeline.ts + 40 modules
var pipeline = __webpack_require__(83214);
// EXTERNAL MODULE: ./src/util/cache-dir.ts
var cache_dir = __webpack_require__(9364);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/util/cleanup.ts + 1 modules
var cleanup = __webpack_require__(38201);
// EXTERNAL MODULE: ./src/util/temp.ts
var temp = __webpack_require__(54868);
// EXTERNAL MODULE: ./src/results/results.ts + 6 modules
var results = __webpack_require__(98510);
;// CONCATENATED MODULE: ./src/results/discard.ts
// The result directory of a command that keeps none (`ml-image build` without --out): writes go
// nowhere, reads find nothing; cosign still reads each predicate from a file, in a temp dir of the run.





/** No result directory: writes go nowhere, reads find nothing (`ml-image build` without --out). */
function discardResults() {
    const none = () => undefined;
    const nothing = () => null;
    let dir;
    const scratch = () => {
        if (dir === undefined) {
            const made = (0,temp/* runTempDir */.jI)('attest-');
            dir = made;
            (0,cleanup/* registerCleanup */.qE)(async () => (0,external_node_fs_.rmSync)(made, { recursive: true, force: true }));
        }
        return dir;
    };
    return {
        dir: undefined,
        writePlan: none,
        readPlan: none,
        writeResolution: none,
        readResolution: none,
        removeResolution: none,
        removeBuild: none,
        writeBuild: none,
        readBuild: () => {
            throw new errors/* InputError */.dz(`no result directory to read ${results/* BUILD_FILE */.oS} from`, 'pass --out DIR');
        },
        hasBuild: () => false,
        writeDigests: none,
        writeEnv: none,
        readEnv: nothing,
        writeSmoke: none,
        readSmoke: nothing,
        writeSmokeKey: none,
        readSmokeKey: none,
        removeSmokeKey: none,
        hasEnv: () => false,
        recordFiles: () => [],
        removeRecords: none,
        writeReport: () => '',
        writeRunReport: () => '',
        checkReportTargets: () => undefined,
        writeComment: () => '',
        removeVariantReport: () => [],
        removeRunReport: () => [],
        // cosign reads a predicate from a file: a temp dir of the run, removed with it.
        writeAttestation: (v, p, kind, predicate) => (0,results/* openResultDir */.lR)(scratch(), 'a temp dir', { lock: false }).writeAttestation(v, p, kind, predicate),
        writeEnvelope: none,
        takeEnvelopes: () => new Map(),
        envelopeNames: () => new Set(),
        writeDevcontainer: () => '',
        removeDevcontainers: () => [],
        writeAttest: none,
        readAttest: none,
    };
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
// EXTERNAL MODULE: ./src/cli/commands/shared.ts + 2 modules
var shared = __webpack_require__(17474);
// EXTERNAL MODULE: ./src/cli/commands/engine-platform.ts
var engine_platform = __webpack_require__(23635);
// EXTERNAL MODULE: ./src/util/pull-request-code.ts
var pull_request_code = __webpack_require__(23419);
;// CONCATENATED MODULE: ./src/cli/commands/build.ts















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
const BUILD_OPTIONS = {
    config: { type: 'string' },
    platforms: { type: 'string' },
    variants: { type: 'string' },
    load: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
};
const buildCommand = {
    name: 'build',
    options: BUILD_OPTIONS,
    summary: 'Build every variant for every platform with buildx, push by digest, merge into multi-arch tags.',
    usage: 'ml-image build [--config FILE] [--platforms LIST] [--variants LIST] [--load] [--quiet] [--verbose] [--json] [--out DIR]',
    help: `Plans (see "ml-image plan"), then runs one buildx build per variant and platform (one other
than the engine's under QEMU), pushes each by digest, and merges each variant's digests into one
manifest list under its tags. Transient registry/network failures are retried (3 attempts with
backoff); a Dockerfile or pip failure stops at once with the end of the build log.

Options:
  --config FILE      config file (default: ml-image.yml or ml-image.yaml here)
${shared/* configOverrideFlags */.i7}
  --load             build one platform into the local engine instead of pushing (under its tags too):
                     --platforms with the engine's own (linux/arm64 on Apple silicon) runs natively
  --quiet            do not stream buildx output (progress lines only)
  --verbose          also a "timing:" line per step (builder facts, base digest, each build and
                     merge) and stack traces on errors
  --json             print the build result as JSON
  --out DIR          write DIR/plan.json, DIR/resolution-*.json and DIR/build.json; held while
                     the build writes it: another run writing there now is refused (exit 2)

Exit codes: 0 built; 1 a build failed; 2 bad config; 3 no daemon / no buildx / registry unreachable.`,
    async run(argv, io) {
        const { values } = (0,args/* parseCommandArgs */.Qx)('build', argv, BUILD_OPTIONS);
        (0,pull_request_code/* refusePullRequestTarget */.cq)(io.env, 'ml-image build');
        const loaded = (0,load/* loadConfig */.Z9)({
            cwd: io.cwd,
            env: io.env,
            ...(values.config !== undefined && { file: values.config }),
            overrides: (0,shared/* overridesFromFlags */.du)(values),
        });
        const { config } = loaded;
        const stages = new Set(['plan', 'resolve', 'build']);
        (0,pipeline/* checkStageInputs */.w6)(loaded, stages, { mode: 'auto', env: io.env });
        const push = !values.load;
        if (!push && config.platforms.length !== 1) {
            throw new errors/* InputError */.dz(`--load builds one platform into the local engine, but the config has ${config.platforms.length} (${config.platforms.join(', ')})`, await (0,engine_platform/* loadOnePlatformFix */.b)(io));
        }
        // Independent: the git context and the registry check, side by side (the plan's bad input first).
        const event = (0,github_event/* readGitHubEventFile */.MZ)(io.env.GITHUB_EVENT_PATH); // once: the plan's and the stages'
        const git = await (0,shared/* gitPlannedBeforeRegistry */.Hs)(io, loaded, push ? (0,registry/* checkRegistry */.qW)(config.image.registry) : undefined, event);
        const t0 = Date.now();
        const progress = (line) => io.stderr(`[build ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
        // The pipeline with its first three stages; --out keeps their result files (src/results).
        const { build: result } = await (0,pipeline/* runPipeline */.aI)({
            loaded,
            stages,
            results: values.out !== undefined
                ? (0,results/* openResultDir */.lR)(external_node_path_default().resolve(io.cwd, values.out), `--out ${values.out}`)
                : discardResults(),
            push,
            merge: true,
            gpus: 'auto',
            imagesDir: (0,images_dir/* findImagesDir */.P0)(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url))),
            git,
            cacheDir: (0,cache_dir/* defaultCacheDir */.$)(io.env, io.cwd),
            report: { mode: 'off', baseline: null },
        }, {
            docker: io.docker,
            ...(io.git && { git: io.git }),
            env: io.env,
            event,
            ...(io.lookupHost && { lookupHost: io.lookupHost }),
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
