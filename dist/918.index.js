export const id = 918;
export const ids = [918];
export const modules = {

/***/ 46918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyAction: () => (/* binding */ verifyAction)
});

// UNUSED EXPORTS: COMMAND_INPUT, VERIFY_INPUTS, VERIFY_OUTPUTS, checksMarkdown, pinsLine, runVerify

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/attest/signers.ts + 6 modules
var signers = __webpack_require__(38206);
// EXTERNAL MODULE: ./src/docker/registry-client.ts
var registry_client = __webpack_require__(15669);
// EXTERNAL MODULE: ./src/attest/cosign-image.ts
var cosign_image = __webpack_require__(1614);
// EXTERNAL MODULE: ./src/attest/cosign-push.ts
var cosign_push = __webpack_require__(33147);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/map-limit.ts
var map_limit = __webpack_require__(9992);
// EXTERNAL MODULE: ./src/attest/read-limits.ts
var read_limits = __webpack_require__(39234);
;// CONCATENATED MODULE: ./src/attest/verify-layers.ts





/** The probe over the registry client; each tag's manifest is read once (one verify's probes). */
function registryAttestations(client) {
    const manifests = new Map();
    return async (ref, type) => {
        const { host, repository, digest } = (0,cosign_image/* splitRef */.Mn)(ref);
        const c = client(host);
        const tag = (0,cosign_image/* cosignTag */.qv)(digest, 'att');
        const id = `${host}/${repository}:${tag}`;
        let m = manifests.get(id);
        if (!m)
            manifests.set(id, (m = c.manifest(repository, tag, cosign_push/* ACCEPT */.FA)));
        const uri = (0,cosign_image/* predicateTypeUri */.Mx)(type);
        const ofType = (0,cosign_image/* readLayers */.n4)(await m).filter((l) => l.mediaType === cosign_image/* DSSE_MEDIA_TYPE */.OO && l.annotations?.predicateType === uri);
        // An embedded blob came with the manifest: cosign had it, and left it out for another reason.
        const fetched = (0,read_limits/* readableLayers */.RJ)(ofType.filter((l) => (0,cosign_image/* embeddedBlob */.MJ)(l) === undefined), host, `${repository}:${tag}`, 'attestation');
        try {
            const blobs = await (0,map_limit/* mapLimit */.sf)(fetched, cosign_image/* READ_AT_ONCE */.fh, (l) => (0,read_limits/* checkedBlob */.TN)(c, repository, tag, l));
            return (0,read_limits/* leftOut */.ig)(blobs.filter((b) => typeof b === 'string'));
        }
        catch (e) {
            if (!(e instanceof errors/* EnvironmentError */.eG))
                throw e;
            throw new errors/* EnvironmentError */.eG(`the ${type} attestation of ${ref}: ${repository}:${tag} lists its layer, whose blob the registry does not serve (so the check found none): ${e.message}`, e.fix ?? 'check the registry and any proxy in between', { cause: e });
        }
    };
}
/** SIGNER's checks, where an attestation found missing is confirmed with PROBE (when given). */
function confirmingChecks(signer, probe) {
    if (!probe)
        return signer;
    return {
        verify: (ref, identity, o) => signer.verify(ref, identity, o),
        verifyAttestations: async (ref, type, identity, o) => {
            const v = await signer.verifyAttestations(ref, type, identity, o);
            if (v.ok || v.failure.reason !== 'missing')
                return v;
            const note = await probe(ref, type);
            return note ? { ok: false, failure: { ...v.failure, message: `${v.failure.message}${note}` } } : v;
        },
    };
}

// EXTERNAL MODULE: ./src/attest/workflow-claims.ts
var workflow_claims = __webpack_require__(14424);
;// CONCATENATED MODULE: ./src/attest/verify-certificates.ts






/** Where cosign keeps a keyless signature's certificate: an annotation of its layer. */
const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
/** The certificates on the `.sig` / `.att` tag of REF, over the registry client. */
function registryCertificates(client) {
    return async (ref, tag) => {
        const { host, repository, digest } = (0,cosign_image/* splitRef */.Mn)(ref);
        const m = await client(host).manifest(repository, (0,cosign_image/* cosignTag */.qv)(digest, tag), cosign_push/* ACCEPT */.FA);
        return (0,cosign_image/* readLayers */.n4)(m)
            .map((l) => l.annotations?.[CERTIFICATE_ANNOTATION])
            .filter((c) => typeof c === 'string' && c.includes('-----BEGIN CERTIFICATE-----'));
    };
}
/**
 * The reader `ml-image verify` and its sub-action use, over the built-in registry client where it
 * reaches REF's registry as docker would (not through a proxy, not with an identity token: then
 * none, a failed check says less and cosign's "missing" stands unconfirmed); its requests go over
 * TRANSPORT's fetch (default node:http) and end at its signal (the deadline). Certificates only for
 * a keyless identity that pins a workflow claim (none otherwise); the attestation probe for every
 * identity. Docker's config is read when a check first failed, not before.
 */
function certificateReaderFor(env, ref, identity, transport = {}) {
    let reader;
    const registry = () => {
        if (reader === undefined) {
            const client = (0,signers/* nativeReaches */.hG)(ref, env)
                ? (0,registry_client/* defaultClient */.V)(env, transport.fetch, transport.signal)
                : undefined;
            reader = client
                ? { certificates: registryCertificates(client), attestations: registryAttestations(client) }
                : null;
        }
        return reader;
    };
    const pins = identity.kind === 'keyless' && (0,workflow_claims/* pinnedClaims */.al)(identity).length > 0;
    const certificates = async (r, tag) => pins ? (registry()?.certificates(r, tag) ?? []) : [];
    const attestations = async (r, type) => (await registry()?.attestations(r, type)) ?? '';
    return Object.assign(certificates, { attestations });
}

// EXTERNAL MODULE: ./src/attest/verify-inputs.ts + 2 modules
var verify_inputs = __webpack_require__(19171);
// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/util/parse-input.ts
var parse_input = __webpack_require__(91814);
// EXTERNAL MODULE: ./src/config/platform.ts
var config_platform = __webpack_require__(15063);
// EXTERNAL MODULE: ./src/docker/oci-types.ts
var oci_types = __webpack_require__(2329);
;// CONCATENATED MODULE: ./src/attest/verify-targets.ts
// The platform images a verification checks: every manifest of an index (or the one --platform
// names), or a single-platform image itself, whose config says its platform when one is asked for.





/** The normalized architecture of a platform (amd64 of x86_64, linux/amd64/v3, unknown/amd64). */
const archOf = (platform) => (0,config_platform/* normalizePlatform */.FL)(platform).split('/')[1] ?? '';
/**
 * Whether a runtime asking for WANTED (normalized) may pull an index entry for PLATFORM: the same
 * platform once normalized, or one without an OS (the runtime's own OS, whatever it is).
 */
function mayPull(platform, wanted) {
    const have = (0,config_platform/* normalizePlatform */.FL)(platform);
    if (have === wanted)
        return true;
    return have.startsWith('/') && wanted.slice(wanted.indexOf('/')) === have;
}
/**
 * Whether an image the registry lists as LISTED (an index entry's platform, an image config's) is
 * one signed as built for SIGNED: the same platform once normalized (an entry without an OS is
 * one for any OS). verify-platform.ts.
 */
function samePlatform(listed, signed) {
    return mayPull(listed, (0,config_platform/* normalizePlatform */.FL)(signed));
}
/**
 * The platform images behind a reference: every manifest of an index, or the image itself. With
 * ONLY, the one of that platform: an index's entry, or a single-platform image whose config names
 * that platform (read only then); when there is none, `missing` says what there is. A tag before
 * the digest is dropped: the digest decides, and every target is REPOSITORY@DIGEST.
 */
async function platformTargets(docker, ref, only, prefix = 'verify: ') {
    const { ref: pinned, digest } = (0,oci_ref/* parseDigestRef */.Tf)(ref, { field: `${prefix}IMAGE@DIGEST` });
    const repository = pinned.slice(0, pinned.lastIndexOf('@'));
    const index = await docker.imagetoolsInspect(pinned);
    // An entry that is an index itself is marked: verify fails it (verify.ts), whatever is signed.
    const nested = new Set(index.indexEntries ?? []);
    const mark = (d) => (nested.has(d) ? { index: true } : {});
    // Every entry but BuildKit's attestation manifests (unknown/unknown): one with an unknown OS and
    // a real architecture is what Enroot pulls on a node of that architecture when it comes first.
    const listed = index.platforms
        .filter((p) => !(0,oci_types/* isAttestationEntry */.r2)(p))
        .map((p) => ({
        platform: (0,util_text/* printable */.g$)(`${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`),
        ref: `${repository}@${p.digest}`,
        digest: p.digest,
        listed: true,
        ...mark(p.digest),
    }));
    // An entry without a platform may be what a runtime pulls on any platform: always checked.
    const loose = (index.unplatformed ?? []).map((d) => ({
        platform: (0,util_text/* printable */.g$)(`no platform (${d.slice(d.indexOf(':') + 1, d.indexOf(':') + 13)})`),
        ref: `${repository}@${d}`,
        digest: d,
        ...mark(d),
    }));
    const wanted = only === undefined ? undefined : (0,config_platform/* normalizePlatform */.FL)(only);
    if (listed.length === 0 && loose.length === 0) {
        if (only === undefined)
            return { targets: [{ platform: 'image', ref: pinned, digest }] };
        const read = await docker.imagePlatform(pinned);
        const platform = read === undefined ? undefined : (0,util_text/* printable */.g$)(read);
        if (platform !== undefined && mayPull(platform, wanted))
            return { targets: [{ platform, ref: pinned, digest, listed: true }] };
        return {
            targets: [],
            missing: platform === undefined
                ? 'not in the image: it names no platform (an index without platform images, or an image whose config names none); check it without a platform'
                : `not in the image: it is a single-platform image for ${platform}; check it without a platform, or check the digest of the ${only} image`,
        };
    }
    // Every entry a runtime asking for ONLY may pull, however the index spells its platform
    // (x86_64, aarch64, arm64/v8, no OS): checked, so an unsigned one spelled otherwise cannot pass.
    // And every entry of its architecture whatever its OS and variant: Enroot (Slurm's Pyxis) pulls
    // the first entry whose architecture is the node's.
    const chosen = only === undefined
        ? listed
        : listed.filter((p) => mayPull(p.platform, wanted) || archOf(p.platform) === archOf(wanted));
    const targets = [...chosen, ...loose];
    if (only === undefined || chosen.length > 0)
        return { targets };
    // The entries without a platform are checked all the same: a runtime may pull one.
    const has = [...listed, ...loose].map((p) => p.platform).join(', ');
    return { targets, missing: `not in the index (it has: ${has})` };
}

;// CONCATENATED MODULE: ./src/attest/verify-platform.ts


/**
 * The SBOM's property naming the platform: sbom.ts's SBOM_PROPERTY_PREFIX + "platform" (spelled
 * here so the CycloneDX library stays out of verify; a unit test holds the two together).
 */
const SBOM_PLATFORM_PROPERTY = 'ml-image:platform';
const record = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
const verify_platform_text = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
/** The platform a verified predicate of KIND names (signed with it), if it names one. */
function signedPlatform(kind, predicate) {
    const p = record(predicate);
    switch (kind) {
        case 'provenance':
            return verify_platform_text(record(record(p?.buildDefinition)?.externalParameters)?.platform);
        case 'sbom': {
            const properties = record(record(p?.metadata)?.component)?.properties;
            if (!Array.isArray(properties))
                return undefined;
            return verify_platform_text(properties.map(record).find((x) => x?.name === SBOM_PLATFORM_PROPERTY)?.value);
        }
        case 'smoke':
            return verify_platform_text(record(p?.image)?.platform);
    }
}
/**
 * Why the verified PREDICATE of KIND is not about TARGET's platform: the platform it was signed
 * for is not the one the registry lists (an index entry pointing at another platform's image).
 * Undefined when it is, when the target's platform is not the registry's word (an entry naming
 * none) or when the predicate names no platform.
 */
function platformMismatch(target, kind, predicate) {
    if (target.listed !== true)
        return undefined;
    const signed = signedPlatform(kind, predicate);
    if (signed === undefined || samePlatform(target.platform, signed))
        return undefined;
    return `signed for ${(0,util_text/* printable */.g$)(signed)}, not ${target.platform} as the registry lists this image: the index entry points at another platform's image`;
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: ./src/util/abort.ts
var abort = __webpack_require__(42334);
// EXTERNAL MODULE: ./src/config/attest.ts
var attest = __webpack_require__(92945);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/github/run.ts
var run = __webpack_require__(31738);
// EXTERNAL MODULE: ./src/attest/signing.ts + 1 modules
var signing = __webpack_require__(10854);
;// CONCATENATED MODULE: ./src/attest/verify-flags.ts
// The verify flags, parsed here once for every caller: `ml-image verify`, `ml-image export --verify`
// and the verify sub-action (whose inputs have the flags' names). Bad input names the flag (exit 2)
// before any registry or cosign is asked.









/** The dtypes the compute suite measures on a GPU (its `<dtype>_tflops` metrics). */
const TFLOPS_DTYPES = ['bf16', 'fp16', 'tf32', 'fp32'];
/**
 * "bf16=600,fp32=40" -> { bf16: 600, fp32: 40 }; bad input names the flag and the item: a dtype
 * the compute suite does not measure, one given twice, or a floor too big to be a number.
 */
function parseMinTflops(raw, flag = '--min-tflops') {
    const out = {};
    for (const item of (raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const m = /^([a-z0-9]+)=(\d+(?:\.\d+)?)$/i.exec(item);
        if (!m)
            throw new errors/* InputError */.dz(`${flag}: expected DTYPE=TFLOPS like bf16=600, got ${JSON.stringify(item)}`);
        const dtype = m[1].toLowerCase();
        if (!TFLOPS_DTYPES.includes(dtype))
            throw new errors/* InputError */.dz(`${flag}: ${JSON.stringify(item)}: the compute suite measures ${TFLOPS_DTYPES.join(', ')}, not ${dtype}`);
        if (dtype in out)
            throw new errors/* InputError */.dz(`${flag}: ${dtype} is given twice`);
        // Digits only, but so many that they make no number (Infinity): no floor anything meets.
        const tflops = Number(m[2]);
        if (!Number.isFinite(tflops))
            throw new errors/* InputError */.dz(`${flag}: ${dtype}=${m[2].slice(0, 20)}... (${m[2].length} characters) is too large to be a number of TFLOP/s`, 'give floors like bf16=600');
        out[dtype] = tflops;
    }
    // Only commas (an input built of unset variables): no floor would hold, which is not "none".
    if (Object.keys(out).length === 0 && (raw ?? '').trim() !== '')
        throw new errors/* InputError */.dz(`${flag}: no DTYPE=TFLOPS in ${JSON.stringify(raw)}`, 'give floors like bf16=600, or leave it out');
    return out;
}
/** Every verify flag by name (a CLI option, and an input of the verify sub-action). */
const VERIFY_FLAGS = (/* unused pure expression or super */ null && ([
    'key',
    'certificate-identity',
    'certificate-identity-regexp',
    'certificate-oidc-issuer',
    'certificate-github-workflow-repository',
    'certificate-github-workflow-ref',
    'certificate-github-workflow-trigger',
    'certificate-github-workflow-sha',
    'certificate-github-workflow-name',
    'require',
    'require-smoke',
    'require-gpu-smoke',
    'min-tflops',
    'platform',
    'tlog',
    'timeout',
]));
/**
 * The CLI's naming: `--NAME`, or the name a command gives a flag in RENAMED (export's own
 * --timeout is the smoke tests', so its verify deadline is --verify-timeout).
 */
const cliFlagNaming = (command, renamed = {}) => ({
    prefix: `${command}: `,
    flag: (name) => `--${renamed[name] ?? name}`,
});
/** A pattern as a message quotes it: cut at 200 characters, so that the line's reason is not cut off. */
const quotedPattern = (p) => JSON.stringify((0,util_text/* clip */.$Q)(p, 200));
const given = (v) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);
/**
 * What is wrong with VALUE as what CLAIM pins, or undefined: the shape each GitHub claim has, so
 * that a value no certificate can hold (a branch name for a ref, a short SHA) is named now instead
 * of failing every check later.
 */
function pinProblem(claim, value) {
    const got = `, got ${JSON.stringify(value)}`;
    switch (claim.flag) {
        case 'certificate-github-workflow-repository':
            return (0,run/* isOwnerRepo */.Yn)(value) ? undefined : `expected OWNER/REPO${got}`;
        case 'certificate-github-workflow-ref':
            return value.startsWith('refs/')
                ? undefined
                : `expected a full ref like refs/heads/main or refs/tags/v1.2.3${got}`;
        case 'certificate-github-workflow-trigger':
            return /^[a-z][a-z_]*$/.test(value)
                ? undefined
                : `expected an event name like push or workflow_dispatch${got}`;
        case 'certificate-github-workflow-sha':
            return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value)
                ? undefined
                : `expected the full commit SHA (40 lower-case hex digits, or 64 in a SHA-256 repository)${got}`;
        case 'certificate-github-workflow-name':
            return undefined;
    }
}
/**
 * The run claims a keyless identity pins: given, not empty, no control character, of their shape.
 * A flag given empty (`--certificate-github-workflow-ref ""`) is bad input, not "no pin": a deploy
 * gate whose variable is unset would otherwise pin nothing. (The sub-action's unset inputs do not
 * reach here: its empty inputs are no flags.) Surrounding blanks are dropped, as of every flag.
 */
function pinsFrom(values, { prefix, flag }) {
    const pins = {};
    for (const claim of workflow_claims/* WORKFLOW_CLAIMS */.gr) {
        const raw = values[claim.flag];
        if (raw === undefined)
            continue;
        const value = raw.trim();
        const problem = /\p{Cc}/u.test(raw)
            ? `${JSON.stringify(raw)} holds a control character`
            : value === ''
                ? 'empty'
                : pinProblem(claim, value);
        if (problem !== undefined)
            throw new errors/* InputError */.dz(`${prefix}${flag(claim.flag)}: ${problem}`, `give the ${claim.name} the certificate must hold (its extension ${claim.oid}), or leave the flag out`);
        pins[claim.field] = value;
    }
    return pins;
}
function identityFrom(values, naming) {
    const { prefix, flag } = naming;
    const key = given(values.key);
    const exact = given(values['certificate-identity']);
    const regexp = given(values['certificate-identity-regexp']);
    const issuer = given(values['certificate-oidc-issuer']) ?? signing/* GITHUB_ISSUER */.oX;
    if (!/^https:\/\/[^\s/?#@]+(\/[^\s]*)?$/.test(issuer))
        throw new errors/* InputError */.dz(`${prefix}${flag('certificate-oidc-issuer')}: expected the issuer's https URL, got ${JSON.stringify(issuer.slice(0, 200))}`, `GitHub Actions' is ${signing/* GITHUB_ISSUER */.oX} (the default)`);
    const pinned = workflow_claims/* WORKFLOW_CLAIMS */.gr.filter((c) => values[c.flag] !== undefined).map((c) => flag(c.flag));
    if (key !== undefined && (exact ?? regexp) !== undefined)
        throw new errors/* InputError */.dz(`${prefix}give ${flag('key')} or ${flag('certificate-identity')} / ${flag('certificate-identity-regexp')}, not both`);
    if (key !== undefined && given(values['certificate-oidc-issuer']) !== undefined)
        throw new errors/* InputError */.dz(`${prefix}${flag('certificate-oidc-issuer')} is for keyless signatures; a key has no certificate`, `leave it out with ${flag('key')}, or verify keyless with ${flag('certificate-identity-regexp')}`);
    if (key !== undefined && pinned.length > 0)
        throw new errors/* InputError */.dz(`${prefix}${pinned.join(', ')} ${pinned.length === 1 ? 'is' : 'are'} for keyless signatures; a key has no certificate`, `leave ${pinned.length === 1 ? 'it' : 'them'} out with ${flag('key')}, or verify keyless with ${flag('certificate-identity-regexp')}`);
    if (key !== undefined)
        return { kind: 'key', publicKey: key };
    // One identity: with both, one of them would be silently ignored (a regexp the user meant to hold).
    if (exact !== undefined && regexp !== undefined)
        throw new errors/* InputError */.dz(`${prefix}give ${flag('certificate-identity')} or ${flag('certificate-identity-regexp')}, not both`, `the exact identity when you know it (the workflow file at its ref), else the regexp`);
    const pins = pinsFrom(values, naming);
    const shared = pins.certificateGithubWorkflowRepository === undefined && (0,verify_inputs/* regexpProblem */.F1)(regexp ?? '') === undefined
        ? (0,verify_inputs/* acceptsSharedWorkflow */.CB)(exact, regexp)
        : undefined;
    if (shared !== undefined) {
        const which = flag(exact !== undefined ? 'certificate-identity' : 'certificate-identity-regexp');
        // A pattern whose syntax the check cannot read may accept them: the repository is asked for too.
        const how = shared.why === 'accepts'
            ? 'accepts'
            : shared.why === 'open'
                ? `${quotedPattern(regexp)} does not start with ^https://github\\.com/OWNER/ (an owner other than ml-image-action and its /, nothing repeating that /, and no top-level |), so it may accept`
                : `${quotedPattern(regexp)} holds ${shared.syntax}, which this check does not read as cosign (Go's RE2) does: it may accept`;
        throw new errors/* InputError */.dz(`${prefix}${which} ${how} the reusable workflow's signatures, which any repository that calls it can make: say whose run signed`, `add ${flag('certificate-github-workflow-repository')} OWNER/REPO (your repository)`);
    }
    if (exact !== undefined)
        return { kind: 'keyless', certificateIdentity: exact, certificateOidcIssuer: issuer, ...pins };
    if (regexp !== undefined) {
        // Compiled now: a pattern that is none is bad input before any registry or cosign is asked.
        const problem = (0,verify_inputs/* regexpProblem */.F1)(regexp);
        if (problem !== undefined)
            throw new errors/* InputError */.dz(`${prefix}${flag('certificate-identity-regexp')}: ${quotedPattern(regexp)} is not a valid regular expression (${problem})`, `escape ( ) [ ] { } . * + ? with a backslash to match them literally, or give the exact identity with ${flag('certificate-identity')}`);
        return { kind: 'keyless', certificateIdentityRegexp: regexp, certificateOidcIssuer: issuer, ...pins };
    }
    throw new errors/* InputError */.dz(`${prefix}no identity to verify against`, `give ${flag('key')} cosign.pub (key-signed), or keyless from GitHub Actions ${flag('certificate-identity-regexp')} with the signing workflow's repository ("^https://github\\.com/ml-image-action/ml-image-action/" for the reusable workflow, else "^https://github\\.com/OWNER/REPO/") and ${flag('certificate-github-workflow-repository')} OWNER/REPO`);
}
function requireFrom(raw, { prefix, flag }) {
    if (given(raw) === undefined)
        return ['sbom', 'provenance'];
    const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    if (items.length === 0)
        throw new errors/* InputError */.dz(`${prefix}${flag('require')}: no attestation named in ${JSON.stringify(raw)}`, `expected some of ${attest/* ATTESTATION_KINDS */.r.join(', ')}, or none`);
    if (items.length === 1 && items[0] === 'none')
        return [];
    // "none" is a word of its own: beside a kind it was called an unknown attestation, while the
    // fix offered it.
    if (items.includes('none'))
        throw new errors/* InputError */.dz(`${prefix}${flag('require')}: none (no attestation required) stands alone, got ${JSON.stringify(raw)}`, `give none alone, or some of ${attest/* ATTESTATION_KINDS */.r.join(', ')}`);
    const bad = items.filter((i) => !attest/* ATTESTATION_KINDS */.r.includes(i));
    if (bad.length)
        throw new errors/* InputError */.dz(`${prefix}${flag('require')}: unknown attestation ${bad.join(', ')}`, `expected some of ${attest/* ATTESTATION_KINDS */.r.join(', ')}, or none`);
    return items;
}
function smokeFrom(raw, { prefix, flag }) {
    const v = given(raw);
    if (v === undefined)
        return false;
    if (v !== 'pass')
        throw new errors/* InputError */.dz(`${prefix}${flag('require-smoke')}: expected "pass", got ${JSON.stringify(raw)}`);
    return true;
}
/**
 * The default deadline of one verify. A key-signed two-platform image verifies in well under a
 * second (the built-in verifier, docs/performance.md); keyless runs cosign once per check, one at
 * a time, a few seconds each (Sigstore's TUF root, the registry's .sig/.att reads), so four
 * platforms' sixteen checks take about a minute at worst. 120 s leaves that twice over, and a
 * registry that accepts connections but never answers fails the gate in two minutes, not after
 * 30 s per registry request and 180 s per cosign run, one after the other, as before.
 */
const VERIFY_TIMEOUT_DEFAULT_S = 120;
/** The longest deadline a verify takes (an hour: past that a gate is waiting on nothing). */
const VERIFY_TIMEOUT_MAX_S = 3600;
/** --timeout SECONDS: a number above 0, at most VERIFY_TIMEOUT_MAX_S (fractions allowed). */
function parseVerifyTimeout(raw, { prefix, flag }) {
    const v = given(raw);
    if (v === undefined)
        return VERIFY_TIMEOUT_DEFAULT_S;
    const seconds = /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
    if (!(seconds > 0) || seconds > VERIFY_TIMEOUT_MAX_S)
        throw new errors/* InputError */.dz(`${prefix}${flag('timeout')}: expected seconds, a number above 0 and at most ${VERIFY_TIMEOUT_MAX_S}, got ${JSON.stringify(raw.slice(0, 100))}`, `give how long the whole verify may take, e.g. ${flag('timeout')} ${VERIFY_TIMEOUT_DEFAULT_S} (the default)`);
    return seconds;
}
/**
 * --platform OS/ARCH[/VARIANT] of a known OS and architecture: a typo (linux/arm46) is bad input
 * naming the flag, with the nearest platform a build builds, not a check that fails (exit 1) as a
 * well-formed platform the index does not hold is.
 */
function platformFrom(raw, { prefix, flag }) {
    const platform = given(raw);
    if (platform === undefined)
        return undefined;
    const got = JSON.stringify(platform.slice(0, 100));
    if (!/^[a-z0-9]+\/[a-z0-9_-]+(\/[a-z0-9.]+)?$/i.test(platform))
        throw new errors/* InputError */.dz(`${prefix}${flag('platform')}: expected OS/ARCH[/VARIANT] like linux/arm64, got ${got}`);
    const unknown = (0,config_platform/* unknownPlatformPart */.XM)(platform);
    if (unknown === undefined)
        return platform;
    const hint = (0,util_text/* closestWord */.En)(platform, schema/* PLATFORMS */.P4);
    throw new errors/* InputError */.dz(`${prefix}${flag('platform')}: ${got} is not a platform an image is built for: ${unknown}${hint !== undefined ? ` (did you mean ${hint}?)` : ''}`, `give OS/ARCH[/VARIANT] of a known OS and architecture, e.g. ${hint ?? schema/* PLATFORMS */.P4.join(' or ')}`);
}
/** The identity, policy and options of the verify flags; bad input names the flag (exit 2). */
function parseVerifyFlags(values, naming) {
    const platform = platformFrom(values.platform, naming);
    return {
        identity: identityFrom(values, naming),
        policy: {
            require: requireFrom(values.require, naming),
            requireSmokePass: smokeFrom(values['require-smoke'], naming),
            requireGpuSmoke: values['require-gpu-smoke'] === true,
            minTflops: parseMinTflops(values['min-tflops'], `${naming.prefix}${naming.flag('min-tflops')}`),
        },
        ...(platform !== undefined && { platform }),
        tlog: values.tlog === true,
        timeoutSeconds: parseVerifyTimeout(values.timeout, naming),
    };
}

;// CONCATENATED MODULE: ./src/attest/verify-deadline.ts
// The deadline of one verify (`--timeout`, the sub-action's `timeout` input). Its signal goes to
// every registry request and cosign run of the verify (a request is aborted, cosign killed, when
// it fires), and the verify itself ends then with the error naming what it was waiting for, also
// when a part of it does not heed the signal: a deploy gate fails in bounded time (exit 3). A wait
// that fails before the deadline fires the signal too (its error the reason): the other waits
// stop at once, and the verify ends with that error, not with the deadline's.




class VerifyDeadline {
    seconds;
    now;
    /** Aborts at the deadline, or with the error of the first wait that failed before it. */
    signal;
    /** The waits under way, oldest first (a Set keeps the order they were added in). */
    waiting = new Set();
    /** Aborted by the first wait that failed before the deadline, its error the reason. */
    failed = new AbortController();
    /** SECONDS from now; SIGNAL (tests) replaces the timer, NOW the clock waits are timed by. */
    constructor(seconds, signal, now = Date.now) {
        this.seconds = seconds;
        this.now = now;
        const timer = signal ?? AbortSignal.timeout(Math.max(1, Math.round(seconds * 1000)));
        this.signal = (0,abort/* anySignal */.J)([timer, this.failed.signal]);
        // Every registry request, retry wait and cosign run of the verify listens on it, many at
        // once (16 key-signed checks side by side): no "possible EventTarget memory leak" warning.
        (0,external_node_events_.setMaxListeners)(0, this.signal);
    }
    /**
     * WORK, noted as waiting for WHAT of HOST's registry until it settles. Its rejection before the
     * deadline stops the verify (the signal aborts with it), unless OPTIONAL: the caller goes on
     * without it (what a refused certificate holds).
     */
    async wait(host, what, work, optional = false) {
        this.signal.throwIfAborted();
        const w = { host, what, since: this.now() };
        this.waiting.add(w);
        try {
            return await work();
        }
        catch (e) {
            if (!optional && !this.signal.aborted)
                this.failed.abort(e);
            throw e;
        }
        finally {
            this.waiting.delete(w);
        }
    }
    /** Seconds since WAIT began (at most the deadline's). */
    waited(wait) {
        return Math.min(this.seconds, (this.now() - wait.since) / 1000);
    }
    /**
     * WORK's result, or once the signal fires the error of the wait that failed (see wait), else at
     * the deadline the error ERROR makes of the oldest wait under way then (undefined: none) - at
     * once, whatever WORK does after. A rejection of WORK once the signal fired (an aborted request)
     * is that error too.
     */
    within(work, error) {
        const { signal } = this;
        return new Promise((resolve, reject) => {
            let passed;
            const { signal: failed } = this.failed;
            const onAbort = () => reject((passed ??= failed.aborted ? failed.reason : error(this.waiting.values().next().value)));
            const done = () => signal.removeEventListener('abort', onAbort);
            if (signal.aborted)
                onAbort();
            else
                signal.addEventListener('abort', onAbort, { once: true });
            work.then((v) => {
                done();
                resolve(v);
            }, (e) => {
                done();
                if (signal.aborted)
                    onAbort();
                else
                    reject(e);
            });
        });
    }
}
/** SECONDS as said in a message: whole above 10, else to 0.1 (0.01 below 1), never 0. */
function shownSeconds(seconds) {
    if (seconds >= 10)
        return Math.round(seconds);
    const step = seconds >= 1 ? 10 : 100;
    return Math.max(0.01, Math.round(seconds * step) / step);
}
/**
 * The error of a verify that passed its deadline (exit 3): how long the verify may take, what it
 * was waiting for then, for how long and from which registry (a verify that was only long waited
 * a moment for its last check; one whose registry never answered, nearly all of it); the fix names
 * the registry and the flag that gives it longer (FLAG: `--timeout`, or the sub-action's input).
 */
function deadlineError(deadline, oldest, fallbackHost, opts) {
    const host = oldest?.host ?? fallbackHost;
    const waiting = oldest
        ? `waiting ${shownSeconds(deadline.waited(oldest))} s for ${oldest.what} from the registry ${host}`
        : 'waiting for the checks to end';
    return new errors/* EnvironmentError */.eG(`${opts.prefix}the verify did not finish within ${deadline.seconds} s (${waiting})`, `check that the registry ${host} is up and reachable from here (its status page, the network, any proxy or firewall)${opts.cosign ? "; cosign also waits for Sigstore's services (TUF, Rekor, Fulcio's roots) here" : ''}, or give the verify longer with ${opts.flag} SECONDS (now ${deadline.seconds}, at most ${VERIFY_TIMEOUT_MAX_S})`);
}

// EXTERNAL MODULE: ./src/docker/registry.ts
var registry = __webpack_require__(98925);
// EXTERNAL MODULE: ./src/attest/result.ts
var result = __webpack_require__(29476);
// EXTERNAL MODULE: ./src/attest/smoke-predicate.ts
var smoke_predicate = __webpack_require__(97432);
;// CONCATENATED MODULE: ./src/attest/verify.ts















/** The kinds whose attestation must exist under a policy: the required ones, and smoke when asked about. */
function requiredKinds(policy) {
    const asksSmoke = policy.requireSmokePass || policy.requireGpuSmoke || Object.keys(policy.minTflops).length > 0;
    return [...new Set([...policy.require, ...(asksSmoke ? ['smoke'] : [])])];
}
/**
 * The best value of a GPU throughput metric over the tests that measured it on a GPU (they name
 * it: the `gpu` metric). The CPU compute test's fp32 figure is no GPU's, and never meets a floor.
 */
function bestMetric(p, name) {
    // One pass, not Math.max(...values): some 150,000 such tests in a predicate are past the stack.
    let best;
    for (const t of p.tests) {
        const v = t.metrics.gpu !== undefined ? t.metrics[name] : undefined;
        if (typeof v === 'number' && (best === undefined || v > best))
            best = v;
    }
    return best;
}
/** What the smoke attestation must say, per the policy (pure). */
function smokeChecks(platform, p, policy) {
    const checks = [];
    const s = p.summary;
    if (policy.requireSmokePass) {
        // A signed "pass" that its own counts or tests contradict is no pass (smokeContradictions).
        const contradictions = (0,smoke_predicate/* smokeContradictions */.MP)(p);
        // A run whose every test skipped (torch not importable skips the suites that need it) or that
        // ran none passed nothing: no pass.
        const ranNone = s.pass === 0 && s.fail === 0;
        checks.push({
            platform,
            check: 'smoke pass',
            ok: p.verdict === 'pass' && contradictions.length === 0 && !ranNone,
            detail: `${s.pass} passed, ${s.fail} failed, ${s.skip} skipped${p.verdict === 'fail'
                ? `: failed ${p.tests
                    .filter((t) => t.status === 'fail')
                    .map((t) => t.id)
                    .join(', ')}`
                : ''}${ranNone ? ': no test passed (every one skipped, or none ran)' : ''}${contradictions.length > 0 ? `; the predicate contradicts itself: ${contradictions.join('; ')}` : ''}`,
        });
    }
    if (policy.requireGpuSmoke) {
        const gpu = p.tests.filter((t) => t.suite === 'gpu');
        const ok = p.gpus.devices.length > 0 && gpu.length > 0 && gpu.every((t) => t.status === 'pass');
        // A GPU named "" is one CUDA counted that nothing named (an image without nvidia-smi).
        const unnamed = p.gpus.devices.filter((d) => d.name === '').length;
        const names = [
            ...new Set(p.gpus.devices.filter((d) => d.name !== '').map((d) => d.name)),
            ...(unnamed > 0
                ? [`${unnamed} GPU${unnamed === 1 ? '' : 's'} not named (no nvidia-smi in the image)`]
                : []),
        ].join(', ');
        checks.push({
            platform,
            check: 'GPU smoke',
            ok,
            detail: ok
                ? `on ${names}`
                : p.gpus.devices.length === 0
                    ? 'the smoke tests ran without a GPU'
                    : `the gpu suite did not pass on ${names}`,
        });
    }
    for (const [dtype, floor] of Object.entries(policy.minTflops)) {
        const v = bestMetric(p, `${dtype}_tflops`);
        checks.push({
            platform,
            check: `${dtype} TFLOP/s >= ${floor}`,
            ok: v !== undefined && v >= floor,
            detail: v === undefined ? `no ${dtype}_tflops was measured on a GPU` : `measured ${v}`,
        });
    }
    return checks;
}
// Checks at once: cosign with the log (keyless, or --tlog) one at a time (concurrent runs trip over
// the Sigstore cache they share, the run's own TUF_ROOT: cosign-env.ts); others side by side.
const atOnce = (identity, tlog) => (identity.kind === 'keyless' || tlog ? 1 : 16);
/**
 * The statement of KIND about this digest (cosign checks the signature, this the subject). For
 * smoke, the newest run's by its signed finishedAt: whoever pushes the .att image orders its
 * layers, and could put an older passing run's envelope before a later failing one.
 */
function aboutDigest(kind, statements, digest) {
    const hex = digest.replace(/^sha256:/, '');
    const about = statements.filter((s) => s.subject.some((x) => x.digest.sha256 === hex));
    if (kind !== 'smoke' || about.length < 2)
        return about[0];
    // Read loosely: a newer run whose predicate the schema refuses (a newer writer's, an extra field)
    // still is the newest, and then fails its check, rather than leave an older pass to decide. One
    // whose time cannot be read at all is taken as the newest so (fail closed).
    const time = (s) => {
        const p = s.predicate;
        const at = typeof p === 'object' && p !== null ? Reflect.get(p, 'finishedAt') : undefined;
        const t = typeof at === 'string' ? Date.parse(at) : Number.NaN;
        return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
    };
    return about.reduce((newest, s) => (time(s) > time(newest) ? s : newest));
}
/**
 * The detail of a failure: where cosign refused the certificate for a pinned workflow claim, the
 * flag (named by FLAG), its value and what the certificates of the .sig/.att tag that name the
 * identity hold (read by CERTIFICATES; when they cannot be read, only that it is another value or
 * none), then cosign's message. cosign decides; this only says why.
 */
function claimExplainer(identity, certificates, flag) {
    return async (failure) => {
        if (identity.kind !== 'keyless' || failure.reason !== 'invalid' || !(0,workflow_claims/* refusedClaim */.HX)(failure.message))
            return failure.message;
        const tag = failure.what === 'signature' ? 'sig' : 'att';
        const pems = await certificates?.(failure.ref, tag).catch(() => undefined);
        const why = (0,workflow_claims/* explainRefusal */.GC)(failure.message, identity, (0,verify_inputs/* identityMatcher */.h3)(identity), pems, flag);
        return why === undefined ? failure.message : `${why} (${failure.message})`;
    };
}
/**
 * Verify one platform image: signature, each required attestation (about its digest and, where
 * the registry lists its platform, signed for that platform), then the smoke policy.
 */
async function verifyPlatform(signer, target, identity, policy, tlog = false, explain = async (f) => f.message) {
    const { platform, ref } = target;
    // Every check reads something of its own: they run side by side (cosign with the log one at a
    // time, see atOnce), reported in this order.
    const kinds = requiredKinds(policy);
    const asks = [
        () => signer.verify(ref, identity),
        ...kinds.map((kind) => () => signer.verifyAttestations(ref, result/* KIND_TYPES */.pC[kind].cosignType, identity)),
    ];
    const [sig, ...verified] = (await (0,map_limit/* mapLimit */.sf)(asks, atOnce(identity, tlog), (ask) => ask()));
    const checks = [
        {
            platform,
            check: 'signature',
            ok: sig.ok,
            detail: sig.ok ? `${sig.items.length} verified` : await explain(sig.failure),
        },
    ];
    for (const [i, kind] of kinds.entries()) {
        const v = verified[i];
        const st = v.ok ? aboutDigest(kind, v.items, target.digest) : undefined;
        // Signed for another platform than the (unsigned) index lists: verify-platform.ts.
        const elsewhere = st && platformMismatch(target, kind, st.predicate);
        checks.push({
            platform,
            check: `${kind} attestation`,
            ok: st !== undefined && elsewhere === undefined,
            detail: !v.ok
                ? await explain(v.failure)
                : st
                    ? (elsewhere ?? 'verified')
                    : `signed, but about another digest than ${target.digest}`,
        });
        if (kind !== 'smoke' || !st)
            continue;
        const parsed = (0,parse_input/* parsedOrNone */.DU)(smoke_predicate/* SmokePredicateSchema */.Gg, st.predicate);
        if (!parsed) {
            checks.push({
                platform,
                check: 'smoke attestation',
                ok: false,
                detail: 'its predicate is not a smoke v1 predicate',
            });
            continue;
        }
        checks.push(...smokeChecks(platform, parsed, policy));
    }
    return checks;
}
/**
 * One line per check, for the terminal. A detail may quote what a signed predicate holds (a GPU's
 * name as the image's nvidia-smi gave it) or a registry's answer: escaped (printable), it draws
 * nothing over the lines and clipboard of whoever runs the gate.
 */
function renderChecks(checks) {
    return checks
        .map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.platform.padEnd(12)} ${c.check}: ${(0,util_text/* printable */.g$)(c.detail)}`)
        .join('\n');
}
/** The registry host of REF (REF itself when it is none: a bad reference is reported elsewhere). */
function hostOf(ref) {
    try {
        return (0,registry/* splitImageRef */.l2)(ref).host;
    }
    catch {
        return ref;
    }
}
/**
 * DEPS whose every call is noted as a wait on the deadline (what the deadline's error names) and
 * gets its signal where the call takes one (the image reader's). A call that fails stops the
 * others at once (the deadline's signal), and the verify ends with its error. An attestation a
 * check found missing is looked for with the certificate reader's probe, within the check's wait
 * (verify-layers.ts).
 */
function tracked(deps, deadline) {
    const { signal } = deadline;
    const wait = (ref, what, work, optional = false) => deadline.wait(hostOf(ref), what, work, optional);
    const { docker, certificates } = deps;
    const signer = confirmingChecks(deps.signer, certificates?.attestations);
    return {
        docker: {
            imagetoolsInspect: (ref) => wait(ref, `the image index ${ref}`, () => docker.imagetoolsInspect(ref, { signal })),
            imagePlatform: (ref) => wait(ref, `the image config of ${ref}`, () => docker.imagePlatform(ref, { signal })),
        },
        signer: {
            verify: (ref, identity, o) => wait(ref, `the signature of ${ref}`, () => signer.verify(ref, identity, o)),
            verifyAttestations: (ref, type, identity, o) => wait(ref, `the ${type} attestation of ${ref}`, () => signer.verifyAttestations(ref, type, identity, o)),
        },
        certificates: certificates &&
            // Optional: a failed read leaves the check's detail cosign's message (claimExplainer).
            ((ref, tag) => wait(ref, `the certificates on the .${tag} tag of ${ref}`, () => certificates(ref, tag), true)),
    };
}
/**
 * An index entry named by a digest no signature can name (sha512, upper-case hex): what the
 * registry holds, not the user's input, so a failed check rather than bad input.
 */
const unpinnable = (t) => ({
    platform: t.platform,
    check: 'image',
    ok: false,
    detail: `the index lists it as ${(0,util_text/* printable */.g$)(t.digest)}, not a sha256 digest of 64 lowercase hex digits: nothing signed names it (signatures and attestations name sha256 digests)`,
});
/**
 * An index entry that is an index itself: containerd walks into it and pulls an image it lists, so
 * a signature on the entry's own digest vouches for none of them. What the registry holds (a failed
 * check, as the unpinnable entry above), never followed: this tool's merge lists images only.
 */
const nestedIndex = (t) => ({
    platform: t.platform,
    check: 'image',
    ok: false,
    detail: `the index lists ${(0,util_text/* printable */.g$)(t.digest)} as an image index, not an image: a runtime such as containerd pulls an image listed inside it, which no signature on that index vouches for (push an index that lists the platform images themselves: docker buildx imagetools create lists the images of the indexes it is given)`,
});
/**
 * Every check of a digest under a request: per platform image, the signature, each required
 * attestation and the smoke policy; with a platform the image does not have, a failed "image"
 * check naming the platforms it has. A failed check is in `failed`; an unreachable registry or
 * cosign throws (EnvironmentError, exit 3: the first such error, the calls still under way then
 * stopped by the deadline's signal), and so does the request's deadline passing (naming what it
 * waited for and the registry; the calls under way get its signal). CERTIFICATES reads
 * what a refused certificate holds; FLAG names a flag in a check's detail (the sub-action names
 * its inputs).
 */
async function verifyImage(deps, ref, request, prefix = 'verify: ', flag = (name) => `--${name}`) {
    const deadline = deps.deadline ?? new VerifyDeadline(request.timeoutSeconds);
    const { docker, signer, certificates } = tracked(deps, deadline);
    const work = async () => {
        const { targets, missing } = await platformTargets(docker, ref, request.platform, prefix);
        const explain = claimExplainer(request.identity, certificates, flag);
        const perTarget = await (0,map_limit/* mapLimit */.sf)(targets, atOnce(request.identity, request.tlog), (t) => t.index
            ? Promise.resolve([nestedIndex(t)])
            : oci_ref/* DIGEST_RE */.Vt.test(t.digest)
                ? verifyPlatform(signer, t, request.identity, request.policy, request.tlog, explain)
                : Promise.resolve([unpinnable(t)]));
        // The platform asked for, not in the image: a failed check (the registry told), not bad input.
        const absent = missing === undefined
            ? []
            : [{ platform: request.platform, check: 'image', ok: false, detail: missing }];
        const checks = [...absent, ...perTarget.flat()];
        return { ref, checks, failed: checks.filter((c) => !c.ok) };
    };
    const cosign = request.identity.kind === 'keyless' || request.tlog;
    return deadline.within(work(), (oldest) => deadlineError(deadline, oldest, hostOf(ref), { prefix, flag: flag('timeout'), cosign }));
}
/** One line naming each failed check (the CheckFailedError message; --json lists why per check). */
function failedSummary(outcome) {
    const { failed, checks, ref } = outcome;
    const named = failed.map((c) => `${c.platform} ${c.check}`);
    return `${failed.length} of ${checks.length} checks failed for ${ref}: ${named.join('; ')}`;
}

// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(64389);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/action/io.ts + 14 modules
var action_io = __webpack_require__(10343);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
;// CONCATENATED MODULE: ./src/action/verify.ts
// The verify sub-action (actions/verify/action.yml): `ml-image verify` as a step a deploy job gates
// on. It shares dist/index.js with the other actions; its action.yml sets the `command` input to
// `verify`, on which src/main.ts loads this module instead of the pipeline's (verify is no pipeline
// stage: it reads no config and no result directory, only the registry). Its action.yml is
// generated from the tables below (npm run docs), so the inputs the code reads and the inputs
// declared cannot drift.
















/** Every input of the verify sub-action (the verify flags by the same names, and the image). */
const VERIFY_INPUTS = {
    image: {
        description: 'The image to check, by digest - REGISTRY/REPOSITORY@sha256:DIGEST (a multi-arch index: every platform image is checked).',
    },
    key: {
        description: 'Public key of a key-signed image (cosign.pub): a path relative to the workspace, or a KMS URI. Exclusive with certificate-identity(-regexp).',
    },
    'certificate-identity': {
        description: "Keyless: the signing workflow's identity, exactly (the certificate's SAN). Exclusive with certificate-identity-regexp.",
    },
    'certificate-identity-regexp': {
        description: 'Keyless: the identity as a regular expression, e.g. ^https://github\\.com/OWNER/REPO/\\.github/workflows/',
    },
    'certificate-oidc-issuer': {
        description: `Keyless: the OIDC issuer (default ${signing/* GITHUB_ISSUER */.oX}).`,
    },
    'certificate-github-workflow-repository': {
        description: "Keyless: OWNER/REPO whose workflow run signed (the certificate's workflow-repository claim). With ml-image-action's reusable workflow the identity is that workflow's own file, so this is what names your repository.",
    },
    'certificate-github-workflow-ref': {
        description: "Keyless: the git ref the signing run was on, exactly, e.g. refs/heads/main or refs/tags/v1.2.3 (the certificate's GitHub Workflow Ref, 1.3.6.1.4.1.57264.1.6; cosign's flag of the same name). A run of a pull request or another branch then fails the check.",
    },
    'certificate-github-workflow-trigger': {
        description: "Keyless: the event that triggered the signing run, exactly, e.g. push, release or workflow_dispatch (the certificate's GitHub Workflow Trigger, 1.3.6.1.4.1.57264.1.2).",
    },
    'certificate-github-workflow-sha': {
        description: "Keyless: the commit the signing run was on, its full SHA: 40 hex digits, or 64 in a SHA-256 repository (the certificate's GitHub Workflow SHA, 1.3.6.1.4.1.57264.1.3).",
    },
    'certificate-github-workflow-name': {
        description: "Keyless: the name of the calling workflow (its name: line) that signed, exactly (the certificate's GitHub Workflow Name, 1.3.6.1.4.1.57264.1.4).",
    },
    require: {
        description: 'Attestations that must exist on every platform image, comma-separated: sbom, provenance, smoke (or none). Default: sbom,provenance.',
    },
    'require-smoke': { description: 'pass - the smoke attestation says no smoke test failed.' },
    'require-gpu-smoke': {
        description: 'true - the smoke tests ran on a GPU and the gpu suite passed.',
        default: 'false',
    },
    'min-tflops': {
        description: 'Throughput floors the compute suite must have measured on a GPU, e.g. bf16=600 or bf16=600,tf32=300 (bf16, fp16, tf32, fp32).',
    },
    platform: {
        description: 'Check only this platform image of the index (e.g. linux/arm64); a single-platform image must be for that platform (its config says).',
    },
    tlog: {
        description: 'true - key-signed entries were uploaded to Rekor: check them there too.',
        default: 'false',
    },
    timeout: {
        description: `Seconds the whole verify may take (default ${VERIFY_TIMEOUT_DEFAULT_S}, at most ${VERIFY_TIMEOUT_MAX_S}): every registry read and cosign run ends by then, and a registry that accepts connections but does not answer fails the step naming it and what it waited for.`,
    },
};
/** The outputs (each is set before the step fails on a failed check). */
const VERIFY_OUTPUTS = {
    verdict: {
        description: 'pass (every check held) or fail: a check failed, or none could run (bad input, an input the action does not have, the registry unreachable); the step fails too, naming why. Never empty.',
    },
    checks: {
        description: 'JSON list of the checks - {platform, check, ok, detail} per platform image: signature, each attestation, the smoke policy.',
    },
};
const inputNaming = { prefix: '', flag: (name) => `input "${name}"` };
function boolInput(io, name) {
    const raw = io.getInput(name).trim();
    return raw === '' ? false : (0,inputs/* parseInputValue */.R8)({ input: name, path: [], kind: 'boolean' }, raw);
}
/** The verify flags from the inputs; a key path is relative to the workspace (a URI is kept). */
function flagsFromInputs(io) {
    const text = (name) => io.getInput(name).trim() || undefined;
    const key = text('key');
    if (key?.includes('-----BEGIN'))
        throw new errors/* InputError */.dz('input "key": holds PEM text; it takes the public key\'s file path (or a KMS URI)', 'write the key to a file first (echo "$KEY" > cosign.pub) and give its path, or pass env://VAR naming a variable that holds it');
    return {
        // A key reference (kms://, pkcs11:, ...) is cosign's, as the CLI reads it (isKeyReference).
        ...(key !== undefined && { key: (0,verify_inputs/* isKeyReference */.NI)(key) ? key : external_node_path_default().resolve(io.cwd, key) }),
        'certificate-identity': text('certificate-identity'),
        'certificate-identity-regexp': text('certificate-identity-regexp'),
        'certificate-oidc-issuer': text('certificate-oidc-issuer'),
        'certificate-github-workflow-repository': text('certificate-github-workflow-repository'),
        'certificate-github-workflow-ref': text('certificate-github-workflow-ref'),
        'certificate-github-workflow-trigger': text('certificate-github-workflow-trigger'),
        'certificate-github-workflow-sha': text('certificate-github-workflow-sha'),
        'certificate-github-workflow-name': text('certificate-github-workflow-name'),
        require: text('require'),
        'require-smoke': text('require-smoke'),
        'require-gpu-smoke': boolInput(io, 'require-gpu-smoke'),
        'min-tflops': text('min-tflops'),
        platform: text('platform'),
        tlog: boolInput(io, 'tlog'),
        timeout: text('timeout'),
    };
}
/**
 * Which claims of the signing run a keyless gate pins, each value or "not pinned": an input left
 * empty pins nothing (Actions cannot tell an unset variable from an empty one), and this says so.
 */
function pinsLine(identity) {
    if (identity.kind !== 'keyless')
        return undefined;
    const parts = workflow_claims/* WORKFLOW_CLAIMS */.gr.map((c) => {
        const v = identity[c.field];
        return `${c.flag.replace('certificate-github-workflow-', '')} ${v !== undefined ? JSON.stringify(v) : 'not pinned'}`;
    });
    return `the signing run: ${parts.join(', ')}`;
}
/** The job summary: the run's pins (keyless), then one row per check, every value escaped. */
function checksMarkdown(ref, checks, pins) {
    const rows = checks.map((c) => `| ${c.ok ? '✅' : '❌'} | ${(0,report_escape.md)(c.platform)} | ${(0,report_escape.md)(c.check)} | ${(0,report_escape.md)(c.detail, 500)} |`);
    return [
        `### ml-image verify: ${(0,report_escape/* mdCode */.xs)(ref)}`,
        '',
        ...(pins !== undefined ? [(0,report_escape.md)(pins), ''] : []),
        '| | platform | check | detail |',
        '| --- | --- | --- | --- |',
        ...rows,
        '',
    ].join('\n');
}
/**
 * Refuses an input this action does not have (the runner only warns): a policy input misspelt
 * (`require_smoke`) would drop its check without a word, and the gate pass.
 */
