export const id = 130;
export const ids = [130];
export const modules = {

/***/ 11276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ debPurl),
/* harmony export */   LF: () => (/* binding */ condaPurl),
/* harmony export */   Vf: () => (/* binding */ ociPurl),
/* harmony export */   Zs: () => (/* binding */ localRef),
/* harmony export */   eY: () => (/* binding */ dockerPurl),
/* harmony export */   iC: () => (/* binding */ pypiPurl)
/* harmony export */ });
/* unused harmony export purlEncode */
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17700);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79124);
// Package URLs (https://github.com/package-url/purl-spec) as the SBOM writes them: pkg:pypi,
// pkg:deb, pkg:conda and pkg:oci, and the provenance's pkg:docker, percent-encoded and with sorted
// qualifiers (pure).



/** Percent-encoding as purl requires: everything but A-Z a-z 0-9 . - _ ~ and ':' (never encoded). */
function purlEncode(s) {
    return encodeURIComponent(s)
        .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%3A/gi, ':');
}
/** Qualifiers sorted by key, empty values left out. */
function qualifiers(q) {
    const parts = Object.entries(q)
        .filter((e) => typeof e[1] === 'string' && e[1] !== '')
        .sort(([a], [b]) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .compareText */ .n6)(a, b))
        .map(([k, v]) => `${k}=${purlEncode(v)}`);
    return parts.length ? `?${parts.join('&')}` : '';
}
const at = (version) => (version === '' ? '' : `@${purlEncode(version)}`);
/**
 * A purl's name segment, or undefined for an empty name: the purl spec requires a name, and
 * "pkg:pypi/@1.0" is no purl (a parser refuses it). A record may hold one (a METADATA without a
 * Name, a hand-made record): its component gets no purl.
 */
const named = (name, purl) => name === '' ? undefined : purl(purlEncode(name));
/**
 * pkg:pypi/<name>@<version>, the name as the purl spec's pypi type writes it: lowercased, each
 * underscore a dash, nothing else changed (Foo_Bar.baz -> foo-bar.baz, zope.interface stays). Not
 * PEP 503's canonicalName, which also turns dots into dashes and folds runs: that one is for
 * matching names, not for the purl.
 */
function pypiPurl(name, version) {
    return named(name.toLowerCase().replace(/_/g, '-'), (n) => `pkg:pypi/${n}${at(version)}`);
}
/**
 * The `upstream` qualifier of a deb purl, as syft writes it and grype reads it: the source package
 * when its name differs from the binary's (scanners match Debian's advisories by source package:
 * libssl3 -> openssl), with `@<version>` when that differs too (glibc@2.36-9 for a binNMU's libc6
 * 2.36-9+b1); none when the source is the binary package itself.
 */
function debUpstream(pkg) {
    const { source, sourceVersion } = pkg;
    if (!source || source.toLowerCase() === pkg.name.toLowerCase())
        return undefined;
    return sourceVersion && sourceVersion !== pkg.version ? `${source}@${sourceVersion}` : source;
}
function debPurl(osId, pkg, distro) {
    const q = qualifiers({ arch: pkg.arch, distro, upstream: debUpstream(pkg) });
    const ns = purlEncode(osId.toLowerCase());
    return named(pkg.name.toLowerCase(), (n) => `pkg:deb/${ns}/${n}${at(pkg.version)}${q}`);
}
/** pkg:conda/<name>@<version>?build=&channel=&subdir= (purl-spec's conda type: no namespace). */
function condaPurl(pkg) {
    const q = qualifiers({ build: pkg.build, channel: pkg.channel, subdir: pkg.subdir });
    return named(pkg.name, (n) => `pkg:conda/${n}${at(pkg.version)}${q}`);
}
/**
 * pkg:oci/<name>@sha256:<hex>?arch=&repository_url=&tag=, or undefined without a sha256 digest or
 * a name (a reference that ends in "/").
 */
function ociPurl(ref, digest, arch) {
    const hex = (0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Hex */ .fg)(digest);
    if (hex === undefined)
        return undefined;
    const r = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageRef */ .Q)(ref);
    const q = qualifiers({ arch, repository_url: (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryOf */ ._M)(r), tag: r.tag });
    return named(r.path.split('/').pop().toLowerCase(), (n) => `pkg:oci/${n}@sha256:${hex}${q}`);
}
/**
 * pkg:docker/<path>@<digest, else tag>?repository_url=<registry> (the provenance's base image), or
 * undefined for a reference without a name (one that ends in "/"), as ociPurl.
 */
