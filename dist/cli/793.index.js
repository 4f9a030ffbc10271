export const id = 793;
export const ids = [793];
export const modules = {

/***/ 74234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ enginePlatform)
/* harmony export */ });
/** Go's architecture names (the engine's), also for the names other tools use for the same CPUs. */
const ARCH_ALIASES = {
    x64: 'amd64',
    x86_64: 'amd64',
    aarch64: 'arm64',
};
/** The engine's platform as the config writes platforms: linux/amd64, linux/arm64. */
function enginePlatform(info) {
    const arch = info.arch.toLowerCase();
    return `${info.os.toLowerCase()}/${ARCH_ALIASES[arch] ?? arch}`;
}


/***/ }),

/***/ 53041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I1: () => (/* binding */ pinnedRef),
/* harmony export */   NB: () => (/* binding */ platformManifest),
/* harmony export */   bg: () => (/* binding */ platformImage)
/* harmony export */ });
/* unused harmony export platformImageOf */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17700);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38201);
// The platform's own image of a reference by an index digest (REPOSITORY@sha256:<manifest list>).
// dockerd's classic image store keeps one local image under REPOSITORY@DIGEST, the platform it was
// first pulled for: a run of it for another platform is refused ("Cannot overwrite digest"), and a
// run without a platform takes whichever platform is local, not the engine's own. `ml-image capture`
// and `ml-image smoke` run REPOSITORY@<the platform's manifest> instead, as the smoke stage and the
// resolver do: the one asked for, else the engine's own when the index lists it. The index is read
// through the adapter (the registry over HTTP, else buildx); pure but for that read.



/** REPOSITORY@DIGEST of a reference (any tag or digest it had replaced): pure. */
function pinnedRef(image, digest) {
    const name = image.includes('@') ? image.slice(0, image.indexOf('@')) : image;
    const colon = name.lastIndexOf(':');
    return `${colon > name.lastIndexOf('/') ? name.slice(0, colon) : name}@${digest}`;
}
/**
 * The platform's own manifest of a multi-platform DIGEST (an index), when the registry lists it;
 * undefined for a single-platform image (DIGEST is then the platform's). Asked without a variant,
 * the entry without one (arm64's v8 counts as none), as the engine picks: an amd64/v3 image listed
 * first would not run on a CPU without those instructions; none such, undefined (the engine
 * chooses). An entry that is an index itself is never the platform's manifest. Pure.
 */
