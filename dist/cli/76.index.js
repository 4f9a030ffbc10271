export const id = 76;
export const ids = [76];
export const modules = {

/***/ 23016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Jc: () => (/* binding */ DEFAULT_RDZV_PORT),
  sS: () => (/* binding */ EXPORT_MARKER),
  xX: () => (/* binding */ IMAGE_PULL_ALLOWANCE_S),
  he: () => (/* binding */ RECORD_SHELL),
  HW: () => (/* binding */ SMOKE_SCRIPT_MARKER),
  si: () => (/* binding */ TIMEOUT_EXPORT_LINE),
  t6: () => (/* binding */ checkDriverFloor),
  g3: () => (/* binding */ checkSpec),
  C5: () => (/* binding */ exportSteps),
  _q: () => (/* binding */ gpuLines),
  LR: () => (/* binding */ jobDeadlineSeconds),
  rV: () => (/* binding */ machineCaseLines),
  QJ: () => (/* binding */ pinnedImage),
  B3: () => (/* binding */ pyxisImage),
  ZL: () => (/* binding */ shellQuote),
  Su: () => (/* binding */ skipJson),
  c9: () => (/* binding */ stepWords)
});

// UNUSED EXPORTS: FLOORS_ARG, MULTI_NODE_DDP_NOTE

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/export/memory.ts
var memory = __webpack_require__(39807);
;// CONCATENATED MODULE: ./src/export/import-names.ts
// The imports suite's names as the job's shell words carry them (the check of export's spec). Pure.

/**
 * Each name is a quoted shell word, which holds any character but one: a name holding NUL, which no
 * shell word holds (bash and dash drop it: the suite would import another name; and "\0floors" is
 * common.ts's FLOORS_ARG, written as "$ML_IMAGE_FLOORS"), is refused (exit 2); a machine is a word
 * of `case $(uname -m)`.
 */
function checkImportNames(s) {
    for (const m of Object.keys(s.distributionsByMachine ?? {}))
        if (!/^[A-Za-z0-9_]+$/.test(m))
            throw new errors/* InputError */.dz(`machine: expected a name like x86_64, got "${m}"`);
    for (const n of [...(s.distributions ?? []), ...Object.values(s.distributionsByMachine ?? {}).flat()])
        if (n.includes('\0'))
            throw new errors/* InputError */.dz(`imports: the requirement name ${JSON.stringify(n)} holds a NUL character, which no shell word can hold`, 'check the requirements files the config names');
}

;// CONCATENATED MODULE: ./src/export/nodes.ts

/**
 * Several nodes (pods) are for the ddp suite alone: every other suite runs once, on the first node
 * (pod 0). Without ddp the other nodes would be allocated, GPUs and all, to run nothing (on
 * Kubernetes each pod first waits for a GPU node of its own). Refused (exit 2) with both ways out,
 * not quietly shrunk to one node: the suites asked for (often the config's smoke.suites) may leave
 * ddp out by mistake, and a job of another size than was asked for would hide it.
 */
function checkNodesForDdp(s) {
    if (s.nodes <= 1 || s.suites.includes('ddp'))
        return;
    throw new errors/* InputError */.dz(`--nodes ${s.nodes}: only the ddp suite runs across nodes, and the suites to run (${[...new Set(s.suites)].join(', ')}) have no ddp: ` +
        `the others run on the first node (pod 0), so ${s.nodes - 1} of the ${s.nodes} nodes (pods) would be allocated, their GPUs with them, to run nothing`, 'add ddp to --suites (or to smoke.suites) for an all-reduce across the nodes, or drop --nodes (one node runs the other suites)');
}

// EXTERNAL MODULE: ./src/oci/ref.ts
var ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/smoke/baselines.ts + 2 modules
var baselines = __webpack_require__(48238);
;// CONCATENATED MODULE: ./src/export/common.ts