function dockerPurl(ref, digest) {
    const r = (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageRef */ .Q)(ref);
    const hex = (0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Hex */ .fg)(digest ?? r.digest);
    const q = qualifiers({ repository_url: r.registry });
    const path = r.path.split('/');
    const name = path.pop();
    const ns = path.map((s) => `${purlEncode(s)}/`).join('');
    return named(name, (n) => `pkg:docker/${ns}${n}${at(hex !== undefined ? `sha256:${hex}` : (r.tag ?? ''))}${q}`);
}
/** '%', '@' and ':' percent-encoded: the delimiters of localRef. */
const refPart = (s) => (s ?? '').replace(/[%@:]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/**
 * The bom-ref of a package without a purl (an empty name; a deb of an OS without an ID):
 * ml-image:<kind>:<name>@<version>[:<qualifier>...], each part with its delimiters encoded, so that
 * two packages get one only when they are alike (a name with "@" or ":" made the same one as
 * another package's, and the second was left out of the SBOM).
 */
function localRef(kind, name, version, ...rest) {
    return `ml-image:${kind}:${refPart(name)}@${refPart(version)}${rest.map((r) => `:${refPart(r)}`).join('')}`;
}


/***/ }),

/***/ 99737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C_: () => (/* binding */ SBOM_INPUTS_PROPERTY),
  FE: () => (/* binding */ SBOM_PROPERTY_PREFIX),
  s2: () => (/* binding */ buildSbom),
  jL: () => (/* binding */ sbomInputsDigest)
});

// UNUSED EXPORTS: ML_STACK_PROPERTY, SBOM_FORMAT

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/enums/index.js
var enums = __webpack_require__(6820);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/models/index.js
var models = __webpack_require__(50320);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/serialize/index.node.js
var index_node = __webpack_require__(51248);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/spec/index.js
var spec = __webpack_require__(94321);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/package.json
var cyclonedx_library_package = __webpack_require__(95523);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
// EXTERNAL MODULE: ./src/config/platform.ts
var config_platform = __webpack_require__(15063);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/requirements/parse.ts
var parse = __webpack_require__(39459);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/attest/purl.ts
var attest_purl = __webpack_require__(11276);
;// CONCATENATED MODULE: ./src/attest/cpe.ts
/** NVD's update field of a CPython pre-release: 3.13.0rc1 -> rc1, 3.14.0a2 -> alpha2, 3.12.0b1 -> beta1. */
const UPDATE = { a: 'alpha', b: 'beta', rc: 'rc' };
/**
 * Whether a deb package holds the interpreter of this Python (pythonX.Y, pythonX.Y-minimal, their
 * lib): then the deb's purl is what scanners match it by (with the distribution's own fixes), and a
 * CPE of the upstream version would report what the distribution has patched.
 */
function fromDeb(record, minor) {
    return record.apt.some((a) => new RegExp(`^(lib)?python${minor.replace('.', '\\.')}(-minimal)?$`).test(a.name));
}
/**
 * cpe:2.3:a:python:python:<version>:<update>:*:*:*:*:*:* for a CPython whose version is a release
 * (3.11.9) or a pre-release (3.13.0rc1), when no deb package provides the interpreter; undefined
 * otherwise (another implementation, a version NVD has no name for: 3.12.0+, or a deb's Python).
 */
function pythonCpe(record) {
    if (record.python.implementation.toLowerCase() !== 'cpython')
        return undefined;
    const m = /^((\d+\.\d+)\.\d+)(?:(a|b|rc)(\d+))?$/.exec(record.python.version);
    if (!m || fromDeb(record, m[2]))
        return undefined;
    const [, version, , pre, n] = m;
    const update = pre !== undefined ? `${UPDATE[pre]}${n}` : '*';
    return `cpe:2.3:a:python:python:${version}:${update}:*:*:*:*:*:*`;
}

;// CONCATENATED MODULE: ./src/attest/sbom-conda.ts
// The SBOM's conda packages (record.conda, from each conda-meta/*.json): pkg:conda components.




/**
 * A version as a key both package managers' spellings of one release share (PEP 440's release
 * comparison): lower case, a leading v dropped, each release number without leading zeros and
 * trailing .0s dropped (conda-forge's certifi 2024.02.02 is pip's 2024.2.2; 1.0 is 1.0.0).
 */
