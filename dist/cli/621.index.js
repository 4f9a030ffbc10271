export const id = 621;
export const ids = [621];
export const modules = {

/***/ 66917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ ENV_RECORD_SCHEMA_VERSION),
/* harmony export */   Kh: () => (/* binding */ CREATED_LABEL),
/* harmony export */   iv: () => (/* binding */ EnvRecordSchema),
/* harmony export */   z: () => (/* binding */ VARIANT_LABEL)
/* harmony export */ });
/* unused harmony exports LayerSchema, COLLECT_ENV_FIELDS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);
/* harmony import */ var _plan_tags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49458);
// EnvRecord: what is inside an image (env.json). Versioned, so the next release reads this one's:
// src/diff/read.ts migrates older records (v1 had no image.variant / image.created).


const ENV_RECORD_SCHEMA_VERSION = 2;
/** Labels the build sets (src/plan/tags.ts computeLabels) that image.variant / image.created mirror. */
const VARIANT_LABEL = `${_plan_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .LABEL_PREFIX */ .Ag}.variant`;
const CREATED_LABEL = 'org.opencontainers.image.created';
const maybe = (t) => t.nullable().optional();
/**
 * A size in bytes. Not negative, as the report's schema requires (src/diff/schema.ts); at most
 * 2^53 (8 PiB), so that the report's sums of them stay numbers: sizes near 1e308 would add up to
 * Infinity, which no JSON file can hold. The record is refused when read (exit 2 naming the
 * field), not when the report is written.
 */
const bytes = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().max(Number.MAX_SAFE_INTEGER);
/** One step of the image's history (docker history): its instruction and the bytes its layer added. */
const LayerSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    createdBy: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    sizeBytes: bytes,
    /** No filesystem layer (ENV, CMD, LABEL ...). */
    empty: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
});
const EnvRecordSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(ENV_RECORD_SCHEMA_VERSION),
    image: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        ref: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        digest: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        platform: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        sizeBytes: bytes,
        // A count, whole, as the report's summary of a record requires (src/diff/schema.ts).
        layers: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
        labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        user: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        entrypoint: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).nullable(),
        cmd: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).nullable(),
        env: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        /** The config variant the image was built for (cpu, cuda12.8), when known. (v2) */
        variant: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
        /** When the image was created (ISO 8601), from the engine or the OCI label. (v2) */
        created: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
        /**
         * The image's history, oldest first: each build step with the instruction that made it and
         * the bytes its layer added (0 for ENV, CMD ... which add no layer). From the engine; absent in
         * records written before sizes were captured, or when the engine could not tell.
         */
        history: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(LayerSchema).optional(),
    }),
    os: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        osRelease: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        glibc: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        kernel: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        machine: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    }),
    python: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        implementation: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        executable: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        platform: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        pipVersion: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        packages: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
            name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            requires: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
            installer: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            location: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            /** Bytes installed: the sizes its RECORD lists (else its files); absent when unknown. */
            sizeBytes: bytes.optional(),
        })),
    }),
    apt: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        arch: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        /** dpkg's Installed-Size (KiB) in bytes; absent when unknown. */
        sizeBytes: bytes.optional(),
    })),
    cuda: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        runtime: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        driverMaxCuda: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        cudnn: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        nccl: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        nvcc: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        /** Where each library was read: "torch: nvidia/cudnn/lib/libcudnn.so.9" (the copy torch loads) or "system". */
        sources: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
    }),
    torch: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        cuda: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        hip: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        cudaAvailable: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
        deviceCount: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        tf32: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ matmul: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(), cudnn: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY() }),
        allocatorConfig: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    })
        .loose()
        .nullable(),
    gpus: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        memoryMiB: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        computeCapability: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        driver: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    })
        .loose()),
    tools: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable()),
    env: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    /** Every field of torch.utils.collect_env, by its name there. */
    collectEnv: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()),
    errors: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ field: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), error: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() })),
    capture: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        probeVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        durationMs: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        toolVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        time: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        host: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ kernel: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), engine: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional() }),
    }),
});
/** The fields torch.utils.collect_env reports (SystemEnv); the probe fills every one. */
const COLLECT_ENV_FIELDS = (/* unused pure expression or super */ null && ([
    'torch_version',
    'is_debug_build',
    'cuda_compiled_version',
    'gcc_version',
    'clang_version',
    'cmake_version',
    'os',
    'libc_version',
    'python_version',
    'python_platform',
    'is_cuda_available',
    'cuda_runtime_version',
    'cuda_module_loading',
    'nvidia_driver_version',
    'nvidia_gpu_models',
    'cudnn_version',
    'pip_version',
    'pip_packages',
    'conda_packages',
    'hip_compiled_version',
    'hip_runtime_version',
    'miopen_runtime_version',
    'caching_allocator_config',
    'is_xnnpack_available',
    'cpu_info',
]));


/***/ }),

/***/ 41839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _S: () => (/* binding */ HOST_COMPONENTS),
  OM: () => (/* binding */ diffRecords),
  pF: () => (/* binding */ diffSmoke),
  eh: () => (/* binding */ summarize)
});

// UNUSED EXPORTS: DEFAULT_SMOKE_THRESHOLD, VOLATILE_LABELS, metricDirection, normalizePipName, sortPackageChanges

// EXTERNAL MODULE: ./src/capture/redact.ts + 1 modules
var redact = __webpack_require__(44977);
// EXTERNAL MODULE: ./src/diff/schema.ts
var schema = __webpack_require__(2996);
// EXTERNAL MODULE: ./src/diff/size.ts
var diff_size = __webpack_require__(37282);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(68898);
;// CONCATENATED MODULE: ./src/diff/versions.ts
// Version comparison for the diff: PEP 440 for pip (via @renovatebot/pep440, as src/resolve does)
// and dpkg's algorithm for Debian packages, each with the "level" of a change.

const CHANGE_LEVELS = ['major', 'minor', 'patch', 'local', 'other'];
const sign = (n) => (n < 0 ? -1 : n > 0 ? 1 : 0);
/** Level from two release tuples: index of the first differing part (missing parts are 0). */
function releaseLevel(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if ((a[i] ?? 0) !== (b[i] ?? 0))
            return i === 0 ? 'major' : i === 1 ? 'minor' : 'patch';
    }
    return null;
}
const same = (x, y) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
// Parsing dominates a diff of thousands of packages, and the same versions recur: memoised.
const parsed = new Map();
function versions_pep440(v) {
    let p = parsed.get(v);
    if (p === undefined) {
        p = (0,pep440.explain)(v);
        if (parsed.size > 50_000)
            parsed.clear();
        parsed.set(v, p);
    }
    return p;
}
function compareRelease(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d)
            return d;
    }
    return 0;
}
/** PEP 440 comparison; versions that do not parse fall back to dpkg ordering, level "other". */
function comparePip(base, head) {
    if (base === head)
        return { order: 0, level: null };
    const a = versions_pep440(base);
    const b = versions_pep440(head);
    if (!a || !b)
        return { order: sign(compareDebian(head, base)) || 1, level: 'other' };
    // Epoch, then release decide the order (PEP 440); only equal releases need the full comparison.
    const order = sign(b.epoch - a.epoch || compareRelease(b.release, a.release) || (0,pep440.compare)(head, base));
    if (order === 0)
        return { order, level: null }; // 1.0 == 1.0.0 under PEP 440
    if (a.epoch !== b.epoch)
        return { order, level: 'major' };
    const level = releaseLevel(a.release, b.release);
    if (level)
        return { order, level };
    if (!same(a.pre, b.pre) || !same(a.post, b.post) || !same(a.dev, b.dev))
        return { order, level: 'other' };
    return { order, level: a.local !== b.local ? 'local' : 'other' };
}
/** Components whose scheme is not fixed (CUDA "12.8.1", glibc "2.36"): PEP 440 when both parse. */
function compareAny(base, head) {
    return versions_pep440(base) && versions_pep440(head) ? comparePip(base, head) : compareApt(base, head);
}
function parseDebian(v) {
    const colon = v.indexOf(':');
    const epochText = colon > 0 ? v.slice(0, colon) : '';
    const epoch = /^\d+$/.test(epochText) ? Number(epochText) : 0;
    const rest = colon > 0 && /^\d+$/.test(epochText) ? v.slice(colon + 1) : v;
    const dash = rest.lastIndexOf('-');
    return dash > 0
        ? { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) }
        : { epoch, upstream: rest, revision: '' };
}
/** dpkg's character order: ~ before everything (even the end), letters before other symbols. */
function order(c) {
    if (c === undefined)
        return 0;
    if (c === '~')
        return -1;
    if (/[0-9]/.test(c))
        return 0;
    if (/[A-Za-z]/.test(c))
        return c.charCodeAt(0);
    return c.charCodeAt(0) + 256;
}
function verrevcmp(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        let firstDiff = 0;
        while ((i < a.length && !/[0-9]/.test(a[i])) || (j < b.length && !/[0-9]/.test(b[j]))) {
            const ac = order(i < a.length && !/[0-9]/.test(a[i]) ? a[i] : undefined);
            const bc = order(j < b.length && !/[0-9]/.test(b[j]) ? b[j] : undefined);
            if (ac !== bc)
                return ac - bc;
            i++;
            j++;
        }
        while (a[i] === '0')
            i++;
        while (b[j] === '0')
            j++;
        while (i < a.length && /[0-9]/.test(a[i]) && j < b.length && /[0-9]/.test(b[j])) {
            if (!firstDiff)
                firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
            i++;
            j++;
        }
        if (i < a.length && /[0-9]/.test(a[i]))
            return 1;
        if (j < b.length && /[0-9]/.test(b[j]))
            return -1;
        if (firstDiff)
            return firstDiff;
    }
    return 0;
}
/** <0, 0, >0 as dpkg --compare-versions orders a and b. */
function compareDebian(a, b) {
    const x = parseDebian(a);
    const y = parseDebian(b);
    if (x.epoch !== y.epoch)
        return x.epoch - y.epoch;
    return verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision);
}
const dotted = (upstream) => (/^\d+(?:\.\d+)*/.exec(upstream)?.[0] ?? '').split('.').filter(Boolean).map(Number);
function compareApt(base, head) {
    if (base === head)
        return { order: 0, level: null };
    const order = sign(compareDebian(head, base));
    if (order === 0)
        return { order, level: null };
    const a = parseDebian(base);
    const b = parseDebian(head);
    if (a.epoch !== b.epoch)
        return { order, level: 'major' };
    const pa = dotted(a.upstream);
    const pb = dotted(b.upstream);
    const level = pa.length && pb.length ? releaseLevel(pa, pb) : null;
    if (level)
        return { order, level };
    if (a.upstream === b.upstream)
        return { order, level: 'local' };
    return { order, level: 'other' };
}

;// CONCATENATED MODULE: ./src/diff/diff.ts





/** PEP 503 normalised distribution name. */
function normalizePipName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** Labels that change on every build; they are listed but never make the verdict. */
const VOLATILE_LABELS = new Set([
    'org.opencontainers.image.created',
    'org.opencontainers.image.revision',
    'org.label-schema.build-date',
    'org.label-schema.vcs-ref',
]);
// The driver (and so the newest CUDA it supports) and the GPUs belong to the capturing machine.
const HOST_COMPONENTS = new Set(['driver', 'driverMaxCuda', 'gpus']);
/** Compared as plain strings (no version order). */
const TEXT_COMPONENTS = new Set(['os', 'gpus']);
/**
 * pip: one entry per normalised name. A distribution installed twice (Debian's python3-x in
 * /usr/lib/python3 and a pip-installed copy) resolves to the copy outside /usr/lib/python3,
 * which is first on Debian's sys.path and is the one Python imports.
 */
