export const id = 679;
export const ids = [679];
export const modules = {

/***/ 30744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F7: () => (/* binding */ decodeRequirements),
/* harmony export */   om: () => (/* binding */ SAVE_UTF8)
/* harmony export */ });
/* harmony import */ var _util_strict_utf8_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42015);
// A requirements file's bytes as text, decoded as pip decodes it (pip's utils/encoding.py
// auto_decode, on a little-endian machine, as every build platform is): by a byte-order mark,
// in pip's order (UTF-8; then FF FE, UTF-16's own mark, before UTF-32 LE's FF FE 00 00, so pip reads
// a UTF-32 LE file as UTF-16 and fails: refused here, saying so; FE FF, UTF-16 BE; 00 00 FE FF,
// UTF-32 BE), else by a PEP 263 `coding:` comment on one of the first two lines, else as UTF-8 (the
// locale's encoding, UTF-8 in the resolver's container and the build). Windows PowerShell 5's
// `pip freeze > requirements.txt` writes UTF-16 LE with its mark. Bytes pip cannot decode are
// refused, as pip refuses them. Pure.

/** pip's ENCODING_RE: `coding:` or `coding=`, then the encoding's name. */
const CODING = /coding[:=][ \t\n\r\f\v]*([-\w.]+)/;
/**
 * Python's names (its codec modules and encodings.aliases) of the codecs read here: `coding: UTF-8`,
 * `latin-1`, `iso-8859-1`, `us-ascii` ... (normalized).
 */
const ALIASES = Object.fromEntries([
    ['utf_8', 'utf_8 utf8 u8 utf utf8_ucs2 utf8_ucs4 cp65001 utf_8_sig'],
    [
        'latin_1',
        'latin_1 latin1 latin l1 iso_8859_1 iso8859_1 iso_8859_1_1987 iso8859 8859 cp819 iso_ir_100 csisolatin1 ibm819',
    ],
    [
        'ascii',
        'ascii us_ascii us 646 ansi_x3.4_1968 ansi_x3.4_1986 ansi_x3_4_1968 cp367 csascii ibm367 iso646_us iso_646.irv_1991 iso_ir_6',
    ],
].flatMap(([codec, all]) => all.split(' ').map((n) => [n, codec])));
/** Python's normalize_encoding: lower case, each run of characters other than letters, digits and '.' one '_'. */
const normalized = (name) => name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '_')
    .replace(/^_+|_+$/g, '');
/** The codec a `coding:` NAME is read with here, as Python looks it up ('.' also as '_'). */
function codecOf(name) {
    const n = normalized(name);
    return ALIASES[n] ?? ALIASES[n.replace(/\./g, '_')];
}
const strict = (label, bytes) => new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
/** UTF-32 BE, strictly (a length not a multiple of 4, a surrogate or a value past U+10FFFF: none). */
function utf32be(bytes) {
    if (bytes.length % 4 !== 0)
        throw new TypeError('truncated data');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out = [];
    for (let i = 0; i < bytes.length; i += 4) {
        const cp = view.getUint32(i);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
            throw new TypeError(`code point ${cp} at byte ${i}`);
        out.push(String.fromCodePoint(cp));
    }
    return out.join('');
}
const startsWith = (data, bom) => bom.every((b, i) => data[i] === b);
const SAVE_UTF8 = 'save the file as UTF-8 (in PowerShell: Get-Content FILE | Set-Content -Encoding utf8 FILE)';
/** DATA decoded by its byte-order mark, as pip does; undefined without one. */
function byBom(data) {
    const rest = (n) => data.subarray(n);
    const decode = (what, f) => {
        try {
            return { text: f() };
        }
        catch {
            return {
                why: `starts with the ${what} byte-order mark but is not valid ${what}: pip cannot read it`,
                fix: SAVE_UTF8,
            };
        }
    };
    if (startsWith(data, [0xef, 0xbb, 0xbf]))
        return decode('UTF-8', () => strict('utf-8', rest(3)));
    if (startsWith(data, [0xff, 0xfe, 0, 0]))
        return {
            why: 'is UTF-32 LE (it starts with FF FE 00 00): pip takes FF FE for UTF-16 and reads it as that, every other character a U+0000, and fails',
            fix: SAVE_UTF8,
        };
    // pip's "utf-16" codec: after the mark, a second one (FF FE or FE FF) is read as one too.
    if (startsWith(data, [0xff, 0xfe]))
        return decode('UTF-16', () => {
            const r = rest(2);
            if (startsWith(r, [0xfe, 0xff]))
                return strict('utf-16be', r.subarray(2));
            return strict('utf-16le', startsWith(r, [0xff, 0xfe]) ? r.subarray(2) : r);
        });
    if (startsWith(data, [0xfe, 0xff]))
        return decode('UTF-16', () => strict('utf-16be', rest(2)));
    if (startsWith(data, [0, 0, 0xfe, 0xff]))
        return decode('UTF-32', () => utf32be(rest(4)));
    return undefined;
}
/** The encoding a `coding:` comment on one of DATA's first two lines names (pip's rule), if any. */
function codingLine(data) {
    let start = 0;
    for (let line = 1; line <= 2 && start <= data.length; line++) {
        let end = data.indexOf(0x0a, start);
        if (end < 0)
            end = data.length;
        // The line's bytes as Latin-1: one character a byte, as Python's bytes regex reads them.
        const text = Buffer.from(data.subarray(start, end)).toString('latin1');
        const m = text.startsWith('#') ? CODING.exec(text) : null;
        if (m)
            return { name: m[1], line };
        start = end + 1;
    }
    return undefined;
}
/**
 * A requirements file's bytes as pip reads them: by byte-order mark, else by a `coding:` comment
 * (UTF-8, Latin-1 or ASCII here; another is refused, saying so), else as UTF-8; bytes not valid in
 * that encoding are refused (pip fails on them), as is a UTF-32 LE file (pip misreads it).
 */
