export const id = 985;
export const ids = [985];
export const modules = {

/***/ 82674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ readRequirements),
/* harmony export */   oS: () => (/* binding */ workspaceRoot)
/* harmony export */ });
/* unused harmony exports MAX_REQUIREMENTS_BYTES, readRequirementsFile, editableCredentialWhy */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_runner_env_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2426);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23387);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(69695);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(12696);
// Reading requirements files at the door: only regular files, bounded in size, -r includes inlined
// (relative to the including file, as pip does), include loops refused with the chain, every line
// parsed strictly (parse.ts), a local -c file refused (LOCAL_CONSTRAINTS), an editable install whose
// URL carries a login or a ${NAME} refused (editableCredentialWhy). The result is one text
// for pip plus the "file:line" of each line.
// No file is read from /proc, /sys or /dev (an include of /proc/self/environ would hand the
// process's environment to pip), nor, given a root (the workspace), from outside it.







/** Larger requirements files are refused: pip's own are kilobytes; this bounds every read. */
const MAX_REQUIREMENTS_BYTES = 5 * 1024 * 1024;
/** More invalid lines than this are counted, not listed. */
const MAX_LISTED_ERRORS = 20;
const FIX = 'fix that line: PEP 508 syntax such as "scikit-learn>=1.4,<2" or a pip option (https://pip.pypa.io/en/stable/reference/requirements-file-format/)';
/**
 * A -c file of the repository is refused: requirements are inlined into one text (-r files read
 * here) that the resolver's container and the build get without the repository, so a -c line's
 * path would name a file neither has (and its pins would not reach the build's constraints).
 */
const LOCAL_CONSTRAINTS = 'a -c constraints file is not supported: the requirements reach pip as one inlined text, without your repository, so pip would not find that file; put the bounds on requirement lines (e.g. "scipy>=1.11,<1.12"; a bound on a package you do not list makes it a requirement), or give -c an https:// URL (the resolver holds the base image\'s own packages already)';
const EXPANDED_INCLUDE = 'a -r/-c path holding a ${NAME} that is set is not supported: the file is read and checked here, before pip runs; write its path';
const FILE_URL_INCLUDE = "a -r/-c file: URL is not supported: pip would open it inside the resolver's container and the build, which do not have your files; name the file by a path relative to this file (-r), or give -c an https:// URL";
/** Where no requirements file is read from, whatever it looks like: the kernel's and devices' files. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev'];
const isInside = (p, dir) => {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(dir, p);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel));
};
/** The real path of a requirements file, refused (exit 2) under /proc, /sys, /dev or outside root. */
function checkedRealPath(abs, where, root) {
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(abs);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`cannot read the requirements file ${abs}${where}: ${e.code ?? String(e)}`, 'check its permissions');
    }
    // The path as written counts too: /dev/stdin resolves through /proc/self/fd to another file.
    const system = SYSTEM_DIRS.find((d) => isInside(abs, d) || isInside(real, d));
    if (system !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${abs}${where} is under ${system}: system files are never read as requirements`, 'name a requirements file of your repository');
    if (root === undefined)
        return real;
    let realRoot;
    try {
        realRoot = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`the workspace ${root} cannot be resolved: ${e.code ?? String(e)}`);
    }
    if (!isInside(real, realRoot))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${abs}${where} is outside the workspace ${realRoot}${real === abs ? '' : ` (it resolves to ${real})`}`, 'keep requirements files, and every -r include, inside the repository');
    return real;
}
/**
 * Read one requirements file: a regular file of at most MAX_REQUIREMENTS_BYTES, not under /proc,
 * /sys or /dev, and (given a root) inside root, else exit 2.
 */
function readRequirementsFile(abs, from, root) {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${abs}${where} ${(0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__/* .notRegularFile */ .s5)(st)}`, 'name a requirements file (a text file of requirement lines)');
    if (st.size > MAX_REQUIREMENTS_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${abs}${where} is ${(st.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_REQUIREMENTS_BYTES / 1024 / 1024} MB limit`, 'a requirements file lists packages; split it or remove what is not a requirement');
    const real = checkedRealPath(abs, where, root);
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(real, 'utf8');
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`cannot read the requirements file ${abs}${where}: ${e.message}`, 'check its permissions');
    }
}
const isUrl = (p) => /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(p);
/**
 * Where requirements files may be on a GitHub runner: the workspace (a pull request's file naming
 * a path outside it, ~/.pypirc say, would have it read and quoted), or the config's own directory
 * when the config is not in the workspace. Anywhere elsewhere.
 */
