export const id = 538;
export const ids = [538];
export const modules = {

/***/ 44672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VERIFY_OPTIONS: () => (/* binding */ VERIFY_OPTIONS),
  VERIFY_OPTIONS_HELP: () => (/* binding */ VERIFY_OPTIONS_HELP),
  verifyBeforeWrite: () => (/* binding */ verifyBeforeWrite),
  verifyCommand: () => (/* binding */ verifyCommand),
  verifyRequestFor: () => (/* binding */ verifyRequestFor),
  verifyTimeoutHelp: () => (/* binding */ verifyTimeoutHelp)
});

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

// EXTERNAL MODULE: ./src/util/parse-input.ts
var parse_input = __webpack_require__(91814);
// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/attest/verify-inputs.ts + 2 modules
var verify_inputs = __webpack_require__(19171);
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
const VERIFY_FLAGS = [
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
];
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

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(96657);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
;// CONCATENATED MODULE: ./src/cli/commands/verify.ts









/** The verify flags, as `ml-image verify` and `ml-image export --verify` take them. */
const VERIFY_OPTIONS = {
    key: { type: 'string' },
    'certificate-identity': { type: 'string' },
    'certificate-identity-regexp': { type: 'string' },
    'certificate-oidc-issuer': { type: 'string' },
    'certificate-github-workflow-repository': { type: 'string' },
    'certificate-github-workflow-ref': { type: 'string' },
    'certificate-github-workflow-trigger': { type: 'string' },
    'certificate-github-workflow-sha': { type: 'string' },
    'certificate-github-workflow-name': { type: 'string' },
    require: { type: 'string' },
    'require-smoke': { type: 'string' },
    'require-gpu-smoke': { type: 'boolean' },
    'min-tflops': { type: 'string' },
    platform: { type: 'string' },
    tlog: { type: 'boolean' },
};
/** The verify deadline's flag, by the name each command gives it (export's --timeout is the smoke tests'). */
const VERIFY_TIMEOUT_FLAG = { verify: 'timeout', export: 'verify-timeout' };
/** How COMMAND names the verify flags in messages: `--NAME`, the deadline by its own name. */
const verifyNaming = (command) => cliFlagNaming(command, { timeout: VERIFY_TIMEOUT_FLAG[command] });
/** The help line of the deadline flag, as COMMAND names it. */
const verifyTimeoutHelp = (command) => `  ${`--${VERIFY_TIMEOUT_FLAG[command]} SECONDS`.padEnd(30)}the whole verify ends by then: a registry (or cosign) that does not
                                answer is exit 3, naming it (default ${VERIFY_TIMEOUT_DEFAULT_S}, at most ${VERIFY_TIMEOUT_MAX_S})`;
/** The help lines of the verify flags (verify and export --verify). */
const VERIFY_OPTIONS_HELP = `  --key FILE                    public key of a key-signed image (cosign.pub)
  --certificate-identity ID     keyless: the signing workflow's identity (exact)
  --certificate-identity-regexp RE  keyless: the identity as a regular expression
  --certificate-oidc-issuer URL keyless: the issuer (default ${signing/* GITHUB_ISSUER */.oX})
  --certificate-github-workflow-repository OWNER/REPO
                                keyless: the repository whose workflow run signed (for a reusable
                                workflow, whose own file is the identity)
  --certificate-github-workflow-ref REF
                                keyless: the signing run's git ref, exactly (refs/heads/main)
  --certificate-github-workflow-trigger EVENT
                                keyless: the event that triggered the signing run (push)
  --certificate-github-workflow-sha SHA
                                keyless: the commit of the signing run (its full SHA: 40 hex
                                digits, or 64 in a SHA-256 repository)
  --certificate-github-workflow-name NAME
                                keyless: the name of the workflow that signed
                                (these are cosign's flags: each compares the certificate's
                                GitHub extension exactly; one it lacks fails the check)
  --require LIST                attestations that must exist (default sbom,provenance; none)
  --require-smoke pass          no smoke test failed
  --require-gpu-smoke           the smoke tests ran on a GPU and the gpu suite passed
  --min-tflops bf16=600         the compute suite measured at least this on a GPU (bf16, fp16, tf32, fp32)
  --tlog                        key-signed entries were uploaded to Rekor: check them there too`;
