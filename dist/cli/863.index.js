export const id = 863;
export const ids = [863];
export const modules = {

/***/ 837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ servesPlatform)
/* harmony export */ });
/**
 * Whether the local image is the one the engine takes for PLATFORM (`os/arch[/variant]`): on a
 * store that keeps several platforms under one tag (MULTI: the containerd image store) always, as
 * the top of this file says; else where its own platform is PLATFORM.
 */
const servesPlatform = (local, platform, multi) => multi ||
    platform === `${local.os}/${local.architecture}` ||
    (local.variant !== undefined && platform === `${local.os}/${local.architecture}/${local.variant}`);


/***/ }),

/***/ 2391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ systemLookup)
/* harmony export */ });
/* harmony import */ var node_dns_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71553);
/* harmony import */ var node_dns_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_dns_promises__WEBPACK_IMPORTED_MODULE_0__);
// This machine's resolver, for the resolver's network choice (src/resolve/network-lookup.ts): the
// addresses a host name an index URL names resolves to here (getaddrinfo: /etc/hosts, then DNS).
// The resolve stage takes it as a dependency (HostLookup); the composition roots (the pipeline,
// `ml-image resolve`) hand it this one, tests a fake: no test looks a name up for real.

/** How long a lookup may take before it counts as failed (no addresses). */
const LOOKUP_TIMEOUT_MS = 5000;
/** The system's resolver (dns.lookup, every address), given up after LOOKUP_TIMEOUT_MS. */
const systemLookup = (hostname) => {
    let timer;
    const late = new Promise((resolve) => {
        timer = setTimeout(() => resolve([]), LOOKUP_TIMEOUT_MS);
        timer.unref();
    });
    const found = (0,node_dns_promises__WEBPACK_IMPORTED_MODULE_0__.lookup)(hostname, { all: true }).then((as) => as.map((a) => a.address));
    return Promise.race([found, late]).finally(() => clearTimeout(timer));
};


/***/ }),

/***/ 77562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ otherRefOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _event_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85015);
// Whether a trusted run on GitHub Actions builds another ref than the default branch (a feature
// branch's push, a tag, a merge queue's group, a workflow_dispatch of another branch): such a run
// reads the caches the default branch writes, but writes none that the default branch reads (its
// registry cache, the docker driver's push tag, the pip cache volume), so that no branch plants
// layers or index pages a release build reuses. GitHub keeps a gha cache entry to the ref that
// wrote it (GITHUB_REF), so gha stays writable, but for a workflow_run run (its GITHUB_REF is the
// default branch). Pure over env + the event payload.


/**
 * What a ref's writes are grouped under: every tag together (releases, few and alike), a merge
 * queue's groups by the branch they go into (each group's ref is new), any other ref by itself.
 * So scopes do not pile up one per tag or per merge group.
 */
function scopeKey(ref) {
    if (ref.startsWith('refs/tags/'))
        return 'refs/tags/*';
    const queue = /^((?:refs\/heads\/)?gh-readonly-queue\/[^/]+)\//.exec(ref);
    return queue ? queue[1] : ref;
}
/**
 * The ref a GitHub run builds when it is not the default branch; undefined for the default
 * branch's run, off GitHub Actions, and where the payload does not name the default branch (then
 * nothing is known to tell them apart: the run writes as before). A workflow_run run has the
 * default branch's GITHUB_REF whatever it follows: the branch (or tag) of the run it follows counts.
 */
function otherRefOf(env, event) {
    if (env.GITHUB_ACTIONS !== 'true')
        return undefined;
    const defaultBranch = (0,_event_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultBranchOf */ .dV)(env, event);
    if (defaultBranch === undefined)
        return undefined;
    if (env.GITHUB_EVENT_NAME === 'workflow_run') {
        const run = event.workflow_run;
        const name = run?.head_branch;
        if (name === defaultBranch)
            return undefined;
        // Scoped as the run it follows was: a release's head_branch is its tag; a push's may be a tag
        // too (the payload does not say): then it is scoped as a branch of that name. None named: not
        // the default branch's, as far as can be told.
        const full = name ? (run?.event === 'release' ? `refs/tags/${name}` : `refs/heads/${name}`) : '';
        return {
            ref: name || 'a ref the payload does not name',
            scope: scopeOf(full),
            defaultBranch,
            ownRef: false,
        };
    }
    const ref = env.GITHUB_REF;
    if (!ref || ref === `refs/heads/${defaultBranch}`)
        return undefined;
    return { ref, scope: scopeOf(ref), defaultBranch, ownRef: true };
}
const scopeOf = (ref) => `ref-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(scopeKey(ref)).digest('hex').slice(0, 8)}`;


/***/ }),

/***/ 95148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ indexUnreachable),
/* harmony export */   m: () => (/* binding */ indexesSearched)
/* harmony export */ });
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49997);
// pip's words for an index it could not reach, and the indexes it searched: shared by the resolve
// stage (its dry runs' output) and the build (a RUN step's pip, in the build log). Pure.

/** A line of pip's that says it could not connect (a refused connection, a name, a timeout). */
const UNREACHABLE = /NewConnectionError|Failed to establish a new connection|Max retries exceeded|Name or service not known|Temporary failure in name resolution|Connection refused|ConnectTimeoutError/i;
/**
 * Does TEXT hold FIRST and, after it and before the next line terminator, THEN? What
 * /FIRST.*THEN/ tells, without running to the line's end from each FIRST (quadratic): each stretch
 * between line terminators is searched once, from its first FIRST. FIRST must be global.
 */
function followedOnLine(text, first, then) {
    first.lastIndex = 0;
    for (let m = first.exec(text); m !== null; m = first.exec(text)) {
        const end = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .lineEnd */ .kd)(text, m.index + m[0].length);
        if (then.test(text.slice(m.index + m[0].length, end)))
            return true;
        first.lastIndex = end;
    }
    return false;
}
/** pip: "Could not fetch URL https://...: There was a problem confirming the ssl certificate: ..." */
const sslProblem = (line) => followedOnLine(line, /Could not fetch URL /gi, /: There was a problem confirming the ssl certificate/i);
/**
 * The indexes pip searched, as it lists them before it collects anything: "Looking in indexes: URL,
 * URL" (each login masked by pip: `u:****@`), undefined when it prints no such line (it searched
 * PyPI alone). What pip used, whoever gave them: the config, a requirements file, the base image's
 * own PIP_INDEX_URL or pip.conf.
 */
function indexesSearched(output) {
    const m = /^Looking in indexes: (.+)$/m.exec(output);
    return m
        ? m[1]
            .split(', ')
            .map((u) => u.trim())
            .filter(Boolean)
        : undefined;
}
/** pip could not reach the index (it then says "from versions: none", which is not the user's fault). */
function indexUnreachable(output) {
    const line = output.split(/\r?\n/).find((l) => UNREACHABLE.test(l) || sslProblem(l));
    return line?.trim();
}


/***/ }),

/***/ 18604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K3: () => (/* binding */ shownIndexes),
/* harmony export */   Q8: () => (/* binding */ runIndexes),
/* harmony export */   X9: () => (/* binding */ userConstraintsText),
/* harmony export */   Ze: () => (/* binding */ preinstalledArgs),
/* harmony export */   _R: () => (/* binding */ torchIndexArgs),
/* harmony export */   "if": () => (/* binding */ pipRunEnv),
/* harmony export */   kl: () => (/* binding */ preinstalled),
/* harmony export */   lH: () => (/* binding */ pipOutputMask),
/* harmony export */   pi: () => (/* binding */ TORCH_INDEX_FILE_TEXT),
/* harmony export */   u2: () => (/* binding */ failureContext),
/* harmony export */   xW: () => (/* binding */ pipReadText),
/* harmony export */   yj: () => (/* binding */ withUserConstraints)
/* harmony export */ });
/* harmony import */ var _python_indexes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3788);
/* harmony import */ var _requirements_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99679);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(82513);
/* harmony import */ var _workdir_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62592);
// What resolving one base image for one platform takes, and the views of it the steps share.




/**
 * What the build installs before the requirements, under the same constraints: `torch==VERSION`
 * from the torch index (the templates' first pip step), when the variant has both. Every dry run
 * asks for it as a requirement (preinstalledArgs), with the torch index as one more index
 * (torchIndexArgs: whatever index lines the requirements hold, as the build's torch step, which
 * runs without them, always has it): so
 * torch's own dependencies (sympy, fsspec ...) are resolved with the requirements and pinned in the
 * constraints consistently with it (else a requirement pulling sympy resolves the newest, pinned,
 * and the build's torch step, `pip install torch==V -c constraints`, cannot meet that pin), and a
 * requirement that pulls torch (torchvision, lightning) resolves against that torch instead of the
 * newest (the build's two pip steps use the same indexes: build/inputs.ts buildPipConf). A version
 * that is not a plain version is left out.
 */
function preinstalled(input) {
    const v = input.variant;
    if (v?.torchIndexUrl === undefined || v.torchVersion === undefined)
        return [];
    return /^[A-Za-z0-9][A-Za-z0-9.!+_*-]*$/.test(v.torchVersion) ? [`torch==${v.torchVersion}`] : [];
}
/**
 * pip's arguments for what the build installs first (before each dry run's own): the constraints
 * file (FILE, holding the preinstalled lines: pip then names "(constraint) torch==V" in a conflict)
 * and the same lines as requirements, positional (never a second -r: the helper's held run keeps
 * every argument and adds its -c). Empty when the build installs nothing first. Pure.
 */
function preinstalledArgs(input, file) {
    const first = preinstalled(input);
    return first.length > 0 ? ['-c', file, ...first] : [];
}
/** The variable that hands the torch index to pip in the torch index file (never argv, never a file). */
const TORCH_INDEX_ENV = 'ML_IMAGE_TORCH_INDEX_URL';
/**
 * The torch index file's text: one option line that pip fills in from its environment
 * (pipRunEnv), so the URL and its login stay out of the file.
 */
const TORCH_INDEX_FILE_TEXT = `--extra-index-url \${${TORCH_INDEX_ENV}}\n`;
/**
 * pip's arguments that add the torch index (when torch is preinstalled), after every dry run's
 * own: `-r FILE`, FILE holding TORCH_INDEX_FILE_TEXT. pip reads requirements files in order, and a
 * `--index-url` line in one replaces the whole list of indexes, the extra ones from the environment
 * included (req_file.py handle_option_line); an `--extra-index-url` line in a later file adds to the
 * list. So the torch index reaches pip whatever the user's requirements say, as it reaches the
 * build's torch step (which runs without them). Empty otherwise. Pure.
 */
function torchIndexArgs(input, file) {
    return torchIndexOf(input) !== undefined ? ['-r', file] : [];
}
/** The requirements' own -c lines, as a file's text ('' without any). Pure. */
function userConstraintsText(input) {
    return (0,_requirements_read_js__WEBPACK_IMPORTED_MODULE_1__/* .constraintsFileText */ .Wh)(input.requirements.constraints);
}
/**
 * Everything of the requirements pip reads, the -c lines included: for what scans them (the URLs
 * pip may fetch, remote includes, ${NAME} references). Pure.
 */
function pipReadText(input) {
    const c = input.requirements.constraints?.text ?? '';
    return c === '' ? input.requirements.text : `${input.requirements.text}\n${c}`;
}
/**
 * The constraints the build installs with: the resolver's (CONSTRAINTS, the base's pins and what it
 * resolved) and then the requirements' own -c lines, which pip applies together. Pure.
 */
function withUserConstraints(constraints, input) {
    const own = userConstraintsText(input);
    if (own === '')
        return constraints;
    const sep = constraints === '' || constraints.endsWith('\n') ? '' : '\n';
    return `${constraints}${sep}# the requirements' own constraints (-c files)\n${own}`;
}
/** The torch index when it reaches pip (torch is preinstalled: torchIndexArgs), else undefined. */
function torchIndexOf(input) {
    return preinstalled(input).length > 0 ? input.variant?.torchIndexUrl : undefined;
}
/**
 * The indexes pip will use, the torch index included when it reaches pip (for failure messages,
 * the cache volume, the network check), as pip puts them together: a `--index-url` line in the
 * requirements replaces the configured (or environment's) index and extra indexes alike, their
 * `--extra-index-url` lines add to what is left, and the torch index file comes last
 * (torchIndexArgs). Shown through redactUrls.
 */
function shownIndexes(input) {
    const own = input.requirements.indexes;
    const given = own?.indexUrl !== undefined ? { indexUrl: own.indexUrl, extraIndexUrls: [] } : input.indexes;
    const ix = {
        ...(given?.indexUrl !== undefined && { indexUrl: given.indexUrl }),
        extraIndexUrls: [...(given?.extraIndexUrls ?? []), ...(own?.extraIndexUrls ?? [])],
    };
    return (0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_0__/* .withExtraIndex */ .BH)(ix, torchIndexOf(input));
}
/** What a failed pip run is blamed on: the user's lines and the indexes (redacted when shown). */
function failureContext(input) {
    return {
        image: input.image,
        origins: input.requirements.origins,
        lines: input.requirements.text.split('\n'),
        requirements: input.requirements.requirements ?? [],
        ...(input.requirements.constraints && { constraintOrigins: input.requirements.constraints.origins }),
        indexes: shownIndexes(input),
    };
}
/**
 * The indexes pip is given, their logins in a netrc file (netrcIndexes): a configured extra index
 * that is the torch index comes by the torch index file (not twice). Pure.
 */
function runIndexes(input) {
    const torch = torchIndexOf(input);
    const ix = input.indexes ?? { extraIndexUrls: [] };
    return (0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_0__/* .netrcIndexes */ .vT)({ ...ix, extraIndexUrls: ix.extraIndexUrls.filter((u) => u !== torch) }, torch);
}
/**
 * pip's environment for every run: the index URLs without the logins the netrc file (NETRC_FILE,
 * written into the workspace: runIndexes' netrc) carries, and ${NAME} values; the torch index,
 * when torch is preinstalled (the build takes torch from it), as TORCH_INDEX_ENV for the torch
 * index file (torchIndexArgs) only.
 */
function pipRunEnv(input) {
    const ix = runIndexes(input);
    return {
        ...(0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_0__/* .pipIndexEnv */ .DV)(ix.indexes),
        ...input.pipEnv,
        ...(ix.torchIndexUrl !== undefined && { [TORCH_INDEX_ENV]: ix.torchIndexUrl }),
        ...(ix.netrc !== '' && { NETRC: `${_workdir_js__WEBPACK_IMPORTED_MODULE_3__/* .DIR */ .q6}/${_workdir_js__WEBPACK_IMPORTED_MODULE_3__/* .NETRC_FILE */ .wU}` }),
    };
}
/**
 * Masks what pip prints: the ${NAME} values (build.secrets, which a requirement line may put in a
 * URL's query, `?sig=${SAS}`), the index and torch index credentials, as the build masks its
 * output, and the logins of PROXIES (workdir.ts proxyEnv: `http://u:pw@proxy:3128`, or
 * `u:pw@proxy:3128` without a scheme, which pip reads as http://). pip prints each URL it fetched
 * in its errors, which then reach messages and records.
 */
function pipOutputMask(input, proxies = {}) {
    const torch = input.variant?.torchIndexUrl;
    const mask = (0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_0__/* .outputMasker */ .pN)(input.pipEnv ?? {}, input.indexes ?? { extraIndexUrls: [] }, torch ? [torch] : []);
    const logins = (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .valueMasks */ .xJ)(Object.values(proxies).flatMap(proxyLogin));
    return (text) => mask(logins.reduce((t, m) => t.split(m).join('***'), text));
}
/** A proxy URL's password (else its user name, a token), decoded and as written; none without. */
function proxyLogin(value) {
    const url = (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .proxyUrlText */ .J9)(value);
    return [(0,_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .urlSecret */ .mz)(url), (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .urlSecret */ .mz)(url, 'raw')].filter((s) => s !== '');
}


/***/ }),

/***/ 80393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mo: () => (/* binding */ engineVm),
/* harmony export */   mX: () => (/* binding */ chooseNetwork)
/* harmony export */ });
/* unused harmony export namedHosts */
/* harmony import */ var _docker_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25835);
/* harmony import */ var _network_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63926);
// The resolver's network as the stage chooses it: network.ts's pure choice, and one more case it
// cannot see: an index (or --find-links, or direct URL) named by a host name that this machine's
// resolver answers with a loopback address (a name in /etc/hosts for 127.0.0.1, Debian's 127.0.1.1
// line for the machine's own name). From Docker's bridge such a name leads nowhere (the container
// has its own /etc/hosts, and its own loopback), so pip must run on the host's network there too.
// The name is looked up through an injected function (HostLookup: this machine's resolver, which the
// composition roots supply, src/docker/host-lookup.ts); a lookup that fails, or takes too long
// (the system's gives up after 5 s), changes nothing.


/**
 * The hosts worth a lookup, each once: the URLs pip may fetch (http, https, ftp) that name a host,
 * not an address and not a name network.ts already knows as loopback. host: as shown (with the
 * port, never credentials); name: what is looked up. Pure.
 */
function namedHosts(input) {
    const seen = new Map();
    for (const u of (0,_network_js__WEBPACK_IMPORTED_MODULE_1__/* .urlsPipMayReach */ .i8)(input)) {
        let url;
        try {
            url = new URL(u);
        }
        catch {
            continue;
        }
        const name = url.hostname.replace(/^\[|\]$/g, '');
        if (!/^(https?|ftp):$/.test(url.protocol) || name === '' || (0,_network_js__WEBPACK_IMPORTED_MODULE_1__/* .isIpAddress */ .oX)(name) || (0,_network_js__WEBPACK_IMPORTED_MODULE_1__/* .isLoopbackHost */ .cW)(name))
            continue;
        if (!seen.has(name))
            seen.set(name, url.host);
    }
    return [...seen].map(([name, host]) => ({ host, name }));
}
/** The first named host that this machine resolves to a loopback address, and that address. */
async function loopbackName(input, lookup) {
    for (const { host, name } of namedHosts(input)) {
        const addresses = await lookup(name).catch(() => []);
        const address = addresses.find((a) => (0,_network_js__WEBPACK_IMPORTED_MODULE_1__/* .isLoopbackHost */ .cW)(a));
        if (address !== undefined)
            return { host, address };
    }
    return undefined;
}
/**
 * The resolver's network, and why: network.ts's choice, and `host` too when a host name pip must
 * reach resolves to this machine's loopback.
 */
async function chooseNetwork(input, buildNetwork, lookup) {
    const pure = (0,_network_js__WEBPACK_IMPORTED_MODULE_1__/* .resolverNetwork */ .Fd)(input, buildNetwork);
    if (pure.network === 'host')
        return pure;
    const found = await loopbackName(input, lookup);
    if (found === undefined)
        return pure;
    return {
        network: 'host',
        reason: `pip must reach ${found.host}, which this machine resolves to ${found.address} (its loopback)`,
    };
}
/** The current Docker context's name as ENV gives it (docker/context.ts); undefined when unknown. */
function contextName(env) {
    // An environment with neither (a test's) reads no docker config of this machine's home.
    if ((env.DOCKER_CONFIG ?? '') === '' && (env.HOME ?? '') === '')
        return undefined;
    return (0,_docker_context_js__WEBPACK_IMPORTED_MODULE_0__/* .contextIfAny */ .H)(env)?.name;
}
/**
 * What the fix of an unreachable index needs when the resolver's container ran on the host network
 * of an engine in a VM (network.ts engineInVm): the FailureContext's engineVm, with the loopback
 * host pip had to reach (host:port, no credentials) when a URL names one. Undefined for an engine
 * on this machine. PLATFORM and CONTEXT are injected for tests.
 */
function engineVm(input, env, platform = process.platform, context = () => contextName(env)) {
    // The context is read only where the platform leaves the question open (Linux).
    if (!(0,_network_js__WEBPACK_IMPORTED_MODULE_1__/* .engineInVm */ .nR)(platform, undefined) && !(0,_network_js__WEBPACK_IMPORTED_MODULE_1__/* .engineInVm */ .nR)(platform, context()))
        return undefined;
    const loopback = (0,_network_js__WEBPACK_IMPORTED_MODULE_1__/* .loopbackUrl */ .xW)(input);
    return loopback !== undefined ? { loopback } : {};
}


/***/ }),

/***/ 63926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ resolverNetwork),
/* harmony export */   Jv: () => (/* binding */ urlsInText),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   i8: () => (/* binding */ urlsPipMayReach),
/* harmony export */   nR: () => (/* binding */ engineInVm),
/* harmony export */   oX: () => (/* binding */ isIpAddress),
/* harmony export */   xW: () => (/* binding */ loopbackUrl)
/* harmony export */ });
/* harmony import */ var _input_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18604);

/** Hosts that name this machine itself (WHATWG URL's hostname: IPv4 in any notation is normalized). */
function isLoopbackHost(hostname) {
    const h = hostname
        .toLowerCase()
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, '');
    if (h === 'localhost' || h.endsWith('.localhost'))
        return true;
    // 0.0.0.0 and :: connect to this machine on Linux.
    if (h === '0.0.0.0' || h === '::' || h === '::1')
        return true;
    if (/^127\.\d+\.\d+\.\d+$/.test(h))
        return true;
    // IPv4-mapped IPv6 (URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1).
    return /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(h);
}
/**
 * An address rather than a name, as WHATWG URL's hostname writes one (brackets taken off): IPv4 in
 * any notation comes out dotted-decimal, and only an IPv6 address holds a colon.
 */
const isIpAddress = (hostname) => hostname.includes(':') || /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
/** `${NAME}` expanded from pip's environment, as pip expands it (an unknown name stays as it is). */
const expand = (url, env) => url.replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, name) => env[name] ?? whole);
/**
 * The URLs in a text (a scheme, "://", up to a blank or a quote), as /[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi
 * finds them. That one tried each letter of a long run of scheme characters as a start and ran to
 * the run's end from each: quadratic. Here a match starts only where such a run starts (the
 * lookbehind), skips the run's leading digits and signs, and takes the rest from its first letter:
 * the same URLs, in linear time.
 */
function urlsInText(text) {
    return [...text.matchAll(/(?<![a-z0-9+.-])[0-9+.-]*([a-z][a-z0-9+.-]*:\/\/[^\s'"]+)/gi)].map((m) => m[1]);
}
/** The URLs pip may fetch: the indexes and every URL in the requirements (find-links, direct URLs). */
function urlsPipMayReach(input) {
    const env = input.pipEnv ?? {};
    const ix = (0,_input_js__WEBPACK_IMPORTED_MODULE_0__/* .shownIndexes */ .K3)(input);
    // Without comments, as pip reads the lines (req_file.py COMMENT_RE): a URL in a comment is none.
    const text = (0,_input_js__WEBPACK_IMPORTED_MODULE_0__/* .pipReadText */ .xW)(input).replace(/(^|[ \t]+)#.*$/gm, '');
    const inText = urlsInText(expand(text, env));
    return [...(ix.indexUrl !== undefined ? [ix.indexUrl] : []), ...ix.extraIndexUrls]
        .map((u) => expand(u, env))
        .concat(inText);
}
/** The first URL pip may fetch from this machine's loopback, its host shown (no credentials). */
function loopbackUrl(input) {
    for (const u of urlsPipMayReach(input)) {
        let url;
        try {
            url = new URL(u);
        }
        catch {
            continue; // not a URL pip could fetch either
        }
        if (/^(https?|ftp):$/.test(url.protocol) && isLoopbackHost(url.hostname))
            return url.host;
    }
    return undefined;
}
/**
 * The resolver's network, and why: `host` when the build runs on the host's network or pip must
 * reach this machine's loopback, else `bridge`. Only what the inputs ask for, never what the base
 * image's own environment (its PIP_INDEX_URL) names.
 */
function resolverNetwork(input, buildNetwork) {
    if (buildNetwork === 'host')
        return { network: 'host', reason: 'build.network is host: the same network as the build' };
    const loopback = loopbackUrl(input);
    if (loopback !== undefined)
        return { network: 'host', reason: `pip must reach ${loopback} on this machine's loopback` };
    return { network: 'bridge', reason: 'no index on this machine' };
}
/**
 * Whether the Docker engine runs in a VM, whose host network is the VM's own and whose loopback is
 * not this machine's: on macOS and native Windows (no Linux containers run natively there: Docker
 * Desktop, colima, OrbStack, Rancher Desktop each run a Linux VM), and on Linux with Docker
 * Desktop's context, desktop-linux (Docker Desktop for Linux runs a VM too). There `--network host`
 * reaches the VM's loopback, not a devpi on this machine's (docs.docker.com
 * engine/network/drivers/host: host networking is Docker Engine on Linux's, and Docker Desktop's
 * only from 4.34, opted into under Settings > Resources > Network > "Enable host networking").
 * PLATFORM: process.platform's value; CONTEXT: the current Docker context's name (docker/context.ts).
 */
const engineInVm = (platform, context) => platform === 'darwin' || platform === 'win32' || context === 'desktop-linux';


/***/ }),

/***/ 31374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K$: () => (/* binding */ pipCacheUrls),
/* harmony export */   KL: () => (/* binding */ pipCacheVolume),
/* harmony export */   KX: () => (/* binding */ PIP_CACHE_LABEL),
/* harmony export */   cv: () => (/* binding */ pipCacheScope),
/* harmony export */   iY: () => (/* binding */ PIP_CACHE_PREFIX),
/* harmony export */   nC: () => (/* binding */ PIP_CACHE_DIR)
/* harmony export */ });
/* unused harmony exports PIP_CACHE_BASE_LABEL, mayCarryCredentials */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82513);
/* harmony import */ var _github_run_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77562);
/* harmony import */ var _util_pull_request_code_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23419);
/* harmony import */ var _input_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18604);
/* harmony import */ var _network_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(63926);
// pip's HTTP cache across resolver runs: a named Docker volume, mounted read-write into the
// resolver's container and used by pip (PIP_CACHE_DIR) when the image's user may write there.
// Nothing removes it (docker volume rm does).
//
// Whose it is. Code runs in that container with the volume writable: the base image's own (its
// python, a sitecustomize) and the requirements' (an sdist's setup.py while pip builds its
// metadata), both of which a pull request may choose. Such code can plant answers in the cache
// (an index page listing only an old release, an sdist of its own) that every later run mounting
// the same volume reads. So a volume is bound to:
// - the base image that runs: its registry digest when it is the registry's image, else its local
//   image id (base.ts), so one base's code never feeds another base's resolution; and
// - on GitHub Actions, the repository and whether the run may build a pull request's code (any
//   event but push, schedule, workflow_dispatch, merge_group and release, or GITHUB_HEAD_REF set:
//   pull_request_target, and workflow_run or issue_comment workflows that check out a pull
//   request, count too), so a pull request's requirements never feed a branch's resolution on a
//   shared self-hosted runner (a pull request may still feed another's); and a trusted run of
//   another ref than the default branch has its ref's own (github/run-ref.ts).
// The price: no sharing between bases. A new base digest starts with an empty cache, and volumes
// add up, one per base, index set and scope. Nothing removes them, those of the earlier naming
// (keyed by the index URLs only, never mounted again: the names differ, `-v2-`) included; every
// one carries PIP_CACHE_LABEL, so `docker volume ls -q --filter label=PIP_CACHE_LABEL | xargs -r
// docker volume rm` removes them all (docs/build.md).
//
// It never holds credentials, nor what only they open: an index URL with userinfo, any other URL in
// the requirements with one (a --find-links page, a direct URL), or a ${NAME} reference there (it
// may expand to a token, in a URL's userinfo or query) gets no cache volume at all, because pip's
// cache keeps private pages and wheels, and request headers named by a server's Vary (Authorization
// among them); the name is a hash of the redacted URLs. pip caches only https and
// --trusted-host answers, so no volume is made for plain-http indexes.