function platformManifest(index, platform) {
    const [os, architecture, variant] = platform.split('/');
    const nested = new Set(index.indexEntries ?? []);
    const matches = index.platforms.filter((p) => p.os === os && p.architecture === architecture && (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .isDigest */ .Bc)(p.digest) && !nested.has(p.digest));
    const plain = (p) => p.variant === undefined || (architecture === 'arm64' && p.variant === 'v8');
    return matches.find((p) => (variant === undefined ? plain(p) : p.variant === variant))?.digest;
}
/** `os/arch[/variant]` of each entry of INDEX, for messages. */
const listed = (index) => index.platforms.map((p) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`).join(', ');
/**
 * What runs of IMAGE (a reference by an index digest whose INDEX was read) for PLATFORM, or for the
 * engine's platform (HOST) when none is asked: that entry's manifest by digest. A PLATFORM the index
 * lacks is exit 2, naming those it lists; the engine's platform missing, IMAGE is left to the engine
 * (it picks one, or says it has none). A single-platform manifest is IMAGE itself. Pure.
 */
function platformImageOf(image, index, platform, host) {
    if (index.platforms.length === 0)
        return { image };
    const wanted = platform ?? host;
    const digest = platformManifest(index, wanted);
    if (digest !== undefined)
        return { image: pinnedRef(image, digest), platform: wanted };
    // None to pin (only an amd64/v3 entry, a nested index): the engine chooses among them.
    const [os, architecture] = wanted.split('/');
    const listsIt = index.platforms.some((p) => p.os === os && p.architecture === architecture);
    if (platform === undefined || listsIt)
        return { image };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`image ${image} has no variant for ${platform}: its index lists ${listed(index)}`, 'use an image that has one, or another platform (--platform)');
}
/** How long the index read may take before the image runs as given (the engine then pulls it). */
const INDEX_READ_MS = 30_000;
/**
 * The index digest IMAGE ends in (REPOSITORY[:TAG]@sha256:...), else undefined: pure. Unlike
 * refDigest, a bare @sha256:... (nothing before the "@") names no image here: it runs as given.
 */
function digestOf(image) {
    const digest = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .refDigest */ .I2)(image);
    return digest !== undefined && image.length > digest.length + 1 ? digest : undefined;
}
/**
 * The image capture and smoke run for IMAGE and PLATFORM (platformImageOf): a reference by digest
 * has its manifest read; one by tag or image ID, an index that cannot be read (no registry, an
 * image only local) and a single-platform manifest run as given, as before. HOST: the engine's
 * platform, asked only when no platform is given and IMAGE is an index.
 */
async function platformImage(docker, image, platform, host) {
    if (digestOf(image) === undefined)
        return { image };
    const index = await docker
        // Its own limit, and SIGINT/SIGTERM: the read under way stops at once, as the interrupt's error.
        .imagetoolsInspect(image, { signal: (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_2__/* .untilInterrupted */ .tv)(AbortSignal.timeout(INDEX_READ_MS)) })
        .catch((e) => {
        if (e instanceof _util_cleanup_js__WEBPACK_IMPORTED_MODULE_2__/* .InterruptedError */ .p4)
            throw e;
        return undefined;
    });
    if (index === undefined || index.platforms.length === 0)
        return { image };
    return platformImageOf(image, index, platform, platform ?? (await host()));
}


/***/ }),

/***/ 57953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q3: () => (/* binding */ entryPythonProblem),
/* harmony export */   RS: () => (/* binding */ entryPythonError),
/* harmony export */   xo: () => (/* binding */ entryPythonOffPath)
/* harmony export */ });
/* unused harmony exports entryPython, otherPython */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
// The Python an image starts (its ENTRYPOINT, else its CMD) against the python3 on its PATH that
// capture's probe and the smoke suites run. In uv's layout (ENTRYPOINT ["/app/.venv/bin/python"],
// PATH without the venv) they differ: the record described /usr/bin/python3 and its 3 packages
// while the image's own interpreter had the real ones, and nothing said so.


/** The field of a record's errors that says the image runs another Python than the one described. */
const ENTRY_PYTHON_FIELD = 'python';
const PYTHON_NAME = /^python(\d+(\.\d+)?)?$/;
/**
 * The Python executable the image starts: the first argv word (entrypoint[0], else cmd[0]) when it
 * is an absolute path named python, python3 or python3.12. A relative `python` is looked up on PATH
 * as the probe's python3 is; a shell (`sh -c "exec ..."`) or a script is not looked into.
 */
function entryPython(entrypoint, cmd) {
    const first = entrypoint && entrypoint.length > 0 ? entrypoint[0] : cmd?.[0];
    if (first === undefined || !first.startsWith('/'))
        return undefined;
    return PYTHON_NAME.test(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.basename(first)) ? node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.normalize(first) : undefined;
}
/**
 * The environment an interpreter belongs to: the directory above its bin/ (a venv's root, /usr,
 * /opt/conda), else its own directory. Binaries are not resolved: a venv's bin/python is often a
 * link to /usr/bin/python3.x, yet it is another environment (its own site-packages). /bin is
 * /usr/bin on a merged-/usr system, so / counts as /usr.
 */
function environmentOf(executable) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.normalize(executable));
    const root = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.basename(dir) === 'bin' ? node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(dir) : dir;
    return root === '/' ? '/usr' : root;
}
/**
 * One line saying the image runs ENTRY while the record describes PROBED (the python3 on PATH the
 * probe ran as: record.python.executable), or undefined when both are the same environment.
 * `source` names where ENTRY came from (its ENTRYPOINT or its CMD).
 */
function otherPython(entry, probed, source = 'ENTRYPOINT') {
    if (entry === undefined || environmentOf(entry) === environmentOf(probed))
        return undefined;
    // The image's paths, escaped (printable): a line break in one would forge a line where it is shown.
    const [e, b] = [(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(entry), (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(entry))];
    return (`the image runs ${e} (its ${source}); this record describes python3 on PATH (${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(probed)}): ` +
        `put ${b} first on PATH (ENV PATH=${b}:$PATH) to have it described`);
}
/** The record's errors entry for an image whose ENTRYPOINT/CMD runs another Python, if any. */
function entryPythonError(image, probedExecutable) {
    const source = image.entrypoint && image.entrypoint.length > 0 ? 'ENTRYPOINT' : 'CMD';
    const error = otherPython(entryPython(image.entrypoint, image.cmd), probedExecutable, source);
    return error === undefined ? undefined : { field: ENTRY_PYTHON_FIELD, error };
}
/** The warning a record carries (entryPythonError) for the stages that print one; else undefined. */
function entryPythonProblem(record) {
    return record.errors.find((e) => e.field === ENTRY_PYTHON_FIELD && e.error.startsWith('the image runs '))
        ?.error;
}
/**
 * Without a record (ml-image smoke on its own): the warning when the Python the image starts lies
 * in a directory its PATH (the image config's ENV, NAME=value) does not hold, so the python3 the
 * suites run is another one. A directory on PATH behind another python3 is not caught here.
 */
function entryPythonOffPath(image) {
    const entry = entryPython(image.entrypoint, image.cmd);
    if (entry === undefined)
        return undefined;
    const pathVar = [...image.env].reverse().find((e) => e.startsWith('PATH='));
    const dirs = (pathVar?.slice(5) ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
        .split(':')
        .filter((d) => d.startsWith('/'))
        .map((d) => environmentOf(`${d}/python3`));
    if (dirs.includes(environmentOf(entry)))
        return undefined;
    const source = image.entrypoint && image.entrypoint.length > 0 ? 'ENTRYPOINT' : 'CMD';
    const [e, bin] = [(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(entry), (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.dirname(entry))];
    return (`the image runs ${e} (its ${source}), whose directory is not on its PATH; the suites run ` +
        `python3 on PATH, another Python: put ${bin} first on PATH (ENV PATH=${bin}:$PATH) to test it`);
}


/***/ }),

/***/ 7171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ classifyFailure)
});

// UNUSED EXPORTS: failureRules

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
;// CONCATENATED MODULE: ./src/smoke/failures.json
const failures_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"rules":[{"id":"no-gpu-runtime","pattern":"could not select device driver \\"[^\\"\\\\n]{0,100}\\" with capabilities: \\\\[\\\\[gpu\\\\]\\\\]","cause":"Docker has no GPU runtime: the NVIDIA Container Toolkit is not installed or not configured, so the container cannot get GPUs","fix":"install nvidia-container-toolkit and run \'nvidia-ctk runtime configure --runtime=docker\', then restart dockerd; or run on a GPU runner","source":"https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html"},{"id":"cuda-requirement-unsatisfied","pattern":"unsatisfied condition: cuda ?>=","cause":"the host driver is older than the image\'s NVIDIA_REQUIRE_CUDA asks for: the NVIDIA Container Toolkit refused to start the container","fix":"upgrade the NVIDIA driver on the runner to the CUDA release\'s toolkit driver (the plan\'s toolkitDriverMin: \'ml-image plan\' prints it, e.g. 575.51.03 for CUDA 12.9), which this check enforces, not the lower minor-version-compatibility floor; on a driver at or above that floor (525.60.13 for 12.x, 580.65.06 for 13.x) the CUDA runtime still runs: set NVIDIA_DISABLE_REQUIRE=1 in the image (ENV) to skip the check; or build a variant for an older CUDA","source":"https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/docker-specialized.html"},{"id":"nvidia-container-cli-init","pattern":"nvidia-container-cli: (initialization|detection) error","cause":"the NVIDIA Container Toolkit could not reach the driver when starting the container: the driver is not loaded, or its user-space libraries do not match the kernel module (after a driver upgrade without a reboot)","fix":"check nvidia-smi on the host; after a driver upgrade reboot (or reload the nvidia kernel modules); reinstall the driver if its libraries are missing","source":"https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/troubleshooting.html"},{"id":"cuda-system-not-ready","pattern":"cuInit returned 802|CUDA_ERROR_SYSTEM_NOT_READY|cudaErrorSystemNotReady|system not yet initialized","cause":"CUDA error 802 (system not yet initialized): on an NVSwitch system (HGX/DGX A100, H100, H200, B200) the NVIDIA Fabric Manager is not running, or its version differs from the driver\'s, so the GPUs are visible but CUDA cannot start","fix":"install and start nvidia-fabricmanager of exactly the driver\'s version (systemctl enable --now nvidia-fabricmanager; on NVL5+ systems also nvlsm), check \\"nvidia-smi -q | grep -A2 Fabric\\" shows State Completed, then run again","source":"https://docs.nvidia.com/datacenter/tesla/fabric-manager-user-guide"},{"id":"cuda-compat-unsupported","pattern":"cuInit returned 804|CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE|cudaErrorCompatNotSupportedOnDevice|forward compatibility was attempted on non supported HW","cause":"CUDA error 804: the image\'s CUDA forward-compatibility libraries (cuda-compat, /usr/local/cuda/compat) were loaded on a GPU that does not support forward compatibility (GeForce and most workstation GPUs), or with a driver they do not match","fix":"on such GPUs keep cuda-compat out of the image (or off LD_LIBRARY_PATH) and upgrade the host driver to one that supports the image\'s CUDA; on data-center GPUs use the cuda-compat package built for the host driver\'s branch","source":"https://docs.nvidia.com/deploy/cuda-compatibility/forward-compatibility.html"},{"id":"cuda-driver-mismatch","pattern":"cuInit returned 803|CUDA_ERROR_SYSTEM_DRIVER_MISMATCH|cudaErrorSystemDriverMismatch|unsupported display driver / cuda driver combination","cause":"CUDA error 803: the user-space CUDA driver (libcuda) does not match the loaded kernel module: a driver upgraded without a reboot, or a libcuda shipped in the image (cuda-compat) that does not fit the host driver","fix":"reboot the host (or reload the nvidia kernel modules) after a driver upgrade, and do not ship libcuda.so in the image: the NVIDIA Container Toolkit mounts the host\'s","source":"https://docs.nvidia.com/cuda/cuda-driver-api/group__CUDA__TYPES.html"},{"id":"driver-insufficient","pattern":"cuInit returned 35\\\\b|CUDA_ERROR_INSUFFICIENT_DRIVER|cudaErrorInsufficientDriver|CUDA driver version is insufficient for CUDA runtime version","cause":"CUDA error 35: the host driver is older than the CUDA runtime in the image","fix":"upgrade the driver to the variant\'s floor (see the plan), or choose a CUDA variant the driver supports","source":"https://docs.nvidia.com/deploy/cuda-compatibility/"},{"id":"driver-too-old","pattern":"The NVIDIA driver on your system is too old","cause":"torch was built for a newer CUDA than the host driver supports","fix":"upgrade the NVIDIA driver, or install torch from the wheel index of an older CUDA","source":"https://docs.nvidia.com/deploy/cuda-compatibility/"},{"id":"driver-below-floor","pattern":"NVIDIA driver [0-9][0-9.]{0,30} is older than [0-9][0-9.]{0,30}, which this CUDA needs","cause":"the host\'s NVIDIA driver is below the minor-version-compatibility floor of the image\'s CUDA (525.60.13 for 12.x, 580.65.06 for 13.x), and no forward-compatibility libcuda whose CUDA covers the image\'s runtime is loaded: the CUDA runtime is not supported on this driver","fix":"upgrade the driver to at least the floor the message names (\'ml-image plan\' prints each variant\'s), or build a variant for a CUDA the driver supports; on data-centre GPUs NVIDIA\'s forward-compatibility package (cuda-compat-X-Y of the image\'s CUDA, /usr/local/cuda/compat on the library path) lets an older driver branch run it","source":"https://docs.nvidia.com/deploy/cuda-compatibility/"},{"id":"nvml","pattern":"Failed to initialize NVML","cause":"the container cannot talk to the NVIDIA driver (driver/library mismatch, or a cgroup change dropped the device)","fix":"restart the container (or the host after a driver upgrade); check nvidia-smi on the host","source":"https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/troubleshooting.html"},{"id":"cuda-unknown-error","pattern":"cuInit returned 999|CUDA_ERROR_UNKNOWN|CUDA unknown error|999\\\\)? ?: unknown error","cause":"CUDA error 999 (unknown): the driver could not initialise CUDA; commonly the nvidia_uvm kernel module is not loaded (or /dev/nvidia-uvm is missing in the container), the driver is in a bad state after suspend/resume or an Xid error, or a GPU has fallen off the bus","fix":"check nvidia-smi and dmesg (Xid errors) on the host; load nvidia_uvm (nvidia-modprobe -u -c 0, or modprobe -r nvidia_uvm && modprobe nvidia_uvm); if it persists, reset the GPU or reboot the node","source":"https://github.com/pytorch/pytorch/issues/49081"},{"id":"gpu-busy","pattern":"CUDA-capable device\\\\(s\\\\) is/are busy or unavailable|CUDA_ERROR_DEVICE_UNAVAILABLE|cudaErrorDevicesUnavailable|cuInit returned 46\\\\b","cause":"the GPU is busy or unavailable: it is in Exclusive Process compute mode and another process holds it, or it is being reset","fix":"wait for (or stop) the other process using the GPU (nvidia-smi lists it), or set the compute mode back to Default (nvidia-smi -c DEFAULT)","source":"https://docs.nvidia.com/cuda/cuda-runtime-api/group__CUDART__TYPES.html"},{"id":"cuda-no-device","pattern":"cuInit returned 100\\\\b|CUDA_ERROR_NO_DEVICE|cudaErrorNoDevice|No CUDA GPUs are available|no CUDA-capable device is detected","cause":"CUDA sees no GPU: CUDA_VISIBLE_DEVICES is empty or names GPUs that are not there, or the container was given no GPU (no --gpus, NVIDIA_VISIBLE_DEVICES=void/none)","fix":"leave CUDA_VISIBLE_DEVICES unset (or list GPUs that exist, e.g. 0,1), and give the container GPUs (--gpus all; smoke: --gpus all, or auto on an engine with the NVIDIA runtime)","source":"https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html#env-vars"},{"id":"cuda-sees-fewer-gpus","pattern":"GPU\\\\(s\\\\) visible to nvidia-smi, but CUDA sees [0-9]","cause":"CUDA enumerates fewer GPUs than nvidia-smi shows: CUDA_VISIBLE_DEVICES lists a GPU that is not there (CUDA stops at the first invalid entry), a GPU is in MIG mode with no instance created (CUDA then cannot use it), or a GPU is in a bad state (an Xid error, fallen off the bus)","fix":"compare nvidia-smi -L with CUDA_VISIBLE_DEVICES in the container (indices or UUIDs that exist, or unset); on a MIG GPU create instances (nvidia-smi mig -cgi ... -C) or disable MIG (nvidia-smi -mig 0); check dmesg for Xid errors on the host and reset the GPU (nvidia-smi -r) or reboot the node","source":"https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html#env-vars"},{"id":"no-kernel-image","pattern":"no kernel image is available for execution on the device","cause":"the installed torch/CUDA build has no kernels for this GPU\'s compute capability","fix":"use a torch build whose architecture list includes this GPU (newer CUDA variants cover newer GPUs)","source":"https://docs.nvidia.com/cuda/cuda-compiler-driver-nvcc/index.html#gpu-feature-list"},{"id":"cuda-out-of-memory","pattern":"CUDA out of memory|CUDA error: out of memory|CUDA_ERROR_OUT_OF_MEMORY|cudaErrorMemoryAllocation","cause":"the GPU ran out of memory: another process holds most of it, or the test needs more than this GPU (or MIG slice) has","fix":"check nvidia-smi for other processes on the GPU and run the smoke test on an idle GPU; for your own tests use a smaller batch or model, or a GPU with more memory","source":"https://pytorch.org/docs/stable/notes/cuda.html#memory-management"},{"id":"nccl-shm","pattern":"(NCCL WARN[^\\\\n]{0,300}?(shm|shared memory)|Error while creating shared memory segment|/dev/shm)","cause":"NCCL cannot create its shared-memory segments: the container\'s /dev/shm is too small","fix":"run with --ipc=host or --shm-size=16g (the smoke runner gives DDP 1 GiB of shm)","source":"https://docs.nvidia.com/deeplearning/nccl/user-guide/docs/troubleshooting.html"},{"id":"torchrun-sigbus","pattern":"Signal 7 \\\\(SIGBUS\\\\)|exitcode\\\\s{0,10}: -7\\\\b","cause":"a torchrun worker died of SIGBUS: the container\'s /dev/shm is too small for NCCL or the DataLoader (Docker gives 64 MiB by default)","fix":"run with --shm-size=16g or --ipc=host (the smoke runner gives the ddp suite 1 GiB; your own jobs and custom tests need the flag themselves)","source":"https://docs.docker.com/reference/cli/docker/container/run/"},{"id":"nccl-system-error","pattern":"unhandled system error|ncclSystemError","cause":"NCCL failed in a system call (shared memory, sockets or InfiniBand) and the output does not say which","fix":"run with NCCL_DEBUG=INFO (NCCL_DEBUG_SUBSYS=INIT,NET,SHM) to see the failing call; most often /dev/shm is too small (--shm-size=16g or --ipc=host), no usable network interface is found (set NCCL_SOCKET_IFNAME, e.g. eth0) or InfiniBand is not reachable in the container (NCCL_IB_DISABLE=1 to rule it out)","source":"https://docs.nvidia.com/deeplearning/nccl/user-guide/docs/troubleshooting.html"},{"id":"numpy2-abi","pattern":"A module that was compiled using NumPy 1\\\\.x cannot be run in\\\\s+NumPy 2","cause":"a package built against NumPy 1.x is imported with NumPy 2 installed","fix":"hold numpy<2 (ml-image resolve finds such plans), or upgrade that package to a release built for NumPy 2","source":"https://numpy.org/devdocs/numpy_2_0_migration_guide.html"},{"id":"numpy-dtype-size","pattern":"numpy\\\\.dtype size changed, may indicate binary incompatibility","cause":"a compiled extension was built against a different NumPy ABI than the one installed","fix":"reinstall that package against the installed NumPy, or pin NumPy to the version it was built with","source":"https://numpy.org/devdocs/numpy_2_0_migration_guide.html"},{"id":"cuda-library-missing","pattern":"lib(cudart|cublas|cudnn|nccl)[^ ]{0,200}?\\\\.so[.0-9]{0,20}: cannot open shared object file","cause":"a CUDA library the wheel needs is not in the image","fix":"install torch from the CUDA wheel index of the image\'s CUDA major (it carries the libraries), or use an image with them","source":"https://docs.nvidia.com/deploy/cuda-compatibility/"},{"id":"dataloader-shm","pattern":"(Bus error|DataLoader worker \\\\(pid \\\\d+\\\\) is killed)","cause":"PyTorch DataLoader workers ran out of shared memory","fix":"run with --shm-size=16g or --ipc=host","source":"https://pytorch.org/docs/stable/data.html#multi-process-data-loading"},{"id":"cache-permission","pattern":"Permission denied: \'/cache","cause":"a cache directory is not writable by the container user","fix":"create cache directories owned by the user before USER (the templates do), or mount volumes with matching ownership","source":"https://docs.docker.com/engine/storage/volumes/"},{"id":"module-missing","pattern":"ModuleNotFoundError: No module named \'([^\']+)\'","cause":"a module is not installed in the image","fix":"add its distribution to python.requirements","source":"https://docs.python.org/3/library/exceptions.html#ModuleNotFoundError"},{"id":"no-python","pattern":"has no python3: the smoke suites need python3|\\"python3\\": executable file not found","cause":"the image has no python3: the smoke suites, the probe and file tests run python3 in the image","fix":"test an image with python3 on PATH (every template installs it), or leave out the python suites (smoke.suites: [custom] with command and metadata tests only)","source":"https://docs.docker.com/reference/cli/docker/container/run/#exit-status"},{"id":"command-not-found","pattern":"command not found in the image|executable file not found in \\\\$PATH|sh: (\\\\d+: )?[^:\\\\n]{1,200}: not found|: command not found","cause":"the test\'s command does not exist in the image (exit 127; 126: not executable)","fix":"install the program in the image, or use its full path in smoke.tests[].command","source":"https://docs.docker.com/reference/cli/docker/container/run/#exit-status"}]}');
;// CONCATENATED MODULE: ./src/smoke/classify.ts
// The failure classifier: known messages -> cause and fix (failures.json, a source per row).


const RuleSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    pattern: schemas/* string */.YjP(),
    cause: schemas/* string */.YjP(),
    fix: schemas/* string */.YjP(),
    source: schemas/* string */.YjP().url(),
});
const FailureTableSchema = schemas/* object */.Ikc({
    schemaVersion: schemas/* literal */.euz(1),
    rules: schemas/* array */.YOg(RuleSchema).min(1),
});
let rules;
function failureRules() {
    rules ??= FailureTableSchema.parse(failures_namespaceObject).rules.map((rule) => ({ rule, re: new RegExp(rule.pattern, 'i') }));
    return rules;
}
/** The first known cause whose message appears in the output, most specific rules first. */
function classifyFailure(output) {
    for (const { rule, re } of failureRules()) {
        const m = re.exec(output);
        if (m)
            return {
                id: rule.id,
                cause: rule.cause,
                fix: rule.fix,
                source: rule.source,
                match: m[0].slice(0, 200),
            };
    }
    return undefined;
}


/***/ }),

/***/ 16102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TM: () => (/* reexport safe */ _util_text_js__WEBPACK_IMPORTED_MODULE_2__.TM),
/* harmony export */   W$: () => (/* binding */ isDaemonGone),
/* harmony export */   Yi: () => (/* binding */ SmokeInterruptedError),
/* harmony export */   gJ: () => (/* reexport safe */ _util_text_js__WEBPACK_IMPORTED_MODULE_2__.gJ),
/* harmony export */   rj: () => (/* binding */ DAEMON_TEXT)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38201);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
// A Docker daemon that goes away while the smoke suites run ends the run, with the results of every
// test that finished (and the interrupted one, failed).



/**
 * The Docker daemon (or the engine's connection to it) went away while the smoke suites ran, or
 * SIGINT/SIGTERM/SIGHUP stopped them (CAUSE an InterruptedError: its exit code, 130/143/129): the
 * run ends, with the results of every test that finished (and the interrupted one, failed), and
 * no reuse key (src/smoke/stage.ts: the results are incomplete).
 */
class SmokeInterruptedError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentError */ .eG {
    partial;
    constructor(message, fix, 
    /** Every test that ran, the interrupted one last (failed): written before the error is shown. */
    partial, cause) {
        super(message, fix, {
            cause,
            ...(cause instanceof _util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .InterruptedError */ .p4 && { exitCode: _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SignalExitCode */ .gp[cause.signal] }),
        });
        this.partial = partial;
    }
}
/** Errors of a lost connection to the engine (dockerode's socket errors, the CLI's wording). */
const CONNECTION_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ENOENT',
    'ETIMEDOUT',
    'EHOSTUNREACH',
]);
const DAEMON_TEXT = /Cannot connect to the Docker daemon|docker daemon is not running|cannot reach the Docker daemon|the Docker daemon is not reachable|socket hang up|connect (ECONNREFUSED|ENOENT)|read ECONNRESET|write EPIPE/i;
function isDaemonGone(e) {
    if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentError */ .eG)
        return DAEMON_TEXT.test(e.message);
    const code = e?.code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code) && !e.path)
        return true;
    return DAEMON_TEXT.test((0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e));
}



/***/ }),

/***/ 52412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QX: () => (/* binding */ MATCH_TEXT_BYTES),
/* harmony export */   Zp: () => (/* binding */ matchOutput),
/* harmony export */   ct: () => (/* binding */ boundedTail)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_pattern_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95164);
// A custom test's expectedOutput / excludedOutput regexes, matched so that no pattern can hang the
// run: the text is bounded (its last MATCH_TEXT_BYTES), and the match runs in a worker thread that
// is terminated after a time limit. A catastrophic-backtracking pattern such as `(a+)+$` then fails
// its test with a clear reason instead of blocking the event loop (and with it Ctrl-C and SIGTERM).
// The patterns were checked when the config was loaded (config/pattern.ts), with the same flags.


/** How much of a test's output the patterns see: its end, where results and errors are. */
const MATCH_TEXT_BYTES = 1024 * 1024;
/** How long every pattern of one test may take together. */
const MATCH_TIME_LIMIT_MS = 2000;
/** The end of a text, at most `max` UTF-16 units (a surrogate pair is never split). */
function boundedTail(text, max) {
    if (text.length <= max)
        return text;
    let start = text.length - max;
    const c = text.charCodeAt(start);
    if (c >= 0xdc00 && c <= 0xdfff)
        start += 1; // a low surrogate: its high half was cut off
    return text.slice(start);
}
// The worker's program, inline so that the bundled dist needs no extra file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { text, expected, excluded, flags } = workerData;
try {
  const missing = expected.find((p) => !new RegExp(p, flags).test(text));
  if (missing !== undefined) parentPort.postMessage({ ok: false, kind: 'missing', pattern: missing });
  else {
    const unwanted = excluded.find((p) => new RegExp(p, flags).test(text));
    parentPort.postMessage(
      unwanted !== undefined ? { ok: false, kind: 'unwanted', pattern: unwanted } : { ok: true },
    );
  }
} catch (e) {
  parentPort.postMessage({ ok: false, kind: 'error', message: String(e && e.message || e) });
}
`;
/**
 * Check the output against the patterns: every `expected` must match, no `excluded` may.
 * Never throws, never blocks the event loop longer than it takes to start a worker.
 */
async function matchOutput(output, expected, excluded, options = {}) {
    if (expected.length === 0 && excluded.length === 0)
        return { ok: true };
    const limit = options.timeLimitMs ?? MATCH_TIME_LIMIT_MS;
    const text = boundedTail(output, options.maxBytes ?? MATCH_TEXT_BYTES);
    return new Promise((resolve) => {
        let settled = false;
        const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(WORKER_SOURCE, {
            eval: true,
            workerData: { text, expected: [...expected], excluded: [...excluded], flags: _config_pattern_js__WEBPACK_IMPORTED_MODULE_1__/* .PATTERN_FLAGS */ .Rc },
            // A match never needs much memory; a runaway one must not take the host's.
            resourceLimits: { maxOldGenerationSizeMb: 256 },
        });
        // Never the thing that keeps the process alive (a signal handler may exit while it runs).
        worker.unref();
        const finish = (o) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            void worker.terminate();
            resolve(o);
        };
        const timer = setTimeout(() => finish({
            ok: false,
            kind: 'timeout',
            message: `expectedOutput/excludedOutput took longer than ${limit / 1000}s to match; simplify the pattern (nested quantifiers such as (a+)+ backtrack exponentially)`,
        }), limit);
        worker.once('message', (m) => finish(m));
        worker.once('error', (e) => finish({ ok: false, kind: 'error', message: e.message }));
        worker.once('exit', (code) => finish({ ok: false, kind: 'error', message: `the matcher stopped (exit ${code})` }));
    });
}