function workspaceRoot(env, baseDir) {
    if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_WORKSPACE)
        return {};
    const ws = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(env.GITHUB_WORKSPACE);
    const base = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir);
    return { root: base === ws || base.startsWith(`${ws}${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) ? ws : base };
}
/**
 * The environment a line is checked with: ${NAME} filled in as pip will, but never with one of the
 * runner's own variables (refused), nor, given `expandable` (build.secrets), with one not listed
 * there (refused by the caller): such a line is checked as written.
 */
function checkingEnv(env, expandable) {
    const may = (n) => !(0,_util_runner_env_js__WEBPACK_IMPORTED_MODULE_6__/* .isRunnerOwnVariable */ .P)(n) && (expandable === undefined || expandable.includes(n));
    return Object.fromEntries(Object.entries(env).flatMap(([n, v]) => (v !== undefined && may(n) ? [[n, v]] : [])));
}
/** What a line shows: the line as written where ${NAME} was filled in (ParsedLine.written). */
const shownLine = (l) => (l.expanded ? l.written : l);
/**
 * Read and check requirements files (relative to baseDir) with their -r includes (a -c file, and
 * an editable URL with a login or a ${NAME}, are refused, exit 2, naming their line). `opts.root`:
 * every file's real path must lie inside it (the workspace, in GitHub Actions), else exit 2.
 * `opts.expandable`: the only variables a line is checked with filled in (build.secrets; the caller
 * refuses the others). No message quotes a line with a value filled in.
 */
function readRequirements(files, baseDir, env = process.env, opts = {}) {
    const checkEnv = checkingEnv(env, opts.expandable);
    const done = new Set();
    const out = [];
    const origins = [];
    const requirements = [];
    const indexes = { extraIndexUrls: [] };
    const refs = new Set();
    const problems = [];
    // chain: the files being read, outermost first, with the line that includes the next.
    const visit = (abs, chain) => {
        const loopAt = chain.findIndex((c) => c.file === abs);
        if (loopAt >= 0) {
            const links = chain.slice(loopAt).map((c) => `${c.file}:${c.line}`);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements include loop: ${[...links, abs].join(' -> ')}`, 'remove one of these -r lines (a file cannot include itself, directly or through others)');
        }
        if (done.has(abs))
            return; // the same file reached through two parents: once is enough
        const parent = chain.at(-1);
        const from = parent ? `${parent.file}:${parent.line}` : undefined;
        const text = readRequirementsFile(abs, from, opts.root);
        const parsed = (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRequirementsText */ .XW)(text, checkEnv);
        const refused = checkLines(abs, parsed, refs, problems);
        for (const l of parsed.lines) {
            if (refused.has(l.line))
                continue;
            const origin = `${abs}:${l.line}`;
            const include = includeOf(l);
            const refusedWhy = include && refusedInclude(include, l.expanded === true);
            if (refusedWhy) {
                problems.push(`${origin}: "${l.text}": ${refusedWhy}`);
                continue;
            }
            if (include && !isUrl(include.path)) {
                visit(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(abs), include.path), [...chain, { file: abs, line: l.line }]);
                continue;
            }
            const leak = editableLeak(l);
            if (leak !== undefined) {
                problems.push(`${origin}: "${(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .redactUrls */ .sK)(l.text)}": ${leak}`);
                continue;
            }
            out.push(l.text);
            origins.push(origin);
            const shown = shownLine(l);
            if (l.kind === 'requirement') {
                const url = shown?.kind === 'requirement' ? shown.url : undefined;
                // The name as written: a ${NAME} filled in is never a requirement's name here.
                const name = l.expanded ? (shown?.kind === 'requirement' ? shown.name : undefined) : l.name;
                requirements.push({
                    ...(name !== undefined && { name: (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .canonicalName */ .Ew)(name) }),
                    ...(url !== undefined && { url }),
                    editable: l.editable,
                    origin,
                });
            }
            else if (shown?.kind === 'option') {
                for (const o of shown.options) {
                    if (o.option === 'index-url' && o.value)
                        indexes.indexUrl = o.value;
                    if (o.option === 'extra-index-url' && o.value)
                        indexes.extraIndexUrls.push(o.value);
                }
            }
        }
        done.add(abs);
    };
    for (const f of files)
        visit(node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(baseDir, f), []);
    if (problems.length > 0)
        throw problemsError(files, problems);
    return { text: out.join('\n'), origins, requirements, indexes, envReferences: [...refs] };
}
const EDITABLE_FIX = 'drop -e: `NAME @ git+https://${TOKEN}@host/org/pkg.git` (pip records no login of a non-editable install, and keeps no checkout)';
/**
 * Why an editable requirement (-e/--editable) is refused: its URL as written carries a login
 * (user:password@ or token@; SSH's fixed `git@` is none) or a ${NAME}. pip clones an editable VCS
 * install into <cwd>/src/<name> and keeps the checkout, whose .git/config keeps the URL as pip filled
 * it in, token and all: in the image's layer. A non-editable install keeps no checkout, and pip
 * records its URL (direct_url.json) without the login. Pure; undefined for a line that is kept.
 */
