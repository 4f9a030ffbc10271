export const id = 964;
export const ids = [964];
export const modules = {

/***/ 12575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateCommand: () => (/* binding */ validateCommand)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _attest_signing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10854);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(89436);
/* harmony import */ var _plan_catalog_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9668);
/* harmony import */ var _plan_git_context_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74725);
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(73960);
/* harmony import */ var _requirements_references_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(32780);
/* harmony import */ var _smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(46985);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(77593);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(96657);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(87978);











/**
 * The requirements files read and checked as the resolve and build stages read them (their lines,
 * -r/-c includes, credentials, ${NAME}s build.secrets does not list): files only, pip is not run.
 */
function checkRequirements(loaded, env) {
    const { python, build } = loaded.config;
    (0,_requirements_references_js__WEBPACK_IMPORTED_MODULE_6__/* .readListedRequirements */ .c)(python.requirements, build.secrets, loaded.baseDir, env);
}
const validateCommand = {
    name: 'validate',
    summary: 'Check ml-image.yml and print the normalized config (every default filled in).',
    usage: 'ml-image validate [--config FILE] [--skip-file-checks] [--json] [--out DIR]',
    help: `Reads the config (default: ml-image.yml or ml-image.yaml in the current directory), applies
the defaults, and checks that every file it names exists (relative to the config file), that
smoke.baseline holds a throughput table, that attest.key is an encrypted cosign private key, that
the requirements files read as the build reads them (each line, every -r/-c include: file:line
for each problem; pip is not run), and that the plan can be made: each variant's base image,
CUDA, torch and Python against the bundled catalog, and its tags (what "ml-image plan" refuses,
validate refuses; its warnings are printed too).

Options:
  --config FILE        config file to read
${_shared_js__WEBPACK_IMPORTED_MODULE_10__/* .configOverrideFlags */ .i7}
  --skip-file-checks   validate the shape only; do not look for (or read) the files the config names
  --json               print the normalized config as JSON (machine output)
  --out DIR            also write DIR/config.json
  --verbose            show stack traces on internal errors

Exit codes: 0 valid; 2 invalid (every offending field is listed); 3 environment problem.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .parseCommandArgs */ .Qx)('validate', argv, {
            config: { type: 'string' },
            platforms: { type: 'string' },
            variants: { type: 'string' },
            'skip-file-checks': { type: 'boolean', default: false },
        });
        const overrides = (0,_shared_js__WEBPACK_IMPORTED_MODULE_10__/* .overridesFromFlags */ .du)(values);
        const loaded = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z9)({
            cwd: io.cwd,
            env: io.env,
            ...(values.config !== undefined && { file: values.config }),
            overrides,
            checkFiles: !values['skip-file-checks'],
        });
        const { config } = loaded;
        // The files the config names whose content has a shape of its own: smoke.baseline's floors,
        // attest.key (an encrypted cosign private key), the requirements files.
        if (!values['skip-file-checks']) {
            (0,_smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .configBaseline */ .E)(loaded);
            (0,_attest_signing_js__WEBPACK_IMPORTED_MODULE_1__/* .checkConfigKey */ .WM)(loaded);
            checkRequirements(loaded, io.env);
        }
        // The plan's checks (pure: the catalog; the git context of the Actions environment, git itself
        // is not asked): a config that plan would refuse is not valid.
        const plan = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .planBuild */ .C7)(config, {
            catalog: (0,_plan_catalog_js__WEBPACK_IMPORTED_MODULE_3__/* .bundledCatalog */ .Ot)(),
            git: (0,_plan_git_context_js__WEBPACK_IMPORTED_MODULE_4__/* .gitContextFromGitHubEnv */ .s)(io.env) ?? {},
            now: new Date(),
            configFile: loaded.label,
            lineOf: loaded.lineOf,
            fileVariants: loaded.fileVariants,
        });
        for (const w of plan.warnings)
            io.stderr(`warning: ${w}\n`);
        if (values.out !== undefined)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_9__/* .writeOutFile */ .Wd)(io.cwd, values.out, 'config.json', `${JSON.stringify(config, null, 2)}\n`);
        if (values.json) {
            io.stdout(`${JSON.stringify(config, null, 2)}\n`);
        }
        else {
            const source = loaded.file ?? 'inputs';
            io.stdout(`# ${source}: valid — ${config.variants.length} variant(s) x ${config.platforms.length} platform(s)\n${(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(config)}`);
        }
        return 0;
    },
};


