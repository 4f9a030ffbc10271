export const id = 287;
export const ids = [287];
export const modules = {

/***/ 23287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: coreIo, parseActionInputs, refusePullRequestTarget, singleImageOutputs

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/util/images-dir.ts
// Where this tool's images/ folder is (Dockerfile templates and the in-container probe): next to
// dist/ when bundled, at the repository root in development. Every entry point looks it up once.



/** images/ of this tool: next to dist/ when bundled, at the repository root in development. */
function findImagesDir(start) {
    let dir = start;
    for (;;) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(dir, 'images', 'cpu', 'Dockerfile')))
            return external_node_path_default().join(dir, 'images');
        const up = external_node_path_default().dirname(dir);
        if (up === dir)
            throw new errors/* EnvironmentError */.eG(`cannot find the images/ templates above ${start}`, 'the action or CLI is incomplete: images/ must sit next to dist/ (reinstall or check out the whole repository)');
        dir = up;
    }
}

// EXTERNAL MODULE: ./src/util/url-secrets.ts
var url_secrets = __webpack_require__(92561);
// EXTERNAL MODULE: ./src/config/bpa-list.ts
var bpa_list = __webpack_require__(36868);
// EXTERNAL MODULE: ./src/config/build-args.ts
var build_args = __webpack_require__(71534);
// EXTERNAL MODULE: ./src/oci/ref.ts
var oci_ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/util/redact.ts + 4 modules
var redact = __webpack_require__(81583);
;// CONCATENATED MODULE: ./src/build/bpa-lists.ts
// docker/build-push-action's list inputs: the types they become, and the small parsers the build
// inputs share (the list reader itself, parseBpaList, is config/bpa-list.ts).




/**
 * `KEY=VALUE` split at the first `=`; both sides non-empty (BPA's parseSecretKvp), or with
 * EMPTY_VALUE a `KEY=` too: a label or annotation docker/metadata-action writes for a repository
 * without a description or license (`org.opencontainers.image.description=`), as buildx takes it.
 */
function keyValue(input, item, what, { emptyValue = false } = {}) {
    const at = item.indexOf('=');
    const key = at > 0 ? item.slice(0, at).trim() : '';
    const value = at > 0 ? item.slice(at + 1) : '';
    if (key === '' || (value === '' && !emptyValue))
        throw new errors/* InputError */.dz(`input "${input}": ${JSON.stringify(redactValue(input, item))} is not ${what}`, `write one ${what} a line`);
    return [key, value];
}
/** A secret value never goes into an error message. */
function redactValue(input, item) {
    if (input !== 'secrets')
        return item;
    const at = item.indexOf('=');
    return at < 0 ? '***' : `${item.slice(0, at)}=***`;
}
const ANNOTATION_TYPES = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'];
/** `index,manifest[linux/amd64]:key=value`, `manifest:key=value` or `key=value` (type manifest). */
function parseAnnotation(item) {
    const [keyPart, value] = keyValue('annotations', item, 'an annotation (KEY=VALUE)', { emptyValue: true });
    const m = /^(?:([a-z,-]+)(?:\[([^\]]+)\])?:)?([^:=]+)$/.exec(keyPart);
    const types = m?.[1]?.split(',') ?? [];
    const bad = types.filter((t) => !ANNOTATION_TYPES.includes(t));
    if (!m || bad.length > 0)
        throw new errors/* InputError */.dz(`input "annotations": ${JSON.stringify(item)} has ${bad.length ? `an unknown type ${bad.join(', ')}` : 'no valid key'}`, `write [TYPE:]KEY=VALUE, TYPE one of ${ANNOTATION_TYPES.join(', ')} (comma-separated)`);
    if (types.includes('index-descriptor'))
        throw new errors/* InputError */.dz(`input "annotations": ${JSON.stringify(`${keyPart}=...`)}: index-descriptor annotates the descriptor of an index in an OCI layout's index.json, which this action never writes (it pushes each platform's image, then merges them into a list in the registry): the annotation would be dropped`, 'use index: to annotate the merged multi-arch list, or manifest: (the default) for each platform image');
    return { types, ...(m[2] !== undefined && { platform: m[2] }), key: m[3].trim(), value };
}
/** The annotation as buildx writes it on the command line. */
function annotationArg(a) {
    const prefix = a.types.length ? `${a.types.join(',')}${a.platform ? `[${a.platform}]` : ''}:` : '';
    return `${prefix}${a.key}=${a.value}`;
}
/**
 * What a per-platform build takes of an annotation: its manifest and manifest-descriptor types (none
 * given: manifest, as buildx), or undefined when it has neither. BuildKit refuses an index type on a
 * single-platform export ("index annotations not supported for single platform export"), so
 * `index,manifest:k=v` gives each build `manifest:k=v`; the merge applies `index:k=v`
 * (indexAnnotations).
 */
function manifestPart(a) {
    if (a.types.length === 0)
        return a;
    const types = a.types.filter((t) => t === 'manifest' || t === 'manifest-descriptor');
    return types.length === 0 ? undefined : { ...a, types };
}
/**
 * The type of a `cache-from` / `cache-to` spec as buildx reads it (buildflags.ParseCacheEntry): a
 * spec without `=` is image references (registry cache), else the `type=` of specAttrs. Whether a
 * run may write a cache turns on this type, so a spec buildx could read as another type (a key
 * given twice: buildx takes the last `type=`; a line break) is refused, as is one without a type.
 */
function cacheSpecType(input, spec) {
    if (!spec.includes('=') && !/[\r\n]/.test(spec))
        return 'registry';
    const { attrs, problem } = (0,bpa_list/* specAttrs */.Oz)(spec);
    const type = attrs.get('type');
    if (problem === undefined && type)
        return type;
    throw new errors/* InputError */.dz(`input "${input}": ${JSON.stringify(shownSpec(spec))} ${problem ?? 'has no type='}`, 'write one spec a line, each key once, e.g. type=gha,scope=x,mode=max or type=registry,ref=IMAGE');
}
/** A `KEY=VALUE,...` spec for an error: the value of a key that names a secret (token=) masked. */
function shownSpec(spec) {
    return (0,bpa_list/* csvFields */.qZ)(spec.replace(/[\r\n]+/g, ' '))
        .map((f) => {
        const at = f.indexOf('=');
        if (at < 0)
            return (0,redact/* redactEnvValue */.OI)('', f);
        const key = f.slice(0, at);
        return `${(0,redact/* redactEnvValue */.OI)('', key)}=${(0,redact/* redactEnvValue */.OI)(key, f.slice(at + 1))}`;
    })
        .join(',');
}
function parseBool(input, raw) {
    const v = raw.trim().toLowerCase();
    if (v === '')
        return undefined;
    if (['true', 'yes', '1', 'on'].includes(v))
        return true;
    if (['false', 'no', '0', 'off'].includes(v))
        return false;
    throw new errors/* InputError */.dz(`input "${input}": expected true or false, got ${JSON.stringify(raw)}`);
}
/** A secret id as buildx accepts it. */
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
/**
 * How BPA reads a multi-line `secrets` value: one CSV field in double quotes that runs over lines
 * (actions-toolkit's getInputList, config/bpa-list.ts).
 */
const SECRETS_FIX = 'write one ID=VALUE a line; put a multi-line value in double quotes from before its ID to after its last line ("ID=line1<newline>line2", a " inside it doubled), as docker/build-push-action reads it';
function secretMap(input, items, what) {
    if (input === 'secrets')
        return valueSecrets(items, what);
    const out = {};
    for (const item of items) {
        const [id, value] = keyValue(input, item, what);
        if (!SECRET_ID.test(id) || /^\.+$/.test(id))
            throw new errors/* InputError */.dz(`input "${input}": secret id ${JSON.stringify(id)} may hold only letters, digits, _ . - (and is not . or ..)`);
        out[id] = value;
    }
    return out;
}
/**
 * The `secrets` input: id -> value. An error names the item by its position and never shows its
 * text: a line of an unquoted multi-line value (a PEM key, a JSON key file) reads as an item of its
 * own, so an item's "id" may be part of a secret. Such a line after a good item is said to be one.
 */
function valueSecrets(items, what) {
    const out = {};
    items.forEach((item, i) => {
        const at = item.indexOf('=');
        const id = at > 0 ? item.slice(0, at).trim() : '';
        const value = at > 0 ? item.slice(at + 1) : '';
        const problem = id === '' || value === ''
            ? `is not ${what}`
            : // `"gcp={"type": ...}"`: text after the closing quote, so the quotes are kept (csv-parse).
                id.startsWith('"')
                    ? 'starts with a quote that text follows after its closing quote, so the quotes are kept as written (a " inside a quoted value is written "")'
                    : !SECRET_ID.test(id) || /^\.+$/.test(id)
                        ? 'has an id with characters other than letters, digits, _ . - (or is . or ..)'
                        : // `AbCd12==`, the last line of a base64 value, would be id AbCd12 with the value "=".
                            /^\s*=+\s*$/.test(value)
                                ? 'has a value of only "=" (the end of a base64 text?)'
                                : undefined;
        if (problem === undefined) {
            out[id] = value;
            return;
        }
        const multiLine = i > 0 && !id.startsWith('"')
            ? '; it looks like a line of a multi-line value, which must be quoted as in docker/build-push-action'
            : '';
        throw new errors/* InputError */.dz(`input "secrets": item ${i + 1} ${problem}${multiLine}`, SECRETS_FIX);
    });
    return out;
}
/** `ghcr.io/o/r:1.2.0` (a tag without `:TAG` means `:latest`, as docker reads it). */
function splitTagRef(ref) {
    if (ref.includes('@'))
        throw new errors/* InputError */.dz(`input "tags": ${JSON.stringify(ref)} is a digest reference`, 'tags are NAME:TAG; the digest is an output');
    const slash = ref.lastIndexOf('/');
    const colon = ref.lastIndexOf(':');
    const [repository, tag] = colon > slash ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
    // Docker's reference grammar (src/oci/ref.ts), as for every other image reference.
    // A NAME:TAG would pass the grammar as a name: a second tag is refused here.
    const problem = repository.slice(repository.lastIndexOf('/') + 1).includes(':')
        ? 'more than one tag'
        : (0,oci_ref/* imageRefProblem */.OD)(repository);
    if (problem !== undefined)
        throw new errors/* InputError */.dz(`input "tags": ${JSON.stringify(ref)} is not a valid image name (lowercase REPOSITORY:TAG): ${problem}`);
    if (!(0,oci_ref/* isTag */.dz)(tag))
        throw new errors/* InputError */.dz(`input "tags": ${JSON.stringify(ref)} has an invalid tag ${JSON.stringify(tag)}`);
    return { repository, tag };
}

;// CONCATENATED MODULE: ./src/build/bpa-tags.ts
// The `tags`, `labels` and `annotations` inputs applied: per-variant tags, the plan with them, one
// `imagetools create` per repository, and the annotations of the merged multi-arch index.



/**
 * The tags of variant `index` of `count` from the `tags` input. One variant: the tags as given.
 * Several: every tag gets the suffix `-<variant>` (`ghcr.io/o/r:1.2.0` -> `ghcr.io/o/r:1.2.0-cpu`),
 * except `latest`: it becomes `<variant>` on every variant (the variant's moving tag, as the
 * config's own default-branch rule), and the first variant also keeps plain `latest`
 * (metadata-action's `flavor: latest` on the default variant only).
 */
function variantTags(tags, variant, index, count) {
    if (count === 1)
        return [...new Set(tags)];
    const out = [];
    const add = (t) => {
        if (!out.includes(t))
            out.push(t);
    };
    for (const ref of tags) {
        const { repository, tag } = splitTagRef(ref);
        if (tag === 'latest') {
            add(`${repository}:${checkedTag(ref, variant, variant)}`);
            if (index === 0)
                add(`${repository}:latest`);
        }
        else
            add(`${repository}:${checkedTag(ref, `${tag}-${variant}`, variant)}`);
    }
    return out;
}
/**
 * TAG, the tag REF of the `tags` input gives VARIANT, when it is a valid tag: a tag at most 128
 * characters long, as the input's own was, may be too long once `-<variant>` is added. Checked
 * here, when the plan is made, rather than by the merge after every platform was built and pushed.
 */
function checkedTag(ref, tag, variant) {
    if ((0,oci_ref/* isTag */.dz)(tag))
        return tag;
    const long = tag.length > 128;
    const room = 128 - 1 - variant.length;
    throw new errors/* InputError */.dz(`input "tags": ${JSON.stringify(ref)} gives variant ${variant} the tag ${JSON.stringify(tag)}, ${long ? `${tag.length} characters long (a tag is at most 128)` : 'which is not a valid tag'}`, tag === variant
        ? 'name the variant as a tag may be named (letters, digits, "_", "." and "-"), or give tags other than latest'
        : `shorten the tag to at most ${room} characters: with several variants each variant's tags get "-${variant}" added`);
}
/**
 * The registry host of a repository (`ghcr.io/o/r` -> ghcr.io; `o/r` is on Docker Hub), as
 * distribution/reference splits it (and parseImageRef, and buildx when it pushes): a first
 * component with "." or ":", localhost, or capitals names the registry (`MyOrg/model` is the host
 * MyOrg, where buildx would push, not Docker Hub).
 */
function registryHost(repository) {
    const first = repository.split('/')[0];
    return repository.includes('/') &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())
        ? first
        : 'docker.io';
}
/**
 * The plan with the `tags` and `labels` inputs applied (plan.json, build, merge and report see
 * them). With `tags`, the images are pushed (by digest) to the first tag's repository, not to
 * image.registry/image.name: nothing is pushed where no tag points. TAGGED: the variants the tags
 * follow (taggedVariants: the config file's own list first, then any planned variant it does not
 * list, as in a matrix job that builds one), so each variant of a file with several gets its suffix
 * and only the file's first keeps plain `latest`.
 */
function applyToPlan(plan, opts, tagged = plan.variants.map((v) => v.name)) {
    checkOutputTargets(plan, opts);
    if (!opts?.tags && !opts?.labels)
        return plan;
    const variants = plan.variants.map((v) => ({
        ...v,
        ...(opts.tags && { tags: variantTags(opts.tags, v.name, tagged.indexOf(v.name), tagged.length) }),
        ...(opts.labels && { labels: { ...v.labels, ...opts.labels } }),
    }));
    return {
        ...plan,
        ...(opts.tags?.[0] !== undefined && { repository: splitTagRef(opts.tags[0]).repository }),
        variants,
    };
}
/**
 * Several targets (variants x platforms) each export to `outputs`: a dest without `{variant}`
 * (several variants) or `{arch}` (several platforms) would be overwritten by the next target.
 */
function checkOutputTargets(plan, opts) {
    const platforms = new Set(plan.variants.flatMap((v) => v.platforms));
    for (const spec of opts?.outputs ?? []) {
        const missing = [
            ...(plan.variants.length > 1 && !spec.includes('{variant}') ? ['{variant}'] : []),
            ...(platforms.size > 1 && !spec.includes('{arch}') ? ['{arch}'] : []),
        ];
        if (missing.length)
            throw new errors/* InputError */.dz(`input "outputs": ${JSON.stringify(spec)}: ${plan.variants.length} variants x ${platforms.size} platforms are built one at a time, and each would overwrite dest`, `put ${missing.join(' and ')} in dest (e.g. dest=out/{variant}-{arch})`);
    }
}
/**
 * The tags in the order of `imagetools create` calls: those of the build repository together,
 * then per other repository one tag alone (its blobs are copied there) and then the rest.
 */
function tagsByRepository(buildRepository, tags) {
    const groups = new Map([[buildRepository, []]]);
    for (const t of tags) {
        const { repository } = splitTagRef(t);
        groups.set(repository, [...(groups.get(repository) ?? []), t]);
    }
    return [...groups]
        .flatMap(([repo, group]) => repo === buildRepository || group.length < 2 ? [group] : [group.slice(0, 1), group.slice(1)])
        .filter((g) => g.length > 0);
}
/** OCI keys that, as labels of a variant, also annotate its merged index (registries show them). */
const INDEX_LABEL_KEYS = [
    'org.opencontainers.image.title',
    'org.opencontainers.image.description',
    'org.opencontainers.image.source',
    'org.opencontainers.image.url',
    'org.opencontainers.image.version',
    'org.opencontainers.image.revision',
    'org.opencontainers.image.licenses',
    'org.opencontainers.image.created',
];
/**
 * `--annotation index:KEY=VALUE` arguments for `imagetools create`: the `index:` annotations given,
 * then the variant's OCI labels (title, description, source ...) not already given, so a registry
 * shows a description for the multi-arch image too.
 */
function indexAnnotations(labels, given = []) {
    const out = new Map();
    for (const a of given.filter((x) => x.types.includes('index')))
        out.set(a.key, a.value);
    for (const k of INDEX_LABEL_KEYS)
        if (labels[k] !== undefined && !out.has(k))
            out.set(k, labels[k]);
    return [...out].map(([k, v]) => `index:${k}=${v}`);
}

;// CONCATENATED MODULE: ./src/build/action-inputs.ts
// The action inputs that docker/build-push-action (BPA) users already pass, with BPA's names and
// list semantics (docker/actions-toolkit Util.getInputList): `tags`, `labels`, `annotations`,
// `secrets`, `secret-envs`, `secret-files`, `ssh`, `build-contexts`, `outputs`, `attests`, `add-hosts`,
// `shm-size`, `ulimit`, `cache-from`, `cache-to`, `target`, `builder`, `no-cache`, `sbom`, `load`.
// (`build-args`, `pull`, `provenance`, `network`, `platforms` and `push` override config keys:
// config/inputs.ts.)
// Parsed once at the edge into BuildInputOptions; the plan and the buildx argv take them from there.
// Their names are BUILD_INPUTS in config/inputs.ts (the table of every action input), the list
// reader parseBpaList is config/bpa-list.ts; the small parsers are in bpa-lists.ts, the tag rules
// and index annotations in bpa-tags.ts.








/** The options from the inputs (`get` returns '' for an unset input). */
function buildOptionsFromInputs(get, cwd = process.cwd()) {
    const opts = {};
    const list = (name, ignoreComma) => (0,bpa_list/* parseBpaList */.vH)(get(name), { input: name, ignoreComma });
    const tags = list('tags', false);
    if (tags.length) {
        for (const t of tags)
            splitTagRef(t);
        opts.tags = tags;
    }
    const labels = list('labels', true);
    if (labels.length)
        opts.labels = Object.fromEntries(labels.map((l) => keyValue('labels', l, 'a label (KEY=VALUE)', { emptyValue: true })));
    const annotations = list('annotations', true);
    if (annotations.length)
        opts.annotations = annotations.map(parseAnnotation);
    // Both are written into the image (its config, its manifests) for anyone who pulls it.
    for (const [input, [key, value]] of [
        ...Object.entries(opts.labels ?? {}).map((kv) => ['labels', kv]),
        ...(opts.annotations ?? []).map((a) => ['annotations', [a.key, a.value]]),
    ]) {
        const why = (0,build_args/* credentialInValue */._G)(value);
        if (why !== undefined)
            throw new errors/* InputError */.dz(`input "${input}": ${key}: ${why}; ${input} are stored in the image for anyone who pulls it`, 'leave credentials out of labels and annotations (a URL without its login, e.g. https://github.com/org/repo)');
    }
    const secrets = (0,bpa_list/* parseBpaList */.vH)(get('secrets'), { input: 'secrets', ignoreComma: true, trim: false });
    if (secrets.length)
        opts.secrets = secretMap('secrets', secrets, 'a secret (ID=VALUE)');
    const secretEnvs = list('secret-envs', false);
    if (secretEnvs.length) {
        opts.secretEnvs = secretMap('secret-envs', secretEnvs, 'a secret env (ID=ENVNAME)');
        for (const [id, env] of Object.entries(opts.secretEnvs))
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(env))
                throw new errors/* InputError */.dz(`input "secret-envs": ${id}=${env}: ${JSON.stringify(env)} is no environment variable name`);
    }
    for (const [name, key] of [
        ['cache-from', 'cacheFrom'],
        ['cache-to', 'cacheTo'],
    ]) {
        const specs = list(name, true);
        for (const s of specs)
            cacheSpecType(name, s);
        if (specs.length)
            opts[key] = specs;
    }
    const target = get('target').trim();
    if (target)
        opts.target = target;
    const builder = get('builder').trim();
    if (builder)
        opts.builder = builder;
    const noCache = parseBool('no-cache', get('no-cache'));
    if (noCache !== undefined)
        opts.noCache = noCache;
    const sbom = parseBool('sbom', get('sbom'));
    if (sbom !== undefined)
        opts.sbom = sbom;
    const load = parseBool('load', get('load'));
    if (load !== undefined)
        opts.load = load;
    Object.assign(opts, moreBuildOptions(get, opts, cwd));
    return opts;
}
/** A path of an input, relative to the workspace (the step's working directory) as BPA reads it. */
const resolvePath = (p, cwd) => external_node_path_default().resolve(cwd, p);
/** `secret-files`: id -> the absolute path of an existing file (BPA: "secret file ... not found"). */
function secretFileOptions(raw, given, cwd) {
    const secretFiles = (0,bpa_list/* parseBpaList */.vH)(raw, { input: 'secret-files', ignoreComma: true });
    if (!secretFiles.length)
        return undefined;
    const files = secretMap('secret-files', secretFiles, 'a secret file (ID=PATH)');
    for (const [id, file] of Object.entries(files)) {
        const abs = resolvePath(file.trim(), cwd);
        if (!(0,external_node_fs_.existsSync)(abs) || !(0,external_node_fs_.statSync)(abs).isFile())
            throw new errors/* InputError */.dz(`input "secret-files": ${id}=${file}: secret file ${abs} not found`, 'give the path of an existing file, relative to the workspace (write it in an earlier step)');
        files[id] = abs;
    }
    const twice = Object.keys(files).filter((id) => id in (given.secrets ?? {}) || id in (given.secretEnvs ?? {}));
    if (twice.length)
        throw new errors/* InputError */.dz(`inputs "secrets"/"secret-envs"/"secret-files": secret id ${twice.join(', ')} is given twice`, 'give each secret id once');
    return files;
}
/** `attests`: each with a type; provenance has its own input, and sbom is set once. */
function attestOptions(raw, given) {
    const attests = (0,bpa_list/* parseBpaList */.vH)(raw, { input: 'attests', ignoreComma: true });
    for (const a of attests) {
        const type = /(?:^|,)\s*type=([^,]*)/.exec(a)?.[1]?.trim();
        if (!type)
            throw new errors/* InputError */.dz(`input "attests": ${JSON.stringify(a)} has no type= (e.g. type=sbom,generator=IMAGE)`);
        if (type === 'provenance')
            throw new errors/* InputError */.dz(`input "attests": ${JSON.stringify(a)}: provenance is set by the provenance input (true, false, mode=min or mode=max)`, 'move it to the provenance input');
        if (type === 'sbom' && given.sbom !== undefined)
            throw new errors/* InputError */.dz(`inputs "sbom" and "attests": ${JSON.stringify(a)} sets the SBOM attestation twice`, 'keep one of them (build-push-action lets the sbom input win)');
    }
    return attests;
}
/** An `ssh` item with its path (ID=PATH, default=SOCKET) made absolute; `default` as given. */
function sshItem(item, cwd) {
    const eq = item.indexOf('=');
    return eq < 0 ? item : `${item.slice(0, eq)}=${resolvePath(item.slice(eq + 1).trim(), cwd)}`;
}
/** `secret-files`, `ssh`, `build-contexts`, `outputs`, `attests`, `add-hosts`, `shm-size`, `ulimit`. */
function moreBuildOptions(get, given, cwd) {
    const opts = {};
    const secretFiles = secretFileOptions(get('secret-files'), given, cwd);
    if (secretFiles)
        opts.secretFiles = secretFiles;
    const ssh = (0,bpa_list/* parseBpaList */.vH)(get('ssh'), { input: 'ssh', ignoreComma: false });
    for (const item of ssh)
        if (!/^[A-Za-z0-9_.-]+(=.+)?$/.test(item))
            throw new errors/* InputError */.dz(`input "ssh": ${JSON.stringify(item)} is not default, default=SOCKET or ID=PATH`, 'write one SSH agent socket or key a line (e.g. default, or github=/home/runner/.ssh/id_ed25519)');
    // A key's path, relative to the workspace as buildx reads it, made absolute: the build keeps the
    // file out of its context (src/pipeline/keep-out.ts), which needs to know where it is.
    if (ssh.length)
        opts.ssh = ssh.map((item) => sshItem(item, cwd));
    const contexts = (0,bpa_list/* parseBpaList */.vH)(get('build-contexts'), { input: 'build-contexts', ignoreComma: true });
    if (contexts.length) {
        opts.buildContexts = {};
        for (const item of contexts) {
            const [name, value] = keyValue('build-contexts', item, 'a build context (NAME=PATH or NAME=docker-image://REF)');
            if (!/^[A-Za-z0-9][A-Za-z0-9_./:@-]*$/.test(name))
                throw new errors/* InputError */.dz(`input "build-contexts": ${JSON.stringify(name)} is not a context name`);
            if (value.includes('{{'))
                throw new errors/* InputError */.dz(`input "build-contexts": ${name}=${value}: {{defaultContext}} is build-push-action's Git context, which this action does not use`, 'give a path relative to the workspace, a URL or docker-image://REF');
            opts.buildContexts[name] = value.trim();
        }
    }
    const outputs = (0,bpa_list/* parseBpaList */.vH)(get('outputs'), { ignoreComma: true, quote: false });
    if (outputs.length)
        opts.outputs = outputs.map(checkOutput);
    const attests = attestOptions(get('attests'), given);
    if (attests.length)
        opts.attests = attests;
    const hosts = (0,bpa_list/* parseBpaList */.vH)(get('add-hosts'), { input: 'add-hosts', ignoreComma: false });
    for (const h of hosts)
        if (!/^[A-Za-z0-9_.-]+[:=]\S+$/.test(h))
            throw new errors/* InputError */.dz(`input "add-hosts": ${JSON.stringify(h)} is not HOST:IP (or HOST=IP)`);
    if (hosts.length)
        opts.addHosts = hosts;
    const shm = get('shm-size').trim();
    if (shm) {
        if (!/^[0-9]+(?:\.[0-9]+)?\s*[bkmgtp]?i?b?$/i.test(shm))
            throw new errors/* InputError */.dz(`input "shm-size": ${JSON.stringify(shm)} is not a size (e.g. 2g, 512m)`);
        opts.shmSize = shm;
    }
    const ulimits = (0,bpa_list/* parseBpaList */.vH)(get('ulimit'), { input: 'ulimit', ignoreComma: true });
    for (const u of ulimits)
        if (!/^[a-z]+=-?[0-9]+(?::-?[0-9]+)?$/.test(u))
            throw new errors/* InputError */.dz(`input "ulimit": ${JSON.stringify(u)} is not TYPE=SOFT[:HARD] (e.g. nofile=1024:1024)`);
    if (ulimits.length)
        opts.ulimits = ulimits;
    return { ...opts, ...privilegedOptions(get) };
}
/** `allow`, `cgroup-parent`, `no-cache-filters`, and `call` (only `build`: this action needs the image). */
function privilegedOptions(get) {
    const opts = {};
    const allow = (0,bpa_list/* parseBpaList */.vH)(get('allow'), { input: 'allow', ignoreComma: false });
    for (const a of allow)
        if (!/^[a-z]+(\.[a-z-]+)*$/.test(a))
            throw new errors/* InputError */.dz(`input "allow": ${JSON.stringify(a)} is not an entitlement`, 'e.g. network.host or security.insecure (the builder must allow it too)');
    if (allow.length)
        opts.allow = allow;
    const cgroup = get('cgroup-parent').trim();
    if (cgroup) {
        if (/\s/.test(cgroup))
            throw new errors/* InputError */.dz(`input "cgroup-parent": ${JSON.stringify(cgroup)} holds a space`);
        opts.cgroupParent = cgroup;
    }
    const filters = (0,bpa_list/* parseBpaList */.vH)(get('no-cache-filters'), { input: 'no-cache-filters', ignoreComma: false });
    if (filters.length)
        opts.noCacheFilters = filters;
    const call = get('call').trim();
    if (call !== '' && call !== 'build')
        throw new errors/* InputError */.dz(`input "call": ${JSON.stringify(call)} makes buildx evaluate the Dockerfile instead of building the image, and this action pushes and smoke-tests the image`, `run "docker buildx build --call ${call.replace(/[^A-Za-z0-9=,._-]/g, '')}" in a step of its own (or leave call unset: build)`);
    return opts;
}
/** The exporters `outputs` may add: the action itself pushes (`tags`, `push`) or loads (`load`). */
const OUTPUT_TYPES = ['local', 'tar', 'oci', 'docker'];
/**
 * One `outputs` item checked: a bare path is `type=local,dest=PATH` (as buildx reads it). The
 * action always exports the image itself (pushed by digest for the merge, or loaded for the
 * smoke stage), so `outputs` adds a second exporter: image/registry (use `tags` and `push`),
 * docker without dest (use `load`), cacheonly and stdout (`-`, the log) cannot work and are refused.
 */
function checkOutput(item) {
    const spec = item.includes('=') ? item : `type=local,dest=${item}`;
    const refuse = (why, fix) => new errors/* InputError */.dz(`input "outputs": ${JSON.stringify(item)} ${why}`, fix);
    // As buildx reads it (specAttrs); a key given twice is refused: the check and buildx would read two specs.
    const { attrs, problem } = (0,bpa_list/* specAttrs */.Oz)(spec);
    if (problem !== undefined)
        throw refuse(problem, 'give each key once, on one line, e.g. type=local,dest=DIR');
    const type = attrs.get('type');
    const dest = attrs.get('dest');
    if (item === '-' || dest === '-')
        throw refuse('writes to stdout, which is the build log', 'give dest=FILE');
    if (type === undefined)
        throw refuse('has no type=', 'write type=local,dest=DIR (or tar, oci, docker)');
    if (type === 'image' || type === 'registry')
        throw refuse('pushes an image; the action pushes the built images itself', 'use the tags input with push: true (outputs takes local, tar, oci and docker with dest=)');
    if (type === 'cacheonly')
        throw refuse('exports nothing; the action always exports the image', 'drop it');
    if (type === 'docker' && dest === undefined)
        throw refuse('loads the image into the engine', 'use load: true (with push: false the images are always loaded)');
    if (!OUTPUT_TYPES.includes(type))
        throw refuse(`has an unknown type ${type}`, `use one of ${OUTPUT_TYPES.join(', ')}`);
    if (dest === undefined || dest === '')
        throw refuse('has no dest=', `write type=${type},dest=PATH`);
    return spec;
}
/**
 * `{variant}` and `{arch}` in an outputs, cache-from or cache-to spec replaced by the target's (a
 * gha scope or a registry cache ref of its own: one shared by all targets is overwritten by each).
 */
function specFor(spec, variant, arch) {
    return spec.replaceAll('{variant}', variant).replaceAll('{arch}', arch);
}
/**
 * The BuildRequest fields these inputs add for the target `variant`/`arch` (target.ts spreads
 * them into the request; buildx-args.ts turns them into argv).
 */
function requestFromOptions(o, variant, arch) {
    if (!o)
        return {};
    return {
        ...(o.secretFiles && { secretFiles: o.secretFiles }),
        ...(o.ssh && { ssh: o.ssh }),
        ...(o.buildContexts && { buildContexts: o.buildContexts }),
        ...(o.outputs && { outputs: o.outputs.map((s) => specFor(s, variant, arch)) }),
        ...(o.cacheFrom && { cacheFrom: o.cacheFrom.map((s) => specFor(s, variant, arch)) }),
        ...(o.cacheTo && { cacheTo: o.cacheTo.map((s) => specFor(s, variant, arch)) }),
        ...(o.attests && { attests: o.attests }),
        ...(o.addHosts && { addHosts: o.addHosts }),
        ...(o.shmSize !== undefined && { shmSize: o.shmSize }),
        ...(o.ulimits && { ulimits: o.ulimits }),
        ...(o.allow && { allow: o.allow }),
        ...(o.cgroupParent !== undefined && { cgroupParent: o.cgroupParent }),
        ...(o.noCacheFilters && { noCacheFilters: o.noCacheFilters }),
    };
}

// EXTERNAL MODULE: ./src/build/result.ts
var result = __webpack_require__(99183);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(64389);
// EXTERNAL MODULE: ./src/util/read-bounded.ts
var read_bounded = __webpack_require__(30790);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
// EXTERNAL MODULE: ./src/util/runner-env.ts
var runner_env = __webpack_require__(2426);
// EXTERNAL MODULE: ./src/requirements/credentials.ts + 1 modules
var credentials = __webpack_require__(53088);
// EXTERNAL MODULE: ./src/requirements/options.ts
var requirements_options = __webpack_require__(87818);
// EXTERNAL MODULE: ./src/requirements/parse.ts
var parse = __webpack_require__(39459);
;// CONCATENATED MODULE: ./src/requirements/quoted-credentials.ts
// Credentials in a requirements line as pip reads it: pip shlex-splits the options part of a line
// (break_args_options, then shlex.split: POSIX quotes and backslashes removed), so
// `-i "https"://user:p4ssw0rd@host/simple`, `-i https://user:p4ss"w0rd"@host/simple` and
// `-i https:/\/user:p4ssw0rd@host/simple` each give pip https://user:p4ssw0rd@host/simple, a URL
// the line as written does not show. Each word of the options part that pip reads otherwise than
// written is judged as pip reads it (literalCredentials), and masked so (redactUrls' wider rule),
// the spans found mapped back onto the line as written: the check and what a message shows both
// see what pip uses. Pure (the last line's words are kept for the next call on it).




/** A quote or a backslash: the characters pip's shlex split removes. */
const QUOTING = /["'\\]/;
/**
 * The words of the options part of TEXT, `at` in TEXT: as pip's shlex split reads them, or where
 * that fails (pip refuses the line; a message may still quote it) with every quote and backslash
 * dropped, split at white space.
 */
function optionWords(text) {
    const { options, start } = (0,parse/* breakArgsOptions */.dQ)(text);
    const split = (0,requirements_options/* shlexTokens */.P7)(options);
    const words = 'error' in split ? looseWords(options) : split.tokens;
    return words.map((w) => ({ value: w.value, at: w.at.map((i) => i + start) }));
}
/** TEXT's words with every quote and backslash dropped (where pip's shlex split fails). */
function looseWords(text) {
    const words = [];
    let cur;
    for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i])) {
            if (cur !== undefined)
                words.push(cur);
            cur = undefined;
        }
        else if (!QUOTING.test(text[i])) {
            cur ??= { value: '', at: [] };
            cur.value += text[i];
            cur.at.push(i);
        }
    }
    if (cur !== undefined)
        words.push(cur);
    return words;
}
/** The last line's Unquoted: the check and the masking of one line ask for it in turn. */
let last;
function unquoted(text) {
    if (last?.text === text)
        return last.unquoted;
    const values = [];
    const at = [];
    if (QUOTING.test(text))
        for (const w of optionWords(text)) {
            // Read as written (no quote or backslash inside it), unless pip's value holds what ends a URL
            // or a value in the rules as written (`"https://u:pw d@host"`: the space is the password's).
            if (w.value === text.slice(w.at[0], w.at.at(-1) + 1) && !/[\s"'`\\]/.test(w.value))
                continue;
            if (values.length > 0)
                at.push(-1);
            values.push(w.value.replace(/[\s"'`\\]/g, '_'));
            for (const i of w.at)
                at.push(i);
        }
    last = { text, unquoted: { joined: values.join(' '), at } };
    return last.unquoted;
}
/** The span of TEXT that [start, end) of U.joined came from (from its first character to its last). */
const spanOf = (u, start, end) => ({
    start: u.at[start],
    end: u.at[end - 1] + 1,
});
/**
 * The credentials written literally in a requirements line (literalCredentials; LIVE false: the
 * comment rule), as written and as pip reads its options part (quotes and backslashes removed), the
 * latter's spans in TEXT as written (from a credential's first character to its last, quotes
 * between included).
 */
function lineCredentials(text, live = true) {
    const found = (0,credentials/* literalCredentials */.m)(text, live);
    const u = unquoted(text);
    if (u.joined === '')
        return found;
    const seen = new Set(found.map((f) => `${f.start}:${f.end}`));
    for (const c of (0,credentials/* literalCredentials */.m)(u.joined, live)) {
        if (c.end <= c.start)
            continue;
        const span = spanOf(u, c.start, c.end);
        const key = `${span.start}:${span.end}`;
        if (!seen.has(key))
            found.push({ ...c, ...span });
        seen.add(key);
    }
    return found;
}
/**
 * The spans of TEXT (a requirements line as written) to mask beyond lineCredentials' where a line
 * is shown: in each word of its options part that pip reads otherwise than written, what redactUrls
 * (the log masking's wider rule: any password, a short one too) hides once quotes and backslashes are
 * removed, from the first part hidden to the last.
 */
function quotedWordSpans(text) {
    const u = unquoted(text);
    // A mask character no word holds (a line holding a control character is shown made visible).
    if (u.joined === '' || u.joined.includes('\u0000'))
        return u.joined === '' ? [] : [spanOf(u, 0, u.joined.length)];
    const masked = (0,redact/* redactUrls */.sK)(u.joined, '\u0000');
    if (masked === u.joined)
        return [];
    // No mask spans a space (the words hold none): word i of one is word i of the other.
    const spans = [];
    const words = u.joined.split(' ');
    let from = 0;
    masked.split(' ').forEach((m, i) => {
        const w = words[i];
        if (m !== w) {
            const start = m.indexOf('\u0000');
            const end = w.length - (m.length - 1 - m.lastIndexOf('\u0000'));
            spans.push(spanOf(u, from + Math.max(0, start), from + (end > start ? end : w.length)));
        }
        from += w.length + 1;
    });
    return spans;
}

;// CONCATENATED MODULE: ./src/requirements/credential-problems.ts
// The problems of credentials written in a requirements file (credentials.ts finds them): a line's
// or a comment's, each quoted with its values masked and cut to MAX_QUOTED_CHARS, with why and the
// fix; and how any problem of read.ts quotes a line (quotedLine, quotedWhy). Pure.
// No advice here holds an '@': every masker (redactUrls, maskBareLogins) would eat its example.



const LITERAL_WHY = "it would be copied into the image (the templates copy the build context, this file with it, into /app, and pip writes a direct URL, query and all, into *.dist-info/direct_url.json) and it is in your repository's history: revoke it";
const COMMENT_WHY = "pip ignores a comment, but the templates copy the build context, this file with it, into /app, and it is in your repository's history: revoke it";
const REFERENCE_WHY = 'pip fills in only ${NAME}, NAME of upper-case letters, digits and _, from its environment: it would send that text as written';
const IN_ITS_PLACE = "write a ${NAME} in its place (a login's password as user:${NAME}, a token used as the user name as ${NAME} alone, ?sig=${NAME}, /t/${NAME}/)";
const PASS_NAME = 'pass NAME with build.secrets, from which pip fills it in (docs/build.md, "Security: how secrets reach the build")';
const LITERAL_FIX = `${IN_ITS_PLACE} and ${PASS_NAME}`;
const COMMENT_FIX = `delete it from the comment, or ${IN_ITS_PLACE} and ${PASS_NAME}`;
/**
 * The fix of an error whose problems are credentials written in lines or comments: no '@' in it,
 * so no masker takes its examples for a login.
 */
const LITERAL_CREDENTIAL_FIX = `revoke each credential named; in a line, ${LITERAL_FIX}; in a comment, delete it`;
/** The fix of an error whose problems are references pip does not fill in ($TOKEN in a line). */
const REFERENCE_FIX = `for each reference named, ${LITERAL_FIX}`;
/** The fix of an error whose credential problems are of KINDS (undefined without one). */
function credentialFix(kinds) {
    const fixes = [
        ...(kinds.includes('secret') ? [LITERAL_CREDENTIAL_FIX] : []),
        ...(kinds.includes('reference') ? [REFERENCE_FIX] : []),
    ];
    return fixes.length > 0 ? fixes.join('; ') : undefined;
}
/** The most of a line a problem quotes; a longer one is cut (a 2 MB line is not quoted whole). */
const MAX_QUOTED_CHARS = 300;
/** TEXT cut to MAX_QUOTED_CHARS (not inside a surrogate pair), with a marker saying so. */
function clipped(text) {
    if (text.length <= MAX_QUOTED_CHARS)
        return text;
    const cut = /[\uD800-\uDBFF]/.test(text[MAX_QUOTED_CHARS - 1]) ? MAX_QUOTED_CHARS - 1 : MAX_QUOTED_CHARS;
    return `${text.slice(0, cut)}... (${text.length} characters, cut)`;
}
/**
 * TEXT (a requirements line as written) as it may be shown: each credential written literally in
 * it masked, as written and as pip reads its options part (lineCredentials: quotes and backslashes
 * removed, `-i "https"://user:pw@host`), and redactUrls over it, also where pip reads a URL its
 * quotes hide from it (quotedWordSpans). By default both rules judge it: the line's, and the
 * comment's (a line quoted whole may hold its comment, and a token there: `# HF_TOKEN=hf_...`).
 */
function maskLiteralCredentials(text, found = [
    ...lineCredentials(text),
    ...lineCredentials(text, false),
]) {
    let shown = '';
    let done = 0;
    for (const c of [...found, ...quotedWordSpans(text)].sort((a, b) => a.start - b.start)) {
        if (c.end <= done)
            continue; // inside one masked already
        shown += c.start < done ? '' : `${text.slice(done, c.start)}${redact/* MASK */.v5}`;
        done = c.end;
    }
    return (0,redact/* redactUrls */.sK)(shown + text.slice(done));
}
/**
 * TEXT (a requirements line as written, or part of one) as a problem quotes it: its credentials
 * masked (maskLiteralCredentials), then cut to MAX_QUOTED_CHARS.
 */
const quotedLine = (text, found) => clipped(maskLiteralCredentials(text, found));
/** A part quoted in a reason ("...") longer than MAX_QUOTED_CHARS. */
const LONG_QUOTE = new RegExp(`"([^"]{${MAX_QUOTED_CHARS + 1},})"`, 'g');
/**
 * WHY (a reason that may quote part of a line: `"..." is not a valid PEP 440 version`) as a
 * problem shows it: its credentials masked, each quoted part cut to MAX_QUOTED_CHARS.
 */
const quotedWhy = (why) => maskLiteralCredentials(why).replace(LONG_QUOTE, (_, q) => `"${clipped(q)}"`);
/**
 * The problem of a requirements line (TEXT as written, at ORIGIN "file:line") whose URLs hold a
 * credential written literally (literalCredentials), as written or as pip reads its options part
 * (lineCredentials: `-i "https"://user:pw@host`), or undefined; of a comment (TEXT from its '#')
 * with `comment`. The text is shown with each value found masked, and redactUrls over it, cut
 * to MAX_QUOTED_CHARS: no value found is in what is returned. A line whose only ones are references
 * pip does not fill in (`$TOKEN`) says to write `${NAME}`: nothing to revoke.
 */
function literalCredentialProblem(origin, text, comment = false) {
    // A line as pip reads it too (its options part shlex-split); a comment as written.
    const found = comment ? (0,credentials/* literalCredentials */.m)(text, false) : lineCredentials(text);
    if (found.length === 0)
        return undefined;
    const what = [...new Set(found.map((c) => c.what))].join(', ');
    const shown = quotedLine(text, found);
    if (comment)
        return {
            problem: `${origin}: "${shown}": a credential written in a comment, ${what}: ${COMMENT_WHY}; ${COMMENT_FIX}`,
            kind: 'secret',
        };
    if (found.every((c) => c.kind === 'reference'))
        return { problem: `${origin}: "${shown}": ${what}: ${REFERENCE_WHY}; ${LITERAL_FIX}`, kind: 'reference' };
    return {
        problem: `${origin}: "${shown}": a credential written in the line, ${what}: ${LITERAL_WHY}; ${LITERAL_FIX}`,
        kind: 'secret',
    };
}
/** Where a physical line's comment starts, by pip's rule (a '#' at its start or after white space). */
const COMMENT_START = /(?:^|[\t\n\r\f\v ])#/;
/**
 * The problems of the comments of a requirements file (TEXT, the file FILE as read): each
 * physical line whose comment (from its '#', as pip's rule finds one) holds a credential written
 * literally (literalCredentials' rule for a comment: in a URL, or a token of a known form
 * anywhere), named FILE:N. pip ignores comments, but the file, comments and all, is copied into
 * the image. A URL without a credential, a placeholder or a `$TOKEN`, in a comment, is fine.
 */
function commentCredentialProblems(file, text) {
    const problems = [];
    text.split(/\r?\n/).forEach((line, i) => {
        const m = COMMENT_START.exec(line);
        if (!m)
            return;
        const hash = m.index + m[0].length - 1;
        const problem = literalCredentialProblem(`${file}:${i + 1}`, line.slice(hash).trimEnd(), true);
        if (problem !== undefined)
            problems.push(problem);
    });
    return problems;
}

;// CONCATENATED MODULE: ./src/requirements/line-facts.ts
// What of the requirements depends on how the plan builds them, gathered line by line as read.ts
// reads them (plan-check.ts judges it against the variants): pip's hash-checking mode (a --hash on
// any requirement or constraint line, or --require-hashes), and the lines that name files of the
// repository (a relative --find-links, a requirement by a relative path), which the resolver's
// container and a template's pip step, run before the build context is copied in, lack. An absolute
// path or file: URL may name the base image's own files, where both pips run: left to pip.

/** A value still holding a ${NAME} (not set where it is checked): what pip fills in is not judged. */
const unfilled = (v) => v.includes('${');
/**
 * Whether a --find-links value is a relative path (`./wheels`, `wheels`) or a relative file: URL
 * (`file:wheels`, which pip reads from its working directory): one in the repository (pip ignores a
 * missing one). An absolute path or file: URL (`/opt/wheels`, `file:///opt/wheels`) may name a
 * directory of the base image, where the resolver's pip and the template's run: left to pip.
 */
const isRelativeFindLinks = (v) => !unfilled(v) &&
    (/^file:/i.test(v) ? !/^file:\//i.test(v) : !v.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(v));
/**
 * Whether a requirement's location is a relative path (`.`, `./x.whl`, `pkg/`, `x.tar.gz`): one in
 * the repository. An absolute path or URL may name a file of the base image, and pip fails loudly
 * where it is missing.
 */
const isRelativePath = (url) => !unfilled(url) && !url.startsWith('/') && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url);
/** The facts of lines read: line() each one as read.ts keeps it, then result(). */
function lineFacts() {
    const facts = { localFiles: [] };
    const hashing = (origin, option) => {
        facts.hashChecking ??= { origin, option };
    };
    return {
        line(l, origin) {
            if (l.kind === 'requirement') {
                if (l.hashed)
                    hashing(origin, '--hash');
                if (l.url !== undefined && isRelativePath(l.url))
                    facts.localFiles.push({ origin, line: quotedLine(l.text), kind: 'path' });
                return;
            }
            for (const o of l.options) {
                if (o.option === 'require-hashes')
                    hashing(origin, '--require-hashes');
                if (o.option === 'find-links' && o.value !== undefined && isRelativeFindLinks(o.value))
                    facts.localFiles.push({ origin, line: quotedLine(l.text), kind: 'find-links' });
            }
        },
        result: () => facts,
    };
}

;// CONCATENATED MODULE: ./src/requirements/decode.ts
// A requirements file's bytes as text, decoded as pip decodes it (pip's utils/encoding.py
// auto_decode, on a little-endian machine, as every build platform is): by a byte-order mark,
// in pip's order (UTF-8; then FF FE, UTF-16's own mark, before UTF-32 LE's FF FE 00 00, so pip reads
// a UTF-32 LE file as UTF-16 and fails: refused here, saying so; FE FF, UTF-16 BE; 00 00 FE FF,
// UTF-32 BE), else by a PEP 263 `coding:` comment on one of the first two lines, else as UTF-8 (the
// locale's encoding, UTF-8 in the resolver's container and the build). Windows PowerShell 5's
// `pip freeze > requirements.txt` writes UTF-16 LE with its mark. Bytes pip cannot decode are
// refused, as pip refuses them. Pure.
/** pip's ENCODING_RE: `coding:` or `coding=`, then the encoding's name. */
const CODING = /coding[:=][ \t\n\r\f\v]*([-\w.]+)/;
/**
 * Python's names (its codec modules and encodings.aliases) of the codecs read here: `coding: UTF-8`,
 * `latin-1`, `iso-8859-1`, `us-ascii` ... (normalized).
 */
const ALIASES = Object.fromEntries([
    ['utf_8', 'utf_8 utf8 u8 utf utf8_ucs2 utf8_ucs4 cp65001 utf_8_sig'],
    [
        'latin_1',
        'latin_1 latin1 latin l1 iso_8859_1 iso8859_1 iso_8859_1_1987 iso8859 8859 cp819 iso_ir_100 csisolatin1 ibm819',
    ],
    [
        'ascii',
        'ascii us_ascii us 646 ansi_x3.4_1968 ansi_x3.4_1986 ansi_x3_4_1968 cp367 csascii ibm367 iso646_us iso_646.irv_1991 iso_ir_6',
    ],
].flatMap(([codec, all]) => all.split(' ').map((n) => [n, codec])));
/** Python's normalize_encoding: lower case, each run of characters other than letters, digits and '.' one '_'. */
const normalized = (name) => name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '_')
    .replace(/^_+|_+$/g, '');
/** The codec a `coding:` NAME is read with here, as Python looks it up ('.' also as '_'). */
function codecOf(name) {
    const n = normalized(name);
    return ALIASES[n] ?? ALIASES[n.replace(/\./g, '_')];
}
const strict = (label, bytes) => new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
/** UTF-32 BE, strictly (a length not a multiple of 4, a surrogate or a value past U+10FFFF: none). */
function utf32be(bytes) {
    if (bytes.length % 4 !== 0)
        throw new TypeError('truncated data');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out = [];
    for (let i = 0; i < bytes.length; i += 4) {
        const cp = view.getUint32(i);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000))
            throw new TypeError(`code point ${cp} at byte ${i}`);
        out.push(String.fromCodePoint(cp));
    }
    return out.join('');
}
const startsWith = (data, bom) => bom.every((b, i) => data[i] === b);
const SAVE_UTF8 = 'save the file as UTF-8 (in PowerShell: Get-Content FILE | Set-Content -Encoding utf8 FILE)';
/** DATA decoded by its byte-order mark, as pip does; undefined without one. */
function byBom(data) {
    const rest = (n) => data.subarray(n);
    const decode = (what, f) => {
        try {
            return { text: f() };
        }
        catch {
            return {
                why: `starts with the ${what} byte-order mark but is not valid ${what}: pip cannot read it`,
                fix: SAVE_UTF8,
            };
        }
    };
    if (startsWith(data, [0xef, 0xbb, 0xbf]))
        return decode('UTF-8', () => strict('utf-8', rest(3)));
    if (startsWith(data, [0xff, 0xfe, 0, 0]))
        return {
            why: 'is UTF-32 LE (it starts with FF FE 00 00): pip takes FF FE for UTF-16 and reads it as that, every other character a U+0000, and fails',
            fix: SAVE_UTF8,
        };
    // pip's "utf-16" codec: after the mark, a second one (FF FE or FE FF) is read as one too.
    if (startsWith(data, [0xff, 0xfe]))
        return decode('UTF-16', () => {
            const r = rest(2);
            if (startsWith(r, [0xfe, 0xff]))
                return strict('utf-16be', r.subarray(2));
            return strict('utf-16le', startsWith(r, [0xff, 0xfe]) ? r.subarray(2) : r);
        });
    if (startsWith(data, [0xfe, 0xff]))
        return decode('UTF-16', () => strict('utf-16be', rest(2)));
    if (startsWith(data, [0, 0, 0xfe, 0xff]))
        return decode('UTF-32', () => utf32be(rest(4)));
    return undefined;
}
/** The encoding a `coding:` comment on one of DATA's first two lines names (pip's rule), if any. */
function codingLine(data) {
    let start = 0;
    for (let line = 1; line <= 2 && start <= data.length; line++) {
        let end = data.indexOf(0x0a, start);
        if (end < 0)
            end = data.length;
        // The line's bytes as Latin-1: one character a byte, as Python's bytes regex reads them.
        const text = Buffer.from(data.subarray(start, end)).toString('latin1');
        const m = text.startsWith('#') ? CODING.exec(text) : null;
        if (m)
            return { name: m[1], line };
        start = end + 1;
    }
    return undefined;
}
/**
 * A requirements file's bytes as pip reads them: by byte-order mark, else by a `coding:` comment
 * (UTF-8, Latin-1 or ASCII here; another is refused, saying so), else as UTF-8; bytes not valid in
 * that encoding are refused (pip fails on them), as is a UTF-32 LE file (pip misreads it).
 */
function decodeRequirements(data) {
    const bom = byBom(data);
    if (bom !== undefined)
        return bom;
    const coding = codingLine(data);
    const codec = coding === undefined ? 'utf_8' : codecOf(coding.name);
    if (codec === undefined)
        return {
            why: `declares its encoding "${coding.name}" on line ${coding.line} (a PEP 263 "coding:" comment, which pip honours): only UTF-8, Latin-1 and ASCII are read here`,
            fix: `${SAVE_UTF8} and make that comment say utf-8 (or drop it)`,
        };
    if (codec === 'latin_1')
        return { text: Buffer.from(data).toString('latin1') };
    const bad = codec === 'ascii' ? data.findIndex((b) => b > 0x7f) : -1;
    if (bad < 0)
        try {
            return { text: strict('utf-8', data) };
        }
        catch {
            // Below: where it fails.
        }
    const at = bad >= 0 ? bad : firstInvalidUtf8(data);
    const what = codec === 'ascii' ? 'ASCII (its coding: comment)' : 'UTF-8';
    return {
        why: `is not valid ${what}: byte 0x${data[at].toString(16).toUpperCase().padStart(2, '0')} at offset ${at} (pip cannot decode it)`,
        fix: codec === 'ascii' ? `${SAVE_UTF8} and make that comment say utf-8` : SAVE_UTF8,
    };
}
/**
 * The offset of the first byte of DATA where UTF-8 decoding fails (DATA is known not to decode: a
 * strict TextDecoder threw), by the WHATWG decoder's own rules. The config reader says it too.
 */
function firstInvalidUtf8(data) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);
    let bytes = 0;
    for (const ch of text) {
        const n = Buffer.byteLength(ch);
        // U+FFFD where the bytes are not EF BF BD (one written in the file): where decoding failed.
        if (ch === '\uFFFD' && !(data[bytes] === 0xef && data[bytes + 1] === 0xbf && data[bytes + 2] === 0xbd))
            return bytes;
        bytes += n;
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/requirements/read-file.ts
// Reading one requirements file at the door: a regular file, bounded in size, not under /proc,
// /sys or /dev (an include of /proc/self/environ would hand the process's environment to pip), and
// given a root (the workspace), inside it. Any other is exit 2 naming the file and who included it.
// Its bytes are decoded as pip decodes them (decode.ts: a byte-order mark, UTF-16 included, or a
// `coding:` comment, else UTF-8); a file pip cannot decode is exit 2 too.





/** Larger requirements files are refused: pip's own are kilobytes; this bounds every read. */
const MAX_REQUIREMENTS_BYTES = 5 * 1024 * 1024;
/** Where no requirements file is read from, whatever it looks like: the kernel's and devices' files. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev'];
/** Whether the path P lies in DIR (or is DIR): both absolute, compared as written. */
const isInside = (p, dir) => {
    const rel = external_node_path_default().relative(dir, p);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${(external_node_path_default()).sep}`) && !external_node_path_default().isAbsolute(rel));
};
/**
 * The real path of a requirements file, refused (exit 2) under /proc, /sys, /dev or outside root,
 * the error PLACED on the -r / -c line that includes it.
 */
function checkedRealPath(abs, where, root, placed) {
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(abs);
    }
    catch (e) {
        throw new errors/* InputError */.dz(`cannot read the requirements file ${abs}${where}: ${e.code ?? String(e)}`, 'check its permissions', placed);
    }
    // The path as written counts too: /dev/stdin resolves through /proc/self/fd to another file.
    const system = SYSTEM_DIRS.find((d) => isInside(abs, d) || isInside(real, d));
    if (system !== undefined)
        throw new errors/* InputError */.dz(`requirements file ${abs}${where} is under ${system}: system files are never read as requirements`, 'name a requirements file of your repository', placed);
    if (root === undefined)
        return real;
    let realRoot;
    try {
        realRoot = (0,external_node_fs_.realpathSync)(root);
    }
    catch (e) {
        throw new errors/* InputError */.dz(`the workspace ${root} cannot be resolved: ${e.code ?? String(e)}`);
    }
    if (!isInside(real, realRoot))
        throw new errors/* InputError */.dz(`requirements file ${abs}${where} is outside the workspace ${realRoot}${real === abs ? '' : ` (it resolves to ${real})`}`, 'keep requirements files, and every -r include, inside the repository', placed);
    return real;
}
/**
 * Read one requirements file: a regular file of at most MAX_REQUIREMENTS_BYTES, not under /proc,
 * /sys or /dev, and (given a root) inside root, decoded as pip decodes it (decodeRequirements),
 * else exit 2.
 */
function readRequirementsFile(abs, from, root) {
    const where = from ? ` (included from ${from})` : '';
    // An included file's problem is annotated on the line that includes it (FROM is "FILE:LINE").
    const placed = { location: (0,errors/* locationOf */.hD)(from) };
    let st;
    try {
        st = (0,external_node_fs_.statSync)(abs);
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw new errors/* InputError */.dz(`requirements file not found: ${abs}${where}`, 'check the path in python.requirements / --requirements', placed);
        throw new errors/* InputError */.dz(`cannot read the requirements file ${abs}${where}: ${code ?? String(e)}`, 'check its permissions', placed);
    }
    if (!st.isFile())
        throw new errors/* InputError */.dz(`requirements file ${abs}${where} ${(0,read_regular/* notRegularFile */.s5)(st)}`, 'name a requirements file (a text file of requirement lines)', placed);
    if (st.size > MAX_REQUIREMENTS_BYTES)
        throw new errors/* InputError */.dz(`requirements file ${abs}${where} is ${(st.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_REQUIREMENTS_BYTES / 1024 / 1024} MB limit`, 'a requirements file lists packages; split it or remove what is not a requirement', placed);
    const real = checkedRealPath(abs, where, root, placed);
    let data;
    try {
        data = (0,external_node_fs_.readFileSync)(real);
    }
    catch (e) {
        throw new errors/* InputError */.dz(`cannot read the requirements file ${abs}${where}: ${e.message}`, 'check its permissions', placed);
    }
    const decoded = decodeRequirements(data);
    if ('why' in decoded)
        throw new errors/* InputError */.dz(`requirements file ${abs}${where} ${decoded.why}`, decoded.fix, placed);
    return decoded.text;
}

;// CONCATENATED MODULE: ./src/requirements/read-problems.ts
// The problems a read of requirements files finds (read.ts), refused together: one per line, each
// naming its file and line, with the fix of their kind (the syntax, a credential written in a
// line, an include that cannot be read, a ${NAME} the caller refuses).



/** More invalid lines than this are counted, not listed. */
const MAX_LISTED_ERRORS = 20;
const FIX = 'fix that line: PEP 508 syntax such as "scikit-learn>=1.4,<2" or a pip option (https://pip.pypa.io/en/stable/reference/requirements-file-format/)';
/**
 * The problems of a read, and the kind of those that are credentials written in a line or a comment
 * (literalProblem adds one): those have their own fix (problemsError).
 */
function problemList() {
    const problems = [];
    const credentials = new Map();
    const others = new Map();
    const literalProblem = (p) => {
        credentials.set(p.problem, p.kind);
        problems.push(p.problem);
    };
    const otherProblem = (problem, fix, alone) => {
        others.set(problem, { fix, ...(alone !== undefined && { alone }) });
        problems.push(problem);
    };
    return { problems, credentials, others, literalProblem, otherProblem };
}
/**
 * An include that cannot be read (missing, not a regular file, outside the workspace ...) is a
 * problem of the line that names it, added by PROBLEM; the walk goes on with the other lines and
 * files (undefined: none of its lines). A file given, not included, is refused at once.
 */
function readIncluded(abs, from, root, problem) {
    if (from === undefined)
        return readRequirementsFile(abs, undefined, root);
    try {
        return readRequirementsFile(abs, from, root);
    }
    catch (e) {
        if (!(e instanceof errors/* InputError */.dz))
            throw e;
        problem(`${from}: ${e.message.replace(` (included from ${from})`, '')}`, e.fix, e);
        return undefined;
    }
}
/**
 * One problem per line (--json lists them in "problems"), each naming its file and line. The fix
 * is the credential one (credentialFix: revoke a secret, write ${NAME} for a reference) where every
 * problem is a credential written in a line or comment (CREDENTIALS), the syntax one followed by it
 * where some are, then the fixes of the OTHERS among them. An include that cannot be read, the
 * only problem, is its own error (placed on the line that names it), as it was before any list.
 */
function problemsError(files, found, credentials, others) {
    // Once each: a file named by both -r and -c is read (and checked) as both.
    const problems = [...new Set(found)];
    // An include that cannot be read, alone: its own error, on the line that names it.
    const alone = problems.length === 1 ? others.get(problems[0])?.alone : undefined;
    if (alone !== undefined)
        return alone;
    const listed = problems.slice(0, MAX_LISTED_ERRORS);
    const more = problems.length - listed.length;
    if (more > 0)
        listed.push(`... and ${more} more invalid lines (fix the ones above first)`);
    const kinds = problems.flatMap((p) => credentials.get(p) ?? []);
    const credentialsFix = credentialFix(kinds);
    const ownFixes = [...new Set(problems.flatMap((p) => others.get(p)?.fix ?? []))];
    const syntax = problems.some((p) => !credentials.has(p) && !others.has(p));
    const fixes = [
        ...(syntax ? [FIX] : []),
        ...(credentialsFix === undefined
            ? []
            : [
                syntax || ownFixes.length > 0
                    ? `a credential written in a line or comment: ${credentialsFix}`
                    : credentialsFix,
            ]),
        ...ownFixes,
    ];
    return new errors/* ConfigError */.xL(files.join(', '), listed, {
        ...(fixes.length > 0 && { fix: fixes.join('; ') }),
        count: problems.length,
        problemsNameFiles: true,
    });
}

;// CONCATENATED MODULE: ./src/requirements/read.ts
// Reading requirements files at the door: only regular files, bounded in size, -r includes inlined
// (relative to the including file, as pip does), include loops refused with the chain, every line
// parsed strictly (parse.ts). A local -c file is read as constraints: its lines reach pip through
// the constraints file of the resolver and the build (RequirementsText.constraints). Refused:
// an editable install whose URL carries a login or a ${NAME} (editableCredentialWhy); a line, or a
// comment (commentCredentialProblems: the file is copied into the image, comments and all), that
// holds a credential written literally, or a reference pip does not fill in ($TOKEN)
// (literalCredentialProblem, credential-problems.ts); a constraint pip refuses (constraintLineWhy).
// A problem quotes a line masked and cut (quotedLine). The result is one text for pip plus the
// "file:line" of each line. Each file is read as read-file.ts allows: none from /proc, /sys or
// /dev, nor, given a root (the workspace), from outside it.









/** The -c files' lines as the text of one constraints file for pip ('' without any). Pure. */
function constraintsFileText(constraints) {
    const text = constraints?.text ?? '';
    return text === '' ? '' : `${text}\n`;
}
const EXPANDED_INCLUDE = 'a -r/-c path holding a ${NAME} that is set is not supported: the file is read and checked here, before pip runs; write its path';
const FILE_URL_INCLUDE = "a -r/-c file: URL is not supported: pip would open it inside the resolver's container and the build, which do not have your files; name the file by a path relative to this file";
const MANY_INCLUDES = 'more than one -r/-c on a line: pip reads only one of them (the first -r, else the first -c) and drops the others, whose requirements would be missing from the image; write each -r/-c on a line of its own';
/** Why a line of a constraints file (-c) is refused: what pip itself refuses there, said before it runs. */
function constraintLineWhy(l) {
    if (l.kind !== 'requirement')
        return undefined;
    if (l.editable)
        return 'an editable (-e) line cannot be a constraint (pip refuses it): move it to a requirements file';
    const shown = shownLine(l);
    const name = l.expanded ? (shown?.kind === 'requirement' ? shown.name : undefined) : l.name;
    if (name === undefined)
        return 'a constraint must name its project (pip refuses unnamed constraints): write "name @ URL"';
    // PEP 508: extras follow the name at once.
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*\s*\[/.test(l.text))
        return 'a constraint cannot name extras (pip refuses it): drop the [...] part; the bound holds for the project whatever extras a requirement asks for';
    return undefined;
}
const isUrl = (p) => /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(p);
/**
 * Where requirements files may be on a GitHub runner: the workspace (a pull request's file naming
 * a path outside it, ~/.pypirc say, would have it read and quoted), or the config's own directory
 * when the config is not in the workspace. Anywhere elsewhere.
 */
function workspaceRoot(env, baseDir) {
    if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_WORKSPACE)
        return {};
    const ws = external_node_path_default().resolve(env.GITHUB_WORKSPACE);
    const base = external_node_path_default().resolve(baseDir);
    return { root: base === ws || base.startsWith(`${ws}${(external_node_path_default()).sep}`) ? ws : base };
}
/**
 * The environment a line is checked with: ${NAME} filled in as pip will, but never with one of the
 * runner's own variables (refused), nor, given `expandable` (build.secrets), with one not listed
 * there (refused by the caller): such a line is checked as written.
 */
function checkingEnv(env, expandable) {
    const may = (n) => !(0,runner_env/* isRunnerOwnVariable */.P)(n) && (expandable === undefined || expandable.includes(n));
    return Object.fromEntries(Object.entries(env).flatMap(([n, v]) => (v !== undefined && may(n) ? [[n, v]] : [])));
}
/** What a line shows: the line as written where ${NAME} was filled in (ParsedLine.written). */
const shownLine = (l) => (l.expanded ? l.written : l);
/**
 * Read and check requirements files (relative to baseDir) with their -r includes and -c files (the
 * latter's lines go to `constraints`; an editable URL with a login or a ${NAME}, a URL holding a
 * credential written literally, in a line or a comment, and a constraint pip refuses, are refused,
 * exit 2, naming their line). `opts.root`:
 * every file's real path must lie inside it (the workspace, in GitHub Actions), else exit 2.
 * `opts.expandable`: the only variables a line is checked with filled in (build.secrets; the caller
 * refuses the others, by `opts.refused`: each line naming one a problem). Every problem is listed
 * at once, an include that cannot be read among them (its file's lines unread). No message quotes
 * a line with a value filled in.
 */
function readRequirements(files, baseDir, env = process.env, opts = {}) {
    const checkEnv = checkingEnv(env, opts.expandable);
    const done = new Set();
    /** Every file read, once, in the order first read. */
    const read = new Set();
    const into = readInto();
    const refs = new Set();
    const { problems, credentials, others, literalProblem, otherProblem } = problemList();
    const reference = (name, origin) => {
        refs.add(name);
        const why = opts.refused?.why(name);
        if (why !== undefined)
            otherProblem(`${origin}: \${${name}} ${why}`, opts.refused.fix);
    };
    // chain: the files being read, outermost first, with the line that includes the next.
    // asConstraints: named by a -c line (a -r inside such a file is requirements again, as in pip).
    const visit = (abs, chain, asConstraints) => {
        const loopAt = chain.findIndex((c) => c.file === abs);
        if (loopAt >= 0) {
            const links = chain.slice(loopAt).map((c) => `${c.file}:${c.line}`);
            throw new errors/* InputError */.dz(`requirements include loop: ${[...links, abs].join(' -> ')}`, 'remove one of these -r/-c lines (a file cannot include itself, directly or through others)', 
            // On the line that closes the loop.
            { location: (0,errors/* locationOf */.hD)(links.at(-1)) });
        }
        // The same file reached through two parents: once is enough (once as each, requirements and
        // constraints: pip reads it as both then).
        const key = `${asConstraints ? 'c' : 'r'}:${abs}`;
        if (done.has(key))
            return;
        const parent = chain.at(-1);
        const from = parent ? `${parent.file}:${parent.line}` : undefined;
        const text = readIncluded(abs, from, opts.root, otherProblem);
        if (text === undefined)
            return;
        read.add(abs);
        const parsed = (0,parse/* parseRequirementsText */.XW)(text, checkEnv);
        // pip ignores comments, but the file, comments and all, is copied into the image.
        commentCredentialProblems(abs, text).forEach(literalProblem);
        const refused = checkLines(abs, parsed, reference, problems);
        for (const l of parsed.lines) {
            if (refused.has(l.line))
                continue;
            const origin = `${abs}:${l.line}`;
            const include = includeOf(l);
            const refusedWhy = (includeCount(l) > 1 && MANY_INCLUDES) ||
                (include && refusedInclude(include, l.expanded === true)) ||
                (asConstraints && constraintLineWhy(l));
            if (refusedWhy) {
                problems.push(`${origin}: "${quotedLine(l.text)}": ${refusedWhy}`);
                continue;
            }
            if (include && !isUrl(include.path)) {
                const next = [...chain, { file: abs, line: l.line }];
                // As pip: a -c file's lines are constraints, a -r file's requirements, wherever it is named.
                visit(external_node_path_default().resolve(external_node_path_default().dirname(abs), include.path), next, include.constraint);
                continue;
            }
            // As written: a ${NAME} is how a credential is passed, its value never judged here. An
            // editable line may be refused for both (a literal token to revoke, and -e to drop).
            const literal = literalCredentialProblem(origin, l.text);
            if (literal !== undefined)
                literalProblem(literal);
            const leak = editableLeak(l);
            if (leak !== undefined)
                problems.push(`${origin}: "${quotedLine(l.text)}": ${leak}`);
            if (literal !== undefined || leak !== undefined)
                continue;
            into.line(l, origin, asConstraints);
        }
        done.add(key);
    };
    for (const f of files)
        visit(external_node_path_default().resolve(baseDir, f), [], false);
    if (problems.length > 0)
        throw problemsError(files, problems, credentials, others);
    return { ...into.result(), envReferences: [...refs], files: [...read] };
}
/**
 * Where the lines read go: a requirement line of a constraints file, and a -c URL in one, to the
 * constraints; every other line to the requirements text (a -r URL is requirements wherever pip
 * reads it, and an option such as --index-url is global in pip, whichever file holds it).
 */
function readInto() {
    const out = [];
    const origins = [];
    const constraints = { lines: [], origins: [] };
    const requirements = [];
    const indexes = { extraIndexUrls: [] };
    const facts = lineFacts();
    return {
        line(l, origin, asConstraints) {
            facts.line(l, origin);
            if (asConstraints && (l.kind === 'requirement' || includeOf(l)?.constraint === true)) {
                constraints.lines.push(l.text);
                constraints.origins.push(origin);
                return;
            }
            out.push(l.text);
            origins.push(origin);
            const shown = shownLine(l);
            if (l.kind === 'requirement') {
                const url = shown?.kind === 'requirement' ? shown.url : undefined;
                // The name as written: a ${NAME} filled in is never a requirement's name here.
                const name = l.expanded ? (shown?.kind === 'requirement' ? shown.name : undefined) : l.name;
                requirements.push({
                    ...(name !== undefined && { name: (0,parse/* canonicalName */.Ew)(name) }),
                    ...(url !== undefined && { url }),
                    editable: l.editable,
                    origin,
                });
            }
            else if (shown?.kind === 'option') {
                for (const o of shown.options) {
                    if (o.option === 'index-url' && o.value)
                        indexes.indexUrl = o.value;
                    if (o.option === 'extra-index-url' && o.value)
                        indexes.extraIndexUrls.push(o.value);
                }
            }
        },
        result: () => ({
            text: out.join('\n'),
            origins,
            requirements,
            indexes,
            constraints: { text: constraints.lines.join('\n'), origins: constraints.origins },
            facts: facts.result(),
        }),
    };
}
/** Why a requirement line is refused for its editable URL (editableCredentialWhy), as written. */
function editableLeak(l) {
    if (l.kind !== 'requirement' || !l.editable)
        return undefined;
    const shown = shownLine(l);
    // A line that parses only once filled in holds a ${NAME}: its text is what is checked.
    return (0,credentials/* editableCredentialWhy */.S)((shown?.kind === 'requirement' ? shown.url : undefined) ?? l.text);
}
/**
 * Why an include line is refused; undefined for one that is kept: a remote URL (pip fetches it,
 * nothing is read here; a ${NAME} in it, a signed query say, is pip's to fill in) or a -r/-c file
 * (read here). A file: URL names a file neither the resolver's container nor the build has; a local
 * path holding a set ${NAME} would be quoted with its value (not found, outside the workspace).
 */
function refusedInclude(include, expanded) {
    if (/^file:/i.test(include.path))
        return FILE_URL_INCLUDE;
    if (isUrl(include.path))
        return undefined;
    return expanded ? EXPANDED_INCLUDE : undefined;
}
/**
 * The problems of one file's parsed lines, added to PROBLEMS, and its ${NAME} references to REFS.
 * The runner's own variables are refused first: a line naming one (checked without it filled in)
 * is not checked further; the lines returned.
 */
function checkLines(abs, parsed, reference, problems) {
    const refused = new Set();
    // What pip expands: the lines without their comments.
    for (const l of [...parsed.lines, ...parsed.errors].sort((a, b) => a.line - b.line))
        for (const r of (0,parse/* envReferences */.Q4)(l.text)) {
            if ((0,runner_env/* isRunnerOwnVariable */.P)(r)) {
                problems.push(`${abs}:${l.line}: \${${r}} ${runner_env/* RUNNER_OWN_VARIABLE */.X}`);
                refused.add(l.line);
            }
            else
                reference(r, `${abs}:${l.line}`);
        }
    for (const e of parsed.errors) {
        if (refused.has(e.line))
            continue;
        const what = e.text.startsWith('-') ? 'invalid option line' : 'invalid requirement';
        problems.push(`${abs}:${e.line}: ${what} "${quotedLine(e.text)}": ${quotedWhy(e.why)}`);
    }
    return refused;
}
/** How many -r/-c values an option line gives (pip follows one of them). */
const includeCount = (l) => l.kind === 'option'
    ? l.options.filter((o) => o.option === 'requirement' || o.option === 'constraint').length
    : 0;
function includeOf(l) {
    if (l.kind !== 'option')
        return undefined;
    const o = l.options.find((x) => x.option === 'requirement' || x.option === 'constraint');
    return o?.value !== undefined ? { path: o.value, constraint: o.option === 'constraint' } : undefined;
}

// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
;// CONCATENATED MODULE: ./src/config/yaml-lines.ts
// Where a config field is written: the line of ml-image.yml a problem's path points at, so an
// error reads "line 5: variants[0].cuda: ..." and the action's annotation lands on that line.

/** A node's or a key's first offset (a scalar key, a value, a list item). */
function startOf(node) {
    const range = node?.range;
    return Array.isArray(range) ? range[0] : undefined;
}
/** Whether KEY is a merge key (`<<`, unquoted): the yaml package reads it as a symbol. */
function isMergeKey(key) {
    return (0,dist/* isScalar */.jn)(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}
/** How deep merges into merges are followed (a merge of its own mapping would never end). */
const MAX_MERGE_DEPTH = 20;
/**
 * The pair of MAP whose key is SEG: its own, else the one a merge key brings in (`<<: *base`, or
 * a list of them: the first that has it), as the yaml package merges them.
 */
function pairOf(doc, map, seg, depth = 0) {
    const own = map.items.find((p) => keyText(p.key) === seg);
    if (own !== undefined || depth >= MAX_MERGE_DEPTH)
        return own;
    for (const merge of map.items.filter((p) => isMergeKey(p.key))) {
        const value = (0,dist/* isAlias */.Vj)(merge.value) ? merge.value.resolve(doc) : merge.value;
        for (const source of (0,dist/* isSeq */.oP)(value) ? value.items : [value]) {
            const resolved = (0,dist/* isAlias */.Vj)(source) ? source.resolve(doc) : source;
            const found = (0,dist/* isMap */.jh)(resolved) ? pairOf(doc, resolved, seg, depth + 1) : undefined;
            if (found !== undefined)
                return found;
        }
    }
    return undefined;
}
function keyText(key) {
    // A null key (`~:` or `:`) is the empty string in the parsed data, as the yaml package makes it.
    if ((0,dist/* isScalar */.jn)(key))
        return key.value === null ? '' : String(key.value);
    return typeof key === 'string' ? key : undefined;
}
/**
 * A locator for DOC: the line of the deepest part of a path the file holds. A mapping's field is
 * its key's line (a merged one's in the mapping it is merged from), a list's item the item's line. A path the file holds only in part (a required
 * field left out, a list the schema made from one string) is its nearest written parent; a path
 * whose first step is not in the file (a top-level field left out) has no line.
 */
function lineLocator(doc, lines) {
    return (path) => {
        let node = doc.contents;
        let offset;
        for (const seg of path) {
            if ((0,dist/* isAlias */.Vj)(node))
                node = node.resolve(doc);
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = pairOf(doc, node, String(seg));
                if (pair === undefined)
                    break;
                offset = startOf(pair.key) ?? offset;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number') {
                const item = node.items[seg];
                if (item === undefined)
                    break;
                offset = startOf(item) ?? offset;
                node = item;
            }
            else
                break;
        }
        return offset === undefined ? undefined : lines.linePos(offset).line;
    };
}

;// CONCATENATED MODULE: ./src/config/yaml-parse.ts
// YAML text to data for ml-image.yml: one document, merge keys (`<<: *base`) taken, every problem a
// ConfigError naming the file and the line (a syntax error, a second document, a duplicate key, an
// alias to no anchor, an alias or merge inside the node it names, a merge of no mapping); an alias
// bomb names the file.




/** YAML aliases allowed in one config ("billion laughs" expansion is refused past this). */
const MAX_YAML_ALIASES = 100;
/** Parse YAML text (see parseYamlDocument). */
function parseYaml(text, fileLabel) {
    return parseYamlDocument(text, fileLabel).data;
}
/** A node's first offset. */
const yaml_parse_startOf = (node) => node?.range?.[0];
/**
 * The problems of DOC's structure that the yaml package would throw at (or take) without a line,
 * in document order: a duplicate key, a list or mapping as a key, an alias to no anchor before it,
 * an alias inside the node it names (a cycle: `<<: *i` in the mapping &i), a merge key (`<<`)
 * whose value is no mapping, alias to one or list of them.
 */
function structureProblems(doc, at) {
    const problems = [];
    // An alias names the last anchor before it (in this visit's order, the yaml package's own).
    const anchors = new Map();
    const target = (node) => ((0,dist/* isAlias */.Vj)(node) ? anchors.get(node.source) : node);
    (0,dist/* visit */.YR)(doc, (_key, node, path) => {
        if ((0,dist/* isAlias */.Vj)(node)) {
            if (!anchors.has(node.source))
                problems.push(`${at(yaml_parse_startOf(node))}unknown alias *${node.source}: no anchor &${node.source} is set before it`);
            else if (path.includes(anchors.get(node.source)))
                problems.push(`${at(yaml_parse_startOf(node))}${cycleProblem(node, anchors.get(node.source), path)}`);
            return;
        }
        if (!(0,dist/* isPair */.tO)(node)) {
            const anchor = node?.anchor;
            if (anchor !== undefined)
                anchors.set(anchor, node);
            if ((0,dist/* isMap */.jh)(node))
                problems.push(...keyProblems(node.items, at));
            return;
        }
        if (!isMergeKey(node.key))
            return;
        const value = target(node.value);
        const sources = (0,dist/* isSeq */.oP)(value) ? value.items : [node.value];
        // An alias to no anchor is said above; anything else that is not a mapping is said here.
        if (sources.some((s) => !((0,dist/* isAlias */.Vj)(s) && !anchors.has(s.source)) && !(0,dist/* isMap */.jh)(target(s))))
            problems.push(`${at(yaml_parse_startOf(node.key))}a merge key (<<) takes a mapping, an alias to one (<<: *base) or a list of them`);
    });
    return problems;
}
/**
 * ALIAS (*NAME) inside the node TARGET it names (PATH: its ancestors), a cycle: as a merge
 * (`<<: *i` in the mapping anchored &i) the mapping would take its own keys, the yaml package
 * reading that as an alias bomb; as a value the data would hold itself.
 */
function cycleProblem(alias, target, path) {
    const name = alias.source;
    const what = (0,dist/* isSeq */.oP)(target) ? 'list' : 'mapping';
    // The merge key the alias is the value of, directly or in a list (`<<: [*a, *b]`).
    const parent = path.at(-1);
    const pair = (0,dist/* isSeq */.oP)(parent) ? path.at(-2) : parent;
    if ((0,dist/* isPair */.tO)(pair) && isMergeKey(pair.key) && pair.value === ((0,dist/* isSeq */.oP)(parent) ? parent : alias))
        return `<<: *${name} merges the ${what} it is in (anchored &${name}): a mapping cannot merge itself; merge another mapping, anchored outside it`;
    return `*${name} is inside the ${what} it names (anchored &${name}): a value cannot hold itself`;
}
/** Where the quoted scalar that runs to END unclosed starts (a MISSING_CHAR error's offset). */
function unclosedQuoteStart(doc, end) {
    let start;
    (0,dist/* visit */.YR)(doc, {
        Scalar(_key, node) {
            const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
            if (quoted && node.range?.[1] === end)
                start = node.range[0];
        },
    });
    return start;
}
/** A mapping's keys: each a name (no list or mapping), each once. */
function keyProblems(items, at) {
    const problems = [];
    const seen = new Set();
    for (const pair of items) {
        const k = pair.key;
        const id = k !== null && typeof k === 'object' && 'value' in k ? k.value : k;
        // A list or mapping as a key (`? [a, b]`): no config field is named so, and JavaScript
        // would turn it into its text with a warning on stderr. Refused here with its line.
        if (id !== null && typeof id === 'object') {
            problems.push(`${at(yaml_parse_startOf(k))}a key must be a name, not a list or mapping`);
            continue;
        }
        // Merge keys are each a symbol of their own: never a duplicate of another.
        if (seen.has(id))
            problems.push(`${at(yaml_parse_startOf(k))}duplicate key ${(0,util_text/* printable */.g$)(JSON.stringify(String(id)))} (map keys must be unique)`);
        seen.add(id);
    }
    return problems;
}
/**
 * TEXT with each lone carriage return (an old Mac's line end) made a line feed: YAML 1.2 breaks a
 * line at either (and reads a break inside a scalar as a line feed), the yaml package at "\n" and
 * "\r\n" only, and read the whole file as one line. The same length, so every offset, and the
 * lines counted (an editor's), stay right; "\r\n" is kept.
 */
const withLineFeeds = (text) => text.replace(/\r(?!\n)/g, '\n');
/**
 * Parse YAML text: the data, and where each field is written (`lineOf`). Syntax errors name the
 * file, line and column. Linear in the size of the text: duplicate keys are found with one Set per
 * mapping (the yaml package's own `uniqueKeys` check compares every pair, which made a 1 MB config
 * take most of a minute), and alias expansion is bounded (an alias bomb is a ConfigError naming
 * the file, not a crash). A merge key (`<<: *base`, YAML 1.1's) brings in the keys of the mapping
 * it names that the mapping it is in does not set itself.
 */
function parseYamlDocument(raw, fileLabel) {
    const text = withLineFeeds(raw);
    const lineCounter = new dist/* LineCounter */.HN();
    // resolveKnownTags: false: an explicit !!binary, !!timestamp, !!set ... stays the text it tags
    // (a config has strings, numbers, booleans, lists and mappings only), not a Buffer or a Date
    // whose methods the schema would list as unknown keys.
    const doc = (0,dist/* parseDocument */.Tp)(text, {
        prettyErrors: true,
        uniqueKeys: false,
        lineCounter,
        resolveKnownTags: false,
        merge: true,
    });
    const at = (offset) => {
        if (offset === undefined)
            return '';
        const pos = lineCounter.linePos(offset);
        return `line ${pos.line}, column ${pos.col}: `;
    };
    const problems = doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const where = pos ? `line ${pos.line}, column ${pos.col}: ` : '';
        // The yaml package's advice names its own API: say what to change in the file.
        if (e.code === 'MULTIPLE_DOCS')
            return `${where}the file holds more than one YAML document (---); give one`;
        // Its first line repeats the place ("... at line 5, column 1:"), said once here, first.
        const message = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        const opened = e.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, e.pos[0]) : undefined;
        // A quote never closed: where it opens, not where the parser gave up (the file's end, or a
        // later line it read as part of the value).
        if (opened !== undefined && /quote/.test(message)) {
            const upTo = pos ? ` (read on to line ${pos.line}, column ${pos.col})` : '';
            return `${at(opened)}${message}: the quoted value that opens here is not closed${upTo}`;
        }
        return `${where}${message}`;
    });
    problems.push(...structureProblems(doc, at));
    if (problems.length > 0)
        throw new errors/* ConfigError */.xL(`${fileLabel}: invalid YAML`, problems, { file: fileLabel });
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    }
    catch (e) {
        // Every alias has its anchor, none is inside the node it names, and every merge a mapping
        // (checked above): what is left is yaml's ReferenceError for "Excessive alias count", an alias
        // bomb.
        const msg = e.message.split('\n')[0] ?? String(e);
        throw new errors/* ConfigError */.xL(`${fileLabel}: invalid YAML`, [
            /alias/i.test(msg)
                ? `aliases expand too far (more than ${MAX_YAML_ALIASES} alias uses of one anchor, a "billion laughs" pattern): ${msg}`
                : msg,
        ], { file: fileLabel });
    }
    return { data: data ?? {}, lineOf: lineLocator(doc, lineCounter) };
}

// EXTERNAL MODULE: ./src/config/schema.ts + 2 modules
var schema = __webpack_require__(84040);
;// CONCATENATED MODULE: ./src/config/utf8.ts
// A config file's bytes as text: UTF-8 only, decoded strictly. Decoding with replacement would turn
// a byte that is not UTF-8 (a Latin-1 "é" saved by an old editor) into U+FFFD silently: an image
// name, a tag or a build argument would then differ from what the file seems to say.


/**
 * BYTES decoded as UTF-8 (a leading byte-order mark dropped); bytes that are not UTF-8 are an
 * InputError naming LABEL and the line and column (in characters) of the first of them.
 */
function decodeConfigText(bytes, label) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        const at = firstInvalidUtf8(bytes);
        const before = bytes.subarray(0, at);
        const lineStart = before.lastIndexOf(0x0a) + 1;
        const line = before.filter((b) => b === 0x0a).length + 1;
        const column = [...new TextDecoder('utf-8').decode(before.subarray(lineStart))].length + 1;
        throw new errors/* InputError */.dz(`${label}: line ${line}, column ${column}: byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} is not UTF-8; the config must be UTF-8 text`, SAVE_UTF8);
    }
}

;// CONCATENATED MODULE: ./src/config/variant-place.ts

/**
 * For each variant of the config (the override's list, in order), the index of the file's entry it
 * is (selected by name, as applyOverrides selects it: the last entry of that name), or undefined
 * for one the override made (shorthand the file does not list). Undefined without such an override.
 */
function fileVariantIndex(data, overrides) {
    const o = overrides.findLast((ov) => ov.path.length === 1 && ov.path[0] === 'variants');
    if (o === undefined || !Array.isArray(o.value))
        return undefined;
    const listed = data !== null && typeof data === 'object' && !Array.isArray(data)
        ? data.variants
        : undefined;
    const names = Array.isArray(listed) ? listed.map((entry) => (0,schema/* variantEntryName */.D3)(entry)) : [];
    return o.value.map((name) => {
        const j = typeof name === 'string' ? names.lastIndexOf(name) : -1;
        return j >= 0 ? j : undefined;
    });
}
/** PATH (the config's) as the file's: a selected variant's ['variants', i, ...] as ['variants', j, ...]. */
function pathInFile(p, index) {
    if (index === undefined || p[0] !== 'variants' || typeof p[1] !== 'number')
        return p;
    const j = index[p[1]];
    return j === undefined ? undefined : ['variants', j, ...p.slice(2)];
}
/**
 * PROBLEM (the plan's) with each `variants[i] (NAME)` and `(variants[i] NAME)` whose NAME the file
 * lists (FILE_VARIANTS) said by its index there. IN_FILE: whether the config's variants[i] is an
 * entry of the file (LoadedConfig.lineOf knows its line); one that is not (a file that lists no
 * variants: FILE_VARIANTS is then the default's) keeps the override list's index.
 */
function variantsAsInFile(problem, fileVariants, inFile = () => true) {
    if (fileVariants === undefined)
        return problem;
    const place = (i, name) => {
        const j = fileVariants.lastIndexOf(name);
        return j >= 0 && inFile(Number(i)) ? String(j) : i;
    };
    return problem
        .replace(/\bvariants\[(\d+)\] \(([^()\s]+)\)/g, (_m, i, n) => `variants[${place(i, n)}] (${n})`)
        .replace(/\(variants\[(\d+)\] ([^()\s]+)\)/g, (_m, i, n) => `(variants[${place(i, n)}] ${n})`);
}

;// CONCATENATED MODULE: ./src/config/workspace-file.ts
// The files the config names whose content is read and checked (smoke.baseline's floors), kept
// inside the workspace on a GitHub runner as requirements files are (src/requirements/read.ts): a
// pull request's config naming ~/.docker/config.json or another job's file would have it read, and
// a message saying what it holds. Anywhere else, anywhere. attest.key is not one: a private key
// belongs outside the repository, and its reader quotes nothing of a file that is no key.


/**
 * Why FILE (absolute) may not be read on a runner whose workspace is ROOT (workspaceRoot: the
 * workspace, or the config's own directory when the config is outside it), judged by where its
 * links lead; undefined when it may (no ROOT: not on a runner).
 */
function outsideWorkspace(file, root) {
    if (root === undefined)
        return undefined;
    const real = (0,read_regular/* realPathOrSelf */.rX)(file);
    const realRoot = (0,read_regular/* realPathOrSelf */.rX)(root);
    if (isInside(real, realRoot))
        return undefined;
    return `${real === file ? file : `${file} (a link to ${real})`} is outside the workspace ${realRoot}; on a runner the config names files of the repository only: put it in the repository`;
}

;// CONCATENATED MODULE: ./src/config/load.ts
// Read ml-image.yml, apply overrides (action inputs / CLI flags), validate, check referenced files.












// The YAML reading lives in yaml-parse.ts; its names are imported from here as before.

const DEFAULT_CONFIG_FILES = ['ml-image.yml', 'ml-image.yaml'];
/** What to do when no config file was found. */
const NO_FILE_FIX = 'create ml-image.yml (see docs/configuration.md), or pass --config PATH; in the action, check out the repository (actions/checkout) before this step, or pass the input "config"';
/** The largest config file read (a real ml-image.yml is a few KB). */
const MAX_CONFIG_BYTES = 256 * 1024;
/**
 * Read a config file: a regular file only (never /dev/zero, a FIFO, a directory: those would hang
 * or never end), at most MAX_CONFIG_BYTES, opened without blocking, UTF-8 (decodeConfigText).
 * Problems are InputErrors naming the path.
 */
function readConfigText(file, label = file) {
    let fd;
    try {
        // O_NONBLOCK: opening a FIFO with no writer returns at once instead of blocking forever.
        fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
    }
    catch (e) {
        const code = e.code;
        throw new errors/* InputError */.dz(`config file ${label}: cannot read (${code ?? e.message})`, code === 'ENOENT' ? 'pass --config PATH pointing at your ml-image.yml' : undefined);
    }
    try {
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile())
            throw new errors/* InputError */.dz(`config path ${label} ${(0,read_regular/* notRegularFile */.s5)(st)}`, 'pass --config PATH pointing at your ml-image.yml');
        if (st.size > MAX_CONFIG_BYTES)
            throw tooBig(label, st.size);
        // Read at most one byte past the limit: a file that grows while read is still bounded.
        const buf = (0,read_bounded/* readBounded */.C)(fd, Math.min(st.size, MAX_CONFIG_BYTES) + 1);
        if (buf.length > MAX_CONFIG_BYTES)
            throw tooBig(label, buf.length);
        return decodeConfigText(buf, label);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function tooBig(label, size) {
    return new errors/* InputError */.dz(`${label} is ${size} bytes; the limit is ${MAX_CONFIG_BYTES} bytes (${MAX_CONFIG_BYTES / 1024} KiB)`, 'an ml-image.yml is a few KB: move long lists (requirements, build args) into the files it names');
}
function setAt(target, p, value) {
    let cur = target;
    p.forEach((seg, i) => {
        if (i === p.length - 1) {
            cur[seg] = value;
            return;
        }
        const next = cur[seg];
        if (next === null || typeof next !== 'object')
            cur[seg] = {};
        cur = cur[seg];
    });
}
function applyOverrides(data, overrides) {
    if (overrides.length === 0)
        return data;
    const base = data !== null && typeof data === 'object' && !Array.isArray(data)
        ? structuredClone(data)
        : {};
    for (const o of overrides)
        setAt(base, o.path, selectVariants(base, o));
    return base;
}
/**
 * A variants override (the --variants flag, the variants input) names variants: a name the file's
 * list has selects that entry as written (a named base, a pinned torch), any other is shorthand
 * (cpu, cudaX.Y). Other overrides' values as given.
 */
function selectVariants(base, o) {
    if (o.path.length !== 1 || o.path[0] !== 'variants' || !Array.isArray(o.value))
        return o.value;
    const listed = Array.isArray(base.variants) ? base.variants : [];
    const byName = new Map(listed.map((entry) => [(0,schema/* variantEntryName */.D3)(entry), entry]));
    return o.value.map((name) => (typeof name === 'string' ? (byName.get(name) ?? name) : name));
}
/**
 * Where a field's value came from: the override (an action input, a CLI flag) that set it or one
 * of its parents, if any.
 */
function overrideSourceOf(overrides) {
    return (p) => {
        const shown = (0,issues/* formatPath */.jV)(p);
        const o = overrides.find((ov) => shown === (0,issues/* formatPath */.jV)(ov.path) ||
            shown.startsWith(`${(0,issues/* formatPath */.jV)(ov.path)}[`) ||
            shown.startsWith(`${(0,issues/* formatPath */.jV)(ov.path)}.`));
        return o?.source;
    };
}
/**
 * Validate already-parsed data. `label` names the source in errors (a file path or "inputs");
 * `lineOf` (from parseYamlDocument) puts the file's line first in each problem about a value
 * the file holds. `opts.noFile`: no config file was found (said first, with how to give one).
 */
function validateConfigData(data, label, overrides = [], lineOf, opts = {}) {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        throw new errors/* ConfigError */.xL(label, [
            `(top level): expected a mapping of settings, got ${Array.isArray(data) ? 'a list' : typeof data}`,
        ]);
    }
    const merged = applyOverrides(data, overrides);
    const result = schema/* ConfigFileSchema */.Kx.safeParse(merged);
    if (!result.success) {
        const sourceOf = overrideSourceOf(overrides);
        const problems = (0,issues/* formatIssues */.og)(result.error, merged, schema/* ConfigFileSchema */.Kx, {
            sourceOf,
            ...(lineOf && { lineOf }),
        });
        if (opts.noFile === undefined)
            throw new errors/* ConfigError */.xL(label, problems, { count: (0,issues/* problemCount */.bS)(problems) });
        throw new errors/* ConfigError */.xL(`${opts.noFile}; the flags or inputs given are not a whole config`, problems, {
            count: (0,issues/* problemCount */.bS)(problems),
            fix: NO_FILE_FIX,
        });
    }
    return (0,schema/* normalizeConfig */.I6)(result.data);
}
/**
 * Problems with files the config names, each naming the field and the path looked for (and,
 * with `lineOf`, the line of the file that names it first).
 */
function checkReferencedFiles(config, baseDir, origins = {}, workspace) {
    const problems = [];
    const push = (field, text) => problems.push((0,issues/* problemAt */.l4)(field, text, origins));
    const at = (p) => external_node_path_default().resolve(baseDir, p);
    /** What is wrong with P as a directory: missing, unreachable (a link loop), or not a directory. */
    const dirProblem = (p) => {
        const st = (0,read_regular/* statPath */.qW)(p);
        if (st === undefined)
            return `directory not found: ${p}`;
        if (typeof st === 'string')
            return `${p}: ${st}`;
        return st.isDirectory() ? undefined : `${p} is not a directory`;
    };
    /** What is wrong with P as an input file: missing, unreachable, or not a regular file. */
    const fileProblem = (p) => {
        const st = (0,read_regular/* statPath */.qW)(p);
        if (st === undefined)
            return `file not found: ${p}`;
        if (typeof st === 'string')
            return `${p}: ${st}`;
        return st.isFile() ? undefined : `${p} ${(0,read_regular/* notRegularFile */.s5)(st)}`;
    };
    // Judged by where they really are: buildx follows a link (a committed `ctx -> /` is the root).
    const context = at(config.build.context);
    const realContext = (0,read_regular/* realPathOrSelf */.rX)(context);
    const shown = realContext === context ? context : `${context} (a link to ${realContext})`;
    const repo = repositoryRootOf(baseDir);
    const realRepo = repo === undefined ? undefined : (0,read_regular/* realPathOrSelf */.rX)(repo);
    const outside = (p) => realRepo !== undefined && external_node_path_default().relative(realRepo, p).split((external_node_path_default()).sep)[0] === '..';
    if (realContext === external_node_path_default().parse(realContext).root)
        push(['build', 'context'], `${shown} is the filesystem root (it would send the whole disk to the builder); use the directory of your Dockerfile, e.g. "."`);
    else if (outside(realContext))
        push(['build', 'context'], `${shown} is outside the repository ${repo}; use a directory inside it`);
    else {
        const problem = dirProblem(context);
        if (problem !== undefined)
            push(['build', 'context'], problem);
    }
    if (config.build.dockerfile !== undefined) {
        const f = at(config.build.dockerfile);
        const problem = fileProblem(f);
        const real = (0,read_regular/* realPathOrSelf */.rX)(f);
        if (problem !== undefined)
            push(['build', 'dockerfile'], problem);
        else if (outside(real))
            push(['build', 'dockerfile'], `${real === f ? f : `${f} (a link to ${real})`} is outside the repository ${repo}; use a file inside it`);
    }
    config.python.requirements.forEach((r, i) => {
        const f = at(r);
        const problem = fileProblem(f);
        if (problem !== undefined)
            push(['python', 'requirements', i], problem);
    });
    // Read and checked later (the floors): on a runner only from the workspace. attest.key is read
    // wherever it is (src/attest/signing.ts checkKeyFile: a private key is no file of the repository).
    if (config.smoke.baseline !== undefined) {
        const f = at(config.smoke.baseline);
        const problem = outsideWorkspace(f, workspace) ?? fileProblem(f);
        if (problem !== undefined)
            push(['smoke', 'baseline'], problem);
    }
    return problems;
}
/** The nearest directory at or above `dir` holding .git (a checkout), if any. */
function repositoryRootOf(dir) {
    for (let d = external_node_path_default().resolve(dir);; d = external_node_path_default().dirname(d)) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(d, '.git')))
            return d;
        if (external_node_path_default().dirname(d) === d)
            return undefined;
    }
}
function findDefaultFile(cwd) {
    return DEFAULT_CONFIG_FILES.map((f) => external_node_path_default().join(cwd, f)).find((f) => (0,external_node_fs_.existsSync)(f));
}
/**
 * Load the config: the file (when given or found), then overrides, then validation.
 * With no file and no overrides it is an error: there is nothing to build.
 */
function loadConfig(opts = {}) {
    const cwd = opts.cwd ?? process.cwd();
    const overrides = opts.overrides ?? [];
    let file;
    if (opts.file !== undefined) {
        file = external_node_path_default().resolve(cwd, opts.file);
        // A link loop or a path that cannot be looked at is named as such, not as "not found".
        const st = (0,read_regular/* statPath */.qW)(file);
        if (st === undefined || typeof st === 'string') {
            throw new errors/* InputError */.dz(st === undefined ? `config file not found: ${file}` : `config file ${file}: ${st}`, 'pass --config PATH (or the action input "config") pointing at your ml-image.yml');
        }
    }
    else {
        file = findDefaultFile(cwd);
    }
    const noFile = `no config: neither ${DEFAULT_CONFIG_FILES.join(' nor ')} in ${cwd}`;
    if (file === undefined && overrides.length === 0)
        throw new errors/* InputError */.dz(noFile, NO_FILE_FIX);
    const rel = file ? external_node_path_default().relative(cwd, file) : '';
    const label = file ? (rel && !rel.startsWith('..') ? rel : file) : 'inputs';
    const parsed = file ? parseYamlDocument(readConfigText(file, label), label) : undefined;
    // A value an override set names its input, else the line of the file it is on; a variant the
    // variants override selected from the file (and what is in it), that entry's: the plan's problems
    // name it by its place in the file (variantsAsInFile).
    const variantIndex = parsed && fileVariantIndex(parsed.data, overrides);
    const sourceOf = overrideSourceOf(overrides);
    const lineOf = parsed &&
        ((p) => {
            const selected = p[0] === 'variants' && typeof p[1] === 'number' && variantIndex?.[p[1]] !== undefined;
            const inFile = selected || sourceOf(p) === undefined ? pathInFile(p, variantIndex) : undefined;
            return inFile && parsed.lineOf(inFile);
        });
    const config = validateConfigData(parsed?.data ?? {}, label, overrides, lineOf, {
        // Flags or inputs alone that are no whole config: most likely the file was not found (the
        // action's step before actions/checkout), which is said first.
        ...(file === undefined && { noFile }),
    });
    const baseDir = file ? external_node_path_default().dirname(file) : cwd;
    const { root: workspace } = opts.env ? workspaceRoot(opts.env, baseDir) : {};
    if (opts.checkFiles !== false) {
        const origins = { sourceOf, ...(lineOf && { lineOf }) };
        const problems = checkReferencedFiles(config, baseDir, origins, workspace);
        if (problems.length > 0)
            throw new errors/* ConfigError */.xL(label, problems);
    }
    const fileVariants = parsed && variantNamesOf(parsed.data);
    const filePlatforms = parsed && platformsOf(parsed.data);
    return {
        config,
        file,
        baseDir,
        ...(file !== undefined && { label }),
        ...(lineOf && { lineOf }),
        ...(fileVariants && { fileVariants }),
        ...(filePlatforms && { filePlatforms }),
        ...(workspace !== undefined && { workspace }),
    };
}
/** DATA's own top-level KEY, as written (undefined when DATA is not a mapping). */
function topLevel(data, key) {
    return data !== null && typeof data === 'object' && !Array.isArray(data)
        ? data[key]
        : undefined;
}
/** DATA's own platforms (the default when it lists none); undefined when they do not validate. */
function platformsOf(data) {
    const parsed = schema/* ConfigFileSchema */.Kx.shape.platforms.safeParse(topLevel(data, 'platforms'));
    return parsed.success ? [...parsed.data] : undefined;
}
/** The names of DATA's own variants as the schema names them (name, else cuda<version>, else cpu). */
function variantNamesOf(data) {
    const parsed = schema/* ConfigFileSchema */.Kx.shape.variants.safeParse(topLevel(data, 'variants'));
    return parsed.success
        ? parsed.data.map((v) => v.name ?? (v.cuda !== undefined ? `cuda${v.cuda}` : 'cpu'))
        : undefined;
}

// EXTERNAL MODULE: ./src/plan/schema.ts
var plan_schema = __webpack_require__(47684);
// EXTERNAL MODULE: ./src/results/results.ts + 3 modules
var results_results = __webpack_require__(4584);
// EXTERNAL MODULE: ./src/util/json-file.ts
var json_file = __webpack_require__(80019);
;// CONCATENATED MODULE: ./src/devcontainer/devcontainer.ts
// A Dev Container definition (https://containers.dev/implementors/json_reference/) for an image this
// tool built: the image by digest from build.json, its non-root user and cache directories from the
// env record, the GPU request for a CUDA variant, and the Jupyter / MLflow ports when the image has
// them. Pure: the caller reads build.json, plan.json and the record (through the results contract,
// src/results/, which parses each with its schema) and writes the file.



/**
 * Is TEXT a devcontainer.json that ml-image wrote (its name is "ml-image (VARIANT)")? Anything else
 * at the target is a person's file, which is never replaced without --force.
 */
function writtenByMlImage(text) {
    return /"name"\s*:\s*"ml-image \(/.test(text);
}
/** Where `ml-image devcontainer` writes by default (relative to the working directory). */
const DEVCONTAINER_FILE = '.devcontainer/devcontainer.json';
/** Named volumes (shared by every project that uses them) for the cache directories the image sets. */
const CACHE_VOLUMES = [
    { env: 'HF_HOME', volume: 'ml-image-hf-cache', label: 'Hugging Face' },
    { env: 'TORCH_HOME', volume: 'ml-image-torch-cache', label: 'torch' },
    { env: 'PIP_CACHE_DIR', volume: 'ml-image-pip-cache', label: 'pip' },
];
/** Ports forwarded when a distribution of the image provides the server (PEP 503 names). */
const SERVICE_PORTS = [
    {
        port: 8888,
        label: 'Jupyter',
        distributions: ['jupyter', 'jupyterlab', 'notebook', 'jupyter-server', 'nbclassic'],
    },
    { port: 5000, label: 'MLflow', distributions: ['mlflow'] },
];
/** /dev/shm for DataLoader workers and NCCL (Docker's default is 64 MB); a cap, not an allocation. */
const SHM_SIZE = '16g';
/**
 * The image of one variant of a build.json (`file` names it in errors). By digest: the merged
 * manifest list, else the pushed digest of a variant of one platform; several platforms not merged
 * have no digest that serves them all, even where one of them was pushed. Otherwise (push: false,
 * or only some platforms pushed) the local tag of a platform only loaded into the engine, for
 * `hostPlatform` (else the first), unpinned.
 */
function chooseImage(build, file, variant, hostPlatform = 'linux/amd64') {
    const v = pickVariant(build, file, variant);
    if (v.digest !== undefined)
        return {
            image: `${v.repository}@${v.digest}`,
            variant: v.variant,
            pinned: true,
            platforms: v.platforms.map((p) => p.platform),
        };
    const only = v.platforms.length === 1 ? v.platforms[0] : undefined;
    if (only !== undefined && (0,result/* isPushed */.Yx)(only))
        return {
            image: `${v.repository}@${only.digest}`,
            variant: v.variant,
            pinned: true,
            platforms: [only.platform],
        };
    // A local tag only of a platform not pushed: a pushed one's tag may be a registry tag other runs move.
    const local = v.platforms.filter((p) => p.localRef !== undefined && !(0,result/* isPushed */.Yx)(p));
    const chosen = local.find((p) => p.platform === hostPlatform) ?? local[0];
    if (chosen === undefined)
        throw new errors/* InputError */.dz(`${file}: variant ${v.variant}: no digest and no local tag (variants[].digest, variants[].platforms[].localRef)`, 'build with push enabled (or merge the per-platform digests) so the image can be pulled by digest');
    return { image: chosen.localRef, variant: v.variant, pinned: false, platforms: [chosen.platform] };
}
function pickVariant(build, file, variant) {
    const names = build.variants.map((v) => v.variant).join(', ') || '(none)';
    if (variant !== undefined) {
        const v = build.variants.find((x) => x.variant === variant);
        if (!v)
            throw new errors/* InputError */.dz(`--variant: no variant "${variant}" in ${file}; it has ${names}`);
        return v;
    }
    if (build.variants.length !== 1)
        throw new errors/* InputError */.dz(`${file}: variants: ${build.variants.length} variants (${names}): pick one with --variant`);
    return build.variants[0];
}
/**
 * A user as docker's USER takes it: a name or a number, optionally `:group`. Anything else (a
 * `${localEnv:...}` the image's USER carries) is left out of devcontainer.json: the devcontainer
 * CLI expands such variables in every string of it, with the host's environment.
 */
const USER_SPEC = /^[A-Za-z0-9_][A-Za-z0-9._-]*(?::[A-Za-z0-9_][A-Za-z0-9._-]*)?$/;
/**
 * The image's user when it is not root (USER app in the templates); undefined for root, unknown,
 * or no plain user spec (USER_SPEC: the container then runs as the image's USER anyway).
 */
function nonRootUser(record) {
    const user = record?.image.user.trim();
    if (!user || !USER_SPEC.test(user))
        return undefined;
    const name = user.split(':')[0];
    return name === 'root' || name === '0' ? undefined : user;
}
/** Whether the record says the image is a CUDA one (a CUDA runtime, or a CUDA build of torch). */
function recordIsCuda(record) {
    return Boolean(record?.cuda.runtime || record?.torch?.cuda);
}
/** The ports of SERVICE_PORTS whose distributions the record lists. */
function servicePorts(record) {
    const installed = new Set((record?.python.packages ?? []).map((p) => (0,parse/* canonicalName */.Ew)(p.name)));
    return SERVICE_PORTS.filter((s) => s.distributions.some((d) => installed.has(d))).map(({ port, label }) => ({ port, label }));
}
/**
 * A cache directory docker's --mount takes as a target: absolute; no comma, quote or control
 * character; and no `${` (the devcontainer CLI would expand `${localEnv:GITHUB_TOKEN}` in it with
 * the host's environment, into a path the image can read back from its mount table).
 */
const MOUNT_TARGET = /^\/(?:[^,"$\p{Cc}]|\$(?!\{))*$/u;
/** The devcontainer.json object for an image. */
function devcontainerJson(input) {
    const { record } = input;
    const user = nonRootUser(record);
    const env = record?.image.env ?? {};
    // Absolute paths that docker's --mount reads as written: it parses the spec as one CSV record,
    // so a comma would split it, a double quote fail it and a line break cut it short. pip's cache
    // only where pip uses it: PIP_NO_CACHE_DIR (set by the templates) turns it off for any value.
    const mounts = CACHE_VOLUMES.filter((c) => MOUNT_TARGET.test(env[c.env] ?? '') &&
        !(c.env === 'PIP_CACHE_DIR' && env.PIP_NO_CACHE_DIR !== undefined)).map((c) => `source=${c.volume},target=${env[c.env]},type=volume`);
    const ports = servicePorts(record);
    return {
        name: `ml-image (${input.variant})`,
        image: input.image,
        // The image's own user: the workspace and cache volumes are used as it, never as root.
        ...(user !== undefined && { remoteUser: user }),
        // The Dev Containers default, said: on Linux the CLI runs a copy of the image whose user has
        // the host user's UID, so it owns the bind-mounted workspace (a host UID other than the image
        // user's could not write it); the templates' cache directories are writable by any UID.
        updateRemoteUserUID: true,
        runArgs: [`--shm-size=${SHM_SIZE}`],
        // GPUs for a CUDA variant only: the CLI adds --gpus all where the host has them.
        ...(input.cuda && { hostRequirements: { gpu: true } }),
        mounts,
        ...(ports.length > 0 && {
            forwardPorts: ports.map((p) => p.port),
            portsAttributes: Object.fromEntries(ports.map((p) => [
                String(p.port),
                { label: p.label, onAutoForward: p.port === 8888 ? 'notify' : 'silent' },
            ])),
        }),
    };
}
/** The file's text: 2-space JSON with a trailing newline. */
function devcontainerText(json) {
    return `${JSON.stringify(json, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/devcontainer/from-results.ts
// The devcontainer of a result directory: build.json for the image, plan.json for the variant's
// CUDA-ness, env-<variant>-<arch>.json for its user, caches and servers, each read through the
// results contract (src/results/). `ml-image devcontainer` and the action's `devcontainer` output
// both write through here.







/**
 * linux/amd64 or linux/arm64 from Node's architecture: only a fallback for the engine's platform
 * (the CLI asks the engine; an x64 Node under Rosetta on Apple silicon says amd64 here).
 */
function hostPlatform(arch = process.arch) {
    return `linux/${arch === 'x64' ? 'amd64' : arch}`;
}
/** DIR/env-<variant>-<arch>.json: the host's platform first, else the first one there. */
function findRecord(results, dir, variant, platforms, host) {
    const order = [...platforms].sort((a, b) => Number(b === host) - Number(a === host));
    for (const platform of order) {
        const record = results.readEnv(variant, platform);
        if (record)
            return { record, file: external_node_path_default().join(dir, (0,results_results/* recordFile */.mR)('env', variant, platform)) };
    }
    return undefined;
}
/**
 * The devcontainer of one variant of result directory `dir` (`label` names it in errors); `host`:
 * the platform of the engine that opens it (its local tag, its record first), default Node's.
 */
function devcontainerFromResults(dir, variant, label = dir, host = hostPlatform()) {
    const buildFile = external_node_path_default().join(dir, results_results/* BUILD_FILE */.oS);
    if (!(0,external_node_fs_.existsSync)(buildFile))
        throw new errors/* InputError */.dz(`${label}: no ${results_results/* BUILD_FILE */.oS} in ${dir}`, 'write it with "ml-image build --out DIR" or "ml-image run --out DIR"');
    // The build's result directory, only read: build.json, plan.json and the records through their schemas.
    const results = (0,results_results/* openResultDir */.lR)(dir, label, { create: false });
    const chosen = chooseImage(results.readBuild({
        what: 'build result (--from)',
        fix: 'pass the --out directory of "ml-image build" or "ml-image run"',
    }), buildFile, variant, host);
    const plan = results.readPlan({ what: 'plan (--from)' });
    const planned = plan && (0,plan_schema/* variantFromPlan */.Hh)(plan, chosen.variant);
    const found = findRecord(results, dir, chosen.variant, chosen.platforms, host);
    const json = devcontainerJson({
        ...chosen,
        cuda: planned?.cuda ?? recordIsCuda(found?.record),
        ...(found && { record: found.record }),
    });
    return { json, text: devcontainerText(json), chosen, ...(found && { recordFile: found.file }) };
}
/** Where the action writes each variant's definition: RESULT_DIR/devcontainer/<variant>/devcontainer.json. */
const resultDevcontainerFile = (dir, variant) => external_node_path_default().join(dir, (0,results_results/* devcontainerFile */.n3)(variant));
/**
 * The action's `devcontainer` output: one definition per variant of `variants` whose image is
 * pinned by digest (a pushed build), written under the result directory; returns their paths.
 */
function writeResultDevcontainers(dir, variants, note = () => undefined) {
    const files = [];
    for (const variant of variants) {
        let dc;
        try {
            dc = devcontainerFromResults(dir, variant, 'result-dir');
        }
        catch (e) {
            // A variant without a digest a registry serves (not merged, several platforms) gets none; so
            // does one whose results cannot be read (a broken plan.json): the note says which and why.
            if (!(e instanceof errors/* InputError */.dz))
                throw e;
            note(`devcontainer ${variant}: none (${e.message})`);
            continue;
        }
        if (!dc.chosen.pinned)
            continue;
        const file = resultDevcontainerFile(dir, variant);
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(file), { recursive: true });
        (0,json_file/* writeFileAtomic */.Zf)(file, dc.text, `result-dir ${dir}`);
        files.push(file);
    }
    return files;
}

// EXTERNAL MODULE: ./src/docker/registry.ts
var docker_registry = __webpack_require__(98925);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(85015);
// EXTERNAL MODULE: ./src/util/pull-request-code.ts
var pull_request_code = __webpack_require__(23419);
;// CONCATENATED MODULE: ./src/plan/git-context.ts


/**
 * The commit time in ISO 8601, when TEXT is a time: one that is not (an odd event payload, a git
 * too old for %cI) is left out as if absent, never an "Invalid time value" failing the run.
 */
function withCommitTime(text) {
    const time = text ? new Date(text) : undefined;
    return time && !Number.isNaN(time.getTime()) ? { commitTime: time.toISOString() } : {};
}
/**
 * On a GitHub runner: GITHUB_SHA / GITHUB_REF / the event payload. CHECKED_OUT: the commit the
 * checkout holds, where the caller read it (a schedule run: see defaultBranchOf); it is then the
 * commit tags and labels name. A run that may build a pull request's code (an issue_comment
 * "/ok-to-test" run, a workflow_run after a pull request's: its GITHUB_REF is the default branch's)
 * is never the default branch's: no `latest`, `<variant>` or version tag for its image.
 */
function gitContextFromGitHubEnv(env, checkedOut) {
    if (env.GITHUB_ACTIONS !== 'true')
        return undefined;
    const event = (0,github_event/* readGitHubEventFile */.MZ)(env.GITHUB_EVENT_PATH);
    const pr = event.pull_request?.number;
    const defaultBranch = (0,github_event/* defaultBranchOf */.dV)(env, event, checkedOut);
    const ref = env.GITHUB_REF;
    // On pull_request events GITHUB_SHA is the merge commit; the head commit is what people see.
    const sha = event.pull_request?.head?.sha ?? checkedOut ?? env.GITHUB_SHA;
    return {
        ...(sha !== undefined && { sha }),
        ...(ref !== undefined && { ref }),
        isDefaultBranch: pr === undefined &&
            defaultBranch !== undefined &&
            ref === `refs/heads/${defaultBranch}` &&
            !(0,pull_request_code/* mayBuildPullRequestCode */.HE)(env, event) &&
            // A workflow_run run has the default branch's GITHUB_REF whatever the run it follows built:
            // only after one of the default branch (as the report's baseline, github-env.ts baselineOf).
            (env.GITHUB_EVENT_NAME !== 'workflow_run' || event.workflow_run?.head_branch === defaultBranch),
        ...(pr !== undefined && { prNumber: pr }),
        ...withCommitTime(event.head_commit?.timestamp),
        ...(env.GITHUB_SERVER_URL &&
            env.GITHUB_REPOSITORY && { repositoryUrl: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` }),
    };
}
/**
 * What a run reads of its checkout before the git context: the checked-out commit on a schedule
 * run only (the one event whose default branch comes from GITHUB_REF alone: see defaultBranchOf),
 * one git process; undefined elsewhere.
 */
async function scheduledCheckout(env, head) {
    return env.GITHUB_ACTIONS === 'true' && env.GITHUB_EVENT_NAME === 'schedule' ? head() : undefined;
}
/** Outside GitHub: the local checkout (no git, or not a repository: an empty context). */
async function gitContextFromCheckout(exec, cwd) {
    const git = async (...args) => {
        try {
            const r = await exec.run('git', args, { cwd });
            return r.exitCode === 0 ? r.stdout.trim() : undefined;
        }
        catch {
            return undefined;
        }
    };
    const sha = await git('rev-parse', 'HEAD');
    if (!sha)
        return {};
    // Independent reads: side by side (each is a process; on a busy runner they add up).
    const [commitTime, tag, branch, remote] = await Promise.all([
        git('show', '-s', '--format=%cI', 'HEAD'),
        git('describe', '--tags', '--exact-match', 'HEAD'),
        git('symbolic-ref', '--short', 'HEAD'),
        git('remote', 'get-url', 'origin'),
    ]);
    const repositoryUrl = remote
        ?.replace(/^git@([^:]+):/, 'https://$1/')
        .replace(/\.git$/, '')
        .replace(/^https:\/\/[^@/]+@/, 'https://'); // never keep credentials from a URL
    return {
        sha,
        ...withCommitTime(commitTime),
        ...(tag ? { ref: `refs/tags/${tag}` } : branch ? { ref: `refs/heads/${branch}` } : {}),
        ...(repositoryUrl?.startsWith('https://') && { repositoryUrl }),
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/build/builder-facts.ts
// What the build stage needs to know of the builder (its name, buildx version, driver, BuildKit
// version, its nodes' endpoints, the docker driver's image store): asked once per Docker adapter (a
// process), and kept between runs in the cache directory under a key made of everything that
// changes the answer without a command: the buildx plugin binaries (path, size, mtime), Docker's
// config.json and buildx's builder state (current builder, builder instances), the DOCKER_* /
// BUILDX_* variables, and, for the local engine, its socket and the daemon's pid file (both
// rewritten when the daemon restarts or is upgraded, as a switch of its image store needs). An
// entry also expires: a day for the local engine, ten minutes for a remote one or a builder whose
// driver is `remote` or `kubernetes` (their BuildKit can change without a local trace). A build
// that fails deletes the entry (forgetBuilder), so the next run asks buildx again.




const LOCAL_TTL_MS = 24 * 3600_000;
const REMOTE_TTL_MS = 10 * 60_000;
/** Drivers whose BuildKit runs elsewhere: their facts hold as long as a remote engine's. */
const REMOTE_DRIVERS = new Set(['remote', 'kubernetes']);
const ENV_KEYS = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'BUILDX_BUILDER', 'BUILDX_CONFIG'];
/** Where the docker CLI looks for plugins (after DOCKER_CONFIG/cli-plugins), in its order. */
const SYSTEM_PLUGIN_DIRS = [
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
];
const realFs = {
    stat: (f) => {
        try {
            const s = (0,external_node_fs_.statSync)(f);
            return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
        }
        catch {
            return '-';
        }
    },
    read: (f) => {
        try {
            return (0,external_node_fs_.readFileSync)(f, 'utf8');
        }
        catch {
            return '';
        }
    },
    list: (d) => {
        try {
            return (0,external_node_fs_.readdirSync)(d).sort();
        }
        catch {
            return [];
        }
    },
};
/** The cache key of the builder's facts and how long an entry holds (see the header). */
function builderFactsKey(env, name, fs = realFs) {
    const configDir = env.DOCKER_CONFIG ?? external_node_path_default().join(env.HOME ?? (0,external_node_os_.homedir)(), '.docker');
    const buildxDir = env.BUILDX_CONFIG ?? external_node_path_default().join(configDir, 'buildx');
    const instances = external_node_path_default().join(buildxDir, 'instances');
    const plugins = [external_node_path_default().join(configDir, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS].map((d) => fs.stat(external_node_path_default().join(d, 'docker-buildx')));
    const host = env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
    const config = fs.read(external_node_path_default().join(configDir, 'config.json'));
    const otherContext = (env.DOCKER_CONTEXT ?? '') !== '' || /"currentContext"\s*:\s*"(?!default")/.test(config);
    const local = host.startsWith('unix://') && !otherContext;
    const socket = host.slice('unix://'.length);
    const parts = [
        // The facts' shape: 2 holds the nodes' endpoints, 3 the builder's name, 4 the docker driver's
        // image store (containerdStore; older entries lack them).
        'facts=4',
        `name=${name ?? ''}`,
        ...ENV_KEYS.map((k) => `${k}=${env[k] ?? ''}`),
        `plugins=${plugins.join(',')}`,
        `config=${config}`,
        `current=${fs.read(external_node_path_default().join(buildxDir, 'current'))}`,
        `instances=${fs
            .list(instances)
            .map((i) => `${i}@${fs.stat(external_node_path_default().join(instances, i))}`)
            .join(',')}`,
        `socket=${local ? fs.stat(socket) : host}`,
        ...(local ? [`pid=${daemonPidStat(socket, fs)}`] : []),
    ];
    return {
        key: (0,external_node_crypto_.createHash)('sha256').update(parts.join('\n')).digest('hex').slice(0, 32),
        ttlMs: local ? LOCAL_TTL_MS : REMOTE_TTL_MS,
    };
}
/**
 * The daemon's pid file next to its socket (dockerd writes docker.pid in the socket's directory:
 * /var/run for the system daemon, $XDG_RUNTIME_DIR when rootless), else /var/run/docker.pid.
 */
function daemonPidStat(socket, fs) {
    const beside = fs.stat(external_node_path_default().join(external_node_path_default().dirname(socket), 'docker.pid'));
    return beside !== '-' ? beside : fs.stat('/var/run/docker.pid');
}
/** `buildx version` and `buildx inspect`, side by side. */
async function askBuildx(docker, name) {
    const [buildxVersion, inspect] = await Promise.all([
        docker.buildxVersion(),
        name !== undefined ? docker.buildxInspect(name) : docker.buildxInspect(),
    ]);
    return {
        buildxVersion,
        ...(inspect.name !== '' && { name: inspect.name }),
        driver: inspect.driver,
        ...(inspect.buildkitVersion !== undefined && { buildkitVersion: inspect.buildkitVersion }),
        ...(inspect.endpoints !== undefined && { endpoints: inspect.endpoints }),
        // As buildx tells it: dockerd's BuildKit worker has a snapshotter label only on the containerd store.
        ...(inspect.driver === 'docker' && inspect.snapshotter !== undefined && { containerdStore: true }),
    };
}
function readEntry(file, ttlMs, now) {
    try {
        const e = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        const endpoints = e.facts?.endpoints;
        const valid = typeof e.facts?.buildxVersion === 'string' &&
            typeof e.facts.driver === 'string' &&
            (e.facts.name === undefined || typeof e.facts.name === 'string') &&
            (e.facts.containerdStore === undefined || typeof e.facts.containerdStore === 'boolean') &&
            (endpoints === undefined ||
                (Array.isArray(endpoints) && endpoints.every((x) => typeof x === 'string')));
        if (!valid)
            return undefined;
        const holds = REMOTE_DRIVERS.has(e.facts.driver) ? Math.min(ttlMs, REMOTE_TTL_MS) : ttlMs;
        const fresh = typeof e.savedAt === 'number' && now - e.savedAt >= 0 && now - e.savedAt < holds;
        return fresh ? e.facts : undefined;
    }
    catch {
        return undefined;
    }
}
function writeEntry(file, entry) {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(file), { recursive: true });
        (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(entry));
        (0,external_node_fs_.renameSync)(tmp, file);
    }
    catch {
        // A cache that cannot be written is only slower next time; no half-written file stays in it.
        (0,external_node_fs_.rmSync)(tmp, { force: true });
    }
}
function entryFile(cache, name) {
    const at = builderFactsKey(cache.env, name, cache.fs);
    return { file: external_node_path_default().join(cache.dir, 'builders', `${at.key}.json`), ttlMs: at.ttlMs };
}
/** Per adapter (one per process, or per test): the facts of each builder name, asked once. */
const perAdapter = new WeakMap();
/**
 * The builder's facts: from this process's earlier answer, else the cache directory (when given),
 * else buildx (and then kept). Only a builder that reported its BuildKit version is kept on disk:
 * a docker-container builder that is not running yet reports none, and will after its first build.
 */
async function lookUpBuilder(docker, name, cache) {
    const memo = perAdapter.get(docker) ?? new Map();
    perAdapter.set(docker, memo);
    const known = memo.get(name ?? '');
    if (known)
        return { facts: await known, from: 'process' };
    const now = cache?.now ?? Date.now;
    const at = cache && entryFile(cache, name);
    const file = at?.file;
    const stored = at ? readEntry(at.file, at.ttlMs, now()) : undefined;
    const asked = stored ? Promise.resolve(stored) : askBuildx(docker, name);
    memo.set(name ?? '', asked);
    try {
        const facts = await asked;
        if (!stored && file && facts.buildkitVersion !== undefined)
            writeEntry(file, { savedAt: now(), facts });
        return { facts, from: stored ? 'disk' : 'asked' };
    }
    catch (e) {
        memo.delete(name ?? '');
        throw e;
    }
}
/**
 * After a failed build: the builder's facts are forgotten (this process's answer and the entry in
 * the cache directory), so the next run asks buildx again, in case they were what went wrong.
 */
function forgetBuilder(docker, name, cache) {
    perAdapter.get(docker)?.delete(name ?? '');
    if (!cache)
        return;
    try {
        (0,external_node_fs_.rmSync)(entryFile(cache, name).file, { force: true });
    }
    catch {
        // Nothing to forget.
    }
}

// EXTERNAL MODULE: ./src/config/secret-id.ts
var secret_id = __webpack_require__(92916);
// EXTERNAL MODULE: ./src/util/pip-index-url.ts
var pip_index_url = __webpack_require__(72752);
;// CONCATENATED MODULE: ./src/python/netrc.ts
// Index logins reach pip through a netrc file, the URLs without them: pip copies every index URL,
// login included, onto the command line of the pip it starts to build a source distribution
// (build isolation: `pip install ... -i URL --extra-index-url URL -- BACKEND`, pip's
// build_env.py), and any local user reads a process's command line (/proc/PID/cmdline). pip sends
// the login for a URL's host from the netrc file NETRC names (its vendored requests >= 2.25, pip
// >= 20.3: network/auth.py _get_new_credentials -> get_netrc_auth), which looks the host up
// without its port. A login stays in its URL (as before) where a netrc file cannot carry it for
// every Python: two different logins on one host, a login without a password (Python before 3.11
// refuses the whole file), or one with characters whose meaning differs between Python's netrc
// parsers (whitespace, a backslash, a leading double quote, anything not printable ASCII).
/** A netrc word every Python's netrc module reads as written (checked with 3.6 to 3.13). */
const PORTABLE = /^(?!")[\x21-\x5b\x5d-\x7e]+$/;
/** As Python's urllib.parse.unquote, where that agrees with decodeURIComponent; else undefined. */
function unquote(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return undefined;
    }
}
/** An http(s) URL with a login, split as pip splits it (split_auth_from_netloc); else undefined. */
function netrc_parse(url) {
    const m = /^(https?:\/\/)([^/?#]*)(.*)$/is.exec(url);
    if (!m)
        return undefined;
    const [, scheme, authority, rest] = m;
    const at = authority.lastIndexOf('@');
    if (at < 0)
        return undefined;
    const hostPort = authority.slice(at + 1);
    // requests' get_netrc_auth: the netloc up to its first ':' of the URL as requests prepared it,
    // whose host urllib3 has lowercased (netrc's lookup is exact). An IPv6 literal has no such host:
    // its login stays in its URL (unportable).
    const host = hostPort.startsWith('[') ? hostPort.replace(/\].*$/s, ']') : (hostPort.split(':')[0] ?? '');
    if (host === '')
        return undefined;
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = unquote(colon < 0 ? userinfo : userinfo.slice(0, colon));
    const password = colon < 0 ? undefined : unquote(userinfo.slice(colon + 1));
    return { url, bare: `${scheme}${hostPort}${rest}`, host: host.toLowerCase(), user, password };
}
/** Why a login cannot go into a netrc file, or undefined when it can. */
function unportable(p) {
    if (p.host.startsWith('['))
        return 'an IPv6 address (requests looks a login up in the netrc file by the text before the first ":", a part of the address)';
    if (p.password === undefined || p.password === '')
        return 'a login without a password (give user:password; Python before 3.11 cannot read such a netrc entry)';
    if (p.user === undefined || !PORTABLE.test(p.user) || !PORTABLE.test(p.password) || !PORTABLE.test(p.host))
        return 'a login with characters a netrc file does not carry alike for every Python';
    return undefined;
}
/**
 * The logins of URLS moved into a netrc file: one entry per host, the URLs without their login.
 * A host whose URLs carry different logins, or a login a netrc file cannot carry (unportable),
 * keeps its logins in its URLs. Pure.
 */
function splitNetrc(urls) {
    const byHost = new Map();
    for (const u of urls) {
        const p = netrc_parse(u);
        if (p)
            byHost.set(p.host, [...(byHost.get(p.host) ?? []), p]);
    }
    const moved = new Map();
    const lines = [];
    const kept = [];
    for (const [host, ps] of byHost) {
        const logins = new Set(ps.map((p) => JSON.stringify([p.user, p.password])));
        const first = ps[0];
        const why = logins.size > 1 ? 'different logins on one host (a netrc file holds one per host)' : unportable(first);
        if (why !== undefined) {
            kept.push({ host, why });
            continue;
        }
        lines.push(`machine ${host} login ${first.user ?? ''} password ${first.password ?? ''}\n`);
        for (const p of ps)
            moved.set(p.url, p.bare);
    }
    return { urls: urls.map((u) => moved.get(u) ?? u), netrc: lines.join(''), kept };
}

;// CONCATENATED MODULE: ./src/python/indexes.ts
// Where pip looks for packages, for the resolver and the build alike: the config's python.indexUrl
// and python.extraIndexUrls, else the environment's PIP_INDEX_URL / PIP_EXTRA_INDEX_URL (as pip
// itself would read them). These URLs often carry credentials (https://user:TOKEN@host/simple), so
// they reach pip only through its environment or a pip.conf file (a BuildKit secret mount in the
// build), never a command line or a build argument, and their logins through a netrc file
// (netrcIndexes): pip itself copies the URLs onto the command line of the pip it starts to build a
// source distribution. Anything shown goes through redactUrls.




/** pip's default index. */
const PYPI_SIMPLE = 'https://pypi.org/simple';
/** Throws an InputError (exit 2) naming WHERE the URL came from, shown as shownUrl shows it. */
function check(url, where) {
    const problem = (0,pip_index_url/* indexUrlProblem */.X)(url);
    if (problem !== undefined)
        throw new errors/* InputError */.dz(`${where}: ${problem} (got ${JSON.stringify((0,redact/* shownUrl */.zA)(url))})`, 'give a simple index URL, e.g. https://pypi.org/simple');
}
/**
 * The indexes pip is given, unchecked: the given ones, else PIP_INDEX_URL / PIP_EXTRA_INDEX_URL
 * (for masking their credentials wherever they might be printed; pipIndexes to use them).
 */
function givenPipIndexes(python, env = {}) {
    const indexUrl = python.indexUrl ?? (env.PIP_INDEX_URL?.trim() || undefined);
    const extra = python.extraIndexUrls && python.extraIndexUrls.length > 0
        ? [...python.extraIndexUrls]
        : (env.PIP_EXTRA_INDEX_URL ?? '').split(/\s+/).filter(Boolean);
    return { ...(indexUrl !== undefined && { indexUrl }), extraIndexUrls: extra };
}
/**
 * The indexes pip uses (givenPipIndexes), each checked (indexUrlProblem): a bad one is an
 * InputError naming its source, NAMES for the given ones (the config's fields, or a command's
 * flags), the variable for the environment's.
 */
function pipIndexes(python, env = {}, names = {
    indexUrl: 'python.indexUrl',
    extraIndexUrls: 'python.extraIndexUrls',
}) {
    const ix = givenPipIndexes(python, env);
    if (ix.indexUrl !== undefined)
        check(ix.indexUrl, python.indexUrl !== undefined ? names.indexUrl : 'PIP_INDEX_URL (environment)');
    const extraGiven = (python.extraIndexUrls?.length ?? 0) > 0;
    for (const u of ix.extraIndexUrls)
        check(u, extraGiven ? names.extraIndexUrls : 'PIP_EXTRA_INDEX_URL (environment)');
    return ix;
}
/** The environment that points pip at the indexes (for `docker exec` env, never argv). */
function pipIndexEnv(ix) {
    return {
        ...(ix.indexUrl !== undefined && { PIP_INDEX_URL: ix.indexUrl }),
        ...(ix.extraIndexUrls.length > 0 && { PIP_EXTRA_INDEX_URL: ix.extraIndexUrls.join(' ') }),
    };
}
/** A pip configuration file with the indexes (pip reads it from PIP_CONFIG_FILE). */
function pipConf(ix) {
    const lines = ['[global]'];
    if (ix.indexUrl !== undefined)
        lines.push(`index-url = ${ix.indexUrl}`);
    if (ix.extraIndexUrls.length > 0) {
        lines.push('extra-index-url =', ...ix.extraIndexUrls.map((u) => `    ${u}`));
    }
    return `${lines.join('\n')}\n`;
}
/**
 * IX and the torch index (TORCH, when given) without the logins a netrc file carries, and that
 * file's text: what pip is given in the resolver and the build alike. Pure.
 */
function netrcIndexes(ix, torch) {
    const head = ix.indexUrl !== undefined ? [ix.indexUrl] : [];
    const s = splitNetrc([...head, ...ix.extraIndexUrls, ...(torch !== undefined ? [torch] : [])]);
    const urls = [...s.urls];
    const indexUrl = head.length > 0 ? urls.shift() : undefined;
    const torchIndexUrl = torch !== undefined ? urls.pop() : undefined;
    return {
        indexes: { ...(indexUrl !== undefined && { indexUrl }), extraIndexUrls: urls },
        ...(torchIndexUrl !== undefined && { torchIndexUrl }),
        netrc: s.netrc,
        kept: s.kept,
    };
}
/** Hosts warned of (warnKeptLogins): once per process, for the resolver and the build together. */
const warnedHosts = new Set();
/**
 * A warning for each host whose logins stay in the index URLs (netrcIndexes' kept), through SAY,
 * once per host and process.
 */
function warnKeptLogins(kept, say) {
    for (const k of kept) {
        if (warnedHosts.has(k.host))
            continue;
        warnedHosts.add(k.host);
        say(`warning: index host ${k.host}: ${k.why}: its login stays in the index URL, which pip puts on the command line of the pip it starts to build a source distribution (readable by local users)`);
    }
}
/** The indexes with URL as one more extra index, unless pip already lists it (or URL is undefined). */
function withExtraIndex(ix, url) {
    if (url === undefined || ix.indexUrl === url || ix.extraIndexUrls.includes(url))
        return ix;
    return { ...ix, extraIndexUrls: [...ix.extraIndexUrls, url] };
}
/** The indexes as shown to people: userinfo masked. */
function describeIndexes(ix) {
    return [ix.indexUrl ?? PYPI_SIMPLE, ...ix.extraIndexUrls].map((u) => (0,redact/* redactUrls */.sK)(u)).join(', ');
}
/**
 * Masks a line of pip's or the build's output: URL userinfo masked and any build.secrets value or
 * index credential (of the pip indexes and the torch index, decoded and as written in the URL)
 * replaced, as a runner masks registered secrets. pip prints the URLs it fetched, a token in a query
 * string included: redactUrls knows the usual names (`?sig=`, `?token=`), the values catch the rest.
 */
function outputMasker(secretEnv, indexes, torchIndexUrls = []) {
    const urls = [indexes.indexUrl ?? '', ...indexes.extraIndexUrls, ...torchIndexUrls];
    const masks = (0,redact/* valueMasks */.xJ)([
        ...Object.values(secretEnv),
        ...urls.flatMap((u) => [(0,redact/* urlSecret */.mz)(u), (0,redact/* urlSecret */.mz)(u, 'raw')]),
    ]);
    // The values first: a declared secret is masked whole (`?${SAS}` -> `?***`), then the URL rules.
    return (text) => (0,redact/* redactUrls */.sK)(masks.reduce((t, m) => t.split(m).join('***'), text));
}

;// CONCATENATED MODULE: ./src/build/inputs.ts
// What pip inside the build needs: requirements, constraints, index URLs (often with credentials)
// and build.secrets reach the build only as BuildKit secret mounts of 0600 files in a 0700 temp
// directory, never as build arguments (which the image history keeps for anyone who can pull it,
// and which hit E2BIG when large). Their digest, without credentials, is the cache key.







/**
 * The secret ids the templates mount (`RUN --mount=type=secret,id=...`) at /run/secrets/<id>: one
 * list with the config's, which refuses them as build.secrets ids.
 */
const BUILD_SECRET_IDS = secret_id/* TOOL_SECRET_IDS */.bn;
/** Build argument carrying the digest of the secret inputs: secret mounts are not in the cache key. */
const INPUTS_DIGEST_ARG = 'ML_IMAGE_INPUTS_SHA256';
/** Plan build args that travel as secrets instead (the torch index URL may carry credentials). */
const SECRET_PLAN_ARGS = new Set(['TORCH_INDEX_URL']);
/** Index variables that the pip.conf secret carries (config first, else the environment). */
const INDEX_ENV = new Set(['PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL']);
/** The plan's build args that may be build arguments (those that travel as secrets removed). */
function publicPlanArgs(args) {
    return Object.fromEntries(Object.entries(args).filter(([k]) => !SECRET_PLAN_ARGS.has(k)));
}
/** build.secrets by name -> value from the environment; each must be set. */
function secretEnvFrom(secrets, env) {
    const out = {};
    for (const id of secrets) {
        const value = env[id];
        if (value === undefined) {
            throw new errors/* InputError */.dz(`build.secrets: ${id} is not set in the environment`, `export ${id} (or pass it from a repository secret) before building`);
        }
        out[id] = value;
    }
    return out;
}
/** A POSIX shell single-quoted word: safe for any value (newlines, quotes, $, backticks). */
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** `export NAME='value'` lines the templates' install step sources (build.secrets inside pip's RUN). */
/**
 * Names the install step itself uses, or that would change how its shell runs: never exported
 * from build.secrets (they still reach a user's own Dockerfile as `--secret id=NAME`).
 */
const RESERVED_ENV = new Set([
    's',
    'c',
    'ti',
    'PATH',
    'IFS',
    'HOME',
    'SHELL',
    'ENV',
    'PS4',
    'TORCH_VERSION',
    'ML_IMAGE_CUDA',
]);
function secretEnvScript(env) {
    return (Object.entries(env)
        .filter(([name]) => !INDEX_ENV.has(name) && !RESERVED_ENV.has(name))
        // An id that is no shell variable name (pip-token) is mounted by id only, never exported.
        .filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
        .join(''));
}
/**
 * The indexes and the torch index the build's pip is given, their logins in a netrc file (the
 * ml_image_netrc secret, which the templates name in NETRC), as in the resolver (runIndexes).
 */
function buildIndexes(i) {
    return netrcIndexes(i.indexes, i.torchIndexUrl);
}
/**
 * The pip.conf of both pip steps (torch, then the requirements): the configured indexes, and the
 * torch index as one more extra index where the build installs torch, as every resolver dry run
 * sees them (pipRunEnv, torchIndexArgs; the templates' requirements step also names it in a file
 * after the requirements, as the dry runs do): torch==V takes its +cpu / +cuXYZ wheel from it,
 * torch's own dependencies come from where the resolver found them, and a pin it took from the torch index
 * (torchvision==0.20.1+cpu) is one the build can meet. Without configured indexes, the base
 * image's own (its pip.conf or PIP_INDEX_URL) stay the main one, as in the resolver. The URLs
 * carry no login the netrc file carries (buildIndexes).
 */
function buildPipConf(i) {
    return pipConfOf(buildIndexes(i));
}
const pipConfOf = (ix) => pipConf(withExtraIndex(ix.indexes, ix.torchIndexUrl));
/**
 * sha256 of what the secret files hold, with URL credentials removed: the pip layer rebuilds when
 * requirements, constraints or indexes change, and not when only a token is rotated.
 */
function inputsDigest(i) {
    const text = JSON.stringify({
        requirements: (0,redact/* redactUrls */.sK)(i.requirements),
        constraints: (0,redact/* redactUrls */.sK)(i.constraints),
        indexUrl: i.indexes.indexUrl !== undefined ? (0,redact/* redactUrls */.sK)(i.indexes.indexUrl) : null,
        extraIndexUrls: i.indexes.extraIndexUrls.map((u) => (0,redact/* redactUrls */.sK)(u)),
        torchIndexUrl: i.torchIndexUrl !== undefined ? (0,redact/* redactUrls */.sK)(i.torchIndexUrl) : null,
        // What the pip.conf secret holds, as written (it derives from the fields above; stated so that
        // a change in how it is written rebuilds the layer too).
        pipConfs: i.torchIndexUrl !== undefined ? [(0,redact/* redactUrls */.sK)(buildPipConf(i))] : undefined,
        secrets: Object.keys(i.secretEnv).sort(),
    });
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
}
/**
 * Writes the secret files of one target into DIR (created 0700, files 0600); returns id -> path.
 * A login that stays in its index URL (buildIndexes) is a warning through SAY, once per host.
 */
function writeBuildInputs(dir, i, say = () => undefined) {
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const ix = buildIndexes(i);
    warnKeptLogins(ix.kept, say);
    const files = {
        [BUILD_SECRET_IDS.requirements]: i.requirements === '' ? '' : `${i.requirements}\n`,
        [BUILD_SECRET_IDS.constraints]: i.constraints === '' ? '' : `${i.constraints}\n`,
        [BUILD_SECRET_IDS.pipConf]: pipConfOf(ix),
        [BUILD_SECRET_IDS.torchIndex]: ix.torchIndexUrl ?? '',
        [BUILD_SECRET_IDS.netrc]: ix.netrc,
        [BUILD_SECRET_IDS.env]: secretEnvScript(i.secretEnv),
    };
    const out = {};
    for (const [id, content] of Object.entries(files)) {
        const file = external_node_path_default().join(dir, id);
        (0,external_node_fs_.writeFileSync)(file, content, { mode: 0o600 });
        out[id] = file;
    }
    return out;
}
/**
 * A warning where DOCKERFILE mounts the pip.conf secret but not the netrc file the indexes' logins
 * (INDEXES and the torch index) travel in: a Dockerfile of the user's own written for an earlier
 * version, whose pip would get 401 from a private index. Undefined where there is no login to
 * carry, the netrc file is mounted, or the file cannot be read (buildx says so). READ: the file's text.
 */
function netrcUnmountedWarning(dockerfile, indexes, torchIndexUrl, read = (f) => (0,external_node_fs_.readFileSync)(f, 'utf8')) {
    if (netrcIndexes(indexes, torchIndexUrl).netrc === '')
        return undefined;
    let text;
    try {
        text = read(dockerfile);
    }
    catch {
        return undefined;
    }
    if (!text.includes(BUILD_SECRET_IDS.pipConf) || text.includes(BUILD_SECRET_IDS.netrc))
        return undefined;
    return `${dockerfile} mounts the ${BUILD_SECRET_IDS.pipConf} secret but not ${BUILD_SECRET_IDS.netrc}: the indexes' logins travel in that one (the pip.conf URLs carry none), so a private index answers pip 401; mount it in the RUN that installs and export NETRC=/run/secrets/${BUILD_SECRET_IDS.netrc} there (docs/build.md, "Your own Dockerfile")`;
}

;// CONCATENATED MODULE: ./src/build/input-secrets.ts
// The action's `secrets`, `secret-envs` and `secret-files` inputs (docker/build-push-action's):
// each a BuildKit secret of its own id, never a build argument; each value, a secret file's text
// too, masked in the build's output.




/**
 * What the build's secrets need from this run, pure, so that the pipeline asks it before any stage
 * starts a container or pushes: each build.secrets variable set in the environment, the `secrets`,
 * `secret-envs` and `secret-files` inputs' ids each given once (and none a build.secrets id or one
 * this action mounts itself), each `secret-envs` variable set. Returns the `secret-envs` values by
 * id.
 */
function checkBuildSecrets(options, config, env) {
    secretEnvFrom(config.build.secrets, env);
    const taken = new Set([...Object.values(BUILD_SECRET_IDS), ...config.build.secrets]);
    const ids = [...Object.keys(options?.secrets ?? {}), ...Object.keys(options?.secretEnvs ?? {})];
    // The secret-files ids among themselves and against secrets/secret-envs: checked when read.
    const files = Object.keys(options?.secretFiles ?? {});
    for (const [i, id] of [...ids, ...files].entries()) {
        if (taken.has(id))
            throw new errors/* InputError */.dz(`${i < ids.length ? 'inputs "secrets"/"secret-envs"' : 'input "secret-files"'}: secret id ${id} is given twice (or is one this action mounts itself)`, 'give each secret id once');
        taken.add(id);
    }
    const values = {};
    for (const [id, name] of Object.entries(options?.secretEnvs ?? {})) {
        const value = env[name];
        if (value === undefined)
            throw new errors/* InputError */.dz(`input "secret-envs": ${id}=${name}: ${name} is not set in the environment`, `set it in the step's env: (e.g. ${name}: \${{ secrets.${name} }})`);
        values[id] = value;
    }
    return values;
}
/** The most of a `secret-files` file read for the output's mask: a larger one is left out. */
const MAX_MASKED_FILE_BYTES = 64 * 1024;
/**
 * The text of FILE (a `secret-files` path) for the build output's mask, trimmed: undefined for a
 * file over MAX_MASKED_FILE_BYTES, a binary one (a NUL byte, or not UTF-8: a keystore, an archive,
 * which no log line quotes whole), one that is no regular file (opened without blocking, never
 * read: a FIFO would wait for a writer), or one that cannot be read (buildx says so when it mounts
 * it). Reads at most MAX_MASKED_FILE_BYTES + 1 bytes, whatever the file's size.
 */
function secretFileText(file) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0));
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile() || st.size > MAX_MASKED_FILE_BYTES)
            return undefined;
        const buf = Buffer.alloc(MAX_MASKED_FILE_BYTES + 1);
        let n = 0;
        for (let got = 1; got > 0 && n < buf.length; n += got)
            got = (0,external_node_fs_.readSync)(fd, buf, n, buf.length - n, n);
        if (n > MAX_MASKED_FILE_BYTES || buf.subarray(0, n).includes(0))
            return undefined;
        return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n)).trim();
    }
    catch {
        return undefined;
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * The `secrets` input (id=value) as 0600 files under `dir`, and the `secret-envs` input checked
 * against the environment (checkBuildSecrets, again); returns the files and every secret value
 * (masked in build output): each `secrets` and `secret-envs` value, and each `secret-files` file's
 * text read with READ (secretFileText: a RUN --mount=type=secret step, or a pip or curl error,
 * may print it). A value too short to mask safely is dropped where the mask is made (valueMasks).
 */
function inputSecrets(options, config, env, dir, read = secretFileText) {
    const files = {};
    const values = {};
    for (const [id, value] of Object.entries(checkBuildSecrets(options, config, env)))
        values[`secret-env:${id}`] = value;
    for (const [id, file] of Object.entries(options?.secretFiles ?? {})) {
        const text = read(file);
        if (text)
            values[`secret-file:${id}`] = text;
    }
    const secrets = Object.entries(options?.secrets ?? {});
    if (secrets.length > 0)
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    for (const [id, value] of secrets) {
        const file = external_node_path_default().join(dir, id);
        (0,external_node_fs_.writeFileSync)(file, value, { mode: 0o600 });
        files[id] = file;
        values[`secret:${id}`] = value;
    }
    return { files, values };
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/config/platform.ts
var config_platform = __webpack_require__(15063);
// EXTERNAL MODULE: ./src/docker/context.ts
var docker_context = __webpack_require__(25835);
// EXTERNAL MODULE: ./src/util/cleanup.ts + 1 modules
var cleanup = __webpack_require__(38201);
// EXTERNAL MODULE: ./src/util/temp.ts
var temp = __webpack_require__(54868);
;// CONCATENATED MODULE: ./src/util/versions.ts
// Dotted version strings ("2.10", "12.8.1", "0.30.0+cu128"): comparison and major.minor, shared by
// the plan, the build (buildx feature checks) and the other stages. Pure.
/** Numeric comparison of dotted versions ("2.10" > "2.9"); missing parts count as 0. */
function compareVersions(a, b) {
    const pa = a.split(/[.+]/).map((x) => Number.parseInt(x, 10) || 0);
    const pb = b.split(/[.+]/).map((x) => Number.parseInt(x, 10) || 0);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
/** "2.7.1" -> "2.7"; "12.8.1" -> "12.8". */
function majorMinor(v) {
    return v.split('.').slice(0, 2).join('.');
}

;// CONCATENATED MODULE: ./src/build/buildx-args.ts
// The buildx argv for one build target: a pure function of the request and what the builder can do
// (buildx version and driver), tested as a table of cases.




const atLeast = (v, min) => compareVersions(v, min) >= 0;
/**
 * `--secret id=X,src=FILE` is as old as buildx itself; `--secret id=X,env=VAR` came with buildx
 * 0.6.0 (docker/buildx#488). Secrets are the only way credentials and requirements reach the build,
 * so an older buildx is refused rather than fall back to build arguments.
 */
const SECRETS_MIN_BUILDX = '0.6.0';
/** `RUN --mount=type=secret` without a `# syntax=` line: dockerfile frontend 1.2, built into BuildKit 0.8. */
const SECRET_MOUNTS_MIN_BUILDKIT = '0.8.0';
/** Why this builder cannot mount build secrets (undefined when it can). */
function secretMountsUnsupported(b) {
    if (!atLeast(b.buildxVersion, SECRETS_MIN_BUILDX))
        return `buildx ${b.buildxVersion} cannot pass build secrets from the environment (needs buildx >= ${SECRETS_MIN_BUILDX})`;
    if (b.buildkitVersion !== undefined && !atLeast(b.buildkitVersion, SECRET_MOUNTS_MIN_BUILDKIT))
        return `BuildKit ${b.buildkitVersion} of builder ${b.name ?? '(current)'} does not understand RUN --mount=type=secret (needs BuildKit >= ${SECRET_MOUNTS_MIN_BUILDKIT}, Docker >= 20.10)`;
    return undefined;
}
const buildx_args_SECRETS_FIX = `install buildx >= ${SECRETS_MIN_BUILDX} (https://github.com/docker/buildx/releases, or docker/setup-buildx-action) and Docker Engine >= 20.10; credentials and requirements reach the build only through secret mounts, never build arguments`;
/**
 * build.args end up in the image history (`docker history --no-trunc`) for anyone who can pull it:
 * refuse an entry whose name looks like a credential or whose value carries URL userinfo or a
 * token. The config schema refuses them already; this holds for a config that came another way.
 */
function checkBuildArgs(args) {
    for (const [name, value] of Object.entries(args)) {
        const why = (0,build_args/* buildArgSecretProblem */._y)(name, value);
        if (why !== undefined)
            throw new errors/* InputError */.dz(`build.args.${name}: ${why}`, build_args/* BUILD_ARGS_FIX */.bL);
    }
}
/** A field of buildx's CSV-parsed --secret value, quoted when it holds a comma or a quote. */
function csvField(s) {
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** The docker driver (dockerd's built-in BuildKit) cannot push by digest (buildx refuses it). */
function canPushByDigest(b) {
    return b.driver !== 'docker';
}
/** The docker driver on the classic image store: no cache export, attestations or annotations. */
const classicDocker = (b) => b.driver === 'docker' && b.containerdStore !== true;
/** --build-context: named build contexts need buildx >= 0.8.0. */
function buildContextArgs(req, builder) {
    if (!req.buildContexts || Object.keys(req.buildContexts).length === 0)
        return [];
    if (!atLeast(builder.buildxVersion, '0.8.0')) {
        throw new errors/* EnvironmentError */.eG(`named build contexts need buildx >= 0.8.0 (found ${builder.buildxVersion})`, 'update the buildx CLI plugin (docker-buildx-plugin, or docker-buildx on Debian 13+/Ubuntu)');
    }
    return Object.entries(req.buildContexts).flatMap(([k, v]) => ['--build-context', `${k}=${v}`]);
}
/** --secret: from the environment (build.secrets) and from files; refused where unsupported. */
function secretArgs(req, builder) {
    const fileSecrets = [...Object.entries(req.fileSecrets ?? {}), ...Object.entries(req.secretFiles ?? {})];
    const secretEnvs = Object.entries(req.secretEnvs ?? {});
    if (req.secrets.length > 0 || fileSecrets.length > 0 || secretEnvs.length > 0) {
        const why = secretMountsUnsupported(builder);
        if (why !== undefined)
            throw new errors/* EnvironmentError */.eG(why, buildx_args_SECRETS_FIX);
    }
    const ids = [...req.secrets, ...secretEnvs.map(([id]) => id), ...fileSecrets.map(([id]) => id)];
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (twice.length)
        throw new errors/* InputError */.dz(`secret id ${[...new Set(twice)].join(', ')} is given twice (build.secrets, secrets, secret-envs, secret-files, or one this action mounts itself)`, 'give each secret id once');
    return [
        ...req.secrets.flatMap((id) => ['--secret', `id=${id},env=${id}`]),
        ...secretEnvs.flatMap(([id, env]) => ['--secret', `id=${id},env=${env}`]),
        ...fileSecrets.flatMap(([id, file]) => ['--secret', `id=${id},${csvField(`src=${file}`)}`]),
    ];
}
/** --ssh, --add-host, --shm-size, --ulimit, --allow, --cgroup-parent, --no-cache-filter: as given. */
function runArgs(req) {
    return [
        ...(req.ssh ?? []).flatMap((s) => ['--ssh', s]),
        ...(req.addHosts ?? []).flatMap((h) => ['--add-host', h]),
        ...(req.shmSize !== undefined ? ['--shm-size', req.shmSize] : []),
        ...(req.ulimits ?? []).flatMap((u) => ['--ulimit', u]),
        ...(req.allow ?? []).flatMap((a) => ['--allow', a]),
        ...(req.cgroupParent !== undefined ? ['--cgroup-parent', req.cgroupParent] : []),
        ...(req.noCacheFilters ?? []).flatMap((f) => ['--no-cache-filter', f]),
    ];
}
/** The `outputs` input: more exporters next to the action's own, which needs buildx >= 0.13. */
function givenOutputArgs(req, builder) {
    if (!req.outputs?.length)
        return [];
    if (!atLeast(builder.buildxVersion, '0.13.0'))
        throw new errors/* EnvironmentError */.eG(`outputs: the action exports the image itself (${req.push ? 'push' : 'load'}), and a second exporter needs buildx >= 0.13.0 (found ${builder.buildxVersion})`, 'update buildx (docker/setup-buildx-action), or drop the outputs input');
    if (builder.buildkitVersion !== undefined && !atLeast(builder.buildkitVersion, '0.13.0'))
        throw new errors/* EnvironmentError */.eG(`outputs: the action exports the image itself (${req.push ? 'push' : 'load'}), and BuildKit ${builder.buildkitVersion} of builder ${builder.name ?? '(current)'} exports once (a second exporter needs BuildKit >= 0.13)`, 'use a docker-container builder (docker/setup-buildx-action, then its name as the builder input), or drop the outputs input');
    return req.outputs.flatMap((o) => ['--output', o]);
}
/**
 * The `cache-from` / `cache-to` inputs, as given (BPA): the docker driver on the classic image store
 * reads any cache but exports only inline cache, so other `cache-to` specs are left out with a note. A
 * run that may build a pull request's code (cacheReadOnly) writes no cache that other branches read
 * either: only inline cache (on its own image) and gha where GitHub scopes its entries to the pull
 * request (ghaCacheOwnScope) are kept.
 */
function givenCacheArgs(req, builder, notes) {
    // The type buildx will use (the last type=), or refused: a spec it could read as another type.
    for (const spec of req.cacheFrom ?? [])
        cacheSpecType('cache-from', spec);
    const to = (req.cacheTo ?? []).filter((spec) => {
        const type = cacheSpecType('cache-to', spec);
        if (req.cacheReadOnly && type !== 'inline' && (type !== 'gha' || !req.ghaCacheOwnScope)) {
            notes.push(`may build a pull request's code: cache-to ${type} left out (a branch must not write a cache that release builds read; it still reads cache-from)`);
            return false;
        }
        if (!classicDocker(builder) || type === 'inline')
            return true;
        notes.push(`docker driver: cannot export cache type=${type}; cache-to left out (use a docker-container builder)`);
        return false;
    });
    return [
        ...(req.cacheFrom ?? []).flatMap((spec) => ['--cache-from', spec]),
        ...to.flatMap((spec) => ['--cache-to', spec]),
    ];
}
/**
 * --cache-from / --cache-to for what the driver can do (notes say what was adapted). The registry
 * cache is written only by a build that pushes: push: false reads it.
 */
function cacheArgs(req, builder, notes) {
    if (req.cacheFrom !== undefined || req.cacheTo !== undefined)
        return givenCacheArgs(req, builder, notes);
    // Cache: the classic-store docker driver can only embed inline cache in the pushed image and read it back.
    if (classicDocker(builder)) {
        if (req.cache.type === 'none')
            return [];
        notes.push('docker driver: cache is kept inline in the pushed per-platform image (no gha/registry cache export)');
        return req.push
            ? ['--cache-to', 'type=inline', '--cache-from', `type=registry,ref=${req.repository}:${req.pushTag}`]
            : [];
    }
    if (req.cache.type === 'gha') {
        if (atLeast(builder.buildxVersion, '0.21.0')) {
            const gha = `type=gha,scope=${req.cache.scope}`;
            if (req.cacheReadOnly && !req.ghaCacheOwnScope) {
                notes.push(`may build a pull request's code: the gha cache ${req.cache.scope} is read, not written (this event's cache scope is the branch's)`);
                return ['--cache-from', gha];
            }
            return ['--cache-from', gha, '--cache-to', `${gha},mode=max`];
        }
        notes.push(`GitHub Actions cache needs buildx >= 0.21.0 (found ${builder.buildxVersion}; the old cache service is gone): building without cache`);
        return [];
    }
    if (req.cache.type === 'registry') {
        const from = ['--cache-from', `type=registry,ref=${req.cache.ref}`];
        if (req.cacheReadOnly) {
            notes.push(`may build a pull request's code: the registry cache ${req.cache.ref} is read, not written`);
            return from;
        }
        // push: false (--load) pushes nothing to the registry, its cache included.
        if (!req.push) {
            notes.push(`push: false: the registry cache ${req.cache.ref} is read, not written`);
            return from;
        }
        const opts = 'mode=max,image-manifest=true,oci-mediatypes=true';
        return [...from, '--cache-to', `type=registry,ref=${req.cache.ref},${opts}`];
    }
    return [];
}
/** --provenance: buildx >= 0.10 knows the flag; the classic-store docker driver cannot attest. */
function provenanceArgs(req, builder, notes) {
    if (!atLeast(builder.buildxVersion, '0.10.0'))
        return [];
    const mode = classicDocker(builder) ? 'false' : req.provenance;
    if (mode !== req.provenance)
        notes.push('docker driver: provenance attestations are not supported, disabled');
    return [`--provenance=${mode === 'false' ? 'false' : `mode=${mode}`}`];
}
/** --sbom (buildx >= 0.10, not on the classic-store docker driver) and --annotation (buildx >= 0.12). */
function attestationArgs(req, builder, notes) {
    const args = [];
    if (req.sbom !== undefined) {
        if (!atLeast(builder.buildxVersion, '0.10.0'))
            notes.push(`sbom: needs buildx >= 0.10.0 (found ${builder.buildxVersion}), left out`);
        else if (classicDocker(builder) && req.sbom)
            notes.push('docker driver: SBOM attestations are not supported, left out');
        else
            args.push(`--sbom=${req.sbom}`);
    }
    if (req.attests?.length) {
        if (!atLeast(builder.buildxVersion, '0.10.0'))
            notes.push(`attests: need buildx >= 0.10.0 (found ${builder.buildxVersion}), left out`);
        else if (classicDocker(builder))
            notes.push('docker driver: attestations are not supported, attests left out');
        else
            args.push(...req.attests.flatMap((a) => ['--attest', a]));
    }
    if (req.annotations?.length) {
        if (classicDocker(builder))
            notes.push('docker driver: images are pushed with Docker manifests, which carry no annotations: annotations left out (use a docker-container builder)');
        else if (atLeast(builder.buildxVersion, '0.12.0'))
            args.push(...req.annotations.flatMap((a) => ['--annotation', a]));
        else
            notes.push(`annotations: need buildx >= 0.12.0 (found ${builder.buildxVersion}), left out`);
    }
    return args;
}
/** The names of a loaded image: its local tag, then the tags it carries too (loadTags). */
const loadNames = (req) => [...new Set([req.loadTag ?? [], req.loadTags ?? []].flat())];
/** Where the image goes: loaded into the engine, pushed by digest, or pushed by tag (docker driver). */
function outputArgs(req, builder, notes) {
    if (!req.push)
        return ['--load', ...loadNames(req).flatMap((t) => ['--tag', t])];
    if (canPushByDigest(builder)) {
        return [
            '--output',
            `type=image,name=${req.repository},push-by-digest=true,name-canonical=true,push=true${req.ociMediatypes ? ',oci-mediatypes=true' : ''}`,
            ...loadToo(req, builder),
        ];
    }
    if (req.load)
        notes.push(req.loadTags?.length
            ? `docker driver: the pushed image is in the engine already (load), under its push tag ${req.pushTag} only (the tags name the merged list in the registry)`
            : 'docker driver: the pushed image is in the engine already (load)');
    notes.push(`docker driver: pushes by tag ${req.pushTag} and merges by the digest it reports`);
    const oci = req.ociMediatypes && !classicDocker(builder) ? ',oci-mediatypes=true' : '';
    return ['--output', `type=image,name=${req.repository}:${req.pushTag},push=true${oci}`];
}
/** push and load: a second exporter into the engine (buildx >= 0.13 can export twice). */
function loadToo(req, builder) {
    if (!req.load)
        return [];
    if (!atLeast(builder.buildxVersion, '0.13.0'))
        throw new errors/* EnvironmentError */.eG(`load with push needs buildx >= 0.13.0 to export twice (found ${builder.buildxVersion})`, 'update buildx, or set push: false to load only');
    // Several names in one field, quoted for buildx's CSV: `type=docker,"name=a,b"`.
    const names = loadNames(req);
    return ['--output', `type=docker${names.length ? `,${csvField(`name=${names.join(',')}`)}` : ''}`];
}
function buildxBuildArgs(req, builder) {
    const notes = [];
    const args = ['build'];
    if (builder.name)
        args.push('--builder', builder.name);
    args.push('--platform', req.platform, '--file', req.dockerfile, '--progress', 'plain');
    args.push('--metadata-file', req.metadataFile);
    for (const [k, v] of Object.entries(req.buildArgs))
        args.push('--build-arg', `${k}=${v}`);
    for (const [k, v] of Object.entries(req.labels))
        args.push('--label', `${k}=${v}`);
    args.push(...buildContextArgs(req, builder), ...secretArgs(req, builder), ...runArgs(req));
    if (req.network && req.network !== 'default')
        args.push('--network', req.network);
    if (req.pull)
        args.push('--pull');
    if (req.noCache)
        args.push('--no-cache');
    if (req.target)
        args.push('--target', req.target);
    args.push(...cacheArgs(req, builder, notes), ...provenanceArgs(req, builder, notes));
    args.push(...attestationArgs(req, builder, notes));
    args.push(...outputArgs(req, builder, notes), ...givenOutputArgs(req, builder), req.context);
    return { args, notes };
}

;// CONCATENATED MODULE: ./src/build/base-digest.ts


/** REGISTRY/PATH of a reference, Docker Hub however spelled: pure. */
function repositoryKey(ref) {
    const r = (0,oci_ref/* parseImageRef */.Q)(ref);
    return `${oci_ref/* DOCKER_HUB */.Xb.has(r.registry) ? 'docker.io' : r.registry}/${r.path}`;
}
/** Whether the local image is the one the engine takes for PLATFORM (`os/arch[/variant]`). */
const servesPlatform = (local, platform) => platform === `${local.os}/${local.architecture}` ||
    (local.variant !== undefined && platform === `${local.os}/${local.architecture}/${local.variant}`);
/** The registry digests the engine knows the local image by, in REF's repository: pure. */
function ownDigests(ref, local) {
    const repository = repositoryKey(ref);
    return local.repoDigests.flatMap((r) => {
        const at = r.lastIndexOf('@');
        const digest = r.slice(at + 1);
        return at > 0 && (0,oci_ref/* isDigest */.Bc)(digest) && repositoryKey(r.slice(0, at)) === repository ? [digest] : [];
    });
}
/**
 * The digest a docker-driver build without build.pull starts from (see the top of this file):
 * REGISTRY (the registry's answer, undefined when it gave none) unless LOCAL, the engine's image
 * under the tag, is what it takes for one of PLATFORMS. A local image that is not the registry's
 * is recorded by its own registry digest when every platform built takes it; else (a local build
 * no registry digest names, or other platforms that are pulled) nothing is recorded. Pure.
 */
function builtBase(base, registry, local) {
    const registryOnly = registry !== undefined ? { digest: registry } : {};
    if ((0,oci_ref/* parseImageRef */.Q)(base.ref).digest !== undefined)
        return registryOnly;
    if (local === undefined || !base.platforms.some((p) => servesPlatform(local, p)))
        return registryOnly;
    const own = ownDigests(base.ref, local);
    if (registry !== undefined && own.includes(registry))
        return registryOnly;
    const every = base.platforms.every((p) => servesPlatform(local, p));
    const digest = every ? own[0] : undefined;
    // The registry gave no answer (already warned): what the engine holds is all there is to go by.
    if (registry === undefined)
        return digest !== undefined ? { digest } : {};
    const why = digest !== undefined
        ? `so the build records its digest ${digest}`
        : own.length === 0
            ? 'which no registry digest names (built or tagged on this machine), so the build records no base digest'
            : "while its other platforms are pulled, so the build records no base digest (none names every platform's base)";
    return {
        ...(digest !== undefined && { digest }),
        warning: `the image this machine holds under ${base.ref} (${local.id.slice(0, 19)}) is not the registry's (${registry.slice(0, 19)}): dockerd's own builder (the docker driver, build.pull false) builds from the local one, ${why}; build.pull: true builds from the registry's, and "docker pull ${base.ref}" refreshes the local one`,
    };
}
/**
 * Each variant's recorded base digest (BASES in order), with the local image's ID where the build
 * takes it: one registry lookup per distinct reference, started at once; the engine's own image is
 * looked at only where LOCAL_FIRST says the build takes it (the docker driver without build.pull),
 * once known. A lookup that fails is a warning, and the digest unknown (the labels set empty); a
 * local image that cannot be inspected counts as none.
 */
async function recordedBases(docker, bases, localFirst, warn) {
    const registry = new Map();
    for (const { ref } of bases)
        if (!registry.has(ref))
            registry.set(ref, docker.imageDigest(ref).catch((e) => {
                warn(`could not resolve the digest of ${ref}: ${e.message.split('\n')[0]}`);
                return undefined;
            }));
    const local = new Map();
    const localOf = (ref) => {
        if (!local.has(ref))
            local.set(ref, docker.inspectLocalImage(ref).catch(() => undefined));
        return local.get(ref);
    };
    const first = await localFirst.catch(() => false);
    const records = await Promise.all(bases.map(async (b) => {
        const held = first ? await localOf(b.ref) : undefined;
        const r = builtBase(b, await registry.get(b.ref), held);
        const taken = held && !(0,oci_ref/* parseImageRef */.Q)(b.ref).digest && b.platforms.some((p) => servesPlatform(held, p));
        return taken ? { ...r, localId: held.id } : r;
    }));
    for (const w of new Set(records.flatMap((r) => r.warning ?? [])))
        warn(w);
    return records.map((r) => ({
        ...(r.digest !== undefined && { digest: r.digest }),
        ...(r.localId !== undefined && { localId: r.localId }),
    }));
}
/**
 * After a target's build that took the engine's image under REF (recordedBases' localId): the
 * record names that image, so REF must name it still. Another job's `docker pull` or build of REF
 * in between may have given the build another one (exit 3: the record may be wrong); an engine that
 * does not answer leaves it unchecked (a warning).
 */
async function checkBaseHeld(docker, ref, localId, target) {
    let now;
    try {
        now = await docker.inspectLocalImage(ref);
    }
    catch (e) {
        return `build ${target}: could not check that this machine still holds ${localId} under ${ref}, the base image whose digest the build records (${e.message.split('\n')[0]})`;
    }
    if (now?.id === localId)
        return undefined;
    throw new errors/* EnvironmentError */.eG(`build ${target}: the image this machine holds under ${ref} changed while the build ran (${localId} when its digest was recorded, ${now?.id ?? 'none'} after the build): another job pulled, built, tagged or removed it, so the base digest recorded (the labels, build.json, the provenance) may not name the image the build started from`, "run the build again, and keep jobs that pull or build this base image on this machine from overlapping with it; build.pull: true builds from the registry's image whatever this machine holds");
}

;// CONCATENATED MODULE: ./src/build/source-date.ts

const CREATED_LABEL = 'org.opencontainers.image.created';
async function sourceDateEpoch(env, context, exec) {
    const given = env.SOURCE_DATE_EPOCH;
    if (given !== undefined && given !== '') {
        if (!/^\d{1,12}$/.test(given))
            throw new errors/* InputError */.dz(`environment variable SOURCE_DATE_EPOCH: expected seconds since 1970-01-01 (an integer), got "${given.slice(0, 40)}"`, 'set it to a Unix time, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it');
        return {
            epoch: given,
            why: `created label ${isoTime(given)}: SOURCE_DATE_EPOCH from the environment (buildx passes it on)`,
        };
    }
    try {
        const r = await exec.run('git', ['-C', context, 'log', '-1', '--format=%ct']);
        const ct = r.stdout.trim();
        if (r.exitCode === 0 && /^\d+$/.test(ct))
            return {
                epoch: ct,
                why: `created label ${isoTime(ct)}: commit time of the context's git repository (no SOURCE_DATE_EPOCH build argument)`,
            };
    }
    catch {
        // no git on PATH: the same as not a repository
    }
    return {
        why: `created label as planned: the build context ${context} is not in a git repository with a commit (or git is missing)`,
    };
}
/** The created label as the commit time, unless the user gave it (the labels input). */
function withSourceDate(labels, source, givenLabels) {
    if (source.epoch === undefined || labels[CREATED_LABEL] === undefined || givenLabels?.[CREATED_LABEL])
        return { ...labels };
    return { ...labels, [CREATED_LABEL]: isoTime(source.epoch) };
}
/** Seconds since 1970 as plan.json writes a commit time (src/plan/git-context.ts): ISO 8601, UTC. */
function isoTime(epoch) {
    return new Date(Number(epoch) * 1000).toISOString();
}

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
;// CONCATENATED MODULE: ./src/build/timing.ts
// Where the build stage's time goes, for --verbose: one "timing:" line per step (process start,
// the builder and base-digest checks, each build, each merge) and a last one with the totals.

/** When this module was evaluated: about when the bundle's modules had loaded. */
const LOADED_AT_MS = external_node_perf_hooks_.performance.now();
const s = (ms) => `${(ms / 1000).toFixed(2)}s`;
class StepTimer {
    emit;
    started = external_node_perf_hooks_.performance.now();
    constructor(emit) {
        this.emit = emit;
    }
    /** Process start up to this stage: node's own start, the modules, then config, plan and checks. */
    startup() {
        const boot = external_node_perf_hooks_.performance.nodeTiming.bootstrapComplete;
        this.emit?.(`timing: node started in ${s(boot)}, modules loaded by ${s(LOADED_AT_MS)}, build stage started at ${s(this.started)} (config, plan, git context, registry check and resolve in between)`);
    }
    /** Runs fn, then says how long it took, with a note made of its result. */
    async step(label, fn, note) {
        const t0 = external_node_perf_hooks_.performance.now();
        const result = await fn();
        const n = note?.(result);
        this.emit?.(`timing: ${label} ${s(external_node_perf_hooks_.performance.now() - t0)}${n ? ` (${n})` : ''}`);
        return result;
    }
    say(text) {
        this.emit?.(`timing: ${text}`);
    }
    done() {
        const now = external_node_perf_hooks_.performance.now();
        this.emit?.(`timing: build stage ${s(now - this.started)}, ${s(now)} since the process started`);
    }
}

;// CONCATENATED MODULE: ./src/build/log-groups.ts
// The build stage's log groups. The action wraps each build in a log group (core.group), and
// GitHub does not nest groups: two builds side by side (any driver but docker builds two platforms
// at once) would share the group opened second, the first build's lines under the second's name and
// its last lines after the first group's end. So builds that run side by side have their lines
// held and each written as a whole group of its own when it ends (the first finished first; a
// failed one before its error reaches the caller), while the progress lines (started, done,
// retrying) stay live, outside every group. A build that runs alone keeps its group live around it.
// Without groups (the command line) every line is shown live.
/** How much of one build's log is held (its last lines): two builds side by side hold twice this. */
const HELD_LOG_CHARS = 2 * 1024 * 1024;
/** One build's lines while it runs: the last CAP characters, and how much was cut before them. */
class HeldLines {
    cap;
    lines = [];
    /** lines[0..start) are cut (emptied): compacted now and then rather than shifted line by line. */
    start = 0;
    chars = 0;
    cutLines = 0;
    cutChars = 0;
    target = '';
    constructor(cap) {
        this.cap = cap;
    }
    push(raw, target) {
        this.target = target;
        // A single line over the cap keeps its end.
        const line = raw.length > this.cap ? raw.slice(raw.length - this.cap) : raw;
        this.lines.push(line);
        this.chars += line.length + 1;
        while (this.chars > this.cap + 1 && this.start < this.lines.length - 1) {
            const old = this.lines[this.start];
            this.lines[this.start++] = '';
            this.chars -= old.length + 1;
            this.cutLines++;
            this.cutChars += old.length + 1;
        }
        if (this.start > 1024 && this.start * 2 > this.lines.length) {
            this.lines = this.lines.slice(this.start);
            this.start = 0;
        }
    }
    /** What is held, led by a line that says what was cut, if anything was. */
    take() {
        const kept = this.lines.slice(this.start);
        if (this.cutLines === 0)
            return kept;
        const kb = (n) => Math.round(n / 1024);
        return [
            `[${this.cutLines} lines (${kb(this.cutChars)} KB) cut: only the last ${kb(this.cap)} KB of this build's log are kept]`,
            ...kept,
        ];
    }
    get empty() {
        return this.start === this.lines.length;
    }
}
class BuildLogs {
    sinks;
    cap;
    /** The groups written one after the other, in the order their builds ended. */
    writing = Promise.resolve();
    /** Whether a held group is open now: live lines wait until it closes. */
    open = false;
    waiting = [];
    constructor(sinks, cap = HELD_LOG_CHARS) {
        this.sinks = sinks;
        this.cap = cap;
    }
    progress = (line) => this.live(() => this.sinks.progress(line));
    timing = (line) => this.live(() => this.sinks.timing?.(line));
    output = (line, target) => this.live(() => this.sinks.output?.(line, target));
    /**
     * fn in the group NAME. HELD (builds side by side): the lines fn writes to the output it is given
     * are held and written as one group when fn ends, fulfilled or not, before its result or error;
     * else the group is open around fn as it runs and its lines are live. fn's output is undefined
     * where the stage shows no build output.
     */
    async group(name, held, fn) {
        const { group, output } = this.sinks;
        if (group === undefined)
            return fn(output && this.output);
        if (!held || output === undefined)
            return group(name, () => fn(output && this.output));
        const lines = new HeldLines(this.cap);
        try {
            return await fn((line, target) => lines.push(line, target));
        }
        finally {
            if (!lines.empty)
                await this.write(name, lines, group, output);
        }
    }
    /** A live line: now, or after the held group being written closes. */
    live(write) {
        if (this.open)
            this.waiting.push(write);
        else
            write();
    }
    write(name, lines, group, output) {
        const written = this.writing.then(async () => {
            this.open = true;
            try {
                await group(name, async () => {
                    for (const line of lines.take())
                        output(line, lines.target);
                });
            }
            catch {
                // The log's own failure: never in place of the build's result or error.
            }
            finally {
                this.open = false;
                const waiting = this.waiting;
                this.waiting = [];
                for (const w of waiting)
                    w();
            }
        });
        this.writing = written;
        return written;
    }
}

// EXTERNAL MODULE: ./src/docker/failures.ts
var failures = __webpack_require__(76873);
// EXTERNAL MODULE: ./src/docker/engine.ts + 12 modules
var engine = __webpack_require__(90077);
;// CONCATENATED MODULE: ./src/docker/engine-platform.ts
/** Go's architecture names (the engine's), also for the names other tools use for the same CPUs. */
const ARCH_ALIASES = {
    x64: 'amd64',
    x86_64: 'amd64',
    aarch64: 'arm64',
};
/** The engine's platform as the config writes platforms: linux/amd64, linux/arm64. */
function enginePlatform(info) {
    const arch = info.arch.toLowerCase();
    return `${info.os.toLowerCase()}/${ARCH_ALIASES[arch] ?? arch}`;
}

;// CONCATENATED MODULE: ./src/build/retry.ts






const TRANSIENT = /connection reset by peer|i\/o timeout|TLS handshake timeout|unexpected EOF|(?:50[0234]) (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)|received unexpected HTTP status: 5\d\d|toomanyrequests|net\/http: request canceled/i;
const MAX_ATTEMPTS = 3;
/**
 * No new attempt starts this long after a target's first failure (the waits and the retried
 * attempts together). Counted from the first failure, not the first attempt: a build that ran
 * for 20 minutes (a torch install, arm64 under QEMU) before its push was reset still gets its
 * retries; the bound keeps a registry that keeps failing slowly from holding the job.
 */
const RETRY_BUDGET_MS = 120_000;
function isTransient(log) {
    return TRANSIENT.test(log);
}
/** The one line that says why a build failed (buildx's last ERROR line, else the last line). */
function failureReason(log) {
    const lines = log
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const err = [...lines].reverse().find((l) => /^ERROR[:\s]/.test(l) || /^error:/i.test(l));
    const line = (err ?? lines.at(-1) ?? 'no output').replace(/^ERROR:?\s*/, '');
    // Long RUN scripts are quoted whole by BuildKit: keep their start, the log excerpt has the rest.
    const quoted = elide(line, '[/bin/sh -c ', ']: exit code');
    return elide(quoted, 'process "/bin/sh -c ', '" did not complete').slice(0, 400);
}
/**
 * LINE with the script between OPEN and CLOSE cut to its first 60 characters and "...", where it is
 * over 80: what line.replace(/(OPEN)(.{60}).{20,}(CLOSE)/, '$1$2...$3') gives. That expression ran
 * from each OPEN to the line's end and back (a line repeating OPEN 16,384 times took 6 s); here
 * each stretch between line terminators is searched once, from its first OPEN to its last CLOSE.
 */
function elide(line, open, close) {
    let from = line.indexOf(open);
    while (from >= 0) {
        const end = (0,util_text/* lineEnd */.kd)(line, from);
        const start = from + open.length;
        const to = line.slice(start, end).lastIndexOf(close);
        if (to >= 80)
            return `${line.slice(0, start + 60)}...${line.slice(start + to)}`;
        from = line.indexOf(open, end);
    }
    return line;
}
/** The backoff before the attempt after ATTEMPT: 2 s, 4 s, 8 s ... */
function retryWaitMs(attempt) {
    return 2000 * 2 ** (attempt - 1);
}
/**
 * The retry decision the build and the merge share: after failed attempt ATTEMPT whose log ends in
 * LOG, SPENT_MS after the first failure (the waits and retried attempts since; 0 after the first
 * attempt, however long it ran), the wait before the next attempt, or undefined:
 * the failure is not transient, or the attempts or the budget are used up. Only the end of the log
 * counts: an earlier pip "Retrying ... connection reset" that pip recovered from must not make a
 * deterministic failure look transient.
 */
function nextAttempt(log, attempt, spentMs) {
    if (!isTransient(lastLines(log)))
        return undefined;
    const waitMs = retryWaitMs(attempt);
    if (attempt >= MAX_ATTEMPTS || spentMs + waitMs > RETRY_BUDGET_MS)
        return undefined;
    return { waitMs, reason: failureReason(log) };
}
/** The end of a log that says why an attempt failed. */
const lastLines = (log) => log.split('\n').slice(-15).join('\n');
/**
 * dockerd's built-in BuildKit (docker driver) can take a cache hit from an imported cache whose
 * layers the engine no longer has (its images were pruned, a fresh machine), then fail to export
 * it: "failed to get layer sha256:...: layer does not exist" (moby/buildkit#1981 and kin); or take a
 * cached step whose snapshot an image removal took from under it (images removed while another
 * build ran, on a shared runner's engine), then fail the next step: "failed to prepare <id>: open
 * /var/lib/docker/overlay2/<dir>/committed: no such file or directory".
 */
const MISSING_CACHED_LAYER = /failed to get layer sha256:[0-9a-f]{64}: layer does not exist|failed to prepare \S+: open \S+\/committed: no such file or directory/;
/**
 * A build that lacks a layer or snapshot even without any cache: the engine's image store changed
 * under it (images removed while it ran, on an engine another job shares) or is damaged (the base
 * image's own layers: --no-cache does not unpack FROM again).
 */
function engineStorageError(id, log) {
    return new errors/* EnvironmentError */.eG(`build ${id}: the engine lacks a layer or snapshot it holds as present, also when built without any cache: ${failureReason(log)}`, "the engine's image store changed under the build or is damaged: make sure nothing removes images while it builds (a prune on a shared runner), then remove the base image (docker rmi) so that it is pulled again, or prune the build cache (docker builder prune), and run it again");
}
/**
 * `buildx build` ARGS (the context last) for a build without any cache: no cache imports
 * (--cache-from SPEC, --cache-from=SPEC) and --no-cache; cache exports are kept.
 */
function uncachedArgs(args) {
    const out = [];
    for (let i = 0; i < args.length - 1; i++) {
        if (args[i] === '--cache-from')
            i++;
        else if (!args[i].startsWith('--cache-from=') && args[i] !== '--no-cache')
            out.push(args[i]);
    }
    return [...out, '--no-cache', ...args.slice(-1)];
}
/** A program the build ran is for another architecture than the machine that ran it. */
const EXEC_FORMAT = /exec format error/i;
/** The disk the builder writes to is full (pip's OSError [Errno 28] says it the same way). */
const NO_SPACE = /no space left on device/i;
/** The first line of LOG that PATTERN matches, without BuildKit's step prefix ("#7 0.101 "). */
const lineOf = (log, pattern) => (log.split('\n').find((l) => pattern.test(l)) ?? '')
    .trim()
    .replace(/^#\d+ (?:\d+\.\d+ )?/, '')
    .slice(0, 300);
const NO_SPACE_FIX = 'free disk space where the builder keeps its data (Docker\'s data root, /var/lib/docker by default; a docker-container builder\'s volume): "docker builder prune" (the build cache) and "docker image prune" (dangling images; -a: every image no container uses); on a GitHub-hosted runner, remove the preinstalled toolchains before the build (e.g. "sudo rm -rf /usr/share/dotnet /usr/local/lib/android /opt/ghc /opt/hostedtoolcache/CodeQL", or jlumbroso/free-disk-space), or use a runner with a larger disk; then build again';
/** How to let a machine of another architecture run PLATFORM's programs: QEMU, through binfmt_misc. */
const qemuFix = (platform) => {
    const arch = platform?.split('/')[1] ?? 'all';
    const elsewhere = platform !== undefined ? `; or build ${platform} on a ${platform} machine` : '';
    return `register QEMU for ${arch === 'all' ? "the target's architecture" : arch} on the machine that builds: in GitHub Actions docker/setup-qemu-action before this step; elsewhere "docker run --privileged --rm tonistiigi/binfmt --install ${arch}" (again after a reboot)${elsewhere}`;
};
/**
 * The environment's failures a build log shows whatever the Dockerfile (exit 3, with the fix): a
 * full disk; a program of PLATFORM that could not start (exec format error) where the builder's
 * own platform is not PLATFORM: no QEMU registered for it. Where the builder's platform is unknown
 * (a remote or kubernetes builder, a docker-container builder on another machine or with several
 * nodes, an engine that did not answer: builderPlatformFor) the fix says both; where it is
 * PLATFORM, the base image or a file the build copied holds a program of another architecture:
 * the build's own failure (undefined here). The whole tail is read: BuildKit ends it with the
 * Dockerfile's lines, which can be more than lastLines holds. Pure.
 */
function environmentFailure(f) {
    if (NO_SPACE.test(f.log))
        return new errors/* EnvironmentError */.eG(`build ${f.id}: the disk the builder writes to is full: ${lineOf(f.log, NO_SPACE)}`, NO_SPACE_FIX);
    if (!EXEC_FORMAT.test(f.log))
        return undefined;
    const { platform, builderPlatform: host } = f;
    const said = lineOf(f.log, EXEC_FORMAT);
    if (host !== undefined && platform !== undefined) {
        if (host.split('/')[1] === platform.split('/')[1])
            return undefined;
        return new errors/* EnvironmentError */.eG(`build ${f.id}: a ${platform} program could not start on the builder's ${host} machine (${said}): no emulator is registered there for ${platform}`, qemuFix(platform));
    }
    return new errors/* EnvironmentError */.eG(`build ${f.id}: a program could not start (${said}): it is for another architecture than the machine that ran it`, `if the builder's machine is not ${platform ?? "the target's platform"}: ${qemuFix(platform)}. If it is, the base image or a file the build copies in holds a program for another architecture: fix that (docker image inspect --format "{{.Architecture}}" on the base image)`);
}
/** The engine without DOCKER_HOST, as `docker buildx create` names a node made on it. */
const DEFAULT_DOCKER_HOST = 'unix:///var/run/docker.sock';
/**
 * Whether BUILDER builds on the engine docker.ping asks (DOCKER_HOST's, else the current Docker
 * context's, else the default socket): a docker or docker-container builder with one node whose
 * endpoint is that engine, its context's name ("default" without one: DOCKER_HOST's engine) or its
 * address, which `docker buildx create` without an endpoint records. A docker-container builder
 * made on another machine (`docker buildx create ssh://arm-host`, tcp://..., another context's
 * name) or with several nodes (--append: a build may run on any) does not, as far as can be told
 * here; nor do the remote and kubernetes drivers. The
 * docker driver is its context's engine: the local one where buildx names no endpoint. Pure.
 */
function buildsOnEngine(builder, dockerHost, dockerContext) {
    const { driver, endpoints } = builder;
    if (driver !== 'docker' && driver !== 'docker-container')
        return false;
    if (endpoints === undefined)
        return driver === 'docker';
    const names = [dockerContext ?? 'default', dockerHost || DEFAULT_DOCKER_HOST];
    return endpoints.length === 1 && names.includes(endpoints[0]);
}
/**
 * { builderPlatform } for a log with an exec format error, asked of the engine only then: the
 * engine's own platform where the builder builds on it (buildsOnEngine); nothing for a builder
 * elsewhere, or on several machines, or an engine that does not answer.
 */
async function builderPlatformFor(ctx, log) {
    if (!EXEC_FORMAT.test(log) || !buildsOnEngine(ctx.builder, ctx.dockerHost, ctx.dockerContext))
        return {};
    const info = await ctx.docker.ping().catch(() => undefined);
    return info === undefined ? {} : { builderPlatform: enginePlatform(info) };
}
/**
 * After a failed attempt: how long to wait before the next one (and why it failed), or the error
 * that ends the target: environment problems exit 3, a deterministic build failure exits 1.
 */
function afterFailedAttempt(f) {
    const { id, log, attempt } = f;
    if (/unknown flag: mount|the --mount option requires BuildKit/i.test(log)) {
        throw new errors/* EnvironmentError */.eG(`build ${id}: the builder's Dockerfile frontend does not understand RUN --mount=type=secret`, buildx_args_SECRETS_FIX);
    }
    // A full disk, a foreign platform without QEMU: no retry passes, and no Dockerfile fix either.
    const environment = environmentFailure(f);
    if (environment)
        throw environment;
    const next = nextAttempt(log, attempt, f.spentMs);
    if (next)
        return next;
    // No daemon, no registry, or one that refused the push or a base's pull: an environment problem
    // (exit 3, the login fix), not the build's.
    const refused = (0,failures/* registryRefusal */.AE)(`build ${id}`, failureReason(log), lastLines(log), f.registries);
    if (refused)
        throw refused;
    const classified = (0,engine/* cliFailure */.$l)(`build ${id}`, { ...f.result, stderr: log });
    if (classified instanceof errors/* EnvironmentError */.eG)
        throw classified;
    throw referenceFailure(f) ?? finalFailure(f, isTransient(lastLines(log)));
}
/**
 * buildx, BuildKit or the engine refused an image reference or name. The tags (and the cache's
 * references) are made of the config's image.registry, image.name, image.version and the variant
 * names: no Dockerfile's fault.
 */
const REFERENCE_REFUSED = /invalid reference format|repository name must (?:not be more than \d+ characters|be lowercase)|invalid tag format|invalid tag "/i;
/** A reference the Dockerfile's FROM names (after its build args), not one the config made. */
const DOCKERFILE_REFERENCE = /failed to parse stage name|base name \(.*\) should not be blank/i;
/** An IPv6 literal host, [::1]:5000. */
const isIpv6Host = (host) => host?.startsWith('[') === true;
/**
 * The error for a build that failed as a reference was refused (REFERENCE_REFUSED), or undefined
 * when its log shows no such refusal. With an [IPv6] registry (the pushed image's or the base's),
 * "invalid reference format" is a builder older than the reference grammar that takes IPv6 hosts
 * (distribution/reference 0.5, 2023: Docker 26 with its BuildKit 0.13, buildx 0.12): the
 * environment's (exit 3), a FROM naming that registry's image too. Any other refused tag or name is the config's (exit 2): it
 * passed the config's checks where the builder's grammar is stricter; a FROM the Dockerfile
 * wrote (a stage name it cannot parse) stays the build's.
 */
function referenceFailure(f) {
    const reason = failureReason(f.log);
    if (!REFERENCE_REFUSED.test(reason))
        return undefined;
    const { write, read } = f.registries;
    const ipv6 = [write, read].find(isIpv6Host);
    // A stage name the FROM wrote is the Dockerfile's, unless it is on that registry.
    const fromDockerfile = DOCKERFILE_REFERENCE.test(reason);
    if (ipv6 !== undefined &&
        /invalid reference format/i.test(reason) &&
        (!fromDockerfile || reason.includes(ipv6)))
        return new errors/* EnvironmentError */.eG(`build ${f.id}: the builder refused a reference on the [IPv6] registry ${ipv6} (${reason}): its Docker engine, BuildKit or buildx predates [IPv6] registry hosts`, `use Docker 26 or later (BuildKit 0.13 or later in a docker-container builder) and buildx 0.12 or later (docker version; docker buildx version; docker buildx inspect); or give the registry a host name (an /etc/hosts entry) and set that in ${ipv6 === write ? 'image.registry' : "build.mirrors or the variant's base"}`);
    if (fromDockerfile)
        return undefined;
    return new errors/* InputError */.dz(`build ${f.id}: the builder refused the image's name or a tag: ${reason}`, 'the tags are image.registry/image.name:<tag>, each tag made of image.version (or the git tag) and a variant\'s name: fix the one named above in the config (a repository name is lowercase and at most 255 characters with its registry host; a tag at most 128 characters of letters, digits, "_", "." and "-")');
}
function finalFailure(f, transient) {
    const excerpt = f.log.split('\n').slice(-25).join('\n');
    const what = `build ${f.id} failed after ${f.elapsed}s${f.attempt > 1 ? ` and ${f.attempt} attempts` : ''}: ${failureReason(f.log)}\n--- last lines of the build log ---\n${excerpt}`;
    // A registry or network that keeps failing is the environment's problem (exit 3), not the build's.
    if (transient) {
        return new errors/* EnvironmentError */.eG(what, `the registry or network kept failing (retries stop after ${MAX_ATTEMPTS} attempts or ${RETRY_BUDGET_MS / 1000}s after a target's first failure); check the registry's status and try again later`);
    }
    return new errors/* CheckFailedError */.CO(what, 'fix the Dockerfile or requirements named above; the build was not retried because the failure is deterministic');
}

;// CONCATENATED MODULE: ./src/build/merge.ts
// Multi-arch tags: `imagetools create` merges each variant's per-platform digests into one
// manifest list under every tag; an image built with push: false gets a local tag instead (and,
// a variant built for one platform, its tags too: buildx loads it under them, stage.ts).






/** The tag of an image built with push: false (loaded into the engine, never pushed). */
function localTag(repository, variant, arch) {
    return `${repository}:ml-image-local-${variant}-${arch}`;
}
/** imagetools create: one multi-arch manifest list from per-platform digests, under every tag. */
async function mergeVariant(deps, variant, tags, sources, 
/** `index:KEY=VALUE` annotations of the merged index (buildx >= 0.12). */
annotations = []) {
    const now = deps.now ?? Date.now;
    const t0 = now();
    // One `imagetools create` per repository, the sources' own first: buildx copies blobs into
    // another repository once per tag, concurrently, and a registry refuses a list whose manifests
    // are not copied yet (400).
    const buildRepository = sources[0]?.split('@')[0] ?? '';
    let digest;
    const builder = deps.builder?.name;
    const options = {
        ...(annotations.length > 0 && { annotations }),
        ...(builder !== undefined && { builder }),
    };
    for (const group of tagsByRepository(buildRepository, tags)) {
        const d = await withRetries(deps, `merge ${variant}`, group, () => Object.keys(options).length > 0
            ? deps.docker.imagetoolsCreate(group, [...sources], options)
            : deps.docker.imagetoolsCreate(group, [...sources]));
        digest ??= d;
    }
    if (digest === undefined)
        throw new Error(`merge ${variant}: no tags`);
    deps.progress(`merge ${variant}: ${sources.length} platform(s) -> ${tags.join(', ')} (${digest.slice(0, 19)}) in ${((now() - t0) / 1000).toFixed(1)}s`);
    return digest;
}
/**
 * A merge pushes one index under several tags at once; a registry's passing 5xx, a reset or a
 * rate limit is tried again with the build's backoff (2 s, 4 s) within its budget, counted from
 * the first failure. Pushing the same index again is harmless. A registry that keeps failing is
 * the environment's problem (exit 3).
 */
async function withRetries(deps, what, tags, push) {
    const now = deps.now ?? Date.now;
    const sleep = deps.sleep ?? promises_.setTimeout;
    let firstFailure;
    for (let attempt = 1;; attempt++) {
        try {
            return await push();
        }
        catch (e) {
            const tail = lastLines(e instanceof Error ? e.message : String(e));
            if (!isTransient(tail))
                throw refusal(e, what, tail, tags) ?? e;
            const next = nextAttempt(tail, attempt, now() - (firstFailure ??= now()));
            if (!next) {
                if (e instanceof errors/* EnvironmentError */.eG)
                    throw e;
                const tries = attempt === 1 ? '1 attempt' : `${attempt} attempts`;
                throw new errors/* EnvironmentError */.eG(`${what} into ${tags.join(', ')} failed after ${tries}: ${failureReason(tail)}\n--- last lines of buildx ---\n${tail}`, `the registry kept failing (retries stop after ${MAX_ATTEMPTS} attempts or ${RETRY_BUDGET_MS / 1000}s after the first failure); check the registry's status and run the merge again`, { cause: e });
            }
            deps.progress(`${what}: transient registry failure (${next.reason}); retrying in ${next.waitMs / 1000}s`);
            await sleep(next.waitMs);
        }
    }
}
/**
 * A push of the list (or a read of its sources) the registry refused: exit 3 with the login fix
 * for the tags' registry, as a build's refused push (retry.ts). Undefined: another failure.
 */
function refusal(e, what, tail, tags) {
    if (e instanceof errors/* EnvironmentError */.eG)
        return undefined;
    const host = (0,oci_ref/* parseImageRef */.Q)(tags[0] ?? '').registry;
    const refused = (0,failures/* registryRefusal */.AE)(`${what} into ${tags.join(', ')}`, failureReason(tail), tail, {
        write: host,
    });
    if (refused)
        refused.cause = e;
    return refused;
}

// EXTERNAL MODULE: ./src/build/push-tag.ts
var push_tag = __webpack_require__(2851);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
;// CONCATENATED MODULE: ./src/build/cache-scope.ts
// Where a target's build cache lives when the inputs give no cache-from / cache-to: a gha scope or
// a registry ref per image, variant and platform. Pure.

/** The first 8 hex digits of the repository's sha256: short, and only [0-9a-f] in a scope. */
const repositoryHash = (repository) => (0,external_node_crypto_.createHash)('sha256').update(repository).digest('hex').slice(0, 8);
/**
 * Cache scope/ref per image, variant and platform, so one target's cache never evicts another's:
 * each gha write replaces its scope's index, and the scopes are the GitHub repository's, whose
 * images may share a variant name (hence the image repository's hash in the scope; the registry
 * ref is the image's own already).
 */
function cacheFor(kind, repository, variant, arch) {
    if (kind === 'gha')
        return { type: 'gha', scope: `ml-image-${repositoryHash(repository)}-${variant}-${arch}` };
    if (kind === 'registry')
        return { type: 'registry', ref: `${repository}:cache-${variant}-${arch}` };
    return { type: 'none' };
}

// EXTERNAL MODULE: ./src/docker/buildx.ts + 1 modules
var buildx = __webpack_require__(49618);
;// CONCATENATED MODULE: ./src/build/pushed-image.ts
// The docker driver cannot push by digest: dockerd pushes the image by its push tag, then buildx
// asks the registry what that tag names now and reports it as the image's digest
// (containerimage.digest). A run of the same repository, variant and arch on this engine pushes by
// the same tag: had it pushed in between, the digest would be its image, which this run would
// merge, smoke-test and sign as its own. The build's own image is the config dockerd's exporter
// reports (containerimage.config.digest, the image ID): the manifest at the reported digest is read
// back from the registry, its bytes checked against that digest, and must name that config. On the
// containerd image store BuildKit pushes the tag itself (buildx: DirectPush, PreferImageDigest) and
// reports what it pushed (containerimage.descriptor): that digest is the exporter's own, no read-back.







const ManifestSchema = schemas/* object */.Ikc({ config: schemas/* object */.Ikc({ digest: schemas/* string */.YjP() }).optional() });
/** Whether an index entry is the image for PLATFORM (`os/arch`, or `os/arch/variant`). */
const isPlatform = (e, platform) => platform === `${e.os}/${e.architecture}` ||
    (e.variant !== undefined && platform === `${e.os}/${e.architecture}/${e.variant}`);
/**
 * The config digest of the image REF (`REPOSITORY@DIGEST`) names: its manifest's, or where it is an
 * index (an engine with the containerd image store may push one), the PLATFORM entry's. Undefined:
 * it names no image of PLATFORM. A registry that does not answer is exit 3: the push just worked.
 */
async function configOf(docker, p, ref, nested = false) {
    const raw = await docker
        .imagetoolsRaw(ref, p.builder !== undefined ? { builder: p.builder } : undefined)
        .catch((e) => {
        // Stopped by SIGINT/SIGTERM: said as it is, not as a registry that could not be read.
        if (e instanceof cleanup/* InterruptedError */.p4)
            throw e;
        const what = `build ${p.id}: reading ${ref} back to check the push by tag ${p.pushRef}`;
        const fix = `check that the registry ${(0,docker_registry/* splitImageRef */.l2)(ref).host} answers reads with this engine's login (docker buildx imagetools inspect --raw ${ref}), then run the build again`;
        const given = e instanceof errors/* EnvironmentError */.eG ? e.fix : undefined;
        throw new errors/* EnvironmentError */.eG(`${what}: ${e.message}`, given ?? fix, { cause: e });
    });
    const config = (0,failures/* parseJsonAnswer */.oV)(ManifestSchema, raw, `the manifest of ${ref}`).config?.digest;
    if (config !== undefined || nested)
        return config;
    const entry = (0,buildx/* parseImageIndex */.n4)(raw).platforms.find((e) => isPlatform(e, p.platform));
    return entry && configOf(docker, p, `${p.repository}@${entry.digest}`, true);
}
/**
 * The docker driver on the containerd image store: the exporter pushed the image itself and its
 * descriptor is the digest reported (buildx's containerimage.descriptor), not the registry's answer
 * for the tag afterwards, so no other build's push can stand in its place.
 */
function pushedByExporter(p) {
    const descriptor = p.metadata['containerimage.descriptor'];
    if (typeof descriptor !== 'object' || descriptor === null)
        return false;
    const digest = descriptor.digest;
    return typeof digest === 'string' && (0,oci_ref/* isDigest */.Bc)(digest) && digest === p.digest;
}
/**
 * Checks that the image the docker driver reported after its push by tag is this build's (see the
 * top of this file); throws exit 3 when another build's push came in between, or the registry
 * cannot be read for the check. Returns a warning when the check cannot be made (the engine
 * reported no config digest, nor pushed the image itself: buildx's report is taken as it is).
 */
async function checkPushedByTag(docker, p) {
    const expected = p.metadata['containerimage.config.digest'];
    if (typeof expected !== 'string' || !(0,oci_ref/* isDigest */.Bc)(expected))
        return pushedByExporter(p)
            ? undefined
            : `build ${p.id}: the engine reported no image config digest, so the digest ${p.digest} the registry gave for ${p.pushRef} cannot be checked to be this build's image (another build that pushed the same tag at the same time would go unnoticed)`;
    const found = await configOf(docker, p, `${p.repository}@${p.digest}`);
    if (found === expected)
        return undefined;
    throw new errors/* EnvironmentError */.eG(`build ${p.id}: another build pushed ${p.pushRef} at the same time: buildx reported ${p.digest} as this build's push, but its image is ${found ?? `no ${p.platform} image`}, not this build's ${expected}`, 'run the build again. Runs of the same repository, variant and arch on one engine with the docker driver push by the same tag: keep them from overlapping (a concurrency group), or use a docker-container builder (docker/setup-buildx-action), which pushes by digest');
}

;// CONCATENATED MODULE: ./src/build/target.ts
// One build target (a variant on one platform): its secret files, its buildx argv, and the
// attempts, retried while the failure is transient (see retry.ts).


















/** What buildx writes with --metadata-file: an object with the image digest among other keys. */
const MetadataSchema = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J());
/** The tag the docker driver pushes a target by (a pull request's own: its inline cache is its own). */
const pushTagOf = (ctx, t, arch) => (0,push_tag/* buildPushTag */.f7)(t.v.name, arch, ctx.untrusted?.pushScope);
/**
 * Where a target's image is in the engine, when it is there: the local tag of a load (push: false,
 * or push and load as a second exporter); the docker driver's pushed image is already in the
 * engine, under the tag it pushed by (buildx names it nothing else). Undefined: only pushed.
 * A local ref does not mean "not pushed": the build result says that in `pushed` (isPushed).
 */
function localRefOf(ctx, t, arch) {
    if (exportsLoad(ctx))
        return localTag(ctx.repository, t.v.name, arch);
    return ctx.options?.load ? `${ctx.repository}:${pushTagOf(ctx, t, arch)}` : undefined;
}
/** Whether an exporter of the build loads the image (push: false, or push and load by digest), under its local tag and loadTags. */
const exportsLoad = (ctx) => !ctx.push || (!!ctx.options?.load && canPushByDigest(ctx.builder));
/** The tags a loaded image carries besides its local ref (buildx-args.ts outputArgs). */
const loadedTagsOf = (ctx, t) => exportsLoad(ctx) ? [...(t.loadTags ?? [])] : [];
/** The secret files and the buildx argv of one target. */
function prepareTarget(ctx, t, arch, metadataFile) {
    const resolved = ctx.resolved?.[`${t.v.name}/${t.platform}`];
    const inputs = {
        requirements: resolved?.requirements ?? ctx.requirements,
        constraints: resolved?.constraints ?? ctx.constraints,
        indexes: ctx.indexes,
        ...(t.v.torch?.indexUrl !== undefined && { torchIndexUrl: t.v.torch.indexUrl }),
        secretEnv: ctx.secretEnv,
    };
    const fileSecrets = {
        ...writeBuildInputs(external_node_path_default().join(ctx.work, `inputs-${t.v.name}-${arch}`), inputs, ctx.progress),
        ...ctx.valueSecretFiles,
    };
    const o = ctx.options ?? {};
    // The manifest types of each annotation: an index type is the merge's (mergeAnnotations).
    const annotations = (o.annotations ?? []).flatMap((a) => manifestPart(a) ?? []).map(annotationArg);
    const { args, notes } = buildxBuildArgs({
        context: ctx.context,
        dockerfile: t.dockerfile,
        platform: t.platform,
        repository: ctx.repository,
        pushTag: pushTagOf(ctx, t, arch),
        push: ctx.push,
        ...((!ctx.push || o.load) && {
            loadTag: localTag(ctx.repository, t.v.name, arch),
            ...(t.loadTags && t.loadTags.length > 0 && { loadTags: t.loadTags }),
        }),
        labels: t.labels,
        buildArgs: { ...t.buildArgs, [INPUTS_DIGEST_ARG]: inputsDigest(inputs) },
        cache: cacheFor(ctx.cache, ctx.repository, t.v.name, arch),
        ...(ctx.untrusted && { cacheReadOnly: true, ghaCacheOwnScope: ctx.untrusted.ghaOwnScope }),
        metadataFile,
        provenance: ctx.build.provenance,
        secrets: ctx.build.secrets,
        fileSecrets,
        network: ctx.build.network,
        pull: ctx.build.pull,
        ...(o.noCache !== undefined && { noCache: o.noCache }),
        ...(o.target !== undefined && { target: o.target }),
        ...(o.secretEnvs && { secretEnvs: o.secretEnvs }),
        ...(annotations.length > 0 && { annotations }),
        ...(o.sbom !== undefined && { sbom: o.sbom }),
        ...(ctx.push && o.load && { load: true }),
        ...((t.ociMediatypes || annotations.length > 0) && { ociMediatypes: true }),
        ...requestFromOptions(o, t.v.name, arch),
    }, ctx.builder);
    for (const n of notes) {
        if (!ctx.notesShown.has(n))
            ctx.progress(`note: ${n}`);
        ctx.notesShown.add(n);
    }
    return args;
}
/** The image digest from buildx's metadata file, the metadata kept without URL credentials. */
function readMetadata(id, metadataFile) {
    // buildx's metadata can quote build inputs (provenance): no URL credentials in build.json.
    const parsed = MetadataSchema.safeParse((0,redact/* redactUrlsDeep */.w5)(JSON.parse((0,external_node_fs_.readFileSync)(metadataFile, 'utf8'))));
    const metadata = parsed.success ? parsed.data : {};
    const digest = metadata['containerimage.digest'];
    if (typeof digest !== 'string')
        throw new errors/* CheckFailedError */.CO(`build ${id}: buildx wrote no image digest to ${metadataFile}`);
    return { digest, metadata };
}
/**
 * What a build that passed made: its digest and metadata (checked to be this build's image where
 * the docker driver pushed by tag: pushed-image.ts) and where it is in the engine.
 */
async function builtImage(ctx, t, arch, metadataFile) {
    const id = `${t.v.name}/${arch}`;
    const { digest, metadata } = readMetadata(id, metadataFile);
    if (ctx.push && !canPushByDigest(ctx.builder)) {
        const { repository, builder } = ctx;
        const pushRef = `${repository}:${pushTagOf(ctx, t, arch)}`;
        const p = { id, pushRef, repository, platform: t.platform, digest, metadata, builder: builder.name };
        const warning = await checkPushedByTag(ctx.docker, p);
        if (warning !== undefined)
            ctx.progress(`warning: ${warning}`);
    }
    const localRef = localRefOf(ctx, t, arch);
    const loadedTags = loadedTagsOf(ctx, t);
    const where = { ...(localRef !== undefined && { localRef }), ...(loadedTags.length > 0 && { loadedTags }) };
    return { digest, rest: { metadata, ...where, pushed: ctx.push } };
}
/**
 * Builds one target, retrying transient failures; throws the classified error of the last attempt,
 * after telling T.left of the image a failed push of the docker driver left under its push tag.
 */
async function buildTarget(ctx, t) {
    const arch = (0,config_platform/* archOf */.Q)(t.platform);
    const pushRef = t.left && ctx.push && !canPushByDigest(ctx.builder)
        ? `${ctx.repository}:${pushTagOf(ctx, t, arch)}`
        : undefined;
    // The image the tag named before (null: none): one this build did not make is never reported,
    // and an engine that could not say (an error) leaves nothing to compare with.
    const before = pushRef === undefined
        ? undefined
        : await ctx.docker.inspectLocalImage(pushRef).then((d) => d?.id ?? null, () => undefined);
    const outcome = attempts(ctx, t, arch);
    if (pushRef === undefined || before === undefined)
        return outcome;
    let looked;
    const look = () => (looked ??= leftImage(ctx, t, pushRef, before));
    // A signal: the process exits once its cleanups end, before this function's catch would run
    // (its buildx is stopped by a cleanup of its own). This one waits for the build to end, then looks.
    const unregister = (0,cleanup/* registerCleanup */.qE)(() => outcome.then(() => undefined, look));
    try {
        return await outcome;
    }
    catch (e) {
        await look();
        throw e;
    }
    finally {
        unregister();
    }
}
/**
 * The image a failed build left under PUSHREF, for T.left: a new one (not BEFORE) that carries
 * every label this build set (the variant, the commit, the created time, the base digest): not an
 * image another build of another commit or base put under the tag meanwhile. Looked at by its tag
 * alone; an engine that cannot answer tells nothing.
 */
async function leftImage(ctx, t, pushRef, before) {
    const d = await ctx.docker.inspectLocalImage(pushRef).catch(() => undefined);
    if (d === undefined || d.id === before || d.labels[`${plan_schema/* LABEL_PREFIX */.Ag}.variant`] !== t.v.name)
        return;
    if (!Object.entries(t.labels).every(([k, v]) => d.labels[k] === v))
        return;
    t.left?.({
        platform: t.platform,
        digest: d.id,
        durationMs: 0,
        attempts: 1,
        metadata: { 'containerimage.config.digest': d.id },
        localRef: pushRef,
        pushed: false,
    });
}
/** buildTarget's attempts: build, and retry what may pass on a second try. */
async function attempts(ctx, t, arch) {
    const id = `${t.v.name}/${arch}`;
    const metadataFile = external_node_path_default().join(ctx.work, `metadata-${t.v.name}-${arch}.json`);
    let args = prepareTarget(ctx, t, arch, metadataFile);
    const started = ctx.now();
    // The retry budget counts from here: a long first attempt still gets its retries.
    let firstFailure;
    for (let attempt = 1;; attempt++) {
        ctx.signal?.throwIfAborted();
        (0,cleanup/* throwIfInterrupted */.sK)(`build ${id}`);
        ctx.progress(`build ${id}: started${attempt > 1 ? ` (attempt ${attempt}/${MAX_ATTEMPTS})` : ''}`);
        const tail = [];
        const r = await ctx.docker.buildx(args, {
            ...(ctx.buildxEnv && { env: { ...ctx.buildxEnv } }),
            ...(ctx.signal && { signal: ctx.signal }),
            onLine: (raw) => {
                // pip masks passwords itself; this also covers a token used as a URL's user name.
                const line = ctx.mask(raw);
                tail.push(line);
                if (tail.length > 400)
                    tail.shift();
                ctx.output?.(line, id);
            },
        });
        // Stopped because another platform failed: that failure is the stage's, not this exit.
        if (r.exitCode !== 0)
            ctx.signal?.throwIfAborted();
        const finished = ctx.now();
        const elapsed = ((finished - started) / 1000).toFixed(1);
        if (r.exitCode === 0) {
            const built = await builtImage(ctx, t, arch, metadataFile);
            ctx.progress(`build ${id}: done in ${elapsed}s (${built.digest.slice(0, 19)})`);
            return {
                platform: t.platform,
                digest: built.digest,
                durationMs: finished - started,
                finishedAt: new Date(finished).toISOString(),
                attempts: attempt,
                ...built.rest,
            };
        }
        const log = tail.join('\n') || ctx.mask(r.stderr);
        const missing = MISSING_CACHED_LAYER.test(lastLines(log));
        // Without the cache it lacks a layer again: the engine's storage, not the build (exit 3).
        if (missing && args.includes('--no-cache'))
            throw engineStorageError(id, log);
        if (missing) {
            // Once: the same build without any cache (the imported cache's steps stay cached in
            // BuildKit until pruned: a build without --cache-from alone hits them again). It still
            // exports its own cache for the next run.
            ctx.progress(`build ${id}: the engine lacks a layer of a cached step (${failureReason(log)}); building again without the cache`);
            args = uncachedArgs(args);
            continue;
        }
        const registries = {
            write: (0,oci_ref/* parseImageRef */.Q)(ctx.repository).registry,
            read: (0,oci_ref/* parseImageRef */.Q)(t.v.base.ref).registry,
        };
        const retry = afterFailedAttempt({
            id,
            result: r,
            log,
            attempt,
            spentMs: ctx.now() - (firstFailure ??= ctx.now()),
            elapsed,
            registries,
            platform: t.platform,
            ...(await builderPlatformFor(ctx, log)),
        });
        ctx.progress(`build ${id}: transient failure (${retry.reason}); retrying in ${retry.waitMs / 1000}s`);
        // The wait ends early when another platform failed, or at SIGINT/SIGTERM (the loop's top then
        // stops this build, and the process's exit is not held for the wait). Its listener goes with
        // it: the abort signal is the variant's, shared by every platform and wait.
        await new Promise((resolve) => {
            let unregister = () => { };
            const done = () => {
                ctx.signal?.removeEventListener('abort', done);
                unregister();
                resolve();
            };
            unregister = (0,cleanup/* registerCleanup */.qE)(done);
            ctx.signal?.addEventListener('abort', done, { once: true });
            void ctx.sleep(retry.waitMs).then(done);
        });
    }
}
/** Index annotations of the merged list: `imagetools create --annotation` needs buildx >= 0.12. */
function mergeAnnotations(ctx, labels, given) {
    const wanted = indexAnnotations(labels, given);
    if (wanted.length === 0)
        return wanted;
    const why = classicDocker(ctx.builder)
        ? 'docker driver: the platform images are Docker manifests, so the merged list is a Docker manifest list, which carries no annotations: index annotations left out (use a docker-container builder)'
        : compareVersions(ctx.builder.buildxVersion, '0.12.0') < 0
            ? `index annotations need buildx >= 0.12.0 (found ${ctx.builder.buildxVersion}), left out`
            : undefined;
    if (why === undefined)
        return wanted;
    noteOnce(ctx, why);
    return [];
}
/** WHY as a note, once per stage. */
function noteOnce(ctx, why) {
    if (!ctx.notesShown.has(why))
        ctx.progress(`note: ${why}`);
    ctx.notesShown.add(why);
}

;// CONCATENATED MODULE: ./src/build/templates.ts
// Where a build's Dockerfile comes from: this tool's images/ templates, else the user's own.



/** The variant's template from images/, else the user's Dockerfile (build.dockerfile). */
function dockerfileFor(v, config, baseDir, imagesDir) {
    if (v.template === undefined) {
        if (config.build.dockerfile === undefined)
            throw new errors/* InputError */.dz(`variant ${v.name}: no template and no build.dockerfile`);
        return external_node_path_default().resolve(baseDir, config.build.dockerfile);
    }
    const file = external_node_path_default().join(imagesDir, v.template, 'Dockerfile');
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* InputError */.dz(`template "${v.template}" not found: ${file}`);
    return file;
}

;// CONCATENATED MODULE: ./src/build/context-ignore.ts
// Keep the run's own files out of the image. The result directory (plan.json, resolution-*.json,
// an earlier run's records) usually sits inside the build context (`ml-image-results` beside
// ml-image.yml, context "."), and the templates' `COPY . /app` would copy it into every image: a
// new last layer, and a new digest, on every run with the same inputs. The config itself (an index
// URL's login is written in it) and the files read as secrets (the signing key, `secret-files`)
// would be pushed with the image. BuildKit reads a
// Dockerfile-specific ignore file (`<Dockerfile>.dockerignore` beside the Dockerfile) instead of
// the context's `.dockerignore`, so the build uses a copy of the Dockerfile in its private work
// directory beside such a file: the ignore file BuildKit would have read, then one line per path
// kept out. The user's files are never written to.




/** Whether a path.relative() result leaves its base ("..", "../x"; not a name like "..x"). */
const outside = (rel) => rel === '..' || rel.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(rel);
/**
 * PATH (absolute) relative to CONTEXT when it lies strictly inside it, else undefined. A path
 * with a line break cannot be one line of an ignore file: it is left as it is.
 */
function insideContext(context, p) {
    const rel = external_node_path_default().relative((0,read_regular/* realPathOrSelf */.rX)(context), (0,read_regular/* realPathOrSelf */.rX)(p));
    if (rel === '' || outside(rel) || /[\r\n]/.test(rel))
        return undefined;
    return rel.split((external_node_path_default()).sep).join('/');
}
/**
 * One ignore-file line that excludes exactly REL (a context-relative path, "/" separated): anchored
 * at the context's root, with the pattern characters of Go's filepath.Match escaped. BuildKit trims
 * each line and drops the leading "/" only after it has looked for a leading "!": a name that starts
 * with "!" is escaped (else it would re-include), and trailing blanks are written as classes.
 */
function ignoreLine(rel) {
    const escaped = rel.replace(/[\\*?[\]]/g, (c) => `\\${c}`).replace(/^!/, '\\!');
    return `/${escaped.replace(/\s+$/, (blanks) => [...blanks].map((c) => `[${c}]`).join(''))}`;
}
/** A file's lstat; undefined when there is none, or its name is too long to be one (ENAMETOOLONG). */
function lstatOrAbsent(f) {
    try {
        return (0,read_regular/* statOrAbsent */.Hg)(f, true);
    }
    catch (e) {
        if (e.code === 'ENAMETOOLONG')
            return undefined;
        throw e;
    }
}
/** The longest file name (bytes) of the file systems the work directory is on (NAME_MAX). */
const NAME_MAX = 255;
const IGNORE_SUFFIX = '.dockerignore';
/**
 * The name of the Dockerfile's copy: the user's own (BuildKit's messages name it), unless the
 * ignore file beside it would be too long a name; then "Dockerfile".
 */
function copyName(dockerfile) {
    const base = external_node_path_default().basename(dockerfile);
    return Buffer.byteLength(base + IGNORE_SUFFIX) <= NAME_MAX ? base : 'Dockerfile';
}
/**
 * The ignore file BuildKit reads for DOCKERFILE and CONTEXT, as text ('' when there is none). As
 * BuildKit reads it: from inside the directory it is in (the Dockerfile's, the context), so a link
 * that points out of that directory is no ignore file, never a file of this machine read for it.
 */
function ignoreFileOf(dockerfile, context) {
    const candidates = [
        [`${dockerfile}${IGNORE_SUFFIX}`, external_node_path_default().dirname(dockerfile)],
        [external_node_path_default().join(context, '.dockerignore'), context],
    ];
    for (const [f, within] of candidates) {
        if (lstatOrAbsent(f) === undefined)
            continue;
        const target = (0,read_regular/* realPathOrSelf */.rX)(f);
        const rel = external_node_path_default().relative((0,read_regular/* realPathOrSelf */.rX)(within), target);
        if (outside(rel))
            continue;
        const st = (0,read_regular/* statPath */.qW)(target);
        // A link loop: BuildKit cannot read it either; say so rather than end in an internal error.
        if (typeof st === 'string')
            throw new errors/* InputError */.dz(`${f}: ${st}, and the build needs it: it says what stays out of the image`, 'make it a regular file or remove it');
        if (!st?.isFile())
            continue;
        try {
            return (0,external_node_fs_.readFileSync)(target, 'utf8');
        }
        catch (e) {
            throw new errors/* InputError */.dz(`${f}: cannot read it (${e.code ?? String(e)}), and the build needs it: it says what stays out of the image`, 'make it readable by the user that runs ml-image');
        }
    }
    return '';
}
/**
 * The Dockerfile that builds CONTEXT without KEEPOUT's paths: DOCKERFILE itself when none of them
 * is inside the context, else a copy under WORK/NAME/ with its own ignore file.
 */
function dockerfileKeepingOut(dockerfile, context, keepOut, work, name) {
    const keptOut = keepOut.flatMap((p) => insideContext(context, p) ?? []);
    if (keptOut.length === 0)
        return { dockerfile, keptOut };
    const dir = external_node_path_default().join(work, `dockerfile-${name}`);
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const copy = external_node_path_default().join(dir, copyName(dockerfile));
    (0,external_node_fs_.copyFileSync)(dockerfile, copy);
    const own = ignoreFileOf(dockerfile, context);
    const sep = own === '' || own.endsWith('\n') ? '' : '\n';
    const added = keptOut.map((rel) => `${ignoreLine(rel)}\n`).join('');
    (0,external_node_fs_.writeFileSync)(`${copy}${IGNORE_SUFFIX}`, `${own}${sep}# kept out by ml-image (its config, records and secret files)\n${added}`, {
        mode: 0o600,
    });
    return { dockerfile: copy, keptOut };
}

// EXTERNAL MODULE: ./src/util/map-limit.ts
var map_limit = __webpack_require__(9992);
;// CONCATENATED MODULE: ./src/requirements/references.ts
// The ${NAME} references of a requirements file against build.secrets: the build passes pip only
// the variables listed there (by secret mount), so the resolver passes only those too (by
// environment). A file a pull request changes could otherwise hand pip, and any index it names,
// whatever the runner's environment holds (AWS_SECRET_ACCESS_KEY, a token the workflow set).

/**
 * The references that SECRETS (build.secrets) does not list, refused: each line naming one is a
 * problem of its own ("req.txt:3: ${TOKEN} is not listed in build.secrets"), among the others the
 * read finds.
 */
function unlistedReferences(secrets) {
    return {
        why: (name) => (secrets.includes(name) ? undefined : 'is not listed in build.secrets'),
        fix: 'list each ${NAME} a line names in build.secrets: the build passes pip only those variables (by secret mount), and the resolver only those from the environment',
    };
}
/**
 * The requirements FILES (relative to BASE_DIR) as the build reads them: on a runner from the
 * workspace only, checked with only SECRETS (build.secrets) filled in, and a ${NAME} they do not
 * list refused (exit 2, with every other problem of the files, each naming its file and line).
 * The resolve and build stages and `validate` read them so.
 */
function readListedRequirements(files, secrets, baseDir, env) {
    return readRequirements(files, baseDir, env, {
        ...workspaceRoot(env, baseDir),
        expandable: secrets,
        refused: unlistedReferences(secrets),
    });
}

;// CONCATENATED MODULE: ./src/build/stage.ts
// The build stage: one buildx build per variant and platform, each pushed (by digest where the
// driver allows), then `imagetools create` merges each variant's platform digests under its tags.
// Transient failures (connection reset, registry 5xx, i/o timeout) are retried with backoff; a
// deterministic failure (Dockerfile error, pip conflict) stops at once with the end of the log
// (retry.ts). Requirements, constraints, index URLs (often with credentials) and build.secrets
// reach the build only as BuildKit secret mounts, never as build arguments (inputs.ts).




























/** The cache `auto` means: gha on a GitHub runner with the cache service, else the registry. */
function cacheKind(config, env) {
    if (config.build.cache !== 'auto')
        return config.build.cache;
    const onRunner = env.ACTIONS_RUNTIME_TOKEN !== undefined &&
        (env.ACTIONS_RESULTS_URL ?? env.ACTIONS_CACHE_URL) !== undefined;
    return onRunner ? 'gha' : 'registry';
}
/** Where the builder's facts are kept between runs (none without a cache directory). */
function factsCache(input, deps) {
    return input.cacheDir !== undefined ? { dir: input.cacheDir, env: deps.env } : undefined;
}
/**
 * The builder's abilities, each variant's base digest (one lookup per distinct base; the engine's
 * own image too where the build takes it: base-digest.ts) and the context's commit time:
 * independent, so side by side.
 */
async function lookUp(input, deps, variants, timer) {
    const builderName = input.options?.builder;
    const context = external_node_path_default().resolve(input.baseDir, input.config.build.context);
    const facts = lookUpBuilder(deps.docker, builderName, factsCache(input, deps));
    // dockerd's own builder without --pull starts from the engine's image under the tag.
    const localFirst = facts.then((f) => f.facts.driver === 'docker' && !input.config.build.pull);
    const bases = variants.map((v) => ({ ref: v.base.ref, platforms: stage_platformsOf(input, v) }));
    const [found, baseRecords, sourceDate] = await Promise.all([
        timer.step('builder facts', () => facts, (f) => `${f.from === 'asked' ? 'asked buildx' : `from the ${f.from === 'disk' ? 'cache directory' : 'process'}`}: ${f.facts.driver}, buildx ${f.facts.buildxVersion}, BuildKit ${f.facts.buildkitVersion ?? 'unknown'}`),
        timer.step('base digest', () => recordedBases(deps.docker, bases, localFirst, (l) => deps.progress(`warning: ${l}`)), () => `${new Set(bases.map((b) => b.ref)).size} base image(s)`),
        timer.step('source date', () => sourceDateEpoch(deps.env, context, deps.exec), (d) => d.why),
    ]);
    const builder = { ...found.facts, ...(builderName !== undefined && { name: builderName }) };
    return { builder, bases: baseRecords, sourceDate };
}
/** The platforms of V this run builds (a matrix job's: only some). */
const stage_platformsOf = (input, v) => v.platforms.filter((p) => !input.only?.platforms || input.only.platforms.includes(p));
/** The variant's labels: its plan's, the base digest, and the created label from the commit time. */
function variantLabels(input, v, run) {
    const labels = withSourceDate(v.labels, run.sourceDate, input.options?.labels);
    // Unknown: set empty, so that the base image's own labels (its base's digest) are not inherited
    // under this image's base name.
    const digest = run.baseDigest ?? '';
    return {
        ...labels,
        'org.opencontainers.image.base.digest': digest,
        [`${plan_schema/* LABEL_PREFIX */.Ag}.base-digest`]: digest,
    };
}
/** Builds every selected platform of one variant, then merges them under its tags when asked. */
async function buildVariant(input, v, run) {
    const { plan, config } = input;
    const { ctx, timer } = run;
    const base = dockerfileFor(v, config, input.baseDir, input.imagesDir);
    const { dockerfile, keptOut } = dockerfileKeepingOut(base, ctx.context, input.keepOut ?? [], ctx.work, v.name);
    const unmounted = netrcUnmountedWarning(base, ctx.indexes, v.torch?.indexUrl);
    if (unmounted !== undefined)
        ctx.progress(`warning: ${unmounted}`);
    if (keptOut.length > 0)
        noteOnce(ctx, `${keptOut.join(', ')} kept out of the build context (this tool's config, records and files, and the files read as secrets: never copied into the image)`);
    const labels = variantLabels(input, v, run);
    // No SOURCE_DATE_EPOCH build argument: on BuildKit >= 0.11 a changing one invalidates the cache
    // from WORKDIR on (every commit would reinstall the requirements). One set in the environment
    // reaches the build anyway: buildx passes it on itself.
    // The plan's own args last: build.args never replaces them (the config refuses their names too).
    const buildArgs = { ...config.build.args, ...publicPlanArgs(v.buildArgs) };
    const platforms = stage_platformsOf(input, v);
    // dockerd's BuildKit (docker driver) runs one build at a time well on small runners.
    const limit = ctx.builder.driver === 'docker' ? 1 : 2;
    // Side by side, each build's lines are held and written as a log group of its own when it ends.
    const held = Math.min(limit, platforms.length) > 1;
    const merging = input.push && input.merge !== false;
    const annotations = merging ? mergeAnnotations(ctx, labels, input.options?.annotations) : [];
    // OCI manifests where the list gets annotations: this run's merge, or (merge: false, a matrix
    // build job) the merge job's, which annotates the list it makes. From Docker manifests buildx
    // makes a Docker list and drops the annotations without a word. The docker driver pushes Docker
    // manifests whatever is asked (dockerd's own exporter): that merge job warns.
    const ociMediatypes = annotations.length > 0 || (input.push && input.merge === false);
    // A platform that fails stops the others' builds (they would run on, minutes under QEMU, and
    // their work files are removed when the stage ends); mapLimit waits for them to end.
    const stop = new AbortController();
    // keep-images: false: each target built (or left by a failed push) is told as soon as it is.
    const { builtTarget } = run;
    const record = builtTarget &&
        ((b) => builtTarget({ ...variantOf(input, v, run), tags: [], platforms: [b] }));
    const built = await (0,map_limit/* mapLimit */.sf)(platforms, limit, (platform) => run.logs
        .group(`build ${v.name} ${platform}`, held, (output) => timer.step(`build ${v.name}/${(0,config_platform/* archOf */.Q)(platform)}`, () => buildTarget({ ...ctx, ...(output && { output }), signal: stop.signal }, {
        v,
        platform,
        dockerfile,
        labels,
        buildArgs,
        // One platform: the image loaded (push: false, or load) carries the variant's tags too,
        // as build-push-action's (docker run TAG after the step). Several: each its local tag
        // only (one tag cannot name each platform's image in the engine).
        ...(platforms.length === 1 && { loadTags: v.tags }),
        ...(ociMediatypes && { ociMediatypes: true }),
        ...(record && { left: record }),
    })))
        .then(async (b) => {
        record?.(b);
        await baseStillHeld(ctx, v, run, platform);
        return b;
    })
        .catch((e) => {
        stop.abort(e);
        throw e;
    }));
    const sources = built.map((b) => `${plan.repository}@${b.digest}`);
    let digest;
    if (merging) {
        digest = await timer.step(`merge ${v.name}`, () => mergeVariant(ctx, v.name, v.tags, sources, annotations));
    }
    return {
        ...variantOf(input, v, run),
        ...(digest !== undefined && { digest }),
        tags: input.push ? v.tags : built.flatMap((b) => (b.localRef ? [b.localRef] : [])),
        platforms: built,
    };
}
/** A build that took the engine's image under the base's tag: the tag names it still (base-digest.ts). */
async function baseStillHeld(ctx, v, run, platform) {
    if (run.baseHeld === undefined)
        return;
    const warning = await checkBaseHeld(ctx.docker, v.base.ref, run.baseHeld, `${v.name}/${(0,config_platform/* archOf */.Q)(platform)}`);
    if (warning !== undefined)
        ctx.progress(`warning: ${warning}`);
}
/** What a variant's build result holds besides its platforms, tags and merged digest. */
function variantOf(input, v, run) {
    return {
        variant: v.name,
        repository: input.plan.repository,
        baseImage: v.base.ref,
        ...(run.baseDigest !== undefined && { baseDigest: run.baseDigest }),
    };
}
/**
 * buildx reads the context's git state (seven git commands per build) only to record it in a
 * provenance attestation: with provenance off (provenance "false" and no provenance in the attests
 * input), whatever the driver, that is skipped, unless BUILDX_GIT_INFO is set.
 */
function skipGitInfo(input, env) {
    if (env.BUILDX_GIT_INFO !== undefined)
        return false;
    const attested = (input.options?.attests ?? []).some((a) => /type=provenance/.test(a));
    return input.config.build.provenance === 'false' && !attested;
}
/**
 * The config's requirements as pip's text, and their -c files' lines (the build's constraints where
 * the resolver left none). Checked with the stage's environment, as the resolve stage checks them
 * (never process.env), and with only build.secrets filled in (the others are refused here): no
 * message quotes another variable's value.
 */
function configRequirements(config, baseDir, env) {
    // A ${NAME} pip would expand but no secret mount gives it: refused now, not a failed install later.
    const read = readListedRequirements(config.python.requirements, config.build.secrets, baseDir, env);
    return { requirements: read.text, constraints: read.constraints.text };
}
async function runBuildStage(input, deps) {
    const { plan, config, baseDir } = input;
    const secretEnv = secretEnvFrom(config.build.secrets, deps.env);
    checkBuildArgs(config.build.args);
    const indexes = pipIndexes(config.python, deps.env);
    const variants = plan.variants.filter((v) => !input.only?.variants || input.only.variants.includes(v.name));
    const logs = new BuildLogs(deps);
    const timer = new StepTimer(deps.timing && logs.timing);
    timer.startup();
    const { builder, bases, sourceDate } = await lookUp(input, deps, variants, timer);
    // Secret mounts or nothing: never a fallback to build arguments.
    const unsupported = secretMountsUnsupported(builder);
    if (unsupported !== undefined)
        throw new errors/* EnvironmentError */.eG(unsupported, buildx_args_SECRETS_FIX);
    const { requirements, constraints } = configRequirements(config, baseDir, deps.env);
    const work = (0,temp/* runTempDir */.jI)('ml-image-build-');
    const unregister = (0,cleanup/* registerCleanup */.qE)(() => (0,external_node_fs_.rmSync)(work, { recursive: true, force: true }));
    let given;
    try {
        given = inputSecrets(input.options, config, deps.env, external_node_path_default().join(work, 'input-secrets'));
    }
    catch (e) {
        (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
        unregister();
        throw e;
    }
    const untrusted = (0,push_tag/* untrustedRunOf */.j6)(deps.env, (0,github_event/* readRunEventFacts */.rH)(deps.env));
    if (untrusted)
        deps.progress(`${(0,pull_request_code/* untrustedReason */.lw)(deps.env)}: it may build a pull request's code, so it writes no cache a branch reads and pushes by ml-image-build-${untrusted.pushScope}-* tags`);
    const ctx = {
        docker: deps.docker,
        progress: logs.progress,
        ...(deps.output && { output: logs.output }),
        sleep: deps.sleep ?? promises_.setTimeout,
        now: deps.now ?? Date.now,
        repository: plan.repository,
        push: input.push,
        build: config.build,
        builder,
        ...(0,docker_context/* engineOf */.ky)(deps.env),
        cache: cacheKind(config, deps.env),
        ...(untrusted && { untrusted }),
        context: external_node_path_default().resolve(baseDir, config.build.context),
        work,
        requirements,
        constraints,
        ...(input.resolved && { resolved: input.resolved }),
        indexes,
        secretEnv,
        // Every line of build output is shown with URL userinfo masked and secret values replaced.
        mask: outputMasker({ ...secretEnv, ...given.values }, indexes, plan.variants.flatMap((v) => v.torch?.indexUrl ?? [])),
        notesShown: new Set(),
        group: deps.group ?? ((_n, fn) => fn()),
        ...(input.options && { options: input.options }),
        valueSecretFiles: given.files,
        ...(skipGitInfo(input, deps.env) && { buildxEnv: { BUILDX_GIT_INFO: 'false' } }),
    };
    try {
        const results = [];
        for (const [i, v] of variants.entries()) {
            const [baseDigest, baseHeld] = [bases[i]?.digest, bases[i]?.localId];
            const run = { ctx, baseDigest, baseHeld, sourceDate, timer, builtTarget: deps.builtTarget, logs };
            // A failed build forgets the builder's facts: the next run asks buildx again.
            results.push(await buildVariant(input, v, run).catch((e) => {
                forgetBuilder(deps.docker, input.options?.builder, factsCache(input, deps));
                throw e;
            }));
        }
        timer.done();
        return { schemaVersion: result/* BUILD_RESULT_SCHEMA_VERSION */.ef, variants: results };
    }
    finally {
        (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
        unregister();
    }
}

// EXTERNAL MODULE: ./src/docker/exec-runner.ts + 1 modules
var exec_runner = __webpack_require__(78617);
// EXTERNAL MODULE: external "node:dns/promises"
var external_node_dns_promises_ = __webpack_require__(71553);
;// CONCATENATED MODULE: ./src/docker/host-lookup.ts
// This machine's resolver, for the resolver's network choice (src/resolve/network-lookup.ts): the
// addresses a host name an index URL names resolves to here (getaddrinfo: /etc/hosts, then DNS).
// The resolve stage takes it as a dependency (HostLookup); the composition roots (the pipeline,
// `ml-image resolve`) hand it this one, tests a fake: no test looks a name up for real.

/** How long a lookup may take before it counts as failed (no addresses). */
const LOOKUP_TIMEOUT_MS = 5000;
/** The system's resolver (dns.lookup, every address), given up after LOOKUP_TIMEOUT_MS. */
const systemLookup = (hostname) => {
    let timer;
    const late = new Promise((resolve) => {
        timer = setTimeout(() => resolve([]), LOOKUP_TIMEOUT_MS);
        timer.unref();
    });
    const found = (0,external_node_dns_promises_.lookup)(hostname, { all: true }).then((as) => as.map((a) => a.address));
    return Promise.race([found, late]).finally(() => clearTimeout(timer));
};

;// CONCATENATED MODULE: ./src/plan/catalog.json
const catalog_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"updated":"2026-12-03","torchIndexUrl":"https://download.pytorch.org/whl","cudaDrivers":[{"cuda":"12.0","latestPatch":"12.0.1","toolkitDriverMin":"525.60.13","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.1","latestPatch":"12.1.1","toolkitDriverMin":"530.30.02","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.2","latestPatch":"12.2.2","toolkitDriverMin":"535.54.03","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.3","latestPatch":"12.3.2","toolkitDriverMin":"545.23.06","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.4","latestPatch":"12.4.1","toolkitDriverMin":"550.54.14","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.5","latestPatch":"12.5.1","toolkitDriverMin":"555.42.02","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.6","latestPatch":"12.6.3","toolkitDriverMin":"560.28.03","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.8","latestPatch":"12.8.2","toolkitDriverMin":"570.26","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"12.9","latestPatch":"12.9.2","toolkitDriverMin":"575.51.03","minorCompatDriverMin":"525.60.13","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"13.0","latestPatch":"13.0.3","toolkitDriverMin":"580.65.06","minorCompatDriverMin":"580.65.06","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"13.1","latestPatch":"13.1.2","toolkitDriverMin":"590.44.01","minorCompatDriverMin":"580.65.06","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"13.2","latestPatch":"13.2.1","toolkitDriverMin":"595.45.04","minorCompatDriverMin":"580.65.06","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"},{"cuda":"13.3","latestPatch":"13.3.1","toolkitDriverMin":"610.43.02","minorCompatDriverMin":"580.65.06","source":"https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html"}],"baseImages":[{"family":"python-slim","repository":"docker.io/library/python","tagPattern":"{python}-slim","pythonVersions":["3.10","3.11","3.12","3.13","3.14","3.15"],"platforms":["linux/amd64","linux/arm64"],"source":"https://hub.docker.com/_/python"},{"family":"nvidia-cuda","repository":"docker.io/nvidia/cuda","tagPattern":"{cudaPatch}-{flavor}-ubuntu{ubuntu}","flavors":["base","runtime","devel","cudnn-runtime","cudnn-devel"],"releases":[{"cudaPatch":"12.0.1","ubuntu":["22.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.1.1","ubuntu":["22.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.2.2","ubuntu":["22.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.3.2","ubuntu":["22.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.4.1","ubuntu":["22.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.5.1","ubuntu":["22.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.5.1","ubuntu":["24.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.6.3","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.8.2","ubuntu":["22.04","24.04"],"cudnn":false,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"12.9.2","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"13.0.3","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"13.1.2","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"13.2.1","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]},{"cudaPatch":"13.3.1","ubuntu":["22.04","24.04"],"cudnn":true,"platforms":["linux/amd64","linux/arm64"]}],"ubuntuPython":{"22.04":"3.10","24.04":"3.12"},"source":"https://gitlab.com/nvidia/container-images/cuda/-/blob/master/doc/supported-tags.md"},{"family":"ngc-pytorch","repository":"nvcr.io/nvidia/pytorch","platforms":["linux/amd64","linux/arm64"],"releases":[{"tag":"24.10-py3","torch":"2.5.0a0+e000cf0ad9","cuda":"12.6.2","python":"3.10","constraintFile":false,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-24-10.html"},{"tag":"24.11-py3","torch":"2.6.0a0+df5bbc09d1","cuda":"12.6","python":"3.12","constraintFile":false,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-24-11.html"},{"tag":"24.12-py3","torch":"2.6.0a0+df5bbc09d1","cuda":"12.6","python":"3.12","constraintFile":false,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-24-12.html"},{"tag":"25.01-py3","torch":"2.6.0a0+ecf3bae40a","cuda":"12.8","python":"3.12","constraintFile":false,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-01.html"},{"tag":"25.02-py3","torch":"2.7.0a0+6c54963f75","cuda":"12.8.0","python":"3.12","constraintFile":false,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-02.html"},{"tag":"25.03-py3","torch":"2.7.0a0+7c8ec84dab","cuda":"12.8.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-03.html"},{"tag":"25.04-py3","torch":"2.7.0a0+79aa17489c","cuda":"12.9","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-04.html"},{"tag":"25.05-py3","torch":"2.8.0a0+5228986c39","cuda":"12.9","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-05.html"},{"tag":"25.06-py3","torch":"2.8.0a0+5228986c39","cuda":"12.9.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-06.html"},{"tag":"25.08-py3","torch":"2.8.0a0+34c6371d24","cuda":"13.0","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-08.html"},{"tag":"25.09-py3","torch":"2.9.0a0+50eac811a6","cuda":"13.0.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-09.html"},{"tag":"25.10-py3","torch":"2.9.0a0+145a3a7bda","cuda":"13.0","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-10.html"},{"tag":"25.11-py3","torch":"2.10.0a0+b558c986e8","cuda":"13.0.2","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-11.html"},{"tag":"25.12-py3","torch":"2.10.0a0+b4e4ee81d3","cuda":"13.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-12.html"},{"tag":"26.01-py3","torch":"2.10.0a0+a36e1d39eb","cuda":"13.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-26-01.html"},{"tag":"26.02-py3","torch":"2.11.0a0+eb65b36914","cuda":"13.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-26-02.html"},{"tag":"26.03-py3","torch":"2.11.0a0+a6c236b9fd","cuda":"13.2","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-26-03.html"},{"tag":"26.04-py3","torch":"2.12.0a0+0291f960b6","cuda":"13.2.1","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-26-04.html"},{"tag":"26.06-py3","torch":"2.13.0a0+8145d630e8","cuda":"13.3","python":"3.12","constraintFile":true,"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-26-06.html"}],"source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/index.html"},{"family":"pytorch-pytorch","repository":"docker.io/pytorch/pytorch","platforms":["linux/amd64"],"releases":[{"tag":"2.5.1-cuda12.4-cudnn9-runtime","torch":"2.5.1","cuda":"12.4","cudnn":"9"},{"tag":"2.7.1-cuda12.8-cudnn9-runtime","torch":"2.7.1","cuda":"12.8","cudnn":"9"},{"tag":"2.9.1-cuda12.8-cudnn9-runtime","torch":"2.9.1","cuda":"12.8","cudnn":"9"},{"tag":"2.9.1-cuda13.0-cudnn9-runtime","torch":"2.9.1","cuda":"13.0","cudnn":"9"},{"tag":"2.13.0-cuda13.0-cudnn9-runtime","torch":"2.13.0","cuda":"13.0","cudnn":"9"}],"source":"https://hub.docker.com/r/pytorch/pytorch"}],"torch":[{"torch":"2.5","latestPatch":"2.5.1","cuda":["11.8","12.1","12.4"],"pypiDefaultCuda":"12.4","python":["3.9","3.10","3.11","3.12"],"aarch64Cuda":"none","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md"},{"torch":"2.6","latestPatch":"2.6.0","cuda":["11.8","12.4","12.6"],"pypiDefaultCuda":"12.4","python":["3.9","3.10","3.11","3.12","3.13"],"aarch64Cuda":"none","source":"https://pytorch.org/get-started/previous-versions/"},{"torch":"2.7","latestPatch":"2.7.1","cuda":["11.8","12.6","12.8"],"pypiDefaultCuda":"12.6","python":["3.9","3.10","3.11","3.12","3.13"],"aarch64Cuda":"pytorch-index","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md","aarch64CudaOnly":["12.8"]},{"torch":"2.8","latestPatch":"2.8.0","cuda":["12.6","12.8","12.9"],"pypiDefaultCuda":"12.8","python":["3.9","3.10","3.11","3.12","3.13"],"aarch64Cuda":"pytorch-index","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md","aarch64CudaOnly":["12.8","12.9"]},{"torch":"2.9","latestPatch":"2.9.1","cuda":["12.6","12.8","13.0"],"pypiDefaultCuda":"12.8","python":["3.10","3.11","3.12","3.13","3.14"],"aarch64Cuda":"pytorch-index","source":"https://pytorch.org/get-started/previous-versions/"},{"torch":"2.10","latestPatch":"2.10.0","cuda":["12.6","12.8","13.0"],"pypiDefaultCuda":"12.8","python":["3.10","3.11","3.12","3.13","3.14"],"aarch64Cuda":"pytorch-index","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md"},{"torch":"2.11","latestPatch":"2.11.0","cuda":["12.6","12.8","13.0"],"pypiDefaultCuda":"13.0","python":["3.10","3.11","3.12","3.13","3.14"],"aarch64Cuda":"pypi","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md"},{"torch":"2.12","latestPatch":"2.12.1","cuda":["12.6","13.0","13.2"],"pypiDefaultCuda":"13.0","python":["3.10","3.11","3.12","3.13","3.14"],"aarch64Cuda":"pypi","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md"},{"torch":"2.13","latestPatch":"2.13.0","cuda":["12.6","13.0","13.2"],"pypiDefaultCuda":"13.0","python":["3.10","3.11","3.12","3.13","3.14"],"aarch64Cuda":"pypi","source":"https://github.com/pytorch/pytorch/blob/main/RELEASE.md"},{"torch":"2.14","latestPatch":"2.14.1","cuda":["12.6","13.0","13.2"],"pypiDefaultCuda":"13.0","python":["3.10","3.11","3.12","3.13","3.14"],"aarch64Cuda":"pypi","source":"https://github.com/pytorch/pytorch/releases/tag/v2.14.1"}]}');
;// CONCATENATED MODULE: ./src/plan/catalog-schema.ts
// Schema of the base-image catalog (src/plan/catalog.json). The catalog is data, never code: every
// row names its source, and a unit test validates the file against this schema.

const source = schemas/* string */.YjP().url().describe('Where this row comes from (release notes, registry page).');
const version = (what) => schemas/* string */.YjP().regex(/^\d+\.\d+(\.\d+)?$/, { error: `expected a ${what} version` });
const platform = schemas/* enum */.k5n(['linux/amd64', 'linux/arm64']);
const CudaDriverRow = schemas/* strictObject */.rej({
    /** CUDA major.minor, e.g. "12.8". */
    cuda: version('CUDA'),
    /** Latest patch release of that minor, e.g. "12.8.1" (used for nvidia/cuda tags). */
    latestPatch: version('CUDA'),
    /** Minimum Linux driver of the toolkit release itself (full features). */
    toolkitDriverMin: schemas/* string */.YjP().regex(/^\d+\.\d+(\.\d+)?$/),
    /** Minimum Linux driver with minor-version compatibility (12.x: 525.60.13, 13.x: 580.xx). */
    minorCompatDriverMin: schemas/* string */.YjP().regex(/^\d+\.\d+(\.\d+)?$/),
    source,
});
const PythonSlimFamily = schemas/* strictObject */.rej({
    family: schemas/* literal */.euz('python-slim'),
    repository: schemas/* string */.YjP(),
    /** "{python}" is replaced, e.g. "{python}-slim" -> "3.11-slim". */
    tagPattern: schemas/* string */.YjP(),
    pythonVersions: schemas/* array */.YOg(version('Python')).min(1),
    platforms: schemas/* array */.YOg(platform).min(1),
    source,
});
const NvidiaCudaFamily = schemas/* strictObject */.rej({
    family: schemas/* literal */.euz('nvidia-cuda'),
    repository: schemas/* string */.YjP(),
    /** e.g. "{cudaPatch}-{flavor}-ubuntu{ubuntu}" with flavor runtime | cudnn-runtime | devel | ... */
    tagPattern: schemas/* string */.YjP(),
    flavors: schemas/* array */.YOg(schemas/* string */.YjP()).min(1),
    releases: schemas/* array */.YOg(schemas/* strictObject */.rej({
        cudaPatch: version('CUDA'),
        ubuntu: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^\d{2}\.\d{2}$/)).min(1),
        cudnn: schemas/* boolean */.zMY(),
        platforms: schemas/* array */.YOg(platform).min(1),
    }))
        .min(1),
    /** Python of each Ubuntu release's python3 package. */
    ubuntuPython: schemas/* record */.g1P(schemas/* string */.YjP(), version('Python')),
    source,
});
const NgcPytorchFamily = schemas/* strictObject */.rej({
    family: schemas/* literal */.euz('ngc-pytorch'),
    repository: schemas/* string */.YjP(),
    platforms: schemas/* array */.YOg(platform).min(1),
    releases: schemas/* array */.YOg(schemas/* strictObject */.rej({
        tag: schemas/* string */.YjP().regex(/^\d{2}\.\d{2}-py3$/),
        torch: schemas/* string */.YjP(),
        cuda: version('CUDA'),
        python: version('Python'),
        numpy: version('NumPy').optional(),
        /** /etc/pip/constraint.txt present (PIP_CONSTRAINT points at it), from 25.03 on. */
        constraintFile: schemas/* boolean */.zMY(),
        source,
    }))
        .min(1),
    source,
});
const PytorchImageFamily = schemas/* strictObject */.rej({
    family: schemas/* literal */.euz('pytorch-pytorch'),
    repository: schemas/* string */.YjP(),
    platforms: schemas/* array */.YOg(platform).min(1),
    releases: schemas/* array */.YOg(schemas/* strictObject */.rej({ tag: schemas/* string */.YjP(), torch: version('torch'), cuda: version('CUDA'), cudnn: schemas/* string */.YjP() }))
        .min(1),
    source,
});
const BaseImageFamily = schemas/* discriminatedUnion */.gMt('family', [
    PythonSlimFamily,
    NvidiaCudaFamily,
    NgcPytorchFamily,
    PytorchImageFamily,
]);
const TorchRow = schemas/* strictObject */.rej({
    /** torch major.minor, e.g. "2.7". */
    torch: version('torch'),
    /** Latest patch release, e.g. "2.7.1". */
    latestPatch: version('torch'),
    /** CUDA versions with wheels on https://download.pytorch.org/whl/cuXYZ. */
    cuda: schemas/* array */.YOg(version('CUDA')).min(1),
    /** The CUDA of the default wheel on PyPI (linux x86_64). */
    pypiDefaultCuda: version('CUDA'),
    python: schemas/* array */.YOg(version('Python')).min(1),
    /** Where aarch64 CUDA wheels come from: none (CPU only), PyTorch's index, or PyPI too. */
    aarch64Cuda: schemas/* enum */.k5n(['none', 'pytorch-index', 'pypi']),
    /** When aarch64 CUDA wheels exist for only some CUDA variants (2.7: cu128; 2.8: cu128 and cu129). */
    aarch64CudaOnly: schemas/* array */.YOg(version('CUDA')).optional(),
    source,
});
const CatalogSchema = schemas/* strictObject */.rej({
    schemaVersion: schemas/* literal */.euz(1),
    /** Date the data was last checked against its sources. */
    updated: schemas/* string */.YjP().regex(/^\d{4}-\d{2}-\d{2}$/),
    torchIndexUrl: schemas/* string */.YjP().url(),
    cudaDrivers: schemas/* array */.YOg(CudaDriverRow).min(1),
    baseImages: schemas/* array */.YOg(BaseImageFamily).min(1),
    torch: schemas/* array */.YOg(TorchRow).min(1),
});

;// CONCATENATED MODULE: ./src/plan/catalog.ts
// Look-ups over the base-image catalog (data in catalog.json, validated against catalog-schema.ts).




let cached;
/** The bundled catalog, validated once (a broken data file is a bug: it throws). */
function bundledCatalog() {
    cached ??= CatalogSchema.parse(catalog_namespaceObject);
    return cached;
}
function family(catalog, name) {
    const f = catalog.baseImages.find((b) => b.family === name);
    if (!f)
        throw new Error(`catalog has no ${name} family`);
    return f;
}
/** The catalog family an arbitrary image belongs to, by repository. */
function familyOfImage(catalog, ref) {
    const repo = (0,oci_ref/* repositoryOf */._M)(ref);
    return catalog.baseImages.find((b) => (0,oci_ref/* repositoryOf */._M)(b.repository) === repo);
}
/** Platforms a family's images come in (nvidia/cuda: the union over its releases). */
function familyPlatforms(f) {
    if ('platforms' in f)
        return f.platforms;
    return [...new Set(f.releases.flatMap((r) => r.platforms))];
}
function cudaDriver(catalog, cuda) {
    return catalog.cudaDrivers.find((d) => d.cuda === majorMinor(cuda));
}
function torchInfo(catalog, torch) {
    return catalog.torch.find((t) => t.torch === majorMinor(torch));
}
/** Newest torch release with wheels for this CUDA (and Python, when given). */
function newestTorchFor(catalog, cuda, python) {
    return [...catalog.torch]
        .sort((a, b) => compareVersions(b.torch, a.torch))
        .find((t) => t.cuda.includes(majorMinor(cuda)) && (python === undefined || t.python.includes(python)));
}
/** The entries nearest to `wanted` (by version distance), for "did you mean" suggestions. */
function nearest(wanted, candidates, count = 3) {
    const score = (v) => {
        const [a = 0, b = 0] = v.split('.').map(Number);
        const [c = 0, d = 0] = wanted.split('.').map(Number);
        return Math.abs(a - c) * 100 + Math.abs(b - d);
    };
    return [...candidates].sort((x, y) => score(x) - score(y) || compareVersions(y, x)).slice(0, count);
}
/** The torch wheel index of a CUDA version ("cpu" for CPU wheels), under `base` (a mirror) or PyTorch's. */
function torchWheelIndex(catalog, cuda, base) {
    const root = (base ?? catalog.torchIndexUrl).replace(/\/+$/, '');
    return `${root}/${cuda === 'cpu' ? 'cpu' : `cu${majorMinor(cuda).replace('.', '')}`}`;
}
/** The platforms advice is computed for: every one the tool builds (so it reads the same everywhere). */
const ADVICE_PLATFORMS = ['linux/amd64', 'linux/arm64'];
/** Whether torch `t` has CUDA `cuda` wheels for `platform` (arm64: PyTorch's aarch64 CUDA builds). */
function hasCudaWheels(t, cuda, platform) {
    const c = majorMinor(cuda);
    if (!t.cuda.includes(c))
        return false;
    if (platform === 'linux/amd64')
        return true;
    return t.aarch64Cuda !== 'none' && (t.aarch64CudaOnly === undefined || t.aarch64CudaOnly.includes(c));
}
/** CUDA versions a CUDA variant can use: in the driver table and with an nvidia/cuda image. */
function plannableCuda(catalog) {
    const images = new Set(family(catalog, 'nvidia-cuda').releases.map((r) => majorMinor(r.cudaPatch)));
    return catalog.cudaDrivers.map((d) => d.cuda).filter((c) => images.has(c));
}
/**
 * THE nearest valid choices for a torch/CUDA/Python combination the catalog refuses: torch releases
 * near the wanted one with this CUDA, CUDA versions near the wanted one for this torch, and (when
 * neither exists) the nearest pair. A choice counts only when it has wheels on every platform the
 * tool builds for, so the answer is the same whatever the platforms of the run.
 */
function nearestValidChoices(catalog, want) {
    const ok = (t, cuda) => (want.python === undefined || t.python.includes(want.python)) &&
        (cuda === undefined || ADVICE_PLATFORMS.every((p) => hasCudaWheels(t, cuda, p)));
    const wantedTorch = majorMinor(want.torch);
    const out = [];
    const torchForCuda = catalog.torch
        .filter((t) => t.torch !== wantedTorch && ok(t, want.cuda))
        .map((t) => t.torch);
    if (torchForCuda.length)
        out.push(`torch ${nearest(wantedTorch, torchForCuda, 2).join(' or ')}${want.cuda !== undefined ? ` with CUDA ${majorMinor(want.cuda)}` : ''}`);
    const self = torchInfo(catalog, wantedTorch);
    if (want.cuda !== undefined) {
        const cudas = plannableCuda(catalog);
        if (self) {
            const cudaForTorch = cudas.filter((c) => c !== majorMinor(want.cuda) && ok(self, c));
            if (cudaForTorch.length)
                out.push(`torch ${self.torch} with CUDA ${nearest(want.cuda, cudaForTorch, 2).join(' or ')}`);
        }
        if (out.length === 0) {
            const all = catalog.torch.map((t) => t.torch);
            const pairs = nearest(wantedTorch, all, all.length)
                .map((v) => torchInfo(catalog, v))
                .flatMap((t) => {
                const c = nearest(want.cuda, cudas.filter((x) => ok(t, x)), 1)[0];
                return c === undefined ? [] : [`torch ${t.torch} with CUDA ${c}`];
            });
            if (pairs[0])
                out.push(pairs[0]);
        }
    }
    else if (self && want.python !== undefined && out.length === 0) {
        out.push(`Python ${nearest(want.python, self.python, 2).join(' or ')} with torch ${self.torch}`);
    }
    return out;
}
/**
 * Why the catalog KNOWS this torch/CUDA/Python combination cannot work on `platforms`, with the
 * nearest valid choices; undefined when it can, or when the catalog does not know the torch
 * release (then the plan only warns). One message for the plan, the action and the README.
 */
function impossibleTorchCombination(catalog, want, platforms) {
    const info = torchInfo(catalog, want.torch);
    if (!info)
        return undefined;
    const cuda = want.cuda !== undefined ? majorMinor(want.cuda) : undefined;
    let why;
    let arm = false;
    if (cuda !== undefined && !info.cuda.includes(cuda)) {
        why = `torch ${info.torch} has no CUDA ${cuda} wheels (it has ${info.cuda.join(', ')})`;
    }
    else if (want.python !== undefined && !info.python.includes(want.python)) {
        why = `torch ${info.torch} has no wheels for Python ${want.python} (it supports ${info.python.join(', ')})`;
    }
    else if (cuda !== undefined &&
        platforms.includes('linux/arm64') &&
        !hasCudaWheels(info, cuda, 'linux/arm64')) {
        arm = true;
        why = `torch ${info.torch} has no aarch64 CUDA ${cuda} wheels${info.aarch64CudaOnly
            ? ` (only ${info.aarch64CudaOnly.map((c) => `cu${c.replace('.', '')}`).join(', ')})`
            : ''}, so on linux/arm64 pip would silently install the CPU build`;
    }
    if (why === undefined)
        return undefined;
    const choices = nearestValidChoices(catalog, want);
    const alternatives = [
        ...choices,
        ...(arm ? ['an NGC base image (variants[].base: nvcr.io/nvidia/pytorch:...)', 'drop linux/arm64'] : []),
    ];
    return `${why}; nearest valid: ${alternatives.join('; ') || 'none in the catalog'}`;
}

// EXTERNAL MODULE: ./src/config/variant-origin.ts
var variant_origin = __webpack_require__(52454);
;// CONCATENATED MODULE: ./src/plan/torch-python.ts



/**
 * The Python a custom base ships, when its catalog family tells: a python:X.Y-slim tag's, the
 * Ubuntu Python of an nvidia/cuda tag; undefined otherwise (pytorch/pytorch rows name none).
 */
function shippedPython(base, fam) {
    const tag = (0,oci_ref/* parseImageRef */.Q)(base).tag ?? '';
    return fam?.family === 'python-slim'
        ? /^(\d+\.\d+)(?:[.-]|$)/.exec(tag)?.[1]
        : fam !== undefined && 'ubuntuPython' in fam
            ? fam.ubuntuPython[/-ubuntu(\d+\.\d+)$/.exec(tag)?.[1] ?? '']
            : undefined;
}
/**
 * The Python a custom base ships (shippedPython), else the one asked, else 3.12. A `python` given
 * otherwise than the image's is a warning (the image decides).
 */
function customPython(v, base, fam, where, warnings) {
    const shipped = shippedPython(base, fam);
    if (shipped !== undefined && v.python !== undefined && v.python !== shipped)
        warnings.push(`${where}: python ${v.python} is not what ${base} ships (Python ${shipped}); the image's Python is used`);
    return shipped ?? v.python ?? '3.12';
}
/**
 * Why the torch asked of a python:X.Y-slim or nvidia/cuda base cannot work, checked as a cpu or
 * cudaX.Y variant's is: a release the catalog knows without wheels for the image's Python (else the
 * one asked), the variant's CUDA (else the CPU wheels) or, with linux/arm64, aarch64 CUDA wheels.
 * Undefined when it can, for another base, or for a torch the catalog does not know.
 */
function familyTorchProblem(catalog, v, fam, platforms) {
    if (v.torch === undefined || (fam?.family !== 'python-slim' && fam?.family !== 'nvidia-cuda'))
        return undefined;
    const python = shippedPython(v.base, fam) ?? v.python;
    return impossibleTorchCombination(catalog, {
        torch: v.torch,
        ...(v.cuda !== undefined && { cuda: v.cuda }),
        ...(python !== undefined && { python }),
    }, platforms);
}
/**
 * The torch version installed: "2.7" means the newest 2.7.x the catalog knows (CPU and CUDA alike:
 * pip would take 2.7.0 for "torch==2.7"); an exact "2.7.0" is kept as given, and one past the
 * newest patch the catalog knows is said (it may not exist: the build would fail at pip).
 */
function exactTorch(asked, info, where, warnings) {
    if (!info)
        return asked;
    if (asked === info.torch)
        return info.latestPatch;
    if (compareVersions(asked, info.latestPatch) > 0)
        warnings.push(`${where}: torch ${asked} is newer than the newest ${info.torch} release the catalog knows (${info.latestPatch}); if it does not exist, pip fails in the build`);
    return asked;
}
/**
 * The catalog's row of torch ASKED; undefined when it has none, with a warning naming the newest
 * release it knows and that WHEELS (the wheels the variant would take) are not checked.
 */
function catalogTorch(catalog, asked, where, warnings, wheels = 'wheels') {
    const info = torchInfo(catalog, asked);
    if (!info) {
        const newest = [...catalog.torch].sort((a, b) => compareVersions(b.torch, a.torch))[0];
        warnings.push(`${where}: torch ${asked} is not in the catalog (newest known: ${newest.torch}); its ${wheels} are not checked`);
    }
    return info;
}

;// CONCATENATED MODULE: ./src/plan/base.ts





/** Warnings and errors gathered over all variants (errors end the plan with exit 2). */
class Collector {
    warnings = [];
    errors = [];
}
function baseKind(v, catalog) {
    if (v.kind !== 'custom')
        return v.kind;
    return familyOfImage(catalog, v.base)?.family === 'ngc-pytorch' ? 'ngc' : 'custom';
}
/** The driver floor of a CUDA version; an error naming the nearest known ones when it is unknown. */
function cudaFloor(catalog, cuda, where, out) {
    const d = cudaDriver(catalog, cuda);
    if (!d) {
        out.errors.push(`${where}: CUDA ${cuda} is not in the catalog; valid: ${nearest(cuda, catalog.cudaDrivers.map((x) => x.cuda)).join(', ')}`);
        return undefined;
    }
    return {
        version: d.cuda,
        toolkitDriverMin: d.toolkitDriverMin,
        minorCompatDriverMin: d.minorCompatDriverMin,
    };
}
/** A custom base of the NGC PyTorch family: python, torch and CUDA come from the release. */
function ngcBase(input) {
    const { v, where, catalog, out, orDefault } = input;
    const base = v.base;
    const fam = familyOfImage(catalog, base);
    if (fam?.family !== 'ngc-pytorch')
        return customBase(input);
    const tag = (0,oci_ref/* parseImageRef */.Q)(base).tag ?? '';
    const rel = fam.releases.find((r) => r.tag === tag);
    if (!rel) {
        const known = fam.releases.map((r) => r.tag.replace('-py3', ''));
        out.warnings.push(`${where}: ${base} is not a release the catalog knows; nearest: ${nearest(tag.replace('-py3', ''), known)
            .map((t) => `${t}-py3`)
            .join(', ')}`);
    }
    const cuda = rel?.cuda ?? v.cuda;
    // The release decides its Python, CUDA and torch (NVIDIA's own torch build: a pip install over
    // it would replace it): what the config asks otherwise is said, not silently dropped.
    if (rel) {
        const asked = [
            v.python !== undefined && v.python !== rel.python && `python ${v.python} (it has ${rel.python})`,
            v.cuda !== undefined &&
                majorMinor(v.cuda) !== majorMinor(rel.cuda) &&
                `cuda ${v.cuda} (it has ${rel.cuda})`,
            v.torch !== undefined &&
                rel.torch !== v.torch &&
                !rel.torch.startsWith(`${v.torch}.`) &&
                `torch ${v.torch} (it has ${rel.torch})`,
        ].filter((x) => typeof x === 'string');
        if (asked.length > 0)
            out.warnings.push(`${where}: ${base} decides ${asked.join(', ')}; the release's are used`);
    }
    return {
        name: v.name,
        kind: v.kind,
        python: rel?.python ?? v.python ?? '3.12',
        ...(orDefault('ngc') !== undefined && { template: orDefault('ngc') }),
        ...(rel && { torch: { version: rel.torch } }),
        ...(cuda !== undefined && { cuda: cudaFloor(catalog, cuda, where, out) }),
        base: {
            ref: base,
            canonical: base,
            family: fam.family,
            platforms: fam.platforms,
            reason: rel
                ? `NGC PyTorch ${rel.tag}: torch ${rel.torch}, CUDA ${rel.cuda}, Python ${rel.python}${rel.numpy ? `, NumPy ${rel.numpy}` : ''}; ${fam.platforms.join(' + ')}`
                : `NGC PyTorch image (${fam.platforms.join(' + ')})`,
        },
    };
}
/** Any other base from the config: checked against its catalog family when it has one. */
function customBase({ v, where, whereOf, config, catalog, out, orDefault }) {
    const base = v.base;
    const fam = familyOfImage(catalog, base);
    const impossible = familyTorchProblem(catalog, v, fam, config.platforms);
    if (impossible !== undefined)
        out.errors.push(`${whereOf('torch')}: ${impossible}`);
    if (!fam) {
        out.warnings.push(`${where}: base image ${base} is not in the catalog; its platforms, CUDA and torch are not checked`);
    }
    const cudaImage = fam?.family === 'nvidia-cuda';
    const template = orDefault(cudaImage ? 'cuda' : 'cpu');
    // As for a CUDA variant: NVIDIA's CUDA images have no Python, which these templates expect.
    if (cudaImage && (template === 'cpu' || template === 'ngc'))
        out.errors.push(`${whereOf('template')}: template "${template}" cannot build on ${base}: NVIDIA's CUDA images have no Python, which that template expects of its base; use template "cuda" (the default for such a base)`);
    const python = customPython(v, base, fam, whereOf('python'), out.warnings);
    // A pytorch/pytorch image is its torch (a CUDA build): pip would replace it, so it is kept, and a
    // torch asked otherwise is said. Elsewhere the template installs the torch asked for, from the
    // wheel index of the variant's CUDA.
    const pytorchImage = fam?.family === 'pytorch-pytorch' ? fam : undefined;
    const shipped = pytorchImage?.releases.find((r) => r.tag === ((0,oci_ref/* parseImageRef */.Q)(base).tag ?? ''));
    if (pytorchImage && v.torch !== undefined && !(shipped?.torch ?? '').startsWith(v.torch))
        out.warnings.push(`${whereOf('torch')}: ${base} ships its own torch${shipped ? ` (${shipped.torch})` : ''}; torch ${v.torch} is not installed over it`);
    // Its CUDA is its torch build's, as an NGC release's: the driver floor (and a GPU runner) follow it.
    const cuda = shipped?.cuda ?? v.cuda;
    if (shipped && v.cuda !== undefined && majorMinor(v.cuda) !== majorMinor(shipped.cuda))
        out.warnings.push(`${where}: ${base} ships CUDA ${shipped.cuda}; cuda ${v.cuda} is not what it has, its own is used`);
    if (!pytorchImage && v.torch !== undefined && v.cuda === undefined && cudaImage)
        out.warnings.push(`${whereOf('torch')}: torch ${v.torch} comes from the CPU wheel index: give the variant its cuda (e.g. cuda: "12.8") for CUDA wheels`);
    return {
        name: v.name,
        kind: v.kind,
        python,
        ...(template !== undefined && { template }),
        ...(shipped && { torch: { version: shipped.torch } }),
        ...(!pytorchImage &&
            v.torch !== undefined && {
            torch: {
                version: exactTorch(v.torch, torchInfo(catalog, v.torch), whereOf('torch'), out.warnings),
                indexUrl: torchWheelIndex(catalog, v.cuda ?? 'cpu', config.python.torchIndexUrl),
            },
        }),
        ...(cuda !== undefined && { cuda: cudaFloor(catalog, cuda, where, out) }),
        base: {
            ref: base,
            canonical: base,
            ...(fam
                ? {
                    family: fam.family,
                    platforms: familyPlatforms(fam),
                    reason: `custom base image (catalog family ${fam.family}: ${familyPlatforms(fam).join(' + ')} only)`,
                }
                : { reason: 'custom base image from the config (not in the catalog)' }),
        },
    };
}
/** A CPU variant: the official Python slim image, torch from the CPU wheel index. */
function cpuBase({ v, whereOf, config, catalog, out, orDefault }) {
    const py = family(catalog, 'python-slim');
    const python = v.python ?? '3.12';
    if (!py.pythonVersions.includes(python)) {
        out.errors.push(`${whereOf('python')}: no python:${python}-slim image in the catalog; valid: ${nearest(python, py.pythonVersions).join(', ')}`);
    }
    const where = whereOf('torch');
    const info = v.torch === undefined ? undefined : catalogTorch(catalog, v.torch, where, out.warnings);
    if (v.torch !== undefined) {
        // Without CUDA only the Python rules a torch out: a top-level torch is named, else a top-level
        // Python, else the variant.
        const impossible = impossibleTorchCombination(catalog, { torch: v.torch, python }, config.platforms);
        const blamed = (0,variant_origin/* inheritedFrom */.H)(v, 'torch') === undefined ? whereOf('python') : where;
        if (impossible !== undefined)
            out.errors.push(`${blamed}: ${impossible}`);
    }
    const ref = `${py.repository}:${py.tagPattern.replace('{python}', python)}`;
    return {
        name: v.name,
        kind: v.kind,
        python,
        ...(orDefault('cpu') !== undefined && { template: orDefault('cpu') }),
        ...(v.torch !== undefined && {
            torch: {
                version: exactTorch(v.torch, info, where, out.warnings),
                indexUrl: torchWheelIndex(catalog, 'cpu', config.python.torchIndexUrl),
            },
        }),
        base: {
            ref,
            canonical: ref,
            family: py.family,
            platforms: py.platforms,
            reason: `official Python ${python} slim image, ${py.platforms.join(' + ')}`,
        },
    };
}
/**
 * The nvidia/cuda image of a CUDA minor: one release per (image patch, Ubuntu); prefer the
 * requested Python's Ubuntu, then cuDNN images, then the newer Ubuntu.
 */
function cudaImage({ v, where, whereOf, catalog, out }, cuda) {
    const cudaFam = family(catalog, 'nvidia-cuda');
    const options = cudaFam.releases
        .filter((r) => majorMinor(r.cudaPatch) === majorMinor(cuda))
        .flatMap((r) => r.ubuntu.map((u) => ({ r, u })));
    const rank = (o) => (cudaFam.ubuntuPython[o.u] === v.python ? 100 : 0) + (o.r.cudnn ? 10 : 0) + Number.parseFloat(o.u) / 100;
    const best = [...options].sort((a, b) => rank(b) - rank(a))[0];
    const release = best?.r;
    if (!release) {
        const known = cudaFam.releases.map((r) => majorMinor(r.cudaPatch));
        out.errors.push(`${where}: no nvidia/cuda ${cuda} image in the catalog; valid CUDA versions: ${nearest(cuda, known).join(', ')}`);
    }
    const ubuntu = best?.u ?? '24.04';
    const python = cudaFam.ubuntuPython[ubuntu] ?? '3.12';
    if (v.python !== undefined && v.python !== python) {
        out.warnings.push(`${whereOf('python')}: nvidia/cuda images ship the Ubuntu Python (${Object.entries(cudaFam.ubuntuPython)
            .map(([u, p]) => `${p} on ${u}`)
            .join(', ')}); python ${v.python} was asked, the image gets ${python}`);
    }
    const flavor = release?.cudnn ? 'cudnn-runtime' : 'runtime';
    const ref = `${cudaFam.repository}:${cudaFam.tagPattern
        .replace('{cudaPatch}', release?.cudaPatch ?? cudaDriver(catalog, cuda)?.latestPatch ?? cuda)
        .replace('{flavor}', flavor)
        .replace('{ubuntu}', ubuntu)}`;
    return {
        ref,
        python,
        platforms: release?.platforms ?? cudaFam.releases[0].platforms,
        reason: `NVIDIA CUDA ${release?.cudaPatch ?? cuda} ${flavor} on Ubuntu ${ubuntu} (Python ${python}), ${(release?.platforms ?? []).join(' + ')}`,
    };
}
/** torch for a CUDA variant: the asked or newest release with these wheels, from the cuXYZ index. */
function cudaTorch({ v, whereOf, config, catalog, out }, cuda, python) {
    const torchVersion = v.torch ?? newestTorchFor(catalog, cuda, python)?.latestPatch;
    const where = whereOf('torch');
    if (torchVersion === undefined) {
        out.warnings.push(`${where}: no torch release in the catalog has CUDA ${cuda} wheels; torch is not installed`);
        return undefined;
    }
    const info = catalogTorch(catalog, torchVersion, where, out.warnings, `CUDA ${cuda} wheels`);
    if (info) {
        // The catalog KNOWS this torch: a combination it knows cannot work is an error (exit 2).
        const impossible = impossibleTorchCombination(catalog, { torch: info.torch, cuda, python }, config.platforms);
        if (impossible !== undefined)
            out.errors.push(`${where}: ${impossible}`);
    }
    return {
        version: exactTorch(torchVersion, info, where, out.warnings),
        indexUrl: torchWheelIndex(catalog, cuda, config.python.torchIndexUrl),
    };
}
/** A CUDA variant: nvidia/cuda runtime (+cuDNN) and torch from the matching wheel index. */
function cudaBase(input) {
    const { v, where, whereOf, catalog, out, orDefault } = input;
    const cuda = v.cuda;
    const floor = cudaFloor(catalog, cuda, where, out);
    const image = cudaImage(input, cuda);
    const torch = cudaTorch(input, cuda, image.python);
    const template = orDefault('cuda');
    // The cpu and ngc templates expect Python in the base (a python or NGC image): NVIDIA's CUDA
    // images have none, and the build would fail at its first pip, after the base is pulled.
    if (template === 'cpu' || template === 'ngc')
        out.errors.push(`${whereOf('template')}: template "${template}" cannot build on ${image.ref}: NVIDIA's CUDA images have no Python, which that template expects of its base; use template "cuda" (the default for a CUDA variant), or give the variant a base image with Python (base:)`);
    return {
        name: v.name,
        kind: v.kind,
        python: image.python,
        ...(template !== undefined && { template }),
        ...(torch && { torch }),
        ...(floor && { cuda: floor }),
        base: {
            ref: image.ref,
            canonical: image.ref,
            family: 'nvidia-cuda',
            platforms: image.platforms,
            reason: image.reason,
        },
    };
}
/** One handler per base kind. */
const BASE_HANDLERS = {
    cpu: cpuBase,
    cuda: cudaBase,
    ngc: ngcBase,
    custom: customBase,
};
/** The base image, torch and CUDA of variant `index`, with its warnings and errors in `out`. */
function chooseBase(v, index, config, catalog, out) {
    // An explicit template wins; then the user's Dockerfile (no template); then the kind's default.
    const template = v.template ?? config.build.template;
    const ownDockerfile = template === undefined && config.build.dockerfile !== undefined;
    const orDefault = (t) => template ?? (ownDockerfile ? undefined : t);
    const where = `variants[${index}] (${v.name})`;
    const topLevel = {
        torch: (0,variant_origin/* inheritedFrom */.H)(v, 'torch'),
        python: (0,variant_origin/* inheritedFrom */.H)(v, 'python'),
        template: v.template === undefined && config.build.template !== undefined ? 'build.template' : undefined,
    };
    const whereOf = (field) => {
        const top = topLevel[field];
        return top === undefined ? where : `${top} (variants[${index}] ${v.name})`;
    };
    return BASE_HANDLERS[baseKind(v, catalog)]({ v, where, whereOf, config, catalog, out, orDefault });
}

;// CONCATENATED MODULE: ./src/plan/tags.ts
// Tags and OCI labels of a variant. Pure: the git/CI context is passed in.
//
// Tag rules (docs/configuration.md "Tags"):
//   <version>-<variant>        when a version is known (image.version, or a v1.2.3 git tag), on a
//                              release build: not a pull request, nor a branch known not to be the
//                              default (see releaseBuild)
//   sha-<sha7>-<variant>       whenever the commit is known
//   pr-<n>-<variant>           on pull requests
//   <variant>                  on the default branch (the variant's moving "latest")
//   latest                     on the default branch, for the first variant of the config only
//   dev-<variant>              when none of the above applies (a local build outside git)


/**
 * A version from a tag ref like refs/tags/v1.4.0 -> "1.4.0"; a "+" becomes "-" (tagSafeVersion),
 * as in image.version: refs/tags/v1.0.0+build.5 -> "1.0.0-build.5".
 */
function versionFromRef(ref) {
    const m = /^refs\/tags\/v?(\d+\.\d+\.\d+[A-Za-z0-9.+-]*)$/.exec(ref ?? '');
    return m ? (0,oci_ref/* tagSafeVersion */.IU)(m[1]) : undefined;
}
/**
 * Whether a build may push the version tag: a tag ref, or no pull request and no branch known not
 * to be the default one. A pull request (same repository: its image is pushed), another branch or
 * the merge queue would otherwise move `1.4.0-cpu` to unmerged code; a local build whose branch
 * cannot be told from the default one (isDefaultBranch unknown) keeps it.
 */
function releaseBuild(git) {
    if (git.ref?.startsWith('refs/tags/'))
        return true;
    return git.prNumber === undefined && git.isDefaultBranch !== false;
}
function computeTags(t) {
    const tags = [];
    const add = (tag) => {
        const full = `${t.repository}:${tag}`;
        if (!tags.includes(full))
            tags.push(full);
    };
    const version = t.version ?? versionFromRef(t.git.ref);
    if (version !== undefined && releaseBuild(t.git))
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
        [`${plan_schema/* LABEL_PREFIX */.Ag}.variant`]: l.variant,
        [`${plan_schema/* LABEL_PREFIX */.Ag}.python`]: l.python,
        ...(l.cuda !== undefined && { [`${plan_schema/* LABEL_PREFIX */.Ag}.cuda`]: l.cuda }),
        ...(l.torch !== undefined && { [`${plan_schema/* LABEL_PREFIX */.Ag}.torch`]: l.torch }),
        [`${plan_schema/* LABEL_PREFIX */.Ag}.base-image`]: l.baseImage,
    };
}

;// CONCATENATED MODULE: ./src/plan/plan.ts
// plan: expand variants x platforms into build targets and choose, with a stated reason, the base
// image, torch wheel index and driver floor of each variant. Pure: catalog and context passed in.









/** Default runner labels per platform (the reusable workflow maps targets onto them). */
const DEFAULT_RUNNERS = {
    'linux/amd64': 'ubuntu-latest',
    'linux/arm64': 'ubuntu-24.04-arm',
};
/**
 * The variants whose order and count the tags follow: the config file's own list (a file listing
 * none: its default, cpu) whenever there is a file, so its first variant alone gets `latest` and
 * every variant of a file with several gets its suffix in whichever job builds it (--variants, the
 * variants input: a matrix job builds one). Planned variants the file does not list come after its
 * own, also when none of the planned is the file's: a matrix job of `cuda12.8` beside one of `cpu`
 * on a file of [cpu] must not push `latest` (or the tags input's plain tags) too. Never fewer than
 * are planned: two planned variants never share the tags input's tags. Without a file, the planned
 * variants alone.
 */
function taggedVariants(planned, fileVariants) {
    if (fileVariants === undefined)
        return planned;
    return [...fileVariants, ...planned.filter((n) => !fileVariants.includes(n))];
}
/** An error for each platform of the config the chosen base image does not have. */
function checkPlatforms(chosen, where, config, out) {
    for (const p of config.platforms) {
        if (chosen.base.platforms && !chosen.base.platforms.includes(p)) {
            out.errors.push(`${where}: ${chosen.base.canonical} has no ${p} image (${chosen.base.family ?? 'it'} is ${chosen.base.platforms.join(' + ')} only); use nvcr.io/nvidia/pytorch or the cuda template for ${p}, or drop ${p} from platforms`);
        }
    }
}
/** The base through the config's mirrors; the reason says so when a mirror applies. */
function mirroredBase(chosen, config) {
    const mirrored = (0,oci_ref/* applyMirrors */.J4)(chosen.base.ref, config.build.mirrors);
    return {
        ...chosen.base,
        ref: mirrored,
        ...(mirrored !== chosen.base.ref && { reason: `${chosen.base.reason} (via mirror ${mirrored})` }),
    };
}
function buildArgsOf(v, chosen, base) {
    return {
        BASE_IMAGE: base.ref,
        PYTHON_VERSION: chosen.python,
        ML_IMAGE_VARIANT: v.name,
        ...(chosen.torch?.indexUrl !== undefined && {
            TORCH_VERSION: chosen.torch.version,
            TORCH_INDEX_URL: chosen.torch.indexUrl,
        }),
        ...(chosen.cuda && { ML_IMAGE_CUDA: chosen.cuda.version }),
    };
}
/** One variant's plan: its base (checked against the platforms), build args, tags and labels. */
function planVariant(v, i, config, ctx, naming, out) {
    const { repository, version, primary } = naming;
    const chosen = chooseBase(v, i, config, ctx.catalog, out);
    checkPlatforms(chosen, `variants[${i}] (${v.name})`, config, out);
    const base = mirroredBase(chosen, config);
    const tags = computeTags({
        repository,
        variant: v.name,
        primary: v.name === primary,
        ...(version !== undefined && { version }),
        git: ctx.git,
    });
    for (const tag of tags.map((t) => t.slice(t.lastIndexOf(':') + 1)))
        if (tag.length > MAX_TAG_LENGTH)
            out.errors.push(`variants[${i}] (${v.name}): the tag "${tag}" is ${tag.length} characters, over the ${MAX_TAG_LENGTH} a registry takes: shorten image.version (or the git tag it comes from) or the variant's name`);
    return {
        ...chosen,
        base,
        primary: v.name === primary,
        platforms: [...config.platforms],
        buildArgs: buildArgsOf(v, chosen, base),
        tags,
        labels: computeLabels({
            title: config.image.name,
            variant: v.name,
            python: chosen.python,
            ...(chosen.cuda && { cuda: chosen.cuda.version }),
            ...(chosen.torch && { torch: chosen.torch.version }),
            baseImage: chosen.base.canonical,
            ...(version !== undefined && { version }),
            git: ctx.git,
            created: ctx.now,
        }),
    };
}
/** Docker's longest tag (the distribution spec's tag grammar: 128 characters). */
const MAX_TAG_LENGTH = 128;
/** The most jobs a GitHub Actions matrix runs: the build targets are the reusable workflow's matrix. */
const MAX_TARGETS = 256;
/** One build target per variant and platform, on the platform's default runner. */
function targetsOf(variants) {
    return variants.flatMap((v) => v.platforms.map((p) => ({
        id: `${v.name}-${(0,config_platform/* archOf */.Q)(p)}`,
        variant: v.name,
        platform: p,
        arch: (0,config_platform/* archOf */.Q)(p),
        runner: DEFAULT_RUNNERS[p],
    })));
}
/**
 * Two variants must never push one tag: the second push would move the first variant's tag (a
 * variant named "latest", or "1.0.0-cpu" beside a variant "cpu" at version 1.0.0). Checked in the
 * run's own git context, in that of a push to the default branch and in that of a pull request,
 * so a local plan finds what CI would push.
 */
function checkTagCollisions(config, git, naming, out) {
    const contexts = [
        git,
        { ...git, isDefaultBranch: true, prNumber: undefined },
        { ...git, isDefaultBranch: false, prNumber: git.prNumber ?? 1 },
    ];
    const reported = new Set();
    for (const context of contexts) {
        const owner = new Map();
        config.variants.forEach((v, i) => {
            for (const full of computeTags({
                repository: naming.repository,
                variant: v.name,
                primary: v.name === naming.primary,
                ...(naming.version !== undefined && { version: naming.version }),
                git: context,
            })) {
                const tag = full.slice(full.lastIndexOf(':') + 1);
                const first = owner.get(tag);
                if (first === undefined)
                    owner.set(tag, i);
                else if (!reported.has(tag)) {
                    reported.add(tag);
                    const other = config.variants[first];
                    out.errors.push(`variants[${i}] (${v.name}): it would push the tag "${tag}" that variants[${first}] (${other.name}) pushes${context === git ? '' : ' on the default branch or a pull request'}: rename one of them`);
                }
            }
        });
    }
}
/**
 * PROBLEM with the variants it names that the config file does not list said to come from the
 * variants selection (--variants, the action's variants input): shorthand it made, named by its
 * index in that list ("variants[1] (cuda12.4)" where the file's variants[1] is another).
 */
function withSelectionNamed(problem, ctx) {
    const listed = ctx.fileVariants;
    if (listed === undefined)
        return problem;
    const named = [...problem.matchAll(/\bvariants\[\d+\] \(([^()\s]+)\)|\(variants\[\d+\] ([^()\s]+)\)/g)];
    const made = [...new Set(named.map((m) => (m[1] ?? m[2])).filter((n) => !listed.includes(n)))];
    if (made.length === 0)
        return problem;
    return `${problem} (from --variants or the variants input: ${ctx.configFile ?? 'the config file'} lists no ${made.map((n) => `"${n}"`).join(' or ')})`;
}
function planBuild(config, ctx) {
    const out = new Collector();
    const repository = `${config.image.registry}/${config.image.name}`;
    const version = config.image.version ?? versionFromRef(ctx.git.ref);
    const primary = taggedVariants(config.variants.map((v) => v.name), ctx.fileVariants)[0];
    const naming = { repository, version, primary };
    const variants = config.variants.map((v, i) => planVariant(v, i, config, ctx, naming, out));
    checkTagCollisions(config, ctx.git, naming, out);
    const count = variants.length * config.platforms.length;
    if (count > MAX_TARGETS)
        out.errors.push(`variants x platforms: ${count} build targets (${variants.length} x ${config.platforms.length}); a GitHub Actions matrix runs at most ${MAX_TARGETS} jobs: split the variants over several config files`);
    if (out.errors.length > 0)
        throw new errors/* ConfigError */.xL(ctx.configFile === undefined ? 'plan' : `plan of ${ctx.configFile}`, 
        // The line first (ctx.lineOf takes the config's paths), then a variant the file lists named
        // by its index there (a --variants selection plans [old] from [cpu, cuda12.8, old]), and one
        // it does not list as the selection's.
        out.errors.map((e) => withSelectionNamed(variantsAsInFile((0,issues/* withFieldLine */.d0)(e, ctx.lineOf), ctx.fileVariants, (i) => ctx.lineOf?.(['variants', i]) !== undefined), ctx)), { ...(ctx.configFile !== undefined && { file: ctx.configFile }) });
    const targets = targetsOf(variants);
    return {
        schemaVersion: plan_schema/* PLAN_SCHEMA_VERSION */.jk,
        repository,
        ...(version !== undefined && { version }),
        variants,
        targets,
        warnings: out.warnings,
        matrix: {
            include: targets.map((t) => ({
                variant: t.variant,
                platform: t.platform,
                arch: t.arch,
                runner: t.runner,
            })),
        },
    };
}

// EXTERNAL MODULE: ./src/resolve/result.ts
var resolve_result = __webpack_require__(83447);
// EXTERNAL MODULE: ./src/report/artifact.ts
var report_artifact = __webpack_require__(80954);
;// CONCATENATED MODULE: ./src/report/format.ts
const format_int = new Intl.NumberFormat('en-US');
const fmtInt = (n) => format_int.format(n);
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

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/capture/record.ts
var capture_record = __webpack_require__(66917);
// EXTERNAL MODULE: ./src/diff/schema.ts
var diff_schema = __webpack_require__(2996);
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
    if (!a || !b)
        return { order: sign(compareDebian(head, base)) || 1, level: 'other' };
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
 * conda: by name. A name in both environments the probe reads (sys.prefix's and CONDA_PREFIX's)
 * is its first entry (the probe sorts them). Empty for a record without conda packages.
 */
function condaPackages(r) {
    const out = new Map();
    for (const p of r.conda ?? [])
        if (!out.has(p.name))
            out.set(p.name, { name: p.name, version: p.version, build: p.build ?? '', channel: p.channel ?? '' });
    return out;
}
/** A build label that names a CUDA build: `cu121`, `cuda12.cudnn89`, `py3.11_cuda12.1_cudnn8.9.2_0`, `cuda120_py311h…`. */
const namesCuda = (label) => /(?:^|[^a-z])cu(?:da|\d)/i.test(label);
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
    const showBuild = build && (c.order === 0 || namesCuda(b.build) !== namesCuda(h.build));
    const shown = (p) => `${p.version}${showBuild ? ` ${p.build}` : ''}${channel ? ` (${p.channel})` : ''}`;
    const order = c.order === 0 && (build || channel) ? null : c.order;
    return { order, level: order === null && c.order === 0 ? 'local' : c.level, from: shown(b), to: shown(h) };
}
/** The build label of a shown version: pip's PEP 440 local label, conda's build (condaChange). */
function buildLabel(eco, shown) {
    if (eco === 'pip')
        return shown.includes('+') ? shown.slice(shown.indexOf('+')) : '';
    if (eco === 'conda') {
        const rest = shown.replace(/ \([^()]*\)$/, '');
        return rest.includes(' ') ? rest.slice(rest.indexOf(' ') + 1) : '';
    }
    return '';
}
/**
 * A change that loses a CUDA build: its base's build label names CUDA (pip `+cu121`, conda
 * `py3.11_cuda12.1_cudnn8.9.2_0`) and this PR's names none or there is none (`+cpu`, `py3.11_cpu_0`,
 * no label): the labels as shown ("no label" for none), else null. One that keeps or gains CUDA
 * is null. apt versions name no CUDA build.
 */
function cudaBuildLoss(eco, from, to) {
    if (from === null || to === null)
        return null;
    const a = buildLabel(eco, from);
    const b = buildLabel(eco, to);
    if (!namesCuda(a) || namesCuda(b))
        return null;
    return { from: a, to: b || (eco === 'conda' ? 'no build' : 'no label') };
}

;// CONCATENATED MODULE: ./src/diff/size.ts


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
function size_cached(cache, r, make) {
    if (cache.has(r))
        return cache.get(r);
    const v = make(r);
    cache.set(r, v);
    return v;
}
function pipSizes(r) {
    return size_cached(pipCache, r, pipSizesOf);
}
/** One record's apt sizes (its top list): name:arch for a name it has for several architectures. */
function aptSizes(r) {
    return size_cached(aptCache, r, (x) => aptSizesOf(x, multiArchNames(x)));
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
    return n === TOP_N ? size_cached(topCache, r, (x) => sizeTopOf(x, n)) : sizeTopOf(r, n);
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
/** Which packages and layers made the image's size change; undefined when neither side has sizes. */
function explainSize(base, head, n = CHANGES_N) {
    const hasPackages = (r) => r.python.packages.some((p) => p.sizeBytes !== undefined) || r.apt.some((p) => p.sizeBytes !== undefined);
    const packagesKnown = hasPackages(base) && hasPackages(head);
    const layersKnown = base.image.history !== undefined && head.image.history !== undefined;
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
    return {
        delta: head.image.sizeBytes - base.image.sizeBytes,
        packagesKnown,
        layersKnown,
        packages: firstN(packages, n, byImpact),
        packagesDelta: packages.reduce((s, c) => s + c.delta, 0),
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
const diff_pipIndexes = new WeakMap();
function pipIndex(r) {
    const cached = diff_pipIndexes.get(r);
    if (cached)
        return cached;
    const out = new Map();
    for (const [key, { imported }] of pipCopies(r))
        out.set(key, { name: imported.name, version: imported.version });
    diff_pipIndexes.set(r, out);
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
 * conda packages by name, versions in compareAny's order (conda's own versions are PEP 440-like:
 * 2024.0.0, 12.4, 1.26.4), a build or channel change at the same version a change without a
 * direction (packages.ts condaChange); undefined when neither record has any, or when one was
 * written by a probe that did not read them (its every package would read as added or removed).
 */
function diffConda(base, head) {
    if (base.conda === undefined && head.conda === undefined)
        return undefined;
    if ([base, head].some((r) => r.conda === undefined && r.capture.probeVersion < CONDA_PROBE))
        return undefined;
    return diffPackages('conda', condaPackages(base), condaPackages(head), condaChange);
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
/** Changed packages first, by level (major first), then added, then removed; by name within. */
function sortPackageChanges(changes) {
    return changes.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        levelRank(a.level) - levelRank(b.level) ||
        diff_byName(a.name.toLowerCase(), b.name.toLowerCase()));
}
/** pip and apt: the versions compared and shown as they are. */
const byVersion = (compare) => (b, h) => ({ ...compare(b.version, h.version), from: b.version, to: h.version });
function diffPackages(eco, base, head, compare) {
    const changes = [];
    let unchanged = 0;
    for (const [key, h] of head) {
        const b = base.get(key);
        if (!b) {
            changes.push({ name: h.name, kind: 'added', from: null, to: h.version, level: null });
            continue;
        }
        const c = compare(b, h);
        if (c.order === 0)
            unchanged++;
        else
            changes.push({
                name: h.name,
                kind: c.order === null ? 'changed' : c.order > 0 ? 'upgraded' : 'downgraded',
                from: c.from,
                to: c.to,
                level: c.level,
                ...optional('cudaLoss', cudaBuildLoss(eco, c.from, c.to) ?? undefined),
            });
    }
    for (const [key, b] of base)
        if (!head.has(key))
            changes.push({ name: b.name, kind: 'removed', from: b.version, to: null, level: null });
    return { baseCount: base.size, headCount: head.size, unchanged, changes: sortPackageChanges(changes) };
}
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
function extra(torch, key) {
    const v = torch?.[key];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
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
        cudnn: r.cuda.cudnn ?? extra(r.torch, 'cudnn'),
        nccl: r.cuda.nccl ?? extra(r.torch, 'nccl'),
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
        layers: r.image.layers,
        pipCount: pip.size,
        aptCount: r.apt.length,
        ...optional('top', sizeTop(r)),
        ...optional('pipIncomplete', (0,capture_record/* packageListProblem */.o8)(r)),
        components,
    };
}
function diffComponent(id, from, to) {
    const host = diff_schema/* HOST_COMPONENTS */._S.has(id);
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
function cudaLossOf(eco, c) {
    return c.cudaLoss ?? cudaBuildLoss(eco, c.from, c.to) ?? undefined;
}
function diffRecords(base, head) {
    const conda = diffConda(base, head);
    const pip = withoutCondaOwned(diffPackages('pip', pipIndex(base), pipIndex(head), byVersion(comparePip)), base, head, conda);
    const multi = multiArchNames(base, head);
    const apt = diffPackages('apt', aptIndex(base, multi), aptIndex(head, multi), byVersion(compareApt));
    const b = summarize(base);
    const h = summarize(head);
    const components = diff_schema/* COMPONENT_IDS */.Vg.map((id) => diffComponent(id, b.components[id], h.components[id]));
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
    const layers = { base: b.layers, head: h.layers, delta: h.layers - b.layers };
    const changed = pip.changes.length > 0 ||
        apt.changes.length > 0 ||
        (conda?.changes.length ?? 0) > 0 ||
        components.some((c) => c.changed && !c.host) ||
        env.changes.length > 0 ||
        labels.changes.some((c) => !c.volatile) ||
        size.delta !== 0 ||
        layers.delta !== 0;
    return {
        pip,
        apt,
        ...optional('conda', conda),
        components,
        env,
        labels,
        size,
        layers,
        ...optional('sizeExplanation', explainSize(base, head)),
        changed,
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
    };
}

// EXTERNAL MODULE: ./src/version.ts
var src_version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/report/model-schema.ts
var model_schema = __webpack_require__(463);
// EXTERNAL MODULE: ./src/config/size.ts
var size = __webpack_require__(64089);
;// CONCATENATED MODULE: ./src/report/size.ts
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
    if (!size/* SIZE_BUDGET_PATTERN */.H.test(t))
        throw new errors/* InputError */.dz(`size.budget: expected a size such as "8GB" or a growth such as "+5%", got "${text}"`);
    if (t.endsWith('%'))
        return { kind: 'growth', ratio: Number(t.slice(1, -1)) / 100 };
    const m = /^([\d.]+)\s*(\w+)$/.exec(t);
    return { kind: 'absolute', bytes: Number(m[1]) * UNITS[m[2]] };
}
/** "nvidia-cudnn-cu12 9.5 → 9.7 +402.0 MB", "torch 2.6.0 (new) +1.20 GB", "RUN pip install … +3.1 GB". */
function describeChange(c) {
    const bytes = signed(c.delta, fmtBytes);
    if (c.kind === 'layer')
        return `layer ${(0,report_escape/* clip */.$Q)(c.name, 80)} ${bytes}`;
    const name = (0,report_escape/* clip */.$Q)(c.name, 60);
    if (c.from === null)
        return `${name} ${(0,report_escape/* clip */.$Q)(c.to ?? '', 40)} (added) ${bytes}`;
    if (c.to === null)
        return `${name} ${(0,report_escape/* clip */.$Q)(c.from, 40)} (removed) ${bytes}`;
    if (c.from === c.to)
        return `${name} ${(0,report_escape/* clip */.$Q)(c.to, 40)} ${bytes}`;
    return `${name} ${(0,report_escape/* clip */.$Q)(c.from, 40)} → ${(0,report_escape/* clip */.$Q)(c.to, 40)} ${bytes}`;
}
/** "+610.0 MB: a 1 → 2 +402.0 MB, b (added) +150.0 MB, …"; null when nothing explains the change. */
function sizeHeadline(e, n = 3) {
    if (e.delta === 0)
        return null;
    const drivers = (0,diff_schema/* sizeDrivers */.Lw)(e);
    if (drivers.length === 0)
        return null;
    const more = drivers.length > n ? ', …' : '';
    return `${signed(e.delta, fmtBytes)}: ${drivers.slice(0, n).map(describeChange).join(', ')}${more}`;
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
        return `${pkg.eco} ${(0,report_escape/* clip */.$Q)(pkg.name, 60)} ${(0,report_escape/* clip */.$Q)(pkg.version, 40)} (${fmtBytes(pkg.sizeBytes)})`;
    const layer = top.layers[0];
    return layer ? `layer ${(0,report_escape/* clip */.$Q)(layer.createdBy, 80)} (${fmtBytes(layer.sizeBytes)})` : null;
}
/** The top contributor a breach names: what grew most, else what weighs most. */
function topContributor(p) {
    const e = p.diff?.sizeExplanation;
    const grew = e ? (0,diff_schema/* sizeDrivers */.Lw)(e).filter((c) => c.delta > 0)[0] : undefined;
    if (grew)
        return `top contributor: ${describeChange(grew)}`;
    const big = biggestPart(p);
    return big ? `top contributor: ${big}` : 'no package or layer sizes in the record to name a contributor';
}
/** The platforms whose image breaks the size budget (config size.budget), with the reason. */
function budgetBreaches(sizeBudget, platforms) {
    if (!sizeBudget)
        return [];
    let budget;
    try {
        budget = parseSizeBudget(sizeBudget);
    }
    catch {
        return []; // an artifact's model is untrusted: an unreadable budget judges nothing
    }
    const out = [];
    for (const p of platforms) {
        const size = p.head.sizeBytes;
        const where = platforms.length > 1 ? ` on ${p.platform}` : '';
        const top = topContributor(p);
        const short = `size budget ${sizeBudget} exceeded${where}; ${top}`;
        if (budget.kind === 'absolute' && size > budget.bytes) {
            out.push({
                platform: p.platform,
                short,
                text: `image ${fmtBytes(size)}${where} is over the size budget ${sizeBudget} (${fmtBytes(budget.bytes)}) by ${fmtBytes(size - budget.bytes)}; ${top}`,
            });
        }
        else if (budget.kind === 'growth' && p.diff && p.diff.size.base > 0) {
            const growth = p.diff.size.delta / p.diff.size.base;
            if (growth > budget.ratio)
                out.push({
                    platform: p.platform,
                    short,
                    text: `image grew ${signed(p.diff.size.delta, fmtBytes)} (${pct(growth)})${where}, over the size budget ${sizeBudget}; ${top}`,
                });
        }
    }
    return out;
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
        tool: { version: src_version/* VERSION */.x },
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
    };
}
/** A model from JSON (the artifact a privileged workflow downloads); InputError naming the source. */
function parseReportModel(json, source) {
    const r = ReportModelSchema.safeParse(json);
    if (r.success)
        return r.data;
    throw new InputError(`${source}: not a valid report model: ${formatIssues(r.error, json, ReportModelSchema).slice(0, 5).join('; ')}`);
}
const SEVERITY_RANK = { info: 0, warning: 1, failure: 2 };
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
    for (const b of budgetBreaches(model.sizeBudget, model.platforms))
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
    if (changes.length === 0)
        return {
            verdict: 'unchanged',
            findings: [{ text: 'No environment changes', severity: 'info' }, ...findings],
        };
    const worst = Math.max(...changes.map((f) => SEVERITY_RANK[f.severity]));
    return { verdict: worst === 2 ? 'failure' : worst === 1 ? 'warning' : 'changed', findings };
}
/** Failing smoke tests, counted once however many platforms they fail on. */
const distinctFailing = (smoke, exceptRegressions) => new Set(smoke.flatMap((s) => s.tests.filter((t) => t.to === 'fail' && !(exceptRegressions && t.regression)).map((t) => t.id))).size;
function noBaselineAssessment(model, smoke) {
    const reason = model.noBaselineReason?.trim();
    const text = reason
        ? `${reason.charAt(0).toUpperCase()}${reason.slice(1)} — environment summary below`
        : model.baseline
            ? `First run: no baseline for ${model.baseline.ref} yet — environment summary below`
            : 'No baseline to compare with — environment summary below';
    const findings = [{ text: (0,report_escape/* clip */.$Q)(text, 160), severity: 'info' }];
    const failing = distinctFailing(smoke, false);
    if (failing)
        findings.push({ text: (0,report_escape/* clip */.$Q)(`${plural(failing, 'smoke test')} failing`, 120), severity: 'failure' });
    const breaches = budgetBreaches(model.sizeBudget, model.platforms);
    for (const b of breaches)
        findings.push({ text: (0,report_escape/* clip */.$Q)(b.short, 160), severity: 'failure' });
    findings.push(...incompleteFindings(model));
    return { verdict: failing || breaches.length > 0 ? 'failure' : 'no-baseline', findings };
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
/**
 * A version change of a major component: a warning when major, a downgrade, added or removed. A
 * change without a direction (only a local label: `+7c8ec84dab` -> `+79aa17489c`) is information,
 * unless it loses a CUDA build (torch, componentFindings).
 */
function componentSeverity(c) {
    return c.level === 'major' || c.direction === 'down' || !c.from || !c.to ? 'warning' : 'info';
}
const worse = (a, b) => (SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a);
function componentFindings(withDiff, add) {
    for (const id of VERDICT_COMPONENTS) {
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
            add(`${COMPONENT_LABELS[id]} ${c.from ?? 'none'} → ${c.to ?? 'none'}${level}`, worse(componentSeverity(c), cudaSeverity));
        }
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
function smokeFindings(smoke, add) {
    // The same test regressing on two platforms is one regression to look at.
    const distinct = (pick) => new Set(smoke.flatMap(pick)).size;
    const regressions = distinct((s) => s.tests.filter((t) => t.regression).map((t) => t.id));
    const failing = distinctFailing(smoke, true);
    const metricRegressions = distinct((s) => s.metrics.filter((m) => m.regression).map((m) => `${m.test}\u0000${m.metric}`));
    const fixed = distinct((s) => s.tests.filter((t) => t.fixed).map((t) => t.id));
    if (regressions)
        add(plural(regressions, 'smoke regression'), 'failure');
    if (failing > 0)
        add(`${plural(failing, 'smoke test')} failing`, 'failure');
    if (metricRegressions)
        add(plural(metricRegressions, 'metric regression'), 'warning');
    if (fixed)
        add(`${plural(fixed, 'smoke test')} fixed`, 'info');
}
function packageFindings(withDiff, eco, add) {
    // The same change on several platforms counts once.
    const list = withDiff.length === 1
        ? (withDiff[0].diff[eco]?.changes ?? [])
        : [
            ...new Map(withDiff
                .flatMap((p) => p.diff[eco]?.changes ?? [])
                .map((c) => [`${c.kind}\u0000${c.name}\u0000${c.from}\u0000${c.to}`, c])).values(),
        ];
    if (!list.length)
        return;
    const major = list.filter((c) => c.level === 'major').length;
    const risky = major > 0 || list.some((c) => c.kind === 'downgraded' || c.kind === 'removed');
    add(`${plural(list.length, `${eco} change`)}${major ? ` (${fmtInt(major)} major)` : ''}`, risky ? 'warning' : 'info');
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
    const lost = list.flatMap((c) => {
        const loss = cudaLossOf(eco, c);
        return loss && !(eco === 'pip' && torchSaid && c.name.toLowerCase() === 'torch') ? [{ c, loss }] : [];
    });
    const named = lost.slice(0, CUDA_LOSS_NAMED);
    for (const { c, loss } of named)
        add(`${c.name} lost its CUDA build (${(0,report_escape/* clip */.$Q)(loss.from, 40)} → ${(0,report_escape/* clip */.$Q)(loss.to, 40)})`, 'warning');
    const saidNames = new Set(named.map(({ c }) => c.name));
    const rest = new Set(lost.map(({ c }) => c.name).filter((n) => !saidNames.has(n))).size;
    if (rest > 0)
        add(`${plural(rest, `more ${eco} package`)} lost the CUDA build`, 'warning');
}
/** Environment variables, labels (volatile ones aside) and an image size change of 5% or more. */
function otherFindings(withDiff, add) {
    const env = Math.max(...withDiff.map((p) => p.diff.env.changes.length));
    if (env)
        add(plural(env, 'env change'), 'info');
    const labels = Math.max(...withDiff.map((p) => p.diff.labels.changes.filter((c) => !c.volatile).length));
    if (labels)
        add(plural(labels, 'label change'), 'info');
    for (const p of withDiff) {
        const s = p.diff.size;
        if (s.base > 0 && Math.abs(s.delta) / s.base >= 0.05)
            add(`image ${signed(s.delta, fmtBytes)} (${pct(s.delta / s.base)})${withDiff.length > 1 ? ` on ${p.platform}` : ''}`, 'info');
    }
}

;// CONCATENATED MODULE: ./src/report/render/charts.ts


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
    const labels = unique(bars.flatMap((b) => spec.sides.map((side) => `${(0,report_escape/* mermaidText */.Hg)(b.label, 24)} ${(0,report_escape/* mermaidText */.Hg)(side, 14)}`)));
    const values = bars.flatMap((b) => [b.base, b.head]);
    return [
        `%%{init: ${barConfig(values.length)}}%%`,
        'xychart-beta horizontal',
        `    title "${(0,report_escape/* mermaidText */.Hg)(spec.title, 120)}"`,
        `    x-axis [${labels.map((l) => `"${l}"`).join(', ')}]`,
        `    y-axis "${(0,report_escape/* mermaidText */.Hg)(spec.unit, 30)}" 0 --> ${chartNumber(axisMax(Math.max(...values) * 1.05))}`,
        `    bar [${values.map(chartNumber).join(', ')}]`,
    ].join('\n');
}
/** A pie with the values in its legend (showData); slices of value 0 or less are left out. */
function pieChart(spec) {
    const slices = spec.slices.filter((s) => s.value > 0 && Number.isFinite(s.value));
    const labels = unique(slices.map((s) => (0,report_escape/* mermaidText */.Hg)(s.label, 60)));
    return [
        'pie showData',
        `    title ${(0,report_escape/* mermaidText */.Hg)(spec.title, 120)}`,
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
        ...top.pip.map((x) => ({ label: x.name, bytes: x.sizeBytes })),
        ...top.apt.map((x) => ({ label: `${x.name} (apt)`, bytes: x.sizeBytes })),
    ]
        .filter((x) => x.bytes > 0)
        .sort((a, b) => b.bytes - a.bytes || (a.label < b.label ? -1 : 1))
        .slice(0, MAX_PIE_SLICES);
    if (packages.length === 0)
        return null;
    const total = p.head.sizeBytes;
    const mb = (bytes) => Math.round(bytes / 1e5) / 10;
    const rest = total - packages.reduce((n, x) => n + x.bytes, 0);
    const slices = [
        ...packages.map((x) => ({ label: x.label, value: mb(x.bytes) })),
        ...(rest > 0 ? [{ label: 'rest of the image', value: mb(rest) }] : []),
    ];
    if (slices.filter((s) => s.value > 0).length === 0)
        return null;
    const title = `Image size ${fmtBytes(total)}${suffix}, biggest packages (MB)`;
    return chartPart(`size chart${suffix}`, [pieChart({ title, slices })], rank);
}
/** The document without its charts (each is a part of its own, after a blank line). */
function withoutCharts(markdown) {
    return markdown.replace(/\n\n```mermaid\n[\s\S]*?\n```(?=\n|$)/g, '');
}

;// CONCATENATED MODULE: ./src/report/render/markdown.ts


const STATUS = { pass: '✅ pass', fail: '❌ fail', skip: '⏭️ skip' };
const markdown_status = (s) => (s ? STATUS[s] : '—');
const cell = (v, max = 100) => v === null || v === undefined || v === '' ? '—' : (0,report_escape.md)(v, max);
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
        .map((k) => `${fmtInt(c[k])} ${k}`)
        .join(' · ');
}
function shortSha(sha) {
    // A git SHA is shown as its first 7 hex digits; anything else (a fork's odd input) is clipped by
    // code point, so a cut never splits a character, and escaped like any other value.
    if (!sha)
        return '';
    return /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7) : (0,report_escape.md)(sha, 12);
}

;// CONCATENATED MODULE: ./src/report/render/parts.ts
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

;// CONCATENATED MODULE: ./src/report/render/sections.ts
// The sections of the report, each a Part: the per-platform overview table and the <details>
// tables (pip, apt, conda, environment, labels, smoke tests, smoke metrics), and the resolver's lines.
// Every value from a record is escaped here (md/html from ../escape.js).





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
        const detail = parts.length > 1 ? ` (${parts.map(([k, n]) => `${fmtInt(n)} ${k}`).join(', ')})` : '';
        return `\n_… and ${fmtInt(hidden)} more ${only}${hidden === 1 ? noun : `${noun}s`}${detail} (see the report artifact)_`;
    };
    const rows = d.changes.map((c) => row([cell(c.name, 80), cell(c.from, 60), cell(c.to, 60), changeCell(c.kind, c.level)]));
    return rowsPart(`${eco} table${suffix}`, detailsRows((0,report_escape/* html */.qy)(`${eco}: ${kindCounts(d.changes)}${suffix}`), header(['Package', baseLabel, 'this PR', 'Change']), rows, more), rank);
}
function overviewRows(p) {
    const all = [];
    const changed = [];
    const push = (cells, isChanged) => {
        const r = row(cells);
        all.push(r);
        if (isChanged)
            changed.push(r);
    };
    const d = p.diff;
    const b = p.base;
    const h = p.head;
    if (d && b) {
        const s = d.size;
        push([
            'Image size',
            fmtBytes(s.base),
            fmtBytes(s.head),
            s.delta === 0 ? '' : `${signed(s.delta, fmtBytes)}${s.base ? ` (${pct(s.delta / s.base)})` : ''}`,
        ], s.delta !== 0);
        push([
            'Layers',
            fmtInt(d.layers.base),
            fmtInt(d.layers.head),
            d.layers.delta ? signed(d.layers.delta, fmtInt) : '',
        ], d.layers.delta !== 0);
        for (const eco of ['pip', 'apt', 'conda']) {
            const x = d[eco];
            // conda: only where a record has conda packages (a conda-based image).
            if (!x)
                continue;
            push([`${eco} packages`, fmtInt(x.baseCount), fmtInt(x.headCount), kindCounts(x.changes)], x.changes.length > 0);
        }
        for (const c of d.components) {
            if (c.from === null && c.to === null)
                continue;
            const note = c.changed ? `${changeCell(c.direction, c.level)}${c.host ? ' (runner)' : ''}` : '';
            push([COMPONENT_LABELS[c.id], cell(c.from, 60), cell(c.to, 60), note], c.changed);
        }
        if (p.smoke) {
            const s = p.smoke;
            const notes = [
                s.regressions ? `❌ ${plural(s.regressions, 'regression')}` : '',
                s.failing - s.regressions > 0 ? `❌ ${fmtInt(s.failing - s.regressions)} failing` : '',
                s.metricRegressions ? `⚠️ ${plural(s.metricRegressions, 'metric regression')}` : '',
                s.fixed ? `✅ ${fmtInt(s.fixed)} fixed` : '',
            ].filter(Boolean);
            push(['Smoke tests', smokeTally(s.base), smokeTally(s.head), notes.join(' · ')], notes.length > 0);
        }
    }
    else {
        push(['Image size', fmtBytes(h.sizeBytes)], true);
        push(['Layers', fmtInt(h.layers)], true);
        push(['pip packages', fmtInt(h.pipCount)], true);
        push(['apt packages', fmtInt(h.aptCount)], true);
        for (const [id, v] of Object.entries(h.components))
            if (v !== null)
                push([`${COMPONENT_LABELS[id]}${diff_schema/* HOST_COMPONENTS */._S.has(id) ? ' (runner)' : ''}`, cell(v, 60)], true);
        if (p.smoke)
            push(['Smoke tests', smokeTally(p.smoke.head)], true);
    }
    return { all, changed };
}
function overviewPart(p, names, baseLabel, index) {
    const title = names !== null ? `#### ${(0,report_escape.md)(names, 200)}\n\n` : '';
    const cols = p.diff ? ['', baseLabel, 'this PR', 'Change'] : ['', 'this PR'];
    const { all, changed } = overviewRows(p);
    const table = (rows) => `${title}${header(cols)}\n${rows.join('\n')}`;
    const short = changed.length > 0 ? table(changed) : `${title}_No changes._`;
    return {
        label: `overview${names !== null ? ` (${names})` : ''}`,
        text: table(all),
        short,
        shortRank: RANK.overviewShort - index / 100,
        dropRank: RANK.overview - index / 100,
        mode: 'full',
        shown: 0,
    };
}
function envPart(p, suffix, baseLabel, rank) {
    const e = p.diff?.env;
    if (!e || e.changes.length === 0)
        return null;
    const intro = e.redactedBoth
        ? `_${plural(e.redactedBoth, 'variable')} redacted on both sides: their values are not compared._\n\n`
        : '';
    const rows = e.changes.map((c) => row([cell(c.name, 80), cell(c.from, 120), cell(c.to, 120)]));
    return rowsPart(`environment table${suffix}`, detailsRows((0,report_escape/* html */.qy)(`Environment variables: ${plural(e.changes.length, 'change')}${suffix}`), header(['Variable', baseLabel, 'this PR']), rows, (shown) => `\n_… and ${fmtInt(rows.length - shown)} more (see the report artifact)_`, intro), rank);
}
function labelsPart(p, suffix, baseLabel, rank) {
    const l = p.diff?.labels;
    if (!l || l.changes.length === 0)
        return null;
    const volatile = l.changes.filter((c) => c.volatile).length;
    const rows = l.changes.map((c) => row([cell(c.name, 80), cell(c.from, 120), cell(c.to, 120), c.volatile ? 'changes every build' : '']));
    const counts = `${plural(l.changes.length - volatile, 'change')}${volatile ? `, ${fmtInt(volatile)} volatile` : ''}`;
    return rowsPart(`labels table${suffix}`, detailsRows((0,report_escape/* html */.qy)(`Labels: ${counts}${suffix}`), header(['Label', baseLabel, 'this PR', '']), rows, (shown) => `\n_… and ${fmtInt(rows.length - shown)} more (see the report artifact)_`), rank);
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
            t.reason ? (0,report_escape.md)(t.reason, 200) : '',
            t.cause ? (0,report_escape.md)(t.cause, 300) : '',
            t.note ? (0,report_escape.md)(t.note, 200) : '',
        ]
            .filter(Boolean)
            .join(' — ');
        return row(hasBase ? [cell(t.id, 60), markdown_status(t.from), markdown_status(t.to), note] : [cell(t.id, 60), markdown_status(t.to), note]);
    });
    const counts = [
        smokeTally(s.head),
        s.regressions ? plural(s.regressions, 'regression') : '',
        s.fixed ? `${fmtInt(s.fixed)} fixed` : '',
    ]
        .filter(Boolean)
        .join(', ');
    return rowsPart(`smoke tests table${suffix}`, detailsRows((0,report_escape/* html */.qy)(`Smoke tests: ${counts}${suffix}`), header(hasBase ? ['Test', baseLabel, 'this PR', ''] : ['Test', 'this PR', '']), rows, (shown) => `\n_… and ${fmtInt(rows.length - shown)} more tests (see the report artifact)_`), rank);
}
function metricNote(m, threshold) {
    if (m.base === null || m.head === null)
        return m.base === null ? 'new' : 'gone';
    const rel = m.relative !== null ? pct(m.relative) : signed(m.head - m.base, num);
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
    const val = (v, metric) => v === null ? '—' : metric === 'durationMs' ? `${num(v / 1000)} s` : num(v);
    // This PR's value against the floor it was judged by: "680.9 (floor 545.8, 1.25x)".
    const headVal = (m) => m.head === null || m.floor === undefined || m.floor <= 0
        ? val(m.head, m.metric)
        : `${num(m.head)} (floor ${num(m.floor)}, ${(m.head / m.floor).toFixed(2)}x${m.head < m.floor ? ' ⚠️ below' : ''})`;
    const name = (m) => (m === 'durationMs' ? 'duration' : m);
    const rows = metrics.map((m) => row(hasBase
        ? [
            cell(m.test, 60),
            cell(name(m.metric), 60),
            val(m.base, m.metric),
            headVal(m),
            metricNote(m, s.threshold),
        ]
        : [cell(m.test, 60), cell(name(m.metric), 60), headVal(m)]));
    return rowsPart(`smoke metrics table${suffix}`, detailsRows((0,report_escape/* html */.qy)(`Smoke metrics: ${plural(s.metrics.length, 'value')}${s.metricRegressions ? `, ${plural(s.metricRegressions, 'regression')}` : ''}${suffix}`), header(hasBase ? ['Test', 'Metric', baseLabel, 'this PR', 'Change'] : ['Test', 'Metric', 'this PR']), rows, (shown) => `\n_… and ${fmtInt(rows.length - shown)} more values (see the report artifact)_`), rank);
}
function resolutionPart(lines) {
    if (lines.length === 0)
        return null;
    const rows = lines.map((l) => `- ${(0,report_escape.md)(l, 500)}`);
    return rowsPart('dependency resolution', {
        head: `<details><summary>${(0,report_escape/* html */.qy)(`Dependency resolution: ${plural(lines.length, 'line')}`)}</summary>\n\n`,
        rows,
        more: (shown) => `\n_… and ${fmtInt(rows.length - shown)} more lines (see the report artifact)_`,
        tail: '\n</details>',
    }, RANK.resolution);
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
            `- ${(0,report_escape.md)(t.platform, 40)} (${(0,report_escape.md)(t.ref, 300)}): ${(0,report_escape.md)(what.join('; '), 600)}`,
            ...(commands.length > 0 ? [`  \`\`\`sh\n${commands.map((c) => `  ${c}`).join('\n')}\n  \`\`\``] : []),
        ];
    });
    return rowsPart('supply chain', {
        head: `<details><summary>${(0,report_escape/* html */.qy)(`Supply chain: ${signed === sc.targets.length ? 'signed' : signed === 0 ? 'not signed' : `${signed} of ${sc.targets.length} signed`} (${plural(sc.targets.length, 'platform image')})`)}</summary>\n\n${(0,report_escape.md)(sc.signing, 400)}\n\n`,
        rows,
        more: (shown) => `\n_… and ${fmtInt(rows.length - shown)} more lines (see attest.json)_`,
        tail: '\n</details>',
    }, RANK.supplyChain);
}

;// CONCATENATED MODULE: ./src/report/render/size.ts
// Where the bytes went, per platform: what made the image grow against the base branch (packages
// and layers, largest change first, with the size budget's verdict) and its biggest packages and
// layers. Every value from a record is escaped here (md/html).






const bytes = (n) => (n === null ? '—' : fmtBytes(n));
function what(c) {
    return c.kind === 'layer' ? `layer: ${cell(c.name, 120)}` : `${c.kind} ${cell(c.name, 80)}`;
}
function side(version, size, kind) {
    if (kind === 'layer')
        return bytes(size);
    return version === null ? '—' : `${cell(version, 40)} (${bytes(size)})`;
}
/** The size change against the base, explained; with the budget's breach when there is one. */
function sizeChangePart(p, sizeBudget, suffix, baseLabel, rank) {
    const e = p.diff?.sizeExplanation;
    const breaches = budgetBreaches(sizeBudget, [p]);
    if (!p.diff || (!e && breaches.length === 0))
        return null;
    const s = p.diff.size;
    const total = `${signed(s.delta, fmtBytes)}${s.base ? ` (${pct(s.delta / s.base)})` : ''}`;
    const changes = e ? [...e.packages, ...e.layers] : [];
    // Nothing to explain, unless the base record is too old to have sizes (said once, here).
    if (changes.length === 0 && breaches.length === 0 && (!e || e.packagesKnown || s.delta === 0))
        return null;
    const headline = e ? sizeHeadline(e) : null;
    const notes = [
        ...breaches.map((b) => `❌ **${(0,report_escape.md)(b.text, 400)}**`),
        headline ? `**${(0,report_escape.md)(headline, 400)}**` : '',
        e && !e.packagesKnown
            ? `_The ${baseLabel} record has no package sizes (captured before sizes were recorded)._`
            : '',
        e && e.packagesChanged > e.packages.length
            ? `_Packages: ${signed(e.packagesDelta, fmtBytes)} over ${plural(e.packagesChanged, 'package')} whose size changed; the ${fmtInt(e.packages.length)} biggest changes are listed._`
            : '',
    ].filter(Boolean);
    const rows = changes.map((c) => row([
        what(c),
        side(c.from, c.baseBytes, c.kind),
        side(c.to, c.headBytes, c.kind),
        signed(c.delta, fmtBytes),
    ]));
    return rowsPart(`size table${suffix}`, detailsRows((0,report_escape/* html */.qy)(`Image size: ${total}${breaches.length ? ', over budget' : ''}${suffix}`), rows.length > 0 ? header(['What', baseLabel, 'this PR', 'Change']) : '', rows, (shown) => `\n_… and ${fmtInt(rows.length - shown)} more (see the report artifact)_`, notes.length > 0 ? `${notes.join('\n\n')}\n\n` : ''), rank);
}
/** The biggest pip and apt packages and layers of this PR's image. */
function sizeTopPart(p, sizeBudget, suffix, rank) {
    const top = p.head.top;
    if (!top)
        return null;
    const rows = [
        ...top.pip.map((x) => row([`pip ${cell(x.name, 80)}`, cell(x.version, 40), fmtBytes(x.sizeBytes)])),
        ...top.apt.map((x) => row([`apt ${cell(x.name, 80)}`, cell(x.version, 40), fmtBytes(x.sizeBytes)])),
        ...top.layers.map((l) => row([`layer: ${cell(l.createdBy, 120)}`, '', fmtBytes(l.sizeBytes)])),
    ];
    if (rows.length === 0)
        return null;
    // Without a baseline the budget's verdict is told here (an absolute budget needs no base).
    const breaches = p.diff ? [] : budgetBreaches(sizeBudget, [p]);
    const intro = breaches.map((b) => `❌ **${(0,report_escape.md)(b.text, 400)}**`).join('\n\n');
    return rowsPart(`biggest table${suffix}`, detailsRows((0,report_escape/* html */.qy)(`Biggest packages and layers: ${fmtBytes(p.head.sizeBytes)} image${suffix}`), header(['Package or layer', 'Version', 'Size']), rows, (shown) => `\n_… and ${fmtInt(rows.length - shown)} more (see the report artifact)_`, intro ? `${intro}\n\n` : ''), rank);
}
/** The run overview's size cell: "+610.0 MB (+7.5%): nvidia-cudnn-cu12 9.5 → 9.7 +402.0 MB" (escaped). */
function sizeChangeCell(p) {
    const s = p.diff?.size;
    if (!s)
        return null;
    const change = s.delta === 0 ? '±0' : `${signed(s.delta, fmtBytes)}${s.base ? ` (${pct(s.delta / s.base)})` : ''}`;
    const e = p.diff?.sizeExplanation;
    const driver = e && s.delta !== 0 ? (0,diff_schema/* sizeDrivers */.Lw)(e)[0] : undefined;
    return driver ? `${(0,report_escape.md)(change)}: ${(0,report_escape.md)(describeChange(driver), 120)}` : (0,report_escape.md)(change);
}

;// CONCATENATED MODULE: ./src/report/render/document.ts
// The report as a list of parts in reading order: heading, intro, one overview per group of
// platforms, the <details> sections platform by platform (a chart before the smoke metrics and the
// biggest packages when there is something to chart), the resolution, the links.






function introText(model) {
    const head = [model.head.ref ? (0,report_escape.md)(model.head.ref, 80) : '', shortSha(model.head.sha)]
        .filter(Boolean)
        .join(' @ ');
    const thisPr = `this PR${head ? ` (${head})` : ''}`;
    if (!model.platforms.some((p) => p.diff)) {
        const why = model.noBaselineReason
            ? (0,report_escape.md)(model.noBaselineReason, 300)
            : model.baseline
                ? `no record of ${(0,report_escape.md)(model.baseline.ref, 80)} yet`
                : 'no base branch to compare with';
        return `No diff for ${thisPr}: ${why}. The environment of this build:`;
    }
    const base = model.baseline;
    const baseText = base
        ? `${(0,report_escape.md)(base.ref, 80)}${base.sha ? ` @ ${shortSha(base.sha)}` : ''}`
        : 'the baseline records';
    // A pull request into a branch without baselines (only the default branch saves them).
    const fallback = base?.noRecordOf
        ? `: no record of ${(0,report_escape.md)(base.noRecordOf, 80)} (baselines are saved for the default branch only)`
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
        textPart('heading', `### 🐳 ml-image report: ${(0,report_escape.md)(model.image, 100)} (${(0,report_escape.md)(model.variant, 40)})`, RANK.heading),
        textPart('intro', introText(model), RANK.intro),
    ];
    for (const g of groups(model.platforms, (p) => `${!!p.diff}\u0000${overviewRows(p).all.join('\n')}`))
        parts.push(overviewPart(g.first, multi ? g.names.join(', ') : null, baseLabel, g.index));
    // Grouping only matters with several platforms (and JSON of 5,000 rows is not free).
    const json = (v) => (v === null || v === undefined ? null : multi ? JSON.stringify(v) : '');
    const sections = [
        [(p, ...a) => p.diff && packagePart('pip', p.diff.pip, ...a), (p) => json(p.diff?.pip.changes), RANK.pip],
        [(p, ...a) => p.diff && packagePart('apt', p.diff.apt, ...a), (p) => json(p.diff?.apt.changes), RANK.apt],
        [
            (p, ...a) => (p.diff?.conda ? packagePart('conda', p.diff.conda, ...a) : null),
            (p) => json(p.diff?.conda?.changes),
            RANK.conda,
        ],
        [envPart, (p) => json(p.diff?.env), RANK.env],
        [labelsPart, (p) => json(p.diff?.labels.changes), RANK.labels],
        [testsPart, (p) => json(p.smoke && [p.smoke.base, p.smoke.head, p.smoke.tests]), RANK.tests],
        // Each chart just before the table with its figures (a part of its own: dropped first).
        [
            (p, suffix, _base, rank) => metricsChartPart(p, suffix, model.baseline?.ref ?? 'base', rank),
            (p) => json(p.smoke && [p.smoke.base !== null, p.smoke.metrics]),
            RANK.charts,
        ],
        [metricsPart, (p) => json(p.smoke && [p.smoke.base !== null, p.smoke.metrics]), RANK.metrics],
        [
            (p, ...a) => sizeChangePart(p, model.sizeBudget, ...a),
            (p) => json(p.diff && [p.diff.size, p.diff.sizeExplanation, p.head.sizeBytes]),
            RANK.size,
        ],
        [
            (p, suffix, _base, rank) => sizeChartPart(p, suffix, rank),
            (p) => json(p.head.top && [p.head.top, p.head.sizeBytes]),
            RANK.charts,
        ],
        [
            (p, suffix, _base, rank) => sizeTopPart(p, model.sizeBudget, suffix, rank),
            (p) => json(p.head.top && [p.head.top, p.head.sizeBytes, !!p.diff]),
            RANK.sizeTop,
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
    const resolution = resolutionPart(model.resolution);
    if (resolution)
        parts.push(resolution);
    const supplyChain = supplyChainPart(model.supplyChain);
    if (supplyChain)
        parts.push(supplyChain);
    parts.push(textPart('links', linksText(model), RANK.links));
    return parts;
}

;// CONCATENATED MODULE: ./src/report/render/verdict.ts
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
        .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.i - b.i);
    const chosen = [];
    const text = (list) => {
        // A version or name from the image holding ESC or CR must not redraw the line where it is shown.
        const shown = [...list].sort((a, b) => a.i - b.i).map((f) => (0,util_text/* printable */.g$)(f.text));
        const more = items.length - list.length;
        return `${emoji} ${shown.join('; ')}${more ? `${shown.length ? '; ' : ''}+${more} more` : ''}`;
    };
    for (const f of bySeverity)
        if (text([...chosen, f]).length <= maxLen)
            chosen.push(f);
    if (chosen.length === 0) {
        const short = `${emoji} ${plural(items.length, 'finding')} (see the report artifact)`;
        return short.length <= maxLen ? short : emoji;
    }
    return text(chosen);
}

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
            out.push(`${p.label}: ${fmtInt(p.rows.rows.length - p.shown)} of ${fmtInt(p.rows.rows.length)} rows`);
    }
    return out;
}
function noteText(omitted, maxChars) {
    if (omitted.length === 0)
        return '';
    const list = omitted.join('; ');
    // A long list would itself crowd out content: then only the count.
    const what = list.length <= 160 ? `left out: ${(0,report_escape.md)(list)}` : `left out ${fmtInt(omitted.length)} parts`;
    return `_Report shortened to fit ${fmtInt(maxChars)} characters; ${what}. The full report is in the report artifact._`;
}
/** The size of assemble(doc).markdown without its trailing newline. */
function docSize(doc) {
    let n = doc.marker.length + 1 + doc.verdictLine.length;
    let count = 1;
    for (const p of doc.parts) {
        const s = partSize(p);
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
    const texts = parts.map(partText).filter(Boolean);
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
    let lo = MIN_ROWS;
    let hi = r.rows.length;
    if (rowsSize(r, hi) <= cap)
        return hi;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (rowsSize(r, mid) <= cap)
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
    const tables = doc.parts.filter((p) => p.rows && p.rows.rows.length > MIN_ROWS);
    if (tables.length === 0)
        return false;
    const apply = (cap) => tables.forEach((p) => (p.shown = shownFor(p, cap)));
    let lo = 0;
    // A cap at maxChars or over never fits (that table alone would fill the document), so the search
    // starts there at most: then the cap found does not depend on rows no document can show (a fork's
    // artifact carries stand-ins for those: artifact-fit.ts).
    let hi = Math.min(doc.maxChars, Math.max(...tables.map((p) => rowsSize(p.rows, p.rows.rows.length))));
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
const TRUNCATED_NOTE = (maxChars) => `_Report truncated to fit ${fmtInt(maxChars)} characters: see the report artifact._`;
/** Step 4: only the marker, the verdict and a note are left: shorten the verdict until they fit. */
function verdictOnly(assessment, marker, maxChars) {
    const note = TRUNCATED_NOTE(maxChars);
    // marker \n **verdict** \n\n note \n
    const room = maxChars - marker.length - note.length - 8;
    let short = verdictText(assessment, Math.min(240, room));
    while ((0,report_escape.md)(short).length > room && short.length > 1)
        short = verdictText(assessment, short.length - 10);
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
    const assessment = assessReport(model);
    const verdict = verdictText(assessment, 240);
    const doc = { marker, verdictLine: `**${(0,report_escape.md)(verdict)}**`, parts, maxChars };
    if (fits(doc) || dropCharts(doc) || trimTables(doc) || dropParts(doc)) {
        const { markdown, omitted } = assemble(doc);
        return { markdown, marker, verdict, omitted };
    }
    const last = verdictOnly(assessment, marker, maxChars);
    return { markdown: last.markdown, marker, verdict: last.verdict, omitted: last.omitted };
}

// EXTERNAL MODULE: ./src/github/client.ts + 2 modules
var client = __webpack_require__(55254);
;// CONCATENATED MODULE: ./src/report/sticky.ts
// One pull-request comment per report key, updated in place ("sticky"), as
// marocchino/sticky-pull-request-comment does: a hidden marker on the first line plus the author
// find our comment; a re-list after creating settles races between concurrent jobs. Retries of
// 5xx and rate limits happen inside the client (Octokit's plugin-retry and plugin-throttling).

/** GitHub's limit for an issue comment body, in characters. */
const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** Never shrink below this: a report that does not fit in 1000 characters is not worth posting. */
const MIN_COMMENT_CHARS = 1_000;
/** Is this the 422 GitHub answers for a body over its limit? */
function isBodyTooLong(err) {
    if (!(err instanceof client/* GitHubApiError */.OS) || err.status !== 422)
        return false;
    return [err.apiMessage, ...err.errors.map((e) => e.message)].some((m) => m !== undefined && /too long/i.test(m));
}
/**
 * The next size to render after a body-too-long 422: GitHub's stated maximum when it is below what
 * we tried, else half; undefined when we are already at the floor.
 */
function nextMaxChars(current, err) {
    if (current <= MIN_COMMENT_CHARS)
        return undefined;
    const stated = [err.apiMessage, ...err.errors.map((e) => e.message)]
        .map((m) => /maximum is (\d+)/i.exec(m ?? '')?.[1])
        .find((m) => m !== undefined);
    const limit = stated === undefined ? undefined : Number(stated);
    const next = limit !== undefined && limit < current ? limit : Math.floor(current / 2);
    return Math.max(MIN_COMMENT_CHARS, next);
}
function firstLine(body) {
    const nl = body.indexOf('\n');
    return (nl === -1 ? body : body.slice(0, nl)).replace(/\r$/, '').trim();
}
const byAge = (a, b) => a.created_at === b.created_at ? a.id - b.id : a.created_at < b.created_at ? -1 : 1;
/**
 * The login of GITHUB_TOKEN's comments. With an installation token (GET /user refused) only this
 * bot's comments are taken as ours before we post: any other bot carrying our marker (another
 * app's, or one planted) is left alone, since GITHUB_TOKEN's write access could overwrite it. A
 * GitHub App's own token learns its login from the comment it creates, and then settles onto its
 * oldest comment as concurrent jobs do.
 */
const GITHUB_TOKEN_BOT = 'github-actions[bot]';
function checkedMarker(raw) {
    const marker = raw.trim();
    if (!/^<!--[\s\S]*-->$/.test(marker) || marker.includes('\n')) {
        throw new Error(`sticky comment marker must be one HTML comment line, got ${JSON.stringify(marker)}`);
    }
    return marker;
}
async function upsertStickyComment(client, opts) {
    const marker = checkedMarker(opts.marker);
    const maxChars = Math.min(opts.maxChars ?? GITHUB_COMMENT_MAX_CHARS, GITHUB_COMMENT_MAX_CHARS);
    const u = {
        client,
        owner: opts.owner,
        repo: opts.repo,
        issueNumber: opts.issueNumber,
        marker,
        log: opts.log,
        render: opts.render,
        maxChars,
        replaces: opts.replaces,
        replaced: [],
        body: render(opts.render, maxChars, marker),
        deleted: [],
    };
    try {
        const who = await whoPosts(u, opts.author);
        const listed = await listComments(u);
        u.replaced = listed.filter((c) => isReplaced(u, c));
        const [target, ...dupes] = listed.filter((c) => isOurs(u, who, c, who.author)).sort(byAge);
        if (target)
            return await updateExisting(u, who, target, dupes);
        return await createAndSettle(u, who);
    }
    catch (err) {
        if (isRefused(err) && opts.forbidden !== 'fail') {
            u.log.warning(`Skipped the pull-request comment: GitHub answered 403 (${err.apiMessage ?? 'forbidden'}). ` +
                'Pull requests from forks get a read-only GITHUB_TOKEN; the job summary still has the report. ' +
                'To comment on fork pull requests, post from a workflow_run workflow, or grant `permissions: pull-requests: write`.');
            return { action: 'forbidden', deleted: u.deleted, bodyLength: u.body.length };
        }
        throw err;
    }
}
/** A 403 that is GitHub refusing the token, not a rate limit (which the client has waited out). */
function isRefused(err) {
    return err instanceof client/* GitHubApiError */.OS && err.status === 403 && !err.secondaryRateLimit && !err.rateLimited;
}
async function whoPosts(u, author) {
    // GET /user refused means an installation token (GITHUB_TOKEN, a GitHub App): its author is a bot.
    if (author === undefined && u.client.authenticatedLogin) {
        const login = await u.client.authenticatedLogin();
        return { author: login, botAuthor: login === undefined };
    }
    return { author, botAuthor: false };
}
/** GitHub logins are case-insensitive: `My-App[bot]` and `my-app[bot]` are one account. */
const sameLogin = (a, b) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
function isOurs(u, who, c, login) {
    return (firstLine(c.body) === u.marker &&
        (login !== undefined
            ? sameLogin(c.user?.login, login)
            : !who.botAuthor || sameLogin(c.user?.login, GITHUB_TOKEN_BOT)));
}
/** A comment with a marker this one replaces (whose author is checked before it is deleted). */
function isReplaced(u, c) {
    const line = firstLine(c.body);
    return u.replaces !== undefined && line !== u.marker && line.startsWith('<!--') && u.replaces(line);
}
/** Delete the replaced comments that are surely ours: by `author`, our login or the bot that posts. */
async function removeReplaced(u, author) {
    if (author === undefined || u.replaced.length === 0)
        return;
    const gone = u.replaced.filter((c) => sameLogin(c.user?.login, author));
    await removeAll(u, gone);
    if (gone.length > 0)
        u.log.info(`removed ${gone.length} earlier comment(s) this one replaces (${gone.map((c) => c.id).join(', ')})`);
}
function listComments(u) {
    const { owner, repo, issueNumber } = u;
    return u.client.listIssueComments({ owner, repo, issueNumber });
}
/** Create or update, rendering smaller while GitHub says the body is too long. */
async function write(u, what, fn) {
    for (;;) {
        try {
            return await fn(u.body);
        }
        catch (err) {
            if (!isBodyTooLong(err))
                throw err;
            const next = nextMaxChars(Math.min(u.maxChars, u.body.length), err);
            if (next === undefined)
                throw err;
            u.log.info(`GitHub ${what}: comment too long (${u.body.length} characters); rendering in ${next}`);
            u.maxChars = next;
            u.body = render(u.render, u.maxChars, u.marker);
        }
    }
}
async function removeAll(u, comments) {
    const { owner, repo } = u;
    for (const c of comments) {
        try {
            await u.client.deleteIssueComment({ owner, repo, commentId: c.id });
            u.deleted.push(c.id);
        }
        catch (err) {
            // Another writer deleted it first: the goal (one comment) holds.
            if (!(err instanceof client/* GitHubApiError */.OS && err.status === 404))
                throw err;
        }
    }
}
/** Bring `target` to our body; true when a PATCH was needed. */
async function updateTo(u, target, always = false) {
    // GitHub may hand back \r\n line ends for a body we sent with \n: that is no change.
    if (!always && target.body.replace(/\r\n/g, '\n') === u.body.replace(/\r\n/g, '\n'))
        return false;
    const { owner, repo } = u;
    await write(u, 'update comment', (b) => u.client.updateIssueComment({ owner, repo, commentId: target.id, body: b }));
    return true;
}
/** Our comment exists: update the oldest, remove the duplicates that are surely ours. */
async function updateExisting(u, who, target, dupes) {
    let changed;
    try {
        changed = await updateTo(u, target);
    }
    catch (err) {
        // Deleted since the listing (a person, a concurrent job's cleanup): post it anew, once.
        if (!(err instanceof client/* GitHubApiError */.OS && err.status === 404))
            throw err;
        u.log.info(`pull-request comment ${target.id} was deleted meanwhile: creating a new one`);
        return createAndSettle(u, who);
    }
    // Duplicates go only when they are surely ours: by the known author, or (installation token)
    // by the same bot as the comment we keep. Otherwise someone else's could be deleted.
    const dupeAuthor = who.author ?? (who.botAuthor ? target.user?.login : undefined);
    if (dupeAuthor !== undefined)
        await removeAll(u, dupes.filter((d) => sameLogin(d.user?.login, dupeAuthor)));
    await removeReplaced(u, dupeAuthor);
    u.log.info(`pull-request comment ${target.id} ${changed ? 'updated' : 'unchanged'}`);
    return {
        action: changed ? 'updated' : 'unchanged',
        commentId: target.id,
        deleted: u.deleted,
        bodyLength: u.body.length,
    };
}
/** No comment of ours yet: create one, then settle a race with concurrent jobs on the oldest. */
async function createAndSettle(u, who) {
    const { owner, repo, issueNumber } = u;
    const created = await write(u, 'create comment', (b) => u.client.createIssueComment({ owner, repo, issueNumber, body: b }));
    // The login GitHub gave the comment is the author: a comment-author that names another (a typo,
    // no `[bot]`) would never find this comment again, and every run would post a new one.
    const posted = created.user?.login;
    if (who.author !== undefined && posted !== undefined && !sameLogin(who.author, posted))
        u.log.warning(`comment-author "${who.author}" is not the login that posts (${posted}): ${posted}'s comments are the ones updated; set comment-author to it`);
    const author = posted ?? who.author;
    // Two jobs may have created at once: all of them keep the oldest and delete the rest.
    const after = (await listComments(u)).filter((c) => isOurs(u, who, c, author));
    if (!after.some((c) => c.id === created.id))
        after.push({ ...created, body: u.body });
    after.sort(byAge);
    // The comment we created names its author: the replaced comments of that author are ours.
    await removeReplaced(u, author);
    const kept = await settleOnOldest(u, after, created.id);
    await removeAll(u, after.filter((c) => c.id !== kept.id));
    if (kept.ours) {
        u.log.info(`pull-request comment ${kept.id} created`);
        return { action: 'created', commentId: kept.id, deleted: u.deleted, bodyLength: u.body.length };
    }
    u.log.info(`pull-request comment ${kept.id} updated (a concurrent job had created it)`);
    return { action: 'updated', commentId: kept.id, deleted: u.deleted, bodyLength: u.body.length };
}
/**
 * The oldest of ours (sorted by age) brought to our body, its id: one older than the comment we
 * created and deleted since the listing (a concurrent job's cleanup, a person) gives way to the
 * next, down to ours, which has the body already. Reached that way, ours may be gone too (the job
 * that kept the older one deleted it): then it is posted once more.
 */
async function settleOnOldest(u, sorted, createdId) {
    let gone = false;
    for (const c of sorted) {
        if (c.id === createdId)
            break;
        try {
            // Sent even when its body is ours already (a concurrent job's, identical): only its answer
            // tells that it still exists before ours is deleted in its favour.
            await updateTo(u, c, true);
            return { id: c.id, ours: false };
        }
        catch (err) {
            if (!(err instanceof client/* GitHubApiError */.OS && err.status === 404))
                throw err;
            u.log.info(`pull-request comment ${c.id} was deleted meanwhile: settling on the next oldest`);
            gone = true;
        }
    }
    if (!gone || (await listComments(u)).some((c) => c.id === createdId))
        return { id: createdId, ours: true };
    u.log.info(`pull-request comment ${createdId} was deleted meanwhile too: creating it once more`);
    const { owner, repo, issueNumber } = u;
    const again = await write(u, 'create comment', (b) => u.client.createIssueComment({ owner, repo, issueNumber, body: b }));
    return { id: again.id, ours: true };
}
function render(fn, maxChars, marker) {
    const body = fn(maxChars);
    // Without the marker first we would never find this comment again and post a new one each run.
    if (firstLine(body) !== marker) {
        throw new Error(`rendered comment must start with the marker line ${marker}`);
    }
    return body;
}

;// CONCATENATED MODULE: ./src/report/artifact-fit.ts






const ECOS = ['pip', 'apt', 'conda'];
/** The most characters the poster renders its comment in: no table in it shows a row past these. */
const COMMENT_ROW_CHARS = Math.max(DEFAULT_MAX_CHARS, GITHUB_COMMENT_MAX_CHARS);
/** Shorter cuts, tried in turn when the exact one is over the limit: the comment may then lose rows. */
const SHORTER_ROW_CHARS = [32_768, 16_384, 8_192, 4_096, 2_048, 1_024, 0];
/** The artifact's size as writeCommentArtifact writes it. */
const artifactBytes = (payload) => Buffer.byteLength(`${JSON.stringify(payload)}\n`);
/** The payload as it is when it fits, else with its package lists cut to fit (see above). */
function fitCommentArtifact(payload, maxBytes = report_artifact/* MAX_COMMENT_ARTIFACT_BYTES */.Kd) {
    const fullBytes = artifactBytes(payload);
    if (fullBytes <= maxBytes)
        return { payload, bytes: fullBytes, fullBytes, rowChars: null };
    const sizes = rowSizes();
    let bytes = fullBytes;
    for (const rowChars of [COMMENT_ROW_CHARS, ...SHORTER_ROW_CHARS]) {
        const trimmed = trimArtifact(payload, rowChars, sizes);
        bytes = artifactBytes(trimmed);
        if (bytes <= maxBytes)
            return { payload: trimmed, bytes, fullBytes, rowChars };
    }
    return { payload: null, bytes, fullBytes, rowChars: 0 };
}
/** What the report stage logs of a fit: a warning when the comment may differ; undefined: nothing cut. */
function fitMessage(fit, maxBytes = report_artifact/* MAX_COMMENT_ARTIFACT_BYTES */.Kd) {
    const over = `the reports are ${fmtInt(fit.fullBytes)} bytes, over the ${fmtInt(maxBytes)}-byte limit the poster accepts`;
    if (fit.payload === null)
        return {
            warn: true,
            text: `comment artifact not written: ${over}, and still ${fmtInt(fit.bytes)} bytes with every package table left out; report fewer variants per job (the reports are in report.md and the job summary)`,
        };
    if (fit.rowChars === null)
        return undefined;
    if (fit.rowChars >= COMMENT_ROW_CHARS)
        return {
            warn: false,
            text: `comment artifact: ${over}: each package table keeps the rows a ${fmtInt(COMMENT_ROW_CHARS)}-character comment can show, and the count of the rest (${fmtInt(fit.bytes)} bytes; the comment is the same)`,
        };
    return {
        warn: true,
        text: `comment artifact: ${over}, even with each package table cut to the rows a comment can show: each keeps ${fmtInt(fit.rowChars)} characters of rows and the count of the rest (${fmtInt(fit.bytes)} bytes), so the posted comment may name fewer packages than report.md; report fewer variants per job to keep them all`,
    };
}
/** Each list's row sizes, summed (as the renderer's table counts them), computed once per list. */
function rowSizes() {
    const known = new WeakMap();
    return (changes) => {
        let sums = known.get(changes);
        if (!sums) {
            sums = [0];
            // The pip, apt and conda tables' row (render/sections.ts packagePart), and its newline.
            for (const c of changes)
                sums.push(sums.at(-1) +
                    row([cell(c.name, 80), cell(c.from, 60), cell(c.to, 60), changeCell(c.kind, c.level)]).length +
                    1);
            known.set(changes, sums);
        }
        return sums;
    };
}
/** The payload with each package list cut after the rows that fit in rowChars (see above). */
function trimArtifact(payload, rowChars, sizes = rowSizes()) {
    const trimmed = [];
    const reports = payload.reports.map((model, report) => {
        let platforms = model.platforms;
        for (const eco of ECOS) {
            const cut = cutLists(platforms, eco, rowChars, sizes);
            platforms = platforms.map((p, platform) => {
                const tail = cut[platform];
                const list = p.diff?.[eco];
                if (!tail || !p.diff || !list)
                    return p;
                trimmed.push({ report, platform, eco, tail: tail.tail });
                return { ...p, diff: { ...p.diff, [eco]: { ...list, changes: tail.kept } } };
            });
        }
        return platforms === model.platforms ? model : { ...model, platforms };
    });
    return trimmed.length === 0 ? payload : { ...payload, reports, trimmed };
}
/** The verdict's key of a package change (model.ts packageFindings): equal ones count once. */
const changeKey = (c) => `${c.kind}\u0000${c.name}\u0000${c.from}\u0000${c.to}`;
/** One report's lists of one ecosystem: per platform, the changes kept and the tail (null: all kept). */
function cutLists(platforms, eco, rowChars, sizes) {
    const lists = platforms.map((p) => p.diff?.[eco]?.changes ?? []);
    const cuts = lists.map((l) => {
        const sums = sizes(l);
        let n = 0;
        while (n < l.length && sums[n + 1] <= rowChars)
            n++;
        return n;
    });
    const kept = new Set(lists.flatMap((l, i) => l.slice(0, cuts[i]).map(changeKey)));
    const ids = new Map();
    return lists.map((l, i) => {
        if (cuts[i] === l.length)
            return null;
        const tail = l.slice(cuts[i]).map((c) => {
            const key = changeKey(c);
            // A change the verdict names (a lost CUDA build, model.ts) stays whole, as it says the same.
            if (kept.has(key) || c.cudaLoss)
                return c;
            let id = ids.get(key);
            if (id === undefined)
                ids.set(key, (id = ids.size));
            return [id, c.kind, c.level];
        });
        return { kept: l.slice(0, cuts[i]), tail };
    });
}
/** The stand-in for a hidden change: never shown by an exact cut; its name says what it is when shown. */
function standIn([id, kind, level]) {
    return { name: `(left out of the comment artifact: ${id + 1})`, kind, from: null, to: null, level };
}
/**
 * The reports with each trimmed list whole again, a stand-in in the place of each hidden change
 * (the poster renders these). InputError naming `source` for a trimmed list that names none.
 */
function restoreTrimmed(artifact, source) {
    const reports = [...artifact.reports];
    const seen = new Set();
    (artifact.trimmed ?? []).forEach((t, i) => {
        const at = `${source}: trimmed[${i}]`;
        const model = reports[t.report];
        if (!model)
            throw new errors/* InputError */.dz(`${at}.report: ${t.report} is not a report's index (${reports.length} reports)`);
        const p = model.platforms[t.platform];
        if (!p)
            throw new errors/* InputError */.dz(`${at}.platform: ${t.platform} is not a platform's index of report ${t.report}`);
        if (!p.diff)
            throw new errors/* InputError */.dz(`${at}.platform: report ${t.report}'s ${JSON.stringify(p.platform.slice(0, 40))} has no diff`);
        const list = `${t.report}/${t.platform}/${t.eco}`;
        if (seen.has(list))
            throw new errors/* InputError */.dz(`${at}: report ${t.report}'s platform ${t.platform} ${t.eco} list is trimmed twice`);
        seen.add(list);
        const d = p.diff[t.eco];
        if (!d)
            throw new errors/* InputError */.dz(`${at}.eco: report ${t.report}'s ${JSON.stringify(p.platform.slice(0, 40))} has no ${t.eco} packages`);
        const changes = [...d.changes, ...t.tail.map((c) => (Array.isArray(c) ? standIn(c) : c))];
        const restored = { ...p, diff: { ...p.diff, [t.eco]: { ...d, changes } } };
        reports[t.report] = {
            ...model,
            platforms: model.platforms.map((x, j) => (j === t.platform ? restored : x)),
        };
    });
    return reports;
}

;// CONCATENATED MODULE: ./src/report/baseline-lock.ts
// The directory baseline store's lock (baseline.ts): one save of a key and branch at a time reads
// the save it replaces, carries a platform's records over from it and switches to its own. A file
// created exclusively (O_EXCL) names its owner (host, pid, a token); one whose owner is gone (this
// host, no such process) is broken at once, one unchanged for `staleMs` (an owner hung, or gone on
// another host of a shared filesystem) then. A lock not had within `waitMs` is done without: the
// caller says so (a warning), and its save still replaces the last one whole.



const LOCK_TIMING = { waitMs: 60_000, staleMs: 20_000 };
const POLL_MS = 25;
/** Sleep on this thread: the store's steps are synchronous (a save throws at once, as it always has). */
function sleepSync(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
/** A failed file system call's code (ENOENT), '' when it has none. */
const codeOf = (e) => e.code ?? '';
/** The lock's owner as written (host pid token); undefined when there is none (released meanwhile). */
function ownerOf(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (e) {
        if (codeOf(e) === 'ENOENT')
            return undefined;
        throw e;
    }
}
/** The owner is a process of this host that is no more (another host's cannot be asked). */
function ownerGone(owner) {
    const [host, pid] = owner.split(' ');
    if (host !== (0,external_node_os_.hostname)() || !/^[1-9][0-9]*$/.test(pid ?? ''))
        return false;
    try {
        process.kill(Number(pid), 0);
        return false;
    }
    catch (e) {
        // EPERM: it is there, as another user.
        return codeOf(e) === 'ESRCH';
    }
}
/**
 * Break OWNER's lock: moved aside first, so that of two runs breaking it at once one does; one that
 * moved a lock taken meanwhile (not OWNER's) puts it back unless another was taken by then.
 */
function breakLock(file, owner) {
    const aside = `${file}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.stale`;
    try {
        (0,external_node_fs_.renameSync)(file, aside);
    }
    catch {
        return; // broken or released by someone else
    }
    try {
        if (ownerOf(aside) !== owner)
            (0,external_node_fs_.linkSync)(aside, file);
    }
    catch {
        // taken again meanwhile: that owner has it
    }
    finally {
        (0,external_node_fs_.rmSync)(aside, { force: true });
    }
}
/** The lock FILE, waited for; the reason why not (a string) when it is not had within waitMs. */
function takeLock(file, timing = LOCK_TIMING) {
    const me = `${(0,external_node_os_.hostname)()} ${process.pid} ${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    const start = Date.now();
    let seen;
    for (;;) {
        try {
            const fd = (0,external_node_fs_.openSync)(file, 'wx', 0o644);
            try {
                (0,external_node_fs_.writeSync)(fd, me);
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            return { release: () => release(file, me), takenAt: takenAt(file) };
        }
        catch (e) {
            if (codeOf(e) !== 'EEXIST')
                return `cannot create ${file}: ${codeOf(e) || e.message}`;
        }
        const owner = ownerOf(file);
        if (owner === undefined)
            continue;
        if (seen?.owner !== owner)
            seen = { owner, since: Date.now() };
        if (ownerGone(owner) || Date.now() - seen.since >= timing.staleMs) {
            breakLock(file, owner);
            continue;
        }
        if (Date.now() - start >= timing.waitMs)
            return `${file} is held by ${owner.split(' ').slice(0, 2).join(' pid ') || 'another run'}`;
        sleepSync(POLL_MS);
    }
}
function takenAt(file) {
    try {
        return (0,external_node_fs_.statSync)(file).mtimeMs;
    }
    catch {
        return Date.now();
    }
}
function release(file, me) {
    try {
        if (ownerOf(file) === me)
            (0,external_node_fs_.rmSync)(file, { force: true });
    }
    catch {
        // best effort: a lock left behind is broken as its owner's leftover
    }
}

;// CONCATENATED MODULE: ./src/report/baseline-dir.ts
// The directory baseline store's files (baseline.ts dirBaselineStore), safe for runs that save and
// restore the same key and branch at once (a shared self-hosted runner, two local runs):
//   <slug>/<branch>            a link to the newest save (a directory: a save of an earlier version)
//   <slug>/<branch>+<id>/      a save: written whole before the link names it, never changed after
//   <slug>/<branch>+lock       held while a save reads the one it replaces and switches the link
// A restore reads the link once and is given the save it names: another run switching the link
// meanwhile changes nothing it reads. A replaced save is removed by a later save GRACE_MS after it
// was replaced.
// On a filesystem without links the save's directory is renamed into <branch> instead (an earlier
// version's way, under the lock).





/** The directory store's note of the commit a save is of (absent in saves before it was written). */
const BASELINE_SHA_FILE = 'baseline-sha.txt';
/** How long a replaced save is kept, for a run that restored it just before and still reads it. */
const GRACE_MS = 10 * 60_000;
/** What a save that is gone (replaced and removed, or moved aside) answers. */
const GONE = new Set(['ENOENT', 'ENOTDIR', 'EINVAL']);
/** What making a link answers where the filesystem (or the system) has none. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);
/** What renaming the link answers when a directory is in its place (an earlier version's save). */
const DIR_IN_PLACE = new Set(['EISDIR', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR']);
const lockFile = (p) => external_node_path_default().join(p.dir, `${p.name}+lock`);
const newName = (p) => `${p.name}+${Date.now().toString(36)}-${process.pid}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
/** The save <branch> names: the link's target, the directory itself (an earlier version's), none. */
function currentDir(p) {
    const at = external_node_path_default().join(p.dir, p.name);
    const st = (0,read_regular/* statOrAbsent */.Hg)(at, true);
    if (!st)
        return undefined;
    return st.isSymbolicLink() ? external_node_path_default().resolve(p.dir, (0,external_node_fs_.readlinkSync)(at)) : at;
}
/** The newest save, none, or the directory that went away while it was read (`gone`). */
function readSave(p) {
    let dir;
    let names;
    try {
        dir = currentDir(p);
        if (dir === undefined)
            return undefined;
        names = (0,external_node_fs_.readdirSync)(dir);
    }
    catch (e) {
        if (GONE.has(codeOf(e)))
            return { gone: dir ?? external_node_path_default().join(p.dir, p.name) };
        throw e;
    }
    if (!names.some((n) => n !== BASELINE_SHA_FILE))
        return undefined;
    let sha;
    try {
        sha = (0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, BASELINE_SHA_FILE), 'utf8').slice(0, 100).trim();
    }
    catch (e) {
        if (!GONE.has(codeOf(e)))
            throw e;
    }
    return { dir, ...(sha && { sha }) };
}
/**
 * The newest save of P. Read again once when what it named went away (replaced and removed since)
 * or when there is none while a save holds the lock (an earlier version's directory being replaced
 * by a link: gone for an instant). Gone twice: its directory all the same, which the report says it
 * could not read (base-records.ts readEntries), rather than a "first run".
 */
function restoreDir(p) {
    const first = readSave(p);
    if (first !== undefined && !('gone' in first))
        return first;
    if (first === undefined) {
        if (!(0,external_node_fs_.existsSync)(lockFile(p)))
            return undefined;
        sleepSync(50);
    }
    const again = readSave(p);
    if (again !== undefined && 'gone' in again)
        return { dir: again.gone };
    return again;
}
/**
 * Save FILES (and the sha note) as P's newest: written whole in a directory of its own, then, under
 * the lock, what OPTS keeps of the save it replaces, and the link switched to it (one rename: a
 * restore sees the last save or this one). FAIL makes the error of a save that cannot be written
 * (thrown, its directory removed); a lock not had is a warning.
 */
function saveDir(p, sha, files, opts, tuning, fail) {
    const name = newName(p);
    const dir = external_node_path_default().join(p.dir, name);
    const removeAndFail = (e) => {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        return fail(e);
    };
    try {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        for (const f of files)
            (0,external_node_fs_.cpSync)(f, external_node_path_default().join(dir, external_node_path_default().basename(f)));
        (0,external_node_fs_.writeFileSync)(external_node_path_default().join(dir, BASELINE_SHA_FILE), `${sha}\n`);
    }
    catch (e) {
        throw removeAndFail(e);
    }
    let lock;
    try {
        lock = takeLock(lockFile(p), tuning.lock);
    }
    catch (e) {
        lock = `cannot read ${lockFile(p)}: ${codeOf(e) || e.message}`;
    }
    if (typeof lock === 'string')
        opts.warning?.(`saved the baseline without its lock (${lock}): a platform kept from the last save may lack another run's newer records`);
    let replaced;
    let now;
    try {
        replaced = keepFrom(p, dir, opts);
        now = typeof lock === 'string' ? (0,external_node_fs_.statSync)(dir).mtimeMs : lock.takenAt;
        switchTo(p, name, replaced, now, tuning.link ?? external_node_fs_.symlinkSync);
    }
    catch (e) {
        throw removeAndFail(e);
    }
    finally {
        if (typeof lock !== 'string')
            lock.release();
    }
    baseline_dir_removeReplaced(p, [name, replaced], now - (tuning.graceMs ?? GRACE_MS));
}
/** Copy into DIR what OPTS keeps of P's newest save; that save's directory (the one replaced). */
function keepFrom(p, dir, opts) {
    const found = readSave(p);
    const previous = found !== undefined && !('gone' in found) ? found : undefined;
    for (const f of opts.keep?.(previous) ?? [])
        (0,external_node_fs_.cpSync)(f, external_node_path_default().join(dir, external_node_path_default().basename(f)));
    return previous?.dir;
}
/**
 * Point <branch> at the save NAME: a link made beside it and renamed over it. The save it replaces
 * (REPLACED) is touched, so that its grace counts from now; a directory an earlier version saved
 * is moved aside first (a save like the others from then on). Without links: NAME is renamed into
 * <branch>, what was there moved aside.
 */
function switchTo(p, name, replaced, now, link) {
    const at = external_node_path_default().join(p.dir, p.name);
    const tmp = external_node_path_default().join(p.dir, `${name}.link`);
    let linked = true;
    try {
        link(name, tmp);
    }
    catch (e) {
        if (!NO_LINKS.has(codeOf(e)))
            throw e;
        linked = false;
    }
    if (replaced !== undefined)
        touch(replaced, now);
    try {
        for (let tries = 1;; tries++) {
            const st = (0,read_regular/* statOrAbsent */.Hg)(at, true);
            if (st && (st.isDirectory() || !linked))
                touch(moveAside(p, at), now);
            try {
                (0,external_node_fs_.renameSync)(linked ? tmp : external_node_path_default().join(p.dir, name), at);
                return;
            }
            catch (e) {
                // An earlier version saved a directory there meanwhile: moved aside too.
                if (tries >= 3 || !DIR_IN_PLACE.has(codeOf(e)))
                    throw e;
            }
        }
    }
    finally {
        (0,external_node_fs_.rmSync)(tmp, { force: true });
    }
}
/** Move what is at AT aside, under a save's name; that name (gone already: AT's). */
function moveAside(p, at) {
    const aside = external_node_path_default().join(p.dir, newName(p));
    try {
        (0,external_node_fs_.renameSync)(at, aside);
        return aside;
    }
    catch (e) {
        if (GONE.has(codeOf(e)))
            return at;
        throw e;
    }
}
function touch(dir, now) {
    try {
        (0,external_node_fs_.utimesSync)(dir, now / 1000, now / 1000);
    }
    catch {
        // not ours to touch (another user's) or gone: its grace counts from when it was written
    }
}
/**
 * Remove P's saves (and leftovers: a link or lock moved aside) not touched since BEFORE, except KEEP
 * and the save <branch> names now. Best effort: another run may be removing them too.
 */
function baseline_dir_removeReplaced(p, keep, before) {
    try {
        const kept = new Set([...keep, currentDir(p)].map((k) => k && external_node_path_default().basename(k)));
        for (const n of (0,external_node_fs_.readdirSync)(p.dir)) {
            if (!n.startsWith(`${p.name}+`) || n === `${p.name}+lock` || kept.has(n))
                continue;
            const st = (0,read_regular/* statOrAbsent */.Hg)(external_node_path_default().join(p.dir, n), true);
            if (st && st.mtimeMs < before)
                (0,external_node_fs_.rmSync)(external_node_path_default().join(p.dir, n), { recursive: true, force: true });
        }
    }
    catch {
        // the next save tries again
    }
}

;// CONCATENATED MODULE: ./src/report/baseline.ts
// The baseline store: the records (env-*.json, smoke-*.json) of one image+variant+platform set, saved
// per branch and commit, restored by the base branch. On GitHub: @actions/cache (a pull request may
// restore its base branch's caches). Locally and on self-hosted runners: a directory.







/** Cache keys may not hold commas and are at most 512 characters: a readable slug plus a hash. */
function baselineSlug(key) {
    const readable = key.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
    return `${readable}-${(0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 12)}`;
}
const branchSlug = (b) => b.replace(/^refs\/heads\//, '').replace(/[^A-Za-z0-9._-]+/g, '-');
/** A git commit: what a report shows of the baseline's (a store's text is shown only when it is one). */
const COMMIT = /^[0-9a-f]{7,64}$/i;
/**
 * The newest records of BRANCH under the first of KEYS that has any (the baseline's key, then the
 * keys earlier versions saved it under: keys.ts baselineKeys), the commit only when it is a git
 * commit's hex name (a directory's file, a cache key: nothing else reaches the report).
 */
async function restoreBaseline(store, keys, branch) {
    for (const key of keys) {
        const r = await store.restore(key, branch);
        if (r)
            return { dir: r.dir, ...(r.sha !== undefined && COMMIT.test(r.sha) && { sha: r.sha }) };
    }
    return undefined;
}
/**
 * root/<slug>/<branch>: the newest save of a branch, which replaces the previous one. ROOT is checked
 * now (a directory, or none yet, not under /proc, /sys or /dev: exit 2 naming LABEL, the flag or
 * variable that chose it), before any stage runs; a save that fails later is exit 3 naming it.
 * Runs may save and restore the same key and branch at once (a shared self-hosted runner, two local
 * runs): baseline-dir.ts.
 */
function dirBaselineStore(root, label = `baseline directory ${root}`, flag = '--baseline DIR', tuning = {}) {
    (0,json_file/* ensureResultDir */.dc)(root, label, { create: false, flag });
    const place = (key, branch) => ({
        dir: external_node_path_default().join(root, baselineSlug(key)),
        name: branchSlug(branch),
    });
    return {
        describe: () => root,
        restore: (key, branch) => Promise.resolve(restoreDir(place(key, branch))),
        save(key, branch, sha, files, opts = {}) {
            const p = place(key, branch);
            saveDir(p, sha, files, opts, tuning, (e) => {
                const where = external_node_path_default().join(p.dir, p.name);
                // The report is written; only the baseline for the next run is missing.
                return new errors/* EnvironmentError */.eG(`${label}: cannot save the baseline in ${where} (${String(e.message ?? e).split('\n')[0]})`, `check that ${root} is a writable directory with free space (or pass ${flag}, or --baseline none), then run again`, { cause: e });
            });
            return Promise.resolve(true);
        },
    };
}
/** What a key appends after the commit: "-<run id>-<attempt>", each only when it is a number. */
const runSuffix = (run) => [run.id, run.attempt]
    .filter((x) => x !== undefined && /^\d+$/.test(x))
    .map((x) => `-${x}`)
    .join('');
/**
 * @actions/cache under keys `ml-image-baseline-v1-<slug>-<branch>-<sha>-<run id>-<attempt>`,
 * restored by the prefix without the commit: the newest entry of the branch. Cache entries are
 * immutable and a save under a key that is there is refused, hence a key per run attempt: a re-run
 * of the same commit saves again, and is the newest. The path must be the same on save and
 * restore, so it is fixed under RUNNER_TEMP.
 */
function actionsCacheBaselineStore(runnerTemp, 
/** RUN: the workflow run, whose id and attempt end each key (a key per run attempt). */
io, api) {
    const { run = {} } = io;
    const load = async () => api ?? (await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(641)]).then(__webpack_require__.bind(__webpack_require__, 82641)));
    const dirFor = (key) => external_node_path_default().join(runnerTemp, 'ml-image-baseline', baselineSlug(key));
    const prefix = (key, branch) => `ml-image-baseline-v1-${baselineSlug(key)}-${branchSlug(branch)}-`;
    return {
        describe: () => 'the Actions cache',
        async restore(key, branch) {
            const dir = dirFor(key);
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            try {
                const hit = await (await load()).restoreCache([dir], `${prefix(key, branch)}none`, [prefix(key, branch)]);
                if (hit === undefined || (0,external_node_fs_.readdirSync)(dir).length === 0)
                    return undefined;
                // The key the entry was saved under goes on with its commit (then, since keys name the
                // run, "-<run id>-<attempt>").
                return {
                    dir,
                    ...(hit.startsWith(prefix(key, branch)) && {
                        sha: hit.slice(prefix(key, branch).length).split('-')[0],
                    }),
                };
            }
            catch (e) {
                // The cache service is best effort: a report without a baseline beats a failed job.
                io.warning(`baseline restore failed (${e.message}); reporting without a baseline`);
                return undefined;
            }
        },
        async save(key, branch, sha, files, opts) {
            const dir = dirFor(key);
            // Copied beside it first: what is kept may be in it (a platform's records kept from the
            // restored baseline, base-records.ts saveBase).
            const next = `${dir}.next`;
            (0,external_node_fs_.rmSync)(next, { recursive: true, force: true });
            (0,external_node_fs_.mkdirSync)(next, { recursive: true });
            for (const f of [...files, ...(opts?.keep?.(undefined) ?? [])])
                (0,external_node_fs_.cpSync)(f, external_node_path_default().join(next, external_node_path_default().basename(f)));
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
            (0,external_node_fs_.renameSync)(next, dir);
            const entry = `${prefix(key, branch)}${sha}${runSuffix(run)}`;
            const stays = `a pull request into ${branch} compares with its earlier save, if any`;
            try {
                // -1: not saved (a key already there, a write the cache refused); @actions/cache logs why.
                if ((await (await load()).saveCache([dir], entry)) !== -1)
                    return true;
                io.warning(`baseline not saved: the Actions cache did not take ${entry} (its log says why); ${stays}`);
            }
            catch (e) {
                io.warning(`baseline save failed (${e.message}); ${stays}`);
            }
            return false;
        },
    };
}

;// CONCATENATED MODULE: ./src/report/supply-chain.ts

/** The digest a reference names (repository@sha256:...); undefined for one by tag only. */
function refDigest(ref) {
    const at = ref.lastIndexOf('@');
    const digest = at < 0 ? undefined : ref.slice(at + 1);
    return (0,oci_ref/* isDigest */.Bc)(digest) ? digest : undefined;
}
const supply_chain_short = (digest) => digest.slice(0, 19);
/**
 * The variant's attest targets of the images reported (DIGEST_OF: the digest of this run's image of
 * a platform, from its record or build.json; undefined when neither names one), as the report's
 * supply chain; every other target is left out, each with a line that says why (DROPPED).
 */
function supplyChainOf(attest, variant, digestOf) {
    const dropped = [];
    const targets = (attest?.targets ?? []).filter((t) => {
        if (t.variant !== variant)
            return false;
        const attested = refDigest(t.ref);
        const reported = digestOf(t.platform);
        if (attested !== undefined && attested === reported)
            return true;
        const which = attested !== undefined ? supply_chain_short(attested) : `${t.ref}, no digest`;
        dropped.push(`attest.json's ${variant} ${t.platform} image (${which}) is not ${reported !== undefined ? `the one reported (${supply_chain_short(reported)})` : "one this run's record or build.json names"}: left out of the supply chain (an earlier run's attest stage?)`);
        return false;
    });
    if (!attest || targets.length === 0)
        return { dropped };
    return {
        supplyChain: {
            signing: attest.error ? `${attest.signing.reason}; stopped: ${attest.error}` : attest.signing.reason,
            targets: targets.map((t) => ({
                platform: t.platform,
                ref: t.ref,
                signed: t.signed,
                attestations: t.attestations.map((a) => ({
                    kind: a.kind,
                    attached: a.attached,
                    ...(a.verify !== undefined && { verify: a.verify }),
                })),
                notes: t.notes,
            })),
        },
        dropped,
    };
}
/**
 * The digest of this run's image of a platform of VARIANT: its record's (the reference it was
 * captured by, else the registry digest the engine knew it by), else build.json's (a platform
 * without a record); undefined when neither names one.
 */
function reportedDigests(results, variant, records) {
    let build;
    const built = (platform) => {
        // Only asked for a platform without a record; a directory without build.json: none.
        if (build === undefined)
            try {
                build = results.readBuild();
            }
            catch {
                build = null;
            }
        return build?.variants.find((b) => b.variant === variant)?.platforms.find((p) => p.platform === platform)
            ?.digest;
    };
    return (platform) => {
        const head = records.find((e) => e.platform === platform)?.head.image;
        if (head === undefined)
            return built(platform);
        return refDigest(head.ref) ?? ((0,oci_ref/* isDigest */.Bc)(head.digest) ? head.digest : undefined);
    };
}

;// CONCATENATED MODULE: ./src/report/base-records.ts
// The records a variant's report compares with: the baseline store's newest save of the base
// branch (or of the default branch, when the base branch has none) and the commit it was saved at,
// or why there are none; this run's and the baseline's records per platform (readEntries); and what
// a run of the default branch saves for the next pull request.





/**
 * The base branch's newest records under the first of KEYS that has any (keys.ts baselineKeys); a
 * base branch without any (a pull request into release-1.x: only the default branch saves) falls
 * back to the default branch's. Undefined: no store, no base branch, none saved.
 */
async function restoreBase(lookup, keys) {
    const { store, baseBranch, defaultBranch } = lookup;
    if (!store || !baseBranch)
        return undefined;
    const own = await restoreBaseline(store, keys, baseBranch);
    if (own)
        return { ...own, ref: baseBranch };
    if (!defaultBranch || defaultBranch === baseBranch)
        return undefined;
    const fallback = await restoreBaseline(store, keys, defaultBranch);
    return fallback && { ...fallback, ref: defaultBranch, noRecordOf: baseBranch };
}
/** The model's baseline: the branch compared with, its commit, the base branch that had none. */
function baselineOf(base) {
    return {
        ref: base.ref,
        ...(base.sha !== undefined && { sha: base.sha }),
        ...(base.noRecordOf !== undefined && { noRecordOf: base.noRecordOf }),
    };
}
/** Why a report has no baseline (its intro and verdict say it). */
function noBaselineReason(lookup, baseUnreadable, 
/** The branch whose records could not be read (the default branch's, after the fallback). */
unreadableRef = lookup.baseBranch) {
    const { store, baseBranch, defaultBranch } = lookup;
    if (baseUnreadable)
        return `the baseline of ${unreadableRef ?? 'the base branch'} could not be read (${baseUnreadable})`;
    if (!store)
        return 'baseline: none (no comparison asked for)';
    if (!baseBranch)
        return 'no base branch to compare with';
    const where = store.describe();
    if (defaultBranch && defaultBranch !== baseBranch)
        return `first run: no record of ${defaultBranch} in ${where} yet (nor of ${baseBranch}: only the default branch saves one)`;
    // On GitHub only the default branch's runs save; which that is, this run's event did not say.
    if (defaultBranch === null)
        return `first run: no record of ${baseBranch} in ${where} yet (baselines are saved for the default branch only)`;
    return `first run: no record of ${baseBranch} in ${where} yet`;
}
/** This run's records and the baseline's per platform. The baseline is best effort: a newer,
 * corrupt or foreign record is reported (baseUnreadable), not fatal. */
function readEntries(results, baseDir, variant, platforms) {
    let baseUnreadable;
    const unreadable = (e) => {
        baseUnreadable ??= e.message.split('\n')[0];
        return null;
    };
    // The baseline store's directory, only read.
    let baseline;
    try {
        baseline = baseDir ? (0,results_results/* openResultDir */.lR)(baseDir, 'baseline', { create: false }) : undefined;
    }
    catch (e) {
        unreadable(e);
    }
    const base = (read) => {
        if (!baseline)
            return null;
        try {
            return read(baseline);
        }
        catch (e) {
            return unreadable(e);
        }
    };
    const entries = platforms.map((p) => ({
        platform: p,
        head: results.readEnv(variant, p),
        base: base((b) => b.readEnv(variant, p)),
        headSmoke: results.readSmoke(variant, p),
        baseSmoke: base((b) => b.readSmoke(variant, p)),
    }));
    // Removed before or while it was read (the directory store: by another run, long after it
    // replaced it): some or all of its records read as none, which is no "removed platform".
    if (baseline && baseDir && !(0,external_node_fs_.existsSync)(baseDir))
        unreadable(new Error(`${baseDir} is gone (removed as it was read: by another run's save, or by hand)`));
    return { entries, ...(baseUnreadable !== undefined && { baseUnreadable }) };
}
/**
 * Which of PLATFORMS' records in RESULTS are of this build: with a build.json there, a record of an
 * image it does not name for the variant and platform (an earlier run's, left in a result directory
 * a run of fewer platforms reused) is not this build's: left out of the report and the baseline,
 * with a note; so is the resolution of a platform build.json does not name. Without a build.json (a
 * fork's records, downloaded alone) every record is taken.
 */
function thisBuild(results, variant, platforms) {
    const recorded = platforms.filter((p) => results.hasEnv(variant, p));
    if (!results.hasBuild())
        return { records: recorded, resolutions: [...platforms], notes: [] };
    let built;
    try {
        built = results.readBuild().variants.find((b) => b.variant === variant)?.platforms ?? [];
    }
    catch (e) {
        const why = e.message.split('\n')[0];
        return { records: recorded, resolutions: [...platforms], notes: [`records not checked: ${why}`] };
    }
    const notes = [];
    const records = recorded.filter((p) => {
        const build = built.find((b) => b.platform === p);
        const record = results.readEnv(variant, p);
        if (build && ofBuild(record, build))
            return true;
        const image = refDigest(record.image.ref) ?? record.image.ref;
        const of = build ? `its ${base_records_short(build.digest)}` : `no ${p} image of ${variant}`;
        notes.push(`${(0,results_results/* recordFile */.mR)('env', variant, p)} is of ${base_records_short(image)}, but ${results_results/* BUILD_FILE */.oS} names ${of}: an earlier run's, left out of the report and the baseline`);
        return false;
    });
    return { records, resolutions: platforms.filter((p) => built.some((b) => b.platform === p)), notes };
}
const base_records_short = (ref) => ((0,oci_ref/* isDigest */.Bc)(ref) ? ref.slice(0, 19) : ref);
/**
 * Whether RECORD is of BUILD's image: the digest it was captured by (the smoke stage captures a
 * pushed image as repository@digest), else (a build that only loaded it: a local tag) the tag the
 * build loaded it under, or a digest of the engine's that is the build's.
 */
function ofBuild(record, build) {
    const { ref, id, digest } = record.image;
    const captured = refDigest(ref);
    if (captured !== undefined)
        return captured === build.digest;
    return (ref === build.localRef ||
        (build.loadedTags ?? []).includes(ref) ||
        id === build.digest ||
        digest === build.digest);
}
/**
 * Save this run's records as the variant's baseline. A platform of the config this run has no record
 * of (its job failed, was cancelled or skipped; a platforms filter left it out) keeps its records
 * from the save this one replaces, as the store finds it then (another run may have saved since
 * RESTORED was: the directory store asks under its lock), else from RESTORED (when that is the same
 * branch's) or an earlier key's save (restored now): a save replaces the last, and would otherwise
 * wipe that platform until its next good run. A platform no longer in the config is let go.
 * Returns whether the store took the save (it warned why not) and the platforms kept.
 */
async function saveBase(save, restored) {
    const { store, saveAs, keys, variant } = save;
    const missing = save.planned.filter((p) => !save.recorded.includes(p));
    const fallback = missing.length === 0 || restored?.ref === saveAs.branch
        ? restored
        : await restoreBaseline(store, keys, saveAs.branch);
    let kept = { files: [], platforms: [] };
    const saved = await store.save(keys[0], saveAs.branch, saveAs.sha, save.files, {
        keep: (previous) => {
            const from = missing.length > 0 ? (previous ?? fallback) : undefined;
            if (from)
                kept = keptRecords(from.dir, variant, missing);
            return kept.files;
        },
        ...(save.warning && { warning: save.warning }),
    });
    return { saved: saved !== false, kept: kept.platforms };
}
/** The previous baseline's record files of PLATFORMS, of those whose env record reads (a corrupt one is let go). */
function keptRecords(dir, variant, platforms) {
    let previous;
    try {
        previous = (0,results_results/* openResultDir */.lR)(dir, 'baseline', { create: false });
    }
    catch {
        return { files: [], platforms: [] };
    }
    const readable = platforms.filter((p) => {
        try {
            return previous.readEnv(variant, p) !== null;
        }
        catch {
            return false;
        }
    });
    return { files: readable.flatMap((p) => previous.recordFiles(variant, p)), platforms: readable };
}

;// CONCATENATED MODULE: ./src/report/keys.ts




/**
 * The comment's key: one per run. report.markerKey when set, else the image repository; no
 * variant (the per-variant keys stay the baselines' keys, see reportKey). A run that reports only
 * some of the config file's variants (CONFIG_VARIANTS; jobs of a matrix, each with its own
 * `variants`) appends them, sorted (`<key>:cpu,cuda12.8`): each such job keeps its own comment
 * rather than overwriting the others'.
 */
function runKeyOf(plan, config, configVariants) {
    const key = config.report.markerKey ?? plan.repository;
    if (!narrowsVariants(plan, configVariants))
        return { key };
    const subset = plan.variants.map((v) => v.name).sort();
    return { key: `${key}:${subset.join(',')}`, subset };
}
/**
 * Whether PLAN reports only some of the config file's variants (CONFIG_VARIANTS): each of its
 * variants is one the file lists, and the file lists more. Variants an input or flag put in the
 * file's place (`variants: cuda12.8` where the file lists only the default cpu) do not narrow it.
 */
function narrowsVariants(plan, configVariants) {
    if (configVariants === undefined)
        return false;
    const names = plan.variants.map((v) => v.name);
    return names.every((n) => configVariants.includes(n)) && !configVariants.every((n) => names.includes(n));
}
function runMarkerKey(plan, config, configVariants) {
    return runKeyOf(plan, config, configVariants).key;
}
/**
 * The variant names the config file lists (its own `variants`, whatever an input or flag put in
 * their place; the default `cpu` when it lists none), as loadConfig read them; undefined when the
 * config came from inputs alone.
 */
function configVariantNames(loaded) {
    return loaded.fileVariants;
}
/**
 * The markers of the comments one per run replaces: the per-variant markers of these reports (one
 * comment per variant, before), and any default per-variant marker of the same image
 * (`<image>:<variant>@<platforms>`: a variant since renamed or a platform set since changed).
 * A run of a SUBSET of the variants replaces only the per-variant comments of those variants, and
 * never the comment keyed `subset.keep` (the whole run's key, which report.markerKey gives a run of
 * one variant as its per-variant key too): the other jobs' variants keep theirs.
 */
function replacedMarkers(models, images, subset) {
    const exact = new Set(models.map((m) => markerFor(m.markerKey)));
    if (subset)
        exact.delete(markerFor(subset.keep));
    const keyChar = '[A-Za-z0-9._/:@,+-]';
    const variant = subset ? `(?:${subset.variants.map(util_text/* escapeRegExp */.Nt).join('|')})` : '[A-Za-z0-9._-]+';
    const patterns = [...new Set([...images, ...models.map((m) => m.image)])].map((image) => new RegExp(`^<!-- ${(0,util_text/* escapeRegExp */.Nt)(MARKER_PREFIX + (0,report_escape/* markerKey */.s8)(image, 120))}:${variant}@${keyChar}* -->$`));
    return (line) => exact.has(line) || patterns.some((p) => p.test(line));
}
/**
 * The key of a variant's report: the marker of report-<variant>.md (until one comment per run, also
 * its comment's; runKeyOf keys the comment now, and replacedMarkers recognises these), and the key
 * its baseline was saved under before baselineKeys. report.markerKey replaces the image part; with
 * several variants each still gets its own (":<variant>" appended).
 */
function reportKey(plan, config, variant, configVariants) {
    const v = plan.variants.find((x) => x.name === variant);
    const set = config.report.markerKey;
    // A job of a matrix that reports one of several variants (narrowsVariants) keys its baseline by
    // the variant too: the jobs would otherwise save over each other's baselines under one key.
    if (set !== undefined)
        return plan.variants.length > 1 || narrowsVariants(plan, configVariants) ? `${set}:${variant}` : set;
    return defaultMarkerKey(plan.repository, variant, v?.platforms ?? []);
}
/**
 * The keys of a variant's baseline: the one it is saved under, `<report.markerKey or image>:<variant>`
 * (no platform set: the records are one file per platform, so a platform added to the config, or a
 * variant added beside one with a markerKey, keeps the baseline the others compare with), then the
 * one earlier versions saved it under (reportKey: `<image>:<variant>@<platforms>`, or the markerKey
 * alone for one variant), read only, so that a baseline saved before the upgrade is still found.
 */
function baselineKeys(plan, config, variant, configVariants) {
    const key = `${config.report.markerKey ?? plan.repository}:${variant}`;
    const earlier = reportKey(plan, config, variant, configVariants);
    return earlier === key ? [key] : [key, earlier];
}

// EXTERNAL MODULE: ./src/results/names.ts
var names = __webpack_require__(78022);
;// CONCATENATED MODULE: ./src/report/render/run.ts
// One run, one comment: every variant (and platform) of a run in ONE document. Layout: marker,
// heading, a verdict line per variant, one overview table (variant, platforms, verdict, size change,
// smoke), then each variant's own report (renderVariantBody) in a <details> section, the links.
// A single variant renders as the plain per-variant report (under the run's marker).
// Under maxChars: the charts go first (all of them), then unchanged variants collapse to one line
// (last first), then the remaining sections share what is left (each shrinks as a per-variant
// report does, the biggest capped first), then every section collapses, the verdict lines shorten,
// the table goes; last, only a count of verdicts is left. Every value is escaped.









const run_SEP = '\n\n';
/** Worst first: the headline and the fallback count. */
const VERDICT_ORDER = ['failure', 'warning', 'changed', 'no-baseline', 'unchanged'];
function renderRun(models, opts) {
    const maxChars = checkedMaxChars(opts.maxChars);
    if (models.length === 0)
        throw new Error('renderRun: no reports');
    const marker = markerFor(opts.markerKey);
    if (models.length === 1) {
        const r = renderReport(models[0], { maxChars, markerKey: opts.markerKey });
        return { ...r, variants: [{ variant: models[0].variant, verdict: r.verdict }] };
    }
    const views = models.map((model) => view(model, maxChars));
    const variants = views.map((v) => ({ variant: v.model.variant, verdict: v.verdict }));
    const verdict = variants.map((v) => `${v.variant}: ${v.verdict}`).join('; ');
    const images = [...new Set(models.map((m) => m.image))];
    const heading = `### 🐳 ml-image report: ${(0,report_escape.md)(images.join(', '), 200)} (${fmtInt(models.length)} variants)`;
    const table = overviewTable(views);
    const links = run_linksText(models);
    const state = { verdictLen: 200, table: true, charts: true };
    const compose = () => {
        const lines = views.map((v) => `- **${(0,report_escape.md)(v.model.variant, 40)}**: ${(0,report_escape.md)(verdictText(v.assessment, state.verdictLen))}`);
        const sections = views.map((v) => v.text).filter(Boolean);
        const note = run_noteText(views, maxChars, !state.charts);
        const parts = [heading, lines.join('\n'), state.table ? table : '', ...sections, links, note];
        return `${marker}\n${parts.filter(Boolean).join(run_SEP)}\n`;
    };
    const fits = () => compose().length <= maxChars;
    const done = () => ({
        markdown: compose(),
        marker,
        verdict,
        omitted: [...(state.charts ? [] : ['charts']), ...run_omittedOf(views)],
        variants,
    });
    const set = (v, mode, text) => {
        v.mode = mode;
        v.text = text;
    };
    if (fits())
        return done();
    // 0. The charts go first, in every section (the tables beside them hold the same figures).
    if (run_dropCharts(views)) {
        state.charts = false;
        if (fits())
            return done();
    }
    // 1. Unchanged variants say all in their verdict line: one line each, the last first.
    for (const v of [...views].reverse())
        if (v.assessment.verdict === 'unchanged') {
            set(v, 'collapsed', v.collapsed);
            if (fits())
                return done();
        }
    // 2. The other sections share the room left, the biggest capped first (as a per-variant report
    // shrinks: its tables trimmed, then its detail sections dropped).
    const open = views.filter((v) => v.mode === 'full');
    for (const v of open)
        set(v, 'collapsed', v.collapsed);
    if (open.length > 0 && fits()) {
        // Room for the open sections beyond their collapsed lines (the note may grow by a few digits).
        const room = maxChars - compose().length - 20;
        const extra = (v, cap) => sizeAt(v, cap) - v.collapsed.length;
        let lo = 0;
        let hi = Math.max(...open.map((v) => v.full.length));
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (open.reduce((n, v) => n + extra(v, mid), 0) <= room)
                lo = mid;
            else
                hi = mid - 1;
        }
        for (const v of open) {
            if (v.full.length <= lo)
                set(v, 'full', v.full);
            else if (lo - wrap(v) >= MIN_MAX_CHARS)
                set(v, 'shortened', `${v.open}${renderVariantBody(v.model, lo - wrap(v)).markdown}${v.close}`);
        }
        // A body renders in at most its cap, so this holds; should it not, the sections stay collapsed.
        if (fits())
            return done();
        for (const v of open)
            set(v, 'collapsed', v.collapsed);
    }
    if (fits())
        return done();
    // 3. Nothing but the overview: the collapsed lines go, the verdict lines shorten, the table goes.
    for (const v of views)
        set(v, 'dropped', '');
    if (fits())
        return done();
    state.verdictLen = 80;
    if (fits())
        return done();
    state.table = false;
    if (fits())
        return done();
    // 4. Only a count of the verdicts.
    return countOnly(views, marker, maxChars, variants, verdict);
}
function view(model, maxChars) {
    const assessment = assessReport(model);
    const verdict = verdictText(assessment, 240);
    const name = (0,report_escape.md)(model.variant, 40);
    // Markdown is not parsed inside <summary>, entities are.
    const open = `<details><summary>${(0,report_escape/* html */.qy)(model.variant, 40)}: ${VERDICT_EMOJI[assessment.verdict]} ${assessment.verdict}</summary>\n\n`;
    const close = '\n\n</details>';
    const full = `${open}${renderVariantBody(model, maxChars).markdown}${close}`;
    const plain = withoutCharts(full);
    const file = (0,report_escape.md)((0,names/* reportFile */.rn)(model.variant, 'md'), 60);
    const collapsed = `_${name}: section left out to fit; the full report is ${file} in the report artifact._`;
    return { model, assessment, verdict, open, close, collapsed, full, plain, mode: 'full', text: full };
}
/** Every section without its charts (they are left out first); false when there were none. */
function run_dropCharts(views) {
    if (views.every((v) => v.plain === v.full))
        return false;
    for (const v of views) {
        v.full = v.plain;
        v.text = v.full;
    }
    return true;
}
const wrap = (v) => v.open.length + v.close.length;
/** The section's length when capped at `cap` characters (collapsed below the smallest body). */
function sizeAt(v, cap) {
    if (v.full.length <= cap)
        return v.full.length;
    return cap - wrap(v) >= MIN_MAX_CHARS ? cap : v.collapsed.length;
}
function overviewTable(views) {
    const lines = views.map((v) => {
        const m = v.model;
        const platforms = m.platforms.map((p) => p.platform);
        const sizes = m.platforms.map((p) => {
            const change = sizeChangeCell(p);
            return change === null ? null : { platform: p.platform, change };
        });
        const known = sizes.filter((s) => s !== null);
        const size = known.length === 0
            ? '—'
            : new Set(known.map((s) => s.change)).size === 1 && known.length === platforms.length
                ? known[0].change
                : known.map((s) => `${cell(s.platform, 40)}: ${s.change}`).join('<br>');
        const smoke = m.platforms.map((p) => p.smoke?.head ?? null);
        const smokeCell = smoke.every((s) => s === null)
            ? '—'
            : smokeTally(smoke.reduce((a, s) => (s ? { pass: a.pass + s.pass, fail: a.fail + s.fail, skip: a.skip + s.skip } : a), { pass: 0, fail: 0, skip: 0 }));
        return row([
            cell(m.variant, 40),
            platforms.map((p) => cell(p, 40)).join(', '),
            `${VERDICT_EMOJI[v.assessment.verdict]} ${v.assessment.verdict}`,
            size,
            smokeCell,
        ]);
    });
    return `${header(['Variant', 'Platforms', 'Verdict', 'Size change', 'Smoke (pass · fail · skip)'])}\n${lines.join('\n')}`;
}
function run_linksText(models) {
    const m = models[0];
    const links = [];
    const run = m.links.run ? (0,report_escape/* safeUrl */.Pl)(m.links.run) : null;
    const artifact = m.links.artifact ? (0,report_escape/* safeUrl */.Pl)(m.links.artifact) : null;
    if (run)
        links.push(`[Workflow run](${run})`);
    if (artifact)
        links.push(`[Report artifact](${artifact})`);
    links.push(`ml-image-action ${(0,report_escape.md)(m.tool.version, 30)}`);
    return links.join(' · ');
}
function run_omittedOf(views) {
    return views
        .filter((v) => v.mode !== 'full')
        .map((v) => `${v.model.variant}: ${v.mode === 'shortened' ? 'section shortened' : 'section left out'}`);
}
function run_noteText(views, maxChars, chartsDropped) {
    const collapsed = views.filter((v) => v.mode === 'collapsed' || v.mode === 'dropped').length;
    const shortened = views.filter((v) => v.mode === 'shortened').length;
    if (collapsed + shortened === 0 && !chartsDropped)
        return '';
    const of = `of ${fmtInt(views.length)} variant sections`;
    const what = [
        chartsDropped ? 'charts left out' : '',
        collapsed ? `${fmtInt(collapsed)} ${of} left out` : '',
        shortened ? `${fmtInt(shortened)}${collapsed ? '' : ` ${of}`} shortened` : '',
    ]
        .filter(Boolean)
        .join(', ');
    return `_Report shortened to fit ${fmtInt(maxChars)} characters: ${what}. The full reports are in the report artifact._`;
}
function countOnly(views, marker, maxChars, variants, verdict) {
    const counts = VERDICT_ORDER.map((k) => [k, views.filter((v) => v.assessment.verdict === k).length])
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${fmtInt(n)} ${k}`);
    const worst = VERDICT_ORDER.find((k) => views.some((v) => v.assessment.verdict === k));
    const line = `**${VERDICT_EMOJI[worst]} ${fmtInt(views.length)} variants: ${counts.join(', ')}**`;
    const note = `_Report truncated to fit ${fmtInt(maxChars)} characters: see the report artifact._`;
    let markdown = `${marker}\n${line}${run_SEP}${note}\n`;
    if (markdown.length > maxChars)
        markdown = `${marker}\n${line}\n`;
    return { markdown, marker, verdict, omitted: ['everything but the verdict count'], variants };
}

;// CONCATENATED MODULE: ./src/report/stale.ts
// The report stage's own files an earlier run left, removed when this run has nothing to put in
// their place: a run whose smoke stage recorded nothing must not leave the previous image's report
// (another digest, perhaps "pass") beside its own build.json, where an upload step would take it.





/** report-<variant>.md and .json: a variant's report. */
const variantReportFiles = (variant) => [
    (0,results_results/* reportFile */.rn)(variant, 'md'),
    (0,results_results/* reportFile */.rn)(variant, 'json'),
];
/** report.md and the fork-safe comment payload: the run's report. */
const runReportFiles = () => [
    results_results/* RUN_REPORT_FILE */.SC,
    external_node_path_default().join(results_results/* COMMENT_DIR */.MG, report_artifact/* COMMENT_ARTIFACT_FILE */.kb),
];
/**
 * NAMES (relative to OUT's directory) removed where they are; returns the ones that were there.
 * One that cannot be removed (a directory of that name, no permission) is bad input naming it.
 */
function removeStale(out, names) {
    if (out.dir === undefined)
        return [];
    const removed = [];
    for (const name of names) {
        const file = external_node_path_default().join(out.dir, name);
        if (!(0,external_node_fs_.existsSync)(file) && !isLink(file))
            continue;
        try {
            (0,external_node_fs_.rmSync)(file, { force: true });
        }
        catch (e) {
            throw new errors/* InputError */.dz(`${out.dir}: cannot remove ${file}, an earlier run's report: ${String(e.message ?? e).split('\n')[0]}`, 'remove it yourself, or pass another result directory', { cause: e });
        }
        removed.push(name);
    }
    return removed;
}
/** A link, dangling or not (existsSync follows it). */
function isLink(file) {
    try {
        return (0,external_node_fs_.lstatSync)(file).isSymbolicLink();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/report/stage.ts















const COMMENT_MODES = ['auto', 'post', 'artifact', 'off'];
/** The report stage; a size-budget breach fails it (thrown) after the reports are written and posted. */
async function runReportStage(input, io) {
    const { outcomes, failure } = await reportStage(input, io);
    if (failure)
        throw failure;
    return outcomes;
}
/**
 * The report stage, its failure handed back rather than thrown: a caller says what was reported
 * (the action's outputs, the CLI's printed report.md) before it fails with it.
 */
async function reportStage(input, io) {
    const outcomes = [];
    const models = [];
    const out = input.out ?? input.results;
    const runKey = runKeyOf(input.plan, input.config, input.configVariants);
    for (const v of input.plan.variants) {
        const r = await reportVariant(input, io, v);
        if (!r) {
            removeEarlier(out, io, variantReportFiles(v.name));
            continue;
        }
        models.push(r.model);
        outcomes.push({ ...r.outcome, runMarkerKey: runKey.key });
    }
    if (models.length === 0) {
        removeEarlier(out, io, runReportFiles());
        return { outcomes };
    }
    // The run's report: what the comment says, and the job summary.
    const run = renderRun(models, { markerKey: runKey.key, maxChars: input.options.maxChars ?? 65_536 });
    const runFile = out.writeRunReport(run.markdown);
    for (const o of outcomes)
        o.runFile = runFile;
    if (models.length > 1)
        io.progress(`run: ${models.length} variants -> ${runFile}`);
    if (input.config.report.summary && io.summary)
        await io.summary(run.markdown);
    // A comment that could not be posted (GitHub down, a token without the right): the reports are
    // written by now, and the caller says so (outputs, the printed report.md) before it fails.
    const posted = await comment(input, io, models, outcomes, runKey).then(() => undefined, (err) => (err instanceof Error ? err : new Error(String(err))));
    const budget = overBudget(models);
    if (posted && budget)
        io.warning(budget.message, { title: 'ml-image report' });
    const failure = posted ?? budget;
    return { outcomes, ...(failure && { failure }) };
}
/** An earlier run's report files that this run has nothing to put in place of (stale.ts). */
function removeEarlier(out, io, names) {
    const removed = removeStale(out, names);
    if (removed.length > 0)
        io.progress(`removed an earlier run's ${removed.join(', ')} from ${out.dir}`);
}
/** After the report is written and posted: a size-budget breach fails the stage (exit 1). */
function overBudget(models) {
    const lines = models.flatMap((m) => budgetBreaches(m.sizeBudget, m.platforms).map((b) => `${m.variant}: ${b.text}`));
    if (lines.length === 0)
        return undefined;
    return new errors/* CheckFailedError */.CO(`the image is over its size budget (config size.budget):\n${lines.map((l) => `  ${l}`).join('\n')}`);
}
/** One variant: its records vs the baseline's -> report-<variant>.md/.json, the summary, the baseline. */
async function reportVariant(input, io, v) {
    const { plan, config, results, options } = input;
    // An earlier image's records (a result directory a run of fewer platforms reused) are not this PR's.
    const built = thisBuild(results, v.name, v.platforms);
    for (const note of built.notes)
        io.progress(`${v.name}: ${note}`);
    const platforms = built.records;
    if (platforms.length === 0) {
        io.progress(`${v.name}: no env-${v.name}-*.json in ${results.dir} (smoke not run?): nothing to report`);
        return undefined;
    }
    const files = platforms.flatMap((p) => results.recordFiles(v.name, p));
    const markerKey = reportKey(plan, config, v.name, input.configVariants);
    const keys = baselineKeys(plan, config, v.name, input.configVariants);
    const lookup = {
        store: options.baseline,
        baseBranch: options.baseBranch,
        defaultBranch: options.github?.defaultBranch,
    };
    const base = await restoreBase(lookup, keys);
    const { entries, baseUnreadable } = readEntries(results, base?.dir, v.name, platforms);
    if (baseUnreadable)
        io.warning(`${v.name}: the baseline could not be read, reporting without it: ${baseUnreadable}`, {
            title: 'ml-image report',
        });
    const hasBase = !!base && baseUnreadable === undefined;
    const gh = options.github;
    const resolution = resolutionLines(results, v.name, built.resolutions);
    const { supplyChain, dropped } = supplyChainOf(results.readAttest(), v.name, reportedDigests(results, v.name, entries));
    for (const line of dropped)
        io.warning(line, { title: 'ml-image report' });
    const model = buildReportModel({
        image: plan.repository,
        variant: v.name,
        // The plan's platforms, not the ones that produced records: a missing platform must not
        // change the marker (a second comment).
        markerKey,
        entries: hasBase ? entries : entries.map((e) => ({ ...e, base: null, baseSmoke: null })),
        baseline: hasBase ? baselineOf(base) : null,
        ...(!hasBase && { noBaselineReason: noBaselineReason(lookup, baseUnreadable, base?.ref) }),
        ...(resolution.length > 0 && { resolution }),
        links: {
            ...(gh?.runUrl && { run: gh.runUrl, artifact: `${gh.runUrl}#artifacts` }),
        },
        head: { ...(input.git.ref && { ref: input.git.ref }), ...(input.git.sha && { sha: input.git.sha }) },
        ...(supplyChain && { supplyChain }),
        ...(config.size.budget !== undefined && { sizeBudget: config.size.budget }),
    });
    const rendered = renderReport(model, { maxChars: options.maxChars ?? 65_536 });
    const file = (input.out ?? results).writeReport(v.name, rendered.markdown, model);
    io.progress(`${v.name}: ${rendered.verdict} -> ${file}`);
    await saveBaseline(input, io, { variant: v, keys, files, recorded: platforms }, base);
    return {
        model,
        outcome: {
            variant: v.name,
            markerKey,
            file,
            runFile: '',
            verdict: rendered.verdict,
            hasBaseline: hasBase,
        },
    };
}
/**
 * On the default branch (or a local run): this run's records as the variant's baseline. A platform
 * of the config the run has no record of keeps the last save's (saveBase); the log says what was
 * saved, and a save the store did not take (it warned why) is never said to be.
 */
async function saveBaseline(input, io, run, base) {
    const { saveAs, baseline: store } = input.options;
    if (!saveAs || !store)
        return;
    const v = run.variant;
    const warning = (m) => io.warning(`${v.name}: ${m}`, { title: 'ml-image report' });
    const planned = input.configPlatforms ?? v.platforms;
    const save = { store, saveAs, keys: run.keys, variant: v.name, files: run.files, recorded: run.recorded };
    const { saved, kept } = await saveBase({ ...save, planned, warning }, base);
    const where = `the baseline of ${saveAs.branch} (${store.describe()})`;
    if (!saved)
        return io.progress(`${v.name}: records not saved as ${where}`);
    io.progress(`${v.name}: records saved as ${where}${kept.length > 0 ? `; ${kept.join(', ')} kept from the previous one (no record in this run)` : ''}`);
}
/** ONE sticky comment for the run on the pull request, or the fork-safe artifact, or nothing. */
async function comment(input, io, models, outcomes, { key: runKey, subset }) {
    const { config, options } = input;
    const gh = options.github;
    const mode = config.report.comment ? options.mode : 'off';
    if (mode === 'off' || models.length === 0 || !gh?.prNumber) {
        if (mode !== 'off' && models.length > 0)
            io.progress('no pull request: comment skipped');
        return;
    }
    const toArtifact = mode === 'artifact' || (mode === 'auto' && (gh.fromFork || !gh.token));
    if (toArtifact)
        return writeArtifact(input, io, { ...gh, prNumber: gh.prNumber }, models, runKey);
    if (!gh.token) {
        io.warning('comment-mode post needs github-token; the report is in the job summary only', {
            title: 'ml-image report',
        });
        return;
    }
    const client = await (options.client ?? defaultClient(io.progress))(gh.token, gh.apiUrl);
    const [owner, repo] = gh.repository.split('/');
    const r = await upsertStickyComment(client, {
        owner,
        repo,
        issueNumber: gh.prNumber,
        marker: markerFor(runKey),
        render: (maxChars) => renderRun(models, { markerKey: runKey, maxChars }).markdown,
        replaces: replacedMarkers(models, [input.plan.repository], subset && { variants: subset, keep: runKeyOf(input.plan, config).key }),
        ...(gh.author !== undefined && { author: gh.author }),
        ...(gh.forbidden !== undefined && { forbidden: gh.forbidden }),
        log: { info: io.progress, warning: (m) => io.warning(m, { title: 'ml-image report' }) },
    });
    const done = { action: r.action, ...(r.commentId !== undefined && { commentId: r.commentId }) };
    for (const o of outcomes)
        o.comment = done;
    io.progress(`comment ${r.action}${r.commentId ? ` (#${r.commentId})` : ''} for ${models.length} variant(s)`);
    // auto: "post when the token can write, else write the fork-safe artifact". A same-repository
    // pull request's token may be read-only too (the repository's default workflow permissions).
    if (r.action === 'forbidden' && mode === 'auto') {
        io.progress('comment-mode auto: the token cannot write the comment (403): writing the fork-safe artifact');
        writeArtifact(input, io, { ...gh, prNumber: gh.prNumber }, models, runKey);
    }
}
/** The fork-safe artifact of the run's comment, for the poster workflow (workflow_run) to post. */
function writeArtifact(input, io, gh, models, runKey) {
    const headSha = gh.headSha ?? input.git.sha;
    if (!headSha) {
        io.warning('no head commit known (GITHUB_SHA): the comment artifact cannot be written', {
            title: 'ml-image report',
        });
        return;
    }
    // Over the poster's size limit, the package lists are cut to what the comment can show
    // (artifact-fit.ts): a big run is never a failed job.
    const fit = fitCommentArtifact({
        schemaVersion: report_artifact/* COMMENT_ARTIFACT_SCHEMA_VERSION */.qZ,
        prNumber: gh.prNumber,
        headSha,
        repository: gh.repository,
        markerKey: runKey,
        reports: [...models],
    });
    const said = fitMessage(fit);
    if (said?.warn)
        io.warning(said.text, { title: 'ml-image report' });
    else if (said)
        io.progress(said.text);
    if (!fit.payload)
        return;
    const dir = (input.out ?? input.results).writeComment(fit.payload);
    io.progress(`comment payload written to ${dir}: upload it as the "ml-image-comment" artifact for the poster workflow`);
}
/** The real client; its retries and rate-limit waits are logged as progress. */
function defaultClient(log) {
    return async (token, apiUrl) => {
        const { createGitHubClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 55254));
        return createGitHubClient({ token, baseUrl: apiUrl, log });
    };
}
/** The resolver's findings for this variant (what the pipeline wrote per platform), as text lines. */
function resolutionLines(results, variant, platforms) {
    const lines = [];
    for (const p of platforms) {
        const r = results.readResolution(variant, p);
        // Only what changed something is worth a reviewer's time.
        if (r && (r.status !== 'clean' || r.hazards.length > 0))
            lines.push(...(0,resolve_result/* explanationLines */.bO)(r));
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/requirements/plan-check.ts
// The requirements against the plan, before any container runs (the pipeline, when it resolves or
// builds, and `validate`): what the files allow but the variants' builds cannot do as written.
// - pip's hash-checking mode (any --hash, or --require-hashes) with a variant the resolver dry-runs
//   with its torch: each dry run asks for torch==V, unhashed, which that mode refuses (every one
//   fails). Where no dry run runs (resolve mode off, the cuda template) a template's torch step
//   (`pip install torch==V`, its first pip step) still installs torch and its dependencies without
//   a hash, and the requirements step then finds them installed and checks nothing of them: a
//   warning naming the variants, the rest being checked.
// - a relative --find-links (./wheels, file:wheels) or a requirement by a relative path: a
//   template's pip step runs before the build context is copied in, and the resolver's container
//   has none of the repository either. pip ignores a missing --find-links location with a warning
//   and takes the project from the index instead (a private name: from whoever publishes it
//   there). With the user's own Dockerfile (which may COPY them first) a --find-links is a warning.
//   An absolute one (/opt/wheels, file:///opt/wheels) may be the base image's, where both pips run:
//   left to pip, as an absolute requirement path is.
// Structural types only: requirements/ imports no stage (plan) nor config.



const plan_check_names = (vs) => vs.map((v) => v.name).join(', ');
const plan_check_plural = (vs, one, more) => (vs.length === 1 ? one : more);
/**
 * Whether the resolver dry-runs VARIANT in resolve MODE (resolve/stage.ts skips the others): not
 * with mode off, nor for the cuda template (nvidia/cuda carries no Python packages to conflict with).
 */
const resolverDryRuns = (variant, mode) => mode !== 'off' && variant.template !== 'cuda';
/** The variants with their torch, as named in a problem or warning (their index's login masked). */
const withTorch = (vs) => vs.map((v) => `${v.name} torch ${v.torch.version} from ${(0,redact/* redactUrls */.sK)(v.torch.indexUrl)}`).join('; ');
/** How torch itself gets checked: the requirements install it, hashed, with its index. */
const torchHashed = (vs) => `give ${plan_check_names(vs)} no torch (no torch: on the variant nor at the top level; a CUDA variant given by cuda: always gets one, a variant given by base: an nvidia/cuda image with its cuda: gets none) and pin torch with its --hash in the requirements, its wheel index in the file (--extra-index-url ${(0,redact/* redactUrls */.sK)(vs[0].torch.indexUrl)})`;
/**
 * Hash-checking mode with the variants that install torch: the problem of those the resolver
 * dry-runs (undefined: none), and the warning of those only a template's torch step installs it on.
 */
function hashProblem(facts, variants, resolveMode) {
    const on = facts.hashChecking;
    const torch = on === undefined ? [] : variants.filter((v) => v.torch?.indexUrl !== undefined);
    // Every dry run asks for torch==V (resolve/stage.ts): refused in that mode.
    const resolved = torch.filter((v) => resolverDryRuns(v, resolveMode));
    // No dry run: the template's torch step installs it (the user's own Dockerfile: whatever it does).
    const unchecked = torch.filter((v) => !resolverDryRuns(v, resolveMode) && v.template !== undefined);
    const warning = unchecked.length === 0
        ? undefined
        : `${on.origin}: ${on.option} puts pip in hash-checking mode, but variant${plan_check_plural(unchecked, '', 's')} ${withTorch(unchecked)} install${plan_check_plural(unchecked, 's', '')} torch before the requirements, without a hash (the template's torch step): torch and its dependencies go in unchecked (the requirements step then finds them installed and checks nothing of them), the rest is checked. To check torch too, ${torchHashed(unchecked)}`;
    if (resolved.length === 0)
        return { warning };
    return {
        warning,
        problem: `${on.origin}: ${on.option} puts pip in hash-checking mode for every requirement, and variant${plan_check_plural(resolved, '', 's')} ${withTorch(resolved)} install${plan_check_plural(resolved, 's', '')} torch before the requirements, without a hash: the resolver's dry runs ask for that torch, unhashed, which pip refuses in that mode (every one would fail), and a template's torch step would install torch and its dependencies unchecked (the requirements step then finds them installed and checks nothing of them)`,
        fix: `either let the requirements install torch, with its hashes: ${torchHashed(resolved)}; or drop the --hash options (pip-compile / uv pip compile without --generate-hashes, poetry export --without-hashes)`,
    };
}
const LOCAL_WHY = {
    'find-links': "a relative --find-links (a path, a file: URL) names a directory of your repository, which the build's pip does not have: pip ignores a missing --find-links location with a warning and takes the project from the index instead, a private name from whoever publishes it there",
    path: "a requirement by a relative path names a file of your repository, which the build's pip does not have (pip fails on it)",
};
/** The problems of lines naming local files, when a template builds some variant. */
function localProblems(facts, templated) {
    if (templated.length === 0 || facts.localFiles.length === 0)
        return undefined;
    const where = `variant${plan_check_plural(templated, '', 's')} ${plan_check_names(templated)} ${plan_check_plural(templated, 'is', 'are')} built from a template, whose pip step runs before the build context is copied in, and the resolver's container has none of your files either`;
    return {
        problems: facts.localFiles.map((f) => `${f.origin}: "${f.line}": ${LOCAL_WHY[f.kind]}: ${where}`),
        fix: 'serve the wheels from an index or a URL (--extra-index-url, --find-links https://host/wheels/, or name @ https://host/name-1.0-py3-none-any.whl), put them in the base image and name them by their absolute path there (--find-links /opt/wheels), or build from your own Dockerfile (build.dockerfile, no template) that copies them in before its pip install',
    };
}
/**
 * The requirements (read as the stages read them: readListedRequirements) against the plan's
 * VARIANTS: hash-checking mode with a variant the resolver dry-runs with its torch, and a line
 * naming files of the repository when a template builds a variant, are exit 2 naming each line,
 * with the way out. Hash-checking mode with a template's torch step and no dry run, and a relative
 * --find-links with only the user's own Dockerfile (the resolver's container still lacks it), are
 * WARNings. Nothing without requirements. RESOLVING: whether the run has the resolve stage (without
 * it no dry run runs, whatever resolve.mode says).
 */
function checkPlanRequirements(variants, loaded, env, warn, resolving = true) {
    const { python, build } = loaded.config;
    const resolve = { mode: resolving ? loaded.config.resolve.mode : 'off' };
    if (python.requirements.length === 0)
        return;
    const facts = readListedRequirements(python.requirements, build.secrets, loaded.baseDir, env).facts;
    if (facts === undefined)
        return;
    const templated = variants.filter((v) => v.template !== undefined);
    const hash = hashProblem(facts, variants, resolve.mode);
    const local = localProblems(facts, templated);
    if (hash.problem === undefined && local === undefined) {
        const findLinks = facts.localFiles.filter((x) => x.kind === 'find-links');
        for (const w of [
            ...(hash.warning === undefined ? [] : [hash.warning]),
            ...findLinks.map((f) => `${f.origin}: "${f.line}": a relative --find-links names a directory of your repository: the resolver's container does not have it (pip there ignores it, with a warning, and resolves the project from the index), so copy it into the image before your Dockerfile's pip install, or serve the wheels from a URL`),
        ])
            warn(w, { title: 'ml-image requirements' });
        return;
    }
    const problems = [...(hash.problem ? [hash.problem] : []), ...(local?.problems ?? [])];
    const fix = [hash.fix, local?.fix].filter((x) => x !== undefined).join('; and ');
    throw new errors/* ConfigError */.xL(python.requirements.join(', '), problems, { fix, problemsNameFiles: true });
}

;// CONCATENATED MODULE: ./src/resolve/snapshot-cache.ts
// Base-image snapshots (pip inspect + constraint file + PIP_* env) cached by image digest and
// platform: a digest names exactly one set of installed packages, so the cache never goes stale.
// `ml-image run` keeps whole resolutions here too (resolutionKey). Entries are text; readers parse
// them with their schema (cachedJson), and an entry that does not parse is a miss.
//
// Who can write an entry that another run trusts. The cache is a directory of this machine's user
// ($ML_IMAGE_CACHE_DIR, else ~/.cache/ml-image; 0700, files 0600), never @actions/cache: nothing in
// it travels between runners, branches or pull requests through GitHub. On a GitHub-hosted runner
// each job starts with an empty one. On a persistent self-hosted runner the jobs of its user share
// it; a job that runs steps of its own (a pull request's workflow) can write anything there, as it
// can anywhere in that user's home, and no format of an entry would stop it: such runners must not
// run untrusted pull requests beside the default branch (workflows/native-matrix.yml says so).
// Through this tool's own inputs (a pull request's config, requirements and base image) an entry
// under a digest holds only what that digest ships: the resolver's container runs the base by its
// digest (base.ts: never a local image that merely carries the tag), and the snapshot kept is taken
// by its own command before any of the requirements' code runs (steps/snapshot.ts ownSnapshot).
// A resolution (`ml-image run` only) is keyed by the digest and every input that decides it.



function snapshotKey(digest, platform) {
    return `${digest.replace(/[^a-z0-9]+/gi, '-')}-${platform.replace(/\//g, '-')}`;
}
/** A variable's value, undefined when it is unset or blank (`${{ vars.X }}` of an unset X is ''). */
const given = (v) => (v === undefined || v.trim() === '' ? undefined : v);
/**
 * $ML_IMAGE_CACHE_DIR (relative to CWD), else $XDG_CACHE_HOME/ml-image, else ~/.cache/ml-image:
 * always absolute. A blank variable is unset: the cache would otherwise be the working folder
 * (snapshots/, builders/, baselines/ beside the user's files). A relative XDG_CACHE_HOME is
 * ignored, as the XDG Base Directory spec says.
 */
function defaultCacheDir(env, cwd) {
    const own = given(env.ML_IMAGE_CACHE_DIR);
    if (own !== undefined)
        return external_node_path_default().resolve(cwd, own);
    const xdg = given(env.XDG_CACHE_HOME);
    const root = xdg !== undefined && external_node_path_default().isAbsolute(xdg) ? xdg : external_node_path_default().join((0,external_node_os_.homedir)(), '.cache');
    return external_node_path_default().resolve(cwd, root, 'ml-image');
}
function fileSnapshotCache(dir) {
    const file = (key) => external_node_path_default().join(dir, 'snapshots', `${key}.json`);
    return {
        get(key) {
            try {
                return (0,external_node_fs_.readFileSync)(file(key), 'utf8');
            }
            catch {
                return undefined;
            }
        },
        set(key, value) {
            // Write then rename: a reader never sees half a file, even with concurrent jobs.
            const tmp = `${file(key)}.${process.pid}.tmp`;
            try {
                // Private to the user all the same: a resolution holds the requirements text as written,
                // a credential only by its ${NAME} (one written literally is refused when they are read).
                (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(file(key)), { recursive: true, mode: 0o700 });
                (0,external_node_fs_.writeFileSync)(tmp, value, { mode: 0o600 });
                (0,external_node_fs_.renameSync)(tmp, file(key));
            }
            catch {
                // A cache that cannot be written only costs speed; no half-written file stays in it.
                (0,external_node_fs_.rmSync)(tmp, { force: true });
            }
        },
    };
}
/** A cache entry parsed with its schema; a missing, unreadable or outdated entry is a miss. */
function cachedJson(cache, key, schema) {
    const text = key !== undefined ? cache?.get(key) : undefined;
    if (text === undefined)
        return undefined;
    try {
        const parsed = schema.safeParse(JSON.parse(text));
        return parsed.success ? { text, value: parsed.data } : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/util/markdown.ts
var markdown = __webpack_require__(17183);
;// CONCATENATED MODULE: ./src/resolve/explain.ts
// explanation.md: the resolver's findings for people, read in a terminal (`ml-image resolve`, the
// resolve stage's warning) and as a file; the PR comment takes explanationLines (result.ts), which
// its renderer escapes. Names and versions come from the image, the requirements and pip: prose is plain text
// (no control characters: a terminal escape; one line each, so no value starts a block of its own,
// and `numpy<2` reads as it is), a value in a code span has no backtick (nor line break) left to end
// it, and pip's own lines sit in a fence longer than any backtick run in them.


/** Prose from the image, the requirements or pip: one line, no control characters. */
const explain_text = (s) => (0,markdown/* stripUnsafe */.P4)(s).replace(/[\r\n\u2028\u2029]+/g, ' ');
const code = (s) => `\`${explain_text(s).replace(/`/g, "'")}\``;
function renderExplanation(r) {
    const lines = [];
    const head = {
        clean: 'No conflict: your requirements keep every package of the base image.',
        fixed: 'Conflict fixed: a plan that keeps the base image intact was found.',
        conflict: 'Conflict: your requirements cannot be installed without breaking the base image.',
    };
    const unheld = r.status === 'fixed' && r.hazards.some((h) => h.id === resolve_result/* UNHELD_REPLACEMENT */.e1);
    const headline = unheld
        ? 'Conflict fixed with the base image held, but for base packages the plan still replaces (see the hazards).'
        : head[r.status];
    lines.push(`### Dependency resolution (${explain_text(r.platform)})`, '', `**${headline}**`, '');
    lines.push(`Base image ${code(r.image)}: Python ${explain_text(r.python)}; ${r.constraints.pinned} packages held.`, '');
    if (r.naive.replaces.length > 0) {
        lines.push('A plain `pip install -r requirements.txt` would:', '');
        for (const rep of r.naive.replaces) {
            const by = rep.pulledInBy
                .map((p) => `${code(`${p.dist} ${p.version}`)} needs ${code(p.requirement)}`)
                .join(', ');
            const breaks = rep.breaks
                .map((b) => `${code(`${b.dist} ${b.version}`)} (${code(b.requirement)})`)
                .join(', ');
            lines.push(`- ${(0,resolve_result/* replaceVerb */.Cp)(rep)} ${code(`${rep.name} ${rep.from}`)} with ${code(rep.to)}${by ? ` because ${by}` : ''}${breaks ? `, breaking ${breaks}` : ''}${rep.shadows ? ` (${resolve_result/* SHADOW_NOTE */.Wl})` : ''}`);
        }
        lines.push('');
    }
    if (r.resolved && r.resolved.moved.length > 0) {
        lines.push('Resolved with the base image held:', '');
        for (const m of r.resolved.moved)
            lines.push(`- ${code(m.name)} ${explain_text(m.naive)} -> ${explain_text(m.resolved)}: ${explain_text(m.reason)}`);
        lines.push('');
    }
    if (r.resolved && r.resolved.relaxed.length > 0) {
        lines.push('Requirements relaxed (lower bounds kept):', '');
        for (const c of r.resolved.relaxed)
            lines.push(`- ${code(c.from)} -> ${code(c.to)}`);
        lines.push('');
    }
    if (r.conflict) {
        lines.push('Why:', '', ...r.conflict.chain.map((c) => `- ${explain_text(c)}`), '');
        if (r.conflict.causes.length)
            lines.push('pip says:', '', (0,markdown/* codeFence */.d6)(r.conflict.causes), '');
        lines.push('Options:', '', ...r.conflict.options.map((o) => `- ${explain_text(o)}`), '');
    }
    if (r.hazards.length > 0) {
        lines.push('Hazards pip cannot see:', '');
        for (const h of r.hazards)
            lines.push(`- ${explain_text(h.message)}. Fix: ${explain_text(h.fix)} ([source](${h.source}))`);
        lines.push('');
    }
    return `${lines.join('\n').trimEnd()}\n`;
}

// EXTERNAL MODULE: ./src/requirements/markers.ts
var markers = __webpack_require__(42971);
;// CONCATENATED MODULE: ./src/resolve/own-constraints.ts
// The requirements' own -c lines in a conflict pip reports. pip merges every constraint on a
// project into one ("The user requested (constraint) numpy==1.26.4,>=2": the base image's pin and
// the user's bound) and drops a clause that repeats another, so what takes part is judged against
// the pins the resolver itself adds (PINS: the base image's packages, the variant's torch): a line
// of the user's is named when it excludes the version pinned for its project (or, a `name @ URL`
// line, names a pinned project), or when nothing but the user's own lines constrains that project.
// A line pip left out (its marker does not hold for this interpreter: pip merges only the
// constraints whose markers hold) is never named: each of its clauses must be among the merged
// constraint's. pip names a project a constraint holds in another way too, when a version of it is
// one side of the conflict ("bar 2.0.0 depends on foo>=1.0"; the user's `bar==2.0.0` is not
// printed): a line of the user's on such a project the resolver does not pin is named when it
// admits a version pip names so (another version of it may fit); one with a marker only where the
// marker holds in the image's marker environment (pip's own, from the base snapshot), as pip took
// it then, never where that cannot be told. Pure.




const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)/;
/** A constraint line's project (canonical), and its specifier (absent for a `name @ URL` line). */
function ownLine(line) {
    const m = NAME.exec(line);
    if (!m)
        return undefined;
    // The specifier: up to a marker (;) or the line's own options (--hash ...).
    const spec = line
        .slice(m[1].length)
        .split(/;|\s--?[a-z]/)[0]
        .trim();
    if (spec.startsWith('@'))
        return { name: (0,parse/* canonicalName */.Ew)(m[1]) };
    return { name: (0,parse/* canonicalName */.Ew)(m[1]), spec: spec.replace(/^\((.*)\)$/, '$1') };
}
/** Whether the specifier SPEC (">=2,<3") admits VERSION (PEP 440); undefined where it cannot tell. */
function specAdmits(spec, version) {
    if (spec === '')
        return true;
    if (!(0,pep440.valid)(version) || !(0,pep440.validRange)(spec))
        return undefined;
    return (0,pep440.satisfies)(version, spec, { prereleases: true });
}
/**
 * A clause as pip's set of them holds it once: `>=2.0` and `>=2` are one clause there (packaging
 * compares release versions as numbers, without trailing zeros, except under `~=` and `===`), so
 * both sides are compared so.
 */
function canonicalClause(clause) {
    const c = clause.replace(/\s+/g, '').toLowerCase();
    const m = /^(~=|===|==|!=|<=|>=|<|>)(\d+(?:\.\d+)*)$/.exec(c);
    if (!m || m[1] === '~=' || m[1] === '===')
        return c;
    const release = m[2].split('.').map((n) => n.replace(/^0+(?=\d)/, ''));
    while (release.length > 1 && release.at(-1) === '0')
        release.pop();
    return `${m[1]}${release.join('.')}`;
}
/** A specifier's clauses, each as canonicalClause has it: `>= 2.0 , <3` is `>=2` and `<3`. */
const clausesOf = (spec) => spec
    .split(',')
    .map(canonicalClause)
    .filter((c) => c !== '');
/**
 * The projects a conflict's causes name as merged constraints (canonical names), each with the
 * clauses pip merged for it (`(constraint) numpy==1.26.4,>=2`: its SpecifierSet, clauses sorted and
 * each printed once; none for a constraint by URL only).
 */
function constrainedIn(causes) {
    const out = new Map();
    for (const c of causes)
        for (const m of c.matchAll(/\(constraint\) ([A-Za-z0-9][A-Za-z0-9._-]*)(\S*)/g)) {
            const name = (0,parse/* canonicalName */.Ew)(m[1]);
            const clauses = out.get(name) ?? new Set();
            for (const clause of clausesOf(m[2]))
                clauses.add(clause);
            out.set(name, clauses);
        }
    return out;
}
/**
 * The projects a conflict's causes name as depending on another (`bar 2.0.0 depends on foo>=1.0`,
 * `bar[fast] 2.0.0 depends on ...`; canonical names), each with the versions named and, per
 * version, what pip says it depends on.
 */
function dependentsIn(causes) {
    const out = new Map();
    for (const c of causes) {
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])? (\S+) depends on (.+)$/.exec(c.trim());
        if (!m)
            continue;
        const versions = out.get((0,parse/* canonicalName */.Ew)(m[1])) ?? new Map();
        versions.set(m[2], [...(versions.get(m[2]) ?? []), m[3]]);
        out.set((0,parse/* canonicalName */.Ew)(m[1]), versions);
    }
    return out;
}
/**
 * Whether LINE's marker (after ";", up to the line's own options) holds in ENV, pip's marker
 * environment of the image (`extra` "" as for a requirements file): true without a marker, false
 * where it does not hold, cannot be told (a value ENV lacks, no ENV) or does not parse.
 */
function markerHolds(line, env) {
    const tree = (0,parse/* lineMarker */.DB)(line);
    // None: no marker, or one that does not parse (the line still has its ";").
    if (tree === undefined)
        return !line.includes(';');
    return env !== undefined && (0,markers/* evaluateMarker */.U)(tree, { ...env, extra: '' }) === true;
}
/**
 * Why the user's line LINE (its project NAME, its specifier SPEC, absent for a `name @ URL` line)
 * on a project the resolver does not pin takes part, where pip names versions of it as depending
 * on another (VERSIONS): "it pins bar 2.0.0, which depends on foo>=1.0"; undefined where it admits
 * none of them, names the project alone (no bound) or has a marker.
 */
function dependentReason(line, name, spec, versions, env) {
    if (!versions || spec === '' || !markerHolds(line, env))
        return undefined;
    const admitted = [...versions].filter(([v]) => spec === undefined || specAdmits(spec, v) === true);
    if (admitted.length === 0)
        return undefined;
    const exact = spec !== undefined && /^===?[^,*]+$/.test(spec.replace(/\s+/g, ''));
    const each = admitted.map(([v, needs]) => `${name} ${v}, which depends on ${needs.join(' and ')}`);
    return `it ${exact ? 'pins' : 'admits'} ${each.join('; and ')}`;
}
/** `name==version` lines (the base's pins, the variant's `torch==V`) as project -> version. */
function pinsOf(lines) {
    const out = new Map();
    for (const l of lines) {
        const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;,#]+)\s*$/.exec(l.trim());
        if (m)
            out.set((0,parse/* canonicalName */.Ew)(m[1]), m[2]);
    }
    return out;
}
/**
 * The options that name the requirements' own -c lines (OWN: their text and file:line origins)
 * taking part in a conflict whose causes are CAUSES, each with its file and line: a constraint of
 * the user's is held as firmly as the base image's packages. PINS: what the resolver pins itself;
 * ENV: the image's marker environment (pip's), by which a line with a marker is judged.
 */
function ownConstraintOptions(causes, own, pins, env) {
    if (own === undefined || own.text === '')
        return [];
    const constrained = constrainedIn(causes);
    const dependents = dependentsIn(causes);
    return own.text.split('\n').flatMap((text, i) => {
        const l = ownLine(text);
        if (!l)
            return [];
        const why = mergedTakesPart(l, constrained.get(l.name), pins.get(l.name))
            ? ''
            : pins.has(l.name)
                ? undefined
                : dependentReason(text, l.name, l.spec, dependents.get(l.name), env);
        if (why === undefined)
            return [];
        const origin = own.origins[i] ?? 'a -c file';
        return [
            (0,redact/* redactUrls */.sK)(`loosen or drop your constraint "${text}" (${origin}): ${why === '' ? '' : `${why}; `}the requirements' own -c files are held as firmly as the base image's packages`),
        ];
    });
}
/**
 * Whether the user's line L takes part in the constraint pip merged for its project (MERGED: its
 * clauses; undefined where pip printed none), judged against the version the resolver pins for it
 * (PINNED).
 */
function mergedTakesPart(l, merged, pinned) {
    if (!merged)
        return false;
    // Left out by pip (its marker does not hold here): a clause of it that pip did not merge.
    if (l.spec !== undefined && clausesOf(l.spec).some((c) => !merged.has(c)))
        return false;
    return pinned === undefined || l.spec === undefined || specAdmits(l.spec, pinned) === false;
}
/**
 * The projects the requirements' own -c lines (OWN) pin to one version (`name==V`, no wildcard, no
 * marker), each with the line as the log names it: `"bar==2.0.0" (rc-cons.txt:2)`. Relaxing the
 * user's requirement on such a project cannot move it (the relax step leaves it, saying why).
 */
function ownExactPins(own) {
    const out = new Map();
    if (own === undefined)
        return out;
    own.text.split('\n').forEach((line, i) => {
        const [name, version] = [...pinsOf([line])][0] ?? [];
        if (name === undefined || version === undefined || version.includes('*') || out.has(name))
            return;
        out.set(name, `${JSON.stringify(line.trim())} (${own.origins[i] ?? 'a -c file'})`);
    });
    return out;
}

;// CONCATENATED MODULE: ./src/resolve/hazards.json
const hazards_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"updated":"2026-11-22","numpy1Abi":[{"package":"torch","versions":"<2.3","fixedIn":"2.3.0","source":"https://github.com/pytorch/pytorch/issues/132179"},{"package":"opencv-python","versions":"<4.10.0.84","fixedIn":"4.10.0.84","source":"https://github.com/spack/spack/pull/46223"},{"package":"opencv-python-headless","versions":"<4.10.0.84","fixedIn":"4.10.0.84","source":"https://github.com/spack/spack/pull/46223"},{"package":"opencv-contrib-python","versions":"<4.10.0.84","fixedIn":"4.10.0.84","source":"https://github.com/spack/spack/pull/46223"},{"package":"opencv-contrib-python-headless","versions":"<4.10.0.84","fixedIn":"4.10.0.84","source":"https://github.com/spack/spack/pull/46223"},{"package":"pandas","versions":"<2.1","fixedIn":"2.2.2","source":"https://github.com/pandas-dev/pandas/issues/59052"},{"package":"scikit-learn","versions":"<1.3","fixedIn":"1.4.2","source":"https://github.com/scikit-learn/scikit-learn/issues/29630"},{"package":"matplotlib","versions":"<3.7.3","fixedIn":"3.8.4","source":"https://github.com/matplotlib/matplotlib/issues/26778"},{"package":"pyarrow","versions":"<15","fixedIn":"16.0.0","source":"https://github.com/apache/arrow/issues/39537"},{"package":"h5py","versions":"<3.11","fixedIn":"3.11.0","source":"https://github.com/h5py/h5py/issues/2455"},{"package":"shapely","versions":">=2.0,<2.0.3","fixedIn":"2.0.4","source":"https://github.com/shapely/shapely/pull/1975"},{"package":"tensorflow","versions":">=2.14,<2.15","fixedIn":"2.18.0","source":"https://github.com/tensorflow/tensorflow/issues/102743"}],"torchNoNumpyDependency":{"torchVersions":"<2.3","note":"Since 1.9.0 torch wheels list no numpy requirement in Requires-Dist (numpy became an optional, runtime-detected dependency), so pip cannot see that a torch built against NumPy 1.x clashes with an installed NumPy 2.","source":"https://github.com/pytorch/pytorch/issues/60081"},"ngcPrerelease":{"note":"NGC PyTorch containers ship a source build versioned as a PEP 440 pre-release with a local tag (e.g. release 25.12 ships 2.10.0a0+b4e4ee81d3), which sorts below the final X.Y.0, so a requirement such as a torchvision release that pins torch==X.Y.0 is not satisfied by it and pip replaces NGC\'s torch with a PyPI build (from 25.03 NGC adds /etc/pip/constraint.txt to guard against this).","source":"https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/rel-25-12.html"},"opencvVariants":{"packages":["opencv-python","opencv-python-headless","opencv-contrib-python","opencv-contrib-python-headless"],"note":"All four packages install the same cv2 module with no plugin architecture, so having more than one installed makes the last-installed overwrite or shadow the other\'s cv2 files, and the upstream fix is to uninstall them all and reinstall only one.","source":"https://pypi.org/project/opencv-python/4.10.0.82/"},"torchCudaLocalVersion":{"note":"torch wheels from download.pytorch.org carry +cuXYZ local versions (e.g. 2.8.0+cu128); a wheel whose CUDA major differs from the base image\'s CUDA (e.g. cu130 on a CUDA 12.x image, or cu128 on CUDA 13) loads its own CUDA runtime alongside the image\'s, cannot use the image\'s CUDA libraries (errors like libcublas.so.12 not found), and needs a driver new enough for its own CUDA major.","source":"https://github.com/sgl-project/sglang/pull/22833"},"aarch64PypiTorch":{"cpuOnlyBefore":"2.11","note":"Before torch 2.11, PyPI carried only CPU-only torch wheels for linux aarch64, so pip install torch on Grace-class hosts (GH200/GB200/GB300) silently got a CPU build, and any dependency pinning torch could replace a CUDA build from download.pytorch.org with that CPU wheel.","source":"https://theneuralfeed.com/article/vllm-and-pytorch-work-together-to-improve-the-developer-experience-on-aarch64/k7voSkfH"}}');
;// CONCATENATED MODULE: ./src/resolve/hazards.ts
// Hazards a resolver cannot see (pip is satisfied, the image still breaks): checked against a data
// table with a source per row (hazards.json). Each kind of check is code; the rows are data.




const url = schemas/* string */.YjP().url();
const HazardTableSchema = schemas/* object */.Ikc({
    schemaVersion: schemas/* literal */.euz(1),
    updated: schemas/* string */.YjP(),
    numpy1Abi: schemas/* array */.YOg(schemas/* object */.Ikc({ package: schemas/* string */.YjP(), versions: schemas/* string */.YjP(), fixedIn: schemas/* string */.YjP(), source: url })),
    torchNoNumpyDependency: schemas/* object */.Ikc({ torchVersions: schemas/* string */.YjP(), note: schemas/* string */.YjP(), source: url }),
    ngcPrerelease: schemas/* object */.Ikc({ note: schemas/* string */.YjP(), source: url }),
    opencvVariants: schemas/* object */.Ikc({ packages: schemas/* array */.YOg(schemas/* string */.YjP()).min(2), note: schemas/* string */.YjP(), source: url }),
    torchCudaLocalVersion: schemas/* object */.Ikc({ note: schemas/* string */.YjP(), source: url }),
    aarch64PypiTorch: schemas/* object */.Ikc({ cpuOnlyBefore: schemas/* string */.YjP(), note: schemas/* string */.YjP(), source: url }),
});
let table;
function hazardTable() {
    table ??= HazardTableSchema.parse(hazards_namespaceObject);
    return table;
}
/** "2.6.0a0+ecf3bae40a" -> "2.6.0a0" for range checks (local versions do not change the release). */
const hazards_release = (v) => v.split('+')[0];
/**
 * Whether an installed (or planned) version V is in RANGE. A pre-release counts (as packaging's
 * contains(v, prereleases=True), as the helper judges): PEP 440 leaves pre-releases out of a range
 * only when choosing what to install, and NGC's torch 2.2.0a0+... or Debian's 1.13.0a0+gitunknown
 * is what the image has.
 */
const inRange = (v, range) => (0,pep440.valid)(hazards_release(v)) !== null && (0,pep440.satisfies)(hazards_release(v), range, { prereleases: true });
function findHazards(h, t = hazardTable()) {
    const out = [];
    // The environment after the install: base versions, overridden by what pip installs.
    const final = new Map(h.snapshot.installed.map((d) => [(0,parse/* canonicalName */.Ew)(d.name), d.version]));
    for (const i of h.install)
        final.set((0,parse/* canonicalName */.Ew)(i.name), i.version);
    const installing = new Map(h.install.map((i) => [(0,parse/* canonicalName */.Ew)(i.name), i.version]));
    const numpy = final.get('numpy');
    const numpy2 = numpy !== undefined && (0,pep440.valid)(hazards_release(numpy)) !== null && (0,pep440.satisfies)(hazards_release(numpy), '>=2');
    if (numpy2) {
        for (const row of t.numpy1Abi) {
            const v = final.get((0,parse/* canonicalName */.Ew)(row.package));
            if (v && inRange(v, row.versions)) {
                out.push({
                    id: `numpy1-abi:${row.package}`,
                    message: `${row.package} ${v} was built against NumPy 1.x but declares no upper bound; with numpy ${numpy} its import breaks ("A module that was compiled using NumPy 1.x cannot be run in NumPy 2")`,
                    fix: `require ${row.package}>=${row.fixedIn}, or hold numpy<2`,
                    source: row.source,
                });
            }
        }
        const torch = final.get('torch');
        if (torch && inRange(torch, t.torchNoNumpyDependency.torchVersions)) {
            out.push({
                id: 'torch-no-numpy-dependency',
                message: `torch ${torch} is built against NumPy 1.x and numpy ${numpy} is planned: ${t.torchNoNumpyDependency.note}`,
                fix: 'add numpy<2 to your requirements, or use a torch built against NumPy 2',
                source: t.torchNoNumpyDependency.source,
            });
        }
    }
    const baseTorch = h.snapshot.installed.find((d) => (0,parse/* canonicalName */.Ew)(d.name) === 'torch')?.version;
    const newTorch = installing.get('torch');
    if (baseTorch && /a0\+|\.dev|\+/.test(baseTorch) && newTorch && newTorch !== baseTorch) {
        out.push({
            id: 'ngc-prerelease-torch',
            message: `the base image ships torch ${baseTorch} and the plan replaces it with ${newTorch}: ${t.ngcPrerelease.note}`,
            fix: 'do not pin torch (or torchvision/torchaudio releases that pin another torch); keep the base image torch',
            source: t.ngcPrerelease.source,
        });
    }
    const cv = t.opencvVariants.packages.filter((p) => final.has((0,parse/* canonicalName */.Ew)(p)));
    if (cv.length > 1) {
        out.push({
            id: 'opencv-variants',
            message: `${cv.join(' and ')} would be installed together: ${t.opencvVariants.note}`,
            fix: `keep one of them (in a container: opencv-python-headless)`,
            source: t.opencvVariants.source,
        });
    }
    const torch = final.get('torch');
    const local = torch ? /\+cu(\d+)/.exec(torch)?.[1] : undefined;
    const imageCuda = h.snapshot.env.CUDA_VERSION ?? h.variant?.cuda;
    if (local && imageCuda) {
        const wheelMajor = local.length >= 3 ? local.slice(0, local.length - 1) : local;
        if (wheelMajor !== imageCuda.split('.')[0]) {
            out.push({
                id: 'torch-cuda-mismatch',
                message: `torch ${torch} is built for CUDA ${wheelMajor}.x but the base image has CUDA ${imageCuda}: ${t.torchCudaLocalVersion.note}`,
                fix: `install torch from https://download.pytorch.org/whl/cu${imageCuda.split('.').slice(0, 2).join('')}`,
                source: t.torchCudaLocalVersion.source,
            });
        }
    }
    const aarch64 = aarch64PypiTorch(h, newTorch, t);
    if (aarch64)
        out.push(aarch64);
    return out;
}
/** PyPI's torch before 2.11 on linux/arm64 in a CUDA variant: a CPU-only build. */
function aarch64PypiTorch(h, newTorch, t) {
    // PyPI's torch has no local version; PyTorch's CUDA indexes label their aarch64 wheels (+cu128).
    // An unlabelled torch on arm64 is PyPI's (pip fell back to it when the CUDA index had no wheel
    // for this Python), whatever indexes pip was given: CPU-only before 2.11.
    if (h.platform !== 'linux/arm64' ||
        h.variant?.cuda === undefined ||
        newTorch === undefined ||
        newTorch.includes('+') ||
        !inRange(newTorch, `<${t.aarch64PypiTorch.cpuOnlyBefore}`))
        return undefined;
    return {
        id: 'aarch64-pypi-torch-cpu',
        message: `torch ${newTorch} from PyPI on linux/arm64 is a CPU-only build: ${t.aarch64PypiTorch.note}`,
        fix: `use torch>=${t.aarch64PypiTorch.cpuOnlyBefore}, or PyTorch's CUDA index (https://download.pytorch.org/whl/cu128)`,
        source: t.aarch64PypiTorch.source,
    };
}

;// CONCATENATED MODULE: ./src/resolve/workdir.ts
// Where the resolver works inside the base image's container, and the environment of every pip
// run there.
/** The directory in the container: requirements, constraints, the helper and pip's reports. */
const DIR = '/tmp/ml-image-resolve';
const PIP_ENV = {
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_NO_INPUT: '1',
    PIP_ROOT_USER_ACTION: 'ignore',
    // Debian/Ubuntu images mark their Python externally managed; this is a dry run in a throwaway container.
    PIP_BREAK_SYSTEM_PACKAGES: '1',
};
/** The requirements' own -c lines (input.ts userConstraintsText), which every dry run takes too. */
const USER_CONSTRAINTS_FILE = 'user-constraints.txt';
/**
 * The index logins pip reads (NETRC names it: input.ts runIndexes), never in a URL that pip would
 * put on a command line.
 */
const NETRC_FILE = 'netrc';
/**
 * The proxy variables of the run's environment that reach pip in the resolver's container (pip
 * reads either case; ALL_PROXY is the one for every scheme, as requests reads it): as the
 * container's environment, never on a command line nor in a record. The build has its own (buildx
 * passes ~/.docker/config.json's proxies).
 */
const PIP_PROXY_VARS = [
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'ALL_PROXY',
    'NO_PROXY',
    'http_proxy',
    'https_proxy',
    'all_proxy',
    'no_proxy',
];
/** The PIP_PROXY_VARS set (not empty) in ENV. Pure. */
function proxyEnv(env) {
    return Object.fromEntries(PIP_PROXY_VARS.flatMap((k) => (env[k] ? [[k, env[k]]] : [])));
}
/** The resolver's container's environment: PIP_ENV and the run's proxy variables (proxyEnv). */
function sessionEnv(env) {
    return { ...PIP_ENV, ...proxyEnv(env) };
}
/**
 * What an unreachable index or URL adds to its fix for a runner behind a proxy: pip in the
 * resolver's container uses the run's proxy variables (PIP_PROXY_VARS); one on this machine's loopback
 * is out of reach from Docker's bridge network (failure.ts bridgeHint).
 */
function proxyHint(ctx) {
    const loopback = ctx.network === 'bridge'
        ? " (a proxy on this machine's loopback, 127.0.0.1, is out of the bridge network's reach: set build.network: host)"
        : '';
    return `; behind a proxy, set HTTPS_PROXY / HTTP_PROXY (and NO_PROXY) in the run's environment: the resolver passes them to pip in its container${loopback}`;
}

;// CONCATENATED MODULE: ./src/resolve/input.ts
// What resolving one base image for one platform takes, and the views of it the steps share.




/**
 * What the build installs before the requirements, under the same constraints: `torch==VERSION`
 * from the torch index (the templates' first pip step), when the variant has both. Every dry run
 * asks for it as a requirement (preinstalledArgs), with the torch index as one more index
 * (torchIndexArgs: whatever index lines the requirements hold, as the build's torch step, which
 * runs without them, always has it): so
 * torch's own dependencies (sympy, fsspec ...) are resolved with the requirements and pinned in the
 * constraints consistently with it (else a requirement pulling sympy resolves the newest, pinned,
 * and the build's torch step, `pip install torch==V -c constraints`, cannot meet that pin), and a
 * requirement that pulls torch (torchvision, lightning) resolves against that torch instead of the
 * newest (the build's two pip steps use the same indexes: build/inputs.ts buildPipConf). A version
 * that is not a plain version is left out.
 */
function preinstalled(input) {
    const v = input.variant;
    if (v?.torchIndexUrl === undefined || v.torchVersion === undefined)
        return [];
    return /^[A-Za-z0-9][A-Za-z0-9.!+_*-]*$/.test(v.torchVersion) ? [`torch==${v.torchVersion}`] : [];
}
/**
 * pip's arguments for what the build installs first (before each dry run's own): the constraints
 * file (FILE, holding the preinstalled lines: pip then names "(constraint) torch==V" in a conflict)
 * and the same lines as requirements, positional (never a second -r: the helper's held run keeps
 * every argument and adds its -c). Empty when the build installs nothing first. Pure.
 */
function preinstalledArgs(input, file) {
    const first = preinstalled(input);
    return first.length > 0 ? ['-c', file, ...first] : [];
}
/** The variable that hands the torch index to pip in the torch index file (never argv, never a file). */
const TORCH_INDEX_ENV = 'ML_IMAGE_TORCH_INDEX_URL';
/**
 * The torch index file's text: one option line that pip fills in from its environment
 * (pipRunEnv), so the URL and its login stay out of the file.
 */
const TORCH_INDEX_FILE_TEXT = `--extra-index-url \${${TORCH_INDEX_ENV}}\n`;
/**
 * pip's arguments that add the torch index (when torch is preinstalled), after every dry run's
 * own: `-r FILE`, FILE holding TORCH_INDEX_FILE_TEXT. pip reads requirements files in order, and a
 * `--index-url` line in one replaces the whole list of indexes, the extra ones from the environment
 * included (req_file.py handle_option_line); an `--extra-index-url` line in a later file adds to the
 * list. So the torch index reaches pip whatever the user's requirements say, as it reaches the
 * build's torch step (which runs without them). Empty otherwise. Pure.
 */
function torchIndexArgs(input, file) {
    return torchIndexOf(input) !== undefined ? ['-r', file] : [];
}
/** The requirements' own -c lines, as a file's text ('' without any). Pure. */
function userConstraintsText(input) {
    return constraintsFileText(input.requirements.constraints);
}
/**
 * Everything of the requirements pip reads, the -c lines included: for what scans them (the URLs
 * pip may fetch, remote includes, ${NAME} references). Pure.
 */
function pipReadText(input) {
    const c = input.requirements.constraints?.text ?? '';
    return c === '' ? input.requirements.text : `${input.requirements.text}\n${c}`;
}
/**
 * The constraints the build installs with: the resolver's (CONSTRAINTS, the base's pins and what it
 * resolved) and then the requirements' own -c lines, which pip applies together. Pure.
 */
function withUserConstraints(constraints, input) {
    const own = userConstraintsText(input);
    if (own === '')
        return constraints;
    const sep = constraints === '' || constraints.endsWith('\n') ? '' : '\n';
    return `${constraints}${sep}# the requirements' own constraints (-c files)\n${own}`;
}
/** The torch index when it reaches pip (torch is preinstalled: torchIndexArgs), else undefined. */
function torchIndexOf(input) {
    return preinstalled(input).length > 0 ? input.variant?.torchIndexUrl : undefined;
}
/**
 * The indexes pip will use, the torch index included when it reaches pip (for failure messages,
 * the cache volume, the network check), as pip puts them together: a `--index-url` line in the
 * requirements replaces the configured (or environment's) index and extra indexes alike, their
 * `--extra-index-url` lines add to what is left, and the torch index file comes last
 * (torchIndexArgs). Shown through redactUrls.
 */
function shownIndexes(input) {
    const own = input.requirements.indexes;
    const given = own?.indexUrl !== undefined ? { indexUrl: own.indexUrl, extraIndexUrls: [] } : input.indexes;
    const ix = {
        ...(given?.indexUrl !== undefined && { indexUrl: given.indexUrl }),
        extraIndexUrls: [...(given?.extraIndexUrls ?? []), ...(own?.extraIndexUrls ?? [])],
    };
    return withExtraIndex(ix, torchIndexOf(input));
}
/** What a failed pip run is blamed on: the user's lines and the indexes (redacted when shown). */
function failureContext(input) {
    return {
        image: input.image,
        origins: input.requirements.origins,
        requirements: input.requirements.requirements ?? [],
        ...(input.requirements.constraints && { constraintOrigins: input.requirements.constraints.origins }),
        indexes: shownIndexes(input),
    };
}
/**
 * The indexes pip is given, their logins in a netrc file (netrcIndexes): a configured extra index
 * that is the torch index comes by the torch index file (not twice). Pure.
 */
function runIndexes(input) {
    const torch = torchIndexOf(input);
    const ix = input.indexes ?? { extraIndexUrls: [] };
    return netrcIndexes({ ...ix, extraIndexUrls: ix.extraIndexUrls.filter((u) => u !== torch) }, torch);
}
/**
 * pip's environment for every run: the index URLs without the logins the netrc file (NETRC_FILE,
 * written into the workspace: runIndexes' netrc) carries, and ${NAME} values; the torch index,
 * when torch is preinstalled (the build takes torch from it), as TORCH_INDEX_ENV for the torch
 * index file (torchIndexArgs) only.
 */
function pipRunEnv(input) {
    const ix = runIndexes(input);
    return {
        ...pipIndexEnv(ix.indexes),
        ...input.pipEnv,
        ...(ix.torchIndexUrl !== undefined && { [TORCH_INDEX_ENV]: ix.torchIndexUrl }),
        ...(ix.netrc !== '' && { NETRC: `${DIR}/${NETRC_FILE}` }),
    };
}
/**
 * Masks what pip prints: the ${NAME} values (build.secrets, which a requirement line may put in a
 * URL's query, `?sig=${SAS}`), the index and torch index credentials, as the build masks its
 * output, and the logins of PROXIES (workdir.ts proxyEnv: `http://u:pw@proxy:3128`, or
 * `u:pw@proxy:3128` without a scheme, which pip reads as http://). pip prints each URL it fetched
 * in its errors, which then reach messages and records.
 */
function pipOutputMask(input, proxies = {}) {
    const torch = input.variant?.torchIndexUrl;
    const mask = outputMasker(input.pipEnv ?? {}, input.indexes ?? { extraIndexUrls: [] }, torch ? [torch] : []);
    const logins = (0,redact/* valueMasks */.xJ)(Object.values(proxies).flatMap(proxyLogin));
    return (text) => mask(logins.reduce((t, m) => t.split(m).join('***'), text));
}
/** A proxy URL's password (else its user name, a token), decoded and as written; none without. */
function proxyLogin(value) {
    const url = (0,redact/* proxyUrlText */.J9)(value);
    return [(0,redact/* urlSecret */.mz)(url), (0,redact/* urlSecret */.mz)(url, 'raw')].filter((s) => s !== '');
}

;// CONCATENATED MODULE: ./src/resolve/helper-output.ts
// What the Python helper (py/ml_image_resolve.py) prints, as schemas: its answers cross a process
// boundary and are parsed, never cast. Keys the TypeScript side does not use are dropped.


const Strings = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP());
const InstalledDistSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP(),
    version: schemas/* string */.YjP(),
    requiresDist: schemas/* array */.YOg(schemas/* string */.YjP()),
    installer: schemas/* string */.YjP(),
    editable: schemas/* boolean */.zMY(),
    directUrl: schemas/* boolean */.zMY(),
    location: schemas/* string */.YjP(),
    /**
     * pip's is_local(): a place pip uninstalls from. false: outside pip's environment (Debian's
     * /usr/lib/python3/dist-packages, a virtualenv's system site-packages), where pip leaves it and
     * installs another version ahead of it on sys.path.
     */
    local: schemas/* boolean */.zMY(),
});
/** `helper.py snapshot` when it cannot look: pip without vendored packaging, or pip inspect failed. */
const SnapshotErrorSchema = schemas/* object */.Ikc({ error: schemas/* string */.YjP() });
/**
 * `helper.py snapshot`: the base image's Python, every distribution on its sys.path (`pip inspect`
 * without --local), its CUDA/torch version variables and constraint file. `format` 2: a cached
 * snapshot of the earlier format (--local, which missed Debian's python3-* packages, and PIP_*
 * values kept) does not parse, so it is taken again and overwritten.
 */
const SnapshotSchema = schemas/* object */.Ikc({
    format: schemas/* literal */.euz(2),
    python: schemas/* object */.Ikc({ version: schemas/* string */.YjP() }),
    pipVersion: schemas/* string */.YjP().nullish(),
    /** pip's marker environment of the image. */
    environment: Strings,
    /**
     * The image's CUDA_VERSION, NVIDIA_PYTORCH_VERSION and PYTORCH_VERSION. Never its PIP_* values (an
     * index login): the snapshot is cached on disk.
     */
    env: Strings,
    installed: schemas/* array */.YOg(InstalledDistSchema),
    constraintFile: schemas/* object */.Ikc({ path: schemas/* string */.YjP(), content: schemas/* string */.YjP() }).nullable(),
});
/** `helper.py analyze SNAPSHOT REPORT`: what a pip report installs and which base packages it replaces. */
const AnalysisSchema = schemas/* object */.Ikc({
    install: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP(), version: schemas/* string */.YjP(), requested: schemas/* boolean */.zMY() })),
    replaced: schemas/* array */.YOg(resolve_result/* ReplacementSchema */.m6),
    environment: Strings,
});
const NO_ANALYSIS = { install: [], replaced: [], environment: {} };
const RelaxChangeSchema = schemas/* object */.Ikc({ name: schemas/* string */.YjP(), from: schemas/* string */.YjP(), to: schemas/* string */.YjP() });
/** `helper.py relax REQS NAME=VERSION...`: the requirements with the named ones loosened. */
const RelaxedSchema = schemas/* object */.Ikc({
    requirements: schemas/* string */.YjP(),
    changes: schemas/* array */.YOg(RelaxChangeSchema),
});

;// CONCATENATED MODULE: ./src/resolve/steps/diagnose.ts
// Step 2, diagnose: the plain dry run, what `pip install -r` would do with the image's own
// PIP_CONSTRAINT off, and which base packages that would replace (and why). pip and the analysis
// run in one python process (helper.py run), with the snapshot too when it is not cached.


/** The plain dry run's report, arguments and environment (the image's constraint file off). */
const NAIVE = {
    report: 'naive.json',
    args: ['-r', `${DIR}/requirements.txt`],
    env: { PIP_CONSTRAINT: '' },
};
/** The diagnosis of a plain dry run that has run (and been settled). */
function diagnosisOf(naive, say) {
    const analysis = naive.run.ok ? (naive.analysis ?? NO_ANALYSIS) : NO_ANALYSIS;
    const shadowed = analysis.replaced.filter((r) => r.shadows).length;
    say(`a plain pip install would replace ${analysis.replaced.length} base package(s)${shadowed > 0 ? ` (${shadowed} of them shadowed: pip does not uninstall them, outside its environment)` : ''}`);
    return { naive: naive.run, analysis };
}
/** The helper's reading of a pip report against the base snapshot. */
const analyze = (ws, report) => ws.helper(AnalysisSchema, ['analyze', `${DIR}/snapshot.json`, `${DIR}/${report}`]);

;// CONCATENATED MODULE: ./src/resolve/pip-subprocess.ts
// Reading pip's own words when a command it ran failed: a package's build step (an sdist's
// metadata), a version control command (git clone of a `pkg @ git+https://...` line), or no such
// command in the base image at all. Pure functions over pip's output.
/** "Collecting X" / "Processing X" / "Obtaining X" before line AT: the requirement pip was collecting. */
function collectingBefore(lines, at) {
    return lines
        .slice(0, at)
        .reverse()
        .map((l) => /^\s*(?:Collecting|Processing|Obtaining) (\S+)/.exec(l)?.[1])
        .find((r) => r !== undefined);
}
/**
 * pip ran a package's build step (metadata, or a wheel for it) and that failed
 * (`metadata-generation-failed`, `subprocess-exited-with-error`): the requirement pip was collecting
 * when it did, where pip names it.
 */
function buildFailure(output) {
    const lines = output.split(/\r?\n/);
    const at = lines.findIndex((l) => /(?:^|\s)(?:error: )?(?:metadata-generation-failed|subprocess-exited-with-error)\b|^ERROR: Command errored out with exit status /.test(l));
    if (at < 0)
        return undefined;
    const collecting = collectingBefore(lines, at);
    return collecting !== undefined ? { requirement: collecting } : {};
}
/** The version control systems pip runs for a `git+`, `hg+`, `svn+` or `bzr+` URL. */
const VCS = '(git|hg|svn|bzr)';
/** pip's words for a command the base image lacks (its BadCommand, and the OSError before it). */
const MISSING = new RegExp(`Cannot find command '${VCS}'|No such file or directory: '${VCS}' while executing command`);
/** The line that names the command that failed, to its subcommand (its arguments follow). */
const RAN = new RegExp(`^\\s*(?:× |ERROR: Command errored out with exit status \\d+: )${VCS} ([a-z-]+)`);
/** What follows the arguments on that line. */
const RAN_END = / (?:did not run successfully\.?|Check the logs for full command output\.)\s*$/;
/**
 * A version control command pip ran for a requirement that failed or is not there. pip says so in
 * its own words, indented under "Collecting X": "ERROR: Cannot find command 'git'", or "× git clone
 * --filter=blob:none --quiet URL DEST did not run successfully." (pip < 22: "ERROR: Command errored
 * out with exit status 128: git clone -q URL DEST"). Looked for before buildFailure, which would
 * take the same "subprocess-exited-with-error" for a package's build step.
 */
function vcsFailure(output) {
    const lines = output.split(/\r?\n/);
    const missing = lines.findIndex((l) => MISSING.test(l));
    if (missing >= 0) {
        const m = MISSING.exec(lines[missing]);
        return {
            kind: 'vcs-missing',
            command: m[1] ?? m[2],
            ...requirementOf(collectingBefore(lines, missing)),
        };
    }
    const at = lines.findIndex((l) => RAN.test(l));
    if (at < 0)
        return undefined;
    const m = RAN.exec(lines[at]);
    const args = lines[at].slice(m[0].length).replace(RAN_END, '').split(' ');
    const url = args.find((a) => a.includes('://'));
    return {
        kind: 'vcs-failed',
        command: m[1],
        subcommand: m[2],
        ...(url !== undefined && { url }),
        ...requirementOf(collectingBefore(lines, at)),
        said: lines
            .slice(0, at)
            .map((l) => l.trim())
            .filter((l) => /^(?:fatal|remote|abort|svn|error): /.test(l) && !/^error: subprocess-/.test(l))
            .slice(-3),
    };
}
const requirementOf = (r) => (r !== undefined ? { requirement: r } : {});

;// CONCATENATED MODULE: ./src/resolve/hash-failure.ts
// pip's hash-checking failures told apart, each with the requirements pip lists under its message
// (pip prints one block per kind, operations/prepare.py's HashErrors): a downloaded file that does not
// match its --hash (HashMismatch), requirements without a --hash in that mode (HashMissing: a line
// without one, or a dependency the files do not list), and requirements not pinned with ==
// (HashUnpinned). A dependency no line lists is unpinned unless its dependent pins it (pip's
// _get_linked_req_hashes raises HashUnpinned before HashMissing): pip writes it with the chain that
// asks for it, "filelock from URL (from torch==2.5.1->-r DIR/requirements.txt (line 2))" (pip 23 to
// 26 alike), and "(line 2)" is its dependent's line, not its own. Pure.

/** pip's heading of each kind, in the order they are reported here (a mismatch first: tampering?). */
const HEADINGS = [
    ['mismatch', /DO NOT MATCH THE HASHES/],
    ['missing', /Hashes are required in --require-hashes mode/],
    ['unpinned', /In --require-hashes mode, all requirements must/],
];
const FILE_LINE = new RegExp(`^(?:-r )?${DIR.replace(/[.]/g, '\\.')}/requirements\\.txt \\(line (\\d+)\\)$`);
/**
 * The chain of a requirement pip lists with its "(from A->B->-r FILE (line N))" (undefined: none,
 * or a line's own requirement, "(from -r FILE (line N))"). Pure.
 */
function requiredBy(listed) {
    const from = / \(from (.*)\):?$/.exec(listed.trimEnd())?.[1];
    if (from === undefined)
        return undefined;
    const all = from.split('->').map((r) => r.replace(/;.*$/, '').trim());
    const line = FILE_LINE.exec(all[all.length - 1])?.[1];
    if (line !== undefined)
        all.pop();
    // pip 26 (not 23) writes a requirement with extras after its own project: "torch==2.5.1->torch[gpu]==2.5.1".
    const project = (r) => /^[A-Za-z0-9._-]*/.exec(r ?? '')[0].toLowerCase();
    const chain = all.filter((r, i) => project(r) !== project(all[i + 1]));
    return chain.length === 0 ? undefined : { chain, line: Number(line ?? 0) };
}
/**
 * The hash-checking failure in pip's OUTPUT, if any: which kind, where its heading starts (pip's
 * "(line N)" follows it, for a mismatch), the requirements listed under it as pip writes them up to
 * their first space or marker (`numpy==2.0.0`; a mismatch's `foo==1.0`), once each, and what asks
 * for those pip lists as dependencies (keyed by the requirement as listed).
 */
function hashFailureOf(output) {
    for (const [problem, heading] of HEADINGS) {
        const at = output.search(heading);
        if (at < 0)
            continue;
        const requirements = [];
        const by = {};
        // The block: the lines after the heading's, indented; it ends at the first that is not.
        for (const line of output.slice(at).split(/\r?\n/).slice(1)) {
            if (!/^\s/.test(line))
                break;
            // A requirement is indented by 4 (a mismatch's "Expected sha256 ..." and "Got ..." deeper).
            const req = /^ {4}([^\s;]+)/.exec(line)?.[1];
            if (req === undefined || requirements.includes(req))
                continue;
            requirements.push(req);
            const chain = requiredBy(line);
            if (chain)
                by[req] = chain;
        }
        return { problem, at, requirements, requiredBy: by };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/resolve/local-path.ts
// A local path of the requirements that pip did not find (or found no project at) inside the base
// image: the path pip names, and the requirement line that gave it. pip names the line for some
// ("(from -r FILE (line N))"), not for a missing file or editable (pip 23: "No such file or
// directory: '/opt/wheels/x.whl'", "/opt/x is not a valid editable requirement"): those are found
// by their path among the requirement lines (a path, -e path, or file:// URL). Pure.


const LOCAL_PATH = /does not appear to be a Python project|is not a valid editable requirement|Could not open requirements file|is not installable|neither 'setup\.py' nor 'pyproject\.toml' found|^ERROR: .*No such file or directory: '[^']*'/m;
/** Did pip fail for a local path: not there, or no Python project there? */
const isLocalPathFailure = (output) => LOCAL_PATH.test(output);
/** The path an ERROR line of pip's names as missing or not a project, as pip writes it. */
function namedOn(line) {
    const quoted = /No such file or directory: (?:'([^']+)'|"([^"]+)")/.exec(line);
    if (quoted)
        return quoted[1] ?? quoted[2];
    return (/^ERROR: Directory '([^']+)' is not installable/.exec(line)?.[1] ??
        /^ERROR: (\S.*?) is not a valid editable requirement\./.exec(line)?.[1]);
}
/** The local path pip's first ERROR line that names one says is not there (or holds no project). */
function pathPipNamed(output) {
    for (const l of output.split(/\r?\n/)) {
        const p = /^ERROR: /.test(l) ? namedOn(l) : undefined;
        if (p !== undefined)
            return p;
    }
    return undefined;
}
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/**
 * A local path or file:// URL as the path in the container to compare (undefined for another
 * URL): the URL's path percent-decoded, without extras ("[gpu]") or a fragment, relative to DIR
 * (pip's working directory), normalized.
 */
function comparable(target) {
    let p = target.trim();
    if (/^file:/i.test(p)) {
        const m = /^file:(?:\/\/(?:localhost)?)?(\/[^?#]*)/i.exec(p);
        if (!m)
            return undefined;
        try {
            p = decodeURIComponent(m[1]);
        }
        catch {
            p = m[1];
        }
    }
    else if (SCHEME.test(p))
        return undefined;
    p = p.replace(/\[[^\]]*\]$/, '');
    return p === '' ? undefined : external_node_path_.posix.resolve(DIR, p);
}
/**
 * The requirement line whose path or file:// URL is PATH (as pip names it), if any: one that
 * writes it as pip does first (an editable's "/opt/x[gpu]"), else one that names the same path.
 */
function lineOfPath(requirements, path) {
    const wanted = path === undefined ? undefined : comparable(path);
    if (wanted === undefined)
        return undefined;
    return (requirements.find((r) => r.url === path) ??
        requirements.find((r) => r.url !== undefined && comparable(r.url) === wanted));
}
/**
 * The "file:line" to blame for a local-path failure: the line pip names on its error, else the
 * line whose path pip names, else the line pip was processing when it failed. AT maps a line of
 * the requirements text to its "file:line".
 */
function localPathOrigin(f, requirements, at) {
    return at(f.line) ?? lineOfPath(requirements, f.path)?.origin ?? at(f.processing);
}

;// CONCATENATED MODULE: ./src/resolve/no-match.ts
// Why pip found no release of a requirement, as its output tells: an index that refused its
// credentials (seen at -vv), or releases skipped for their Requires-Python. Pure.


/**
 * The project a requirement as pip writes it names: "notthere" of "notthere==1.0", of
 * "foo[bar]>=2; python_version > '3'" "foo" (the name without its extras, specifier or markers).
 */
function projectOf(requirement) {
    return /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(requirement.trim())?.[0] ?? requirement;
}
/**
 * The index pages of PROJECT that pip was refused for its credentials, as pip logs them at -vv:
 * "Could not fetch URL http://u:****@h/simple/x/: 401 Client Error: Unauthorized for url: ... -
 * skipping". pip then says "from versions: none", as for a project the index lacks. Counted: a 401,
 * or a 403 of an index that carries a login (masked `u:****@`); a 403 without one is how an index on
 * S3 (download.pytorch.org) says it lacks the project. Another project's page is not counted.
 * PROJECT may be a requirement as pip names it ("x==1.0", "x[extra]>=2"): its project is compared.
 */
function indexRefusals(output, project, loginHosts = new Set()) {
    const wanted = (0,parse/* canonicalName */.Ew)(projectOf(project));
    return [
        ...output.matchAll(/Could not fetch URL (\S+?):? (40[13]) Client Error: ([A-Za-z ]+?) for url/g),
    ].flatMap((m) => {
        const url = m[1];
        const page = /\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url)?.[1];
        if (page === undefined || (0,parse/* canonicalName */.Ew)(page) !== wanted)
            return [];
        // A 403 is a refused login only with one: in the URL, or for its host in pip's netrc (LOGIN_HOSTS).
        const host = /:\/\/([^/@\s]*@)?([^/:?#\s]*)/.exec(url);
        if (m[2] === '403' && !host?.[1] && !loginHosts.has(host?.[2] ?? ''))
            return [];
        return [{ url, status: `${m[2]} ${m[3]}` }];
    });
}
/**
 * The releases pip skipped for their Requires-Python ("ERROR: Ignored the following versions that
 * require a different python version: 2.0 Requires-Python >=3.12; ..."), the first few, redacted. Pure.
 */
function pythonSkipped(out, max = 5) {
    const m = /Ignored the following versions that require a different python version: ([^\n]*)/.exec(out);
    const all = m?.[1]
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean) ?? [];
    if (all.length === 0)
        return undefined;
    const shown = all.slice(0, max).join('; ');
    return (0,redact/* redactUrls */.sK)(all.length > max ? `${shown}; and ${all.length - max} more` : shown);
}

;// CONCATENATED MODULE: ./src/resolve/pip-output.ts
// Reading pip's own words: the "conflict is caused by" block, invalid requirement lines, and the
// signs of an unreachable index. Pure functions over pip's output.







/** The lines of pip's "The conflict is caused by:" block (ResolutionImpossible). */
function conflictBlock(output) {
    const lines = output.split(/\r?\n/);
    const start = lines.findIndex((l) => /The conflict is caused by:/.test(l));
    if (start < 0)
        return [];
    const block = [];
    for (const l of lines.slice(start + 1)) {
        if (l.trim() === '')
            break;
        block.push(l.trim());
    }
    return block;
}
/**
 * The user's packages that pip blames in the conflict block: "The user requested X..." (not a
 * constraint), or "X 1.2 depends on ..." (or "X[extra] 1.2 depends on ...") when X is one of
 * `requested` (pip 23 often prints only that).
 * `notUser`: requirements the resolver asks for itself (the variant's `torch==V`, input.ts
 * preinstalled): "The user requested torch==V" is then not the user's.
 */
function userRequestedInConflict(block, requested = [], notUser = []) {
    const wanted = new Set(requested.map(parse/* canonicalName */.Ew));
    const own = new Set(notUser.map((r) => `The user requested ${r}`));
    const names = new Set();
    for (const l of block) {
        const asked = own.has(l)
            ? null
            : /^The user requested (?!\(constraint\))([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(l);
        if (asked)
            names.add((0,parse/* canonicalName */.Ew)(asked[1]));
        // With extras, pip names them too: "bar-pkg[fast] 1.0 depends on numpy>=2".
        const dep = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])? \S+ depends on /.exec(l);
        if (dep && wanted.has((0,parse/* canonicalName */.Ew)(dep[1])))
            names.add((0,parse/* canonicalName */.Ew)(dep[1]));
    }
    return [...names];
}
/** pip: "Invalid requirement: 'numpy>>2' (from line 3 of /tmp/x/requirements.txt)" */
function invalidRequirement(output) {
    const m = /Invalid requirement: '([^']*)'/.exec(output);
    if (!m)
        return undefined;
    // The first "(from line N of FILE)" later on its line (FILE up to a ")", which may be on a later
    // line), as (?:[^\n]*?\(from line (\d+) of [^)]*\))? found it after the quote. That one ran to
    // the end of the text from each "(from line N of " without a ")" after it: quadratic.
    const from = m.index + m[0].length;
    const nl = output.indexOf('\n', from);
    const ref = /\(from line (\d+) of /.exec(output.slice(from, nl < 0 ? undefined : nl));
    const closed = ref !== null && output.indexOf(')', from + ref.index + ref[0].length) >= 0;
    return { requirement: m[1], line: closed ? Number(ref[1]) : 0 };
}
const UNREACHABLE = /NewConnectionError|Failed to establish a new connection|Max retries exceeded|Name or service not known|Temporary failure in name resolution|Connection refused|ConnectTimeoutError/i;
/**
 * Does TEXT hold FIRST and, after it and before the next line terminator, THEN? What
 * /FIRST.*THEN/ tells, without running to the line's end from each FIRST (quadratic): each stretch
 * between line terminators is searched once, from its first FIRST. FIRST must be global.
 */
function followedOnLine(text, first, then) {
    first.lastIndex = 0;
    for (let m = first.exec(text); m !== null; m = first.exec(text)) {
        const end = (0,util_text/* lineEnd */.kd)(text, m.index + m[0].length);
        if (then.test(text.slice(m.index + m[0].length, end)))
            return true;
        first.lastIndex = end;
    }
    return false;
}
/** pip: "Could not fetch URL https://...: There was a problem confirming the ssl certificate: ..." */
const sslProblem = (line) => followedOnLine(line, /Could not fetch URL /gi, /: There was a problem confirming the ssl certificate/i);
/**
 * The indexes pip searched, as it lists them before it collects anything: "Looking in indexes: URL,
 * URL" (each login masked by pip: `u:****@`), undefined when it prints no such line (it searched
 * PyPI alone). What pip used, whoever gave them: the config, a requirements file, the base image's
 * own PIP_INDEX_URL or pip.conf.
 */
function indexesSearched(output) {
    const m = /^Looking in indexes: (.+)$/m.exec(output);
    return m
        ? m[1]
            .split(', ')
            .map((u) => u.trim())
            .filter(Boolean)
        : undefined;
}
/** pip could not reach the index (it then says "from versions: none", which is not the user's fault). */
function indexUnreachable(output) {
    const line = output.split(/\r?\n/).find((l) => UNREACHABLE.test(l) || sslProblem(l));
    return line?.trim();
}
/** "No matching distribution found for foo" with an index that answered: the package does not exist. */
function noMatchingDistribution(output) {
    return /No matching distribution found for ([^\s]+)/.exec(output)?.[1];
}
// ---- pip failures that are not conflicts ------------------------------------------------------
const pip_output_TRANSIENT = /too many 5\d\d error responses|\b5\d\d Server Error|HTTP error 5\d\d|Service Unavailable|Bad Gateway|Gateway Time-?out|Read timed out|ReadTimeoutError|Connection reset by peer|RemoteDisconnected|IncompleteRead/i;
/** pip gave up on a 5xx, a reset or a timeout: worth one more try before anyone is blamed. */
function transientIndexError(output) {
    return output
        .split(/\r?\n/)
        .find((l) => pip_output_TRANSIENT.test(l))
        ?.trim();
}
/**
 * pip printed ResolutionImpossible (the only case that is a conflict): as its error says it, not as
 * a traceback at debug level names the exception (pip raises it inside for no version found too).
 */
function isResolutionImpossible(output) {
    return /ERROR: ResolutionImpossible|The conflict is caused by:|conflicting dependencies/.test(output);
}
/**
 * LINES without pip's debug-level traceback blocks ("Exception information:", the tracebacks and
 * their exception lines, the chain between them): at -vv pip prints one beside its ERROR lines.
 */
function withoutTracebacks(lines) {
    const out = [];
    let inBlock = false;
    for (const l of lines) {
        if (/^Exception information:/.test(l))
            inBlock = true;
        else if (inBlock &&
            !/^(?:\s|Traceback |During handling of|The above exception|[A-Za-z_][\w.]*(?:Error|Exception|Conflicted|Impossible|NotFound|Interrupt)\b|$)/.test(l))
            inBlock = false;
        if (!inBlock)
            out.push(l);
    }
    return out;
}
/**
 * pip's own words for a failure: its ERROR lines and what follows them (hints, hash details), at
 * most `max` lines, without the retry chatter or a debug-level traceback.
 */
function pipMessage(output, max = 12) {
    const lines = withoutTracebacks(output.split(/\r?\n/));
    const first = lines.findIndex((l) => /^\s*ERROR: /.test(l));
    const from = first < 0 ? lines.filter((l) => l.trim() !== '').slice(-max) : lines.slice(first);
    return from
        .filter((l) => l.trim() !== '' && !/^\s*(WARNING: Retrying|\[notice\])/.test(l))
        .slice(0, max)
        .join('\n')
        .trim();
}
/**
 * "(line N)" / "(from line N of FILE)" / "(from -r FILE (line N))" in pip's output: the first, as
 * /\(from line (\d+) of [^)]*\)|\(line (\d+)\)/ finds it (that one ran to the end of the text from
 * each "(from line N of " without a ")" after it).
 */
function lineRef(text) {
    const lastClose = text.lastIndexOf(')');
    for (const m of text.matchAll(/\((?:from line (\d+) of |line (\d+)\))/g)) {
        if (m[2] !== undefined)
            return Number(m[2]);
        if (lastClose >= m.index + m[0].length)
            return Number(m[1]);
    }
    return 0;
}
/** The first index of NEEDLE in TEXT at or after a position, each found once while positions grow. */
function nextIndexOf(text, needle) {
    let from = Infinity;
    let found = -1;
    return (at) => {
        if (at < from || (found >= 0 && found < at))
            [from, found] = [at, text.indexOf(needle, at)];
        return found;
    };
}
/**
 * pip's "Could not install requirement REQ from URL (from WHERE) because of REASON", as
 * /Could not install requirement (.+?) from (\S+)( \(from [^\n]*?\))? because of (.*)/ matches it.
 * That expression tried each " from " of a line as the end of REQ and ran to the end of the line
 * from each: quadratic. Here each " from " is tried once, and the next ") because of " and the next
 * newline are looked up once for all of them.
 */
function directUrlFailure(output) {
    const PREFIX = 'Could not install requirement ';
    const BECAUSE = ' because of ';
    const nextBecause = nextIndexOf(output, `)${BECAUSE}`);
    const nextNewline = nextIndexOf(output, '\n');
    for (let s = output.indexOf(PREFIX); s >= 0;) {
        const start = s + PREFIX.length;
        // REQ (one character at least) holds no line terminator.
        const end = (0,util_text/* lineEnd */.kd)(output, start);
        for (let r = output.indexOf(' from ', start + 1); r >= 0 && r < end; r = output.indexOf(' from ', r + 1)) {
            let u = r + 6;
            while (u < output.length && /\S/.test(output[u]))
                u++;
            if (u === r + 6)
                continue;
            let where;
            let reason = -1;
            if (output.startsWith(' (from ', u)) {
                const q = nextBecause(u + 7);
                const nl = nextNewline(u + 7);
                if (q >= 0 && (nl < 0 || q < nl))
                    [where, reason] = [output.slice(u, q + 1), q + 1 + BECAUSE.length];
            }
            if (reason < 0 && output.startsWith(BECAUSE, u))
                reason = u + BECAUSE.length;
            if (reason >= 0)
                return {
                    requirement: output.slice(start, r),
                    url: output.slice(r + 6, u),
                    ...(where !== undefined && { where }),
                    reason: output.slice(reason, (0,util_text/* lineEnd */.kd)(output, reason)),
                };
        }
        // A later PREFIX on this line has no " from " to try that this one did not: the next line's.
        s = output.indexOf(PREFIX, end);
    }
    return undefined;
}
/**
 * A command pip ran failed: a VCS command (git clone: pip says "subprocess-exited-with-error" for
 * it too, and it is no package's build), or a package's own build step (an sdist's setup.py run for
 * its metadata): what it printed (a missing nvcc, say) is its output, not a path of the user's.
 * Installing its build dependencies (setuptools, wheel) from an index that did not answer is the
 * index's failure (classifyPipFailure: unreachable), not the package's build.
 */
function subprocessFailure(output, message) {
    const vcs = vcsFailure(output);
    if (vcs)
        return { ...vcs, message };
    const buildDepsUnreachable = /to install build dependencies did not run successfully|Installing build dependencies: finished with status 'error'/.test(output) && (indexUnreachable(output) ?? transientIndexError(output)) !== undefined;
    const built = buildDepsUnreachable ? undefined : buildFailure(output);
    return built && { kind: 'build-failed', ...built, message };
}
/** What kind of failure pip reports (most specific first). Pure. */
function classifyPipFailure(output, loginHosts) {
    const message = pipMessage(output);
    // First: at debug level (the retry) pip's own traceback follows, which other patterns may read.
    const missing = noMatchingDistribution(output);
    const refusals = missing ? indexRefusals(output, missing, loginHosts) : [];
    if (missing && refusals.length > 0)
        return { kind: 'refused', requirement: missing, refusals, message };
    const invalid = invalidRequirement(output);
    if (invalid)
        return { kind: 'invalid-requirement', ...invalid, message };
    const direct = directUrlFailure(output);
    if (direct) {
        const reason = direct.reason.replace(/ for URL \S+$/, '').trim();
        return {
            kind: 'direct-url',
            requirement: direct.requirement.trim(),
            url: direct.url,
            reason,
            notFound: /HTTP error 4\d\d|\b4\d\d Client Error/.test(reason),
            line: lineRef(direct.where ?? ''),
            message,
        };
    }
    const badWheel = /ERROR: (\S+) is not a valid wheel filename/.exec(output);
    if (badWheel)
        return {
            kind: 'direct-url',
            requirement: '',
            url: badWheel[1],
            reason: 'not a valid wheel file name',
            notFound: true,
            line: 0,
            message,
        };
    const httpErr = /HTTP error (\d{3}) while getting (\S+)/.exec(output);
    if (httpErr && !/\/simple\//.test(httpErr[2]) && !pip_output_TRANSIENT.test(httpErr[0]))
        return {
            kind: 'direct-url',
            requirement: '',
            url: httpErr[2],
            reason: `HTTP error ${httpErr[1]}`,
            notFound: httpErr[1].startsWith('4'),
            line: 0,
            message,
        };
    const hash = hashFailureOf(output);
    if (hash) {
        const { problem, requirements, requiredBy } = hash;
        return { kind: 'hash', problem, requirements, requiredBy, line: lineRef(output.slice(hash.at)), message };
    }
    const ran = subprocessFailure(output, message);
    if (ran)
        return ran;
    if (isLocalPathFailure(output)) {
        const l = output.split(/\r?\n/).find((x) => /^ERROR: /.test(x)) ?? '';
        // pip names the line on its error, else (pip 23 often not) the path, else the line it was
        // processing ("Processing X (from -r F (line N))"): failure.ts finds the path's line.
        const path = pathPipNamed(output);
        const processing = lineRef(output);
        return { kind: 'local-path', line: lineRef(l), processing, ...(path !== undefined && { path }), message };
    }
    if (isResolutionImpossible(output))
        return { kind: 'conflict', message };
    const unreachable = indexUnreachable(output) ?? transientIndexError(output);
    if (unreachable) {
        const pool = /HTTPS?ConnectionPool\(host='([^']+)', port=(\d+)\): Max retries exceeded with url: (\S+)/.exec(output.split(/\r?\n/).find((l) => /^ERROR: /.test(l)) ?? '');
        return {
            kind: 'unreachable',
            message: unreachable,
            ...(pool && { url: { host: pool[1], port: pool[2], path: pool[3] } }),
        };
    }
    if (missing)
        return { kind: 'no-match', requirement: missing, message };
    return { kind: 'other', message };
}

;// CONCATENATED MODULE: ./src/resolve/steps/chain.ts
// The chain from the user's requirements to each base package a plan would replace, as one line
// each: shared by the explanation of a conflict (explain.ts) and the held plan's check (hold.ts).

/** One line per replaced base package: what pulls it in and which base packages it breaks. */
function chainOf(replaced, causes = []) {
    const lines = replaced.map((r) => {
        const by = r.pulledInBy.map((p) => `${p.dist} ${p.version} needs ${p.requirement}`).join(' and ');
        const broken = r.breaks.map((b) => `${b.dist} ${b.version} (${b.requirement})`).join(' and ');
        return `${by || `your requirements`} -> ${r.name} ${r.to} would ${(0,resolve_result/* replaceVerb */.Cp)(r)} the base image's ${r.name} ${r.from}${broken ? `, which ${broken} need${r.breaks.length === 1 ? 's' : ''}` : ''}${r.shadows ? ` (${resolve_result/* SHADOW_NOTE */.Wl})` : ''}`;
    });
    return lines.length > 0 ? lines : causes.filter((c) => !c.startsWith('The user requested'));
}

;// CONCATENATED MODULE: ./src/resolve/steps/explain.ts
// Step 5, explain: when there is no plan that holds the base (or the mode only checks), say what
// conflicts, the chain from the user's requirement to the base package it would replace, and the
// options, with the version that would fit where pip can find one.







/**
 * Mode "check", or a plain dry run that failed: clean when nothing would change, else the
 * conflict as the plain run shows it (no plan is searched for). `preinstalled`: what every dry run
 * asks for besides the requirements (input.ts preinstalled, the variant's `torch==V`). Pure.
 */
function checkedResolution(draft, { naive, analysis }, preinstalled = []) {
    if (!naive.ok) {
        const causes = conflictBlock(naive.out).map((c) => (0,redact/* redactUrls */.sK)(c));
        return {
            ...draft,
            status: 'conflict',
            hazards: [],
            conflict: { causes, ...plainConflict(causes, preinstalled) },
            durationMs: 0,
        };
    }
    return {
        ...draft,
        status: analysis.replaced.length === 0 ? 'clean' : 'conflict',
        hazards: [],
        ...(analysis.replaced.length > 0 && {
            conflict: {
                causes: [],
                chain: chainOf(analysis.replaced),
                options: ['resolve mode "auto" looks for versions that keep the base image intact'],
            },
        }),
        durationMs: 0,
    };
}
const CHANGE_TORCH = "or change the variant's torch (variants[].torch, or the top-level torch, in the config) to one they support";
/** The chain and options of a plain dry run that failed: among the requirements, or with the variant's torch. */
function plainConflict(causes, preinstalled) {
    const torch = variantTorchIn(causes, preinstalled);
    if (torch !== undefined)
        return {
            chain: [
                `your requirements need another torch than the variant's torch ${torch} (the build installs torch==${torch} from the torch index before them: the "(constraint) torch==${torch}" above)`,
            ],
            options: [
                `ask for releases made for torch ${torch} (e.g. the torchvision or torchaudio release paired with it), or none at all`,
                CHANGE_TORCH,
            ],
        };
    const deps = variantTorchDependencyIn(causes, preinstalled);
    if (deps !== undefined)
        return {
            chain: [
                `your requirements conflict with what the variant's torch ${deps.torch} depends on (the build installs torch==${deps.torch} from the torch index before them: the "${deps.cause}" above)`,
            ],
            options: [
                `ask for versions that accept what torch ${deps.torch} depends on (above), or leave those requirements out`,
                CHANGE_TORCH,
            ],
        };
    return {
        chain: ['your requirements conflict among themselves (before the base image is considered)'],
        options: ['change the requirements pip names above'],
    };
}
/** The variant's torch version: what the build installs first (input.ts preinstalled `torch==V`). */
const variantTorch = (preinstalled) => preinstalled.map((p) => /^torch==(.+)$/.exec(p)?.[1]).find((v) => v !== undefined);
/**
 * The variant's torch when pip names it among the causes: the constraint every dry run takes for
 * the build's torch step (input.ts preinstalled: "The user requested (constraint) torch==V"), also
 * merged with a constraint on torch from the requirements' own -c files ("torch<2.5,==V"). A -c
 * line's own pin names another version, or the same one (then it asks for what the variant
 * installs anyway). Pure.
 */
function variantTorchIn(causes, preinstalled) {
    const torch = variantTorch(preinstalled);
    if (torch === undefined)
        return undefined;
    // pip merges every constraint on torch into one, its parts sorted: "(constraint) torch<2.5,==2.5.1".
    for (const c of causes) {
        const m = /\(constraint\) torch(?![A-Za-z0-9._-])(\S*)/.exec(c);
        if (m?.[1].split(',').includes(`==${torch}`))
            return torch;
    }
    return undefined;
}
/**
 * The cause "torch V depends on ..." of the variant's own torch (preinstalled `torch==V`; pip
 * names the wheel's version, which may carry a local label: 2.5.1+cpu, and the extras a
 * requirement asked for: "torch[opt-einsum] 2.5.1 depends on ..."), with that torch. Pure.
 */
function variantTorchDependencyIn(causes, preinstalled) {
    const torch = variantTorch(preinstalled);
    if (torch === undefined)
        return undefined;
    for (const c of causes) {
        const m = /^torch(?:\[[^\]]*\])? (\S+) depends on /.exec(c);
        if (m && (m[1] === torch || m[1].startsWith(`${torch}+`)))
            return { torch, cause: c };
    }
    return undefined;
}
/** Holding the base failed, relaxed or not: the conflict pip names, and what would fit. */
async function conflictResolution(ws, draft, o) {
    const causes = conflictBlock(o.held.out).map((c) => (0,redact/* redactUrls */.sK)(c));
    return {
        ...draft,
        status: 'conflict',
        conflict: {
            causes,
            chain: chainOf(o.diagnosis.analysis.replaced, causes),
            options: await optionsFor(ws, causes, o.diagnosis.analysis, {
                requested: o.requested,
                preinstalled: o.preinstalled ?? [],
                direct: directReferences(o.text ?? ''),
                extras: requestedExtras(o.text ?? ''),
            }),
        },
        hazards: [],
        durationMs: 0,
    };
}
async function optionsFor(ws, causes, naive, o) {
    const options = [];
    // What fits if the blamed packages are asked for by name only, with the base held? Not one the
    // user fetches from a URL or path (the index may not list it: pip's "The user requested baz @
    // URL" is still a request, not a release to go back from).
    for (const name of userRequestedInConflict(causes, o.requested, o.preinstalled)) {
        if (o.direct.has(name))
            continue;
        const v = await newestThatFits(ws, name, o.extras.get(name) ?? []);
        if (v)
            options.push(`use an older release: ${name}==${v} is the newest that fits the base image`);
    }
    const replaced = naive.replaced.map((r) => `${r.name} ${r.to}`).join(', ');
    options.push(`use a newer base image whose packages accept ${replaced || 'what your requirements need'}`);
    options.push(`drop the pin at your own risk: resolve mode "off" lets pip replace ${naive.replaced.map((r) => r.name).join(', ') || 'base packages'}${naive.replaced.some((r) => r.breaks.length)
        ? `, breaking ${naive.replaced.flatMap((r) => r.breaks.map((b) => b.dist)).join(', ')}`
        : ''}`);
    return options;
}
/** The projects of the requirement lines that name a URL or a path (`baz @ URL`, `-e PATH#egg=`). Pure. */
function directReferences(text) {
    return new Set((0,parse/* parseRequirementsText */.XW)(text).lines.flatMap((l) => l.kind === 'requirement' && l.url !== undefined && l.name !== undefined ? [l.name] : []));
}
/**
 * The extras each project is asked for with (`torch[opt-einsum]`), every line's together, by
 * canonical name: an older release is only an option when what its extras pull in fits too. Pure.
 */
function requestedExtras(text) {
    const extras = new Map();
    for (const l of (0,parse/* parseRequirementsText */.XW)(text).lines)
        if (l.kind === 'requirement' && l.name !== undefined && l.extras !== undefined) {
            const had = extras.get(l.name) ?? [];
            extras.set(l.name, [...had, ...l.extras.filter((e) => !had.includes(e))]);
        }
    return extras;
}
/**
 * The version pip picks for `name` alone (with the extras it was asked for) with the base held, or
 * undefined when none fits. A probe that fails for another reason (no release on the index, one it
 * cannot build) only means no such option: it comes back as a failed run, never as the run's error.
 */
async function newestThatFits(ws, name, extras) {
    await ws.put({ 'probe.txt': `${name}${extras.length ? `[${extras.join(',')}]` : ''}\n` });
    const probe = await ws.dryRun('probe.json', ['-r', `${DIR}/probe.txt`, '-c', `${DIR}/base-constraints.txt`], {}, { failure: 'return' });
    if (!probe.ok)
        return undefined;
    // The helper's analysis names each one as pip's canonicalize_name does (PEP 503: zope.interface
    // is zope-interface), as `name` is.
    const a = await analyze(ws, 'probe.json');
    return a.install.find((i) => (0,parse/* canonicalName */.Ew)(i.name) === (0,parse/* canonicalName */.Ew)(name))?.version || undefined;
}

// EXTERNAL MODULE: ./src/requirements/pep508.ts
var pep508 = __webpack_require__(71302);
;// CONCATENATED MODULE: ./src/resolve/constraints.ts
// The constraints that hold the base image fixed: one pin per installed distribution.



/**
 * Whether NAME and VERSION, as the container reported them, may go into a `name==version` line of
 * the constraints the build installs with: a PEP 508 name and a version without whitespace, so no
 * option or second line gets in (a base image's python answers).
 */
function plainPin(name, version) {
    return (0,pep508/* isDistName */["in"])(name) && /^[A-Za-z0-9][A-Za-z0-9.!+_*-]*$/.test(version);
}
/** Tools pip manages for itself; pinning them would only fight pip's own upgrade logic. */
const SKIP = new Set(['pip', 'setuptools', 'wheel', 'distribute']);
/**
 * One pin per installed distribution that a pin can hold. Those another installer put there (conda,
 * Debian's python3-* packages under /usr/lib/python3/dist-packages) and those installed from a
 * direct URL (NGC's torch wheel) are pinned too: with PIP_BREAK_SYSTEM_PACKAGES=1 (the resolver
 * and the build) pip replaces or shadows them like any other, and the installed version satisfies
 * its own pin whether an index has it or not. What is left unpinned can still be replaced: the
 * held plan is checked for that (steps/hold.ts).
 */
function pinDecisions(installed) {
    return [...installed]
        .sort((a, b) => (0,util_text/* compareText */.n6)(a.name, b.name))
        .map((d) => {
        if (SKIP.has(d.name))
            return { dist: d, skipped: 'packaging tool' };
        if (!plainPin(d.name, d.version))
            return { dist: d, skipped: 'not a name and version a pin can hold' };
        if (d.editable)
            return { dist: d, skipped: 'editable install' };
        // "===" pins versions that are not PEP 440 (pip matches them as strings).
        return { dist: d, pin: (0,pep440.valid)(d.version) ? `${d.name}==${d.version}` : `${d.name}===${d.version}` };
    });
}
function constraintsText(decisions, header) {
    const pins = decisions.filter((d) => d.pin).map((d) => d.pin);
    return `# ${header}\n${pins.join('\n')}${pins.length ? '\n' : ''}`;
}

;// CONCATENATED MODULE: ./src/resolve/steps/hold.ts
// Step 3, hold: the same requirements with every base distribution held at its version, and the
// plan that comes out of it when pip finds one: what it installs, and which of the user's packages
// had to move from pip's plain choice to fit.





/** The held dry run's report and arguments: every base distribution pinned. */
const HELD = {
    report: 'held.json',
    args: ['-r', `${DIR}/requirements.txt`, '-c', `${DIR}/base-constraints.txt`],
};
/**
 * When the plain plan replaces nothing (and the image has no constraint file of its own), it
 * already holds the base: pip would choose the same again, so no held run is needed.
 */
const holdNeeded = (base, diagnosis) => diagnosis.analysis.replaced.length > 0 || base.snap.constraintFile !== null;
/**
 * The held run; `done` is the one the plain run's process already made (snapshot cached), with
 * dryRun's retry and failure rules applied now.
 */
async function hold(ws, base, diagnosis, done) {
    if (!holdNeeded(base, diagnosis))
        return { run: diagnosis.naive, report: 'naive.json' };
    const a = done
        ? await ws.settle(done, HELD.report, HELD.args)
        : await ws.analyzedRun(HELD.report, HELD.args);
    return { run: a.run, report: HELD.report, analysis: a.analysis };
}
/** The plan pip found with the base held: its versions become the build's constraints. */
async function heldPlan(ws, draft, o) {
    const naive = o.diagnosis.analysis;
    const held = o.held.report === 'naive.json' ? naive : (o.held.analysis ?? (await analyze(ws, o.held.report)));
    // What the pins could not hold (pip/setuptools/wheel, editable installs, odd names) and pip
    // still replaces: never "intact". Breaking a base package is a conflict; else a hazard each.
    if (held.replaced.some((r) => r.breaks.length > 0))
        return {
            resolution: unheldConflict(draft, held.replaced),
            constraints: o.basePins,
            requirements: o.requirements,
        };
    // What pip's report named, as the container's helper read it: only plain name==version lines.
    const resolvedPins = held.install
        .filter((i) => plainPin(i.name, i.version))
        .map((i) => `${i.name}==${i.version}`);
    return {
        resolution: {
            ...draft,
            status: naive.replaced.length === 0 && o.relaxed.length === 0 ? 'clean' : 'fixed',
            resolved: {
                install: held.install.map(({ name, version }) => ({ name, version })),
                moved: movedPackages(held.install, naive),
                relaxed: o.relaxed,
            },
            hazards: held.replaced.map((r) => unheldHazard(r, draft)),
            durationMs: 0,
        },
        constraints: `${o.basePins}# resolved for this image\n${resolvedPins.join('\n')}${resolvedPins.length ? '\n' : ''}`,
        requirements: o.requirements,
    };
}
const CONSTRAINTS_DOC = 'https://pip.pypa.io/en/stable/user_guide/#constraints-files';
/** Why the base's pins do not hold NAME (the snapshot's skip reason). */
const notHeldBecause = (draft, name) => draft.constraints.skipped.find((s) => s.name === name)?.reason ?? 'not pinned';
/**
 * Why a base package the plain plan replaces breaking nothing is not held: no plan fitted with it
 * held, so its pin was dropped (steps/release.ts).
 */
const RELEASED = 'let go: nothing fits with it held, and no base package requires its version';
/** A base package the held plan still replaces, breaking nothing the base declares. Pure. */
function unheldHazard(r, draft) {
    const why = notHeldBecause(draft, r.name);
    return {
        id: resolve_result/* UNHELD_REPLACEMENT */.e1,
        message: `the plan still ${(0,resolve_result/* replaceVerb */.Cp)(r)}s the base image's ${r.name} ${r.from} with ${r.to} (not held: ${why}${r.shadows ? `; ${resolve_result/* SHADOW_NOTE */.Wl}` : ''}); no base package declares a requirement it breaks`,
        // Released: holding it is what failed; the requirements that need the new version are the choice.
        fix: why === RELEASED
            ? `accept the change (the base image's code may still use ${r.name} without declaring it), or ask for versions of your requirements that accept ${r.name} ${r.from}`
            : `add "${r.name}==${r.from}" to your requirements to keep the base image's version, or accept the change`,
        source: CONSTRAINTS_DOC,
    };
}
/** The held plan replaces base packages no pin could hold, breaking others: a conflict. Pure. */
function unheldConflict(draft, replaced) {
    const breaking = replaced.filter((r) => r.breaks.length > 0);
    return {
        ...draft,
        status: 'conflict',
        conflict: {
            causes: [],
            chain: breaking.map((r) => `${chainOf([r])[0]} (not held: ${notHeldBecause(draft, r.name)})`),
            options: [
                ...breaking.map((r) => `add "${r.name}==${r.from}" to your requirements: pip then keeps the base image's version, or names what needs another`),
                `use a newer base image whose packages accept ${breaking.map((r) => `${r.name} ${r.to}`).join(', ')}`,
            ],
        },
        hazards: [],
        durationMs: 0,
    };
}
/** The user's packages whose version differs from pip's plain choice, and why. Pure. */
function movedPackages(install, naive) {
    return install
        .filter((i) => i.requested)
        .flatMap((i) => {
        const n = naive.install.find((x) => x.name === i.name);
        if (!n || n.version === i.version)
            return [];
        const held = naive.replaced.filter((r) => r.pulledInBy.some((p) => p.dist === i.name));
        const why = held.length
            ? `the newest that accepts ${held.map((r) => `${r.name} ${r.from}`).join(', ')} held by the base image`
            : 'to keep every base package at its version';
        return [{ name: i.name, naive: n.version, resolved: i.version, reason: why }];
    });
}

;// CONCATENATED MODULE: ./src/resolve/steps/relax.ts
// Step 4, relax: when holding the base fails, loosen the user's specifiers that pip blames (their
// upper bounds dropped: the highest lower bound the user wrote, else the major version pip chose,
// and every != exclusion kept) and hold the base again.





/** One specifier a loosened requirement keeps: a lower bound (>=V or >V) or an exclusion (!=V, !=V.*). */
const KEPT = String.raw `(?:>=?|!=)[A-Za-z0-9.!+_-]+(?:\.\*)?`;
/**
 * A loosened requirement as the helper may write one: NAME[EXTRAS], then its lower bound and its
 * != exclusions (comma-separated; none when nothing bounded it from below), then a marker.
 */
const LOOSENED = new RegExp(String.raw `^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]*\])?(?:${KEPT}(?:,${KEPT})*)?(\s*;[^\n\r]*)?$`);
/** A direct reference (NAME @ URL) or any URL: never loosened to a name an index may serve. */
const DIRECT = /(^|\s)@|:\/\//;
/** A PEP 508 requirement line parsed; undefined for any other line. */
function requirement(line) {
    try {
        return (0,parse/* parsePep508 */.W_)(line);
    }
    catch {
        return undefined;
    }
}
/** A requirement's extras as a set, canonicalized (PEP 685), sorted: "dev, docs", or "none". */
function extrasOf(r) {
    return [...new Set(r.extras.map(parse/* canonicalName */.Ew))].sort().join(', ') || 'none';
}
/**
 * Why this step does not make change C, whatever the requirements hold; undefined when it may.
 * The new line must loosen the line it replaces and change nothing else: a requirement of the
 * same project (its canonical name), with the same extras (as a set, canonicalized) and the same
 * marker (as packaging reads it: spacing and quotes aside). A helper's bug or a crafted answer
 * never swaps the project, adds an extra, or drops the requirement behind a marker never true.
 */
function relax_refusal(c) {
    if (DIRECT.test(c.from))
        return 'the line is a direct reference';
    if (!LOOSENED.test(c.to))
        return 'the new line is not a loosened requirement';
    const from = requirement(c.from);
    if (from === undefined)
        return 'the line is not a requirement';
    const to = requirement(c.to);
    if (to === undefined)
        return 'the new line does not parse as a requirement';
    const name = (0,parse/* canonicalName */.Ew)(from.name);
    if ((0,parse/* canonicalName */.Ew)(to.name) !== name)
        return `the new line names ${(0,parse/* canonicalName */.Ew)(to.name)}, not ${name}`;
    if (extrasOf(to) !== extrasOf(from))
        return `the new line's extras (${extrasOf(to)}) are not the line's (${extrasOf(from)})`;
    if (to.marker !== from.marker)
        return `the new line's marker (${to.marker ?? 'none'}) is not the line's (${from.marker ?? 'none'})`;
    return undefined;
}
/**
 * The user's requirements with the helper's changes applied, each to the user's own line it
 * names: what the container says is checked, never taken as the text the build installs (a base
 * image's python could add lines). Undefined when a change is not one this step makes (refusal).
 */
function applyRelaxed(text, changes) {
    const lines = text.split('\n');
    for (const c of changes) {
        if (relax_refusal(c) !== undefined)
            return undefined;
        const i = lines.findIndex((l) => l.trim() === c.from);
        if (i < 0)
            return undefined;
        lines[i] = c.to;
    }
    return lines.join('\n');
}
/** The changes as the log shows a refused set: each quoted, with why (credentials masked). */
function refusedChanges(text, changes) {
    const lines = new Set(text.split('\n').map((l) => l.trim()));
    return changes
        .map((c) => {
        const why = relax_refusal(c) ?? (lines.has(c.from) ? undefined : 'the requirements hold no such line');
        return (0,redact/* redactText */.Rd)(`${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}${why === undefined ? '' : ` (${why})`}`);
    })
        .join(', ');
}
/**
 * CHANGES without those on a project the user's own -c lines pin to one version (PINS): the
 * loosened line would install the same version, so a dry run on it only fails again. Each left out
 * is said once, with the constraint that holds it.
 */
function withoutOwnPinned(changes, pins, say) {
    const held = (c) => {
        const name = requirement(c.from)?.name;
        return name === undefined ? undefined : pins.get((0,parse/* canonicalName */.Ew)(name));
    };
    for (const c of changes) {
        const by = held(c);
        if (by !== undefined)
            say((0,redact/* redactText */.Rd)(`not relaxing ${JSON.stringify(c.from)}: your constraint ${by} holds it at that version`));
    }
    return changes.filter((c) => held(c) === undefined);
}
async function relax(ws, held, o) {
    const unchanged = { held, relaxed: [] };
    const names = userRequestedInConflict(conflictBlock(held.run.out), o.requested, o.preinstalled);
    if (names.length === 0)
        return unchanged;
    const chosen = names.map((n) => `${n}=${o.diagnosis.analysis.install.find((i) => i.name === n)?.version ?? ''}`);
    const r = await ws.helper(RelaxedSchema, ['relax', `${DIR}/requirements.txt`, ...chosen]);
    const changes = withoutOwnPinned(r.changes, o.ownPins ?? new Map(), o.say);
    if (changes.length === 0)
        return unchanged;
    const requirements = applyRelaxed(o.text, changes);
    if (requirements === undefined) {
        o.say(`not relaxing: the helper proposed a change this step does not make: ${refusedChanges(o.text, changes)}`);
        return unchanged;
    }
    o.say(`relaxing ${changes.map((c) => `${c.from} -> ${c.to}`).join(', ')}`);
    await ws.put({ 'relaxed.txt': `${requirements}\n` });
    // The same container, and pip and the analysis in one process, as the held run.
    const again = await ws.analyzedRun('relaxed.json', [
        '-r',
        `${DIR}/relaxed.txt`,
        '-c',
        `${DIR}/base-constraints.txt`,
    ]);
    if (!again.run.ok)
        return unchanged;
    return {
        held: { run: again.run, report: 'relaxed.json', analysis: again.analysis },
        relaxed: changes,
        requirements: requirements.trimEnd(),
    };
}

;// CONCATENATED MODULE: ./src/resolve/steps/release.ts
// Step 4b, release: when nothing fits with every base package held, relaxed or not, the base
// packages the plain plan replaces that no base package requires at all (leaves: breaks: [] and
// no dependent, whatever its specifier; never numpy or torch, whose dependents seldom declare
// them) are let go: their pins dropped, the held run tried once more. What it then replaces is a hazard
// (hold.ts unheldHazard), as for a package no pin holds, never "intact"; a plan that breaks a base
// package after all is none. A pin is only dropped after every plan that keeps it failed: a plan
// that holds the base stays the first choice.




/** The released run's report and constraints file (the base's pins less the released ones). */
const RELEASED_RUN = {
    report: 'released.json',
    constraints: 'released-constraints.txt',
};
/**
 * Base packages never let go, whatever their dependents declare: what was built against NumPy 1.x
 * (torch, opencv, scipy, numba ...) seldom declares `numpy<2`, so "nothing requires its version"
 * is no evidence that numpy 2 leaves the base working (the conflict this tool exists to catch:
 * hazards.json numpy1Abi, torchNoNumpyDependency).
 */
const NEVER_RELEASED = new Set(['numpy', 'torch']);
/**
 * The canonical names of the projects some base package requires, whatever the version specifier
 * (a C++ extension built against torch declares plain `torch`; an optional extra's too): none of
 * them is let go, only a leaf nothing in the base depends on.
 */
function requiredByBase(installed) {
    const names = new Set();
    for (const d of installed)
        for (const r of d.requiresDist) {
            const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(r)?.[1];
            if (name !== undefined)
                names.add((0,parse/* canonicalName */.Ew)(name));
        }
    return names;
}
/**
 * PINS (the base's constraints text) without the lines that pin one of NAMES (`name==V`,
 * `name===V`; canonical names). Pure.
 */
function withoutPins(pins, names) {
    return pins
        .split('\n')
        .filter((l) => {
        const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)===?/.exec(l)?.[1];
        return name === undefined || !names.has((0,parse/* canonicalName */.Ew)(name));
    })
        .join('\n');
}
/**
 * The held run with the base packages the plain plan replaces breaking nothing let go; undefined
 * when there are none, or when pip finds no plan even so, or one that breaks a base package (the
 * first conflict is then the one to explain). A pip failure of this run is no error of the run's:
 * only no plan.
 */
async function release_release(ws, o) {
    // Only a pin there is to drop (one no pin held is replaced held or not: hold.ts).
    const pinned = new Set(o.base.decisions.flatMap((d) => (d.pin !== undefined ? [(0,parse/* canonicalName */.Ew)(d.dist.name)] : [])));
    const required = requiredByBase(o.base.snap.installed);
    const free = o.diagnosis.analysis.replaced.filter((r) => {
        const name = (0,parse/* canonicalName */.Ew)(r.name);
        return r.breaks.length === 0 && pinned.has(name) && !NEVER_RELEASED.has(name) && !required.has(name);
    });
    if (free.length === 0)
        return undefined;
    const basePins = withoutPins(o.base.basePins, new Set(free.map((r) => (0,parse/* canonicalName */.Ew)(r.name))));
    o.say(`nothing fits with the base held: letting go of ${free.map((r) => `${r.name} ${r.from}`).join(', ')} (no base package requires its version)`);
    await ws.put({ [RELEASED_RUN.constraints]: basePins });
    const a = await ws.analyzedRun(RELEASED_RUN.report, ['-r', `${DIR}/requirements.txt`, '-c', `${DIR}/${RELEASED_RUN.constraints}`], {}, { failure: 'return' });
    if (!a.run.ok)
        return undefined;
    // A plan that breaks a base package after all (another version than the plain plan's) is no
    // way out: the first conflict, with every pin, is the one to explain.
    const analysis = a.analysis ?? (await analyze(ws, RELEASED_RUN.report));
    if (analysis.replaced.some((r) => r.breaks.length > 0))
        return undefined;
    return {
        held: { run: a.run, report: RELEASED_RUN.report, analysis },
        basePins,
        draft: {
            ...o.draft,
            constraints: {
                pinned: o.draft.constraints.pinned - free.length,
                skipped: [...o.draft.constraints.skipped, ...free.map((r) => ({ name: r.name, reason: RELEASED }))],
            },
        },
    };
}

;// CONCATENATED MODULE: ./src/resolve/steps/plan.ts
// Steps 3 to 5 in mode auto, after a plain dry run that succeeded: hold the base; relax the
// user's blamed specifiers when that fails; let go of the base packages that break nothing when
// that fails too; then the plan pip found, or the conflict explained (the first held run's).




async function planOrConflict(ws, draft, o) {
    const { base, diagnosis, text, say } = o;
    const own = { requested: o.requested, preinstalled: o.preinstalled };
    const held = await hold(ws, base, diagnosis, o.done);
    const relaxed = held.run.ok
        ? { held, relaxed: [] }
        : await relax(ws, held, { diagnosis, ...own, text, say, ...(o.ownPins && { ownPins: o.ownPins }) });
    if (relaxed.held.run.ok)
        return heldPlan(ws, draft, {
            basePins: base.basePins,
            diagnosis,
            held: relaxed.held,
            relaxed: relaxed.relaxed,
            requirements: relaxed.requirements ?? text,
        });
    const released = await release_release(ws, { base, diagnosis, draft, say });
    if (released)
        return heldPlan(ws, released.draft, {
            basePins: released.basePins,
            diagnosis,
            held: released.held,
            relaxed: [],
            requirements: text,
        });
    return {
        resolution: await conflictResolution(ws, draft, { held: relaxed.held.run, diagnosis, ...own, text }),
        constraints: base.basePins,
        requirements: text,
    };
}

// EXTERNAL MODULE: ./src/docker/adapter.ts
var adapter = __webpack_require__(63659);
;// CONCATENATED MODULE: ./src/resolve/exec-limit.ts
// A time limit on every command the resolver runs in its container. pip can hang: an index that
// answers too slowly for pip's own --timeout to fire (a trickle of bytes), an sdist whose
// setup.py never ends while pip builds its metadata, or pip backtracking for hours through the
// releases of loosely pinned packages. Without a limit the stage would hang with it;
// with one, the command's stream is dropped (session.exec's timeoutMs), the step is named in the
// error, and the caller removes the container (with whatever still runs in it).






/** The variable that sets the limit, in whole seconds. */
const RESOLVE_TIMEOUT_ENV = 'ML_IMAGE_RESOLVE_TIMEOUT_SECONDS';
/** The limit of one command without the variable: 15 minutes. */
const DEFAULT_RESOLVE_TIMEOUT_MS = 15 * 60_000;
/** The limit of each command, from RESOLVE_TIMEOUT_ENV (1 to MAX_TIMEOUT_SECONDS) or the default. */
function resolveTimeoutMs(env) {
    const raw = env[RESOLVE_TIMEOUT_ENV];
    if (raw === undefined || raw.trim() === '')
        return DEFAULT_RESOLVE_TIMEOUT_MS;
    const seconds = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(seconds) || seconds < 1 || seconds > schema/* MAX_TIMEOUT_SECONDS */.Pe)
        throw new errors/* InputError */.dz(`${RESOLVE_TIMEOUT_ENV}: expected whole seconds from 1 to ${schema/* MAX_TIMEOUT_SECONDS */.Pe}, got ${JSON.stringify(raw)}`, `e.g. ${RESOLVE_TIMEOUT_ENV}=1800 for 30 minutes, or unset it for the default (${DEFAULT_RESOLVE_TIMEOUT_MS / 1000})`);
    return seconds * 1000;
}
/**
 * The most commands one resolve can run in its container, counted from the steps (resolve.ts
 * answerFor, worst case: every pip run that may be tried twice is, the index failing once):
 * - the base snapshot by its own command (to be cached): 1;
 * - the plain dry run (the held one in its process): 2;
 * - the held dry run on its own: 2;
 * - relax: the helper's proposal 1, the relaxed dry run 2;
 * - release (steps/release.ts): the released dry run 2 (its analysis in its process);
 * - then either the helper's analysis of the held report (a plan): 1, or, for a conflict, per
 *   requested package pip blames (at most `requested`), the probe dry run 2 and the reading of
 *   its report 1.
 */
function maxResolveCommands(requested) {
    return 1 + 2 + 2 + 3 + 2 + Math.max(1, 3 * requested);
}
/** Limits added to the count: the time between commands (files copied in, the container's start). */
const DEADLINE_MARGIN = 2;
/**
 * How long the session's container may live: its idle loop ends then even when this process was
 * killed (while it lives, every command is stopped at its own limit). As many limits as a resolve
 * can run commands (maxResolveCommands), and a margin: a container that ended while a command was
 * still allowed to run would read as the helper failing. Never less than the sessions' default.
 */
const sessionDeadlineMs = (limitMs, commands) => Math.max(adapter/* DEFAULT_SESSION_DEADLINE_MS */.X8, (commands + DEADLINE_MARGIN) * limitMs);
/** What each pip report is the report of, for people. */
const REPORTS = {
    'naive.json': 'the plain dry run',
    'held.json': 'the held dry run (base packages pinned)',
    'relaxed.json': 'the relaxed dry run (blamed pins loosened)',
    'released.json': 'the released dry run (pins of what breaks nothing dropped)',
    'probe.json': 'the dry run looking for the newest release that fits',
};
const reportStep = (path) => {
    const name = (path ?? '').slice(`${DIR}/`.length);
    return REPORTS[name] ?? `the dry run ${name || '(no report)'}`;
};
/** The step a command of the resolver is, named for people (pure). */
function execStep(cmd) {
    const helper = cmd.indexOf(`${DIR}/helper.py`);
    if (helper >= 0) {
        const [sub, arg] = [cmd[helper + 1], cmd[helper + 2]];
        const flags = cmd.slice(helper + 3, cmd.indexOf('--') < 0 ? undefined : cmd.indexOf('--'));
        if (sub === 'run')
            return `${flags.includes('--snapshot') ? 'the base snapshot (pip inspect) and ' : ''}${reportStep(arg)} (pip install --dry-run)`;
        if (sub === 'snapshot')
            return 'the base snapshot (pip inspect)';
        if (sub === 'relax')
            return 'relaxing the blamed pins';
        if (sub === 'analyze')
            return 'the analysis of a pip report';
        return `the resolver helper's ${sub ?? 'command'}`;
    }
    const report = cmd.indexOf('--report');
    if (cmd.includes('pip') && report >= 0)
        return `${reportStep(cmd[report + 1])} (pip install --dry-run)`;
    return `the command "${cmd.slice(0, 2).join(' ')}"`;
}
/** `900 s (15 min)`, `90 s`: whole seconds, and whole minutes when there are some. */
function formatLimit(ms) {
    const s = Math.round(ms / 1000);
    return s >= 120 && s % 60 === 0 ? `${s} s (${s / 60} min)` : `${s} s`;
}
/** The error of a command that ran past its limit: the step, the image, the platform and the limit. */
function execTimeoutError(cmd, limitMs, where) {
    return new errors/* EnvironmentError */.eG(`resolve ${where.platform}: ${execStep(cmd)} in ${where.image} did not finish within ${formatLimit(limitMs)}; it was stopped and the resolver's container removed`, `a package index that answers too slowly, an sdist whose setup.py does not end while pip builds its metadata, or pip backtracking through the releases of many loosely pinned packages: check the index, require a version that has a wheel, pin more versions (name==X, or a narrower range) so that pip has fewer to try, or raise ${RESOLVE_TIMEOUT_ENV} (seconds, default ${DEFAULT_RESOLVE_TIMEOUT_MS / 1000})`);
}
const shortLine = (text) => (0,util_text/* firstLine */.TM)(text).trim().slice(0, 200);
/** How a command ended, for an interrupt's message: `exit 126: OCI runtime exec failed: ...`. */
function execEnding(r) {
    const line = shortLine(`${r.stderr}\n${r.stdout}`);
    return `exit ${r.exitCode}${line ? `: ${line}` : ''}`;
}
/**
 * After SIGINT/SIGTERM/SIGHUP, what the cleanup's removal of the container made of WHAT: the engine
 * refusing it (409 "container stopped/paused", 500 "Removal In Progress"), the command failing
 * ("cannot exec in a stopped state", exit 137). The interrupt (exit 130/143/129), not an internal
 * error or a base image without python3; undefined before any signal.
 */
function stoppedByInterrupt(what, failure) {
    if ('result' in failure)
        return failure.result.exitCode === 0 ? undefined : (0,cleanup/* interruptedFailure */.rn)(what, execEnding(failure.result));
    const e = failure.error;
    return (0,cleanup/* interruptedFailure */.rn)(what, shortLine((0,util_text/* errorMessage */.gJ)(e)), e);
}
/**
 * The session with a limit on every exec (an exec's own timeoutMs wins): one that runs past it
 * throws execTimeoutError. The caller closes the session, which removes the container. After a
 * signal, a command or a copy that fails (the cleanup removed the container) throws the interrupt.
 */
function withExecLimit(session, limitMs, where) {
    const rethrow = (what) => (error) => {
        throw stoppedByInterrupt(what, { error }) ?? error;
    };
    return {
        containerId: session.containerId,
        putFiles: (dir, files) => session.putFiles(dir, files).catch(rethrow(`copying the resolver's files into ${where.image}`)),
        close: () => session.close(),
        async exec(cmd, options = {}) {
            const timeoutMs = options.timeoutMs ?? limitMs;
            const what = `${execStep(cmd)} in ${where.image}`;
            const r = await session.exec(cmd, { ...options, timeoutMs }).catch(rethrow(what));
            const stopped = stoppedByInterrupt(what, { result: r });
            if (stopped)
                throw stopped;
            if (r.timedOut)
                throw execTimeoutError(cmd, timeoutMs, where);
            return r;
        },
    };
}

;// CONCATENATED MODULE: ./src/resolve/py/helper.generated.ts
// GENERATED from ml_image_resolve.py: edit that file, then run UPDATE_DOCS=1 npx vitest run --project unit __tests__/unit/resolve-py.test.ts
// The resolver's Python helper as text, so that the bundle (dist/) carries it without reading files at run time.
const HELPER_PY = `"""The resolver's helper, run inside the base image with its own python3.

Standard library plus pip's vendored \`packaging\`, so requirements, specifiers and markers are
judged exactly as pip judges them, in the target environment (an arm64 image evaluates
platform_machine as aarch64). Every command prints one JSON object on stdout.

Commands (argv[1]): snapshot | analyze INSPECT REPORT | relax REQS NAME=VERSION...
| run REPORT [--snapshot] [--held] -- PIP_INSTALL_ARGS...: pip's dry run IN this process (the
snapshot first with --snapshot, written to snapshot.json next to REPORT), then its analysis; with
--held, when the run replaces a base package (or the image has a constraint file) and
base-constraints.txt is there, the held run (-c base-constraints.txt, report held.json) and its
analysis follow in the same process. pip's stdout and stderr come back inside the JSON, as a
separate \`python3 -m pip\` would have printed them.

Bundled as text by src/resolve/py/helper.generated.ts (regenerate with
\`UPDATE_DOCS=1 npx vitest run --project unit __tests__/unit/resolve-py.test.ts\`).
"""

import json
import os
import subprocess
import sys
import tempfile
import time

try:
    from pip._vendor.packaging.requirements import InvalidRequirement, Requirement
    from pip._vendor.packaging.utils import canonicalize_name
    from pip._vendor.packaging.version import InvalidVersion, Version
except Exception as e:  # pip too old or missing: say so, the caller turns it into an error
    print(json.dumps({"error": "pip with vendored packaging is required in the image: %s" % e}))
    sys.exit(0)


def load(path):
    with open(path) as f:
        return json.load(f)


# \`pip inspect\` without --local: every distribution on the interpreter's sys.path, as pip's resolver
# sees them (it counts them all as installed: a requirement one of them satisfies installs nothing).
# --local would leave out what pip's is_local() calls outside its environment and never uninstalls:
# in a virtualenv with system site-packages the system's, and on Debian/Ubuntu (whose pip counts
# everything under /usr but /usr/local as the OS's) every python3-* package apt installed in
# /usr/lib/python3/dist-packages. pip installs another version of such a one ahead of it on sys.path
# (shadowing it, the old files left in place): they are part of the base the resolver holds.
INSPECT = ["inspect"]

# The image's variables the snapshot keeps, values and all. PIP_* values are not kept: they may hold
# an index login (PIP_INDEX_URL=https://user:TOKEN@host/simple), and the snapshot is cached on disk.
KEPT_ENV = ("CUDA_VERSION", "NVIDIA_PYTORCH_VERSION", "PYTORCH_VERSION")

# The snapshot's format: 2, every distribution on sys.path (each with pip's "local" flag) and no PIP_*
# values. A cached snapshot of another format is taken again.
FORMAT = 2


def pip_inspect_subprocess():
    r = subprocess.run([sys.executable, "-m", "pip"] + INSPECT, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True)
    return r.returncode, r.stdout, r.stderr


def pip_local():
    """pip's own is_local(PATH): whether pip may modify (uninstall) what lies there; None without it."""
    try:
        from pip._internal.utils.misc import is_local, normalize_path
        return lambda path: is_local(normalize_path(path))
    except Exception:
        return None


def take_snapshot(environ, inspect, is_local=None):
    """What the image ships: environ is the image's environment, inspect() -> (rc, stdout, stderr),
    is_local(path) pip's judgement of a path (pip_local())."""
    rc, stdout, stderr = inspect()
    out = {"format": FORMAT,
           "python": {"version": "%d.%d.%d" % sys.version_info[:3], "executable": sys.executable},
           "env": {k: v for k, v in environ.items() if k in KEPT_ENV}}
    if rc != 0:
        out["error"] = "pip inspect failed: " + (stderr.strip().splitlines() or ["exit %d" % rc])[-1]
        return out
    data = json.loads(stdout)
    out["pipVersion"] = data.get("pip_version")
    out["environment"] = data.get("environment", {})
    dists = []
    seen = set()
    for d in data.get("installed", []):
        m = d.get("metadata", {})
        loc = d.get("metadata_location", "")
        name = canonicalize_name(m.get("name", ""))
        if name in seen:  # the first on sys.path is the one Python imports and pip sees
            continue
        seen.add(name)
        dists.append({
            "name": name,
            "version": m.get("version", ""),
            "requiresDist": m.get("requires_dist", []) or [],
            "installer": (d.get("installer") or "").strip(),
            "editable": bool(d.get("direct_url", {}).get("dir_info", {}).get("editable")),
            "directUrl": "direct_url" in d,
            "location": loc,
            "local": is_local_path(is_local, loc),
        })
    out["installed"] = dists
    cf = environ.get("PIP_CONSTRAINT") or "/etc/pip/constraint.txt"
    out["constraintFile"] = {"path": cf, "content": open(cf).read()} if os.path.isfile(cf) else None
    return out


def is_local_path(is_local, path):
    """pip's is_local(PATH) (True where pip would uninstall: pip without it, or a path it cannot judge)."""
    if is_local is None or not path:
        return True
    try:
        return bool(is_local(path))
    except Exception:
        return True


def snapshot():
    print(json.dumps(take_snapshot(os.environ, pip_inspect_subprocess, pip_local())))


def reqs_on(requires, name, env):
    """The requirements in 'requires' that target 'name' and apply in 'env' (extras off)."""
    found = []
    for line in requires:
        try:
            r = Requirement(line)
        except InvalidRequirement:
            continue
        if canonicalize_name(r.name) != name:
            continue
        if r.marker is not None:
            e = dict(env)
            e["extra"] = ""
            try:
                if not r.marker.evaluate(e):
                    continue
            except Exception:
                pass
        found.append(r)
    return found


def allows(req, version):
    try:
        return req.specifier.contains(Version(version), prereleases=True)
    except InvalidVersion:
        return True


def analyze(inspect_path, report_path):
    print(json.dumps(analysis(load(inspect_path), load(report_path))))


def analysis(snap, rep):
    env = rep.get("environment") or snap.get("environment") or {}
    installed = {d["name"]: d for d in snap.get("installed", [])}
    install = []
    for item in rep.get("install", []):
        m = item.get("metadata", {})
        install.append({"name": canonicalize_name(m.get("name", "")), "version": m.get("version", ""),
                        "requested": bool(item.get("requested")), "requiresDist": m.get("requires_dist", []) or []})
    new = {i["name"]: i for i in install}
    replaced = []
    for i in install:
        base = installed.get(i["name"])
        if base is None or base["version"] == i["version"]:
            continue
        breaks = []
        for d in installed.values():
            if d["name"] in new:  # itself being replaced: judged by its new version
                continue
            for r in reqs_on(d["requiresDist"], i["name"], env):
                if not allows(r, i["version"]):
                    breaks.append({"dist": d["name"], "version": d["version"], "requirement": str(r)})
        pulled = []
        for j in install:
            for r in reqs_on(j["requiresDist"], i["name"], env):
                if not allows(r, base["version"]):
                    pulled.append({"dist": j["name"], "version": j["version"], "requirement": str(r),
                                   "requested": j["requested"]})
        entry = {"name": i["name"], "from": base["version"], "to": i["version"], "breaks": breaks,
                 "pulledInBy": pulled}
        if base.get("local") is False:
            # pip does not uninstall it (outside its environment): the new version goes in ahead of
            # it on sys.path, the base's files stay.
            entry["shadows"] = True
        replaced.append(entry)
    holders = {}
    for name in [r["name"] for r in replaced]:
        holders[name] = [{"dist": d["name"], "version": d["version"], "requirement": str(r)}
                         for d in installed.values() for r in reqs_on(d["requiresDist"], name, env)]
    return {"install": [{k: v for k, v in i.items() if k != "requiresDist"} for i in install],
            "replaced": replaced, "holders": holders, "environment": env}


# The operators that bound a version from above: relax drops them.
CAPS = ("==", "===", "~=", "<", "<=")


def loosened(spec, chosen):
    """The specifier set SPEC without its upper bounds, as text, or None when it has none (nothing
    to loosen): the highest lower bound it sets (==X.Y.* and ~=X.Y give >=X.Y; > wins a tie),
    else >= the major version pip chose (CHOSEN; none without one), then every != exclusion.
    A bound is the version's public part: >= and > take no local label (==2.1.0+cu121 gives
    >=2.1.0; >=2.1.0+cu121 is no valid specifier)."""
    if not any(sp.operator in CAPS for sp in spec):
        return None
    floors = []
    for sp in spec:
        op, v = sp.operator, sp.version
        if op not in ("==", "===", "~=", ">=", ">"):
            continue
        if v.endswith(".*"):
            v = v[:-2]
        try:
            floor = Version(Version(v).public)
        except InvalidVersion:
            continue
        floors.append((floor, op == ">", (">" if op == ">" else ">=") + str(floor)))
    if floors:
        lower = [max(floors)[2]]
    else:
        lower = [">=" + chosen.split(".")[0]] if chosen else []
    return ",".join(lower + sorted(str(sp) for sp in spec if sp.operator == "!="))


def relax(reqs_path, pairs):
    print(json.dumps(relaxed(open(reqs_path).read(), pairs)))


def relaxed(text, pairs):
    """Loosen the named requirements (NAME=VERSION pip chose) of TEXT: loosened(); a line with no
    upper bound stays as written, and only a line that got looser is reported as a change."""
    chosen = dict(p.split("=", 1) for p in pairs)
    out, changes = [], []
    for line in text.splitlines():
        s = line.strip()
        try:
            r = Requirement(s) if s and not s.startswith(("#", "-")) else None
        except InvalidRequirement:
            r = None
        # A direct reference (NAME @ URL) stays as written: loosened to a bare name, an index could
        # serve another project of that name (dependency confusion).
        if r is None or r.url or canonicalize_name(r.name) not in chosen:
            out.append(line)
            continue
        spec = loosened(r.specifier, chosen[canonicalize_name(r.name)])
        if spec is None:
            out.append(line)
            continue
        extras = "[%s]" % ",".join(sorted(r.extras)) if r.extras else ""
        marker = "; %s" % r.marker if r.marker is not None else ""
        new = "%s%s%s%s" % (r.name, extras, spec, marker)
        changes.append({"name": canonicalize_name(r.name), "from": s, "to": new})
        out.append(new)
    return {"requirements": "\\n".join(out) + "\\n", "changes": changes}


def pip_in_process(args):
    """pip's main in this process, its stdout and stderr (file descriptors 1 and 2, so that build
    backends it starts are caught too) captured: (exit status, stdout, stderr)."""
    from pip._internal.cli.main import main as pip_main
    import pip
    saved_argv = sys.argv
    # What \`python3 -m pip\` has: its program name in pip's messages, the working directory on
    # sys.path (where pip looks for installed distributions too).
    sys.argv = [os.path.join(os.path.dirname(pip.__file__), "__main__.py")] + list(args)
    sys.path[0] = os.getcwd()
    files = [tempfile.TemporaryFile(mode="w+b"), tempfile.TemporaryFile(mode="w+b")]
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    os.dup2(files[0].fileno(), 1)
    os.dup2(files[1].fileno(), 2)
    try:
        rc = pip_main(list(args))
    except SystemExit as e:
        rc = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:  # pip's own crash: reported as pip's failure, as \`python3 -m pip\` would
        import traceback
        traceback.print_exc()
        rc = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])
        sys.argv = saved_argv
    texts = []
    for f in files:
        f.seek(0)
        texts.append(f.read().decode("utf-8", "replace"))
        f.close()
    return rc or 0, texts[0], texts[1]


def image_environ():
    """The environment the image gives a plain \`docker exec\`: PID 1's (the session's idle loop),
    else this one without the names the caller added for pip (ML_IMAGE_RUN_ENV)."""
    try:
        with open("/proc/1/environ", "rb") as f:
            pairs = [p.decode("utf-8", "replace").split("=", 1) for p in f.read().split(b"\\0") if b"=" in p]
        return dict(pairs)
    except Exception:
        added = set(os.environ.get("ML_IMAGE_RUN_ENV", "").split(","))
        return {k: v for k, v in os.environ.items() if k not in added}


def run(report, with_snapshot, with_held, pip_args):
    """[snapshot,] pip install --dry-run --report REPORT, analysis: one JSON object."""
    here = os.path.dirname(os.path.abspath(report))
    timing = {}
    out = {}
    t = time.time()
    if with_snapshot:
        snap = take_snapshot(image_environ(), lambda: pip_in_process(INSPECT), pip_local())
        with open(os.path.join(here, "snapshot.json"), "w") as f:
            f.write(json.dumps(snap))
        out["snapshot"] = snap
        timing["snapshot"] = time.time() - t
        if "error" in snap:
            out["timing"] = timing
            print(json.dumps(out))
            return
    else:
        snap = load(os.path.join(here, "snapshot.json"))
    cache = os.environ.get("ML_IMAGE_PIP_CACHE")
    if cache and os.path.isdir(cache) and os.access(cache, os.W_OK):
        # pip's HTTP cache in the volume the caller mounted (when this user may write there).
        os.environ["PIP_CACHE_DIR"] = cache
    out.update(dry_run(snap, report, pip_args, timing, ""))
    held = os.path.join(here, "base-constraints.txt")
    if with_held and out["pip"]["rc"] == 0 and os.path.isfile(held) and (
            out["analysis"]["replaced"] or snap.get("constraintFile") is not None):
        # The base must be held: the same requirements with every base distribution pinned, in
        # this process too (pip is imported already), with the image's own PIP_CONSTRAINT back.
        image = image_environ()
        if "PIP_CONSTRAINT" in image:
            os.environ["PIP_CONSTRAINT"] = image["PIP_CONSTRAINT"]
        else:
            os.environ.pop("PIP_CONSTRAINT", None)
        out["held"] = dry_run(snap, os.path.join(here, "held.json"), held_args(pip_args, held), timing, "held ")
    out["timing"] = timing
    print(json.dumps(out))


def held_args(pip_args, held):
    """The held run's pip arguments: every argument of the plain run (what comes before the
    requirements too: the variant's -c preinstalled.txt and torch==V; any number of -r), its -v
    dropped, and the base's pins (held) as one more constraints file."""
    return [a for a in pip_args if a != "-v"] + ["-c", held]


def dry_run(snap, report, pip_args, timing, prefix):
    """pip install --dry-run --report REPORT in this process, and the analysis of its report."""
    out = {}
    t = time.time()
    rc, stdout, stderr = pip_in_process(["install", "--dry-run"] + pip_args + ["--report", report])
    timing[prefix + "pip"] = time.time() - t
    out["pip"] = {"rc": rc, "stdout": stdout, "stderr": stderr}
    if rc == 0:
        t = time.time()
        out["analysis"] = analysis(snap, load(report))
        timing[prefix + "analysis"] = time.time() - t
    return out


def main(argv):
    cmd = argv[1]
    if cmd == "snapshot":
        snapshot()
    elif cmd == "analyze":
        analyze(argv[2], argv[3])
    elif cmd == "relax":
        relax(argv[2], argv[3:])
    elif cmd == "run":
        sep = argv.index("--")
        run(argv[2], "--snapshot" in argv[3:sep], "--held" in argv[3:sep], argv[sep + 1:])
    else:
        print(json.dumps({"error": "unknown command " + cmd}))


if __name__ == "__main__":
    main(sys.argv)
`;

;// CONCATENATED MODULE: ./src/resolve/constraint-origins.ts
// pip's references to a line of the requirements' -c files (which the resolver hands pip as one
// file), as the user's own "file:line". Pure.

const CONSTRAINTS_PATH = `${DIR}/${USER_CONSTRAINTS_FILE}`.replace(/[.]/g, '\\.');
const CONSTRAINT_LINE = new RegExp(`(?:-c )?${CONSTRAINTS_PATH} \\(line (\\d+)\\)`, 'g');
const FROM_CONSTRAINT_LINE = new RegExp(`\\(from line (\\d+) of ${CONSTRAINTS_PATH}\\)`, 'g');
/**
 * OUT with pip's references to a line of the -c files' text ("-c DIR/user-constraints.txt (line
 * N)", "(from line N of DIR/user-constraints.txt)") replaced by the user's "file:line". Pure.
 */
function withConstraintOrigins(out, origins) {
    const at = (n) => origins[Number(n) - 1];
    return out
        .replace(CONSTRAINT_LINE, (x, n) => at(n) ?? x)
        .replace(FROM_CONSTRAINT_LINE, (x, n) => (at(n) === undefined ? x : `(from ${at(n)})`));
}

;// CONCATENATED MODULE: ./src/resolve/failure.ts
// A pip run that failed for another reason than a conflict, as the error the user sees: pip's own
// words (redacted, with the user's "file:line" in place of the container's file), blamed on the
// requirement line or the index, with the exit class that fits (2 input, 3 environment, 1 other).
// One function per kind of failure. Pure.









/**
 * What an unreachable index or URL adds to its fix when the container ran on Docker's bridge: an
 * index the build machine reaches may be out of the container's reach, and how to switch.
 */
function bridgeHint(ctx) {
    if (ctx.network !== 'bridge')
        return '';
    return "; the resolver's container ran on Docker's bridge network: for an index or URL reachable only from this machine (on its loopback, or through a name in its /etc/hosts) set build.network: host in the config, or pass --network host to ml-image resolve";
}
/**
 * The same on the host network of an engine in a VM: it is the VM's, not this machine's loopback.
 * host.docker.internal names this machine there (docs.docker.com desktop/features/networking;
 * colima, OrbStack too); Docker Desktop's host networking is an opt-in of 4.34 and later
 * (docs.docker.com engine/network/drivers/host: Settings > Resources > Network).
 */
function vmHint({ network, engineVm }) {
    if (network !== 'host' || engineVm === undefined)
        return '';
    const at = engineVm.loopback;
    const port = at === undefined ? ':PORT' : (/(:\d+)$/.exec(at.replace(/^\[.*\]/, ''))?.[1] ?? '');
    const to = `host.docker.internal${port}`;
    return `; the Docker engine runs in a VM (Docker Desktop, colima, OrbStack), so the host network the resolver's container ran on is the VM's, and ${at ?? "this machine's loopback"} is not there: name the index by ${to} instead of ${at ?? 'localhost or 127.0.0.1'} (for a plain-http index add --trusted-host ${to} to the requirements), or turn on Docker Desktop's host networking (4.34 or later: Settings > Resources > Network > Enable host networking)`;
}
const sameUrl = (a, b) => a.replace(/#.*$/, '') === b.replace(/#.*$/, '');
function urlMatches(url, at) {
    try {
        const u = new URL(url.replace(/^[a-z]+\+/, ''));
        const port = u.port || (u.protocol === 'https:' ? '443' : '80');
        return u.hostname === at.host && port === at.port && u.pathname === at.path.replace(/[?#].*$/, '');
    }
    catch {
        return false;
    }
}
/**
 * The indexes to name for a failed run, shown (logins masked): those pip says it searched (its
 * "Looking in indexes:" line names the base image's own PIP_INDEX_URL or pip.conf too, which the
 * context cannot know), else the context's.
 */
function searchedIndexes(out, ctx) {
    const searched = indexesSearched(out);
    return searched !== undefined
        ? searched.map((u) => (0,redact/* redactUrls */.sK)(u)).join(', ')
        : describeIndexes(ctx.indexes);
}
function blame(out, ctx) {
    const at = (line) => (line > 0 ? (ctx.origins[line - 1] ?? `line ${line}`) : undefined);
    // pip names lines of the file in the container: show the user's file and line instead.
    const said = (m) => `\npip said:\n${(0,redact/* redactUrls */.sK)(m
        .replace(/(?:-r )?\/tmp\/ml-image-resolve\/requirements\.txt \(line (\d+)\)/g, (x, n) => at(Number(n)) ?? x)
        .replace(/from line (\d+) of \/tmp\/ml-image-resolve\/requirements\.txt/g, (x, n) => `from ${at(Number(n)) ?? x}`)
        .replaceAll(`${DIR}/`, '')).replace(/^/gm, '  ')}`;
    return { ctx, out, at, said };
}
/** The requirement line of the project REQUIREMENT (pip's words, "numpy>=2") names, if any. */
function lineNaming(ctx, requirement) {
    const project = requirement && /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(requirement)?.[0];
    return project ? ctx.requirements.find((r) => r.name === (0,parse/* canonicalName */.Ew)(project)) : undefined;
}
const prefix = (origin) => (origin ? `${origin}: ` : '');
/** An error's options that place it on ORIGIN's file and line ("FILE:LINE"), for the action's annotation. */
const placed = (origin) => ({ location: (0,errors/* locationOf */.hD)(origin) });
function directUrl(f, { ctx, said }) {
    const line = ctx.requirements.find((r) => r.url !== undefined && sameUrl(r.url, f.url)) ??
        (f.line > 0 ? ctx.requirements.find((r) => r.origin === ctx.origins[f.line - 1]) : undefined) ??
        ctx.requirements.find((r) => r.url !== undefined && r.url.endsWith(`/${f.url}`));
    const url = (0,redact/* redactUrls */.sK)(f.url);
    const msg = `${prefix(line?.origin)}the direct URL ${url} failed: ${(0,redact/* redactUrls */.sK)(f.reason)}${said(f.message)}`;
    return f.notFound
        ? new errors/* InputError */.dz(msg, 'fix the URL on that requirement line (pip fetches it from that URL as written)', placed(line?.origin))
        : new errors/* EnvironmentError */.eG(msg, `check that ${url} is reachable from inside ${ctx.image} (the resolver runs pip there)`, placed(line?.origin));
}
function unreachable(f, { ctx, out, said }) {
    // A direct URL that cannot be fetched is that line's fault, not the index's.
    const u = f.url;
    const line = u && ctx.requirements.find((r) => r.url !== undefined && urlMatches(r.url, u));
    if (line)
        return new errors/* EnvironmentError */.eG(`${line.origin}: the direct URL ${(0,redact/* redactUrls */.sK)(line.url)} is unreachable from ${ctx.image}: ${(0,redact/* redactUrls */.sK)(f.message)}${said(pipMessage(out))}`, `check that URL and the network (the resolver runs pip inside the base image)${bridgeHint(ctx)}${vmHint(ctx)}${proxyHint(ctx)}`, placed(line.origin));
    return new errors/* EnvironmentError */.eG(`the package index ${searchedIndexes(out, ctx)} is unreachable from ${ctx.image}: ${(0,redact/* redactUrls */.sK)(f.message)}`, `check python.indexUrl / PIP_INDEX_URL and the network (the resolver runs pip inside the base image)${bridgeHint(ctx)}${vmHint(ctx)}${proxyHint(ctx)}`);
}
function noMatch(f, { ctx, out, said }) {
    const line = lineNaming(ctx, f.requirement);
    // pip shows an index page it may not read (401, 403: a wrong, expired or read-less token) as
    // one that lists no version, and says so only at -vv: a login-bearing index is worth checking.
    const none = /\(from versions: none\)/.test(f.message);
    const login = [ctx.indexes.indexUrl ?? '', ...ctx.indexes.extraIndexUrls].some((u) => (0,redact/* redactUrls */.sK)(u) !== u) ||
        (indexesSearched(out) ?? []).some((u) => /:\/\/[^/@\s]*@/.test(u));
    const otherPython = pythonSkipped(out);
    return new errors/* InputError */.dz(`${prefix(line?.origin)}no release of "${(0,redact/* redactUrls */.sK)(f.requirement)}" found on ${searchedIndexes(out, ctx)}${said(f.message)}`, `check the package name and version in your requirements, and that the index has it${otherPython
        ? `; pip skipped releases that need another Python than the base image's (${otherPython}): if the one you asked for is among them, choose an older release, or a variant whose python: fits`
        : ''}${none && login ? "; pip lists no versions for an index that refuses its credentials too (401, 403): check that the index's token is current and may read the project" : ''}`, placed(line?.origin));
}
/**
 * pip found no release because an index refused it (401, 403: the -vv retry shows it): the index's
 * credentials, not the requirement, are what to fix (exit 3).
 */
function refused(f, { ctx, said }) {
    const line = lineNaming(ctx, f.requirement);
    const by = [...new Set(f.refusals.map((r) => `${(0,redact/* redactUrls */.sK)(r.url)} answered ${r.status}`))].join('; ');
    return new errors/* EnvironmentError */.eG(`${prefix(line?.origin)}no release of "${(0,redact/* redactUrls */.sK)(f.requirement)}" found: the package index refused pip (${by})${said(f.message)}`, "check the index's credentials (python.indexUrl / python.extraIndexUrls, PIP_INDEX_URL / PIP_EXTRA_INDEX_URL, or a --index-url line with a ${NAME} listed in build.secrets): the token may be wrong, expired, or not allowed to read that project", placed(line?.origin));
}
function failure_invalidRequirement(f, { at, said }) {
    return new errors/* InputError */.dz(`${prefix(at(f.line))}invalid requirement "${(0,redact/* redactUrls */.sK)(f.requirement)}"${said(f.message)}`, 'fix that line (PEP 508 syntax, e.g. "numpy>=1.26,<2"; a local path must exist inside the base image)', placed(at(f.line)));
}
const HASH_MODE = "pip's hash-checking mode is on (a --hash on any requirement or constraint line turns it on for every requirement, as --require-hashes does)";
const LEAVE_MODE = 'or drop every --hash and --require-hashes to leave that mode';
const listedAll = (reqs) => reqs.map((r) => (0,redact/* redactUrls */.sK)(r)).join(', ');
/**
 * Requirements not pinned with ==: a line's own (blamed on the first line that names one), or a
 * dependency no line lists, which pip asks for as its dependent's metadata does, unpinned, and
 * writes with its dependent's "(line N)" (hash-failure.ts requiredBy): blamed on that line as what
 * needs it, never as unpinned itself. Exit 2.
 */
function unpinned(f, { ctx, at, said }) {
    const by = f.requiredBy;
    const deps = f.requirements.filter((r) => by[r] !== undefined && lineNaming(ctx, r) === undefined);
    const own = f.requirements.filter((r) => !deps.includes(r));
    const ownToo = own.length > 0 || deps.length === 0;
    const dependency = (r) => {
        const { chain, line } = by[r];
        return `${(0,redact/* redactUrls */.sK)(r)} is not pinned with ==: it is a dependency of ${chain.map((c) => (0,redact/* redactUrls */.sK)(c)).join(', required by ')}${line > 0 ? ` (${at(line)})` : ''} that no line lists, so pip takes it as ${(0,redact/* redactUrls */.sK)(chain[0])} asks for it, with no == pin`;
    };
    const problems = [
        ...(ownToo
            ? [`${listedAll(own) || 'some requirements'} ${own.length === 1 ? 'is' : 'are'} not pinned with ==`]
            : []),
        ...deps.map(dependency),
    ];
    const named = own.flatMap((r) => lineNaming(ctx, r) ?? []);
    const origin = named[0]?.origin ?? at(deps.length > 0 ? by[deps[0]].line : f.line);
    const add = deps.map((r) => /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(r)?.[0] ?? r).join(', ');
    const fixes = [
        ...(deps.length > 0
            ? [
                `add ${add} to the requirements, pinned with == and with ${deps.length === 1 ? 'its' : 'their'} hashes (pip-compile --generate-hashes, uv pip compile --generate-hashes and poetry export list every dependency so)`,
            ]
            : []),
        ...(ownToo ? ['pin each to one version (name==1.2.3) with its --hash'] : []),
    ];
    return new errors/* InputError */.dz(`${prefix(origin)}${HASH_MODE}, and ${problems.join('; and ')}${said(f.message)}`, `${fixes.join(', and ')}, ${LEAVE_MODE}`, placed(origin));
}
/**
 * A hash-checking failure: a file that does not match its --hash; requirements without a --hash in
 * that mode (blamed on the first line that names one of them: else they are dependencies the files
 * do not list); requirements not pinned with == (unpinned). Exit 2.
 */
function hashFailure(f, b) {
    const { ctx, at, said } = b;
    if (f.problem === 'mismatch')
        return new errors/* InputError */.dz(`${prefix(at(f.line))}a downloaded file does not match the --hash given in the requirements${said(f.message)}`, 'update the --hash values (pip hash FILE), or find out why the file changed', placed(at(f.line)));
    if (f.problem === 'unpinned')
        return unpinned(f, b);
    const listed = listedAll(f.requirements) || 'some requirements';
    const named = f.requirements.flatMap((r) => lineNaming(ctx, r) ?? []);
    const unnamed = f.requirements.filter((r) => lineNaming(ctx, r) === undefined);
    return new errors/* InputError */.dz(`${prefix(named[0]?.origin)}${HASH_MODE}, and ${listed} ${f.requirements.length === 1 ? 'has' : 'have'} no --hash${named.length > 0 ? ` (${named.map((r) => r.origin).join(', ')}: a line without one)` : ''}${unnamed.length > 0 ? ` (${unnamed.map((r) => (0,redact/* redactUrls */.sK)(r)).join(', ')}: a dependency no line names)` : ''}${said(f.message)}`, `give each line its --hash, and list each dependency too, pinned with == and its hashes (pip-compile --generate-hashes, uv pip compile --generate-hashes and poetry export write every dependency so; pip's message above shows the hashes of the files it downloaded: check them before you copy them), ${LEAVE_MODE}`, placed(named[0]?.origin));
}
function localPath(f, { ctx, at, said }) {
    const origin = localPathOrigin(f, ctx.requirements, at);
    return new errors/* InputError */.dz(`${prefix(origin)}a local path in the requirements is not there inside ${ctx.image}${said(f.message)}`, 'resolve runs pip inside the base image, where your checkout is not: install local projects in the Dockerfile, or use resolve mode "off"', placed(origin));
}
function buildFailed(f, { ctx, said }) {
    const line = lineNaming(ctx, f.requirement);
    const what = f.requirement ? `"${(0,redact/* redactUrls */.sK)(f.requirement)}"` : 'a requirement';
    return new errors/* CheckFailedError */.CO(`${prefix(line?.origin)}pip could not build ${what} from source inside ${ctx.image} (its build step failed while pip read its metadata; not a dependency conflict)${said(f.message)}`, 'that release has no wheel for this platform and Python, so pip builds it and its build needs what the base image lacks (a compiler, nvcc, torch): use a release or base image with a wheel, or a base image with its build requirements', placed(line?.origin));
}
/** A URL as a line to compare: no VCS prefix, login, revision (`@v1.0` after the path) or fragment. */
const repoOf = (url) => url
    .replace(/^[a-z]+\+/, '')
    .replace(/#.*$/, '')
    .replace(/^([a-z]+:\/\/)[^/]*@/, '$1')
    .replace(/(\/[^/@]*)@[^/]*$/, '$1')
    .replace(/\/$/, '');
/**
 * The requirement line of a VCS command pip ran: by the project pip was collecting ("Collecting
 * mypkg@ git+https://..."), else by its URL (as the command got it, without its login), else the
 * one line with a VCS URL.
 */
function vcsLine(ctx, requirement, url) {
    const named = requirement !== undefined && !requirement.includes('://') ? lineNaming(ctx, requirement) : undefined;
    if (named)
        return named;
    const vcs = ctx.requirements.filter((r) => r.url !== undefined && /^(?:git|hg|svn|bzr)\+/.test(r.url));
    const at = url ?? requirement;
    return ((at?.includes('://') ? vcs.find((r) => repoOf(r.url) === repoOf(at)) : undefined) ??
        (vcs.length === 1 ? vcs[0] : undefined));
}
/** The base image has no git (hg, svn, bzr) for a `pkg @ git+https://...` line: exit 2, what to change. */
function vcsMissing(f, { ctx, said }) {
    const line = vcsLine(ctx, f.requirement);
    return new errors/* InputError */.dz(`${prefix(line?.origin)}pip needs ${f.command} to install a ${f.command}+ URL requirement, and the base image ${ctx.image} has no ${f.command}${said(f.message)}`, `install ${f.command} in the base image (its Dockerfile: apt-get install ${f.command}, say), or ask for the project as a wheel: from an index, or by its wheel's URL (NAME @ https://.../NAME-1.0-py3-none-any.whl)`, placed(line?.origin));
}
/**
 * A VCS command pip ran failed (`git clone`: credentials, a host out of reach; `git checkout`: a
 * revision the repository lacks): exit 3 (2 for the revision), the URL without its login.
 */
function vcsFailed(f, { ctx, said }) {
    const line = vcsLine(ctx, f.requirement, f.url);
    const url = f.url !== undefined ? ` of ${(0,redact/* shownUrl */.zA)(f.url)}` : '';
    const why = f.said.length > 0 ? `: ${(0,redact/* redactUrls */.sK)(f.said.join('; '))}` : '';
    const msg = `${prefix(line?.origin)}${f.command} ${f.subcommand}${url} failed inside ${ctx.image}${why}${said(f.message)}`;
    if (f.subcommand === 'checkout')
        return new errors/* InputError */.dz(msg, "check the revision after the URL's @ on that line: a branch, tag or commit the repository has", placed(line?.origin));
    return new errors/* EnvironmentError */.eG(msg, `check the URL, and that ${ctx.image} can reach its host; a private repository needs its token in the URL, as a \${NAME} reference in place of the user name, with NAME listed in build.secrets; or ask for the project as a wheel instead${bridgeHint(ctx)}${vmHint(ctx)}`, placed(line?.origin));
}
/**
 * The error for a failed pip run that is not a conflict (undefined for a conflict): pip's own
 * message, redacted, with the requirement line's origin. Pure.
 */
function pipFailureError(pipOut, ctx) {
    // A line of the -c files' text is named by its own file and line before anything reads a line
    // number: line N there is not line N of the requirements.
    const out = withConstraintOrigins(pipOut, ctx.constraintOrigins ?? []);
    // The hosts whose login pip has (in the URL or its netrc file: input.ts runIndexes).
    const urls = [ctx.indexes.indexUrl ?? '', ...ctx.indexes.extraIndexUrls];
    const loginHosts = new Set(urls.flatMap((u) => /^\w[\w+.-]*:\/\/[^/?#]*@([^/:?#]*)/.exec(u)?.[1] ?? []));
    const f = classifyPipFailure(out, loginHosts);
    const b = blame(out, ctx);
    switch (f.kind) {
        case 'conflict':
            return undefined;
        case 'invalid-requirement':
            return failure_invalidRequirement(f, b);
        case 'direct-url':
            return directUrl(f, b);
        case 'hash':
            return hashFailure(f, b);
        case 'local-path':
            return localPath(f, b);
        case 'build-failed':
            return buildFailed(f, b);
        case 'vcs-missing':
            return vcsMissing(f, b);
        case 'vcs-failed':
            return vcsFailed(f, b);
        case 'unreachable':
            return unreachable(f, b);
        case 'no-match':
            return noMatch(f, b);
        case 'refused':
            return refused(f, b);
        case 'other':
            return new errors/* CheckFailedError */.CO(`pip failed in ${ctx.image} (not a dependency conflict)${b.said(f.message)}`, "see pip's message above");
    }
}

;// CONCATENATED MODULE: ./src/resolve/transient.ts
// Whether a failed pip run is worth one more, at pip's debug level: an index that failed (5xx past
// pip's retries, a reset, a timeout, a refused connection), or "from versions: none" that may be
// one. Pure.


/**
 * The line where pip logged trouble with the network: an index that failed (5xx past its retries,
 * a reset, a timeout), one out of reach, or a request it retried ("WARNING: Retrying (Retry(...))
 * after connection broken by ..."), trimmed.
 */
function networkTrouble(out) {
    return (transientIndexError(out) ??
        indexUnreachable(out) ??
        out
            .split(/\r?\n/)
            .find((l) => /Retrying \(Retry\(|\bConnectionError\b/.test(l))
            ?.trim());
}
/**
 * A failure worth one more run: 5xx, resets, timeouts, refused connections, retries (pip logged
 * them), or "versions: none", which an index that failed or refused pip shows alike. Not even when
 * the same index gave pip another project in this run: pip logs a project page that failed (a 502,
 * which it does not retry, or a 403 for that project) only at its debug level, so "(from versions:
 * none)" after a project it found still may be the index's fault, and only the rerun tells.
 */
function looksTransient(out) {
    if (/ResolutionImpossible|DO NOT MATCH THE HASHES|Invalid requirement/.test(out))
        return false;
    if (networkTrouble(out) !== undefined)
        return true;
    return /\(from versions: none\)/.test(out);
}
/**
 * Why a run is tried once more, redacted and short (for a progress line, which adds "; trying once
 * more"): the line of pip's output that says how the index failed, else what "versions: none" may be.
 */
function transientSummary(out) {
    const failed = networkTrouble(out);
    if (failed !== undefined)
        return `the package index failed (${(0,redact/* redactUrls */.sK)(failed).slice(0, 200)})`;
    const missing = noMatchingDistribution(out);
    const what = missing ? `"${(0,redact/* redactUrls */.sK)(missing).slice(0, 100)}"` : 'a requirement';
    return `no versions of ${what} found: a name the index lacks, or an index that failed or refused pip's login, which pip tells apart only at its debug level`;
}

;// CONCATENATED MODULE: ./src/resolve/workspace.ts
// The resolver's workspace: one container of the base image (for the target platform) with a
// directory of files, where pip dry runs and the Python helper run. pip's cache is reused across
// the runs. Every answer that comes back from the container is parsed here (zod), never cast.








const PipSchema = schemas/* object */.Ikc({ rc: schemas/* number */.aig(), stdout: schemas/* string */.YjP(), stderr: schemas/* string */.YjP() });
const RunOutputSchema = schemas/* object */.Ikc({
    snapshot: schemas/* unknown */.L5J().optional(),
    pip: PipSchema.optional(),
    analysis: AnalysisSchema.optional(),
    held: schemas/* object */.Ikc({ pip: PipSchema, analysis: AnalysisSchema.optional() }).optional(),
    timing: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* number */.aig()).optional(),
});
/** pip's options on every dry run (its report path comes after). */
const PIP_OPTIONS = [
    // pip retries 5xx answers and broken connections itself (backoff 0.25 s, doubling).
    '--retries',
    '3',
    '--timeout',
    '15',
];
function pipWorkspace(session, opts) {
    const mask = opts.mask ?? ((t) => t);
    const attempt = helperAttempt(session, opts);
    const settle = (first, report, extra, env = {}) => settleRun(opts, first, () => attempt(report, ['-v', ...extra], { env: { ...env, ...DEBUG } }));
    const runPip = async (report, extra, env) => {
        const r = await session.exec([
            'python3',
            '-m',
            'pip',
            'install',
            '--dry-run',
            ...PIP_OPTIONS,
            '--report',
            `${DIR}/${report}`,
            ...(opts.preinstalled ?? []),
            ...extra,
            ...(opts.after ?? []),
        ], { env: { ...opts.pipEnv, ...env } });
        return { run: { ok: r.exitCode === 0, out: mask(`${r.stdout}\n${r.stderr}`) } };
    };
    return {
        session,
        image: opts.image,
        put: (files) => session.putFiles(DIR, files),
        async dryRun(report, extra, env = {}, o = {}) {
            const first = await runPip(report, extra, env);
            const again = () => runPip(report, ['-v', ...extra], { ...env, ...DEBUG });
            return (await settleRun(opts, first, again, o.failure ?? 'throw')).run;
        },
        async helper(schema, args) {
            const r = await session.exec(['python3', `${DIR}/helper.py`, ...args]);
            return parseHelperOutput(schema, r, opts.image, mask);
        },
        attempt,
        settle,
        async analyzedRun(report, extra, env = {}, o = {}) {
            const again = () => attempt(report, ['-v', ...extra], { env: { ...env, ...DEBUG } });
            return settleRun(opts, await attempt(report, extra, { env }), again, o.failure ?? 'throw');
        },
    };
}
/**
 * The retry's verbosity with its `-v`: -vv, pip's debug level, where alone it reports an index page
 * it was refused ("Could not fetch URL ...: 401 Client Error": a wrong or expired token, which it
 * otherwise shows as "from versions: none"). The helper's held run drops its `-v` (held_args),
 * not this.
 */
const DEBUG = { PIP_VERBOSE: '1' };
/**
 * A dry run's rules: an index that answered 5xx (or nothing) past pip's own retries gets one more
 * try, at debug level, because pip reports a failing index page ("Could not fetch URL") only there;
 * a failure that is not a conflict is thrown as pip reported it (pipFailureError), unless ON_FAILURE
 * is 'return'.
 */
async function settleRun(opts, first, again, onFailure = 'throw') {
    let a = first;
    if (!a.run.ok && looksTransient(a.run.out)) {
        opts.onRetry(transientSummary(a.run.out));
        a = await again();
    }
    if (a.run.ok || onFailure === 'return')
        return a;
    const failure = pipFailureError(a.run.out, opts.failure);
    if (failure)
        throw failure;
    return a;
}
/** One `helper.py run` in the session: pip's environment through the exec, never argv. */
function helperAttempt(session, opts) {
    return async (report, extra, o = {}) => {
        const env = { ...opts.pipEnv, ...o.env };
        const t = Date.now();
        const r = await session.exec([
            'python3',
            `${DIR}/helper.py`,
            'run',
            `${DIR}/${report}`,
            ...(o.snapshot ? ['--snapshot'] : []),
            ...(o.held ? ['--held'] : []),
            '--',
            ...PIP_OPTIONS,
            ...(opts.preinstalled ?? []),
            ...extra,
            ...(opts.after ?? []),
        ], {
            env: {
                ...env,
                // The names added for pip: the snapshot leaves them out (it records the image's own).
                ML_IMAGE_RUN_ENV: Object.keys(env).join(','),
                ...(opts.pipCache !== undefined && { ML_IMAGE_PIP_CACHE: opts.pipCache }),
            },
        });
        const a = attemptOf(r, opts.image, o.snapshot === true, opts.mask);
        opts.onAttempt?.(report, a, Date.now() - t);
        return a;
    };
}
/**
 * What `helper.py run` answered. With a snapshot, a helper that could not start (no python3) or
 * could not look (old pip) comes back as the snapshot's answer, for parseSnapshot to judge.
 */
function attemptOf(r, image, withSnapshot, mask = (t) => t) {
    const asSnapshot = (stdout) => ({
        run: { ok: false, out: '' },
        analysis: undefined,
        seconds: { pip: 0, analysis: 0 },
        snapshot: { ...r, stdout },
    });
    let json;
    try {
        json = JSON.parse(r.stdout);
    }
    catch {
        if (withSnapshot)
            return asSnapshot(r.stdout);
        throw helperFailed(r, image, undefined, mask);
    }
    const out = parseHelperOutput(RunOutputSchema, r, image, mask);
    const seconds = { pip: out.timing?.pip ?? 0, analysis: out.timing?.analysis ?? 0 };
    const snapshot = withSnapshot
        ? { ...r, stdout: out.snapshot !== undefined ? JSON.stringify(out.snapshot) : r.stdout }
        : undefined;
    if (out.pip === undefined) {
        if (snapshot !== undefined)
            return { ...asSnapshot(snapshot.stdout), snapshotSeconds: out.timing?.snapshot ?? 0 };
        throw helperFailed(r, image, `no pip run in ${JSON.stringify(json).slice(0, 200)}`, mask);
    }
    const t = out.timing ?? {};
    const held = out.held && analyzed(out.held, { pip: t['held pip'] ?? 0, analysis: t['held analysis'] ?? 0 });
    return {
        ...analyzed({ pip: out.pip, analysis: out.analysis }, seconds),
        ...(snapshot !== undefined && { snapshot, snapshotSeconds: t.snapshot ?? 0 }),
        ...(held !== undefined && { held }),
    };
    function analyzed(o, secs) {
        if (o.pip.rc === 0 && o.analysis === undefined)
            throw helperFailed(r, image, 'no analysis of the report', mask);
        return {
            // stdout and stderr together, as a separate `python3 -m pip` printed them.
            run: { ok: o.pip.rc === 0, out: mask(`${o.pip.stdout}\n${o.pip.stderr}`) },
            analysis: o.pip.rc === 0 ? o.analysis : undefined,
            seconds: secs,
        };
    }
}
/** The helper's JSON answer, checked against its schema; anything else is the helper failing. */
function parseHelperOutput(schema, r, image, mask = (t) => t) {
    let json;
    try {
        json = JSON.parse(r.stdout);
    }
    catch {
        throw helperFailed(r, image, undefined, mask);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
        throw helperFailed(r, image, (0,issues/* formatIssues */.og)(parsed.error, json, schema).join('; '), mask);
    return parsed.data;
}
function helperFailed(r, image, problem, mask = (t) => t) {
    const said = mask(problem ?? (r.stderr || r.stdout).trim().slice(-500));
    // Killed by the cleanup of SIGINT/SIGTERM/SIGHUP (exit 137): the interrupt, not the helper.
    return ((0,cleanup/* interruptedFailure */.rn)(`the resolver helper in ${image}`, `exit ${r.exitCode}`) ??
        new errors/* CheckFailedError */.CO(`the resolver helper failed in ${image} (exit ${r.exitCode}): ${said}`));
}

;// CONCATENATED MODULE: ./src/resolve/steps/snapshot.ts
// Step 1, snapshot: what the base image ships (pip inspect, its constraint file, PIP_* env), from
// the cache by image digest, or from the helper in the container: by its own command when the
// cache will keep it, else in the same python process as the plain dry run; and the pins that
// hold it.










/** The constraints file of what the build installs first (torch==VERSION), in the workspace. */
const PREINSTALLED_FILE = 'preinstalled.txt';
/** The requirements file that adds the torch index (input.ts torchIndexArgs), in the workspace. */
const TORCH_INDEX_FILE = 'torch-index.txt';
function cachedSnapshot(o) {
    const key = o.digest !== undefined && o.cache !== undefined ? snapshotKey(o.digest, o.platform) : undefined;
    const hit = cachedJson(o.cache, key, SnapshotSchema);
    return { ...(key !== undefined && { key }), ...(hit !== undefined && { hit }) };
}
/**
 * Put the helper and the requirements into the workspace; with a cached snapshot also the
 * snapshot and the pins that hold the base (all in one archive), and return the base.
 */
async function prepareWorkspace(ws, o, cached) {
    const files = {
        'helper.py': HELPER_PY,
        'requirements.txt': `${o.requirementsText}\n`,
        ...(o.preinstalled?.length && {
            [PREINSTALLED_FILE]: `${o.preinstalled.join('\n')}\n`,
            [TORCH_INDEX_FILE]: TORCH_INDEX_FILE_TEXT,
        }),
        ...(o.userConstraints && { [USER_CONSTRAINTS_FILE]: o.userConstraints }),
        ...(o.netrc && { [NETRC_FILE]: o.netrc }),
    };
    if (cached.hit === undefined) {
        await ws.put(files);
        return undefined;
    }
    o.say(`base snapshot from the cache (${(o.digest ?? '').slice(0, 19)})`);
    const base = baseOf(cached.hit.value, o);
    await ws.put({ ...files, 'snapshot.json': cached.hit.text, 'base-constraints.txt': base.basePins });
    return base;
}
/**
 * A snapshot the cache will keep under the base's digest, taken by its own command before any
 * pip run: the requirements' code (an sdist's setup.py, run while pip builds its metadata) could
 * otherwise write into the answer of the process it runs under (its parent's stdout is within
 * reach in /proc), and a run of other requirements (another branch's) would later read that
 * answer as what the digest ships. Nothing but the image's own code has run in the container
 * then, and the container runs the digest itself (base.ts), so what is kept under a digest is
 * what that digest ships. Written to snapshot.json with its pins, as a cached one is.
 */
async function ownSnapshot(ws, o, cached) {
    const run = await ws.session.exec(['python3', `${DIR}/helper.py`, 'snapshot']);
    const snap = parseSnapshot(run, o.image);
    if (cached.key !== undefined)
        o.cache?.set(cached.key, run.stdout);
    const base = baseOf(snap, o);
    await ws.put({ 'snapshot.json': run.stdout, 'base-constraints.txt': base.basePins });
    return base;
}
/**
 * The snapshot the helper took (in the same process as the plain dry run: it stays in the
 * container as snapshot.json, for the analyses), and the pins that hold it. Never cached: the
 * requirements' code ran in that process too (see ownSnapshot).
 */
async function takenSnapshot(ws, o, run) {
    const snap = parseSnapshot(run, o.image);
    const base = baseOf(snap, o);
    await ws.put({ 'base-constraints.txt': base.basePins });
    return base;
}
function baseOf(snap, o) {
    o.say(`base has ${snap.installed.length} Python distributions (python ${snap.python.version}, pip ${snap.pipVersion ?? 'unknown'})`);
    const decisions = pinDecisions(snap.installed);
    const basePins = constraintsText(decisions, `ml-image resolve: pins of ${o.image} (${o.platform})`);
    return { snap, decisions, basePins };
}
/** The helper's snapshot: a base that cannot be looked at (no python3, old pip) is exit 2. */
function parseSnapshot(run, image) {
    noPython(run, image);
    const { error } = parseHelperOutput(SnapshotErrorSchema.partial(), run, image);
    if (error !== undefined)
        throw new errors/* InputError */.dz(`${image}: ${error}`, 'resolve needs python3 and pip >= 22.2 in the base image: use such a base, or resolve mode "off"');
    return parseHelperOutput(SnapshotSchema, run, image);
}
/**
 * The image has no python3 (or no shell to start it): a clear exit 2, not "helper failed". After
 * SIGINT/SIGTERM/SIGHUP a failed start is the cleanup's doing (the container removed under the
 * exec: "cannot exec in a stopped state", "ttrpc: closed"): the interrupt, exit 130/143/129.
 */
function noPython(r, image) {
    if (r.exitCode === 0)
        return;
    const stopped = (0,cleanup/* interruptedFailure */.rn)(`the resolver helper in ${image}`, execEnding(r));
    if (stopped)
        throw stopped;
    const text = `${r.stderr}\n${r.stdout}`;
    if (r.exitCode === 127 ||
        r.exitCode === 126 ||
        /python3: (not found|No such file)|executable file not found|no such file or directory/i.test(text)) {
        throw new errors/* InputError */.dz(`${image} has no python3 (${text.trim().split('\n')[0].slice(0, 200)}): resolve needs python3 and pip in the base image`, 'use a base image with python3 and pip (e.g. python:3.12-slim), or set resolve mode "off"');
    }
}

;// CONCATENATED MODULE: ./src/resolve/network.ts

/** Hosts that name this machine itself (WHATWG URL's hostname: IPv4 in any notation is normalized). */
function isLoopbackHost(hostname) {
    const h = hostname
        .toLowerCase()
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, '');
    if (h === 'localhost' || h.endsWith('.localhost'))
        return true;
    // 0.0.0.0 and :: connect to this machine on Linux.
    if (h === '0.0.0.0' || h === '::' || h === '::1')
        return true;
    if (/^127\.\d+\.\d+\.\d+$/.test(h))
        return true;
    // IPv4-mapped IPv6 (URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1).
    return /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(h);
}
/**
 * An address rather than a name, as WHATWG URL's hostname writes one (brackets taken off): IPv4 in
 * any notation comes out dotted-decimal, and only an IPv6 address holds a colon.
 */
const isIpAddress = (hostname) => hostname.includes(':') || /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
/** `${NAME}` expanded from pip's environment, as pip expands it (an unknown name stays as it is). */
const expand = (url, env) => url.replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, name) => env[name] ?? whole);
/**
 * The URLs in a text (a scheme, "://", up to a blank or a quote), as /[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi
 * finds them. That one tried each letter of a long run of scheme characters as a start and ran to
 * the run's end from each: quadratic. Here a match starts only where such a run starts (the
 * lookbehind), skips the run's leading digits and signs, and takes the rest from its first letter:
 * the same URLs, in linear time.
 */
function urlsInText(text) {
    return [...text.matchAll(/(?<![a-z0-9+.-])[0-9+.-]*([a-z][a-z0-9+.-]*:\/\/[^\s'"]+)/gi)].map((m) => m[1]);
}
/** The URLs pip may fetch: the indexes and every URL in the requirements (find-links, direct URLs). */
function urlsPipMayReach(input) {
    const env = input.pipEnv ?? {};
    const ix = shownIndexes(input);
    const inText = urlsInText(expand(pipReadText(input), env));
    return [...(ix.indexUrl !== undefined ? [ix.indexUrl] : []), ...ix.extraIndexUrls]
        .map((u) => expand(u, env))
        .concat(inText);
}
/** The first URL pip may fetch from this machine's loopback, its host shown (no credentials). */
function loopbackUrl(input) {
    for (const u of urlsPipMayReach(input)) {
        let url;
        try {
            url = new URL(u);
        }
        catch {
            continue; // not a URL pip could fetch either
        }
        if (/^(https?|ftp):$/.test(url.protocol) && isLoopbackHost(url.hostname))
            return url.host;
    }
    return undefined;
}
/**
 * The resolver's network, and why: `host` when the build runs on the host's network or pip must
 * reach this machine's loopback, else `bridge`. Only what the inputs ask for, never what the base
 * image's own environment (its PIP_INDEX_URL) names.
 */
function resolverNetwork(input, buildNetwork) {
    if (buildNetwork === 'host')
        return { network: 'host', reason: 'build.network is host: the same network as the build' };
    const loopback = loopbackUrl(input);
    if (loopback !== undefined)
        return { network: 'host', reason: `pip must reach ${loopback} on this machine's loopback` };
    return { network: 'bridge', reason: 'no index on this machine' };
}
/**
 * Whether the Docker engine runs in a VM, whose host network is the VM's own and whose loopback is
 * not this machine's: on macOS and native Windows (no Linux containers run natively there: Docker
 * Desktop, colima, OrbStack, Rancher Desktop each run a Linux VM), and on Linux with Docker
 * Desktop's context, desktop-linux (Docker Desktop for Linux runs a VM too). There `--network host`
 * reaches the VM's loopback, not a devpi on this machine's (docs.docker.com
 * engine/network/drivers/host: host networking is Docker Engine on Linux's, and Docker Desktop's
 * only from 4.34, opted into under Settings > Resources > Network > "Enable host networking").
 * PLATFORM: process.platform's value; CONTEXT: the current Docker context's name (docker/context.ts).
 */
const engineInVm = (platform, context) => platform === 'darwin' || platform === 'win32' || context === 'desktop-linux';

;// CONCATENATED MODULE: ./src/resolve/pip-cache.ts
// pip's HTTP cache across resolver runs: a named Docker volume, mounted read-write into the
// resolver's container and used by pip (PIP_CACHE_DIR) when the image's user may write there.
// Nothing removes it (docker volume rm does).
//
// Whose it is. Code runs in that container with the volume writable: the base image's own (its
// python, a sitecustomize) and the requirements' (an sdist's setup.py while pip builds its
// metadata), both of which a pull request may choose. Such code can plant answers in the cache
// (an index page listing only an old release, an sdist of its own) that every later run mounting
// the same volume reads. So a volume is bound to:
// - the base image that runs: its registry digest when it is the registry's image, else its local
//   image id (base.ts), so one base's code never feeds another base's resolution; and
// - on GitHub Actions, the repository and whether the run may build a pull request's code (any
//   event but push, schedule, workflow_dispatch, merge_group and release, or GITHUB_HEAD_REF set:
//   pull_request_target, and workflow_run or issue_comment workflows that check out a pull
//   request, count too), so a pull request's requirements never feed a branch's resolution on a
//   shared self-hosted runner (a pull request may still feed another's).
// The price: no sharing between bases. A new base digest starts with an empty cache, and volumes
// add up, one per base, index set and scope. Nothing removes them, those of the earlier naming
// (keyed by the index URLs only, never mounted again: the names differ, `-v2-`) included; every
// one carries PIP_CACHE_LABEL, so `docker volume ls -q --filter label=PIP_CACHE_LABEL | xargs -r
// docker volume rm` removes them all (docs/build.md).
//
// It never holds credentials, nor what only they open: an index URL with userinfo, any other URL in
// the requirements with one (a --find-links page, a direct URL), or a ${NAME} reference there (it
// may expand to a token, in a URL's userinfo or query) gets no cache volume at all, because pip's
// cache keeps private pages and wheels, and request headers named by a server's Vary (Authorization
// among them); the name is a hash of the redacted URLs. pip caches only https and
// --trusted-host answers, so no volume is made for plain-http indexes.





/** Where the volume is mounted in the resolver's container. */
const PIP_CACHE_DIR = '/var/cache/ml-image-resolve-pip';
const PIP_CACHE_LABEL = 'io.github.ml-image-action.cache';
/** The base image (digest or image id) a volume belongs to, as a label on it. */
const PIP_CACHE_BASE_LABEL = 'io.github.ml-image-action.cache-base';
/** Every volume name starts so; the earlier naming had no `v2-`, so none of those is reused. */
const PIP_CACHE_PREFIX = 'ml-image-resolve-pip-cache-v2-';
const PYPI = 'https://pypi.org/simple';
/**
 * The index URLs a cache volume is for; undefined when one of them carries credentials, or when
 * pip would cache nothing (it caches answers from https and --trusted-host indexes only: a
 * plain-http index, a local one on a random port above all, gets no volume).
 */
function pipCacheUrls(input) {
    const ix = shownIndexes(input);
    const urls = [ix.indexUrl ?? PYPI, ...ix.extraIndexUrls];
    if (urls.some(mayCarryCredentials))
        return undefined;
    // pip fetches the requirements' own URLs too: --find-links pages, direct URLs (pkg @ https://...).
    const text = pipReadText(input);
    if (text.includes('${') || urlsInText(text).some(mayCarryCredentials))
        return undefined;
    const trusted = /(^|\s)--trusted-host\b/.test(input.requirements.text);
    if (!trusted && !urls.some((u) => /^https:\/\//i.test(u)))
        return undefined;
    return urls.map((u) => (0,redact/* redactUrls */.sK)(u));
}
/** The cache volume for these inputs' indexes and this base and scope (undefined as pipCacheUrls). */
function pipCacheVolume(input, binding) {
    const urls = pipCacheUrls(input);
    if (urls === undefined)
        return undefined;
    const key = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify({ base: binding.base, scope: binding.scope, urls }))
        .digest('hex')
        .slice(0, 16);
    return {
        name: `${PIP_CACHE_PREFIX}${key}`,
        target: PIP_CACHE_DIR,
        labels: { [PIP_CACHE_LABEL]: 'pip-http', [PIP_CACHE_BASE_LABEL]: binding.base },
    };
}
/**
 * The run's trust scope: on GitHub Actions the repository, and `untrusted` for a run that may
 * build a pull request's code (mayBuildPullRequestCode over the run's EVENT facts: the one rule for
 * the cache, the push tag and the baseline) or
 * `branch` for any other; elsewhere (a workstation, another CI) empty.
 */
function pipCacheScope(env, event = {}) {
    if (env.GITHUB_ACTIONS !== 'true')
        return '';
    return `${env.GITHUB_REPOSITORY ?? ''} ${(0,pull_request_code/* mayBuildPullRequestCode */.HE)(env, event) ? 'untrusted' : 'branch'}`;
}
/**
 * Userinfo in the URL (user@ or user:password@), another credential redactUrls masks (`?token=`,
 * Anaconda's `/t/<token>/`), or a ${NAME} pip would expand.
 */
function mayCarryCredentials(url) {
    return url.includes('${') || (0,redact/* redactUrls */.sK)(url) !== url || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
}

;// CONCATENATED MODULE: ./src/resolve/base.ts


/** What the resolver's container runs: the platform's own manifest of a registry pin, else ref. */
const runRef = (pinned) => pinned.platformRef ? pinned.platformRef() : Promise.resolve(pinned.ref);
/** REPOSITORY@DIGEST of a reference (any tag or digest it had replaced): pure. */
function pinnedRef(image, digest) {
    const name = image.includes('@') ? image.slice(0, image.indexOf('@')) : image;
    const colon = name.lastIndexOf(':');
    return `${colon > name.lastIndexOf('/') ? name.slice(0, colon) : name}@${digest}`;
}
const registryDigest = (docker, image) => docker.imageDigest(image).then((d) => ((0,oci_ref/* isDigest */.Bc)(d) ? d : undefined), () => undefined);
/**
 * The platform's own manifest of a multi-platform DIGEST (an index), when the registry lists it;
 * undefined for a single-platform image (DIGEST is then the platform's). Pure.
 */
function platformManifest(index, platform) {
    const [os, architecture, variant] = platform.split('/');
    const matches = index.platforms.filter((p) => p.os === os && p.architecture === architecture && (variant === undefined || p.variant === variant));
    return matches.find((p) => (0,oci_ref/* isDigest */.Bc)(p.digest))?.digest;
}
/**
 * The registry's image for the platform, pinned: the container runs the platform's own manifest
 * (REPOSITORY@sha256:<platform manifest>). Run by the index digest, the engine would take an image
 * of another platform that it holds under that digest (a pull of the index for amd64 names the
 * amd64 image by it) and refuse the run ("does not match the specified platform"). The caches stay
 * keyed by the digest of the reference (their keys name the platform too).
 */
function registryPin(docker, image, platform, digest) {
    const ref = pinnedRef(image, digest);
    const platformRef = async () => {
        const index = await docker.imagetoolsInspect(ref).catch(() => undefined);
        const own = index !== undefined && index.platforms.length > 0 ? platformManifest(index, platform) : undefined;
        return pinnedRef(image, own ?? digest);
    };
    return { ref, key: digest, platformRef };
}
/**
 * The local image as pinned: run by its id, keyed by the registry digest when it is that digest's
 * image (its RepoDigests name it: pulled from there), else by its id. Pure.
 */
function localPin(image, local, digest) {
    if (!(0,oci_ref/* isDigest */.Bc)(local.id))
        return { ref: image };
    if (digest !== undefined && local.repoDigests.some((r) => r.endsWith(`@${digest}`)))
        return { ref: local.id, key: digest };
    return {
        ref: local.id,
        key: local.id,
        ...(digest !== undefined && {
            note: `the image this machine holds under ${image} (${local.id.slice(0, 19)}) is not the registry's (${digest.slice(0, 19)}): resolving against the local one, which the build uses too (build.pull: true resolves and builds against the registry's)`,
        }),
    };
}
/** `os/architecture` of a local image, as the platforms are written. */
const platformOf = (d) => `${d.os}/${d.architecture}`;
/**
 * The base the build will use (see the top of this file), pinned as far as it is needed: `pull`,
 * the registry's image by digest; else, when a cache needs a key (`keyed`), the engine's own image
 * under the tag for the platform by its id, or, with none here, the registry's by digest; else the
 * reference as given, which the engine runs the same way (its own image for the platform, else a
 * pull). A lookup that fails leaves the reference as given (nothing is cached under it then):
 * starting the container reports a missing image itself.
 */
async function pinBase(docker, base, keyed) {
    if (base.pull) {
        const digest = await registryDigest(docker, base.image);
        if (digest !== undefined)
            return registryPin(docker, base.image, base.platform, digest);
        // No answer from the registry: the build's pull will fail and say why; resolve what is here.
    }
    if (!keyed)
        return { ref: base.image };
    const [local, digest] = await Promise.all([
        docker.inspectLocalImage(base.image).catch(() => undefined),
        registryDigest(docker, base.image),
    ]);
    if (local !== undefined && platformOf(local) === base.platform)
        return localPin(base.image, local, digest);
    // None here for the platform: the build pulls the registry's, and so does the resolver.
    if (digest !== undefined)
        return registryPin(docker, base.image, base.platform, digest);
    return { ref: base.image };
}
/** What an engine's pull says when the registry refuses it: 401, 403, denied, no credentials. */
const PULL_REFUSED = /\b40[13]\b|unauthori[sz]ed|forbidden|\bdenied\b|authentication required|no basic auth credentials/i;
/**
 * A pull of the base that the registry refused, as an environment problem (exit 3) with the fix;
 * any other error as it is. The engine's pull (images.ts) sends no credentials: a private base
 * fails there even where the docker CLI and buildx (which send the user's) succeed, and the
 * engine reports it as a bad reference (exit 2). Pulled with the docker CLI first, the image is
 * local and the resolver pulls nothing. Pure.
 */
function basePullError(e, ref, platform) {
    if (!(e instanceof errors/* InputError */.dz))
        return e;
    const said = /^cannot pull image \S+: ([\s\S]*)$/.exec(e.message)?.[1];
    if (said === undefined || !PULL_REFUSED.test(said))
        return e;
    const host = ref.startsWith('sha256:') ? 'REGISTRY' : (0,oci_ref/* parseImageRef */.Q)(ref).registry;
    return new errors/* EnvironmentError */.eG(`${e.message}\nthe registry refused the pull of the base image: it needs a credential, and the resolver pulls through the Docker engine's API, which sends none`, `log in with a credential that may read it ("docker login ${host}"; in GitHub Actions docker/login-action) and pull it with the docker CLI, which sends that credential: "docker pull --platform ${platform} ${ref}"; the resolver then runs the local image. Some registries refuse a misspelled reference the same way: check it too`, { cause: e });
}

;// CONCATENATED MODULE: ./src/resolve/network-lookup.ts
// The resolver's network as the stage chooses it: network.ts's pure choice, and one more case it
// cannot see: an index (or --find-links, or direct URL) named by a host name that this machine's
// resolver answers with a loopback address (a name in /etc/hosts for 127.0.0.1, Debian's 127.0.1.1
// line for the machine's own name). From Docker's bridge such a name leads nowhere (the container
// has its own /etc/hosts, and its own loopback), so pip must run on the host's network there too.
// The name is looked up through an injected function (HostLookup: this machine's resolver, which the
// composition roots supply, src/docker/host-lookup.ts); a lookup that fails, or takes too long
// (the system's gives up after 5 s), changes nothing.


/**
 * The hosts worth a lookup, each once: the URLs pip may fetch (http, https, ftp) that name a host,
 * not an address and not a name network.ts already knows as loopback. host: as shown (with the
 * port, never credentials); name: what is looked up. Pure.
 */
function namedHosts(input) {
    const seen = new Map();
    for (const u of urlsPipMayReach(input)) {
        let url;
        try {
            url = new URL(u);
        }
        catch {
            continue;
        }
        const name = url.hostname.replace(/^\[|\]$/g, '');
        if (!/^(https?|ftp):$/.test(url.protocol) || name === '' || isIpAddress(name) || isLoopbackHost(name))
            continue;
        if (!seen.has(name))
            seen.set(name, url.host);
    }
    return [...seen].map(([name, host]) => ({ host, name }));
}
/** The first named host that this machine resolves to a loopback address, and that address. */
async function loopbackName(input, lookup) {
    for (const { host, name } of namedHosts(input)) {
        const addresses = await lookup(name).catch(() => []);
        const address = addresses.find((a) => isLoopbackHost(a));
        if (address !== undefined)
            return { host, address };
    }
    return undefined;
}
/**
 * The resolver's network, and why: network.ts's choice, and `host` too when a host name pip must
 * reach resolves to this machine's loopback.
 */
async function chooseNetwork(input, buildNetwork, lookup) {
    const pure = resolverNetwork(input, buildNetwork);
    if (pure.network === 'host')
        return pure;
    const found = await loopbackName(input, lookup);
    if (found === undefined)
        return pure;
    return {
        network: 'host',
        reason: `pip must reach ${found.host}, which this machine resolves to ${found.address} (its loopback)`,
    };
}
/** The current Docker context's name as ENV gives it (docker/context.ts); undefined when unknown. */
function contextName(env) {
    // An environment with neither (a test's) reads no docker config of this machine's home.
    if ((env.DOCKER_CONFIG ?? '') === '' && (env.HOME ?? '') === '')
        return undefined;
    return (0,docker_context/* contextIfAny */.H)(env)?.name;
}
/**
 * What the fix of an unreachable index needs when the resolver's container ran on the host network
 * of an engine in a VM (network.ts engineInVm): the FailureContext's engineVm, with the loopback
 * host pip had to reach (host:port, no credentials) when a URL names one. Undefined for an engine
 * on this machine. PLATFORM and CONTEXT are injected for tests.
 */
function engineVm(input, env, platform = process.platform, context = () => contextName(env)) {
    // The context is read only where the platform leaves the question open (Linux).
    if (!engineInVm(platform, undefined) && !engineInVm(platform, context()))
        return undefined;
    const loopback = loopbackUrl(input);
    return loopback !== undefined ? { loopback } : {};
}

;// CONCATENATED MODULE: ./src/resolve/timing.ts
// The resolver's per-step timing line (--verbose): where one resolution's wall time went.
// Steps: container start, snapshot, plain dry run, held dry run, relax, analysis, container stop (the analysis
// runs inside the dry runs' python processes; its share is reported by the helper).
const ORDER = [
    'container start',
    'snapshot',
    'plain dry run',
    'held dry run',
    'relax',
    'analysis',
    'container stop',
];
class StepTimes {
    seconds = new Map();
    notes = new Map();
    add(step, seconds, note) {
        this.seconds.set(step, (this.seconds.get(step) ?? 0) + seconds);
        if (note !== undefined)
            this.notes.set(step, note);
    }
    note(step, note) {
        this.notes.set(step, note);
    }
    /** Runs fn and adds its wall time to `step`. */
    async time(step, fn) {
        const t = Date.now();
        try {
            return await fn();
        }
        finally {
            this.add(step, (Date.now() - t) / 1000);
        }
    }
    /** `timing: container start 0.31s, snapshot 0.00s (cache), ..., total 1.52s`; `-` for a step not run. */
    line(totalMs) {
        const parts = ORDER.map((s) => {
            const v = this.seconds.get(s);
            const note = this.notes.get(s);
            return `${s} ${v === undefined ? '-' : `${v.toFixed(2)}s`}${note ? ` (${note})` : ''}`;
        });
        return `timing: ${parts.join(', ')}, total ${(totalMs / 1000).toFixed(2)}s`;
    }
}

;// CONCATENATED MODULE: ./src/resolve/resolve.ts
// resolve: find where the user's requirements would change what the base image ships (the NumPy
// <2 vs >=2 class), explain it, and find a plan that holds the base fixed. All pip runs happen in
// ONE container of the base image (pip's HTTP cache kept in a volume across runs), for the target
// platform, in steps: snapshot -> diagnose (the plain dry run) -> hold (base pinned) -> relax
// (blamed pins loosened) -> release (the pins of what breaks nothing dropped) -> explain (when
// nothing fits). Each step is a function with a typed
// result (steps/). The snapshot (when not cached), the plain dry run and its analysis run in ONE
// python process; with the snapshot cached, the held run (when needed) follows in that process.























const STEP_OF = {
    [NAIVE.report]: 'plain dry run',
    [HELD.report]: 'held dry run',
    'relaxed.json': 'relax',
    // The release (steps/release.ts) tries the held run once more, as the relax step does.
    'released.json': 'relax',
};
/** Cache key of a resolution: the base digest and every input that can change pip's answer. */
function resolutionKey(baseDigest, input) {
    // Neither decides pip's answer: the network only reaches the same indexes, and which base runs is
    // in baseDigest (the registry digest, or the local image id, of the image that ran).
    const { network: _network, pull: _pull, ...decisive } = input;
    // snapshot: its format (helper-output.ts): an answer from a snapshot that missed Debian's
    // python3-* packages (format 1) is not reused.
    return `resolution-${(0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify({ baseDigest, decisive, VERSION: src_version/* VERSION */.x, snapshot: 2 }))
        .digest('hex')}`;
}
async function resolveAgainstBase(input, deps) {
    const t0 = Date.now();
    const { env } = deps;
    const limitMs = resolveTimeoutMs(env);
    const progress = deps.progress ?? (() => undefined);
    const say = (line) => progress(`resolve ${input.platform}: ${line}`);
    const times = new StepTimes();
    const netrc = runIndexes(input);
    warnKeptLogins(netrc.kept, progress);
    const pinned = await times.time('container start', () => timedPin(deps.docker, input, deps, times));
    if (pinned.note !== undefined)
        say(pinned.note);
    const earlier = earlierResolution(input, deps, pinned.key, say);
    // Its time is this run's (the lookup), not the earlier run's that made it.
    if (earlier.hit !== undefined)
        return { ...earlier.hit, resolution: { ...earlier.hit.resolution, durationMs: Date.now() - t0 } };
    const { session, volume, network } = await openSession(input, deps, { pinned, env, limitMs, times, say });
    const first = preinstalled(input);
    const userConstraints = userConstraintsText(input);
    // Every dry run: what the build installs first, and the requirements' own -c files (as one).
    const firstArgs = [
        ...preinstalledArgs(input, `${DIR}/${PREINSTALLED_FILE}`),
        ...(userConstraints !== '' ? ['-c', `${DIR}/${USER_CONSTRAINTS_FILE}`] : []),
    ];
    try {
        const ws = pipWorkspace(session, {
            image: input.image,
            pipEnv: pipRunEnv(input),
            // The build's torch step, before the requirements (cpu and cuda templates): asked for too.
            // And the build's constraints hold the -c files' lines (withUserConstraints): so do these.
            ...(firstArgs.length > 0 && { preinstalled: firstArgs }),
            // The torch index, after the requirements: their --index-url line would drop it otherwise.
            after: torchIndexArgs(input, `${DIR}/${TORCH_INDEX_FILE}`),
            mask: pipOutputMask(input, proxyEnv(env)),
            // An engine in a VM (Docker Desktop, colima): its host network misses this machine's loopback.
            failure: {
                ...failureContext(input),
                network,
                engineVm: network === 'host' ? engineVm(input, env) : undefined,
            },
            // The reason says what failed: the index (pip logged how), or no versions of a project found.
            onRetry: (reason) => say(`${reason}; trying once more`),
            ...(volume !== undefined && { pipCache: PIP_CACHE_DIR }),
            onAttempt: (report, a, wallMs) => {
                const step = STEP_OF[report];
                const held = a.held?.seconds;
                const inside = (a.snapshotSeconds ?? 0) + a.seconds.analysis + (held ? held.pip + held.analysis : 0);
                if (a.snapshotSeconds !== undefined)
                    times.add('snapshot', a.snapshotSeconds, 'same process');
                if (step !== undefined)
                    times.add(step, Math.max(0, wallMs / 1000 - inside));
                if (held)
                    times.add('held dry run', held.pip, 'same process');
                times.add('analysis', a.seconds.analysis + (held?.analysis ?? 0));
            },
        });
        const snapshotOptions = {
            image: input.image,
            platform: input.platform,
            requirementsText: input.requirements.text,
            preinstalled: first,
            ...(userConstraints !== '' && { userConstraints }),
            ...(netrc.netrc !== '' && { netrc: netrc.netrc }),
            ...(deps.cache !== undefined && { cache: deps.cache }),
            ...(pinned.key !== undefined && { digest: pinned.key }),
            say,
        };
        const { answer, base } = await answerFor(ws, input, snapshotOptions, times);
        const out = finished(answer, base, input, t0);
        // Only a finished answer is kept: a conflict is worth re-checking next time.
        if (earlier.key !== undefined && out.resolution.status !== 'conflict')
            deps.cache?.set(earlier.key, JSON.stringify(out));
        return out;
    }
    finally {
        // Also after a command ran past its limit: removing the container stops what still runs in it.
        await times.time('container stop', () => session.close());
        if (deps.verbose)
            say(times.line(Date.now() - t0));
    }
}
/**
 * The steps' ANSWER as the stage hands it on: the build's constraints with the requirements' own
 * -c lines, the options that name those lines, the hazards (the steps' own, a base package no pin
 * could hold, then the table's), the constraints' digest, the duration and the explanation.
 */
function finished(answer, base, input, t0) {
    const constraints = withUserConstraints(answer.constraints, input);
    const own = withOwnConstraintOptions(answer.resolution, input, base.basePins, base.snap.environment);
    const resolution = {
        ...own,
        // What provenance names the build's constraints by, when attest runs in another job.
        constraints: { ...own.constraints, sha256: sha256Hex(constraints) },
        hazards: [
            ...answer.resolution.hazards,
            ...findHazards({
                snapshot: base.snap,
                install: answer.resolution.resolved?.install ?? answer.resolution.naive.install,
                platform: input.platform,
                ...(input.variant !== undefined && { variant: input.variant }),
            }),
        ],
        durationMs: Date.now() - t0,
    };
    return { ...answer, constraints, resolution, explanation: renderExplanation(resolution) };
}
/**
 * The base the build will use, pinned (base.ts) as far as it is needed: by the registry digest when
 * the build pulls; else by the local image's id when a cache (the snapshot cache, pip's cache
 * volume) needs a key. Its lookup time is noted on the line.
 */
async function timedPin(docker, input, deps, times) {
    const keyed = deps.cache !== undefined || pipCacheUrls(input) !== undefined;
    const t = Date.now();
    const pinned = await pinBase(docker, input, keyed);
    if (keyed || input.pull)
        times.note('container start', `base digest lookup ${((Date.now() - t) / 1000).toFixed(2)}s`);
    return pinned;
}
/**
 * The resolver's container: the pinned base, hardened (sessions.ts), on the network the inputs
 * need (network-lookup.ts), with pip's cache volume of this base; every command in it limited to
 * limitMs, and the container itself to as many limits as a resolve can run commands. A pull the
 * registry refuses is exit 3 with the fix (basePullError).
 */
async function openSession(input, deps, o) {
    const volume = o.pinned.key !== undefined
        ? pipCacheVolume(input, { base: o.pinned.key, scope: pipCacheScope(o.env, (0,github_event/* readRunEventFacts */.rH)(o.env)) })
        : undefined;
    const net = input.network !== undefined
        ? { network: input.network }
        : await chooseNetwork(input, undefined, deps.lookupHost);
    if (deps.verbose)
        o.say(`container network ${net.network}${'reason' in net ? ` (${net.reason})` : ''}`);
    const commands = maxResolveCommands((0,parse/* requirementNames */.QT)(input.requirements.text).length);
    // A registry pin asks for the platform's own manifest now, when a container is needed.
    const session = await o.times.time('container start', async () => {
        const image = await runRef(o.pinned);
        return deps.docker
            .startSession({
            image,
            platform: input.platform,
            network: net.network,
            env: sessionEnv(o.env),
            labels: { 'io.github.ml-image-action.stage': 'resolve' },
            deadlineMs: sessionDeadlineMs(o.limitMs, commands),
            ...(volume !== undefined && { volumes: [volume] }),
        })
            .catch((e) => {
            throw basePullError(e, image, input.platform);
        });
    });
    return { session: withExecLimit(session, o.limitMs, input), volume, network: net.network };
}
/**
 * Like BuildKit's layer cache for the pip install it feeds: same base digest, requirements,
 * indexes and tool version -> the same answer, until one of them changes. An entry that does not
 * parse is a miss (resolved again, and overwritten). Requirements with a remote -r/-c include are
 * never reused nor kept (the included file can change at its URL). Only `ml-image run` reuses
 * answers (a workstation's cache, never a CI runner's shared one).
 */
function earlierResolution(input, deps, 
/** The base's cache key (PinnedBase.key): its registry digest, or its local image id. */
digest, say) {
    if (!deps.reuse || !deps.cache || digest === undefined)
        return {};
    // The key holds the requirements' text: a file pip fetches from a URL can change without it.
    if ((0,parse/* remoteIncludes */.Ms)(pipReadText(input)).length > 0) {
        say('not reusing an earlier resolution: the requirements include a file from a URL (-r/-c https://...), which can change without them changing');
        return {};
    }
    const key = resolutionKey(digest, input);
    const hit = cachedJson(deps.cache, key, resolve_result/* ResolveOutputSchema */.fj)?.value;
    if (hit === undefined)
        return { key };
    say(`reused the resolution of identical inputs (base ${digest.slice(0, 19)})`);
    return { key, hit };
}
/** snapshot + diagnose -> (check: explain) | hold -> relax -> release -> plan | explain. */
async function answerFor(ws, input, snapshotOptions, times) {
    const say = snapshotOptions.say;
    const cached = cachedSnapshot(snapshotOptions);
    let base = await prepareWorkspace(ws, snapshotOptions, cached);
    if (base !== undefined)
        times.add('snapshot', 0, 'cache');
    else if (cached.key !== undefined) {
        // To be cached: taken by its own command, before any of the requirements' code runs.
        base = await times.time('snapshot', () => ownSnapshot(ws, snapshotOptions, cached));
        times.note('snapshot', 'own process');
    }
    // One python process: the snapshot (when not taken yet), the plain dry run and its analysis,
    // and (with the base's pins already there, mode auto) the held run when the base must be held.
    const first = await ws.attempt(NAIVE.report, NAIVE.args, {
        env: NAIVE.env,
        snapshot: base === undefined,
        held: base !== undefined && input.mode === 'auto',
    });
    base ??= await takenSnapshot(ws, snapshotOptions, first.snapshot ?? emptyExec);
    const diagnosis = diagnosisOf(await ws.settle(first, NAIVE.report, NAIVE.args, NAIVE.env), say);
    const draft = resolutionBase(input, base, diagnosis);
    if (input.mode === 'check' || !diagnosis.naive.ok)
        return {
            base,
            answer: {
                resolution: checkedResolution(draft, diagnosis, snapshotOptions.preinstalled),
                constraints: base.basePins,
                requirements: input.requirements.text,
            },
        };
    const answer = await planOrConflict(ws, draft, {
        base,
        diagnosis,
        done: first.held,
        text: input.requirements.text,
        requested: (0,parse/* requirementNames */.QT)(input.requirements.text),
        preinstalled: snapshotOptions.preinstalled ?? [],
        ownPins: ownExactPins(input.requirements.constraints),
        say,
    });
    return { base, answer };
}
/**
 * RESOLUTION with the options that name the requirements' own -c lines its conflict names first
 * (own-constraints.ts), judged against what the resolver pins itself: the base's packages (PINS)
 * and the variant's torch.
 */
function withOwnConstraintOptions(resolution, input, basePins, environment) {
    const conflict = resolution.conflict;
    if (!conflict || !input.requirements.constraints?.text)
        return resolution;
    const pins = pinsOf([...basePins.split('\n'), ...preinstalled(input)]);
    const own = ownConstraintOptions(conflict.causes, input.requirements.constraints, pins, environment);
    if (own.length === 0)
        return resolution;
    return { ...resolution, conflict: { ...conflict, options: [...own, ...conflict.options] } };
}
const emptyExec = { exitCode: -1, stdout: '', stderr: 'no snapshot' };
const sha256Hex = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
function resolutionBase(input, base, diagnosis) {
    return {
        schemaVersion: resolve_result/* RESOLUTION_SCHEMA_VERSION */.wF,
        image: input.image,
        platform: input.platform,
        mode: input.mode,
        python: base.snap.python.version,
        naive: {
            install: diagnosis.analysis.install.map(({ name, version }) => ({ name, version })),
            replaces: diagnosis.analysis.replaced,
        },
        constraints: {
            pinned: base.decisions.filter((d) => d.pin).length,
            skipped: base.decisions.flatMap((d) => d.skipped !== undefined ? [{ name: d.dist.name, reason: d.skipped }] : []),
        },
    };
}

;// CONCATENATED MODULE: ./src/resolve/stage.ts






const resolvedKey = (variant, platform) => `${variant}/${platform}`;
async function runResolveStage(plan, config, baseDir, deps) {
    const mode = config.resolve.mode;
    if (mode === 'off' || config.python.requirements.length === 0)
        return {};
    const { env } = deps;
    // Lines are checked with only build.secrets filled in: the others are refused just below.
    const requirements = readListedRequirements(config.python.requirements, config.build.secrets, baseDir, env);
    const indexes = pipIndexes(config.python, env);
    const pipEnv = referencedEnv(requirements.envReferences, env);
    const resolved = {};
    for (const v of plan.variants) {
        // plan-check.ts refuses hashed requirements only for the variants dry-run here: one predicate.
        if (!resolverDryRuns(v, mode)) {
            // nvidia/cuda carries no Python: requirements install into a fresh environment next to torch.
            deps.progress(`resolve ${v.name}: skipped (${v.base.ref} has no Python packages to conflict with)`);
            continue;
        }
        for (const platform of v.platforms) {
            const input = {
                image: v.base.ref,
                platform,
                requirements,
                indexes,
                pipEnv,
                mode,
                // The base the build starts from (base.ts): the registry's when it pulls, else this engine's.
                ...((config.build.pull || deps.registryBase === true) && { pull: true }),
                variant: {
                    ...(v.cuda && { cuda: v.cuda.version }),
                    // The build installs torch==version from that index first: the resolver asks for it too.
                    ...(v.torch?.indexUrl && { torchIndexUrl: v.torch.indexUrl, torchVersion: v.torch.version }),
                },
            };
            // bridge unless the build itself uses the host's network or pip must reach this machine's
            // loopback (network.ts), a host name this machine resolves to it included (network-lookup.ts).
            const { network } = await chooseNetwork(input, config.build.network, deps.lookupHost);
            const out = await resolveAgainstBase({ ...input, network }, deps);
            const r = out.resolution;
            for (const m of r.resolved?.moved ?? [])
                deps.progress(`resolve ${v.name} ${platform}: ${m.name} ${m.naive} -> ${m.resolved}, ${m.reason}`);
            for (const h of r.hazards)
                deps.progress(`warning: ${v.name} ${platform}: ${h.message} (fix: ${h.fix})`);
            if (r.status === 'conflict' || (mode === 'check' && r.status !== 'clean')) {
                throw new errors/* CheckFailedError */.CO(`resolve ${v.name} ${platform}: ${r.status === 'conflict' ? 'a conflict with the base image' : 'the requirements would change the base image'}\n${out.explanation}`, mode === 'check'
                    ? 'fix the requirements, or use resolve mode "auto"'
                    : 'pick one of the options above');
            }
            deps.progress(`resolve ${v.name} ${platform}: ${r.status} in ${(r.durationMs / 1000).toFixed(1)}s`);
            resolved[resolvedKey(v.name, platform)] = out;
        }
    }
    return resolved;
}
/** The variables requirement lines reference as ${NAME}, for pip's environment (never argv). */
function referencedEnv(names, env) {
    return Object.fromEntries(names.flatMap((n) => (env[n] !== undefined ? [[n, env[n]]] : [])));
}

// EXTERNAL MODULE: ./src/smoke/interrupt.ts
var interrupt = __webpack_require__(16102);
;// CONCATENATED MODULE: ./src/smoke/gpu-identity.ts


/** What the key says of a run whose GPUs could not be identified (never reused: reuse.ts). */
const UNKNOWN_GPUS = 'unknown';
const CPU_ONLY = { devices: 'none' };
/** A run that never reuses results (the action) does not look its GPUs up. */
const NOT_LOOKED_UP = {
    unknown: 'not looked up: results of this run are never reused',
};
/**
 * The argv after nvidia-smi: one "name, driver, MIG mode" line per GPU. The MIG mode is part of what
 * a result was measured on: the same GPUs split into MIG instances give a fraction of the throughput.
 */
const NVIDIA_SMI_QUERY = [
    '--query-gpu=name,driver_version,mig.mode.current',
    '--format=csv,noheader',
];
/** A MIG mode as nvidia-smi prints it (a GPU without MIG: [N/A] or [Not Supported]). */
const MIG_MODE = /^(?:enabled|disabled|pending|\[?n\/a\]?|\[not supported\])$/i;
/** How long the host's nvidia-smi may take (a driver in a bad state can hang it). */
const NVIDIA_SMI_TIMEOUT_MS = 60_000;
const MAX_NAME = 100;
// eslint-disable-next-line no-control-regex -- a line of a result file: no control characters
const CONTROL = /[\u0000-\u001f\u007f]/g;
const clean = (s) => s.replace(CONTROL, ' ').trim().slice(0, MAX_NAME);
/**
 * nvidia-smi's "name, driver[, MIG mode]" lines -> "Nx MODEL[ + Mx MODEL]; driver VERSION", models
 * sorted, so the order the GPUs are listed in never matters; a GPU in MIG mode is "MODEL (MIG)";
 * undefined when no line names a GPU.
 */
function gpuDevicesOf(stdout) {
    const counts = new Map();
    const drivers = new Set();
    for (const raw of stdout.split('\n')) {
        let line = raw;
        let mig = false;
        const last = line.lastIndexOf(',');
        if (last >= 0 && MIG_MODE.test(clean(line.slice(last + 1)))) {
            mig = /^enabled$/i.test(clean(line.slice(last + 1)));
            line = line.slice(0, last);
        }
        const comma = line.lastIndexOf(',');
        if (comma < 0)
            continue;
        const name = `${clean(line.slice(0, comma))}${mig ? ' (MIG)' : ''}`;
        const driver = clean(line.slice(comma + 1));
        if (name === '' || driver === '' || !/^\d+(\.\d+)*$/.test(driver))
            continue;
        counts.set(name, (counts.get(name) ?? 0) + 1);
        drivers.add(driver);
    }
    if (counts.size === 0)
        return undefined;
    const models = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `${models.map(([n, c]) => `${c}x ${n}`).join(' + ')}; driver ${[...drivers].sort().join(' + ')}`;
}
/** What the key covers of a run's GPUs: the devices, or UNKNOWN_GPUS. */
const devicesKey = (g) => ('devices' in g ? g.devices : UNKNOWN_GPUS);
/**
 * Why the engine is not on this host (so this host's GPUs are not its containers'), or undefined
 * when it is: DOCKER_HOST (engineEnv: the current context's engine) unset or a unix socket, as
 * dockerode connects. Only the scheme is named.
 */
function remoteEngine(env, contextName) {
    const host = env.DOCKER_HOST?.trim();
    if (!host || host.startsWith('unix://'))
        return undefined;
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(host)?.[1];
    const named = contextName !== undefined ? `the Docker context "${contextName}"'s engine` : 'DOCKER_HOST';
    return `the Docker engine is not on this host (${named} is ${scheme ? `a ${scheme}:// address` : 'not a unix socket'}): its GPUs cannot be looked up here`;
}
/** The host's nvidia-smi did not name a GPU: why, in one line. */
function smiFailure(r, timedOut) {
    if (timedOut)
        return `nvidia-smi on this host did not answer within ${NVIDIA_SMI_TIMEOUT_MS / 1000}s`;
    const said = (0,interrupt/* firstLine */.TM)(`${r.stderr}\n${r.stdout}`.trim()) || 'no output';
    return `nvidia-smi on this host exited ${r.exitCode} without naming a GPU: ${clean(said)}`;
}
/**
 * The nvidia-smi argv that names DEVICES (the GPUs a runner is pinned to: gpu-pin.ts), or every
 * GPU; undefined when a device is a MIG instance, which `--query-gpu` cannot name (its GPU's
 * model and driver would not tell a slice from the whole GPU).
 */
function nvidiaSmiArgs(devices) {
    if (devices === undefined)
        return [...NVIDIA_SMI_QUERY];
    if (devices.some((d) => d.includes(':') || d.startsWith('MIG-')))
        return undefined;
    return [...NVIDIA_SMI_QUERY, `--id=${devices.join(',')}`];
}
/**
 * The GPUs a GPU run's containers get, from nvidia-smi on this host (the engine's host: the NVIDIA
 * runtime or CDI gives the containers the host's GPUs), run through RUNNER, never in the image:
 * DEVICES only when the runner is pinned to them (gpu-pin.ts), else every GPU. Unknown, with the
 * reason, when the engine is elsewhere, a device is a MIG instance, or nvidia-smi is missing,
 * fails or hangs.
 */
async function hostGpuDevices(runner, env, devices) {
    // The engine DOCKER_HOST names, else the current Docker context's (context.ts).
    const context = (0,docker_context/* currentContext */.Fi)(env);
    const remote = remoteEngine((0,docker_context/* engineEnv */.aV)(env, context), context?.name);
    if (remote !== undefined)
        return { unknown: remote };
    const args = nvidiaSmiArgs(devices);
    if (args === undefined)
        return { unknown: `a MIG instance is among the pinned GPUs (${devices.join(',')}): not looked up` };
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error('nvidia-smi timed out')), NVIDIA_SMI_TIMEOUT_MS);
    timer.unref?.();
    try {
        const r = await runner.run('nvidia-smi', args, { signal: abort.signal });
        const devices = r.exitCode === 0 ? gpuDevicesOf(r.stdout) : undefined;
        return devices !== undefined ? { devices } : { unknown: smiFailure(r, abort.signal.aborted) };
    }
    catch (e) {
        const missing = e?.code === 'ENOENT';
        return {
            unknown: missing
                ? 'nvidia-smi is not on this host (PATH)'
                : `nvidia-smi on this host did not run: ${clean((0,interrupt/* firstLine */.TM)((0,interrupt/* errorMessage */.gJ)(e)))}`,
        };
    }
    finally {
        clearTimeout(timer);
    }
}

// EXTERNAL MODULE: ./src/config/field-error.ts
var field_error = __webpack_require__(95245);
;// CONCATENATED MODULE: ./src/smoke/baselines.json
const baselines_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"floorFraction":0.75,"gpus":[{"name":"NVIDIA H100 SXM","match":"\\\\bH100\\\\b.*\\\\bHBM3\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":794.5},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.0+cu126; best shape 2048x2048x13312","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H200","match":"\\\\bH200\\\\b(?!.*\\\\bNVL\\\\b)","computeCapability":"9.0","memoryGiB":{"min":135,"max":145},"measured":{"bf16_tflops":727.7,"fp16_tflops":762.7,"tf32_tflops":395.6,"fp32_tflops":51},"method":"ml-image smoke compute: CUDA events after a 10 s warm-up, best of 9 shapes (bf16 best at 6144^3; 680.9 at 8192^3), 700 W, torch 2.11 + CUDA 13.0, driver 580.159.04","source":"docs/gpu-floors.md#nvidia-h200"},{"name":"NVIDIA GH200 144G HBM3e","match":"\\\\bGH200\\\\b.*\\\\bHBM3e\\\\b","computeCapability":"9.0","memoryGiB":{"min":135,"max":150},"measured":{"bf16_tflops":828.6},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126, 900 W 141 GiB HBM3e version; best shape 1024x15360x4096","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 SXM","match":"\\\\bA100-SXM\\\\d?\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":271.2},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.6.0+cu126; best shape 1024x10240x5120","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA A100 PCIe","match":"\\\\bA100\\\\b.*\\\\bPCIE\\\\b","computeCapability":"8.0","measured":{"bf16_tflops":252.9},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.5.1+cu124; best shape 2048x5120x6144 (the memory size is not stated)","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA H100 PCIe","match":"\\\\bH100\\\\b.*\\\\bPCIe\\\\b","computeCapability":"9.0","memoryGiB":{"min":75,"max":82},"measured":{"bf16_tflops":495.9,"fp16_tflops":458},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (bf16 at 4096^2, fp16 at 2048^2), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/95"},{"name":"NVIDIA L40S","match":"\\\\bL40S\\\\b","computeCapability":"8.9","memoryGiB":{"min":42,"max":48},"measured":{"bf16_tflops":269.2,"fp16_tflops":264},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken, torch 2.8.0+cu128, in a Docker container; one community submission (its summary row: FP32 46.88, FP16 264.02, BF16 269.15)","source":"https://github.com/zzc0721/torch-performance-test-data/issues/43"},{"name":"NVIDIA L4","match":"\\\\bL4\\\\b","computeCapability":"8.9","memoryGiB":{"min":20,"max":24},"measured":{"bf16_tflops":70.9,"fp16_tflops":68.8},"method":"torch-performance-test-data benchmark: torch.matmul on 5 square shapes (1024^2 to 10240^2), the best taken (both at 2048^2; 55-59 at 4096^2 and up: a 72 W card), torch 2.9.0+cu128, bare metal; one community submission","source":"https://github.com/zzc0721/torch-performance-test-data/issues/120"},{"name":"NVIDIA B200","match":"\\\\bB200\\\\b","computeCapability":"10.0","memoryGiB":{"min":170,"max":185},"measured":{"bf16_tflops":1745},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.7.1+cu128; best shape 1792x16128x3072","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA GB200","match":"\\\\bGB200\\\\b","computeCapability":"10.0","measured":{"bf16_tflops":1822},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.10.0.dev20250916+cu130; best shape 4096x9728x2048","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"},{"name":"NVIDIA B300 SXM","match":"\\\\bB300\\\\b","computeCapability":"10.3","measured":{"bf16_tflops":1769},"method":"MAMF: mean of 100 iterations after 50 warm-up iterations per shape, best of a brute-force shape search (mamf-finder.py), torch 2.9.1+cu130; best shape 12288x18432x1024","source":"https://github.com/stas00/ml-engineering/blob/744d01e18b79512572f64a6bbd8b5f4a725203a7/compute/accelerator/README.md#maximum-achievable-matmul-flops-comparison-table"}],"ddp":[]}');
;// CONCATENATED MODULE: ./src/smoke/portable-pattern.ts
// A floors row's `match` is checked here (JavaScript, new RegExp(s, 'i')) and used by the smoke
// script (Python, re.search(s, name, re.I)). The two engines read much alike but not all of it:
// JavaScript takes `(?<!NVL.*)H200` (Python only fixed-width lookbehind), `[^]` (any character;
// Python: a class that starts with "]") or `\cA` (Python: an error), and the script would then
// fail compute-gpu after its benchmark. So a pattern must keep to a subset both read the same way,
// and a construct outside it is named (exit 2 at validation, before anything runs). Pure.
/** Escapes both engines read alike, outside and inside a class (\b in a class: a backspace in both). */
const SHARED_ESCAPES = new Set('dDwWsSbtnrfv');
/** The escapes that stand for a class of characters (no end of a range in Python). */
const CLASS_ESCAPES = new Set('dDwWsS');
/** Python's quantifier limit is larger; a count past this is no GPU name's. */
const MAX_REPEAT = 65535;
/** Escapes of a letter or digit that JavaScript (without the u flag) and Python read differently. */
const ESCAPE_PROBLEMS = {
    c: 'the control escape "\\c" (JavaScript only: an error in Python)',
    p: 'the property escape "\\p{...}" (a letter p in JavaScript without the u flag, an error in Python)',
    P: 'the property escape "\\P{...}" (a letter P in JavaScript without the u flag, an error in Python)',
    B: 'the non-boundary "\\B" (Python never matches it in an empty text; in a class an error)',
    A: 'the escape "\\A" (a letter A in JavaScript, an anchor in Python)',
    Z: 'the escape "\\Z" (a letter Z in JavaScript, an anchor in Python)',
};
/** N hex digits at S[FROM]. */
const hexDigits = (s, from, n) => new RegExp(`^[0-9A-Fa-f]{${n}}`).test(s.slice(from));
/** Why the escape at S[I] is not read alike, or undefined; `len`: the characters it takes. */
function escapeProblem(s, i) {
    const n = s[i + 1] ?? '';
    if (SHARED_ESCAPES.has(n))
        return { len: 2 };
    if (n === 'x')
        return hexDigits(s, i + 2, 2)
            ? { len: 4 }
            : { problem: '"\\x" without two hex digits (a letter x in JavaScript, an error in Python)', len: 2 };
    if (n === 'u')
        return hexDigits(s, i + 2, 4)
            ? { len: 6 }
            : {
                problem: '"\\u" without four hex digits (JavaScript and Python read "\\u{...}" differently)',
                len: 2,
            };
    if (/[0-9]/.test(n))
        return {
            problem: `the backreference or octal escape "\\${n}" (read differently by JavaScript and Python)`,
            len: 2,
        };
    if (/[A-Za-z]/.test(n))
        return {
            problem: ESCAPE_PROBLEMS[n] ?? `the escape "\\${n}" (a letter ${n} in JavaScript, an error in Python)`,
            len: 2,
        };
    return { len: 2 }; // an escaped punctuation character or space: itself in both
}
/** The group opening at S[I] ("("): a problem for any "(?" but (?:, (?= and (?!. */
function groupProblem(s, i) {
    if (s[i + 1] !== '?')
        return undefined;
    const head = s.slice(i, i + 4);
    if (/^\(\?[:=!]/.test(head))
        return undefined;
    if (head === '(?<=' || head === '(?<!')
        return `the lookbehind "${head}" (refused, fixed-width or not: Python takes only a fixed-width one, JavaScript any; use a lookahead, e.g. "H200(?!.*NVL)")`;
    if (/^\(\?(P|<)/.test(head))
        return `the named group "${head}..." (its syntax differs between JavaScript and Python)`;
    return `"${head.slice(0, 3)}" (inline flags and other extensions: only (?:, (?= and (?! are read alike)`;
}
/** The class opening at S[I] ("["): where it ends (after its "]"), or a problem and where it is. */
function classProblem(s, i) {
    let j = i + 1;
    if (s[j] === '^')
        j++;
    if (s[j] === ']')
        return {
            problem: `"${s.slice(i, j + 1)}" (JavaScript: ${j === i + 1 ? 'a class of nothing' : 'any character'}; Python: a class that starts with "]")`,
            pos: i,
        };
    const first = j;
    const classEscapeAt = (k) => s[k] === '\\' && CLASS_ESCAPES.has(s[k + 1] ?? '');
    for (; j < s.length && s[j] !== ']'; j++) {
        const c = s[j];
        if (c === '\\') {
            const e = escapeProblem(s, j);
            if (e.problem)
                return { problem: e.problem, pos: j };
            // JavaScript reads "[\d-z]" as \d, "-" and z; Python refuses the range.
            if (classEscapeAt(j) && s[j + 2] === '-' && s[j + 3] !== ']')
                return { problem: `a range from "\\${s[j + 1]}" (escape the "-" as "\\-")`, pos: j };
            j += e.len - 1;
        }
        else if (c === '-' && j > first && classEscapeAt(j + 1))
            return { problem: `a range to "\\${s[j + 2]}" (escape the "-" as "\\-")`, pos: j };
        else if (c === '[')
            return { problem: 'a "[" inside a class (Python may read a nested set: escape it as "\\[")', pos: j };
        else if (['&&', '--', '||', '~~'].includes(s.slice(j, j + 2)))
            return {
                problem: `"${s.slice(j, j + 2)}" inside a class (Python may read a set operation: escape one of them)`,
                pos: j,
            };
    }
    return { end: j + 1 };
}
/** The "{" at S[I]: a quantifier {n}, {n,} or {n,m} (its length), else a problem. */
function braceProblem(s, i) {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(s.slice(i));
    if (!m)
        return {
            problem: 'a "{" that is no quantifier {n}, {n,} or {n,m} ("{,3}" is a quantifier in Python, text in JavaScript: escape a literal one as "\\{")',
            len: 1,
        };
    if (Number(m[1]) > MAX_REPEAT || (m[2] !== undefined && m[2] !== '' && Number(m[2]) > MAX_REPEAT))
        return { problem: `the quantifier "${m[0]}" (at most ${MAX_REPEAT})`, len: m[0].length };
    return { len: m[0].length };
}
/**
 * Why S is not a regular expression JavaScript and Python read the same way (case-insensitively),
 * naming the construct and where it starts; undefined when it is one. The subset: characters,
 * escaped punctuation, \d \D \w \W \s \S \b \t \n \r \f \v \xHH \uHHHH, classes (no "[]", "[^]",
 * nested "[" or "&&"-style pairs, no range to or from a class escape), groups ( ), (?: ), lookaheads
 * (?= ) and (?! ), alternation, anchors ^ $, and the quantifiers * + ? {n} {n,} {n,m} (lazy too).
 * Those match alike on one line of ASCII text, as device names are (on other text \w, \d and \b
 * are Unicode-aware in Python only, "." takes "\r" in Python only, and "$" in Python also matches
 * before a last "\n").
 */
function portablePatternProblem(s) {
    try {
        new RegExp(s, 'i');
    }
    catch (e) {
        return `not a regular expression (${e.message})`;
    }
    const at = (problem, i) => `${problem} at character ${i + 1}`;
    for (let i = 0; i < s.length;) {
        const c = s[i];
        if (c === '\\') {
            const e = escapeProblem(s, i);
            if (e.problem)
                return at(e.problem, i);
            i += e.len;
        }
        else if (c === '[') {
            const k = classProblem(s, i);
            if ('problem' in k)
                return at(k.problem, k.pos);
            i = k.end;
        }
        else if (c === '(') {
            const g = groupProblem(s, i);
            if (g)
                return at(g, i);
            i += 1;
        }
        else if (c === '{') {
            const b = braceProblem(s, i);
            if (b.problem)
                return at(b.problem, i);
            i += b.len;
        }
        else
            i += 1;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/smoke/baselines.ts
// Per-GPU throughput floors as data (baselines.json, or the config's smoke.baseline file): one row
// per GPU model with the figures measured on it, how and where, and a floor at floorFraction of
// each, as DCGM diag and nccl-tests do. The smoke script judges (images/probe/ml_image_smoke.py
// matches the row on the GPU it runs on); this side checks the table and hands it over, the same
// way to `ml-image smoke` and to the exported Slurm/Kubernetes jobs.







/**
 * A regular expression both JavaScript and Python read alike (portable-pattern.ts): checked here,
 * used there. A construct outside that subset is named with where it is.
 */
const pattern = schemas/* string */.YjP()
    .min(1)
    .superRefine((s, ctx) => {
    const problem = portablePatternProblem(s);
    if (problem !== undefined)
        ctx.addIssue({
            code: 'custom',
            message: `expected a regular expression JavaScript and Python read alike (matched case-insensitively): ${problem}`,
        });
});
const fraction = schemas/* number */.aig().gt(0).lte(1);
/**
 * The metrics the compute suite measures on a GPU and the script judges against a row's figures
 * (images/probe/ml_image_smoke.py compute: `<dtype>_tflops`). A key it does not measure would never
 * be judged: a row matched first would switch the floor off without a word.
 */
const FLOOR_METRICS = ['bf16_tflops', 'fp16_tflops', 'tf32_tflops', 'fp32_tflops'];
/** The metric KEY was likely meant: a close spelling, else the one it starts ("bf16" -> bf16_tflops). */
function metricHint(key) {
    const lower = key.toLowerCase();
    return ((0,util_text/* closestWord */.En)(key, FLOOR_METRICS) ??
        (lower.length >= 4 ? FLOOR_METRICS.find((m) => m.startsWith(lower)) : undefined));
}
/** A row's figures: only metrics of FLOOR_METRICS, each problem named by its key. */
const measured = schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* number */.aig().positive())
    .superRefine((m, ctx) => {
    for (const key of Object.keys(m)) {
        if (FLOOR_METRICS.includes(key))
            continue;
        const hint = metricHint(key);
        ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `not a metric the compute suite measures${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${FLOOR_METRICS.join(', ')}`,
        });
    }
})
    .refine((m) => Object.keys(m).length > 0, { error: 'no figure measured' });
const GpuRow = schemas/* object */.Ikc({
    /** The row's name, reported as floor_gpu. */
    name: schemas/* string */.YjP().min(1),
    /** Matched case-insensitively on the torch device name, any " MIG ..." suffix stripped. */
    match: pattern,
    /** major.minor; the row applies only to a GPU of this compute capability. */
    computeCapability: schemas/* string */.YjP()
        .regex(/^\d+\.\d+$/, { error: 'expected major.minor, e.g. "9.0"' })
        .optional(),
    /** The GPU's memory in GiB as torch reports it (not checked for a MIG slice). */
    memoryGiB: schemas/* object */.Ikc({ min: schemas/* number */.aig().nonnegative(), max: schemas/* number */.aig().positive() })
        .refine((m) => m.min <= m.max, { error: 'min is above max' })
        .optional(),
    /** This row's floor fraction, instead of the table's. */
    floorFraction: fraction.optional(),
    /** metric -> the figure measured, e.g. bf16_tflops -> 794.5 (the floor is floorFraction of it). */
    measured,
    /** How the figures were measured (shapes, warm-up, timing, power). */
    method: schemas/* string */.YjP().min(1).optional(),
    /** Where the figures come from: a URL, or a file of this repository. */
    source: schemas/* string */.YjP().min(1),
});
const DdpRow = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().min(1),
    /** Matched like a GPU row's, on the name of the GPUs the all-reduce ran on. */
    match: pattern,
    /** The row applies from this many processes on. */
    minWorld: schemas/* number */.aig().int().min(2).optional(),
    /** busbw (nccl-tests' definition) measured; the floor is floorFraction of it. */
    busbw_gbps: schemas/* number */.aig().positive(),
    floorFraction: fraction.optional(),
    /** e.g. "NVLink 4 (NVSwitch)" */
    interconnect: schemas/* string */.YjP().min(1),
    method: schemas/* string */.YjP().min(1).optional(),
    source: schemas/* string */.YjP().min(1),
});
const BaselineSchema = schemas/* object */.Ikc({
    schemaVersion: schemas/* literal */.euz(1),
    floorFraction: fraction,
    gpus: schemas/* array */.YOg(GpuRow),
    ddp: schemas/* array */.YOg(DdpRow).optional(),
});
function bundledBaseline() {
    return BaselineSchema.parse(baselines_namespaceObject);
}
/**
 * The config's baseline file merged with the bundled one: its rows come first, so they win (the
 * script takes the first row that matches), and its floorFraction is the table's. A bundled row
 * keeps the fraction it states.
 */
function loadBaseline(file) {
    const bundled = bundledBaseline();
    if (file === undefined)
        return bundled;
    let json;
    try {
        json = (0,json_file/* readJsonFile */.JE)(file, { what: 'smoke.baseline file' });
    }
    catch (e) {
        // Named by its field first, as the schema's problems below are ("smoke.baseline: ...").
        if (!(e instanceof errors/* InputError */.dz))
            throw e;
        throw new errors/* InputError */.dz(`smoke.baseline: ${e.message}`, e.fix);
    }
    const r = BaselineSchema.safeParse(json);
    if (!r.success) {
        throw new errors/* InputError */.dz(`smoke.baseline: ${file}: ${(0,issues/* formatIssues */.og)(r.error, json, BaselineSchema).join('; ')}`);
    }
    return {
        ...r.data,
        gpus: [...r.data.gpus, ...bundled.gpus],
        ddp: [...(r.data.ddp ?? []), ...(bundled.ddp ?? [])],
    };
}
/**
 * The table as the smoke script's `--floors` argument: compact JSON, with U+2028 and U+2029 escaped
 * (still the same JSON). An export carries it in a Kubernetes YAML file, whose readers (go-yaml in
 * kubectl, PyYAML) take those characters for line breaks and would misread the file.
 */
function floorsArg(baseline) {
    return JSON.stringify(baseline)
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}

;// CONCATENATED MODULE: ./src/smoke/config-inputs.ts
// What the smoke suites take from the config: the requirement names (the imports suite) and the
// throughput floors. Its own module: the CLI's smoke and export commands read it without loading
// the smoke stage (capture, the runner, reuse).








/**
 * The suites' inputs the config decides: requirement names (for imports) and the throughput floors.
 * ENV is the caller's environment: `${NAME}` references and the workspace root are read from it.
 * The imports suite checks only the requirements pip installed: a name whose environment marker is
 * false on the target (requirementNames, markers.ts) is left out. `distributionsFor` gives the
 * names of one platform ("linux/arm64") and Python ("3.12"); `distributions` those of TARGET, else
 * of the config's platform when it names one, else of a Linux image whose machine is not known (a
 * marker on platform_machine then keeps its requirement).
 */
function configSmokeInputs(loaded, env, target = {}) {
    const text = loaded
        ? readRequirements(loaded.config.python.requirements, loaded.baseDir, env, {
            ...workspaceRoot(env, loaded.baseDir),
            expandable: loaded.config.build.secrets,
        }).text
        : undefined;
    const distributionsFor = (platform, python) => text === undefined ? [] : (0,parse/* requirementNames */.QT)(text, (0,markers/* linuxMarkerEnvironment */.Y)(platform, python));
    const platforms = loaded?.config.platforms ?? [];
    return {
        distributions: distributionsFor(target.platform ?? (platforms.length === 1 ? platforms[0] : undefined), target.python),
        distributionsFor,
        baseline: configBaseline(loaded),
    };
}
/**
 * The throughput floors: the config's smoke.baseline file (relative to the config) merged with the
 * bundled table, or the bundled table alone. A file that is not a baseline is an InputError naming
 * it and the field: `validate` and the pipeline ask before anything is built, not at the smoke stage.
 * On a runner (loaded.workspace) a file outside the workspace is refused unread, as loadConfig does.
 */
function configBaseline(loaded) {
    const file = loaded?.config.smoke.baseline;
    if (file === undefined)
        return loadBaseline();
    const abs = external_node_path_default().resolve(loaded.baseDir, file);
    return (0,field_error/* asConfigProblem */.c)(loaded, () => {
        const outside = outsideWorkspace(abs, loaded.workspace);
        if (outside !== undefined)
            throw new errors/* InputError */.dz(`smoke.baseline: ${outside}`);
        return loadBaseline(abs);
    });
}

;// CONCATENATED MODULE: ./src/smoke/gpu-pin.ts
// The GPUs a runner is pinned to. A host with several self-hosted runners often gives each its own
// GPU(s) through NVIDIA_VISIBLE_DEVICES (or CUDA_VISIBLE_DEVICES) in the runner's environment: the
// smoke containers of that runner then get those GPUs only (a DeviceRequest with their IDs, the
// `--gpus "device=0,1"` equivalent), never every GPU of the host (other jobs' GPUs). Pure: the
// environment is passed in.

/** The variables a runner is pinned with, in the order they are read (the first that pins wins). */
const PIN_VARIABLES = ['NVIDIA_VISIBLE_DEVICES', 'CUDA_VISIBLE_DEVICES'];
/** Values that give no GPU: CUDA's -1 and empty list, the NVIDIA toolkit's none and void. */
const NO_GPU = new Set(['', '-1', 'none', 'void']);
/**
 * One device: an index, GPU:MIG-instance indices, a GPU-/MIG- UUID (CUDA takes a prefix), or the
 * legacy MIG form older drivers print, MIG-GPU-<uuid>/<gi>/<ci>.
 */
const DEVICE = /^(\d+|\d+:\d+|GPU-[A-Za-z0-9-]+|MIG-[A-Za-z0-9-]+|MIG-GPU-[A-Za-z0-9-]+\/\d+\/\d+)$/;
/**
 * A value of another mechanism, not a list of devices: a path (the Kubernetes device plugin's
 * volume-mounts strategy sets /var/run/nvidia-container-devices) or a CDI name (nvidia.com/gpu=0).
 * Not read: every GPU, as without a pin.
 */
const OTHER_MECHANISM = /^\/|=/;
const gpu_pin_FIX = 'set it to GPU indices or UUIDs as nvidia-smi -L lists them, comma-separated (e.g. 0,1 or GPU-8932f937-...), to -1 (or none) for no GPU, or unset it for every GPU';
/**
 * The pin the environment sets: NVIDIA_VISIBLE_DEVICES when it is set and not `all` (nor a path or
 * CDI name: OTHER_MECHANISM), else CUDA_VISIBLE_DEVICES likewise; undefined when neither pins.
 * Blanks around the commas are dropped. A value that is no device list (an entry that is no
 * device) is bad input naming the variable (exit 2).
 */
function gpuPinOf(env) {
    for (const variable of PIN_VARIABLES) {
        const raw = env[variable];
        if (raw === undefined)
            continue;
        const value = raw.trim();
        if (value.toLowerCase() === 'all')
            continue;
        if (NO_GPU.has(value.toLowerCase()))
            return { variable, value, devices: [] };
        const entries = value.split(',').map((e) => e.trim());
        const bad = entries.find((e) => !DEVICE.test(e));
        if (bad !== undefined && OTHER_MECHANISM.test(value))
            continue;
        if (bad !== undefined)
            throw new errors/* InputError */.dz(`${variable}=${JSON.stringify(raw)}: ${bad === '' ? 'an empty entry' : `"${bad}"`} is not a GPU (an index, GPU:MIG indices, or a GPU-/MIG- UUID), nor a path or CDI name (not read)`, gpu_pin_FIX);
        return { variable, value, devices: [...new Set(entries)] };
    }
    return undefined;
}
/** The GPUs of a GPU run's containers: the pinned devices, else every GPU. */
function containerGpus(pin) {
    return pin !== undefined && pin.devices.length > 0 ? pin.devices : 'all';
}
/** Why a pinned run has no GPU: "CUDA_VISIBLE_DEVICES=-1 gives this runner no GPU". */
function noGpuReason(pin) {
    return `${pin.variable}=${pin.value === '' ? '""' : pin.value} gives this runner no GPU`;
}
/** The GPUs of a run, for its log: "GPUs 1,2 (NVIDIA_VISIBLE_DEVICES)", "no GPU (...)", "gpus: all". */
function gpusLine(gpus, pin) {
    if (pin === undefined)
        return `gpus: ${gpus}`;
    if (pin.devices.length === 0)
        return `no GPU (${noGpuReason(pin)})`;
    return `${pin.devices.length === 1 ? 'GPU' : 'GPUs'} ${pin.devices.join(',')} (${pin.variable})`;
}

;// CONCATENATED MODULE: ./src/python/entry-python.ts
// The Python an image starts (its ENTRYPOINT, else its CMD) against the python3 on its PATH that
// capture's probe and the smoke suites run. In uv's layout (ENTRYPOINT ["/app/.venv/bin/python"],
// PATH without the venv) they differ: the record described /usr/bin/python3 and its 3 packages
// while the image's own interpreter had the real ones, and nothing said so.

/** The field of a record's errors that says the image runs another Python than the one described. */
const ENTRY_PYTHON_FIELD = 'python';
const PYTHON_NAME = /^python(\d+(\.\d+)?)?$/;
/**
 * The Python executable the image starts: the first argv word (entrypoint[0], else cmd[0]) when it
 * is an absolute path named python, python3 or python3.12. A relative `python` is looked up on PATH
 * as the probe's python3 is; a shell (`sh -c "exec ..."`) or a script is not looked into.
 */
function entryPython(entrypoint, cmd) {
    const first = entrypoint && entrypoint.length > 0 ? entrypoint[0] : cmd?.[0];
    if (first === undefined || !first.startsWith('/'))
        return undefined;
    return PYTHON_NAME.test(external_node_path_default().posix.basename(first)) ? external_node_path_default().posix.normalize(first) : undefined;
}
/**
 * The environment an interpreter belongs to: the directory above its bin/ (a venv's root, /usr,
 * /opt/conda), else its own directory. Binaries are not resolved: a venv's bin/python is often a
 * link to /usr/bin/python3.x, yet it is another environment (its own site-packages). /bin is
 * /usr/bin on a merged-/usr system, so / counts as /usr.
 */
function environmentOf(executable) {
    const dir = external_node_path_default().posix.dirname(external_node_path_default().posix.normalize(executable));
    const root = external_node_path_default().posix.basename(dir) === 'bin' ? external_node_path_default().posix.dirname(dir) : dir;
    return root === '/' ? '/usr' : root;
}
/**
 * One line saying the image runs ENTRY while the record describes PROBED (the python3 on PATH the
 * probe ran as: record.python.executable), or undefined when both are the same environment.
 * `source` names where ENTRY came from (its ENTRYPOINT or its CMD).
 */
function otherPython(entry, probed, source = 'ENTRYPOINT') {
    if (entry === undefined || environmentOf(entry) === environmentOf(probed))
        return undefined;
    const bin = external_node_path_default().posix.dirname(entry);
    return (`the image runs ${entry} (its ${source}); this record describes python3 on PATH (${probed}): ` +
        `put ${bin} first on PATH (ENV PATH=${bin}:$PATH) to have it described`);
}
/** The record's errors entry for an image whose ENTRYPOINT/CMD runs another Python, if any. */
function entryPythonError(image, probedExecutable) {
    const source = image.entrypoint && image.entrypoint.length > 0 ? 'ENTRYPOINT' : 'CMD';
    const error = otherPython(entryPython(image.entrypoint, image.cmd), probedExecutable, source);
    return error === undefined ? undefined : { field: ENTRY_PYTHON_FIELD, error };
}
/** The warning a record carries (entryPythonError) for the stages that print one; else undefined. */
function entryPythonProblem(record) {
    return record.errors.find((e) => e.field === ENTRY_PYTHON_FIELD && e.error.startsWith('the image runs '))
        ?.error;
}
/**
 * Without a record (ml-image smoke on its own): the warning when the Python the image starts lies
 * in a directory its PATH (the image config's ENV, NAME=value) does not hold, so the python3 the
 * suites run is another one. A directory on PATH behind another python3 is not caught here.
 */
function entryPythonOffPath(image) {
    const entry = entryPython(image.entrypoint, image.cmd);
    if (entry === undefined)
        return undefined;
    const pathVar = [...image.env].reverse().find((e) => e.startsWith('PATH='));
    const dirs = (pathVar?.slice(5) ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
        .split(':')
        .filter((d) => d.startsWith('/'))
        .map((d) => environmentOf(`${d}/python3`));
    if (dirs.includes(environmentOf(entry)))
        return undefined;
    const source = image.entrypoint && image.entrypoint.length > 0 ? 'ENTRYPOINT' : 'CMD';
    const bin = external_node_path_default().posix.dirname(entry);
    return (`the image runs ${entry} (its ${source}), whose directory is not on its PATH; the suites run ` +
        `python3 on PATH, another Python: put ${bin} first on PATH (ENV PATH=${bin}:$PATH) to test it`);
}

// EXTERNAL MODULE: ./src/util/redact-instruction.ts
var redact_instruction = __webpack_require__(55242);
;// CONCATENATED MODULE: ./src/capture/capture.ts
// capture: run the probe (images/probe/ml_image_probe.py) in the image and add what the engine
// knows of the image. The container is removed in every case (DockerAdapter.runContainer).












/** python3 is not in the image: our deadline wrapper's, the OCI runtime's or a shell's wording. */
const NO_PYTHON = /"python3": (executable file not found|no such file or directory)|python3: (command )?not found/i;
/**
 * The image's creation time: the engine's own when the adapter reports one, else the OCI label
 * the build sets, else null. (ImageDetails has no `created` yet; an adapter that adds it wins.)
 */
function imageCreated(details) {
    return details.created || details.labels[capture_record/* CREATED_LABEL */.Kh] || null;
}
/** The image's name in the record and in messages: its tag when it runs by ID. */
const nameOf = (input) => input.name ?? input.image;
/**
 * The probe's container, with the GPUs asked for. When the engine refuses to start it with them
 * (no GPU runtime, a driver older than the image's CUDA: nvidia-container-cli's requirement check),
 * it runs again without them and `gpuError` says why: the record is still made, and the gpu suite
 * reports the cause.
 */
async function runProbe(input, timeoutMs, docker) {
    const probe = (0,external_node_fs_.readFileSync)(external_node_path_default().join(input.imagesDir, 'probe', 'ml_image_probe.py'), 'utf8');
    const attempt = (gpus) => docker
        .runContainer({
        image: input.image,
        ...(input.platform !== undefined && { platform: input.platform }),
        // The probe needs no shell and no entrypoint of the image.
        entrypoint: ['python3'],
        cmd: [
            '-c',
            probe,
            `--redaction-rules=${JSON.stringify(redact/* REDACTION_RULES */.iz)}`, // one copy of the rules: redaction-rules.json
            ...(input.noTorch ? ['--no-torch'] : []),
            ...(input.torchRuntime ? ['--torch-runtime'] : []),
        ],
        ...(input.env !== undefined && { env: input.env }),
        ...(gpus !== undefined && { gpus }),
        labels: { 'io.github.ml-image-action.stage': 'capture' },
        timeoutMs,
    })
        .catch((e) => {
        // An image without /bin/sh runs the probe unwrapped: the engine itself reports python3 missing.
        if (e instanceof errors/* MlImageError */.zn || !NO_PYTHON.test(String(e?.message ?? e)))
            throw e;
        return { exitCode: 127, timedOut: false, stdout: '', stderr: String(e.message) };
    });
    if (input.gpus === undefined)
        return { run: await attempt(undefined) };
    try {
        return { run: await attempt(input.gpus) };
    }
    catch (e) {
        // Only a refusal of the GPU request is retried without it: a missing image or a full disk is
        // the error to report, not a second try that would hide it.
        if (e instanceof errors/* MlImageError */.zn ||
            ((0,failures/* statusCodeOf */.PU)(e) ?? 0) < 400 ||
            !failures/* GPU_REQUEST_REFUSED */.s7.test((0,failures/* engineMessage */.g4)(e)))
            throw e;
        const first = (0,failures/* engineMessage */.g4)(e);
        const gpuError = `the probe's container did not start with GPUs, so it ran without them: ${first}`;
        try {
            return { run: await attempt(undefined), gpuError };
        }
        catch (again) {
            // The second failure names the first (the GPUs' refusal), which it would otherwise hide.
            const both = `${(0,failures/* engineMessage */.g4)(again)} (without GPUs; with them the engine said: ${first})`;
            if (again instanceof errors/* MlImageError */.zn) {
                again.message = both;
                throw again;
            }
            throw Object.assign(new Error(both, { cause: again }), { statusCode: (0,failures/* statusCodeOf */.PU)(again) });
        }
    }
}
async function captureImage(input, deps) {
    const details = await deps.docker.inspectImage(input.image, input.platform);
    const platform = input.platform ?? `${details.os}/${details.architecture}`;
    const timeoutMs = input.timeoutMs ?? 300_000;
    const name = nameOf(input);
    const { run, gpuError } = await runProbe(input, timeoutMs, deps.docker);
    if (run.timedOut)
        throw new errors/* CheckFailedError */.CO(`capture of ${name} timed out after ${timeoutMs / 1000}s`);
    if (run.exitCode !== 0) {
        const msg = (0,redact/* redactText */.Rd)(`${run.stderr || run.stdout}`.trim().split('\n').slice(-5).join('\n'));
        // Exit 2: the image given cannot be captured at all (bad input, named), not a failed check.
        if ((run.exitCode === 127 || run.exitCode === 126) && NO_PYTHON.test(msg)) {
            throw new errors/* InputError */.dz(`${name} has no python3, which the probe needs: ${msg}`, 'capture an image with python3 on PATH (every template installs it); the smoke suites need it too');
        }
        // Its container removed by the cleanup of SIGINT/SIGTERM/SIGHUP (exit 137): the interrupt's.
        throw ((0,cleanup/* interruptedFailure */.rn)(`the probe in ${name}`, `exit ${run.exitCode}`) ??
            new errors/* CheckFailedError */.CO(`the probe failed in ${name} (exit ${run.exitCode}):\n${msg}`));
    }
    let probed;
    try {
        probed = JSON.parse(run.stdout);
    }
    catch {
        throw new errors/* CheckFailedError */.CO(`the probe in ${name} printed no record (exit 0):\n${(0,redact/* redactText */.Rd)(run.stdout.trim().slice(-2000))}`);
    }
    const history = await layerHistory(input.image, deps.docker, input.platform);
    // The image's ENTRYPOINT (else CMD) runs another Python than the python3 on PATH described.
    const executable = probed.python?.executable;
    const otherPython = typeof executable === 'string' ? entryPythonError(details, executable) : undefined;
    const record = redactRecord({
        ...probed,
        schemaVersion: capture_record/* ENV_RECORD_SCHEMA_VERSION */.B6,
        image: imageFacts(input, details, platform, history),
        errors: [
            ...(probed.errors ?? []),
            ...(typeof history === 'string' ? [{ field: 'image.history', error: history }] : []),
            ...(gpuError !== undefined ? [{ field: 'gpus', error: gpuError }] : []),
            ...(otherPython !== undefined ? [otherPython] : []),
        ],
        capture: {
            ...probed.capture,
            toolVersion: src_version/* VERSION */.x,
            time: new Date().toISOString(),
            host: { kernel: external_node_os_default().release() },
        },
    });
    const parsed = capture_record/* EnvRecordSchema */.iv.safeParse(record);
    if (!parsed.success) {
        throw new errors/* CheckFailedError */.CO(`the probe's record of ${name} does not match the schema: ${(0,issues/* formatIssues */.og)(parsed.error, record, capture_record/* EnvRecordSchema */.iv)[0]}`);
    }
    return parsed.data;
}
/**
 * The image's layers with the instruction that made each (oldest first), from the engine; a
 * string when the engine could not tell (the record says why under errors). Values of secret names
 * (`RUN |1 HF_TOKEN=... /bin/sh -c`, `ENV DB_PASSWORD=two words`) are masked, then the text
 * patterns apply (redactInstruction).
 */
async function layerHistory(image, docker, platform) {
    if (!docker.imageHistory)
        return undefined;
    try {
        const entries = await docker.imageHistory(image, platform);
        return entries.map((h) => ({
            createdBy: (0,redact_instruction/* redactInstruction */.QT)(h.createdBy),
            sizeBytes: h.sizeBytes,
            ...(h.empty && { empty: true }),
        }));
    }
    catch (e) {
        return `${e.name}: ${(0,redact/* redactText */.Rd)(String(e.message ?? e)).slice(0, 300)}`;
    }
}
/** What the engine knows of the image (record.image). */
function imageFacts(input, details, platform, history) {
    const repoDigest = details.repoDigests.find((d) => d.includes('@'))?.split('@')[1];
    return {
        ref: nameOf(input),
        id: details.id,
        digest: repoDigest ?? null,
        platform,
        sizeBytes: details.sizeBytes,
        layers: details.layers,
        labels: (0,redact/* redactLabels */.PU)(details.labels),
        user: details.user,
        entrypoint: details.entrypoint,
        cmd: details.cmd,
        env: (0,redact/* redactEnvList */.V1)(details.env),
        variant: input.variant ?? details.labels[capture_record/* VARIANT_LABEL */.z] ?? null,
        created: imageCreated(details),
        ...(Array.isArray(history) && { history }),
    };
}
/** The record's package lists other than python.packages (redactRecord). */
const PACKAGE_LISTS = new Set(['apt', 'conda']);
/**
 * The record with secrets masked: every string that looks like one as a whole (redactDeep), but in
 * the package lists (pip, apt, conda) only tokens of known forms and URL logins. A package's name,
 * version, build, channel or requirement is no secret by its shape: PyPI names of 40 letters and
 * digits exist (mypy-boto3-serverlessapplicationrepository, also conda-forge's), and masking them
 * merged two packages into one SBOM component and dropped their dependencies.
 */
function redactRecord(r) {
    const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
    const python = (v) => isMap(v)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'packages' ? (0,redact/* redactTextDeep */.Fo)(x) : (0,redact/* redactDeep */.KL)(x)]))
        : (0,redact/* redactDeep */.KL)(v);
    // The probe's environment, NAME: value, masked by name too (as the probe does: a secret's name, a
    // proxy variable's login without a scheme), whatever probe wrote it.
    const env = (v) => isMap(v)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [
            k,
            typeof x === 'string' ? (0,redact/* redactEnvValue */.OI)(k, x) : (0,redact/* redactDeep */.KL)(x),
        ]))
        : (0,redact/* redactDeep */.KL)(v);
    return Object.fromEntries(Object.entries(r).map(([k, v]) => [
        k,
        k === 'python'
            ? python(v)
            : PACKAGE_LISTS.has(k)
                ? (0,redact/* redactTextDeep */.Fo)(v)
                : k === 'env'
                    ? env(v)
                    : (0,redact/* redactDeep */.KL)(v),
    ]));
}

;// CONCATENATED MODULE: ./src/smoke/scripts-key.ts
// What the smoke reuse key says of the tool: its version and the in-container scripts that made the
// result (the probe that writes env.json, the smoke script, the redaction rules both apply). A
// result made by other scripts (an older probe's record: no apt source packages, say) is then never
// reused as this tool's, although the version string did not move.




/** The files under IMAGES_DIR/probe whose bytes the key covers. */
const KEYED_SCRIPTS = ['ml_image_probe.py', 'ml_image_smoke.py', 'redaction-rules.json'];
const memo = new Map();
/** `VERSION scripts:<sha256>` for IMAGES_DIR (read once per process); a missing file counts as such. */
function toolKey(imagesDir) {
    let key = memo.get(imagesDir);
    if (key === undefined) {
        const h = (0,external_node_crypto_.createHash)('sha256');
        for (const f of KEYED_SCRIPTS) {
            let bytes;
            try {
                bytes = (0,external_node_fs_.readFileSync)(external_node_path_default().join(imagesDir, 'probe', f));
            }
            catch {
                bytes = '(missing)';
            }
            h.update(`${f}\0${bytes.length}\0`).update(bytes);
        }
        key = `${src_version/* VERSION */.x} scripts:${h.digest('hex')}`;
        memo.set(imagesDir, key);
    }
    return key;
}

// EXTERNAL MODULE: ./src/smoke/local-image.ts
var local_image = __webpack_require__(79450);
;// CONCATENATED MODULE: ./src/smoke/reuse.ts
// Smoke reuse: when the capture and the suites of an identical earlier run may stand for this run's.
//
// The key file (smoke-key-<variant>-<arch>.txt, src/results) holds one line per identity of the
// image, each followed by the digest of every smoke input:
//
//   sha256:<manifest digest> <inputs sha256>             the pushed bits (every version writes it)
//   content:sha256:<content digest> <inputs sha256>      what the image IS (since 0.x: this line)
//
// The content digest covers what a container of the image runs: the layers (their diff IDs: the
// uncompressed tar digests), the platform and the whole runtime config (user, env, entrypoint,
// cmd, workdir, ports, volumes, healthcheck, stop signal, labels), and leaves out what only says
// when or from which commit it was built: the `created` times, the history, and the created and
// revision labels (unless a custom metadata test checks labels: then every label counts). So a
// rebuild that yields new manifest bits from identical layers (a config with another `created`)
// still reuses the results; any change in a layer, the config, the smoke config, the runner's GPU
// mode, its GPU models or driver (gpu-identity.ts: the host's nvidia-smi; part of the inputs
// digest) or the suites does not. A key file of an older version (the manifest line alone) still
// matches by manifest digest. The inputs digest of a version before the GPU models were in it never
// matches: the suites run again, and the note says that the earlier results do not name their GPUs
// (their smoke result has no gpuDevices). Results whose GPUs could not be identified (or were not
// looked up: the action's) are never reused.




const sha256 = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
/** The prefix of a content identity in a key line. */
const CONTENT_PREFIX = 'content:';
/** Labels that say when and from which commit an image was built, not what it runs. */
const reuse_VOLATILE_LABELS = [
    'org.opencontainers.image.created',
    'org.opencontainers.image.revision',
    'org.label-schema.build-date',
    'org.label-schema.vcs-ref',
];
/** JSON with object keys sorted, so that key order in the registry's JSON never matters. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value !== null && typeof value === 'object')
        return `{${Object.keys(value)
            .sort()
            .filter((k) => value[k] !== undefined)
            .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
            .join(',')}}`;
    return JSON.stringify(value);
}
/**
 * The content identity of an image config: "content:sha256:<hex>" over the layers, the platform
 * and the runtime config, without the build time, the history or the volatile labels (which count
 * when `keepAllLabels`: a custom metadata test checks labels).
 */
function contentId(blob, keepAllLabels = false) {
    const labels = { ...(blob.config?.Labels ?? {}) };
    if (!keepAllLabels)
        for (const l of reuse_VOLATILE_LABELS)
            delete labels[l];
    const content = {
        os: blob.os ?? null,
        architecture: blob.architecture ?? null,
        variant: blob.variant ?? null,
        osVersion: blob['os.version'] ?? null,
        osFeatures: blob['os.features'] ?? null,
        config: { ...(blob.config ?? {}), Labels: labels },
        rootfs: { type: blob.rootfs?.type ?? null, diffIds: blob.rootfs?.diff_ids ?? null },
    };
    return `${CONTENT_PREFIX}sha256:${sha256(canonical(content))}`;
}
/** Whether a custom metadata test checks labels (then every label is part of the content). */
const testsCheckLabels = (config) => (config.smoke.tests ?? []).some((t) => t.metadata?.labels !== undefined);
/**
 * The config blob of a pushed single-platform image (`repo@sha256:...`), from the registry
 * (`docker buildx imagetools inspect --format '{{json .Image}}'`, with the engine's credentials);
 * for a manifest list, the platform's. Undefined when the registry does not tell.
 */
async function fetchImageConfig(docker, ref, platform) {
    const r = await docker.buildx(['imagetools', 'inspect', ref, '--format', '{{json .Image}}']);
    if (r.exitCode !== 0)
        return undefined;
    const parsed = JSON.parse(r.stdout);
    const blob = 'rootfs' in parsed ? parsed : parsed[platform];
    return blob?.rootfs?.diff_ids ? blob : undefined;
}
/** The key lines of a target: its manifest line, and its content line when the content is known. */
const keyLines = (manifestKey, content) => content === undefined ? manifestKey : `${manifestKey}\n${content} ${manifestKey.split(' ')[1]}`;
/** What an earlier key file says: the manifest line and the content line (when it has one). */
function parseKeyFile(text) {
    const lines = text.split('\n').map((l) => l.trim());
    const content = lines.find((l) => l.startsWith(CONTENT_PREFIX));
    const manifest = lines.find((l) => l !== '' && !l.startsWith(CONTENT_PREFIX));
    return { ...(manifest && { manifest }), ...(content && { content }) };
}
/** How this run's target compares with the earlier one: 'manifest', 'content', or why not. */
function compareKeys(earlier, manifestKey, content) {
    const inputs = manifestKey.split(' ')[1];
    if (earlier.manifest === manifestKey)
        return 'manifest';
    const contentKey = content === undefined ? undefined : `${content} ${inputs}`;
    if (contentKey !== undefined && earlier.content === contentKey)
        return 'content';
    const earlierInputs = (earlier.manifest ?? earlier.content)?.split(' ')[1];
    const sameImage = earlier.manifest?.split(' ')[0] === manifestKey.split(' ')[0] ||
        (content !== undefined && earlier.content?.split(' ')[0] === content);
    if (sameImage && earlierInputs !== inputs)
        return 'the smoke inputs changed';
    return 'the image changed';
}
/**
 * Why results measured with the EARLIER GPUs do not stand for a run with NOW's (the models and the
 * driver, or "none"); undefined when they are the same GPUs.
 */
function gpusChanged(earlier, now) {
    if (earlier === undefined)
        return 'the earlier results do not say which GPUs they ran on: an older version wrote them';
    if (earlier === UNKNOWN_GPUS)
        return `the earlier run did not identify its GPUs (now: ${now}): the action, or a host whose GPUs could not be looked up, wrote them`;
    if (earlier !== now)
        return `the GPUs changed (earlier: ${earlier}; now: ${now})`;
    return undefined;
}
/** The earlier run's directory (the baseline store's), only read. */
const earlierRun = (dir) => (0,results_results/* openResultDir */.lR)(dir, 'the earlier run', { create: false });
/** The earlier run's record and result in `dir`, or why they cannot be used. */
function earlierEntry(dir, variant, platform, image) {
    try {
        const earlier = earlierRun(dir);
        const record = earlier.readEnv(variant, platform);
        const result = earlier.readSmoke(variant, platform);
        if (!record || !result)
            return 'the earlier results are incomplete';
        return { variant, platform, image, record, result };
    }
    catch (e) {
        return `the earlier results are unreadable (${e.message.split('\n')[0]})`;
    }
}
/**
 * The config digest (the engine's image id) of the platform manifest DIGEST of IMAGE's repository,
 * from the registry (the manifest's raw bytes); undefined when the registry does not tell.
 */
async function configDigestOf(docker, image, digest) {
    const r = await docker.buildx(['imagetools', 'inspect', `${image.split('@')[0]}@${digest}`, '--raw']);
    if (r.exitCode !== 0)
        return undefined;
    try {
        const id = JSON.parse(r.stdout).config?.digest;
        return typeof id === 'string' && id.startsWith('sha256:') ? id : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The earlier entry, made to describe this run's image: same content, but the reference (also of
 * the smoke result), the manifest digest, the image id (CONFIG digest), the labels and the
 * creation time are this build's. The size, the layer count and the history stay the earlier
 * record's: the content key covers the layers' diff ids, so both images have the same layers (the
 * same uncompressed bytes, hence size and count); their histories differ only in timestamps.
 */
function asThisImage(entry, image, digest, blob, config) {
    const labels = blob.config?.Labels ?? {};
    const created = blob.created ?? labels['org.opencontainers.image.created'] ?? entry.record.image.created;
    return {
        ...entry,
        image,
        result: { ...entry.result, image },
        record: {
            ...entry.record,
            image: {
                ...entry.record.image,
                ref: image,
                ...(config !== undefined && { id: config }),
                ...(entry.record.image.digest != null && { digest }),
                // Masked by key as capture masks them: the record never holds a secret-named label's value.
                labels: (0,redact/* redactLabels */.PU)(labels),
                created: created ?? null,
            },
        },
    };
}
/** The earlier key file of a target in `dir`, parsed; undefined when there is none. */
function earlierKeys(dir, variant, platform) {
    const text = earlierRun(dir).readSmokeKey(variant, platform);
    return text === undefined ? undefined : parseKeyFile(text);
}
/** The content identity of a pushed target (a registry read), or undefined when it cannot tell. */
async function contentOf(t, deps) {
    if (t.local)
        return undefined;
    const blob = await fetchImageConfig(deps.docker, t.image, t.platform).catch(() => undefined);
    return blob && { blob, id: contentId(blob, testsCheckLabels(deps.config)) };
}
/**
 * Whether an identical earlier run's capture and suites stand for this target's: by manifest
 * digest (no registry read: the content line is carried over), else by content. The progress line
 * says which way, or why the suites run.
 */
async function reuseOf(t, deps) {
    const dir = await deps.lookup(t.variant);
    let earlier;
    let unreadable;
    try {
        earlier = dir === undefined ? undefined : earlierKeys(dir, t.variant, t.platform);
    }
    catch (e) {
        // A key file that cannot be read is no earlier result: the suites run (the note says why).
        unreadable = `the earlier reuse key is unreadable (${e.message.split('\n')[0]})`;
    }
    const carried = earlier?.manifest === t.key ? earlier.content?.split(' ')[0] : undefined;
    const content = carried === undefined ? await contentOf(t, deps) : undefined;
    const id = carried ?? content?.id;
    const keyFile = keyLines(t.key, id);
    const run = (why) => {
        deps.progress(`${t.id}: running the suites (${why})`);
        return { keyFile };
    };
    if (dir === undefined)
        return run('no earlier run');
    if (unreadable !== undefined)
        return run(unreadable);
    if (earlier === undefined)
        return run('no earlier result for this platform');
    if ('unknown' in t.gpus)
        return run(`this runner's GPUs could not be identified: ${t.gpus.unknown}`);
    const how = compareKeys(earlier, t.key, id);
    const found = earlierEntry(dir, t.variant, t.platform, t.image);
    if (how === 'the smoke inputs changed' && typeof found !== 'string')
        return run(gpusChanged(found.result.gpuDevices, t.gpus.devices) ?? how);
    if (how !== 'manifest' && how !== 'content')
        return run(how);
    if (typeof found === 'string')
        return run(found);
    if (how === 'manifest') {
        deps.progress(`${t.id}: reused the results of an identical earlier run (same image digest and smoke inputs)`);
        return { entry: found, keyFile };
    }
    deps.progress(`${t.id}: reused the results of an identical earlier run (same image content and smoke inputs; new manifest ${t.digest.slice(0, 19)})`);
    // The registry answered a moment ago; should it not now, the id stays the earlier (same layers).
    const config = await configDigestOf(deps.docker, t.image, t.digest).catch(() => undefined);
    return { entry: asThisImage(found, t.image, t.digest, content.blob, config), keyFile };
}

// EXTERNAL MODULE: ./src/docker/cdi.ts
var cdi = __webpack_require__(78446);
;// CONCATENATED MODULE: ./src/smoke/failures.json
const failures_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"rules":[{"id":"no-gpu-runtime","pattern":"could not select device driver \\"[^\\"\\\\n]{0,100}\\" with capabilities: \\\\[\\\\[gpu\\\\]\\\\]","cause":"Docker has no GPU runtime: the NVIDIA Container Toolkit is not installed or not configured, so the container cannot get GPUs","fix":"install nvidia-container-toolkit and run \'nvidia-ctk runtime configure --runtime=docker\', then restart dockerd; or run on a GPU runner","source":"https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html"},{"id":"cuda-requirement-unsatisfied","pattern":"unsatisfied condition: cuda ?>=","cause":"the host driver is older than the image\'s NVIDIA_REQUIRE_CUDA asks for: the NVIDIA Container Toolkit refused to start the container","fix":"upgrade the NVIDIA driver on the runner to the CUDA release\'s toolkit driver (the plan\'s toolkitDriverMin: \'ml-image plan\' prints it, e.g. 575.51.03 for CUDA 12.9), which this check enforces, not the lower minor-version-compatibility floor; on a driver at or above that floor (525.60.13 for 12.x, 580.65.06 for 13.x) the CUDA runtime still runs: set NVIDIA_DISABLE_REQUIRE=1 in the image (ENV) to skip the check; or build a variant for an older CUDA","source":"https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/docker-specialized.html"},{"id":"nvidia-container-cli-init","pattern":"nvidia-container-cli: (initialization|detection) error","cause":"the NVIDIA Container Toolkit could not reach the driver when starting the container: the driver is not loaded, or its user-space libraries do not match the kernel module (after a driver upgrade without a reboot)","fix":"check nvidia-smi on the host; after a driver upgrade reboot (or reload the nvidia kernel modules); reinstall the driver if its libraries are missing","source":"https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/troubleshooting.html"},{"id":"cuda-system-not-ready","pattern":"cuInit returned 802|CUDA_ERROR_SYSTEM_NOT_READY|cudaErrorSystemNotReady|system not yet initialized","cause":"CUDA error 802 (system not yet initialized): on an NVSwitch system (HGX/DGX A100, H100, H200, B200) the NVIDIA Fabric Manager is not running, or its version differs from the driver\'s, so the GPUs are visible but CUDA cannot start","fix":"install and start nvidia-fabricmanager of exactly the driver\'s version (systemctl enable --now nvidia-fabricmanager; on NVL5+ systems also nvlsm), check \\"nvidia-smi -q | grep -A2 Fabric\\" shows State Completed, then run again","source":"https://docs.nvidia.com/datacenter/tesla/fabric-manager-user-guide"},{"id":"cuda-compat-unsupported","pattern":"cuInit returned 804|CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE|cudaErrorCompatNotSupportedOnDevice|forward compatibility was attempted on non supported HW","cause":"CUDA error 804: the image\'s CUDA forward-compatibility libraries (cuda-compat, /usr/local/cuda/compat) were loaded on a GPU that does not support forward compatibility (GeForce and most workstation GPUs), or with a driver they do not match","fix":"on such GPUs keep cuda-compat out of the image (or off LD_LIBRARY_PATH) and upgrade the host driver to one that supports the image\'s CUDA; on data-center GPUs use the cuda-compat package built for the host driver\'s branch","source":"https://docs.nvidia.com/deploy/cuda-compatibility/forward-compatibility.html"},{"id":"cuda-driver-mismatch","pattern":"cuInit returned 803|CUDA_ERROR_SYSTEM_DRIVER_MISMATCH|cudaErrorSystemDriverMismatch|unsupported display driver / cuda driver combination","cause":"CUDA error 803: the user-space CUDA driver (libcuda) does not match the loaded kernel module: a driver upgraded without a reboot, or a libcuda shipped in the image (cuda-compat) that does not fit the host driver","fix":"reboot the host (or reload the nvidia kernel modules) after a driver upgrade, and do not ship libcuda.so in the image: the NVIDIA Container Toolkit mounts the host\'s","source":"https://docs.nvidia.com/cuda/cuda-driver-api/group__CUDA__TYPES.html"},{"id":"driver-insufficient","pattern":"cuInit returned 35\\\\b|CUDA_ERROR_INSUFFICIENT_DRIVER|cudaErrorInsufficientDriver|CUDA driver version is insufficient for CUDA runtime version","cause":"CUDA error 35: the host driver is older than the CUDA runtime in the image","fix":"upgrade the driver to the variant\'s floor (see the plan), or choose a CUDA variant the driver supports","source":"https://docs.nvidia.com/deploy/cuda-compatibility/"},{"id":"driver-too-old","pattern":"The NVIDIA driver on your system is too old","cause":"torch was built for a newer CUDA than the host driver supports","fix":"upgrade the NVIDIA driver, or install torch from the wheel index of an older CUDA","source":"https://docs.nvidia.com/deploy/cuda-compatibility/"},{"id":"driver-below-floor","pattern":"NVIDIA driver [0-9][0-9.]{0,30} is older than [0-9][0-9.]{0,30}, which this CUDA needs","cause":"the host\'s NVIDIA driver is below the minor-version-compatibility floor of the image\'s CUDA (525.60.13 for 12.x, 580.65.06 for 13.x), and no forward-compatibility libcuda whose CUDA covers the image\'s runtime is loaded: the CUDA runtime is not supported on this driver","fix":"upgrade the driver to at least the floor the message names (\'ml-image plan\' prints each variant\'s), or build a variant for a CUDA the driver supports; on data-centre GPUs NVIDIA\'s forward-compatibility package (cuda-compat-X-Y of the image\'s CUDA, /usr/local/cuda/compat on the library path) lets an older driver branch run it","source":"https://docs.nvidia.com/deploy/cuda-compatibility/"},{"id":"nvml","pattern":"Failed to initialize NVML","cause":"the container cannot talk to the NVIDIA driver (driver/library mismatch, or a cgroup change dropped the device)","fix":"restart the container (or the host after a driver upgrade); check nvidia-smi on the host","source":"https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/troubleshooting.html"},{"id":"cuda-unknown-error","pattern":"cuInit returned 999|CUDA_ERROR_UNKNOWN|CUDA unknown error|999\\\\)? ?: unknown error","cause":"CUDA error 999 (unknown): the driver could not initialise CUDA; commonly the nvidia_uvm kernel module is not loaded (or /dev/nvidia-uvm is missing in the container), the driver is in a bad state after suspend/resume or an Xid error, or a GPU has fallen off the bus","fix":"check nvidia-smi and dmesg (Xid errors) on the host; load nvidia_uvm (nvidia-modprobe -u -c 0, or modprobe -r nvidia_uvm && modprobe nvidia_uvm); if it persists, reset the GPU or reboot the node","source":"https://github.com/pytorch/pytorch/issues/49081"},{"id":"gpu-busy","pattern":"CUDA-capable device\\\\(s\\\\) is/are busy or unavailable|CUDA_ERROR_DEVICE_UNAVAILABLE|cudaErrorDevicesUnavailable|cuInit returned 46\\\\b","cause":"the GPU is busy or unavailable: it is in Exclusive Process compute mode and another process holds it, or it is being reset","fix":"wait for (or stop) the other process using the GPU (nvidia-smi lists it), or set the compute mode back to Default (nvidia-smi -c DEFAULT)","source":"https://docs.nvidia.com/cuda/cuda-runtime-api/group__CUDART__TYPES.html"},{"id":"cuda-no-device","pattern":"cuInit returned 100\\\\b|CUDA_ERROR_NO_DEVICE|cudaErrorNoDevice|No CUDA GPUs are available|no CUDA-capable device is detected","cause":"CUDA sees no GPU: CUDA_VISIBLE_DEVICES is empty or names GPUs that are not there, or the container was given no GPU (no --gpus, NVIDIA_VISIBLE_DEVICES=void/none)","fix":"leave CUDA_VISIBLE_DEVICES unset (or list GPUs that exist, e.g. 0,1), and give the container GPUs (--gpus all; smoke: --gpus all, or auto on an engine with the NVIDIA runtime)","source":"https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html#env-vars"},{"id":"cuda-sees-fewer-gpus","pattern":"GPU\\\\(s\\\\) visible to nvidia-smi, but CUDA sees [0-9]","cause":"CUDA enumerates fewer GPUs than nvidia-smi shows: CUDA_VISIBLE_DEVICES lists a GPU that is not there (CUDA stops at the first invalid entry), a GPU is in MIG mode with no instance created (CUDA then cannot use it), or a GPU is in a bad state (an Xid error, fallen off the bus)","fix":"compare nvidia-smi -L with CUDA_VISIBLE_DEVICES in the container (indices or UUIDs that exist, or unset); on a MIG GPU create instances (nvidia-smi mig -cgi ... -C) or disable MIG (nvidia-smi -mig 0); check dmesg for Xid errors on the host and reset the GPU (nvidia-smi -r) or reboot the node","source":"https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html#env-vars"},{"id":"no-kernel-image","pattern":"no kernel image is available for execution on the device","cause":"the installed torch/CUDA build has no kernels for this GPU\'s compute capability","fix":"use a torch build whose architecture list includes this GPU (newer CUDA variants cover newer GPUs)","source":"https://docs.nvidia.com/cuda/cuda-compiler-driver-nvcc/index.html#gpu-feature-list"},{"id":"cuda-out-of-memory","pattern":"CUDA out of memory|CUDA error: out of memory|CUDA_ERROR_OUT_OF_MEMORY|cudaErrorMemoryAllocation","cause":"the GPU ran out of memory: another process holds most of it, or the test needs more than this GPU (or MIG slice) has","fix":"check nvidia-smi for other processes on the GPU and run the smoke test on an idle GPU; for your own tests use a smaller batch or model, or a GPU with more memory","source":"https://pytorch.org/docs/stable/notes/cuda.html#memory-management"},{"id":"nccl-shm","pattern":"(NCCL WARN[^\\\\n]{0,300}?(shm|shared memory)|Error while creating shared memory segment|/dev/shm)","cause":"NCCL cannot create its shared-memory segments: the container\'s /dev/shm is too small","fix":"run with --ipc=host or --shm-size=16g (the smoke runner gives DDP 1 GiB of shm)","source":"https://docs.nvidia.com/deeplearning/nccl/user-guide/docs/troubleshooting.html"},{"id":"torchrun-sigbus","pattern":"Signal 7 \\\\(SIGBUS\\\\)|exitcode\\\\s{0,10}: -7\\\\b","cause":"a torchrun worker died of SIGBUS: the container\'s /dev/shm is too small for NCCL or the DataLoader (Docker gives 64 MiB by default)","fix":"run with --shm-size=16g or --ipc=host (the smoke runner gives the ddp suite 1 GiB; your own jobs and custom tests need the flag themselves)","source":"https://docs.docker.com/reference/cli/docker/container/run/"},{"id":"nccl-system-error","pattern":"unhandled system error|ncclSystemError","cause":"NCCL failed in a system call (shared memory, sockets or InfiniBand) and the output does not say which","fix":"run with NCCL_DEBUG=INFO (NCCL_DEBUG_SUBSYS=INIT,NET,SHM) to see the failing call; most often /dev/shm is too small (--shm-size=16g or --ipc=host), no usable network interface is found (set NCCL_SOCKET_IFNAME, e.g. eth0) or InfiniBand is not reachable in the container (NCCL_IB_DISABLE=1 to rule it out)","source":"https://docs.nvidia.com/deeplearning/nccl/user-guide/docs/troubleshooting.html"},{"id":"numpy2-abi","pattern":"A module that was compiled using NumPy 1\\\\.x cannot be run in\\\\s+NumPy 2","cause":"a package built against NumPy 1.x is imported with NumPy 2 installed","fix":"hold numpy<2 (ml-image resolve finds such plans), or upgrade that package to a release built for NumPy 2","source":"https://numpy.org/devdocs/numpy_2_0_migration_guide.html"},{"id":"numpy-dtype-size","pattern":"numpy\\\\.dtype size changed, may indicate binary incompatibility","cause":"a compiled extension was built against a different NumPy ABI than the one installed","fix":"reinstall that package against the installed NumPy, or pin NumPy to the version it was built with","source":"https://numpy.org/devdocs/numpy_2_0_migration_guide.html"},{"id":"cuda-library-missing","pattern":"lib(cudart|cublas|cudnn|nccl)[^ ]{0,200}?\\\\.so[.0-9]{0,20}: cannot open shared object file","cause":"a CUDA library the wheel needs is not in the image","fix":"install torch from the CUDA wheel index of the image\'s CUDA major (it carries the libraries), or use an image with them","source":"https://docs.nvidia.com/deploy/cuda-compatibility/"},{"id":"dataloader-shm","pattern":"(Bus error|DataLoader worker \\\\(pid \\\\d+\\\\) is killed)","cause":"PyTorch DataLoader workers ran out of shared memory","fix":"run with --shm-size=16g or --ipc=host","source":"https://pytorch.org/docs/stable/data.html#multi-process-data-loading"},{"id":"cache-permission","pattern":"Permission denied: \'/cache","cause":"a cache directory is not writable by the container user","fix":"create cache directories owned by the user before USER (the templates do), or mount volumes with matching ownership","source":"https://docs.docker.com/engine/storage/volumes/"},{"id":"module-missing","pattern":"ModuleNotFoundError: No module named \'([^\']+)\'","cause":"a module is not installed in the image","fix":"add its distribution to python.requirements","source":"https://docs.python.org/3/library/exceptions.html#ModuleNotFoundError"},{"id":"no-python","pattern":"has no python3: the smoke suites need python3|\\"python3\\": executable file not found","cause":"the image has no python3: the smoke suites, the probe and file tests run python3 in the image","fix":"test an image with python3 on PATH (every template installs it), or leave out the python suites (smoke.suites: [custom] with command and metadata tests only)","source":"https://docs.docker.com/reference/cli/docker/container/run/#exit-status"},{"id":"command-not-found","pattern":"command not found in the image|executable file not found in \\\\$PATH|sh: (\\\\d+: )?[^:\\\\n]{1,200}: not found|: command not found","cause":"the test\'s command does not exist in the image (exit 127; 126: not executable)","fix":"install the program in the image, or use its full path in smoke.tests[].command","source":"https://docs.docker.com/reference/cli/docker/container/run/#exit-status"}]}');
;// CONCATENATED MODULE: ./src/smoke/classify.ts
// The failure classifier: known messages -> cause and fix (failures.json, a source per row).


const RuleSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP(),
    pattern: schemas/* string */.YjP(),
    cause: schemas/* string */.YjP(),
    fix: schemas/* string */.YjP(),
    source: schemas/* string */.YjP().url(),
});
const FailureTableSchema = schemas/* object */.Ikc({
    schemaVersion: schemas/* literal */.euz(1),
    rules: schemas/* array */.YOg(RuleSchema).min(1),
});
let rules;
function failureRules() {
    rules ??= FailureTableSchema.parse(failures_namespaceObject).rules.map((rule) => ({ rule, re: new RegExp(rule.pattern, 'i') }));
    return rules;
}
/** The first known cause whose message appears in the output, most specific rules first. */
function classifyFailure(output) {
    for (const { rule, re } of failureRules()) {
        const m = re.exec(output);
        if (m)
            return {
                id: rule.id,
                cause: rule.cause,
                fix: rule.fix,
                source: rule.source,
                match: m[0].slice(0, 200),
            };
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
// EXTERNAL MODULE: ./src/config/pattern.ts
var config_pattern = __webpack_require__(95164);
;// CONCATENATED MODULE: ./src/smoke/match.ts
// A custom test's expectedOutput / excludedOutput regexes, matched so that no pattern can hang the
// run: the text is bounded (its last MATCH_TEXT_BYTES), and the match runs in a worker thread that
// is terminated after a time limit. A catastrophic-backtracking pattern such as `(a+)+$` then fails
// its test with a clear reason instead of blocking the event loop (and with it Ctrl-C and SIGTERM).
// The patterns were checked when the config was loaded (config/pattern.ts), with the same flags.


/** How much of a test's output the patterns see: its end, where results and errors are. */
const MATCH_TEXT_BYTES = 1024 * 1024;
/** How long every pattern of one test may take together. */
const MATCH_TIME_LIMIT_MS = 2000;
/** The end of a text, at most `max` UTF-16 units (a surrogate pair is never split). */
function boundedTail(text, max) {
    if (text.length <= max)
        return text;
    let start = text.length - max;
    const c = text.charCodeAt(start);
    if (c >= 0xdc00 && c <= 0xdfff)
        start += 1; // a low surrogate: its high half was cut off
    return text.slice(start);
}
// The worker's program, inline so that the bundled dist needs no extra file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { text, expected, excluded, flags } = workerData;
try {
  const missing = expected.find((p) => !new RegExp(p, flags).test(text));
  if (missing !== undefined) parentPort.postMessage({ ok: false, kind: 'missing', pattern: missing });
  else {
    const unwanted = excluded.find((p) => new RegExp(p, flags).test(text));
    parentPort.postMessage(
      unwanted !== undefined ? { ok: false, kind: 'unwanted', pattern: unwanted } : { ok: true },
    );
  }
} catch (e) {
  parentPort.postMessage({ ok: false, kind: 'error', message: String(e && e.message || e) });
}
`;
/**
 * Check the output against the patterns: every `expected` must match, no `excluded` may.
 * Never throws, never blocks the event loop longer than it takes to start a worker.
 */
async function matchOutput(output, expected, excluded, options = {}) {
    if (expected.length === 0 && excluded.length === 0)
        return { ok: true };
    const limit = options.timeLimitMs ?? MATCH_TIME_LIMIT_MS;
    const text = boundedTail(output, options.maxBytes ?? MATCH_TEXT_BYTES);
    return new Promise((resolve) => {
        let settled = false;
        const worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, {
            eval: true,
            workerData: { text, expected: [...expected], excluded: [...excluded], flags: config_pattern/* PATTERN_FLAGS */.Rc },
            // A match never needs much memory; a runaway one must not take the host's.
            resourceLimits: { maxOldGenerationSizeMb: 256 },
        });
        // Never the thing that keeps the process alive (a signal handler may exit while it runs).
        worker.unref();
        const finish = (o) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            void worker.terminate();
            resolve(o);
        };
        const timer = setTimeout(() => finish({
            ok: false,
            kind: 'timeout',
            message: `expectedOutput/excludedOutput took longer than ${limit / 1000}s to match; simplify the pattern (nested quantifiers such as (a+)+ backtrack exponentially)`,
        }), limit);
        worker.once('message', (m) => finish(m));
        worker.once('error', (e) => finish({ ok: false, kind: 'error', message: e.message }));
        worker.once('exit', (code) => finish({ ok: false, kind: 'error', message: `the matcher stopped (exit ${code})` }));
    });
}

;// CONCATENATED MODULE: ./src/smoke/output.ts
// What a smoke test's container run gave back, as the runner reads it: the end of the output it
// keeps (redacted, bounded), and the signs of a program or of python3 missing from the image; and
// how the output is shown: live lines labelled with their test, a failure's end under it.


/** How much of a test's output its result keeps: the end, where the error is (records stay small). */
const OUTPUT_KEEP_CHARS = 64 * 1024;
/** The most of one unfinished line a live view holds back before it shows it anyway. */
const LIVE_LINE_MAX = 64 * 1024;
/**
 * A test's live output (--verbose) as EMIT shows it: whole lines, redacted (redactOutput), so that
 * a NAME=value or a token cut between two chunks of the stream (a pipe flushes in 4 KiB blocks) is
 * still recognised; the unfinished last line is held back until its end comes, FLUSH (the container
 * ended), or it grows past LIVE_LINE_MAX.
 */
function liveLines(emit) {
    let held = '';
    return {
        push(chunk) {
            const text = held + chunk;
            const end = text.lastIndexOf('\n') + 1;
            if (end === 0 && text.length <= LIVE_LINE_MAX) {
                held = text;
                return;
            }
            const upTo = end > 0 ? end : text.length;
            held = text.slice(upTo);
            emit((0,redact_instruction/* redactOutput */.nJ)(text.slice(0, upTo)));
        },
        flush() {
            if (held !== '')
                emit((0,redact_instruction/* redactOutput */.nJ)(held));
            held = '';
        },
    };
}
/**
 * The end of a test's output as its result keeps it: the last 40 lines, at most OUTPUT_KEEP_CHARS,
 * secrets masked in place (redactOutput: tokens, URL logins, and the value of a NAME=value whose
 * NAME names a secret, as the environment record masks it: `env` prints DB_PASSWORD=...). Linear
 * in the length of the output (10 MB on one line is fine): only a bounded tail is redacted, with a
 * margin so that a token cut at the edge is still recognised.
 */
function tail(text, lines = 40) {
    const end = (0,redact_instruction/* redactOutput */.nJ)(boundedTail(text, OUTPUT_KEEP_CHARS + 4096));
    return boundedTail(end.trim(), OUTPUT_KEEP_CHARS).split('\n').slice(-lines).join('\n');
}
/** A program the container was asked to run is not in the image (OCI runtime or our wrapper). */
const MISSING_PROGRAM = /executable file not found|exec: "[^"\n]{0,300}": (stat [^\n:]{0,300}: )?(no such file or directory|permission denied)|sh: (\d+: )?[^:\n]{1,200}: not found|: command not found/i;
const MISSING_PYTHON = /"python3": executable file not found|exec: "python3": no such file|python3: (command )?not found/i;
/** Exit 127 (126: not executable) with the runtime's or the shell's wording for a missing program. */
function lacksProgram(r) {
    return (r.exitCode === 127 || r.exitCode === 126) && MISSING_PROGRAM.test(boundedTail(r.stderr, 4096));
}
function lacksPython(r) {
    return (r.exitCode === 127 || r.exitCode === 126) && MISSING_PYTHON.test(boundedTail(r.stderr, 4096));
}
function noPythonReason(image) {
    return `${image} has no python3: the smoke suites need python3 in the image`;
}
/** A test past its timeout: the reason names the setting that gives it longer. */
function timedOutReason(timeoutMs) {
    return `timed out after ${timeoutMs / 1000}s (the container was removed); a test that needs longer: raise smoke.timeoutSeconds in ml-image.yml (ml-image smoke: --timeout)`;
}
/** How much of a failing test's output is shown under its failure (the CLI, the annotation). */
const FAILURE_TAIL_LINES = 20;
const FAILURE_TAIL_CHARS = 4096;
/**
 * The end of a failing test's output as people see it under the failure (ml-image smoke's FAIL
 * line, the test's annotation): its last FAILURE_TAIL_LINES lines, at most FAILURE_TAIL_CHARS,
 * redacted as the records are (a result read back from disk is masked again). None when empty.
 */
function failureTail(output) {
    if (output === undefined || output.trim() === '')
        return [];
    const end = (0,redact_instruction/* redactOutput */.nJ)(boundedTail(output, FAILURE_TAIL_CHARS + 4096)).trimEnd();
    return boundedTail(end, FAILURE_TAIL_CHARS).split('\n').slice(-FAILURE_TAIL_LINES);
}
/** The heading of a failureTail: "last line", "last 20 lines". */
const failureTailHeading = (lines) => `last ${lines.length === 1 ? 'line' : `${lines.length} lines`}`;
/** A test's live output, each line labelled with the test that printed it (one process runs several). */
function testLines(chunk, test, output) {
    for (const line of chunk.replace(/\n$/, '').split('\n'))
        output(`[${test}] ${line}`);
}
/** One annotation per failing test. */
function failureAnnotations(id, result) {
    return result.tests
        .filter((t) => t.status === 'fail')
        .map((t) => ({ title: `ml-image smoke ${id}: ${t.id}`, message: failureMessage(t) }));
}
/** A failing test's reason, the classified cause and fix when known, and the end of its output. */
function failureMessage(t) {
    const out = failureTail(t.output);
    const lines = [t.reason ?? 'failed'];
    if (t.cause)
        lines.push(`Cause: ${t.cause.cause}`, `Fix: ${t.cause.fix}`);
    if (out.length > 0)
        lines.push(`Output (${failureTailHeading(out)}):`, ...out);
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/smoke/result.ts
var smoke_result = __webpack_require__(3228);
;// CONCATENATED MODULE: ./src/smoke/session.ts
// One smoke run's shared state and its rules: every test runs in its own container of the image
// (timeout per test, output kept, the container removed in every case); a test's result is kept
// whatever happens; a daemon that goes away ends the run with the results so far.









/** A test's --verbose line saying what its time went to. */
function timing(s, id, line) {
    s.output?.(`timing: ${line}\n`, id);
}
/**
 * The engine refused to start a test's container: it answered the create/start with an error
 * ("could not select device driver", "nvidia-container-cli: requirement error", an OCI runtime
 * error). That test fails with the engine's message; the run goes on.
 */
class ContainerStartError extends Error {
    engineMessage;
    constructor(
    /** What the engine said, without the client's "(HTTP code 500) server error - " prefix. */
    engineMessage, options) {
        super(`the container did not start: ${engineMessage}`, options);
        this.engineMessage = engineMessage;
        this.name = 'ContainerStartError';
    }
}
/** An error answer of the engine's API (dockerode's errors carry the HTTP status). */
function isEngineRefusal(e) {
    const status = typeof e === 'object' && e !== null ? Reflect.get(e, 'statusCode') : undefined;
    return typeof status === 'number' && status >= 400;
}
/**
 * Runs a test's container with the run's image, platform and timeout; the GPUs only when the test
 * uses one (`gpu`), no network unless the spec asks (the runtime hardens every container).
 */
function containerRunner(input, deps, current) {
    return async ({ gpu, ...spec }) => {
        let outcome;
        // Whole lines, redacted: a secret cut between two chunks is still masked.
        const live = deps.output && liveLines((text) => deps.output(text, current()));
        try {
            outcome = await deps.docker.runContainer({
                ...(live && { onOutput: (chunk) => live.push(chunk) }),
                image: input.runImage ?? input.image,
                ...(input.platform !== undefined && { platform: input.platform }),
                ...(input.gpus === 'all' && gpu === true && { gpus: containerGpus(input.pin) }),
                network: 'none',
                labels: { 'io.github.ml-image-action.stage': 'smoke' },
                timeoutMs: input.timeoutMs,
                ...spec,
            });
        }
        catch (e) {
            // The container removed by the cleanup of SIGINT/SIGTERM/SIGHUP: the run ends as interrupted.
            const stopped = !(e instanceof cleanup/* InterruptedError */.p4) &&
                (0,cleanup/* interruptedFailure */.rn)("the test's container", (0,interrupt/* firstLine */.TM)((0,interrupt/* errorMessage */.gJ)(e)), e);
            if (stopped)
                throw stopped;
            // No daemon: the run ends (guarded), as before.
            if (e instanceof errors/* EnvironmentError */.eG || (0,interrupt/* isDaemonGone */.W$)(e))
                throw e;
            // The engine refused to start the command (an image without /bin/sh runs it unwrapped, and
            // the OCI runtime then reports a missing program itself): the test's own failure, exit 127.
            const message = (0,interrupt/* errorMessage */.gJ)(e);
            if (MISSING_PROGRAM.test(message))
                return { exitCode: 127, stdout: '', stderr: message, timedOut: false };
            // The engine answered, and did not start the container (no GPU runtime, a driver older than
            // the image's CUDA, an OCI runtime error): that test's failure, classified like any other.
            if (isEngineRefusal(e))
                throw new ContainerStartError((0,failures/* engineMessage */.g4)(e), { cause: e });
            throw e;
        }
        finally {
            live?.flush();
        }
        // Killed by a signal the runner did not send (exit 128 + N without a timeout): the cleanup of
        // SIGINT/SIGTERM/SIGHUP removed the container, or a daemon that shuts down stopped it (and
        // answers no more: the ping's EnvironmentError). Either ends the run as interrupted (guarded),
        // the test not recorded as one that failed on its own, its results never reused.
        if (!outcome.timedOut && outcome.exitCode !== null && outcome.exitCode > 128) {
            const stopped = (0,cleanup/* interruptedFailure */.rn)("the test's container", `exit code ${outcome.exitCode}`);
            if (stopped)
                throw stopped;
            if (outcome.exitCode === 137 || outcome.exitCode === 143)
                await deps.docker.ping();
        }
        return outcome;
    };
}
/** A test that did not run, with the reason. */
function skipped(id, suite, reason) {
    return { id, suite, status: 'skip', reason, durationMs: 0, metrics: {} };
}
/**
 * A GPU test on a runner without GPUs: skipped, or failed when require-gpu is set; skipped with
 * the reason when the image gets no GPU whatever the run has (gpuWithheld). The runner's pin, when
 * it gave the run none: the reason names the variable.
 */
function gpuAbsent(id, suite, input) {
    const { pin, gpuWithheld } = input;
    if (gpuWithheld !== undefined)
        return skipped(id, suite, gpuWithheld);
    const why = pin !== undefined && pin.devices.length === 0 ? noGpuReason(pin) : undefined;
    return input.requireGpu
        ? {
            id,
            suite,
            status: 'fail',
            reason: `no GPU on this runner${why ? ` (${why})` : ''}, and require-gpu is set`,
            durationMs: 0,
            metrics: {},
        }
        : skipped(id, suite, `no GPU on this runner (${why ?? 'run on a GPU runner, or --gpus all'})`);
}
/** The result so far: failures classified, summary counted, secrets redacted. */
function finishResult(s) {
    for (const t of s.tests) {
        // A cause known already (a custom test without gpu: true on a GPU run: custom.ts) stands.
        if (t.status !== 'fail' || t.cause !== undefined)
            continue;
        const cause = classifyFailure(`${t.reason ?? ''}\n${t.output ?? ''}`);
        if (cause)
            t.cause = cause;
    }
    const count = (st) => s.tests.filter((t) => t.status === st).length;
    return (0,redact/* redactDeep */.KL)({
        schemaVersion: smoke_result/* SMOKE_RESULT_SCHEMA_VERSION */.Nn,
        image: s.input.image,
        platform: s.platform,
        gpus: s.input.gpus,
        tests: s.tests,
        summary: {
            pass: count('pass'),
            fail: count('fail'),
            skip: count('skip'),
            durationMs: Date.now() - s.startedAt,
        },
    });
}
/** Adds a test's result and its progress line. */
function record(s, t) {
    s.tests.push(t);
    report(s, t);
}
function report(s, t) {
    s.progress(`smoke ${t.id}: ${t.status}${t.reason ? ` (${t.reason})` : ''} in ${(t.durationMs / 1000).toFixed(1)}s`);
}
/** The end of the run: the daemon went away (or the engine failed) during test ID. */
function interrupted(s, failed, e) {
    const gone = (0,interrupt/* isDaemonGone */.W$)(e) || interrupt/* DAEMON_TEXT */.rj.test(e instanceof Error ? e.message : '');
    failed.reason = gone
        ? `the Docker daemon went away during ${failed.id}: ${(0,interrupt/* firstLine */.TM)((0,interrupt/* errorMessage */.gJ)(e))}`
        : `${(0,interrupt/* firstLine */.TM)((0,interrupt/* errorMessage */.gJ)(e))} (during ${failed.id})`;
    record(s, failed);
    return new interrupt/* SmokeInterruptedError */.Yi(failed.reason, e instanceof errors/* EnvironmentError */.eG && e.fix
        ? e.fix
        : 'check that the Docker daemon is running (docker info), then run the smoke stage again; the results of the tests that finished are kept', finishResult(s), e);
}
/**
 * Run one test: its result is kept whatever happens. A test that throws is a failed test with
 * the error as its reason; a daemon that goes away ends the run with the results so far.
 */
async function guarded(s, id, suite, fn) {
    const started = Date.now();
    s.current = id;
    try {
        s.tests.push(await fn());
    }
    catch (e) {
        const failed = {
            id,
            suite,
            status: 'fail',
            reason: '',
            durationMs: Date.now() - started,
            metrics: {},
        };
        if (e instanceof ContainerStartError) {
            // Classified with the others (finishResult): the engine's message is the test's output.
            failed.reason = `the container did not start: ${(0,interrupt/* firstLine */.TM)((0,redact/* redactText */.Rd)(e.engineMessage))}`;
            failed.output = tail(e.engineMessage);
        }
        else if (e instanceof errors/* EnvironmentError */.eG || (0,interrupt/* isDaemonGone */.W$)(e))
            throw interrupted(s, failed, e);
        else
            failed.reason = `the test could not run: ${(0,interrupt/* firstLine */.TM)((0,redact/* redactText */.Rd)((0,interrupt/* errorMessage */.gJ)(e)))}`;
        s.tests.push(failed);
    }
    report(s, s.tests.at(-1));
}
/** A test that needs python3 in the image: skipped once a test found none. */
function python(s, id, suite, fn) {
    return s.noPython !== undefined
        ? guarded(s, id, suite, async () => skipped(id, suite, `no python3 in the image (see ${s.noPython})`))
        : guarded(s, id, suite, fn);
}

;// CONCATENATED MODULE: ./src/smoke/batch.ts
// The shared process: the python3 tests of a smoke run (imports, pip-check, gpu, compute, train,
// ddp, custom file checks) run in ONE container and ONE python3 (one `import torch`), each between
// marker lines the smoke script prints (its `batch` mode). Each test's outcome is what its own
// container would have given (exit code, its stdout and stderr, timed out), so the suites read and
// classify it exactly as before. A test that fails, crashes or times out ends that process (the
// script stops after it; a timeout kills it); the tests after it run in a fresh one, so a broken
// CUDA context or a half-imported module never reaches another test. On a GPU run the tests that use
// a GPU share processes of their own (processSteps): the container of the others gets no GPU.

const MARK = '@@ml-image-smoke@@ ';
/** A fresh nonce for a batch's plan. */
const newNonce = () => (0,external_node_crypto_.randomBytes)(12).toString('hex');
const isMarker = (m, nonce) => typeof m.id === 'string' && typeof m.event === 'string' && m.nonce === nonce;
/**
 * The script writes each marker as "\n" MARK JSON "\n": the newline before it is the marker's. Only
 * lines with the batch's NONCE count.
 */
function batch_markers(text, nonce) {
    const found = [];
    const head = `\n${MARK}`;
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
        const end = text.indexOf('\n', at + 1);
        if (end < 0)
            break; // cut off: the process died while writing it
        try {
            const m = JSON.parse(text.slice(at + head.length, end));
            if (isMarker(m, nonce))
                found.push({ m, from: at, to: end + 1 });
        }
        catch {
            // a line that only looks like a marker: output
        }
    }
    return found;
}
/** Per test id: its output on one stream (between its start marker and its end or the stream's end). */
function sections(text, nonce) {
    const out = new Map();
    let open;
    const close = (to, end) => {
        if (!open)
            return;
        out.set(open.m.id, {
            text: text.slice(open.from, Math.max(open.from, to)),
            ...(end?.event === 'end' && { end }),
            timedOut: end?.event === 'timeout',
        });
        open = undefined;
    };
    for (const { m, from, to } of batch_markers(text, nonce)) {
        if (m.event === 'start') {
            close(from);
            open = { m, from: to };
        }
        else if (open?.m.id === m.id)
            close(from, m);
    }
    close(text.length);
    return out;
}
/** The first start marker's figure: seconds from the process's start to its first test. */
function processSeconds(text, nonce) {
    const first = batch_markers(text, nonce).find((x) => x.m.event === 'start');
    return typeof first?.m.process_s === 'number' ? first.m.process_s : undefined;
}
/** The longest line held back waiting for its end (the live output's carry). */
const MAX_CARRY = 1024 * 1024;
/**
 * Live output without marker lines (nor the newline before each, which is the marker's): each
 * piece goes to EMIT with the test that printed it (a chunk may hold the end of one test and the
 * start of the next). Pieces are whole lines, each piece ending in a newline, so that every
 * consumer can print a piece as lines of its own: a line cut between two chunks (a marker's too)
 * waits for the rest of it, and a last empty line waits for the next line, being the newline of a
 * marker that may follow.
 */
function liveFilter(current, emit, nonce, 
/** Each test's start marker as it arrives: the process has reached that test. */
onStart) {
    let test;
    let carry = '';
    let blank = false;
    /** TEXT: whole lines from a line start. */
    const lines = (text) => {
        const re = /(?:^|\n)@@ml-image-smoke@@ (\{[^\n]*\})(?:\n|$)/g;
        let from = 0;
        const out = (to) => {
            if (to <= from)
                return;
            // Text a marker followed at once: the marker's newline ended its last line.
            const piece = text.slice(from, to);
            emit(piece.endsWith('\n') ? piece : `${piece}\n`, test ?? current());
        };
        for (const m of text.matchAll(re)) {
            let marker;
            try {
                marker = JSON.parse(m[1]);
            }
            catch {
                continue;
            }
            if (!isMarker(marker, nonce))
                continue;
            out(m.index);
            from = m.index + m[0].length;
            if (marker.event === 'start') {
                test = marker.id;
                onStart?.(marker.id);
            }
        }
        out(text.length);
    };
    const push = (raw) => {
        // Only the new chunk is searched for a line's end (what is carried has none): output without
        // newlines stays linear, and a line past MAX_CARRY is passed on as it is (no marker is so long).
        const nl = raw.lastIndexOf('\n');
        let text;
        if (nl < 0) {
            carry += raw;
            if (carry.length <= MAX_CARRY)
                return;
            text = `${carry}\n`;
            carry = '';
        }
        else {
            text = carry + raw.slice(0, nl + 1);
            carry = raw.slice(nl + 1);
        }
        let whole = (blank ? '\n' : '') + text;
        blank = whole === '\n' || whole.endsWith('\n\n');
        if (blank)
            whole = whole.slice(0, -1);
        lines(whole);
    };
    /** The stream ended: what was held back is output (no marker came after it). */
    const flush = () => {
        lines((blank ? '\n' : '') + carry);
        carry = '';
        blank = false;
    };
    return Object.assign(push, { flush });
}
/** The smoke script's bootstrap: written to /tmp in the container (torchrun needs a file), run there. */
const BOOT = `import base64,runpy,sys;p="/tmp/ml_image_smoke.py";open(p,"w").write(base64.b64decode(sys.argv[1]).decode());sys.argv=[p]+sys.argv[2:];runpy.run_path(p,run_name="__main__")`;
/** The smoke script run with python3 (a spec for SmokeSession.run). */
function scriptSpec(script, words) {
    return { entrypoint: ['python3'], cmd: ['-c', BOOT, Buffer.from(script).toString('base64'), ...words] };
}
/** Time for the container and python3 to start, on top of the tests' own timeouts. */
const STARTUP_ALLOWANCE_MS = 60_000;
const s1 = (ms) => `${(ms / 1000).toFixed(1)}s`;
/** The --verbose timing line of a test of the shared process. */
function timingLine(startupMs, processS, end) {
    const torch = end?.torch_import_ms ?? undefined;
    const parts = [
        startupMs !== undefined
            ? `container and python3 start ${s1(startupMs)}${processS !== undefined ? ` (python3 ${processS.toFixed(1)}s of it)` : ''}`
            : 'in the shared process (no container start)',
        ...(torch !== undefined ? [`import torch ${s1(torch)}`] : []),
        ...(end?.ms !== undefined ? [`the test ${s1(end.ms - (torch ?? 0))}`] : []),
    ];
    return parts.join(', ');
}
/**
 * The tests one process runs, headed by STEPS[AT]: the later tests of its kind (GPU tests with GPU
 * tests, the others with the others: only a process of GPU tests gets the GPUs), up to the next
 * test of its kind that needs a fresh process.
 */
function processSteps(steps, at) {
    const head = steps[at];
    const out = [head];
    for (const x of steps.slice(at + 1)) {
        if (Boolean(x.gpu) !== Boolean(head.gpu))
            continue;
        if (x.fresh)
            break;
        out.push(x);
    }
    return out;
}
/** The variable that hands the script the plan of its process (its argv stays the first test's). */
const BATCH_ENV = 'ML_IMAGE_SMOKE_BATCH';
/**
 * The most bytes of a plan in BATCH_ENV. Linux refuses a single variable or argument over 128 KiB
 * (MAX_ARG_STRLEN): the container's exec fails with "argument list too long" and every test of the
 * process with it. A plan stops before the step that would take it past this; a step too large
 * alone (imports of a lock file of thousands of names) runs in a container of its own, its words
 * each an argument of their own on the command line.
 */
const PLAN_ENV_MAX_BYTES = 64 * 1024;
/** The plan of a process of STEPS that fits PLAN_ENV_MAX_BYTES; undefined when not even its first step does. */
function fittingPlan(steps, timeoutS, nonce) {
    const plan = { nonce, steps: [] };
    // The JSON's size counted step by step: each step's own JSON and the comma before it.
    let bytes = Buffer.byteLength(JSON.stringify(plan));
    for (const x of steps) {
        const step = { id: x.id, argv: x.argv, timeout: timeoutS };
        bytes += Buffer.byteLength(JSON.stringify(step)) + (plan.steps.length > 0 ? 1 : 0);
        if (bytes > PLAN_ENV_MAX_BYTES)
            break;
        plan.steps.push(step);
    }
    return plan.steps.length > 0 ? plan : undefined;
}
/**
 * The variable that tells the smoke script a test's timeout in seconds: the ddp suite stops its
 * launcher within it (a hang is then reported with torchrun's output), instead of after 600 s.
 */
const SMOKE_TIMEOUT_ENV = 'ML_IMAGE_SMOKE_TIMEOUT';
/** The environment every run of the smoke script gets: the test's timeout. */
const timeoutEnv = (timeoutMs) => ({
    [SMOKE_TIMEOUT_ENV]: String(timeoutMs / 1000),
});
/**
 * The progress line of a process about to start: the tests it runs in turn (their results follow
 * when it ends), and the first of them running; each later one says so as the process reaches it.
 */
function announceProcess(s, steps) {
    if (steps.length > 1)
        s.progress(`smoke ${steps.map((x) => x.id).join(', ')}: one container runs these in turn`);
    s.progress(`smoke ${steps[0].id}: running`);
}
/**
 * One live filter per stream: both carry the markers, and a stream's test is its own markers' (one
 * filter for both would label stdout with the test that stderr has already moved on to). The
 * progress says which test runs as the process reaches it (stdout's start markers; the first test
 * said so as the process started: announceProcess).
 */
function streamFilters(s, steps, nonce) {
    const emit = s.output ?? (() => undefined);
    const later = new Set(steps.slice(1).map((x) => x.id));
    const reached = (id) => {
        if (later.has(id))
            s.progress(`smoke ${id}: running`);
    };
    return {
        stdout: liveFilter(() => s.current, emit, nonce, reached),
        stderr: liveFilter(() => s.current, emit, nonce),
    };
}
/** Whether the shared process has run test ID already (its outcome is waiting): no start line for it. */
const ranInBatch = (s, id) => s.batch?.outcomes.has(id) ?? false;
/**
 * The outcome of test ID from the shared process: known from an earlier run of it, else a new
 * process is started for ID and every planned test after it. Undefined: ID is not planned, or is
 * a pip-check or file check that no process reached (it runs in a container of its own).
 */
async function batchOutcome(s, id) {
    const b = s.batch;
    const at = b?.steps.findIndex((x) => x.id === id) ?? -1;
    if (!b || at < 0)
        return undefined;
    const known = b.outcomes.get(id);
    if (known) {
        b.outcomes.delete(id);
        return known;
    }
    if (!b.steps[at].head)
        return undefined;
    // A GPU ddp step never joins a process that ran tests before it (CUDA may be initialised there:
    // an EXCLUSIVE_PROCESS GPU would refuse its rank 0, and the memory it holds is not the ranks').
    // The steps past what the environment can hold start a process of their own when reached.
    const nonce = newNonce();
    const candidates = processSteps(b.steps, at);
    const plan = fittingPlan(candidates, s.input.timeoutMs / 1000, nonce);
    if (!plan)
        return undefined;
    const steps = candidates.slice(0, plan.steps.length);
    announceProcess(s, steps);
    const filters = streamFilters(s, steps, nonce);
    const started = Date.now();
    // The command is the first test's own (as if it ran alone); the plan comes in the environment.
    const r = await s.run({
        ...scriptSpec(s.script, steps[0].argv),
        env: { [BATCH_ENV]: JSON.stringify(plan), ...timeoutEnv(s.input.timeoutMs) },
        ...(steps[0].gpu && { gpu: true }),
        // Each test keeps its own timeout (the script's watchdog); this one only backs it up.
        timeoutMs: s.input.timeoutMs * steps.length + STARTUP_ALLOWANCE_MS,
        ...(steps.some((x) => x.shm) && { shmSizeBytes: 1024 ** 3 }),
        onOutput: (chunk, stream) => filters[stream](chunk),
    });
    filters.stdout.flush();
    filters.stderr.flush();
    const totalMs = Date.now() - started;
    const out = sections(r.stdout, nonce);
    const err = sections(r.stderr, nonce);
    const ends = steps.map((x) => out.get(x.id)?.end).filter((m) => m !== undefined);
    const startupMs = Math.max(0, totalMs - ends.reduce((a, m) => a + (m.ms ?? 0), 0));
    const processS = processSeconds(r.stdout, nonce);
    for (const [i, step] of steps.entries()) {
        const o = out.get(step.id);
        const e = err.get(step.id);
        const first = i === 0 ? startupMs : 0;
        const timing = timingLine(i === 0 ? startupMs : undefined, i === 0 ? processS : undefined, o?.end);
        if (!o && !e) {
            // Nothing started (no python3, the script could not run): the first test had its run.
            if (i === 0)
                b.outcomes.set(step.id, { ...r, durationMs: totalMs, timing: `container ${s1(totalMs)}` });
            break;
        }
        if (o?.end) {
            const { exit, ms } = o.end;
            b.outcomes.set(step.id, {
                exitCode: typeof exit === 'number' ? exit : null,
                stdout: o.text,
                stderr: e?.text ?? '',
                timedOut: false,
                durationMs: first + (ms ?? 0),
                timing,
            });
            continue;
        }
        // Started, never ended: it timed out (the watchdog, or the container's own timeout), or the
        // process died under it (its exit code then is the test's, as in a container of its own).
        const timedOut = Boolean(o?.timedOut || e?.timedOut || r.timedOut);
        const before = ends.reduce((a, m) => a + (m.ms ?? 0), 0);
        b.outcomes.set(step.id, {
            exitCode: timedOut ? null : r.exitCode,
            stdout: o?.text ?? '',
            stderr: e?.text ?? '',
            timedOut,
            durationMs: Math.max(0, totalMs - before),
            timing: `${timing}; ${timedOut ? 'timed out' : `the process exited ${r.exitCode}`}`,
        });
        break;
    }
    const mine = b.outcomes.get(id);
    b.outcomes.delete(id);
    return mine;
}

;// CONCATENATED MODULE: ./src/smoke/custom.ts
// The user's own tests (smoke.tests), container-structure-test style: a command with its exit code
// and expected/excluded output, a file that exists (with a mode), or the image's metadata. A command
// runs without GPUs unless marked `gpu: true`, on the network smoke.network names (default none);
// one that fails for want of a GPU on a GPU run is told to ask for one (missingGpuCause).








/** The verdict of one custom test: a failure keeps its reason and the end of its output. */
function verdictOf(t, started) {
    return (ok, reason, output) => ({
        id: `custom:${t.name}`,
        suite: 'custom',
        status: ok ? 'pass' : 'fail',
        ...(!ok && { reason }),
        ...(!ok && output !== undefined && { output: tail(output) }),
        durationMs: Date.now() - started,
        metrics: {},
    });
}
async function commandTest(s, t, command, result) {
    const cmd = typeof command === 'string' ? ['sh', '-c', command] : [...command];
    // The run's GPUs only for a test marked gpu: true; the network smoke.network says (containerRunner:
    // none unless it says bridge).
    const r = await s.run({
        entrypoint: [cmd[0]],
        cmd: cmd.slice(1),
        ...(t.gpu && { gpu: true }),
        ...(s.input.network !== undefined && { network: s.input.network }),
    });
    const out = `${r.stdout}${r.stderr}`;
    if (r.timedOut)
        return result(false, timedOutReason(s.input.timeoutMs), out);
    if (r.exitCode !== t.exitCode) {
        // 127 (126: not executable) with the runtime's or the shell's wording: say which program.
        if (lacksProgram(r)) {
            const program = typeof command === 'string' ? `a program of "${command}"` : `"${cmd[0]}"`;
            return result(false, `command not found in the image: ${program} (exit ${r.exitCode}, expected ${t.exitCode})`, out);
        }
        return result(false, `exit code ${r.exitCode}, expected ${t.exitCode}`, out);
    }
    // The patterns see the last MATCH_TEXT_BYTES of the output: an excluded text before them cannot
    // be ruled out, so such a test fails rather than pass on what it did not see.
    const size = Buffer.byteLength(out);
    if (t.excludedOutput.length > 0 && size > MATCH_TEXT_BYTES)
        return result(false, `the output is ${(0,read_regular/* sizeText */.lP)(size)}, over the ${(0,read_regular/* sizeText */.lP)(MATCH_TEXT_BYTES)} that excludedOutput is checked against: the excluded text cannot be ruled out (print less, or check a file)`, out);
    // Bounded in size and time, off the main thread: a pathological pattern cannot hang the run.
    const m = await matchOutput(out, t.expectedOutput, t.excludedOutput);
    if (m.ok)
        return result(true, '');
    if (m.kind === 'missing')
        return result(false, `output does not match /${m.pattern}/`, out);
    if (m.kind === 'unwanted')
        return result(false, `output matches the excluded /${m.pattern}/`, out);
    return result(false, m.message, out);
}
/** What the file check prints: the file's mode in octal, or nothing when it does not exist. */
const FileInfoSchema = schemas/* object */.Ikc({ mode: schemas/* string */.YjP().optional() });
const FILE_CHECK = 'import os,sys,json\ntry:\n s=os.stat(sys.argv[1]); print(json.dumps({"mode": oct(s.st_mode & 0o7777)[2:]}))\nexcept FileNotFoundError: print("{}")';
async function fileTest(s, id, f, result, onNoPython) {
    const r = (await batchOutcome(s, id)) ??
        (await s.run({ entrypoint: ['python3'], cmd: ['-c', FILE_CHECK, f.path] }));
    if (r.timedOut)
        return result(false, timedOutReason(s.input.timeoutMs), r.stdout + r.stderr);
    if (lacksPython(r)) {
        onNoPython();
        return result(false, `${noPythonReason(s.input.image)} (file tests read the file with python3)`, r.stderr);
    }
    let mode;
    try {
        mode = FileInfoSchema.parse(JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '')).mode;
    }
    catch {
        return result(false, `cannot check ${f.path}: the check exited ${r.exitCode} without a result`, r.stdout + r.stderr);
    }
    const exists = mode !== undefined;
    if (exists !== f.exists)
        return result(false, `${f.path} ${exists ? 'exists' : 'does not exist'}`);
    // As numbers: "04755" and "4755" are one mode (the config allows a leading 0 before four digits).
    if (f.mode !== undefined && mode !== undefined && parseInt(mode, 8) !== parseInt(f.mode, 8)) {
        return result(false, `${f.path} has mode ${mode}, expected ${f.mode}`);
    }
    return result(true, '');
}
function metadataTest(m, details, result) {
    const env = Object.fromEntries(details.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    const problems = [];
    if (m.user !== undefined && details.user !== m.user)
        problems.push(`user is "${details.user}", expected "${m.user}"`);
    if (m.workdir !== undefined && (details.workdir ?? '') !== m.workdir)
        problems.push(`workdir is "${details.workdir ?? ''}", expected "${m.workdir}"`);
    for (const [k, v] of Object.entries(m.env ?? {}))
        if (env[k] !== v)
            problems.push(`env ${k} is ${env[k] === undefined ? 'unset' : 'different'}`);
    for (const [k, v] of Object.entries(m.labels ?? {}))
        if (details.labels[k] !== v)
            problems.push(
            // A label whose key names a secret is masked in the record: its value is not shown here either.
            (0,redact/* secretLabel */.Rq)(k)
                ? `label ${k} is ${details.labels[k] === undefined ? 'unset' : 'different'}`
                : `label ${k} is "${details.labels[k] ?? ''}", expected "${v}"`);
    if (m.entrypoint !== undefined && JSON.stringify(details.entrypoint ?? []) !== JSON.stringify(m.entrypoint))
        problems.push(`entrypoint is ${JSON.stringify(details.entrypoint)}`);
    if (m.cmd !== undefined && JSON.stringify(details.cmd ?? []) !== JSON.stringify(m.cmd))
        problems.push(`cmd is ${JSON.stringify(details.cmd)}`);
    return result(problems.length === 0, problems.join('; '));
}
/**
 * What a command finds in a container given no GPU (NVIDIA_VISIBLE_DEVICES=void: no device, no
 * driver library, no nvidia-smi): CUDA's "no device" (classify.ts: cuda-no-device), or no driver.
 */
const NO_GPU_IN_CONTAINER = /Found no NVIDIA driver on your system|libcuda\.so[.0-9]{0,12}: cannot open shared object file|NVML Shared Library Not Found|libnvidia-ml\.so[.0-9]{0,12}: cannot open shared object file|nvidia-smi"?: (\d+: )?(executable file not found|not found|command not found)|command not found in the image: "nvidia-smi"/i;
/**
 * The cause of a command test that failed for want of a GPU on a run that had GPUs: the test is
 * not marked `gpu: true`, so its container got none. Undefined when the failure is another one
 * (finishResult then classifies it as any other, whose "give the container GPUs" would mislead).
 */
function missingGpuCause(test, spec, gpus) {
    if (test.status !== 'fail' || spec.gpu || gpus !== 'all' || spec.command === undefined)
        return undefined;
    const text = `${test.reason ?? ''}\n${test.output ?? ''}`;
    const classified = classifyFailure(text);
    const match = classified?.id === 'cuda-no-device' ? classified.match : NO_GPU_IN_CONTAINER.exec(text)?.[0];
    if (match === undefined)
        return undefined;
    return {
        id: 'custom-test-without-gpu',
        cause: `this run has GPUs, but the custom test "${spec.name}" is not marked gpu: true, so its container got none (custom tests run without GPUs unless they ask: NVIDIA_VISIBLE_DEVICES=void, no device, no driver library, no nvidia-smi)`,
        fix: `add gpu: true to the test "${spec.name}" in smoke.tests (ml-image.yml)`,
        source: 'https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/docker-specialized.html',
        match: match.slice(0, 200),
    };
}
/** One custom test: a command, a file, else the image's metadata (the config allows exactly one). */
async function customTest(s, t, onNoPython) {
    const result = verdictOf(t, Date.now());
    if (t.command !== undefined) {
        const test = await commandTest(s, t, t.command, result);
        const cause = missingGpuCause(test, t, s.input.gpus);
        return cause ? { ...test, cause } : test;
    }
    if (t.file !== undefined)
        return fileTest(s, `custom:${t.name}`, t.file, result, onNoPython);
    return metadataTest(t.metadata, s.details, result);
}
/** The custom suite: one progress line per test, under its own id (never the previous suite's). */
async function runCustomTests(s) {
    if (s.input.tests.length === 0)
        s.progress('smoke custom: no tests declared (smoke.tests)');
    for (const t of s.input.tests) {
        const id = `custom:${t.name}`;
        // A file check the shared process ran already said so as it started (batch.ts).
        if (!ranInBatch(s, id))
            s.progress(`smoke ${id}: running`);
        // A test that uses a GPU, on a run without GPUs: skipped (failed under require-gpu).
        if (t.gpu && s.input.gpus === 'none') {
            record(s, gpuAbsent(id, 'custom', s.input));
            continue;
        }
        const run1 = () => customTest(s, t, () => {
            s.noPython = id;
        });
        // A file test reads the file with python3; command and metadata tests need none.
        await (t.file !== undefined ? python(s, id, 'custom', run1) : guarded(s, id, 'custom', run1));
    }
}

;// CONCATENATED MODULE: ./src/smoke/suites.ts
// The built-in suites: each a part of the smoke script (images/probe/ml_image_smoke.py) run with
// python3 (the python3 tests share one container and process: batch.ts), whose last stdout line is
// its result; pip check; the GPU rule.







const GPU_SUITES = new Set(['gpu']);
/** The result line a suite of the smoke script prints last (its `emit`). */
const SuiteLineSchema = schemas/* object */.Ikc({
    status: schemas/* enum */.k5n(['pass', 'fail', 'skip']),
    reason: schemas/* string */.YjP().optional(),
    metrics: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
    output: schemas/* string */.YjP().optional(),
    /** The imports suite: one entry per module (or distribution that is not installed). */
    details: schemas/* array */.YOg(schemas/* object */.Ikc({ dist: schemas/* string */.YjP(), module: schemas/* string */.YjP().optional(), error: schemas/* string */.YjP().optional() }))
        .optional(),
});
/** Where a result object starts in a line ("{" then "status"): after any output that ran into it. */
const RESULT_START = /\{\s*"status"\s*:/g;
/**
 * The result a suite printed on STDOUT: the last line that holds a result's start, read from the
 * last start that is a whole result object (the script writes it on a line of its own, but what a
 * module printed after it, at exit, or C's stdio, may follow, and an older script's result followed
 * a module's output without a newline). Only that line is read: a line before it that looks like a
 * result (a module's own output) is never taken for the suite's.
 */
function suiteResult(stdout) {
    const lines = stdout.split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
        const line = lines[i].trim();
        const starts = [...line.matchAll(RESULT_START)].map((m) => m.index);
        if (starts.length === 0)
            continue;
        for (const at of starts.reverse()) {
            try {
                return SuiteLineSchema.parse(JSON.parse(line.slice(at)));
            }
            catch {
                // not a whole result from here: an earlier start may be
            }
        }
        return undefined;
    }
    return undefined;
}
/** Reads a suite's result line into TEST (status, reason, metrics, the output of a failure). */
function readSuiteLine(test, r) {
    const out = suiteResult(r.stdout);
    if (out === undefined) {
        test.reason = `the suite exited ${r.exitCode} without a result`;
        test.output = tail(r.stdout + r.stderr);
        return;
    }
    test.status = out.status;
    if (out.reason)
        test.reason = out.reason;
    test.metrics = out.metrics ?? {};
    if (out.status === 'fail') {
        // Failing imports as plain lines ("module (dist): error"), so the classifier sees the text.
        const details = (out.details ?? [])
            .filter((d) => d.error)
            .map((d) => `${d.module ?? ''} (${d.dist}): ${d.error}`)
            .join('\n');
        test.output = tail(`${out.output ?? ''}\n${details}\n${r.stderr}`);
    }
}
/**
 * What a test's run gave: from the shared process (batch.ts), else from its own container. The
 * progress says a test runs when it does: the shared process as it reaches each of its tests
 * (batch.ts), a container of its own as it starts (never a suite whose tests ran already).
 */
async function outcomeOf(s, id, spec) {
    const shared = await batchOutcome(s, id);
    if (shared) {
        timing(s, id, shared.timing);
        return shared;
    }
    s.progress(`smoke ${id}: running`);
    const started = Date.now();
    const r = await s.run(spec);
    const durationMs = Date.now() - started;
    timing(s, id, `a container of its own, ${(durationMs / 1000).toFixed(1)}s in all`);
    return { ...r, durationMs };
}
/** A suite of the smoke script, run with python3 (in the shared process, or a container of its own). */
async function probeSuite(s, id, name, args, extra = {}) {
    const r = await outcomeOf(s, id, {
        ...scriptSpec(s.script, [name, ...args]),
        env: timeoutEnv(s.input.timeoutMs),
        ...extra,
    });
    const test = { id, suite: name, status: 'fail', durationMs: r.durationMs, metrics: {} };
    if (r.timedOut) {
        test.reason = timedOutReason(s.input.timeoutMs);
        test.output = tail(r.stdout + r.stderr);
    }
    else if (lacksPython(r)) {
        test.reason = noPythonReason(s.input.image);
        test.output = tail(r.stdout + r.stderr);
        s.noPython = id;
    }
    else {
        readSuiteLine(test, r);
    }
    return test;
}
/** What `python3 -m pip` prints on an image without pip ("/usr/bin/python3: No module named pip"). */
const NO_PIP = /: No module named pip\s*$/m;
/** `python3 -m pip check` in the image; skipped, as the torch suites are without torch, when pip is absent. */
async function pipCheck(s, name) {
    const r = await outcomeOf(s, 'pip-check', { entrypoint: ['python3'], cmd: ['-m', 'pip', 'check'] });
    const ok = r.exitCode === 0;
    const missing = !ok && !r.timedOut && lacksPython(r);
    if (missing)
        s.noPython = 'pip-check';
    const noPip = !ok && !r.timedOut && !missing && NO_PIP.test(`${r.stdout}\n${r.stderr}`);
    return {
        id: 'pip-check',
        suite: name,
        status: ok ? 'pass' : noPip ? 'skip' : 'fail',
        ...(noPip && { reason: 'pip is not installed in the image' }),
        ...(!ok &&
            !noPip && {
            reason: r.timedOut
                ? timedOutReason(s.input.timeoutMs)
                : missing
                    ? noPythonReason(s.input.image)
                    : 'pip check found broken requirements',
            output: tail(r.stdout + r.stderr),
        }),
        durationMs: r.durationMs,
        metrics: {},
    };
}
/**
 * CUDA is required when GPUs were handed to the containers (`--gpus all`, or auto on a host with
 * the NVIDIA runtime): train and ddp must then run on CUDA (nccl) and fail with the cause instead
 * of passing on the CPU (gloo). A CUDA variant smoke-tested on a CPU runner (`--gpus none`, the
 * reusable workflow's smoke-cpu job) still runs them on the CPU: no GPU was asked for there.
 */
const cudaRequired = (input) => input.gpus === 'all';
/**
 * require-gpu on a run without GPUs, for an image that could have had them (not gpuWithheld): train
 * and ddp are not run on the CPU but failed (gpuAbsent), as the gpu suite and compute-gpu are.
 */
const gpuMissing = (input) => input.gpus === 'none' && input.requireGpu && input.gpuWithheld === undefined;
/** Recorded without running (gpuAbsent): the gpu suite without GPUs; train and ddp when gpuMissing. */
const lacksGpu = (input, name) => (GPU_SUITES.has(name) && input.gpus === 'none') ||
    ((name === 'train' || name === 'ddp') && gpuMissing(input));
/** `--floors JSON`: the per-GPU floors the script judges compute-gpu and a CUDA ddp against. */
const floorsFlag = (input) => [
    '--floors',
    floorsArg(input.baseline ?? bundledBaseline()),
];
/** gpu DRIVER_FLOOR [--require]: GPUs were asked for (or require-gpu), so none found fails. */
const gpuArgs = (input) => [
    input.driverFloor ?? '',
    ...(input.requireGpu || cudaRequired(input) ? ['--require'] : []),
];
/** train MIN_DROP [--cuda] */
const trainArgs = (input) => [
    String(input.minLossDrop ?? 0.5),
    ...(cudaRequired(input) ? ['--cuda'] : []),
];
/** ddp auto [--cuda --floors JSON]: every GPU of the host (or 2 CPU processes over gloo). */
const ddpArgs = (input) => [
    'auto',
    ...(cudaRequired(input) ? ['--cuda', ...floorsFlag(input)] : []),
];
/**
 * The python3 tests of a run, in the order runSuite runs them, for the shared process: the same
 * words each would be run with alone. An id that occurs twice is left out (its own containers).
 * The tests that use a GPU say so (`gpu`): only their processes get the GPUs.
 */
function batchSteps(input) {
    const steps = [];
    const cuda = cudaRequired(input);
    const suite = (id, argv, o = {}) => steps.push({
        id,
        argv,
        head: true,
        ...(o.shm && { shm: true }),
        ...(o.fresh && { fresh: true }),
        ...(o.gpu && { gpu: true }),
    });
    for (const name of input.suites) {
        if (lacksGpu(input, name))
            continue;
        if (name === 'imports' && input.distributions.length > 0)
            suite('imports', ['imports', ...input.distributions]);
        if (name === 'pip-check')
            steps.push({ id: 'pip-check', argv: ['pip-check'], head: false });
        if (name === 'gpu')
            suite('gpu', ['gpu', ...gpuArgs(input)], { gpu: true });
        if (name === 'compute') {
            suite('compute-cpu', ['compute', 'cpu']);
            if (input.gpus === 'all')
                suite('compute-gpu', ['compute', 'cuda', ...floorsFlag(input)], { gpu: true });
        }
        if (name === 'train')
            suite('train', ['train', ...trainArgs(input)], { gpu: cuda });
        // On a GPU run, ddp runs in a process of its own (no CUDA context of an earlier test in it).
        if (name === 'ddp')
            suite('ddp', ['ddp', ...ddpArgs(input)], { shm: true, fresh: input.gpus !== 'none', gpu: cuda });
        if (name === 'custom')
            for (const t of input.tests)
                if (t.file !== undefined && t.command === undefined)
                    steps.push({ id: `custom:${t.name}`, argv: ['file', t.file.path], head: false });
    }
    const count = (id) => steps.filter((x) => x.id === id).length;
    return steps.filter((x) => count(x.id) === 1);
}
/** Runs one suite of smoke.suites (its tests' results land in the session). */
async function runSuite(s, name) {
    const { input } = s;
    if (lacksGpu(input, name)) {
        record(s, gpuAbsent(name, name, input));
        return;
    }
    const suite = (id, args, extra) => probeSuite(s, id, name, args, extra);
    // The tests that use a GPU: only their containers get the run's GPUs.
    const gpu = { gpu: true };
    const cuda = { gpu: cudaRequired(input) };
    switch (name) {
        case 'imports':
            if (input.distributions.length === 0)
                await guarded(s, 'imports', name, async () => skipped('imports', name, 'no requirements declared to import'));
            else
                await python(s, 'imports', name, () => suite('imports', [...input.distributions]));
            break;
        case 'pip-check':
            await python(s, 'pip-check', name, () => pipCheck(s, name));
            break;
        case 'gpu':
            await python(s, 'gpu', name, () => suite('gpu', gpuArgs(input), gpu));
            break;
        case 'compute':
            await python(s, 'compute-cpu', name, () => suite('compute-cpu', ['cpu']));
            if (input.gpus === 'all')
                await python(s, 'compute-gpu', name, () => suite('compute-gpu', ['cuda', ...floorsFlag(input)], gpu));
            // Recorded (skipped, failed under require-gpu), so that a run without GPUs compared with a
            // GPU baseline shows compute-gpu as pass -> skip, not as gone.
            else
                record(s, gpuAbsent('compute-gpu', name, input));
            break;
        case 'train':
            await python(s, 'train', name, () => suite('train', trainArgs(input), cuda));
            break;
        case 'ddp':
            // DDP needs shared memory (gloo and NCCL both use /dev/shm); Docker's default is 64 MiB.
            await python(s, 'ddp', name, () => suite('ddp', ddpArgs(input), { shmSizeBytes: 1024 ** 3, ...cuda }));
            break;
        case 'custom':
            await runCustomTests(s);
            break;
    }
}

;// CONCATENATED MODULE: ./src/smoke/run.ts
// The smoke runner: the python3 suites in one shared container and process (batch.ts), the others
// each in its own container of the image (timeout per test, output kept, every container removed
// in every case), results classified and written as smoke.json + junit.xml.
// The suites are in suites.ts, the user's tests in custom.ts, the shared rules in session.ts.








// Every name the runner's callers import from here (smoke/run.ts), wherever it now lives.


/**
 * Whether the engine can give containers NVIDIA GPUs: it has the NVIDIA runtime (nvidia, or the
 * toolkit's nvidia-cdi / nvidia-legacy), or a CDI device of kind nvidia.com/gpu. A CDI spec
 * directory alone is not enough: Docker 28.2+ configures /etc/cdi and /var/run/cdi everywhere.
 */
function engineHasNvidiaGpus(f) {
    return f.runtimes.some((r) => r === 'nvidia' || r.startsWith('nvidia-')) || (0,cdi/* hasNvidiaCdiGpu */.Sy)(f.cdiDevices);
}
/** `--gpus auto`: GPUs when the engine has the NVIDIA runtime or an NVIDIA GPU CDI device, else CPU only. */
async function resolveGpus(mode, docker) {
    if (mode !== 'auto')
        return mode;
    return engineHasNvidiaGpus(await docker.daemonFeatures()) ? 'all' : 'none';
}
/**
 * The mode resolved (resolveGpus), then the runner's pin from ENV (the environment the tool runs
 * in: NVIDIA_VISIBLE_DEVICES, else CUDA_VISIBLE_DEVICES): a GPU run gets the pinned GPUs only, and
 * none when the pin gives none (-1). A value that is no GPU list is exit 2: under `all` before the
 * engine is asked, under `auto` only where the engine has GPUs; `none` ignores it.
 */
async function resolveGpuChoice(mode, docker, env) {
    if (mode === 'none')
        return { gpus: 'none' };
    // Under all, a bad pin is exit 2 before the engine is asked; under auto only where there are GPUs.
    const early = mode === 'all' ? gpuPinOf(env) : undefined;
    if ((await resolveGpus(mode, docker)) === 'none')
        return { gpus: 'none' };
    const pin = mode === 'all' ? early : gpuPinOf(env);
    if (pin === undefined)
        return { gpus: 'all' };
    return { gpus: pin.devices.length > 0 ? 'all' : 'none', pin };
}
async function runSmoke(input, deps) {
    const startedAt = Date.now();
    const script = (0,external_node_fs_.readFileSync)(external_node_path_default().join(input.imagesDir, 'probe', 'ml_image_smoke.py'), 'utf8');
    const details = await deps.docker.inspectImage(input.runImage ?? input.image, input.platform);
    const s = {
        input,
        details,
        platform: input.platform ?? `${details.os}/${details.architecture}`,
        startedAt,
        script,
        run: containerRunner(input, deps, () => s.current),
        progress: deps.progress ?? (() => undefined),
        tests: [],
        current: '',
        batch: { steps: batchSteps(input), outcomes: new Map() },
        ...(deps.output && { output: (chunk, test) => deps.output((0,redact_instruction/* redactOutput */.nJ)(chunk), test) }),
    };
    // The suites run python3 on PATH: say so once when the image starts a Python off its PATH.
    const offPath = input.entryPythonChecked ? undefined : entryPythonOffPath(details);
    if (offPath !== undefined)
        s.progress(`smoke warning: ${offPath}`);
    for (const name of input.suites)
        await runSuite(s, name);
    return finishResult(s);
}

;// CONCATENATED MODULE: ./src/smoke/target-gpus.ts



/**
 * The kind that decides a variant's GPUs: `cpu` only for a cpu variant the `cpu` template builds
 * (CPU torch); a cpu variant built from the config's own Dockerfile or another template may install
 * anything (a CUDA torch on nvidia/cuda), so it counts as `custom`.
 */
function gpuKindOf(v) {
    return v.kind === 'cpu' && v.template !== 'cpu' ? 'custom' : v.kind;
}
/**
 * A cpu variant never gets GPUs (CPU torch cannot use one); a target of another platform than the
 * engine's runs emulated and gets none either. Every other target gets the run's GPUs. A `custom`
 * variant (the config's own base image) may hold CUDA, so it is treated as a CUDA one.
 */
function targetGpus(t) {
    if (t.kind === 'cpu')
        return { gpus: 'none', withheld: 'cpu variant: no GPU tests' };
    if (t.host !== undefined && t.platform !== undefined && !samePlatform(t.platform, t.host))
        return { gpus: 'none', withheld: `${t.platform} runs emulated on this ${t.host} host: no GPU` };
    return { gpus: t.gpus };
}
/** linux/arm64 and linux/arm64/v8 are the same machine. */
const samePlatform = (a, b) => a.split('/').slice(0, 2).join('/') === b.split('/').slice(0, 2).join('/');
/**
 * Whether the engine's platform matters to KIND's targets: for a variant that may get GPUs, on a
 * run with GPUs or one that requires them (the emulated targets' GPU tests skip, not fail).
 */
const needsHost = (kind, gpus, requireGpu) => kind !== 'cpu' && (gpus === 'all' || requireGpu);
/**
 * The GPUs a target of KIND and PLATFORM (undefined: the engine's own) gets on RUN; the engine's
 * platform is asked only when it matters. The smoke stage and `ml-image smoke` both decide so.
 */
async function gpusOfTarget(kind, platform, run) {
    const host = platform !== undefined && needsHost(kind, run.gpus, run.requireGpu) ? await run.host() : undefined;
    return targetGpus({ kind, platform, gpus: run.gpus, host });
}
/** The engine's platform, asked once (its version: os and architecture). */
function hostPlatformOnce(docker) {
    let asked;
    return () => (asked ??= docker.ping().then(enginePlatform));
}
/**
 * The GPUs of the engine's host for the reuse key (io.hostGpus: nvidia-smi on the host), the pinned
 * ones only when the runner is pinned; unknown (never reused) when they cannot be looked up.
 */
async function lookUpGpus(io, pin) {
    const pinned = containerGpus(pin);
    const found = io.hostGpus
        ? await io.hostGpus(...(pinned === 'all' ? [] : [pinned])).catch((e) => ({
            unknown: `the lookup failed: ${String(e?.message ?? e).split('\n')[0]}`,
        }))
        : { unknown: 'no way to look up the GPUs was given' };
    if ('unknown' in found)
        io.progress('smoke', `the GPUs could not be identified (earlier results are not reused): ${found.unknown}`);
    return found;
}

;// CONCATENATED MODULE: ./src/smoke/stage.ts
// The smoke stage: for each built variant and platform, capture the environment record and run the
// smoke suites in the image, write env/smoke/junit files (src/results), and annotate failures.















/**
 * What decides a smoke result: the image (by digest) and every input of the suites. Equal keys
 * mean the same tests of the same bits on the same kind of runner, so a result may be reused.
 */
function smokeKey(digest, inputs) {
    return `${digest} ${(0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(inputs)).digest('hex')}`;
}
/**
 * The image's name in the record (image.ref) and the smoke result: the platform's own manifest by
 * digest when the build pushed it (also when it loaded it: the attest stage signs that digest and
 * takes only results of it), else the local tag. What the containers run is Prepared.runImage.
 */
function imageUnderTest(v, p) {
    return (0,result/* isPushed */.Yx)(p) || p.localRef === undefined ? `${v.repository}@${p.digest}` : p.localRef;
}
async function runSmokeStage(input, io) {
    const docker = io.docker();
    const env = input.env ?? process.env;
    const { gpus, pin } = await resolveGpuChoice(input.gpus, docker, env);
    const ctx = {
        input,
        io,
        config: input.loaded.config,
        docker,
        gpus,
        pin,
        host: hostPlatformOnce(docker),
        ...configSmokeInputs(input.loaded, env),
    };
    const entries = [];
    const errors = [];
    const planned = targets(ctx);
    // The result directory outlives a run: a target that cannot be tested this time must not leave
    // an earlier image's record and results there (the report and the attest stage read them).
    for (const t of planned)
        input.results.removeRecords(t.v.variant, t.p.platform);
    for (const target of planned) {
        const r = await smokeTarget(ctx, await prepare(ctx, target));
        if (typeof r === 'string')
            errors.push(r);
        else
            entries.push(r);
    }
    return { entries, errors };
}
/** Every built platform of every planned variant (a smoke job of a matrix gets the whole build.json;
 * its variants/platforms inputs pick its share). */
function targets(ctx) {
    return ctx.input.build.variants.flatMap((v) => {
        const planned = ctx.input.plan.variants.find((p) => p.name === v.variant);
        if (!planned)
            return [];
        return v.platforms
            .filter((x) => planned.platforms.includes(x.platform))
            .map((p) => ({ v, p, planned, id: `${v.variant} ${p.platform}`, image: imageUnderTest(v, p) }));
    });
}
/**
 * The key of a target covers every input of the suites and the GPUs they run with (gpusOf). The
 * image a local build's tag names is checked once, before its first container (verifiedLocalImage):
 * a run never tests another image than the one built. A target also pushed runs that local image
 * too (no pull), named by its digest.
 */
async function prepare(ctx, t) {
    const { config } = ctx;
    const { p } = t;
    let checked;
    const runImage = () => (checked ??=
        p.localRef === undefined
            ? Promise.resolve(t.image)
            : (0,local_image/* verifiedLocalImage */.RE)(ctx.docker, p.localRef, p.platform, p));
    const run = await gpusOfTarget(gpuKindOf(t.planned), p.platform, {
        ...ctx,
        requireGpu: config.smoke.requireGpu,
    });
    const gpus = await gpusOf(ctx, run.gpus);
    const key = smokeKey(p.digest, {
        platform: p.platform,
        suites: config.smoke.suites,
        requireGpu: config.smoke.requireGpu,
        tests: config.smoke.tests,
        network: config.smoke.network,
        timeoutSeconds: config.smoke.timeoutSeconds,
        distributions: ctx.distributionsFor(p.platform, t.planned.python),
        baseline: ctx.baseline,
        gpus: run.gpus,
        gpuWithheld: run.withheld ?? null,
        gpuDevices: devicesKey(gpus),
        driverFloor: t.planned.cuda?.minorCompatDriverMin ?? null,
        tool: toolKey(ctx.input.imagesDir),
    });
    return { ...t, key, run, gpus, runImage };
}
/**
 * The GPUs the reuse key covers: "none" for a target without GPUs; with GPUs, the host's (io.hostGpus:
 * nvidia-smi on the engine's host), looked up once per stage and only when results may be reused
 * (input.reuse: `ml-image run`). The action never reuses: its GPUs are not looked up (unknown).
 */
function gpusOf(ctx, gpus) {
    if (gpus === 'none')
        return Promise.resolve(CPU_ONLY);
    if (!ctx.input.reuse)
        return Promise.resolve(NOT_LOOKED_UP);
    return (ctx.devices ??= lookUpGpus(ctx.io, ctx.pin));
}
/** One target: its entry, or the line saying why it could not run (also annotated). */
async function smokeTarget(ctx, t) {
    const { io, input } = ctx;
    const { v, p, id } = t;
    const t0 = Date.now();
    const reuse = await reuseOutcome(ctx, t)?.catch((e) => {
        if (e instanceof errors/* EnvironmentError */.eG)
            throw e;
        // Reuse is a shortcut: an earlier result that cannot be read is no earlier result.
        io.progress('smoke', `${id}: running the suites (the earlier results are unreadable: ${String(e?.message ?? e).split('\n')[0]})`);
        return undefined;
    });
    const reused = reuse?.entry;
    const group = io.group ?? ((_n, fn) => fn());
    let entry;
    try {
        entry = reused ?? stamped(ctx, await group(`smoke ${id}`, () => captureAndTest(ctx, t)));
    }
    catch (e) {
        // One target that cannot be captured or tested must not cost the others their results
        // or the pull request its report; the stage fails at the end. No daemon: stop now.
        if (e instanceof errors/* EnvironmentError */.eG)
            throw e;
        const message = (0,errors/* describeError */.Uc)(e, false).replace(/^error: /, '');
        io.error(message, { title: `ml-image smoke ${id}` });
        return `${id}: ${message.split('\n')[0]}`;
    }
    // The reuse key goes last: only a complete set of results is ever reused.
    if (reused)
        input.results.writeEnv(v.variant, p.platform, entry.record, `smoke ${id}`);
    input.results.writeSmoke(v.variant, p.platform, entry.result, `smoke ${id}`);
    input.results.writeSmokeKey(v.variant, p.platform, reuse?.keyFile ?? t.key, `smoke ${id}`);
    const s = entry.result.summary;
    io.progress('smoke', `${id}: ${s.pass} passed, ${s.fail} failed, ${s.skip} skipped in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    for (const a of failureAnnotations(id, entry.result))
        io.error(a.message, { title: a.title });
    const skippedGpu = entry.result.tests.filter((x) => x.status === 'skip' && x.suite === 'gpu');
    if (t.planned.kind === 'cuda' && skippedGpu.length > 0 && t.run.gpus === 'none')
        io.warning(`${id}: GPU suites skipped: ${skippedGpu[0].reason ?? 'no GPU'}`, {
            title: `ml-image smoke ${id}`,
        });
    return entry;
}
/**
 * A new result with when and where its suites ran; a reused one keeps its own (the earlier run's
 * time and runner), so that the smoke attestation names the run that tested the image.
 */
function stamped(ctx, entry) {
    return { ...entry, result: stampedResult(ctx.input, entry.result) };
}
/** RESULT with when its suites ended and on which runner (none named off a GitHub runner). */
function stampedResult(input, result) {
    const { runner, now } = input;
    const finishedAt = (now?.() ?? new Date()).toISOString();
    const hasRunner = runner !== undefined && Object.keys(runner).length > 0;
    return { ...result, finishedAt, ...(hasRunner && { runner: { ...runner } }) };
}
/** Reuse (src/smoke/reuse.ts), when on: the earlier run's entry when it matches, and the key file. */
function reuseOutcome(ctx, t) {
    const lookup = ctx.input.reuse;
    if (!lookup)
        return undefined;
    return reuseOf({
        variant: t.v.variant,
        platform: t.p.platform,
        id: t.id,
        image: t.image,
        digest: t.p.digest,
        local: !(0,result/* isPushed */.Yx)(t.p),
        key: t.key,
        gpus: t.gpus,
    }, { lookup, docker: ctx.docker, config: ctx.config, progress: (l) => ctx.io.progress('smoke', l) });
}
/**
 * Capture, then the suites. Each file is written as soon as what it holds is known (the record
 * right after capture, the results when the suites end, also when they end early), atomically, so
 * that a later failure loses nothing already measured and no half-written JSON is left to trust.
 */
async function captureAndTest(ctx, t) {
    const { io, input, config, docker, pin } = ctx;
    const { v, p, id, image } = t;
    const { gpus, withheld } = t.run;
    const runImage = await t.runImage();
    io.progress('smoke', `${id}: capture ${image}${runImage !== image ? ` (image ${runImage})` : ''}`);
    // The record and capture's messages name the image by its tag; its id is the image ID that ran.
    // On a GPU run the probe gets the GPUs the gpu suite gets: the record (and the smoke attestation
    // made from it) names the GPUs and driver the tests ran on.
    const record = await captureImage({
        image: runImage,
        name: image,
        platform: p.platform,
        imagesDir: input.imagesDir,
        variant: v.variant,
        ...(gpus === 'all' && { gpus: containerGpus(pin) }),
    }, { docker });
    input.results.writeEnv(v.variant, p.platform, record, `smoke ${id}`);
    const incomplete = (0,capture_record/* packageListProblem */.o8)(record);
    if (incomplete !== undefined)
        io.warning(`${id}: ${incomplete}`, { title: 'ml-image capture' });
    // Once, before the suites: they run the same python3 on PATH the record describes.
    const otherPython = entryPythonProblem(record);
    if (otherPython !== undefined)
        io.warning(`${id}: ${otherPython} (the smoke suites run that python3 too)`, { title: 'ml-image smoke' });
    io.progress('smoke', `${id}: recorded ${record.python.packages.length} pip + ${record.apt.length} apt packages; suites ${config.smoke.suites.join(', ')} (${withheld ? `no GPU: ${withheld}` : gpusLine(gpus, pin)})`);
    const result = await runSmoke({
        image,
        ...(runImage !== image && { runImage }),
        platform: p.platform,
        suites: config.smoke.suites,
        gpus,
        ...(withheld !== undefined && { gpuWithheld: withheld }),
        ...(pin !== undefined && { pin }),
        network: config.smoke.network,
        requireGpu: config.smoke.requireGpu,
        distributions: ctx.distributionsFor(p.platform, t.planned.python),
        tests: config.smoke.tests,
        ...(t.planned.cuda && { driverFloor: t.planned.cuda.minorCompatDriverMin }),
        timeoutMs: config.smoke.timeoutSeconds * 1000,
        imagesDir: input.imagesDir,
        baseline: ctx.baseline,
        entryPythonChecked: true,
    }, {
        docker,
        progress: (l) => io.progress('smoke', `${id}: ${l.replace(/^smoke /, '')}`),
        ...(io.output && { output: (chunk, test) => testLines(chunk, test, io.output) }),
    }).catch((e) => {
        // The daemon went away mid-run: keep the tests that finished (no reuse key: the
        // results are incomplete), then end the stage with the environment error.
        if (e instanceof interrupt/* SmokeInterruptedError */.Yi) {
            // Stamped as a finished one is: a later attest job names where and when these ran.
            const partial = { ...e.partial, gpuDevices: devicesKey(t.gpus) };
            input.results.writeSmoke(v.variant, p.platform, stampedResult(input, partial), `smoke ${id}`);
            const s = e.partial.summary;
            io.progress('smoke', `${id}: stopped after ${e.partial.tests.length} test(s) (${s.pass} passed, ${s.fail} failed, ${s.skip} skipped); their results are written`);
        }
        throw e;
    });
    return {
        variant: v.variant,
        platform: p.platform,
        image,
        record,
        result: { ...result, gpuDevices: devicesKey(t.gpus) },
    };
}

// EXTERNAL MODULE: ./src/github/run.ts
var github_run = __webpack_require__(31738);
;// CONCATENATED MODULE: ./src/attest/of-image.ts

/** The digest REF names (repository@sha256:...); undefined for a reference by tag only. */
function of_image_refDigest(ref) {
    const at = ref.lastIndexOf('@');
    const digest = at < 0 ? undefined : ref.slice(at + 1);
    return (0,oci_ref/* isDigest */.Bc)(digest) ? digest : undefined;
}
/** The image a smoke result is of: the smoke stage names it repository@digest (imageUnderTest). */
const smokeImage = (s) => {
    const digest = of_image_refDigest(s.image);
    return { ref: s.image, ...(digest !== undefined && { digest }) };
};
/**
 * The image a record is of: the reference it was captured by (repository@digest, as the smoke
 * stage captures a pushed image), else the registry digest the engine knew it by.
 */
const recordImage = (r) => {
    const digest = of_image_refDigest(r.image.ref) ?? ((0,oci_ref/* isDigest */.Bc)(r.image.digest) ? r.image.digest : undefined);
    return { ref: r.image.ref, ...(digest !== undefined && { digest }) };
};
const of_image_short = (digest) => digest.slice(0, 19);
/**
 * Undefined when FOUND (WHAT, read from FILE) is of DIGEST; otherwise the note that says it is not
 * attested: "the smoke result in FILE is of another image (sha256:...), not attested".
 */
function otherImage(what, file, found, digest) {
    if (found.digest === digest)
        return undefined;
    const which = found.digest !== undefined ? of_image_short(found.digest) : `${found.ref}, no digest`;
    return `the ${what} in ${file} is of another image (${which}), not attested`;
}

// EXTERNAL MODULE: ./src/attest/signing.ts + 1 modules
var attest_signing = __webpack_require__(10854);
// EXTERNAL MODULE: ./src/attest/cosign-key.ts
var cosign_key = __webpack_require__(98224);
// EXTERNAL MODULE: ./src/attest/signers.ts + 5 modules
var signers = __webpack_require__(84869);
// EXTERNAL MODULE: ./src/attest/types.ts
var types = __webpack_require__(79124);
;// CONCATENATED MODULE: ./src/attest/purl.ts
// Package URLs (https://github.com/package-url/purl-spec) as the SBOM writes them: pkg:pypi,
// pkg:deb, pkg:conda and pkg:oci, percent-encoded and with sorted qualifiers (pure).




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
        .sort(([a], [b]) => (0,util_text/* compareText */.n6)(a, b))
        .map(([k, v]) => `${k}=${purlEncode(v)}`);
    return parts.length ? `?${parts.join('&')}` : '';
}
const at = (version) => (version === '' ? '' : `@${purlEncode(version)}`);
function pypiPurl(name, version) {
    // pkg:pypi names are PEP 503 normalised: Foo_Bar.baz -> foo-bar-baz.
    return `pkg:pypi/${purlEncode((0,parse/* canonicalName */.Ew)(name))}${at(version)}`;
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
    return `pkg:deb/${purlEncode(osId.toLowerCase())}/${purlEncode(pkg.name.toLowerCase())}${at(pkg.version)}${q}`;
}
/** pkg:conda/<name>@<version>?build=&channel=&subdir= (purl-spec's conda type: no namespace). */
function condaPurl(pkg) {
    const q = qualifiers({ build: pkg.build, channel: pkg.channel, subdir: pkg.subdir });
    return `pkg:conda/${purlEncode(pkg.name)}${at(pkg.version)}${q}`;
}
/** pkg:oci/<name>@sha256:<hex>?arch=&repository_url=&tag=, or undefined without a sha256 digest. */
function ociPurl(ref, digest, arch) {
    const hex = (0,types/* sha256Hex */.fg)(digest);
    if (hex === undefined)
        return undefined;
    const r = (0,oci_ref/* parseImageRef */.Q)(ref);
    const name = r.path.split('/').pop().toLowerCase();
    return `pkg:oci/${purlEncode(name)}@sha256:${hex}${qualifiers({ arch, repository_url: (0,oci_ref/* repositoryOf */._M)(r), tag: r.tag })}`;
}

// EXTERNAL MODULE: ./src/attest/result.ts
var attest_result = __webpack_require__(29476);
;// CONCATENATED MODULE: ./src/attest/provenance.ts
// The SLSA v1 provenance predicate (https://slsa.dev/spec/v1.0/provenance) of one image by digest:
// what was built from what (the config, the requirement and constraint files, the base image by
// digest), by which builder (the workflow run in Actions, the CLI elsewhere), and when. Pure.





// Its predicate type is defined with the other kinds' in result.ts (KIND_TYPES).

const BUILD_TYPE = 'https://ml-image-action.github.io/buildtypes/buildx/v1';
/** The builder id outside GitHub Actions. */
const CLI_BUILDER_ID = 'https://ml-image-action.github.io/builders/cli';
/** The builder: the workflow run (attempt) URL in GitHub Actions, the CLI's id elsewhere. */
function builderFromEnv(env) {
    return { id: (0,github_run/* runUrlFromEnv */.kk)(env) ?? CLI_BUILDER_ID };
}
/**
 * The base image as a resolved dependency: pkg:docker/<path>@<digest, else tag>?repository_url=<registry>
 * (the docker purl type), with its sha256 when known.
 */
function baseImageDependency(base) {
    const ref = (0,oci_ref/* parseImageRef */.Q)(base.ref);
    const hex = (0,types/* sha256Hex */.fg)(base.digest ?? ref.digest);
    const version = hex !== undefined ? `sha256:${hex}` : ref.tag;
    const path = ref.path.split('/').map(purlEncode).join('/');
    return {
        uri: `pkg:docker/${path}${version !== undefined ? `@${purlEncode(version)}` : ''}?repository_url=${purlEncode(ref.registry)}`,
        name: base.ref,
        ...(hex !== undefined && { digest: { sha256: hex } }),
    };
}
function fileDependency(f) {
    const hex = (0,types/* sha256Hex */.fg)(f.sha256);
    return { uri: f.path, ...(hex !== undefined && { digest: { sha256: hex } }) };
}
function invocationIdFor(input) {
    const run = (0,github_run/* runUrlFromEnv */.kk)(input.env);
    if (run !== undefined)
        return input.env.GITHUB_JOB ? `${run}#${input.env.GITHUB_JOB}` : run;
    const h = (0,external_node_crypto_.createHash)('sha256')
        .update(`${input.digest}\n${input.platform}\n${input.startedOn.toISOString()}`)
        .digest('hex');
    return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/**
 * The resolver's constraints: made by the run, so no file anyone can fetch; named, with the
 * sha256 of their text (a ResourceDescriptor needs a uri, a digest or the content, not all).
 */
function constraintsDependency(f) {
    const hex = (0,types/* sha256Hex */.fg)(f.sha256);
    return { name: f.path, ...(hex !== undefined && { digest: { sha256: hex } }) };
}
/** The SLSA v1 predicate; every string scrubbed (no URL credentials, no tokens). */
function buildProvenance(input) {
    const files = [...input.inputs, ...(input.constraints ? [input.constraints] : [])];
    const seen = new Set();
    const deps = [
        baseImageDependency(input.baseImage),
        ...input.inputs.map(fileDependency),
        ...(input.constraints ? [constraintsDependency(input.constraints)] : []),
    ].filter((d) => {
        const key = `${d.uri ?? `name:${d.name}`}\n${d.digest?.sha256 ?? ''}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const predicate = {
        buildDefinition: {
            buildType: BUILD_TYPE,
            externalParameters: {
                ...(input.config && { config: { path: input.config.path, sha256: input.config.sha256 } }),
                variant: input.variant,
                platform: input.platform,
                tags: [...input.tags],
            },
            internalParameters: { toolVersion: input.toolVersion },
            resolvedDependencies: deps,
        },
        runDetails: {
            builder: builderFromEnv(input.env),
            metadata: {
                invocationId: input.invocationId ?? invocationIdFor(input),
                startedOn: input.startedOn.toISOString(),
                finishedOn: input.finishedOn.toISOString(),
            },
        },
    };
    // Names from the config and the plan: not secrets, however long.
    const names = [input.variant, input.platform, ...input.tags, ...files.map((f) => f.path)];
    return (0,types/* scrubDeep */.wE)(predicate, input.config ? [...names, input.config.path] : names);
}

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
;// CONCATENATED MODULE: ./src/attest/sbom-conda.ts
// The SBOM's conda packages (record.conda, from each conda-meta/*.json): pkg:conda components.




/**
 * Each conda package as a library component, pkg:conda/<name>@<version>?build=&channel=&subdir=.
 * A Python package conda installed has a dist-info too, so pip lists it as well: it stays one
 * component, the pip one (pkg:pypi is what scanners match Python advisories by, and one install is
 * one component), with conda's build, channel and subdir (and its version, when another) as
 * ml-image:conda.* properties. A conda name no pip distribution has (mkl, pytorch-cuda, cuda-*) is
 * its own component.
 */
function condaComponents(record, pipByName, { clean, cut, prop }) {
    const out = new Map();
    for (const p of record.conda ?? []) {
        const [name, version] = [clean(p.name), clean(p.version)];
        // Every string scrubbed: a channel URL can hold a token (https://conda.anaconda.org/t/<token>/).
        const q = {
            build: p.build && clean(p.build),
            channel: p.channel && clean(p.channel),
            subdir: p.subdir && clean(p.subdir),
        };
        const purl = condaPurl({ name, version, ...q });
        const pip = pipByName.get((0,parse/* canonicalName */.Ew)(name));
        const c = pip ??
            out.get(purl) ??
            new models.Component(enums.ComponentType.Library, name, {
                bomRef: purl,
                purl,
                ...(version !== '' && { version: cut(version) }),
            });
        if (pip && pip.version !== cut(version))
            prop(c, 'conda.version', version);
        for (const [k, v] of Object.entries(q))
            prop(c, `conda.${k}`, v);
        if (!pip)
            out.set(purl, c);
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
const sbom_clean = (s) => (0,redact/* redactText */.Rd)(s.replace(LONE_SURROGATE, '\uFFFD'));
/**
 * CycloneDX 1.6 allows versions up to 1024 characters (code points, as JSON Schema counts them): a
 * longer one (a hostile METADATA) is cut.
 */
const cut = (s) => (0,util_text/* clip */.$Q)(s, 1024);
const nonEmpty = (s) => typeof s === 'string' && s !== '';
function prop(c, name, value) {
    if (nonEmpty(value))
        c.properties.add(new models.Property(`${SBOM_PROPERTY_PREFIX}${name}`, sbom_clean(value)));
}
function context(input) {
    const { record } = input;
    const labels = record.image.labels;
    const platform = input.platform ?? record.image.platform;
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
        imageRef: sbom_clean(input.imageRef ?? record.image.ref),
        digest: (0,types/* sha256Hex */.fg)(input.imageDigest === undefined ? record.image.digest : input.imageDigest),
        platform,
        arch: (0,config_platform/* archOf */.Q)(platform),
        base: base && { ref: sbom_clean(base.ref), digest: baseDigest && `sha256:${baseDigest}` },
        driverFloor: input.driverFloor ?? null,
        toolVersion: input.toolVersion ?? src_version/* VERSION */.x,
        osId: osId === undefined ? undefined : sbom_clean(osId),
        distro: osId !== undefined && nonEmpty(osVersion) ? sbom_clean(`${osId}-${osVersion}`) : undefined,
    };
}
/** The image by digest (or tag): the SBOM's subject, with the ML stack summed up as properties. */
function imageComponent(ctx) {
    const digest = ctx.digest && `sha256:${ctx.digest}`;
    const ref = (0,oci_ref/* parseImageRef */.Q)(ctx.imageRef);
    const purl = ociPurl(ctx.imageRef, digest, ctx.arch);
    const c = new models.Component(enums.ComponentType.Container, (0,oci_ref/* repositoryOf */._M)(ref), {
        bomRef: purl ?? `${SBOM_PROPERTY_PREFIX}image`,
        ...(purl !== undefined && { purl }),
        ...((digest ?? ref.tag) !== undefined && { version: digest ?? ref.tag }),
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
        const name = sbom_clean(p.name);
        const version = sbom_clean(p.version);
        const purl = pypiPurl(name, version);
        let c = byPurl.get(purl);
        if (!c) {
            c = new models.Component(enums.ComponentType.Library, name, { bomRef: purl, purl, version: cut(version) });
            prop(c, 'pip.installer', p.installer);
            byPurl.set(purl, c);
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
        const pkg = { name: sbom_clean(a.name), version: sbom_clean(a.version), arch: sbom_clean(a.arch) };
        // Its source package, in the purl's upstream= (scanners match Debian's advisories by it).
        const source = {
            source: a.source && sbom_clean(a.source),
            sourceVersion: a.sourceVersion && sbom_clean(a.sourceVersion),
        };
        const purl = ctx.osId === undefined ? undefined : debPurl(ctx.osId, { ...pkg, ...source }, ctx.distro);
        const bomRef = purl ?? `${SBOM_PROPERTY_PREFIX}deb:${pkg.name}@${pkg.version}:${pkg.arch}`;
        if (out.has(bomRef))
            continue;
        const c = new models.Component(enums.ComponentType.Library, pkg.name, {
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
    const c = new models.Component(enums.ComponentType.OperatingSystem, ctx.osId ?? 'linux', {
        bomRef: `${SBOM_PROPERTY_PREFIX}os`,
        ...(nonEmpty(rel.VERSION_ID) && { version: cut(sbom_clean(rel.VERSION_ID)) }),
        ...(nonEmpty(rel.PRETTY_NAME) && { description: sbom_clean(rel.PRETTY_NAME) }),
    });
    prop(c, 'os.glibc', ctx.record.os.glibc);
    prop(c, 'os.distro', ctx.distro);
    return c;
}
/** One ML-stack component that is not a pip distribution (CUDA, cuDNN, NCCL, Python, base). */
function stackComponent(type, role, name, version, extra = {}) {
    const c = new models.Component(type, name, {
        bomRef: extra.bomRef ?? extra.purl ?? `${SBOM_PROPERTY_PREFIX}${role}`,
        ...(nonEmpty(version) && { version: cut(sbom_clean(version)) }),
        ...(extra.group !== undefined && { group: extra.group }),
        ...(extra.purl !== undefined && { purl: extra.purl }),
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
                purl: pypiPurl('torch', sbom_clean(record.torch.version)),
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
    const python = sbom_clean(record.python.implementation).toLowerCase() || 'python';
    out.push(stackComponent(enums.ComponentType.Application, 'python', python, record.python.version));
    if (ctx.base) {
        const ref = (0,oci_ref/* parseImageRef */.Q)(ctx.base.ref);
        const purl = ociPurl(ctx.base.ref, ctx.base.digest, ctx.arch);
        // A base that is the image itself (its label says so) shares its purl: the bom-refs must differ
        // (the library would make one up at random, and the SBOM would change from run to run).
        const image = ociPurl(ctx.imageRef, ctx.digest && `sha256:${ctx.digest}`, ctx.arch);
        const bomRef = purl !== undefined && purl === image ? `${SBOM_PROPERTY_PREFIX}base.image` : undefined;
        const base = stackComponent(enums.ComponentType.Container, 'base.image', (0,oci_ref/* repositoryOf */._M)(ref), null, {
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
/** A UUID (version 5 layout, RFC 4122 variant) from a SHA-256: the same content, the same serial. */
function serialFrom(text) {
    const h = (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
    const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
/**
 * The record's capture time with an offset. Capture writes UTC ("...Z"); a date and time without
 * an offset (a record made by hand or by another tool) is read as UTC too, not in the zone of the
 * machine that makes the SBOM: the same record, the same bytes anywhere.
 */
function utcCaptureTime(text) {
    return /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?$/.test(text) ? `${text}Z` : text;
}
/** The SBOM of one image (one platform) as CycloneDX 1.6 JSON. */
function sbom_buildSbom(input) {
    const ctx = context(input);
    const bom = new models.Bom();
    bom.metadata.properties.add(new models.Property(SBOM_INPUTS_PROPERTY, sbomInputsDigest(input)));
    const time = new Date(utcCaptureTime(ctx.record.capture.time));
    if (!Number.isNaN(time.getTime()))
        bom.metadata.timestamp = time;
    bom.metadata.tools.components.add(new models.Component(enums.ComponentType.Application, types/* TOOL_NAME */.lH, {
        bomRef: `${SBOM_PROPERTY_PREFIX}tool`,
        version: sbom_clean(ctx.toolVersion),
    }));
    const image = imageComponent(ctx);
    bom.metadata.component = image;
    const pip = pipComponents(ctx.record);
    const conda = condaComponents(ctx.record, pip.byName, { clean: sbom_clean, cut, prop });
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
const SBOM_FORMAT = 16;
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
        tool: input.toolVersion ?? src_version/* VERSION */.x,
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

// EXTERNAL MODULE: ./src/attest/smoke-predicate.ts
var smoke_predicate = __webpack_require__(97432);
;// CONCATENATED MODULE: ./src/attest/predicates.ts





/** The predicate of a kind, with its types. */
function made(kind, predicate) {
    return { predicate, ...attest_result/* KIND_TYPES */.pC[kind] };
}
/** What a target's SBOM is made of. */
function sbomInput(ctx, record) {
    return {
        record,
        variant: ctx.variant,
        imageRef: `${ctx.repository}@${ctx.digest}`,
        imageDigest: ctx.digest,
        platform: ctx.platform,
        baseImage: ctx.baseImage,
        driverFloor: ctx.driverFloor ?? null,
        toolVersion: ctx.toolVersion,
    };
}
/** The kinds earlierPredicate may find: only an SBOM is worth not making again. */
const REUSABLE_KINDS = new Set(['sbom']);
/**
 * The predicate of KIND that an earlier run made for this target, from STATEMENT (which the
 * signing key signed: the caller checked), when it is the one predicateFor would make now: an SBOM
 * of this digest whose recorded inputs (sbomInputsDigest) are this target's. Undefined otherwise:
 * the provenance names this run's build, and the smoke predicate is quick to make.
 */
function earlierPredicate(kind, ctx, statement) {
    if (kind !== 'sbom' || !ctx.record || statement.predicateType !== types/* CYCLONEDX_PREDICATE_TYPE */.nv)
        return undefined;
    if (!statement.subject.some((s) => `sha256:${s.digest.sha256}` === ctx.digest))
        return undefined;
    const predicate = statement.predicate;
    const props = predicate?.metadata?.properties;
    const inputs = Array.isArray(props)
        ? props.find((p) => p?.name === SBOM_INPUTS_PROPERTY)?.value
        : undefined;
    if (inputs !== sbomInputsDigest(sbomInput(ctx, ctx.record)))
        return undefined;
    return made('sbom', predicate);
}
const built = (ctx) => (ctx.buildFinishedAt ? new Date(ctx.buildFinishedAt) : ctx.now);
function predicateFor(kind, ctx) {
    const imageRef = `${ctx.repository}@${ctx.digest}`;
    switch (kind) {
        case 'sbom':
            if (!ctx.record)
                return {
                    missing: ctx.notOfThisImage?.record ?? 'no environment record in this job (the smoke stage captures it)',
                };
            return made('sbom', sbom_buildSbom(sbomInput(ctx, ctx.record)));
        case 'provenance':
            return made('provenance', buildProvenance({
                repository: ctx.repository,
                digest: ctx.digest,
                platform: ctx.platform,
                variant: ctx.variant,
                tags: [...ctx.tags],
                baseImage: ctx.baseImage,
                ...(ctx.config && { config: ctx.config }),
                inputs: [...ctx.inputs],
                ...(ctx.constraints && { constraints: ctx.constraints }),
                env: ctx.env,
                // The build's own times: the attestation may come much later (after the smoke tests,
                // in another job).
                startedOn: new Date(built(ctx).getTime() - ctx.buildDurationMs),
                finishedOn: built(ctx),
                toolVersion: ctx.toolVersion,
            }));
        case 'smoke':
            if (!ctx.smoke)
                return { missing: ctx.notOfThisImage?.smoke ?? 'no smoke result in this job' };
            return made('smoke', (0,smoke_predicate/* buildSmokePredicate */.LZ)({
                smoke: ctx.smoke,
                ...(ctx.record && { record: ctx.record }),
                variant: ctx.variant,
                imageRef,
                digest: ctx.digest,
                platform: ctx.platform,
                env: ctx.env,
                toolVersion: ctx.toolVersion,
                finishedAt: ctx.now,
            }));
    }
}

;// CONCATENATED MODULE: ./src/attest/spdx.ts
// The SBOM as SPDX 2.3 JSON (`ml-image sbom --format spdx`), converted from the CycloneDX SBOM
// (buildSbom) so that the two formats always say the same thing:
//   - each CycloneDX component is a package: its version, its purl as an external reference, its
//     type as the package's purpose, its group as the supplier, its ml-image:* properties as
//     annotations (ml-image:cuda.runtime=12.8), no files (filesAnalyzed false);
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
const roleOf = (c) => c.properties?.find((p) => p.name === `${SBOM_PROPERTY_PREFIX}ml-stack`)?.value;
function packageOf(c, id, annotate) {
    const purpose = c.type === undefined ? undefined : (PURPOSE[c.type] ?? 'OTHER');
    const annotations = (c.properties ?? []).map((p) => annotate(`${p.name}=${p.value}`));
    return {
        SPDXID: id,
        name: c.name ?? '',
        ...(c.version !== undefined && { versionInfo: c.version }),
        ...(c.group !== undefined && { supplier: `Organization: ${c.group}` }),
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        ...(purpose !== undefined && { primaryPackagePurpose: purpose }),
        ...(c.description !== undefined && { description: c.description }),
        ...(c.purl !== undefined && {
            externalRefs: [
                { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl },
            ],
        }),
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
    const annotator = `Tool: ${types/* TOOL_NAME */.lH}-${tool?.version ?? 'unknown'}`;
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

;// CONCATENATED MODULE: ./src/attest/stage-lines.ts
/**
 * The first line: how the stage will sign ("signing with the key file ..."), or why it does not.
 * SigningChoice.reason says it as done ("signed ..."), as attest.json and the report record it.
 */
function signingLine(signing) {
    return signing.identity ? signing.reason.replace(/^signed\b/, 'signing') : signing.reason;
}
/** A target's line as it starts (signing only: without a signer it is done at once). */
const startLine = (t) => `${t.variant} ${t.platform}: started`;
const seconds = (ms) => `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
/**
 * A target's line as it ends, after MS: whether it was signed (when the stage signs), what was
 * attached and what only written, its notes; "stopped after" when it failed.
 */
function endLine(t, { signing, ms, stopped }) {
    const list = (xs) => xs.map((a) => a.kind).join(', ');
    const attached = t.attestations.filter((a) => a.attached);
    const written = t.attestations.filter((a) => !a.attached);
    const parts = [];
    if (t.signed && attached.length > 0 && written.length === 0)
        parts.push(`signed and attached ${list(attached)}`);
    else {
        if (signing || t.signed)
            parts.push(t.signed ? 'signed' : 'not signed');
        if (attached.length > 0)
            parts.push(`attached ${list(attached)}`);
        if (written.length > 0)
            parts.push(`written (not attached): ${list(written)}`);
        if (t.attestations.length === 0)
            parts.push('no attestations');
    }
    const notes = t.notes.length ? ` (${t.notes.join('; ')})` : '';
    return `${t.variant} ${t.platform}: ${parts.join('; ')}${stopped ? `: stopped after ${seconds(ms)}` : ` in ${seconds(ms)}`}${notes}`;
}

;// CONCATENATED MODULE: ./src/attest/targets.ts
// The attest stage's targets (pure): each platform image the build pushed, in the build's order,
// with its entry in attest.json as it starts (nothing attached, not signed). A platform only
// loaded into the local engine (not pushed: isPushed) has no digest in a registry: nothing to
// attest there. One pushed and loaded too (the `load` input) is in the registry: a target.

/** BUILD's targets (repository@digest of each pushed platform) and the platforms not pushed. */
function attestTargets(build) {
    const targets = [];
    const notPushed = [];
    for (const v of build.variants)
        for (const p of v.platforms) {
            if (!(0,result/* isPushed */.Yx)(p)) {
                notPushed.push({
                    variant: v.variant,
                    platform: p.platform,
                    ...(p.localRef !== undefined && { localRef: p.localRef }),
                });
                continue;
            }
            const target = {
                variant: v.variant,
                platform: p.platform,
                ref: `${v.repository}@${p.digest}`,
                attestations: [],
                signed: false,
                notes: [],
            };
            targets.push({ v, p, target });
        }
    return { targets, notPushed };
}

;// CONCATENATED MODULE: ./src/attest/stage.ts











/** Attach one target's predicates and sign the image (JOB.target says what was done). */
async function attestTarget(job, 
/** This target's turn on node's one thread (see `turns`): awaited, then released. */
turn) {
    const release = await turn();
    let calls = [];
    try {
        calls = await startTarget(job);
    }
    catch (e) {
        // The files it started writing are there (or failed) before the stage records anything.
        await Promise.allSettled(job.writes);
        (0,attest_result/* forgetFiles */.Pe)(job.target, job.unwritten);
        throw e;
    }
    finally {
        // The next target's turn once this one's requests are out (an I/O round and its callbacks).
        setImmediate(release);
    }
    const settled = await Promise.allSettled(calls);
    // The files: each write's own failure (no room: exit 3) after the registry's.
    const wrote = await Promise.allSettled(job.writes);
    (0,attest_result/* forgetFiles */.Pe)(job.target, job.unwritten);
    const failed = [...settled, ...wrote].find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
}
/** A file being written, in JOB's list (its failure is the target's, when it is awaited). */
function track(job, w) {
    w.written.catch(() => job.unwritten.add(relative(job.input.results, w.file)));
    job.writes.push(w.written);
    return w;
}
/**
 * KIND's predicate as an earlier run made it, from its envelope BEFORE, when the signing key signed
 * it and it is what would be made now (earlierPredicate: an SBOM of the same inputs). A warm rerun
 * then attaches it again without making it.
 */
async function madeBefore(input, io, ref, kind, ctx, before) {
    const { identity, tlog } = input.signing;
    if (!before || !identity || !REUSABLE_KINDS.has(kind))
        return undefined;
    const statement = await io.signer().signedBefore?.(ref, before, identity, { tlog });
    return statement ? earlierPredicate(kind, ctx, statement) : undefined;
}
/** attest.spdx: the SBOM (CycloneDX) as SPDX 2.3 too, in the result directory only. */
function writeSpdx(job, sbom, entry) {
    const { input, v, p } = job;
    if (!input.attest.spdx || input.results.dir === undefined)
        return;
    const doc = spdxFromCycloneDx(sbom);
    const { file } = track(job, input.results.writeAttestation(v.variant, p.platform, 'sbom.spdx', doc));
    entry.spdx = relative(input.results, file);
}
/**
 * An SBOM made from a record whose pip package list is incomplete (the probe could not read every
 * distribution) lacks those packages: the target's notes (attest.json, the report) and a warning say so.
 */
function noteIncompletePackages(job, record) {
    const incomplete = record && (0,capture_record/* packageListProblem */.o8)(record);
    if (incomplete === undefined)
        return;
    job.target.notes.push(`sbom: ${incomplete}`);
    job.io.warning(`${job.v.variant} ${job.p.platform}: sbom: ${incomplete}`, { title: 'ml-image attest' });
}
/** Make and write a target's predicates, and start signing and attaching (the calls under way). */
async function startTarget(job) {
    const { input, io, v, p, target, earlier } = job;
    const { ref } = target;
    const identity = input.signing.identity;
    const ctx = input.context(v, p);
    const { tlog } = input.signing;
    const attached = [];
    for (const kind of input.attest.types) {
        const before = earlier.get((0,results_results/* envelopeFile */.NR)(v.variant, p.platform, kind));
        const made = (await madeBefore(input, io, ref, kind, ctx, before)) ?? predicateFor(kind, ctx);
        if ('missing' in made) {
            target.notes.push(`${kind}: ${made.missing}`);
            continue;
        }
        const { file, text, written } = track(job, input.results.writeAttestation(v.variant, p.platform, kind, made.predicate));
        const entry = {
            kind,
            predicateType: made.predicateType,
            file: relative(input.results, file),
            attached: false,
        };
        target.attestations.push(entry);
        if (kind === 'sbom') {
            writeSpdx(job, made.predicate, entry);
            noteIncompletePackages(job, ctx.record);
        }
        attached.push({
            entry,
            spec: { predicatePath: file, text, written, type: made.cosignType, ...(before && { earlier: before }) },
        });
    }
    if (!identity)
        return [];
    const signer = io.signer();
    const done = ({ entry, spec }, envelope) => {
        entry.attached = true;
        entry.verify = (0,attest_signing/* verifyCommand */.p0)(ref, spec.type, identity, tlog, input.repository, input.workflowRepository);
        const w = envelope && input.results.writeEnvelope(v.variant, p.platform, entry.kind, envelope);
        if (w)
            entry.envelope = relative(input.results, track(job, w).file);
    };
    // One image's attestations share one .att tag that each `cosign attest` reads, extends and
    // pushes: they go one after the other (at once, the last push would drop the others), or in one
    // update where the signer can. The signature (.sig) is another tag: it is made meanwhile.
    const attach = async () => {
        if (attached.length === 0)
            return;
        if (signer.attestAll) {
            const specs = attached.map((a) => a.spec);
            await signer.attestAll(ref, specs, identity, { tlog }, (i, envelope) => done(attached[i], envelope));
            return;
        }
        for (const a of attached) {
            await signer.attest(ref, a.spec, identity, { tlog });
            done(a);
        }
    };
    const sign = () => signer.sign(ref, identity, { tlog }).then(() => {
        target.signed = true;
    });
    // With the transparency log (keyless, or a key with tlog) both are cosign runs, which share the
    // run's Sigstore cache (its TUF_ROOT, cosign-env.ts): one after the other. Otherwise the
    // signature is made meanwhile.
    return tlog ? [attach().then(sign)] : [attach(), sign()];
}
/**
 * Turns for the targets, one after the other: a target makes its predicates (node's one thread,
 * a few milliseconds each) and starts its updates, then the next one begins, while the registry
 * answers the first. At once, the second target's predicates would hold back the first one's
 * requests, and both images would wait for the registry at the end.
 */
function turns() {
    let last = Promise.resolve();
    return () => {
        let release;
        const mine = new Promise((resolve) => (release = resolve));
        const before = last;
        last = last.then(() => mine);
        return before.then(() => release);
    };
}
const stage_firstLine = (e) => (e instanceof Error ? e.message : String(e)).split('\n')[0];
const relative = (results, file) => results.dir && file.startsWith(`${results.dir}/`) ? file.slice(results.dir.length + 1) : file;
/**
 * The uploads a target's `.att` update will likely need: its config, and each envelope that will
 * be new. One an earlier run left (TAKEN) is usually attached again, unless it is the provenance,
 * which names this run's build and is signed anew. Too many: the rest are cancelled; too few: the
 * update opens its own.
 */
function uploadsAhead(input, t, 
/** The envelope files an earlier run left (ResultDir.envelopeNames). */
taken) {
    const fresh = input.attest.types.filter((kind) => kind === 'provenance' || !taken.has((0,results_results/* envelopeFile */.NR)(t.variant, t.platform, kind)));
    return fresh.length > 0 ? 1 + fresh.length : 0;
}
/**
 * What the signer will update is read, and the uploads it will need are opened, while the
 * predicates are made (one thread makes them; the registry answers meanwhile): the requests go out
 * before the first predicate is begun.
 */
async function startAhead(signer, input, targets, taken) {
    if (!signer.prefetch || !input.signing.identity)
        return;
    try {
        const ahead = targets.map((t) => ({ ref: t.ref, uploads: uploadsAhead(input, t, taken) }));
        await signer.prefetch(ahead, input.signing.identity, { tlog: input.signing.tlog });
    }
    catch {
        // Only a head start: each update reads and opens what it needs itself.
    }
    await new Promise((resolve) => setImmediate(resolve));
}
/**
 * The envelopes an earlier run attached (kept in the result directory), which the signer may
 * attach again: all taken out, so that what is there when the stage ends is what this run
 * attached. When that fails (a file it may not remove), the uploads opened ahead are cancelled
 * before the error goes on.
 */
async function takeEarlier(input, signer, unregister) {
    try {
        return input.results.takeEnvelopes();
    }
    catch (e) {
        // Registered until the DELETEs are done: a signal meanwhile waits for them (release again).
        await signer?.release?.().catch(() => undefined);
        unregister?.();
        throw e;
    }
}
/** Targets attached at once: each may run a cosign process or two. */
const MAX_TARGETS_AT_ONCE = 4;
async function runAttestStage(input, io) {
    const { signing } = input;
    const { targets, notPushed } = attestTargets(input.build);
    const result = {
        schemaVersion: attest_result/* ATTEST_RESULT_SCHEMA_VERSION */.fx,
        signing: {
            mode: signing.identity?.kind ?? 'none',
            reason: signing.reason,
            tlog: signing.tlog,
        },
        targets: targets.map((t) => t.target),
    };
    // How it will sign, not yet that it did; not signing is a note, not a warning: most local runs
    // and forks have no identity.
    io.progress(signingLine(signing));
    for (const n of notPushed)
        io.progress(`${n.variant} ${n.platform}: not pushed${n.localRef !== undefined ? ` (loaded as ${n.localRef})` : ''}: nothing to attest`);
    const signer = signing.identity && targets.length > 0 ? io.signer() : undefined;
    // On SIGINT/SIGTERM too: the uploads opened ahead are cancelled, not left on the registry.
    const unregister = signer?.release && (0,cleanup/* registerCleanup */.qE)(() => signer.release().catch(() => undefined));
    // The first requests go out before anything else: which envelopes an earlier run left is one
    // directory listing, and reading and removing them (below) happens while the registry answers.
    if (signer)
        await startAhead(signer, input, result.targets, input.results.envelopeNames());
    const taken = await takeEarlier(input, signer, unregister);
    const turn = turns();
    const work = targets.map(({ v, p, target }) => {
        const job = { input, io, v, p, target, earlier: taken, writes: [], unwritten: new Set() };
        return { target, run: () => attestTarget(job, turn) };
    });
    // The targets are independent images (their own .sig/.att tags): attached side by side, a few at
    // a time, targets of one digest one after the other. With the transparency log (keyless, or a
    // key with tlog) they go one at a time: cosign runs them, and concurrent cosign runs trip over
    // the Sigstore cache they share (the run's own TUF_ROOT: cosign-env.ts). After any failure no
    // target starts.
    const limit = signing.tlog ? 1 : MAX_TARGETS_AT_ONCE;
    let error;
    const attaching = (0,map_limit/* mapLimitSerialByKey */.IH)(work, limit, (w) => w.target.ref, (w) => {
        const started = performance.now();
        if (signer)
            io.progress(startLine(w.target));
        const run = w.run();
        // Each target's line as it ends, with its time; the first registry failure to come (exit
        // 3), whichever target it was, is the stage's.
        const ended = (stopped) => io.progress(endLine(w.target, { signing: !!signer, ms: performance.now() - started, stopped }));
        run.then(() => ended(false), (reason) => {
            ended(true);
            if (reason instanceof errors/* EnvironmentError */.eG)
                error ??= reason;
        });
        return run;
    });
    let settled;
    try {
        settled = await attaching;
    }
    finally {
        // Uploads opened ahead that no update took (a guess that was too high, or a stopped stage).
        // The cleanup stays registered until their DELETEs are done: a SIGINT/SIGTERM meanwhile runs
        // it, and its release waits for them, rather than finding nothing to clean up and exiting.
        await signer?.release?.().catch(() => undefined);
        unregister?.();
    }
    // Targets that never started are not in attest.json (as if the stage had stopped before them).
    result.targets = result.targets.filter((_, i) => settled[i] !== undefined);
    // Any other failure (bad input, a bug) is thrown, after attest.json says what was done: the
    // earlier run's file, which names envelopes taken out above, must not stay.
    let thrown;
    for (const s of settled)
        if (s?.status === 'rejected' && !(s.reason instanceof errors/* EnvironmentError */.eG))
            thrown ??= { reason: s.reason };
    // The error the stage ends with (thrown, or handed back for exit 3) is the one recorded.
    const failure = thrown?.reason ?? error;
    if (failure !== undefined)
        result.error = stage_firstLine(failure);
    input.results.writeAttest(result);
    if (thrown)
        throw thrown.reason;
    return { result, ...(error && { error }) };
}

;// CONCATENATED MODULE: ./src/pipeline/attest.ts
// The attest stage as the pipeline runs it: what each target's predicates are made of (this job's
// smoke entries or the result directory's records; the config and requirements files by digest, -r
// includes and -c files too; the resolver's constraints by digest, this process's or the one its
// resolution file records), the signing identity, and cosign.














const attest_sha256 = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
function fileDigest(file, shown) {
    return (0,external_node_fs_.existsSync)(file) ? { path: shown, sha256: attest_sha256((0,external_node_fs_.readFileSync)(file)) } : undefined;
}
/**
 * Every requirements file the build read: python.requirements with their -r includes and -c files,
 * read as the build stage reads them. Should that read fail now (a file changed since the build),
 * the files the config names, as before includes were followed.
 */
function requirementsFiles(loaded, env) {
    const { requirements } = loaded.config.python;
    try {
        return readRequirements(requirements, loaded.baseDir, env, {
            ...workspaceRoot(env, loaded.baseDir),
            expandable: loaded.config.build.secrets,
        }).files;
    }
    catch {
        return requirements.map((r) => external_node_path_default().resolve(loaded.baseDir, r));
    }
}
/** The config file and the requirements files by digest: the same for every target of a run. */
function runFiles(loaded, env) {
    const rel = (f) => external_node_path_default().relative(loaded.baseDir, f) || external_node_path_default().basename(f);
    return {
        config: loaded.file ? fileDigest(loaded.file, rel(loaded.file)) : undefined,
        inputs: requirementsFiles(loaded, env)
            .map((f) => fileDigest(f, rel(f)))
            .filter((d) => d !== undefined),
    };
}
/**
 * A target's record and smoke result from the result directory (this run's smoke stage did not
 * test it: `--stages attest`, a separate attest job, or its smoke target failed), each only when it
 * is of this platform's digest. The directory outlives a run: an earlier image's files there are
 * not signed as this one's; the note says they were left out.
 */
function fromResultDir(results, v, p) {
    const file = (kind) => external_node_path_default().join(results.dir ?? '.', (0,results_results/* recordFile */.mR)(kind, v.variant, p.platform));
    const record = results.readEnv(v.variant, p.platform) ?? undefined;
    const smoke = results.readSmoke(v.variant, p.platform) ?? undefined;
    const staleRecord = record && otherImage('environment record', file('env'), recordImage(record), p.digest);
    const staleSmoke = smoke && otherImage('smoke result', file('smoke'), smokeImage(smoke), p.digest);
    return {
        ...(record && !staleRecord && { record }),
        ...(smoke && !staleSmoke && { smoke }),
        ...((staleRecord || staleSmoke) && {
            notOfThisImage: {
                ...(staleRecord && { record: staleRecord }),
                ...(staleSmoke && { smoke: staleSmoke }),
            },
        }),
    };
}
/**
 * The resolver's constraints the build of a target got, by digest (provenance's "constraints
 * (resolver)"): this process's resolve stage's, else (attest in another job: the reusable
 * workflow's, `--stages attest`) the digest its resolution file records. Such a file is this
 * build's: the pipeline removes the file of every target it builds without one (removeResolution).
 */
function constraintsOf(input, v, p) {
    const here = input.resolved[resolvedKey(v.variant, p.platform)]?.constraints;
    if (here !== undefined)
        return { path: attest_CONSTRAINTS_PATH, sha256: attest_sha256(here) };
    const recorded = input.results.readResolution(v.variant, p.platform);
    const digest = recorded?.platform === p.platform ? recorded.constraints.sha256 : undefined;
    return digest !== undefined ? { path: attest_CONSTRAINTS_PATH, sha256: digest } : undefined;
}
/** How provenance names the resolver's constraints: made by the run, no file anyone can fetch. */
const attest_CONSTRAINTS_PATH = 'constraints (resolver)';
/** What the predicates of one target are made of (FILES: runFiles, read once per stage). */
function contextFor(input, files, v, p) {
    const entry = input.smoke.find((e) => e.variant === v.variant && e.platform === p.platform);
    const { record, smoke, notOfThisImage } = entry
        ? { record: entry.record, smoke: entry.result, notOfThisImage: undefined }
        : fromResultDir(input.results, v, p);
    const planned = input.plan.variants.find((x) => x.name === v.variant);
    const { config, inputs } = files();
    const constraints = constraintsOf(input, v, p);
    return {
        variant: v.variant,
        platform: p.platform,
        repository: v.repository,
        digest: p.digest,
        tags: v.tags,
        baseImage: { ref: v.baseImage, ...(v.baseDigest !== undefined && { digest: v.baseDigest }) },
        ...(planned?.cuda && { driverFloor: planned.cuda.minorCompatDriverMin }),
        ...(record && { record }),
        ...(smoke && { smoke }),
        ...(notOfThisImage && { notOfThisImage }),
        ...(config && { config }),
        inputs,
        ...(constraints !== undefined && { constraints }),
        buildDurationMs: p.durationMs,
        ...(p.finishedAt !== undefined && { buildFinishedAt: p.finishedAt }),
        env: input.env,
        now: input.now,
        toolVersion: src_version/* VERSION */.x,
    };
}
/** What signs when nothing was pushed (a --load run, a fork's): nothing to sign, nothing to ask. */
const NOTHING_PUSHED = {
    identity: null,
    reason: 'not signed: nothing was pushed',
    tlog: false,
};
/** The runner's tools for signing; with a signer given (tests), whatever it needs is there. */
const toolsFor = (env, given) => (given ? { cosign: true } : (0,attest_signing/* signingTools */.r2)(env));
function runAttest(input, io) {
    const attest = input.loaded.config.attest;
    const pushed = attestTargets(input.build).targets.length > 0;
    const signing = pushed
        ? (0,attest_signing/* chooseSigning */.T)(attest, input.env, input.loaded.baseDir, toolsFor(input.env, io.signer !== undefined))
        : NOTHING_PUSHED;
    let signer;
    let files;
    const filesOnce = () => (files ??= runFiles(input.loaded, input.env));
    return runAttestStage({
        build: input.build,
        attest,
        signing,
        results: input.results,
        context: (v, p) => contextFor(input, filesOnce, v, p),
        repository: input.env.GITHUB_REPOSITORY,
        // The reusable workflow sets it to its own repository (job.workflow_repository).
        workflowRepository: input.env.ML_IMAGE_WORKFLOW_REPOSITORY,
    }, {
        signer: () => (signer ??= io.signer?.() ?? (0,signers/* createSigner */.rO)({ env: input.env, tlog: signing.tlog })),
        progress: io.progress,
        warning: io.warning,
    });
}
/**
 * Before anything is built: a signing setup that cannot work (attest.sign: key without a key,
 * keyless without an OIDC token, a key file that is not there) is bad input now (exit 2), not
 * after the build, push and smoke tests. Then decrypting the signing key starts (scrypt, off the
 * main thread) so that the attest stage does not wait for it. The decryption is handed back (when
 * the built-in signer will sign): the pipeline awaits it before it pushes anything, so that a
 * wrong password stops the run before unsigned images are pushed.
 */
function prepareSigning(loaded, env, startKey = true) {
    const signing = (0,attest_signing/* chooseSigning */.T)(loaded.config.attest, env, loaded.baseDir, toolsFor(env, !startKey));
    if (!startKey || !signing.identity)
        return undefined;
    // COSIGN_KEY must hold the key's PEM text (cosign reads it as env://COSIGN_KEY): a key stored
    // otherwise (base64, a file name) is said now, not after the push.
    if (signing.identity.kind === 'key' &&
        signing.identity.key === 'env://COSIGN_KEY' &&
        !(0,cosign_key/* isEncryptedCosignKey */.dT)(env.COSIGN_KEY ?? ''))
        throw new errors/* InputError */.dz('COSIGN_KEY does not hold an encrypted cosign private key (no "ENCRYPTED SIGSTORE PRIVATE KEY" block)', 'store the text of the cosign.key file that "cosign generate-key-pair" wrote (not base64 of it, nor its path: that is attest.key)');
    // signingKey keeps a failure from going unhandled; the pipeline and the attest stage await it.
    return (0,signers/* signingKey */.NR)(signing.identity, env, signing.tlog);
}
/**
 * As the build starts: the connections the attest stage will use to the image's registry are
 * opened (when the built-in signer signs there), while node waits for buildx. A warm run's attest
 * stage then starts on open sockets; after a long build they have been closed again (idle), and
 * the stage opens its own.
 */
function warmRegistry(loaded, env, repository, targets) {
    const signing = (0,attest_signing/* chooseSigning */.T)(loaded.config.attest, env, loaded.baseDir, toolsFor(env, false));
    if (!signing.identity)
        return;
    // The stage's first round: each target's .sig and .att reads, then its uploads.
    (0,signers/* preconnect */.kZ)(repository, signing.identity, env, signing.tlog, Math.min(4 * targets, 16));
}

// EXTERNAL MODULE: ./src/attest/verify-inputs.ts + 1 modules
var verify_inputs = __webpack_require__(26367);
;// CONCATENATED MODULE: ./src/pipeline/keep-out.ts
// What the build keeps out of its context though it may sit inside it (src/build/context-ignore.ts
// writes the ignore file): this run's records and this tool's own files (the reusable workflows
// check the action out into the workspace), its cache directory (an actions/cache folder such as
// .cache/ml-image, or a relative ML_IMAGE_CACHE_DIR: a builder-facts file there changes every run,
// and so would the image's digest), and the files the run reads that may hold a secret:
// the config (an index URL's login is written there), the signing key file, the action's
// secret-files and the `ssh` input's key files. The templates' `COPY . /app` would otherwise push
// them with the image. Pure.


/**
 * The key files of the `ssh` input: its ID=PATH items (absolute: src/build/action-inputs.ts), not
 * `default` or `default=SOCKET` (the agent's socket: no key is in the context for it).
 */
function sshKeyFiles(ssh) {
    return ssh.flatMap((item) => {
        const eq = item.indexOf('=');
        return eq < 0 || item.slice(0, eq) === 'default' ? [] : [item.slice(eq + 1)];
    });
}
/** The absolute paths the build keeps out of its context (those inside it). */
function contextKeepOut(input) {
    const { loaded } = input;
    const key = loaded.config.attest.key;
    return [
        ...(input.resultDir !== undefined ? [input.resultDir] : []),
        external_node_path_default().dirname(input.imagesDir),
        input.cacheDir,
        ...(loaded.file !== undefined ? [loaded.file] : []),
        // A key file, not a KMS or PKCS#11 reference (cosign reads those elsewhere).
        ...(key !== undefined && !(0,verify_inputs/* isKeyReference */.NI)(key) ? [external_node_path_default().resolve(loaded.baseDir, key)] : []),
        ...Object.values(input.buildOptions?.secretFiles ?? {}),
        // A deploy key in the workspace: `COPY . /app` would put it into the image.
        ...sshKeyFiles(input.buildOptions?.ssh ?? []),
    ];
}

;// CONCATENATED MODULE: ./src/pipeline/report.ts

/** The report stage; its failure (a size-budget breach) handed back, not thrown. */
function runReport(input, plan, io) {
    return reportStage({
        plan,
        config: input.loaded.config,
        results: input.results,
        configVariants: configVariantNames(input.loaded),
        ...(input.loaded.filePlatforms && { configPlatforms: input.loaded.filePlatforms }),
        git: input.git,
        options: input.report,
    }, io);
}
/** The result of the run each error ended, when it ended after the reports (withResult). */
const failedRuns = new WeakMap();
/** ERR, with RESULT (what the run produced) kept for resultOf. */
function withResult(err, result) {
    failedRuns.set(err, result);
    return err;
}
/** The result withResult kept with ERR; undefined for any other error. */
function resultOf(err) {
    return err instanceof Error ? failedRuns.get(err) : undefined;
}

;// CONCATENATED MODULE: ./src/pipeline/merge.ts
// The merge job of a matrix build: the digest files every build job wrote -> one multi-arch
// manifest list per variant (src/results reads and checks the files).







/** The digest files of `dir` by variant; a second digest for one platform is bad input. */
function byVariant(dir) {
    const files = (0,results_results/* readDigestFiles */.g7)(dir);
    if (files.length === 0)
        throw new errors/* InputError */.dz(`merge-from ${dir}: no digest files`, "download the build jobs' digests artifacts into it");
    const out = new Map();
    for (const { file, digest } of files) {
        const list = out.get(digest.variant) ?? [];
        if (list.some((x) => x.build.platform === digest.build.platform))
            throw new errors/* InputError */.dz(`${file}: a second digest for ${digest.variant} ${digest.build.platform}`);
        out.set(digest.variant, [...list, digest]);
    }
    return out;
}
/** A missing platform would publish a single-arch image under the release tags: refuse. */
function mergeProblems(plan, have) {
    const problems = [];
    for (const v of plan.variants) {
        const platforms = new Set((have.get(v.name) ?? []).map((x) => x.build.platform));
        const missing = v.platforms.filter((p) => !platforms.has(p));
        if (missing.length)
            problems.push(`${v.name}: no digest for ${missing.join(', ')}`);
    }
    const extra = [...have.keys()].filter((n) => !plan.variants.some((v) => v.name === n));
    if (extra.length)
        problems.push(`digests for variants the plan does not have: ${extra.join(', ')}`);
    return problems;
}
/**
 * The merge job: the digest files of every matrix job -> one multi-arch manifest list per variant,
 * annotated (buildx >= 0.12) with the `index:` annotations given and the variant's OCI labels (title,
 * description, source ...), as a one-job build annotates its list.
 */
async function mergeFromDigestFiles(dir, io, plan, given = []) {
    const found = byVariant(dir);
    const problems = plan ? mergeProblems(plan, found) : [];
    if (problems.length)
        throw new errors/* InputError */.dz(`merge-from ${dir}: ${problems.join('; ')}`, 'every build job of the matrix must succeed and upload its digests before the merge');
    const docker = io.docker();
    const annotate = compareVersions(await docker.buildxVersion(), '0.12.0') >= 0;
    if (!annotate)
        io.progress('build', 'note: index annotations need buildx >= 0.12.0: left out');
    const variants = [];
    for (const [variant, parts] of found) {
        const first = parts[0];
        const platforms = parts.map((p) => p.build).sort((a, b) => (0,util_text/* compareText */.n6)(a.platform, b.platform));
        const annotations = annotate
            ? indexAnnotations(plan?.variants.find((v) => v.name === variant)?.labels ?? {}, given)
            : [];
        const digest = await mergeVariant({ docker, progress: (l) => io.progress('build', l) }, variant, first.tags, platforms.map((p) => `${first.repository}@${p.digest}`), annotations);
        if (annotations.length > 0) {
            const dropped = await annotationsDropped(docker, `${first.repository}@${digest}`, platforms);
            if (dropped)
                io.progress('build', `warning: ${variant}: ${dropped}`);
        }
        variants.push({
            variant,
            repository: first.repository,
            digest,
            tags: first.tags,
            platforms,
            baseImage: first.baseImage,
            ...(first.baseDigest !== undefined && { baseDigest: first.baseDigest }),
        });
    }
    return { schemaVersion: result/* BUILD_RESULT_SCHEMA_VERSION */.ef, variants };
}
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
/** The media type buildx recorded for a platform image it pushed (its metadata's descriptor). */
function pushedMediaType(p) {
    const descriptor = p.metadata['containerimage.descriptor'];
    const type = typeof descriptor === 'object' && descriptor !== null ? Reflect.get(descriptor, 'mediaType') : undefined;
    return typeof type === 'string' ? type : undefined;
}
/**
 * Why the index annotations asked for are not on the merged list REF, or undefined: buildx makes
 * a Docker manifest list from Docker manifests (the build jobs ran on the docker driver, whose
 * dockerd pushes Docker manifests, or an older version of this tool) and drops the annotations
 * without a word. Platform images buildx recorded as OCI manifests need no look; else the list's
 * media type is read (a list that cannot be read is not judged: the merge itself succeeded).
 */
async function annotationsDropped(docker, ref, platforms) {
    if (platforms.every((p) => pushedMediaType(p) === OCI_MANIFEST))
        return undefined;
    const index = await docker.imagetoolsInspect(ref).catch(() => undefined);
    if (index?.mediaType !== DOCKER_LIST)
        return undefined;
    return `the index annotations were not applied: ${ref} is a Docker manifest list, which carries none, because its platform images were pushed with Docker media types (build jobs on the docker driver); build them with a docker-container builder (docker/setup-buildx-action) to have the list annotated`;
}

;// CONCATENATED MODULE: ./src/pipeline/stages.ts
// The pipeline's stages by name, and a stages flag or input (`run --stages`, the action's `stages`)
// read into a set of them. Pure.

const STAGES = ['plan', 'resolve', 'build', 'smoke', 'attest', 'report'];
const isStage = (n) => STAGES.includes(n);
/**
 * "resolve,build" -> the set; "all" every stage. Unknown names, and a value that names no stage (""
 * or ", ,": an unset variable, which would otherwise run every stage, pushes included), are bad
 * input naming the source and the value (exit 2).
 */
function parseStages(raw, source) {
    const names = raw
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean);
    const bad = names.filter((n) => !isStage(n) && n !== 'all');
    if (bad.length)
        throw new errors/* InputError */.dz(`${source}: unknown stage(s) ${bad.join(', ')}`, `expected some of ${STAGES.join(', ')}, or all`);
    if (names.length === 0)
        throw new errors/* InputError */.dz(`${source}: ${JSON.stringify(raw)} names no stage`, `give some of ${STAGES.join(', ')}, or all`);
    if (names.includes('all'))
        return new Set(STAGES);
    return new Set(names.filter(isStage));
}

;// CONCATENATED MODULE: ./src/pipeline/pipeline.ts
























/** A smoke job that did not build: the merge job's build.json, downloaded into result-dir. */

// The stages by name, and a stages flag or input read: their own module (stages.ts).

const groupOf = (io) => io.group ?? ((_n, fn) => fn());
/** fn, its time reported to io.timing under `stage`. */
async function timed(io, stage, fn) {
    // An interrupted run (SIGINT/SIGTERM, cleaning up) starts no further stage: no push, no comment.
    (0,cleanup/* throwIfInterrupted */.sK)(`the ${stage} stage`);
    const t0 = performance.now();
    try {
        return await fn();
    }
    finally {
        io.timing?.(stage, performance.now() - t0);
    }
}
/**
 * The stages' inputs from files that have a shape of their own, checked before the engine or the
 * registry is asked (callers run it first): a smoke.baseline that is no throughput table is exit 2
 * at once, not after the build (the smoke stage reads it again); so is a GPU pin of the runner
 * (NVIDIA_VISIBLE_DEVICES, CUDA_VISIBLE_DEVICES in GPU.env) that is no GPU list when the smoke stage
 * asks for GPUs (GPU.mode all). Under auto the smoke stage reads the pin only where the engine has
 * GPUs: a CPU runner's odd CUDA_VISIBLE_DEVICES does not stop its build.
 */
function checkStageInputs(loaded, stages, gpu) {
    if (!stages.has('smoke'))
        return;
    configBaseline(loaded);
    if (gpu !== undefined && gpu.mode === 'all')
        gpuPinOf(gpu.env);
}
/** The GPUs of this host, by its nvidia-smi (the pinned DEVICES only, when given). */
const hostGpusHere = (env) => (devices) => hostGpuDevices(new exec_runner/* ActionsExecRunner */.L(), env, devices);
async function runPipeline(opts, io) {
    // A signing setup that cannot work is said before anything is built (the key is decrypted
    // meanwhile, unless a signer is given).
    // Only when images are pushed: a run that loads them (--load, a fork's) signs nothing.
    const key = opts.stages.has('attest') && opts.push ? prepareSigning(opts.loaded, io.env, !io.signer) : undefined;
    const plan = await timed(io, 'plan', () => runPlan(opts, io));
    const resolved = {};
    let build = await resolveAndBuild(opts, io, plan, resolved, key);
    if (build)
        opts.results.writeBuild(build);
    let smoke = [];
    let smokeErrors = [];
    if (opts.stages.has('smoke')) {
        build ??= opts.results.readBuild();
        const b = build;
        ({ entries: smoke, errors: smokeErrors } = await timed(io, 'smoke', () => runSmokeStage({
            plan,
            loaded: opts.loaded,
            build: b,
            results: opts.results,
            gpus: opts.gpus,
            imagesDir: opts.imagesDir,
            ...(opts.reuse && opts.report.baseline && opts.report.saveAs && { reuse: reuseLookup(opts, plan) }),
            runner: (0,github_run/* runnerFromEnv */.W1)(io.env),
            env: io.env,
        }, { ...io, hostGpus: io.hostGpus ?? hostGpusHere(io.env) })));
    }
    const smokeStatus = smokeErrors.length > 0 ? 'fail' : overallStatus(smoke);
    let attest;
    if (opts.stages.has('attest')) {
        build ??= opts.results.readBuild();
        const b = build;
        attest = await timed(io, 'attest', () => groupOf(io)('attest', () => runAttest({
            plan,
            loaded: opts.loaded,
            build: b,
            smoke,
            resolved,
            results: opts.results,
            env: io.env,
            now: opts.now ?? new Date(),
        }, {
            ...(io.signer && { signer: io.signer }),
            progress: (l) => io.progress('attest', l),
            warning: io.warning,
        })));
    }
    const report = opts.stages.has('report')
        ? await timed(io, 'report', () => runReport(opts, plan, {
            env: io.env,
            progress: (l) => io.progress('report', l),
            warning: io.warning,
            ...(io.summary && { summary: io.summary }),
        }))
        : { outcomes: [] };
    const result = {
        plan,
        ...(build && { build }),
        smoke,
        smokeErrors,
        smokeStatus,
        ...(attest && { attest: attest.result }),
        reports: report.outcomes,
    };
    // A size-budget breach (exit 1), else a registry that went away while attaching (exit 3): the
    // images are pushed and reported, then the run fails, its result kept for pipelineResultOf.
    const failure = report.failure ?? attest?.error;
    if (failure)
        throw withResult(failure, result);
    return result;
}
/** What a run that failed after its reports produced (the callers' outputs, report.md); else undefined. */
const pipelineResultOf = (err) => resultOf(err);
/** The plan, always: its warnings annotated, a line per variant, plan.json written. */
function runPlan(opts, io) {
    const { config, fileVariants, label: configFile, lineOf } = opts.loaded;
    const now = opts.now ?? new Date();
    const ctx = { catalog: bundledCatalog(), git: opts.git, now, configFile, lineOf, fileVariants };
    const tagged = taggedVariants(config.variants.map((v) => v.name), fileVariants);
    const plan = applyToPlan(planBuild(config, ctx), opts.buildOptions, tagged);
    for (const w of plan.warnings)
        io.warning(w, { title: 'ml-image plan' });
    for (const v of plan.variants)
        io.progress('plan', `${v.name}: ${v.base.ref} (${v.base.reason}) -> ${v.platforms.join(', ')}`);
    opts.results.writePlan(plan);
    return plan;
}
/** Resolve and build (or merge the matrix jobs' digests); undefined when neither stage runs. */
async function resolveAndBuild(opts, io, plan, into, 
/** The signing key being decrypted: a wrong password stops the run before anything is pushed. */
key) {
    const { config, baseDir } = opts.loaded;
    if (opts.mergeFrom !== undefined && opts.stages.has('build'))
        return timed(io, 'build', () => mergeFromDigestFiles(opts.mergeFrom, io, plan, opts.buildOptions?.annotations));
    if (!opts.stages.has('build') && !opts.stages.has('resolve'))
        return undefined;
    // A build secret the environment lacks, an id given twice, requirements the variants cannot
    // install as written (requirements/plan-check.ts): exit 2 before any container runs.
    if (opts.stages.has('build'))
        checkBuildSecrets(opts.buildOptions, config, io.env);
    checkPlanRequirements(plan.variants, opts.loaded, io.env, io.warning, opts.stages.has('resolve'));
    const docker = io.docker();
    const resolved = opts.stages.has('resolve')
        ? await timed(io, 'resolve', () => runResolve(opts, io, plan, docker))
        : {};
    Object.assign(into, resolved);
    // A target resolved or built without a resolution has none: an earlier run's file is no longer
    // taken for this build's (attest's provenance in another job, the report).
    for (const v of plan.variants)
        for (const p of v.platforms)
            if (!resolved[resolvedKey(v.name, p)])
                opts.results.removeResolution(v.name, p);
    if (!opts.stages.has('build'))
        return undefined;
    // Decrypting ran meanwhile (about 0.15 s of scrypt): waited for only when there is still some.
    if (opts.push)
        await key;
    if (opts.push && opts.stages.has('attest') && !io.signer)
        warmRegistry(opts.loaded, io.env, plan.repository, plan.targets.length);
    const build = await timed(io, 'build', () => runBuildStage({
        plan,
        config,
        baseDir,
        imagesDir: opts.imagesDir,
        push: opts.push,
        merge: opts.merge,
        resolved,
        ...(opts.buildOptions && { options: opts.buildOptions }),
        cacheDir: opts.cacheDir,
        // Never the image's, though in the context by where they sit: src/pipeline/keep-out.ts.
        keepOut: contextKeepOut({
            ...(opts.results.dir !== undefined && { resultDir: opts.results.dir }),
            imagesDir: opts.imagesDir,
            cacheDir: opts.cacheDir,
            loaded: opts.loaded,
            ...(opts.buildOptions && { buildOptions: opts.buildOptions }),
        }),
    }, {
        docker,
        // git, for the context's commit time.
        exec: new exec_runner/* ActionsExecRunner */.L(),
        env: io.env,
        progress: (l) => io.progress('build', l),
        ...(io.stepTiming && { timing: (l) => io.stepTiming('build', l) }),
        ...(io.output && { output: (line, target) => io.output(line, target) }),
        ...(io.group && { group: io.group }), // none (the command line): build lines live
        ...(io.builtTarget && { builtTarget: io.builtTarget }),
    }));
    if (!opts.merge && opts.push)
        opts.results.writeDigests(build);
    return build;
}
/**
 * Whether the build's builder takes its base images from the registry whatever this engine holds
 * (any driver but dockerd's own: docker-container, kubernetes, remote): the resolver then resolves
 * against the registry's base too (resolve/base.ts). Asked once: the build stage reuses the answer
 * (lookUpBuilder keeps it per adapter and in the cache directory). Unknown (buildx missing): false,
 * and the build stage says what is wrong; a builder that does not exist (the builder input,
 * BUILDX_BUILDER) ends the run here, before the resolve stage's work that no build would use.
 */
async function builderPullsBases(opts, io, docker) {
    const found = await lookUpBuilder(docker, opts.buildOptions?.builder, {
        dir: opts.cacheDir,
        env: io.env,
    }).catch((e) => {
        if (e instanceof failures/* BuilderMissingError */.ku)
            throw e;
        return undefined;
    });
    return found !== undefined && found.facts.driver !== 'docker';
}
/** The resolve stage: a resolution file per target, its hazards as warnings. */
async function runResolve(opts, io, plan, docker) {
    const { config, baseDir } = opts.loaded;
    const registryBase = opts.stages.has('build') && (await builderPullsBases(opts, io, docker));
    const resolved = await groupOf(io)('resolve', () => runResolveStage(plan, config, baseDir, {
        docker,
        env: io.env,
        lookupHost: io.lookupHost ?? systemLookup,
        ...(registryBase && { registryBase }),
        progress: (l) => io.progress('resolve', l),
        cache: opts.snapshotCache ?? fileSnapshotCache(opts.cacheDir),
        ...(opts.reuse && { reuse: true }),
    }));
    for (const v of plan.variants)
        for (const p of v.platforms) {
            const key = resolvedKey(v.name, p);
            const r = resolved[key];
            if (!r)
                continue;
            opts.results.writeResolution(v.name, p, r.resolution);
            for (const h of r.resolution.hazards)
                io.warning(`${h.message}. Fix: ${h.fix}`, { title: `ml-image resolve (${key})` });
        }
    return resolved;
}
/** `ml-image run`: the earlier run's records are the baseline this run saved last time. */
function reuseLookup(opts, plan) {
    const { baseline, saveAs } = opts.report;
    const { config, fileVariants } = opts.loaded;
    return async (v) => (await restoreBaseline(baseline, baselineKeys(plan, config, v, fileVariants), saveAs.branch))?.dir;
}
function overallStatus(entries) {
    const s = entries.map((e) => e.result.summary);
    if (s.length === 0)
        return 'none';
    if (s.some((x) => x.fail > 0))
        return 'fail';
    return s.some((x) => x.pass > 0) ? 'pass' : 'skip';
}

;// CONCATENATED MODULE: ./src/report/github-env.ts
// What the report needs from a GitHub runner's environment: the pull request, whether it comes from
// a fork, the base and default branches, the run's URL. Pure over env + the event payload.



/** The runner's event payload, parsed (src/github/event.ts); off a runner: an empty event. */
function readGitHubEvent(env) {
    return (0,github_event/* readGitHubEventFile */.MZ)(env.GITHUB_EVENT_PATH);
}
function githubReportContext(env, token, event = readGitHubEvent(env), 
/** The commit the checkout holds, where read (a schedule run: see defaultBranchOf). */
checkedOut) {
    if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_REPOSITORY)
        return {};
    const pr = event.pull_request;
    const defaultBranch = (0,github_event/* defaultBranchOf */.dV)(env, event, checkedOut);
    const branch = env.GITHUB_REF?.startsWith('refs/heads/')
        ? env.GITHUB_REF.slice('refs/heads/'.length)
        : undefined;
    const headRepo = pr?.head?.repo?.full_name;
    const target = {
        ...(token && { token }),
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        repository: env.GITHUB_REPOSITORY,
        ...(pr?.number !== undefined && { prNumber: pr.number }),
        ...((pr?.head?.sha ?? checkedOut ?? env.GITHUB_SHA) && {
            headSha: pr?.head?.sha ?? checkedOut ?? env.GITHUB_SHA,
        }),
        // Another repository's head (or a deleted fork: head.repo null) gets a read-only token.
        // head.repo.fork only says the head repository is some fork, maybe this very one.
        ...(pr && { fromFork: !headRepo || headRepo.toLowerCase() !== env.GITHUB_REPOSITORY.toLowerCase() }),
        // Whose baselines a pull request into another branch is compared with (null: not named).
        defaultBranch: defaultBranch ?? null,
        ...(env.GITHUB_SERVER_URL &&
            env.GITHUB_RUN_ID && {
            runUrl: (0,github_run/* actionsRunUrl */.Ig)(env.GITHUB_SERVER_URL, env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID),
        }),
    };
    const baseBranch = pr ? (env.GITHUB_BASE_REF ?? pr.base?.ref) : defaultBranch;
    // A run of the default branch (no pull request): its records are the baseline, if trusted.
    const onDefault = !pr && branch !== undefined && branch === defaultBranch;
    const saveAs = onDefault ? github_env_baselineOf(env, event, branch) : undefined;
    const untrusted = (0,pull_request_code/* mayBuildPullRequestCode */.HE)(env, event);
    return {
        target,
        ...(baseBranch && { baseBranch }),
        ...(saveAs && !untrusted && { saveAs }),
        ...(onDefault &&
            untrusted && {
            saveSkipped: `${(0,pull_request_code/* untrustedReason */.lw)(env)}: it may build a pull request's code, so its records are not saved as the baseline of ${branch}`,
        }),
    };
}
/**
 * The branch and commit a run's records are saved under as the default branch's baseline: a run of
 * the default branch (GITHUB_REF and GITHUB_SHA). A workflow_run run has the default branch's
 * GITHUB_REF whatever it built: only when the run it follows built the default branch, under that
 * run's head_sha (a feature branch's build is no baseline of the default branch).
 */
function github_env_baselineOf(env, event, branch) {
    if (env.GITHUB_EVENT_NAME !== 'workflow_run')
        return env.GITHUB_SHA ? { branch, sha: env.GITHUB_SHA } : undefined;
    const run = event.workflow_run;
    return run?.head_branch === branch && run.head_sha ? { branch, sha: run.head_sha } : undefined;
}

;// CONCATENATED MODULE: ./src/report/untrusted-model.ts
// What the fork-safe poster shows of a report model from an untrusted artifact. Every value is
// text the renderer escapes, but a link is followed, and the comment is posted with the write
// token, in this repository's name. So the poster does not take links from the artifact: the run
// links are rebuilt from what the workflow_run job knows itself (the server, the repository, the
// id of the run that made the artifact). Nor does it show the artifact's supply-chain section: a
// pull request's run signs nothing (the workflows sign only the default branch, tags and
// schedules), so any signing claim or verify command there is the fork's own, and a verify
// command naming a real release's digest would pass for an image the pull request never built.


/** An artifact's value in a log line: quoted, so no line break in it can start a line of its own. */
const q = (text, max) => JSON.stringify((0,report_escape/* clip */.$Q)(text, max));
/** The facts from the poster's own environment: GITHUB_SERVER_URL, GITHUB_REPOSITORY, the workflow_run event's run id. */
function trustedFacts(env, runId) {
    const repository = env.GITHUB_REPOSITORY ?? '';
    const server = env.GITHUB_SERVER_URL;
    // Built as the pull request's own job builds its link (src/report/github-env.ts): a genuine
    // artifact's link is this very URL.
    const runUrl = server && (0,report_escape/* safeUrl */.Pl)(server) && (0,github_run/* isOwnerRepo */.Yn)(repository) && runId !== undefined
        ? (0,github_run/* actionsRunUrl */.Ig)(server, repository, runId)
        : undefined;
    return { repository, ...(runUrl !== undefined && { runUrl }) };
}
/**
 * The model with the poster's own run links and no supply-chain section; `dropped` says, for the
 * log, what of the artifact's was left out (a link is replaced by the poster's own).
 */
function constrainUntrusted(model, facts) {
    const dropped = [];
    const report = `report ${q(model.variant, 40)}`;
    const links = facts.runUrl
        ? { run: facts.runUrl, artifact: `${facts.runUrl}#artifacts` }
        : {};
    for (const k of ['run', 'artifact']) {
        const claimed = model.links[k];
        if (claimed !== undefined && claimed !== links[k])
            dropped.push(`${report}: the artifact's ${k} link ${q(claimed, 300)} is not one ml-image writes for ${facts.repository}: left out`);
    }
    if (model.supplyChain !== undefined)
        dropped.push(`${report}: the artifact's supply-chain section (${model.supplyChain.targets.length} platform image(s)) is left out: a pull request's run signs nothing`);
    const { supplyChain: _claimed, ...rest } = model;
    return { model: { ...rest, links }, dropped };
}

;// CONCATENATED MODULE: ./src/report/poster.ts
// The fork-safe poster (report/ with from-artifact, in a workflow_run job): a fork's pull request
// ran with a read-only token and left its report models in an artifact. This job has write
// permission, so it trusts nothing in the artifact: schema-validated, re-rendered here with this
// version's escaping and size limit, posted only to the pull request the triggering run belongs to.
// Links are the poster's own, never the artifact's, and no supply-chain claim is shown (untrusted-model.ts).











async function postFromArtifact(dir, io) {
    const repository = io.env.GITHUB_REPOSITORY;
    if (!repository)
        throw new errors/* InputError */.dz('from-artifact: GITHUB_REPOSITORY is not set (run this on a GitHub runner)');
    const run = readGitHubEvent(io.env).workflow_run;
    // Only a workflow_run job can tie the artifact to the run that made it.
    if (run?.head_sha === undefined)
        throw new errors/* InputError */.dz('from-artifact: run this in a workflow_run job (its event names the run whose artifact is posted)', 'see workflows/fork-comment.yml');
    // Schema, size, repository and commit are checked by the reader; each report model is
    // re-validated by ReportModelSchema and re-rendered (re-escaped) below.
    const artifact = (0,report_artifact/* readCommentArtifact */.sB)(dir, {
        repository,
        headSha: run.head_sha,
        reportSchema: model_schema/* ReportModelSchema */.R9,
    });
    const prs = (run?.pull_requests ?? []).map((p) => p.number);
    // GitHub leaves pull_requests empty for fork pull requests; when it is filled, it must match.
    if (prs.length > 0 && !prs.includes(artifact.prNumber))
        throw new errors/* InputError */.dz(`from-artifact: pull request #${artifact.prNumber} is not one of the run's (${prs.join(', ')})`);
    if (!io.token)
        throw new errors/* InputError */.dz('from-artifact: github-token is required to post the comment');
    const { createGitHubClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 55254));
    const apiUrl = io.env.GITHUB_API_URL ?? 'https://api.github.com';
    const client = await (io.client ?? ((token, baseUrl) => createGitHubClient({ token, baseUrl, log: io.info })))(io.token, apiUrl);
    const [owner, repo] = repository.split('/');
    // For a fork, GitHub leaves workflow_run.pull_requests empty, so the artifact's PR number is
    // only a claim: the pull request must really be at the commit the triggering run built.
    if (!client.getPullRequest)
        throw new errors/* InputError */.dz('from-artifact: the GitHub client cannot read pull requests');
    const pr = await client.getPullRequest({ owner, repo, pullNumber: artifact.prNumber });
    const refused = notThisRun(pr, artifact, run.head_repository?.full_name);
    if (refused !== undefined) {
        // A newer push won the race (its own run posts its report), the artifact names someone else's
        // pull request, or the fork is gone: nothing is posted, and it is not a failure of this job.
        io.warning(refused);
        return { verdicts: [] };
    }
    const facts = trustedFacts(io.env, run.id);
    // The comment's key, and so which comments of ours are updated or deleted, is the poster's own:
    // an artifact naming another key (another workflow's comment on this pull request) steers nothing.
    const markerKey = posterMarkerKey(repository, run.workflow_id, io.markerKey, io.artifactName);
    if (artifact.markerKey !== undefined && artifact.markerKey !== markerKey)
        io.info(`#${artifact.prNumber}: the artifact's comment key ${JSON.stringify(artifact.markerKey.slice(0, 200))} is not used: the poster's is ${markerKey}`);
    // Package lists the pull request's job cut to fit the size limit are whole again (stand-ins for
    // the changes no comment could show), so the comment is the one the full reports render.
    const reports = restoreTrimmed(artifact, external_node_path_default().join(dir, report_artifact/* COMMENT_ARTIFACT_FILE */.kb));
    const models = reports.map((m) => {
        const c = constrainUntrusted(m, facts);
        for (const d of c.dropped)
            io.warning(d);
        return { ...c.model, markerKey };
    });
    if (models.length === 0) {
        io.info(`#${artifact.prNumber}: the artifact holds no report: nothing posted`);
        return { verdicts: [] };
    }
    // ONE comment for every variant of the run; the per-variant comments of older versions of the
    // same key (KEY:<variant>@<platforms>) go.
    const first = renderRun(models, { markerKey });
    const r = await upsertStickyComment(client, {
        owner,
        repo,
        issueNumber: artifact.prNumber,
        marker: first.marker,
        render: (maxChars) => renderRun(models, { markerKey, maxChars }).markdown,
        replaces: replacedMarkers([], [markerKey]),
        ...(io.author !== undefined && { author: io.author }),
        log: { info: io.info, warning: io.warning },
    });
    io.info(`#${artifact.prNumber}: comment ${r.action} (${(0,util_text/* printable */.g$)(first.verdict)})`);
    if (io.summary)
        await io.summary(first.markdown);
    return { verdicts: first.variants.map((v) => (0,util_text/* printable */.g$)(`${v.variant}: ${v.verdict}`)) };
}
/** The artifact name of the reusable workflow and the templates: it adds nothing to the key. */
const DEFAULT_ARTIFACT_NAME = 'ml-image-comment';
/** The folder ml-image-comment.yml downloads each artifact into, under a folder of its name. */
const POSTER_DOWNLOAD_DIR = 'ml-image-comment-in';
/**
 * The artifact's name, from where the reusable poster workflow downloaded it
 * (`.../ml-image-comment-in/NAME`); undefined for any other folder, which a caller chose and which
 * names no artifact (its name would change the comment's key, and so leave a second comment).
 */
function artifactNameOf(dir) {
    return external_node_path_default().basename(external_node_path_default().dirname(dir)) === POSTER_DOWNLOAD_DIR ? external_node_path_default().basename(dir) : undefined;
}
/**
 * The poster's comment key, from what the workflow_run job knows itself: the marker-key input when
 * set (e.g. the image repository, the key the comments of earlier versions carry), else the
 * repository and the triggering run's workflow, so two build workflows keep two comments, and the
 * artifact's name when it is not the default, so two poster jobs of one workflow (two configs, two
 * artifacts) keep two comments too.
 */
function posterMarkerKey(repository, workflowId, given, artifactName) {
    const key = given?.trim();
    if (key)
        return key;
    const base = workflowId !== undefined ? `${repository}:workflow-${workflowId}` : repository;
    const name = artifactName?.trim();
    return name && name !== DEFAULT_ARTIFACT_NAME ? `${base}:${name}` : base;
}
/**
 * Why the pull request is not the one the triggering run built (undefined: it is): another head
 * commit, a head repository that is gone (a deleted fork: nothing ties it to the run) or that the
 * event does not name (GitHub's schema always does: the same, failing closed), or another one
 * (exit 2: the artifact names someone else's pull request).
 */
function notThisRun(pr, artifact, runRepo) {
    if (pr.headSha !== artifact.headSha)
        return `pull request #${artifact.prNumber} is at ${pr.headSha}, not at the artifact's ${artifact.headSha}: not posted`;
    if (!runRepo)
        return `the triggering run names no head repository: pull request #${artifact.prNumber} cannot be matched to it: not posted`;
    if (!pr.headRepo)
        return `pull request #${artifact.prNumber}'s head repository is gone (a deleted fork): it cannot be matched to the triggering run from ${runRepo}: not posted`;
    if (pr.headRepo.toLowerCase() !== runRepo.toLowerCase())
        throw new errors/* InputError */.dz(`from-artifact: pull request #${artifact.prNumber} comes from ${pr.headRepo}, the triggering run from ${runRepo}`);
    return undefined;
}

;// CONCATENATED MODULE: ./src/smoke/gpu-mode.ts
// The GPU mode of the smoke containers, as the action input, the CLI flags and the stages spell it.

/**
 * auto: GPUs when the engine has the NVIDIA runtime or an nvidia.com/gpu CDI device (a CDI spec
 * directory alone is not enough); all: every GPU; none: CPU only.
 */
const GPU_MODES = ['auto', 'all', 'none'];
/** A flag's value -> the mode; anything else is bad input naming the flag (exit 2). */
function parseGpuMode(raw, source) {
    const mode = GPU_MODES.find((m) => m === raw);
    if (mode === undefined)
        throw new InputError(`${source}: expected auto, all or none, got "${raw}"`);
    return mode;
}

;// CONCATENATED MODULE: ./src/pipeline/earlier-build.ts
// What a run of some stages reads from an earlier run's result directory and does not produce
// itself, checked before its first stage (the plan stage writes plan.json there first).




/**
 * build.json, which STAGES read and do not produce (smoke or attest without build), checked in DIR
 * (nothing is created): missing or broken, bad input. WORDS are the caller's: how its user asked
 * for the stages ("run --stages smoke"), the directory's name ("--out results3", "result-dir"),
 * and the caller's way to give the file (FIX).
 */
function checkEarlierBuild(stages, dir, words) {
    const readers = ['smoke', 'attest'].filter((s) => stages.has(s));
    if (readers.length === 0 || stages.has('build'))
        return;
    if (!(0,external_node_fs_.existsSync)(external_node_path_default().join(dir, results_results/* BUILD_FILE */.oS)))
        throw new errors/* InputError */.dz(`${words.asked}: the ${readers.join(' and ')} stage${readers.length > 1 ? 's read' : ' reads'} the build's ${results_results/* BUILD_FILE */.oS}, and ${words.label} (${dir}) has none`, words.fix);
    (0,results_results/* openResultDir */.lR)(dir, words.label, { create: false }).readBuild({ fix: words.fix });
}

;// CONCATENATED MODULE: ./src/action/inputs.ts
// Which stage reads which input of the action: ONE table, used by the action's input parsing (run.ts
// reads an input only when a stage that reads it runs) and by the generator of the sub-actions'
// action.yml (each declares exactly the inputs its stages read), so the two cannot drift. A test
// (__tests__/unit/sub-action-inputs.test.ts) runs the parsing with a recording io per sub-action and
// compares what it read with what the sub-action declares.


const INPUT_STAGES = {
    // The config and what the plan is made of: the image, the variants, the platforms, the base
    // (template / own Dockerfile), the tags and labels.
    config: 'every',
    stages: 'every',
    'result-dir': 'every',
    image: 'every',
    registry: 'every',
    version: 'every',
    dockerfile: 'every',
    template: 'every',
    variants: 'every',
    platforms: 'every',
    tags: 'every',
    labels: 'every',
    // The requirement files: resolved, installed, imported by the smoke suites, digested into the
    // provenance.
    requirements: ['resolve', 'build', 'smoke', 'attest'],
    'resolve-mode': ['resolve'],
    // smoke.gpuRunnerLabels only travels in the plan's `config` output (the workflow maps the GPU job
    // onto it).
    'gpu-runner-labels': ['plan'],
    // Build (docker/build-push-action's inputs, the merge of matrix jobs).
    context: ['build'],
    'build-args': ['build'],
    pull: ['build'],
    provenance: ['build'],
    annotations: ['build'],
    secrets: ['build'],
    'secret-envs': ['build'],
    'cache-from': ['build'],
    'cache-to': ['build'],
    target: ['build'],
    builder: ['build'],
    'no-cache': ['build'],
    sbom: ['build'],
    load: ['build'],
    'secret-files': ['build'],
    ssh: ['build'],
    'build-contexts': ['build'],
    outputs: ['build'],
    attests: ['build'],
    'add-hosts': ['build'],
    'shm-size': ['build'],
    ulimit: ['build'],
    allow: ['build'],
    'cgroup-parent': ['build'],
    'no-cache-filters': ['build'],
    call: ['build'],
    // build.network: the RUN steps' network, and the resolver's probe container's.
    network: ['resolve', 'build'],
    build: ['build'],
    push: ['build'],
    merge: ['build'],
    'merge-from': ['build'],
    // What the post step does with the images the build left and the smoke stage pulled.
    'keep-images': ['build', 'smoke'],
    // Smoke.
    'smoke-suites': ['smoke'],
    'require-gpu': ['smoke'],
    gpus: ['smoke'],
    // Attest.
    attest: ['attest'],
    sign: ['attest'],
    // Report (and the fork poster, which is the report stage on an artifact).
    comment: ['report'],
    'marker-key': ['report'],
    'comment-mode': ['report'],
    'from-artifact': ['report'],
    baseline: ['report'],
    'github-token': ['report'],
    'comment-author': ['report'],
};
/** Whether a run of these stages reads the input (an unknown name is a bug here: thrown). */
function readsInput(name, stages) {
    const readers = INPUT_STAGES[name];
    if (readers === undefined)
        throw new Error(`input "${name}" is not in INPUT_STAGES (src/action/inputs.ts): add it with its stages`);
    return readers === 'every' || readers.some((s) => stages.has(s));
}
/** The inputs a run of these stages reads, in the table's order. */
function inputsForStages(stages) {
    return Object.keys(INPUT_STAGES).filter((n) => readsInput(n, stages));
}
/**
 * `get` for the parsing of a run of these stages: an input no running stage reads is '' (as if
 * unset) and is not read at all, so a sub-action need not declare it.
 */
function stageInputReader(get, stages) {
    return (name) => (readsInput(name, stages) ? get(name) : '');
}
/**
 * Every variable the `secret-envs` input names (ID=ENVNAME) is set: refused at the edge, naming the
 * input, before the resolve stage spends minutes (the build stage checks again where it mounts them).
 */
function checkSecretEnvs(secretEnvs, env) {
    for (const [id, name] of Object.entries(secretEnvs ?? {}))
        if (env[name] === undefined)
            throw new errors/* InputError */.dz(`input "secret-envs": ${id}=${name}: ${name} is not set in the environment`, `set it in the step's env: (e.g. ${name}: \${{ secrets.${name} }})`);
}
/**
 * A smoke or attest job without build reads the build job's build.json from result-dir (DIR):
 * missing or broken, bad input before the plan stage, with the action's way to give it.
 */
function checkDownloadedBuild(stages, dir) {
    checkEarlierBuild(stages, dir, {
        asked: `stages ${[...stages].join(',')}`,
        label: 'result-dir',
        fix: "download the build job's build.json into result-dir before this step (actions/download-artifact), or add build to the stages input",
    });
}

// EXTERNAL MODULE: ./src/action/io.ts + 1 modules
var action_io = __webpack_require__(72623);
;// CONCATENATED MODULE: ./src/action/mask.ts
// What the action masks in the job's log (core.setSecret through ActionIo): the `secrets` input
// before it is parsed, and the values the parsed inputs and the config name. One threshold for all.

/**
 * The shortest value masked. A runner replaces a masked value wherever it appears in later log
 * lines: "1" or "on" would mangle every line and show where the value is. One threshold for every
 * value the action masks (the secrets input, the variables build.secrets and secret-envs name).
 */
const MIN_MASKED_CHARS = 4;
/** Quotes and "=" (a CSV quote, the padding of base64) do not count toward the length. */
const maskable = (v) => v.replace(/["=]/g, '').trim().length >= MIN_MASKED_CHARS;
/** Mask V for the rest of the job; one too short to mask is left unmasked, with a warning naming WHAT. */
function maskValue(io, v, what) {
    if (v === undefined || v.replace(/["=]/g, '').trim() === '')
        return;
    if (maskable(v))
        io.setSecret?.(v);
    else
        io.warning(`${what} is shorter than ${MIN_MASKED_CHARS} characters: too short to mask in the log (a mask that short would replace that text in every line), so it is not masked; use a real secret there`, { title: 'ml-image secrets' });
}
/**
 * The `secrets` input, line by line, masked before it is parsed: each line and the value of each
 * ID=VALUE line, a CSV quote around it left out. A line of a multi-line value is then masked even when
 * the value was not quoted (and the input is refused), and wherever a runner prints it line by line.
 * A part shorter than MIN_MASKED_CHARS is not (the whole ID=VALUE line still is); the parsed value
 * is warned about later (parseActionInputs).
 */
function maskSecretsInput(io, raw) {
    const masks = new Set();
    for (const line of raw.split(/\r?\n/)) {
        const trimmed = line.trim();
        const unquoted = trimmed.replace(/^"/, '').replace(/"$/, '').trim();
        const at = unquoted.indexOf('=');
        for (const m of [trimmed, unquoted, at > 0 ? unquoted.slice(at + 1).trim() : ''])
            // A lone quote (the end of a quoted value) or "=" (of `AbCd12==`, the end of a base64 text)
            // is no secret: masking it would mangle every log line.
            if (maskable(m))
                masks.add(m);
    }
    for (const m of masks)
        io.setSecret?.(m);
}
/**
 * The build's secret values, masked in every later log line (a runner masks only values from its
 * secrets context): each `secrets` input value; the values build.secrets (NAMES) and secret-envs
 * name, from the environment (often a step's own export; pip prints a URL's ?sig=${SAS}); and each
 * secret-files file's text, read as the build stage reads it for its own mask (a file too big,
 * binary or unreadable is left unread).
 */
function maskBuildSecrets(io, names, options) {
    for (const [id, v] of Object.entries(options.secrets ?? {}))
        maskValue(io, v, `input "secrets": the value of ${id}`);
    for (const name of names)
        maskValue(io, io.env[name], `build.secrets: ${name}'s value`);
    for (const [id, name] of Object.entries(options.secretEnvs ?? {}))
        maskValue(io, io.env[name], `input "secret-envs": ${id}=${name}: ${name}'s value`);
    for (const [id, file] of Object.entries(options.secretFiles ?? {}))
        maskFileText(io, secretFileText(file), `input "secret-files": ${id}'s text`);
}
/**
 * A file's TEXT masked line by line, each trimmed line of MIN_MASKED_CHARS or more (as the build
 * stage's own mask, valueMasks): a runner registers each line of a masked value as a secret of its
 * own, with no minimum, so the `{` and `}` lines of a JSON key would mask every brace in the job's
 * log. A text with no such line is warned about as too short (maskValue).
 */
function maskFileText(io, text, what) {
    if (text === undefined)
        return;
    const lines = new Set(text
        .split(/\r\n|[\r\n]/)
        .map((l) => l.trim())
        .filter(maskable));
    if (lines.size === 0)
        return maskValue(io, text, what);
    for (const line of lines)
        io.setSecret?.(line);
}

// EXTERNAL MODULE: ./src/action/post.ts
var post = __webpack_require__(27718);
// EXTERNAL MODULE: ./src/action/verify.ts + 7 modules
var verify = __webpack_require__(46918);
;// CONCATENATED MODULE: ./src/action/run.ts
// The root action and the sub-actions plan/, build/, smoke/, attest/, report/ (one bundle: each
// action.yml sets the `stages` input's default), and verify/ (its action.yml sets `command: verify`,
// see verify.ts). Inputs are parsed once, here at the edge; stages receive a typed Config and plain
// options.



























const bool = (get, name, dflt) => {
    const raw = get(name).trim();
    return raw === '' ? dflt : (0,inputs/* parseInputValue */.R8)({ input: name, path: [], kind: 'boolean' }, raw);
};
function choice(get, name, allowed, dflt) {
    const raw = get(name).trim() || dflt;
    const found = allowed.find((a) => a === raw);
    if (found === undefined)
        throw new errors/* InputError */.dz(`input "${name}": expected one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
    return found;
}
function baselineStore(io, raw) {
    const v = raw.trim() || 'cache';
    if (v === 'none')
        return null;
    if (v === 'cache') {
        // Off GitHub (a local act run, tests) there is no cache service: no baseline, said once.
        if (!io.env.ACTIONS_RESULTS_URL && !io.env.ACTIONS_CACHE_URL) {
            io.warning('baseline: cache: no Actions cache service here; reporting without a baseline', {
                title: 'ml-image report',
            });
            return null;
        }
        return actionsCacheBaselineStore(io.env.RUNNER_TEMP ?? external_node_path_default().join(io.cwd, '.ml-image-tmp'), {
            warning: (m) => io.warning(m, { title: 'ml-image report' }),
            run: { id: io.env.GITHUB_RUN_ID, attempt: io.env.GITHUB_RUN_ATTEMPT },
        });
    }
    return dirBaselineStore(external_node_path_default().resolve(io.cwd, v), `input "baseline" (${v})`, 'the "baseline" input (cache, none, or a directory)');
}
async function run(given = (0,action_io/* coreIo */.I0)()) {
    // The step's own failure stays among the 10 error annotations GitHub shows (capErrors).
    const io = (0,action_io/* capErrors */._s)(given);
    try {
        const command = io.getInput(action_io/* COMMAND_INPUT */.l_).trim();
        if (command === 'verify')
            return await (0,verify/* runVerify */.R9)(io);
        if (command !== '')
            throw new errors/* InputError */.dz(`input "${action_io/* COMMAND_INPUT */.l_}": expected verify (set by the verify sub-action), got ${JSON.stringify(command)}`);
        const parsed = parseActionInputs(io);
        if (parsed.kind === 'poster')
            await postComment(io, parsed);
        else {
            refusePullRequestTarget(io.env);
            await runStages(io, parsed);
        }
    }
    catch (err) {
        (0,action_io/* fail */.fJ)(io, err);
    }
    finally {
        io.flush();
    }
}
/**
 * A pull_request_target run has a write token and the repository's secrets beside whatever it checks
 * out, and its GITHUB_REF is the base branch (cache and baseline scopes): the stages never run there,
 * as the reusable workflow refuses it (docs/workflows.md). The poster (from-artifact) builds nothing.
 */
function refusePullRequestTarget(env) {
    if (env.GITHUB_ACTIONS !== 'true' || env.GITHUB_EVENT_NAME !== 'pull_request_target')
        return;
    throw new errors/* InputError */.dz("the action does not run its stages on pull_request_target: that event runs with a write token and the repository's secrets beside the checked-out code, and with the base branch's cache scope", "trigger the workflow on pull_request (a fork's run gets a read-only token and writes the fork-safe comment artifact) and post the comment from a workflow_run job (from-artifact); see docs/workflows.md");
}
/**
 * Every input of the action, parsed at this one edge. Only the inputs a stage of this run reads
 * are read at all (INPUT_STAGES, src/action/inputs.ts, which also decides what each sub-action's
 * action.yml declares); the rest count as unset.
 */
function parseActionInputs(io) {
    let stages = parseStages(io.getInput('stages'), 'input "stages"');
    // Every requested stage's inputs are read (and checked), even where build: false leaves the plan.
    const get = stageInputReader(io.getInput, stages);
    // build: false (kept from 0.1) publishes the plan only.
    if (!bool(get, 'build', true))
        stages = new Set(['plan']);
    const token = get('github-token').trim() || undefined;
    // github.token is masked by the runner; a token from a step output or an expression is not.
    if (token)
        io.setSecret?.(token);
    // Who posts with a GitHub App's token (GitHub does not tell an installation token its login).
    const author = get('comment-author').trim() || undefined;
    const fromArtifact = get('from-artifact').trim();
    if (fromArtifact !== '') {
        // The comment's key is the poster job's own (marker-key), never the artifact's.
        const markerKey = get('marker-key').trim();
        return { kind: 'poster', fromArtifact, token, author, ...(markerKey !== '' && { markerKey }) };
    }
    // Masked before any parsing: an error in it (or in the config) is then printed masked too.
    maskSecretsInput(io, get('secrets'));
    const loaded = configFromInputs(io, get);
    const buildOptions = buildOptionsFromInputs(get, io.cwd);
    // A merge job (merge-from) builds nothing, so it mounts no secret: its env need not hold them.
    if (stages.has('build') && get('merge-from').trim() === '')
        checkSecretEnvs(buildOptions.secretEnvs, io.env);
    maskBuildSecrets(io, loaded.config.build.secrets, buildOptions);
    return {
        kind: 'stages',
        token,
        author,
        stages,
        loaded,
        resultDir: external_node_path_default().resolve(io.cwd, get('result-dir').trim() || 'ml-image-results'),
        push: bool(get, 'push', true),
        merge: bool(get, 'merge', true),
        buildOptions,
        mergeFrom: get('merge-from').trim(),
        gpus: choice(get, 'gpus', GPU_MODES, 'auto'),
        commentMode: choice(get, 'comment-mode', COMMENT_MODES, 'auto'),
        baseline: get('baseline'),
        keepImages: bool(get, 'keep-images', true),
    };
}
/** The fork poster (workflow_run): no checkout, no config; the artifact is untrusted input. */
async function postComment(io, { fromArtifact, token, author, markerKey }) {
    // Where the reusable workflow downloaded it, the folder is named after the artifact (its
    // artifact-name): two poster jobs of one workflow then keep two comments. Any other folder
    // names nothing.
    const artifactName = artifactNameOf(external_node_path_default().resolve(io.cwd, fromArtifact));
    const r = await postFromArtifact(external_node_path_default().resolve(io.cwd, fromArtifact), {
        env: io.env,
        token,
        ...(author !== undefined && { author }),
        ...(markerKey !== undefined && { markerKey }),
        ...(artifactName !== undefined && { artifactName }),
        info: io.info,
        warning: (m) => io.warning(m, { title: 'ml-image report' }),
        ...(io.summary && { summary: io.summary }),
    });
    io.setOutput('verdict', r.verdicts.join('\n'));
}
/** The config from the file and the inputs; credentials in index URLs masked. */
function configFromInputs(io, get) {
    const configInput = get('config').trim();
    const loaded = loadConfig({
        cwd: io.cwd,
        env: io.env,
        // The default "ml-image.yml" may be absent when inputs carry the whole config.
        ...(configInput !== '' && configInput !== 'ml-image.yml' && { file: configInput }),
        overrides: (0,inputs/* overridesFromInputs */.p$)(get, io.env),
    });
    const { config } = loaded;
    // Index URLs' credentials (a login, ?token=, Anaconda's /t/<token>/) masked too: pip and buildx
    // print a URL as it is. Unchecked: a stage running pip refuses a bad one; masking fails no stage.
    const ix = givenPipIndexes(config.python, io.env);
    for (const u of [ix.indexUrl, ...ix.extraIndexUrls, config.python.torchIndexUrl])
        for (const c of u ? (0,url_secrets/* urlSecrets */.Fn)(u, MIN_MASKED_CHARS) : [])
            io.setSecret?.(c);
    return loaded;
}
async function runStages(io, inputs) {
    const { loaded, stages, resultDir, push, buildOptions, mergeFrom, token } = inputs;
    const { config } = loaded;
    checkStageInputs(loaded, stages, { mode: inputs.gpus, env: io.env });
    checkDownloadedBuild(stages, resultDir);
    io.info(`config ${loaded.file ?? '(from inputs)'}: ${config.variants.map((v) => v.name).join(', ')} x ${config.platforms.join(', ')}; stages: ${[...stages].join(', ')}`);
    io.setOutput('config', JSON.stringify(config));
    io.setOutput('variants', JSON.stringify(config.variants.map((v) => v.name)));
    io.setOutput('platforms', JSON.stringify(config.platforms));
    io.setOutput('result-dir', resultDir);
    // The post step removes the images these stages leave (self-hosted runners): build.json says which.
    if (stages.has('build') || stages.has('smoke'))
        (0,post/* saveImageState */.Y4)(io, resultDir, inputs.keepImages, stages.has('build') ? Date.now() : undefined);
    // With the `tags` input the images go to the first tag's registry, not image.registry.
    const tagHost = buildOptions.tags?.[0] && registryHost(splitTagRef(buildOptions.tags[0]).repository);
    const registry = tagHost
        ? tagHost === 'docker.io'
            ? 'registry-1.docker.io'
            : tagHost
        : config.image.registry;
    if (push && (stages.has('build') || mergeFrom !== ''))
        await (0,docker_registry/* checkRegistry */.qW)(registry);
    // A schedule run's checkout, which may hold another branch than GITHUB_REF's (see defaultBranchOf).
    const checkedOut = await scheduledCheckout(io.env, async () => io.checkoutHead?.(loaded.file !== undefined ? external_node_path_default().dirname(external_node_path_default().resolve(io.cwd, loaded.file)) : io.cwd));
    const gh = githubReportContext(io.env, token, undefined, checkedOut);
    if (gh.saveSkipped && stages.has('report'))
        io.info(gh.saveSkipped);
    if (gh.target && inputs.author !== undefined)
        gh.target.author = inputs.author;
    const t0 = Date.now();
    const result = await runPipeline({
        loaded,
        stages,
        results: (0,results_results/* openResultDir */.lR)(resultDir, 'result-dir', { flag: 'the "result-dir" input' }),
        push,
        merge: inputs.merge,
        buildOptions,
        ...(mergeFrom !== '' && { mergeFrom: external_node_path_default().resolve(io.cwd, mergeFrom) }),
        gpus: inputs.gpus,
        imagesDir: findImagesDir(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url))),
        git: gitContextFromGitHubEnv(io.env, checkedOut) ?? {},
        cacheDir: defaultCacheDir(io.env, io.cwd),
        report: {
            mode: inputs.commentMode,
            baseline: stages.has('report') ? baselineStore(io, inputs.baseline) : null,
            ...(gh.baseBranch && { baseBranch: gh.baseBranch }),
            ...(gh.saveAs && { saveAs: gh.saveAs }),
            ...(gh.target && { github: gh.target }),
        },
    }, {
        docker: io.docker,
        env: io.env,
        progress: (stage, line) => io.info(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${stage}: ${line}`),
        output: (line) => io.info(line),
        group: io.group,
        error: io.error,
        warning: io.warning,
        ...(io.summary && { summary: io.summary }),
        // keep-images: false: the post step removes what was built even when the build fails later.
        ...(!inputs.keepImages && stages.has('build') && { builtTarget: (0,post/* builtTargetRecorder */.Y1)(io) }),
    }).catch((err) => {
        // A size-budget breach or an attest error comes after the push and the reports: the outputs
        // say what the run produced (as after a smoke failure), then the step fails with that error.
        const failed = pipelineResultOf(err);
        if (failed)
            setResultOutputs(io, failed, inputs);
        throw err;
    });
    setResultOutputs(io, result, inputs);
    if (result.smokeStatus === 'fail') {
        const failed = result.smoke.flatMap((e) => e.result.tests.filter((t) => t.status === 'fail').map((t) => `${e.variant} ${e.platform} ${t.id}`));
        io.setFailed(`smoke failed: ${[...result.smokeErrors, ...failed].join(', ')} (see the annotations and ${resultDir})`);
    }
}
/** The action's outputs from what the pipeline did (action.yml documents each). */
function setResultOutputs(io, result, inputs) {
    const { stages } = inputs;
    io.setOutput('plan', JSON.stringify(result.plan));
    io.setOutput('matrix', JSON.stringify(result.plan.matrix));
    if (result.build) {
        const b = result.build.variants;
        io.setOutput('digests', JSON.stringify(Object.fromEntries(b.flatMap((v) => (v.digest ? [[v.variant, v.digest]] : [])))));
        io.setOutput('tags', JSON.stringify(Object.fromEntries(b.map((v) => [v.variant, pushedTags(v)]))));
        if (b.length === 1)
            setSingleImageOutputs(io, b[0]);
        io.setOutput('platform-digests', JSON.stringify(Object.fromEntries(b.map((v) => [v.variant, Object.fromEntries(v.platforms.map((p) => [p.platform, p.digest]))]))));
    }
    if (stages.has('smoke'))
        io.setOutput('smoke-status', result.smokeStatus);
    if (result.reports.length > 0) {
        // The whole run's report.md first, then each variant's report-<variant>.md.
        const runFile = result.reports.find((r) => r.runFile)?.runFile;
        io.setOutput('report-path', [...(runFile ? [runFile] : []), ...result.reports.map((r) => r.file)].join('\n'));
        io.setOutput('verdict', result.reports.map((r) => `${r.variant}: ${r.verdict}`).join('\n'));
    }
    // A devcontainer of each pushed variant's image, by digest (src/devcontainer).
    if (result.build && inputs.push && stages.has('build')) {
        const variants = result.build.variants.map((v) => v.variant);
        io.setOutput('devcontainer', writeResultDevcontainers(inputs.resultDir, variants, io.info).join('\n'));
    }
}
/**
 * Whether V was pushed by digest without a merge (a matrix build job, merge: false): its tags are
 * the merge job's to push, and were not pushed here.
 */
const byDigestOnly = (v) => v.digest === undefined && v.platforms.length > 0 && v.platforms.every(result/* isPushed */.Yx);
/** The tags V's build pushed (or loaded): none when it pushed by digest alone. */
const pushedTags = (v) => (byDigestOnly(v) ? [] : v.tags);
/**
 * docker/build-push-action's outputs for a build of one variant: `digest` (of the merged list, or
 * of the image when one platform was built and not merged), `imageid` (the image config digest of a
 * single-platform build, else the list digest, as BPA's iidfile) and `metadata` (buildx's metadata
 * with containerimage.digest and image.name set to what was pushed).
 */
function singleImageOutputs(v) {
    const only = v.platforms.length === 1 ? v.platforms[0] : undefined;
    const digest = v.digest ?? only?.digest;
    const configDigest = only?.metadata['containerimage.config.digest'];
    const imageid = typeof configDigest === 'string' ? configDigest : digest;
    const metadata = {
        ...(only?.metadata ?? {}),
        ...(digest !== undefined && { 'containerimage.digest': digest }),
        // Pushed by digest alone: the repository, as build-push-action's push-by-digest names it.
        'image.name': byDigestOnly(v) ? v.repository : v.tags.join(','),
    };
    if (v.platforms.length > 1) {
        metadata['ml-image.platforms'] = Object.fromEntries(v.platforms.map((p) => [p.platform, p.digest]));
    }
    return {
        ...(digest !== undefined && { digest }),
        ...(imageid !== undefined && { imageid }),
        metadata: JSON.stringify(metadata),
    };
}
function setSingleImageOutputs(io, v) {
    const out = singleImageOutputs(v);
    if (out.digest !== undefined)
        io.setOutput('digest', out.digest);
    if (out.imageid !== undefined)
        io.setOutput('imageid', out.imageid);
    io.setOutput('metadata', out.metadata);
}


/***/ }),

/***/ 55254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  OS: () => (/* reexport */ GitHubApiError),
  createGitHubClient: () => (/* binding */ createGitHubClient)
});

// UNUSED EXPORTS: DEFAULT_RETRIES, DO_NOT_RETRY, MAX_RATE_LIMIT_WAIT_S, REQUEST_TIMEOUT_MS, callGitHub, isConnectionError, parseResponse, parseRetryAfter, toGitHubApiError

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 11 modules
var schemas = __webpack_require__(92857);
// EXTERNAL MODULE: ./src/config/issues.ts
var issues = __webpack_require__(11012);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/github/errors.ts
// GitHub API errors: what Octokit throws (status, headers, the error body) mapped to one
// GitHubApiError that carries what callers need (a rate limit told apart from a read-only token,
// retry-after, 422 details) and a fix. Octokit's plugins have retried by then (retry.ts). The
// error body crosses the process boundary: it is parsed, never cast.


/**
 * A non-2xx answer from the GitHub API, after Octokit's retries. Carries what callers need and
 * nothing that could leak: no request body (the comment), no headers (the token).
 */
class GitHubApiError extends errors/* MlImageError */.zn {
    status;
    details;
    constructor(message, status, details = {}) {
        super(message, errors/* ExitCode */.yU.Environment, fixFor(status, details.secondaryRateLimit || details.rateLimited));
        this.status = status;
        this.details = details;
    }
    get apiMessage() {
        return this.details.apiMessage;
    }
    get retryAfter() {
        return this.details.retryAfter;
    }
    get secondaryRateLimit() {
        return this.details.secondaryRateLimit === true;
    }
    get rateLimited() {
        return this.details.rateLimited === true;
    }
    get errors() {
        return this.details.errors ?? [];
    }
}
function fixFor(status, rateLimit) {
    if (rateLimit)
        return 'wait for the rate limit to reset, or space out runs that comment on the same repository';
    if (status === 401)
        return 'the token is missing, expired or revoked: check the github-token input';
    if (status === 403)
        return 'give the workflow `permissions: pull-requests: write` (fork pull requests get a read-only token: post from a workflow_run workflow instead)';
    if (status === 404)
        return 'check the repository and pull-request number, and that the token can read the repository';
    if (status >= 500)
        return 'GitHub had a server error: re-run the job';
    return undefined;
}
const SECONDARY_RE = /secondary rate limit|abuse detection/i;
/** Seconds from a `retry-after` header: delta-seconds or an HTTP date. */
function parseRetryAfter(value, nowMs) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const v = value.trim();
    if (/^\d+$/.test(v))
        return Number(v);
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}
function header(headers, name) {
    if (!headers)
        return undefined;
    for (const [k, v] of Object.entries(headers))
        if (k.toLowerCase() === name && v !== undefined)
            return String(v);
    return undefined;
}
// Each field is optional and kept only when it has the documented type.
const loose = schemas/* string */.YjP().optional().catch(undefined);
/** The fields of GitHub's error body that are used; anything not a JSON object has none. */
const ErrorBodySchema = schemas/* object */.Ikc({
    message: loose,
    documentation_url: loose,
    errors: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional().catch(undefined),
});
const ValidationErrorSchema = schemas/* object */.Ikc({ resource: loose, field: loose, code: loose, message: loose });
/** A 422's `errors`: strings or objects; anything else is left out. */
function validationErrors(items) {
    return items.flatMap((x) => {
        if (typeof x === 'string')
            return [{ code: 'custom', message: x }];
        const o = ValidationErrorSchema.safeParse(x);
        if (!o.success)
            return [];
        return [
            {
                resource: o.data.resource,
                field: o.data.field,
                code: o.data.code ?? 'custom',
                message: o.data.message,
            },
        ];
    });
}
/**
 * Map what Octokit throws (RequestError: status, response.headers, response.data) to a
 * GitHubApiError. Anything else (a bug, a thrown string) is passed through untouched.
 */
function toGitHubApiError(err, operation, nowMs = Date.now()) {
    if (err instanceof GitHubApiError)
        return err;
    if (typeof err !== 'object' || err === null)
        return err;
    const e = err;
    // Octokit's RequestError (name "HttpError"); network failures arrive as status 500 without a
    // response: those are not HTTP errors (callGitHub reports them as "cannot reach").
    if (typeof e.status !== 'number' || e.status < 400)
        return err;
    const status = e.status;
    const headers = e.response?.headers;
    const body = ErrorBodySchema.safeParse(e.response?.data);
    const data = body.success ? body.data : {};
    const apiMessage = data.message ??
        (typeof e.response?.data === 'string' && e.response.data.length < 500 ? e.response.data : undefined);
    const errors = data.errors && validationErrors(data.errors);
    let retryAfter = parseRetryAfter(header(headers, 'retry-after'), nowMs);
    const remaining = header(headers, 'x-ratelimit-remaining');
    const reset = header(headers, 'x-ratelimit-reset');
    const rateLimited = (status === 403 || status === 429) && remaining === '0';
    if (retryAfter === undefined && rateLimited && reset && /^\d+$/.test(reset)) {
        retryAfter = Math.max(0, Number(reset) - Math.floor(nowMs / 1000));
    }
    const secondaryRateLimit = (status === 403 || status === 429) &&
        !rateLimited &&
        (SECONDARY_RE.test(apiMessage ?? '') || header(headers, 'retry-after') !== undefined);
    const detail = apiMessage ?? (status >= 500 ? 'server error' : 'no message');
    const fieldErrors = errors?.length
        ? ` (${errors.map((x) => [x.field, x.message ?? x.code].filter(Boolean).join(': ')).join('; ')})`
        : '';
    return new GitHubApiError(`GitHub API ${operation} failed: ${status} ${detail}${fieldErrors}`, status, {
        operation,
        apiMessage,
        documentationUrl: data.documentation_url,
        retryAfter,
        secondaryRateLimit,
        rateLimited,
        errors,
        requestId: header(headers, 'x-github-request-id'),
    });
}

;// CONCATENATED MODULE: ./src/github/retry.ts

/** One request's time limit (connect + answer); each retry gets its own. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Retries of one request unless RetryPolicy.retries says otherwise. */
const DEFAULT_RETRIES = 3;
/** A rate limit that resets later than this is not waited for: failing the comment is better. */
const MAX_RATE_LIMIT_WAIT_S = 120;
/**
 * Statuses plugin-retry leaves alone: its defaults (the 4xx a retry cannot fix: 403 forbidden,
 * 404, 422 validation ...) plus 429, a rate limit, which is plugin-throttling's to retry (else a
 * rate-limited request would be retried by both).
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/**
 * Octokit reports a request that got no answer (connection refused, DNS failure, reset, timeout)
 * as status 500 without a response; a real HTTP 500 from GitHub carries one.
 */
function isConnectionError(err) {
    if (typeof err !== 'object' || err === null)
        return false;
    const e = err;
    if (e.name === 'AbortError' || e.name === 'TimeoutError')
        return true;
    return e.status === 500 && e.response === undefined;
}
/** The options for getOctokit(): plugin-retry's and plugin-throttling's, from one policy. */
async function retryOptions(policy, log) {
    const retries = policy.retries ?? DEFAULT_RETRIES;
    const msPerSecond = policy.msPerSecond ?? 1000;
    const onLimit = (what) => (retryAfterS, o, _octokit, retryCount) => rateLimitRetry(what, retryAfterS, o, retryCount, retries, log);
    // Unlimited groups: writes go out at once (the default groups space them). Loaded only then.
    const unpaced = policy.paceWrites === false ? (await __webpack_require__.e(/* import() */ 251).then(__webpack_require__.t.bind(__webpack_require__, 63251, 23))).default : undefined;
    return {
        retry: { retries, retryAfterBaseValue: msPerSecond, doNotRetry: [...DO_NOT_RETRY] },
        throttle: {
            retryAfterBaseValue: msPerSecond,
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            onRateLimit: onLimit('rate limit spent'),
            ...(unpaced && { write: new unpaced.Group(), notifications: new unpaced.Group() }),
        },
    };
}
/** `GET /repos/acme/app/issues/7/comments`: method and path, without the host and the query. */
function route(o) {
    const params = o;
    const path = String(o.url ?? '')
        .replace(/^[a-z]+:\/\/[^/]+/i, '')
        .replace(/[?#].*$/, '')
        .replace(/\{(\w+)\}/g, (m, k) => typeof params[k] === 'string' || typeof params[k] === 'number' ? String(params[k]) : m);
    return `${String(o.method ?? 'GET')} ${path}`;
}
/** The throttle's answer to a rate limit: wait and retry while retries are left and the wait is short. */
function rateLimitRetry(what, retryAfterS, o, retryCount, retries, log) {
    if (retryCount >= retries) {
        log(`GitHub API ${route(o)}: ${what}; no retries left (${retries})`);
        return false;
    }
    if (retryAfterS > MAX_RATE_LIMIT_WAIT_S) {
        log(`GitHub API ${route(o)}: ${what}; it resets in ${retryAfterS}s, not waiting that long`);
        return false;
    }
    log(`GitHub API ${route(o)}: ${what}; retry ${retryCount + 1} of ${retries} in ${retryAfterS}s`);
    return true;
}
/**
 * plugin-throttling retries a secondary rate limit only when the error's message matches
 * /\bsecondary rate\b/. GitHub's older "abuse detection" answer (a 403 that toGitHubApiError counts
 * as a secondary limit, as it does one with retry-after) would be a plain 403, never retried: its
 * message gets those words, so that plugin-throttling waits (retry-after, else its fallback) and
 * retries it. What the user reads comes from the answer's body (toGitHubApiError), not from this.
 */
function nameSecondaryLimit(err) {
    if (typeof err !== 'object' || err === null)
        return;
    const e = err;
    if (typeof e.message !== 'string' || /\bsecondary rate\b/i.test(e.message))
        return;
    const mapped = toGitHubApiError(err, 'request');
    if (mapped instanceof GitHubApiError && mapped.secondaryRateLimit)
        e.message = `${e.message} (a secondary rate limit)`;
}
/** How many times the request an error ended was sent (set by attemptsPlugin). */
const triesOf = new WeakMap();
function attemptsOf(err) {
    return typeof err === 'object' && err !== null ? triesOf.get(err) : undefined;
}
/**
 * An Octokit plugin to load before plugin-retry (hooks of earlier plugins run inside later ones),
 * so that it sees every single try: each gets its own REQUEST_TIMEOUT_MS; each is counted (the
 * error that ends a request says how many were sent); a try that plugin-retry will retry is logged.
 */
function attemptsPlugin(policy, log) {
    const retries = policy.retries ?? DEFAULT_RETRIES;
    return (octokit) => {
        // Keyed by the request's options object, which the plugins pass unchanged to every try.
        const state = new WeakMap();
        octokit.hook.wrap('request', async (request, options) => {
            const s = state.get(options) ?? { tries: 0, serverFailures: 0 };
            state.set(options, s);
            s.tries++;
            options.request = { ...options.request, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
            try {
                return await request(options);
            }
            catch (err) {
                if (typeof err === 'object' && err !== null)
                    triesOf.set(err, s.tries);
                const e = err;
                const status = typeof e.status === 'number' ? e.status : 0;
                // A rate limit goes up to plugin-throttling, whose retry starts plugin-retry's count anew.
                if (status === 403 || status === 429) {
                    s.serverFailures = 0;
                    nameSecondaryLimit(err);
                }
                else if (e.request !== undefined && status >= 400 && !DO_NOT_RETRY.includes(status)) {
                    s.serverFailures++;
                    if (s.serverFailures <= retries) {
                        const why = isConnectionError(err) ? 'no answer' : `HTTP ${status}`;
                        log(`GitHub API ${route(options)}: ${why}; retry ${s.serverFailures} of ${retries}`);
                    }
                }
                throw err;
            }
        });
    };
}

;// CONCATENATED MODULE: ./src/github/client.ts
// Thin adapter over Octokit: only the issue-comment routes the report stage uses, behind an
// interface so the sticky-comment logic can be tested against a fake server or a plain object.
// Retries happen inside Octokit (plugin-retry, plugin-throttling: retry.ts); nothing above retries.








/**
 * Octokit from @actions/github (proxy-aware fetch, GHES base URL) with plugin-retry and
 * plugin-throttling (see retry.ts). Loaded on demand so that the CLI commands that never talk to
 * GitHub do not pay for it.
 */
async function createGitHubClient(opts) {
    if (!opts.token || opts.token.trim() === '') {
        throw new errors/* InputError */.dz('github-token is empty: cannot post the pull-request comment', 'pass `github-token: ${{ github.token }}` (the default) or a token with pull-requests: write');
    }
    let gh;
    let retry;
    let throttling;
    try {
        [gh, { retry }, { throttling }] = await Promise.all([
            __webpack_require__.e(/* import() */ 758).then(__webpack_require__.bind(__webpack_require__, 11758)),
            Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 49735)),
            Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 86856)),
        ]);
    }
    catch (err) {
        throw new errors/* EnvironmentError */.eG(`cannot load @actions/github and its Octokit plugins: ${err instanceof Error ? err.message : String(err)}`, 'reinstall the action (its dist/ bundle is incomplete)', { cause: err });
    }
    const policy = opts.retry ?? {};
    const log = opts.log ?? (() => undefined);
    const options = {
        userAgent: opts.userAgent ?? `ml-image-action/${version/* VERSION */.x}`,
        ...(await retryOptions(policy, log)),
    };
    // An explicit `baseUrl: undefined` would replace @actions/github's GITHUB_API_URL default.
    if (opts.baseUrl)
        options.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    // Hooks of earlier plugins run inside later ones: the attempts plugin sees every single try
    // under plugin-retry, which runs under plugin-throttling (retry before throttling, as usual).
    const octokit = gh.getOctokit(opts.token, options, attemptsPlugin(policy, log), retry, throttling);
    const baseUrl = String(octokit.request.endpoint.DEFAULTS.baseUrl ?? opts.baseUrl ?? 'https://api.github.com');
    return octokitClient(octokit, { baseUrl });
}
function connectionReason(err) {
    const seen = new Set();
    let cur = err;
    while (typeof cur === 'object' && cur !== null && !seen.has(cur)) {
        seen.add(cur);
        const c = cur;
        if (typeof c.code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(c.code))
            return c.code;
        if (c.name === 'TimeoutError' || c.name === 'AbortError')
            return `no answer within ${REQUEST_TIMEOUT_MS / 1000}s`;
        cur = c.cause ?? (Array.isArray(c.errors) ? c.errors[0] : undefined);
    }
    return err instanceof Error ? err.message : String(err);
}
/**
 * Run one API call; Octokit's plugins have done the retrying by the time it throws. HTTP errors
 * become GitHubApiError; an API that could not be reached at all is an EnvironmentError (exit 3)
 * saying so, how many times the request was sent and for how long.
 */
async function callGitHub(operation, fn, opts) {
    const t0 = Date.now();
    try {
        return await fn();
    }
    catch (err) {
        if (!isConnectionError(err))
            throw toGitHubApiError(err, operation);
        const tries = attemptsOf(err) ?? 1;
        const secs = ((Date.now() - t0) / 1000).toFixed(1);
        throw new errors/* EnvironmentError */.eG(`cannot reach the GitHub API at ${opts.baseUrl} (${operation}: ${connectionReason(err)}; tried ${tries} time${tries === 1 ? '' : 's'} over ${secs}s)`, 'check the network and any proxy (HTTPS_PROXY), and GITHUB_API_URL (on GitHub Enterprise Server: https://HOST/api/v3); then re-run the job', { cause: err });
    }
}
// Response bodies are parsed with schemas of the fields used, never trusted from Octokit's types:
// a proxy or an API of another shape fails here, naming the field, not later.
const RawCommentSchema = schemas/* object */.Ikc({
    id: schemas/* number */.aig().int(),
    body: schemas/* string */.YjP().nullish(),
    user: schemas/* object */.Ikc({ login: schemas/* string */.YjP(), type: schemas/* string */.YjP().optional() }).nullable(),
    created_at: schemas/* string */.YjP(),
});
const RawPullRequestSchema = schemas/* object */.Ikc({
    number: schemas/* number */.aig().int(),
    state: schemas/* string */.YjP(),
    head: schemas/* object */.Ikc({ sha: schemas/* string */.YjP(), repo: schemas/* object */.Ikc({ full_name: schemas/* string */.YjP() }).nullable() }),
});
const AuthenticatedUserSchema = schemas/* object */.Ikc({ login: schemas/* string */.YjP() });
/** A response body through its schema; another shape is an environment problem (exit 3). */
function parseResponse(schema, data, operation) {
    const r = schema.safeParse(data);
    if (r.success)
        return r.data;
    throw new errors/* EnvironmentError */.eG(`GitHub API ${operation}: unexpected response: ${(0,issues/* formatIssues */.og)(r.error, data, schema).slice(0, 5).join('; ')}`, 'check GITHUB_API_URL (on GitHub Enterprise Server: https://HOST/api/v3) and any proxy in between');
}
function toComment(c) {
    return {
        id: c.id,
        body: c.body ?? '',
        user: c.user ? { login: c.user.login, ...(c.user.type ? { type: c.user.type } : {}) } : null,
        created_at: c.created_at,
    };
}
function octokitClient(octokit, callOpts) {
    const call = (operation, fn) => callGitHub(operation, fn, callOpts);
    return {
        listIssueComments: ({ owner, repo, issueNumber }) => call('list issue comments', async () => {
            const all = await octokit.paginate(octokit.rest.issues.listComments, {
                owner,
                repo,
                issue_number: issueNumber,
                per_page: 100,
            });
            return parseResponse(schemas/* array */.YOg(RawCommentSchema), all, 'list issue comments').map(toComment);
        }),
        createIssueComment: ({ owner, repo, issueNumber, body }) => call('create issue comment', async () => {
            const res = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
            return toComment(parseResponse(RawCommentSchema, res.data, 'create issue comment'));
        }),
        updateIssueComment: ({ owner, repo, commentId, body }) => call('update issue comment', async () => {
            const res = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
            return toComment(parseResponse(RawCommentSchema, res.data, 'update issue comment'));
        }),
        deleteIssueComment: ({ owner, repo, commentId }) => call('delete issue comment', async () => {
            await octokit.rest.issues.deleteComment({ owner, repo, comment_id: commentId });
        }),
        getPullRequest: ({ owner, repo, pullNumber }) => call('get pull request', async () => {
            const res = await octokit.rest.pulls.get({ owner, repo, pull_number: pullNumber });
            const data = parseResponse(RawPullRequestSchema, res.data, 'get pull request');
            return {
                number: data.number,
                state: data.state,
                headSha: data.head.sha,
                headRepo: data.head.repo?.full_name ?? null,
            };
        }),
        authenticatedLogin: async () => {
            try {
                return await call('get authenticated user', async () => {
                    const res = await octokit.rest.users.getAuthenticated();
                    return parseResponse(AuthenticatedUserSchema, res.data, 'get authenticated user').login;
                });
            }
            catch (mapped) {
                // GITHUB_TOKEN (an installation token) may not read /user: that is expected, not an error.
                if (mapped instanceof GitHubApiError &&
                    (mapped.status === 403 || mapped.status === 401) &&
                    !mapped.secondaryRateLimit &&
                    !mapped.rateLimited)
                    return undefined;
                throw mapped;
            }
        },
    };
}


/***/ })

};
