export const id = 965;
export const ids = [965];
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
    kind: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(_config_attest_js__WEBPACK_IMPORTED_MODULE_0__/* .ATTESTATION_KINDS */ .r),
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
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82513);
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
/* harmony export */   T: () => (/* binding */ AttestConfigSchema),
/* harmony export */   r: () => (/* binding */ ATTESTATION_KINDS)
/* harmony export */ });
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
    // Beside a kind, "none" was "no attestation type ... (or none)": a message against itself.
    if (Array.isArray(list) && list.length > 1 && list.includes('none')) {
        ctx.addIssue({
            code: 'custom',
            input: v,
            message: `none (no attestations) stands alone, got ${(0,_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .describeValue */ .bp)(list.join(', '))}: give none alone, or some of ${ATTESTATION_KINDS.join(', ')}`,
        });
        return zod__WEBPACK_IMPORTED_MODULE_1__/* .NEVER */ .tm;
    }
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
        .describe('Upload key-signed entries to the public Rekor transparency log. Default: on for keyless (required: `false` with `sign: keyless` is refused), off for a key (a private image name stays private).'),
})
    // Whatever the environment, keyless with the log off cannot sign (the attest stage refused it
    // only when a run got there): said by validate, at the line of tlog.
    .superRefine((a, ctx) => {
    if (a.sign === 'keyless' && a.tlog === false)
        ctx.addIssue({
            code: 'custom',
            path: ['tlog'],
            input: a.tlog,
            message: 'false with sign: keyless, whose signatures are logged in the public Rekor log: leave tlog out with keyless, or sign with a key (sign: key) to keep the log out',
        });
})
    .prefault({})
    .describe('Signed SBOM, provenance and smoke attestations (cosign).');


/***/ }),

/***/ 12239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bL: () => (/* binding */ BUILD_ARGS_FIX),
  fz: () => (/* binding */ buildArgNameProblem),
  _y: () => (/* binding */ buildArgSecretProblem),
  _G: () => (/* binding */ credentialInValue),
  vt: () => (/* binding */ templateArgIssues)
});

// UNUSED EXPORTS: PLAN_BUILD_ARGS, templateArgProblem

// EXTERNAL MODULE: ./src/requirements/credentials.ts + 1 modules
var credentials = __webpack_require__(53088);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
// EXTERNAL MODULE: ./src/util/redact-connection.ts
var redact_connection = __webpack_require__(79652);
;// CONCATENATED MODULE: ./src/util/written-credential.ts
// Whether a value writes a credential in a form of its own, by the rules that mask it in text and
// in an environment value (redact.ts, redact-connection.ts): the gate for text anyone who pulls an
// image reads (a build arg's, a label's, an annotation's value: src/config/build-args.ts) refuses
// what the logs would mask, so no such value reaches the image.


/** `=` and a word that says there is no secret, up to a value's end (; a quote, a blank, the end). */
const PLAIN_WORD_VALUE = /=(?:none|null|true|false|yes|no|on|off|0|1|empty|changeme)(?=[;"'\s]|$)/gi;
/**
 * What credential VALUE writes in a form of its own (a connection string's `Password=`/
 * `AccountKey=`, an Authorization header's credentials, an npmrc's `_authToken=`, a setting's
 * `api_key=`, a Docker config's `"auth"`, a netrc entry, `--password p`), else undefined. Names the
 * form, never the value.
 */
function writtenCredential(value) {
    // A key given a plain word (Password=none, a label's `password=none`) says there is none: as an
    // empty value, which the rule keeps.
    const words = value.replace(PLAIN_WORD_VALUE, '=');
    if ((0,redact_connection/* maskConnectionSecrets */.e)(words, [redact/* REDACTED */.XF, redact/* MASK */.v5]) !== words)
        return "a connection string's secret (Password=, Pwd=, AccountKey=, SharedAccessKey=, SharedAccessSignature=)";
    if ((0,redact_connection/* maskWrittenCredentials */.g)(words, [redact/* REDACTED */.XF, redact/* MASK */.v5]) !== words)
        return "an Authorization header's credentials";
    if (redact/* CREDENTIAL_IN_VALUE */.SE.test(value))
        return 'a credential written as a setting, an option or a config line (api_key=, --password, _authToken=, "auth":)';
    return undefined;
}

// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/config/build-args.ts




/**
 * A build-arg name that says it holds a credential or an index URL: the keys that are credentials
 * by name, also without "_" (APIKEY, HFKEY), at the name's end (SIGNING_KEY, not
 * PKG_SIGNING_KEY_URL); a password also as PWD at the end (DB_PWD, MYSQL_ROOT_PWD); PASS and PAT
 * only as words of their own. Any other `<word>_KEY`: KEY_NAME.
 */
const SECRET_ARG_NAME = new RegExp([
    'TOKEN|PASSW(?:OR)?D|PASSPHRASE|SECRET|CREDENTIAL|CREDS|INDEX_URL|NETRC|COOKIE',
    '(?:API|ACCESS|PRIVATE|SSH|SIGNING|ENCRYPTION|LICEN[CS]E|MASTER|WANDB|HF|OPENAI)_?KEY$',
    '_PWD$',
    '(?:^|_)(?:AUTH|AUTHORIZATION|PASS|PAT|SESSION(?:_?ID)?)(?:$|_)',
].join('|'), 'i');
/**
 * Any `<word>_KEY` is a credential's name too (AZURE_STORAGE_KEY, KAGGLE_KEY, NGC_KEY), as any KEY
 * is to the shared redaction rules' secretName (images/probe/redaction-rules.json), but only at
 * the name's end (SSH_KEYSCAN_HOSTS, HF_KEYWORD, NVIDIA_GPGKEY_FPR are none), and not the few
 * common ones that hold no secret (NON_SECRET_KEY_NAME).
 */
const KEY_NAME = /_KEY$/i;
/**
 * `<word>_KEY` names that hold no secret: a cache key (CCACHE_KEY, SCCACHE_KEY too), a sort key, a
 * GPG key's id (GPG_KEY, as the official Python images set it), a public key, a table's partition,
 * primary or foreign key, an object store's object key (S3_KEY, MODEL_S3_KEY), a hash, shard or
 * routing key, a model's key in a registry or hub.
 */
const NON_SECRET_KEY_NAME = new RegExp([
    'CACHE_KEY$',
    '(?:^|_)(?:SORT|GPG|PUBLIC|PUB|PARTITION|PRIMARY|FOREIGN|COMPOSITE|LOOKUP|S3|OBJECT|BLOB|BUCKET|HASH|SHARD|ROUTING|DEDUPE?|IDEMPOTENCY|MODEL)_KEY$',
].join('|'), 'i');
/**
 * Credentials by their shape the shared patterns do not hold (their message would quote the
 * value around the token, and a key block is all secret): a PEM private key block (RSA, EC,
 * OPENSSH, ENCRYPTED, PGP ...).
 */
const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
/**
 * A URL with userinfo (user:password@ or token@); `git@` (SSH's fixed user) is no secret. The
 * scheme is bounded as the shared redaction rule's is: a long value is scanned in linear time.
 */
const URL_USERINFO = /[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/(?!git@)[^\s/@]+@/;
/** What a Dockerfile's ARG (BuildKit's variable names) can be. */
const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Where a credential goes instead. */
const BUILD_ARGS_FIX = 'pass it with build.secrets (read at build time from a secret mount, never stored in the image); index URLs go in python.indexUrl / python.extraIndexUrls';
/** Why build arg NAME=VALUE is refused (a credential, by its name or value), or undefined. */
function buildArgSecretProblem(name, value) {
    const why = SECRET_ARG_NAME.test(name) || (KEY_NAME.test(name) && !NON_SECRET_KEY_NAME.test(name))
        ? 'its name says it holds a credential or an index URL'
        : credentialInValue(value);
    return why === undefined ? undefined : `${why}; build arguments are recorded in the image history`;
}
/**
 * Why VALUE (of a build arg, a label, an annotation: text anyone who pulls the image reads) holds
 * a credential: URL credentials, a token by its shape, or what the shared rules mask in a URL and
 * a requirements file may not hold literally (literalCredentials, as in a comment: a login's
 * secret, also percent-encoded; the value of a query or fragment parameter named for a secret,
 * `?token=`, `&sig=`, `X-Amz-Signature=`; an Anaconda host's `/t/<token>/`), or a credential
 * written in a form of its own that the logs mask (util/written-credential.ts: a connection
 * string's `Password=`, an Authorization header's, `api_key=`); undefined when it does not. The
 * message names what, never the value.
 */
function credentialInValue(value) {
    if (PEM_PRIVATE_KEY.test(value))
        return 'its value holds a PEM private key block';
    if (URL_USERINFO.test(value))
        return 'its value carries URL credentials (user:password@ or token@ before the host)';
    if ((0,redact/* holdsToken */.Qe)(value))
        return `its value holds a token (${(0,redact/* redactText */.Rd)(value).slice(0, 200)})`;
    const found = (0,credentials/* literalCredentials */.m)(value, false)[0];
    if (found)
        return `its value holds ${found.what}`;
    // What the logs mask by its form: the gate refuses it too, so no such value reaches the image.
    const written = writtenCredential(value);
    return written && `its value holds ${written}`;
}
/** Why NAME cannot be a build argument's name, or undefined. */
function buildArgNameProblem(name) {
    if (!ARG_NAME.test(name))
        return `${(0,util_text/* printable */.g$)(JSON.stringify(name))} is not a build argument name: letters, digits and _, not starting with a digit`;
    if (PLAN_BUILD_ARGS.has(name))
        return `${name} is set by the plan (the variant's base image, Python, torch or CUDA, which the resolver checked and the labels and attestations name): choose them in variants, not build.args`;
    return undefined;
}
/**
 * The build args the plan sets for the templates (src/plan/plan.ts buildArgsOf) and the build stage
 * adds (ML_IMAGE_INPUTS_SHA256): one in build.args would build another image than the one planned,
 * resolved against and attested (`FROM ${BASE_IMAGE}`).
 */
const PLAN_BUILD_ARGS = new Set([
    'BASE_IMAGE',
    'PYTHON_VERSION',
    'ML_IMAGE_VARIANT',
    'TORCH_VERSION',
    'TORCH_INDEX_URL',
    'ML_IMAGE_CUDA',
    'ML_IMAGE_INPUTS_SHA256',
]);
/** The largest user ID the templates' `useradd --uid` takes ((uid_t)-1 is no user's). */
const MAX_UID = 4294967294;
/**
 * Why VALUE cannot be build arg NAME of the templates (images/), which declare one a config may set
 * besides the plan's: APP_UID, app's user ID (`useradd --uid`): a decimal number. Anything else
 * failed inside the build, after the resolve stage. Undefined when it can (or NAME is no such arg).
 */
function templateArgProblem(name, value) {
    if (name !== 'APP_UID')
        return undefined;
    if (/^(?:0|[1-9]\d{0,9})$/.test(value) && Number(value) <= MAX_UID)
        return undefined;
    return `${(0,util_text/* printable */.g$)(JSON.stringify(value.slice(0, 40)))} is not a user ID: the templates create app with useradd --uid APP_UID, a decimal number from 0 to ${MAX_UID}`;
}
/** templateArgProblem's issues of build.args ARGS, each at its path (build.args.NAME). */
function templateArgIssues(args, ctx) {
    for (const [name, value] of Object.entries(args)) {
        const message = templateArgProblem(name, value);
        if (message)
            ctx.addIssue({ code: 'custom', path: ['args', name], input: value, message });
    }
}


/***/ }),

/***/ 95164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AL: () => (/* binding */ patternProblem),
/* harmony export */   Rc: () => (/* binding */ PATTERN_FLAGS),
/* harmony export */   n7: () => (/* binding */ MAX_PATTERN_LENGTH)
/* harmony export */ });
// What a custom test's expectedOutput / excludedOutput pattern must be, checked when the config is
// loaded (schema.ts) and compiled the same way by the smoke stage's matcher (smoke/match.ts, which
// runs it in a worker thread). Pure: it imports nothing.
/** Longest pattern accepted (config validation says so at load time). */
const MAX_PATTERN_LENGTH = 1000;
/** The flags output patterns are compiled with (config validation, the matcher and its worker). */
const PATTERN_FLAGS = 'm';
/** Why a pattern is not usable, or undefined when it compiles the way the matcher compiles it. */
function patternProblem(pattern) {
    if (pattern.length > MAX_PATTERN_LENGTH)
        return `the pattern is ${pattern.length} characters long (at most ${MAX_PATTERN_LENGTH})`;
    try {
        new RegExp(pattern, PATTERN_FLAGS);
        return undefined;
    }
    catch (e) {
        return e.message;
    }
}


/***/ }),

