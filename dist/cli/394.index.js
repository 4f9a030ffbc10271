export const id = 394;
export const ids = [394];
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
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(96356);
/* harmony import */ var _results_out_dir_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(43140);
/* harmony import */ var _smoke_gpu_mode_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(58947);
/* harmony import */ var _smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(52013);
/* harmony import */ var _smoke_run_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(31246);
/* harmony import */ var _smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(46985);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(77593);










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
                      runtime or an nvidia.com/gpu CDI device; all = the "--gpus all" equivalent.
                      A runner pinned with NVIDIA_VISIBLE_DEVICES (else CUDA_VISIBLE_DEVICES) in
                      its environment gets only those GPUs (-1 or none: no GPU)
  --require-gpu       GPU suites fail instead of skipping without a GPU
  --config FILE       read requirements (for imports), custom tests and defaults from ml-image.yml
  --timeout S         per-test timeout in seconds (default: the config's, else 600)
  --verbose           stream each test's output as it runs

Exit codes: 0 all passed or skipped; 1 a test failed; 2 bad input; 3 no daemon.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .parseCommandArgs */ .Qx)('smoke', argv, {
            image: { type: 'string' },
            suites: { type: 'string' },
            gpus: { type: 'string', default: 'auto' },
            'require-gpu': { type: 'boolean', default: false },
            platform: { type: 'string' },
            config: { type: 'string' },
            timeout: { type: 'string' },
        });
        const image = (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .imageFlag */ .m4)('smoke', values.image);
        const gpus = (0,_smoke_gpu_mode_js__WEBPACK_IMPORTED_MODULE_5__/* .parseGpuMode */ .L)(values.gpus, 'smoke: --gpus');
        const platform = (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .platformFlag */ ._G)('smoke', values.platform);
        const loaded = values.config !== undefined ? (0,_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfig */ .Z9)({ cwd: io.cwd, file: values.config }) : undefined;
        const suites = (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .suitesFlag */ .YK)('smoke', values.suites, loaded?.config.smoke.suites);
        const timeout = (0,_args_js__WEBPACK_IMPORTED_MODULE_9__/* .timeoutFlag */ .kw)('smoke', values.timeout) ?? loaded?.config.smoke.timeoutSeconds ?? 600;
        // The same inputs the pipeline's smoke stage gives the suites.
        const { distributions, baseline } = (0,_smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .configSmokeInputs */ .P)(loaded, io.env, {
            ...(platform !== undefined && { platform }),
        });
        const choice = await (0,_smoke_run_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveGpuChoice */ .KI)(gpus, io.docker(), io.env);
        if (choice.pin !== undefined)
            io.stderr(`smoke: ${(0,_smoke_gpu_pin_js__WEBPACK_IMPORTED_MODULE_6__/* .gpusLine */ .i8)(choice.gpus, choice.pin)}\n`);
        const result = await (0,_smoke_run_js__WEBPACK_IMPORTED_MODULE_7__/* .runSmoke */ .Lw)({
            image,
            ...(platform !== undefined && { platform }),
            suites,
            ...choice,
            requireGpu: values['require-gpu'] || (loaded?.config.smoke.requireGpu ?? false),
            distributions,
            tests: loaded?.config.smoke.tests ?? [],
            ...(loaded !== undefined && { network: loaded.config.smoke.network }),
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
            if (e instanceof _smoke_run_js__WEBPACK_IMPORTED_MODULE_7__/* .SmokeInterruptedError */ .Yi && values.out !== undefined)
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

/***/ 95245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ asConfigProblem)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11012);
// An error about one field whose content is read after the config (smoke.baseline's floors,
// attest.key's key file), said as the config's own problems are: the config file, the line.


/**
 * Run CHECK; an InputError it throws ("attest.key: ...") comes back as a ConfigError of LOADED's
 * file with the field's line first ("ml-image.yml: 1 problem / line 30: attest.key: ..."), its fix
 * kept. Other errors pass through.
 */
