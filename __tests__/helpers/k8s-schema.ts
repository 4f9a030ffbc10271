// A strict zod schema of the Kubernetes objects `ml-image export --k8s` emits: v1 ConfigMap, v1 Service
// and batch/v1 Job, with the subset of PodSpec/Container/Volume fields such a Job uses. There is no
// cluster (and no schema package) here, so the manifests are checked against this transcription of the
// API reference. Strict objects: a misspelled or unknown field fails, as `kubectl apply --validate=strict`
// fails it. Fields we never emit are left out on purpose (a subset); add them from the reference.
//
// Sources (field names, types, required fields, enums):
//   https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/job-v1/          (Job, JobSpec)
//   https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/          (PodSpec, Container,
//     SecurityContext, PodSecurityContext, Toleration, restartPolicy)
//   https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/volume/ (Volume, emptyDir
//     medium "" | "Memory", sizeLimit; configMap defaultMode 0000..0777)
//   https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/config-map-v1/
//   https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/
//   https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/        (Quantity grammar)
//   https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/
//   kubernetes/kubernetes api/openapi-spec/v3/apis__batch__v1_openapi.json (the same, machine-readable)
// Plus the API server's validation rules the reference states in prose: a Job's pods restart Never or
// OnFailure; Indexed needs completions; extended resources (nvidia.com/gpu) are whole numbers; every
// volumeMount names a volume; names are DNS-1123 labels/subdomains.
import { z } from 'zod';

const int32 = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);
const nonNegative = int32.min(0);

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dnsLabel = z.string().max(63).regex(DNS_LABEL, 'not a DNS-1123 label');
const dnsSubdomain = z.string().max(253).regex(DNS_SUBDOMAIN, 'not a DNS-1123 subdomain');

// Qualified name (label keys, resource names): [DNS-subdomain prefix/]name, name <= 63 of [A-Za-z0-9._-].
const QUALIFIED_NAME =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const qualifiedName = z.string().regex(QUALIFIED_NAME, 'not a qualified name ([prefix/]name)');
const labelValue = z
  .string()
  .regex(/^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/, 'not a label value');

// <quantity> ::= <signedNumber><suffix>; suffix: Ki|Mi|Gi|Ti|Pi|Ei, m|""|k|M|G|T|P|E, or e/E<signedNumber>.
export const QUANTITY =
  /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+))?$/;
// Quantity is int-or-string in JSON; we emit strings (what kubectl prints back).
const quantity = z.string().regex(QUANTITY, 'not a Kubernetes quantity');

const ObjectMeta = z.strictObject({
  name: dnsSubdomain,
  namespace: dnsLabel.optional(),
  labels: z.record(qualifiedName, labelValue).optional(),
  annotations: z.record(qualifiedName, z.string()).optional(),
});
const TemplateMeta = ObjectMeta.partial();

