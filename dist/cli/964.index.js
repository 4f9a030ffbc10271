export const id = 964;
export const ids = [964];
export const modules = {

/***/ 87978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i7: () => (/* binding */ configOverrideFlags),
  Tr: () => (/* binding */ gitContextFor),
  du: () => (/* binding */ overridesFromFlags),
  pP: () => (/* binding */ printedReport)
});

// EXTERNAL MODULE: ./node_modules/he/he.js
var he = __webpack_require__(61528);
var he_default = /*#__PURE__*/__webpack_require__.n(he);
;// CONCATENATED MODULE: ./src/report/render/terminal.ts
// The report for a terminal: the same Markdown the comment carries (report.md), read back into plain
// text. No HTML entities (`&#40;` is "("), no tags (<details> sections become headed blocks), tables
// aligned by display width (emoji take two columns), links as "text <url>", no Mermaid charts (the
// tables beside them hold the same figures). Bold headings only when colour is on: the caller
// decides (a TTY, and no NO_COLOR).

const BOLD = (on) => (s) => (on && s !== '' ? `\x1b[1m${s}\x1b[22m` : s);
// eslint-disable-next-line no-control-regex -- removing the ANSI codes we add is the point
const ANSI = /\x1b\[[0-9;]*m/g;
const JOINER = /\u2060/g;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Columns a string takes on a terminal: wide for emoji and East Asian wide characters. */
function displayWidth(text) {
    let width = 0;
    for (const { segment } of segmenter.segment(text.replace(ANSI, ''))) {
        if (/^\p{M}+$/u.test(segment) || segment === '\u2060' || segment === '\u200d')
            continue;
        const cp = segment.codePointAt(0);
        // Emoji shown as emoji (by default, or asked for with VS16) and East Asian wide characters.
        const emoji = /\p{Emoji_Presentation}/u.test(segment) ||
            (/\p{Extended_Pictographic}/u.test(segment) && segment.includes('\ufe0f'));
        const eastAsianWide = (cp >= 0x1100 && cp <= 0x115f) ||
            (cp >= 0x2e80 && cp <= 0xa4cf) ||
            (cp >= 0xac00 && cp <= 0xd7a3) ||
            (cp >= 0xf900 && cp <= 0xfaff) ||
            (cp >= 0xfe30 && cp <= 0xfe4f) ||
            (cp >= 0xff00 && cp <= 0xff60) ||
            (cp >= 0xffe0 && cp <= 0xffe6);
        width += emoji || eastAsianWide ? 2 : 1;
    }
    return width;
}
/** Inline Markdown and HTML of one piece of text -> plain text (optionally bold). */
function inline(text, bold, br = '\n') {
    const out = text
        .replace(/<br\s*\/?>/gi, br)
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, t, u) => (t === u ? u : `${t} <${u}>`))
        .replace(/\*\*([^*]+)\*\*/g, (_m, t) => bold(t))
        .replace(/`([^`]*)`/g, '$1')
        .replace(/<a\s+href="([^"]*)"[^>]*>([^<]*)<\/a>/gi, '$2 <$1>')
        .replace(/<\/?(details|summary|blockquote|sub|sup|b|strong|i|em|code|p|div|span|picture|source)\b[^>]*>/gi, '')
        .replace(/<img\b[^>]*alt="([^"]*)"[^>]*>/gi, '$1')
        .replace(/\\([\\`*_{}[\]()#+\-.!|~<>$])/g, '$1');
    return he_default().decode(out).replace(JOINER, '');
}
const cells = (row) => row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
function table(rows, bold) {
    const body = rows.filter((r) => !/^\|?\s*:?-{3,}/.test(r.trim()));
    const grid = body.map((r, i) => cells(r).map((c) => inline(c, i === 0 ? bold : (s) => s, ' / ')));
    const n = Math.max(...grid.map((r) => r.length));
    const widths = Array.from({ length: n }, (_, j) => Math.max(0, ...grid.map((r) => displayWidth(r[j] ?? ''))));
    const line = (r) => r
        .map((c, j) => (j === r.length - 1 ? c : c + ' '.repeat(widths[j] - displayWidth(c))))
        .join('  ')
        .trimEnd();
    const [head, ...rest] = grid;
    return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rest.map(line)];
}
/** report.md (GitHub Markdown) -> text for a terminal. */
function toTerminal(markdown, options) {
    const bold = BOLD(options.color);
    const out = [];
    const lines = markdown.replace(/<!--[\s\S]*?-->\n?/g, '').split('\n');
    let fence = null;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.startsWith('```')) {
            fence = fence ? null : line.trim() === '```mermaid' ? 'chart' : 'code';
            continue;
        }
        // A chart is for GitHub to draw; its figures are in the table beside it.
        if (fence === 'chart')
            continue;
        if (fence) {
            out.push(`    ${line}`);
            continue;
        }
        if (line.trimStart().startsWith('|')) {
            const rows = [];
            while (i < lines.length && lines[i].trimStart().startsWith('|'))
                rows.push(lines[i++]);
            i--;
            out.push(...table(rows, bold));
            continue;
        }
        const summary = /^\s*<details[^>]*>\s*<summary>(.*?)<\/summary>\s*$/i.exec(line);
        if (summary) {
            out.push(`▸ ${bold(inline(summary[1], (s) => s, ' '))}`);
            continue;
        }
        if (/^\s*<\/?(details|blockquote)>\s*$/i.test(line))
            continue;
        const heading = /^(#{1,6})\s+(.*)$/.exec(line);
        if (heading) {
            const text = inline(heading[2], (s) => s, ' ');
            out.push(bold(text));
            if (heading[1].length <= 3)
                out.push('═'.repeat(Math.min(displayWidth(text), 100)));
            continue;
        }
        const item = /^(\s*)[-*]\s+(.*)$/.exec(line);
        if (item) {
            out.push(`${item[1]}• ${inline(item[2], bold)}`);
            continue;
        }
        out.push(inline(line, bold));
    }
    // One blank line at most between blocks (removed tags leave runs of them).
    return `${out
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .replace(/^\n+/, '')
        .trimEnd()}\n`;
}
/** Colour on a terminal that asked for none? https://no-color.org: any non-empty NO_COLOR. */
function wantsColor(isTTY, env) {
    return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

// EXTERNAL MODULE: ./src/docker/exec-runner.ts + 1 modules
var exec_runner = __webpack_require__(78617);
// EXTERNAL MODULE: ./src/plan/git-context.ts
var git_context = __webpack_require__(74725);
;// CONCATENATED MODULE: ./src/cli/commands/shared.ts
// Flags several commands share: config overrides, the same ones the action takes as inputs.



const configOverrideFlags = `  --platforms LIST   override "platforms" (comma-separated), as the action input does
  --variants LIST    only these variants (comma-separated names): a name the config lists is
                     that variant as written there; another is shorthand (cpu, cuda12.8, ...)`;
function overridesFromFlags(values) {
    const list = (s) => s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    const overrides = [];
    if (values.platforms !== undefined)
        overrides.push({ path: ['platforms'], value: list(values.platforms), source: 'flag --platforms' });
    if (values.variants !== undefined)
        overrides.push({ path: ['variants'], value: list(values.variants), source: 'flag --variants' });
    return overrides;
}
/** Commit, ref and PR for tags and reports: GitHub's environment on a runner, else the checkout. */
async function gitContextFor(io) {
    return (0,git_context/* gitContextFromGitHubEnv */.s)(io.env) ?? (await (0,git_context/* gitContextFromCheckout */.Y)(new exec_runner/* ActionsExecRunner */.L(), io.cwd));
}
/** The run's report (report.md) as printed: plain text for a terminal, bold only on a TTY. */
function printedReport(io, markdown) {
    return toTerminal(markdown, { color: wantsColor(io.stdoutIsTTY, io.env) });
}


/***/ }),

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


/***/ })

};