const pipIndexes = new WeakMap();
function pipIndex(r) {
    const cached = pipIndexes.get(r);
    if (cached)
        return cached;
    const out = new Map();
    for (const p of r.python.packages) {
        const key = normalizePipName(p.name);
        const os = p.location.startsWith('/usr/lib/python3');
        const seen = out.get(key);
        if (!seen || (seen.os && !os))
            out.set(key, { name: p.name, version: p.version, os });
    }
    pipIndexes.set(r, out);
    return out;
}
/** apt: by name; by name:arch only where a name is installed for several architectures. */
function aptIndex(r) {
    const counts = new Map();
    for (const p of r.apt)
        counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    const out = new Map();
    for (const p of r.apt) {
        const name = counts.get(p.name) > 1 ? `${p.name}:${p.arch}` : p.name;
        out.set(name, { name, version: p.version });
    }
    return out;
}
const levelRank = (l) => l === null ? CHANGE_LEVELS.length : CHANGE_LEVELS.indexOf(l);
const KIND_RANK = { upgraded: 0, downgraded: 0, added: 1, removed: 2 };
const byName = util_text/* compareText */.n;
/** Changed packages first, by level (major first), then added, then removed; by name within. */
function sortPackageChanges(changes) {
    return changes.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        levelRank(a.level) - levelRank(b.level) ||
        byName(a.name.toLowerCase(), b.name.toLowerCase()));
}
function diffPackages(base, head, compare) {
    const changes = [];
    let unchanged = 0;
    for (const [key, h] of head) {
        const b = base.get(key);
        if (!b) {
            changes.push({ name: h.name, kind: 'added', from: null, to: h.version, level: null });
            continue;
        }
        const c = compare(b.version, h.version);
        if (c.order === 0)
            unchanged++;
        else
            changes.push({
                name: h.name,
                kind: c.order > 0 ? 'upgraded' : 'downgraded',
                from: b.version,
                to: h.version,
                level: c.level,
            });
    }
    for (const [key, b] of base)
        if (!head.has(key))
            changes.push({ name: b.name, kind: 'removed', from: b.version, to: null, level: null });
    return { baseCount: base.size, headCount: head.size, unchanged, changes: sortPackageChanges(changes) };
}
/** { [key]: value } when value is defined (exactOptionalPropertyTypes), else {}. */
const optional = (key, value) => (value === undefined ? {} : { [key]: value });
// ---- components ----
function gpuSummary(r) {
    if (r.gpus.length === 0)
        return null;
    const byModel = new Map();
    for (const g of r.gpus)
        byModel.set(g.name, (byModel.get(g.name) ?? 0) + 1);
    return [...byModel]
        .sort(([a], [b]) => byName(a, b))
        .map(([name, n]) => `${n} × ${name}`)
        .join(', ');
}
function extra(torch, key) {
    const v = torch?.[key];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}
/** The overview's facts about one record. */
function summarize(r) {
    const pip = pipIndex(r);
    const drivers = [...new Set(r.gpus.map((g) => g.driver).filter((d) => !!d))].sort();
    const components = {
        os: r.os.osRelease.PRETTY_NAME ?? r.os.osRelease.NAME ?? null,
        glibc: r.os.glibc ? r.os.glibc.replace(/^glibc\s+/i, '') : null,
        python: r.python.version || null,
        torch: r.torch?.version ?? pip.get('torch')?.version ?? null,
        torchCuda: r.torch?.cuda ?? null,
        numpy: pip.get('numpy')?.version ?? null,
        cuda: r.cuda.runtime ?? null,
        cudnn: r.cuda.cudnn ?? extra(r.torch, 'cudnn'),
        nccl: r.cuda.nccl ?? extra(r.torch, 'nccl'),
        driverMaxCuda: r.cuda.driverMaxCuda ?? null,
        driver: drivers.length ? drivers.join(', ') : null,
        gpus: gpuSummary(r),
    };
    return {
        ref: r.image.ref,
        digest: r.image.digest ?? null,
        platform: r.image.platform,
        variant: r.image.variant,
        created: r.image.created,
        sizeBytes: r.image.sizeBytes,
        layers: r.image.layers,
        pipCount: pip.size,
        aptCount: r.apt.length,
        ...optional('top', (0,diff_size/* sizeTop */.FT)(r)),
        components,
    };
}
function diffComponent(id, from, to) {
    const host = HOST_COMPONENTS.has(id);
    if (from === to)
        return { id, from, to, changed: false, direction: null, level: null, host };
    if (from === null || to === null || TEXT_COMPONENTS.has(id) || id === 'driver')
        return {
            id,
            from,
            to,
            changed: true,
            direction: id === 'driver' && from && to ? direction(compareAny(from, to)) : 'changed',
            level: null,
            host,
        };
    const c = compareAny(from, to);
    // Same version spelled differently (12.8 vs 12.8.0) is no change.
    if (c.order === 0)
        return { id, from, to, changed: false, direction: null, level: null, host };
    return { id, from, to, changed: true, direction: direction(c), level: c.level, host };
}
const direction = (c) => c.order > 0 ? 'up' : c.order < 0 ? 'down' : 'changed';
// ---- env and labels ----
function diffMaps(base, head) {
    const changes = [];
    let unchanged = 0;
    let redactedBoth = 0;
    for (const name of [...new Set([...Object.keys(base), ...Object.keys(head)])].sort(byName)) {
        const from = Object.hasOwn(base, name) ? base[name] : null;
        const to = Object.hasOwn(head, name) ? head[name] : null;
        if (from === to) {
            unchanged++;
            if (from === redact/* REDACTED */.XF)
                redactedBoth++;
        }
        else
            changes.push({
                name,
                kind: from === null ? 'added' : to === null ? 'removed' : 'changed',
                from,
                to,
            });
    }
    return { changes, unchanged, redactedBoth };
}
function diffRecords(base, head) {
    const pip = diffPackages(pipIndex(base), pipIndex(head), comparePip);
    const apt = diffPackages(aptIndex(base), aptIndex(head), compareApt);
    const b = summarize(base);
    const h = summarize(head);
    const components = schema/* COMPONENT_IDS */.Vg.map((id) => diffComponent(id, b.components[id], h.components[id]));
    const env = diffMaps(base.image.env, head.image.env);
    const labelDiff = diffMaps(base.image.labels, head.image.labels);
    const labels = {
        changes: labelDiff.changes.map((c) => ({ ...c, volatile: VOLATILE_LABELS.has(c.name) })),
        unchanged: labelDiff.unchanged,
    };
    const size = { base: b.sizeBytes, head: h.sizeBytes, delta: h.sizeBytes - b.sizeBytes };
    const layers = { base: b.layers, head: h.layers, delta: h.layers - b.layers };
    const changed = pip.changes.length > 0 ||
        apt.changes.length > 0 ||
        components.some((c) => c.changed && !c.host) ||
        env.changes.length > 0 ||
        labels.changes.some((c) => !c.volatile) ||
        size.delta !== 0 ||
        layers.delta !== 0;
    return {
        pip,
        apt,
        components,
        env,
        labels,
        size,
        layers,
        ...optional('sizeExplanation', (0,diff_size/* explainSize */.xC)(base, head)),
        changed,
    };
}
// ---- smoke ----
const DEFAULT_SMOKE_THRESHOLD = 0.1;
/**
 * Which way a metric should move, from the names the suites emit (images/probe/ml_image_smoke.py):
 * *_tflops, busbw_gbps/algbw_gbps, loss_end/loss_drop; and durationMs per test. null: no direction
 * (counts like modules/world/gpus, loss_start which only depends on the seed).
 * *_floor values are the thresholds the smoke script judged by (src/smoke/baselines.json), not
 * measurements: skipped here, shown beside their metric.
 */
function metricDirection(metric) {
    const m = metric.toLowerCase();
    if (m.endsWith('_floor'))
        return 'skip';
    if (m === 'loss_start')
        return null;
    if (m === 'loss_drop')
        return 'higher';
    if (/tflops|gflops|gbps|busbw|algbw|throughput|per_s(ec)?$|_ps$/.test(m))
        return 'higher';
    if (/loss|duration|latency|seconds|_ms$|_s$|^time|_time$/.test(m))
        return 'lower';
    return null;
}
/** Durations this close are noise (container start-up), whatever the ratio. */
const DURATION_NOISE_MS = 1000;
function numericMetrics(t) {
    const out = new Map();
    if (!t)
        return out;
    for (const [k, v] of Object.entries(t.metrics))
        if (typeof v === 'number' && Number.isFinite(v) && metricDirection(k) !== 'skip')
            out.set(k, v);
    out.set('durationMs', t.durationMs);
    return out;
}
function metricDelta(test, metric, base, head, threshold) {
    const dir = metricDirection(metric);
    const better = dir === 'skip' ? null : dir;
    const relative = base !== null && head !== null && base !== 0 ? (head - base) / Math.abs(base) : null;
    let regression = false;
    let improved = false;
    if (base !== null && head !== null && better !== null) {
        const worse = better === 'higher' ? base - head : head - base;
        const rel = base === 0 ? (worse > 0 ? Infinity : worse < 0 ? -Infinity : 0) : worse / Math.abs(base);
        const noise = metric === 'durationMs' && Math.abs(head - base) < DURATION_NOISE_MS;
        regression = !noise && rel > threshold;
        improved = !noise && rel < -threshold;
    }
    return { test, metric, base, head, relative, better, regression, improved };
}
/** What the floors said of a test (the smoke script's floor_gpu / floor_note), when they said anything. */
function floorNote(t) {
    const str = (k) => typeof t.metrics[k] === 'string' && t.metrics[k] !== '' ? t.metrics[k] : '';
    const parts = [str('floor_gpu') && `floors of ${str('floor_gpu')}`, str('floor_note')].filter(Boolean);
    return parts.length > 0 ? { note: parts.join('; ') } : {};
}
const tally = (r) => ({
    pass: r.tests.filter((t) => t.status === 'pass').length,
    fail: r.tests.filter((t) => t.status === 'fail').length,
    skip: r.tests.filter((t) => t.status === 'skip').length,
});
function diffSmoke(base, head, opts = {}) {
    const threshold = opts.threshold ?? DEFAULT_SMOKE_THRESHOLD;
    const baseTests = new Map((base?.tests ?? []).map((t) => [t.id, t]));
    const headIds = new Set(head.tests.map((t) => t.id));
    const tests = [];
    const metrics = [];
    const addMetrics = (id, b, h) => {
        const bm = numericMetrics(b);
        const hm = numericMetrics(h);
        for (const name of [...new Set([...hm.keys(), ...bm.keys()])]) {
            const delta = metricDelta(id, name, bm.get(name) ?? null, hm.get(name) ?? null, threshold);
            const floor = h?.metrics[`${name}_floor`];
            metrics.push(typeof floor === 'number' && Number.isFinite(floor) ? { ...delta, floor } : delta);
        }
    };
    for (const h of head.tests) {
        const b = baseTests.get(h.id);
        tests.push({
            id: h.id,
            suite: h.suite,
            from: b?.status ?? null,
            to: h.status,
            reason: h.reason ?? null,
            cause: h.cause ? `${h.cause.cause} Fix: ${h.cause.fix}` : null,
            regression: b?.status === 'pass' && h.status === 'fail',
            fixed: b?.status === 'fail' && h.status === 'pass',
            ...floorNote(h),
        });
        // Metrics of a test that did not pass on both sides would compare a partial run; a skipped
        // test measured nothing.
        if (h.status !== 'skip' && (!b || (b.status === 'pass' && h.status === 'pass')))
            addMetrics(h.id, b, h);
    }
    for (const b of base?.tests ?? []) {
        if (headIds.has(b.id))
            continue;
        tests.push({
            id: b.id,
            suite: b.suite,
            from: b.status,
            to: null,
            reason: null,
            cause: null,
            regression: false,
            fixed: false,
        });
    }
    return {
        threshold,
        base: base ? tally(base) : null,
        head: tally(head),
        tests,
        metrics,
        regressions: tests.filter((t) => t.regression).length,
        metricRegressions: metrics.filter((m) => m.regression).length,
        fixed: tests.filter((t) => t.fixed).length,
        failing: tests.filter((t) => t.to === 'fail').length,
    };
}