function asConfigProblem(loaded, check) {
    try {
        return check();
    }
    catch (e) {
        if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz) || e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL)
            throw e;
        const source = loaded.label ?? loaded.file ?? 'inputs';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(source, [(0,_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .withFieldLine */ .d0)(e.message, loaded.lineOf)], {
            ...(e.fix !== undefined && { fix: e.fix }),
            ...(loaded.file !== undefined && { file: source }),
        });
    }
}


/***/ }),

/***/ 96356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BY: () => (/* binding */ DEFAULT_CONFIG_FILES),
  Z9: () => (/* binding */ loadConfig)
});

// UNUSED EXPORTS: MAX_CONFIG_BYTES, MAX_YAML_ALIASES, applyOverrides, checkReferencedFiles, parseYaml, parseYamlDocument, readConfigText, repositoryRootOf, validateConfigData

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/util/read-bounded.ts
var read_bounded = __webpack_require__(30790);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
;// CONCATENATED MODULE: ./src/config/yaml-lines.ts
// Where a config field is written: the line of ml-image.yml a problem's path points at, so an
// error reads "line 5: variants[0].cuda: ..." and the action's annotation lands on that line.

/** A node's or a key's first offset (a scalar key, a value, a list item). */
function startOf(node) {
    const range = node?.range;
    return Array.isArray(range) ? range[0] : undefined;
}
function keyText(key) {
    // A null key (`~:` or `:`) is the empty string in the parsed data, as the yaml package makes it.
    if ((0,dist/* isScalar */.jn)(key))
        return key.value === null ? '' : String(key.value);
    return typeof key === 'string' ? key : undefined;
}
/**
 * A locator for DOC: the line of the deepest part of a path the file holds. A mapping's field is
 * its key's line, a list's item the item's line. A path the file holds only in part (a required
 * field left out, a list the schema made from one string) is its nearest written parent; a path
 * whose first step is not in the file (a top-level field left out) has no line.
 */
function lineLocator(doc, lines) {
    return (path) => {
        let node = doc.contents;
        let offset;
        for (const seg of path) {
            if ((0,dist/* isAlias */.Vj)(node))
                node = node.resolve(doc);
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((p) => keyText(p.key) === String(seg));
                if (pair === undefined)
                    break;
                offset = startOf(pair.key) ?? offset;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number') {
                const item = node.items[seg];
                if (item === undefined)
                    break;
                offset = startOf(item) ?? offset;
                node = item;
            }
            else
                break;
        }
        return offset === undefined ? undefined : lines.linePos(offset).line;
    };
}

// EXTERNAL MODULE: ./src/config/schema.ts + 2 modules
var schema = __webpack_require__(32430);
;// CONCATENATED MODULE: ./src/config/load.ts
// Read ml-image.yml, apply overrides (action inputs / CLI flags), validate, check referenced files.









const DEFAULT_CONFIG_FILES = ['ml-image.yml', 'ml-image.yaml'];
/** The largest config file read (a real ml-image.yml is a few KB). */
const MAX_CONFIG_BYTES = 256 * 1024;
/** YAML aliases allowed in one config ("billion laughs" expansion is refused past this). */
const MAX_YAML_ALIASES = 100;
/** Parse YAML text (see parseYamlDocument). */
function parseYaml(text, fileLabel) {
    return parseYamlDocument(text, fileLabel).data;
}
/**
 * Parse YAML text: the data, and where each field is written (`lineOf`). Syntax errors name the
 * file, line and column. Linear in the size of the text: duplicate keys are found with one Set per
 * mapping (the yaml package's own `uniqueKeys` check compares every pair, which made a 1 MB config
 * take most of a minute), and alias expansion is bounded (an alias bomb is a ConfigError naming
 * the file, not a crash).
 */
