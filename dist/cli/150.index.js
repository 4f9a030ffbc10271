export const id = 150;
export const ids = [150];
export const modules = {

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

/***/ 10854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oX: () => (/* binding */ GITHUB_ISSUER),
  WM: () => (/* binding */ checkConfigKey),
  T: () => (/* binding */ chooseSigning),
  r2: () => (/* binding */ signingTools),
  p0: () => (/* binding */ verifyCommand)
});

// UNUSED EXPORTS: checkKeyFile

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
    if ((0,verify_inputs/* isKeyReference */.NI)(key))
        (0,field_error/* asConfigProblem */.c)(loaded, () => (0,verify_inputs/* refuseKeyReferenceSecrets */.Mq)(key, 'attest.key:'));
    else
        (0,field_error/* asConfigProblem */.c)(loaded, () => checkKeyFile(key, loaded.baseDir));
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


/***/ })

};