/***/ }),

/***/ 15523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NQ: () => (/* binding */ readEnvRecord),
/* harmony export */   dV: () => (/* binding */ readSmokeResult),
/* harmony export */   lk: () => (/* reexport safe */ _util_json_file_js__WEBPACK_IMPORTED_MODULE_4__.lk)
/* harmony export */ });
/* unused harmony exports ENV_RECORD_MIGRATIONS, SMOKE_RESULT_MIGRATIONS */
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66917);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11012);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _smoke_result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3228);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20317);




const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const ENV_RECORD_MIGRATIONS = {
    // v1 -> v2: image.variant and image.created, from the labels the build sets (src/plan/tags.ts).
    1: (r) => {
        if (!isObject(r.image))
            return { ...r, schemaVersion: 2 };
        const labels = isObject(r.image.labels) ? r.image.labels : {};
        const label = (k) => (typeof labels[k] === 'string' ? labels[k] : null);
        return {
            ...r,
            schemaVersion: 2,
            image: { ...r.image, variant: label(_capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .VARIANT_LABEL */ .z), created: label(_capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .CREATED_LABEL */ .Kh) },
        };
    },
};
const SMOKE_RESULT_MIGRATIONS = {};
const ENV_RECORD = 'environment record (env.json)';
const SMOKE_RESULT = 'smoke result (smoke.json)';
const ENV_KEYS = ['image', 'python', 'apt', 'capture'];
const SMOKE_KEYS = ['tests', 'summary'];
const aOrAn = (what) => `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`;
const hasKeys = (json, keys) => keys.every((k) => k in json);
const MAX_ISSUES = 8;
function read(json, source, kind) {
    if (!isObject(json)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: not ${kind.what} (expected a JSON object, got ${describe(json)})`);
    }
    // Before the version: the other kind of file (each has its own versions) is named as what it is,
    // not as one of a version newer than this tool reads.
    if (hasKeys(json, kind.other.keys) && !hasKeys(json, kind.keys))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: not ${aOrAn(kind.what)}: it is ${aOrAn(kind.other.what)}`);
    const version = json.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: schemaVersion: expected a positive integer, got ${describe(version)} (is this ${kind.what}?)`);
    }
    if (version > kind.current) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: schemaVersion ${version} is newer than this version of ml-image reads (up to ${kind.current})`, 'update ml-image-action (the record was written by a newer release)');
    }
    let record = json;
    for (let v = version; v < kind.current; v++) {
        const step = kind.migrations[v];
        if (!step)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: schemaVersion ${v} is no longer readable (no migration to ${v + 1})`);
        record = step(record);
    }
    const parsed = kind.schema.safeParse(record);
    if (parsed.success)
        return parsed.data;
    const issues = parsed.error.issues;
    const lines = (0,_config_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .formatIssues */ .og)(parsed.error, record, kind.schema)
        .slice(0, MAX_ISSUES)
        .map((line) => `  - ${line}`);
    if (issues.length > MAX_ISSUES)
        lines.push(`  - ... and ${issues.length - MAX_ISSUES} more`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source}: not a valid ${kind.what} (schemaVersion ${version}): ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${lines.join('\n')}`);
}
function describe(v) {
    if (v === undefined)
        return 'nothing';
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'string')
        return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    return typeof v === 'object' ? 'an object' : String(v);
}
function readEnvRecord(json, source) {
    return read(json, source, {
        what: ENV_RECORD,
        current: _capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .ENV_RECORD_SCHEMA_VERSION */ .B6,
        migrations: ENV_RECORD_MIGRATIONS,
        schema: _capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvRecordSchema */ .iv,
        keys: ENV_KEYS,
        other: { what: SMOKE_RESULT, keys: SMOKE_KEYS },
    });
}
function readSmokeResult(json, source) {
    return read(json, source, {
        what: SMOKE_RESULT,
        current: _smoke_result_js__WEBPACK_IMPORTED_MODULE_3__/* .SMOKE_RESULT_SCHEMA_VERSION */ .Nn,
        migrations: SMOKE_RESULT_MIGRATIONS,
        schema: _smoke_result_js__WEBPACK_IMPORTED_MODULE_3__/* .SmokeResultSchema */ .wp,
        keys: SMOKE_KEYS,
        other: { what: ENV_RECORD, keys: ENV_KEYS },
    });
}
/** JSON text to a value; the error names the file. */



/***/ }),

/***/ 2996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iy: () => (/* binding */ SmokeDiffSchema),
/* harmony export */   Jt: () => (/* binding */ EnvSummarySchema),
/* harmony export */   KK: () => (/* binding */ EnvDiffSchema),
/* harmony export */   Vg: () => (/* binding */ COMPONENT_IDS)
/* harmony export */ });
/* unused harmony exports ChangeLevelSchema, PackageChangeSchema, PackageDiffSchema, ComponentIdSchema, ComponentChangeSchema, EnvVarChangeSchema, LabelChangeSchema, SizeItemSchema, LayerItemSchema, SizeTopSchema, SizeChangeSchema, SizeExplanationSchema, SmokeStatusSchema, SmokeTestChangeSchema, MetricDeltaSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
// The shapes the diff produces, as zod schemas: the report model (src/report/model.ts) embeds them
// and a privileged workflow re-validates that model from an untrusted artifact, so they are data
// only (no Markdown, no labels the renderer could take at face value).

const ChangeLevelSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['major', 'minor', 'patch', 'local', 'other']);
const PackageChangeSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['added', 'removed', 'upgraded', 'downgraded']),
    from: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    level: ChangeLevelSchema.nullable(),
});
const PackageDiffSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    baseCount: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    headCount: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    unchanged: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    /** Upgraded/downgraded by level (major first), then added, then removed; by name within each. */
    changes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(PackageChangeSchema),
});
/** The components the overview shows, in its order; `host` ones describe the runner, not the image. */
const COMPONENT_IDS = [
    'os',
    'glibc',
    'python',
    'torch',
    'torchCuda',
    'numpy',
    'cuda',
    'cudnn',
    'nccl',
    'driverMaxCuda',
    'driver',
    'gpus',
];
const ComponentIdSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(COMPONENT_IDS);
const ComponentChangeSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: ComponentIdSchema,
    from: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    changed: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    /** up/down for versions that compare; "changed" for the rest (OS name, GPU list). */
    direction: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['up', 'down', 'changed']).nullable(),
    level: ChangeLevelSchema.nullable(),
    /** Driver, driver max CUDA and GPUs come from the machine that captured the record, not the image. */
    host: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
});
const EnvVarChangeSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['added', 'removed', 'changed']),
    from: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
});
const LabelChangeSchema = EnvVarChangeSchema.extend({
    /** Changes on every build (creation time, commit): listed, but not an environment change. */
    volatile: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
});
const count = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative();
/** A package among an image's biggest (pip: RECORD sizes; apt: dpkg's Installed-Size). */
const SizeItemSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    sizeBytes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
});
/** A layer among an image's biggest, with the instruction that made it. */
const LayerItemSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ createdBy: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), sizeBytes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative() });
/** The biggest contributors to an image's size; a list is empty when the record has no sizes. */
const SizeTopSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    pip: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SizeItemSchema),
    apt: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SizeItemSchema),
    layers: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(LayerItemSchema),
});
/** What one package or layer added to (or took from) the image, base -> this PR. */
const SizeChangeSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pip', 'apt', 'layer']),
    /** Package name, or the layer's instruction. */
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    /** Versions (packages; null: not installed on that side); null for layers. */
    from: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    baseBytes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().nullable(),
    headBytes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative().nullable(),
    delta: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
});
/** Where the bytes went: the image's size change and the packages and layers that made it. */
const SizeExplanationSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    delta: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    /** Both records had package sizes (older records have none). */
    packagesKnown: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    /** Both records had the layers' history. */
    layersKnown: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    /** The biggest package changes by size (pip and apt together), largest |delta| first. */
    packages: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SizeChangeSchema),
    /** Sum of every package's change (shown or not). */
    packagesDelta: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    /** Packages whose size changed, shown or not. */
    packagesChanged: count,
    /** The biggest layer changes, largest |delta| first (matched by instruction). */
    layers: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SizeChangeSchema),
});
const EnvSummarySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    ref: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    digest: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    platform: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    variant: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    created: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    sizeBytes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
    layers: count,
    pipCount: count,
    aptCount: count,
    /** The biggest packages and layers; absent in reports of records without sizes. */
    top: SizeTopSchema.optional(),
    components: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc(Object.fromEntries(COMPONENT_IDS.map((id) => [id, zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable()]))),
});
const delta = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ base: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), head: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), delta: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig() });
const EnvDiffSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    pip: PackageDiffSchema,
    apt: PackageDiffSchema,
    components: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(ComponentChangeSchema),
    env: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        changes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(EnvVarChangeSchema),
        unchanged: count,
        /** Redacted on both sides: whether they differ cannot be told (and is never guessed). */
        redactedBoth: count,
    }),
    labels: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ changes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(LabelChangeSchema), unchanged: count }),
    size: delta,
    layers: delta,
    /** Which packages and layers made the size change; absent when neither record has sizes. */
    sizeExplanation: SizeExplanationSchema.optional(),
    /** Anything changed other than volatile labels and host facts. */
    changed: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
});
const SmokeStatusSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pass', 'fail', 'skip']);
const SmokeTestChangeSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    suite: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    from: SmokeStatusSchema.nullable(),
    to: SmokeStatusSchema.nullable(),
    /** This PR's reason (fail/skip) and classified cause. */
    reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    cause: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    /** pass -> fail */
    regression: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    /** fail -> pass */
    fixed: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    /** What the floors said of this PR's test: the row judged against, or "no floor for ..." (GPU suites). */
    note: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
});
const MetricDeltaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    test: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    metric: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    base: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable(),
    head: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable(),
    /** (head - base) / |base|; null without both values or with base 0. */
    relative: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nullable(),
    better: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['higher', 'lower']).nullable(),
    regression: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    improved: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    /** The floor this PR's value was judged against (the smoke script's <metric>_floor). */
    floor: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
});
const smokeSummary = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ pass: count, fail: count, skip: count });
const SmokeDiffSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    threshold: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().nonnegative(),
    base: smokeSummary.nullable(),
    head: smokeSummary,
    tests: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SmokeTestChangeSchema),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(MetricDeltaSchema),
    regressions: count,
    metricRegressions: count,
    fixed: count,
    failing: count,
});


