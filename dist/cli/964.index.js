export const id = 964;
export const ids = [964];
export const modules = {

/***/ 12575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uncheckedVariants: () => (/* binding */ uncheckedVariants),
/* harmony export */   validateCommand: () => (/* binding */ validateCommand)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _attest_signing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(10854);
/* harmony import */ var _config_field_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(95245);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49459);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46496);
/* harmony import */ var _requirements_references_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(32780);
/* harmony import */ var _smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(46985);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(77593);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(49997);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(96657);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(17474);












/**
 * What `--variants` left unchecked: the variants the file lists that the
 * selection does not (validate checks only what it would build), or, when the file's own list does
 * not validate, that list. Undefined when the selection is the file's list or there is no file.
 */
function uncheckedVariants(loaded, selected) {
    if (loaded.file === undefined)
        return undefined;
    const file = loaded.label ?? loaded.file;
    const rerun = 'run "ml-image validate" without --variants to check them';
    const picked = `--variants selects ${selected.map((n) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(n)).join(', ')}`;
    if (loaded.fileVariants === undefined)
        return `${picked}: the variants ${file} itself lists do not validate and were not checked (${rerun})`;
    const left = loaded.fileVariants.filter((n) => !selected.includes(n));
    if (left.length === 0)
        return undefined;
    return `${picked}: the variant(s) ${left.map((n) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .printable */ .g$)(n)).join(', ')} in ${file} were not checked (${rerun})`;
}
/**
 * The requirements files read and checked as the resolve and build stages read them (their lines,
 * -r/-c includes, credentials, ${NAME}s build.secrets does not list): files only, pip is not run.
 */
function checkRequirements(loaded, env) {
    const { python, build } = loaded.config;
    (0,_requirements_references_js__WEBPACK_IMPORTED_MODULE_6__/* .readListedRequirements */ .c)(python.requirements, build.secrets, loaded.baseDir, env, (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_2__/* .requirementsFieldError */ .db)(loaded));
}
/**
 * The files the config names whose content has a shape of its own: smoke.baseline's floors,
 * attest.key (an encrypted cosign private key), the requirements files. Each is checked whatever
 * the others hold, and their problems are refused together (exit 2), each naming its file and
 * line; one check's own error stays as it is.
 */
function checkConfigFiles(loaded, env) {
    const checks = [
        () => (0,_smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .configBaseline */ .E)(loaded),
        () => (0,_attest_signing_js__WEBPACK_IMPORTED_MODULE_1__/* .checkConfigKey */ .WM)(loaded),
        () => checkRequirements(loaded, env),
    ];
    const refused = [];
    for (const check of checks) {
        try {
            check();
        }
        catch (e) {
            // Another error (the environment's, exit 3) ends the checks as it would a run.
            if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz))
                throw e;
            refused.push(e);
        }
    }
    if (refused.length <= 1) {
        if (refused[0] !== undefined)
            throw refused[0];
        return;
    }
    const source = loaded.label ?? loaded.file ?? 'inputs';
    const fixes = [...new Set(refused.flatMap((e) => e.fix ?? []))];
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(source, refused.flatMap((e) => (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL ? e.problems : [e.message])), {
        count: refused.reduce((n, e) => n + (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL ? e.count : 1), 0),
        ...(fixes.length > 0 && { fix: fixes.join('; ') }),
        ...(loaded.file !== undefined && { file: source }),
    });
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
validate refuses; its warnings are printed too), and that its variants can install the
requirements as written (hashes with a variant's torch, a local --find-links or path with a
template: what a run that resolves or builds refuses).

Options:
  --config FILE        config file to read