/** In the header of every job file an export writes: a file without it is a person's (--force). */
const EXPORT_MARKER = 'exported by ml-image-action';
/** The smoke script's docstring begins so (images/probe/ml_image_smoke.py): the script is ours. */
const SMOKE_SCRIPT_MARKER = '"""ml-image smoke suites, run inside the image';
const DEFAULT_RDZV_PORT = 29500;
/** Pulling a CUDA image onto a fresh node takes minutes: the job limits allow for it once. */
const IMAGE_PULL_ALLOWANCE_S = 900;
const PIN_FIX = 'a tag can move, and the cluster must run the image that was built and tested; "ml-image build --out DIR" writes the digest to DIR/build.json';
/**
 * The image by digest, in export's words (FIELD: the flag or file it came from): REF@sha256:...,
 * a tag before the digest allowed and dropped (the digest decides). Pass its `ref` on.
 */
function pinnedImage(image, field = '--image') {
    return (0,ref/* parseDigestRef */.Tf)(image, { field, orElse: '--from DIR (from build.json)', fix: PIN_FIX });
}
/**
 * The image as Pyxis's --container-image takes it: Enroot's URI without "docker://",
 * REGISTRY#PATH@DIGEST. Enroot splits the registry at "#" (a "/" would make the host part of the
 * path); Docker Hub images name no registry. `legacy` puts the digest in the tag slot
 * (REGISTRY#PATH:sha256:...), the only form older Enroot 3.x releases parse.
 */
function pyxisImage(r, legacy = false) {
    const sep = legacy ? ':' : '@';
    return r.registry === 'docker.io'
        ? `${r.path}${sep}${r.digest}`
        : `${r.registry}#${r.path}${sep}${r.digest}`;
}
const common_int = (v, field, min, max) => {
    if (!Number.isInteger(v) || v < min || v > max)
        throw new errors/* InputError */.dz(`${field}: expected a whole number from ${min} to ${max}, got ${v}`);
};
/** A driver floor as the gpu suite takes it (535.104, or none); FIELD names where it came from (exit 2). */
function checkDriverFloor(floor, field = 'driver floor', fix) {
    if (floor !== undefined && floor !== '' && !/^\d+(\.\d+)*$/.test(floor))
        throw new errors/* InputError */.dz(`${field}: expected a version like 535.104, got "${floor}"`, fix);
}
/**
 * A job whose every suite skips (custom tests only, which are not exported; gpu with no GPUs asked
 * for; imports with no requirements to import) would take a node and pull the image to run nothing,
 * and read as a pass: refused, with each suite's reason (exit 2).
 */
function checkSomethingRuns(s) {
    const steps = exportSteps(s);
    if (!steps.every((t) => t.kind === 'skip'))
        return;
    const reasons = steps.map((t) => `${t.id}: ${t.kind === 'skip' ? t.reason : ''}`).join('; ');
    // The fix names only suites that would run with these flags (no gpu with --gpus-per-node 0).
    const runs = ['imports', 'pip-check', 'gpu'].filter((x) => exportSteps({ ...s, suites: [x] }).some((t) => t.kind !== 'skip'));
    throw new errors/* InputError */.dz(`no smoke suite to export: every suite that --suites, else the config's smoke.suites, names would skip (${reasons}): the job would run nothing`, `give --suites a suite that runs on the cluster (e.g. ${runs.join(',')}); run custom tests with ml-image smoke`);
}
/** Check the numbers and names the builders embed, naming the flag for each (exit 2). */
function checkSpec(s) {
    const ref = pinnedImage(s.image);
    common_int(s.nodes, '--nodes', 1, 4096);
    if (s.gpusPerNode !== 'all')
        common_int(s.gpusPerNode, '--gpus-per-node', 0, 64);
    common_int(s.timeoutSeconds, '--timeout', 1, 86400);
    if (s.cpus !== undefined)
        common_int(s.cpus, '--cpus', 1, 4096);
    if (s.memory !== undefined)
        (0,memory/* memoryOf */.zE)(s.memory);
    if (s.rdzvPort !== undefined)
        common_int(s.rdzvPort, 'rendezvous port', 1, 65535);
    if (s.suites.length === 0)
        throw new errors/* InputError */.dz("no smoke suite to run: --suites, else the config's smoke.suites, names none", 'give --suites (e.g. imports,pip-check,gpu) or list suites in smoke.suites');
    checkSomethingRuns(s);
    checkNodesForDdp(s);
    checkDriverFloor(s.driverFloor);
    checkImportNames(s);
    if (s.minLossDrop !== undefined && !(s.minLossDrop >= 0 && s.minLossDrop <= 1))
        throw new errors/* InputError */.dz(`minimum loss drop: expected 0..1, got ${s.minLossDrop}`);
    return ref;
}
/**
 * A MachineStep's shell lines: a `case` on `uname -m` where the step runs (Slurm: the first node,
 * whose steps the suites run on; Kubernetes: the pod), each machine's LINES in its arm.
 */
