export const id = 18;
export const ids = [18];
export const modules = {

/***/ 52013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vy: () => (/* binding */ gpuPinOf),
/* harmony export */   Y7: () => (/* binding */ noGpuReason),
/* harmony export */   i8: () => (/* binding */ gpusLine),
/* harmony export */   j_: () => (/* binding */ containerGpus)
/* harmony export */ });
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

/***/ 91018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yi: () => (/* reexport */ interrupt/* SmokeInterruptedError */.Yi),
  KI: () => (/* binding */ resolveGpuChoice),
  Lw: () => (/* binding */ runSmoke)
});

// UNUSED EXPORTS: OUTPUT_KEEP_CHARS, isDaemonGone, resolveGpus

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/util/images-dir.ts
var images_dir = __webpack_require__(29882);
// EXTERNAL MODULE: ./src/python/entry-python.ts
var entry_python = __webpack_require__(57953);
// EXTERNAL MODULE: ./src/docker/cdi.ts
var cdi = __webpack_require__(78446);
// EXTERNAL MODULE: ./src/smoke/gpu-pin.ts
var gpu_pin = __webpack_require__(52013);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/docker/failures.ts
var failures = __webpack_require__(76873);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/cleanup.ts + 1 modules
var cleanup = __webpack_require__(38201);
// EXTERNAL MODULE: ./src/smoke/classify.ts + 1 modules
var classify = __webpack_require__(7171);
// EXTERNAL MODULE: ./src/smoke/interrupt.ts
var interrupt = __webpack_require__(16102);
// EXTERNAL MODULE: ./src/smoke/output.ts
var smoke_output = __webpack_require__(71800);
// EXTERNAL MODULE: ./src/smoke/result.ts
var result = __webpack_require__(3228);
;// CONCATENATED MODULE: ./src/smoke/session.ts
// One smoke run's shared state and its rules: every test runs in its own container of the image
// (timeout per test, output kept, the container removed in every case); a test's result is kept
// whatever happens; a daemon that goes away ends the run with the results so far.










/** A test's --verbose line saying what its time went to. */
function timing(s, id, line) {
    s.output?.(`timing: ${line}\n`, id);
}
/**
 * The engine refused to start a test's container: it answered the create/start with an error
 * ("could not select device driver", "nvidia-container-cli: requirement error", an OCI runtime
 * error). That test fails with the engine's message; the run goes on.
 */
class ContainerStartError extends Error {
    engineMessage;
    constructor(
    /** What the engine said, without the client's "(HTTP code 500) server error - " prefix. */
    engineMessage, options) {
        super(`the container did not start: ${engineMessage}`, options);
        this.engineMessage = engineMessage;
        this.name = 'ContainerStartError';
    }
}
/** An error answer of the engine's API (dockerode's errors carry the HTTP status). */
function isEngineRefusal(e) {
    const status = typeof e === 'object' && e !== null ? Reflect.get(e, 'statusCode') : undefined;
    return typeof status === 'number' && status >= 400;
}
/**
 * Runs a test's container with the run's image, platform and timeout; the GPUs only when the test
 * uses one (`gpu`), no network unless the spec asks (the runtime hardens every container).
 */
function containerRunner(input, deps, current, mask = (text) => text) {
    return async ({ gpu, ...spec }) => {
        let outcome;
        // Whole lines, redacted (the image's own secret values too): a secret cut between two chunks is
        // still masked. One per stream: a stderr line does not end a secret's block that stdout opened.
        const shown = (text) => deps.output(mask(text), current());
        const live = deps.output && { stdout: (0,smoke_output/* liveLines */.Ys)(shown), stderr: (0,smoke_output/* liveLines */.Ys)(shown) };
        try {
            outcome = await deps.docker.runContainer({
                ...(live && { onOutput: (chunk, stream) => live[stream].push(chunk) }),
                image: input.runImage ?? input.image,
                ...(input.platform !== undefined && { platform: input.platform }),
                ...(input.gpus === 'all' && gpu === true && { gpus: (0,gpu_pin/* containerGpus */.j_)(input.pin) }),
                network: 'none',
                labels: { 'io.github.ml-image-action.stage': 'smoke' },
                timeoutMs: input.timeoutMs,
                ...spec,
            });
        }
        catch (e) {
            // The container removed by the cleanup of SIGINT/SIGTERM/SIGHUP: the run ends as interrupted.
            const stopped = !(e instanceof cleanup/* InterruptedError */.p4) &&
                (0,cleanup/* interruptedFailure */.rn)("the test's container", (0,interrupt/* firstLine */.TM)((0,interrupt/* errorMessage */.gJ)(e)), e);
            if (stopped)
                throw stopped;
            // No daemon: the run ends (guarded), as before.
            if (e instanceof errors/* EnvironmentError */.eG || (0,interrupt/* isDaemonGone */.W$)(e))
                throw e;
            // The engine refused to start the command (an image without /bin/sh runs it unwrapped, and
            // the OCI runtime then reports a missing program itself): the test's own failure, exit 127.
            const message = (0,interrupt/* errorMessage */.gJ)(e);
            if (smoke_output/* MISSING_PROGRAM */.WQ.test(message))
                return { exitCode: 127, stdout: '', stderr: message, timedOut: false };
            // The engine answered, and did not start the container (no GPU runtime, a driver older than
            // the image's CUDA, an OCI runtime error): that test's failure, classified like any other.
            if (isEngineRefusal(e))
                throw new ContainerStartError((0,failures/* engineMessage */.g4)(e), { cause: e });
            throw e;
        }
        finally {
            live?.stdout.flush();
            live?.stderr.flush();
        }
        // Killed by a signal the runner did not send (exit 128 + N without a timeout): the cleanup of
        // SIGINT/SIGTERM/SIGHUP removed the container, or a daemon that shuts down stopped it (and
        // answers no more: the ping's EnvironmentError). Either ends the run as interrupted (guarded),
        // the test not recorded as one that failed on its own, its results never reused.
        if (!outcome.timedOut && outcome.exitCode !== null && outcome.exitCode > 128) {
            const stopped = (0,cleanup/* interruptedFailure */.rn)("the test's container", `exit code ${outcome.exitCode}`);
            if (stopped)
                throw stopped;
            if (outcome.exitCode === 137 || outcome.exitCode === 143)
                await deps.docker.ping();
        }
        return outcome;
    };
}
/** A test that did not run, with the reason. */
function skipped(id, suite, reason) {
    return { id, suite, status: 'skip', reason, durationMs: 0, metrics: {} };
}
/**
 * A GPU test on a runner without GPUs: skipped, or failed when require-gpu is set; skipped with
 * the reason when the image gets no GPU whatever the run has (gpuWithheld). The runner's pin, when
 * it gave the run none: the reason names the variable.
 */