/***/ 15063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   Qh: () => (/* binding */ archOf),
/* harmony export */   XM: () => (/* binding */ unknownPlatformPart),
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
 * The OS and architecture names an image index may hold (Go's GOOS and GOARCH, as the OCI image
 * spec has them), with the spellings normalizePlatform reads (macos, x86_64, aarch64, armhf ...).
 */
const KNOWN_OS = [
    'linux',
    'windows',
    'darwin',
    'macos',
    'freebsd',
    'netbsd',
    'openbsd',
    'dragonfly',
    'illumos',
    'solaris',
    'aix',
    'android',
    'ios',
    'plan9',
    'js',
    'wasip1',
    'zos',
    'hurd',
    'nacl',
    // BuildKit's attestation manifests in an index (unknown/unknown).
    'unknown',
];
const KNOWN_ARCH = [
    'amd64',
    'arm64',
    'arm',
    '386',
    'ppc64le',
    'ppc64',
    's390x',
    'riscv64',
    'loong64',
    'mips',
    'mipsle',
    'mips64',
    'mips64le',
    'wasm',
    'sparc64',
    'sparc',
    'ppc',
    'riscv',
    's390',
    'mips64p32',
    'mips64p32le',
    'arm64be',
    'armbe',
    'amd64p32',
    'unknown',
    'x86_64',
    'x86-64',
    'aarch64',
    'armhf',
    'armel',
    'i386',
];
/**
 * What is wrong with PLATFORM as a platform an image may be built for: its OS or architecture is
 * none an index names (linux/arm46: "unknown architecture \"arm46\""); undefined when both are known.
 */
function unknownPlatformPart(platform) {
    const [os = '', arch = ''] = platform.toLowerCase().split('/');
    if (!KNOWN_OS.includes(os))
        return `unknown OS ${JSON.stringify(os)}`;
    if (!KNOWN_ARCH.includes(arch))
        return `unknown architecture ${JSON.stringify(arch)}`;
    return undefined;
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

/***/ 67023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $R: () => (/* binding */ ProvenanceSchema),
/* harmony export */   xW: () => (/* binding */ parseProvenanceInput)
/* harmony export */ });
/* unused harmony exports PROVENANCE_MODES, PROVENANCE_VERSIONS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88532);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// BuildKit's provenance attestation, as the config (build.provenance) and the action's `provenance`
// input (docker/build-push-action's forms) set it: its mode, and the SLSA provenance version BuildKit
// writes (`version=v0.2|v1`, BuildKit >= 0.23; see src/build/provenance-args.ts).


const PROVENANCE_MODES = ['false', 'min', 'max'];
/** BuildKit's `version` attribute: the SLSA provenance schema it writes (v0.2 its default before 0.28). */
const PROVENANCE_VERSIONS = ['v0.2', 'v1'];
const SHORTHAND = 'false, true (min), "min" or "max"';
const EXAMPLE = '{ mode: "max", version: "v1" }';
// YAML reads an unquoted false / true as booleans: false is off, true buildx's default (min), as the
// action's `provenance` input takes them.
const modeOf = (v) => (v === false ? 'false' : v === true ? 'min' : v);
/**
 * build.provenance: a mode (the shorthand every earlier config wrote: `max`) or a mapping with the
 * SLSA version, `{mode: max, version: v1}`, made a mapping before the object schema runs, as a
 * variant's shorthand is: a field of its own, checked and reported by name like every other key,
 * rather than buildx's CSV attributes inside one string (those are the action input's form).
 */
const ProvenanceSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .preprocess */ .vkY((value, ctx) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
        return value;
    const mode = modeOf(value);
    if (typeof mode === 'string' && PROVENANCE_MODES.includes(mode))
        return { mode };
    const attrs = typeof mode === 'string' && /(^|,)\s*(mode|version)=/.test(mode);
    ctx.issues.push({
        code: 'custom',
        input: value,
        message: attrs
            ? `expected ${SHORTHAND} or a mapping like ${EXAMPLE} (buildx's attributes are the provenance input's form; here write them as a mapping)`
            : `expected ${SHORTHAND} or a mapping like ${EXAMPLE}`,
    });
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .NEVER */ .tm;
}, zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    mode: zod__WEBPACK_IMPORTED_MODULE_1__/* .preprocess */ .vkY(modeOf, zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(PROVENANCE_MODES))
        .default('min')
        .describe("`false` (off), `min` or `max` (`true` is `min`, buildx's default)."),
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(PROVENANCE_VERSIONS)
        .optional()
        .describe("The SLSA provenance schema BuildKit writes (its `version` attribute, BuildKit >= 0.23): `v0.2` or `v1`. Unset: BuildKit's default (`v0.2`; `v1` from BuildKit 0.28). An older BuildKit writes only v0.2: `v1` is then left out with a warning."),
}));
const ACCEPTED = `true, false, or attributes mode=min|max and version=${PROVENANCE_VERSIONS.join('|')}`;
/**
 * BPA's `provenance`: true (buildx's default, mode=min), false, or attributes `mode=min|max` and
 * `version=v0.2|v1` (`builder-id=` and `inline-only=` are accepted and left to buildx's defaults).
 * `disabled=true` turns it off wherever it stands among the attributes, as buildx reads them.
 */