/***/ }),

/***/ 71800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lc: () => (/* binding */ lacksProgram),
/* harmony export */   PE: () => (/* binding */ failureTail),
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   Tr: () => (/* binding */ imageEnvMask),
/* harmony export */   V5: () => (/* binding */ lacksPython),
/* harmony export */   WQ: () => (/* binding */ MISSING_PROGRAM),
/* harmony export */   Ys: () => (/* binding */ liveLines),
/* harmony export */   c9: () => (/* binding */ noPythonReason),
/* harmony export */   eq: () => (/* binding */ testLines),
/* harmony export */   ii: () => (/* binding */ timedOutReason),
/* harmony export */   kx: () => (/* binding */ knownSecretsMasked),
/* harmony export */   rb: () => (/* binding */ failureAnnotations),
/* harmony export */   vQ: () => (/* binding */ failureTailHeading)
/* harmony export */ });
/* unused harmony exports OUTPUT_KEEP_CHARS, FAILURE_TAIL_LINES, FAILURE_TAIL_CHARS */
/* harmony import */ var _util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97499);
/* harmony import */ var _util_redact_output_lines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37497);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(82513);
/* harmony import */ var _match_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52412);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49997);
// What a smoke test's container run gave back, as the runner reads it: the end of the output it
// keeps (redacted, bounded), and the signs of a program or of python3 missing from the image; and
// how the output is shown: live lines labelled with their test, a failure's end under it.





