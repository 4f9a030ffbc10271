export const id = 556;
export const ids = [556];
export const modules = {

/***/ 55056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EK: () => (/* binding */ purlEncode),
/* harmony export */   s2: () => (/* binding */ buildSbom)
/* harmony export */ });
/* unused harmony exports SBOM_PROPERTY_PREFIX, ML_STACK_PROPERTY, normalizePypiName, pypiPurl, debPurl, ociPurl */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6820);
/* harmony import */ var _cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50320);
/* harmony import */ var _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(_cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _cyclonedx_cyclonedx_library_Serialize__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51248);
/* harmony import */ var _cyclonedx_cyclonedx_library_Serialize__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(_cyclonedx_cyclonedx_library_Serialize__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _cyclonedx_cyclonedx_library_Spec__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94321);
/* harmony import */ var _cyclonedx_cyclonedx_library_Spec__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(_cyclonedx_cyclonedx_library_Spec__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _capture_redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(44977);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(49997);
/* harmony import */ var _plan_image_ref_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(68646);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(311);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(79124);
// The ML-aware SBOM: CycloneDX 1.6 JSON built with @cyclonedx/cyclonedx-library from an
// environment record (env.json). Every pip distribution (pkg:pypi), every apt package (pkg:deb),
// the OS, and the ML stack (CUDA runtime, cuDNN, NCCL, torch and its CUDA build, NumPy, Python,
// the base image) as components with ml-image:* properties. Deterministic: the same record gives
// the same bytes on any machine (lists sorted in code-unit order, not the locale's; bom-refs from
// purls; a serial number from the content; the timestamp from the record's capture time).
// Nothing from the record's env, labels (except the OCI base-image name and digest) or collectEnv
// goes in, and every string is scrubbed.
// The record holds no file hashes (the probe does not read RECORD files), so components carry none.










const SBOM_PROPERTY_PREFIX = 'ml-image:';
/** The property that marks a component as part of the ML stack; its value says which part. */
const ML_STACK_PROPERTY = `${SBOM_PROPERTY_PREFIX}ml-stack`;
const BASE_NAME_LABEL = 'org.opencontainers.image.base.name';
const BASE_DIGEST_LABEL = 'org.opencontainers.image.base.digest';
// ---- Package URLs (https://github.com/package-url/purl-spec) ----
/** Percent-encoding as purl requires: everything but A-Z a-z 0-9 . - _ ~ and ':' (never encoded). */
function purlEncode(s) {
    return encodeURIComponent(s)
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%3A/gi, ':');
}
/** PEP 503 normalisation, which pkg:pypi names use: Foo_Bar.baz -> foo-bar-baz. */
function normalizePypiName(name) {
    return name.replace(/[-_.]+/g, '-').toLowerCase();
}
/** Qualifiers sorted by key, empty values left out. */
function qualifiers(q) {
    const parts = Object.entries(q)
        .filter((e) => typeof e[1] === 'string' && e[1] !== '')
        .sort(([a], [b]) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .compareText */ .n)(a, b))
        .map(([k, v]) => `${k}=${purlEncode(v)}`);
    return parts.length ? `?${parts.join('&')}` : '';
}
const at = (version) => (version === '' ? '' : `@${purlEncode(version)}`);
function pypiPurl(name, version) {
    return `pkg:pypi/${purlEncode(normalizePypiName(name))}${at(version)}`;
}
function debPurl(osId, pkg, distro) {
    return `pkg:deb/${purlEncode(osId.toLowerCase())}/${purlEncode(pkg.name.toLowerCase())}${at(pkg.version)}${qualifiers({ arch: pkg.arch, distro })}`;
}
/** pkg:oci/<name>@sha256:<hex>?arch=&repository_url=&tag=, or undefined without a sha256 digest. */
function ociPurl(ref, digest, arch) {
    const hex = (0,_types_js__WEBPACK_IMPORTED_MODULE_7__/* .sha256Hex */ .fg)(digest);
    if (hex === undefined)
        return undefined;
    const r = (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .parseImageRef */ .Q)(ref);
    const name = r.path.split('/').pop().toLowerCase();
    return `pkg:oci/${purlEncode(name)}@sha256:${hex}${qualifiers({ arch, repository_url: (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .repositoryOf */ ._M)(r), tag: r.tag })}`;
}
/** A lone UTF-16 surrogate (no JSON or URL can carry one): replaced by U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Every string from the record: scrubbed, and well-formed text (a purl encodes it). */
const clean = (s) => (0,_capture_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redactText */ .Rd)(s.replace(LONE_SURROGATE, '\uFFFD'));
/**
 * CycloneDX 1.6 allows versions up to 1024 characters (code points, as JSON Schema counts them): a
 * longer one (a hostile METADATA) is cut.
 */