// EnvVarSource's fieldRef (ObjectFieldSelector): the pod fields the API server lets a container's
// variable take (pod-v1, "Environment variables": the downward API's env fields).
const ENV_FIELD_PATH =
  /^(metadata\.(name|namespace|uid)|metadata\.(labels|annotations)\['[^']+'\]|spec\.(nodeName|serviceAccountName)|status\.(hostIP|hostIPs|podIP|podIPs))$/;
const EnvVarSource = z.strictObject({
  fieldRef: z.strictObject({
    apiVersion: z.literal('v1').optional(),
    fieldPath: z.string().regex(ENV_FIELD_PATH, 'not a pod field the downward API gives a variable'),
  }),
});
// value and valueFrom exclude each other ("Cannot be used if value is not empty").
const EnvVar = z
  .strictObject({
    name: z.string().min(1),
    value: z.string().optional(),
    valueFrom: EnvVarSource.optional(),
  })
  .refine((e) => !(e.value && e.valueFrom), { message: 'value and valueFrom exclude each other' });

const ResourceList = z.record(qualifiedName, quantity).superRefine((list, ctx) => {
  for (const [k, v] of Object.entries(list)) {
    // Extended resources (a domain other than kubernetes.io) cannot be overcommitted or fractional.
    if (k.includes('/') && !k.startsWith('kubernetes.io/') && !/^[0-9]+$/.test(v))
      ctx.addIssue({ code: 'custom', message: `${k}: extended resources must be whole numbers`, path: [k] });
  }
});

const SeccompProfile = z.strictObject({
  type: z.enum(['RuntimeDefault', 'Unconfined', 'Localhost']),
  localhostProfile: z.string().optional(),
});

const SecurityContext = z.strictObject({
  allowPrivilegeEscalation: z.boolean().optional(),
  privileged: z.boolean().optional(),
  capabilities: z
    .strictObject({ add: z.array(z.string()).optional(), drop: z.array(z.string()).optional() })
    .optional(),
  readOnlyRootFilesystem: z.boolean().optional(),
  runAsNonRoot: z.boolean().optional(),
  runAsUser: z.number().int().min(0).optional(),
  runAsGroup: z.number().int().min(0).optional(),
  seccompProfile: SeccompProfile.optional(),
});

const PodSecurityContext = z.strictObject({
  runAsNonRoot: z.boolean().optional(),
  runAsUser: z.number().int().min(0).optional(),
  runAsGroup: z.number().int().min(0).optional(),
  fsGroup: z.number().int().min(0).optional(),
  supplementalGroups: z.array(z.number().int().min(0)).optional(),
  seccompProfile: SeccompProfile.optional(),
});

const VolumeMount = z.strictObject({
  name: z.string().min(1),
  mountPath: z.string().startsWith('/'),
  readOnly: z.boolean().optional(),
  subPath: z.string().optional(),
});

const Container = z.strictObject({
  name: dnsLabel,
  image: z.string().min(1),
  imagePullPolicy: z.enum(['Always', 'Never', 'IfNotPresent']).optional(),
  command: z.array(z.string()).optional(),
  args: z.array(z.string()).optional(),
  workingDir: z.string().optional(),
  env: z.array(EnvVar).optional(),
  resources: z
    .strictObject({ limits: ResourceList.optional(), requests: ResourceList.optional() })
    .optional(),
  volumeMounts: z.array(VolumeMount).optional(),
  securityContext: SecurityContext.optional(),
  terminationMessagePolicy: z.enum(['File', 'FallbackToLogsOnError']).optional(),
});

const Volume = z
  .strictObject({
    name: dnsLabel,
    emptyDir: z
      .strictObject({ medium: z.enum(['', 'Memory']).optional(), sizeLimit: quantity.optional() })
      .optional(),
    configMap: z
      .strictObject({
        name: dnsSubdomain,
        defaultMode: z.number().int().min(0).max(0o777).optional(),
        optional: z.boolean().optional(),
        items: z
          .array(z.strictObject({ key: z.string(), path: z.string(), mode: z.number().int().optional() }))
          .optional(),
      })
      .optional(),
  })
  .refine((v) => [v.emptyDir, v.configMap].filter((s) => s !== undefined).length === 1, {
    message: 'a volume has exactly one source',
  });

const Toleration = z
  .strictObject({
    key: qualifiedName.optional(),
    operator: z.enum(['Exists', 'Equal']).optional(),
    value: z.string().optional(),
    effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']).optional(),
    tolerationSeconds: z.number().int().optional(),
  })
  .refine((t) => t.operator !== 'Exists' || !t.value, { message: 'operator Exists takes no value' });

const PodSpec = z
  .strictObject({
    containers: z.array(Container).min(1),
    restartPolicy: z.enum(['Always', 'OnFailure', 'Never']).optional(),
    volumes: z.array(Volume).optional(),
    nodeSelector: z.record(qualifiedName, labelValue).optional(),
    tolerations: z.array(Toleration).optional(),
    securityContext: PodSecurityContext.optional(),
    subdomain: dnsLabel.optional(),
    hostname: dnsLabel.optional(),
    enableServiceLinks: z.boolean().optional(),
    automountServiceAccountToken: z.boolean().optional(),
    serviceAccountName: dnsSubdomain.optional(),
    // PodSpec.runtimeClassName: the name of a node.k8s.io/v1 RuntimeClass (a DNS subdomain);
    // imagePullSecrets: LocalObjectReference { name } of Secrets in the pod's namespace.
    runtimeClassName: dnsSubdomain.optional(),
    imagePullSecrets: z.array(z.strictObject({ name: dnsSubdomain })).optional(),
    terminationGracePeriodSeconds: z.number().int().min(0).optional(),
  })
  .superRefine((spec, ctx) => {
    const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
    spec.containers.forEach((c, i) =>
      (c.volumeMounts ?? []).forEach((m, j) => {
        if (!volumes.has(m.name))
          ctx.addIssue({
            code: 'custom',
            message: `volumeMount "${m.name}" names no volume`,
            path: ['containers', i, 'volumeMounts', j, 'name'],
          });
      }),
    );
  });

const JobSpec = z
  .strictObject({
    template: z.strictObject({ metadata: TemplateMeta.optional(), spec: PodSpec }),
    activeDeadlineSeconds: z.number().int().positive().optional(),
    backoffLimit: nonNegative.optional(),
    backoffLimitPerIndex: nonNegative.optional(),
    completionMode: z.enum(['NonIndexed', 'Indexed']).optional(),
    completions: nonNegative.optional(),
    parallelism: nonNegative.optional(),
    manualSelector: z.boolean().optional(),
    maxFailedIndexes: nonNegative.optional(),
    podReplacementPolicy: z.enum(['TerminatingOrFailed', 'Failed']).optional(),
    suspend: z.boolean().optional(),
    ttlSecondsAfterFinished: nonNegative.optional(),
  })
  .superRefine((s, ctx) => {
    const rp = s.template.spec.restartPolicy;
    if (rp !== 'Never' && rp !== 'OnFailure')
      ctx.addIssue({
        code: 'custom',
        message: 'a Job pod template needs restartPolicy Never or OnFailure',
        path: ['template', 'spec', 'restartPolicy'],
      });
    if (s.completionMode === 'Indexed' && s.completions === undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'completionMode Indexed needs completions',
        path: ['completions'],
      });
  });