function parseYamlDocument(text, fileLabel) {
    const lineCounter = new dist/* LineCounter */.HN();
    // resolveKnownTags: false: an explicit !!binary, !!timestamp, !!set ... stays the text it tags
    // (a config has strings, numbers, booleans, lists and mappings only), not a Buffer or a Date
    // whose methods the schema would list as unknown keys.
    const doc = (0,dist/* parseDocument */.Tp)(text, {
        prettyErrors: true,
        uniqueKeys: false,
        lineCounter,
        resolveKnownTags: false,
    });
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
    (0,dist/* visit */.YR)(doc, {
        Map(_key, map) {
            if (!(0,dist/* isMap */.jh)(map))
                return;
            const seen = new Set();
            for (const pair of map.items) {
                const k = pair.key;
                const id = k !== null && typeof k === 'object' && 'value' in k ? k.value : k;
                // A list or mapping as a key (`? [a, b]`): no config field is named so, and JavaScript
                // would turn it into its text with a warning on stderr. Refused here with its line.
                if (id !== null && typeof id === 'object') {
                    problems.push(`${at(k?.range?.[0])}a key must be a name, not a list or mapping`);
                    continue;
                }
                if (seen.has(id))
                    problems.push(`${at(k?.range?.[0])}duplicate key ${JSON.stringify(String(id))} (map keys must be unique)`);
                seen.add(id);
            }
        },
    });
    if (problems.length > 0)
        throw new errors/* ConfigError */.xL(`${fileLabel}: invalid YAML`, problems, { file: fileLabel });
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    }
    catch (e) {
        // yaml throws a ReferenceError for "Excessive alias count" (and for an alias to nothing).
        const msg = e.message.split('\n')[0] ?? String(e);
        throw new errors/* ConfigError */.xL(`${fileLabel}: invalid YAML`, [
            /alias/i.test(msg)
                ? `aliases expand too far (more than ${MAX_YAML_ALIASES} alias uses of one anchor, a "billion laughs" pattern): ${msg}`
                : msg,
        ], { file: fileLabel });
    }
    return { data: data ?? {}, lineOf: lineLocator(doc, lineCounter) };
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
        fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (e) {
        const code = e.code;
        throw new errors/* InputError */.dz(`config file ${label}: cannot read (${code ?? e.message})`, code === 'ENOENT' ? 'pass --config PATH pointing at your ml-image.yml' : undefined);
    }
    try {
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile())
            throw new errors/* InputError */.dz(`config path ${label} ${(0,read_regular/* notRegularFile */.s5)(st)}`, 'pass --config PATH pointing at your ml-image.yml');
        if (st.size > MAX_CONFIG_BYTES)
            throw tooBig(label, st.size);
        // Read at most one byte past the limit: a file that grows while read is still bounded.
        const buf = (0,read_bounded/* readBounded */.C)(fd, Math.min(st.size, MAX_CONFIG_BYTES) + 1);
        if (buf.length > MAX_CONFIG_BYTES)
            throw tooBig(label, buf.length);
        return buf.toString('utf8');
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function tooBig(label, size) {
    return new errors/* InputError */.dz(`${label} is ${size} bytes; the limit is ${MAX_CONFIG_BYTES} bytes (${MAX_CONFIG_BYTES / 1024} KiB)`, 'an ml-image.yml is a few KB: move long lists (requirements, build args) into the files it names');
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
/**
 * Where a field's value came from: the override (an action input, a CLI flag) that set it or one
 * of its parents, if any.
 */
function overrideSourceOf(overrides) {
    return (p) => {
        const shown = (0,issues/* formatPath */.jV)(p);
        const o = overrides.find((ov) => shown === (0,issues/* formatPath */.jV)(ov.path) ||
            shown.startsWith(`${(0,issues/* formatPath */.jV)(ov.path)}[`) ||
            shown.startsWith(`${(0,issues/* formatPath */.jV)(ov.path)}.`));
        return o?.source;
    };
}
/**
 * Validate already-parsed data. `label` names the source in errors (a file path or "inputs");
 * `lineOf` (from parseYamlDocument) puts the file's line first in each problem about a value
 * the file holds.
 */
function validateConfigData(data, label, overrides = [], lineOf) {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new errors/* ConfigError */.xL(label, [
            `(top level): expected a mapping of settings, got ${Array.isArray(data) ? 'a list' : typeof data}`,
        ]);
    }
    const merged = applyOverrides(data, overrides);
    const result = schema/* ConfigFileSchema */.Kx.safeParse(merged);
    if (!result.success) {
        const sourceOf = overrideSourceOf(overrides);
        const problems = (0,issues/* formatIssues */.og)(result.error, merged, schema/* ConfigFileSchema */.Kx, {
            sourceOf,
            ...(lineOf && { lineOf }),
        });
        throw new errors/* ConfigError */.xL(label, problems, { count: (0,issues/* problemCount */.bS)(problems) });
    }
    return (0,schema/* normalizeConfig */.I6)(result.data);
}
/**
 * Problems with files the config names, each naming the field and the path looked for (and,
 * with `lineOf`, the line of the file that names it first).
 */
