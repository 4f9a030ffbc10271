export const id = 153;
export const ids = [153];
export const modules = {

/***/ 29476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pe: () => (/* binding */ forgetFiles),
/* harmony export */   fx: () => (/* binding */ ATTEST_RESULT_SCHEMA_VERSION),
/* harmony export */   pC: () => (/* binding */ KIND_TYPES),
/* harmony export */   uv: () => (/* binding */ AttestResultSchema)
/* harmony export */ });
/* unused harmony exports SLSA_PROVENANCE_V1, AttestationSchema, AttestTargetSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _config_attest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92945);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79124);
// attest.json: what the attest stage attached to each pushed platform digest, and how it signed.
// The report reads it (what was attested and signed, and the verify command for each digest).



const ATTEST_RESULT_SCHEMA_VERSION = 1;
/** https://slsa.dev/spec/v1.0/provenance: the predicate type of the provenance attestation. */
const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
/**
 * The in-toto predicate type and cosign --type of each attestation kind (attach and verify). Here,
 * beside the schema, and not with the predicate builders: the fork-safe poster needs the types only.
 */
const KIND_TYPES = {
    sbom: { predicateType: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .CYCLONEDX_PREDICATE_TYPE */ .nv, cosignType: 'cyclonedx' },
    provenance: { predicateType: SLSA_PROVENANCE_V1, cosignType: 'slsaprovenance1' },
    smoke: { predicateType: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .SMOKE_PREDICATE_TYPE */ .FC, cosignType: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .SMOKE_PREDICATE_TYPE */ .FC },
};
const AttestationSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(_config_attest_js__WEBPACK_IMPORTED_MODULE_0__/* .ATTESTATION_KINDS */ .r1),
    /** The in-toto predicate type (what `cosign verify-attestation --type` takes). */
    predicateType: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    /** The predicate as written in the result directory (relative to it). */
    file: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    /** Attached to the image, signed (false: written here only). */
    attached: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
    /** The exact `cosign verify-attestation` command that checks it (attached ones only). */
    verify: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    /** The signed DSSE envelope as attached, in the result directory (the built-in signer's). */
    envelope: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    /** The SBOM as SPDX 2.3 JSON in the result directory (attest.spdx), not attached. */
    spdx: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
});
const AttestTargetSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    variant: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    platform: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    /** repository@sha256:... of the platform image. */
    ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    attestations: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(AttestationSchema),
    /** The image signature itself (cosign sign). */
    signed: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
    /** What could not be made or attached, one line each (e.g. no smoke result in this job). */
    notes: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()),
});
const AttestResultSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(ATTEST_RESULT_SCHEMA_VERSION),
    signing: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
        /** key / keyless, or none: nothing was signed (reason says why). */
        mode: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['key', 'keyless', 'none']),
        reason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        tlog: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY(),
        /** What `cosign verify` needs to check these: the public key hint or the keyless identity. */
        verifyHint: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    }),
    targets: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(AttestTargetSchema),
    /** The error that stopped attaching (exit 3: the registry went away), after what was done. */
    error: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
});
/**
 * TARGET no longer naming FILES (relative to the result directory), whose writes failed (a signal
 * removed them before they landed, no room): an attestation whose predicate one was goes, unless
 * it was attached all the same (the built-in signer signs the predicate's text, not its copy here:
 * it stays, with a note); an envelope or SPDX copy is no longer named.
 */
function forgetFiles(target, files) {
    if (files.size === 0)
        return;
    target.attestations = target.attestations.filter((a) => a.attached || !files.has(a.file));
    for (const a of target.attestations) {
        if (files.has(a.file))
            target.notes.push(`${a.kind}: attached, but its copy ${a.file} was not written`);
        if (a.envelope !== undefined && files.has(a.envelope))
            delete a.envelope;
        if (a.spdx !== undefined && files.has(a.spdx))
            delete a.spdx;
    }
}


/***/ }),

/***/ 79124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FC: () => (/* binding */ SMOKE_PREDICATE_TYPE),
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   lH: () => (/* binding */ TOOL_NAME),
/* harmony export */   nv: () => (/* binding */ CYCLONEDX_PREDICATE_TYPE),
/* harmony export */   wE: () => (/* binding */ scrubDeep)
/* harmony export */ });
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38287);
// What the attestations share: the predicate types, the tool's name, digests, and the one scrubbing
// pass every attestation goes through before it leaves. The in-toto statement that wraps each
// predicate is the signer's (cosign-key.ts inTotoStatement: Statement/v0.1, as cosign writes it).