function gpuAbsent(id, suite, input) {
    const { pin, gpuWithheld } = input;
    if (gpuWithheld !== undefined)
        return skipped(id, suite, gpuWithheld);
    const why = pin !== undefined && pin.devices.length === 0 ? (0,gpu_pin/* noGpuReason */.Y7)(pin) : undefined;
    return input.requireGpu
        ? {
            id,
            suite,
            status: 'fail',
            reason: `no GPU on this runner${why ? ` (${why})` : ''}, and require-gpu is set`,
            durationMs: 0,
            metrics: {},
        }
        : skipped(id, suite, `no GPU on this runner (${why ?? 'run on a GPU runner, or --gpus all'})`);
}
/** The result so far: failures classified, summary counted, secrets redacted. */
function finishResult(s) {
    for (const t of s.tests) {
        // A cause known already (a custom test without gpu: true on a GPU run: custom.ts) stands.
        if (t.status !== 'fail' || t.cause !== undefined)
            continue;
        const cause = (0,classify/* classifyFailure */.X)(`${t.reason ?? ''}\n${t.output ?? ''}`);
        if (cause)
            t.cause = cause;
    }
    const count = (st) => s.tests.filter((t) => t.status === st).length;
    return (0,redact/* redactDeep */.KL)({
        schemaVersion: result/* SMOKE_RESULT_SCHEMA_VERSION */.Nn,
        image: s.input.image,
        platform: s.platform,
        gpus: s.input.gpus,
        tests: s.tests,
        summary: {
            pass: count('pass'),
            fail: count('fail'),
            skip: count('skip'),
            durationMs: Date.now() - s.startedAt,
        },
    });
}
/** Adds a test's result and its progress line. */
function record(s, t) {
    s.tests.push(masked(s, t));
    report(s, t);
}
/**
 * T with the image's secret values masked in its reason and output (SmokeSession.mask), in place:
 * every test is, as it is added (record, guarded), before its progress line.
 */
function masked(s, t) {
    if (!s.mask)
        return t;
    if (t.reason !== undefined)
        t.reason = s.mask(t.reason);
    if (t.output !== undefined)
        t.output = s.mask(t.output);
    return t;
}
function report(s, t) {
    // The id and reason as the image gave them, escaped: a line break would forge a progress line.
    const reason = t.reason ? ` (${(0,util_text/* printable */.g$)(t.reason)})` : '';
    s.progress(`smoke ${(0,util_text/* printable */.g$)(t.id)}: ${t.status}${reason} in ${(t.durationMs / 1000).toFixed(1)}s`);
}
/** The end of the run: the daemon went away (or the engine failed) during test ID. */
function interrupted(s, failed, e) {
    const gone = (0,interrupt/* isDaemonGone */.W$)(e) || interrupt/* DAEMON_TEXT */.rj.test(e instanceof Error ? e.message : '');
    // The engine's message may quote a secret (a URL's login, a token), as the siblings' reasons do.
    const message = (0,interrupt/* firstLine */.TM)((0,redact/* redactText */.Rd)((0,interrupt/* errorMessage */.gJ)(e)));
    failed.reason = gone
        ? `the Docker daemon went away during ${failed.id}: ${message}`
        : `${message} (during ${failed.id})`;
    record(s, failed);
    return new interrupt/* SmokeInterruptedError */.Yi(failed.reason, e instanceof errors/* EnvironmentError */.eG && e.fix
        ? e.fix
        : 'check that the Docker daemon is running (docker info), then run the smoke stage again; the results of the tests that finished are kept', 
    // Marked: a later stage (the attest job, `--stages attest`) reading it back from the result
    // directory must not take these results so far for a finished run's.
    { ...finishResult(s), interrupted: failed.reason }, e);
}
/**
 * Run one test: its result is kept whatever happens. A test that throws is a failed test with
 * the error as its reason; a daemon that goes away ends the run with the results so far.
 */