const cut = (s) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .clip */ .$)(s, 1024);
const nonEmpty = (s) => typeof s === 'string' && s !== '';
function prop(c, name, value) {
    if (nonEmpty(value))
        c.properties.add(new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Property(`${SBOM_PROPERTY_PREFIX}${name}`, clean(value)));
}
function context(input) {
    const { record } = input;
    const labels = record.image.labels;
    const platform = input.platform ?? record.image.platform;
    const osRelease = record.os.osRelease;
    const osId = nonEmpty(osRelease.ID) ? osRelease.ID.toLowerCase() : undefined;
    const osVersion = osRelease.VERSION_ID ?? osRelease.VERSION_CODENAME;
    const base = input.baseImage === undefined
        ? nonEmpty(labels[BASE_NAME_LABEL])
            ? { ref: labels[BASE_NAME_LABEL], digest: labels[BASE_DIGEST_LABEL] }
            : undefined
        : (input.baseImage ?? undefined);
    // A base pinned by digest in its reference needs no separate digest.
    const baseDigest = (0,_types_js__WEBPACK_IMPORTED_MODULE_7__/* .sha256Hex */ .fg)(base?.digest ?? (base && (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .parseImageRef */ .Q)(base.ref).digest));
    return {
        record,
        variant: input.variant === undefined ? record.image.variant : input.variant,
        imageRef: clean(input.imageRef ?? record.image.ref),
        digest: (0,_types_js__WEBPACK_IMPORTED_MODULE_7__/* .sha256Hex */ .fg)(input.imageDigest === undefined ? record.image.digest : input.imageDigest),
        platform,
        arch: platform.split('/')[1],
        base: base && { ref: clean(base.ref), digest: baseDigest && `sha256:${baseDigest}` },
        driverFloor: input.driverFloor ?? null,
        toolVersion: input.toolVersion ?? _version_js__WEBPACK_IMPORTED_MODULE_9__/* .VERSION */ .x,
        osId: osId === undefined ? undefined : clean(osId),
        distro: osId !== undefined && nonEmpty(osVersion) ? clean(`${osId}-${osVersion}`) : undefined,
    };
}
/** The image by digest (or tag): the SBOM's subject, with the ML stack summed up as properties. */
function imageComponent(ctx) {
    const digest = ctx.digest && `sha256:${ctx.digest}`;
    const ref = (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .parseImageRef */ .Q)(ctx.imageRef);
    const purl = ociPurl(ctx.imageRef, digest, ctx.arch);
    const c = new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Component(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Container, (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .repositoryOf */ ._M)(ref), {
        bomRef: purl ?? `${SBOM_PROPERTY_PREFIX}image`,
        ...(purl !== undefined && { purl }),
        ...((digest ?? ref.tag) !== undefined && { version: digest ?? ref.tag }),
    });
    const { record } = ctx;
    const pip = (n) => record.python.packages.find((p) => normalizePypiName(p.name) === n)?.version;
    prop(c, 'variant', ctx.variant);
    prop(c, 'platform', ctx.platform);
    prop(c, 'image.ref', ctx.imageRef);
    prop(c, 'base.image', ctx.base?.ref);
    prop(c, 'base.digest', ctx.base?.digest);
    prop(c, 'driver.floor', ctx.driverFloor);
    prop(c, 'cuda.runtime', record.cuda.runtime);
    prop(c, 'cudnn', record.cuda.cudnn);
    prop(c, 'nccl', record.cuda.nccl);
    prop(c, 'torch', record.torch?.version ?? pip('torch'));
    if (record.torch)
        prop(c, 'torch.cuda', record.torch.cuda ?? 'none');
    prop(c, 'numpy', pip('numpy'));
    prop(c, 'python', record.python.version);
    return c;
}
/** Every pip distribution once (by purl), with its installed requirements as dependencies. */
function pipComponents(record) {
    const list = [];
    const byName = new Map();
    const seen = new Set();
    for (const p of record.python.packages) {
        const name = clean(p.name);
        const version = clean(p.version);
        const purl = pypiPurl(name, version);
        if (seen.has(purl))
            continue;
        seen.add(purl);
        const c = new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Component(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Library, name, { bomRef: purl, purl, version: cut(version) });
        prop(c, 'pip.installer', p.installer);
        list.push(c);
        if (!byName.has(normalizePypiName(name)))
            byName.set(normalizePypiName(name), c);
    }
    for (const p of record.python.packages) {
        const c = byName.get(normalizePypiName(clean(p.name)));
        for (const req of p.requires) {
            if (/\bextra\s*==/.test(req))
                continue; // only with an extra: not necessarily in use
            const dep = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req)?.[1];
            const target = dep === undefined ? undefined : byName.get(normalizePypiName(dep));
            if (c && target && target !== c)
                c.dependencies.add(target.bomRef);
        }
    }
    return { list, byName };
}
function aptComponents(ctx) {
    const out = new Map();
    for (const a of ctx.record.apt) {
        const pkg = { name: clean(a.name), version: clean(a.version), arch: clean(a.arch) };
        const purl = ctx.osId === undefined ? undefined : debPurl(ctx.osId, pkg, ctx.distro);
        const bomRef = purl ?? `${SBOM_PROPERTY_PREFIX}deb:${pkg.name}@${pkg.version}:${pkg.arch}`;
        if (out.has(bomRef))
            continue;
        const c = new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Component(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Library, pkg.name, {
            bomRef,
            ...(purl !== undefined && { purl }),
            ...(pkg.version !== '' && { version: cut(pkg.version) }),
        });
        prop(c, 'deb.arch', pkg.arch);
        out.set(bomRef, c);
    }
    return [...out.values()];
}
function osComponent(ctx) {
    const rel = ctx.record.os.osRelease;
    const c = new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Component(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.OperatingSystem, ctx.osId ?? 'linux', {
        bomRef: `${SBOM_PROPERTY_PREFIX}os`,
        ...(nonEmpty(rel.VERSION_ID) && { version: cut(clean(rel.VERSION_ID)) }),
        ...(nonEmpty(rel.PRETTY_NAME) && { description: clean(rel.PRETTY_NAME) }),
    });
    prop(c, 'os.glibc', ctx.record.os.glibc);
    prop(c, 'os.distro', ctx.distro);
    return c;
}
/** One ML-stack component that is not a pip distribution (CUDA, cuDNN, NCCL, Python, base). */
function stackComponent(type, role, name, version, extra = {}) {
    const c = new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Component(type, name, {
        bomRef: extra.bomRef ?? extra.purl ?? `${SBOM_PROPERTY_PREFIX}${role}`,
        ...(nonEmpty(version) && { version: cut(clean(version)) }),
        ...(extra.group !== undefined && { group: extra.group }),
        ...(extra.purl !== undefined && { purl: extra.purl }),
    });
    c.properties.add(new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Property(ML_STACK_PROPERTY, role));
    return c;
}
/** The ML stack: new components, and properties on the pip components of torch and NumPy. */
function mlStack(ctx, pipByName) {
    const { record } = ctx;
    const out = [];
    const nvidia = (role, name, version) => {
        if (!nonEmpty(version))
            return undefined;
        const c = stackComponent(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Library, role, name, version, { group: 'nvidia' });
        out.push(c);
        return c;
    };
    const cuda = nvidia('cuda.runtime', 'cuda-runtime', record.cuda.runtime);
    if (cuda) {
        prop(cuda, 'cuda.nvcc', record.cuda.nvcc);
        prop(cuda, 'driver.floor', ctx.driverFloor);
    }
    nvidia('cudnn', 'cudnn', record.cuda.cudnn);
    nvidia('nccl', 'nccl', record.cuda.nccl);
    if (record.torch) {
        let torch = pipByName.get('torch');
        if (!torch) {
            torch = stackComponent(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Framework, 'torch', 'torch', record.torch.version, {
                purl: pypiPurl('torch', clean(record.torch.version)),
            });
            out.push(torch);
        }
        else
            torch.properties.add(new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Property(ML_STACK_PROPERTY, 'torch'));
        torch.type = _cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Framework;
        prop(torch, 'torch.cuda', record.torch.cuda ?? 'none');
        prop(torch, 'torch.hip', record.torch.hip);
        prop(torch, 'torch.version', record.torch.version);
    }
    pipByName.get('numpy')?.properties.add(new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Property(ML_STACK_PROPERTY, 'numpy'));
    const python = clean(record.python.implementation).toLowerCase() || 'python';
    out.push(stackComponent(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Application, 'python', python, record.python.version));
    if (ctx.base) {
        const ref = (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .parseImageRef */ .Q)(ctx.base.ref);
        const purl = ociPurl(ctx.base.ref, ctx.base.digest, ctx.arch);
        // A base that is the image itself (its label says so) shares its purl: the bom-refs must differ
        // (the library would make one up at random, and the SBOM would change from run to run).
        const image = ociPurl(ctx.imageRef, ctx.digest && `sha256:${ctx.digest}`, ctx.arch);
        const bomRef = purl !== undefined && purl === image ? `${SBOM_PROPERTY_PREFIX}base.image` : undefined;
        const base = stackComponent(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Container, 'base.image', (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_6__/* .repositoryOf */ ._M)(ref), null, {
            purl,
            ...(bomRef !== undefined && { bomRef }),
        });
        if (ctx.base.digest ?? ref.tag)
            base.version = ctx.base.digest ?? ref.tag;
        prop(base, 'base.image', ctx.base.ref);
        out.push(base);
    }
    return out;
}
/** Components by purl, else group, name and version; then bom-ref (unique): code-unit order. */
function sortComponents(components) {
    const keyed = components.map((c) => ({
        c,
        key: [c.purl?.toString() ?? '', c.group ?? '', c.name, c.version ?? '', c.bomRef.toString()],
    }));
    keyed.sort((a, b) => {
        for (let i = 0; i < a.key.length; i++) {
            const d = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .compareText */ .n)(a.key[i], b.key[i]);
            if (d !== 0)
                return d;
        }
        return 0;
    });
    return keyed.map((k) => k.c);
}
/** A component's properties (by name, then value) and dependencies (by bom-ref) in code-unit order. */
function ordered(c) {
    const props = [...c.properties].sort((a, b) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .compareText */ .n)(a.name, b.name) || (0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .compareText */ .n)(a.value, b.value));
    c.properties.clear();
    for (const p of props)
        c.properties.add(p);
    const deps = [...c.dependencies].sort((a, b) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .compareText */ .n)(a.toString(), b.toString()));
    c.dependencies.clear();
    for (const d of deps)
        c.dependencies.add(d);
}
/** A UUID (version 5 layout, RFC 4122 variant) from a SHA-256: the same content, the same serial. */
function serialFrom(text) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/** The SBOM of one image (one platform) as CycloneDX 1.6 JSON. */
function buildSbom(input) {
    const ctx = context(input);
    const bom = new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Bom();
    const time = new Date(ctx.record.capture.time);
    if (!Number.isNaN(time.getTime()))
        bom.metadata.timestamp = time;
    bom.metadata.tools.components.add(new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Component(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Application, _types_js__WEBPACK_IMPORTED_MODULE_7__/* .TOOL_NAME */ .lH, {
        bomRef: `${SBOM_PROPERTY_PREFIX}tool`,
        version: clean(ctx.toolVersion),
    }));
    bom.metadata.component = imageComponent(ctx);
    const pip = pipComponents(ctx.record);
    const components = [osComponent(ctx), ...pip.list, ...aptComponents(ctx), ...mlStack(ctx, pip.byName)];
    for (const c of [bom.metadata.component, ...components])
        ordered(c);
    for (const c of sortComponents(components))
        bom.components.add(c);
    serializer ??= new _cyclonedx_cyclonedx_library_Serialize__WEBPACK_IMPORTED_MODULE_3__.JsonSerializer(new _cyclonedx_cyclonedx_library_Serialize__WEBPACK_IMPORTED_MODULE_3__.JSON.Normalize.Factory(_cyclonedx_cyclonedx_library_Spec__WEBPACK_IMPORTED_MODULE_4__.Spec1dot6));
    // The serial number is a hash of the BOM without it: serialized once, then put in its place
    // (after "version", where the serializer writes it). The lists are in the order given above:
    // the library's own sorting (sortLists) compares with localeCompare, which follows the runner's
    // locale, so the same record would give other bytes on another machine.
    const text = serializer.serialize(bom, { sortLists: false });
    const out = {};
    for (const [k, v] of Object.entries(JSON.parse(text))) {
        out[k] = v;
        if (k === 'version')
            out.serialNumber = serialFrom(text);
    }
    return out;
}
/** One serializer per process: making its normalizers is a good part of a BOM's time. */
let serializer;


