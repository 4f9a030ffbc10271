export const id = 669;
export const ids = [669];
export const modules = {

/***/ 47701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  collectCommand: () => (/* binding */ collectCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/export/job-schema.ts
var job_schema = __webpack_require__(64525);
// EXTERNAL MODULE: ./src/results/results.ts + 1 modules
var results_results = __webpack_require__(78838);
// EXTERNAL MODULE: ./src/config/platform.ts
var platform = __webpack_require__(15063);
// EXTERNAL MODULE: ./src/oci/ref.ts
var ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/util/redact.ts + 2 modules
var redact = __webpack_require__(38287);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/smoke/classify.ts + 1 modules
var classify = __webpack_require__(7171);
// EXTERNAL MODULE: ./src/smoke/output.ts
var output = __webpack_require__(71800);
// EXTERNAL MODULE: ./src/smoke/result.ts
var result = __webpack_require__(3228);
;// CONCATENATED MODULE: ./src/smoke/collect.ts








/** The platform a node of MACHINE (`uname -m`) pulls: x86_64 -> linux/amd64, aarch64 -> linux/arm64. */
const machinePlatform = (machine) => (0,platform/* normalizePlatform */.FL)(`linux/${machine}`);
const variantDigests = (v) => [
    ...(v.digest ? [`${v.digest} (index)`] : []),
    ...v.platforms.map((p) => `${p.digest} (${p.platform})`),
].join(', ');
/**
 * The variant and platform of BUILD (read from FILE) that the job's image is on its node: the
 * variant whose index (or one platform's image) has the image's digest, and of it the platform of
 * the node's machine. VARIANT (--variant) narrows the choice. Another image is bad input: the
 * results would be shown, and signed, as this build's.
 */
function collectTarget(meta, build, file, variant) {
    const { digest } = (0,ref/* parseDigestRef */.Tf)(meta.image, { field: "the job's image" });
    const node = machinePlatform(meta.machine);
    const candidates = build.variants.filter((v) => (variant === undefined || v.variant === variant) &&
        (v.digest === digest || v.platforms.some((p) => p.digest === digest)));
    if (candidates.length === 0) {
        const held = build.variants.map((v) => `${v.variant}: ${variantDigests(v)}`).join('; ') || 'none';
        throw new errors/* InputError */.dz(`the job ran ${(0,util_text/* printable */.g$)(meta.image)}, which ${variant === undefined ? '' : `variant ${variant} of `}${file} does not hold (its variants: ${held})`, 'collect into the result directory of the build the job tested (the --from DIR of "ml-image export")');
    }
    if (candidates.length > 1)
        throw new errors/* InputError */.dz(`the job's image ${digest} is in ${candidates.length} variants of ${file} (${candidates.map((v) => v.variant).join(', ')})`, 'pick one with --variant');
    const v = candidates[0];
    const own = v.platforms.find((p) => p.digest === digest);
    const p = own ?? v.platforms.find((x) => (0,platform/* sameMachine */.sb)(x.platform, node));
    if (!p || !(0,platform/* sameMachine */.sb)(p.platform, node))
        throw new errors/* InputError */.dz(`the job ran on ${(0,util_text/* printable */.g$)(meta.machine)} (${node}), but ${own ? `its image ${digest} is ${own.platform}'s` : `variant ${v.variant} of ${file} has no ${node} image (it has ${v.platforms.map((x) => x.platform).join(', ')})`}`, 'run the job on nodes of a platform the variant was built for');
    return { variant: v.variant, platform: p.platform, image: `${v.repository}@${p.digest}` };
}
/** GitHub's RUNNER_ARCH names for a machine, as a runner's smoke result says it. */
const RUNNER_ARCH = {
    'linux/amd64': 'X64',
    'linux/arm64': 'ARM64',
    'linux/386': 'X86',
    'linux/arm': 'ARM',
};
/** Where the suites ran, in words: "Slurm job 42 on node-a (2 nodes)". */
function clusterRunName(meta) {
    const where = meta.node ? ` on ${meta.node}` : '';
    const nodes = meta.nodes > 1 ? ` (${meta.nodes} ${meta.target === 'slurm' ? 'nodes' : 'pods'})` : '';
    return meta.target === 'slurm'
        ? `Slurm job ${meta.job}${where}${nodes}`
        : `Kubernetes Job ${meta.job}, pod ${meta.pod ?? 0}${where}${nodes}`;
}
/** "1x NVIDIA H100 80GB HBM3; driver 570.86.15" from the gpu suite's metrics, as gpuDevicesOf writes it. */
function devicesOf(meta, tests) {
    if (meta.gpusPerNode === 0)
        return 'none';
    const m = tests.find((t) => t.id === 'gpu' && t.status === 'pass')?.metrics ?? {};
    const names = Array.isArray(m.names) ? m.names.filter((n) => typeof n === 'string') : [];
    if (names.length === 1 && typeof m.gpus === 'number' && typeof m.driver === 'string' && m.driver !== '')
        return `${m.gpus}x ${names[0]}; driver ${m.driver}`;
    return 'unknown';
}
/** A record as a test of the smoke result: a failing one with its output's end and its cause. */
function testOf(r) {
    const { id, suite, status, reason, durationMs, metrics } = r.record;
    const test = {
        id,
        suite,
        status,
        ...(reason ? { reason } : {}),
        durationMs,
        metrics: metrics ?? {},
    };
    if (status !== 'fail')
        return test;
    if (r.output?.trim())
        test.output = (0,output/* tail */.RT)(r.output);
    const cause = (0,classify/* classifyFailure */.XE)(`${reason ?? ''}\n${test.output ?? ''}`);
    return cause ? { ...test, cause } : test;
}
/** The records in the order the job ran its suites (then by id: compute-cpu before compute-gpu). */
function inRunOrder(meta, records) {
    const rank = (suite) => {
        const i = meta.suites.indexOf(suite);
        return i < 0 ? meta.suites.length : i;
    };
    return [...records].sort((a, b) => rank(a.record.suite) - rank(b.record.suite) ||
        (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
}
/** Why the results are not the whole run, when they are not (shown, never attested nor reused). */
function unfinished(job) {
    if (job.meta.finishedAt !== undefined) {
        const missing = job.meta.suites.filter((s) => !job.records.some((r) => r.record.suite === s));
        return missing.length === 0
            ? undefined
            : `the job says it finished, but recorded no result of ${missing.join(', ')}`;
    }
    const where = job.meta.target === 'slurm' ? 'its job.json has' : "pod 0's ML_IMAGE_JOB lines have";
    return `the job ended before every suite ran (${where} no finishedAt: cancelled, out of time, or the image import failed)`;
}
/**
 * A stopped job's first suite without a result, failed by the stop, as the smoke stage fails the
 * test a stop cut short: the report and the verdict then say the run is not whole, also when every
 * suite that did run passed, or none ran (a failed import).
 */
function stoppedTest(job, why) {
    const suite = job.meta.suites.find((s) => !job.records.some((r) => r.record.suite === s));
    if (suite === undefined)
        return undefined;
    return { id: suite, suite, status: 'fail', reason: why, durationMs: 0, metrics: {} };
}
const seconds = (iso) => Date.parse(iso);
/** The job's results as TARGET's smoke result, redacted as the smoke stage writes one. */
function collectedSmokeResult(job, target) {
    const { meta } = job;
    const interrupted = unfinished(job);
    const stopped = interrupted === undefined ? undefined : stoppedTest(job, interrupted);
    const tests = [...inRunOrder(meta, job.records).map(testOf), ...(stopped ? [stopped] : [])];
    const count = (s) => tests.filter((t) => t.status === s).length;
    const ran = meta.finishedAt ? seconds(meta.finishedAt) - seconds(meta.startedAt) : NaN;
    const arch = RUNNER_ARCH[target.platform];
    return (0,redact/* redactDeep */.KL)({
        schemaVersion: result/* SMOKE_RESULT_SCHEMA_VERSION */.Nn,
        image: target.image,
        platform: target.platform,
        gpus: meta.gpusPerNode === 0 ? 'none' : 'all',
        gpuDevices: devicesOf(meta, tests),
        tests,
        summary: {
            pass: count('pass'),
            fail: count('fail'),
            skip: count('skip'),
            durationMs: Number.isFinite(ran) && ran >= 0 ? ran : tests.reduce((n, t) => n + t.durationMs, 0),
        },
        ...(meta.finishedAt !== undefined && { finishedAt: new Date(seconds(meta.finishedAt)).toISOString() }),
        runner: { name: clusterRunName(meta), os: 'Linux', ...(arch !== undefined && { arch }) },
        cluster: {
            target: meta.target,
            job: meta.job,
            ...(meta.node !== undefined && meta.node !== '' && { node: meta.node }),
            nodes: meta.nodes,
        },
        ...(interrupted !== undefined && { interrupted }),
    });
}

// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
;// CONCATENATED MODULE: ./src/smoke/collect-parse.ts




/** What no export of this version wrote: an export older than `ml-image collect`, or not ours. */
const EXPORT_AGAIN = 'export the job again with this version of ml-image (its jobs say which image and platform they ran), then run it';
/** TEXT (one JSON value) through SCHEMA; bad input naming WHERE and WHAT otherwise. */
function parsed(schema, text, where, what) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        throw new errors/* InputError */.dz(`${where}: the ${what} is not JSON (${e.message})`, EXPORT_AGAIN);
    }
    const r = schema.safeParse(value);
    if (r.success)
        return r.data;
    throw new errors/* InputError */.dz(`${where}: the ${what}: ${(0,issues/* formatIssues */.og)(r.error, value, schema).join('; ')}`, EXPORT_AGAIN);
}
const parseJobMeta = (text, where) => parsed(job_schema/* JobMetaSchema */.eF, text, where, "job's description");
const parseSuiteRecord = (text, where) => parsed(job_schema/* SuiteRecordSchema */.XJ, text, where, "suite's result");
/** The records in WHERE, refused when two are of the same test. */
function distinct(records, where) {
    const seen = new Map();
    for (const r of records) {
        const earlier = seen.get(r.record.id);
        if (earlier !== undefined)
            throw new errors/* InputError */.dz(`${where}: two results of the test ${(0,util_text/* printable */.g$)(r.record.id)} (${earlier} and ${r.where}): the results of two runs mixed`, 'collect the results of one run');
        seen.set(r.record.id, r.where);
    }
    return records;
}
/** A Slurm job's results: job.json's text and each <id>.json's (with its <id>.err, when read). */
function slurmJob(dir, meta, records) {
    const job = parseJobMeta(meta.text, meta.file);
    if (job.target !== 'slurm')
        throw new errors/* InputError */.dz(`${meta.file}: the job's description is of a ${job.target} job, not a Slurm one`);
    const read = records.map((r) => ({
        record: parseSuiteRecord(r.text, r.file),
        where: r.file,
        ...(r.err !== undefined && { output: r.err }),
    }));
    // A directory used again (results/local, ML_IMAGE_RESULTS_DIR) keeps an earlier run's files: a
    // suite this job does not run is not its result, and would be shown and signed as one.
    const stale = read.find((r) => !job.suites.includes(r.record.suite));
    if (stale)
        throw new errors/* InputError */.dz(`${stale.where}: a result of the suite ${(0,util_text/* printable */.g$)(stale.record.suite)}, which the job of ${meta.file} does not run (${job.suites.map(util_text/* printable */.g$).join(', ') || 'none'}): a file of an earlier run in the same directory`, "remove the earlier run's files from the directory, or run the job again into a directory of its own");
    return { meta: job, metaWhere: meta.file, records: distinct(read, dir) };
}
/** `kubectl logs --prefix`'s "[pod/NAME/CONTAINER] " before each line. */
const KUBECTL_PREFIX = /^\[[^\]\n]*\] /;
/** `kubectl logs --timestamps`' RFC 3339 time before each line (after --prefix's). */
const KUBECTL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) /;
/** The stderr tail the pod prints under a failing suite's line. */
const TAIL_LINE = '  | ';
/** One pod's part of the log, by the pod its job line names. */
function podLogs(text, source) {
    const pods = new Map();
    // The pod each prefix (none: '') was last seen printing: `kubectl logs --prefix -f` interleaves pods.
    const current = new Map();
    // A log saved by an editor or a Windows tool may start with a byte-order mark.
    text
        .replace(/^\uFEFF/, '')
        .split('\n')
        .forEach((raw, i) => {
        const where = `${source}, line ${i + 1}`;
        const prefix = KUBECTL_PREFIX.exec(raw)?.[0] ?? '';
        const rest = raw.slice(prefix.length).replace(/\r$/, '');
        const line = rest.slice(KUBECTL_TIME.exec(rest)?.[0].length ?? 0);
        if (line.startsWith(job_schema/* JOB_PREFIX */.Pn)) {
            const meta = parseJobMeta(line.slice(job_schema/* JOB_PREFIX */.Pn.length), where);
            const pod = meta.pod ?? 0;
            const known = pods.get(pod);
            if (known && (known.last.finishedAt !== undefined || meta.finishedAt === undefined))
                throw new errors/* InputError */.dz(`${where}: pod ${pod} starts again (it started at ${known.lastWhere.replace(`${source}, `, '')}): the log holds more than one run`, 'save the log of one run (kubectl logs -l ... --tail=-1 after the Job ended), or keep each run under its own --name');
            const log = known
                ? { ...known, last: meta, lastWhere: where }
                : { first: meta, last: meta, lastWhere: where, records: [] };
            pods.set(pod, log);
            current.set(prefix, log);
            return;
        }
        const log = current.get(prefix);
        if (line.startsWith(job_schema/* RESULT_PREFIX */.Dd)) {
            if (!log)
                throw new errors/* InputError */.dz(`${where}: a suite's result before the job's ${job_schema/* JOB_PREFIX */.Pn.trim()} line`, EXPORT_AGAIN);
            log.records.push({ record: parseSuiteRecord(line.slice(job_schema/* RESULT_PREFIX */.Dd.length), where), where });
        }
        else if (line.startsWith(TAIL_LINE) && log && log.records.length > 0) {
            const last = log.records.at(-1);
            const more = line.slice(TAIL_LINE.length);
            last.output = last.output === undefined ? more : `${last.output}\n${more}`;
        }
    });
    return pods;
}
/**
 * A Kubernetes Job's results from its pods' log (`kubectl logs -l ... --tail=-1`, with or without
 * --prefix): pod 0's, which carries the verdict (the other pods of a multi-pod ddp print only their
 * own ddp, which pod 0's includes).
 */
function k8sJob(text, source) {
    const pods = podLogs(text, source);
    if (pods.size === 0)
        throw new errors/* InputError */.dz(`${source}: no ${job_schema/* JOB_PREFIX */.Pn.trim()} line: not the log of a job that "ml-image export --k8s" wrote, or of one older than "ml-image collect"`, `save the pods' log with: kubectl logs -l ml-image-action/job=NAME --tail=-1 > FILE; ${EXPORT_AGAIN}`);
    const jobs = new Set([...pods.values()].map((p) => p.first.job));
    if (jobs.size > 1)
        throw new errors/* InputError */.dz(`${source}: the log holds the pods of ${jobs.size} jobs (${[...jobs].map(util_text/* printable */.g$).join(', ')})`, 'save the log of one job: kubectl logs -l ml-image-action/job=NAME --tail=-1 > FILE');
    const pod0 = pods.get(0);
    if (!pod0)
        throw new errors/* InputError */.dz(`${source}: no line of pod 0, which runs the suites (the log has pod ${[...pods.keys()].sort((a, b) => a - b).join(', ')})`, "save every pod's log: kubectl logs -l ml-image-action/job=NAME --tail=-1 (with --max-log-requests for many pods)");
    if (pod0.last.target !== 'k8s')
        throw new errors/* InputError */.dz(`${pod0.lastWhere}: the job's description is of a ${pod0.last.target} job, not a Kubernetes one`);
    return { meta: pod0.last, metaWhere: pod0.lastWhere, records: distinct(pod0.records, source) };
}

// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
;// CONCATENATED MODULE: ./src/cli/commands/collect.ts
// `ml-image collect`: a cluster job's smoke results (what `ml-image export` wrote ran) into the
// result directory of the build it tested, as that target's smoke result: `ml-image report` shows
// them, and `ml-image run --stages attest` signs them, as it does the smoke stage's.










/** A suite's record is one line; a pod log of a few suites is small. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;
const MAX_LOG_BYTES = 64 * 1024 * 1024;
/** Of a failing suite's stderr, the end is kept (tail() keeps 64 KiB of it): its last MiB is read. */
const ERR_TAIL_BYTES = 1024 * 1024;
const refusedAs = (file, what) => (e) => new errors/* InputError */.dz(`collect: ${file}: the ${what} ${e.code === 'ENOENT' ? 'is not there' : e.code !== undefined ? `cannot be read: ${(0,read_regular/* statErrorText */.s9)(e)}` : e.reason}`);
/**
 * The end of FILE, a regular file (its last ERR_TAIL_BYTES, from a line's start): a suite's stderr
 * may grow past any limit (NCCL_DEBUG=INFO for hours), and only its end is kept.
 */
function errTail(file) {
    const refused = refusedAs(file, "suite's stderr");
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (e) {
        const code = e.code;
        throw refused(new read_regular/* UnreadableFileError */.o2(code ?? String(e), code));
    }
    try {
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile())
            throw refused(new read_regular/* UnreadableFileError */.o2((0,read_regular/* notRegularFile */.s5)(st)));
        const start = Math.max(0, st.size - ERR_TAIL_BYTES);
        const buf = Buffer.alloc(st.size - start);
        const text = buf.subarray(0, (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, start)).toString('utf8');
        // A line cut at the start lost its beginning (a secret's name): dropped.
        return start === 0 ? text : text.slice(text.indexOf('\n') + 1);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Whether P is a directory; a path that cannot be looked at (a link loop) is left to its read. */
function isDirectory(p) {
    try {
        return (0,read_regular/* statOrAbsent */.Hg)(p)?.isDirectory() === true;
    }
    catch {
        return false;
    }
}
/** The names in DIR (given as GIVEN); one that cannot be listed is bad input naming it. */
function listDir(dir, given) {
    try {
        return (0,external_node_fs_.readdirSync)(dir);
    }
    catch (e) {
        const code = e.code ?? String(e);
        throw new errors/* InputError */.dz(`collect: --slurm ${given}: ${dir} cannot be listed (${code})`, 'give a directory this user can read');
    }
}
/** The results directory of one Slurm job: DIR itself (it has job.json), else DIR/results/<its only job>. */
function slurmDir(given, cwd) {
    const dir = external_node_path_default().resolve(cwd, given);
    if ((0,external_node_fs_.existsSync)(external_node_path_default().join(dir, job_schema/* JOB_META_FILE */.dZ)))
        return dir;
    const runs = external_node_path_default().join(dir, 'results');
    const jobs = (0,external_node_fs_.existsSync)(runs)
        ? listDir(runs, given).filter((j) => (0,external_node_fs_.existsSync)(external_node_path_default().join(runs, j, job_schema/* JOB_META_FILE */.dZ)))
        : [];
    if (jobs.length === 1)
        return external_node_path_default().join(runs, jobs[0]);
    if (jobs.length > 1)
        throw new errors/* InputError */.dz(`collect: --slurm ${given}: the results of ${jobs.length} jobs are there (${jobs.sort().join(', ')})`, `name one: --slurm ${external_node_path_default().join(given, 'results', '<job id>')}`);
    throw new errors/* InputError */.dz(`collect: --slurm ${given}: no ${job_schema/* JOB_META_FILE */.dZ} in ${dir}${(0,external_node_fs_.existsSync)(runs) ? ` or in a job's directory under ${runs}` : ''}`, `give the job's results directory (the export's DIR/results/<job id>, which the job prints); a job of an export older than "ml-image collect" wrote none: export it again`);
}
/** A Slurm job's files: job.json, each <id>.json, and a failing suite's <id>.err. */
function readSlurm(given, cwd) {
    const dir = slurmDir(given, cwd);
    const metaFile = external_node_path_default().join(dir, job_schema/* JOB_META_FILE */.dZ);
    // A directory named *.json is no record; anything else is read as one (a link that leads nowhere,
    // a FIFO: refused by readRegularText, naming it).
    const ids = listDir(dir, given)
        .filter((f) => f.endsWith('.json') && f !== job_schema/* JOB_META_FILE */.dZ && !isDirectory(external_node_path_default().join(dir, f)))
        .map((f) => f.slice(0, -'.json'.length))
        .sort();
    const records = ids.map((id) => {
        const file = external_node_path_default().join(dir, `${id}.json`);
        const text = (0,read_regular/* readRegularText */.Aj)(file, MAX_RECORD_BYTES, refusedAs(file, "suite's result"));
        const errFile = external_node_path_default().join(dir, `${id}.err`);
        // Only a failing suite's output is kept (its end, redacted), as the smoke stage keeps it.
        const failing = /"status": ?"fail"/.test(text) && (0,external_node_fs_.existsSync)(errFile);
        const err = failing ? errTail(errFile) : undefined;
        return { file, text, ...(err !== undefined && { err }) };
    });
    const meta = {
        file: metaFile,
        text: (0,read_regular/* readRegularText */.Aj)(metaFile, MAX_RECORD_BYTES, refusedAs(metaFile, "job's description")),
    };
    return { job: slurmJob(dir, meta, records), from: dir };
}
function readK8s(given, cwd) {
    const file = external_node_path_default().resolve(cwd, given);
    const text = (0,read_regular/* readRegularText */.Aj)(file, MAX_LOG_BYTES, refusedAs(file, 'pod log'));
    return { job: k8sJob(text, given), from: file };
}
const COLLECT_OPTIONS = {
    slurm: { type: 'string' },
    k8s: { type: 'string' },
    variant: { type: 'string' },
};
const collectCommand = {
    name: 'collect',
    summary: "Read a cluster job's smoke results (ml-image export) into the build's result directory.",
    usage: 'ml-image collect (--slurm DIR | --k8s LOGFILE) --out DIR [--variant NAME] [--json]',
    help: `Takes the results of a job that "ml-image export" wrote, once it ran, into the result directory
of the build it tested, as the smoke result of the variant and platform it ran: "ml-image report
--results DIR" then shows them (saying where they ran), and "ml-image run --stages attest --out DIR"
signs them as the smoke attestation of that platform's digest.

  --slurm DIR     the job's results directory (the export's DIR/results/<job id>), or the export
                  directory when it holds one job's results
  --k8s FILE      the pods' log: kubectl logs -l ml-image-action/job=NAME --tail=-1 > FILE
                  (--prefix is read too); pod 0's results are taken
  --out DIR       the build's result directory (DIR/build.json, as "ml-image build --out DIR" and
                  "ml-image export --from DIR" have it): the job's image must be one of its variants
  --variant NAME  the variant, where the image's digest is in more than one
  --json          print what was written as JSON

The platform is the one the job's node pulled (its machine: x86_64 is linux/amd64, aarch64
linux/arm64). Each suite's result becomes a test, a failing one with the end of its stderr (redacted)
and, where the failure table knows it, its cause. A job that ended before every suite ran (cancelled,
out of time, the import failed) is collected as stopped: shown, never attested. An earlier smoke
result of the target is replaced.

Exit codes: 0 collected (whatever the tests say: the report and the job's own exit status tell);
2 bad input (no job results there, a file that does not parse, an image that build.json does not
hold, a node of a platform the variant was not built for).`,
    async run(argv, io) {
        const { values } = (0,args/* parseCommandArgs */.Qx)('collect', argv, COLLECT_OPTIONS);
        if ((values.slurm === undefined) === (values.k8s === undefined))
            throw new errors/* InputError */.dz('collect: pass exactly one of --slurm DIR or --k8s LOGFILE');
        if (values.out === undefined)
            throw new errors/* InputError */.dz('collect: --out DIR is required: the result directory of the build the job tested (DIR/build.json)');
        const outDir = external_node_path_default().resolve(io.cwd, values.out);
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(outDir, results_results/* BUILD_FILE */.oS)))
            throw new errors/* InputError */.dz(`collect: --out ${values.out}: no ${results_results/* BUILD_FILE */.oS} in ${outDir}`, 'give the result directory of the build the job tested ("ml-image build --out DIR", the --from DIR of "ml-image export")');
        const { job, from } = values.slurm !== undefined ? readSlurm(values.slurm, io.cwd) : readK8s(values.k8s, io.cwd);
        const results = (0,results_results/* openResultDir */.lR)(outDir, `--out ${values.out}`);
        const build = results.readBuild({ what: 'build result (--out)' });
        const target = collectTarget(job.meta, build, external_node_path_default().join(values.out, results_results/* BUILD_FILE */.oS), values.variant);
        const result = collectedSmokeResult(job, target);
        results.writeSmoke(target.variant, target.platform, result);
        results.removeSmokeKey(target.variant, target.platform);
        if (!results.hasEnv(target.variant, target.platform))
            io.stderr(`warning: ${values.out} has no environment record of ${target.variant} on ${target.platform} (${(0,results_results/* recordFile */.mR)('env', target.variant, target.platform)}), which "ml-image report" needs: the smoke stage captures it ("ml-image run --stages smoke --out ${values.out}", or "ml-image run"); run it first, then collect again (it replaces the smoke result)\n`);
        const file = external_node_path_default().join(outDir, (0,results_results/* recordFile */.mR)('smoke', target.variant, target.platform));
        const { pass, fail, skip } = result.summary;
        const summary = {
            file,
            variant: target.variant,
            platform: target.platform,
            image: target.image,
            ranOn: result.runner?.name ?? '',
            from,
            tests: { pass, fail, skip },
            ...(result.interrupted !== undefined && { stopped: result.interrupted }),
        };
        io.stdout(values.json
            ? `${JSON.stringify(summary, null, 2)}\n`
            : [
                `collected ${result.tests.length} test(s) of ${(0,util_text/* printable */.g$)(summary.ranOn)}: ${pass} passed, ${fail} failed, ${skip} skipped`,
                `  ${target.variant} on ${target.platform} (${target.image})`,
                `  written to ${file}`,
                ...(result.interrupted !== undefined
                    ? [`  stopped: ${(0,util_text/* printable */.g$)(result.interrupted)} (shown in the report, not attested)`]
                    : []),
                `  show it: ml-image report --results ${values.out}`,
                '',
            ].join('\n'));
        return 0;
    },
};


/***/ }),

/***/ 64525:
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

/** The Slurm job's file of it, beside the suites' RESULTS/<id>.json. */
const JOB_META_FILE = 'job.json';
/** The pod log's line of it (the suites' lines start with RESULT_PREFIX, src/export/k8s.ts). */
const JOB_PREFIX = 'ML_IMAGE_JOB ';
/** A suite's line in the pod log (Slurm: RESULTS/<id>.json holds the same JSON). */
const RESULT_PREFIX = 'ML_IMAGE_RESULT ';
const JOB_META_SCHEMA_VERSION = 1;
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
    /** The suites the job runs, in the order it runs them. */
    suites: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1)),
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
