export const id = 157;
export const ids = [157];
export const modules = {

/***/ 12011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ fmtInt),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   M: () => (/* binding */ COMPONENT_LABELS),
/* harmony export */   Oe: () => (/* binding */ pct),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   x8: () => (/* binding */ signed),
/* harmony export */   zi: () => (/* binding */ fmtBytes)
/* harmony export */ });
const int = new Intl.NumberFormat('en-US');
const fmtInt = (n) => int.format(n);
function fmtBytes(n) {
    const a = Math.abs(n);
    const [div, unit, digits] = a >= 1e9 ? [1e9, 'GB', 2] : a >= 1e6 ? [1e6, 'MB', 1] : a >= 1e3 ? [1e3, 'kB', 1] : [1, 'B', 0];
    return `${(n / div).toFixed(digits)} ${unit}`;
}
const signed = (n, f) => n > 0 ? `+${f(n)}` : n < 0 ? `−${f(-n)}` : '±0';
const pct = (r) => `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r * 100).toFixed(1)}%`;
/** Up to 4 significant digits, without exponent noise. */
function num(n) {
    if (!Number.isFinite(n))
        return String(n);
    if (Number.isInteger(n))
        return fmtInt(n);
    return String(Number(n.toPrecision(4)));
}
const plural = (n, one, many = `${one}s`) => `${fmtInt(n)} ${n === 1 ? one : many}`;
const COMPONENT_LABELS = {
    os: 'OS',
    glibc: 'glibc',
    python: 'Python',
    torch: 'torch',
    torchCuda: 'torch CUDA build',
    numpy: 'NumPy',
    cuda: 'CUDA runtime',
    cudnn: 'cuDNN',
    nccl: 'NCCL',
    driverMaxCuda: 'Driver max CUDA',
    driver: 'NVIDIA driver',
    gpus: 'GPUs',
};


/***/ }),

/***/ 92474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f3: () => (/* reexport */ SEVERITY_RANK),
  vF: () => (/* binding */ assessReport),
  MW: () => (/* binding */ buildReportModel),
  DY: () => (/* binding */ defaultMarkerKey)
});

// UNUSED EXPORTS: componentSeverity, parseReportModel

// EXTERNAL MODULE: ./src/capture/record.ts
var record = __webpack_require__(66917);
// EXTERNAL MODULE: ./src/requirements/parse.ts
var parse = __webpack_require__(39459);
// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
// EXTERNAL MODULE: ./src/diff/schema.ts
var schema = __webpack_require__(2996);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(68898);
;// CONCATENATED MODULE: ./src/diff/versions.ts
// Version comparison for the diff: PEP 440 for pip (via @renovatebot/pep440, as src/resolve does)
// and dpkg's algorithm for Debian packages, each with the "level" of a change.

const CHANGE_LEVELS = ['major', 'minor', 'patch', 'local', 'other'];
const sign = (n) => (n < 0 ? -1 : n > 0 ? 1 : 0);
/** Level from two release tuples: index of the first differing part (missing parts are 0). */
function releaseLevel(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if ((a[i] ?? 0) !== (b[i] ?? 0))
            return i === 0 ? 'major' : i === 1 ? 'minor' : 'patch';
    }
    return null;
}
const same = (x, y) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
// Parsing dominates a diff of thousands of packages, and the same versions recur: memoised.
const parsed = new Map();
function versions_pep440(v) {
    let p = parsed.get(v);
    if (p === undefined) {
        p = (0,pep440.explain)(v);
        if (parsed.size > 50_000)
            parsed.clear();
        parsed.set(v, p);
    }
    return p;
}
function compareRelease(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d)
            return d;
    }
    return 0;
}
/**
 * PEP 440 comparison; versions that do not parse fall back to dpkg ordering, level "other". Only a
 * local label changed (`2.7.0a0+7c8ec84dab` -> `2.7.0a0+79aa17489c`, `+cu121` -> `+cpu`): the
 * label is a build's name (a commit, a CUDA build), not a version, so PEP 440's text order of it
 * says nothing: order null (changed), level local.
 */
function comparePip(base, head) {
    if (base === head)
        return { order: 0, level: null };
    const a = versions_pep440(base);
    const b = versions_pep440(head);
    // Either does not parse: dpkg's order, which may hold two texts equal ("+0" and "+"): changed,
    // no direction (once "upgraded" both ways).
    if (!a || !b)
        return { order: sign(compareDebian(head, base)) || null, level: 'other' };
    // Epoch, then release decide the order (PEP 440); only equal releases need the full comparison.
    const order = sign(b.epoch - a.epoch || compareRelease(b.release, a.release) || (0,pep440.compare)(head, base));
    if (order === 0)
        return { order, level: null }; // 1.0 == 1.0.0 under PEP 440
    if (a.epoch !== b.epoch)
        return { order, level: 'major' };
    const level = releaseLevel(a.release, b.release);
    if (level)
        return { order, level };
    if (!same(a.pre, b.pre) || !same(a.post, b.post) || !same(a.dev, b.dev))
        return { order, level: 'other' };
    return a.local !== b.local ? { order: null, level: 'local' } : { order, level: 'other' };
}
/** Components whose scheme is not fixed (CUDA "12.8.1", glibc "2.36"): PEP 440 when both parse. */
function compareAny(base, head) {
    return versions_pep440(base) && versions_pep440(head) ? comparePip(base, head) : compareApt(base, head);
}
/**
 * cuDNN's version code as the version it stands for, as the probe's cudnn_int reads it: 90100 ->
 * 9.1.0 (cuDNN 9: major*10000), 8902 -> 8.9.2 (up to 8: major*1000). Probe 1 recorded torch's
 * cuDNN (torch.backends.cudnn.version()) as the bare code, later probes as the version.
 */
function cudnnCodeText(code) {
    if (!Number.isInteger(code) || code < 0)
        return String(code);
    const major = Math.floor(code >= 10_000 ? code / 10_000 : code / 1000);
    const rest = code >= 10_000 ? code % 10_000 : code % 1000;
    return `${major}.${Math.floor(rest / 100)}.${rest % 100}`;
}
/**
 * NCCL as a record holds it. Up to 2.8 NCCL encodes its version as major*1000+minor*100+patch
 * (2804), which probes before that was decoded as such recorded as major*10000 (0.28.4): NCCL has
 * no version 0, so 0.28.4 is 2.8.4. Any other text is returned as it is.
 */
function ncclText(version) {
    const m = version === null ? null : /^0\.([1-9])(\d)\.(\d{1,2})$/.exec(version);
    return m ? `${m[1]}.${m[2]}.${m[3]}` : version;
}
function parseDebian(v) {
    const colon = v.indexOf(':');
    const epochText = colon > 0 ? v.slice(0, colon) : '';
    const epoch = /^\d+$/.test(epochText) ? Number(epochText) : 0;
    const rest = colon > 0 && /^\d+$/.test(epochText) ? v.slice(colon + 1) : v;
    const dash = rest.lastIndexOf('-');
    return dash > 0
        ? { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) }
        : { epoch, upstream: rest, revision: '' };
}
/** dpkg's character order: ~ before everything (even the end), letters before other symbols. */
function order(c) {
    if (c === undefined)
        return 0;
    if (c === '~')
        return -1;
    if (/[0-9]/.test(c))
        return 0;
    if (/[A-Za-z]/.test(c))
        return c.charCodeAt(0);
    return c.charCodeAt(0) + 256;
}
function verrevcmp(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        let firstDiff = 0;
        while ((i < a.length && !/[0-9]/.test(a[i])) || (j < b.length && !/[0-9]/.test(b[j]))) {
            const ac = order(i < a.length && !/[0-9]/.test(a[i]) ? a[i] : undefined);
            const bc = order(j < b.length && !/[0-9]/.test(b[j]) ? b[j] : undefined);
            if (ac !== bc)
                return ac - bc;
            i++;
            j++;
        }
        while (a[i] === '0')
            i++;
        while (b[j] === '0')
            j++;
        while (i < a.length && /[0-9]/.test(a[i]) && j < b.length && /[0-9]/.test(b[j])) {
            if (!firstDiff)
                firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
            i++;
            j++;
        }
        if (i < a.length && /[0-9]/.test(a[i]))
            return 1;
        if (j < b.length && /[0-9]/.test(b[j]))
            return -1;
        if (firstDiff)
            return firstDiff;
    }
    return 0;
}
/** <0, 0, >0 as dpkg --compare-versions orders a and b. */
function compareDebian(a, b) {
    const x = parseDebian(a);
    const y = parseDebian(b);
    if (x.epoch !== y.epoch)
        return x.epoch - y.epoch;
    return verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision);
}
const dotted = (upstream) => (/^\d+(?:\.\d+)*/.exec(upstream)?.[0] ?? '').split('.').filter(Boolean).map(Number);
function compareApt(base, head) {
    if (base === head)
        return { order: 0, level: null };
    const order = sign(compareDebian(head, base));
    if (order === 0)
        return { order, level: null };
    const a = parseDebian(base);
    const b = parseDebian(head);
    if (a.epoch !== b.epoch)
        return { order, level: 'major' };
    const pa = dotted(a.upstream);
    const pb = dotted(b.upstream);
    const level = pa.length && pb.length ? releaseLevel(pa, pb) : null;
    if (level)
        return { order, level };
    if (a.upstream === b.upstream)
        return { order, level: 'local' };
    return { order, level: 'other' };
}

;// CONCATENATED MODULE: ./src/diff/packages.ts



/**
 * The probe lists python.packages in sys.path order within one normalised name from this version
 * on (earlier probes sorted by name.lower(), which put "typing-extensions" before
 * "typing_extensions" whatever their places on sys.path).
 */
const PIP_PATH_ORDER_PROBE = 5;
const isOsCopy = (p) => p.location.startsWith('/usr/lib/python3');
/**
 * pip: each normalised name's copy Python imports, and every copy (a name installed twice takes up
 * both copies' bytes). The copy imported is the first on sys.path: a record from probe 5 on lists
 * the copies in that order. An older record's order among copies spelled differently is the
 * spelling's, so there the copy outside /usr/lib/python3 (pip's, before Debian's python3-x on
 * Debian's sys.path) is taken, as before.
 */
function pipCopies(r) {
    const pathOrder = r.capture.probeVersion >= PIP_PATH_ORDER_PROBE;
    const out = new Map();
    for (const p of r.python.packages) {
        const key = (0,parse/* canonicalName */.Ew)(p.name);
        const seen = out.get(key);
        if (!seen)
            out.set(key, { imported: p, copies: [p] });
        else {
            seen.copies.push(p);
            if (!pathOrder && isOsCopy(seen.imported) && !isOsCopy(p))
                seen.imported = p;
        }
    }
    return out;
}
/**
 * The probe records where pip installed each distribution from (python.packages[].directUrl, PEP
 * 610) from this version on: in an older record an index's install and a git one look alike.
 */
const DIRECT_URL_PROBE = 7;
/** Whether both records tell where their pip distributions came from (DIRECT_URL_PROBE). */
const knowsPipSources = (...records) => records.every((r) => r.capture.probeVersion >= DIRECT_URL_PROBE);
/**
 * Where a pip distribution came from, as the table shows it after the version: its VCS commit
 * (twelve hex digits), `editable` for an editable install, then the direct URL
 * (`1a2b3c4d5e6f git+https://github.com/huggingface/transformers.git`): first what tells two
 * apart, as the table's cell is clipped; '' for an index's install.
 */
function pipSource(p) {
    const d = p.directUrl;
    if (d === undefined)
        return '';
    return `${d.commit === undefined ? '' : `${d.commit.slice(0, 12)} `}${d.editable ? 'editable ' : ''}${d.url}`;
}
/** What makes two pip sources the same: the URL, the whole commit, editable or not. */
const sourceKey = (p) => p.directUrl === undefined
    ? ''
    : JSON.stringify([p.directUrl.url, p.directUrl.commit ?? '', p.directUrl.editable === true]);
/**
 * Two pip entries of one name compared: by PEP 440 version (comparePip), and where SOURCES (both
 * records know them: knowsPipSources) at the same version by where they came from: a git pin moved
 * to another commit (`4.48.0.dev0` both sides), an index's release replaced by a fork's, is a change
 * without a direction (level local), shown with the sources (`4.48.0.dev0 (1a2b3c4d5e6f git+https://…)`).
 */
function pipChange(b, h, sources) {
    const c = comparePip(b.version, h.version);
    if (c.order !== 0 || !sources || sourceKey(b) === sourceKey(h))
        return { ...c, from: b.version, to: h.version };
    const shown = (p) => `${p.version} (${pipSource(p) || 'index'})`;
    return { order: null, level: 'local', from: shown(b), to: shown(h) };
}
/**
 * apt: the names installed for several architectures in either record. Such a name is keyed and
 * shown as name:arch on both sides (adding libc6:i386 beside libc6:amd64 is one package added, not
 * libc6 removed and two added); any other is keyed by its name alone, so that a package whose
 * architecture changes (amd64 -> all) is one upgrade.
 */
function multiArchNames(...records) {
    const out = new Set();
    for (const r of records) {
        const seen = new Set();
        for (const p of r.apt) {
            if (seen.has(p.name))
                out.add(p.name);
            seen.add(p.name);
        }
    }
    return out;
}
/** An apt entry's key and shown name under multiArchNames. */
const aptKey = (p, multi) => multi.has(p.name) ? `${p.name}:${p.arch}` : p.name;
/**
 * conda: the names either record has in several environments (sys.prefix's and CONDA_PREFIX's:
 * numpy in /opt/conda and in the env Python runs in), where both records name each entry's
 * environment. Such a name is keyed and shown with its environment on both sides, so that a change
 * in either is seen (keyed by name, one entry stood for both, and the other's change was lost);
 * any other by its name alone, so that an environment's package keeps its key when the image moves
 * it. A record written before probe 6 names no environment: empty, every name keyed alone.
 */
function condaPrefixedNames(...records) {
    const out = new Set();
    const entries = records.map((r) => r.conda ?? []);
    if (entries.some((list) => list.some((p) => p.prefix === undefined)))
        return out;
    for (const list of entries) {
        const prefixes = new Map();
        for (const p of list) {
            const seen = prefixes.get(p.name);
            if (seen !== undefined && seen !== p.prefix)
                out.add(p.name);
            prefixes.set(p.name, p.prefix);
        }
    }
    return out;
}
/**
 * conda: by name, or by name and environment for a name of PREFIXED (condaPrefixedNames). A name
 * keyed alone with several entries (only where a record names no environment: one written before
 * probe 6, compared with either probe) is the entry the probe before 6 listed first, the lowest
 * by (version, build, channel, subdir): taking each record's first would compare sys.prefix's
 * (probe 6's first) with the lowest version (probe 5's), and one image would show a change against
 * itself. Empty for a record without conda packages.
 */
function condaPackages(r, prefixed = new Set()) {
    const out = new Map();
    const order = new Map();
    for (const p of r.conda ?? []) {
        const where = prefixed.has(p.name) ? p.prefix : undefined;
        const key = where === undefined ? p.name : `${p.name}\u0000${where}`;
        const rank = [p.version, p.build ?? '', p.channel ?? '', p.subdir ?? ''];
        const seen = order.get(key);
        if (seen === undefined || (where === undefined && earlier(rank, seen))) {
            order.set(key, rank);
            out.set(key, {
                name: p.name,
                version: p.version,
                build: p.build ?? '',
                channel: p.channel ?? '',
                ...(where !== undefined && { prefix: where }),
            });
        }
    }
    return out;
}
/** Whether A sorts before B, field by field in code-unit order (the probe's own sort of its tuples). */
function earlier(a, b) {
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return a[i] < b[i];
    return false;
}
/** CUDA's build labels: `cu121`, `cuda12.cudnn89`, `py3.11_cuda12.1_cudnn8.9.2_0`, `cuda120_py311h…`. */
const CUDA_LABEL = /(?:^|[^a-z])cu(?:da|\d)/i;
/** ROCm's: `rocm6.2` (AMD's index of torch). */
const ROCM_LABEL = /(?:^|[^a-z])rocm/i;
/** A build label that names a GPU build, CUDA's or ROCm's. */
const namesGpuBuild = (label) => CUDA_LABEL.test(label) || ROCM_LABEL.test(label);
const namesRocm = (label) => ROCM_LABEL.test(label) && !CUDA_LABEL.test(label);
/** What lost build labels (cudaBuildLoss's from) name: `ROCm` (`+rocm6.2`), `CUDA`, or `GPU` for both. */
function gpuBuildName(...labels) {
    const rocm = labels.filter(namesRocm).length;
    return rocm === 0 ? 'CUDA' : rocm === labels.length ? 'ROCm' : 'GPU';
}
/** A lost build as the verdict names it: `ROCm build (+rocm6.2 → +cpu)`, each label clipped. */
const lostBuildText = (loss) => `${gpuBuildName(loss.from)} build (${(0,util_text/* clip */.$Q)(loss.from, 40)} → ${(0,util_text/* clip */.$Q)(loss.to, 40)})`;
/**
 * Two conda entries of one name compared: by version (compareAny's order), and at the same version
 * by build (conda's CPU and CUDA builds, MKL and OpenBLAS ones, differ only there) and channel: a
 * change without a direction (level local). The table shows the build where it is what changed or
 * where it gains or loses CUDA (`2.1.0 py3.11_cuda12.1_cudnn8.9.2_0`), and the channel where it
 * changed (`1.26.4 py311h5f9d8c6_0 (conda-forge)`). A build or channel a record lacks is unknown,
 * never a change.
 */
function condaChange(b, h) {
    const c = compareAny(b.version, h.version);
    const build = b.build !== '' && h.build !== '' && b.build !== h.build;
    const channel = b.channel !== '' && h.channel !== '' && b.channel !== h.channel;
    const showBuild = build && (c.order === 0 || namesGpuBuild(b.build) !== namesGpuBuild(h.build));
    const shown = (p) => `${p.version}${showBuild ? ` ${p.build}` : ''}${channel ? ` (${p.channel})` : ''}`;
    const order = c.order === 0 && (build || channel) ? null : c.order;
    return { order, level: order === null && c.order === 0 ? 'local' : c.level, from: shown(b), to: shown(h) };
}
/** The build label of a shown version: pip's PEP 440 local label, conda's build (condaChange). */
function buildLabel(eco, shown) {
    if (eco === 'pip') {
        // The version alone: a source shown after it (pipChange) is no label (`git+https://…`).
        const version = shown.split(' ')[0];
        return version.includes('+') ? version.slice(version.indexOf('+')) : '';
    }
    if (eco === 'conda') {
        const rest = shown.replace(/ \([^()]*\)$/, '');
        return rest.includes(' ') ? rest.slice(rest.indexOf(' ') + 1) : '';
    }
    return '';
}
/**
 * A change that loses a CUDA build: its base's build label names CUDA (pip `+cu121`, conda
 * `py3.11_cuda12.1_cudnn8.9.2_0`) or ROCm (`+rocm6.2`) and this PR's names neither or there is none
 * (`+cpu`, `py3.11_cpu_0`, no label): the labels as shown ("no label" for none), else null. One that
 * keeps or gains a GPU build is null. apt versions name no CUDA build.
 */