/** verify's own: export --verify checks every platform a node may pull. */
const PLATFORM_HELP = `  --platform P                  only this platform (e.g. linux/arm64); a single-platform image
                                must be that platform (its config says)`;
/**
 * Verify IMAGE@DIGEST with the real cosign (or the io's signer); the outcome, failures included.
 * Its registry reads and cosign runs end at the request's deadline (then exit 3, naming FLAG).
 */
async function verifyWithCli(io, ref, request, command = 'verify') {
    const { prefix, flag } = verifyNaming(command);
    const deadline = new VerifyDeadline(request.timeoutSeconds);
    const transport = { fetch: io.registryFetch, signal: deadline.signal };
    const given = { signer: io.signer, docker: io.docker };
    // The key file's errors name the flag and the file: `verify: --key FILE: ...`.
    const keyLabel = `${prefix}${flag('key')}`;
    const deps = (0,signers/* verifyDeps */.qT)(io.env, ref, request.identity, request.tlog, given, transport, keyLabel);
    // What a refused certificate holds is read from the registry with the default signer only.
    const certificates = io.signer ? undefined : certificateReaderFor(io.env, ref, request.identity, transport);
    return verifyImage({ ...deps, certificates, deadline }, ref, request, prefix, flag);
}
/**
 * `export --verify`: the request when --verify is given (the same flags and checks as verify);
 * a verify flag without --verify is bad input, not silently ignored.
 */
function verifyRequestFor(command, values) {
    const naming = verifyNaming(command);
    if (values.verify === true)
        return parseVerifyFlags(values, naming);
    const stray = VERIFY_FLAGS.filter((f) => values[f] !== undefined);
    // --platform is refused with --verify too (export.ts): adding --verify is no fix for it.
    if (stray.includes('platform'))
        throw new errors/* InputError */.dz(`${command}: ${naming.flag('platform')} is a verify option that ${command} does not take (the job runs the image on every node, each pulling its own platform)`, `drop ${naming.flag('platform')}; with --verify every platform of the image is checked`);
    if (stray.length > 0)
        throw new errors/* InputError */.dz(`${command}: ${stray.map((f) => naming.flag(f)).join(', ')} ${stray.length === 1 ? 'is a' : 'are'} --verify option${stray.length === 1 ? '' : 's'}`, `add --verify to check the image before the job is written`);
    return undefined;
}
/**
 * Verify the image before anything is written: the checks are printed (under --json the command's
 * summary carries them as `verified`), and a failed check is a CheckFailedError (exit 1) naming
 * each; under --json the one JSON output is then `verified` and the error, each failed check a problem.
 */
async function verifyBeforeWrite(io, command, ref, request, json) {
    const outcome = await verifyWithCli(io, ref, request, command);
    if (!json)
        io.stdout(`${renderChecks(outcome.checks)}\n`);
    if (outcome.failed.length > 0)
        throw checksFailed(`${command} --verify`, outcome, { verified: outcome.checks }, '; no job was written');
    return outcome;
}
/**
 * The exit 1 of OUTCOME's failed checks: a short message naming each, and for --json each failed
 * check as a problem (`linux/arm64 signature: no signature for ...`) beside RESULT, the document a
 * pass prints (its checks, each ok or not with its detail).
 */
function checksFailed(what, outcome, result, tail = '') {
    const problems = outcome.failed.map((c) => `${c.platform} ${c.check}: ${c.detail}`);
    return new errors/* CheckFailedError */.CO(`${what}: ${failedSummary(outcome)}${tail}`, undefined, { problems, result });
}
/**
 * DIR/verify.json of a verify that stopped before its checks ended: not ok, with why (and the
 * digest, REF, once the arguments named one).
 */
