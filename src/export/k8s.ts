// `ml-image export --k8s`: a ConfigMap with the smoke script and a driver, and a batch/v1 Job running
// the image by digest. One pod runs the suites (ddp through torchrun --standalone over its GPUs); with
// --nodes N > 1 the Job is Indexed (N pods) behind a headless Service, and ddp spans the pods through
// a c10d rendezvous at pod 0. Pure: the caller writes the YAML.
import { InputError } from '../errors.js';
import { ARCH_LABEL, checkK8sOptions, type K8sPodOptions, type Toleration } from './k8s-options.js';
import { VERSION } from '../version.js';
import { k8sMemory } from './memory.js';
import {
  checkSpec,
  DEFAULT_RDZV_PORT,
  EXPORT_MARKER,
  type ExportSpec,
  type ExportStep,
  exportSteps,
  gpuLines,
  IMAGE_PULL_ALLOWANCE_S,
  jobDeadlineSeconds,
  machineCaseLines,
  pinnedImage,
  RECORD_SHELL,
  shellQuote,
  skipJson,
  stepWords,
  TIMEOUT_EXPORT_LINE,
} from './common.js';
import { checkJobName, DEFAULT_JOB_NAME } from './job-name.js';
import { JOB_PREFIX, RESULT_PREFIX } from '../smoke/job-schema.js';
import { JOB_META_FINISHED_LINE, jobMetaConstants, nodeEnv, podJobMetaShell } from './job-meta-shell.js';

// job.yaml as text, and how it is applied: src/export/k8s-yaml.ts.
export { ARCH_LABEL, type Toleration } from './k8s-options.js';
export { K8S_JOB_FILE, k8sSubmit, k8sYaml, plainYamlString } from './k8s-yaml.js';
export { RESULT_PREFIX } from '../smoke/job-schema.js';

const K8S_MOUNT = '/ml-image';
/** The pod label that selects this export's pods (Service selector, kubectl logs -l). */
export const JOB_LABEL = 'ml-image-action/job';

/** The Job's options: the spec both targets share, and the pod's Kubernetes settings (k8s-options.ts). */
export interface K8sOptions extends ExportSpec, K8sPodOptions {
  /** Text of images/probe/ml_image_smoke.py, shipped in the ConfigMap. */
  smokeScript: string;
}

const POD_SCRIPT = '"$SCRIPT"';