function parseProvenanceInput(input, raw) {
    const v = raw.trim().toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(v))
        return 'min';
    if (['false', 'no', '0', 'off', 'disabled=true'].includes(v))
        return 'false';
    if (v === 'min' || v === 'max')
        return v;
    let mode = 'min';
    let version;
    let disabled = false;
    for (const attr of v.split(',').map((a) => a.trim())) {
        // An attribute without "=" is none (buildx refuses it): "builder-idx" was read as builder-id.
        const at = attr.indexOf('=');
        const [k, val] = at < 0 ? [undefined, undefined] : [attr.slice(0, at), attr.slice(at + 1)];
        if (k === 'mode' && (val === 'min' || val === 'max'))
            mode = val;
        else if (k === 'version' && PROVENANCE_VERSIONS.includes(val))
            version = val;
        else if (k === 'disabled' && ['true', 'false'].includes(val))
            disabled = val === 'true';
        else if (k === undefined || (k !== 'builder-id' && k !== 'inline-only'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "${input}": expected ${ACCEPTED}, got ${JSON.stringify(raw)}`, k === 'version'
                ? `write version=v1 (SLSA provenance v1) or version=v0.2, the versions BuildKit writes`
                : undefined);
    }
    if (disabled)
        return 'false';
    return version === undefined ? mode : { mode, version };
}


/***/ }),

/***/ 90131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ variantEntryName),
/* harmony export */   I6: () => (/* binding */ normalizeConfig),
/* harmony export */   Kx: () => (/* binding */ ConfigFileSchema),
/* harmony export */   P4: () => (/* binding */ PLATFORMS),
/* harmony export */   Pe: () => (/* reexport safe */ _smoke_schema_js__WEBPACK_IMPORTED_MODULE_10__.Pe),
/* harmony export */   QT: () => (/* binding */ TEMPLATES),
/* harmony export */   he: () => (/* binding */ DEFAULT_VARIANTS)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(92857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(88532);
/* harmony import */ var _build_args_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12239);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17700);
/* harmony import */ var _util_pip_index_url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(72752);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82513);
/* harmony import */ var _attest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(92945);
/* harmony import */ var _provenance_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(67023);
/* harmony import */ var _secret_id_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(92916);
/* harmony import */ var _short_name_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(84790);
/* harmony import */ var _size_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(64089);
/* harmony import */ var _smoke_schema_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1055);
/* harmony import */ var _unique_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(85363);
/* harmony import */ var _user_map_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(4148);
/* harmony import */ var _variant_origin_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(52454);
// The one schema of ml-image.yml. Every default lives here (and nowhere else): docs/configuration.md's config
// reference is generated from this file (src/config/reference.ts; `npm run docs` rewrites it).















// The smoke block lives in smoke-schema.ts; its names are imported from here as before.

const PLATFORMS = ['linux/amd64', 'linux/arm64'];
const TEMPLATES = ['cpu', 'cuda', 'ngc'];
const RESOLVE_MODES = ['auto', 'check', 'off'];
const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64'];
// Docker's reference grammar, simplified: lowercase path components separated by '/'.
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const CUDA_VERSION = /^\d{1,2}\.\d{1,2}$/;
/** "/", "/.", "//", "/..", "C:\\": a path naming the root of a filesystem. */
function isFilesystemRoot(p) {
    const n = node_path__WEBPACK_IMPORTED_MODULE_0___default().posix.normalize(p.replace(/\\/g, '/'));
    return n === '/' || /^[A-Za-z]:\/*$/.test(n);
}
const cudaVersion = zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP({ error: 'expected a version like "12.8"' }).regex(CUDA_VERSION, {
    error: 'expected a version like "12.8"',
});
/**
 * A pip index: an http(s) or file URL (pip reads no other), with no blank or control character
 * inside (the URL parser would drop a line break silently: pip would get another URL than the one
 * written); blanks around it go. A refused one is shown with its login and query masked.
 */
const indexUrl = zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP({ error: 'expected a URL' })
    .superRefine((url, ctx) => {
    const problem = (0,_util_pip_index_url_js__WEBPACK_IMPORTED_MODULE_3__/* .indexUrlProblem */ .X)(url.trim());
    if (problem !== undefined)
        ctx.addIssue({
            code: 'custom',
            message: `not a pip index URL: ${problem} (got ${JSON.stringify((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .shownUrl */ .zA)(url))})`,
        });
})
    .pipe(zod__WEBPACK_IMPORTED_MODULE_12__/* .url */ .OZ5({ protocol: _util_pip_index_url_js__WEBPACK_IMPORTED_MODULE_3__/* .INDEX_PROTOCOL */ .u, error: 'expected an http, https or file URL' }));
const pythonVersion = zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP({ error: 'expected a Python version like "3.11"' })
    .regex(/^3\.\d{1,2}$/, { error: 'expected a Python version like "3.11"' });
const torchVersion = zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP({ error: 'expected a torch version like "2.7" or "2.7.1"' })
    .regex(/^\d+\.\d+(?:\.\d+)?$/, { error: 'expected a torch version like "2.7" or "2.7.1"' });
const imageRef = zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP({ error: 'expected an image reference like "nvcr.io/nvidia/pytorch:25.03-py3"' })
    .refine((ref) => (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .imageRefProblem */ .OD)(ref) === undefined, {
    error: (iss) => `invalid image reference: ${(0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .imageRefProblem */ .OD)(String(iss.input))}`,
});
const mirror = (key) => zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP({ error: 'expected a repository like "mirror.corp/python"' })
    .refine((ref) => (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .mirrorProblem */ .Bm)(ref, key) === undefined, {
    error: (iss) => `expected a repository like "mirror.corp/python" or a registry like "mirror.corp": ${(0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .mirrorProblem */ .Bm)(String(iss.input), key)}`,
});
const relPath = (what) => zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });
const stringList = (item) => zod__WEBPACK_IMPORTED_MODULE_12__/* .preprocess */ .vkY((v) => (typeof v === 'string' ? [v] : v), zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(item, { error: 'expected a list of strings' }));
// A variant is "cpu", "cudaX.Y", or an object. Strings are expanded before the object schema runs,
// so that a bad string gets a message saying what strings are allowed.
const VARIANT_SHORTHAND = /^cuda(\d{1,2}\.\d{1,2})$/;
const VariantObject = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    name: (0,_short_name_js__WEBPACK_IMPORTED_MODULE_8__/* .shortName */ .E)('a tag-safe name')
        .optional()
        .describe('Variant name used in tags (`1.4.0-<name>`): lowercase letters, digits, `.`, `_` or `-`, starting with a letter or digit, at most 64 characters. Default: `cpu`, `cuda<version>`; required with `base`.'),
    cuda: cudaVersion.optional().describe('CUDA version of a GPU variant, e.g. `"12.8"`.'),
    base: imageRef
        .optional()
        .describe("A custom base image: checked against its catalog family when it has one (platforms; an NGC release decides Python, CUDA and torch); `torch` is installed from the wheel index of the variant's `cuda` (else the CPU one)."),
    torch: torchVersion.optional().describe('torch version for this variant (overrides top-level `torch`).'),
    python: pythonVersion
        .optional()
        .describe('Python version for this variant (overrides `python.version`).'),
    template: zod__WEBPACK_IMPORTED_MODULE_12__/* ["enum"] */ .k5n(TEMPLATES)
        .optional()
        .describe('Template for this variant (overrides `build.template`).'),
})
    .superRefine((v, ctx) => {
    if (v.base !== undefined && v.name === undefined) {
        ctx.addIssue({ code: 'custom', path: ['name'], message: 'required when "base" is set (used in tags)' });
    }
});
const Variant = zod__WEBPACK_IMPORTED_MODULE_12__/* .preprocess */ .vkY((value, ctx) => {
    if (typeof value !== 'string')
        return value;
    if (value === 'cpu')
        return {};
    const m = VARIANT_SHORTHAND.exec(value);
    if (m)
        return { cuda: m[1] };
    ctx.issues.push({
        code: 'custom',
        input: value,
        message: 'expected "cpu", "cudaX.Y" (like "cuda12.8") or an object like { cuda: "12.8" }',
    });
    return zod__WEBPACK_IMPORTED_MODULE_13__/* .NEVER */ .tm;
}, VariantObject);
/** The variants of a config that lists none (no file, or a file without `variants`). */
const DEFAULT_VARIANTS = ['cpu'];
const ConfigFileSchema = zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
    image: zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
        name: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP({ error: 'expected a repository name like "my-org/my-model"' })
            .regex(REPOSITORY, { error: 'expected a lowercase repository name like "my-org/my-model"' })
            .describe('Repository path, without registry or tag; with the registry host (`ghcr.io/...`) at most 255 characters.'),
        registry: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP({ error: 'expected a registry host like "ghcr.io" or "localhost:5000"' })
            .refine((host) => (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .registryHostProblem */ .r6)(host) === undefined, {
            error: (iss) => (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .registryHostProblem */ .r6)(String(iss.input)),
        })
            .default('ghcr.io')
            .describe('Registry host the image is pushed to: a dotted name (each part starting and ending with a letter or digit), `localhost` or `[IPv6]` (Docker 26 and buildx 0.12 or later), with an optional port.'),
        version: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP()
            .regex(/^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/, {
            error: 'expected a tag-safe version like "1.4.0": letters, digits, "_", ".", "-" or "+", not starting with "." or "-"',
        })
            .overwrite(_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .tagSafeVersion */ .IU)
            .optional()
            .describe('Version used in tags (`<version>-<variant>`, at most 128 characters); default: from a `v1.2.3` git tag. A `+` (build metadata, `1.0.0+build.5`) becomes `-` in tags and labels, as in a git tag: a tag cannot hold `+`.'),
    })
        .superRefine((image, ctx) => {
        const long = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .nameLengthProblem */ .nz)(`${image.registry}/${image.name}`);
        if (long !== undefined)
            ctx.addIssue({ code: 'custom', path: ['name'], input: image.name, message: long });
        const host = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .registryInName */ ._x)(image.name, image.registry);
        if (host !== undefined)
            ctx.addIssue({
                code: 'custom',
                path: ['name'],
                input: image.name,
                message: `starts with the registry host "${host}": the tags would be ${image.registry}/${image.name}; put the host in image.registry (default ghcr.io) and only the repository path in image.name ("${image.name.slice(host.length + 1)}")`,
            });
    })
        .describe('What to build and where to push it.'),
    build: zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
        context: relPath('a directory path')
            .refine((p) => !isFilesystemRoot(p), {
            error: 'the filesystem root cannot be the build context (it would send the whole disk to the builder)',
        })
            .default('.')
            .describe('Build context, relative to the config file.'),
        dockerfile: relPath('a file path')
            .optional()
            .describe('Your own Dockerfile, relative to the config file. Exclusive with `template`; unused (a plan warning) when every variant sets its own.'),
        template: zod__WEBPACK_IMPORTED_MODULE_12__/* ["enum"] */ .k5n(TEMPLATES)
            .optional()
            .describe("A Dockerfile template from images/. Default: `cpu` for cpu variants, `cuda` for CUDA ones, when `dockerfile` is not set either (a `Dockerfile` at the build context's root then draws a plan warning)."),
        args: (0,_user_map_js__WEBPACK_IMPORTED_MODULE_14__/* .userMap */ .oX)(zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP({ error: 'expected a string' }))
            .superRefine((args, ctx) => {
            for (const [name, value] of Object.entries(args)) {
                const secret = (0,_build_args_js__WEBPACK_IMPORTED_MODULE_1__/* .buildArgSecretProblem */ ._y)(name, value);
                const message = (0,_build_args_js__WEBPACK_IMPORTED_MODULE_1__/* .buildArgNameProblem */ .fz)(name) ?? (secret && `${secret}: ${_build_args_js__WEBPACK_IMPORTED_MODULE_1__/* .BUILD_ARGS_FIX */ .bL}`);
                if (message !== undefined)
                    ctx.addIssue({ code: 'custom', path: [name], input: name, message });
            }
        })
            .default({})
            .describe('Extra build args (never secrets: use `secrets`).'),
        mirrors: (0,_user_map_js__WEBPACK_IMPORTED_MODULE_14__/* .userMap */ .oX)(mirror(true), mirror(false))
            .default({})
            .describe('Pull base images through mirrors: `{"docker.io/library/python": "mirror.corp/python"}` (longest prefix wins; a key without a registry is Docker Hub\'s, `python`; a key no planned base goes through is a warning naming it).'),
        cache: zod__WEBPACK_IMPORTED_MODULE_12__/* ["enum"] */ .k5n(['auto', 'gha', 'registry', 'none'])
            .default('auto')
            .describe('Build cache per variant and platform. `auto`: GitHub Actions cache on a runner, else the registry (`<image>:cache-<variant>-<arch>`).'),
        provenance: _provenance_js__WEBPACK_IMPORTED_MODULE_6__/* .ProvenanceSchema */ .$R.prefault('min').meta({
            description: "BuildKit's provenance attestation (not available with the docker driver on the classic image store): `false` (off), `min` or `max` (`true` is `min`, buildx's default), or a mapping with the SLSA version BuildKit writes: `{mode: max, version: v1}`.",
            // The reference's row: the shorthand most configs write, not only the mapping it becomes.
            docType: '`false` \\| `min` \\| `max` or mapping',
            docDefault: '`"min"`',
        }),
        network: zod__WEBPACK_IMPORTED_MODULE_12__/* ["enum"] */ .k5n(['default', 'host', 'none'])
            .default('default')
            .describe("Network for RUN steps (`host` reaches indexes on the build machine). An engine in a VM (Docker Desktop, colima, OrbStack: macOS and Windows, Docker Desktop's `desktop-linux` context) has the VM's network as its host network, which does not reach this machine's loopback (Docker Desktop 4.34 and later does, with Settings > Resources > Network > Enable host networking): name such an index by `host.docker.internal:PORT` instead of `localhost:PORT`."),
        pull: zod__WEBPACK_IMPORTED_MODULE_12__/* .boolean */ .zMY().default(false).describe('Always pull the newest base image.'),
        secrets: _secret_id_js__WEBPACK_IMPORTED_MODULE_7__/* .SecretIdsSchema */ .s.default([]).describe("Secret ids passed to buildx by id (`--secret id=...,env=...`), each once; never the runner's own ACTIONS_*, INPUT_*, STATE_*, nor an id this tool mounts itself (`ml_image_requirements`, `ml_image_constraints`, `ml_image_pip_conf`, `ml_image_torch_index`, `ml_image_netrc`, `ml_image_env`, `ml_image_pip`). Each must be set in the environment of a run that builds (checked before the resolve stage starts)."),
    })
        .superRefine((b, ctx) => {
        if (b.dockerfile !== undefined && b.template !== undefined) {
            ctx.addIssue({
                code: 'custom',
                path: ['template'],
                message: 'set "dockerfile" or "template", not both',
            });
        }
        // Without a Dockerfile of its own every variant builds a template (which reads APP_UID).
        if (b.dockerfile === undefined)
            (0,_build_args_js__WEBPACK_IMPORTED_MODULE_1__/* .templateArgIssues */ .vt)(b.args, ctx);
    })
        .prefault({})
        .describe('How to build.'),
    variants: zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(Variant, { error: 'expected a list of variants' })
        .min(1, { error: 'expected at least one variant' })
        .superRefine((vs, ctx) => {
        const seen = new Map();
        vs.forEach((v, i) => {
            const name = variantName(v);
            const first = seen.get(name);
            if (first !== undefined) {
                ctx.addIssue({
                    code: 'custom',
                    path: [i],
                    message: `duplicate variant name "${name}" (also variants[${first}])`,
                });
            }
            else
                seen.set(name, i);
        });
    })
        .prefault([...DEFAULT_VARIANTS])
        .describe('Image variants: `cpu`, `cuda12.8` or objects (see below).'),
    platforms: zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_12__/* ["enum"] */ .k5n(PLATFORMS), { error: 'expected a list of platforms' })
        .min(1, { error: 'expected at least one platform' })
        .superRefine((0,_unique_js__WEBPACK_IMPORTED_MODULE_15__/* .eachOnce */ .B)('platform'))
        .default(DEFAULT_PLATFORMS)
        .describe('Target platforms.'),
    torch: torchVersion
        .optional()
        .describe('torch version for every variant that does not set its own: "2.7" installs the newest 2.7.x the catalog knows, "2.7.0" exactly that.'),
    python: zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
        version: pythonVersion
            .optional()
            .describe('Python version; default 3.12 (CUDA variants: the Ubuntu Python of the chosen image).'),
        requirements: stringList(relPath('a file path'))
            .default([])
            .describe('requirements files, relative to the config file; their `-r` includes and `-c` constraints files (relative to the file naming them) are read and checked too, and reach pip in the resolver and the build.'),
        indexUrl: indexUrl
            .optional()
            .describe("pip index URL, http(s) or file (default: PIP_INDEX_URL, else PyPI); a login in it reaches pip by environment or secret mount only. Its login and a token in its query (`?token=`, `sig=` ...), Anaconda's `/t/<token>/` or Cloudsmith's `dl.cloudsmith.io/<token>/` are masked in the job's log, as are those of extraIndexUrls and torchIndexUrl."),
        torchIndexUrl: indexUrl
            .optional()
            .describe('Base of the torch wheel indexes (default https://download.pytorch.org/whl); `/cu128`, `/cpu` ... is appended.'),
        extraIndexUrls: zod__WEBPACK_IMPORTED_MODULE_12__/* .array */ .YOg(indexUrl)
            .default([])
            .describe('Extra pip index URLs, http(s) or file (default: PIP_EXTRA_INDEX_URL).'),
    })
        .prefault({})
        .describe('Python environment.'),
    resolve: zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
        mode: zod__WEBPACK_IMPORTED_MODULE_12__/* ["enum"] */ .k5n(RESOLVE_MODES)
            .default('auto')
            .describe('`auto` fixes conflicts with the base image, `check` fails on them, `off` skips.'),
    })
        .prefault({})
        .describe('Dependency-conflict resolution against the base image.'),
    smoke: _smoke_schema_js__WEBPACK_IMPORTED_MODULE_10__/* .SmokeConfigSchema */ .nM,
    report: zod__WEBPACK_IMPORTED_MODULE_12__/* .strictObject */ .rej({
        comment: zod__WEBPACK_IMPORTED_MODULE_12__/* .boolean */ .zMY().default(true).describe('Post/update one pull-request comment.'),
        summary: zod__WEBPACK_IMPORTED_MODULE_12__/* .boolean */ .zMY().default(true).describe('Write the job summary.'),
        markerKey: zod__WEBPACK_IMPORTED_MODULE_12__/* .string */ .YjP()
            .regex(/^[A-Za-z0-9._/:@-]{1,200}$/, { error: 'expected letters, digits and ._/:@- only' })
            .optional()
            .describe('Key of the hidden comment marker (one comment per run); default: the image repository. Baselines stay keyed per variant.'),
    })
        .prefault({})
        .describe('The pull-request report.'),
    size: _size_js__WEBPACK_IMPORTED_MODULE_9__/* .SizeConfigSchema */ .n,
    attest: _attest_js__WEBPACK_IMPORTED_MODULE_5__/* .AttestConfigSchema */ .T,
})
    .describe('ml-image.yml');
function variantName(v) {
    return v.name ?? (v.cuda !== undefined ? `cuda${v.cuda}` : 'cpu');
}
/**
 * The name of one entry of a file's variants list (name, else cuda<version>, else cpu); an invalid
 * one's `name` if a string (`--variants gpu` then selects it: its own problem is said at its line).
 */
function variantEntryName(entry) {
    const parsed = Variant.safeParse(entry);
    if (parsed.success)
        return variantName(parsed.data);
    const name = entry !== null && typeof entry === 'object' ? entry.name : undefined;
    return typeof name === 'string' ? name : undefined;
}
function normalizeConfig(parsed) {
    return {
        ...parsed,
        variants: parsed.variants.map((v) => {
            const kind = v.base !== undefined ? 'custom' : v.cuda !== undefined ? 'cuda' : 'cpu';
            const torch = v.torch ?? parsed.torch;
            const python = v.python ?? parsed.python.version;
            const variant = {
                name: variantName(v),
                kind,
                ...(v.cuda !== undefined && { cuda: v.cuda }),
                ...(v.base !== undefined && { base: v.base }),
                ...(torch !== undefined && { torch }),
                ...(python !== undefined && { python }),
                ...(v.template !== undefined && { template: v.template }),
            };
            return (0,_variant_origin_js__WEBPACK_IMPORTED_MODULE_11__/* .recordInherited */ .y)(variant, { torch: v.torch !== undefined, python: v.python !== undefined });
        }),
    };
}


/***/ }),

/***/ 92916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ TOOL_SECRET_IDS),
/* harmony export */   s: () => (/* binding */ SecretIdsSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
/* harmony import */ var _util_runner_env_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2426);
// A build secret's id (build.secrets): passed to buildx as `--secret id=ID,env=ID`, read from the
// environment variable of the same name, so never one of the runner's own (a pull request can
// change ml-image.yml).


/**
 * The secret ids the templates mount (`RUN --mount=type=secret,id=...`) at /run/secrets/<id>; the
 * build stage writes them (src/build/inputs.ts, BUILD_SECRET_IDS). No build.secrets id may be one.
 */
const TOOL_SECRET_IDS = {
    requirements: 'ml_image_requirements',
    constraints: 'ml_image_constraints',
    pipConf: 'ml_image_pip_conf',
    torchIndex: 'ml_image_torch_index',
    netrc: 'ml_image_netrc',
    env: 'ml_image_env',
    pip: 'ml_image_pip',
};
const TOOL_OWN = new Set(Object.values(TOOL_SECRET_IDS));
const SecretIdSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected a secret id' })
    // BuildKit mounts it at /run/secrets/<id>: "." or ".." would name /run/secrets or /run itself.
    .refine((id) => !/^\.+$/.test(id), {
    error: (iss) => `${JSON.stringify(iss.input)} is no secret id: dots only (a path, not a name)`,
})
    .refine((id) => !(0,_util_runner_env_js__WEBPACK_IMPORTED_MODULE_1__/* .isRunnerOwnVariable */ .P)(id), {
    error: (iss) => `${JSON.stringify(iss.input)} ${_util_runner_env_js__WEBPACK_IMPORTED_MODULE_1__/* .RUNNER_OWN_VARIABLE */ .X}`,
})
    .refine((id) => !TOOL_OWN.has(id), {
    error: (iss) => `${JSON.stringify(iss.input)} is a secret id this tool mounts itself (${[...TOOL_OWN].join(', ')}): use another id`,
});
/** build.secrets: each id once (buildx would refuse the build, after the resolve stage ran). */
const SecretIdsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SecretIdSchema).superRefine((ids, ctx) => {
    const seen = new Map();
    ids.forEach((id, i) => {
        const first = seen.get(id);
        if (first === undefined)
            seen.set(id, i);
        else
            ctx.addIssue({
                code: 'custom',
                path: [i],
                input: id,
                message: `secret id ${JSON.stringify(id)} is given twice (also build.secrets[${first}]): give each id once`,
            });
    });
});


/***/ }),

/***/ 84790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ shortName)
/* harmony export */ });
/* unused harmony export shortNameProblem */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49997);
/* harmony import */ var _issues_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11012);
// A short name of the config that goes into tags and result ids (a variant's name, a smoke test's):
// lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most 64
// characters. A refused one is told what is wrong with it (too long, its first character, a
// character not allowed) and the whole rule, not only the characters allowed.



/** The most characters a short name has. */
const MAX_SHORT_NAME = 64;
/** The rule, as a problem states it. */
const SHORT_NAME_RULE = `lowercase letters, digits, ".", "_" or "-", starting with a letter or digit, at most ${MAX_SHORT_NAME} characters`;
/** What is wrong with NAME as a short name ("is too long: ..."), or undefined when nothing is. */
function shortNameProblem(name) {
    if (name === '')
        return 'is empty';
    const bad = [...name].find((c) => !/^[a-z0-9._-]$/.test(c));
    if (bad !== undefined)
        return `holds ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(JSON.stringify(bad))}, which is not allowed`;
    if (!/^[a-z0-9]/.test(name))
        return `starts with ${JSON.stringify(name[0])}, not a letter or digit`;
    if (name.length > MAX_SHORT_NAME)
        return `is too long: ${name.length} characters, at most ${MAX_SHORT_NAME}`;
    return undefined;
}
/** A zod string for a short name; WHAT names it in a problem ("a tag-safe name"). */
const shortName = (what) => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().refine((name) => shortNameProblem(name) === undefined, {
    error: (iss) => {
        const name = String(iss.input);
        return `${(0,_issues_js__WEBPACK_IMPORTED_MODULE_1__/* .describeValue */ .bp)(name)} ${shortNameProblem(name)} (${what}: ${SHORT_NAME_RULE})`;
    },
});


/***/ }),

/***/ 64089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ SIZE_BUDGET_PATTERN),
/* harmony export */   n: () => (/* binding */ SizeConfigSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
// size: the image size budget (config size.budget). Parsed for the report by src/report/size.ts.

/** size.budget: "8GB", "750 MB", "1.5GiB" (absolute) or "+5%" (growth over the base branch). */
const SIZE_BUDGET_PATTERN = /^(?:\d+(?:\.\d+)?\s*(?:B|[kKMGT]B|[KMGT]iB)|\+\d+(?:\.\d+)?%)$/;
const SizeConfigSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    budget: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        // The report carries it (its model takes at most 40 characters): a longer one is refused here.
        .max(40, { error: 'expected at most 40 characters, such as "8GB" or "+5%"' })
        .regex(SIZE_BUDGET_PATTERN, {
        error: 'expected a size such as "8GB" or "750MB", or a growth such as "+5%"',
    })
        // A size of 0 fails every image: a mistake, not a budget ("+0%", no growth, is one).
        .refine((s) => !SIZE_BUDGET_PATTERN.test(s) || s.startsWith('+') || Number.parseFloat(s) > 0, {
        error: 'a size budget of 0 fails every image: expected a size above 0 such as "8GB", or a growth such as "+0%" (none at all)',
    })
        .optional()
        .describe("Image size budget: an absolute size (`8GB`, `750MB`, `1.5GiB`) or a growth over the base branch (`+5%`). A breach fails the report stage, naming what grew most. The size is the engine's: unpacked on the classic image store, compressed on the containerd store (about a third); a growth is not judged where the two differ."),
})
    .prefault({})
    .describe('Image size.');


/***/ }),

/***/ 1055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pe: () => (/* binding */ MAX_TIMEOUT_SECONDS),
/* harmony export */   Sh: () => (/* binding */ runnerLabelProblem),
/* harmony export */   nM: () => (/* binding */ SmokeConfigSchema)
/* harmony export */ });
/* unused harmony export SMOKE_SUITES */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92857);
/* harmony import */ var _pattern_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(95164);
/* harmony import */ var _short_name_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(84790);
/* harmony import */ var _unique_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(85363);
/* harmony import */ var _user_map_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4148);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
// The `smoke:` block of ml-image.yml (part of ConfigFileSchema in schema.ts, which re-exports these
// names). Every default of the block lives here; docs/configuration.md is generated from it.






const SMOKE_SUITES = ['imports', 'pip-check', 'gpu', 'compute', 'train', 'ddp', 'custom'];
/** The networks a smoke test's container may have (smoke.network). */
const SMOKE_NETWORKS = ['none', 'bridge'];
/** Upper bound of a per-test timeout: smoke.timeoutSeconds and the --timeout flags (one day). */
const MAX_TIMEOUT_SECONDS = 86400;
const DEFAULT_GPU_RUNNER_LABELS = ['self-hosted', 'linux', 'x64', 'gpu'];
/**
 * What keeps LABEL from ever matching a runner's label (blank, or holding a line break or other
 * control character), undefined when nothing does. The config key and the action input alike.
 */
function runnerLabelProblem(label) {
    const shown = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(JSON.stringify(label));
    if (label.trim() === '')
        return `runner label ${shown} is blank: no runner's label can match it`;
    const c = /\p{Cc}/u.exec(label)?.[0];
    if (c !== undefined)
        return `runner label ${shown} holds a control character (${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .unicodeName */ .DI)(c)}): no runner's label can match it`;
    return undefined;
}
// Output patterns are compiled here the way the smoke runner compiles them (flags, length cap),
// so a bad one is exit 2 at load time; matching itself is bounded in time (src/smoke/match.ts).
const regexList = zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().superRefine((value, ctx) => {
    const problem = (0,_pattern_js__WEBPACK_IMPORTED_MODULE_3__/* .patternProblem */ .AL)(value);
    if (problem)
        ctx.addIssue({
            code: 'custom',
            message: value.length > _pattern_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_PATTERN_LENGTH */ .n7 ? problem : 'expected a valid regular expression',
        });
}))
    .default([]);