/***/ }),

/***/ 37282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FT: () => (/* binding */ sizeTop),
/* harmony export */   Lw: () => (/* binding */ sizeDrivers),
/* harmony export */   xC: () => (/* binding */ explainSize)
/* harmony export */ });
/* unused harmony exports TOP_N, CHANGES_N, firstN */
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49997);

/** How many of each the summary keeps, and how many changes the explanation keeps. */
const TOP_N = 10;
const CHANGES_N = 20;
const norm = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
const byName = _util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .compareText */ .n;
/**
 * pip distributions with a size, by normalised name. A name installed twice (Debian's copy in
 * /usr/lib/python3 and pip's) takes up both copies' bytes; the version is the copy Python imports
 * (outside /usr/lib/python3), as in the package diff.
 */
const pipCache = new WeakMap();
const aptCache = new WeakMap();
const topCache = new WeakMap();
function cached(cache, r, make) {
    if (cache.has(r))
        return cache.get(r);
    const v = make(r);
    cache.set(r, v);
    return v;
}
function pipSizes(r) {
    return cached(pipCache, r, pipSizesOf);
}
function aptSizes(r) {
    return cached(aptCache, r, aptSizesOf);
}
function pipSizesOf(r) {
    const out = new Map();
    for (const p of r.python.packages) {
        if (p.sizeBytes === undefined)
            continue;
        const key = norm(p.name);
        const os = p.location.startsWith('/usr/lib/python3');
        const seen = out.get(key);
        if (!seen)
            out.set(key, { name: p.name, version: p.version, sizeBytes: p.sizeBytes, os });
        else {
            seen.sizeBytes += p.sizeBytes;
            if (seen.os && !os)
                Object.assign(seen, { name: p.name, version: p.version, os });
        }
    }
    return out;
}
/** apt packages with a size, by name (name:arch where a name is installed for several). */
function aptSizesOf(r) {
    const counts = new Map();
    for (const p of r.apt)
        counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    const out = new Map();
    for (const p of r.apt) {
        if (p.sizeBytes === undefined)
            continue;
        const name = counts.get(p.name) > 1 ? `${p.name}:${p.arch}` : p.name;
        out.set(name, { name, version: p.version, sizeBytes: p.sizeBytes });
    }
    return out;
}
/**
 * The n first of `items` in `order`, in that order: one pass keeping the n best (a full sort of
 * 5,000 packages per record is the cost that matters in a ten-variant run).
 */
function firstN(items, n, order) {
    const best = [];
    if (n <= 0)
        return best;
    for (const x of items) {
        if (best.length === n && order(x, best[n - 1]) >= 0)
            continue;
        let i = best.length === n ? n - 1 : best.length;
        while (i > 0 && order(x, best[i - 1]) < 0) {
            best[i] = best[i - 1];
            i--;
        }
        best[i] = x;
        if (best.length > n)
            best.length = n;
    }
    return best;
}
/** The n biggest, biggest first (by name on a tie, so the output is stable). */
function biggest(items, n, key) {
    const nonEmpty = [...items].filter((x) => x.sizeBytes > 0);
    return firstN(nonEmpty, n, (a, b) => b.sizeBytes - a.sizeBytes || byName(key(a), key(b)));
}
/** The biggest pip and apt packages and layers of one record; undefined when it has no sizes. */
function sizeTop(r, n = TOP_N) {
    return n === TOP_N ? cached(topCache, r, (x) => sizeTopOf(x, n)) : sizeTopOf(r, n);
}
function sizeTopOf(r, n) {
    const pip = pipSizes(r);
    const apt = aptSizes(r);
    const layers = r.image.history ?? [];
    if (pip.size === 0 && apt.size === 0 && layers.length === 0)
        return undefined;
    const item = (s) => ({ name: s.name, version: s.version, sizeBytes: s.sizeBytes });
    return {
        pip: biggest(pip.values(), n, (s) => s.name).map(item),
        apt: biggest(apt.values(), n, (s) => s.name).map(item),
        layers: biggest(layers, n, (l) => l.createdBy).map((l) => ({
            createdBy: l.createdBy,
            sizeBytes: l.sizeBytes,
        })),
    };
}
function packageChanges(kind, base, head) {
    const out = [];
    for (const [key, h] of head) {
        const b = base.get(key);
        const delta = h.sizeBytes - (b?.sizeBytes ?? 0);
        if (delta !== 0)
            out.push({
                kind,
                name: h.name,
                from: b?.version ?? null,
                to: h.version,
                baseBytes: b?.sizeBytes ?? null,
                headBytes: h.sizeBytes,
                delta,
            });
    }
    for (const [key, b] of base)
        if (!head.has(key) && b.sizeBytes !== 0)
            out.push({
                kind,
                name: b.name,
                from: b.version,
                to: null,
                baseBytes: b.sizeBytes,
                headBytes: null,
                delta: -b.sizeBytes,
            });
    return out;
}
/**
 * Layers matched by instruction, in order (the base image's steps match themselves; a changed
 * RUN line is one layer removed and one added). Unchanged layers are left out.
 */
function layerChanges(base, head) {
    const pool = new Map();
    for (const l of base)
        pool.set(l.createdBy, [...(pool.get(l.createdBy) ?? []), l.sizeBytes]);
    const out = [];
    const layer = (name, from, to) => ({
        kind: 'layer',
        name,
        from: null,
        to: null,
        baseBytes: from,
        headBytes: to,
        delta: (to ?? 0) - (from ?? 0),
    });
    for (const h of head) {
        const sizes = pool.get(h.createdBy);
        const b = sizes?.shift();
        if (b === undefined) {
            if (h.sizeBytes > 0)
                out.push(layer(h.createdBy, null, h.sizeBytes));
        }
        else if (b !== h.sizeBytes)
            out.push(layer(h.createdBy, b, h.sizeBytes));
    }
    for (const [name, sizes] of pool)
        for (const b of sizes)
            if (b > 0)
                out.push(layer(name, b, null));
    return out;
}
/** Largest change first; growth before shrinkage on a tie; then by name. */
const byImpact = (a, b) => Math.abs(b.delta) - Math.abs(a.delta) || b.delta - a.delta || byName(a.name, b.name);
/** Which packages and layers made the image's size change; undefined when neither side has sizes. */
function explainSize(base, head, n = CHANGES_N) {
    const hasPackages = (r) => r.python.packages.some((p) => p.sizeBytes !== undefined) || r.apt.some((p) => p.sizeBytes !== undefined);
    const packagesKnown = hasPackages(base) && hasPackages(head);
    const layersKnown = base.image.history !== undefined && head.image.history !== undefined;
    if (!hasPackages(head) && head.image.history === undefined)
        return undefined;
    const packages = packagesKnown
        ? [
            ...packageChanges('pip', pipSizes(base), pipSizes(head)),
            ...packageChanges('apt', aptSizes(base), aptSizes(head)),
        ]
        : [];
    const layers = layersKnown ? layerChanges(base.image.history, head.image.history) : [];
    return {
        delta: head.image.sizeBytes - base.image.sizeBytes,
        packagesKnown,
        layersKnown,
        packages: firstN(packages, n, byImpact),
        packagesDelta: packages.reduce((s, c) => s + c.delta, 0),
        packagesChanged: packages.length,
        layers: firstN(layers, n, byImpact),
    };
}
/**
 * The changes that explain the size change, in its direction (growth: what grew, biggest first),
 * packages before layers (a package names the cause; a layer holds many packages).
 */
function sizeDrivers(e) {
    const sign = e.delta < 0 ? -1 : 1;
    const pick = (list) => list.filter((c) => c.delta * sign > 0);
    const packages = pick(e.packages);
    return packages.length > 0 ? packages : pick(e.layers);
}


/***/ }),

/***/ 49458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ computeTags),
/* harmony export */   Ag: () => (/* binding */ LABEL_PREFIX),
/* harmony export */   YN: () => (/* binding */ versionFromRef),
/* harmony export */   zt: () => (/* binding */ computeLabels)
/* harmony export */ });
// Tags and OCI labels of a variant. Pure: the git/CI context is passed in.
//
// Tag rules (docs/configuration.md "Tags"):
//   <version>-<variant>        when a version is known (image.version, or a v1.2.3 git tag)
//   sha-<sha7>-<variant>       whenever the commit is known
//   pr-<n>-<variant>           on pull requests
//   <variant>                  on the default branch (the variant's moving "latest")
//   latest                     on the default branch, for the first variant of the config only
//   dev-<variant>              when none of the above applies (a local build outside git)
const LABEL_PREFIX = 'io.github.ml-image-action';
/** A version from a tag ref like refs/tags/v1.4.0 -> "1.4.0". */
function versionFromRef(ref) {
    const m = /^refs\/tags\/v?(\d+\.\d+\.\d+[A-Za-z0-9.+-]*)$/.exec(ref ?? '');
    return m ? m[1].replace(/\+/g, '-') : undefined;
}
function computeTags(t) {
    const tags = [];
    const add = (tag) => {
        const full = `${t.repository}:${tag}`;
        if (!tags.includes(full))
            tags.push(full);
    };
    const version = t.version ?? versionFromRef(t.git.ref);
    if (version !== undefined)
        add(`${version}-${t.variant}`);
    if (t.git.sha)
        add(`sha-${t.git.sha.slice(0, 7)}-${t.variant}`);
    if (t.git.prNumber !== undefined)
        add(`pr-${t.git.prNumber}-${t.variant}`);
    if (t.git.isDefaultBranch) {
        add(t.variant);
        if (t.primary)
            add('latest');
    }
    if (tags.length === 0)
        add(`dev-${t.variant}`);
    return tags;
}
/** OCI labels plus the project's own. The base image digest label is added at build time. */
function computeLabels(l) {
    const version = l.version ?? versionFromRef(l.git.ref);
    return {
        'org.opencontainers.image.title': l.title,
        'org.opencontainers.image.created': l.git.commitTime ?? l.created.toISOString(),
        ...(l.git.repositoryUrl !== undefined && { 'org.opencontainers.image.source': l.git.repositoryUrl }),
        ...(l.git.sha !== undefined && { 'org.opencontainers.image.revision': l.git.sha }),
        ...(version !== undefined && { 'org.opencontainers.image.version': version }),
        'org.opencontainers.image.base.name': l.baseImage,
        [`${LABEL_PREFIX}.variant`]: l.variant,
        [`${LABEL_PREFIX}.python`]: l.python,
        ...(l.cuda !== undefined && { [`${LABEL_PREFIX}.cuda`]: l.cuda }),
        ...(l.torch !== undefined && { [`${LABEL_PREFIX}.torch`]: l.torch }),
        [`${LABEL_PREFIX}.base-image`]: l.baseImage,
    };
}


/***/ }),

/***/ 14031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* reexport safe */ _util_text_js__WEBPACK_IMPORTED_MODULE_1__.$),
/* harmony export */   Hg: () => (/* binding */ mermaidText),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   md: () => (/* reexport safe */ _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__.md),
/* harmony export */   qy: () => (/* reexport safe */ _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__.qy),
/* harmony export */   s8: () => (/* binding */ markerKey)
/* harmony export */ });
/* harmony import */ var _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17183);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
// Where the report makes untrusted text safe for GitHub Markdown (PR comments, job summaries).
// Every value from a record, smoke result, resolver or model goes through md() or html() at render
// time; the renderer's own template text never contains user data unescaped. md() and html() are
// src/util/markdown.ts's (which the resolver's explanation.md also uses), re-exported here.




