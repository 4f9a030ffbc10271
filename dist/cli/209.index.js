export const id = 209;
export const ids = [209];
export const modules = {

/***/ 47209:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exportCommand: () => (/* binding */ exportCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/util/images-dir.ts
var images_dir = __webpack_require__(29882);
// EXTERNAL MODULE: ./src/config/load.ts + 6 modules
var load = __webpack_require__(14385);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/export/common.ts + 2 modules
var common = __webpack_require__(23016);
// EXTERNAL MODULE: ./src/oci/ref.ts
var ref = __webpack_require__(17700);
// EXTERNAL MODULE: ./src/util/file-digest.ts
var file_digest = __webpack_require__(42545);
;// CONCATENATED MODULE: ./src/export/job-name.ts
// The job's name: the default an export gives (jobNameFor) and the check of any (checkJobName).



/** The job name without --name or a variant, and the prefix of every default one. */
const DEFAULT_JOB_NAME = 'ml-image-smoke';
/** A DNS-1123 label short enough for Indexed Job pod hostnames (NAME-INDEX) and "-scripts". */
function checkJobName(name, field = '--name') {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 52)
        throw new errors/* InputError */.dz(`${field}: "${name}" must be lowercase letters, digits and "-", start and end with a letter or digit, at most 52 characters`);
    return name;
}
/**
 * The default job name: the variant's DNS-label slug and 6 hex of a hash of the image's repository
 * and the variant ("cuda12.8" of ghcr.io/acme/train -> "ml-image-smoke-cuda12-8-<6 hex>"). The
 * Kubernetes submit line deletes an earlier Job of the same name, running or not: a re-export of the
 * same repository and variant replaces its own earlier run, while another repository's, or a variant
 * the slug folds onto the same letters (cuda12.8, cuda12-8, cuda12_8) or cuts to the same 30, keeps
 * its own.
 */
function jobNameFor(image, variant) {
    // The registry's host is case-blind (Ghcr.io is ghcr.io): one repository, one name.
    const hash = (0,file_digest/* sha256 */.s)(`${(0,ref/* repositoryOf */._M)(image).toLowerCase()}\n${variant ?? ''}`).slice(0, 6);
    const slug = (variant ?? '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 30)
        .replace(/-+$/, '');
    return [DEFAULT_JOB_NAME, slug, hash].filter(Boolean).join('-');
}

;// CONCATENATED MODULE: ./src/export/k8s-options.ts
// The Kubernetes settings of the pod `ml-image export --k8s` writes (node selector, tolerations, pull
// secrets, runtime class ...), each checked against the grammar of its API field, naming the flag (exit 2). Pure.

/** The node label of a node's architecture (amd64, arm64), as the kubelet sets it. */
const ARCH_LABEL = 'kubernetes.io/arch';
// apimachinery's Quantity grammar (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/)
const QUANTITY = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// A label key: [prefix/]name; the prefix a DNS subdomain, the name 63 of [A-Za-z0-9._-] (alphanumeric ends).
const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function checkLabelKey(key, field) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    if ((prefix !== undefined && (!DNS_SUBDOMAIN.test(prefix) || prefix.length > 253)) ||
        !LABEL_NAME.test(name))
        throw new errors/* InputError */.dz(`${field}: "${key}" is not a valid label key ([prefix/]name, letters, digits, ._-)`);
}
/** The Kubernetes-only options, each against the grammar of its field (exit 2 naming the flag). */
function checkK8sOptions(o) {
    if (o.gpusPerNode === 'all')
        throw new errors/* InputError */.dz('--gpus-per-node: a Kubernetes pod asks for a number of GPUs (the nvidia.com/gpu limit): pass the GPUs of a node, e.g. 8');
    if (o.namespace !== undefined && (!DNS_LABEL.test(o.namespace) || o.namespace.length > 63))
        throw new errors/* InputError */.dz(`--namespace: "${o.namespace}" is not a valid namespace (lowercase letters, digits and "-", at most 63)`);
    // Its own words: a value --node-selector never gave is not the flag's (build.json's platform).
    if (o.arch !== undefined && !LABEL_NAME.test(o.arch))
        throw new errors/* InputError */.dz(`the image's architecture "${o.arch}" (its platform) is not a valid label value for ${ARCH_LABEL}`);
    for (const [k, v] of Object.entries(o.nodeSelector ?? {})) {
        checkLabelKey(k, '--node-selector');
        if (v !== '' && !LABEL_NAME.test(v))
            throw new errors/* InputError */.dz(`--node-selector: "${v}" is not a valid label value for ${k}`);
    }
    for (const t of o.tolerations ?? []) {
        if (t.key !== undefined)
            checkLabelKey(t.key, '--toleration');
        if (t.value !== undefined && t.value !== '' && !LABEL_NAME.test(t.value))
            throw new errors/* InputError */.dz(`--toleration: "${t.value}" is not a valid toleration value`);
        if (t.operator === 'Exists' && t.value)
            throw new errors/* InputError */.dz('--toleration: a value needs operator Equal');
    }
    for (const [flag, v] of [
        ...(o.imagePullSecrets ?? []).map((n) => ['--image-pull-secret', n]),
        ...(o.runtimeClassName !== undefined ? [['--runtime-class', o.runtimeClassName]] : []),
    ])
        if (!DNS_SUBDOMAIN.test(v) || v.length > 253)
            throw new errors/* InputError */.dz(`${flag}: "${v}" is not a valid object name (lowercase letters, digits, "-" and ".")`);
    // Each Secret once, as a --node-selector key: the pod listed a repeated one twice.
    const pulls = o.imagePullSecrets ?? [];
    const twice = pulls.find((n, i) => pulls.indexOf(n) !== i);
    if (twice !== undefined)
        throw new errors/* InputError */.dz(`--image-pull-secret: ${twice} is given twice`, 'give each Secret once');
    if (o.shmSize !== undefined && !QUANTITY.test(o.shmSize))
        throw new errors/* InputError */.dz(`shm size: "${o.shmSize}" is not a Kubernetes quantity (e.g. 1Gi, 512Mi)`);
    if (o.ttlSecondsAfterFinished !== undefined &&
        (!Number.isInteger(o.ttlSecondsAfterFinished) || o.ttlSecondsAfterFinished < 0))
        throw new errors/* InputError */.dz(`ttlSecondsAfterFinished: expected seconds >= 0, got ${o.ttlSecondsAfterFinished}`);
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/export/memory.ts
var export_memory = __webpack_require__(39807);
// EXTERNAL MODULE: ./src/smoke/job-schema.ts
var job_schema = __webpack_require__(44680);
// EXTERNAL MODULE: ./src/export/job-meta-shell.ts
var job_meta_shell = __webpack_require__(13076);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/export/k8s-yaml.ts
// job.yaml as text: the manifests of src/export/k8s.ts as one multi-document YAML file that every
// reader takes the same way, and the command that applies it. Pure: the caller writes the file.



const K8S_JOB_FILE = 'job.yaml';
/**
 * How FILE (job.yaml) is applied, the first time and every time after: what an earlier export
 * applied goes first. A Job's pod template cannot change in place ("field is immutable"), and a
 * finished Job stays a day (ttlSecondsAfterFinished) under the same name, so `kubectl apply` alone
 * would fail on it, or, for the same image, leave the finished Job as it is and run nothing. The
 * foreground delete returns once the earlier Job's pods are gone too: `kubectl logs -l` then shows
 * this run's pods only.
 */
const k8sSubmit = (file) => `kubectl delete -f ${file} --ignore-not-found --cascade=foreground && kubectl apply -f ${file}`;
/**
 * A one-line string left plain in job.yaml: letters, digits and ._/@:+-, a letter or "/" first (no
 * number, timestamp or .inf to YAML 1.1, 1.2 or Go), and no word of YAML 1.1's booleans and null or
 * Go's strconv.ParseBool and ParseFloat (t, f, inf, infinity, nan), in any case.
 */
function plainYamlString(s) {
    return (/^[A-Za-z/][A-Za-z0-9._/@:+-]*$/.test(s) &&
        !/^(?:y|n|t|f|yes|no|on|off|true|false|null|inf|infinity|nan)$/i.test(s));
}
/**
 * What job.yaml never holds raw: YAML 1.1's line breaks beyond \n and \r (NEL, U+2028, U+2029: a
 * YAML 1.2 reader takes them as text), and the characters neither version lets a stream hold (DEL,
 * the C1 controls, U+FFFE and U+FFFF: kubectl and PyYAML refuse the file). The yaml package escapes
 * the C0 controls itself.
 */
const YAML_RAW_NEVER = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/;
const YAML_RAW_NEVER_ALL = new RegExp(YAML_RAW_NEVER.source, 'g');
/** The manifests as one multi-document YAML file for `kubectl apply -f`. */
function k8sYaml(objects) {
    // No anchors for the shared label objects: plain YAML reads the same in every tool. Written with
    // the 1.2 schema: the 1.1 one writes the string "<<" as a plain merge key whatever its type (PyYAML
    // then refuses the file), and what 1.1 reads otherwise is quoted here (plainYamlString). kubectl
    // (sigs.k8s.io/yaml) reads YAML 1.1 with Go's strconv for numbers (0o17, 0X10, 0B11, 1e1_0): a
    // one-line string that is not plainly a word, keys included, is double-quoted. A string of several
    // lines is a block scalar, a string to every reader. A string holding a line break of YAML 1.1's
    // own (NEL, U+2028, U+2029: kubectl's and PyYAML's reader folds or splits there, in a block
    // scalar too) or a character no YAML stream may hold (DEL, C1, U+FFFE, U+FFFF) is double-quoted,
    // each written as its escape.
    const header = `# ml-image smoke suites: a ConfigMap and a Job (Indexed, with a headless Service, for several pods), ${common/* EXPORT_MARKER */.sS} ${version/* VERSION */.x}.\n# Run it, and again (an earlier run of this name goes first: a Job cannot change in place): ${k8sSubmit(K8S_JOB_FILE)}\n`;
    const yaml = (o) => {
        const doc = new dist/* Document */.yo(o, { version: '1.2', aliasDuplicateObjects: false });
        (0,dist/* visit */.YR)(doc, {
            Scalar(_key, node) {
                if (typeof node.value === 'string' &&
                    (YAML_RAW_NEVER.test(node.value) || (!node.value.includes('\n') && !plainYamlString(node.value))))
                    node.type = 'QUOTE_DOUBLE';
            },
        });
        // The yaml package leaves them raw inside double quotes (it quotes by JSON.stringify): each is
        // then inside a double-quoted scalar, where its escape reads as the character in YAML 1.1 and 1.2.
        return doc
            .toString({ lineWidth: 0 })
            .replace(YAML_RAW_NEVER_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    };
    return header + objects.map(yaml).join('---\n');
}

;// CONCATENATED MODULE: ./src/export/k8s.ts
// `ml-image export --k8s`: a ConfigMap with the smoke script and a driver, and a batch/v1 Job running
// the image by digest. One pod runs the suites (ddp through torchrun --standalone over its GPUs); with
// --nodes N > 1 the Job is Indexed (N pods) behind a headless Service, and ddp spans the pods through
// a c10d rendezvous at pod 0. Pure: the caller writes the YAML.








// job.yaml as text, and how it is applied: src/export/k8s-yaml.ts.



const K8S_MOUNT = '/ml-image';
/** The pod label that selects this export's pods (Service selector, kubectl logs -l). */
const JOB_LABEL = 'ml-image-action/job';
const POD_SCRIPT = '"$SCRIPT"';
/** The ddp suite across the pods through pod 0 (one pod runs the script's own ddp suite). */
function podDdpLines(o, name) {
    const port = o.rdzvPort ?? common/* DEFAULT_RDZV_PORT */.Jc;
    return [
        // Pod 0 hosts the c10d store (is_host: torchrun's own hostname match does not see that
        // NAME-0.NAME is this pod); every pod waits until the headless Service publishes it.
        'wait_for_host "$RDZV_HOST" "$RDZV_TIMEOUT"',
        'if [ "$INDEX" = 0 ]; then IS_HOST=1; else IS_HOST=0; fi',
        // The step may take the rendezvous wait (another pod may still pull the image) on top of the suite.
        'S_LIMIT=$RDZV_TIMEOUT',
        'run_step ddp python3 -m torch.distributed.run --nnodes="$NODES" --nproc_per_node="$NPROC_PER_NODE" \\',
        `  --rdzv_id=${name} --rdzv_backend=c10d --rdzv_endpoint="$RDZV_HOST:${port}" \\`,
        `  --rdzv_conf="join_timeout=$RDZV_TIMEOUT,is_host=$IS_HOST" --max_restarts=0 ${POD_SCRIPT} ddp-worker`,
        'ddp_result ddp',
        // Only rank 0 (on pod 0) prints the metrics; the other pods pass on a clean exit.
        'if [ "$INDEX" != 0 ] && [ "$S_RC" = 0 ]; then',
        '  case $(tail -n 1 "$RESULTS/ddp.out") in',
        `    '{"status": "'*) ;;`,
        `    *) echo '{"status": "pass", "reason": "worker pod: rank 0 on pod 0 reports the metrics"}' >> "$RESULTS/ddp.out" ;;`,
        '  esac',
        'fi',
        'record ddp ddp "$S_RC" "$S_START" "torchrun exited $S_RC"',
        'S_LIMIT=',
        'report ddp',
    ];
}
/** The shell lines of one step in the pod script. */
function podStepLines(st, o, name) {
    switch (st.kind) {
        case 'skip':
            return [`skip ${st.id} ${st.suite} ${(0,common/* shellQuote */.ZL)((0,common/* skipJson */.Su)(st.reason))}`, `report ${st.id}`];
        case 'script':
            return [
                `run_step ${st.id} python3 ${POD_SCRIPT} ${(0,common/* stepWords */.c9)(st.args)}`,
                `record ${st.id} ${st.suite} "$S_RC" "$S_START"`,
                `report ${st.id}`,
            ];
        case 'pip-check':
            return [
                'run_step pip-check python3 -m pip check',
                'pip_result pip-check',
                'record pip-check pip-check "$S_RC" "$S_START"',
                'report pip-check',
            ];
        case 'ddp':
            return podDdpLines(o, name);
        case 'by-machine':
            return (0,common/* machineCaseLines */.rV)(st, (step) => podStepLines(step, o, name));
    }
}
/** The steps in the order the pods run them: with several pods ddp first (podBody). */
const podSteps = (o) => {
    const steps = (0,common/* exportSteps */.C5)(o);
    if (o.nodes <= 1)
        return steps;
    return [...steps.filter((s) => s.kind === 'ddp'), ...steps.filter((s) => s.kind !== 'ddp')];
};
/** The steps of the pod script; with several pods ddp runs first and the rest only on pod 0. */
function podBody(o, name) {
    const steps = (0,common/* exportSteps */.C5)(o);
    const lines = (st) => podStepLines(st, o, name);
    if (o.nodes <= 1)
        return steps.flatMap((s) => ['', `# ${s.id}`, ...lines(s)]);
    // With several pods ddp runs first: the other pods wait in the rendezvous, not behind pod 0's suites.
    const ddp = steps.filter((s) => s.kind === 'ddp');
    const rest = steps.filter((s) => s.kind !== 'ddp');
    return [
        ...ddp.flatMap((s) => ['', `# ${s.id} (every pod)`, ...lines(s)]),
        '',
        '# The other suites run once, on pod 0. The other pods end well whatever their ddp said:',
        "# with backoffLimit 0 a failed pod fails the Job, which stops pod 0's suites half-way; pod 0's",
        '# ddp fails with any rank (torchrun --max_restarts=0), and its result is the verdict.',
        'if [ "$INDEX" != 0 ]; then exit 0; fi',
        ...rest.flatMap((s) => ['', `# ${s.id}`, ...lines(s)]),
    ];
}
/** The pod script's shell functions besides RECORD_SHELL's. */
const POD_FUNCTIONS = `# run_step ID CMD...: output kept, killed at S_LIMIT, else TIMEOUT, where the image has timeout(1)
S_LIMIT=
run_step() {
  S_ID=$1; shift
  S_START=$(date +%s)
  if command -v timeout > /dev/null 2>&1; then
    timeout "\${S_LIMIT:-$TIMEOUT}" "$@" > "$RESULTS/$S_ID.out" 2> "$RESULTS/$S_ID.err"
  else
    "$@" > "$RESULTS/$S_ID.out" 2> "$RESULTS/$S_ID.err"
  fi
  S_RC=$?
}
# report ID: the result into the pod log; a failing suite's stderr tail after it. printf, not echo:
# dash's echo turns the "\\n" and "\\\\" of the JSON into a line break and a backslash
report() {
  printf '%s%s\\n' '${job_schema/* RESULT_PREFIX */.Dd}' "$(cat "$RESULTS/$1.json")"
  case $(cat "$RESULTS/$1.json") in
    *'"status": "fail"'*) tail -n 20 "$RESULTS/$1.err" 2> /dev/null | sed 's/^/  | /' ;;
  esac
}
# wait_for_host NAME SECONDS: until DNS answers for NAME (at most SECONDS)
wait_for_host() {
  w_until=$(( $(date +%s) + $2 ))
  until python3 -c 'import socket, sys; socket.getaddrinfo(sys.argv[1], None)' "$1" 2> /dev/null; do
    if [ "$(date +%s)" -ge "$w_until" ]; then echo "ml-image: $1 does not resolve" >&2; return 1; fi
    sleep 2
  done
}`;
/**
 * How long the pods of a multi-pod ddp wait for each other: the suite's TIMEOUT plus the time the
 * Job allows for an image pull. Each pod starts once its own node has pulled the image, so the first
 * may wait in the rendezvous while another node still pulls; that wait is no part of the suite.
 */
const RDZV_TIMEOUT_LINES = `# The pods' ddp waits for the others at most this long (the rendezvous's join_timeout and the step's
# limit): the suite's TIMEOUT plus ${common/* IMAGE_PULL_ALLOWANCE_S */.xX}s, as another pod's node may still pull the image.
RDZV_TIMEOUT=$((TIMEOUT + ${common/* IMAGE_PULL_ALLOWANCE_S */.xX}))`;
/** The driver the pod runs (POSIX sh: the image's /bin/sh may be dash or busybox). */
function podScript(o, name) {
    const meta = (0,job_meta_shell/* jobMetaConstants */.E2)(o, 'k8s', (0,common/* pinnedImage */.QJ)(o.image).ref, name, podSteps(o));
    return `#!/bin/sh
# ml-image smoke suites in a Kubernetes pod, ${common/* EXPORT_MARKER */.sS} ${version/* VERSION */.x}.
# Each suite prints one "${job_schema/* RESULT_PREFIX */.Dd}{json}" line; collect them with
#   kubectl logs${o.namespace ? ` -n ${o.namespace}` : ''} -l ${JOB_LABEL}=${name} --tail=-1 | grep '^${job_schema/* RESULT_PREFIX */.Dd}'
# The pod (pod 0 of several: it carries every pod's ddp result) exits 1 when a suite failed.
# Its first line, "${job_schema/* JOB_PREFIX */.Pn}{json}", says what the job is; pod 0 prints it again with
# finishedAt once every suite ran.
set -u
SCRIPT=${K8S_MOUNT}/ml_image_smoke.py
RESULTS=\${ML_IMAGE_RESULTS_DIR:-/tmp/ml-image-results}
TIMEOUT=${o.timeoutSeconds}
${common/* TIMEOUT_EXPORT_LINE */.si}
${(0,common/* gpuLines */._q)(o).join('\n')}
NODES=${o.nodes}
INDEX=\${JOB_COMPLETION_INDEX:-0}
RDZV_HOST=${name}-0.${name}${o.nodes > 1 ? `\n${RDZV_TIMEOUT_LINES}` : ''}
mkdir -p "$RESULTS" || exit 2

${(0,job_meta_shell/* podJobMetaShell */.kl)(meta)}

${common/* RECORD_SHELL */.he}

${POD_FUNCTIONS}
${podBody(o, name).join('\n')}

${job_meta_shell/* JOB_META_FINISHED_LINE */.UO}
exit "$FAILED"
`;
}
/** The metadata of every object: its name, the namespace when given, the export's labels. */
function metaOf(o, labels) {
    return (n) => ({
        name: n,
        ...(o.namespace !== undefined && { namespace: o.namespace }),
        labels,
    });
}
/** The headless Service that gives pod 0 its DNS name (nodes > 1). */
function rendezvousService(o, name, labels) {
    const port = o.rdzvPort ?? common/* DEFAULT_RDZV_PORT */.Jc;
    return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: metaOf(o, labels)(name),
        spec: {
            clusterIP: 'None',
            selector: { [JOB_LABEL]: name },
            // Pod 0's DNS name must exist before it is Ready: the other pods rendezvous with it at once.
            publishNotReadyAddresses: true,
            ports: [{ name: 'c10d', port, targetPort: port, protocol: 'TCP' }],
        },
    };
}
/** The one container: the image under test running the driver, unprivileged. */
function smokeContainer(o, image) {
    const gpus = typeof o.gpusPerNode === 'number' ? o.gpusPerNode : 0;
    // --memory: request and limit alike, so that no namespace default limit (which /dev/shm counts
    // against) ends the run.
    const memory = o.memory === undefined ? undefined : (0,export_memory/* k8sMemory */.sP)(o.memory);
    return {
        name: 'smoke',
        image,
        imagePullPolicy: 'IfNotPresent',
        command: ['sh', `${K8S_MOUNT}/run.sh`],
        env: [
            { name: 'PYTHONUNBUFFERED', value: '1' },
            { name: 'PYTHONNOUSERSITE', value: '1' },
            // The pod's node, for the job's ML_IMAGE_JOB lines (run.sh).
            (0,job_meta_shell/* nodeEnv */.w1)(),
            // No GPU asked for: on a node whose default runtime is nvidia, the image's own
            // NVIDIA_VISIBLE_DEVICES=all (every nvidia/cuda image's ENV) would give the pod every GPU.
            ...(o.gpusPerNode === 0 ? [{ name: 'NVIDIA_VISIBLE_DEVICES', value: 'void' }] : []),
        ],
        resources: {
            requests: { cpu: String(o.cpus ?? 8), ...(memory && { memory }) },
            ...((gpus > 0 || memory) && {
                limits: { ...(memory && { memory }), ...(gpus > 0 && { 'nvidia.com/gpu': String(gpus) }) },
            }),
        },
        volumeMounts: [
            { name: 'scripts', mountPath: K8S_MOUNT, readOnly: true },
            { name: 'dshm', mountPath: '/dev/shm' },
        ],
        // The image runs as its own user (that is what is tested), without any way to gain privileges.
        securityContext: {
            allowPrivilegeEscalation: false,
            privileged: false,
            capabilities: { drop: ['ALL'] },
        },
    };
}
/** The Job's node selector: the image's architecture, then --node-selector's (undefined: none). */
function jobNodeSelector(o) {
    const selector = { ...(o.arch !== undefined && { [ARCH_LABEL]: o.arch }), ...o.nodeSelector };
    return Object.keys(selector).length > 0 ? selector : undefined;
}
/** The pod template's spec: scheduling (node selector, tolerations), the container and its volumes. */
function podSpec(o, name, image) {
    const nodeSelector = jobNodeSelector(o);
    const tolerations = [
        // GPU node pools are commonly tainted nvidia.com/gpu:NoSchedule.
        ...(typeof o.gpusPerNode === 'number' && o.gpusPerNode > 0
            ? [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]
            : []),
        ...(o.tolerations ?? []),
    ];
    return {
        restartPolicy: 'Never',
        ...(o.nodes > 1 && { subdomain: name }),
        enableServiceLinks: false,
        automountServiceAccountToken: false,
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        ...(o.runtimeClassName !== undefined && { runtimeClassName: o.runtimeClassName }),
        ...(o.imagePullSecrets?.length && { imagePullSecrets: o.imagePullSecrets.map((n) => ({ name: n })) }),
        ...(nodeSelector && { nodeSelector }),
        ...(tolerations.length > 0 && { tolerations }),
        containers: [smokeContainer(o, image)],
        volumes: [
            { name: 'scripts', configMap: { name: `${name}-scripts`, defaultMode: 0o444 } },
            { name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: o.shmSize ?? '1Gi' } },
        ],
    };
}
/** The batch/v1 Job (Indexed, one pod per node, when nodes > 1). */
function smokeJob(o, name, image, labels) {
    const multi = o.nodes > 1;
    return {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { ...metaOf(o, labels)(name), annotations: { 'ml-image-action/image': image } },
        spec: {
            // A failing smoke test is a result, not a reason to retry.
            backoffLimit: 0,
            activeDeadlineSeconds: (0,common/* jobDeadlineSeconds */.LR)(o),
            ttlSecondsAfterFinished: o.ttlSecondsAfterFinished ?? 86400,
            ...(multi && { completionMode: 'Indexed', completions: o.nodes, parallelism: o.nodes }),
            template: { metadata: { labels }, spec: podSpec(o, name, image) },
        },
    };
}
/** ConfigMap (+ headless Service when nodes > 1) + Job, in the order `kubectl apply` needs them. */
function k8sManifests(o) {
    const ref = (0,common/* checkSpec */.g3)(o);
    checkK8sOptions(o);
    const name = checkJobName(o.name ?? DEFAULT_JOB_NAME);
    // The headless Service of a multi-pod run takes the name too, and a Service's name is a
    // DNS-1035 label: it starts with a letter (the API server refuses "9smoke").
    if (o.nodes > 1 && !/^[a-z]/.test(name))
        throw new errors/* InputError */.dz(`--name: "${name}" must start with a letter when --nodes > 1 (the pods' headless Service is named after the job)`);
    const labels = {
        'app.kubernetes.io/name': DEFAULT_JOB_NAME,
        'app.kubernetes.io/managed-by': 'ml-image-action',
        [JOB_LABEL]: name,
    };
    const configMap = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: metaOf(o, labels)(`${name}-scripts`),
        data: { 'ml_image_smoke.py': o.smokeScript, 'run.sh': podScript(o, name) },
    };
    const job = smokeJob(o, name, ref.ref, labels);
    return o.nodes > 1 ? [configMap, rendezvousService(o, name, labels), job] : [configMap, job];
}