// An argv list runs its first item as the program: an empty one is no program (exec "": not found).
const ARGV_PROGRAM = {
    error: 'the first item of an argv list is the program to run: it cannot be empty',
    path: [0],
};
// An image's env is NAME=VALUE lines, split at the first "=": a name that is empty or holds one is
// never found there, so the test could only fail, after the build.
const ENV_NAME = { error: 'expected a variable name: not empty, without "="' };
const CustomTest = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    name: (0,_short_name_js__WEBPACK_IMPORTED_MODULE_0__/* .shortName */ .E)('a test name').describe('Test id in results: lowercase letters, digits, `.`, `_` or `-`, starting with a letter or digit, at most 64 characters.'),
    command: zod__WEBPACK_IMPORTED_MODULE_2__/* .union */ .KCZ([
        zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .min(1)
            .refine((c) => c.trim() !== '', {
            error: 'a command of blanks runs nothing (sh -c exits 0, so the test passed): give the command to run',
        }),
        zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP())
            .min(1)
            .refine((argv) => argv[0] !== '', ARGV_PROGRAM),
    ], {
        error: 'expected a command string (run with sh -c) or an argv list',
    })
        .optional()
        .describe('Command test: a string run with `sh -c` (not blanks only), or an argv list. `expectedOutput`, `excludedOutput` and `exitCode` belong to a command test (set on another test they are refused).'),
    expectedOutput: regexList.describe('Regexes the combined output must match.'),
    excludedOutput: regexList.describe('Regexes the combined output must not match.'),
    exitCode: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .int()
        .min(0)
        .max(255)
        .default(0)
        .describe('Expected exit code of the command (0 to 255).'),
    gpu: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
        .default(false)
        .describe('Command test that uses a GPU: its container gets the GPUs of a GPU run (others get none); skipped without GPUs (failed with `requireGpu`).'),
    file: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .startsWith('/', { error: 'expected an absolute path in the image' })
            .describe('Absolute path in the image.'),
        exists: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(true).describe('Whether the path must exist (false: must not).'),
        mode: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .regex(/^0?[0-7]{3,4}$/, { error: 'expected an octal mode like "0755"' })
            .optional()
            .describe('Expected permission bits, octal (not with `exists: false`).'),
    })
        .optional()
        .describe('File test.'),
    metadata: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        user: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional().describe("The image's `USER`, exactly."),
        workdir: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional().describe("The image's `WORKDIR`, exactly."),
        env: (0,_user_map_js__WEBPACK_IMPORTED_MODULE_4__/* .userMap */ .oX)(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^[^=]+$/, ENV_NAME), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP())
            .optional()
            .describe('Environment variables the image sets, each to exactly this value (others may be set too).'),
        labels: (0,_user_map_js__WEBPACK_IMPORTED_MODULE_4__/* .userMap */ .oX)(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP())
            .optional()
            .describe('Labels the image carries, each with exactly this value (others may be there too).'),
        entrypoint: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional().describe("The image's `ENTRYPOINT` list, exactly."),
        cmd: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional().describe("The image's `CMD` list, exactly."),
    })
        .optional()
        .describe('Metadata test: expected image config values (env and labels: at least these keys); one that checks nothing (`{}`, empty env and labels) is refused.'),
})
    .superRefine((t, ctx) => {
    const kinds = [t.command, t.file, t.metadata].filter((k) => k !== undefined).length;
    if (kinds !== 1) {
        ctx.addIssue({
            code: 'custom',
            path: [],
            message: `expected exactly one of "command", "file" or "metadata" (found ${kinds})`,
        });
    }
    if (t.gpu && t.command === undefined)
        ctx.addIssue({
            code: 'custom',
            path: ['gpu'],
            message: 'only a command test runs a program that can use a GPU: remove "gpu" or add "command"',
        });
    for (const [key, problem] of settingsNotChecked(t))
        ctx.addIssue({ code: 'custom', path: key, message: problem });
});
/**
 * The settings of TEST that its kind never checks, each with why: a file or metadata test has no
 * output nor exit code, a path that must not exist no mode, and a metadata test of nothing (or of
 * empty env and labels maps, "at least these keys") checks nothing. Each was dropped without a
 * word, and the test passed on what it did check, or on nothing.
 */