/***/ }),

/***/ 79124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fg: () => (/* binding */ sha256Hex),
/* harmony export */   lH: () => (/* binding */ TOOL_NAME),
/* harmony export */   nv: () => (/* binding */ CYCLONEDX_PREDICATE_TYPE),
/* harmony export */   wE: () => (/* binding */ scrubDeep)
/* harmony export */ });
/* unused harmony exports IN_TOTO_STATEMENT_V1, inTotoStatement */
/* harmony import */ var _capture_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44977);
// What the attestations share: the in-toto statement that wraps each predicate, the tool's name,
// digests, and the one scrubbing pass every attestation goes through before it leaves.

/** https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md */
const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
/** The predicate type cosign and in-toto use for a CycloneDX SBOM. */
const CYCLONEDX_PREDICATE_TYPE = 'https://cyclonedx.org/bom';
const TOOL_NAME = 'ml-image-action';
/** The statement for an image by digest: subject name is the repository, digest its sha256. */
function inTotoStatement(image, predicateType, predicate) {
    const hex = sha256Hex(image.digest);
    return {
        _type: IN_TOTO_STATEMENT_V1,
        subject: [{ name: image.repository, digest: hex === undefined ? {} : { sha256: hex } }],
        predicateType,
        predicate,
    };
}
/** "sha256:<64 hex>" (or the bare hex) -> the lowercase hex; anything else -> undefined. */
function sha256Hex(digest) {
    const m = /^(?:sha256:)?([0-9a-fA-F]{64})$/.exec(digest ?? '');
    return m ? m[1].toLowerCase() : undefined;
}
function textDeep(value) {
    if (typeof value === 'string')
        return (0,_capture_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactText */ .Rd)(value);
    if (Array.isArray(value))
        return value.map(textDeep);
    if (value !== null && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, textDeep(v)]));
    return value;
}
/** Whole strings that look like secrets replaced (redactDeep), except the KEEP ones. */
function secretsDeep(value, keep) {
    if (typeof value === 'string')
        return keep.has(value) ? value : (0,_capture_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactDeep */ .KL)(value);
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
    return secretsDeep(textDeep(value), new Set(keep));
}


