// The Kubernetes settings of the pod `ml-image export --k8s` writes (node selector, tolerations, pull
// secrets, runtime class ...), each checked against the grammar of its API field, naming the flag (exit 2). Pure.
import { InputError } from '../errors.js';
import type { ExportSpec } from './common.js';

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** The pod's Kubernetes settings, besides the spec both targets share. */
export interface K8sPodOptions {
  namespace?: string;
  /** The image's architecture when it is built for one (build.json): nodes of it only (ARCH_LABEL). */
  arch?: string;
  /** --node-selector's labels: they add to the architecture's, and win over it. */
  nodeSelector?: Readonly<Record<string, string>>;
  /** Added to the nvidia.com/gpu toleration that GPU jobs get by default. */
  tolerations?: readonly Toleration[];
  /** Size of the memory-backed /dev/shm (NCCL and gloo use it; a container's default is 64 MiB). */
  shmSize?: string;
  /** How long the finished Job (and its pods' logs) stays for `kubectl logs` (default one day). */
  ttlSecondsAfterFinished?: number;
  /** --image-pull-secret: Secrets (kubernetes.io/dockerconfigjson) the kubelet pulls a private image with. */
  imagePullSecrets?: readonly string[];
  /** --runtime-class: the RuntimeClass that gives the pod its GPUs where nvidia is not the default runtime. */
  runtimeClassName?: string;
}

/** The node label of a node's architecture (amd64, arm64), as the kubelet sets it. */
export const ARCH_LABEL = 'kubernetes.io/arch';

// apimachinery's Quantity grammar (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/)
const QUANTITY =
  /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// A label key: [prefix/]name; the prefix a DNS subdomain, the name 63 of [A-Za-z0-9._-] (alphanumeric ends).
const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function checkLabelKey(key: string, field: string): void {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (
    (prefix !== undefined && (!DNS_SUBDOMAIN.test(prefix) || prefix.length > 253)) ||
    !LABEL_NAME.test(name)
  )
    throw new InputError(`${field}: "${key}" is not a valid label key ([prefix/]name, letters, digits, ._-)`);
}

/** The Kubernetes-only options, each against the grammar of its field (exit 2 naming the flag). */
export function checkK8sOptions(o: K8sPodOptions & Pick<ExportSpec, 'gpusPerNode'>): void {
  if (o.gpusPerNode === 'all')
    throw new InputError(
      '--gpus-per-node: a Kubernetes pod asks for a number of GPUs (the nvidia.com/gpu limit): pass the GPUs of a node, e.g. 8',
    );
  if (o.namespace !== undefined && (!DNS_LABEL.test(o.namespace) || o.namespace.length > 63))
    throw new InputError(
      `--namespace: "${o.namespace}" is not a valid namespace (lowercase letters, digits and "-", at most 63)`,
    );
  // Its own words: a value --node-selector never gave is not the flag's (build.json's platform).
  if (o.arch !== undefined && !LABEL_NAME.test(o.arch))
    throw new InputError(
      `the image's architecture "${o.arch}" (its platform) is not a valid label value for ${ARCH_LABEL}`,
    );
  for (const [k, v] of Object.entries(o.nodeSelector ?? {})) {
    checkLabelKey(k, '--node-selector');
    if (v !== '' && !LABEL_NAME.test(v))
      throw new InputError(`--node-selector: "${v}" is not a valid label value for ${k}`);
  }
  for (const t of o.tolerations ?? []) {
    if (t.key !== undefined) checkLabelKey(t.key, '--toleration');
    if (t.value !== undefined && t.value !== '' && !LABEL_NAME.test(t.value))
      throw new InputError(`--toleration: "${t.value}" is not a valid toleration value`);
    if (t.operator === 'Exists' && t.value)
      throw new InputError('--toleration: a value needs operator Equal');
  }
  for (const [flag, v] of [
    ...(o.imagePullSecrets ?? []).map((n) => ['--image-pull-secret', n] as const),
    ...(o.runtimeClassName !== undefined ? [['--runtime-class', o.runtimeClassName] as const] : []),
  ])
    if (!DNS_SUBDOMAIN.test(v) || v.length > 253)
      throw new InputError(
        `${flag}: "${v}" is not a valid object name (lowercase letters, digits, "-" and ".")`,
      );
  // Each Secret once, as a --node-selector key: the pod listed a repeated one twice.
  const pulls = o.imagePullSecrets ?? [];
  const twice = pulls.find((n, i) => pulls.indexOf(n) !== i);
  if (twice !== undefined)
    throw new InputError(`--image-pull-secret: ${twice} is given twice`, 'give each Secret once');
  if (o.shmSize !== undefined && !QUANTITY.test(o.shmSize))
    throw new InputError(`shm size: "${o.shmSize}" is not a Kubernetes quantity (e.g. 1Gi, 512Mi)`);
  if (
    o.ttlSecondsAfterFinished !== undefined &&
    (!Number.isInteger(o.ttlSecondsAfterFinished) || o.ttlSecondsAfterFinished < 0)
  )
    throw new InputError(`ttlSecondsAfterFinished: expected seconds >= 0, got ${o.ttlSecondsAfterFinished}`);
}
