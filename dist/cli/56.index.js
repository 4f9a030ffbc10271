export const id = 56;
export const ids = [56];
export const modules = {

/***/ 11276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ debPurl),
/* harmony export */   EK: () => (/* binding */ purlEncode),
/* harmony export */   Ty: () => (/* binding */ normalizePypiName),
/* harmony export */   Vf: () => (/* binding */ ociPurl),
/* harmony export */   iC: () => (/* binding */ pypiPurl)
/* harmony export */ });
/* harmony import */ var _plan_image_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68646);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79124);
// Package URLs (https://github.com/package-url/purl-spec) as the SBOM writes them: pkg:pypi,
// pkg:deb and pkg:oci, percent-encoded and with sorted qualifiers (pure).



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
        .sort(([a], [b]) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .compareText */ .n)(a, b))
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
    const hex = (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256Hex */ .fg)(digest);
    if (hex === undefined)
        return undefined;
    const r = (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageRef */ .Q)(ref);
    const name = r.path.split('/').pop().toLowerCase();
    return `pkg:oci/${purlEncode(name)}@sha256:${hex}${qualifiers({ arch, repository_url: (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryOf */ ._M)(r), tag: r.tag })}`;
}


/***/ }),

/***/ 55056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C_: () => (/* binding */ SBOM_INPUTS_PROPERTY),
/* harmony export */   FE: () => (/* binding */ SBOM_PROPERTY_PREFIX),
/* harmony export */   jL: () => (/* binding */ sbomInputsDigest),
/* harmony export */   s2: () => (/* binding */ buildSbom)
/* harmony export */ });
/* unused harmony exports ML_STACK_PROPERTY, SBOM_FORMAT */
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
/* harmony import */ var _cyclonedx_cyclonedx_library_package_json__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(95523);
/* harmony import */ var _capture_redact_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(44977);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(49997);
/* harmony import */ var _plan_image_ref_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(68646);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(311);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(11276);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(79124);
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
/** A lone UTF-16 surrogate (no JSON or URL can carry one): replaced by U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Every string from the record: scrubbed, and well-formed text (a purl encodes it). */
const clean = (s) => (0,_capture_redact_js__WEBPACK_IMPORTED_MODULE_6__/* .redactText */ .Rd)(s.replace(LONE_SURROGATE, '\uFFFD'));
/**
 * CycloneDX 1.6 allows versions up to 1024 characters (code points, as JSON Schema counts them): a
 * longer one (a hostile METADATA) is cut.
 */