function settingsNotChecked(t) {
    const out = [];
    if (t.command === undefined) {
        const given = {
            expectedOutput: t.expectedOutput.length > 0,
            excludedOutput: t.excludedOutput.length > 0,
            exitCode: t.exitCode !== 0,
        };
        for (const [key, set] of Object.entries(given))
            if (set)
                out.push([
                    [key],
                    `only a command test has output and an exit code to check: remove "${key}" or add "command"`,
                ]);
    }
    if (t.file?.exists === false && t.file.mode !== undefined)
        out.push([
            ['file', 'mode'],
            'a path that must not exist has no mode to check: remove "mode" or "exists: false"',
        ]);
    const m = t.metadata;
    if (m !== undefined) {
        const checks = Object.entries(m).filter(([k, v]) => v !== undefined && !((k === 'env' || k === 'labels') && Object.keys(v).length === 0));
        if (checks.length === 0)
            out.push([
                ['metadata'],
                'checks nothing: give at least one of user, workdir, env, labels, entrypoint, cmd (env and labels not empty)',
            ]);
    }
    return out;
}
const SmokeConfigSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    suites: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(SMOKE_SUITES))
        .superRefine((0,_unique_js__WEBPACK_IMPORTED_MODULE_5__/* .eachOnce */ .B)('suite'))
        .default([...SMOKE_SUITES])
        .describe('Smoke suites to run, each named once; GPU suites skip on runners without a GPU.'),
    requireGpu: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(false).describe('Fail (not skip) GPU suites when no GPU is visible.'),
    gpuRunnerLabels: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().superRefine((label, ctx) => {
        const problem = runnerLabelProblem(label);
        if (problem !== undefined)
            ctx.addIssue({ code: 'custom', message: problem });
    }))
        .min(1)
        .default(DEFAULT_GPU_RUNNER_LABELS)
        .describe("runs-on labels of the self-hosted GPU runner, for a workflow of your own: the plan sub-action's `config` output carries them (`runs-on: ${{ fromJSON(needs.plan.outputs.config).smoke.gpuRunnerLabels }}`). The reusable workflow `ml-image.yml` does not read them: its `gpu-runner-labels` input decides, so a pull request's config never picks a self-hosted runner."),
    baseline: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP({ error: 'expected a file path' })
        .min(1, { error: 'expected a file path' })
        .optional()
        .describe('Per-GPU throughput floors (JSON), relative to the config file. On a GitHub runner it must be inside the workspace.'),
    timeoutSeconds: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
        .int()
        .positive()
        .max(MAX_TIMEOUT_SECONDS)
        .default(600)
        .describe(`Per-test timeout, in seconds (1 to ${MAX_TIMEOUT_SECONDS}).`),
    network: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(SMOKE_NETWORKS)
        .default('none')
        .describe('Network of the custom command tests: `none` (loopback only) or `bridge` (for a test that needs the network). The built-in suites always run without one.'),
    tests: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(CustomTest)
        .superRefine((tests, ctx) => {
        // The results (smoke.json, JUnit, the report) name each test by its name.
        const first = new Map();
        tests.forEach((t, i) => {
            const at = first.get(t.name);
            if (at === undefined)
                first.set(t.name, i);
            else
                ctx.addIssue({
                    code: 'custom',
                    path: [i, 'name'],
                    message: `${JSON.stringify(t.name)} is also the name of smoke.tests[${at}]: each test needs its own (the results name tests by it)`,
                });
        });
    })
        .default([])
        .describe('Custom tests (the `custom` suite).'),
})
    .prefault({})
    .describe('Smoke tests run inside the built image.');


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

/***/ 52454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ inheritedFrom),
/* harmony export */   y: () => (/* binding */ recordInherited)
/* harmony export */ });
// Which of a variant's values came from a top-level field (torch, python.version) and not from the
// variant itself: a plan problem that such a value causes names that field (and its line), not the
// variant. Kept beside the normalized variants, not in them: the config is an output (config.json,
// the action's `config`) whose shape stays as it is.
/** The top-level field each such value comes from, as messages name it. */
const TOP_LEVEL_FIELD = {
    torch: 'torch',
    python: 'python.version',
};
const inherited = new WeakMap();
/**
 * VARIANT (normalized) with the values it took from the top level recorded: OWN says which fields
 * the variant's own entry set. Returns VARIANT.
 */
function recordInherited(variant, own) {
    const fields = ['torch', 'python'].filter((f) => !own[f] && variant[f] !== undefined);
    if (fields.length > 0)
        inherited.set(variant, new Set(fields));
    return variant;
}
/**
 * The top-level field ("torch", "python.version") V's FIELD came from; undefined when the variant
 * sets it itself, when it is unset, or for a variant normalizeConfig did not make.
 */
function inheritedFrom(v, field) {
    return inherited.get(v)?.has(field) ? TOP_LEVEL_FIELD[field] : undefined;
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
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82513);
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

/***/ 53088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ editableCredentialWhy),
  m: () => (/* binding */ literalCredentials)
});

// EXTERNAL MODULE: ./src/util/url-secrets.ts
var url_secrets = __webpack_require__(92561);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
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
const decodedOr = (text) => (0,url_secrets/* decoded */.DH)(text) ?? text;
/**
 * References pip does not fill in (it expands only `${NAME}`, NAME of upper-case letters, digits and
 * _): a shell's `$NAME` and `$(command)`, a `${name}` of another form, Windows' `%NAME%`, a
 * template's `{{name}}` (also GitHub's `${{ secrets.NAME }}`).
 */
const UNEXPANDED = [
    /^\$[A-Za-z_][A-Za-z0-9_]*$/,
    /^\$\{(?![A-Z0-9_]+\}$)[^{}]*\}$/,
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
    if ((0,url_secrets/* isNameReference */.$o)(value) || isUnexpandedReference(value))
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
    if (!(0,url_secrets/* isLiteralSecret */.u2)(value) || d.length < MIN_SECRET_CHARS)
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
const TOKEN_SHAPE_G = redact/* REDACTION_RULES */.iz.secretValues.map((p) => new RegExp(p, 'g'));
/**
 * Where the tokens of a known form are in TEXT (a comment), [start, end) each: the shared rules'
 * secretValues (ghp_, github_pat_, glpat-, hf_, AKIA, xox?-, sk-, a PyPI token, npm_, dckr_pat_,
 * Google's AIza and ya29.) and a JSON Web Token; a masked one (`hf_xxxxxxxxxxxxxxxxxxxx`) is none.
 * Not the generic base64-like rule: a `--hash` digest is no token.
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

// EXTERNAL MODULE: ./src/requirements/parse.ts
var parse = __webpack_require__(39459);
;// CONCATENATED MODULE: ./src/requirements/credentials.ts
// Credentials in a requirements file's URLs, judged as written (a ${NAME} pip fills in from
// build.secrets is the way to pass one, never a problem in itself). Two refusals, both exit 2 at
// the door (read.ts): an editable install whose URL holds a login or any ${NAME}
// (editableCredentialWhy), and a credential written literally in any URL of any line or of any
// comment (literalCredentials; their problems: credential-problems.ts): a login's password, a user name
// that is a token, a token in the query, as the shared redaction rules
// (images/probe/redaction-rules.json) name its parameters, an Anaconda /t/<token>/ segment (on an
// Anaconda host), Cloudsmith's dl.cloudsmith.io/<token>/, and a token of a known form anywhere (in
// a line, outside its ${NAME}s). What a value is (a secret, a placeholder, a mask, a reference pip
// does not fill in) is credential-values.ts' rule. Pure.
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
 * not); on an Anaconda host only, its /t/<token>/ segment (a forum's /t/<topic>/ is none); and a
 * token host's first path segment (Cloudsmith's dl.cloudsmith.io/<token>/: the rule names the host).
 */
function urlTokensToJudge(url) {
    const all = (0,url_secrets/* urlTokens */.gJ)(url);
    const query = all.filter((t) => t.where !== '/t/' && t.where !== url_secrets/* HOST_TOKEN_WHERE */.Nm);
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
    const h = all.find((x) => x.where === url_secrets/* HOST_TOKEN_WHERE */.Nm);
    if (h)
        out.unshift({ ...h, what: url_secrets/* HOST_TOKEN_WHERE */.Nm });
    return out;
}
const LOGIN_WHAT = 'a login (a password, or a token as the user name)';
const REFERENCE_WHAT = 'a reference pip does not fill in ($NAME, %NAME%, {{name}} or $(...))';
/** How a message names a credential found in WHERE (a login, `sig=`, `/t/`, a token in a comment). */
function whatOf(where, kind) {
    if (kind === 'reference')
        return `${REFERENCE_WHAT} in ${where === 'login' ? 'a login' : where === '/t/' ? '/t/<token>/' : where === url_secrets/* HOST_TOKEN_WHERE */.Nm ? where : queryParameter(where)}`;
    if (where === 'login')
        return LOGIN_WHAT;
    if (where === '/t/')
        return 'an Anaconda token (/t/<token>/)';
    if (where === url_secrets/* HOST_TOKEN_WHERE */.Nm)
        return `a Cloudsmith entitlement token (${url_secrets/* HOST_TOKEN_WHERE */.Nm})`;
    if (where === 'token')
        return 'a token of a known form (ghp_, glpat-, hf_, pypi-, AKIA, sk-, a JWT ...)';
    return `a token in ${queryParameter(where)}`;
}
/**
 * How a message names a query parameter (paramName's `sig=`): `the query parameter sig`. Neither
 * `(password=)` nor `(?sig=)`: an error's maskers would take the rest of the line for its value.
 */
const queryParameter = (where) => `the query parameter ${where.slice(0, -1)}`;
/** A reference pip fills in from its environment (parse.ts' rule): `${NAME}`. */
const ENV_REFERENCE = /\$\{[A-Z0-9_]+\}/g;
/** The spans of TEXT's `${NAME}`s, [start, end) each. */
const referenceSpans = (text) => [...text.matchAll(ENV_REFERENCE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
/**
 * The credentials written literally in TEXT (a requirements line as written, or with LIVE false a
 * comment): the secret of each login (loginSecret), also of a URL nested in another's query or
 * written percent-encoded; a query or fragment parameter the shared rules name, and an Anaconda
 * host's `/t/<token>/` segment (urlTokensToJudge); a token of a known form anywhere (tokensIn: in
 * a URL's path, `--index-url https://h/ghp_.../simple`, pip sends it, the file is copied into
 * /app and a direct URL is kept in direct_url.json), in a line not inside a `${NAME}` (what pip
 * fills in is the supported way). What is a secret, and what is no credential (a whole `${NAME}`,
 * a mask, a placeholder, a short value), is credential-values.ts' rule; in a line, a reference pip
 * does not fill in (`$TOKEN`) is one too, of kind 'reference'.
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
    const tokens = live ? outside(tokensIn(text), referenceSpans(text)) : tokensIn(text);
    for (const [start, end] of outside(tokens, found))
        add('token', 'secret', start, end - start);
    return found;
}
/**
 * The spans of SPANS ([start, end) each) that overlap none of TAKEN: a token of a known form found
 * in a URL's credential already is named once, one in a line's `${NAME}` is none. Linear after
 * sorting: spans by their end, TAKEN by its start, each with the furthest end of those that start
 * before it.
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


/***/ }),

/***/ 42971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ evaluateMarker),
/* harmony export */   Y: () => (/* binding */ linuxMarkerEnvironment)
/* harmony export */ });
/** uname's machine of a platform pip runs on in a Linux image. */
const MACHINES = { 'linux/amd64': 'x86_64', 'linux/arm64': 'aarch64' };
/**
 * The marker environment of a CPython Linux image of PLATFORM ("linux/amd64": machine x86_64,
 * "linux/arm64": aarch64; another or none: machine not known) with Python PYTHON when known
 * ("3.12": python_version; "3.12.4": python_full_version too). `extra` is "", as pip has it for a
 * requirements file: a comparison with an extra is false. The kernel's values are never known.
 */
function linuxMarkerEnvironment(platform, python) {
    const full = python !== undefined && /^\d+\.\d+\.\d+$/.test(python) ? python : undefined;
    const short = python !== undefined && /^\d+\.\d+(?:\.\d+)?$/.test(python)
        ? python.split('.').slice(0, 2).join('.')
        : undefined;
    return {
        os_name: 'posix',
        sys_platform: 'linux',
        platform_system: 'Linux',
        platform_python_implementation: 'CPython',
        implementation_name: 'cpython',
        platform_machine: platform === undefined ? undefined : MACHINES[platform],
        python_version: short,
        python_full_version: full,
        implementation_version: full,
        extra: '',
    };
}
/**
 * A marker's value in ENV, as packaging reads it ("and" binds tighter than "or"): true or false,
 * or undefined when it turns on a value ENV does not know (or a comparison packaging would refuse).
 */