/**
 * A link target: only http(s) URLs, percent-encoded so that nothing in them can end the Markdown
 * link or open HTML. Anything else is dropped (null).
 */
function safeUrl(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return null;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        return null;
    // Credentials in a URL are a secret: never printed.
    u.username = '';
    u.password = '';
    return u.href.replace(/[()<>"'`\s|[\]\\@]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
/** Characters a marker key may hold; anything else becomes "_" (it lives inside an HTML comment). */
function markerKey(key, max = 160) {
    // Without < > ! the key can never end the comment it lives in.
    const clean = key.replace(/[^A-Za-z0-9._/:@,+-]/g, '_');
    if (clean.length <= max)
        return clean;
    // Long keys keep a hash of the whole so two keys with the same start stay distinct.
    return `${clean.slice(0, max - 9)}+${fnv1a(key)}`;
}
function fnv1a(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
}
// Mermaid (charts in ```mermaid blocks): only these characters are written as they are; any other
// becomes a Mermaid entity code, `#<decimal code point>;`, which Mermaid turns back into the
// character when it draws (its encodeEntities/decodeEntities). So no value can end a quoted label
// (`"`), start a comment or a directive (`%%`, `%%{init}%%`), separate statements (`;`, a newline),
// be taken for an entity of its own (`#`), open a Markdown string (a backtick, which could also
// end the fenced block) or carry HTML (`<`).
const MERMAID_SAFE = /^[A-Za-z0-9 .,_+\-/()]$/u;
/**
 * Text for a Mermaid label or title (always written inside double quotes, or as a pie title to
 * the end of its line): control characters removed, bidirectional overrides replaced, line breaks
 * and tabs as single spaces, clipped to max characters, every character outside
 * [A-Za-z0-9 .,_+-/()] as `#<code point>;`. Never empty (an empty label reads as "?").
 */
function mermaidText(text, max = 80) {
    const plain = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$)((0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .stripUnsafe */ .P4)(String(text))
        .replace(/[\s\u2028\u2029]+/gu, ' ')
        .trim(), max);
    let out = '';
    for (const ch of plain)
        out += MERMAID_SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
    return out === '' ? '?' : out;
}


/***/ }),

/***/ 12011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ fmtInt),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   M: () => (/* binding */ COMPONENT_LABELS),
/* harmony export */   Oe: () => (/* binding */ pct),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   x8: () => (/* binding */ signed),
/* harmony export */   zi: () => (/* binding */ fmtBytes)
/* harmony export */ });
const int = new Intl.NumberFormat('en-US');
const fmtInt = (n) => int.format(n);
function fmtBytes(n) {
    const a = Math.abs(n);
    const [div, unit, digits] = a >= 1e9 ? [1e9, 'GB', 2] : a >= 1e6 ? [1e6, 'MB', 1] : a >= 1e3 ? [1e3, 'kB', 1] : [1, 'B', 0];
    return `${(n / div).toFixed(digits)} ${unit}`;
}
const signed = (n, f) => n > 0 ? `+${f(n)}` : n < 0 ? `−${f(-n)}` : '±0';
const pct = (r) => `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r * 100).toFixed(1)}%`;
/** Up to 4 significant digits, without exponent noise. */
function num(n) {
    if (!Number.isFinite(n))
        return String(n);
    if (Number.isInteger(n))
        return fmtInt(n);
    return String(Number(n.toPrecision(4)));
}
const plural = (n, one, many = `${one}s`) => `${fmtInt(n)} ${n === 1 ? one : many}`;
const COMPONENT_LABELS = {
    os: 'OS',
    glibc: 'glibc',
    python: 'Python',
    torch: 'torch',
    torchCuda: 'torch CUDA build',
    numpy: 'NumPy',
    cuda: 'CUDA runtime',
    cudnn: 'cuDNN',
    nccl: 'NCCL',
    driverMaxCuda: 'Driver max CUDA',
    driver: 'NVIDIA driver',
    gpus: 'GPUs',
};


/***/ }),

/***/ 96867:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DY: () => (/* binding */ defaultMarkerKey),
/* harmony export */   MW: () => (/* binding */ buildReportModel),
/* harmony export */   R9: () => (/* binding */ ReportModelSchema),
/* harmony export */   f3: () => (/* binding */ SEVERITY_RANK),
/* harmony export */   vF: () => (/* binding */ assessReport)
/* harmony export */ });
/* unused harmony exports REPORT_MODEL_SCHEMA_VERSION, SupplyChainSchema, PlatformReportSchema, parseReportModel, componentSeverity */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(92857);
/* harmony import */ var _diff_diff_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41839);
/* harmony import */ var _diff_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2996);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11012);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(311);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(14031);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(12011);
/* harmony import */ var _size_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(29437);
// The report model: everything the Markdown report says, as data. It is also the fork-safe
// artifact: a privileged workflow re-validates it with ReportModelSchema and re-renders it, so it
// carries data only (never pre-rendered Markdown) and every string in it is treated as untrusted.
// The severity policy lives here too (assessReport, at the end): the renderer only renders it.









const REPORT_MODEL_SCHEMA_VERSION = 1;
const SupplyChainSchema = zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({
    /** How it signed, or why it did not (one line). */
    signing: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    targets: zod__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({
        platform: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
        ref: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
        signed: zod__WEBPACK_IMPORTED_MODULE_7__/* .boolean */ .zMY(),
        attestations: zod__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({ kind: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(), attached: zod__WEBPACK_IMPORTED_MODULE_7__/* .boolean */ .zMY(), verify: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().optional() })),
        notes: zod__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP()),
    })),
});
const httpUrl = zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP()
    .max(4096)
    .refine((u) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .safeUrl */ .Pl)(u) !== null, 'expected an http(s) URL');