/** The predicate type cosign and in-toto use for a CycloneDX SBOM. */
const CYCLONEDX_PREDICATE_TYPE = 'https://cyclonedx.org/bom';
/** Our own predicate type: a smoke-test run (docs/attestations/smoke-v1.schema.json). */
const SMOKE_PREDICATE_TYPE = 'https://ml-image-action.github.io/attestations/smoke/v1';
const TOOL_NAME = 'ml-image-action';
/** "sha256:<64 hex>" (or the bare hex) -> the lowercase hex; anything else -> undefined. */
function sha256Hex(digest) {
    const m = /^(?:sha256:)?([0-9a-fA-F]{64})$/.exec(digest ?? '');
    return m ? m[1].toLowerCase() : undefined;
}
/** Whole strings that look like secrets replaced (redactDeep), except the KEEP ones. */
function secretsDeep(value, keep) {
    if (typeof value === 'string')
        return keep.has(value) ? value : (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactDeep */ .KL)(value);
    if (Array.isArray(value))
        return value.map((v) => secretsDeep(v, keep));
    if (value !== null && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secretsDeep(v, keep)]));
    return value;
}
/**
 * Every string of an attestation, scrubbed: tokens and URL credentials masked in place
 * (redactText), then any string that still looks like a secret as a whole replaced (redactDeep).
 * Digests (hex) and image references are left as they are, and so are the KEEP strings: names
 * from the config (a variant, a test, a file path), which the whole-value test would take for
 * tokens when they are long (`cuda12-torch27-py311-ubuntu2204-flashattn2-devel`). They are still
 * masked in place like every string.
 */
function scrubDeep(value, keep = []) {
    return secretsDeep((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactTextDeep */ .Fo)(value), new Set(keep));
}


/***/ }),

/***/ 92945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Td: () => (/* binding */ AttestConfigSchema),
/* harmony export */   r1: () => (/* binding */ ATTESTATION_KINDS)
/* harmony export */ });
/* unused harmony export SIGN_MODES */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88532);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(11012);
/* harmony import */ var _unique_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(85363);
// The `attest` block of ml-image.yml: which attestations each pushed platform digest carries and
// how they are signed (issue "Supply chain"). Its own file so that schema.ts stays one screenful
// per block.



const ATTESTATION_KINDS = ['sbom', 'provenance', 'smoke'];
const SIGN_MODES = ['auto', 'key', 'keyless', 'off'];
const EXPECTED_KINDS = `expected some of ${ATTESTATION_KINDS.join(', ')}`;
/**
 * attest.types as a list: "sbom, provenance" split, `none` (the only way an action input can say
 * "no attestations") none. A name in such a string that is no kind is said here, by its text: the
 * list's own issues would point at an item of a string, which holds nothing.
 */
function typesList(v, ctx) {
    const list = typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v;
    if (Array.isArray(list) && list.length === 1 && list[0] === 'none')
        return [];
    if (typeof v !== 'string' || !Array.isArray(list))
        return list;
    const unknown = list.filter((x) => !ATTESTATION_KINDS.includes(x));
    for (const name of unknown)
        ctx.addIssue({
            code: 'custom',
            input: v,
            message: `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(name)} is no attestation type: ${EXPECTED_KINDS} (or none)`,
        });
    return unknown.length > 0 ? zod__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm : list;
}
const AttestConfigSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    types: zod__WEBPACK_IMPORTED_MODULE_2__/* .preprocess */ .vkY(typesList, zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(ATTESTATION_KINDS), { error: EXPECTED_KINDS })
        .superRefine((0,_unique_js__WEBPACK_IMPORTED_MODULE_3__/* .eachOnce */ .B)('attestation type')))
        .default([...ATTESTATION_KINDS])
        .describe('Attestations for each pushed platform digest: `sbom` (CycloneDX 1.6), `provenance` (SLSA v1), `smoke` (the smoke results). `none` or `[]`: none. Each named once.'),
    sign: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(SIGN_MODES)
        .default('auto')
        .describe('How to sign with cosign. `auto`: the `key` file when set, else keyless in GitHub Actions with `id-token: write` (cosign on PATH, `tlog` not false), else the key in `COSIGN_KEY`, else unsigned (said in the log and the report). `key`, `keyless`: only that way. `off`: never.'),
    key: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .min(1, { error: 'expected a file path' })
        .optional()
        .describe('Private key file for `sign: key` (relative to the config file; keep it outside the repository and the build context, e.g. a fixed path on a self-hosted runner); its password in `COSIGN_PASSWORD`. Default: the key in `COSIGN_KEY` (its text: the way on GitHub-hosted runners).'),
    spdx: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
        .default(false)
        .describe('Also write each SBOM as SPDX 2.3 JSON in the result directory, beside the CycloneDX one (`attest/<variant>-<arch>.sbom.spdx.json`, named in attest.json). Not attached: the CycloneDX SBOM is the signed one.'),
    tlog: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
        .optional()
        .describe('Upload key-signed entries to the public Rekor transparency log. Default: on for keyless (required), off for a key (a private image name stays private).'),
})
    .prefault({})
    .describe('Signed SBOM, provenance and smoke attestations (cosign).');