function machineCaseLines(st, lines) {
    const arm = (pattern, step) => [
        `  ${pattern})`,
        ...lines(step).map((l) => `    ${l}`),
        '    ;;',
    ];
    return [
        'case $(uname -m) in',
        ...Object.entries(st.machines).flatMap(([m, step]) => arm(m, step)),
        ...arm('*', st.other),
        'esac',
    ];
}
/**
 * The imports suite: the requirement names, else a skip. Where they differ by machine, each
 * machine's (a machine whose markers leave none skips), and on another machine those all share.
 */
function importsStep(s) {
    const of = (names, none) => names?.length
        ? { kind: 'script', id: 'imports', suite: 'imports', args: ['imports', ...names] }
        : { kind: 'skip', id: 'imports', suite: 'imports', reason: none };
    if (s.distributionsByMachine === undefined)
        return of(s.distributions, 'no requirements declared to import (pass --config)');
    const machines = Object.entries(s.distributionsByMachine).map(([m, names]) => [
        m,
        of(names, `no requirement is installed on ${m} (their environment markers)`),
    ]);
    return {
        kind: 'by-machine',
        id: 'imports',
        suite: 'imports',
        machines: Object.fromEntries(machines),
        other: of(s.distributions, 'no requirement is installed on every platform of the image'),
    };
}
/** Stands for the floors JSON in a step's arguments (no name holds NUL: checkImportNames). */
const FLOORS_ARG = '\u0000floors';
const FLOORS_VAR = 'ML_IMAGE_FLOORS';
/** Whether the job asks for GPUs (then CUDA is required: no CPU or gloo fallback). */
const wantsGpus = (s) => s.gpusPerNode === 'all' || s.gpusPerNode > 0;
/** A step's arguments as shell words: each quoted, the floors as "$ML_IMAGE_FLOORS". */
const stepWords = (args) => args.map((a) => (a === FLOORS_ARG ? `"$${FLOORS_VAR}"` : shellQuote(a))).join(' ');
/** The shell line that sets $ML_IMAGE_FLOORS: the floors table, the same the smoke stage passes. */
const floorsLine = (s) => `${FLOORS_VAR}=${shellQuote((0,baselines/* floorsArg */.wC)(s.baseline ?? (0,baselines/* bundledBaseline */._K)()))}`;
/** The suites as steps, in the order given, mirroring src/smoke/suites.ts (ids and arguments). */
function exportSteps(s) {
    const steps = [];
    const gpus = wantsGpus(s);
    const cuda = gpus ? ['--cuda'] : [];
    for (const suite of new Set(s.suites)) {
        switch (suite) {
            case 'imports':
                steps.push(importsStep(s));
                break;
            case 'pip-check':
                steps.push({ kind: 'pip-check', id: 'pip-check', suite });
                break;
            case 'gpu':
                // GPUs were asked for: none found (or CUDA that cannot start) fails.
                steps.push(gpus
                    ? { kind: 'script', id: 'gpu', suite, args: ['gpu', s.driverFloor ?? '', '--require'] }
                    : { kind: 'skip', id: 'gpu', suite, reason: 'no GPUs requested (--gpus-per-node 0)' });
                break;
            case 'compute':
                steps.push({ kind: 'script', id: 'compute-cpu', suite, args: ['compute', 'cpu'] });
                if (gpus)
                    steps.push({
                        kind: 'script',
                        id: 'compute-gpu',
                        suite,
                        args: ['compute', 'cuda', '--floors', FLOORS_ARG],
                    });
                break;
            case 'train':
                steps.push({
                    kind: 'script',
                    id: 'train',
                    suite,
                    args: ['train', String(s.minLossDrop ?? 0.5), ...cuda],
                });
                break;
            case 'ddp':
                // One node: the script's own ddp suite (torchrun --standalone), judged as `ml-image smoke`
                // judges it. Several: torchrun on every node with a rendezvous (the job script's).
                steps.push(s.nodes > 1
                    ? { kind: 'ddp', id: 'ddp', suite }
                    : {
                        kind: 'script',
                        id: 'ddp',
                        suite,
                        args: [
                            'ddp',
                            String(ddpProcsPerNode(s)),
                            ...(gpus ? ['--cuda', '--floors', FLOORS_ARG] : []),
                        ],
                    });
                break;
            case 'custom':
                // Custom tests check the image's metadata and regex-match output in TypeScript: not exported.
                steps.push({
                    kind: 'skip',
                    id: 'custom',
                    suite,
                    reason: 'custom tests are not exported: run them with ml-image smoke',
                });
                break;
        }
    }
    return steps;
}
/**
 * Processes per node for the ddp suite: one per GPU requested, else 2 over gloo (as `ml-image
 * smoke`). With whole nodes ('all'), every GPU the node shows, counted at run time: 'auto' for the
 * script's ddp suite, 'gpu' for torchrun (both torch.cuda.device_count(), and an error without CUDA).
 */