/***/ }),

/***/ 66917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ ENV_RECORD_SCHEMA_VERSION),
/* harmony export */   Kh: () => (/* binding */ CREATED_LABEL),
/* harmony export */   iv: () => (/* binding */ EnvRecordSchema),
/* harmony export */   z: () => (/* binding */ VARIANT_LABEL)
/* harmony export */ });
/* unused harmony exports LayerSchema, COLLECT_ENV_FIELDS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92857);
/* harmony import */ var _plan_tags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49458);
// EnvRecord: what is inside an image (env.json). Versioned, so the next release reads this one's:
// src/diff/read.ts migrates older records (v1 had no image.variant / image.created).


const ENV_RECORD_SCHEMA_VERSION = 2;
/** Labels the build sets (src/plan/tags.ts computeLabels) that image.variant / image.created mirror. */
const VARIANT_LABEL = `${_plan_tags_js__WEBPACK_IMPORTED_MODULE_0__/* .LABEL_PREFIX */ .Ag}.variant`;
const CREATED_LABEL = 'org.opencontainers.image.created';
const maybe = (t) => t.nullable().optional();
/** One step of the image's history (docker history): its instruction and the bytes its layer added. */
const LayerSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    createdBy: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    sizeBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative(),
    /** No filesystem layer (ENV, CMD, LABEL ...). */
    empty: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
});
const EnvRecordSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(ENV_RECORD_SCHEMA_VERSION),
    image: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        ref: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        digest: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        platform: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        sizeBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        layers: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        user: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        entrypoint: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).nullable(),
        cmd: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).nullable(),
        env: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        /** The config variant the image was built for (cpu, cuda12.8), when known. (v2) */
        variant: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
        /** When the image was created (ISO 8601), from the engine or the OCI label. (v2) */
        created: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
        /**
         * The image's history, oldest first: each build step with the instruction that made it and
         * the bytes its layer added (0 for ENV, CMD ... which add no layer). From the engine; absent in
         * records written before sizes were captured, or when the engine could not tell.
         */
        history: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(LayerSchema).optional(),
    }),
    os: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        osRelease: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        glibc: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        kernel: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        machine: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    }),
    python: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        implementation: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        executable: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        platform: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        pipVersion: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        packages: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
            name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            requires: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
            installer: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            location: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
            /** Bytes installed: the sizes its RECORD lists (else its files); absent when unknown. */
            sizeBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().optional(),
        })),
    }),
    apt: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        arch: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        /** dpkg's Installed-Size (KiB) in bytes; absent when unknown. */
        sizeBytes: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nonnegative().optional(),
    })),
    cuda: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        runtime: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        driverMaxCuda: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        cudnn: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        nccl: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        nvcc: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        /** Where each library was read: "torch: nvidia/cudnn/lib/libcudnn.so.9" (the copy torch loads) or "system". */
        sources: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
    }),
    torch: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        cuda: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        hip: maybe(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
        cudaAvailable: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
        deviceCount: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        tf32: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ matmul: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(), cudnn: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY() }),
        allocatorConfig: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    })
        .loose()
        .nullable(),
    gpus: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        memoryMiB: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        computeCapability: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        driver: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    })
        .loose()),
    tools: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable()),
    env: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    /** Every field of torch.utils.collect_env, by its name there. */
    collectEnv: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .unknown */ .L5J()),
    errors: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ field: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), error: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() })),
    capture: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        probeVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        durationMs: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        toolVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        time: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
        host: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ kernel: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), engine: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional() }),
    }),
});
/** The fields torch.utils.collect_env reports (SystemEnv); the probe fills every one. */
const COLLECT_ENV_FIELDS = (/* unused pure expression or super */ null && ([
    'torch_version',
    'is_debug_build',
    'cuda_compiled_version',
    'gcc_version',
    'clang_version',
    'cmake_version',
    'os',
    'libc_version',
    'python_version',
    'python_platform',
    'is_cuda_available',
    'cuda_runtime_version',
    'cuda_module_loading',
    'nvidia_driver_version',
    'nvidia_gpu_models',
    'cudnn_version',
    'pip_version',
    'pip_packages',
    'conda_packages',
    'hip_compiled_version',
    'hip_runtime_version',
    'miopen_runtime_version',
    'caching_allocator_config',
    'is_xnnpack_available',
    'cpu_info',
]));