// EXTERNAL MODULE: ./src/util/redact.ts + 3 modules
var redact = __webpack_require__(82513);
;// CONCATENATED MODULE: ./src/export/secret-env.ts
// The Slurm job keeps the submitter's secrets out of the image under test. sbatch exports the
// submitting shell's environment, srun hands the job script's environment to its task, and Pyxis sets
// it in the container: HF_TOKEN, AWS_SECRET_ACCESS_KEY, a PIP_INDEX_URL with a login and the like
// would reach an image that may be untrusted and has the network. The job unsets, before any srun,
// every exported variable whose name looks secret by the project's one rule
// (images/probe/redaction-rules.json, secretName), or whose value holds what the same rules mask by
// value (a URL's login or secret parameter, a token of a known form, a connection string's
// password), each turned into a bash regular expression here. A variable whose name is no shell
// identifier (GitHub Actions' INPUT_HF-TOKEN for an input hf-token) cannot be unset by bash, which
// still passes it on: each srun runs under `env -u NAME` for those (STEP_ENV). Pure: text only.


/**
 * Names the job never takes for secrets by their names: Slurm's, its own, those Enroot and Pyxis
 * read, and the fabric and MPI settings a multi-node step needs (NCCL_IB_PKEY and UCX_IB_PKEY are
 * InfiniBand partition keys, not secrets). Their values are tested as any other's but for the sk-
 * form (secretValueEres' kept): Slurm's own SLURM_JWT (`scontrol token`) is a credential.
 */