function refuseUnknownInputs(env) {
    const known = [...Object.keys(VERIFY_INPUTS), action_io/* COMMAND_INPUT */.l_];
    for (const name of Object.keys(env)) {
        if (!name.startsWith('INPUT_'))
            continue;
        const input = name.slice('INPUT_'.length).toLowerCase();
        if (known.includes(input))
            continue;
        const dashed = input.replace(/_/g, '-');
        const near = (0,util_text/* closestWord */.En)(dashed, known) ?? known.find((k) => k.startsWith(dashed));
        throw new errors/* InputError */.dz(`input ${JSON.stringify(input)} is no input of the verify action${near !== undefined ? ` (did you mean ${near}?)` : ''}: a policy input misspelt would drop its check`, `use the inputs actions/verify/action.yml declares: ${known.filter((k) => k !== action_io/* COMMAND_INPUT */.l_).join(', ')}`);
    }
}
/** The verify sub-action: outputs and the job summary first, then a failed check fails the step. */
async function runVerify(io) {
    const env = io.env ?? process.env;
    refuseUnknownInputs(env);
    const ref = io.getInput('image').trim();
    if (ref === '')
        throw new errors/* InputError */.dz('input "image": required', 'give the image by digest: REGISTRY/REPO@sha256:DIGEST');
    (0,oci_ref/* parseDigestRef */.Tf)(ref, { field: 'input "image"' });
    const request = parseVerifyFlags(flagsFromInputs(io), inputNaming);
    // The input "timeout": every registry read and cosign run of the checks ends by then.
    const deadline = new VerifyDeadline(request.timeoutSeconds);
    const transport = { fetch: io.registryFetch, signal: deadline.signal };
    const given = { signer: io.signer, docker: io.docker };
    // The key file's errors name the input as the action's other inputs do: `input "key": FILE: ...`.
    const keyLabel = `${inputNaming.flag('key')}:`;
    const deps = (0,signers/* verifyDeps */.qT)(env, ref, request.identity, request.tlog, given, transport, keyLabel);
    const certificates = io.certificates ?? (io.signer ? undefined : certificateReaderFor(env, ref, request.identity, transport));
    const pins = pinsLine(request.identity);
    if (pins !== undefined)
        io.info(pins);
    const outcome = await verifyImage({ ...deps, certificates, deadline }, ref, request, '', inputNaming.flag);
    io.info(renderChecks(outcome.checks));
    const verdict = outcome.failed.length === 0 ? 'pass' : 'fail';
    io.setOutput('verdict', verdict);
    io.setOutput('checks', JSON.stringify(outcome.checks));
    await io.summary?.(checksMarkdown(ref, outcome.checks, pins));
    if (verdict === 'fail')
        throw new errors/* CheckFailedError */.CO(`verify: ${failedSummary(outcome)}`);
}
/** The verify sub-action's main step (src/main.ts): a failure fails the step, as run.ts does. */
async function verifyAction(io) {
    let checked = false;
    try {
        const command = io.getInput(action_io/* COMMAND_INPUT */.l_).trim();
        if (command !== 'verify')
            throw new errors/* InputError */.dz(`input "${action_io/* COMMAND_INPUT */.l_}": selects the verify sub-action's entry and must stay verify, got ${JSON.stringify(command)}`, `remove ${action_io/* COMMAND_INPUT */.l_} from the step's with:`);
        await runVerify({ ...io, setOutput: (name, value) => ((checked = true), io.setOutput(name, value)) });
    }
    catch (err) {
        // Bad input or the environment stopped the checks: the verdict is still fail, never empty (a
        // gate step with continue-on-error reads it), and the summary says why.
        if (!checked) {
            io.setOutput('verdict', 'fail');
            io.setOutput('checks', '[]');
            // Masked as the step's failure message is (redactMessage): the error quotes the input.
            const why = (0,redact/* redactMessage */.b6)(err instanceof Error ? err.message.split('\n')[0] : String(err));
            await io.summary?.(`### ml-image verify: not checked\n\n${(0,report_escape.md)(why, 500)}\n`);
        }
        (0,action_io/* fail */.fJ)(io, err);
    }
}


/***/ }),

/***/ 51386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cl: () => (/* binding */ describeIdentity),
/* harmony export */   Gz: () => (/* binding */ versionArgs),
/* harmony export */   H$: () => (/* binding */ verifyArgs),
/* harmony export */   Ng: () => (/* binding */ signArgs),
/* harmony export */   Ru: () => (/* binding */ SimpleSigningSchema),
/* harmony export */   T4: () => (/* binding */ IN_TOTO_PAYLOAD_TYPE),
/* harmony export */   T8: () => (/* binding */ statementOf),
/* harmony export */   XZ: () => (/* binding */ StatementSchema),
/* harmony export */   j: () => (/* binding */ parseVerifiedSignatures),
/* harmony export */   nU: () => (/* binding */ parseAttestations),
/* harmony export */   r7: () => (/* binding */ attestArgs),
/* harmony export */   xt: () => (/* binding */ verifyAttestationArgs),
/* harmony export */   yK: () => (/* binding */ signatureOf)
/* harmony export */ });
/* unused harmony exports COSIGN_PREDICATE_TYPES, registryFlags, checkPredicateType */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(92857);
/* harmony import */ var _docker_registry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98925);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17700);
/* harmony import */ var _util_parse_input_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91814);
/* harmony import */ var _workflow_claims_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(14424);
// The pure half of the cosign adapter: which argv each operation gets (per signing mode and
// registry; every reference goes through parseDigestRef, src/oci/ref.ts), and what cosign's
// output means (its failures: cosign-failure.ts).
// No secret ever goes into an argv: the key password travels as COSIGN_PASSWORD, a key held in
// the environment is named `env://VAR`, keyless tokens come from the runner's ambient OIDC.
// Checked against cosign 2.5's --help. Signatures and attestations use cosign's classic scheme
// (`sha256-<digest>.sig` / `.att` tags), which any OCI registry accepts: no referrers API needed.






/** cosign's named predicate types (`cosign attest --help`); anything else must be a URI. */
const COSIGN_PREDICATE_TYPES = [
    'slsaprovenance',
    'slsaprovenance02',
    'slsaprovenance1',
    'link',
    'spdx',
    'spdxjson',
    'cyclonedx',
    'vuln',
    'openvex',
    'custom',
];
/** The flags that let cosign talk plain HTTP: only for loopback registries. */
function registryFlags(host) {
    return (0,_docker_registry_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainHttpRegistry */ .sL)(host) ? ['--allow-insecure-registry', '--allow-http-registry'] : [];
}
/** A predicate type: one of cosign's names or an absolute http(s) URI; else an InputError. */
function checkPredicateType(type) {
    if (COSIGN_PREDICATE_TYPES.includes(type))
        return type;
    if (/^https?:\/\/[^\s/]+\/\S*$/.test(type))
        return type;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`predicate type ${JSON.stringify(type)}: expected one of ${COSIGN_PREDICATE_TYPES.join(', ')} or a URI such as https://example.com/predicate/v1`);
}
function checkSignIdentity(id) {
    if (id.kind === 'key' && id.key.trim() === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('signing key: empty', 'pass a key file path or env://COSIGN_KEY');
}
function keyModeTlog(opts) {
    // With the log on, cosign asks for consent to publish; the caller asked explicitly, so --yes.
    return opts.tlog === true ? ['--tlog-upload=true', '--yes'] : ['--tlog-upload=false'];
}
function signingFlags(id, opts) {
    checkSignIdentity(id);
    return id.kind === 'key' ? ['--key', id.key, ...keyModeTlog(opts)] : ['--tlog-upload=true', '--yes'];
}
function verifyFlags(id, opts) {
    if (id.kind === 'key') {
        if (id.publicKey.trim() === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('public key: empty', 'pass a public key file path');
        return ['--key', id.publicKey, ...(opts.tlog === true ? [] : ['--insecure-ignore-tlog=true'])];
    }
    const hasId = id.certificateIdentity !== undefined && id.certificateIdentity !== '';
    const hasRe = id.certificateIdentityRegexp !== undefined && id.certificateIdentityRegexp !== '';
    if (hasId === hasRe)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('keyless verification: give exactly one of certificate identity and certificate identity regexp', 'e.g. https://github.com/OWNER/REPO/.github/workflows/build.yml@refs/heads/main');
    if (id.certificateOidcIssuer.trim() === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('keyless verification: certificate OIDC issuer is empty', 'on GitHub Actions it is https://token.actions.githubusercontent.com');
    return [
        ...(hasId
            ? ['--certificate-identity', id.certificateIdentity]
            : ['--certificate-identity-regexp', id.certificateIdentityRegexp]),
        '--certificate-oidc-issuer',
        id.certificateOidcIssuer,
        // cosign compares each with the certificate's extension (none given: not compared).
        ...(0,_workflow_claims_js__WEBPACK_IMPORTED_MODULE_4__/* .pinnedClaims */ .al)(id).flatMap((c) => {
            const value = id[c.field];
            if (value.trim() === '' || /\p{Cc}/u.test(value))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`keyless verification: --${c.flag} ${JSON.stringify(value)}: empty or a control character`);
            return [`--${c.flag}`, value];
        }),
    ];
}
/** Who must have signed, in words (a failed check names it). */
function describeIdentity(id) {
    if (id.kind === 'key')
        return `the public key ${id.publicKey}`;
    const who = id.certificateIdentity ?? `identities matching ${id.certificateIdentityRegexp ?? ''}`;
    return `${who} (issuer ${id.certificateOidcIssuer})`;
}
function versionArgs() {
    return ['version', '--json'];
}
function signArgs(ref, id, opts = {}) {
    const r = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDigestRef */ .Tf)(ref);
    return ['sign', ...signingFlags(id, opts), ...registryFlags(r.registry), r.ref];
}
function attestArgs(ref, predicate, id, opts = {}) {
    const r = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDigestRef */ .Tf)(ref);
    if (predicate.predicatePath.trim() === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('predicate file: empty path');
    return [
        'attest',
        ...signingFlags(id, opts),
        '--type',
        checkPredicateType(predicate.type),
        '--predicate',
        predicate.predicatePath,
        '--new-bundle-format=false', // the classic .att tag, on any registry
        // A rerun replaces this type's attestation instead of adding one more to the .att tag: the tag
        // would grow with every run, and verify-attestation would check (and print) each stale copy.
        '--replace',
        ...registryFlags(r.registry),
        r.ref,
    ];
}
function verifyArgs(ref, id, opts = {}) {
    const r = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDigestRef */ .Tf)(ref);
    return [
        'verify',
        ...verifyFlags(id, opts),
        '--new-bundle-format=false',
        '--output',
        'json',
        ...registryFlags(r.registry),
        r.ref,
    ];
}
function verifyAttestationArgs(ref, type, id, opts = {}) {
    const r = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDigestRef */ .Tf)(ref);
    return [
        'verify-attestation',
        ...verifyFlags(id, opts),
        '--type',
        checkPredicateType(type),
        '--new-bundle-format=false',
        '--output',
        'json',
        ...registryFlags(r.registry),
        r.ref,
    ];
}
/**
 * A simple-signing payload (what an image signature signs), as cosign's verify prints it and as
 * the built-in verifier reads it from the `.sig` image: one schema for both.
 */
const SimpleSigningSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    critical: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
        identity: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ 'docker-reference': zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }),
        image: zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ 'docker-manifest-digest': zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() }),
        type: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    }),
    optional: zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .unknown */ .L5J()).nullish(),
});
/** The signature a simple-signing payload describes. */
const signatureOf = (s) => ({
    dockerReference: s.critical.identity['docker-reference'],
    digest: s.critical.image['docker-manifest-digest'],
    type: s.critical.type,
    optional: s.optional ?? {},
});
const SignaturesSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(SimpleSigningSchema);
/** The DSSE payload type of an in-toto statement. */
const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
/**
 * A DSSE envelope exactly as cosign writes one. cosign prints each verified layer's bytes as they
 * are, and it read them through Go's encoding/json, which takes a key in any case (the last one
 * wins): a layer with a second "PAYLOAD" would have cosign verify the signed payload while
 * JSON.parse here reads the other. A key beyond these three, in any case, leaves the envelope out.
 */
const EnvelopeSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    payloadType: zod__WEBPACK_IMPORTED_MODULE_5__/* .literal */ .euz(IN_TOTO_PAYLOAD_TYPE),
    payload: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    signatures: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({ keyid: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(), sig: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP() })).min(1),
});
/**
 * An in-toto statement as cosign reads one (both verifiers read it, from cosign's output or from
 * an envelope): the predicate type and the subjects' digests are what
 * the checks need; `_type`, a subject's name and the predicate may be missing (cosign accepts that,
 * and so does the built-in verifier).
 */
const StatementSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({
    _type: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
    predicateType: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(),
    subject: zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(), digest: zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()) })),
    predicate: zod__WEBPACK_IMPORTED_MODULE_5__/* .unknown */ .L5J().optional(),
});
/** The Statement of a parsed in-toto statement. */
const statementOf = (st) => ({
    type: st._type ?? '',
    predicateType: st.predicateType,
    subject: st.subject,
    predicate: st.predicate,
});
/** TEXT parsed, or NotJson saying PROBLEM. */
function parseJson(text, problem) {
    try {
        return { json: JSON.parse(text) };
    }
    catch {
        return { problem, printed: text };
    }
}
/**
 * `cosign verify --output json`: a JSON array on stdout (after any non-JSON lines). Undefined when
 * an entry is not a simple-signing payload of cosign's type: the caller fails the check, as for an
 * envelope not as cosign writes one (the schema's ZodError was an internal error, exit 1). NotJson
 * when there is no array, or it is not JSON: that check fails too (a plain Error was exit 1).
 */
function parseVerifiedSignatures(stdout) {
    const start = stdout.indexOf('[');
    if (start < 0)
        return { problem: 'it printed no JSON array of signatures', printed: stdout };
    const parsed = parseJson(stdout.slice(start).trim(), 'the signatures it printed are not JSON');
    if (!('json' in parsed))
        return parsed;
    return (0,_util_parse_input_js__WEBPACK_IMPORTED_MODULE_3__/* .parsedOrNone */ .DU)(SignaturesSchema, parsed.json)?.map(signatureOf);
}
/**
 * `cosign verify-attestation`: one DSSE envelope per line; each payload is a base64 statement.
 * An envelope whose payload is no statement the checks can read (cosign verified its signature
 * only) is left out: the caller fails the check when none is left. An envelope that is not
 * exactly as cosign writes one fails them all (undefined): what it carries was verified in a
 * form this code does not read, and leaving it out would let another (an older run) count. So
 * does a line that begins as an envelope but is not JSON (NotJson).
 */
function parseAttestations(stdout) {
    const lines = stdout
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('{'));
    const envelopes = [];
    for (const line of lines) {
        const parsed = parseJson(line, 'it printed an attestation envelope that is not JSON');
        if (!('json' in parsed))
            return parsed;
        envelopes.push((0,_util_parse_input_js__WEBPACK_IMPORTED_MODULE_3__/* .parsedOrNone */ .DU)(EnvelopeSchema, parsed.json));
    }
    if (envelopes.some((e) => e === undefined))
        return undefined;
    return envelopes.flatMap((env) => {
        if (env === undefined)
            return [];
        const payload = Buffer.from(env.payload, 'base64').toString('utf8');
        let data;
        try {
            data = JSON.parse(payload);
        }
        catch {
            return [];
        }
        const st = (0,_util_parse_input_js__WEBPACK_IMPORTED_MODULE_3__/* .parsedOrNone */ .DU)(StatementSchema, data);
        return st ? [statementOf(st)] : [];
    });
}
// What cosign's failures mean: cosign-failure.ts.



/***/ }),

/***/ 1614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ SIMPLE_SIGNING_MEDIA_TYPE),
/* harmony export */   By: () => (/* binding */ parseStatement),
/* harmony export */   EG: () => (/* binding */ OCI_MANIFEST),
/* harmony export */   KV: () => (/* binding */ keptAttestations),
/* harmony export */   LZ: () => (/* binding */ parseSimpleSigning),
/* harmony export */   Ly: () => (/* binding */ cosignImage),
/* harmony export */   MJ: () => (/* binding */ embeddedBlob),
/* harmony export */   Mn: () => (/* binding */ splitRef),
/* harmony export */   Mo: () => (/* binding */ envelopePredicateType),
/* harmony export */   Mx: () => (/* binding */ predicateTypeUri),
/* harmony export */   OO: () => (/* binding */ DSSE_MEDIA_TYPE),
/* harmony export */   Oy: () => (/* binding */ unnamedAttestations),
/* harmony export */   Vv: () => (/* binding */ DOCKER_MANIFEST),
/* harmony export */   ZB: () => (/* binding */ SIGNATURE_ANNOTATION),
/* harmony export */   fh: () => (/* binding */ READ_AT_ONCE),
/* harmony export */   n4: () => (/* binding */ readLayers),
/* harmony export */   qv: () => (/* binding */ cosignTag),
/* harmony export */   v: () => (/* binding */ hasSignature)
/* harmony export */ });
/* unused harmony exports COSIGN_TYPE_URIS, EMBED_BUDGET, EMBED_BLOB_MAX, embedBlobs */
/* harmony import */ var _docker_oci_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);
/* harmony import */ var _docker_registry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98925);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17700);
/* harmony import */ var _cosign_args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51386);
/* harmony import */ var _cosign_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(98224);
/* harmony import */ var _util_map_limit_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9992);
/* harmony import */ var _util_parse_input_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(91814);







const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
const DSSE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
const CREATED = '0001-01-01T00:00:00Z';
/** cosign's --type names and the predicate type URIs they stand for (cosign 2.5). */
const COSIGN_TYPE_URIS = {
    slsaprovenance: 'https://slsa.dev/provenance/v0.2',
    slsaprovenance02: 'https://slsa.dev/provenance/v0.2',
    slsaprovenance1: 'https://slsa.dev/provenance/v1',
    link: 'https://in-toto.io/Link/v1',
    spdx: 'https://spdx.dev/Document',
    spdxjson: 'https://spdx.dev/Document',
    cyclonedx: 'https://cyclonedx.org/bom',
    vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
    openvex: 'https://openvex.dev/ns',
    custom: 'https://cosign.sigstore.dev/attestation/v1',
};
const predicateTypeUri = (type) => COSIGN_TYPE_URIS[type] ?? type;
/**
 * The blob bytes a manifest embeds at most (its layers' and config's `data` together, before
 * base64): well under the 4 MiB that registries take in a manifest.
 */
