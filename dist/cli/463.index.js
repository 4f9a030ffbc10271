export const id = 463;
export const ids = [463];
export const modules = {

/***/ 2996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iy: () => (/* binding */ SmokeDiffSchema),
/* harmony export */   Jt: () => (/* binding */ EnvSummarySchema),
/* harmony export */   KK: () => (/* binding */ EnvDiffSchema),
/* harmony export */   KT: () => (/* binding */ packageChangeKey),
/* harmony export */   Lw: () => (/* binding */ sizeDrivers),
/* harmony export */   Vg: () => (/* binding */ COMPONENT_IDS),
/* harmony export */   _S: () => (/* binding */ HOST_COMPONENTS),
/* harmony export */   cv: () => (/* binding */ PackageChangeSchema),
/* harmony export */   sG: () => (/* binding */ ChangeLevelSchema)
/* harmony export */ });
/* unused harmony exports PackageDiffSchema, ComponentIdSchema, ComponentChangeSchema, EnvVarChangeSchema, LabelChangeSchema, SizeItemSchema, LayerItemSchema, SizeTopSchema, SizeChangeSchema, SizeExplanationSchema, SmokeTestChangeSchema, MetricDeltaSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);
/* harmony import */ var _docker_size_kind_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6842);
// The shapes the diff produces, as zod schemas: the report model (src/report/model.ts) embeds them
// and a privileged workflow re-validates that model from an untrusted artifact, so they are data
// only (no Markdown, no labels the renderer could take at face value).


const ChangeLevelSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['major', 'minor', 'patch', 'local', 'other']);
/**
 * A change that loses a CUDA build: the base's build label names CUDA (pip `+cu121`, conda
 * `py3.11_cuda12.1_cudnn8.9.2_0`) and this PR's names none (`+cpu`, `py3.11_cpu_0`, `no label`,
 * `no build`). The diff decides it, so that the report and its artifact read it from here.
 */
const CudaLossSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() });
const PackageChangeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /**
     * conda: the environment of a name the diff compares environment by environment (one a record has
     * in several: `numpy` in /opt/conda and in /opt/conda/envs/ml); absent otherwise, and in a diff
     * written by an older version (which compared such a name once).
     */
    prefix: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /**
     * changed: no direction (only the PEP 440 local label differs: `+cu121` -> `+cpu`; conda: only the
     * build or channel, which from and to then show: `2.1.0 py3.11_cuda12.1_cudnn8.9.2_0`).
     */
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['added', 'removed', 'upgraded', 'downgraded', 'changed']),
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    level: ChangeLevelSchema.nullable(),
    /**
     * Set when the change loses a CUDA build (CudaLossSchema); absent when it keeps or gains one, or
     * loses only its label where that is none (EnvDiff lossesJudged; cudaLossOf).
     */
    cudaLoss: CudaLossSchema.optional(),
});
/**
 * A package change's identity across a report's platforms (the verdict counts equal ones once, the
 * comment artifact shares their rows): the same change of one name in two conda environments is two.
 */
const packageChangeKey = (c) => [c.kind, c.name, c.prefix ?? '', c.from, c.to].join('\u0000');
const PackageDiffSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    baseCount: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    headCount: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    unchanged: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    /** Upgraded/downgraded/changed by level (major first), then added, then removed; by name within each. */
    changes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(PackageChangeSchema),
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
const ComponentIdSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(COMPONENT_IDS);
/** The driver (and so the newest CUDA it supports) and the GPUs belong to the capturing machine. */
const HOST_COMPONENTS = new Set(['driver', 'driverMaxCuda', 'gpus']);
const ComponentChangeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: ComponentIdSchema,
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    changed: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** up/down for versions that compare; "changed" for the rest (OS name, GPU list). */
    direction: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['up', 'down', 'changed']).nullable(),
    level: ChangeLevelSchema.nullable(),
    /** Driver, driver max CUDA and GPUs come from the machine that captured the record, not the image. */
    host: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** torch: set when its version's local label loses a CUDA build (`2.1.0+cu121` -> `2.1.0+cpu`). */
    cudaLoss: CudaLossSchema.optional(),
});
const EnvVarChangeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['added', 'removed', 'changed']),
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
});
const LabelChangeSchema = EnvVarChangeSchema.extend({
    /** Changes on every build (creation time, commit): listed, but not an environment change. */
    volatile: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
});
const count = zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative();
/**
 * What an image size measures, by the engine's image store (src/docker/size-kind.ts): `unpacked`
 * (the classic store) or `content` (the containerd store: compressed). Absent: unpacked.
 */
const SizeKindSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_docker_size_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .SIZE_KINDS */ .gT);
/** A package among an image's biggest (pip: RECORD sizes; apt: dpkg's Installed-Size). */
const SizeItemSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    sizeBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative(),
});
/** A layer among an image's biggest, with the instruction that made it. */
const LayerItemSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ createdBy: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), sizeBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative() });
/** The biggest contributors to an image's size; a list is empty when the record has no sizes. */
const SizeTopSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    pip: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(SizeItemSchema),
    apt: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(SizeItemSchema),
    layers: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(LayerItemSchema),
});
/** What one package or layer added to (or took from) the image, base -> this PR. */
const SizeChangeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['pip', 'apt', 'layer']),
    /** Package name, or the layer's instruction. */
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** Versions (packages; null: not installed on that side); null for layers. */
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    baseBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().nullable(),
    headBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().nullable(),
    delta: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
});
/** Where the bytes went: the image's size change and the packages and layers that made it. */
const SizeExplanationSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /**
     * The image's size change; where the two sizes are of different kinds (EnvDiff.sizeKindChange),
     * the packages' (packagesDelta): the only change measured alike on both sides.
     */
    delta: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    /** Both records had package sizes (older records have none). */
    packagesKnown: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /**
     * Both records had the layers' history, measured by the same image store (the layers' sizes
     * are the engine's too: not compared when the sizes' kinds differ).
     */
    layersKnown: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** The biggest package changes by size (pip and apt together), largest |delta| first. */
    packages: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(SizeChangeSchema),
    /** Sum of every package's change (shown or not). */
    packagesDelta: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    /** Packages whose size changed, shown or not. */
    packagesChanged: count,
    /** The biggest layer changes, largest |delta| first (matched by instruction). */
    layers: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(SizeChangeSchema),
});
const EnvSummarySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    ref: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    digest: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    platform: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    variant: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    created: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    sizeBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative(),
    /** What sizeBytes measures; absent where the record names no kind (unpacked). */
    sizeKind: SizeKindSchema.optional(),
    layers: count,
    pipCount: count,
    aptCount: count,
    /** The biggest packages and layers; absent in reports of records without sizes. */
    top: SizeTopSchema.optional(),
    /**
     * Why the pip package list is incomplete: the probe could not read every distribution (its
     * record's errors under python.packages). Absent when it is complete.
     */
    pipIncomplete: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(400).optional(),
    components: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc(Object.fromEntries(COMPONENT_IDS.map((id) => [id, zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable()]))),
});
const delta = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ base: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), head: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), delta: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig() });
const EnvDiffSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    pip: PackageDiffSchema,
    apt: PackageDiffSchema,
    /**
     * conda packages by name (record.conda); absent when neither record has any, or one was written
     * before the probe read them (probe 4).
     */
    conda: PackageDiffSchema.optional(),
    components: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(ComponentChangeSchema),
    env: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        changes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(EnvVarChangeSchema),
        unchanged: count,
        /** Redacted on both sides: whether they differ cannot be told (and is never guessed). */
        redactedBoth: count,
    }),
    labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ changes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(LabelChangeSchema), unchanged: count }),
    size: delta,
    /**
     * Set when the two sizes are of different kinds (the engine's image store changed between the
     * captures, an absent kind read as unpacked): then `size` holds the two figures but its delta
     * compares nothing, and the report shows no change, percentage or growth budget for it.
     */
    sizeKindChange: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ from: SizeKindSchema, to: SizeKindSchema }).optional(),
    layers: delta,
    /** Which packages and layers made the size change; absent when neither record has sizes. */
    sizeExplanation: SizeExplanationSchema.optional(),
    /** Anything changed other than volatile labels and host facts. */
    changed: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /**
     * Set by a diff whose packages' cudaLoss is all there is to it (packageLoss: torchvision +cu121 ->
     * PyPI's unlabelled wheel beside a CUDA torch is none); absent in one an older version wrote,
     * whose losses are decided again from the labels (cudaLossOf). A flag, not a null cudaLoss, so
     * that an older release's reader (a pinned fork poster) still takes the model.
     */
    lossesJudged: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(true).optional(),
});
const SmokeStatusSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['pass', 'fail', 'skip']);
const SmokeTestChangeSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    suite: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    from: SmokeStatusSchema.nullable(),
    to: SmokeStatusSchema.nullable(),
    /** This PR's reason (fail/skip) and classified cause. */
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    cause: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    /** pass -> fail */
    regression: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** fail -> pass */
    fixed: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** What the floors said of this PR's test: the row judged against, or "no floor for ..." (GPU suites). */
    note: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
const MetricDeltaSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    test: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    metric: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    base: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    head: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    /** (head - base) / |base|; null without both values or with base 0. */
    relative: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    better: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['higher', 'lower']).nullable(),
    regression: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    improved: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    /** The floor this PR's value was judged against (the smoke script's <metric>_floor). */
    floor: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
});
const smokeSummary = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ pass: count, fail: count, skip: count });
const SmokeDiffSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    threshold: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative(),
    base: smokeSummary.nullable(),
    head: smokeSummary,
    tests: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(SmokeTestChangeSchema),
    metrics: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(MetricDeltaSchema),
    regressions: count,
    metricRegressions: count,
    fixed: count,
    failing: count,
    /** Where the head's suites ran when not on the runner: a cluster job (`ml-image collect`). */
    ranOn: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** Why the head's run stopped before every test ran (its result's `interrupted`). */
    stopped: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
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

/***/ 14031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* reexport safe */ _util_text_js__WEBPACK_IMPORTED_MODULE_2__.$Q),
/* harmony export */   Hg: () => (/* binding */ mermaidText),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   YO: () => (/* reexport safe */ _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__.YO),
/* harmony export */   m9: () => (/* binding */ changeName),
/* harmony export */   md: () => (/* reexport safe */ _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__.md),
/* harmony export */   oZ: () => (/* binding */ packageName),
/* harmony export */   qy: () => (/* reexport safe */ _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__.qy),
/* harmony export */   s8: () => (/* binding */ markerKey),
/* harmony export */   xs: () => (/* reexport safe */ _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__.xs)
/* harmony export */ });
/* harmony import */ var _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17183);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82513);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
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
/**
 * A package's name as the report shows it: every character outside ASCII as an escape
 * (`t\u043erch`). pip (PEP 508), Debian and conda names are ASCII, so one that is not is a look-alike
 * (a Cyrillic "о" in torch, fullwidth letters) that an image made up: it must not read as the real
 * one. Then escaped as any value (md).
 */
function packageName(name) {
    return name.replace(/[^ -~\t\n\r]/gu, _util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .codePointEscape */ .BQ);
}
/**
 * A package change's name as the report shows it (packageName): with its conda environment where
 * the diff compared the name environment by environment (`numpy in /opt/conda/envs/ml`).
 */
function changeName(c) {
    return packageName(c.prefix === undefined ? c.name : `${c.name} in ${c.prefix}`);
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
 * the end of its line): secrets masked first (redactText, as md() and html() do: a cut could end a
 * token before its pattern does), control characters removed, bidirectional overrides replaced, line breaks
 * and tabs as single spaces, clipped to max characters, every character outside
 * [A-Za-z0-9 .,_+-/()] as `#<code point>;`. Never empty (an empty label reads as "?").
 */
function mermaidText(text, max = 80) {
    const plain = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)((0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .stripUnsafe */ .P4)((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(String(text)))
        .replace(/[\s\u2028\u2029]+/gu, ' ')
        .trim(), max);
    let out = '';
    for (const ch of plain)
        out += MERMAID_SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
    return out === '' ? '?' : out;
}


/***/ }),

/***/ 463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nd: () => (/* binding */ MAX_REPORT_PLATFORMS),
/* harmony export */   R9: () => (/* binding */ ReportModelSchema),
/* harmony export */   yz: () => (/* binding */ REPORT_MODEL_SCHEMA_VERSION)
/* harmony export */ });
/* unused harmony exports SupplyChainSchema, PlatformReportSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2996);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14031);
// The report model's schema: what report-<variant>.json holds and what the fork-safe artifact's
// reports are re-validated with (src/report/poster.ts). Schemas only: zod, the diff's schemas and
// the URL check, so that the results contract (src/results/) can write a ReportModel without
// loading the diff or the report's policy (src/report/model.ts builds and assesses the model).



const REPORT_MODEL_SCHEMA_VERSION = 1;
/**
 * The most platforms one report holds. A config builds linux/amd64 and linux/arm64 only; the cap
 * keeps an untrusted artifact (the fork poster's) from making rendering's work grow with thousands
 * of platforms (fitting the comment is quadratic in the number of parts).
 */
const MAX_REPORT_PLATFORMS = 64;
const SupplyChainSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    /** How it signed, or why it did not (one line). */
    signing: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    targets: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        platform: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        signed: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
        attestations: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ kind: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), attached: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(), verify: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() })),
        notes: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()),
    })),
});
const httpUrl = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .max(4096)
    .refine((u) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .safeUrl */ .Pl)(u) !== null, 'expected an http(s) URL');
