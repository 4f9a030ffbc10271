export const id = 996;
export const ids = [996];
export const modules = {

/***/ 78670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   diffCommand: () => (/* binding */ diffCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _diff_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15523);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17700);
/* harmony import */ var _report_model_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92474);
/* harmony import */ var _report_render_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(90157);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(23387);
/* harmony import */ var _util_strict_utf8_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(42015);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(82513);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(77593);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(96657);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(49997);












/** Where the files diff reads come from, for a path that names none. */
const DIFF_FILE_FIX = `${_output_js__WEBPACK_IMPORTED_MODULE_9__/* .ENV_RECORD_FIX */ .yu} (a smoke result: smoke-<variant>-<arch>.json there)`;
/** A record or smoke result named on the command line: a regular JSON file of bounded size. */
function readJsonFile(cwd, file) {
    if (file === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('diff: a file name is empty', 'name the env.json or smoke.json file itself');
    const bytes = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_6__/* .readRegularBytes */ .Of)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, file), _util_read_regular_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_JSON_INPUT_BYTES */ .lj, (e) => e.code !== undefined
        ? new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`diff: cannot read ${file}: ${(0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_6__/* .openErrorText */ .OV)(e.code)}`, (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_6__/* .openErrorFix */ .SU)(e.code, DIFF_FILE_FIX))
        : new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`diff: ${file} ${e.reason}`, 'name the env.json or smoke.json file itself'));
    const decoded = (0,_util_strict_utf8_js__WEBPACK_IMPORTED_MODULE_11__/* .decodeUtf8Strictly */ .Cz)(bytes, true);
    if ('problem' in decoded)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`diff: ${file}: ${decoded.problem}; not a record ml-image wrote (UTF-8)`);
    return (0,_diff_read_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJsonText */ .lk)(decoded.text, file);
}
/**
 * A number flag written in decimal (0.1, 1e-3; --max-chars: digits only). Number() alone also took
 * 0x200 (512), 0b1 and, for a character count, 400.5 ("shortened to fit 400.5 characters").
 */