function cudaBuildLoss(eco, from, to) {
    if (from === null || to === null)
        return null;
    const a = buildLabel(eco, from);
    const b = buildLabel(eco, to);
    if (!namesGpuBuild(a) || namesGpuBuild(b))
        return null;
    return { from: a, to: b || (eco === 'conda' ? 'no build' : NO_LABEL) };
}
/** cudaBuildLoss's `to` of a pip version without a local label. */
const NO_LABEL = 'no label';
/** The wheels PyTorch's indexes label by build, whose PyPI wheels are built as torch's are. */
const TORCH_FAMILY = new Set(['torch', 'torchvision', 'torchaudio']);
/**
 * The GPU build C (of package NAME) loses, by its labels (cudaBuildLoss); but a torch-family wheel
 * that only loses its CUDA label (torchvision `0.20.1+cu121` -> `0.20.1`: PyPI's wheel instead of the
 * CUDA index's) beside a torch that is still a CUDA build (CUDATORCH) is none (EnvDiff lossesJudged): PyPI's
 * Linux wheels of the torch family are CUDA builds where torch's is. A ROCm label lost is a loss
 * (PyPI has no ROCm wheels), as is one labelled `+cpu` whatever torch is, and any other package's
 * unlabelled wheel (PyPI's jaxlib is CPU-only).
 */
function packageLoss(eco, c, name, cudaTorch) {
    const loss = cudaBuildLoss(eco, c.from, c.to) ?? undefined;
    const family = eco === 'pip' && TORCH_FAMILY.has((0,parse/* canonicalName */.Ew)(name));
    const labelOnly = loss?.to === NO_LABEL && gpuBuildName(loss.from) === 'CUDA';
    return loss && family && cudaTorch && labelOnly ? undefined : loss;
}

;// CONCATENATED MODULE: ./src/diff/library-sources.ts

/** The components read from a CUDA library, by their key in cuda.sources. */
const SOURCE_KEYS = { cuda: 'runtime', cudnn: 'cudnn', nccl: 'nccl' };
/**
 * C as the diff has it, unchanged where its null side is unknown rather than none: that record
 * names no sources (written before they were recorded) and the other read the library from torch's
 * wheels, where the earlier probe never looked (python:3.11-slim with a CUDA torch from PyPI: the
 * same image is no "CUDA runtime none -> 12.4").
 */
function withUnknownSources(c, base, head) {
    const key = SOURCE_KEYS[c.id];
    if (key === undefined || !c.changed)
        return c;
    const unread = (r, other) => r.cuda.sources === undefined && other.cuda.sources?.[key]?.startsWith('torch:') === true;
    if (!((c.from === null && unread(base, head)) || (c.to === null && unread(head, base))))
        return c;
    return { id: c.id, from: c.from, to: c.to, changed: false, direction: null, level: null, host: c.host };
}
function extra(torch, key, code = String) {
    const v = torch?.[key];
    return typeof v === 'string' ? v : typeof v === 'number' ? code(v) : null;
}
/**
 * cuDNN and NCCL as the overview shows them: the libraries' (cuda.cudnn, cuda.nccl), else torch's,
 * with older probes' encodings read as the versions they stand for (torch's cuDNN code 90100,
 * NCCL 2.8.4 as 0.28.4: versions.ts).
 */
function cudaLibraries(r) {
    return {
        cudnn: r.cuda.cudnn ?? extra(r.torch, 'cudnn', cudnnCodeText),
        nccl: ncclText(r.cuda.nccl ?? extra(r.torch, 'nccl')),
    };
}

;// CONCATENATED MODULE: ./src/diff/size.ts
// Where the bytes went (pure): an image's biggest packages and layers, and against the base
// record, which packages and layers made the image grow or shrink. Package sizes come from the
// probe (pip: RECORD sizes; apt: dpkg's Installed-Size), layers from the engine's history. Records
// written before sizes were captured have none: the explanation then says what it can.



/** How many of each the summary keeps, and how many changes the explanation keeps. */
const TOP_N = 10;
const CHANGES_N = 20;
const byName = util_text/* compareText */.n6;
/**
 * pip distributions with a size, by normalised name. A name installed twice (Debian's copy in
 * /usr/lib/python3 and pip's) takes up both copies' bytes; the version is the copy Python imports,
 * as in the package diff (packages.ts).
 */
const pipCache = new WeakMap();
const aptCache = new WeakMap();
const topCache = new WeakMap();
function cached(cache, r, make) {
    if (cache.has(r))
        return cache.get(r);
    const v = make(r);
    cache.set(r, v);
    return v;
}
function pipSizes(r) {
    return cached(pipCache, r, pipSizesOf);
}
/** One record's apt sizes (its top list): name:arch for a name it has for several architectures. */
function aptSizes(r) {
    return cached(aptCache, r, (x) => aptSizesOf(x, multiArchNames(x)));
}
function pipSizesOf(r) {
    const out = new Map();
    for (const [key, { imported, copies }] of pipCopies(r)) {
        const sized = copies.filter((p) => p.sizeBytes !== undefined);
        if (sized.length === 0)
            continue;
        // The imported copy's version, or (it has no size) the first copy with one, as before.
        const named = imported.sizeBytes !== undefined ? imported : sized[0];
        const sizeBytes = sized.reduce((n, p) => n + p.sizeBytes, 0);
        out.set(key, { name: named.name, version: named.version, sizeBytes });
    }
    return out;
}
/** apt packages with a size, by aptKey: name, or name:arch for the names in multi. */
function aptSizesOf(r, multi) {
    const out = new Map();
    for (const p of r.apt) {
        if (p.sizeBytes === undefined)
            continue;
        const name = aptKey(p, multi);
        out.set(name, { name, version: p.version, sizeBytes: p.sizeBytes });
    }
    return out;
}
/**
 * The n first of `items` in `order`, in that order: one pass keeping the n best (a full sort of
 * 5,000 packages per record is the cost that matters in a ten-variant run).
 */
function firstN(items, n, order) {
    const best = [];
    if (n <= 0)
        return best;
    for (const x of items) {
        if (best.length === n && order(x, best[n - 1]) >= 0)
            continue;
        let i = best.length === n ? n - 1 : best.length;
        while (i > 0 && order(x, best[i - 1]) < 0) {
            best[i] = best[i - 1];
            i--;
        }
        best[i] = x;
        if (best.length > n)
            best.length = n;
    }
    return best;
}
/** The n biggest, biggest first (by name on a tie, so the output is stable). */
function biggest(items, n, key) {
    const nonEmpty = [...items].filter((x) => x.sizeBytes > 0);
    return firstN(nonEmpty, n, (a, b) => b.sizeBytes - a.sizeBytes || byName(key(a), key(b)));
}
/** The biggest pip and apt packages and layers of one record; undefined when it has no sizes. */
function sizeTop(r, n = TOP_N) {
    return n === TOP_N ? cached(topCache, r, (x) => sizeTopOf(x, n)) : sizeTopOf(r, n);
}
function sizeTopOf(r, n) {
    const pip = pipSizes(r);
    const apt = aptSizes(r);
    const layers = r.image.history ?? [];
    if (pip.size === 0 && apt.size === 0 && layers.length === 0)
        return undefined;
    const item = (s) => ({ name: s.name, version: s.version, sizeBytes: s.sizeBytes });
    return {
        pip: biggest(pip.values(), n, (s) => s.name).map(item),
        apt: biggest(apt.values(), n, (s) => s.name).map(item),
        layers: biggest(layers, n, (l) => l.createdBy).map((l) => ({
            createdBy: l.createdBy,
            sizeBytes: l.sizeBytes,
        })),
    };
}
function packageChanges(kind, base, head) {
    const out = [];
    for (const [key, h] of head) {
        const b = base.get(key);
        const delta = h.sizeBytes - (b?.sizeBytes ?? 0);
        if (delta !== 0)
            out.push({
                kind,
                name: h.name,
                from: b?.version ?? null,
                to: h.version,
                baseBytes: b?.sizeBytes ?? null,
                headBytes: h.sizeBytes,
                delta,
            });
    }
    for (const [key, b] of base)
        if (!head.has(key) && b.sizeBytes !== 0)
            out.push({
                kind,
                name: b.name,
                from: b.version,
                to: null,
                baseBytes: b.sizeBytes,
                headBytes: null,
                delta: -b.sizeBytes,
            });
    return out;
}
/**
 * Layers matched by instruction, in order (the base image's steps match themselves; a changed
 * RUN line is one layer removed and one added). Unchanged layers are left out.
 */
function layerChanges(base, head) {
    const pool = new Map();
    for (const l of base)
        pool.set(l.createdBy, [...(pool.get(l.createdBy) ?? []), l.sizeBytes]);
    const out = [];
    const layer = (name, from, to) => ({
        kind: 'layer',
        name,
        from: null,
        to: null,
        baseBytes: from,
        headBytes: to,
        delta: (to ?? 0) - (from ?? 0),
    });
    for (const h of head) {
        const sizes = pool.get(h.createdBy);
        const b = sizes?.shift();
        if (b === undefined) {
            if (h.sizeBytes > 0)
                out.push(layer(h.createdBy, null, h.sizeBytes));
        }
        else if (b !== h.sizeBytes)
            out.push(layer(h.createdBy, b, h.sizeBytes));
    }
    for (const [name, sizes] of pool)
        for (const b of sizes)
            if (b > 0)
                out.push(layer(name, b, null));
    return out;
}
/** Largest change first; growth before shrinkage on a tie; then by name. */
const byImpact = (a, b) => Math.abs(b.delta) - Math.abs(a.delta) || b.delta - a.delta || byName(a.name, b.name);
/**
 * Which packages and layers made the image's size change; undefined when neither side has sizes.
 * Where the two sizes are of different kinds (the engine's image store changed), the layers'
 * sizes, the engine's too, are not compared, and the change told is the packages'.
 */
function explainSize(base, head, n = CHANGES_N) {
    const hasPackages = (r) => r.python.packages.some((p) => p.sizeBytes !== undefined) || r.apt.some((p) => p.sizeBytes !== undefined);
    const packagesKnown = hasPackages(base) && hasPackages(head);
    const sameKind = (0,record/* sizeKindOf */.vS)(base) === (0,record/* sizeKindOf */.vS)(head);
    const layersKnown = sameKind && base.image.history !== undefined && head.image.history !== undefined;
    if (!hasPackages(head) && head.image.history === undefined)
        return undefined;
    const multi = multiArchNames(base, head);
    const packages = packagesKnown
        ? [
            ...packageChanges('pip', pipSizes(base), pipSizes(head)),
            ...packageChanges('apt', aptSizesOf(base, multi), aptSizesOf(head, multi)),
        ]
        : [];
    const layers = layersKnown ? layerChanges(base.image.history, head.image.history) : [];
    const packagesDelta = packages.reduce((s, c) => s + c.delta, 0);
    return {
        delta: sameKind ? head.image.sizeBytes - base.image.sizeBytes : packagesDelta,
        packagesKnown,
        layersKnown,
        packages: firstN(packages, n, byImpact),
        packagesDelta,
        packagesChanged: packages.length,
        layers: firstN(layers, n, byImpact),
    };
}

;// CONCATENATED MODULE: ./src/diff/diff.ts
// Record-vs-record diff (pure): packages, components, env, labels, size; the smoke results are
// compared in src/diff/smoke.ts. The base record is the base branch's (read through
// src/diff/read.ts, so it may have been written by an older version).










/** Labels that change on every build; they are listed but never make the verdict. */
const VOLATILE_LABELS = new Set([
    'org.opencontainers.image.created',
    'org.opencontainers.image.revision',
    'org.label-schema.build-date',
    'org.label-schema.vcs-ref',
]);
/** Compared as plain strings (no version order). */
const TEXT_COMPONENTS = new Set(['os', 'gpus']);
/** pip: one entry per normalised name, the copy Python imports (packages.ts). */
const pipIndexes = new WeakMap();
function pipIndex(r) {
    const cached = pipIndexes.get(r);
    if (cached)
        return cached;
    const out = new Map();
    for (const [key, { imported }] of pipCopies(r))
        out.set(key, {
            name: imported.name,
            version: imported.version,
            ...optional('directUrl', imported.directUrl),
        });
    pipIndexes.set(r, out);
    return out;
}
/** apt: by name, or name:arch for a name either record has for several architectures (packages.ts). */
function aptIndex(r, multi) {
    const out = new Map();
    for (const p of r.apt) {
        const name = aptKey(p, multi);
        out.set(name, { name, version: p.version });
    }
    return out;
}
/** The probe reads conda packages from this version on: an older record's none are unknown. */
const CONDA_PROBE = 4;
/**
 * conda packages by name (and environment, for a name in several: packages.ts condaPrefixedNames),
 * versions in compareAny's order (conda's own versions are PEP 440-like:
 * 2024.0.0, 12.4, 1.26.4), a build or channel change at the same version a change without a
 * direction (packages.ts condaChange); undefined when neither record has any, or when one was
 * written by a probe that did not read them (its every package would read as added or removed).
 */
function diffConda(base, head) {
    if (base.conda === undefined && head.conda === undefined)
        return undefined;
    if ([base, head].some((r) => r.conda === undefined && r.capture.probeVersion < CONDA_PROBE))
        return undefined;
    const prefixed = condaPrefixedNames(base, head);
    return diffPackages('conda', condaPackages(base, prefixed), condaPackages(head, prefixed), condaChange);
}
const levelRank = (l) => l === null ? CHANGE_LEVELS.length : CHANGE_LEVELS.indexOf(l);
const KIND_RANK = {
    upgraded: 0,
    downgraded: 0,
    changed: 0,
    added: 1,
    removed: 2,
};
const diff_byName = util_text/* compareText */.n6;
/** Changed packages first, by level (major first), then added, then removed; by name (and environment) within. */
function sortPackageChanges(changes) {
    return changes.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        levelRank(a.level) - levelRank(b.level) ||
        diff_byName(a.name.toLowerCase(), b.name.toLowerCase()) ||
        diff_byName(a.prefix ?? '', b.prefix ?? ''));
}
/** pip and apt: the versions compared and shown as they are. */
const byVersion = (compare) => (b, h) => ({ ...compare(b.version, h.version), from: b.version, to: h.version });
function diffPackages(eco, base, head, compare, 
/** pip: this PR's torch is a CUDA build (record torch.cuda): see packageLoss. */
cudaTorch = false) {
    const changes = [];
    let unchanged = 0;
    for (const [key, h] of head) {
        const b = base.get(key);
        if (!b) {
            changes.push({ name: h.name, ...where(h), kind: 'added', from: null, to: h.version, level: null });
            continue;
        }
        const c = compare(b, h);
        if (c.order === 0)
            unchanged++;
        else
            changes.push({
                name: h.name,
                ...where(h),
                kind: c.order === null ? 'changed' : c.order > 0 ? 'upgraded' : 'downgraded',
                from: c.from,
                to: c.to,
                level: c.level,
                ...optional('cudaLoss', packageLoss(eco, c, h.name, cudaTorch)),
            });
    }
    for (const [key, b] of base)
        if (!head.has(key))
            changes.push({ name: b.name, ...where(b), kind: 'removed', from: b.version, to: null, level: null });
    return { baseCount: base.size, headCount: head.size, unchanged, changes: sortPackageChanges(changes) };
}
/** A change's environment, for a conda name keyed by it. */
const where = (p) => optional('prefix', p.prefix);
/** { [key]: value } when value is defined (exactOptionalPropertyTypes), else {}. */
const optional = (key, value) => (value === undefined ? {} : { [key]: value });
// ---- components ----
function gpuSummary(r) {
    if (r.gpus.length === 0)
        return null;
    const byModel = new Map();
    for (const g of r.gpus)
        byModel.set(g.name, (byModel.get(g.name) ?? 0) + 1);
    return [...byModel]
        .sort(([a], [b]) => diff_byName(a, b))
        .map(([name, n]) => `${n} × ${name}`)
        .join(', ');
}
/** The overview's facts about one record. */
function summarize(r) {
    const pip = pipIndex(r);
    const drivers = [...new Set(r.gpus.map((g) => g.driver).filter((d) => !!d))].sort();
    const components = {
        os: r.os.osRelease.PRETTY_NAME ?? r.os.osRelease.NAME ?? null,
        glibc: r.os.glibc ? r.os.glibc.replace(/^glibc\s+/i, '') : null,
        python: r.python.version || null,
        torch: r.torch?.version ?? pip.get('torch')?.version ?? null,
        torchCuda: r.torch?.cuda ?? null,
        numpy: pip.get('numpy')?.version ?? null,
        cuda: r.cuda.runtime ?? null,
        ...cudaLibraries(r),
        driverMaxCuda: r.cuda.driverMaxCuda ?? null,
        driver: drivers.length ? drivers.join(', ') : null,
        gpus: gpuSummary(r),
    };
    return {
        ref: r.image.ref,
        digest: r.image.digest ?? null,
        platform: r.image.platform,
        variant: r.image.variant,
        created: r.image.created,
        sizeBytes: r.image.sizeBytes,
        ...optional('sizeKind', r.image.sizeKind),
        layers: r.image.layers,
        pipCount: pip.size,
        aptCount: r.apt.length,
        ...optional('top', sizeTop(r)),
        ...optional('pipIncomplete', (0,record/* packageListProblem */.o8)(r)),
        components,
    };
}
function diffComponent(id, from, to) {
    const host = schema/* HOST_COMPONENTS */._S.has(id);
    if (from === to)
        return { id, from, to, changed: false, direction: null, level: null, host };
    if (from === null || to === null || TEXT_COMPONENTS.has(id) || id === 'driver')
        return {
            id,
            from,
            to,
            changed: true,
            direction: id === 'driver' && from && to ? direction(compareAny(from, to)) : 'changed',
            level: null,
            host,
        };
    const c = compareAny(from, to);
    // Same version spelled differently (12.8 vs 12.8.0) is no change.
    if (c.order === 0)
        return { id, from, to, changed: false, direction: null, level: null, host };
    const cudaLoss = id === 'torch' ? cudaBuildLoss('pip', from, to) : null;
    return {
        id,
        from,
        to,
        changed: true,
        direction: direction(c),
        level: c.level,
        host,
        ...optional('cudaLoss', cudaLoss ?? undefined),
    };
}
const direction = (c) => c.order === 1 ? 'up' : c.order === -1 ? 'down' : 'changed';
// ---- env and labels ----
function diffMaps(base, head) {
    const changes = [];
    let unchanged = 0;
    let redactedBoth = 0;
    for (const name of [...new Set([...Object.keys(base), ...Object.keys(head)])].sort(diff_byName)) {
        const from = Object.hasOwn(base, name) ? base[name] : null;
        const to = Object.hasOwn(head, name) ? head[name] : null;
        if (from === to) {
            unchanged++;
            if (from === redact/* REDACTED */.XF)
                redactedBoth++;
        }
        else
            changes.push({
                name,
                kind: from === null ? 'added' : to === null ? 'removed' : 'changed',
                from,
                to,
            });
    }
    return { changes, unchanged, redactedBoth };
}
/**
 * pip's changes without those of the Python packages conda installed (pip's INSTALLER "conda") in
 * each record that has them, when the conda table shows them: with their build and channel, a
 * conda upgrade of numpy is one change, not one in each table. The conda table shows such a change
 * when it has one of the same name, or one of the same kind between the same versions under a
 * name no Python package has (conda names some packages otherwise: `pytorch` is pip's `torch`).
 * Any other stays in pip's table: one whose version pip reads changed while conda's list did not
 * (its metadata edited), and a package pip installed on either side (over conda's, or instead of
 * it). The counts stay those of every package Python sees.
 */
