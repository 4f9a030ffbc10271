export const id = 208;
export const ids = [208];
export const modules = {

/***/ 1208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Wh: () => (/* binding */ constraintsFileText),
  F2: () => (/* binding */ readRequirements),
  oS: () => (/* binding */ workspaceRoot)
});

// UNUSED EXPORTS: MAX_REQUIREMENTS_BYTES, readRequirementsFile

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/runner-env.ts
var runner_env = __webpack_require__(2426);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
;// CONCATENATED MODULE: ./src/requirements/read-file.ts
// Reading one requirements file at the door: a regular file, bounded in size, not under /proc,
// /sys or /dev (an include of /proc/self/environ would hand the process's environment to pip), and
// given a root (the workspace), inside it. Any other is exit 2 naming the file and who included it.




/** Larger requirements files are refused: pip's own are kilobytes; this bounds every read. */
const MAX_REQUIREMENTS_BYTES = 5 * 1024 * 1024;
/** Where no requirements file is read from, whatever it looks like: the kernel's and devices' files. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev'];
const isInside = (p, dir) => {
    const rel = external_node_path_default().relative(dir, p);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${(external_node_path_default()).sep}`) && !external_node_path_default().isAbsolute(rel));
};
/** The real path of a requirements file, refused (exit 2) under /proc, /sys, /dev or outside root. */
function checkedRealPath(abs, where, root) {
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(abs);
    }
    catch (e) {
        throw new errors/* InputError */.dz(`cannot read the requirements file ${abs}${where}: ${e.code ?? String(e)}`, 'check its permissions');
    }
    // The path as written counts too: /dev/stdin resolves through /proc/self/fd to another file.
    const system = SYSTEM_DIRS.find((d) => isInside(abs, d) || isInside(real, d));
    if (system !== undefined)
        throw new errors/* InputError */.dz(`requirements file ${abs}${where} is under ${system}: system files are never read as requirements`, 'name a requirements file of your repository');
    if (root === undefined)
        return real;
    let realRoot;
    try {
        realRoot = (0,external_node_fs_.realpathSync)(root);
    }
    catch (e) {
        throw new errors/* InputError */.dz(`the workspace ${root} cannot be resolved: ${e.code ?? String(e)}`);
    }
    if (!isInside(real, realRoot))
        throw new errors/* InputError */.dz(`requirements file ${abs}${where} is outside the workspace ${realRoot}${real === abs ? '' : ` (it resolves to ${real})`}`, 'keep requirements files, and every -r include, inside the repository');
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
        st = (0,external_node_fs_.statSync)(abs);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw new errors/* InputError */.dz(`requirements file not found: ${abs}${where}`, 'check the path in python.requirements / --requirements');
        throw new errors/* InputError */.dz(`cannot read the requirements file ${abs}${where}: ${code ?? String(e)}`, 'check its permissions');
    }
    if (!st.isFile())
        throw new errors/* InputError */.dz(`requirements file ${abs}${where} ${(0,read_regular/* notRegularFile */.s5)(st)}`, 'name a requirements file (a text file of requirement lines)');
    if (st.size > MAX_REQUIREMENTS_BYTES)
        throw new errors/* InputError */.dz(`requirements file ${abs}${where} is ${(st.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_REQUIREMENTS_BYTES / 1024 / 1024} MB limit`, 'a requirements file lists packages; split it or remove what is not a requirement');
    const real = checkedRealPath(abs, where, root);
    try {
        return (0,external_node_fs_.readFileSync)(real, 'utf8');
    }
    catch (e) {
        throw new errors/* InputError */.dz(`cannot read the requirements file ${abs}${where}: ${e.message}`, 'check its permissions');
    }
}

// EXTERNAL MODULE: ./src/util/redact.ts + 1 modules
var redact = __webpack_require__(69695);
;// CONCATENATED MODULE: ./src/util/url-secrets.ts
// The secret parts of a URL, for a log masker (core.setSecret): a runner then hides them wherever
// they appear, also in what pip or buildx print verbatim, which redactText never sees. The parts
// are what the shared rules mask in text (images/probe/redaction-rules.json): the userinfo, the
// value of a query or fragment parameter named for a secret, Anaconda's /t/<token>/ segment. The
// secret ones among them (not a plain user name, a placeholder, a short value, /t/ off Anaconda's
// hosts), written literally in a requirements file, are refused (requirements/credentials.ts).