/***/ }),

/***/ 15063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   Qh: () => (/* binding */ archOf),
/* harmony export */   sb: () => (/* binding */ sameMachine)
/* harmony export */ });
function archOf(platform) {
    return platform.split('/')[1];
}
/**
 * An architecture and variant as containerd's platforms.Normalize spells them (its database.go):
 * x86_64 and x86-64 are amd64 (v1 its default), aarch64 is arm64 (8, v8 and v8.0 its default; 9
 * and 9.0 are v9), armhf is arm/v7 and armel arm/v6, arm without a variant is arm/v7 (5, 6, 7, 8
 * are v5...v8), i386 is 386.
 */
function normalizeArch(arch, variant) {
    switch (arch) {
        case 'i386':
            return ['386', ''];
        case 'x86_64':
        case 'x86-64':
        case 'amd64':
            return ['amd64', variant === 'v1' ? '' : variant];
        case 'aarch64':
        case 'arm64':
            if (['8', 'v8', 'v8.0'].includes(variant))
                return ['arm64', ''];
            return ['arm64', ['9', '9.0', 'v9.0'].includes(variant) ? 'v9' : variant];
        case 'armhf':
            return ['arm', 'v7'];
        case 'armel':
            return ['arm', 'v6'];
        case 'arm':
            if (variant === '' || variant === '7')
                return ['arm', 'v7'];
            return ['arm', ['5', '6', '8'].includes(variant) ? `v${variant}` : variant];
        default:
            return [arch, variant];
    }
}
/**
 * A platform as containerd compares them (platforms.Normalize): lower case, macos is darwin, and
 * the architecture and variant as normalizeArch has them (linux/arm64/v8 and linux/aarch64 are
 * linux/arm64). An empty OS stays empty: containerd takes it for the host's, so it matches any.
 */
function normalizePlatform(platform) {
    const [rawOs = '', rawArch = '', rawVariant = ''] = platform.toLowerCase().split('/');
    const os = rawOs === 'macos' ? 'darwin' : rawOs;
    const [arch, variant] = normalizeArch(rawArch, rawVariant);
    return variant === '' ? `${os}/${arch}` : `${os}/${arch}/${variant}`;
}
/**
 * Whether A and B are the same machine: the same OS and architecture once normalized, whatever the
 * variant (linux/arm64/v8 and linux/aarch64 are linux/arm64; linux/amd64/v3 runs on linux/amd64).
 * The smoke stage asks it of a target and the engine's platform: another machine runs emulated.
 */
function sameMachine(a, b) {
    const osArch = (p) => normalizePlatform(p).split('/').slice(0, 2).join('/');
    return osArch(a) === osArch(b);
}


/***/ }),

/***/ 85363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ eachOnce)
/* harmony export */ });
/**
 * A superRefine for such a list: an issue at each entry that repeats an earlier one, "duplicate
 * WHAT "x"" (so `platforms[1]: duplicate platform "linux/amd64"`).
 */
function eachOnce(what) {
    return (list, ctx) => {
        list.forEach((x, i) => {
            if (list.indexOf(x) !== i)
                ctx.addIssue({ code: 'custom', path: [i], message: `duplicate ${what} "${x}"` });
        });
    };
}


/***/ }),

/***/ 4148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   At: () => (/* binding */ RESERVED_MAP_KEY),
/* harmony export */   ER: () => (/* binding */ RESERVED_MAP_KEY_PROBLEM),
/* harmony export */   oX: () => (/* binding */ userMap)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
// A mapping whose keys the user writes (build.args, build.mirrors, a custom test's env and labels).
// zod's record skips a `__proto__` key without a word (copying it would replace the result's
// prototype), so the entry would vanish from the config: refused here instead, by name and line.