/** How much of a test's output its result keeps: the end, where the error is (records stay small). */
const OUTPUT_KEEP_CHARS = 64 * 1024;
/** The most of one unfinished line a live view holds back before it shows it anyway. */
const LIVE_LINE_MAX = 64 * 1024;
/** A line cut there is cut at its last blank this near its end (a token is not split). */
const CUT_BLANK_WITHIN = 4096;
/** Where a line held back past LIVE_LINE_MAX is cut: after its last blank near the end, else at the end. */
function cutPoint(line) {
    const from = Math.max(0, line.length - CUT_BLANK_WITHIN);
    for (let i = line.length - 1; i > from; i--)
        if (line[i] === ' ' || line[i] === '\t')
            return i + 1;
    return line.length;
}
/**
 * TEXT redacted as it reads after CONTEXT, the end of the part of its line already shown: a value
 * whose name CONTEXT ends with (`Authorization: Bearer ` | `tok...`) is masked. What the two
 * masked together give after the masked CONTEXT alone; from where they part, when a mask spans
 * the cut (a few characters shown before may then come again).
 */
function maskAfter(context, text) {
    const both = (0,_util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_0__/* .redactOutput */ .nJ)(context + text);
    const alone = (0,_util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_0__/* .redactOutput */ .nJ)(context);
    let p = 0;
    const n = Math.min(both.length, alone.length);
    while (p < n && both.charCodeAt(p) === alone.charCodeAt(p))
        p++;
    return both.slice(p);
}
/**
 * A test's live output (--verbose) as EMIT shows it: whole lines, redacted (redactOutput), so that
 * a NAME=value or a token cut between two chunks of the stream (a pipe flushes in 4 KiB blocks) is
 * still recognised; the unfinished last line is held back until its end comes, FLUSH (the container
 * ended), or it grows past LIVE_LINE_MAX, and so are the last whole lines from one that opens a
 * secret's value over several lines (`DB_PASSWORD: |`), up to LIVE_LINE_MAX. Each line is read
 * once (SCANNER: what the lines so far leave open is kept between chunks), and masked as the whole
 * stream would be: past LIVE_LINE_MAX the open value's lines are shown masked, not as they are.
 * A line longer than LIVE_LINE_MAX is shown in parts, each cut after a blank, and each part is
 * masked as it reads after the end of the one before (maskAfter).
 */
