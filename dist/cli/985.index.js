export const id = 985;
export const ids = [985];
export const modules = {

/***/ 95245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ asConfigProblem),
/* harmony export */   d: () => (/* binding */ requirementsFieldError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11012);
// An error about one field whose content is read after the config (smoke.baseline's floors,
// attest.key's key file, a requirements file), said as the config's own problems are: the config
// file, the line; or the action input that gave the field, when one did.


/**
 * PROBLEM (a line of it, "line 30: attest.key: ...") as a ConfigError of LOADED's file, with FIX;
 * of the inputs (no file named, none annotated) when FROMINPUT: an input gave the field.
 */
function configProblem(loaded, problem, fix, fromInput = false) {
    const source = fromInput ? 'inputs' : (loaded.label ?? loaded.file ?? 'inputs');
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(source, [problem], {
        ...(fix !== undefined && { fix }),
        ...(loaded.file !== undefined && !fromInput && { file: source }),
    });
}
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
        // A field an action input or flag gave is the input's ("attest.sign: ... (from input "sign")").
        const field = (0,_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .leadingField */ .Nd)(e.message);
        const head = /^\S+: /.exec(e.message);
        if (field !== undefined && head && loaded.sourceOf?.(field) !== undefined)
            throw fileFieldError(loaded, field, new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(e.message.slice(head[0].length), e.fix));
        throw configProblem(loaded, (0,_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .withFieldLine */ .d0)(e.message, loaded.lineOf), e.fix);
    }
}
/**
 * ERROR about the file the config names at PATH (python.requirements[0]: too big, outside the
 * workspace, unreadable) as the config's own problems are: "ml-image.yml: 1 problem / line 15:
 * python.requirements[0]: requirements file ...", its fix kept. A path an input gave is the input's:
 * "inputs: 1 problem / python.requirements[0]: requirements file ... (from input "requirements")".
 */
function fileFieldError(loaded, path, error) {
    const origins = {
        ...(loaded.lineOf && { lineOf: loaded.lineOf }),
        ...(loaded.sourceOf && { sourceOf: loaded.sourceOf }),
    };
    const fromInput = loaded.sourceOf?.(path) !== undefined;
    return configProblem(loaded, (0,_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .problemAt */ .l4)(path, error.message, origins), error.fix, fromInput);
}
/** How a requirements file of python.requirements that cannot be read is said (readRequirements' `given`). */
const requirementsFieldError = (loaded) => (index, error) => fileFieldError(loaded, ['python', 'requirements', index], error);


/***/ }),

/***/ 3788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a4: () => (/* binding */ describeIndexes),
  vT: () => (/* binding */ netrcIndexes),
  pN: () => (/* binding */ outputMasker),
  aI: () => (/* binding */ pipConf),
  DV: () => (/* binding */ pipIndexEnv),
  iP: () => (/* binding */ pipIndexes),
  NB: () => (/* binding */ warnKeptLogins),
  BH: () => (/* binding */ withExtraIndex)
});