const { span, query, pathToken } = redact/* REDACTION_RULES */.iz.urlTokens;
const URL_SPAN = new RegExp(span);
const QUERY_SECRET_G = new RegExp(query.pattern, query.ignoreCase ? 'gi' : 'g');
const PATH_TOKEN = new RegExp(pathToken);
/** A whole ${NAME}: pip expands it from the environment, it is no secret itself. */
const NAME_REFERENCE = /^\$\{[A-Za-z0-9_]+\}$/;
const isNameReference = (part) => NAME_REFERENCE.test(part);
/**
 * The tokens of URL (from its first '://' to whitespace or '"') that the shared rules mask:
 * Anaconda's `/t/<token>/` segment right after the host, and the value of each query or fragment
 * parameter named for a secret (`?token=`, `&sig=`, `X-Amz-Signature=`, also percent-encoded).
 * A value that is a whole `${NAME}` is not one (the rule skips it); an empty one is given as such.
 */
function urlTokens(url) {
    const colon = url.indexOf('://');
    if (colon < 0)
        return [];
    const rest = URL_SPAN.exec(url.slice(colon))[0];
    const out = [];
    const t = PATH_TOKEN.exec(rest);
    if (t)
        out.push({ where: '/t/', value: t[2], at: colon + t.index + t[1].length });
    for (const m of rest.matchAll(QUERY_SECRET_G))
        out.push({ where: m[1], value: m[2], at: colon + m.index + m[1].length });
    return out;
}
/** TEXT percent-decoded; undefined when it does not decode (a bare '%', as in `p%ss`). */
function decoded(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return undefined;
    }
}
/** Nothing in it, masked already, or a whole ${NAME} reference: nothing to mask. */
const noSecret = (part) => part === '' || part === redact/* REDACTED */.XF || part === redact/* MASK */.v5 || isNameReference(part);
/**
 * Whether PART of a URL (a password, a parameter's value) holds a value of its own: not empty, not
 * masked already, not a whole `${NAME}` reference (as written or percent-decoded).
 */
const isLiteralSecret = (part) => {
    const d = decoded(part);
    return !noSecret(part) && (d === undefined || !noSecret(d));
};
/**
 * Every secret part of URL, to mask in logs: its user name and password, the value of each query
 * or fragment parameter the shared rule names (`?token=`, `&X-Amz-Signature=`, `sig=`, also
 * percent-encoded, in a URL nested in the query), and the token of an Anaconda `/t/<token>/`
 * segment right after the host. Each is given as written in the URL (percent-encoded) and
 * decoded, when that differs; a part that does not decode (a bare '%') is given as written. Empty,
 * masked already or a whole `${NAME}` reference (in either form) is left out, and so is a form
 * shorter than MIN_CHARS (a mask that short would hide that text in every log line).
 */
function urlSecrets(url, minChars) {
    const parts = [];
    try {
        const u = new URL(url);
        parts.push(u.username, u.password);
    }
    catch {
        // No URL to the parser: no login pip would send. Its tokens are still found below.
    }
    for (const t of urlTokens(url))
        parts.push(t.value);
    const out = new Set();
    for (const raw of parts) {
        if (!isLiteralSecret(raw))
            continue;
        const d = decoded(raw);
        if (d !== undefined)
            out.add(d);
        out.add(raw);
    }
    return [...out].filter((s) => s.length >= minChars);
}

;// CONCATENATED MODULE: ./src/requirements/credential-values.ts
// What a value written in a credential's place in a requirements file is, for the refusal at the
// door (credentials.ts): a secret; a reference pip does not fill in ($NAME, %NAME%, {{name}},
// $(...): a mistake in a line, fine in a comment); or nothing to refuse
// (empty, a whole ${NAME}, a mask such as pip-compile's `****`, a placeholder such as `<token>` or
// `YOUR_KEY`, or shorter than MIN_SECRET_CHARS). Also the tokens of a known form in free text (a
// comment). Pure. Log masking (util/url-secrets.ts, util/redact.ts) keeps its own, wider rule:
// whatever it may hide, it hides.


/** A shorter value is no token for the refusal (a real one is longer); masking is unaffected. */
const MIN_SECRET_CHARS = 6;
/** TEXT percent-decoded, or as written where it does not decode (a bare '%'). */
const decodedOr = (text) => decoded(text) ?? text;
/**
 * References pip does not fill in (it expands only `${NAME}`): a shell's `$NAME` and `$(command)`,
 * Windows' `%NAME%`, a template's `{{name}}` (also GitHub's `${{ secrets.NAME }}`).
 */