function withoutCondaOwned(pip, base, head, conda) {
    if (conda === undefined)
        return pip;
    const sides = [pipCopies(base), pipCopies(head)];
    const byConda = (name) => sides.every((copies) => {
        const p = copies.get((0,parse/* canonicalName */.Ew)(name))?.imported;
        return p === undefined || p.installer.trim().toLowerCase() === 'conda';
    });
    // conda's shown versions are "VERSION [BUILD] [(CHANNEL)]" (packages.ts condaChange).
    const version = (shown) => shown?.split(' ')[0] ?? null;
    // A conda name that is no Python package's on either side may be another name for one (pytorch);
    // scipy's change never stands for torch's.
    const aliasable = (name) => sides.every((copies) => !copies.has((0,parse/* canonicalName */.Ew)(name)));
    const shown = (c) => conda.changes.some((d) => (0,parse/* canonicalName */.Ew)(d.name) === (0,parse/* canonicalName */.Ew)(c.name) ||
        (d.kind === c.kind && version(d.from) === c.from && version(d.to) === c.to && aliasable(d.name)));
    return { ...pip, changes: pip.changes.filter((c) => !(byConda(c.name) && shown(c))) };
}
/**
 * The CUDA build change C loses (ECO's labels), as the diff decided it (cudaLoss); for a change an
 * older version wrote without that field (a fork-safe artifact, a report-<variant>.json), as the
 * diff decides it now from the labels shown, so that its verdict still names the loss.
 */
function cudaLossOf(eco, c, 
/** The diff's lossesJudged: its absent cudaLoss is no loss. */
judged = false) {
    return c.cudaLoss ?? (judged ? undefined : (cudaBuildLoss(eco, c.from, c.to) ?? undefined));
}
function diffRecords(base, head) {
    const conda = diffConda(base, head);
    const pip = withoutCondaOwned(diffPackages('pip', pipIndex(base), pipIndex(head), (b, h) => pipChange(b, h, knowsPipSources(base, head)), !!head.torch?.cuda), base, head, conda);
    const multi = multiArchNames(base, head);
    const apt = diffPackages('apt', aptIndex(base, multi), aptIndex(head, multi), byVersion(compareApt));
    const b = summarize(base);
    const h = summarize(head);
    const components = schema/* COMPONENT_IDS */.Vg.map((id) => withUnknownSources(diffComponent(id, b.components[id], h.components[id]), base, head));
    // Both sides masked as capture masks them now: a baseline recorded before a rule was widened
    // (DB_PASS, GH_PAT) kept the value. Records read from files are masked again already
    // (src/diff/read.ts); this covers records given in memory.
    const env = diffMaps((0,redact/* redactEnvMap */.$i)(base.image.env), (0,redact/* redactEnvMap */.$i)(head.image.env));
    const labelDiff = diffMaps((0,redact/* redactLabels */.PU)(base.image.labels), (0,redact/* redactLabels */.PU)(head.image.labels));
    const labels = {
        changes: labelDiff.changes.map((c) => ({ ...c, volatile: VOLATILE_LABELS.has(c.name) })),
        unchanged: labelDiff.unchanged,
    };
    const size = { base: b.sizeBytes, head: h.sizeBytes, delta: h.sizeBytes - b.sizeBytes };
    // Sizes of different kinds (the engine's image store changed) are not a change of the image.
    const kinds = { from: (0,record/* sizeKindOf */.vS)(base), to: (0,record/* sizeKindOf */.vS)(head) };
    const sizeKindChange = kinds.from !== kinds.to ? kinds : undefined;
    const layers = { base: b.layers, head: h.layers, delta: h.layers - b.layers };
    const changed = pip.changes.length > 0 ||
        apt.changes.length > 0 ||
        (conda?.changes.length ?? 0) > 0 ||
        components.some((c) => c.changed && !c.host) ||
        env.changes.length > 0 ||
        labels.changes.some((c) => !c.volatile) ||
        (size.delta !== 0 && !sizeKindChange) ||
        layers.delta !== 0;
    return {
        pip,
        apt,
        ...optional('conda', conda),
        components,
        env,
        labels,
        size,
        ...optional('sizeKindChange', sizeKindChange),
        layers,
        ...optional('sizeExplanation', explainSize(base, head)),
        changed,
        lossesJudged: true,
    };
}

;// CONCATENATED MODULE: ./src/diff/smoke.ts
const DEFAULT_SMOKE_THRESHOLD = 0.1;
/**
 * Which way a metric should move, from the names the suites emit (images/probe/ml_image_smoke.py):
 * *_tflops, busbw_gbps/algbw_gbps, loss_end/loss_drop; and durationMs per test. null: no direction
 * (counts like modules/world/gpus, loss_start which only depends on the seed).
 * *_floor values are the thresholds the smoke script judged by (src/smoke/baselines.json), not
 * measurements: skipped here, shown beside their metric.
 */
function metricDirection(metric) {
    const m = metric.toLowerCase();
    if (m.endsWith('_floor'))
        return 'skip';
    if (m === 'loss_start')
        return null;
    if (m === 'loss_drop')
        return 'higher';
    if (/tflops|gflops|gbps|busbw|algbw|throughput|per_s(ec)?$|_ps$/.test(m))
        return 'higher';
    if (/loss|duration|latency|seconds|_ms$|_s$|^time|_time$/.test(m))
        return 'lower';
    return null;
}
/** Durations this close are noise (container start-up), whatever the ratio. */
const DURATION_NOISE_MS = 1000;
function numericMetrics(t) {
    const out = new Map();
    if (!t)
        return out;
    for (const [k, v] of Object.entries(t.metrics))
        if (typeof v === 'number' && Number.isFinite(v) && metricDirection(k) !== 'skip')
            out.set(k, v);
    out.set('durationMs', t.durationMs);
    return out;
}
function metricDelta(test, metric, base, head, threshold) {
    const dir = metricDirection(metric);
    const better = dir === 'skip' ? null : dir;
    const relative = base !== null && head !== null && base !== 0 ? (head - base) / Math.abs(base) : null;
    let regression = false;
    let improved = false;
    if (base !== null && head !== null && better !== null) {
        const worse = better === 'higher' ? base - head : head - base;
        const rel = base === 0 ? (worse > 0 ? Infinity : worse < 0 ? -Infinity : 0) : worse / Math.abs(base);
        const noise = metric === 'durationMs' && Math.abs(head - base) < DURATION_NOISE_MS;
        regression = !noise && rel > threshold;
        improved = !noise && rel < -threshold;
    }
    return { test, metric, base, head, relative, better, regression, improved };
}
/** What the floors said of a test (the smoke script's floor_gpu / floor_note), when they said anything. */
function floorNote(t) {
    const str = (k) => typeof t.metrics[k] === 'string' && t.metrics[k] !== '' ? t.metrics[k] : '';
    const parts = [str('floor_gpu') && `floors of ${str('floor_gpu')}`, str('floor_note')].filter(Boolean);
    return parts.length > 0 ? { note: parts.join('; ') } : {};
}
const tally = (r) => ({
    pass: r.tests.filter((t) => t.status === 'pass').length,
    fail: r.tests.filter((t) => t.status === 'fail').length,
    skip: r.tests.filter((t) => t.status === 'skip').length,
});
function diffSmoke(base, head, opts = {}) {
    const threshold = opts.threshold ?? DEFAULT_SMOKE_THRESHOLD;
    const baseTests = new Map((base?.tests ?? []).map((t) => [t.id, t]));
    const headIds = new Set(head.tests.map((t) => t.id));
    const tests = [];
    const metrics = [];
    const addMetrics = (id, b, h) => {
        const bm = numericMetrics(b);
        const hm = numericMetrics(h);
        for (const name of [...new Set([...hm.keys(), ...bm.keys()])]) {
            const delta = metricDelta(id, name, bm.get(name) ?? null, hm.get(name) ?? null, threshold);
            const floor = h?.metrics[`${name}_floor`];
            metrics.push(typeof floor === 'number' && Number.isFinite(floor) ? { ...delta, floor } : delta);
        }
    };
    for (const h of head.tests) {
        const b = baseTests.get(h.id);
        tests.push({
            id: h.id,
            suite: h.suite,
            from: b?.status ?? null,
            to: h.status,
            reason: h.reason ?? null,
            cause: h.cause ? `${h.cause.cause} Fix: ${h.cause.fix}` : null,
            regression: b?.status === 'pass' && h.status === 'fail',
            fixed: b?.status === 'fail' && h.status === 'pass',
            ...floorNote(h),
        });
        // Metrics of a test that did not pass on both sides would compare a partial run; a skipped
        // test measured nothing.
        if (h.status !== 'skip' && (!b || (b.status === 'pass' && h.status === 'pass')))
            addMetrics(h.id, b, h);
    }
    for (const b of base?.tests ?? []) {
        if (headIds.has(b.id))
            continue;
        tests.push({
            id: b.id,
            suite: b.suite,
            from: b.status,
            to: null,
            reason: null,
            cause: null,
            regression: false,
            fixed: false,
        });
    }
    return {
        threshold,
        base: base ? tally(base) : null,
        head: tally(head),
        tests,
        metrics,
        regressions: tests.filter((t) => t.regression).length,
        metricRegressions: metrics.filter((m) => m.regression).length,
        fixed: tests.filter((t) => t.fixed).length,
        failing: tests.filter((t) => t.to === 'fail').length,
        ...(head.cluster && head.runner?.name && { ranOn: head.runner.name }),
        ...(head.interrupted !== undefined && { stopped: head.interrupted }),
    };
}

// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/parse-input.ts
var parse_input = __webpack_require__(91814);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(12011);
// EXTERNAL MODULE: ./src/report/model-schema.ts
var model_schema = __webpack_require__(463);
;// CONCATENATED MODULE: ./src/report/assessment.ts
// What the severity policy (model.ts assessReport) hands the renderer: each finding and its
// severity, and the verdict, the worst of them.
const SEVERITY_RANK = { info: 0, warning: 1, failure: 2 };

// EXTERNAL MODULE: ./src/report/size.ts
var size = __webpack_require__(29437);
// EXTERNAL MODULE: ./src/report/size-kind.ts
var size_kind = __webpack_require__(75440);
;// CONCATENATED MODULE: ./src/report/component-findings.ts
// The verdict's findings about the major components (NumPy, torch, CUDA, Python, ...): part of the
// severity policy (model.ts assessReport).



/** Components the verdict names when they change, in this order. */
const VERDICT_COMPONENTS = [
    'numpy',
    'torch',
    'cuda',
    'python',
    'cudnn',
    'nccl',
    'glibc',
    'os',
    'torchCuda',
];
/**
 * A version change of a major component: a warning when major, a downgrade, added or removed. A
 * change without a direction (only a local label: `+7c8ec84dab` -> `+79aa17489c`) is information,
 * unless it loses a CUDA build (torch, componentFindings).
 */
function componentSeverity(c) {
    return c.level === 'major' || c.direction === 'down' || !c.from || !c.to ? 'warning' : 'info';
}
const worse = (a, b) => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a);
/**
 * Each component change, once however many platforms have it; one that not every platform compared
 * has names those that do (`NumPy 1.26.4 → 2.1.0 (major) on linux/amd64`): without it the verdict
 * read as if arm64 had moved to NumPy 2 too.
 */
function componentFindings(withDiff, add) {
    for (const id of VERDICT_COMPONENTS) {
        const found = new Map();
        for (const p of withDiff) {
            const c = p.diff.components.find((x) => x.id === id);
            if (!c?.changed || c.host)
                continue;
            const torchCuda = p.diff.components.find((x) => x.id === 'torchCuda');
            // The torch version names its CUDA build already (`2.7.0+cu128` -> `2.7.0+cpu`): one finding,
            // as severe as the CUDA build's change (a torch that lost its CUDA build is a warning).
            if (id === 'torchCuda' && p.diff.components.find((x) => x.id === 'torch')?.changed)
                continue;
            const cudaSeverity = id === 'torch' ? torchCudaSeverity(c, torchCuda) : 'info';
            const level = c.level ? ` (${c.level}${c.direction === 'down' ? ', downgrade' : ''})` : '';
            const text = `${format/* COMPONENT_LABELS */.M[id]} ${c.from ?? 'none'} → ${c.to ?? 'none'}${level}`;
            const severity = worse(componentSeverity(c), cudaSeverity);
            const seen = found.get(text);
            if (seen) {
                seen.severity = worse(seen.severity, severity);
                seen.platforms.push(p.platform);
            }
            else
                found.set(text, { severity, platforms: [p.platform] });
        }
        for (const [text, { severity, platforms }] of found)
            add(platforms.length < withDiff.length ? `${text} on ${platforms.join(', ')}` : text, severity);
    }
}
/**
 * How severe torch's change is through its CUDA build: as the torch CUDA build row's change when
 * the records know it (the probe imported torch), else as the version's label: `+cu121` -> `+cpu`
 * lost it (the diff's cudaLoss; cudaLossOf for a model an older version wrote), a warning as for
 * any pip package.
 */
function torchCudaSeverity(torch, torchCuda) {
    if (torchCuda?.changed)
        return componentSeverity(torchCuda);
    if (torchCuda && (torchCuda.from !== null || torchCuda.to !== null))
        return 'info';
    return cudaLossOf('pip', torch) ? 'warning' : 'info';
}

;// CONCATENATED MODULE: ./src/report/model.ts














/** The marker key when the config sets none: one comment per image, variant and platform set. */
function defaultMarkerKey(image, variant, platforms) {
    return `${image}:${variant}@${[...platforms].sort().join(',')}`;
}
function buildReportModel(input) {
    if (input.entries.length === 0)
        throw new errors/* InputError */.dz(`report ${input.image}:${input.variant}: no records`);
    const entries = [...input.entries].sort((a, b) => a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : 0);
    const threshold = input.smokeThreshold !== undefined ? { threshold: input.smokeThreshold } : {};
    const platforms = entries.map((e) => ({
        platform: e.platform,
        head: summarize(e.head),
        base: e.base ? summarize(e.base) : null,
        diff: e.base ? diffRecords(e.base, e.head) : null,
        smoke: e.headSmoke ? diffSmoke(e.baseSmoke ?? undefined, e.headSmoke, threshold) : null,
    }));
    const links = {};
    // A link that is not http(s) is dropped here rather than failing the poster later.
    if (input.links?.run && (0,report_escape/* safeUrl */.Pl)(input.links.run))
        links.run = input.links.run;
    if (input.links?.artifact && (0,report_escape/* safeUrl */.Pl)(input.links.artifact))
        links.artifact = input.links.artifact;
    return {
        schemaVersion: model_schema/* REPORT_MODEL_SCHEMA_VERSION */.yz,
        kind: 'ml-image-report',
        tool: { version: version/* VERSION */.x },
        image: input.image,
        variant: input.variant,
        markerKey: input.markerKey ??
            defaultMarkerKey(input.image, input.variant, entries.map((e) => e.platform)),
        head: {
            ...(input.head?.ref !== undefined && { ref: input.head.ref }),
            ...(input.head?.sha !== undefined && { sha: input.head.sha }),
        },
        baseline: input.baseline
            ? {
                ref: input.baseline.ref,
                ...(input.baseline.sha !== undefined && { sha: input.baseline.sha }),
                ...(input.baseline.noRecordOf !== undefined && { noRecordOf: input.baseline.noRecordOf }),
            }
            : null,
        noBaselineReason: input.noBaselineReason ?? null,
        resolution: input.resolution ?? [],
        links,
        platforms,
        ...(input.supplyChain && { supplyChain: input.supplyChain }),
        ...(input.sizeBudget !== undefined && { sizeBudget: input.sizeBudget }),
        ...(input.droppedPlatforms?.length && { droppedPlatforms: [...input.droppedPlatforms].sort() }),
        ...(input.unreportedPlatforms?.length && { unreportedPlatforms: [...input.unreportedPlatforms].sort() }),
    };
}
/** A model from JSON (the artifact a privileged workflow downloads); InputError naming the source. */
function parseReportModel(json, source) {
    const r = boundedSafeParse(ReportModelSchema, json);
    if ('overflow' in r)
        throw new InputError(`${source}: not a valid report model: too many problems to list (zod ran out of stack)`);
    if (r.success)
        return r.data;
    throw new InputError(`${source}: not a valid report model: ${formatIssues(r.error, json, ReportModelSchema).slice(0, 5).join('; ')}`);
}
// ---- severity policy: what the verdict says, and how bad each finding is ----
// The renderer only renders an Assessment. It is derived from the model's data every time (never
// stored in the artifact, whose content is untrusted), so a re-rendered artifact says the same.