function ddpProcsPerNode(s, launcher = 'script') {
    if (s.gpusPerNode === 'all')
        return launcher === 'script' ? 'auto' : 'gpu';
    return s.gpusPerNode > 0 ? s.gpusPerNode : 2;
}
/** A multi-node all-reduce crosses the nodes' network: the per-node (NVLink) busbw floors do not apply. */
const MULTI_NODE_DDP_NOTE = "no busbw floor across nodes: the floors describe one node's interconnect";
/**
 * The job's GPU settings: processes per node for a multi-node ddp; with GPUs, CUDA required in the
 * ddp workers (ML_IMAGE_DDP_CUDA, srun passes the environment into the container), and the floors
 * table the suites are judged against (the same `ml-image smoke` passes).
 */
function gpuLines(o) {
    const gpus = wantsGpus(o);
    return [
        ...(o.nodes > 1
            ? [
                `NPROC_PER_NODE=${ddpProcsPerNode(o, 'torchrun')}`,
                ...(gpus ? ['export ML_IMAGE_DDP_CUDA=1', `DDP_NOTE=${shellQuote(MULTI_NODE_DDP_NOTE)}`] : []),
            ]
            : []),
        ...(gpus
            ? ['# Per-GPU floors (src/smoke/baselines.json merged with smoke.baseline): JSON', floorsLine(o)]
            : []),
    ];
}
/**
 * The suites' timeout, for the smoke script: its ddp launcher stops within it (the variable
 * `ml-image smoke` sets too: SMOKE_TIMEOUT_ENV, src/smoke/batch.ts). Exported, so srun hands it
 * into the container.
 */