${_shared_js__WEBPACK_IMPORTED_MODULE_11__/* .configOverrideFlags */ .i7}
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
        const overrides = (0,_shared_js__WEBPACK_IMPORTED_MODULE_11__/* .overridesFromFlags */ .du)(values);
        const loaded = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)({
            cwd: io.cwd,
            env: io.env,
            ...(values.config !== undefined && { file: values.config }),
            overrides,
            checkFiles: !values['skip-file-checks'],
        });
        const { config } = loaded;
        if (values.variants !== undefined) {
            const note = uncheckedVariants(loaded, config.variants.map((v) => v.name));
            if (note !== undefined)
                io.stderr(`warning: ${note}\n`);
        }
        if (!values['skip-file-checks'])
            checkConfigFiles(loaded, io.env);
        // The plan's checks, in plan's own git context (GitHub's environment on a runner, else the
        // checkout's commit and tag, which name the version tags): what plan refuses is not valid.
        const plan = (0,_shared_js__WEBPACK_IMPORTED_MODULE_11__/* .planOfConfig */ .DH)(loaded, await (0,_shared_js__WEBPACK_IMPORTED_MODULE_11__/* .gitContextFor */ .Tr)(io));
        for (const w of plan.warnings)
            io.stderr(`warning: ${w}\n`);
        // The requirements against the plan's variants, as a run that resolves or builds checks them.
        if (!values['skip-file-checks'])
            (0,_requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_5__/* .checkPlanRequirements */ .M)(plan.variants, loaded, io.env, (w) => io.stderr(`warning: ${w}\n`), true, (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_2__/* .requirementsFieldError */ .db)(loaded));
        if (values.out !== undefined)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_10__/* .writeOutFile */ .Wd)(io.cwd, values.out, 'config.json', `${JSON.stringify(config, null, 2)}\n`);
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
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23387);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42062);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20317);





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
    const dir = (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, outDir), label);
    const file = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(dir, name);
    if (node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(dir, file).startsWith('..'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${label}: ${name} is outside the directory`);
    (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(file), label);
    // The rename would put a regular file in place of a FIFO or device the name holds (a directory
    // there fails it): the name must be free or (a link to) a regular file, as devcontainer's --out.
    refuseNonRegular(file, label, 'name a new file, or a regular file to replace');
    (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)(file, (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrls */ .sK)(content), label);
    return file;
}
/** Exit 2 (LABEL, FIX) when FILE is there and is not (a link to) a regular file. */
function refuseNonRegular(file, label, fix) {
    const st = targetStat(file, label);
    if (st !== undefined && !st.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${label}: ${file} ${(0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_1__/* .notRegularFile */ .s5)(st)}`, fix);
}
/**
 * `--out FILE` (sbom, diff, devcontainer): the file itself, named in messages as given, and the
 * messages are about a file, checked before its directory: /dev/null is a device, not a regular
 * file (not "a directory on disk").
 */
function writeOutFileNamed(cwd, out, content) {
    const label = `--out ${out}`;
    const file = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, out);
    refuseNonRegular(file, label, 'pass --out FILE naming a new file, or a regular file to replace');
    (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(file), label, { forFile: true });
    return writeOutFile(cwd, node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(file), node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(file), content, label);
}
/**
 * What is at an output FILE (following links), undefined when nothing is; a path that cannot be
 * looked at (a link loop, a file where a directory should be, no permission, a name too long) is
 * an error naming LABEL and the file (exit 2; a full disk cannot happen here), not an internal one.
 */
function targetStat(file, label) {
    try {
        return (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_1__/* .statOrAbsent */ .Hg)(file);
    }
    catch (e) {
        throw (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .writeError */ .oG)(e, file, label);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${c.prefix}${c.flag} ${(0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_1__/* .notRegularFile */ .s5)(st)}`, c.fix);
    if (c.force)
        return;
    let text;
    try {
        text = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_1__/* .readRegularFile */ .XF)(file, _util_read_regular_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_JSON_INPUT_BYTES */ .lj).toString('utf8');
    }
    catch (e) {
        const why = e instanceof _util_read_regular_js__WEBPACK_IMPORTED_MODULE_1__/* .UnreadableFileError */ .o2 ? e.reason : (e.code ?? String(e));
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${c.prefix}${file} exists and cannot be read (${why}): it may not be ml-image's`, `pass --force to replace it, or ${c.fix}`);
    }
    if (!c.ours(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`${c.prefix}${file} exists and was not written by ml-image (${c.tell})`, `pass --force to replace it, or ${c.fix}`);
}


/***/ }),