const PlatformReportSchema = zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({
    platform: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    head: _diff_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvSummarySchema */ .Jt,
    base: _diff_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvSummarySchema */ .Jt.nullable(),
    /** null: no base record for this platform. */
    diff: _diff_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvDiffSchema */ .KK.nullable(),
    /** null: no smoke result for this PR. */
    smoke: _diff_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .SmokeDiffSchema */ .Iy.nullable(),
});
const ReportModelSchema = zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_7__/* .literal */ .euz(REPORT_MODEL_SCHEMA_VERSION),
    kind: zod__WEBPACK_IMPORTED_MODULE_7__/* .literal */ .euz('ml-image-report'),
    tool: zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({ version: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP() }),
    image: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    variant: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    markerKey: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
    head: zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({ ref: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().optional(), sha: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().optional() }),
    baseline: zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({ ref: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(), sha: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().optional() }).nullable(),
    noBaselineReason: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().nullable(),
    resolution: zod__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP()),
    links: zod__WEBPACK_IMPORTED_MODULE_7__/* .object */ .Ikc({ run: httpUrl.optional(), artifact: httpUrl.optional() }),
    platforms: zod__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(PlatformReportSchema).min(1),
    /** Absent in reports written before the attest stage existed. */
    supplyChain: SupplyChainSchema.optional(),
    /** config size.budget, as configured; absent: no budget. */
    sizeBudget: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().max(40).optional(),
});
/** The marker key when the config sets none: one comment per image, variant and platform set. */
function defaultMarkerKey(image, variant, platforms) {
    return `${image}:${variant}@${[...platforms].sort().join(',')}`;
}
function buildReportModel(input) {
    if (input.entries.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`report ${input.image}:${input.variant}: no records`);
    const entries = [...input.entries].sort((a, b) => a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : 0);
    const threshold = input.smokeThreshold !== undefined ? { threshold: input.smokeThreshold } : {};
    const platforms = entries.map((e) => ({
        platform: e.platform,
        head: (0,_diff_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .summarize */ .eh)(e.head),
        base: e.base ? (0,_diff_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .summarize */ .eh)(e.base) : null,
        diff: e.base ? (0,_diff_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .diffRecords */ .OM)(e.base, e.head) : null,
        smoke: e.headSmoke ? (0,_diff_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .diffSmoke */ .pF)(e.baseSmoke ?? undefined, e.headSmoke, threshold) : null,
    }));
    const links = {};
    // A link that is not http(s) is dropped here rather than failing the poster later.
    if (input.links?.run && (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .safeUrl */ .Pl)(input.links.run))
        links.run = input.links.run;
    if (input.links?.artifact && (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .safeUrl */ .Pl)(input.links.artifact))
        links.artifact = input.links.artifact;
    return {
        schemaVersion: REPORT_MODEL_SCHEMA_VERSION,
        kind: 'ml-image-report',
        tool: { version: _version_js__WEBPACK_IMPORTED_MODULE_8__/* .VERSION */ .x },
        image: input.image,
        variant: input.variant,
        markerKey: input.markerKey ??
            defaultMarkerKey(input.image, input.variant, entries.map((e) => e.platform)),
        head: {
            ...(input.head?.ref !== undefined && { ref: input.head.ref }),
            ...(input.head?.sha !== undefined && { sha: input.head.sha }),
        },
        baseline: input.baseline
            ? { ref: input.baseline.ref, ...(input.baseline.sha !== undefined && { sha: input.baseline.sha }) }
            : null,
        noBaselineReason: input.noBaselineReason ?? null,
        resolution: input.resolution ?? [],
        links,
        platforms,
        ...(input.supplyChain && { supplyChain: input.supplyChain }),
        ...(input.sizeBudget !== undefined && { sizeBudget: input.sizeBudget }),
    };
}
/** A model from JSON (the artifact a privileged workflow downloads); InputError naming the source. */
function parseReportModel(json, source) {
    const r = ReportModelSchema.safeParse(json);
    if (r.success)
        return r.data;
    throw new InputError(`${source}: not a valid report model: ${formatIssues(r.error, json, ReportModelSchema).slice(0, 5).join('; ')}`);
}
const SEVERITY_RANK = { info: 0, warning: 1, failure: 2 };
/** Components the verdict names when they change, in this order. */
const VERDICT_COMPONENTS = [
    'numpy',
    'torch',
    'cuda',
    'python',
    'cudnn',
    'nccl',
    'glibc',
    'os',
    'torchCuda',
];
function assessReport(model) {
    const smoke = model.platforms.map((p) => p.smoke).filter((s) => !!s);
    const withDiff = model.platforms.filter((p) => !!p.diff);
    if (withDiff.length === 0)
        return noBaselineAssessment(model, smoke);
    const findings = [];
    const add = (raw, severity) => {
        // Values come from the image: a 1,000-character version must not crowd out the rest.
        const text = (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(raw, 120);
        if (!findings.some((f) => f.text === text))
            findings.push({ text, severity });
    };
    for (const p of model.platforms.filter((x) => !x.diff))
        add(`no baseline for ${p.platform}`, 'info');
    for (const b of (0,_size_js__WEBPACK_IMPORTED_MODULE_6__/* .budgetBreaches */ .Bq)(model.sizeBudget, model.platforms))
        add(b.short, 'failure');
    componentFindings(withDiff, add);
    smokeFindings(smoke, add);
    packageFindings(withDiff, 'pip', add);
    packageFindings(withDiff, 'apt', add);
    otherFindings(withDiff, add);
    if (findings.length === 0)
        return { verdict: 'unchanged', findings: [{ text: 'No environment changes', severity: 'info' }] };
    const worst = Math.max(...findings.map((f) => SEVERITY_RANK[f.severity]));
    return { verdict: worst === 2 ? 'failure' : worst === 1 ? 'warning' : 'changed', findings };
}
/** Failing smoke tests, counted once however many platforms they fail on. */
const distinctFailing = (smoke, exceptRegressions) => new Set(smoke.flatMap((s) => s.tests.filter((t) => t.to === 'fail' && !(exceptRegressions && t.regression)).map((t) => t.id))).size;
function noBaselineAssessment(model, smoke) {
    const reason = model.noBaselineReason?.trim();
    const text = reason
        ? `${reason.charAt(0).toUpperCase()}${reason.slice(1)} — environment summary below`
        : model.baseline
            ? `First run: no baseline for ${model.baseline.ref} yet — environment summary below`
            : 'No baseline to compare with — environment summary below';
    const findings = [{ text: (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(text, 160), severity: 'info' }];
    const failing = distinctFailing(smoke, false);
    if (failing)
        findings.push({ text: (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(failing, 'smoke test')} failing`, 120), severity: 'failure' });
    const breaches = (0,_size_js__WEBPACK_IMPORTED_MODULE_6__/* .budgetBreaches */ .Bq)(model.sizeBudget, model.platforms);
    for (const b of breaches)
        findings.push({ text: (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(b.short, 160), severity: 'failure' });
    return { verdict: failing || breaches.length > 0 ? 'failure' : 'no-baseline', findings };
}
/** A version change of a major component: a warning when major, a downgrade, added or removed. */
function componentSeverity(c) {
    return c.level === 'major' || c.direction === 'down' || !c.from || !c.to ? 'warning' : 'info';
}
function componentFindings(withDiff, add) {
    for (const id of VERDICT_COMPONENTS) {
        for (const p of withDiff) {
            const c = p.diff.components.find((x) => x.id === id);
            if (!c?.changed || c.host)
                continue;
            // The torch version names its CUDA build already.
            if (id === 'torchCuda' && p.diff.components.find((x) => x.id === 'torch')?.changed)
                continue;
            const level = c.level ? ` (${c.level}${c.direction === 'down' ? ', downgrade' : ''})` : '';
            add(`${_format_js__WEBPACK_IMPORTED_MODULE_5__/* .COMPONENT_LABELS */ .M[id]} ${c.from ?? 'none'} → ${c.to ?? 'none'}${level}`, componentSeverity(c));
        }
    }
}
function smokeFindings(smoke, add) {
    // The same test regressing on two platforms is one regression to look at.
    const distinct = (pick) => new Set(smoke.flatMap(pick)).size;
    const regressions = distinct((s) => s.tests.filter((t) => t.regression).map((t) => t.id));
    const failing = distinctFailing(smoke, true);
    const metricRegressions = distinct((s) => s.metrics.filter((m) => m.regression).map((m) => `${m.test}\u0000${m.metric}`));
    const fixed = distinct((s) => s.tests.filter((t) => t.fixed).map((t) => t.id));
    if (regressions)
        add((0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(regressions, 'smoke regression'), 'failure');
    if (failing > 0)
        add(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(failing, 'smoke test')} failing`, 'failure');
    if (metricRegressions)
        add((0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(metricRegressions, 'metric regression'), 'warning');
    if (fixed)
        add(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(fixed, 'smoke test')} fixed`, 'info');
}
function packageFindings(withDiff, eco, add) {
    // The same change on several platforms counts once.
    const list = withDiff.length === 1
        ? withDiff[0].diff[eco].changes
        : [
            ...new Map(withDiff
                .flatMap((p) => p.diff[eco].changes)
                .map((c) => [`${c.kind}\u0000${c.name}\u0000${c.from}\u0000${c.to}`, c])).values(),
        ];
    if (!list.length)
        return;
    const major = list.filter((c) => c.level === 'major').length;
    const risky = major > 0 || list.some((c) => c.kind === 'downgraded' || c.kind === 'removed');
    add(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(list.length, `${eco} change`)}${major ? ` (${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtInt */ .L5)(major)} major)` : ''}`, risky ? 'warning' : 'info');
}
/** Environment variables, labels (volatile ones aside) and an image size change of 5% or more. */
function otherFindings(withDiff, add) {
    const env = Math.max(...withDiff.map((p) => p.diff.env.changes.length));
    if (env)
        add((0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(env, 'env change'), 'info');
    const labels = Math.max(...withDiff.map((p) => p.diff.labels.changes.filter((c) => !c.volatile).length));
    if (labels)
        add((0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .LS)(labels, 'label change'), 'info');
    for (const p of withDiff) {
        const s = p.diff.size;
        if (s.base > 0 && Math.abs(s.delta) / s.base >= 0.05)
            add(`image ${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .signed */ .x8)(s.delta, _format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtBytes */ .zi)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .pct */ .Oe)(s.delta / s.base)})${withDiff.length > 1 ? ` on ${p.platform}` : ''}`, 'info');
    }
}


/***/ }),

/***/ 29437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ budgetBreaches),
/* harmony export */   Qd: () => (/* binding */ sizeHeadline),
/* harmony export */   uQ: () => (/* binding */ describeChange)
/* harmony export */ });
/* unused harmony exports parseSizeBudget, topContributor */
/* harmony import */ var _config_size_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64089);
/* harmony import */ var _diff_size_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37282);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14031);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(12011);
// Where the bytes went, as plain text (the renderer escapes it): the size change's explanation
// ("+610 MB: nvidia-cudnn-cu12 9.5 → 9.7 +402 MB, ..."), and the size budget (config size.budget),
// whose breach fails the report stage naming what grew most.





const UNITS = {
    B: 1,
    kB: 1e3,
    KB: 1e3,
    MB: 1e6,
    GB: 1e9,
    TB: 1e12,
    KiB: 2 ** 10,
    MiB: 2 ** 20,
    GiB: 2 ** 30,
    TiB: 2 ** 40,
};
/** "8GB" -> 8e9 bytes, "+5%" -> growth 0.05; InputError naming the key and the value otherwise. */
function parseSizeBudget(text) {
    const t = text.trim();
    if (!_config_size_js__WEBPACK_IMPORTED_MODULE_0__/* .SIZE_BUDGET_PATTERN */ .H.test(t))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`size.budget: expected a size such as "8GB" or a growth such as "+5%", got "${text}"`);
    if (t.endsWith('%'))
        return { kind: 'growth', ratio: Number(t.slice(1, -1)) / 100 };
    const m = /^([\d.]+)\s*(\w+)$/.exec(t);
    return { kind: 'absolute', bytes: Number(m[1]) * UNITS[m[2]] };
}
/** "nvidia-cudnn-cu12 9.5 → 9.7 +402.0 MB", "torch 2.6.0 (new) +1.20 GB", "RUN pip install … +3.1 GB". */
function describeChange(c) {
    const bytes = (0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .signed */ .x8)(c.delta, _format_js__WEBPACK_IMPORTED_MODULE_4__/* .fmtBytes */ .zi);
    if (c.kind === 'layer')
        return `layer ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(c.name, 80)} ${bytes}`;
    const name = (0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(c.name, 60);
    if (c.from === null)
        return `${name} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(c.to ?? '', 40)} (added) ${bytes}`;
    if (c.to === null)
        return `${name} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(c.from, 40)} (removed) ${bytes}`;
    if (c.from === c.to)
        return `${name} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(c.to, 40)} ${bytes}`;
    return `${name} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(c.from, 40)} → ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(c.to, 40)} ${bytes}`;
}
/** "+610.0 MB: a 1 → 2 +402.0 MB, b (added) +150.0 MB, …"; null when nothing explains the change. */
function sizeHeadline(e, n = 3) {
    if (e.delta === 0)
        return null;
    const drivers = (0,_diff_size_js__WEBPACK_IMPORTED_MODULE_1__/* .sizeDrivers */ .Lw)(e);
    if (drivers.length === 0)
        return null;
    const more = drivers.length > n ? ', …' : '';
    return `${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .signed */ .x8)(e.delta, _format_js__WEBPACK_IMPORTED_MODULE_4__/* .fmtBytes */ .zi)}: ${drivers.slice(0, n).map(describeChange).join(', ')}${more}`;
}
/** What weighs most in an image (no baseline, or nothing grew): its biggest package or layer. */
function biggestPart(p) {
    const top = p.head.top;
    if (!top)
        return null;
    const pkgs = [
        ...top.pip.map((x) => ({ ...x, eco: 'pip' })),
        ...top.apt.map((x) => ({ ...x, eco: 'apt' })),
    ].sort((a, b) => b.sizeBytes - a.sizeBytes);
    const pkg = pkgs[0];
    if (pkg)
        return `${pkg.eco} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(pkg.name, 60)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(pkg.version, 40)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .fmtBytes */ .zi)(pkg.sizeBytes)})`;
    const layer = top.layers[0];
    return layer ? `layer ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(layer.createdBy, 80)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .fmtBytes */ .zi)(layer.sizeBytes)})` : null;
}
/** The top contributor a breach names: what grew most, else what weighs most. */
function topContributor(p) {
    const e = p.diff?.sizeExplanation;
    const grew = e ? (0,_diff_size_js__WEBPACK_IMPORTED_MODULE_1__/* .sizeDrivers */ .Lw)(e).filter((c) => c.delta > 0)[0] : undefined;
    if (grew)
        return `top contributor: ${describeChange(grew)}`;
    const big = biggestPart(p);
    return big ? `top contributor: ${big}` : 'no package or layer sizes in the record to name a contributor';
}
/** The platforms whose image breaks the size budget (config size.budget), with the reason. */
function budgetBreaches(sizeBudget, platforms) {
    if (!sizeBudget)
        return [];
    let budget;
    try {
        budget = parseSizeBudget(sizeBudget);
    }
    catch {
        return []; // an artifact's model is untrusted: an unreadable budget judges nothing
    }
    const out = [];
    for (const p of platforms) {
        const size = p.head.sizeBytes;
        const where = platforms.length > 1 ? ` on ${p.platform}` : '';
        const top = topContributor(p);
        const short = `size budget ${sizeBudget} exceeded${where}; ${top}`;
        if (budget.kind === 'absolute' && size > budget.bytes) {
            out.push({
                platform: p.platform,
                short,
                text: `image ${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .fmtBytes */ .zi)(size)}${where} is over the size budget ${sizeBudget} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .fmtBytes */ .zi)(budget.bytes)}) by ${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .fmtBytes */ .zi)(size - budget.bytes)}; ${top}`,
            });
        }
        else if (budget.kind === 'growth' && p.diff && p.diff.size.base > 0) {
            const growth = p.diff.size.delta / p.diff.size.base;
            if (growth > budget.ratio)
                out.push({
                    platform: p.platform,
                    short,
                    text: `image grew ${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .signed */ .x8)(p.diff.size.delta, _format_js__WEBPACK_IMPORTED_MODULE_4__/* .fmtBytes */ .zi)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .pct */ .Oe)(growth)})${where}, over the size budget ${sizeBudget}; ${top}`,
                });
        }
    }
    return out;
}


/***/ }),