function numberFlag(name, value, min, whole = false) {
    if (value === undefined)
        return undefined;
    const t = value.trim();
    const decimal = whole ? /^\d+$/ : /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
    const n = decimal.test(t) ? Number(t) : Number.NaN;
    if (!Number.isFinite(n) || n < min)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`diff: --${name}: expected ${whole ? 'a whole number' : 'a decimal number'} of at least ${min}, got ${JSON.stringify(value)}`);
    return n;
}
const DIFF_OPTIONS = {
    format: { type: 'string' },
    'base-smoke': { type: 'string' },
    'head-smoke': { type: 'string' },
    image: { type: 'string' },
    variant: { type: 'string' },
    'baseline-ref': { type: 'string' },
    'max-chars': { type: 'string' },
    threshold: { type: 'string' },
};
const diffCommand = {
    outIsFile: true,
    name: 'diff',
    options: DIFF_OPTIONS,
    summary: 'Compare two environment records (env.json) and print the Markdown report (or its JSON model).',
    usage: 'ml-image diff BASE.json HEAD.json [--base-smoke F] [--head-smoke F] [--format md|json] [--out FILE]',
    help: `Diffs the base record against the head record: pip, apt and conda packages (added, removed,
upgraded, downgraded, with the level: major, minor, patch, local, other; changed: only the local
label, as +cu126 -> +cpu, or a conda package's build or channel, which has no order; losing a CUDA
build is a warning), CUDA/cuDNN/NCCL, driver, torch,
NumPy, Python, glibc, OS, GPUs, environment variables, labels, image size and layers, and with
smoke results the per-test status changes and metric regressions. Records written by older
versions of ml-image are read (migrated); redacted values stay redacted.

Options:
  --base-smoke F     the base's smoke.json
  --head-smoke F     the head's smoke.json
  --format md|json   the Markdown report (default) or the report model as JSON (--json is the same;
                     --json with --format md is refused)
  --out FILE         write the output to FILE instead of printing it (with --json, stdout then
                     has {"file", "verdict"})
  --image REPO       the image named in the report, an image reference (default: the head
                     record's repository)
  --variant NAME     the variant named in the report (default: the head record's variant)
  --baseline-ref REF what the base is, for the column header (e.g. main)
  --max-chars N      shorten the Markdown to at most N characters (a whole number, default ${_report_render_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_MAX_CHARS */ .PN})
  --threshold X      relative change of a smoke metric that counts as a regression (default 0.1)

Exit codes: 0 compared (whatever the differences); 2 a file is missing, not JSON or not a record;
3 --out's filesystem is full or read-only.`,
    async run(argv, io) {
        const { values, positionals } = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .parseCommandArgs */ .Qx)('diff', argv, DIFF_OPTIONS, true);
        if (positionals.length !== 2)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`diff: expected BASE.json and HEAD.json, got ${positionals.length} file${positionals.length === 1 ? '' : 's'}`, 'run "ml-image diff --help" for usage');
        const format = values.format ?? (values.json ? 'json' : 'md');
        if (format !== 'md' && format !== 'json')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`diff: --format: expected md or json, got "${format}"`);
        // --json promises one JSON object on stdout: Markdown there would break whoever parses it.
        if (values.json && format === 'md')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('diff: --json and --format md: give one', 'drop --json for Markdown, or --format md for JSON');
        // Checked as every --image is (a login in it is masked in the message), before any file is read.
        if (values.image !== undefined)
            (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .imageFlag */ .m4)('diff', values.image);
        const maxChars = numberFlag('max-chars', values['max-chars'], _report_render_js__WEBPACK_IMPORTED_MODULE_5__/* .MIN_MAX_CHARS */ .Et, true) ?? _report_render_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_MAX_CHARS */ .PN;
        const threshold = numberFlag('threshold', values.threshold, 0);
        const [baseFile, headFile] = positionals;
        const base = (0,_diff_read_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnvRecord */ .NQ)(readJsonFile(io.cwd, baseFile), baseFile);
        const head = (0,_diff_read_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnvRecord */ .NQ)(readJsonFile(io.cwd, headFile), headFile);
        // Two records of different images compare, but what changed is then mostly the difference
        // between the two: said, so that "no changes" or a long list is not read as the head's doing.
        for (const [what, b, h] of [
            ['variant', base.image.variant, head.image.variant],
            ['platform', base.image.platform, head.image.platform],
        ])
            if (b !== null && h !== null && b !== h)
                io.stderr(`warning: diff: the base is of ${what} ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_10__/* .printable */ .g$)(b)}, the head of ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_10__/* .printable */ .g$)(h)}: they are different images\n`);
        const smoke = (file) => file === undefined ? null : (0,_diff_read_js__WEBPACK_IMPORTED_MODULE_1__/* .readSmokeResult */ .dV)(readJsonFile(io.cwd, file), file);
        const model = (0,_report_model_js__WEBPACK_IMPORTED_MODULE_4__/* .buildReportModel */ .MW)({
            // Flags are shown (the heading, the JSON model): secrets in them masked.
            image: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(values.image ?? (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_3__/* .repositoryOf */ ._M)(head.image.ref)),
            variant: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(values.variant ?? head.image.variant ?? 'default'),
            entries: [
                {
                    platform: head.image.platform,
                    head,
                    base,
                    headSmoke: smoke(values['head-smoke']),
                    baseSmoke: smoke(values['base-smoke']),
                },
            ],
            baseline: values['baseline-ref'] ? { ref: (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_7__/* .redactText */ .Rd)(values['baseline-ref']) } : null,
            ...(threshold !== undefined && { smokeThreshold: threshold }),
        });
        const rendered = (0,_report_render_js__WEBPACK_IMPORTED_MODULE_5__/* .renderReport */ .B1)(model, { maxChars });
        const output = format === 'json' ? `${JSON.stringify(model, null, 2)}\n` : rendered.markdown;
        if (values.out !== undefined) {
            const file = (0,_output_js__WEBPACK_IMPORTED_MODULE_9__/* .writeOutFileNamed */ .LM)(io.cwd, values.out, output, readFiles(positionals, values));
            // --json: one JSON object on stdout still, what was written and the verdict (as sbom's).
            if (values.json)
                io.stdout(`${JSON.stringify({ file, verdict: rendered.verdict }, null, 2)}\n`);
            else
                io.stderr(`${rendered.verdict}\nwrote ${file}\n`);
        }
        else {
            io.stdout(output);
        }
        return 0;
    },
};
/** The files diff reads, for --out, which may name none of them. */
function readFiles([base, head], smoke) {
    return [
        { what: 'the base record (BASE.json)', file: base },
        { what: 'the head record (HEAD.json)', file: head },
        { what: 'the base smoke result (--base-smoke)', file: smoke['base-smoke'] },
        { what: 'the head smoke result (--head-smoke)', file: smoke['head-smoke'] },
    ].filter((f) => f.file !== undefined);
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