const KEPT_PREFIXES = [
    'SLURM_',
    'ML_IMAGE_',
    'ENROOT_',
    'PYXIS_',
    'NCCL_',
    'UCX_',
    'OMPI_',
    'PMIX_',
    'FI_',
];
/** Names (space-separated) the job passes on although they look secret, e.g. a token .credentials reads. */
const KEEP_ENV_VAR = 'ML_IMAGE_KEEP_ENV';
/**
 * What the job writes before each srun (after any `timeout`): `env` with `-u NAME` for each
 * secret-looking variable bash could not unset (a name that is no identifier), set by hide_secrets.
 */
const STEP_ENV = '"${STEP_ENV[@]}"';
// The rule's lookarounds that bound a word: PASS, PAT and PW as words of their own, PWD after a
// non-letter (its others are exceptions: withoutExceptions). POSIX ERE has none; a non-letter or
// the end of the name stands for them ([[ =~ ]] only asks whether the name matches). [:alpha:]
// rather than a range: ranges in a bracket follow the locale's collation.
const LOOKAROUNDS = [
    ['(?<![A-Za-z])', '(^|[^[:alpha:]])'],
    ['(?![A-Za-z])', '([^[:alpha:]]|$)'],
    ['(?<=[^A-Za-z])', '[^[:alpha:]]'],
];
/**
 * TEXT without its other negative lookarounds: the words that hold a secret word and no secret
 * (`TOKEN(?!IZERS?(?:_|$))`, `(?<!UN)AUTH`). Each only narrows a match: without them the job
 * unsets a little more (TOKENIZERS_PARALLELISM), never less.
 */