const UNEXPANDED = [
    /^\$[A-Za-z_][A-Za-z0-9_]*$/,
    /^\$\([^()]*\)$/,
    /^%[A-Za-z_][A-Za-z0-9_]*%$/,
    /^\$?\{\{[^{}]*\}\}$/,
];
/** Whether VALUE (as written) is wholly a reference pip does not fill in (UNEXPANDED). */
const isUnexpandedReference = (value) => UNEXPANDED.some((p) => p.test(value));
/**
 * A value masked already: all '*' (pip-compile's header writes `https://__token__:****@host`),
 * REDACTED in any case or bracketed, runs of x, X or '.' (`xxxxxxxx`, `XXXX-XXXX`, `...`), also
 * after a token's prefix (`nvapi-XXXXXXXX`, `ghp_xxxxxxxx`, `hf_***`).
 */
const MASKED = [
    /^(?:[A-Za-z][A-Za-z0-9]{0,11}[-_])?(?:\*+|[xX.]+(?:[-_][xX.]+)*)$/,
    /^[[<(]?redacted[\]>)]?$/i,
];
const isMasked = (value) => MASKED.some((p) => p.test(value));
/** The words a placeholder is made of (`your_api_key`, `YourToken`, `password`, `value`). */
const PLACEHOLDER_WORDS = new Set(('a an the my your our app api access auth bearer client private personal project deploy secret ' +
    'secrets token tokens password passwd passphrase pass pwd key keys value user username login name ' +
    'here example placeholder changeme sas sig signature pat account org organization feed id ' +
    'credential credentials creds env sample dummy fake true false none null yes no').split(' '));
/**
 * Whether VALUE (as written or decoded) is a placeholder, no secret: wholly `<...>`, `[...]`,
 * `{{...}}`, a reference (`${NAME}`, `$NAME`, `$(...)`, `%NAME%`), an upper-case identifier without
 * digits (`YOUR_KEY`, `TOKEN`, `PAT`, `API_KEY`), or words of PLACEHOLDER_WORDS only (`value`,
 * `password`, `your-api-key`, `true`, `none`; also `1` and `0`).
 */
function isPlaceholder(value) {
    if (/^(?:<[^<>]*>|\[[^[\]]*\]|[01])$/.test(value))
        return true;
    if (isNameReference(value) || isUnexpandedReference(value))
        return true;
    if (/^_*[A-Z]+(?:[-_]+[A-Z]+)*_*$/.test(value))
        return true;
    if (!/^[A-Za-z][A-Za-z_-]*$/.test(value))
        return false;
    const words = value.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[-_ ]+/);
    return words.every((w) => w === '' || PLACEHOLDER_WORDS.has(w.toLowerCase()));
}
/**
 * Whether VALUE, written in a secret's place (a password, a query parameter's value, /t/<token>/),
 * is no secret to refuse: empty, a whole `${NAME}`, masked, a placeholder, or shorter than
 * MIN_SECRET_CHARS; as written or percent-decoded.
 */
function noSecretValue(value) {
    const d = decodedOr(value);
    if (!isLiteralSecret(value) || d.length < MIN_SECRET_CHARS)
        return true;
    return [value, d].some((v) => isMasked(v) || isPlaceholder(v));
}
/**
 * What VALUE (as written in a URL: a password, a query parameter's value, a /t/ token, or a user
 * name that is the token: `TOKEN:@`, `TOKEN:x-oauth-basic@`) is. LIVE (a line pip reads, not a
 * comment): a reference pip does not fill in is one to refuse.
 */
function valueKind(value, live) {
    if (live && [value, decodedOr(value)].some(isUnexpandedReference))
        return 'reference';
    return noSecretValue(value) ? undefined : 'secret';
}
/** Token forms the refusal knows beyond the shared rules: a PyPI API token (a macaroon). */
const EXTRA_TOKEN_SHAPES = ['pypi-AgE[A-Za-z0-9_-]{20,}'];
const TOKEN_SHAPES = [...redact/* REDACTION_RULES */.iz.secretValues, ...EXTRA_TOKEN_SHAPES];
const TOKEN_SHAPE_G = TOKEN_SHAPES.map((p) => new RegExp(p, 'g'));
/**
 * Where the tokens of a known form are in TEXT (a comment), [start, end) each: the shared rules'
 * secretValues (ghp_, github_pat_, glpat-, hf_, AKIA, xox?-, sk-), a PyPI token and a JSON Web
 * Token; a masked one (`hf_xxxxxxxxxxxxxxxxxxxx`) is none. Not the generic base64-like rule: a
 * `--hash` digest is no token.
 */