function assessReport(model) {
    const smoke = model.platforms.map((p) => p.smoke).filter((s) => !!s);
    const withDiff = model.platforms.filter((p) => !!p.diff);
    if (withDiff.length === 0)
        return noBaselineAssessment(model, smoke);
    const findings = [];
    // The texts said so far: a Set, so that many findings cost no more than their number.
    const said = new Set();
    const add = (raw, severity) => {
        // Values come from the image: a 1,000-character version must not crowd out the rest.
        const text = (0,report_escape/* clip */.$Q)(raw, 120);
        if (said.has(text))
            return;
        said.add(text);
        findings.push({ text, severity });
    };
    // A platform without a base record (one the base branch has not built yet) is said first, but it
    // is no change: with nothing else found the verdict stays unchanged (and such a variant collapses).
    for (const p of model.platforms.filter((x) => !x.diff))
        add(`no baseline for ${p.platform}`, 'info');
    const missing = findings.length;
    for (const p of model.droppedPlatforms ?? [])
        add(droppedText(model, p), 'warning');
    for (const p of model.unreportedPlatforms ?? [])
        add(unreportedText(p), 'warning');
    for (const b of (0,size/* budgetBreaches */.Bq)(model.sizeBudget, model.platforms))
        add(b.short, 'failure');
    for (const f of incompleteFindings(model))
        add(f.text, f.severity);
    componentFindings(withDiff, add);
    smokeFindings(smoke, add);
    packageFindings(withDiff, 'pip', add);
    packageFindings(withDiff, 'apt', add);
    packageFindings(withDiff, 'conda', add);
    otherFindings(withDiff, add);
    const changes = findings.slice(missing);
    // A size of another kind (the runner's image store changed, as a driver may) and the growth
    // budget it leaves unjudged are said after the changes (the headline leads with those), and
    // are no change of the image.
    for (const k of kindChanges(withDiff))
        add(k, 'info');
    for (const b of (0,size/* budgetSkips */.mO)(model.sizeBudget, model.platforms))
        add(b.short, 'info');
    if (changes.length === 0) {
        // A variable masked on both sides may have changed: the verdict says it was not compared.
        const masked = Math.max(...withDiff.map((p) => p.diff.env.redactedBoth));
        const unseen = masked
            ? [
                {
                    text: `${(0,format/* plural */.LS)(masked, 'variable')} with a secret's name not compared (masked)`,
                    severity: 'info',
                },
            ]
            : [];
        return {
            verdict: 'unchanged',
            findings: [{ text: 'No environment changes', severity: 'info' }, ...unseen, ...findings],
        };
    }
    const worst = Math.max(...changes.map((f) => SEVERITY_RANK[f.severity]));
    return { verdict: worst === 2 ? 'failure' : worst === 1 ? 'warning' : 'changed', findings };
}
/** Failing smoke tests, counted once however many platforms they fail on. */
const distinctFailing = (smoke, exceptRegressions) => new Set(smoke.flatMap((s) => s.tests.filter((t) => t.to === 'fail' && !(exceptRegressions && t.regression)).map((t) => t.id))).size;
/** A platform this run built and could not capture: the report has nothing of its image. */
const unreportedText = (platform) => `${platform} not reported (no record of this run's image)`;
/** A platform the baseline has and this config no longer builds: its users get no image. */
const droppedText = (model, platform) => (0,report_escape/* clip */.$Q)(`${platform} no longer built (${model.baseline?.ref ?? 'the baseline'} has it)`, 120);
function noBaselineAssessment(model, smoke) {
    const reason = model.noBaselineReason?.trim();
    const text = reason
        ? `${reason.charAt(0).toUpperCase()}${reason.slice(1)} — environment summary below`
        : model.baseline
            ? `First run: no baseline for ${model.baseline.ref} yet — environment summary below`
            : 'No baseline to compare with — environment summary below';
    const findings = [{ text: (0,report_escape/* clip */.$Q)(text, 160), severity: 'info' }];
    // This run's platforms have no base record, but the baseline has one this config no longer builds.
    for (const p of model.droppedPlatforms ?? [])
        findings.push({ text: droppedText(model, p), severity: 'warning' });
    for (const p of model.unreportedPlatforms ?? [])
        findings.push({ text: unreportedText(p), severity: 'warning' });
    const failing = distinctFailing(smoke, false);
    if (failing)
        findings.push({ text: (0,report_escape/* clip */.$Q)(`${(0,format/* plural */.LS)(failing, 'smoke test')} failing`, 120), severity: 'failure' });
    const breaches = (0,size/* budgetBreaches */.Bq)(model.sizeBudget, model.platforms);
    for (const b of breaches)
        findings.push({ text: (0,report_escape/* clip */.$Q)(b.short, 160), severity: 'failure' });
    findings.push(...incompleteFindings(model));
    const dropped = (model.droppedPlatforms?.length ?? 0) + (model.unreportedPlatforms?.length ?? 0) > 0;
    return {
        verdict: failing || breaches.length > 0 ? 'failure' : dropped ? 'warning' : 'no-baseline',
        findings,
    };
}
/**
 * A record whose pip package list is incomplete (the probe could not read every distribution):
 * its packages are missing from the diff (shown as removed or added) and from the SBOM.
 */
function incompleteFindings(model) {
    const sides = (p) => [
        ...(p.head.pipIncomplete !== undefined ? ['this PR'] : []),
        ...(p.base?.pipIncomplete !== undefined ? ['baseline'] : []),
    ];
    return model.platforms
        .filter((p) => sides(p).length > 0)
        .map((p) => ({
        text: (0,report_escape/* clip */.$Q)(`pip package list incomplete (${sides(p).join(', ')}, ${p.platform}): the probe could not read every package`, 120),
        severity: 'warning',
    }));
}
function smokeFindings(smoke, add) {
    // The same test regressing on two platforms is one regression to look at.
    const distinct = (pick) => new Set(smoke.flatMap(pick)).size;
    const regressions = distinct((s) => s.tests.filter((t) => t.regression).map((t) => t.id));
    const failing = distinctFailing(smoke, true);
    const metricRegressions = distinct((s) => s.metrics.filter((m) => m.regression).map((m) => `${m.test}\u0000${m.metric}`));
    const fixed = distinct((s) => s.tests.filter((t) => t.fixed).map((t) => t.id));
    if (regressions)
        add((0,format/* plural */.LS)(regressions, 'smoke regression'), 'failure');
    if (failing > 0)
        add(`${(0,format/* plural */.LS)(failing, 'smoke test')} failing`, 'failure');
    if (metricRegressions)
        add((0,format/* plural */.LS)(metricRegressions, 'metric regression'), 'warning');
    if (fixed)
        add(`${(0,format/* plural */.LS)(fixed, 'smoke test')} fixed`, 'info');
}
/** One change per key; of one that loses a build on a platform and not on another, the loss. */
function onePerChange(changes) {
    const m = new Map();
    for (const c of changes)
        if (!m.get((0,schema/* packageChangeKey */.KT)(c))?.cudaLoss)
            m.set((0,schema/* packageChangeKey */.KT)(c), c);
    return [...m.values()];
}
function packageFindings(withDiff, eco, add) {
    // The same change on several platforms counts once.
    const list = onePerChange(withDiff.flatMap((p) => p.diff[eco]?.changes ?? []));
    if (!list.length)
        return;
    const major = list.filter((c) => c.level === 'major').length;
    // What may break an import or an API, counted where it is seen: "6 pip changes (1 major, 1 removed)".
    const counted = [
        [major, 'major'],
        [list.filter((c) => c.kind === 'downgraded').length, 'downgraded'],
        [list.filter((c) => c.kind === 'removed').length, 'removed'],
    ];
    const said = counted.filter(([n]) => n > 0).map(([n, what]) => `${(0,format/* fmtInt */.L5)(n)} ${what}`);
    add(`${(0,format/* plural */.LS)(list.length, `${eco} change`)}${said.length ? ` (${said.join(', ')})` : ''}`, said.length ? 'warning' : 'info');
    cudaLossFindings(withDiff, eco, list, add);
}
/** Named in the verdict one by one; more packages than these that lost CUDA are one finding. */
const CUDA_LOSS_NAMED = 3;
/**
 * Each package that lost its CUDA build (`torchvision 0.16.0+cu121` -> `+cpu`, a conda `pytorch`
 * build `…cuda12.1…` -> `…cpu…`): a warning, as a GPU image without it is broken as much as by a
 * downgrade. pip's torch is left to its own line (componentFindings) when that changed.
 */
function cudaLossFindings(withDiff, eco, list, add) {
    const torchSaid = withDiff.some((p) => p.diff.components.some((c) => c.id === 'torch' && c.changed));
    const judged = withDiff.every((p) => p.diff.lossesJudged);
    const lost = list.flatMap((c) => {
        const loss = cudaLossOf(eco, c, judged);
        return loss && !(eco === 'pip' && torchSaid && c.name.toLowerCase() === 'torch') ? [{ c, loss }] : [];
    });
    const named = lost.slice(0, CUDA_LOSS_NAMED);
    for (const { c, loss } of named)
        add(`${(0,report_escape/* changeName */.m9)(c)} lost its ${lostBuildText(loss)}`, 'warning');
    const shown = (c) => `${c.name}\u0000${c.prefix ?? ''}`;
    const saidNames = new Set(named.map(({ c }) => shown(c)));
    const others = lost.filter(({ c }) => !saidNames.has(shown(c)));
    const rest = new Set(others.map(({ c }) => shown(c))).size;
    const kind = gpuBuildName(...others.map(({ loss }) => loss.from));
    if (rest > 0)
        add(`${(0,format/* plural */.LS)(rest, `more ${eco} package`)} lost the ${kind} build`, 'warning');
}
/** "image size not comparable on linux/amd64: image store changed (unpacked → compressed)". */
function kindChanges(withDiff) {
    return withDiff.flatMap((p) => {
        const k = p.diff.sizeKindChange;
        const where = withDiff.length > 1 ? ` on ${p.platform}` : '';
        return k
            ? [`image size not comparable${where}: image store changed (${(0,size_kind/* kindShort */.jy)(k.from)} → ${(0,size_kind/* kindShort */.jy)(k.to)})`]
            : [];
    });
}
/** Environment variables, labels (volatile ones aside) and an image size change of 5% or more. */
function otherFindings(withDiff, add) {
    const env = Math.max(...withDiff.map((p) => p.diff.env.changes.length));
    if (env)
        add((0,format/* plural */.LS)(env, 'env change'), 'info');
    const labels = Math.max(...withDiff.map((p) => p.diff.labels.changes.filter((c) => !c.volatile).length));
    if (labels)
        add((0,format/* plural */.LS)(labels, 'label change'), 'info');
    for (const p of withDiff) {
        const s = p.diff.size;
        // Sizes of different kinds are no change (kindChanges says so).
        if (!p.diff.sizeKindChange && s.base > 0 && Math.abs(s.delta) / s.base >= 0.05)
            add(`image ${(0,format/* signed */.x8)(s.delta, format/* fmtBytes */.zi)} (${(0,format/* pct */.Oe)(s.delta / s.base)})${withDiff.length > 1 ? ` on ${p.platform}` : ''}`, 'info');
    }
}


/***/ }),

/***/ 90157:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PN: () => (/* binding */ DEFAULT_MAX_CHARS),
  Km: () => (/* binding */ MARKER_PREFIX),
  Et: () => (/* binding */ MIN_MAX_CHARS),
  l_: () => (/* binding */ checkedMaxChars),
  _Z: () => (/* binding */ markerFor),
  B1: () => (/* binding */ renderReport),
  Yo: () => (/* binding */ renderVariantBody)
});

// UNUSED EXPORTS: EMITTED_TAGS

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/model.ts + 8 modules
var report_model = __webpack_require__(92474);
// EXTERNAL MODULE: ./src/report/render/charts.ts
var charts = __webpack_require__(86994);
// EXTERNAL MODULE: ./src/report/render/markdown.ts
var markdown = __webpack_require__(18298);
// EXTERNAL MODULE: ./src/report/render/parts.ts
var render_parts = __webpack_require__(99957);
// EXTERNAL MODULE: ./src/report/render/sections.ts
var render_sections = __webpack_require__(95623);
// EXTERNAL MODULE: ./src/report/render/size.ts
var size = __webpack_require__(28974);
;// CONCATENATED MODULE: ./src/report/render/document.ts
// The report as a list of parts in reading order: heading, intro, one overview per group of
// platforms, the <details> sections platform by platform (a chart before the smoke metrics and the
// biggest packages when there is something to chart), the resolution, the links.






function introText(model) {
    const head = [model.head.ref ? (0,report_escape/* mdLine */.YO)(model.head.ref, 80) : '', (0,markdown/* shortSha */.Fu)(model.head.sha)]
        .filter(Boolean)
        .join(' @ ');
    const thisPr = `this PR${head ? ` (${head})` : ''}`;
    if (!model.platforms.some((p) => p.diff)) {
        const why = model.noBaselineReason
            ? (0,report_escape.md)(model.noBaselineReason, 300)
            : model.baseline
                ? `no record of ${(0,report_escape/* mdLine */.YO)(model.baseline.ref, 80)} yet`
                : 'no base branch to compare with';
        return `No diff for ${thisPr}: ${why}. The environment of this build:`;
    }
    const base = model.baseline;
    const baseText = base
        ? `${(0,report_escape/* mdLine */.YO)(base.ref, 80)}${base.sha ? ` @ ${(0,markdown/* shortSha */.Fu)(base.sha)}` : ''}`
        : 'the baseline records';
    // A pull request into a branch without baselines (only the default branch saves them).
    const fallback = base?.noRecordOf
        ? `: no record of ${(0,report_escape/* mdLine */.YO)(base.noRecordOf, 80)} (baselines are saved for the default branch only)`
        : '';
    return `Comparing ${thisPr} with ${baseText}${fallback}.`;
}
function linksText(model) {
    const links = [];
    const run = model.links.run ? (0,report_escape/* safeUrl */.Pl)(model.links.run) : null;
    const artifact = model.links.artifact ? (0,report_escape/* safeUrl */.Pl)(model.links.artifact) : null;
    if (run)
        links.push(`[Workflow run](${run})`);
    if (artifact)
        links.push(`[Report artifact](${artifact})`);
    links.push(`ml-image-action ${(0,report_escape.md)(model.tool.version, 30)}`);
    return links.join(' · ');
}
/**
 * Platforms whose section would say the same thing share one section (a multi-arch image usually
 * has the same packages on amd64 and arm64): key -> the platforms, in model order.
 */
function groups(platforms, keyOf) {
    const out = new Map();
    platforms.forEach((p, index) => {
        const key = keyOf(p);
        if (key === null)
            return;
        const g = out.get(key);
        if (g)
            g.names.push(p.platform);
        else
            out.set(key, { first: p, index, names: [p.platform] });
    });
    return [...out.values()];
}
function buildParts(model) {
    const multi = model.platforms.length > 1;
    const baseLabel = model.baseline ? (0,report_escape.md)(model.baseline.ref, 40) : 'base';
    const parts = [
        (0,render_parts/* textPart */.Xo)('heading', `### 🐳 ml-image report: ${(0,report_escape.md)(model.image, 100)} (${(0,report_escape.md)(model.variant, 40)})`, render_parts/* RANK */.Vz.heading),
        (0,render_parts/* textPart */.Xo)('intro', introText(model), render_parts/* RANK */.Vz.intro),
    ];
    for (const g of groups(model.platforms, (p) => `${!!p.diff}\u0000${(0,render_sections/* overviewRows */.jM)(p).all.join('\n')}`))
        parts.push((0,render_sections/* overviewPart */.FR)(g.first, multi ? g.names.join(', ') : null, baseLabel, g.index));
    // Grouping only matters with several platforms (and JSON of 5,000 rows is not free).
    const json = (v) => (v === null || v === undefined ? null : multi ? JSON.stringify(v) : '');
    const sections = [
        [(p, ...a) => p.diff && (0,render_sections/* packagePart */.yN)('pip', p.diff.pip, ...a), (p) => json(p.diff?.pip.changes), render_parts/* RANK */.Vz.pip],
        [(p, ...a) => p.diff && (0,render_sections/* packagePart */.yN)('apt', p.diff.apt, ...a), (p) => json(p.diff?.apt.changes), render_parts/* RANK */.Vz.apt],
        [
            (p, ...a) => (p.diff?.conda ? (0,render_sections/* packagePart */.yN)('conda', p.diff.conda, ...a) : null),
            (p) => json(p.diff?.conda?.changes),
            render_parts/* RANK */.Vz.conda,
        ],
        [render_sections/* envPart */.H7, (p) => json(p.diff?.env), render_parts/* RANK */.Vz.env],
        [render_sections/* labelsPart */.Bj, (p) => json(p.diff?.labels.changes), render_parts/* RANK */.Vz.labels],
        [
            render_sections/* testsPart */.re,
            (p) => json(p.smoke && [p.smoke.base, p.smoke.head, p.smoke.tests, p.smoke.ranOn, p.smoke.stopped]),
            render_parts/* RANK */.Vz.tests,
        ],
        // Each chart just before the table with its figures (a part of its own: dropped first).
        [
            (p, suffix, _base, rank) => (0,charts/* metricsChartPart */.ri)(p, suffix, model.baseline?.ref ?? 'base', rank),
            (p) => json(p.smoke && [p.smoke.base !== null, p.smoke.metrics]),
            render_parts/* RANK */.Vz.charts,
        ],
        [render_sections/* metricsPart */.HY, (p) => json(p.smoke && [p.smoke.base !== null, p.smoke.metrics]), render_parts/* RANK */.Vz.metrics],
        [
            (p, ...a) => (0,size/* sizeChangePart */.FQ)(p, model.sizeBudget, ...a),
            (p) => json(p.diff && [p.diff.size, p.diff.sizeKindChange, p.diff.sizeExplanation, p.head.sizeBytes]),
            render_parts/* RANK */.Vz.size,
        ],
        [
            (p, suffix, _base, rank) => (0,charts/* sizeChartPart */.h6)(p, suffix, rank),
            (p) => json(p.head.top && [p.head.top, p.head.sizeBytes, p.head.sizeKind]),
            render_parts/* RANK */.Vz.charts,
        ],
        [
            (p, suffix, _base, rank) => (0,size/* sizeTopPart */["in"])(p, model.sizeBudget, suffix, rank),
            (p) => json(p.head.top && [p.head.top, p.head.sizeBytes, p.head.sizeKind, !!p.diff]),
            render_parts/* RANK */.Vz.sizeTop,
        ],
    ];
    const details = [];
    for (const [build, key, rank] of sections)
        for (const g of groups(model.platforms, key)) {
            // Later platforms are dropped first within a rank.
            const part = build(g.first, multi ? ` (${g.names.join(', ')})` : '', baseLabel, rank - g.index / 100);
            if (part)
                details.push({ part, order: g.index });
        }
    // Reading order: platform by platform, pip before apt before conda before env ...
    details.sort((a, b) => a.order - b.order);
    parts.push(...details.map((d) => d.part));
    const resolution = (0,render_sections/* resolutionPart */.Gr)(model.resolution);
    if (resolution)
        parts.push(resolution);
    const supplyChain = (0,render_sections/* supplyChainPart */.sq)(model.supplyChain);
    if (supplyChain)
        parts.push(supplyChain);
    parts.push((0,render_parts/* textPart */.Xo)('links', linksText(model), render_parts/* RANK */.Vz.links));
    return parts;
}

// EXTERNAL MODULE: ./src/report/format.ts
var format = __webpack_require__(12011);
// EXTERNAL MODULE: ./src/report/render/verdict.ts
var render_verdict = __webpack_require__(12654);
;// CONCATENATED MODULE: ./src/report/render/fit.ts
// Fitting the document under maxChars: the charts are dropped first, then detail tables are
// trimmed (the biggest first), then parts shortened or dropped by rank, and as a last resort only the marker, the verdict and a note
// are left. Sizes are computed from the parts, without rendering, at every step.