function withoutExceptions(text) {
    for (let at = text.search(/\(\?<?!/); at >= 0; at = text.search(/\(\?<?!/)) {
        const end = groupEnd(text, at);
        if (/[*+?{]/.test(text[end] ?? ''))
            throw untranslatable(text, 'a quantified lookaround');
        text = text.slice(0, at) + text.slice(end);
    }
    return text;
}
/**
 * The secretName rule as a POSIX ERE for bash's [[ =~ ]], and whether the name is upper-cased first
 * (the rule ignores case; bash's ${n^^}). Throws when the rule holds a construct this translation
 * does not know (a unit test then fails, before any job is written).
 */
function secretNameEre(rule = redact/* REDACTION_RULES */.iz.secretName) {
    let text = rule.pattern;
    LOOKAROUNDS.forEach(([js], i) => (text = text.split(js).join(`~${i}`)));
    text = withoutExceptions(text);
    if (rule.ignoreCase)
        text = text.toUpperCase();
    // Letters, digits, _ and the operators ERE reads as JavaScript does; no (?, class, escape or brace.
    if (rule.pattern.includes('~') || !/^(?:[A-Za-z0-9_|()?*+]|~[0-9])*$/.test(text) || text.includes('(?'))
        throw new Error(`redaction-rules.json: secretName "${rule.pattern}" holds a construct the Slurm job's bash pattern cannot express (src/export/secret-env.ts)`);
    LOOKAROUNDS.forEach(([, ere], i) => (text = text.split(`~${i}`).join(ere)));
    return { ere: text, upper: rule.ignoreCase };
}
/** A POSIX bracket class for each range the rules write: ranges would follow the locale's collation. */
const RANGE_CLASS = {
    'A-Z': '[:upper:]',
    'a-z': '[:lower:]',
    '0-9': '[:digit:]',
};
/** The characters ERE reads as operators: kept escaped where the rule escapes them. */
const ERE_SPECIAL = '.[]\\()*+?{}|^$';
/**
 * Whitespace escapes (\t ...): dropped from a negated bracket, which then matches more; in another
 * \t as [:blank:] (a tab or a space), the others as [:space:]: at least what each matched.
 */
const SPACE_ESCAPES = 'tnrfv';
const LOOKAROUND = /^\(\?<?[=!]/;
const untranslatable = (pattern, why) => new Error(`redaction-rules.json: "${pattern}" holds ${why}, which the Slurm job's bash pattern cannot express (src/export/secret-env.ts)`);
/**
 * A value rule of redaction-rules.json as a POSIX ERE for bash's [[ =~ ]] that matches at least
 * what the rule matches: its lookarounds dropped (each only narrows a match), `(?:` as `(`, a
 * bracket's ranges as [:upper:], [:lower:] and [:digit:], a whitespace escape or "[" in a negated
 * bracket dropped, in another \t as [:blank:] and \n, \r, \f, \v as [:space:]; upper-cased where the rule ignores case (the job
 * upper-cases the value too, ${v^^}).
 * Throws on any other construct (\d, a lazy or quantified lookaround, another range ...).
 */
function valueRuleEre(pattern, ignoreCase) {
    let out = '';
    let shape = ''; // out with each bracket as "x": its "(" or "|" are characters, not operators
    let atom = false; // whether what was written last can take a quantifier
    for (let i = 0; i < pattern.length;) {
        if (LOOKAROUND.test(pattern.slice(i, i + 4))) {
            i = groupEnd(pattern, i);
            if (/[*+?{]/.test(pattern[i] ?? ''))
                throw untranslatable(pattern, 'a quantified lookaround');
            continue;
        }
        const t = ereToken(pattern, i, ignoreCase);
        if (t.quantifier && !atom)
            throw untranslatable(pattern, `${t.text} after nothing to repeat (a lazy one?)`);
        out += t.text;
        shape += t.text.startsWith('[') ? 'x' : t.text;
        i = t.end;
        atom = t.atom;
    }
    // A lookaround that stood alone in an alternative leaves it empty, which ERE does not define.
    if (/\((?:\)|\|)|\|\||\|\)|^\||\|$/.test(shape))
        throw untranslatable(pattern, 'an alternative of lookarounds only');
    return out;
}
/** The token of PATTERN at I (no lookaround) as ERE writes it. */
function ereToken(pattern, i, ignoreCase) {
    const c = pattern[i];
    if (c === '\\') {
        const e = pattern[i + 1] ?? '';
        if (!/^[^A-Za-z0-9]$/.test(e))
            throw untranslatable(pattern, `the escape \\${e}`);
        return { text: ERE_SPECIAL.includes(e) ? `\\${e}` : e, end: i + 2, atom: true };
    }
    if (c === '(') {
        if (pattern[i + 1] !== '?')
            return { text: '(', end: i + 1, atom: false };
        if (pattern[i + 2] === ':')
            return { text: '(', end: i + 3, atom: false };
        throw untranslatable(pattern, `the group ${pattern.slice(i, i + 4)}`);
    }
    if (c === '[') {
        const [text, end] = bracketEre(pattern, i, ignoreCase);
        return { text, end, atom: true };
    }
    const q = c === '{' ? /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i))?.[0] : '*+?'.includes(c) ? c : undefined;
    if (q !== undefined)
        return { text: q, end: i + q.length, atom: false, quantifier: true };
    if ('{}]'.includes(c))
        throw untranslatable(pattern, `a bare ${c}`);
    return { text: ignoreCase ? c.toUpperCase() : c, end: i + 1, atom: !'|^$'.includes(c) };
}
/** Where the group that starts at START ends (the index after its ")"), brackets and escapes skipped. */
function groupEnd(pattern, start) {
    let depth = 0;
    for (let i = start; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\')
            i++;
        else if (c === '[')
            i = bracketEnd(pattern, i) - 1;
        else if (c === '(')
            depth++;
        else if (c === ')' && --depth === 0)
            return i + 1;
    }
    throw untranslatable(pattern, 'an unclosed group');
}
/** The index after the "]" that closes the bracket starting at START. */
function bracketEnd(pattern, start) {
    for (let i = start + 1; i < pattern.length; i++) {
        if (pattern[i] === '\\')
            i++;
        else if (pattern[i] === ']')
            return i + 1;
    }
    throw untranslatable(pattern, 'an unclosed bracket');
}
/** The bracket at START as a POSIX bracket expression, and the index after it. */
function bracketEre(pattern, start, ignoreCase) {
    const end = bracketEnd(pattern, start);
    const negated = pattern[start + 1] === '^';
    const body = pattern.slice(start + (negated ? 2 : 1), end - 1);
    const classes = new Set();
    const chars = new Set();
    for (let i = 0; i < body.length;) {
        const range = body[i + 1] === '-' && i + 2 < body.length ? body.slice(i, i + 3) : undefined;
        if (body[i] === '\\') {
            const e = body[i + 1] ?? '';
            if (/^[^A-Za-z0-9]$/.test(e))
                chars.add(e);
            else if (!negated && SPACE_ESCAPES.includes(e))
                classes.add(e === 't' ? '[:blank:]' : '[:space:]');
            else if (!(negated && SPACE_ESCAPES.includes(e)))
                throw untranslatable(pattern, `the escape \\${e} in a bracket`);
            i += 2;
        }
        else if (range !== undefined) {
            const cls = RANGE_CLASS[range];
            if (cls === undefined)
                throw untranslatable(pattern, `the range ${range}`);
            classes.add(ignoreCase && cls === '[:lower:]' ? '[:upper:]' : cls);
            i += 3;
        }
        else {
            chars.add(ignoreCase ? body[i].toUpperCase() : body[i]);
            i += 1;
        }
    }
    // A "[" next to ":", "." or "=" would open a class: a negated bracket matches more without it.
    if (chars.has('[') && negated)
        chars.delete('[');
    if (chars.has('['))
        throw untranslatable(pattern, 'a [ in a bracket');
    // "]" first, "-" last, "^" not first: each then stands for itself.
    const plain = [...chars].filter((c) => !']^-'.includes(c)).join('');
    const items = `${chars.has(']') ? ']' : ''}${[...classes].join('')}${plain}${chars.has('^') ? '^' : ''}${chars.has('-') ? '-' : ''}`;
    if (items === '' || items.startsWith('^'))
        throw untranslatable(pattern, 'a bracket ERE cannot write');
    return [`[${negated ? '^' : ''}${items}]`, end];
}
/**
 * What the shared rules mask by value, as EREs (each a superset, valueRuleEre): the rules that
 * heed case (tokens of a known form, JWTs, a private key's PEM block, a URL's login, Anaconda's
 * /t/<token>/ anywhere, Cloudsmith's dl.cloudsmith.io/<token>/), and those that ignore it, for the
 * upper-cased value (a URL's secret parameter, a connection string's secret, an Authorization
 * header's credentials, a credential a value writes in a form of its own); and, for a kept name's
 * value (Slurm's, the job's own), the first without a token form a lookbehind bounds (sk-, not
 * after a letter): without it, it takes paths such as /scratch/mask-rcnn-... for tokens.
 * Long base64-like values, which redaction also masks, are left alone: paths and IDs look like them.
 */
function secretValueEres(rules = redact/* REDACTION_RULES */.iz) {
    const { prefix, minSegmentLength: n } = rules.jwt;
    const seg = `[A-Za-z0-9_-]{${n},}`;
    const jwt = `${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${seg}\\.${seg}\\.${seg}`;
    const all = [
        ...rules.secretValues.map((p) => [p, false]),
        [rules.privateKey, false],
        [rules.credentialInValue.pattern, rules.credentialInValue.ignoreCase],
        [jwt, false],
        [rules.urlUserinfo, false],
        [rules.urlTokens.pathToken.replace(/^\^/, ''), false],
        [rules.urlTokens.hostToken.pattern.replace(/^\^/, ''), false],
        [rules.urlTokens.query.pattern, rules.urlTokens.query.ignoreCase],
        [rules.connectionString.pattern, rules.connectionString.ignoreCase],
        [rules.authorization.pattern, rules.authorization.ignoreCase],
    ];
    const join = (upper) => all
        .filter(([, ic]) => ic === upper)
        .map(([p]) => `(${valueRuleEre(p, upper)})`)
        .join('|');
    // A token form bounded by a lookbehind (sk-, not after a letter) matches inside words without it.
    const inWords = (p) => rules.secretValues.includes(p) && p.includes('(?<');
    const keptCased = all
        .filter(([p, ic]) => !ic && !inWords(p))
        .map(([p]) => `(${valueRuleEre(p, false)})`)
        .join('|');
    return { cased: join(false), upper: join(true), kept: keptCased };
}
/** The job script's lines (bash) that unset the secret-looking variables and name them on stderr. */
function hideSecretsShell(rule, rules = redact/* REDACTION_RULES */.iz) {
    const { ere, upper } = secretNameEre(rule);
    const values = secretValueEres(rules);
    const keep = KEPT_PREFIXES.map((p) => `${p}*`).join('|');
    // An empty ERE matches anything: a set of rules with none in it is not tested. A kept name's
    // value is tested too (Slurm's own SLURM_JWT is a credential), by SECRET_KEPT_VALUE_RE.
    const own = [
        `${upper ? '${n^^}' : '$n'} =~ $SECRET_NAME_RE`,
        ...(values.cased ? ['$v =~ $SECRET_VALUE_RE'] : []),
        ...(values.upper ? ['${v^^} =~ $SECRET_VALUE_ICASE_RE'] : []),
    ].join(' || ');
    const tests = `( -z $kept && ( ${own} ) ) || ( -n $kept && $v =~ $SECRET_KEPT_VALUE_RE )`;
    return `# The submitting shell's environment reaches the image under test (sbatch exports it, srun passes it
# on, Pyxis sets it in the container): variables whose names look secret (the secretName rule of
# ml-image's redaction), or whose values hold what it masks (a URL's login or secret parameter, a
# token of a known form, a connection string's password: SECRET_VALUE_RE as written,
# SECRET_VALUE_ICASE_RE upper-cased; wider than the rules: their lookarounds dropped), stay out.
# Slurm's, Enroot's, the fabric's and the job's own names are not tested, their values by
# SECRET_KEPT_VALUE_RE (SECRET_VALUE_RE without sk-, which takes mask-rcnn-... paths for tokens
# without its lookbehind: their paths stay). Values are tested, never printed (xtrace is off
# meanwhile). ${KEEP_ENV_VAR}="NAME ..." passes the names given
# on, e.g. a token that Enroot's .credentials reads as $NAME to pull the image. Names that are no shell
# identifiers (INPUT_HF-TOKEN) cannot be unset: every srun runs under STEP_ENV, env -u NAME for each.
SECRET_NAME_RE='${ere}'
SECRET_VALUE_RE=${(0,common/* shellQuote */.ZL)(values.cased)}
SECRET_VALUE_ICASE_RE=${(0,common/* shellQuote */.ZL)(values.upper)}
SECRET_KEPT_VALUE_RE=${(0,common/* shellQuote */.ZL)(values.kept)}
hide_secrets() {
  local n v kv kept names hidden='' count=0 xtrace=
  case $- in *x*) xtrace=1; set +x ;; esac
  if ! names=$(compgen -e); then
    echo "ml-image: this bash cannot list the environment (compgen): variables that look secret may reach the image under test" >&2
    names=''
  fi
  for n in $names; do
    case $n in ${keep}) kept=1 ;; *) kept= ;; esac
    case " \${${KEEP_ENV_VAR}:-} " in *" $n "*) continue ;; esac
    v=\${!n-}
    if [[ ${tests} ]] && unset -v "$n"; then
      hidden+=" $n"; count=$((count + 1))
    fi
  done
  # What is left of them in the environment children get is what bash could not unset: a name that
  # is no identifier (INPUT_HF-TOKEN), which compgen does not list either: each step gets env -u NAME.
  STEP_ENV=(env)
  if env -0 > /dev/null 2>&1; then
    while IFS= read -r -d '' kv; do
      n=\${kv%%=*}; v=\${kv#*=}
      case $n in '') continue ;; ${keep}) kept=1 ;; *) kept= ;; esac
      case " \${${KEEP_ENV_VAR}:-} " in *" $n "*) continue ;; esac
      if [[ ${tests} ]]; then
        STEP_ENV+=(-u "$n"); hidden+=" $n"; count=$((count + 1))
      fi
    done < <(env -0)
  else
    echo "ml-image: this env cannot list the environment (env -0): variables that look secret and are no shell names may reach the image under test" >&2
  fi
  v='' kv=''
  if [ "$count" -gt 0 ]; then
    printf '%s\\n' "ml-image: not passing $count variable(s) whose names or values look secret into the image under test:$hidden (${KEEP_ENV_VAR}=NAME passes one on)" >&2
  fi
  if [ -n "$xtrace" ]; then set -x; fi
  return 0
}
hide_secrets`;
}

;// CONCATENATED MODULE: ./src/export/slurm-stop.ts
// How an exported Slurm job stops early and still removes its container. Slurm kills a job at its
// time limit (and on a plain `scancel`) after SIGTERM, and a job ending that way can no longer start
// the step that removes the named container from its nodes. So the job asks Slurm for SIGUSR1 a
// while before the limit (`#SBATCH --signal=B:USR1@STOP_LEAD_S`), which `scancel --batch
// --signal=USR1 JOBID` sends too: it stops the running step and exits while the job may still run
// a step, and its EXIT trap removes the container. The steps run in the background and are waited
// for (in_step), since bash runs a trap only once a foreground command has ended: a hung suite would
// hold the stop until its own timeout, past the time limit.
/** The most seconds the removal of the named container at the job's end may take, and its kill delay. */
const REMOVE_TIMEOUT_S = 180;
const REMOVE_KILL_AFTER_S = 10;
/**
 * Seconds before the time limit that Slurm signals the job (USR1): the container's removal at its
 * limit and kill delay, the running step's end, and Slurm's own lateness (it may signal up to 60 s
 * early, so rarely late, but a busy node's step start takes a while).
 */
const STOP_LEAD_S = REMOVE_TIMEOUT_S + REMOVE_KILL_AFTER_S + 110;
/** How much earlier than asked Slurm may send it (its event handling's resolution, sbatch(1)). */
const STOP_EARLY_S = 60;
/** The exit status of a job stopped by SIGNAL, as a shell reports a command killed by it. */
const STOP_EXIT = { USR1: 138, TERM: 143 };
/** What ignores the stop signals where a stop would change nothing: once every suite ran, and in the removal. */
const STOP_IGNORED = "trap '' USR1 TERM";
/** The #SBATCH line that asks for the stop signal before the time limit (to the batch shell only). */
const STOP_SBATCH_LINE = `--signal=B:USR1@${STOP_LEAD_S}`;
/**
 * in_step OUT ERR CMD...: CMD in the background (its output to OUT and ERR), waited for, its status
 * in S_RC; stop_job: the trap of USR1 and TERM.
 */
const STOP_SHELL = `# A stop before the end: Slurm sends USR1 ${STOP_LEAD_S}s before the time limit (#SBATCH --signal), and
# "scancel --batch --signal=USR1 <job id>" asks for the same. The running step is stopped and the job
# exits while it may still start the step that removes its container (the EXIT trap); a plain scancel
# or the time limit itself (TERM) is handled alike, but Slurm then refuses that step.
# in_step OUT ERR CMD...: CMD in the background, its output to OUT and ERR, waited for (bash runs a
# trap only once a foreground command has ended), its exit status in S_RC. Not redirected as a whole:
# a trap that runs in it would write there too.
in_step() {
  s_out=$1 s_err=$2; shift 2
  "$@" > "$s_out" 2> "$s_err" &
  wait $!
  S_RC=$?
}
# stop_job SIGNAL STATUS: the step that runs (the shell's background jobs) ended, then exit; a
# second stop signal is ignored from here on, as it is once every suite ran and in the removal (a
# default action would kill the shell there, removal and all).
stop_job() {
  trap '' USR1 TERM
  printf '%s\\n' "ml-image: stopped by SIG$1 (the time limit is near, or scancel): the running step is ended and the job exits; its results so far are in $RESULTS" >&2
  s_jobs=$(jobs -p)
  if [ -n "$s_jobs" ]; then kill -TERM $s_jobs 2> /dev/null; wait; fi
  exit "$2"
}
trap 'stop_job USR1 ${STOP_EXIT.USR1}' USR1
trap 'stop_job TERM ${STOP_EXIT.TERM}' TERM`;

;// CONCATENATED MODULE: ./src/export/slurm.ts
// `ml-image export --slurm`: an sbatch script that runs the smoke suites in the image by digest through
// Pyxis/Enroot (srun --container-image): the image imported in a step of its own, then one container
// step per suite on the first node, and the ddp suite on every node through torchrun with a c10d
// rendezvous. Pure: the caller writes the files.











const SLURM_JOB_FILE = 'job.sbatch';
/** The smoke script's copy in the export directory: images/probe/'s, by its own name. */
const SMOKE_SCRIPT_FILE = images_dir/* SMOKE_SCRIPT */.IB;
/** Where the export directory appears inside the container. */
const CONTAINER_DIR = '/ml-image';
/** Seconds `timeout --kill-after` lets a step (the import too) run past its limit before SIGKILL. */
const KILL_AFTER_S = 60;
/** The job's own time besides its steps' limits: the srun and container starts, the GPU count. */
const SLURM_MARGIN_S = 300;
/**
 * The job's --time, in seconds: every container step at its timeout plus the kill delay
 * `timeout --kill-after` gives it, the image import at its limit (the pull allowance) plus its own,
 * the stop signal's lead (STOP_LEAD_S, which holds the container's removal at the end) and the
 * 60 s Slurm may send it early, and a fixed margin: a run whose every step takes its whole timeout
 * still ends before the stop signal.
 */
function slurmDeadlineSeconds(o) {
    const running = Math.max(1, (0,common/* exportSteps */.C5)(o).filter((st) => st.kind !== 'skip').length);
    return (0,common/* jobDeadlineSeconds */.LR)(o) + (running + 1) * KILL_AFTER_S + STOP_LEAD_S + STOP_EARLY_S + SLURM_MARGIN_S;
}
/** Slurm's D-HH:MM:SS, rounded up to the minute. */
function slurmTime(seconds) {
    const m = Math.ceil(seconds / 60);
    const d = Math.floor(m / 1440);
    const hh = String(Math.floor((m % 1440) / 60)).padStart(2, '0');
    const mm = String(m % 60).padStart(2, '0');
    return d > 0 ? `${d}-${hh}:${mm}:00` : `${hh}:${mm}:00`;
}
function checkSlurmOptions(o) {
    if (!external_node_path_default().isAbsolute(o.exportDir))
        throw new errors/* InputError */.dz(`--out: expected an absolute path, got "${o.exportDir}"`);
    // Pyxis splits --container-mounts at "," and ":", and hands each mount to Enroot as an fstab line,
    // whose fields a space or tab splits; a newline would end an #SBATCH line too.
    if (/[,:\s]/.test(o.exportDir))
        throw new errors/* InputError */.dz(`--out: ${JSON.stringify(o.exportDir)} cannot be mounted by Pyxis (it contains "," ":" or a blank: a space, tab or newline)`, 'pass --out a directory whose path has none of them, on a filesystem every node mounts');
    if (o.partition !== undefined && !/^[A-Za-z0-9._-]+(,[A-Za-z0-9._-]+)*$/.test(o.partition))
        throw new errors/* InputError */.dz(`--partition: expected names of letters, digits and ._- (comma-separated), got "${o.partition}"`);
    if (o.account !== undefined && !/^[A-Za-z0-9._-]+$/.test(o.account))
        throw new errors/* InputError */.dz(`--account: expected letters, digits and ._-, got "${o.account}"`);
    if (o.output !== undefined && !/^[A-Za-z0-9._%/-]+$/.test(o.output))
        throw new errors/* InputError */.dz(`output: expected a path of letters, digits and ._%/-, got "${o.output}"`);
}
/** The #SBATCH lines: one task per node, its GPUs, CPUs and memory, the time limit, partition and account. */
function sbatchLines(o, name, cpus) {
    return [
        `--job-name=${name}`,
        `--nodes=${o.nodes}`,
        '--ntasks-per-node=1',
        // 'all': whole nodes, so ddp runs over every GPU a node has (counted at run time).
        ...(o.gpusPerNode === 'all'
            ? ['--exclusive']
            : o.gpusPerNode > 0
                ? [`--gpus-per-node=${o.gpusPerNode}`]
                : []),
        `--cpus-per-task=${cpus}`,
        // --memory per node (Slurm's M/G/T are binary): else the cluster's DefMemPerCPU x the CPUs.
        ...(o.memory !== undefined ? [`--mem=${(0,export_memory/* slurmMemory */.RD)(o.memory)}`] : []),
        `--time=${slurmTime(slurmDeadlineSeconds(o))}`,
        STOP_SBATCH_LINE,
        `--output=${o.output ?? `${DEFAULT_JOB_NAME}-%j.out`}`,
        ...(o.partition !== undefined ? [`--partition=${o.partition}`] : []),
        ...(o.account !== undefined ? [`--account=${o.account}`] : []),
    ].map((l) => `#SBATCH ${l}`);
}
const SLURM_SCRIPT = `${CONTAINER_DIR}/${SMOKE_SCRIPT_FILE}`;
/** The bash lines of one step: a container step on the first node, or ddp on every node. */
function slurmStepLines(st, port) {
    switch (st.kind) {
        case 'skip':
            return [`skip ${st.id} ${st.suite} ${(0,common/* shellQuote */.ZL)((0,common/* skipJson */.Su)(st.reason))}`];
        case 'script':
            return [
                `run_step ${st.id} python3 ${SLURM_SCRIPT} ${(0,common/* stepWords */.c9)(st.args)}`,
                `record ${st.id} ${st.suite} "$S_RC" "$S_START"`,
            ];
        case 'pip-check':
            return [
                'run_step pip-check python3 -m pip check',
                'pip_result pip-check',
                'record pip-check pip-check "$S_RC" "$S_START"',
            ];
        case 'ddp':
            // Every node runs one torchrun; c10d elects the store on MASTER_ADDR (its hostname matches).
            // Underscored flags: torchrun has taken them since torch 1.10, the hyphenated ones only since 2.x.
            return [
                'MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)',
                `MASTER_PORT=\${MASTER_PORT:-${port}}`,
                'S_START=$(date +%s)',
                'in_step "$RESULTS/ddp.out" "$RESULTS/ddp.err" \\',
                `  timeout --kill-after=${KILL_AFTER_S} "$TIMEOUT" ${STEP_ENV} srun --nodes="$SLURM_NNODES" --ntasks-per-node=1 "\${CONTAINER[@]}" \\`,
                '  python3 -m torch.distributed.run --nnodes="$SLURM_NNODES" --nproc_per_node="$NPROC_PER_NODE" \\',
                '  --rdzv_id="$SLURM_JOB_ID" --rdzv_backend=c10d --rdzv_endpoint="$MASTER_ADDR:$MASTER_PORT" \\',
                `  --rdzv_conf="join_timeout=$TIMEOUT" --max_restarts=0 ${SLURM_SCRIPT} ddp-worker`,
                'ddp_result ddp',
                'record ddp ddp "$S_RC" "$S_START" "torchrun exited $S_RC"',
            ];
        case 'by-machine':
            return (0,common/* machineCaseLines */.rV)(st, (step) => slurmStepLines(step, port));
    }
}
/** Where the job finds ml_image_smoke.py, and RESULTS; exits 2 when it cannot. */
function exportDirLines(o) {
    return `# Slurm runs a copy of this file, so its path does not say where ml_image_smoke.py is:
# ML_IMAGE_EXPORT_DIR, else the export directory, else the directory sbatch ran in.
EXPORT_DIR=\${ML_IMAGE_EXPORT_DIR:-}
if [ -z "$EXPORT_DIR" ]; then
  for d in ${(0,common/* shellQuote */.ZL)(o.exportDir)} "\${SLURM_SUBMIT_DIR:-.}"; do
    if [ -f "$d/${SMOKE_SCRIPT_FILE}" ]; then EXPORT_DIR=$d; break; fi
  done
fi
if [ -z "$EXPORT_DIR" ] || [ ! -f "$EXPORT_DIR/${SMOKE_SCRIPT_FILE}" ]; then
  echo "ml-image: ${SMOKE_SCRIPT_FILE} not found: set ML_IMAGE_EXPORT_DIR to the directory of ${SLURM_JOB_FILE} and ${SMOKE_SCRIPT_FILE}, on a filesystem every node mounts" >&2
  exit 2
fi
case $EXPORT_DIR in
  *[,:[:space:]]*) printf '%s\\n' "ml-image: $EXPORT_DIR: Pyxis cannot mount a path containing ',' ':' or a blank (space, tab, newline)" >&2; exit 2 ;;
esac
RESULTS=\${ML_IMAGE_RESULTS_DIR:-$EXPORT_DIR/results/\${SLURM_JOB_ID:-local}}
mkdir -p "$RESULTS" || exit 2
printf '%s\\n' "ml-image: $IMAGE on \${SLURM_NNODES:-1} node(s); results in $RESULTS"`;
}
/** run_step: one command in the container on the first node. */
const RUN_STEP_SHELL = `# run_step ID CMD...: CMD in the container on the first node, output kept, killed at TIMEOUT
run_step() {
  S_ID=$1; shift
  S_START=$(date +%s)
  in_step "$RESULTS/$S_ID.out" "$RESULTS/$S_ID.err" \\
    timeout --kill-after=${KILL_AFTER_S} "$TIMEOUT" ${STEP_ENV} srun --nodes=1 --ntasks=1 "\${CONTAINER[@]}" "$@"
}`;
/**
 * The image import, in a step of its own before any suite: Pyxis imports the image in the first srun
 * that names the container, so without it the first suite's TIMEOUT (and, for a multi-node ddp, the
 * rendezvous wait of the nodes that imported earlier) would count the import, and a suite killed
 * mid-import would leave the next step to import again. One task on each node the suites use (every
 * node of the job for a multi-node ddp, else the first), limited by ML_IMAGE_IMPORT_TIMEOUT (default
 * the 15 minutes the job's --time allows for it). A failed import ends the job: exit 3, before any suite.
 */
function importStepShell(everyNode) {
    const nodes = everyNode ? '--nodes="$SLURM_NNODES" --ntasks-per-node=1' : '--nodes=1 --ntasks=1';
    const where = everyNode ? '$SLURM_NNODES node(s)' : 'the first node';
    return `# The image import, in a step of its own: Pyxis imports the image in the first srun that names the
# container, and each suite's TIMEOUT is to measure the suite alone. ML_IMAGE_IMPORT_TIMEOUT (seconds)
# limits it: default ${common/* IMAGE_PULL_ALLOWANCE_S */.xX}, the time the job's --time allows for the import.
IMPORT_TIMEOUT=\${ML_IMAGE_IMPORT_TIMEOUT:-${common/* IMAGE_PULL_ALLOWANCE_S */.xX}}
case $IMPORT_TIMEOUT in
  ''|*[!0-9]*) printf '%s\\n' "ml-image: ML_IMAGE_IMPORT_TIMEOUT: expected whole seconds, got '$IMPORT_TIMEOUT'" >&2; exit 2 ;;
esac
printf '%s\\n' "ml-image: importing the image on ${where} (at most \${IMPORT_TIMEOUT}s)"
I_START=$(date +%s)
in_step "$RESULTS/import.out" "$RESULTS/import.err" \\
  timeout --kill-after=${KILL_AFTER_S} "$IMPORT_TIMEOUT" ${STEP_ENV} srun ${nodes} "\${CONTAINER[@]}" true
I_RC=$S_RC
if [ "$I_RC" != 0 ]; then
  if [ "$I_RC" = 124 ] || [ "$I_RC" = 137 ]; then
    printf '%s\\n' "ml-image: the image import did not finish within \${IMPORT_TIMEOUT}s: no suite ran (raise ML_IMAGE_IMPORT_TIMEOUT, and sbatch --time with it)" >&2
  else
    printf '%s\\n' "ml-image: the image import failed (srun exited $I_RC): no suite ran; check the image reference, the registry credentials (Enroot's .credentials) and $RESULTS/import.err" >&2
  fi
  tail -n 20 "$RESULTS/import.err" 2> /dev/null | sed 's/^/  | /' >&2
  exit 3
fi
printf '%s\\n' "ml-image: image imported in $(( $(date +%s) - I_START ))s"`;
}
/**
 * The named container's removal when the job ends, an EXIT trap (so after a failed import, or a
 * missing GPU, too). Pyxis keeps a named container after the job under its default
 * container_scope=global: an unpacked copy of the image on every node a step ran on, for good. A
 * task on each node of the job removes it by both of Pyxis' names, pyxis_NAME (global) and
 * pyxis_JOBID_NAME (container_scope=job, whose epilog removes it as well), each only where `enroot
 * list` shows it. Slurm refuses the step of a job it is ending (a plain scancel, the time limit's
 * TERM): the stop signal before it (slurm-stop.ts) is what lets it run.
 */
const REMOVE_CONTAINER_SHELL = `# Pyxis keeps a named container after the job (container_scope=global, its default): an unpacked copy
# of the image on every node a step ran on. At exit the job removes it on each of its nodes, by both
# of Pyxis' names (pyxis_NAME; pyxis_JOBID_NAME under container_scope=job), where enroot lists it.
remove_container() {
  ${STOP_IGNORED}
  timeout --kill-after=${REMOVE_KILL_AFTER_S} ${REMOVE_TIMEOUT_S} ${STEP_ENV} srun --nodes="\${SLURM_NNODES:-1}" --ntasks-per-node=1 sh -c \\
    'rc=0; for c in "$@"; do if enroot list 2> /dev/null | grep -qxF "$c"; then enroot remove -f "$c" > /dev/null || { printf "%s\\n" "ml-image: could not remove the container $c on $(hostname)" >&2; rc=1; }; fi; done; exit $rc' \\
    sh "pyxis_$CONTAINER_NAME" "pyxis_\${SLURM_JOB_ID:-0}_$CONTAINER_NAME" > /dev/null 2> "$RESULTS/remove.err" \\
    || printf '%s\\n' "ml-image: the container may be left on the nodes (exit $?, see $RESULTS/remove.err): remove it with enroot remove -f pyxis_$CONTAINER_NAME" >&2
}
trap remove_container EXIT`;
/**
 * Whole nodes (`--gpus-per-node all`, `#SBATCH --exclusive`): a job step gets the job's GRES
 * "except those implicitly requested when a job is exclusive" (srun(1), --gres), so where Slurm
 * constrains devices (cgroup ConstrainDevices=yes) a step would see no GPU. Every srun asks for the
 * GPUs of a node by count (--gres=gpu:N, added to CONTAINER): the fewest that Slurm's Gres lists
 * on a node of the job (gpu[:type]:N, types summed), else, when scontrol cannot tell, the first
 * node's /dev/nvidia[0-9]*. Where Slurm lists no GPU on any node but the devices are there, Slurm
 * does not manage the GPUs and the steps see them without asking. No GPU at all: exit 3.
 */
const EXCLUSIVE_GPUS_SHELL = `# --exclusive gives the job every GPU of its nodes, but a job step gets the job's GRES "except those
# implicitly requested when a job is exclusive" (srun(1), --gres): with ConstrainDevices=yes a step
# would see no GPU. So every srun asks for the GPUs of a node by count (--gres=gpu:N).
# node_gpus NODE: the GPUs Slurm's Gres lists on NODE (gpu[:type]:N, summed; 0 for none); fails
# when scontrol cannot tell
node_gpus() {
  n_info=$(scontrol show node "$1" 2> /dev/null) || return 1
  printf '%s\\n' "$n_info" | tr ' ' '\\n' | sed -n 's/^Gres=//p' | tr ',' '\\n' \\
    | sed -n 's/^gpu\\(:[^:(]*\\)\\{0,1\\}:\\([0-9][0-9]*\\).*/\\2/p' | awk '{ s += $1 } END { print s + 0 }'
}
# dev_gpus: the NVIDIA GPU devices of this node
dev_gpus() {
  set -- /dev/nvidia[0-9]*
  if [ -e "$1" ]; then echo "$#"; else echo 0; fi
}
GPUS=; GPU_MAX=0; GPU_NODE=\${SLURMD_NODENAME:-$(hostname)}
for g_node in $(scontrol show hostnames "\${SLURM_JOB_NODELIST:-}" 2> /dev/null); do
  g_n=$(node_gpus "$g_node") || { GPUS=; break; }
  if [ -z "$GPUS" ] || [ "$g_n" -lt "$GPUS" ]; then GPUS=$g_n; GPU_NODE=$g_node; fi
  if [ "$g_n" -gt "$GPU_MAX" ]; then GPU_MAX=$g_n; fi
done
DEV_GPUS=$(dev_gpus)
if [ -z "$GPUS" ]; then
  # scontrol could not tell: this node's devices
  GPUS=$DEV_GPUS; GPU_NODE=\${SLURMD_NODENAME:-$(hostname)}
elif [ "$GPU_MAX" = 0 ] && [ "$DEV_GPUS" -gt 0 ]; then
  # Slurm lists no GPU on any node of the job, yet they are here: Slurm does not manage them
  GPUS=unmanaged
fi
case $GPUS in
  0) echo "ml-image: no GPU found on node $GPU_NODE (its Slurm Gres, or /dev/nvidia* where scontrol cannot tell, shows none): submit to GPU nodes (--partition), or export with --gpus-per-node N" >&2
     exit 3 ;;
  unmanaged) echo "ml-image: Slurm manages no GPU here; the steps see the node's $DEV_GPUS GPU(s) without asking" ;;
  *) CONTAINER+=(--gres="gpu:$GPUS")
     echo "ml-image: every step asks for $GPUS GPU(s) per node (--gres=gpu:$GPUS)" ;;
esac`;
/**
 * No GPU asked for (`--gpus-per-node 0`): Enroot's nvidia hook gives the container the GPUs that
 * NVIDIA_VISIBLE_DEVICES names, and a CUDA image's own ENV says "all", which Pyxis lets win over the
 * host's value unless --container-env names it (Pyxis 0.12 and later). So the job sets "void" and
 * has the host's value win where this srun knows the flag; where it does not, it says so.
 */
const NO_GPUS_SHELL = `# No GPU asked for: a CUDA image's own NVIDIA_VISIBLE_DEVICES=all would give the steps every GPU of
# the node (Enroot's nvidia hook reads it); "void" hides them, where --container-env (Pyxis 0.12 and
# later) makes the host's value win over the image's.
export NVIDIA_VISIBLE_DEVICES=void
case $(srun --help 2>&1) in
  *--container-env*) CONTAINER+=(--container-env=NVIDIA_VISIBLE_DEVICES) ;;
  *) echo "ml-image: the GPUs of a node may be visible to this CPU-only run: this srun has no --container-env, so a CUDA image's NVIDIA_VISIBLE_DEVICES=all wins over void (Pyxis 0.12 and later hide them)" >&2 ;;
esac`;
/**
 * Every container step is `srun --container-image`, a flag of the Pyxis SPANK plugin, which `srun
 * --help` lists where the plugin is loaded. Without it the import step would fail as a bad image or
 * bad credentials would; the job says what is missing instead, exit 3 before any srun.
 */
const PYXIS_CHECK_SHELL = `# The steps run the image through the Pyxis plugin of srun (--container-image), Enroot on the nodes.
case $(srun --help 2>&1) in
  *--container-image*) ;;
  *) printf '%s\\n' "ml-image: no Pyxis on $(hostname) (srun --help lists no --container-image): this job runs the image through the Pyxis plugin and Enroot on every node; no suite ran. Submit to a cluster with Pyxis, or run the suites with ml-image smoke" >&2
     exit 3 ;;
esac`;
/** The sbatch script (bash). Throws InputError naming the flag for a value it cannot embed. */
function slurmScript(o) {
    const ref = (0,common/* checkSpec */.g3)(o);
    checkSlurmOptions(o);
    const name = checkJobName(o.name ?? DEFAULT_JOB_NAME);
    const cpus = o.cpus ?? 8;
    const port = o.rdzvPort ?? common/* DEFAULT_RDZV_PORT */.Jc;
    const steps = (0,common/* exportSteps */.C5)(o);
    const body = steps.flatMap((st) => ['', `# ${st.id}`, ...slurmStepLines(st, port)]);
    const meta = (0,job_meta_shell/* jobMetaConstants */.E2)(o, 'slurm', ref.ref, name, steps);
    // No import, and no container to remove, when every suite skips (no container step).
    const containerSteps = steps.some((st) => st.kind !== 'skip');
    const imports = containerSteps
        ? `\n${REMOVE_CONTAINER_SHELL}\n\n${importStepShell(steps.some((st) => st.kind === 'ddp'))}\n`
        : '';
    return `#!/bin/bash
# ml-image smoke suites on Slurm with Pyxis/Enroot, ${common/* EXPORT_MARKER */.sS} ${version/* VERSION */.x}.
# Submit: sbatch ${(0,common/* shellQuote */.ZL)(external_node_path_default().join(o.exportDir, SLURM_JOB_FILE))}
# Each suite writes RESULTS/<id>.json (the result line of ml_image_smoke.py plus id, suite,
# durationMs and exitCode) and RESULTS/<id>.out/.err; the job exits 1 when a suite failed.
# RESULTS/${job_schema/* JOB_META_FILE */.dZ} says what the job is; once every suite ran, it has finishedAt.
${sbatchLines(o, name, cpus).join('\n')}
# No "set -e": a failing suite is recorded and the others still run.
set -uo pipefail

${hideSecretsShell()}

# The image by digest, as Enroot names it: REGISTRY#REPOSITORY@DIGEST.
IMAGE=${(0,common/* shellQuote */.ZL)((0,common/* pyxisImage */.B3)(ref))}
# Older Enroot 3.x releases do not parse "@sha256:"; they take the digest in the tag slot:
# IMAGE=${(0,common/* shellQuote */.ZL)((0,common/* pyxisImage */.B3)(ref, true))}
TIMEOUT=${o.timeoutSeconds}
${common/* TIMEOUT_EXPORT_LINE */.si}
${(0,common/* gpuLines */._q)(o).join('\n')}

${exportDirLines(o)}

${(0,job_meta_shell/* slurmJobMetaShell */.C_)(meta)}

# The host's Python settings must not leak into the image under test (imports, pip check).
unset PYTHONPATH PYTHONHOME
export PYTHONNOUSERSITE=1 PYTHONUNBUFFERED=1

# One named container per node for every step: the image is imported and unpacked once (the import
# step; without a name each srun would import it again), and removed when the job ends.
# The home directory is not mounted (its ~/.local packages would change what pip check and the imports see),
# and of the export directory only the suites' script: the image under test reads no other file of
# the host's (the directory may be the one sbatch ran in, with a project's .env or .git/config).
CONTAINER_NAME=ml-image-smoke-\${SLURM_JOB_ID:-0}
CONTAINER=(--container-image="$IMAGE" --container-name="$CONTAINER_NAME"
  --container-mounts="$EXPORT_DIR/${SMOKE_SCRIPT_FILE}:${SLURM_SCRIPT}:ro" --no-container-mount-home --cpus-per-task=${cpus})
${containerSteps ? `\n${PYXIS_CHECK_SHELL}\n` : ''}${o.gpusPerNode === 'all' ? `\n${EXCLUSIVE_GPUS_SHELL}\n` : ''}${o.gpusPerNode === 0 ? `\n${NO_GPUS_SHELL}\n` : ''}
${STOP_SHELL}

${common/* RECORD_SHELL */.he}

${RUN_STEP_SHELL}
${imports}${body.join('\n')}

# Every suite ran: a stop signal from here on changes nothing.
${STOP_IGNORED}
${job_meta_shell/* JOB_META_FINISHED_LINE */.UO}
printf '%s\\n' "ml-image: results in $RESULTS"
exit "$FAILED"
`;
}

// EXTERNAL MODULE: ./src/requirements/markers.ts
var markers = __webpack_require__(42971);
;// CONCATENATED MODULE: ./src/export/imports.ts
// The names an export's imports suite imports: the requirements pip installs on the image, as the
// smoke stage takes them for each platform it tests (environment markers on the variant's Python
// and the platform's machine). Pure: the caller reads the requirements.

/**
 * The imports suite's names for an image of PLATFORMS ("linux/amd64"), NAMES_FOR giving those of one
 * (undefined: a platform whose machine is not known, a marker on it keeps its requirement). One
 * platform, or the same names on each: those. Names that differ by machine: each machine's
 * (`uname -m`, chosen where the suite runs), and as `distributions` those every platform installs.
 */
function importsByMachine(platforms, namesFor) {
    if (platforms.length <= 1)
        return { distributions: namesFor(platforms[0]) };
    const lists = platforms.map((p) => ({
        machine: (0,markers/* linuxMarkerEnvironment */.Y)(p).platform_machine,
        names: namesFor(p),
    }));
    const [first] = lists;
    const same = (names) => names.join('\n') === first.names.join('\n');
    if (lists.every((l) => same(l.names)))
        return { distributions: first.names };
    const machines = new Set(lists.map((l) => l.machine));
    // A machine that is not known (or two platforms of one): the names of a machine not known.
    if (machines.has(undefined) || machines.size < lists.length)
        return { distributions: namesFor(undefined) };
    return {
        distributions: first.names.filter((n) => lists.every((l) => l.names.includes(n))),
        distributionsByMachine: Object.fromEntries(lists.map((l) => [l.machine, l.names])),
    };
}

// EXTERNAL MODULE: ./src/smoke/config-inputs.ts
var config_inputs = __webpack_require__(46985);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(96657);
// EXTERNAL MODULE: ./src/config/platform.ts
var config_platform = __webpack_require__(15063);
// EXTERNAL MODULE: ./src/util/read-regular.ts
var read_regular = __webpack_require__(23387);
;// CONCATENATED MODULE: ./src/cli/commands/export-summary.ts
// What `ml-image export` prints when it has written a job: the --json summary and the human lines
// (files, image, what runs where, how to submit and collect, and notes); and the job files in --out
// DIR: which are an export's, and their removal when an export stops without writing its own.







function exportSummary(source, spec, slurm, written) {
    const ref = (0,common/* pinnedImage */.QJ)(source.image);
    return {
        target: slurm ? 'slurm' : 'k8s',
        image: ref.ref,
        ...(slurm && { containerImage: (0,common/* pyxisImage */.B3)(ref) }),
        ...(source.variant !== undefined && { variant: source.variant }),
        ...(source.platforms !== undefined && { platforms: source.platforms }),
        nodes: spec.nodes,
        gpusPerNode: spec.gpusPerNode,
        suites: [...new Set(spec.suites)],
        ...(spec.driverFloor && { driverFloor: spec.driverFloor }),
        ...written,
    };
}
/**
 * The human summary: files, image, what runs where, how to submit and collect, and notes. Without
 * --config (`config: false`) no smoke setting of the project is read: said, since the imports suite
 * then skips in the job while `runs:` lists it.
 */
function summaryLines(summary, { config = true } = {}) {
    const { suites } = summary;
    const lines = [
        ...summary.files.map((f) => `wrote ${f}`),
        `image:   ${summary.containerImage ?? summary.image}`,
        `runs:    ${suites.filter((s) => s !== 'custom').join(', ') || 'no suite'} on ${summary.nodes} ${summary.target === 'slurm' ? 'node' : 'pod'}(s) x ${summary.gpusPerNode === 'all' ? 'every GPU' : `${summary.gpusPerNode} GPU(s)`}`,
        `submit:  ${summary.submit}`,
        `results: ${summary.results}`,
        `collect: ${summary.collect}`,
    ];
    if (summary.gpusPerNode === 0 && suites.some((s) => s === 'gpu' || s === 'compute' || s === 'ddp'))
        lines.push('note:    no GPUs requested: gpu skips, compute and ddp run on CPU (pass --gpus-per-node N)');
    if (summary.gpusPerNode === 'all')
        lines.push('note:    whole nodes (--exclusive), ddp over every GPU a node shows; where GPUs are given only on request, pass --gpus-per-node N');
    if (summary.gpusPerNode === 1 && suites.includes('ddp'))
        lines.push('note:    ddp runs over 1 GPU per node: pass --gpus-per-node N (the GPUs of a node) for an all-reduce across them');
    if (summary.driverFloor !== undefined && summary.gpusPerNode !== 0)
        lines.push(driverLine(summary));
    if (suites.includes('custom'))
        lines.push('note:    custom tests are not exported; run them with ml-image smoke');
    if (!config)
        lines.push(`note:    no --config: no smoke settings were read${suites.includes('imports') ? ', so imports skips (no requirements to import)' : ''}; pass --config ml-image.yml for its requirements, smoke.suites, timeout and floors`);
    if (summary.platforms?.length === 1)
        lines.push(onePlatformNote(summary, summary.platforms[0]));
    return lines;
}
/** The variant's driver floor: checked by the gpu suite, else said to be checked by nothing. */
function driverLine({ driverFloor, suites }) {
    return suites.includes('gpu')
        ? `driver:  NVIDIA >= ${driverFloor} (plan.json): the gpu suite fails on a node below it (but where NVIDIA's forward compatibility, cuda-compat, runs it)`
        : `note:    the variant needs NVIDIA driver >= ${driverFloor} (plan.json); no gpu suite runs to check it (add gpu to --suites)`;
}
/** The note of an image built for PLATFORM only: where it runs, as the job asks for it. */
function onePlatformNote(summary, platform) {
    const built = `note:    the image is built for ${platform} only`;
    if (summary.target === 'slurm')
        return `${built}: submit it to nodes of that architecture (--partition)`;
    const asked = summary.nodeSelector?.[ARCH_LABEL];
    if (asked === undefined)
        return `${built}: the Job asks for no ${ARCH_LABEL}; run it on nodes of that architecture`;
    // A --node-selector of the label wins over the image's (an emulating node pool): said as the flag's.
    const flag = asked === (0,config_platform/* archOf */.Qh)(platform) ? '' : ' (--node-selector)';
    return `${built}: the Job asks for ${ARCH_LABEL}=${asked} nodes${flag}`;
}
/**
 * What marks NAME in DIR (--out OUT) as an export's: the smoke script's docstring, else the
 * "exported by ml-image-action" line of the job files (a job.yaml of a version before its header
 * line has it in the ConfigMap's run.sh). Never a label alone: a person's Job may carry
 * app.kubernetes.io/managed-by: ml-image-action and is kept (and never removed) all the same.
 */
function foreignCheck(out, force, name) {
    const script = name === SMOKE_SCRIPT_FILE;
    return {
        prefix: 'export: ',
        flag: `--out ${external_node_path_default().join(out, name)}`,
        ours: (text) => (script ? text.includes(common/* SMOKE_SCRIPT_MARKER */.HW) : text.includes(common/* EXPORT_MARKER */.sS)),
        tell: script ? 'it is not the smoke script' : `no "${common/* EXPORT_MARKER */.sS}" line`,
        force,
        fix: 'pass --out another directory',
    };
}
/**
 * An export that stops without writing its job (a failed --verify, bad input, an unreachable
 * registry) removes the files of its target that an earlier export left in DIR, so that no pipeline
 * applies or submits the earlier image's job: by name, only regular files an export wrote (never a
 * person's file, a link or the directory), and adds what it removed, or could not, to E's message.
 */
function removeEarlierJob(cwd, out, slurm, e) {
    const dir = external_node_path_default().resolve(cwd, out);
    const removed = [];
    const kept = [];
    for (const name of slurm ? [SLURM_JOB_FILE, SMOKE_SCRIPT_FILE] : [K8S_JOB_FILE]) {
        const file = external_node_path_default().join(dir, name);
        try {
            if (!(0,read_regular/* statOrAbsent */.Hg)(file, true)?.isFile())
                continue;
            const text = (0,read_regular/* readRegularFile */.XF)(file, read_regular/* MAX_JSON_INPUT_BYTES */.lj).toString('utf8');
            if (!foreignCheck(out, false, name).ours(text))
                continue;
        }
        catch {
            continue; // nothing there to look at, or not readable: nothing that is known to be an export's
        }
        try {
            (0,external_node_fs_.unlinkSync)(file);
            removed.push(name);
        }
        catch (err) {
            kept.push(`${name} (${err.code ?? String(err)})`);
        }
    }
    if (!(e instanceof Error))
        return;
    if (removed.length > 0)
        e.message += `; removed the earlier ${removed.join(' and ')} from ${out}`;
    if (kept.length > 0)
        e.message += `; the earlier ${kept.join(' and ')} in ${out} could not be removed: it is not this export's job, do not apply it`;
}

// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/config/user-map.ts
var user_map = __webpack_require__(4148);
;// CONCATENATED MODULE: ./src/cli/commands/export-flags.ts
// The values of `ml-image export`'s own flags that are more than a string: numbers, --gpus-per-node,
// the Kubernetes node selector and tolerations (exit 2 naming the flag).



const wholeNumber = (flag, raw, fallback) => {
    if (raw === undefined)
        return fallback;
    if (!/^\d+$/.test(raw.trim()))
        throw new errors/* InputError */.dz(`export: ${flag}: expected a whole number, got ${JSON.stringify(raw)}`);
    // So many digits that the number is rounded (99999999999999999999 is 1e20): refused as typed,
    // not as the number it rounds to, which is not what was given.
    const n = Number(raw.trim());
    if (!Number.isSafeInteger(n))
        throw new errors/* InputError */.dz(`export: ${flag}: ${JSON.stringify((0,util_text/* clip */.$Q)(raw.trim(), 40))} is too large a number`);
    return n;
};
/**
 * --gpus-per-node N | all. Default: none for a CPU variant; for a CUDA variant of plan.json, whole
 * nodes on Slurm ('all': --exclusive, ddp over every GPU a node shows) and 1 on Kubernetes (a pod
 * asks for a number of GPUs).
 */
function gpusPerNodeFlag(raw, cuda, slurm) {
    if (raw?.trim() === 'all')
        return 'all';
    if (raw !== undefined && !/^\d+$/.test(raw.trim()))
        throw new errors/* InputError */.dz(`export: --gpus-per-node: expected a whole number or "all", got ${JSON.stringify(raw)}`);
    return wholeNumber('--gpus-per-node', raw, cuda ? (slurm ? 'all' : 1) : 0);
}
/** --node-selector k=v[,k=v] */
function nodeSelectorFlag(raw) {
    if (raw === undefined)
        return undefined;
    const out = {};
    for (const pair of raw.split(',').filter(Boolean)) {
        const eq = pair.indexOf('=');
        if (eq <= 0)
            throw new errors/* InputError */.dz(`export: --node-selector: expected KEY=VALUE, got "${pair}"`);
        const key = pair.slice(0, eq).trim();
        // Assigning it would set the object's prototype: the selector would vanish without a word.
        if (key === user_map/* RESERVED_MAP_KEY */.At)
            throw new errors/* InputError */.dz(`export: --node-selector: ${user_map/* RESERVED_MAP_KEY_PROBLEM */.ER}`);
        // The last one would win without a word: the pod placed on other nodes than were typed.
        if (Object.hasOwn(out, key))
            throw new errors/* InputError */.dz(`export: --node-selector: ${key} is given twice (a pod matches one value of a label)`);
        out[key] = pair.slice(eq + 1).trim();
    }
    return out;
}
/** --toleration KEY[=VALUE][:EFFECT] (repeatable): Equal with a value, else Exists. */
function tolerationFlag(raw) {
    const m = /^([^=:]+)(?:=([^:]*))?(?::(.*))?$/.exec(raw);
    if (!m)
        throw new errors/* InputError */.dz(`export: --toleration: expected KEY[=VALUE][:EFFECT], got "${raw}"`);
    const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
    const effect = m[3] === undefined ? undefined : effects.find((e) => e === m[3]);
    if (m[3] !== undefined && effect === undefined)
        throw new errors/* InputError */.dz(`export: --toleration: effect must be ${effects.join(', ')}, got ${JSON.stringify(m[3])}${(0,util_text/* didYouMean */.au)(m[3], effects)}`, 'e.g. --toleration nvidia.com/gpu:NoSchedule (the effect as Kubernetes spells it)');
    return {
        key: m[1],
        operator: m[2] !== undefined ? 'Equal' : 'Exists',
        ...(m[2] !== undefined && { value: m[2] }),
        ...(effect !== undefined && { effect }),
    };
}

// EXTERNAL MODULE: ./src/build/result.ts
var result = __webpack_require__(99183);
;// CONCATENATED MODULE: ./src/export/source.ts
// Where an export's image comes from when it is not given: the build.json (and plan.json) that
// `ml-image build --out DIR` writes, read through the results contract (src/results/: each file
// parsed with its schema there). Pure: the caller reads the files.


/** The image of one variant of a build.json, by digest; `file` names the file in errors. */
function imageFromBuild(build, file, variant) {
    const v = (0,result/* pickVariant */.rx)(build, file, variant, (n, names) => `${file} has ${n} variants (${names})`);
    // The merged multi-arch digest, else the one platform's pushed digest (each node pulls its arch).
    const pinned = (0,result/* pinnedImage */.QJ)(v);
    if (pinned === undefined)
        throw new errors/* InputError */.dz(`pin by digest: variant ${v.variant} in ${file} has no pushed digest (from build.json: built without push or merge)`, 'build with push and merge enabled so the cluster can pull the image by digest, or pass --image REF@sha256:...');
    return { image: pinned.image, variant: v.variant, platforms: pinned.platforms };
}

// EXTERNAL MODULE: ./src/plan/schema.ts
var schema = __webpack_require__(47684);
// EXTERNAL MODULE: ./src/results/results.ts + 6 modules
var results = __webpack_require__(98510);
;// CONCATENATED MODULE: ./src/cli/commands/export-source.ts
// Where `ml-image export` takes its image from: --image REF@sha256:..., or the variant's digest in
// --from DIR/build.json (with DIR/plan.json's driver floor and Python), and whether DIR holds the
// environment record the report needs.







/** The architecture of an image built for one platform only (`arm64` of linux/arm64: build.json's
 * schema takes only the platforms a build builds). */
const onlyArch = (source) => source.platforms?.length === 1 ? (0,config_platform/* archOf */.Qh)(source.platforms[0]) : undefined;
/** The image by digest: --image, or the variant's digest in --from DIR/build.json (+ plan.json). */
function imageSource(values, io) {
    if (values.from === undefined)
        return { image: (0,common/* pinnedImage */.QJ)(values.image).ref };
    const dir = external_node_path_default().resolve(io.cwd, values.from);
    const buildFile = external_node_path_default().join(dir, results/* BUILD_FILE */.oS);
    if (!(0,external_node_fs_.existsSync)(buildFile))
        throw (0,results/* noBuildFile */.gH)(dir, `export: --from ${values.from}`, 'write it with "ml-image build --out DIR", or pass --image REF@sha256:...');
    // The build's result directory, only read: build.json and plan.json through their schemas.
    const from = (0,results/* openResultDir */.lR)(dir, `export: --from ${values.from}`, { create: false });
    const { image, variant, platforms } = imageFromBuild(from.readBuild({ what: 'build result (--from)', fix: 'pass the --out directory of "ml-image build"' }), buildFile, values.variant);
    const plan = from.readPlan({ what: 'plan (--from)' });
    const planned = plan && (0,schema/* variantFromPlan */.Hh)(plan, variant);
    // A floor the gpu suite cannot take is bad input in the file it came from, named with its field.
    (0,common/* checkDriverFloor */.t6)(planned?.driverFloor, `${values.from}/${results/* PLAN_FILE */.VI}: ${planned?.driverFloorField}`, 'the NVIDIA driver version the CUDA release needs, as "ml-image plan" writes it');
    const python = plan?.variants.find((v) => v.name === variant)?.python;
    return {
        image: (0,common/* pinnedImage */.QJ)(image, `${values.from}/${results/* BUILD_FILE */.oS}`).ref,
        variant,
        platforms,
        ...(planned !== undefined && { planned }),
        ...(python !== undefined && { python }),
        noEnvRecord: !platforms.every((p) => from.hasEnv(variant, p)),
    };
}

// EXTERNAL MODULE: ./src/cli/commands/verify.ts + 7 modules
var commands_verify = __webpack_require__(44672);
;// CONCATENATED MODULE: ./src/cli/commands/export.ts


















const EXPORT_OPTIONS = {
    slurm: { type: 'boolean', default: false },
    k8s: { type: 'boolean', default: false },
    image: { type: 'string' },
    from: { type: 'string' },
    variant: { type: 'string' },
    config: { type: 'string' },
    suites: { type: 'string' },
    nodes: { type: 'string' },
    'gpus-per-node': { type: 'string' },
    cpus: { type: 'string' },
    memory: { type: 'string' },
    timeout: { type: 'string' },
    name: { type: 'string' },
    partition: { type: 'string' },
    account: { type: 'string' },
    namespace: { type: 'string' },
    'node-selector': { type: 'string' },
    toleration: { type: 'string', multiple: true },
    'image-pull-secret': { type: 'string', multiple: true },
    'runtime-class': { type: 'string' },
    force: { type: 'boolean', default: false },
    verify: { type: 'boolean' },
    ...commands_verify.VERIFY_OPTIONS,
    'verify-timeout': { type: 'string' },
};
const parseExportArgs = (argv) => (0,args/* parseCommandArgs */.Qx)('export', argv, EXPORT_OPTIONS).values;
/** What --verify checks against: a key or a certificate identity. */
const SIGNER_FLAGS = ['key', 'certificate-identity', 'certificate-identity-regexp'];
/**
 * Flags that make no export (exit 2): no target or both, no --out (which job, in which DIR, is not
 * known), a verify flag without --verify, --verify without a key or identity. The earlier job in
 * DIR stays: docs/cluster-export.md lists these.
 */
function checkExportAsked(values, verifyValues) {
    if (values.slurm === values.k8s)
        throw new errors/* InputError */.dz('export: pass exactly one of --slurm or --k8s');
    if (values.out === undefined)
        throw new errors/* InputError */.dz('export: --out DIR is required (the files are written there)');
    const signer = SIGNER_FLAGS.some((f) => values[f]?.trim());
    // Throws for a stray verify flag, or (--verify, no signer) for the missing key or identity.
    if (values.verify !== true || !signer)
        (0,commands_verify.verifyRequestFor)('export', verifyValues);
}
/** One image source; no option of the other target; --verify without --platform (exit 2). */
function checkFlagCombination(values) {
    if ((values.image === undefined) === (values.from === undefined))
        throw new errors/* InputError */.dz('export: pass exactly one of --image REF@sha256:... or --from DIR');
    if (values.variant !== undefined && values.from === undefined)
        throw new errors/* InputError */.dz('export: --variant selects a variant of --from DIR/build.json; pass --from');
    const slurmOnly = values.partition !== undefined || values.account !== undefined;
    const k8sOnly = values.namespace !== undefined ||
        values['node-selector'] !== undefined ||
        values.toleration !== undefined ||
        values['image-pull-secret'] !== undefined ||
        values['runtime-class'] !== undefined;
    if (values.k8s && slurmOnly)
        throw new errors/* InputError */.dz('export: --partition and --account are Slurm options');
    if (values.slurm && k8sOnly)
        throw new errors/* InputError */.dz('export: --namespace, --node-selector, --toleration, --image-pull-secret and --runtime-class are Kubernetes options');
    if (values.verify === true && values.platform !== undefined)
        throw new errors/* InputError */.dz(`export: --verify --platform ${values.platform} would check one platform of the image while the job runs the image on every node (each pulls its own architecture)`, `drop --platform so that every platform is checked, or pass the ${values.platform} image's own digest as --image`);
}
/** The spec both targets share: suites, sizes and timeouts from the flags, the config and plan.json. */
function exportSpec(values, io, source) {
    const loaded = values.config !== undefined ? (0,load/* loadConfig */.Z9)({ cwd: io.cwd, env: io.env, file: values.config }) : undefined;
    const suites = (0,args/* suitesFlag */.YK)('export', values.suites, loaded?.config.smoke.suites);
    // The requirement names (imports) and the floors the suites are judged against, as smoke takes them:
    // the names pip installs on the variant's Python (plan.json's, else the config's) and platforms.
    const python = source.python ??
        loaded?.config.variants.find((v) => v.name === source.variant)?.python ??
        loaded?.config.python.version;
    const { distributionsFor, baseline } = (0,config_inputs/* configSmokeInputs */.P)(loaded, io.env, { python });
    const names = importsByMachine(source.platforms ?? loaded?.config.platforms ?? [], (platform) => distributionsFor(platform, python));
    const { planned } = source;
    return {
        image: source.image,
        suites,
        nodes: wholeNumber('--nodes', values.nodes, 1),
        gpusPerNode: gpusPerNodeFlag(values['gpus-per-node'], planned?.cuda === true, values.slurm === true),
        timeoutSeconds: wholeNumber('--timeout', values.timeout, loaded?.config.smoke.timeoutSeconds ?? 600),
        ...names,
        baseline,
        ...(planned?.driverFloor !== undefined && { driverFloor: planned.driverFloor }),
        cpus: wholeNumber('--cpus', values.cpus, 8),
        ...(values.memory !== undefined && { memory: values.memory }),
        name: values.name ?? jobNameFor(source.image, source.variant),
    };
}
/**
 * OUT/FILE as the printed submit command's word: quoted, and never read as an option (`--out -o`
 * would have sbatch take `-o/job.sbatch` as its output file and wait for a script on stdin).
 */
const fileWord = (out, file) => {
    const p = external_node_path_default().join(out, file);
    return (0,common/* shellQuote */.ZL)(p.startsWith('-') ? `./${p}` : p);
};
/**
 * Where `ml-image collect` writes the job's results: the --from DIR (its build.json holds the
 * image), with --capture where DIR holds no environment record (which the report needs).
 */
const collectInto = (values, source) => values.from !== undefined
    ? // "./-b", never read as an option: collect refuses "--out -b" as a flag that lacks its value.
        `${(0,common/* shellQuote */.ZL)(values.from.startsWith('-') ? `./${values.from}` : values.from)}${source.noEnvRecord ? ' --capture' : ''}`
    : "'<the build result directory>'";
/** The pods' log, every line (kubectl logs -l keeps 10 lines a pod without --tail=-1). */
const podLogs = (values, spec) => `kubectl logs${values.namespace ? ` -n ${values.namespace}` : ''} -l ${JOB_LABEL}=${spec.name} --tail=-1`;
/** DIR/ml_image_smoke.py, then DIR/job.sbatch (no new job beside a script it does not match). */
function slurmJob(values, io, spec, smokeScript, source) {
    const out = values.out;
    const text = slurmScript({
        ...spec,
        exportDir: external_node_path_default().resolve(io.cwd, out),
        ...(values.partition !== undefined && { partition: values.partition }),
        ...(values.account !== undefined && { account: values.account }),
    });
    return {
        files: [
            { name: SMOKE_SCRIPT_FILE, text: smokeScript },
            { name: SLURM_JOB_FILE, text },
        ],
        submit: `sbatch ${fileWord(out, SLURM_JOB_FILE)}`,
        results: `${external_node_path_default().join(external_node_path_default().resolve(io.cwd, out), 'results')}/<job id>/<suite>.json`,
        collect: `ml-image collect --slurm ${fileWord(out, 'results')}/'<job id>' --out ${collectInto(values, source)}`,
    };
}
/**
 * DIR/job.yaml: the ConfigMap, Service and Job. An image built for one architecture (ARCH) runs on
 * nodes of it only (kubernetes.io/arch, unless --node-selector says otherwise): elsewhere the pull
 * finds no manifest for the node, or the container dies with "exec format error".
 */
function k8sJob(values, spec, smokeScript, source) {
    const arch = onlyArch(source);
    const out = values.out;
    const given = nodeSelectorFlag(values['node-selector']);
    const nodeSelector = jobNodeSelector({ arch, nodeSelector: given });
    const manifests = k8sManifests({
        ...spec,
        smokeScript,
        ...(values.namespace !== undefined && { namespace: values.namespace }),
        ...(arch !== undefined && { arch }),
        ...(given !== undefined && { nodeSelector: given }),
        ...(values.toleration !== undefined && { tolerations: values.toleration.map(tolerationFlag) }),
        ...(values['image-pull-secret'] !== undefined && { imagePullSecrets: values['image-pull-secret'] }),
        ...(values['runtime-class'] !== undefined && { runtimeClassName: values['runtime-class'] }),
    });
    return {
        files: [{ name: K8S_JOB_FILE, text: k8sYaml(manifests) }],
        ...(nodeSelector !== undefined && { nodeSelector }),
        // An earlier run of the same name goes first: a Job's pod template cannot change in place.
        submit: k8sSubmit(fileWord(out, K8S_JOB_FILE)),
        results: `${podLogs(values, spec)} | grep '^${job_schema/* RESULT_PREFIX */.Dd}'`,
        collect: `${podLogs(values, spec)} > smoke.log && ml-image collect --k8s smoke.log --out ${collectInto(values, source)}`,
    };
}
const exportCommand = {
    name: 'export',
    options: EXPORT_OPTIONS,
    summary: 'Write a Slurm (Pyxis/Enroot) or Kubernetes job that runs the smoke suites against the image by digest.',
    usage: 'ml-image export (--slurm | --k8s) (--image REF@sha256:... | --from DIR [--variant NAME]) [--config FILE] [--suites a,b] [--nodes N] [--gpus-per-node N|all] [--timeout S] [--namespace NS] [--verify --key FILE|--certificate-identity-regexp RE ... [--verify-timeout SECONDS]] [--force] --out DIR',
    help: `Runs the same suites as "ml-image smoke" on a cluster, against exactly the image that was built:
the reference must carry its digest (taken from DIR/build.json with --from).

  --slurm   DIR/job.sbatch + DIR/ml_image_smoke.py: srun --container-image (Pyxis/Enroot) per suite on
            the first node; ddp on every node through torchrun with a c10d rendezvous. DIR must be on
            a filesystem the nodes mount. Results: DIR/results/<job id>/<suite>.json.
  --k8s     DIR/job.yaml: a ConfigMap (the smoke script and a driver) and a batch/v1 Job that requests
            nvidia.com/gpu (the NVIDIA device plugin must run) with a memory-backed /dev/shm. With
            --nodes > 1 an Indexed Job of N pods and a headless Service; ddp spans the pods.
            Results: one "${job_schema/* RESULT_PREFIX */.Dd}{json}" line per suite in the pod logs. The submit line
            deletes an earlier run of the name first (a Job cannot change in place).
Custom tests (smoke.tests) are not exported; run them with "ml-image smoke".

Options:
  --image REF@sha256:D  the image, pinned by digest
  --from DIR            take the image from DIR/build.json ("ml-image build --out DIR"); the
                        driver floor and the GPU default from DIR/plan.json
  --variant NAME        the variant of build.json (needed when it has several)
  --config FILE         ml-image.yml: default suites, timeout, requirements for the imports suite
                        (those whose markers hold on the variant's Python and each platform),
                        smoke.baseline (its floors first, then the bundled ones)
  --suites LIST         comma-separated (default: the config's smoke.suites, else all)
  --nodes N             nodes (Slurm) or pods (Kubernetes), default 1; more than 1 only with the
                        ddp suite, the one suite that spans them (the others run on the first)
  --gpus-per-node N|all GPUs per node; with GPUs, train and ddp must run on CUDA (no CPU or gloo
                        fallback). Default for a CUDA variant of plan.json: all on Slurm (whole
                        nodes, --exclusive; ddp over every GPU a node shows), 1 on Kubernetes (a pod
                        asks for a number); else 0 (CPU only)
  --cpus N              CPUs per node (default 8)
  --memory SIZE         memory per node, e.g. 64Gi (Mi, Gi, Ti; Slurm's 64G reads the same):
                        sbatch --mem, the pod's memory request and limit (default: the cluster's,
                        which /dev/shm and 8 ranks may outgrow)
  --timeout S           per-suite timeout in seconds (default: the config's, else 600)
  --name NAME           job name (default: ml-image-smoke[-VARIANT]-HASH6, HASH6 of the image's
                        repository and the variant: a Kubernetes submit deletes an earlier Job
                        of its name)
  --partition P, --account A            Slurm only
  --namespace NS, --node-selector K=V[,K=V], --toleration KEY[=VALUE][:EFFECT]  Kubernetes only
  --image-pull-secret NAME   (repeatable, Kubernetes) a Secret in the namespace the kubelet pulls a
                        private image with (kubectl create secret docker-registry NAME ...)
  --runtime-class NAME  (Kubernetes) the pod's RuntimeClass, e.g. nvidia where the NVIDIA runtime is
                        not the nodes' default (else the pod gets its GPUs but sees none)
  --out DIR             where the files go; a file there that no export wrote is kept (exit 2)
  --force               replace such files too
  --verify              first check the digest as "ml-image verify" does, with its flags (a key or
                        a certificate identity is required; not --platform: every platform a node
                        may pull is checked); a failed check writes no job:
${commands_verify.VERIFY_OPTIONS_HELP}
${(0,commands_verify.verifyTimeoutHelp)('export')}

Exit codes: 0 written; 1 --verify: a check failed (nothing written); 2 bad input (a reference
without a digest, an invalid name, --nodes > 1 without ddp, a file in DIR that no export wrote); 3 --verify: the registry or cosign cannot be reached, or did not answer within --verify-timeout.
An export that writes no job (1, 2 or 3) removes the job an earlier export left in DIR (its files
that an export wrote), so that it is not applied by mistake.`,
    async run(argv, io) {
        const values = parseExportArgs(argv);
        // Its own --timeout is the smoke tests': the verify's deadline is --verify-timeout.
        const verifyValues = { ...values, timeout: values['verify-timeout'] };
        checkExportAsked(values, verifyValues);
        try {
            // Bad input from here on (a flag's value, --verify's included) is an export that wrote no job.
            checkFlagCombination(values);
            return await exportJob(values, io, (0,commands_verify.verifyRequestFor)('export', verifyValues));
        }
        catch (e) {
            // No job written: none an earlier export left in DIR stays there to be applied by mistake.
            removeEarlierJob(io.cwd, values.out, values.slurm === true, e);
            throw e;
        }
    },
};
/** The export once its flags are checked: read the image, build the job, verify, write. */
async function exportJob(values, io, verify) {
    const source = imageSource(values, io);
    const spec = exportSpec(values, io, source);
    const smokeScript = (0,external_node_fs_.readFileSync)((0,images_dir/* probeFile */.pr)((0,images_dir/* findImagesDir */.P0)(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url))), images_dir/* SMOKE_SCRIPT */.IB), 'utf8');
    const slurm = values.slurm === true;
    // Every file's text first: bad input is exit 2 before the registry is asked anything.
    const job = slurm
        ? slurmJob(values, io, spec, smokeScript, source)
        : k8sJob(values, spec, smokeScript, source);
    // A file there that no export wrote is a person's (a hand-written job.yaml): kept unless --force.
    for (const f of job.files)
        (0,output/* refuseForeignFile */.D3)(external_node_path_default().resolve(io.cwd, values.out, f.name), foreignCheck(values.out, values.force === true, f.name));
    // --verify: the digest the job will run is checked before any file is written.
    const verified = verify && (await (0,commands_verify.verifyBeforeWrite)(io, 'export', source.image, verify, values.json));
    const written = {
        files: job.files.map((f) => (0,output/* writeOutFile */.Wd)(io.cwd, values.out, f.name, f.text)),
        submit: job.submit,
        results: job.results,
        collect: job.collect,
    };
    const summary = {
        ...exportSummary(source, spec, slurm, written),
        ...(job.nodeSelector && { nodeSelector: job.nodeSelector }),
    };
    io.stdout(values.json
        ? `${JSON.stringify({ ...summary, ...(verified && { verified: verified.checks }) }, null, 2)}\n`
        : `${summaryLines(summary, { config: values.config !== undefined }).join('\n')}\n`);
    return 0;
}