function decodeRequirements(data) {
    const bom = byBom(data);
    if (bom !== undefined)
        return bom;
    const coding = codingLine(data);
    const codec = coding === undefined ? 'utf_8' : codecOf(coding.name);
    if (codec === undefined)
        return {
            why: `declares its encoding "${coding.name}" on line ${coding.line} (a PEP 263 "coding:" comment, which pip honours): only UTF-8, Latin-1 and ASCII are read here`,
            fix: `${SAVE_UTF8} and make that comment say utf-8 (or drop it)`,
        };
    if (codec === 'latin_1')
        return { text: Buffer.from(data).toString('latin1') };
    const bad = codec === 'ascii' ? data.findIndex((b) => b > 0x7f) : -1;
    if (bad < 0)
        try {
            return { text: strict('utf-8', data) };
        }
        catch {
            // Below: where it fails.
        }
    const at = bad >= 0 ? bad : (0,_util_strict_utf8_js__WEBPACK_IMPORTED_MODULE_0__/* .firstInvalidUtf8 */ .vE)(data);
    const what = codec === 'ascii' ? 'ASCII (its coding: comment)' : 'UTF-8';
    return {
        why: `is not valid ${what}: byte 0x${data[at].toString(16).toUpperCase().padStart(2, '0')} at offset ${at} (pip cannot decode it)`,
        fix: codec === 'ascii' ? `${SAVE_UTF8} and make that comment say utf-8` : SAVE_UTF8,
    };
}
/** Where UTF-8 decoding of DATA fails first (util/strict-utf8.ts); the config reader says it too. */



/***/ }),

/***/ 39077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   JB: () => (/* binding */ readRequirementsFile),
/* harmony export */   Nc: () => (/* binding */ requirementsUrlProblem),
/* harmony export */   pN: () => (/* binding */ refuseRequirementsUrls)
/* harmony export */ });
/* unused harmony export MAX_REQUIREMENTS_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23387);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82513);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(49997);
/* harmony import */ var _decode_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(30744);
// Reading one requirements file at the door: a regular file, bounded in size, not under /proc,
// /sys or /dev (an include of /proc/self/environ would hand the process's environment to pip), and
// given a root (the workspace), inside it. Any other is exit 2 naming the file and who included it.
// Its bytes are decoded as pip decodes them (decode.ts: a byte-order mark, UTF-16 included, or a
// `coding:` comment, else UTF-8); a file pip cannot decode is exit 2 too.







/** Larger requirements files are refused: pip's own are kilobytes; this bounds every read. */
const MAX_REQUIREMENTS_BYTES = 5 * 1024 * 1024;
/** Where no requirements file is read from, whatever it looks like: the kernel's and devices' files. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev'];
/** Whether the path P lies in DIR (or is DIR): both absolute, compared as written. */
const isInside = (p, dir) => {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(dir, p);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${(node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)}`) && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(rel));
};
/**
 * The real path of a requirements file, refused (exit 2) under /proc, /sys, /dev or outside root,
 * the error PLACED on the -r / -c line that includes it.
 */
function checkedRealPath(abs, where, root, placed) {
    let real;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(abs);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`cannot read the requirements file ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(abs)}${where}: ${e.code ?? String(e)}`, 'check its permissions', placed);
    }
    // The path as written counts too: /dev/stdin resolves through /proc/self/fd to another file.
    const system = SYSTEM_DIRS.find((d) => isInside(abs, d) || isInside(real, d));
    if (system !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(abs)}${where} is under ${system}: system files are never read as requirements`, 'name a requirements file of your repository', placed);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(abs)}${where} is outside the workspace ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(realRoot)}${real === abs ? '' : ` (it resolves to ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(real)})`}`, 'keep requirements files, and every -r include, inside the repository', placed);
    return real;
}
/**
 * What is wrong with naming P as a requirements file (python.requirements, --requirements) when P
 * is a URL: those name local files (resolved as a path, `https://h/r.txt` would be reported as the
 * missing file `./https:/h/r.txt`). Its login and query masked.
 */
function requirementsUrlProblem(p) {
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(p))
        return undefined;
    return `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(JSON.stringify((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .shownUrl */ .zA)(p)))} is a URL, not a file: requirements files are read from disk; download it into the repository, or name it with an "-r URL" line in a requirements file (pip fetches it)`;
}
/** FILES as given (--requirements, python.requirements), or exit 2 at the first that is a URL. */
function refuseRequirementsUrls(files) {
    for (const f of files) {
        const url = requirementsUrlProblem(f);
        if (url !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${url}`);
    }
    return files;
}
/**
 * Read one requirements file: a regular file of at most MAX_REQUIREMENTS_BYTES, not under /proc,
 * /sys or /dev, and (given a root) inside root, decoded as pip decodes it (decodeRequirements),
 * else exit 2. BYTES: handed the bytes of a file so read (what provenance names by digest).
 */
function readRequirementsFile(abs, from, root, bytes) {
    const where = from ? ` (included from ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(from)})` : '';
    // An included file's problem is annotated on the line that includes it (FROM is "FILE:LINE").
    const placed = { location: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .locationOf */ .hD)(from) };
    let st;
    try {
        st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(abs);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file not found: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(abs)}${where}`, 'check the path in python.requirements / --requirements', placed);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`cannot read the requirements file ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(abs)}${where}: ${code ?? String(e)}`, 'check its permissions', placed);
    }
    if (!st.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(abs)}${where} ${(0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_3__/* .notRegularFile */ .s5)(st)}`, 'name a requirements file (a text file of requirement lines)', placed);
    if (st.size > MAX_REQUIREMENTS_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(abs)}${where} is ${(st.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_REQUIREMENTS_BYTES / 1024 / 1024} MB limit`, 'a requirements file lists packages; split it or remove what is not a requirement', placed);
    const real = checkedRealPath(abs, where, root, placed);
    let data;
    try {
        data = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(real);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`cannot read the requirements file ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(abs)}${where}: ${e.message}`, 'check its permissions', placed);
    }
    const decoded = (0,_decode_js__WEBPACK_IMPORTED_MODULE_6__/* .decodeRequirements */ .F7)(data);
    if ('why' in decoded)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`requirements file ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_5__/* .printable */ .g$)(abs)}${where} ${decoded.why}`, decoded.fix, placed);
    bytes?.(data);
    return decoded.text;
}