const cut = (s) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_10__/* .clip */ .$)(s, 1024);
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
    const baseDigest = (0,_types_js__WEBPACK_IMPORTED_MODULE_9__/* .sha256Hex */ .fg)(base?.digest ?? (base && (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_7__/* .parseImageRef */ .Q)(base.ref).digest));
    return {
        record,
        variant: input.variant === undefined ? record.image.variant : input.variant,
        imageRef: clean(input.imageRef ?? record.image.ref),
        digest: (0,_types_js__WEBPACK_IMPORTED_MODULE_9__/* .sha256Hex */ .fg)(input.imageDigest === undefined ? record.image.digest : input.imageDigest),
        platform,
        arch: platform.split('/')[1],
        base: base && { ref: clean(base.ref), digest: baseDigest && `sha256:${baseDigest}` },
        driverFloor: input.driverFloor ?? null,
        toolVersion: input.toolVersion ?? _version_js__WEBPACK_IMPORTED_MODULE_11__/* .VERSION */ .x,
        osId: osId === undefined ? undefined : clean(osId),
        distro: osId !== undefined && nonEmpty(osVersion) ? clean(`${osId}-${osVersion}`) : undefined,
    };
}
/** The image by digest (or tag): the SBOM's subject, with the ML stack summed up as properties. */
function imageComponent(ctx) {
    const digest = ctx.digest && `sha256:${ctx.digest}`;
    const ref = (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_7__/* .parseImageRef */ .Q)(ctx.imageRef);
    const purl = (0,_purl_js__WEBPACK_IMPORTED_MODULE_8__/* .ociPurl */ .Vf)(ctx.imageRef, digest, ctx.arch);
    const c = new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Component(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Container, (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_7__/* .repositoryOf */ ._M)(ref), {
        bomRef: purl ?? `${SBOM_PROPERTY_PREFIX}image`,
        ...(purl !== undefined && { purl }),
        ...((digest ?? ref.tag) !== undefined && { version: digest ?? ref.tag }),
    });
    const { record } = ctx;
    const pip = (n) => record.python.packages.find((p) => (0,_purl_js__WEBPACK_IMPORTED_MODULE_8__/* .normalizePypiName */ .Ty)(p.name) === n)?.version;
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
        const purl = (0,_purl_js__WEBPACK_IMPORTED_MODULE_8__/* .pypiPurl */ .iC)(name, version);
        if (seen.has(purl))
            continue;
        seen.add(purl);
        const c = new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Component(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Library, name, { bomRef: purl, purl, version: cut(version) });
        prop(c, 'pip.installer', p.installer);
        list.push(c);
        if (!byName.has((0,_purl_js__WEBPACK_IMPORTED_MODULE_8__/* .normalizePypiName */ .Ty)(name)))
            byName.set((0,_purl_js__WEBPACK_IMPORTED_MODULE_8__/* .normalizePypiName */ .Ty)(name), c);
    }
    for (const p of record.python.packages) {
        const c = byName.get((0,_purl_js__WEBPACK_IMPORTED_MODULE_8__/* .normalizePypiName */ .Ty)(clean(p.name)));
        for (const req of p.requires) {
            if (/\bextra\s*==/.test(req))
                continue; // only with an extra: not necessarily in use
            const dep = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req)?.[1];
            const target = dep === undefined ? undefined : byName.get((0,_purl_js__WEBPACK_IMPORTED_MODULE_8__/* .normalizePypiName */ .Ty)(dep));
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
        const purl = ctx.osId === undefined ? undefined : (0,_purl_js__WEBPACK_IMPORTED_MODULE_8__/* .debPurl */ .B8)(ctx.osId, pkg, ctx.distro);
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
                purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_8__/* .pypiPurl */ .iC)('torch', clean(record.torch.version)),
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
        const ref = (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_7__/* .parseImageRef */ .Q)(ctx.base.ref);
        const purl = (0,_purl_js__WEBPACK_IMPORTED_MODULE_8__/* .ociPurl */ .Vf)(ctx.base.ref, ctx.base.digest, ctx.arch);
        // A base that is the image itself (its label says so) shares its purl: the bom-refs must differ
        // (the library would make one up at random, and the SBOM would change from run to run).
        const image = (0,_purl_js__WEBPACK_IMPORTED_MODULE_8__/* .ociPurl */ .Vf)(ctx.imageRef, ctx.digest && `sha256:${ctx.digest}`, ctx.arch);
        const bomRef = purl !== undefined && purl === image ? `${SBOM_PROPERTY_PREFIX}base.image` : undefined;
        const base = stackComponent(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Container, 'base.image', (0,_plan_image_ref_js__WEBPACK_IMPORTED_MODULE_7__/* .repositoryOf */ ._M)(ref), null, {
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
            const d = (0,_util_text_js__WEBPACK_IMPORTED_MODULE_10__/* .compareText */ .n)(a.key[i], b.key[i]);
            if (d !== 0)
                return d;
        }
        return 0;
    });
    return keyed.map((k) => k.c);
}
/** A component's properties (by name, then value) and dependencies (by bom-ref) in code-unit order. */
function ordered(c) {
    const props = [...c.properties].sort((a, b) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_10__/* .compareText */ .n)(a.name, b.name) || (0,_util_text_js__WEBPACK_IMPORTED_MODULE_10__/* .compareText */ .n)(a.value, b.value));
    c.properties.clear();
    for (const p of props)
        c.properties.add(p);
    const deps = [...c.dependencies].sort((a, b) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_10__/* .compareText */ .n)(a.toString(), b.toString()));
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
    bom.metadata.properties.add(new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Property(SBOM_INPUTS_PROPERTY, sbomInputsDigest(input)));
    const time = new Date(ctx.record.capture.time);
    if (!Number.isNaN(time.getTime()))
        bom.metadata.timestamp = time;
    bom.metadata.tools.components.add(new _cyclonedx_cyclonedx_library_Models__WEBPACK_IMPORTED_MODULE_2__.Component(_cyclonedx_cyclonedx_library_Enums__WEBPACK_IMPORTED_MODULE_1__.ComponentType.Application, _types_js__WEBPACK_IMPORTED_MODULE_9__/* .TOOL_NAME */ .lH, {
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
/**
 * What buildSbom makes, in one number: bump it with any change to the SBOM's bytes for the same
 * input (the test that pins an SBOM's digest says when). It is part of sbomInputsDigest: an SBOM
 * an earlier run made with other code is not attached again as this code's.
 */
const SBOM_FORMAT = 3;
/** The CycloneDX library's version (its serializer writes the SBOM). */
const CDX_LIBRARY_VERSION = _cyclonedx_cyclonedx_library_package_json__WEBPACK_IMPORTED_MODULE_5__/* .version */ .rE;
/** The SBOM's metadata property that holds sbomInputsDigest of what it was made from. */
const SBOM_INPUTS_PROPERTY = `${SBOM_PROPERTY_PREFIX}sbom.inputs`;
/**
 * `sha256:<hex>` of everything buildSbom reads (the record, the image, the defaults it takes, the
 * tool's version, SBOM_FORMAT, the CycloneDX library's version and the redaction rules): two
 * inputs with one digest make the same SBOM. The attest stage
 * attaches an earlier run's signed SBOM again when it carries this digest, instead of making it.
 */
function sbomInputsDigest(input) {
    // An object: a field left out (undefined: the record's default) and null (none) differ.
    const text = JSON.stringify({
        format: SBOM_FORMAT,
        tool: input.toolVersion ?? _version_js__WEBPACK_IMPORTED_MODULE_11__/* .VERSION */ .x,
        // What else shapes its bytes: the library that writes it, and the rules that scrub each string.
        library: CDX_LIBRARY_VERSION,
        redaction: _capture_redact_js__WEBPACK_IMPORTED_MODULE_6__/* .REDACTION_RULES */ .iz,
        variant: input.variant,
        imageRef: input.imageRef,
        imageDigest: input.imageDigest,
        platform: input.platform,
        baseImage: input.baseImage,
        driverFloor: input.driverFloor,
        record: input.record,
    });
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex')}`;
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


/***/ })

};