async function guarded(s, id, suite, fn) {
    const started = Date.now();
    s.current = id;
    try {
        s.tests.push(masked(s, await fn()));
    }
    catch (e) {
        const failed = {
            id,
            suite,
            status: 'fail',
            reason: '',
            durationMs: Date.now() - started,
            metrics: {},
        };
        if (e instanceof ContainerStartError) {
            // Classified with the others (finishResult): the engine's message is the test's output.
            failed.reason = `the container did not start: ${(0,interrupt/* firstLine */.TM)((0,redact/* redactText */.Rd)(e.engineMessage))}`;
            failed.output = (0,smoke_output/* tail */.RT)(e.engineMessage);
        }
        else if (e instanceof errors/* EnvironmentError */.eG || (0,interrupt/* isDaemonGone */.W$)(e))
            throw interrupted(s, failed, e);
        else
            failed.reason = `the test could not run: ${(0,interrupt/* firstLine */.TM)((0,redact/* redactText */.Rd)((0,interrupt/* errorMessage */.gJ)(e)))}`;
        s.tests.push(masked(s, failed));
    }
    report(s, s.tests.at(-1));
}
/** A test that needs python3 in the image: skipped once a test found none. */
function python(s, id, suite, fn) {
    return s.noPython !== undefined
        ? guarded(s, id, suite, async () => skipped(id, suite, `no python3 in the image (see ${s.noPython})`))
        : guarded(s, id, suite, fn);
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/smoke/baselines.ts + 2 modules
var baselines = __webpack_require__(48238);
// EXTERNAL MODULE: ./src/docker/streams.ts + 1 modules
var streams = __webpack_require__(75530);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/docker/deadline.ts
var deadline = __webpack_require__(33862);
;// CONCATENATED MODULE: ./src/smoke/batch-start.ts
// The start limit of a shared smoke process (batch.ts). A python3 that hangs as it starts (a `.pth`
// file or a sitecustomize of the image that blocks, before the smoke script runs) reaches no test,
// so no test's watchdog ever runs, and the container's own limit (every planned test's timeout and
// a minute) held the run for all of it. The process is stopped instead once its first test has not
// begun within that test's own timeout and PYTHON_START_ALLOWANCE_MS, counted from the container's
// start; that test fails saying python3 did not start, and the later tests of the process are not
// run (they would hang the same way), nor are the later processes of the run (the same python3).

/**
 * On top of the first test's timeout. A test in a container of its own gets its timeout for
 * python3's start and the test together; here its watchdog starts at its start marker, so its
 * timeout alone already lets python3 start as long as a container of its own lets the whole test
 * run. What the allowance covers is the little the shared process does before that marker that a
 * container of its own does not: the smoke script's setup (reading its plan, the stat of each
 * file check's path, the early pip check started), well under a second natively and a few seconds
 * under QEMU (an arm64 image on an amd64 runner). The limit starts with the container (onStarted),
 * so an image pull and the engine's create and start are not in it.
 */
const PYTHON_START_ALLOWANCE_MS = 10_000;
/** Time for the container and python3 to start, on top of the tests' own timeouts. */
const STARTUP_ALLOWANCE_MS = 60_000;
/**
 * The container's own limit on a process of N tests: a backup for the tests' own watchdogs (a test
 * that holds the GIL in native code for its whole timeout is only stopped by it).
 */
const processLimitMs = (timeoutMs, n) => timeoutMs * n + STARTUP_ALLOWANCE_MS;
function startLimit(timeoutMs) {
    const ms = timeoutMs + PYTHON_START_ALLOWANCE_MS;
    const controller = new AbortController();
    let timer;
    let begun = false;
    const off = () => {
        if (timer)
            clearTimeout(timer);
        timer = undefined;
    };
    return {
        ms,
        signal: controller.signal,
        armed: () => {
            if (!begun && !timer)
                timer = setTimeout(() => controller.abort(), (0,deadline/* timerMs */.Q2)(ms));
        },
        begun: () => {
            begun = true;
            off();
        },
        dispose: off,
    };
}
const seconds = (ms) => `${Math.round(ms / 100) / 10}s`;
/** The reason of the first test of a process stopped by its start limit (of LIMIT_MS). */
function notStartedReason(limitMs, timeoutMs) {
    return `python3 did not start within ${seconds(limitMs)} (the test's timeout of ${seconds(timeoutMs)} and ${seconds(PYTHON_START_ALLOWANCE_MS)} for python3 to start): no test of its process began, and the container was removed; a .pth file or sitecustomize of the image that blocks hangs python3 as it starts`;
}
/**
 * A process that timed out before it reached its first test, FIRST (python3 itself hung as it
 * started), would hang the same in a fresh container for each later test (REST): they are not run.
 * Stopped by its start limit (of LIMIT_MS), they say so, naming FIRST, whose reason says why, and
 * the batch remembers it (notRunAfterHang); stopped by the container's own limit (no start limit
 * ran: the run never said it started), they time out with it.
 */
function hungAtStart(b, first, rest, r, limitMs) {
    for (const x of rest)
        b.outcomes.set(x.id, {
            ...r,
            ...(limitMs !== undefined && {
                stopReason: `not run: python3 did not start within ${seconds(limitMs)} (see ${first})`,
            }),
            durationMs: 0,
            timing: 'not started: python3 hung before the first test of its process',
        });
    if (limitMs !== undefined)
        b.hungAtStart = { first, r, limitMs };
}
/**
 * The outcome of a test of a later process, once an earlier one of the run (this image and
 * platform: one python3) was stopped by its start limit: not run, as that process is not started
 * (it would hang the same and wait out a start limit of its own), naming the earlier process's
 * first test, whose reason says why. Undefined: no process hung as it started.
 */
function notRunAfterHang(b) {
    const h = b.hungAtStart;
    return (h && {
        ...h.r,
        stopReason: `not run: python3 did not start within ${seconds(h.limitMs)} in an earlier process (see ${h.first})`,
        durationMs: 0,
        timing: 'not started: python3 hung before the first test of an earlier process',
    });
}
/**
 * Whether the shared process gives test ID's outcome with no start of its own: a process ran it
 * already (its outcome is waiting), or ID is planned and an earlier process hung as python3 started
 * (notRunAfterHang: it is not run). Either way no start line for it, as for the suites' tests.
 */
function knownInBatch(s, id) {
    const b = s.batch;
    return Boolean(b && (b.outcomes.has(id) || (b.hungAtStart && b.steps.some((x) => x.id === id))));
}

;// CONCATENATED MODULE: ./src/smoke/batch.ts
// The shared process: the python3 tests of a smoke run (imports, pip-check, gpu, compute, train,
// ddp, custom file checks) run in ONE container and ONE python3 (one `import torch`), each between
// marker lines the smoke script prints (its `batch` mode). Each test's outcome is what its own
// container would have given (exit code, its stdout and stderr, timed out), so the suites read and
// classify it exactly as before. A test that fails, crashes or times out ends that process (the
// script stops after it; a timeout kills it); the tests after it run in a fresh one, so a broken
// CUDA context or a half-imported module never reaches another test. On a GPU run the tests that use
// a GPU share processes of their own (processSteps): the container of the others gets no GPU.



const MARK = '@@ml-image-smoke@@ ';
/** A fresh nonce for a batch's plan. */
const newNonce = () => (0,external_node_crypto_.randomBytes)(12).toString('hex');
const isMarker = (m, nonce) => typeof m.id === 'string' && typeof m.event === 'string' && m.nonce === nonce;
/**
 * The script writes each marker as "\n" MARK JSON "\n": the newline before it is the marker's. Only
 * lines with the batch's NONCE count.
 */
function markers(text, nonce) {
    const found = [];
    const head = `\n${MARK}`;
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
        const end = text.indexOf('\n', at + 1);
        if (end < 0)
            break; // cut off: the process died while writing it
        try {
            const m = JSON.parse(text.slice(at + head.length, end));
            if (isMarker(m, nonce))
                found.push({ m, from: at, to: end + 1 });
        }
        catch {
            // a line that only looks like a marker: output
        }
    }
    return found;
}
/** Per test id: its output on one stream (between its start marker and its end or the stream's end). */
function sections(text, nonce) {
    const out = new Map();
    let open;
    const close = (to, end) => {
        if (!open)
            return;
        out.set(open.m.id, {
            text: text.slice(open.from, Math.max(open.from, to)),
            ...(end?.event === 'end' && { end }),
            timedOut: end?.event === 'timeout',
        });
        open = undefined;
    };
    for (const { m, from, to } of markers(text, nonce)) {
        if (m.event === 'start') {
            close(from);
            open = { m, from: to };
        }
        else if (open?.m.id === m.id)
            close(from, m);
    }
    close(text.length);
    return out;
}
/** The first start marker's figure: seconds from the process's start to its first test. */
function processSeconds(text, nonce) {
    const first = markers(text, nonce).find((x) => x.m.event === 'start');
    return typeof first?.m.process_s === 'number' ? first.m.process_s : undefined;
}
/** The longest line held back waiting for its end (the live output's carry). */
const MAX_CARRY = 1024 * 1024;
/**
 * Live output without marker lines (nor the newline before each, which is the marker's): each
 * piece goes to EMIT with the test that printed it (a chunk may hold the end of one test and the
 * start of the next). Pieces are whole lines, each piece ending in a newline, so that every
 * consumer can print a piece as lines of its own: a line cut between two chunks (a marker's too)
 * waits for the rest of it, and a last empty line waits for the next line, being the newline of a
 * marker that may follow.
 */
function liveFilter(current, emit, nonce, 
/** Each test's start marker as it arrives: the process has reached that test. */
onStart) {
    let test;
    let carry = '';
    let blank = false;
    /** TEXT: whole lines from a line start. */
    const lines = (text) => {
        // The newline after a marker is looked at, not taken: it may be the next marker's (a look-alike's).
        const re = /(?:^|\n)@@ml-image-smoke@@ (\{[^\n]*\})(?=\n|$)/g;
        let from = 0;
        const out = (to) => {
            if (to <= from)
                return;
            // Text a marker followed at once: the marker's newline ended its last line.
            const piece = text.slice(from, to);
            emit(piece.endsWith('\n') ? piece : `${piece}\n`, test ?? current());
        };
        for (const m of text.matchAll(re)) {
            let marker;
            try {
                marker = JSON.parse(m[1]);
            }
            catch {
                continue;
            }
            if (!isMarker(marker, nonce))
                continue;
            out(m.index);
            from = m.index + m[0].length + (text[m.index + m[0].length] === '\n' ? 1 : 0);
            if (marker.event === 'start') {
                test = marker.id;
                onStart?.(marker.id);
            }
        }
        out(text.length);
    };
    const push = (raw) => {
        // Only the new chunk is searched for a line's end (what is carried has none): output without
        // newlines stays linear, and a line past MAX_CARRY is passed on as it is (no marker is so long).
        const nl = raw.lastIndexOf('\n');
        let text;
        if (nl < 0) {
            carry += raw;
            if (carry.length <= MAX_CARRY)
                return;
            text = `${carry}\n`;
            carry = '';
        }
        else {
            text = carry + raw.slice(0, nl + 1);
            carry = raw.slice(nl + 1);
        }
        let whole = (blank ? '\n' : '') + text;
        blank = whole === '\n' || whole.endsWith('\n\n');
        if (blank)
            whole = whole.slice(0, -1);
        lines(whole);
    };
    /** The stream ended: what was held back is output (no marker came after it). */
    const flush = () => {
        lines((blank ? '\n' : '') + carry);
        carry = '';
        blank = false;
    };
    return Object.assign(push, { flush });
}
/** The smoke script's bootstrap: written to /tmp in the container (torchrun needs a file), run there. */
const BOOT = `import base64,runpy,sys;p="/tmp/ml_image_smoke.py";open(p,"w").write(base64.b64decode(sys.argv[1]).decode());sys.argv=[p]+sys.argv[2:];runpy.run_path(p,run_name="__main__")`;
/** The smoke script run with python3 (a spec for SmokeSession.run). */
function scriptSpec(script, words) {
    return { entrypoint: ['python3'], cmd: ['-c', BOOT, Buffer.from(script).toString('base64'), ...words] };
}
const s1 = (ms) => `${(ms / 1000).toFixed(1)}s`;
/** The --verbose timing line of a test of the shared process. */
function timingLine(startupMs, processS, end) {
    const torch = end?.torch_import_ms ?? undefined;
    const parts = [
        startupMs !== undefined
            ? `container and python3 start ${s1(startupMs)}${processS !== undefined ? ` (python3 ${processS.toFixed(1)}s of it)` : ''}`
            : 'in the shared process (no container start)',
        ...(torch !== undefined ? [`import torch ${s1(torch)}`] : []),
        ...(end?.ms !== undefined ? [`the test ${s1(end.ms - (torch ?? 0))}`] : []),
    ];
    return parts.join(', ');
}
/**
 * The tests one process runs, headed by STEPS[AT]: the later tests of its kind (GPU tests with GPU
 * tests, the others with the others: only a process of GPU tests gets the GPUs), up to the next
 * test of its kind that needs a fresh process.
 */
