import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findImagesDir, probeFile, SMOKE_SCRIPT } from '../../util/images-dir.js';
import { loadConfig } from '../../config/load.js';
import type { SmokeSuite } from '../../config/schema.js';
import { InputError } from '../../errors.js';
import { type ExportSpec, shellQuote } from '../../export/common.js';
import { jobNameFor } from '../../export/job-name.js';
import {
  JOB_LABEL,
  jobNodeSelector,
  K8S_JOB_FILE,
  k8sManifests,
  k8sSubmit,
  k8sYaml,
  RESULT_PREFIX,
} from '../../export/k8s.js';
import { SLURM_JOB_FILE, SMOKE_SCRIPT_FILE, slurmScript } from '../../export/slurm.js';
import { importsByMachine } from '../../export/imports.js';
import { configSmokeInputs } from '../../smoke/config-inputs.js';
import { type OptionSpec, parseCommandArgs, suitesFlag } from '../args.js';
import type { CliIo } from '../io.js';
import { refuseForeignFile, writeOutFile } from '../output.js';
import {
  exportSummary,
  foreignCheck,
  removeEarlierJob,
  summaryLines,
  type Written,
} from './export-summary.js';
import { gpusPerNodeFlag, nodeSelectorFlag, tolerationFlag, wholeNumber } from './export-flags.js';
import { type ImageSource, imageSource, onlyArch } from './export-source.js';
import type { Command } from './types.js';
import {
  VERIFY_OPTIONS,
  VERIFY_OPTIONS_HELP,
  verifyBeforeWrite,
  verifyRequestFor,
  verifyTimeoutHelp,
} from './verify.js';

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
  ...VERIFY_OPTIONS,
  'verify-timeout': { type: 'string' },
} as const satisfies OptionSpec;

const parseExportArgs = (argv: string[]) => parseCommandArgs('export', argv, EXPORT_OPTIONS).values;
type ExportFlags = ReturnType<typeof parseExportArgs>;

/** What --verify checks against: a key or a certificate identity. */
const SIGNER_FLAGS = ['key', 'certificate-identity', 'certificate-identity-regexp'] as const;

/**
 * Flags that make no export (exit 2): no target or both, no --out (which job, in which DIR, is not
 * known), a verify flag without --verify, --verify without a key or identity. The earlier job in
 * DIR stays: docs/cluster-export.md lists these.
 */
function checkExportAsked(values: ExportFlags, verifyValues: Parameters<typeof verifyRequestFor>[1]): void {
  if (values.slurm === values.k8s) throw new InputError('export: pass exactly one of --slurm or --k8s');
  if (values.out === undefined)
    throw new InputError('export: --out DIR is required (the files are written there)');
  const signer = SIGNER_FLAGS.some((f) => values[f]?.trim());
  // Throws for a stray verify flag, or (--verify, no signer) for the missing key or identity.
  if (values.verify !== true || !signer) verifyRequestFor('export', verifyValues);
}

/** One image source; no option of the other target; --verify without --platform (exit 2). */
function checkFlagCombination(values: ExportFlags): void {
  if ((values.image === undefined) === (values.from === undefined))
    throw new InputError('export: pass exactly one of --image REF@sha256:... or --from DIR');
  if (values.variant !== undefined && values.from === undefined)
    throw new InputError('export: --variant selects a variant of --from DIR/build.json; pass --from');
  const slurmOnly = values.partition !== undefined || values.account !== undefined;
  const k8sOnly =
    values.namespace !== undefined ||
    values['node-selector'] !== undefined ||
    values.toleration !== undefined ||
    values['image-pull-secret'] !== undefined ||
    values['runtime-class'] !== undefined;
  if (values.k8s && slurmOnly) throw new InputError('export: --partition and --account are Slurm options');
  if (values.slurm && k8sOnly)
    throw new InputError(
      'export: --namespace, --node-selector, --toleration, --image-pull-secret and --runtime-class are Kubernetes options',
    );
  if (values.verify === true && values.platform !== undefined)
    throw new InputError(
      `export: --verify --platform ${values.platform} would check one platform of the image while the job runs the image on every node (each pulls its own architecture)`,
      `drop --platform so that every platform is checked, or pass the ${values.platform} image's own digest as --image`,
    );
}