export const JobSchema = z.strictObject({
  apiVersion: z.literal('batch/v1'),
  kind: z.literal('Job'),
  metadata: ObjectMeta,
  spec: JobSpec,
});

export const ConfigMapSchema = z.strictObject({
  apiVersion: z.literal('v1'),
  kind: z.literal('ConfigMap'),
  metadata: ObjectMeta,
  data: z.record(z.string().regex(/^[-._a-zA-Z0-9]+$/, 'not a ConfigMap key'), z.string()).optional(),
  immutable: z.boolean().optional(),
});

export const ServiceSchema = z.strictObject({
  apiVersion: z.literal('v1'),
  kind: z.literal('Service'),
  metadata: ObjectMeta.extend({ name: dnsLabel }),
  spec: z.strictObject({
    type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
    clusterIP: z.string().optional(),
    selector: z.record(qualifiedName, labelValue).optional(),
    publishNotReadyAddresses: z.boolean().optional(),
    ports: z
      .array(
        z.strictObject({
          name: dnsLabel.optional(),
          port: z.number().int().min(1).max(65535),
          targetPort: z.union([z.number().int().min(1).max(65535), z.string()]).optional(),
          protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
        }),
      )
      .optional(),
  }),
});

/** Validate one emitted object by its kind; returns the issues as "path: message" lines. */
export function k8sIssues(obj: unknown): string[] {
  const kind = (obj as { kind?: unknown } | null)?.kind;
  const schema =
    kind === 'Job'
      ? JobSchema
      : kind === 'ConfigMap'
        ? ConfigMapSchema
        : kind === 'Service'
          ? ServiceSchema
          : undefined;
  if (!schema) return [`unknown kind ${JSON.stringify(kind)}`];
  const r = schema.safeParse(obj);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