function writeStopped(io, dir, ref, e) {
    // Masked as the error printed beside it (redactMessage): the reference and the error quote
    // what was typed, a login without a scheme (user:pw@host/...) too.
    const error = (0,redact/* redactMessage */.b6)(e instanceof Error ? e.message : String(e));
    const record = { ...(ref !== undefined && { ref: (0,redact/* redactMessage */.b6)(ref) }), ok: false, error };
    try {
        (0,output/* writeOutFile */.Wd)(io.cwd, dir, 'verify.json', `${JSON.stringify(record, null, 2)}\n`);
    }
    catch {
        // The error that stopped the verify is the one to report.
    }
}
/** verify's own: its deadline is --timeout (export's is --verify-timeout). */
const VERIFY_COMMAND_OPTIONS = {
    ...VERIFY_OPTIONS,
    timeout: { type: 'string' },
};
const verifyCommand = {
    name: 'verify',
    options: VERIFY_COMMAND_OPTIONS,
    summary: 'Check an image digest: signature, SBOM, provenance and smoke attestations, and a policy on them.',
    usage: 'ml-image verify IMAGE@DIGEST (--key cosign.pub | --certificate-identity-regexp RE [--certificate-oidc-issuer URL] [--certificate-github-workflow-repository OWNER/REPO] [--certificate-github-workflow-ref REF] [--certificate-github-workflow-trigger EVENT] [--certificate-github-workflow-sha SHA] [--certificate-github-workflow-name NAME]) [--require sbom,provenance,smoke] [--require-smoke pass] [--require-gpu-smoke] [--min-tflops bf16=600] [--platform P] [--tlog] [--timeout SECONDS] [--out DIR]',
    help: `For each platform image of the digest (every manifest of a multi-arch index; one that names no
platform is checked whatever --platform says: a runtime may pull it anywhere), the checks of
  signature           cosign verify
  <kind> attestation  cosign verify-attestation --type <kind>, about this very digest
then what the smoke attestation says, when asked (--require-smoke, --require-gpu-smoke,
--min-tflops). "ml-image export --verify" runs the same checks before it writes a job.
A P-256 public key file (what cosign generate-key-pair makes) is checked in process, over one
registry connection; keyless identities, KMS keys and --tlog run the cosign binary, as does
ML_IMAGE_SIGNER=cosign. --verbose prints the checks' time.

Options:
${VERIFY_OPTIONS_HELP}
${PLATFORM_HELP}
${verifyTimeoutHelp('verify')}
  --out DIR                     also write DIR/verify.json: the digest, ok and every check (also
                                when one fails; when the verify stops, ok false and the error)

Exit codes: 0 every check holds; 1 a check failed (each is named); 2 bad input; 3 the registry or
cosign cannot be reached, the registry refuses the read or is failing, or it did not answer
within --timeout (the fix is printed).`,
    async run(argv, io) {
        let ref;
        let verified;
        try {
            const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('verify', argv, VERIFY_COMMAND_OPTIONS, true);
            if (positionals.length !== 1)
                throw new errors/* InputError */.dz('verify: expected one IMAGE@DIGEST', 'run "ml-image verify --help" for usage');
            ref = positionals[0];
            const t0 = performance.now();
            const flags = parseVerifyFlags(values, verifyNaming('verify'));
            verified = { values, outcome: await verifyWithCli(io, ref, flags), t0 };
        }
        catch (e) {
            // Refused (a bad, misspelt or repeated flag, no digest: exit 2) or stopped (the registry
            // unreachable: exit 3): no earlier run's "ok": true stays in --out.
            const out = (0,args/* outFlag */.RK)(argv);
            if (out !== undefined && out.trim() !== '')
                writeStopped(io, out, ref, e);
            throw e;
        }
        const { values, outcome, t0 } = verified;
        // --verbose: the checks' own time, without the process start (bench/attest.mjs reads it).
        if (values.verbose)
            io.stderr(`timing  verify ${((performance.now() - t0) / 1000).toFixed(3)}s (${outcome.checks.length} checks)\n`);
        const failed = outcome.failed.length > 0;
        if (values.out !== undefined)
            (0,output/* writeOutFile */.Wd)(io.cwd, values.out, 'verify.json', `${JSON.stringify({ ref, ok: !failed, checks: outcome.checks }, null, 2)}\n`);
        // --json prints one JSON object: the checks, and on a failure (printed by main, as every
        // command's error is) the same with the error naming each failed check.
        const result = { ref, checks: outcome.checks };
        if (!values.json)
            io.stdout(`${renderChecks(outcome.checks)}\n`);
        else if (!failed)
            io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        if (failed)
            throw checksFailed('verify', outcome, result);
        return 0;
    },
};


/***/ }),

/***/ 64377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w$: () => (/* binding */ datetime)
/* harmony export */ });
/* unused harmony exports date, time, duration */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODateTime */ .You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}


/***/ })

};
