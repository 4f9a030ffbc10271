export const id = 747;
export const ids = [747];
export const modules = {

/***/ 24127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SUMMARY_FIELDS: () => (/* binding */ SUMMARY_FIELDS),
  devcontainerCommand: () => (/* binding */ devcontainerCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/build/result.ts
var result = __webpack_require__(99183);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/oci/ref.ts
var ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/requirements/parse.ts
var parse = __webpack_require__(39459);
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
function devcontainer_writtenByMlImage(text) {
    return /"name"\s*:\s*"ml-image \(/.test(text);
}
/** Where `ml-image devcontainer` writes by default (relative to the working directory). */
const DEVCONTAINER_FILE = '.devcontainer/devcontainer.json';
/**
 * Named volumes for the cache directories the image sets, one set per image repository
 * (cacheVolumeName): another repository's image, a pull request's from a fork's registry, must not
 * read the token `huggingface-cli login` left in HF_HOME, nor plant a torch.hub hubconf.py or
 * trust_remote_code module that a trusted image's container would run.
 */
const CACHE_VOLUMES = [
    { env: 'HF_HOME', volume: 'ml-image-hf-cache', label: 'Hugging Face' },
    { env: 'TORCH_HOME', volume: 'ml-image-torch-cache', label: 'torch' },
    { env: 'PIP_CACHE_DIR', volume: 'ml-image-pip-cache', label: 'pip' },
];
/**
 * VOLUME's name for IMAGE's repository: `ml-image-hf-cache-model-1a2b3c4d5e6f` (the repository's
 * last part, and the first 12 hex digits of the SHA-256 of its canonical name, oci/ref.ts), the same
 * for every tag, digest and variant of one repository.
 */
function cacheVolumeName(volume, image) {
    const repository = (0,ref/* repositoryOf */._M)(image);
    const last = repository
        .slice(repository.lastIndexOf('/') + 1)
        .toLowerCase()
        .replace(/[^a-z0-9_.-]/g, '-')
        .slice(0, 32);
    const key = (0,external_node_crypto_.createHash)('sha256').update(repository).digest('hex').slice(0, 12);
    return `${volume}-${last || 'image'}-${key}`;
}
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
    const v = (0,result/* pickVariant */.rx)(build, file, variant, (n, names) => `${file}: variants: ${n} variants (${names})`);
    const pinned = (0,result/* pinnedImage */.QJ)(v);
    if (pinned !== undefined)
        return { image: pinned.image, variant: v.variant, pinned: true, platforms: pinned.platforms };
    // A local tag only of a platform not pushed: a pushed one's tag may be a registry tag other runs move.
    const local = v.platforms.filter((p) => p.localRef !== undefined && !(0,result/* isPushed */.Yx)(p));
    const chosen = local.find((p) => p.platform === hostPlatform) ?? local[0];
    if (chosen === undefined)
        throw new errors/* InputError */.dz(`${file}: variant ${v.variant}: no digest and no local tag (variants[].digest, variants[].platforms[].localRef)`, 'build with push enabled (or merge the per-platform digests) so the image can be pulled by digest');
    return { image: chosen.localRef, variant: v.variant, pinned: false, platforms: [chosen.platform] };
}
/**
 * Undefined when RECORD may be of V's image on PLATFORM; else the digest it is of instead. A result
 * directory outlives a run (`ml-image build --out DIR` after an earlier `run` into it): a record
 * captured by a digest that is none of this build's (the platform's image or index, the merged
 * list) is an earlier image's, whose user, cache directories and servers may not be this one's.
 */
function recordOfOtherImage(record, v, platform) {
    // The digest it was captured by (REPOSITORY@sha256:..., as the smoke stage captures a pushed
    // image); none for one captured by a tag (a loaded image), which says nothing of its digest.
    const digest = (0,ref/* refDigest */.I2)(record.image.ref);
    if (digest === undefined)
        return undefined;
    const p = v.platforms.find((x) => x.platform === platform);
    const ours = [v.digest, p?.digest, p?.indexDigest];
    return ours.includes(digest) ? undefined : digest;
}
/**
 * A user as docker's USER takes it: a name or a number, optionally `:group`. Anything else (a
 * `${localEnv:...}` the image's USER carries) is left out of devcontainer.json: the devcontainer
 * CLI expands such variables in every string of it, with the host's environment.
 */
const USER_SPEC = /^[A-Za-z0-9_][A-Za-z0-9._-]*(?::[A-Za-z0-9_][A-Za-z0-9._-]*)?$/;
/**
 * The image's user when it is not root (USER app in the templates); undefined for root, unknown,
 * or no plain user spec (USER_SPEC: the container then runs as the image's USER anyway). A named
 * user is given by its name alone (`app:staff` -> `app`): the Dev Containers CLI looks remoteUser
 * up by name in /etc/passwd to give it the host user's UID (updateRemoteUserUID), and finds no
 * `app:staff` there, so the workspace would stay another UID's. A numeric one keeps its group (the
 * CLI remaps no numeric user; `1000:0` is how an image asks for group 0's writable directories).
 */
function nonRootUser(record) {
    const user = record?.image.user.trim();
    if (!user || !USER_SPEC.test(user))
        return undefined;
    const name = user.split(':')[0];
    if (name === 'root' || name === '0')
        return undefined;
    return /^\d+$/.test(name) ? user : name;
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
        !(c.env === 'PIP_CACHE_DIR' && env.PIP_NO_CACHE_DIR !== undefined)).map((c) => `source=${cacheVolumeName(c.volume, input.image)},target=${env[c.env]},type=volume`);
    const ports = servicePorts(record);
    return {
        // No "${" (the devcontainer CLI expands ${localEnv:...} in every string, name included).
        name: `ml-image (${input.variant.replace(/\$\{/g, '$ {')})`,
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

// EXTERNAL MODULE: ./src/plan/schema.ts
var schema = __webpack_require__(47684);
// EXTERNAL MODULE: ./src/results/results.ts + 6 modules
var results_results = __webpack_require__(98510);
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
/**
 * DIR/env-<variant>-<arch>.json of V: the host's platform first, else the first one there; a
 * record of another image (recordOfOtherImage: an earlier run's, in a reused directory) is left
 * out, and said in `other`.
 */
function findRecord(results, dir, v, { variant, platforms }, host) {
    const order = [...platforms].sort((a, b) => Number(b === host) - Number(a === host));
    const other = [];
    for (const platform of order) {
        const record = results.readEnv(variant, platform);
        if (!record)
            continue;
        const file = external_node_path_default().join(dir, (0,results_results/* recordFile */.mR)('env', variant, platform));
        const digest = v && recordOfOtherImage(record, v, platform);
        if (digest === undefined)
            return { found: { record, file }, other };
        other.push({ file, digest });
    }
    return { other };
}
/** What a record left out is, said alike by `ml-image devcontainer` and the action. */
const otherImageNote = (o) => `${o.file} is of another image (${o.digest.slice(0, 19)}), not this build's (an earlier run's in a reused directory): left out`;
/**
 * The devcontainer of one variant of result directory `dir` (`label` names it in errors); `host`:
 * the platform of the engine that opens it (its local tag, its record first), default Node's.
 */
function devcontainerFromResults(dir, variant, label = dir, host = hostPlatform()) {
    const buildFile = external_node_path_default().join(dir, results_results/* BUILD_FILE */.oS);
    if (!(0,external_node_fs_.existsSync)(buildFile))
        throw (0,results_results/* noBuildFile */.gH)(dir, label, 'write it with "ml-image build --out DIR" or "ml-image run --out DIR"');
    // The build's result directory, only read: build.json, plan.json and the records through their schemas.
    const results = (0,results_results/* openResultDir */.lR)(dir, label, { create: false });
    const build = results.readBuild({
        what: 'build result (--from)',
        fix: 'pass the --out directory of "ml-image build" or "ml-image run"',
    });
    const chosen = chooseImage(build, buildFile, variant, host);
    const plan = results.readPlan({ what: 'plan (--from)' });
    const planned = plan && (0,schema/* variantFromPlan */.Hh)(plan, chosen.variant);
    const v = build.variants.find((x) => x.variant === chosen.variant);
    const { found, other } = findRecord(results, dir, v, chosen, host);
    const json = devcontainerJson({
        ...chosen,
        cuda: planned?.cuda ?? recordIsCuda(found?.record),
        ...(found && { record: found.record }),
    });
    return {
        json,
        text: devcontainerText(json),
        chosen,
        ...(found && { recordFile: found.file }),
        otherImageRecords: other,
    };
}
/** Where the action writes each variant's definition: RESULT_DIR/devcontainer/<variant>/devcontainer.json. */
const resultDevcontainerFile = (dir, variant) => path.join(dir, devcontainerFile(variant));
/** Result directory DIR for the action's definitions: only checked, as devcontainerFromResults. */
const resultDir = (dir) => openResultDir(dir, `result-dir ${dir}`, { create: false });
/**
 * Every RESULT_DIR/devcontainer/<name>/devcontainer.json that ml-image wrote, removed through the
 * results contract (a reused directory: an earlier run's definition of a variant this build did not
 * push, or no longer builds, would open that earlier image); one it did not write (its name is not
 * "ml-image (...)") is kept. Returns the files removed.
 */
const removeResultDevcontainers = (dir) => resultDir(dir).removeDevcontainers(writtenByMlImage);
/**
 * The action's `devcontainer` output: one definition per variant of `variants` whose image is
 * pinned by digest (a pushed build), written under the result directory, after an earlier run's
 * are removed (removeResultDevcontainers); returns their paths.
 */
function writeResultDevcontainers(dir, variants, note = () => undefined) {
    const results = resultDir(dir);
    results.removeDevcontainers(writtenByMlImage);
    const files = [];
    for (const variant of variants) {
        let dc;
        try {
            dc = devcontainerFromResults(dir, variant, 'result-dir');
        }
        catch (e) {
            // A variant without a digest a registry serves (not merged, several platforms) gets none; so
            // does one whose results cannot be read (a broken plan.json): the note says which and why.
            if (!(e instanceof InputError))
                throw e;
            note(`devcontainer ${variant}: none (${e.message})`);
            continue;
        }
        if (!dc.chosen.pinned)
            continue;
        for (const o of dc.otherImageRecords)
            note(`devcontainer ${variant}: ${otherImageNote(o)}`);
        // Never through a link planted at devcontainer/ or devcontainer/<variant>/ (a checkout's).
        files.push(results.writeDevcontainer(variant, dc.json));
    }
    return files;
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(96657);
// EXTERNAL MODULE: ./src/cli/commands/engine-platform.ts
var engine_platform = __webpack_require__(23635);
;// CONCATENATED MODULE: ./src/cli/commands/devcontainer.ts









const OPTIONS = {
    from: { type: 'string', required: true },
    variant: { type: 'string' },
    force: { type: 'boolean', default: false },
};
/** The fields of --json, in order: the help names these, so it cannot drift from the output. */
const SUMMARY_FIELDS = [
    'file',
    'image',
    'variant',
    'pinned',
    'cuda',
    'record',
    'remoteUser',
    'mounts',
    'forwardPorts',
    'notes',
];
const orList = (names) => names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
/** "8888 (Jupyter) when jupyter, ... or nbclassic is installed, 5000 (MLflow) when mlflow is". */
const portsHelp = SERVICE_PORTS.map(({ port, label, distributions }, i) => `${port} (${label}) when ${orList(distributions)} ${i === 0 ? 'is installed' : 'is'}`).join(',\n                   ');
function notesFor(json, { pinned, platforms }, record, dir, { host, engine, other }) {
    const notes = [];
    if (!engine)
        notes.push(`the Docker engine's platform is not known here (a local engine did not answer, or the engine is remote): this machine's platform is taken as ${host}, Node's (process.arch ${process.arch}), which is not the engine's under Rosetta or other emulation`);
    // An image (by digest, or the local tag of a platform only loaded) of another architecture only.
    if (platforms.length > 0 && !platforms.includes(host))
        notes.push(`the image is built for ${platforms.join(', ')} only: on this ${host} machine it runs under emulation (QEMU), if at all`);
    if (!pinned)
        notes.push(`the build pushed no digest to pin (a merged one, or that of a variant's only platform): ${json.image} is a local tag of this engine, not pinned by digest (build with push, merging several platforms, to share the devcontainer)`);
    for (const o of other)
        notes.push(`${otherImageNote(o)} (run the smoke stage again to record this image: "ml-image run --out DIR")`);
    if (record === undefined && other.length > 0)
        notes.push("the image's user, cache directories and Jupyter/MLflow are unknown: no record of this image");
    else if (record === undefined)
        notes.push(`no env-*.json in ${dir}: the image's user, cache directories and Jupyter/MLflow are unknown (write them with "ml-image run --out DIR"; "ml-image capture --out DIR" writes env.json, which is read only saved as env-<variant>-<arch>.json)`);
    else if (json.remoteUser === undefined)
        notes.push('the image runs as root (no USER in its Dockerfile)');
    return notes;
}
const devcontainerCommand = {
    name: 'devcontainer',
    options: OPTIONS,
    summary: 'Write .devcontainer/devcontainer.json that opens the built image by digest.',
    usage: 'ml-image devcontainer --from DIR [--variant NAME] [--out FILE] [--force] [--json]',
    outIsFile: true,
    help: `Reads DIR/build.json (what "ml-image build --out DIR" or "ml-image run --out DIR" wrote), DIR/plan.json
and DIR/env-<variant>-<arch>.json (the captured record, when there) and writes a Dev Container
definition for VS Code, Codespaces or the devcontainer CLI:
  image            REPOSITORY@sha256:... (the merged manifest list, else the pushed platform of a
                   variant of one platform); else (push: false, or several platforms not merged of
                   which some were only loaded) the local tag of a loaded platform, the Docker
                   engine's where there is one (Node's when the engine does not answer), with a note
  remoteUser       the image's non-root USER (from the record); updateRemoteUserUID true: on Linux that
                   user gets the host user's UID, so it can write the workspace
  mounts           named volumes ml-image-hf-cache-*, ml-image-torch-cache-*, ml-image-pip-cache-*
                   (one set per image repository: another repository's image never shares them) at
                   the image's HF_HOME, TORCH_HOME, PIP_CACHE_DIR (pip's only where the image does
                   not set PIP_NO_CACHE_DIR, which the templates do)
  runArgs          --shm-size=16g (DataLoader workers, NCCL)
  hostRequirements gpu: true for a CUDA variant only (the CLI then passes --gpus all where there are GPUs)
  forwardPorts     ${portsHelp}

Options:
  --from DIR       the result directory of the build
  --variant NAME   the variant of build.json (needed when it has several)
  --out FILE       where to write (default ${DEVCONTAINER_FILE}); a file there that ml-image did
                   not write (its name is not "ml-image (VARIANT)") is kept: exit 2; the file
                   itself (a path ending in "/" names a directory: exit 2)
  --force          replace such a file
  --json           print {${SUMMARY_FIELDS.map((f) => `"${f}"`).join(', ')}}

Exit codes: 0 written; 2 bad input (no DIR/build.json, an unknown --variant, several variants without
--variant, a variant with neither a digest nor a local tag, a file at --out that ml-image did not write).`,
    async run(argv, io) {
        const { values } = (0,args/* parseCommandArgs */.Qx)('devcontainer', argv, OPTIONS);
        if (values.from === undefined)
            throw new errors/* InputError */.dz('devcontainer: --from DIR is required (the --out directory of "ml-image build")');
        const dir = external_node_path_default().resolve(io.cwd, values.from);
        // The engine's platform (an x64 Node under Rosetta is on an arm64 engine); Node's without one.
        // Not asked without DIR's build record: that is bad input, said at once (devcontainerFromResults).
        const engine = (0,external_node_fs_.existsSync)(external_node_path_default().join(dir, results_results/* BUILD_FILE */.oS)) ? await (0,engine_platform/* askEnginePlatform */.X)(io) : undefined;
        const host = engine ?? hostPlatform();
        const { json, text, chosen, recordFile, otherImageRecords } = devcontainerFromResults(dir, values.variant, `devcontainer: --from ${values.from}`, host);
        const out = values.out ?? DEVCONTAINER_FILE;
        (0,output/* refuseForeignFile */.D3)(external_node_path_default().resolve(io.cwd, out), {
            prefix: 'devcontainer: ',
            flag: `--out ${out}`,
            ours: devcontainer_writtenByMlImage,
            tell: 'its name is not "ml-image (VARIANT)"',
            force: values.force === true,
            fix: 'pass --out FILE naming another file (default .devcontainer/devcontainer.json)',
        });
        const file = (0,output/* writeOutFileNamed */.LM)(io.cwd, out, text);
        const summary = {
            file,
            image: json.image,
            variant: chosen.variant,
            pinned: chosen.pinned,
            cuda: json.hostRequirements?.gpu === true,
            record: recordFile ?? null,
            remoteUser: json.remoteUser ?? null,
            mounts: json.mounts,
            forwardPorts: json.forwardPorts ?? [],
            notes: notesFor(json, chosen, recordFile, dir, {
                host,
                engine: engine !== undefined,
                other: otherImageRecords,
            }),
        };
        if (values.json) {
            io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
        }
        else {
            const lines = [
                `wrote ${file}`,
                `image: ${summary.image}`,
                `user:  ${summary.remoteUser ?? '(the image default)'}`,
                `gpu:   ${summary.cuda ? 'requested (hostRequirements.gpu)' : 'no'}`,
                `ports: ${summary.forwardPorts.join(', ') || 'none'}`,
                ...summary.notes.map((n) => `note:  ${n}`),
            ];
            if (external_node_path_default().basename(external_node_path_default().dirname(file)) === '.devcontainer')
                lines.push(`open:  devcontainer up --workspace-folder ${external_node_path_default().dirname(external_node_path_default().dirname(file))}`);
            io.stdout(`${lines.join('\n')}\n`);
        }
        return 0;
    },
};


/***/ }),

/***/ 23635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ askEnginePlatform),
/* harmony export */   b: () => (/* binding */ loadOnePlatformFix)
/* harmony export */ });
/* harmony import */ var _docker_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25835);
/* harmony import */ var _docker_engine_info_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(25573);
/* harmony import */ var _docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74234);
// "This machine's platform" for the commands that name or choose one without a --platform and do
// not otherwise need the engine: the Docker engine's (GET /version: Os, Arch), which is what runs
// the containers. Node's process.arch is not it: an x64 Node under Rosetta on an Apple silicon Mac
// says x64 while the engine is arm64. Asked only of a local engine (the socket of DOCKER_HOST or
// the current Docker context: context.ts), with a request that is destroyed at its timeout, so an
// engine that accepts and never answers cannot hold the command open; a remote engine is not asked.