function tokensIn(text) {
    const found = [];
    for (const p of TOKEN_SHAPE_G)
        for (const m of text.matchAll(p))
            if (!isMasked(m[0]))
                found.push([m.index, m.index + m[0].length]);
    return [...found, ...(0,redact/* findJwts */.OK)(text)];
}
/**
 * What a user name written without a password (`https://NAME@host`) is: a secret where it is a
 * token, one of a known form (tokensIn: holds `ghp_...`, `glpat-...`, a JWT ...) or at least 30
 * characters of letters and digits, both, without '-' or '_' (an Azure DevOps or an old GitHub
 * token; an organization's name, `my-long-org-name-2024`, has hyphens); LIVE, a reference pip does
 * not fill in. Anything else is a user name (pip asks for its password): none.
 */
function userKind(user, live) {
    const d = decodedOr(user);
    if (live && [user, d].some(isUnexpandedReference))
        return 'reference';
    if ([user, d].some(isMasked))
        return undefined;
    const long = (v) => /^[A-Za-z0-9+/=]{30,}$/.test(v) && /[A-Za-z]/.test(v) && /[0-9]/.test(v);
    return [user, d].some((v) => tokensIn(v).length > 0 || long(v)) ? 'secret' : undefined;
}

// EXTERNAL MODULE: ./src/requirements/parse.ts + 1 modules
var parse = __webpack_require__(12696);
;// CONCATENATED MODULE: ./src/requirements/credentials.ts
// Credentials in a requirements file's URLs, judged as written (a ${NAME} pip fills in from
// build.secrets is the way to pass one, never a problem in itself). Two refusals, both exit 2 at
// the door (read.ts): an editable install whose URL holds a login or any ${NAME}
// (editableCredentialWhy), and a credential written literally in any URL of any line or of any
// comment (literalCredentials; their problems: credential-problems.ts): a login's password, a user name
// that is a token, a token in the query, as the shared redaction rules
// (images/probe/redaction-rules.json) name its parameters, an Anaconda /t/<token>/ segment (on an
// Anaconda host), in a comment also a token of a known form anywhere. What a value is (a secret, a
// placeholder, a mask, a reference pip does not fill in) is credential-values.ts' rule. Pure.
// No advice here holds an '@': every masker (redactUrls, maskBareLogins) would eat its example.



const isSsh = (scheme) => /(^|\+)ssh$/i.test(scheme);
/**
 * USERINFO (at AT, of a URL of SCHEME) as a Login: its user name ends at the first ':' or '%3A',
 * whichever comes first (`u%3Apw@` is user `u`, password `pw` once decoded, as a server reads it).
 */
function loginOf(userinfo, at, scheme) {
    const plain = userinfo.indexOf(':');
    const encoded = /%3A/i.exec(userinfo)?.index ?? -1;
    const colon = plain >= 0 && (encoded < 0 || plain < encoded) ? plain : encoded;
    return { userinfo, at, colon, colonLength: colon === plain ? 1 : 3, ssh: isSsh(scheme) };
}
/** A URL's scheme and authority (login, host, port), at its start. */
const AUTHORITY = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/;
/** The login of URL (a scheme at its start), what precedes the last '@' of its authority. */
function plainLogin(url) {
    const m = AUTHORITY.exec(url);
    const end = m ? m[2].lastIndexOf('@') : -1;
    return end < 0 ? undefined : loginOf(m[2].slice(0, end), m[1].length + 3, m[1]);
}
/**
 * The login (userinfo) of URL and whether it is a credential: `git@` is none, and over SSH neither
 * is any bare user name (`gitlab@`, `jenkins@`: the key is not in the URL); a password is one, over
 * SSH as over https. Undefined without one. (The editable rule: any login there is refused.)
 */
function urlLogin(url) {
    const l = plainLogin(url);
    return l && { userinfo: l.userinfo, credential: l.userinfo !== 'git' && (!l.ssh || l.colon >= 0) };
}
const EDITABLE_FIX = 'drop -e and keep the URL with its ${NAME} as a plain requirement (NAME @ git+https://...): pip records no login of a non-editable install, and keeps no checkout';
/**
 * Why an editable requirement (-e/--editable) is refused: its URL as written carries a login
 * (user:password@ or token@; SSH's fixed `git@` is none) or a ${NAME}. pip clones an editable VCS
 * install into <cwd>/src/<name> and keeps the checkout, whose .git/config keeps the URL as pip filled
 * it in, token and all: in the image's layer. A non-editable install keeps no checkout, and pip
 * records its URL (direct_url.json) without the login. Pure; undefined for a line that is kept.
 */