const EMBED_BUDGET = 256 * 1024;
/**
 * A blob bigger than this is not embedded at all, whatever the budget leaves: the signature, the
 * config and the provenance and smoke envelopes (1-3 KB each) are, an SBOM (60 KB for a slim
 * Python image, more for a CUDA one) is not. The registry parses the whole manifest on every
 * read and write of the `.att` tag, and the attest stage reads and writes it for each image it
 * attests: with a 63 KB SBOM envelope embedded the manifest was 90 KB, whose read cost the test
 * bed's registry 4.0 ms of CPU against 1.6 ms at 5 KB, and its write about as much more
 * (docs/performance.md). Verify reads the SBOM envelope as a blob instead: one more read per image.
 */
const EMBED_BLOB_MAX = 16 * 1024;
/** A descriptor's embedded blob: its `data` when that is base64 of bytes of its size and digest. */
function embeddedBlob(d) {
    if (typeof d.data !== 'string')
        return undefined;
    const bytes = (0,_cosign_key_js__WEBPACK_IMPORTED_MODULE_4__/* .strictBase64 */ .PO)(d.data);
    return bytes && bytes.length === d.size && (0,_docker_oci_client_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Digest */ .sI)(bytes) === d.digest ? bytes : undefined;
}
/**
 * LAYERS with their blobs embedded, in order, while they fit in BUDGET: a layer of at most
 * MAX_BLOB bytes gets the bytes BLOBS holds for its digest, else keeps valid `data` it has; `data`
 * that does not match its layer is dropped (a reader that trusts the field would refuse the whole
 * image), and so is the `data` of a bigger blob (an image an earlier version wrote).
 */
function embedBlobs(layers, blobs, budget = EMBED_BUDGET, maxBlob = EMBED_BLOB_MAX) {
    let left = budget;
    return layers.map((l) => {
        const { data: _dropped, ...bare } = l;
        if (l.size > maxBlob)
            return bare;
        // The caller's bytes of a digest are that digest's (checked where they were hashed); else a
        // layer's own data, checked against its size and digest.
        const bytes = blobs.get(l.digest) ?? embeddedBlob(l);
        if (!bytes || bytes.length > left)
            return bare;
        left -= bytes.length;
        return { ...bare, data: bytes.toString('base64') };
    });
}
/** `registry/repository` as cosign names it in payloads (docker.io -> index.docker.io). */
function splitRef(ref) {
    const { digest } = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDigestRef */ .Tf)(ref);
    // The repository as the index reader (splitImageRef) finds it: one rule for both.
    const { host, repository } = (0,_docker_registry_js__WEBPACK_IMPORTED_MODULE_1__/* .splitImageRef */ .l2)(ref);
    // Docker Hub, however spelled, is index.docker.io in cosign's payloads.
    const hub = _oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCKER_HUB */ .Xb.has(host);
    return { host, repository, name: `${hub ? 'index.docker.io' : host}/${repository}`, digest };
}
/** `repo@sha256:<hex>` -> the tag of its signatures or attestations. */
const cosignTag = (digest, suffix) => `${digest.replace(':', '-')}.${suffix}`;
/**
 * The config and manifest of a cosign image of LAYERS (as cosign's mutate.Append writes them).
 * The config depends on the layers' digests only; with EMBED, the manifest carries the config
 * and the layers' blobs of at most EMBED_BLOB_MAX bytes in `data` as far as EMBED_BUDGET goes
 * (BLOBS: the bytes of new layers).
 */
function cosignImage(layers) {
    const config = Buffer.from(JSON.stringify({
        architecture: '',
        created: CREATED,
        history: layers.map(() => ({ created: CREATED })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
        config: {},
    }));
    return {
        config,
        manifest: (configDigest, embed) => {
            const configDescriptor = { mediaType: OCI_CONFIG, size: config.length, digest: configDigest };
            const [c, ...ls] = embed
                ? embedBlobs([configDescriptor, ...layers], new Map([...embed.blobs, [configDigest, config]]))
                : [configDescriptor, ...layers.map(({ data: _dropped, ...bare }) => bare)];
            return Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: c, layers: ls }));
        },
    };
}
/** The layers of a cosign image's manifest (an empty list for anything else). */
function readLayers(m) {
    if (!m)
        return [];
    const parsed = JSON.parse(m.bytes.toString('utf8'));
    if (!Array.isArray(parsed.layers))
        return [];
    return parsed.layers.filter((l) => typeof l === 'object' &&
        l !== null &&
        typeof l.digest === 'string' &&
        typeof l.mediaType === 'string' &&
        typeof l.size === 'number');
}
/**
 * Is the signature layer already there: the same payload (by digest) with a signature that KEY
 * verifies? Then signing again adds nothing.
 */
function hasSignature(layers, payloadDigest, key, payload) {
    return layers.some((l) => l.digest === payloadDigest &&
        // Text cosign would not read as base64 is no signature (a valid one is then added).
        (0,_cosign_key_js__WEBPACK_IMPORTED_MODULE_4__/* .verifyBytes */ .RV)(key, payload, (0,_cosign_key_js__WEBPACK_IMPORTED_MODULE_4__/* .strictBase64 */ .PO)(l.annotations?.[SIGNATURE_ANNOTATION] ?? '') ?? Buffer.alloc(0)));
}
/** The predicate type an envelope's statement names (not verified: only to replace it), if any. */
function envelopePredicateType(bytes) {
    try {
        const env = JSON.parse(bytes.toString('utf8'));
        if (typeof env.payload !== 'string')
            return undefined;
        const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'));
        return typeof st.predicateType === 'string' ? st.predicateType : undefined;
    }
    catch {
        return undefined;
    }
}
/** Blobs of one cosign image downloaded at once (each may be large): a few, not every one. */
const READ_AT_ONCE = 4;
/**
 * The layers kept when attestations of TYPES replace the ones there (`cosign attest --replace`):
 * each layer's predicate type is its annotation, else what its statement says (TYPE_OF reads it).
 */
async function keptAttestations(layers, types, typeOf) {
    const unnamed = new Set(unnamedAttestations(layers));
    const named = await (0,_util_map_limit_js__WEBPACK_IMPORTED_MODULE_6__/* .mapLimit */ .sf)(layers, READ_AT_ONCE, async (l) => ({
        l,
        type: unnamed.has(l) ? await typeOf(l) : l.annotations?.predicateType,
    }));
    return named.filter((x) => x.type === undefined || !types.has(x.type)).map((x) => x.l);
}
/** The DSSE layers without a predicateType annotation: keptAttestations reads their envelopes. */
const unnamedAttestations = (layers) => layers.filter((l) => l.annotations?.predicateType === undefined && l.mediaType === DSSE_MEDIA_TYPE);
/** JSON bytes, parsed; undefined when they are not JSON. */
function json(bytes) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** A simple-signing payload's claims (of cosign's type), or undefined when it is not one. */
function parseSimpleSigning(payload) {
    const p = _cosign_args_js__WEBPACK_IMPORTED_MODULE_3__/* .SimpleSigningSchema */ .Ru.safeParse(json(payload));
    return p.success && p.data.critical.type === _cosign_key_js__WEBPACK_IMPORTED_MODULE_4__/* .SIMPLE_SIGNING_TYPE */ .g7 ? (0,_cosign_args_js__WEBPACK_IMPORTED_MODULE_3__/* .signatureOf */ .yK)(p.data) : undefined;
}
/** An in-toto statement, or undefined when the bytes are not one (cosign's reading: same schema). */
function parseStatement(bytes) {
    const s = (0,_util_parse_input_js__WEBPACK_IMPORTED_MODULE_5__/* .parsedOrNone */ .DU)(_cosign_args_js__WEBPACK_IMPORTED_MODULE_3__/* .StatementSchema */ .XZ, json(bytes));
    return s && (0,_cosign_args_js__WEBPACK_IMPORTED_MODULE_3__/* .statementOf */ .T8)(s);
}


/***/ }),

/***/ 98224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hg: () => (/* binding */ inTotoStatement),
/* harmony export */   KM: () => (/* binding */ isEnvelopeOf),
/* harmony export */   Kq: () => (/* binding */ simpleSigningPayload),
/* harmony export */   O0: () => (/* binding */ isP256),
/* harmony export */   PO: () => (/* binding */ strictBase64),
/* harmony export */   RV: () => (/* binding */ verifyBytes),
/* harmony export */   TA: () => (/* binding */ parseP256PublicKey),
/* harmony export */   Yj: () => (/* binding */ signEnvelope),
/* harmony export */   b_: () => (/* binding */ signBytes),
/* harmony export */   cV: () => (/* binding */ decryptCosignKey),
/* harmony export */   dT: () => (/* binding */ isEncryptedCosignKey),
/* harmony export */   g7: () => (/* binding */ SIMPLE_SIGNING_TYPE),
/* harmony export */   hk: () => (/* binding */ openEnvelope),
/* harmony export */   kc: () => (/* binding */ publicKeyOf)
/* harmony export */ });
/* unused harmony exports publicKeysKept, IN_TOTO_STATEMENT_V01, pae */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _noble_ciphers_salsa_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(52287);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92857);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _cosign_args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51386);
// cosign's key-mode formats, in process: the encrypted private key `cosign generate-key-pair`
// writes (scrypt, then NaCl secretbox around a PKCS#8 key), the simple-signing payload of an image
// signature, and the in-toto statement in a DSSE envelope of an attestation. Signatures are ECDSA
// P-256 over SHA-256, ASN.1 DER, as cosign makes them; what is written here verifies with the real
// `cosign verify` / `verify-attestation`, and the other way round (integration tests check both).
// The password and the decrypted key never leave this module's KeyObject.





/** The PEM types of an encrypted cosign key: the current name and the one before it. */
const ENCRYPTED_TYPES = ['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'];
const EncryptedKeySchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    kdf: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('scrypt'),
        params: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
            N: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().positive(),
            r: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().positive(),
            p: zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().int().positive(),
        }),
        salt: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    }),
    cipher: zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_3__/* .literal */ .euz('nacl/secretbox'), nonce: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP() }),
    ciphertext: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
});
/** The body and type of the first PEM block, or undefined when TEXT holds none. */
function pemBlock(text) {
    const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
    return m ? { type: m[1], der: Buffer.from(m[2].replace(/\s+/g, ''), 'base64') } : undefined;
}
/** Is TEXT a cosign encrypted private key (what the native signer can sign with)? */
function isEncryptedCosignKey(text) {
    const block = pemBlock(text);
    return block !== undefined && ENCRYPTED_TYPES.includes(block.type);
}
/** An ECDSA P-256 key (what cosign generate-key-pair makes; the built-in signer's kind). */
const isP256 = (k) => k.asymmetricKeyType === 'ec' && k.asymmetricKeyDetails?.namedCurve === 'prime256v1';
/**
 * Decrypt a cosign private key with its password, or an InputError naming SOURCE (a wrong
 * password, not a cosign key). Any key type comes back: the built-in signer takes P-256 keys
 * (isP256), cosign the others. scrypt runs off the main thread.
 */
async function decryptCosignKey(text, password, source, 
/** False when COSIGN_PASSWORD is empty or not set (the empty password was tried): the message says so. */
passwordSet = true) {
    const block = pemBlock(text);
    if (!block || !ENCRYPTED_TYPES.includes(block.type))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: not a cosign private key (expected a PEM block "${ENCRYPTED_TYPES[0]}", found ${block ? `"${block.type}"` : 'no PEM block'})`, 'make the key pair with `cosign generate-key-pair` (or `cosign import-key-pair`)');
    let sealed;
    try {
        sealed = EncryptedKeySchema.parse(JSON.parse(block.der.toString('utf8')));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: the encrypted key is not scrypt + nacl/secretbox JSON`, 'make the key pair again with `cosign generate-key-pair`');
    }
    const { N, r, p } = sealed.kdf.params;
    const scryptFailed = (err) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: scrypt: ${err.message}`);
    const secret = await new Promise((resolve, reject) => {
        try {
            (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.scrypt)(password, Buffer.from(sealed.kdf.salt, 'base64'), 32, { N, r, p, maxmem: 256 * N * r + 64 * 1024 * 1024 }, (err, key) => (err ? reject(scryptFailed(err)) : resolve(key)));
        }
        catch (err) {
            reject(scryptFailed(err)); // invalid parameters (N not a power of two) throw at once
        }
    });
    let der;
    try {
        der = (0,_noble_ciphers_salsa_js__WEBPACK_IMPORTED_MODULE_4__/* .xsalsa20poly1305 */ .uT)(secret, Buffer.from(sealed.cipher.nonce, 'base64')).decrypt(Buffer.from(sealed.ciphertext, 'base64'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(passwordSet
            ? `${source}: wrong password for the signing key (COSIGN_PASSWORD): it does not decrypt`
            : `${source}: the signing key has a password and COSIGN_PASSWORD is empty or not set (a secret missing in the workflow reads as empty)`, 'set COSIGN_PASSWORD to the password given to cosign generate-key-pair');
    }
    finally {
        secret.fill(0);
    }
    let key;
    try {
        // A view of DER, not a copy (Buffer.from would copy it into the shared pool, out of reach
        // of the fill below).
        const view = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
        key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: view, format: 'der', type: 'pkcs8' });
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: the decrypted key is not a PKCS#8 private key`, 'make the key pair again with `cosign generate-key-pair`');
    }
    finally {
        der.fill(0);
    }
    return key;
}
/** Public keys parsed in this process, by their PEM text (public: nothing secret is kept). */
const publicKeys = new Map();
/** The texts parseP256PublicKey keeps (for the test that no private key is ever among them). */
const publicKeysKept = () => [...publicKeys.keys()];
/** A PEM public key that the built-in verifier takes (ECDSA P-256), else undefined. */
function parseP256PublicKey(text) {
    // Only PUBLIC KEY blocks are parsed and kept: a private key given by mistake is never stored.
    if (pemBlock(text)?.type !== 'PUBLIC KEY')
        return undefined;
    // Asked once per check (is it one the built-in verifier takes?) and by the verifier: parsed once.
    if (publicKeys.has(text))
        return publicKeys.get(text);
    let key;
    try {
        key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(text);
    }
    catch {
        key = undefined;
    }
    const p256 = key && isP256(key) ? key : undefined;
    publicKeys.set(text, p256);
    return p256;
}
const publicKeyOf = (key) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key);
/** ECDSA over SHA-256, ASN.1 DER (what cosign writes). */
const signBytes = (key, data) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.sign)('sha256', data, key);
function verifyBytes(key, data, signature) {
    try {
        return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.verify)('sha256', data, key, signature);
    }
    catch {
        return false;
    }
}
// --- payloads ----------------------------------------------------------------------------------
const SIMPLE_SIGNING_TYPE = 'cosign container image signature';
const IN_TOTO_STATEMENT_V01 = 'https://in-toto.io/Statement/v0.1';
/** The simple-signing payload of an image signature, byte for byte as cosign writes it. */
function simpleSigningPayload(repository, digest) {
    return Buffer.from(JSON.stringify({
        critical: {
            identity: { 'docker-reference': repository },
            image: { 'docker-manifest-digest': digest },
            type: SIMPLE_SIGNING_TYPE,
        },
        optional: null,
    }));
}
/** The in-toto statement of an attestation: the predicate about one image digest. */
function inTotoStatement(repository, digest, predicateType, predicate) {
    return Buffer.from(JSON.stringify({
        _type: IN_TOTO_STATEMENT_V01,
        predicateType,
        subject: [{ name: repository, digest: { sha256: digest.replace(/^sha256:/, '') } }],
        predicate,
    }));
}
/** DSSE's pre-authentication encoding: what a DSSE signature signs. */
function pae(payloadType, payload) {
    const type = Buffer.from(payloadType);
    return Buffer.concat([
        Buffer.from(`DSSEv1 ${type.length} `),
        type,
        Buffer.from(` ${payload.length} `),
        payload,
    ]);
}
/** Sign a statement into a DSSE envelope (the JSON bytes of an `.att` layer). */
function signEnvelope(key, statement) {
    const sig = signBytes(key, pae(_cosign_args_js__WEBPACK_IMPORTED_MODULE_2__/* .IN_TOTO_PAYLOAD_TYPE */ .T4, statement));
    const envelope = {
        payloadType: _cosign_args_js__WEBPACK_IMPORTED_MODULE_2__/* .IN_TOTO_PAYLOAD_TYPE */ .T4,
        payload: statement.toString('base64'),
        signatures: [{ keyid: '', sig: sig.toString('base64') }],
    };
    return Buffer.from(JSON.stringify(envelope));
}
/**
 * Whether ENVELOPE is what signEnvelope makes of STATEMENT with the private half of PUBLIC_KEY:
 * that very form byte for byte (one signature, an empty key id), this statement, a signature that
 * verifies. Such an envelope of an earlier run may be attached again instead of a new one.
 * VERIFIED: openEnvelope found a signature of these very bytes that PUBLIC_KEY verifies; the form
 * compared here leaves one signature, that one, so it is not verified again.
 */
function isEnvelopeOf(publicKey, envelope, statement, verified = false) {
    // Compared as bytes around the signature's text, without parsing the envelope (an SBOM's is
    // 60 KB): the payload type, this statement as the payload, one signature with an empty key id.
    const head = Buffer.from(`{"payloadType":${JSON.stringify(_cosign_args_js__WEBPACK_IMPORTED_MODULE_2__/* .IN_TOTO_PAYLOAD_TYPE */ .T4)},"payload":"${statement.toString('base64')}","signatures":[{"keyid":"","sig":"`);
    const tail = Buffer.from('"}]}');
    if (envelope.length <= head.length + tail.length ||
        !envelope.subarray(0, head.length).equals(head) ||
        !envelope.subarray(envelope.length - tail.length).equals(tail))
        return false;
    // The signature as signEnvelope writes it: base64 with nothing JSON escapes, and base64 as
    // cosign reads it (Node would read altered text too).
    const text = envelope.subarray(head.length, envelope.length - tail.length).toString('latin1');
    const signature = /^[A-Za-z0-9+/]+={0,2}$/.test(text) ? strictBase64(text) : undefined;
    if (signature === undefined)
        return false;
    return verified || verifyBytes(publicKey, pae(_cosign_args_js__WEBPACK_IMPORTED_MODULE_2__/* .IN_TOTO_PAYLOAD_TYPE */ .T4, statement), signature);
}
/**
 * Base64 as cosign (Go's standard encoding) reads it: the standard alphabet with its padding,
 * line breaks ignored. Node's decoder is lenient (it skips other characters, padding is
 * optional, the URL-safe alphabet is taken too): text it would read but Go would not is no
 * base64 here. Undefined for such text. URL_SAFE: the URL-safe alphabet too (with its padding),
 * which DSSE's verifier takes for signatures when the standard one fails.
 */
function strictBase64(text, urlSafe = false) {
    const plain = text.replace(/[\r\n]/g, '');
    const bytes = Buffer.from(plain, 'base64');
    if (bytes.toString('base64') === plain)
        return bytes;
    return urlSafe && /[-_]/.test(plain)
        ? strictBase64(plain.replace(/-/g, '+').replace(/_/g, '/'))
        : undefined;
}
const EnvelopeSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({
    payloadType: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    payload: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(),
    signatures: zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .object */ .Ikc({ keyid: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(), sig: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP() })).nullish(),
});
/**
 * The statement inside an envelope when one of its signatures verifies with KEY; undefined when
 * none does, or when it is not an in-toto envelope. As cosign: the payload and every signature
 * must be base64 as Go reads it (one that is not spoils the envelope).
 */
function openEnvelope(key, bytes) {
    let env;
    try {
        env = EnvelopeSchema.parse(JSON.parse(bytes.toString('utf8')));
    }
    catch {
        return undefined;
    }
    if (env.payloadType !== _cosign_args_js__WEBPACK_IMPORTED_MODULE_2__/* .IN_TOTO_PAYLOAD_TYPE */ .T4)
        return undefined;
    const payload = strictBase64(env.payload);
    const signatures = (env.signatures ?? []).map((s) => strictBase64(s.sig, true));
    if (payload === undefined || signatures.includes(undefined))
        return undefined;
    const signed = pae(env.payloadType, payload);
    return signatures.some((sig) => verifyBytes(key, signed, sig)) ? payload : undefined;
}


/***/ }),

/***/ 33147:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DW: () => (/* binding */ pushCosignImage),
/* harmony export */   FA: () => (/* binding */ ACCEPT),
/* harmony export */   cu: () => (/* binding */ Ahead)
/* harmony export */ });
/* unused harmony export AHEAD_READ_MS */
/* harmony import */ var _docker_oci_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38201);
/* harmony import */ var _util_within_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89281);
/* harmony import */ var _cosign_image_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1614);
// Writing one of cosign's images (a `.sig` or `.att` tag) to a registry for the built-in signer:
// the tag read and the uploads opened, the blobs uploaded, the manifest (three rounds; a fourth
// when a blob the tag does not list is asked to be mounted after the tag was read).




// The bound of the cancels after an interrupt (each DELETE also ends by then: its own timeout).

/** P, or undefined once INTERRUPTED_CANCEL_MS passed when the process is being interrupted. */
const boundedIfInterrupted = (p) => (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .isInterrupted */ .fT)() ? (0,_util_within_js__WEBPACK_IMPORTED_MODULE_3__/* .within */ .u)(p, _util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .INTERRUPTED_CANCEL_MS */ .Hl, undefined) : p;
/** Cancel every upload of OPENED (some may still be opening) that is not in FINISHED. */
async function cancelUploads(client, repository, opened, finished) {
    const urls = await Promise.all(opened.map((u) => u.catch(() => undefined)));
    await Promise.all(urls
        .filter((u) => u !== undefined && !finished.has(u))
        .map((u) => client.cancelUpload(repository, u).catch(() => undefined)));
}
/** What a cosign tag is read as. */
const ACCEPT = [_cosign_image_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG, _cosign_image_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCKER_MANIFEST */ .Vv];
/** How a registry refuses a manifest it cannot take (MANIFEST_INVALID, too large, unsupported). */
const REFUSED_MANIFEST = new Set([400, 413, 415, 422]);
/**
 * Push a cosign image under TAG. The tag's current layers are read (unless the caller has read
 * them, or is reading them: READ) while an upload is opened for the config and each new blob. A
 * blob that may be there already (an envelope attached again, a payload signed before) needs
 * nothing when the tag lists it; else its upload's POST asks the registry to mount it from the
 * repository itself, which links one it has (201: no PUT). The config and the blobs not there go
 * up (PUT; COMPLETE makes the whole layer list from what was there), then the manifest with the
 * small blobs embedded (cosignImage). A registry that refuses that manifest but takes it without
 * them joins PLAIN_HOSTS: its next manifests go without at once. When the push fails, the
 * uploads it opened and did not finish are cancelled (best effort) before the error goes on.
 */
async function pushCosignImage(client, repository, tag, blobs, complete, opts) {
    // After SIGINT/SIGTERM no push starts: nothing it reads or opens is left pending unhandled.
    (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .throwIfInterrupted */ .sK)('a registry push');
    const opened = [];
    const finished = new Set();
    /** Every upload opened (some may still be opening) and not finished: cancelled. */
    const cancelUnfinished = async () => {
        await boundedIfInterrupted(cancelUploads(client, repository, opened, finished));
    };
    const track = (upload) => (opened.push(upload), upload);
    // After SIGINT/SIGTERM no upload is opened: the cleanup below may have run already.
    const open = () => {
        (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .throwIfInterrupted */ .sK)('a registry upload');
        return track(opts.open ? opts.open() : client.startUpload(repository));
    };
    const finish = async (upload, data) => {
        const digest = await client.finishUpload(repository, upload, data);
        finished.add(upload);
        return digest;
    };
    const digests = blobs.map((b) => (0,_docker_oci_client_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Digest */ .sI)(b.data));
    const there = Promise.resolve(opts.read ?? client.manifest(repository, tag, ACCEPT).then(_cosign_image_js__WEBPACK_IMPORTED_MODULE_2__/* .readLayers */ .n4));
    // On SIGINT/SIGTERM too (the process exits without reaching the catch below).
    const unregister = (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .registerCleanup */ .qE)(cancelUnfinished);
    try {
        // The first round settles whole before anything else happens: a failure is only acted on once
        // every upload it may open is opened (and so can be cancelled).
        const first = await Promise.allSettled([
            there.then(complete),
            open(),
            ...blobs.map(async (b, i) => {
                if (!b.maybeThere)
                    return open();
                const listed = (await there).some((l) => l.digest === digests[i]);
                if (listed)
                    return undefined;
                (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .throwIfInterrupted */ .sK)('a registry upload');
                return track(client.startUpload(repository, digests[i]));
            }),
        ]);
        const failed = first.find((r) => r.status === 'rejected');
        if (failed)
            throw failed.reason;
        const [layers, configUpload, ...uploads] = first.map((r) => r.value);
        const image = (0,_cosign_image_js__WEBPACK_IMPORTED_MODULE_2__/* .cosignImage */ .Ly)(layers);
        const [configDigest] = await Promise.all([
            finish(configUpload, image.config),
            // A blob the tag lists, or one its upload's POST linked: nothing to send.
            ...blobs.map((b, i) => (uploads[i] === undefined ? undefined : finish(uploads[i], b.data))),
        ]);
        const embed = !opts.plainHosts.has(client.host);
        const known = new Map(digests.map((d, i) => [d, blobs[i].data]));
        try {
            await client.putManifest(repository, tag, _cosign_image_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG, image.manifest(configDigest, embed ? { blobs: known } : undefined));
        }
        catch (e) {
            // A registry that refuses descriptors with `data` (an image-spec 1.0 reader): the same
            // manifest without; when that is taken, this host's next ones go without at once.
            if (!embed || !(e instanceof _docker_oci_client_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryAnswerError */ .ap) || !REFUSED_MANIFEST.has(e.status))
                throw e;
            await client.putManifest(repository, tag, _cosign_image_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG, image.manifest(configDigest));
            opts.plainHosts.add(client.host);
        }
    }
    catch (e) {
        await cancelUnfinished();
        throw e;
    }
    finally {
        unregister();
    }
}
/**
 * How old a tag read ahead may be when its write takes it. The write replaces the tag with what
 * was read plus its own layers: another process that wrote the tag in between would lose its
 * layers (as between any read and write, but a read ahead widens the window from one round trip
 * to the predicates' time). An older read is done again.
 */
const AHEAD_READ_MS = 5_000;
/**
 * Requests started ahead of the pushes that need them (NativeSigner.prefetch): a tag's read, by
 * `host/repository:tag`, which the first write of the tag takes (a later one reads again), and
 * uploads opened to a repository, by `host/repository`, which its pushes take first. A failure is
 * the taker's, or nobody's.
 */
class Ahead {
    /** Tag reads by id, with when they were sent: an old one is not used (see AHEAD_READ_MS). */
    reads = new Map();
    /** Uploads opened ahead by `host/repository`, with the client and repository to cancel them. */
    uploads = new Map();
    start(client, repository, tags, uploads) {
        // After SIGINT/SIGTERM nothing is opened ahead: the release the cleanup ran may be done already.
        if ((0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .isInterrupted */ .fT)())
            return;
        for (const tag of tags) {
            const id = `${client.host}/${repository}:${tag}`;
            if (this.reads.has(id))
                continue;
            const read = client.manifest(repository, tag, ACCEPT).then(_cosign_image_js__WEBPACK_IMPORTED_MODULE_2__/* .readLayers */ .n4);
            read.catch(() => undefined);
            this.reads.set(id, { read, at: Date.now() });
        }
        const id = `${client.host}/${repository}`;
        const pool = this.uploads.get(id) ?? { client, repository, opened: [] };
        this.uploads.set(id, pool);
        for (let i = 0; i < uploads; i++) {
            const upload = client.startUpload(repository);
            upload.catch(() => undefined);
            pool.opened.push(upload);
        }
    }
    /** The tag's layers: read ahead (taken), else read now. */
    layers(client, repository, tag) {
        const id = `${client.host}/${repository}:${tag}`;
        const ahead = this.reads.get(id);
        this.reads.delete(id);
        return ahead !== undefined && Date.now() - ahead.at <= AHEAD_READ_MS
            ? ahead.read
            : client.manifest(repository, tag, ACCEPT).then(_cosign_image_js__WEBPACK_IMPORTED_MODULE_2__/* .readLayers */ .n4);
    }
    /** A new upload to the repository: one opened ahead, else one opened now (not after a signal). */
    upload(client, repository) {
        const ahead = this.uploads.get(`${client.host}/${repository}`)?.opened.shift();
        if (ahead !== undefined)
            return ahead;
        (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .throwIfInterrupted */ .sK)('a registry upload');
        return client.startUpload(repository);
    }
    /** The DELETEs of every release so far: a later release waits for them too. */
    releasing = Promise.resolve();
    /**
     * Cancel every upload opened ahead and not taken; best effort (a registry drops stale ones).
     * Settles once every cancel asked for so far has been answered, those of an earlier release still
     * under way included: the signal's cleanup, calling it while the stage's own call is waiting,
     * waits for those DELETEs instead of returning at once (the process would exit before them).
     */
    async release() {
        const pools = [...this.uploads.values()];
        this.uploads.clear();
        this.reads.clear();
        const cancels = Promise.all(pools.flatMap(({ client, repository, opened }) => opened.map(async (u) => {
            const url = await u.catch(() => undefined);
            if (url !== undefined)
                await client.cancelUpload(repository, url).catch(() => undefined);
        })));
        this.releasing = Promise.all([this.releasing, boundedIfInterrupted(cancels)]);
        await this.releasing;
    }
}


/***/ }),

/***/ 39234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DE: () => (/* binding */ blobOf),
/* harmony export */   RJ: () => (/* binding */ readableLayers),
/* harmony export */   TN: () => (/* binding */ checkedBlob),
/* harmony export */   V8: () => (/* binding */ readTagLayers),
/* harmony export */   ig: () => (/* binding */ leftOut)
/* harmony export */ });
/* unused harmony export MAX_READ_LAYERS */
/* harmony import */ var _docker_oci_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7589);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _util_map_limit_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9992);
/* harmony import */ var _cosign_image_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1614);
/* harmony import */ var _cosign_push_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33147);
// Reading the layers of a `.sig` / `.att` image and their blobs, within limits. Whoever may push to
// the repository writes those tags: without limits, a manifest listing hundreds of large layers
// would have verify download them all at once, each up to the transport's per-answer limit, and
// run out of memory. Past a limit the answer is refused as one too large is (exit 3), before any
// blob is read; a blob read must be the size its layer declares; a few are read at a time. For a
// check, a layer whose blob cannot be read as declared (another size, or more than one answer
// holds) is left out, as cosign leaves out a layer it cannot read and verifies the others: one
// junk layer pushed by someone without the key does not fail the image's good signatures.





/** Layers of one kind read from one image at most: cosign's own limit (maxAllowedSigsOrAtts). */
const MAX_READ_LAYERS = 100;
/** Their declared sizes together at most (a signature is a few hundred bytes, an SBOM some MiB). */
const MAX_READ_BYTES = 256 * 1024 * 1024;
const FIX = 'check the registry and any proxy in between: cosign itself refuses an image with more than 100 signatures or attestations; remove the tag (or its extra layers) and sign or attest again';
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
/** A size a layer may declare: a whole number of bytes, not negative. */
const validSize = (size) => Number.isSafeInteger(size) && size >= 0;
/**
 * LAYERS (of KIND) of IMAGE at HOST, when reading their blobs stays within MAX_READ_LAYERS and
 * MAX_READ_BYTES; otherwise an EnvironmentError saying which.
 */