/** The key a JavaScript object cannot hold as an entry of its own once copied. */
const RESERVED_MAP_KEY = '__proto__';
/** What a refused `__proto__` key is told. */
const RESERVED_MAP_KEY_PROBLEM = `"${RESERVED_MAP_KEY}" cannot be a key here (JavaScript reserves the name: the entry would be dropped without a word); rename it`;
/** z.record(key, value), refusing a `__proto__` key (named at its path) before the record drops it. */
function userMap(key, value) {
    return zod__WEBPACK_IMPORTED_MODULE_0__/* .preprocess */ .vkY((input, ctx) => {
        if (input !== null && typeof input === 'object' && Object.hasOwn(input, RESERVED_MAP_KEY))
            ctx.issues.push({
                code: 'custom',
                path: [RESERVED_MAP_KEY],
                input: RESERVED_MAP_KEY,
                message: RESERVED_MAP_KEY_PROBLEM,
            });
        return input;
    }, zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(key, value));
}


/***/ }),

/***/ 14031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* reexport safe */ _util_text_js__WEBPACK_IMPORTED_MODULE_2__.$Q),
/* harmony export */   Hg: () => (/* binding */ mermaidText),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   YO: () => (/* reexport safe */ _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__.YO),
/* harmony export */   m9: () => (/* binding */ changeName),
/* harmony export */   md: () => (/* reexport safe */ _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__.md),
/* harmony export */   oZ: () => (/* binding */ packageName),
/* harmony export */   qy: () => (/* reexport safe */ _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__.qy),
/* harmony export */   s8: () => (/* binding */ markerKey),
/* harmony export */   xs: () => (/* reexport safe */ _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__.xs)
/* harmony export */ });
/* harmony import */ var _util_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17183);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38287);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
// Where the report makes untrusted text safe for GitHub Markdown (PR comments, job summaries).
// Every value from a record, smoke result, resolver or model goes through md() or html() at render
// time; the renderer's own template text never contains user data unescaped. md() and html() are
// src/util/markdown.ts's (which the resolver's explanation.md also uses), re-exported here.





/**
 * A link target: only http(s) URLs, percent-encoded so that nothing in them can end the Markdown
 * link or open HTML. Anything else is dropped (null).
 */
function safeUrl(url) {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return null;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        return null;
    // Credentials in a URL are a secret: never printed.
    u.username = '';
    u.password = '';
    return u.href.replace(/[()<>"'`\s|[\]\\@]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
/**
 * A package's name as the report shows it: every character outside ASCII as an escape
 * (`t\u043erch`). pip (PEP 508), Debian and conda names are ASCII, so one that is not is a look-alike
 * (a Cyrillic "о" in torch, fullwidth letters) that an image made up: it must not read as the real
 * one. Then escaped as any value (md).
 */
function packageName(name) {
    return name.replace(/[^ -~\t\n\r]/gu, _util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .codePointEscape */ .BQ);
}
/**
 * A package change's name as the report shows it (packageName): with its conda environment where
 * the diff compared the name environment by environment (`numpy in /opt/conda/envs/ml`).
 */
function changeName(c) {
    return packageName(c.prefix === undefined ? c.name : `${c.name} in ${c.prefix}`);
}
/** Characters a marker key may hold; anything else becomes "_" (it lives inside an HTML comment). */
function markerKey(key, max = 160) {
    // Without < > ! the key can never end the comment it lives in.
    const clean = key.replace(/[^A-Za-z0-9._/:@,+-]/g, '_');
    if (clean.length <= max)
        return clean;
    // Long keys keep a hash of the whole so two keys with the same start stay distinct.
    return `${clean.slice(0, max - 9)}+${fnv1a(key)}`;
}
function fnv1a(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
        h ^= s.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
}
// Mermaid (charts in ```mermaid blocks): only these characters are written as they are; any other
// becomes a Mermaid entity code, `#<decimal code point>;`, which Mermaid turns back into the
// character when it draws (its encodeEntities/decodeEntities). So no value can end a quoted label
// (`"`), start a comment or a directive (`%%`, `%%{init}%%`), separate statements (`;`, a newline),
// be taken for an entity of its own (`#`), open a Markdown string (a backtick, which could also
// end the fenced block) or carry HTML (`<`).
const MERMAID_SAFE = /^[A-Za-z0-9 .,_+\-/()]$/u;
/**
 * Text for a Mermaid label or title (always written inside double quotes, or as a pie title to
 * the end of its line): secrets masked first (redactText, as md() and html() do: a cut could end a
 * token before its pattern does), control characters removed, bidirectional overrides replaced, line breaks
 * and tabs as single spaces, clipped to max characters, every character outside
 * [A-Za-z0-9 .,_+-/()] as `#<code point>;`. Never empty (an empty label reads as "?").
 */
function mermaidText(text, max = 80) {
    const plain = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)((0,_util_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .stripUnsafe */ .P4)((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(String(text)))
        .replace(/[\s\u2028\u2029]+/gu, ' ')
        .trim(), max);
    let out = '';
    for (const ch of plain)
        out += MERMAID_SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
    return out === '' ? '?' : out;
}


/***/ }),

/***/ 17183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P4: () => (/* binding */ stripUnsafe),
/* harmony export */   YO: () => (/* binding */ mdLine),
/* harmony export */   d6: () => (/* binding */ codeFence),
/* harmony export */   md: () => (/* binding */ md),
/* harmony export */   qy: () => (/* binding */ html),
/* harmony export */   xs: () => (/* binding */ mdCode)
/* harmony export */ });
/* harmony import */ var he__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61528);
/* harmony import */ var he__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(he__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38287);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
// Untrusted text made safe for Markdown: md() and html() for GitHub (PR comments, job summaries;
// src/report/escape.ts re-exports them), stripUnsafe() and codeFence() also for the resolver's
// explanation.md, which is read in a terminal first. Here, in src/util/, because both stages use it.