function editableCredentialWhy(url) {
    const refs = [...new Set((0,parse/* envReferences */.Q4)(url))];
    const login = urlLogin(url)?.credential === true;
    if (refs.length === 0 && !login)
        return undefined;
    const what = refs.length > 0 ? refs.map((n) => `\${${n}}`).join(', ') : 'a login';
    return `an editable install (-e) whose URL holds ${what}: pip keeps an editable install's checkout (src/<name> under the build step's directory) in the image, and the checkout's .git/config keeps that URL as pip read it, credential and all; ${EDITABLE_FIX}`;
}
const isLetter = (c) => /[A-Za-z]/.test(c);
const isSchemeChar = (c) => /[A-Za-z0-9+.-]/.test(c);
/** Where a URL ends: the shared rules' span (urlTokens.span), to whitespace or a double quote. */
const URL_END = /[\t\n\r\f\v "]/g;
/** Where the scheme that ends at END of TEXT starts, not before FROM; END when there is none. */
function schemeStart(text, end, from) {
    let start = end;
    while (start > from && isSchemeChar(text[start - 1]))
        start--;
    while (start < end && !isLetter(text[start]))
        start++;
    return start;
}
/**
 * Each URL of a line as written, with where it starts: a scheme, '://' and what follows to
 * whitespace or '"', or to where a URL nested in its query starts (`?url=https://u:pw@h/x`): each
 * part of the line is read in one URL, a nested URL's login and /t/ segment as an outer one's.
 * Linear: a scheme is looked for back to the previous '://' only.
 */
function urlsIn(text) {
    const found = [];
    let spanEnd = -1;
    for (let colon = text.indexOf('://'), from = 0; colon >= 0; colon = text.indexOf('://', from)) {
        const start = schemeStart(text, colon, from);
        from = colon + 3;
        if (start === colon)
            continue;
        if (colon < spanEnd)
            found.at(-1).end = start;
        else {
            URL_END.lastIndex = colon;
            spanEnd = URL_END.exec(text)?.index ?? text.length;
        }
        found.push({ at: start, end: spanEnd });
    }
    return found.map(({ at, end }) => ({ url: text.slice(at, end), at }));
}
/** A URL written percent-encoded (in another's query, or alone in a comment): its '://' (any case). */
const ENCODED_SCHEME_END = /%3A%2F%2F/gi;
/**
 * Its authority: to '/', '?', '#', '&', one of them encoded, white space or '"' (unrolled: no
 * backtracking).
 */
const ENCODED_NETLOC = /[^/?#&%\t\n\r\f\v "]*(?:%(?!2F|3F|23)[^/?#&%\t\n\r\f\v "]*)*/iy;
/**
 * The logins of the URLs written percent-encoded in TEXT (`?url=https%3A%2F%2Fu%3Apw%40h%2Fx`, in
 * a URL's query or alone), where their userinfo starts in TEXT.
 */
function encodedLogins(text) {
    const out = [];
    if (!text.includes('%'))
        return out;
    let from = 0;
    for (const m of text.matchAll(ENCODED_SCHEME_END)) {
        const start = schemeStart(text, m.index, from);
        from = m.index + m[0].length;
        ENCODED_NETLOC.lastIndex = from;
        const netloc = ENCODED_NETLOC.exec(text)[0];
        const end = Math.max(netloc.lastIndexOf('@'), netloc.lastIndexOf('%40'));
        if (start === m.index || end < 0)
            continue;
        out.push(loginOf(netloc.slice(0, end), from, text.slice(start, m.index)));
    }
    return out;
}
/**
 * Passwords a forge documents as fixed and public, the token then being the user name: GitHub's
 * `https://${TOKEN}:x-oauth-basic@github.com/...`. (Where the fixed part is the user name,
 * `x-access-token:`, `oauth2:`, `x-token-auth:`, the password is the token: judged as any.)
 */
const PUBLIC_PASSWORDS = new Set(['x-oauth-basic']);
/**
 * The secret of a login to judge, where it is in its text, and what it is (valueKind, userKind):
 * the password (a fixed public one, as `x-oauth-basic`, makes the user name the token); the user
 * name of `TOKEN:@` (an empty password: Gemfury's form); a user name without a password where it is
 * a token (userKind: over https `myuser@` is a user name, pip asks for the password; over SSH never:
 * the key is not in the URL). SSH's `git@` is none. Undefined without one.
 */
function loginSecret(l, live) {
    if (l.userinfo === 'git')
        return undefined;
    if (l.colon < 0)
        return l.ssh ? undefined : { at: l.at, value: l.userinfo, kind: userKind(l.userinfo, live) };
    const password = l.userinfo.slice(l.colon + l.colonLength);
    const value = password !== '' && !PUBLIC_PASSWORDS.has(decodedOr(password).toLowerCase()) ? password : undefined;
    if (value !== undefined)
        return { at: l.at + l.colon + l.colonLength, value, kind: valueKind(value, live) };
    const user = l.userinfo.slice(0, l.colon);
    return { at: l.at, value: user, kind: valueKind(user, live) };
}
/** A query parameter as a message names it: `%26sig%3D` -> `sig=`. */
const paramName = (where) => `${where.replace(/^(?:[?&#]|%3F|%2[36])/i, '').replace(/(?:=|%3D)$/i, '')}=`;
/** Hosts whose `/t/<token>/` right after the host is a token: Anaconda's (log masking: any host's). */
const ANACONDA_HOST = /^(?:(?:[a-z0-9-]+\.)*anaconda\.(?:org|cloud)|repo\.anaconda\.com)$/;
/** The host of URL (a scheme at its start), lower case, without login, port or final '.'. */
function hostOf(url) {
    const netloc = AUTHORITY.exec(url)?.[2] ?? '';
    return netloc
        .slice(netloc.lastIndexOf('@') + 1)
        .replace(/:[0-9]*$/, '')
        .replace(/\.$/, '')
        .toLowerCase();
}
/** What follows a query value the shared rule ends at '<' or '>': to '&', '#', white space, a quote. */
const VALUE_REST = /[^\t\n\r\f\v "'\\`&#]*/y;
/** The same after an encoded '=' (%3D): also to %26 or %23 (unrolled: no backtracking). */
const ENCODED_VALUE_REST = /[^\t\n\r\f\v "'\\`&#%]*(?:%(?!2[36])[^\t\n\r\f\v "'\\`&#%]*)*/iy;
/**
 * The tokens of URL to judge: its secret query parameters (urlTokens), each value read on past a
 * '<' or '>' (where the shared masking rule stops) to where the parameter ends, so that a value is
 * judged whole, as a login's password is (`?token=<token>` is a placeholder, `?token=<x>s3cr3t` is
 * not); and, on an Anaconda host only, its /t/<token>/ segment (a forum's /t/<topic>/ is none).
 */
function urlTokensToJudge(url) {
    const all = urlTokens(url);
    const query = all.filter((t) => t.where !== '/t/');
    const out = query.map((t, i) => {
        const end = t.at + t.value.length;
        if (url[end] !== '<' && url[end] !== '>')
            return { ...t, what: paramName(t.where) };
        const next = query[i + 1];
        const bound = next ? next.at - next.where.length : url.length;
        const rest = /%3D$/i.test(t.where) ? ENCODED_VALUE_REST : VALUE_REST;
        rest.lastIndex = 0;
        return { ...t, what: paramName(t.where), value: t.value + rest.exec(url.slice(end, bound))[0] };
    });
    const t = all.find((x) => x.where === '/t/');
    if (t && ANACONDA_HOST.test(hostOf(url)))
        out.unshift({ ...t, what: '/t/' });
    return out;
}
const LOGIN_WHAT = 'a login (a password, or a token as the user name)';
const REFERENCE_WHAT = 'a reference pip does not fill in ($NAME, %NAME%, {{name}} or $(...))';
/** How a message names a credential found in WHERE (a login, `sig=`, `/t/`, a token in a comment). */
function whatOf(where, kind) {
    if (kind === 'reference')
        return `${REFERENCE_WHAT} in ${where === 'login' ? 'a login' : where === '/t/' ? '/t/<token>/' : `the query (${where})`}`;
    if (where === 'login')
        return LOGIN_WHAT;
    if (where === '/t/')
        return 'an Anaconda token (/t/<token>/)';
    if (where === 'token')
        return 'a token of a known form (ghp_, glpat-, hf_, pypi-, AKIA, sk-, a JWT ...)';
    return `a token in the query (${where})`;
}
/**
 * The credentials written literally in TEXT (a requirements line as written, or with LIVE false a
 * comment): the secret of each login (loginSecret), also of a URL nested in another's query or
 * written percent-encoded; a query or fragment parameter the shared rules name, and an Anaconda
 * host's `/t/<token>/` segment (urlTokensToJudge); in a comment also a token of a known form
 * anywhere (tokensIn). What is a secret, and what is no credential (a whole `${NAME}`, a mask, a
 * placeholder, a short value), is credential-values.ts' rule; in a line, a reference pip does not
 * fill in (`$TOKEN`) is one too, of kind 'reference'.
 */
function literalCredentials(text, live = true) {
    const found = [];
    const add = (where, kind, start, length) => {
        if (kind !== undefined)
            found.push({ what: whatOf(where, kind), start, end: start + length, kind });
    };
    const urls = text.includes('://') ? urlsIn(text) : [];
    const logins = encodedLogins(text);
    for (const { url, at } of urls) {
        const l = plainLogin(url);
        if (l)
            logins.push({ ...l, at: at + l.at });
    }
    for (const login of logins) {
        const secret = loginSecret(login, live);
        if (secret)
            add('login', secret.kind, secret.at, secret.value.length);
    }
    for (const { url, at } of urls)
        for (const t of urlTokensToJudge(url))
            add(t.what, valueKind(t.value, live), at + t.at, t.value.length);
    if (!live)
        for (const [start, end] of outside(tokensIn(text), found))
            add('token', 'secret', start, end - start);
    return found;
}
/**
 * The spans of SPANS ([start, end) each) that overlap none of TAKEN: a token of a known form found
 * in a URL's credential already is named once. Linear after sorting: spans by their end, TAKEN by
 * its start, each with the furthest end of those that start before it.
 */
function outside(spans, taken) {
    const byStart = [...taken].sort((a, b) => a.start - b.start);
    const out = [];
    let i = 0;
    let furthest = -1;
    for (const [start, end] of [...spans].sort((a, b) => a[1] - b[1])) {
        for (; i < byStart.length && byStart[i].start < end; i++)
            furthest = Math.max(furthest, byStart[i].end);
        if (furthest <= start)
            out.push([start, end]);
    }
    return out;
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
/**
 * TEXT (a requirements line as written) as it may be shown: each credential written literally in
 * it masked, and redactUrls over it. By default both rules judge it: the line's, and the
 * comment's (a line quoted whole may hold its comment, and a token there: `# HF_TOKEN=hf_...`).
 */
function maskLiteralCredentials(text, found = [...literalCredentials(text), ...literalCredentials(text, false)]) {
    let shown = '';
    let done = 0;
    for (const c of [...found].sort((a, b) => a.start - b.start)) {
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
 * credential written literally (literalCredentials), or undefined; of a comment (TEXT from its
 * '#') with `comment`. The text is shown with each value found masked, and redactUrls over it, cut
 * to MAX_QUOTED_CHARS: no value found is in what is returned. A line whose only ones are references
 * pip does not fill in (`$TOKEN`) says to write `${NAME}`: nothing to revoke.
 */
function literalCredentialProblem(origin, text, comment = false) {
    const found = literalCredentials(text, !comment);
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








/** More invalid lines than this are counted, not listed. */
const MAX_LISTED_ERRORS = 20;
/** The -c files' lines as the text of one constraints file for pip ('' without any). Pure. */
function constraintsFileText(constraints) {
    const text = constraints?.text ?? '';
    return text === '' ? '' : `${text}\n`;
}
const FIX = 'fix that line: PEP 508 syntax such as "scikit-learn>=1.4,<2" or a pip option (https://pip.pypa.io/en/stable/reference/requirements-file-format/)';
const EXPANDED_INCLUDE = 'a -r/-c path holding a ${NAME} that is set is not supported: the file is read and checked here, before pip runs; write its path';
const FILE_URL_INCLUDE = "a -r/-c file: URL is not supported: pip would open it inside the resolver's container and the build, which do not have your files; name the file by a path relative to this file";
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
 * refuses the others). No message quotes a line with a value filled in.
 */
function readRequirements(files, baseDir, env = process.env, opts = {}) {
    const checkEnv = checkingEnv(env, opts.expandable);
    const done = new Set();
    /** Every file read, once, in the order first read. */
    const read = new Set();
    const into = readInto();
    const refs = new Set();
    const { problems, credentials, literalProblem } = problemList();
    // chain: the files being read, outermost first, with the line that includes the next.
    // asConstraints: named by a -c line (a -r inside such a file is requirements again, as in pip).
    const visit = (abs, chain, asConstraints) => {
        const loopAt = chain.findIndex((c) => c.file === abs);
        if (loopAt >= 0) {
            const links = chain.slice(loopAt).map((c) => `${c.file}:${c.line}`);
            throw new errors/* InputError */.dz(`requirements include loop: ${[...links, abs].join(' -> ')}`, 'remove one of these -r/-c lines (a file cannot include itself, directly or through others)');
        }
        // The same file reached through two parents: once is enough (once as each, requirements and
        // constraints: pip reads it as both then).
        const key = `${asConstraints ? 'c' : 'r'}:${abs}`;
        if (done.has(key))
            return;
        const parent = chain.at(-1);
        const from = parent ? `${parent.file}:${parent.line}` : undefined;
        const text = readRequirementsFile(abs, from, opts.root);
        read.add(abs);
        const parsed = (0,parse/* parseRequirementsText */.XW)(text, checkEnv);
        // pip ignores comments, but the file, comments and all, is copied into the image.
        commentCredentialProblems(abs, text).forEach(literalProblem);
        const refused = checkLines(abs, parsed, refs, problems);
        for (const l of parsed.lines) {
            if (refused.has(l.line))
                continue;
            const origin = `${abs}:${l.line}`;
            const include = includeOf(l);
            const refusedWhy = (include && refusedInclude(include, l.expanded === true)) || (asConstraints && constraintLineWhy(l));
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
    for (const f of files)
        visit(external_node_path_default().resolve(baseDir, f), [], false);
    if (problems.length > 0)
        throw problemsError(files, problems, credentials);
    return { ...into.result(), envReferences: [...refs], files: [...read] };
}
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
    return {
        line(l, origin, asConstraints) {
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
        }),
    };
}
/**
 * The problems of a read, and the kind of those that are credentials written in a line or a comment
 * (literalProblem adds one): those have their own fix (problemsError).
 */
function problemList() {
    const problems = [];
    const credentials = new Map();
    const literalProblem = (p) => {
        credentials.set(p.problem, p.kind);
        problems.push(p.problem);
    };
    return { problems, credentials, literalProblem };
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
 * nothing is read here; a ${NAME} in it, a signed query say, is pip's to fill in) or a -r/-c file
 * (read here). A file: URL names a file neither the resolver's container nor the build has; a local
 * path holding a set ${NAME} would be quoted with its value (not found, outside the workspace).
 */
function refusedInclude(include, expanded) {
    if (/^file:/i.test(include.path))
        return FILE_URL_INCLUDE;
    if (isUrl(include.path))
        return undefined;
    return expanded ? EXPANDED_INCLUDE : undefined;
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
        for (const r of (0,parse/* envReferences */.Q4)(l.text)) {
            if ((0,runner_env/* isRunnerOwnVariable */.P)(r)) {
                problems.push(`${abs}:${l.line}: \${${r}} ${runner_env/* RUNNER_OWN_VARIABLE */.X}`);
                refused.add(l.line);
            }
            else
                refs.add(r);
        }
    for (const e of parsed.errors) {
        if (refused.has(e.line))
            continue;
        const what = e.text.startsWith('-') ? 'invalid option line' : 'invalid requirement';
        problems.push(`${abs}:${e.line}: ${what} "${quotedLine(e.text)}": ${quotedWhy(e.why)}`);
    }
    return refused;
}
/**
 * One problem per line (--json lists them in "problems"), each naming its file and line. The fix
 * is the credential one (credentialFix: revoke a secret, write ${NAME} for a reference) where every
 * problem is a credential written in a line or comment (CREDENTIALS), the syntax one followed by it
 * where some are.
 */
function problemsError(files, found, credentials) {
    // Once each: a file named by both -r and -c is read (and checked) as both.
    const problems = [...new Set(found)];
    const listed = problems.slice(0, MAX_LISTED_ERRORS);
    const more = problems.length - listed.length;
    if (more > 0)
        listed.push(`... and ${more} more invalid lines (fix the ones above first)`);
    const kinds = problems.flatMap((p) => credentials.get(p) ?? []);
    const credentialsFix = credentialFix(kinds);
    const fix = credentialsFix === undefined
        ? FIX
        : kinds.length === problems.length
            ? credentialsFix
            : `${FIX}; a credential written in a line or comment: ${credentialsFix}`;
    return new errors/* ConfigError */.xL(files.join(', '), listed, {
        fix,
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


/***/ })

};