/** Where the volume is mounted in the resolver's container. */
const PIP_CACHE_DIR = '/var/cache/ml-image-resolve-pip';
const PIP_CACHE_LABEL = 'io.github.ml-image-action.cache';
/** The base image (digest or image id) a volume belongs to, as a label on it. */
const PIP_CACHE_BASE_LABEL = 'io.github.ml-image-action.cache-base';
/** Every volume name starts so; the earlier naming had no `v2-`, so none of those is reused. */
const PIP_CACHE_PREFIX = 'ml-image-resolve-pip-cache-v2-';
const PYPI = 'https://pypi.org/simple';
/**
 * The index URLs a cache volume is for; undefined when one of them carries credentials, or when
 * pip would cache nothing (it caches answers from https and --trusted-host indexes only: a
 * plain-http index, a local one on a random port above all, gets no volume).
 */
function pipCacheUrls(input) {
    const ix = (0,_input_js__WEBPACK_IMPORTED_MODULE_4__/* .shownIndexes */ .K3)(input);
    const urls = [ix.indexUrl ?? PYPI, ...ix.extraIndexUrls];
    if (urls.some(mayCarryCredentials))
        return undefined;
    // pip fetches the requirements' own URLs too: --find-links pages, direct URLs (pkg @ https://...).
    const text = (0,_input_js__WEBPACK_IMPORTED_MODULE_4__/* .pipReadText */ .xW)(input);
    if (text.includes('${') || (0,_network_js__WEBPACK_IMPORTED_MODULE_5__/* .urlsInText */ .Jv)(text).some(mayCarryCredentials))
        return undefined;
    const trusted = /(^|\s)--trusted-host\b/.test(input.requirements.text);
    if (!trusted && !urls.some((u) => /^https:\/\//i.test(u)))
        return undefined;
    return urls.map((u) => (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(u));
}
/** The cache volume for these inputs' indexes and this base and scope (undefined as pipCacheUrls). */
function pipCacheVolume(input, binding) {
    const urls = pipCacheUrls(input);
    if (urls === undefined)
        return undefined;
    const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(JSON.stringify({ base: binding.base, scope: binding.scope, urls }))
        .digest('hex')
        .slice(0, 16);
    return {
        name: `${PIP_CACHE_PREFIX}${key}`,
        target: PIP_CACHE_DIR,
        labels: { [PIP_CACHE_LABEL]: 'pip-http', [PIP_CACHE_BASE_LABEL]: binding.base },
    };
}
/**
 * The run's trust scope: on GitHub Actions the repository, and `untrusted` for a run that may
 * build a pull request's code (mayBuildPullRequestCode over the run's EVENT facts: the one rule for
 * the cache, the push tag and the baseline), the ref's scope (`ref-<8 hex>`) for a trusted run of
 * another ref than the default branch (github/run-ref.ts: a branch's requirements never feed the
 * default branch's resolution), or `branch` for the default branch's; elsewhere (a workstation,
 * another CI) empty, or `untrusted` for a run marked as a fork's (FORK_MARK).
 */
function pipCacheScope(env, event = {}) {
    if (env.GITHUB_ACTIONS !== 'true')
        return (0,_util_pull_request_code_js__WEBPACK_IMPORTED_MODULE_3__/* .mayBuildPullRequestCode */ .HE)(env, event) ? 'untrusted' : '';
    const scope = (0,_util_pull_request_code_js__WEBPACK_IMPORTED_MODULE_3__/* .mayBuildPullRequestCode */ .HE)(env, event)
        ? 'untrusted'
        : ((0,_github_run_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .otherRefOf */ .V)(env, event)?.scope ?? 'branch');
    return `${env.GITHUB_REPOSITORY ?? ''} ${scope}`;
}
/**
 * Userinfo in the URL (user@ or user:password@), another credential redactUrls masks (`?token=`,
 * Anaconda's `/t/<token>/`), or a ${NAME} pip would expand.
 */
function mayCarryCredentials(url) {
    return url.includes('${') || (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(url) !== url || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
}


/***/ }),

/***/ 93321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ resolveAgainstBase)
});

// UNUSED EXPORTS: resolutionKey

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/util/markdown.ts
var markdown = __webpack_require__(17183);
// EXTERNAL MODULE: ./src/resolve/result.ts
var result = __webpack_require__(83447);
;// CONCATENATED MODULE: ./src/resolve/explain.ts
// explanation.md: the resolver's findings for people, read in a terminal (`ml-image resolve`, the
// resolve stage's warning) and as a file; the PR comment takes explanationLines (result.ts), which
// its renderer escapes. Names and versions come from the image, the requirements and pip: prose is plain text
// (no control characters: a terminal escape; one line each, so no value starts a block of its own,
// and `numpy<2` reads as it is), a value in a code span has no backtick (nor line break) left to end
// it, and pip's own lines sit in a fence longer than any backtick run in them.


/** Prose from the image, the requirements or pip: one line, no control characters. */
const explain_text = (s) => (0,markdown/* stripUnsafe */.P4)(s).replace(/[\r\n\u2028\u2029]+/g, ' ');
const code = (s) => `\`${explain_text(s).replace(/`/g, "'")}\``;
function renderExplanation(r) {
    const lines = [];
    const head = {
        clean: 'No conflict: your requirements keep every package of the base image.',
        fixed: 'Conflict fixed: a plan that keeps the base image intact was found.',
        conflict: 'Conflict: your requirements cannot be installed without breaking the base image.',
    };
    const unheld = r.status === 'fixed' && r.hazards.some((h) => h.id === result/* UNHELD_REPLACEMENT */.e1);
    // The plain dry run itself failed (pip's causes, nothing it would install): the requirements
    // (with the variant's torch) cannot go together at all, whatever the base image holds.
    const plainFailed = r.status === 'conflict' &&
        r.naive.install.length === 0 &&
        r.resolved === undefined &&
        (r.conflict?.causes.length ?? 0) > 0;
    const headline = unheld
        ? 'Conflict fixed with the base image held, but for base packages the plan still replaces (see the hazards).'
        : plainFailed
            ? `Conflict: pip cannot install your requirements together${r.conflict?.chain.some((c) => c.includes("the variant's torch")) ? " with the variant's torch" : ''}, before the base image is considered.`
            : head[r.status];
    lines.push(`### Dependency resolution (${explain_text(r.platform)})`, '', `**${headline}**`, '');
    lines.push(`Base image ${code(r.image)}: Python ${explain_text(r.python)}; ${r.constraints.pinned} packages held.`, '');
    if (r.naive.replaces.length > 0) {
        lines.push('A plain `pip install -r requirements.txt` would:', '');
        for (const rep of r.naive.replaces) {
            const by = rep.pulledInBy
                .map((p) => `${code(`${p.dist} ${p.version}`)} needs ${code(p.requirement)}`)
                .join(', ');
            const breaks = rep.breaks
                .map((b) => `${code(`${b.dist} ${b.version}`)} (${code(b.requirement)})`)
                .join(', ');
            lines.push(`- ${(0,result/* replaceVerb */.Cp)(rep)} ${code(`${rep.name} ${rep.from}`)} with ${code(rep.to)}${by ? ` because ${by}` : ''}${breaks ? `, breaking ${breaks}` : ''}${rep.shadows ? ` (${result/* SHADOW_NOTE */.Wl})` : ''}`);
        }
        lines.push('');
    }
    if (r.resolved && r.resolved.moved.length > 0) {
        lines.push('Resolved with the base image held:', '');
        for (const m of r.resolved.moved)
            lines.push(`- ${code(m.name)} ${explain_text(m.naive)} -> ${explain_text(m.resolved)}: ${explain_text(m.reason)}`);
        lines.push('');
    }
    if (r.resolved && r.resolved.relaxed.length > 0) {
        lines.push('Requirements relaxed (lower bounds kept):', '');
        for (const c of r.resolved.relaxed)
            lines.push(`- ${code(c.from)} -> ${code(c.to)}`);
        lines.push('');
    }
    if (r.conflict) {
        lines.push('Why:', '', ...r.conflict.chain.map((c) => `- ${explain_text(c)}`), '');
        if (r.conflict.causes.length)
            lines.push('pip says:', '', (0,markdown/* codeFence */.d6)(r.conflict.causes), '');
        lines.push('Options:', '', ...r.conflict.options.map((o) => `- ${explain_text(o)}`), '');
    }
    if (r.hazards.length > 0) {
        lines.push('Hazards pip cannot see:', '');
        for (const h of r.hazards)
            lines.push(`- ${explain_text(h.message)}. Fix: ${explain_text(h.fix)} ([source](${h.source}))`);
        lines.push('');
    }
    return `${lines.join('\n').trimEnd()}\n`;
}

// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(68898);
// EXTERNAL MODULE: ./src/requirements/markers.ts
var markers = __webpack_require__(42971);
// EXTERNAL MODULE: ./src/requirements/parse.ts
var parse = __webpack_require__(39459);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
;// CONCATENATED MODULE: ./src/resolve/own-constraints.ts
// The requirements' own -c lines in a conflict pip reports. pip merges every constraint on a
// project into one ("The user requested (constraint) numpy==1.26.4,>=2": the base image's pin and
// the user's bound) and drops a clause that repeats another, so what takes part is judged against
// the pins the resolver itself adds (PINS: the base image's packages, the variant's torch): a line
// of the user's is named when it excludes the version pinned for its project (or, a `name @ URL`
// line, names a pinned project), or when nothing but the user's own lines constrains that project.
// A line pip left out (its marker does not hold for this interpreter: pip merges only the
// constraints whose markers hold) is never named: each of its clauses must be among the merged
// constraint's. pip names a project a constraint holds in another way too, when a version of it is
// one side of the conflict ("bar 2.0.0 depends on foo>=1.0"; the user's `bar==2.0.0` is not
// printed): a line of the user's on such a project the resolver does not pin is named when it
// admits a version pip names so (another version of it may fit); one with a marker only where the
// marker holds in the image's marker environment (pip's own, from the base snapshot), as pip took
// it then, never where that cannot be told. Pure.




const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)/;
/** A constraint line's project (canonical), and its specifier (absent for a `name @ URL` line). */
function ownLine(line) {
    const m = NAME.exec(line);
    if (!m)
        return undefined;
    // The specifier: up to a marker (;) or the line's own options (--hash ...).
    const spec = line
        .slice(m[1].length)
        .split(/;|\s--?[a-z]/)[0]
        .trim();
    if (spec.startsWith('@'))
        return { name: (0,parse/* canonicalName */.Ew)(m[1]) };
    return { name: (0,parse/* canonicalName */.Ew)(m[1]), spec: spec.replace(/^\((.*)\)$/, '$1') };
}
/** Whether the specifier SPEC (">=2,<3") admits VERSION (PEP 440); undefined where it cannot tell. */
function specAdmits(spec, version) {
    if (spec === '')
        return true;
    if (!(0,pep440.valid)(version) || !(0,pep440.validRange)(spec))
        return undefined;
    const each = spec
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== '')
        .map((c) => clauseAdmits(c, version));
    return each.includes(false) ? false : each.includes(undefined) ? undefined : true;
}
/** `==V.*` or `!=V.*`: the operator, V's epoch (if any) and release. */
const WILDCARD = /^(==|!=)\s*v?(?:(\d+)!)?(\d+(?:\.\d+)*)\.\*$/i;
/**
 * `==V+LABEL` or `!=V+LABEL`: with a local label, packaging compares it too (2.1.0+cu121 is not
 * ==2.1.0+cpu); the library's satisfies leaves it out.
 */
const LOCAL_EQUAL = /^(==|!=)\s*(\S+\+\S+)$/;
/**
 * Whether VERSION has the prefix EPOCH!RELEASE (EQUAL) or not (!EQUAL), as packaging judges it: the
 * version's release padded with zeros (2 is in ==2.0.*, 2.1rc1 in ==2.1.0.*), pre-, post-, dev-
 * releases and a local label left out. The library pads none.
 */
function wildcardAdmits(equal, epoch, release, version) {
    const v = (0,pep440.explain)(version);
    if (!v)
        return undefined;
    const match = v.epoch === epoch && release.split('.').every((p, i) => (v.release[i] ?? 0) === Number(p));
    return match === equal;
}
/**
 * One clause, as packaging's Specifier.contains(prereleases=True) judges it. Here, not by the
 * library: `==V.*` and `!=V.*` (wildcardAdmits), `==V+LABEL` and `!=V+LABEL` (LOCAL_EQUAL), and
 * `<V`, `>V` and `===V`: the library excludes every version of V's release from `<V` and `>V` (so
 * 1.0 is not `>1.0.dev0`, nor 1.0rc1 `<1.0.post1`) and compares `===` as versions (1.0+cpu is not
 * `===1.0`).
 */
function clauseAdmits(clause, version) {
    const w = WILDCARD.exec(clause);
    if (w)
        return wildcardAdmits(w[1] === '==', Number(w[2] ?? 0), w[3], version);
    const local = LOCAL_EQUAL.exec(clause);
    if (local) {
        if (!(0,pep440.explain)(version) || !(0,pep440.explain)(local[2]))
            return undefined;
        return ((0,pep440.compare)(version, local[2]) === 0) === (local[1] === '==');
    }
    const m = /^(===|<(?!=)|>(?!=))\s*(\S+)$/.exec(clause);
    if (!m)
        return (0,pep440.satisfies)(version, clause, { prereleases: true });
    const [, op, bound] = m;
    if (op === '===')
        return version.toLowerCase() === bound.toLowerCase();
    const v = (0,pep440.explain)(version);
    const b = (0,pep440.explain)(bound);
    if (!v || !b)
        return undefined;
    const sameBase = (0,pep440.compare)(v.base_version, b.base_version) === 0;
    // <V: no pre-release of V's own release unless V is one; >V: no post-release of it unless V is
    // one, and no local label of it.
    if (op === '<')
        return (0,pep440.compare)(version, bound) < 0 && !(sameBase && v.is_prerelease && !b.is_prerelease);
    return ((0,pep440.compare)(version, bound) > 0 &&
        !(sameBase && v.is_postrelease && !b.is_postrelease) &&
        !(sameBase && v.local !== null));
}
/**
 * A clause as pip's set of them holds it once: `>=2.0` and `>=2` are one clause there (packaging
 * compares release versions as numbers, without trailing zeros, except under `~=` and `===`), so
 * both sides are compared so.
 */
function canonicalClause(clause) {
    const c = clause.replace(/\s+/g, '').toLowerCase();
    const m = /^(~=|===|==|!=|<=|>=|<|>)(\d+(?:\.\d+)*)$/.exec(c);
    if (!m || m[1] === '~=' || m[1] === '===')
        return c;
    const release = m[2].split('.').map((n) => n.replace(/^0+(?=\d)/, ''));
    while (release.length > 1 && release.at(-1) === '0')
        release.pop();
    return `${m[1]}${release.join('.')}`;
}
/** A specifier's clauses, each as canonicalClause has it: `>= 2.0 , <3` is `>=2` and `<3`. */
const clausesOf = (spec) => spec
    .split(',')
    .map(canonicalClause)
    .filter((c) => c !== '');
/**
 * The projects a conflict's causes name as merged constraints (canonical names), each with the
 * clauses pip merged for it (`(constraint) numpy==1.26.4,>=2`: its SpecifierSet, clauses sorted and
 * each printed once; none for a constraint by URL only).
 */
function constrainedIn(causes) {
    const out = new Map();
    for (const c of causes)
        for (const m of c.matchAll(/\(constraint\) ([A-Za-z0-9][A-Za-z0-9._-]*)(\S*)/g)) {
            const name = (0,parse/* canonicalName */.Ew)(m[1]);
            const clauses = out.get(name) ?? new Set();
            for (const clause of clausesOf(m[2]))
                clauses.add(clause);
            out.set(name, clauses);
        }
    return out;
}
/**
 * The projects a conflict's causes name as depending on another (`bar 2.0.0 depends on foo>=1.0`,
 * `bar[fast] 2.0.0 depends on ...`; canonical names), each with the versions named and, per
 * version, what pip says it depends on.
 */
function dependentsIn(causes) {
    const out = new Map();
    for (const c of causes) {
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])? (\S+) depends on (.+)$/.exec(c.trim());
        if (!m)
            continue;
        const versions = out.get((0,parse/* canonicalName */.Ew)(m[1])) ?? new Map();
        versions.set(m[2], [...(versions.get(m[2]) ?? []), m[3]]);
        out.set((0,parse/* canonicalName */.Ew)(m[1]), versions);
    }
    return out;
}
/**
 * Whether LINE's marker (after ";", up to the line's own options) holds in ENV, pip's marker
 * environment of the image (`extra` "" as for a requirements file): true without a marker, false
 * where it does not hold, cannot be told (a value ENV lacks, no ENV) or does not parse.
 */
function markerHolds(line, env) {
    const tree = (0,parse/* lineMarker */.DB)(line);
    // None: no marker, or one that does not parse (the line still has its ";").
    if (tree === undefined)
        return !line.includes(';');
    return env !== undefined && (0,markers/* evaluateMarker */.U)(tree, { ...env, extra: '' }) === true;
}
/**
 * Why the user's line LINE (its project NAME, its specifier SPEC, absent for a `name @ URL` line)
 * on a project the resolver does not pin takes part, where pip names versions of it as depending
 * on another (VERSIONS): "it pins bar 2.0.0, which depends on foo>=1.0"; undefined where it admits
 * none of them, names the project alone (no bound) or has a marker.
 */
function dependentReason(line, name, spec, versions, env) {
    if (!versions || spec === '' || !markerHolds(line, env))
        return undefined;
    const admitted = [...versions].filter(([v]) => spec === undefined || specAdmits(spec, v) === true);
    if (admitted.length === 0)
        return undefined;
    const exact = spec !== undefined && /^===?[^,*]+$/.test(spec.replace(/\s+/g, ''));
    const each = admitted.map(([v, needs]) => `${name} ${v}, which depends on ${needs.join(' and ')}`);
    return `it ${exact ? 'pins' : 'admits'} ${each.join('; and ')}`;
}
/** `name==version` lines (the base's pins, the variant's `torch==V`) as project -> version. */
function pinsOf(lines) {
    const out = new Map();
    for (const l of lines) {
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;,#]+)\s*$/.exec(l.trim());
        if (m)
            out.set((0,parse/* canonicalName */.Ew)(m[1]), m[2]);
    }
    return out;
}
/**
 * The options that name the requirements' own -c lines (OWN: their text and file:line origins)
 * taking part in a conflict whose causes are CAUSES, each with its file and line: a constraint of
 * the user's is held as firmly as the base image's packages. PINS: what the resolver pins itself;
 * ENV: the image's marker environment (pip's), by which a line with a marker is judged.
 */
function ownConstraintOptions(causes, own, pins, env) {
    if (own === undefined || own.text === '')
        return [];
    const constrained = constrainedIn(causes);
    const dependents = dependentsIn(causes);
    return own.text.split('\n').flatMap((text, i) => {
        const l = ownLine(text);
        if (!l)
            return [];
        const why = mergedTakesPart(l, constrained.get(l.name), pins.get(l.name))
            ? ''
            : pins.has(l.name)
                ? undefined
                : dependentReason(text, l.name, l.spec, dependents.get(l.name), env);
        if (why === undefined)
            return [];
        const origin = own.origins[i] ?? 'a -c file';
        return [
            (0,redact/* redactUrls */.sK)(`loosen or drop your constraint "${text}" (${origin}): ${why === '' ? '' : `${why}; `}the requirements' own -c files are held as firmly as the base image's packages`),
        ];
    });
}
/**
 * Whether the user's line L takes part in the constraint pip merged for its project (MERGED: its
 * clauses; undefined where pip printed none), judged against the version the resolver pins for it
 * (PINNED).
 */
function mergedTakesPart(l, merged, pinned) {
    if (!merged)
        return false;
    // Left out by pip (its marker does not hold here): a clause of it that pip did not merge.
    if (l.spec !== undefined && clausesOf(l.spec).some((c) => !merged.has(c)))
        return false;
    return pinned === undefined || l.spec === undefined || specAdmits(l.spec, pinned) === false;
}
/**
 * The projects the requirements' own -c lines (OWN) pin to one version (`name==V`, no wildcard, no
 * marker), each with the line as the log names it: `"bar==2.0.0" (rc-cons.txt:2)`. Relaxing the
 * user's requirement on such a project cannot move it (the relax step leaves it, saying why).
 */
function ownExactPins(own) {
    const out = new Map();
    if (own === undefined)
        return out;
    own.text.split('\n').forEach((line, i) => {
        const [name, version] = [...pinsOf([line])][0] ?? [];
        if (name === undefined || version === undefined || version.includes('*') || out.has(name))
            return;
        out.set(name, `${JSON.stringify(line.trim())} (${own.origins[i] ?? 'a -c file'})`);
    });
    return out;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
;// CONCATENATED MODULE: ./src/resolve/hazards.json
const hazards_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"updated":"2026-11-22","numpy1Abi":[{"package":"torch","versions":"<2.3","fixedIn":"2.3.0","source":"https://github.com/pytorch/pytorch/issues/132179"},{"package":"opencv-python","versions":"<4.10.0.84","fixedIn":"4.10.0.84","source":"https://github.com/spack/spack/pull/46223"},{"package":"opencv-python-headless","versions":"<4.10.0.84","fixedIn":"4.10.0.84","source":"https://github.com/spack/spack/pull/46223"},{"package":"opencv-contrib-python","versions":"<4.10.0.84","fixedIn":"4.10.0.84","source":"https://github.com/spack/spack/pull/46223"},{"package":"opencv-contrib-python-headless","versions":"<4.10.0.84","fixedIn":"4.10.0.84","source":"https://github.com/spack/spack/pull/46223"},{"package":"pandas","versions":"<2.1","fixedIn":"2.2.2","source":"https://github.com/pandas-dev/pandas/issues/59052"},{"package":"scikit-learn","versions":"<1.3","fixedIn":"1.4.2","source":"https://github.com/scikit-learn/scikit-learn/issues/29630"},{"package":"matplotlib","versions":"<3.7.3","fixedIn":"3.8.4","source":"https://github.com/matplotlib/matplotlib/issues/26778"},{"package":"pyarrow","versions":"<15","fixedIn":"16.0.0","source":"https://github.com/apache/arrow/issues/39537"},{"package":"h5py","versions":"<3.11","fixedIn":"3.11.0","source":"https://github.com/h5py/h5py/issues/2455"},{"package":"shapely","versions":">=2.0,<2.0.3","fixedIn":"2.0.4","source":"https://github.com/shapely/shapely/pull/1975"},{"package":"tensorflow","versions":">=2.14,<2.15","fixedIn":"2.18.0","source":"https://github.com/tensorflow/tensorflow/issues/102743"}],"torchNoNumpyDependency":{"torchVersions":"<2.3","note":"Since 1.9.0 torch wheels list no numpy requirement in Requires-Dist (numpy became an optional, runtime-detected dependency), so pip cannot see that a torch built against NumPy 1.x clashes with an installed NumPy 2.","source":"https://github.com/pytorch/pytorch/issues/60081"},"ngcPrerelease":{"note":"NGC PyTorch containers ship a source build versioned as a PEP 440 pre-release with a local tag (e.g. release 25.12 ships 2.10.0a0+b4e4ee81d3), which sorts below the final X.Y.0, so a requirement such as a torchvision release that pins torch==X.Y.0 is not satisfied by it and pip replaces NGC\'s torch with a PyPI build (from 25.03 NGC adds /etc/pip/constraint.txt to guard against this).","source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-12.html"},"opencvVariants":{"packages":["opencv-python","opencv-python-headless","opencv-contrib-python","opencv-contrib-python-headless"],"note":"All four packages install the same cv2 module with no plugin architecture, so having more than one installed makes the last-installed overwrite or shadow the other\'s cv2 files, and the upstream fix is to uninstall them all and reinstall only one.","source":"https://pypi.org/project/opencv-python/4.10.0.82/"},"torchCudaLocalVersion":{"note":"torch wheels from download.pytorch.org carry +cuXYZ local versions (e.g. 2.8.0+cu128); a wheel whose CUDA major differs from the base image\'s CUDA (e.g. cu130 on a CUDA 12.x image, or cu128 on CUDA 13) loads its own CUDA runtime alongside the image\'s, cannot use the image\'s CUDA libraries (errors like libcublas.so.12 not found), and needs a driver new enough for its own CUDA major.","source":"https://github.com/sgl-project/sglang/pull/22833"},"aarch64PypiTorch":{"cpuOnlyBefore":"2.11","note":"Before torch 2.11, PyPI carried only CPU-only torch wheels for linux aarch64, so pip install torch on Grace-class hosts (GH200/GB200/GB300) silently got a CPU build, and any dependency pinning torch could replace a CUDA build from download.pytorch.org with that CPU wheel.","source":"https://theneuralfeed.com/article/vllm-and-pytorch-work-together-to-improve-the-developer-experience-on-aarch64/k7voSkfH"}}');
;// CONCATENATED MODULE: ./src/resolve/hazards.ts
// Hazards a resolver cannot see (pip is satisfied, the image still breaks): checked against a data
// table with a source per row (hazards.json). Each kind of check is code; the rows are data.




const url = schemas/* string */.YjP().url();
const HazardTableSchema = schemas/* object */.Ikc({
    schemaVersion: schemas/* literal */.euz(1),
    updated: schemas/* string */.YjP(),
    numpy1Abi: schemas/* array */.YOg(schemas/* object */.Ikc({ package: schemas/* string */.YjP(), versions: schemas/* string */.YjP(), fixedIn: schemas/* string */.YjP(), source: url })),
    torchNoNumpyDependency: schemas/* object */.Ikc({ torchVersions: schemas/* string */.YjP(), note: schemas/* string */.YjP(), source: url }),
    ngcPrerelease: schemas/* object */.Ikc({ note: schemas/* string */.YjP(), source: url }),
    opencvVariants: schemas/* object */.Ikc({ packages: schemas/* array */.YOg(schemas/* string */.YjP()).min(2), note: schemas/* string */.YjP(), source: url }),
    torchCudaLocalVersion: schemas/* object */.Ikc({ note: schemas/* string */.YjP(), source: url }),
    aarch64PypiTorch: schemas/* object */.Ikc({ cpuOnlyBefore: schemas/* string */.YjP(), note: schemas/* string */.YjP(), source: url }),
});
let table;
function hazardTable() {
    table ??= HazardTableSchema.parse(hazards_namespaceObject);
    return table;
}
/** "2.6.0a0+ecf3bae40a" -> "2.6.0a0" for range checks (local versions do not change the release). */
const release = (v) => v.split('+')[0];
/**
 * Whether an installed (or planned) version V is in RANGE. A pre-release counts (as packaging's
 * contains(v, prereleases=True), as the helper judges): PEP 440 leaves pre-releases out of a range
 * only when choosing what to install, and NGC's torch 2.2.0a0+... or Debian's 1.13.0a0+gitunknown
 * is what the image has.
 */