/**
 * Word joiner after `@` and `#`: GitHub's mention (`@user`, `@org/team`) and reference (`#12`,
 * `owner/repo#12`, `GH-12`) filters need the next character to be a word character, and the text
 * still reads the same. Renovate does the same with a zero-width space.
 */
const JOINER = '\u2060';
// Bidirectional overrides can make a row display something other than what it holds.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
// C1 too (U+0080-U+009F: U+009B is a terminal's one-character CSI), as C0 and DEL.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const NEWLINES = /\r\n|[\r\n\u2028\u2029]/g;
// Half a surrogate pair: no character at all, so a body holding one is not well-formed Unicode
// (GitHub may refuse it, or store U+FFFD and the comment never matches what was posted).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Characters that draw nothing: format characters (zero-width space and joiners, the soft hyphen,
// word joiner, tag characters; the bidi ones are handled above), the combining grapheme joiner and
// the Hangul fillers, and the variation selectors (U+FE00-FE0F, U+E0100-E01EF, Mongolian's
// U+180B-180D: marks, not format characters). In a name they make "tor\u200bch" or "torch\ufe0f"
// look like torch: they are shown as escapes.
const INVISIBLE = new RegExp(`\\p{Cf}|${_text_js__WEBPACK_IMPORTED_MODULE_2__/* .INVISIBLE_MARKS */ .hc}`, 'gu');
/**
 * Control characters removed, bidirectional overrides and lone surrogates replaced (U+FFFD),
 * invisible characters written as escapes (\u200b): what every escaper starts with.
 */