function liveLines(emit, scanner = (0,_util_redact_output_lines_js__WEBPACK_IMPORTED_MODULE_1__/* .continuationScanner */ .G)()) {
    /** Whole lines read (SCANNER), masked, not shown yet; from the line that opened a value when one is open. */
    let pending = '';
    /** Where PENDING starts in the masked stream (SCANNER's offsets). */
    let base = 0;
    /** The unfinished last line. */
    let partial = '';
    /** The part of a line cut past LIVE_LINE_MAX last shown: read again before its rest. */
    let context;
    const show = (upTo) => {
        if (upTo <= 0)
            return;
        const text = pending.slice(0, upTo);
        emit(context === undefined ? (0,_util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_0__/* .redactOutput */ .nJ)(text) : maskAfter(context, text));
        context = undefined;
        pending = pending.slice(upTo);
        base += upTo;
    };
    return {
        push(chunk) {
            const nl = chunk.lastIndexOf('\n');
            if (nl >= 0) {
                pending += scanner.mask(partial + chunk.slice(0, nl + 1));
                partial = chunk.slice(nl + 1);
            }
            else
                partial += chunk;
            if (partial.length > LIVE_LINE_MAX) {
                // Shown as a line of its own up to its last blank (its rest is read as the next line,
                // after the end of this part: a secret's value after the cut is masked as its name says).
                const cut = cutPoint(partial);
                const piece = scanner.mask(partial.slice(0, cut));
                pending += piece;
                partial = partial.slice(cut);
                show(pending.length);
                // All of it (at most LIVE_LINE_MAX and a chunk): a cookie's name may be kilobytes before.
                context = piece;
                return;
            }
            // A secret's value the last lines leave open (a YAML key's block) waits for its end too.
            const open = scanner.openAt - base;
            show(open >= 0 && pending.length - open + partial.length <= LIVE_LINE_MAX ? open : pending.length);
        },
        flush() {
            if (partial !== '')
                pending += scanner.mask(partial);
            partial = '';
            show(pending.length);
        },
    };
}
/**
 * The end of a test's output as its result keeps it: the last 40 lines, at most OUTPUT_KEEP_CHARS,
 * secrets masked in place (redactOutput: tokens, URL logins, and the value of a NAME=value whose
 * NAME names a secret, as the environment record masks it: `env` prints DB_PASSWORD=...). Linear
 * in the length of the output (10 MB on one line is fine): the lines of a secret's value are masked
 * over the whole output (maskContinuations: its name may be before the end kept), then only a
 * bounded tail is redacted, with a margin so that a token cut at the edge is still recognised, less
 * the line the margin cut (its beginning is lost) where another follows.
 */