const inRange = (v, range) => (0,pep440.valid)(release(v)) !== null && (0,pep440.satisfies)(release(v), range, { prereleases: true });
function findHazards(h, t = hazardTable()) {
    const out = [];
    // The environment after the install: base versions, overridden by what pip installs.
    const final = new Map(h.snapshot.installed.map((d) => [(0,parse/* canonicalName */.Ew)(d.name), d.version]));
    for (const i of h.install)
        final.set((0,parse/* canonicalName */.Ew)(i.name), i.version);
    const installing = new Map(h.install.map((i) => [(0,parse/* canonicalName */.Ew)(i.name), i.version]));
    const numpy = final.get('numpy');
    const numpy2 = numpy !== undefined && (0,pep440.valid)(release(numpy)) !== null && (0,pep440.satisfies)(release(numpy), '>=2');
    if (numpy2) {
        for (const row of t.numpy1Abi) {
            const v = final.get((0,parse/* canonicalName */.Ew)(row.package));
            if (v && inRange(v, row.versions)) {
                out.push({
                    id: `numpy1-abi:${row.package}`,
                    message: `${row.package} ${v} was built against NumPy 1.x but declares no upper bound; with numpy ${numpy} its import breaks ("A module that was compiled using NumPy 1.x cannot be run in NumPy 2")`,
                    fix: `require ${row.package}>=${row.fixedIn}, or hold numpy<2`,
                    source: row.source,
                });
            }
        }
        const torch = final.get('torch');
        if (torch && inRange(torch, t.torchNoNumpyDependency.torchVersions)) {
            out.push({
                id: 'torch-no-numpy-dependency',
                message: `torch ${torch} is built against NumPy 1.x and numpy ${numpy} is planned: ${t.torchNoNumpyDependency.note}`,
                fix: 'add numpy<2 to your requirements, or use a torch built against NumPy 2',
                source: t.torchNoNumpyDependency.source,
            });
        }
    }
    const baseTorch = h.snapshot.installed.find((d) => (0,parse/* canonicalName */.Ew)(d.name) === 'torch')?.version;
    const newTorch = installing.get('torch');
    if (baseTorch && /a0\+|\.dev|\+/.test(baseTorch) && newTorch && newTorch !== baseTorch) {
        out.push({
            id: 'ngc-prerelease-torch',
            message: `the base image ships torch ${baseTorch} and the plan replaces it with ${newTorch}: ${t.ngcPrerelease.note}`,
            fix: 'do not pin torch (or torchvision/torchaudio releases that pin another torch); keep the base image torch',
            source: t.ngcPrerelease.source,
        });
    }
    const cv = t.opencvVariants.packages.filter((p) => final.has((0,parse/* canonicalName */.Ew)(p)));
    if (cv.length > 1) {
        out.push({
            id: 'opencv-variants',
            message: `${cv.join(' and ')} would be installed together: ${t.opencvVariants.note}`,
            fix: `keep one of them (in a container: opencv-python-headless)`,
            source: t.opencvVariants.source,
        });
    }
    const torch = final.get('torch');
    const local = torch ? /\+cu(\d+)/.exec(torch)?.[1] : undefined;
    const imageCuda = h.snapshot.env.CUDA_VERSION ?? h.variant?.cuda;
    if (local && imageCuda) {
        // The label's last digit is the minor version: cu128 is 12.8, cu102 10.2, cu92 9.2.
        const wheelMajor = local.length >= 2 ? local.slice(0, -1) : local;
        if (wheelMajor !== imageCuda.split('.')[0]) {
            out.push({
                id: 'torch-cuda-mismatch',
                message: `torch ${torch} is built for CUDA ${wheelMajor}.x but the base image has CUDA ${imageCuda}: ${t.torchCudaLocalVersion.note}`,
                fix: `install torch from https://download.pytorch.org/whl/cu${imageCuda.split('.').slice(0, 2).join('')}`,
                source: t.torchCudaLocalVersion.source,
            });
        }
    }
    const aarch64 = aarch64PypiTorch(h, newTorch, t);
    if (aarch64)
        out.push(aarch64);
    return out;
}
/** PyPI's torch before 2.11 on linux/arm64 in a CUDA variant: a CPU-only build. */
function aarch64PypiTorch(h, newTorch, t) {
    // PyPI's torch has no local version; PyTorch's CUDA indexes label their aarch64 wheels (+cu128).
    // An unlabelled torch on arm64 is PyPI's (pip fell back to it when the CUDA index had no wheel
    // for this Python), whatever indexes pip was given: CPU-only before 2.11.
    if (h.platform !== 'linux/arm64' ||
        h.variant?.cuda === undefined ||
        newTorch === undefined ||
        newTorch.includes('+') ||
        !inRange(newTorch, `<${t.aarch64PypiTorch.cpuOnlyBefore}`))
        return undefined;
    return {
        id: 'aarch64-pypi-torch-cpu',
        message: `torch ${newTorch} from PyPI on linux/arm64 is a CPU-only build: ${t.aarch64PypiTorch.note}`,
        fix: `use torch>=${t.aarch64PypiTorch.cpuOnlyBefore}, or PyTorch's CUDA index (https://download.pytorch.org/whl/cu128)`,
        source: t.aarch64PypiTorch.source,
    };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/resolve/input.ts
var resolve_input = __webpack_require__(18604);
;// CONCATENATED MODULE: ./src/resolve/torch-label.ts
// The torch the resolver settled on, against the one the build's torch step can install. The build
// installs torch==V from the variant's torch index (…/whl/cu128, …/whl/cpu) before the
// requirements, with the configured indexes only (pip.conf): the requirements' own index lines do
// not reach that step. The resolver's dry run asks for the same torch==V, but with the requirements
// and their index lines: a requirement `torch==2.5.0+cpu` with `--extra-index-url …/whl/cpu` settled
// on the CPU wheel in a CUDA variant, the constraints pinned it, and every build then failed at the
// torch step ("ResolutionImpossible"). Pure.



/** The build labels PyTorch's indexes give their wheels' versions (2.5.0+cu128, 2.5.0+cpu). */
const TORCH_BUILD_LABEL = /^(?:cpu|cu\d+|rocm\d+(?:\.\d+)*|xpu)$/;
/** The label of the wheels a PyTorch index serves, by its path's last segment; undefined if none. */
function torchIndexLabel(url) {
    let path;
    try {
        path = new URL(url).pathname;
    }
    catch {
        return undefined;
    }
    const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
    return TORCH_BUILD_LABEL.test(last) ? last : undefined;
}
/**
 * Why the settled torch (in INSTALL) cannot be what the build's torch step installs: its version
 * carries another PyTorch build label than the variant's torch index serves. Undefined when the
 * build installs no torch first, the index's label is unknown, or the labels agree (or torch has
 * none: the configured index's own release, which the torch step reaches too), or a configured
 * index (python.indexUrl, extraIndexUrls: the torch step's pip.conf) serves that label.
 */
function torchLabelProblem(input, install, requirements) {
    const index = input.variant?.torchIndexUrl;
    if (index === undefined || (0,resolve_input/* preinstalled */.kl)(input).length === 0)
        return undefined;
    const label = torchIndexLabel(index);
    const torch = install.find((i) => i.name === 'torch');
    const own = torch && /\+(.+)$/.exec(torch.version)?.[1];
    if (label === undefined || own === undefined || !TORCH_BUILD_LABEL.test(own) || own === label)
        return undefined;
    // A configured index (pip.conf: the torch step's too) that serves that label: the step takes it.
    const configured = [input.indexes?.indexUrl, ...(input.indexes?.extraIndexUrls ?? [])];
    if (configured.some((u) => u !== undefined && torchIndexLabel(u) === own))
        return undefined;
    const line = requirements.find((r) => r.name === 'torch')?.origin;
    const v = input.variant?.torchVersion ?? '';
    return new errors/* InputError */.dz(`${line ? `${line}: ` : ''}torch ${torch.version} (${own} wheels) is not the torch the build installs: the variant's torch step installs torch==${v} from ${(0,redact/* shownUrl */.zA)(index)} (${label} wheels) before the requirements, without their index lines, and cannot install ${torch.version}`, `let the variant choose torch (its torch version and cuda in the config) and drop ${line ? 'that pin, and the index line that serves it,' : 'the requirement and the index line that bring that torch'} from the requirements; or pin torch==${v.replace(/\+.*$/, '')}+${label}`, line ? { location: (0,errors/* locationOf */.hD)(line) } : {});
}

;// CONCATENATED MODULE: ./src/resolve/helper-output.ts
// What the Python helper (py/ml_image_resolve.py) prints, as schemas: its answers cross a process
// boundary and are parsed, never cast. Keys the TypeScript side does not use are dropped.


const Strings = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP());
const InstalledDistSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP(),
    version: schemas/* string */.YjP(),
    requiresDist: schemas/* array */.YOg(schemas/* string */.YjP()),
    installer: schemas/* string */.YjP(),
    editable: schemas/* boolean */.zMY(),
    directUrl: schemas/* boolean */.zMY(),
    location: schemas/* string */.YjP(),
    /**
     * pip's is_local(): a place pip uninstalls from. false: outside pip's environment (Debian's
     * /usr/lib/python3/dist-packages, a virtualenv's system site-packages), where pip leaves it and
     * installs another version ahead of it on sys.path.
     */
    local: schemas/* boolean */.zMY(),
});
/** `helper.py snapshot` when it cannot look: pip without vendored packaging, or pip inspect failed. */
const SnapshotErrorSchema = schemas/* object */.Ikc({ error: schemas/* string */.YjP() });
/**
 * `helper.py snapshot`: the base image's Python, every distribution on its sys.path (`pip inspect`
 * without --local), its CUDA/torch version variables and constraint file. `format` 2: a cached
 * snapshot of the earlier format (--local, which missed Debian's python3-* packages, and PIP_*
 * values kept) does not parse, so it is taken again and overwritten.
 */
const SnapshotSchema = schemas/* object */.Ikc({
    format: schemas/* literal */.euz(2),
    python: schemas/* object */.Ikc({ version: schemas/* string */.YjP() }),
    pipVersion: schemas/* string */.YjP().nullish(),
    /** pip's marker environment of the image. */
    environment: Strings,
    /**
     * The image's CUDA_VERSION, NVIDIA_PYTORCH_VERSION and PYTORCH_VERSION. Never its PIP_* values (an
     * index login): the snapshot is cached on disk.
     */
    env: Strings,
    installed: schemas/* array */.YOg(InstalledDistSchema),
    constraintFile: schemas/* object */.Ikc({ path: schemas/* string */.YjP(), content: schemas/* string */.YjP() }).nullable(),
});
/** `helper.py analyze SNAPSHOT REPORT`: what a pip report installs and which base packages it replaces. */
const AnalysisSchema = schemas/* object */.Ikc({
    install: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP(), version: schemas/* string */.YjP(), requested: schemas/* boolean */.zMY() })),
    replaced: schemas/* array */.YOg(result/* ReplacementSchema */.m6),
    environment: Strings,
});
const NO_ANALYSIS = { install: [], replaced: [], environment: {} };
const RelaxChangeSchema = schemas/* object */.Ikc({ name: schemas/* string */.YjP(), from: schemas/* string */.YjP(), to: schemas/* string */.YjP() });
/** `helper.py relax REQS NAME=VERSION...`: the requirements with the named ones loosened. */
const RelaxedSchema = schemas/* object */.Ikc({
    requirements: schemas/* string */.YjP(),
    changes: schemas/* array */.YOg(RelaxChangeSchema),
});

// EXTERNAL MODULE: ./src/resolve/workdir.ts
var workdir = __webpack_require__(62592);
;// CONCATENATED MODULE: ./src/resolve/steps/diagnose.ts
// Step 2, diagnose: the plain dry run, what `pip install -r` would do with the image's own
// PIP_CONSTRAINT off, and which base packages that would replace (and why). pip and the analysis
// run in one python process (helper.py run), with the snapshot too when it is not cached.


/** The plain dry run's report, arguments and environment (the image's constraint file off). */
const NAIVE = {
    report: 'naive.json',
    args: ['-r', `${workdir/* DIR */.q6}/requirements.txt`],
    env: { PIP_CONSTRAINT: '' },
};
/** The diagnosis of a plain dry run that has run (and been settled). */
function diagnosisOf(naive, say) {
    const analysis = naive.run.ok ? (naive.analysis ?? NO_ANALYSIS) : NO_ANALYSIS;
    const shadowed = analysis.replaced.filter((r) => r.shadows).length;
    say(`a plain pip install would replace ${analysis.replaced.length} base package(s)${shadowed > 0 ? ` (${shadowed} of them shadowed: pip does not uninstall them, outside its environment)` : ''}`);
    return { naive: naive.run, analysis };
}
/** The helper's reading of a pip report against the base snapshot. */
const analyze = (ws, report) => ws.helper(AnalysisSchema, ['analyze', `${workdir/* DIR */.q6}/snapshot.json`, `${workdir/* DIR */.q6}/${report}`]);

// EXTERNAL MODULE: ./src/python/pip-network.ts
var pip_network = __webpack_require__(95148);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/resolve/pip-subprocess.ts
// Reading pip's own words when a command it ran failed: a package's build step (an sdist's
// metadata), a version control command (git clone of a `pkg @ git+https://...` line), or no such
// command in the base image at all. Pure functions over pip's output.
/** "Collecting X" / "Processing X" / "Obtaining X" before line AT: the requirement pip was collecting. */
function collectingBefore(lines, at) {
    return lines
        .slice(0, at)
        .reverse()
        .map((l) => /^\s*(?:Collecting|Processing|Obtaining) (\S+)/.exec(l)?.[1])
        .find((r) => r !== undefined);
}
/**
 * pip ran a package's build step (metadata, or a wheel for it) and that failed
 * (`metadata-generation-failed`, `subprocess-exited-with-error`): the requirement pip was collecting
 * when it did, where pip names it.
 */
function buildFailure(output) {
    const lines = output.split(/\r?\n/);
    const at = lines.findIndex((l) => /(?:^|\s)(?:error: )?(?:metadata-generation-failed|subprocess-exited-with-error)\b|^ERROR: Command errored out with exit status /.test(l));
    if (at < 0)
        return undefined;
    const collecting = collectingBefore(lines, at);
    return collecting !== undefined ? { requirement: collecting } : {};
}
/** The version control systems pip runs for a `git+`, `hg+`, `svn+` or `bzr+` URL. */
const VCS = '(git|hg|svn|bzr)';
/** pip's words for a command the base image lacks (its BadCommand, and the OSError before it). */
const MISSING = new RegExp(`Cannot find command '${VCS}'|No such file or directory: '${VCS}' while executing command`);
/** The line that names the command that failed, to its subcommand (its arguments follow). */
const RAN = new RegExp(`^\\s*(?:× |ERROR: Command errored out with exit status \\d+: )${VCS} ([a-z-]+)`);
/** What follows the arguments on that line. */
const RAN_END = / (?:did not run successfully\.?|Check the logs for full command output\.)\s*$/;
/**
 * A version control command pip ran for a requirement that failed or is not there. pip says so in
 * its own words, indented under "Collecting X": "ERROR: Cannot find command 'git'", or "× git clone
 * --filter=blob:none --quiet URL DEST did not run successfully." (pip < 22: "ERROR: Command errored
 * out with exit status 128: git clone -q URL DEST"). Looked for before buildFailure, which would
 * take the same "subprocess-exited-with-error" for a package's build step.
 */
function vcsFailure(output) {
    const lines = output.split(/\r?\n/);
    const missing = lines.findIndex((l) => MISSING.test(l));
    if (missing >= 0) {
        const m = MISSING.exec(lines[missing]);
        return {
            kind: 'vcs-missing',
            command: m[1] ?? m[2],
            ...requirementOf(collectingBefore(lines, missing)),
        };
    }
    const at = lines.findIndex((l) => RAN.test(l));
    if (at < 0)
        return undefined;
    const m = RAN.exec(lines[at]);
    const args = lines[at].slice(m[0].length).replace(RAN_END, '').split(' ');
    const url = args.find((a) => a.includes('://'));
    return {
        kind: 'vcs-failed',
        command: m[1],
        subcommand: m[2],
        ...(url !== undefined && { url }),
        ...requirementOf(collectingBefore(lines, at)),
        said: lines
            .slice(0, at)
            .map((l) => l.trim())
            .filter((l) => /^(?:fatal|remote|abort|svn|error): /.test(l) && !/^error: subprocess-/.test(l))
            .slice(-3),
    };
}
const requirementOf = (r) => (r !== undefined ? { requirement: r } : {});

;// CONCATENATED MODULE: ./src/resolve/hash-failure.ts
// pip's hash-checking failures told apart, each with the requirements pip lists under its message
// (pip prints one block per kind, operations/prepare.py's HashErrors): a downloaded file that does not
// match its --hash (HashMismatch), requirements without a --hash in that mode (HashMissing: a line
// without one, or a dependency the files do not list), and requirements not pinned with ==
// (HashUnpinned). A dependency no line lists is unpinned unless its dependent pins it (pip's
// _get_linked_req_hashes raises HashUnpinned before HashMissing): pip writes it with the chain that
// asks for it, "filelock from URL (from torch==2.5.1->-r DIR/requirements.txt (line 2))" (pip 23 to
// 26 alike), and "(line 2)" is its dependent's line, not its own. Pure.

/** pip's heading of each kind, in the order they are reported here (a mismatch first: tampering?). */
const HEADINGS = [
    ['mismatch', /DO NOT MATCH THE HASHES/],
    ['missing', /Hashes are required in --require-hashes mode/],
    ['unpinned', /In --require-hashes mode, all requirements must/],
];
const FILE_LINE = new RegExp(`^(?:-r )?${workdir/* DIR */.q6.replace(/[.]/g, '\\.')}/requirements\\.txt \\(line (\\d+)\\)$`);
/**
 * The chain of a requirement pip lists with its "(from A->B->-r FILE (line N))" (undefined: none,
 * or a line's own requirement, "(from -r FILE (line N))"). Pure.
 */
function requiredBy(listed) {
    const from = / \(from (.*)\):?$/.exec(listed.trimEnd())?.[1];
    if (from === undefined)
        return undefined;
    const all = from.split('->').map((r) => r.replace(/;.*$/, '').trim());
    const line = FILE_LINE.exec(all[all.length - 1])?.[1];
    if (line !== undefined)
        all.pop();
    // pip 26 (not 23) writes a requirement with extras after its own project: "torch==2.5.1->torch[gpu]==2.5.1".
    const project = (r) => /^[A-Za-z0-9._-]*/.exec(r ?? '')[0].toLowerCase();
    const chain = all.filter((r, i) => project(r) !== project(all[i + 1]));
    return chain.length === 0 ? undefined : { chain, line: Number(line ?? 0) };
}
/**
 * The hash-checking failure in pip's OUTPUT, if any: which kind, where its heading starts (pip's
 * "(line N)" follows it, for a mismatch), the requirements listed under it as pip writes them up to
 * their first space or marker (`numpy==2.0.0`; a mismatch's `foo==1.0`), once each, and what asks
 * for those pip lists as dependencies (keyed by the requirement as listed).
 */
function hashFailureOf(output) {
    for (const [problem, heading] of HEADINGS) {
        const at = output.search(heading);
        if (at < 0)
            continue;
        const requirements = [];
        const by = {};
        // The block: the lines after the heading's, indented; it ends at the first that is not.
        for (const line of output.slice(at).split(/\r?\n/).slice(1)) {
            if (!/^\s/.test(line))
                break;
            // A requirement is indented by 4 (a mismatch's "Expected sha256 ..." and "Got ..." deeper).
            const req = /^ {4}([^\s;]+)/.exec(line)?.[1];
            if (req === undefined || requirements.includes(req))
                continue;
            requirements.push(req);
            const chain = requiredBy(line);
            if (chain)
                by[req] = chain;
        }
        return { problem, at, requirements, requiredBy: by };
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/resolve/local-path.ts
// A local path of the requirements that pip did not find (or found no project at) inside the base
// image: the path pip names, and the requirement line that gave it. pip names the line for some
// ("(from -r FILE (line N))"), not for a missing file or editable (pip 23: "No such file or
// directory: '/opt/wheels/x.whl'", "/opt/x is not a valid editable requirement"): those are found
// by their path among the requirement lines (a path, -e path, or file:// URL). Pure.


const LOCAL_PATH = /does not appear to be a Python project|is not a valid editable requirement|Could not open requirements file|is not installable|neither 'setup\.py' nor 'pyproject\.toml' found|^ERROR: .*No such file or directory: '[^']*'/m;
/** Did pip fail for a local path: not there, or no Python project there? */
const isLocalPathFailure = (output) => LOCAL_PATH.test(output);
/** The path an ERROR line of pip's names as missing or not a project, as pip writes it. */
function namedOn(line) {
    const quoted = /No such file or directory: (?:'([^']+)'|"([^"]+)")/.exec(line);
    if (quoted)
        return quoted[1] ?? quoted[2];
    return (/^ERROR: Directory '([^']+)' is not installable/.exec(line)?.[1] ??
        /^ERROR: (\S.*?) is not a valid editable requirement\./.exec(line)?.[1]);
}
/** The local path pip's first ERROR line that names one says is not there (or holds no project). */
function pathPipNamed(output) {
    for (const l of output.split(/\r?\n/)) {
        const p = /^ERROR: /.test(l) ? namedOn(l) : undefined;
        if (p !== undefined)
            return p;
    }
    return undefined;
}
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/**
 * A local path or file:// URL as the path in the container to compare (undefined for another
 * URL): the URL's path percent-decoded, without extras ("[gpu]") or a fragment, relative to DIR
 * (pip's working directory), normalized.
 */
function comparable(target) {
    let p = target.trim();
    if (/^file:/i.test(p)) {
        const m = /^file:(?:\/\/(?:localhost)?)?(\/[^?#]*)/i.exec(p);
        if (!m)
            return undefined;
        try {
            p = decodeURIComponent(m[1]);
        }
        catch {
            p = m[1];
        }
    }
    else if (SCHEME.test(p))
        return undefined;
    p = p.replace(/\[[^\]]*\]$/, '');
    return p === '' ? undefined : external_node_path_.posix.resolve(workdir/* DIR */.q6, p);
}
/**
 * The requirement line whose path or file:// URL is PATH (as pip names it), if any: one that
 * writes it as pip does first (an editable's "/opt/x[gpu]"), else one that names the same path.
 */
function lineOfPath(requirements, path) {
    const wanted = path === undefined ? undefined : comparable(path);
    if (wanted === undefined)
        return undefined;
    return (requirements.find((r) => r.url === path) ??
        requirements.find((r) => r.url !== undefined && comparable(r.url) === wanted));
}
/**
 * The "file:line" to blame for a local-path failure: the line pip names on its error, else the
 * line whose path pip names, else the line pip was processing when it failed. AT maps a line of
 * the requirements text to its "file:line".
 */
function localPathOrigin(f, requirements, at) {
    return at(f.line) ?? lineOfPath(requirements, f.path)?.origin ?? at(f.processing);
}

;// CONCATENATED MODULE: ./src/resolve/no-match.ts
// Why pip found no release of a requirement, as its output tells: an index that refused its
// credentials (seen at -vv), or releases skipped for their Requires-Python; and whose dependency
// the requirement is. Pure.


/**
 * The project a requirement as pip writes it names: "notthere" of "notthere==1.0", of
 * "foo[bar]>=2; python_version > '3'" "foo" (the name without its extras, specifier or markers).
 */
function projectOf(requirement) {
    return /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(requirement.trim())?.[0] ?? requirement;
}
/**
 * The index pages of PROJECT that pip was refused for its credentials, as pip logs them at -vv:
 * "Could not fetch URL http://u:****@h/simple/x/: 401 Client Error: Unauthorized for url: ... -
 * skipping". pip then says "from versions: none", as for a project the index lacks. Counted: a 401,
 * or a 403 of an index that carries a login (masked `u:****@`); a 403 without one is how an index on
 * S3 (download.pytorch.org) says it lacks the project. Another project's page is not counted.
 * PROJECT may be a requirement as pip names it ("x==1.0", "x[extra]>=2"): its project is compared.
 */
function indexRefusals(output, project, loginHosts = new Set()) {
    const wanted = (0,parse/* canonicalName */.Ew)(projectOf(project));
    return [
        ...output.matchAll(/Could not fetch URL (\S+?):? (40[13]) Client Error: ([A-Za-z ]+?) for url/g),
    ].flatMap((m) => {
        const url = m[1];
        const page = /\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url)?.[1];
        if (page === undefined || (0,parse/* canonicalName */.Ew)(page) !== wanted)
            return [];
        // A 403 is a refused login only with one: in the URL, or for its host in pip's netrc (LOGIN_HOSTS).
        const host = /:\/\/([^/@\s]*@)?([^/:?#\s]*)/.exec(url);
        if (m[2] === '403' && !host?.[1] && !loginHosts.has(host?.[2] ?? ''))
            return [];
        return [{ url, status: `${m[2]} ${m[3]}` }];
    });
}
/**
 * The releases pip skipped for their Requires-Python ("ERROR: Ignored the following versions that
 * require a different python version: 2.0 Requires-Python >=3.12; ..."), the first few, redacted. Pure.
 */
function pythonSkipped(out, max = 5) {
    const m = /Ignored the following versions that require a different python version: ([^\n]*)/.exec(out);
    const all = m?.[1]
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean) ?? [];
    if (all.length === 0)
        return undefined;
    const shown = all.slice(0, max).join('; ');
    return (0,redact/* redactUrls */.sK)(all.length > max ? `${shown}; and ${all.length - max} more` : shown);
}
/**
 * The project REQUIREMENT is a dependency of, as pip names it in "Could not find a version that
 * satisfies the requirement numpy>=3 (from needsnew) (from versions: ...)"; undefined for a
 * requirement of the user's own (no "(from X)" after it).
 */
function dependencyOf(output, requirement) {
    const at = output.indexOf(`satisfies the requirement ${requirement} (from `);
    if (at < 0)
        return undefined;
    const rest = output.slice(at + `satisfies the requirement ${requirement} (from `.length, at + 400);
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)[^)]*\)/.exec(rest);
    return m && !/^versions$/.test(m[1]) ? m[1] : undefined;
}
/**
 * The hosts of the plain-http indexes pip ignored, as it warns even under --quiet: "The repository
 * located at HOST is not a trusted or secure host and is being ignored" (http on a host other than
 * localhost, with no --trusted-host). pip then lists no versions from them, as for a missing project.
 */