/***/ }),

/***/ 96657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ refuseForeignFile),
/* harmony export */   LM: () => (/* binding */ writeOutFileNamed),
/* harmony export */   Wd: () => (/* binding */ writeOutFile)
/* harmony export */ });
/* unused harmony export targetStat */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23387);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89780);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(20317);






/**
 * Write one result file into the --out directory (created when missing); returns its path.
 * The directory is checked first (exit 2 at once for a non-directory or /proc, /sys, /dev), and so
 * is the name (a FIFO, device or directory there is exit 2); the file is written atomically (no
 * half-written JSON a later run would trust); a full or read-only filesystem is exit 3 naming the
 * path. Userinfo in URLs never reaches a result file.
 */
function writeOutFile(cwd, outDir, name, content, 
/** How messages name the flag: `--out FILE` when it names the file itself (sbom, diff). */
label = `--out ${outDir}`) {
    const dir = (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_5__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, outDir), label);
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(dir, name);
    if (node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(dir, file).startsWith('..'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${label}: ${name} is outside the directory`);
    (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_5__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file), label);
    // The rename would put a regular file in place of a FIFO or device the name holds (a directory
    // there fails it): the name must be free or (a link to) a regular file, as devcontainer's --out.
    const st = targetStat(file, label);
    if (st !== undefined && !st.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${label}: ${file} ${(0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_2__/* .notRegularFile */ .s5)(st)}`, 'name a new file, or a regular file to replace');
    (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_5__/* .writeFileAtomic */ .Zf)(file, (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrls */ .sK)(content), label);
    return file;
}
/** `--out FILE` (sbom, diff): the file itself, named in messages as given. */
function writeOutFileNamed(cwd, out, content) {
    return writeOutFile(cwd, node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(out), node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(out), content, `--out ${out}`);
}
/**
 * What is at an output FILE (following links), undefined when nothing is; a path that cannot be
 * looked at (a link loop, a file where a directory should be, no permission, a name too long) is
 * an error naming LABEL and the file (exit 2; a full disk cannot happen here), not an internal one.
 */
function targetStat(file, label) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file, { throwIfNoEntry: false });
    }
    catch (e) {
        throw (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_5__/* .writeError */ .oG)(e, file, label);
    }
}
/**
 * A file at FILE that ml-image did not write is a person's: refused (exit 2) unless --force. Only a
 * regular file is read (a FIFO would block, /dev/zero never end) and replaced: anything else there is
 * refused, --force or not; one that cannot be read may be a person's all the same (replacing it needs
 * no read permission). Nothing there: nothing to keep.
 */