function readableLayers(layers, host, image, kind) {
    if (layers.length > MAX_READ_LAYERS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${host}: ${image} lists ${layers.length} ${kind} layers, more than are ever read (${MAX_READ_LAYERS})`, FIX);
    const invalid = layers.find((l) => !validSize(l.size));
    if (invalid)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${host}: ${image} lists a ${kind} layer of size ${String(invalid.size)}, not a number of bytes`, FIX);
    const total = layers.reduce((n, l) => n + l.size, 0);
    if (total > MAX_READ_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${host}: the ${kind} layers of ${image} declare ${mib(total)}, more than is ever read (${mib(MAX_READ_BYTES)})`, FIX);
    return layers;
}
/** Whether E (or what caused it) is an answer over the transport's size limit. */
function tooLarge(e) {
    let c = e;
    for (let depth = 0; depth < 5 && typeof c === 'object' && c !== null; depth++) {
        if (c.code === _docker_oci_client_js__WEBPACK_IMPORTED_MODULE_0__/* .ANSWER_TOO_LARGE */ .QA)
            return true;
        c = c.cause;
    }
    return false;
}
/**
 * A layer's blob: embedded in its descriptor (checked), else read from the registry, where it must
 * be the size the layer of TAG declares; otherwise (a string) why it is not. The registry served
 * the very blob (the client checks its digest), so another size is the manifest's.
 */
async function readBlob(client, repository, tag, l) {
    const embedded = (0,_cosign_image_js__WEBPACK_IMPORTED_MODULE_2__/* .embeddedBlob */ .MJ)(l);
    if (embedded)
        return embedded;
    // No more than it declares is read: a registry serving more is refused as the bytes come.
    const blob = await client.blob(repository, l.digest, l.size);
    if (blob.length === l.size)
        return blob;
    return `registry ${client.host}: the blob ${l.digest} is ${blob.length} bytes where ${repository}:${tag} declares ${l.size}`;
}
/**
 * A layer's blob (readBlob) for the attest stage, which extends the tag: one that is not the size
 * its layer declares is exit 3 (a check leaves such a layer out instead: readTagLayers).
 */
async function blobOf(client, repository, tag, l) {
    const blob = await readBlob(client, repository, tag, l);
    if (typeof blob !== 'string')
        return blob;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(blob, 'check the registry and any proxy in between: the manifest does not describe its blob');
}
/**
 * A layer's blob for a check (readBlob), or (a string) why it is left out, as cosign leaves it out:
 * not the size its layer declares, or more than one registry answer may hold. A registry that
 * does not serve it is still an EnvironmentError (exit 3).
 */
async function checkedBlob(client, repository, tag, l) {
    try {
        return await readBlob(client, repository, tag, l);
    }
    catch (e) {
        if (tooLarge(e))
            return e.message;
        throw e;
    }
}
/** A failed check's note of the layers it left out (TagLayers.unread), when there are any. */
function leftOut(unread) {
    if (unread.length === 0)
        return '';
    const more = unread.length > 1 ? ` and ${unread.length - 1} more` : '';
    return `; left out, as cosign does, a layer it cannot read: ${unread[0]}${more}`;
}
/**
 * The layers of MEDIA_TYPE (of KIND) in TAG with their blobs (none: no tag), within the limits,
 * READ_AT_ONCE at a time, for a check: a layer whose blob is not the size it declares, or more than
 * an answer may hold, is left out (noted in unread), as cosign leaves it out; the KNOWN blob is not
 * downloaded. A registry that does not serve a blob is still exit 3.
 */
async function readTagLayers(client, repository, tag, mediaType, kind, known) {
    const m = await client.manifest(repository, tag, _cosign_push_js__WEBPACK_IMPORTED_MODULE_3__/* .ACCEPT */ .FA);
    const layers = (0,_cosign_image_js__WEBPACK_IMPORTED_MODULE_2__/* .readLayers */ .n4)(m).filter((l) => l.mediaType === mediaType);
    readableLayers(layers, client.host, `${repository}:${tag}`, kind);
    const blobs = await (0,_util_map_limit_js__WEBPACK_IMPORTED_MODULE_4__/* .mapLimit */ .sf)(layers, _cosign_image_js__WEBPACK_IMPORTED_MODULE_2__/* .READ_AT_ONCE */ .fh, async (layer) => {
        // Content-addressed: a blob whose digest is known needs no download.
        if (layer.digest === known?.digest)
            return known.bytes;
        return checkedBlob(client, repository, tag, layer);
    });
    const out = { read: [], unread: [] };
    blobs.forEach((blob, i) => {
        if (typeof blob === 'string')
            out.unread.push(blob);
        else
            out.read.push({ layer: layers[i], blob });
    });
    return out;
}


/***/ }),

/***/ 70289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ forcedCosign)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
// ML_IMAGE_SIGNER, which signer does the work: the cosign binary, or the built-in one where it can.


/**
 * ML_IMAGE_SIGNER=cosign: every call to the cosign binary. Unset, empty or `builtin`: the built-in
 * signer where it can. Anything else is a typo (`cosgin`) that ran the built-in signer without a
 * word: exit 2.
 */
function forcedCosign(env) {
    const v = env.ML_IMAGE_SIGNER?.trim().toLowerCase() ?? '';
    if (v === '' || v === 'builtin' || v === 'cosign')
        return v === 'cosign';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`ML_IMAGE_SIGNER: expected cosign or builtin (unset: the built-in signer where it can), got ${JSON.stringify((0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(env.ML_IMAGE_SIGNER ?? ''))}`, 'set ML_IMAGE_SIGNER=cosign, or unset it');
}


/***/ }),

/***/ 38206:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rO: () => (/* binding */ createSigner),
  hG: () => (/* binding */ nativeReaches),
  kZ: () => (/* binding */ preconnect),
  NR: () => (/* binding */ signingKey),
  qT: () => (/* binding */ verifyDeps)
});

// UNUSED EXPORTS: nativeKeyText, nativeVerifies, publicKeyFiles, registryInspector

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/docker/oci-client.ts
var oci_client = __webpack_require__(7589);
// EXTERNAL MODULE: ./src/docker/plain-http.ts
var plain_http = __webpack_require__(12177);
// EXTERNAL MODULE: ./src/docker/registry.ts
var docker_registry = __webpack_require__(98925);
// EXTERNAL MODULE: ./src/attest/signer-env.ts
var signer_env = __webpack_require__(70289);
// EXTERNAL MODULE: ./src/docker/registry-auth.ts
var registry_auth = __webpack_require__(8516);
// EXTERNAL MODULE: ./src/docker/registry-client.ts
var registry_client = __webpack_require__(15669);
// EXTERNAL MODULE: ./src/docker/registry-io.ts
var registry_io = __webpack_require__(62378);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/attest/cosign-args.ts
var cosign_args = __webpack_require__(51386);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var util_redact = __webpack_require__(82513);
// EXTERNAL MODULE: ./src/util/cleanup.ts + 1 modules
var cleanup = __webpack_require__(38201);
// EXTERNAL MODULE: ./src/util/process-tree.ts
var process_tree = __webpack_require__(26706);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/docker/exec-runner.ts
var exec_runner = __webpack_require__(45206);
// EXTERNAL MODULE: ./src/util/run-id.ts
var run_id = __webpack_require__(72679);
// EXTERNAL MODULE: ./src/util/temp.ts
var temp = __webpack_require__(54868);
;// CONCATENATED MODULE: ./src/attest/cosign-env.ts
// cosign's environment: the run's id, and for a cosign run that reads Sigstore's TUF metadata
// (Fulcio's and Rekor's keys: keyless signing and verifying, the transparency log) a TUF_ROOT of
// the run's own. cosign keeps that metadata in TUF_ROOT, by default ~/.sigstore/root, one cache for
// every cosign of the user: two jobs on self-hosted runners sharing a HOME (two attest stages, an
// attest stage and a deploy gate's verify) trip over its lock ("creating cached local store:
// resource temporarily unavailable", sigstore/cosign#2576) or over each other's writes ("failed
// to persist metadata"). The run's own is an empty directory under the run's temp root, made once
// and removed with it: cosign starts an empty one from the root it embeds and fetches the current
// metadata from tuf-repo-cdn.sigstore.dev (sigstore/sigstore pkg/tuf, sigstore-go's tuf client),
// one refresh per run. A TUF_ROOT the user set is theirs, and used as it is; so is the default
// ~/.sigstore/root where `cosign initialize --mirror` pointed it at a TUF repository other than
// Sigstore's public one (a private Sigstore, whose root a fresh TUF_ROOT would not know).







const TUF_ROOT_ENV = 'TUF_ROOT';
/** An empty dir under the run's temp root; one that cannot be made is exit 3, before cosign starts. */
function makeTufRoot() {
    try {
        return (0,temp/* runTempDir */.jI)('cosign-tuf-');
    }
    catch (e) {
        if (e instanceof errors/* EnvironmentError */.eG)
            throw e; // the temp root is not private (temp.ts says so)
        throw new errors/* EnvironmentError */.eG(`cannot make a TUF_ROOT for cosign under ${(0,temp/* runTempRoot */.a8)()} (${e.code ?? e.message})`, "check that the temp dir (TMPDIR) is writable and has room, or set TUF_ROOT to a directory of this job's own", { cause: e });
    }
}
/**
 * A run's own TUF_ROOT, made on the first call (MAKE: a temp dir under the run's temp root) and
 * the same after; REGISTER's cleanup removes it, and a call after that makes another.
 */
function tufRootOnce(make = makeTufRoot, register = cleanup/* registerCleanup */.qE) {
    let dir;
    return () => {
        if (dir !== undefined)
            return dir;
        const made = make();
        dir = made;
        register(() => {
            if (dir === made)
                dir = undefined;
            (0,external_node_fs_.rmSync)(made, { recursive: true, force: true });
        });
        return made;
    };
}
/** This run's own TUF_ROOT (see tufRootOnce). */
const runTufRoot = tufRootOnce();
/** The TUF_ROOT the user gave (the call's environment over BASE), if any: an empty one is none. */
function givenTufRoot(extra, base) {
    const dir = extra?.[TUF_ROOT_ENV] ?? base[TUF_ROOT_ENV];
    return dir === undefined || dir === '' ? undefined : dir;
}
/** Sigstore's public TUF repository, by the names `cosign initialize --mirror` takes for it. */
const PUBLIC_TUF_MIRRORS = new Set([
    'tuf-repo-cdn.sigstore.dev',
    'sigstore-tuf-root.storage.googleapis.com',
    'sigstore-tuf-root',
]);
/**
 * ~/.sigstore/root (HOME from BASE) when `cosign initialize --mirror` wrote it for a TUF repository
 * other than Sigstore's public one: its remote.json names that mirror (a URL, or a GCS bucket's
 * name). cosign then trusts the root kept there, which a fresh TUF_ROOT would not have; so that
 * cache is used as before. Anything else there (none, the public mirror, unreadable): undefined.
 */
function initializedTufRoot(base, read = (f) => (0,external_node_fs_.readFileSync)(f, 'utf8')) {
    if (base.HOME === undefined || base.HOME === '')
        return undefined;
    const dir = external_node_path_default().join(base.HOME, '.sigstore', 'root');
    let mirror;
    try {
        mirror = JSON.parse(read(external_node_path_default().join(dir, 'remote.json')))?.mirror;
    }
    catch {
        return undefined;
    }
    if (typeof mirror !== 'string' || mirror.trim() === '')
        return undefined;
    let name = mirror.trim();
    try {
        name = new URL(name).hostname;
    }
    catch {
        // a GCS bucket's name
    }
    return PUBLIC_TUF_MIRRORS.has(name.toLowerCase()) ? undefined : dir;
}
/**
 * cosign's environment: BASE (this process's), the call's own (EXTRA), and the run's id
 * (ML_IMAGE_RUN_ID), by which the action's post step finds a cosign a cancelled job left running,
 * as it finds docker CLIs. Given TUF_ROOT (the call reads Sigstore's TUF metadata), the run's own
 * TUF_ROOT from it, unless the user set one or initialized the default for a mirror of their own.
 */
function cosignEnv(extra, base, tufRoot, initialized = initializedTufRoot) {
    const own = tufRoot !== undefined && givenTufRoot(extra, base) === undefined && initialized(base) === undefined;
    return { ...base, ...extra, ...(own && { [TUF_ROOT_ENV]: tufRoot() }), [exec_runner/* RUN_ID_ENV */.I]: run_id/* RUN_ID */.UC };
}
/**
 * cosign could not open or update its Sigstore cache, twice (cosign-run.ts tries once more): in a
 * TUF_ROOT the user set (GIVEN) another cosign most likely uses it too, as in cosign's default
 * ~/.sigstore/root (a run without OWN, the run's own: one that reads no TUF metadata, or one that
 * keeps the default because cosign initialize set it up for a private mirror: INITIALIZED); in
 * the run's own the temp dir is the suspect.
 */
function sigstoreCacheError(what, detail, given, own, initialized) {
    const ownUsed = own && given === undefined && initialized === undefined;
    const where = given !== undefined ? `TUF_ROOT ${given}` : ownUsed ? "the run's own TUF_ROOT" : '~/.sigstore/root';
    const fix = given !== undefined
        ? 'the TUF_ROOT set in the environment is shared by every cosign run that has it (another job on this machine): give each job a TUF_ROOT of its own, or unset it (each run then uses one of its own), and run again'
        : ownUsed
            ? `each run's cosign keeps that cache in a TUF_ROOT of its own under ${(0,temp/* runTempRoot */.a8)()}: check that the temp dir (TMPDIR) is writable and has room, and run again`
            : initialized !== undefined
                ? `${initialized} is set up for your own TUF mirror (cosign initialize), so every cosign of this user shares it (another job on this machine was using it): give each job a TUF_ROOT of its own, initialized for your mirror ("TUF_ROOT=DIR cosign initialize --mirror ... --root ..."), and run again`
                : "another cosign of this user (another job on this machine) was using it: set TUF_ROOT to a directory of this job's own, and run again";
    return new errors/* EnvironmentError */.eG(`${what}: cosign could not use its Sigstore cache (the TUF metadata in ${where}) (${detail})`, fix);
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/docker/failures.ts
var failures = __webpack_require__(76873);
;// CONCATENATED MODULE: ./src/attest/cosign-failure.ts
// What a failed cosign run means, from its stderr (already redacted): a failed check (nothing
// signed, or not by that key or identity), an unreachable registry or Sigstore, refused
// credentials, bad input, its cache, or unknown. cosign quotes some of what the registry holds in
// its errors: that text never decides (classifyFailure).
/** cosign's own error line ("Error: ..."), else the last non-empty line. */
function cosignErrorLine(stderr) {
    const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
    const err = lines.filter((l) => l.startsWith('Error: ')).pop();
    if (err !== undefined)
        return err.slice('Error: '.length);
    const exec = lines.filter((l) => l.startsWith('error during command execution: ')).pop();
    return exec?.slice('error during command execution: '.length) ?? lines.pop() ?? '(no output)';
}
const NETWORK = /connection refused|no such host|i\/o timeout|dial tcp|TLS handshake|server gave HTTP response to HTTPS client|certificate signed by unknown authority|context deadline exceeded|connection reset by peer|network is unreachable/i;
const SIGSTORE = /rekor|fulcio|sigstore\.dev|tuf-repo|trusted root/i;
const DENIED = /\b(UNAUTHORIZED|DENIED)\b|401 Unauthorized|403 Forbidden|authentication required/;
const INPUT = /reading key|loading public key|decrypt|getting predicate reader|invalid predicate type|parsing reference|could not parse reference|env var \$\S+ not found|reading password|password|invalid character .* in literal|unexpected end of JSON/i;
// "no matching signatures: <why>" / "no matching attestations: <why>": cosign had some and none
// held (another key, a statement about another digest, an unsigned or malformed envelope, a layer
// whose blob is not the size it declares); with nothing after the colon it had none.
const INVALID = /invalid signature|signature mismatch|accepted signatures do not match threshold|none of the expected identities|expected (identity|issuer)|failed to verify|no matching subject digest found|no matching signatures: .|no matching attestations: ./i;
// An image index pushed at the .sig/.att tag holds no signature or attestation layers: nothing
// there, as the built-in verifier reads it (go-containerregistry looks for this platform's child).
const MISSING = /no signatures found|none of the attestations matched the predicate type|no matching attestations: *$|no matching signatures: *$|MANIFEST_UNKNOWN|NAME_UNKNOWN|no child with platform \S+ in index \S+\.(sig|att)$/i;
// The cache (sigstore/cosign#2576) before INVALID: cosign may report it after "no matching signatures: ".
const CACHE = /creating cached local store|failed to persist metadata|local cache may be corrupt/i;
/**
 * A registry or the log failing while cosign reads (a 5xx, throttling, a blob the registry lists
 * but cannot serve), which cosign may report after "no matching attestations: ": no check result.
 */
const TROUBLE = /unexpected status code|status code 5\d\d|\b50[0-4]\b|BLOB_UNKNOWN|TOOMANYREQUESTS|too many requests|searching log query/i;
/**
 * An envelope's payloadType as cosign quotes it ("invalid payloadType %s on envelope. Expected
 * ..."): any text the registry holds, line breaks too, so "connection refused" or a line "Error:
 * reading key" would pass for cosign's own words (exit 3 or 2 for a tampered attestation). Replaced
 * up to the last of cosign's own endings, so an ending written into it does not end it.
 */
const PAYLOAD_TYPE = /invalid payloadType [\s\S]* on envelope\. Expected application\/vnd\.in-toto\+json/;
/** The subjects and issuer of a certificate that matched no expected identity: shown, not judged. */
const SUBJECTS = /(none of the expected identities matched what was in the certificate), got subjects \[[^\n]*/g;
function classifyFailure(stderr) {
    const detail = cosignErrorLine(stderr.replace(PAYLOAD_TYPE, 'invalid payloadType (as the registry holds it) on envelope. Expected application/vnd.in-toto+json'));
    // What the failure is, from cosign's own words only: a branch or repository in a certificate's
    // subject (refs/heads/DENIED, .../500) is no registry's answer.
    const own = detail.replace(SUBJECTS, '$1');
    if (NETWORK.test(own))
        return { kind: 'unreachable', service: SIGSTORE.test(own) ? 'sigstore' : 'registry', detail };
    if (CACHE.test(own))
        return { kind: 'cache', detail };
    if (DENIED.test(own))
        return { kind: 'denied', detail };
    if (TROUBLE.test(own))
        return { kind: 'unknown', detail };
    if (INVALID.test(own))
        return { kind: 'invalid', detail };
    if (MISSING.test(own))
        return { kind: 'missing', detail };
    if (INPUT.test(own))
        return { kind: 'input', detail };
    return { kind: 'unknown', detail };
}

;// CONCATENATED MODULE: ./src/attest/cosign-run.ts
// One cosign run of a signer (cosign.ts): the process behind CosignExec, started once more when
// it met a busy Sigstore cache, and what its failure means: a check result (`missing`, `invalid`)
// handed back, anything else thrown as an EnvironmentError (exit 3) or InputError (exit 2) with
// the fix for the operation.








const DEFAULT_TIMEOUT_MS = 180_000;
const CACHE_RETRY_MS = 2_000;
const INSTALL_FIX = 'install cosign 2.x: on GitHub Actions sigstore/cosign-installer (pinned by commit SHA), on Debian 13 `apt-get install cosign` (in a clone of ml-image-action itself, `sudo scripts/test-env.sh` installs it)';
/** One cosign run; only its failing to start (or the caller's deadline, an interrupt) is thrown. */
async function attempt(c, args, tuf) {
    const { signal } = c;
    try {
        signal?.throwIfAborted();
        return await c.exec(args, {
            env: c.env,
            timeoutMs: c.timeoutMs,
            ...(signal && { signal }),
            ...(tuf && { tuf }),
        });
    }
    catch (e) {
        // Not started because the process is exiting (SIGINT/SIGTERM: an InterruptedError), or its
        // TUF_ROOT could not be made, or stopped at the caller's deadline (the caller says what it
        // waited for): said as it is.
        if (e instanceof errors/* EnvironmentError */.eG || signal?.aborted)
            throw e;
        const code = e.code;
        throw new errors/* EnvironmentError */.eG(`cannot run cosign (${code ?? c.redact(e.message)})`, code === 'ENOENT' ? INSTALL_FIX : 'check that cosign is installed and executable', { cause: e });
    }
}
const cacheBusy = (c, res) => res.exitCode !== 0 && res.timedOut !== true && classifyFailure(c.redact(res.stderr)).kind === 'cache';
/**
 * Run cosign (TUF: it reads Sigstore's TUF metadata); a failure comes back classified (check
 * results) or is thrown (everything else). A Sigstore cache another cosign holds (a TUF_ROOT the
 * user set, shared by two jobs) is free again within seconds: that run is tried once more.
 */
async function runCosign(c, args, target, tuf) {
    let res = await attempt(c, args, tuf);
    if (cacheBusy(c, res)) {
        // Aborted meanwhile: the attempt throws the deadline's reason.
        await (0,promises_.setTimeout)(c.cacheRetryMs, undefined, c.signal && { signal: c.signal }).catch(() => undefined);
        res = await attempt(c, args, tuf);
    }
    if (res.exitCode === 0)
        return res;
    const what = target === undefined ? `cosign ${args[0]}` : `cosign ${args[0]} ${target}`;
    // Killed by the SIGINT/SIGTERM/SIGHUP cleanup (exit 137, no output): the signal's failure, with
    // its exit code (130/143/129, also in --json and attest.json), not a cosign or registry problem.
    const interrupted = (0,cleanup/* interruptedFailure */.rn)(what, `exit ${res.exitCode}`);
    if (interrupted)
        throw interrupted;
    if (res.timedOut === true)
        throw new errors/* EnvironmentError */.eG(`${what} did not finish within ${Math.round(c.timeoutMs / 1000)}s`, `check that the registry ${target === undefined ? '' : `${(0,oci_ref/* parseDigestRef */.Tf)(target).registry} `}answers quickly, or raise the timeout`);
    const killed = (0,failures/* killedBySignal */.PV)(what, 'cosign', res);
    if (killed)
        throw killed;
    const failure = classifyFailure(c.redact(res.stderr));
    if (failure.kind === 'missing' || failure.kind === 'invalid')
        return failure;
    if (failure.kind === 'cache')
        throw sigstoreCacheError(what, failure.detail, c.givenTufRoot, tuf, c.initializedTufRoot);
    throw failureError(what, target, failure, res.exitCode, args[0].startsWith('verify'));
}
function failureError(what, target, failure, exitCode, verifying) {
    const host = target === undefined ? undefined : (0,oci_ref/* parseDigestRef */.Tf)(target).registry;
    const registry = host === undefined ? 'the registry' : `registry ${host}`;
    switch (failure.kind) {
        case 'unreachable':
            return failure.service === 'registry'
                ? new errors/* EnvironmentError */.eG(`${what}: ${registry} is unreachable (${failure.detail})`, host !== undefined && (0,docker_registry/* isPlainHttpRegistry */.sL)(host)
                    ? (0,docker_registry/* loopbackRegistryFix */.GV)(host)
                    : 'check the registry host name, your network, and any proxy settings')
                : new errors/* EnvironmentError */.eG(`${what}: the Sigstore services (Fulcio, Rekor, TUF) are unreachable (${failure.detail})`, verifying
                    ? 'verify needs sigstore.dev (TUF, Rekor) for keyless images and --tlog: run where sigstore.dev is reachable, or drop --tlog for a key-signed image'
                    : 'keyless signing needs network access to sigstore.dev; sign with a key (tlog off) on an offline runner');
        case 'denied':
            return new errors/* EnvironmentError */.eG(`${what}: ${registry} refused the credentials (${failure.detail})`, `log in with ${verifying ? 'a credential that may read the image' : 'push rights'} first (docker/login-action, or \`docker login\`); cosign uses the Docker credentials`);
        case 'input':
            return new errors/* InputError */.dz(`${what}: ${inputProblem(failure.detail)}`);
        case 'unknown':
            return new errors/* EnvironmentError */.eG(`${what} failed (exit ${exitCode}): ${failure.detail}`, 'run the same cosign command with --verbose to see why');
    }
}
function inputProblem(detail) {
    if (/inappropriate ioctl|reading password/i.test(detail))
        return `the signing key is encrypted and no password was given: set COSIGN_PASSWORD (${detail})`;
    if (/decrypt/i.test(detail))
        return `wrong password for the signing key (COSIGN_PASSWORD) (${detail})`;
    return detail;
}

;// CONCATENATED MODULE: ./src/attest/cosign.ts
// Signer: sign, attest and verify images by digest with the real cosign binary. The argv comes
// from the pure builders in cosign-args.ts; the process is behind CosignExec (cosign-run.ts: one
// run, and what its failure means) so that unit tests pass a plain function and integration tests
// the real one. Secrets reach cosign only through the environment (COSIGN_PASSWORD; `env://VAR`
// keys), and cosign's stderr is redacted before it appears in any error. A missing or non-matching
// signature is a check result (`ok: false`), an unreachable registry an EnvironmentError (exit 3),
// a bad key, password or file an InputError. A run that reads Sigstore's TUF metadata (keyless,
// the log) gets a TUF_ROOT of the run's own (cosign-env.ts).











/**
 * Asked once, before the first signature: cosign 3 writes Sigstore bundles by default, not the
 * classic .sig/.att tags that `ml-image verify` and cosign 2 read. A version it cannot tell (a
 * distribution's "devel" build) goes on, and so does one not answered (not installed, failing):
 * the signature's own call says what is wrong.
 */
function classicTagsGate(version) {
    let checked;
    return () => (checked ??= version().then((v) => {
        const major = /^v?(\d+)\./.exec(v.gitVersion)?.[1];
        if (major !== undefined && Number(major) >= 3)
            throw new errors/* EnvironmentError */.eG(`cosign ${v.gitVersion} writes Sigstore bundles, not the .sig/.att tags this tool attaches and verifies (cosign 2.x)`, 'install cosign 2.x (sigstore/cosign-installer with cosign-release: v2.5.0, pinned by SHA)');
    }, () => undefined));
}
function createCosignSigner(exec, options = {}) {
    // A PEM key (COSIGN_KEY) is several lines: each of them is masked too (cosign may quote one).
    const secrets = (0,util_redact/* valueMasks */.xJ)([options.password, ...Object.values(options.env ?? {})].filter((s) => s !== undefined));
    // The values first: a pattern that masked part of one (a password holding ghp_...) would leave
    // the rest of it unmatched.
    const redact = (text) => (0,util_redact/* redactText */.Rd)(secrets.reduce((t, s) => t.split(s).join(util_redact/* REDACTED */.XF), text));
    const env = { ...options.env };
    if (options.password !== undefined)
        env.COSIGN_PASSWORD = options.password;
    const ctx = {
        exec,
        env,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        signal: options.signal,
        redact,
        cacheRetryMs: options.cacheRetryMs ?? CACHE_RETRY_MS,
        givenTufRoot: givenTufRoot(env, process.env),
        initializedTufRoot: initializedTufRoot(process.env),
    };
    const run = (args, target, tuf = false) => runCosign(ctx, args, target, tuf);
    const tlogOf = (o) => ({ tlog: (o?.tlog ?? options.tlog) === true });
    // Keyless (Fulcio's roots, the CT log's and Rekor's keys) and the log (Rekor's keys) read them.
    const readsTuf = (identity, o) => identity.kind === 'keyless' || tlogOf(o).tlog === true;
    async function version() {
        const res = await run((0,cosign_args/* versionArgs */.Gz)(), undefined);
        if (!('exitCode' in res))
            throw new errors/* EnvironmentError */.eG(`cosign version failed: ${res.detail}`, INSTALL_FIX);
        return parseVersion(res.stdout);
    }
    const writesClassicTags = classicTagsGate(version);
    return {
        version,
        async sign(ref, identity, opts) {
            const args = (0,cosign_args/* signArgs */.Ng)(ref, identity, tlogOf(opts));
            await writesClassicTags();
            expectDone(await run(args, ref, readsTuf(identity, opts)), `cosign sign ${ref}`);
        },
        async attest(ref, predicate, identity, opts) {
            const args = (0,cosign_args/* attestArgs */.r7)(ref, predicate, identity, tlogOf(opts));
            await writesClassicTags();
            // cosign reads the predicate's file, which the caller may still be writing.
            await predicate.written;
            expectDone(await run(args, ref, readsTuf(identity, opts)), `cosign attest --type ${predicate.type} ${ref}`);
        },
        async verify(ref, identity, opts) {
            const res = await run((0,cosign_args/* verifyArgs */.H$)(ref, identity, tlogOf(opts)), ref, readsTuf(identity, opts));
            if (!('exitCode' in res))
                return checkFailed(ref, 'signature', undefined, identity, res);
            return verifiedSignatures(ref, res.stdout, redact);
        },
        async verifyAttestations(ref, type, identity, opts) {
            const res = await run((0,cosign_args/* verifyAttestationArgs */.xt)(ref, type, identity, tlogOf(opts)), ref, readsTuf(identity, opts));
            if (!('exitCode' in res))
                return checkFailed(ref, 'attestation', type, identity, res);
            return verifiedAttestations(ref, type, res.stdout, redact);
        },
    };
}
/** What `cosign verify` printed (it exited 0), as the check's result. */
function verifiedSignatures(ref, stdout, redact) {
    const items = (0,cosign_args/* parseVerifiedSignatures */.j)(stdout);
    if (items !== undefined && 'problem' in items)
        return unreadable(ref, 'signature', undefined, notJsonDetail(items, redact));
    if (items === undefined)
        return unreadable(ref, 'signature', undefined, "it printed one that is not a simple-signing payload of cosign's type");
    const digest = (0,oci_ref/* parseDigestRef */.Tf)(ref).digest;
    const foreign = items.find((s) => s.digest !== digest);
    if (foreign !== undefined || items.length === 0)
        return wrongSubject(ref, 'signature', undefined, foreign?.digest ?? 'no signature');
    return { ok: true, items };
}
/** What `cosign verify-attestation --type TYPE` printed (it exited 0), as the check's result. */
function verifiedAttestations(ref, type, stdout, redact) {
    const items = (0,cosign_args/* parseAttestations */.nU)(stdout);
    if (items !== undefined && 'problem' in items)
        return unreadable(ref, 'attestation', type, notJsonDetail(items, redact));
    if (items === undefined)
        return unreadable(ref, 'attestation', type, 'an envelope that is not exactly as cosign writes one');
    if (items.length === 0)
        return unreadable(ref, 'attestation', type);
    const hex = (0,oci_ref/* parseDigestRef */.Tf)(ref).digest.slice('sha256:'.length);
    const foreign = items.find((s) => !s.subject.some((x) => x.digest.sha256 === hex));
    if (foreign !== undefined)
        return wrongSubject(ref, 'attestation', type, foreign.subject.map((x) => x.digest.sha256).join(','));
    return { ok: true, items };
}
function expectDone(res, what) {
    if ('exitCode' in res)
        return;
    // cosign said "no signatures"/"invalid" while signing: nothing a check can report.
    throw new errors/* EnvironmentError */.eG(`${what} failed: ${res.detail}`, 'run the same cosign command with --verbose');
}
function checkFailed(ref, what, type, identity, failure) {
    const kind = type === undefined ? what : `${type} ${what}`;
    const reason = failure.kind === 'invalid' ? 'invalid' : 'missing';
    const message = reason === 'missing'
        ? `no ${kind} on ${ref} (cosign: ${failure.detail})`
        : /no matching subject digest found/i.test(failure.detail)
            ? `the ${kind} on ${ref} is about another image (cosign: ${failure.detail})`
            : /error verifying (size|sha256 checksum)/i.test(failure.detail)
                ? `the ${kind} on ${ref} is a layer whose blob does not match its descriptor (size or digest) (cosign: ${failure.detail})`
                : `the ${kind} on ${ref} is not signed by ${(0,cosign_args/* describeIdentity */.Cl)(identity)} (cosign: ${failure.detail})`;
    return { ok: false, failure: { ref, what, ...(type !== undefined && { type }), reason, message } };
}
/** What cosign verified but printed in a form this code does not read: a failed check. */
function unreadable(ref, what, type, detail = 'its payload is no in-toto statement (a predicate type and subject digests)') {
    const kind = type === undefined ? what : `${type} ${what}`;
    const message = `cosign verified the ${kind} on ${ref}, but ${detail}`;
    return {
        ok: false,
        failure: { ref, what, ...(type !== undefined && { type }), reason: 'invalid', message },
    };
}
/**
 * What cosign printed that is not JSON, as a failed check's detail: the problem, and the start of
 * what it printed, redacted before it is cut (a token cut in two would match no pattern) and
 * escaped (it may hold what the registry serves).
 */
function notJsonDetail(n, redact) {
    return `${n.problem}: ${(0,util_text/* printable */.g$)(JSON.stringify((0,util_text/* clip */.$Q)(redact(n.printed), 80)))}`;
}
function wrongSubject(ref, what, type, found) {
    const kind = type === undefined ? what : `${type} ${what}`;
    const message = `the verified ${kind} on ${ref} names another image (${found})`;
    return {
        ok: false,
        failure: { ref, what, ...(type !== undefined && { type }), reason: 'invalid', message },
    };
}
function parseVersion(stdout) {
    try {
        const v = JSON.parse(stdout);
        if (typeof v.gitVersion === 'string')
            return {
                gitVersion: v.gitVersion,
                ...(typeof v.goVersion === 'string' && { goVersion: v.goVersion }),
                ...(typeof v.platform === 'string' && { platform: v.platform }),
            };
    }
    catch {
        // fall through: an old cosign without --json prints text
    }
    const m = /GitVersion:\s*(\S+)/.exec(stdout);
    return { gitVersion: m?.[1] ?? 'unknown' };
}
/**
 * The real cosign: spawned without a shell (one process, no group of its own), killed with the
 * processes it started at the timeout, at the caller's deadline (opts.signal: the call then rejects
 * with its reason, once the process has ended) and on SIGINT/SIGTERM.
 */
function defaultCosignExec(binary = 'cosign') {
    return (args, opts) => new Promise((resolve, reject) => {
        (0,cleanup/* throwIfInterrupted */.sK)('cosign');
        if (opts.signal?.aborted)
            return reject(opts.signal.reason);
        const child = (0,external_node_child_process_.spawn)(binary, args, {
            env: cosignEnv(opts.env, process.env, opts.tuf === true ? runTufRoot : undefined),
            stdio: [opts.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        });
        const out = [];
        const err = [];
        let timedOut = false;
        // Stopped here (the timeout, the deadline, the cleanup): no signal of another's to report.
        let stopping = false;
        const stop = () => {
            stopping = true;
            // With the credential helpers it runs (docker-credential-*): killed alone, cosign left them
            // to run on under init, out of the run's cleanup and the runner's process tree.
            (0,process_tree/* stopChild */.Dh)(child);
        };
        const timer = setTimeout(() => {
            timedOut = true;
            stop();
        }, opts.timeoutMs);
        const unregister = (0,cleanup/* registerCleanup */.qE)(stop);
        opts.signal?.addEventListener('abort', stop, { once: true });
        const settled = () => {
            clearTimeout(timer);
            unregister();
            opts.signal?.removeEventListener('abort', stop);
        };
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        if (opts.input !== undefined && child.stdin) {
            child.stdin.on('error', () => undefined);
            child.stdin.end(opts.input);
        }
        child.once('error', (e) => {
            settled();
            reject(e);
        });
        child.once('close', (code, signal) => {
            settled();
            if (opts.signal?.aborted)
                return reject(opts.signal.reason);
            resolve({
                exitCode: code ?? (0,process_tree/* signalExitCode */.cf)(signal, 'SIGKILL'),
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8'),
                ...(timedOut && { timedOut }),
                ...(code === null && signal && !stopping && { signal }),
            });
        });
    });
}

// EXTERNAL MODULE: ./src/attest/cosign-key.ts
var cosign_key = __webpack_require__(98224);
// EXTERNAL MODULE: ./src/attest/cosign-push.ts
var cosign_push = __webpack_require__(33147);
// EXTERNAL MODULE: ./src/attest/cosign-image.ts
var cosign_image = __webpack_require__(1614);
// EXTERNAL MODULE: ./src/util/map-limit.ts
var map_limit = __webpack_require__(9992);
// EXTERNAL MODULE: ./src/attest/read-limits.ts
var read_limits = __webpack_require__(39234);
;// CONCATENATED MODULE: ./src/attest/native-signer.ts









const native_signer_layer = (mediaType, data, annotations) => ({
    mediaType,
    size: data.length,
    digest: (0,oci_client/* sha256Digest */.sI)(data),
    annotations,
});
const describeKey = (id) => id.kind === 'key' ? `the public key ${id.publicKey}` : 'a keyless identity';
/** A registry problem while doing WHAT says so first ("attest REF: registry ... is unreachable"). */
async function doing(what, work) {
    try {
        return await work;
    }
    catch (e) {
        if (e instanceof errors/* EnvironmentError */.eG)
            throw new errors/* EnvironmentError */.eG(`${what}: ${e.message}`, e.fix ?? '', { cause: e });
        throw e;
    }
}
function failure(ref, what, type, reason, message) {
    return { ok: false, failure: { ref, what, ...(type !== undefined && { type }), reason, message } };
}
const NOT_KEY = 'the built-in signer signs with a key and without the transparency log only';
/** The built-in signer; createNativeSigner makes one. */
class NativeSigner {
    deps;
    readText;
    publicKeys = new Map();
    /** The layers of an image's .sig/.att tag with their blobs, read once (attesting drops them). */
    read = new Map();
    /** One cosign image per tag is read and written at a time: a second write waits for the first. */
    queues = new Map();
    /**
     * The statement of an envelope blob that a key verified (null: it does not), per blob and key:
     * each attestation type's check reads the same envelopes, which are opened once.
     */
    opened = new WeakMap();
    publics = new WeakMap();
    /** What prefetch started: tags being read, uploads being opened. */
    ahead = new cosign_push/* Ahead */.cu();
    /** Hosts that refused a manifest with embedded blobs: their manifests go without. */
    plainHosts = new Set();
    constructor(deps) {
        this.deps = deps;
        this.readText = deps.readText ?? ((f) => (0,read_regular/* readRegularFile */.XF)(f, read_regular/* MAX_JSON_INPUT_BYTES */.lj).toString('utf8'));
    }
    publicKey(id) {
        if (id.kind !== 'key')
            throw new errors/* InputError */.dz('the built-in verifier checks key signatures only');
        let key = this.publicKeys.get(id.publicKey);
        if (key)
            return key;
        let text;
        try {
            text = this.deps.keyText?.(id.publicKey) ?? this.readText(id.publicKey);
        }
        catch (e) {
            const code = e.code;
            const why = code !== undefined ? (0,read_regular/* openErrorText */.OV)(code) : `(${e.message})`;
            throw new errors/* InputError */.dz(`public key ${id.publicKey}: cannot read it: ${why}`);
        }
        key = (0,cosign_key/* parseP256PublicKey */.TA)(text);
        if (!key)
            throw new errors/* InputError */.dz(`public key ${id.publicKey}: not an ECDSA P-256 public key in PEM`);
        this.publicKeys.set(id.publicKey, key);
        return key;
    }
    serial(tag, work) {
        return (0,map_limit/* queueByKey */.Q3)(this.queues, tag, work);
    }
    /**
     * The layers of MEDIA_TYPE in an image's .sig or .att tag, with their blobs (none: no tag), and
     * why any that cannot be read as declared was left out; the KNOWN blob is not downloaded.
     */
    tagContent(host, repository, digest, suffix, mediaType, known) {
        const id = `${host}/${repository}@${digest}.${suffix}`;
        let content = this.read.get(id);
        if (!content) {
            const kind = suffix === 'sig' ? 'signature' : 'attestation';
            const tag = (0,cosign_image/* cosignTag */.qv)(digest, suffix);
            content = (0,read_limits/* readTagLayers */.V8)(this.deps.client(host), repository, tag, mediaType, kind, known);
            this.read.set(id, content);
            content.catch(() => this.read.delete(id));
        }
        return content;
    }
    /** The public half of a signing key (the .sig dedup and the envelope check), made once. */
    publicOf(key) {
        let pub = this.publics.get(key);
        if (!pub)
            this.publics.set(key, (pub = (0,cosign_key/* publicKeyOf */.kc)(key)));
        return pub;
    }
    /** The statement in ENVELOPE (an earlier run's) when the signing key signed it; null otherwise. */
    async signedBefore(envelope) {
        return this.statementOf(this.publicOf(await this.key()), envelope);
    }
    /** The signing key: ECDSA P-256 only (what cosign generate-key-pair makes). */
    async key() {
        const key = await this.deps.signingKey();
        if (!(0,cosign_key/* isP256 */.O0)(key))
            throw new errors/* InputError */.dz(`the signing key is ${key.asymmetricKeyType ?? 'of an unknown type'}; the built-in signer takes ECDSA P-256 keys`, 'sign with the cosign binary (ML_IMAGE_SIGNER=cosign)');
        return key;
    }
    /**
     * Start reading REF's `.sig` and `.att` tags for its next sign and attestAll, and opening
     * UPLOADS uploads to its repository, which the next pushes there take (see Ahead).
     */
    prefetch(ref, uploads = 0) {
        const { host, repository, digest } = (0,cosign_image/* splitRef */.Mn)(ref);
        const tags = ['sig', 'att'].map((suffix) => (0,cosign_image/* cosignTag */.qv)(digest, suffix));
        this.ahead.start(this.deps.client(host), repository, tags, uploads);
    }
    /** Cancel the uploads opened ahead that no push took (the registry would keep them for days). */
    release() {
        return this.ahead.release();
    }
    async version() {
        return { gitVersion: 'built-in' };
    }
    async sign(ref, identity, opts) {
        if (identity.kind !== 'key' || opts?.tlog === true)
            throw new errors/* InputError */.dz(NOT_KEY);
        const { host, repository, name, digest } = (0,cosign_image/* splitRef */.Mn)(ref);
        const key = await this.key();
        const payload = (0,cosign_key/* simpleSigningPayload */.Kq)(name, digest);
        const payloadDigest = (0,oci_client/* sha256Digest */.sI)(payload);
        const client = this.deps.client(host);
        const tag = (0,cosign_image/* cosignTag */.qv)(digest, 'sig');
        this.read.delete(`${host}/${repository}@${digest}.sig`);
        const work = this.serial(`${host}/${repository}:${tag}`, async () => {
            const layers = await this.ahead.layers(client, repository, tag);
            if ((0,cosign_image/* hasSignature */.v)(layers, payloadDigest, this.publicOf(key), payload))
                return;
            const signature = (0,cosign_key/* signBytes */.b_)(key, payload).toString('base64');
            const added = native_signer_layer(cosign_image/* SIMPLE_SIGNING_MEDIA_TYPE */.$r, payload, { [cosign_image/* SIGNATURE_ANNOTATION */.ZB]: signature });
            // The tag was just read (in this tag's queue): push does not read it again.
            const blobs = [{ data: payload, maybeThere: true }]; // the same bytes for any key
            await (0,cosign_push/* pushCosignImage */.DW)(client, repository, tag, blobs, async (there) => [...there, added], {
                read: layers,
                plainHosts: this.plainHosts,
            });
        });
        await doing(`sign ${ref}`, work);
    }
    async attest(ref, predicate, identity, opts) {
        await this.attestAll(ref, [predicate], identity, opts);
    }
    /** Every predicate in one update of the `.att` image: each replaces the one of its type. */
    async attestAll(ref, predicates, identity, opts, onAttached) {
        if (identity.kind !== 'key' || opts?.tlog === true)
            throw new errors/* InputError */.dz(NOT_KEY);
        const { host, repository, name, digest } = (0,cosign_image/* splitRef */.Mn)(ref);
        if (predicates.length === 0)
            return;
        const key = await this.key();
        const made = predicates.map((p) => {
            const type = (0,cosign_image/* predicateTypeUri */.Mx)(p.type);
            let predicate;
            try {
                predicate = JSON.parse(p.text ?? this.readText(p.predicatePath));
            }
            catch (e) {
                throw new errors/* InputError */.dz(`predicate file ${p.predicatePath}: ${e.message}`);
            }
            const statement = (0,cosign_key/* inTotoStatement */.Hg)(name, digest, type, predicate);
            // An earlier run's envelope of this very statement, signed by this key, is as good as a new
            // one, and the registry may have it: the same bytes need no upload.
            // signedBefore opened it already when the stage asked whether it could be attached again.
            const pub = this.publicOf(key);
            const earlier = p.earlier !== undefined &&
                (0,cosign_key/* isEnvelopeOf */.KM)(pub, p.earlier, statement, (this.opened.get(p.earlier)?.get(pub) ?? null) !== null);
            return { type, again: earlier, envelope: earlier ? p.earlier : (0,cosign_key/* signEnvelope */.Yj)(key, statement) };
        });
        const client = this.deps.client(host);
        const tag = (0,cosign_image/* cosignTag */.qv)(digest, 'att');
        const added = made.map((m) => native_signer_layer(cosign_image/* DSSE_MEDIA_TYPE */.OO, m.envelope, { [cosign_image/* SIGNATURE_ANNOTATION */.ZB]: '', predicateType: m.type }));
        const types = new Set(made.map((m) => m.type));
        const typeOf = async (l) => (0,cosign_image/* envelopePredicateType */.Mo)(await (0,read_limits/* blobOf */.DE)(client, repository, tag, l));
        this.read.delete(`${host}/${repository}@${digest}.att`);
        const work = this.serial(`${host}/${repository}:${tag}`, () => (0,cosign_push/* pushCosignImage */.DW)(client, repository, tag, 
        // A new signature makes new bytes: only an envelope attached again may be there already.
        made.map((m) => ({ data: m.envelope, maybeThere: m.again })), async (there) => {
            // The envelopes read for their type (an older writer's): as many as verify would read.
            (0,read_limits/* readableLayers */.RJ)((0,cosign_image/* unnamedAttestations */.Oy)(there), host, `${repository}:${tag}`, 'attestation');
            return [...(await (0,cosign_image/* keptAttestations */.KV)(there, types, typeOf)), ...added];
        }, {
            read: this.ahead.layers(client, repository, tag),
            open: () => this.ahead.upload(client, repository),
            plainHosts: this.plainHosts,
        }));
        await doing(`attest ${ref}`, work);
        made.forEach((m, i) => onAttached?.(i, m.envelope));
    }
    async verify(ref, identity) {
        const key = this.publicKey(identity);
        const { host, repository, name, digest } = (0,cosign_image/* splitRef */.Mn)(ref);
        // The payload cosign signs for this image is known: its layer is not downloaded.
        const expected = (0,cosign_key/* simpleSigningPayload */.Kq)(name, digest);
        const known = { digest: (0,oci_client/* sha256Digest */.sI)(expected), bytes: expected };
        const { read: layers, unread } = await doing(`verify ${ref}`, this.tagContent(host, repository, digest, 'sig', cosign_image/* SIMPLE_SIGNING_MEDIA_TYPE */.$r, known));
        const note = (0,read_limits/* leftOut */.ig)(unread);
        if (layers.length === 0)
            return failure(ref, 'signature', undefined, 'missing', `no signature on ${ref} (no signatures found${note})`);
        const checked = layers.map(({ layer: l, blob: payload }) => {
            // As cosign: the signature text must be base64 as Go reads it.
            const sig = (0,cosign_key/* strictBase64 */.PO)(l.annotations?.[cosign_image/* SIGNATURE_ANNOTATION */.ZB] ?? '');
            return sig && (0,cosign_key/* verifyBytes */.RV)(key, payload, sig) ? (0,cosign_image/* parseSimpleSigning */.LZ)(payload) : undefined;
        });
        const valid = checked.filter((s) => s !== undefined);
        const items = valid.filter((s) => s.digest === digest);
        if (items.length > 0)
            return { ok: true, items };
        const message = valid.length > 0
            ? `the verified signature on ${ref} names another image (${valid[0].digest})`
            : `the signature on ${ref} is not signed by ${describeKey(identity)} (none of ${layers.length} verifies${note})`;
        return failure(ref, 'signature', undefined, 'invalid', message);
    }
    /** The statement in an envelope BLOB when KEY verifies it; null otherwise. */
    statementOf(key, blob) {
        let byKey = this.opened.get(blob);
        if (!byKey)
            this.opened.set(blob, (byKey = new Map()));
        let statement = byKey.get(key);
        if (statement === undefined) {
            const payload = (0,cosign_key/* openEnvelope */.hk)(key, blob);
            const parsed = (payload && (0,cosign_image/* parseStatement */.By)(payload)) ?? null;
            // Shared by every check of this blob: the statement and its subjects (what the checks
            // compare) are frozen, so that no caller changes what the next check sees.
            if (parsed) {
                parsed.subject.forEach((s) => Object.freeze(s));
                Object.freeze(parsed.subject);
                Object.freeze(parsed);
            }
            statement = parsed;
            byKey.set(key, statement);
        }
        return statement;
    }
    async verifyAttestations(ref, type, identity) {
        const key = this.publicKey(identity);
        const uri = (0,cosign_image/* predicateTypeUri */.Mx)(type);
        const { host, repository, digest } = (0,cosign_image/* splitRef */.Mn)(ref);
        const { read: layers, unread } = await doing(`verify-attestation ${ref}`, this.tagContent(host, repository, digest, 'att', cosign_image/* DSSE_MEDIA_TYPE */.OO));
        const note = (0,read_limits/* leftOut */.ig)(unread);
        const fail = (reason, message) => failure(ref, 'attestation', type, reason, message);
        if (layers.length === 0)
            return fail('missing', `no ${type} attestation on ${ref} (no attestations found${note})`);
        const verified = layers
            .map(({ blob }) => this.statementOf(key, blob))
            .filter((s) => s !== null);
        // As cosign: an envelope counts when its signature verifies and its subject is this digest;
        // then the predicate type is looked for among those.
        const hex = digest.slice('sha256:'.length);
        const about = verified.filter((s) => s.subject.some((x) => x.digest.sha256 === hex));
        if (about.length === 0) {
            const other = verified.find((s) => s.predicateType === uri) ?? verified[0];
            const elsewhere = `names another image (${other?.subject.map((x) => x.digest.sha256).join(',')})`;
            return fail('invalid', !other
                ? `the ${type} attestation on ${ref} is not signed by ${describeKey(identity)} (none of ${layers.length} verifies${note})`
                : other.predicateType === uri
                    ? `the verified ${type} attestation on ${ref} ${elsewhere}`
                    : `no ${type} attestation on ${ref} is about it: a verified ${other.predicateType} one ${elsewhere}`);
        }
        const items = about.filter((s) => s.predicateType === uri);
        if (items.length > 0)
            return { ok: true, items };
        const found = [...new Set(about.map((s) => s.predicateType))].join(', ');
        return fail('missing', `no ${type} attestation on ${ref} (verified: ${found}${note})`);
    }
}
function createNativeSigner(deps) {
    return new NativeSigner(deps);
}

// EXTERNAL MODULE: ./src/attest/verify-inputs.ts + 2 modules
var verify_inputs = __webpack_require__(19171);
// EXTERNAL MODULE: ./src/docker/buildx.ts + 1 modules
var buildx = __webpack_require__(49618);
;// CONCATENATED MODULE: ./src/attest/registry-reader.ts
// What verify reads of an image over the registry client (the built-in verifier's path): an index's
// platform manifests and a single image's platform, as `buildx imagetools inspect` would, and, for
// an image the registry does not have, whether the repository or the digest is unknown.



/**
 * The failed check (exit 1, as through buildx) of REF, which the registry CLIENT answered it does
 * not have: the repository when the registry says it has none (its tag list: NAME_UNKNOWN, which
 * registry:2 does not say of a manifest; distribution says it too of a repository with no tag, as
 * one pushed by digest only, so the message says both), else the digest.
 */
async function missingImage(client, ref) {
    const { host, repository } = (0,docker_registry/* splitImageRef */.l2)(ref);
    const known = await client.hasRepository?.(repository).catch(() => undefined);
    if (known === false)
        return new errors/* CheckFailedError */.CO(`registry ${host} has no image ${ref}, and knows no repository ${repository} or none with a tag in it (its tag list answered NAME_UNKNOWN)`, 'check the repository name (before "@"): it is the one the build pushed to (build.json); in a repository pushed by digest only (no tags), check the digest');
    return new errors/* CheckFailedError */.CO(`registry ${host} has no image ${ref}${known === true ? ' (its repository is there)' : ''}`, 'check the digest: it is the one the build reported (build.json)');
}
/** `imagetools inspect` over the registry client: the platform manifests of an index, no buildx. */
function registryInspector(client) {
    // The manifest of a ref, read once (imagePlatform reads the one imagetoolsInspect did).
    const manifests = new Map();
    const manifestOf = (ref) => {
        const { host, repository, reference } = (0,docker_registry/* splitImageRef */.l2)(ref);
        let m = manifests.get(ref);
        if (!m) {
            m = client(host).manifest(repository, reference, docker_registry/* MANIFEST_MEDIA_TYPES */.$T);
            manifests.set(ref, m);
            m.catch(() => manifests.delete(ref));
        }
        return m;
    };
    return {
        async imagetoolsInspect(ref) {
            const m = await manifestOf(ref);
            // A registry that answers, without that image: a failed check (exit 1), as through buildx.
            if (!m)
                throw await missingImage(client((0,docker_registry/* splitImageRef */.l2)(ref).host), ref);
            return (0,buildx/* parseImageIndex */.n4)(m.bytes.toString('utf8'));
        },
        async imagePlatform(ref) {
            const { host, repository } = (0,docker_registry/* splitImageRef */.l2)(ref);
            const m = await manifestOf(ref);
            const config = JSON.parse(m?.bytes.toString('utf8') ?? '{}')
                .config;
            if (typeof config?.digest !== 'string')
                return undefined; // an index, or no image
            return (0,buildx/* configPlatform */.Ko)((await client(host).blob(repository, config.digest)).toString('utf8'));
        },
    };
}

;// CONCATENATED MODULE: ./src/attest/signers.ts
// Which signer does each call: the built-in one (native-signer.ts) for what it can do exactly as
// cosign does (an encrypted cosign P-256 key from a file or COSIGN_KEY, a P-256 public key file,
// no transparency log), the cosign binary for everything else (keyless, KMS URIs, other keys, the
// log). ML_IMAGE_SIGNER=cosign sends every call to cosign. The signing key is decrypted once per
// process, and can be started early (the pipeline starts it with the build), off the main thread.

















const ENV_KEY = /^env:\/\/([A-Za-z_][A-Za-z0-9_]*)$/;
/** The key text of IDENTITY when the built-in signer can sign with it; undefined for cosign. */
function nativeKeyText(identity, env, tlog, readText = readIfThere) {
    if (identity.kind !== 'key' || tlog || (0,signer_env/* forcedCosign */.p)(env))
        return undefined;
    const fromEnv = ENV_KEY.exec(identity.key);
    if (fromEnv) {
        const text = env[fromEnv[1]];
        return text !== undefined && (0,cosign_key/* isEncryptedCosignKey */.dT)(text) ? { text, source: fromEnv[1] } : undefined;
    }
    if (identity.key.includes('://'))
        return undefined; // a KMS or other URI: cosign's
    const text = readText(identity.key);
    return text !== undefined && (0,cosign_key/* isEncryptedCosignKey */.dT)(text) ? { text, source: identity.key } : undefined;
}
/** Can the built-in verifier check against IDENTITY (a P-256 public key file, no log)? */
function nativeVerifies(identity, env, tlog, readText = readIfThere) {
    if (identity.kind !== 'key' || tlog || (0,signer_env/* forcedCosign */.p)(env) || identity.publicKey.includes('://'))
        return false;
    const text = readText(identity.publicKey);
    return text !== undefined && (0,cosign_key/* parseP256PublicKey */.TA)(text) !== undefined;
}
/** A key file's text; undefined when there is none to read (cosign then says what is wrong). */
function readIfThere(file) {
    try {
        // A regular file only: a FIFO at the path would block this (the main) thread for good.
        return (0,read_regular/* readRegularFile */.XF)(file, verify_inputs/* MAX_KEY_FILE_BYTES */.Qn).toString('utf8');
    }
    catch {
        return undefined;
    }
}
/** Decrypted keys of this process, by a hash of the key text and password (never the key itself). */
const keys = new Map();
/**
 * The decrypted signing key of IDENTITY, started now and kept for the process; undefined when the
 * built-in signer does not sign with it. The pipeline calls it before the build so that scrypt runs
 * meanwhile; a wrong password surfaces when the key is first used.
 */
function signingKey(identity, env, tlog) {
    const found = nativeKeyText(identity, env, tlog);
    if (!found)
        return undefined;
    const password = env.COSIGN_PASSWORD ?? '';
    const id = (0,external_node_crypto_.createHash)('sha256').update(found.text).update('\0').update(password).digest('hex');
    let key = keys.get(id);
    if (!key) {
        key = (0,cosign_key/* decryptCosignKey */.cV)(found.text, password, found.source, password !== '');
        // A failure is kept too: the same text and password fail the same way, and scrypt is not run
        // again for each call that asks (the caller that awaits it reports it).
        key.catch(() => undefined);
        keys.set(id, key);
    }
    return key;
}
/** The real cosign, with the key (COSIGN_KEY) and its password by environment only; killed at SIGNAL. */
function cosignFromEnv(env, tlog, signal) {
    return createCosignSigner(defaultCosignExec(), {
        tlog,
        ...(signal && { signal }),
        ...(env.COSIGN_PASSWORD !== undefined && { password: env.COSIGN_PASSWORD }),
        ...(env.COSIGN_KEY !== undefined && { env: { COSIGN_KEY: env.COSIGN_KEY } }),
    });
}
/**
 * Can the built-in client reach REF's registry as docker would? Not through a proxy (cosign and
 * docker honour HTTPS_PROXY, the built-in client does not; a host NO_PROXY names is reached
 * directly, by Go's rules as docker and cosign apply them), and not with an identity-token login
 * (docker's refresh-token grant): those go to cosign. Loopback registries always.
 */
function nativeReaches(ref, env) {
    let registry;
    try {
        registry = (0,oci_ref/* parseDigestRef */.Tf)(ref).registry;
    }
    catch {
        return false; // not a digest reference: the caller says so, naming its own flag
    }
    return nativeReachesHost(registry, env);
}
/** nativeReaches for a registry host. */
function nativeReachesHost(registry, env) {
    if ((0,docker_registry/* isPlainHttpRegistry */.sL)(registry))
        return true;
    if ((0,plain_http/* proxyApplies */.dy)(registry, env))
        return false;
    try {
        return (0,registry_auth/* findCredential */.L4)(registry, (0,registry_io/* registryDeps */.G)(env)).kind !== 'token';
    }
    catch {
        return false; // an unreadable Docker config: cosign says what is wrong with it
    }
}
/**
 * Open SOCKETS connections to REPOSITORY's registry now, when the built-in signer will sign there
 * with IDENTITY (the pipeline calls it as the build starts, so that the attest stage finds them
 * open: node's first request to a host costs several milliseconds, a TLS handshake more).
 */
function preconnect(repository, identity, env, tlog, sockets, client = (0,registry_client/* defaultClient */.V)(env)) {
    const { host } = (0,docker_registry/* splitImageRef */.l2)(repository);
    if (nativeKeyText(identity, env, tlog) === undefined || !nativeReachesHost(host, env))
        return;
    void client(host).warm?.(sockets);
}
/**
 * The public key files of a signer's checks, each read and judged once: every check of a
 * verification names the same key, so each uses the same key (not a file changed in between), and
 * none reads and parses it again.
 */
function publicKeyFiles(env, read = readIfThere) {
    const texts = new Map();
    const judged = new Map();
    const text = (file) => {
        if (!texts.has(file))
            texts.set(file, read(file));
        return texts.get(file);
    };
    return {
        text,
        verifiesNatively(identity, tlog) {
            if (identity.kind !== 'key')
                return nativeVerifies(identity, env, tlog);
            const id = `${tlog}\0${identity.publicKey}`;
            let ok = judged.get(id);
            if (ok === undefined)
                judged.set(id, (ok = nativeVerifies(identity, env, tlog, text)));
            return ok;
        },
    };
}
/** One signer for every call: built-in where it can, cosign otherwise (see the file comment). */
function createSigner(opts) {
    const { env } = opts;
    let cosign;
    const viaCosign = () => (cosign ??= opts.cosign?.() ?? cosignFromEnv(env, opts.tlog, opts.signal));
    let client;
    const keys = opts.publicKeys ?? publicKeyFiles(env);
    // One built-in signer per key: it serializes the writes of each .sig/.att tag.
    const natives = new Map();
    const nativeFor = (key) => {
        let n = natives.get(key);
        if (!n) {
            n = createNativeSigner({
                client: (host) => (client ??= opts.client ?? (0,registry_client/* defaultClient */.V)(env, opts.fetch, opts.signal))(host),
                signingKey: () => key ?? Promise.reject(new Error('no signing key')),
                keyText: keys.text,
            });
            natives.set(key, n);
        }
        return n;
    };
    const tlogOf = (o) => o?.tlog ?? opts.tlog;
    // Asked by every call: Docker's config is read once per image, not per signature and check.
    const reached = new Map();
    const reaches = opts.reaches ??
        ((ref) => {
            let r = reached.get(ref);
            if (r === undefined)
                reached.set(ref, (r = nativeReaches(ref, env)));
            return r;
        });
    /** The key the built-in signer would sign REF with (decrypting from now on), if any. */
    const keyFor = (ref, identity, o) => reaches(ref) ? signingKey(identity, env, tlogOf(o)) : undefined;
    /** The built-in signer for a P-256 key; cosign for anything else (a wrong password throws). */
    const signerFor = async (ref, identity, o) => {
        const key = keyFor(ref, identity, o);
        return key && (0,cosign_key/* isP256 */.O0)(await key) ? nativeFor(key) : undefined;
    };
    const verifierFor = (ref, identity, o) => reaches(ref) && keys.verifiesNatively(identity, tlogOf(o)) ? nativeFor(undefined) : viaCosign();
    return {
        async prefetch(targets, identity, o) {
            // Only a head start: a key that does not decrypt fails the calls that sign, as before.
            for (const { ref, uploads } of targets)
                (await signerFor(ref, identity, o).catch(() => undefined))?.prefetch(ref, uploads);
        },
        async signedBefore(ref, envelope, identity, o) {
            // Only the built-in signer attaches an envelope again; a key that does not decrypt: none.
            const native = await signerFor(ref, identity, o).catch(() => undefined);
            return native ? native.signedBefore(envelope) : null;
        },
        release: async () => {
            await Promise.all([...natives.values()].map((n) => n.release()));
        },
        version: () => viaCosign().version(),
        sign: async (ref, identity, o) => ((await signerFor(ref, identity, o)) ?? viaCosign()).sign(ref, identity, o),
        attest: async (ref, p, identity, o) => ((await signerFor(ref, identity, o)) ?? viaCosign()).attest(ref, p, identity, o),
        async attestAll(ref, predicates, identity, o, onAttached) {
            const native = await signerFor(ref, identity, o);
            if (native)
                return native.attestAll(ref, predicates, identity, o, onAttached);
            // cosign reads, extends and pushes the one .att tag per call: one after the other.
            for (const [i, p] of predicates.entries()) {
                await viaCosign().attest(ref, p, identity, o);
                onAttached?.(i);
            }
        },
        verify: (ref, identity, o) => verifierFor(ref, identity, o).verify(ref, identity, o),
        verifyAttestations: (ref, type, identity, o) => verifierFor(ref, identity, o).verifyAttestations(ref, type, identity, o),
    };
}
/**
 * What `ml-image verify` (and its sub-action, and `export --verify`) checks with: the signer and
 * image reader given (tests), else createSigner's, reading the index over HTTP when the built-in
 * verifier does the checks (no buildx process), through docker otherwise. The registry client's
 * requests (over FETCH, default node:http) and cosign's runs end at SIGNAL, the verify's deadline.
 * KEY_LABEL names where the key came from in its errors (`verify: --key`, `input "key":`).
 */
function verifyDeps(env, ref, identity, tlog, given, transport = {}, keyLabel = 'public key') {
    if (given.signer)
        return { signer: given.signer(), docker: given.docker() };
    // The key file is read and parsed before any registry is asked: a missing or garbled one is
    // bad input naming it, whichever signer would have read it (and whether the registry is up).
    // The built-in checks use the text read here: one read, one key for every check.
    const text = (0,verify_inputs/* checkPublicKeyFile */.XQ)(identity, keyLabel);
    const file = identity.kind === 'key' ? identity.publicKey : undefined;
    // Only that file: one not read there (a FIFO, which may be read once, cosign's) is not opened.
    const keys = publicKeyFiles(env, (f) => (f === file ? text : readIfThere(f)));
    const { fetch, signal } = transport;
    const client = (0,registry_client/* defaultClient */.V)(env, fetch, signal);
    // One judgment of the key for the choice of index reader and every check the signer makes.
    const native = nativeReaches(ref, env) && keys.verifiesNatively(identity, tlog);
    return {
        signer: createSigner({ env, tlog, client, publicKeys: keys, ...(signal && { signal }) }),
        docker: native ? registryInspector(client) : given.docker(),
    };
}


/***/ }),

/***/ 10854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oX: () => (/* binding */ GITHUB_ISSUER),
  T: () => (/* binding */ chooseSigning),
  r2: () => (/* binding */ signingTools),
  p0: () => (/* binding */ verifyCommand)
});

// UNUSED EXPORTS: checkConfigKey, checkKeyFile

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/field-error.ts
var field_error = __webpack_require__(95245);
// EXTERNAL MODULE: ./src/attest/cosign-args.ts
var cosign_args = __webpack_require__(51386);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/util/on-path.ts
// Whether a program is on PATH: the directories of PATH searched for an executable file of that
// name, as a shell would find it. No process is started.


function onPath(program, env) {
    for (const dir of (env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        if (dir === '')
            continue;
        const file = external_node_path_default().join(dir, program);
        try {
            if (!(0,external_node_fs_.statSync)(file).isFile())
                continue;
            (0,external_node_fs_.accessSync)(file, external_node_fs_.constants.X_OK);
            return true;
        }
        catch {
            // not there, or not executable: the next directory
        }
    }
    return false;
}

// EXTERNAL MODULE: ./src/attest/verify-inputs.ts + 2 modules
var verify_inputs = __webpack_require__(19171);
// EXTERNAL MODULE: ./src/attest/cosign-key.ts
var cosign_key = __webpack_require__(98224);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: ./src/github/run.ts
var run = __webpack_require__(31738);
;// CONCATENATED MODULE: ./src/attest/signing.ts
// Which identity signs (pure): `sign: auto|key|keyless|off` with what the environment offers.
// Keyless needs GitHub's OIDC token (a job with `permissions: id-token: write`); a key comes from
// the `attest.key` file or COSIGN_KEY (its contents; cosign reads it as env://COSIGN_KEY, so the key
// never appears on a command line). Asking for a mode that cannot work is bad input (exit 2).










const hasOidc = (env) => Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
const OIDC_FIX = 'give the job `permissions: id-token: write` (GitHub Actions), or sign with a key: `sign: key` and COSIGN_KEY / COSIGN_PASSWORD as secrets';
/** Off GitHub Actions (a laptop, another CI): a key is the way to sign; keyless needs an OIDC token. */
const LOCAL_KEY_FIX = 'set COSIGN_KEY to the private key (cosign generate-key-pair) and COSIGN_PASSWORD to its password, or set attest.key to the key file; keyless signing needs a CI OIDC token (GitHub Actions: `permissions: id-token: write`)';
const KEY_FIX = 'put the private key (cosign generate-key-pair) in the COSIGN_KEY secret and its password in COSIGN_PASSWORD, or set attest.key to the key file';
const COSIGN_FIX = 'install cosign 2.x before this step (sigstore/cosign-installer, pinned by SHA, as the reusable workflow does)';
/** The runner's tools, from ENV's PATH. */
const signingTools = (env) => ({ cosign: onPath('cosign', env) });
/**
 * The key to sign with: the config's file, else COSIGN_KEY; undefined when neither. The file is
 * read now: a missing one, one that is no regular file (a directory, a FIFO, a device) or no
 * encrypted cosign key is bad input before anything is built and pushed unsigned.
 */
function keyFrom(cfg, env, baseDir, tools) {
    if (cfg.key !== undefined && (0,verify_inputs/* isKeyReference */.NI)(cfg.key)) {
        (0,verify_inputs/* refuseKeyReferenceSecrets */.Mq)(cfg.key, 'attest.key:');
        // A KMS key (awskms://, gcpkms://, azurekms://, hashivault://) or a PKCS #11 token: cosign's.
        if (!tools.cosign)
            throw new errors/* EnvironmentError */.eG(`attest.key ${cfg.key} is a key that cosign signs with, and cosign is not on PATH`, COSIGN_FIX);
        return { kind: 'key', key: cfg.key };
    }
    if (cfg.key !== undefined)
        return { kind: 'key', key: checkKeyFile(cfg.key, baseDir) };
    if (env.COSIGN_KEY?.trim())
        return { kind: 'key', key: 'env://COSIGN_KEY' };
    return undefined;
}
/**
 * KEY (attest.key, a file path) read and checked now: a missing file, one that is no regular file
 * (a directory, a FIFO, a device) or no encrypted cosign private key is bad input naming the field,
 * quoting none of it. Anywhere, on a runner too: a private key belongs outside the repository (a
 * self-hosted runner's fixed path, a file an earlier step wrote), never in the build context.
 * Its absolute path.
 */
function checkKeyFile(key, baseDir) {
    const file = external_node_path_default().resolve(baseDir, key);
    const text = (0,read_regular/* readRegularText */.Aj)(file, verify_inputs/* MAX_KEY_FILE_BYTES */.Qn, (e) => new errors/* InputError */.dz(e.code === 'ENOENT'
        ? `attest.key: no key file at ${file}`
        : `attest.key: ${file} ${e.code !== undefined ? `cannot be read (${e.code})` : e.reason}`, `${KEY_FIX} (the path is relative to the config file)`));
    if (!(0,cosign_key/* isEncryptedCosignKey */.dT)(text))
        throw new errors/* InputError */.dz(`attest.key: ${file} is not an encrypted cosign private key (no "ENCRYPTED SIGSTORE PRIVATE KEY" block)`, 'give the cosign.key file that "cosign generate-key-pair" wrote (its password in COSIGN_PASSWORD)');
    return file;
}
/**
 * The config's attest.key checked before any work (validate; run before the registry is asked),
 * as the attest stage would read it: the error names the field and the config file's line. A key
 * reference (KMS, PKCS #11) is cosign's, refused only when it holds a secret; only sign key and
 * auto read the file (keyless and off never do: a release job's key file a pull request's keyless
 * run lacks is no problem).
 */
function checkConfigKey(loaded) {
    const { key, sign } = loaded.config.attest;
    if (key === undefined || (sign !== 'key' && sign !== 'auto'))
        return;
    if (isKeyReference(key))
        asConfigProblem(loaded, () => refuseKeyReferenceSecrets(key, 'attest.key:'));
    else
        asConfigProblem(loaded, () => checkKeyFile(key, loaded.baseDir));
}
function describeKey(identity) {
    return identity.kind === 'key' && identity.key === 'env://COSIGN_KEY'
        ? 'with the key in COSIGN_KEY'
        : `with the key file ${identity.kind === 'key' ? identity.key : ''}`;
}
/**
 * How this run signs. `auto`: a key configured in attest.key first (it was asked for by name);
 * else keyless when the job has an OIDC token, cosign is on PATH and attest.tlog is not false
 * (keyless signatures are logged in the public Rekor); else the key in COSIGN_KEY; else not at all,
 * saying why. `key` and `keyless` without what they need are bad input (exit 2), or an environment
 * problem (exit 3) when cosign, which they run, is not on PATH.
 */
function chooseSigning(cfg, env, baseDir, tools = signingTools(env)) {
    const keyTlog = cfg.tlog ?? false;
    const keyless = (note = '') => ({
        identity: { kind: 'keyless' },
        reason: `signed keyless (GitHub OIDC, Sigstore)${note}`,
        tlog: true,
    });
    switch (cfg.sign) {
        case 'off':
            return { identity: null, reason: 'not signed: attest.sign is off', tlog: false };
        case 'keyless':
            if (!hasOidc(env))
                throw new errors/* InputError */.dz('attest.sign: keyless, but this job has no OIDC token', OIDC_FIX);
            if (cfg.tlog === false)
                throw new errors/* InputError */.dz('attest.sign: keyless, but attest.tlog is false: keyless signatures are logged in the public Rekor log', 'leave attest.tlog out with keyless, or sign with a key (sign: key) to keep the log out');
            if (!tools.cosign)
                throw new errors/* EnvironmentError */.eG('attest.sign is keyless, which cosign signs, and cosign is not on PATH', COSIGN_FIX);
            return keyless();
        case 'key': {
            const key = keyFrom(cfg, env, baseDir, tools);
            if (!key)
                throw new errors/* InputError */.dz('attest.sign: key, but there is no key (COSIGN_KEY is empty, attest.key unset)', KEY_FIX);
            return { identity: key, reason: `signed ${describeKey(key)}`, tlog: keyTlog };
        }
        case 'auto': {
            const signedWith = (key, note = '') => ({
                identity: key,
                reason: `signed ${describeKey(key)}${note}`,
                tlog: keyTlog,
            });
            if (cfg.key !== undefined)
                return signedWith(keyFrom(cfg, env, baseDir, tools));
            const oidc = hasOidc(env);
            if (oidc && cfg.tlog !== false && tools.cosign)
                return keyless(env.COSIGN_KEY?.trim() ? ' (COSIGN_KEY is set and not used: sign: key signs with it)' : '');
            // Why an OIDC token was not used, when there is one.
            const notKeyless = !oidc
                ? undefined
                : cfg.tlog === false
                    ? 'attest.tlog is false, and keyless signatures are logged in the public Rekor log'
                    : `keyless signing runs cosign, which is not on PATH (${COSIGN_FIX})`;
            const key = keyFrom(cfg, env, baseDir, tools);
            if (key)
                return signedWith(key, notKeyless ? ` (not keyless: ${notKeyless})` : '');
            return {
                identity: null,
                reason: notKeyless
                    ? `not signed: ${notKeyless}; and no key (${KEY_FIX}); the attestations are written to the result directory only`
                    : `not signed: no OIDC token and no key (${env.GITHUB_ACTIONS === 'true' ? OIDC_FIX : LOCAL_KEY_FIX}); the attestations are written to the result directory only`,
                tlog: false,
            };
        }
    }
}
/** The OIDC issuer of GitHub Actions' tokens (what keyless signatures from a workflow carry). */
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** Quote one shell word when it needs it (the command is shown for copying, never run by us). */
const shellWord = (w) => (/^[A-Za-z0-9_./:=@,+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);
const ownerRepo = (r) => (r !== undefined && (0,run/* isOwnerRepo */.Yn)(r) ? r : undefined);
const reEscape = (r) => r.replace(/\./g, '\\.');
/** A branch or tag ref a shown command can pin as it is (the renderer keeps only plain words). */
const pinnableRef = (r) => r !== undefined && /^refs\/(?:heads|tags)\/[A-Za-z0-9._/-]{1,200}$/.test(r) ? r : undefined;
/**
 * The `cosign verify-attestation` command that checks one attestation: the public key is named
 * cosign.pub (the verifier holds it). Keyless: a workflow of RUN.workflowRepository signed (the
 * certificate's identity is the signing workflow file: a reusable workflow's own, in its own
 * repository; default RUN.repository), in a run of RUN.repository (the workflow-repository extension), on
 * RUN.workflowRef (GITHUB_REF of the signing run: refs/heads/main, refs/tags/v1.2.3; the workflow-ref
 * extension), so that a run of another branch's workflow, which could sign too, does not pass.
 */
function verifyCommand(ref, cosignType, identity, tlog, run) {
    const repo = ownerRepo(run.repository) ?? 'OWNER/REPO';
    const signer = ownerRepo(run.workflowRepository) ?? repo;
    const gitRef = pinnableRef(run.workflowRef);
    const verifier = identity.kind === 'key'
        ? { kind: 'key', publicKey: 'cosign.pub' }
        : {
            kind: 'keyless',
            certificateIdentityRegexp: `^https://github\\.com/${reEscape(signer)}/\\.github/workflows/`,
            certificateOidcIssuer: GITHUB_ISSUER,
            certificateGithubWorkflowRepository: repo,
            ...(gitRef !== undefined && { certificateGithubWorkflowRef: gitRef }),
        };
    const argv = (0,cosign_args/* verifyAttestationArgs */.xt)(ref, cosignType, verifier, { tlog }).filter((a, i, all) => a !== '--output' && all[i - 1] !== '--output');
    return ['cosign', ...argv].map(shellWord).join(' ');
}


/***/ }),

/***/ 97432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ SmokePredicateSchema),
/* harmony export */   LZ: () => (/* binding */ buildSmokePredicate),
/* harmony export */   MP: () => (/* binding */ smokeContradictions)
/* harmony export */ });
/* unused harmony exports metricValue, gpusFromTests */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(92857);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(11012);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17700);
/* harmony import */ var _smoke_result_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3228);
/* harmony import */ var _github_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(31738);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(79124);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(82513);
// The smoke-test attestation's predicate: what the smoke suites found in one image by digest, on
// which GPUs and runner. Its JSON Schema is docs/attestations/smoke-v1.schema.json; a unit test
// validates the same predicates with both, so they cannot drift. No test output and no
// failure-pattern text go in, and every string is scrubbed of secrets.