/***/ }),

/***/ 98556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sbomCommand: () => (/* binding */ sbomCommand)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _attest_sbom_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55056);
/* harmony import */ var _diff_read_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15523);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80019);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(77593);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(96657);







const sbomCommand = {
    outIsFile: true,
    name: 'sbom',
    summary: 'Write the CycloneDX 1.6 SBOM of an image from its environment record (env.json).',
    usage: 'ml-image sbom --record env.json [--out FILE] [--variant V] [--json]',
    help: `Builds an ML-aware SBOM (CycloneDX 1.6 JSON) from an environment record written by
"ml-image capture" or a run: every pip distribution (pkg:pypi), every apt package (pkg:deb), the
OS, and the ML stack as components with ml-image:* properties: CUDA runtime, cuDNN, NCCL, torch
and its CUDA build, NumPy, Python and the base image (from the OCI base-image labels). The image
itself is the SBOM's subject (pkg:oci, by digest when the record has one). The same record gives
the same bytes. Nothing from the image's environment variables goes in; see docs/attestations.md.

Options:
  --record FILE   the environment record (env.json; older record versions are read)
  --out FILE      write the SBOM to FILE instead of printing it
  --variant V     the variant named in the SBOM (default: the record's)
  --json          with --out: print {"file", "components", "serialNumber"} instead of a line

Exit codes: 0 written; 2 the record is missing, not JSON or not a record (the message names it).`,
    async run(argv, io) {
        const { values } = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCommandArgs */ .Qx)('sbom', argv, {
            record: { type: 'string' },
            variant: { type: 'string' },
        });
        if (values.record === undefined || values.record === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('sbom: --record is required', 'e.g. ml-image sbom --record results/env-cpu-amd64.json');
        if (values.variant === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('sbom: --variant: expected a variant name, got ""');
        const file = values.record;
        const record = (0,_diff_read_js__WEBPACK_IMPORTED_MODULE_2__/* .readEnvRecord */ .NQ)((0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_4__/* .readJsonFile */ .JE)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(io.cwd, file), { what: 'environment record' }), file);
        const sbom = (0,_attest_sbom_js__WEBPACK_IMPORTED_MODULE_1__/* .buildSbom */ .s2)({ record, ...(values.variant !== undefined && { variant: values.variant }) });
        const text = `${JSON.stringify(sbom, null, 2)}\n`;
        if (values.out === undefined) {
            io.stdout(text);
            return 0;
        }
        const written = (0,_output_js__WEBPACK_IMPORTED_MODULE_6__/* .writeOutFile */ .W)(io.cwd, node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(values.out), node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(values.out), text);
        const components = Array.isArray(sbom.components) ? sbom.components.length : 0;
        if (values.json)
            io.stdout(`${JSON.stringify({ file: written, components, serialNumber: sbom.serialNumber }, null, 2)}\n`);
        else
            io.stderr(`wrote ${written} (CycloneDX 1.6, ${components} components)\n`);
        return 0;
    },
};