// UNUSED EXPORTS: givenPipIndexes

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/pip-index-url.ts
var pip_index_url = __webpack_require__(72752);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
;// CONCATENATED MODULE: ./src/python/netrc.ts
// Index logins reach pip through a netrc file, the URLs without them: pip copies every index URL,
// login included, onto the command line of the pip it starts to build a source distribution
// (build isolation: `pip install ... -i URL --extra-index-url URL -- BACKEND`, pip's
// build_env.py), and any local user reads a process's command line (/proc/PID/cmdline). pip sends
// the login for a URL's host from the netrc file NETRC names (its vendored requests >= 2.25, pip
// >= 20.3: network/auth.py _get_new_credentials -> get_netrc_auth), which looks the host up
// without its port. A login stays in its URL (as before) where a netrc file cannot carry it for
// every Python: two different logins on one host, a login without a password (Python before 3.11
// refuses the whole file), or one with characters whose meaning differs between Python's netrc
// parsers (whitespace, a backslash, a leading double quote, anything not printable ASCII).
/** A netrc word every Python's netrc module reads as written (checked with 3.6 to 3.13). */
const PORTABLE = /^(?!")[\x21-\x5b\x5d-\x7e]+$/;
/** As Python's urllib.parse.unquote, where that agrees with decodeURIComponent; else undefined. */
function unquote(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return undefined;
    }
}
/** An http(s) URL with a login, split as pip splits it (split_auth_from_netloc); else undefined. */
function parse(url) {
    const m = /^(https?:\/\/)([^/?#]*)(.*)$/is.exec(url);
    if (!m)
        return undefined;
    const [, scheme, authority, rest] = m;
    const at = authority.lastIndexOf('@');
    if (at < 0)
        return undefined;
    const hostPort = authority.slice(at + 1);
    // requests' get_netrc_auth: the netloc up to its first ':' of the URL as requests prepared it,
    // whose host urllib3 has lowercased (netrc's lookup is exact). An IPv6 literal has no such host:
    // its login stays in its URL (unportable).
    const host = hostPort.startsWith('[') ? hostPort.replace(/\].*$/s, ']') : (hostPort.split(':')[0] ?? '');
    if (host === '')
        return undefined;
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = unquote(colon < 0 ? userinfo : userinfo.slice(0, colon));
    const password = colon < 0 ? undefined : unquote(userinfo.slice(colon + 1));
    return { url, bare: `${scheme}${hostPort}${rest}`, host: host.toLowerCase(), user, password };
}
/** Why a login cannot go into a netrc file, or undefined when it can. */
function unportable(p) {
    if (p.host.startsWith('['))
        return 'an IPv6 address (requests looks a login up in the netrc file by the text before the first ":", a part of the address)';
    if (p.password === undefined || p.password === '')
        return 'a login without a password (give user:password; Python before 3.11 cannot read such a netrc entry)';
    if (p.user === undefined || !PORTABLE.test(p.user) || !PORTABLE.test(p.password) || !PORTABLE.test(p.host))
        return 'a login with characters a netrc file does not carry alike for every Python';
    return undefined;
}
/**
 * The logins of URLS moved into a netrc file: one entry per host, the URLs without their login.
 * A host whose URLs carry different logins, or a login a netrc file cannot carry (unportable),
 * keeps its logins in its URLs. Pure.
 */
function splitNetrc(urls) {
    const byHost = new Map();
    for (const u of urls) {
        const p = parse(u);
        if (p)
            byHost.set(p.host, [...(byHost.get(p.host) ?? []), p]);
    }
    const moved = new Map();
    const lines = [];
    const kept = [];
    for (const [host, ps] of byHost) {
        const logins = new Set(ps.map((p) => JSON.stringify([p.user, p.password])));
        const first = ps[0];
        const why = logins.size > 1 ? 'different logins on one host (a netrc file holds one per host)' : unportable(first);
        if (why !== undefined) {
            kept.push({ host, why });
            continue;
        }
        lines.push(`machine ${host} login ${first.user ?? ''} password ${first.password ?? ''}\n`);
        for (const p of ps)
            moved.set(p.url, p.bare);
    }
    return { urls: urls.map((u) => moved.get(u) ?? u), netrc: lines.join(''), kept };
}

// EXTERNAL MODULE: ./src/util/url-secrets.ts
var url_secrets = __webpack_require__(92561);
;// CONCATENATED MODULE: ./src/python/indexes.ts
// Where pip looks for packages, for the resolver and the build alike: the config's python.indexUrl
// and python.extraIndexUrls, else the environment's PIP_INDEX_URL / PIP_EXTRA_INDEX_URL (as pip
// itself would read them). These URLs often carry credentials (https://user:TOKEN@host/simple), so
// they reach pip only through its environment or a pip.conf file (a BuildKit secret mount in the
// build), never a command line or a build argument, and their logins through a netrc file
// (netrcIndexes): pip itself copies the URLs onto the command line of the pip it starts to build a
// source distribution. Anything shown goes through redactUrls.





/** pip's default index. */
const PYPI_SIMPLE = 'https://pypi.org/simple';
/** Throws an InputError (exit 2) naming WHERE the URL came from, shown as shownUrl shows it. */
function check(url, where) {
    const problem = (0,pip_index_url/* indexUrlProblem */.X)(url);
    if (problem !== undefined)
        throw new errors/* InputError */.dz(`${where}: ${problem} (got ${JSON.stringify((0,redact/* shownUrl */.zA)(url))})`, 'give a simple index URL, e.g. https://pypi.org/simple');
}
/**
 * The indexes pip is given, unchecked: the given ones, else PIP_INDEX_URL / PIP_EXTRA_INDEX_URL
 * (for masking their credentials wherever they might be printed; pipIndexes to use them).
 */
function givenPipIndexes(python, env = {}) {
    const indexUrl = python.indexUrl ?? (env.PIP_INDEX_URL?.trim() || undefined);
    const extra = python.extraIndexUrls && python.extraIndexUrls.length > 0
        ? [...python.extraIndexUrls]
        : (env.PIP_EXTRA_INDEX_URL ?? '').split(/\s+/).filter(Boolean);
    return { ...(indexUrl !== undefined && { indexUrl }), extraIndexUrls: extra };
}
/**
 * The indexes pip uses (givenPipIndexes), each checked (indexUrlProblem): a bad one is an
 * InputError naming its source, NAMES for the given ones (the config's fields, or a command's
 * flags), the variable for the environment's.
 */
function pipIndexes(python, env = {}, names = {
    indexUrl: 'python.indexUrl',
    extraIndexUrls: 'python.extraIndexUrls',
}) {
    const ix = givenPipIndexes(python, env);
    if (ix.indexUrl !== undefined)
        check(ix.indexUrl, python.indexUrl !== undefined ? names.indexUrl : 'PIP_INDEX_URL (environment)');
    const extraGiven = (python.extraIndexUrls?.length ?? 0) > 0;
    for (const u of ix.extraIndexUrls)
        check(u, extraGiven ? names.extraIndexUrls : 'PIP_EXTRA_INDEX_URL (environment)');
    return ix;
}
/** The environment that points pip at the indexes (for `docker exec` env, never argv). */
function pipIndexEnv(ix) {
    return {
        ...(ix.indexUrl !== undefined && { PIP_INDEX_URL: ix.indexUrl }),
        ...(ix.extraIndexUrls.length > 0 && { PIP_EXTRA_INDEX_URL: ix.extraIndexUrls.join(' ') }),
    };
}
/** A pip configuration file with the indexes (pip reads it from PIP_CONFIG_FILE). */
function pipConf(ix) {
    const lines = ['[global]'];
    if (ix.indexUrl !== undefined)
        lines.push(`index-url = ${ix.indexUrl}`);
    if (ix.extraIndexUrls.length > 0) {
        lines.push('extra-index-url =', ...ix.extraIndexUrls.map((u) => `    ${u}`));
    }
    return `${lines.join('\n')}\n`;
}
/**
 * IX and the torch index (TORCH, when given) without the logins a netrc file carries, and that
 * file's text: what pip is given in the resolver and the build alike. Pure.
 */
function netrcIndexes(ix, torch) {
    const head = ix.indexUrl !== undefined ? [ix.indexUrl] : [];
    const s = splitNetrc([...head, ...ix.extraIndexUrls, ...(torch !== undefined ? [torch] : [])]);
    const urls = [...s.urls];
    const indexUrl = head.length > 0 ? urls.shift() : undefined;
    const torchIndexUrl = torch !== undefined ? urls.pop() : undefined;
    return {
        indexes: { ...(indexUrl !== undefined && { indexUrl }), extraIndexUrls: urls },
        ...(torchIndexUrl !== undefined && { torchIndexUrl }),
        netrc: s.netrc,
        kept: s.kept,
    };
}
/** Hosts warned of (warnKeptLogins): once per process, for the resolver and the build together. */
const warnedHosts = new Set();
/**
 * A warning for each host whose logins stay in the index URLs (netrcIndexes' kept), through SAY,
 * once per host and process.
 */
function warnKeptLogins(kept, say) {
    for (const k of kept) {
        if (warnedHosts.has(k.host))
            continue;
        warnedHosts.add(k.host);
        say(`warning: index host ${k.host}: ${k.why}: its login stays in the index URL, which pip puts on the command line of the pip it starts to build a source distribution (readable by local users)`);
    }
}
/** The indexes with URL as one more extra index, unless pip already lists it (or URL is undefined). */
function withExtraIndex(ix, url) {
    if (url === undefined || ix.indexUrl === url || ix.extraIndexUrls.includes(url))
        return ix;
    return { ...ix, extraIndexUrls: [...ix.extraIndexUrls, url] };
}
/** The indexes as shown to people: userinfo masked. */
function describeIndexes(ix) {
    return [ix.indexUrl ?? PYPI_SIMPLE, ...ix.extraIndexUrls].map((u) => (0,redact/* redactUrls */.sK)(u)).join(', ');
}
/**
 * What each percent-encoder that may write a secret into a URL keeps as it is, beside letters and
 * digits: encodeURIComponent; Python's quote (its default safe "/"); encodeURI; requests'
 * requote_uri, which pip's errors print URLs through ("File not found for url: ...").
 */
const URL_ENCODERS_SAFE = ["-_.!~*'()", '-_.~/', "-_.!~*'();/?:@&=+$,#", "-_.~!#$%&'()*+,/:;=?@[]"];
/** VALUE percent-encoded as an encoder keeping SAFE writes it (UTF-8 bytes), hex in CASE. */
function percentEncoded(value, safe, hexCase) {
    let out = '';
    for (const ch of value) {
        if (/^[A-Za-z0-9]$/.test(ch) || safe.includes(ch))
            out += ch;
        else
            for (const b of Buffer.from(ch, 'utf8')) {
                const hex = b.toString(16).padStart(2, '0');
                out += `%${hexCase === 'upper' ? hex.toUpperCase() : hex}`;
            }
    }
    return out;
}
/**
 * VALUE as each encoder may write it into a URL's path or query (upper- and lower-case hex), the
 * forms that differ from it: a build.secrets value in a direct URL's path comes back encoded in
 * pip's and requests' errors (`{x}|` as `%7Bx%7D%7C`, `é` as `%C3%A9`).
 */
function percentEncodedForms(value) {
    const forms = new Set();
    for (const safe of URL_ENCODERS_SAFE)
        for (const hexCase of ['upper', 'lower'])
            forms.add(percentEncoded(value, safe, hexCase));
    forms.delete(value);
    return [...forms];
}
/**
 * Masks a line of pip's or the build's output: URL userinfo masked and any build.secrets value
 * (also percent-encoded) or index credential (of the pip indexes and the torch index, decoded and as
 * written in the URL) replaced, as a runner masks registered secrets. pip prints the URLs it fetched, a token in a query
 * string included: redactUrls knows the usual names (`?sig=`, `?token=`), the values catch the rest
 * (a token in a path quoted without its host).
 */
function outputMasker(secretEnv, indexes, torchIndexUrls = []) {
    const urls = [indexes.indexUrl ?? '', ...indexes.extraIndexUrls, ...torchIndexUrls];
    const values = Object.values(secretEnv);
    const masks = (0,redact/* valueMasks */.xJ)([
        ...values,
        ...urls.flatMap((u) => [(0,redact/* urlSecret */.mz)(u), (0,redact/* urlSecret */.mz)(u, 'raw')]),
        // Its tokens (?token=, /t/<token>/, dl.cloudsmith.io/<token>/) by value too: urllib3's retry
        // warning names the path alone, where no URL rule sees them.
        ...urls.flatMap((u) => (0,url_secrets/* urlTokens */.gJ)(u).flatMap((t) => [t.value, (0,url_secrets/* decoded */.DH)(t.value) ?? t.value])),
    ]);
    // Each holds a '%': tried only on a line that has one (most lines have none).
    const encoded = (0,redact/* valueMasks */.xJ)(values.flatMap(percentEncodedForms));
    const mask = (t, m) => t.split(m).join('***');
    // The values first: a declared secret is masked whole (`?${SAS}` -> `?***`), then the URL rules.
    return (text) => (0,redact/* redactUrls */.sK)(masks.reduce(mask, text.includes('%') ? encoded.reduce(mask, text) : text));
}


/***/ }),