const SMOKE_PREDICATE_SCHEMA_VERSION = 1;
/** Longest reason and metric text kept (a longer one is cut, with an ellipsis). */
const MAX_REASON_CHARS = 1000;
const MAX_METRIC_CHARS = 256;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const count = zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().int().nonnegative();
const counts = { pass: count, fail: count, skip: count };
const status = zod__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['pass', 'fail', 'skip']);
const SmokePredicateSchema = zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_7__/* .literal */ .euz(SMOKE_PREDICATE_SCHEMA_VERSION),
    image: zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
        ref: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1),
        digest: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().regex(_oci_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .DIGEST_RE */ .Vt),
        platform: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1),
        variant: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1),
    }),
    verdict: zod__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['pass', 'fail']),
    summary: zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({ ...counts, durationMs: zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().nonnegative() }),
    gpus: zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
        requested: zod__WEBPACK_IMPORTED_MODULE_7__/* ["enum"] */ .k5n(['all', 'none']),
        devices: zod__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
            name: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(),
            driver: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().nullable(),
            memoryMiB: zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().nonnegative().optional(),
            computeCapability: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().optional(),
        })),
        cuda: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1).optional(),
    }),
    suites: zod__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({ name: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1), ...counts })),
    tests: zod__WEBPACK_IMPORTED_MODULE_7__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
        id: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1),
        suite: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1),
        status,
        durationMs: zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig().nonnegative(),
        reason: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().optional(),
        metrics: zod__WEBPACK_IMPORTED_MODULE_7__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_7__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_7__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP()])),
    })),
    runner: zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({
        name: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1).optional(),
        os: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1).optional(),
        arch: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1).optional(),
        url: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1).optional(),
    }),
    tool: zod__WEBPACK_IMPORTED_MODULE_7__/* .strictObject */ .rej({ name: zod__WEBPACK_IMPORTED_MODULE_7__/* .literal */ .euz(_types_js__WEBPACK_IMPORTED_MODULE_5__/* .TOOL_NAME */ .lH), version: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().min(1) }),
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_7__/* .string */ .YjP().regex(DATE_TIME),
});
/**
 * Text as the predicate keeps it: scrubbed, then cut short. Scrubbing first: a cut could end a
 * URL before its "@" or a token before its length, which the patterns would then miss.
 */