const TIMEOUT_EXPORT_LINE = 'export ML_IMAGE_SMOKE_TIMEOUT="$TIMEOUT"';
/** Seconds the whole job may take: every container step at its timeout, plus one image pull. */
function jobDeadlineSeconds(s) {
    const running = exportSteps(s).filter((st) => st.kind !== 'skip').length;
    return Math.max(1, running) * s.timeoutSeconds + IMAGE_PULL_ALLOWANCE_S;
}
/** Quote one word for sh/bash: bare when it is plainly safe, else single-quoted. */
function shellQuote(word) {
    if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word))
        return word;
    return `'${word.replace(/'/g, `'\\''`)}'`;
}
/**
 * Shell functions (POSIX sh, so bash and the image's /bin/sh both run them) that turn a suite's
 * stdout into RESULTS/ID.json: the smoke script's JSON line with id, suite, durationMs and exitCode
 * added, or a failure naming the exit code when the suite printed no result. Needs RESULTS, TIMEOUT
 * (S_LIMIT, when set, is the limit of the step just run).
 * Data (JSON, paths, output) is printed with printf '%s', never echo: dash's echo (the /bin/sh of
 * Debian and Ubuntu images) turns the backslashes of JSON escapes such as \n into characters.
 */
const RECORD_SHELL = `FAILED=0
# record ID SUITE RC STARTED [REASON]: the suite's JSON in RESULTS/ID.out -> RESULTS/ID.json
record() {
  r_id=$1; r_suite=$2; r_rc=$3; r_start=$4; r_reason=\${5:-}
  r_ms=$(( ($(date +%s) - r_start) * 1000 ))
  # The last line holding a result's start, read from it (as the host's suiteResult): a module may
  # print before the result on its line, or after it at exit.
  r_line=$(grep -a '{"status": "' "$RESULTS/$r_id.out" 2>/dev/null | tail -n 1)
  case $r_line in
    *'{"status": "'*) r_body='"status": "'\${r_line#*'{"status": "'} ;;
    *)
      if [ "$r_rc" = 124 ]; then r_reason="timed out after \${S_LIMIT:-$TIMEOUT}s"
      elif [ -z "$r_reason" ]; then r_reason="the suite exited $r_rc without a result"; fi
      r_body="\\"status\\": \\"fail\\", \\"reason\\": \\"$r_reason\\"}" ;;
  esac
  r_status=\${r_body#'"status": "'}
  r_status=\${r_status%%'"'*}
  printf '{"id": "%s", "suite": "%s", "durationMs": %s, "exitCode": %s, %s\\n' \\
    "$r_id" "$r_suite" "$r_ms" "$r_rc" "$r_body" > "$RESULTS/$r_id.json"
  printf 'ml-image: %s %s\\n' "$r_id" "$r_status"
  if [ "$r_status" = fail ]; then FAILED=1; fi
}
# skip ID SUITE JSON: a suite that does not run here
skip() {
  printf '%s\\n' "$3" > "$RESULTS/$1.out"
  record "$1" "$2" 0 "$(date +%s)"
}
# pip_result ID: pip check prints no JSON; its exit code is the result (an image without pip: a
# skip, as the pipeline's pip-check says it)
pip_result() {
  if [ "$S_RC" = 0 ]; then echo '{"status": "pass", "reason": ""}' >> "$RESULTS/$1.out"
  elif [ "$S_RC" != 124 ] && grep -qE ': No module named pip[[:space:]]*$' "$RESULTS/$1.err" "$RESULTS/$1.out" 2> /dev/null; then
    echo '{"status": "skip", "reason": "pip is not installed in the image"}' >> "$RESULTS/$1.out"
  elif [ "$S_RC" != 124 ]; then echo '{"status": "fail", "reason": "pip check found broken requirements"}' >> "$RESULTS/$1.out"; fi
}
# ddp_result ID: rank 0 prints "ML_IMAGE_DDP {json}" (ml_image_smoke.py ddp-worker); it becomes the
# metrics, with DDP_NOTE (when set) as their floor_note
ddp_result() {
  d_line=$(sed -n 's/^ML_IMAGE_DDP //p' "$RESULTS/$1.out" | head -n 1)
  case $d_line in
    *'}') if [ -n "\${DDP_NOTE:-}" ]; then d_line="\${d_line%?}, \\"floor_note\\": \\"$DDP_NOTE\\"}"; fi ;;
  esac
  case $S_RC:$d_line in
    0:*'"ok": true'*) printf '{"status": "pass", "reason": "", "metrics": %s}\\n' "$d_line" >> "$RESULTS/$1.out" ;;
    *:'{'*) printf '{"status": "fail", "reason": "all-reduce failed or returned a wrong sum (exit %s)", "metrics": %s}\\n' \\
      "$S_RC" "$d_line" >> "$RESULTS/$1.out" ;;
  esac
}`;
/** The skip line of a step, in the smoke script's own JSON layout (json.dumps: ", " and ": "). */
const skipJson = (reason) => `{"status": "skip", "reason": ${JSON.stringify(reason)}}`;


/***/ }),

/***/ 13076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C_: () => (/* binding */ slurmJobMetaShell),
/* harmony export */   E2: () => (/* binding */ jobMetaConstants),
/* harmony export */   UO: () => (/* binding */ JOB_META_FINISHED_LINE),
/* harmony export */   W1: () => (/* binding */ STEP_IDS),
/* harmony export */   kl: () => (/* binding */ podJobMetaShell),
/* harmony export */   w1: () => (/* binding */ nodeEnv)
/* harmony export */ });
/* unused harmony export jobTestsOf */
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23016);
/* harmony import */ var _smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44680);


/**
 * The tests of STEPS in the order the job runs them, by the ids the smoke stage gives them
 * (compute's compute-cpu, then compute-gpu with GPUs), each with its suite: what collect expects.
 */
const jobTestsOf = (steps) => steps.map((st) => ({ id: st.id, suite: st.suite }));
/** OBJ as JSON members without the braces, to be joined with those the shell adds. */
const members = (obj) => JSON.stringify(obj).slice(1, -1);
/**
 * The fields known at export, in the schema's order around the shell's: HEAD (schemaVersion,
 * target, image, name, and on Kubernetes the Job's name as job) and TAIL (nodes on Kubernetes,
 * gpusPerNode, tests). IMAGE is the reference by digest (REPOSITORY@sha256:...), not Enroot's form.
 */
function jobMetaConstants(o, target, image, name, steps) {
    const k8s = target === 'k8s';
    return {
        head: members({
            schemaVersion: _smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_META_SCHEMA_VERSION */ .D1,
            target,
            image,
            name,
            ...(k8s && { job: name }),
        }),
        tail: members({
            ...(k8s && { nodes: o.nodes }),
            gpusPerNode: o.gpusPerNode,
            tests: jobTestsOf(steps),
        }),
    };
}
/** The `date` format of startedAt and finishedAt (JobMetaSchema's UTC_SECONDS). */
const UTC_NOW = '$(date -u +%Y-%m-%dT%H:%M:%SZ)';
/**
 * POSIX sh (bash, dash, busybox sh): json_str VALUE [DEFAULT] prints VALUE as a JSON string, its
 * backslashes and double quotes escaped and its control characters (newlines too) dropped, DEFAULT
 * (a plain word) when nothing is left; json_count VALUE DEFAULT prints VALUE when it is a count
 * without leading zeros, else DEFAULT. Bytes, not characters (LC_ALL=C): no locale drops a byte.
 */
const JSON_STR_SHELL = `# json_str VALUE [DEFAULT]: VALUE as a JSON string (backslashes and double quotes escaped, control
# characters dropped), DEFAULT when nothing is left
json_str() {
  j_s=$(printf '%s\\n' "$1" | LC_ALL=C sed -e 's/\\\\/\\\\\\\\/g' -e 's/"/\\\\"/g' | LC_ALL=C tr -d '\\000-\\037')
  printf '"%s"' "\${j_s:-\${2:-}}"
}
# json_count VALUE DEFAULT: VALUE when it is a whole number (no leading zero), else DEFAULT
json_count() {
  case $1 in
    0|[1-9]*) case $1 in *[!0-9]*) printf '%s' "$2" ;; *) printf '%s' "$1" ;; esac ;;
    *) printf '%s' "$2" ;;
  esac
}`;
/** The constants as shell assignments (JOB_META_HEAD, JOB_META_TAIL) and the start time. */
const constantLines = (c) => `JOB_META_HEAD=${(0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .shellQuote */ .ZL)(c.head)}
JOB_META_TAIL=${(0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .shellQuote */ .ZL)(c.tail)}
JOB_STARTED=${UTC_NOW}`;
/** Every test id an exported job may record (exportSteps' ids, every suite with GPUs). */
const STEP_IDS = [
    'imports',
    'pip-check',
    'gpu',
    'compute-cpu',
    'compute-gpu',
    'train',
    'ddp',
    'custom',
];
/**
 * Bash: an earlier run's files of these names in RESULTS removed (a directory used again:
 * results/local outside Slurm, ML_IMAGE_RESULTS_DIR), so that none is read back as this job's.
 * Only the names a job writes: any other file there stays.
 */
const EARLIER_RUN_LINES = `# An earlier run's files in this directory (results/local, ML_IMAGE_RESULTS_DIR) are not this job's
for f in ${STEP_IDS.join(' ')} import remove; do
  rm -f "$RESULTS/$f.json" "$RESULTS/$f.out" "$RESULTS/$f.err"
