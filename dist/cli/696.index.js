export const id = 696;
export const ids = [696];
export const modules = {

/***/ 12696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ew: () => (/* reexport */ pep508/* canonicalName */.Ew),
  Q4: () => (/* binding */ envReferences),
  W_: () => (/* reexport */ pep508/* parsePep508 */.W_),
  XW: () => (/* binding */ parseRequirementsText),
  Ms: () => (/* binding */ remoteIncludes),
  QT: () => (/* binding */ requirementNames)
});

// UNUSED EXPORTS: expandEnv, logicalLines, parseLine

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

// EXTERNAL MODULE: ./src/requirements/pep508.ts
var pep508 = __webpack_require__(71302);
;// CONCATENATED MODULE: ./src/requirements/parse.ts
// Strict parsing of pip requirements files, before any pip runs: PEP 508 requirement lines (as
// `packaging` >= 22 judges them, the parser of every current pip) and pip's requirement-file syntax
// (https://pip.pypa.io/en/stable/reference/requirements-file-format/). Pure: text in, lines out.
// The rule is "a line pip accepts is never rejected": anything pip would hand to the filesystem or
// the network (paths, URLs, -e targets) is accepted as written and left for pip to judge.
// The grammar lives beside it: pip's options (options.ts) and PEP 508 strings (pep508.ts).



/**
 * pip's COMMENT_RE, (^|\s+)#.*$: a '#' at the start or after whitespace starts a comment. One white
 * space character here, the rest is trimmed after (\s+ tried every start in a run of blanks again).
 */