function stripUnsafe(text) {
    return text
        .replace(LONE_SURROGATE, '\ufffd')
        .replace(CONTROL, '')
        .replace(BIDI, '\ufffd')
        .replace(INVISIBLE, _text_js__WEBPACK_IMPORTED_MODULE_2__/* .codePointEscape */ .BQ);
}
function neutralise(text) {
    return (stripUnsafe(text)
        .replace(/@/g, `@${JOINER}`)
        // Also before a line break: the break becomes <br>, and the text around it one line.
        // One class, no alternation: `\r\n` as one break or two made 2^N ways to fail on N of them.
        .replace(/#(?=[\r\n\u2028\u2029]*[0-9])/g, `#${JOINER}`)
        .replace(/\b(gh)-(?=[0-9])/gi, `$1${JOINER}-`)
        // GitHub autolinks bare `http://`, `https://` and `www.` text (a package named by a URL would
        // be a live link): a joiner inside the scheme keeps the text and breaks the link.
        // Tried only where a run of scheme characters begins (linear: from every letter of a long run
        // it was quadratic); a run that begins with a digit gets the joiner too, which shows nothing.
        .replace(/(?<![a-z0-9+.-])([a-z0-9+.-]+):(?=\/\/)/gi, `$1:${JOINER}`)
        // Every `www.`, not only after a word boundary: GitHub also autolinks `www.` right after `*`,
        // `_`, `~` and `(` (`Foo_www.evil.com`, a valid pip name, where `\b` does not match). Also a
        // bare `www` at the end: the template may put a full stop right after the value.
        .replace(/(www)(?=\.|$)/gi, `$1${JOINER}`));
}
/**
 * Text for a Markdown context: a table cell, a list item, a sentence. HTML-escaped (he: & < > " '
 * and the backtick), table pipes and link brackets as entities, emphasis characters, `$` and a
 * leading block marker backslash-escaped, newlines as <br>, mentions and references neutralised.
 * `$` because GitHub renders `$…$` and `$$…$$` as math: `\$` is the escape GitHub documents, and
 * works in table cells as in text. Never for a code span or a fenced block, where a backslash
 * shows as it is (they need no escaping: GitHub renders no math there).
 */
// Most values (package names, versions) need no escaping at all: checked once, returned as is.
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9.,:+/=-]*$/;
const NEEDS_WORK = /gh-[0-9]|^[0-9]+\.$|:\/\/|www(\.|$)/i;
function md(text, max = Infinity) {
    // Secrets masked before anything else: escaping breaks the URL a login sits in (https:⁠//),
    // and a clip could cut a token short of its pattern.
    const clipped = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(String(text)), max);
    if (PLAIN.test(clipped) && !NEEDS_WORK.test(clipped))
        return clipped;
    const s = neutralise(clipped);
    return (he__WEBPACK_IMPORTED_MODULE_0___default().escape(s)
        .replace(/[|[\]()]/g, (c) => `&#${c.charCodeAt(0)};`)
        .replace(/[\\*_~$]/g, '\\$&')
        // Block markers only matter at the start of a line (a list item's text): heading, list, rule.
        .replace(/^(#{1,6}|[+-])(?=[ \t]|$)/, '\\$1')
        .replace(/^-(?=-)/, '\\-')
        .replace(/^(\d+)\.(?=[ \t]|$)/, '$1\\.')
        .replace(NEWLINES, '<br>'));
}
/**
 * md() for a context that is one line (a branch name in a sentence, a list item): a line break
 * there is shown as ` ⏎ `, not <br>, so a value cannot seem to end its line and start one of its
 * own ("feature\u2028\u2028✅ unchanged"). Table cells keep <br> (md): a cell stays one cell.
 * Leading blanks go: after a list item's marker, four of them start a code block, and fewer would
 * hide a block marker (`  # x`) from md()'s escaping, which looks at the value's first character.
 */
function mdLine(text, max = Infinity) {
    return md(String(text)
        .replace(NEWLINES, ' \u23ce ')
        .replace(/^[ \t]+/, ''), max);
}
/** What a code span may hold as it is: one line of printable ASCII with no backtick, pipe or angle bracket. */
const CODE_SPAN_SAFE = /^[A-Za-z0-9._/:@+=,~-]+$/;
/**
 * A value to copy (an image reference, `REPO@sha256:...`) as a code span, where GitHub links no
 * mention and renders nothing: the text copied is the text shown, with no word joiner after its
 * `@` (finding: a digest copied from the comment into `ml-image verify` carried one). A value with
 * another character (a backtick could end the span) is md()'s. Secrets masked first.
 */
function mdCode(text, max = Infinity) {
    const clipped = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(String(text)), max);
    return CODE_SPAN_SAFE.test(clipped) ? `\`${clipped}\`` : md(clipped);
}
/**
 * Text inside an HTML element we emit (<summary>): Markdown is not parsed there, entities are;
 * secrets masked. A dollar is an entity too: no math delimiter is left in the source, whatever
 * reads it.
 */
function html(text, max = Infinity) {
    return he__WEBPACK_IMPORTED_MODULE_0___default().escape(neutralise((0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .clip */ .$Q)((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(String(text)), max)))
        .replace(/\$/g, '&#36;')
        .replace(NEWLINES, ' ');
}
/**
 * A fenced code block around lines that are shown as they are (pip's own output): the fence is
 * one backtick longer than the longest run of backticks in them (at least three), so no line can
 * end the block early (CommonMark: a closing fence is at least as long as the opening one).
 */
function codeFence(lines, info = '') {
    const body = lines.map((l) => stripUnsafe((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)(l))).join('\n');
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${info}\n${body}\n${fence}`;
}


/***/ })

};
