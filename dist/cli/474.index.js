export const id = 474;
export const ids = [474];
export const modules = {

/***/ 17474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i7: () => (/* binding */ configOverrideFlags),
  Tr: () => (/* binding */ gitContextFor),
  Hs: () => (/* binding */ gitPlannedBeforeRegistry),
  du: () => (/* binding */ overridesFromFlags),
  DH: () => (/* binding */ planOfConfig),
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
const FENCE = /^( *)(`{3,}|~{3,})(.*)$/;
/**
 * A line that opens a fenced code block (CommonMark: up to 3 spaces of indent, more inside a list
 * item: sections.ts writes a platform's verify commands as a fence under its item), or null.
 */
function fenceOpen(line, listIndent) {
    const m = FENCE.exec(line);
    // A backtick fence's info string holds no backtick (else the line is inline code).
    if (!m || m[1].length > listIndent + 3 || (m[2].startsWith('`') && m[3].includes('`')))
        return null;
    return { indent: m[1].length, marker: m[2], chart: m[3].trim().split(/\s/)[0] === 'mermaid' };
}
/** A line that closes the block: the same character, at least as long, nothing after it. */
const closes = (line, f) => {
    const m = /^( *)(`{3,}|~{3,})\s*$/.exec(line);
    return (m !== null && m[1].length <= f.indent + 3 && m[2][0] === f.marker[0] && m[2].length >= f.marker.length);
};
/** report.md (GitHub Markdown) -> text for a terminal. */
function toTerminal(markdown, options) {
    const bold = BOLD(options.color);
    const out = [];
    const lines = markdown.replace(/<!--[\s\S]*?-->\n?/g, '').split('\n');
    let fence = null;
    // The content column of the list item the text is in (0 outside a list).
    let listIndent = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (fence) {
            if (closes(line, fence))
                fence = null;
            // A chart is for GitHub to draw; its figures are in the table beside it. Code is verbatim,
            // less the fence's own indent (a command copied from the terminal runs as written).
            else if (!fence.chart)
                out.push(`    ${line.replace(new RegExp(`^ {0,${fence.indent}}`), '')}`);
            continue;
        }
        fence = fenceOpen(line, listIndent);
        if (fence)
            continue;
        const listed = /^(\s*)[-*]\s+/.exec(line);
        if (listed)
            listIndent = listed[0].length;
        else if (line.trim() !== '' && !line.startsWith(' '))
            listIndent = 0;
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

// EXTERNAL MODULE: ./src/config/referenced-files.ts
var referenced_files = __webpack_require__(96845);
// EXTERNAL MODULE: ./src/docker/exec-runner.ts
var exec_runner = __webpack_require__(45206);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/docker/git-head.ts
// The commit a checkout holds (`git rev-parse HEAD`), through a CommandRunner: the one git read the
// action's main step and the CLI make on a runner (src/plan/git-context.ts says when).


/**
 * The commit the checkout at CWD holds (undefined: no git, or not a work tree). CWD may be the
 * checked-out code's own folder (the config's): a bare repository's layout committed there (HEAD,
 * objects/, refs/) would be read as the repository, with a HEAD of the committer's choosing, so a
 * bare one is never taken (safe.bareRepository=explicit, git 2.38; before it, a bare repository has
 * no work tree, which --show-toplevel asks for: an error since git 2.25, an empty line before). A
 * git before 2.38 still takes a planted layout whose `config` names a work tree (core.worktree), so
 * the repository must also be the one the work tree's own `.git` names (sameRepository): its `.git`
 * folder, or the folder its `.git` file points to (a linked worktree's, a submodule's, a
 * `--separate-git-dir` clone's). No commit can hold a `.git` path to point elsewhere.
 */
async function checkoutHead(exec, cwd, same = sameRepository) {
    try {
        const args = [
            '-c',
            'safe.bareRepository=explicit',
            'rev-parse',
            '--show-toplevel',
            '--absolute-git-dir',
            'HEAD',
        ];
        const r = await exec.run('git', args, { cwd });
        // The work tree, the repository, then the commit: a git before 2.25 prints no work tree for a
        // bare one.
        const [top = '', gitDir = '', head = '', ...rest] = r.stdout.trimEnd().split(/\r?\n/);
        const sha = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
        return r.exitCode === 0 &&
            rest.length === 0 &&
            external_node_path_default().isAbsolute(top) &&
            external_node_path_default().isAbsolute(gitDir) &&
            sha.test(head) &&
            same(top, gitDir)
            ? head
            : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Whether GIT_DIR is the repository TOP's own `.git` names: that folder, or the one a `.git` file
 * points to (`gitdir: PATH`, relative to TOP), both compared by their real paths.
 */
function sameRepository(top, gitDir) {
    try {
        const dotGit = external_node_path_default().join(top, '.git');
        const named = (0,external_node_fs_.statSync)(dotGit).isDirectory() ? dotGit : gitFileTarget(top, (0,external_node_fs_.readFileSync)(dotGit, 'utf8'));
        return named !== undefined && (0,external_node_fs_.realpathSync)(named) === (0,external_node_fs_.realpathSync)(gitDir);
    }
    catch {
        return false;
    }
}
/** The folder a `.git` file names (`gitdir: PATH` on its first line), resolved against TOP. */
function gitFileTarget(top, text) {
    const m = /^gitdir: *(.+?)\s*$/m.exec(text.split(/\r?\n/)[0] ?? '');
    return m ? external_node_path_default().resolve(top, m[1]) : undefined;
}

// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(85015);
// EXTERNAL MODULE: ./src/plan/git-context.ts
var git_context = __webpack_require__(74725);
// EXTERNAL MODULE: ./src/plan/catalog.ts + 2 modules
var catalog = __webpack_require__(9668);
// EXTERNAL MODULE: ./src/plan/plan.ts + 4 modules
var plan_plan = __webpack_require__(95842);
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
/**
 * Commit, ref and PR for tags and reports: GitHub's environment on a runner, else the checkout.
 * EVENT: the runner's event payload, where the command has read it already (default: read here).
 */
async function gitContextFor(io, event = (0,github_event/* readGitHubEventFile */.MZ)(io.env.GITHUB_EVENT_PATH)) {
    const exec = io.git ?? new exec_runner/* ActionsExecRunner */.L();
    const head = () => checkoutHead(exec, io.cwd);
    const checkedOut = await (0,git_context/* checkedOutCommit */.Xg)(io.env, event, head);
    return ((0,git_context/* gitContextFromGitHubEnv */.sp)(io.env, event, checkedOut) ?? (await (0,git_context/* gitContextFromCheckout */.Yc)(exec, io.cwd, head)));
}
/**
 * The plan of a loaded config, as the pipeline plans it (the bundled catalog, now): a refused plan
 * names the config file and its lines, and a --variants selection tags as the file's variants.
 */
function planOfConfig(loaded, git) {
    const plan = (0,plan_plan/* planBuild */.C7)(loaded.config, {
        catalog: (0,catalog/* bundledCatalog */.Ot)(),
        git,
        now: new Date(),
        configFile: loaded.label,
        lineOf: loaded.lineOf,
        fileVariants: loaded.fileVariants,
    });
    return (0,referenced_files/* withContextWarnings */.x)(plan, loaded);
}
/**
 * The git context, while REGISTRY (the registry check, when one is asked) runs beside it; the
 * config is planned before the registry's answer is said, so that bad input the plan refuses
 * (exit 2: a tag two variants push) is never hidden behind an unreachable registry (exit 3).
 */
async function gitPlannedBeforeRegistry(io, loaded, registry, event) {
    const [git, reg] = await Promise.allSettled([gitContextFor(io, event), registry]);
    if (git.status === 'rejected')
        throw git.reason;
    planOfConfig(loaded, git.value);
    if (reg.status === 'rejected')
        throw reg.reason;
    return git.value;
}
/** The run's report (report.md) as printed: plain text for a terminal, bold only on a TTY. */
function printedReport(io, markdown) {
    return toTerminal(markdown, { color: wantsColor(io.stdoutIsTTY, io.env) });
}


/***/ }),

/***/ 85015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MZ: () => (/* binding */ readGitHubEventFile),
/* harmony export */   dV: () => (/* binding */ defaultBranchOf)
/* harmony export */ });
/* unused harmony exports GitHubEventSchema, parseGitHubEvent */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23387);
/* harmony import */ var _util_parse_input_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91814);
// The runner's event payload (GITHUB_EVENT_PATH), parsed with a zod schema of the fields this
// project reads (pull request, repository, head commit, workflow_run); everything else is dropped.
// A missing, unreadable or non-object file is an empty event, as it is off a runner. A section of
// an unexpected shape is left out rather than trusted (or failing the whole event).



const RepoRef = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ full_name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() });
/** A text Date reads as a valid time (an invalid one would throw in toISOString). */
const isDate = (s) => !Number.isNaN(new Date(s).getTime());
/** Larger payloads are not GitHub's (its webhooks are at most 25 MB); this bounds the read. */
const MAX_EVENT_BYTES = 64 * 1024 * 1024;
/**
 * The event fields read by src/report/github-env.ts, src/report/poster.ts, src/plan/git-context.ts
 * and (workflow_run) mayBuildPullRequestCode.
 */
const GitHubEventSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    pull_request: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        number: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().optional(),
        head: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
            sha: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
            // null: the head repository (a fork) was deleted.
            repo: RepoRef.extend({ fork: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().optional() }).nullable().optional(),
        })
            .optional(),
        base: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(), repo: RepoRef.optional() }).optional(),
    })
        .optional()
        .catch(undefined),
    repository: RepoRef.extend({ default_branch: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() }).optional().catch(undefined),
    // null on a push that deletes a branch. A timestamp that is no date is left out (as when absent):
    // the commit time is then not known, rather than an invalid date failing the run.
    head_commit: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ timestamp: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().refine(isDate).optional().catch(undefined) })
        .nullable()
        .optional()
        .catch(undefined),
    workflow_run: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        // The run whose artifact the fork poster posts: its links name this run, not the artifact's.
        id: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
        // The workflow of that run: the fork poster keys its comment on it (never on the artifact).
        workflow_id: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
        head_sha: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
        // The branch that run built: a workflow_run run's records are the default branch's baseline
        // only when that run built the default branch (its GITHUB_REF is the default branch anyway).
        head_branch: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable().optional().catch(undefined),
        // The event of that run: a workflow_run run is trusted only after a trusted one
        // (src/util/pull-request-code.ts).
        event: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional().catch(undefined),
        pull_requests: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ number: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().optional() })).optional(),
        head_repository: RepoRef.nullable().optional(),
        // Who that run was (Dependabot's push runs are untrusted: pull-request-code.ts).
        actor: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ login: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() }).nullable().optional().catch(undefined),
    })
        .optional()
        .catch(undefined),
});
/**
 * A parsed payload; anything that is not a JSON object is an empty event, as is one so far off
 * (600,000 wrong pull_requests in a workflow_run) that zod's issue gathering overflowed the stack.
 */
function parseGitHubEvent(json) {
    return (0,_util_parse_input_js__WEBPACK_IMPORTED_MODULE_1__/* .parsedOrNone */ .DU)(GitHubEventSchema, json) ?? {};
}
/**
 * The repository's default branch: the payload's repository.default_branch, else on a schedule run
 * the branch it runs on. A schedule's payload is only {"schedule": "<cron>"}, and GitHub runs every
 * scheduled workflow on the default branch (GITHUB_REF is it), so a nightly rebuild gets the
 * default branch's tags and saves its baseline, as the reusable workflow's attest job counts it.
 * CHECKED_OUT, where the caller read it: the commit the checkout holds. A schedule run that checked
 * out another commit than GITHUB_SHA (a nightly rebuild of release/1.x) is not told to be the
 * default branch's: its image must not move `latest`, nor its records become the baseline.
 */