const SEP = '\n\n';
function omittedOf(parts) {
    // The charts go together (the tables beside them hold the same figures): said once.
    const out = parts.some((p) => p.chart && p.mode === 'dropped') ? ['charts'] : [];
    for (const p of parts) {
        if (p.chart)
            continue;
        if (p.mode === 'dropped')
            out.push(p.label);
        else if (p.mode === 'short')
            out.push(`${p.label}: unchanged rows`);
        else if (p.rows && p.shown < p.rows.rows.length)
            out.push(`${p.label}: ${(0,format/* fmtInt */.L5)(p.rows.rows.length - p.shown)} of ${(0,format/* fmtInt */.L5)(p.rows.rows.length)} rows`);
    }
    return out;
}
function noteText(omitted, maxChars) {
    if (omitted.length === 0)
        return '';
    const list = omitted.join('; ');
    // A long list would itself crowd out content: then only the count.
    const what = list.length <= 160 ? `left out: ${(0,report_escape.md)(list)}` : `left out ${(0,format/* fmtInt */.L5)(omitted.length)} parts`;
    return `_Report shortened to fit ${(0,format/* fmtInt */.L5)(maxChars)} characters; ${what}. The full report is in the report artifact._`;
}
/** The size of assemble(doc).markdown without its trailing newline. */
function docSize(doc) {
    let n = doc.marker.length + 1 + doc.verdictLine.length;
    let count = 1;
    for (const p of doc.parts) {
        const s = (0,render_parts/* partSize */.hq)(p);
        if (s > 0) {
            n += s;
            count++;
        }
    }
    const note = noteText(omittedOf(doc.parts), doc.maxChars);
    if (note) {
        n += note.length;
        count++;
    }
    return n + SEP.length * (count - 1);
}
/** Does the document fit? The trailing newline counts too. */
const fits = (doc) => docSize(doc) <= doc.maxChars - 1;
/** The document as it stands: marker, heading, verdict, the other parts, what was left out. */
function assemble(doc) {
    const { parts } = doc;
    const texts = parts.map(render_parts/* partText */.Rn).filter(Boolean);
    const omitted = omittedOf(parts);
    const note = noteText(omitted, doc.maxChars);
    const [heading, ...rest] = texts;
    // The heading goes before the verdict; a variant's section in a run's comment has none.
    const head = parts[0].label !== 'heading' || parts[0].mode === 'dropped'
        ? [doc.verdictLine, ...texts]
        : [heading, doc.verdictLine, ...rest];
    const text = [...head, ...(note ? [note] : [])].join(SEP);
    return { markdown: `${doc.marker}\n${text}\n`, omitted };
}
/** The most rows of `p` whose table fits in `cap` characters (never fewer than MIN_ROWS). */
function shownFor(p, cap) {
    const r = p.rows;
    let lo = render_parts/* MIN_ROWS */.dU;
    let hi = r.rows.length;
    if ((0,render_parts/* rowsSize */.rV)(r, hi) <= cap)
        return hi;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if ((0,render_parts/* rowsSize */.rV)(r, mid) <= cap)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
/** Step 1: drop every chart (the tables beside them hold the same figures). True when it fits. */
function dropCharts(doc) {
    const charts = doc.parts.filter((p) => p.chart && p.mode !== 'dropped');
    if (charts.length === 0)
        return false;
    for (const p of charts)
        p.mode = 'dropped';
    return fits(doc);
}
/**
 * Step 2: trim the biggest tables first, with the largest per-table size cap that fits. True when
 * it fits; otherwise the tables are left at their smallest.
 */
function trimTables(doc) {
    const tables = doc.parts.filter((p) => p.rows && p.rows.rows.length > render_parts/* MIN_ROWS */.dU);
    if (tables.length === 0)
        return false;
    const apply = (cap) => tables.forEach((p) => (p.shown = shownFor(p, cap)));
    let lo = 0;
    // A cap at maxChars or over never fits (that table alone would fill the document), so the search
    // starts there at most: then the cap found does not depend on rows no document can show (a fork's
    // artifact carries stand-ins for those: artifact-fit.ts).
    let hi = Math.min(doc.maxChars, Math.max(...tables.map((p) => (0,render_parts/* rowsSize */.rV)(p.rows, p.rows.rows.length))));
    apply(lo);
    if (!fits(doc))
        return false;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        apply(mid);
        if (fits(doc))
            lo = mid;
        else
            hi = mid - 1;
    }
    apply(lo);
    return true;
}
/** Step 3: drop detail sections, then shorten and drop the overview, resolution, links, heading. */
function dropParts(doc) {
    const steps = [];
    for (const p of doc.parts) {
        if (p.shortRank !== undefined)
            steps.push({ rank: p.shortRank, run: () => (p.mode = 'short'), applies: () => p.mode === 'full' });
        if (p.dropRank !== undefined)
            steps.push({ rank: p.dropRank, run: () => (p.mode = 'dropped'), applies: () => p.mode !== 'dropped' });
    }
    steps.sort((a, b) => a.rank - b.rank);
    for (const step of steps) {
        if (!step.applies())
            continue;
        step.run();
        if (fits(doc))
            return true;
    }
    return false;
}
const TRUNCATED_NOTE = (maxChars) => `_Report truncated to fit ${(0,format/* fmtInt */.L5)(maxChars)} characters: see the report artifact._`;
/** Step 4: only the marker, the verdict and a note are left: shorten the verdict until they fit. */
function verdictOnly(assessment, marker, maxChars) {
    const note = TRUNCATED_NOTE(maxChars);
    // marker \n **verdict** \n\n note \n
    const room = maxChars - marker.length - note.length - 8;
    let short = (0,render_verdict/* verdictText */.n)(assessment, Math.min(240, room));
    while ((0,report_escape.md)(short).length > room && short.length > 1)
        short = (0,render_verdict/* verdictText */.n)(assessment, short.length - 10);
    let line = `**${(0,report_escape.md)(short)}**`;
    if (line.length > room + 4)
        line = (0,report_escape.md)(Array.from(short)[0] ?? '');
    return {
        markdown: `${marker}\n${line}${SEP}${note}\n`,
        verdict: short,
        omitted: ['everything but the verdict'],
    };
}

;// CONCATENATED MODULE: ./src/report/render.ts
// The ONE Markdown renderer: the sticky PR comment and the job summary are the same document.
// Layout: marker (first line, hidden), heading, verdict, intro, per-platform overview tables,
// <details> sections (pip, apt, env, labels, smoke, size) with Mermaid charts beside the smoke
// metrics and size tables, resolution, links. Every value is escaped (src/report/escape.ts) and the
// document never exceeds maxChars: the charts go first, then detail tables are trimmed (the biggest
// first), then detail sections dropped, then the overview shortened; the marker and the verdict
// always stay, and what was left out is listed. The renderer decides no severity: the verdict
// renders the model's assessment (assessReport in src/report/model.ts).
//   render/document.ts  the parts in reading order      render/sections.ts  overview and tables
//   render/parts.ts     sizable, trimmable parts        render/fit.ts       fitting under maxChars
//   render/verdict.ts   the verdict line                render/markdown.ts  rows and cells
//   render/charts.ts    Mermaid charts                  render/size.ts      where the bytes went






const DEFAULT_MAX_CHARS = 65_536;
/** Room for the marker (key capped at 160), a short verdict and the truncation note. */
const MIN_MAX_CHARS = 400;
const MARKER_PREFIX = 'ml-image-report:';
/** The only HTML the renderer writes (besides the marker comment); tests strip these. */
const EMITTED_TAGS = (/* unused pure expression or super */ null && (['<details>', '</details>', '<summary>', '</summary>', '<br>']));
/** `<!-- ml-image-report:KEY -->`, KEY limited to characters that cannot end or break the comment. */
function markerFor(key) {
    return `<!-- ${MARKER_PREFIX}${(0,report_escape/* markerKey */.s8)(key)} -->`;
}
function renderReport(model, opts = {}) {
    const maxChars = checkedMaxChars(opts.maxChars);
    return renderDoc(model, markerFor(opts.markerKey ?? model.markerKey), maxChars, buildParts(model));
}
/**
 * A variant's report without the marker and the heading, in at most maxChars characters: what a
 * run's comment puts in that variant's <details> section (src/report/render/run.ts).
 */
function renderVariantBody(model, maxChars) {
    // The run's comment has the heading and the links once, above and below all variants.
    const parts = buildParts(model).filter((p) => p.label !== 'heading' && p.label !== 'links');
    // An empty marker costs its newline: strip it, the body stays under maxChars.
    const r = renderDoc(model, '', checkedMaxChars(maxChars), parts);
    return { ...r, markdown: r.markdown.replace(/^\n/, '').replace(/\n$/, '') };
}
function checkedMaxChars(value) {
    const maxChars = value ?? DEFAULT_MAX_CHARS;
    if (!Number.isFinite(maxChars) || maxChars < MIN_MAX_CHARS)
        throw new errors/* InputError */.dz(`report: maxChars must be at least ${MIN_MAX_CHARS}, got ${maxChars}`);
    return maxChars;
}
function renderDoc(model, marker, maxChars, parts) {
    const assessment = (0,report_model/* assessReport */.vF)(model);
    const verdict = (0,render_verdict/* verdictText */.n)(assessment, 240);
    const doc = { marker, verdictLine: `**${(0,report_escape.md)(verdict)}**`, parts, maxChars };
    if (fits(doc) || dropCharts(doc) || trimTables(doc) || dropParts(doc)) {
        const { markdown, omitted } = assemble(doc);
        return { markdown, marker, verdict, omitted };
    }
    const last = verdictOnly(assessment, marker, maxChars);
    return { markdown: last.markdown, marker, verdict: last.verdict, omitted: last.omitted };
}


/***/ }),

/***/ 86994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CZ: () => (/* binding */ withoutCharts),
/* harmony export */   h6: () => (/* binding */ sizeChartPart),
/* harmony export */   ri: () => (/* binding */ metricsChartPart)
/* harmony export */ });
/* unused harmony exports MAX_CHART_METRICS, chartUnit, chartNumber, barChart, pieChart */
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14031);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12011);
/* harmony import */ var _size_kind_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75440);



/** Most metrics in one bar chart (two bars each); the table beside it lists them all. */
const MAX_CHART_METRICS = 8;
/** Most slices in the size pie besides "rest of the image". */
const MAX_PIE_SLICES = 8;
const FENCE_OPEN = '```mermaid\n';
const FENCE_CLOSE = '\n```';
/** The unit a throughput metric is charted in; null: not charted (loss, counts, durations). */
function chartUnit(metric) {
    const m = metric.toLowerCase();
    if (m.endsWith('_floor'))
        return null;
    if (/tflops/.test(m))
        return 'TFLOP/s';
    if (/gflops/.test(m))
        return 'GFLOP/s';
    if (/gbps|busbw|algbw/.test(m))
        return 'GB/s';
    return null;
}
/** A plain decimal for Mermaid's number grammar (no exponent, no grouping), 6 significant digits. */
function chartNumber(n) {
    if (!Number.isFinite(n) || n === 0)
        return '0';
    const s = String(Number(n.toPrecision(6)));
    return s.includes('e') ? n.toFixed(20).replace(/\.?0+$/, '') : s;
}
/** A round upper bound for an axis: 843 -> 850, 0.43 -> 0.43 (two significant digits, up). */
function axisMax(n) {
    const step = 10 ** (Math.floor(Math.log10(n)) - 1);
    return Math.ceil(n / step - 1e-9) * step;
}
/** Labels made unique ("x", "x 2", ...): a band axis or a pie would merge equal ones. */
function unique(labels) {
    const seen = new Set();
    return labels.map((l) => {
        let out = l;
        for (let i = 2; seen.has(out); i++)
            out = `${l} ${i}`;
        seen.add(out);
        return out;
    });
}
/**
 * The bar charts' look: as tall as the bars need, the values on the bars, one colour that reads
 * with dark text on GitHub's light and dark themes alike.
 */
const barConfig = (bars) => JSON.stringify({
    xyChart: { height: 110 + 34 * bars, showDataLabel: true },
    themeVariables: { xyChart: { plotColorPalette: '#54aeff', dataLabelColor: '#1f2328' } },
});
/**
 * Base vs this PR, two bars per metric (base first), horizontal (names can be long), one series:
 * xychart-beta draws the bars of several series on top of each other, so the side is told by the
 * label ("bf16_tflops main", "bf16_tflops this PR"), not by a colour. Labels are clipped short:
 * Mermaid leaves out every axis label when the longest does not fit (about 45 characters).
 */
function barChart(spec) {
    const bars = spec.bars.slice(0, MAX_CHART_METRICS);
    const labels = unique(bars.flatMap((b) => spec.sides.map((side) => `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mermaidText */ .Hg)(b.label, 24)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mermaidText */ .Hg)(side, 14)}`)));
    const values = bars.flatMap((b) => [b.base, b.head]);
    return [
        `%%{init: ${barConfig(values.length)}}%%`,
        'xychart-beta horizontal',
        `    title "${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mermaidText */ .Hg)(spec.title, 120)}"`,
        `    x-axis [${labels.map((l) => `"${l}"`).join(', ')}]`,
        `    y-axis "${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mermaidText */ .Hg)(spec.unit, 30)}" 0 --> ${chartNumber(axisMax(Math.max(...values) * 1.05))}`,
        `    bar [${values.map(chartNumber).join(', ')}]`,
    ].join('\n');
}
/** A pie with the values in its legend (showData); slices of value 0 or less are left out. */
function pieChart(spec) {
    const slices = spec.slices.filter((s) => s.value > 0 && Number.isFinite(s.value));
    const labels = unique(slices.map((s) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mermaidText */ .Hg)(s.label, 60)));
    return [
        'pie showData',
        `    title ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mermaidText */ .Hg)(spec.title, 120)}`,
        ...slices.map((s, i) => `    "${labels[i]}" : ${chartNumber(s.value)}`),
    ].join('\n');
}
const fenced = (source) => `${FENCE_OPEN}${source}${FENCE_CLOSE}`;
function chartPart(label, charts, rank) {
    if (charts.length === 0)
        return null;
    return {
        label,
        text: charts.map(fenced).join('\n\n'),
        chart: true,
        dropRank: rank,
        mode: 'full',
        shown: 0,
    };
}
/** The bar charts of a platform's smoke metrics measured on both sides, one per unit. */
function metricsChartPart(p, suffix, baseRef, rank) {
    const s = p.smoke;
    if (!s || s.base === null)
        return null;
    const both = s.metrics.filter((m) => m.base !== null &&
        m.head !== null &&
        Number.isFinite(m.base) &&
        Number.isFinite(m.head) &&
        m.base >= 0 &&
        m.head >= 0 &&
        (m.base > 0 || m.head > 0) &&
        chartUnit(m.metric) !== null);
    // A metric name measured by two tests is told apart by the test's id.
    const count = new Map();
    for (const m of both)
        count.set(m.metric, (count.get(m.metric) ?? 0) + 1);
    const byUnit = new Map();
    for (const m of both) {
        const unit = chartUnit(m.metric);
        const label = count.get(m.metric) > 1 ? `${m.test} ${m.metric}` : m.metric;
        byUnit.set(unit, [...(byUnit.get(unit) ?? []), { label, base: m.base, head: m.head }]);
    }
    const charts = [...byUnit].map(([unit, bars]) => barChart({
        title: `Smoke ${unit}, ${baseRef} vs this PR${suffix}`,
        unit,
        sides: [baseRef, 'this PR'],
        bars,
    }));
    return chartPart(`smoke metrics chart${suffix}`, charts, rank);
}
/** This PR's image size by its biggest packages (pip and apt), the rest of the image as one slice. */
function sizeChartPart(p, suffix, rank) {
    const top = p.head.top;
    if (!top)
        return null;
    const packages = [
        ...top.pip.map((x) => ({ label: (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .packageName */ .oZ)(x.name), bytes: x.sizeBytes })),
        ...top.apt.map((x) => ({ label: `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .packageName */ .oZ)(x.name)} (apt)`, bytes: x.sizeBytes })),
    ]
        .filter((x) => x.bytes > 0)
        .sort((a, b) => b.bytes - a.bytes || (a.label < b.label ? -1 : 1))
        .slice(0, MAX_PIE_SLICES);
    if (packages.length === 0)
        return null;
    const total = p.head.sizeBytes;
    const mb = (bytes) => Math.round(bytes / 1e5) / 10;
    // The packages' sizes are unpacked: the rest of a compressed size is no part of the image.
    const kind = (0,_size_kind_js__WEBPACK_IMPORTED_MODULE_2__/* .kindOf */ .I)(p.head);
    const rest = kind === 'unpacked' ? total - packages.reduce((n, x) => n + x.bytes, 0) : 0;
    const slices = [
        ...packages.map((x) => ({ label: x.label, value: mb(x.bytes) })),
        ...(rest > 0 ? [{ label: 'rest of the image', value: mb(rest) }] : []),
    ];
    if (slices.filter((s) => s.value > 0).length === 0)
        return null;
    const title = kind === 'unpacked'
        ? `Image size ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .fmtBytes */ .zi)(total)}${suffix}, biggest packages (MB)`
        : `Image size ${(0,_size_kind_js__WEBPACK_IMPORTED_MODULE_2__/* .sizeFigure */ .WM)(total, kind)}${suffix}, biggest packages (MB, unpacked)`;
    return chartPart(`size chart${suffix}`, [pieChart({ title, slices })], rank);
}
/** The document without its charts (each is a part of its own, after a blank line). */
function withoutCharts(markdown) {
    return markdown.replace(/\n\n```mermaid\n[\s\S]*?\n```(?=\n|$)/g, '');
}


/***/ }),

/***/ 18298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fu: () => (/* binding */ shortSha),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   eu: () => (/* binding */ smokeTally),
/* harmony export */   fd: () => (/* binding */ changeCell),
/* harmony export */   h5: () => (/* binding */ status),
/* harmony export */   nM: () => (/* binding */ row),
/* harmony export */   vE: () => (/* binding */ kindCounts),
/* harmony export */   wx: () => (/* binding */ header)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(14031);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12011);


const STATUS = { pass: '✅ pass', fail: '❌ fail', skip: '⏭️ skip' };
const status = (s) => (s ? STATUS[s] : '—');
const cell = (v, max = 100) => v === null || v === undefined || v === '' ? '—' : (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__.md)(v, max);
const row = (cells) => `| ${cells.join(' | ')} |`;
const header = (cells) => `${row(cells)}\n|${cells.map(() => '---').join('|')}|`;
function changeCell(kind, level) {
    switch (kind) {
        case 'upgraded':
        case 'up':
            return `⬆️ ${level ?? 'upgrade'}`;
        case 'downgraded':
        case 'down':
            return `⬇️ ${level ?? 'downgrade'}`;
        case 'added':
            return '➕ added';
        case 'removed':
            return '➖ removed';
        case 'changed':
            return `✏️ ${level ?? 'changed'}`;
        default:
            return '';
    }
}
function smokeTally(s) {
    if (!s)
        return '—';
    const parts = [`${s.pass} pass`];
    if (s.fail)
        parts.push(`${s.fail} fail`);
    if (s.skip)
        parts.push(`${s.skip} skip`);
    return parts.join(' · ');
}
function kindCounts(changes) {
    const c = { upgraded: 0, downgraded: 0, changed: 0, added: 0, removed: 0 };
    for (const x of changes)
        c[x.kind]++;
    return Object.keys(c)
        .filter((k) => c[k] > 0)
        .map((k) => `${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .fmtInt */ .L5)(c[k])} ${k}`)
        .join(' · ');
}
function shortSha(sha) {
    // A git SHA is shown as its first 7 hex digits; anything else (a fork's odd input) is clipped by
    // code point, so a cut never splits a character, and escaped like any other value.
    if (!sha)
        return '';
    return /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7) : (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__.md)(sha, 12);
}


/***/ }),