/** os/arch[/variant] (the config's platforms): a fork's artifact can name no other text here. */
const platformName = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .max(64)
    .regex(/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9.]+)?$/, 'expected a platform such as linux/arm64');
const PlatformReportSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    platform: platformName,
    head: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvSummarySchema */ .Jt,
    base: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvSummarySchema */ .Jt.nullable(),
    /** null: no base record for this platform. */
    diff: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvDiffSchema */ .KK.nullable(),
    /** null: no smoke result for this PR. */
    smoke: _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .SmokeDiffSchema */ .Iy.nullable(),
})
    .refine((p) => (p.base === null) === (p.diff === null), {
    // buildReportModel diffs exactly the platforms with a base record. A forged model with one and
    // not the other made the overview's header of one shape and its rows of the other (a broken table).
    error: 'expected base and diff both null (no base record) or both set',
    path: ['diff'],
});
const ReportModelSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(REPORT_MODEL_SCHEMA_VERSION),
    kind: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('ml-image-report'),
    tool: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() }),
    image: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    variant: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    markerKey: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    head: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(), sha: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() }),
    /** noRecordOf: the base branch had no records, these are ref's (the default branch's). */
    baseline: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), sha: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(), noRecordOf: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() })
        .nullable(),
    noBaselineReason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
    resolution: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()),
    links: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ run: httpUrl.optional(), artifact: httpUrl.optional() }),
    platforms: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(PlatformReportSchema)
        .min(1)
        .max(MAX_REPORT_PLATFORMS, { error: `expected at most ${MAX_REPORT_PLATFORMS} platforms` }),
    /** Absent in reports written before the attest stage existed. */
    supplyChain: SupplyChainSchema.optional(),
    /** config size.budget, as configured; absent: no budget. */
    sizeBudget: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().max(40).optional(),
    /**
     * Platforms the baseline has records of and this config no longer builds (a pull request that
     * drops linux/arm64); absent: none, or no baseline.
     */
    droppedPlatforms: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(platformName).max(MAX_REPORT_PLATFORMS).optional(),
    /** Platforms this run built and has no record of (their capture failed); absent: none. */
    unreportedPlatforms: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(platformName).max(MAX_REPORT_PLATFORMS).optional(),
});


/***/ }),

/***/ 17183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P4: () => (/* binding */ stripUnsafe),
/* harmony export */   YO: () => (/* binding */ mdLine),
/* harmony export */   d6: () => (/* binding */ codeFence),
/* harmony export */   md: () => (/* binding */ md),
/* harmony export */   qy: () => (/* binding */ html),
/* harmony export */   xs: () => (/* binding */ mdCode)
/* harmony export */ });
/* harmony import */ var he__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61528);
/* harmony import */ var he__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(he__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82513);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
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
// C1 too (U+0080-U+009F: U+009B is a terminal's one-character CSI), as C0 and DEL.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const NEWLINES = /\r\n|[\r\n\u2028\u2029]/g;
// Half a surrogate pair: no character at all, so a body holding one is not well-formed Unicode
// (GitHub may refuse it, or store U+FFFD and the comment never matches what was posted).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Characters that draw nothing: format characters (zero-width space and joiners, the soft hyphen,
// word joiner, tag characters; the bidi ones are handled above), the combining grapheme joiner and
// the Hangul fillers, and the variation selectors (U+FE00-FE0F, U+E0100-E01EF, Mongolian's
// U+180B-180D: marks, not format characters). In a name they make "tor\u200bch" or "torch\ufe0f"
// look like torch: they are shown as escapes.
const INVISIBLE = new RegExp(`\\p{Cf}|${_text_js__WEBPACK_IMPORTED_MODULE_2__/* .INVISIBLE_MARKS */ .hc}`, 'gu');
/**
 * Control characters removed, bidirectional overrides and lone surrogates replaced (U+FFFD),
 * invisible characters written as escapes (\u200b): what every escaper starts with.
 */