function defaultBranchOf(env, event, checkedOut) {
    const schedule = env.GITHUB_EVENT_NAME === 'schedule';
    if (schedule && checkedOut !== undefined && checkedOut !== env.GITHUB_SHA)
        return undefined;
    const named = event.repository?.default_branch;
    if (named !== undefined)
        return named;
    const ref = env.GITHUB_REF;
    return schedule && ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
/** The payload at `path` (GITHUB_EVENT_PATH); missing or unreadable: an empty event. */
function readGitHubEventFile(path) {
    if (!path)
        return {};
    try {
        // A regular file only: a FIFO or device at the path is no event, never a read that blocks.
        return parseGitHubEvent(JSON.parse((0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_0__/* .readRegularFile */ .XF)(path, MAX_EVENT_BYTES).toString('utf8')));
    }
    catch {
        return {};
    }
}


/***/ }),

/***/ 9668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ot: () => (/* binding */ bundledCatalog),
  cz: () => (/* binding */ cudaDriver),
  T1: () => (/* binding */ family),
  lW: () => (/* binding */ familyOfImage),
  H2: () => (/* binding */ familyPlatforms),
  tQ: () => (/* binding */ impossibleTorchCombination),
  pA: () => (/* binding */ nearest),
  NR: () => (/* binding */ newerCudaDriver),
  e$: () => (/* binding */ newestTorchFor),
  vH: () => (/* binding */ torchInfo),
  CS: () => (/* binding */ torchWheelIndex)
});

// UNUSED EXPORTS: hasCudaWheels