/***/ 48238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _K: () => (/* binding */ bundledBaseline),
  wC: () => (/* binding */ floorsArg),
  oU: () => (/* binding */ loadBaseline)
});

// UNUSED EXPORTS: BaselineSchema, FLOOR_METRICS

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/json-file.ts + 1 modules
var json_file = __webpack_require__(20317);
// EXTERNAL MODULE: ./src/util/parse-input.ts
var parse_input = __webpack_require__(91814);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/smoke/baselines.json
const baselines_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"floorFraction":0.75,"gpus":[{"name":"NVIDIA H100 SXM","match":"\\\\bH100\\\\b.*\\\\bHBM3\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":794.5},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.0+cu126; best shape 2048x2048x13312","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H200","match":"\\\\bH200\\\\b(?!.*\\\\bNVL\\\\b)","computeCapability":"9.0","memoryGiB":{"min":135,"max":145},"measured":{"bf16_tflops":727.7,"fp16_tflops":762.7,"tf32_tflops":395.6,"fp32_tflops":51},"method":"ml-image smoke compute: CUDA events after a 10 s warm-up, best of 9 shapes (bf16 best at 6144^3; 680.9 at 8192^3), 700 W, torch 2.11 + CUDA 13.0, driver 580.159.04","source":"docs/gpu-floors.md#nvidia-h200"},{"name":"NVIDIA GH200 144G HBM3e","match":"\\\\bGH200\\\\b.*\\\\bHBM3e\\\\b","computeCapability":"9.0","memoryGiB":{"min":135,"max":150},"measured":{"bf16_tflops":828.6},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126, 900 W 141 GiB HBM3e version; best shape 1024x15360x4096","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 SXM","match":"\\\\bA100-SXM\\\\d?\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":271.2},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126; best shape 1024x10240x5120","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 PCIe","match":"\\\\bA100\\\\b.*\\\\bPCIE\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":252.9},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.5.1+cu124; best shape 2048x5120x6144 (the memory size is not stated)","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H100 PCIe","match":"\\\\bH100\\\\b.*\\\\bPCIe\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":495.9,"fp16_tflops":458},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (bf16 at 4096^2, fp16 at 2048^2), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/95"},{"name":"NVIDIA L40S","match":"\\\\bL40S\\\\b","computeCapability":"8.9","memoryGiB":{"min":42,"max":48},"measured":{"bf16_tflops":269.2,"fp16_tflops":264},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken, torch 2.8.0+cu128, in a Docker container; one community submission (its summary row: FP32 46.88, FP16 264.02, BF16 269.15)","source":"https://github.com/zzc0721/torch-performance-test-data/issues/43"},{"name":"NVIDIA L4","match":"\\\\bL4\\\\b","computeCapability":"8.9","memoryGiB":{"min":20,"max":24},"measured":{"bf16_tflops":70.9,"fp16_tflops":68.8},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (both at 2048^2; 55-59 at 4096^2 and up: a 72 W card), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/120"},{"name":"NVIDIA B200","match":"\\\\bB200\\\\b","computeCapability":"10.0","memoryGiB":{"min":170,"max":185},"measured":{"bf16_tflops":1745},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.1+cu128; best shape 1792x16128x3072","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA GB200","match":"\\\\bGB200\\\\b","computeCapability":"10.0","measured":{"bf16_tflops":1822},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.10.0.dev20250916+cu130; best shape 4096x9728x2048","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA B300 SXM","match":"\\\\bB300\\\\b","computeCapability":"10.3","measured":{"bf16_tflops":1769},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.9.1+cu130; best shape 12288x18432x1024","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"}],"ddp":[]}');
;// CONCATENATED MODULE: ./src/smoke/portable-pattern.ts
// A floors row's `match` is checked here (JavaScript, new RegExp(s, 'i')) and used by the smoke
// script (Python, re.search(s, name, re.I)). The two engines read much alike but not all of it:
// JavaScript takes `(?<!NVL.*)H200` (Python only fixed-width lookbehind), `[^]` (any character;
// Python: a class that starts with "]") or `\cA` (Python: an error), and the script would then
// fail compute-gpu after its benchmark. So a pattern must keep to a subset both read the same way,
// and a construct outside it is named (exit 2 at validation, before anything runs). Pure.
/** Escapes both engines read alike, outside and inside a class (\b in a class: a backspace in both). */
const SHARED_ESCAPES = new Set('dDwWsSbtnrfv');
/** The escapes that stand for a class of characters (no end of a range in Python). */
const CLASS_ESCAPES = new Set('dDwWsS');
/** Python's quantifier limit is larger; a count past this is no GPU name's. */
const MAX_REPEAT = 65535;
/** Escapes of a letter or digit that JavaScript (without the u flag) and Python read differently. */
const ESCAPE_PROBLEMS = {
    c: 'the control escape "\\c" (JavaScript only: an error in Python)',
    p: 'the property escape "\\p{...}" (a letter p in JavaScript without the u flag, an error in Python)',
    P: 'the property escape "\\P{...}" (a letter P in JavaScript without the u flag, an error in Python)',
    B: 'the non-boundary "\\B" (Python never matches it in an empty text; in a class an error)',
    A: 'the escape "\\A" (a letter A in JavaScript, an anchor in Python)',
    Z: 'the escape "\\Z" (a letter Z in JavaScript, an anchor in Python)',
};
/** N hex digits at S[FROM]. */
const hexDigits = (s, from, n) => new RegExp(`^[0-9A-Fa-f]{${n}}`).test(s.slice(from));
/** Why the escape at S[I] is not read alike, or undefined; `len`: the characters it takes. */
function escapeProblem(s, i) {
    const n = s[i + 1] ?? '';
    if (SHARED_ESCAPES.has(n))
        return { len: 2 };
    if (n === 'x')
        return hexDigits(s, i + 2, 2)
            ? { len: 4 }
            : { problem: '"\\x" without two hex digits (a letter x in JavaScript, an error in Python)', len: 2 };
    if (n === 'u')
        return hexDigits(s, i + 2, 4)
            ? { len: 6 }
            : {
                problem: '"\\u" without four hex digits (JavaScript and Python read "\\u{...}" differently)',
                len: 2,
            };
    if (/[0-9]/.test(n))
        return {
            problem: `the backreference or octal escape "\\${n}" (read differently by JavaScript and Python)`,
            len: 2,
        };
    if (/[A-Za-z]/.test(n))
        return {
            problem: ESCAPE_PROBLEMS[n] ?? `the escape "\\${n}" (a letter ${n} in JavaScript, an error in Python)`,
            len: 2,
        };
    return { len: 2 }; // an escaped punctuation character or space: itself in both
}
/** The group opening at S[I] ("("): a problem for any "(?" but (?:, (?= and (?!. */
function groupProblem(s, i) {
    if (s[i + 1] !== '?')
        return undefined;
    const head = s.slice(i, i + 4);
    if (/^\(\?[:=!]/.test(head))
        return undefined;
    if (head === '(?<=' || head === '(?<!')
        return `the lookbehind "${head}" (refused, fixed-width or not: Python takes only a fixed-width one, JavaScript any; use a lookahead, e.g. "H200(?!.*NVL)")`;
    if (/^\(\?(P|<)/.test(head))
        return `the named group "${head}..." (its syntax differs between JavaScript and Python)`;
    return `"${head.slice(0, 3)}" (inline flags and other extensions: only (?:, (?= and (?! are read alike)`;
}
/** The class opening at S[I] ("["): where it ends (after its "]"), or a problem and where it is. */
function classProblem(s, i) {
    let j = i + 1;
    if (s[j] === '^')
        j++;
    if (s[j] === ']')
        return {
            problem: `"${s.slice(i, j + 1)}" (JavaScript: ${j === i + 1 ? 'a class of nothing' : 'any character'}; Python: a class that starts with "]")`,
            pos: i,
        };
    const first = j;
    const classEscapeAt = (k) => s[k] === '\\' && CLASS_ESCAPES.has(s[k + 1] ?? '');
    for (; j < s.length && s[j] !== ']'; j++) {
        const c = s[j];
        if (c === '\\') {
            const e = escapeProblem(s, j);
            if (e.problem)
                return { problem: e.problem, pos: j };
            // JavaScript reads "[\d-z]" as \d, "-" and z; Python refuses the range.
            if (classEscapeAt(j) && s[j + 2] === '-' && s[j + 3] !== ']')
                return { problem: `a range from "\\${s[j + 1]}" (escape the "-" as "\\-")`, pos: j };
            j += e.len - 1;
        }
        else if (c === '-' && j > first && classEscapeAt(j + 1))
            return { problem: `a range to "\\${s[j + 2]}" (escape the "-" as "\\-")`, pos: j };
        else if (c === '[')
            return { problem: 'a "[" inside a class (Python may read a nested set: escape it as "\\[")', pos: j };
        else if (['&&', '--', '||', '~~'].includes(s.slice(j, j + 2)))
            return {
                problem: `"${s.slice(j, j + 2)}" inside a class (Python may read a set operation: escape one of them)`,
                pos: j,
            };
    }
    return { end: j + 1 };
}
/** The "{" at S[I]: a quantifier {n}, {n,} or {n,m} (its length), else a problem. */
function braceProblem(s, i) {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(s.slice(i));
    if (!m)
        return {
            problem: 'a "{" that is no quantifier {n}, {n,} or {n,m} ("{,3}" is a quantifier in Python, text in JavaScript: escape a literal one as "\\{")',
            len: 1,
        };
    if (Number(m[1]) > MAX_REPEAT || (m[2] !== undefined && m[2] !== '' && Number(m[2]) > MAX_REPEAT))
        return { problem: `the quantifier "${m[0]}" (at most ${MAX_REPEAT})`, len: m[0].length };
    return { len: m[0].length };
}
/**
 * Why S is not a regular expression JavaScript and Python read the same way (case-insensitively),
 * naming the construct and where it starts; undefined when it is one. The subset: characters,
 * escaped punctuation, \d \D \w \W \s \S \b \t \n \r \f \v \xHH \uHHHH, classes (no "[]", "[^]",
 * nested "[" or "&&"-style pairs, no range to or from a class escape), groups ( ), (?: ), lookaheads
 * (?= ) and (?! ), alternation, anchors ^ $, and the quantifiers * + ? {n} {n,} {n,m} (lazy too).
 * Those match alike on one line of ASCII text, as device names are (on other text \w, \d and \b
 * are Unicode-aware in Python only, "." takes "\r" in Python only, and "$" in Python also matches
 * before a last "\n").
 */
function portablePatternProblem(s) {
    try {
        new RegExp(s, 'i');
    }
    catch (e) {
        return `not a regular expression (${e.message})`;
    }
    const at = (problem, i) => `${problem} at character ${i + 1}`;
    for (let i = 0; i < s.length;) {
        const c = s[i];
        if (c === '\\') {
            const e = escapeProblem(s, i);
            if (e.problem)
                return at(e.problem, i);
            i += e.len;
        }
        else if (c === '[') {
            const k = classProblem(s, i);
            if ('problem' in k)
                return at(k.problem, k.pos);
            i = k.end;
        }
        else if (c === '(') {
            const g = groupProblem(s, i);
            if (g)
                return at(g, i);
            i += 1;
        }
        else if (c === '{') {
            const b = braceProblem(s, i);
            if (b.problem)
                return at(b.problem, i);
            i += b.len;
        }
        else
            i += 1;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/smoke/baselines.ts
// Per-GPU throughput floors as data (baselines.json, or the config's smoke.baseline file): one row
// per GPU model with the figures measured on it, how and where, and a floor at floorFraction of
// each, as DCGM diag and nccl-tests do. The smoke script judges (images/probe/ml_image_smoke.py
// matches the row on the GPU it runs on); this side checks the table and hands it over, the same
// way to `ml-image smoke` and to the exported Slurm/Kubernetes jobs.








/**
 * A regular expression both JavaScript and Python read alike (portable-pattern.ts): checked here,
 * used there. A construct outside that subset is named with where it is.
 */
const pattern = schemas/* string */.YjP()
    .min(1)
    .superRefine((s, ctx) => {
    const problem = portablePatternProblem(s);
    if (problem !== undefined)
        ctx.addIssue({
            code: 'custom',
            message: `expected a regular expression JavaScript and Python read alike (matched case-insensitively): ${problem}`,
        });
});
const fraction = schemas/* number */.aig().gt(0).lte(1);
/**
 * The metrics the compute suite measures on a GPU and the script judges against a row's figures
 * (images/probe/ml_image_smoke.py compute: `<dtype>_tflops`). A key it does not measure would never
 * be judged: a row matched first would switch the floor off without a word.
 */
const FLOOR_METRICS = ['bf16_tflops', 'fp16_tflops', 'tf32_tflops', 'fp32_tflops'];
/** The metric KEY was likely meant: a close spelling, else the one it starts ("bf16" -> bf16_tflops). */
function metricHint(key) {
    const lower = key.toLowerCase();
    return ((0,util_text/* closestWord */.En)(key, FLOOR_METRICS) ??
        (lower.length >= 4 ? FLOOR_METRICS.find((m) => m.startsWith(lower)) : undefined));
}
/** A row's figures: only metrics of FLOOR_METRICS, each problem named by its key. */
const measured = schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* number */.aig().positive())
    .superRefine((m, ctx) => {
    for (const key of Object.keys(m)) {
        if (FLOOR_METRICS.includes(key))
            continue;
        const hint = metricHint(key);
        ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `not a metric the compute suite measures${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${FLOOR_METRICS.join(', ')}`,
        });
    }
})
    .refine((m) => Object.keys(m).length > 0, { error: 'no figure measured' });
const GpuRow = schemas/* strictObject */.rej({
    /** The row's name, reported as floor_gpu. */
    name: schemas/* string */.YjP().min(1),
    /** Matched case-insensitively on the torch device name, any " MIG ..." suffix stripped. */
    match: pattern,
    /** major.minor; the row applies only to a GPU of this compute capability. */
    computeCapability: schemas/* string */.YjP()
        .regex(/^\d+\.\d+$/, { error: 'expected major.minor, e.g. "9.0"' })
        .optional(),
    /** The GPU's memory in GiB as torch reports it (not checked for a MIG slice). */
    memoryGiB: schemas/* strictObject */.rej({ min: schemas/* number */.aig().nonnegative(), max: schemas/* number */.aig().positive() })
        .refine((m) => m.min <= m.max, { error: 'min is above max' })
        .optional(),
    /** This row's floor fraction, instead of the table's. */
    floorFraction: fraction.optional(),
    /** metric -> the figure measured, e.g. bf16_tflops -> 794.5 (the floor is floorFraction of it). */
    measured,
    /** How the figures were measured (shapes, warm-up, timing, power). */
    method: schemas/* string */.YjP().min(1).optional(),
    /** Where the figures come from: a URL, or a file of this repository. */
    source: schemas/* string */.YjP().min(1),
});
const DdpRow = schemas/* strictObject */.rej({
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
const BaselineSchema = schemas/* strictObject */.rej({
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
    let json;
    try {
        json = (0,json_file/* readJsonFile */.JE)(file, { what: 'smoke.baseline file' });
    }
    catch (e) {
        // Named by its field first, as the schema's problems below are ("smoke.baseline: ...").
        if (!(e instanceof errors/* InputError */.dz))
            throw e;
        throw new errors/* InputError */.dz(`smoke.baseline: ${e.message}`, e.fix);
    }
    const r = (0,parse_input/* boundedSafeParse */.Aw)(BaselineSchema, json);
    if ('overflow' in r)
        throw new errors/* InputError */.dz(`smoke.baseline: ${file}: too many problems to list (zod ran out of stack)`);
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
/* harmony import */ var _config_field_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95245);
/* harmony import */ var _config_workspace_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7946);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _requirements_markers_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(42971);
/* harmony import */ var _requirements_parse_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(39459);
/* harmony import */ var _requirements_read_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(99679);
/* harmony import */ var _baselines_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(48238);
/* harmony import */ var _python_indexes_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3788);
/* harmony import */ var _util_url_secrets_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(92561);
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
        ? (0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_6__/* .readRequirements */ .F2)(loaded.config.python.requirements, loaded.baseDir, env, {
            ...(0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_6__/* .workspaceRoot */ .oS)(env, loaded.baseDir),
            expandable: loaded.config.build.secrets,
            given: (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_1__/* .requirementsFieldError */ .d)(loaded),
        }).text
        : undefined;
    const distributionsFor = (platform, python) => text === undefined ? [] : (0,_requirements_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .requirementNames */ .QT)(text, (0,_requirements_markers_js__WEBPACK_IMPORTED_MODULE_4__/* .linuxMarkerEnvironment */ .Y)(platform, python));
    const platforms = loaded?.config.platforms ?? [];
    return {
        distributions: distributionsFor(target.platform ?? (platforms.length === 1 ? platforms[0] : undefined), target.python),
        distributionsFor,
        baseline: configBaseline(loaded),
        secretValues: loaded ? runSecretValues(loaded, env) : [],
    };
}
/**
 * The values this run knows are secrets, to mask wherever a test prints them (runSmoke): each
 * build.secrets variable's value, and the credentials of the configured indexes (a password, a
 * user name that is a token, a `?token=`: urlSecrets), as the build stage masks them in its output. Masked by pattern alone, a value under
 * an innocent name (an image's `APP_SETTING`, a test's `echo $X`) reached the records and the log.
 */
function runSecretValues(loaded, env) {
    const { build, python } = loaded.config;
    const values = build.secrets.flatMap((name) => (env[name] ? [env[name]] : []));
    let urls = [];
    try {
        const ix = (0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_8__/* .pipIndexes */ .iP)(python, env);
        urls = [ix.indexUrl ?? '', ...ix.extraIndexUrls, python.torchIndexUrl ?? ''];
    }
    catch {
        // A bad index URL: the stage that uses it refuses it; masking refuses nothing.
    }
    return [...values, ...urls.flatMap((u) => (u ? (0,_util_url_secrets_js__WEBPACK_IMPORTED_MODULE_9__/* .urlSecrets */ .Fn)(u, 4) : []))];
}
/**
 * The throughput floors: the config's smoke.baseline file (relative to the config) merged with the
 * bundled table, or the bundled table alone. A file that is not a baseline is an InputError naming
 * it and the field: `validate` and the pipeline ask before anything is built, not at the smoke stage.
 * On a runner (loaded.workspace) a file outside the workspace is refused unread, as loadConfig does.
 */
function configBaseline(loaded) {
    const file = loaded?.config.smoke.baseline;
    if (file === undefined)
        return (0,_baselines_js__WEBPACK_IMPORTED_MODULE_7__/* .loadBaseline */ .oU)();
    const abs = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(loaded.baseDir, file);
    return (0,_config_field_error_js__WEBPACK_IMPORTED_MODULE_1__/* .asConfigProblem */ .c)(loaded, () => {
        const outside = (0,_config_workspace_file_js__WEBPACK_IMPORTED_MODULE_2__/* .outsideWorkspace */ .t)(abs, loaded.workspace);
        if (outside !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`smoke.baseline: ${outside}`);
        return (0,_baselines_js__WEBPACK_IMPORTED_MODULE_7__/* .loadBaseline */ .oU)(abs);
    });
}


/***/ })

};