const cut = (s, max) => {
    const clean = (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_6__/* .redactText */ .Rd)(s);
    return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};
/**
 * A metric as the predicate keeps it: finite numbers as they are, text cut short, booleans and
 * lists of plain values as text (the gpu suite's `names`), anything else (null, objects) left out.
 */
function metricValue(v) {
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'string')
        return cut(v, MAX_METRIC_CHARS);
    if (typeof v === 'boolean')
        return String(v);
    if (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x)))
        return cut(v.map(String).join(', '), MAX_METRIC_CHARS);
    return undefined;
}
function testEntry(t) {
    const metrics = {};
    for (const [k, v] of Object.entries(t.metrics)) {
        const value = metricValue(v);
        if (value !== undefined)
            metrics[k] = value;
    }
    return {
        id: t.id,
        suite: t.suite,
        status: t.status,
        durationMs: Math.max(0, t.durationMs),
        ...(t.reason !== undefined && t.reason !== '' && { reason: cut(t.reason, MAX_REASON_CHARS) }),
        metrics,
    };
}
function tally(tests) {
    return {
        pass: tests.filter((t) => t.status === 'pass').length,
        fail: tests.filter((t) => t.status === 'fail').length,
        skip: tests.filter((t) => t.status === 'skip').length,
    };
}
/**
 * What in a smoke predicate contradicts its verdict "pass": a failed count in its summary or a
 * suite, a test whose status is fail, and a summary whose counts are not its tests' (a summary of
 * passes with no test listed too). None for a predicate buildSmokePredicate made; the schema cannot say it, and a signature
 * only says who wrote a predicate, not that it adds up: verify's `--require-smoke pass` holds only
 * for a passing verdict with none of these.
 */
function smokeContradictions(p) {
    const found = [];
    const { summary: s } = p;
    const listed = tally(p.tests);
    // The writer counts its tests (tally): a summary they do not add up to, none listed too, is no run's.
    if (listed.pass !== s.pass || listed.fail !== s.fail || listed.skip !== s.skip)
        found.push(`its summary counts ${s.pass} passed, ${s.fail} failed, ${s.skip} skipped, its tests ${listed.pass}, ${listed.fail} and ${listed.skip}`);
    if (p.verdict !== 'pass')
        return found;
    if (s.fail > 0)
        found.push(`verdict pass with ${s.fail} failed in its summary`);
    const failed = p.tests.filter((t) => t.status === 'fail').map((t) => t.id);
    if (failed.length > 0)
        found.push(`verdict pass with failed tests: ${failed.join(', ')}`);
    const suites = p.suites.filter((x) => x.fail > 0).map((x) => `${x.name} (${x.fail})`);
    if (suites.length > 0)
        found.push(`verdict pass with failed tests in the suites ${suites.join(', ')}`);
    return found;
}
function suitesOf(tests) {
    const names = [...new Set(tests.map((t) => t.suite))];
    return names.map((name) => ({ name, ...tally(tests.filter((t) => t.suite === name)) }));
}
/**
 * The GPUs a passing test of the gpu suite saw (gpuSuiteSight: its `names`, `gpus` and `driver`
 * metrics): one device per GPU when they all bear one name, else one per name. For a record that
 * names none while the tests ran on GPUs (its probe ran without them: results of earlier versions,
 * or an engine that would not start the probe with GPUs). A test that names none (the image has no
 * nvidia-smi: its NVIDIA_DRIVER_CAPABILITIES leave out `utility`) gives one device named "" per GPU
 * CUDA counted (`cuda_devices`).
 */
function gpusFromTests(tests) {
    const seen = (0,_smoke_result_js__WEBPACK_IMPORTED_MODULE_3__/* .gpuSuiteSight */ .Cq)(tests);
    if (seen === undefined)
        return [];
    const { names, driver } = seen;
    if (names.length === 0)
        return Array.from({ length: seen.cudaDevices ?? 0 }, () => ({ name: '', driver }));
    const each = names.length === 1 ? (seen.gpus ?? 1) : 1;
    return names.flatMap((name) => Array.from({ length: each }, () => ({ name, driver })));
}
function gpusOf(input) {
    // A cluster job's results (`ml-image collect`) ran on the job's GPUs, which its gpu test names:
    // the record's are those of wherever the image was captured (a runner).
    const r = input.smoke.cluster === undefined ? input.record : undefined;
    // A GPU whose memory nvidia-smi does not give (unified memory: GB10) has none in the predicate,
    // nor one whose figure is no memory (an nvidia-smi of the image's own that prints -1): not a
    // predicate the schema refuses, which would stop the run's attestations.
    const recorded = (r?.gpus ?? []).map((g) => ({
        name: g.name,
        driver: g.driver,
        ...(g.memoryMiB !== null && g.memoryMiB >= 0 && { memoryMiB: g.memoryMiB }),
        computeCapability: g.computeCapability,
    }));
    return {
        requested: input.smoke.gpus,
        devices: recorded.length > 0 ? recorded : gpusFromTests(input.smoke.tests),
        ...(input.record?.cuda.runtime && { cuda: input.record.cuda.runtime }),
    };
}
/** The predicate, scrubbed and checked against SmokePredicateSchema (exit 2 naming the field). */
function buildSmokePredicate(input) {
    const { smoke } = input;
    const hex = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Hex */ .fg)(input.digest);
    const counts = tally(smoke.tests);
    // When and where the suites ran, as the smoke result says: the attestation may be made later, in
    // another job (the reusable workflow's attest job), or from an identical earlier run's results.
    const finishedAt = smoke.finishedAt !== undefined
        ? new Date(smoke.finishedAt).toISOString()
        : typeof input.finishedAt === 'string'
            ? input.finishedAt
            : input.finishedAt.toISOString();
    const predicate = (0,_types_js__WEBPACK_IMPORTED_MODULE_5__/* .scrubDeep */ .wE)({
        schemaVersion: SMOKE_PREDICATE_SCHEMA_VERSION,
        image: {
            ref: input.imageRef,
            digest: hex === undefined ? input.digest : `sha256:${hex}`,
            platform: input.platform,
            variant: input.variant,
        },
        verdict: counts.fail > 0 ? 'fail' : 'pass',
        summary: { ...counts, durationMs: Math.max(0, smoke.summary.durationMs) },
        gpus: gpusOf(input),
        suites: suitesOf(smoke.tests),
        tests: smoke.tests.map(testEntry),
        // A result that says when its suites ran and names no runner ran off a runner (locally, on a
        // cluster): no runner, rather than the attesting job's. Older results say neither.
        runner: input.runner ??
            smoke.runner ??
            (smoke.finishedAt === undefined && input.env ? (0,_github_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runnerFromEnv */ .W1)(input.env) : {}),
        tool: { name: _types_js__WEBPACK_IMPORTED_MODULE_5__/* .TOOL_NAME */ .lH, version: input.toolVersion },
        finishedAt,
    }, [input.variant, input.platform, ...smoke.tests.flatMap((t) => [t.id, t.suite])]);
    const parsed = SmokePredicateSchema.safeParse(predicate);
    if (!parsed.success)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`smoke predicate for ${input.imageRef}: ${(0,_config_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .formatIssues */ .og)(parsed.error, predicate, SmokePredicateSchema).join('; ')}`);
    return parsed.data;
}


/***/ }),

/***/ 19171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Qn: () => (/* binding */ MAX_KEY_FILE_BYTES),
  CB: () => (/* binding */ acceptsSharedWorkflow),
  XQ: () => (/* binding */ checkPublicKeyFile),
  h3: () => (/* binding */ identityMatcher),
  NI: () => (/* binding */ isKeyReference),
  Mq: () => (/* binding */ refuseKeyReferenceSecrets),
  F1: () => (/* binding */ regexpProblem)
});

// UNUSED EXPORTS: publicKeyProblem, withoutFlagGroups

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
;// CONCATENATED MODULE: ./src/attest/re2-js.ts
// An RE2 pattern (Go's regexp/syntax, as cosign compiles --certificate-identity-regexp) in
// JavaScript's terms, for the checks that ask what it matches (verify-inputs.ts). JavaScript reads
// much of RE2's syntax otherwise, without an error: \A, \z, \pL and [[:alnum:]] are literals to it,
// so a pattern that matches an identity in cosign would match none here. Each RE2 construct is put
// in JavaScript's terms (with the u flag, where every escape is strict); what this does not know (a
// syntax RE2 refuses too: a lookahead, a backreference, \e) is no translation: the caller then
// assumes the worst.
const MAX_RUNE = 0x10ffff;
/** Go's POSIX classes ([[:alnum:]] ...): ASCII only. */
const POSIX = {
    alnum: [
        [0x30, 0x39],
        [0x41, 0x5a],
        [0x61, 0x7a],
    ],
    alpha: [
        [0x41, 0x5a],
        [0x61, 0x7a],
    ],
    ascii: [[0, 0x7f]],
    blank: [
        [9, 9],
        [0x20, 0x20],
    ],
    cntrl: [
        [0, 0x1f],
        [0x7f, 0x7f],
    ],
    digit: [[0x30, 0x39]],
    graph: [[0x21, 0x7e]],
    lower: [[0x61, 0x7a]],
    print: [[0x20, 0x7e]],
    punct: [
        [0x21, 0x2f],
        [0x3a, 0x40],
        [0x5b, 0x60],
        [0x7b, 0x7e],
    ],
    space: [
        [9, 0xd],
        [0x20, 0x20],
    ],
    upper: [[0x41, 0x5a]],
    word: [
        [0x30, 0x39],
        [0x41, 0x5a],
        [0x5f, 0x5f],
        [0x61, 0x7a],
    ],
    xdigit: [
        [0x30, 0x39],
        [0x41, 0x46],
        [0x61, 0x66],
    ],
};
/** Go's \s: [\t\n\f\r ] (JavaScript's also holds \v and Unicode spaces). */
const GO_SPACE = [
    [9, 0xa],
    [0xc, 0xd],
    [0x20, 0x20],
];
const hex = (cp) => `\\u{${cp.toString(16)}}`;
const isAlnum = (c) => c !== undefined && /^[A-Za-z0-9]$/.test(c);
const isOctal = (c) => c !== undefined && /^[0-7]$/.test(c);
/** One character as a JavaScript literal: a letter or digit as is (case folds), else escaped. */
const literal = (cp) => (isAlnum(String.fromCodePoint(cp)) ? String.fromCodePoint(cp) : hex(cp));
const rangesSource = (ranges) => ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');
function complement(ranges) {
    const out = [];
    let next = 0;
    for (const [lo, hi] of [...ranges].sort((a, b) => a[0] - b[0])) {
        if (lo > next)
            out.push([next, lo - 1]);
        next = Math.max(next, hi + 1);
    }
    if (next <= MAX_RUNE)
        out.push([next, MAX_RUNE]);
    return out;
}
const ANY = `[${hex(0)}-${hex(MAX_RUNE)}]`;
const NOT_NEWLINE = `[^${hex(0xa)}]`;
// ^ and $ as RE2 reads them: the text's ends, or with (?m) a line's (wrapped: RE2 lets them repeat).
const BEGIN_TEXT = `(?:(?<!${ANY}))`;
const END_TEXT = `(?:(?!${ANY}))`;
const BEGIN_LINE = `(?:(?<!${NOT_NEWLINE}))`;
const END_LINE = `(?:(?!${NOT_NEWLINE}))`;
/** Syntax that is not translated: RE2 refuses most of it too. */
class Unread extends Error {
}
/**
 * A Unicode class, \pL, \p{Greek}, \p{^Greek} or \PL, as a JavaScript property escape: a general
 * category by its short name, else a script (or a name JavaScript knows alone); what JavaScript
 * does not know is unread.
 */
function unicodeClass(negated, spelled) {
    // Each class compiled once: a pattern of thousands of \pL compiled a regexp for each (seconds).
    const key = `${negated ? 'P' : 'p'}${spelled}`;
    const known = UNICODE_CLASSES.get(key);
    if (known !== undefined)
        return known;
    const source = unicodeClassSource(negated, spelled);
    UNICODE_CLASSES.set(key, source);
    return source;
}
const UNICODE_CLASSES = new Map();
function unicodeClassSource(negated, spelled) {
    let name = spelled.startsWith('{') ? spelled.slice(1, -1) : spelled;
    if (name.startsWith('^'))
        [negated, name] = [!negated, name.slice(1)];
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
        throw new Unread(`\\${negated ? 'P' : 'p'}${spelled}`);
    const candidates = /^[A-Z][a-z]?$/.test(name) ? [`General_Category=${name}`] : [`Script=${name}`, name];
    for (const c of candidates) {
        const source = `\\${negated ? 'P' : 'p'}{${c}}`;
        try {
            new RegExp(source, 'u');
            return source;
        }
        catch {
            // the next spelling
        }
    }
    throw new Unread(`\\p${spelled}`);
}
class Translator {
    pattern;
    chars;
    i = 0;
    flags = { m: false, s: false };
    groups = [];
    /** Whether (?i) is asked anywhere: JavaScript folds case in the whole pattern then (more matches). */
    folds = false;
    /** Where each code point of the pattern starts in it (and its end): rest() slices, not joins. */
    offsets = [];
    constructor(pattern) {
        this.pattern = pattern;
        this.chars = [...pattern];
        let at = 0;
        for (const c of this.chars) {
            this.offsets.push(at);
            at += c.length;
        }
        this.offsets.push(at);
    }
    get peek() {
        return this.chars[this.i];
    }
    /**
     * The pattern from code point FROM (the cursor): a slice of the string, not the code points
     * joined again, which made every construct cost the length of the rest (a pattern of 8,000
     * classes took 24 s, one of 20,000 minutes).
     */
    rest(from = this.i) {
        return this.pattern.slice(this.offsets[Math.min(from, this.chars.length)]);
    }
    /** The pattern, from the start (RE2's parse loop, one construct at a time). */
    translate() {
        let out = '';
        while (this.i < this.chars.length) {
            const c = this.chars[this.i];
            if (c === '(')
                out += this.group();
            else if (c === ')')
                out += this.close();
            else if (c === '[')
                out += this.charClass();
            else if (c === '\\')
                out += this.escape();
            else if (c === '{')
                out += this.repeat();
            else {
                this.i++;
                if ('|*+?'.includes(c))
                    out += c;
                else if (c === '.')
                    out += this.flags.s ? ANY : NOT_NEWLINE;
                else if (c === '^')
                    out += this.flags.m ? BEGIN_LINE : BEGIN_TEXT;
                else if (c === '$')
                    out += this.flags.m ? END_LINE : END_TEXT;
                else
                    out += literal(c.codePointAt(0));
            }
        }
        if (this.groups.length > 0)
            throw new Unread('a ( without its )');
        return out;
    }
    /** {n}, {n,}, {n,m} repeat; any other { is a literal, as in RE2. */
    repeat() {
        const m = /^\{\d+(?:,\d*)?\}/.exec(this.rest());
        if (!m) {
            this.i++;
            return literal(0x7b);
        }
        this.i += m[0].length;
        return m[0];
    }
    /** A group: (, (?:, (?P<name>, (?<name>, (?flags) and (?flags:. */
    group() {
        const rest = this.rest();
        if (!rest.startsWith('(?')) {
            this.i++;
            this.groups.push({ ...this.flags });
            return '(?:';
        }
        const named = /^\(\?P?<[A-Za-z0-9_]+>/.exec(rest);
        const flags = /^\(\?([imsU]*)(?:-([imsU]+))?([:)])/.exec(rest);
        if (!named && !flags)
            throw new Unread([...rest].slice(0, 3).join(''));
        this.i += (named ?? flags)[0].length;
        if (named || flags[3] === ':')
            this.groups.push({ ...this.flags });
        if (flags) {
            const [, on = '', off = ''] = flags;
            for (const f of on)
                if (f === 'm' || f === 's')
                    this.flags[f] = true;
            for (const f of off)
                if (f === 'm' || f === 's')
                    this.flags[f] = false;
            // (?i) anywhere folds the whole pattern: it matches more, never less.
            if (on.includes('i'))
                this.folds = true;
            if (flags[3] === ')')
                return '';
        }
        return '(?:';
    }
    close() {
        const saved = this.groups.pop();
        if (saved === undefined)
            throw new Unread('a ) without its (');
        this.i++;
        this.flags = saved;
        return ')';
    }
    /** An escape outside a class: \A, \z, \b, \B, \Q...\E, \pL, \d, \s, ..., or one character. */
    escape() {
        const c = this.chars[this.i + 1];
        const simple = {
            A: BEGIN_TEXT,
            z: END_TEXT,
            b: '\\b',
            B: '\\B',
            d: '\\d',
            D: '\\D',
            w: '\\w',
            W: '\\W',
            s: `[${rangesSource(GO_SPACE)}]`,
            S: `[^${rangesSource(GO_SPACE)}]`,
        };
        if (c !== undefined && Object.hasOwn(simple, c)) {
            this.i += 2;
            return simple[c];
        }
        if (c === 'Q') {
            const body = this.rest(this.i + 2);
            const end = body.indexOf('\\E');
            const text = end < 0 ? body : body.slice(0, end);
            this.i += 2 + [...text].length + (end < 0 ? 0 : 2);
            return [...text].map((ch) => literal(ch.codePointAt(0))).join('');
        }
        if (c === 'p' || c === 'P')
            return this.unicode();
        this.i++;
        return literal(this.escapedChar());
    }
    /** \pL, \p{Name} at the cursor (on the backslash). */
    unicode() {
        const negated = this.chars[this.i + 1] === 'P';
        this.i += 2;
        const rest = this.rest();
        const spelled = rest.startsWith('{') ? /^\{[^}]*\}/.exec(rest)?.[0] : this.peek;
        if (spelled === undefined)
            throw new Unread(`\\${negated ? 'P' : 'p'} without its class`);
        this.i += [...spelled].length;
        return unicodeClass(negated, spelled);
    }
    /**
     * The character an escape stands for (cursor after the backslash): punctuation as itself, an
     * octal or hex code, \a \f \n \r \t \v. RE2 refuses any other, as does this.
     */
    escapedChar() {
        const c = this.chars[this.i++];
        if (c === undefined)
            throw new Unread('a \\ at the end');
        const cp = c.codePointAt(0);
        if (cp < 0x80 && !isAlnum(c))
            return cp;
        if (isOctal(c) && (c === '0' || isOctal(this.peek))) {
            let v = cp - 0x30;
            for (let k = 1; k < 3 && isOctal(this.peek); k++)
                v = v * 8 + this.chars[this.i++].charCodeAt(0) - 0x30;
            return v;
        }
        if (c === 'x') {
            const m = /^(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{2}))/.exec(this.rest());
            const v = m ? parseInt(m[1] ?? m[2], 16) : NaN;
            if (!(v <= MAX_RUNE))
                throw new Unread(`\\x${this.rest().slice(0, 4)}`);
            this.i += m[0].length;
            return v;
        }
        const controls = { a: 7, f: 0xc, n: 0xa, r: 0xd, t: 9, v: 0xb };
        if (Object.hasOwn(controls, c))
            return controls[c];
        throw new Unread(`\\${c}`);
    }
    /** A bracketed class: ranges, [:alnum:] and [:^alnum:], \pL, \d, \s, ... (] first is literal). */
    charClass() {
        this.i++;
        const negated = this.peek === '^';
        if (negated)
            this.i++;
        const items = [];
        for (let first = true;; first = false) {
            if (this.peek === undefined)
                throw new Unread('a [ without its ]');
            if (this.peek === ']' && !first)
                break;
            const rest = this.rest();
            const posix = rest.startsWith('[:') ? rest.indexOf(':]', 2) : -1;
            if (posix >= 0) {
                const name = rest.slice(2, posix);
                const ranges = POSIX[name.replace(/^\^/, '')];
                if (ranges === undefined)
                    throw new Unread(`[:${name}:]`);
                items.push(rangesSource(name.startsWith('^') ? complement(ranges) : ranges));
                this.i += posix + 2;
            }
            else if (/^\\[pP]/.test(rest))
                items.push(this.unicode());
            else if (/^\\[dDwW]/.test(rest)) {
                items.push(rest.slice(0, 2));
                this.i += 2;
            }
            else if (/^\\[sS]/.test(rest)) {
                items.push(rangesSource(rest[1] === 's' ? GO_SPACE : complement(GO_SPACE)));
                this.i += 2;
            }
            else
                items.push(this.classRange());
        }
        this.i++;
        return `[${negated ? '^' : ''}${items.join('')}]`;
    }
    /** A character or a range of them in a class ([a-] is a and -, as in RE2). */
    classRange() {
        const lo = this.classChar();
        if (this.peek !== '-' || this.chars[this.i + 1] === undefined || this.chars[this.i + 1] === ']')
            return rangesSource([[lo, lo]]);
        this.i++;
        const hi = this.classChar();
        if (hi < lo)
            throw new Unread(`the range ${hex(lo)}-${hex(hi)}`);
        return rangesSource([[lo, hi]]);
    }
    classChar() {
        const c = this.chars[this.i++];
        return c === '\\' ? this.escapedChar() : c.codePointAt(0);
    }
}
/**
 * PATTERN, as RE2 reads it, in JavaScript's terms (source and flags, u always), or the syntax it
 * holds that this does not read (then nothing can be said of what it matches). Dots, ^ and $ are
 * RE2's (with (?s) and (?m) where they are in force); (?i) anywhere folds case in the whole.
 */
function re2ToJs(pattern) {
    try {
        const t = new Translator(pattern);
        const source = t.translate();
        const flags = t.folds ? 'iu' : 'u';
        new RegExp(source, flags);
        return { source, flags };
    }
    catch (e) {
        if (e instanceof Unread)
            return { unread: e.message };
        if (e instanceof SyntaxError)
            return {
                unread: `what JavaScript cannot compile (${e.message.replace(/^Invalid regular expression: \/[\s\S]*\/[a-z]*: /, '')})`,
            };
        throw e;
    }
}

// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(30714);
var external_node_vm_default = /*#__PURE__*/__webpack_require__.n(external_node_vm_);
;// CONCATENATED MODULE: ./src/util/bounded-regex.ts
// A regular expression tried for at most a given time. JavaScript's engine backtracks: a pattern a
// user gives (`^(.*)*X$`, which RE2 runs in linear time) can take longer than the universe on a
// short text, on the main thread, where no timer or signal handler runs. Tried in a vm context
// with a timeout, it is stopped (V8 checks for the interrupt while it backtracks).

let context;
let script;
/** RE.test(TEXT), or undefined when it did not finish within MS milliseconds. */
function testWithin(re, text, ms) {
    context ??= external_node_vm_default().createContext({ re: undefined, text: undefined });
    script ??= new (external_node_vm_default()).Script('re.test(text)');
    context.re = re;
    context.text = text;
    try {
        return script.runInContext(context, { timeout: ms }) === true;
    }
    catch (e) {
        if (e.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
            return undefined;
        throw e;
    }
    finally {
        context.re = undefined;
        context.text = undefined;
    }
}

// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
// EXTERNAL MODULE: ./src/util/url-secrets.ts
var url_secrets = __webpack_require__(92561);
;// CONCATENATED MODULE: ./src/attest/verify-inputs.ts
// What verify checks of its inputs before it asks a registry anything: the public key file is read
// and parsed, a keyless identity's regular expression compiled. Bad input is then exit 2 naming
// the file or the expression, not the "registry unreachable" of a registry that happens to be
// down, nor cosign's failure after the network was asked. The built-in verifier checks with the
// text read here (src/attest/signers.ts verifyDeps); cosign reads the file itself.







/** A key file (a public key in PEM, cosign's encrypted private key) is a few KB; a larger one is none. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;
const KEY_FIX = 'give the public key file that "cosign generate-key-pair" wrote (cosign.pub), or a KMS URI';
/**
 * A key that cosign resolves itself, not a file: a KMS or other URI (awskms://, k8s://, env://,
 * https://) or a PKCS#11 token.
 */
const isKeyReference = (key) => key.includes('://') || key.startsWith('pkcs11:');
/**
 * Exit 2 (LABEL) for a key reference that holds a secret (urlSecrets: a login, `?token=`; a
 * PKCS #11 URI's pin-value): cosign takes the reference on its command line, which any process of
 * the machine may read. A reference without one (env://NAME, a KMS URI whose credentials are in
 * the environment) and a file are left alone.
 */
function refuseKeyReferenceSecrets(key, label) {
    if (!isKeyReference(key))
        return;
    // A PKCS #11 URI's PIN (RFC 7512 pin-value): cosign reads it from COSIGN_PKCS11_PIN too.
    if (key.startsWith('pkcs11:') && /(?:^pkcs11:|[;?&])pin-value=/i.test(key))
        throw new errors/* InputError */.dz(`${label} ${key.replace(/((?:^pkcs11:|[;?&])pin-value=)[^;?&]*/gi, '$1***')}: the PKCS #11 URI holds the token's PIN (pin-value), which cosign would take on its command line`, 'leave pin-value out and put the PIN in the environment: COSIGN_PKCS11_PIN');
    if ((0,url_secrets/* urlSecrets */.Fn)(key, 1).length === 0)
        return;
    throw new errors/* InputError */.dz(`${label} ${(0,redact/* redactUrls */.sK)(key)}: the key reference holds a secret (a login or a token), which cosign would take on its command line`, 'download the key and give its file, or give a reference without a secret: env://NAME, or a KMS URI with its credentials in the environment');
}
/**
 * What is wrong with TEXT as cosign's --key public key, or undefined when it is one: as cosign
 * reads it, the first PEM block, a "PUBLIC KEY" (PKIX) or "RSA PUBLIC KEY" (PKCS #1).
 */
function publicKeyProblem(text) {
    // Trailing blanks on a line (a pasted key) are dropped, as Go's pem.Decode does.
    const block = /-----BEGIN ([^\r\n-]+)-----\r?\n[\s\S]*?-----END \1-----/.exec(text.replace(/[ \t]+$/gm, ''));
    if (!block)
        return 'not a PEM public key (no "-----BEGIN PUBLIC KEY-----" block)';
    const type = block[1];
    if (type !== 'PUBLIC KEY' && type !== 'RSA PUBLIC KEY')
        return /PRIVATE KEY/.test(type)
            ? `a private key (PEM "${type}"); verifying takes the public key`
            : `a PEM "${type}", not a public key`;
    try {
        (0,external_node_crypto_.createPublicKey)(block[0]);
        return undefined;
    }
    catch (e) {
        return `not a valid public key (${e.message})`;
    }
}
/**
 * The public key file of a key identity, read and parsed now; bad input names LABEL (the flag or
 * input that gave it: `verify: --key`, `input "key":`) and the file (exit 2). Its text, for the
 * checks to use (undefined: not read here). A key reference (KMS and other URIs) is cosign's to
 * resolve and is left alone.
 */
function checkPublicKeyFile(identity, label = 'public key') {
    if (identity.kind !== 'key')
        return undefined;
    refuseKeyReferenceSecrets(identity.publicKey, label);
    if (isKeyReference(identity.publicKey))
        return undefined;
    const file = identity.publicKey;
    // A pipe (`--key <(vault read ...)`, a piped /dev/stdin) can be read once only: cosign reads it.
    const st = (0,read_regular/* statPath */.qW)(file);
    // A path that cannot be looked at (a link loop, afile/x, a name too long) is bad input too.
    if (typeof st === 'string')
        throw new errors/* InputError */.dz(`${label} ${file}: ${st}`, KEY_FIX);
    if (st && (st.isFIFO() || st.isSocket()))
        return undefined;
    const text = (0,read_regular/* readRegularText */.Aj)(file, MAX_KEY_FILE_BYTES, (e) => new errors/* InputError */.dz(e.code !== undefined
        ? `${label} ${file}: cannot read it: ${(0,read_regular/* openErrorText */.OV)(e.code)}`
        : `${label} ${file} ${e.reason}`, KEY_FIX));
    const problem = publicKeyProblem(text);
    if (problem !== undefined)
        throw new errors/* InputError */.dz(`${label} ${file}: ${problem}`, KEY_FIX);
    return text;
}
/**
 * What is wrong with PATTERN as a regular expression, or undefined. cosign compiles it as Go
 * (RE2) does; JavaScript compiles it here, after RE2's own syntax that JavaScript lacks is put in
 * its terms (\Q...\E literals, (?P<name>, inline flags), so that a pattern cosign takes is never
 * refused. What only RE2 refuses (a lookahead, a backreference) is left for cosign to say.
 */
function regexpProblem(pattern) {
    try {
        new RegExp(jsRegExpSource(pattern));
        return undefined;
    }
    catch (e) {
        // "Invalid regular expression: /(/: Unterminated group": the reason only.
        return e.message.replace(/^Invalid regular expression: \/[\s\S]*\/: /, '');
    }
}
/**
 * PATTERN with each `\Q...\E` written as the escaped characters it stands for. Read escape by
 * escape: `\\Q` is a backslash and a Q, no quote (which would hide a `|` after it).
 */
function literalQuotes(pattern) {
    return pattern.replace(/\\(?:Q([\s\S]*?)(?:\\E|$)|[\s\S])/g, (m, literal) => literal === undefined ? m : literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
}
/** An RE2 flag group (`(?i)`, `(?-s)`), read where it starts (sticky). */
const FLAG_GROUP = /\(\?[imsU]*(?:-[imsU]*)?\)/y;
/**
 * PATTERN without its flag groups (`(?i)`, `(?-s)`: they match nothing), escapes and classes kept
 * whole (`[(?i)]` is a class of four characters, not an empty one that would run on over a `|`
 * after it): a repeat after a flag group repeats what comes before it (`acme/(?i)?` makes the `/`
 * optional in RE2).
 */
function withoutFlagGroups(pattern) {
    let out = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        FLAG_GROUP.lastIndex = i;
        const flags = c === '(' ? FLAG_GROUP.exec(pattern)?.[0] : undefined;
        if (c === '\\')
            out += pattern.slice(i, ++i + 1);
        else if (c === '[') {
            const end = classEnd(pattern, i);
            out += pattern.slice(i, end + 1);
            i = end;
        }
        else if (flags !== undefined)
            i += flags.length - 1;
        else
            out += c;
    }
    return out;
}
/**
 * An RE2 pattern in JavaScript's terms enough to compile it (inline flags dropped); what it
 * matches is re2-js.ts's to say.
 */
function jsRegExpSource(pattern) {
    return literalQuotes(pattern)
        .replace(/\(\?P</g, '(?<')
        .replace(/\(\?[imsU-]+\)/g, '')
        .replace(/\(\?[imsU-]+:/g, '(?:');
}
/**
 * Where the reusable workflow's keyless signatures come from: Fulcio names the workflow file that
 * ran, ml-image-action's own, whichever repository called it.
 */
const SHARED_WORKFLOW_IDENTITY = 'https://github.com/ml-image-action/ml-image-action/';
/**
 * The start of a regexp that names whose workflow signed: anchored (`^` or `\A`), the GitHub host,
 * then a literal owner and `/` (`.` escaped or not; RE2 reads `\/` and `\-` as the characters).
 * Nothing may repeat that `/`: `?`, `*`, `{0}` or `{0,1}` after it leave it out, and the owner's
 * letters then run on into what follows (`ml-image-actio/?n/ml-image-action/` matches the shared
 * workflow's `ml-image-action/ml-image-action/`, as does `ml\/*-image-action/`), so any `?`, `*`,
 * `+` or `{` there is refused. None can stand inside the owner: they are not among its characters,
 * and an owner cut short by one is followed by no `/`.
 */
const OWNER_PREFIX = /^(?:\^|\\A)https:(?:\\?\/){2}github\\?\.com\\?\/((?:[A-Za-z0-9]|\\?-)+)\\?\/(?![?*+{])/;
/**
 * Refs a caller pins the reusable workflow at, which its certificates' identity ends with: a
 * release tag, a commit, a branch, a pull request's merge ref. A pattern matching the shared
 * workflow at any of them accepts its signatures; one matching none is still read for its owner.
 */
const SHARED_WORKFLOW_REFS = [
    'refs/tags/v0.4.2',
    '0123456789abcdef0123456789abcdef01234567',
    'refs/heads/main',
    'refs/pull/1/merge',
];
/**
 * Whether a keyless identity (exact, or a valid RE2 regexp) may accept the reusable workflow's
 * signatures: without the repository claim, then, any repository's run of it passes. Said yes
 * when the pattern names ml-image-action/ml-image-action in any case, or matches any identity of
 * it (a pin to a tag, branch or commit included) as RE2 reads it (re2-js.ts: \A, \z, [[:alnum:]],
 * \pL, (?i) ...). A pattern whose syntax that translation does not read may accept them too:
 * `unread`, naming the syntax (fail safe: the repository is asked for all the same).
 */
function acceptsSharedWorkflow(exact, regexp) {
    const shared = SHARED_WORKFLOW_IDENTITY.replace('https://github.com/', '').toLowerCase();
    if (exact !== undefined)
        return exact.toLowerCase().includes(shared) ? { why: 'accepts' } : undefined;
    if (regexp === undefined)
        return undefined;
    if (regexp.replace(/\\/g, '').toLowerCase().includes(shared))
        return { why: 'accepts' };
    const js = re2ToJs(regexp);
    if ('unread' in js)
        return { why: 'unread', syntax: js.unread };
    const re = compiled(js);
    if (re === undefined)
        return { why: 'unread', syntax: TOO_LARGE };
    for (const ref of SHARED_WORKFLOW_REFS) {
        const tried = testWithin(re, `${SHARED_WORKFLOW_IDENTITY}.github/workflows/ml-image.yml@${ref}`, TRY_MS);
        // One that backtracks for good here (RE2 runs it in linear time) may accept them: asked as unread.
        if (tried === undefined)
            return { why: 'unread', syntax: SLOW_PATTERN };
        if (tried)
            return { why: 'accepts' };
    }
    // Whether a pattern matches some identity of the shared workflow (any file, at any ref: a tag,
    // a commit, a branch named like anything) cannot be told by trying some: it is safe only when it
    // names an owner of its own at its start, which no identity of the shared workflow has.
    // A flag group ((?i)) changes no owner's letters here: the owner is compared in lower case.
    const body = withoutFlagGroups(literalQuotes(regexp));
    const owner = OWNER_PREFIX.exec(body)?.[1]?.replace(/\\/g, '').toLowerCase();
    const ownOwner = owner !== undefined && owner !== shared.split('/')[0];
    return ownOwner && !hasTopLevelAlternation(body) ? undefined : { why: 'open' };
}
/**
 * Whether an RE2 pattern has a `|` outside every group and class (`^https://github\.com/acme/|.*`:
 * its start names no owner for the other branch). Escapes, `\Q...\E` and classes are skipped.
 */
function hasTopLevelAlternation(pattern) {
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            if (pattern[i + 1] === 'Q') {
                const end = pattern.indexOf('\\E', i + 2);
                i = end === -1 ? pattern.length : end + 1;
            }
            else
                i++;
        }
        else if (c === '[')
            i = classEnd(pattern, i);
        else if (c === '(')
            depth++;
        else if (c === ')')
            depth = Math.max(0, depth - 1);
        else if (c === '|' && depth === 0)
            return true;
    }
    return false;
}
/** The index of the `]` that closes the class opened at START (`[]a]`, `[^]a]`, `[[:alpha:]]`). */
function classEnd(pattern, start) {
    let i = start + 1;
    if (pattern[i] === '^')
        i++;
    if (pattern[i] === ']')
        i++;
    for (; i < pattern.length; i++) {
        if (pattern[i] === '\\')
            i++;
        else if (pattern.startsWith('[:', i)) {
            const end = pattern.indexOf(':]', i + 2);
            if (end !== -1)
                i = end + 1;
        }
        else if (pattern[i] === ']')
            return i;
    }
    return pattern.length;
}
/**
 * Whether a certificate's SAN is the keyless identity: the exact one, or one its regexp matches
 * (as RE2 reads it, re2-js.ts; any SAN where that cannot be said). Only to pick the certificates
 * whose claims a failed check reports: cosign matched them itself.
 */
function identityMatcher(identity) {
    const { certificateIdentity: exact, certificateIdentityRegexp: regexp } = identity;
    if (exact !== undefined)
        return (san) => san === exact;
    const js = re2ToJs(regexp ?? '');
    if ('unread' in js)
        return () => true;
    const re = compiled(js);
    if (re === undefined)
        return () => true;
    // A SAN on which it backtracks for good (a certificate's text, the registry's) is one it may match.
    return (san) => testWithin(re, san, TRY_MS) ?? true;
}
/**
 * JS (a pattern in JavaScript's terms) compiled now, or undefined where JavaScript's engine cannot
 * hold it: tens of thousands of characters are "Regular expression too large", which V8 says at
 * the first match (an internal error, once), not at new RegExp. RE2 may hold it: unread, not bad input.
 */
function compiled(js) {
    try {
        const re = new RegExp(js.source, js.flags);
        re.test('');
        return re;
    }
    catch {
        return undefined;
    }
}
/** The "syntax" of an identity regexp too large for JavaScript's engine (verify-flags says it). */
const TOO_LARGE = "a pattern too large for JavaScript's regular expression engine";
/** How long one try of a keyless identity's regexp may take (RE2 answers in linear time). */
const TRY_MS = 250;
/** The "syntax" an identity regexp that backtracks for good is unread by (verify-flags says it). */
const SLOW_PATTERN = `a repetition (such as (.*)*) that JavaScript's backtracking engine did not finish trying within ${TRY_MS} ms`;


/***/ }),