/***/ 15063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   Qh: () => (/* binding */ archOf),
/* harmony export */   sb: () => (/* binding */ sameMachine)
/* harmony export */ });
function archOf(platform) {
    return platform.split('/')[1];
}
/**
 * An architecture and variant as containerd's platforms.Normalize spells them (its database.go):
 * x86_64 and x86-64 are amd64 (v1 its default), aarch64 is arm64 (8, v8 and v8.0 its default; 9
 * and 9.0 are v9), armhf is arm/v7 and armel arm/v6, arm without a variant is arm/v7 (5, 6, 7, 8
 * are v5...v8), i386 is 386.
 */
function normalizeArch(arch, variant) {
    switch (arch) {
        case 'i386':
            return ['386', ''];
        case 'x86_64':
        case 'x86-64':
        case 'amd64':
            return ['amd64', variant === 'v1' ? '' : variant];
        case 'aarch64':
        case 'arm64':
            if (['8', 'v8', 'v8.0'].includes(variant))
                return ['arm64', ''];
            return ['arm64', ['9', '9.0', 'v9.0'].includes(variant) ? 'v9' : variant];
        case 'armhf':
            return ['arm', 'v7'];
        case 'armel':
            return ['arm', 'v6'];
        case 'arm':
            if (variant === '' || variant === '7')
                return ['arm', 'v7'];
            return ['arm', ['5', '6', '8'].includes(variant) ? `v${variant}` : variant];
        default:
            return [arch, variant];
    }
}
/**
 * A platform as containerd compares them (platforms.Normalize): lower case, macos is darwin, and
 * the architecture and variant as normalizeArch has them (linux/arm64/v8 and linux/aarch64 are
 * linux/arm64). An empty OS stays empty: containerd takes it for the host's, so it matches any.
 */
function normalizePlatform(platform) {
    const [rawOs = '', rawArch = '', rawVariant = ''] = platform.toLowerCase().split('/');
    const os = rawOs === 'macos' ? 'darwin' : rawOs;
    const [arch, variant] = normalizeArch(rawArch, rawVariant);
    return variant === '' ? `${os}/${arch}` : `${os}/${arch}/${variant}`;
}
/**
 * Whether A and B are the same machine: the same OS and architecture once normalized, whatever the
 * variant (linux/arm64/v8 and linux/aarch64 are linux/arm64; linux/amd64/v3 runs on linux/amd64).
 * The smoke stage asks it of a target and the engine's platform: another machine runs emulated.
 */
function sameMachine(a, b) {
    const osArch = (p) => normalizePlatform(p).split('/').slice(0, 2).join('/');
    return osArch(a) === osArch(b);
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
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89538);
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

/***/ 46496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ checkPlanRequirements),
/* harmony export */   c: () => (/* binding */ resolverDryRuns)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42062);
/* harmony import */ var _references_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(32780);
// The requirements against the plan, before any container runs (the pipeline, when it resolves or
// builds, and `validate`): what the files allow but the variants' builds cannot do as written.
// - pip's hash-checking mode (any --hash, or --require-hashes) with a variant the resolver dry-runs
//   with its torch: each dry run asks for torch==V, unhashed, which that mode refuses (every one
//   fails). Where no dry run runs (resolve mode off, the cuda template) a template's torch step
//   (`pip install torch==V`, its first pip step) still installs torch and its dependencies without
//   a hash, and the requirements step then finds them installed and checks nothing of them: a
//   warning naming the variants, the rest being checked.
// - a relative --find-links (./wheels, file:wheels) or a requirement by a relative path: a
//   template's pip step runs before the build context is copied in, and the resolver's container
//   has none of the repository either. pip ignores a missing --find-links location with a warning
//   and takes the project from the index instead (a private name: from whoever publishes it
//   there). With the user's own Dockerfile (which may COPY them first) a --find-links is a warning.
//   An absolute one (/opt/wheels, file:///opt/wheels) may be the base image's, where both pips run:
//   left to pip, as an absolute requirement path is.
// Structural types only: requirements/ imports no stage (plan) nor config.