/** The ddp suite across the pods through pod 0 (one pod runs the script's own ddp suite). */
function podDdpLines(o: K8sOptions, name: string): string[] {
  const port = o.rdzvPort ?? DEFAULT_RDZV_PORT;
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
function podStepLines(st: ExportStep, o: K8sOptions, name: string): string[] {
  switch (st.kind) {
    case 'skip':
      return [`skip ${st.id} ${st.suite} ${shellQuote(skipJson(st.reason))}`, `report ${st.id}`];
    case 'script':
      return [
        `run_step ${st.id} python3 ${POD_SCRIPT} ${stepWords(st.args)}`,
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
      return machineCaseLines(st, (step) => podStepLines(step, o, name));
  }
}

/** The steps in the order the pods run them: with several pods ddp first (podBody). */
const podSteps = (o: K8sOptions): ExportStep[] => {
  const steps = exportSteps(o);
  if (o.nodes <= 1) return steps;
  return [...steps.filter((s) => s.kind === 'ddp'), ...steps.filter((s) => s.kind !== 'ddp')];
};

/** The steps of the pod script; with several pods ddp runs first and the rest only on pod 0. */
function podBody(o: K8sOptions, name: string): string[] {
  const steps = exportSteps(o);
  const lines = (st: ExportStep) => podStepLines(st, o, name);
  if (o.nodes <= 1) return steps.flatMap((s) => ['', `# ${s.id}`, ...lines(s)]);
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
  printf '%s%s\\n' '${RESULT_PREFIX}' "$(cat "$RESULTS/$1.json")"
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
# limit): the suite's TIMEOUT plus ${IMAGE_PULL_ALLOWANCE_S}s, as another pod's node may still pull the image.
RDZV_TIMEOUT=$((TIMEOUT + ${IMAGE_PULL_ALLOWANCE_S}))`;

/** The driver the pod runs (POSIX sh: the image's /bin/sh may be dash or busybox). */
export function podScript(o: K8sOptions, name: string): string {
  const meta = jobMetaConstants(o, 'k8s', pinnedImage(o.image).ref, name, podSteps(o));
  return `#!/bin/sh
# ml-image smoke suites in a Kubernetes pod, ${EXPORT_MARKER} ${VERSION}.
# Each suite prints one "${RESULT_PREFIX}{json}" line; collect them with
#   kubectl logs${o.namespace ? ` -n ${o.namespace}` : ''} -l ${JOB_LABEL}=${name} --tail=-1 | grep '^${RESULT_PREFIX}'
# The pod (pod 0 of several: it carries every pod's ddp result) exits 1 when a suite failed.
# Its first line, "${JOB_PREFIX}{json}", says what the job is; pod 0 prints it again with
# finishedAt once every suite ran.
set -u
SCRIPT=${K8S_MOUNT}/ml_image_smoke.py
RESULTS=\${ML_IMAGE_RESULTS_DIR:-/tmp/ml-image-results}
TIMEOUT=${o.timeoutSeconds}
${TIMEOUT_EXPORT_LINE}
${gpuLines(o).join('\n')}
NODES=${o.nodes}
INDEX=\${JOB_COMPLETION_INDEX:-0}
RDZV_HOST=${name}-0.${name}${o.nodes > 1 ? `\n${RDZV_TIMEOUT_LINES}` : ''}
mkdir -p "$RESULTS" || exit 2

${podJobMetaShell(meta)}

${RECORD_SHELL}

${POD_FUNCTIONS}
${podBody(o, name).join('\n')}

${JOB_META_FINISHED_LINE}
exit "$FAILED"
`;
}

type Labels = Record<string, string>;

/** The metadata of every object: its name, the namespace when given, the export's labels. */
function metaOf(o: K8sOptions, labels: Labels) {
  return (n: string) => ({
    name: n,
    ...(o.namespace !== undefined && { namespace: o.namespace }),
    labels,
  });
}

/** The headless Service that gives pod 0 its DNS name (nodes > 1). */
function rendezvousService(o: K8sOptions, name: string, labels: Labels) {
  const port = o.rdzvPort ?? DEFAULT_RDZV_PORT;
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
function smokeContainer(o: K8sOptions, image: string) {
  const gpus = typeof o.gpusPerNode === 'number' ? o.gpusPerNode : 0;
  // --memory: request and limit alike, so that no namespace default limit (which /dev/shm counts
  // against) ends the run.
  const memory = o.memory === undefined ? undefined : k8sMemory(o.memory);
  return {
    name: 'smoke',
    image,
    imagePullPolicy: 'IfNotPresent',
    command: ['sh', `${K8S_MOUNT}/run.sh`],
    env: [
      { name: 'PYTHONUNBUFFERED', value: '1' },
      { name: 'PYTHONNOUSERSITE', value: '1' },
      // The pod's node, for the job's ML_IMAGE_JOB lines (run.sh).
      nodeEnv(),
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
export function jobNodeSelector(
  o: Pick<K8sOptions, 'arch' | 'nodeSelector'>,
): Record<string, string> | undefined {
  const selector = { ...(o.arch !== undefined && { [ARCH_LABEL]: o.arch }), ...o.nodeSelector };
  return Object.keys(selector).length > 0 ? selector : undefined;
}

/** The pod template's spec: scheduling (node selector, tolerations), the container and its volumes. */
function podSpec(o: K8sOptions, name: string, image: string) {
  const nodeSelector = jobNodeSelector(o);
  const tolerations: Toleration[] = [
    // GPU node pools are commonly tainted nvidia.com/gpu:NoSchedule.
    ...(typeof o.gpusPerNode === 'number' && o.gpusPerNode > 0
      ? [{ key: 'nvidia.com/gpu', operator: 'Exists' as const, effect: 'NoSchedule' as const }]
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
function smokeJob(o: K8sOptions, name: string, image: string, labels: Labels) {
  const multi = o.nodes > 1;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { ...metaOf(o, labels)(name), annotations: { 'ml-image-action/image': image } },
    spec: {
      // A failing smoke test is a result, not a reason to retry.
      backoffLimit: 0,
      activeDeadlineSeconds: jobDeadlineSeconds(o),
      ttlSecondsAfterFinished: o.ttlSecondsAfterFinished ?? 86400,
      ...(multi && { completionMode: 'Indexed', completions: o.nodes, parallelism: o.nodes }),
      template: { metadata: { labels }, spec: podSpec(o, name, image) },
    },
  };
}

/** ConfigMap (+ headless Service when nodes > 1) + Job, in the order `kubectl apply` needs them. */
export function k8sManifests(o: K8sOptions): Record<string, unknown>[] {
  const ref = checkSpec(o);
  checkK8sOptions(o);
  const name = checkJobName(o.name ?? DEFAULT_JOB_NAME);
  // The headless Service of a multi-pod run takes the name too, and a Service's name is a
  // DNS-1035 label: it starts with a letter (the API server refuses "9smoke").
  if (o.nodes > 1 && !/^[a-z]/.test(name))
    throw new InputError(
      `--name: "${name}" must start with a letter when --nodes > 1 (the pods' headless Service is named after the job)`,
    );
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