function versionKey(version) {
    const m = /^v?(\d+(?:\.\d+)*)(.*)$/i.exec(version.trim());
    if (!m)
        return version.trim().toLowerCase();
    // Leading zeros taken off as text: a long number would lose digits as a Number.
    const release = m[1].split('.').map((n) => n.replace(/^0+(?=\d)/, ''));
    while (release.length > 1 && release.at(-1) === '0')
        release.pop();
    return `${release.join('.')}${m[2].toLowerCase()}`;
}
/**
 * Each conda package as a library component, pkg:conda/<name>@<version>?build=&channel=&subdir=.
 * A Python package conda installed has a dist-info too, so pip lists it as well, at the same
 * version: it stays one component, the pip one (pkg:pypi is what scanners match Python advisories
 * by, and one install is one component), with conda's build, channel and subdir as ml-image:conda.*
 * properties. Any other conda package is its own component with its pkg:conda purl: a name no pip
 * distribution has (mkl, pytorch-cuda, cuda-*), and a name pip has at another version (conda's
 * cuda-toolkit 12.4.1 beside pip's cuda-toolkit 13.0.2: two installs, each for scanners to match).
 */
function condaComponents(record, pipList, { clean, cut, prop }) {
    // The pip components by canonical name and version: conda's install of the distribution pip lists.
    const pipOf = new Map(pipList.map((c) => [JSON.stringify([(0,parse/* canonicalName */.Ew)(c.name), versionKey(c.version ?? '')]), c]));
    const out = new Map();
    const seen = new Set();
    for (const p of record.conda ?? []) {
        // One package alike in two environments (probe 6 lists it in each) is one component, described once.
        const same = JSON.stringify([p.name, p.version, p.build, p.channel, p.subdir]);
        if (seen.has(same))
            continue;
        seen.add(same);
        // The version cut before the purl is built from it (sbom.ts cut).
        const [name, version] = [clean(p.name), cut(clean(p.version))];
        // Every string scrubbed: a channel URL can hold a token (https://conda.anaconda.org/t/<token>/).
        const q = {
            build: p.build && clean(p.build),
            channel: p.channel && clean(p.channel),
            subdir: p.subdir && clean(p.subdir),
        };
        const purl = (0,attest_purl/* condaPurl */.LF)({ name, version, ...q });
        const bomRef = purl ?? (0,attest_purl/* localRef */.Zs)('conda', name, version, q.build, q.channel, q.subdir);
        const pip = pipOf.get(JSON.stringify([(0,parse/* canonicalName */.Ew)(name), versionKey(version)]));
        const c = pip ??
            out.get(bomRef) ??
            new models.Component(enums.ComponentType.Library, name, {
                bomRef,
                ...(purl !== undefined && { purl }),
                ...(version !== '' && { version }),
            });
        for (const [k, v] of Object.entries(q))
            prop(c, `conda.${k}`, v);
        if (!pip)
            out.set(bomRef, c);
    }
    return [...out.values()];
}

;// CONCATENATED MODULE: ./src/attest/sbom-order.ts

/** Components by purl, else group, name and version; then bom-ref (unique): code-unit order. */
function sortComponents(components) {
    const keyed = components.map((c) => ({
        c,
        key: [c.purl?.toString() ?? '', c.group ?? '', c.name, c.version ?? '', c.bomRef.toString()],
    }));
    keyed.sort((a, b) => {
        for (let i = 0; i < a.key.length; i++) {
            const d = (0,util_text/* compareText */.n6)(a.key[i], b.key[i]);
            if (d !== 0)
                return d;
        }
        return 0;
    });
    return keyed.map((k) => k.c);
}
/** A component's properties (by name, then value) and dependencies (by bom-ref) in code-unit order. */
function ordered(c) {
    const props = [...c.properties].sort((a, b) => (0,util_text/* compareText */.n6)(a.name, b.name) || (0,util_text/* compareText */.n6)(a.value, b.value));
    c.properties.clear();
    for (const p of props)
        c.properties.add(p);
    const deps = [...c.dependencies].sort((a, b) => (0,util_text/* compareText */.n6)(a.toString(), b.toString()));
    c.dependencies.clear();
    for (const d of deps)
        c.dependencies.add(d);
}

;// CONCATENATED MODULE: ./src/attest/sbom-time.ts
// The record's capture time as the SBOM's timestamp (sbom.ts): read as UTC where it names no
// offset, whatever the zone of the machine that makes the SBOM, and only as RFC 3339 writes it. Pure.
/** An ISO 8601 date, or date and time (a space for the T as Python prints it), maybe with an offset. */
const CAPTURE_TIME = /^(\d{4}-\d\d-\d\d)(?:[Tt ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)([Zz]|[+-]\d\d:\d\d)?)?$/;
/**
 * The record's capture time with an offset, or undefined when it is no ISO 8601 date and time.
 * Capture writes UTC ("...Z"); a date and time without an offset (a record made by hand or by
 * another tool, "2026-01-05 10:05:00" as Python prints one) is read as UTC too, not in the zone
 * of the machine that makes the SBOM: the same record, the same bytes anywhere. Other text Date
 * would read ("5 Jan 2026") it reads in that zone: none.
 */