function untrustedHosts(output) {
    const warned = output.matchAll(/The repository located at (\S+) is not a trusted or secure host/g);
    return [...new Set([...warned].map((m) => m[1]))];
}

;// CONCATENATED MODULE: ./src/resolve/pip-output.ts
// Reading pip's own words: the "conflict is caused by" block, invalid requirement lines (the signs
// of an unreachable index are src/python/pip-network.ts's, shared with the build). Pure functions
// over pip's output.









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
/**
 * The user's packages that pip blames in the conflict block: "The user requested X..." (not a
 * constraint), or "X 1.2 depends on ..." (or "X[extra] 1.2 depends on ...") when X is one of
 * `requested` (pip 23 often prints only that).
 * `notUser`: requirements the resolver asks for itself (the variant's `torch==V`, input.ts
 * preinstalled): "The user requested torch==V" is then not the user's.
 */
function userRequestedInConflict(block, requested = [], notUser = []) {
    const wanted = new Set(requested.map(parse/* canonicalName */.Ew));
    const own = new Set(notUser.map((r) => `The user requested ${r}`));
    const names = new Set();
    for (const l of block) {
        const asked = own.has(l)
            ? null
            : /^The user requested (?!\(constraint\))([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(l);
        if (asked)
            names.add((0,parse/* canonicalName */.Ew)(asked[1]));
        // With extras, pip names them too: "bar-pkg[fast] 1.0 depends on numpy>=2".
        const dep = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])? \S+ depends on /.exec(l);
        if (dep && wanted.has((0,parse/* canonicalName */.Ew)(dep[1])))
            names.add((0,parse/* canonicalName */.Ew)(dep[1]));
    }
    return [...names];
}
/** pip: "Invalid requirement: 'numpy>>2' (from line 3 of /tmp/x/requirements.txt)" */
function invalidRequirement(output) {
    const m = /Invalid requirement: '([^']*)'/.exec(output);
    if (!m)
        return undefined;
    // The first "(from line N of FILE)" later on its line (FILE up to a ")", which may be on a later
    // line), as (?:[^\n]*?\(from line (\d+) of [^)]*\))? found it after the quote. That one ran to
    // the end of the text from each "(from line N of " without a ")" after it: quadratic.
    const from = m.index + m[0].length;
    const nl = output.indexOf('\n', from);
    const ref = /\(from line (\d+) of /.exec(output.slice(from, nl < 0 ? undefined : nl));
    const closed = ref !== null && output.indexOf(')', from + ref.index + ref[0].length) >= 0;
    return { requirement: m[1], line: closed ? Number(ref[1]) : 0 };
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
/**
 * pip printed ResolutionImpossible (the only case that is a conflict): as its error says it, not as
 * a traceback at debug level names the exception (pip raises it inside for no version found too).
 */
function isResolutionImpossible(output) {
    return /ERROR: ResolutionImpossible|The conflict is caused by:|conflicting dependencies/.test(output);
}
/** A traceback's exception line ("OSError: ...", "pip._internal...ResolutionImpossible: ..."). */
const EXCEPTION_LINE = /^[A-Za-z_][\w.]*(?:Error|Exception|Conflicted|Impossible|NotFound|Interrupt)\b/;
/**
 * LINES without pip's debug-level traceback blocks ("Exception information:", or a traceback of its
 * own at the line's start, as after "ERROR: Could not install packages due to an OSError."; the
 * tracebacks and their exception lines, the chain between them): at -vv pip prints one beside its
 * ERROR lines. A build step's traceback is indented in pip's output, and stays. Of a traceback at
 * the line's start, its last exception line stays: what went wrong.
 */
function withoutTracebacks(lines) {
    const out = [];
    let inBlock = false;
    // The last exception line of a traceback of pip's own at the line's start ("OSError: [Errno 28]
    // No space left on device" after "ERROR: Exception:"): what went wrong, kept when its block ends
    // (a debug-level block's, beside pip's ERROR lines, says what they say).
    let keep = false;
    let raised;
    const close = () => {
        if (keep && raised !== undefined)
            out.push(raised);
        raised = undefined;
    };
    for (const l of lines) {
        if (/^Exception information:/.test(l))
            [inBlock, keep, raised] = [true, false, undefined];
        else if (/^Traceback \(most recent call last\):/.test(l) && !inBlock)
            [inBlock, keep, raised] = [true, true, undefined];
        else if (inBlock && EXCEPTION_LINE.test(l))
            raised = l;
        else if (inBlock && !/^(?:\s|Traceback |During handling of|The above exception|$)/.test(l)) {
            inBlock = false;
            close();
        }
        if (!inBlock)
            out.push(l);
    }
    if (inBlock)
        close();
    return out;
}
/**
 * pip's own words for a failure: its ERROR lines and what follows them (hints, hash details), at
 * most `max` lines, without the retry chatter or a debug-level traceback.
 */
function pipMessage(output, max = 12) {
    const lines = withoutTracebacks(output.split(/\r?\n/));
    const first = lines.findIndex((l) => /^\s*ERROR: /.test(l));
    const from = first < 0 ? lines.filter((l) => l.trim() !== '').slice(-max) : lines.slice(first);
    return from
        .filter((l) => l.trim() !== '' && !/^\s*(WARNING: Retrying|\[notice\])/.test(l))
        .slice(0, max)
        .join('\n')
        .trim();
}
/**
 * "(line N)" / "(from line N of FILE)" / "(from -r FILE (line N))" in pip's output: the first, as
 * /\(from line (\d+) of [^)]*\)|\(line (\d+)\)/ finds it (that one ran to the end of the text from
 * each "(from line N of " without a ")" after it).
 */
function lineRef(text) {
    const lastClose = text.lastIndexOf(')');
    for (const m of text.matchAll(/\((?:from line (\d+) of |line (\d+)\))/g)) {
        if (m[2] !== undefined)
            return Number(m[2]);
        if (lastClose >= m.index + m[0].length)
            return Number(m[1]);
    }
    return 0;
}
/** The first index of NEEDLE in TEXT at or after a position, each found once while positions grow. */
function nextIndexOf(text, needle) {
    let from = Infinity;
    let found = -1;
    return (at) => {
        if (at < from || (found >= 0 && found < at))
            [from, found] = [at, text.indexOf(needle, at)];
        return found;
    };
}
/**
 * pip's "Could not install requirement REQ from URL (from WHERE) because of REASON", as
 * /Could not install requirement (.+?) from (\S+)( \(from [^\n]*?\))? because of (.*)/ matches it.
 * That expression tried each " from " of a line as the end of REQ and ran to the end of the line
 * from each: quadratic. Here each " from " is tried once, and the next ") because of " and the next
 * newline are looked up once for all of them.
 */
function directUrlFailure(output) {
    const PREFIX = 'Could not install requirement ';
    const BECAUSE = ' because of ';
    const nextBecause = nextIndexOf(output, `)${BECAUSE}`);
    const nextNewline = nextIndexOf(output, '\n');
    for (let s = output.indexOf(PREFIX); s >= 0;) {
        const start = s + PREFIX.length;
        // REQ (one character at least) holds no line terminator.
        const end = (0,util_text/* lineEnd */.kd)(output, start);
        for (let r = output.indexOf(' from ', start + 1); r >= 0 && r < end; r = output.indexOf(' from ', r + 1)) {
            let u = r + 6;
            while (u < output.length && /\S/.test(output[u]))
                u++;
            if (u === r + 6)
                continue;
            let where;
            let reason = -1;
            if (output.startsWith(' (from ', u)) {
                const q = nextBecause(u + 7);
                const nl = nextNewline(u + 7);
                if (q >= 0 && (nl < 0 || q < nl))
                    [where, reason] = [output.slice(u, q + 1), q + 1 + BECAUSE.length];
            }
            if (reason < 0 && output.startsWith(BECAUSE, u))
                reason = u + BECAUSE.length;
            if (reason >= 0)
                return {
                    requirement: output.slice(start, r),
                    url: output.slice(r + 6, u),
                    ...(where !== undefined && { where }),
                    reason: output.slice(reason, (0,util_text/* lineEnd */.kd)(output, reason)),
                };
        }
        // A later PREFIX on this line has no " from " to try that this one did not: the next line's.
        s = output.indexOf(PREFIX, end);
    }
    return undefined;
}
/**
 * A command pip ran failed: a VCS command (git clone: pip says "subprocess-exited-with-error" for
 * it too, and it is no package's build), or a package's own build step (an sdist's setup.py run for
 * its metadata): what it printed (a missing nvcc, say) is its output, not a path of the user's.
 * Installing its build dependencies (setuptools, wheel) from an index that did not answer is the
 * index's failure (classifyPipFailure: unreachable), not the package's build.
 */
function subprocessFailure(output, message) {
    const vcs = vcsFailure(output);
    if (vcs)
        return { ...vcs, message };
    const buildDepsUnreachable = /to install build dependencies did not run successfully|Installing build dependencies: finished with status 'error'/.test(output) && ((0,pip_network/* indexUnreachable */.J)(output) ?? transientIndexError(output)) !== undefined;
    const built = buildDepsUnreachable ? undefined : buildFailure(output);
    return built && { kind: 'build-failed', ...built, message };
}
const POOL = /HTTPS?ConnectionPool\(host='([^']+)', port=(\d+)\): Max retries exceeded with url: (\S+)/;
/**
 * The host, port and path of the connection pip gave up on, as its ERROR line names them. At debug
 * level (the retry of a refused connection) that line ends at "due to an OSError." and the
 * traceback after it names them instead, in the exception pip raised last: read there, a direct
 * URL's host out of reach is still that line's, not the index's.
 */
function failedConnection(output) {
    const lines = output.split(/\r?\n/);
    const error = lines.find((l) => /^ERROR: /.test(l)) ?? '';
    const raised = lines.findLast((l) => /^[A-Za-z_][\w.]*(?:Error|Exception): /.test(l)) ?? '';
    const pool = POOL.exec(error) ?? POOL.exec(raised);
    return pool ? { host: pool[1], port: pool[2], path: pool[3] } : undefined;
}
/** What kind of failure pip reports (most specific first). Pure. */
function classifyPipFailure(output, loginHosts) {
    const message = pipMessage(output);
    // First: at debug level (the retry) pip's own traceback follows, which other patterns may read.
    const missing = noMatchingDistribution(output);
    const refusals = missing ? indexRefusals(output, missing, loginHosts) : [];
    if (missing && refusals.length > 0)
        return { kind: 'refused', requirement: missing, refusals, message };
    const invalid = invalidRequirement(output);
    if (invalid)
        return { kind: 'invalid-requirement', ...invalid, message };
    const direct = directUrlFailure(output);
    if (direct) {
        const reason = direct.reason.replace(/ for URL \S+$/, '').trim();
        return {
            kind: 'direct-url',
            requirement: direct.requirement.trim(),
            url: direct.url,
            reason,
            notFound: /HTTP error 4\d\d|\b4\d\d Client Error/.test(reason),
            line: lineRef(direct.where ?? ''),
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
    const hash = hashFailureOf(output);
    if (hash) {
        const { problem, requirements, requiredBy } = hash;
        return { kind: 'hash', problem, requirements, requiredBy, line: lineRef(output.slice(hash.at)), message };
    }
    const ran = subprocessFailure(output, message);
    if (ran)
        return ran;
    if (isLocalPathFailure(output)) {
        const l = output.split(/\r?\n/).find((x) => /^ERROR: /.test(x)) ?? '';
        // pip names the line on its error, else (pip 23 often not) the path, else the line it was
        // processing ("Processing X (from -r F (line N))"): failure.ts finds the path's line.
        const path = pathPipNamed(output);
        const processing = lineRef(output);
        return { kind: 'local-path', line: lineRef(l), processing, ...(path !== undefined && { path }), message };
    }
    if (isResolutionImpossible(output))
        return { kind: 'conflict', message };
    const unreachable = (0,pip_network/* indexUnreachable */.J)(output) ?? transientIndexError(output);
    if (unreachable) {
        const url = failedConnection(output);
        return { kind: 'unreachable', message: unreachable, ...(url && { url }) };
    }
    if (missing) {
        const from = dependencyOf(output, missing);
        return { kind: 'no-match', requirement: missing, ...(from !== undefined && { from }), message };
    }
    return { kind: 'other', message };
}

;// CONCATENATED MODULE: ./src/resolve/steps/chain.ts
// The chain from the user's requirements to each base package a plan would replace, as one line
// each: shared by the explanation of a conflict (explain.ts) and the held plan's check (hold.ts).

/**
 * One line per replaced base package: what pulls it in and which base packages it breaks. ASKED:
 * the "file:line" of the user's requirement lines of each project (canonical names), to name the
 * lines that ask for a base package themselves ("numpy>=2" pulls nothing else in).
 */
function chainOf(replaced, causes = [], asked = new Map()) {
    const lines = replaced.map((r) => {
        const own = asked.get(r.name) ?? [];
        const by = r.pulledInBy.map((p) => `${p.dist} ${p.version} needs ${p.requirement}`).join(' and ') ||
            (own.length > 0 ? `your requirement of ${r.name} (${own.join(', ')})` : '');
        const broken = r.breaks.map((b) => `${b.dist} ${b.version} (${b.requirement})`).join(' and ');
        return `${by || `your requirements`} -> ${r.name} ${r.to} would ${(0,result/* replaceVerb */.Cp)(r)} the base image's ${r.name} ${r.from}${broken ? `, which ${broken} need${r.breaks.length === 1 ? 's' : ''}` : ''}${r.shadows ? ` (${result/* SHADOW_NOTE */.Wl})` : ''}`;
    });
    return lines.length > 0 ? lines : causes.filter((c) => !c.startsWith('The user requested'));
}

;// CONCATENATED MODULE: ./src/resolve/steps/explain.ts
// Step 5, explain: when there is no plan that holds the base (or the mode only checks), say what
// conflicts, the chain from the user's requirement to the base package it would replace, and the
// options, with the version that would fit where pip can find one.







/**
 * Mode "check", or a plain dry run that failed: clean when nothing would change, else the
 * conflict as the plain run shows it (no plan is searched for). `preinstalled`: what every dry run
 * asks for besides the requirements (input.ts preinstalled, the variant's `torch==V`). Pure.
 */
function checkedResolution(draft, { naive, analysis }, preinstalled = [], 
/** Each project's requirement lines (requirementLines), for the chain. */
asked = new Map()) {
    if (!naive.ok) {
        const causes = conflictBlock(naive.out).map((c) => (0,redact/* redactUrls */.sK)(c));
        return {
            ...draft,
            status: 'conflict',
            hazards: [],
            conflict: { causes, ...plainConflict(causes, preinstalled) },
            durationMs: 0,
        };
    }
    return {
        ...draft,
        status: analysis.replaced.length === 0 ? 'clean' : 'conflict',
        hazards: [],
        ...(analysis.replaced.length > 0 && {
            conflict: {
                causes: [],
                chain: chainOf(analysis.replaced, [], asked),
                options: ['resolve mode "auto" looks for versions that keep the base image intact'],
            },
        }),
        durationMs: 0,
    };
}
const CHANGE_TORCH = "or change the variant's torch (variants[].torch, or the top-level torch, in the config) to one they support";
/** The chain and options of a plain dry run that failed: among the requirements, or with the variant's torch. */
function plainConflict(causes, preinstalled) {
    const torch = variantTorchIn(causes, preinstalled);
    if (torch !== undefined)
        return {
            chain: [
                `your requirements need another torch than the variant's torch ${torch} (the build installs torch==${torch} from the torch index before them: the "(constraint) torch==${torch}" above)`,
            ],
            options: [
                `ask for releases made for torch ${torch} (e.g. the torchvision or torchaudio release paired with it), or none at all`,
                CHANGE_TORCH,
            ],
        };
    const deps = variantTorchDependencyIn(causes, preinstalled);
    if (deps !== undefined)
        return {
            chain: [
                `your requirements conflict with what the variant's torch ${deps.torch} depends on (the build installs torch==${deps.torch} from the torch index before them: the "${deps.cause}" above)`,
            ],
            options: [
                `ask for versions that accept what torch ${deps.torch} depends on (above), or leave those requirements out`,
                CHANGE_TORCH,
            ],
        };
    return {
        chain: ['your requirements conflict among themselves (before the base image is considered)'],
        options: ['change the requirements pip names above'],
    };
}
/** The variant's torch version: what the build installs first (input.ts preinstalled `torch==V`). */
const variantTorch = (preinstalled) => preinstalled.map((p) => /^torch==(.+)$/.exec(p)?.[1]).find((v) => v !== undefined);
/**
 * The variant's torch when pip names it among the causes: the constraint every dry run takes for
 * the build's torch step (input.ts preinstalled: "The user requested (constraint) torch==V"), also
 * merged with a constraint on torch from the requirements' own -c files ("torch<2.5,==V"). A -c
 * line's own pin names another version, or the same one (then it asks for what the variant
 * installs anyway). Pure.
 */
function variantTorchIn(causes, preinstalled) {
    const torch = variantTorch(preinstalled);
    if (torch === undefined)
        return undefined;
    // pip merges every constraint on torch into one, its parts sorted: "(constraint) torch<2.5,==2.5.1".
    for (const c of causes) {
        const m = /\(constraint\) torch(?![A-Za-z0-9._-])(\S*)/.exec(c);
        if (m?.[1].split(',').includes(`==${torch}`))
            return torch;
    }
    return undefined;
}
/**
 * The cause "torch V depends on ..." of the variant's own torch (preinstalled `torch==V`; pip
 * names the wheel's version, which may carry a local label: 2.5.1+cpu, and the extras a
 * requirement asked for: "torch[opt-einsum] 2.5.1 depends on ..."), with that torch. Pure.
 */
function variantTorchDependencyIn(causes, preinstalled) {
    const torch = variantTorch(preinstalled);
    if (torch === undefined)
        return undefined;
    for (const c of causes) {
        const m = /^torch(?:\[[^\]]*\])? (\S+) depends on /.exec(c);
        if (m && (m[1] === torch || m[1].startsWith(`${torch}+`)))
            return { torch, cause: c };
    }
    return undefined;
}
/** Holding the base failed, relaxed or not: the conflict pip names, and what would fit. */
async function conflictResolution(ws, draft, o) {
    const causes = conflictBlock(o.held.out).map((c) => (0,redact/* redactUrls */.sK)(c));
    const lines = requirementLines(o.text ?? '', o.origins ?? []);
    return {
        ...draft,
        status: 'conflict',
        conflict: {
            causes,
            chain: chainOf(o.diagnosis.analysis.replaced, causes, lines),
            options: await optionsFor(ws, causes, o.diagnosis.analysis, {
                requested: o.requested,
                preinstalled: o.preinstalled ?? [],
                direct: directReferences(o.text ?? ''),
                extras: requestedExtras(o.text ?? ''),
                options: probeOptionLines(o.text ?? ''),
                lines,
            }),
        },
        hazards: [],
        durationMs: 0,
    };
}
async function optionsFor(ws, causes, naive, o) {
    const options = [];
    // What fits if the blamed packages are asked for by name only, with the base held? Not one the
    // user fetches from a URL or path (the index may not list it: pip's "The user requested baz @
    // URL" is still a request, not a release to go back from).
    for (const name of userRequestedInConflict(causes, o.requested, o.preinstalled)) {
        if (o.direct.has(name))
            continue;
        const extras = o.extras.get(name) ?? [];
        const v = await newestThatFits(ws, name, extras, o.options);
        // With the extras it was probed with: `torch[opt-einsum]==V`, not a line that drops them.
        const at = o.lines.get(name) ?? [];
        if (v)
            options.push(`use an older release: ${withExtras(name, extras)}==${v} is the newest that fits the base image${at.length ? ` (change ${at.join(', ')})` : ''}`);
    }
    const replaced = naive.replaced.map((r) => `${r.name} ${r.to}`).join(', ');
    options.push(`use a newer base image whose packages accept ${replaced || 'what your requirements need'}`);
    options.push(`drop the pin at your own risk: resolve mode "off" lets pip replace ${naive.replaced.map((r) => r.name).join(', ') || 'base packages'}${naive.replaced.some((r) => r.breaks.length)
        ? `, breaking ${naive.replaced.flatMap((r) => r.breaks.map((b) => b.dist)).join(', ')}`
        : ''}`);
    return options;
}
/** The projects of the requirement lines that name a URL or a path (`baz @ URL`, `-e PATH#egg=`). Pure. */
function directReferences(text) {
    return new Set((0,parse/* parseRequirementsText */.XW)(text).lines.flatMap((l) => l.kind === 'requirement' && l.url !== undefined && l.name !== undefined ? [l.name] : []));
}
/**
 * Each project's requirement lines in TEXT (canonical name -> the "file:line" ORIGINS gives each),
 * for the options that name what to change. Pure.
 */
function requirementLines(text, origins) {
    const lines = new Map();
    for (const l of (0,parse/* parseRequirementsText */.XW)(text).lines) {
        const at = origins[l.line - 1];
        if (l.kind === 'requirement' && l.name !== undefined && at !== undefined)
            lines.set(l.name, [...(lines.get(l.name) ?? []), at]);
    }
    return lines;
}
/**
 * The extras each project is asked for with (`torch[opt-einsum]`), every line's together, by
 * canonical name: an older release is only an option when what its extras pull in fits too. Pure.
 */
function requestedExtras(text) {
    const extras = new Map();
    for (const l of (0,parse/* parseRequirementsText */.XW)(text).lines)
        if (l.kind === 'requirement' && l.name !== undefined && l.extras !== undefined) {
            const had = extras.get(l.name) ?? [];
            extras.set(l.name, [...had, ...l.extras.filter((e) => !had.includes(e))]);
        }
    return extras;
}
/** NAME[EXTRAS] (NAME alone without any). */
const withExtras = (name, extras) => `${name}${extras.length ? `[${extras.join(',')}]` : ''}`;
/** Options of a line the probe leaves out: another requirement, or hashes its line cannot have. */
const NOT_PROBED = new Set(['requirement', 'require-hashes']);
/**
 * The requirements' option lines (`--index-url`, `--extra-index-url`, `--find-links`, `--pre` ...)
 * as written, for the "newest that fits" probe: it must look where the requirements look (a
 * project served only by their extra index, or a namesake on the configured one), not only on
 * the configured indexes. Not a `-r` line (more requirements) nor `--require-hashes`. Pure.
 */
function probeOptionLines(text) {
    return (0,parse/* parseRequirementsText */.XW)(text).lines.flatMap((l) => l.kind === 'option' && !l.options.some((x) => NOT_PROBED.has(x.option)) ? [l.text] : []);
}
/**
 * The version pip picks for `name` alone (with the extras it was asked for) with the base held,
 * looking where the requirements' option lines (OPTIONS) look, or undefined when none fits. A
 * probe that fails for another reason (no release on the index, one it cannot build) only means
 * no such option: it comes back as a failed run, never as the run's error.
 */
async function newestThatFits(ws, name, extras, options) {
    const line = withExtras(name, extras);
    await ws.put({ 'probe.txt': `${[...options, line].join('\n')}\n` });
    const probe = await ws.dryRun('probe.json', ['-r', `${workdir/* DIR */.q6}/probe.txt`, '-c', `${workdir/* DIR */.q6}/base-constraints.txt`], {}, { failure: 'return' });
    if (!probe.ok)
        return undefined;
    // The helper's analysis names each one as pip's canonicalize_name does (PEP 503: zope.interface
    // is zope-interface), as `name` is.
    const a = await analyze(ws, 'probe.json');
    return a.install.find((i) => (0,parse/* canonicalName */.Ew)(i.name) === (0,parse/* canonicalName */.Ew)(name))?.version || undefined;
}

// EXTERNAL MODULE: ./src/requirements/pep508.ts
var pep508 = __webpack_require__(71302);
;// CONCATENATED MODULE: ./src/resolve/constraints.ts
// The constraints that hold the base image fixed: one pin per installed distribution.



/**
 * Whether NAME and VERSION, as the container reported them, may go into a `name==version` line of
 * the constraints the build installs with: a PEP 508 name and a version without whitespace, so no
 * option or second line gets in (a base image's python answers).
 */
function plainPin(name, version) {
    return (0,pep508/* isDistName */["in"])(name) && /^[A-Za-z0-9][A-Za-z0-9.!+_*-]*$/.test(version);
}
/** Tools pip manages for itself; pinning them would only fight pip's own upgrade logic. */
const SKIP = new Set(['pip', 'setuptools', 'wheel', 'distribute']);
/**
 * One pin per installed distribution that a pin can hold. Those another installer put there (conda,
 * Debian's python3-* packages under /usr/lib/python3/dist-packages) and those installed from a
 * direct URL (NGC's torch wheel) are pinned too: with PIP_BREAK_SYSTEM_PACKAGES=1 (the resolver
 * and the build) pip replaces or shadows them like any other, and the installed version satisfies
 * its own pin whether an index has it or not. What is left unpinned can still be replaced: the
 * held plan is checked for that (steps/hold.ts).
 */
function pinDecisions(installed) {
    return [...installed]
        .sort((a, b) => (0,util_text/* compareText */.n6)(a.name, b.name))
        .map((d) => {
        if (SKIP.has(d.name))
            return { dist: d, skipped: 'packaging tool' };
        if (!plainPin(d.name, d.version))
            return { dist: d, skipped: 'not a name and version a pin can hold' };
        if (d.editable)
            return { dist: d, skipped: 'editable install' };
        // "===" pins versions that are not PEP 440 (pip matches them as strings).
        return { dist: d, pin: (0,pep440.valid)(d.version) ? `${d.name}==${d.version}` : `${d.name}===${d.version}` };
    });
}
function constraintsText(decisions, header) {
    const pins = decisions.filter((d) => d.pin).map((d) => d.pin);
    return `# ${header}\n${pins.join('\n')}${pins.length ? '\n' : ''}`;
}

;// CONCATENATED MODULE: ./src/resolve/steps/hold.ts
// Step 3, hold: the same requirements with every base distribution held at its version, and the
// plan that comes out of it when pip finds one: what it installs, and which of the user's packages
// had to move from pip's plain choice to fit.





/** The held dry run's report and arguments: every base distribution pinned. */
const HELD = {
    report: 'held.json',
    args: ['-r', `${workdir/* DIR */.q6}/requirements.txt`, '-c', `${workdir/* DIR */.q6}/base-constraints.txt`],
};
/**
 * When the plain plan replaces nothing (and the image has no constraint file of its own), it
 * already holds the base: pip would choose the same again, so no held run is needed.
 */
const holdNeeded = (base, diagnosis) => diagnosis.analysis.replaced.length > 0 || base.snap.constraintFile !== null;
/**
 * The held run; `done` is the one the plain run's process already made (snapshot cached), with
 * dryRun's retry and failure rules applied now.
 */
async function hold(ws, base, diagnosis, done) {
    if (!holdNeeded(base, diagnosis))
        return { run: diagnosis.naive, report: 'naive.json' };
    const a = done
        ? await ws.settle(done, HELD.report, HELD.args)
        : await ws.analyzedRun(HELD.report, HELD.args);
    return { run: a.run, report: HELD.report, analysis: a.analysis };
}
/** The plan pip found with the base held: its versions become the build's constraints. */
async function heldPlan(ws, draft, o) {
    const naive = o.diagnosis.analysis;
    const held = o.held.report === 'naive.json' ? naive : (o.held.analysis ?? (await analyze(ws, o.held.report)));
    // What the pins could not hold (pip/setuptools/wheel, editable installs, odd names) and pip
    // still replaces: never "intact". Breaking a base package is a conflict; else a hazard each.
    if (held.replaced.some((r) => r.breaks.length > 0))
        return {
            resolution: unheldConflict(draft, held.replaced),
            constraints: o.basePins,
            requirements: o.requirements,
        };
    // What pip's report named, as the container's helper read it: only plain name==version lines.
    const resolvedPins = held.install
        .filter((i) => plainPin(i.name, i.version))
        .map((i) => `${i.name}==${i.version}`);
    return {
        resolution: {
            ...draft,
            status: naive.replaced.length === 0 && o.relaxed.length === 0 ? 'clean' : 'fixed',
            resolved: {
                install: held.install.map(({ name, version }) => ({ name, version })),
                moved: movedPackages(held.install, naive),
                relaxed: o.relaxed,
            },
            hazards: held.replaced.map((r) => unheldHazard(r, draft)),
            durationMs: 0,
        },
        constraints: `${o.basePins}# resolved for this image\n${resolvedPins.join('\n')}${resolvedPins.length ? '\n' : ''}`,
        requirements: o.requirements,
    };
}
const CONSTRAINTS_DOC = 'https://pip.pypa.io/en/stable/user_guide/#constraints-files';
/** Why the base's pins do not hold NAME (the snapshot's skip reason). */
const notHeldBecause = (draft, name) => draft.constraints.skipped.find((s) => s.name === name)?.reason ?? 'not pinned';
/**
 * Why a base package the plain plan replaces breaking nothing is not held: no plan fitted with it
 * held, so its pin was dropped (steps/release.ts).
 */
const RELEASED = 'let go: nothing fits with it held, and no base package requires its version';
/** A base package the held plan still replaces, breaking nothing the base declares. Pure. */
function unheldHazard(r, draft) {
    const why = notHeldBecause(draft, r.name);
    return {
        id: result/* UNHELD_REPLACEMENT */.e1,
        message: `the plan still ${(0,result/* replaceVerb */.Cp)(r)}s the base image's ${r.name} ${r.from} with ${r.to} (not held: ${why}${r.shadows ? `; ${result/* SHADOW_NOTE */.Wl}` : ''}); no base package declares a requirement it breaks`,
        // Released: holding it is what failed; the requirements that need the new version are the choice.
        fix: why === RELEASED
            ? `accept the change (the base image's code may still use ${r.name} without declaring it), or ask for versions of your requirements that accept ${r.name} ${r.from}`
            : `add "${r.name}==${r.from}" to your requirements to keep the base image's version, or accept the change`,
        source: CONSTRAINTS_DOC,
    };
}
/** The held plan replaces base packages no pin could hold, breaking others: a conflict. Pure. */
function unheldConflict(draft, replaced) {
    const breaking = replaced.filter((r) => r.breaks.length > 0);
    return {
        ...draft,
        status: 'conflict',
        conflict: {
            causes: [],
            chain: breaking.map((r) => `${chainOf([r])[0]} (not held: ${notHeldBecause(draft, r.name)})`),
            options: [
                ...breaking.map((r) => `add "${r.name}==${r.from}" to your requirements: pip then keeps the base image's version, or names what needs another`),
                `use a newer base image whose packages accept ${breaking.map((r) => `${r.name} ${r.to}`).join(', ')}`,
            ],
        },
        hazards: [],
        durationMs: 0,
    };
}
/** The user's packages whose version differs from pip's plain choice, and why. Pure. */
function movedPackages(install, naive) {
    return install
        .filter((i) => i.requested)
        .flatMap((i) => {
        const n = naive.install.find((x) => x.name === i.name);
        if (!n || n.version === i.version)
            return [];
        const held = naive.replaced.filter((r) => r.pulledInBy.some((p) => p.dist === i.name));
        const why = held.length
            ? `the newest that accepts ${held.map((r) => `${r.name} ${r.from}`).join(', ')} held by the base image`
            : 'to keep every base package at its version';
        return [{ name: i.name, naive: n.version, resolved: i.version, reason: why }];
    });
}

;// CONCATENATED MODULE: ./src/resolve/steps/relax.ts
// Step 4, relax: when holding the base fails, loosen the user's specifiers that pip blames (their
// upper bounds dropped: the highest lower bound the user wrote, else the major version pip chose,
// and every != exclusion kept) and hold the base again.





/** One specifier a loosened requirement keeps: a lower bound (>=V or >V) or an exclusion (!=V, !=V.*). */
const KEPT = String.raw `(?:>=?|!=)[A-Za-z0-9.!+_-]+(?:\.\*)?`;
/**
 * A loosened requirement as the helper may write one: NAME[EXTRAS], then its lower bound and its
 * != exclusions (comma-separated; none when nothing bounded it from below), then a marker.
 */
const LOOSENED = new RegExp(String.raw `^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]*\])?(?:${KEPT}(?:,${KEPT})*)?(\s*;[^\n\r]*)?$`);
/** A direct reference (NAME @ URL) or any URL: never loosened to a name an index may serve. */
const DIRECT = /(^|\s)@|:\/\//;
/** A PEP 508 requirement line parsed; undefined for any other line. */
function requirement(line) {
    try {
        return (0,parse/* parsePep508 */.W_)(line);
    }
    catch {
        return undefined;
    }
}
/** A requirement's extras as a set, canonicalized (PEP 685), sorted: "dev, docs", or "none". */
function extrasOf(r) {
    return [...new Set(r.extras.map(parse/* canonicalName */.Ew))].sort().join(', ') || 'none';
}
/**
 * Why this step does not make change C, whatever the requirements hold; undefined when it may.
 * The new line must loosen the line it replaces and change nothing else: a requirement of the
 * same project (its canonical name), with the same extras (as a set, canonicalized) and the same
 * marker (as packaging reads it: spacing and quotes aside). A helper's bug or a crafted answer
 * never swaps the project, adds an extra, or drops the requirement behind a marker never true.
 */
function refusal(c) {
    if (DIRECT.test(c.from))
        return 'the line is a direct reference';
    if (!LOOSENED.test(c.to))
        return 'the new line is not a loosened requirement';
    const from = requirement(c.from);
    if (from === undefined)
        return 'the line is not a requirement';
    const to = requirement(c.to);
    if (to === undefined)
        return 'the new line does not parse as a requirement';
    const name = (0,parse/* canonicalName */.Ew)(from.name);
    if ((0,parse/* canonicalName */.Ew)(to.name) !== name)
        return `the new line names ${(0,parse/* canonicalName */.Ew)(to.name)}, not ${name}`;
    if (extrasOf(to) !== extrasOf(from))
        return `the new line's extras (${extrasOf(to)}) are not the line's (${extrasOf(from)})`;
    if (to.marker !== from.marker)
        return `the new line's marker (${to.marker ?? 'none'}) is not the line's (${from.marker ?? 'none'})`;
    return undefined;
}
/**
 * The user's requirements with the helper's changes applied, each to the user's own line it
 * names: what the container says is checked, never taken as the text the build installs (a base
 * image's python could add lines). Undefined when a change is not one this step makes (refusal).
 */
function applyRelaxed(text, changes) {
    const lines = text.split('\n');
    for (const c of changes) {
        if (refusal(c) !== undefined)
            return undefined;
        const i = lines.findIndex((l) => l.trim() === c.from);
        if (i < 0)
            return undefined;
        lines[i] = c.to;
    }
    return lines.join('\n');
}
/** The changes as the log shows a refused set: each quoted, with why (credentials masked). */
function refusedChanges(text, changes) {
    const lines = new Set(text.split('\n').map((l) => l.trim()));
    return changes
        .map((c) => {
        const why = refusal(c) ?? (lines.has(c.from) ? undefined : 'the requirements hold no such line');
        return (0,redact/* redactText */.Rd)(`${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}${why === undefined ? '' : ` (${why})`}`);
    })
        .join(', ');
}
/**
 * CHANGES without those on a project the user's own -c lines pin to one version (PINS): the
 * loosened line would install the same version, so a dry run on it only fails again. Each left out
 * is said once, with the constraint that holds it.
 */
function withoutOwnPinned(changes, pins, say) {
    const held = (c) => {
        const name = requirement(c.from)?.name;
        return name === undefined ? undefined : pins.get((0,parse/* canonicalName */.Ew)(name));
    };
    for (const c of changes) {
        const by = held(c);
        if (by !== undefined)
            say((0,redact/* redactText */.Rd)(`not relaxing ${JSON.stringify(c.from)}: your constraint ${by} holds it at that version`));
    }
    return changes.filter((c) => held(c) === undefined);
}
async function relax(ws, held, o) {
    const unchanged = { held, relaxed: [] };
    const names = userRequestedInConflict(conflictBlock(held.run.out), o.requested, o.preinstalled);
    if (names.length === 0)
        return unchanged;
    const chosen = names.map((n) => `${n}=${o.diagnosis.analysis.install.find((i) => i.name === n)?.version ?? ''}`);
    const r = await ws.helper(RelaxedSchema, ['relax', `${workdir/* DIR */.q6}/requirements.txt`, ...chosen]);
    const changes = withoutOwnPinned(r.changes, o.ownPins ?? new Map(), o.say);
    if (changes.length === 0)
        return unchanged;
    const requirements = applyRelaxed(o.text, changes);
    if (requirements === undefined) {
        o.say(`not relaxing: the helper proposed a change this step does not make: ${refusedChanges(o.text, changes)}`);
        return unchanged;
    }
    o.say(`relaxing ${changes.map((c) => `${c.from} -> ${c.to}`).join(', ')}`);
    await ws.put({ 'relaxed.txt': `${requirements}\n` });
    // The same container, and pip and the analysis in one process, as the held run.
    const again = await ws.analyzedRun('relaxed.json', [
        '-r',
        `${workdir/* DIR */.q6}/relaxed.txt`,
        '-c',
        `${workdir/* DIR */.q6}/base-constraints.txt`,
    ]);
    if (!again.run.ok)
        return unchanged;
    return {
        held: { run: again.run, report: 'relaxed.json', analysis: again.analysis },
        relaxed: changes,
        requirements: requirements.trimEnd(),
    };
}

;// CONCATENATED MODULE: ./src/resolve/steps/release.ts
// Step 4b, release: when nothing fits with every base package held, relaxed or not, the base
// packages the plain plan replaces that no base package requires at all (leaves: breaks: [] and
// no dependent, whatever its specifier; never numpy or torch, whose dependents seldom declare
// them) are let go: their pins dropped, the held run tried once more. What it then replaces is a hazard
// (hold.ts unheldHazard), as for a package no pin holds, never "intact"; a plan that breaks a base
// package after all is none. A pin is only dropped after every plan that keeps it failed: a plan
// that holds the base stays the first choice.




/** The released run's report and constraints file (the base's pins less the released ones). */
const RELEASED_RUN = {
    report: 'released.json',
    constraints: 'released-constraints.txt',
};
/**
 * Base packages never let go, whatever their dependents declare: what was built against NumPy 1.x
 * (torch, opencv, scipy, numba ...) seldom declares `numpy<2`, so "nothing requires its version"
 * is no evidence that numpy 2 leaves the base working (the conflict this tool exists to catch:
 * hazards.json numpy1Abi, torchNoNumpyDependency).
 */
const NEVER_RELEASED = new Set(['numpy', 'torch']);
/**
 * The canonical names of the projects some base package requires, whatever the version specifier
 * (a C++ extension built against torch declares plain `torch`; an optional extra's too): none of
 * them is let go, only a leaf nothing in the base depends on.
 */
function requiredByBase(installed) {
    const names = new Set();
    for (const d of installed)
        for (const r of d.requiresDist) {
            const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(r)?.[1];
            if (name !== undefined)
                names.add((0,parse/* canonicalName */.Ew)(name));
        }
    return names;
}
/**
 * PINS (the base's constraints text) without the lines that pin one of NAMES (`name==V`,
 * `name===V`; canonical names). Pure.
 */
function withoutPins(pins, names) {
    return pins
        .split('\n')
        .filter((l) => {
        const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)===?/.exec(l)?.[1];
        return name === undefined || !names.has((0,parse/* canonicalName */.Ew)(name));
    })
        .join('\n');
}
/**
 * The held run with the base packages the plain plan replaces breaking nothing let go; undefined
 * when there are none, or when pip finds no plan even so, or one that breaks a base package (the
 * first conflict is then the one to explain). A pip failure of this run is no error of the run's:
 * only no plan.
 */