/***/ 99957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ rowsPart),
/* harmony export */   GK: () => (/* binding */ detailsRows),
/* harmony export */   Rn: () => (/* binding */ partText),
/* harmony export */   Vz: () => (/* binding */ RANK),
/* harmony export */   Xo: () => (/* binding */ textPart),
/* harmony export */   dU: () => (/* binding */ MIN_ROWS),
/* harmony export */   hq: () => (/* binding */ partSize),
/* harmony export */   rV: () => (/* binding */ rowsSize)
/* harmony export */ });
// The document is a list of parts that can be trimmed (tables lose rows), shortened or dropped to
// stay under a size limit. A part knows its size without being rendered, so fitting stays cheap.
/** A table is never trimmed below this many rows. */
const MIN_ROWS = 10;
// Drop order (lower first); platforms later in the list go first within a rank.
const RANK = {
    charts: 5,
    labels: 10,
    env: 20,
    apt: 30,
    conda: 32,
    sizeTop: 35,
    metrics: 40,
    size: 45,
    pip: 50,
    tests: 60,
    resolution: 70,
    supplyChain: 72,
    intro: 75,
    overviewShort: 80,
    links: 85,
    overview: 90,
    heading: 98,
};
function rowsSize(r, shown) {
    if (!r.prefix) {
        r.prefix = [0];
        for (const x of r.rows)
            r.prefix.push(r.prefix.at(-1) + x.length + 1);
    }
    const hidden = r.rows.length - shown;
    return r.head.length + r.prefix[shown] + (hidden > 0 ? r.more(shown).length + 1 : 0) + r.tail.length;
}
function rowsText(r, shown) {
    const hidden = r.rows.length - shown;
    const body = r.rows.slice(0, shown).join('\n');
    return `${r.head}${body}${body ? '\n' : ''}${hidden > 0 ? `${r.more(shown)}\n` : ''}${r.tail}`;
}
function partSize(p) {
    if (p.mode === 'dropped')
        return 0;
    if (p.mode === 'short')
        return p.short.length;
    return p.rows ? rowsSize(p.rows, p.shown) : p.text.length;
}
function partText(p) {
    if (p.mode === 'dropped')
        return '';
    if (p.mode === 'short')
        return p.short;
    return p.rows ? rowsText(p.rows, p.shown) : p.text;
}
const textPart = (label, text, dropRank) => ({
    label,
    text,
    mode: 'full',
    shown: 0,
    ...(dropRank !== undefined && { dropRank }),
});
function rowsPart(label, rows, dropRank) {
    return { label, rows, dropRank, mode: 'full', shown: rows.rows.length };
}
/** A <details> block around a table; the "more" line sits between the table and </details>. */
function detailsRows(summary, tableHead, rows, more, intro = '') {
    return {
        head: `<details><summary>${summary}</summary>\n\n${intro}${tableHead}\n`,
        rows,
        more,
        tail: '\n</details>',
    };
}


/***/ }),

/***/ 95623:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bj: () => (/* binding */ labelsPart),
/* harmony export */   FR: () => (/* binding */ overviewPart),
/* harmony export */   Gr: () => (/* binding */ resolutionPart),
/* harmony export */   H7: () => (/* binding */ envPart),
/* harmony export */   HY: () => (/* binding */ metricsPart),
/* harmony export */   LT: () => (/* binding */ packageRow),
/* harmony export */   jM: () => (/* binding */ overviewRows),
/* harmony export */   re: () => (/* binding */ testsPart),
/* harmony export */   sq: () => (/* binding */ supplyChainPart),
/* harmony export */   yN: () => (/* binding */ packagePart)
/* harmony export */ });
/* harmony import */ var _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2996);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14031);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12011);
/* harmony import */ var _size_kind_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75440);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(18298);
/* harmony import */ var _parts_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(99957);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(49997);
// The sections of the report, each a Part: the per-platform overview table and the <details>
// tables (pip, apt, conda, environment, labels, smoke tests, smoke metrics), and the resolver's lines.
// Every value from a record is escaped here (md/html from ../escape.js).







/** One row of the pip, apt and conda tables (artifact-fit.ts sizes the tables by it). */
const packageRow = (c) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .row */ .nM)([(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .changeName */ .m9)(c), 80), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(c.from, 60), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(c.to, 60), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .changeCell */ .fd)(c.kind, c.level)]);
function packagePart(eco, d, suffix, baseLabel, rank) {
    if (d.changes.length === 0)
        return null;
    const noun = `${eco} package`;
    // Hidden rows by kind, from any index on: suffix counts, so trimming stays cheap.
    const kinds = ['upgraded', 'downgraded', 'changed', 'added', 'removed'];
    const tail = kinds.map(() => new Array(d.changes.length + 1).fill(0));
    for (let i = d.changes.length - 1; i >= 0; i--)
        kinds.forEach((k, j) => (tail[j][i] = tail[j][i + 1] + (d.changes[i].kind === k ? 1 : 0)));
    const more = (shown) => {
        const parts = kinds.map((k, j) => [k, tail[j][shown]]).filter(([, n]) => n > 0);
        const only = parts.length === 1 ? `${parts[0][0]} ` : '';
        const hidden = d.changes.length - shown;
        const detail = parts.length > 1 ? ` (${parts.map(([k, n]) => `${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(n)} ${k}`).join(', ')})` : '';
        return `\n_… and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(hidden)} more ${only}${hidden === 1 ? noun : `${noun}s`}${detail} (see the report artifact)_`;
    };
    const rows = d.changes.map(packageRow);
    return (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .rowsPart */ .F8)(`${eco} table${suffix}`, (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .detailsRows */ .GK)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .html */ .qy)(`${eco}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .kindCounts */ .vE)(d.changes)}${suffix}`), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .header */ .wx)(['Package', baseLabel, 'this PR', 'Change']), rows, more), rank);
}
function overviewRows(p) {
    const all = [];
    const changed = [];
    const push = (cells, isChanged) => {
        const r = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .row */ .nM)(cells);
        all.push(r);
        if (isChanged)
            changed.push(r);
    };
    const d = p.diff;
    const b = p.base;
    const h = p.head;
    if (d && b) {
        const s = d.size;
        const k = d.sizeKindChange;
        // Sizes of different kinds (the image store changed): each with its kind, no change shown.
        push(k
            ? ['Image size', (0,_size_kind_js__WEBPACK_IMPORTED_MODULE_3__/* .kindFigure */ .FN)(s.base, k.from), (0,_size_kind_js__WEBPACK_IMPORTED_MODULE_3__/* .kindFigure */ .FN)(s.head, k.to), _size_kind_js__WEBPACK_IMPORTED_MODULE_3__/* .NOT_COMPARABLE */ .X4]
            : [
                'Image size',
                (0,_size_kind_js__WEBPACK_IMPORTED_MODULE_3__/* .sizeFigure */ .WM)(s.base, b.sizeKind),
                (0,_size_kind_js__WEBPACK_IMPORTED_MODULE_3__/* .sizeFigure */ .WM)(s.head, h.sizeKind),
                s.delta === 0 ? '' : `${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .signed */ .x8)(s.delta, _format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtBytes */ .zi)}${s.base ? ` (${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .pct */ .Oe)(s.delta / s.base)})` : ''}`,
            ], !!k || s.delta !== 0);
        push([
            'Layers',
            (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(d.layers.base),
            (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(d.layers.head),
            d.layers.delta ? (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .signed */ .x8)(d.layers.delta, _format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5) : '',
        ], d.layers.delta !== 0);
        for (const eco of ['pip', 'apt', 'conda']) {
            const x = d[eco];
            // conda: only where a record has conda packages (a conda-based image).
            if (!x)
                continue;
            push([`${eco} packages`, (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(x.baseCount), (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(x.headCount), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .kindCounts */ .vE)(x.changes)], x.changes.length > 0);
        }
        for (const c of d.components) {
            if (c.from === null && c.to === null)
                continue;
            const note = c.changed ? `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .changeCell */ .fd)(c.direction, c.level)}${c.host ? ' (runner)' : ''}` : '';
            push([_format_js__WEBPACK_IMPORTED_MODULE_2__/* .COMPONENT_LABELS */ .M[c.id], (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(c.from, 60), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(c.to, 60), note], c.changed);
        }
        if (p.smoke) {
            const s = p.smoke;
            const notes = [
                s.regressions ? `❌ ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(s.regressions, 'regression')}` : '',
                s.failing - s.regressions > 0 ? `❌ ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(s.failing - s.regressions)} failing` : '',
                s.metricRegressions ? `⚠️ ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(s.metricRegressions, 'metric regression')}` : '',
                s.fixed ? `✅ ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(s.fixed)} fixed` : '',
            ].filter(Boolean);
            push(['Smoke tests', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .smokeTally */ .eu)(s.base), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .smokeTally */ .eu)(s.head), notes.join(' · ')], notes.length > 0);
        }
    }
    else {
        push(['Image size', (0,_size_kind_js__WEBPACK_IMPORTED_MODULE_3__/* .sizeFigure */ .WM)(h.sizeBytes, h.sizeKind)], true);
        push(['Layers', (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(h.layers)], true);
        push(['pip packages', (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(h.pipCount)], true);
        push(['apt packages', (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(h.aptCount)], true);
        for (const [id, v] of Object.entries(h.components))
            if (v !== null)
                push([`${_format_js__WEBPACK_IMPORTED_MODULE_2__/* .COMPONENT_LABELS */ .M[id]}${_diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .HOST_COMPONENTS */ ._S.has(id) ? ' (runner)' : ''}`, (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(v, 60)], true);
        if (p.smoke)
            push(['Smoke tests', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .smokeTally */ .eu)(p.smoke.head)], true);
    }
    return { all, changed };
}
function overviewPart(p, names, baseLabel, index) {
    const title = names !== null ? `#### ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(names, 200)}\n\n` : '';
    const cols = p.diff ? ['', baseLabel, 'this PR', 'Change'] : ['', 'this PR'];
    const { all, changed } = overviewRows(p);
    const table = (rows) => `${title}${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .header */ .wx)(cols)}\n${rows.join('\n')}`;
    const short = changed.length > 0 ? table(changed) : `${title}_No changes._`;
    return {
        label: `overview${names !== null ? ` (${names})` : ''}`,
        text: table(all),
        short,
        shortRank: _parts_js__WEBPACK_IMPORTED_MODULE_5__/* .RANK */ .Vz.overviewShort - index / 100,
        dropRank: _parts_js__WEBPACK_IMPORTED_MODULE_5__/* .RANK */ .Vz.overview - index / 100,
        mode: 'full',
        shown: 0,
    };
}
function envPart(p, suffix, baseLabel, rank) {
    const e = p.diff?.env;
    if (!e || (e.changes.length === 0 && !e.redactedBoth))
        return null;
    const masked = `_${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(e.redactedBoth, 'variable')} redacted on both sides: their values are not compared._`;
    // Nothing else changed: the note alone, so that no one reads "no changes" as "none possible".
    if (e.changes.length === 0)
        return {
            label: `environment table${suffix}`,
            // SUFFIX holds the platforms' names as they are (the other parts escape it as they put it in).
            text: `Environment variables${suffix && ` (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(suffix.slice(2, -1), 200)})`}: ${masked}`,
            dropRank: rank,
            mode: 'full',
            shown: 0,
        };
    const intro = e.redactedBoth ? `${masked}\n\n` : '';
    const rows = e.changes.map((c) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .row */ .nM)([(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(c.name, 80), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(c.from, 120), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(c.to, 120)]));
    return (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .rowsPart */ .F8)(`environment table${suffix}`, (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .detailsRows */ .GK)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .html */ .qy)(`Environment variables: ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(e.changes.length, 'change')}${suffix}`), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .header */ .wx)(['Variable', baseLabel, 'this PR']), rows, (shown) => `\n_… and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(rows.length - shown)} more (see the report artifact)_`, intro), rank);
}
function labelsPart(p, suffix, baseLabel, rank) {
    const l = p.diff?.labels;
    if (!l || l.changes.length === 0)
        return null;
    const volatile = l.changes.filter((c) => c.volatile).length;
    const rows = l.changes.map((c) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .row */ .nM)([(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(c.name, 80), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(c.from, 120), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(c.to, 120), c.volatile ? 'changes every build' : '']));
    const counts = `${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(l.changes.length - volatile, 'change')}${volatile ? `, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(volatile)} volatile` : ''}`;
    return (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .rowsPart */ .F8)(`labels table${suffix}`, (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .detailsRows */ .GK)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .html */ .qy)(`Labels: ${counts}${suffix}`), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .header */ .wx)(['Label', baseLabel, 'this PR', '']), rows, (shown) => `\n_… and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(rows.length - shown)} more (see the report artifact)_`), rank);
}
function testsPart(p, suffix, baseLabel, rank) {
    const s = p.smoke;
    if (!s || s.tests.length === 0)
        return null;
    const hasBase = s.base !== null;
    // Regressions and failures first: they are what a reviewer looks for.
    const order = (t) => (t.regression ? 0 : t.to === 'fail' ? 1 : t.fixed ? 2 : 3);
    const tests = [...s.tests].sort((a, b) => order(a) - order(b));
    const rows = tests.map((t) => {
        const note = [
            t.regression ? '**regression**' : t.fixed ? 'fixed' : '',
            t.reason ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(t.reason, 200) : '',
            t.cause ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(t.cause, 300) : '',
            t.note ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(t.note, 200) : '',
        ]
            .filter(Boolean)
            .join(' — ');
        return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .row */ .nM)(hasBase ? [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(t.id, 60), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .status */ .h5)(t.from), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .status */ .h5)(t.to), note] : [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(t.id, 60), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .status */ .h5)(t.to), note]);
    });
    const counts = [
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .smokeTally */ .eu)(s.head),
        s.regressions ? (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(s.regressions, 'regression') : '',
        s.fixed ? `${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(s.fixed)} fixed` : '',
        s.ranOn ? `ran on ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_6__/* .clip */ .$Q)(s.ranOn, 120)}` : '',
        s.stopped ? `stopped before every test ran: ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_6__/* .clip */ .$Q)(s.stopped, 200)}` : '',
    ]
        .filter(Boolean)
        .join(', ');
    return (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .rowsPart */ .F8)(`smoke tests table${suffix}`, (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .detailsRows */ .GK)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .html */ .qy)(`Smoke tests: ${counts}${suffix}`), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .header */ .wx)(hasBase ? ['Test', baseLabel, 'this PR', ''] : ['Test', 'this PR', '']), rows, (shown) => `\n_… and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(rows.length - shown)} more tests (see the report artifact)_`), rank);
}
function metricNote(m, threshold) {
    if (m.base === null || m.head === null)
        return m.base === null ? 'new' : 'gone';
    const rel = m.relative !== null ? (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .pct */ .Oe)(m.relative) : (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .signed */ .x8)(m.head - m.base, _format_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu);
    if (m.regression)
        return `${rel} ⚠️ worse than ${Math.round(threshold * 100)}%`;
    if (m.improved)
        return `${rel} better`;
    return m.head === m.base ? '' : rel;
}
function metricsPart(p, suffix, baseLabel, rank) {
    const s = p.smoke;
    if (!s || s.metrics.length === 0)
        return null;
    const hasBase = s.base !== null;
    const metrics = [...s.metrics].sort((a, b) => Number(b.regression) - Number(a.regression));
    const val = (v, metric) => v === null ? '—' : metric === 'durationMs' ? `${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(v / 1000)} s` : (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(v);
    // This PR's value against the floor it was judged by: "680.9 (floor 545.8, 1.25x)".
    const headVal = (m) => m.head === null || m.floor === undefined || m.floor <= 0
        ? val(m.head, m.metric)
        : `${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(m.head)} (floor ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .num */ .bu)(m.floor)}, ${(m.head / m.floor).toFixed(2)}x${m.head < m.floor ? ' ⚠️ below' : ''})`;
    const name = (m) => (m === 'durationMs' ? 'duration' : m);
    const rows = metrics.map((m) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .row */ .nM)(hasBase
        ? [
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(m.test, 60),
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(name(m.metric), 60),
            val(m.base, m.metric),
            headVal(m),
            metricNote(m, s.threshold),
        ]
        : [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(m.test, 60), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .cell */ .Hn)(name(m.metric), 60), headVal(m)]));
    return (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .rowsPart */ .F8)(`smoke metrics table${suffix}`, (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .detailsRows */ .GK)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .html */ .qy)(`Smoke metrics: ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(s.metrics.length, 'value')}${s.metricRegressions ? `, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(s.metricRegressions, 'regression')}` : ''}${suffix}`), (0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .header */ .wx)(hasBase ? ['Test', 'Metric', baseLabel, 'this PR', 'Change'] : ['Test', 'Metric', 'this PR']), rows, (shown) => `\n_… and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(rows.length - shown)} more values (see the report artifact)_`), rank);
}
function resolutionPart(lines) {
    if (lines.length === 0)
        return null;
    const rows = lines.map((l) => `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .mdLine */ .YO)(l, 500)}`);
    return (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .rowsPart */ .F8)('dependency resolution', {
        head: `<details><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .html */ .qy)(`Dependency resolution: ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(lines.length, 'line')}`)}</summary>\n\n`,
        rows,
        more: (shown) => `\n_… and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(rows.length - shown)} more lines (see the report artifact)_`,
        tail: '\n</details>',
    }, _parts_js__WEBPACK_IMPORTED_MODULE_5__/* .RANK */ .Vz.resolution);
}
/** A verify command is shown only when it is ours through and through (no value can end the block). */
const SAFE_COMMAND = /^cosign [A-Za-z0-9_./:=@,+'^\\ -]+$/;
/** What was attested and signed, per platform, with the command that checks each attestation. */
function supplyChainPart(sc) {
    if (!sc || sc.targets.length === 0)
        return null;
    const signed = sc.targets.filter((t) => t.signed).length;
    const rows = sc.targets.flatMap((t) => {
        const attached = t.attestations.filter((a) => a.attached).map((a) => a.kind);
        const written = t.attestations.filter((a) => !a.attached).map((a) => a.kind);
        const what = [
            t.signed ? 'signed' : 'not signed',
            attached.length > 0 ? `attached: ${attached.join(', ')}` : '',
            written.length > 0 ? `written to the result directory only: ${written.join(', ')}` : '',
            ...t.notes,
        ].filter(Boolean);
        const commands = t.attestations
            .map((a) => a.verify)
            .filter((c) => c !== undefined && SAFE_COMMAND.test(c) && !c.includes('`'));
        return [
            `- ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(t.platform, 40)} (${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .mdCode */ .xs)(t.ref, 300)}): ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(what.join('; '), 600)}`,
            ...(commands.length > 0 ? [`  \`\`\`sh\n${commands.map((c) => `  ${c}`).join('\n')}\n  \`\`\``] : []),
        ];
    });
    return (0,_parts_js__WEBPACK_IMPORTED_MODULE_5__/* .rowsPart */ .F8)('supply chain', {
        head: `<details><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .html */ .qy)(`Supply chain: ${signed === sc.targets.length ? 'signed' : signed === 0 ? 'not signed' : `${signed} of ${sc.targets.length} signed`} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(sc.targets.length, 'platform image')})`)}</summary>\n\n${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(sc.signing, 400)}\n\n`,
        rows,
        more: (shown) => `\n_… and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(rows.length - shown)} more lines (see attest.json)_`,
        tail: '\n</details>',
    }, _parts_js__WEBPACK_IMPORTED_MODULE_5__/* .RANK */ .Vz.supplyChain);
}


/***/ }),