/***/ 14424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GC: () => (/* binding */ explainRefusal),
/* harmony export */   HX: () => (/* binding */ refusedClaim),
/* harmony export */   al: () => (/* binding */ pinnedClaims),
/* harmony export */   gr: () => (/* binding */ WORKFLOW_CLAIMS)
/* harmony export */ });
/* unused harmony exports certificateExtensions, claimValues, unmetClaims, readCertificate */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
// The GitHub workflow claims of a keyless (Fulcio) certificate, as `cosign verify
// --certificate-github-workflow-*` compares them (pure). Fulcio writes a GitHub Actions run's OIDC
// claims into extensions of the certificate (sigstore/fulcio docs/oid-info.md):
// 1.3.6.1.4.1.57264.1.2 to .1.6 (trigger, sha, workflow name, repository, ref) as raw strings,
// deprecated but still written, and since .1.8 the provider-neutral ones as DER UTF8Strings (.1.12
// source repository URI, .1.13 its digest, .1.14 its ref, .1.20 build trigger). cosign 2.x
// (pkg/cosign/certextensions.go, validateCertExtensions) compares each flag with the raw .1.2-.1.6
// value exactly: an extension that is missing is an empty value, and fails. cosign decides; the
// certificates read here only explain its refusal, naming the flag and what the certificate holds.


const FULCIO = '1.3.6.1.4.1.57264.1';
/** The flags in cosign's order of checking them. */
const WORKFLOW_CLAIMS = [
    {
        flag: 'certificate-github-workflow-trigger',
        field: 'certificateGithubWorkflowTrigger',
        oid: `${FULCIO}.2`,
        name: 'GitHub Workflow Trigger',
        v2: { oid: `${FULCIO}.20`, name: 'Build Trigger' },
    },
    {
        flag: 'certificate-github-workflow-sha',
        field: 'certificateGithubWorkflowSha',
        oid: `${FULCIO}.3`,
        name: 'GitHub Workflow SHA',
        v2: { oid: `${FULCIO}.13`, name: 'Source Repository Digest' },
    },
    {
        flag: 'certificate-github-workflow-name',
        field: 'certificateGithubWorkflowName',
        oid: `${FULCIO}.4`,
        name: 'GitHub Workflow Name',
    },
    {
        flag: 'certificate-github-workflow-repository',
        field: 'certificateGithubWorkflowRepository',
        oid: `${FULCIO}.5`,
        name: 'GitHub Workflow Repository',
        v2: { oid: `${FULCIO}.12`, name: 'Source Repository URI' },
    },
    {
        flag: 'certificate-github-workflow-ref',
        field: 'certificateGithubWorkflowRef',
        oid: `${FULCIO}.6`,
        name: 'GitHub Workflow Ref',
        v2: { oid: `${FULCIO}.14`, name: 'Source Repository Ref' },
    },
];
/** The claims a keyless identity pins (those given), in cosign's order. */
const pinnedClaims = (pins) => WORKFLOW_CLAIMS.filter((c) => pins[c.field] !== undefined);
function element(der, at, limit) {
    if (at + 2 > limit)
        throw new Error('truncated DER');
    const tag = der[at];
    let len = der[at + 1];
    let start = at + 2;
    if (len & 0x80) {
        const n = len & 0x7f;
        if (n === 0 || n > 4 || start + n > limit)
            throw new Error('bad DER length');
        len = 0;
        for (let i = 0; i < n; i++)
            len = len * 256 + der[start + i];
        start += n;
    }
    if (start + len > limit)
        throw new Error('truncated DER');
    return { tag, start, end: start + len };
}
function children(der, parent) {
    const out = [];
    for (let at = parent.start; at < parent.end; at = out[out.length - 1].end)
        out.push(element(der, at, parent.end));
    return out;
}
function decodeOid(bytes) {
    const parts = [];
    let v = 0;
    for (const b of bytes) {
        v = v * 128 + (b & 0x7f);
        if (b & 0x80)
            continue;
        if (parts.length === 0)
            parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
        else
            parts.push(v);
        v = 0;
    }
    return parts.join('.');
}
/**
 * The extensions of a DER certificate, by OID: the bytes inside each extnValue OCTET STRING.
 * Throws on DER that is no certificate.
 */
function certificateExtensions(der) {
    const cert = element(der, 0, der.length);
    const tbs = children(der, cert)[0];
    if (cert.tag !== 0x30 || tbs?.tag !== 0x30)
        throw new Error('not a certificate');
    const out = new Map();
    const wrapper = children(der, tbs).find((e) => e.tag === 0xa3); // [3] EXPLICIT extensions
    if (!wrapper)
        return out;
    const list = children(der, wrapper)[0];
    for (const ext of list ? children(der, list) : []) {
        const parts = children(der, ext);
        const id = parts[0];
        const value = parts[parts.length - 1];
        if (id?.tag !== 0x06 || value?.tag !== 0x04 || parts.length < 2)
            continue;
        out.set(decodeOid(der.subarray(id.start, id.end)), der.subarray(value.start, value.end));
    }
    return out;
}
/** A DER UTF8String's text, or undefined when the bytes are not one (Fulcio's v2 values). */
function derUtf8(bytes) {
    try {
        const e = element(bytes, 0, bytes.length);
        return e.tag === 0x0c && e.end === bytes.length ? bytes.toString('utf8', e.start, e.end) : undefined;
    }
    catch {
        return undefined;
    }
}
/** A claim's values in a certificate's extensions (v1 read as cosign reads it: the bytes as text). */
function claimValues(extensions, claim) {
    const v1 = extensions.get(claim.oid);
    const v2 = claim.v2 && extensions.get(claim.v2.oid);
    const text = v2 && derUtf8(v2);
    return { ...(v1 !== undefined && { v1: v1.toString('utf8') }), ...(text !== undefined && { v2: text }) };
}
/** The pins a certificate's extensions do not hold, as cosign decides it (the raw value, exactly). */
function unmetClaims(extensions, pins) {
    return pinnedClaims(pins).filter((c) => claimValues(extensions, c).v1 !== pins[c.field]);
}
// --- explaining cosign's refusal -------------------------------------------------------------------
/** The claim cosign's message says was not found ("expected GitHub Workflow Ref not found in certificate"). */
function refusedClaim(detail) {
    const m = /expected (GitHub Workflow [A-Za-z]+) not found in certificate/.exec(detail);
    return m ? WORKFLOW_CLAIMS.find((c) => c.name === m[1]) : undefined;
}
/** The URI, email and DNS names of a SubjectAlternativeName extension's value (DER GeneralNames). */
function subjectAltNames(value) {
    if (!value)
        return [];
    const names = element(value, 0, value.length);
    // [1] rfc822Name, [2] dNSName, [6] uniformResourceIdentifier: IA5Strings, IMPLICIT.
    return children(value, names)
        .filter((e) => e.tag === 0x81 || e.tag === 0x82 || e.tag === 0x86)
        .map((e) => value.toString('latin1', e.start, e.end));
}
function readCertificate(pem) {
    try {
        const extensions = certificateExtensions(new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(pem).raw);
        return { sans: subjectAltNames(extensions.get('2.5.29.17')), extensions };
    }
    catch {
        return undefined;
    }
}
/** The most certificates of a tag read to explain a refusal, and distinct values shown per claim. */
const MAX_EXPLAINED_CERTIFICATES = 20;
const MAX_SHOWN_VALUES = 5;
/** The longest explanation: anyone who can push to the repository can fill the tag. */
const MAX_EXPLANATION = 1000;
/**
 * A value from a certificate, for a log line: JSON-quoted (C0 escaped), then C1, format (bidi
 * overrides such as U+202E) and line-separator characters escaped by printable(), and capped at 200
 * characters.
 */
const shown = (v) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(JSON.stringify(v.length > 200 ? `${v.slice(0, 200)}...` : v));
/** Up to MAX_SHOWN_VALUES values shown, then how many more. */
const shownList = (values) => values.length > MAX_SHOWN_VALUES
    ? `${values.slice(0, MAX_SHOWN_VALUES).map(shown).join(', ')} and ${values.length - MAX_SHOWN_VALUES} more`
    : values.map(shown).join(', ');
/** What CERTS (those that name the identity) hold of CLAIM, in words. */
function heldValues(certs, claim) {
    const values = certs.map((c) => claimValues(c.extensions, claim));
    const held = [...new Set(values.map((v) => v.v1).filter((v) => v !== undefined))];
    const none = values.some((v) => v.v1 === undefined);
    const where = `${claim.name}, ${claim.oid}`;
    const parts = [
        ...(held.length > 0 ? [`${shownList(held)} (${where})`] : []),
        ...(none ? [`no ${where} extension`] : []),
    ];
    const v2 = [...new Set(values.map((v) => v.v2).filter((v) => v !== undefined))];
    const newer = none && claim.v2 && v2.length > 0 ? `; its ${claim.v2.name} (${claim.v2.oid}) is ${shownList(v2)}` : '';
    // Read from the tag, not verified: a certificate cosign did not accept is anyone's to plant.
    const who = certs.length === 1
        ? 'the certificate on the tag (not verified) holds'
        : `the ${certs.length} certificates on the tag (not verified) hold`;
    return `${who} ${parts.join(', and ')}${newer}`;
}
/**
 * cosign's refusal of a pinned claim (DETAIL, its message) in words: the flag, the value it asks
 * for, and what the certificates hold - those of PEMS (the tag's, read by the caller; undefined
 * when they could not be read) that NAMES accepts (the identity), else all of them. Undefined when
 * cosign refused something else.
 */
function explainRefusal(detail, pins, names, pems, flag) {
    const claim = refusedClaim(detail);
    const expected = claim && pins[claim.field];
    if (!claim || expected === undefined)
        return undefined;
    const asked = `${flag(claim.flag)} ${shown(expected)}`;
    const certs = (pems ?? [])
        .slice(0, MAX_EXPLAINED_CERTIFICATES)
        .map(readCertificate)
        .filter((c) => c !== undefined);
    if (certs.length === 0)
        return `${asked}: the certificate holds another ${claim.name} (${claim.oid}) or none`;
    const named = certs.filter((c) => c.sans.some(names));
    const said = `${asked}: ${heldValues(named.length > 0 ? named : certs, claim)}`;
    return said.length > MAX_EXPLANATION ? `${said.slice(0, MAX_EXPLANATION)}...` : said;
}


/***/ }),

/***/ 36868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oz: () => (/* binding */ specAttrs),
/* harmony export */   qZ: () => (/* binding */ csvFields),
/* harmony export */   vH: () => (/* binding */ parseBpaList)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
// docker/build-push-action's list inputs as actions-toolkit reads them (Util.getInputList: one item
// a line, each line CSV). Config reads `build-args` with it (config/inputs.ts), the build stage its
// own BPA inputs (build/action-inputs.ts): it is about reading action inputs, so it lives in config,
// which every stage may import, and it imports only the error classes.

/**
 * The records of a CSV text as csv-parse reads them (columns: false, relaxQuotes): records end at a
 * line break outside quotes, fields at a comma; a field that starts with `"` runs to the closing
 * quote (line breaks and commas included, `""` is a quote); a quote anywhere else is a plain
 * character. A line break is the first one outside quotes, `\r\n`, `\n` or `\r`, and only that one
 * after it (csv-parse discovers its record delimiter so): in `A=1\r\nB=2\nC=3` the `\n` is part of
 * the item `B=2\nC=3`, as docker/build-push-action reads it. A closing quote followed by anything
 * but a comma, that line break or the end does not end the quoting as CSV would (relaxQuotes): the
 * field is kept as written, its quotes too (`"a=1"x` is `"a=1"x`; the only change is `""` read as
 * `"` before that quote). A quote never closed is `unclosed` (csv-parse throws "Quote Not Closed");
 * the rest of the text is then its field. Empty lines are skipped. With QUOTE false (csv-parse's
 * `quote: false`) a `"` is a plain character.
 */
function csvRecords(text, quote = true) {
    const records = [];
    let record = [];
    let field = '';
    let unclosed;
    let eol;
    /** The length of the record delimiter at J (0: none there); the first break outside quotes sets it. */
    const breakAt = (j) => {
        if (eol === undefined) {
            if (text[j] !== '\n' && text[j] !== '\r')
                return 0;
            eol = text.startsWith('\r\n', j) ? '\r\n' : text[j];
        }
        return text.startsWith(eol, j) ? eol.length : 0;
    };
    const endRecord = () => {
        record.push(field);
        if (!(record.length === 1 && record[0] === ''))
            records.push(record);
        record = [];
        field = '';
    };
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (quote && c === '"' && field === '') {
            let j = i + 1;
            let quoted = '';
            for (; j < text.length; j++) {
                if (text[j] !== '"')
                    quoted += text[j];
                else if (text[j + 1] === '"') {
                    quoted += '"';
                    j++;
                }
                else
                    break;
            }
            // The line it opens on, as the user counts lines (any break).
            if (j >= text.length)
                unclosed ??= { line: 1 + (text.slice(0, i).match(/\r\n|\r|\n/g) ?? []).length };
            // Closed before a comma, the line break or the end: a CSV field. Else kept as written.
            const next = j + 1;
            field = next >= text.length || text[next] === ',' || breakAt(next) > 0 ? quoted : `"${quoted}"`;
            i = next;
            continue;
        }
        const eolLength = breakAt(i);
        if (eolLength > 0) {
            endRecord();
            i += eolLength;
            continue;
        }
        if (c === ',') {
            record.push(field);
            field = '';
        }
        else
            field += c;
        i++;
    }
    endRecord();
    return { records, ...(unclosed && { unclosed }) };
}
/** The fields of one CSV line (a buildx `--output` spec), as csvRecords reads them. */
function csvFields(line) {
    return csvRecords(line).records[0] ?? [''];
}
/**
 * A buildx `KEY=VALUE,...` spec (`--output`, `--cache-from`, `--cache-to`) read as buildx reads it
 * (buildflags: one line of CSV fields, tonistiigi/go-csvvalue): each key lowercased, the value
 * after its first `=` as written, the last value of a key winning. Keys are trimmed too, as buildx
 * trims output keys (a cache key with spaces around it is no key to buildx, so a cache spec is read
 * more strictly here, never less). `problem` says why buildx could read the spec otherwise than
 * this, and the caller refuses it: a key given twice (a check of the first value would pass what
 * buildx replaces with the last), or a line break (go-csvvalue reads it as a plain character, the
 * CSV reader here as the end of the spec).
 */
function specAttrs(spec) {
    const attrs = new Map();
    if (/[\r\n]/.test(spec))
        return { attrs, problem: 'holds a line break (buildx reads one line)' };
    for (const field of csvFields(spec)) {
        const at = field.indexOf('=');
        const key = (at < 0 ? field : field.slice(0, at)).trim().toLowerCase();
        if (attrs.has(key))
            return { attrs, problem: `gives ${key} twice (buildx would take the last)` };
        attrs.set(key, at < 0 ? '' : field.slice(at + 1));
    }
    return { attrs };
}
/**
 * BPA's list inputs (actions-toolkit Util.getInputList): the input is CSV, one record a line, and a
 * quoted field may span lines (`"KEY=line1\nline2"`, its quotes removed). With ignoreComma (labels,
 * annotations, build-args, secrets, cache specs) a record's fields are joined back with commas;
 * without it (tags, platforms, secret-envs) each field is an item. Blank items (spaces only too) are dropped, items
 * trimmed unless `trim` is false (secrets keep their whitespace, as BPA's). A quote never closed is
 * refused, as csv-parse refuses it, naming INPUT and the line the quote opens on, never the text
 * (a secret's): read on, it would swallow every later line into that one item.
 */
function parseBpaList(raw, opts) {
    const text = opts.trim === false ? raw : raw.trim();
    if (text === '')
        return [];
    // quote: false (BPA's `outputs`): quotes kept for buildx's own CSV parsing.
    const { records, unclosed } = csvRecords(text, opts.quote !== false);
    if (unclosed) {
        // Lines of the input as given: the blank lines trimmed off its start count.
        const skipped = raw.slice(0, raw.length - raw.trimStart().length);
        const line = unclosed.line + (opts.trim === false ? 0 : (skipped.match(/\r\n|\r|\n/g) ?? []).length);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "${opts.input ?? 'list'}": the item on line ${line} opens a quote (") that is never closed, so every line after it would be read as part of that item`, 'close the quote after the last line of the item ("ID=line1<newline>line2"), and write a " inside a quoted value as "" (as docker/build-push-action reads it, csv-parse: "Quote Not Closed")');
    }
    const out = [];
    for (const record of records) {
        if (record.length === 1)
            out.push(...(opts.ignoreComma ? record : record[0].split(',')));
        else if (!opts.ignoreComma)
            out.push(...record);
        else
            out.push(record.join(','));
    }
    // A line of spaces is blank with trim false too: build-push-action warns that it is no secret and
    // builds on (actions-toolkit keeps it, then parseSecretKvp fails), so it is no item here.
    return out.map((s) => (opts.trim === false ? s : s.trim())).filter((s) => s.trim() !== '');
}


/***/ }),

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

/***/ 64389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R8: () => (/* binding */ parseInputValue),
/* harmony export */   S8: () => (/* binding */ parseBooleanInput),
/* harmony export */   p$: () => (/* binding */ overridesFromInputs)
/* harmony export */ });
/* unused harmony exports CONFIG_INPUTS, BUILD_INPUTS, OTHER_INPUTS, splitList */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _bpa_list_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36868);
/* harmony import */ var _provenance_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67023);
/* harmony import */ var _smoke_schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1055);
/* harmony import */ var _user_map_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4148);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49997);
// Action inputs that complete or override ml-image.yml. One table: main.ts reads inputs through it,
// and a test checks that action.yml declares exactly these inputs (plus the non-config ones).






const CONFIG_INPUTS = [
    { input: 'image', path: ['image', 'name'], kind: 'string' },
    { input: 'registry', path: ['image', 'registry'], kind: 'string' },
    { input: 'version', path: ['image', 'version'], kind: 'string' },
    { input: 'context', path: ['build', 'context'], kind: 'string' },
    { input: 'dockerfile', path: ['build', 'dockerfile'], kind: 'string' },
    { input: 'template', path: ['build', 'template'], kind: 'string' },
    { input: 'variants', path: ['variants'], kind: 'list' },
    { input: 'platforms', path: ['platforms'], kind: 'bpa-list' },
    { input: 'requirements', path: ['python', 'requirements'], kind: 'list' },
    { input: 'resolve-mode', path: ['resolve', 'mode'], kind: 'string' },
    { input: 'smoke-suites', path: ['smoke', 'suites'], kind: 'list' },
    { input: 'require-gpu', path: ['smoke', 'requireGpu'], kind: 'boolean' },
    { input: 'gpu-runner-labels', path: ['smoke', 'gpuRunnerLabels'], kind: 'json-list' },
    { input: 'comment', path: ['report', 'comment'], kind: 'boolean' },
    { input: 'marker-key', path: ['report', 'markerKey'], kind: 'string' },
    { input: 'attest', path: ['attest', 'types'], kind: 'list' },
    { input: 'sign', path: ['attest', 'sign'], kind: 'string' },
    // docker/build-push-action's names and forms for the config keys they share.
    { input: 'build-args', path: ['build', 'args'], kind: 'kv-list' },
    { input: 'pull', path: ['build', 'pull'], kind: 'boolean' },
    { input: 'provenance', path: ['build', 'provenance'], kind: 'provenance' },
    { input: 'network', path: ['build', 'network'], kind: 'string' },
];
/**
 * docker/build-push-action's inputs without a config key: src/build/action-inputs.ts reads them into
 * the build's options (action.yml declares each).
 */
const BUILD_INPUTS = [
    'tags',
    'labels',
    'annotations',
    'secrets',
    'secret-envs',
    'cache-from',
    'cache-to',
    'target',
    'builder',
    'no-cache',
    'sbom',
    'load',
    'secret-files',
    'ssh',
    'build-contexts',
    'outputs',
    'attests',
    'add-hosts',
    'shm-size',
    'ulimit',
    'allow',
    'cgroup-parent',
    'no-cache-filters',
    'call',
];
/** Inputs of the action that are not config overrides. */
const OTHER_INPUTS = [
    'config',
    'stages',
    'build',
    'push',
    'merge',
    'merge-from',
    'gpus',
    'comment-mode',
    'from-artifact',
    'baseline',
    'result-dir',
    'keep-images',
    'github-token',
    'comment-author',
    // docker/build-push-action's inputs without a config key (read by src/build/action-inputs.ts).
    ...BUILD_INPUTS,
];
/** "a, b\nc" -> ["a", "b", "c"] (commas or newlines, blanks dropped). */
function splitList(raw) {
    return raw
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
/**
 * A list input that is not blank yet names nothing (", ," from unset variables): refused, as the
 * stages input is. Read as [] it replaced the config's list: no requirements installed, no smoke
 * suite run (the smoke gate passed on nothing), no attestation.
 */
function nonEmptyList(input, raw, items = splitList(raw)) {
    if (items.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "${input}": ${JSON.stringify(raw)} names nothing`, `give at least one, comma- or newline-separated, or leave ${input} empty to keep the config's`);
    return items;
}
/** BPA's `build-args`: KEY=VALUE a line (a line is CSV: quote a value that holds a comma). */
function parseKvList(spec, raw) {
    const out = {};
    for (const [i, item] of (0,_bpa_list_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBpaList */ .vH)(raw, { input: spec.input, ignoreComma: true }).entries()) {
        const at = item.indexOf('=');
        if (at <= 0) {
            // Never the line itself: its value may be a secret. Its name, when it is written as YAML's
            // `NAME: value` (an env: block pasted).
            const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(item)?.[1];
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "${spec.input}": item ${i + 1} is no KEY=VALUE line${name !== undefined ? ` (${name}: ..., written as YAML)` : ''}`, name !== undefined
                ? `write ${name}=VALUE`
                : 'write one KEY=VALUE a line; a bare NAME, which build-push-action leaves to buildx to read from the environment, is written NAME=${{ env.NAME }} here, so that its value is checked for credentials');
        }
        const key = item.slice(0, at).trim();
        // Assigning it would set the object's prototype: the line would vanish without a word.
        if (key === _user_map_js__WEBPACK_IMPORTED_MODULE_5__/* .RESERVED_MAP_KEY */ .At)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "${spec.input}": ${_user_map_js__WEBPACK_IMPORTED_MODULE_5__/* .RESERVED_MAP_KEY_PROBLEM */ .ER}`);
        out[key] = item.slice(at + 1);
    }
    return out;
}
/**
 * A boolean input as the action and build-push-action's inputs read it: true/yes/1/on or
 * false/no/0/off, any case, around spaces; anything else (blank included) is bad input naming INPUT.
 */
function parseBooleanInput(input, raw) {
    const v = raw.trim().toLowerCase();
    if (['true', 'yes', '1', 'on'].includes(v))
        return true;
    if (['false', 'no', '0', 'off'].includes(v))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "${input}": expected true or false, got ${JSON.stringify(raw)}`);
}
function parseInputValue(spec, raw) {
    switch (spec.kind) {
        case 'kv-list':
            return parseKvList(spec, raw);
        case 'provenance':
            return (0,_provenance_js__WEBPACK_IMPORTED_MODULE_2__/* .parseProvenanceInput */ .xW)(spec.input, raw);
        case 'string':
            return raw.trim();
        case 'list':
            return nonEmptyList(spec.input, raw);
        case 'bpa-list':
            return nonEmptyList(spec.input, raw, (0,_bpa_list_js__WEBPACK_IMPORTED_MODULE_1__/* .parseBpaList */ .vH)(raw, { input: spec.input, ignoreComma: false }));
        case 'boolean':
            return parseBooleanInput(spec.input, raw);
        case 'json-list':
            return parseLabelList(spec.input, raw);
    }
}
const LABELS_FIX = 'give a JSON list of strings like ["self-hosted","gpu"], or a comma list: self-hosted, gpu';
/**
 * `gpu-runner-labels`: a JSON list (a value starting with "[") or a comma list of runner labels,
 * each a string that can match a runner's label. An object ("{...}") is no list: refused, not
 * read as the one label "{...}". Its items are checked here, in the input's terms: the schema's
 * words are the config file's (a YAML hint on an input that is no YAML).
 */
function parseLabelList(input, raw) {
    const t = raw.trim();
    if (t.startsWith('{'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "${input}": ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(JSON.stringify(t.slice(0, 200)))} is an object; runner labels are a list`, LABELS_FIX);
    let items;
    try {
        items = t.startsWith('[') ? JSON.parse(t) : splitList(t);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "${input}": expected a JSON list like ["self-hosted","gpu"] or a comma list, got ${JSON.stringify(raw)} (${e.message})`, LABELS_FIX);
    }
    if (!Array.isArray(items))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "${input}": expected a list of runner labels, got ${JSON.stringify(t)}`, LABELS_FIX);
    items.forEach((item, i) => {
        if (typeof item !== 'string')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "${input}": item ${i + 1} is ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g$)(JSON.stringify(item) ?? String(item))}, not a string: a runner label is text`, `write it as a JSON string (in double quotes), as the runner shows the label: ${LABELS_FIX}`);
        const problem = (0,_smoke_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .runnerLabelProblem */ .Sh)(item);
        if (problem !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "${input}": item ${i + 1}: ${problem}`, 'remove it, or give the label as the runner shows it');
    });
    return items;
}
/**
 * docker/build-push-action's `file` (its Dockerfile) is `dockerfile` here. action.yml declares no
 * `file`, so the runner only warns "Unexpected input(s) 'file'" and still exports it (INPUT_FILE):
 * unread, the template's Dockerfile would be built and pushed under the user's tags instead.
 */
function refuseBpaFileInput(env) {
    const file = env.INPUT_FILE?.trim() ?? '';
    if (file === '')
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`input "file" (${JSON.stringify(file)}): the file input is build-push-action's: use dockerfile: PATH`, `rename it: dockerfile: ${file} (your own Dockerfile, relative to the config file, or to the workspace when the inputs carry the config; exclusive with template)`);
}
/**
 * Overrides for every non-empty input. `get` reads one input ('' when unset), e.g. core.getInput;
 * ENV is the step's environment, where the runner puts an input action.yml does not declare too
 * (build-push-action's `file` is refused there).
 */
function overridesFromInputs(get, env = {}) {
    refuseBpaFileInput(env);
    const out = [];
    for (const spec of CONFIG_INPUTS) {
        const raw = get(spec.input);
        if (raw.trim() === '')
            continue;
        out.push({ path: spec.path, value: parseInputValue(spec, raw), source: `input "${spec.input}"` });
    }
    return out;
}


/***/ }),

/***/ 7589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dj: () => (/* binding */ createOciClient),
/* harmony export */   QA: () => (/* reexport safe */ _oci_types_js__WEBPACK_IMPORTED_MODULE_5__.QA),
/* harmony export */   ap: () => (/* reexport safe */ _oci_types_js__WEBPACK_IMPORTED_MODULE_5__.ap),
/* harmony export */   sI: () => (/* reexport safe */ _oci_types_js__WEBPACK_IMPORTED_MODULE_5__.sI)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _util_abort_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42334);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38201);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76873);
/* harmony import */ var _oci_types_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2329);
/* harmony import */ var _registry_auth_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8516);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(98925);
// A small OCI distribution client: read and write manifests and blobs of one registry over HTTP,
// with the credentials docker would use (Docker's config: credHelpers, credsStore, auths) and the
// distribution token flow (Bearer realm/service/scope, or Basic). The native signer pushes cosign's
// `.sig`/`.att` images with it: one keep-alive connection instead of a cosign process per call.
// Plain HTTP only for loopback registries, as dockerd and buildx allow. Every failure is an
// EnvironmentError (exit 3) that names the registry and the request, never a credential.