async function release_release(ws, o) {
    // Only a pin there is to drop (one no pin held is replaced held or not: hold.ts).
    const pinned = new Set(o.base.decisions.flatMap((d) => (d.pin !== undefined ? [(0,parse/* canonicalName */.Ew)(d.dist.name)] : [])));
    const required = requiredByBase(o.base.snap.installed);
    const free = o.diagnosis.analysis.replaced.filter((r) => {
        const name = (0,parse/* canonicalName */.Ew)(r.name);
        return r.breaks.length === 0 && pinned.has(name) && !NEVER_RELEASED.has(name) && !required.has(name);
    });
    if (free.length === 0)
        return undefined;
    const basePins = withoutPins(o.base.basePins, new Set(free.map((r) => (0,parse/* canonicalName */.Ew)(r.name))));
    o.say(`nothing fits with the base held: letting go of ${free.map((r) => `${r.name} ${r.from}`).join(', ')} (no base package requires its version)`);
    await ws.put({ [RELEASED_RUN.constraints]: basePins });
    const a = await ws.analyzedRun(RELEASED_RUN.report, ['-r', `${workdir/* DIR */.q6}/requirements.txt`, '-c', `${workdir/* DIR */.q6}/${RELEASED_RUN.constraints}`], {}, { failure: 'return' });
    if (!a.run.ok)
        return undefined;
    // A plan that breaks a base package after all (another version than the plain plan's) is no
    // way out: the first conflict, with every pin, is the one to explain.
    const analysis = a.analysis ?? (await analyze(ws, RELEASED_RUN.report));
    if (analysis.replaced.some((r) => r.breaks.length > 0))
        return undefined;
    return {
        held: { run: a.run, report: RELEASED_RUN.report, analysis },
        basePins,
        draft: {
            ...o.draft,
            constraints: {
                pinned: o.draft.constraints.pinned - free.length,
                skipped: [...o.draft.constraints.skipped, ...free.map((r) => ({ name: r.name, reason: RELEASED }))],
            },
        },
    };
}

;// CONCATENATED MODULE: ./src/resolve/steps/plan.ts
// Steps 3 to 5 in mode auto, after a plain dry run that succeeded: hold the base; relax the
// user's blamed specifiers when that fails; let go of the base packages that break nothing when
// that fails too; then the plan pip found, or the conflict explained (the first held run's).




async function planOrConflict(ws, draft, o) {
    const { base, diagnosis, text, say } = o;
    const own = { requested: o.requested, preinstalled: o.preinstalled };
    const held = await hold(ws, base, diagnosis, o.done);
    const relaxed = held.run.ok
        ? { held, relaxed: [] }
        : await relax(ws, held, { diagnosis, ...own, text, say, ...(o.ownPins && { ownPins: o.ownPins }) });
    if (relaxed.held.run.ok)
        return heldPlan(ws, draft, {
            basePins: base.basePins,
            diagnosis,
            held: relaxed.held,
            relaxed: relaxed.relaxed,
            requirements: relaxed.requirements ?? text,
        });
    const released = await release_release(ws, { base, diagnosis, draft, say });
    if (released)
        return heldPlan(ws, released.draft, {
            basePins: released.basePins,
            diagnosis,
            held: released.held,
            relaxed: [],
            requirements: text,
        });
    return {
        resolution: await conflictResolution(ws, draft, {
            held: relaxed.held.run,
            diagnosis,
            ...own,
            text,
            ...(o.origins && { origins: o.origins }),
        }),
        constraints: base.basePins,
        requirements: text,
    };
}

// EXTERNAL MODULE: ./src/util/cleanup.ts + 1 modules
var cleanup = __webpack_require__(38201);
// EXTERNAL MODULE: ./src/resolve/exec-limit.ts
var exec_limit = __webpack_require__(92581);
// EXTERNAL MODULE: ./src/python/py/pip.generated.ts
var pip_generated = __webpack_require__(34370);
;// CONCATENATED MODULE: ./src/resolve/py/helper.generated.ts
// GENERATED from ml_image_resolve.py: edit that file, then run UPDATE_DOCS=1 npx vitest run --project unit __tests__/unit/resolve-py.test.ts
// The resolver's Python helper as text, so that the bundle (dist/) carries it without reading files at run time.
const HELPER_PY = `"""The resolver's helper, run inside the base image with its own python3.

Standard library plus pip's vendored \`packaging\`, so requirements, specifiers and markers are
judged exactly as pip judges them, in the target environment (an arm64 image evaluates
platform_machine as aarch64). Every command prints one JSON object on stdout.

Commands (argv[1]): snapshot | analyze INSPECT REPORT | relax REQS NAME=VERSION...
| run REPORT [--snapshot] [--held] -- PIP_INSTALL_ARGS...: pip's dry run IN this process (the
snapshot first with --snapshot, written to snapshot.json next to REPORT), then its analysis; with
--held, when the run replaces a base package (or the image has a constraint file) and
base-constraints.txt is there, the held run (-c base-constraints.txt, report held.json) and its
analysis follow in the same process. pip's stdout and stderr come back inside the JSON, as a
separate \`python3 -m pip\` would have printed them. With ml_image_pip.py's hide_index_urls (beside
it): the pip it starts for an sdist's build requirements gets the index URLs in its environment.

Bundled as text by src/resolve/py/helper.generated.ts (UPDATE_DOCS=1, resolve-py.test.ts).
"""

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time

try:
    from pip._vendor.packaging.requirements import InvalidRequirement, Requirement
    from pip._vendor.packaging.utils import canonicalize_name
    from pip._vendor.packaging.version import InvalidVersion, Version
except Exception as e:  # pip too old or missing: say so, the caller turns it into an error
    print(json.dumps({"error": "pip with vendored packaging is required in the image: %s" % e}))
    sys.exit(0)


def load(path):
    with open(path) as f:
        return json.load(f)


# \`pip inspect\` without --local: every distribution on the interpreter's sys.path, as pip's resolver
# sees them (it counts them all as installed: a requirement one of them satisfies installs nothing).
# --local would leave out what pip's is_local() calls outside its environment and never uninstalls:
# in a virtualenv with system site-packages the system's, and on Debian/Ubuntu (whose pip counts
# everything under /usr but /usr/local as the OS's) every python3-* package apt installed in
# /usr/lib/python3/dist-packages. pip installs another version of such a one ahead of it on sys.path
# (shadowing it, the old files left in place): they are part of the base the resolver holds.
INSPECT = ["inspect"]

# The image's variables the snapshot keeps, values and all. PIP_* values are not kept: they may hold
# an index login (PIP_INDEX_URL=https://user:TOKEN@host/simple), and the snapshot is cached on disk.
KEPT_ENV = ("CUDA_VERSION", "NVIDIA_PYTORCH_VERSION", "PYTORCH_VERSION")

# The snapshot's format: 2, every distribution on sys.path (each with pip's "local" flag) and no PIP_*
# values. A cached snapshot of another format is taken again.
FORMAT = 2


def pip_inspect_subprocess():
    r = subprocess.run([sys.executable, "-m", "pip"] + INSPECT, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True)
    return r.returncode, r.stdout, r.stderr


def pip_local():
    """pip's own is_local(PATH): whether pip may modify (uninstall) what lies there; None without it."""
    try:
        from pip._internal.utils.misc import is_local, normalize_path
        return lambda path: is_local(normalize_path(path))
    except Exception:
        return None


def take_snapshot(environ, inspect, is_local=None):
    """What the image ships: environ is the image's environment, inspect() -> (rc, stdout, stderr),
    is_local(path) pip's judgement of a path (pip_local())."""
    rc, stdout, stderr = inspect()
    out = {"format": FORMAT,
           "python": {"version": "%d.%d.%d" % sys.version_info[:3], "executable": sys.executable},
           "env": {k: v for k, v in environ.items() if k in KEPT_ENV}}
    if rc != 0:
        out["error"] = "pip inspect failed: " + (stderr.strip().splitlines() or ["exit %d" % rc])[-1]
        return out
    data = json.loads(stdout)
    out["pipVersion"] = data.get("pip_version")
    out["environment"] = data.get("environment", {})
    dists, seen = [], set()
    for d in data.get("installed", []):
        m = d.get("metadata", {})
        loc = d.get("metadata_location", "")
        name = canonicalize_name(m.get("name", ""))
        if name in seen:  # the first on sys.path is the one Python imports and pip sees
            continue
        seen.add(name)
        dists.append({
            "name": name,
            "version": m.get("version", ""),
            "requiresDist": m.get("requires_dist", []) or [],
            "installer": (d.get("installer") or "").strip(),
            "editable": bool(d.get("direct_url", {}).get("dir_info", {}).get("editable")),
            "directUrl": "direct_url" in d,
            "location": loc,
            "local": is_local_path(is_local, loc),
        })
    out["installed"] = dists
    cf = environ.get("PIP_CONSTRAINT") or "/etc/pip/constraint.txt"
    out["constraintFile"] = {"path": cf, "content": open(cf).read()} if os.path.isfile(cf) else None
    return out


def is_local_path(is_local, path):
    """pip's is_local(PATH) (True where pip would uninstall: pip without it, or a path it cannot judge)."""
    if is_local is None or not path:
        return True
    try:
        return bool(is_local(path))
    except Exception:
        return True


def snapshot():
    print(json.dumps(take_snapshot(os.environ, pip_inspect_subprocess, pip_local())))


def reqs_on(requires, name, env, extras=()):
    """The requirements in 'requires' that target 'name' and apply in 'env', with no extra or one
    of 'extras' (those the plan asked of the distribution: pip's requested_extras)."""
    found = []
    for line in requires:
        try:
            r = Requirement(line)
        except InvalidRequirement:
            continue
        if canonicalize_name(r.name) == name and (r.marker is None or applies(r.marker, env, extras)):
            found.append(r)
    return found


def applies(marker, env, extras):
    try:
        return any(marker.evaluate({**env, "extra": x}) for x in ["", *extras])
    except Exception:
        return True


def allows(req, version):
    try:
        return req.specifier.contains(Version(version), prereleases=True)
    except InvalidVersion:
        return True


def analyze(inspect_path, report_path):
    print(json.dumps(analysis(load(inspect_path), load(report_path))))


def analysis(snap, rep):
    env = rep.get("environment") or snap.get("environment") or {}
    installed = {d["name"]: d for d in snap.get("installed", [])}
    install = []
    for item in rep.get("install", []):
        m = item.get("metadata", {})
        install.append({"name": canonicalize_name(m.get("name", "")), "version": m.get("version", ""),
                        "requested": bool(item.get("requested")), "requiresDist": m.get("requires_dist", []) or [],
                        "extras": [str(x) for x in item.get("requested_extras") or []]})
    new = {i["name"]: i for i in install}
    replaced = []
    for i in install:
        base = installed.get(i["name"])
        if base is None or base["version"] == i["version"]:
            continue
        breaks = []
        for d in installed.values():
            if d["name"] in new:  # itself being replaced: judged by its new version
                continue
            for r in reqs_on(d["requiresDist"], i["name"], env):
                if not allows(r, i["version"]):
                    breaks.append({"dist": d["name"], "version": d["version"], "requirement": str(r)})
        pulled = []
        for j in install:
            for r in reqs_on(j["requiresDist"], i["name"], env, j["extras"]):
                if not allows(r, base["version"]):
                    pulled.append({"dist": j["name"], "version": j["version"], "requirement": str(r),
                                   "requested": j["requested"]})
        entry = {"name": i["name"], "from": base["version"], "to": i["version"], "breaks": breaks,
                 "pulledInBy": pulled}
        if base.get("local") is False:
            # pip does not uninstall it (outside its environment): the new version goes in ahead of
            # it on sys.path, the base's files stay.
            entry["shadows"] = True
        replaced.append(entry)
    holders = {}
    for name in [r["name"] for r in replaced]:
        holders[name] = [{"dist": d["name"], "version": d["version"], "requirement": str(r)}
                         for d in installed.values() for r in reqs_on(d["requiresDist"], name, env)]
    return {"install": [{k: v for k, v in i.items() if k not in ("requiresDist", "extras")} for i in install],
            "replaced": replaced, "holders": holders, "environment": env}


# The operators that bound a version from above: relax drops them.
CAPS = ("==", "===", "~=", "<", "<=")


def loosened(spec, chosen):
    """The specifier set SPEC without its upper bounds, as text, or None when it has none (nothing
    to loosen): the highest lower bound it sets (==X.Y.* and ~=X.Y give >=X.Y; > wins a tie),
    else >= the major version pip chose (CHOSEN; none without one), then every != exclusion.
    A bound is the version's public part: >= and > take no local label (==2.1.0+cu121 gives
    >=2.1.0; >=2.1.0+cu121 is no valid specifier)."""
    if not any(sp.operator in CAPS for sp in spec):
        return None
    floors = []
    for sp in spec:
        op, v = sp.operator, sp.version
        if op not in ("==", "===", "~=", ">=", ">"):
            continue
        if v.endswith(".*"):
            v = v[:-2]
        try:
            floor = Version(Version(v).public)
        except InvalidVersion:
            continue
        floors.append((floor, op == ">", (">" if op == ">" else ">=") + str(floor)))
    if floors:
        lower = [max(floors)[2]]
    else:
        lower = [">=" + chosen.split(".")[0]] if chosen else []
    return ",".join(lower + sorted(str(sp) for sp in spec if sp.operator == "!="))


def relax(reqs_path, pairs):
    print(json.dumps(relaxed(open(reqs_path).read(), pairs)))


def relaxed(text, pairs):
    """Loosen the named requirements (NAME=VERSION pip chose) of TEXT: loosened(); a line with no
    upper bound stays as written, and only a line that got looser is reported as a change."""
    chosen = dict(p.split("=", 1) for p in pairs)
    out, changes = [], []
    for line in text.splitlines():
        s = line.strip()
        try:
            r = Requirement(s) if s and not s.startswith(("#", "-")) else None
        except InvalidRequirement:
            r = None
        # A direct reference (NAME @ URL) stays as written: loosened to a bare name, an index could
        # serve another project of that name (dependency confusion).
        if r is None or r.url or canonicalize_name(r.name) not in chosen:
            out.append(line)
            continue
        spec = loosened(r.specifier, chosen[canonicalize_name(r.name)])
        if spec is None:
            out.append(line)
            continue
        extras = "[%s]" % ",".join(sorted(r.extras)) if r.extras else ""
        # The marker as the line wrote it: packaging's str(Marker) drops a needed pair of
        # parentheses (a and ((b or c)) becomes a and b or c, which holds where c alone does).
        marker = "; %s" % s.split(";", 1)[1].strip() if r.marker is not None else ""
        new = "%s%s%s%s" % (r.name, extras, spec, marker)
        changes.append({"name": canonicalize_name(r.name), "from": s, "to": new})
        out.append(new)
    return {"requirements": "\\n".join(out) + "\\n", "changes": changes}


def pip_in_process(args):
    """pip's main in this process, its stdout and stderr (file descriptors 1 and 2, so that build
    backends it starts are caught too) captured: (exit status, stdout, stderr)."""
    from pip._internal.cli.main import main as pip_main
    import pip
    # The pip it starts for an sdist's build requirements gets the index URLs in its environment.
    shim = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ml_image_pip.py")
    spec = importlib.util.spec_from_file_location("ml_image_pip", shim)
    hiding = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hiding)
    hiding.hide_index_urls(shim)
    saved_argv = sys.argv
    # What \`python3 -m pip\` has: its program name in pip's messages, the working directory on
    # sys.path (where pip looks for installed distributions too).
    sys.argv = [os.path.join(os.path.dirname(pip.__file__), "__main__.py")] + list(args)
    sys.path[0] = os.getcwd()
    files = [tempfile.TemporaryFile(mode="w+b"), tempfile.TemporaryFile(mode="w+b")]
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    os.dup2(files[0].fileno(), 1)
    os.dup2(files[1].fileno(), 2)
    try:
        rc = pip_main(list(args))
    except SystemExit as e:
        rc = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:  # pip's own crash: reported as pip's failure, as \`python3 -m pip\` would
        import traceback
        traceback.print_exc()
        rc = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])
        sys.argv = saved_argv
    texts = []
    for f in files:
        f.seek(0)
        texts.append(f.read().decode("utf-8", "replace"))
        f.close()
    return rc or 0, texts[0], texts[1]


def image_environ():
    """The environment the image gives a plain \`docker exec\`: PID 1's (the session's idle loop),
    else this one without the names the caller added for pip (ML_IMAGE_RUN_ENV)."""
    try:
        with open("/proc/1/environ", "rb") as f:
            pairs = [p.decode("utf-8", "replace").split("=", 1) for p in f.read().split(b"\\0") if b"=" in p]
        return dict(pairs)
    except Exception:
        added = set(os.environ.get("ML_IMAGE_RUN_ENV", "").split(","))
        return {k: v for k, v in os.environ.items() if k not in added}


def run(report, with_snapshot, with_held, pip_args):
    """[snapshot,] pip install --dry-run --report REPORT, analysis: one JSON object."""
    here = os.path.dirname(os.path.abspath(report))
    timing = {}
    out = {}
    t = time.time()
    if with_snapshot:
        snap = take_snapshot(image_environ(), lambda: pip_in_process(INSPECT), pip_local())
        with open(os.path.join(here, "snapshot.json"), "w") as f:
            f.write(json.dumps(snap))
        out["snapshot"] = snap
        timing["snapshot"] = time.time() - t
        if "error" in snap:
            out["timing"] = timing
            print(json.dumps(out))
            return
    else:
        snap = load(os.path.join(here, "snapshot.json"))
    cache = os.environ.get("ML_IMAGE_PIP_CACHE")
    if cache and os.path.isdir(cache) and os.access(cache, os.W_OK):
        # pip's HTTP cache in the volume the caller mounted (when this user may write there).
        os.environ["PIP_CACHE_DIR"] = cache
    out.update(dry_run(snap, report, pip_args, timing, ""))
    held = os.path.join(here, "base-constraints.txt")
    if with_held and out["pip"]["rc"] == 0 and os.path.isfile(held) and (
            out["analysis"]["replaced"] or snap.get("constraintFile") is not None):
        # The base must be held: the same requirements with every base distribution pinned, in
        # this process too (pip is imported already), with the image's own PIP_CONSTRAINT back.
        image = image_environ()
        if "PIP_CONSTRAINT" in image:
            os.environ["PIP_CONSTRAINT"] = image["PIP_CONSTRAINT"]
        else:
            os.environ.pop("PIP_CONSTRAINT", None)
        out["held"] = dry_run(snap, os.path.join(here, "held.json"), held_args(pip_args, held), timing, "held ")
    out["timing"] = timing
    print(json.dumps(out))


def held_args(pip_args, held):
    """The held run's pip arguments: the plain run's (-c preinstalled.txt, torch==V, any number of
    -r too) but -v, and the base's pins (held) as one more constraints file."""
    return [a for a in pip_args if a != "-v"] + ["-c", held]


def dry_run(snap, report, pip_args, timing, prefix):
    """pip install --dry-run --report REPORT in this process, and the analysis of its report."""
    out = {}
    t = time.time()
    rc, stdout, stderr = pip_in_process(["install", "--dry-run"] + pip_args + ["--report", report])
    timing[prefix + "pip"] = time.time() - t
    out["pip"] = {"rc": rc, "stdout": stdout, "stderr": stderr}
    if rc == 0:
        t = time.time()
        out["analysis"] = analysis(snap, load(report))
        timing[prefix + "analysis"] = time.time() - t
    return out


def main(argv):
    cmd = argv[1]
    if cmd == "snapshot":
        snapshot()
    elif cmd == "analyze":
        analyze(argv[2], argv[3])
    elif cmd == "relax":
        relax(argv[2], argv[3:])
    elif cmd == "run":
        sep = argv.index("--")
        run(argv[2], "--snapshot" in argv[3:sep], "--held" in argv[3:sep], argv[sep + 1:])
    else:
        print(json.dumps({"error": "unknown command " + cmd}))


if __name__ == "__main__":
    main(sys.argv)
`;