function refuseForeignFile(file, c) {
    const st = targetStat(file, `${c.prefix}${c.flag}`);
    if (st === undefined)
        return;
    if (!st.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${c.prefix}${c.flag} ${(0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_2__/* .notRegularFile */ .s5)(st)}`, c.fix);
    if (c.force)
        return;
    let text;
    try {
        text = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_2__/* .readRegularFile */ .XF)(file, _util_read_regular_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_JSON_INPUT_BYTES */ .lj).toString('utf8');
    }
    catch (e) {
        const why = e instanceof _util_read_regular_js__WEBPACK_IMPORTED_MODULE_2__/* .UnreadableFileError */ .o2 ? e.reason : (e.code ?? String(e));
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${c.prefix}${file} exists and cannot be read (${why}): it may not be ml-image's`, `pass --force to replace it, or ${c.fix}`);
    }
    if (!c.ours(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${c.prefix}${file} exists and was not written by ml-image (${c.tell})`, `pass --force to replace it, or ${c.fix}`);
}


/***/ }),

/***/ 15063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ archOf)
/* harmony export */ });
function archOf(platform) {
    return platform.split('/')[1];
}


/***/ }),

/***/ 47684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ag: () => (/* binding */ LABEL_PREFIX),
/* harmony export */   Hh: () => (/* binding */ variantFromPlan),
/* harmony export */   fB: () => (/* binding */ PlanSchema),
/* harmony export */   jk: () => (/* binding */ PLAN_SCHEMA_VERSION)
/* harmony export */ });
/* unused harmony exports TemplateSchema, BaseChoiceSchema, VariantPlanSchema, BuildTargetSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32430);
// Plan: what the plan stage hands to resolve/build/smoke/report (and writes as plan.json). The types
// are inferred from the schema, so the file written and the value passed on cannot drift apart.


const PLAN_SCHEMA_VERSION = 1;
const LABEL_PREFIX = 'io.github.ml-image-action';
const PlatformSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .PLATFORMS */ .P4);
const TemplateSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .TEMPLATES */ .QT);
const BaseChoiceSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    /** The reference the build uses (after mirrors). */
    ref: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** The reference before mirrors (what the catalog knows). */
    canonical: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    family: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** Platforms the base image is known to have; undefined when not in the catalog. */
    platforms: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
});
const VariantPlanSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['cpu', 'cuda', 'custom']),
    primary: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    python: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    /** Template from images/ or undefined when the user's own Dockerfile is used. */
    template: TemplateSchema.optional(),
    base: BaseChoiceSchema,
    /** indexUrl undefined: torch comes with the base image (NGC) and is not installed again. */
    torch: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), indexUrl: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional() }).optional(),
    cuda: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), toolkitDriverMin: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), minorCompatDriverMin: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() })
        .optional(),
    tags: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    platforms: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(PlatformSchema),
    /** Build args every Dockerfile may read (images/README.md "Build arguments"). */
    buildArgs: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
});
const BuildTargetSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    variant: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    platform: PlatformSchema,
    arch: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    runner: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
});
const PlanSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(PLAN_SCHEMA_VERSION),
    repository: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    variants: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(VariantPlanSchema),
    targets: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(BuildTargetSchema),
    warnings: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    /** GitHub Actions matrix: strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }} */
    matrix: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        include: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ variant: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), platform: PlatformSchema, arch: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), runner: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() })),
    }),
});
/**
 * What plan.json says about a variant: its NVIDIA driver floor, and whether it is a CUDA variant;
 * undefined when the plan has no such variant. `driverFloorField` is the floor's place in the file
 * (variants[1].cuda.minorCompatDriverMin), for a message about its value. (A plan.json of another
 * schemaVersion never gets here: the results contract leaves it out, and the caller goes on with
 * its defaults.)
 */
function variantFromPlan(plan, variant) {
    const i = plan.variants.findIndex((x) => x.name === variant);
    const v = plan.variants[i];
    if (!v)
        return undefined;
    return {
        cuda: v.cuda !== undefined,
        ...(v.cuda && {
            driverFloor: v.cuda.minorCompatDriverMin,
            driverFloorField: `variants[${i}].cuda.minorCompatDriverMin`,
        }),
    };
}


/***/ }),

/***/ 32780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ readListedRequirements)
/* harmony export */ });
/* unused harmony export checkListedReferences */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38960);
// The ${NAME} references of a requirements file against build.secrets: the build passes pip only
// the variables listed there (by secret mount), so the resolver passes only those too (by
// environment). A file a pull request changes could otherwise hand pip, and any index it names,
// whatever the runner's environment holds (AWS_SECRET_ACCESS_KEY, a token the workflow set).


/** Refuses (exit 2) the references that build.secrets does not list, naming each. */
function checkListedReferences(references, secrets) {
    const unlisted = references.filter((n) => !secrets.includes(n));
    if (unlisted.length === 0)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`the requirements reference ${unlisted.map((n) => `\${${n}}`).join(', ')}, which build.secrets does not list`, `list ${unlisted.length === 1 ? 'it' : 'each'} in build.secrets: the build passes pip only those variables (by secret mount), and the resolver only those from the environment`);
}
/**
 * The requirements FILES (relative to BASE_DIR) as the build reads them: on a runner from the
 * workspace only, checked with only SECRETS (build.secrets) filled in, and a ${NAME} they do not
 * list refused (exit 2). The resolve and build stages and `validate` read them so.
 */
function readListedRequirements(files, secrets, baseDir, env) {
    const read = (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .readRequirements */ .F2)(files, baseDir, env, { ...(0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .workspaceRoot */ .oS)(env, baseDir), expandable: secrets });
    checkListedReferences(read.envReferences, secrets);
    return read;
}


/***/ }),

/***/ 59606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _K: () => (/* binding */ bundledBaseline),
  wC: () => (/* binding */ floorsArg),
  oU: () => (/* binding */ loadBaseline)
});

// UNUSED EXPORTS: BaselineSchema

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/json-file.ts + 1 modules
var json_file = __webpack_require__(20317);
;// CONCATENATED MODULE: ./src/smoke/baselines.json
const baselines_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"floorFraction":0.75,"gpus":[{"name":"NVIDIA H100 SXM","match":"\\\\bH100\\\\b.*\\\\bHBM3\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":794.5},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.0+cu126; best shape 2048x2048x13312","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H200","match":"\\\\bH200\\\\b(?!.*\\\\bNVL\\\\b)","computeCapability":"9.0","memoryGiB":{"min":135,"max":145},"measured":{"bf16_tflops":727.7,"fp16_tflops":762.7,"tf32_tflops":395.6,"fp32_tflops":51},"method":"ml-image smoke compute: CUDA events after a 10 s warm-up, best of 9 shapes (bf16 best at 6144^3; 680.9 at 8192^3), 700 W, torch 2.11 + CUDA 13.0, driver 580.159.04","source":"docs/gpu-floors.md#nvidia-h200"},{"name":"NVIDIA GH200 144G HBM3e","match":"\\\\bGH200\\\\b.*\\\\bHBM3e\\\\b","computeCapability":"9.0","memoryGiB":{"min":135,"max":150},"measured":{"bf16_tflops":828.6},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126, 900 W 141 GiB HBM3e version; best shape 1024x15360x4096","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 SXM","match":"\\\\bA100-SXM\\\\d?\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":271.2},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126; best shape 1024x10240x5120","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 PCIe","match":"\\\\bA100\\\\b.*\\\\bPCIE\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":252.9},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.5.1+cu124; best shape 2048x5120x6144 (the memory size is not stated)","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H100 PCIe","match":"\\\\bH100\\\\b.*\\\\bPCIe\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":495.9,"fp16_tflops":458},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (bf16 at 4096^2, fp16 at 2048^2), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/95"},{"name":"NVIDIA L40S","match":"\\\\bL40S\\\\b","computeCapability":"8.9","memoryGiB":{"min":42,"max":48},"measured":{"bf16_tflops":269.2,"fp16_tflops":264},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken, torch 2.8.0+cu128, in a Docker container; one community submission (its summary row: FP32 46.88, FP16 264.02, BF16 269.15)","source":"https://github.com/zzc0721/torch-performance-test-data/issues/43"},{"name":"NVIDIA L4","match":"\\\\bL4\\\\b","computeCapability":"8.9","memoryGiB":{"min":20,"max":24},"measured":{"bf16_tflops":70.9,"fp16_tflops":68.8},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (both at 2048^2; 55-59 at 4096^2 and up: a 72 W card), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/120"},{"name":"NVIDIA B200","match":"\\\\bB200\\\\b","computeCapability":"10.0","memoryGiB":{"min":170,"max":185},"measured":{"bf16_tflops":1745},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.1+cu128; best shape 1792x16128x3072","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA GB200","match":"\\\\bGB200\\\\b","computeCapability":"10.0","measured":{"bf16_tflops":1822},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.10.0.dev20250916+cu130; best shape 4096x9728x2048","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA B300 SXM","match":"\\\\bB300\\\\b","computeCapability":"10.3","measured":{"bf16_tflops":1769},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.9.1+cu130; best shape 12288x18432x1024","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"}],"ddp":[]}');
;// CONCATENATED MODULE: ./src/smoke/baselines.ts
// Per-GPU throughput floors as data (baselines.json, or the config's smoke.baseline file): one row
// per GPU model with the figures measured on it, how and where, and a floor at floorFraction of
// each, as DCGM diag and nccl-tests do. The smoke script judges (images/probe/ml_image_smoke.py
// matches the row on the GPU it runs on); this side checks the table and hands it over, the same
// way to `ml-image smoke` and to the exported Slurm/Kubernetes jobs.





/** A regular expression both JavaScript and Python read alike: checked here, used there. */
const pattern = schemas/* string */.YjP()
    .min(1)
    .refine((s) => {
    try {
        new RegExp(s, 'i');
        return !/\(\?P?<[A-Za-z_]/.test(s);
    }
    catch {
        return false;
    }
}, { error: 'expected a regular expression (no named groups or inline flags: matched case-insensitively)' });
const fraction = schemas/* number */.aig().gt(0).lte(1);
const GpuRow = schemas/* object */.Ikc({
    /** The row's name, reported as floor_gpu. */
    name: schemas/* string */.YjP().min(1),
    /** Matched case-insensitively on the torch device name, any " MIG ..." suffix stripped. */
    match: pattern,
    /** major.minor; the row applies only to a GPU of this compute capability. */
    computeCapability: schemas/* string */.YjP()
        .regex(/^\d+\.\d+$/, { error: 'expected major.minor, e.g. "9.0"' })
        .optional(),
    /** The GPU's memory in GiB as torch reports it (not checked for a MIG slice). */
    memoryGiB: schemas/* object */.Ikc({ min: schemas/* number */.aig().nonnegative(), max: schemas/* number */.aig().positive() })
        .refine((m) => m.min <= m.max, { error: 'min is above max' })
        .optional(),
    /** This row's floor fraction, instead of the table's. */
    floorFraction: fraction.optional(),
    /** metric -> the figure measured, e.g. bf16_tflops -> 794.5 (the floor is floorFraction of it). */
    measured: schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* number */.aig().positive())
        .refine((m) => Object.keys(m).length > 0, { error: 'no figure measured' }),
    /** How the figures were measured (shapes, warm-up, timing, power). */
    method: schemas/* string */.YjP().min(1).optional(),
    /** Where the figures come from: a URL, or a file of this repository. */
    source: schemas/* string */.YjP().min(1),
});
const DdpRow = schemas/* object */.Ikc({
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
const BaselineSchema = schemas/* object */.Ikc({
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
    const r = BaselineSchema.safeParse(json);
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

/***/ 46985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ configBaseline),
/* harmony export */   P: () => (/* binding */ configSmokeInputs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_field_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95245);
/* harmony import */ var _config_workspace_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7946);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _requirements_markers_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(42971);
/* harmony import */ var _requirements_parse_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(39459);
/* harmony import */ var _requirements_read_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(38960);
/* harmony import */ var _baselines_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(59606);
// What the smoke suites take from the config: the requirement names (the imports suite) and the
// throughput floors. Its own module: the CLI's smoke and export commands read it without loading
// the smoke stage (capture, the runner, reuse).








/**
 * The suites' inputs the config decides: requirement names (for imports) and the throughput floors.
 * ENV is the caller's environment: `${NAME}` references and the workspace root are read from it.
 * The imports suite checks only the requirements pip installed: a name whose environment marker is
 * false on the target (requirementNames, markers.ts) is left out. `distributionsFor` gives the
 * names of one platform ("linux/arm64") and Python ("3.12"); `distributions` those of TARGET, else
 * of the config's platform when it names one, else of a Linux image whose machine is not known (a
 * marker on platform_machine then keeps its requirement).
 */
function configSmokeInputs(loaded, env, target = {}) {
    const text = loaded
        ? (0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_6__/* .readRequirements */ .F2)(loaded.config.python.requirements, loaded.baseDir, env, {
            ...(0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_6__/* .workspaceRoot */ .oS)(env, loaded.baseDir),
            expandable: loaded.config.build.secrets,
        }).text
        : undefined;
    const distributionsFor = (platform, python) => text === undefined ? [] : (0,_requirements_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .requirementNames */ .QT)(text, (0,_requirements_markers_js__WEBPACK_IMPORTED_MODULE_4__/* .linuxMarkerEnvironment */ .Y)(platform, python));
    const platforms = loaded?.config.platforms ?? [];
    return {
        distributions: distributionsFor(target.platform ?? (platforms.length === 1 ? platforms[0] : undefined), target.python),
        distributionsFor,
        baseline: configBaseline(loaded),
    };
}
/**
 * The throughput floors: the config's smoke.baseline file (relative to the config) merged with the
 * bundled table, or the bundled table alone. A file that is not a baseline is an InputError naming
 * it and the field: `validate` and the pipeline ask before anything is built, not at the smoke stage.
 * On a runner (loaded.workspace) a file outside the workspace is refused unread, as loadConfig does.
 */
function configBaseline(loaded) {
    const file = loaded?.config.smoke.baseline;
    if (file === undefined)
        return (0,_baselines_js__WEBPACK_IMPORTED_MODULE_7__/* .loadBaseline */ .oU)();
    const abs = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(loaded.baseDir, file);
    return (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_1__/* .asConfigProblem */ .c)(loaded, () => {
        const outside = (0,_config_workspace_file_js__WEBPACK_IMPORTED_MODULE_2__/* .outsideWorkspace */ .t)(abs, loaded.workspace);
        if (outside !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`smoke.baseline: ${outside}`);
        return (0,_baselines_js__WEBPACK_IMPORTED_MODULE_7__/* .loadBaseline */ .oU)(abs);
    });
}


/***/ })

};