function editableCredentialWhy(url) {
    const refs = [...new Set((0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .envReferences */ .Q4)(url))];
    const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(url);
    const netloc = m?.[2] ?? '';
    const at = netloc.lastIndexOf('@');
    const userinfo = at >= 0 ? netloc.slice(0, at) : undefined;
    // Over SSH a bare user name (git@, gitlab@, jenkins@) is no credential: the key is not in the
    // URL. A password is, there as over https.
    const ssh = /(^|\+)ssh$/i.test(m?.[1] ?? '');
    const login = userinfo !== undefined && userinfo !== 'git' && (!ssh || userinfo.includes(':'));
    if (refs.length === 0 && !login)
        return undefined;
    const what = refs.length > 0 ? refs.map((n) => `\${${n}}`).join(', ') : 'a login';
    return `an editable install (-e) whose URL holds ${what}: pip keeps an editable install's checkout (src/<name> under the build step's directory) in the image, and the checkout's .git/config keeps that URL as pip read it, credential and all; ${EDITABLE_FIX}`;
}
/** Why a requirement line is refused for its editable URL (editableCredentialWhy), as written. */
function editableLeak(l) {
    if (l.kind !== 'requirement' || !l.editable)
        return undefined;
    const shown = shownLine(l);
    // A line that parses only once filled in holds a ${NAME}: its text is what is checked.
    return editableCredentialWhy((shown?.kind === 'requirement' ? shown.url : undefined) ?? l.text);
}
/**
 * Why an include line is refused; undefined for one that is kept: a remote URL (pip fetches it,
 * nothing is read here; a ${NAME} in it, a signed query say, is pip's to fill in) or a -r file
 * (read here). A file: URL and a local -c file name files neither the resolver's container nor the
 * build has; a local path holding a set ${NAME} would be quoted with its value (not found, outside
 * the workspace).
 */
function refusedInclude(include, expanded) {
    if (/^file:/i.test(include.path))
        return FILE_URL_INCLUDE;
    if (isUrl(include.path))
        return undefined;
    if (expanded)
        return EXPANDED_INCLUDE;
    return include.constraint ? LOCAL_CONSTRAINTS : undefined;
}
/**
 * The problems of one file's parsed lines, added to PROBLEMS, and its ${NAME} references to REFS.
 * The runner's own variables are refused first: a line naming one (checked without it filled in)
 * is not checked further; the lines returned.
 */
function checkLines(abs, parsed, refs, problems) {
    const refused = new Set();
    // What pip expands: the lines without their comments.
    for (const l of [...parsed.lines, ...parsed.errors].sort((a, b) => a.line - b.line))
        for (const r of (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .envReferences */ .Q4)(l.text)) {
            if ((0,_util_runner_env_js__WEBPACK_IMPORTED_MODULE_6__/* .isRunnerOwnVariable */ .P)(r)) {
                problems.push(`${abs}:${l.line}: \${${r}} ${_util_runner_env_js__WEBPACK_IMPORTED_MODULE_6__/* .RUNNER_OWN_VARIABLE */ .X}`);
                refused.add(l.line);
            }
            else
                refs.add(r);
        }
    for (const e of parsed.errors) {
        if (refused.has(e.line))
            continue;
        const what = e.text.startsWith('-') ? 'invalid option line' : 'invalid requirement';
        problems.push(`${abs}:${e.line}: ${what} "${e.text}": ${e.why}`);
    }
    return refused;
}
/** One problem per line (--json lists them in "problems"), each naming its file and line. */
function problemsError(files, problems) {
    const listed = problems.slice(0, MAX_LISTED_ERRORS);
    const more = problems.length - listed.length;
    if (more > 0)
        listed.push(`... and ${more} more invalid lines (fix the ones above first)`);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(files.join(', '), listed, {
        fix: FIX,
        count: problems.length,
        problemsNameFiles: true,
    });
}
function includeOf(l) {
    if (l.kind !== 'option')
        return undefined;
    const o = l.options.find((x) => x.option === 'requirement' || x.option === 'constraint');
    return o?.value !== undefined ? { path: o.value, constraint: o.option === 'constraint' } : undefined;
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
    const json = (0,json_file/* readJsonFile */.JE)(file, { what: 'smoke.baseline file' });
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
/* harmony import */ var _requirements_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12696);
/* harmony import */ var _requirements_read_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(82674);
/* harmony import */ var _baselines_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(59606);
// What the smoke suites take from the config: the requirement names (the imports suite) and the
// throughput floors. Its own module: the CLI's smoke and export commands read it without loading
// the smoke stage (capture, the runner, reuse).




/**
 * The suites' inputs the config decides: requirement names (for imports) and the throughput floors.
 * ENV is the caller's environment: `${NAME}` references and the workspace root are read from it.
 */
function configSmokeInputs(loaded, env) {
    return {
        distributions: loaded
            ? (0,_requirements_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .requirementNames */ .QT)((0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_2__/* .readRequirements */ .F2)(loaded.config.python.requirements, loaded.baseDir, env, {
                ...(0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_2__/* .workspaceRoot */ .oS)(env, loaded.baseDir),
                expandable: loaded.config.build.secrets,
            }).text)
            : [],
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
    return (0,_baselines_js__WEBPACK_IMPORTED_MODULE_3__/* .loadBaseline */ .oU)(file === undefined ? undefined : node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(loaded.baseDir, file));
}


/***/ })

};
