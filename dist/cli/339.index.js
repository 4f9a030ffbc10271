export const id = 339;
export const ids = [339];
export const modules = {

/***/ 15216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderSmoke: () => (/* binding */ renderSmoke),
/* harmony export */   smokeCommand: () => (/* binding */ smokeCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29882);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(61036);
/* harmony import */ var _results_out_dir_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43140);
/* harmony import */ var _smoke_gpu_mode_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(58947);
/* harmony import */ var _smoke_run_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(86382);
/* harmony import */ var _smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(46985);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(77593);









function renderSmoke(r) {
    const lines = r.tests.map((t) => {
        const metrics = Object.entries(t.metrics)
            .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
            .join(' ');
        const head = `${t.status.toUpperCase().padEnd(4)} ${t.id.padEnd(18)} ${(t.durationMs / 1000).toFixed(1).padStart(5)}s  ${t.reason ?? ''}${metrics ? ` ${metrics}` : ''}`;
        return t.cause ? `${head}\n     cause: ${t.cause.cause}\n     fix:   ${t.cause.fix}` : head;
    });
    return `${lines.join('\n')}\n${r.summary.pass} passed, ${r.summary.fail} failed, ${r.summary.skip} skipped in ${(r.summary.durationMs / 1000).toFixed(1)}s\n`;
}
const smokeCommand = {
    name: 'smoke',
    summary: 'Run smoke suites inside an image: imports, pip check, GPU, compute, train, DDP, custom tests.',
    usage: 'ml-image smoke --image REF [--suites a,b] [--gpus auto|all|none] [--require-gpu] [--platform P] [--config FILE] [--timeout S] --out DIR',
    help: `Each suite runs in its own container of the image (removed in every case, also on timeout):
  imports    import every module of each requirement (NumPy 1.x/2.x ABI errors are recognised)
  pip-check  python -m pip check
  gpu        GPUs visible, driver at or above the variant's floor (skipped without GPUs)
  compute    matmul throughput (fp32 on CPU; fp32, tf32 and bf16 on GPU)
  train      a tiny model; the loss must fall by half
  ddp        torchrun --standalone: all-reduce across 2 CPU processes (gloo) or every GPU (nccl); busbw
  custom     the config's smoke.tests: commands, files, metadata
Failing tests are matched against known failures (cause and fix). Writes smoke.json and junit.xml.

Options:
  --image REF         the image to test
  --suites LIST       comma-separated (default: the config's smoke.suites, else all)
  --gpus auto|all|none  GPUs for the containers: auto (default) when the engine has the NVIDIA
                      runtime or an nvidia.com/gpu CDI device; all = the "--gpus all" equivalent
  --require-gpu       GPU suites fail instead of skipping without a GPU
  --config FILE       read requirements (for imports), custom tests and defaults from ml-image.yml
  --timeout S         per-test timeout in seconds (default: the config's, else 600)
  --verbose           stream each test's output as it runs

Exit codes: 0 all passed or skipped; 1 a test failed; 2 bad input; 3 no daemon.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .parseCommandArgs */ .Qx)('smoke', argv, {
            image: { type: 'string' },
            suites: { type: 'string' },
            gpus: { type: 'string', default: 'auto' },
            'require-gpu': { type: 'boolean', default: false },
            platform: { type: 'string' },
            config: { type: 'string' },
            timeout: { type: 'string' },
        });
        const image = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .imageFlag */ .m4)('smoke', values.image);
        const gpus = (0,_smoke_gpu_mode_js__WEBPACK_IMPORTED_MODULE_5__/* .parseGpuMode */ .L)(values.gpus, 'smoke: --gpus');
        const platform = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .platformFlag */ ._G)('smoke', values.platform);
        const loaded = values.config !== undefined ? (0,_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)({ cwd: io.cwd, file: values.config }) : undefined;
        const suites = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .suitesFlag */ .YK)('smoke', values.suites, loaded?.config.smoke.suites);
        const timeout = (0,_args_js__WEBPACK_IMPORTED_MODULE_8__/* .timeoutFlag */ .kw)('smoke', values.timeout) ?? loaded?.config.smoke.timeoutSeconds ?? 600;
        // The same inputs the pipeline's smoke stage gives the suites.
        const { distributions, baseline } = (0,_smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .configSmokeInputs */ .P)(loaded);
        const result = await (0,_smoke_run_js__WEBPACK_IMPORTED_MODULE_6__/* .runSmoke */ .Lw)({
            image,
            ...(platform !== undefined && { platform }),
            suites,
            gpus: await (0,_smoke_run_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveGpus */ .Co)(gpus, io.docker()),
            requireGpu: values['require-gpu'] || (loaded?.config.smoke.requireGpu ?? false),
            distributions,
            tests: loaded?.config.smoke.tests ?? [],
            timeoutMs: timeout * 1000,
            baseline,
            imagesDir: (0,_util_images_dir_js__WEBPACK_IMPORTED_MODULE_2__/* .findImagesDir */ .P)(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url))),
        }, {
            docker: io.docker(),
            progress: (l) => io.stderr(`${l}\n`),
            // --verbose streams each test's output as it runs.
            ...(values.verbose && {
                output: (chunk, test) => io.stderr(chunk.replace(/^(?=.)/gm, `  [${test}] `).replace(/([^\n])$/, '$1\n')),
            }),
        }).catch((e) => {
            // The daemon went away mid-run: the tests that finished are written before exit 3.
            if (e instanceof _smoke_run_js__WEBPACK_IMPORTED_MODULE_6__/* .SmokeInterruptedError */ .Yi && values.out !== undefined)
                (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .openOutDir */ .c)(io.cwd, values.out).writeSmoke(e.partial);
            throw e;
        });
        if (values.out !== undefined)
            (0,_results_out_dir_js__WEBPACK_IMPORTED_MODULE_4__/* .openOutDir */ .c)(io.cwd, values.out).writeSmoke(result);
        io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderSmoke(result));
        return result.summary.fail > 0 ? 1 : 0;
    },
};


/***/ }),

/***/ 61036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ DEFAULT_CONFIG_FILES),
/* harmony export */   Z9: () => (/* binding */ loadConfig)
/* harmony export */ });
/* unused harmony exports MAX_CONFIG_BYTES, MAX_YAML_ALIASES, parseYaml, readConfigText, applyOverrides, validateConfigData, checkReferencedFiles, repositoryRootOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_read_bounded_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(30790);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(11012);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(60408);
// Read ml-image.yml, apply overrides (action inputs / CLI flags), validate, check referenced files.







const DEFAULT_CONFIG_FILES = ['ml-image.yml', 'ml-image.yaml'];
/** The largest config file read (a real ml-image.yml is a few KB). */
const MAX_CONFIG_BYTES = 256 * 1024;
/** YAML aliases allowed in one config ("billion laughs" expansion is refused past this). */
const MAX_YAML_ALIASES = 100;
/**
 * Parse YAML text; syntax errors name the file, line and column. Linear in the size of the text:
 * duplicate keys are found with one Set per mapping (the yaml package's own `uniqueKeys` check
 * compares every pair, which made a 1 MB config take most of a minute), and alias expansion is
 * bounded (an alias bomb is a ConfigError naming the file, not a crash).
 */
function parseYaml(text, fileLabel) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_3__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parseDocument */ .Tp)(text, { prettyErrors: true, uniqueKeys: false, lineCounter });
    const at = (offset) => {
        if (offset === undefined)
            return '';
        const pos = lineCounter.linePos(offset);
        return `line ${pos.line}, column ${pos.col}: `;
    };
    const problems = doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return `${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${e.message.split('\n')[0]}`;
    });
    (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .visit */ .YR)(doc, {
        Map(_key, map) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .isMap */ .jh)(map))
                return;
            const seen = new Set();
            for (const pair of map.items) {
                const k = pair.key;
                const id = k !== null && typeof k === 'object' && 'value' in k ? k.value : k;
                if (id !== null && typeof id === 'object')
                    continue; // complex keys: not ours to check
                if (seen.has(id))
                    problems.push(`${at(k?.range?.[0])}duplicate key ${JSON.stringify(String(id))} (map keys must be unique)`);
                seen.add(id);
            }
        },
    });
    if (problems.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(`${fileLabel}: invalid YAML`, problems);
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    }
    catch (e) {
        // yaml throws a ReferenceError for "Excessive alias count" (and for an alias to nothing).
        const msg = e.message.split('\n')[0] ?? String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(`${fileLabel}: invalid YAML`, [
            /alias/i.test(msg)
                ? `aliases expand too far (more than ${MAX_YAML_ALIASES} alias uses of one anchor, a "billion laughs" pattern): ${msg}`
                : msg,
        ]);
    }
    return data ?? {};
}
/**
 * Read a config file: a regular file only (never /dev/zero, a FIFO, a directory: those would hang
 * or never end), at most MAX_CONFIG_BYTES, opened without blocking. Problems are InputErrors naming
 * the path.
 */
function readConfigText(file, label = file) {
    let fd;
    try {
        // O_NONBLOCK: opening a FIFO with no writer returns at once instead of blocking forever.
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (e) {
        const code = e.code;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`config file ${label}: cannot read (${code ?? e.message})`, code === 'ENOENT' ? 'pass --config PATH pointing at your ml-image.yml' : undefined);
    }
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!st.isFile()) {
            const kind = st.isDirectory()
                ? 'a directory'
                : st.isFIFO()
                    ? 'a FIFO'
                    : st.isCharacterDevice() || st.isBlockDevice()
                        ? 'a device'
                        : st.isSocket()
                            ? 'a socket'
                            : 'not a regular file';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`config path ${label} is ${kind}, not a regular file`, 'pass --config PATH pointing at your ml-image.yml');
        }
        if (st.size > MAX_CONFIG_BYTES)
            throw tooBig(label, st.size);
        // Read at most one byte past the limit: a file that grows while read is still bounded.
        const buf = (0,_util_read_bounded_js__WEBPACK_IMPORTED_MODULE_1__/* .readBounded */ .C)(fd, Math.min(st.size, MAX_CONFIG_BYTES) + 1);
        if (buf.length > MAX_CONFIG_BYTES)
            throw tooBig(label, buf.length);
        return buf.toString('utf8');
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function tooBig(label, size) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`${label} is ${size} bytes; the limit is ${MAX_CONFIG_BYTES} bytes (${MAX_CONFIG_BYTES / 1024} KiB)`, 'an ml-image.yml is a few KB: move long lists (requirements, build args) into the files it names');
}
function setAt(target, p, value) {
    let cur = target;
    p.forEach((seg, i) => {
        if (i === p.length - 1) {
            cur[seg] = value;
            return;
        }
        const next = cur[seg];
        if (next === null || typeof next !== 'object')
            cur[seg] = {};
        cur = cur[seg];
    });
}
function applyOverrides(data, overrides) {
    if (overrides.length === 0)
        return data;
    const base = data !== null && typeof data === 'object' && !Array.isArray(data)
        ? structuredClone(data)
        : {};
    for (const o of overrides)
        setAt(base, o.path, o.value);
    return base;
}
/** Validate already-parsed data. `label` names the source in errors (a file path or "inputs"). */
function validateConfigData(data, label, overrides = []) {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(label, [
            `(top level): expected a mapping of settings, got ${Array.isArray(data) ? 'a list' : typeof data}`,
        ]);
    }
    const merged = applyOverrides(data, overrides);
    const result = _schema_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigFileSchema */ .Kx.safeParse(merged);
    if (!result.success) {
        const sourceOf = (p) => {
            const shown = (0,_issues_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPath */ .jV)(p);
            const o = overrides.find((ov) => shown === (0,_issues_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPath */ .jV)(ov.path) ||
                shown.startsWith(`${(0,_issues_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPath */ .jV)(ov.path)}[`) ||
                shown.startsWith(`${(0,_issues_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPath */ .jV)(ov.path)}.`));
            return o?.source;
        };
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(label, (0,_issues_js__WEBPACK_IMPORTED_MODULE_5__/* .formatIssues */ .og)(result.error, merged, _schema_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigFileSchema */ .Kx, sourceOf));
    }
    return (0,_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizeConfig */ .I6)(result.data);
}
/** Problems with files the config names, each naming the field and the path looked for. */
function checkReferencedFiles(config, baseDir) {
    const problems = [];
    const at = (p) => node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(baseDir, p);
    const isDir = (p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isDirectory();
    const isFile = (p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile();
    const context = at(config.build.context);
    const repo = repositoryRootOf(baseDir);
    if (context === node_path__WEBPACK_IMPORTED_MODULE_2___default().parse(context).root)
        problems.push(`build.context: ${context} is the filesystem root (it would send the whole disk to the builder); use the directory of your Dockerfile, e.g. "."`);
    else if (repo !== undefined && node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(repo, context).split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep))[0] === '..')
        problems.push(`build.context: ${context} is outside the repository ${repo}; use a directory inside it`);
    else if (!isDir(context))
        problems.push(`build.context: directory not found: ${context}`);
    if (config.build.dockerfile !== undefined) {
        const f = at(config.build.dockerfile);
        if (!isFile(f))
            problems.push(`build.dockerfile: file not found: ${f}`);
    }
    config.python.requirements.forEach((r, i) => {
        const f = at(r);
        if (!isFile(f))
            problems.push(`python.requirements[${i}]: file not found: ${f}`);
    });
    if (config.smoke.baseline !== undefined) {
        const f = at(config.smoke.baseline);
        if (!isFile(f))
            problems.push(`smoke.baseline: file not found: ${f}`);
    }
    return problems;
}
/** The nearest directory at or above `dir` holding .git (a checkout), if any. */
function repositoryRootOf(dir) {
    for (let d = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(dir);; d = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(d)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(d, '.git')))
            return d;
        if (node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(d) === d)
            return undefined;
    }
}
function findDefaultFile(cwd) {
    return DEFAULT_CONFIG_FILES.map((f) => node_path__WEBPACK_IMPORTED_MODULE_2___default().join(cwd, f)).find((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f));
}
/**
 * Load the config: the file (when given or found), then overrides, then validation.
 * With no file and no overrides it is an error: there is nothing to build.
 */
function loadConfig(opts = {}) {
    const cwd = opts.cwd ?? process.cwd();
    const overrides = opts.overrides ?? [];
    let file;
    if (opts.file !== undefined) {
        file = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, opts.file);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`config file not found: ${file}`, 'pass --config PATH (or the action input "config") pointing at your ml-image.yml');
        }
    }
    else {
        file = findDefaultFile(cwd);
    }
    if (file === undefined && overrides.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(`no config: neither ${DEFAULT_CONFIG_FILES.join(' nor ')} in ${cwd}`, 'create ml-image.yml (see docs/configuration.md), or pass --config PATH');
    }
    const rel = file ? node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(cwd, file) : '';
    const label = file ? (rel && !rel.startsWith('..') ? rel : file) : 'inputs';
    const data = file ? parseYaml(readConfigText(file, label), label) : {};
    const config = validateConfigData(data, label, overrides);
    const baseDir = file ? node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file) : cwd;
    if (opts.checkFiles !== false) {
        const problems = checkReferencedFiles(config, baseDir);
        if (problems.length > 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigError */ .xL(label, problems);
    }
    return { config, file, baseDir };
}


/***/ }),

/***/ 9142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ew: () => (/* binding */ canonicalName),
  Q4: () => (/* binding */ envReferences),
  XW: () => (/* binding */ parseRequirementsText),
  QT: () => (/* binding */ requirementNames)
});

// UNUSED EXPORTS: expandEnv, logicalLines, parseLine, parsePep508

;// CONCATENATED MODULE: ./src/requirements/options.ts
// pip's requirement-file options, parsed as pip's optparse does: long names by unique prefix,
// short ones by letter, values inline (`--opt=v`, `-iv`) or in the next token, and pip's shlex
// split of the options part of a line. Pure.
const STRONG_HASHES = ['sha256', 'sha384', 'sha512'];
const OPTIONS = [
    { long: 'index-url', short: 'i', takesValue: true },
    { long: 'extra-index-url', takesValue: true },
    { long: 'no-index', takesValue: false },
    { long: 'constraint', short: 'c', takesValue: true },
    { long: 'requirement', short: 'r', takesValue: true },
    { long: 'editable', short: 'e', takesValue: true },
    { long: 'find-links', short: 'f', takesValue: true },
    { long: 'no-binary', takesValue: true },
    { long: 'only-binary', takesValue: true },
    { long: 'prefer-binary', takesValue: false },
    { long: 'require-hashes', takesValue: false },
    { long: 'pre', takesValue: false },
    { long: 'trusted-host', takesValue: true },
    { long: 'use-feature', takesValue: true },
    {
        long: 'hash',
        takesValue: true,
        perRequirement: true,
        check: (v) => {
            const i = v.indexOf(':');
            if (i <= 0 || i === v.length - 1)
                return `--hash must be a hash name followed by a value, like --hash=sha256:abcde...`;
            const algo = v.slice(0, i);
            if (!STRONG_HASHES.includes(algo))
                return `allowed hash algorithms for --hash are ${STRONG_HASHES.join(', ')} (got "${algo}")`;
            if (!/^[0-9a-fA-F]+$/.test(v.slice(i + 1)))
                return `the ${algo} digest "${v.slice(i + 1)}" is not hex`;
            return undefined;
        },
    },
    { long: 'config-settings', takesValue: true, perRequirement: true },
    { long: 'global-option', takesValue: true, perRequirement: true },
    { long: 'install-option', takesValue: true, perRequirement: true },
];
/** optparse accepts a unique prefix of a long option (`--extra-index` for --extra-index-url). */
function longOption(name, pool) {
    const exact = pool.find((o) => o.long === name);
    if (exact)
        return exact;
    const prefixed = pool.filter((o) => o.long.startsWith(name));
    if (prefixed.length === 1)
        return prefixed[0];
    if (prefixed.length > 1)
        return `ambiguous option --${name} (${prefixed.map((o) => `--${o.long}`).join(', ')})`;
    return `no such option: --${name}`;
}
/** optparse over pip's whitespace tokens. */
function parseOptions(tokens, pool) {
    const options = [];
    const rest = [];
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        let spec;
        let inline;
        if (t.startsWith('--')) {
            const eq = t.indexOf('=');
            spec = longOption(eq < 0 ? t.slice(2) : t.slice(2, eq), pool);
            if (eq >= 0)
                inline = t.slice(eq + 1);
        }
        else if (t.startsWith('-') && t.length > 1) {
            const s = pool.find((o) => o.short === t[1]);
            spec = s ?? `no such option: ${t.slice(0, 2)}`;
            if (t.length > 2)
                inline = t.slice(2);
        }
        else {
            rest.push(t);
            continue;
        }
        if (typeof spec === 'string')
            return { options, error: spec, rest };
        let value;
        if (spec.takesValue) {
            value = inline ?? tokens[++i];
            if (value === undefined || value === '')
                return { options, error: `--${spec.long} requires an argument`, rest };
            const bad = spec.check?.(value);
            if (bad)
                return { options, error: bad, rest };
        }
        else if (inline !== undefined) {
            return { options, error: `--${spec.long} option does not take a value`, rest };
        }
        options.push({ spec, ...(value !== undefined && { value }) });
    }
    return { options, rest };
}
/** shlex.split, as pip splits the options part of a line (quotes group, backslash escapes). */
function shlexSplit(s) {
    const out = [];
    let cur;
    for (let i = 0; i < s.length; i++) {
        const ch = s[i];
        if (/\s/.test(ch)) {
            if (cur !== undefined)
                out.push(cur);
            cur = undefined;
        }
        else if (ch === '"' || ch === "'") {
            const end = s.indexOf(ch, i + 1);
            if (end < 0)
                return undefined;
            cur = (cur ?? '') + s.slice(i + 1, end);
            i = end;
        }
        else if (ch === '\\' && i + 1 < s.length) {
            cur = (cur ?? '') + s[++i];
        }
        else
            cur = (cur ?? '') + ch;
    }
    if (cur !== undefined)
        out.push(cur);
    return out;
}

;// CONCATENATED MODULE: ./src/requirements/pep508.ts
// PEP 508 requirement strings, as `packaging` >= 22 (the parser of every current pip) judges
// them: name, extras, version specifiers (one version pattern per operator family), a URL after
// "@", and environment markers. Pure: a string in, the name (and URL) out, or a Syntax error.
const NAME = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;
const OPERATOR = /(===|~=|==|!=|<=|>=|<|>)/y;
const WS = /[ \t]*/y;
// packaging's Specifier._regex, one per operator family (case-insensitive, like packaging).
const PRE = '(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?';
const POST = '(?:(?:-[0-9]+)|(?:[-_.]?(?:post|rev|r)[-_.]?[0-9]*))?';
const DEV = '(?:[-_.]?dev[-_.]?[0-9]*)?';
const LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?';
const EPOCH_RELEASE = 'v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*';
const VERSION_BY_OP = {
    '===': /^[^\s;)]*$/i,
    '==': new RegExp(`^${EPOCH_RELEASE}(?:\\.\\*|${PRE}${POST}${DEV}${LOCAL})?$`, 'i'),
    '~=': new RegExp(`^v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+${PRE}${POST}${DEV}$`, 'i'),
    other: new RegExp(`^${EPOCH_RELEASE}${PRE}${POST}${DEV}$`, 'i'),
};
VERSION_BY_OP['!='] = VERSION_BY_OP['=='];
const MARKER_VARIABLES = new Set([
    'python_version',
    'python_full_version',
    'os_name',
    'sys_platform',
    'platform_release',
    'platform_system',
    'platform_version',
    'platform_machine',
    'platform_python_implementation',
    'implementation_name',
    'implementation_version',
    'extra',
    'extras',
    'dependency_groups',
    // legacy spellings packaging still accepts
    'os.name',
    'sys.platform',
    'platform.version',
    'platform.machine',
    'platform.python_implementation',
    'python_implementation',
]);
/** A requirement that packaging would reject; the message says where and why. */
class Syntax extends Error {
}
/** A cursor over one requirement string, with packaging's grammar as methods. */
class Cursor {
    s;
    i = 0;
    constructor(s) {
        this.s = s;
    }
    ws() {
        WS.lastIndex = this.i;
        WS.exec(this.s);
        this.i = WS.lastIndex;
    }
    eat(lit) {
        if (this.s.startsWith(lit, this.i)) {
            this.i += lit.length;
            return true;
        }
        return false;
    }
    match(re) {
        re.lastIndex = this.i;
        const m = re.exec(this.s);
        if (!m)
            return undefined;
        this.i = re.lastIndex;
        return m[0];
    }
    done() {
        return this.i >= this.s.length;
    }
    fail(why) {
        throw new Syntax(`${why} at position ${this.i + 1}${this.done() ? ' (end of line)' : ` ("${this.s.slice(this.i, this.i + 12)}")`}`);
    }
}
function parseSpecifierList(c) {
    for (let first = true;; first = false) {
        c.ws();
        if (!first) {
            if (!c.eat(','))
                return;
            c.ws();
        }
        const op = c.match(OPERATOR);
        // An empty specifier list is allowed, and so is a trailing comma (packaging accepts both).
        if (op === undefined)
            return;
        c.ws();
        const start = c.i;
        while (!c.done() && !/[\s,;)]/.test(c.s[c.i]))
            c.i++;
        const version = c.s.slice(start, c.i);
        if (version === '')
            c.fail(`expected a version after "${op}"`);
        const re = VERSION_BY_OP[op] ?? VERSION_BY_OP.other;
        if (!re.test(version)) {
            const hint = /^[<>=!~]+$/.test(version)
                ? `expected a version after "${op}", got "${version}"`
                : /^[<>=!~]/.test(version)
                    ? `"${op}${version}" is not an operator: use one of ~= == != <= >= < > ===`
                    : version.includes('*') && op !== '==' && op !== '!='
                        ? `a wildcard version ("${version}") is only allowed with == and !=`
                        : op === '~=' && /^v?[0-9]+$/.test(version)
                            ? `~= needs at least two release segments (e.g. ~=${version}.0)`
                            : version.includes('+') && op !== '==' && op !== '!=' && op !== '==='
                                ? `a local version label ("${version}") is only allowed with == and !=`
                                : `"${version}" is not a valid PEP 440 version`;
            throw new Syntax(hint);
        }
    }
}
function parseMarkerVar(c) {
    c.ws();
    const q = c.s[c.i];
    if (q === '"' || q === "'") {
        const end = c.s.indexOf(q, c.i + 1);
        if (end < 0)
            c.fail('unterminated string in marker');
        c.i = end + 1;
        return;
    }
    const v = c.match(/[A-Za-z_][A-Za-z0-9_.]*/y);
    if (v === undefined)
        c.fail('expected a marker variable or a quoted string');
    if (!MARKER_VARIABLES.has(v)) {
        c.i -= v.length;
        c.fail(`unknown marker variable "${v}"`);
    }
}
function parseMarkerAtom(c) {
    c.ws();
    if (c.eat('(')) {
        parseMarker(c);
        c.ws();
        if (!c.eat(')'))
            c.fail('expected ")" to close the marker group');
        return;
    }
    parseMarkerVar(c);
    c.ws();
    if (c.match(/not[ \t]+in(?![A-Za-z0-9_])/y) === undefined && c.match(/in(?![A-Za-z0-9_])/y) === undefined) {
        if (c.match(OPERATOR) === undefined)
            c.fail('expected a marker operator (== != < <= > >= ~= === in, not in)');
    }
    parseMarkerVar(c);
}
function parseMarker(c) {
    parseMarkerAtom(c);
    for (;;) {
        c.ws();
        if (c.match(/(and|or)(?![A-Za-z0-9_])/y) === undefined)
            return;
        parseMarkerAtom(c);
    }
}
/**
 * One PEP 508 requirement, as packaging parses it. Returns the project name, or throws Syntax.
 */
function parsePep508(s) {
    const c = new Cursor(s);
    c.ws();
    const name = c.match(NAME);
    if (name === undefined)
        c.fail('expected a project name');
    c.ws();
    if (c.eat('[')) {
        c.ws();
        if (!c.eat(']')) {
            for (;;) {
                c.ws();
                if (c.match(NAME) === undefined)
                    c.fail('expected an extra name');
                c.ws();
                if (c.eat(']'))
                    break;
                if (!c.eat(','))
                    c.fail('expected "," or "]" in the extras');
            }
        }
        c.ws();
    }
    let url;
    if (c.eat('@')) {
        c.ws();
        url = c.match(/[^ \t]+/y);
        if (url === undefined)
            c.fail('expected a URL after "@"');
        const afterUrl = c.i;
        c.ws();
        if (c.done())
            return { name, url };
        if (c.i === afterUrl)
            c.fail('expected whitespace after the URL');
        if (!c.eat(';'))
            c.fail('expected ";" and a marker after the URL');
    }
    else {
        if (c.eat('(')) {
            parseSpecifierList(c);
            c.ws();
            if (!c.eat(')'))
                c.fail('expected ")" to close the version specifiers');
        }
        else {
            parseSpecifierList(c);
        }
        c.ws();
        if (c.done())
            return { name };
        if (!c.eat(';')) {
            if (/[<>=!~]/.test(c.s[c.i]))
                c.fail('invalid version specifier');
            c.fail('expected a version specifier, ";" and a marker, or the end of the line');
        }
    }
    parseMarker(c);
    c.ws();
    if (!c.done())
        c.fail('unexpected text after the marker');
    return { name, ...(url !== undefined && { url }) };
}

;// CONCATENATED MODULE: ./src/requirements/parse.ts
// Strict parsing of pip requirements files, before any pip runs: PEP 508 requirement lines (as
// `packaging` >= 22 judges them, the parser of every current pip) and pip's requirement-file syntax
// (https://pip.pypa.io/en/stable/reference/requirements-file-format/). Pure: text in, lines out.
// The rule is "a line pip accepts is never rejected": anything pip would hand to the filesystem or
// the network (paths, URLs, -e targets) is accepted as written and left for pip to judge.
// The grammar lives beside it: pip's options (options.ts) and PEP 508 strings (pep508.ts).



/** pip's COMMENT_RE: a '#' at the start or after whitespace starts a comment. */
const COMMENT = /(^|\s+)#.*$/;
const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g;
/**
 * PEP 503 normalised distribution name: lowercase, each run of '-', '_' and '.' one '-'
 * ("Foo_Bar.baz" -> "foo-bar-baz"). The one copy of the rule: the resolver, the diff, the SBOM's
 * purls and the dev container all compare names through it.
 */
const canonicalName = (n) => n.toLowerCase().replace(/[-_.]+/g, '-');
/**
 * Logical lines as pip builds them: a line ending in '\' continues on the next (comment lines
 * never continue), then comments are removed and blank lines skipped.
 */
function logicalLines(text) {
    const out = [];
    let pending = [];
    let first = 0;
    const physical = text.split(/\r?\n/);
    if (physical.at(-1) === '')
        physical.pop();
    const emit = (n, joined) => {
        const stripped = joined.replace(COMMENT, '').trim();
        if (stripped !== '')
            out.push({ line: n, text: stripped, raw: joined });
    };
    physical.forEach((l, i) => {
        const isComment = /^\s*#/.test(l);
        if (!l.endsWith('\\') || isComment) {
            if (pending.length > 0) {
                pending.push(isComment ? ` ${l}` : l);
                emit(first, pending.join(''));
                pending = [];
            }
            else
                emit(i + 1, l);
        }
        else {
            if (pending.length === 0)
                first = i + 1;
            pending.push(l.replace(/^\\+|\\+$/g, ''));
        }
    });
    if (pending.length > 0)
        emit(first, pending.join(''));
    return out;
}
/** `${NAME}` (upper case, digits, underscore only, as pip) from env; unset ones stay as written. */
function expandEnv(text, env) {
    return text.replace(ENV_VAR, (m, name) => env[name] ?? m);
}
/** Names of the `${NAME}` references in a text. */
function envReferences(text) {
    return [...text.matchAll(ENV_VAR)].map((m) => m[1]);
}
// ---- bare URLs, paths and archives (pip's install_req_from_line) --------------------------------
const ARCHIVE = /\.(whl|zip|tar\.gz|tgz|tar|tar\.bz2|tbz|tar\.xz|txz|tlz|tar\.lz|tar\.lzma)$/i;
const URL_LIKE = /^(?:[A-Za-z][A-Za-z0-9+.-]*\+)?(?:https?|file|ftp|git|hg|svn|bzr|ssh):/i;
function eggName(url) {
    const egg = /[#&]egg=([^&]+)/.exec(url)?.[1];
    return egg ? canonicalName(egg.replace(/\[.*$/, '')) : undefined;
}
const looksLikePath = (s) => s.includes('/') || s.startsWith('.');
/** A requirement token that pip treats as a location (URL, path, archive) rather than PEP 508. */
function asLocation(arg) {
    // pip: markers follow a URL after "; " (a URL may contain ';'), a name after ";".
    const loc = (URL_LIKE.test(arg) ? arg.split('; ')[0] : arg.split(';')[0]).trim();
    if (URL_LIKE.test(loc) || looksLikePath(loc) || ARCHIVE.test(loc.replace(/\[[^\]]*\]$/, ''))) {
        // "name @ url" with spaces is PEP 508, not a location.
        if (/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*@/.test(loc) && !looksLikePath(loc.split('@')[0]))
            return undefined;
        const name = eggName(loc);
        return { url: loc, ...(name !== undefined && { name }) };
    }
    return undefined;
}
/** Parse one logical line (after comment removal and ${VAR} expansion). */
function parseLine(text) {
    // pip's break_args_options: the requirement is every token before the first that starts with "-".
    const tokens = text.split(' ');
    const firstOpt = tokens.findIndex((t) => t.startsWith('-'));
    const args = (firstOpt < 0 ? tokens : tokens.slice(0, firstOpt)).join(' ').trim();
    const optionTokens = shlexSplit(firstOpt < 0 ? '' : tokens.slice(firstOpt).join(' '));
    if (optionTokens === undefined)
        return { error: 'unbalanced quotes in the options' };
    const { options, error, rest } = parseOptions(optionTokens, OPTIONS);
    if (error)
        return { error };
    if (rest.length > 0)
        return { error: `unexpected "${rest.join(' ')}" among the options` };
    if (args === '') {
        const e = options.find((o) => o.spec.long === 'editable');
        if (e)
            return editable(e.value);
        const global = options.filter((o) => !o.spec.perRequirement);
        if (global.length === 0)
            return { error: `--${options[0].spec.long} belongs after a requirement on the same line` };
        return {
            kind: 'option',
            options: global.map((o) => ({ option: o.spec.long, ...(o.value !== undefined && { value: o.value }) })),
        };
    }
    const loc = asLocation(args);
    if (loc)
        return {
            kind: 'requirement',
            url: loc.url,
            editable: false,
            ...(loc.name !== undefined && { name: loc.name }),
        };
    try {
        const r = parsePep508(args);
        return {
            kind: 'requirement',
            name: canonicalName(r.name),
            editable: false,
            ...(r.url !== undefined && { url: r.url }),
        };
    }
    catch (e) {
        if (e instanceof Syntax)
            return { error: e.message };
        throw e;
    }
}
function editable(target) {
    const name = eggName(target);
    return { kind: 'requirement', url: target, editable: true, ...(name !== undefined && { name }) };
}
/** Parse a whole requirements file's text. `env` expands ${VAR} for checking only. */
function parseRequirementsText(text, env = {}) {
    const lines = [];
    const errors = [];
    for (const l of logicalLines(text)) {
        const r = parseLine(expandEnv(l.text, env));
        if ('error' in r)
            errors.push({ line: l.line, text: l.text, why: r.error });
        else
            lines.push({ ...r, line: l.line, text: l.text });
    }
    return { lines, errors };
}
/** Project names of a requirements text (lines parsed as pip does; options, bare paths and URLs without #egg= skipped). */
function requirementNames(text) {
    return parseRequirementsText(text).lines.flatMap((l) => l.kind === 'requirement' && l.name !== undefined ? [l.name] : []);
}


/***/ }),

/***/ 82674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ readRequirements)
/* harmony export */ });
/* unused harmony exports MAX_REQUIREMENTS_BYTES, readRequirementsFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_runner_env_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2426);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23387);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9142);
// Reading requirements files at the door: only regular files, bounded in size, -r includes inlined
// (relative to the including file, as pip does), include loops refused with the chain, every line
// parsed strictly (parse.ts). The result is one text for pip plus the "file:line" of each line.






/** Larger requirements files are refused: pip's own are kilobytes; this bounds every read. */
const MAX_REQUIREMENTS_BYTES = 5 * 1024 * 1024;
/** More invalid lines than this are counted, not listed. */
const MAX_LISTED_ERRORS = 20;
const FIX = 'fix that line: PEP 508 syntax such as "scikit-learn>=1.4,<2" or a pip option (https://pip.pypa.io/en/stable/reference/requirements-file-format/)';
/** Read one requirements file: a regular file of at most MAX_REQUIREMENTS_BYTES, else exit 2. */
function readRequirementsFile(abs, from) {
    const where = from ? ` (included from ${from})` : '';
    let st;
    try {
        st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(abs);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file not found: ${abs}${where}`, 'check the path in python.requirements / --requirements');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`cannot read the requirements file ${abs}${where}: ${code ?? String(e)}`, 'check its permissions');
    }
    if (!st.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${abs}${where} is ${(0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__/* .fileKind */ .h_)(st)}, not a regular file`, 'name a requirements file (a text file of requirement lines)');
    if (st.size > MAX_REQUIREMENTS_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${abs}${where} is ${(st.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_REQUIREMENTS_BYTES / 1024 / 1024} MB limit`, 'a requirements file lists packages; split it or remove what is not a requirement');
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(abs, 'utf8');
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`cannot read the requirements file ${abs}${where}: ${e.message}`, 'check its permissions');
    }
}
const isUrl = (p) => /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(p);
function readRequirements(files, baseDir, env = process.env) {
    const done = new Set();
    const out = [];
    const origins = [];
    const requirements = [];
    const indexes = { extraIndexUrls: [] };
    const refs = new Set();
    const problems = [];
    // chain: the files being read, outermost first, with the line that includes the next.
    const visit = (abs, chain, constraint) => {
        const loopAt = chain.findIndex((c) => c.file === abs);
        if (loopAt >= 0) {
            const links = chain.slice(loopAt).map((c) => `${c.file}:${c.line}`);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements include loop: ${[...links, abs].join(' -> ')}`, 'remove one of these -r/-c lines (a file cannot include itself, directly or through others)');
        }
        const key = `${constraint ? 'c' : 'r'}:${abs}`;
        if (done.has(key))
            return; // the same file reached through two parents: once is enough
        const parent = chain.at(-1);
        const text = readRequirementsFile(abs, parent ? `${parent.file}:${parent.line}` : undefined);
        const parsed = (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRequirementsText */ .XW)(text, env);
        for (const e of parsed.errors) {
            const what = e.text.startsWith('-') ? 'invalid option line' : 'invalid requirement';
            problems.push(`${abs}:${e.line}: ${what} "${e.text}": ${e.why}`);
        }
        // What pip expands: the lines without their comments.
        for (const l of parsed.lines)
            for (const r of (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .envReferences */ .Q4)(l.text)) {
                if ((0,_util_runner_env_js__WEBPACK_IMPORTED_MODULE_5__/* .isRunnerOwnVariable */ .P)(r))
                    problems.push(`${abs}:${l.line}: \${${r}} ${_util_runner_env_js__WEBPACK_IMPORTED_MODULE_5__/* .RUNNER_OWN_VARIABLE */ .X}`);
                else
                    refs.add(r);
            }
        for (const l of parsed.lines) {
            const origin = `${abs}:${l.line}`;
            const include = includeOf(l);
            if (include && !isUrl(include.path)) {
                const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(abs), include.path);
                const next = [...chain, { file: abs, line: l.line }];
                if (include.constraint) {
                    // Constraints stay a -c line for pip (they are not requirements); checked here all the same.
                    visit(target, next, true);
                }
                else {
                    visit(target, next, constraint);
                    continue;
                }
            }
            if (constraint)
                continue;
            out.push(l.text);
            origins.push(origin);
            if (l.kind === 'requirement') {
                requirements.push({
                    ...(l.name !== undefined && { name: (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .canonicalName */ .Ew)(l.name) }),
                    ...(l.url !== undefined && { url: l.url }),
                    editable: l.editable,
                    origin,
                });
            }
            else {
                for (const o of l.options) {
                    if (o.option === 'index-url' && o.value)
                        indexes.indexUrl = o.value;
                    if (o.option === 'extra-index-url' && o.value)
                        indexes.extraIndexUrls.push(o.value);
                }
            }
        }
        done.add(key);
    };
    for (const f of files)
        visit(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir, f), [], false);
    if (problems.length > 0) {
        // One problem per line (--json lists them in "problems"), each naming its file and line.
        const listed = problems.slice(0, MAX_LISTED_ERRORS);
        const more = problems.length - listed.length;
        if (more > 0)
            listed.push(`... and ${more} more invalid lines (fix the ones above first)`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(files.join(', '), listed, {
            fix: FIX,
            count: problems.length,
            problemsNameFiles: true,
        });
    }
    return { text: out.join('\n'), origins, requirements, indexes, envReferences: [...refs] };
}
function includeOf(l) {
    if (l.kind !== 'option')
        return undefined;
    const o = l.options.find((x) => x.option === 'requirement' || x.option === 'constraint');
    return o?.value !== undefined ? { path: o.value, constraint: o.option === 'constraint' } : undefined;
}


/***/ }),

/***/ 43140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ openOutDir)
/* harmony export */ });
/* unused harmony export OUT_FILES */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _capture_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44977);
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66917);
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47684);
/* harmony import */ var _resolve_result_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83447);
/* harmony import */ var _smoke_result_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3228);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(20317);
/* harmony import */ var _results_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(37351);
/* harmony import */ var _write_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(35677);
// The --out files of the commands about ONE image (capture, smoke, resolve) and of plan: no variant
// or platform in their names. Written atomically, checked against their schemas, free of URL
// credentials, as the result directory's files are (src/results/results.ts).









/** No variant or platform in these names: the command was given one image. */
const OUT_FILES = {
    env: 'env.json',
    smoke: 'smoke.json',
    junit: 'junit.xml',
    constraints: 'constraints.txt',
    requirements: 'requirements.txt',
    resolution: 'resolution.json',
    explanation: 'explanation.md',
    plan: _results_js__WEBPACK_IMPORTED_MODULE_7__/* .PLAN_FILE */ .VI,
    matrix: 'matrix.json',
};
/** `--out DIR` of a command, checked (and created when missing) at each write, as "--out DIR". */
function openOutDir(cwd, out) {
    const label = `--out ${out}`;
    const put = (name, content) => {
        const root = (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_6__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, out), label);
        (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_6__/* .writeFileAtomic */ .Zf)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(root, name), (0,_capture_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(content), label);
    };
    const putJson = (name, schema, value) => put(name, (0,_write_js__WEBPACK_IMPORTED_MODULE_8__/* .json */ .P)((0,_write_js__WEBPACK_IMPORTED_MODULE_8__/* .checked */ .K)(schema, value, node_path__WEBPACK_IMPORTED_MODULE_0___default().join(out, name))));
    return {
        writeEnv: (record) => putJson(OUT_FILES.env, _capture_record_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvRecordSchema */ .iv, record),
        writeSmoke: (result) => {
            putJson(OUT_FILES.smoke, _smoke_result_js__WEBPACK_IMPORTED_MODULE_5__/* .SmokeResultSchema */ .wp, result);
            put(OUT_FILES.junit, (0,_smoke_result_js__WEBPACK_IMPORTED_MODULE_5__/* .toJUnit */ .U5)(result));
        },
        writeResolve: (r) => {
            put(OUT_FILES.constraints, r.constraints);
            put(OUT_FILES.requirements, `${r.requirements}\n`);
            putJson(OUT_FILES.resolution, _resolve_result_js__WEBPACK_IMPORTED_MODULE_4__/* .ResolutionSchema */ .Cg, r.resolution);
            put(OUT_FILES.explanation, r.explanation);
        },
        writePlan: (plan) => {
            putJson(OUT_FILES.plan, _plan_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .PlanSchema */ .fB, plan);
            put(OUT_FILES.matrix, `${JSON.stringify(plan.matrix)}\n`);
        },
    };
}


/***/ }),

/***/ 58947:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ parseGpuMode)
/* harmony export */ });
/* unused harmony export GPU_MODES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// The GPU mode of the smoke containers, as the action input, the CLI flags and the stages spell it.

/**
 * auto: GPUs when the engine has the NVIDIA runtime or an nvidia.com/gpu CDI device (a CDI spec
 * directory alone is not enough); all: every GPU; none: CPU only.
 */
const GPU_MODES = ['auto', 'all', 'none'];
/** A flag's value -> the mode; anything else is bad input naming the flag (exit 2). */
function parseGpuMode(raw, source) {
    const mode = GPU_MODES.find((m) => m === raw);
    if (mode === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${source}: expected auto, all or none, got "${raw}"`);
    return mode;
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