/***/ }),

/***/ 99679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Wh: () => (/* binding */ constraintsFileText),
  F2: () => (/* binding */ readRequirements),
  oS: () => (/* binding */ workspaceRoot)
});

// UNUSED EXPORTS: MAX_INCLUDE_DEPTH, MAX_REQUIREMENTS_BYTES

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/file-digest.ts
var file_digest = __webpack_require__(42545);
// EXTERNAL MODULE: ./src/util/runner-env.ts
var runner_env = __webpack_require__(2426);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
// EXTERNAL MODULE: ./src/requirements/credentials.ts + 1 modules
var credentials = __webpack_require__(53088);
// EXTERNAL MODULE: ./src/requirements/options.ts
var requirements_options = __webpack_require__(87818);
// EXTERNAL MODULE: ./src/requirements/parse.ts
var parse = __webpack_require__(39459);
;// CONCATENATED MODULE: ./src/requirements/quoted-credentials.ts
// Credentials in a requirements line as pip reads it: pip shlex-splits the options part of a line
// (break_args_options, then shlex.split: POSIX quotes and backslashes removed), so
// `-i "https"://user:p4ssw0rd@host/simple`, `-i https://user:p4ss"w0rd"@host/simple` and
// `-i https:/\/user:p4ssw0rd@host/simple` each give pip https://user:p4ssw0rd@host/simple, a URL
// the line as written does not show. Each word of the options part that pip reads otherwise than
// written is judged as pip reads it (literalCredentials), and masked so (redactUrls' wider rule),
// the spans found mapped back onto the line as written: the check and what a message shows both
// see what pip uses. Pure (the last line's words are kept for the next call on it).