function stripUnsafe(text) {
    return text
        .replace(LONE_SURROGATE, '\ufffd')
        .replace(CONTROL, '')
        .replace(BIDI, '\ufffd')
        .replace(INVISIBLE, _text_js__WEBPACK_IMPORTED_MODULE_2__/* .codePointEscape */ .BQ);
}
function neutralise(text) {
    return (stripUnsafe(text)
        .replace(/@/g, `@${JOINER}`)
        // Also before a line break: the break becomes <br>, and the text around it one line.
        // One class, no alternation: `\r\n` as one break or two made 2^N ways to fail on N of them.
        .replace(/#(?=[\r\n\u2028\u2029]*[0-9])/g, `#${JOINER}`)
        .replace(/\b(gh)-(?=[0-9])/gi, `$1${JOINER}-`)
        // GitHub autolinks bare `http://`, `https://` and `www.` text (a package named by a URL would
        // be a live link): a joiner inside the scheme keeps the text and breaks the link.
        // Tried only where a run of scheme characters begins (linear: from every letter of a long run
        // it was quadratic); a run that begins with a digit gets the joiner too, which shows nothing.
        .replace(/(?<![a-z0-9+.-])([a-z0-9+.-]+):(?=\/\/)/gi, `$1:${JOINER}`)
        // Every `www.`, not only after a word boundary: GitHub also autolinks `www.` right after `*`,
        // `_`, `~` and `(` (`Foo_www.evil.com`, a valid pip name, where `\b` does not match). Also a
        // bare `www` at the end: the template may put a full stop right after the value.
        .replace(/(www)(?=\.|$)/gi, `$1${JOINER}`));
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
const NEEDS_WORK = /gh-[0-9]|^[0-9]+\.$|:\/\/|www(\.|$)/i;
function md(text, max = Infinity) {
    // Secrets masked before anything else: escaping breaks the URL a login sits in (https:⁠//),
    // and a clip could cut a token short of its pattern.
    const clipped = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(String(text)), max);
    if (PLAIN.test(clipped) && !NEEDS_WORK.test(clipped))
        return clipped;
    const s = neutralise(clipped);
    return (he__WEBPACK_IMPORTED_MODULE_0___default().escape(s)
        .replace(/[|[\]()]/g, (c) => `&#${c.charCodeAt(0)};`)
        .replace(/[\\*_~$]/g, '\\$&')
        // Block markers only matter at the start of a line (a list item's text): heading, list, rule;
        // after up to three blanks too, as CommonMark reads them.
        .replace(/^( {0,3})(#{1,6}|[+-])(?=[ \t]|$)/, '$1\\$2')
        .replace(/^( {0,3})-(?=-)/, '$1\\-')
        .replace(/^( {0,3})(\d+)\.(?=[ \t]|$)/, '$1$2\\.')
        .replace(NEWLINES, '<br>'));
}
/**
 * md() for a context that is one line (a branch name in a sentence, a list item): a line break
 * there is shown as ` ⏎ `, not <br>, so a value cannot seem to end its line and start one of its
 * own ("feature\u2028\u2028✅ unchanged"). Table cells keep <br> (md): a cell stays one cell.
 * Leading blanks go: after a list item's marker, four of them start a code block, and fewer would
 * hide a block marker (`  # x`) from md()'s escaping, which looks at the value's first character.
 */
function mdLine(text, max = Infinity) {
    return md(String(text)
        .replace(NEWLINES, ' \u23ce ')
        .replace(/^[ \t]+/, ''), max);
}
/** What a code span may hold as it is: one line of printable ASCII with no backtick, pipe or angle bracket. */
const CODE_SPAN_SAFE = /^[A-Za-z0-9._/:@+=,~-]+$/;
/**
 * A value to copy (an image reference, `REPO@sha256:...`) as a code span, where GitHub links no
 * mention and renders nothing: the text copied is the text shown, with no word joiner after its
 * `@` (finding: a digest copied from the comment into `ml-image verify` carried one). A value with
 * another character (a backtick could end the span) is md()'s. Secrets masked first.
 */
function mdCode(text, max = Infinity) {
    const clipped = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(String(text)), max);
    return CODE_SPAN_SAFE.test(clipped) ? `\`${clipped}\`` : md(clipped);
}
/**
 * Text inside an HTML element we emit (<summary>): Markdown is not parsed there, entities are;
 * secrets masked. A dollar is an entity too: no math delimiter is left in the source, whatever
 * reads it.
 */
function html(text, max = Infinity) {
    return he__WEBPACK_IMPORTED_MODULE_0___default().escape(neutralise((0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(String(text)), max)))
        .replace(/\$/g, '&#36;')
        .replace(NEWLINES, ' ');
}
/**
 * A fenced code block around lines that are shown as they are (pip's own output): the fence is
 * one backtick longer than the longest run of backticks in them (at least three), so no line can
 * end the block early (CommonMark: a closing fence is at least as long as the opening one).
 */
function codeFence(lines, info = '') {
    const body = lines.map((l) => stripUnsafe((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(l))).join('\n');
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${info}\n${body}\n${fence}`;
}


/***/ })

};