function checkReferencedFiles(config, baseDir, origins = {}) {
    const problems = [];
    const push = (field, text) => problems.push((0,issues/* problemAt */.l4)(field, text, origins));
    const at = (p) => external_node_path_default().resolve(baseDir, p);
    /** What is wrong with P as a directory: missing, unreachable (a link loop), or not a directory. */
    const dirProblem = (p) => {
        const st = (0,read_regular/* statPath */.qW)(p);
        if (st === undefined)
            return `directory not found: ${p}`;
        if (typeof st === 'string')
            return `${p}: ${st}`;
        return st.isDirectory() ? undefined : `${p} is not a directory`;
    };
    /** What is wrong with P as an input file: missing, unreachable, or not a regular file. */
    const fileProblem = (p) => {
        const st = (0,read_regular/* statPath */.qW)(p);
        if (st === undefined)
            return `file not found: ${p}`;
        if (typeof st === 'string')
            return `${p}: ${st}`;
        return st.isFile() ? undefined : `${p} ${(0,read_regular/* notRegularFile */.s5)(st)}`;
    };
    // Judged by where they really are: buildx follows a link (a committed `ctx -> /` is the root).
    const context = at(config.build.context);
    const realContext = (0,read_regular/* realPathOrSelf */.rX)(context);
    const shown = realContext === context ? context : `${context} (a link to ${realContext})`;
    const repo = repositoryRootOf(baseDir);
    const realRepo = repo === undefined ? undefined : (0,read_regular/* realPathOrSelf */.rX)(repo);
    const outside = (p) => realRepo !== undefined && external_node_path_default().relative(realRepo, p).split((external_node_path_default()).sep)[0] === '..';
    if (realContext === external_node_path_default().parse(realContext).root)
        push(['build', 'context'], `${shown} is the filesystem root (it would send the whole disk to the builder); use the directory of your Dockerfile, e.g. "."`);
    else if (outside(realContext))
        push(['build', 'context'], `${shown} is outside the repository ${repo}; use a directory inside it`);
    else {
        const problem = dirProblem(context);
        if (problem !== undefined)
            push(['build', 'context'], problem);
    }
    if (config.build.dockerfile !== undefined) {
        const f = at(config.build.dockerfile);
        const problem = fileProblem(f);
        const real = (0,read_regular/* realPathOrSelf */.rX)(f);
        if (problem !== undefined)
            push(['build', 'dockerfile'], problem);
        else if (outside(real))
            push(['build', 'dockerfile'], `${real === f ? f : `${f} (a link to ${real})`} is outside the repository ${repo}; use a file inside it`);
    }
    config.python.requirements.forEach((r, i) => {
        const f = at(r);
        const problem = fileProblem(f);
        if (problem !== undefined)
            push(['python', 'requirements', i], problem);
    });
    if (config.smoke.baseline !== undefined) {
        const f = at(config.smoke.baseline);
        const problem = fileProblem(f);
        if (problem !== undefined)
            push(['smoke', 'baseline'], problem);
    }
    return problems;
}
/** The nearest directory at or above `dir` holding .git (a checkout), if any. */
function repositoryRootOf(dir) {
    for (let d = external_node_path_default().resolve(dir);; d = external_node_path_default().dirname(d)) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(d, '.git')))
            return d;
        if (external_node_path_default().dirname(d) === d)
            return undefined;
    }
}
function findDefaultFile(cwd) {
    return DEFAULT_CONFIG_FILES.map((f) => external_node_path_default().join(cwd, f)).find((f) => (0,external_node_fs_.existsSync)(f));
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
        file = external_node_path_default().resolve(cwd, opts.file);
        // A link loop or a path that cannot be looked at is named as such, not as "not found".
        const st = (0,read_regular/* statPath */.qW)(file);
        if (st === undefined || typeof st === 'string') {
            throw new errors/* InputError */.dz(st === undefined ? `config file not found: ${file}` : `config file ${file}: ${st}`, 'pass --config PATH (or the action input "config") pointing at your ml-image.yml');
        }
    }
    else {
        file = findDefaultFile(cwd);
    }
    if (file === undefined && overrides.length === 0) {
        throw new errors/* InputError */.dz(`no config: neither ${DEFAULT_CONFIG_FILES.join(' nor ')} in ${cwd}`, 'create ml-image.yml (see docs/configuration.md), or pass --config PATH');
    }
    const rel = file ? external_node_path_default().relative(cwd, file) : '';
    const label = file ? (rel && !rel.startsWith('..') ? rel : file) : 'inputs';
    const parsed = file ? parseYamlDocument(readConfigText(file, label), label) : undefined;
    const config = validateConfigData(parsed?.data ?? {}, label, overrides, parsed?.lineOf);
    const baseDir = file ? external_node_path_default().dirname(file) : cwd;
    // A value an override set names its input, else the line of the file it is on.
    const sourceOf = overrideSourceOf(overrides);
    const lineOf = parsed && ((p) => (sourceOf(p) === undefined ? parsed.lineOf(p) : undefined));
    if (opts.checkFiles !== false) {
        const problems = checkReferencedFiles(config, baseDir, { sourceOf, ...(lineOf && { lineOf }) });
        if (problems.length > 0)
            throw new errors/* ConfigError */.xL(label, problems);
    }
    const fileVariants = parsed && variantNamesOf(parsed.data);
    return {
        config,
        file,
        baseDir,
        ...(file !== undefined && { label }),
        ...(lineOf && { lineOf }),
        ...(fileVariants && { fileVariants }),
    };
}
/** The names of DATA's own variants as the schema names them (name, else cuda<version>, else cpu). */
function variantNamesOf(data) {
    const raw = data !== null && typeof data === 'object' && !Array.isArray(data)
        ? data.variants
        : undefined;
    const parsed = schema/* ConfigFileSchema */.Kx.shape.variants.safeParse(raw);
    return parsed.success
        ? parsed.data.map((v) => v.name ?? (v.cuda !== undefined ? `cuda${v.cuda}` : 'cpu'))
        : undefined;
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
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89780);
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66917);
/* harmony import */ var _plan_schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47684);
/* harmony import */ var _resolve_result_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83447);
/* harmony import */ var _smoke_result_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3228);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(20317);
/* harmony import */ var _results_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(78838);
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
        (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_6__/* .writeFileAtomic */ .Zf)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(root, name), (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(content), label);
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

