export const id = 575;
export const ids = [575];
export const modules = {

/***/ 23419:
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

// EXTERNAL MODULE: ./src/docker/exec-runner.ts
var exec_runner = __webpack_require__(45206);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
;// CONCATENATED MODULE: ./src/github/event.ts
// The runner's event payload (GITHUB_EVENT_PATH), parsed with a zod schema of the fields this
// project reads (pull request, repository, head commit, workflow_run); everything else is dropped.
// A missing, unreadable or non-object file is an empty event, as it is off a runner. A section of
// an unexpected shape is left out rather than trusted (or failing the whole event).


const RepoRef = schemas/* object */.Ikc({ full_name: schemas/* string */.YjP().optional() });
/** A text Date reads as a valid time (an invalid one would throw in toISOString). */
const isDate = (s) => !Number.isNaN(new Date(s).getTime());
/** Larger payloads are not GitHub's (its webhooks are at most 25 MB); this bounds the read. */
const MAX_EVENT_BYTES = 64 * 1024 * 1024;
/** The event fields read by src/report/github-env.ts, src/report/poster.ts and src/plan/git-context.ts. */
const GitHubEventSchema = schemas/* object */.Ikc({
    pull_request: schemas/* object */.Ikc({
        number: schemas/* number */.aig().int().optional(),
        head: schemas/* object */.Ikc({
            sha: schemas/* string */.YjP().optional(),
            // null: the head repository (a fork) was deleted.
            repo: RepoRef.extend({ fork: schemas/* boolean */.zMY().optional() }).nullable().optional(),
        })
            .optional(),
        base: schemas/* object */.Ikc({ ref: schemas/* string */.YjP().optional(), repo: RepoRef.optional() }).optional(),
    })
        .optional()
        .catch(undefined),
    repository: RepoRef.extend({ default_branch: schemas/* string */.YjP().optional() }).optional().catch(undefined),
    // null on a push that deletes a branch. A timestamp that is no date is left out (as when absent):
    // the commit time is then not known, rather than an invalid date failing the run.
    head_commit: schemas/* object */.Ikc({ timestamp: schemas/* string */.YjP().refine(isDate).optional().catch(undefined) })
        .nullable()
        .optional()
        .catch(undefined),
    workflow_run: schemas/* object */.Ikc({
        // The run whose artifact the fork poster posts: its links name this run, not the artifact's.
        id: schemas/* number */.aig().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
        head_sha: schemas/* string */.YjP().optional(),
        pull_requests: schemas/* array */.YOg(schemas/* object */.Ikc({ number: schemas/* number */.aig().int().optional() })).optional(),
        head_repository: RepoRef.nullable().optional(),
    })
        .optional()
        .catch(undefined),
});
/** A parsed payload; anything that is not a JSON object is an empty event. */
function parseGitHubEvent(json) {
    const r = GitHubEventSchema.safeParse(json);
    return r.success ? r.data : {};
}
/** The payload at `path` (GITHUB_EVENT_PATH); missing or unreadable: an empty event. */
function readGitHubEventFile(path) {
    if (!path)
        return {};
    try {
        // A regular file only: a FIFO or device at the path is no event, never a read that blocks.
        return parseGitHubEvent(JSON.parse((0,read_regular/* readRegularFile */.XF)(path, MAX_EVENT_BYTES).toString('utf8')));
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./src/plan/git-context.ts

/**
 * The commit time in ISO 8601, when TEXT is a time: one that is not (an odd event payload, a git
 * too old for %cI) is left out as if absent, never an "Invalid time value" failing the run.
 */
function withCommitTime(text) {
    const time = text ? new Date(text) : undefined;
    return time && !Number.isNaN(time.getTime()) ? { commitTime: time.toISOString() } : {};
}
/** On a GitHub runner: GITHUB_SHA / GITHUB_REF / the event payload. */
function gitContextFromGitHubEnv(env) {
    if (env.GITHUB_ACTIONS !== 'true')
        return undefined;
    const event = readGitHubEventFile(env.GITHUB_EVENT_PATH);
    const pr = event.pull_request?.number;
    const defaultBranch = event.repository?.default_branch;
    const ref = env.GITHUB_REF;
    return {
        // On pull_request events GITHUB_SHA is the merge commit; the head commit is what people see.
        ...((event.pull_request?.head?.sha ?? env.GITHUB_SHA) !== undefined && {
            sha: event.pull_request?.head?.sha ?? env.GITHUB_SHA,
        }),
        ...(ref !== undefined && { ref }),
        isDefaultBranch: pr === undefined && defaultBranch !== undefined && ref === `refs/heads/${defaultBranch}`,
        ...(pr !== undefined && { prNumber: pr }),
        ...withCommitTime(event.head_commit?.timestamp),
        ...(env.GITHUB_SERVER_URL &&
            env.GITHUB_REPOSITORY && { repositoryUrl: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` }),
    };
}
/** Outside GitHub: the local checkout (no git, or not a repository: an empty context). */
async function gitContextFromCheckout(exec, cwd) {
    const git = async (...args) => {
        try {
            const r = await exec.run('git', args, { cwd });
            return r.exitCode === 0 ? r.stdout.trim() : undefined;
        }
        catch {
            return undefined;
        }
    };
    const sha = await git('rev-parse', 'HEAD');
    if (!sha)
        return {};
    // Independent reads: side by side (each is a process; on a busy runner they add up).
    const [commitTime, tag, branch, remote] = await Promise.all([
        git('show', '-s', '--format=%cI', 'HEAD'),
        git('describe', '--tags', '--exact-match', 'HEAD'),
        git('symbolic-ref', '--short', 'HEAD'),
        git('remote', 'get-url', 'origin'),
    ]);
    const repositoryUrl = remote
        ?.replace(/^git@([^:]+):/, 'https://$1/')
        .replace(/\.git$/, '')
        .replace(/^https:\/\/[^@/]+@/, 'https://'); // never keep credentials from a URL
    return {
        sha,
        ...withCommitTime(commitTime),
        ...(tag ? { ref: `refs/tags/${tag}` } : branch ? { ref: `refs/heads/${branch}` } : {}),
        ...(repositoryUrl?.startsWith('https://') && { repositoryUrl }),
    };
}

;// CONCATENATED MODULE: ./src/cli/commands/shared.ts
// Flags several commands share: config overrides, the same ones the action takes as inputs.



const configOverrideFlags = `  --platforms LIST   override "platforms" (comma-separated), as the action input does
  --variants LIST    override "variants" (comma-separated: cpu, cuda12.8, ...)`;
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
    return gitContextFromGitHubEnv(io.env) ?? (await gitContextFromCheckout(new exec_runner/* ActionsExecRunner */.L(), io.cwd));
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
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61036);
/* harmony import */ var _smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46985);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77593);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96657);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(23419);






const validateCommand = {
    name: 'validate',
    summary: 'Check ml-image.yml and print the normalized config (every default filled in).',
    usage: 'ml-image validate [--config FILE] [--skip-file-checks] [--json] [--out DIR]',
    help: `Reads the config (default: ml-image.yml or ml-image.yaml in the current directory), applies
the defaults, and checks that every file it names exists (relative to the config file) and that
smoke.baseline holds a throughput table.

Options:
  --config FILE        config file to read
${_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .configOverrideFlags */ .i7}
  --skip-file-checks   validate the shape only; do not look for the files the config names
  --json               print the normalized config as JSON (machine output)
  --out DIR            also write DIR/config.json
  --verbose            show stack traces on internal errors

Exit codes: 0 valid; 2 invalid (every offending field is listed); 3 environment problem.`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommandArgs */ .Qx)('validate', argv, {
            config: { type: 'string' },
            platforms: { type: 'string' },
            variants: { type: 'string' },
            'skip-file-checks': { type: 'boolean', default: false },
        });
        const overrides = (0,_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .overridesFromFlags */ .du)(values);
        const loaded = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfig */ .Z9)({
            cwd: io.cwd,
            ...(values.config !== undefined && { file: values.config }),
            overrides,
            checkFiles: !values['skip-file-checks'],
        });
        const { config } = loaded;
        // The files the config names whose content has a shape of its own: smoke.baseline's floors.
        if (!values['skip-file-checks'])
            (0,_smoke_config_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .configBaseline */ .E)(loaded);
        if (values.out !== undefined)
            (0,_output_js__WEBPACK_IMPORTED_MODULE_4__/* .writeOutFile */ .Wd)(io.cwd, values.out, 'config.json', `${JSON.stringify(config, null, 2)}\n`);
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
/* harmony export */   Wd: () => (/* binding */ writeOutFile)
/* harmony export */ });
/* unused harmony export targetStat */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23387);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(69695);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83916);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(20317);






/**
 * Write one result file into the --out directory (created when missing); returns its path.
 * The directory is checked first (exit 2 at once for a non-directory or /proc, /sys, /dev), and so
 * is the name (a FIFO, device or directory there is exit 2); the file is written atomically (no
 * half-written JSON a later run would trust); a full or read-only filesystem is exit 3 naming the
 * path. Userinfo in URLs never reaches a result file.
 */
function writeOutFile(cwd, outDir, name, content) {
    const label = `--out ${outDir}`;
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


/***/ })

};