function utcCaptureTime(text) {
    const m = CAPTURE_TIME.exec(text);
    if (!m)
        return undefined;
    const [, date, time, offset] = m;
    return time === undefined ? date : `${date}T${time}${offset?.toUpperCase() ?? 'Z'}`;
}
/** The record's capture time as the SBOM's timestamp: RFC 3339's date-time, a four-digit year. */
function captureTimestamp(text) {
    const iso = utcCaptureTime(text);
    const time = iso === undefined ? undefined : new Date(iso);
    // An offset can carry 9999-12-31 into a year CycloneDX's date-time cannot write (+010000).
    return time && !Number.isNaN(time.getTime()) && /^\d{4}-/.test(time.toISOString()) ? time : undefined;
}

// EXTERNAL MODULE: ./src/attest/types.ts
var types = __webpack_require__(79124);
;// CONCATENATED MODULE: ./src/attest/sbom.ts
// The ML-aware SBOM: CycloneDX 1.6 JSON built with @cyclonedx/cyclonedx-library from an
// environment record (env.json). Every pip distribution (pkg:pypi), every apt package (pkg:deb,
// with its source package as upstream=), every conda package (pkg:conda, sbom-conda.ts), the OS,
// and the ML stack (CUDA runtime, cuDNN, NCCL, each with where it was read; torch and its CUDA
// build, NumPy, Python, the base image) as components with ml-image:* properties. Deterministic: the same record gives the same bytes on any machine
// (lists sorted in code-unit order, not the locale's; bom-refs from purls; a serial number from
// the content; the timestamp from the record's capture time).
// Nothing from the record's env, labels (except the OCI base-image name and digest) or collectEnv
// goes in, and every string is scrubbed.
// The record holds no file hashes (the probe reads RECORD only for sizes): components carry none.


















const SBOM_PROPERTY_PREFIX = 'ml-image:';
/** The property that marks a component as part of the ML stack; its value says which part. */
const ML_STACK_PROPERTY = `${SBOM_PROPERTY_PREFIX}ml-stack`;
const BASE_NAME_LABEL = 'org.opencontainers.image.base.name';
const BASE_DIGEST_LABEL = 'org.opencontainers.image.base.digest';
/** A lone UTF-16 surrogate (no JSON or URL can carry one): replaced by U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Every string from the record: scrubbed, and well-formed text (a purl encodes it). */
const clean = (s) => (0,redact/* redactText */.Rd)(s.replace(LONE_SURROGATE, '\uFFFD'));
/**
 * CycloneDX 1.6 allows versions up to 1024 characters (code points, as JSON Schema counts them): a
 * longer one (a hostile METADATA) is cut, before its purl is built from it: the component's version
 * and its purl's are one (the whole one in the purl told scanners another version than the SBOM).
 */