/***/ }),

/***/ 96657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ writeOutFile)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _capture_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44977);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80019);




/**
 * Write one result file into the --out directory (created when missing); returns its path.
 * The directory is checked first (exit 2 at once for a non-directory or /proc, /sys, /dev); the
 * file is written atomically (no half-written JSON a later run would trust); a full or read-only
 * filesystem is exit 3 naming the path. Userinfo in URLs never reaches a result file.
 */
function writeOutFile(cwd, outDir, name, content) {
    const label = `--out ${outDir}`;
    const dir = (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, outDir), label);
    const file = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(dir, name);
    if (node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(dir, file).startsWith('..'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${label}: ${name} is outside the directory`);
    (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .ensureResultDir */ .dc)(node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(file), label);
    (0,_util_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Zf)(file, (0,_capture_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrls */ .sK)(content), label);
    return file;
}


/***/ }),

/***/ 15523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NQ: () => (/* binding */ readEnvRecord),
/* harmony export */   dV: () => (/* binding */ readSmokeResult),
/* harmony export */   lk: () => (/* reexport safe */ _util_json_file_js__WEBPACK_IMPORTED_MODULE_4__.lk)
/* harmony export */ });
/* unused harmony exports ENV_RECORD_MIGRATIONS, SMOKE_RESULT_MIGRATIONS */
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66917);
/* harmony import */ var _config_issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11012);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _smoke_result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3228);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(80019);




const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const ENV_RECORD_MIGRATIONS = {
    // v1 -> v2: image.variant and image.created, from the labels the build sets (src/plan/tags.ts).
    1: (r) => {
        if (!isObject(r.image))
            return { ...r, schemaVersion: 2 };
        const labels = isObject(r.image.labels) ? r.image.labels : {};
        const label = (k) => (typeof labels[k] === 'string' ? labels[k] : null);
        return {
            ...r,
            schemaVersion: 2,
            image: { ...r.image, variant: label(_capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .VARIANT_LABEL */ .z), created: label(_capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .CREATED_LABEL */ .Kh) },
        };
    },
};
const SMOKE_RESULT_MIGRATIONS = {};
const MAX_ISSUES = 8;
function read(json, source, kind) {
    if (!isObject(json)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: not ${kind.what} (expected a JSON object, got ${describe(json)})`);
    }
    const version = json.schemaVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: schemaVersion: expected a positive integer, got ${describe(version)} (is this ${kind.what}?)`);
    }
    if (version > kind.current) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: schemaVersion ${version} is newer than this version of ml-image reads (up to ${kind.current})`, 'update ml-image-action (the record was written by a newer release)');
    }
    let record = json;
    for (let v = version; v < kind.current; v++) {
        const step = kind.migrations[v];
        if (!step)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: schemaVersion ${v} is no longer readable (no migration to ${v + 1})`);
        record = step(record);
    }
    const parsed = kind.schema.safeParse(record);
    if (parsed.success)
        return parsed.data;
    const issues = parsed.error.issues;
    const lines = (0,_config_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .formatIssues */ .og)(parsed.error, record, kind.schema)
        .slice(0, MAX_ISSUES)
        .map((line) => `  - ${line}`);
    if (issues.length > MAX_ISSUES)
        lines.push(`  - ... and ${issues.length - MAX_ISSUES} more`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${source}: not a valid ${kind.what} (schemaVersion ${version}): ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${lines.join('\n')}`);
}
function describe(v) {
    if (v === undefined)
        return 'nothing';
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'string')
        return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    return typeof v === 'object' ? 'an object' : String(v);
}
function readEnvRecord(json, source) {
    return read(json, source, {
        what: 'environment record (env.json)',
        current: _capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .ENV_RECORD_SCHEMA_VERSION */ .B6,
        migrations: ENV_RECORD_MIGRATIONS,
        schema: _capture_record_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvRecordSchema */ .iv,
    });
}
function readSmokeResult(json, source) {
    return read(json, source, {
        what: 'smoke result (smoke.json)',
        current: _smoke_result_js__WEBPACK_IMPORTED_MODULE_2__/* .SMOKE_RESULT_SCHEMA_VERSION */ .Nn,
        migrations: SMOKE_RESULT_MIGRATIONS,
        schema: _smoke_result_js__WEBPACK_IMPORTED_MODULE_2__/* .SmokeResultSchema */ .wp,
    });
}
/** JSON text to a value; the error names the file. */