/** How long a command that only words a hint (or picks a tag) waits for the engine's answer. */
const ASK_MS = 3000;
/**
 * The local engine's platform (linux/amd64, linux/arm64), or undefined when there is none to ask
 * (a remote engine, a Docker context that does not exist) or it does not answer within `ms`: for
 * wording and choices only, never where a command needs the engine anyway (that one pings and
 * fails with the daemon's fix, exit 3).
 */
async function askEnginePlatform(io, ms = ASK_MS) {
    const socket = (0,_docker_engine_info_js__WEBPACK_IMPORTED_MODULE_1__/* .localEngineSocket */ .Tc)((0,_docker_context_js__WEBPACK_IMPORTED_MODULE_0__/* .engineEnv */ .aV)(io.env, (0,_docker_context_js__WEBPACK_IMPORTED_MODULE_0__/* .contextIfAny */ .H)(io.env)));
    if (socket === undefined)
        return undefined;
    const answer = await (0,_docker_engine_info_js__WEBPACK_IMPORTED_MODULE_1__/* .getOverSocket */ .Sq)(socket, '/version', ms);
    const body = answer?.status === 200 ? answer.body : undefined;
    return typeof body?.Os === 'string' && typeof body.Arch === 'string'
        ? (0,_docker_engine_platform_js__WEBPACK_IMPORTED_MODULE_2__/* .enginePlatform */ .q)({ os: body.Os, arch: body.Arch })
        : undefined;
}
/** The fix of --load with several platforms: the engine's own platform when it answers. */
async function loadOnePlatformFix(io) {
    const platform = await askEnginePlatform(io);
    return platform !== undefined
        ? `add --platforms ${platform} (this engine's platform; another one runs under QEMU), or push to a registry`
        : "add --platforms with one platform, this machine's (linux/arm64 on Apple silicon, linux/amd64 on most PCs and runners), or push to a registry";
}


/***/ }),

/***/ 74234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ enginePlatform)
/* harmony export */ });
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