done
rm -f "$RESULTS/${_smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_META_FILE */ .dZ}" "$RESULTS/${_smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_META_FILE */ .dZ}.tmp"`;
/**
 * Slurm (bash): RESULTS/job.json at once, and JOB_META_FINISHED_LINE at the job's normal end (not the
 * EXIT trap: a job that stopped early keeps the first, without finishedAt). The batch host is the
 * first node, where the suites' steps run; nodes are the job's ($SLURM_NNODES, else 1).
 */
function slurmJobMetaShell(c) {
    return `# ${_smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_META_FILE */ .dZ}: what this job is (the image, where, with how many GPUs, which suites), for
# ml-image collect; written again with finishedAt once every suite ran. Through a temp file and mv,
# so a reader never sees half of it.
${EARLIER_RUN_LINES}
${JSON_STR_SHELL}
${constantLines(c)}
# job_meta [FINISHED_AT]: RESULTS/${_smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_META_FILE */ .dZ}, one line of JSON
job_meta() {
  j_end=
  if [ -n "\${1:-}" ]; then j_end=",\\"finishedAt\\":$(json_str "$1")"; fi
  printf '{%s,"job":%s,"node":%s,"machine":%s,"nodes":%s,%s,"startedAt":%s%s}\\n' "$JOB_META_HEAD" \\
    "$(json_str "\${SLURM_JOB_ID:-local}" local)" "$(json_str "$(hostname 2> /dev/null || uname -n)")" \\
    "$(json_str "$(uname -m)" unknown)" "$(json_count "\${SLURM_NNODES:-1}" 1)" "$JOB_META_TAIL" \\
    "$(json_str "$JOB_STARTED")" "$j_end" > "$RESULTS/${_smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_META_FILE */ .dZ}.tmp" \\
    && mv -f "$RESULTS/${_smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_META_FILE */ .dZ}.tmp" "$RESULTS/${_smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_META_FILE */ .dZ}" \\
    || printf '%s\\n' "ml-image: could not write $RESULTS/${_smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_META_FILE */ .dZ}" >&2
}
job_meta`;
}
/**
 * Kubernetes (POSIX sh): the pod's JOB_PREFIX line at once, and JOB_META_FINISHED_LINE at pod 0's
 * normal end. The node is the pod's (ML_IMAGE_NODE, the downward API's spec.nodeName), else the
 * pod's own hostname; pod is the completion index.
 */
function podJobMetaShell(c) {
    return `# A "${_smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_PREFIX */ .Pn}{json}" line: what this job is (the image, where, with how many GPUs, which
