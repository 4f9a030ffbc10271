export const id = 743;
export const ids = [743];
export const modules = {

/***/ 42418:
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
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/attest/of-image.ts
var of_image = __webpack_require__(87596);
// EXTERNAL MODULE: ./src/docker/registry-client.ts
var registry_client = __webpack_require__(15669);
// EXTERNAL MODULE: ./src/capture/capture.ts
var capture = __webpack_require__(96912);
// EXTERNAL MODULE: ./src/docker/engine-platform.ts
var engine_platform = __webpack_require__(74234);
// EXTERNAL MODULE: ./src/docker/platform-image.ts
var platform_image = __webpack_require__(53041);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/parse-input.ts
var parse_input = __webpack_require__(91814);
// EXTERNAL MODULE: ./src/docker/oci-types.ts
var oci_types = __webpack_require__(2329);
// EXTERNAL MODULE: ./src/docker/buildx.ts + 1 modules
var buildx = __webpack_require__(49618);
// EXTERNAL MODULE: ./src/docker/registry.ts
var docker_registry = __webpack_require__(98925);
;// CONCATENATED MODULE: ./src/docker/image-env.ts
// The environment an image sets (its config's Env), read from its registry by digest over the
// built-in client: two small reads (the manifest, the config blob; three through an index), no
// pull. `ml-image collect` masks the image's own secret values with it in a cluster job's output,
// as the smoke stage masks the ones it reads from the engine's inspect of the image it runs.







const ImageManifestSchema = schemas/* object */.Ikc({ config: schemas/* object */.Ikc({ digest: schemas/* string */.YjP() }) });
const ImageConfigSchema = schemas/* object */.Ikc({
    config: schemas/* object */.Ikc({ Env: schemas/* array */.YOg(schemas/* string */.YjP()).nullish() }).nullish(),
});
/**
 * The `NAME=value` pairs of the config of REF (REPOSITORY@sha256:...), read over CLIENT (whose reads
 * are checked against their digests): of REF's image, or, where REF is an index (a build that
 * recorded each platform's attested index), of its PLATFORM entry's. A registry without the image,
 * an index without that platform, or something else there than an image's manifest and config, is
 * an EnvironmentError naming REF; so is any failed read (the client's own errors, which name the
 * registry and the request).
 */
async function registryImageEnv(client, ref, platform) {
    const { host, repository, reference } = (0,docker_registry/* splitImageRef */.l2)(ref);
    const registry = client(host);
    let manifest = await registry.manifest(repository, reference, docker_registry/* MANIFEST_MEDIA_TYPES */.$T);
    if (manifest && isIndex(manifest.bytes)) {
        const entry = (0,platform_image/* platformManifest */.NB)((0,buildx/* parseImageIndex */.n4)(manifest.bytes.toString('utf8')), platform);
        if (entry === undefined)
            throw new errors/* EnvironmentError */.eG(`registry ${host}: the index ${ref} lists no ${platform} image`, `check build.json: its ${platform} digest is of that platform's image`);
        manifest = await registry.manifest(repository, entry, docker_registry/* MANIFEST_MEDIA_TYPES */.$T);
    }
    if (!manifest)
        throw new errors/* EnvironmentError */.eG(`registry ${host} has no image ${ref}`, 'the image may have been deleted since the build pushed it; collect the results of an image the registry still holds');
    const image = (0,parse_input/* parsedOrNone */.DU)(ImageManifestSchema, (0,oci_types/* parseJson */.qF)(manifest.bytes));
    if (!image)
        throw new errors/* EnvironmentError */.eG(`registry ${host}: ${ref} is not an image (${manifest.mediaType || 'no media type'}), so its config cannot be read`, "check build.json: each platform's digest there is its image's own");
    const config = (0,parse_input/* parsedOrNone */.DU)(ImageConfigSchema, (0,oci_types/* parseJson */.qF)(await registry.blob(repository, image.config.digest)));
    if (!config)
        throw new errors/* EnvironmentError */.eG(`registry ${host}: the config ${image.config.digest} of ${ref} is not an image config`, 'check the registry or any proxy in between: something else answered');
    return config.config?.Env ?? [];
}
/** An image index (or Docker manifest list): its entries, and no config of its own. */
function isIndex(bytes) {
    const m = (0,oci_types/* parseJson */.qF)(bytes);
    return Array.isArray(m?.manifests) && m.config === undefined;
}

// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/export/job-meta-shell.ts
var job_meta_shell = __webpack_require__(13076);
// EXTERNAL MODULE: ./src/smoke/job-schema.ts
var job_schema = __webpack_require__(44680);
// EXTERNAL MODULE: ./src/results/results.ts + 6 modules
var results_results = __webpack_require__(98510);
// EXTERNAL MODULE: ./src/report/own-records.ts
var own_records = __webpack_require__(91121);
// EXTERNAL MODULE: ./src/config/platform.ts
var platform = __webpack_require__(15063);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/smoke/classify.ts + 1 modules
var classify = __webpack_require__(7171);
// EXTERNAL MODULE: ./src/smoke/gpu-identity.ts
var gpu_identity = __webpack_require__(67642);
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
    const { digest } = (0,oci_ref/* parseDigestRef */.Tf)(meta.image, { field: "the job's image" });
    const node = machinePlatform(meta.machine);
    // A name build.json has no variant of (a typo) is said so, as devcontainer's and export's
    // --variant say it, not as an image that variant does not hold.
    if (variant !== undefined && !build.variants.some((v) => v.variant === variant))
        throw new errors/* InputError */.dz(`--variant: no variant ${JSON.stringify(variant)} in ${file}; it has ${build.variants.map((v) => v.variant).join(', ') || '(none)'}`, "leave --variant out (the job's image decides), or name one of those");
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
/**
 * "8x NVIDIA H100 80GB HBM3; driver 570.86.15" from the gpu suite's metrics (gpuSuiteSight, as the
 * smoke attestation reads them), as the smoke stage words it; unknown unless they name one model,
 * a believable count and a driver.
 */
function devicesOf(meta, tests) {
    if (meta.gpusPerNode === 0)
        return (0,gpu_identity/* devicesKey */.$8)(gpu_identity/* CPU_ONLY */.Ad);
    const seen = (0,result/* gpuSuiteSight */.Cq)(tests);
    if (seen?.names.length === 1 && seen.gpus !== undefined && seen.driver !== null)
        return (0,gpu_identity/* devicesText */.$O)(new Map([[seen.names[0], seen.gpus]]), [seen.driver]);
    return gpu_identity/* UNKNOWN_GPUS */.lu;
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
    const cause = (0,classify/* classifyFailure */.X)(`${reason ?? ''}\n${test.output ?? ''}`);
    return cause ? { ...test, cause } : test;
}
/**
 * TESTS in the order the job runs them (job.json's tests: compute-cpu before compute-gpu); a test it does
 * not list last, as it came.
 */
function inRunOrder(order, tests) {
    const rank = (id) => {
        const i = order.findIndex((t) => t.id === id);
        return i < 0 ? order.length : i;
    };
    return [...tests].sort((a, b) => rank(a.id) - rank(b.id));
}
/** The tests of the job without a result, in its run order. */
const missingTests = (job) => job.meta.tests.filter((t) => !job.records.some((r) => r.record.id === t.id));
/** Why the results are not the whole run, when they are not (shown, never attested nor reused). */
function unfinished(job) {
    if (job.meta.finishedAt !== undefined) {
        const missing = missingTests(job).map((t) => t.id);
        return missing.length === 0
            ? undefined
            : `the job says it finished, but recorded no result of ${missing.join(', ')}`;
    }
    const where = job.meta.target === 'slurm' ? 'its job.json has' : "pod 0's ML_IMAGE_JOB lines have";
    return `the job ended before every suite ran (${where} no finishedAt: cancelled, out of time, or the image import failed)`;
}
/**
 * A stopped job's first test without a result, failed by the stop, as the smoke stage fails the
 * test a stop cut short (by its id: compute-gpu, cut after compute-cpu ran): the report, its diff
 * against a baseline and the verdict then say the run is not whole, also when every test that did
 * run passed, or none ran (a failed import).
 */
function stoppedTest(job, why) {
    const t = missingTests(job)[0];
    if (t === undefined)
        return undefined;
    return { id: t.id, suite: t.suite, status: 'fail', reason: why, durationMs: 0, metrics: {} };
}
const seconds = (iso) => Date.parse(iso);
/**
 * The job's results as TARGET's smoke result, redacted as the smoke stage writes one: MASK (the
 * image's own secret values: imageEnvMask of its config's environment) first, over all the job
 * wrote, before a failing test's output is cut to its end; then by name, shape and URL login.
 */
function collectedSmokeResult(collected, target, mask = (text) => text) {
    const job = (0,redact/* mapStringsDeep */.$4)(collected, mask);
    const { meta } = job;
    const interrupted = unfinished(job);
    const stopped = interrupted === undefined ? undefined : stoppedTest(job, interrupted);
    const tests = inRunOrder(meta.tests, [...job.records.map(testOf), ...(stopped ? [stopped] : [])]);
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
// EXTERNAL MODULE: ./src/util/json-file.ts + 1 modules
var json_file = __webpack_require__(20317);
;// CONCATENATED MODULE: ./src/smoke/collect-parse.ts
// What a cluster job left, read back (pure): the job's own line (src/smoke/job-schema.ts) and one
// record per suite, from a Slurm job's results directory (job.json, <id>.json, <id>.err: the caller
// reads the files) or from a Kubernetes Job's pod log (ML_IMAGE_JOB and ML_IMAGE_RESULT lines, the
// stderr tail of a failing suite under its line). A line or file that does not parse is bad input
// naming where it is.







/** What no export of this version wrote: an export older than `ml-image collect`, or not ours. */
const EXPORT_AGAIN = 'export the job again with this version of ml-image (its jobs say which image and platform they ran), then run it';
/**
 * TEXT as one JSON value, by the shared reader: nested at most MAX_JSON_DEPTH (a deeper one
 * overflowed the redaction's walk: "internal error"), a byte order mark or bad syntax named by line
 * and column.
 */
const jsonOf = (text, where, what) => (0,json_file/* parseJsonText */.lk)(text, `${where}: the ${what}`, EXPORT_AGAIN);
/** VALUE (read from WHERE) through SCHEMA; bad input naming WHERE and WHAT otherwise. */
function checkedAs(schema, value, where, what) {
    const r = (0,parse_input/* safeParseInput */.$F)(schema, value, `${where}: the ${what}`, EXPORT_AGAIN);
    if (r.success)
        return r.data;
    throw new errors/* InputError */.dz(`${where}: the ${what}: ${(0,issues/* formatIssues */.og)(r.error, value, schema).join('; ')}`, EXPORT_AGAIN);
}
function parseJobMeta(text, where) {
    const value = jsonOf(text, where, "job's description");
    const version = typeof value === 'object' && value !== null ? Reflect.get(value, 'schemaVersion') : undefined;
    if (typeof version === 'number' && version !== job_schema/* JOB_META_SCHEMA_VERSION */.D1)
        throw new errors/* InputError */.dz(`${where}: the job's description is of schema version ${version}, which ${version < job_schema/* JOB_META_SCHEMA_VERSION */.D1 ? 'an earlier' : 'a later'} ml-image wrote; this one reads version ${job_schema/* JOB_META_SCHEMA_VERSION */.D1} (it lists the tests the job runs)`, version < job_schema/* JOB_META_SCHEMA_VERSION */.D1
            ? EXPORT_AGAIN
            : 'collect with the ml-image version that exported the job');
    return checkedAs(job_schema/* JobMetaSchema */.eF, value, where, "job's description");
}
const parseSuiteRecord = (text, where) => checkedAs(job_schema/* SuiteRecordSchema */.XJ, jsonOf(text, where, "suite's result"), where, "suite's result");
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
    // The job writes each test's record to <id>.json: one of another test (a result line of the
    // suite's own output carrying an "id" of its own, or a file put there) would take that test's place.
    const misnamed = read.find((r) => external_node_path_default().basename(r.where) !== `${r.record.id}.json`);
    if (misnamed)
        throw new errors/* InputError */.dz(`${misnamed.where}: the suite's result is of the test ${(0,util_text/* printable */.g$)(misnamed.record.id)}, not of the test its file is named for`, 'collect the files the job wrote, as it named them; export the job again if a suite\'s output carries an "id"');
    // A directory used again (results/local, ML_IMAGE_RESULTS_DIR) keeps an earlier run's files: a
    // test this job does not run (compute-gpu of a GPU run, in a CPU job's directory) is not its
    // result, and would be shown and signed as one.
    ownTests(job, meta.file, read, [
        'a file of an earlier run in the same directory',
        "remove the earlier run's files from the directory, or run the job again into a directory of its own",
    ]);
    return { meta: job, metaWhere: meta.file, records: distinct(read, dir) };
}
/** RECORDS, refused (WHY: the words and the fix) when one is of a test JOB (read from WHERE) does not run. */
function ownTests(job, where, records, why) {
    const tests = job.tests;
    const stale = records.find((r) => !tests.some((t) => t.id === r.record.id && t.suite === r.record.suite));
    if (stale)
        throw new errors/* InputError */.dz(`${stale.where}: a result of the test ${(0,util_text/* printable */.g$)(stale.record.id)} (suite ${(0,util_text/* printable */.g$)(stale.record.suite)}), which the job of ${where} does not run (${tests.map((t) => (0,util_text/* printable */.g$)(t.id)).join(', ') || 'none'}): ${why[0]}`, why[1]);
}
/** JOB's own line less finishedAt, to compare a pod's lines by. */
const sameRun = (a, b) => {
    const { finishedAt: _a, ...restA } = a;
    const { finishedAt: _b, ...restB } = b;
    return JSON.stringify(restA) === JSON.stringify(restB);
};
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
            // The pod's line at its end says again what its first said, finishedAt added: another
            // image, machine or list of tests is another run's (or a log put together by hand).
            if (known && !sameRun(known.first, meta))
                throw new errors/* InputError */.dz(`${where}: pod ${pod}'s job line differs from its earlier one (at ${known.lastWhere.replace(`${source}, `, '')}) in more than finishedAt: the log holds more than one run`, 'save the log of one run (kubectl logs -l ... --tail=-1 after the Job ended), or keep each run under its own --name');
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
    ownTests(pod0.last, pod0.lastWhere, pod0.records, [
        'not a result of this job',
        'save the log of one run of the job as it was exported',
    ]);
    return { meta: pod0.last, metaWhere: pod0.lastWhere, records: distinct(pod0.records, source) };
}

// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: ./src/util/cleanup.ts + 1 modules
var cleanup = __webpack_require__(38201);
// EXTERNAL MODULE: ./src/util/images-dir.ts
var images_dir = __webpack_require__(29882);
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
 * FILE of a job's results, refused when it is a symbolic link: the job writes its results as files,
 * and a link planted in a results directory others can write to would have collect read a file of
 * this machine (a failing suite's .err: ~/.aws/credentials) into the report and the signed smoke
 * attestation. One that cannot be looked at is left to the read, which says why.
 */
function refuseLink(file, what) {
    let link;
    try {
        link = (0,read_regular/* statOrAbsent */.Hg)(file, true)?.isSymbolicLink();
    }
    catch {
        return;
    }
    if (link)
        throw new errors/* InputError */.dz(`collect: ${file}: the ${what} is a symbolic link, not a file the job wrote: collect reads no file it leads to`, 'collect the directory the job wrote its results to (its files themselves, not links to them)');
}
/**
 * The end of FILE, a regular file (its last ERR_TAIL_BYTES, from a line's start): a suite's stderr
 * may grow past any limit (NCCL_DEBUG=INFO for hours), and only its end is kept.
 */
function errTail(file) {
    refuseLink(file, "suite's stderr");
    let tail;
    try {
        tail = (0,read_regular/* readRegularTail */.V0)(file, ERR_TAIL_BYTES);
    }
    catch (e) {
        if (!(e instanceof read_regular/* UnreadableFileError */.o2))
            throw e;
        throw refusedAs(file, "suite's stderr")(e);
    }
    const text = tail.bytes.toString('utf8');
    // A line cut at the start lost its beginning (a secret's name): dropped.
    return tail.from === 0 ? text : text.slice(text.indexOf('\n') + 1);
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
    // job.json itself, given for the directory that holds it: "no job.json in .../job.json" was no help.
    const st = (0,read_regular/* statPath */.qW)(dir);
    if (typeof st === 'object' && st.isFile())
        throw new errors/* InputError */.dz(`collect: --slurm ${given}: ${dir} is a file, not the job's results directory`, `name the directory that holds ${job_schema/* JOB_META_FILE */.dZ} (${external_node_path_default().dirname(dir)}), not the file`);
    throw new errors/* InputError */.dz(`collect: --slurm ${given}: no ${job_schema/* JOB_META_FILE */.dZ} in ${dir}${(0,external_node_fs_.existsSync)(runs) ? ` or in a job's directory under ${runs}` : ''}`, `give the job's results directory (the export's DIR/results/<job id>, which the job prints); a job of an export older than "ml-image collect" wrote none: export it again`);
}
/** A Slurm job's files: job.json, each <id>.json, and a failing suite's <id>.err. */
function readSlurm(given, cwd) {
    const dir = slurmDir(given, cwd);
    const metaFile = external_node_path_default().join(dir, job_schema/* JOB_META_FILE */.dZ);
    // The records of the tests an exported job runs (<id>.json); any other file there (a person's
    // notes.json in ML_IMAGE_RESULTS_DIR) is none of its results.
    const ids = listDir(dir, given)
        .filter((f) => f.endsWith('.json') && job_meta_shell/* STEP_IDS */.W1.includes(f.slice(0, -'.json'.length)))
        .map((f) => f.slice(0, -'.json'.length))
        .sort();
    const records = ids.map((id) => {
        const file = external_node_path_default().join(dir, `${id}.json`);
        refuseLink(file, "suite's result");
        const text = (0,read_regular/* readRegularText */.Aj)(file, MAX_RECORD_BYTES, refusedAs(file, "suite's result"));
        const errFile = external_node_path_default().join(dir, `${id}.err`);
        // Only a failing suite's output is kept (its end, redacted), as the smoke stage keeps it.
        const failing = /"status": ?"fail"/.test(text) && (0,external_node_fs_.existsSync)(errFile);
        const err = failing ? errTail(errFile) : undefined;
        return { file, text, ...(err !== undefined && { err }) };
    });
    refuseLink(metaFile, "job's description");
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
    'no-image-mask': { type: 'boolean', default: false },
    capture: { type: 'boolean', default: false },
};
/**
 * TARGET's environment record, captured on this machine's engine (--capture): the probe in the
 * platform's image, pulled by digest, as `ml-image capture` runs it (no GPU: the cluster job's gpu
 * suite says which GPUs the tests ran on): the target's record, which the report needs.
 */
async function captureTarget(target, io) {
    const docker = io.docker();
    const own = await (0,platform_image/* platformImage */.bg)(docker, target.image, target.platform, async () => (0,engine_platform/* enginePlatform */.q)(await docker.ping()));
    io.stderr(`collect: capturing the environment record of ${own.image} (${target.platform}) on this machine's engine\n`);
    return (0,capture/* captureImage */.O$)({
        image: own.image,
        name: target.image,
        platform: target.platform,
        variant: target.variant,
        imagesDir: (0,images_dir/* findImagesDir */.P0)(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url))),
    }, { docker });
}
/** Whether RECORD is of TARGET's image: the digest it was captured by (recordImage) is the job's. */
const ofTarget = (record, target) => (0,of_image/* recordImage */.Bq)(record).digest === (0,oci_ref/* refDigest */.I2)(target.image);
/**
 * Whether RESULTS holds an environment record of TARGET's image, read as `ml-image report` reads it
 * (ownEnv). One that does not read (damaged, of a later ml-image's schema, another target's) is
 * none, and WARN says it will be replaced.
 */
function hasOwnEnv(results, target, warn) {
    try {
        const record = (0,own_records/* ownEnv */.q)(results, target.variant, target.platform);
        return record !== null && ofTarget(record, target);
    }
    catch (e) {
        warn(`the environment record there does not read (${e.message.split('\n')[0]}): the captured one replaces it`);
        return false;
    }
}
/**
 * The warning that OUT (RESULTS, as given) holds no environment record of TARGET's image that
 * `ml-image report` can use, which it needs; undefined when it holds one. The record there is read as
 * the report reads it (ownEnv): one that does not read (not JSON, a later ml-image's schema) or is of
 * another image (an earlier build's, left in a reused directory) would only be found unusable there.
 * Collect still writes the smoke result, its own job: the record is only warned of.
 */
function envWarning(results, target, out) {
    const name = (0,results_results/* recordFile */.mR)('env', target.variant, target.platform);
    const fix = `collect again with --capture (the probe runs in the image on this machine's engine), or run the smoke stage first ("ml-image run --stages smoke --out ${out}"), then collect again (it replaces the smoke result)`;
    let record;
    try {
        record = (0,own_records/* ownEnv */.q)(results, target.variant, target.platform);
    }
    catch (e) {
        const why = e.message.split('\n')[0];
        // The reader's message names the file (its path) and why it does not read.
        return `warning: ${out} has no readable environment record of ${target.variant} on ${target.platform} (${why}), which "ml-image report" needs: ${fix}`;
    }
    if (record === null)
        return `warning: ${out} has no environment record of ${target.variant} on ${target.platform} (${name}), which "ml-image report" needs: ${fix}`;
    if (ofTarget(record, target))
        return undefined;
    const { ref, digest } = (0,of_image/* recordImage */.Bq)(record);
    return `warning: ${out}'s environment record of ${target.variant} on ${target.platform} (${name}) is of another image (${digest ?? `${(0,util_text/* printable */.g$)(ref)}, no digest`}), not of the job's ${(0,oci_ref/* refDigest */.I2)(target.image)}: "ml-image report" leaves it out, and needs one of the job's image: ${fix}`;
}
/**
 * The mask of TARGET's image's own secret values (imageEnvMask of its config's environment, read
 * from the registry as docker would log in), as the smoke stage masks the image it runs: a value
 * under a secret's name that a test printed alone is masked by value. When the config cannot be
 * read, collect stops (exit 3) unless --no-image-mask says to mask by name and shape only.
 */
async function imageMask(target, io, skip) {
    if (skip)
        return (text) => text;
    try {
        const client = (0,registry_client/* defaultClient */.V)(io.env, io.registryFetch);
        return (0,output/* imageEnvMask */.Tr)(await registryImageEnv(client, target.image, target.platform));
    }
    catch (e) {
        // A stop by a signal ends the command as it is (its own exit code and words).
        if (!(e instanceof errors/* EnvironmentError */.eG) || e.exitCode !== errors/* ExitCode */.yU.Environment || (0,cleanup/* isInterrupted */.fT)())
            throw e;
        throw new errors/* EnvironmentError */.eG(`collect: the config of ${target.image} could not be read, to mask the image's own secret values in the job's output: ${e.message}`, `${e.fix ? `${e.fix}; ` : ''}--no-image-mask collects without it (values are then masked by their names and shapes only)`, { cause: e });
    }
}
const collectCommand = {
    name: 'collect',
    options: COLLECT_OPTIONS,
    summary: "Read a cluster job's smoke results (ml-image export) into the build's result directory.",
    usage: 'ml-image collect (--slurm DIR | --k8s LOGFILE) --out DIR [--variant NAME] [--capture] [--no-image-mask] [--json]',
    help: `Takes the results of a job that "ml-image export" wrote, once it ran, into the result directory
of the build it tested, as the smoke result of the variant and platform it ran: "ml-image report
--results DIR" then shows them (saying where they ran), and "ml-image run --stages attest --out DIR"
signs them as the smoke attestation of that platform's digest.

  --slurm DIR     the job's results directory (the export's DIR/results/<job id>), or the export
                  directory when it holds one job's results
  --k8s FILE      the pods' log: kubectl logs -l ml-image-action/job=NAME --tail=-1 > FILE
                  (--prefix and --timestamps are read too); pod 0's results are taken
  --out DIR       the build's result directory (DIR/build.json, as "ml-image build --out DIR" and
                  "ml-image export --from DIR" have it): the job's image must be one of its variants
  --variant NAME  the variant, where the image's digest is in more than one
  --capture       also capture the target's environment record (which the report needs) on this
                  machine's engine, unless the directory holds one of the image: the image is
                  pulled by digest and the probe runs in it, as "ml-image capture" does; for a
                  result directory whose smoke stage did not run
  --no-image-mask do not read the image's config from its registry (see below)
  --json          print what was written as JSON

The platform is the one the job's node pulled (its machine: x86_64 is linux/amd64, aarch64
linux/arm64). Each suite's result becomes a test, a failing one with the end of its stderr (redacted)
and, where the failure table knows it, its cause. A job that ended before every suite ran (cancelled,
out of time, the import failed) is collected as stopped: shown, never attested. An earlier smoke
result of the target is replaced.

What the job wrote is masked as the smoke stage masks a test's output: secret names' values, token
shapes, URL logins, and the image's own secret environment values by value (WANDB_API_KEY's value,
printed alone by a test). For those, the image's config is read from its registry (two or
three small reads by digest, no pull), logged in as docker would; --no-image-mask skips that read
where the registry cannot be reached.

Exit codes: 0 collected (whatever the tests say: the report and the job's own exit status tell);
2 bad input (no job results there, a file that does not parse, a results file that is a symbolic
link, a result of a test the job does not run or of another test than its file names, a pod log
holding two runs, an image that build.json does not hold, a node of a platform the variant was not
built for; with --capture, an image this machine
cannot pull, as no login here, or one without python3); 3 the image's config could not be read from
its registry, or (--capture) no Docker engine or registry; 1 (--capture) the probe failed in the
image (an arm64 image on an amd64 machine needs QEMU's binfmt handlers).`,
    async run(argv, io) {
        const { values } = (0,args/* parseCommandArgs */.Qx)('collect', argv, COLLECT_OPTIONS);
        if ((values.slurm === undefined) === (values.k8s === undefined))
            throw new errors/* InputError */.dz('collect: pass exactly one of --slurm DIR or --k8s LOGFILE');
        if (values.out === undefined)
            throw new errors/* InputError */.dz('collect: --out DIR is required: the result directory of the build the job tested (DIR/build.json)');
        const outDir = external_node_path_default().resolve(io.cwd, values.out);
        if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(outDir, results_results/* BUILD_FILE */.oS)))
            throw new errors/* InputError */.dz(`collect: --out ${values.out}: no ${results_results/* BUILD_FILE */.oS} in ${outDir}`, 'give the result directory of the build the job tested ("ml-image build --out DIR", the --from DIR of "ml-image export")');
        // Held before the job's files are read: another run writing there now is refused at once.
        const results = (0,results_results/* openResultDir */.lR)(outDir, `--out ${values.out}`);
        const { job, from } = values.slurm !== undefined ? readSlurm(values.slurm, io.cwd) : readK8s(values.k8s, io.cwd);
        const build = results.readBuild({ what: 'build result (--out)' });
        const target = collectTarget(job.meta, build, external_node_path_default().join(values.out, results_results/* BUILD_FILE */.oS), values.variant);
        const result = collectedSmokeResult(job, target, await imageMask(target, io, values['no-image-mask']));
        // Captured first: a capture that fails leaves the directory as it was. A record of this image
        // there (the smoke stage's, with its runner's GPUs and the run's secrets masked) is kept.
        const own = values.capture &&
            hasOwnEnv(results, target, (line) => io.stderr(`warning: collect: --capture: ${line}\n`));
        if (own)
            io.stderr(`collect: --capture: ${values.out} already holds the environment record of ${target.image} (${(0,results_results/* recordFile */.mR)('env', target.variant, target.platform)}): kept\n`);
        const record = values.capture && !own ? await captureTarget(target, io) : undefined;
        results.writeSmoke(target.variant, target.platform, result);
        results.removeSmokeKey(target.variant, target.platform);
        if (record)
            results.writeEnv(target.variant, target.platform, record);
        const envFile = record && external_node_path_default().join(outDir, (0,results_results/* recordFile */.mR)('env', target.variant, target.platform));
        const warning = envWarning(results, target, values.out);
        if (warning !== undefined)
            io.stderr(`${warning}\n`);
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
            ...(envFile !== undefined && { envRecord: envFile }),
        };
        io.stdout(values.json
            ? `${JSON.stringify(summary, null, 2)}\n`
            : [
                `collected ${result.tests.length} test(s) of ${(0,util_text/* printable */.g$)(summary.ranOn)}: ${pass} passed, ${fail} failed, ${skip} skipped`,
                `  ${target.variant} on ${target.platform} (${target.image})`,
                `  written to ${file}`,
                ...(envFile !== undefined ? [`  environment record captured here: ${envFile}`] : []),
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

/***/ 91121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ ownSmoke),
/* harmony export */   q: () => (/* binding */ ownEnv)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_platform_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15063);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _results_results_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98510);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49997);
// The records a report reads by their file names (env-<variant>-<arch>.json, smoke-...json): each is
// the one its name says, by its own variant and platform, as `ml-image diff` checks the two records
// it compares. A record of another variant or platform (a file copied under another's name, an
// edited artifact) would be reported, and saved as the baseline, as that target's: refused, exit 2,
// naming the file and both values. linux/arm64/v8 is linux/arm64 (normalizePlatform); a record
// that names no variant (an older one, `ml-image capture` of an image without the label) is not
// checked on it.