/***/ 28974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FQ: () => (/* binding */ sizeChangePart),
/* harmony export */   "in": () => (/* binding */ sizeTopPart),
/* harmony export */   sn: () => (/* binding */ sizeChangeCell)
/* harmony export */ });
/* harmony import */ var _diff_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2996);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(14031);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12011);
/* harmony import */ var _size_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29437);
/* harmony import */ var _size_kind_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(75440);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(18298);
/* harmony import */ var _parts_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(99957);
// Where the bytes went, per platform: what made the image grow against the base branch (packages
// and layers, largest change first, with the size budget's verdict) and its biggest packages and
// layers. Every value from a record is escaped here (md/html).







const bytes = (n) => (n === null ? '—' : (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtBytes */ .zi)(n));
function what(c) {
    return c.kind === 'layer' ? `layer: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .cell */ .Hn)(c.name, 120)}` : `${c.kind} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .cell */ .Hn)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .packageName */ .oZ)(c.name), 80)}`;
}
function side(version, size, kind) {
    if (kind === 'layer')
        return bytes(size);
    return version === null ? '—' : `${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .cell */ .Hn)(version, 40)} (${bytes(size)})`;
}
/** The size change against the base, explained; with the budget's breach when there is one. */
function sizeChangePart(p, sizeBudget, suffix, baseLabel, rank) {
    const e = p.diff?.sizeExplanation;
    const breaches = (0,_size_js__WEBPACK_IMPORTED_MODULE_3__/* .budgetBreaches */ .Bq)(sizeBudget, [p]);
    if (!p.diff || (!e && breaches.length === 0 && !p.diff.sizeKindChange))
        return null;
    const s = p.diff.size;
    // Sizes of different kinds (the image store changed): no change, no percentage, said why.
    const kindChange = (0,_size_kind_js__WEBPACK_IMPORTED_MODULE_4__/* .kindChangeText */ .CE)(p.diff);
    const total = kindChange
        ? _size_kind_js__WEBPACK_IMPORTED_MODULE_4__/* .NOT_COMPARABLE */ .X4
        : `${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .signed */ .x8)(s.delta, _format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtBytes */ .zi)}${s.base ? ` (${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .pct */ .Oe)(s.delta / s.base)})` : ''}`;
    const changes = e ? [...e.packages, ...e.layers] : [];
    // Nothing to explain, unless the base record is too old to have sizes (said once, here).
    if (!kindChange &&
        changes.length === 0 &&
        breaches.length === 0 &&
        (!e || e.packagesKnown || s.delta === 0))
        return null;
    const headline = e ? (0,_size_js__WEBPACK_IMPORTED_MODULE_3__/* .sizeHeadline */ .Qd)(e) : null;
    const notes = [
        ...breaches.map((b) => `❌ **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(b.text, 400)}**`),
        kindChange
            ? `⚠️ **The sizes are not comparable: the ${baseLabel} record's ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(kindChange, 400)}.**`
            : '',
        ...(0,_size_js__WEBPACK_IMPORTED_MODULE_3__/* .budgetSkips */ .mO)(sizeBudget, [p]).map((b) => `_${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(`S${b.text.slice(1)}.`, 400)}_`),
        headline ? `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(kindChange ? `Packages: ${headline}` : headline, 400)}**` : '',
        e && !e.packagesKnown
            ? `_The ${baseLabel} record has no package sizes (captured before sizes were recorded)._`
            : '',
        e && e.packagesChanged > e.packages.length
            ? `_Packages: ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .signed */ .x8)(e.packagesDelta, _format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtBytes */ .zi)} over ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .LS)(e.packagesChanged, 'package')} whose size changed; the ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(e.packages.length)} biggest changes are listed._`
            : '',
    ].filter(Boolean);
    const rows = changes.map((c) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .row */ .nM)([
        what(c),
        side(c.from, c.baseBytes, c.kind),
        side(c.to, c.headBytes, c.kind),
        (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .signed */ .x8)(c.delta, _format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtBytes */ .zi),
    ]));
    return (0,_parts_js__WEBPACK_IMPORTED_MODULE_6__/* .rowsPart */ .F8)(`size table${suffix}`, (0,_parts_js__WEBPACK_IMPORTED_MODULE_6__/* .detailsRows */ .GK)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .html */ .qy)(`Image size: ${total}${breaches.length ? ', over budget' : ''}${suffix}`), rows.length > 0 ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .header */ .wx)(['What', baseLabel, 'this PR', 'Change']) : '', rows, (shown) => `\n_… and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(rows.length - shown)} more (see the report artifact)_`, notes.length > 0 ? `${notes.join('\n\n')}\n\n` : ''), rank);
}
/** The biggest pip and apt packages and layers of this PR's image. */
function sizeTopPart(p, sizeBudget, suffix, rank) {
    const top = p.head.top;
    if (!top)
        return null;
    const rows = [
        ...top.pip.map((x) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .row */ .nM)([`pip ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .cell */ .Hn)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .packageName */ .oZ)(x.name), 80)}`, (0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .cell */ .Hn)(x.version, 40), (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtBytes */ .zi)(x.sizeBytes)])),
        ...top.apt.map((x) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .row */ .nM)([`apt ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .cell */ .Hn)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .packageName */ .oZ)(x.name), 80)}`, (0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .cell */ .Hn)(x.version, 40), (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtBytes */ .zi)(x.sizeBytes)])),
        ...top.layers.map((l) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .row */ .nM)([`layer: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .cell */ .Hn)(l.createdBy, 120)}`, '', (0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtBytes */ .zi)(l.sizeBytes)])),
    ];
    if (rows.length === 0)
        return null;
    // Without a baseline the budget's verdict is told here (an absolute budget needs no base).
    const breaches = p.diff ? [] : (0,_size_js__WEBPACK_IMPORTED_MODULE_3__/* .budgetBreaches */ .Bq)(sizeBudget, [p]);
    // An absolute budget within reach of a compressed size: said, as it judges that size.
    const note = (0,_size_js__WEBPACK_IMPORTED_MODULE_3__/* .budgetKindNote */ .Iq)(sizeBudget, p);
    const intro = [
        ...breaches.map((b) => `❌ **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(b.text, 400)}**`),
        note ? `_ℹ️ ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(`S${note.slice(1)}.`, 400)}_` : '',
    ]
        .filter(Boolean)
        .join('\n\n');
    return (0,_parts_js__WEBPACK_IMPORTED_MODULE_6__/* .rowsPart */ .F8)(`biggest table${suffix}`, (0,_parts_js__WEBPACK_IMPORTED_MODULE_6__/* .detailsRows */ .GK)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .html */ .qy)(`Biggest packages and layers: ${(0,_size_kind_js__WEBPACK_IMPORTED_MODULE_4__/* .sizeFigure */ .WM)(p.head.sizeBytes, (0,_size_kind_js__WEBPACK_IMPORTED_MODULE_4__/* .kindOf */ .I)(p.head))} image${suffix}`), 
    // Under a compressed total the packages' and layers' sizes are still unpacked: said so.
    (0,_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .header */ .wx)(['Package or layer', 'Version', (0,_size_kind_js__WEBPACK_IMPORTED_MODULE_4__/* .kindOf */ .I)(p.head) === 'content' ? 'Size (unpacked)' : 'Size']), rows, (shown) => `\n_… and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtInt */ .L5)(rows.length - shown)} more (see the report artifact)_`, intro ? `${intro}\n\n` : ''), rank);
}
/** The run overview's size cell: "+610.0 MB (+7.5%): nvidia-cudnn-cu12 9.5 → 9.7 +402.0 MB" (escaped). */
function sizeChangeCell(p) {
    const s = p.diff?.size;
    if (!s)
        return null;
    if (p.diff?.sizeKindChange)
        return (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(_size_kind_js__WEBPACK_IMPORTED_MODULE_4__/* .NOT_COMPARABLE */ .X4);
    const change = s.delta === 0 ? '±0' : `${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .signed */ .x8)(s.delta, _format_js__WEBPACK_IMPORTED_MODULE_2__/* .fmtBytes */ .zi)}${s.base ? ` (${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .pct */ .Oe)(s.delta / s.base)})` : ''}`;
    const e = p.diff?.sizeExplanation;
    const driver = e && s.delta !== 0 ? (0,_diff_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .sizeDrivers */ .Lw)(e)[0] : undefined;
    return driver ? `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(change)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)((0,_size_js__WEBPACK_IMPORTED_MODULE_3__/* .describeChange */ .uQ)(driver), 120)}` : (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__.md)(change);
}


/***/ }),

/***/ 12654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ verdictText),
/* harmony export */   v: () => (/* binding */ VERDICT_EMOJI)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92474);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12011);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49997);
// The verdict line: the model's assessment (src/report/model.ts decides every severity) as text in
// a given length, the most severe findings first, then "+N more".



const VERDICT_EMOJI = {
    failure: '❌',
    warning: '⚠️',
    changed: '🔄',
    unchanged: '✅',
    'no-baseline': 'ℹ️',
};
/** The verdict in at most maxLen characters (plain text, control characters escaped; the caller escapes it for Markdown). */
function verdictText(assessment, maxLen) {
    const emoji = VERDICT_EMOJI[assessment.verdict];
    const items = assessment.findings;
    const bySeverity = items
        .map((f, i) => ({ ...f, i }))
        .sort((a, b) => _model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITY_RANK */ .f3[b.severity] - _model_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITY_RANK */ .f3[a.severity] || a.i - b.i);
    const chosen = [];
    const text = (list) => {
        // A version or name from the image holding ESC or CR must not redraw the line where it is shown.
        const shown = [...list].sort((a, b) => a.i - b.i).map((f) => (0,_util_text_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(f.text));
        const more = items.length - list.length;
        return `${emoji} ${shown.join('; ')}${more ? `${shown.length ? '; ' : ''}+${more} more` : ''}`;
    };
    for (const f of bySeverity)
        if (text([...chosen, f]).length <= maxLen)
            chosen.push(f);
    if (chosen.length === 0) {
        const short = `${emoji} ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .LS)(items.length, 'finding')} (see the report artifact)`;
        return short.length <= maxLen ? short : emoji;
    }
    return text(chosen);
}


/***/ }),

/***/ 75440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ kindChangeText),
/* harmony export */   FN: () => (/* binding */ kindFigure),
/* harmony export */   Gk: () => (/* binding */ kindWords),
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   W$: () => (/* binding */ kindPhrase),
/* harmony export */   WM: () => (/* binding */ sizeFigure),
/* harmony export */   X4: () => (/* binding */ NOT_COMPARABLE),
/* harmony export */   jy: () => (/* binding */ kindShort)
/* harmony export */ });
/* harmony import */ var _docker_size_kind_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6842);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12011);
// The kind of an image size in words, as plain text (the renderer escapes it): what a size
// measures depends on the engine's image store (src/docker/size-kind.ts), and two sizes of
// different kinds are never compared: the report says why instead of a change or a percentage.


const WORDS = {
    unpacked: { size: 'unpacked size', store: 'classic image store', short: 'unpacked' },
    content: { size: 'compressed content size', store: 'containerd image store', short: 'compressed' },
};
/** The kind of a summary's size: one without a kind is what the classic store gave. */
const kindOf = (s) => s.sizeKind ?? _docker_size_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_SIZE_KIND */ .fl;
/** "unpacked size (classic image store)", "compressed content size (containerd image store)". */
const kindWords = (kind) => `${WORDS[kind].size} (${WORDS[kind].store})`;
/** "compressed content size, containerd image store": kindWords to go inside parentheses. */
const kindPhrase = (kind) => `${WORDS[kind].size}, ${WORDS[kind].store}`;
/** "unpacked", "compressed". */
const kindShort = (kind) => WORDS[kind].short;
/** A size as a table shows it: "8.61 GB" unpacked (as always), "62.7 MB (compressed)" otherwise. */
function sizeFigure(bytes, kind = _docker_size_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_SIZE_KIND */ .fl) {
    return kind === _docker_size_kind_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_SIZE_KIND */ .fl ? (0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .fmtBytes */ .zi)(bytes) : `${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .fmtBytes */ .zi)(bytes)} (${WORDS[kind].short})`;
}
/** The two sides' figures with their kinds: "185.9 MB (unpacked)". */
const kindFigure = (bytes, kind) => `${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .fmtBytes */ .zi)(bytes)} (${WORDS[kind].short})`;
/** What the overview and the run's table say instead of a change. */
const NOT_COMPARABLE = 'not comparable: image store changed';
/**
 * Why the two sizes are not compared (plain text, after "the BASE record's"), or null when they
 * are of one kind: "185.9 MB is the unpacked size (classic image store), this PR's 62.7 MB the
 * compressed content size (containerd image store): the Docker engine's image store changed
 * between them".
 */
function kindChangeText(diff) {
    const k = diff.sizeKindChange;
    if (!k)
        return null;
    return (`${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .fmtBytes */ .zi)(diff.size.base)} is the ${kindWords(k.from)}, this PR's ${(0,_format_js__WEBPACK_IMPORTED_MODULE_1__/* .fmtBytes */ .zi)(diff.size.head)} ` +
        `the ${kindWords(k.to)}: the Docker engine's image store changed between them`);
}


/***/ }),

/***/ 29437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ budgetBreaches),
/* harmony export */   Iq: () => (/* binding */ budgetKindNote),
/* harmony export */   Qd: () => (/* binding */ sizeHeadline),
/* harmony export */   mO: () => (/* binding */ budgetSkips),
/* harmony export */   uQ: () => (/* binding */ describeChange)
/* harmony export */ });
/* unused harmony export parseSizeBudget */
/* harmony import */ var _config_size_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64089);
/* harmony import */ var _diff_schema_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2996);
/* harmony import */ var _docker_size_kind_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6842);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(14031);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(12011);
/* harmony import */ var _size_kind_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(75440);
// Where the bytes went, as plain text (the renderer escapes it): the size change's explanation
// ("+610 MB: nvidia-cudnn-cu12 9.5 → 9.7 +402 MB, ..."), and the size budget (config size.budget),
// whose breach fails the report stage naming what grew most.







const UNITS = {
    B: 1,
    kB: 1e3,
    KB: 1e3,
    MB: 1e6,
    GB: 1e9,
    TB: 1e12,
    KiB: 2 ** 10,
    MiB: 2 ** 20,
    GiB: 2 ** 30,
    TiB: 2 ** 40,
};
/** "8GB" -> 8e9 bytes, "+5%" -> growth 0.05; InputError naming the key and the value otherwise. */
function parseSizeBudget(text) {
    const t = text.trim();
    if (!_config_size_js__WEBPACK_IMPORTED_MODULE_0__/* .SIZE_BUDGET_PATTERN */ .H.test(t))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`size.budget: expected a size such as "8GB" or a growth such as "+5%", got "${text}"`);
    if (t.endsWith('%'))
        return { kind: 'growth', ratio: Number(t.slice(1, -1)) / 100 };
    const m = /^([\d.]+)\s*(\w+)$/.exec(t);
    return { kind: 'absolute', bytes: Number(m[1]) * UNITS[m[2]] };
}
/** "nvidia-cudnn-cu12 9.5 → 9.7 +402.0 MB", "torch 2.6.0 (new) +1.20 GB", "RUN pip install … +3.1 GB". */
function describeChange(c) {
    const bytes = (0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .signed */ .x8)(c.delta, _format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtBytes */ .zi);
    if (c.kind === 'layer')
        return `layer ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(c.name, 80)} ${bytes}`;
    const name = (0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)((0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .packageName */ .oZ)(c.name), 60);
    if (c.from === null)
        return `${name} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(c.to ?? '', 40)} (added) ${bytes}`;
    if (c.to === null)
        return `${name} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(c.from, 40)} (removed) ${bytes}`;
    if (c.from === c.to)
        return `${name} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(c.to, 40)} ${bytes}`;
    return `${name} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(c.from, 40)} → ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(c.to, 40)} ${bytes}`;
}
/** "+610.0 MB: a 1 → 2 +402.0 MB, b (added) +150.0 MB, …"; null when nothing explains the change. */
function sizeHeadline(e, n = 3) {
    if (e.delta === 0)
        return null;
    const drivers = (0,_diff_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .sizeDrivers */ .Lw)(e);
    if (drivers.length === 0)
        return null;
    const more = drivers.length > n ? ', …' : '';
    return `${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .signed */ .x8)(e.delta, _format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtBytes */ .zi)}: ${drivers.slice(0, n).map(describeChange).join(', ')}${more}`;
}
/** What weighs most in an image (no baseline, or nothing grew): its biggest package or layer. */
function biggestPart(p) {
    const top = p.head.top;
    if (!top)
        return null;
    const pkgs = [
        ...top.pip.map((x) => ({ ...x, eco: 'pip' })),
        ...top.apt.map((x) => ({ ...x, eco: 'apt' })),
    ].sort((a, b) => b.sizeBytes - a.sizeBytes);
    const pkg = pkgs[0];
    if (pkg)
        return `${pkg.eco} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)((0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .packageName */ .oZ)(pkg.name), 60)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(pkg.version, 40)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtBytes */ .zi)(pkg.sizeBytes)})`;
    const layer = top.layers[0];
    return layer ? `layer ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .clip */ .$Q)(layer.createdBy, 80)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtBytes */ .zi)(layer.sizeBytes)})` : null;
}
/** The top contributor a breach names: what grew most, else what weighs most. */
function topContributor(p) {
    const e = p.diff?.sizeExplanation;
    const grew = e ? (0,_diff_schema_js__WEBPACK_IMPORTED_MODULE_1__/* .sizeDrivers */ .Lw)(e).filter((c) => c.delta > 0)[0] : undefined;
    if (grew)
        return `top contributor: ${describeChange(grew)}`;
    const big = biggestPart(p);
    return big ? `top contributor: ${big}` : 'no package or layer sizes in the record to name a contributor';
}
/** The platforms whose image breaks the size budget (config size.budget), with the reason. */
function budgetBreaches(sizeBudget, platforms) {
    const budget = readBudget(sizeBudget);
    if (!budget)
        return [];
    const out = [];
    for (const p of platforms) {
        const size = p.head.sizeBytes;
        const where = platforms.length > 1 ? ` on ${p.platform}` : '';
        const top = topContributor(p);
        const short = `size budget ${sizeBudget} exceeded${where}; ${top}`;
        // An absolute budget judges the size recorded, whatever its kind, which is named where it is
        // not the unpacked size users know from `docker image ls` on the classic store.
        const kind = (0,_size_kind_js__WEBPACK_IMPORTED_MODULE_6__/* .kindOf */ .I)(p.head);
        const figure = kind === _docker_size_kind_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_SIZE_KIND */ .fl ? (0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtBytes */ .zi)(size) : `${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtBytes */ .zi)(size)} (${(0,_size_kind_js__WEBPACK_IMPORTED_MODULE_6__/* .kindPhrase */ .W$)(kind)})`;
        if (budget.kind === 'absolute' && size > budget.bytes) {
            out.push({
                platform: p.platform,
                short,
                text: `image ${figure}${where} is over the size budget ${sizeBudget} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtBytes */ .zi)(budget.bytes)}) by ${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtBytes */ .zi)(size - budget.bytes)}; ${top}`,
            });
        }
        else if (budget.kind === 'growth' && p.diff && !p.diff.sizeKindChange && p.diff.size.base > 0) {
            const growth = p.diff.size.delta / p.diff.size.base;
            if (growth > budget.ratio)
                out.push({
                    platform: p.platform,
                    short,
                    text: `image grew ${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .signed */ .x8)(p.diff.size.delta, _format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtBytes */ .zi)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .pct */ .Oe)(growth)})${where}, over the size budget ${sizeBudget}; ${top}`,
                });
        }
    }
    return out;
}
/**
 * Where an absolute budget judges a compressed size (the containerd store's) and is not breached,
 * one line saying so, plain text: the size is about a third of the unpacked size users know from
 * `docker image ls` on the classic store (a breach names the kind itself). Null otherwise.
 */