/** A quote or a backslash: the characters pip's shlex split removes. */
const QUOTING = /["'\\]/;
/**
 * The words of the options part of TEXT, `at` in TEXT: as pip's shlex split reads them, or where
 * that fails (pip refuses the line; a message may still quote it) with every quote and backslash
 * dropped, split at white space.
 */
function optionWords(text) {
    const { options, start } = (0,parse/* breakArgsOptions */.dQ)(text);
    const split = (0,requirements_options/* shlexTokens */.P7)(options);
    const words = 'error' in split ? looseWords(options) : split.tokens;
    return words.map((w) => ({ value: w.value, at: w.at.map((i) => i + start) }));
}
/** TEXT's words with every quote and backslash dropped (where pip's shlex split fails). */
function looseWords(text) {
    const words = [];
    let cur;
    for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i])) {
            if (cur !== undefined)
                words.push(cur);
            cur = undefined;
        }
        else if (!QUOTING.test(text[i])) {
            cur ??= { value: '', at: [] };
            cur.value += text[i];
            cur.at.push(i);
        }
    }
    if (cur !== undefined)
        words.push(cur);
    return words;
}
/** The last line's Unquoted: the check and the masking of one line ask for it in turn. */
let last;
function unquoted(text) {
    if (last?.text === text)
        return last.unquoted;
    const values = [];
    const at = [];
    if (QUOTING.test(text))
        for (const w of optionWords(text)) {
            // Read as written (no quote or backslash inside it), unless pip's value holds what ends a URL
            // or a value in the rules as written (`"https://u:pw d@host"`: the space is the password's).
            if (w.value === text.slice(w.at[0], w.at.at(-1) + 1) && !/[\s"'`\\]/.test(w.value))
                continue;
            if (values.length > 0)
                at.push(-1);
            values.push(w.value.replace(/[\s"'`\\]/g, '_'));
            for (const i of w.at)
                at.push(i);
        }
    last = { text, unquoted: { joined: values.join(' '), at } };
    return last.unquoted;
}
/** The span of TEXT that [start, end) of U.joined came from (from its first character to its last). */
const spanOf = (u, start, end) => ({
    start: u.at[start],
    end: u.at[end - 1] + 1,
});
/**
 * The credentials written literally in a requirements line (literalCredentials; LIVE false: the
 * comment rule), as written and as pip reads its options part (quotes and backslashes removed), the
 * latter's spans in TEXT as written (from a credential's first character to its last, quotes
 * between included).
 */
function lineCredentials(text, live = true) {
    const found = (0,credentials/* literalCredentials */.m)(text, live);
    const u = unquoted(text);
    if (u.joined === '')
        return found;
    const seen = new Set(found.map((f) => `${f.start}:${f.end}`));
    for (const c of (0,credentials/* literalCredentials */.m)(u.joined, live)) {
        if (c.end <= c.start)
            continue;
        const span = spanOf(u, c.start, c.end);
        const key = `${span.start}:${span.end}`;
        if (!seen.has(key))
            found.push({ ...c, ...span });
        seen.add(key);
    }
    return found;
}
/**
 * The spans of TEXT (a requirements line as written) to mask beyond lineCredentials' where a line
 * is shown: in each word of its options part that pip reads otherwise than written, what redactUrls
 * (the log masking's wider rule: any password, a short one too) hides once quotes and backslashes are
 * removed, from the first part hidden to the last.
 */
function quotedWordSpans(text) {
    const u = unquoted(text);
    // A mask character no word holds (a line holding a control character is shown made visible).
    if (u.joined === '' || u.joined.includes('\u0000'))
        return u.joined === '' ? [] : [spanOf(u, 0, u.joined.length)];
    const masked = (0,redact/* redactUrls */.sK)(u.joined, '\u0000');
    if (masked === u.joined)
        return [];
    // No mask spans a space (the words hold none): word i of one is word i of the other.
    const spans = [];
    const words = u.joined.split(' ');
    let from = 0;
    masked.split(' ').forEach((m, i) => {
        const w = words[i];
        if (m !== w) {
            const start = m.indexOf('\u0000');
            const end = w.length - (m.length - 1 - m.lastIndexOf('\u0000'));
            spans.push(spanOf(u, from + Math.max(0, start), from + (end > start ? end : w.length)));
        }
        from += w.length + 1;
    });
    return spans;
}

;// CONCATENATED MODULE: ./src/requirements/credential-problems.ts
// The problems of credentials written in a requirements file (credentials.ts finds them): a line's
// or a comment's, each quoted with its values masked and cut to MAX_QUOTED_CHARS, with why and the
// fix; and how any problem of read.ts quotes a line (quotedLine, quotedWhy). Pure.
// No advice here holds an '@': every masker (redactUrls, maskBareLogins) would eat its example.



const LITERAL_WHY = "it would be copied into the image (the templates copy the build context, this file with it, into /app, and pip writes a direct URL, query and all, into *.dist-info/direct_url.json) and it is in your repository's history: revoke it";
const COMMENT_WHY = "pip ignores a comment, but the templates copy the build context, this file with it, into /app, and it is in your repository's history: revoke it";
const REFERENCE_WHY = 'pip fills in only ${NAME}, NAME of upper-case letters, digits and _, from its environment: it would send that text as written';
const IN_ITS_PLACE = "write a ${NAME} in its place (a login's password as user:${NAME}, a token used as the user name as ${NAME} alone, ?sig=${NAME}, /t/${NAME}/)";
const PASS_NAME = 'pass NAME with build.secrets, from which pip fills it in (docs/build.md, "Security: how secrets reach the build")';
const LITERAL_FIX = `${IN_ITS_PLACE} and ${PASS_NAME}`;
const COMMENT_FIX = `delete it from the comment, or ${IN_ITS_PLACE} and ${PASS_NAME}`;
/**
 * The fix of an error whose problems are credentials written in lines or comments: no '@' in it,
 * so no masker takes its examples for a login.
 */
const LITERAL_CREDENTIAL_FIX = `revoke each credential named; in a line, ${LITERAL_FIX}; in a comment, delete it`;
/** The fix of an error whose problems are references pip does not fill in ($TOKEN in a line). */
const REFERENCE_FIX = `for each reference named, ${LITERAL_FIX}`;
/** The fix of an error whose credential problems are of KINDS (undefined without one). */
function credentialFix(kinds) {
    const fixes = [
        ...(kinds.includes('secret') ? [LITERAL_CREDENTIAL_FIX] : []),
        ...(kinds.includes('reference') ? [REFERENCE_FIX] : []),
    ];
    return fixes.length > 0 ? fixes.join('; ') : undefined;
}
/** The most of a line a problem quotes; a longer one is cut (a 2 MB line is not quoted whole). */
const MAX_QUOTED_CHARS = 300;
/** TEXT cut to MAX_QUOTED_CHARS (not inside a surrogate pair), with a marker saying so. */
function clipped(text) {
    if (text.length <= MAX_QUOTED_CHARS)
        return text;
    const cut = /[\uD800-\uDBFF]/.test(text[MAX_QUOTED_CHARS - 1]) ? MAX_QUOTED_CHARS - 1 : MAX_QUOTED_CHARS;
    return `${text.slice(0, cut)}... (${text.length} characters, cut)`;
}
/** A value found this long or longer is masked wherever else the line holds it too. */
const MIN_REPEATED_CHARS = 8;
/** Past this many such values, the line is masked from its first credential on (no search each). */
const MAX_REPEATED_VALUES = 64;
/**
 * The other places TEXT holds a value of FOUND (spans of TEXT): a secret written twice, once where
 * a rule looks and once where none does (`https://h/abcd1234efgh/x.whl?sig=abcd1234efgh`), is masked
 * both times.
 */
function repeatedSpans(text, found) {
    const values = new Set(found.map((c) => text.slice(c.start, c.end)).filter((v) => v.length >= MIN_REPEATED_CHARS));
    if (values.size > MAX_REPEATED_VALUES)
        return [{ start: Math.min(...found.map((c) => c.start)), end: text.length }];
    const out = [];
    for (const v of values)
        for (let i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1))
            out.push({ start: i, end: i + v.length });
    return out;
}
/**
 * TEXT (a requirements line as written) as it may be shown: each credential written literally in
 * it masked, as written and as pip reads its options part (lineCredentials: quotes and backslashes
 * removed, `-i "https"://user:pw@host`), and redactUrls over it, also where pip reads a URL its
 * quotes hide from it (quotedWordSpans). By default both rules judge it: the line's, and the
 * comment's (a line quoted whole may hold its comment, and a token there: `# HF_TOKEN=hf_...`).
 */
function maskLiteralCredentials(text, found = [
    ...lineCredentials(text),
    ...lineCredentials(text, false),
]) {
    let shown = '';
    let done = 0;
    const spans = [...found, ...repeatedSpans(text, found), ...quotedWordSpans(text)];
    for (const c of spans.sort((a, b) => a.start - b.start)) {
        if (c.end <= done)
            continue; // inside one masked already
        shown += c.start < done ? '' : `${text.slice(done, c.start)}${redact/* MASK */.v5}`;
        done = c.end;
    }
    return (0,redact/* redactUrls */.sK)(shown + text.slice(done));
}
/**
 * TEXT (a requirements line as written, or part of one) as a problem quotes it: its credentials
 * masked (maskLiteralCredentials), then cut to MAX_QUOTED_CHARS.
 */
const quotedLine = (text, found) => clipped(maskLiteralCredentials(text, found));
/** A part quoted in a reason ("...") longer than MAX_QUOTED_CHARS. */
const LONG_QUOTE = new RegExp(`"([^"]{${MAX_QUOTED_CHARS + 1},})"`, 'g');
/**
 * WHY (a reason that may quote part of a line: `"..." is not a valid PEP 440 version`) as a
 * problem shows it: its credentials masked, each quoted part cut to MAX_QUOTED_CHARS.
 */
const quotedWhy = (why) => maskLiteralCredentials(why).replace(LONG_QUOTE, (_, q) => `"${clipped(q)}"`);
/**
 * The problem of a requirements line (TEXT as written, at ORIGIN "file:line") whose URLs hold a
 * credential written literally (literalCredentials), as written or as pip reads its options part
 * (lineCredentials: `-i "https"://user:pw@host`), or undefined; of a comment (TEXT from its '#')
 * with `comment`. The text is shown with each value found masked, and redactUrls over it, cut
 * to MAX_QUOTED_CHARS: no value found is in what is returned. A line whose only ones are references
 * pip does not fill in (`$TOKEN`) says to write `${NAME}`: nothing to revoke.
 */
function literalCredentialProblem(origin, text, comment = false) {
    // A line as pip reads it too (its options part shlex-split); a comment as written.
    const found = comment ? (0,credentials/* literalCredentials */.m)(text, false) : lineCredentials(text);
    if (found.length === 0)
        return undefined;
    const what = [...new Set(found.map((c) => c.what))].join(', ');
    const shown = quotedLine(text, found);
    if (comment)
        return {
            problem: `${origin}: "${shown}": a credential written in a comment, ${what}: ${COMMENT_WHY}; ${COMMENT_FIX}`,
            kind: 'secret',
        };
    if (found.every((c) => c.kind === 'reference'))
        return { problem: `${origin}: "${shown}": ${what}: ${REFERENCE_WHY}; ${LITERAL_FIX}`, kind: 'reference' };
    return {
        problem: `${origin}: "${shown}": a credential written in the line, ${what}: ${LITERAL_WHY}; ${LITERAL_FIX}`,
        kind: 'secret',
    };
}
/** Where a physical line's comment starts, by pip's rule (a '#' at its start or after white space). */
const COMMENT_START = /(?:^|[\t\n\r\f\v ])#/;
/**
 * The problems of the comments of a requirements file (TEXT, the file FILE as read): each
 * physical line whose comment (from its '#', as pip's rule finds one) holds a credential written
 * literally (literalCredentials' rule for a comment: in a URL, or a token of a known form
 * anywhere), named FILE:N. pip ignores comments, but the file, comments and all, is copied into
 * the image. A URL without a credential, a placeholder or a `$TOKEN`, in a comment, is fine.
 */
function commentCredentialProblems(file, text) {
    const problems = [];
    text.split(/\r?\n/).forEach((line, i) => {
        const m = COMMENT_START.exec(line);
        if (!m)
            return;
        const hash = m.index + m[0].length - 1;
        const problem = literalCredentialProblem(`${file}:${i + 1}`, line.slice(hash).trimEnd(), true);
        if (problem !== undefined)
            problems.push(problem);
    });
    return problems;
}

;// CONCATENATED MODULE: ./src/requirements/line-facts.ts
// What of the requirements depends on how the plan builds them, gathered line by line as read.ts
// reads them (plan-check.ts judges it against the variants): pip's hash-checking mode (a --hash on
// any requirement or constraint line, or --require-hashes), and the lines that name files of the
// repository (a relative --find-links, a requirement by a relative path), which the resolver's
// container and a template's pip step, run before the build context is copied in, lack. An absolute
// path or file: URL may name the base image's own files, where both pips run: left to pip.


/** A value still holding a ${NAME} (not set where it is checked): what pip fills in is not judged. */
const unfilled = (v) => v.includes('${');
/**
 * Whether a --find-links value is a relative path (`./wheels`, `wheels`) or a relative file: URL
 * (`file:wheels`, which pip reads from its working directory): one in the repository (pip ignores a
 * missing one). An absolute path or file: URL (`/opt/wheels`, `file:///opt/wheels`) may name a
 * directory of the base image, where the resolver's pip and the template's run: left to pip.
 */
const isRelativeFindLinks = (v) => !unfilled(v) &&
    (/^file:/i.test(v) ? !/^file:\//i.test(v) : !v.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(v));
/**
 * Whether a requirement's location is a relative path (`.`, `./x.whl`, `pkg/`, `x.tar.gz`): one in
 * the repository. An absolute path or URL may name a file of the base image, and pip fails loudly
 * where it is missing. A URL is one of a scheme pip knows (URL_LIKE, as its is_url): pip reads
 * `C:/wheels/x.whl` (a Windows path) or `root:x:0:0:/root` as a relative path, not a URL.
 */
const isRelativePath = (url) => !unfilled(url) && !url.startsWith('/') && !parse/* URL_LIKE */.Ut.test(url);
/** The facts of lines read: line() each one as read.ts keeps it, then result(). */
function lineFacts() {
    const facts = { localFiles: [] };
    const hashing = (origin, option) => {
        facts.hashChecking ??= { origin, option };
    };
    return {
        line(l, origin) {
            if (l.kind === 'requirement') {
                if (l.hashed)
                    hashing(origin, '--hash');
                if (l.url !== undefined && isRelativePath(l.url))
                    facts.localFiles.push({ origin, line: quotedLine(l.text), kind: 'path' });
                return;
            }
            for (const o of l.options) {
                if (o.option === 'require-hashes')
                    hashing(origin, '--require-hashes');
                if (o.option === 'find-links' && o.value !== undefined && isRelativeFindLinks(o.value))
                    facts.localFiles.push({ origin, line: quotedLine(l.text), kind: 'find-links' });
            }
        },
        result: () => facts,
    };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/requirements/read-file.ts
var read_file = __webpack_require__(39077);
;// CONCATENATED MODULE: ./src/requirements/read-problems.ts
// The problems a read of requirements files finds (read.ts), refused together: one per line, each
// naming its file and line, with the fix of their kind (the syntax, a credential written in a
// line, an include that cannot be read, a ${NAME} the caller refuses).



/** More invalid lines than this are counted, not listed. */
const MAX_LISTED_ERRORS = 20;
const FIX = 'fix that line: PEP 508 syntax such as "scikit-learn>=1.4,<2" or a pip option (https://pip.pypa.io/en/stable/reference/requirements-file-format/)';
/**
 * The problems of a read, and the kind of those that are credentials written in a line or a comment
 * (literalProblem adds one): those have their own fix (problemsError).
 */
function problemList() {
    const problems = [];
    const credentials = new Map();
    const others = new Map();
    const literalProblem = (p) => {
        credentials.set(p.problem, p.kind);
        problems.push(p.problem);
    };
    const otherProblem = (problem, fix, alone) => {
        others.set(problem, { fix, ...(alone !== undefined && { alone }) });
        problems.push(problem);
    };
    return { problems, credentials, others, literalProblem, otherProblem };
}
/**
 * An include that cannot be read (missing, not a regular file, outside the workspace ...) is a
 * problem of the line that names it, added by PROBLEM; the walk goes on with the other lines and
 * files (undefined: none of its lines). A file given (GIVEN: its index), not included, is refused
 * at once, its error said by GIVEN_ERROR when there is one.
 */
function readIncluded(abs, from, root, problem, given) {
    const bytes = given?.bytes;
    if (from === undefined) {
        try {
            return (0,read_file/* readRequirementsFile */.JB)(abs, undefined, root, bytes);
        }
        catch (e) {
            if (!(e instanceof errors/* InputError */.dz) || given?.error === undefined)
                throw e;
            throw given.error(given.index, e);
        }
    }
    try {
        return (0,read_file/* readRequirementsFile */.JB)(abs, from, root, bytes);
    }
    catch (e) {
        if (!(e instanceof errors/* InputError */.dz))
            throw e;
        problem(`${from}: ${e.message.replace(` (included from ${from})`, '')}`, e.fix, e);
        return undefined;
    }
}
/**
 * One problem per line (--json lists them in "problems"), each naming its file and line. The fix
 * is the credential one (credentialFix: revoke a secret, write ${NAME} for a reference) where every
 * problem is a credential written in a line or comment (CREDENTIALS), the syntax one followed by it
 * where some are, then the fixes of the OTHERS among them. An include that cannot be read, the
 * only problem, is its own error (placed on the line that names it), as it was before any list.
 */
function problemsError(files, found, credentials, others) {
    // Once each: a file named by both -r and -c is read (and checked) as both.
    const problems = [...new Set(found)];
    // An include that cannot be read, alone: its own error, on the line that names it.
    const alone = problems.length === 1 ? others.get(problems[0])?.alone : undefined;
    if (alone !== undefined)
        return alone;
    const listed = problems.slice(0, MAX_LISTED_ERRORS);
    const more = problems.length - listed.length;
    if (more > 0)
        listed.push(`... and ${more} more invalid lines (fix the ones above first)`);
    const kinds = problems.flatMap((p) => credentials.get(p) ?? []);
    const credentialsFix = credentialFix(kinds);
    const ownFixes = [...new Set(problems.flatMap((p) => others.get(p)?.fix ?? []))];
    const syntax = problems.some((p) => !credentials.has(p) && !others.has(p));
    const fixes = [
        ...(syntax ? [FIX] : []),
        ...(credentialsFix === undefined
            ? []
            : [
                syntax || ownFixes.length > 0
                    ? `a credential written in a line or comment: ${credentialsFix}`
                    : credentialsFix,
            ]),
        ...ownFixes,
    ];
    return new errors/* ConfigError */.xL(files.join(', '), listed, {
        ...(fixes.length > 0 && { fix: fixes.join('; ') }),
        count: problems.length,
        problemsNameFiles: true,
    });
}
/**
 * The include loop LINKS (the files from the one included again, each with its line that includes
 * the next) close at ABS: a problem of the closing line, listed with the others; alone, this error
 * placed on that line. Undefined for a closing line in SEEN (one loop reached from two lines that
 * lead into it), which it is added to.
 */
function includeLoop(links, abs, seen) {
    const at = links.map((c) => `${c.file}:${c.line}`);
    if (seen.has(at.at(-1)))
        return undefined;
    seen.add(at.at(-1));
    const loop = `requirements include loop: ${[...at, abs].join(' -> ')}`;
    const fix = 'remove one of these -r/-c lines (a file cannot include itself, directly or through others)';
    return {
        problem: `${at.at(-1)}: ${loop}`,
        fix,
        alone: new errors/* InputError */.dz(loop, fix, { location: (0,errors/* locationOf */.hD)(at.at(-1)) }),
    };
}

;// CONCATENATED MODULE: ./src/requirements/read.ts
// Reading requirements files at the door: only regular files, bounded in size, -r includes inlined
// (relative to the including file, as pip does), include loops refused with the chain, every line
// parsed strictly (parse.ts). A local -c file is read as constraints: its lines reach pip through
// the constraints file of the resolver and the build (RequirementsText.constraints). Refused:
// an editable install whose URL carries a login or a ${NAME} (editableCredentialWhy); a line, or a
// comment (commentCredentialProblems: the file is copied into the image, comments and all), that
// holds a credential written literally, or a reference pip does not fill in ($TOKEN)
// (literalCredentialProblem, credential-problems.ts); a constraint pip refuses (constraintLineWhy).
// A problem quotes a line masked and cut (quotedLine). The result is one text for pip plus the
// "file:line" of each line. Each file is read as read-file.ts allows: none from /proc, /sys or
// /dev, nor, given a root (the workspace), from outside it.










/** The -c files' lines as the text of one constraints file for pip ('' without any). Pure. */
function constraintsFileText(constraints) {
    const text = constraints?.text ?? '';
    return text === '' ? '' : `${text}\n`;
}
const EXPANDED_INCLUDE = 'a -r/-c path holding a ${NAME} that is set is not supported: the file is read and checked here, before pip runs; write its path';
const FILE_URL_INCLUDE = "a -r/-c file: URL is not supported: pip would open it inside the resolver's container and the build, which do not have your files; name the file by a path relative to this file";
const MANY_INCLUDES = 'more than one -r/-c on a line: pip reads only one of them (the first -r, else the first -c) and drops the others, whose requirements would be missing from the image; write each -r/-c on a line of its own';
/** Why a line of a constraints file (-c) is refused: what pip itself refuses there, said before it runs. */
function constraintLineWhy(l) {
    if (l.kind !== 'requirement')
        return undefined;
    if (l.editable)
        return 'an editable (-e) line cannot be a constraint (pip refuses it): move it to a requirements file';
    const shown = shownLine(l);
    const name = l.expanded ? (shown?.kind === 'requirement' ? shown.name : undefined) : l.name;
    if (name === undefined)
        return 'a constraint must name its project (pip refuses unnamed constraints): write "name @ URL"';
    // PEP 508: extras follow the name at once.
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*\s*\[/.test(l.text))
        return 'a constraint cannot name extras (pip refuses it): drop the [...] part; the bound holds for the project whatever extras a requirement asks for';
    return undefined;
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
    const ws = external_node_path_default().resolve(env.GITHUB_WORKSPACE);
    const base = external_node_path_default().resolve(baseDir);
    return { root: base === ws || base.startsWith(`${ws}${(external_node_path_default()).sep}`) ? ws : base };
}
/**
 * How many files deep -r/-c includes may nest (a deeper chain once overflowed the stack: an internal
 * error, exit 1). pip itself stops far short of a thousand.
 */
const MAX_INCLUDE_DEPTH = 64;
const TOO_DEEP = `includes nest ${MAX_INCLUDE_DEPTH} files deep here: flatten them (at most ${MAX_INCLUDE_DEPTH} files from the top one to the deepest)`;
/**
 * The environment a line is checked with: ${NAME} filled in as pip will, but never with one of the
 * runner's own variables (refused), nor, given `expandable` (build.secrets), with one not listed
 * there (refused by the caller): such a line is checked as written.
 */
function checkingEnv(env, expandable) {
    const may = (n) => !(0,runner_env/* isRunnerOwnVariable */.P)(n) && (expandable === undefined || expandable.includes(n));
    return Object.fromEntries(Object.entries(env).flatMap(([n, v]) => (v !== undefined && may(n) ? [[n, v]] : [])));
}
/** What a line shows: the line as written where ${NAME} was filled in (ParsedLine.written). */
const shownLine = (l) => (l.expanded ? l.written : l);
/**
 * Read and check requirements files (relative to baseDir) with their -r includes and -c files (the
 * latter's lines go to `constraints`; an editable URL with a login or a ${NAME}, a URL holding a
 * credential written literally, in a line or a comment, and a constraint pip refuses, are refused,
 * exit 2, naming their line). `opts.root`:
 * every file's real path must lie inside it (the workspace, in GitHub Actions), else exit 2.
 * `opts.expandable`: the only variables a line is checked with filled in (build.secrets; the caller
 * refuses the others, by `opts.refused`: each line naming one a problem). Every problem is listed
 * at once, an include that cannot be read among them (its file's lines unread); a file of FILES
 * that cannot be read is refused at once, said by `opts.given` (the config field naming it). No
 * message quotes a line with a value filled in.
 */
function readRequirements(files, baseDir, env = process.env, opts = {}) {
    const checkEnv = checkingEnv(env, opts.expandable);
    const done = new Set();
    /** Every file read, once, in the order first read, with the sha256 of its bytes. */
    const read = new Map();
    const into = readInto();
    const refs = new Set();
    const loops = new Set();
    const { problems, credentials, others, literalProblem, otherProblem } = problemList();
    const reference = (name, origin) => {
        refs.add(name);
        const why = opts.refused?.why(name);
        if (why !== undefined)
            otherProblem(`${origin}: \${${name}} ${why}`, opts.refused.fix);
    };
    // chain: the files being read, outermost first, with the line that includes the next.
    // asConstraints: named by a -c line (a -r inside such a file is requirements again, as in pip).
    // given: the index of a file of FILES (not included), whose error opts.given says.
    const visit = (abs, chain, asConstraints, given) => {
        const loopAt = chain.findIndex((c) => c.file === abs);
        if (loopAt >= 0) {
            const loop = includeLoop(chain.slice(loopAt), abs, loops);
            if (loop)
                otherProblem(loop.problem, loop.fix, loop.alone);
            return;
        }
        // The same file reached through two parents: once is enough (once as each, requirements and
        // constraints: pip reads it as both then).
        const key = `${asConstraints ? 'c' : 'r'}:${abs}`;
        if (done.has(key))
            return;
        const parent = chain.at(-1);
        const from = parent ? `${parent.file}:${parent.line}` : undefined;
        const text = readIncluded(abs, from, opts.root, otherProblem, {
            index: given ?? 0,
            error: opts.given,
            bytes: (data) => read.set(abs, (0,file_digest/* sha256 */.s)(data)),
        });
        if (text === undefined)
            return;
        const parsed = (0,parse/* parseRequirementsText */.XW)(text, checkEnv);
        // pip ignores comments, but the file, comments and all, is copied into the image.
        commentCredentialProblems(abs, text).forEach(literalProblem);
        const refused = checkLines(abs, parsed, reference, problems);
        for (const l of parsed.lines) {
            if (refused.has(l.line))
                continue;
            const origin = `${abs}:${l.line}`;
            const include = includeOf(l);
            const refusedWhy = (includeCount(l) > 1 && MANY_INCLUDES) ||
                (include && refusedInclude(include, l.expanded === true, chain.length + 1)) ||
                (asConstraints && constraintLineWhy(l));
            if (refusedWhy) {
                problems.push(`${origin}: "${quotedLine(l.text)}": ${refusedWhy}`);
                continue;
            }
            if (include && !isUrl(include.path)) {
                const next = [...chain, { file: abs, line: l.line }];
                // As pip: a -c file's lines are constraints, a -r file's requirements, wherever it is named.
                visit(external_node_path_default().resolve(external_node_path_default().dirname(abs), include.path), next, include.constraint);
                continue;
            }
            // As written: a ${NAME} is how a credential is passed, its value never judged here. An
            // editable line may be refused for both (a literal token to revoke, and -e to drop).
            const literal = literalCredentialProblem(origin, l.text);
            if (literal !== undefined)
                literalProblem(literal);
            const leak = editableLeak(l);
            if (leak !== undefined)
                problems.push(`${origin}: "${quotedLine(l.text)}": ${leak}`);
            if (literal !== undefined || leak !== undefined)
                continue;
            into.line(l, origin, asConstraints);
        }
        done.add(key);
    };
    // A URL first: resolved as a path, it would be reported as a missing ./https:/host/... file.
    (0,read_file/* refuseRequirementsUrls */.pN)(files).forEach((f, i) => visit(external_node_path_default().resolve(baseDir, f), [], false, i));
    if (problems.length > 0)
        throw problemsError(files, problems, credentials, others);
    return { ...into.result(), envReferences: [...refs], ...filesRead(read) };
}
/** The files read, in the order first read, and the sha256 of each (READ: the one by the other). */
const filesRead = (read) => ({
    files: [...read.keys()],
    sha256: Object.fromEntries(read),
});
/**
 * Where the lines read go: a requirement line of a constraints file, and a -c URL in one, to the
 * constraints; every other line to the requirements text (a -r URL is requirements wherever pip
 * reads it, and an option such as --index-url is global in pip, whichever file holds it).
 */
function readInto() {
    const out = [];
    const origins = [];
    const constraints = { lines: [], origins: [] };
    const requirements = [];
    const indexes = { extraIndexUrls: [] };
    const facts = lineFacts();
    return {
        line(l, origin, asConstraints) {
            facts.line(l, origin);
            if (asConstraints && (l.kind === 'requirement' || includeOf(l)?.constraint === true)) {
                constraints.lines.push(l.text);
                constraints.origins.push(origin);
                return;
            }
            out.push(l.text);
            origins.push(origin);
            const shown = shownLine(l);
            if (l.kind === 'requirement') {
                const url = shown?.kind === 'requirement' ? shown.url : undefined;
                // The name as written: a ${NAME} filled in is never a requirement's name here.
                const name = l.expanded ? (shown?.kind === 'requirement' ? shown.name : undefined) : l.name;
                requirements.push({
                    ...(name !== undefined && { name: (0,parse/* canonicalName */.Ew)(name) }),
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
        },
        result: () => ({
            text: out.join('\n'),
            origins,
            requirements,
            indexes,
            constraints: { text: constraints.lines.join('\n'), origins: constraints.origins },
            facts: facts.result(),
        }),
    };
}
/** Why a requirement line is refused for its editable URL (editableCredentialWhy), as written. */
function editableLeak(l) {
    if (l.kind !== 'requirement' || !l.editable)
        return undefined;
    const shown = shownLine(l);
    // A line that parses only once filled in holds a ${NAME}: its text is what is checked.
    return (0,credentials/* editableCredentialWhy */.S)((shown?.kind === 'requirement' ? shown.url : undefined) ?? l.text);
}
/**
 * Why an include line is refused; undefined for one that is kept: a remote URL (pip fetches it,
 * nothing is read here; a ${NAME} in it, a signed query say, is pip's to fill in) or a -r/-c file
 * (read here). A file: URL names a file neither the resolver's container nor the build has; a local
 * path holding a set ${NAME} would be quoted with its value (not found, outside the workspace).
 * DEPTH: how many files deep the included one would be.
 */
function refusedInclude(include, expanded, depth) {
    if (/^file:/i.test(include.path))
        return FILE_URL_INCLUDE;
    if (isUrl(include.path))
        return undefined;
    if (expanded)
        return EXPANDED_INCLUDE;
    return depth >= MAX_INCLUDE_DEPTH ? TOO_DEEP : undefined;
}
/**
 * The problems of one file's parsed lines, added to PROBLEMS, and its ${NAME} references to REFS.
 * The runner's own variables are refused first: a line naming one (checked without it filled in)
 * is not checked further; the lines returned.
 */
function checkLines(abs, parsed, reference, problems) {
    const refused = new Set();
    // What pip expands: the lines without their comments.
    for (const l of [...parsed.lines, ...parsed.errors].sort((a, b) => a.line - b.line))
        for (const r of (0,parse/* envReferences */.Q4)(l.text)) {
            if ((0,runner_env/* isRunnerOwnVariable */.P)(r)) {
                problems.push(`${abs}:${l.line}: \${${r}} ${runner_env/* RUNNER_OWN_VARIABLE */.X}`);
                refused.add(l.line);
            }
            else
                reference(r, `${abs}:${l.line}`);
        }
    for (const e of parsed.errors) {
        if (refused.has(e.line))
            continue;
        const what = e.text.startsWith('-') ? 'invalid option line' : 'invalid requirement';
        problems.push(`${abs}:${e.line}: ${what} "${quotedLine(e.text)}": ${quotedWhy(e.why)}`);
    }
    return refused;
}
/** How many -r/-c values an option line gives (pip follows one of them). */
const includeCount = (l) => l.kind === 'option'
    ? l.options.filter((o) => o.option === 'requirement' || o.option === 'constraint').length
    : 0;
function includeOf(l) {
    if (l.kind !== 'option')
        return undefined;
    const o = l.options.find((x) => x.option === 'requirement' || x.option === 'constraint');
    return o?.value !== undefined ? { path: o.value, constraint: o.option === 'constraint' } : undefined;
}


/***/ }),

/***/ 42545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ fileDigest),
/* harmony export */   s: () => (/* binding */ sha256)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
// Digests of the files a build reads, as provenance names them: one implementation for the build
// stage (build.json's `materials`, recorded when the build reads them) and the attest stage (an older
// version's build.json without `materials`: the files as they are when attested).


/** The SHA-256 of DATA, lowercase hex. */
const sha256 = (data) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
/**
 * FILE by the digest of its bytes now, named SHOWN; undefined when it cannot be read (gone since the
 * config was loaded, or not a file): provenance then leaves it out rather than name a wrong digest.
 */
function fileDigest(file, shown) {
    let bytes;
    try {
        bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file);
    }
    catch {
        return undefined;
    }
    return { path: shown, sha256: sha256(bytes) };
}


/***/ })

};
