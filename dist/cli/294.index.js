export const id = 294;
export const ids = [294];
export const modules = {

/***/ 9142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ew: () => (/* binding */ canonicalName),
  Q4: () => (/* binding */ envReferences),
  XW: () => (/* binding */ parseRequirementsText)
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


/***/ }),

/***/ 82674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CF: () => (/* binding */ readRequirementsText),
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
        for (const r of (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .envReferences */ .Q4)(text)) {
            if ((0,_util_runner_env_js__WEBPACK_IMPORTED_MODULE_5__/* .isRunnerOwnVariable */ .P)(r)) {
                const line = text.split('\n').findIndex((l) => l.includes(`\${${r}}`)) + 1;
                problems.push(`${abs}:${line}: \${${r}} ${_util_runner_env_js__WEBPACK_IMPORTED_MODULE_5__/* .RUNNER_OWN_VARIABLE */ .X}`);
            }
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(files.join(', '), listed, FIX);
    }
    return { text: out.join('\n'), origins, requirements, indexes, envReferences: [...refs] };
}
function includeOf(l) {
    if (l.kind !== 'option')
        return undefined;
    const o = l.options.find((x) => x.option === 'requirement' || x.option === 'constraint');
    return o?.value !== undefined ? { path: o.value, constraint: o.option === 'constraint' } : undefined;
}
function readRequirementsText(files, baseDir) {
    return readRequirements(files, baseDir).text;
}


/***/ }),

/***/ 63207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J5: () => (/* binding */ indexUnreachable),
/* harmony export */   QT: () => (/* binding */ requirementNames),
/* harmony export */   UJ: () => (/* binding */ conflictBlock),
/* harmony export */   _b: () => (/* binding */ classifyPipFailure),
/* harmony export */   bK: () => (/* binding */ userRequestedInConflict),
/* harmony export */   ds: () => (/* binding */ pipMessage),
/* harmony export */   xV: () => (/* binding */ transientIndexError)
/* harmony export */ });
/* unused harmony exports invalidRequirement, noMatchingDistribution, isResolutionImpossible */
/* harmony import */ var _requirements_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9142);
// Reading pip's own words: the "conflict is caused by" block, invalid requirement lines, and the
// signs of an unreachable index. Pure functions over pip's output.

/** The lines of pip's "The conflict is caused by:" block (ResolutionImpossible). */
function conflictBlock(output) {
    const lines = output.split(/\r?\n/);
    const start = lines.findIndex((l) => /The conflict is caused by:/.test(l));
    if (start < 0)
        return [];
    const block = [];
    for (const l of lines.slice(start + 1)) {
        if (l.trim() === '')
            break;
        block.push(l.trim());
    }
    return block;
}
const canon = (n) => n.toLowerCase().replace(/[-_.]+/g, '-');
/**
 * The user's packages that pip blames in the conflict block: "The user requested X..." (not a
 * constraint), or "X 1.2 depends on ..." when X is one of `requested` (pip 23 often prints only that).
 */
function userRequestedInConflict(block, requested = []) {
    const wanted = new Set(requested.map(canon));
    const names = new Set();
    for (const l of block) {
        const asked = /^The user requested (?!\(constraint\))([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(l);
        if (asked)
            names.add(canon(asked[1]));
        const dep = /^([A-Za-z0-9][A-Za-z0-9._-]*) \S+ depends on /.exec(l);
        if (dep && wanted.has(canon(dep[1])))
            names.add(canon(dep[1]));
    }
    return [...names];
}
/** Project names of a requirements text (lines parsed as pip does; options, bare paths and URLs without #egg= skipped). */
function requirementNames(text) {
    return (0,_requirements_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRequirementsText */ .XW)(text).lines.flatMap((l) => l.kind === 'requirement' && l.name !== undefined ? [l.name] : []);
}
/** pip: "Invalid requirement: 'numpy>>2' (from line 3 of /tmp/x/requirements.txt)" */
function invalidRequirement(output) {
    const m = /Invalid requirement: '([^']*)'(?:[^\n]*?\(from line (\d+) of [^)]*\))?/.exec(output);
    if (!m)
        return undefined;
    return { requirement: m[1], line: m[2] ? Number(m[2]) : 0 };
}
const UNREACHABLE = /NewConnectionError|Failed to establish a new connection|Max retries exceeded|Name or service not known|Temporary failure in name resolution|Connection refused|ConnectTimeoutError|Could not fetch URL .*: There was a problem confirming the ssl certificate/i;
/** pip could not reach the index (it then says "from versions: none", which is not the user's fault). */
function indexUnreachable(output) {
    const line = output.split(/\r?\n/).find((l) => UNREACHABLE.test(l));
    return line?.trim();
}
/** "No matching distribution found for foo" with an index that answered: the package does not exist. */
function noMatchingDistribution(output) {
    return /No matching distribution found for ([^\s]+)/.exec(output)?.[1];
}
// ---- pip failures that are not conflicts ------------------------------------------------------
const TRANSIENT = /too many 5\d\d error responses|\b5\d\d Server Error|HTTP error 5\d\d|Service Unavailable|Bad Gateway|Gateway Time-?out|Read timed out|ReadTimeoutError|Connection reset by peer|RemoteDisconnected|IncompleteRead/i;
/** pip gave up on a 5xx, a reset or a timeout: worth one more try before anyone is blamed. */
function transientIndexError(output) {
    return output
        .split(/\r?\n/)
        .find((l) => TRANSIENT.test(l))
        ?.trim();
}
/** pip printed ResolutionImpossible (the only case that is a conflict). */
function isResolutionImpossible(output) {
    return /ResolutionImpossible|The conflict is caused by:|conflicting dependencies/.test(output);
}
/**
 * pip's own words for a failure: its ERROR lines and what follows them (hints, hash details), at
 * most `max` lines, without the retry chatter.
 */