function evaluateMarker(tree, env) {
    const groups = [[]];
    for (const node of tree) {
        if (node === 'or')
            groups.push([]);
        else if (node !== 'and')
            groups.at(-1).push(Array.isArray(node) ? evaluateMarker(node, env) : compare(node, env));
    }
    const all = (g) => g.includes(false) ? false : g.includes(undefined) ? undefined : true;
    const values = groups.map(all);
    return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
}
const quoted = (s) => s.startsWith('"');
/** One comparison: a variable against a string, either way round (packaging's _evaluate_markers). */
function compare(c, env) {
    // Two strings or two variables: packaging looks a string up as a variable, or compares a name.
    if (quoted(c.lhs) === quoted(c.rhs))
        return undefined;
    const side = (s) => (quoted(s) ? s.slice(1, -1) : env[s]);
    const lhs = side(c.lhs);
    const rhs = side(c.rhs);
    if (lhs === undefined || rhs === undefined)
        return undefined;
    return evalOp(lhs, c.op, rhs);
}
const RELEASE = /^\d+(?:\.\d+)*$/;
const release = (v) => v.split('.').map(Number);
/** A release as str(Version) writes it: "3.012" -> "3.12". */
const withoutLeadingZeros = (v) => v.replace(/(^|\.)0+(?=\d)/g, '$1');
/** packaging's _eval_op: a version comparison where OP RHS is a version specifier, else Python's. */
function evalOp(lhs, op, rhs) {
    if (op === 'in')
        return rhs.includes(lhs);
    if (op === 'not in')
        return !rhs.includes(lhs);
    // packaging compares the version LHS, as str(Version) writes it, with RHS; LHS no version (a
    // name, "linux"): packaging raises (InvalidVersion; UndefinedComparison in packaging 26).
    if (op === '===')
        return RELEASE.test(lhs) ? withoutLeadingZeros(lhs) === rhs.toLowerCase() : undefined;
    const wildcard = (op === '==' || op === '!=') && /^\d+(?:\.\d+)*\.\*$/.test(rhs);
    if (wildcard || RELEASE.test(rhs))
        return RELEASE.test(lhs) ? versionOp(release(lhs), op, rhs) : undefined;
    // A version with a pre-, post- or dev-release part, an epoch or a local label: not judged here.
    if (/^v?\d/i.test(rhs))
        return undefined;
    switch (op) {
        case '==':
            return lhs === rhs;
        case '!=':
            return lhs !== rhs;
        case '<':
            return lhs < rhs;
        case '<=':
            return lhs <= rhs;
        case '>':
            return lhs > rhs;
        case '>=':
            return lhs >= rhs;
        default:
            return undefined; // ~= on a string: packaging refuses the comparison
    }
}
/** -1, 0 or 1: A against B, release segments, the shorter padded with zeros (PEP 440). */
function cmp(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0)
            return Math.sign(d);
    }
    return 0;
}
/** Whether the release V starts with PREFIX (V padded with zeros: "3" matches "3.0.*"). */
const hasPrefix = (v, prefix) => prefix.every((p, i) => (v[i] ?? 0) === p);
/** A release-only version V against OP SPEC (SPEC a release, or one ending ".*" with == and !=). */
function versionOp(v, op, spec) {
    if (spec.endsWith('.*')) {
        const match = hasPrefix(v, release(spec.slice(0, -2)));
        return op === '==' ? match : !match;
    }
    const s = release(spec);
    const d = cmp(v, s);
    switch (op) {
        case '==':
            return d === 0;
        case '!=':
            return d !== 0;
        case '<':
            return d < 0;
        case '<=':
            return d <= 0;
        case '>':
            return d > 0;
        case '>=':
            return d >= 0;
        case '~=':
            // Compatible release: >= SPEC and the same release but for SPEC's last segment.
            // One segment ("~=3") is no specifier: packaging refuses the comparison.
            return s.length < 2 ? undefined : d >= 0 && hasPrefix(v, s.slice(0, -1));
        default:
            return undefined;
    }
}


/***/ }),

/***/ 87818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ parseOptions),
/* harmony export */   P7: () => (/* binding */ shlexTokens),
/* harmony export */   lw: () => (/* binding */ OPTIONS)
/* harmony export */ });
/* unused harmony export shlexSplit */
// pip's requirement-file options, parsed as pip's optparse does: long names (and aliases, such as
// --pypi-url for --index-url) by unique prefix, short ones by letter, values inline (`--opt=v`,
// `-iv`) or in the next token, words that are no option's value ignored (pip ignores optparse's
// positional arguments: `--pre foo` installs no foo), and pip's shlex split of the options part of
// a line (shlexTokens: POSIX quotes and backslashes, with where each character came from). An
// option only some pips take (pip 26's --only-final, one pip removed such as --global-option) is
// refused with the pip version that takes it: the resolver and the build run the base image's pip.
// Pure.
/** Why an option of pip VERSION and later is refused: the bases' pip may be older. */
const newerPip = (option, version, instead) => `${option} is an option of pip ${version} and later: the pip of the base image, which the resolver and the build run, may be older and refuse the line ("no such option: ${option}"); ${instead}`;
/** Why an option pip VERSION removed is refused. */
const removedFromPip = (option, version, older) => `${option} was removed in pip ${version} (a base image's newer pip refuses the line: "no such option"${older}); pass build settings with -C/--config-settings instead`;
const STRONG_HASHES = ['sha256', 'sha384', 'sha512'];
/** Hex digits of each algorithm's digest: a value of another length matches no file. */
const HEX_DIGITS = { sha256: 64, sha384: 96, sha512: 128 };
const OPTIONS = [
    { long: 'index-url', aliases: ['pypi-url'], short: 'i', takesValue: true },
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
    {
        long: 'no-require-hashes',
        takesValue: false,
        refused: newerPip('--no-require-hashes', '26.2', 'drop the --hash options instead (every requirement then installs without a hash check)'),
    },
    { long: 'pre', takesValue: false },
    {
        long: 'all-releases',
        takesValue: true,
        refused: newerPip('--all-releases', '26.0', 'use --pre (every project), or name a pre-release in the requirement (foo>=2.0rc1)'),
    },
    {
        long: 'only-final',
        takesValue: true,
        refused: newerPip('--only-final', '26.0', 'leave it out (without --pre, pip takes a pre-release only where a requirement names one or a project has no final release), or pin final releases'),
    },
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
            const digits = v.length - i - 1;
            if (digits !== HEX_DIGITS[algo])
                return `the ${algo} digest "${v.slice(i + 1)}" is ${digits} hex digits, not ${HEX_DIGITS[algo]}: no file matches it (copy the whole digest)`;
            return undefined;
        },
    },
    { long: 'config-settings', short: 'C', takesValue: true, perRequirement: true },
    {
        long: 'global-option',
        takesValue: true,
        perRequirement: true,
        refused: removedFromPip('--global-option', '25.3', '; an older one builds every project from source with it, --no-binary :all:'),
    },
    {
        long: 'install-option',
        takesValue: true,
        perRequirement: true,
        refused: removedFromPip('--install-option', '23.1', ''),
    },
];
/**
 * optparse accepts a unique prefix of a long option string (`--extra-index` for --extra-index-url,
 * `--pypi` for --pypi-url): each name and alias is one string.
 */
function longOption(name, pool) {
    const strings = pool.flatMap((o) => [o.long, ...(o.aliases ?? [])].map((s) => ({ s, o })));
    const exact = strings.find((x) => x.s === name);
    if (exact)
        return exact.o;
    const prefixed = strings.filter((x) => x.s.startsWith(name));
    if (prefixed.length === 1)
        return prefixed[0].o;
    if (prefixed.length > 1)
        return `ambiguous option --${name} (${prefixed
            .map((x) => `--${x.s}`)
            .sort()
            .join(', ')})`;
    return `no such option: --${name}`;
}
/**
 * optparse over pip's shlex tokens: the options, and in `rest` the words that are no option's value
 * (optparse's positional arguments, which pip ignores).
 */
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
        if (spec.refused !== undefined)
            return { options, error: spec.refused, rest };
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
/** Python's shlex whitespace (not str.isspace's: a no-break space is part of a word). */
const SHLEX_SPACE = ' \t\r\n';
/**
 * Python's shlex.split(s) (POSIX mode, no comments), as pip splits the options part of a line: words
 * at spaces, tabs, CR, LF; quotes group and are removed; a backslash outside quotes takes the next
 * character as it is, inside double quotes only before '"' or '\\' (elsewhere it stays), inside
 * single quotes never. Each character's index in S is kept. `error` where Python raises (pip's
 * "Could not split options").
 */
function shlexTokens(s) {
    const tokens = [];
    let cur;
    const add = (i) => {
        cur ??= { value: '', at: [] };
        cur.value += s[i];
        cur.at.push(i);
    };
    for (let i = 0; i < s.length; i++) {
        const ch = s[i];
        if (SHLEX_SPACE.includes(ch)) {
            if (cur !== undefined)
                tokens.push(cur);
            cur = undefined;
        }
        else if (ch === "'" || ch === '"') {
            cur ??= { value: '', at: [] };
            for (i++; i < s.length && s[i] !== ch; i++) {
                if (ch === '"' && s[i] === '\\' && (s[i + 1] === '"' || s[i + 1] === '\\'))
                    i++;
                if (i < s.length)
                    add(i);
            }
            if (i >= s.length)
                return { error: 'unbalanced quotes in the options (pip cannot split them)' };
        }
        else if (ch === '\\') {
            if (++i >= s.length)
                return { error: 'a "\\" ends the options, escaping nothing (pip cannot split them)' };
            add(i);
        }
        else
            add(i);
    }
    if (cur !== undefined)
        tokens.push(cur);
    return { tokens };
}
/** shlex.split, as pip splits the options part of a line (shlexTokens' values); undefined where pip cannot. */
function shlexSplit(s) {
    const r = shlexTokens(s);
    return 'error' in r ? undefined : r.tokens.map((t) => t.value);
}


/***/ }),

/***/ 39459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ lineMarker),
/* harmony export */   Ew: () => (/* reexport safe */ _pep508_js__WEBPACK_IMPORTED_MODULE_3__.Ew),
/* harmony export */   Ms: () => (/* binding */ remoteIncludes),
/* harmony export */   Q4: () => (/* binding */ envReferences),
/* harmony export */   QT: () => (/* binding */ requirementNames),
/* harmony export */   Ut: () => (/* binding */ URL_LIKE),
/* harmony export */   W_: () => (/* reexport safe */ _pep508_js__WEBPACK_IMPORTED_MODULE_3__.W_),
/* harmony export */   XW: () => (/* binding */ parseRequirementsText),
/* harmony export */   dQ: () => (/* binding */ breakArgsOptions)
/* harmony export */ });
/* unused harmony exports logicalLines, parseLine */
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87818);
/* harmony import */ var _markers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(42971);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
/* harmony import */ var _pep508_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71302);
// Strict parsing of pip requirements files, before any pip runs: PEP 508 requirement lines (as
// `packaging` >= 22 judges them, the parser of every current pip) and pip's requirement-file syntax
// (https://pip.pypa.io/en/stable/reference/requirements-file-format/). Pure: text in, lines out.
// The rule is "a line pip accepts is never rejected": anything pip would hand to the filesystem or
// the network (paths, URLs, -e targets) is accepted as written and left for pip to judge.
// The grammar lives beside it: pip's options (options.ts) and PEP 508 strings (pep508.ts).





/**
 * Python's white space (str.isspace, str.strip(), \s in re): JavaScript's \s and trim() but
 * U+FEFF, and with the separators U+001C..U+001F and NEL. A byte-order mark inside a file (one
 * joined to another that began with it) is no blank to pip: "\uFEFFnumpy" is an invalid line.
 */
const PY_SPACE = ' \t\n\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
/** TEXT as Python's str.strip() leaves it (trimRuns: linear). */
const pyStrip = (text) => trimRuns(text, PY_SPACE);
/**
 * pip's COMMENT_RE, (^|\s+)#.*$: a '#' at the start or after whitespace starts a comment. One white
 * space character here, the rest is trimmed after (\s+ tried every start in a run of blanks again).
 */