// EXTERNAL MODULE: ./src/resolve/snapshot-cache.ts
var snapshot_cache = __webpack_require__(42405);
// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/util/parse-input.ts
var parse_input = __webpack_require__(91814);
// EXTERNAL MODULE: ./src/python/indexes.ts + 1 modules
var indexes = __webpack_require__(3788);
;// CONCATENATED MODULE: ./src/resolve/constraint-origins.ts
// pip's references to a line of the requirements' -c files (which the resolver hands pip as one
// file), as the user's own "file:line". Pure.

const CONSTRAINTS_PATH = `${workdir/* DIR */.q6}/${workdir/* USER_CONSTRAINTS_FILE */.Mh}`.replace(/[.]/g, '\\.');
const CONSTRAINT_LINE = new RegExp(`(?:-c )?${CONSTRAINTS_PATH} \\(line (\\d+)\\)`, 'g');
const FROM_CONSTRAINT_LINE = new RegExp(`\\(from line (\\d+) of ${CONSTRAINTS_PATH}\\)`, 'g');
/**
 * OUT with pip's references to a line of the -c files' text ("-c DIR/user-constraints.txt (line
 * N)", "(from line N of DIR/user-constraints.txt)") replaced by the user's "file:line". Pure.
 */
function withConstraintOrigins(out, origins) {
    const at = (n) => origins[Number(n) - 1];
    return out
        .replace(CONSTRAINT_LINE, (x, n) => at(n) ?? x)
        .replace(FROM_CONSTRAINT_LINE, (x, n) => (at(n) === undefined ? x : `(from ${at(n)})`));
}

;// CONCATENATED MODULE: ./src/resolve/blamed-line.ts
// Which of the user's requirement lines pip's words name ("numpy==8.0" in "No matching
// distribution found for numpy==8.0"): the line of that project, and where several lines name it
// (one per platform, `numpy==8.0 ; platform_machine == "x86_64"` and `numpy==9.0 ; ... "aarch64"`),
// the one whose version specifiers pip printed. Pure.

const PROJECT = /^[A-Za-z0-9][A-Za-z0-9._-]*/;
/**
 * The specifier clauses of a requirement (pip's words, or a line's requirement part), as a set
 * packaging prints in order: `foo (>=1, <2) ; marker` and `foo<2,>=1` are both "<2,>=1".
 */
function specifierClauses(requirement) {
    const rest = requirement.replace(PROJECT, '').replace(/^\s*\[[^\]]*\]/, '');
    if (/^\s*@/.test(rest))
        return '';
    return rest
        .split(';')[0]
        .replace(/[\s()]/g, '')
        .split(',')
        .filter((c) => c !== '')
        .sort()
        .join(',');
}
/**
 * The requirement line of the project REQUIREMENT names, if any: of several, the one whose
 * specifiers are REQUIREMENT's (LINES: the requirements text's lines, ORIGINS their "file:line"),
 * else the first.
 */
function lineNaming(ctx, requirement) {
    const project = requirement && PROJECT.exec(requirement)?.[0];
    if (!project)
        return undefined;
    const named = ctx.requirements.filter((r) => r.name === (0,parse/* canonicalName */.Ew)(project));
    if (named.length < 2 || ctx.lines === undefined)
        return named[0];
    const want = specifierClauses(requirement);
    const spec = (r) => {
        const text = ctx.lines?.[ctx.origins.indexOf(r.origin)];
        return text === undefined ? undefined : specifierClauses((0,parse/* breakArgsOptions */.dQ)(text).args);
    };
    return named.find((r) => spec(r) === want) ?? named[0];
}

;// CONCATENATED MODULE: ./src/resolve/failure.ts
// A pip run that failed for another reason than a conflict, as the error the user sees: pip's own
// words (redacted, with the user's "file:line" in place of the container's file), blamed on the
// requirement line or the index, with the exit class that fits (2 input, 3 environment, 1 other).
// One function per kind of failure. Pure.









/**
 * What an unreachable index or URL adds to its fix when the container ran on Docker's bridge: an
 * index the build machine reaches may be out of the container's reach, and how to switch.
 */
function bridgeHint(ctx) {
    if (ctx.network !== 'bridge')
        return '';
    return "; the resolver's container ran on Docker's bridge network: for an index or URL reachable only from this machine (on its loopback, or through a name in its /etc/hosts) set build.network: host in the config, or pass --network host to ml-image resolve";
}
/**
 * The same on the host network of an engine in a VM: it is the VM's, not this machine's loopback.
 * host.docker.internal names this machine there (docs.docker.com desktop/features/networking;
 * colima, OrbStack too); Docker Desktop's host networking is an opt-in of 4.34 and later
 * (docs.docker.com engine/network/drivers/host: Settings > Resources > Network).
 */