/***/ }),

/***/ 49458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ computeTags),
/* harmony export */   Ag: () => (/* binding */ LABEL_PREFIX),
/* harmony export */   YN: () => (/* binding */ versionFromRef),
/* harmony export */   zt: () => (/* binding */ computeLabels)
/* harmony export */ });
// Tags and OCI labels of a variant. Pure: the git/CI context is passed in.
//
// Tag rules (docs/configuration.md "Tags"):
//   <version>-<variant>        when a version is known (image.version, or a v1.2.3 git tag)
//   sha-<sha7>-<variant>       whenever the commit is known
//   pr-<n>-<variant>           on pull requests
//   <variant>                  on the default branch (the variant's moving "latest")
//   latest                     on the default branch, for the first variant of the config only
//   dev-<variant>              when none of the above applies (a local build outside git)
const LABEL_PREFIX = 'io.github.ml-image-action';
/** A version from a tag ref like refs/tags/v1.4.0 -> "1.4.0". */
function versionFromRef(ref) {
    const m = /^refs\/tags\/v?(\d+\.\d+\.\d+[A-Za-z0-9.+-]*)$/.exec(ref ?? '');
    return m ? m[1].replace(/\+/g, '-') : undefined;
}
function computeTags(t) {
    const tags = [];
    const add = (tag) => {
        const full = `${t.repository}:${tag}`;
        if (!tags.includes(full))
            tags.push(full);
    };
    const version = t.version ?? versionFromRef(t.git.ref);
    if (version !== undefined)
        add(`${version}-${t.variant}`);
    if (t.git.sha)
        add(`sha-${t.git.sha.slice(0, 7)}-${t.variant}`);
    if (t.git.prNumber !== undefined)
        add(`pr-${t.git.prNumber}-${t.variant}`);
    if (t.git.isDefaultBranch) {
        add(t.variant);
        if (t.primary)
            add('latest');
    }
    if (tags.length === 0)
        add(`dev-${t.variant}`);
    return tags;
}
/** OCI labels plus the project's own. The base image digest label is added at build time. */
function computeLabels(l) {
    const version = l.version ?? versionFromRef(l.git.ref);
    return {
        'org.opencontainers.image.title': l.title,
        'org.opencontainers.image.created': l.git.commitTime ?? l.created.toISOString(),
        ...(l.git.repositoryUrl !== undefined && { 'org.opencontainers.image.source': l.git.repositoryUrl }),
        ...(l.git.sha !== undefined && { 'org.opencontainers.image.revision': l.git.sha }),
        ...(version !== undefined && { 'org.opencontainers.image.version': version }),
        'org.opencontainers.image.base.name': l.baseImage,
        [`${LABEL_PREFIX}.variant`]: l.variant,
        [`${LABEL_PREFIX}.python`]: l.python,
        ...(l.cuda !== undefined && { [`${LABEL_PREFIX}.cuda`]: l.cuda }),
        ...(l.torch !== undefined && { [`${LABEL_PREFIX}.torch`]: l.torch }),
        [`${LABEL_PREFIX}.base-image`]: l.baseImage,
    };
}