const names = (vs) => vs.map((v) => v.name).join(', ');
const plural = (vs, one, more) => (vs.length === 1 ? one : more);
/**
 * Whether the resolver dry-runs VARIANT in resolve MODE (resolve/stage.ts skips the others): not
 * with mode off, nor for the cuda template (nvidia/cuda carries no Python packages to conflict with).
 */
const resolverDryRuns = (variant, mode) => mode !== 'off' && variant.template !== 'cuda';
/** The variants with their torch, as named in a problem or warning (their index's login masked). */
const withTorch = (vs) => vs.map((v) => `${v.name} torch ${v.torch.version} from ${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(v.torch.indexUrl)}`).join('; ');
/** How torch itself gets checked: the requirements install it, hashed, with its index. */
const torchHashed = (vs) => `give ${names(vs)} no torch (no torch: on the variant nor at the top level; a CUDA variant given by cuda: always gets one, a variant given by base: an nvidia/cuda image with its cuda: gets none) and pin torch with its --hash in the requirements, its wheel index in the file (--extra-index-url ${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(vs[0].torch.indexUrl)})`;
/**
 * Hash-checking mode with the variants that install torch: the problem of those the resolver
 * dry-runs (undefined: none), and the warning of those only a template's torch step installs it on.
 */
function hashProblem(facts, variants, resolveMode) {
    const on = facts.hashChecking;
    const torch = on === undefined ? [] : variants.filter((v) => v.torch?.indexUrl !== undefined);
    // Every dry run asks for torch==V (resolve/stage.ts): refused in that mode.
    const resolved = torch.filter((v) => resolverDryRuns(v, resolveMode));
    // No dry run: the template's torch step installs it (the user's own Dockerfile: whatever it does).
    const unchecked = torch.filter((v) => !resolverDryRuns(v, resolveMode) && v.template !== undefined);
    const warning = unchecked.length === 0
        ? undefined
        : `${on.origin}: ${on.option} puts pip in hash-checking mode, but variant${plural(unchecked, '', 's')} ${withTorch(unchecked)} install${plural(unchecked, 's', '')} torch before the requirements, without a hash (the template's torch step): torch and its dependencies go in unchecked (the requirements step then finds them installed and checks nothing of them), the rest is checked. To check torch too, ${torchHashed(unchecked)}`;
    if (resolved.length === 0)
        return { warning };
    return {
        warning,
        problem: `${on.origin}: ${on.option} puts pip in hash-checking mode for every requirement, and variant${plural(resolved, '', 's')} ${withTorch(resolved)} install${plural(resolved, 's', '')} torch before the requirements, without a hash: the resolver's dry runs ask for that torch, unhashed, which pip refuses in that mode (every one would fail), and a template's torch step would install torch and its dependencies unchecked (the requirements step then finds them installed and checks nothing of them)`,
        fix: `either let the requirements install torch, with its hashes: ${torchHashed(resolved)}; or drop the --hash options (pip-compile / uv pip compile without --generate-hashes, poetry export --without-hashes)`,
    };
}
const LOCAL_WHY = {
    'find-links': "a relative --find-links (a path, a file: URL) names a directory of your repository, which the build's pip does not have: pip ignores a missing --find-links location with a warning and takes the project from the index instead, a private name from whoever publishes it there",
    path: "a requirement by a relative path names a file of your repository, which the build's pip does not have (pip fails on it)",
};
/** The problems of lines naming local files, when a template builds some variant. */
function localProblems(facts, templated) {
    if (templated.length === 0 || facts.localFiles.length === 0)
        return undefined;
    const where = `variant${plural(templated, '', 's')} ${names(templated)} ${plural(templated, 'is', 'are')} built from a template, whose pip step runs before the build context is copied in, and the resolver's container has none of your files either`;
    return {
        problems: facts.localFiles.map((f) => `${f.origin}: "${f.line}": ${LOCAL_WHY[f.kind]}: ${where}`),
        fix: 'serve the wheels from an index or a URL (--extra-index-url, --find-links https://host/wheels/, or name @ https://host/name-1.0-py3-none-any.whl), put them in the base image and name them by their absolute path there (--find-links /opt/wheels), or build from your own Dockerfile (build.dockerfile, no template) that copies them in before its pip install',
    };
}
/**
 * The requirements (read as the stages read them: readListedRequirements) against the plan's
 * VARIANTS: hash-checking mode with a variant the resolver dry-runs with its torch, and a line
 * naming files of the repository when a template builds a variant, are exit 2 naming each line,
 * with the way out. Hash-checking mode with a template's torch step and no dry run, and a relative
 * --find-links with only the user's own Dockerfile (the resolver's container still lacks it), are
 * WARNings. Nothing without requirements. RESOLVING: whether the run has the resolve stage (without
 * it no dry run runs, whatever resolve.mode says). GIVEN: how a file python.requirements names that
 * cannot be read is said (the config's field and line: config/field-error.ts requirementsFieldError).
 */