/** RESULTS' record FILE of KIND as read, refused when its own target is not VARIANT and PLATFORM. */
function checked(results, kind, [variant, platform], read, own) {
    if (read === null)
        return null;
    const { variant: v, platform: p } = own(read);
    const wrong = [
        ...(v !== undefined && v !== null && v !== variant
            ? [`variant ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(v)} (its file name says ${variant})`]
            : []),
        ...((0,_config_platform_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizePlatform */ .FL)(p) !== (0,_config_platform_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizePlatform */ .FL)(platform)
            ? [`platform ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_3__/* .printable */ .g$)(p)} (its file name says ${platform})`]
            : []),
    ];
    if (wrong.length === 0)
        return read;
    const name = (0,_results_results_js__WEBPACK_IMPORTED_MODULE_2__/* .recordFile */ .mR)(kind, variant, platform);
    const file = results.dir === undefined ? name : node_path__WEBPACK_IMPORTED_MODULE_0___default().join(results.dir, name);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${file}: the ${kind === 'env' ? 'environment record' : 'smoke result'} is of ${wrong.join(' and ')}: another image's, which the report would show as ${variant} on ${platform}`, `put each record under its own name (${kind}-<variant>-<arch>.json, as the smoke stage writes it), or run the smoke stage again to write this one`);
}
/** The environment record of VARIANT on PLATFORM in RESULTS, when it is that target's (else exit 2). */
const ownEnv = (results, variant, platform) => checked(results, 'env', [variant, platform], results.readEnv(variant, platform), (r) => r.image);
/** The smoke result of VARIANT on PLATFORM in RESULTS, when it is that platform's (else exit 2). */
const ownSmoke = (results, variant, platform) => checked(results, 'smoke', [variant, platform], results.readSmoke(variant, platform), (r) => r);