function vmHint({ network, engineVm }) {
    if (network !== 'host' || engineVm === undefined)
        return '';
    const at = engineVm.loopback;
    const port = at === undefined ? ':PORT' : (/(:\d+)$/.exec(at.replace(/^\[.*\]/, ''))?.[1] ?? '');
    const to = `host.docker.internal${port}`;
    return `; the Docker engine runs in a VM (Docker Desktop, colima, OrbStack), so the host network the resolver's container ran on is the VM's, and ${at ?? "this machine's loopback"} is not there: name the index by ${to} instead of ${at ?? 'localhost or 127.0.0.1'} (for a plain-http index add --trusted-host ${to} to the requirements), or turn on Docker Desktop's host networking (4.34 or later: Settings > Resources > Network > Enable host networking)`;
}
const sameUrl = (a, b) => a.replace(/#.*$/, '') === b.replace(/#.*$/, '');
function urlMatches(url, at) {
    try {
        const u = new URL(url.replace(/^[a-z]+\+/, ''));
        const port = u.port || (u.protocol === 'https:' ? '443' : '80');
        return u.hostname === at.host && port === at.port && u.pathname === at.path.replace(/[?#].*$/, '');
    }
    catch {
        return false;
    }
}
/**
 * The indexes to name for a failed run, shown (logins masked): those pip says it searched (its
 * "Looking in indexes:" line names the base image's own PIP_INDEX_URL or pip.conf too, which the
 * context cannot know), else the context's.
 */
function searchedIndexes(out, ctx) {
    const searched = (0,pip_network/* indexesSearched */.m)(out);
    return searched !== undefined
        ? searched.map((u) => (0,redact/* redactUrls */.sK)(u)).join(', ')
        : (0,indexes/* describeIndexes */.a4)(ctx.indexes);
}
function blame(out, ctx) {
    const at = (line) => (line > 0 ? (ctx.origins[line - 1] ?? `line ${line}`) : undefined);
    // pip names lines of the file in the container: show the user's file and line instead.
    const said = (m) => `\npip said:\n${(0,redact/* redactUrls */.sK)(m
        .replace(/(?:-r )?\/tmp\/ml-image-resolve\/requirements\.txt \(line (\d+)\)/g, (x, n) => at(Number(n)) ?? x)
        .replace(/from line (\d+) of \/tmp\/ml-image-resolve\/requirements\.txt/g, (x, n) => `from ${at(Number(n)) ?? x}`)
        .replaceAll(`${workdir/* DIR */.q6}/`, '')).replace(/^/gm, '  ')}`;
    return { ctx, out, at, said };
}
const prefix = (origin) => (origin ? `${origin}: ` : '');
/** An error's options that place it on ORIGIN's file and line ("FILE:LINE"), for the action's annotation. */
const placed = (origin) => ({ location: (0,errors/* locationOf */.hD)(origin) });
function directUrl(f, { ctx, said }) {
    const line = ctx.requirements.find((r) => r.url !== undefined && sameUrl(r.url, f.url)) ??
        (f.line > 0 ? ctx.requirements.find((r) => r.origin === ctx.origins[f.line - 1]) : undefined) ??
        ctx.requirements.find((r) => r.url !== undefined && r.url.endsWith(`/${f.url}`));
    const url = (0,redact/* redactUrls */.sK)(f.url);
    const msg = `${prefix(line?.origin)}the direct URL ${url} failed: ${(0,redact/* redactUrls */.sK)(f.reason)}${said(f.message)}`;
    return f.notFound
        ? new errors/* InputError */.dz(msg, 'fix the URL on that requirement line (pip fetches it from that URL as written)', placed(line?.origin))
        : new errors/* EnvironmentError */.eG(msg, `check that ${url} is reachable from inside ${ctx.image} (the resolver runs pip there)`, placed(line?.origin));
}
function unreachable(f, { ctx, out, said }) {
    // A direct URL that cannot be fetched is that line's fault, not the index's.
    const u = f.url;
    const line = u && ctx.requirements.find((r) => r.url !== undefined && urlMatches(r.url, u));
    if (line)
        return new errors/* EnvironmentError */.eG(`${line.origin}: the direct URL ${(0,redact/* redactUrls */.sK)(line.url)} is unreachable from ${ctx.image}: ${(0,redact/* redactUrls */.sK)(f.message)}${said(pipMessage(out))}`, `check that URL and the network (the resolver runs pip inside the base image)${bridgeHint(ctx)}${vmHint(ctx)}${(0,workdir/* proxyHint */.CJ)(ctx)}`, placed(line.origin));
    return new errors/* EnvironmentError */.eG(`the package index ${searchedIndexes(out, ctx)} is unreachable from ${ctx.image}: ${(0,redact/* redactUrls */.sK)(f.message)}`, `check python.indexUrl / PIP_INDEX_URL and the network (the resolver runs pip inside the base image)${bridgeHint(ctx)}${vmHint(ctx)}${(0,workdir/* proxyHint */.CJ)(ctx)}`);
}
function noMatch(f, { ctx, out, said }) {
    // A dependency's requirement (pip's "(from X)"): the line of the project that depends on it, and
    // said so, even where the requirements name the dependency too (its bound is X's).
    const line = (f.from !== undefined ? lineNaming(ctx, f.from) : undefined) ?? lineNaming(ctx, f.requirement);
    // pip shows an index page it may not read (401, 403: a wrong, expired or read-less token) as
    // one that lists no version, and says so only at -vv: a login-bearing index is worth checking.
    const none = /\(from versions: none\)/.test(f.message);
    const login = [ctx.indexes.indexUrl ?? '', ...ctx.indexes.extraIndexUrls].some((u) => (0,redact/* redactUrls */.sK)(u) !== u) ||
        ((0,pip_network/* indexesSearched */.m)(out) ?? []).some((u) => /:\/\/[^/@\s]*@/.test(u));
    const otherPython = pythonSkipped(out);
    const ignored = none ? untrustedHosts(out).join(', ') : '';
    return new errors/* InputError */.dz(`${prefix(line?.origin)}${f.from !== undefined ? `${f.from} depends on "${(0,redact/* redactUrls */.sK)(f.requirement)}", and no release of it is` : `no release of "${(0,redact/* redactUrls */.sK)(f.requirement)}"`} found on ${searchedIndexes(out, ctx)}${ignored ? `: pip ignored the plain-http index on ${ignored}, a host it does not trust` : ''}${said(f.message)}`, ignored
        ? `serve the index over https, or add "--trusted-host ${ignored.split(', ')[0]}" to the requirements file (a line of its own: the resolver's and the build's pip both read it); pip trusts plain http on localhost alone`
        : `${f.from !== undefined ? `choose a release of ${f.from} whose dependencies the index has, or add the missing release to the index` : 'check the package name and version in your requirements, and that the index has it'}${otherPython
            ? `; pip skipped releases that need another Python than the base image's (${otherPython}): if the one you asked for is among them, choose an older release, or a variant whose python: fits`
            : ''}${none && login ? "; pip lists no versions for an index that refuses its credentials too (401, 403): check that the index's token is current and may read the project" : ''}`, placed(line?.origin));
}
/**
 * pip found no release because an index refused it (401, 403: the -vv retry shows it): the index's
 * credentials, not the requirement, are what to fix (exit 3).
 */
function refused(f, { ctx, said }) {
    const line = lineNaming(ctx, f.requirement);
    const by = [...new Set(f.refusals.map((r) => `${(0,redact/* redactUrls */.sK)(r.url)} answered ${r.status}`))].join('; ');
    return new errors/* EnvironmentError */.eG(`${prefix(line?.origin)}no release of "${(0,redact/* redactUrls */.sK)(f.requirement)}" found: the package index refused pip (${by})${said(f.message)}`, "check the index's credentials (python.indexUrl / python.extraIndexUrls, PIP_INDEX_URL / PIP_EXTRA_INDEX_URL, or a --index-url line with a ${NAME} listed in build.secrets): the token may be wrong, expired, or not allowed to read that project", placed(line?.origin));
}
function failure_invalidRequirement(f, { at, said }) {
    return new errors/* InputError */.dz(`${prefix(at(f.line))}invalid requirement "${(0,redact/* redactUrls */.sK)(f.requirement)}"${said(f.message)}`, 'fix that line (PEP 508 syntax, e.g. "numpy>=1.26,<2"; a local path must exist inside the base image)', placed(at(f.line)));
}
const HASH_MODE = "pip's hash-checking mode is on (a --hash on any requirement or constraint line turns it on for every requirement, as --require-hashes does)";
const LEAVE_MODE = 'or drop every --hash and --require-hashes to leave that mode';
const listedAll = (reqs) => reqs.map((r) => (0,redact/* redactUrls */.sK)(r)).join(', ');
/**
 * Requirements not pinned with ==: a line's own (blamed on the first line that names one), or a
 * dependency no line lists, which pip asks for as its dependent's metadata does, unpinned, and
 * writes with its dependent's "(line N)" (hash-failure.ts requiredBy): blamed on that line as what
 * needs it, never as unpinned itself. Exit 2.
 */
function unpinned(f, { ctx, at, said }) {
    const by = f.requiredBy;
    const deps = f.requirements.filter((r) => by[r] !== undefined && lineNaming(ctx, r) === undefined);
    const own = f.requirements.filter((r) => !deps.includes(r));
    const ownToo = own.length > 0 || deps.length === 0;
    const dependency = (r) => {
        const { chain, line } = by[r];
        return `${(0,redact/* redactUrls */.sK)(r)} is not pinned with ==: it is a dependency of ${chain.map((c) => (0,redact/* redactUrls */.sK)(c)).join(', required by ')}${line > 0 ? ` (${at(line)})` : ''} that no line lists, so pip takes it as ${(0,redact/* redactUrls */.sK)(chain[0])} asks for it, with no == pin`;
    };
    const problems = [
        ...(ownToo
            ? [`${listedAll(own) || 'some requirements'} ${own.length === 1 ? 'is' : 'are'} not pinned with ==`]
            : []),
        ...deps.map(dependency),
    ];
    const named = own.flatMap((r) => lineNaming(ctx, r) ?? []);
    const origin = named[0]?.origin ?? at(deps.length > 0 ? by[deps[0]].line : f.line);
    const add = deps.map((r) => /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(r)?.[0] ?? r).join(', ');
    const fixes = [
        ...(deps.length > 0
            ? [
                `add ${add} to the requirements, pinned with == and with ${deps.length === 1 ? 'its' : 'their'} hashes (pip-compile --generate-hashes, uv pip compile --generate-hashes and poetry export list every dependency so)`,
            ]
            : []),
        ...(ownToo ? ['pin each to one version (name==1.2.3) with its --hash'] : []),
    ];
    return new errors/* InputError */.dz(`${prefix(origin)}${HASH_MODE}, and ${problems.join('; and ')}${said(f.message)}`, `${fixes.join(', and ')}, ${LEAVE_MODE}`, placed(origin));
}
/**
 * A hash-checking failure: a file that does not match its --hash; requirements without a --hash in
 * that mode (blamed on the first line that names one of them: else they are dependencies the files
 * do not list); requirements not pinned with == (unpinned). Exit 2.
 */
function hashFailure(f, b) {
    const { ctx, at, said } = b;
    if (f.problem === 'mismatch')
        return new errors/* InputError */.dz(`${prefix(at(f.line))}a downloaded file does not match the --hash given in the requirements${said(f.message)}`, 'update the --hash values (pip hash FILE), or find out why the file changed', placed(at(f.line)));
    if (f.problem === 'unpinned')
        return unpinned(f, b);
    const listed = listedAll(f.requirements) || 'some requirements';
    const named = f.requirements.flatMap((r) => lineNaming(ctx, r) ?? []);
    const unnamed = f.requirements.filter((r) => lineNaming(ctx, r) === undefined);
    return new errors/* InputError */.dz(`${prefix(named[0]?.origin)}${HASH_MODE}, and ${listed} ${f.requirements.length === 1 ? 'has' : 'have'} no --hash${named.length > 0 ? ` (${named.map((r) => r.origin).join(', ')}: a line without one)` : ''}${unnamed.length > 0 ? ` (${unnamed.map((r) => (0,redact/* redactUrls */.sK)(r)).join(', ')}: a dependency no line names)` : ''}${said(f.message)}`, `give each line its --hash, and list each dependency too, pinned with == and its hashes (pip-compile --generate-hashes, uv pip compile --generate-hashes and poetry export write every dependency so; pip's message above shows the hashes of the files it downloaded: check them before you copy them), ${LEAVE_MODE}`, placed(named[0]?.origin));
}
function localPath(f, { ctx, at, said }) {
    const origin = localPathOrigin(f, ctx.requirements, at);
    return new errors/* InputError */.dz(`${prefix(origin)}a local path in the requirements is not there inside ${ctx.image}${said(f.message)}`, 'resolve runs pip inside the base image, where your checkout is not: install local projects in the Dockerfile, or use resolve mode "off"', placed(origin));
}
function buildFailed(f, { ctx, said }) {
    const line = lineNaming(ctx, f.requirement);
    const what = f.requirement ? `"${(0,redact/* redactUrls */.sK)(f.requirement)}"` : 'a requirement';
    return new errors/* CheckFailedError */.CO(`${prefix(line?.origin)}pip could not build ${what} from source inside ${ctx.image} (its build step failed while pip read its metadata; not a dependency conflict)${said(f.message)}`, 'that release has no wheel for this platform and Python, so pip builds it and its build needs what the base image lacks (a compiler, nvcc, torch): use a release or base image with a wheel, or a base image with its build requirements', placed(line?.origin));
}
/** A URL as a line to compare: no VCS prefix, login, revision (`@v1.0` after the path) or fragment. */
const repoOf = (url) => url
    .replace(/^[a-z]+\+/, '')
    .replace(/#.*$/, '')
    .replace(/^([a-z]+:\/\/)[^/]*@/, '$1')
    .replace(/(\/[^/@]*)@[^/]*$/, '$1')
    .replace(/\/$/, '');
/**
 * The requirement line of a VCS command pip ran: by the project pip was collecting ("Collecting
 * mypkg@ git+https://..."), else by its URL (as the command got it, without its login), else the
 * one line with a VCS URL.
 */
function vcsLine(ctx, requirement, url) {
    const named = requirement !== undefined && !requirement.includes('://') ? lineNaming(ctx, requirement) : undefined;
    if (named)
        return named;
    const vcs = ctx.requirements.filter((r) => r.url !== undefined && /^(?:git|hg|svn|bzr)\+/.test(r.url));
    const at = url ?? requirement;
    return ((at?.includes('://') ? vcs.find((r) => repoOf(r.url) === repoOf(at)) : undefined) ??
        (vcs.length === 1 ? vcs[0] : undefined));
}
/** The base image has no git (hg, svn, bzr) for a `pkg @ git+https://...` line: exit 2, what to change. */
function vcsMissing(f, { ctx, said }) {
    const line = vcsLine(ctx, f.requirement);
    return new errors/* InputError */.dz(`${prefix(line?.origin)}pip needs ${f.command} to install a ${f.command}+ URL requirement, and the base image ${ctx.image} has no ${f.command}${said(f.message)}`, `install ${f.command} in the base image (its Dockerfile: apt-get install ${f.command}, say), or ask for the project as a wheel: from an index, or by its wheel's URL (NAME @ https://.../NAME-1.0-py3-none-any.whl)`, placed(line?.origin));
}
/**
 * A VCS command pip ran failed (`git clone`: credentials, a host out of reach; `git checkout`: a
 * revision the repository lacks): exit 3 (2 for the revision), the URL without its login.
 */
function vcsFailed(f, { ctx, said }) {
    const line = vcsLine(ctx, f.requirement, f.url);
    const url = f.url !== undefined ? ` of ${(0,redact/* shownUrl */.zA)(f.url)}` : '';
    const why = f.said.length > 0 ? `: ${(0,redact/* redactUrls */.sK)(f.said.join('; '))}` : '';
    const msg = `${prefix(line?.origin)}${f.command} ${f.subcommand}${url} failed inside ${ctx.image}${why}${said(f.message)}`;
    if (f.subcommand === 'checkout')
        return new errors/* InputError */.dz(msg, "check the revision after the URL's @ on that line: a branch, tag or commit the repository has", placed(line?.origin));
    return new errors/* EnvironmentError */.eG(msg, `check the URL, and that ${ctx.image} can reach its host; a private repository needs its token in the URL, as a \${NAME} reference in place of the user name, with NAME listed in build.secrets; or ask for the project as a wheel instead${bridgeHint(ctx)}${vmHint(ctx)}`, placed(line?.origin));
}
/**
 * The error for a failed pip run that is not a conflict (undefined for a conflict): pip's own
 * message, redacted, with the requirement line's origin. Pure.
 */
function pipFailureError(pipOut, ctx) {
    // A line of the -c files' text is named by its own file and line before anything reads a line
    // number: line N there is not line N of the requirements.
    const out = withConstraintOrigins(pipOut, ctx.constraintOrigins ?? []);
    // The hosts whose login pip has (in the URL or its netrc file: input.ts runIndexes).
    const urls = [ctx.indexes.indexUrl ?? '', ...ctx.indexes.extraIndexUrls];
    const loginHosts = new Set(urls.flatMap((u) => /^\w[\w+.-]*:\/\/[^/?#]*@([^/:?#]*)/.exec(u)?.[1] ?? []));
    const f = classifyPipFailure(out, loginHosts);
    const b = blame(out, ctx);
    switch (f.kind) {
        case 'conflict':
            return undefined;
        case 'invalid-requirement':
            return failure_invalidRequirement(f, b);
        case 'direct-url':
            return directUrl(f, b);
        case 'hash':
            return hashFailure(f, b);
        case 'local-path':
            return localPath(f, b);
        case 'build-failed':
            return buildFailed(f, b);
        case 'vcs-missing':
            return vcsMissing(f, b);
        case 'vcs-failed':
            return vcsFailed(f, b);
        case 'unreachable':
            return unreachable(f, b);
        case 'no-match':
            return noMatch(f, b);
        case 'refused':
            return refused(f, b);
        case 'other':
            return new errors/* CheckFailedError */.CO(`pip failed in ${ctx.image} (not a dependency conflict)${b.said(f.message)}`, "see pip's message above");
    }
}

;// CONCATENATED MODULE: ./src/resolve/transient.ts
// Whether a failed pip run is worth one more, at pip's debug level: an index that failed (5xx past
// pip's retries, a reset, a timeout, a refused connection), or "from versions: none" that may be
// one. Pure.


/**
 * The line where pip logged trouble with the network: an index that failed (5xx past its retries,
 * a reset, a timeout), one out of reach, or a request it retried ("WARNING: Retrying (Retry(...))
 * after connection broken by ..."), trimmed.
 */
function networkTrouble(out) {
    return (transientIndexError(out) ??
        (0,pip_network/* indexUnreachable */.J)(out) ??
        out
            .split(/\r?\n/)
            .find((l) => /Retrying \(Retry\(|\bConnectionError\b/.test(l))
            ?.trim());
}
/**
 * A failure worth one more run: 5xx, resets, timeouts, refused connections, retries (pip logged
 * them), or "versions: none", which an index that failed or refused pip shows alike. Not even when
 * the same index gave pip another project in this run: pip logs a project page that failed (a 502,
 * which it does not retry, or a 403 for that project) only at its debug level, so "(from versions:
 * none)" after a project it found still may be the index's fault, and only the rerun tells.
 */
function looksTransient(out) {
    if (/ResolutionImpossible|DO NOT MATCH THE HASHES|Invalid requirement/.test(out))
        return false;
    if (networkTrouble(out) !== undefined)
        return true;
    return /\(from versions: none\)/.test(out);
}
/**
 * Why a run is tried once more, redacted and short (for a progress line, which adds "; trying once
 * more"): the line of pip's output that says how the index failed, else what "versions: none" may be.
 */
function transientSummary(out) {
    const failed = networkTrouble(out);
    if (failed !== undefined)
        return `the package index failed (${(0,redact/* redactUrls */.sK)(failed).slice(0, 200)})`;
    const missing = noMatchingDistribution(out);
    const what = missing ? `"${(0,redact/* redactUrls */.sK)(missing).slice(0, 100)}"` : 'a requirement';
    return `no versions of ${what} found: a name the index lacks, or an index that failed or refused pip's login, which pip tells apart only at its debug level`;
}

;// CONCATENATED MODULE: ./src/resolve/workspace.ts
// The resolver's workspace: one container of the base image (for the target platform) with a
// directory of files, where pip dry runs and the Python helper run. pip's cache is reused across
// the runs. Every answer that comes back from the container is parsed here (zod), never cast.










const PipSchema = schemas/* object */.Ikc({ rc: schemas/* number */.aig(), stdout: schemas/* string */.YjP(), stderr: schemas/* string */.YjP() });
const RunOutputSchema = schemas/* object */.Ikc({
    snapshot: schemas/* unknown */.L5J().optional(),
    pip: PipSchema.optional(),
    analysis: AnalysisSchema.optional(),
    held: schemas/* object */.Ikc({ pip: PipSchema, analysis: AnalysisSchema.optional() }).optional(),
    timing: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* number */.aig()).optional(),
});
/** pip's options on every dry run (its report path comes after). */
const PIP_OPTIONS = [
    // pip retries 5xx answers and broken connections itself (backoff 0.25 s, doubling).
    '--retries',
    '3',
    '--timeout',
    '15',
];
function pipWorkspace(session, opts) {
    const mask = opts.mask ?? ((t) => t);
    const attempt = helperAttempt(session, opts);
    const settle = (first, report, extra, env = {}) => settleRun(opts, first, () => attempt(report, ['-v', ...extra], { env: { ...env, ...DEBUG } }));
    const runPip = async (report, extra, env) => {
        const r = await session.exec([
            'python3',
            '-m',
            'pip',
            'install',
            '--dry-run',
            ...PIP_OPTIONS,
            '--report',
            `${workdir/* DIR */.q6}/${report}`,
            ...(opts.preinstalled ?? []),
            ...extra,
            ...(opts.after ?? []),
        ], { env: { ...opts.pipEnv, ...env } });
        return { run: { ok: r.exitCode === 0, out: mask(`${r.stdout}\n${r.stderr}`) } };
    };
    return {
        session,
        image: opts.image,
        put: (files) => session.putFiles(workdir/* DIR */.q6, files),
        async dryRun(report, extra, env = {}, o = {}) {
            const first = await runPip(report, extra, env);
            const again = () => runPip(report, ['-v', ...extra], { ...env, ...DEBUG });
            return (await settleRun(opts, first, again, o.failure ?? 'throw')).run;
        },
        async helper(schema, args) {
            const r = await session.exec(['python3', `${workdir/* DIR */.q6}/helper.py`, ...args]);
            return parseHelperOutput(schema, r, opts.image, mask);
        },
        attempt,
        settle,
        async analyzedRun(report, extra, env = {}, o = {}) {
            const again = () => attempt(report, ['-v', ...extra], { env: { ...env, ...DEBUG } });
            return settleRun(opts, await attempt(report, extra, { env }), again, o.failure ?? 'throw');
        },
    };
}
/**
 * The retry's verbosity with its `-v`: -vv, pip's debug level, where alone it reports an index page
 * it was refused ("Could not fetch URL ...: 401 Client Error": a wrong or expired token, which it
 * otherwise shows as "from versions: none"). The helper's held run drops its `-v` (held_args),
 * not this.
 */
const DEBUG = { PIP_VERBOSE: '1' };
/**
 * A dry run's rules: an index that answered 5xx (or nothing) past pip's own retries gets one more
 * try, at debug level, because pip reports a failing index page ("Could not fetch URL") only there;
 * a failure that is not a conflict is thrown as pip reported it (pipFailureError), unless ON_FAILURE
 * is 'return'.
 */
async function settleRun(opts, first, again, onFailure = 'throw') {
    let a = first;
    if (!a.run.ok && looksTransient(a.run.out)) {
        opts.onRetry(transientSummary(a.run.out));
        a = await again();
    }
    if (a.run.ok || onFailure === 'return')
        return a;
    const failure = pipFailureError(a.run.out, opts.failure);
    if (failure)
        throw failure;
    return a;
}
/** One `helper.py run` in the session: pip's environment through the exec, never argv. */
function helperAttempt(session, opts) {
    return async (report, extra, o = {}) => {
        const env = { ...opts.pipEnv, ...o.env };
        const t = Date.now();
        const r = await session.exec([
            'python3',
            `${workdir/* DIR */.q6}/helper.py`,
            'run',
            `${workdir/* DIR */.q6}/${report}`,
            ...(o.snapshot ? ['--snapshot'] : []),
            ...(o.held ? ['--held'] : []),
            '--',
            ...PIP_OPTIONS,
            ...(opts.preinstalled ?? []),
            ...extra,
            ...(opts.after ?? []),
        ], {
            env: {
                ...env,
                // The names added for pip: the snapshot leaves them out (it records the image's own).
                ML_IMAGE_RUN_ENV: Object.keys(env).join(','),
                ...(opts.pipCache !== undefined && { ML_IMAGE_PIP_CACHE: opts.pipCache }),
            },
        });
        const a = attemptOf(r, opts.image, o.snapshot === true, opts.mask);
        opts.onAttempt?.(report, a, Date.now() - t);
        return a;
    };
}
/**
 * What `helper.py run` answered. With a snapshot, a helper that could not start (no python3) or
 * could not look (old pip) comes back as the snapshot's answer, for parseSnapshot to judge.
 */
function attemptOf(r, image, withSnapshot, mask = (t) => t) {
    const asSnapshot = (stdout) => ({
        run: { ok: false, out: '' },
        analysis: undefined,
        seconds: { pip: 0, analysis: 0 },
        snapshot: { ...r, stdout },
    });
    let json;
    try {
        json = JSON.parse(r.stdout);
    }
    catch {
        if (withSnapshot)
            return asSnapshot(r.stdout);
        throw helperFailed(r, image, undefined, mask);
    }
    const out = parseHelperOutput(RunOutputSchema, r, image, mask);
    const seconds = { pip: out.timing?.pip ?? 0, analysis: out.timing?.analysis ?? 0 };
    const snapshot = withSnapshot
        ? { ...r, stdout: out.snapshot !== undefined ? JSON.stringify(out.snapshot) : r.stdout }
        : undefined;
    if (out.pip === undefined) {
        if (snapshot !== undefined)
            return { ...asSnapshot(snapshot.stdout), snapshotSeconds: out.timing?.snapshot ?? 0 };
        throw helperFailed(r, image, `no pip run in ${(0,redact/* redactText */.Rd)(mask(JSON.stringify(json))).slice(0, 200)}`, mask);
    }
    const t = out.timing ?? {};
    const held = out.held && analyzed(out.held, { pip: t['held pip'] ?? 0, analysis: t['held analysis'] ?? 0 });
    return {
        ...analyzed({ pip: out.pip, analysis: out.analysis }, seconds),
        ...(snapshot !== undefined && { snapshot, snapshotSeconds: t.snapshot ?? 0 }),
        ...(held !== undefined && { held }),
    };
    function analyzed(o, secs) {
        if (o.pip.rc === 0 && o.analysis === undefined)
            throw helperFailed(r, image, 'no analysis of the report', mask);
        return {
            // stdout and stderr together, as a separate `python3 -m pip` printed them.
            run: { ok: o.pip.rc === 0, out: mask(`${o.pip.stdout}\n${o.pip.stderr}`) },
            analysis: o.pip.rc === 0 ? o.analysis : undefined,
            seconds: secs,
        };
    }
}
/** The helper's JSON answer, checked against its schema; anything else is the helper failing. */
function parseHelperOutput(schema, r, image, mask = (t) => t) {
    let json;
    try {
        json = JSON.parse(r.stdout);
    }
    catch {
        throw helperFailed(r, image, undefined, mask);
    }
    const parsed = (0,parse_input/* boundedSafeParse */.Aw)(schema, json);
    if ('overflow' in parsed)
        throw helperFailed(r, image, 'too many problems to list', mask);
    if (!parsed.success)
        throw helperFailed(r, image, (0,issues/* formatIssues */.og)(parsed.error, json, schema).join('; '), mask);
    return parsed.data;
}
function helperFailed(r, image, problem, mask = (t) => t) {
    // Masked whole (the values, then tokens by their shape), then clipped: a cut inside a secret's
    // value would leave a part no mask finds.
    const whole = (r.stderr || r.stdout).trim();
    const said = problem !== undefined ? mask(problem) : (0,redact/* redactText */.Rd)(mask(whole)).slice(-500);
    // Killed by the cleanup of SIGINT/SIGTERM/SIGHUP (exit 137): the interrupt, not the helper.
    return ((0,cleanup/* interruptedFailure */.rn)(`the resolver helper in ${image}`, `exit ${r.exitCode}`) ??
        new errors/* CheckFailedError */.CO(`the resolver helper failed in ${image} (exit ${r.exitCode}): ${said}`));
}

;// CONCATENATED MODULE: ./src/resolve/steps/snapshot.ts
// Step 1, snapshot: what the base image ships (pip inspect, its constraint file, PIP_* env), from
// the cache by image digest, or from the helper in the container: by its own command when the
// cache will keep it, else in the same python process as the plain dry run; and the pins that
// hold it.











/** The constraints file of what the build installs first (torch==VERSION), in the workspace. */
const PREINSTALLED_FILE = 'preinstalled.txt';
/** The requirements file that adds the torch index (input.ts torchIndexArgs), in the workspace. */
const TORCH_INDEX_FILE = 'torch-index.txt';
function cachedSnapshot(o) {
    const key = o.digest !== undefined && o.cache !== undefined ? (0,snapshot_cache/* snapshotKey */.o1)(o.digest, o.platform) : undefined;
    const hit = (0,snapshot_cache/* cachedJson */.Bm)(o.cache, key, SnapshotSchema);
    return { ...(key !== undefined && { key }), ...(hit !== undefined && { hit }) };
}
/**
 * Put the helper and the requirements into the workspace; with a cached snapshot also the
 * snapshot and the pins that hold the base (all in one archive), and return the base.
 */
async function prepareWorkspace(ws, o, cached) {
    const files = {
        'helper.py': HELPER_PY,
        // Beside the helper, which has its pip give the index URLs to the pip it starts in its
        // environment, not on its command line.
        'ml_image_pip.py': pip_generated/* PIP_PY */.o,
        'requirements.txt': `${o.requirementsText}\n`,
        ...(o.preinstalled?.length && {
            [PREINSTALLED_FILE]: `${o.preinstalled.join('\n')}\n`,
            [TORCH_INDEX_FILE]: resolve_input/* TORCH_INDEX_FILE_TEXT */.pi,
        }),
        ...(o.userConstraints && { [workdir/* USER_CONSTRAINTS_FILE */.Mh]: o.userConstraints }),
        ...(o.netrc && { [workdir/* NETRC_FILE */.wU]: o.netrc }),
    };
    if (cached.hit === undefined) {
        await ws.put(files);
        return undefined;
    }
    o.say(`base snapshot from the cache (${(o.digest ?? '').slice(0, 19)})`);
    const base = baseOf(cached.hit.value, o);
    await ws.put({ ...files, 'snapshot.json': cached.hit.text, 'base-constraints.txt': base.basePins });
    return base;
}
/**
 * A snapshot the cache will keep under the base's digest, taken by its own command before any
 * pip run: the requirements' code (an sdist's setup.py, run while pip builds its metadata) could
 * otherwise write into the answer of the process it runs under (its parent's stdout is within
 * reach in /proc), and a run of other requirements (another branch's) would later read that
 * answer as what the digest ships. Nothing but the image's own code has run in the container
 * then, and the container runs the digest itself (base.ts), so what is kept under a digest is
 * what that digest ships. Written to snapshot.json with its pins, as a cached one is.
 */
async function ownSnapshot(ws, o, cached) {
    const run = await ws.session.exec(['python3', `${workdir/* DIR */.q6}/helper.py`, 'snapshot']);
    const snap = parseSnapshot(run, o.image);
    if (cached.key !== undefined)
        o.cache?.set(cached.key, run.stdout);
    const base = baseOf(snap, o);
    await ws.put({ 'snapshot.json': run.stdout, 'base-constraints.txt': base.basePins });
    return base;
}
/**
 * The snapshot the helper took (in the same process as the plain dry run: it stays in the
 * container as snapshot.json, for the analyses), and the pins that hold it. Never cached: the
 * requirements' code ran in that process too (see ownSnapshot).
 */
async function takenSnapshot(ws, o, run) {
    const snap = parseSnapshot(run, o.image);
    const base = baseOf(snap, o);
    await ws.put({ 'base-constraints.txt': base.basePins });
    return base;
}
function baseOf(snap, o) {
    o.say(`base has ${snap.installed.length} Python distributions (python ${snap.python.version}, pip ${snap.pipVersion ?? 'unknown'})`);
    const decisions = pinDecisions(snap.installed);
    const basePins = constraintsText(decisions, `ml-image resolve: pins of ${o.image} (${o.platform})`);
    return { snap, decisions, basePins };
}
/** The helper's snapshot: a base that cannot be looked at (no python3, old pip) is exit 2. */
function parseSnapshot(run, image) {
    noPython(run, image);
    const { error } = parseHelperOutput(SnapshotErrorSchema.partial(), run, image);
    if (error !== undefined)
        throw new errors/* InputError */.dz(`${image}: ${error}`, 'resolve needs python3 and pip >= 22.2 in the base image: use such a base, or resolve mode "off"');
    return parseHelperOutput(SnapshotSchema, run, image);
}
/**
 * The image has no python3 (or no shell to start it): a clear exit 2, not "helper failed". After
 * SIGINT/SIGTERM/SIGHUP a failed start is the cleanup's doing (the container removed under the
 * exec: "cannot exec in a stopped state", "ttrpc: closed"): the interrupt, exit 130/143/129.
 */
function noPython(r, image) {
    if (r.exitCode === 0)
        return;
    const stopped = (0,cleanup/* interruptedFailure */.rn)(`the resolver helper in ${image}`, (0,exec_limit/* execEnding */.xX)(r));
    if (stopped)
        throw stopped;
    const text = `${r.stderr}\n${r.stdout}`;
    if (r.exitCode === 127 ||
        r.exitCode === 126 ||
        /python3: (not found|No such file)|executable file not found|no such file or directory/i.test(text)) {
        throw new errors/* InputError */.dz(`${image} has no python3 (${text.trim().split('\n')[0].slice(0, 200)}): resolve needs python3 and pip in the base image`, 'use a base image with python3 and pip (e.g. python:3.12-slim), or set resolve mode "off"');
    }
}

// EXTERNAL MODULE: ./src/resolve/pip-cache.ts
var pip_cache = __webpack_require__(31374);
// EXTERNAL MODULE: ./src/docker/held-platform.ts
var held_platform = __webpack_require__(837);
// EXTERNAL MODULE: ./src/docker/platform-image.ts
var platform_image = __webpack_require__(53041);
// EXTERNAL MODULE: ./src/docker/failures.ts
var failures = __webpack_require__(76873);
// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
;// CONCATENATED MODULE: ./src/resolve/base.ts






/** What the resolver's container runs: the platform's own manifest of a registry pin, else ref. */
const runRef = (pinned) => pinned.platformRef ? pinned.platformRef() : Promise.resolve(pinned.ref);
/**
 * The registry's digest of IMAGE, undefined when it does not say (the local image is then used).
 * An interrupt is not "no answer": the stage would go on to start the resolver's pull and session.
 */
const registryDigest = (docker, image) => docker.imageDigest(image).then((d) => ((0,oci_ref/* isDigest */.Bc)(d) ? d : undefined), (e) => {
    if (e instanceof cleanup/* InterruptedError */.p4 || (0,cleanup/* isInterrupted */.fT)())
        throw e;
    return undefined;
});
/**
 * The registry's image for the platform, pinned: the container runs the platform's own manifest
 * (REPOSITORY@sha256:<platform manifest>). Run by the index digest, the engine would take an image
 * of another platform that it holds under that digest (a pull of the index for amd64 names the
 * amd64 image by it) and refuse the run ("does not match the specified platform"). The caches stay
 * keyed by the digest of the reference (their keys name the platform too).
 */
function registryPin(docker, image, platform, digest) {
    const ref = (0,platform_image/* pinnedRef */.I1)(image, digest);
    const platformRef = async () => {
        const index = await docker.imagetoolsInspect(ref).catch((e) => {
            if (e instanceof cleanup/* InterruptedError */.p4 || (0,cleanup/* isInterrupted */.fT)())
                throw e;
            return undefined;
        });
        const own = index !== undefined && index.platforms.length > 0 ? (0,platform_image/* platformManifest */.NB)(index, platform) : undefined;
        return (0,platform_image/* pinnedRef */.I1)(image, own ?? digest);
    };
    return { ref, key: digest, platformRef };
}
/** Whether the engine's RepoDigests say LOCAL was pulled as the registry's DIGEST. Pure. */
const fromRegistry = (local, digest) => local.repoDigests.some((r) => r.endsWith(`@${digest}`));
/**
 * The digest LOCAL was pulled as from IMAGE's own repository, where that is its ID (the containerd
 * store's list: its ID is the index digest): its RepoDigests name the repository at it. Pure.
 */
const pulledAs = (image, local) => {
    if (!(0,oci_ref/* isDigest */.Bc)(local.id))
        return undefined;
    const repository = (0,oci_ref/* repositoryOf */._M)(image);
    return local.repoDigests.some((r) => r.endsWith(`@${local.id}`) && (0,oci_ref/* repositoryOf */._M)(r) === repository)
        ? local.id
        : undefined;
};
/**
 * The local image as pinned: run by its id, keyed by the registry digest when it is that digest's
 * image (its RepoDigests name it: pulled from there), else by its id. Pure.
 */
function localPin(image, local, digest) {
    if (!(0,oci_ref/* isDigest */.Bc)(local.id))
        return { ref: image };
    if (digest !== undefined && fromRegistry(local, digest))
        return { ref: local.id, key: digest };
    return {
        ref: local.id,
        key: local.id,
        ...(digest !== undefined && {
            note: `the image this machine holds under ${image} (${local.id.slice(0, 19)}) is not the registry's (${digest.slice(0, 19)}): resolving against the local one, which the build uses too (build.pull: true resolves and builds against the registry's)`,
        }),
    };
}
/**
 * Whether the engine takes LOCAL, its image under the tag, for PLATFORM (held-platform.ts, the
 * build's rule too): where its own platform is PLATFORM, else where the engine keeps one image for
 * every platform under a tag (its info names the containerd image store), whose inspect names the
 * host's platform whatever it holds. The info is asked only then; an engine that does not answer
 * it counts as the classic store.
 */
async function takesLocal(docker, local, platform) {
    if ((0,held_platform/* servesPlatform */.G)(local, platform, false))
        return true;
    const multi = await docker.daemonFeatures().then((f) => f.imageStore === 'containerd', () => false);
    return (0,held_platform/* servesPlatform */.G)(local, platform, multi);
}
/**
 * The base the build will use (see the top of this file), pinned as far as it is needed: `pull`,
 * the registry's image by digest; else, when a cache needs a key (`keyed`), the engine's own image
 * under the tag for the platform (takesLocal) by its id, or, with none here, the registry's by
 * digest; else the reference as given, which the engine runs the same way (its own image for the
 * platform, else a pull). A lookup that fails leaves the reference as given (nothing is cached under it then):
 * starting the container reports a missing image itself.
 */
async function pinBase(docker, base, keyed) {
    if (base.pull) {
        const digest = await registryDigest(docker, base.image);
        if (digest !== undefined)
            return registryPin(docker, base.image, base.platform, digest);
        // No answer from the registry: the build's pull will fail and say why; resolve what is here.
    }
    if (!keyed)
        return { ref: base.image };
    const [local, digest] = await Promise.all([
        docker.inspectLocalImage(base.image).catch(() => undefined),
        registryDigest(docker, base.image),
    ]);
    if (local !== undefined && (await takesLocal(docker, local, base.platform))) {
        // Taken for another platform than its own (the containerd store's index): where it is the
        // registry's list, the registry's platform manifest runs. The same index, so the same base the
        // build records; but a pull keeps only the host's platform's content, which the build fetches
        // from the registry and a run by the ID does not ("No such image").
        if (!(0,held_platform/* servesPlatform */.G)(local, base.platform, false)) {
            if (digest !== undefined && fromRegistry(local, digest))
                return registryPin(docker, base.image, base.platform, digest);
            // The registry's tag has moved since the pull (it answered another digest): the local index
            // is still that repository's list by its own digest (its ID, in its RepoDigests), which the
            // build takes and records; its platform manifest is fetched from there as the build fetches
            // it. A registry that knows no such tag is not asked for it: the containerd store names a
            // tag made here in RepoDigests too (the ID under the new name), so they prove no pull.
            const pulled = digest !== undefined ? pulledAs(base.image, local) : undefined;
            if (pulled !== undefined)
                return registryPin(docker, base.image, base.platform, pulled);
        }
        return localPin(base.image, local, digest);
    }
    // None here for the platform: the build pulls the registry's, and so does the resolver.
    if (digest !== undefined)
        return registryPin(docker, base.image, base.platform, digest);
    return { ref: base.image };
}
/** What an engine's pull says when the registry refuses it: 401, 403, denied, no credentials. */
const PULL_REFUSED = /\b40[13]\b|unauthori[sz]ed|forbidden|\bdenied\b|authentication required|no basic auth credentials/i;
/**
 * A pull of the base that the registry refused, as an environment problem (exit 3) with the fix;
 * any other error as it is. The engine's pull (images.ts) sends no credentials: a private base
 * fails there even where the docker CLI and buildx (which send the user's) succeed, and the
 * engine reports it as a bad reference (exit 2). Pulled with the docker CLI first, the image is
 * local and the resolver pulls nothing. Likewise exit 3: the container's create by the local
 * image's ID (REF; BASE, the reference as the user wrote it) that the engine answers "No such
 * image: sha256:...": on the containerd image store the list is held, but a pull kept only the
 * host's platform's content, not PLATFORM's. Pure.
 */
function basePullError(e, ref, platform, base = ref) {
    const engine = (0,failures/* engineMessage */.g4)(e);
    if ((0,oci_ref/* isDigest */.Bc)(ref) && /^no such image: sha256:/i.test(engine))
        return new errors/* EnvironmentError */.eG(`cannot start the resolver's container of ${base} (the image this machine holds under it, ${ref.slice(0, 19)}) for ${platform}: ${engine}\nthe engine has no ${platform} content under that ID: on the containerd image store a pull keeps only the host's platform's (else the image was removed meanwhile)`, `pull that platform's content too: "docker pull --platform ${platform} ${base}" (a config's build.pull: true resolves and builds against the registry's image instead)`, { cause: e });
    if (!(e instanceof errors/* InputError */.dz))
        return e;
    const said = /^cannot pull image \S+: ([\s\S]*)$/.exec(e.message)?.[1];
    if (said === undefined || !PULL_REFUSED.test(said))
        return e;
    const host = ref.startsWith('sha256:') ? 'REGISTRY' : (0,oci_ref/* parseImageRef */.Q)(ref).registry;
    return new errors/* EnvironmentError */.eG(`${e.message}\nthe registry refused the pull of the base image: it needs a credential, and the resolver pulls through the Docker engine's API, which sends none`, `log in with a credential that may read it ("docker login ${host}"; in GitHub Actions docker/login-action) and pull it with the docker CLI, which sends that credential: "docker pull --platform ${platform} ${ref}"; the resolver then runs the local image. Some registries refuse a misspelled reference the same way: check it too`, { cause: e });
}

// EXTERNAL MODULE: ./src/resolve/network-lookup.ts
var network_lookup = __webpack_require__(80393);
;// CONCATENATED MODULE: ./src/resolve/timing.ts
// The resolver's per-step timing line (--verbose): where one resolution's wall time went.
// Steps: container start, snapshot, plain dry run, held dry run, relax, analysis, container stop (the analysis
// runs inside the dry runs' python processes; its share is reported by the helper).
const ORDER = [
    'container start',
    'snapshot',
    'plain dry run',
    'held dry run',
    'relax',
    'analysis',
    'container stop',
];
class StepTimes {
    seconds = new Map();
    notes = new Map();
    add(step, seconds, note) {
        this.seconds.set(step, (this.seconds.get(step) ?? 0) + seconds);
        if (note !== undefined)
            this.notes.set(step, note);
    }
    note(step, note) {
        this.notes.set(step, note);
    }
    /** Runs fn and adds its wall time to `step`. */
    async time(step, fn) {
        const t = Date.now();
        try {
            return await fn();
        }
        finally {
            this.add(step, (Date.now() - t) / 1000);
        }
    }
    /** `timing: container start 0.31s, snapshot 0.00s (cache), ..., total 1.52s`; `-` for a step not run. */
    line(totalMs) {
        const parts = ORDER.map((s) => {
            const v = this.seconds.get(s);
            const note = this.notes.get(s);
            return `${s} ${v === undefined ? '-' : `${v.toFixed(2)}s`}${note ? ` (${note})` : ''}`;
        });
        return `timing: ${parts.join(', ')}, total ${(totalMs / 1000).toFixed(2)}s`;
    }
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/resolve/earlier.ts
// Reusing an earlier resolution (`ml-image run`): its cache key, and the lookup that says why an
// answer is or is not reused.







/**
 * Cache key of a resolution: the base digest, every input that can change pip's answer, and the
 * run's trust scope (pipCacheScope): an answer a run that may build a pull request's code worked
 * out, against its own pip cache volume, is never reused by a branch's run.
 */
function resolutionKey(baseDigest, input, env = {}, 
/** The runner's event payload, which the caller read (ResolveDeps.event); default: an empty one. */
event = {}) {
    // Neither decides pip's answer: the network only reaches the same indexes, and which base runs is
    // in baseDigest (the registry digest, or the local image id, of the image that ran).
    const { network: _network, pull: _pull, ...decisive } = input;
    // snapshot: its format (helper-output.ts): an answer from a snapshot that missed Debian's
    // python3-* packages (format 1) is not reused.
    return `resolution-${(0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify({
        baseDigest,
        decisive,
        VERSION: version/* VERSION */.x,
        snapshot: 2,
        scope: (0,pip_cache/* pipCacheScope */.cv)(env, event),
    }))
        .digest('hex')}`;
}
/** An earlier run's answer to exactly these inputs, where reuse is on and one is kept; else its key. */
function earlierResolution(input, deps, 
/** The base's cache key (PinnedBase.key): its registry digest, or its local image id. */
digest, say) {
    if (!deps.reuse || !deps.cache || digest === undefined)
        return {};
    // The key holds the requirements' text: a file pip fetches from a URL can change without it.
    if ((0,parse/* remoteIncludes */.Ms)((0,resolve_input/* pipReadText */.xW)(input)).length > 0) {
        say('not reusing an earlier resolution: the requirements include a file from a URL (-r/-c https://...), which can change without them changing');
        return {};
    }
    const key = resolutionKey(digest, input, deps.env, deps.event);
    const hit = (0,snapshot_cache/* cachedJson */.Bm)(deps.cache, key, result/* ResolveOutputSchema */.fj)?.value;
    if (hit === undefined)
        return { key };
    say(`reused the resolution of identical inputs (base ${digest.slice(0, 19)})`);
    return { key, hit };
}

;// CONCATENATED MODULE: ./src/resolve/resolve.ts























const STEP_OF = {
    [NAIVE.report]: 'plain dry run',
    [HELD.report]: 'held dry run',
    'relaxed.json': 'relax',
    // The release (steps/release.ts) tries the held run once more, as the relax step does.
    'released.json': 'relax',
};
async function resolveAgainstBase(input, deps) {
    const t0 = Date.now();
    const { env } = deps;
    const limitMs = (0,exec_limit/* resolveTimeoutMs */.Cf)(env);
    const progress = deps.progress ?? (() => undefined);
    const say = (line) => progress(`resolve ${input.platform}: ${line}`);
    const times = new StepTimes();
    const netrc = (0,resolve_input/* runIndexes */.Q8)(input);
    (0,indexes/* warnKeptLogins */.NB)(netrc.kept, progress);
    const pinned = await times.time('container start', () => timedPin(deps.docker, input, deps, times));
    if (pinned.note !== undefined)
        say(pinned.note);
    const earlier = earlierResolution(input, deps, pinned.key, say);
    // Its time is this run's (the lookup), not the earlier run's that made it.
    if (earlier.hit !== undefined) {
        // Checked as a new one is (finished): an earlier version may have kept what this one refuses.
        const hit = earlier.hit.resolution;
        const torch = torchLabelProblem(input, hit.resolved?.install ?? hit.naive.install, input.requirements.requirements ?? []);
        if (torch !== undefined)
            throw torch;
        return { ...earlier.hit, resolution: { ...hit, durationMs: Date.now() - t0 } };
    }
    const { session, volume, network } = await openSession(input, deps, { pinned, env, limitMs, times, say });
    const first = (0,resolve_input/* preinstalled */.kl)(input);
    const userConstraints = (0,resolve_input/* userConstraintsText */.X9)(input);
    // Every dry run: what the build installs first, and the requirements' own -c files (as one).
    const firstArgs = [
        ...(0,resolve_input/* preinstalledArgs */.Ze)(input, `${workdir/* DIR */.q6}/${PREINSTALLED_FILE}`),
        ...(userConstraints !== '' ? ['-c', `${workdir/* DIR */.q6}/${workdir/* USER_CONSTRAINTS_FILE */.Mh}`] : []),
    ];
    try {
        const ws = pipWorkspace(session, {
            image: input.image,
            pipEnv: (0,resolve_input/* pipRunEnv */["if"])(input),
            // The build's torch step, before the requirements (cpu and cuda templates): asked for too.
            // And the build's constraints hold the -c files' lines (withUserConstraints): so do these.
            ...(firstArgs.length > 0 && { preinstalled: firstArgs }),
            // The torch index, after the requirements: their --index-url line would drop it otherwise.
            after: (0,resolve_input/* torchIndexArgs */._R)(input, `${workdir/* DIR */.q6}/${TORCH_INDEX_FILE}`),
            mask: (0,resolve_input/* pipOutputMask */.lH)(input, (0,workdir/* proxyEnv */.cS)(env)),
            // An engine in a VM (Docker Desktop, colima): its host network misses this machine's loopback.
            failure: {
                ...(0,resolve_input/* failureContext */.u2)(input),
                network,
                engineVm: network === 'host' ? (0,network_lookup/* engineVm */.Mo)(input, env) : undefined,
            },
            // The reason says what failed: the index (pip logged how), or no versions of a project found.
            onRetry: (reason) => say(`${reason}; trying once more`),
            ...(volume !== undefined && { pipCache: pip_cache/* PIP_CACHE_DIR */.nC }),
            onAttempt: (report, a, wallMs) => {
                const step = STEP_OF[report];
                const held = a.held?.seconds;
                const inside = (a.snapshotSeconds ?? 0) + a.seconds.analysis + (held ? held.pip + held.analysis : 0);
                if (a.snapshotSeconds !== undefined)
                    times.add('snapshot', a.snapshotSeconds, 'same process');
                if (step !== undefined)
                    times.add(step, Math.max(0, wallMs / 1000 - inside));
                if (held)
                    times.add('held dry run', held.pip, 'same process');
                times.add('analysis', a.seconds.analysis + (held?.analysis ?? 0));
            },
        });
        const snapshotOptions = {
            image: input.image,
            platform: input.platform,
            requirementsText: input.requirements.text,
            preinstalled: first,
            ...(userConstraints !== '' && { userConstraints }),
            ...(netrc.netrc !== '' && { netrc: netrc.netrc }),
            ...(deps.cache !== undefined && { cache: deps.cache }),
            ...(pinned.key !== undefined && { digest: pinned.key }),
            say,
        };
        const { answer, base } = await answerFor(ws, input, snapshotOptions, times);
        const out = finished(answer, base, input, t0);
        // Only a finished answer is kept: a conflict is worth re-checking next time.
        if (earlier.key !== undefined && out.resolution.status !== 'conflict')
            deps.cache?.set(earlier.key, JSON.stringify(out));
        return out;
    }
    finally {
        // Also after a command ran past its limit: removing the container stops what still runs in it.
        await times.time('container stop', () => session.close());
        if (deps.verbose)
            say(times.line(Date.now() - t0));
    }
}
/**
 * The steps' ANSWER as the stage hands it on: the build's constraints with the requirements' own
 * -c lines, the options that name those lines, the hazards (the steps' own, a base package no pin
 * could hold, then the table's), the constraints' digest, the duration and the explanation.
 */
function finished(answer, base, input, t0) {
    const install = answer.resolution.resolved?.install ?? answer.resolution.naive.install;
    // A torch the build's torch step cannot install: stopped here, not at every build.
    const torch = torchLabelProblem(input, install, input.requirements.requirements ?? []);
    if (torch !== undefined)
        throw torch;
    const constraints = (0,resolve_input/* withUserConstraints */.yj)(answer.constraints, input);
    const own = withOwnConstraintOptions(answer.resolution, input, base.basePins, base.snap.environment);
    const resolution = {
        ...own,
        // What provenance names the build's constraints by, when attest runs in another job.
        constraints: { ...own.constraints, sha256: sha256Hex(constraints) },
        hazards: [
            ...answer.resolution.hazards,
            ...findHazards({
                snapshot: base.snap,
                install,
                platform: input.platform,
                ...(input.variant !== undefined && { variant: input.variant }),
            }),
        ],
        durationMs: Date.now() - t0,
    };
    return { ...answer, constraints, resolution, explanation: renderExplanation(resolution) };
}
/**
 * The base the build will use, pinned (base.ts) as far as it is needed: by the registry digest when
 * the build pulls; else by the local image's id when a cache (the snapshot cache, pip's cache
 * volume) needs a key. Its lookup time is noted on the line.
 */
async function timedPin(docker, input, deps, times) {
    const keyed = deps.cache !== undefined || (0,pip_cache/* pipCacheUrls */.K$)(input) !== undefined;
    const t = Date.now();
    const pinned = await pinBase(docker, input, keyed);
    if (keyed || input.pull)
        times.note('container start', `base digest lookup ${((Date.now() - t) / 1000).toFixed(2)}s`);
    return pinned;
}
/**
 * The resolver's container: the pinned base, hardened (sessions.ts), on the network the inputs
 * need (network-lookup.ts), with pip's cache volume of this base; every command in it limited to
 * limitMs, and the container itself to as many limits as a resolve can run commands. A pull the
 * registry refuses is exit 3 with the fix (basePullError), and so is a local list run by its ID that
 * lacks the platform's content (the engine's "No such image").
 */
async function openSession(input, deps, o) {
    const volume = o.pinned.key !== undefined
        ? (0,pip_cache/* pipCacheVolume */.KL)(input, {
            base: o.pinned.key,
            scope: (0,pip_cache/* pipCacheScope */.cv)(o.env, deps.event),
        })
        : undefined;
    const net = input.network !== undefined
        ? { network: input.network }
        : await (0,network_lookup/* chooseNetwork */.mX)(input, undefined, deps.lookupHost);
    if (deps.verbose)
        o.say(`container network ${net.network}${'reason' in net ? ` (${net.reason})` : ''}`);
    const commands = (0,exec_limit/* maxResolveCommands */.Tl)((0,parse/* requirementNames */.QT)(input.requirements.text).length);
    // A registry pin asks for the platform's own manifest now, when a container is needed.
    const session = await o.times.time('container start', async () => {
        const image = await runRef(o.pinned);
        return deps.docker
            .startSession({
            image,
            platform: input.platform,
            network: net.network,
            env: (0,workdir/* sessionEnv */.Gn)(o.env),
            labels: { 'io.github.ml-image-action.stage': 'resolve' },
            deadlineMs: (0,exec_limit/* sessionDeadlineMs */.p3)(o.limitMs, commands),
            idleMs: exec_limit/* SESSION_IDLE_MS */.Rt,
            ...(volume !== undefined && { volumes: [volume] }),
        })
            .catch((e) => {
            throw basePullError(e, image, input.platform, input.image);
        });
    });
    return { session: (0,exec_limit/* withExecLimit */.j)(session, o.limitMs, input), volume, network: net.network };
}
/**
 * Like BuildKit's layer cache for the pip install it feeds: same base digest, requirements,
 * indexes and tool version -> the same answer, until one of them changes. An entry that does not
 * parse is a miss (resolved again, and overwritten). Requirements with a remote -r/-c include are
 * never reused nor kept (the included file can change at its URL). Only `ml-image run` reuses
 * answers (a workstation's cache, never a CI runner's shared one).
 */
/** snapshot + diagnose -> (check: explain) | hold -> relax -> release -> plan | explain. */
async function answerFor(ws, input, snapshotOptions, times) {
    const say = snapshotOptions.say;
    const cached = cachedSnapshot(snapshotOptions);
    let base = await prepareWorkspace(ws, snapshotOptions, cached);
    if (base !== undefined)
        times.add('snapshot', 0, 'cache');
    else if (cached.key !== undefined) {
        // To be cached: taken by its own command, before any of the requirements' code runs.
        base = await times.time('snapshot', () => ownSnapshot(ws, snapshotOptions, cached));
        times.note('snapshot', 'own process');
    }
    // One python process: the snapshot (when not taken yet), the plain dry run and its analysis,
    // and (with the base's pins already there, mode auto) the held run when the base must be held.
    const first = await ws.attempt(NAIVE.report, NAIVE.args, {
        env: NAIVE.env,
        snapshot: base === undefined,
        held: base !== undefined && input.mode === 'auto',
    });
    base ??= await takenSnapshot(ws, snapshotOptions, first.snapshot ?? emptyExec);
    const diagnosis = diagnosisOf(await ws.settle(first, NAIVE.report, NAIVE.args, NAIVE.env), say);
    const draft = resolutionBase(input, base, diagnosis);
    if (input.mode === 'check' || !diagnosis.naive.ok)
        return {
            base,
            answer: {
                resolution: checkedResolution(draft, diagnosis, snapshotOptions.preinstalled, requirementLines(input.requirements.text, input.requirements.origins)),
                constraints: base.basePins,
                requirements: input.requirements.text,
            },
        };
    const answer = await planOrConflict(ws, draft, {
        base,
        diagnosis,
        done: first.held,
        text: input.requirements.text,
        origins: input.requirements.origins,
        requested: (0,parse/* requirementNames */.QT)(input.requirements.text),
        preinstalled: snapshotOptions.preinstalled ?? [],
        ownPins: ownExactPins(input.requirements.constraints),
        say,
    });
    return { base, answer };
}
/**
 * RESOLUTION with the options that name the requirements' own -c lines its conflict names first
 * (own-constraints.ts), judged against what the resolver pins itself: the base's packages (PINS)
 * and the variant's torch.
 */
function withOwnConstraintOptions(resolution, input, basePins, environment) {
    const conflict = resolution.conflict;
    if (!conflict || !input.requirements.constraints?.text)
        return resolution;
    const pins = pinsOf([...basePins.split('\n'), ...(0,resolve_input/* preinstalled */.kl)(input)]);
    const own = ownConstraintOptions(conflict.causes, input.requirements.constraints, pins, environment);
    if (own.length === 0)
        return resolution;
    return { ...resolution, conflict: { ...conflict, options: [...own, ...conflict.options] } };
}
const emptyExec = { exitCode: -1, stdout: '', stderr: 'no snapshot' };
const sha256Hex = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
function resolutionBase(input, base, diagnosis) {
    return {
        schemaVersion: result/* RESOLUTION_SCHEMA_VERSION */.wF,
        image: input.image,
        platform: input.platform,
        mode: input.mode,
        python: base.snap.python.version,
        naive: {
            install: diagnosis.analysis.install.map(({ name, version }) => ({ name, version })),
            replaces: diagnosis.analysis.replaced,
        },
        constraints: {
            pinned: base.decisions.filter((d) => d.pin).length,
            skipped: base.decisions.flatMap((d) => d.skipped !== undefined ? [{ name: d.dist.name, reason: d.skipped }] : []),
        },
    };
}


/***/ }),

/***/ 42405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ cachedJson),
/* harmony export */   JZ: () => (/* binding */ fileSnapshotCache),
/* harmony export */   o1: () => (/* binding */ snapshotKey)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20317);
// Base-image snapshots (pip inspect + constraint file + PIP_* env) cached by image digest and
// platform: a digest names exactly one set of installed packages, so the cache never goes stale.
// `ml-image run` keeps whole resolutions here too (resolutionKey). Entries are text; readers parse
// them with their schema (cachedJson), and an entry that does not parse is a miss.
//
// Who can write an entry that another run trusts. The cache is a directory of this machine's user
// ($ML_IMAGE_CACHE_DIR, else ~/.cache/ml-image; 0700, files 0600), never @actions/cache: nothing in
// it travels between runners, branches or pull requests through GitHub. On a GitHub-hosted runner
// each job starts with an empty one. On a persistent self-hosted runner the jobs of its user share
// it; a job that runs steps of its own (a pull request's workflow) can write anything there, as it
// can anywhere in that user's home, and no format of an entry would stop it: such runners must not
// run untrusted pull requests beside the default branch (workflows/native-matrix.yml says so).
// Through this tool's own inputs (a pull request's config, requirements and base image) an entry
// under a digest holds only what that digest ships: the resolver's container runs the base by its
// digest (base.ts: never a local image that merely carries the tag), and the snapshot kept is taken
// by its own command before any of the requirements' code runs (steps/snapshot.ts ownSnapshot).
// A resolution (`ml-image run` only) is keyed by the digest and every input that decides it.



function snapshotKey(digest, platform) {
    return `${digest.replace(/[^a-z0-9]+/gi, '-')}-${platform.replace(/\//g, '-')}`;
}
function fileSnapshotCache(dir) {
    const file = (key) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'snapshots', `${key}.json`);
    return {
        get(key) {
            try {
                return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file(key), 'utf8');
            }
            catch {
                return undefined;
            }
        },
        set(key, value) {
            // Write then rename: a reader never sees half a file, even with concurrent jobs.
            try {
                // Private to the user all the same: a resolution holds the requirements text as written,
                // a credential only by its ${NAME} (one written literally is refused when they are read).
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file(key)), { recursive: true, mode: 0o700 });
                (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(file(key), value, file(key), false, 0o600);
            }
            catch {
                // A cache that cannot be written only costs speed; no half-written file stays in it.
            }
        },
    };
}
/** A cache entry parsed with its schema; a missing, unreadable or outdated entry is a miss. */
function cachedJson(cache, key, schema) {
    const text = key !== undefined ? cache?.get(key) : undefined;
    if (text === undefined)
        return undefined;
    try {
        const parsed = schema.safeParse(JSON.parse(text));
        return parsed.success ? { text, value: parsed.data } : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 50810:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dx: () => (/* binding */ referencedEnv),
/* harmony export */   Er: () => (/* binding */ resolvedKey),
/* harmony export */   wr: () => (/* binding */ runResolveStage)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _python_indexes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3788);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93321);
/* harmony import */ var _network_lookup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80393);
/* harmony import */ var _network_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(63926);
/* harmony import */ var _requirements_references_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32780);
/* harmony import */ var _requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(46496);







const resolvedKey = (variant, platform) => `${variant}/${platform}`;
async function runResolveStage(plan, config, baseDir, deps) {
    const mode = config.resolve.mode;
    if (mode === 'off' || config.python.requirements.length === 0)
        return {};
    const { env } = deps;
    // Lines are checked with only build.secrets filled in: the others are refused just below.
    const requirements = (0,_requirements_references_js__WEBPACK_IMPORTED_MODULE_5__/* .readListedRequirements */ .c)(config.python.requirements, config.build.secrets, baseDir, env);
    const indexes = (0,_python_indexes_js__WEBPACK_IMPORTED_MODULE_1__/* .pipIndexes */ .iP)(config.python, env);
    const pipEnv = referencedEnv(requirements.envReferences, env);
    const targets = [];
    for (const v of plan.variants) {
        // plan-check.ts refuses hashed requirements only for the variants dry-run here: one predicate.
        if (!(0,_requirements_plan_check_js__WEBPACK_IMPORTED_MODULE_6__/* .resolverDryRuns */ .ci)(v, mode)) {
            // nvidia/cuda carries no Python: requirements install into a fresh environment next to torch.
            deps.progress(`resolve ${v.name}: skipped (${v.base.ref} has no Python packages to conflict with)`);
            continue;
        }
        for (const platform of v.platforms) {
            const input = {
                image: v.base.ref,
                platform,
                requirements,
                indexes,
                pipEnv,
                mode,
                // The base the build starts from (base.ts): the registry's when it pulls, else this engine's.
                ...((config.build.pull || deps.registryBase === true) && { pull: true }),
                variant: {
                    ...(v.cuda && { cuda: v.cuda.version }),
                    // The build installs torch==version from that index first: the resolver asks for it too.
                    ...(v.torch?.indexUrl && { torchIndexUrl: v.torch.indexUrl, torchVersion: v.torch.version }),
                },
            };
            // bridge unless the build itself uses the host's network or pip must reach this machine's
            // loopback (network.ts), a host name this machine resolves to it included (network-lookup.ts).
            const { network, reason } = await (0,_network_lookup_js__WEBPACK_IMPORTED_MODULE_3__/* .chooseNetwork */ .mX)(input, config.build.network, deps.lookupHost);
            targets.push({
                id: `${v.name} ${platform}`,
                key: resolvedKey(v.name, platform),
                input,
                network,
                reason,
            });
        }
    }
    // Every target's, before any container starts.
    for (const t of targets)
        checkBuildReach(t, config.build.network, deps);
    const resolved = {};
    for (const t of targets)
        resolved[t.key] = await resolveTarget(t, mode, deps);
    return resolved;
}
/**
 * The build's RUN steps reach this machine's loopback only on the host's network: where pip must
 * reach it (a literal localhost, 127.0.0.0/8 or ::1 URL) and build.network is not host, the
 * resolver would pass and the build's pip be refused (five retries, then what reads as a
 * conflict): exit 2. Only a warning where no build of dockerd's own follows (`--stages
 * plan,resolve`; a docker-container builder, which may run on the host's network itself), or where
 * the loopback is a name this machine resolves (the build may map it: add-hosts).
 */
function checkBuildReach(t, buildNetwork, deps) {
    if (t.network !== 'host' || buildNetwork === 'host')
        return;
    const what = `resolve ${t.id}: ${t.reason}; the build's RUN steps reach it only on the host's network (build.network is ${buildNetwork ?? 'default'})`;
    const fix = "set build.network: host in the config (the bundled example does, for the test bed's index); an engine in a VM (Docker Desktop, colima) has its own loopback: name the index by host.docker.internal:PORT there";
    if (deps.buildFollows === false || deps.registryBase === true || (0,_network_js__WEBPACK_IMPORTED_MODULE_4__/* .loopbackUrl */ .xW)(t.input) === undefined)
        deps.progress(`warning: ${what} (fix: ${fix})`);
    else
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(what, fix);
}
/** TARGET resolved, its moves and hazards said; a conflict (or, in check mode, any change) stops the stage. */
async function resolveTarget(t, mode, deps) {
    const out = await (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveAgainstBase */ .f)({ ...t.input, network: t.network }, deps);
    const r = out.resolution;
    for (const m of r.resolved?.moved ?? [])
        deps.progress(`resolve ${t.id}: ${m.name} ${m.naive} -> ${m.resolved}, ${m.reason}`);
    for (const h of r.hazards)
        deps.progress(`warning: ${t.id}: ${h.message} (fix: ${h.fix})`);
    if (r.status === 'conflict' || (mode === 'check' && r.status !== 'clean')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckFailedError */ .CO(`resolve ${t.id}: ${r.status === 'conflict' ? 'a conflict with the base image' : 'the requirements would change the base image'}\n${out.explanation}`, mode === 'check' ? 'fix the requirements, or use resolve mode "auto"' : 'pick one of the options above');
    }
    deps.progress(`resolve ${t.id}: ${r.status} in ${(r.durationMs / 1000).toFixed(1)}s`);
    return out;
}
/** The variables requirement lines reference as ${NAME}, for pip's environment (never argv). */
function referencedEnv(names, env) {
    return Object.fromEntries(names.flatMap((n) => (env[n] !== undefined ? [[n, env[n]]] : [])));
}


/***/ }),

/***/ 9364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ defaultCacheDir)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// The root of every cache of this machine's user: the resolver's snapshots and resolutions, the
// build's builders, `ml-image run`'s baselines. Its callers (the CLI, the action) pass it on.


/** A variable's value, undefined when it is unset or blank (`${{ vars.X }}` of an unset X is ''). */
const given = (v) => (v === undefined || v.trim() === '' ? undefined : v);
/**
 * $ML_IMAGE_CACHE_DIR (relative to CWD), else $XDG_CACHE_HOME/ml-image, else ~/.cache/ml-image:
 * always absolute. A blank variable is unset: the cache would otherwise be the working folder
 * (snapshots/, builders/, baselines/ beside the user's files). A relative XDG_CACHE_HOME is
 * ignored, as the XDG Base Directory spec says.
 */
function defaultCacheDir(env, cwd) {
    const own = given(env.ML_IMAGE_CACHE_DIR);
    if (own !== undefined)
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, own);
    const xdg = given(env.XDG_CACHE_HOME);
    const root = xdg !== undefined && node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(xdg) ? xdg : node_path__WEBPACK_IMPORTED_MODULE_1___default().join((0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), '.cache');
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, root, 'ml-image');
}


/***/ })

};