const COMMENT = /(^|[^\S\ufeff])#.*$/;
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
/** Why a line holding the control character C is refused. */
function controlWhy(c) {
    const name = BREAKS[c];
    return name !== undefined
        ? `holds ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .unicodeName */ .DI)(c)} (${name}), where pip breaks the line: what follows would be a line never checked here; remove it`
        : `holds the control character ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .unicodeName */ .DI)(c)}; remove it`;
}
/** A line as shown in a message: its control characters written as U+XXXX, never sent raw. */
const visible = (s) => s.replace(CONTROL_ALL, (c) => `<${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .unicodeName */ .DI)(c)}>`);
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
        const stripped = pyStrip(joined.replace(COMMENT, ''));
        if (stripped !== '')
            out.push({ line: n, text: stripped, raw: joined });
    };
    physical.forEach((l, i) => {
        const isComment = /^[^\S\ufeff]*#/.test(l);
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
/**
 * A URL as pip's is_url takes one: exactly its schemes, those it fetches (http, https, file, ftp)
 * and its VCS ones (`hg+static-http:`, `bzr+sftp:`, `bzr+lp:pkg`, no `//` needed), any case.
 */
const URL_LIKE = /^(?:https?|file|ftp|git(?:\+(?:https?|ssh|git|file))?|hg\+(?:file|https?|ssh|static-http)|svn(?:\+(?:ssh|https?|svn|file))?|bzr\+(?:https?|ssh|sftp|ftp|lp|file)):/i;
function eggName(url) {
    const egg = /[#&]egg=([^&]+)/.exec(url)?.[1];
    return egg ? (0,_pep508_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalName */ .Ew)(egg.replace(/\[.*$/, '')) : undefined;
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
/**
 * A requirement token that pip treats as a location (URL, path, archive) rather than PEP 508, with
 * the text of its marker when it has one.
 */
function asLocation(arg) {
    // pip: markers follow a URL after "; " (a URL may contain ';'), a name after ";".
    const sep = URL_LIKE.test(arg) ? '; ' : ';';
    const cut = arg.indexOf(sep);
    const loc = pyStrip(cut < 0 ? arg : arg.slice(0, cut));
    if (URL_LIKE.test(loc) || looksLikePath(loc) || ARCHIVE.test(withoutFinalExtras(loc))) {
        // "name @ url" with spaces is PEP 508, not a location. (\s*(\[...\])?\s*@ split a run of blanks
        // between the two \s* every way: quadratic. The blanks after the extras go with them here.)
        if (/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\]\s*)?@/.test(loc) && !looksLikePath(loc.split('@')[0]))
            return undefined;
        const name = eggName(loc);
        return {
            url: loc,
            ...(name !== undefined && { name }),
            ...(cut >= 0 && { marker: arg.slice(cut + sep.length) }),
        };
    }
    return undefined;
}
/**
 * pip's break_args_options: a line's requirement part is every ' '-separated word before the first
 * that starts with "-"; the rest, from index `start`, is the options part, which pip shlex-splits
 * (shlexTokens), quotes and backslashes removed, before optparse reads it.
 */
function breakArgsOptions(text) {
    const tokens = text.split(' ');
    const firstOpt = tokens.findIndex((t) => t.startsWith('-'));
    if (firstOpt < 0)
        return { args: text, options: '', start: text.length };
    const start = tokens.slice(0, firstOpt).reduce((n, t) => n + t.length + 1, 0);
    return { args: text.slice(0, Math.max(0, start - 1)), options: text.slice(start), start };
}
/**
 * Parse one logical line (after comment removal and ${VAR} expansion). As pip: a word among the
 * options that is no option's value (`--pre foo`) is ignored, and so is a per-requirement option
 * (`--hash`, `-C`) on a line without a requirement (pip warns of a `--hash`).
 */
function parseLine(text) {
    const parts = breakArgsOptions(text);
    const args = pyStrip(parts.args);
    const split = (0,_options_js__WEBPACK_IMPORTED_MODULE_0__/* .shlexTokens */ .P7)(parts.options);
    if ('error' in split)
        return { error: split.error };
    const { options, error } = (0,_options_js__WEBPACK_IMPORTED_MODULE_0__/* .parseOptions */ .Ac)(split.tokens.map((t) => t.value), _options_js__WEBPACK_IMPORTED_MODULE_0__/* .OPTIONS */ .lw);
    if (error)
        return { error };
    if (args === '') {
        const e = options.find((o) => o.spec.long === 'editable');
        if (e)
            return editable(e.value);
        const global = options.filter((o) => !o.spec.perRequirement);
        return {
            kind: 'option',
            options: global.map((o) => ({ option: o.spec.long, ...(o.value !== undefined && { value: o.value }) })),
        };
    }
    const hashed = options.some((o) => o.spec.long === 'hash') && { hashed: true };
    const loc = asLocation(args);
    if (loc)
        return {
            kind: 'requirement',
            url: loc.url,
            editable: false,
            ...(loc.name !== undefined && { name: loc.name }),
            ...hashed,
        };
    try {
        const r = (0,_pep508_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePep508 */ .W_)(args);
        return {
            kind: 'requirement',
            name: (0,_pep508_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalName */ .Ew)(r.name),
            editable: false,
            ...(r.url !== undefined && { url: r.url }),
            ...(r.extras.length > 0 && { extras: r.extras }),
            ...hashed,
        };
    }
    catch (e) {
        if (e instanceof _pep508_js__WEBPACK_IMPORTED_MODULE_3__/* .Syntax */ .w4)
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
/**
 * Project names of a requirements text (lines parsed as pip does; options, bare paths and URLs
 * without #egg= skipped). With ENV (markers.ts), a requirement whose marker is false there is left
 * out, as pip leaves it out; one whose marker turns on a value ENV does not know is kept.
 */
function requirementNames(text, env) {
    return parseRequirementsText(text).lines.flatMap((l) => {
        if (l.kind !== 'requirement' || l.name === undefined)
            return [];
        const tree = env === undefined || l.editable ? undefined : lineMarker(l.text);
        return tree !== undefined && (0,_markers_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluateMarker */ .U)(tree, env) === false ? [] : [l.name];
    });
}
/** The marker of a requirement line (after ";", or "; " after a URL, as pip splits them); none when it does not parse. */
function lineMarker(text) {
    const args = pyStrip(breakArgsOptions(text).args);
    try {
        const loc = asLocation(args);
        if (loc === undefined)
            return (0,_pep508_js__WEBPACK_IMPORTED_MODULE_3__/* .pep508MarkerTree */ .n6)(args);
        return loc.marker === undefined ? undefined : (0,_pep508_js__WEBPACK_IMPORTED_MODULE_3__/* .parseMarkerText */ .bf)(loc.marker);
    }
    catch (e) {
        if (e instanceof _pep508_js__WEBPACK_IMPORTED_MODULE_3__/* .Syntax */ .w4)
            return undefined;
        throw e;
    }
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
/* harmony export */   bf: () => (/* binding */ parseMarkerText),
/* harmony export */   "in": () => (/* binding */ isDistName),
/* harmony export */   n6: () => (/* binding */ pep508MarkerTree),
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
/**
 * The deepest marker group read: a deeper one is refused (pip's own parser, recursive, fails past
 * about 400 levels; this one would overflow the stack near 5,000).
 */
const MAX_MARKER_DEPTH = 100;
/** A cursor over one requirement string, with packaging's grammar as methods. */
class Cursor {
    s;
    i = 0;
    /** The marker groups open at i. */
    depth = 0;
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
        const bom = this.s.includes('\ufeff')
            ? ': the line holds U+FEFF, an invisible byte-order mark (from a file joined to this one?), which pip reads as part of it; remove it'
            : '';
        throw new Syntax(`${why} at position ${this.i + 1}${this.done() ? ' (end of line)' : ` ("${this.s.slice(this.i, this.i + 12)}")`}${bom}`);
    }
}
/** Refuse VERSION after OP where packaging's pattern for OP does not take it, saying why. */
function checkVersion(op, version) {
    const re = VERSION_BY_OP[op] ?? VERSION_BY_OP.other;
    if (re.test(version))
        return;
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
/**
 * What follows "===" up to white space, ";" or ")", commas included, as packaging's tokenizer reads
 * it: `===1,>=2` is two clauses, `===1, >=2` one ("===1,") and then text pip refuses. Each clause
 * after a comma is checked on its own, as packaging's SpecifierSet does.
 */
function checkArbitrary(text) {
    // The first clause is ==='s own version: anything goes.
    for (const clause of text.split(',').slice(1)) {
        if (clause === '')
            continue;
        OPERATOR.lastIndex = 0;
        const op = OPERATOR.exec(clause)?.[0];
        if (op === undefined || op === clause)
            throw new Syntax(`"${clause}" is not a version specifier: after "===", pip reads up to the next space as one ("===${text}")`);
        checkVersion(op, clause.slice(op.length));
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
        // Between operator and version packaging's pattern takes Python's \s: any Unicode blank.
        c.match(/[^\S\ufeff]*/y);
        const start = c.i;
        const stop = op === '===' ? /[\s;)]/ : /[\s,;)]/;
        while (!c.done() && !stop.test(c.s[c.i]))
            c.i++;
        const version = c.s.slice(start, c.i);
        if (version === '' || version.startsWith(',')) {
            c.i = start;
            c.fail(`expected a version after "${op}"`);
        }
        if (op === '===')
            checkArbitrary(version);
        else
            checkVersion(op, version);
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
        if (++c.depth > MAX_MARKER_DEPTH) {
            c.i--;
            c.fail(`more than ${MAX_MARKER_DEPTH} nested parentheses in the marker`);
        }
        const group = parseMarker(c);
        c.ws();
        if (!c.eat(')'))
            c.fail('expected ")" to close the marker group');
        c.depth--;
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
 * strings in double quotes, a group of one item or the whole marker without parentheses. Unlike
 * packaging, a group inside doubled parentheses keeps one pair: packaging writes
 * `a and ((b or c))` as `a and b or c`, which reads as `(a and b) or c`.
 */
function formatMarker(m, first = true) {
    if (typeof m === 'string')
        return m;
    if (!Array.isArray(m))
        return `${m.lhs} ${m.op} ${m.rhs}`;
    if (m.length === 1)
        return formatMarker(m[0], first);
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
    return parseWithTree(s).req;
}
/**
 * The marker of a PEP 508 requirement as a tree (comparisons, with strings in double quotes and
 * variables bare, joined by "and"/"or"; a group a nested list), for evaluation (markers.ts);
 * undefined without a marker. A Syntax error as parsePep508.
 */
function pep508MarkerTree(s) {
    return parseWithTree(s).tree;
}
/** A whole marker string (what follows ";") as a tree, or a Syntax error. */
function parseMarkerText(s) {
    const c = new Cursor(s);
    const tree = parseMarker(c);
    c.ws();
    if (!c.done())
        c.fail('unexpected text after the marker');
    return tree;
}
function parseWithTree(s) {
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
            return { req: { name, extras, url } };
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
            return { req: { name, extras } };
        if (!c.eat(';')) {
            if (/[<>=!~]/.test(c.s[c.i]))
                c.fail('invalid version specifier');
            c.fail('expected a version specifier, ";" and a marker, or the end of the line');
        }
    }
    const tree = parseMarker(c);
    c.ws();
    if (!c.done())
        c.fail('unexpected text after the marker');
    return { req: { name, extras, ...(url !== undefined && { url }), marker: formatMarker(tree) }, tree };
}


/***/ }),

/***/ 3228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ gpuSuiteSight),
/* harmony export */   Nn: () => (/* binding */ SMOKE_RESULT_SCHEMA_VERSION),
/* harmony export */   U5: () => (/* binding */ toJUnit),
/* harmony export */   wp: () => (/* binding */ SmokeResultSchema)
/* harmony export */ });
/* unused harmony exports SmokeTestSchema, SmokeRunnerSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92857);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64377);
// SmokeResult (smoke.json) and its JUnit XML form (junit.xml).

const SMOKE_RESULT_SCHEMA_VERSION = 1;
const SmokeTestSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    suite: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    status: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pass', 'fail', 'skip']),
    reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()),
    /** The end of the output of a failing test (redacted). */
    output: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    cause: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), cause: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), fix: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), source: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), match: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })
        .optional(),
});
/** The runner the suites ran on (src/github/run.ts: RUNNER_NAME, RUNNER_OS, RUNNER_ARCH, run URL). */
const SmokeRunnerSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    os: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    arch: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
    url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
});
const SmokeResultSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(SMOKE_RESULT_SCHEMA_VERSION),
    image: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    platform: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    gpus: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['all', 'none']),
    /**
     * The GPUs the tests ran with, as the reuse key covers them: "none" (CPU only), the models and
     * the driver ("2x NVIDIA H200; driver 570.86.15"), or "unknown". Set by the smoke stage; results
     * of older versions (and of `ml-image smoke`) have none.
     */
    gpuDevices: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    tests: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SmokeTestSchema),
    summary: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ pass: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), fail: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), skip: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig() }),
    /**
     * When and where the suites ran (ISO 8601; the runner). The smoke attestation says so, also when
     * another job makes it or an identical earlier run's results are reused. Results of versions
     * before these fields have neither.
     */
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .datetime */ .w$({ offset: true }).optional(),
    runner: SmokeRunnerSchema.optional(),
    /**
     * Set on the results of a cluster job (`ml-image export`) that `ml-image collect` read back: the
     * job and where it ran. The report says so beside the tests.
     */
    cluster: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        target: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['slurm', 'k8s']),
        job: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
        node: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
        nodes: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    })
        .optional(),
    /**
     * Set on the results so far of a run that was stopped before every suite ran (SIGINT, SIGTERM,
     * SIGHUP; the Docker daemon going away): why (the error's message). Its last test failed because
     * it was stopped, not on its own, and the tests after it are missing: such a result is shown,
     * never attested (src/pipeline/attest.ts) nor reused. Results without it ran to the end.
     */
    interrupted: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).optional(),
});
/**
 * The most GPUs one test is believed to have seen: more than any host holds. A count above it (a
 * test's own metrics, or a cluster job's record) names no count: one device, not an attest stage
 * out of memory.
 */