function pipMessage(output, max = 12) {
    const lines = output.split(/\r?\n/);
    const first = lines.findIndex((l) => /^\s*ERROR: /.test(l));
    const from = first < 0 ? lines.filter((l) => l.trim() !== '').slice(-max) : lines.slice(first);
    return from
        .filter((l) => l.trim() !== '' && !/^\s*(WARNING: Retrying|\[notice\])/.test(l))
        .slice(0, max)
        .join('\n')
        .trim();
}
/** "(line N)" / "(from line N of FILE)" / "(from -r FILE (line N))" in pip's output. */
function lineRef(text) {
    const m = /\(from line (\d+) of [^)]*\)|\(line (\d+)\)/.exec(text);
    return m ? Number(m[1] ?? m[2]) : 0;
}
/** What kind of failure pip reports (most specific first). Pure. */
function classifyPipFailure(output) {
    const message = pipMessage(output);
    const invalid = invalidRequirement(output);
    if (invalid)
        return { kind: 'invalid-requirement', ...invalid, message };
    const direct = /Could not install requirement (.+?) from (\S+)( \(from [^\n]*?\))? because of (.*)/.exec(output);
    if (direct) {
        const reason = direct[4].replace(/ for URL \S+$/, '').trim();
        return {
            kind: 'direct-url',
            requirement: direct[1].trim(),
            url: direct[2],
            reason,
            notFound: /HTTP error 4\d\d|\b4\d\d Client Error/.test(reason),
            line: lineRef(direct[3] ?? ''),
            message,
        };
    }
    const badWheel = /ERROR: (\S+) is not a valid wheel filename/.exec(output);
    if (badWheel)
        return {
            kind: 'direct-url',
            requirement: '',
            url: badWheel[1],
            reason: 'not a valid wheel file name',
            notFound: true,
            line: 0,
            message,
        };
    const httpErr = /HTTP error (\d{3}) while getting (\S+)/.exec(output);
    if (httpErr && !/\/simple\//.test(httpErr[2]) && !TRANSIENT.test(httpErr[0]))
        return {
            kind: 'direct-url',
            requirement: '',
            url: httpErr[2],
            reason: `HTTP error ${httpErr[1]}`,
            notFound: httpErr[1].startsWith('4'),
            line: 0,
            message,
        };
    if (/DO NOT MATCH THE HASHES|Hashes are required in --require-hashes mode|In --require-hashes mode, all requirements must/.test(output)) {
        const at = output.search(/HASHES|--require-hashes mode/);
        return { kind: 'hash', line: lineRef(output.slice(at)), message };
    }
    if (/does not appear to be a Python project|is not a valid editable requirement|Could not open requirements file|is not installable|neither 'setup\.py' nor 'pyproject\.toml' found|No such file or directory: '[^']*'/.test(output)) {
        const l = output.split(/\r?\n/).find((x) => /^ERROR: /.test(x)) ?? '';
        return { kind: 'local-path', line: lineRef(l), message };
    }
    if (isResolutionImpossible(output))
        return { kind: 'conflict', message };
    const unreachable = indexUnreachable(output) ?? transientIndexError(output);
    if (unreachable) {
        const pool = /HTTPS?ConnectionPool\(host='([^']+)', port=(\d+)\): Max retries exceeded with url: (\S+)/.exec(output.split(/\r?\n/).find((l) => /^ERROR: /.test(l)) ?? '');
        return {
            kind: 'unreachable',
            message: unreachable,
            ...(pool && { url: { host: pool[1], port: pool[2], path: pool[3] } }),
        };
    }
    const missing = noMatchingDistribution(output);
    if (missing)
        return { kind: 'no-match', requirement: missing, message };
    return { kind: 'other', message };
}


/***/ })

};