;// CONCATENATED MODULE: ./src/plan/catalog.json
const catalog_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"updated":"2026-12-03","torchIndexUrl":"https://download.pytorch.org/whl","cudaDrivers":[{"cuda":"11.8","latestPatch":"11.8.0","toolkitDriverMin":"520.61.05","minorCompatDriverMin":"450.80.02","source":"https://docs.nvidia.com/deploy/cuda-compatibility/minor-version-compatibility.html"},{"cuda":"12.0","latestPatch":"12.0.1","toolkitDriverMin":"525.60.13","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.1","latestPatch":"12.1.1","toolkitDriverMin":"530.30.02","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.2","latestPatch":"12.2.2","toolkitDriverMin":"535.54.03","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.3","latestPatch":"12.3.2","toolkitDriverMin":"545.23.06","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.4","latestPatch":"12.4.1","toolkitDriverMin":"550.54.14","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.5","latestPatch":"12.5.1","toolkitDriverMin":"555.42.02","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.6","latestPatch":"12.6.3","toolkitDriverMin":"560.28.03","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.8","latestPatch":"12.8.2","toolkitDriverMin":"570.26","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.9","latestPatch":"12.9.2","toolkitDriverMin":"575.51.03","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"13.0","latestPatch":"13.0.3","toolkitDriverMin":"580.65.06","minorCompatDriverMin":"580.65.06","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"13.1","latestPatch":"13.1.2","toolkitDriverMin":"590.44.01","minorCompatDriverMin":"580.65.06","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"13.2","latestPatch":"13.2.1","toolkitDriverMin":"595.45.04","minorCompatDriverMin":"580.65.06","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"13.3","latestPatch":"13.3.1","toolkitDriverMin":"610.43.02","minorCompatDriverMin":"580.65.06","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"}],"baseImages":[{"family":"python-slim","repository":"docker.io/library/python","tagPattern":"{python}-slim","pythonVersions":["3.10","3.11","3.12","3.13","3.14","3.15"],"platforms":["linux/amd64","linux/arm64"],"source":"https://hub.docker.com/_/python"},{"family":"nvidia-cuda","repository":"docker.io/nvidia/cuda","tagPattern":"{cudaPatch}-{flavor}-ubuntu{ubuntu}","flavors":["base","runtime","devel","cudnn-runtime","cudnn-devel"],"releases":[{"cudaPatch":"12.0.1","ubuntu":["22.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.1.1","ubuntu":["22.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.2.2","ubuntu":["22.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.3.2","ubuntu":["22.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.4.1","ubuntu":["22.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.5.1","ubuntu":["22.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.5.1","ubuntu":["24.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.6.3","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.8.2","ubuntu":["22.04","24.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.9.2","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"13.0.3","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"13.1.2","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"13.2.1","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"13.3.1","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]}],"ubuntuPython":{"22.04":"3.10","24.04":"3.12"},"source":"https://gitlab.com/nvidia/container-images/cuda/-/blob/master/doc/supported-tags.md"},{"family":"ngc-pytorch","repository":"nvcr.io/nvidia/pytorch","platforms":["linux/amd64","linux/arm64"],"releases":[{"tag":"24.10-py3","torch":"2.5.0a0+e000cf0ad9","cuda":"12.6.2","python":"3.10","constraintFile":false,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-24-10.html"},{"tag":"24.11-py3","torch":"2.6.0a0+df5bbc09d1","cuda":"12.6","python":"3.12","constraintFile":false,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-24-11.html"},{"tag":"24.12-py3","torch":"2.6.0a0+df5bbc09d1","cuda":"12.6","python":"3.12","constraintFile":false,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-24-12.html"},{"tag":"25.01-py3","torch":"2.6.0a0+ecf3bae40a","cuda":"12.8","python":"3.12","constraintFile":false,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-01.html"},{"tag":"25.02-py3","torch":"2.7.0a0+6c54963f75","cuda":"12.8.0","python":"3.12","constraintFile":false,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-02.html"},{"tag":"25.03-py3","torch":"2.7.0a0+7c8ec84dab","cuda":"12.8.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-03.html"},{"tag":"25.04-py3","torch":"2.7.0a0+79aa17489c","cuda":"12.9","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-04.html"},{"tag":"25.05-py3","torch":"2.8.0a0+5228986c39","cuda":"12.9","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-05.html"},{"tag":"25.06-py3","torch":"2.8.0a0+5228986c39","cuda":"12.9.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-06.html"},{"tag":"25.08-py3","torch":"2.8.0a0+34c6371d24","cuda":"13.0","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-08.html"},{"tag":"25.09-py3","torch":"2.9.0a0+50eac811a6","cuda":"13.0.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-09.html"},{"tag":"25.10-py3","torch":"2.9.0a0+145a3a7bda","cuda":"13.0","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-10.html"},{"tag":"25.11-py3","torch":"2.10.0a0+b558c986e8","cuda":"13.0.2","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-11.html"},{"tag":"25.12-py3","torch":"2.10.0a0+b4e4ee81d3","cuda":"13.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-12.html"},{"tag":"26.01-py3","torch":"2.10.0a0+a36e1d39eb","cuda":"13.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-26-01.html"},{"tag":"26.02-py3","torch":"2.11.0a0+eb65b36914","cuda":"13.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-26-02.html"},{"tag":"26.03-py3","torch":"2.11.0a0+a6c236b9fd","cuda":"13.2","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-26-03.html"},{"tag":"26.04-py3","torch":"2.12.0a0+0291f960b6","cuda":"13.2.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-26-04.html"},{"tag":"26.06-py3","torch":"2.13.0a0+8145d630e8","cuda":"13.3","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-26-06.html"}],"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/index.html"},{"family":"pytorch-pytorch","repository":"docker.io/pytorch/pytorch","platforms":["linux/amd64"],"releases":[{"tag":"2.5.1-cuda12.4-cudnn9-runtime","torch":"2.5.1","cuda":"12.4","cudnn":"9"},{"tag":"2.7.1-cuda12.8-cudnn9-runtime","torch":"2.7.1","cuda":"12.8","cudnn":"9"},{"tag":"2.9.1-cuda12.8-cudnn9-runtime","torch":"2.9.1","cuda":"12.8","cudnn":"9"},{"tag":"2.9.1-cuda13.0-cudnn9-runtime","torch":"2.9.1","cuda":"13.0","cudnn":"9"},{"tag":"2.13.0-cuda13.0-cudnn9-runtime","torch":"2.13.0","cuda":"13.0","cudnn":"9"}],"source":"https://hub.docker.com/r/pytorch/pytorch"}],"torch":[{"torch":"2.5","latestPatch":"2.5.1","cuda":["11.8","12.1","12.4"],"pypiDefaultCuda":"12.4","python":["3.9","3.10","3.11","3.12"],"aarch64Cuda":"none","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md"},{"torch":"2.6","latestPatch":"2.6.0","cuda":["11.8","12.4","12.6"],"pypiDefaultCuda":"12.4","python":["3.9","3.10","3.11","3.12","3.13"],"aarch64Cuda":"none","source":"https://pytorch.org/get-started/previous-versions/"},{"torch":"2.7","latestPatch":"2.7.1","cuda":["11.8","12.6","12.8"],"pypiDefaultCuda":"12.6","python":["3.9","3.10","3.11","3.12","3.13"],"aarch64Cuda":"pytorch-index","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md","aarch64CudaOnly":["12.8"]},{"torch":"2.8","latestPatch":"2.8.0","cuda":["12.6","12.8","12.9"],"pypiDefaultCuda":"12.8","python":["3.9","3.10","3.11","3.12","3.13"],"aarch64Cuda":"pytorch-index","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md","aarch64CudaOnly":["12.8","12.9"]},{"torch":"2.9","latestPatch":"2.9.1","cuda":["12.6","12.8","13.0"],"pypiDefaultCuda":"12.8","python":["3.10","3.11","3.12","3.13","3.14"],"aarch64Cuda":"pytorch-index","source":"https://pytorch.org/get-started/previous-versions/"},{"torch":"2.10","latestPatch":"2.10.0","cuda":["12.6","12.8","13.0"],"pypiDefaultCuda":"12.8","python":["3.10","3.11","3.12","3.13","3.14"],"aarch64Cuda":"pytorch-index","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md"},{"torch":"2.11","latestPatch":"2.11.0","cuda":["12.6","12.8","13.0"],"pypiDefaultCuda":"13.0","python":["3.10","3.11","3.12","3.13","3.14"],"aarch64Cuda":"pypi","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md"},{"torch":"2.12","latestPatch":"2.12.1","cuda":["12.6","13.0","13.2"],"pypiDefaultCuda":"13.0","python":["3.10","3.11","3.12","3.13","3.14"],"aarch64Cuda":"pypi","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md"},{"torch":"2.13","latestPatch":"2.13.0","cuda":["12.6","13.0","13.2"],"pypiDefaultCuda":"13.0","python":["3.10","3.11","3.12","3.13","3.14","3.15"],"aarch64Cuda":"pypi","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md"},{"torch":"2.14","latestPatch":"2.14.1","cuda":["12.6","13.0","13.2"],"pypiDefaultCuda":"13.2","python":["3.10","3.11","3.12","3.13","3.14","3.15"],"aarch64Cuda":"pypi","source":"https://github.com/pytorch/pytorch/releases/tag/v2.14.1"}]}');
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
;// CONCATENATED MODULE: ./src/plan/catalog-schema.ts
// Schema of the base-image catalog (src/plan/catalog.json). The catalog is data, never code: every
// row names its source, and a unit test validates the file against this schema.

const source = schemas/* string */.YjP().url().describe('Where this row comes from (release notes, registry page).');
const version = (what) => schemas/* string */.YjP().regex(/^\d+\.\d+(\.\d+)?$/, { error: `expected a ${what} version` });
const platform = schemas/* enum */.k5n(['linux/amd64', 'linux/arm64']);
const CudaDriverRow = schemas/* strictObject */.rej({
    /** CUDA major.minor, e.g. "12.8". */
    cuda: version('CUDA'),
    /** Latest patch release of that minor, e.g. "12.8.1" (used for nvidia/cuda tags). */
    latestPatch: version('CUDA'),
    /** Minimum Linux driver of the toolkit release itself (full features). */
    toolkitDriverMin: schemas/* string */.YjP().regex(/^\d+\.\d+(\.\d+)?$/),
    /** Minimum Linux driver with minor-version compatibility (11.x: 450.80.02, 12.x: 525.60.13, 13.x: 580.xx). */
    minorCompatDriverMin: schemas/* string */.YjP().regex(/^\d+\.\d+(\.\d+)?$/),
    source,
});
const PythonSlimFamily = schemas/* strictObject */.rej({
    family: schemas/* literal */.euz('python-slim'),
    repository: schemas/* string */.YjP(),
    /** "{python}" is replaced, e.g. "{python}-slim" -> "3.11-slim". */
    tagPattern: schemas/* string */.YjP(),
    pythonVersions: schemas/* array */.YOg(version('Python')).min(1),
    platforms: schemas/* array */.YOg(platform).min(1),
    source,
});
const NvidiaCudaFamily = schemas/* strictObject */.rej({
    family: schemas/* literal */.euz('nvidia-cuda'),
    repository: schemas/* string */.YjP(),
    /** e.g. "{cudaPatch}-{flavor}-ubuntu{ubuntu}" with flavor runtime | cudnn-runtime | devel | ... */
    tagPattern: schemas/* string */.YjP(),
    flavors: schemas/* array */.YOg(schemas/* string */.YjP()).min(1),
    releases: schemas/* array */.YOg(schemas/* strictObject */.rej({
        cudaPatch: version('CUDA'),
        ubuntu: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^\d{2}\.\d{2}$/)).min(1),
        cudnn: schemas/* boolean */.zMY(),
        platforms: schemas/* array */.YOg(platform).min(1),
    }))
        .min(1),
    /** Python of each Ubuntu release's python3 package. */
    ubuntuPython: schemas/* record */.g1P(schemas/* string */.YjP(), version('Python')),
    source,
});
const NgcPytorchFamily = schemas/* strictObject */.rej({
    family: schemas/* literal */.euz('ngc-pytorch'),
    repository: schemas/* string */.YjP(),
    platforms: schemas/* array */.YOg(platform).min(1),
    releases: schemas/* array */.YOg(schemas/* strictObject */.rej({
        tag: schemas/* string */.YjP().regex(/^\d{2}\.\d{2}-py3$/),
        torch: schemas/* string */.YjP(),
        cuda: version('CUDA'),
        python: version('Python'),
        numpy: version('NumPy').optional(),
        /** /etc/pip/constraint.txt present (PIP_CONSTRAINT points at it), from 25.03 on. */
        constraintFile: schemas/* boolean */.zMY(),
        source,
    }))
        .min(1),
    source,
});
const PytorchImageFamily = schemas/* strictObject */.rej({
    family: schemas/* literal */.euz('pytorch-pytorch'),
    repository: schemas/* string */.YjP(),
    platforms: schemas/* array */.YOg(platform).min(1),
    releases: schemas/* array */.YOg(schemas/* strictObject */.rej({ tag: schemas/* string */.YjP(), torch: version('torch'), cuda: version('CUDA'), cudnn: schemas/* string */.YjP() }))
        .min(1),
    source,
});
const BaseImageFamily = schemas/* discriminatedUnion */.gMt('family', [
    PythonSlimFamily,
    NvidiaCudaFamily,
    NgcPytorchFamily,
    PytorchImageFamily,
]);
const TorchRow = schemas/* strictObject */.rej({
    /** torch major.minor, e.g. "2.7". */
    torch: version('torch'),
    /** Latest patch release, e.g. "2.7.1". */
    latestPatch: version('torch'),
    /** CUDA versions with wheels on https://download.pytorch.org/whl/cuXYZ. */
    cuda: schemas/* array */.YOg(version('CUDA')).min(1),
    /** The CUDA of the default wheel on PyPI (linux x86_64). */
    pypiDefaultCuda: version('CUDA'),
    python: schemas/* array */.YOg(version('Python')).min(1),
    /** Where aarch64 CUDA wheels come from: none (CPU only), PyTorch's index, or PyPI too. */
    aarch64Cuda: schemas/* enum */.k5n(['none', 'pytorch-index', 'pypi']),
    /** When aarch64 CUDA wheels exist for only some CUDA variants (2.7: cu128; 2.8: cu128 and cu129). */
    aarch64CudaOnly: schemas/* array */.YOg(version('CUDA')).optional(),
    source,
});
const CatalogSchema = schemas/* strictObject */.rej({
    schemaVersion: schemas/* literal */.euz(1),
    /** Date the data was last checked against its sources. */
    updated: schemas/* string */.YjP().regex(/^\d{4}-\d{2}-\d{2}$/),
    torchIndexUrl: schemas/* string */.YjP().url(),
    cudaDrivers: schemas/* array */.YOg(CudaDriverRow).min(1),
    baseImages: schemas/* array */.YOg(BaseImageFamily).min(1),
    torch: schemas/* array */.YOg(TorchRow).min(1),
});

// EXTERNAL MODULE: ./src/util/versions.ts
var versions = __webpack_require__(20395);
// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
;// CONCATENATED MODULE: ./src/plan/catalog.ts
// Look-ups over the base-image catalog (data in catalog.json, validated against catalog-schema.ts).




let cached;
/** The bundled catalog, validated once (a broken data file is a bug: it throws). */
function bundledCatalog() {
    cached ??= CatalogSchema.parse(catalog_namespaceObject);
    return cached;
}
function family(catalog, name) {
    const f = catalog.baseImages.find((b) => b.family === name);
    if (!f)
        throw new Error(`catalog has no ${name} family`);
    return f;
}
/** The catalog family an arbitrary image belongs to, by repository. */
function familyOfImage(catalog, ref) {
    const repo = (0,oci_ref/* repositoryOf */._M)(ref);
    return catalog.baseImages.find((b) => (0,oci_ref/* repositoryOf */._M)(b.repository) === repo);
}
/** Platforms a family's images come in (nvidia/cuda: the union over its releases). */
function familyPlatforms(f) {
    if ('platforms' in f)
        return f.platforms;
    return [...new Set(f.releases.flatMap((r) => r.platforms))];
}
function cudaDriver(catalog, cuda) {
    return catalog.cudaDrivers.find((d) => d.cuda === (0,versions/* majorMinor */.v)(cuda));
}
/**
 * The driver floors of a CUDA minor newer than every one of its major the catalog knows (13.4 beside
 * 13.0-13.3): the major's minor-version-compatibility floor (one per major) and, as a lower bound,
 * the newest known minor's toolkit driver (NEWEST). Undefined for another unknown CUDA.
 */
function newerCudaDriver(catalog, cuda) {
    const wanted = (0,versions/* majorMinor */.v)(cuda);
    const major = wanted.split('.')[0];
    const newest = catalog.cudaDrivers
        .filter((d) => d.cuda.split('.')[0] === major)
        .sort((a, b) => (0,versions/* compareVersions */.Z)(b.cuda, a.cuda))[0];
    if (!newest || (0,versions/* compareVersions */.Z)(wanted, newest.cuda) <= 0)
        return undefined;
    return { ...newest, cuda: wanted, latestPatch: cuda, newest: newest.cuda };
}
function torchInfo(catalog, torch) {
    return catalog.torch.find((t) => t.torch === (0,versions/* majorMinor */.v)(torch));
}
/** Newest torch release with wheels for this CUDA (and Python, when given). */
function newestTorchFor(catalog, cuda, python) {
    return [...catalog.torch]
        .sort((a, b) => (0,versions/* compareVersions */.Z)(b.torch, a.torch))
        .find((t) => t.cuda.includes((0,versions/* majorMinor */.v)(cuda)) && (python === undefined || t.python.includes(python)));
}
/** The entries nearest to `wanted` (by version distance), for "did you mean" suggestions. */
function nearest(wanted, candidates, count = 3) {
    const score = (v) => {
        const [a = 0, b = 0] = v.split('.').map(Number);
        const [c = 0, d = 0] = wanted.split('.').map(Number);
        return Math.abs(a - c) * 100 + Math.abs(b - d);
    };
    return [...candidates].sort((x, y) => score(x) - score(y) || (0,versions/* compareVersions */.Z)(y, x)).slice(0, count);
}
/** The torch wheel index of a CUDA version ("cpu" for CPU wheels), under `base` (a mirror) or PyTorch's. */
function torchWheelIndex(catalog, cuda, base) {
    const root = (base ?? catalog.torchIndexUrl).replace(/\/+$/, '');
    return `${root}/${cuda === 'cpu' ? 'cpu' : `cu${(0,versions/* majorMinor */.v)(cuda).replace('.', '')}`}`;
}
/** The platforms advice is computed for: every one the tool builds (so it reads the same everywhere). */
const ADVICE_PLATFORMS = ['linux/amd64', 'linux/arm64'];
/** Whether torch `t` has CUDA `cuda` wheels for `platform` (arm64: PyTorch's aarch64 CUDA builds). */
function hasCudaWheels(t, cuda, platform) {
    const c = (0,versions/* majorMinor */.v)(cuda);
    if (!t.cuda.includes(c))
        return false;
    if (platform === 'linux/amd64')
        return true;
    return t.aarch64Cuda !== 'none' && (t.aarch64CudaOnly === undefined || t.aarch64CudaOnly.includes(c));
}
/** CUDA versions a CUDA variant can use: in the driver table and with an nvidia/cuda image. */
function plannableCuda(catalog) {
    const images = new Set(family(catalog, 'nvidia-cuda').releases.map((r) => (0,versions/* majorMinor */.v)(r.cudaPatch)));
    return catalog.cudaDrivers.map((d) => d.cuda).filter((c) => images.has(c));
}
/**
 * THE nearest valid choices for a torch/CUDA/Python combination the catalog refuses: torch releases
 * near the wanted one with this CUDA, CUDA versions near the wanted one for this torch, and (when
 * neither exists) the nearest pair. A choice counts only when it has wheels on every platform the
 * tool builds for, so the answer is the same whatever the platforms of the run.
 */
function nearestValidChoices(catalog, want) {
    const ok = (t, cuda) => (want.python === undefined || t.python.includes(want.python)) &&
        (cuda === undefined || ADVICE_PLATFORMS.every((p) => hasCudaWheels(t, cuda, p)));
    const wantedTorch = (0,versions/* majorMinor */.v)(want.torch);
    const out = [];
    const torchForCuda = catalog.torch
        .filter((t) => t.torch !== wantedTorch && ok(t, want.cuda))
        .map((t) => t.torch);
    if (torchForCuda.length)
        out.push(`torch ${nearest(wantedTorch, torchForCuda, 2).join(' or ')}${want.cuda !== undefined ? ` with CUDA ${(0,versions/* majorMinor */.v)(want.cuda)}` : ''}`);
    const self = torchInfo(catalog, wantedTorch);
    if (want.cuda !== undefined) {
        const cudas = plannableCuda(catalog);
        if (self) {
            const cudaForTorch = cudas.filter((c) => c !== (0,versions/* majorMinor */.v)(want.cuda) && ok(self, c));
            if (cudaForTorch.length)
                out.push(`torch ${self.torch} with CUDA ${nearest(want.cuda, cudaForTorch, 2).join(' or ')}`);
        }
        if (out.length === 0) {
            const all = catalog.torch.map((t) => t.torch);
            const pairs = nearest(wantedTorch, all, all.length)
                .map((v) => torchInfo(catalog, v))
                .flatMap((t) => {
                const c = nearest(want.cuda, cudas.filter((x) => ok(t, x)), 1)[0];
                return c === undefined ? [] : [`torch ${t.torch} with CUDA ${c}`];
            });
            if (pairs[0])
                out.push(pairs[0]);
        }
    }
    else if (self && want.python !== undefined && out.length === 0) {
        out.push(`Python ${nearest(want.python, self.python, 2).join(' or ')} with torch ${self.torch}`);
    }
    return out;
}
/**
 * Why the catalog KNOWS this torch/CUDA/Python combination cannot work on `platforms`, with the
 * nearest valid choices; undefined when it can, or when the catalog does not know the torch
 * release (then the plan only warns). One message for the plan, the action and the README.
 */
function impossibleTorchCombination(catalog, want, platforms) {
    const info = torchInfo(catalog, want.torch);
    if (!info)
        return undefined;
    const cuda = want.cuda !== undefined ? (0,versions/* majorMinor */.v)(want.cuda) : undefined;
    let why;
    let arm = false;
    if (cuda !== undefined && !info.cuda.includes(cuda)) {
        why = `torch ${info.torch} has no CUDA ${cuda} wheels (it has ${info.cuda.join(', ')})`;
    }
    else if (want.python !== undefined && !info.python.includes(want.python)) {
        why = `torch ${info.torch} has no wheels for Python ${want.python} (it supports ${info.python.join(', ')})`;
    }
    else if (cuda !== undefined &&
        platforms.includes('linux/arm64') &&
        !hasCudaWheels(info, cuda, 'linux/arm64')) {
        arm = true;
        why = `torch ${info.torch} has no aarch64 CUDA ${cuda} wheels${info.aarch64CudaOnly
            ? ` (only ${info.aarch64CudaOnly.map((c) => `cu${c.replace('.', '')}`).join(', ')})`
            : ''}, so on linux/arm64 pip would silently install the CPU build`;
    }
    if (why === undefined)
        return undefined;
    const choices = nearestValidChoices(catalog, want);
    const alternatives = [
        ...choices,
        ...(arm ? ['an NGC base image (variants[].base: nvcr.io/nvidia/pytorch:...)', 'drop linux/arm64'] : []),
    ];
    return `${why}; nearest valid: ${alternatives.join('; ') || 'none in the catalog'}`;
}


/***/ }),

/***/ 74725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xg: () => (/* binding */ checkedOutCommit),
/* harmony export */   Yc: () => (/* binding */ gitContextFromCheckout),
/* harmony export */   sp: () => (/* binding */ gitContextFromGitHubEnv)
/* harmony export */ });
/* harmony import */ var _github_event_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85015);
/* harmony import */ var _util_pull_request_code_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23419);
/* harmony import */ var _util_url_userinfo_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91373);



/**
 * The commit time in ISO 8601, when TEXT is a time: one that is not (an odd event payload, a git
 * too old for %cI) is left out as if absent, never an "Invalid time value" failing the run.
 */
function withCommitTime(text) {
    const time = text ? new Date(text) : undefined;
    return time && !Number.isNaN(time.getTime()) ? { commitTime: time.toISOString() } : {};
}
/**
 * On a GitHub runner: GITHUB_SHA / GITHUB_REF / the event payload (EVENT, which the entry point read
 * from GITHUB_EVENT_PATH: src/github/event.ts readGitHubEventFile). CHECKED_OUT: the commit the
 * checkout holds, where the caller read it (checkedOutCommit); it is then the commit tags and
 * labels name. A run that may build a pull request's code (an issue_comment
 * "/ok-to-test" run, a workflow_run after a pull request's: its GITHUB_REF is the default branch's)
 * is never the default branch's: no `latest`, `<variant>` or version tag for its image.
 */
function gitContextFromGitHubEnv(env, event, checkedOut) {
    if (env.GITHUB_ACTIONS !== 'true')
        return undefined;
    const pr = event.pull_request?.number;
    const defaultBranch = (0,_github_event_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultBranchOf */ .dV)(env, event, checkedOut);
    const ref = env.GITHUB_REF;
    // On pull_request events GITHUB_SHA is the merge commit; the head commit is what people see. A
    // run that may build a pull request's code without its payload, whose checkout was not read, gets
    // no sha: never GITHUB_SHA, the default branch's head, for what may be a pull request's code.
    const otherCode = event.pull_request === undefined && !env.GITHUB_HEAD_REF && (0,_util_pull_request_code_js__WEBPACK_IMPORTED_MODULE_1__/* .untrustedEvent */ .BT)(env, event);
    const sha = event.pull_request?.head?.sha ?? (otherCode ? checkedOut : (checkedOut ?? env.GITHUB_SHA));
    return {
        ...(sha !== undefined && { sha }),
        ...(ref !== undefined && { ref }),
        isDefaultBranch: pr === undefined &&
            defaultBranch !== undefined &&
            ref === `refs/heads/${defaultBranch}` &&
            !(0,_util_pull_request_code_js__WEBPACK_IMPORTED_MODULE_1__/* .mayBuildPullRequestCode */ .HE)(env, event) &&
            // A workflow_run run has the default branch's GITHUB_REF whatever the run it follows built:
            // only after one of the default branch (as the report's baseline, github-env.ts baselineOf).
            (env.GITHUB_EVENT_NAME !== 'workflow_run' || event.workflow_run?.head_branch === defaultBranch),
        ...(pr !== undefined && { prNumber: pr }),
        ...withCommitTime(event.head_commit?.timestamp),
        ...(env.GITHUB_SERVER_URL &&
            env.GITHUB_REPOSITORY && { repositoryUrl: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` }),
    };
}
/**
 * What a run reads of its checkout before the git context (one git process), where the commit it
 * builds may not be GITHUB_SHA: a schedule run (the one event whose default branch comes from
 * GITHUB_REF alone: see defaultBranchOf), and a run that may build a pull request's code without a
 * pull_request payload (an issue_comment "/ok-to-test" run, a repository_dispatch run), and any
 * workflow_run: its GITHUB_SHA is the default branch's head, its checkout often another commit, and
 * the `sha-` tag and revision label must name what was built, never take the default branch's commit.
 * Undefined elsewhere.
 */
async function checkedOutCommit(env, event, head) {
    if (env.GITHUB_ACTIONS !== 'true')
        return undefined;
    if (env.GITHUB_EVENT_NAME === 'schedule')
        return head();
    if (env.GITHUB_HEAD_REF)
        return undefined; // a pull_request payload: its head.sha
    return namesItsCheckout(env, event) ? head() : undefined;
}
/**
 * A run without a pull_request payload to name its head whose GITHUB_SHA may not be what it builds:
 * one whose event may have it build a pull request's code (untrustedEvent: not a Dependabot push,
 * whose GITHUB_SHA is what it builds), and any workflow_run (its GITHUB_SHA is the default branch's
 * head, whatever the run it follows built: a Dependabot branch's, a feature branch's).
 */
function namesItsCheckout(env, event) {
    const after = env.GITHUB_EVENT_NAME === 'workflow_run';
    return event.pull_request === undefined && !env.GITHUB_HEAD_REF && (after || (0,_util_pull_request_code_js__WEBPACK_IMPORTED_MODULE_1__/* .untrustedEvent */ .BT)(env, event));
}
/**
 * Outside GitHub: the local checkout (no git, or not a repository: an empty context). HEAD: the
 * commit, read as on a runner (docker/git-head.ts checkoutHead: never a bare repository's layout
 * committed where the tool runs, with a HEAD and a config of the committer's choosing); the reads
 * after it refuse a bare repository too, so they read the same one.
 */
async function gitContextFromCheckout(exec, cwd, head) {
    const git = async (...args) => {
        try {
            const r = await exec.run('git', ['-c', 'safe.bareRepository=explicit', ...args], { cwd });
            return r.exitCode === 0 ? r.stdout.trim() : undefined;
        }
        catch {
            return undefined;
        }
    };
    const sha = await head();
    if (!sha)
        return {};
    // Independent reads: side by side (each is a process; on a busy runner they add up).
    const [commitTime, tag, branch, remote] = await Promise.all([
        git('show', '-s', '--format=%cI', 'HEAD'),
        git('describe', '--tags', '--exact-match', 'HEAD'),
        git('symbolic-ref', '--short', 'HEAD'),
        git('remote', 'get-url', 'origin'),
    ]);
    const repositoryUrl = remote?.replace(/^git@([^:]+):/, 'https://$1/').replace(/\.git$/, '');
    return {
        sha,
        ...withCommitTime(commitTime),
        ...(tag ? { ref: `refs/tags/${tag}` } : branch ? { ref: `refs/heads/${branch}` } : {}),
        // Never with credentials from the URL.
        ...(repositoryUrl?.startsWith('https://') && { repositoryUrl: (0,_util_url_userinfo_js__WEBPACK_IMPORTED_MODULE_2__/* .withoutUserinfo */ .Q)(repositoryUrl) }),
    };
}


/***/ }),

/***/ 95842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C7: () => (/* binding */ planBuild),
  Bp: () => (/* binding */ taggedVariants)
});

// UNUSED EXPORTS: PLAN_SCHEMA_VERSION, PlanSchema

// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/config/platform.ts
var platform = __webpack_require__(15063);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/config/variant-place.ts
var variant_place = __webpack_require__(23549);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/config/variant-origin.ts
var variant_origin = __webpack_require__(52454);
// EXTERNAL MODULE: ./src/util/versions.ts
var versions = __webpack_require__(20395);
// EXTERNAL MODULE: ./src/plan/catalog.ts + 2 modules
var plan_catalog = __webpack_require__(9668);
// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
;// CONCATENATED MODULE: ./src/plan/tagged-cuda.ts
// The CUDA of an NVIDIA CUDA image, as its tag names it, weighed against the cuda a variant asks
// for (plan/base.ts' custom bases). Pure.



/** The CUDA X.Y an NVIDIA CUDA image's tag names (`12.8.1-runtime-ubuntu24.04`), if any. */
const cudaOfTag = (base) => /^(\d+\.\d+)(?:\.\d+)?-/.exec((0,oci_ref/* parseImageRef */.Q)(base).tag ?? '')?.[1];
/** The catalog's row of CUDA X.Y, or for a minor newer than its major's newest, that major's floors. */
const knownCuda = (catalog, cuda) => (0,plan_catalog/* cudaDriver */.cz)(catalog, cuda) ?? (0,plan_catalog/* newerCudaDriver */.NR)(catalog, cuda);
/**
 * The CUDA whose driver floor a variant with cuda ASKED needs on an NVIDIA CUDA image BASE, whose tag
 * names its own (12.8.1-runtime-ubuntu24.04): the newer of the two, said when they differ (the
 * image's libraries need its own, the torch wheels from the cuda index asked carry theirs).
 * Undefined where there is nothing to weigh: no cuda asked, no such base, or a tag naming no CUDA
 * the catalog knows.
 */
function taggedCuda(asked, base, catalog, where, out) {
    const tagged = base && cudaOfTag(base);
    if (asked === undefined || !tagged || !knownCuda(catalog, tagged) || (0,versions/* majorMinor */.v)(asked) === tagged)
        return undefined;
    const newer = (0,versions/* compareVersions */.Z)(tagged, (0,versions/* majorMinor */.v)(asked)) > 0 ? tagged : asked;
    out.warnings.push(`${where}: ${base} ships CUDA ${tagged}; cuda ${asked} is not what it has: the driver floor and the label follow the newer, ${(0,versions/* majorMinor */.v)(newer)} (torch wheels come from the cuda ${asked} index)`);
    return newer;
}
/**
 * What a variant that sets no cuda is told on an NVIDIA CUDA image BASE: the CUDA its tag names gets
 * no driver floor (none is recorded or checked, though the image's libraries need one), and a torch
 * asked comes from the CPU wheel index; `cuda` set to the image's CUDA gives both. Undefined for a
 * tag naming no CUDA the catalog knows when no torch is asked.
 */
function cudaNotAsked(base, torch, catalog) {
    const tagged = cudaOfTag(base);
    const driver = tagged === undefined ? undefined : knownCuda(catalog, tagged);
    const cpuTorch = torch === undefined ? '' : `torch ${torch} comes from the CPU wheel index, and `;
    if (driver) {
        // A CUDA newer than the catalog's has no torch wheels of its own: a torch asked takes its
        // major's (the image runs them: minor-version compatibility).
        const set = torch !== undefined && !(0,plan_catalog/* cudaDriver */.cz)(catalog, driver.cuda)
            ? `set cuda to a CUDA ${driver.cuda.split('.')[0]}.x that torch ${torch} has wheels for (the image's ${driver.cuda} runs them)`
            : `set cuda: "${driver.cuda}"${torch === undefined ? '' : ' for the floor and CUDA wheels'}`;
        return `${cpuTorch}${base} ships CUDA ${driver.cuda}, which needs NVIDIA driver >= ${driver.minorCompatDriverMin}: without the variant's cuda no driver floor is recorded or checked; ${set}`;
    }
    return torch === undefined
        ? undefined
        : `torch ${torch} comes from the CPU wheel index: give the variant its cuda (e.g. cuda: "12.8") for CUDA wheels`;
}
/**
 * A torch asked with a cuda newer than the catalog knows (13.4 on a custom base): its wheels would
 * come from the cu134 index, which no torch release has (pip would fail late, in the build), so
 * the plan refuses it, naming the way; undefined otherwise, and where python.torchIndexUrl names
 * another index.
 */
function newerCudaWithoutWheels(v, torchIndexUrl, catalog) {
    if (v.torch === undefined || v.cuda === undefined || torchIndexUrl !== undefined)
        return undefined;
    if ((0,plan_catalog/* cudaDriver */.cz)(catalog, v.cuda) || !(0,plan_catalog/* newerCudaDriver */.NR)(catalog, v.cuda))
        return undefined;
    const cuda = (0,versions/* majorMinor */.v)(v.cuda);
    return `torch ${v.torch} would come from the cu${cuda.replace('.', '')} wheel index, which no torch release has (CUDA ${cuda} is newer than the catalog knows): set cuda to a CUDA ${cuda.split('.')[0]}.x that torch ${v.torch} has wheels for (the base's newer CUDA runs them: minor-version compatibility), or python.torchIndexUrl to an index that has it`;
}

;// CONCATENATED MODULE: ./src/plan/torch-python.ts



/**
 * The Python a custom base ships, when its catalog family tells: a python:X.Y-slim tag's, the
 * Ubuntu Python of an nvidia/cuda tag; undefined otherwise (pytorch/pytorch rows name none).
 */
function shippedPython(base, fam) {
    const tag = (0,oci_ref/* parseImageRef */.Q)(base).tag ?? '';
    return fam?.family === 'python-slim'
        ? /^(\d+\.\d+)(?:[.-]|$)/.exec(tag)?.[1]
        : fam !== undefined && 'ubuntuPython' in fam
            ? fam.ubuntuPython[/-ubuntu(\d+\.\d+)$/.exec(tag)?.[1] ?? '']
            : undefined;
}
/**
 * The Python a custom base ships (shippedPython), else the one asked, else 3.12. A `python` given
 * otherwise than the image's is a warning (the image decides).
 */
function customPython(v, base, fam, where, warnings) {
    const shipped = shippedPython(base, fam);
    if (shipped !== undefined && v.python !== undefined && v.python !== shipped)
        warnings.push(`${where}: python ${v.python} is not what ${base} ships (Python ${shipped}); the image's Python is used`);
    return shipped ?? v.python ?? '3.12';
}
/**
 * Why the torch asked of a python:X.Y-slim or nvidia/cuda base cannot work, checked as a cpu or
 * cudaX.Y variant's is: a release the catalog knows without wheels for the image's Python (else the
 * one asked), the variant's CUDA (else the CPU wheels) or, with linux/arm64, aarch64 CUDA wheels.
 * Undefined when it can, for another base, or for a torch the catalog does not know.
 */
function familyTorchProblem(catalog, v, fam, platforms) {
    if (v.torch === undefined || (fam?.family !== 'python-slim' && fam?.family !== 'nvidia-cuda'))
        return undefined;
    const python = shippedPython(v.base, fam) ?? v.python;
    return (0,plan_catalog/* impossibleTorchCombination */.tQ)(catalog, {
        torch: v.torch,
        ...(v.cuda !== undefined && { cuda: v.cuda }),
        ...(python !== undefined && { python }),
    }, platforms);
}
/**
 * The torch version installed: "2.7" means the newest 2.7.x the catalog knows (CPU and CUDA alike:
 * pip would take 2.7.0 for "torch==2.7"); an exact "2.7.0" is kept as given, and one past the
 * newest patch the catalog knows is said (it may not exist: the build would fail at pip).
 */
function exactTorch(asked, info, where, warnings) {
    if (!info)
        return asked;
    if (asked === info.torch)
        return info.latestPatch;
    if ((0,versions/* compareVersions */.Z)(asked, info.latestPatch) > 0)
        warnings.push(`${where}: torch ${asked} is newer than the newest ${info.torch} release the catalog knows (${info.latestPatch}); if it does not exist, pip fails in the build`);
    return asked;
}
/**
 * The catalog's row of torch ASKED; undefined when it has none, with a warning naming the newest
 * release it knows and that WHEELS (the wheels the variant would take) are not checked.
 */
function catalogTorch(catalog, asked, where, warnings, wheels = 'wheels') {
    const info = (0,plan_catalog/* torchInfo */.vH)(catalog, asked);
    if (!info) {
        const newest = [...catalog.torch].sort((a, b) => (0,versions/* compareVersions */.Z)(b.torch, a.torch))[0];
        warnings.push(`${where}: torch ${asked} is not in the catalog (newest known: ${newest.torch}); its ${wheels} are not checked`);
    }
    return info;
}

;// CONCATENATED MODULE: ./src/plan/base.ts






/** Warnings and errors gathered over all variants (errors end the plan with exit 2). */
class Collector {
    warnings = [];
    errors = [];
}
function baseKind(v, catalog) {
    if (v.kind !== 'custom')
        return v.kind;
    return (0,plan_catalog/* familyOfImage */.lW)(catalog, v.base)?.family === 'ngc-pytorch' ? 'ngc' : 'custom';
}
/** The driver floor of a CUDA version, else an error naming the nearest; NEWER (a custom base): a
 * minor newer than the catalog's of its major gets the floors of the newest, said. */
function cudaFloor(catalog, cuda, where, out, newer = false) {
    const known = (0,plan_catalog/* cudaDriver */.cz)(catalog, cuda);
    const next = known ? undefined : (0,plan_catalog/* newerCudaDriver */.NR)(catalog, cuda);
    const d = known ?? (newer ? next : undefined);
    if (!d) {
        const valid = (0,plan_catalog/* nearest */.pA)(cuda, catalog.cudaDrivers.map((x) => x.cuda)).join(', ');
        const hint = next
            ? ` (a newer CUDA: give the variant its image as base, e.g. base: nvidia/cuda:${next.cuda}.0-runtime-ubuntu24.04, and its cuda)`
            : '';
        out.errors.push(`${where}: CUDA ${cuda} is not in the catalog; valid: ${valid}${hint}`);
        return undefined;
    }
    if (next)
        out.warnings.push(`${where}: CUDA ${cuda} is newer than the catalog knows (newest: ${next.newest}): its driver floors are CUDA ${next.cuda.split('.')[0]}.x's minor-version compatibility, ${d.minorCompatDriverMin}, and a toolkit driver of at least CUDA ${next.newest}'s, ${d.toolkitDriverMin}`);
    return {
        version: d.cuda,
        toolkitDriverMin: d.toolkitDriverMin,
        minorCompatDriverMin: d.minorCompatDriverMin,
    };
}
/** A custom base of the NGC PyTorch family: python, torch and CUDA come from the release. */
function ngcBase(input) {
    const { v, where, catalog, out, orDefault } = input;
    const base = v.base;
    const fam = (0,plan_catalog/* familyOfImage */.lW)(catalog, base);
    if (fam?.family !== 'ngc-pytorch')
        return customBase(input);
    const tag = (0,oci_ref/* parseImageRef */.Q)(base).tag ?? '';
    const rel = fam.releases.find((r) => r.tag === tag);
    if (!rel) {
        const known = fam.releases.map((r) => r.tag.replace('-py3', ''));
        out.warnings.push(`${where}: ${base} is not a release the catalog knows; nearest: ${(0,plan_catalog/* nearest */.pA)(tag.replace('-py3', ''), known)
            .map((t) => `${t}-py3`)
            .join(', ')}`);
    }
    const cuda = rel?.cuda ?? v.cuda;
    // The release decides its Python, CUDA and torch (NVIDIA's own torch build: a pip install over
    // it would replace it): what the config asks otherwise is said, not silently dropped.
    if (rel) {
        const asked = [
            v.python !== undefined && v.python !== rel.python && `python ${v.python} (it has ${rel.python})`,
            v.cuda !== undefined &&
                (0,versions/* majorMinor */.v)(v.cuda) !== (0,versions/* majorMinor */.v)(rel.cuda) &&
                `cuda ${v.cuda} (it has ${rel.cuda})`,
            v.torch !== undefined &&
                rel.torch !== v.torch &&
                !rel.torch.startsWith(`${v.torch}.`) &&
                `torch ${v.torch} (it has ${rel.torch})`,
        ].filter((x) => typeof x === 'string');
        if (asked.length > 0)
            out.warnings.push(`${where}: ${base} decides ${asked.join(', ')}; the release's are used`);
    }
    return {
        name: v.name,
        kind: v.kind,
        python: rel?.python ?? v.python ?? '3.12',
        ...(orDefault('ngc') !== undefined && { template: orDefault('ngc') }),
        ...(rel && { torch: { version: rel.torch } }),
        ...(cuda !== undefined && { cuda: cudaFloor(catalog, cuda, where, out) }),
        base: {
            ref: base,
            canonical: base,
            family: fam.family,
            platforms: fam.platforms,
            reason: rel
                ? `NGC PyTorch ${rel.tag}: torch ${rel.torch}, CUDA ${rel.cuda}, Python ${rel.python}${rel.numpy ? `, NumPy ${rel.numpy}` : ''}; ${fam.platforms.join(' + ')}`
                : `NGC PyTorch image (${fam.platforms.join(' + ')})`,
        },
    };
}
/** Any other base from the config: checked against its catalog family when it has one. */
function customBase({ v, where, whereOf, config, catalog, out, orDefault }) {
    const base = v.base;
    const fam = (0,plan_catalog/* familyOfImage */.lW)(catalog, base);
    const impossible = familyTorchProblem(catalog, v, fam, config.platforms);
    if (impossible !== undefined)
        out.errors.push(`${whereOf('torch')}: ${impossible}`);
    if (!fam) {
        out.warnings.push(`${where}: base image ${base} is not in the catalog; its platforms, CUDA and torch are not checked`);
    }
    const cudaImage = fam?.family === 'nvidia-cuda';
    const template = orDefault(cudaImage ? 'cuda' : 'cpu');
    // As for a CUDA variant: NVIDIA's CUDA images have no Python, which these templates expect.
    if (cudaImage && (template === 'cpu' || template === 'ngc'))
        out.errors.push(`${whereOf('template')}: template "${template}" cannot build on ${base}: NVIDIA's CUDA images have no Python, which that template expects of its base; use template "cuda" (the default for such a base)`);
    const python = customPython(v, base, fam, whereOf('python'), out.warnings);
    // A pytorch/pytorch image is its torch (a CUDA build): pip would replace it, so it is kept, and a
    // torch asked otherwise is said. Elsewhere the template installs the torch asked for, from the
    // wheel index of the variant's CUDA.
    const pytorchImage = fam?.family === 'pytorch-pytorch' ? fam : undefined;
    const shipped = pytorchImage?.releases.find((r) => r.tag === ((0,oci_ref/* parseImageRef */.Q)(base).tag ?? ''));
    if (pytorchImage && v.torch !== undefined && !(shipped?.torch ?? '').startsWith(v.torch))
        out.warnings.push(`${whereOf('torch')}: ${base} ships its own torch${shipped ? ` (${shipped.torch})` : ''}; torch ${v.torch} is not installed over it`);
    // Its CUDA is its torch build's, as an NGC release's: the driver floor (and a GPU runner) follow it.
    const cuda = shipped?.cuda ?? taggedCuda(v.cuda, cudaImage ? base : undefined, catalog, where, out) ?? v.cuda;
    if (shipped && v.cuda !== undefined && (0,versions/* majorMinor */.v)(v.cuda) !== (0,versions/* majorMinor */.v)(shipped.cuda))
        out.warnings.push(`${where}: ${base} ships CUDA ${shipped.cuda}; cuda ${v.cuda} is not what it has, its own is used`);
    const noWheels = pytorchImage ? undefined : newerCudaWithoutWheels(v, config.python.torchIndexUrl, catalog);
    if (noWheels !== undefined)
        out.errors.push(`${whereOf('torch')}: ${noWheels}`);
    const notAsked = cudaImage && v.cuda === undefined ? cudaNotAsked(base, v.torch, catalog) : undefined;
    if (notAsked !== undefined)
        out.warnings.push(`${v.torch === undefined ? where : whereOf('torch')}: ${notAsked}`);
    return {
        name: v.name,
        kind: v.kind,
        python,
        ...(template !== undefined && { template }),
        ...(shipped && { torch: { version: shipped.torch } }),
        ...(!pytorchImage &&
            v.torch !== undefined && {
            torch: {
                version: exactTorch(v.torch, (0,plan_catalog/* torchInfo */.vH)(catalog, v.torch), whereOf('torch'), out.warnings),
                indexUrl: (0,plan_catalog/* torchWheelIndex */.CS)(catalog, v.cuda ?? 'cpu', config.python.torchIndexUrl),
            },
        }),
        ...(cuda !== undefined && { cuda: cudaFloor(catalog, cuda, where, out, true) }),
        base: {
            ref: base,
            canonical: base,
            ...(fam
                ? {
                    family: fam.family,
                    platforms: (0,plan_catalog/* familyPlatforms */.H2)(fam),
                    reason: `custom base image (catalog family ${fam.family}: ${(0,plan_catalog/* familyPlatforms */.H2)(fam).join(' + ')} only)`,
                }
                : { reason: 'custom base image from the config (not in the catalog)' }),
        },
    };
}
/** A CPU variant: the official Python slim image, torch from the CPU wheel index. */
function cpuBase({ v, whereOf, config, catalog, out, orDefault }) {
    const py = (0,plan_catalog/* family */.T1)(catalog, 'python-slim');
    const python = v.python ?? '3.12';
    if (!py.pythonVersions.includes(python)) {
        out.errors.push(`${whereOf('python')}: no python:${python}-slim image in the catalog; valid: ${(0,plan_catalog/* nearest */.pA)(python, py.pythonVersions).join(', ')}`);
    }
    const where = whereOf('torch');
    const info = v.torch === undefined ? undefined : catalogTorch(catalog, v.torch, where, out.warnings);
    if (v.torch !== undefined) {
        // Without CUDA only the Python rules a torch out: a top-level torch is named, else a top-level
        // Python, else the variant.
        const impossible = (0,plan_catalog/* impossibleTorchCombination */.tQ)(catalog, { torch: v.torch, python }, config.platforms);
        const blamed = (0,variant_origin/* inheritedFrom */.H)(v, 'torch') === undefined ? whereOf('python') : where;
        if (impossible !== undefined)
            out.errors.push(`${blamed}: ${impossible}`);
    }
    const ref = `${py.repository}:${py.tagPattern.replace('{python}', python)}`;
    return {
        name: v.name,
        kind: v.kind,
        python,
        ...(orDefault('cpu') !== undefined && { template: orDefault('cpu') }),
        ...(v.torch !== undefined && {
            torch: {
                version: exactTorch(v.torch, info, where, out.warnings),
                indexUrl: (0,plan_catalog/* torchWheelIndex */.CS)(catalog, 'cpu', config.python.torchIndexUrl),
            },
        }),
        base: {
            ref,
            canonical: ref,
            family: py.family,
            platforms: py.platforms,
            reason: `official Python ${python} slim image, ${py.platforms.join(' + ')}`,
        },
    };
}
/**
 * The nvidia/cuda image of a CUDA minor: one release per (image patch, Ubuntu); prefer the
 * requested Python's Ubuntu, then cuDNN images, then the newer Ubuntu.
 */
function cudaImage({ v, where, whereOf, catalog, out }, cuda) {
    const cudaFam = (0,plan_catalog/* family */.T1)(catalog, 'nvidia-cuda');
    const options = cudaFam.releases
        .filter((r) => (0,versions/* majorMinor */.v)(r.cudaPatch) === (0,versions/* majorMinor */.v)(cuda))
        .flatMap((r) => r.ubuntu.map((u) => ({ r, u })));
    const rank = (o) => (cudaFam.ubuntuPython[o.u] === v.python ? 100 : 0) + (o.r.cudnn ? 10 : 0) + Number.parseFloat(o.u) / 100;
    const best = [...options].sort((a, b) => rank(b) - rank(a))[0];
    const release = best?.r;
    if (!release) {
        const known = cudaFam.releases.map((r) => (0,versions/* majorMinor */.v)(r.cudaPatch));
        out.errors.push(`${where}: no nvidia/cuda ${cuda} image in the catalog; valid CUDA versions: ${(0,plan_catalog/* nearest */.pA)(cuda, known).join(', ')}`);
    }
    const ubuntu = best?.u ?? '24.04';
    const python = cudaFam.ubuntuPython[ubuntu] ?? '3.12';
    if (v.python !== undefined && v.python !== python) {
        out.warnings.push(`${whereOf('python')}: nvidia/cuda images ship the Ubuntu Python (${Object.entries(cudaFam.ubuntuPython)
            .map(([u, p]) => `${p} on ${u}`)
            .join(', ')}); python ${v.python} was asked, the image gets ${python}`);
    }
    const flavor = release?.cudnn ? 'cudnn-runtime' : 'runtime';
    const ref = `${cudaFam.repository}:${cudaFam.tagPattern
        .replace('{cudaPatch}', release?.cudaPatch ?? (0,plan_catalog/* cudaDriver */.cz)(catalog, cuda)?.latestPatch ?? cuda)
        .replace('{flavor}', flavor)
        .replace('{ubuntu}', ubuntu)}`;
    return {
        ref,
        python,
        platforms: release?.platforms ?? cudaFam.releases[0].platforms,
        reason: `NVIDIA CUDA ${release?.cudaPatch ?? cuda} ${flavor} on Ubuntu ${ubuntu} (Python ${python}), ${(release?.platforms ?? []).join(' + ')}`,
    };
}
/** torch for a CUDA variant: the asked or newest release with these wheels, from the cuXYZ index. */
function cudaTorch({ v, whereOf, config, catalog, out }, cuda, python) {
    const torchVersion = v.torch ?? (0,plan_catalog/* newestTorchFor */.e$)(catalog, cuda, python)?.latestPatch;
    const where = whereOf('torch');
    if (torchVersion === undefined) {
        out.warnings.push(`${where}: no torch release in the catalog has CUDA ${cuda} wheels; torch is not installed`);
        return undefined;
    }
    const info = catalogTorch(catalog, torchVersion, where, out.warnings, `CUDA ${cuda} wheels`);
    if (info) {
        // The catalog KNOWS this torch: a combination it knows cannot work is an error (exit 2).
        const impossible = (0,plan_catalog/* impossibleTorchCombination */.tQ)(catalog, { torch: info.torch, cuda, python }, config.platforms);
        if (impossible !== undefined)
            out.errors.push(`${where}: ${impossible}`);
    }
    return {
        version: exactTorch(torchVersion, info, where, out.warnings),
        indexUrl: (0,plan_catalog/* torchWheelIndex */.CS)(catalog, cuda, config.python.torchIndexUrl),
    };
}
/** A CUDA variant: nvidia/cuda runtime (+cuDNN) and torch from the matching wheel index. */
function cudaBase(input) {
    const { v, where, whereOf, catalog, out, orDefault } = input;
    const cuda = v.cuda;
    const floor = cudaFloor(catalog, cuda, where, out);
    const image = cudaImage(input, cuda);
    const torch = cudaTorch(input, cuda, image.python);
    const template = orDefault('cuda');
    // The cpu and ngc templates expect Python in the base (a python or NGC image): NVIDIA's CUDA
    // images have none, and the build would fail at its first pip, after the base is pulled.
    if (template === 'cpu' || template === 'ngc')
        out.errors.push(`${whereOf('template')}: template "${template}" cannot build on ${image.ref}: NVIDIA's CUDA images have no Python, which that template expects of its base; use template "cuda" (the default for a CUDA variant), or give the variant a base image with Python (base:)`);
    return {
        name: v.name,
        kind: v.kind,
        python: image.python,
        ...(template !== undefined && { template }),
        ...(torch && { torch }),
        ...(floor && { cuda: floor }),
        base: {
            ref: image.ref,
            canonical: image.ref,
            family: 'nvidia-cuda',
            platforms: image.platforms,
            reason: image.reason,
        },
    };
}
/** One handler per base kind. */
const BASE_HANDLERS = {
    cpu: cpuBase,
    cuda: cudaBase,
    ngc: ngcBase,
    custom: customBase,
};
/** The base image, torch and CUDA of variant `index`, with its warnings and errors in `out`. */
function chooseBase(v, index, config, catalog, out) {
    // An explicit template wins; then the user's Dockerfile (no template); then the kind's default.
    const template = v.template ?? config.build.template;
    const ownDockerfile = template === undefined && config.build.dockerfile !== undefined;
    const orDefault = (t) => template ?? (ownDockerfile ? undefined : t);
    const where = `variants[${index}] (${v.name})`;
    const topLevel = {
        torch: (0,variant_origin/* inheritedFrom */.H)(v, 'torch'),
        python: (0,variant_origin/* inheritedFrom */.H)(v, 'python'),
        template: v.template === undefined && config.build.template !== undefined ? 'build.template' : undefined,
    };
    const whereOf = (field) => {
        const top = topLevel[field];
        return top === undefined ? where : `${top} (variants[${index}] ${v.name})`;
    };
    return BASE_HANDLERS[baseKind(v, catalog)]({ v, where, whereOf, config, catalog, out, orDefault });
}

// EXTERNAL MODULE: ./src/plan/schema.ts
var plan_schema = __webpack_require__(47684);
;// CONCATENATED MODULE: ./src/plan/tags.ts
// Tags and OCI labels of a variant. Pure: the git/CI context is passed in.
//
// Tag rules (docs/configuration.md "Tags"):
//   <version>-<variant>        when a version is known (image.version, or a v1.2.3 git tag), on a
//                              release build: not a pull request, nor a branch known not to be the
//                              default (see releaseBuild)
//   sha-<sha7>-<variant>       whenever the commit is known
//   pr-<n>-<variant>           on pull requests
//   <variant>                  on the default branch (the variant's moving "latest")
//   latest                     on the default branch, for the first variant of the config only
//   dev-<variant>              when none of the above applies (a local build outside git)


/**
 * A version from a tag ref like refs/tags/v1.4.0 -> "1.4.0"; a "+" becomes "-" (tagSafeVersion),
 * as in image.version: refs/tags/v1.0.0+build.5 -> "1.0.0-build.5".
 */
function versionFromRef(ref) {
    const m = /^refs\/tags\/v?(\d+\.\d+\.\d+[A-Za-z0-9.+-]*)$/.exec(ref ?? '');
    return m ? (0,oci_ref/* tagSafeVersion */.IU)(m[1]) : undefined;
}
/**
 * Whether a build may push the version tag: a tag ref, or no pull request and no branch known not
 * to be the default one. A pull request (same repository: its image is pushed), another branch or
 * the merge queue would otherwise move `1.4.0-cpu` to unmerged code; a local build whose branch
 * cannot be told from the default one (isDefaultBranch unknown) keeps it.
 */
function releaseBuild(git) {
    if (git.ref?.startsWith('refs/tags/'))
        return true;
    return git.prNumber === undefined && git.isDefaultBranch !== false;
}
function computeTags(t) {
    const tags = [];
    const add = (tag) => {
        const full = `${t.repository}:${tag}`;
        if (!tags.includes(full))
            tags.push(full);
    };
    const version = t.version ?? versionFromRef(t.git.ref);
    if (version !== undefined && releaseBuild(t.git))
        add(`${version}-${t.variant}`);
    if (t.git.sha)
        add(`sha-${t.git.sha.slice(0, 7)}-${t.variant}`);
    if (t.git.prNumber !== undefined)
        add(`pr-${t.git.prNumber}-${t.variant}`);
    if (t.git.isDefaultBranch) {
        add(t.variant);
        if (t.primary)
            add('latest');
    }
    if (tags.length === 0)
        add(`dev-${t.variant}`);
    return tags;
}
/** OCI labels plus the project's own. The base image digest label is added at build time. */
function computeLabels(l) {
    const version = l.version ?? versionFromRef(l.git.ref);
    return {
        'org.opencontainers.image.title': l.title,
        'org.opencontainers.image.created': l.git.commitTime ?? l.created.toISOString(),
        ...(l.git.repositoryUrl !== undefined && { 'org.opencontainers.image.source': l.git.repositoryUrl }),
        ...(l.git.sha !== undefined && { 'org.opencontainers.image.revision': l.git.sha }),
        ...(version !== undefined && { 'org.opencontainers.image.version': version }),
        'org.opencontainers.image.base.name': l.baseImage,
        [`${plan_schema/* LABEL_PREFIX */.Ag}.variant`]: l.variant,
        [`${plan_schema/* LABEL_PREFIX */.Ag}.python`]: l.python,
        ...(l.cuda !== undefined && { [`${plan_schema/* LABEL_PREFIX */.Ag}.cuda`]: l.cuda }),
        ...(l.torch !== undefined && { [`${plan_schema/* LABEL_PREFIX */.Ag}.torch`]: l.torch }),
        [`${plan_schema/* LABEL_PREFIX */.Ag}.base-image`]: l.baseImage,
    };
}

;// CONCATENATED MODULE: ./src/plan/plan.ts
// plan: expand variants x platforms into build targets and choose, with a stated reason, the base
// image, torch wheel index and driver floor of each variant. Pure: catalog and context passed in.










/** Default runner labels per platform (the reusable workflow maps targets onto them). */
const DEFAULT_RUNNERS = {
    'linux/amd64': 'ubuntu-latest',
    'linux/arm64': 'ubuntu-24.04-arm',
};
/**
 * The variants whose order and count the tags follow: the config file's own list (a file listing
 * none: its default, cpu) whenever there is a file, so its first variant alone gets `latest` and
 * every variant of a file with several gets its suffix in whichever job builds it (--variants, the
 * variants input: a matrix job builds one). Planned variants the file does not list come after its
 * own, also when none of the planned is the file's: a matrix job of `cuda12.8` beside one of `cpu`
 * on a file of [cpu] must not push `latest` (or the tags input's plain tags) too. Never fewer than
 * are planned: two planned variants never share the tags input's tags. Without a file (the inputs
 * carry the whole config) the default, cpu, as for a file that lists none: a `cuda12.8` job beside
 * a `cpu` job must not push the plain tags either.
 */
function taggedVariants(planned, fileVariants) {
    const listed = fileVariants ?? schema/* DEFAULT_VARIANTS */.he;
    return [...listed, ...planned.filter((n) => !listed.includes(n))];
}
/** An error for each platform of the config the chosen base image does not have. */
function checkPlatforms(chosen, where, config, out) {
    for (const p of config.platforms) {
        if (chosen.base.platforms && !chosen.base.platforms.includes(p)) {
            out.errors.push(`${where}: ${chosen.base.canonical} has no ${p} image (${chosen.base.family ?? 'it'} is ${chosen.base.platforms.join(' + ')} only); use nvcr.io/nvidia/pytorch or the cuda template for ${p}, or drop ${p} from platforms`);
        }
    }
}
/** A mirror key that is a registry's host alone (`nvcr.io`), no repository. */
const REGISTRY_ONLY = /^(?:[^/]*[.:][^/]*|localhost)\/?$/;
/**
 * A build.mirrors key that no planned base goes through is said (a typo, `docker.io/library/pytho`,
 * left the base pulled from its own registry without a word).
 */
function unusedMirrors(config, variants, out) {
    // A key that matches a base counts, though a longer one wins; a registry's own name (`nvcr.io`,
    // an organisation's list of mirrors) is no typo to point out.
    const used = new Set(variants.flatMap((v) => (0,oci_ref/* mirrorKeysOf */.BB)(v.base.canonical, config.build.mirrors)));
    for (const key of Object.keys(config.build.mirrors).filter((k) => !used.has(k) && !REGISTRY_ONLY.test(k)))
        out.warnings.push(`build.mirrors: "${key}" is the mirror of no base image planned (${[...new Set(variants.map((v) => (0,oci_ref/* repositoryOf */._M)(v.base.canonical)))].join(', ')}): check its spelling (a name alone, "python", is Docker Hub's docker.io/library/python)`);
}
/** The base through the config's mirrors; the reason says so when a mirror applies. */
function mirroredBase(chosen, config) {
    const mirrored = (0,oci_ref/* applyMirrors */.J4)(chosen.base.ref, config.build.mirrors);
    return {
        ...chosen.base,
        ref: mirrored,
        ...(mirrored !== chosen.base.ref && { reason: `${chosen.base.reason} (via mirror ${mirrored})` }),
    };
}
function buildArgsOf(v, chosen, base) {
    return {
        BASE_IMAGE: base.ref,
        PYTHON_VERSION: chosen.python,
        ML_IMAGE_VARIANT: v.name,
        ...(chosen.torch?.indexUrl !== undefined && {
            TORCH_VERSION: chosen.torch.version,
            TORCH_INDEX_URL: chosen.torch.indexUrl,
        }),
        ...(chosen.cuda && { ML_IMAGE_CUDA: chosen.cuda.version }),
    };
}
/** One variant's plan: its base (checked against the platforms), build args, tags and labels. */
function planVariant(v, i, config, ctx, naming, out) {
    const { repository, version, primary } = naming;
    const chosen = chooseBase(v, i, config, ctx.catalog, out);
    checkPlatforms(chosen, `variants[${i}] (${v.name})`, config, out);
    const base = mirroredBase(chosen, config);
    const tags = computeTags({
        repository,
        variant: v.name,
        primary: v.name === primary,
        ...(version !== undefined && { version }),
        git: ctx.git,
    });
    for (const tag of tags.map((t) => t.slice(t.lastIndexOf(':') + 1)))
        if (tag.length > MAX_TAG_LENGTH)
            out.errors.push(longTagProblem(tag, [i, v.name], version, config, ctx.git.ref));
    return {
        ...chosen,
        base,
        primary: v.name === primary,
        platforms: [...config.platforms],
        buildArgs: buildArgsOf(v, chosen, base),
        tags,
        labels: computeLabels({
            title: config.image.name,
            variant: v.name,
            python: chosen.python,
            ...(chosen.cuda && { cuda: chosen.cuda.version }),
            ...(chosen.torch && { torch: chosen.torch.version }),
            baseImage: chosen.base.canonical,
            ...(version !== undefined && { version }),
            git: ctx.git,
            created: ctx.now,
        }),
    };
}
/** Docker's longest tag (the distribution spec's tag grammar: 128 characters). */
const MAX_TAG_LENGTH = 128;
/** The most jobs a GitHub Actions matrix runs: the build targets are the reusable workflow's matrix. */
const MAX_TARGETS = 256;
/**
 * Why TAG, a tag of variants[I] (named NAME), is refused: over MAX_TAG_LENGTH. Only
 * `<version>-<variant>` can be (a variant's name is at most 64 characters, a version has no bound of
 * its own): it names image.version first when the config sets it (CONFIG), so the problem is put on
 * that line; else the variant, the version being the git tag's (REF).
 */
function longTagProblem(tag, [i, name], version, config, ref) {
    const where = `variants[${i}] (${name})`;
    const long = `is ${tag.length} characters, over the ${MAX_TAG_LENGTH} a registry takes`;
    if (version === undefined || tag !== `${version}-${name}`)
        return `${where}: the tag "${tag}" ${long}: shorten the variant's name`;
    const most = `at most ${MAX_TAG_LENGTH - name.length - 1} characters beside this variant's name`;
    if (config.image.version !== undefined)
        return `image.version: the tag "${tag}" of ${where} ${long}: shorten image.version (${most}) or the variant's name`;
    const gitTag = ref?.replace(/^refs\/tags\//, '') ?? '';
    return `${where}: the tag "${tag}" ${long}: its version comes from the git tag ${gitTag}: set a shorter image.version (${most}) or shorten the variant's name`;
}
/** One build target per variant and platform, on the platform's default runner. */
function targetsOf(variants) {
    return variants.flatMap((v) => v.platforms.map((p) => ({
        id: `${v.name}-${(0,platform/* archOf */.Qh)(p)}`,
        variant: v.name,
        platform: p,
        arch: (0,platform/* archOf */.Qh)(p),
        runner: DEFAULT_RUNNERS[p],
    })));
}
/**
 * Two variants must never push one tag: the second push would move the first variant's tag (a
 * variant named "latest", or "1.0.0-cpu" beside a variant "cpu" at version 1.0.0). Checked in the
 * run's own git context, in that of a push to the default branch and in that of a pull request,
 * so a local plan finds what CI would push.
 */
function checkTagCollisions(config, git, naming, out) {
    const contexts = [
        git,
        { ...git, isDefaultBranch: true, prNumber: undefined },
        { ...git, isDefaultBranch: false, prNumber: git.prNumber ?? 1 },
    ];
    const reported = new Set();
    for (const context of contexts) {
        const owner = new Map();
        config.variants.forEach((v, i) => {
            for (const full of computeTags({
                repository: naming.repository,
                variant: v.name,
                primary: v.name === naming.primary,
                ...(naming.version !== undefined && { version: naming.version }),
                git: context,
            })) {
                const tag = full.slice(full.lastIndexOf(':') + 1);
                const first = owner.get(tag);
                if (first === undefined)
                    owner.set(tag, i);
                else if (!reported.has(tag)) {
                    reported.add(tag);
                    const other = config.variants[first];
                    out.errors.push(`variants[${i}] (${v.name}): it would push the tag "${tag}" that variants[${first}] (${other.name}) pushes${context === git ? '' : ' on the default branch or a pull request'}: rename one of them`);
                }
            }
        });
    }
}
/**
 * PROBLEM with the variants it names that the config file does not list said to come from the
 * variants selection (--variants, the action's variants input): shorthand it made, named by its
 * index in that list ("variants[1] (cuda12.4)" where the file's variants[1] is another).
 */
function withSelectionNamed(problem, ctx) {
    const listed = ctx.fileVariants;
    if (listed === undefined)
        return problem;
    const named = [...problem.matchAll(/\bvariants\[\d+\] \(([^()\s]+)\)|\(variants\[\d+\] ([^()\s]+)\)/g)];
    const made = [...new Set(named.map((m) => (m[1] ?? m[2])).filter((n) => !listed.includes(n)))];
    if (made.length === 0)
        return problem;
    return `${problem} (from --variants or the variants input: ${ctx.configFile ?? 'the config file'} lists no ${made.map((n) => `"${n}"`).join(' or ')})`;
}
function planBuild(config, ctx) {
    const out = new Collector();
    const repository = `${config.image.registry}/${config.image.name}`;
    const version = config.image.version ?? versionFromRef(ctx.git.ref);
    const primary = taggedVariants(config.variants.map((v) => v.name), ctx.fileVariants)[0];
    const naming = { repository, version, primary };
    const variants = config.variants.map((v, i) => planVariant(v, i, config, ctx, naming, out));
    checkTagCollisions(config, ctx.git, naming, out);
    unusedMirrors(config, variants, out);
    const count = variants.length * config.platforms.length;
    if (count > MAX_TARGETS)
        out.errors.push(`variants x platforms: ${count} build targets (${variants.length} x ${config.platforms.length}); a GitHub Actions matrix runs at most ${MAX_TARGETS} jobs: split the variants over several config files`);
    if (out.errors.length > 0)
        throw new errors/* ConfigError */.xL(ctx.configFile === undefined ? 'plan' : `plan of ${ctx.configFile}`, 
        // The line first (ctx.lineOf takes the config's paths), then a variant the file lists named
        // by its index there (a --variants selection plans [old] from [cpu, cuda12.8, old]), and one
        // it does not list as the selection's.
        out.errors.map((e) => withSelectionNamed((0,variant_place/* variantsAsInFile */.Mg)((0,issues/* withFieldLine */.d0)(e, ctx.lineOf), ctx.fileVariants, (i) => ctx.lineOf?.(['variants', i]) !== undefined), ctx)), { ...(ctx.configFile !== undefined && { file: ctx.configFile }) });
    const targets = targetsOf(variants);
    return {
        schemaVersion: plan_schema/* PLAN_SCHEMA_VERSION */.jk,
        repository,
        ...(version !== undefined && { version }),
        variants,
        targets,
        warnings: out.warnings,
        matrix: {
            include: targets.map((t) => ({
                variant: t.variant,
                platform: t.platform,
                arch: t.arch,
                runner: t.runner,
            })),
        },
    };
}


/***/ }),

/***/ 23419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BT: () => (/* binding */ untrustedEvent),
/* harmony export */   HE: () => (/* binding */ mayBuildPullRequestCode),
/* harmony export */   Rv: () => (/* binding */ FORK_MARK),
/* harmony export */   cq: () => (/* binding */ refusePullRequestTarget),
/* harmony export */   lw: () => (/* binding */ untrustedReason)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// Whether a GitHub Actions run may build a pull request's code: the one predicate that keeps such
// a run from writing what a branch's run reads (the build cache, the docker driver's push tag, the
// report's baseline). Pure over the runner's environment and the facts of its event payload.

/**
 * The events whose runs build only what is on a branch of the repository already: a push, a
 * schedule, a manual run, the merge queue, a release, a branch or tag created (pushed). Any other
 * may build a pull request's code: pull_request and pull_request_target, issue_comment workflows
 * that check out a pull request's head, repository_dispatch and deployment (started by someone
 * with write access, but the "/ok-to-test" and preview-deploy patterns check out a pull request's
 * head), and events this list does not know yet. workflow_run: see mayBuildPullRequestCode.
 */
const TRUSTED_EVENTS = new Set([
    'push',
    'schedule',
    'workflow_dispatch',
    'merge_group',
    'release',
    'create',
]);
/** The login GitHub runs Dependabot's workflows as: GITHUB_ACTOR of its pull requests' and pushes' runs. */
const DEPENDABOT = 'dependabot[bot]';
/**
 * A run of a Dependabot branch (a push, a branch created), whoever pushed: a person's commit on
 * Dependabot's branch (a fixup for the update) leaves the updated dependency's code unreviewed, as
 * the pull request's author rule has it for Dependabot's pull requests. Any branch name starting
 * `dependabot`: dependabot.yml's pull-request-branch-name separator may be '/', '-' or '_'.
 */
const dependabotBranch = (env) => (env.GITHUB_REF ?? '').startsWith('refs/heads/dependabot');
/**
 * The reusable workflow's mark of a run it handles as a fork's (`ML_IMAGE_FORK: 'true'` in its env):
 * a fork's or Dependabot's, or one of an `untrusted-authors` login, whose push runs the action cannot
 * tell from a person's by GITHUB_ACTOR alone. Any workflow may set it; only 'true' is read.
 */
const FORK_MARK = 'ML_IMAGE_FORK';
/**
 * On GitHub Actions: true for a run whose event is not in TRUSTED_EVENTS, that has GITHUB_HEAD_REF
 * set (a pull request's run, whatever the event), that the workflow marks as a fork's (FORK_MARK),
 * of a dependabot/... branch whoever pushed, or that Dependabot started (GITHUB_ACTOR: a push
 * to its own dependabot/... branch runs the updated dependency's code as `push`; GitHub gives
 * such a run a read-only token and no secrets, as a fork's). A workflow_run run is trusted
 * only when the run that triggered it was (its event is in TRUSTED_EVENTS) and built this
 * repository's own code (its head repository is GITHUB_REPOSITORY): a fork's pull request, or a
 * payload that does not say, may be built. Elsewhere (a workstation, another CI) false, there
 * being no pull request to tell apart, unless the run is marked (FORK_MARK: another CI's
 * merge-request pipeline, so that it writes no cache the default branch's pipeline reads).
 */
function mayBuildPullRequestCode(env, event = {}) {
    // The mark is read on any CI: another's merge-request pipelines can set it for their runs.
    if (env[FORK_MARK] === 'true')
        return true;
    if (env.GITHUB_ACTIONS !== 'true')
        return false;
    return (Boolean(env.GITHUB_HEAD_REF) ||
        env.GITHUB_ACTOR === DEPENDABOT ||
        dependabotBranch(env) ||
        untrustedEvent(env, event));
}
/**
 * Whether the run's event may have it build a pull request's code whoever started it: not one of
 * TRUSTED_EVENTS, or a workflow_run after an untrusted run (mayBuildPullRequestCode without the
 * head ref and the actor: its checkout, not GITHUB_SHA, may hold what it builds).
 */
function untrustedEvent(env, event = {}) {
    if (env.GITHUB_ACTIONS !== 'true')
        return false;
    const name = env.GITHUB_EVENT_NAME ?? '';
    if (name === 'workflow_run')
        return !trustedTrigger(env.GITHUB_REPOSITORY, event.workflow_run);
    return !TRUSTED_EVENTS.has(name);
}
function trustedTrigger(repository, run) {
    const head = run?.head_repository?.full_name;
    return (repository !== undefined &&
        head !== undefined &&
        head.toLowerCase() === repository.toLowerCase() &&
        TRUSTED_EVENTS.has(run?.event ?? '') &&
        // Not a run of Dependabot's, nor of its branch (whoever pushed there), as for the run itself.
        run?.actor?.login !== DEPENDABOT &&
        !(run?.head_branch ?? '').startsWith('dependabot'));
}
/** Why a run that may build a pull request's code is treated so, for the one log line. */
function untrustedReason(env) {
    if (env.GITHUB_HEAD_REF)
        return `a pull request's run (${env.GITHUB_EVENT_NAME ?? 'unknown event'})`;
    if (env.GITHUB_ACTOR === DEPENDABOT)
        return `a run Dependabot started (${env.GITHUB_EVENT_NAME ?? 'unknown event'})`;
    if (dependabotBranch(env))
        return `a run of Dependabot's branch ${env.GITHUB_REF ?? ''} (${env.GITHUB_EVENT_NAME ?? 'unknown event'}: whoever pushed, the update's code is unreviewed)`;
    if (env[FORK_MARK] === 'true')
        return `a run the workflow handles as a fork's (${FORK_MARK}=true: a fork's, Dependabot's or an untrusted author's; ${env.GITHUB_EVENT_NAME ?? 'unknown event'})`;
    const name = env.GITHUB_EVENT_NAME ?? '';
    return name === 'workflow_run'
        ? "a workflow_run run whose triggering run is not a trusted event of this repository's own code"
        : `a ${name || 'unknown'} run (only push, schedule, workflow_dispatch, merge_group, release and create runs are trusted)`;
}
/**
 * A pull_request_target run has a write token and the repository's secrets beside whatever it checks
 * out, and its GITHUB_REF is the base branch (cache and baseline scopes): the stages never run there,
 * as the reusable workflow refuses it (docs/workflows.md). WHO names the refuser in the message:
 * the action (its poster, from-artifact, builds nothing and may), or a CLI command that builds.
 */
function refusePullRequestTarget(env, who) {
    if (env.GITHUB_ACTIONS !== 'true' || env.GITHUB_EVENT_NAME !== 'pull_request_target')
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${who} does not run its stages on pull_request_target: that event runs with a write token and the repository's secrets beside the checked-out code, and with the base branch's cache scope`, "trigger the workflow on pull_request (a fork's run gets a read-only token and writes the fork-safe comment artifact) and post the comment from a workflow_run job (from-artifact); see docs/workflows.md");
}


/***/ }),

/***/ 91373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ withoutUserinfo)
/* harmony export */ });
// A URL without its login: what names a repository in labels and attestations (no user, no
// password, no token in place of a user name). Pure.
/**
 * URL with the userinfo of its authority taken out: `https://ci:pw@host/r` -> `https://host/r`. The
 * userinfo runs to the last @ before the path, query or fragment (a password may hold a raw @, as
 * git and WHATWG URLs read it).
 */
function withoutUserinfo(url) {
    return url.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/, '$1');
}


/***/ }),

/***/ 20395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ compareVersions),
/* harmony export */   v: () => (/* binding */ majorMinor)
/* harmony export */ });
// Dotted version strings ("2.10", "12.8.1", "0.30.0+cu128"): comparison and major.minor, shared by
// the plan, the build (buildx feature checks) and the other stages. Pure.
/** A dotted part's number, as parseInt reads it (leading digits, sign; none 0), exact at any size. */
function partValue(part) {
    const digits = /^\s*[-+]?\d+/.exec(part)?.[0];
    return digits === undefined ? 0n : BigInt(digits);
}
/**
 * Numeric comparison of dotted versions ("2.10" > "2.9"); missing parts count as 0. -1, 0 or 1: a
 * total order, also where a part is past 2^53 (as a float, "1e400"-sized parts compared NaN).
 */
function compareVersions(a, b) {
    const pa = a.split(/[.+]/).map(partValue);
    const pb = b.split(/[.+]/).map(partValue);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const x = pa[i] ?? 0n;
        const y = pb[i] ?? 0n;
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}
/** "2.7.1" -> "2.7"; "12.8.1" -> "12.8". */
function majorMinor(v) {
    return v.split('.').slice(0, 2).join('.');
}


/***/ })

};