const cut = (s) => (0,util_text/* clip */.$Q)(s, 1024);
const nonEmpty = (s) => typeof s === 'string' && s !== '';
function prop(c, name, value) {
    if (nonEmpty(value))
        c.properties.add(new models.Property(`${SBOM_PROPERTY_PREFIX}${name}`, clean(value)));
}
function context(input) {
    const { record } = input;
    const labels = record.image.labels;
    // Scrubbed as every string from the record: its arch goes into the image's purl (encoded).
    const platform = clean(input.platform ?? record.image.platform);
    const osRelease = record.os.osRelease;
    const osId = nonEmpty(osRelease.ID) ? osRelease.ID.toLowerCase() : undefined;
    const osVersion = osRelease.VERSION_ID ?? osRelease.VERSION_CODENAME;
    // From the labels (a record alone): only an image reference (a login written into the label,
    // user:password@host/..., is none, and would have put the password in the SBOM as the version).
    const labelled = labels[BASE_NAME_LABEL];
    const base = input.baseImage === undefined
        ? nonEmpty(labelled) && (0,oci_ref/* imageRefProblem */.OD)(labelled) === undefined
            ? { ref: labelled, digest: labels[BASE_DIGEST_LABEL] }
            : undefined
        : (input.baseImage ?? undefined);
    // A base pinned by digest in its reference needs no separate digest.
    const baseDigest = (0,types/* sha256Hex */.fg)(base?.digest ?? (base && (0,oci_ref/* parseImageRef */.Q)(base.ref).digest));
    return {
        record,
        variant: input.variant === undefined ? record.image.variant : input.variant,
        imageRef: clean(input.imageRef ?? record.image.ref),
        digest: (0,types/* sha256Hex */.fg)(input.imageDigest === undefined ? record.image.digest : input.imageDigest),
        platform,
        arch: (0,config_platform/* archOf */.Qh)(platform),
        base: base && { ref: clean(base.ref), digest: baseDigest && `sha256:${baseDigest}` },
        driverFloor: input.driverFloor ?? null,
        toolVersion: input.toolVersion ?? version/* VERSION */.x,
        osId: osId === undefined ? undefined : clean(osId),
        distro: osId !== undefined && nonEmpty(osVersion) ? clean(`${osId}-${osVersion}`) : undefined,
    };
}
/** The image by digest (or tag): the SBOM's subject, with the ML stack summed up as properties. */
function imageComponent(ctx) {
    const digest = ctx.digest && `sha256:${ctx.digest}`;
    const ref = (0,oci_ref/* parseImageRef */.Q)(ctx.imageRef);
    const purl = (0,attest_purl/* ociPurl */.Vf)(ctx.imageRef, digest, ctx.arch);
    // Its tag is cut as any version: a record's reference is not read by the reference grammar.
    const version = digest ?? ref.tag;
    const c = new models.Component(enums.ComponentType.Container, (0,oci_ref/* repositoryOf */._M)(ref), {
        bomRef: purl ?? `${SBOM_PROPERTY_PREFIX}image`,
        ...(purl !== undefined && { purl }),
        ...(version !== undefined && { version: cut(version) }),
    });
    const { record } = ctx;
    const pip = (n) => record.python.packages.find((p) => (0,parse/* canonicalName */.Ew)(p.name) === n)?.version;
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
    const byPurl = new Map();
    // Each record entry's own component: a distribution installed twice (two versions, in two
    // places) keeps each copy's requirements on its own component.
    const own = [];
    for (const p of record.python.packages) {
        const name = clean(p.name);
        const version = cut(clean(p.version));
        const purl = (0,attest_purl/* pypiPurl */.iC)(name, version);
        const bomRef = purl ?? (0,attest_purl/* localRef */.Zs)('pypi', name, version);
        let c = byPurl.get(bomRef);
        if (!c) {
            c = new models.Component(enums.ComponentType.Library, name, { bomRef, purl, version });
            prop(c, 'pip.installer', p.installer);
            byPurl.set(bomRef, c);
            list.push(c);
            if (!byName.has((0,parse/* canonicalName */.Ew)(name)))
                byName.set((0,parse/* canonicalName */.Ew)(name), c);
        }
        own.push(c);
    }
    for (const [i, p] of record.python.packages.entries()) {
        const c = own[i];
        for (const req of p.requires) {
            if (/\bextra\s*==/.test(req))
                continue; // only with an extra: not necessarily in use
            const dep = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req)?.[1];
            const target = dep === undefined ? undefined : byName.get((0,parse/* canonicalName */.Ew)(dep));
            if (c && target && target !== c)
                c.dependencies.add(target.bomRef);
        }
    }
    return { list, byName };
}
function aptComponents(ctx) {
    const out = new Map();
    for (const a of ctx.record.apt) {
        const pkg = { name: clean(a.name), version: cut(clean(a.version)), arch: clean(a.arch) };
        // Its source package, in the purl's upstream= (scanners match Debian's advisories by it); its
        // version cut as the package's is, which it is compared with (debUpstream).
        const source = {
            source: a.source && clean(a.source),
            sourceVersion: a.sourceVersion && cut(clean(a.sourceVersion)),
        };
        const purl = ctx.osId === undefined ? undefined : (0,attest_purl/* debPurl */.B8)(ctx.osId, { ...pkg, ...source }, ctx.distro);
        const bomRef = purl ?? (0,attest_purl/* localRef */.Zs)('deb', pkg.name, pkg.version, pkg.arch);
        if (out.has(bomRef))
            continue;
        const c = new models.Component(enums.ComponentType.Library, pkg.name, {
            bomRef,
            ...(purl !== undefined && { purl }),
            ...(pkg.version !== '' && { version: pkg.version }),
        });
        prop(c, 'deb.arch', pkg.arch);
        out.set(bomRef, c);
    }
    return [...out.values()];
}
function osComponent(ctx) {
    const rel = ctx.record.os.osRelease;
    const c = new models.Component(enums.ComponentType.OperatingSystem, ctx.osId ?? 'linux', {
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
    const c = new models.Component(type, name, {
        bomRef: extra.bomRef ?? extra.purl ?? `${SBOM_PROPERTY_PREFIX}${role}`,
        ...(nonEmpty(version) && { version: cut(clean(version)) }),
        ...(extra.group !== undefined && { group: extra.group }),
        ...(extra.purl !== undefined && { purl: extra.purl }),
        ...(extra.cpe !== undefined && { cpe: extra.cpe }),
    });
    c.properties.add(new models.Property(ML_STACK_PROPERTY, role));
    return c;
}
/** The ML stack: new components, and properties on the pip components of torch and NumPy. */
function mlStack(ctx, pipByName) {
    const { record } = ctx;
    const out = [];
    // Each CUDA library with where the probe read it (record.cuda.sources, by the library's key):
    // "torch: nvidia/cudnn/lib/libcudnn.so.9" (the copy torch loads, from its wheels) or "system".
    const nvidia = (role, name, key) => {
        const version = record.cuda[key];
        if (!nonEmpty(version))
            return undefined;
        const c = stackComponent(enums.ComponentType.Library, role, name, version, { group: 'nvidia' });
        prop(c, 'cuda.source', record.cuda.sources?.[key]);
        out.push(c);
        return c;
    };
    const cuda = nvidia('cuda.runtime', 'cuda-runtime', 'runtime');
    if (cuda) {
        prop(cuda, 'cuda.nvcc', record.cuda.nvcc);
        prop(cuda, 'driver.floor', ctx.driverFloor);
    }
    nvidia('cudnn', 'cudnn', 'cudnn');
    nvidia('nccl', 'nccl', 'nccl');
    if (record.torch) {
        let torch = pipByName.get('torch');
        if (!torch) {
            torch = stackComponent(enums.ComponentType.Framework, 'torch', 'torch', record.torch.version, {
                purl: (0,attest_purl/* pypiPurl */.iC)('torch', cut(clean(record.torch.version))),
            });
            out.push(torch);
        }
        else
            torch.properties.add(new models.Property(ML_STACK_PROPERTY, 'torch'));
        torch.type = enums.ComponentType.Framework;
        prop(torch, 'torch.cuda', record.torch.cuda ?? 'none');
        prop(torch, 'torch.hip', record.torch.hip);
        prop(torch, 'torch.version', record.torch.version);
    }
    pipByName.get('numpy')?.properties.add(new models.Property(ML_STACK_PROPERTY, 'numpy'));
    const python = clean(record.python.implementation).toLowerCase() || 'python';
    // No purl (none names a CPython built from source), a CPE unless a deb holds it (cpe.ts).
    const cpe = pythonCpe(record);
    out.push(stackComponent(enums.ComponentType.Application, 'python', python, record.python.version, { cpe }));
    if (ctx.base) {
        const ref = (0,oci_ref/* parseImageRef */.Q)(ctx.base.ref);
        const purl = (0,attest_purl/* ociPurl */.Vf)(ctx.base.ref, ctx.base.digest, ctx.arch);
        // A base that is the image itself (its label says so) shares its purl: the bom-refs must differ
        // (the library would make one up at random, and the SBOM would change from run to run).
        const image = (0,attest_purl/* ociPurl */.Vf)(ctx.imageRef, ctx.digest && `sha256:${ctx.digest}`, ctx.arch);
        const bomRef = purl !== undefined && purl === image ? `${SBOM_PROPERTY_PREFIX}base.image` : undefined;
        const base = stackComponent(enums.ComponentType.Container, 'base.image', (0,oci_ref/* repositoryOf */._M)(ref), null, {
            purl,
            ...(bomRef !== undefined && { bomRef }),
        });
        // Its tag cut as the image's.
        const version = ctx.base.digest ?? ref.tag;
        if (version)
            base.version = cut(version);
        prop(base, 'base.image', ctx.base.ref);
        out.push(base);
    }
    return out;
}
/** A UUID (version 5 layout, RFC 4122 variant) from a SHA-256: the same content, the same serial. */
function serialFrom(text) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/** The SBOM of one image (one platform) as CycloneDX 1.6 JSON. */
function buildSbom(input) {
    const ctx = context(input);
    const bom = new models.Bom();
    bom.metadata.properties.add(new models.Property(SBOM_INPUTS_PROPERTY, sbomInputsDigest(input)));
    const time = captureTimestamp(ctx.record.capture.time);
    if (time !== undefined)
        bom.metadata.timestamp = time;
    bom.metadata.tools.components.add(new models.Component(enums.ComponentType.Application, types/* TOOL_NAME */.lH, {
        bomRef: `${SBOM_PROPERTY_PREFIX}tool`,
        version: clean(ctx.toolVersion),
    }));
    const image = imageComponent(ctx);
    bom.metadata.component = image;
    const pip = pipComponents(ctx.record);
    const conda = condaComponents(ctx.record, pip.list, { clean, cut, prop });
    const components = [
        osComponent(ctx),
        ...pip.list,
        ...aptComponents(ctx),
        ...conda,
        ...mlStack(ctx, pip.byName),
    ];
    // The image holds every component: the graph's root reaches each of them.
    for (const c of components)
        image.dependencies.add(c.bomRef);
    for (const c of [image, ...components])
        ordered(c);
    for (const c of sortComponents(components))
        bom.components.add(c);
    serializer ??= new index_node.JsonSerializer(new index_node.JSON.Normalize.Factory(spec.Spec1dot6));
    // The lists are in the order given above: the library's own sorting (sortLists) compares with
    // localeCompare, which follows the runner's locale, so the same record would give other bytes
    // on another machine.
    const parsed = JSON.parse(serializer.serialize(bom, { sortLists: false }));
    // An entry without dependsOn declares "depends on nothing" (CycloneDX 1.6): only a pip
    // distribution's requirements are recorded; a deb, the OS or CUDA get no entry (unknown).
    const known = new Set([image.bomRef.toString(), ...pip.list.map((c) => c.bomRef.toString())]);
    if (Array.isArray(parsed.dependencies))
        parsed.dependencies = parsed.dependencies.filter((d) => known.has(d.ref) || (d.dependsOn?.length ?? 0) > 0);
    // The serial number: a hash of the BOM without it, after "version" (where the library puts it).
    const text = JSON.stringify(parsed);
    const out = {};
    for (const [k, v] of Object.entries(parsed)) {
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
const SBOM_FORMAT = 21;
/** The CycloneDX library's version (its serializer writes the SBOM). */
const CDX_LIBRARY_VERSION = cyclonedx_library_package/* version */.rE;
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
        tool: input.toolVersion ?? version/* VERSION */.x,
        // What else shapes its bytes: the library that writes it, and the rules that scrub each string.
        library: CDX_LIBRARY_VERSION,
        redaction: redact/* REDACTION_RULES */.iz,
        variant: input.variant,
        imageRef: input.imageRef,
        imageDigest: input.imageDigest,
        platform: input.platform,
        baseImage: input.baseImage,
        driverFloor: input.driverFloor,
        record: input.record,
    });
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(text).digest('hex')}`;
}
/** One serializer per process: making its normalizers is a good part of a BOM's time. */
let serializer;


/***/ }),

/***/ 54130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ spdxFromCycloneDx)
/* harmony export */ });
/* unused harmony export buildSpdx */
/* harmony import */ var _sbom_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99737);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79124);
// The SBOM as SPDX 2.3 JSON (`ml-image sbom --format spdx`), converted from the CycloneDX SBOM
// (buildSbom) so that the two formats always say the same thing:
//   - each CycloneDX component is a package: its version, its purl as an external reference (and
//     its CPE, the interpreter's, as a SECURITY cpe23Type one), its type as the package's purpose,
//     its group as the supplier, its ml-image:* properties as annotations
//     (ml-image:cuda.runtime=12.8), no files (filesAnalyzed false);
//   - the document DESCRIBES the image, which CONTAINS every other package but the base image, of
//     which it is a DESCENDANT_OF; pip's requirements are DEPENDS_ON relationships.
// Deterministic as the CycloneDX SBOM is: SPDX ids from the bom-refs, the namespace from its serial
// number (a hash of its content), the creation time from the record's capture (whole seconds, as
// SPDX writes times; a record without a readable one: the time of writing, named in the
// namespace). Every string was scrubbed on the way into the CycloneDX SBOM. Pure.
// The tests run the SPDX project's own validator on it (pyspdxtools, from scripts/test-env.sh).


/** Where the documents' namespaces live: a URI of this tool's, never fetched (SPDX 2.3 section 6.5). */
const SPDX_NAMESPACE_BASE = 'https://ml-image-action.github.io/spdx';
const DOCUMENT = 'SPDXRef-DOCUMENT';
/** CycloneDX component types as SPDX 2.3 package purposes (anything else: OTHER). */
const PURPOSE = {
    application: 'APPLICATION',
    framework: 'FRAMEWORK',
    library: 'LIBRARY',
    container: 'CONTAINER',
    'operating-system': 'OPERATING-SYSTEM',
    device: 'DEVICE',
    firmware: 'FIRMWARE',
    file: 'FILE',
};
const SPDX_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
/** A time as SPDX writes times (YYYY-MM-DDThh:mm:ssZ: whole seconds, UTC), or undefined. */
function spdxTime(iso) {
    const t = iso === undefined ? Number.NaN : Date.parse(iso);
    const text = Number.isNaN(t) ? '' : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return SPDX_TIME.test(text) ? text : undefined;
}
/** SPDX ids ("SPDXRef-" and letters, digits, "." and "-"), one per bom-ref, unique in the document. */
function idMaker() {
    const taken = new Set([DOCUMENT]);
    return (ref) => {
        const base = `SPDXRef-${ref.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'package'}`;
        let id = base;
        for (let n = 2; taken.has(id); n++)
            id = `${base}-${n}`;
        taken.add(id);
        return id;
    };
}
const roleOf = (c) => c.properties?.find((p) => p.name === `${_sbom_js__WEBPACK_IMPORTED_MODULE_0__/* .SBOM_PROPERTY_PREFIX */ .FE}ml-stack`)?.value;
function packageOf(c, id, annotate) {
    const purpose = c.type === undefined ? undefined : (PURPOSE[c.type] ?? 'OTHER');
    const annotations = (c.properties ?? []).map((p) => annotate(`${p.name}=${p.value}`));
    // The purl, and the CPE (the interpreter's: cpe.ts) as SPDX 2.3 names it (cpe23Type).
    const externalRefs = [
        ...(c.purl !== undefined
            ? [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }]
            : []),
        ...(c.cpe !== undefined
            ? [{ referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: c.cpe }]
            : []),
    ];
    return {
        SPDXID: id,
        name: c.name ?? '',
        ...(c.version !== undefined && { versionInfo: c.version }),
        ...(c.group !== undefined && { supplier: `Organization: ${c.group}` }),
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        ...(purpose !== undefined && { primaryPackagePurpose: purpose }),
        ...(c.description !== undefined && { description: c.description }),
        ...(externalRefs.length > 0 && { externalRefs }),
        ...(annotations.length > 0 && { annotations }),
    };
}
/** The SPDX 2.3 document of a CycloneDX SBOM that buildSbom made. */
function spdxFromCycloneDx(bom, now = new Date()) {
    const image = bom.metadata?.component ?? {};
    const tool = bom.metadata?.tools?.components?.[0];
    // The record's capture time (the SBOM's timestamp): the same record, the same document. A record
    // without a readable one gets the time of writing, and its namespace names that time too (SPDX:
    // another document, another namespace).
    const captured = spdxTime(bom.metadata?.timestamp);
    const created = captured ?? spdxTime(now.toISOString());
    const annotator = `Tool: ${_types_js__WEBPACK_IMPORTED_MODULE_1__/* .TOOL_NAME */ .lH}-${tool?.version ?? 'unknown'}`;
    const annotate = (comment) => ({
        annotationDate: created,
        annotationType: 'OTHER',
        annotator,
        comment,
    });
    const idOf = idMaker();
    const imageId = idOf(image['bom-ref'] ?? 'image');
    const ids = new Map();
    const components = bom.components ?? [];
    const packages = [packageOf(image, imageId, annotate)];
    const relationships = [
        { spdxElementId: DOCUMENT, relationshipType: 'DESCRIBES', relatedSpdxElement: imageId },
    ];
    for (const c of components) {
        const id = idOf(c['bom-ref'] ?? c.name ?? 'package');
        if (c['bom-ref'] !== undefined)
            ids.set(c['bom-ref'], id);
        packages.push(packageOf(c, id, annotate));
        relationships.push(roleOf(c) === 'base.image'
            ? { spdxElementId: imageId, relationshipType: 'DESCENDANT_OF', relatedSpdxElement: id }
            : { spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: id });
    }
    for (const d of bom.dependencies ?? []) {
        const from = ids.get(d.ref);
        for (const to of d.dependsOn ?? []) {
            const target = ids.get(to);
            if (from !== undefined && target !== undefined)
                relationships.push({
                    spdxElementId: from,
                    relationshipType: 'DEPENDS_ON',
                    relatedSpdxElement: target,
                });
        }
    }
    const name = [image.name, image.version].filter((s) => s !== undefined && s !== '').join('@') || 'image';
    const serial = (bom.serialNumber ?? '').replace(/^urn:uuid:/, '');
    const slug = (image.name ?? 'image').replace(/[^A-Za-z0-9._-]+/g, '-');
    const written = captured ? '' : `-${created.replace(/[-:]/g, '')}`;
    return {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: DOCUMENT,
        name,
        documentNamespace: `${SPDX_NAMESPACE_BASE}/${slug}-${serial || 'unknown'}${written}`,
        creationInfo: { created, creators: [annotator] },
        packages,
        relationships,
    };
}
/** The SBOM of one image (one platform) as SPDX 2.3 JSON: buildSbom's, converted. */
function buildSpdx(input, now = new Date()) {
    return spdxFromCycloneDx(buildSbom(input), now);
}


/***/ })

};