/** The spec both targets share: suites, sizes and timeouts from the flags, the config and plan.json. */
function exportSpec(
  values: ExportFlags,
  io: CliIo,
  source: ImageSource,
): ExportSpec & { suites: SmokeSuite[] } {
  const loaded =
    values.config !== undefined ? loadConfig({ cwd: io.cwd, env: io.env, file: values.config }) : undefined;
  const suites = suitesFlag('export', values.suites, loaded?.config.smoke.suites);
  // The requirement names (imports) and the floors the suites are judged against, as smoke takes them:
  // the names pip installs on the variant's Python (plan.json's, else the config's) and platforms.
  const python =
    source.python ??
    loaded?.config.variants.find((v) => v.name === source.variant)?.python ??
    loaded?.config.python.version;
  const { distributionsFor, baseline } = configSmokeInputs(loaded, io.env, { python });
  const names = importsByMachine(source.platforms ?? loaded?.config.platforms ?? [], (platform) =>
    distributionsFor(platform, python),
  );
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

/** What a job writes (each file's name in DIR and text), how to submit it and where its results go. */
interface JobFiles extends Omit<Written, 'files'> {
  files: { name: string; text: string }[];
  /** Kubernetes: the Job's node selector. */
  nodeSelector?: Record<string, string>;
}

/**
 * OUT/FILE as the printed submit command's word: quoted, and never read as an option (`--out -o`
 * would have sbatch take `-o/job.sbatch` as its output file and wait for a script on stdin).
 */
const fileWord = (out: string, file: string): string => {
  const p = path.join(out, file);
  return shellQuote(p.startsWith('-') ? `./${p}` : p);
};

/**
 * Where `ml-image collect` writes the job's results: the --from DIR (its build.json holds the
 * image), with --capture where DIR holds no environment record (which the report needs).
 */
const collectInto = (values: ExportFlags, source: ImageSource) =>
  values.from !== undefined
    ? // "./-b", never read as an option: collect refuses "--out -b" as a flag that lacks its value.
      `${shellQuote(values.from.startsWith('-') ? `./${values.from}` : values.from)}${source.noEnvRecord ? ' --capture' : ''}`
    : "'<the build result directory>'";

/** The pods' log, every line (kubectl logs -l keeps 10 lines a pod without --tail=-1). */
const podLogs = (values: ExportFlags, spec: ExportSpec) =>
  `kubectl logs${values.namespace ? ` -n ${values.namespace}` : ''} -l ${JOB_LABEL}=${spec.name} --tail=-1`;

/** DIR/ml_image_smoke.py, then DIR/job.sbatch (no new job beside a script it does not match). */
function slurmJob(
  values: ExportFlags,
  io: CliIo,
  spec: ExportSpec,
  smokeScript: string,
  source: ImageSource,
): JobFiles {
  const out = values.out!;
  const text = slurmScript({
    ...spec,
    exportDir: path.resolve(io.cwd, out),
    ...(values.partition !== undefined && { partition: values.partition }),
    ...(values.account !== undefined && { account: values.account }),
  });
  return {
    files: [
      { name: SMOKE_SCRIPT_FILE, text: smokeScript },
      { name: SLURM_JOB_FILE, text },
    ],
    submit: `sbatch ${fileWord(out, SLURM_JOB_FILE)}`,
    results: `${path.join(path.resolve(io.cwd, out), 'results')}/<job id>/<suite>.json`,
    collect: `ml-image collect --slurm ${fileWord(out, 'results')}/'<job id>' --out ${collectInto(values, source)}`,
  };
}

/**
 * DIR/job.yaml: the ConfigMap, Service and Job. An image built for one architecture (ARCH) runs on
 * nodes of it only (kubernetes.io/arch, unless --node-selector says otherwise): elsewhere the pull
 * finds no manifest for the node, or the container dies with "exec format error".
 */
function k8sJob(values: ExportFlags, spec: ExportSpec, smokeScript: string, source: ImageSource): JobFiles {
  const arch = onlyArch(source);
  const out = values.out!;
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
    results: `${podLogs(values, spec)} | grep '^${RESULT_PREFIX}'`,
    collect: `${podLogs(values, spec)} > smoke.log && ml-image collect --k8s smoke.log --out ${collectInto(values, source)}`,
  };
}

