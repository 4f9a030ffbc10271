export const id = 618;
export const ids = [618];
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
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23387);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(11012);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(68481);
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
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_4__/* .LineCounter */ .HN();
    // resolveKnownTags: false: an explicit !!binary, !!timestamp, !!set ... stays the text it tags
    // (a config has strings, numbers, booleans, lists and mappings only), not a Buffer or a Date
    // whose methods the schema would list as unknown keys.
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_4__/* .parseDocument */ .Tp)(text, {
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
    (0,yaml__WEBPACK_IMPORTED_MODULE_4__/* .visit */ .YR)(doc, {
        Map(_key, map) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_4__/* .isMap */ .jh)(map))
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(`${fileLabel}: invalid YAML`, problems);
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    }
    catch (e) {
        // yaml throws a ReferenceError for "Excessive alias count" (and for an alias to nothing).
        const msg = e.message.split('\n')[0] ?? String(e);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(`${fileLabel}: invalid YAML`, [
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`config file ${label}: cannot read (${code ?? e.message})`, code === 'ENOENT' ? 'pass --config PATH pointing at your ml-image.yml' : undefined);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`config path ${label} is ${kind}, not a regular file`, 'pass --config PATH pointing at your ml-image.yml');
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${label} is ${size} bytes; the limit is ${MAX_CONFIG_BYTES} bytes (${MAX_CONFIG_BYTES / 1024} KiB)`, 'an ml-image.yml is a few KB: move long lists (requirements, build args) into the files it names');
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(label, [
            `(top level): expected a mapping of settings, got ${Array.isArray(data) ? 'a list' : typeof data}`,
        ]);
    }
    const merged = applyOverrides(data, overrides);
    const result = _schema_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigFileSchema */ .Kx.safeParse(merged);
    if (!result.success) {
        const sourceOf = (p) => {
            const shown = (0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .formatPath */ .jV)(p);
            const o = overrides.find((ov) => shown === (0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .formatPath */ .jV)(ov.path) ||
                shown.startsWith(`${(0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .formatPath */ .jV)(ov.path)}[`) ||
                shown.startsWith(`${(0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .formatPath */ .jV)(ov.path)}.`));
            return o?.source;
        };
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(label, (0,_issues_js__WEBPACK_IMPORTED_MODULE_6__/* .formatIssues */ .og)(result.error, merged, _schema_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigFileSchema */ .Kx, sourceOf));
    }
    return (0,_schema_js__WEBPACK_IMPORTED_MODULE_7__/* .normalizeConfig */ .I6)(result.data);
}
/** Problems with files the config names, each naming the field and the path looked for. */
function checkReferencedFiles(config, baseDir) {
    const problems = [];
    const at = (p) => node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(baseDir, p);
    const isDir = (p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isDirectory();
    /** What is wrong with P as an input file: missing, or something else than a regular file. */
    const fileProblem = (p) => {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p, { throwIfNoEntry: false });
        if (st === undefined)
            return `file not found: ${p}`;
        if (st.isFile())
            return undefined;
        const kind = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_2__/* .fileKind */ .h_)(st);
        return `${p} ${kind === 'not a regular file' ? 'is not a regular file' : `is ${kind}, not a regular file`}`;
    };
    const context = at(config.build.context);
    const repo = repositoryRootOf(baseDir);
    if (context === node_path__WEBPACK_IMPORTED_MODULE_3___default().parse(context).root)
        problems.push(`build.context: ${context} is the filesystem root (it would send the whole disk to the builder); use the directory of your Dockerfile, e.g. "."`);
    else if (repo !== undefined && node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(repo, context).split((node_path__WEBPACK_IMPORTED_MODULE_3___default().sep))[0] === '..')
        problems.push(`build.context: ${context} is outside the repository ${repo}; use a directory inside it`);
    else if (!isDir(context))
        problems.push(`build.context: directory not found: ${context}`);
    if (config.build.dockerfile !== undefined) {
        const f = at(config.build.dockerfile);
        const problem = fileProblem(f);
        if (problem !== undefined)
            problems.push(`build.dockerfile: ${problem}`);
    }
    config.python.requirements.forEach((r, i) => {
        const f = at(r);
        const problem = fileProblem(f);
        if (problem !== undefined)
            problems.push(`python.requirements[${i}]: ${problem}`);
    });
    if (config.smoke.baseline !== undefined) {
        const f = at(config.smoke.baseline);
        const problem = fileProblem(f);
        if (problem !== undefined)
            problems.push(`smoke.baseline: ${problem}`);
    }
    return problems;
}
/** The nearest directory at or above `dir` holding .git (a checkout), if any. */
function repositoryRootOf(dir) {
    for (let d = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(dir);; d = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(d)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(d, '.git')))
            return d;
        if (node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(d) === d)
            return undefined;
    }
}
function findDefaultFile(cwd) {
    return DEFAULT_CONFIG_FILES.map((f) => node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cwd, f)).find((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f));
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
        file = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(cwd, opts.file);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`config file not found: ${file}`, 'pass --config PATH (or the action input "config") pointing at your ml-image.yml');
        }
    }
    else {
        file = findDefaultFile(cwd);
    }
    if (file === undefined && overrides.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`no config: neither ${DEFAULT_CONFIG_FILES.join(' nor ')} in ${cwd}`, 'create ml-image.yml (see docs/configuration.md), or pass --config PATH');
    }
    const rel = file ? node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(cwd, file) : '';
    const label = file ? (rel && !rel.startsWith('..') ? rel : file) : 'inputs';
    const data = file ? parseYaml(readConfigText(file, label), label) : {};
    const config = validateConfigData(data, label, overrides);
    const baseDir = file ? node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(file) : cwd;
    if (opts.checkFiles !== false) {
        const problems = checkReferencedFiles(config, baseDir);
        if (problems.length > 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigError */ .xL(label, problems);
    }
    return { config, file, baseDir };
}


/***/ })

};