/** A connection opened ahead of use (warm) that takes longer is left to the request that needs it. */
const WARM_TIMEOUT_MS = 5_000;
/** Answers a registry gives while it is briefly unwell (or busy): the request is tried again. */
const PASSING = new Set([429, 500, 502, 503, 504]);
/** Attempts of one request that may be repeated (GET, HEAD, a manifest PUT), the first included. */
const OCI_ATTEMPTS = 3;
const registryError = (status, body) => (0,_registry_auth_js__WEBPACK_IMPORTED_MODULE_6__/* .registryErrorText */ .vC)(status, body.toString('utf8'));
/** A client of one registry host; createOciClient makes one. */
class RegistryClient {
    host;
    deps;
    base;
    timeoutMs;
    sleep;
    credential;
    pair;
    /** Authorization per "repository:actions" scope, once the registry asked for it. */
    auth = new Map();
    constructor(host, deps) {
        this.host = host;
        this.deps = deps;
        this.base = (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .registryApiBase */ .vO)(host);
        this.timeoutMs = deps.timeoutMs ?? 30_000;
        this.sleep = deps.sleep ?? ((ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(ms, undefined, { signal: (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .untilInterrupted */ .tv)(deps.signal) }));
    }
    login() {
        this.credential ??= this.deps.credential();
        // No pair (no login, or a helper without one for this host): anonymous, as docker goes on.
        // A credential helper that hangs is stopped at the caller's deadline, not 30 s later.
        this.pair ??= this.credential.get ? this.credential.get(this.deps.signal) : Promise.resolve(undefined);
        return this.pair;
    }
    /** A request, ended by its timeout, the deadline or SIGINT/SIGTERM (a CANCEL: not that, but short). */
    async send(url, method, headers, body, resendable = false, { cancel = false, maxBytes } = {}) {
        let r;
        const { signal: deadline } = this.deps;
        deadline?.throwIfAborted();
        const what = `${method} ${url.split('?')[0]}`;
        if (!cancel)
            (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .throwIfInterrupted */ .sK)(`registry ${this.host}: ${what}`);
        const own = AbortSignal.timeout(cancel && (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .isInterrupted */ .fT)() ? _util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .INTERRUPTED_CANCEL_MS */ .Hl : this.timeoutMs);
        const mine = deadline ? (0,_util_abort_js__WEBPACK_IMPORTED_MODULE_2__/* .anySignal */ .J)([own, deadline]) : own;
        try {
            r = await this.deps.fetch(url, {
                method,
                headers,
                ...(body !== undefined && { body }),
                ...(resendable && { resendable }),
                ...(maxBytes !== undefined && { maxBytes }),
                signal: cancel ? mine : (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .untilInterrupted */ .tv)(mine),
            });
        }
        catch (e) {
            // SIGINT/SIGTERM/SIGHUP stopped it: the interrupt's error, not an unreachable registry.
            const stopped = !cancel && (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .interruptedFailure */ .rn)(`registry ${this.host}: ${what}`, 'aborted', e);
            if (stopped)
                throw stopped;
            // The caller's deadline passed (a verify's: it names what it waited for).
            if (deadline?.aborted)
                throw (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .registryUnreachable */ .qC)(this.host, what, e, { why: "the caller's deadline passed" });
            const inner = e.cause;
            const most = maxBytes === undefined ? "cosign's images ever hold" : 'its descriptor declares';
            if (inner?.code === _oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .ANSWER_TOO_LARGE */ .QA)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host}: ${what} answered more than ${most} (${inner.message})`, 'check the registry and any proxy in between: this is not a signature or an attestation', { cause: e });
            if (e.name === 'TimeoutError')
                throw (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .registryUnreachable */ .qC)(this.host, what, e, {
                    why: `no answer within ${Math.round(this.timeoutMs / 1000)}s`,
                });
            // registryUnreachable names NODE_EXTRA_CA_CERTS for a certificate Node refused.
            throw (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .registryUnreachable */ .qC)(this.host, what, e);
        }
        return { status: r.status, headers: r.headers, body: Buffer.from(await r.arrayBuffer()), url: r.url };
    }
    /** A refused login or request; SCOPE says whether reading was enough (verify) or it writes. */
    denied(detail, scope) {
        const access = scope.endsWith(':pull') ? 'read' : 'write';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${detail}`, (0,_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .registryLoginFix */ .ow)(this.host, access));
    }
    /** Answer a 401 challenge: a Bearer token for the scope, or Basic with the stored login. */
    async authorize(challenge, scope) {
        const { scheme, params } = (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .parseChallenge */ .xy)(challenge);
        const creds = await this.login();
        const who = this.credential?.describe ?? 'no credential';
        if (creds?.username === '<token>')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host}: the login is an identity token (${who}), which needs docker's refresh-token grant`, 'sign and verify with the cosign binary: ML_IMAGE_SIGNER=cosign');
        if (scheme === 'basic') {
            if (!creds)
                throw this.denied(`${this.host} asks for a login and there is none (${who})`, scope);
            return (0,_registry_auth_js__WEBPACK_IMPORTED_MODULE_6__/* .basicAuth */ .tB)(creds);
        }
        if (scheme !== 'bearer' || !params.realm)
            throw this.denied(`${this.host} asks for an authentication scheme docker does not use (${scheme || 'none'})`, scope);
        const url = (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .tokenRequestUrl */ .WC)(params, scope);
        if (!(0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .tokenServiceAllowed */ .hr)(url, this.base))
            throw this.denied(`${this.host} names a token service over plain HTTP (${url.origin}): refused`, scope);
        const t = await this.again(true, () => this.send(url.toString(), 'GET', creds ? { Authorization: (0,_registry_auth_js__WEBPACK_IMPORTED_MODULE_6__/* .basicAuth */ .tB)(creds) } : {}, undefined, true));
        if (t.status !== 200)
            throw this.denied(`${this.host} refused a token for ${scope} (${registryError(t.status, t.body)}; ${who})`, scope);
        const parsed = (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .parseJson */ .qF)(t.body);
        if (parsed === undefined)
            throw this.denied(`${this.host}'s token service answered without JSON`, scope);
        const token = (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .tokenOf */ .B9)(parsed);
        if (!token)
            throw this.denied(`${this.host} answered the token request for ${scope} without a token`, scope);
        return `Bearer ${token}`;
    }
    /** One request in a repository's scope; a 401 is answered once with the scope's authorization. */
    async call(repository, write, method, path, headers = {}, body, how = {}) {
        const scope = `repository:${repository}:${write ? 'pull,push' : 'pull'}`;
        const url = path.startsWith('http') ? path : `${this.base}${path}`;
        // Credentials go to the registry's own origin only (an upload Location may name another host).
        const target = (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .requestTarget */ .t5)(new URL(url), this.base);
        const own = target === 'own';
        if (target === 'refused')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host} sent ${method} to plain HTTP (${new URL(url).origin}): refused`, 'check the registry and any proxy in between: an HTTPS registry must not move uploads to HTTP');
        // Repeatable: reads, and a manifest PUT (same bytes, same tag); an upload's POST or PUT is not.
        const repeatable = method === 'GET' ||
            method === 'HEAD' ||
            (method === 'PUT' && path.startsWith(`/v2/${repository}/manifests/`));
        // Sent again on a new connection when a kept-alive one was closed before any answer: what is
        // repeatable, and opening or cancelling an upload (a new upload session; one that is gone).
        const resendable = repeatable ||
            method === 'DELETE' ||
            (method === 'POST' && path.startsWith(`/v2/${repository}/blobs/uploads/`));
        if (!own)
            return this.again(repeatable, () => this.send(url, method, headers, body, resendable, how));
        const withAuth = (a) => this.again(repeatable, () => this.send(url, method, { ...headers, ...(a !== undefined && { Authorization: a }) }, body, resendable, how));
        const known = this.auth.get(scope);
        let r = await withAuth(known ? await known : undefined);
        // A challenge from another origin (where a redirect led) is not the registry's: no login there.
        if (r.status === 401 && r.url && (0,_registry_js__WEBPACK_IMPORTED_MODULE_7__/* .requestTarget */ .t5)(new URL(r.url), this.base) !== 'own')
            throw (0,_failures_js__WEBPACK_IMPORTED_MODULE_4__/* .redirectLoginRefused */ .C1)(this.host, `${method} ${path.split('?')[0]}`, r.url);
        if (r.status === 401) {
            // Requests sent at once all meet the challenge: the first to answer it asks for the token,
            // the others wait for that one (one token request per scope, not one per request).
            const since = this.auth.get(scope);
            const next = since !== undefined && since !== known
                ? since
                : this.authorize(r.headers.get('www-authenticate') ?? '', scope);
            if (next !== since) {
                this.auth.set(scope, next);
                next.catch(() => {
                    if (this.auth.get(scope) === next)
                        this.auth.delete(scope);
                });
            }
            r = await withAuth(await next);
            if (r.status === 401)
                throw this.denied(`${this.host} refused ${this.credential?.kind === 'none' ? 'anonymous access' : 'the credentials'} for ${scope} (HTTP 401; ${this.credential?.describe ?? 'no credential'})`, scope);
        }
        if (r.status === 403)
            throw this.denied(`${this.host} refused ${method} ${path.split('?')[0]} (HTTP 403)`, scope);
        return r;
    }
    /**
     * A registry's passing 5xx or 429 on a REPEATABLE request is tried again (an upload's POST or
     * PUT is not: the upload is spent).
     */
    async again(repeatable, send) {
        for (let attempt = 1;; attempt++) {
            const r = await send();
            if (!repeatable || !PASSING.has(r.status) || attempt >= OCI_ATTEMPTS)
                return r;
            await this.sleep((0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .ociRetryWaitMs */ .xy)(attempt, r.headers.get('retry-after'))).catch((e) => {
                throw (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .interruptedFailure */ .rn)(`registry ${this.host}: a wait to try again`, undefined, e) ?? e;
            });
            this.deps.signal?.throwIfAborted();
        }
    }
    /**
     * A request the registry answered with STATUS: passing (5xx, 429), else refused; the fix for a
     * refusal is READ's (a GET of a manifest or a blob) or the push's.
     */
    fail(what, r, read) {
        return new _oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .RegistryAnswerError */ .ap(r.status, `registry ${this.host}: ${what} failed (${registryError(r.status, r.body)})`, PASSING.has(r.status)
            ? 'the registry is failing for now (reads and manifests were tried again): check its status, then run again'
            : read === 'blob'
                ? 'the registry lists a blob it cannot serve: check the registry (its storage) and any proxy in between'
                : read === 'manifest'
                    ? 'the registry refused to read a manifest: check the registry host name and any proxy in between'
                    : 'check that the registry accepts OCI image manifests, and that the repository exists or may be created');
    }
    async warm(sockets) {
        const ping = () => this.deps
            .fetch(`${this.base}/v2/`, {
            method: 'GET',
            headers: {},
            signal: (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .untilInterrupted */ .tv)(AbortSignal.timeout(WARM_TIMEOUT_MS)),
        })
            .then((r) => r.arrayBuffer())
            .catch(() => undefined);
        await Promise.all(Array.from({ length: sockets }, ping));
    }
    async manifest(repository, reference, accept) {
        const r = await this.call(repository, false, 'GET', `/v2/${repository}/manifests/${reference}`, {
            Accept: accept.join(', '),
        });
        if (r.status === 404)
            return undefined;
        if (r.status !== 200)
            throw this.fail(`reading the manifest ${repository}:${reference}`, r, 'manifest');
        const digest = (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Digest */ .sI)(r.body);
        // By digest, the bytes must be that digest: a registry or proxy cannot answer with another image.
        if (reference.startsWith('sha256:') && digest !== reference)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host}: the manifest ${repository}@${reference} came back with other content (${digest})`, 'check the registry or any proxy in between: it changed a manifest');
        const parsed = (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .parseJson */ .qF)(r.body);
        if (parsed === undefined || typeof parsed !== 'object' || parsed === null)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host}: the manifest ${repository}:${reference} is not JSON (${r.headers.get('content-type') ?? 'no content type'})`, 'check the registry host name and any proxy in between: something else answered');
        const mediaType = (typeof parsed.mediaType === 'string' ? parsed.mediaType : undefined) ??
            r.headers.get('content-type') ??
            '';
        return { mediaType, digest, bytes: r.body };
    }
    async hasRepository(repository) {
        const r = await this.call(repository, false, 'GET', `/v2/${repository}/tags/list?n=1`);
        if (r.status === 200)
            return true;
        return r.status === 404 && (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .registryErrorCode */ .VS)(r.body) === 'NAME_UNKNOWN' ? false : undefined;
    }
    async blob(repository, digest, maxBytes) {
        const path = `/v2/${repository}/blobs/${digest}`;
        const r = await this.call(repository, false, 'GET', path, {}, undefined, { maxBytes });
        if (r.status !== 200)
            throw this.fail(`reading the blob ${repository}@${digest}`, r, 'blob');
        if ((0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Digest */ .sI)(r.body) !== digest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`registry ${this.host}: the blob ${repository}@${digest} came back with other content`, 'check the registry or any proxy in between: it changed a blob');
        return r.body;
    }
    async startUpload(repository, mount) {
        if (mount !== undefined) {
            const from = `?mount=${encodeURIComponent(mount)}&from=${encodeURIComponent(repository)}`;
            const r = await this.call(repository, true, 'POST', `/v2/${repository}/blobs/uploads/${from}`);
            // Linked: the registry says so for this very digest (a 201 naming another is not believed).
            if (r.status === 201 && (r.headers.get('docker-content-digest') ?? mount) === mount)
                return undefined;
            const location = r.headers.get('location');
            if (r.status === 202 && location)
                return new URL(location, `${this.base}/`).toString();
            // Anything else (a registry that refuses the query itself, or says odd things): a plain upload.
        }
        return this.openUpload(repository);
    }
    async openUpload(repository) {
        const start = await this.call(repository, true, 'POST', `/v2/${repository}/blobs/uploads/`);
        const location = start.headers.get('location');
        if (start.status !== 202 || !location)
            throw this.fail(`starting an upload to ${repository}`, start);
        return new URL(location, `${this.base}/`).toString();
    }
    async finishUpload(repository, upload, data) {
        const digest = (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Digest */ .sI)(data);
        const url = new URL(upload);
        url.searchParams.set('digest', digest);
        const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(data.length) };
        const put = await this.call(repository, true, 'PUT', url.toString(), headers, data);
        if (put.status !== 201)
            throw this.fail(`uploading ${digest} to ${repository}`, put);
        return digest;
    }
    async cancelUpload(repository, upload) {
        const r = await this.call(repository, true, 'DELETE', upload, {}, undefined, { cancel: true });
        // 404: the registry has dropped it already.
        if (r.status !== 204 && r.status !== 404)
            throw this.fail(`cancelling an upload to ${repository}`, r);
    }
    async putManifest(repository, tag, mediaType, bytes) {
        const path = `/v2/${repository}/manifests/${tag}`;
        const r = await this.call(repository, true, 'PUT', path, { 'Content-Type': mediaType }, bytes);
        if (r.status !== 201)
            throw this.fail(`pushing the manifest ${repository}:${tag}`, r);
        return (0,_oci_types_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256Digest */ .sI)(bytes);
    }
}
function createOciClient(host, deps) {
    return new RegistryClient(host, deps);
}


/***/ }),

/***/ 8516:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L4: () => (/* binding */ findCredential),
/* harmony export */   Q1: () => (/* binding */ dockerConfigPath),
/* harmony export */   tB: () => (/* binding */ basicAuth),
/* harmony export */   vC: () => (/* binding */ registryErrorText)
/* harmony export */ });
/* unused harmony exports parseRegistryTarget, checkPush */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76873);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38201);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(20317);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17700);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(98925);
// Which credential a push to a registry would use (Docker's config: credHelpers, credsStore, auths),
// and whether it may push: the distribution API's token flow (Bearer realm/service/scope, or Basic),
// then an upload is started and cancelled (POST /v2/<name>/blobs/uploads/, DELETE its Location),
// which writes nothing. No secret is ever part of a message; side effects come in as functions.








/** HOST or HOST/REPOSITORY (e.g. ghcr.io, localhost:5000/team/model). */
function parseRegistryTarget(raw) {
    const value = raw.trim().replace(/^https?:\/\//, '');
    const [host, ...rest] = value.split('/');
    const repository = rest.join('/');
    const port = host === undefined ? undefined : /:(\d+)$/.exec(host)?.[1];
    if (!host ||
        !/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:]+\](:\d+)?$/.test(host) ||
        (port !== undefined && (Number(port) < 1 || Number(port) > 65535)))
        throw new InputError(`doctor: --registry: expected HOST[:PORT] or HOST/REPOSITORY (e.g. ghcr.io/acme/model, localhost:5000), got ${JSON.stringify(raw.slice(0, 200))}`);
    if (rest.length > 0 &&
        !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repository))
        throw new InputError(`doctor: --registry: ${JSON.stringify(repository.slice(0, 200))} is not a repository name (lower case, e.g. acme/model)`);
    return { host, ...(repository !== '' && { repository }) };
}
/** The keys Docker's config may use for a host ("ghcr.io", "https://ghcr.io", Hub's v1 URL). */
function configKeys(host) {
    if (_oci_ref_js__WEBPACK_IMPORTED_MODULE_5__/* .DOCKER_HUB */ .Xb.has(host))
        return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
    return [host, `https://${host}`, `http://${host}`];
}
/**
 * What in a parsed config.json is not of the shape Docker writes (the field, not its value); else
 * undefined. A null field is an absent one, as Go's decoder reads it: Docker Desktop writes
 * `"auths": null` beside its credsStore.
 */
function dockerConfigProblem(config) {
    if (!(0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(config))
        return 'holds no JSON object';
    const { auths, credHelpers, credsStore } = config;
    if (auths != null) {
        if (!(0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(auths))
            return '"auths" is no object';
        for (const [host, entry] of Object.entries(auths)) {
            if (entry === null)
                continue;
            if (!(0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(entry))
                return `auths[${JSON.stringify(host)}] is no object`;
            for (const key of ['auth', 'identitytoken'])
                if (entry[key] != null && typeof entry[key] !== 'string')
                    return `auths[${JSON.stringify(host)}].${key} is no string`;
        }
    }
    if (credHelpers != null) {
        if (!(0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(credHelpers))
            return '"credHelpers" is no object';
        for (const [host, name] of Object.entries(credHelpers))
            if (name !== null && typeof name !== 'string')
                return `credHelpers[${JSON.stringify(host)}] is no string`;
    }
    if (credsStore != null && typeof credsStore !== 'string')
        return '"credsStore" is no string';
    return undefined;
}
/** The credential Docker (and buildx) would use for HOST, and where it comes from. */
function findCredential(host, deps) {
    const found = deps.dockerConfig();
    if (!found)
        return { kind: 'none', describe: 'none (no Docker config.json): pulls and pushes are anonymous' };
    let config;
    try {
        config = JSON.parse(found.text);
    }
    catch (e) {
        // Not the parser's message: V8 quotes the text around the fault, which may be a credential.
        const at = /position (\d+)/.exec(e.message)?.[1];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`${found.file} is not JSON${at === undefined ? '' : ` (at byte ${at})`}: docker and buildx cannot read their credentials`, `fix or remove ${found.file}, then log in again (docker login)`);
    }
    // Its shape, named by field, never by value (a value may be a credential).
    const odd = dockerConfigProblem(config);
    if (odd !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`${found.file}: ${odd}: docker and buildx cannot read their credentials from it`, `fix or remove ${found.file}, then log in again (docker login)`);
    const keys = configKeys(host);
    const server = keys[0];
    const helperName = keys.map((k) => config.credHelpers?.[k]).find((h) => h != null);
    if (helperName)
        return {
            kind: 'helper',
            describe: `credential helper docker-credential-${helperName} (credHelpers in ${found.file})`,
            get: (signal) => deps.helper(helperName, server, signal),
        };
    const entry = keys.map((k) => config.auths?.[k]).find((a) => a != null);
    if (entry?.identitytoken)
        return {
            kind: 'token',
            describe: `an identity token (auths in ${found.file}): used by docker, not checked here`,
        };
    if (entry?.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const i = decoded.indexOf(':');
        return {
            kind: 'login',
            describe: `a stored login (docker login; auths in ${found.file})`,
            get: async () => ({ username: decoded.slice(0, i), secret: decoded.slice(i + 1) }),
        };
    }
    if (config.credsStore)
        return {
            kind: 'store',
            describe: `credential store docker-credential-${config.credsStore} (credsStore in ${found.file})`,
            get: (signal) => deps.helper(config.credsStore, server, signal),
        };
    return { kind: 'none', describe: `none for ${host} in ${found.file}: pulls and pushes are anonymous` };
}
/** The registry's own words from an error body ({"errors":[{"code","message"}]}), else the status. */
function registryErrorText(status, body) {
    try {
        const e = JSON.parse(body).errors?.[0];
        if (e)
            return `HTTP ${status} ${e.code ?? ''}${e.message ? `: ${e.message}` : ''}`.trim();
    }
    catch {
        // not JSON: the status says enough
    }
    return `HTTP ${status}`;
}
const registryError = async (r) => registryErrorText(r.status, await r.text().catch(() => ''));
/** The Authorization value of a basic-auth pair. */
const basicAuth = (c) => `Basic ${Buffer.from(`${c.username}:${c.secret}`).toString('base64')}`;
/**
 * The DELETE that cancels an upload at LOCATION: the credentials go to the registry's own origin
 * only, and an HTTPS registry's upload moved to plain HTTP is left to expire (undefined).
 */
function cancelRequest(base, location, headers) {
    if (!location)
        return undefined;
    const url = new URL(location, `${base}/`);
    const target = requestTarget(url, base);
    if (target === 'refused')
        return undefined;
    return { url: url.toString(), init: { method: 'DELETE', ...(target === 'own' && headers && { headers }) } };
}
/**
 * May CREDENTIAL push to HOST/REPOSITORY? Authenticates as docker does (token for pull,push
 * scope), starts a blob upload and cancels it, on SIGINT/SIGTERM too. Unreachable registry:
 * EnvironmentError.
 */
async function checkPush(host, repository, credential, deps) {
    const base = registryApiBase(host);
    const call = async (url, init = {}) => {
        // Stopped by SIGINT/SIGTERM, but for the upload's cancel (a DELETE), which runs after it (short).
        const cancel = init.method === 'DELETE';
        const own = AbortSignal.timeout(cancel && isInterrupted() ? INTERRUPTED_CANCEL_MS : (deps.timeoutMs ?? 10_000));
        try {
            return await deps.fetch(url, { ...init, signal: cancel ? own : untilInterrupted(own) });
        }
        catch (e) {
            const what = url.split('?')[0];
            throw ((!cancel && interruptedFailure(`registry ${host}: ${what}`, 'aborted', e)) ||
                registryUnreachable(host, what, e));
        }
    };
    const fix = registryLoginFix(host, 'write', repository);
    const pair = credential.get ? await credential.get() : undefined;
    // A helper without a login for this host: anonymous, as docker goes on, and the failures say why.
    const none = credential.get && !pair ? `; ${credential.describe} has no login for ${host}` : '';
    let authorization;
    const probe = await call(`${base}/v2/`);
    if (probe.status === 401) {
        const { scheme, params } = parseChallenge(probe.headers.get('www-authenticate') ?? '');
        if (scheme === 'basic') {
            if (!pair)
                return { ok: false, detail: `${host} asks for a login and there is none${none}`, fix };
            authorization = basicAuth(pair);
        }
        else if (scheme === 'bearer' && params.realm) {
            const url = tokenRequestUrl(params, `repository:${repository}:pull,push`);
            // The login goes to the token service: never over plain HTTP (as the OCI client refuses).
            if (!tokenServiceAllowed(url, base))
                return {
                    ok: false,
                    detail: `${host} names a token service over plain HTTP (${url.origin}): refused`,
                    fix,
                };
            const token = await call(url.toString(), pair ? { headers: { Authorization: basicAuth(pair) } } : {});
            if (token.status !== 200)
                return {
                    ok: false,
                    detail: `${host} refused a push token for ${repository} (${await registryError(token)}${none})`,
                    fix,
                };
            // Not JSON (a proxy's login page, say) is no token either, not a crash.
            const text = await token.text();
            let value;
            try {
                value = tokenOf(JSON.parse(text));
            }
            catch {
                value = undefined;
            }
            if (!value)
                return { ok: false, detail: `${host} answered the token request without a token`, fix };
            authorization = `Bearer ${value}`;
        }
        else {
            return {
                ok: false,
                detail: `${host} asks for an authentication scheme docker does not use (${scheme || 'none'})`,
            };
        }
    }
    else if (probe.status !== 200) {
        return {
            ok: false,
            detail: `${host} answered ${await registryError(probe)} at ${base}/v2/: not a registry API`,
        };
    }
    const headers = authorization ? { Authorization: authorization } : undefined;
    return tryUpload(call, `${host}/${repository}`, `${base}/v2/${repository}/blobs/uploads/`, headers, fix);
}
/**
 * Start an upload at UPLOADS (of TARGET) as a push does, and cancel it: nothing is written. Best
 * effort (registries also expire unfinished uploads after days), and once: on SIGINT/SIGTERM the
 * POST under way is stopped (an answer already come is cancelled, briefly); after the signal none
 * starts.
 */
async function tryUpload(call, target, uploads, headers, fix) {
    throwIfInterrupted('a registry push check');
    const base = new URL(uploads).origin;
    const starting = call(uploads, { method: 'POST', ...(headers && { headers }) });
    let cancelled;
    const cancelUpload = () => (cancelled ??= starting
        .then((r) => {
        const cancel = r.status === 202 ? cancelRequest(base, r.headers.get('location'), headers) : undefined;
        return cancel && call(cancel.url, cancel.init);
    })
        .catch(() => undefined));
    // A cancel already under way before the signal keeps its own timeout: the cleanup waits for it
    // no longer than a cancel started after the signal may take.
    const unregister = registerCleanup(async () => {
        await within(cancelUpload(), INTERRUPTED_CANCEL_MS, undefined);
    });
    try {
        const upload = await starting;
        if (upload.status !== 202)
            return { ok: false, detail: `cannot push to ${target}: ${await registryError(upload)}`, fix };
        await cancelUpload();
        return {
            ok: true,
            detail: `can push to ${target} (an upload was started and cancelled; nothing written)`,
        };
    }
    finally {
        unregister();
    }
}
/** Docker's config.json as docker finds it: DOCKER_CONFIG, else HOME/.docker. */
function dockerConfigPath(env) {
    if (env.DOCKER_CONFIG)
        return node_path__WEBPACK_IMPORTED_MODULE_0___default().join(env.DOCKER_CONFIG, 'config.json');
    return env.HOME ? node_path__WEBPACK_IMPORTED_MODULE_0___default().join(env.HOME, '.docker', 'config.json') : undefined;
}


/***/ }),

/***/ 15669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ defaultClient)
/* harmony export */ });
/* harmony import */ var _http_fetch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14911);
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7589);
/* harmony import */ var _registry_auth_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8516);
/* harmony import */ var _registry_io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62378);
// The real registry client per host: the OCI client (oci-client.ts) over node:http(s) with
// keep-alive (http-fetch.ts) and Docker's logins (registry-auth.ts, registry-io.ts). The built-in
// signer, verify's reads and `ml-image collect` use it.




/** The real registry client: node:http(s) with keep-alive, Docker's logins; ends at SIGNAL's abort. */
function defaultClient(env, httpFetch = _http_fetch_js__WEBPACK_IMPORTED_MODULE_0__/* .nodeHttpFetch */ .Xq, signal) {
    const clients = new Map();
    const deps = (0,_registry_io_js__WEBPACK_IMPORTED_MODULE_3__/* .registryDeps */ .G)(env);
    return (host) => {
        let c = clients.get(host);
        if (!c) {
            c = (0,_oci_client_js__WEBPACK_IMPORTED_MODULE_1__/* .createOciClient */ .Dj)(host, {
                fetch: httpFetch,
                credential: () => (0,_registry_auth_js__WEBPACK_IMPORTED_MODULE_2__/* .findCredential */ .L4)(host, deps),
                ...(signal && { signal }),
            });
            clients.set(host, c);
        }
        return c;
    };
}


/***/ }),

/***/ 62378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ registryDeps)
/* harmony export */ });
/* unused harmony export HELPER_TIMEOUT_MS */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38201);
/* harmony import */ var _util_read_regular_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(23387);
/* harmony import */ var _util_process_tree_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(26706);
/* harmony import */ var _util_run_id_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(72679);
/* harmony import */ var _exec_runner_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(45206);
/* harmony import */ var _http_fetch_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(14911);
/* harmony import */ var _registry_auth_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8516);
// The real side effects of talking to a registry as docker does: fetch, Docker's config file, and
// its credential helpers (`docker-credential-NAME get`). Doctor's push check and the native signer
// both use them; the pure parts (which credential, the token flow) are in registry-auth.ts.










const nodeExec = (file, args, options, callback) => (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(file, args, options, callback);
/** How long a helper may take (a keychain may wait on a prompt). */
const HELPER_TIMEOUT_MS = 30_000;
/**
 * Docker's config.json (dockerConfigPath), undefined when there is none. A regular file only, read
 * without blocking: a directory, a FIFO or an unreadable file there is the environment's problem
 * named with its fix, as a config.json that is not JSON is (a directory was an internal error, a
 * FIFO a hang).
 */
function readDockerConfig(env) {
    const file = (0,_registry_auth_js__WEBPACK_IMPORTED_MODULE_9__/* .dockerConfigPath */ .Q1)(env);
    if (!file || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
        return undefined;
    const fix = `fix or remove ${file}, then log in again (docker login)`;
    const text = (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_4__/* .readRegularText */ .Aj)(file, _util_read_regular_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_JSON_INPUT_BYTES */ .lj, (e) => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`${file} ${e.code !== undefined ? `cannot be read: ${(0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_4__/* .openErrorText */ .OV)(e.code)}` : e.reason}: docker and buildx cannot read their credentials`, (0,_util_read_regular_js__WEBPACK_IMPORTED_MODULE_4__/* .openErrorFix */ .SU)(e.code ?? '', fix) ?? fix));
    return { file, text };
}
/**
 * The real side effects of the registry checks: fetch (simpleFetch, through the proxy ENV names for
 * the host, as docker's push goes), Docker's config file, credential helpers.
 */
function registryDeps(env, exec = nodeExec) {
    return {
        fetch: (url, init) => (0,_http_fetch_js__WEBPACK_IMPORTED_MODULE_8__/* .simpleFetch */ .Ze)(url, init, env),
        dockerConfig: () => readDockerConfig(env),
        helper: (name, server, signal) => new Promise((resolve, reject) => {
            (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .throwIfInterrupted */ .sK)(`docker-credential-${name}`);
            signal?.throwIfAborted();
            // Stopped with the run on a signal (it may wait up to 30 s on a keychain), at its 30 s, and
            // at the caller's deadline (SIGNAL: a verify's; the process would otherwise outlive its
            // error): with what it started, which a kill of the helper alone (execFile's own timeout
            // and signal) leaves to run on under init when the helper is a script.
            let timedOut = false;
            let ended = false;
            let timer;
            let unregister = () => undefined;
            const stop = () => (0,_util_process_tree_js__WEBPACK_IMPORTED_MODULE_5__/* .stopChild */ .Dh)(child);
            const done = () => {
                ended = true;
                clearTimeout(timer);
                unregister();
                signal?.removeEventListener('abort', stop);
            };
            const options = { env: { ...process.env, [_exec_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .RUN_ID_ENV */ .I]: _util_run_id_js__WEBPACK_IMPORTED_MODULE_6__/* .RUN_ID */ .UC } };
            const child = exec(`docker-credential-${name}`, ['get'], options, (err, stdout) => {
                done();
                if (signal?.aborted)
                    return reject(signal.reason);
                if (timedOut)
                    return reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`credential helper docker-credential-${name} gave no answer for ${server} in ${HELPER_TIMEOUT_MS / 1000} s`, `check that docker-credential-${name} get answers without a prompt, or log in again (docker login ${server})`));
                if (err) {
                    // Helpers say "credentials not found ..." on stdout when there is no login for the host:
                    // no login (the caller goes on anonymously, as docker does). Anything else a helper
                    // prints stays out of messages.
                    if (/credentials not found/i.test(stdout))
                        return resolve(undefined);
                    reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`credential helper docker-credential-${name} failed for ${server}: ${err.message.split('\n')[0]}`, `install docker-credential-${name}, or log in again (docker login ${server})`));
                    return;
                }
                try {
                    const j = JSON.parse(stdout);
                    resolve({ username: j.Username ?? '', secret: j.Secret ?? '' });
                }
                catch {
                    reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`credential helper docker-credential-${name} printed no JSON for ${server}`, `log in again (docker login ${server})`));
                }
            });
            if (!ended) {
                timer = setTimeout(() => {
                    timedOut = true;
                    stop();
                }, HELPER_TIMEOUT_MS);
                unregister = (0,_util_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .registerCleanup */ .qE)(async () => stop());
                signal?.addEventListener('abort', stop, { once: true });
            }
            // A helper that exits without reading stdin must not crash the process (EPIPE).
            child.stdin?.on('error', () => undefined);
            child.stdin?.end(server);
        }),
    };
}


/***/ }),

/***/ 31738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ig: () => (/* binding */ actionsRunUrl),
/* harmony export */   W1: () => (/* binding */ runnerFromEnv),
/* harmony export */   Yn: () => (/* binding */ isOwnerRepo),
/* harmony export */   kk: () => (/* binding */ runUrlFromEnv)
/* harmony export */ });
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82513);
// The workflow run and the runner, as the variables a GitHub runner sets describe them: the
// provenance names the run as its builder, and the smoke results say where the suites ran (the
// smoke attestation repeats it, even when another job makes it).

/** A GitHub repository name as GITHUB_REPOSITORY spells it: OWNER/REPO, nothing else. */
const isOwnerRepo = (name) => 
// "." and ".." are no names GitHub gives: in a URL path (/repos/../r) they would step out of it.
/^[\w.-]+\/[\w.-]+$/.test(name) && !name.split('/').some((part) => /^\.{1,2}$/.test(part));
/** A workflow run's page: what the report links to (the pull request's job and the fork poster alike). */
function actionsRunUrl(server, repository, runId) {
    return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}`;
}
/**
 * The workflow run as a URL:
 * `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}/attempts/${GITHUB_RUN_ATTEMPT}`.
 * Undefined outside Actions (any of server, repository or run id missing).
 */
function runUrlFromEnv(env) {
    const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
    const repo = env.GITHUB_REPOSITORY;
    const runId = env.GITHUB_RUN_ID;
    if (!server || !repo || !runId)
        return undefined;
    const attempt = env.GITHUB_RUN_ATTEMPT || '1';
    return (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactUrls */ .sK)(`${server}/${repo}/actions/runs/${runId}/attempts/${attempt}`, _util_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .REDACTED */ .XF);
}
/** The runner from RUNNER_NAME, RUNNER_OS, RUNNER_ARCH and the run URL (empty values left out). */
function runnerFromEnv(env) {
    const url = runUrlFromEnv(env);
    return {
        ...(env.RUNNER_NAME && { name: env.RUNNER_NAME }),
        ...(env.RUNNER_OS && { os: env.RUNNER_OS }),
        ...(env.RUNNER_ARCH && { arch: env.RUNNER_ARCH }),
        ...(url !== undefined && { url }),
    };
}


/***/ }),

/***/ 9992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IH: () => (/* binding */ mapLimitSerialByKey),
/* harmony export */   Q3: () => (/* binding */ queueByKey),
/* harmony export */   sf: () => (/* binding */ mapLimit)
/* harmony export */ });
// FN over ITEMS with at most LIMIT calls in flight; the results in the items' order. After a
// rejection no further item is started, the calls already under way are waited for (nothing a
// call started is left running, or has its files removed under it, once this settles: a caller
// that wants them stopped sooner aborts them itself), and then the first rejection is thrown.
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const i = next++;
            try {
                results[i] = await fn(items[i]);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failure !== undefined)
        throw failure.error;
    return results;
}
/**
 * WORK once the work queued under KEY in QUEUES before it has settled (fulfilled or rejected):
 * the works of one key one after the other, in the order they were queued.
 */
function queueByKey(queues, key, work) {
    const next = (queues.get(key) ?? Promise.resolve()).then(work, work);
    queues.set(key, next.catch(() => undefined));
    return next;
}
/**
 * FN over ITEMS with at most LIMIT items in flight, and the items of one key (KEYOF) one after the
 * other, in the items' order; an item that waits for an earlier one of its key holds its place
 * among the LIMIT. After a rejection no further item is started (one waiting for its key is not
 * started either); the calls already under way are waited for. Never rejects (unless KEYOF
 * throws): per item in the items' order, how its call settled, or undefined for one never started.
 */
function mapLimitSerialByKey(items, limit, keyOf, fn) {
    const queues = new Map();
    let stopped = false;
    return mapLimit(items, limit, async (item) => {
        const run = queueByKey(queues, keyOf(item), () => stopped ? undefined : fn(item).then((value) => ({ value })));
        return run.then((ran) => (ran ? { status: 'fulfilled', value: ran.value } : undefined), (reason) => {
            stopped = true;
            return { status: 'rejected', reason };
        });
    });
}


/***/ })

};