function tail(text, lines = 40) {
    const whole = (0,_util_redact_output_lines_js__WEBPACK_IMPORTED_MODULE_1__/* .maskContinuations */ .f)(text);
    let window = (0,_match_js__WEBPACK_IMPORTED_MODULE_3__/* .boundedTail */ .ct)(whole, OUTPUT_KEEP_CHARS + 4096);
    // A line cut at the window's start lost its beginning (a secret's name: `...orization: Bearer x`),
    // which redaction shortening the lines after it could keep: dropped where a line follows it.
    const firstEnd = window.length < whole.length ? window.indexOf('\n') : -1;
    if (firstEnd >= 0 && firstEnd < window.length - 1)
        window = window.slice(firstEnd + 1);
    const end = (0,_util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_0__/* .redactOutput */ .nJ)(window);
    return (0,_match_js__WEBPACK_IMPORTED_MODULE_3__/* .boundedTail */ .ct)(end.trim(), OUTPUT_KEEP_CHARS).split('\n').slice(-lines).join('\n');
}
/**
 * Values not masked wherever they appear: a word (AUTH_ENABLED=true, PIP_KEYRING_PROVIDER=subprocess),
 * a number, a path (HF_TOKEN_PATH=/root/.cache/huggingface/token). NAME=value pairs of them are
 * still masked by name.
 */