/***/ 3228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nn: () => (/* binding */ SMOKE_RESULT_SCHEMA_VERSION),
/* harmony export */   U5: () => (/* binding */ toJUnit),
/* harmony export */   wp: () => (/* binding */ SmokeResultSchema)
/* harmony export */ });
/* unused harmony exports SmokeTestSchema, SmokeRunnerSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64377);
// SmokeResult (smoke.json) and its JUnit XML form (junit.xml).

const SMOKE_RESULT_SCHEMA_VERSION = 1;
const SmokeTestSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    suite: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pass', 'fail', 'skip']),
    reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()),
    /** The end of the output of a failing test (redacted). */
    output: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    cause: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), cause: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), fix: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), source: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), match: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })
        .optional(),
});
/** The runner the suites ran on (src/github/run.ts: RUNNER_NAME, RUNNER_OS, RUNNER_ARCH, run URL). */
const SmokeRunnerSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    os: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    arch: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
});
const SmokeResultSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(SMOKE_RESULT_SCHEMA_VERSION),
    image: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    platform: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    gpus: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['all', 'none']),
    tests: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SmokeTestSchema),
    summary: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ pass: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), fail: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), skip: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig() }),
    /**
     * When and where the suites ran (ISO 8601; the runner). The smoke attestation says so, also when
     * another job makes it or an identical earlier run's results are reused. Results of versions
     * before these fields have neither.
     */
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .datetime */ .w$({ offset: true }).optional(),
    runner: SmokeRunnerSchema.optional(),
});
const xml = (s) => s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c])
    // XML 1.0 forbids most control characters, which test output may contain.
    // eslint-disable-next-line no-control-regex -- removing them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
function toJUnit(r) {
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="ml-image smoke" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}" time="${(r.summary.durationMs / 1000).toFixed(3)}">`,
        `  <testsuite name="${xml(`${r.image} ${r.platform}`)}" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}">`,
    ];
    for (const t of r.tests) {
        lines.push(`    <testcase classname="${xml(t.suite)}" name="${xml(t.id)}" time="${(t.durationMs / 1000).toFixed(3)}">`);
        if (t.status === 'skip')
            lines.push(`      <skipped message="${xml(t.reason ?? '')}"/>`);
        if (t.status === 'fail') {
            const msg = t.cause
                ? `${t.reason ?? ''} | cause: ${t.cause.cause} | fix: ${t.cause.fix}`
                : (t.reason ?? '');
            lines.push(`      <failure message="${xml(msg)}">${xml(t.output ?? '')}</failure>`);
        }
        const props = Object.entries(t.metrics);
        if (props.length) {
            lines.push('      <properties>');
            for (const [k, v] of props)
                lines.push(`        <property name="${xml(k)}" value="${xml(String(v))}"/>`);
            lines.push('      </properties>');
        }
        lines.push('    </testcase>');
    }
    lines.push('  </testsuite>', '</testsuites>', '');
    return lines.join('\n');
}


/***/ }),