/***/ }),

/***/ 3228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
    tests: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(SmokeTestSchema),
    summary: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ pass: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), fail: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), skip: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig() }),
    /**
     * When and where the suites ran (ISO 8601; the runner). The smoke attestation says so, also when
     * another job makes it or an identical earlier run's results are reused. Results of versions
     * before these fields have neither.
     */
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_1__/* .datetime */ .w$({ offset: true }).optional(),
    runner: SmokeRunnerSchema.optional(),
});
const xml = (s) => s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c])
    // XML 1.0 forbids most control characters, which test output may contain.
    // eslint-disable-next-line no-control-regex -- removing them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
function toJUnit(r) {
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="ml-image smoke" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}" time="${(r.summary.durationMs / 1000).toFixed(3)}">`,
        `  <testsuite name="${xml(`${r.image} ${r.platform}`)}" tests="${r.tests.length}" failures="${r.summary.fail}" skipped="${r.summary.skip}">`,
    ];
    for (const t of r.tests) {
        lines.push(`    <testcase classname="${xml(t.suite)}" name="${xml(t.id)}" time="${(t.durationMs / 1000).toFixed(3)}">`);
        if (t.status === 'skip')
            lines.push(`      <skipped message="${xml(t.reason ?? '')}"/>`);
        if (t.status === 'fail') {
            const msg = t.cause
                ? `${t.reason ?? ''} | cause: ${t.cause.cause} | fix: ${t.cause.fix}`
                : (t.reason ?? '');
            lines.push(`      <failure message="${xml(msg)}">${xml(t.output ?? '')}</failure>`);
        }
        const props = Object.entries(t.metrics);
        if (props.length) {
            lines.push('      <properties>');
            for (const [k, v] of props)
                lines.push(`        <property name="${xml(k)}" value="${xml(String(v))}"/>`);
            lines.push('      </properties>');
        }
        lines.push('    </testcase>');
    }
    lines.push('  </testsuite>', '</testsuites>', '');
    return lines.join('\n');
}


/***/ }),

/***/ 49997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ clip),
/* harmony export */   n: () => (/* binding */ compareText)
/* harmony export */ });
// Text helpers shared by the stages.
/** Cut to at most max characters (code points), marking the cut: never inside a surrogate pair. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    const points = Array.from(text);
    return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}
/**
 * Strings in code-unit order: the same on every machine. `localeCompare` follows the runner's
 * locale (LANG): sv_SE puts "libaa" before "libå", da_DK puts "libA" before "liba", so a sorted
 * list (and whatever is hashed or signed from it) would change with the machine.
 */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


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