function processSteps(steps, at) {
    const head = steps[at];
    const out = [head];
    for (const x of steps.slice(at + 1)) {
        if (Boolean(x.gpu) !== Boolean(head.gpu))
            continue;
        if (x.fresh)
            break;
        out.push(x);
    }
    return out;
}
/** The variable that hands the script the plan of its process (its argv stays the first test's). */
const BATCH_ENV = 'ML_IMAGE_SMOKE_BATCH';
/**
 * The most bytes of a plan in BATCH_ENV. Linux refuses a single variable or argument over 128 KiB
 * (MAX_ARG_STRLEN): the container's exec fails with "argument list too long" and every test of the
 * process with it. A plan stops before the step that would take it past this; a step too large
 * alone (imports of a lock file of thousands of names) runs in a container of its own, its words
 * each an argument of their own on the command line.
 */
const PLAN_ENV_MAX_BYTES = 64 * 1024;
/** The plan of a process of STEPS that fits PLAN_ENV_MAX_BYTES; undefined when not even its first step does. */
function fittingPlan(steps, timeoutS, nonce) {
    const plan = { nonce, steps: [] };
    // The JSON's size counted step by step: each step's own JSON and the comma before it.
    let bytes = Buffer.byteLength(JSON.stringify(plan));
    for (const x of steps) {
        const step = { id: x.id, argv: x.argv, timeout: timeoutS };
        bytes += Buffer.byteLength(JSON.stringify(step)) + (plan.steps.length > 0 ? 1 : 0);
        if (bytes > PLAN_ENV_MAX_BYTES)
            break;
        plan.steps.push(step);
    }
    return plan.steps.length > 0 ? plan : undefined;
}
/**
 * The variable that tells the smoke script a test's timeout in seconds: the ddp suite stops its
 * launcher within it (a hang is then reported with torchrun's output), instead of after 600 s.
 */
const SMOKE_TIMEOUT_ENV = 'ML_IMAGE_SMOKE_TIMEOUT';
/** The environment every run of the smoke script gets: the test's timeout. */
const timeoutEnv = (timeoutMs) => ({
    [SMOKE_TIMEOUT_ENV]: String(timeoutMs / 1000),
});
/**
 * The progress line of a process about to start: the tests it runs in turn (their results follow
 * when it ends), and the first of them running; each later one says so as the process reaches it.
 */
function announceProcess(s, steps) {
    if (steps.length > 1)
        s.progress(`smoke ${steps.map((x) => x.id).join(', ')}: one container runs these in turn`);
    s.progress(`smoke ${steps[0].id}: running`);
}
/**
 * One live filter per stream: both carry the markers, and a stream's test is its own markers' (one
 * filter for both would label stdout with the test that stderr has already moved on to). Each
 * stream's pieces go through a liveLines of their own (redacted, the lines of a secret's value
 * held back until its end: `DB_PASSWORD: |` then its block in the next chunk), a test's held lines
 * shown when the next test's start. The progress says which test runs as the process reaches it
 * (stdout's start markers; the first test said so as the process started: announceProcess).
 */
function streamFilters(s, steps, nonce, begun) {
    const emit = s.output ?? (() => undefined);
    const later = new Set(steps.slice(1).map((x) => x.id));
    const reached = (id) => {
        begun();
        if (later.has(id))
            s.progress(`smoke ${id}: running`);
    };
    const stream = (onStart) => {
        let live;
        const held = (text, test) => {
            if (live?.test !== test) {
                live?.lines.flush();
                live = { test, lines: (0,smoke_output/* liveLines */.Ys)((t) => emit(t, test)) };
            }
            live.lines.push(text);
        };
        const filter = liveFilter(() => s.current, held, nonce, onStart);
        return Object.assign((chunk) => filter(chunk), {
            flush: () => {
                filter.flush();
                live?.lines.flush();
            },
        });
    };
    return { stdout: stream(reached), stderr: stream() };
}
/**
 * Runs the process of STEPS (its PLAN): the container's outcome, how long it took, and the length
 * of its start limit when that stopped it (its first test had not begun: batch-start.ts).
 */
async function runProcess(s, steps, plan) {
    announceProcess(s, steps);
    const limit = startLimit(s.input.timeoutMs);
    const filters = streamFilters(s, steps, plan.nonce, limit.begun);
    const started = Date.now();
    // The command is the first test's own (as if it ran alone); the plan comes in the environment.
    const r = await s
        .run({
        ...scriptSpec(s.script, steps[0].argv),
        env: { [BATCH_ENV]: JSON.stringify(plan), ...timeoutEnv(s.input.timeoutMs) },
        ...(steps[0].gpu && { gpu: true }),
        // Each test keeps its own timeout (the script's watchdog); this one only backs it up.
        timeoutMs: processLimitMs(s.input.timeoutMs, steps.length),
        signal: limit.signal,
        onStarted: limit.armed,
        ...(steps.some((x) => x.shm) && { shmSizeBytes: 1024 ** 3 }),
        onOutput: (chunk, stream) => filters[stream](chunk),
    })
        .finally(limit.dispose);
    filters.stdout.flush();
    filters.stderr.flush();
    return { r, totalMs: Date.now() - started, stopped: limit.signal.aborted ? limit.ms : undefined };
}
/**
 * The outcome of test ID from the shared process: known from an earlier run of it, else a new
 * process is started for ID and every planned test after it, unless an earlier one hung as python3
 * started (notRunAfterHang: ID is not run). Undefined: ID is not planned, or is a pip-check or file
 * check that no process reached (it runs in a container of its own).
 */