/***/ }),

/***/ 29882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IB: () => (/* binding */ SMOKE_SCRIPT),
/* harmony export */   JW: () => (/* binding */ PROBE_SCRIPT),
/* harmony export */   P0: () => (/* binding */ findImagesDir),
/* harmony export */   pr: () => (/* binding */ probeFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
// Where this tool's images/ folder is (Dockerfile templates and the in-container probe): next to
// dist/ when bundled, at the repository root in development. Every entry point looks it up once.



/** The in-container scripts in images/probe/: the probe that writes env.json, and the smoke suites. */
const PROBE_SCRIPT = 'ml_image_probe.py';
const SMOKE_SCRIPT = 'ml_image_smoke.py';
/** FILE of IMAGES_DIR/probe/ (IMAGES_DIR: findImagesDir's). */
const probeFile = (imagesDir, file) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(imagesDir, 'probe', file);
/** images/ of this tool: next to dist/ when bundled, at the repository root in development. */
function findImagesDir(start) {
    let dir = start;
    for (;;) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'images', 'cpu', 'Dockerfile')))
            return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, 'images');
        const up = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(dir);
        if (up === dir)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`cannot find the images/ templates above ${start}`, 'the action or CLI is incomplete: images/ must sit next to dist/ (reinstall or check out the whole repository)');
        dir = up;
    }
}


/***/ })

};