function budgetKindNote(sizeBudget, p) {
    const budget = readBudget(sizeBudget);
    if (budget?.kind !== 'absolute' || (0,_size_kind_js__WEBPACK_IMPORTED_MODULE_6__/* .kindOf */ .I)(p.head) === _docker_size_kind_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_SIZE_KIND */ .fl)
        return null;
    if (p.head.sizeBytes > budget.bytes)
        return null;
    return (`size budget ${sizeBudget} judged on the ${(0,_size_kind_js__WEBPACK_IMPORTED_MODULE_6__/* .kindWords */ .Gk)((0,_size_kind_js__WEBPACK_IMPORTED_MODULE_6__/* .kindOf */ .I)(p.head))} ` +
        `of ${(0,_format_js__WEBPACK_IMPORTED_MODULE_5__/* .fmtBytes */ .zi)(p.head.sizeBytes)}, which is smaller than the unpacked size docker image ls shows ` +
        `on the classic image store`);
}
/** The budget, or undefined: none, or unreadable (an artifact's model is untrusted: it judges nothing). */
function readBudget(sizeBudget) {
    if (!sizeBudget)
        return undefined;
    try {
        return parseSizeBudget(sizeBudget);
    }
    catch {
        return undefined;
    }
}
/**
 * The platforms where a growth budget is not judged because the two sizes are of different kinds
 * (the engine's image store changed): one line each, plain text, saying so.
 */
function budgetSkips(sizeBudget, platforms) {
    if (readBudget(sizeBudget)?.kind !== 'growth')
        return [];
    return platforms.flatMap((p) => {
        const k = p.diff?.sizeKindChange;
        if (!k)
            return [];
        const where = platforms.length > 1 ? ` on ${p.platform}` : '';
        return [
            {
                platform: p.platform,
                text: `size budget ${sizeBudget} not judged${where}: the sizes are not comparable (${(0,_size_kind_js__WEBPACK_IMPORTED_MODULE_6__/* .kindShort */ .jy)(k.from)} → ${(0,_size_kind_js__WEBPACK_IMPORTED_MODULE_6__/* .kindShort */ .jy)(k.to)}: the engine's image store changed)`,
                short: `size budget ${sizeBudget} not judged${where}: sizes not comparable (image store changed)`,
            },
        ];
    });
}


/***/ }),

/***/ 68898:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { valid, clean, explain, parse } = __webpack_require__(74818);

const { lt, le, eq, ne, ge, gt, compare, rcompare } = __webpack_require__(12124);

const {
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,
} = __webpack_require__(8409);

const { major, minor, patch, inc } = __webpack_require__(38940);

module.exports = {
  // version
  valid,
  clean,
  explain,
  parse,

  // operator
  lt,
  le,
  lte: le,
  eq,
  ne,
  neq: ne,
  ge,
  gte: ge,
  gt,
  compare,
  rcompare,

  // range
  filter,
  maxSatisfying,
  minSatisfying,
  RANGE_PATTERN,
  satisfies,
  validRange,

  // semantic
  major,
  minor,
  patch,
  inc,
};


/***/ }),

/***/ 12124:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { parse } = __webpack_require__(74818);

module.exports = {
  compare,
  rcompare,
  lt,
  le,
  eq,
  ne,
  ge,
  gt,
  '<': lt,
  '<=': le,
  '==': eq,
  '!=': ne,
  '>=': ge,
  '>': gt,
  '===': arbitrary,
};

function lt(version, other) {
  return compare(version, other) < 0;
}

function le(version, other) {
  return compare(version, other) <= 0;
}

function eq(version, other) {
  return compare(version, other) === 0;
}

function ne(version, other) {
  return compare(version, other) !== 0;
}

function ge(version, other) {
  return compare(version, other) >= 0;
}

function gt(version, other) {
  return compare(version, other) > 0;
}

function arbitrary(version, other) {
  return version.toLowerCase() === other.toLowerCase();
}

function compare(version, other) {
  const parsedVersion = parse(version);
  const parsedOther = parse(other);

  const keyVersion = calculateKey(parsedVersion);
  const keyOther = calculateKey(parsedOther);

  return pyCompare(keyVersion, keyOther);
}

function rcompare(version, other) {
  return -compare(version, other);
}

// this logic is buitin in python, but we need to port it to js
// see https://stackoverflow.com/a/5292332/1438522
function pyCompare(elemIn, otherIn) {
  let elem = elemIn;
  let other = otherIn;
  if (elem === other) {
    return 0;
  }
  if (Array.isArray(elem) !== Array.isArray(other)) {
    elem = Array.isArray(elem) ? elem : [elem];
    other = Array.isArray(other) ? other : [other];
  }
  if (Array.isArray(elem)) {
    const len = Math.min(elem.length, other.length);
    for (let i = 0; i < len; i += 1) {
      const res = pyCompare(elem[i], other[i]);
      if (res !== 0) {
        return res;
      }
    }
    return elem.length - other.length;
  }
  if (elem === -Infinity || other === Infinity) {
    return -1;
  }
  if (elem === Infinity || other === -Infinity) {
    return 1;
  }
  return elem < other ? -1 : 1;
}

function calculateKey(input) {
  const { epoch } = input;
  let { release, pre, post, local, dev } = input;
  // When we compare a release version, we want to compare it with all of the
  // trailing zeros removed. So we'll use a reverse the list, drop all the now
  // leading zeros until we come to something non zero, then take the rest
  // re-reverse it back into the correct order and make it a tuple and use
  // that for our sorting key.
  release = release.concat();
  release.reverse();
  while (release.length && release[0] === 0) {
    release.shift();
  }
  release.reverse();

  // We need to "trick" the sorting algorithm to put 1.0.dev0 before 1.0a0.
  // We'll do this by abusing the pre segment, but we _only_ want to do this
  // if there is !a pre or a post segment. If we have one of those then
  // the normal sorting rules will handle this case correctly.
  if (!pre && !post && dev) pre = -Infinity;
  // Versions without a pre-release (except as noted above) should sort after
  // those with one.
  else if (!pre) pre = Infinity;

  // Versions without a post segment should sort before those with one.
  if (!post) post = -Infinity;

  // Versions without a development segment should sort after those with one.
  if (!dev) dev = Infinity;

  if (!local) {
    // Versions without a local segment should sort before those with one.
    local = -Infinity;
  } else {
    // Versions with a local segment need that segment parsed to implement
    // the sorting rules in PEP440.
    // - Alpha numeric segments sort before numeric segments
    // - Alpha numeric segments sort lexicographically
    // - Numeric segments sort numerically
    // - Shorter versions sort before longer versions when the prefixes
    //   match exactly
    local = local.map((i) =>
      Number.isNaN(Number(i)) ? [-Infinity, i] : [Number(i), ''],
    );
  }

  return [epoch, release, pre, post, dev, local];
}


/***/ }),

/***/ 38940:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { explain, parse, stringify } = __webpack_require__(74818);

// those notation are borrowed from semver
module.exports = {
  major,
  minor,
  patch,
  inc,
};

function major(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  return version.release[0];
}

function minor(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 2) {
    return 0;
  }
  return version.release[1];
}

function patch(input) {
  const version = explain(input);
  if (!version) {
    throw new TypeError('Invalid Version: ' + input);
  }
  if (version.release.length < 3) {
    return 0;
  }
  return version.release[2];
}

function inc(input, release, preReleaseIdentifier) {
  let identifier = preReleaseIdentifier || `a`;
  const version = parse(input);

  if (!version) {
    return null;
  }

  if (
    !['a', 'b', 'c', 'rc', 'alpha', 'beta', 'pre', 'preview'].includes(
      identifier,
    )
  ) {
    return null;
  }

  switch (release) {
    case 'premajor':
      {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'preminor':
      {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prepatch':
      {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      version.pre = [identifier, 0];
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'prerelease':
      if (version.pre === null) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
        version.pre = [identifier, 0];
      } else {
        if (preReleaseIdentifier === undefined && version.pre !== null) {
          [identifier] = version.pre;
        }

        const [letter, number] = version.pre;
        if (letter === identifier) {
          version.pre = [letter, number + 1];
        } else {
          version.pre = [identifier, 0];
        }
      }

      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'major':
      if (
        version.release.slice(1).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'minor':
      if (
        version.release.slice(2).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0] = version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    case 'patch':
      if (
        version.release.slice(3).some((value) => value !== 0) ||
        version.pre === null
      ) {
        const [majorVersion, minorVersion = 0, patchVersion = 0] =
          version.release;
        version.release.fill(0);
        version.release[0] = majorVersion;
        version.release[1] = minorVersion;
        version.release[2] = patchVersion + 1;
      }
      delete version.pre;
      delete version.post;
      delete version.dev;
      delete version.local;
      break;
    default:
      return null;
  }

  return stringify(version);
}


/***/ }),

/***/ 8409:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// This file is dual licensed under the terms of the Apache License, Version
// 2.0, and the BSD License. See the LICENSE file in the root of this repository
// for complete details.

const { VERSION_PATTERN, explain: explainVersion } = __webpack_require__(74818);

const Operator = __webpack_require__(12124);

const RANGE_PATTERN = [
  '(?<operator>(===|~=|==|!=|<=|>=|<|>))',
  '\\s*',
  '(',
  /*  */ '(?<version>(?:' + VERSION_PATTERN.replace(/\?<\w+>/g, '?:') + '))',
  /*  */ '(?<prefix>\\.\\*)?',
  /*  */ '|',
  /*  */ '(?<legacy>[^,;\\s)]+)',
  ')',
].join('');

module.exports = {
  RANGE_PATTERN,
  parse,
  satisfies,
  filter,
  validRange,
  maxSatisfying,
  minSatisfying,
};

const isEqualityOperator = (op) => ['==', '!=', '==='].includes(op);

const rangeRegex = new RegExp('^' + RANGE_PATTERN + '$', 'i');

function parse(ranges) {
  if (!ranges.trim()) {
    return [];
  }

  const specifiers = ranges
    .split(',')
    .map((range) => rangeRegex.exec(range.trim()) || {})
    .map(({ groups }) => {
      if (!groups) {
        return null;
      }

      let { ...spec } = groups;
      const { operator, version, prefix, legacy } = groups;

      if (version) {
        spec = { ...spec, ...explainVersion(version) };
        if (operator === '~=') {
          if (spec.release.length < 2) {
            return null;
          }
        }
        if (!isEqualityOperator(operator) && spec.local) {
          return null;
        }

        if (prefix) {
          if (!isEqualityOperator(operator) || spec.dev || spec.local) {
            return null;
          }
        }
      }
      if (legacy && operator !== '===') {
        return null;
      }

      return spec;
    });

  if (specifiers.filter(Boolean).length !== specifiers.length) {
    return null;
  }

  return specifiers;
}

function filter(versions, specifier, options = {}) {
  const filtered = pick(versions, specifier, options);
  if (filtered.length === 0 && options.prereleases === undefined) {
    return pick(versions, specifier, { prereleases: true });
  }
  return filtered;
}

function maxSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[found.length - 1];
}

function minSatisfying(versions, range, options) {
  const found = filter(versions, range, options).sort(Operator.compare);
  return found.length === 0 ? null : found[0];
}

function pick(versions, specifier, options) {
  const parsed = parse(specifier);

  if (!parsed) {
    return [];
  }

  return versions.filter((version) => {
    const explained = explainVersion(version);

    if (!parsed.length) {
      return explained && !(explained.is_prerelease && !options.prereleases);
    }

    return parsed.reduce((pass, spec) => {
      if (!pass) {
        return false;
      }
      return contains({ ...spec, ...options }, { version, explained });
    }, true);
  });
}

function satisfies(version, specifier, options = {}) {
  const filtered = pick([version], specifier, options);

  return filtered.length === 1;
}

function arrayStartsWith(array, prefix) {
  if (prefix.length > array.length) {
    return false;
  }

  for (let i = 0; i < prefix.length; i += 1) {
    if (prefix[i] !== array[i]) {
      return false;
    }
  }

  return true;
}

function contains(specifier, input) {
  const { explained } = input;
  let { version } = input;
  const { ...spec } = specifier;

  if (spec.prereleases === undefined) {
    spec.prereleases = spec.is_prerelease;
  }

  if (explained && explained.is_prerelease && !spec.prereleases) {
    return false;
  }

  if (spec.operator === '~=') {
    let compatiblePrefix = spec.release.slice(0, -1).concat('*').join('.');
    if (spec.epoch) {
      compatiblePrefix = spec.epoch + '!' + compatiblePrefix;
    }
    return satisfies(version, `>=${spec.version}, ==${compatiblePrefix}`, {
      prereleases: spec.prereleases,
    });
  }

  if (spec.prefix) {
    const isMatching =
      explained.epoch === spec.epoch &&
      arrayStartsWith(explained.release, spec.release);
    const isEquality = spec.operator !== '!=';
    return isEquality ? isMatching : !isMatching;
  }

  if (explained)
    if (explained.local && spec.version) {
      version = explained.public;
      spec.version = explainVersion(spec.version).public;
    }

  if (spec.operator === '<' || spec.operator === '>') {
    // simplified version of https://www.python.org/dev/peps/pep-0440/#exclusive-ordered-comparison
    if (Operator.eq(spec.release.join('.'), explained.release.join('.'))) {
      return false;
    }
  }

  const op = Operator[spec.operator];
  return op(version, spec.version || spec.legacy);
}

function validRange(specifier) {
  return Boolean(parse(specifier));
}


/***/ }),

/***/ 74818:
/***/ ((module) => {

const VERSION_PATTERN = [
  'v?',
  '(?:',
  /* */ '(?:(?<epoch>[0-9]+)!)?', // epoch
  /* */ '(?<release>[0-9]+(?:\\.[0-9]+)*)', // release segment
  /* */ '(?<pre>', // pre-release
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))',
  /*    */ '[-_\\.]?',
  /*    */ '(?<pre_n>[0-9]+)?',
  /* */ ')?',
  /* */ '(?<post>', // post release
  /*    */ '(?:-(?<post_n1>[0-9]+))',
  /*    */ '|',
  /*    */ '(?:',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_l>post|rev|r)',
  /*        */ '[-_\\.]?',
  /*        */ '(?<post_n2>[0-9]+)?',
  /*    */ ')',
  /* */ ')?',
  /* */ '(?<dev>', // dev release
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_l>dev)',
  /*    */ '[-_\\.]?',
  /*    */ '(?<dev_n>[0-9]+)?',
  /* */ ')?',
  ')',
  '(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?', // local version
].join('');

module.exports = {
  VERSION_PATTERN,
  valid,
  clean,
  explain,
  parse,
  stringify,
};

const validRegex = new RegExp('^' + VERSION_PATTERN + '$', 'i');

function valid(version) {
  return validRegex.test(version) ? version : null;
}

const cleanRegex = new RegExp('^\\s*' + VERSION_PATTERN + '\\s*$', 'i');
function clean(version) {
  return stringify(parse(version, cleanRegex));
}

function parse(version, regex) {
  // Validate the version and parse it into pieces
  const { groups } = (regex || validRegex).exec(version) || {};
  if (!groups) {
    return null;
  }

  // Store the parsed out pieces of the version
  const parsed = {
    epoch: Number(groups.epoch ? groups.epoch : 0),
    release: groups.release.split('.').map(Number),
    pre: normalize_letter_version(groups.pre_l, groups.pre_n),
    post: normalize_letter_version(
      groups.post_l,
      groups.post_n1 || groups.post_n2,
    ),
    dev: normalize_letter_version(groups.dev_l, groups.dev_n),
    local: parse_local_version(groups.local),
  };

  return parsed;
}

function stringify(parsed) {
  if (!parsed) {
    return null;
  }
  const { epoch, release, pre, post, dev, local } = parsed;
  const parts = [];

  // Epoch
  if (epoch !== 0) {
    parts.push(`${epoch}!`);
  }
  // Release segment
  parts.push(release.join('.'));

  // Pre-release
  if (pre) {
    parts.push(pre.join(''));
  }
  // Post-release
  if (post) {
    parts.push('.' + post.join(''));
  }
  // Development release
  if (dev) {
    parts.push('.' + dev.join(''));
  }
  // Local version segment
  if (local) {
    parts.push(`+${local}`);
  }
  return parts.join('');
}

function normalize_letter_version(letterIn, numberIn) {
  let letter = letterIn;
  let number = numberIn;
  if (letter) {
    // We consider there to be an implicit 0 in a pre-release if there is
    // not a numeral associated with it.
    if (!number) {
      number = 0;
    }
    // We normalize any letters to their lower case form
    letter = letter.toLowerCase();

    // We consider some words to be alternate spellings of other words and
    // in those cases we want to normalize the spellings to our preferred
    // spelling.
    if (letter === 'alpha') {
      letter = 'a';
    } else if (letter === 'beta') {
      letter = 'b';
    } else if (['c', 'pre', 'preview'].includes(letter)) {
      letter = 'rc';
    } else if (['rev', 'r'].includes(letter)) {
      letter = 'post';
    }
    return [letter, Number(number)];
  }
  if (!letter && number) {
    // We assume if we are given a number, but we are not given a letter
    // then this is using the implicit post release syntax (e.g. 1.0-1)
    letter = 'post';

    return [letter, Number(number)];
  }
  return null;
}

function parse_local_version(local) {
  /*
    Takes a string like abc.1.twelve and turns it into("abc", 1, "twelve").
    */
  if (local) {
    return local
      .split(/[._-]/)
      .map((part) =>
        Number.isNaN(Number(part)) ? part.toLowerCase() : Number(part),
      );
  }
  return null;
}

function explain(version) {
  const parsed = parse(version);
  if (!parsed) {
    return parsed;
  }
  const { epoch, release, pre, post, dev, local } = parsed;

  let base_version = '';
  if (epoch !== 0) {
    base_version += epoch + '!';
  }
  base_version += release.join('.');

  const is_prerelease = Boolean(dev || pre);
  const is_devrelease = Boolean(dev);
  const is_postrelease = Boolean(post);

  // return

  return {
    epoch,
    release,
    pre,
    post: post ? post[1] : post,
    dev: dev ? dev[1] : dev,
    local: local ? local.join('.') : local,
    public: stringify(parsed).split('+', 1)[0],
    base_version,
    is_prerelease,
    is_devrelease,
    is_postrelease,
  };
}


/***/ })

};