const PLAIN_VALUE = /^(?:[a-z][a-z_-]*|\d+|[~./][^\s]*)$/i;
/**
 * The image's own secrets masked wherever a test prints them: each value of its environment (ENV:
 * NAME=value, as the engine lists them) that the environment record masks (redactEnvValue: a
 * secret NAME, a login, a token's shape), 8 characters or more, but words, numbers and paths (PLAIN_VALUE): a test that prints
 * os.environ["WANDB_API_KEY"] alone, with no NAME beside it, is masked as env.json is. And KNOWN,
 * the values the run knows are secrets, whatever their shape.
 */
function imageEnvMask(env, known = []) {
    const secrets = env.flatMap((pair) => {
        const eq = pair.indexOf('=');
        const [name, value] = eq > 0 ? [pair.slice(0, eq), pair.slice(eq + 1)] : ['', ''];
        return value !== (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactEnvValue */ .OI)(name, value) && !PLAIN_VALUE.test(value.trim()) ? [value] : [];
    });
    // KNOWN: the run's own secrets (build.secrets values, index logins), 4 characters or more as the
    // build's output masks them; longest first over both.
    const masks = [...new Set([...(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .valueMasks */ .xJ)(secrets, 8), ...(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .valueMasks */ .xJ)(known)])].sort((a, b) => b.length - a.length);
    return (text) => masks.reduce((t, m) => t.split(m).join(_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .REDACTED */ .XF), text);
}
/**
 * VALUE (a record, a smoke result) with every occurrence of KNOWN, the run's own secret values,
 * masked in each of its strings at any depth (the environment, the history's `ENV` lines, labels,
 * a test's output): records mask by name and shape only, so an innocent name's value
 * (`APP_SETTING`) that is a build secret was kept. Keys are kept. The same value when none is there.
 */