/***/ 46985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ configBaseline),
/* harmony export */   P: () => (/* binding */ configSmokeInputs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_field_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95245);
/* harmony import */ var _requirements_markers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42971);
/* harmony import */ var _requirements_parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(39459);
/* harmony import */ var _requirements_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83435);
/* harmony import */ var _baselines_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(59606);
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
        ? (0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_4__/* .readRequirements */ .F2)(loaded.config.python.requirements, loaded.baseDir, env, {
            ...(0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_4__/* .workspaceRoot */ .oS)(env, loaded.baseDir),
            expandable: loaded.config.build.secrets,
        }).text
        : undefined;
    const distributionsFor = (platform, python) => text === undefined ? [] : (0,_requirements_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .requirementNames */ .QT)(text, (0,_requirements_markers_js__WEBPACK_IMPORTED_MODULE_2__/* .linuxMarkerEnvironment */ .Y)(platform, python));
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
 */
function configBaseline(loaded) {
    const file = loaded?.config.smoke.baseline;
    if (file === undefined)
        return (0,_baselines_js__WEBPACK_IMPORTED_MODULE_5__/* .loadBaseline */ .oU)();
    return (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_1__/* .asConfigProblem */ .c)(loaded, () => (0,_baselines_js__WEBPACK_IMPORTED_MODULE_5__/* .loadBaseline */ .oU)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(loaded.baseDir, file)));
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