const COMMENT = /(^|\s)#.*$/;
const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g;
/**
 * What pip's str.splitlines() breaks a line at besides "\n" (a lone "\r", VT, FF, FS, GS, RS, NEL,
 * LS, PS), and every other C0 control character but tab: a line holding one is refused, since pip
 * would read what follows it as another line that was never checked here.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0a-\x1f\x85\u2028\u2029]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const BREAKS = {
    '\r': 'a carriage return without a newline',
    '\x0b': 'a vertical tab',
    '\x0c': 'a form feed',
    '\x1c': 'a file separator',
    '\x1d': 'a group separator',
    '\x1e': 'a record separator',
    '\x85': 'a next-line character',
    '\u2028': 'a line separator',
    '\u2029': 'a paragraph separator',
};
/** TEXT without the characters of CHARS at its start and end (as /^[c]+|[c]+$/g, in linear time). */
function trimRuns(text, chars) {
    let start = 0;
    let end = text.length;
    while (start < end && chars.includes(text[start]))
        start++;
    while (end > start && chars.includes(text[end - 1]))
        end--;
    return text.slice(start, end);
}
/** U+XXXX of a character. */
const codePoint = (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
/** Why a line holding the control character C is refused. */
function controlWhy(c) {
    const name = BREAKS[c];
    return name !== undefined
        ? `holds ${codePoint(c)} (${name}), where pip breaks the line: what follows would be a line never checked here; remove it`
        : `holds the control character ${codePoint(c)}; remove it`;
}
/** A line as shown in a message: its control characters written as U+XXXX, never sent raw. */
const visible = (s) => s.replace(CONTROL_ALL, (c) => `<${codePoint(c)}>`);
/**
 * Logical lines as pip builds them: a line ending in '\' continues on the next (comment lines
 * never continue), then comments are removed and blank lines skipped. A line holding a control
 * character (CONTROL) is kept, comment or not, with `why` it is refused and its text made visible.
 */
function logicalLines(text) {
    const out = [];
    let pending = [];
    let first = 0;
    const physical = text.split(/\r?\n/);
    if (physical.at(-1) === '')
        physical.pop();
    const emit = (n, joined) => {
        const control = CONTROL.exec(joined)?.[0];
        if (control !== undefined) {
            out.push({
                line: n,
                text: visible(trimRuns(joined, ' \t')),
                raw: joined,
                why: controlWhy(control),
            });
            return;
        }
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
            pending.push(trimRuns(l, '\\'));
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
    return egg ? (0,pep508/* canonicalName */.Ew)(egg.replace(/\[.*$/, '')) : undefined;
}
const looksLikePath = (s) => s.includes('/') || s.startsWith('.');
/** LOC without a final "[extras]" (as /\[[^\]]*\]$/, in linear time): "x.whl[gpu]" -> "x.whl". */
function withoutFinalExtras(loc) {
    if (loc.length < 2 || !loc.endsWith(']'))
        return loc;
    // The first '[' after the ']' before the last one.
    const open = loc.indexOf('[', loc.lastIndexOf(']', loc.length - 2) + 1);
    return open < 0 ? loc : loc.slice(0, open);
}
/** A requirement token that pip treats as a location (URL, path, archive) rather than PEP 508. */
function asLocation(arg) {
    // pip: markers follow a URL after "; " (a URL may contain ';'), a name after ";".
    const loc = (URL_LIKE.test(arg) ? arg.split('; ')[0] : arg.split(';')[0]).trim();
    if (URL_LIKE.test(loc) || looksLikePath(loc) || ARCHIVE.test(withoutFinalExtras(loc))) {
        // "name @ url" with spaces is PEP 508, not a location. (\s*(\[...\])?\s*@ split a run of blanks
        // between the two \s* every way: quadratic. The blanks after the extras go with them here.)
        if (/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\]\s*)?@/.test(loc) && !looksLikePath(loc.split('@')[0]))
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
        const r = (0,pep508/* parsePep508 */.W_)(args);
        return {
            kind: 'requirement',
            name: (0,pep508/* canonicalName */.Ew)(r.name),
            editable: false,
            ...(r.url !== undefined && { url: r.url }),
        };
    }
    catch (e) {
        if (e instanceof pep508/* Syntax */.w4)
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
        if (l.why !== undefined) {
            errors.push({ line: l.line, text: l.text, why: l.why });
            continue;
        }
        const expanded = expandEnv(l.text, env);
        const r = parseLine(expanded);
        if (expanded === l.text) {
            if ('error' in r)
                errors.push({ line: l.line, text: l.text, why: r.error });
            else
                lines.push({ ...r, line: l.line, text: l.text });
            continue;
        }
        // pip's error would quote the expanded text: only the line as written is ever shown.
        if ('error' in r)
            errors.push({ line: l.line, text: l.text, why: expandedWhy(l.text, env) });
        else {
            const written = parseLine(l.text);
            lines.push({
                ...r,
                line: l.line,
                text: l.text,
                expanded: true,
                ...(!('error' in written) && { written }),
            });
        }
    }
    return { lines, errors };
}
/**
 * Why a line that is invalid once ${NAME} is filled in is refused, without what was filled in (a
 * requirement line may name any variable: the parser's own words would quote its value).
 */
function expandedWhy(text, env) {
    const names = [...new Set(envReferences(text))].filter((n) => env[n] !== undefined);
    return `not valid once ${names.map((n) => `\${${n}}`).join(', ')} ${names.length === 1 ? 'is' : 'are'} filled in from the environment (what is wrong is not shown: it would quote the value); check the value and the line`;
}
/** Project names of a requirements text (lines parsed as pip does; options, bare paths and URLs without #egg= skipped). */
function requirementNames(text) {
    return parseRequirementsText(text).lines.flatMap((l) => l.kind === 'requirement' && l.name !== undefined ? [l.name] : []);
}
/**
 * The -r/-c includes of a requirements text that pip fetches from a URL (`-r https://...`,
 * `--constraint=https://...`), as written: what they hold can change without the text changing.
 */
function remoteIncludes(text) {
    return parseRequirementsText(text).lines.flatMap((l) => l.kind !== 'option'
        ? []
        : l.options.flatMap((o) => (o.option === 'requirement' || o.option === 'constraint') &&
            o.value !== undefined &&
            /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(o.value)
            ? [o.value]
            : []));
}


/***/ }),

/***/ 71302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ew: () => (/* binding */ canonicalName),
/* harmony export */   W_: () => (/* binding */ parsePep508),
/* harmony export */   "in": () => (/* binding */ isDistName),
/* harmony export */   w4: () => (/* binding */ Syntax)
/* harmony export */ });
// PEP 508 requirement strings, as `packaging` >= 22 (the parser of every current pip) judges
// them: name, extras, version specifiers (one version pattern per operator family), a URL after
// "@", and environment markers. Pure: a string in, the name, extras, URL and marker out, or a
// Syntax error.
/**
 * PEP 503 normalised distribution name: lowercase, each run of '-', '_' and '.' one '-'
 * ("Foo_Bar.baz" -> "foo-bar-baz"). The one copy of the rule: the resolver, the diff, the SBOM's
 * purls and the dev container all compare names through it (requirements/parse.ts exports it).
 */