function knownSecretsMasked(value, known) {
    const masks = (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .valueMasks */ .xJ)(known);
    if (masks.length === 0)
        return value;
    return (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .mapStringsDeep */ .$4)(value, (v) => masks.some((m) => v.includes(m)) ? masks.reduce((t, m) => t.split(m).join(_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .REDACTED */ .XF), v) : v);
}
/** A program the container was asked to run is not in the image (OCI runtime or our wrapper). */
const MISSING_PROGRAM = /executable file not found|exec: "[^"\n]{0,300}": (stat [^\n:]{0,300}: )?(no such file or directory|permission denied)|sh: (\d+: )?[^:\n]{1,200}: not found|: command not found/i;
const MISSING_PYTHON = /"python3": executable file not found|exec: "python3": no such file|python3: (command )?not found/i;
/** Exit 127 (126: not executable) with the runtime's or the shell's wording for a missing program. */
function lacksProgram(r) {
    return (r.exitCode === 127 || r.exitCode === 126) && MISSING_PROGRAM.test((0,_match_js__WEBPACK_IMPORTED_MODULE_3__/* .boundedTail */ .ct)(r.stderr, 4096));
}
function lacksPython(r) {
    return (r.exitCode === 127 || r.exitCode === 126) && MISSING_PYTHON.test((0,_match_js__WEBPACK_IMPORTED_MODULE_3__/* .boundedTail */ .ct)(r.stderr, 4096));
}
function noPythonReason(image) {
    return `${image} has no python3: the smoke suites need python3 in the image`;
}
/**
 * A test past its timeout: the reason names the setting that gives it longer. A run stopped for
 * another reason (R's stopReason) gives that one.
 */
function timedOutReason(timeoutMs, r) {
    if (r?.stopReason !== undefined)
        return r.stopReason;
    return `timed out after ${timeoutMs / 1000}s (the container was removed); a test that needs longer: raise smoke.timeoutSeconds in ml-image.yml (ml-image smoke: --timeout)`;
}
/** How much of a failing test's output is shown under its failure (the CLI, the annotation). */
const FAILURE_TAIL_LINES = 20;
const FAILURE_TAIL_CHARS = 4096;
/**
 * The end of a failing test's output as people see it under the failure (ml-image smoke's FAIL
 * line, the test's annotation): its last FAILURE_TAIL_LINES lines, at most FAILURE_TAIL_CHARS,
 * redacted as the records are (a result read back from disk is masked again; a secret's value
 * over lines masked over the whole output first, its name before the end shown). None when empty.
 */
function failureTail(output) {
    if (output === undefined || output.trim() === '')
        return [];
    const end = (0,_util_redact_instruction_js__WEBPACK_IMPORTED_MODULE_0__/* .redactOutput */ .nJ)((0,_match_js__WEBPACK_IMPORTED_MODULE_3__/* .boundedTail */ .ct)((0,_util_redact_output_lines_js__WEBPACK_IMPORTED_MODULE_1__/* .maskContinuations */ .f)(output), FAILURE_TAIL_CHARS + 4096)).trimEnd();
    return (0,_match_js__WEBPACK_IMPORTED_MODULE_3__/* .boundedTail */ .ct)(end, FAILURE_TAIL_CHARS).split('\n').slice(-FAILURE_TAIL_LINES);
}
/** The heading of a failureTail: "last line", "last 20 lines". */
const failureTailHeading = (lines) => `last ${lines.length === 1 ? 'line' : `${lines.length} lines`}`;
/** A test's live output, each line labelled with the test that printed it (one process runs several). */
function testLines(chunk, test, output) {
    for (const line of chunk.replace(/\n$/, '').split('\n'))
        output(`[${test}] ${line}`);
}
/** One annotation per failing test. */
function failureAnnotations(id, result) {
    return result.tests
        .filter((t) => t.status === 'fail')
        .map((t) => ({ title: `ml-image smoke ${id}: ${t.id}`, message: failureMessage(t) }));
}
/** A failing test's reason, the classified cause and fix when known, and the end of its output. */
function failureMessage(t) {
    // The image's text, each line escaped (printable): no line of it can pass for another message.
    const out = failureTail(t.output).map(_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$);
    const lines = [(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(t.reason ?? 'failed')];
    if (t.cause)
        lines.push(`Cause: ${t.cause.cause}`, `Fix: ${t.cause.fix}`);
    if (out.length > 0)
        lines.push(`Output (${failureTailHeading(out)}):`, ...out);
    return lines.join('\n');
}


/***/ }),

/***/ 29882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IB: () => (/* binding */ SMOKE_SCRIPT),
/* harmony export */   JW: () => (/* binding */ PROBE_SCRIPT),
/* harmony export */   P0: () => (/* binding */ findImagesDir),
/* harmony export */   pr: () => (/* binding */ probeFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
// Where this tool's images/ folder is (Dockerfile templates and the in-container probe): next to
// dist/ when bundled, at the repository root in development. Every entry point looks it up once.



/** The in-container scripts in images/probe/: the probe that writes env.json, and the smoke suites. */
const PROBE_SCRIPT = 'ml_image_probe.py';
const SMOKE_SCRIPT = 'ml_image_smoke.py';
/** FILE of IMAGES_DIR/probe/ (IMAGES_DIR: findImagesDir's). */
const probeFile = (imagesDir, file) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(imagesDir, 'probe', file);
/** images/ of this tool: next to dist/ when bundled, at the repository root in development. */
function findImagesDir(start) {
    let dir = start;
    for (;;) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'images', 'cpu', 'Dockerfile')))
            return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'images');
        const up = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir);
        if (up === dir)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`cannot find the images/ templates above ${start}`, 'the action or CLI is incomplete: images/ must sit next to dist/ (reinstall or check out the whole repository)');
        dir = up;
    }
}


/***/ })

};