function checkPlanRequirements(variants, loaded, env, warn, resolving = true, given) {
    const { python, build } = loaded.config;
    const resolve = { mode: resolving ? loaded.config.resolve.mode : 'off' };
    if (python.requirements.length === 0)
        return;
    const facts = (0,_references_js__WEBPACK_IMPORTED_MODULE_2__/* .readListedRequirements */ .c)(python.requirements, build.secrets, loaded.baseDir, env, given).facts;
    if (facts === undefined)
        return;
    const templated = variants.filter((v) => v.template !== undefined);
    const hash = hashProblem(facts, variants, resolve.mode);
    const local = localProblems(facts, templated);
    if (hash.problem === undefined && local === undefined) {
        const findLinks = facts.localFiles.filter((x) => x.kind === 'find-links');
        for (const w of [
            ...(hash.warning === undefined ? [] : [hash.warning]),
            ...findLinks.map((f) => `${f.origin}: "${f.line}": a relative --find-links names a directory of your repository: the resolver's container does not have it (pip there ignores it, with a warning, and resolves the project from the index), so copy it into the image before your Dockerfile's pip install, or serve the wheels from a URL`),
        ])
            warn(w, { title: 'ml-image requirements' });
        return;
    }
    const problems = [...(hash.problem ? [hash.problem] : []), ...(local?.problems ?? [])];
    const fix = [hash.fix, local?.fix].filter((x) => x !== undefined).join('; and ');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(python.requirements.join(', '), problems, { fix, problemsNameFiles: true });
}


/***/ }),

/***/ 32780:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ readListedRequirements)
/* harmony export */ });
/* unused harmony export unlistedReferences */
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99679);
// The ${NAME} references of a requirements file against build.secrets: the build passes pip only
// the variables listed there (by secret mount), so the resolver passes only those too (by
// environment). A file a pull request changes could otherwise hand pip, and any index it names,
// whatever the runner's environment holds (AWS_SECRET_ACCESS_KEY, a token the workflow set).

/**
 * The references that SECRETS (build.secrets) does not list, refused: each line naming one is a
 * problem of its own ("req.txt:3: ${TOKEN} is not listed in build.secrets"), among the others the
 * read finds.
 */
function unlistedReferences(secrets) {
    return {
        why: (name) => (secrets.includes(name) ? undefined : 'is not listed in build.secrets'),
        fix: 'list each ${NAME} a line names in build.secrets: the build passes pip only those variables (by secret mount), and the resolver only those from the environment',
    };
}
/**
 * The requirements FILES (relative to BASE_DIR) as the build reads them: on a runner from the
 * workspace only, checked with only SECRETS (build.secrets) filled in, and a ${NAME} they do not
 * list refused (exit 2, with every other problem of the files, each naming its file and line).
 * The resolve and build stages and `validate` read them so. GIVEN: how a file of FILES that cannot
 * be read is said (the config field and line naming it: requirementsFieldError).
 */
function readListedRequirements(files, secrets, baseDir, env, given) {
    return (0,_read_js__WEBPACK_IMPORTED_MODULE_0__/* .readRequirements */ .F2)(files, baseDir, env, {
        ...(0,_read_js__WEBPACK_IMPORTED_MODULE_0__/* .workspaceRoot */ .oS)(env, baseDir),
        expandable: secrets,
        refused: unlistedReferences(secrets),
        ...(given !== undefined && { given }),
    });
}


/***/ })

};