const canonicalName = (n) => n.toLowerCase().replace(/[-_.]+/g, '-');
const NAME = /[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/y;
/** Whether TEXT is a whole PEP 508 distribution name. */
function isDistName(text) {
    NAME.lastIndex = 0;
    return NAME.exec(text)?.[0] === text;
}
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
/** A marker variable or a quoted string, as packaging writes it back (str(Marker)). */
function parseMarkerVar(c) {
    c.ws();
    const q = c.s[c.i];
    if (q === '"' || q === "'") {
        const end = c.s.indexOf(q, c.i + 1);
        if (end < 0)
            c.fail('unterminated string in marker');
        const value = c.s.slice(c.i + 1, end);
        c.i = end + 1;
        return `"${value}"`;
    }
    const v = c.match(/[A-Za-z_][A-Za-z0-9_.]*/y);
    if (v === undefined)
        c.fail('expected a marker variable or a quoted string');
    if (!MARKER_VARIABLES.has(v)) {
        c.i -= v.length;
        c.fail(`unknown marker variable "${v}"`);
    }
    // packaging's spelling of the legacy names: os.name is os_name, python_implementation
    // platform_python_implementation.
    const name = v.replace(/\./g, '_');
    return name === 'python_implementation' ? 'platform_python_implementation' : name;
}
/** A quoted value compared with `extra`, as packaging compares it: its PEP 503 name. */
function extraValue(value, other) {
    return other === 'extra' && value.startsWith('"') ? `"${canonicalName(value.slice(1, -1))}"` : value;
}
function parseMarkerAtom(c) {
    c.ws();
    if (c.eat('(')) {
        const group = parseMarker(c);
        c.ws();
        if (!c.eat(')'))
            c.fail('expected ")" to close the marker group');
        return group;
    }
    const lhs = parseMarkerVar(c);
    c.ws();
    let op = c.match(/not[ \t]+in(?![A-Za-z0-9_])/y) === undefined ? undefined : 'not in';
    op ??= c.match(/in(?![A-Za-z0-9_])/y) ?? c.match(OPERATOR);
    if (op === undefined)
        c.fail('expected a marker operator (== != < <= > >= ~= === in, not in)');
    const rhs = parseMarkerVar(c);
    return { lhs: extraValue(lhs, rhs), op, rhs: extraValue(rhs, lhs) };
}
function parseMarker(c) {
    const nodes = [parseMarkerAtom(c)];
    for (;;) {
        c.ws();
        const op = c.match(/(and|or)(?![A-Za-z0-9_])/y);
        if (op === undefined)
            return nodes;
        nodes.push(op === 'and' ? 'and' : 'or', parseMarkerAtom(c));
    }
}
/**
 * A marker as packaging's str(Marker) writes it (_format_marker): one space between tokens,
 * strings in double quotes, a group of one item or the whole marker without parentheses.
 */
function formatMarker(m, first = true) {
    if (typeof m === 'string')
        return m;
    if (!Array.isArray(m))
        return `${m.lhs} ${m.op} ${m.rhs}`;
    if (m.length === 1 && typeof m[0] !== 'string')
        return formatMarker(m[0]);
    const inner = m.map((n) => formatMarker(n, false)).join(' ');
    return first ? inner : `(${inner})`;
}
/** The extras of a requirement, as written (after its name; none without "["). */
function parseExtras(c) {
    const extras = [];
    if (!c.eat('['))
        return extras;
    c.ws();
    if (c.eat(']'))
        return extras;
    for (;;) {
        c.ws();
        const extra = c.match(NAME);
        if (extra === undefined)
            c.fail('expected an extra name');
        extras.push(extra);
        c.ws();
        if (c.eat(']'))
            return extras;
        if (!c.eat(','))
            c.fail('expected "," or "]" in the extras');
    }
}
/** One PEP 508 requirement, as packaging parses it, or a Syntax error. */
function parsePep508(s) {
    const c = new Cursor(s);
    c.ws();
    const name = c.match(NAME);
    if (name === undefined)
        c.fail('expected a project name');
    c.ws();
    const extras = parseExtras(c);
    c.ws();
    let url;
    if (c.eat('@')) {
        c.ws();
        url = c.match(/[^ \t]+/y);
        if (url === undefined)
            c.fail('expected a URL after "@"');
        const afterUrl = c.i;
        c.ws();
        if (c.done())
            return { name, extras, url };
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
            return { name, extras };
        if (!c.eat(';')) {
            if (/[<>=!~]/.test(c.s[c.i]))
                c.fail('invalid version specifier');
            c.fail('expected a version specifier, ";" and a marker, or the end of the line');
        }
    }
    const marker = formatMarker(parseMarker(c));
    c.ws();
    if (!c.done())
        c.fail('unexpected text after the marker');
    return { name, extras, ...(url !== undefined && { url }), marker };
}


/***/ })

};