/***/ }),

/***/ 48238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _K: () => (/* binding */ bundledBaseline),
  wC: () => (/* binding */ floorsArg),
  oU: () => (/* binding */ loadBaseline)
});

// UNUSED EXPORTS: BaselineSchema, FLOOR_METRICS

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/json-file.ts + 1 modules
var json_file = __webpack_require__(20317);
// EXTERNAL MODULE: ./src/util/parse-input.ts
var parse_input = __webpack_require__(91814);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/smoke/baselines.json
const baselines_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"floorFraction":0.75,"gpus":[{"name":"NVIDIA H100 SXM","match":"\\\\bH100\\\\b.*\\\\bHBM3\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":794.5},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.0+cu126; best shape 2048x2048x13312","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H200","match":"\\\\bH200\\\\b(?!.*\\\\bNVL\\\\b)","computeCapability":"9.0","memoryGiB":{"min":135,"max":145},"measured":{"bf16_tflops":727.7,"fp16_tflops":762.7,"tf32_tflops":395.6,"fp32_tflops":51},"method":"ml-image smoke compute: CUDA events after a 10 s warm-up, best of 9 shapes (bf16 best at 6144^3; 680.9 at 8192^3), 700 W, torch 2.11 + CUDA 13.0, driver 580.159.04","source":"docs/gpu-floors.md#nvidia-h200"},{"name":"NVIDIA GH200 144G HBM3e","match":"\\\\bGH200\\\\b.*\\\\bHBM3e\\\\b","computeCapability":"9.0","memoryGiB":{"min":135,"max":150},"measured":{"bf16_tflops":828.6},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126, 900 W 141 GiB HBM3e version; best shape 1024x15360x4096","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 SXM","match":"\\\\bA100-SXM\\\\d?\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":271.2},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126; best shape 1024x10240x5120","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 PCIe","match":"\\\\bA100\\\\b.*\\\\bPCIE\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":252.9},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.5.1+cu124; best shape 2048x5120x6144 (the memory size is not stated)","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H100 PCIe","match":"\\\\bH100\\\\b.*\\\\bPCIe\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":495.9,"fp16_tflops":458},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (bf16 at 4096^2, fp16 at 2048^2), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/95"},{"name":"NVIDIA L40S","match":"\\\\bL40S\\\\b","computeCapability":"8.9","memoryGiB":{"min":42,"max":48},"measured":{"bf16_tflops":269.2,"fp16_tflops":264},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken, torch 2.8.0+cu128, in a Docker container; one community submission (its summary row: FP32 46.88, FP16 264.02, BF16 269.15)","source":"https://github.com/zzc0721/torch-performance-test-data/issues/43"},{"name":"NVIDIA L4","match":"\\\\bL4\\\\b","computeCapability":"8.9","memoryGiB":{"min":20,"max":24},"measured":{"bf16_tflops":70.9,"fp16_tflops":68.8},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (both at 2048^2; 55-59 at 4096^2 and up: a 72 W card), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/120"},{"name":"NVIDIA B200","match":"\\\\bB200\\\\b","computeCapability":"10.0","memoryGiB":{"min":170,"max":185},"measured":{"bf16_tflops":1745},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.1+cu128; best shape 1792x16128x3072","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA GB200","match":"\\\\bGB200\\\\b","computeCapability":"10.0","measured":{"bf16_tflops":1822},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.10.0.dev20250916+cu130; best shape 4096x9728x2048","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA B300 SXM","match":"\\\\bB300\\\\b","computeCapability":"10.3","measured":{"bf16_tflops":1769},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.9.1+cu130; best shape 12288x18432x1024","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"}],"ddp":[]}');
;// CONCATENATED MODULE: ./src/smoke/portable-pattern.ts
// A floors row's `match` is checked here (JavaScript, new RegExp(s, 'i')) and used by the smoke
// script (Python, re.search(s, name, re.I)). The two engines read much alike but not all of it:
// JavaScript takes `(?<!NVL.*)H200` (Python only fixed-width lookbehind), `[^]` (any character;
// Python: a class that starts with "]") or `\cA` (Python: an error), and the script would then
// fail compute-gpu after its benchmark. So a pattern must keep to a subset both read the same way,
// and a construct outside it is named (exit 2 at validation, before anything runs). Pure.
/** Escapes both engines read alike, outside and inside a class (\b in a class: a backspace in both). */
const SHARED_ESCAPES = new Set('dDwWsSbtnrfv');
/** The escapes that stand for a class of characters (no end of a range in Python). */
const CLASS_ESCAPES = new Set('dDwWsS');
/** Python's quantifier limit is larger; a count past this is no GPU name's. */
const MAX_REPEAT = 65535;
/** Escapes of a letter or digit that JavaScript (without the u flag) and Python read differently. */
const ESCAPE_PROBLEMS = {
    c: 'the control escape "\\c" (JavaScript only: an error in Python)',
    p: 'the property escape "\\p{...}" (a letter p in JavaScript without the u flag, an error in Python)',
    P: 'the property escape "\\P{...}" (a letter P in JavaScript without the u flag, an error in Python)',
    B: 'the non-boundary "\\B" (Python never matches it in an empty text; in a class an error)',
    A: 'the escape "\\A" (a letter A in JavaScript, an anchor in Python)',
    Z: 'the escape "\\Z" (a letter Z in JavaScript, an anchor in Python)',
};
/** N hex digits at S[FROM]. */
const hexDigits = (s, from, n) => new RegExp(`^[0-9A-Fa-f]{${n}}`).test(s.slice(from));
/** Why the escape at S[I] is not read alike, or undefined; `len`: the characters it takes. */
function escapeProblem(s, i) {
    const n = s[i + 1] ?? '';
    if (SHARED_ESCAPES.has(n))
        return { len: 2 };
    if (n === 'x')
        return hexDigits(s, i + 2, 2)
            ? { len: 4 }
            : { problem: '"\\x" without two hex digits (a letter x in JavaScript, an error in Python)', len: 2 };
    if (n === 'u')
        return hexDigits(s, i + 2, 4)
            ? { len: 6 }
            : {
                problem: '"\\u" without four hex digits (JavaScript and Python read "\\u{...}" differently)',
                len: 2,
            };
    if (/[0-9]/.test(n))
        return {
            problem: `the backreference or octal escape "\\${n}" (read differently by JavaScript and Python)`,
            len: 2,
        };
    if (/[A-Za-z]/.test(n))
        return {
            problem: ESCAPE_PROBLEMS[n] ?? `the escape "\\${n}" (a letter ${n} in JavaScript, an error in Python)`,
            len: 2,
        };
    return { len: 2 }; // an escaped punctuation character or space: itself in both
}
/** The group opening at S[I] ("("): a problem for any "(?" but (?:, (?= and (?!. */
function groupProblem(s, i) {
    if (s[i + 1] !== '?')
        return undefined;
    const head = s.slice(i, i + 4);
    if (/^\(\?[:=!]/.test(head))
        return undefined;
    if (head === '(?<=' || head === '(?<!')
        return `the lookbehind "${head}" (refused, fixed-width or not: Python takes only a fixed-width one, JavaScript any; use a lookahead, e.g. "H200(?!.*NVL)")`;
    if (/^\(\?(P|<)/.test(head))
        return `the named group "${head}..." (its syntax differs between JavaScript and Python)`;
    return `"${head.slice(0, 3)}" (inline flags and other extensions: only (?:, (?= and (?! are read alike)`;
}
/** The class opening at S[I] ("["): where it ends (after its "]"), or a problem and where it is. */
function classProblem(s, i) {
    let j = i + 1;
    if (s[j] === '^')
        j++;
    if (s[j] === ']')
        return {
            problem: `"${s.slice(i, j + 1)}" (JavaScript: ${j === i + 1 ? 'a class of nothing' : 'any character'}; Python: a class that starts with "]")`,
            pos: i,
        };
    const first = j;
    const classEscapeAt = (k) => s[k] === '\\' && CLASS_ESCAPES.has(s[k + 1] ?? '');
    for (; j < s.length && s[j] !== ']'; j++) {
        const c = s[j];
        if (c === '\\') {
            const e = escapeProblem(s, j);
            if (e.problem)
                return { problem: e.problem, pos: j };
            // JavaScript reads "[\d-z]" as \d, "-" and z; Python refuses the range.
            if (classEscapeAt(j) && s[j + 2] === '-' && s[j + 3] !== ']')
                return { problem: `a range from "\\${s[j + 1]}" (escape the "-" as "\\-")`, pos: j };
            j += e.len - 1;
        }
        else if (c === '-' && j > first && classEscapeAt(j + 1))
            return { problem: `a range to "\\${s[j + 2]}" (escape the "-" as "\\-")`, pos: j };
        else if (c === '[')
            return { problem: 'a "[" inside a class (Python may read a nested set: escape it as "\\[")', pos: j };
        else if (['&&', '--', '||', '~~'].includes(s.slice(j, j + 2)))
            return {
                problem: `"${s.slice(j, j + 2)}" inside a class (Python may read a set operation: escape one of them)`,
                pos: j,
            };
    }
    return { end: j + 1 };
}
/** The "{" at S[I]: a quantifier {n}, {n,} or {n,m} (its length), else a problem. */
function braceProblem(s, i) {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(s.slice(i));
    if (!m)
        return {
            problem: 'a "{" that is no quantifier {n}, {n,} or {n,m} ("{,3}" is a quantifier in Python, text in JavaScript: escape a literal one as "\\{")',
            len: 1,
        };
    if (Number(m[1]) > MAX_REPEAT || (m[2] !== undefined && m[2] !== '' && Number(m[2]) > MAX_REPEAT))
        return { problem: `the quantifier "${m[0]}" (at most ${MAX_REPEAT})`, len: m[0].length };
    return { len: m[0].length };
}
/**
 * Why S is not a regular expression JavaScript and Python read the same way (case-insensitively),
 * naming the construct and where it starts; undefined when it is one. The subset: characters,
 * escaped punctuation, \d \D \w \W \s \S \b \t \n \r \f \v \xHH \uHHHH, classes (no "[]", "[^]",
 * nested "[" or "&&"-style pairs, no range to or from a class escape), groups ( ), (?: ), lookaheads
 * (?= ) and (?! ), alternation, anchors ^ $, and the quantifiers * + ? {n} {n,} {n,m} (lazy too).
 * Those match alike on one line of ASCII text, as device names are (on other text \w, \d and \b
 * are Unicode-aware in Python only, "." takes "\r" in Python only, and "$" in Python also matches
 * before a last "\n").
 */
function portablePatternProblem(s) {
    try {
        new RegExp(s, 'i');
    }
    catch (e) {
        return `not a regular expression (${e.message})`;
    }
    const at = (problem, i) => `${problem} at character ${i + 1}`;
    for (let i = 0; i < s.length;) {
        const c = s[i];
        if (c === '\\') {
            const e = escapeProblem(s, i);
            if (e.problem)
                return at(e.problem, i);
            i += e.len;
        }
        else if (c === '[') {
            const k = classProblem(s, i);
            if ('problem' in k)
                return at(k.problem, k.pos);
            i = k.end;
        }
        else if (c === '(') {
            const g = groupProblem(s, i);
            if (g)
                return at(g, i);
            i += 1;
        }
        else if (c === '{') {
            const b = braceProblem(s, i);
            if (b.problem)
                return at(b.problem, i);
            i += b.len;
        }
        else
            i += 1;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/smoke/baselines.ts
// Per-GPU throughput floors as data (baselines.json, or the config's smoke.baseline file): one row
// per GPU model with the figures measured on it, how and where, and a floor at floorFraction of
// each, as DCGM diag and nccl-tests do. The smoke script judges (images/probe/ml_image_smoke.py
// matches the row on the GPU it runs on); this side checks the table and hands it over, the same
// way to `ml-image smoke` and to the exported Slurm/Kubernetes jobs.








/**
 * A regular expression both JavaScript and Python read alike (portable-pattern.ts): checked here,
 * used there. A construct outside that subset is named with where it is.
 */
const pattern = schemas/* string */.YjP()
    .min(1)
    .superRefine((s, ctx) => {
    const problem = portablePatternProblem(s);
    if (problem !== undefined)
        ctx.addIssue({
            code: 'custom',
            message: `expected a regular expression JavaScript and Python read alike (matched case-insensitively): ${problem}`,
        });
});
const fraction = schemas/* number */.aig().gt(0).lte(1);
/**
 * The metrics the compute suite measures on a GPU and the script judges against a row's figures
 * (images/probe/ml_image_smoke.py compute: `<dtype>_tflops`). A key it does not measure would never
 * be judged: a row matched first would switch the floor off without a word.
 */
const FLOOR_METRICS = ['bf16_tflops', 'fp16_tflops', 'tf32_tflops', 'fp32_tflops'];
/** The metric KEY was likely meant: a close spelling, else the one it starts ("bf16" -> bf16_tflops). */
function metricHint(key) {
    const lower = key.toLowerCase();
    return ((0,util_text/* closestWord */.En)(key, FLOOR_METRICS) ??
        (lower.length >= 4 ? FLOOR_METRICS.find((m) => m.startsWith(lower)) : undefined));
}
/** A row's figures: only metrics of FLOOR_METRICS, each problem named by its key. */
const measured = schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* number */.aig().positive())
    .superRefine((m, ctx) => {
    for (const key of Object.keys(m)) {
        if (FLOOR_METRICS.includes(key))
            continue;
        const hint = metricHint(key);
        ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `not a metric the compute suite measures${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${FLOOR_METRICS.join(', ')}`,
        });
    }
})
    .refine((m) => Object.keys(m).length > 0, { error: 'no figure measured' });
const GpuRow = schemas/* strictObject */.rej({
    /** The row's name, reported as floor_gpu. */
    name: schemas/* string */.YjP().min(1),
    /** Matched case-insensitively on the torch device name, any " MIG ..." suffix stripped. */
    match: pattern,
    /** major.minor; the row applies only to a GPU of this compute capability. */
    computeCapability: schemas/* string */.YjP()
        .regex(/^\d+\.\d+$/, { error: 'expected major.minor, e.g. "9.0"' })
        .optional(),
    /** The GPU's memory in GiB as torch reports it (not checked for a MIG slice). */
    memoryGiB: schemas/* strictObject */.rej({ min: schemas/* number */.aig().nonnegative(), max: schemas/* number */.aig().positive() })
        .refine((m) => m.min <= m.max, { error: 'min is above max' })
        .optional(),
    /** This row's floor fraction, instead of the table's. */
    floorFraction: fraction.optional(),
    /** metric -> the figure measured, e.g. bf16_tflops -> 794.5 (the floor is floorFraction of it). */
    measured,
    /** How the figures were measured (shapes, warm-up, timing, power). */
    method: schemas/* string */.YjP().min(1).optional(),
    /** Where the figures come from: a URL, or a file of this repository. */
    source: schemas/* string */.YjP().min(1),
});
const DdpRow = schemas/* strictObject */.rej({
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
const BaselineSchema = schemas/* strictObject */.rej({
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
    let json;
    try {
        json = (0,json_file/* readJsonFile */.JE)(file, { what: 'smoke.baseline file' });
    }
    catch (e) {
        // Named by its field first, as the schema's problems below are ("smoke.baseline: ...").
        if (!(e instanceof errors/* InputError */.dz))
            throw e;
        throw new errors/* InputError */.dz(`smoke.baseline: ${e.message}`, e.fix);
    }
    const r = (0,parse_input/* boundedSafeParse */.Aw)(BaselineSchema, json);
    if ('overflow' in r)
        throw new errors/* InputError */.dz(`smoke.baseline: ${file}: too many problems to list (zod ran out of stack)`);
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
