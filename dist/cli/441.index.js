export const id = 441;
export const ids = [441];
export const modules = {

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


/***/ }),

/***/ 54868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a8: () => (/* binding */ runTempRoot),
/* harmony export */   jI: () => (/* binding */ runTempDir)
/* harmony export */ });
/* unused harmony exports TEMP_ROOT_PREFIX, runTempBase, checkPrivate, STALE_ROOT_MS, sweepStaleRoots */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _run_id_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72679);
/* harmony import */ var _temp_owner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(22238);
// Every temp dir of a run lives under one run-scoped root, <tmpdir>/ml-image-<run id>, so the
// action's post step (and a person) can remove all of them at once even after a SIGKILL.






const TEMP_ROOT_PREFIX = 'ml-image-';
/** The run's temp root (not created): <tmpdir>/ml-image-<run id>. */
function runTempRoot(runId = _run_id_js__WEBPACK_IMPORTED_MODULE_4__/* .RUN_ID */ .UC, base = (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)()) {
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(base, `${TEMP_ROOT_PREFIX}${runId}`);
}
let rootMade;
/**
 * Create the run's temp root under base and return it, for mkdtemp calls. The caller still removes
 * its own dir (registerCleanup); the root is removed when the process exits with it empty.
 */
function runTempBase(base = (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)()) {
    const root = runTempRoot(_run_id_js__WEBPACK_IMPORTED_MODULE_4__/* .RUN_ID */ .UC, base);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(root, { recursive: true, mode: 0o700 });
    if (rootMade !== root) {
        checkPrivate(root, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(root));
        (0,_temp_owner_js__WEBPACK_IMPORTED_MODULE_5__/* .stampRoot */ .oT)(root); // who made it: a later run can tell it is gone (temp-owner.ts)
        rootMade = root;
        sweepStaleRoots(base); // never this run's own root (see there)
        process.once('exit', () => removeIfOnlyStamp(root));
    }
    return root;
}
/**
 * The root holds the build's secret files (pip.conf with index credentials, build.secrets values):
 * it must be this user's own directory that no one else may enter. Its name can be guessed (pid and
 * time), so on a shared /tmp another user could make it first, open to all, and then swap the
 * directories made inside it: such a root is refused (exit 3), never used. On native Windows only
 * the is-a-directory test holds: its tmpdir() is the per-user %TEMP% (under the user's profile,
 * which other users may not enter), node reports no uid (0), and libuv gives every writable
 * directory the mode 0666 (deps/uv/src/win/fs.c fs__stat_handle), which no ACL changes: the mode test
 * would refuse every run with a fix that cannot be met. PLATFORM and UID are injected for tests.
 */
function checkPrivate(root, st, platform = process.platform, uid = process.getuid?.()) {
    const windows = platform === 'win32';
    const problem = !st.isDirectory()
        ? 'is not a directory'
        : windows
            ? undefined
            : uid !== undefined && st.uid !== uid
                ? `belongs to another user (uid ${st.uid})`
                : (st.mode & 0o077) !== 0
                    ? `may be entered by other users (mode ${(st.mode & 0o777).toString(8)})`
                    : undefined;
    if (problem !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvironmentError */ .eG(`the run's temp directory ${root} ${problem}: the build's secret files would be readable there`, 'remove it (someone else may have made it), or set TMPDIR to a directory only you can enter, and run again');
}
/** mkdtemp under the run's temp root. */
function runTempDir(prefix) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(runTempBase(), prefix));
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw e;
        // The root went while it was empty: another run's sweep, when a custom ML_IMAGE_RUN_ID makes
        // this run look like a gone process there. It is made (and checked) again.
        rootMade = undefined;
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(runTempBase(), prefix));
    }
}
/**
 * ROOT removed when nothing but its stamp is in it: a dir still in use is left to its owner (or the
 * post step), with the stamp that tells a later run when its owner is gone.
 */
function removeIfOnlyStamp(root) {
    try {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(root).some((e) => e !== _temp_owner_js__WEBPACK_IMPORTED_MODULE_5__/* .OWNER_FILE */ .Zl))
            return;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, _temp_owner_js__WEBPACK_IMPORTED_MODULE_5__/* .OWNER_FILE */ .Zl), { force: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmdirSync)(root);
    }
    catch {
        // not empty, or already gone
    }
}
/**
 * A root of a gone process not touched for this long is removed with what it holds (secret files
 * of a build that was killed with SIGKILL): no run lasts a day, so a root that old in a pid
 * namespace this process cannot see is no live run's either.
 */
const STALE_ROOT_MS = 24 * 60 * 60 * 1000;
/**
 * Remove the temp roots of runs whose process is gone (a process that ended without its 'exit'
 * event: killed, or a test worker): an empty one (or one holding only its stamp) at once; one with
 * something in it (a build's secret files, after a SIGKILL) when it is this user's and its stamp
 * says for certain that its process is gone (temp-owner.ts: this pid namespace, this boot), else
 * once untouched for STALE_ROOT_MS. Never one whose name does not carry a pid, nor OWN (this run's
 * root: a custom ML_IMAGE_RUN_ID may look like `<pid>-<id>` with a number that is no live process
 * here, such as `<run id>-<attempt>` or a parent's pid in another pid namespace).
 */
function sweepStaleRoots(base = (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), now = Date.now(), own = node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(runTempRoot()), procDir = '/proc') {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(base);
    }
    catch {
        return;
    }
    for (const name of names) {
        const pid = /^ml-image-(\d+)-[0-9a-z]+$/.exec(name)?.[1];
        if (pid === undefined || name === own || Number(pid) === process.pid)
            continue;
        const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(base, name);
        // A stamped root's owner is known: gone for certain (its pid reused too), or not to be told.
        const stamp = (0,_temp_owner_js__WEBPACK_IMPORTED_MODULE_5__/* .readStamp */ .UL)(dir);
        const gone = stamp !== undefined && stamp.pid === Number(pid) && (0,_temp_owner_js__WEBPACK_IMPORTED_MODULE_5__/* .stampedOwnerGone */ .Vp)(stamp, procDir);
        if (!gone && isAlive(Number(pid)))
            continue;
        removeIfOnlyStamp(dir);
        removeIfMine(dir, (st) => gone || now - st.mtimeMs > STALE_ROOT_MS);
    }
}
/** DIR (a gone process's root) with what it holds, when it is this user's and WHEN says so. */
function removeIfMine(dir, when) {
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir);
        const mine = process.getuid === undefined || st.uid === process.getuid();
        if (st.isDirectory() && mine && when(st))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    }
    catch {
        // gone, or not ours to remove
    }
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM'; // alive, another user's
    }
}


/***/ })

};