async function batchOutcome(s, id) {
    const b = s.batch;
    const at = b?.steps.findIndex((x) => x.id === id) ?? -1;
    if (!b || at < 0)
        return undefined;
    const known = b.outcomes.get(id) ?? notRunAfterHang(b);
    if (known) {
        b.outcomes.delete(id);
        return known;
    }
    if (!b.steps[at].head)
        return undefined;
    // A GPU ddp step never joins a process that ran tests before it (CUDA may be initialised there:
    // an EXCLUSIVE_PROCESS GPU would refuse its rank 0, and the memory it holds is not the ranks').
    // The steps past what the environment can hold start a process of their own when reached.
    const nonce = newNonce();
    const candidates = processSteps(b.steps, at);
    const plan = fittingPlan(candidates, s.input.timeoutMs / 1000, nonce);
    if (!plan)
        return undefined;
    const steps = candidates.slice(0, plan.steps.length);
    const { r, totalMs, stopped } = await runProcess(s, steps, plan);
    const out = sections(r.stdout, nonce);
    const err = sections(r.stderr, nonce);
    const ends = steps.map((x) => out.get(x.id)?.end).filter((m) => m !== undefined);
    const startupMs = Math.max(0, totalMs - ends.reduce((a, m) => a + (m.ms ?? 0), 0));
    const processS = processSeconds(r.stdout, nonce);
    for (const [i, step] of steps.entries()) {
        const o = out.get(step.id);
        const e = err.get(step.id);
        const timing = timingLine(i === 0 ? startupMs : undefined, i === 0 ? processS : undefined, o?.end);
        if (!o && !e) {
            // Nothing started (no python3, the script could not run): the first test had its run.
            if (i === 0)
                b.outcomes.set(step.id, {
                    ...r,
                    ...(stopped !== undefined && { stopReason: notStartedReason(stopped, s.input.timeoutMs) }),
                    durationMs: totalMs,
                    timing: `container ${s1(totalMs)}`,
                });
            if (i === 0 && r.timedOut)
                hungAtStart(b, step.id, steps.slice(1), r, stopped);
            break;
        }
        if (o?.end) {
            const { exit, ms } = o.end;
            b.outcomes.set(step.id, {
                exitCode: typeof exit === 'number' ? exit : null,
                stdout: o.text,
                stderr: e?.text ?? '',
                timedOut: false,
                durationMs: (i === 0 ? startupMs : 0) + (ms ?? 0),
                timing,
            });
            continue;
        }
        // Started, never ended: it timed out (the watchdog, or the container's own timeout), or the
        // process died under it (its exit code then is the test's, as in a container of its own).
        const timedOut = Boolean(o?.timedOut || e?.timedOut || r.timedOut);
        const before = ends.reduce((a, m) => a + (m.ms ?? 0), 0);
        b.outcomes.set(step.id, {
            exitCode: timedOut ? null : r.exitCode,
            stdout: o?.text ?? '',
            stderr: e?.text ?? '',
            timedOut,
            durationMs: Math.max(0, totalMs - before),
            timing: `${timing}; ${timedOut ? 'timed out' : `the process exited ${r.exitCode}`}`,
        });
        break;
    }
    const mine = b.outcomes.get(id);
    b.outcomes.delete(id);
    return mine;
}

// EXTERNAL MODULE: ./src/smoke/match.ts
var match = __webpack_require__(52412);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: ./src/util/redact-instruction.ts + 1 modules
var redact_instruction = __webpack_require__(97499);
;// CONCATENATED MODULE: ./src/smoke/custom.ts
// The user's own tests (smoke.tests), container-structure-test style: a command with its exit code
// and expected/excluded output, a file that exists (with a mode), or the image's metadata. A command
// runs without GPUs unless marked `gpu: true`, on the network smoke.network names (default none);
// one that fails for want of a GPU on a GPU run is told to ask for one (missingGpuCause).