# suites), for ml-image collect; printed again with finishedAt once every suite ran (pod 0).
${JSON_STR_SHELL}
${constantLines(c)}
# job_meta [FINISHED_AT]: the pod's line
job_meta() {
  j_end=
  if [ -n "\${1:-}" ]; then j_end=",\\"finishedAt\\":$(json_str "$1")"; fi
  printf '%s{%s,"pod":%s,"node":%s,"machine":%s,%s,"startedAt":%s%s}\\n' '${_smoke_job_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .JOB_PREFIX */ .Pn}' "$JOB_META_HEAD" \\
    "$(json_count "$INDEX" 0)" "$(json_str "\${ML_IMAGE_NODE:-$(hostname 2> /dev/null || uname -n)}")" \\
    "$(json_str "$(uname -m)" unknown)" "$JOB_META_TAIL" "$(json_str "$JOB_STARTED")" "$j_end"
}
job_meta`;
}
/** The line at the job's normal end, before its exit with the suites' verdict. */
const JOB_META_FINISHED_LINE = `job_meta "${UTC_NOW}"`;
/**
 * The container's variable of the pod's node (the downward API), which podJobMetaShell reads: a new
 * object each call, as each manifest owns what it holds (a caller that edits one edits no other).
 */
const nodeEnv = () => ({
    name: 'ML_IMAGE_NODE',
    valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } },
});


/***/ }),

/***/ 39807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RD: () => (/* binding */ slurmMemory),
/* harmony export */   sP: () => (/* binding */ k8sMemory),
/* harmony export */   zE: () => (/* binding */ memoryOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// --memory, the memory per node of an exported job, as each target writes it. Pure.

/**
 * --memory (`64Gi`; `64G` is read as Slurm reads it, in binary units): its amount and unit. Exit 2
 * naming the flag for anything else.
 */
function memoryOf(memory) {
    const m = /^([1-9][0-9]{0,6})([MGT])i?$/.exec(memory);
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`--memory: expected a size per node like 64Gi or 512Mi (Mi, Gi or Ti), got "${memory}"`);
    return { amount: Number(m[1]), unit: m[2] };
}
/** --memory as a Kubernetes quantity: `64G` (Slurm's binary G) is `64Gi`. */
function k8sMemory(memory) {
    const { amount, unit } = memoryOf(memory);
    return `${amount}${unit}i`;
}
/** --memory as sbatch --mem reads it: `64Gi` is `64G`. */
function slurmMemory(memory) {
    const { amount, unit } = memoryOf(memory);
    return `${amount}${unit}`;
}


/***/ }),

/***/ 44680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D1: () => (/* binding */ JOB_META_SCHEMA_VERSION),
/* harmony export */   Dd: () => (/* binding */ RESULT_PREFIX),
/* harmony export */   Pn: () => (/* binding */ JOB_PREFIX),
/* harmony export */   XJ: () => (/* binding */ SuiteRecordSchema),
/* harmony export */   dZ: () => (/* binding */ JOB_META_FILE),
/* harmony export */   eF: () => (/* binding */ JobMetaSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
// What an exported job says about itself, for `ml-image collect`: which image it ran, where (the
// node's machine, so which platform of the image it pulled), with how many GPUs, and whether it ran
// to its end. Slurm writes it to RESULTS/job.json; a Kubernetes pod prints it in its log as a
// JOB_PREFIX line. Both write it when the job starts, and again with finishedAt once every suite ran.
// The smoke stage's format (collect reads it back as smoke results); export writes it.

/** The Slurm job's file of it, beside the suites' RESULTS/<id>.json. */
const JOB_META_FILE = 'job.json';
/** The pod log's line of it (the suites' lines start with RESULT_PREFIX, src/export/k8s.ts). */
const JOB_PREFIX = 'ML_IMAGE_JOB ';
/** A suite's line in the pod log (Slurm: RESULTS/<id>.json holds the same JSON). */
const RESULT_PREFIX = 'ML_IMAGE_RESULT ';
/** 2: the tests the job runs (`tests`), where 1 had the suites (`suites`). */
const JOB_META_SCHEMA_VERSION = 2;
/** When, as the job's `date -u +%Y-%m-%dT%H:%M:%SZ` writes it. */
const UTC_SECONDS = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'expected YYYY-MM-DDTHH:MM:SSZ (UTC)');
const JobMetaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(JOB_META_SCHEMA_VERSION),
    target: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['slurm', 'k8s']),
    /** The image the job ran, as exported: REPOSITORY@sha256:... (an index's digest, or one platform's). */
    image: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    /** The job's name (--name). */
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    /** Slurm: SLURM_JOB_ID ("local" when run outside Slurm); Kubernetes: the Job's name. */
    job: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    /** Kubernetes: the pod's completion index (0 alone, or the first of an Indexed Job). */
    pod: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative().optional(),
    /** The host the suites ran on: Slurm's batch host (the first node); the pod's node (spec.nodeName). */
    node: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    /** `uname -m` there: which platform of the image the node pulled (x86_64, aarch64). */
    machine: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    nodes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    /** --gpus-per-node as exported: 0 (CPU only), a count, or "all". */
    gpusPerNode: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(), zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('all')]),
    /**
     * The tests the job runs, in the order it runs them, by the smoke stage's ids (exportSteps:
     * compute is compute-cpu, then compute-gpu with GPUs), each with its suite.
     */
    tests: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200), suite: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200) })).min(1),
    startedAt: UTC_SECONDS,
    /** Set once every suite ran: a job without it ended early (cancelled, timed out, the import failed). */
    finishedAt: UTC_SECONDS.optional(),
});
/**
 * One suite's result as the job records it (RECORD_SHELL, src/export/common.ts): the smoke script's
 * result line (status, reason, metrics) with id, suite, durationMs and exitCode added.
 */
const SuiteRecordSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200),
    suite: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
    exitCode: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pass', 'fail', 'skip']),
    reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
});


/***/ })

};