export const exportCommand: Command = {
  name: 'export',
  options: EXPORT_OPTIONS,
  summary:
    'Write a Slurm (Pyxis/Enroot) or Kubernetes job that runs the smoke suites against the image by digest.',
  usage:
    'ml-image export (--slurm | --k8s) (--image REF@sha256:... | --from DIR [--variant NAME]) [--config FILE] [--suites a,b] [--nodes N] [--gpus-per-node N|all] [--timeout S] [--namespace NS] [--verify --key FILE|--certificate-identity-regexp RE ... [--verify-timeout SECONDS]] [--force] --out DIR',
  help: `Runs the same suites as "ml-image smoke" on a cluster, against exactly the image that was built:
the reference must carry its digest (taken from DIR/build.json with --from).

  --slurm   DIR/job.sbatch + DIR/ml_image_smoke.py: srun --container-image (Pyxis/Enroot) per suite on
            the first node; ddp on every node through torchrun with a c10d rendezvous. DIR must be on
            a filesystem the nodes mount. Results: DIR/results/<job id>/<suite>.json.
  --k8s     DIR/job.yaml: a ConfigMap (the smoke script and a driver) and a batch/v1 Job that requests
            nvidia.com/gpu (the NVIDIA device plugin must run) with a memory-backed /dev/shm. With
            --nodes > 1 an Indexed Job of N pods and a headless Service; ddp spans the pods.
            Results: one "${RESULT_PREFIX}{json}" line per suite in the pod logs. The submit line
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
${VERIFY_OPTIONS_HELP}
${verifyTimeoutHelp('export')}

Exit codes: 0 written; 1 --verify: a check failed (nothing written); 2 bad input (a reference
without a digest, an invalid name, --nodes > 1 without ddp, a file in DIR that no export wrote); 3 --verify: the registry or cosign cannot be reached, or did not answer within --verify-timeout.
An export that writes no job (1, 2 or 3) removes the job an earlier export left in DIR (its files
that an export wrote), so that it is not applied by mistake.`,
  async run(argv: string[], io: CliIo) {
    const values = parseExportArgs(argv);
    // Its own --timeout is the smoke tests': the verify's deadline is --verify-timeout.
    const verifyValues = { ...values, timeout: values['verify-timeout'] };
    checkExportAsked(values, verifyValues);
    try {
      // Bad input from here on (a flag's value, --verify's included) is an export that wrote no job.
      checkFlagCombination(values);
      return await exportJob(values, io, verifyRequestFor('export', verifyValues));
    } catch (e) {
      // No job written: none an earlier export left in DIR stays there to be applied by mistake.
      removeEarlierJob(io.cwd, values.out!, values.slurm === true, e);
      throw e;
    }
  },
};

/** The export once its flags are checked: read the image, build the job, verify, write. */
async function exportJob(
  values: ExportFlags,
  io: CliIo,
  verify: ReturnType<typeof verifyRequestFor>,
): Promise<number> {
  const source = imageSource(values, io);
  const spec = exportSpec(values, io, source);
  const smokeScript = readFileSync(
    probeFile(findImagesDir(path.dirname(fileURLToPath(import.meta.url))), SMOKE_SCRIPT),
    'utf8',
  );
  const slurm = values.slurm === true;
  // Every file's text first: bad input is exit 2 before the registry is asked anything.
  const job = slurm
    ? slurmJob(values, io, spec, smokeScript, source)
    : k8sJob(values, spec, smokeScript, source);
  // A file there that no export wrote is a person's (a hand-written job.yaml): kept unless --force.
  for (const f of job.files)
    refuseForeignFile(
      path.resolve(io.cwd, values.out!, f.name),
      foreignCheck(values.out!, values.force === true, f.name),
    );
  // --verify: the digest the job will run is checked before any file is written.
  const verified = verify && (await verifyBeforeWrite(io, 'export', source.image, verify, values.json));
  const written: Written = {
    files: job.files.map((f) => writeOutFile(io.cwd, values.out!, f.name, f.text)),
    submit: job.submit,
    results: job.results,
    collect: job.collect,
  };
  const summary = {
    ...exportSummary(source, spec, slurm, written),
    ...(job.nodeSelector && { nodeSelector: job.nodeSelector }),
  };
  io.stdout(
    values.json
      ? `${JSON.stringify({ ...summary, ...(verified && { verified: verified.checks }) }, null, 2)}\n`
      : `${summaryLines(summary, { config: values.config !== undefined }).join('\n')}\n`,
  );
  return 0;
}