/***/ 17183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P4: () => (/* binding */ stripUnsafe),
/* harmony export */   d6: () => (/* binding */ codeFence),
/* harmony export */   md: () => (/* binding */ md),
/* harmony export */   qy: () => (/* binding */ html)
/* harmony export */ });
/* harmony import */ var he__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61528);
/* harmony import */ var he__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(he__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
// Untrusted text made safe for Markdown: md() and html() for GitHub (PR comments, job summaries;
// src/report/escape.ts re-exports them), stripUnsafe() and codeFence() also for the resolver's
// explanation.md, which is read in a terminal first. Here, in src/util/, because both stages use it.


/**
 * Word joiner after `@` and `#`: GitHub's mention (`@user`, `@org/team`) and reference (`#12`,
 * `owner/repo#12`, `GH-12`) filters need the next character to be a word character, and the text
 * still reads the same. Renovate does the same with a zero-width space.
 */
const JOINER = '\u2060';
// Bidirectional overrides can make a row display something other than what it holds.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const NEWLINES = /\r\n|[\r\n\u2028\u2029]/g;
/** Control characters removed, bidirectional overrides replaced: what every escaper starts with. */
function stripUnsafe(text) {
    return text.replace(CONTROL, '').replace(BIDI, '\ufffd');
}
function neutralise(text) {
    return (stripUnsafe(text)
        .replace(/@/g, `@${JOINER}`)
        // Also before a line break: the break becomes <br>, and the text around it one line.
        .replace(/#(?=(?:\r\n|[\r\n\u2028\u2029])*[0-9])/g, `#${JOINER}`)
        .replace(/\b(gh)-(?=[0-9])/gi, `$1${JOINER}-`)
        // GitHub autolinks bare `http://`, `https://` and `www.` text (a package named by a URL would
        // be a live link): a joiner inside the scheme keeps the text and breaks the link.
        .replace(/([a-z][a-z0-9+.-]*):(?=\/\/)/gi, `$1:${JOINER}`)
        // Also a bare `www` at the end: the template may put a full stop right after the value.
        .replace(/\b(www)(?=\.|$)/gi, `$1${JOINER}`));
}
/**
 * Text for a Markdown context: a table cell, a list item, a sentence. HTML-escaped (he: & < > " '
 * and the backtick), table pipes and link brackets as entities, emphasis characters, `$` and a
 * leading block marker backslash-escaped, newlines as <br>, mentions and references neutralised.
 * `$` because GitHub renders `$…$` and `$$…$$` as math: `\$` is the escape GitHub documents, and
 * works in table cells as in text. Never for a code span or a fenced block, where a backslash
 * shows as it is (they need no escaping: GitHub renders no math there).
 */
// Most values (package names, versions) need no escaping at all: checked once, returned as is.
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9.,:+/=-]*$/;
const NEEDS_WORK = /gh-[0-9]|^[0-9]+\.$|:\/\/|\bwww(\.|$)/i;
function md(text, max = Infinity) {
    const clipped = (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$)(String(text), max);
    if (PLAIN.test(clipped) && !NEEDS_WORK.test(clipped))
        return clipped;
    const s = neutralise(clipped);
    return (he__WEBPACK_IMPORTED_MODULE_0___default().escape(s)
        .replace(/[|[\]()]/g, (c) => `&#${c.charCodeAt(0)};`)
        .replace(/[\\*_~$]/g, '\\$&')
        // Block markers only matter at the start of a line (a list item's text): heading, list, rule.
        .replace(/^(#{1,6}|[+-])(?=[ \t]|$)/, '\\$1')
        .replace(/^-(?=-)/, '\\-')
        .replace(/^(\d+)\.(?=[ \t]|$)/, '$1\\.')
        .replace(NEWLINES, '<br>'));
}
/** Text inside an HTML element we emit (<summary>): Markdown is not parsed there, entities are. */
function html(text, max = Infinity) {
    return he__WEBPACK_IMPORTED_MODULE_0___default().escape(neutralise((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$)(String(text), max))).replace(NEWLINES, ' ');
}
/**
 * A fenced code block around lines that are shown as they are (pip's own output): the fence is
 * one backtick longer than the longest run of backticks in them (at least three), so no line can
 * end the block early (CommonMark: a closing fence is at least as long as the opening one).
 */
function codeFence(lines, info = '') {
    const body = lines.map(stripUnsafe).join('\n');
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${info}\n${body}\n${fence}`;
}


/***/ }),

/***/ 49997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ clip),
/* harmony export */   n: () => (/* binding */ compareText)
/* harmony export */ });
// Text helpers shared by the stages.
/** Cut to at most max characters (code points), marking the cut: never inside a surrogate pair. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    const points = Array.from(text);
    return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}
/**
 * Strings in code-unit order: the same on every machine. `localeCompare` follows the runner's
 * locale (LANG): sv_SE puts "libaa" before "libå", da_DK puts "libA" before "liba", so a sorted
 * list (and whatever is hashed or signed from it) would change with the machine.
 */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 68898:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { valid, clean, explain, parse } = __webpack_require__(52437);

const { lt, le, eq, ne, ge, gt, compare, rcompare } = __webpack_require__(12124);

const {
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,
} = __webpack_require__(8409);

const { major, minor, patch, inc } = __webpack_require__(38940);

module.exports = {
  // version
  valid,
  clean,
  explain,
  parse,

  // operator
  lt,
  le,
  lte: le,
  eq,
  ne,
  neq: ne,
  ge,
  gte: ge,
  gt,
  compare,
  rcompare,

  // range
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,

  // semantic
  major,
  minor,
  patch,
  inc,
};


/***/ }),

/***/ 12124:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { parse } = __webpack_require__(52437);

module.exports = {
  compare,
  rcompare,
  lt,
  le,
  eq,
  ne,
  ge,
  gt,
  '<': lt,
  '<=': le,
  '==': eq,
  '!=': ne,
  '>=': ge,
  '>': gt,
  '===': arbitrary,
};

function lt(version, other) {
  return compare(version, other) < 0;
}

function le(version, other) {
  return compare(version, other) <= 0;
}

function eq(version, other) {
  return compare(version, other) === 0;
}

function ne(version, other) {
  return compare(version, other) !== 0;
}

function ge(version, other) {
  return compare(version, other) >= 0;
}

function gt(version, other) {
  return compare(version, other) > 0;
}

function arbitrary(version, other) {
  return version.toLowerCase() === other.toLowerCase();
}

function compare(version, other) {
  const parsedVersion = parse(version);
  const parsedOther = parse(other);

  const keyVersion = calculateKey(parsedVersion);
  const keyOther = calculateKey(parsedOther);

  return pyCompare(keyVersion, keyOther);
}

function rcompare(version, other) {
  return -compare(version, other);
}

// this logic is buitin in python, but we need to port it to js
// see https://stackoverflow.com/a/5292332/1438522
function pyCompare(elemIn, otherIn) {
  let elem = elemIn;
  let other = otherIn;
  if (elem === other) {
    return 0;
  }
  if (Array.isArray(elem) !== Array.isArray(other)) {
    elem = Array.isArray(elem) ? elem : [elem];
    other = Array.isArray(other) ? other : [other];
  }
  if (Array.isArray(elem)) {
    const len = Math.min(elem.length, other.length);
    for (let i = 0; i < len; i += 1) {
      const res = pyCompare(elem[i], other[i]);
      if (res !== 0) {
        return res;
      }
    }
    return elem.length - other.length;
  }
  if (elem === -Infinity || other === Infinity) {
    return -1;
  }
  if (elem === Infinity || other === -Infinity) {
    return 1;
  }
  return elem < other ? -1 : 1;
}

function calculateKey(input) {
  const { epoch } = input;
  let { release, pre, post, local, dev } = input;
  // When we compare a release version, we want to compare it with all of the
  // trailing zeros removed. So we'll use a reverse the list, drop all the now
  // leading zeros until we come to something non zero, then take the rest
  // re-reverse it back into the correct order and make it a tuple and use
  // that for our sorting key.
  release = release.concat();
  release.reverse();
  while (release.length && release[0] === 0) {
    release.shift();
  }
  release.reverse();

  // We need to "trick" the sorting algorithm to put 1.0.dev0 before 1.0a0.
  // We'll do this by abusing the pre segment, but we _only_ want to do this
  // if there is !a pre or a post segment. If we have one of those then
  // the normal sorting rules will handle this case correctly.
  if (!pre && !post && dev) pre = -Infinity;
  // Versions without a pre-release (except as noted above) should sort after
  // those with one.
  else if (!pre) pre = Infinity;

  // Versions without a post segment should sort before those with one.
  if (!post) post = -Infinity;

  // Versions without a development segment should sort after those with one.
  if (!dev) dev = Infinity;

  if (!local) {
    // Versions without a local segment should sort before those with one.
    local = -Infinity;
  } else {
    // Versions with a local segment need that segment parsed to implement
    // the sorting rules in PEP440.
    // - Alpha numeric segments sort before numeric segments
    // - Alpha numeric segments sort lexicographically
    // - Numeric segments sort numerically
    // - Shorter versions sort before longer versions when the prefixes
    //   match exactly
    local = local.map((i) =>
      Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ''],
    );
  }

  return [epoch, release, pre, post, dev, local];
}


/***/ }),

/***/ 38940:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { explain, parse, stringify } = __webpack_require__(52437);

// those notation are borrowed from semver
module.exports = {
  major,
  minor,
  patch,
  inc,
};

function major(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  return version.release[0];
}

function minor(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 2) {
    return 0;
  }
  return version.release[1];
}

function patch(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 3) {
    return 0;
  }
  return version.release[2];
}

function inc(input, release, preReleaseIdentifier) {
  let identifier = preReleaseIdentifier || `a`;
  const version = parse(input);

  if (!version) {
    return null;
  }

  if (
    !['a', 'b', 'c', 'rc', 'alpha', 'beta', 'pre', 'preview'].includes(
      identifier,
    )
  ) {
    return null;
  }

  switch (release) {
    case 'premajor':
      {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'preminor':
      {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prepatch':
      {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prerelease':
      if (version.pre === null) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
        version.pre = [identifier, 0];
      } else {
        if (preReleaseIdentifier === undefined && version.pre !== null) {
          [identifier] = version.pre;
        }

        const [letter, number] = version.pre;
        if (letter === identifier) {
          version.pre = [letter, number + 1];
        } else {
          version.pre = [identifier, 0];
        }
      }

      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'major':
      if (
        version.release.slice(1).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'minor':
      if (
        version.release.slice(2).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'patch':
      if (
        version.release.slice(3).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    default:
      return null;
  }

  return stringify(version);
}


/***/ }),

/***/ 8409:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// This file is dual licensed under the terms of the Apache License, Version
// 2.0, and the BSD License. See the LICENSE file in the root of this repository
// for complete details.

const { VERSION_PATTERN, explain: explainVersion } = __webpack_require__(52437);

const Operator = __webpack_require__(12124);

const RANGE_PATTERN = [
  '(?<operator>(===|~=|==|!=|<=|>=|<|>))',
  '\\s*',
  '(',
  /*  */ '(?<version>(?:' + VERSION_PATTERN.replace(/\?<\w+>/g, '?:') + '))',
  /*  */ '(?<prefix>\\.\\*)?',
  /*  */ '|',
  /*  */ '(?<legacy>[^,;\\s)]+)',
  ')',
].join('');

module.exports = {
  RANGE_PATTERN,
  parse,
  satisfies,
  filter,
  validRange,
  maxSatisfying,
  minSatisfying,
};

const isEqualityOperator = (op) => ['==', '!=', '==='].includes(op);

const rangeRegex = new RegExp('^' + RANGE_PATTERN + '$', 'i');

function parse(ranges) {
  if (!ranges.trim()) {
    return [];
  }

  const specifiers = ranges
    .split(',')
    .map((range) => rangeRegex.exec(range.trim()) || {})
    .map(({ groups }) => {
      if (!groups) {
        return null;
      }

      let { ...spec } = groups;
      const { operator, version, prefix, legacy } = groups;

      if (version) {
        spec = { ...spec, ...explainVersion(version) };
        if (operator === '~=') {
          if (spec.release.length < 2) {
            return null;
          }
        }
        if (!isEqualityOperator(operator) && spec.local) {
          return null;
        }

        if (prefix) {
          if (!isEqualityOperator(operator) || spec.dev || spec.local) {
            return null;
          }
        }
      }
      if (legacy && operator !== '===') {
        return null;
      }

      return spec;
    });

  if (specifiers.filter(Boolean).length !== specifiers.length) {
    return null;
  }

  return specifiers;
}

function filter(versions, specifier, options = {}) {
  const filtered = pick(versions, specifier, options);
  if (filtered.length === 0 && options.prereleases === undefined) {
    return pick(versions, specifier, { prereleases: true });
  }
  return filtered;
}

function maxSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[found.length - 1];
}

function minSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[0];
}

function pick(versions, specifier, options) {
  const parsed = parse(specifier);

  if (!parsed) {
    return [];
  }

  return versions.filter((version) => {
    const explained = explainVersion(version);

    if (!parsed.length) {
      return explained && !(explained.is_prerelease && !options.prereleases);
    }

    return parsed.reduce((pass, spec) => {
      if (!pass) {
        return false;
      }
      return contains({ ...spec, ...options }, { version, explained });
    }, true);
  });
}

function satisfies(version, specifier, options = {}) {
  const filtered = pick([version], specifier, options);

  return filtered.length === 1;
}

function arrayStartsWith(array, prefix) {
  if (prefix.length > array.length) {
    return false;
  }

  for (let i = 0; i < prefix.length; i += 1) {
    if (prefix[i] !== array[i]) {
      return false;
    }
  }

  return true;
}

function contains(specifier, input) {
  const { explained } = input;
  let { version } = input;
  const { ...spec } = specifier;

  if (spec.prereleases === undefined) {
    spec.prereleases = spec.is_prerelease;
  }

  if (explained && explained.is_prerelease && !spec.prereleases) {
    return false;
  }

  if (spec.operator === '~=') {
    let compatiblePrefix = spec.release.slice(0, -1).concat('*').join('.');
    if (spec.epoch) {
      compatiblePrefix = spec.epoch + '!' + compatiblePrefix;
    }
    return satisfies(version, `>=${spec.version}, ==${compatiblePrefix}`, {
      prereleases: spec.prereleases,
    });
  }

  if (spec.prefix) {
    const isMatching =
      explained.epoch === spec.epoch &&
      arrayStartsWith(explained.release, spec.release);
    const isEquality = spec.operator !== '!=';
    return isEquality ? isMatching : !isMatching;
  }

  if (explained)
    if (explained.local && spec.version) {
      version = explained.public;
      spec.version = explainVersion(spec.version).public;
    }

  if (spec.operator === '<' || spec.operator === '>') {
    // simplified version of https://www.python.org/dev/peps/pep-0440/#exclusive-ordered-comparison
    if (Operator.eq(spec.release.join('.'), explained.release.join('.'))) {
      return false;
    }
  }

  const op = Operator[spec.operator];
  return op(version, spec.version || spec.legacy);
}

function validRange(specifier) {
  return Boolean(parse(specifier));
}


/***/ }),

/***/ 52437:
/***/ ((module) => {

const VERSION_PATTERN = [
  'v?',
  '(?:',
  /* */ '(?:(?<epoch>[0-9]+)!)?', // epoch
  /* */ '(?<release>[0-9]+(?:\\.[0-9]+)*)', // release segment
  /* */ '(?<pre>', // pre-release
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))',
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_n>[0-9]+)?',
  /* */ ')?',
  /* */ '(?<post>', // post release
  /*    */ '(?:-(?<post_n1>[0-9]+))',
  /*    */ '|',
  /*    */ '(?:',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_l>post|rev|r)',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_n2>[0-9]+)?',
  /*    */ ')',
  /* */ ')?',
  /* */ '(?<dev>', // dev release
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_l>dev)',
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_n>[0-9]+)?',
  /* */ ')?',
  ')',
  '(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?', // local version
].join('');

module.exports = {
  VERSION_PATTERN,
  valid,
  clean,
  explain,
  parse,
  stringify,
};

const validRegex = new RegExp('^' + VERSION_PATTERN + '$', 'i');

function valid(version) {
  return validRegex.test(version) ? version : null;
}

const cleanRegex = new RegExp('^\\s*' + VERSION_PATTERN + '\\s*$', 'i');
function clean(version) {
  return stringify(parse(version, cleanRegex));
}

function parse(version, regex) {
  // Validate the version and parse it into pieces
  const { groups } = (regex || validRegex).exec(version) || {};
  if (!groups) {
    return null;
  }

  // Store the parsed out pieces of the version
  const parsed = {
    epoch: Number(groups.epoch ? groups.epoch : 0),
    release: groups.release.split('.').map(Number),
    pre: normalize_letter_version(groups.pre_l, groups.pre_n),
    post: normalize_letter_version(
      groups.post_l,
      groups.post_n1 || groups.post_n2,
    ),
    dev: normalize_letter_version(groups.dev_l, groups.dev_n),
    local: parse_local_version(groups.local),
  };

  return parsed;
}

function stringify(parsed) {
  if (!parsed) {
    return null;
  }
  const { epoch, release, pre, post, dev, local } = parsed;
  const parts = [];

  // Epoch
  if (epoch !== 0) {
    parts.push(`${epoch}!`);
  }
  // Release segment
  parts.push(release.join('.'));

  // Pre-release
  if (pre) {
    parts.push(pre.join(''));
  }
  // Post-release
  if (post) {
    parts.push('.' + post.join(''));
  }
  // Development release
  if (dev) {
    parts.push('.' + dev.join(''));
  }
  // Local version segment
  if (local) {
    parts.push(`+${local}`);
  }
  return parts.join('');
}

function normalize_letter_version(letterIn, numberIn) {
  let letter = letterIn;
  let number = numberIn;
  if (letter) {
    // We consider there to be an implicit 0 in a pre-release if there is
    // not a numeral associated with it.
    if (!number) {
      number = 0;
    }
    // We normalize any letters to their lower case form
    letter = letter.toLowerCase();

    // We consider some words to be alternate spellings of other words and
    // in those cases we want to normalize the spellings to our preferred
    // spelling.
    if (letter === 'alpha') {
      letter = 'a';
    } else if (letter === 'beta') {
      letter = 'b';
    } else if (['c', 'pre', 'preview'].includes(letter)) {
      letter = 'rc';
    } else if (['rev', 'r'].includes(letter)) {
      letter = 'post';
    }
    return [letter, Number(number)];
  }
  if (!letter && number) {
    // We assume if we are given a number, but we are not given a letter
    // then this is using the implicit post release syntax (e.g. 1.0-1)
    letter = 'post';

    return [letter, Number(number)];
  }
  return null;
}

function parse_local_version(local) {
  /*
    Takes a string like abc.1.twelve and turns it into("abc", 1, "twelve").
    */
  if (local) {
    return local
      .split(/[._-]/)
      .map((part) =>
        Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part),
      );
  }
  return null;
}

function explain(version) {
  const parsed = parse(version);
  if (!parsed) {
    return parsed;
  }
  const { epoch, release, pre, post, dev, local } = parsed;

  let base_version = '';
  if (epoch !== 0) {
    base_version += epoch + '!';
  }
  base_version += release.join('.');

  const is_prerelease = Boolean(dev || pre);
  const is_devrelease = Boolean(dev);
  const is_postrelease = Boolean(post);

  // return

  return {
    epoch,
    release,
    pre,
    post: post ? post[1] : post,
    dev: dev ? dev[1] : dev,
    local: local ? local.join('.') : local,
    public: stringify(parsed).split('+', 1)[0],
    base_version,
    is_prerelease,
    is_devrelease,
    is_postrelease,
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