/** The verdict of one custom test: a failure keeps its reason and the end of its output. */
function verdictOf(t, started) {
    return (ok, reason, output) => ({
        id: `custom:${t.name}`,
        suite: 'custom',
        status: ok ? 'pass' : 'fail',
        ...(!ok && { reason }),
        ...(!ok && output !== undefined && { output: (0,smoke_output/* tail */.RT)(output) }),
        durationMs: Date.now() - started,
        metrics: {},
    });
}
async function commandTest(s, t, command, result) {
    const cmd = typeof command === 'string' ? ['sh', '-c', command] : [...command];
    // The run's GPUs only for a test marked gpu: true; the network smoke.network says (containerRunner:
    // none unless it says bridge).
    const r = await s.run({
        entrypoint: [cmd[0]],
        cmd: cmd.slice(1),
        ...(t.gpu && { gpu: true }),
        ...(s.input.network !== undefined && { network: s.input.network }),
    });
    const out = `${r.stdout}${r.stderr}`;
    if (r.timedOut)
        return result(false, (0,smoke_output/* timedOutReason */.ii)(s.input.timeoutMs), out);
    // Stopped for its output (the engine's SIGKILL: 137), not by itself: neither passes nor fails
    // on that exit code.
    const flooded = ['stdout', 'stderr'].find((w) => r.stderr.includes((0,streams/* overflowNote */.L6)(w)));
    if (flooded)
        return result(false, `the ${flooded} passed ${(0,read_regular/* sizeText */.lP)(streams/* MAX_STREAM_CHARS */.yA)}: the container was stopped (print less)`, out);
    if (r.exitCode !== t.exitCode) {
        // 127 (126: not executable) with the runtime's or the shell's wording: say which program. The
        // command line is masked as its output would be (`--password x`, `mysql -px`).
        if ((0,smoke_output/* lacksProgram */.Lc)(r)) {
            const program = typeof command === 'string'
                ? `a program of "${(0,redact_instruction/* redactOutput */.nJ)(command)}"`
                : `"${(0,redact_instruction/* redactOutput */.nJ)(cmd[0])}"`;
            return result(false, `command not found in the image: ${program} (exit ${r.exitCode}, expected ${t.exitCode})`, out);
        }
        return result(false, `exit code ${r.exitCode}, expected ${t.exitCode}`, out);
    }
    // The patterns see the last MATCH_TEXT_BYTES of the output: an excluded text before them cannot
    // be ruled out, so such a test fails rather than pass on what it did not see.
    const size = Buffer.byteLength(out);
    if (t.excludedOutput.length > 0 && size > match/* MATCH_TEXT_BYTES */.QX)
        return result(false, `the output is ${(0,read_regular/* sizeText */.lP)(size)}, over the ${(0,read_regular/* sizeText */.lP)(match/* MATCH_TEXT_BYTES */.QX)} that excludedOutput is checked against: the excluded text cannot be ruled out (print less, or check a file)`, out);
    // Bounded in size and time, off the main thread: a pathological pattern cannot hang the run.
    const m = await (0,match/* matchOutput */.Zp)(out, t.expectedOutput, t.excludedOutput);
    if (m.ok)
        return result(true, '');
    if (m.kind === 'missing')
        return result(false, `output does not match /${m.pattern}/`, out);
    if (m.kind === 'unwanted')
        return result(false, `output matches the excluded /${m.pattern}/`, out);
    return result(false, m.message, out);
}
/** What the file check prints: the file's mode in octal, or nothing when it does not exist. */
const FileInfoSchema = schemas/* object */.Ikc({ mode: schemas/* string */.YjP().optional() });
const FILE_CHECK = 'import os,sys,json\ntry:\n s=os.stat(sys.argv[1]); print(json.dumps({"mode": oct(s.st_mode & 0o7777)[2:]}))\nexcept FileNotFoundError: print("{}")';
async function fileTest(s, id, f, result, onNoPython) {
    const r = (await batchOutcome(s, id)) ??
        (await s.run({ entrypoint: ['python3'], cmd: ['-c', FILE_CHECK, f.path] }));
    if (r.timedOut)
        return result(false, (0,smoke_output/* timedOutReason */.ii)(s.input.timeoutMs, r), r.stdout + r.stderr);
    if ((0,smoke_output/* lacksPython */.V5)(r)) {
        onNoPython();
        return result(false, `${(0,smoke_output/* noPythonReason */.c9)(s.input.image)} (file tests read the file with python3)`, r.stderr);
    }
    let mode;
    try {
        mode = FileInfoSchema.parse(JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '')).mode;
    }
    catch {
        return result(false, `cannot check ${f.path}: the check exited ${r.exitCode} without a result`, r.stdout + r.stderr);
    }
    const exists = mode !== undefined;
    if (exists !== f.exists)
        return result(false, `${f.path} ${exists ? 'exists' : 'does not exist'}`);
    // As numbers: "04755" and "4755" are one mode (the config allows a leading 0 before four digits).
    if (f.mode !== undefined && mode !== undefined && parseInt(mode, 8) !== parseInt(f.mode, 8)) {
        return result(false, `${f.path} has mode ${mode}, expected ${f.mode}`);
    }
    return result(true, '');
}
function metadataTest(m, details, result) {
    const env = Object.fromEntries(details.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    const problems = [];
    if (m.user !== undefined && details.user !== m.user)
        problems.push(`user is "${details.user}", expected "${m.user}"`);
    if (m.workdir !== undefined && (details.workdir ?? '') !== m.workdir)
        problems.push(`workdir is "${details.workdir ?? ''}", expected "${m.workdir}"`);
    for (const [k, v] of Object.entries(m.env ?? {}))
        if (env[k] !== v)
            problems.push(`env ${k} is ${env[k] === undefined ? 'unset' : 'different'}`);
    for (const [k, v] of Object.entries(m.labels ?? {}))
        if (details.labels[k] !== v)
            problems.push(
            // A label whose key names a secret is masked in the record: its value is not shown here either.
            (0,redact/* secretLabel */.Rq)(k)
                ? `label ${k} is ${details.labels[k] === undefined ? 'unset' : 'different'}`
                : `label ${k} is "${(0,redact/* redactDeep */.KL)(details.labels[k] ?? '')}", expected "${v}"`);
    if (m.entrypoint !== undefined && JSON.stringify(details.entrypoint ?? []) !== JSON.stringify(m.entrypoint))
        // Each argument masked as the record masks it (a long base64-like one, a URL's login).
        problems.push(`entrypoint is ${JSON.stringify((0,redact/* redactDeep */.KL)(details.entrypoint))}`);
    if (m.cmd !== undefined && JSON.stringify(details.cmd ?? []) !== JSON.stringify(m.cmd))
        problems.push(`cmd is ${JSON.stringify((0,redact/* redactDeep */.KL)(details.cmd))}`);
    return result(problems.length === 0, problems.join('; '));
}
/**
 * What a command finds in a container given no GPU (NVIDIA_VISIBLE_DEVICES=void: no device, no
 * driver library, no nvidia-smi): CUDA's "no device" (classify.ts: cuda-no-device), or no driver.
 */
const NO_GPU_IN_CONTAINER = /Found no NVIDIA driver on your system|libcuda\.so[.0-9]{0,12}: cannot open shared object file|NVML Shared Library Not Found|libnvidia-ml\.so[.0-9]{0,12}: cannot open shared object file|nvidia-smi"?: (\d+: )?(executable file not found|not found|command not found)|command not found in the image: "nvidia-smi"/i;
/**
 * The cause of a command test that failed for want of a GPU on a run that had GPUs: the test is
 * not marked `gpu: true`, so its container got none. Undefined when the failure is another one
 * (finishResult then classifies it as any other, whose "give the container GPUs" would mislead).
 */
function missingGpuCause(test, spec, gpus) {
    if (test.status !== 'fail' || spec.gpu || gpus !== 'all' || spec.command === undefined)
        return undefined;
    const text = `${test.reason ?? ''}\n${test.output ?? ''}`;
    const classified = (0,classify/* classifyFailure */.X)(text);
    const match = classified?.id === 'cuda-no-device' ? classified.match : NO_GPU_IN_CONTAINER.exec(text)?.[0];
    if (match === undefined)
        return undefined;
    return {
        id: 'custom-test-without-gpu',
        cause: `this run has GPUs, but the custom test "${spec.name}" is not marked gpu: true, so its container got none (custom tests run without GPUs unless they ask: NVIDIA_VISIBLE_DEVICES=void, no device, no driver library, no nvidia-smi)`,
        fix: `add gpu: true to the test "${spec.name}" in smoke.tests (ml-image.yml)`,
        source: 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/docker-specialized.html',
        match: match.slice(0, 200),
    };
}
/** One custom test: a command, a file, else the image's metadata (the config allows exactly one). */
async function customTest(s, t, onNoPython) {
    const result = verdictOf(t, Date.now());
    if (t.command !== undefined) {
        const test = await commandTest(s, t, t.command, result);
        const cause = missingGpuCause(test, t, s.input.gpus);
        return cause ? { ...test, cause } : test;
    }
    if (t.file !== undefined)
        return fileTest(s, `custom:${t.name}`, t.file, result, onNoPython);
    return metadataTest(t.metadata, s.details, result);
}
/** The custom suite: one progress line per test, under its own id (never the previous suite's). */
async function runCustomTests(s) {
    if (s.input.tests.length === 0)
        s.progress('smoke custom: no tests declared (smoke.tests)');
    for (const t of s.input.tests) {
        const id = `custom:${t.name}`;
        // A file check the shared process ran already said so as it started (batch.ts); one that no
        // process runs after a hang at python3's start is not run (batch-start.ts): no start line.
        if (!knownInBatch(s, id))
            s.progress(`smoke ${id}: running`);
        // A test that uses a GPU, on a run without GPUs: skipped (failed under require-gpu).
        if (t.gpu && s.input.gpus === 'none') {
            record(s, gpuAbsent(id, 'custom', s.input));
            continue;
        }
        const run1 = () => customTest(s, t, () => {
            s.noPython = id;
        });
        // A file test reads the file with python3; command and metadata tests need none.
        await (t.file !== undefined ? python(s, id, 'custom', run1) : guarded(s, id, 'custom', run1));
    }
}

// EXTERNAL MODULE: ./src/util/json-file.ts + 1 modules
var json_file = __webpack_require__(20317);
;// CONCATENATED MODULE: ./src/smoke/suites.ts
// The built-in suites: each a part of the smoke script (images/probe/ml_image_smoke.py) run with
// python3 (the python3 tests share one container and process: batch.ts), whose last stdout line is
// its result; pip check; the GPU rule.







const GPU_SUITES = new Set(['gpu']);
/** The result line a suite of the smoke script prints last (its `emit`). */
const SuiteLineSchema = schemas/* object */.Ikc({
    status: schemas/* enum */.k5n(['pass', 'fail', 'skip']),
    reason: schemas/* string */.YjP().optional(),
    metrics: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
    output: schemas/* string */.YjP().optional(),
    /** The imports suite: one entry per module (or distribution that is not installed). */
    details: schemas/* array */.YOg(schemas/* object */.Ikc({ dist: schemas/* string */.YjP(), module: schemas/* string */.YjP().optional(), error: schemas/* string */.YjP().optional() }))
        .optional(),
});
/** Where a result object starts in a line ("{" then "status"): after any output that ran into it. */
const RESULT_START = /\{\s*"status"\s*:/g;
/**
 * The most result starts of a line tried, the last first. The script's result holds one (a string
 * in it has its quotes escaped), so the last start of its line is its own; every start tried costs
 * a parse of the rest of the line, and a line of the image's making with 16,000 starts
 * (`{"status":{"status":…`, 160 kB) took 5 s to read, a 32 MiB one days.
 */
const MAX_RESULT_STARTS = 8;
/**
 * The result a suite printed on STDOUT: the last line that holds a result's start, read from the
 * last start that is a whole result object (the script writes it on a line of its own, but what a
 * module printed after it, at exit, or C's stdio, may follow, and an older script's result followed
 * a module's output without a newline). Only that line is read: a line before it that looks like a
 * result (a module's own output) is never taken for the suite's.
 */
function suiteResult(stdout) {
    const lines = stdout.split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
        const line = lines[i].trim();
        const starts = [...line.matchAll(RESULT_START)].map((m) => m.index);
        if (starts.length === 0)
            continue;
        for (const at of starts.reverse().slice(0, MAX_RESULT_STARTS)) {
            // Metrics nested deeper than any record: the result's redaction (redactDeep) and its JSON
            // overflowed the stack, an internal error for what the image printed. No result.
            if ((0,json_file/* jsonNestedDeeperThan */.ON)(line.slice(at), json_file/* MAX_JSON_DEPTH */.KX))
                continue;
            try {
                return SuiteLineSchema.parse(JSON.parse(line.slice(at)));
            }
            catch {
                // not a whole result from here: an earlier start may be
            }
        }
        return undefined;
    }
    return undefined;
}
/** Reads a suite's result line into TEST (status, reason, metrics, the output of a failure). */
function readSuiteLine(test, r) {
    const out = suiteResult(r.stdout);
    if (out === undefined) {
        test.reason = `the suite exited ${r.exitCode} without a result`;
        test.output = (0,smoke_output/* tail */.RT)(r.stdout + r.stderr);
        return;
    }
    test.status = out.status;
    if (out.reason)
        test.reason = out.reason;
    test.metrics = out.metrics ?? {};
    if (out.status === 'fail') {
        // Failing imports as plain lines ("module (dist): error"), so the classifier sees the text.
        const details = (out.details ?? [])
            .filter((d) => d.error)
            .map((d) => `${d.module ?? ''} (${d.dist}): ${d.error}`)
            .join('\n');
        test.output = (0,smoke_output/* tail */.RT)(`${out.output ?? ''}\n${details}\n${r.stderr}`);
    }
}
/**
 * What a test's run gave: from the shared process (batch.ts), else from its own container. The
 * progress says a test runs when it does: the shared process as it reaches each of its tests
 * (batch.ts), a container of its own as it starts (never a suite whose tests ran already).
 */
async function outcomeOf(s, id, spec) {
    const shared = await batchOutcome(s, id);
    if (shared) {
        timing(s, id, shared.timing);
        return shared;
    }
    s.progress(`smoke ${id}: running`);
    const started = Date.now();
    const r = await s.run(spec);
    const durationMs = Date.now() - started;
    timing(s, id, `a container of its own, ${(durationMs / 1000).toFixed(1)}s in all`);
    return { ...r, durationMs };
}
/** A suite of the smoke script, run with python3 (in the shared process, or a container of its own). */
async function probeSuite(s, id, name, args, extra = {}) {
    const r = await outcomeOf(s, id, {
        ...scriptSpec(s.script, [name, ...args]),
        env: timeoutEnv(s.input.timeoutMs),
        ...extra,
    });
    const test = { id, suite: name, status: 'fail', durationMs: r.durationMs, metrics: {} };
    if (r.timedOut) {
        test.reason = (0,smoke_output/* timedOutReason */.ii)(s.input.timeoutMs, r);
        test.output = (0,smoke_output/* tail */.RT)(r.stdout + r.stderr);
    }
    else if ((0,smoke_output/* lacksPython */.V5)(r)) {
        test.reason = (0,smoke_output/* noPythonReason */.c9)(s.input.image);
        test.output = (0,smoke_output/* tail */.RT)(r.stdout + r.stderr);
        s.noPython = id;
    }
    else {
        readSuiteLine(test, r);
    }
    return test;
}
/** What `python3 -m pip` prints on an image without pip ("/usr/bin/python3: No module named pip"). */
const NO_PIP = /: No module named pip\s*$/m;
/** `python3 -m pip check` in the image; skipped, as the torch suites are without torch, when pip is absent. */
async function pipCheck(s, name) {
    const r = await outcomeOf(s, 'pip-check', { entrypoint: ['python3'], cmd: ['-m', 'pip', 'check'] });
    const ok = r.exitCode === 0;
    const missing = !ok && !r.timedOut && (0,smoke_output/* lacksPython */.V5)(r);
    if (missing)
        s.noPython = 'pip-check';
    const noPip = !ok && !r.timedOut && !missing && NO_PIP.test(`${r.stdout}\n${r.stderr}`);
    return {
        id: 'pip-check',
        suite: name,
        status: ok ? 'pass' : noPip ? 'skip' : 'fail',
        ...(noPip && { reason: 'pip is not installed in the image' }),
        ...(!ok &&
            !noPip && {
            reason: r.timedOut
                ? (0,smoke_output/* timedOutReason */.ii)(s.input.timeoutMs, r)
                : missing
                    ? (0,smoke_output/* noPythonReason */.c9)(s.input.image)
                    : 'pip check found broken requirements',
            output: (0,smoke_output/* tail */.RT)(r.stdout + r.stderr),
        }),
        durationMs: r.durationMs,
        metrics: {},
    };
}
/**
 * CUDA is required when GPUs were handed to the containers (`--gpus all`, or auto on a host with
 * the NVIDIA runtime): train and ddp must then run on CUDA (nccl) and fail with the cause instead
 * of passing on the CPU (gloo). A CUDA variant smoke-tested on a CPU runner (`--gpus none`, the
 * reusable workflow's smoke-cpu job) still runs them on the CPU: no GPU was asked for there.
 */
const cudaRequired = (input) => input.gpus === 'all';
/**
 * require-gpu on a run without GPUs, for an image that could have had them (not gpuWithheld): train
 * and ddp are not run on the CPU but failed (gpuAbsent), as the gpu suite and compute-gpu are.
 */
const gpuMissing = (input) => input.gpus === 'none' && input.requireGpu && input.gpuWithheld === undefined;
/** Recorded without running (gpuAbsent): the gpu suite without GPUs; train and ddp when gpuMissing. */
const lacksGpu = (input, name) => (GPU_SUITES.has(name) && input.gpus === 'none') ||
    ((name === 'train' || name === 'ddp') && gpuMissing(input));
/** `--floors JSON`: the per-GPU floors the script judges compute-gpu and a CUDA ddp against. */
const floorsFlag = (input) => [
    '--floors',
    (0,baselines/* floorsArg */.wC)(input.baseline ?? (0,baselines/* bundledBaseline */._K)()),
];
/** gpu DRIVER_FLOOR [--require]: GPUs were asked for (or require-gpu), so none found fails. */
const gpuArgs = (input) => [
    input.driverFloor ?? '',
    ...(input.requireGpu || cudaRequired(input) ? ['--require'] : []),
];
/** train MIN_DROP [--cuda] */
const trainArgs = (input) => [
    String(input.minLossDrop ?? 0.5),
    ...(cudaRequired(input) ? ['--cuda'] : []),
];
/** ddp auto [--cuda --floors JSON]: every GPU of the host (or 2 CPU processes over gloo). */
const ddpArgs = (input) => [
    'auto',
    ...(cudaRequired(input) ? ['--cuda', ...floorsFlag(input)] : []),
];
/**
 * The python3 tests of a run, in the order runSuite runs them, for the shared process: the same
 * words each would be run with alone. An id that occurs twice is left out (its own containers).
 * The tests that use a GPU say so (`gpu`): only their processes get the GPUs.
 */
function batchSteps(input) {
    const steps = [];
    const cuda = cudaRequired(input);
    const suite = (id, argv, o = {}) => steps.push({
        id,
        argv,
        head: true,
        ...(o.shm && { shm: true }),
        ...(o.fresh && { fresh: true }),
        ...(o.gpu && { gpu: true }),
    });
    for (const name of input.suites) {
        if (lacksGpu(input, name))
            continue;
        if (name === 'imports' && input.distributions.length > 0)
            suite('imports', ['imports', ...input.distributions]);
        if (name === 'pip-check')
            steps.push({ id: 'pip-check', argv: ['pip-check'], head: false });
        if (name === 'gpu')
            suite('gpu', ['gpu', ...gpuArgs(input)], { gpu: true });
        if (name === 'compute') {
            suite('compute-cpu', ['compute', 'cpu']);
            if (input.gpus === 'all')
                suite('compute-gpu', ['compute', 'cuda', ...floorsFlag(input)], { gpu: true });
        }
        if (name === 'train')
            suite('train', ['train', ...trainArgs(input)], { gpu: cuda });
        // On a GPU run, ddp runs in a process of its own (no CUDA context of an earlier test in it).
        if (name === 'ddp')
            suite('ddp', ['ddp', ...ddpArgs(input)], { shm: true, fresh: input.gpus !== 'none', gpu: cuda });
        if (name === 'custom')
            for (const t of input.tests)
                if (t.file !== undefined && t.command === undefined)
                    steps.push({ id: `custom:${t.name}`, argv: ['file', t.file.path], head: false });
    }
    const count = (id) => steps.filter((x) => x.id === id).length;
    return steps.filter((x) => count(x.id) === 1);
}
/** Runs one suite of smoke.suites (its tests' results land in the session). */
async function runSuite(s, name) {
    const { input } = s;
    if (lacksGpu(input, name)) {
        record(s, gpuAbsent(name, name, input));
        return;
    }
    const suite = (id, args, extra) => probeSuite(s, id, name, args, extra);
    // The tests that use a GPU: only their containers get the run's GPUs.
    const gpu = { gpu: true };
    const cuda = { gpu: cudaRequired(input) };
    switch (name) {
        case 'imports':
            if (input.distributions.length === 0)
                await guarded(s, 'imports', name, async () => skipped('imports', name, 'no requirements declared to import'));
            else
                await python(s, 'imports', name, () => suite('imports', [...input.distributions]));
            break;
        case 'pip-check':
            await python(s, 'pip-check', name, () => pipCheck(s, name));
            break;
        case 'gpu':
            await python(s, 'gpu', name, () => suite('gpu', gpuArgs(input), gpu));
            break;
        case 'compute':
            await python(s, 'compute-cpu', name, () => suite('compute-cpu', ['cpu']));
            if (input.gpus === 'all')
                await python(s, 'compute-gpu', name, () => suite('compute-gpu', ['cuda', ...floorsFlag(input)], gpu));
            // Recorded (skipped, failed under require-gpu), so that a run without GPUs compared with a
            // GPU baseline shows compute-gpu as pass -> skip, not as gone.
            else
                record(s, gpuAbsent('compute-gpu', name, input));
            break;
        case 'train':
            await python(s, 'train', name, () => suite('train', trainArgs(input), cuda));
            break;
        case 'ddp':
            // DDP needs shared memory (gloo and NCCL both use /dev/shm); Docker's default is 64 MiB.
            await python(s, 'ddp', name, () => suite('ddp', ddpArgs(input), { shmSizeBytes: 1024 ** 3, ...cuda }));
            break;
        case 'custom':
            await runCustomTests(s);
            break;
    }
}

;// CONCATENATED MODULE: ./src/smoke/run.ts
// The smoke runner: the python3 suites in one shared container and process (batch.ts), the others
// each in its own container of the image (timeout per test, output kept, every container removed
// in every case), results classified and written as smoke.json + junit.xml.
// The suites are in suites.ts, the user's tests in custom.ts, the shared rules in session.ts.







// Every name the runner's callers import from here (smoke/run.ts), wherever it now lives.



/**
 * Whether the engine can give containers NVIDIA GPUs: it has the NVIDIA runtime (nvidia, or the
 * toolkit's nvidia-cdi / nvidia-legacy), or a CDI device of kind nvidia.com/gpu. A CDI spec
 * directory alone is not enough: Docker 28.2+ configures /etc/cdi and /var/run/cdi everywhere.
 */
function engineHasNvidiaGpus(f) {
    return f.runtimes.some((r) => r === 'nvidia' || r.startsWith('nvidia-')) || (0,cdi/* hasNvidiaCdiGpu */.Sy)(f.cdiDevices);
}
/** `--gpus auto`: GPUs when the engine has the NVIDIA runtime or an NVIDIA GPU CDI device, else CPU only. */
async function resolveGpus(mode, docker) {
    if (mode !== 'auto')
        return mode;
    return engineHasNvidiaGpus(await docker.daemonFeatures()) ? 'all' : 'none';
}
/**
 * The mode resolved (resolveGpus), then the runner's pin from ENV (the environment the tool runs
 * in: NVIDIA_VISIBLE_DEVICES, else CUDA_VISIBLE_DEVICES): a GPU run gets the pinned GPUs only, and
 * none when the pin gives none (-1). A value that is no GPU list is exit 2: under `all` before the
 * engine is asked, under `auto` only where the engine has GPUs; `none` ignores it.
 */
async function resolveGpuChoice(mode, docker, env) {
    if (mode === 'none')
        return { gpus: 'none' };
    // Under all, a bad pin is exit 2 before the engine is asked; under auto only where there are GPUs.
    const early = mode === 'all' ? (0,gpu_pin/* gpuPinOf */.Vy)(env) : undefined;
    if ((await resolveGpus(mode, docker)) === 'none')
        return { gpus: 'none' };
    const pin = mode === 'all' ? early : (0,gpu_pin/* gpuPinOf */.Vy)(env);
    if (pin === undefined)
        return { gpus: 'all' };
    return { gpus: pin.devices.length > 0 ? 'all' : 'none', pin };
}
async function runSmoke(input, deps) {
    const startedAt = Date.now();
    const script = (0,external_node_fs_.readFileSync)((0,images_dir/* probeFile */.pr)(input.imagesDir, images_dir/* SMOKE_SCRIPT */.IB), 'utf8');
    const details = await deps.docker.inspectImage(input.runImage ?? input.image, input.platform);
    const mask = (0,smoke_output/* imageEnvMask */.Tr)(details.env, input.secretValues);
    const s = {
        input,
        details,
        platform: input.platform ?? `${details.os}/${details.architecture}`,
        startedAt,
        script,
        run: containerRunner(input, deps, () => s.current, mask),
        progress: deps.progress ?? (() => undefined),
        tests: [],
        current: '',
        batch: { steps: batchSteps(input), outcomes: new Map() },
        mask,
        // Redacted where it is read (batch.ts: liveLines per stream); the image's own values masked here.
        ...(deps.output && {
            output: (chunk, test) => deps.output(mask(chunk), test),
        }),
    };
    // The suites run python3 on PATH: say so once when the image starts a Python off its PATH.
    const offPath = input.entryPythonChecked ? undefined : (0,entry_python/* entryPythonOffPath */.xo)(details);
    if (offPath !== undefined)
        s.progress(`smoke warning: ${offPath}`);
    for (const name of input.suites)
        await runSuite(s, name);
    return finishResult(s);
}


/***/ })

};