const MAX_GPUS_SEEN = 1024;
const gpuCount = (v) => Number.isInteger(v) && v > 0 && v <= MAX_GPUS_SEEN ? v : undefined;
/**
 * The `names`, `gpus`, `driver` and `cuda_devices` metrics of the first passing test of the gpu
 * suite (images/probe/ml_image_smoke.py writes them), checked: undefined when no such test lists
 * `names`. The smoke attestation's devices (src/attest/smoke-predicate.ts) and a collected cluster
 * result's GPUs (src/smoke/collect.ts) both read them here, so they cannot read them differently.
 */
function gpuSuiteSight(tests) {
    const t = tests.find((x) => x.suite === 'gpu' && x.status === 'pass' && Array.isArray(x.metrics.names));
    if (t === undefined)
        return undefined;
    const m = t.metrics;
    const names = [
        ...new Set(m.names.filter((n) => typeof n === 'string' && n !== '')),
    ];
    const gpus = gpuCount(m.gpus);
    const cudaDevices = gpuCount(m.cuda_devices);
    return {
        names: names.sort(),
        ...(gpus !== undefined && { gpus }),
        driver: typeof m.driver === 'string' && m.driver !== '' ? m.driver : null,
        ...(cudaDevices !== undefined && { cudaDevices }),
    };
}
const xml = (s) => s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c])
    // XML 1.0 forbids most control characters, U+FFFE, U+FFFF and lone surrogates (its Char
    // production), which test output may contain: they are removed.
    .replace(
// eslint-disable-next-line no-control-regex -- removing them is the point
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
/**
 * Text as an XML attribute's value: xml, then line breaks and tabs as character references (a
 * parser turns a raw one into a space: a reason's lines would come back run together).
 */
const attr = (s) => xml(s).replace(/[\n\r\t]/g, (c) => ({ '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]);
/** Text as an element's content: xml, a carriage return kept (a parser turns a raw one into LF). */
const text = (s) => xml(s).replace(/\r/g, '&#13;');
/** A metric's value as a property's: a string as it is, an object or a list as JSON. */
const metricText = (v) => typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
function toJUnit(r) {
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="ml-image smoke" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}" time="${(r.summary.durationMs / 1000).toFixed(3)}">`,
        `  <testsuite name="${attr(`${r.image} ${r.platform}`)}" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}">`,
    ];
    for (const t of r.tests) {
        lines.push(`    <testcase classname="${attr(t.suite)}" name="${attr(t.id)}" time="${(t.durationMs / 1000).toFixed(3)}">`);
        if (t.status === 'skip')
            lines.push(`      <skipped message="${attr(t.reason ?? '')}"/>`);
        if (t.status === 'fail') {
            const msg = t.cause
                ? `${t.reason ?? ''} | cause: ${t.cause.cause} | fix: ${t.cause.fix}`
                : (t.reason ?? '');
            lines.push(`      <failure message="${attr(msg)}">${text(t.output ?? '')}</failure>`);
        }
        const props = Object.entries(t.metrics);
        if (props.length) {
            lines.push('      <properties>');
            for (const [k, v] of props)
                lines.push(`        <property name="${attr(k)}" value="${attr(metricText(v))}"/>`);
            lines.push('      </properties>');
        }
        lines.push('    </testcase>');
    }
    lines.push('  </testsuite>', '</testsuites>', '');
    return lines.join('\n');
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
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82513);
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
        // Block markers only matter at the start of a line (a list item's text): heading, list, rule;
        // after up to three blanks too, as CommonMark reads them.
        .replace(/^( {0,3})(#{1,6}|[+-])(?=[ \t]|$)/, '$1\\$2')
        .replace(/^( {0,3})-(?=-)/, '$1\\-')
        .replace(/^( {0,3})(\d+)\.(?=[ \t]|$)/, '$1$2\\.')
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


/***/ }),

/***/ 72752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ indexUrlProblem),
/* harmony export */   u: () => (/* binding */ INDEX_PROTOCOL)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49997);
// What a pip index URL may be, for the config schema and for the indexes given by flags or the
// environment (src/python/indexes.ts): pip reads one over http, https or file.

/** The schemes pip reads an index over, as a URL's protocol. */
const INDEX_PROTOCOL = /^(https?|file)$/;
/**
 * What is wrong with URL as a pip index, or undefined: an http(s) or file URL with no blank or
 * control character in it. Such a character would end the URL where pip reads it (a pip.conf line,
 * PIP_EXTRA_INDEX_URL's list), and the URL parser would drop a line break silently. The problem
 * never quotes the URL (what looks like its scheme may be a login: user:password@host).
 */
function indexUrlProblem(url) {
    if (_text_js__WEBPACK_IMPORTED_MODULE_0__/* .BLANK_OR_CONTROL */ .pm.test(url))
        return 'a blank or control character is in it';
    let protocol;
    try {
        protocol = new URL(url).protocol.slice(0, -1);
    }
    catch {
        // pip takes a directory too, but it runs in a container here, which does not have this one.
        return /^[./~]/.test(url)
            ? "a directory, not a URL: pip runs in a container here, without this machine's files (serve it over http)"
            : 'not a URL';
    }
    return INDEX_PROTOCOL.test(protocol) ? undefined : 'pip reads an index over http, https or file only';
}


/***/ }),

/***/ 2426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ isRunnerOwnVariable),
/* harmony export */   X: () => (/* binding */ RUNNER_OWN_VARIABLE)
/* harmony export */ });
// The runner's own environment variables: the job's tokens (ACTIONS_RUNTIME_TOKEN,
// ACTIONS_ID_TOKEN_REQUEST_TOKEN, ACTIONS_CACHE_URL ...), the action's inputs as the runner hands
// them over (INPUT_REGISTRY-PASSWORD, INPUT_GITHUB-TOKEN) and its saved state (STATE_*). Files a
// pull request can change (requirements, ml-image.yml) name variables to pass on to pip and to
// buildx; none of these may be among them.
const RUNNER_OWN = /^(ACTIONS|INPUT|STATE)_/i;
/** Whether NAME is one of the runner's own variables, never passed on. */
function isRunnerOwnVariable(name) {
    return RUNNER_OWN.test(name);
}
/** What an error says about one. */
const RUNNER_OWN_VARIABLE = "is one of the runner's own variables (ACTIONS_*, INPUT_*, STATE_*: the job's tokens and the action's inputs), never passed on";


/***/ }),

/***/ 92561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ isNameReference),
/* harmony export */   DH: () => (/* binding */ decoded),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   Nm: () => (/* binding */ HOST_TOKEN_WHERE),
/* harmony export */   gJ: () => (/* binding */ urlTokens),
/* harmony export */   u2: () => (/* binding */ isLiteralSecret)
/* harmony export */ });
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82513);
// The secret parts of a URL, for a log masker (core.setSecret): a runner then hides them wherever
// they appear, also in what pip or buildx print verbatim, which redactText never sees. The parts
// are what the shared rules mask in text (images/probe/redaction-rules.json): the userinfo, the
// value of a query or fragment parameter named for a secret, Anaconda's /t/<token>/ segment,
// Cloudsmith's dl.cloudsmith.io/<token>/ (urlTokens.hostToken). The
// secret ones among them (not a plain user name, a placeholder, a short value, /t/ off Anaconda's
// hosts), written literally in a requirements file, are refused (requirements/credentials.ts).

/** A whole ${NAME} (pip's rule: upper-case letters, digits, _): pip fills it in, it is no secret. */
const NAME_REFERENCE = /^\$\{[A-Z0-9_]+\}$/;
/**
 * The shared rules skip a value that is a whole `${name}` of any case (a masker hides no less by
 * that; the query rule ignores case); pip fills in only a `${NAME}` (its ENV_VAR_RE), so here the
 * skip is taken out of the rule and urlTokens leaves out a whole `${NAME}` itself: a `${name}` of
 * another form is a value like any other, a token to judge (requirements/credentials.ts refuses it
 * as a reference pip does not fill in) and to mask.
 */
const RULE_SKIP = /\(\?!\\\$\\\{\[A-Za-z0-9_\]\+\\\}\(\?!\[\^[^\]]*\]\)\)/;
const withoutSkip = (pattern) => {
    if (!RULE_SKIP.test(pattern))
        throw new Error(`a redaction rule without its \${NAME} skip: ${pattern}`);
    return pattern.replace(RULE_SKIP, '');
};
const { span, query, pathToken, hostToken } = _redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTION_RULES */ .iz.urlTokens;
const URL_SPAN = new RegExp(span);
const QUERY_SECRET_G = new RegExp(withoutSkip(query.pattern), query.ignoreCase ? 'gi' : 'g');
const PATH_TOKEN = new RegExp(withoutSkip(pathToken));
const HOST_TOKEN = new RegExp(withoutSkip(hostToken.pattern));
/** Where a host token is (UrlToken.where): the host's name and the segment, `dl.cloudsmith.io/<token>/`. */
const HOST_TOKEN_WHERE = `${hostToken.hint}/<token>/`;
const isNameReference = (part) => NAME_REFERENCE.test(part);
/**
 * The tokens of URL (from its first '://' to whitespace or '"') that the shared rules mask:
 * Anaconda's `/t/<token>/` segment right after the host, the first path segment on a host that
 * takes a token there (`dl.cloudsmith.io/<token>/`), and the value of each query or fragment
 * parameter named for a secret (`?token=`, `&sig=`, `X-Amz-Signature=`, also percent-encoded).
 * A value that is a whole `${NAME}` is not one (pip fills it in; a `${name}` of another form, which
 * pip sends as written, is); an empty one is given as such.
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
    const h = HOST_TOKEN.exec(rest);
    if (h)
        out.push({ where: HOST_TOKEN_WHERE, value: h[2], at: colon + h.index + h[1].length });
    for (const m of rest.matchAll(QUERY_SECRET_G))
        out.push({ where: m[1], value: m[2], at: colon + m.index + m[1].length });
    return out.filter((x) => !isNameReference(x.value));
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
const noSecret = (part) => part === '' || part === _redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF || part === _redact_js__WEBPACK_IMPORTED_MODULE_0__/* .MASK */ .v5 || isNameReference(part);
/**
 * Whether PART of a URL (a password, a parameter's value) holds a value of its own: not empty, not
 * masked already, not a whole `${NAME}` reference (as written or percent-decoded).
 */
const isLiteralSecret = (part) => {
    const d = decoded(part);
    return !noSecret(part) && (d === undefined || !noSecret(d));
};
/**
 * Every secret part of URL, to mask in logs: its password, its user name where that is the secret
 * (no password, or a token's shape), the value of each query
 * or fragment parameter the shared rule names (`?token=`, `&X-Amz-Signature=`, `sig=`, also
 * percent-encoded, in a URL nested in the query), the token of an Anaconda `/t/<token>/`
 * segment right after the host, and a token host's first path segment (`dl.cloudsmith.io/<token>/`). Each is given as written in the URL (percent-encoded) and
 * decoded, when that differs; a part that does not decode (a bare '%') is given as written. Empty,
 * masked already or a whole `${NAME}` reference (in either form) is left out, and so is a form
 * shorter than MIN_CHARS (a mask that short would hide that text in every log line).
 */
function urlSecrets(url, minChars) {
    const parts = [];
    try {
        const u = new URL(url);
        // The user name only where it is the secret: no password (`https://TOKEN@host`, Gemfury's
        // `TOKEN:@`), or a token by its shape or before a public password (isTokenUser). A plain name
        // (`build`, `nexus`, `__token__`) masked in the log made a runner drop every job output naming it
        // (the config's "build": key) and masked innocent values holding it (/opt/conda).
        if (u.password === '' || (0,_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .isTokenUser */ .Pj)(u.username, u.password))
            parts.push(u.username);
        parts.push(u.password);
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


/***/ })

};
